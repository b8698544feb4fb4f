//! The prerendered page: the explorer's default view drawn by the app's own components, at build time by Yew's server
//! renderer (`src/bin/prerender.rs`, feature `ssr`) and taken over in the browser by hydration, so that one renderer
//! draws both and the browser keeps the elements it painted first.
//!
//! The build writes the server's markup into `index.html`'s `#app`, followed by a block `#prerender` (the notice that
//! `static/boot.js` fills when the wasm cannot start) that names what the markup was drawn from ([`fingerprint`]). The
//! browser hydrates only when its first render is certain to be the server's: the address asks for the default view,
//! the page is not the single file, and the fingerprint is its own. Otherwise it draws the page afresh. A mismatch in
//! hydration panics inside Yew (its checks are assertions, in release builds too), so it is ruled out up front; should
//! one happen all the same, the panic hook reloads the page once, to be drawn afresh ([`retry_without_hydration`]).

use std::cell::Cell;

/// The id of the block after the server's markup that the app removes when it starts.
pub const BLOCK_ID: &str = "prerender";

/// The block's attribute that holds the [`fingerprint`] of what the server drew.
pub const FINGERPRINT_ATTRIBUTE: &str = "data-drawn-from";

/// True in the browser; false on the server, where no browser API may be called (wasm-bindgen's imports panic off
/// wasm), so the functions that read the address, the page or storage answer what a default page would.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The session storage key that, once a hydration has failed in this tab, makes every later start draw afresh.
const NO_HYDRATION_KEY: &str = "summit-fruits-no-hydration";

thread_local! {
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
}

/// The address fragment the server draws: empty for the default view, `item=ID` for an item's page. Not a thread
/// local: Yew's server renderer draws on threads of its own.
static SERVER_FRAGMENT: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// The fragment of the address the server is drawing, which the app reads in place of the browser's.
pub fn server_fragment() -> String {
    SERVER_FRAGMENT
        .lock()
        .map(|f| f.clone())
        .unwrap_or_default()
}

/// Sets the fragment the server draws next.
#[cfg(feature = "ssr")]
fn set_server_fragment(fragment: String) {
    if let Ok(mut f) = SERVER_FRAGMENT.lock() {
        *f = fragment;
    }
}

/// Whether this is the first render of a page the server drew: on the server itself, or in the browser while it
/// hydrates. Components then draw their whole first state at once (every card of the first batch, not a few first)
/// and read nothing the server cannot know (the saved theme), since the browser's first render must be the server's.
pub fn is_server_render() -> bool {
    !IN_BROWSER || HYDRATING.with(Cell::get)
}

/// Ends the hydrating render: components mounted from now on draw as they do in a page drawn afresh.
pub fn end_first_render() {
    HYDRATING.with(|h| h.set(false));
}

/// What the server drew from, as a short hex string: the app's version and its data set's wire form (FNV-1a, 64 bits).
/// The browser hydrates only markup whose fingerprint equals its own.
pub fn fingerprint(data_set_wire: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in env!("CARGO_PKG_VERSION")
        .bytes()
        .chain([0])
        .chain(data_set_wire.iter().copied())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether an address (its fragment and query string) asks for the default view of the bundled data set: no view
/// state in the fragment, no `?data=`, no `?embed=1`.
pub fn is_default_address(hash: &str, search: &str) -> bool {
    hash.trim_start_matches('#').is_empty()
        && !search.trim_start_matches('?').split('&').any(|pair| {
            pair.strip_prefix("data=")
                .is_some_and(|value| !value.is_empty())
        })
        && !summit_core::embed_mode::EmbedMode::of(false, false, search).is_embedded()
}

/// Called by the panic hook: when the panic came while hydrating (the server's markup and the first render differed
/// after all), remembers for this tab to draw afresh and reloads the page; true when the reload is under way, false
/// when the panic is another one or storage is not allowed (then the panic panel shows).
pub fn retry_without_hydration() -> bool {
    if !(IN_BROWSER && HYDRATING.with(Cell::get)) {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let remembered = window
        .session_storage()
        .ok()
        .flatten()
        .is_some_and(|storage| storage.set_item(NO_HYDRATION_KEY, "1").is_ok());
    remembered && window.location().reload().is_ok()
}

/// Whether a hydration failed earlier in this tab.
#[cfg(target_arch = "wasm32")]
fn hydration_failed_before() -> bool {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(NO_HYDRATION_KEY).ok().flatten())
        .is_some()
}

#[cfg(feature = "ssr")]
pub use server::{render_default_view, render_item_page};

#[cfg(feature = "ssr")]
mod server {
    use std::future::Future;
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake};

    /// The default view of the bundled data set (or of `data_set_json` instead) as HTML, with the markers that let
    /// the browser hydrate it, and its [`fingerprint`](super::fingerprint).
    pub fn render_default_view(data_set_json: Option<String>) -> Result<(String, String), String> {
        if let Some(json) = data_set_json {
            crate::bundled::draw_on_server(&json)?;
        }
        super::set_server_fragment(String::new());
        let renderer = yew::ServerRenderer::<crate::app::App>::new().hydratable(true);
        Ok((
            block_on(renderer.render()),
            super::fingerprint(crate::bundled::wire_bytes()),
        ))
    }

    /// An item's page: the default view with the item's detail open, drawn from the data set that
    /// [`render_default_view`] drew (call it first). The browser draws the page afresh (its address is not the
    /// default one), so the markup has no hydration markers.
    pub fn render_item_page(item_id: &str) -> String {
        let state = summit_core::state::ViewState::default()
            .apply(summit_core::action::Action::OpenItem(item_id.to_string()));
        super::set_server_fragment(summit_core::url::to_fragment(&state));
        let markup = block_on(
            yew::ServerRenderer::<crate::app::App>::new()
                .hydratable(false)
                .render(),
        );
        super::set_server_fragment(String::new());
        markup
    }

    /// Runs a future to completion on this thread; Yew's renderer does its work on its own runtime's threads.
    fn block_on<F: Future>(future: F) -> F::Output {
        struct Unpark(std::thread::Thread);
        impl Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Arc::new(Unpark(std::thread::current())).into();
        let mut context = Context::from_waker(&waker);
        let mut future = std::pin::pin!(future);
        loop {
            if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
            std::thread::park();
        }
    }
}

/// Starts the explorer in the page's `#app` (or the body): hydrates the server's markup when it is sure to match,
/// draws afresh otherwise. Either way the block after the markup (the loading notice) goes.
#[cfg(target_arch = "wasm32")]
pub fn start_in_page(document: &web_sys::Document) {
    use crate::app::App;

    let block = document.get_element_by_id(BLOCK_ID);
    let root = document.get_element_by_id("app");
    let hydrates = cfg!(feature = "hydration")
        && root.is_some()
        && !hydration_failed_before()
        && block.as_ref().is_some_and(|block| {
            block.get_attribute(FINGERPRINT_ATTRIBUTE).as_deref()
                == Some(fingerprint(crate::bundled::DATA_SET_WIRE).as_str())
        })
        && !crate::chosen_data::is_single_file()
        && {
            let location = gloo::utils::window().location();
            is_default_address(
                &location.hash().unwrap_or_default(),
                &location.search().unwrap_or_default(),
            )
        };
    if let Some(block) = block {
        block.remove();
    }
    match root {
        #[cfg(feature = "hydration")]
        Some(root) if hydrates => {
            remove_before_markup(&root);
            HYDRATING.with(|h| h.set(true));
            yew::Renderer::<App>::with_root(root).hydrate();
        }
        // Yew clears the root before it draws.
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// Removes what comes before the server's markup in `root` (the `<noscript>` notice): Yew hydrates the root's
/// children from its first comment, the opening marker of the app's root component.
#[cfg(all(target_arch = "wasm32", feature = "hydration"))]
fn remove_before_markup(root: &web_sys::Element) {
    while let Some(node) = root.first_child() {
        if node.node_type() == web_sys::Node::COMMENT_NODE {
            break;
        }
        let _ = root.remove_child(&node);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_plain_address_is_the_default_view() {
        assert!(is_default_address("", ""));
        assert!(is_default_address("#", "?utm_source=x"));
        assert!(!is_default_address("#view=matrix", ""));
        assert!(!is_default_address("", "?data=other.json"));
        assert!(!is_default_address("", "?embed=1"));
    }

    #[test]
    fn the_fingerprint_follows_the_data_set() {
        assert_eq!(fingerprint(b"{}"), fingerprint(b"{}"));
        assert_ne!(fingerprint(b"{}"), fingerprint(b"{ }"));
        assert_eq!(fingerprint(b"").len(), 16);
    }
}
