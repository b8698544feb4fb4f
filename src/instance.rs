//! Where one explorer instance lives: the app's own page, or a shadow root in a host page's element (script embed).
//!
//! Components that look elements up by id go through [`Instance`], never through `document()` directly: inside a
//! shadow root the document does not see the instance's elements, and two instances on one host page use the same
//! ids.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    /// The full explorer's `index.html`, set once a host page's embeds are mounted; empty on the app's own page.
    static FULL_EXPLORER: RefCell<Option<Rc<str>>> = const { RefCell::new(None) };
}

/// Marks this document as a host page whose explorers link to the full explorer at `app` (its `index.html`).
pub fn set_host_page(app: &str) {
    FULL_EXPLORER.with(|f| *f.borrow_mut() = Some(Rc::from(app)));
}

/// The full explorer's address when this document is a host page with script embeds, `None` on the app's own page.
pub fn host_page_app_url() -> Option<Rc<str>> {
    FULL_EXPLORER.with(|f| f.borrow().clone())
}

/// A script embed's own options: the element's attributes, read once when it was mounted.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptEmbedOptions {
    /// Every attribute of the host element, as (name, value).
    pub attributes: Vec<(String, String)>,
    /// The full explorer's `index.html`, resolved against the embed script's address.
    pub app_url: Rc<str>,
}

/// One explorer instance: the root its elements are in, and its embed options if it is embedded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Instance {
    /// The shadow root the instance is drawn in; `None` for the app's own page (the document).
    shadow: Option<web_sys::ShadowRoot>,
    script_embed: Option<Rc<ScriptEmbedOptions>>,
}

impl Instance {
    /// A script embed's instance, drawn inside `shadow`, a host element's shadow root.
    pub fn in_shadow_root(shadow: web_sys::ShadowRoot, options: ScriptEmbedOptions) -> Self {
        Instance {
            shadow: Some(shadow),
            script_embed: Some(Rc::new(options)),
        }
    }

    /// The script embed's options, `None` on the app's own page (also inside an iframe: that is the page too).
    pub fn script_embed_options(&self) -> Option<&ScriptEmbedOptions> {
        self.script_embed.as_deref()
    }

    /// Whether the instance is a script embed in a host page (keeping its state to itself, not in the address). Not
    /// the same as the view state's `embed` (no page chrome), which an iframe's page has too: see
    /// [`summit_core::embed_mode::EmbedMode`].
    pub fn is_script_embed(&self) -> bool {
        self.script_embed.is_some()
    }

    /// The instance's element with this id.
    pub fn element_by_id(&self, id: &str) -> Option<web_sys::Element> {
        match &self.shadow {
            Some(shadow) => shadow.get_element_by_id(id),
            None => gloo::utils::document().get_element_by_id(id),
        }
    }

    /// The instance's first element matching a CSS selector.
    pub fn query_selector(&self, selector: &str) -> Option<web_sys::Element> {
        let found = match &self.shadow {
            Some(shadow) => shadow.query_selector(selector),
            None => gloo::utils::document().query_selector(selector),
        };
        found.ok().flatten()
    }

    /// The focused element as seen from the instance: inside a shadow root, the document only sees its host.
    pub fn active_element(&self) -> Option<web_sys::Element> {
        match &self.shadow {
            Some(shadow) => shadow.active_element(),
            None => gloo::utils::document().active_element(),
        }
    }
}

/// The nodes of `list` (what `query_selector_all` returns) that are a `T`, in document order.
pub fn elements_of<T: JsCast>(list: &web_sys::NodeList) -> impl Iterator<Item = T> + '_ {
    (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into::<T>().ok())
}

/// The instance a component is drawn in; the app's own page when no embed provided one.
#[hook]
pub fn use_instance() -> Instance {
    use_context::<Instance>().unwrap_or_default()
}
