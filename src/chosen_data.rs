//! Other data sets: reads a JSON file the reader picked or dropped, or fetches the `?data=<url>` address, and puts it
//! through the core's `parse_and_validate` with the default limits, refusing over-size input before it is read. The
//! checker runs in the on-demand module (`crate::ondemand`), fetched the first time a data set is chosen.
//!
//! Nothing here contacts another origin unless the reader asked for it with `?data=`: the bundled data set needs no
//! request at all.

use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use summit_core::model::DataSet;
use summit_core::text::{self, mib};
use summit_core::url::{data_param, search_without_data};
use summit_core::validate::{Limits, Problem};

use crate::ondemand;

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

/// Refuses a file of `bytes` bytes before it is read when it is over the limit of the default [`Limits`].
pub fn size_problem(bytes: u64) -> Option<Problem> {
    let limit = Limits::default().max_bytes as u64;
    (bytes > limit).then(|| {
        Problem::error(
            "$",
            format!(
                "the file is {bytes} bytes ({}), over the limit of {limit} bytes ({}); it was not read",
                mib(bytes),
                mib(limit)
            ),
        )
    })
}

/// Parses and validates JSON with the default limits in the on-demand module (fetched first if need be): accepted with
/// its warnings, or refused with every problem; refused with one problem that says so when the module cannot be had.
pub async fn load_json(json: &str, label: Rc<str>) -> Loaded {
    let checked = match ondemand::module().await {
        Ok(module) => module.check_data_set(json),
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
    let response = match gloo::net::http::Request::get(&resolved)
        .credentials(web_sys::RequestCredentials::Omit)
        .send()
        .await
    {
        Ok(response) => response,
        Err(e) => {
            // Formatted by variant: the error type's own Display would bring serde_json's messages into the app.
            let reason = match &e {
                gloo::net::Error::JsError(js) => js.to_string(),
                gloo::net::Error::GlooError(text) => text.clone(),
                _ => "an unexpected error".to_string(),
            };
            return refused(
                label,
                "$",
                format!(
                    "the data set could not be fetched ({reason}); another site must allow it (CORS) and this page's \
                     content security policy must allow the connection"
                ),
            );
        }
    };
    if !response.ok() {
        return refused(
            label,
            "$",
            format!(
                "the server answered {} {} instead of the data set",
                response.status(),
                response.status_text()
            ),
        );
    }
    let announced = response
        .headers()
        .get("content-length")
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(problem) = announced.and_then(size_problem) {
        return Loaded::Refused {
            problems: Rc::new(vec![problem]),
            label,
        };
    }
    // `Content-Length` may be missing (a chunked body) or count compressed bytes, so the limit is held on the
    // decoded bytes as they arrive.
    let Some(body) = response.body() else {
        return load_json("", label).await;
    };
    match read_limited(&body, Limits::default().max_bytes).await {
        Ok(bytes) => load_json(&decode_utf8(&bytes), label).await,
        Err(BodyError::OverLimit(limit)) => refused(
            label,
            "$",
            format!(
                "the data set is over the limit of {limit} bytes ({}); it was read no further",
                mib(limit as u64)
            ),
        ),
        Err(BodyError::Unreadable) => refused(
            label,
            "$",
            "the data set could not be read from the response",
        ),
    }
}

/// Why a response body was not read to its end.
enum BodyError {
    /// More than this many bytes arrived; the stream was cancelled there.
    OverLimit(usize),
    /// The stream failed (a dropped connection, a broken compressed body).
    Unreadable,
}

/// Reads `body` chunk by chunk, cancelling it as soon as it holds more than `limit` bytes, so neither a body without a
/// `Content-Length` nor a compressed one that grows when decoded is ever held whole.
async fn read_limited(body: &web_sys::ReadableStream, limit: usize) -> Result<Vec<u8>, BodyError> {
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| BodyError::Unreadable)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|_| BodyError::Unreadable)?
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| BodyError::Unreadable)?;
        let len = value.length() as usize;
        if bytes.len() + len > limit {
            // Tells the server to stop sending; what it answers no longer matters.
            let _ = reader.cancel();
            return Err(BodyError::OverLimit(limit));
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// The body as text, as `Response.text()` reads it: UTF-8 with a leading byte order mark dropped and invalid bytes
/// replaced.
fn decode_utf8(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// Reads a `Blob` (a `File` is one) as UTF-8 text after checking its size, then loads it.
async fn read_blob(blob: web_sys::Blob, label: Rc<str>) -> Loaded {
    ondemand::start_loading();
    if let Some(problem) = size_problem(blob.size() as u64) {
        return Loaded::Refused {
            problems: Rc::new(vec![problem]),
            label,
        };
    }
    match JsFuture::from(blob.text()).await.map(|t| t.as_string()) {
        Ok(Some(text)) => load_json(&text, label).await,
        _ => refused(label, "$", "the file could not be read as text"),
    }
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
    let name = Reflect::get(&file, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    read_blob(file.unchecked_into(), text::label_of(&name).into()).await
}
