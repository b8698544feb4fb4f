//! The matrix's toolbar: what the rows are, whether left-out items are dimmed or hidden, and "Save as SVG" and
//! "Save as PNG" with a status line that says what a save did.

use yew::prelude::*;

use summit_core::action::Action;
use summit_core::export::{PNG_FILE_NAME, SVG_FILE_NAME};
use summit_core::state::MatrixRows;

use super::MatrixCtx;
use crate::download::{download_blob, download_text};
use crate::explorer::push_on;
use crate::matrix_file::{matrix_png, matrix_svg_file};

/// The toolbar above the matrix; the save buttons only when there are marks to save.
pub(super) fn matrix_toolbar(
    ctx: &MatrixCtx,
    has_marks: bool,
    svg_ref: &NodeRef,
    save_status: &UseStateHandle<String>,
) -> Html {
    let state = ctx.state;
    let instance = ctx.instance;
    let rows_name = format!("matrix-rows-{instance}");
    let excluded_name = format!("matrix-excluded-{instance}");
    let rows_options = MatrixRows::ALL.iter().map(|&rows| {
        let onchange = push_on::<Event>(ctx.navigate, state.apply(Action::SetMatrixRows(rows)));
        html! {
            <label class="matrix-option">
                <input type="radio" name={rows_name.clone()} value={rows.id()} checked={state.matrix_rows == rows} {onchange} />
                {rows.label()}
            </label>
        }
    });
    let excluded_options = [(false, "Dim"), (true, "Hide")].into_iter().map(|(hide, label)| {
        let onchange = push_on::<Event>(ctx.navigate, state.apply(Action::SetHideExcluded(hide)));
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
        ctx.explorer.data.article.title
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
            if has_marks {
                <div class="matrix-save" role="group" aria-label="Save the matrix">
                    <button type="button" class="button matrix-save-button" onclick={save_svg(svg_ref, save_status, file_title.clone())}>{"Save as SVG"}</button>
                    <button type="button" class="button matrix-save-button" onclick={save_png(svg_ref, save_status, file_title)}>{"Save as PNG"}</button>
                </div>
            }
            // Always present, so that what a save did (or why it failed) is announced.
            <p class="matrix-save-status" role="status">{ (**save_status).clone() }</p>
        </div>
    }
}

/// Saves the drawn matrix as a standalone SVG file.
fn save_svg(
    svg_ref: &NodeRef,
    save_status: &UseStateHandle<String>,
    file_title: String,
) -> Callback<MouseEvent> {
    let svg_ref = svg_ref.clone();
    let save_status = save_status.clone();
    Callback::from(move |_: MouseEvent| {
        let result = svg_ref
            .cast::<web_sys::Element>()
            .ok_or_else(|| "the matrix is not on the page".to_string())
            .and_then(|svg| matrix_svg_file(&svg, &file_title))
            .and_then(|file| download_text(&file, SVG_FILE_NAME, "image/svg+xml"));
        save_status.set(match result {
            Ok(()) => format!("Saved the matrix as {SVG_FILE_NAME}."),
            Err(reason) => format!("Could not save the matrix as SVG: {reason}."),
        });
    })
}

/// Saves the drawn matrix as a PNG at twice its size (drawn from its SVG file, so it takes a moment).
fn save_png(
    svg_ref: &NodeRef,
    save_status: &UseStateHandle<String>,
    file_title: String,
) -> Callback<MouseEvent> {
    let svg_ref = svg_ref.clone();
    let save_status = save_status.clone();
    Callback::from(move |_: MouseEvent| {
        let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
            save_status.set(
                "Could not save the matrix as PNG: the matrix is not on the page.".to_string(),
            );
            return;
        };
        let save_status = save_status.clone();
        let file_title = file_title.clone();
        save_status.set("Drawing the matrix as PNG…".to_string());
        wasm_bindgen_futures::spawn_local(async move {
            let result = match matrix_svg_file(&svg, &file_title) {
                Ok(file) => matrix_png(&file, &svg).await,
                Err(reason) => Err(reason),
            }
            .and_then(|png| download_blob(&png, PNG_FILE_NAME));
            save_status.set(match result {
                Ok(()) => format!("Saved the matrix as {PNG_FILE_NAME}."),
                Err(reason) => format!("Could not save the matrix as PNG: {reason}."),
            });
        });
    })
}
