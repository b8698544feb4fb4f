//! Verbatim quotations: the article's paragraphs folded once ([`ArticleIndex`]), whether a quotation is an exact
//! excerpt of the paragraph it cites (asked of [`crate::passages`], the highlighter's own test), and where else its
//! words are when it is not.

use std::collections::HashMap;

use super::checker::Checker;
use super::values::show;
use crate::model::{Article, Item};
use crate::passages::{find_folded, find_quote};
use crate::text::{fold_whitespace, head_chars, plural, tail_chars};

/// True when `quote` occurs in `paragraph` once white space is folded in both ([`fold_whitespace`]); nothing else may
/// differ, neither case nor punctuation. A quote that is empty after folding is no excerpt.
/// The highlighter's own test ([`find_quote`]), so that what validates is what the article view can mark.
pub fn is_exact_excerpt(quote: &str, paragraph: &str) -> bool {
    find_quote(paragraph, quote).is_some()
}

/// The length, in bytes of `quote`, of the longest opening of `quote` that occurs in `text`.
fn longest_found_prefix(quote: &str, text: &str) -> usize {
    let bounds: Vec<usize> = quote
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(quote.len()))
        .collect();
    // Invariant: the prefix up to bounds[lo] occurs (the empty one always does); the one up to bounds[hi] does not.
    let (mut lo, mut hi) = (0usize, bounds.len() - 1);
    if text.contains(quote) {
        return quote.len();
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if text.contains(&quote[..bounds[mid]]) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    bounds[lo]
}

/// Says where a folded quote stops matching a folded text.
fn divergence(folded_quote: &str, folded_text: &str) -> String {
    let k = longest_found_prefix(folded_quote, folded_text);
    let (agreed, rest) = folded_quote.split_at(k);
    if agreed.is_empty() {
        format!(
            "not even its opening {:?} occurs there",
            head_chars(rest, 30)
        )
    } else {
        format!(
            "the words up to {:?} occur there, but not followed by {:?}",
            tail_chars(agreed, 40),
            head_chars(rest, 30)
        )
    }
}

/// The article's paragraphs, folded once (by [`fold_whitespace`], as [`crate::passages`] folds them), and its sections
/// by id.
pub(super) struct ArticleIndex<'a> {
    sections: HashMap<&'a str, usize>,
    section_ids: Vec<&'a str>,
    folded: Vec<Vec<String>>,
}

impl<'a> ArticleIndex<'a> {
    pub(super) fn new(article: &'a Article) -> ArticleIndex<'a> {
        let mut sections = HashMap::new();
        for (i, s) in article.sections.iter().enumerate() {
            sections.entry(s.id.as_str()).or_insert(i);
        }
        ArticleIndex {
            sections,
            section_ids: article.sections.iter().map(|s| s.id.as_str()).collect(),
            folded: article
                .sections
                .iter()
                .map(|s| s.paragraphs.iter().map(|p| fold_whitespace(p)).collect())
                .collect(),
        }
    }

    /// The folded paragraph that a quotation cites, if it exists.
    pub(super) fn cited(&self, section: &str, paragraph: usize) -> Option<&str> {
        let s = *self.sections.get(section)?;
        self.folded[s]
            .get(paragraph.checked_sub(1)?)
            .map(String::as_str)
    }

    /// The folded paragraphs that an item's evidence cites, each once, in the order first cited.
    pub(super) fn cited_by(&self, item: &Item) -> Vec<&str> {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        let mut cited = Vec::new();
        for q in &item.evidence {
            let Some(&s) = self.sections.get(q.section.as_str()) else {
                continue;
            };
            let Some(p) = q.paragraph.checked_sub(1) else {
                continue;
            };
            if let Some(text) = self.folded[s].get(p) {
                if !seen.contains(&(s, p)) {
                    seen.push((s, p));
                    cited.push(text.as_str());
                }
            }
        }
        cited
    }

    /// The first paragraph (section index, 0-based paragraph index) that holds `folded_quote`.
    pub(super) fn find(&self, folded_quote: &str) -> Option<(usize, usize)> {
        self.folded.iter().enumerate().find_map(|(s, paragraphs)| {
            paragraphs
                .iter()
                .position(|p| find_folded(p, folded_quote).is_some())
                .map(|p| (s, p))
        })
    }

    /// The paragraph whose text holds the longest opening of `folded_quote`.
    fn closest(&self, folded_quote: &str) -> Option<(usize, usize)> {
        let mut best: Option<((usize, usize), usize)> = None;
        for (s, paragraphs) in self.folded.iter().enumerate() {
            for (p, text) in paragraphs.iter().enumerate() {
                let k = longest_found_prefix(folded_quote, text);
                if best.is_none_or(|(_, b)| k > b) {
                    best = Some(((s, p), k));
                }
            }
        }
        best.map(|(at, _)| at)
    }

    /// Where the folded words come closest to the article, for a message: `"; closest is paragraph 2 of section
    /// \"intro\": the words up to …"`; empty when the article has no paragraph.
    pub(super) fn closest_hint(&self, folded_quote: &str) -> String {
        self.closest(folded_quote).map_or(String::new(), |at| {
            let (s, p) = at;
            format!(
                "; closest is {}: {}",
                self.describe(at),
                divergence(folded_quote, &self.folded[s][p])
            )
        })
    }

    /// "paragraph 2 of section \"intro\"", for a message.
    pub(super) fn describe(&self, (s, p): (usize, usize)) -> String {
        format!(
            "paragraph {} of section {}",
            p + 1,
            show(self.section_ids[s])
        )
    }
}

/// Checks one verbatim quotation: its text, the section and paragraph it cites, and that it is an exact excerpt.
pub(super) fn check_quotation(
    c: &mut Checker<'_>,
    base: &str,
    index: &ArticleIndex<'_>,
    quote: &str,
    section: &str,
    paragraph: usize,
) {
    let quote_path = format!("{base}.quote");
    c.text(&quote_path, "the quote", quote);
    let folded = fold_whitespace(quote);
    let detailed = c.detailed();
    let elsewhere = || {
        if folded.is_empty() || !detailed {
            String::new()
        } else {
            index.find(&folded).map_or(String::new(), |at| {
                format!(" (the quote is in {})", index.describe(at))
            })
        }
    };
    let Some(&s) = index.sections.get(section) else {
        c.error(
            format!("{base}.section"),
            format!("unknown section {}{}", show(section), elsewhere()),
        );
        return;
    };
    let count = index.folded[s].len();
    if paragraph == 0 {
        c.error(
            format!("{base}.paragraph"),
            format!(
                "paragraph 0 does not exist: paragraphs are counted from 1{}",
                elsewhere()
            ),
        );
        return;
    }
    if paragraph > count {
        c.error(
            format!("{base}.paragraph"),
            format!(
                "section {} has {count} paragraph{}; there is no paragraph {paragraph}{}",
                show(section),
                plural(count, "", "s"),
                elsewhere()
            ),
        );
        return;
    }
    if folded.is_empty() {
        return;
    }
    let cited = index.cited(section, paragraph).unwrap_or_default();
    if find_folded(cited, &folded).is_some() {
        return;
    }
    if !c.detailed() {
        // Only counted from here on: neither a message nor a search of the whole article for where the words are.
        c.count_unlisted_error();
        return;
    }
    match index.find(&folded) {
        Some((fs, fp)) if fs == s => c.error(
            format!("{base}.paragraph"),
            format!(
                "the quote {} cites paragraph {paragraph} of section {} but is in paragraph {}",
                show(quote),
                show(section),
                fp + 1
            ),
        ),
        Some(at) => c.error(
            format!("{base}.section"),
            format!(
                "the quote {} cites paragraph {paragraph} of section {} but is in {}",
                show(quote),
                show(section),
                index.describe(at)
            ),
        ),
        None => c.error(
            quote_path,
            format!(
                "the quote {} is not an exact excerpt of paragraph {paragraph} of section {}: {}",
                show(quote),
                show(section),
                divergence(&folded, cited)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_and_divergence() {
        assert_eq!(longest_found_prefix("abcx", "zzabcd"), 3);
        assert_eq!(longest_found_prefix("xyz", "abc"), 0);
        assert_eq!(longest_found_prefix("ab", "ab"), 2);
        assert_eq!(longest_found_prefix("éa", "éb"), 'é'.len_utf8());
        assert!(divergence("the cat sat", "the cat sits").contains("\"the cat s\""));
    }
}
