//! A view the on-demand module draws (the matrix, the article, the timeline, the scorecard): this side gives the module
//! an element to draw into and the two functions its links into the explorer call, says "Loading …" until it has drawn
//! (or why it could not), draws it again when what it depends on changes, and keeps its links' addresses current as
//! the state changes.
//!
//! A link the module draws is an `<a data-link="KIND" data-link-arg="ARG">` (`ondemand/src/view_parts.rs`): `item`
//! and an item's id open its card; `article` and a paragraph's id show the article view at that paragraph.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use summit_core::action::Action;
use summit_core::state::{View, ViewState};

use crate::explorer::{state_href, HistoryMode, Navigate, Navigation};
use crate::instance::{use_instance, Instance};
use crate::ondemand::{self, DataWire, Failure, OnDemand, ViewLinks};

/// What drawing a view is handed: the loaded module, the element to draw into, the data set and the links' functions.
pub struct DrawView {
    pub module: OnDemand,
    pub container: web_sys::Element,
    pub data: DataWire,
    pub links: Rc<ViewLinks>,
}

#[derive(Properties, PartialEq)]
pub struct DrawnViewProps {
    pub state: Rc<ViewState>,
    pub navigate: Navigate,
    /// What the view is, as its status names it: "the timeline".
    pub what: AttrValue,
    /// What the drawing depends on besides the data set, in any form: it is drawn again when this changes.
    pub inputs: Rc<[u8]>,
    /// Draws the view with the module.
    pub draw: Callback<DrawView, Result<(), Failure>>,
}

/// What the links read: the state shown now, the way to change it and where the explorer is.
type Current = Rc<RefCell<(Rc<ViewState>, Navigate, Instance)>>;

/// Where a link into the explorer leads, from the state shown now.
fn target(state: &ViewState, kind: &str, arg: &str) -> ViewState {
    match kind {
        "article" => state.apply(Action::ShowView(View::Article)),
        _ => state.apply(Action::OpenItem(arg.to_string())),
    }
}

/// The links' two functions, kept for as long as the view is shown.
fn view_links(current: &Current) -> ViewLinks {
    let href = {
        let current = current.clone();
        Closure::<dyn Fn(String, String) -> String>::new(move |kind: String, arg: String| {
            state_href(&target(&current.borrow().0, &kind, &arg))
        })
    };
    let open = {
        let current = current.clone();
        Closure::<dyn Fn(String, String)>::new(move |kind: String, arg: String| {
            let (state, navigate, instance) = current.borrow().clone();
            navigate.emit(Navigation {
                state: target(&state, &kind, &arg),
                mode: HistoryMode::Push,
            });
            if kind == "article" {
                // Once the article is drawn, its paragraph comes into view and takes focus.
                gloo::timers::callback::Timeout::new(0, move || {
                    if let Some(element) = instance.element_by_id(&arg) {
                        let _ = element.set_attribute("tabindex", "-1");
                        element.scroll_into_view();
                        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = element.focus();
                        }
                    }
                })
                .forget();
            }
        })
    };
    ViewLinks { href, open }
}

/// The element the module draws the view into, and a status while it loads or when it fails.
#[function_component(DrawnView)]
pub fn drawn_view(props: &DrawnViewProps) -> Html {
    let host = use_node_ref();
    let failure = use_state(|| None::<String>);
    let drawn = use_state(|| false);
    let wire = use_context::<DataWire>().unwrap_or_default();
    let instance = use_instance();
    let current: Current = use_mut_ref(|| {
        (
            props.state.clone(),
            props.navigate.clone(),
            instance.clone(),
        )
    });
    *current.borrow_mut() = (props.state.clone(), props.navigate.clone(), instance);
    let links = use_memo((), {
        let current = current.clone();
        move |()| Rc::new(view_links(&current))
    });
    {
        let (host, failure, drawn, links, draw, what) = (
            host.clone(),
            failure.clone(),
            drawn.clone(),
            (*links).clone(),
            props.draw.clone(),
            props.what.clone(),
        );
        use_effect_with((wire, props.inputs.clone()), move |(wire, _)| {
            let data = wire.clone();
            spawn_local(async move {
                let Some(container) = host.cast::<web_sys::Element>() else {
                    return;
                };
                let outcome = ondemand::shown_with(&what, |module| {
                    draw.emit(DrawView {
                        module,
                        container,
                        data,
                        links,
                    })
                })
                .await;
                drawn.set(outcome.is_ok());
                failure.set(outcome.err());
            });
        });
    }
    // The drawn links' addresses follow the state (a filter changed, an item opened).
    {
        let host = host.clone();
        use_effect_with(props.state.clone(), move |state| {
            let Some(container) = host.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(links) = container.query_selector_all("a[data-link]") else {
                return;
            };
            for link in crate::instance::elements_of::<web_sys::Element>(&links) {
                if let (Some(kind), Some(arg)) = (
                    link.get_attribute("data-link"),
                    link.get_attribute("data-link-arg"),
                ) {
                    let _ = link.set_attribute("href", &state_href(&target(state, &kind, &arg)));
                }
            }
        });
    }

    html! {
        <>
            <div class="drawn-view" ref={host}></div>
            <p class="dialog-load-status" role="status">
                { match (&*failure, *drawn) {
                    (Some(message), _) => message.clone(),
                    (None, false) => format!("Loading {}…", props.what),
                    (None, true) => String::new(),
                } }
            </p>
        </>
    }
}
