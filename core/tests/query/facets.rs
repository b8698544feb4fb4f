//! Facet counts: computed by hand, and in agreement with filtering.

use super::*;

fn counts(
    cats: &[(Category, usize)],
    levels: [usize; 4],
    domains: [usize; 5],
    actors: [usize; 3],
) -> FacetCounts {
    FacetCounts {
        categories: cats.to_vec(),
        levels: (1..=4).zip(levels).collect(),
        domains: ["arms", "cyber", "climate", "security", "unused"]
            .into_iter()
            .map(String::from)
            .zip(domains)
            .collect(),
        actors: ["us", "russia", "eu"]
            .into_iter()
            .map(String::from)
            .zip(actors)
            .collect(),
    }
}

fn check_counts(data: &DataSet, spec: &str, expected: FacetCounts) {
    let index = SearchIndex::new(data);
    assert_eq!(
        facet_counts(data, &index, &filters(spec)),
        expected,
        "facet counts for {spec:?}"
    );
}

#[test]
fn facet_counts_hand_computed() {
    let data = facet_data();
    // Categories are listed in Category::ALL order, only those in the vocabulary (no "unilateral").
    let cases: Vec<(&str, FacetCounts)> = vec![
        // Nothing chosen: plain counts per option; domains and actors count an item once per option.
        (
            "",
            counts(
                &[(LowHanging, 3), (HighHanging, 2), (Risk, 1)],
                [2, 1, 2, 1],
                [3, 2, 2, 1, 0],
                [3, 4, 1],
            ),
        ),
        // Own facet ignored: choosing low-hanging leaves the category counts as they were, while
        // the other facets count only low-hanging items.
        (
            "cat:low-hanging",
            counts(
                &[(LowHanging, 3), (HighHanging, 2), (Risk, 1)],
                [0, 0, 2, 1],
                [2, 0, 2, 0, 0],
                [2, 2, 0],
            ),
        ),
        // Items 1 and 3 fail only the category facet, item 2 only the actor facet, item 4 both.
        (
            "cat:low-hanging; actor:russia",
            counts(
                &[(LowHanging, 2), (HighHanging, 1), (Risk, 1)],
                [0, 0, 1, 1],
                [2, 0, 1, 0, 0],
                [2, 2, 0],
            ),
        ),
        // Several options in one facet: the facet's own counts are unchanged.
        (
            "level:1,2",
            counts(
                &[(LowHanging, 0), (HighHanging, 2), (Risk, 1)],
                [2, 1, 2, 1],
                [1, 2, 0, 1, 0],
                [1, 2, 1],
            ),
        ),
        // Search restricts every facet.
        (
            "q:russia",
            counts(
                &[(LowHanging, 1), (HighHanging, 1), (Risk, 0)],
                [1, 0, 0, 1],
                [1, 1, 0, 0, 0],
                [1, 1, 1],
            ),
        ),
        (
            "q:russia; actor:eu",
            counts(
                &[(LowHanging, 0), (HighHanging, 1), (Risk, 0)],
                [1, 0, 0, 0],
                [0, 1, 0, 0, 0],
                [1, 1, 1],
            ),
        ),
        // Nothing matches the search: every option is still listed, with zero.
        (
            "q:nothing-at-all",
            counts(
                &[(LowHanging, 0), (HighHanging, 0), (Risk, 0)],
                [0; 4],
                [0; 5],
                [0; 3],
            ),
        ),
    ];
    for (spec, expected) in cases {
        check_counts(&data, spec, expected);
    }
}

/// Facet counts agree with filtering by each option alone (with the other facets' choices).
#[test]
fn facet_counts_agree_with_filtering() {
    let data = synthetic(300);
    let index = SearchIndex::new(&data);
    for spec in [
        "",
        "cat:risk; q:treaty",
        "level:2,3; actor:eu; q:arms",
        "domain:cyber; cat:unilateral,risk",
    ] {
        let base = filters(spec);
        let c = facet_counts(&data, &index, &base);
        for (cat, n) in &c.categories {
            let f = Filters {
                categories: [*cat].into(),
                ..base.clone()
            };
            assert_eq!(filter_items(&data, &index, &f).len(), *n, "{spec}: {cat:?}");
        }
        for (level, n) in &c.levels {
            let f = Filters {
                levels: [*level].into(),
                ..base.clone()
            };
            assert_eq!(
                filter_items(&data, &index, &f).len(),
                *n,
                "{spec}: level {level}"
            );
        }
        for (d, n) in &c.domains {
            let f = Filters {
                domains: [d.clone()].into(),
                ..base.clone()
            };
            assert_eq!(
                filter_items(&data, &index, &f).len(),
                *n,
                "{spec}: domain {d}"
            );
        }
        for (a, n) in &c.actors {
            let f = Filters {
                actors: [a.clone()].into(),
                ..base.clone()
            };
            assert_eq!(
                filter_items(&data, &index, &f).len(),
                *n,
                "{spec}: actor {a}"
            );
        }
    }
}
