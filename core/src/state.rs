//! The explorer's view state: which view, which filters, the search text, sort, matrix rows and the open item.
//!
//! The URL is the source of truth for this state ([`crate::url`] reads and writes it); components
//! never keep a second copy of it.

use std::collections::BTreeSet;

use crate::model::Category;

crate::keyed_enum! {
    /// The explorer's views, in tab order: each with its id in the URL and the label on its tab.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum View {
        #[default]
        Cards = ("cards", "Cards"),
        Matrix = ("matrix", "Matrix"),
        Article = ("article", "Article"),
        Timeline = ("timeline", "Timeline"),
        Scorecard = ("scorecard", "Scorecard"),
    }
}

crate::keyed_enum! {
    /// How the cards are ordered: each with its id in the URL and the label in the sort menu.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum SortOrder {
        /// The order in which the article discusses the items.
        #[default]
        Article = ("article", "Article order"),
        /// Most feasible first; ties in article order.
        FeasibilityDesc = ("feasibility-desc", "Most feasible first"),
        /// Least feasible first; ties in article order.
        FeasibilityAsc = ("feasibility-asc", "Least feasible first"),
        /// By title, A to Z.
        Title = ("title", "Title (A–Z)"),
    }
}

crate::keyed_enum! {
    /// What the matrix's rows are: each with its id in the URL and its label.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum MatrixRows {
        #[default]
        Domain = ("domain", "Domain"),
        Category = ("category", "Category"),
        Actor = ("actor", "Actor"),
    }
}

/// The filters that all views share. Options within one facet are alternatives (OR); facets combine (AND).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub categories: BTreeSet<Category>,
    pub levels: BTreeSet<u8>,
    pub domains: BTreeSet<String>,
    pub actors: BTreeSet<String>,
    /// Free text; every word must occur somewhere in the item.
    pub search: String,
}

impl Filters {
    /// How many facet options are chosen (the search not counted).
    pub fn chosen_options(&self) -> usize {
        self.categories.len() + self.levels.len() + self.domains.len() + self.actors.len()
    }

    /// How many filters are on, as the chips list them: each chosen option, and the search when it is not blank.
    pub fn active_count(&self) -> usize {
        self.chosen_options() + usize::from(!self.search.trim().is_empty())
    }

    /// True when no facet option is chosen and the search is blank.
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
            && self.levels.is_empty()
            && self.domains.is_empty()
            && self.actors.is_empty()
            && self.search.trim().is_empty()
    }
}

/// A quotation of an item picked out in the article view: the item's id and the index of its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PassageRef {
    pub item: String,
    pub evidence: usize,
}

/// Everything about what the reader sees, as the URL holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub view: View,
    pub filters: Filters,
    pub sort: SortOrder,
    pub matrix_rows: MatrixRows,
    /// Hide the marks the filters exclude instead of dimming them.
    pub hide_excluded: bool,
    /// The item whose detail is open.
    pub open_item: Option<String>,
    /// The quotation to scroll to and emphasise in the article view.
    pub passage: Option<PassageRef>,
    /// Show what happened after the article.
    pub hindsight: bool,
    /// Drawn inside another page: no page chrome.
    pub embed: bool,
}

impl ViewState {
    /// The view actually drawn: the scorecard exists only with the hindsight layer on, so without it the cards show.
    pub fn shown_view(&self) -> View {
        if self.view == View::Scorecard && !self.hindsight {
            View::Cards
        } else {
            self.view
        }
    }

    /// The state with the hindsight layer switched on or off; switching it off leaves the scorecard for the cards.
    pub fn with_hindsight(&self, on: bool) -> ViewState {
        let mut next = ViewState {
            hindsight: on,
            ..self.clone()
        };
        next.view = next.shown_view();
        next
    }

    /// The state without any filter; the view, sort, matrix rows and the rest stay.
    pub fn without_filters(&self) -> ViewState {
        ViewState {
            filters: Filters::default(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scorecard_needs_the_hindsight_layer() {
        let scorecard = ViewState {
            view: View::Scorecard,
            hindsight: true,
            ..ViewState::default()
        };
        assert_eq!(scorecard.shown_view(), View::Scorecard);
        let off = scorecard.with_hindsight(false);
        assert_eq!((off.view, off.hindsight), (View::Cards, false));
        assert_eq!(
            ViewState {
                hindsight: false,
                ..scorecard.clone()
            }
            .shown_view(),
            View::Cards
        );
        let matrix = ViewState {
            view: View::Matrix,
            ..ViewState::default()
        };
        assert_eq!(matrix.with_hindsight(true).view, View::Matrix);
    }

    #[test]
    fn clearing_filters_keeps_everything_else() {
        let state = ViewState {
            view: View::Matrix,
            sort: SortOrder::Title,
            filters: Filters {
                search: "x".into(),
                levels: [3].into_iter().collect(),
                ..Filters::default()
            },
            ..ViewState::default()
        };
        assert_eq!(state.filters.chosen_options(), 1);
        assert_eq!(state.filters.active_count(), 2);
        let cleared = state.without_filters();
        assert!(cleared.filters.is_empty());
        assert_eq!(
            (cleared.view, cleared.sort),
            (View::Matrix, SortOrder::Title)
        );
    }

    #[test]
    fn a_blank_search_is_no_active_filter() {
        let check = |search: &str, categories: &[Category], expected: usize| {
            let filters = Filters {
                search: search.into(),
                categories: categories.iter().copied().collect(),
                ..Filters::default()
            };
            assert_eq!(
                filters.active_count(),
                expected,
                "{search:?} {categories:?}"
            );
        };
        check("", &[], 0);
        check("   ", &[], 0);
        check("arms", &[], 1);
        check("", &[Category::Risk], 1);
        check(" arms ", &[Category::Risk, Category::LowHanging], 3);
    }
}
