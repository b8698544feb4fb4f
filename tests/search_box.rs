//! Component test of the search box's limit: at most as many characters as the address keeps.
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_core::query::facet_counts;
use summit_core::state::{Filters, ViewState};
use summit_core::url::MAX_SEARCH_CHARS;
use summit_fruits::components::filter_panel::FilterPanel;
use summit_fruits::explorer::Navigation;

use common::{explorer, mount};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_search_box_takes_at_most_the_address_limit() {
    let explorer = explorer();
    let counts = Rc::new(facet_counts(
        &explorer.data,
        &explorer.index,
        &Filters::default(),
    ));
    let (navigations, navigate) = common::recorder::<Navigation>();
    let root = mount(
        &explorer,
        html! { <FilterPanel state={Rc::new(ViewState::default())} {counts} {navigate} /> },
    )
    .await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("#search")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();

    // The browser stops typing and pasting at the limit.
    assert_eq!(input.max_length(), MAX_SEARCH_CHARS as i32);

    // A longer value set by a script (which maxlength does not stop) is cut to the first 200
    // characters, counted as characters: "é" and "🕊" are one each.
    let long: String = "é🕊 arms "
        .chars()
        .cycle()
        .take(MAX_SEARCH_CHARS + 57)
        .collect();
    input.set_value(&long);
    let event = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;

    let last = navigations.borrow().last().cloned().expect("a navigation");
    let expected: String = long.chars().take(MAX_SEARCH_CHARS).collect();
    assert_eq!(last.state.filters.search.chars().count(), MAX_SEARCH_CHARS);
    assert_eq!(last.state.filters.search, expected);

    // A search within the limit passes unchanged.
    input.set_value("New START");
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    let last = navigations.borrow().last().cloned().expect("a navigation");
    assert_eq!(last.state.filters.search, "New START");
}
