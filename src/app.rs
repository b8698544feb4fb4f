//! The page: header, toolbar, filters and the current view, all driven by the view state in the URL.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::model::DataSet;
use summit_core::query::{facet_counts, filter_items, search_terms, sort_items, FacetCounts};
use summit_core::state::{Filters, SortOrder, View, ViewState};

use crate::components::active_filters::ActiveFilters;
use crate::components::article_header::ArticleHeader;
use crate::components::article_view::ArticleView;
use crate::components::filter_panel::FilterPanel;
use crate::components::item_card::ItemCard;
use crate::components::item_detail::ItemDetail;
use crate::components::load_error::LoadError;
use crate::components::matrix_view::MatrixView;
use crate::components::result_summary::ResultSummary;
use crate::components::scorecard_view::{HindsightUnavailable, ScorecardView};
use crate::components::timeline_view::TimelineView;
use crate::components::toolbar::Toolbar;
use crate::data;
use crate::explorer::{push_on, state_href, Explorer, ExplorerContext, Navigate};
use crate::hindsight_data::{self, HindsightContext};
use crate::url_state::use_url_state;

/// The whole explorer, on the bundled data set.
#[function_component(App)]
pub fn app() -> Html {
    match data::bundled() {
        Ok(data_set) => html! { <ExplorerPage {data_set} /> },
        Err(problems) => html! { <LoadError {problems} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplorerPageProps {
    pub data_set: Rc<DataSet>,
}

/// What the filters leave, computed once per change of filters or sort.
#[derive(PartialEq)]
struct Results {
    /// Item indices that pass the filters, in the chosen order.
    shown: Rc<Vec<usize>>,
    /// Per item index: whether it passes the filters.
    included: Rc<Vec<bool>>,
    counts: Rc<FacetCounts>,
    terms: Rc<Vec<String>>,
}

fn compute_results(explorer: &Explorer, filters: &Filters, sort: SortOrder) -> Results {
    let mut shown = filter_items(&explorer.data, &explorer.index, filters);
    let mut included = vec![false; explorer.data.items.len()];
    for &i in &shown {
        included[i] = true;
    }
    sort_items(&explorer.data, &mut shown, sort);
    Results {
        shown: Rc::new(shown),
        included: Rc::new(included),
        counts: Rc::new(facet_counts(&explorer.data, &explorer.index, filters)),
        terms: Rc::new(search_terms(&filters.search)),
    }
}

/// The explorer on one data set.
#[function_component(ExplorerPage)]
pub fn explorer_page(props: &ExplorerPageProps) -> Html {
    let explorer = use_memo(props.data_set.clone(), |data| Explorer::new(data.clone()));
    let url = use_url_state(props.data_set.clone());
    let state = url.state.clone();
    let navigate = url.navigate.clone();
    let results = {
        let explorer = explorer.clone();
        use_memo(
            (state.filters.clone(), state.sort),
            move |(filters, sort)| compute_results(&explorer, filters, *sort),
        )
    };

    // The hindsight layer is read (once) only when the reader has switched it on.
    let hindsight_loaded = state
        .hindsight
        .then(|| hindsight_data::bundled(&props.data_set));
    let hindsight = HindsightContext(hindsight_loaded.clone().and_then(Result::ok));
    let hindsight_problems = hindsight_loaded.and_then(Result::err);

    let open_index = state
        .open_item
        .as_deref()
        .and_then(|id| explorer.item(id))
        .map(|(i, _)| i);
    let shown_view = state.shown_view();
    let view = match shown_view {
        View::Scorecard => match &hindsight_problems {
            Some(problems) => html! { <HindsightUnavailable problems={problems.clone()} /> },
            None => html! { <ScorecardView state={state.clone()} navigate={navigate.clone()} /> },
        },
        View::Cards => html! {
            <CardList state={state.clone()} shown={results.shown.clone()} terms={results.terms.clone()} navigate={navigate.clone()} />
        },
        View::Matrix => {
            html! { <MatrixView state={state.clone()} included={results.included.clone()} navigate={navigate.clone()} /> }
        }
        View::Article => {
            html! { <ArticleView state={state.clone()} included={results.included.clone()} navigate={navigate.clone()} /> }
        }
        View::Timeline => {
            html! { <TimelineView state={state.clone()} included={results.included.clone()} navigate={navigate.clone()} /> }
        }
    };

    html! {
        <ContextProvider<ExplorerContext> context={ExplorerContext(explorer.clone())}>
        <ContextProvider<HindsightContext> context={hindsight}>
            <div class={classes!("page", state.embed.then_some("embedded"))}>
                if !state.embed {
                    <ArticleHeader data={explorer.data.clone()} />
                }
                <Toolbar state={state.clone()} navigate={navigate.clone()} hindsight_problems={hindsight_problems.clone()} />
                <div class="layout">
                    <FilterPanel state={state.clone()} counts={results.counts.clone()} navigate={navigate.clone()} />
                    <main id="main" class="results" tabindex="-1">
                        <h2 class="visually-hidden">{ shown_view.label() }</h2>
                        <ResultSummary shown={results.shown.len()} total={explorer.data.items.len()} notices={url.notices.clone()} />
                        <ActiveFilters state={state.clone()} navigate={navigate.clone()} />
                        { view }
                    </main>
                </div>
                if !state.embed {
                    <SiteFooter />
                }
                if let Some(index) = open_index {
                    <ItemDetail {index} state={state.clone()} navigate={navigate.clone()} />
                }
            </div>
        </ContextProvider<HindsightContext>>
        </ContextProvider<ExplorerContext>>
    }
}

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub state: Rc<ViewState>,
    pub shown: Rc<Vec<usize>>,
    pub terms: Rc<Vec<String>>,
    pub navigate: Navigate,
}

/// The cards view: one card per item that passes the filters, or a way out of an empty result.
#[function_component(CardList)]
pub fn card_list(props: &CardListProps) -> Html {
    let explorer = crate::explorer::use_explorer();
    if props.shown.is_empty() {
        let clear = push_on::<MouseEvent>(&props.navigate, props.state.without_filters());
        return html! {
            <div class="empty-result">
                <p>{ "No prospect or risk matches these filters." }</p>
                <button type="button" class="button" onclick={clear}>{ "Clear all filters" }</button>
            </div>
        };
    }
    html! {
        <ul class="card-list">
            { for props.shown.iter().map(|&index| {
                let item = &explorer.data.items[index];
                let open_state = Rc::new(ViewState { open_item: Some(item.id.clone()), ..(*props.state).clone() });
                html! {
                    <li key={item.id.clone()}>
                        <ItemCard {index} {open_state} terms={props.terms.clone()} navigate={props.navigate.clone()} />
                    </li>
                }
            }) }
        </ul>
    }
}

/// Citation, the open data and where the article comes from.
#[function_component(SiteFooter)]
fn site_footer() -> Html {
    let explorer = crate::explorer::use_explorer();
    let article = &explorer.data.article;
    html! {
        <footer class="site-footer">
            <p>
                { "All quotations are from " }
                <a href={article.url.clone()} rel="noopener">{ format!("“{}”", article.title) }</a>
                { format!(" by {}. Cite the article as: ", article.author) }
                <cite>{ &article.citation }</cite>
            </p>
            <p>
                { "Open data: " }
                <a href="potential-fruits.json" download="potential-fruits.json">{ "the data set (JSON)" }</a>
                { " · " }
                <a href="schema.json" download="schema.json">{ "its JSON Schema" }</a>
                { " · " }
                <a href={state_href(&ViewState::default())}>{ "Start over" }</a>
            </p>
        </footer>
    }
}
