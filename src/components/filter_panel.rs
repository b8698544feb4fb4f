//! The filter panel: search, sort, and one fieldset per facet with live counts.

use std::rc::Rc;
use summit_core::text::plural;

use yew::prelude::*;

use summit_core::action::{Action, FilterOption};
use summit_core::query::FacetCounts;
use summit_core::state::{SortOrder, ViewState};
use summit_core::url::MAX_SEARCH_CHARS;

use crate::components::category_icon::category_icon;
use crate::explorer::{push_on, use_explorer, HistoryMode, Navigate, Navigation};

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub state: Rc<ViewState>,
    pub counts: Rc<FacetCounts>,
    pub navigate: Navigate,
    /// Whether the panel is unfolded in a one-column layout, where the toolbar's "Filters and sort" button folds it
    /// away so that the results start on the first screen; with room for two columns it always shows.
    #[prop_or_default]
    pub expanded: bool,
}

/// One checkbox option of a facet; zero-count options stay visible but disabled.
fn option_html(
    key: &str,
    label: Html,
    count: usize,
    checked: bool,
    navigate: &Navigate,
    next: ViewState,
) -> Html {
    let id = format!("facet-{key}");
    let onchange = push_on::<Event>(navigate, next);
    html! {
        <li class={classes!("facet-option", (count == 0 && !checked).then_some("empty"))}>
            <input type="checkbox" id={id.clone()} {checked} disabled={count == 0 && !checked} {onchange} />
            <label for={id}>
                { label }
                <span class="facet-count">{ count }<span class="visually-hidden">{ format!(" {}", plural(count, "item", "items")) }</span></span>
            </label>
        </li>
    }
}

/// Search, sort and facets. Every change goes to the URL; nothing is kept here.
#[function_component(FilterPanel)]
pub fn filter_panel(props: &FilterPanelProps) -> Html {
    let explorer = use_explorer();
    // In a host page the panel is a named region: an `aside` would be a complementary landmark inside whatever
    // landmark of the host's holds the explorer (a sidebar, its main), and complementary landmarks belong at the top.
    let embedded = crate::instance::use_instance().is_script_embed();
    let state = &props.state;
    let filters = &state.filters;

    let on_search = {
        let navigate = props.navigate.clone();
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            // `maxlength` stops typing and pasting at the limit; a value set by a script is cut by the action, to
            // the same first characters the address keeps.
            navigate.emit(Navigation {
                state: state.apply(Action::SetSearch(input.value())),
                mode: HistoryMode::Replace,
            });
        })
    };
    let on_sort = {
        let navigate = props.navigate.clone();
        let state = state.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let sort = SortOrder::from_id(&select.value()).unwrap_or_default();
            navigate.emit(Navigation {
                state: state.apply(Action::SetSort(sort)),
                mode: HistoryMode::Push,
            });
        })
    };

    let categories = props.counts.categories.iter().map(|(category, count)| {
        let next = state.apply(Action::Toggle(FilterOption::Category(*category)));
        let label = html! { <>{ category_icon(*category) }<span>{ explorer.category_label(*category) }</span></> };
        option_html(&format!("cat-{}", category.id()), label, *count, filters.categories.contains(category), &props.navigate, next)
    });
    let levels = props.counts.levels.iter().rev().map(|(level, count)| {
        let next = state.apply(Action::Toggle(FilterOption::Level(*level)));
        let label =
            html! { <span>{ format!("{} ({level})", explorer.level_label(*level)) }</span> };
        option_html(
            &format!("level-{level}"),
            label,
            *count,
            filters.levels.contains(level),
            &props.navigate,
            next,
        )
    });
    let domains = props.counts.domains.iter().map(|(domain, count)| {
        let next = state.apply(Action::Toggle(FilterOption::Domain(domain.clone())));
        let label = html! { <span>{ explorer.domain_label(domain) }</span> };
        option_html(
            &format!("domain-{domain}"),
            label,
            *count,
            filters.domains.contains(domain),
            &props.navigate,
            next,
        )
    });
    let actors = props.counts.actors.iter().map(|(actor, count)| {
        let next = state.apply(Action::Toggle(FilterOption::Actor(actor.clone())));
        let label = html! { <span>{ explorer.actor_label(actor) }</span> };
        option_html(
            &format!("actor-{actor}"),
            label,
            *count,
            filters.actors.contains(actor),
            &props.navigate,
            next,
        )
    });

    html! {
        <@{if embedded { "section" } else { "aside" }} id="filters-panel" class={classes!("filters", props.expanded.then_some("open"))} aria-labelledby="filters-heading">
            <h2 id="filters-heading" class="filters-heading">{ "Filter and search" }</h2>
            <div class="field">
                <label for="search">{ "Search titles, summaries, quotations and people" }</label>
                <input id="search" type="search" maxlength={MAX_SEARCH_CHARS.to_string()} value={filters.search.clone()} oninput={on_search} autocomplete="off" spellcheck="false" />
            </div>
            <div class="field">
                <label for="sort">{ "Sort cards by" }</label>
                <select id="sort" onchange={on_sort}>
                    { for SortOrder::ALL.iter().map(|s| html! {
                        <option value={s.id()} selected={*s == state.sort}>{ s.label() }</option>
                    }) }
                </select>
            </div>
            <fieldset class="facet">
                <legend>{ "Category" }</legend>
                <ul>{ for categories }</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{ "Feasibility at the summit" }</legend>
                <ul>{ for levels }</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{ "Domain" }</legend>
                <ul>{ for domains }</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{ "Who would have to act" }</legend>
                <ul>{ for actors }</ul>
            </fieldset>
        </@>
    }
}
