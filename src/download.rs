//! The browser side of every download (the results as CSV or JSON, the matrix as SVG or PNG, the open data in the
//! single file): a Blob behind an object URL that an `<a download>` element opens, which needs no server and works
//! from a page opened from disk.

use wasm_bindgen::{JsCast, JsValue};

/// Saves `blob` as a file called `file_name`: an object URL opened by a detached `<a download>` element, revoked
/// once the browser has taken the file.
pub fn download_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|e| format!("the browser refused to make the file ({})", describe(&e)))?;
    let anchor = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("the page could not make a download link")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click starts the download at once; the URL is freed a little later so that the browser has read it.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Saves `text` as a file called `file_name` of the media type `media_type`.
pub fn download_text(text: &str, file_name: &str, media_type: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("the browser refused to make the file ({})", describe(&e)))?;
    download_blob(&blob, file_name)
}

/// A JavaScript error's message, or its string form.
pub fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no reason given".to_string())
}
