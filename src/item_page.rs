//! An item's own page (`items/ID/index.html`, written by the build): when the app starts there, the address becomes
//! the explorer's own, with the item open, before anything reads it.
//!
//! The page names its item in `<meta name="summit-fruits:item">`. The app replaces the address with the explorer's
//! (`../../`), keeping the query string and the fragment when there is one (a link to a view from the item page's
//! static markup) or writing `#item=ID` otherwise. From then on the app is on its usual page: every relative address
//! it resolves later (the on-demand module, the data files, links) resolves as it does there, and reload, back and
//! "Copy link" work as everywhere. A page that may not change its address (some sandboxes) is loaded at the
//! explorer's address instead.

use summit_core::action::Action;
use summit_core::state::ViewState;
use summit_core::url::{to_fragment, ITEM_PAGE_META, ITEM_PAGE_TO_ROOT};

/// The item the page is about, when it is an item page, and the explorer's own title.
fn item_of_page(document: &web_sys::Document) -> Option<(String, Option<String>)> {
    let meta = document
        .query_selector(&format!("meta[name=\"{ITEM_PAGE_META}\"]"))
        .ok()
        .flatten()?;
    let id = meta.get_attribute("content").filter(|id| !id.is_empty())?;
    Some((id, meta.get_attribute("data-explorer-title")))
}

/// On an item page, moves the address to the explorer's own with the item open, and gives the page the explorer's
/// title (the app keeps one title whatever it shows); elsewhere does nothing.
pub fn settle_address(document: &web_sys::Document) {
    let Some((id, explorer_title)) = item_of_page(document) else {
        return;
    };
    if let Some(title) = explorer_title {
        document.set_title(&title);
    }
    let window = gloo::utils::window();
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    let fragment = if hash.trim_start_matches('#').is_empty() {
        format!(
            "#{}",
            to_fragment(&ViewState::default().apply(Action::OpenItem(id)))
        )
    } else {
        hash
    };
    let search = location.search().unwrap_or_default();
    // From disk a folder is no page: name the file.
    let file = if location.protocol().is_ok_and(|p| p == "file:") {
        "index.html"
    } else {
        ""
    };
    let target = format!("{ITEM_PAGE_TO_ROOT}{file}{search}{fragment}");
    let replaced = window.history().is_ok_and(|history| {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
            .is_ok()
    });
    if !replaced {
        let _ = location.replace(&target);
    }
}
