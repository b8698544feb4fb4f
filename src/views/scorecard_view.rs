//! The scorecard view: how the article's feasibility ratings held after the summit, level by level and category by
//! category, as two tables whose counts open the list of the items behind them.
//!
//! The sums come from [`summit_core::hindsight::scorecard`]; this component only lays them out.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::action::Action;
use summit_core::hindsight::{scorecard, ScoreRow};
use summit_core::model::{Category, Verdict};
use summit_core::scorecard::{
    cell_items, count_label, selection_text, Column, Selection, Table, NO_FACTS,
};
use summit_core::state::ViewState;
use summit_core::validate::Problem;

use crate::components::category_icon::category_icon;
use crate::components::hindsight_panel::{hindsight_icon, VerdictIcon, HINDSIGHT_HEADING};
use crate::components::problem_list::ProblemList;
use crate::explorer::{link_click, state_href, use_explorer, Explorer, Navigate};
use crate::hindsight_layer::{use_hindsight, HindsightContext};

#[derive(Properties, PartialEq)]
pub struct ScorecardViewProps {
    pub state: Rc<ViewState>,
    pub navigate: Navigate,
}

/// A row's header: the level's name and rank, or the category's icon and name.
fn row_header(explorer: &Explorer, table: Table, row: &ScoreRow) -> (Html, String) {
    match table {
        Table::Level => {
            let level: u8 = row.key.parse().unwrap_or(0);
            let label = explorer.level_label(level).to_string();
            let html = html! {
                <>
                    { label.clone() }
                    <span class="scorecard-level">{ format!(" ({level} of {})", explorer.max_level()) }</span>
                </>
            };
            (html, label)
        }
        Table::Category => match Category::from_id(&row.key) {
            Some(category) => {
                let label = explorer.category_label(category).to_string();
                let html = html! {
                    <span class={classes!("scorecard-category", format!("cat-{}", category.id()))}>
                        { category_icon(category) }
                        { label.clone() }
                    </span>
                };
                (html, label)
            }
            None => (html! { { row.key.clone() } }, row.key.clone()),
        },
    }
}

/// The scorecard: an intro, the verdicts' legend, and the tables by level and by category with their item lists.
/// Shown only while the hindsight layer is on; without it, it says so.
#[function_component(ScorecardView)]
pub fn scorecard_view(props: &ScorecardViewProps) -> Html {
    let explorer = use_explorer();
    let hindsight = use_hindsight();
    let selection = use_state(|| None::<Selection>);
    let card = use_memo(
        (explorer.clone(), HindsightContext(hindsight.clone())),
        |(explorer, hindsight)| hindsight.0.as_ref().map(|h| scorecard(&explorer.data, h)),
    );
    let Some(card) = card.as_ref() else {
        return html! {
            <section class="scorecard-view" aria-labelledby="scorecard-heading">
                <h2 id="scorecard-heading">{ "Scorecard" }</h2>
                <p>{ "Switch on “Hindsight: what happened next” to see how the article’s ratings held." }</p>
            </section>
        };
    };
    let total = explorer.data.items.len();

    let table = |table: Table, rows: &[ScoreRow], caption: &str, corner: &str| -> Html {
        let caption_id = format!("scorecard-caption-{}", table.id());
        let list_id = format!("scorecard-list-{}", table.id());
        let count_cell = |row_index: Option<usize>,
                          row: &ScoreRow,
                          row_label: &str,
                          column: Column|
         -> Html {
            let n = cell_items(row, column).len();
            let this = Selection {
                table,
                row: row_index,
                column,
            };
            let open = *selection == Some(this);
            let class = classes!(
                "scorecard-count",
                format!("scorecard-count-{}", column.id()),
                matches!(column, Column::Verdict(_)).then(|| format!("verdict-{}", column.id())),
            );
            if n == 0 {
                return html! {
                    <td {class} data-count="0" data-column={column.id()}>
                        <span aria-hidden="true">{ "0" }</span>
                        <span class="visually-hidden">{ "None" }</span>
                    </td>
                };
            }
            let onclick = {
                let selection = selection.clone();
                Callback::from(move |_: MouseEvent| {
                    selection.set(Selection::toggled(*selection, this));
                })
            };
            html! {
                <td {class} data-count={n.to_string()} data-column={column.id()}>
                    <button type="button" class="scorecard-count-button" aria-expanded={if open { "true" } else { "false" }}
                        aria-controls={list_id.clone()} {onclick}>
                        { n.to_string() }
                        <span class="visually-hidden">{ count_label(n, row_label, column) }</span>
                    </button>
                </td>
            }
        };
        let body_rows = rows.iter().enumerate().map(|(r, row)| {
            let (header, label) = row_header(&explorer, table, row);
            html! {
                <tr key={row.key.clone()} data-key={row.key.clone()}>
                    <th scope="row">{ header }</th>
                    { for Column::all().into_iter().map(|c| count_cell(Some(r), row, &label, c)) }
                </tr>
            }
        });
        let total_row = html! {
            <tr class="scorecard-total">
                <th scope="row">{ "All items" }</th>
                { for Column::all().into_iter().map(|c| count_cell(None, &card.total, "all items", c)) }
            </tr>
        };

        // The list behind the opened count, right below its table.
        let chosen = selection.filter(|s| s.table == table);
        let listed = chosen.map(|s| {
            let (row, label) = match s.row {
                Some(r) => (&rows[r], Some(row_header(&explorer, table, &rows[r]).1)),
                None => (&card.total, None),
            };
            let items = cell_items(row, s.column);
            (
                selection_text(table, label.as_deref(), s.column, items.len()),
                items,
            )
        });
        let status_id = format!("scorecard-status-{}", table.id());
        let list = html! {
            <div class="scorecard-selection" id={list_id.clone()}>
                <p class="scorecard-selection-status" id={status_id.clone()} role="status" aria-live="polite">
                    { listed.as_ref().map(|(text, _)| text.clone()).unwrap_or_default() }
                </p>
                if let Some((_, items)) = &listed {
                    <ul class="scorecard-items" aria-labelledby={status_id}>
                        { for items.iter().filter_map(|&i| explorer.data.items.get(i)).map(|item| {
                            let target = props.state.apply(Action::OpenItem(item.id.clone()));
                            html! {
                                <li class={format!("cat-{}", item.category.id())} data-item={item.id.clone()} key={item.id.clone()}>
                                    { category_icon(item.category) }
                                    <a href={state_href(&target)} onclick={link_click(&props.navigate, target.clone())}>{ &item.title }</a>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </div>
        };

        html! {
            <div class="scorecard-block">
                <div class="scorecard-table-wrap" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
                    <table class="scorecard-table" data-table={table.id()}>
                        <caption id={caption_id}>{ caption }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ corner }</th>
                                { for Column::all().into_iter().map(|c| match c {
                                    Column::Verdict(v) => html! {
                                        <th scope="col" class={format!("verdict-{}", v.id())}>
                                            <span class="scorecard-verdict-head"><VerdictIcon verdict={v} />{ v.label() }</span>
                                        </th>
                                    },
                                    other => html! { <th scope="col">{ other.label() }</th> },
                                }) }
                            </tr>
                        </thead>
                        <tbody>{ for body_rows }</tbody>
                        <tfoot>{ total_row }</tfoot>
                    </table>
                </div>
                { list }
            </div>
        }
    };

    html! {
        <section class="scorecard-view" aria-labelledby="scorecard-heading">
            <h2 id="scorecard-heading">{ "Scorecard: how the article’s ratings held" }</h2>
            <p class="hindsight-banner">{ hindsight_icon() }{ HINDSIGHT_HEADING }</p>
            <p class="scorecard-intro">
                { "The article judged how feasible each step was at the Geneva summit of 16 June 2021, not forever. \
                   This scorecard sets those ratings beside dated, sourced facts checked after the article, to show how they held. " }
                { format!("It counts all {total} prospects and risks, whatever the filters. Choose a count to list the items behind it.") }
            </p>
            <VerdictLegend />
            { table(Table::Level, &card.by_level, "By feasibility at the summit, most feasible first", "Feasibility at the summit") }
            { table(Table::Category, &card.by_category, "By category", "Category") }
        </section>
    }
}

/// What each verdict's shape and name mean.
#[function_component(VerdictLegend)]
pub fn verdict_legend() -> Html {
    html! {
        <div class="verdict-legend">
            <h3 class="verdict-legend-title">{ "What the verdicts mean" }</h3>
            <ul class="verdict-legend-list">
                { for Verdict::ALL.iter().map(|&v| html! {
                    <li class={format!("verdict-{}", v.id())}>
                        <VerdictIcon verdict={v} size={20} />
                        <span><strong>{ v.label() }</strong>{ ": " }{ v.description() }</span>
                    </li>
                }) }
                <li class="verdict-none">
                    <span class="verdict-none-mark" aria-hidden="true">{ "–" }</span>
                    <span><strong>{ NO_FACTS }</strong>{ ": no dated fact after the article was checked for the item, so it has no verdict." }</span>
                </li>
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct HindsightUnavailableProps {
    pub problems: Rc<Vec<Problem>>,
}

/// Says that the hindsight layer could not be loaded, in place of the scorecard.
#[function_component(HindsightUnavailable)]
pub fn hindsight_unavailable(props: &HindsightUnavailableProps) -> Html {
    html! {
        <section class="scorecard-view hindsight-unavailable" aria-labelledby="scorecard-heading">
            <h2 id="scorecard-heading">{ "Scorecard" }</h2>
            <p>{ "The hindsight layer could not be loaded, so the scorecard cannot be shown. Its file has these problems:" }</p>
            <ProblemList problems={props.problems.clone()} />
        </section>
    }
}
