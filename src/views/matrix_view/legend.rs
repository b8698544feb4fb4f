//! The matrix's legend: each category's shape, with hindsight on each outcome's, and what a dimmed mark means.

use yew::prelude::*;

use summit_core::model::{Category, Verdict};

use super::MatrixCtx;
use crate::components::hindsight_panel::VerdictIcon;
use summit_core::glyphs::category_shape;

/// The legend below the matrix.
pub(super) fn legend(ctx: &MatrixCtx) -> Html {
    let explorer = ctx.explorer;
    html! {
        <div class="matrix-legend">
            <h3 class="matrix-legend-title">{"Legend"}</h3>
            <ul class="matrix-legend-list">
                { for Category::ALL.iter().map(|&category| html! {
                    <li class={classes!("matrix-legend-item", format!("cat-{}", category.id()))}>
                        <svg class="matrix-legend-shape" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
                            <path d={category_shape(category)} />
                        </svg>
                        {explorer.category_label(category)}
                    </li>
                }) }
                if ctx.hindsight.is_some() {
                    { for Verdict::ALL.iter().map(|&verdict| html! {
                        <li class={classes!("matrix-legend-item", "matrix-legend-verdict", format!("verdict-{}", verdict.id()))}>
                            <VerdictIcon {verdict} size={20} />
                            { format!("After the summit: {}", verdict.label().to_ascii_lowercase()) }
                        </li>
                    }) }
                    <li class="matrix-legend-item matrix-legend-verdict">
                        { "No outcome shape: no checked facts after the article" }
                    </li>
                }
                <li class="matrix-legend-item matrix-legend-dim">
                    <svg class="matrix-legend-shape" viewBox="0 0 28 20" width="28" height="20" aria-hidden="true" focusable="false">
                        <rect x="1" y="1" width="26" height="18" rx="3" />
                    </svg>
                    { if ctx.state.hide_excluded {
                        "Items the filters leave out are hidden; choose “Dim” to see them."
                    } else {
                        "Dimmed, with a dashed outline: left out by the current filters."
                    } }
                </li>
            </ul>
        </div>
    }
}
