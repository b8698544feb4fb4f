//! The matrix as an HTML table, the same content as the drawing: one row per domain, category or actor, one column
//! per feasibility level, each cell listing its items as links to their cards.

use yew::prelude::*;

use super::MatrixCtx;
use crate::components::category_icon::category_icon;
use crate::components::hindsight_panel::VerdictIcon;
use crate::explorer::{link_click, state_href};

/// The table below the legend, in a focusable region so that it scrolls by keyboard on a narrow screen.
pub(super) fn matrix_table(ctx: &MatrixCtx) -> Html {
    let explorer = ctx.explorer;
    let visible = ctx.visible;
    let max_level = ctx.max_level();
    let caption_id = format!("matrix-caption-{}", ctx.instance);
    html! {
        <div class="matrix-table-wrap" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class="matrix-table">
                <caption id={caption_id}>{"Feasibility matrix as a table"}</caption>
                <thead>
                    <tr>
                        <th class="matrix-table-corner">{ctx.state.matrix_rows.label()}</th>
                        { for visible.columns.iter().map(|&level| html! {
                            <th scope="col">
                                {explorer.level_label(level)}
                                <span class="matrix-table-level">{format!(" ({level} of {max_level})")}</span>
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for visible.rows.iter().map(|row| html! {
                        <tr key={row.id.clone()}>
                            <th scope="row">{row.label.clone()}</th>
                            { for row.cells.iter().map(|cell| table_cell(ctx, cell)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// One cell: its items, or "None".
fn table_cell(ctx: &MatrixCtx, cell: &[usize]) -> Html {
    let explorer = ctx.explorer;
    html! {
        <td>
            if cell.is_empty() {
                <span aria-hidden="true" class="matrix-table-none">{"–"}</span>
                <span class="visually-hidden">{"None"}</span>
            } else {
                <ul class="matrix-table-list">
                    { for cell.iter().filter_map(|&i| explorer.data.items.get(i).map(|item| (i, item))).map(|(i, item)| {
                        let dimmed = !ctx.included(i);
                        let open = ctx.open_state(item);
                        html! {
                            <li class={classes!("matrix-table-item", format!("cat-{}", item.category.id()), dimmed.then_some("matrix-table-item--dim"))}>
                                { category_icon(item.category) }
                                <span class="matrix-table-text">
                                    <a href={state_href(&open)} onclick={link_click(ctx.navigate, open)}>{item.title.clone()}</a>
                                    <span class="visually-hidden">{format!(" ({})", explorer.category_label(item.category))}</span>
                                    if let Some(verdict) = ctx.verdict_of(item) {
                                        <span class={classes!("matrix-table-verdict", format!("verdict-{}", verdict.id()))}>
                                            <VerdictIcon {verdict} />
                                            { format!(" After the summit: {}", verdict.label().to_ascii_lowercase()) }
                                        </span>
                                    }
                                    if dimmed {
                                        <span class="matrix-table-filtered">{" (filtered out)"}</span>
                                    }
                                </span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </td>
    }
}
