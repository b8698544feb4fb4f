//! The "Cite" and "Share" buttons of the toolbar and of an item's detail. The Cite dialog itself is drawn by the
//! on-demand module (`ondemand/src/cite_dialog.rs`), fetched the first time a reader asks for it; this side only asks
//! and says what happens meanwhile. Share appears only where the device has the Web Share API.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use summit_core::state::ViewState;

use crate::instance::use_instance;
use crate::ondemand::{self, DataWire};
use crate::share::{can_share, item_address, share, view_address, Shared};

/// Where the Cite dialog's request stands.
#[derive(Clone, PartialEq)]
enum CiteStatus {
    Idle,
    Loading,
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct CiteButtonProps {
    pub state: Rc<ViewState>,
    /// The button's text ("Cite", "Cite this item").
    pub label: AttrValue,
    /// The item whose citation is asked for; none for the article and the view.
    #[prop_or_default]
    pub item: Option<AttrValue>,
    /// The element to draw the dialog into; the button's own host element when none (it must not be inside a part
    /// of the page that folds away, such as the toolbar's "More").
    #[prop_or_default]
    pub host: Option<NodeRef>,
}

/// A button that opens the Cite dialog: while the on-demand module loads it is busy and a status says "Loading the
/// citations…"; if the module cannot be loaded the status says so.
#[function_component(CiteButton)]
pub fn cite_button(props: &CiteButtonProps) -> Html {
    let own_host = use_node_ref();
    let button = use_node_ref();
    let status = use_state(|| CiteStatus::Idle);
    let wire = use_context::<DataWire>().unwrap_or_default();
    let instance = use_instance();
    let host = props.host.clone().unwrap_or_else(|| own_host.clone());

    let onclick = {
        let (status, button, host) = (status.clone(), button.clone(), host.clone());
        let (state, item) = (props.state.clone(), props.item.clone());
        Callback::from(move |_: MouseEvent| {
            if *status == CiteStatus::Loading {
                return;
            }
            status.set(CiteStatus::Loading);
            let (status, button, host, wire) =
                (status.clone(), button.clone(), host.clone(), wire.clone());
            let view = state.shown_view().id();
            let address = view_address(&state, &instance);
            let item = item.clone();
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

    let loading = *status == CiteStatus::Loading;
    html! {
        <>
            <button type="button" class="button cite-button" aria-haspopup="dialog" ref={button}
                aria-busy={loading.then_some("true")} {onclick}>
                { &props.label }
            </button>
            <span class="cite-load-status" role="status">
                { match &*status {
                    CiteStatus::Idle => html! {},
                    CiteStatus::Loading => html! { "Loading the citations…" },
                    CiteStatus::Failed(message) => html! { <span class="cite-load-error">{ message }</span> },
                } }
            </span>
            if props.host.is_none() {
                <div class="cite-host" ref={own_host}></div>
            }
        </>
    }
}

/// What a Share button hands over.
#[derive(Clone, PartialEq)]
pub enum ShareTarget {
    /// The view on screen, with its title.
    View(Rc<ViewState>, AttrValue),
    /// An item, by id, with its title.
    Item(AttrValue, AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    pub target: ShareTarget,
}

/// "Share", on devices with the Web Share API only: it hands the view's or item's title and address to the device's
/// share sheet. Drawn after the first render, so that the server's first paint and the browser's are the same.
#[function_component(ShareButton)]
pub fn share_button(props: &ShareButtonProps) -> Html {
    let available = use_state(|| false);
    let message = use_state(String::new);
    let wire = use_context::<DataWire>().unwrap_or_default();
    let instance = use_instance();
    {
        let available = available.clone();
        use_effect_with((), move |_| available.set(can_share()));
    }
    if !*available {
        return html! {};
    }
    let onclick = {
        let (target, message) = (props.target.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let (title, url) = match &target {
                ShareTarget::View(state, title) => (title.clone(), view_address(state, &instance)),
                ShareTarget::Item(id, title) => (title.clone(), item_address(id, &wire, &instance)),
            };
            let message = message.clone();
            spawn_local(async move {
                message.set(match share(&title, &url).await {
                    Shared::Done | Shared::Cancelled => String::new(),
                    Shared::Failed(reason) => format!("Could not share ({reason})."),
                });
            });
        })
    };
    html! {
        <>
            <button type="button" class="button share-button" {onclick}>{ "Share" }</button>
            <span class="share-status" role="status">{ (*message).clone() }</span>
        </>
    }
}
