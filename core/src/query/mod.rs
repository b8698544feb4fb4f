//! Searching, filtering, faceted counting, sorting and highlighting of a data set's items, one subject a module:
//! folding (case, accents, typographic marks), the search words, the [`SearchIndex`], filtering, facet counts,
//! sorting and highlighting, and the one sort body the whole app uses ([`sort_positions`]).
//!
//! Everything here is built for many keystrokes over one data set: [`SearchIndex::new`] folds every
//! item's searchable text once into one contiguous buffer and interns its facet values, so that a
//! query is a few linear passes over plain bytes and small integer arrays, with no
//! allocation per item.
//!
//! All text comparison goes through [`fold_char`], which makes search and highlighting insensitive to
//! case, to the accents of Latin letters and to typographic quotes, dashes and non-breaking spaces.

mod facets;
mod filter;
mod finder;
mod fold;
mod highlight;
mod index;
mod order;
mod sort;
mod terms;

pub use facets::{facet_counts, FacetCounts};
pub use filter::filter_items;
pub use fold::{fold, fold_char, fold_into, Folded};
pub use highlight::{highlight_ranges, split_highlights};
pub use index::SearchIndex;
pub use order::{sort, sort_by, sort_by_key, sort_positions};
pub use sort::sort_items;
pub use terms::{marked_terms, search_terms, MIN_MARKED_CHARS};
