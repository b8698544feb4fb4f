//! A button that opens a dialog the on-demand module draws (Cite, Embed). The first module carries only the button
//! and the call: while the module loads the button is busy and a status says so, and a failure to load or to draw is
//! said in the same status.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ondemand::{self, Failure, OnDemand};

/// Where a dialog's request stands.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Loading,
    Failed(String),
}

/// What opening a dialog is handed: the loaded module, the element to draw the dialog into and the button that
/// opened it (focus goes back to it when the dialog closes).
pub struct OpenDialog {
    pub module: OnDemand,
    pub container: web_sys::Element,
    pub opener: web_sys::HtmlElement,
}

#[derive(Properties, PartialEq)]
pub struct DialogButtonProps {
    /// The button's text.
    pub label: AttrValue,
    /// The button's classes, besides `button`.
    #[prop_or_default]
    pub class: Classes,
    /// What the dialog shows, as the status names it: "the citations".
    pub what: AttrValue,
    /// The element to draw the dialog into (not inside a part of the page that folds away).
    pub host: NodeRef,
    /// Draws the dialog with the module.
    pub open: Callback<OpenDialog, Result<(), Failure>>,
}

/// The button, and the status beside it that says what happens while the module loads.
#[function_component(DialogButton)]
pub fn dialog_button(props: &DialogButtonProps) -> Html {
    let button = use_node_ref();
    let status = use_state(|| Status::Idle);
    let onclick = {
        let (status, button, host, open, what) = (
            status.clone(),
            button.clone(),
            props.host.clone(),
            props.open.clone(),
            props.what.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *status == Status::Loading {
                return;
            }
            status.set(Status::Loading);
            let (status, button, host, open, what) = (
                status.clone(),
                button.clone(),
                host.clone(),
                open.clone(),
                what.clone(),
            );
            spawn_local(async move {
                let (Some(container), Some(opener)) = (
                    host.cast::<web_sys::Element>(),
                    button.cast::<web_sys::HtmlElement>(),
                ) else {
                    return;
                };
                let outcome = ondemand::shown_with(&what, |module| {
                    open.emit(OpenDialog {
                        module,
                        container,
                        opener,
                    })
                })
                .await;
                status.set(match outcome {
                    Ok(()) => Status::Idle,
                    Err(message) => Status::Failed(message),
                });
            });
        })
    };
    let loading = *status == Status::Loading;
    html! {
        <>
            <button type="button" class={classes!("button", props.class.clone())} aria-haspopup="dialog" ref={button}
                aria-busy={loading.then_some("true")} {onclick}>
                { &props.label }
            </button>
            <span class="dialog-load-status" role="status">
                { match &*status {
                    Status::Idle => String::new(),
                    Status::Loading => format!("Loading {}…", props.what),
                    Status::Failed(message) => message.clone(),
                } }
            </span>
        </>
    }
}
