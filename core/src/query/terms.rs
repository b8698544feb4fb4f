//! The words of a search: folded, each once, and which of them are long enough to be marked in the text.

use std::collections::HashSet;

use super::fold::fold;

/// The words of a search, folded; empty when the search is blank. Repeated words are kept once, at
/// their first place, in one pass with a hash set (linear in the search's length, however many
/// times a word repeats).
pub fn search_terms(search: &str) -> Vec<String> {
    let folded = fold(search);
    let mut seen: HashSet<&str> = HashSet::new();
    folded
        .split_whitespace()
        .filter(|word| seen.insert(word))
        .map(str::to_owned)
        .collect()
}

/// The fewest characters a search word needs to be marked in the text. A single character matches
/// nearly everywhere ("n" is in every one of the article's items, 875 times over its cards), so
/// marking it shows the reader nothing; it still filters.
pub const MIN_MARKED_CHARS: usize = 2;

/// The search words that are marked in the text: those of at least [`MIN_MARKED_CHARS`]
/// characters, in the same order.
pub fn marked_terms(terms: &[String]) -> Vec<String> {
    terms
        .iter()
        .filter(|term| term.chars().count() >= MIN_MARKED_CHARS)
        .cloned()
        .collect()
}
