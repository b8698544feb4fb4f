//! The addresses that "Copy link", "Share" and the Cite dialog hand over, and the Web Share API where the device has
//! it.
//!
//! A view's address is what "Copy link" copies: the page's own address (its fragment holds the state), or in a script
//! embed the full explorer's link with the instance's state. An item's address is its own page, `items/ID/` beside
//! the explorer's `index.html`, where the build wrote one: for the bundled data set on a hosted page; not in the single
//! file (one file, no folders beside it), and not for a data set the reader loaded (its items have no pages). There
//! the explorer's address with `#item=ID` opens the item instead.

use wasm_bindgen::{JsCast, JsValue};

use summit_core::action::Action;
use summit_core::embed::{full_explorer_link, page_base, sibling_url};
use summit_core::state::ViewState;
use summit_core::url::item_page_path;

use crate::instance::Instance;
use crate::ondemand::DataWire;

/// The explorer's `index.html` (or the page's own address, whose folder is the explorer's): in a script embed the
/// address the embed was given, on a page the document's base address (an item page's base is the explorer's folder).
fn explorer_address(instance: &Instance) -> String {
    match instance.script_embed_options() {
        Some(embed) => embed.app_url.to_string(),
        None => gloo::utils::document()
            .base_uri()
            .ok()
            .flatten()
            .unwrap_or_default(),
    }
}

/// The address of the view `state`: what "Copy link" copies.
pub fn view_address(state: &ViewState, instance: &Instance) -> String {
    match instance.script_embed_options() {
        Some(embed) => full_explorer_link(&embed.app_url, state),
        None => gloo::utils::window().location().href().unwrap_or_default(),
    }
}

/// Whether the items shown have pages of their own: the bundled data set, outside the single file.
pub fn item_pages_exist(wire: &DataWire) -> bool {
    matches!(wire, DataWire::Bundled) && !crate::chosen_data::is_single_file()
}

/// The absolute address of the item `id`: its page where item pages exist, else the explorer with `#item=ID`.
pub fn item_address(id: &str, wire: &DataWire, instance: &Instance) -> String {
    let explorer = explorer_address(instance);
    if item_pages_exist(wire) {
        sibling_url(&explorer, &item_page_path(id))
    } else {
        let open = ViewState::default().apply(Action::OpenItem(id.to_string()));
        full_explorer_link(page_base(&explorer), &open)
    }
}

/// The Web Share API's `navigator.share`, where the device has it.
fn share_function() -> Option<js_sys::Function> {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::get(&navigator, &"share".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

/// Whether the device can share (the Web Share API). Asked after the first render only: the server cannot know.
pub fn can_share() -> bool {
    share_function().is_some()
}

/// Hands `title` and `url` to the device's share sheet. The reader may close it (the promise rejects with
/// `AbortError`) or the device refuse: either way nothing changes on the page, so the outcome is not awaited (its
/// rejection is caught, so that it does not reach the console as unhandled).
pub fn share(title: &str, url: &str) {
    let Some(share) = share_function() else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(title));
    let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(url));
    let navigator = gloo::utils::window().navigator();
    if let Ok(promise) = share.call1(&navigator, &data) {
        if let Some(promise) = promise.dyn_ref::<js_sys::Promise>() {
            crate::ondemand::ignore_rejection(promise);
        }
    }
}
