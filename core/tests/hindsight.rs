//! Tests of the scorecard sums and the hindsight joins, on the bundled data and on a small hand-made case.

use summit_core::hindsight::{entries_for, later_entries, outcome_for, scorecard, source_host};
use summit_core::model::{DataSet, Hindsight, Outcome, Verdict};
use summit_core::validate::{parse_data_set, parse_hindsight, validate_hindsight, Limits};

fn bundled() -> (DataSet, Hindsight) {
    let data = parse_data_set(
        include_str!("../../data/potential-fruits.json"),
        &Limits::default(),
    )
    .expect("data");
    let hindsight = parse_hindsight(
        include_str!("../../data/hindsight.json"),
        &Limits::default(),
    )
    .expect("hindsight");
    (data, hindsight)
}

#[test]
fn the_bundled_hindsight_is_valid_against_the_data_set() {
    let (data, hindsight) = bundled();
    assert_eq!(validate_hindsight(&hindsight, &data), vec![]);
}

#[test]
fn every_item_is_counted_once_per_table() {
    let (data, hindsight) = bundled();
    let card = scorecard(&data, &hindsight);
    let total = |rows: &[summit_core::hindsight::ScoreRow]| {
        rows.iter()
            .map(|r| r.judged() + r.without_outcome.len())
            .sum::<usize>()
    };
    assert_eq!(total(&card.by_level), data.items.len());
    assert_eq!(total(&card.by_category), data.items.len());
    assert_eq!(card.total.judged(), hindsight.outcomes.len());
    assert_eq!(
        card.total.judged() + card.total.without_outcome.len(),
        data.items.len()
    );
}

#[test]
fn scorecard_cells_hold_exactly_the_items_with_that_level_and_verdict() {
    let (data, hindsight) = bundled();
    let card = scorecard(&data, &hindsight);
    for row in &card.by_level {
        for (verdict, items) in &row.by_verdict {
            for &i in items {
                let item = &data.items[i];
                assert_eq!(item.feasibility.level.to_string(), row.key);
                assert_eq!(
                    outcome_for(&hindsight, &item.id).map(|o| o.verdict),
                    Some(*verdict)
                );
            }
        }
    }
    // Levels are listed most feasible first.
    let keys: Vec<_> = card.by_level.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, vec!["5", "4", "3", "2", "1"]);
}

#[test]
fn a_hand_made_case_sums_as_expected() {
    let (data, mut hindsight) = bundled();
    let first = data.items[0].id.clone();
    hindsight.outcomes = vec![Outcome {
        item: first.clone(),
        verdict: Verdict::Partly,
        reason: "A reason.".into(),
        entries: vec![hindsight.entries[0].id.clone()],
    }];
    let card = scorecard(&data, &hindsight);
    assert_eq!(card.total.judged(), 1);
    let level = data.items[0].feasibility.level.to_string();
    let row = card.by_level.iter().find(|r| r.key == level).unwrap();
    assert_eq!(
        row.by_verdict
            .iter()
            .find(|(v, _)| *v == Verdict::Partly)
            .unwrap()
            .1,
        vec![0]
    );
    assert_eq!(card.total.without_outcome.len(), data.items.len() - 1);
}

#[test]
fn entries_are_joined_by_item_and_ordered_by_date() {
    let (_, hindsight) = bundled();
    let entries = entries_for(&hindsight, "diplomatic-missions");
    assert!(!entries.is_empty());
    let dates: Vec<_> = entries.iter().map(|e| e.date.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(later_entries(&hindsight).iter().all(|e| !e.background));
    assert!(entries_for(&hindsight, "no-such-item").is_empty());
}

#[test]
fn source_host_leaves_off_scheme_path_and_www() {
    assert_eq!(source_host("https://tass.com/politics/1305117"), "tass.com");
    assert_eq!(source_host("https://www.bbc.co.uk/news/x"), "bbc.co.uk");
    assert_eq!(source_host("http://ecns.cn"), "ecns.cn");
    assert_eq!(
        source_host("https://ofac.treasury.gov/faqs/888?x#y"),
        "ofac.treasury.gov"
    );
}

#[test]
fn a_row_lists_its_items_by_verdict_and_all_in_article_order() {
    let (data, hindsight) = bundled();
    let card = scorecard(&data, &hindsight);
    for row in card.by_level.iter().chain(&card.by_category) {
        let mut joined: Vec<usize> = Verdict::ALL
            .iter()
            .flat_map(|v| row.items(Some(*v)).to_vec())
            .collect();
        joined.extend_from_slice(row.items(None));
        joined.sort_unstable();
        assert_eq!(row.all(), joined);
    }
    assert_eq!(card.total.all(), (0..data.items.len()).collect::<Vec<_>>());
}
