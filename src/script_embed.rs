//! The script embed: mounts an explorer into every `[data-summit-fruits]` element of a host page, each in its own
//! open shadow root with our stylesheet, its own options and its own state.
//!
//! `summit-fruits-embed.js` (written by xtask/src/postbuild/script_embed.rs from static/summit-fruits-embed.js) loads the wasm and calls [`mount_embeds`] with the addresses
//! of the scoped stylesheet (and its integrity hash) and of the full explorer, both resolved against the script's own
//! address.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use summit_core::embed::MARKER_ATTRIBUTE;

use crate::app::App;
use crate::instance::{elements_of, set_host_page, Instance, ScriptEmbedOptions};

/// The class of the element inside each shadow root that the explorer is drawn into (the scoped stylesheet's root).
pub const MOUNT_CLASS: &str = "embed-root";

/// The CSS selector of the elements a host page marks for an explorer.
pub fn marker_selector() -> String {
    format!("[{MARKER_ATTRIBUTE}]")
}

/// The global symbol (`Symbol.for("summit-fruits-embed")`) that `summit-fruits-embed.js` sets before the wasm starts.
pub const STARTED_BY_EMBED_SCRIPT: &str = "summit-fruits-embed";

/// Whether the wasm was started by `summit-fruits-embed.js`, so this document is a host page whatever its ids (a
/// host's own `#app` is not ours). A symbol, so no name of the host's globals can clash with it.
pub fn started_by_embed_script() -> bool {
    let symbol: JsValue = js_sys::Symbol::for_(STARTED_BY_EMBED_SCRIPT).into();
    js_sys::Reflect::get(&js_sys::global(), &symbol).is_ok_and(|flag| flag.is_truthy())
}

/// Whether this document is a host page: the embed script started the wasm, or it has marked elements and no `#app`.
pub fn is_host_page(document: &web_sys::Document) -> bool {
    started_by_embed_script()
        || document.get_element_by_id("app").is_none()
            && document
                .query_selector(&marker_selector())
                .ok()
                .flatten()
                .is_some()
}

/// The mount element inside each marked element's shadow root, for the panic panel.
pub fn mount_elements(document: &web_sys::Document) -> Vec<web_sys::Element> {
    let Ok(marked) = document.query_selector_all(&marker_selector()) else {
        return Vec::new();
    };
    elements_of::<web_sys::Element>(&marked)
        .filter_map(|host| host.shadow_root())
        .filter_map(|shadow| {
            shadow
                .query_selector(&format!(".{MOUNT_CLASS}"))
                .ok()
                .flatten()
        })
        .collect()
}

/// Mounts an explorer into every marked element that has none yet and returns how many it mounted.
///
/// `stylesheet` is the scoped stylesheet and `app` the full explorer's `index.html`, both absolute; `integrity` is the
/// stylesheet's Subresource Integrity hash (empty: none). Each element gets an open shadow root holding a
/// `<link rel="stylesheet">` (never inline styles: the host's CSP is not ours) and the mount element (`lang="en"`, `dir="ltr"`), hidden until the
/// stylesheet has loaded so the explorer never shows unstyled. A stylesheet that fails its check is not applied.
#[wasm_bindgen(js_name = mountEmbeds)]
pub fn mount_embeds(stylesheet: &str, integrity: &str, app: &str) -> usize {
    set_host_page(app);
    let document = gloo::utils::document();
    let Ok(marked) = document.query_selector_all(&marker_selector()) else {
        return 0;
    };
    let app: Rc<str> = Rc::from(app);
    let mut mounted = 0;
    for host in elements_of::<web_sys::Element>(&marked) {
        if host.shadow_root().is_some() {
            continue;
        }
        if mount_one(&document, &host, (stylesheet, integrity), app.clone()).is_some() {
            mounted += 1;
        }
    }
    mounted
}

fn mount_one(
    document: &web_sys::Document,
    host: &web_sys::Element,
    (stylesheet, integrity): (&str, &str),
    app: Rc<str>,
) -> Option<()> {
    let attributes = attributes_of(host);
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    let link = document.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    if !integrity.is_empty() {
        link.set_attribute("integrity", integrity).ok()?;
        link.set_attribute("crossorigin", "anonymous").ok()?;
    }
    link.set_attribute("href", stylesheet).ok()?;
    let mount = document.create_element("div").ok()?;
    mount.set_class_name(MOUNT_CLASS);
    // The explorer is in English, written left to right, whatever the host page's language and direction: without
    // these a right-to-left host would mirror it (direction is inherited through the shadow boundary, and `all:
    // initial` does not reset it) and a host in another language would mislabel it for screen readers.
    mount.set_attribute("lang", "en").ok()?;
    mount.set_attribute("dir", "ltr").ok()?;
    mount.set_attribute("hidden", "").ok()?;
    // Shown once the stylesheet has loaded, or failed to (then unstyled beats invisible).
    for event in ["load", "error"] {
        let shown = mount.clone();
        gloo::events::EventListener::once(&link, event, move |_| {
            let _ = shown.remove_attribute("hidden");
        })
        .forget();
    }
    shadow.append_child(&link).ok()?;
    shadow.append_child(&mount).ok()?;
    let props = EmbeddedAppProps {
        instance: Instance::in_shadow_root(
            shadow,
            ScriptEmbedOptions {
                attributes,
                app_url: app,
            },
        ),
    };
    yew::Renderer::<EmbeddedApp>::with_root_and_props(mount, props).render();
    Some(())
}

/// Every attribute of an element as (name, value), in document order.
fn attributes_of(element: &web_sys::Element) -> Vec<(String, String)> {
    let names = element.get_attribute_names();
    names
        .iter()
        .filter_map(|name| name.as_string())
        .map(|name| {
            let value = element.get_attribute(&name).unwrap_or_default();
            (name, value)
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct EmbeddedAppProps {
    pub instance: Instance,
}

/// The explorer inside one host element: the whole app, told through context which instance it is.
#[function_component(EmbeddedApp)]
pub fn embedded_app(props: &EmbeddedAppProps) -> Html {
    html! {
        <ContextProvider<Instance> context={props.instance.clone()}>
            <App />
        </ContextProvider<Instance>>
    }
}
