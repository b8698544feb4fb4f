//! The Cite dialog, drawn with the DOM into the element the app hands over (inside the explorer's own root, so that
//! in a script embed it is in the instance's shadow root and styled by its stylesheet).
//!
//! The page's Content-Security-Policy allows no inline style and its Trusted Types policy no HTML from strings, so
//! every element is made with `createElement` and filled with `textContent`; the look comes from classes in
//! `static/embed-frame.css`. A modal `<dialog>`: focus moves in when it opens, Escape or Close closes it, and focus
//! goes back to the button that opened it. Copy writes a citation as plain text; where the page may not write the
//! clipboard (a sandboxed frame, an insecure page) the citation is selected instead and the live region says to press
//! Ctrl+C, as the app's own copies do (`src/clipboard.rs`).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlDialogElement, HtmlElement};

use crate::cite::{CiteContent, Shape};

/// An event handler kept alive by Rust while its element lives.
type Handler = Closure<dyn FnMut(Event)>;

thread_local! {
    /// Each open dialog's event handlers, by the dialog's number: kept while it is open, dropped once it has closed
    /// (after its close handler has returned: a handler cannot be dropped while it runs).
    static HANDLERS: RefCell<Vec<(u32, Vec<Handler>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_DIALOG: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn element(document: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let el = document.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    Ok(el)
}

fn text_element(
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
fn add(parent: &Element, child: Element) -> Result<Element, JsValue> {
    parent.append_child(&child)?;
    Ok(child)
}

/// Adds `handler` for `event` on `target`, kept in `kept` for as long as the dialog lives.
fn listen(
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

/// Whether the page has a clipboard to write to (an insecure page has none).
fn has_clipboard(navigator: &web_sys::Navigator) -> bool {
    js_sys::Reflect::get(navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined())
}

/// Writes `text` to the clipboard; false when the page may not.
async fn write_text(text: String) -> bool {
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
fn select(node: &Element) {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.select_all_children(node);
    }
}

/// Draws the dialog for `content` into `container` and opens it; when it closes it is removed and focus goes back to
/// `opener`.
pub fn open(
    container: &Element,
    opener: &HtmlElement,
    content: &CiteContent,
) -> Result<(), JsValue> {
    let document = container
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the container is in no document"))?;
    let number = NEXT_DIALOG.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let mut kept = Vec::new();
    // A dialog left in this container (it cannot be open: the dialog is modal) goes first.
    while let Some(child) = container.first_element_child() {
        child.remove();
    }

    let dialog = element(&document, "dialog", "cite-dialog")?;
    dialog.set_attribute("aria-labelledby", "cite-title")?;
    dialog.set_attribute("aria-describedby", "cite-intro")?;
    add(&dialog, text_element(&document, "h2", "", &content.title)?)?.set_id("cite-title");
    add(
        &dialog,
        text_element(&document, "p", "cite-intro", &content.intro)?,
    )?
    .set_id("cite-intro");

    let status = text_element(&document, "p", "cite-status", "")?;
    status.set_attribute("role", "status")?;
    status.set_attribute("aria-live", "polite")?;

    let mut entry_number = 0;
    for (g, group) in content.groups.iter().enumerate() {
        let section = element(&document, "section", "cite-group")?;
        let heading_id = format!("cite-group-{g}");
        section.set_attribute("aria-labelledby", &heading_id)?;
        let heading = text_element(&document, "h3", "", &group.heading)?;
        heading.set_id(&heading_id);
        section.append_child(&heading)?;
        if let Some(note) = &group.note {
            add(&section, text_element(&document, "p", "cite-note", note)?)?;
        }
        for entry in &group.entries {
            entry_number += 1;
            let block = element(&document, "div", "cite-entry")?;
            let label_id = format!("cite-label-{entry_number}");
            let label = text_element(&document, "h4", "cite-label", &entry.label)?;
            label.set_id(&label_id);
            block.append_child(&label)?;
            let text = match entry.shape {
                Shape::Prose => {
                    let p = element(&document, "p", "cite-text")?;
                    for run in &entry.citation.runs {
                        if run.italic {
                            add(&p, text_element(&document, "i", "", &run.text)?)?;
                        } else {
                            p.append_child(&document.create_text_node(&run.text))?;
                        }
                    }
                    p
                }
                Shape::Code => {
                    let pre = text_element(&document, "pre", "cite-code", &entry.citation.plain())?;
                    pre.set_attribute("translate", "no")?;
                    pre
                }
            };
            text.set_id(&format!("cite-text-{entry_number}"));
            block.append_child(&text)?;
            let button = element(&document, "button", "button cite-copy")?;
            button.set_attribute("type", "button")?;
            button.append_child(&document.create_text_node("Copy"))?;
            add(
                &button,
                text_element(
                    &document,
                    "span",
                    "visually-hidden",
                    &format!(" {} ({})", entry.label, group.heading),
                )?,
            )?;
            block.append_child(&button)?;
            let (plain, name, text, status) = (
                entry.citation.plain(),
                format!("{} ({})", entry.label, group.heading),
                text.clone(),
                status.clone(),
            );
            listen(&mut kept, &button, "click", move |_| {
                let (plain, name, text, status) =
                    (plain.clone(), name.clone(), text.clone(), status.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let message = if write_text(plain).await {
                        format!("Copied: {name}.")
                    } else {
                        select(&text);
                        format!(
                            "Copying is not allowed here. {name} is selected: press Ctrl+C (⌘+C on a Mac) to copy \
                             it."
                        )
                    };
                    status.set_text_content(Some(&message));
                });
            })?;
            section.append_child(&block)?;
        }
        dialog.append_child(&section)?;
    }

    dialog.append_child(&status)?;
    let actions = element(&document, "div", "cite-dialog-actions")?;
    let close = text_element(&document, "button", "button", "Close")?;
    close.set_attribute("type", "button")?;
    actions.append_child(&close)?;
    dialog.append_child(&actions)?;

    let dialog: HtmlDialogElement = dialog.unchecked_into();
    {
        let dialog = dialog.clone();
        listen(&mut kept, &close, "click", move |_| dialog.close())?;
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
