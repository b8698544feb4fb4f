//! Citations of a passage of the article: the quotation with its section and paragraph in each style.

use super::*;

// ---------- A passage of the article ----------

/// Where a quotation is in the article, as the styles locate a passage of an unpaginated web page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The heading of the section that holds it; `None` for the untitled introduction.
    pub heading: Option<String>,
    /// The paragraph, counted from 1 within its section when it has a heading, and from the start of the article
    /// when it has none (an untitled section before the first heading is the article's start: APA 8.28 counts
    /// paragraphs "from the beginning of the document" where no heading helps).
    pub paragraph: usize,
}

/// Where `quotation` is: its section's heading and paragraph; `None` when the section is not in the article.
pub fn place(article: &Article, quotation: &Quotation) -> Option<Place> {
    let mut before = 0;
    for section in &article.sections {
        if section.id == quotation.section {
            return Some(match &section.heading {
                Some(heading) => Place {
                    heading: Some(heading.clone()),
                    paragraph: quotation.paragraph,
                },
                None => Place {
                    heading: None,
                    paragraph: before + quotation.paragraph,
                },
            });
        }
        before += section.paragraphs.len();
    }
    None
}

/// Citations of one passage: the quotation with each style's in-text citation or note.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageCitations {
    /// APA 7: the quotation and "(Family, Year, Heading section, para. N)".
    pub apa: Citation,
    /// MLA 9: the quotation and "(Family)".
    pub mla: Citation,
    /// Chicago 17: the full note with the section and paragraph.
    pub chicago_note: Citation,
    /// Chicago 17: the short note with the section and paragraph.
    pub chicago_short_note: Citation,
}

/// APA 8.25–8.28: a quotation of fewer than 40 words runs in the text in double quotation marks; one of 40 or more is
/// a block quotation without them, its citation after the final punctuation.
pub const APA_BLOCK_WORDS: usize = 40;

/// The quotation's text without a closing full stop, comma, semicolon or colon, which the sentence's own punctuation
/// after the citation replaces (APA 8.26, MLA 9 6.x, Chicago 13.7: a period of the original need not be kept).
pub(super) fn trimmed_quote(quote: &str) -> &str {
    let quote = quote.trim();
    quote
        .strip_suffix(['.', ',', ';', ':'])
        .unwrap_or(quote)
        .trim_end()
}

/// A quotation in run-in form, `“words” (citation).`: the question or exclamation mark of the original stays inside
/// the quotation marks, and the sentence's full stop follows the citation (APA 8.26, MLA 9 6.x).
pub(super) fn run_in(quote: &str, citation: &str) -> String {
    format!("“{}” ({citation}).", trimmed_quote(quote))
}

/// Citations of `quotation` in the article; `None` when its section is not in the article.
pub fn passage_citations(article: &Article, quotation: &Quotation) -> Option<PassageCitations> {
    let place = place(article, quotation)?;
    let names = authors(&article.author);
    // APA 8.28: for a source without page numbers, a heading and the paragraph within it: "(Family, Year, Heading
    // section, para. N)"; with no heading, the paragraph counted from the start: "(Family, Year, para. N)".
    let apa_locator = match &place.heading {
        Some(heading) => format!("{heading} section, para. {}", place.paragraph),
        None => format!("para. {}", place.paragraph),
    };
    let apa_citation = format!(
        "{}, {}, {apa_locator}",
        apa_in_text_authors(&names),
        apa_year(published(article))
    );
    let words = quotation.quote.split_whitespace().count();
    let apa = if words >= APA_BLOCK_WORDS {
        let quote = quotation.quote.trim();
        let stop = if ends_with_stop(quote) { "" } else { "." };
        format!("{quote}{stop} ({apa_citation})")
    } else {
        run_in(&quotation.quote, &apa_citation)
    };
    // MLA 9 (6.20–6.23): a work without page numbers is cited by its author alone; paragraphs are given only when the
    // source numbers them, which this one does not.
    let mla = run_in(&quotation.quote, &mla_in_text_authors(&names));
    // Chicago 14.174: an online work without page numbers is located by a section heading ("under “Heading”") and a
    // paragraph number ("para.", 14.157).
    let chicago_locator = match &place.heading {
        Some(heading) => format!("under {} para. {}", quoted(heading, ","), place.paragraph),
        None => format!("para. {}", place.paragraph),
    };
    Some(PassageCitations {
        apa: Citation {
            runs: vec![Run {
                text: apa,
                italic: false,
            }],
        },
        mla: Citation {
            runs: vec![Run {
                text: mla,
                italic: false,
            }],
        },
        chicago_note: chicago_note_with(article, Some(&chicago_locator)),
        chicago_short_note: chicago_short_note_with(article, Some(&chicago_locator)),
    })
}
