//! Sorting the results: in article order, by feasibility either way, or by folded title.

use super::fold::fold;
use crate::model::DataSet;
use crate::state::SortOrder;

/// Orders item indices. Stable, with ties in article order (by index); [`SortOrder::Title`]
/// compares folded titles.
pub fn sort_items(data: &DataSet, indices: &mut [usize], order: SortOrder) {
    match order {
        SortOrder::Article => indices.sort_unstable(),
        SortOrder::FeasibilityDesc => indices
            .sort_unstable_by_key(|&i| (std::cmp::Reverse(data.items[i].feasibility.level), i)),
        SortOrder::FeasibilityAsc => {
            indices.sort_unstable_by_key(|&i| (data.items[i].feasibility.level, i))
        }
        SortOrder::Title => {
            let mut keyed: Vec<(String, usize)> = indices
                .iter()
                .map(|&i| (fold(&data.items[i].title), i))
                .collect();
            keyed.sort_unstable();
            for (slot, (_, i)) in indices.iter_mut().zip(keyed) {
                *slot = i;
            }
        }
    }
}
