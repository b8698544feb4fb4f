//! The rules of a sound data set: the article, the feasibility scale, the vocabularies, every item and every event,
//! each problem with its JSON path, in document order.

use std::collections::{HashMap, HashSet};

use super::checker::Checker;
use super::excerpts::{check_quotation, ArticleIndex};
use super::limits::Limits;
use super::people::check_people;
use super::problems::Problem;
use super::prose::check_rationale;
use super::values::{iso, parse_date, show};
use crate::dates::IsoDate;
use crate::model::{Article, Category, DataSet, Item, Vocabularies};

/// Validates a data set with the default [`Limits`]; see [`validate_with_limits`].
pub fn validate(data: &DataSet) -> Vec<Problem> {
    validate_with_limits(data, &Limits::default())
}

/// Every problem of a data set, in document order. Only `limits.max_string_chars` matters here.
pub fn validate_with_limits(data: &DataSet, limits: &Limits) -> Vec<Problem> {
    let mut c = Checker::new(limits);
    let index = ArticleIndex::new(&data.article);
    check_article(&mut c, &data.article);
    check_focus_event(&mut c, data);
    let levels = check_scale(&mut c, data);
    let vocab = check_vocabularies(&mut c, &data.vocabularies);
    check_items(&mut c, data, &index, &levels, &vocab);
    check_events(&mut c, data, &index);
    c.finish()
}

fn check_article(c: &mut Checker<'_>, a: &Article) {
    c.text("$.article.title", "the title", &a.title);
    c.text("$.article.author", "the author", &a.author);
    c.text("$.article.outlet", "the outlet", &a.outlet);
    if let Some(kind) = &a.kind {
        c.text("$.article.kind", "the kind", kind);
    }
    match parse_date(&a.published) {
        Ok(d) if d.day.is_some() => {}
        Ok(_) => c.error(
            "$.article.published",
            format!(
                "the publication date {} must be a full date, YYYY-MM-DD",
                show(&a.published)
            ),
        ),
        Err(e) => c.error("$.article.published", format!("the publication date {e}")),
    }
    c.url("$.article.url", "the article's address", &a.url);
    c.text("$.article.citation", "the citation", &a.citation);
    if a.sections.is_empty() {
        c.error("$.article.sections", "the article has no sections");
    }
    let mut seen = HashMap::new();
    for (i, section) in a.sections.iter().enumerate() {
        let base = format!("$.article.sections[{i}]");
        c.id(&format!("{base}.id"), "section", &section.id, &mut seen);
        if let Some(heading) = &section.heading {
            c.text(&format!("{base}.heading"), "the heading", heading);
        }
        if section.paragraphs.is_empty() {
            c.error(
                format!("{base}.paragraphs"),
                format!("section {} has no paragraphs", show(&section.id)),
            );
        }
        for (j, paragraph) in section.paragraphs.iter().enumerate() {
            c.text(
                &format!("{base}.paragraphs[{j}]"),
                "the paragraph",
                paragraph,
            );
        }
    }
}

/// The article's focus event, when it names one, is an event of the data set.
fn check_focus_event(c: &mut Checker<'_>, data: &DataSet) {
    if let Some(id) = &data.article.focus_event {
        if !data.events.iter().any(|e| e.id == *id) {
            c.error(
                "$.article.focus_event",
                format!("unknown event {} (not an id in $.events)", show(id)),
            );
        }
    }
}

/// Checks the feasibility scale and returns its levels.
fn check_scale(c: &mut Checker<'_>, data: &DataSet) -> Vec<u8> {
    let scale = &data.feasibility_scale;
    if scale.len() < 4 {
        c.error(
            "$.feasibility_scale",
            format!(
                "the feasibility scale has {} levels; it needs at least 4",
                scale.len()
            ),
        );
    }
    let mut seen: HashMap<u8, usize> = HashMap::new();
    for (i, level) in scale.iter().enumerate() {
        let base = format!("$.feasibility_scale[{i}]");
        if let Some(first) = seen.get(&level.level) {
            c.error(
                format!("{base}.level"),
                format!(
                    "duplicate feasibility level {} (first at $.feasibility_scale[{first}].level)",
                    level.level
                ),
            );
        } else {
            seen.insert(level.level, i);
        }
        c.text(&format!("{base}.label"), "the label", &level.label);
        c.text(
            &format!("{base}.description"),
            "the description",
            &level.description,
        );
    }
    scale.iter().map(|l| l.level).collect()
}

struct Vocab<'a> {
    categories: HashSet<Category>,
    domains: HashSet<&'a str>,
    actors: HashSet<&'a str>,
}

fn check_vocabularies<'a>(c: &mut Checker<'_>, v: &'a Vocabularies) -> Vocab<'a> {
    let mut categories = HashSet::new();
    for (name, what, terms) in [
        ("categories", "category", &v.categories),
        ("domains", "domain", &v.domains),
        ("actors", "actor", &v.actors),
    ] {
        if terms.is_empty() {
            c.error(
                format!("$.vocabularies.{name}"),
                format!("the {name} vocabulary is empty"),
            );
        }
        let mut seen = HashMap::new();
        for (i, term) in terms.iter().enumerate() {
            let base = format!("$.vocabularies.{name}[{i}]");
            c.id(&format!("{base}.id"), what, &term.id, &mut seen);
            if name == "categories" {
                match Category::from_id(&term.id) {
                    Some(cat) => {
                        categories.insert(cat);
                    }
                    None => c.error(
                        format!("{base}.id"),
                        format!(
                            "unknown category id {}; the categories are {}",
                            show(&term.id),
                            Category::ALL.map(Category::id).join(", ")
                        ),
                    ),
                }
            }
            c.text(&format!("{base}.label"), "the label", &term.label);
            c.text(
                &format!("{base}.description"),
                "the description",
                &term.description,
            );
        }
    }
    Vocab {
        categories,
        domains: v.domains.iter().map(|t| t.id.as_str()).collect(),
        actors: v.actors.iter().map(|t| t.id.as_str()).collect(),
    }
}

fn check_items(
    c: &mut Checker<'_>,
    data: &DataSet,
    index: &ArticleIndex<'_>,
    levels: &[u8],
    vocab: &Vocab<'_>,
) {
    if data.items.is_empty() {
        c.error("$.items", "the data set has no items");
    }
    let mut first_item: HashMap<&str, &Item> = HashMap::new();
    for item in &data.items {
        first_item.entry(item.id.as_str()).or_insert(item);
    }
    let mut seen = HashMap::new();
    for (i, item) in data.items.iter().enumerate() {
        let base = format!("$.items[{i}]");
        c.id(&format!("{base}.id"), "item", &item.id, &mut seen);
        c.text(&format!("{base}.title"), "the title", &item.title);
        c.text(&format!("{base}.summary"), "the summary", &item.summary);
        if !vocab.categories.contains(&item.category) {
            c.error(
                format!("{base}.category"),
                format!(
                    "category {} is not in $.vocabularies.categories",
                    show(item.category.id())
                ),
            );
        }

        // Feasibility.
        if !levels.contains(&item.feasibility.level) {
            let on_scale: Vec<String> = levels.iter().map(u8::to_string).collect();
            c.error(
                format!("{base}.feasibility.level"),
                format!(
                    "level {} is not on the feasibility scale (levels: {})",
                    item.feasibility.level,
                    if on_scale.is_empty() {
                        "none".to_owned()
                    } else {
                        on_scale.join(", ")
                    }
                ),
            );
        }
        // The paragraphs the item's evidence cites, each once (an item may cite one paragraph many times).
        let cited = index.cited_by(item);
        check_rationale(c, &base, item, index, &cited);

        // What the data set says in its own words: words in quotation marks there must be the article's.
        c.quoted_words(
            &format!("{base}.summary"),
            "the summary",
            &item.summary,
            index,
            &cited,
            &[],
        );
        if let Some(note) = &item.feasibility.reading_note {
            let note_path = format!("{base}.feasibility.reading_note");
            c.text(&note_path, "the reading note", note);
            c.quoted_words(&note_path, "the reading note", note, index, &cited, &[]);
        }

        // Domains and actors.
        if item.domains.is_empty() {
            c.error(
                format!("{base}.domains"),
                format!(
                    "item {} has no domain; it needs at least one",
                    show(&item.id)
                ),
            );
        }
        c.references(
            &format!("{base}.domains"),
            "domain",
            &item.domains,
            |d| vocab.domains.contains(d),
            "$.vocabularies.domains",
        );
        if item.actors.is_empty() {
            c.error(
                format!("{base}.actors"),
                format!(
                    "item {} has no actor; it needs at least one",
                    show(&item.id)
                ),
            );
        }
        c.references(
            &format!("{base}.actors"),
            "actor",
            &item.actors,
            |a| vocab.actors.contains(a),
            "$.vocabularies.actors",
        );

        for (j, person) in item.people.iter().enumerate() {
            c.text(
                &format!("{base}.people[{j}].name"),
                "the name",
                &person.name,
            );
            c.text(
                &format!("{base}.people[{j}].role"),
                "the role",
                &person.role,
            );
        }

        if item.evidence.is_empty() {
            c.error(
                format!("{base}.evidence"),
                format!(
                    "item {} has no evidence quote; it needs at least one",
                    show(&item.id)
                ),
            );
        }
        for (j, q) in item.evidence.iter().enumerate() {
            check_quotation(
                c,
                &format!("{base}.evidence[{j}]"),
                index,
                &q.quote,
                &q.section,
                q.paragraph,
            );
        }

        // Related items.
        let mut seen_related: HashMap<&str, usize> = HashMap::new();
        for (j, other) in item.related.iter().enumerate() {
            let p = format!("{base}.related[{j}]");
            if let Some(first) = seen_related.get(other.as_str()) {
                c.error(
                    &p,
                    format!(
                        "related item {} is listed twice (first at {base}.related[{first}])",
                        show(other)
                    ),
                );
                continue;
            }
            seen_related.insert(other, j);
            if *other == item.id {
                c.error(&p, format!("item {} lists itself as related", show(other)));
            } else if let Some(target) = first_item.get(other.as_str()) {
                if !target.related.contains(&item.id) {
                    c.warn(
                        &p,
                        format!(
                            "item {} lists {} as related, but {} does not list {} back",
                            show(&item.id),
                            show(other),
                            show(other),
                            show(&item.id)
                        ),
                    );
                }
            } else {
                c.error(
                    &p,
                    format!(
                        "unknown related item {} (not an id in $.items)",
                        show(other)
                    ),
                );
            }
        }
    }
    check_people(c, data);
}

fn check_events(c: &mut Checker<'_>, data: &DataSet, index: &ArticleIndex<'_>) {
    let items: HashSet<&str> = data.items.iter().map(|i| i.id.as_str()).collect();
    let mut seen = HashMap::new();
    let mut previous: Option<(IsoDate, &str)> = None;
    for (i, event) in data.events.iter().enumerate() {
        let base = format!("$.events[{i}]");
        c.id(&format!("{base}.id"), "event", &event.id, &mut seen);
        let date = match parse_date(&event.date) {
            Ok(d) => Some(d),
            Err(e) => {
                c.error(format!("{base}.date"), format!("the date {e}"));
                None
            }
        };
        if let Some(d) = date {
            if let Some((prev, prev_id)) = previous {
                if d.last_day() < prev.first_day() {
                    c.warn(
                        format!("{base}.date"),
                        format!(
                            "event {} ({}) comes after event {} ({}) but is dated earlier; \
                             events should be in chronological order",
                            show(&event.id),
                            iso(d),
                            show(prev_id),
                            iso(prev)
                        ),
                    );
                }
            }
            previous = Some((d, &event.id));
        }
        if let Some(end) = &event.end_date {
            match parse_date(end) {
                Ok(e) => {
                    if let Some(d) = date {
                        if e.last_day() < d.first_day() {
                            c.error(
                                format!("{base}.end_date"),
                                format!("the end date {} is before the date {}", iso(e), iso(d)),
                            );
                        }
                    }
                }
                Err(e) => c.error(format!("{base}.end_date"), format!("the end date {e}")),
            }
        }
        c.text(&format!("{base}.title"), "the title", &event.title);
        check_quotation(
            c,
            &base,
            index,
            &event.quote,
            &event.section,
            event.paragraph,
        );
        c.references(
            &format!("{base}.items"),
            "item",
            &event.items,
            |id| items.contains(id),
            "$.items",
        );
    }
}
