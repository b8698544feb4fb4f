//! Component tests: mount a component in headless Chromium, let Yew render, and assert on the DOM.
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen_test::*;
use yew::prelude::*;

use common::{explorer, mount};
use summit_fruits::components::article_header::ArticleHeader;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn article_header_names_the_article_and_links_to_the_original() {
    let root = mount(&explorer(), html! { <ArticleHeader /> }).await;

    let title = root.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(
        title.text_content().unwrap(),
        "Potential Fruits of the Biden-Putin Summit"
    );
    let byline = root
        .query_selector(".byline")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(byline.contains("Simon Saradzhyan"), "{byline}");
    assert!(byline.contains("Russia Matters"), "{byline}");
    assert!(byline.contains("4 June 2021"), "{byline}");
    let link = root.query_selector("a.original-link").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit")
    );
}
