//! What every component shares: the loaded data set with its prepared indexes, and the way to change the view state.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::model::{term_label, DataSet, Item};
use summit_core::passages::{locate, PassageMap};
use summit_core::query::SearchIndex;
use summit_core::state::ViewState;
use summit_core::url::to_fragment;

/// A data set and what is computed from it once: the search index and where each quotation sits in the article.
pub struct Explorer {
    pub data: Rc<DataSet>,
    pub index: SearchIndex,
    pub passages: PassageMap,
}

impl Explorer {
    /// Prepares a data set for exploring.
    pub fn new(data: Rc<DataSet>) -> Self {
        let index = SearchIndex::new(&data);
        let passages = locate(&data);
        Explorer {
            data,
            index,
            passages,
        }
    }

    /// The item with this id, and its position in the data set.
    pub fn item(&self, id: &str) -> Option<(usize, &Item)> {
        self.data
            .items
            .iter()
            .enumerate()
            .find(|(_, item)| item.id == id)
    }

    /// The label of a domain id, or the id itself when the vocabulary lacks it.
    pub fn domain_label<'a>(&'a self, id: &'a str) -> &'a str {
        term_label(&self.data.vocabularies.domains, id)
    }

    /// The label of an actor id, or the id itself when the vocabulary lacks it.
    pub fn actor_label<'a>(&'a self, id: &'a str) -> &'a str {
        term_label(&self.data.vocabularies.actors, id)
    }

    /// The label of a category.
    pub fn category_label(&self, category: summit_core::model::Category) -> &str {
        self.data.category_label(category)
    }

    /// The label of a feasibility level, such as "Easy".
    pub fn level_label(&self, level: u8) -> &str {
        self.data.level_label(level)
    }

    /// The highest level on the scale.
    pub fn max_level(&self) -> u8 {
        self.data
            .feasibility_scale
            .iter()
            .map(|l| l.level)
            .max()
            .unwrap_or(0)
    }
}

/// A value that components and hooks pass around: cheap to clone and compared by identity, since props and hook
/// dependencies are compared on every render and a deep comparison of a data set of 10,000 items cost more than the
/// render itself.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A loaded data set, shared.
pub type SharedDataSet = Shared<DataSet>;

/// The shared explorer: what every component reads through `use_explorer`.
pub type ExplorerContext = Shared<Explorer>;

/// Whether a change of state makes a new history entry or replaces the current one (as typing in search does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    Push,
    Replace,
}

/// A request to show another state.
#[derive(Debug, Clone, PartialEq)]
pub struct Navigation {
    pub state: ViewState,
    pub mode: HistoryMode,
}

/// The callback every component uses to change what is shown.
pub type Navigate = Callback<Navigation>;

/// The in-page link for a state, for `href` attributes. On a host page, whose address is not ours, it is the full
/// explorer's link instead (what a new tab or a copied link should open); plain clicks are handled in place anyway.
pub fn state_href(state: &ViewState) -> String {
    if let Some(app) = crate::instance::host_page_app_url() {
        return summit_core::embed::full_explorer_link(&app, state);
    }
    let fragment = to_fragment(state);
    if fragment.is_empty() {
        "#".to_string()
    } else {
        format!("#{fragment}")
    }
}

/// The explorer from context; every component below `App` has it.
#[hook]
pub fn use_explorer() -> ExplorerContext {
    use_context::<ExplorerContext>().expect("components are rendered inside App's ExplorerContext")
}

/// An `onclick` for links that navigate within the explorer: plain clicks are handled in place (with history),
/// modified clicks (new tab, new window) are left to the browser.
pub fn link_click(navigate: &Navigate, state: ViewState) -> Callback<MouseEvent> {
    let navigate = navigate.clone();
    Callback::from(move |event: MouseEvent| {
        if event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
            || event.button() != 0
        {
            return;
        }
        event.prevent_default();
        navigate.emit(Navigation {
            state: state.clone(),
            mode: HistoryMode::Push,
        });
    })
}

/// A handler that shows `state` as a new history entry whenever its event fires (a button's click, a checkbox's change).
pub fn push_on<E: 'static>(navigate: &Navigate, state: ViewState) -> Callback<E> {
    let navigate = navigate.clone();
    Callback::from(move |_: E| {
        navigate.emit(Navigation {
            state: state.clone(),
            mode: HistoryMode::Push,
        });
    })
}
