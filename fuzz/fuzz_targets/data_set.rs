//! Fuzzes the data-set loader: `parse_and_validate` on arbitrary UTF-8 must never panic, and what it accepts must be
//! sound (no error among the warnings, an http(s) article address).
#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_core::validate::{is_web_url, parse_and_validate, Limits};

fuzz_target!(|json: &str| {
    if let Ok((data, warnings)) = parse_and_validate(json, &Limits::default()) {
        assert!(warnings.iter().all(|w| !w.is_error()));
        assert!(is_web_url(&data.article.url));
    }
});
