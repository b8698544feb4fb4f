//! Facet counts: for each option of each facet, how many items choosing it would leave.

use super::filter::Compiled;
use super::index::{category_index, Multi, SearchIndex};
use super::terms::search_terms;
use crate::model::{Category, DataSet, Term};
use crate::state::Filters;

/// For each option of each facet, how many items would remain if that option were chosen
/// together with all the OTHER facets' current choices and the search (within the option's own
/// facet, counted as if only this option were chosen). Options in vocabulary/scale order; every
/// option is listed, zero counts included. Categories follow [`Category::ALL`] but only those in
/// the vocabulary; levels follow `feasibility_scale`'s order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetCounts {
    pub categories: Vec<(Category, usize)>,
    pub levels: Vec<(u8, usize)>,
    pub domains: Vec<(String, usize)>,
    pub actors: Vec<(String, usize)>,
}

/// Computes [`FacetCounts`] in one pass over the items: an item that passes the search and every
/// facet counts for all its options; one that fails exactly one facet counts only for that
/// facet's options it has.
pub fn facet_counts(data: &DataSet, index: &SearchIndex, filters: &Filters) -> FacetCounts {
    debug_assert_eq!(
        data.items.len(),
        index.len(),
        "the index was built from another data set"
    );
    let mask = index.search_mask(&search_terms(&filters.search));
    let compiled = Compiled::new(index, filters);
    let mut categories = [0usize; 4];
    let mut levels = [0usize; 256];
    let mut domains = vec![0usize; index.domains.count];
    let mut actors = vec![0usize; index.actors.count];
    for i in 0..index.len() {
        if mask.as_ref().is_some_and(|m| !m[i]) {
            continue;
        }
        let passes = compiled.passes(index, i);
        let fails = passes.iter().filter(|&&p| !p).count();
        if fails > 1 {
            continue;
        }
        // With no failure, count for every facet; with one, only for the failing facet.
        let counts_for = |f: usize| fails == 0 || !passes[f];
        if counts_for(0) {
            categories[index.categories[i] as usize] += 1;
        }
        if counts_for(1) {
            levels[index.levels[i] as usize] += 1;
        }
        if counts_for(2) {
            for &v in index.domains.of(i) {
                domains[v as usize] += 1;
            }
        }
        if counts_for(3) {
            for &v in index.actors.of(i) {
                actors[v as usize] += 1;
            }
        }
    }
    let vocabulary = |terms: &[Term], multi: &Multi, counts: &[usize]| -> Vec<(String, usize)> {
        terms
            .iter()
            .zip(&multi.vocab)
            .map(|(t, &v)| (t.id.clone(), counts[v as usize]))
            .collect()
    };
    FacetCounts {
        categories: Category::ALL
            .into_iter()
            .filter(|c| data.vocabularies.categories.iter().any(|t| t.id == c.id()))
            .map(|c| (c, categories[category_index(c)]))
            .collect(),
        levels: data
            .feasibility_scale
            .iter()
            .map(|l| (l.level, levels[l.level as usize]))
            .collect(),
        domains: vocabulary(&data.vocabularies.domains, &index.domains, &domains),
        actors: vocabulary(&data.vocabularies.actors, &index.actors, &actors),
    }
}
