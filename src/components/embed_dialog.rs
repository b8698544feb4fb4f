//! The Embed dialog: the code that puts the current view, with its filters, into another page, as an iframe (with
//! the loader that sizes it) or as a script embed, each with a Copy button.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use summit_core::embed::{
    iframe_snippet, script_snippet, Published, DEFAULT_FRAME_HEIGHT, LOADER_META, SCRIPT_EMBED_META,
};
use summit_core::state::ViewState;

use crate::clipboard::{use_copy, CopyStatus};
use crate::explorer::use_explorer;
use crate::instance::{use_instance, Instance};

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub state: Rc<ViewState>,
    /// Called once the dialog has closed (Close, Escape).
    pub on_close: Callback<()>,
}

/// Which of the two snippets a copy was about.
#[derive(Clone, Copy, PartialEq)]
enum Snippet {
    Iframe,
    Script,
}

impl Snippet {
    fn textarea_id(self) -> &'static str {
        match self {
            Snippet::Iframe => "embed-iframe-code",
            Snippet::Script => "embed-script-code",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Snippet::Iframe => "The iframe code",
            Snippet::Script => "The code without an iframe",
        }
    }
}

/// What the last Copy did, as the dialog's live region says it.
fn copy_message(status: &CopyStatus<Snippet>) -> String {
    match status {
        CopyStatus::Idle => String::new(),
        CopyStatus::Copied(snippet) => {
            format!("{} is copied. Paste it into your page’s HTML.", snippet.name())
        }
        CopyStatus::Refused(snippet) => format!(
            "Copying is not allowed here. {} is selected: press Ctrl+C (⌘+C on a Mac) to copy it, or copy it from \
             the box by hand.",
            snippet.name()
        ),
    }
}

/// The content-hashed script that the build names in the page's `<meta name="…">`, if it names a valid one (a page
/// built without the post-build hooks names none: the snippets then use the stable names).
fn published(instance: &Instance, meta: &str) -> Option<Published> {
    let element = instance.query_selector(&format!("meta[name=\"{meta}\"]"))?;
    Published::parse(&element.get_attribute("content")?)
}

/// Selects the whole text of a snippet's box and puts focus on it, so that the reader can copy it by hand.
fn select_snippet(textarea: &NodeRef) {
    if let Some(textarea) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
        let _ = textarea.focus();
        textarea.select();
    }
}

/// A modal dialog with the embed code for the current view and filters. It opens on mount (focus moves in); Close
/// and Escape close it and call `on_close`.
#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let explorer = use_explorer();
    let dialog_ref = use_node_ref();
    let iframe_box = use_node_ref();
    let script_box = use_node_ref();
    let copy = use_copy::<Snippet>();

    {
        let dialog_ref = dialog_ref.clone();
        let on_close = props.on_close.clone();
        use_effect_with((), move |_| {
            let listener = dialog_ref
                .cast::<web_sys::HtmlDialogElement>()
                .map(|dialog| {
                    if !dialog.open() {
                        let _ = dialog.show_modal();
                    }
                    EventListener::new(&dialog, "close", move |_| on_close.emit(()))
                });
            move || drop(listener)
        });
    }

    let href = gloo::utils::window().location().href().unwrap_or_default();
    let title = format!("Summit Fruits: {}, explored", explorer.data.article.title);
    let instance = use_instance();
    let iframe_code = iframe_snippet(
        &href,
        &props.state,
        &title,
        published(&instance, LOADER_META).as_ref(),
    );
    let script_code = script_snippet(
        &href,
        &props.state,
        published(&instance, SCRIPT_EMBED_META).as_ref(),
    );

    // A refused copy selects the snippet's box, for copying by hand.
    let copy_button = |snippet: Snippet, code: String, textarea: &NodeRef| {
        let copy = copy.clone();
        let textarea = textarea.clone();
        Callback::from(move |_: MouseEvent| {
            let textarea = textarea.clone();
            copy.copy(code.clone(), snippet, move || select_snippet(&textarea));
        })
    };
    let on_copy_iframe = copy_button(Snippet::Iframe, iframe_code.clone(), &iframe_box);
    let on_copy_script = copy_button(Snippet::Script, script_code.clone(), &script_box);
    let on_close = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let rows = |code: &str| {
        (code.len() / 70 + code.lines().count())
            .clamp(3, 8)
            .to_string()
    };

    html! {
        <dialog ref={dialog_ref} class="embed-dialog" aria-labelledby="embed-title" aria-describedby="embed-intro">
            <h2 id="embed-title">{ "Embed this view" }</h2>
            <p id="embed-intro">
                { "Paste this code into your page’s HTML. It shows this view with its filters; readers can change them \
                   inside the frame, and “Open in the full explorer” takes them here." }
            </p>
            <div class="embed-snippet">
                <label for={Snippet::Iframe.textarea_id()}>{ "Iframe code" }</label>
                <textarea ref={iframe_box} id={Snippet::Iframe.textarea_id()} class="embed-code" readonly=true spellcheck="false"
                    rows={rows(&iframe_code)} value={iframe_code.clone()} aria-describedby="embed-iframe-note" />
                <p id="embed-iframe-note" class="embed-note">
                    { format!("The script sizes the frame to its content; without it the frame is {DEFAULT_FRAME_HEIGHT} px tall and scrolls. Include the script once per page.") }
                </p>
                <button type="button" class="button" onclick={on_copy_iframe}>{ "Copy iframe code" }</button>
            </div>
            <h3>{ "Without an iframe" }</h3>
            <div class="embed-snippet">
                <label for={Snippet::Script.textarea_id()}>{ "Code without an iframe" }</label>
                <textarea ref={script_box} id={Snippet::Script.textarea_id()} class="embed-code" readonly=true spellcheck="false"
                    rows={rows(&script_code)} value={script_code.clone()} aria-describedby="embed-script-note" />
                <p id="embed-script-note" class="embed-note">
                    { "Draws the explorer straight into your page; each data- attribute holds one setting of this view." }
                </p>
                <button type="button" class="button" onclick={on_copy_script}>{ "Copy code without an iframe" }</button>
            </div>
            <p class="embed-copy-status" role="status" aria-live="polite">
                { copy_message(copy.status()) }
            </p>
            <div class="embed-dialog-actions">
                <button type="button" class="button" onclick={on_close}>{ "Close" }</button>
            </div>
        </dialog>
    }
}
