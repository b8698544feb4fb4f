//! Summit Fruits, the browser app: Yew components that draw what `summit_core` computes.
//!
//! Every decision about what to show is made in the core; the modules here put it on the page:
//!
//! - `app`: the page (header, toolbar, filters, the current view) and the choice of data set it shows.
//! - `views`: one module per view (cards, matrix, article, timeline, scorecard); `components`: the smaller pieces
//!   that the page and the views are made of (toolbar, filter panel, item detail, dialogs, icons).
//! - `explorer`: what every component shares (the prepared data set from context, the `Navigate` callback, links).
//! - `url_state`: the hook that keeps the view state in the address (or, in a script embed, in the instance).
//! - `instance`: where an explorer instance lives (the page, or a shadow root in a host page), and the one way
//!   components look elements up by id.
//! - `bundled`: the data set bundled into the app; `chosen_data`: another data set the reader chose (file, drop,
//!   `?data=`); `hindsight_layer`: the bundled hindsight file, loaded when the reader turns it on; `ondemand`: the
//!   loader of the second wasm module that checks data sets and hindsight, writes the downloads (the matrix's SVG
//!   and PNG files too) and draws the Cite and Embed dialogs and the scorecard.
//! - `script_embed`: mounts explorers into a host page's `[data-summit-fruits]` elements; `frame_embed`: the
//!   embedded explorer's link out, links that leave it, and, in an iframe, the height it reports and where its
//!   dialogs open.
//! - `clipboard`: copying text, with what happened when the page may not; `download`: saving a file; `theme`: the
//!   light and dark themes.
//! - `prerender`: the default view drawn at build time by Yew's server renderer, and hydrated in the browser;
//!   `item_page`: an item's own page, which the build draws with the item open, taken over by the explorer.
//! - this file: `start()` and the panic panel that replaces a blank page.

pub mod app;
pub mod bundled;
pub mod chosen_data;
pub mod clipboard;
pub mod components;
pub mod explorer;
pub mod frame_embed;
pub mod hindsight_layer;
pub mod instance;
pub mod item_page;
pub mod ondemand;
pub mod prerender;
pub mod script_embed;
pub mod share;
pub mod theme;
pub mod url_state;
pub mod views;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Installs the panic hook: the panic is logged to `console.error` and the page shows [`show_panic_panel`] instead of
/// going blank. It runs before the release build's `panic = "abort"` stops the module. A panic while hydrating the
/// prerendered page reloads it instead, to be drawn afresh ([`prerender::retry_without_hydration`]).
///
/// `yew::set_custom_panic_hook` is `std::panic::set_hook` that also tells Yew's renderer not to replace the hook with
/// its own console-only one.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        console_error(&message);
        if prerender::retry_without_hydration() {
            return;
        }
        show_panic_panel(&message);
    }));
}

/// Replaces the content of `#app` (or of the body) with a plain panel: "Something went wrong", what to do, a Reload
/// button and the panic message to report. Plain DOM, so it works whatever state Yew was left in; the button's
/// listener is a leaked wasm closure, since the content security policy forbids inline handlers. On a host page the
/// panel replaces each embedded explorer instead, and the host's own content is left alone.
pub fn show_panic_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if instance::host_page_app_url().is_some() {
        for root in script_embed::mount_elements(&document) {
            show_panic_panel_in(&document, &root, message);
        }
        return;
    }
    let Some(root) = document
        .get_element_by_id("app")
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    show_panic_panel_in(&document, &root, message);
}

fn show_panic_panel_in(document: &web_sys::Document, root: &web_sys::Element, message: &str) {
    let element = |tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let panel = element("section", "panic-panel", "")?;
        panel.set_attribute("role", "alert").ok()?;
        panel.set_attribute("aria-labelledby", "panic-title").ok()?;
        let heading = element("h1", "", "Something went wrong")?;
        heading.set_id("panic-title");
        let explanation = element(
            "p",
            "",
            "The explorer hit an error it could not recover from. Reloading the page usually helps; \
             if it happens again, please report the message below.",
        )?;
        let button = element("button", "button panic-reload", "Reload")?;
        button.set_attribute("type", "button").ok()?;
        let reload = Closure::<dyn FnMut()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        button
            .add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())
            .ok()?;
        reload.forget();
        let label = element("p", "panic-report", "Message to report:")?;
        let pre = element("pre", "panic-message", message)?;
        for child in [&heading, &explanation, &button, &label, &pre] {
            panel.append_child(child).ok()?;
        }
        Some(panel)
    };
    let Some(panel) = build() else {
        // Even the panel could not be built: at least say something.
        root.set_text_content(Some(&format!(
            "Something went wrong. Please reload the page. {message}"
        )));
        return;
    };
    root.set_text_content(None);
    let _ = root.append_child(&panel);
    if let Some(button) = panel
        .query_selector("button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}

/// Mounts the explorer into the page's `#app` element (or the body when there is none). On a host page (started by
/// the embed script, or marked `[data-summit-fruits]` elements and no `#app`) it does nothing: `summit-fruits-embed.js` calls
/// [`script_embed::mount_embeds`], and the host's theme, storage and content are left alone.
pub fn start() {
    install_panic_hook();
    let document = gloo::utils::document();
    if script_embed::is_host_page(&document) {
        return;
    }
    theme::apply_theme(theme::saved_theme());
    item_page::settle_address(&document);
    // The build draws the default view into the page for the first paint (`cargo xtask postbuild` runs the
    // `prerender` binary): the app takes it over, or draws afresh where the address asks for another view.
    #[cfg(target_arch = "wasm32")]
    prerender::start_in_page(&document);
}
