//! What the Cite dialog says: its title, its introduction and its groups of citations (the article's, the view's, an
//! item's passages), each with a label and the name a copy announces. The citations themselves are
//! `summit_core::cite`'s; the dialog's drawing is [`crate::cite_dialog`].

use summit_core::cite::{
    article_citations, passage_citations, place, view_citations, view_title, Citation, Run,
};
use summit_core::dates::IsoDate;
use summit_core::model::DataSet;
use summit_core::state::View;

/// How an entry is shown: prose (with italics) or code (BibTeX, RIS) in a preformatted block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Prose,
    Code,
}

/// One citation in the dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The entry's label: the style and the form ("APA 7: reference").
    pub label: String,
    pub citation: Citation,
    pub shape: Shape,
}

/// A group of citations under a heading, with a note below the heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub heading: String,
    pub note: Option<String>,
    pub entries: Vec<Entry>,
}

/// Everything the dialog shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CiteContent {
    pub title: String,
    pub intro: String,
    pub groups: Vec<Group>,
}

/// What the app asks the dialog for.
#[derive(Debug, Clone, PartialEq)]
pub struct CiteRequest {
    /// The view shown (its id, as in the address: `cards`, `matrix`…).
    pub view: String,
    /// The view's address with its state (what "Copy link" copies).
    pub view_address: String,
    /// The item whose detail asked, by id; `None` from the toolbar.
    pub item: Option<String>,
    /// The day the reader is citing on (the reader's own date).
    pub accessed: IsoDate,
}

fn prose(label: &str, citation: Citation) -> Entry {
    Entry {
        label: label.to_string(),
        citation,
        shape: Shape::Prose,
    }
}

fn code(label: &str, text: String) -> Entry {
    Entry {
        label: label.to_string(),
        citation: Citation {
            runs: vec![Run {
                text,
                italic: false,
            }],
        },
        shape: Shape::Code,
    }
}

fn article_group(data: &DataSet) -> Group {
    let c = article_citations(&data.article);
    Group {
        heading: "The article".to_string(),
        note: Some(
            "For a reference list, a bibliography or a reference manager. Italics show here; a copy is plain text, \
             so set the slanted parts in italics where your style asks."
                .to_string(),
        ),
        entries: vec![
            prose("APA 7: reference", c.apa),
            prose("MLA 9: works-cited entry", c.mla),
            prose("Chicago 17: note", c.chicago_note),
            prose("Chicago 17: short note", c.chicago_short_note),
            prose("Chicago 17: bibliography", c.chicago_bibliography),
            code("BibTeX", c.bibtex),
            code("RIS", c.ris),
        ],
    }
}

/// The month and day as the dialog's notes write them ("27 November 2026").
fn human(date: IsoDate) -> String {
    date.to_human()
}

/// The dialog's content for `request` on the data set `data`; an error for an item the data set does not have.
pub fn cite_content(data: &DataSet, request: &CiteRequest) -> Result<CiteContent, String> {
    let article = &data.article;
    match &request.item {
        None => {
            let view_label = View::from_id(&request.view).unwrap_or_default().label();
            let title = view_title(&article.title, view_label);
            let view = view_citations(&title, &request.view_address, request.accessed, article);
            Ok(CiteContent {
                title: "Cite".to_string(),
                intro: format!(
                    "Cite the article the explorer is built on, “{}” by {}, or this view of the explorer. Copy the \
                     form your style asks for.",
                    article.title, article.author
                ),
                groups: vec![
                    article_group(data),
                    Group {
                        heading: "This view of the explorer".to_string(),
                        note: Some(format!(
                            "The address keeps this view with its filters; accessed {}.",
                            human(request.accessed)
                        )),
                        entries: vec![
                            prose("APA 7: reference", view.apa),
                            prose("MLA 9: works-cited entry", view.mla),
                            prose("Chicago 17: note", view.chicago_note),
                            prose("Chicago 17: bibliography", view.chicago_bibliography),
                        ],
                    },
                ],
            })
        }
        Some(id) => {
            let item = data
                .items
                .iter()
                .find(|i| &i.id == id)
                .ok_or_else(|| format!("the data set has no item “{id}”"))?;
            let mut groups = Vec::new();
            let count = item.evidence.len();
            for (n, quotation) in item.evidence.iter().enumerate() {
                let (Some(where_), Some(c)) = (
                    place(article, quotation),
                    passage_citations(article, quotation),
                ) else {
                    continue;
                };
                let section = match &where_.heading {
                    Some(heading) => format!("section “{heading}”, paragraph {}", where_.paragraph),
                    None => format!(
                        "the opening before the first heading, paragraph {}",
                        where_.paragraph
                    ),
                };
                groups.push(Group {
                    heading: if count == 1 {
                        "The passage".to_string()
                    } else {
                        format!("Passage {} of {count}", n + 1)
                    },
                    note: Some(format!("In the article’s {section}.")),
                    entries: vec![
                        prose("APA 7: quotation with in-text citation", c.apa),
                        prose("MLA 9: quotation with in-text citation", c.mla),
                        prose("Chicago 17: note", c.chicago_note),
                        prose("Chicago 17: short note", c.chicago_short_note),
                    ],
                });
            }
            groups.push(article_group(data));
            Ok(CiteContent {
                title: "Cite this item".to_string(),
                intro: format!(
                    "“{}” rests on {} of the article “{}” by {}. Each is quoted with its place in the article and \
                     each style’s citation; the article’s own entries follow.",
                    item.title,
                    if count == 1 {
                        "this passage".to_string()
                    } else {
                        format!("these {count} passages")
                    },
                    article.title,
                    article.author
                ),
                groups,
            })
        }
    }
}
