//! Sorting the results: in article order, by feasibility either way, or by folded title.

use super::fold::fold;
use super::order::sort_positions;
use crate::model::DataSet;
use crate::state::SortOrder;

/// Orders item indices. Stable, with ties in article order (by index); [`SortOrder::Title`]
/// compares folded titles.
pub fn sort_items(data: &DataSet, indices: &mut [usize], order: SortOrder) {
    let level = |i: usize| data.items[i].feasibility.level;
    match order {
        SortOrder::Article => sort_positions(indices, &|a, b| a.cmp(&b)),
        SortOrder::FeasibilityDesc => {
            sort_positions(indices, &|a, b| level(b).cmp(&level(a)).then(a.cmp(&b)))
        }
        SortOrder::FeasibilityAsc => {
            sort_positions(indices, &|a, b| level(a).cmp(&level(b)).then(a.cmp(&b)))
        }
        SortOrder::Title => {
            // Each title folded once; the positions sorted are places in `indices`.
            let titles: Vec<String> = indices
                .iter()
                .map(|&i| fold(&data.items[i].title))
                .collect();
            let mut places: Vec<usize> = (0..indices.len()).collect();
            sort_positions(&mut places, &|a, b| {
                titles[a].cmp(&titles[b]).then(indices[a].cmp(&indices[b]))
            });
            let sorted: Vec<usize> = places.iter().map(|&k| indices[k]).collect();
            indices.copy_from_slice(&sorted);
        }
    }
}
