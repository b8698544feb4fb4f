//! Other data sets: a JSON file the reader picked or dropped, or the `?data=<url>` address. The on-demand module
//! (`crate::ondemand`) reads either within the default size limit, refusing over-size input before or while it is
//! read, and puts it through the core's `parse_and_validate`; this side names it, checks the address and starts its
//! request at once, so that the request and the module travel at the same time.
//!
//! Nothing here contacts another origin unless the reader asked for it with `?data=`: the bundled data set needs no
//! request at all.

use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use summit_core::model::DataSet;
use summit_core::text;
use summit_core::url::{data_param, search_without_data};
use summit_core::validate::Problem;

use crate::ondemand::{self, ChosenSource};

/// A data set that was chosen instead of the bundled one, once read and checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// It passed validation; the warnings (often none) are shown in a banner.
    Accepted {
        data: Rc<DataSet>,
        /// The data set's wire form, which the on-demand module takes for downloads and the hindsight layer.
        wire: Rc<[u8]>,
        warnings: Rc<Vec<Problem>>,
        label: Rc<str>,
    },
    /// It was refused; every problem is listed with its JSON path.
    Refused {
        problems: Rc<Vec<Problem>>,
        label: Rc<str>,
    },
}

/// Has the on-demand module (fetched first if need be) read and check a chosen data set: accepted with its warnings, or
/// refused with every problem; refused with one problem that says so when the module cannot be had.
async fn checked_by_module(label: Rc<str>, source: ChosenSource) -> Loaded {
    let checked = match ondemand::module().await {
        Ok(module) => module.read_data_set(&source).await,
        Err(failure) => Err(failure),
    };
    match checked {
        Ok(Ok((data, warnings, wire))) => Loaded::Accepted {
            data: Rc::new(data),
            wire: Rc::from(wire),
            warnings: Rc::new(warnings),
            label,
        },
        Ok(Err(problems)) => Loaded::Refused {
            problems: Rc::new(problems),
            label,
        },
        Err(failure) => refused(
            label,
            "$",
            format!(
                "the part of the explorer that checks data sets could not be loaded ({failure}), so the data set \
                 was not checked; check the connection and try again"
            ),
        ),
    }
}

fn refused(label: Rc<str>, path: &str, message: impl Into<String>) -> Loaded {
    Loaded::Refused {
        problems: Rc::new(vec![Problem::error(path, message)]),
        label,
    }
}

/// The `data` parameter of the page's own address, if the reader gave one.
pub fn requested_url() -> Option<String> {
    // A host page's address is not ours: an embed shows the bundled data set. The server draws the default address.
    if crate::instance::host_page_app_url().is_some() || !crate::prerender::IN_BROWSER {
        return None;
    }
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    data_param(&search)
}

/// Drops `?data=` from the address bar (keeping the fragment), so that a reload shows what the reader now sees.
pub fn forget_requested_url() {
    if crate::instance::host_page_app_url().is_some() {
        return;
    }
    let window = gloo::utils::window();
    let location = window.location();
    let search = location.search().unwrap_or_default();
    if data_param(&search).is_none() {
        return;
    }
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        search_without_data(&search),
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// True when the page is the single self-contained file (`cargo xtask build --single-file`), which is opened from disk
/// with no web server beside it: its build writes `<meta name="summit-fruits-build" content="single-file">`.
pub fn is_single_file() -> bool {
    // The server draws the hosted page; the single file is drawn afresh in the browser (src/prerender.rs).
    crate::prerender::IN_BROWSER
        && gloo::utils::document()
            .query_selector("meta[name=\"summit-fruits-build\"][content=\"single-file\"]")
            .ok()
            .flatten()
            .is_some()
}

/// Fetches the data set at `address` (relative to the page, or an http(s) address of a server that allows CORS).
pub async fn fetch(address: &str) -> Loaded {
    let label: Rc<str> = text::label_of(address).into();
    // The checker is fetched while the data set is: the reader waits for one round trip, not two.
    ondemand::start_loading();
    if is_single_file() {
        return refused(
            label,
            "$",
            "this copy of the explorer is a single file opened without a web server, so it fetches nothing from \
             an address (?data=); open the data set with “Use another data set” (pick or drop the file) instead",
        );
    }
    let base = gloo::utils::window().location().href().unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(address, &base) else {
        return refused(label, "$", "the address in ?data= is not a valid address");
    };
    let resolved = url.href();
    // The browser's parser has checked and normalised the address (its host in ASCII): only its scheme is left.
    if !matches!(url.protocol().as_str(), "http:" | "https:") || url.host().is_empty() {
        return refused(
            label,
            "$",
            "the address in ?data= must be an http:// or https:// address (or a path on this site)",
        );
    }
    // No cookies or HTTP authentication go with the request, to this site or any other: a data set is public data.
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let response = gloo::utils::window().fetch_with_str_and_init(&resolved, &init);
    // A failed request is the module's to report; until it awaits the promise, its rejection is not unhandled.
    ondemand::ignore_rejection(&response);
    checked_by_module(label, ChosenSource::Response(response)).await
}

/// The first file of a `FileList` (from an `<input type=file>` or a drop), if there is one.
pub fn first_file(files: &JsValue) -> Option<JsValue> {
    if files.is_undefined() || files.is_null() {
        return None;
    }
    Reflect::get(files, &JsValue::from(0))
        .ok()
        .filter(|f| f.is_object())
}

/// The files of an `<input type=file>` element.
pub fn input_files(input: &JsValue) -> JsValue {
    Reflect::get(input, &JsValue::from_str("files")).unwrap_or(JsValue::UNDEFINED)
}

/// The files of a drag event, if it carries any.
pub fn dropped_files(event: &JsValue) -> JsValue {
    Reflect::get(event, &JsValue::from_str("dataTransfer"))
        .ok()
        .filter(|t| t.is_object())
        .and_then(|transfer| Reflect::get(&transfer, &JsValue::from_str("files")).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// True when a drag carries files (and not, say, selected text).
pub fn drags_files(event: &JsValue) -> bool {
    let types = Reflect::get(event, &JsValue::from_str("dataTransfer"))
        .ok()
        .filter(|t| t.is_object())
        .and_then(|transfer| Reflect::get(&transfer, &JsValue::from_str("types")).ok());
    match types {
        Some(types) if js_sys::Array::is_array(&types) => js_sys::Array::from(&types)
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files")),
        Some(types) => Reflect::get(&types, &JsValue::from_str("length"))
            .ok()
            .and_then(|n| n.as_f64())
            .is_some_and(|n| n > 0.0),
        None => false,
    }
}

/// Reads a picked or dropped file (a JS `File`) and loads it.
pub async fn read_file(file: JsValue) -> Loaded {
    ondemand::start_loading();
    let name = Reflect::get(&file, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    checked_by_module(text::label_of(&name).into(), ChosenSource::File(file)).await
}
