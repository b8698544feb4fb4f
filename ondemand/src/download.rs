//! The browser side of every download the explorer offers (the results as CSV or JSON, the matrix as SVG or PNG, the
//! open data in the single file): a Blob behind an object URL that a detached `<a download>` element opens, which
//! needs no server and works from a page opened from disk. The module writes each file and saves it, so the file's
//! text never crosses back into the app.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

/// Saves `blob` as a file called `file_name`: an object URL opened by a detached `<a download>` element, revoked
/// once the browser has taken the file.
pub fn save_blob(blob: &Blob, file_name: &str) -> Result<(), String> {
    let refused = |e: JsValue| format!("the browser refused to make the file ({})", describe(&e));
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(refused)?;
    let window = web_sys::window().ok_or("there is no window to save the file from")?;
    let anchor = window
        .document()
        .and_then(|document| document.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("the page could not make a download link")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click starts the download at once; the URL is freed a little later so that the browser has read it.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    Ok(())
}

/// Saves `text` as a file called `file_name` of the media type `media_type`.
pub fn save_text(text: &str, file_name: &str, media_type: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("the browser refused to make the file ({})", describe(&e)))?;
    save_blob(&blob, file_name)
}

/// A JavaScript error's message, or its string form.
pub fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no reason given".to_string())
}
