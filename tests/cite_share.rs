//! The buttons whose dialogs the on-demand module draws, and Share: Cite and the toolbar's Embed open the module's
//! dialogs (busy and "Loading the citations…" meanwhile, a sentence when the module cannot be had); Share is drawn
//! only where the device has the Web Share API.
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use common::{explorer, install_failing_on_demand, install_on_demand, mount, pause, texts};
use summit_core::state::ViewState;
use summit_fruits::components::cite_share::CiteShare;

wasm_bindgen_test_configure!(run_in_browser);

fn buttons(state: Rc<ViewState>, item: Option<&str>) -> Html {
    html! {
        <CiteShare {state} label="Cite" item={item.map(AttrValue::from)} share_title="A title" />
    }
}

/// Clicks the Cite button and waits (a bounded while) until `done` holds.
async fn click_cite_until(root: &web_sys::Element, done: impl Fn() -> bool) -> Vec<String> {
    click_until(root, "button.cite-button", done).await
}

/// Clicks the button `selector` finds and waits (a bounded while) until `done` holds: the load status's text just
/// after the click and at the end.
async fn click_until(
    root: &web_sys::Element,
    selector: &str,
    done: impl Fn() -> bool,
) -> Vec<String> {
    let button = root.query_selector(selector).unwrap().expect("the button");
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    yew::scheduler::flush().await;
    let mut seen = vec![texts(root, ".dialog-load-status").join("")];
    for _ in 0..50 {
        if done() {
            break;
        }
        pause().await;
    }
    seen.push(texts(root, ".dialog-load-status").join(""));
    seen
}

#[wasm_bindgen_test]
async fn cite_opens_the_dialog_of_the_article_and_the_view() {
    install_on_demand();
    let root = mount(&explorer(), buttons(Rc::new(ViewState::default()), None)).await;
    let button = root.query_selector("button.cite-button").unwrap().unwrap();
    assert_eq!(
        button.get_attribute("aria-haspopup").as_deref(),
        Some("dialog")
    );
    let seen = click_cite_until(&root, || {
        root.query_selector("dialog.cite-dialog[open]")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert_eq!(
        seen.first().map(String::as_str),
        Some("Loading the citations…")
    );
    assert_eq!(seen.last().map(String::as_str), Some(""));
    let dialog = root
        .query_selector("dialog.cite-dialog")
        .unwrap()
        .expect("the dialog");
    assert_eq!(texts(&dialog, "h2"), ["Cite"]);
    assert_eq!(
        texts(&dialog, "h3"),
        ["The article", "This view of the explorer"]
    );
    assert_eq!(texts(&dialog, ".cite-entry").len(), 11);
    assert_eq!(button.get_attribute("aria-busy"), None, "no longer busy");
    // Closing removes it and gives focus back to the button.
    dialog.unchecked_ref::<web_sys::HtmlDialogElement>().close();
    for _ in 0..50 {
        if root.query_selector("dialog.cite-dialog").unwrap().is_none() {
            break;
        }
        pause().await;
    }
    assert!(root.query_selector("dialog.cite-dialog").unwrap().is_none());
    assert_eq!(gloo::utils::document().active_element(), Some(button));
}

#[wasm_bindgen_test]
async fn cite_this_item_cites_its_passages() {
    install_on_demand();
    let explorer = explorer();
    let item = explorer
        .data
        .items
        .iter()
        .find(|i| i.evidence.len() == 1)
        .unwrap()
        .id
        .clone();
    let root = mount(
        &explorer,
        buttons(Rc::new(ViewState::default()), Some(&item)),
    )
    .await;
    click_cite_until(&root, || {
        root.query_selector("dialog.cite-dialog")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    let dialog = root
        .query_selector("dialog.cite-dialog")
        .unwrap()
        .expect("the dialog");
    assert_eq!(texts(&dialog, "h2"), ["Cite this item"]);
    assert_eq!(texts(&dialog, "h3"), ["The passage", "The article"]);
    dialog.unchecked_ref::<web_sys::HtmlDialogElement>().close();
}

#[wasm_bindgen_test]
async fn a_module_that_cannot_be_loaded_is_said() {
    install_failing_on_demand("integrity check failed");
    let root = mount(&explorer(), buttons(Rc::new(ViewState::default()), None)).await;
    let seen = click_cite_until(&root, || {
        texts(&root, ".dialog-load-status")
            .join("")
            .starts_with("The citations")
    })
    .await;
    assert_eq!(
        seen.last().map(String::as_str),
        Some("The citations could not be loaded (integrity check failed); check the connection and try again.")
    );
    assert!(root.query_selector("dialog").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn share_is_drawn_only_where_the_device_can_share() {
    let prototype = js_sys::Reflect::get(&js_sys::global(), &"Navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"prototype".into()))
        .unwrap();
    let had = js_sys::Reflect::has(&prototype, &"share".into()).unwrap();
    let _ = js_sys::Reflect::delete_property(
        prototype.unchecked_ref::<js_sys::Object>(),
        &"share".into(),
    );
    let without = mount(&explorer(), buttons(Rc::new(ViewState::default()), None)).await;
    pause().await;
    assert_eq!(texts(&without, "button"), ["Cite"]);

    let share = js_sys::Function::new_no_args("return Promise.resolve();");
    js_sys::Reflect::set(&prototype, &"share".into(), &share).unwrap();
    let with = mount(&explorer(), buttons(Rc::new(ViewState::default()), None)).await;
    pause().await;
    assert_eq!(texts(&with, "button"), ["Cite", "Share"]);
    if !had {
        let _ = js_sys::Reflect::delete_property(
            prototype.unchecked_ref::<js_sys::Object>(),
            &"share".into(),
        );
    }
}

/// The toolbar, for its Embed button (the one dialog button that is not Cite).
fn toolbar(state: Rc<ViewState>) -> Html {
    use summit_fruits::components::toolbar::Toolbar;
    html! { <Toolbar {state} navigate={Callback::noop()} /> }
}

const EMBED_BUTTON: &str = "#toolbar-actions button.button[aria-haspopup=dialog]:not(.cite-button)";

#[wasm_bindgen_test]
async fn embed_opens_the_dialog_with_the_code_of_this_view_and_gives_focus_back() {
    install_on_demand();
    let state = Rc::new(ViewState {
        view: summit_core::state::View::Matrix,
        ..ViewState::default()
    });
    let root = mount(&explorer(), toolbar(state)).await;
    let button = root.query_selector(EMBED_BUTTON).unwrap().expect("Embed");
    assert_eq!(button.text_content().as_deref(), Some("Embed"));
    let seen = click_until(&root, EMBED_BUTTON, || {
        root.query_selector("dialog.embed-dialog[open]")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert_eq!(seen[0], "Loading the embed code…");
    let dialog = root
        .query_selector("dialog.embed-dialog")
        .unwrap()
        .expect("the dialog");
    assert_eq!(texts(&dialog, "h2"), ["Embed this view"]);
    let code = |id: &str| {
        dialog
            .query_selector(&format!("textarea#{id}"))
            .unwrap()
            .expect(id)
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value()
    };
    assert!(
        code("embed-iframe-code").contains("?embed=1#view=matrix"),
        "{}",
        code("embed-iframe-code")
    );
    assert!(
        code("embed-script-code").contains("data-view=\"matrix\""),
        "{}",
        code("embed-script-code")
    );
    assert_eq!(texts(&root, ".dialog-load-status").join(""), "");
    dialog.unchecked_ref::<web_sys::HtmlDialogElement>().close();
    // The close event comes in a task of its own; a busy machine may take a while.
    for _ in 0..100 {
        if root.query_selector("dialog").unwrap().is_none() {
            break;
        }
        pause().await;
    }
    assert!(
        root.query_selector("dialog").unwrap().is_none(),
        "removed once closed"
    );
    let focused = gloo::utils::document().active_element().expect("focus");
    assert_eq!(focused.text_content().as_deref(), Some("Embed"));
}

#[wasm_bindgen_test]
async fn an_embed_dialog_whose_module_cannot_be_loaded_is_said() {
    install_failing_on_demand("the network is down");
    let root = mount(&explorer(), toolbar(Rc::new(ViewState::default()))).await;
    let seen = click_until(&root, EMBED_BUTTON, || {
        texts(&root, ".dialog-load-status")
            .join("")
            .starts_with("The embed code")
    })
    .await;
    assert_eq!(
        seen.last().map(String::as_str),
        Some("The embed code could not be loaded (the network is down); check the connection and try again.")
    );
    assert!(root.query_selector("dialog").unwrap().is_none());
}
