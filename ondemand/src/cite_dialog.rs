//! The Cite dialog, drawn with the DOM into the element the app hands over (inside the explorer's own root, so that
//! in a script embed it is in the instance's shadow root and styled by its stylesheet).
//!
//! The page's Content-Security-Policy allows no inline style and its Trusted Types policy no HTML from strings, so
//! every element is made with `createElement` and filled with `textContent`; the look comes from classes in
//! `static/embed-frame.css`. A modal `<dialog>`: focus moves in when it opens, Escape or Close closes it, and focus
//! goes back to the button that opened it. Copy writes a citation as plain text; where the page may not write the
//! clipboard (a sandboxed frame, an insecure page) the citation is selected instead and the live region says to press
//! Ctrl+C, as the app's own copies do (`src/clipboard.rs`).

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::cite::{CiteContent, Shape};
use crate::dom::{
    add, button, clear, document_of, element, listen, live_status, open_modal, select,
    text_element, write_text,
};

/// Draws the dialog for `content` into `container` and opens it; when it closes it is removed and focus goes back to
/// `opener`.
pub fn open(
    container: &Element,
    opener: &HtmlElement,
    content: &CiteContent,
) -> Result<(), JsValue> {
    let document = document_of(container)?;
    let mut kept = Vec::new();
    clear(container);

    let dialog = element(&document, "dialog", "cite-dialog")?;
    dialog.set_attribute("aria-labelledby", "cite-title")?;
    dialog.set_attribute("aria-describedby", "cite-intro")?;
    add(&dialog, text_element(&document, "h2", "", &content.title)?)?.set_id("cite-title");
    add(
        &dialog,
        text_element(&document, "p", "cite-intro", &content.intro)?,
    )?
    .set_id("cite-intro");

    let status = live_status(&document, "cite-status")?;

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
            let copy = button(&document, "button cite-copy", "Copy")?;
            add(
                &copy,
                text_element(
                    &document,
                    "span",
                    "visually-hidden",
                    &format!(" {} ({})", entry.label, group.heading),
                )?,
            )?;
            block.append_child(&copy)?;
            let (plain, name, text, status) = (
                entry.citation.plain(),
                format!("{} ({})", entry.label, group.heading),
                text.clone(),
                status.clone(),
            );
            listen(&mut kept, &copy, "click", move |_| {
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
    let close = button(&document, "button", "Close")?;
    actions.append_child(&close)?;
    dialog.append_child(&actions)?;
    open_modal(container, opener, dialog, &close, kept)
}
