//! What the module's dialogs (Cite, Embed) share: making elements with `createElement` and `textContent` only (the
//! page's Trusted Types policy allows no HTML from strings, its Content-Security-Policy no inline style), keeping
//! their event handlers alive while a dialog is open, opening a modal dialog that gives focus back when it closes,
//! and writing to the clipboard, with selection for copying by hand where the page may not.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlDialogElement, HtmlElement};

/// An event handler kept alive by Rust while its element lives.
pub type Handler = Closure<dyn FnMut(Event)>;

thread_local! {
    /// Each open dialog's event handlers, by the dialog's number: kept while it is open, dropped once it has closed
    /// (after its close handler has returned: a handler cannot be dropped while it runs).
    static HANDLERS: RefCell<Vec<(u32, Vec<Handler>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_DIALOG: Cell<u32> = const { Cell::new(0) };
}

/// The document `container` is in.
pub fn document_of(container: &Element) -> Result<Document, JsValue> {
    container
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the container is in no document"))
}

/// A new `tag` element with the classes `class` (none when empty).
pub fn element(document: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let el = document.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    Ok(el)
}

/// A new `tag` element with the classes `class` and the text `text`.
pub fn text_element(
    document: &Document,
    tag: &str,
    class: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let el = element(document, tag, class)?;
    el.set_text_content(Some(text));
    Ok(el)
}

/// Appends `child` to `parent` and gives it back.
pub fn add(parent: &Element, child: Element) -> Result<Element, JsValue> {
    parent.append_child(&child)?;
    Ok(child)
}

/// A `<button type="button">` with the classes `class` and the text `text`.
pub fn button(document: &Document, class: &str, text: &str) -> Result<Element, JsValue> {
    let button = text_element(document, "button", class, text)?;
    button.set_attribute("type", "button")?;
    Ok(button)
}

/// A polite live region (`role="status"`) with the classes `class`, empty.
pub fn live_status(document: &Document, class: &str) -> Result<Element, JsValue> {
    let status = element(document, "p", class)?;
    status.set_attribute("role", "status")?;
    status.set_attribute("aria-live", "polite")?;
    Ok(status)
}

/// Adds `handler` for `event` on `target`, kept in `kept` for as long as the dialog lives.
pub fn listen(
    kept: &mut Vec<Handler>,
    target: &Element,
    event: &str,
    handler: impl FnMut(Event) + 'static,
) -> Result<(), JsValue> {
    let closure: Handler = Closure::new(handler);
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
    kept.push(closure);
    Ok(())
}

/// Empties `container` of a dialog left there (it cannot be open: the dialogs are modal).
pub fn clear(container: &Element) {
    while let Some(child) = container.first_element_child() {
        child.remove();
    }
}

/// Opens `dialog` as a modal dialog in `container`, with `close` as its Close button and the handlers in `kept`:
/// Close and Escape close it, and once closed it is removed, its handlers are dropped and focus goes back to `opener`.
pub fn open_modal(
    container: &Element,
    opener: &HtmlElement,
    dialog: Element,
    close: &Element,
    mut kept: Vec<Handler>,
) -> Result<(), JsValue> {
    let number = NEXT_DIALOG.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let dialog: HtmlDialogElement = dialog.unchecked_into();
    {
        let dialog = dialog.clone();
        listen(&mut kept, close, "click", move |_| dialog.close())?;
    }
    {
        let (element, opener) = (dialog.clone(), opener.clone());
        listen(&mut kept, &dialog, "close", move |_| {
            element.remove();
            let _ = opener.focus();
            // Dropped on the next turn, once this handler has returned.
            wasm_bindgen_futures::spawn_local(async move {
                HANDLERS.with(|h| h.borrow_mut().retain(|(n, _)| *n != number));
            });
        })?;
    }
    HANDLERS.with(|h| h.borrow_mut().push((number, kept)));
    container.append_child(&dialog)?;
    dialog.show_modal()?;
    Ok(())
}

/// Whether the page has a clipboard to write to (an insecure page has none).
fn has_clipboard(navigator: &web_sys::Navigator) -> bool {
    js_sys::Reflect::get(navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined())
}

/// Writes `text` to the clipboard; false when the page may not.
pub async fn write_text(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    if !has_clipboard(&navigator) {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(&text))
        .await
        .is_ok()
}

/// Selects the whole of `node`'s text, for copying by hand.
pub fn select(node: &Element) {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.select_all_children(node);
    }
}
