//! The wire form: every checked value reads back equal, and malformed bytes are errors, never panics.

use proptest::prelude::*;
use summit_core::model::{DataSet, Hindsight};
use summit_core::validate::{parse_and_validate, parse_and_validate_hindsight, Limits, Problem};
use summit_core::wire::{
    decode, decode_data_set_outcome, encode, hindsight_refusal, DataSetOutcome, HindsightOutcome,
    WireError,
};

fn bundled() -> DataSet {
    let json = include_str!("../../data/potential-fruits.json");
    parse_and_validate(json, &Limits::default())
        .expect("the bundled data set is valid")
        .0
}

fn hindsight(data: &DataSet) -> Hindsight {
    let json = include_str!("../../data/hindsight.json");
    parse_and_validate_hindsight(json, data, &Limits::default())
        .expect("the bundled hindsight is valid")
        .0
}

#[test]
fn the_bundled_data_set_and_hindsight_read_back_equal() {
    let data = bundled();
    let bytes = encode(&data);
    assert_eq!(decode::<DataSet>(&bytes), Ok(data.clone()));
    let later = hindsight(&data);
    assert_eq!(decode::<Hindsight>(&encode(&later)), Ok(later));
}

#[test]
fn the_app_copy_lacks_only_what_the_module_alone_shows_and_is_smaller() {
    let data = bundled();
    let slim = data.without_module_only_text();
    assert!(slim.article.sections.is_empty());
    assert!(slim
        .feasibility_scale
        .iter()
        .all(|l| l.description.is_empty()));
    let terms = [
        &slim.vocabularies.categories,
        &slim.vocabularies.domains,
        &slim.vocabularies.actors,
    ];
    assert!(terms
        .iter()
        .all(|t| t.iter().all(|t| t.description.is_empty())));
    assert!(slim.events.iter().all(|e| e.quote.is_empty()));
    // Everything else is as it was: the items whole, the labels, the article's metadata, the events' dates, titles
    // and items.
    assert_eq!(slim.items, data.items);
    let mut article = data.article.clone();
    article.sections.clear();
    assert_eq!(slim.article, article);
    let labels = |d: &DataSet| {
        let mut all: Vec<String> = d
            .feasibility_scale
            .iter()
            .map(|l| l.label.clone())
            .collect();
        for terms in [
            &d.vocabularies.categories,
            &d.vocabularies.domains,
            &d.vocabularies.actors,
        ] {
            all.extend(terms.iter().map(|t| format!("{}={}", t.id, t.label)));
        }
        all
    };
    assert_eq!(labels(&slim), labels(&data));
    let dated = |d: &DataSet| {
        d.events
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    e.date.clone(),
                    e.end_date.clone(),
                    e.title.clone(),
                    e.items.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(dated(&slim), dated(&data));
    assert_eq!(decode::<DataSet>(&encode(&slim)), Ok(slim.clone()));
    assert!(encode(&slim).len() + 20_000 < encode(&data).len());
}

#[test]
fn problems_read_back_equal() {
    let problems = parse_and_validate("{\"article\": 1}", &Limits::default()).expect_err("refused");
    assert!(!problems.is_empty());
    assert_eq!(decode::<Vec<Problem>>(&encode(&problems)), Ok(problems));
}

#[test]
fn every_truncation_and_padding_is_an_error() {
    let bytes = encode(&bundled());
    for cut in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
        assert!(decode::<DataSet>(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut padded = bytes.clone();
    padded.push(0);
    assert_eq!(
        decode::<DataSet>(&padded),
        Err(WireError("bytes follow the value"))
    );
}

#[test]
fn another_kind_or_version_is_refused() {
    let bytes = encode(&bundled());
    assert!(decode::<Hindsight>(&bytes).is_err());
    let mut other_version = bytes.clone();
    other_version[4] = other_version[4].wrapping_add(1);
    assert_eq!(
        decode::<DataSet>(&other_version),
        Err(WireError("it was written by another version"))
    );
}

#[test]
fn a_huge_length_is_refused_without_allocating_it() {
    let mut bytes = b"SFds\x01".to_vec();
    // The article's title claims 2^63 bytes.
    bytes.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    assert!(decode::<DataSet>(&bytes).is_err());
}

#[test]
fn every_bundled_item_reads_back_equal_on_its_own() {
    let data = bundled();
    for item in &data.items {
        let mut one = data.clone();
        one.items = vec![item.clone()];
        assert_eq!(decode::<DataSet>(&encode(&one)), Ok(one), "{}", item.id);
    }
}

#[test]
fn checker_outcomes_read_back_equal() {
    let data = bundled();
    let accepted: DataSetOutcome = parse_and_validate(
        include_str!("../../data/potential-fruits.json"),
        &Limits::default(),
    );
    assert!(accepted.is_ok());
    assert_eq!(decode::<DataSetOutcome>(&encode(&accepted)), Ok(accepted));
    let refused: DataSetOutcome = parse_and_validate("[]", &Limits::default());
    assert!(refused.is_err());
    assert_eq!(decode::<DataSetOutcome>(&encode(&refused)), Ok(refused));
    let layer: HindsightOutcome = parse_and_validate_hindsight(
        include_str!("../../data/hindsight.json"),
        &data,
        &Limits::default(),
    );
    assert!(layer.is_ok());
    assert_eq!(decode::<HindsightOutcome>(&encode(&layer)), Ok(layer));
    // The two outcomes are kinds of their own: one is never read as the other, nor as a bare data set.
    let bytes = encode(&parse_and_validate("[]", &Limits::default()));
    assert!(decode::<HindsightOutcome>(&bytes).is_err());
    assert!(decode::<DataSet>(&bytes).is_err());
}

#[test]
fn an_accepted_outcome_gives_the_data_sets_own_wire_form() {
    let data = bundled();
    let accepted: DataSetOutcome = Ok((
        data.clone(),
        vec![Problem::warning("$.items[0]", "a warning")],
    ));
    let (read, warnings, own) = decode_data_set_outcome(&encode(&accepted))
        .unwrap()
        .expect("accepted");
    assert_eq!(read, data);
    assert_eq!(warnings.len(), 1);
    assert_eq!(own, encode(&data));
    let refused: DataSetOutcome = Err(vec![Problem::error("$", "no")]);
    assert_eq!(
        decode_data_set_outcome(&encode(&refused)),
        Ok(Err(vec![Problem::error("$", "no")]))
    );
    let bytes = encode(&accepted);
    assert!(decode_data_set_outcome(&bytes[..bytes.len() - 1]).is_err());
    assert!(decode_data_set_outcome(&encode(&data)).is_err());
    let mut padded = bytes.clone();
    padded.push(0);
    assert!(decode_data_set_outcome(&padded).is_err());
}

#[test]
fn a_hindsight_outcome_is_read_only_as_far_as_its_refusal() {
    let data = bundled();
    let accepted: HindsightOutcome = Ok((hindsight(&data), Vec::new()));
    assert_eq!(hindsight_refusal(&encode(&accepted)), Ok(None));
    let problems = vec![
        Problem::error("$.items[0].id", "no such item"),
        Problem::warning("$", "a warning"),
    ];
    let refused: HindsightOutcome = Err(problems.clone());
    let bytes = encode(&refused);
    assert_eq!(hindsight_refusal(&bytes), Ok(Some(problems)));
    // A refusal cut short or padded, another kind of value or an unknown tag is an error.
    assert!(hindsight_refusal(&bytes[..bytes.len() - 1]).is_err());
    let mut padded = bytes.clone();
    padded.push(0);
    assert!(hindsight_refusal(&padded).is_err());
    assert_eq!(
        hindsight_refusal(&encode(&DataSetOutcome::Err(Vec::new()))),
        Err(WireError("it is not the expected kind of value"))
    );
    let mut unknown = bytes;
    unknown[5] = 2;
    assert_eq!(
        hindsight_refusal(&unknown),
        Err(WireError("an outcome is neither 0 nor 1"))
    );
}

#[test]
fn an_unknown_outcome_tag_is_refused() {
    let mut bytes = encode(&DataSetOutcome::Err(Vec::new()));
    bytes[5] = 2;
    assert_eq!(
        decode::<DataSetOutcome>(&bytes),
        Err(WireError("an outcome is neither 0 nor 1"))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any bytes after a valid header decode to a value or an error, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        for magic in [&b"SFds"[..], b"SFhs", b"SFpr", b"SFdo", b"SFho"] {
            let mut bytes = magic.to_vec();
            bytes.push(1);
            bytes.extend_from_slice(&body);
            let _ = decode::<DataSet>(&bytes);
            let _ = decode::<Hindsight>(&bytes);
            let _ = decode::<Vec<Problem>>(&bytes);
            let _ = decode::<DataSetOutcome>(&bytes);
            let _ = decode::<HindsightOutcome>(&bytes);
            let _ = decode_data_set_outcome(&bytes);
        }
    }

    /// A real encoding cut short is an error; with bytes flipped, cut or padded it decodes to a value or an error,
    /// never a panic, and a value that decodes stops being one when bytes follow it.
    #[test]
    fn damaged_encodings_never_panic(
        flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<proptest::sample::Index>(),
        pad in proptest::collection::vec(any::<u8>(), 1..16),
    ) {
        let problems = parse_and_validate("{\"article\": 1, \"items\": [3]}", &Limits::default())
            .expect_err("refused");
        let mut bytes = encode(&DataSetOutcome::Err(problems));
        let cut = cut.index(bytes.len());
        prop_assert!(decode::<DataSetOutcome>(&bytes[..cut]).is_err());
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] ^= value;
        }
        let _ = decode::<DataSetOutcome>(&bytes);
        let _ = decode::<DataSetOutcome>(&bytes[..cut]);
        let mut padded = bytes.clone();
        padded.extend_from_slice(&pad);
        let unpadded = decode::<DataSetOutcome>(&bytes);
        prop_assert!(unpadded.is_err() || decode::<DataSetOutcome>(&padded).is_err());
    }
}
