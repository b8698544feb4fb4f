//! "Download 6 items as CSV" and "… as JSON" for the items the filters leave.
//!
//! The files are written by [`summit_core::export`] and saved by [`crate::download`].

use std::rc::Rc;
use summit_core::text::plural;

use yew::prelude::*;

use summit_core::export::{download_label, items_csv, items_json, ItemsFormat};

use crate::download::download_text;
use crate::explorer::use_explorer;

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
            let noun = plural(shown.len(), "item", "items");
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
