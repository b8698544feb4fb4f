//! Keeps the view state in the address bar's fragment: read at start and on back and forward, written on every change.
//! A change that replaces the address (typing a search) is shown in a task of its own, once the browser has finished
//! with the keystroke, and written just after the frame that shows it, since the browser's `history.replaceState`
//! costs milliseconds that a keystroke's answer should not wait for; a change that adds a history entry keeps a typed
//! search that is still waiting to be shown, writes any waiting address first, then its own at once.
//!
//! A script embed in a host page is the exception: its state starts from its element's attributes and stays in Yew
//! state, so it never reads or writes the host's address, history or storage, and the host's back and forward leave it
//! alone.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use summit_core::action::Action;
use summit_core::embed::parse_embed_attributes;
use summit_core::embed_mode::EmbedMode;
use summit_core::model::DataSet;
use summit_core::state::ViewState;
use summit_core::url::{parse_fragment, to_fragment, KnownIds, UrlNotice};

use crate::explorer::{HistoryMode, Navigation, SharedDataSet};
use crate::instance::{use_instance, ScriptEmbedOptions};

/// The current state, what the parser dropped from the URL, and the way to change the state.
#[derive(Clone, PartialEq)]
pub struct UseUrlStateHandle {
    pub state: Rc<ViewState>,
    pub notices: Rc<Vec<UrlNotice>>,
    pub navigate: Callback<Navigation>,
}

/// The state with `embed` settled, in the one place that reads it: a script embed always is embedded; a page is when
/// its address asks, by `embed=1` in the fragment (which the fragment's parser has read into `state.embed`) or in the
/// query string (as the Embed dialog's iframe code writes it). A script embed never reads the host's address.
fn settle_embed(mut state: ViewState, script_embed: bool) -> ViewState {
    let search = if script_embed || !crate::prerender::IN_BROWSER {
        String::new()
    } else {
        gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default()
    };
    state.embed = EmbedMode::of(script_embed, state.embed, &search).is_embedded();
    state
}

/// The state an embedded explorer starts with, from its element's attributes.
fn read_attributes(options: &ScriptEmbedOptions, data: &DataSet) -> (ViewState, Vec<UrlNotice>) {
    let attributes = options
        .attributes
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()));
    parse_embed_attributes(attributes, &KnownIds::of(data))
}

/// The state in the page's address; the server draws the one it was given (the default view, or an item's page).
fn read_location(data: &DataSet) -> (ViewState, Vec<UrlNotice>) {
    let hash = if crate::prerender::IN_BROWSER {
        gloo::utils::window().location().hash().unwrap_or_default()
    } else {
        crate::prerender::server_fragment()
    };
    let (state, notices) = parse_fragment(&hash, &KnownIds::of(data));
    (settle_embed(state, false), notices)
}

/// Writes a state to the address bar; returns false when the browser refused (some sandboxes do).
fn write_location(state: &ViewState, mode: HistoryMode) -> bool {
    let window = gloo::utils::window();
    let location = window.location();
    let fragment = to_fragment(state);
    let url = if fragment.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{fragment}")
    };
    let Ok(history) = window.history() else {
        return false;
    };
    let result = match mode {
        HistoryMode::Push => {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
        HistoryMode::Replace => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
    };
    result.is_ok()
}

/// The notice shown when the browser refuses to change the address.
fn refused_notice() -> Vec<UrlNotice> {
    vec![UrlNotice(
        "This page cannot change its address here, so the link does not follow your choices."
            .into(),
    )]
}

/// Runs `write` in a task just after the next frame is painted (a `requestAnimationFrame` callback runs just before
/// the paint; a timeout set from it runs after), and again a little later, since a hidden page or an off-screen frame
/// paints no frames: `write` does its work once and nothing the second time.
fn after_next_paint(write: impl Fn() + Clone + 'static) {
    gloo::timers::callback::Timeout::new(250, write.clone()).forget();
    let on_frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, write).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(on_frame.unchecked_ref());
}

/// Shows a typed state (the search as the reader types it): at once, and in the address just after the frame that
/// shows it (in a script embed, only in the instance).
fn show_typed(
    state: ViewState,
    current: &UrlState,
    waiting: &Rc<RefCell<Option<ViewState>>>,
    embedded: bool,
) {
    if *current.0 == state {
        return;
    }
    if !embedded && waiting.borrow_mut().replace(state.clone()).is_none() {
        let (waiting, setter) = (waiting.clone(), current.setter());
        after_next_paint(move || {
            let Some(state) = waiting.borrow_mut().take() else {
                return;
            };
            if !write_location(&state, HistoryMode::Replace) {
                setter.set((Rc::new(state), Rc::new(refused_notice())));
            }
        });
    }
    current.set((Rc::new(state), Rc::new(Vec::new())));
}

/// The view state on screen and what the parser dropped from the address, as one Yew state.
type UrlState = UseStateHandle<(Rc<ViewState>, Rc<Vec<UrlNotice>>)>;

/// The view state, held in the URL (or, in a script embed, in the instance). Components change it only through
/// `navigate`.
#[hook]
pub fn use_url_state(data: SharedDataSet) -> UseUrlStateHandle {
    let instance = use_instance();
    let embedded = instance.is_script_embed();
    let current = {
        let data = data.clone();
        use_state(move || {
            let (state, notices) = match instance.script_embed_options() {
                Some(options) => read_attributes(options, &data),
                None => read_location(&data),
            };
            (Rc::new(state), Rc::new(notices))
        })
    };

    // A replaced address not yet written: the latest state, written after the next paint.
    let waiting = use_mut_ref(|| None::<ViewState>);
    // A typed state not yet shown: the latest, shown in the next task.
    let typed = use_mut_ref(|| None::<ViewState>);
    {
        let current = current.setter();
        let (waiting, typed) = (waiting.clone(), typed.clone());
        use_effect_with((data.clone(), embedded), move |(data, embedded)| {
            let listeners = (!*embedded).then(|| {
                let data = data.clone();
                let on_history = move |_: &Event| {
                    // Back, forward or a new fragment: the address now says what to show, and a waiting write would
                    // overwrite the entry the reader went to.
                    waiting.borrow_mut().take();
                    typed.borrow_mut().take();
                    let (state, notices) = read_location(&data);
                    current.set((Rc::new(state), Rc::new(notices)));
                };
                let window = gloo::utils::window();
                let popstate = EventListener::new(&window, "popstate", on_history.clone());
                let hashchange = EventListener::new(&window, "hashchange", on_history);
                (popstate, hashchange)
            });
            move || drop(listeners)
        });
    }

    let navigate = {
        let current = current.clone();
        let typed = typed.clone();
        Callback::from(move |navigation: Navigation| {
            let state = settle_embed(navigation.state, embedded);
            if navigation.mode == HistoryMode::Replace {
                // Typing: shown in a task of its own, once the browser has finished with the keystroke (it lays the
                // page out for the text field's caret before the input event's handlers return, and a result drawn
                // inside them would be laid out twice); keystrokes that come before that task are shown together.
                let first = typed.borrow_mut().replace(state).is_none();
                if first {
                    let (typed, current, waiting) =
                        (typed.clone(), current.clone(), waiting.clone());
                    gloo::timers::callback::Timeout::new(0, move || {
                        if let Some(state) = typed.borrow_mut().take() {
                            show_typed(state, &current, &waiting, embedded);
                        }
                    })
                    .forget();
                }
                return;
            }
            // A state computed from the page on screen while a typed search waits to be shown (a click in the same
            // moment as a keystroke) keeps that search, unless it changes the search itself.
            let state = match typed.borrow_mut().take() {
                Some(typing) if state.filters.search == current.0.filters.search => {
                    state.apply(Action::SetSearch(typing.filters.search))
                }
                _ => state,
            };
            if embedded {
                if *current.0 != state {
                    current.set((Rc::new(state), Rc::new(Vec::new())));
                }
                return;
            }
            if *current.0 == state {
                return;
            }
            // The new history entry goes after the current one's address is up to date.
            let replaced = waiting.borrow_mut().take();
            let written = replaced.is_none_or(|r| write_location(&r, HistoryMode::Replace))
                && write_location(&state, navigation.mode);
            let notices = if written {
                Vec::new()
            } else {
                refused_notice()
            };
            current.set((Rc::new(state), Rc::new(notices)));
        })
    };

    UseUrlStateHandle {
        state: current.0.clone(),
        notices: current.1.clone(),
        navigate,
    }
}
