//! Where each item's evidence quotations sit in the article's text, and how to cut a paragraph
//! into pieces that overlapping quotations cover, for the annotated article view.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::DataSet;
use crate::text::{ceil_boundary, floor_boundary, fold_whitespace};

/// Where each evidence quotation sits in the article: for rendering highlights.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mark {
    /// The item's index in `data.items`.
    pub item: usize,
    /// The quotation's index in the item's `evidence`.
    pub evidence: usize,
    /// Byte range in the paragraph's ORIGINAL text.
    pub range: Range<usize>,
}

/// The marks of every paragraph of the article, by section index and 0-based paragraph index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PassageMap {
    sections: Vec<Vec<Vec<Mark>>>,
}

impl PassageMap {
    /// The marks in one paragraph (0-based indices), ordered by start, then longest first, then
    /// item and evidence; empty for a paragraph that has none or does not exist.
    pub fn marks(&self, section: usize, paragraph: usize) -> &[Mark] {
        self.sections
            .get(section)
            .and_then(|s| s.get(paragraph))
            .map_or(&[], Vec::as_slice)
    }

    /// Where one quotation was found: (section index, paragraph index 0-based, its mark).
    pub fn find(&self, item: usize, evidence: usize) -> Option<(usize, usize, &Mark)> {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(s, paragraphs)| {
                paragraphs.iter().enumerate().find_map(|(p, marks)| {
                    marks
                        .iter()
                        .find(|m| m.item == item && m.evidence == evidence)
                        .map(|m| (s, p, m))
                })
            })
    }

    /// The number of quotations found.
    pub fn len(&self) -> usize {
        self.sections.iter().flatten().map(Vec::len).sum()
    }

    /// True when no quotation was found.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A text with its white space folded as [`fold_whitespace`] folds it (every run of spaces, line breaks, U+00A0 and any
/// other Unicode white space made one space, both ends trimmed), and for each of its bytes where in the original its
/// character starts.
struct Collapsed {
    text: String,
    origin: Vec<u32>,
}

impl Collapsed {
    fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        // A run of white space becomes one space, written only once a character follows it (so none at either end).
        let mut space_at = None;
        for (at, c) in original.char_indices() {
            if c.is_whitespace() {
                if space_at.is_none() && !text.is_empty() {
                    space_at = Some(at);
                }
            } else {
                if let Some(space) = space_at.take() {
                    text.push(' ');
                    origin.push(space as u32);
                }
                text.push(c);
                origin.resize(text.len(), at as u32);
            }
        }
        Collapsed { text, origin }
    }

    /// Where `quote` (already folded, not empty) first occurs, in original bytes.
    fn find(&self, original: &str, quote: &str) -> Option<Range<usize>> {
        let start = find_folded(&self.text, quote)?;
        let last = self.origin[start + quote.len() - 1] as usize;
        let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        Some(self.origin[start] as usize..end)
    }
}

/// Where a quotation starts in a paragraph, both with their white space folded by [`fold_whitespace`]; `None` for an
/// empty quotation. The one test of "these are the article's words": the highlighter ([`find_quote`], [`locate`]) and
/// the validator (`crate::validate`) both ask it, so a quotation validates exactly when it can be highlighted.
pub fn find_folded(folded_paragraph: &str, folded_quote: &str) -> Option<usize> {
    if folded_quote.is_empty() {
        return None;
    }
    folded_paragraph.find(folded_quote)
}

/// Where `quote` first occurs in `paragraph` when both have every run of white space taken as one
/// space (and the quote's leading and trailing white space ignored), as a byte range of
/// `paragraph`; `None` when it does not occur or is blank.
pub fn find_quote(paragraph: &str, quote: &str) -> Option<Range<usize>> {
    let quote = fold_whitespace(quote);
    if quote.is_empty() {
        return None;
    }
    Collapsed::new(paragraph).find(paragraph, &quote)
}

/// Finds each item's evidence quote in the paragraph it cites, matching after folding white
/// space (the quote may differ from the paragraph only in white space: runs of spaces/newlines/
/// U+00A0). Returns marks per (section index, paragraph index 0-based). Quotes that cannot be
/// found (or cite a section or paragraph that does not exist) are skipped: the validator reports them.
pub fn locate(data: &DataSet) -> PassageMap {
    let sections = &data.article.sections;
    let mut map = PassageMap {
        sections: sections
            .iter()
            .map(|s| vec![Vec::new(); s.paragraphs.len()])
            .collect(),
    };
    let mut section_of: HashMap<&str, usize> = HashMap::new();
    for (i, s) in sections.iter().enumerate() {
        section_of.entry(s.id.as_str()).or_insert(i);
    }
    let mut collapsed: HashMap<(usize, usize), Collapsed> = HashMap::new();
    for (item, it) in data.items.iter().enumerate() {
        for (evidence, q) in it.evidence.iter().enumerate() {
            let Some(&s) = section_of.get(q.section.as_str()) else {
                continue;
            };
            let Some(p) = q.paragraph.checked_sub(1) else {
                continue;
            };
            let Some(text) = sections[s].paragraphs.get(p) else {
                continue;
            };
            let quote = fold_whitespace(&q.quote);
            if quote.is_empty() {
                continue;
            }
            let found = collapsed
                .entry((s, p))
                .or_insert_with(|| Collapsed::new(text));
            if let Some(range) = found.find(text, &quote) {
                map.sections[s][p].push(Mark {
                    item,
                    evidence,
                    range,
                });
            }
        }
    }
    for marks in map.sections.iter_mut().flatten() {
        crate::query::sort_by_key(marks, |m| {
            (
                m.range.start,
                std::cmp::Reverse(m.range.end),
                m.item,
                m.evidence,
            )
        });
    }
    map
}

/// A piece of a paragraph over which the set of covering marks is constant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'t> {
    pub text: &'t str,
    /// Indices into the paragraph's marks, ascending; empty for plain text.
    pub marks: Vec<usize>,
}

/// Cuts a paragraph into segments where the set of covering marks is constant (marks may
/// overlap), so each segment can be drawn with the marks that cover it. Segments are maximal
/// (neighbours differ in their marks), never empty, and concatenate back to `paragraph`; an empty
/// paragraph has none. Ranges past the end are clamped and ranges inside a character widened to it.
pub fn segments<'t>(paragraph: &'t str, marks: &[Mark]) -> Vec<Segment<'t>> {
    let ranges: Vec<Range<usize>> = marks
        .iter()
        .map(|m| floor_boundary(paragraph, m.range.start)..ceil_boundary(paragraph, m.range.end))
        .collect();
    let mut cuts: Vec<usize> = Vec::with_capacity(ranges.len() * 2 + 2);
    cuts.push(0);
    cuts.push(paragraph.len());
    for r in ranges.iter().filter(|r| r.start < r.end) {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    crate::query::sort(&mut cuts);
    cuts.dedup();

    let mut out: Vec<Segment<'t>> = Vec::with_capacity(cuts.len());
    let mut start = 0;
    let mut covering: Vec<usize> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let now: Vec<usize> = (0..ranges.len())
            .filter(|&k| ranges[k].start <= a && b <= ranges[k].end)
            .collect();
        if a > 0 && now != covering {
            out.push(Segment {
                text: &paragraph[start..a],
                marks: std::mem::take(&mut covering),
            });
            start = a;
        }
        covering = now;
    }
    if start < paragraph.len() {
        out.push(Segment {
            text: &paragraph[start..],
            marks: covering,
        });
    }
    out
}
