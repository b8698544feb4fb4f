//! The matrix's toolbar: what the rows are, whether left-out items are dimmed or hidden, and "Save as SVG" and
//! "Save as PNG" with a status line that says what a save did.

use yew::prelude::*;

use summit_core::action::Action;
use summit_core::export::{PNG_FILE_NAME, SVG_FILE_NAME};
use summit_core::state::{MatrixRows, ViewState};

use crate::explorer::{push_on, Navigate};
use crate::ondemand::{self, MatrixFormat};

/// What the toolbar shows and changes.
pub(super) struct MatrixToolbar<'a> {
    pub state: &'a ViewState,
    pub navigate: &'a Navigate,
    /// Tells this matrix's radio groups apart from another instance's.
    pub instance: u32,
    /// The article's title, in the saved file's title.
    pub article_title: &'a str,
    /// Whether a mark is drawn: the save buttons are offered only then.
    pub has_marks: bool,
}

impl MatrixToolbar<'_> {
    /// The toolbar above the matrix; `section` holds the drawn matrix that the save buttons save.
    pub(super) fn draw(&self, section: &NodeRef, save_status: &UseStateHandle<String>) -> Html {
        let (state, instance) = (self.state, self.instance);
        let rows_name = format!("matrix-rows-{instance}");
        let excluded_name = format!("matrix-excluded-{instance}");
        let rows_options = MatrixRows::ALL.iter().map(|&rows| {
            let onchange = push_on::<Event>(self.navigate, state.apply(Action::SetMatrixRows(rows)));
            html! {
                <label class="matrix-option">
                    <input type="radio" name={rows_name.clone()} value={rows.id()} checked={state.matrix_rows == rows} {onchange} />
                    {rows.label()}
                </label>
            }
        });
        let excluded_options = [(false, "Dim"), (true, "Hide")].into_iter().map(|(hide, label)| {
            let onchange = push_on::<Event>(self.navigate, state.apply(Action::SetHideExcluded(hide)));
            html! {
                <label class="matrix-option">
                    <input type="radio" name={excluded_name.clone()} value={if hide { "hide" } else { "dim" }} checked={state.hide_excluded == hide} {onchange} />
                    {label}
                </label>
            }
        });
        let file_title = format!(
            "Feasibility by {}: {}",
            state.matrix_rows.label().to_ascii_lowercase(),
            self.article_title
        );
        html! {
            <div class="matrix-toolbar">
                <fieldset class="matrix-fieldset">
                    <legend>{"Rows:"}</legend>
                    { for rows_options }
                </fieldset>
                <fieldset class="matrix-fieldset">
                    <legend>{"Filtered-out items:"}</legend>
                    { for excluded_options }
                </fieldset>
                if self.has_marks {
                    <div class="matrix-save" role="group" aria-label="Save the matrix">
                        <button type="button" class="button matrix-save-button" onclick={save(section, save_status, file_title.clone(), MatrixFormat::Svg)}>{"Save as SVG"}</button>
                        <button type="button" class="button matrix-save-button" onclick={save(section, save_status, file_title, MatrixFormat::Png)}>{"Save as PNG"}</button>
                    </div>
                }
                // Always present, so that what a save did (or why it failed) is announced.
                <p class="matrix-save-status" role="status">{ (**save_status).clone() }</p>
            </div>
        }
    }
}

/// Saves the drawn matrix as a standalone SVG file, or as a PNG at twice its size drawn from it. The files are
/// written and saved by the on-demand module, fetched first if need be; the status says what happens meanwhile.
fn save(
    section: &NodeRef,
    save_status: &UseStateHandle<String>,
    file_title: String,
    format: MatrixFormat,
) -> Callback<MouseEvent> {
    let section = section.clone();
    let save_status = save_status.clone();
    Callback::from(move |_: MouseEvent| {
        let (kind, file_name) = match format {
            MatrixFormat::Svg => ("SVG", SVG_FILE_NAME),
            MatrixFormat::Png => ("PNG", PNG_FILE_NAME),
        };
        let svg = section
            .cast::<web_sys::Element>()
            .and_then(|section| section.query_selector("svg.matrix-svg").ok().flatten());
        let Some(svg) = svg else {
            save_status.set(format!(
                "Could not save the matrix as {kind}: the matrix is not on the page."
            ));
            return;
        };
        let (save_status, file_title) = (save_status.clone(), file_title.clone());
        save_status.set(format!("Drawing the matrix as {kind}…"));
        wasm_bindgen_futures::spawn_local(async move {
            let result = match ondemand::module().await {
                Ok(module) => module
                    .save_matrix(&svg, &file_title, format)
                    .await
                    .map_err(|f| f.0),
                Err(f) => Err(format!(
                    "the part of the explorer that writes files could not be loaded ({f}); check the connection and \
                     try again"
                )),
            };
            save_status.set(match result {
                Ok(()) => format!("Saved the matrix as {file_name}."),
                Err(reason) => format!("Could not save the matrix as {kind}: {reason}."),
            });
        });
    })
}
