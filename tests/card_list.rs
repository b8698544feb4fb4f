//! Component tests of the cards view's batches: a long result draws one batch, "Show more" adds the next and moves
//! focus to the first new card, and a new result starts again from one batch.
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_core::paging::CARDS_PER_BATCH;
use summit_core::state::ViewState;
use summit_fruits::bundled;
use summit_fruits::explorer::{Explorer, ExplorerContext, Shared};
use summit_fruits::views::card_list::CardList;

use common::{mount, texts};

wasm_bindgen_test_configure!(run_in_browser);

/// The bundled data set with its items repeated under new ids until there are `count`.
fn explorer_with(count: usize) -> ExplorerContext {
    let mut data = (*bundled::data_set().expect("the bundled data set loads")).clone();
    let originals = data.items.clone();
    data.items = (0..count)
        .map(|n| {
            let mut item = originals[n % originals.len()].clone();
            item.id = format!("{}-{n}", item.id);
            item.title = format!("{} ({n})", item.title);
            item
        })
        .collect();
    Shared(Rc::new(Explorer::new(Rc::new(data))))
}

fn list(shown: Rc<Vec<usize>>) -> Html {
    html! {
        <CardList state={Rc::new(ViewState::default())} {shown} terms={Rc::new(Vec::new())} navigate={Callback::noop()} />
    }
}

fn show_more(root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    root.query_selector(".show-more button")
        .unwrap()
        .and_then(|b| b.dyn_into().ok())
}

#[wasm_bindgen_test]
async fn the_article_fits_in_one_batch() {
    let explorer = explorer_with(31);
    let root = mount(&explorer, list(Rc::new((0..31).collect()))).await;
    assert_eq!(texts(&root, ".card-title").len(), 31);
    assert!(show_more(&root).is_none());
}

#[wasm_bindgen_test]
async fn a_long_result_grows_a_batch_at_a_time_and_focus_moves_to_the_first_new_card() {
    // Two whole batches and half of a third.
    let total = 2 * CARDS_PER_BATCH + CARDS_PER_BATCH / 2;
    let explorer = explorer_with(total);
    let root = mount(&explorer, list(Rc::new((0..total).collect()))).await;
    assert_eq!(texts(&root, ".card-title").len(), CARDS_PER_BATCH);
    assert_eq!(
        texts(&root, ".show-more p"),
        vec![format!("{CARDS_PER_BATCH} of {total} shown.")]
    );
    show_more(&root).expect("a Show more button").click();
    yew::scheduler::flush().await;
    let titles = texts(&root, ".card-title");
    assert_eq!(titles.len(), 2 * CARDS_PER_BATCH);
    let focused = gloo::utils::document()
        .active_element()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert_eq!(focused, titles[CARDS_PER_BATCH]);
    let last = show_more(&root).expect("the last batch is still to come");
    assert_eq!(
        last.text_content().as_deref(),
        Some(format!("Show {} more", CARDS_PER_BATCH / 2).as_str())
    );
    last.click();
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, ".card-title").len(), total);
    assert!(show_more(&root).is_none());
}
