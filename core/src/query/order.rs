//! One stable sort for the whole app: a merge sort of positions by a comparison behind `&dyn`, so the wasm carries a
//! single sort body instead of one monomorphised quicksort or driftsort per element type and key.
//!
//! Each call site pays only for its comparison closure and, for [`sort_by`], a few lines that apply the sorted order.
//! The sorts here are stable: equal elements keep their order, so they serve where a `sort_unstable` was enough too.

use std::cmp::Ordering;

/// Runs of this many positions are insertion-sorted before merging.
const RUN: usize = 8;

/// Sorts `positions` stably so that `compare` holds between neighbours: for positions `a` before `b`,
/// `compare(a, b)` is never [`Ordering::Greater`]. The positions are whatever `compare` understands (indices into
/// a slice, item indices); this function only moves them.
pub fn sort_positions(positions: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    let n = positions.len();
    if n < 2 {
        return;
    }
    for run in positions.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && compare(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut buffer = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        let mut low = 0;
        while low + width < n {
            let mid = low + width;
            let high = (mid + width).min(n);
            // Runs already in order (common for data that is nearly sorted) need no merge.
            if compare(positions[mid - 1], positions[mid]) == Ordering::Greater {
                merge(
                    &positions[low..mid],
                    &positions[mid..high],
                    &mut buffer[low..high],
                    compare,
                );
                positions[low..high].copy_from_slice(&buffer[low..high]);
            }
            low = high;
        }
        width *= 2;
    }
}

/// Merges two sorted runs into `out`, taking from `left` on ties (which keeps the sort stable).
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    compare: &dyn Fn(usize, usize) -> Ordering,
) {
    let (mut l, mut r) = (0, 0);
    for slot in out.iter_mut() {
        let take_left =
            r == right.len() || (l < left.len() && compare(left[l], right[r]) != Ordering::Greater);
        if take_left {
            *slot = left[l];
            l += 1;
        } else {
            *slot = right[r];
            r += 1;
        }
    }
}

/// Sorts `items` stably by `compare`, through [`sort_positions`].
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    apply_order(items, &order);
}

/// Sorts `items` stably by the key `key` gives each (computed at each comparison, as the standard library's
/// `sort_by_key` does).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Rearranges `items` so that the element at `k` afterwards is the one that was at `order[k]`, by following each
/// cycle of the permutation with swaps.
fn apply_order<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        if placed[start] {
            continue;
        }
        let mut slot = start;
        loop {
            placed[slot] = true;
            let from = order[slot];
            if from == start {
                break;
            }
            items.swap(slot, from);
            slot = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_across_runs_and_merges() {
        // Pairs (key, original place): sorting by key alone must keep places ascending among equal keys.
        let mut items: Vec<(u8, usize)> = (0..100).map(|i| (((i * 37) % 7) as u8, i)).collect();
        sort_by_key(&mut items, |p| p.0);
        for w in items.windows(2) {
            assert!(
                w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1),
                "{w:?}"
            );
        }
    }

    #[test]
    fn applies_any_permutation() {
        let mut items = vec!["c", "a", "d", "b", "e"];
        apply_order(&mut items, &[1, 3, 0, 2, 4]);
        assert_eq!(items, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn short_slices_are_left_alone() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
    }
}
