//! The panic panel and the data-source loader in the browser: what a panic leaves on the page, and how another data set is read.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

use summit_core::model::DataSet;
use summit_core::wire;
use summit_fruits::bundled;
use summit_fruits::chosen_data::{read_file, Loaded};
use summit_fruits::show_panic_panel;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_panic_panel_replaces_the_app_and_shows_the_message_as_text() {
    let document = gloo::utils::document();
    let root = match document.get_element_by_id("app") {
        Some(root) => root,
        None => {
            let root = document.create_element("div").unwrap();
            root.set_id("app");
            document.body().unwrap().append_child(&root).unwrap();
            root
        }
    };
    root.set_inner_html("<p class=\"old-content\">the explorer</p>");
    let scripts_before = document.query_selector_all("script").unwrap().length();
    let message = "panicked at src/app.rs:1:1:\n<script>alert(1)</script> & \u{202E}rtl";

    show_panic_panel(message);

    assert!(
        root.query_selector(".old-content").unwrap().is_none(),
        "the old content is gone"
    );
    let panel = root
        .query_selector("section.panic-panel")
        .unwrap()
        .expect("a panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let heading = panel.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(heading.text_content().unwrap(), "Something went wrong");
    assert!(panel
        .query_selector("p")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Reloading the page"));
    let button = panel.query_selector("button").unwrap().expect("a button");
    assert_eq!(button.text_content().unwrap(), "Reload");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert!(
        button.get_attribute("onclick").is_none(),
        "no inline handler (CSP)"
    );
    assert_eq!(
        document.active_element(),
        Some(button),
        "the Reload button has the focus"
    );
    let pre = panel.query_selector("pre").unwrap().expect("the message");
    assert_eq!(
        pre.text_content().unwrap(),
        message,
        "the message is shown verbatim, as text"
    );
    assert_eq!(
        document.query_selector_all("script").unwrap().length(),
        scripts_before,
        "no markup from the message"
    );

    // Drawn twice (a second panic): still one panel.
    show_panic_panel("again");
    assert_eq!(
        root.query_selector_all("section.panic-panel")
            .unwrap()
            .length(),
        1
    );
    assert_eq!(
        root.query_selector("pre")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "again"
    );
    root.set_inner_html("");
}

#[wasm_bindgen_test]
async fn files_over_sixteen_mib_are_refused_before_reading() {
    common::install_on_demand();
    let huge = " ".repeat(16 * 1024 * 1024 + 1);
    match read_file(common::json_file("huge.json", &huge)).await {
        Loaded::Refused { problems, label } => {
            assert_eq!(&*label, "huge.json");
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].path, "$");
            assert!(
                problems[0]
                    .message
                    .contains("over the limit of 16777216 bytes (16.0 MiB); it was not read"),
                "{}",
                problems[0].message
            );
        }
        Loaded::Accepted { .. } => panic!("an over-size file was accepted"),
    }
}

#[wasm_bindgen_test]
async fn a_picked_file_is_accepted_with_its_whole_wire_form_or_refused() {
    common::install_on_demand();
    match read_file(common::json_file("bundled.json", common::DATA_SET_JSON)).await {
        Loaded::Accepted { data, wire, .. } => {
            assert_eq!(data.items.len(), bundled::data_set().unwrap().items.len());
            // The checker hands back the data set's wire form too: what the build wrote for the app, with the
            // article's text (and the rest that only the on-demand module shows), which the app's own copy leaves out.
            let whole = wire::decode::<DataSet>(&wire).unwrap();
            assert!(!whole.article.sections.is_empty());
            assert_eq!(
                wire::encode(&whole.without_module_only_text()),
                bundled::DATA_SET_WIRE
            );
        }
        Loaded::Refused { problems, .. } => panic!("refused: {problems:?}"),
    }
    let broken = common::DATA_SET_JSON.replacen(
        "\"https://www.belfercenter.org",
        "\"javascript:alert(1)//www.belfercenter.org",
        1,
    );
    match read_file(common::json_file("broken.json", &broken)).await {
        Loaded::Refused { problems, .. } => {
            assert!(problems.iter().any(|p| p.path == "$.article.url"))
        }
        Loaded::Accepted { .. } => panic!("a javascript: address was accepted"),
    }
}

#[wasm_bindgen_test]
async fn a_checker_that_cannot_be_loaded_refuses_the_data_set_and_says_why() {
    common::install_failing_on_demand("offline");
    match read_file(common::json_file("mine.json", common::DATA_SET_JSON)).await {
        Loaded::Refused { problems, label } => {
            assert_eq!(&*label, "mine.json");
            assert_eq!(problems.len(), 1);
            assert!(
                problems[0].message.starts_with(
                    "the part of the explorer that checks data sets could not be loaded (offline)"
                ),
                "{}",
                problems[0].message
            );
        }
        Loaded::Accepted { .. } => panic!("accepted without a checker"),
    }
    // The failure is not kept: once the module can be had, the same call succeeds.
    common::install_on_demand();
    assert!(matches!(
        read_file(common::json_file("mine.json", common::DATA_SET_JSON)).await,
        Loaded::Accepted { .. }
    ));
}
