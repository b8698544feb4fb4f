//! Filtering: the filters' facet choices compiled into lookup tables over the index, and the items that pass them and
//! the search.

use super::index::{category_index, Multi, SearchIndex};
use super::terms::search_terms;
use crate::model::DataSet;
use crate::state::Filters;

/// The filters' facet choices turned into lookup tables over the index's small integers.
pub(super) struct Compiled {
    categories: Option<[bool; 4]>,
    levels: Option<[bool; 256]>,
    domains: Option<Vec<bool>>,
    actors: Option<Vec<bool>>,
}

impl Compiled {
    pub(super) fn new(index: &SearchIndex, filters: &Filters) -> Self {
        let categories = (!filters.categories.is_empty()).then(|| {
            let mut t = [false; 4];
            for &c in &filters.categories {
                t[category_index(c)] = true;
            }
            t
        });
        let levels = (!filters.levels.is_empty()).then(|| {
            let mut t = [false; 256];
            for &l in &filters.levels {
                t[l as usize] = true;
            }
            t
        });
        Compiled {
            categories,
            levels,
            domains: index.domains.chosen(&filters.domains),
            actors: index.actors.chosen(&filters.actors),
        }
    }

    /// Whether item `i` passes each facet: (category, level, domain, actor).
    #[inline]
    pub(super) fn passes(&self, index: &SearchIndex, i: usize) -> [bool; 4] {
        let any = |chosen: &Option<Vec<bool>>, multi: &Multi| match chosen {
            None => true,
            Some(t) => multi.of(i).iter().any(|&v| t[v as usize]),
        };
        [
            self.categories
                .is_none_or(|t| t[index.categories[i] as usize]),
            self.levels.is_none_or(|t| t[index.levels[i] as usize]),
            any(&self.domains, &index.domains),
            any(&self.actors, &index.actors),
        ]
    }
}

/// The indices of the items that pass `filters` (facets and search), in article order.
pub fn filter_items(data: &DataSet, index: &SearchIndex, filters: &Filters) -> Vec<usize> {
    debug_assert_eq!(
        data.items.len(),
        index.len(),
        "the index was built from another data set"
    );
    let mask = index.search_mask(&search_terms(&filters.search));
    let compiled = Compiled::new(index, filters);
    (0..index.len())
        .filter(|&i| {
            mask.as_ref().is_none_or(|m| m[i]) && compiled.passes(index, i).iter().all(|&p| p)
        })
        .collect()
}
