//! The explorer inside another page (`?embed=1`): the link out to the full explorer, and the content height it
//! reports to the host page so that the host's loader script (`embed.js`) can size the iframe.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use summit_core::embed::{full_explorer_url, reported_height, HEIGHT_MESSAGE, MEASURE_MESSAGE};
use summit_core::state::ViewState;

#[derive(Properties, PartialEq)]
pub struct FullExplorerLinkProps {
    pub state: Rc<ViewState>,
}

/// "Open in the full explorer": the same view and filters, without embed, in a new tab.
#[function_component(FullExplorerLink)]
pub fn full_explorer_link(props: &FullExplorerLinkProps) -> Html {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    let target = full_explorer_url(&href, &props.state);
    html! {
        <p class="frame-full-link">
            <a href={target} target="_blank" rel="noopener">
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

/// The observer and listener that keep the host informed; dropping it stops both.
struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
    _on_request: EventListener,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
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
        observer.observe(&page.cast::<web_sys::Element>()?);

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
