//! Component tests of the download buttons, mounted with the bundled data set in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_fruits::components::export_bar::ExportBar;

use common::{explorer, mount, texts};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_buttons_name_how_many_items_they_save() {
    let explorer = explorer();
    let root = mount(
        &explorer,
        html! { <ExportBar shown={Rc::new(vec![3, 1, 4, 0, 2, 5])} /> },
    )
    .await;
    assert_eq!(
        texts(&root, "button"),
        ["Download 6 items as CSV", "Download 6 items as JSON"]
    );
    let group = root.query_selector("[role=\"group\"]").unwrap().unwrap();
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Download the results")
    );
    // The status region is there before anything is saved, and empty.
    assert_eq!(texts(&root, "[role=\"status\"]"), [""]);

    let one = mount(&explorer, html! { <ExportBar shown={Rc::new(vec![7])} /> }).await;
    assert_eq!(
        texts(&one, "button"),
        ["Download 1 item as CSV", "Download 1 item as JSON"]
    );
}

#[wasm_bindgen_test]
async fn an_empty_result_offers_no_download() {
    let explorer = explorer();
    let root = mount(
        &explorer,
        html! { <ExportBar shown={Rc::new(Vec::new())} /> },
    )
    .await;
    assert!(texts(&root, "button").is_empty());
    assert_eq!(texts(&root, "[role=\"status\"]"), [""]);
}
