//! Citations of the article, of the explorer's view and of an item's passages, in APA 7, MLA 9, Chicago 17
//! (notes and bibliography), BibTeX and RIS: what the Cite dialog shows.
//!
//! A citation is a list of [`Run`]s, some in italics, so that the dialog can show the italics and a copy as plain
//! text loses only the slant. Each style's rule is named where it is applied: APA, the Publication Manual (7th ed.)
//! and the APA Style site's "Webpage on a news website" and "Webpage on a website" reference examples; MLA, the MLA
//! Handbook (9th ed.) and the MLA Style Center; Chicago, the Chicago Manual of Style (17th ed.), chapter 14. BibTeX
//! follows the `btxdoc` field rules and biblatex's manual; RIS, the RIS format specification (Research Information
//! Systems, "RIS Format Specifications").

use crate::dates::IsoDate;
use crate::model::{Article, Quotation};

mod case;
mod exchange;
mod names;
mod passage;
mod view;

use case::*;
use names::*;

pub use case::{is_proper_noun, sentence_case, short_title, title_case};
pub use exchange::{bibtex, ris};
pub use names::{authors, Name};
pub use passage::{passage_citations, place, PassageCitations, Place, APA_BLOCK_WORDS};
pub use view::{view_citations, view_title, ViewCitations};

/// The explorer's name, the first part of every view's title.
pub const APP_NAME: &str = "Summit Fruits";

/// A stretch of a citation, in italics or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub italic: bool,
}

/// One citation as runs of text; `plain()` is what a copy writes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Citation {
    pub runs: Vec<Run>,
}

impl Citation {
    fn push(&mut self, text: &str) -> &mut Self {
        self.push_run(text, false)
    }

    fn italic(&mut self, text: &str) -> &mut Self {
        self.push_run(text, true)
    }

    fn push_run(&mut self, text: &str, italic: bool) -> &mut Self {
        match self.runs.last_mut() {
            Some(last) if last.italic == italic => last.text.push_str(text),
            _ if text.is_empty() => {}
            _ => self.runs.push(Run {
                text: text.to_string(),
                italic,
            }),
        }
        self
    }

    /// The citation as plain text (italics dropped).
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// The text of the runs in italics, in order.
    pub fn italic_parts(&self) -> Vec<&str> {
        self.runs
            .iter()
            .filter(|r| r.italic)
            .map(|r| r.text.as_str())
            .collect()
    }

    fn done(&mut self) -> Citation {
        std::mem::take(self)
    }
}

// ---------- Punctuation around quoted titles ----------

/// A title inside quotation marks followed by `mark` (MLA's "." and Chicago's ","): the mark goes inside the closing
/// quotation mark (Chicago 6.9, MLA 9 1.3), unless the title ends in a question or exclamation mark, which replaces it.
fn quoted(title: &str, mark: &str) -> String {
    if title.ends_with(['?', '!']) {
        format!("“{title}”")
    } else {
        format!("“{title}{mark}”")
    }
}

/// A title in italics followed by a full stop, unless it ends in its own punctuation (APA 9.19).
fn ends_with_stop(text: &str) -> bool {
    text.ends_with(['.', '?', '!'])
}

/// MLA 9 (5.95): a URL without "http://" or "https://".
fn mla_url(url: &str) -> &str {
    url.strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url)
}

// ---------- The article ----------

/// Every citation of the article the dialog offers.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleCitations {
    pub apa: Citation,
    pub mla: Citation,
    pub chicago_note: Citation,
    pub chicago_short_note: Citation,
    pub chicago_bibliography: Citation,
    pub bibtex: String,
    pub ris: String,
}

fn published(article: &Article) -> Option<IsoDate> {
    IsoDate::parse(&article.published)
}

/// APA 7, the reference of a web page on a news website (APA Style, "Webpage on a news website"; Publication Manual
/// 10.2 and 10.16): `Author, A. (Year, Month Day). *Title in sentence case*. Outlet. URL` — the title in italics, the
/// outlet in plain type, no full stop after the URL (9.35).
pub fn apa(article: &Article) -> Citation {
    let names = authors(&article.author);
    let mut c = Citation::default();
    let author = apa_authors(&names);
    c.push(&author);
    if !author.ends_with('.') {
        c.push(".");
    }
    c.push(&format!(" {}. ", apa_date(published(article))));
    let title = sentence_case(&article.title, article);
    c.italic(&title);
    if !ends_with_stop(&title) {
        c.push(".");
    }
    c.push(&format!(" {}. {}", article.outlet, article.url));
    c.done()
}

/// The start MLA's entry and Chicago's bibliography share: `Author. “Title in Title Case.” *Outlet*, date`.
fn author_title_outlet(article: &Article, author: &str, date: Option<String>) -> Citation {
    let mut c = Citation::default();
    c.push(author);
    if !author.ends_with('.') {
        c.push(".");
    }
    c.push(&format!(" {} ", quoted(&title_case(&article.title), ".")));
    c.italic(&article.outlet);
    if let Some(date) = date {
        c.push(&format!(", {date}"));
    }
    c
}

/// MLA 9, a work on a website (Handbook 5.x core elements; MLA Style Center, "Works Cited: A Quick Guide"):
/// `Family, Given. “Title in Title Case.” *Outlet*, 4 June 2021, URL without scheme.` No access date: MLA 9 asks for
/// one only when the work has no date of publication (5.111).
pub fn mla(article: &Article) -> Citation {
    let mut c = author_title_outlet(
        article,
        &mla_authors(&authors(&article.author)),
        published(article).map(mla_date),
    );
    c.push(&format!(", {}.", mla_url(&article.url)));
    c.done()
}

/// Chicago 17, a full note for a news or magazine article consulted online (14.191, 14.198; the outlet in italics as
/// an online periodical): `1. Given Family, “Title,” *Outlet*, June 4, 2021, URL.` `locator` is a place in the
/// article ("under “Heading,” para. 2", 14.174), put after the date.
fn chicago_note_with(article: &Article, locator: Option<&str>) -> Citation {
    let names = authors(&article.author);
    let mut c = Citation::default();
    c.push(&format!(
        "{}, {} ",
        chicago_note_authors(&names),
        quoted(&title_case(&article.title), ",")
    ));
    c.italic(&article.outlet);
    if let Some(date) = published(article) {
        c.push(&format!(", {}", chicago_date(date)));
    }
    if let Some(locator) = locator {
        c.push(&format!(", {locator}"));
    }
    c.push(&format!(", {}.", article.url));
    c.done()
}

/// Chicago 17, the full note (14.20, 14.191).
pub fn chicago_note(article: &Article) -> Citation {
    chicago_note_with(article, None)
}

/// Chicago 17, the short note for later citations (14.29–14.30): `Family, “Short Title.”`, or with a locator
/// `Family, “Short Title,” locator.`
fn chicago_short_note_with(article: &Article, locator: Option<&str>) -> Citation {
    let names = authors(&article.author);
    let short = title_case(&short_title(&article.title));
    let mut c = Citation::default();
    match locator {
        Some(locator) => c.push(&format!(
            "{}, {} {locator}.",
            chicago_short_authors(&names),
            quoted(&short, ",")
        )),
        None => c.push(&format!(
            "{}, {}",
            chicago_short_authors(&names),
            quoted(&short, ".")
        )),
    };
    c.done()
}

pub fn chicago_short_note(article: &Article) -> Citation {
    chicago_short_note_with(article, None)
}

/// Chicago 17, the bibliography entry (14.21, 14.191): `Family, Given. “Title.” *Outlet*, June 4, 2021. URL.`
pub fn chicago_bibliography(article: &Article) -> Citation {
    let mut c = author_title_outlet(
        article,
        &chicago_bibliography_authors(&authors(&article.author)),
        published(article).map(chicago_date),
    );
    c.push(&format!(". {}.", article.url));
    c.done()
}

/// Every citation of the article.
pub fn article_citations(article: &Article) -> ArticleCitations {
    ArticleCitations {
        apa: apa(article),
        mla: mla(article),
        chicago_note: chicago_note(article),
        chicago_short_note: chicago_short_note(article),
        chicago_bibliography: chicago_bibliography(article),
        bibtex: bibtex(article),
        ris: ris(article),
    }
}
