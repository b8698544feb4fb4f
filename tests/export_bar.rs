//! Component tests of the download buttons, mounted with the bundled data set in headless Chromium; the files are
//! written by the on-demand module, stood in by the test's own copy of it.
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_fruits::components::export_bar::ExportBar;

use common::{explorer, install_failing_on_demand, install_on_demand, mount, texts};

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

/// Clicks the first button and waits until the status line no longer says the file is being prepared.
async fn click_and_settle(root: &web_sys::Element) -> Vec<String> {
    use wasm_bindgen::JsCast;
    let button = root.query_selector("button").unwrap().unwrap();
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    yew::scheduler::flush().await;
    let mut seen = vec![texts(root, "[role=\"status\"]").join("")];
    for _ in 0..50 {
        let status = texts(root, "[role=\"status\"]").join("");
        if !status.starts_with("Preparing") {
            seen.push(status);
            break;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
        yew::scheduler::flush().await;
    }
    seen
}

#[wasm_bindgen_test]
async fn a_download_says_it_is_being_prepared_then_what_was_saved() {
    install_on_demand();
    let explorer = explorer();
    let root = mount(
        &explorer,
        html! { <ExportBar shown={Rc::new(vec![3, 1])} /> },
    )
    .await;
    let seen = click_and_settle(&root).await;
    assert_eq!(seen.first().map(String::as_str), Some("Preparing the CSV…"));
    assert_eq!(
        seen.last().map(String::as_str),
        Some("Saved 2 items as summit-fruits-items.csv.")
    );
    let button = root.query_selector("button").unwrap().unwrap();
    assert_eq!(button.get_attribute("aria-busy"), None, "no longer busy");
}

#[wasm_bindgen_test]
async fn a_module_that_cannot_be_loaded_is_said_in_the_status_line() {
    install_failing_on_demand("integrity check failed");
    let explorer = explorer();
    let root = mount(&explorer, html! { <ExportBar shown={Rc::new(vec![0])} /> }).await;
    let seen = click_and_settle(&root).await;
    assert_eq!(
        seen.last().map(String::as_str),
        Some(
            "Could not save the CSV: the part of the explorer that writes files could not be loaded (integrity \
             check failed); check the connection and try again."
        )
    );
    install_on_demand();
}
