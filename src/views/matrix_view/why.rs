//! "Why this rating": the article's words for the rating of the mark under the pointer or in focus, in a polite
//! live region beside the matrix.

use yew::prelude::*;

use super::MatrixCtx;
use crate::components::category_icon::category_icon;
use crate::components::hindsight_panel::VerdictIcon;
use crate::components::reading_note::reading_note;
use summit_core::hindsight::HINDSIGHT_HEADING;

/// The panel for the item at index `shown` (hovered, else focused), or a hint when there is none.
pub(super) fn why_panel(ctx: &MatrixCtx, shown: Option<usize>) -> Html {
    let explorer = ctx.explorer;
    let max_level = ctx.max_level();
    let shown = shown.and_then(|i| explorer.data.items.get(i));
    html! {
        <div class="matrix-why" id={format!("matrix-why-{}", ctx.instance)} aria-live="polite">
            { match shown {
                Some(item) => html! {
                    <>
                        <p class="matrix-why-title">
                            { category_icon(item.category) }
                            <strong>{item.title.clone()}</strong>
                            <span class="matrix-why-level">
                                {format!(" — feasibility {} of {max_level}, {}", item.feasibility.level, explorer.level_label(item.feasibility.level))}
                            </span>
                        </p>
                        <figure class="matrix-why-quote">
                            <figcaption class="matrix-why-label">{"Why this rating"}</figcaption>
                            <blockquote><p>{format!("“{}”", item.feasibility.rationale)}</p></blockquote>
                            { reading_note(item.feasibility.reading_note.as_deref()) }
                        </figure>
                        if let Some(verdict) = ctx.verdict_of(item) {
                            <p class={classes!("matrix-why-hindsight", format!("verdict-{}", verdict.id()))}>
                                <span class="matrix-why-hindsight-label">{ HINDSIGHT_HEADING }{ ": " }</span>
                                <VerdictIcon {verdict} />
                                { format!(" after the summit, {}", verdict.label().to_ascii_lowercase()) }
                            </p>
                        }
                    </>
                },
                None => html! {
                    <p class="matrix-why-empty">{"Hover over or focus a mark to read why the article rates it so."}</p>
                },
            } }
        </div>
    }
}
