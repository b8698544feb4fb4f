//! The wire form: every checked value reads back equal, and malformed bytes are errors, never panics.

use summit_core::model::{DataSet, Hindsight};
use summit_core::validate::{parse_and_validate, parse_and_validate_hindsight, Limits, Problem};
use summit_core::wire::{decode, encode, WireError};

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
