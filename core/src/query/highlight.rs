//! Highlighting: where search words match a text, as byte ranges of the original text (folding aside), and the text cut
//! into marked and unmarked pieces.

use std::ops::Range;

use super::finder::Finder;
use super::fold::{ascii_prefix_len, fold_bytes_into, fold_cow, folded_len};
use crate::text::{ceil_boundary, floor_boundary};

/// Byte ranges of `text` where any search term matches (case- and accent-insensitively, through
/// [`fold_char`]; terms are folded here too, so raw words work as well as [`search_terms`]),
/// merged when they overlap or touch, sorted, and always on char boundaries of the original
/// `text`. A match that begins or ends inside what one original character folds to (such as the
/// second `s` of `ß`) covers that whole character.
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    if text.is_empty() || terms.iter().all(String::is_empty) {
        return ranges;
    }
    FOLD_SCRATCH.with(|scratch| {
        let mut folded = scratch.borrow_mut();
        folded.clear();
        fold_bytes_into(text, &mut folded);
        let hay = folded.as_slice();
        for term in terms {
            let term = fold_cow(term);
            if term.is_empty() {
                continue;
            }
            let finder = Finder::new(term.as_bytes());
            let mut pos = 0;
            while let Some(p) = finder.find(hay, pos) {
                ranges.push(p..p + term.len());
                // Overlapping matches too: move on by the match's first character.
                pos = p + utf8_len(hay[p]);
            }
        }
    });
    merge_ranges(&mut ranges);
    if !ranges.is_empty() && !text.is_ascii() {
        // Folding ASCII only lowercases it, so offsets need mapping only for other text.
        to_original(text, &mut ranges);
        merge_ranges(&mut ranges);
    }
    ranges
}

thread_local! {
    /// Reused buffer for the folded text in [`highlight_ranges`], to spare an allocation per call.
    static FOLD_SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Maps sorted, disjoint byte ranges of `fold(text)` to byte ranges of `text`, in one walk: a range
/// starts where the character that its first folded byte comes from starts, and ends where the
/// character that its last folded byte comes from ends (including accents after it that folding dropped).
fn to_original(text: &str, ranges: &mut [Range<usize>]) {
    let bytes = text.as_bytes();
    // The walk's place: the start of a character in `text`, and of its folded form.
    let (mut at, mut folded) = (0, 0);
    // The start and length of the character that folded byte `q` comes from; `q` never decreases.
    let mut seek = |q: usize| -> (usize, usize) {
        while at < bytes.len() {
            if bytes[at].is_ascii() {
                // ASCII folds byte for byte: skip up to `q` or the next other character.
                let want = q - folded + 1;
                let limit = want.min(bytes.len() - at);
                match Some(ascii_prefix_len(&bytes[at..at + limit])).filter(|&k| k < limit) {
                    None if limit == want => {
                        at += want - 1;
                        folded = q;
                        return (at, 1);
                    }
                    None => {
                        at += limit;
                        folded += limit;
                    }
                    Some(k) => {
                        at += k;
                        folded += k;
                    }
                }
            } else {
                let Some(c) = text[at..].chars().next() else {
                    break;
                };
                let width = folded_len(c);
                if q < folded + width {
                    return (at, c.len_utf8());
                }
                at += c.len_utf8();
                folded += width;
            }
        }
        (at, 0)
    };
    for r in ranges.iter_mut() {
        let (start, _) = seek(r.start);
        let (last, last_len) = seek(r.end - 1);
        let mut end = last + last_len;
        while let Some(c) = text[end..].chars().next() {
            if folded_len(c) > 0 {
                break;
            }
            end += c.len_utf8();
        }
        *r = start..end;
    }
}
/// The length of the UTF-8 sequence that starts with `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Sorts ranges and merges those that overlap or touch.
fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    if ranges.len() < 2 {
        return;
    }
    super::order::sort_by_key(ranges, |r| (r.start, r.end));
    let mut out = 0;
    for k in 1..ranges.len() {
        let next = ranges[k].clone();
        if next.start <= ranges[out].end {
            ranges[out].end = ranges[out].end.max(next.end);
        } else {
            out += 1;
            ranges[out] = next;
        }
    }
    ranges.truncate(out + 1);
}

/// Splits `text` into `(segment, is_match)` pieces from [`highlight_ranges`], for rendering.
/// Empty pieces are left out; ranges that are out of order, overlap, run past the end or fall
/// inside a character are tolerated (clamped to the text and widened to whole characters).
pub fn split_highlights<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut pieces = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        let start = floor_boundary(text, r.start).max(at);
        let end = ceil_boundary(text, r.end);
        if end <= start {
            continue;
        }
        if start > at {
            pieces.push((&text[at..start], false));
        }
        pieces.push((&text[start..end], true));
        at = end;
    }
    if at < text.len() {
        pieces.push((&text[at..], false));
    }
    pieces
}
