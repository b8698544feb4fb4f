//! The explorer inside another page: the link out to the full explorer (in an iframe with `?embed=1` or in a script
//! embed) and, in an iframe, the content height it reports to the host page so that the host's loader script
//! (`embed.js`) can size the iframe, and dialogs that open where the reader is in a frame that may be far taller than
//! the host's window.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use summit_core::embed::{
    dialog_top, full_explorer_link as full_explorer_link_from, full_explorer_url, reported_height,
    HEIGHT_MESSAGE, MEASURE_MESSAGE,
};
use summit_core::state::ViewState;

use crate::instance::{elements_of, use_instance};

#[derive(Properties, PartialEq)]
pub struct FullExplorerLinkProps {
    pub state: Rc<ViewState>,
}

/// "Open in the full explorer": the same view and filters, without embed, in a new tab. In an iframe the explorer is
/// the page itself; in a script embed it is the bundle's `index.html` beside the embed script.
#[function_component(FullExplorerLink)]
pub fn full_explorer_link(props: &FullExplorerLinkProps) -> Html {
    let target = match use_instance().embed() {
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

/// While embedded in another page, reports the height of `page` (the page's root element) to the parent window on
/// every change of layout, and again whenever the host's loader asks. Nothing is sent at the top level.
#[hook]
pub fn use_height_reporter(page: NodeRef, embedded: bool) {
    use_effect_with(embedded, move |&embedded| {
        let reporter = if embedded {
            HeightReporter::start(&page)
        } else {
            None
        };
        move || drop(reporter)
    });
}

/// The observers and listeners that keep the host informed and place dialogs; dropping it stops them all.
struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
    _on_request: EventListener,
    _dialogs: Option<DialogPlacer>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Opens modal dialogs just above where the reader last clicked or moved focus, rather than in the middle of a frame
/// that the loader may have made thousands of pixels tall (and so out of sight in the host's window).
struct DialogPlacer {
    observer: web_sys::MutationObserver,
    _on_open: Closure<dyn FnMut()>,
    _on_pointer: EventListener,
    _on_focus: EventListener,
}

impl Drop for DialogPlacer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

impl DialogPlacer {
    fn start(page: &web_sys::Element) -> Option<Self> {
        let anchor: Rc<Cell<Option<f64>>> = Rc::new(Cell::new(None));
        let document = gloo::utils::document();
        let on_pointer = {
            let anchor = anchor.clone();
            EventListener::new(&document, "pointerdown", move |event| {
                if let Some(event) = event.dyn_ref::<web_sys::MouseEvent>() {
                    anchor.set(Some(f64::from(event.client_y())));
                }
            })
        };
        let on_focus = {
            let anchor = anchor.clone();
            EventListener::new(&document, "focusin", move |event| {
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                // Focus moving into a dialog is the dialog's own doing, not the reader's place.
                if let Some(target) =
                    target.filter(|t| t.closest("dialog").ok().flatten().is_none())
                {
                    anchor.set(Some(target.get_bounding_client_rect().top()));
                }
            })
        };
        let root = page.clone();
        let on_open = Closure::<dyn FnMut()>::new(move || {
            let Ok(dialogs) = root.query_selector_all("dialog[open]") else {
                return;
            };
            let viewport = gloo::utils::window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let modal = elements_of::<web_sys::HtmlElement>(&dialogs)
                .filter(|dialog| dialog.matches(":modal").unwrap_or(false));
            for dialog in modal {
                let top = dialog_top(anchor.get(), f64::from(dialog.offset_height()), viewport);
                // CSSOM, not a style attribute: the page's Content-Security-Policy allows this.
                let style = dialog.style();
                let _ = style.set_property("top", &format!("{top}px"));
                let _ = style.set_property("bottom", "auto");
                let _ = style.set_property("margin-top", "0");
                let _ = style.set_property("margin-bottom", "0");
            }
        });
        let observer = web_sys::MutationObserver::new(on_open.as_ref().unchecked_ref()).ok()?;
        let options = web_sys::MutationObserverInit::new();
        options.set_subtree(true);
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"open".into()));
        observer.observe_with_options(page, &options).ok()?;
        Some(DialogPlacer {
            observer,
            _on_open: on_open,
            _on_pointer: on_pointer,
            _on_focus: on_focus,
        })
    }
}

impl HeightReporter {
    /// Starts reporting, or returns `None` when there is no parent page to report to (or no page root yet).
    fn start(page: &NodeRef) -> Option<Self> {
        let window = gloo::utils::window();
        let parent = window.parent().ok().flatten()?;
        if js_sys::Object::is(&parent, &window) {
            return None;
        }
        let element = page.cast::<web_sys::Element>()?;
        let dialogs = DialogPlacer::start(&element);
        let observed = element.clone();
        let last_sent: Rc<Cell<Option<u32>>> = Rc::new(Cell::new(None));
        let report = {
            let parent = parent.clone();
            Rc::new(move |again: bool| {
                let rect = element.get_bounding_client_rect();
                let scrolled = gloo::utils::window().scroll_y().unwrap_or(0.0);
                let height = reported_height(rect.bottom() + scrolled);
                // The same height twice in a row is news to nobody, unless the loader asked for it.
                if again || last_sent.get() != Some(height) {
                    last_sent.set(Some(height));
                    post_height(&parent, height);
                }
            })
        };

        let on_resize = {
            let report = report.clone();
            Closure::<dyn FnMut()>::new(move || report(false))
        };
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(&observed);

        // The loader may start after the first report was sent (it loads `async`): it then asks each frame again.
        let on_request = EventListener::new(&window, "message", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            let from_parent = event
                .source()
                .is_some_and(|source| js_sys::Object::is(&source, &parent));
            let kind = js_sys::Reflect::get(&event.data(), &JsValue::from_str("type"))
                .ok()
                .and_then(|t| t.as_string());
            if from_parent && kind.as_deref() == Some(MEASURE_MESSAGE) {
                report(true);
            }
        });

        Some(HeightReporter {
            observer,
            _on_resize: on_resize,
            _on_request: on_request,
            _dialogs: dialogs,
        })
    }
}

/// Posts `{ type: "summit-fruits:height", height }` to the parent, whatever its origin (the height is no secret).
fn post_height(parent: &web_sys::Window, height: u32) {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    let _ = parent.post_message(&message, "*");
}
