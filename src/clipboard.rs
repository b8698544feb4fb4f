//! Copying text to the clipboard, and what the last copy did: copied, or refused where the page may not write to
//! the clipboard (a sandboxed iframe, an insecure page), so that the reader can be offered the text to copy by hand.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// What the last copy did; `T` names what was copied (a link, one of several snippets).
#[derive(Clone, PartialEq)]
pub enum CopyStatus<T> {
    /// Nothing copied yet.
    Idle,
    Copied(T),
    /// The clipboard is not allowed here: the reader copies by hand.
    Refused(T),
}

/// A copy's status, and the way to copy.
pub struct UseCopyHandle<T> {
    status: UseStateHandle<CopyStatus<T>>,
}

impl<T> Clone for UseCopyHandle<T> {
    fn clone(&self) -> Self {
        UseCopyHandle {
            status: self.status.clone(),
        }
    }
}

impl<T: Clone + 'static> UseCopyHandle<T> {
    /// What the last copy did.
    pub fn status(&self) -> &CopyStatus<T> {
        &self.status
    }

    /// Writes `text` to the clipboard and records `what` as copied; when the page may not, runs `when_refused` (to
    /// select the text for copying by hand, say) and records `what` as refused.
    pub fn copy(&self, text: String, what: T, when_refused: impl FnOnce() + 'static) {
        let status = self.status.clone();
        spawn_local(async move {
            if write_text(text).await {
                status.set(CopyStatus::Copied(what));
            } else {
                when_refused();
                status.set(CopyStatus::Refused(what));
            }
        });
    }
}

/// A copy's status, idle at first.
#[hook]
pub fn use_copy<T: Clone + 'static>() -> UseCopyHandle<T> {
    UseCopyHandle {
        status: use_state(|| CopyStatus::Idle),
    }
}

/// Writes `text` to the clipboard; false when the page may not (no clipboard, or the write was refused).
async fn write_text(text: String) -> bool {
    let navigator = gloo::utils::window().navigator();
    // Insecure pages have no clipboard at all; sandboxed iframes reject the write.
    let has_clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(&text))
        .await
        .is_ok()
}
