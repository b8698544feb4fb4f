//! The drawn matrix: an SVG grid of marks, one keyboard stop for all of them (the arrow keys, Home and End move
//! between marks, Enter opens one), each mark a link named in full for screen readers.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use summit_core::action::Action;
use summit_core::matrix::{marks, neighbour, MarkPos, Matrix};
use summit_core::matrix_layout::{
    direction, mark_line_runs_over, mark_title_lines, parse_pos_key, pos_key, row_label_lines,
    rows_plural, Layout, CELL_PAD, COL_W, HEADER_H, LABEL_W, MARK_H, MARK_TEXT_W, VERDICT_INSET,
    VERDICT_SIZE, VERDICT_X,
};
use summit_core::model::Item;
use summit_core::results::Explorer;
use summit_core::state::ViewState;

use super::MatrixCtx;
use crate::components::hindsight_panel::verdict_glyph;
use crate::explorer::{link_click, state_href, ExplorerContext, HistoryMode, Navigate, Navigation};
use summit_core::glyphs::category_shape;

/// The marks' own state: the current mark (its row id and item), the mark under the pointer and the focused mark's
/// item.
pub(super) struct MarkState {
    pub current: UseStateHandle<Option<(String, usize)>>,
    pub hovered: UseStateHandle<Option<usize>>,
    pub focused: UseStateHandle<Option<usize>>,
}

/// The matrix's keys: Enter opens the focused mark's card, the arrow keys, Home and End move to another mark.
pub(super) fn on_keydown(
    explorer: ExplorerContext,
    state: Rc<ViewState>,
    navigate: Navigate,
    visible: Rc<Matrix>,
    current: UseStateHandle<Option<(String, usize)>>,
    svg_ref: NodeRef,
) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let Some(mark) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-pos]").ok().flatten())
        else {
            return;
        };
        let Some(from) = mark
            .get_attribute("data-pos")
            .as_deref()
            .and_then(parse_pos_key)
        else {
            return;
        };
        let key = event.key();
        if key == "Enter" {
            // Follow the link ourselves, so the open goes through the explorer's history like a click.
            if let Some(item) = visible
                .item_at(from)
                .and_then(|i| explorer.data.items.get(i))
            {
                event.prevent_default();
                navigate.emit(Navigation {
                    state: state.apply(Action::OpenItem(item.id.clone())),
                    mode: HistoryMode::Push,
                });
            }
            return;
        }
        let Some(dir) = direction(&key) else { return };
        // Arrow keys, Home and End never scroll the page or the region while a mark has focus.
        event.prevent_default();
        let Some(to) = neighbour(&visible, from, dir) else {
            return;
        };
        let (Some(item), Some(row)) = (visible.item_at(to), visible.rows.get(to.row)) else {
            return;
        };
        current.set(Some((row.id.clone(), item)));
        let target = svg_ref.cast::<web_sys::Element>().and_then(|svg| {
            svg.query_selector(&format!("[data-pos=\"{}\"]", pos_key(to)))
                .ok()
                .flatten()
        });
        if let Some(target) = target {
            // SVG elements have `focus()` too (HTMLOrSVGElement); web-sys only binds it on HtmlElement.
            target.unchecked_ref::<web_sys::HtmlElement>().focus().ok();
        }
    })
}

/// The one mark with tabindex 0: the remembered one if it is still drawn, else the open item's, else the first.
fn tab_stop(ctx: &MatrixCtx, current: Option<&(String, usize)>) -> Option<MarkPos> {
    let visible = ctx.visible;
    let all_marks = marks(visible);
    let remembered = current.and_then(|(row_id, item)| {
        let row = visible.rows.iter().position(|r| &r.id == row_id)?;
        all_marks
            .iter()
            .copied()
            .find(|&p| p.row == row && visible.item_at(p) == Some(*item))
    });
    let open_mark = ctx
        .state
        .open_item
        .as_deref()
        .and_then(|id| ctx.explorer.item(id))
        .and_then(|(i, _)| visible.position_of(i));
    remembered
        .or(open_mark)
        .or_else(|| all_marks.first().copied())
}

/// The matrix as SVG: the grid (columns, headers, row lines), then one group of marks per row.
pub(super) fn matrix_svg(
    ctx: &MatrixCtx,
    marks_state: &MarkState,
    svg_ref: &NodeRef,
    onkeydown: Callback<KeyboardEvent>,
    (heading_id, hint_id): (&str, &str),
) -> Html {
    let explorer: &Explorer = ctx.explorer;
    let visible = ctx.visible;
    let layout = Layout::of(visible);
    let Layout {
        width,
        height,
        body_h,
        ..
    } = layout;
    let max_level = ctx.max_level();
    let tab_stop = tab_stop(ctx, marks_state.current.as_ref());
    let first_label = visible
        .columns
        .first()
        .map_or("", |&l| explorer.level_label(l));
    let last_label = visible
        .columns
        .last()
        .map_or("", |&l| explorer.level_label(l));

    let column_backgrounds = (0..visible.columns.len()).map(|c| {
        let x = Layout::column_x(c);
        html! {
            <rect class={classes!("matrix-col", (c % 2 == 1).then_some("matrix-col--alt"))}
                x={x.to_string()} y={HEADER_H.to_string()} width={COL_W.to_string()} height={body_h.to_string()} />
        }
    });
    let column_headers = visible.columns.iter().enumerate().map(|(c, &level)| {
        let x = Layout::column_x(c) + COL_W / 2;
        html! {
            <text class="matrix-col-header" x={x.to_string()} y="40" text-anchor="middle">
                <tspan class="matrix-col-label" x={x.to_string()}>{explorer.level_label(level)}</tspan>
                <tspan class="matrix-col-level" x={x.to_string()} dy="17">{format!("{level} of {max_level}")}</tspan>
            </text>
        }
    });
    let row_lines = layout.row_tops.iter().map(|&top| {
        html! { <line class="matrix-row-line" x1="0" x2={width.to_string()} y1={top.to_string()} y2={top.to_string()} /> }
    });

    let rows_svg = visible.rows.iter().enumerate().map(|(r, row)| {
        let top = layout.row_tops[r];
        let label_lines = row_label_lines(&row.label);
        let label = html! {
            <text class="matrix-row-label" x="8" y={(top + CELL_PAD + 16).to_string()} aria-hidden="true">
                { for label_lines.iter().enumerate().map(|(n, line)| html! {
                    <tspan x="8" dy={if n == 0 { "0" } else { "15" }}>{line.clone()}</tspan>
                }) }
            </text>
        };
        let marks_svg = row.cells.iter().enumerate().flat_map(|(c, cell)| {
            cell.iter().enumerate().map(move |(index, &i)| (MarkPos { row: r, column: c, index }, i))
        });
        let marks_svg = marks_svg.filter_map(|(pos, i)| {
            let item = explorer.data.items.get(i)?;
            Some(mark(ctx, marks_state, &layout, (pos, i, item), &row.id, tab_stop == Some(pos)))
        });
        html! {
            <g class="matrix-row" role="group" aria-label={row.label.clone()} key={row.id.clone()}>
                {label}
                { for marks_svg }
            </g>
        }
    });

    let rows = ctx.state.matrix_rows;
    let description = format!(
        "Columns are the feasibility levels, from {first_label} (least feasible, left) to {last_label} (most feasible, right); \
         rows are the {}. Each item is a link, marked with its category's shape; an item with several {} appears in each of its rows.",
        rows_plural(rows),
        rows_plural(rows),
    );
    let description = if ctx.hindsight.is_some() {
        format!("{description} A small round shape in a mark's bottom left corner, below the category's shape, shows how the item held after the summit (from facts after the article, not in it).")
    } else {
        description
    };
    html! {
        <svg ref={svg_ref.clone()} class="matrix-svg" viewBox={format!("0 0 {width} {height}")}
            width={width.to_string()} height={height.to_string()}
            aria-labelledby={heading_id.to_string()} aria-describedby={hint_id.to_string()} {onkeydown}>
            <desc>{description}</desc>
            <g class="matrix-grid" aria-hidden="true">
                { for column_backgrounds }
                <text class="matrix-axis" x={LABEL_W.to_string()} y="16">{"← Less feasible"}</text>
                <text class="matrix-axis" x={width.to_string()} y="16" text-anchor="end">{"More feasible →"}</text>
                <text class="matrix-corner" x="8" y="57">{rows.label()}</text>
                { for column_headers }
                { for row_lines }
                <line class="matrix-row-line" x1="0" x2={width.to_string()} y1={(HEADER_H + body_h).to_string()} y2={(HEADER_H + body_h).to_string()} />
            </g>
            { for rows_svg }
        </svg>
    }
}

/// One mark: a link with the category's shape, the wrapped title and, with hindsight on, the outcome's shape.
fn mark(
    ctx: &MatrixCtx,
    marks_state: &MarkState,
    layout: &Layout,
    (pos, i, item): (MarkPos, usize, &Item),
    row_id: &str,
    is_tab_stop: bool,
) -> Html {
    let dimmed = !ctx.included(i);
    let (x, y) = layout.mark_origin(pos);
    let open = ctx.open_state(item);
    let href = state_href(&open);
    let onclick = link_click(ctx.navigate, open);
    let onfocus = {
        let current = marks_state.current.clone();
        let focused = marks_state.focused.clone();
        let row_id = row_id.to_string();
        Callback::from(move |_: FocusEvent| {
            current.set(Some((row_id.clone(), i)));
            focused.set(Some(i));
        })
    };
    let onblur = {
        let focused = marks_state.focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(None))
    };
    let onmouseenter = {
        let hovered = marks_state.hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(Some(i)))
    };
    let onmouseleave = {
        let hovered = marks_state.hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(None))
    };
    let tabindex = if is_tab_stop { "0" } else { "-1" };
    let title_lines = mark_title_lines(&item.title);
    // With an outcome, the category's shape and the outcome's share the left corner, one above the other.
    let verdict = ctx.verdict_of(item).map(|v| {
        let y = MARK_H - VERDICT_SIZE - VERDICT_INSET;
        html! {
            <svg class={classes!("matrix-mark-verdict", format!("verdict-{}", v.id()))}
                x={VERDICT_X.to_string()} y={y.to_string()} width={VERDICT_SIZE.to_string()} height={VERDICT_SIZE.to_string()}
                viewBox="-1.5 -1.5 19 19" aria-hidden="true" focusable="false">
                <circle class="matrix-mark-verdict-back" cx="8" cy="8" r="9" />
                { verdict_glyph(v) }
            </svg>
        }
    });
    // One line sits half a unit below a whole unit: written out, since the layout's lengths are whole numbers.
    let text_y = if title_lines.len() == 1 {
        format!("{}.5", MARK_H / 2 + 4)
    } else {
        (MARK_H / 2 - 3).to_string()
    };
    html! {
        <a key={pos_key(pos)}
            class={classes!("matrix-mark", format!("cat-{}", item.category.id()), dimmed.then_some("matrix-mark--dim"))}
            href={href} tabindex={tabindex} aria-label={ctx.accessible_name(item, dimmed)}
            data-pos={pos_key(pos)} data-item={item.id.clone()}
            transform={format!("translate({x} {y})")}
            {onclick} {onfocus} {onblur} {onmouseenter} {onmouseleave}>
            <rect class="matrix-mark-box" x="0" y="0" width={(COL_W - 8).to_string()} height={MARK_H.to_string()} rx="5" />
            <path class="matrix-mark-shape" d={category_shape(item.category)}
                transform={if verdict.is_some() { "translate(6 2) scale(1.1)" } else { "translate(5 8) scale(1.5)" }} />
            <text class="matrix-mark-label" x="34" y={text_y}>
                // A space ends every line but the last, so the label's text reads as words
                // ("Exchange prisoners", not "Exchangeprisoners") and matches the accessible name.
                // A line that runs over (a whole word and its "…") is narrowed to fit the box.
                { for title_lines.iter().enumerate().map(|(n, line)| {
                    let text = if n + 1 < title_lines.len() { format!("{line} ") } else { line.clone() };
                    let squeeze = mark_line_runs_over(line).then_some(MARK_TEXT_W.to_string());
                    let adjust = squeeze.as_ref().map(|_| "spacingAndGlyphs");
                    html! { <tspan x="34" dy={if n == 0 { "0" } else { "15" }} textLength={squeeze} lengthAdjust={adjust}>{text}</tspan> }
                }) }
            </text>
            { verdict }
        </a>
    }
}
