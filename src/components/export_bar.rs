//! "Download 6 items as CSV" and "… as JSON" for the items the filters leave, and the browser side of every download.
//!
//! The files are written by [`summit_core::export`]; here they only become a Blob behind an object URL that an
//! `<a download>` element opens, which needs no server and works from a page opened from disk.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use summit_core::export::{download_label, items_csv, items_json, ItemsFormat};

use crate::explorer::use_explorer;

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

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The item indices the filters leave, in the order they are shown.
    pub shown: Rc<Vec<usize>>,
}

/// Two buttons that download the current results, each naming how many items it saves, and a polite status line
/// that says what was saved (or why not). Nothing to download when no item is left: the empty result says so.
#[function_component(ExportBar)]
pub fn export_bar(props: &ExportBarProps) -> Html {
    let explorer = use_explorer();
    let status = use_state(String::new);
    let count = props.shown.len();
    // A message about the last download is about those results: it goes when the results change.
    {
        let status = status.clone();
        use_effect_with(props.shown.clone(), move |_| {
            if !status.is_empty() {
                status.set(String::new());
            }
        });
    }

    let button = |format: ItemsFormat| {
        let explorer = explorer.clone();
        let shown = props.shown.clone();
        let status = status.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let text = match format {
                ItemsFormat::Csv => Some(items_csv(&explorer.data, &shown)),
                ItemsFormat::Json => items_json(&explorer.data, &shown),
            };
            let noun = if shown.len() == 1 { "item" } else { "items" };
            let message = match text
                .ok_or_else(|| "there is no item to save".to_string())
                .and_then(|text| download_text(&text, format.file_name(), format.media_type()))
            {
                Ok(()) => format!("Saved {} {noun} as {}.", shown.len(), format.file_name()),
                Err(reason) => format!("Could not save the {}: {reason}.", format.name()),
            };
            status.set(message);
        });
        html! {
            <button type="button" class="button export-button" {onclick}>{ download_label(count, format) }</button>
        }
    };

    html! {
        <div class="export-bar">
            if count > 0 {
                <div class="export-buttons" role="group" aria-label="Download the results">
                    { button(ItemsFormat::Csv) }
                    { button(ItemsFormat::Json) }
                </div>
            }
            // Always present, so a message that appears later is announced.
            <p class="export-status" role="status">{ (*status).clone() }</p>
        </div>
    }
}
