//! The data set's own prose: words it puts in quotation marks must be the article's, and a rationale must be the
//! article's words, a whole clause of them, found where the item's evidence points.

use super::checker::Checker;
use super::excerpts::ArticleIndex;
use super::values::show;
use crate::model::Item;
use crate::passages::find_folded;
use crate::text::{count_noun, fold_whitespace};

/// The texts between quotation marks: “curly” pairs, and straight double quotes taken two by two. An opening mark
/// without its closing one quotes nothing.
pub(super) fn quoted_spans(text: &str) -> Vec<&str> {
    let mut spans = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['“', '"']) {
        let open = rest[start..].chars().next().unwrap_or('"');
        let close = if open == '“' { '”' } else { '"' };
        let after = &rest[start + open.len_utf8()..];
        let Some(end) = after.find(close) else {
            break;
        };
        spans.push(&after[..end]);
        rest = &after[end + close.len_utf8()..];
    }
    spans
}

/// Words after which a clause cannot end: a modal verb waiting for its verb, an article, a conjunction or a
/// preposition waiting for what it governs.
const DANGLING_ENDS: &[&str] = &[
    "might", "could", "would", "should", "can", "will", "may", "must", "shall", "a", "an", "the",
    "and", "or", "but", "of", "to",
];

/// The fewest words a rationale may have: enough for a subject, a verb and what the article says of it.
pub const MIN_RATIONALE_WORDS: usize = 4;

/// Why a (folded) rationale is only a fragment of the article's judgment, if it is: fewer than
/// [`MIN_RATIONALE_WORDS`] words, or a clause cut off before its end (e.g. "other developments might").
fn fragment_problem(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    if words.len() < MIN_RATIONALE_WORDS {
        return Some(format!(
            "is a fragment of {}; quote at least the clause that carries the judgment ({MIN_RATIONALE_WORDS} words or more)",
            count_noun(words.len(), "word", "words")
        ));
    }
    let last = words[words.len() - 1]
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    DANGLING_ENDS.contains(&last.as_str()).then(|| {
        format!(
            "is a fragment: it stops at {}, before the words that say what it is about; quote the whole clause",
            show(&last)
        )
    })
}

impl Checker<'_> {
    /// Words in quotation marks inside the data set's own prose (`what` at `path`) must be the article's: an exact
    /// excerpt (white space aside) of a paragraph. `cited` are the paragraphs to try first (those the item's evidence
    /// cites), `also` further texts the words may come from (a hindsight entry's own quotations).
    pub(super) fn quoted_words(
        &mut self,
        path: &str,
        what: &str,
        text: &str,
        index: &ArticleIndex<'_>,
        cited: &[&str],
        also: &[&str],
    ) {
        for span in quoted_spans(text) {
            let folded = fold_whitespace(span);
            if folded.is_empty()
                || cited.iter().any(|p| find_folded(p, &folded).is_some())
                || also
                    .iter()
                    .any(|t| find_folded(&fold_whitespace(t), &folded).is_some())
                || index.find(&folded).is_some()
            {
                continue;
            }
            let hint = if self.detailed() {
                index.closest_hint(&folded)
            } else {
                String::new()
            };
            self.error(
                path,
                format!(
                    "{what} puts {} in quotation marks, but these are not the article's words{hint}",
                    show(span)
                ),
            );
        }
    }
}

/// The rationale of an item at `base`: a text, the article's words (best in a paragraph the item's evidence cites,
/// `cited`, or within one of its quotations; elsewhere in the article it is a warning), and a whole clause.
pub(super) fn check_rationale(
    c: &mut Checker<'_>,
    base: &str,
    item: &Item,
    index: &ArticleIndex<'_>,
    cited: &[&str],
) {
    let rationale = &item.feasibility.rationale;
    let rationale_path = format!("{base}.feasibility.rationale");
    c.text(&rationale_path, "the rationale", rationale);
    let folded = fold_whitespace(rationale);
    // A rationale in a paragraph that the item's evidence cites is in the article: the common case, and cheap.
    let in_evidence_paragraph = cited.iter().any(|p| find_folded(p, &folded).is_some());
    // Words within one of the item's own quotations are the article's if that quotation is (which is checked
    // there), and no search of the whole article is needed.
    let in_quote = || {
        item.evidence
            .iter()
            .any(|q| find_folded(&fold_whitespace(&q.quote), &folded).is_some())
    };
    if !folded.is_empty() && !in_evidence_paragraph && !in_quote() {
        match index.find(&folded) {
            None => {
                let hint = if c.detailed() {
                    index.closest_hint(&folded)
                } else {
                    String::new()
                };
                c.error(
                    &rationale_path,
                    format!(
                        "the rationale {} is not an exact excerpt of any paragraph of the article{hint}",
                        show(rationale)
                    ),
                );
            }
            Some(at) => {
                c.warn(
                    &rationale_path,
                    format!(
                        "the rationale {} is in {}, which none of the item's evidence quotes cites",
                        show(rationale),
                        index.describe(at)
                    ),
                );
            }
        }
    }
    if let Some(problem) = fragment_problem(&folded) {
        c.error(
            &rationale_path,
            format!("the rationale {} {problem}", show(rationale)),
        );
    }
}
