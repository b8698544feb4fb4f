//! The feasibility matrix: every item as a labelled mark in a grid of feasibility levels (columns) by
//! domain, category or actor (rows), drawn as SVG with one tab stop and arrow-key navigation, plus the
//! same content as an HTML table.
//!
//! The binning and the keyboard moves come from [`summit_core::matrix`], the geometry from
//! [`summit_core::matrix_layout`]; this component only draws what the core computed. With the hindsight layer on,
//! each mark also carries its item's outcome as a small shape in its corner, named in the mark's accessible name and
//! in the table. One file per part: `toolbar` (rows, dim or hide, save), `svg` (the drawn matrix and its keys),
//! `why` (the rating of the mark in focus), `legend` and `table`.

mod legend;
mod svg;
mod table;
mod toolbar;
mod why;

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use summit_core::action::Action;
use summit_core::hindsight::outcome_for;
use summit_core::matrix::{bin, marks, Matrix};
use summit_core::model::{Hindsight, Item, Verdict};
use summit_core::results::Explorer;
use summit_core::state::ViewState;

use crate::explorer::{use_explorer, Navigate};
use crate::hindsight_layer::use_hindsight;

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

/// What every part of the view reads: the explorer, the state, what is drawn and which items the filters leave.
struct MatrixCtx<'a> {
    explorer: &'a Explorer,
    state: &'a ViewState,
    navigate: &'a Navigate,
    /// The matrix as drawn (without the left-out items when hiding them).
    visible: &'a Matrix,
    included: &'a [bool],
    hindsight: Option<&'a Hindsight>,
    /// Tells this matrix's element ids apart from another instance's.
    instance: u32,
}

impl MatrixCtx<'_> {
    fn max_level(&self) -> u8 {
        self.explorer.max_level()
    }

    /// Whether the filters let the item at this index through.
    fn included(&self, i: usize) -> bool {
        self.included.get(i).copied().unwrap_or(true)
    }

    /// The item's outcome after the summit, while the hindsight layer is on.
    fn verdict_of(&self, item: &Item) -> Option<Verdict> {
        self.hindsight
            .and_then(|h| outcome_for(h, &item.id))
            .map(|o| o.verdict)
    }

    /// The state that opens an item's card.
    fn open_state(&self, item: &Item) -> ViewState {
        self.state.apply(Action::OpenItem(item.id.clone()))
    }

    /// A mark's accessible name: title, category, feasibility, the outcome when shown, and whether it is left out.
    fn accessible_name(&self, item: &Item, dimmed: bool) -> String {
        let explorer = self.explorer;
        let mut name = format!(
            "{}: {}, feasibility {} of {}, {}",
            item.title,
            explorer.category_label(item.category),
            item.feasibility.level,
            self.max_level(),
            explorer.level_label(item.feasibility.level)
        );
        if let Some(verdict) = self.verdict_of(item) {
            name.push_str(", after the summit: ");
            name.push_str(verdict.label());
        }
        if dimmed {
            name.push_str(" (filtered out)");
        }
        name
    }
}

/// The matrix view: a toolbar, the SVG matrix with its "why" panel and legend, and the same content as a table.
#[function_component(MatrixView)]
pub fn matrix_view(props: &MatrixViewProps) -> Html {
    let explorer = use_explorer();
    let hindsight = use_hindsight();
    let state = props.state.clone();
    let instance = *use_state(next_instance);
    let svg_ref = use_node_ref();

    // The current mark (its row id and item), the mark under the pointer and the focused mark's item.
    let marks_state = svg::MarkState {
        current: use_state(|| None::<(String, usize)>),
        hovered: use_state(|| None::<usize>),
        focused: use_state(|| None::<usize>),
    };
    // What the last "Save as" did, for the polite status line.
    let save_status = use_state(String::new);

    // Bin only when the data set or the rows change.
    let matrix = use_memo((explorer.clone(), state.matrix_rows), |(explorer, rows)| {
        bin(&explorer.data, *rows)
    });

    // What is drawn: everything, or (when hiding) only the included items, leaving out rows that end up empty.
    let visible = use_memo(
        (matrix.clone(), props.included.clone(), state.hide_excluded),
        |(matrix, included, hide)| {
            if *hide {
                matrix.keep_only(included)
            } else {
                (**matrix).clone()
            }
        },
    );

    let ctx = MatrixCtx {
        explorer: &explorer,
        state: &state,
        navigate: &props.navigate,
        visible: &visible,
        included: &props.included,
        hindsight: hindsight.as_deref().map(|layer| &layer.facts),
        instance,
    };
    let rows_label = state.matrix_rows.label();
    let heading_id = format!("matrix-heading-{instance}");
    let hint_id = format!("matrix-hint-{instance}");
    let has_marks = !marks(&visible).is_empty();

    let toolbar = toolbar::matrix_toolbar(&ctx, has_marks, &svg_ref, &save_status);
    let onkeydown = svg::on_keydown(
        explorer.clone(),
        state.clone(),
        props.navigate.clone(),
        visible.clone(),
        marks_state.current.clone(),
        svg_ref.clone(),
    );

    html! {
        <section class="matrix-view" aria-labelledby={heading_id.clone()}>
            {toolbar}
            <h2 class="matrix-heading" id={heading_id.clone()}>{format!("Feasibility by {}", rows_label.to_ascii_lowercase())}</h2>
            <p class="matrix-hint" id={hint_id.clone()}>
                {"Each mark is a link to the item's card. In the matrix, use the arrow keys, Home and End to move between marks, and Enter to open one."}
            </p>
            if !has_marks {
                <p class="matrix-empty">{"No item matches the filters. Clear a filter or choose “Dim” to see the left-out items."}</p>
            } else {
                <div role="region" aria-label="Feasibility matrix" tabindex="0" class="matrix-scroll">
                    { svg::matrix_svg(&ctx, &marks_state, &svg_ref, onkeydown, (&heading_id, &hint_id)) }
                </div>
                { why::why_panel(&ctx, (*marks_state.hovered).or(*marks_state.focused)) }
                { legend::legend(&ctx) }
                { table::matrix_table(&ctx) }
            }
        </section>
    }
}
