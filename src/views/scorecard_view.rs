//! The scorecard view: how the article's feasibility ratings held after the summit, level by level and category by
//! category, as two tables whose counts open the list of the items behind them.
//!
//! The on-demand module draws it (`ondemand/src/scorecard_view.rs`): the scorecard is shown only while the hindsight
//! layer is on, and the module is already loaded to check that layer, so this component only gives it an element to
//! draw into and the two functions its item links need (an item's address from the current state, and opening it in
//! place), and keeps those links' addresses current as the state changes.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use summit_core::action::Action;
use summit_core::state::ViewState;
use summit_core::validate::Problem;

use crate::components::problem_list::ProblemList;
use crate::explorer::{state_href, HistoryMode, Navigate, Navigation};
use crate::hindsight_layer::use_hindsight;
use crate::ondemand::{self, DataWire, ItemLinks};

#[derive(Properties, PartialEq)]
pub struct ScorecardViewProps {
    pub state: Rc<ViewState>,
    pub navigate: Navigate,
}

/// What the links drawn by the module read: the state shown now and the way to change it.
type Current = Rc<RefCell<(Rc<ViewState>, Navigate)>>;

/// The address of the explorer with `id` open, from the state shown now.
fn item_href(current: &Current, id: &str) -> String {
    state_href(&current.borrow().0.apply(Action::OpenItem(id.to_string())))
}

/// The links' two functions, kept for as long as the view is shown.
fn item_links(current: &Current) -> ItemLinks {
    let href = {
        let current = current.clone();
        Closure::<dyn Fn(String) -> String>::new(move |id: String| item_href(&current, &id))
    };
    let open = {
        let current = current.clone();
        Closure::<dyn Fn(String)>::new(move |id: String| {
            let (state, navigate) = current.borrow().clone();
            navigate.emit(Navigation {
                state: state.apply(Action::OpenItem(id)),
                mode: HistoryMode::Push,
            });
        })
    };
    ItemLinks { href, open }
}

/// The element the module draws the scorecard into, and a status while it loads or when it fails. Shown only while
/// the hindsight layer is on; without it, it says so.
#[function_component(ScorecardView)]
pub fn scorecard_view(props: &ScorecardViewProps) -> Html {
    let host = use_node_ref();
    let failure = use_state(|| None::<String>);
    let drawn = use_state(|| false);
    let wire = use_context::<DataWire>().unwrap_or_default();
    let hindsight = use_hindsight();
    let current: Current = use_mut_ref(|| (props.state.clone(), props.navigate.clone()));
    *current.borrow_mut() = (props.state.clone(), props.navigate.clone());
    let links = use_memo((), {
        let current = current.clone();
        move |()| item_links(&current)
    });
    {
        let (host, failure, drawn, links) =
            (host.clone(), failure.clone(), drawn.clone(), links.clone());
        use_effect_with((wire, hindsight.is_some()), move |(wire, on)| {
            if *on {
                let wire = wire.clone();
                spawn_local(async move {
                    let Some(container) = host.cast::<web_sys::Element>() else {
                        return;
                    };
                    let outcome = match ondemand::module().await {
                        Ok(module) => module
                            .draw_scorecard(&container, wire.bytes(), &links)
                            .map_err(|f| format!("The scorecard could not be shown ({f}).")),
                        Err(f) => Err(format!(
                            "The scorecard could not be loaded ({f}); check the connection and try again."
                        )),
                    };
                    drawn.set(outcome.is_ok());
                    failure.set(outcome.err());
                });
            }
        });
    }
    // The listed items' addresses follow the state (a filter changed while a list is open, say).
    {
        let (host, current) = (host.clone(), current.clone());
        use_effect_with(props.state.clone(), move |_| {
            let Some(container) = host.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(links) = container.query_selector_all("a[data-item-link]") else {
                return;
            };
            for i in 0..links.length() {
                if let Some(link) = links
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    if let Some(id) = link.get_attribute("data-item-link") {
                        let _ = link.set_attribute("href", &item_href(&current, &id));
                    }
                }
            }
        });
    }

    if hindsight.is_none() {
        return html! {
            <section class="scorecard-view" aria-labelledby="scorecard-heading">
                <h2 id="scorecard-heading">{ "Scorecard" }</h2>
                <p>{ "Switch on “Hindsight: what happened next” to see how the article’s ratings held." }</p>
            </section>
        };
    }
    html! {
        <>
            <div class="scorecard-host" ref={host}></div>
            <p class="dialog-load-status" role="status">
                { match (&*failure, *drawn) {
                    (Some(message), _) => message.clone(),
                    (None, false) => "Loading the scorecard…".to_string(),
                    (None, true) => String::new(),
                } }
            </p>
        </>
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
