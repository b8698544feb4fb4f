//! The "Cite" and "Share" buttons of the toolbar and of an item's detail. The Cite dialog itself is drawn by the
//! on-demand module (`ondemand/src/cite_dialog.rs`), fetched the first time a reader asks for it; this side only asks,
//! through a [`DialogButton`], which says what happens meanwhile. Share appears only where the device has the Web Share API. Both are one component,
//! so that the first module carries one component's code for them, not two.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::state::ViewState;

use crate::components::dialog_button::{DialogButton, OpenDialog};
use crate::instance::use_instance;
use crate::ondemand::DataWire;
use crate::share::{can_share, item_address, share, view_address};

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
    let can_share_here = use_state(|| false);
    let wire = use_context::<DataWire>().unwrap_or_default();
    let instance = use_instance();
    {
        let can_share_here = can_share_here.clone();
        use_effect_with((), move |_| can_share_here.set(can_share()));
    }
    let host = props.host.clone().unwrap_or_else(|| own_host.clone());

    let open_cite = {
        let (state, item, wire, instance) = (
            props.state.clone(),
            props.item.clone(),
            wire.clone(),
            instance.clone(),
        );
        Callback::from(move |open: OpenDialog| {
            open.module.open_cite_dialog(
                &open.container,
                &open.opener,
                wire.bytes(),
                state.shown_view().id(),
                &view_address(&state, &instance),
                item.as_deref(),
            )
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

    html! {
        <>
            <DialogButton label={props.label.clone()} class="cite-button" what="the citations" {host} open={open_cite} />
            if *can_share_here {
                <button type="button" class="button share-button" onclick={on_share}>{ "Share" }</button>
            }
            if props.host.is_none() {
                <div class="cite-host" ref={own_host}></div>
            }
        </>
    }
}
