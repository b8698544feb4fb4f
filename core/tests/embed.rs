//! Tests of the script embed's options: attributes to view state, notices for what is dropped, the full-explorer link.

use std::collections::BTreeSet;

use proptest::prelude::*;

use summit_core::embed::{full_explorer_link, is_option_key, parse_embed_attributes};
use summit_core::model::Category;
use summit_core::state::{PassageRef, SortOrder, View, ViewState};
use summit_core::url::{parse_fragment, KnownIds, UrlNotice};

fn known() -> KnownIds<'static> {
    KnownIds {
        levels: vec![1, 2, 3, 4, 5],
        domains: vec!["arms-control", "cyber", "odd, id é"],
        actors: vec!["us", "russia"],
        items: vec!["new-start", "cyber-norms", "a&b"],
    }
}

fn embedded(edit: impl FnOnce(&mut ViewState)) -> ViewState {
    let mut state = ViewState {
        embed: true,
        ..ViewState::default()
    };
    edit(&mut state);
    state
}

fn notices(texts: &[&str]) -> Vec<UrlNotice> {
    texts.iter().map(|t| UrlNotice(t.to_string())).collect()
}

fn parse(attributes: &[(&str, &str)]) -> (ViewState, Vec<UrlNotice>) {
    parse_embed_attributes(attributes.iter().copied(), &known())
}

#[test]
fn the_marker_alone_is_the_default_state_embedded() {
    assert_eq!(
        parse(&[("data-summit-fruits", "")]),
        (embedded(|_| {}), vec![])
    );
    assert_eq!(parse(&[]), (embedded(|_| {}), vec![]));
}

#[test]
fn every_option_reads_like_its_fragment_key() {
    let (state, got) = parse(&[
        ("data-summit-fruits", ""),
        ("data-view", "matrix"),
        ("data-cat", "risk,low-hanging"),
        ("data-level", "4,5"),
        ("data-domain", "arms-control"),
        ("data-actor", "us"),
        ("data-q", "new start"),
        ("data-sort", "feasibility-desc"),
        ("data-excluded", "hide"),
        ("data-item", "new-start"),
        ("data-passage", "new-start.0"),
        ("data-hindsight", "1"),
    ]);
    assert_eq!(got, vec![]);
    assert_eq!(state.view, View::Matrix);
    assert_eq!(
        state.filters.categories,
        BTreeSet::from([Category::Risk, Category::LowHanging])
    );
    assert_eq!(state.filters.levels, BTreeSet::from([4, 5]));
    assert_eq!(
        state.filters.domains,
        BTreeSet::from(["arms-control".to_string()])
    );
    assert_eq!(state.filters.actors, BTreeSet::from(["us".to_string()]));
    assert_eq!(state.filters.search, "new start");
    assert_eq!(state.sort, SortOrder::from_id("feasibility-desc").unwrap());
    assert!(state.hide_excluded);
    assert_eq!(state.open_item.as_deref(), Some("new-start"));
    assert_eq!(
        state.passage,
        Some(PassageRef {
            item: "new-start".into(),
            evidence: 0
        })
    );
    assert!(state.hindsight);
    assert!(state.embed);
}

#[test]
fn values_are_plain_text_not_percent_encoded() {
    // `+`, `%`, `&` and `=` mean themselves in an attribute; in a fragment they would be syntax.
    let (state, got) = parse(&[("data-q", "a+b 100% x&y=z")]);
    assert_eq!(got, vec![]);
    assert_eq!(state.filters.search, "a+b 100% x&y=z");
    let (state, got) = parse(&[("data-item", "a&b")]);
    assert_eq!(got, vec![]);
    assert_eq!(state.open_item.as_deref(), Some("a&b"));
    // A comma separates list values, so an id with a comma cannot be named in an attribute.
    let (state, got) = parse(&[("data-domain", "cyber,odd, id é")]);
    assert_eq!(state.filters.domains, BTreeSet::from(["cyber".to_string()]));
    assert_eq!(
        got,
        notices(&[
            "Ignored unknown domain \"odd\".",
            "Ignored unknown domain \" id é\"."
        ])
    );
}

#[test]
fn unknown_attributes_and_bad_values_become_notices() {
    let (state, got) = parse(&[
        ("data-summit-fruits", ""),
        ("data-colour", "red"),
        ("data-view", "grid"),
        ("data-cat", "arms-control,risk"),
        ("data-level", "9"),
        ("data-item", "nope"),
        ("data-embed", "1"),
        ("data-colour", "blue"),
    ]);
    assert_eq!(
        state,
        embedded(|s| s.filters.categories = BTreeSet::from([Category::Risk]))
    );
    assert_eq!(
        got,
        notices(&[
            "Ignored unknown attribute \"data-colour\".",
            "Ignored unknown attribute \"data-embed\".",
            "Ignored unknown view \"grid\".",
            "Ignored unknown category \"arms-control\".",
            "Ignored unknown level \"9\".",
            "Ignored unknown item \"nope\".",
        ])
    );
}

#[test]
fn other_attributes_are_not_options() {
    let (state, got) = parse(&[
        ("class", "wide"),
        ("id", "explorer"),
        ("style", "x"),
        ("aria-label", "Explorer"),
        ("DATA-VIEW", "timeline"),
    ]);
    assert_eq!(got, vec![]);
    assert_eq!(state, embedded(|s| s.view = View::Timeline));
}

#[test]
fn option_keys_are_the_fragment_keys_but_embed() {
    for key in [
        "view",
        "cat",
        "level",
        "domain",
        "actor",
        "q",
        "sort",
        "rows",
        "excluded",
        "item",
        "passage",
        "hindsight",
    ] {
        assert!(is_option_key(key), "{key}");
    }
    for key in ["embed", "summit-fruits", "", "View", "data-view"] {
        assert!(!is_option_key(key), "{key}");
    }
}

#[test]
fn full_explorer_link_carries_the_state_without_embed() {
    let state = embedded(|s| {
        s.view = View::Matrix;
        s.filters.categories = BTreeSet::from([Category::Risk]);
    });
    assert_eq!(
        full_explorer_link("https://example.org/fruits/index.html", &state),
        "https://example.org/fruits/index.html#view=matrix&cat=risk"
    );
    assert_eq!(
        full_explorer_link("index.html#old", &embedded(|_| {})),
        "index.html"
    );
    let with_search = embedded(|s| s.filters.search = "a&b".into());
    assert_eq!(
        full_explorer_link("./index.html", &with_search),
        "./index.html#q=a%26b"
    );
}

proptest! {
    /// Any attributes at all: no panic, always embedded, and the full-explorer link reads back to the same state.
    #[test]
    fn any_attributes_parse_and_link_back(
        pairs in prop::collection::vec(("data-[a-z]{0,9}|[a-z-]{0,8}", "\\PC{0,20}"), 0..8)
    ) {
        let attributes: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (state, _) = parse_embed_attributes(attributes, &known());
        prop_assert!(state.embed);
        let link = full_explorer_link("index.html", &state);
        let fragment = link.split_once('#').map_or("", |(_, f)| f);
        let (back, back_notices) = parse_fragment(fragment, &known());
        prop_assert_eq!(back_notices, vec![]);
        prop_assert_eq!(back, ViewState { embed: false, ..state });
    }
}
