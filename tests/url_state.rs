//! Component tests of the hook that keeps the view state in the address: typing is shown in a task of its own, the
//! keystrokes before it together, and a click in the same moment as a keystroke keeps the typed search.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_core::action::{Action, FilterOption};
use summit_core::model::Category;
use summit_core::state::ViewState;
use summit_core::url::to_fragment;
use summit_fruits::explorer::{HistoryMode, Navigation, Shared, SharedDataSet};
use summit_fruits::url_state::use_url_state;

use common::{explorer, mount, pause};

wasm_bindgen_test_configure!(run_in_browser);

/// What the probe saw on its last render, and how many renders there were.
#[derive(Default)]
struct Seen {
    state: RefCell<Rc<ViewState>>,
    navigate: RefCell<Callback<Navigation>>,
    renders: Cell<usize>,
}

#[derive(Properties)]
struct ProbeProps {
    data: SharedDataSet,
    seen: Rc<Seen>,
}

impl PartialEq for ProbeProps {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data && Rc::ptr_eq(&self.seen, &other.seen)
    }
}

/// Uses the hook as the app does and hands what it returns to the test.
#[function_component(Probe)]
fn probe(props: &ProbeProps) -> Html {
    let url = use_url_state(props.data.clone());
    *props.seen.state.borrow_mut() = url.state.clone();
    *props.seen.navigate.borrow_mut() = url.navigate.clone();
    props.seen.renders.set(props.seen.renders.get() + 1);
    html! { <p>{ url.state.filters.search.clone() }</p> }
}

/// Starts from the default view's address and mounts the probe.
async fn mounted() -> Rc<Seen> {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let explorer = explorer();
    let seen = Rc::new(Seen::default());
    let data = Shared(explorer.data.clone());
    mount(&explorer, html! { <Probe {data} seen={seen.clone()} /> }).await;
    seen
}

fn typed(on_screen: &ViewState, search: &str) -> Navigation {
    Navigation {
        state: on_screen.apply(Action::SetSearch(search.to_string())),
        mode: HistoryMode::Replace,
    }
}

/// Waits (a bounded while) until the address's fragment is the one `state` writes (none for the default view).
async fn until_address_is(state: &ViewState) {
    let fragment = to_fragment(state);
    let expected = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    for _ in 0..100 {
        if gloo::utils::window().location().hash().unwrap() == expected {
            return;
        }
        pause().await;
    }
    panic!(
        "the address stayed {:?}, not {expected:?}",
        gloo::utils::window().location().hash()
    );
}

#[wasm_bindgen_test]
async fn keystrokes_are_shown_in_a_task_of_their_own_and_together() {
    let seen = mounted().await;
    let on_screen = seen.state.borrow().clone();
    let renders = seen.renders.get();
    let navigate = seen.navigate.borrow().clone();

    navigate.emit(typed(&on_screen, "ar"));
    navigate.emit(typed(&on_screen, "arms"));
    yew::scheduler::flush().await;
    assert_eq!(
        seen.state.borrow().filters.search,
        "",
        "nothing is shown within the keystroke's own task"
    );

    pause().await;
    assert_eq!(seen.state.borrow().filters.search, "arms");
    assert_eq!(
        seen.renders.get(),
        renders + 1,
        "the two keystrokes are drawn once"
    );
    let shown = (**seen.state.borrow()).clone();
    until_address_is(&shown).await;
}

#[wasm_bindgen_test]
async fn a_click_in_the_same_moment_as_a_keystroke_keeps_the_typed_search() {
    let seen = mounted().await;
    let on_screen = seen.state.borrow().clone();
    let navigate = seen.navigate.borrow().clone();

    // The checkbox's state was computed from the page on screen, before the keystroke was shown.
    navigate.emit(typed(&on_screen, "arms"));
    let toggle = Action::Toggle(FilterOption::Category(Category::LowHanging));
    navigate.emit(Navigation {
        state: on_screen.apply(toggle.clone()),
        mode: HistoryMode::Push,
    });
    pause().await;

    let expected = on_screen
        .apply(Action::SetSearch("arms".into()))
        .apply(toggle);
    assert_eq!(**seen.state.borrow(), expected);
    until_address_is(&expected).await;
}

#[wasm_bindgen_test]
async fn a_click_that_clears_the_search_wins_over_a_waiting_keystroke() {
    let seen = mounted().await;
    let navigate = seen.navigate.borrow().clone();
    navigate.emit(typed(&seen.state.borrow().clone(), "arms"));
    pause().await;
    let on_screen = seen.state.borrow().clone();
    assert_eq!(on_screen.filters.search, "arms");

    let navigate = seen.navigate.borrow().clone();
    navigate.emit(typed(&on_screen, "armsx"));
    navigate.emit(Navigation {
        state: on_screen.apply(Action::ClearSearch),
        mode: HistoryMode::Push,
    });
    pause().await;

    let shown = seen.state.borrow().clone();
    assert_eq!(shown.filters.search, "");
    until_address_is(&shown).await;
}
