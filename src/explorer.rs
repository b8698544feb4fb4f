//! What every component shares: the loaded data set with its prepared indexes (from context), and the way to change
//! the view state (the `Navigate` callback, links and buttons that call it).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use summit_core::model::DataSet;
use summit_core::state::ViewState;
use summit_core::url::to_fragment;

/// The prepared data set (search index, passage map); it lives in the core, where it is tested natively.
pub use summit_core::results::Explorer;

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

/// Whether a change of state makes a new history entry or replaces the current one. Typing in search replaces: it is
/// shown in a task of its own, after the keystroke's, and written to the address after the frame that shows it
/// (`url_state.rs`).
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

thread_local! {
    /// Whether the items shown have pages of their own, as [`set_item_pages_exist`] last said.
    static ITEM_PAGES_EXIST: Cell<bool> = const { Cell::new(false) };
}

/// Says whether the items about to be drawn have pages of their own (`crate::share::item_pages_exist`): the page
/// sets it for its data set before its components draw their links.
pub fn set_item_pages_exist(exist: bool) {
    ITEM_PAGES_EXIST.with(|e| e.set(exist));
}

/// The link for a state, for `href` attributes: the item's own page when the state is the default view with one item
/// open and item pages exist (`items/ID/`, which previews well when shared; in an embed too, the full explorer's);
/// otherwise the in-page fragment. On a host
/// page, whose address is not ours, it is the full explorer's link instead (what a new tab or a copied link should
/// open). Plain clicks are handled in place anyway.
pub fn state_href(state: &ViewState) -> String {
    let item_page =
        summit_core::url::item_page_of(state).filter(|_| ITEM_PAGES_EXIST.with(Cell::get));
    if let Some(app) = crate::instance::host_page_app_url() {
        return match item_page {
            Some(id) => summit_core::embed::full_explorer_item_page(&app, id),
            None => summit_core::embed::full_explorer_link(&app, state),
        };
    }
    // In a frame (`embed=1`) too: a new tab or a copied link opens the full explorer's item page.
    if let Some(id) = item_page {
        return summit_core::url::item_page_path(id);
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
        let modifiers = [
            event.ctrl_key(),
            event.meta_key(),
            event.shift_key(),
            event.alt_key(),
        ];
        if !summit_core::action::is_plain_click(modifiers, event.button()) {
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
