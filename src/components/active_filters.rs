//! The active filters as chips, each removable with one click, and "clear all".

use std::rc::Rc;

use yew::prelude::*;

use summit_core::action::{Action, FilterOption};
use summit_core::state::ViewState;

use crate::explorer::{push_on, use_explorer, Navigate};

#[derive(Properties, PartialEq)]
pub struct ActiveFiltersProps {
    pub state: Rc<ViewState>,
    pub navigate: Navigate,
}

/// Lists what is filtered; nothing when no filter is on.
#[function_component(ActiveFilters)]
pub fn active_filters(props: &ActiveFiltersProps) -> Html {
    let explorer = use_explorer();
    let filters = &props.state.filters;
    if filters.is_empty() {
        return html! {};
    }
    let chip = |facet: &str, label: String, remove: Action| {
        let state = props.state.apply(remove);
        let onclick = push_on::<MouseEvent>(&props.navigate, state);
        html! {
            <li>
                <button type="button" class="filter-chip" {onclick} aria-label={format!("Remove filter {facet}: {label}")}>
                    <span class="filter-chip-facet">{ format!("{facet}:") }</span>{ " " }{ label.clone() }
                    <span class="filter-chip-x" aria-hidden="true">{ "×" }</span>
                </button>
            </li>
        }
    };
    let mut chips = Vec::new();
    if !filters.search.trim().is_empty() {
        chips.push(chip(
            "Search",
            format!("“{}”", filters.search.trim()),
            Action::ClearSearch,
        ));
    }
    for category in &filters.categories {
        chips.push(chip(
            "Category",
            explorer.category_label(*category).to_string(),
            Action::Remove(FilterOption::Category(*category)),
        ));
    }
    for level in &filters.levels {
        chips.push(chip(
            "Feasibility",
            explorer.level_label(*level).to_string(),
            Action::Remove(FilterOption::Level(*level)),
        ));
    }
    for domain in &filters.domains {
        chips.push(chip(
            "Domain",
            explorer.domain_label(domain).to_string(),
            Action::Remove(FilterOption::Domain(domain.clone())),
        ));
    }
    for actor in &filters.actors {
        chips.push(chip(
            "Actor",
            explorer.actor_label(actor).to_string(),
            Action::Remove(FilterOption::Actor(actor.clone())),
        ));
    }
    let clear_all = push_on::<MouseEvent>(&props.navigate, props.state.apply(Action::ClearFilters));
    html! {
        <div class="active-filters">
            <h2 class="visually-hidden">{ "Active filters" }</h2>
            <ul class="filter-chips">{ for chips }</ul>
            // A phone's column shows "Clear all" (the name stays "Clear all filters"), so the chips fit on one line.
            <button type="button" class="clear-all" onclick={clear_all}>{ "Clear all" }<span class="clear-all-rest">{ " filters" }</span></button>
        </div>
    }
}
