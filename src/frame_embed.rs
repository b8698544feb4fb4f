//! The explorer inside another page: the link out to the full explorer (in an iframe with `?embed=1` or in a script
//! embed) and, in an iframe, the content height it reports to the host page so that the host's loader script
//! (`embed.js`) can size the iframe, and dialogs that open where the reader is in a frame that may be far taller than
//! the host's window.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
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

/// While embedded in another page, reports the height of `page` (the page's root element) to the parent window as soon
/// as it starts (the frame announcing itself: a loader that is already listening sizes the frame at once), on every
/// change of its content or layout, and again whenever the host's loader asks. Nothing is sent at the top level.
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
///
/// Two observers, because a cross-origin frame out of the host's sight gets no rendering steps: no animation frames
/// and no `ResizeObserver` deliveries until the reader scrolls to it. The `MutationObserver` runs without them (its
/// callbacks are microtasks, and measuring forces the layout it needs), so every change of content is reported
/// wherever the frame sits; the `ResizeObserver` adds the changes of layout alone (a new frame width) while in view.
struct HeightReporter {
    resizes: web_sys::ResizeObserver,
    mutations: web_sys::MutationObserver,
    _on_change: Closure<dyn FnMut()>,
    _on_request: EventListener,
    _dialogs: Option<DialogPlacer>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.resizes.disconnect();
        self.mutations.disconnect();
    }
}

/// Opens modal dialogs just above where the reader last clicked or moved focus, rather than in the middle of a frame
/// that the loader may have made thousands of pixels tall (and so out of sight in the host's window), and inside the
/// part of the frame the host's window shows.
///
/// That part is known only from an `IntersectionObserver`, whose first report comes with the next rendering step: a
/// dialog is placed at once by where the reader acted, and moved, if need be, when that report comes.
struct DialogPlacer {
    observer: web_sys::MutationObserver,
    seen: web_sys::IntersectionObserver,
    _on_open: Closure<dyn FnMut()>,
    _on_seen: Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
    _on_pointer: EventListener,
    _on_focus: EventListener,
}

impl Drop for DialogPlacer {
    fn drop(&mut self) {
        self.observer.disconnect();
        self.seen.disconnect();
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
        // Places every open modal dialog; returns whether there was one.
        let place = {
            let root = page.clone();
            move |seen: Option<(f64, f64)>| -> bool {
                let Ok(dialogs) = root.query_selector_all("dialog[open]") else {
                    return false;
                };
                let viewport = gloo::utils::window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(0.0);
                let modal = elements_of::<web_sys::HtmlElement>(&dialogs)
                    .filter(|dialog| dialog.matches(":modal").unwrap_or(false));
                let mut placed = false;
                for dialog in modal {
                    let height = f64::from(dialog.offset_height());
                    let top = dialog_top(anchor.get(), height, viewport, seen);
                    // CSSOM, not a style attribute: the page's Content-Security-Policy allows this.
                    let style = dialog.style();
                    // Whole pixels: an integer is written without the float formatting the wasm would carry.
                    let _ = style.set_property("top", &format!("{}px", top.round() as i32));
                    let _ = style.set_property("bottom", "auto");
                    let _ = style.set_property("margin-top", "0");
                    let _ = style.set_property("margin-bottom", "0");
                    placed = true;
                }
                placed
            }
        };
        let place = Rc::new(place);
        let on_seen = {
            let (place, root) = (place.clone(), page.clone());
            Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
                move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                    // One report per opening: later scrolls of the host leave an open dialog where it is.
                    observer.unobserve(&root);
                    let entry = entries
                        .iter()
                        .last()
                        .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok());
                    if let Some(entry) =
                        entry.filter(web_sys::IntersectionObserverEntry::is_intersecting)
                    {
                        let rect = entry.intersection_rect();
                        place(Some((rect.top(), rect.bottom())));
                    }
                },
            )
        };
        let seen = web_sys::IntersectionObserver::new(on_seen.as_ref().unchecked_ref()).ok()?;
        let on_open = {
            let (seen, root) = (seen.clone(), page.clone());
            Closure::<dyn FnMut()>::new(move || {
                if place(None) {
                    // A fresh observation reports once, with the part of the page in sight now.
                    seen.unobserve(&root);
                    seen.observe(&root);
                }
            })
        };
        let observer = web_sys::MutationObserver::new(on_open.as_ref().unchecked_ref()).ok()?;
        let options = web_sys::MutationObserverInit::new();
        options.set_subtree(true);
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"open".into()));
        observer.observe_with_options(page, &options).ok()?;
        Some(DialogPlacer {
            observer,
            seen,
            _on_open: on_open,
            _on_seen: on_seen,
            _on_pointer: on_pointer,
            _on_focus: on_focus,
        })
    }
}

/// Measures the page and posts its height when it changed (or when asked).
struct Reporter {
    element: web_sys::Element,
    parent: web_sys::Window,
    last_sent: Cell<Option<u32>>,
    follow_up: RefCell<Option<Timeout>>,
}

/// How long after posting a height the page measures itself once more, in milliseconds.
const FOLLOW_UP_MS: u32 = 100;

impl Reporter {
    fn report(self: &Rc<Self>, again: bool) {
        let rect = self.element.get_bounding_client_rect();
        let scrolled = gloo::utils::window().scroll_y().unwrap_or(0.0);
        let height = reported_height(rect.bottom() + scrolled);
        // The same height twice in a row is news to nobody, unless the loader asked for it.
        if !again && self.last_sent.get() == Some(height) {
            return;
        }
        self.last_sent.set(Some(height));
        post_height(&self.parent, height);
        // The host answers by resizing the frame, and a new frame size can change the layout (the frame's scrollbar
        // goes, the content gets wider) with no DOM change and, out of the host's sight, no rendering step to report
        // it: measure once more a moment later. A timer still runs there; a same height ends the chain.
        let me = Rc::downgrade(self);
        let follow_up = Timeout::new(FOLLOW_UP_MS, move || {
            if let Some(me) = me.upgrade() {
                me.report(false);
            }
        });
        self.follow_up.replace(Some(follow_up));
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
        let reporter = Rc::new(Reporter {
            element,
            parent: parent.clone(),
            last_sent: Cell::new(None),
            follow_up: RefCell::new(None),
        });
        let report = move |again: bool| reporter.report(again);
        let report = Rc::new(report);

        let on_change = {
            let report = report.clone();
            Closure::<dyn FnMut()>::new(move || report(false))
        };
        let resizes = web_sys::ResizeObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
        resizes.observe(&observed);
        let mutations = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
        let options = web_sys::MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        options.set_attributes(true);
        options.set_character_data(true);
        mutations.observe_with_options(&observed, &options).ok()?;

        // The loader may start after the first report was sent (it loads `async`): it then asks each frame again.
        let on_request_report = report.clone();
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
                on_request_report(true);
            }
        });

        // Announce the height now, listening already: whichever of the loader and this page starts first, one of
        // this report and the loader's request reaches the other.
        report(false);

        Some(HeightReporter {
            resizes,
            mutations,
            _on_change: on_change,
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
