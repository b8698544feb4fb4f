//! The feasibility matrix: every item as a labelled mark in a grid of feasibility levels (columns) by domain, category
//! or actor (rows), drawn as SVG with one tab stop and arrow-key navigation, with "Why this rating" for the mark in
//! focus, a legend and the same content as an HTML table. The on-demand module draws all of that
//! (`ondemand/src/matrix_view.rs`) through a [`DrawnView`], again whenever the filters, the rows, dimming or hiding, or
//! the hindsight layer change what it shows; this side keeps the heading, the hint and the [`toolbar`] (rows, dim or
//! hide, save), so that a choice in it keeps its focus while the matrix is drawn again.

mod toolbar;

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use summit_core::state::{MatrixRows, ViewState};

use crate::explorer::{use_explorer, Navigate};
use crate::hindsight_layer::use_hindsight;
use crate::ondemand::{included_bytes, MatrixShown};
use crate::views::drawn_view::{DrawView, DrawnView};

#[derive(Properties, PartialEq)]
pub struct MatrixViewProps {
    pub state: Rc<ViewState>,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: Rc<Vec<bool>>,
    pub navigate: Navigate,
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// A number that tells this matrix's element ids apart from another instance's.
fn next_instance() -> u32 {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// The matrix view: the toolbar, the heading and hint, and the matrix the module draws below them.
#[function_component(MatrixView)]
pub fn matrix_view(props: &MatrixViewProps) -> Html {
    let explorer = use_explorer();
    let hindsight = use_hindsight().is_some();
    let state = props.state.clone();
    let instance = *use_state(next_instance);
    let section = use_node_ref();
    // What the last "Save as" did, for the polite status line.
    let save_status = use_state(String::new);
    // Whether the module drew a mark: the matrix can be saved only then.
    let has_marks = use_state_eq(|| false);

    // What the drawing shows besides the data set: which items the filters let through, the rows, dimming or hiding
    // and the layer. The open item is read when drawing but never draws it again, so that a card opened from a mark
    // gives focus back to that mark when it closes.
    let included: Rc<[u8]> = included_bytes(&props.included).into();
    let rows_index = MatrixRows::ALL
        .iter()
        .position(|&rows| rows == state.matrix_rows)
        .unwrap_or(0);
    let mut inputs = included.to_vec();
    inputs.extend([
        rows_index as u8,
        u8::from(state.hide_excluded),
        u8::from(hindsight),
    ]);
    let draw = {
        let has_marks = has_marks.clone();
        let state = state.clone();
        Callback::from(move |view: DrawView| {
            let shown = MatrixShown {
                rows: state.matrix_rows,
                hide_excluded: state.hide_excluded,
                hindsight,
                instance,
                open_item: state.open_item.as_deref(),
            };
            let drawn = view.module.draw_matrix(
                &view.container,
                view.data.bytes(),
                &included,
                &shown,
                &view.links,
            )?;
            has_marks.set(drawn);
            Ok(())
        })
    };

    let heading_id = format!("matrix-heading-{instance}");
    let toolbar = toolbar::MatrixToolbar {
        state: &state,
        navigate: &props.navigate,
        instance,
        article_title: &explorer.data.article.title,
        has_marks: *has_marks,
    };
    html! {
        <section class="matrix-view" aria-labelledby={heading_id.clone()} ref={section.clone()}>
            { toolbar.draw(&section, &save_status) }
            <h2 class="matrix-heading" id={heading_id}>{format!("Feasibility by {}", state.matrix_rows.label().to_ascii_lowercase())}</h2>
            <p class="matrix-hint" id={format!("matrix-hint-{instance}")}>
                {"Each mark is a link to the item's card. In the matrix, use the arrow keys, Home and End to move between marks, and Enter to open one."}
            </p>
            <DrawnView state={state.clone()} navigate={props.navigate.clone()} what="the matrix" inputs={Rc::<[u8]>::from(inputs)} {draw} />
        </section>
    }
}
