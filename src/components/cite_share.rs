//! The "Cite" and "Share" buttons of the toolbar and of an item's detail. The Cite dialog itself is drawn by the
//! on-demand module (`ondemand/src/cite_dialog.rs`), fetched the first time a reader asks for it; this side only asks
//! and says what happens meanwhile. Share appears only where the device has the Web Share API. Both are one component,
//! so that the first module carries one component's code for them, not two.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use summit_core::state::ViewState;

use crate::instance::use_instance;
use crate::ondemand::{self, DataWire};
use crate::share::{can_share, item_address, share, view_address};

/// Where the Cite dialog's request stands.
#[derive(Clone, PartialEq)]
enum CiteStatus {
    Idle,
    Loading,
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct CiteShareProps {
    pub state: Rc<ViewState>,
    /// The Cite button's text ("Cite", "Cite this item").
    pub label: AttrValue,
    /// The item cited and shared, by id; none for the article and the view.
    #[prop_or_default]
    pub item: Option<AttrValue>,
    /// The title Share hands over: the view's or the item's.
    pub share_title: AttrValue,
    /// The element to draw the Cite dialog into; the component's own host element when none (it must not be inside
    /// a part of the page that folds away, such as the toolbar's "More").
    #[prop_or_default]
    pub host: Option<NodeRef>,
}

/// "Cite", which opens the Cite dialog (while the on-demand module loads, the button is busy and a status says
/// "Loading the citations…"; if the module cannot be loaded the status says so), and "Share", on devices with the Web
/// Share API only, which hands the view's or item's title and address to the device's share sheet. Share is drawn
/// after the first render, so that the server's first paint and the browser's are the same.
#[function_component(CiteShare)]
pub fn cite_share(props: &CiteShareProps) -> Html {
    let own_host = use_node_ref();
    let button = use_node_ref();
    let status = use_state(|| CiteStatus::Idle);
    let can_share_here = use_state(|| false);
    let wire = use_context::<DataWire>().unwrap_or_default();
    let instance = use_instance();
    {
        let can_share_here = can_share_here.clone();
        use_effect_with((), move |_| can_share_here.set(can_share()));
    }
    let host = props.host.clone().unwrap_or_else(|| own_host.clone());

    let on_cite = {
        let (status, button, host) = (status.clone(), button.clone(), host.clone());
        let (state, item, wire, instance) = (
            props.state.clone(),
            props.item.clone(),
            wire.clone(),
            instance.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *status == CiteStatus::Loading {
                return;
            }
            status.set(CiteStatus::Loading);
            let (status, button, host, wire, item) = (
                status.clone(),
                button.clone(),
                host.clone(),
                wire.clone(),
                item.clone(),
            );
            let view = state.shown_view().id();
            let address = view_address(&state, &instance);
            spawn_local(async move {
                let outcome = match ondemand::module().await {
                    Ok(module) => {
                        let (Some(container), Some(opener)) = (
                            host.cast::<web_sys::Element>(),
                            button.cast::<web_sys::HtmlElement>(),
                        ) else {
                            return;
                        };
                        module
                            .open_cite_dialog(
                                &container,
                                &opener,
                                wire.bytes(),
                                view,
                                &address,
                                item.as_deref(),
                            )
                            .map_err(|f| format!("The citations could not be shown ({f})."))
                    }
                    Err(f) => Err(format!(
                        "The citations could not be loaded ({f}); check the connection and try again."
                    )),
                };
                status.set(match outcome {
                    Ok(()) => CiteStatus::Idle,
                    Err(message) => CiteStatus::Failed(message),
                });
            });
        })
    };

    let on_share = {
        let (state, item, title) = (
            props.state.clone(),
            props.item.clone(),
            props.share_title.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let url = match &item {
                Some(id) => item_address(id, &wire, &instance),
                None => view_address(&state, &instance),
            };
            share(&title, &url);
        })
    };

    let loading = *status == CiteStatus::Loading;
    html! {
        <>
            <button type="button" class="button cite-button" aria-haspopup="dialog" ref={button}
                aria-busy={loading.then_some("true")} onclick={on_cite}>
                { &props.label }
            </button>
            <span class="cite-load-status" role="status">
                { match &*status {
                    CiteStatus::Idle => "",
                    CiteStatus::Loading => "Loading the citations…",
                    CiteStatus::Failed(message) => message,
                } }
            </span>
            if *can_share_here {
                <button type="button" class="button share-button" onclick={on_share}>{ "Share" }</button>
            }
            if props.host.is_none() {
                <div class="cite-host" ref={own_host}></div>
            }
        </>
    }
}
