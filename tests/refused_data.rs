//! The refused-data panel with a hostile data set: 16 MiB with 100,000 misplaced quotations is refused by the app's
//! own loader (the file reader and checker of the on-demand module, called through its JavaScript interface) with a bounded list, and the panel draws one page of it. Times are printed, never asserted.
#![cfg(target_arch = "wasm32")]

mod common;

#[path = "../core/tests/support/misplaced.rs"]
mod misplaced;

use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_core::validate::{problem_count, MAX_LISTED_PROBLEMS, PROBLEM_PAGE};
use summit_fruits::chosen_data::{read_file, Loaded};
use summit_fruits::components::data_source_bar::DataRefused;

use common::{explorer, install_on_demand, mount, texts, DATA_SET_JSON};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_problem_in_every_quotation_draws_one_page() {
    install_on_demand();
    let json = misplaced::misplaced_quotations(DATA_SET_JSON);
    assert_eq!(json.len(), misplaced::MISPLACED_BYTES);

    let started = js_sys::Date::now();
    let Loaded::Refused { problems, label } =
        read_file(common::json_file("misplaced.json", &json)).await
    else {
        panic!("the data set was accepted");
    };
    let validated = js_sys::Date::now();
    assert_eq!(problems.len(), MAX_LISTED_PROBLEMS + 1);
    let count = problem_count(&problems);
    assert_eq!(count.errors, misplaced::MISPLACED_QUOTATIONS);

    let root = mount(
        &explorer(),
        html! { <DataRefused problems={problems.clone()} {label} on_back={Callback::noop()} /> },
    )
    .await;
    let drawn = js_sys::Date::now();
    console_log!(
        "16 MiB, {} misplaced quotations: refused in {:.0} ms in the browser ({} build), panel drawn in {:.0} ms",
        misplaced::MISPLACED_QUOTATIONS,
        validated - started,
        if cfg!(debug_assertions) { "debug" } else { "release" },
        drawn - validated
    );

    let intro = texts(&root, ".data-refused > p").join(" ");
    assert!(
        intro.contains(&format!(
            "{} errors were found",
            misplaced::MISPLACED_QUOTATIONS
        )),
        "{intro}"
    );
    let items = texts(&root, ".problem-list li");
    assert_eq!(
        items.len(),
        PROBLEM_PAGE + 1,
        "one page and the line that counts the rest"
    );
    // The line counts everything not on the page: the validator's other 50 listed problems and those it only counted.
    let shown = problem_count(&problems[..PROBLEM_PAGE]);
    let more = items.last().unwrap();
    assert_eq!(
        more,
        &format!(
            "…and {} more not shown ({} errors, {} warnings): the first {PROBLEM_PAGE} are listed above.",
            count.total() - PROBLEM_PAGE,
            count.errors - shown.errors,
            count.warnings - shown.warnings
        )
    );
    assert!(items.iter().any(|i| i.contains("but is in paragraph")));
}
