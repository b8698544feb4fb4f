//! The explorer inside another page: the link out to the full explorer (in an iframe with `?embed=1` or in a script
//! embed) and, in an iframe, the frame helper (`static/frame-helper.js`), fetched only there, which reports the content
//! height to the host page so that the host's loader script (`embed.js`) can size the iframe, and opens dialogs where
//! the reader is in a frame that may be far taller than the host's window.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use summit_core::embed::{full_explorer_link as full_explorer_link_from, full_explorer_url};
use summit_core::state::ViewState;

use crate::instance::use_instance;

#[derive(Properties, PartialEq)]
pub struct FullExplorerLinkProps {
    pub state: Rc<ViewState>,
}

/// "Open in the full explorer": the same view and filters, without embed, in a new tab. In an iframe the explorer is
/// the page itself; in a script embed it is the bundle's `index.html` beside the embed script.
#[function_component(FullExplorerLink)]
pub fn full_explorer_link(props: &FullExplorerLinkProps) -> Html {
    let target = match use_instance().script_embed_options() {
        Some(embed) => full_explorer_link_from(&embed.app_url, &props.state),
        None => {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            full_explorer_url(&href, &props.state)
        }
    };
    html! {
        <p class="full-explorer-link">
            <a class="embed-full-link" href={target} target="_blank" rel="noopener">
                { "Open in the full explorer" }
                <span class="visually-hidden">{ " (opens in a new tab)" }</span>
            </a>
        </p>
    }
}

/// A link that leaves the explorer (a source, the original article). In embed mode (an iframe with `?embed=1`, or a
/// script embed) it opens a new tab, without opener or referrer, and says so: neither the frame nor the host page ever
/// navigates to another site. On the full page it is an ordinary link.
pub fn leaving_link(href: &str, class: &'static str, embedded: bool, content: Html) -> Html {
    html! {
        <a class={class} href={href.to_string()} target={embedded.then_some("_blank")}
            rel={if embedded { "noopener noreferrer" } else { "noopener" }}>
            { content }
            if embedded {
                <span class="visually-hidden">{ " (opens in a new tab)" }</span>
            }
        </a>
    }
}

/// The global under which the page's start script (`static/boot.js`) provides the function that starts the frame
/// helper (`static/frame-helper.js`) on an element and returns the function that stops it.
pub const FRAME_HELPER_KEY: &str = "summit-fruits:frame";

/// In embed mode, has the page's start script start the frame helper on `page` (the page's root element): in another
/// page's iframe it fetches the helper, which reports the page's height to the host page, now and on every change, and
/// opens modal dialogs where the reader is; at the top level nothing is fetched or sent. Stops it when the page goes.
#[hook]
pub fn use_frame_helper(page: NodeRef, embedded: bool) {
    use_effect_with(embedded, move |&embedded| {
        let stop = page
            .cast::<web_sys::Element>()
            .filter(|_| embedded)
            .and_then(|element| start_frame_helper(&element));
        move || {
            if let Some(stop) = stop {
                let _ = stop.call0(&JsValue::UNDEFINED);
            }
        }
    });
}

/// Calls the start script's frame-helper starter on `page`: the function that stops the helper, if it started one.
fn start_frame_helper(page: &web_sys::Element) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&js_sys::global(), &js_sys::Symbol::for_(FRAME_HELPER_KEY))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call1(&JsValue::UNDEFINED, page)
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}
