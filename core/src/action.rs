//! Every change of the view state the reader can ask for, as an [`Action`], and the one reducer that applies it
//! ([`ViewState::apply`]), as Yew's todomvc example keeps its state changes apart from its components. Components
//! say what the reader did; the state that follows is decided, and tested, here.

use std::collections::BTreeSet;

use crate::model::Category;
use crate::state::{MatrixRows, PassageRef, SortOrder, View, ViewState};
use crate::url::MAX_SEARCH_CHARS;

/// Whether a click on a link into the explorer is one the explorer follows in place (with history): the main button
/// and no Ctrl, Meta, Shift or Alt. A modified click (a new tab, a new window) is left to the browser.
pub fn is_plain_click(modifiers: [bool; 4], button: i16) -> bool {
    button == 0 && !modifiers.contains(&true)
}

/// One option of a facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterOption {
    Category(Category),
    Level(u8),
    Domain(String),
    Actor(String),
}

/// What the reader asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Shows a view (a tab, or "Read in the article" of a dated event): an open card and a picked quotation close.
    ShowView(View),
    /// Opens an item's card (its detail); everything else stays.
    OpenItem(String),
    /// Closes the open card.
    CloseItem,
    /// Shows one quotation of an item in the article: the article view, the card closed, the quotation picked.
    ReadPassage(PassageRef),
    /// Sets the search text, cut to its first [`MAX_SEARCH_CHARS`] characters, as the address keeps it.
    SetSearch(String),
    /// Empties the search.
    ClearSearch,
    /// Chooses a facet option, or unchooses it when it is chosen (a checkbox).
    Toggle(FilterOption),
    /// Unchooses a facet option (an active filter's chip).
    Remove(FilterOption),
    /// Drops every filter and the search; the view, sort and the rest stay.
    ClearFilters,
    SetSort(SortOrder),
    SetMatrixRows(MatrixRows),
    /// Hides (true) or dims (false) the matrix's marks the filters leave out.
    SetHideExcluded(bool),
    /// Switches the hindsight layer on or off; off leaves the scorecard for the cards.
    SetHindsight(bool),
}

/// Adds `value` to `set`, or removes it when it is there.
fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

impl ViewState {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        let filters = &mut next.filters;
        match action {
            Action::ShowView(view) => {
                next.view = view;
                next.open_item = None;
                next.passage = None;
            }
            Action::OpenItem(id) => next.open_item = Some(id),
            Action::CloseItem => next.open_item = None,
            Action::ReadPassage(passage) => {
                next.view = View::Article;
                next.open_item = None;
                next.passage = Some(passage);
            }
            Action::SetSearch(mut search) => {
                if let Some((cut, _)) = search.char_indices().nth(MAX_SEARCH_CHARS) {
                    search.truncate(cut);
                }
                filters.search = search;
            }
            Action::ClearSearch => filters.search.clear(),
            Action::Toggle(option) => match option {
                FilterOption::Category(c) => toggle(&mut filters.categories, c),
                FilterOption::Level(l) => toggle(&mut filters.levels, l),
                FilterOption::Domain(d) => toggle(&mut filters.domains, d),
                FilterOption::Actor(a) => toggle(&mut filters.actors, a),
            },
            Action::Remove(option) => {
                match option {
                    FilterOption::Category(c) => filters.categories.remove(&c),
                    FilterOption::Level(l) => filters.levels.remove(&l),
                    FilterOption::Domain(d) => filters.domains.remove(&d),
                    FilterOption::Actor(a) => filters.actors.remove(&a),
                };
            }
            Action::ClearFilters => return self.without_filters(),
            Action::SetSort(sort) => next.sort = sort,
            Action::SetMatrixRows(rows) => next.matrix_rows = rows,
            Action::SetHideExcluded(hide) => next.hide_excluded = hide,
            Action::SetHindsight(on) => return self.with_hindsight(on),
        }
        next
    }
}
