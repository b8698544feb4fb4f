//! "Download 6 items as CSV" and "… as JSON" for the items the filters leave.
//!
//! The files are written by [`summit_core::export`] and saved by the on-demand module (`crate::ondemand`), fetched on
//! the first download.

use std::rc::Rc;
use summit_core::text::plural;

use yew::prelude::*;

use summit_core::export::{download_label, ItemsFormat};

use crate::ondemand::{self, DataWire};

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The item indices the filters leave, in the order they are shown.
    pub shown: Rc<Vec<usize>>,
}

/// Writes the file of `shown` in the on-demand module and saves it: the status line's message.
async fn save(format: ItemsFormat, data: DataWire, shown: Rc<Vec<usize>>) -> String {
    let saved = match ondemand::module().await {
        Ok(module) => module
            .save_items(data.bytes(), &shown, format)
            .map_err(|failure| failure.to_string()),
        Err(failure) => Err(format!(
            "the part of the explorer that writes files could not be loaded ({failure}); check the connection and \
             try again"
        )),
    };
    let noun = plural(shown.len(), "item", "items");
    match saved {
        Ok(()) => format!("Saved {} {noun} as {}.", shown.len(), format.file_name()),
        Err(reason) => format!("Could not save the {}: {reason}.", format.name()),
    }
}

/// Two buttons that download the current results, each naming how many items it saves, and a polite status line
/// that says what was saved (or why not). Nothing to download when no item is left: the empty result says so.
/// While a file is being written (the first time, after the on-demand module is fetched) its button is marked busy
/// and the status line says so.
#[function_component(ExportBar)]
pub fn export_bar(props: &ExportBarProps) -> Html {
    let data = use_context::<DataWire>().unwrap_or_default();
    let status = use_state(String::new);
    let busy = use_state(|| None::<ItemsFormat>);
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
        let data = data.clone();
        let shown = props.shown.clone();
        let status = status.clone();
        let busy_setter = busy.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if busy_setter.is_some() {
                return;
            }
            busy_setter.set(Some(format));
            status.set(format!("Preparing the {}…", format.name()));
            let (data, shown, status, busy) = (
                data.clone(),
                shown.clone(),
                status.clone(),
                busy_setter.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let message = save(format, data, shown).await;
                busy.set(None);
                status.set(message);
            });
        });
        let is_busy = *busy == Some(format);
        html! {
            <button type="button" class="button export-button" aria-busy={is_busy.then_some("true")} {onclick}>
                { download_label(count, format) }
            </button>
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
