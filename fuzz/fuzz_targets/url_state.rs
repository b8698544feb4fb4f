//! Fuzzes the URL-state parser: `parse_fragment`, then `to_fragment`, then `parse_fragment` again must give the same
//! state with no notices, and writing it again the same fragment (idempotence).
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_core::model::DataSet;
use summit_core::url::{parse_fragment, to_fragment, KnownIds};

const BUNDLED: &str = include_str!("../../data/potential-fruits.json");

fuzz_target!(|input: &str| {
    thread_local! {
        static DATA: DataSet = serde_json::from_str(BUNDLED).expect("the bundled data set parses");
    }
    DATA.with(|data| {
        let known = KnownIds::of(data);
        let (state, _notices) = parse_fragment(input, &known);
        let fragment = to_fragment(&state);
        let (again, notices) = parse_fragment(&fragment, &known);
        assert_eq!(again, state, "{input:?} -> {fragment:?}");
        assert!(notices.is_empty(), "{input:?} -> {fragment:?}: {notices:?}");
        assert_eq!(to_fragment(&again), fragment);
    });
});
