//! Citations of the explorer's view: its title, its address with the state and the date it was accessed.

use super::*;

// ---------- The explorer's view ----------

/// The title of the explorer showing a view, as the app names it: "Summit Fruits: TITLE, explored (Matrix view)".
pub fn view_title(article_title: &str, view_label: &str) -> String {
    format!("{APP_NAME}: {article_title}, explored ({view_label} view)")
}

/// Citations of the explorer's view: the page has no author and no date of its own and changes with the state, so
/// each style gives its title, its address with the state and the date it was accessed.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewCitations {
    pub apa: Citation,
    pub mla: Citation,
    pub chicago_note: Citation,
    pub chicago_bibliography: Citation,
}

/// `title` is [`view_title`]'s, `address` the view's address, `accessed` the day it was read.
pub fn view_citations(
    title: &str,
    address: &str,
    accessed: IsoDate,
    article: &Article,
) -> ViewCitations {
    // APA 9.12: a work without an author moves its title into the author's place; 9.17 and the APA Style example
    // "Webpage on a website with no date": "(n.d.)" and, for a page designed to change, "Retrieved Month Day, Year,
    // from URL". The explorer's own name stays capitalised in sentence case: it is the work's proper name.
    let apa_title = match title.strip_prefix(APP_NAME) {
        Some(rest) => format!("{APP_NAME}{}", sentence_case(rest, article)),
        None => sentence_case(title, article),
    };
    let mut apa = Citation::default();
    apa.italic(&apa_title);
    apa.push(&format!(
        ". (n.d.). Retrieved {}, from {address}",
        chicago_date(accessed)
    ));

    // MLA 9: no author, so the entry starts with the title (5.20); the site's name as the container, in italics; no
    // date of publication, so the access date closes the entry (5.111).
    let mut mla = Citation::default();
    mla.push(&format!("{} ", quoted(&title_case(title), ".")));
    mla.italic(APP_NAME);
    mla.push(&format!(
        ", {}. Accessed {}.",
        mla_url(address),
        mla_date(accessed)
    ));

    // Chicago 14.206–14.207: website content without an author or a date of publication: the title in quotation
    // marks, the site's name, "accessed" with the date, and the URL; the bibliography lists it under the site's owner.
    let mut note = Citation::default();
    note.push(&format!(
        "{} {APP_NAME}, accessed {}, {address}.",
        quoted(&title_case(title), ","),
        chicago_date(accessed)
    ));
    let mut bibliography = Citation::default();
    bibliography.push(&format!(
        "{APP_NAME}. {} Accessed {}. {address}.",
        quoted(&title_case(title), "."),
        chicago_date(accessed)
    ));
    ViewCitations {
        apa: apa.done(),
        mla: mla.done(),
        chicago_note: note.done(),
        chicago_bibliography: bibliography.done(),
    }
}
