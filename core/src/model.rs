//! The data model of a Summit Fruits data set: the article, its feasibility scale, vocabularies, items, events and hindsight.
//!
//! These types are exactly what `data/potential-fruits.json` holds and what `data/schema.json` describes.
//! They carry data and look labels up; every rule about what makes a data set sound lives in [`crate::validate`].

use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A whole data set: one article and everything the explorer shows about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DataSet {
    /// The article the data set is about, with its full text.
    pub article: Article,
    /// The ordered feasibility levels; a higher `level` means more feasible at the summit.
    pub feasibility_scale: Vec<FeasibilityLevel>,
    /// Closed vocabularies for categories, domains and actors, with display labels.
    pub vocabularies: Vocabularies,
    /// One item per distinct prospect or risk the article discusses, in article order.
    pub items: Vec<Item>,
    /// Every dated event the article mentions.
    pub events: Vec<Event>,
}

impl DataSet {
    /// This data set without the text that only the on-demand module shows: the article's paragraphs (its sections),
    /// the descriptions of the feasibility levels and of the vocabularies' terms, and the events' quotations with where
    /// they are in the article. It is what the app's first module carries of the bundled data set; the on-demand module
    /// holds the data set whole.
    pub fn without_module_only_text(&self) -> DataSet {
        let mut slim = self.clone();
        slim.article.sections.clear();
        for level in &mut slim.feasibility_scale {
            level.description.clear();
        }
        let vocabularies = &mut slim.vocabularies;
        for term in vocabularies
            .categories
            .iter_mut()
            .chain(&mut vocabularies.domains)
            .chain(&mut vocabularies.actors)
        {
            term.description.clear();
        }
        for event in &mut slim.events {
            event.quote.clear();
            event.section.clear();
            event.paragraph = 0;
        }
        slim
    }

    /// The highest level on the feasibility scale (0 for an empty scale).
    pub fn max_level(&self) -> u8 {
        self.feasibility_scale
            .iter()
            .map(|l| l.level)
            .max()
            .unwrap_or(0)
    }

    /// The label of a feasibility level, such as "Easy"; empty when the scale lacks the level.
    pub fn level_label(&self, level: u8) -> &str {
        self.feasibility_scale
            .iter()
            .find(|l| l.level == level)
            .map_or("", |l| l.label.as_str())
    }

    /// The label of a category, or its id when the vocabulary lacks it.
    pub fn category_label(&self, category: Category) -> &str {
        term_label(&self.vocabularies.categories, category.id())
    }
}

/// The label of the term with this id, or the id itself when the vocabulary lacks it.
pub fn term_label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
    terms
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.label.as_str())
}

/// What happened after the article, kept in its own file (`data/hindsight.json`) so that it never mixes with the article's claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hindsight {
    /// The original address of the article these facts follow (the same as `article.url`).
    pub article_url: String,
    /// Dated facts, each with its source.
    pub entries: Vec<HindsightEntry>,
    /// How each item's expectation compares with what happened.
    pub outcomes: Vec<Outcome>,
}

/// The article's bibliographic data and its full text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: String,
    pub author: String,
    /// The outlet that first published the article.
    pub outlet: String,
    /// The publisher's label for the kind of piece, such as "Analysis & Opinions".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// ISO date of publication, `YYYY-MM-DD`.
    pub published: String,
    /// The original's address (http or https).
    pub url: String,
    /// The citation as the publisher gives it.
    pub citation: String,
    /// The id of the event the whole article looks towards (an id in `events`); the timeline marks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus_event: Option<String>,
    /// The full text, section by section.
    pub sections: Vec<Section>,
}

/// One section of the article: an optional heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// A stable slug, used by quotations to say where they are.
    pub id: String,
    /// The section's heading as the article prints it; `null` for the untitled introduction.
    pub heading: Option<String>,
    /// The paragraphs, verbatim. Quotations count them from 1.
    pub paragraphs: Vec<String>,
}

/// One level of the feasibility scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FeasibilityLevel {
    /// The level's rank; higher means more feasible at the summit.
    pub level: u8,
    /// A short label, such as "Easy".
    pub label: String,
    /// What the article's wording at this level sounds like.
    pub description: String,
}

/// The closed vocabularies that items refer to by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    pub categories: Vec<Term>,
    pub domains: Vec<Term>,
    pub actors: Vec<Term>,
}

/// One entry of a vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub label: String,
    pub description: String,
}

// Categories in the order the article introduces them; each id is serde's name, also used in the URL and class names.
crate::keyed_enum! {
    /// Which part of the article an item comes from.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[serde(rename_all = "kebab-case")]
    pub enum Category {
        LowHanging = "low-hanging",
        HighHanging = "high-hanging",
        Unilateral = "unilateral",
        Risk = "risk",
    }
}

/// One prospect or risk that the article discusses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A stable slug.
    pub id: String,
    /// A short, plain title.
    pub title: String,
    /// One to three sentences in the data set's own words, saying what the article says.
    pub summary: String,
    pub category: Category,
    pub feasibility: Feasibility,
    /// Domain ids from `vocabularies.domains`.
    pub domains: Vec<String>,
    /// Actor ids from `vocabularies.actors`: who would have to agree or act.
    pub actors: Vec<String>,
    /// People the article mentions in connection with the item.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Verbatim quotations that show why the item sits where it does.
    pub evidence: Vec<Quotation>,
    /// Ids of items the article links to this one.
    #[serde(default)]
    pub related: Vec<String>,
}

/// How feasible the article judges an item at the summit, and the words that say so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Feasibility {
    /// A `level` from `feasibility_scale`.
    pub level: u8,
    /// A verbatim quotation of the article's words that justify the level.
    pub rationale: String,
    /// How the rationale is read, where its words alone could mislead: a double negative, a verdict that differs from
    /// the introduction's, a level that rates the summit rather than a risk. Shown beside the rationale; words in
    /// quotation marks in it must be the article's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading_note: Option<String>,
}

/// A person the article names, with the role it gives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub role: String,
}

/// A verbatim excerpt of one paragraph of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quotation {
    /// The exact words (white space may differ).
    pub quote: String,
    /// The id of the section that holds them.
    pub section: String,
    /// The paragraph within the section, counted from 1.
    pub paragraph: usize,
}

/// A dated event that the article mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// An ISO date, possibly partial: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// For spans such as "June 11-14", the last day, in the same form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    pub title: String,
    /// The article's words about the event, verbatim.
    pub quote: String,
    pub section: String,
    /// The paragraph within the section, counted from 1.
    pub paragraph: usize,
    /// Ids of the items the event bears on.
    #[serde(default)]
    pub items: Vec<String>,
}

/// One dated fact from after the article, kept apart from the article's own claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HindsightEntry {
    pub id: String,
    /// An ISO date, possibly partial.
    pub date: String,
    /// One sentence in the data set's own words.
    pub text: String,
    /// Where the fact was checked (http or https).
    pub source: String,
    /// Ids of the items the fact bears on.
    pub items: Vec<String>,
    /// True for facts from before the article, shown only as background.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub background: bool,
}

/// What the article expected of an item at the summit against what happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub item: String,
    pub verdict: Verdict,
    /// One sentence that cites the dated hindsight entries.
    pub reason: String,
    /// Ids of the hindsight entries the reason rests on.
    pub entries: Vec<String>,
}

// Verdicts from best kept to least, the order of `Verdict::ALL`.
crate::keyed_enum! {
    /// How an expectation held.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(JsonSchema))]
    #[serde(rename_all = "kebab-case")]
    pub enum Verdict {
        /// What happened matched what the article expected at the summit.
        BorneOut = ("borne-out", "Borne out"),
        /// Some of it held, some did not.
        Partly = ("partly", "Partly borne out"),
        /// What happened went against the article's expectation.
        NotBorneOut = ("not-borne-out", "Not borne out"),
        /// Later events made the question moot.
        Overtaken = ("overtaken", "Overtaken by events"),
    }
}
