//! The Embed dialog, drawn with the DOM (`crate::dom`) into the element the app hands over: the code that puts the
//! current view, with its filters, into another page, as an iframe (with the loader that sizes it) or as a script
//! embed, each in a read-only box with a Copy button. Where the page may not write the clipboard, the code's box is
//! selected and focused instead and the live region says to press Ctrl+C.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

use summit_core::embed::DEFAULT_FRAME_HEIGHT;

use crate::dom::{
    add, button, clear, document_of, element, listen, live_status, open_modal, text_element,
    write_text,
};
use crate::EmbedCode;

/// One of the dialog's two snippets: its box's id, its label, its note, its Copy button and its name in messages.
struct Snippet {
    id: &'static str,
    label: &'static str,
    note: String,
    copy: &'static str,
    name: &'static str,
}

/// The rows a snippet's box shows: about one a line of 70 characters, from 3 to 8.
pub fn rows(code: &str) -> usize {
    (code.len() / 70 + code.lines().count()).clamp(3, 8)
}

/// Draws the dialog with `code` into `container` and opens it; when it closes it is removed and focus goes back to
/// `opener`.
pub fn open(container: &Element, opener: &HtmlElement, code: &EmbedCode) -> Result<(), JsValue> {
    let document = document_of(container)?;
    let mut kept = Vec::new();
    clear(container);

    let dialog = element(&document, "dialog", "embed-dialog")?;
    dialog.set_attribute("aria-labelledby", "embed-title")?;
    dialog.set_attribute("aria-describedby", "embed-intro")?;
    add(
        &dialog,
        text_element(&document, "h2", "", "Embed this view")?,
    )?
    .set_id("embed-title");
    add(
        &dialog,
        text_element(
            &document,
            "p",
            "",
            "Paste this code into your page’s HTML. It shows this view with its filters; readers can change them \
             inside the frame, and “Open in the full explorer” takes them here.",
        )?,
    )?
    .set_id("embed-intro");
    let status = live_status(&document, "embed-copy-status")?;

    let snippets = [
        (
            Snippet {
                id: "embed-iframe-code",
                label: "Iframe code",
                note: format!(
                    "The script sizes the frame to its content; without it the frame is {DEFAULT_FRAME_HEIGHT} px \
                     tall and scrolls. Include the script once per page."
                ),
                copy: "Copy iframe code",
                name: "The iframe code",
            },
            &code.iframe,
        ),
        (
            Snippet {
                id: "embed-script-code",
                label: "Code without an iframe",
                note: "Draws the explorer straight into your page; each data- attribute holds one setting of this view."
                    .to_string(),
                copy: "Copy code without an iframe",
                name: "The code without an iframe",
            },
            &code.script,
        ),
    ];
    for (n, (snippet, text)) in snippets.into_iter().enumerate() {
        if n == 1 {
            add(
                &dialog,
                text_element(&document, "h3", "", "Without an iframe")?,
            )?;
        }
        let block = add(&dialog, element(&document, "div", "embed-snippet")?)?;
        add(&block, text_element(&document, "label", "", snippet.label)?)?
            .set_attribute("for", snippet.id)?;
        let area: HtmlTextAreaElement =
            add(&block, element(&document, "textarea", "embed-code")?)?.unchecked_into();
        area.set_id(snippet.id);
        area.set_read_only(true);
        area.set_attribute("spellcheck", "false")?;
        area.set_rows(rows(text) as u32);
        area.set_value(text);
        let note_id = format!("{}-note", snippet.id.trim_end_matches("-code"));
        area.set_attribute("aria-describedby", &note_id)?;
        add(
            &block,
            text_element(&document, "p", "embed-note", &snippet.note)?,
        )?
        .set_id(&note_id);
        let copy = add(&block, button(&document, "button", snippet.copy)?)?;
        let (text, name, area, status) = (text.clone(), snippet.name, area.clone(), status.clone());
        listen(&mut kept, &copy, "click", move |_| {
            let (text, area, status) = (text.clone(), area.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let message = if write_text(text).await {
                    format!("{name} is copied. Paste it into your page’s HTML.")
                } else {
                    let _ = area.focus();
                    area.select();
                    format!(
                        "Copying is not allowed here. {name} is selected: press Ctrl+C (⌘+C on a Mac) to copy it, or \
                         copy it from the box by hand."
                    )
                };
                status.set_text_content(Some(&message));
            });
        })?;
    }

    dialog.append_child(&status)?;
    let actions = add(&dialog, element(&document, "div", "embed-dialog-actions")?)?;
    let close = add(&actions, button(&document, "button", "Close")?)?;
    open_modal(container, opener, dialog, &close, kept)
}
