//! The colour theme: follow the system, or a light or dark choice remembered where storage is allowed.

const STORAGE_KEY: &str = "summit-fruits-theme";

summit_core::keyed_enum! {
    /// The reader's choice of theme.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Theme {
        System = ("system", "Follow the system"),
        Light = ("light", "Light"),
        Dark = ("dark", "Dark"),
    }
}

/// Storage may be missing or throw (a sandboxed iframe, private modes): then the choice lasts for the page only.
fn storage() -> Option<web_sys::Storage> {
    // Nor is there any on the server, which draws the page at build time.
    if !crate::prerender::IN_BROWSER {
        return None;
    }
    gloo::utils::window().local_storage().ok().flatten()
}

/// The remembered theme, or System.
pub fn saved_theme() -> Theme {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|id| Theme::from_id(&id))
        .unwrap_or(Theme::System)
}

/// Applies a theme to the page and remembers it when storage allows.
pub fn apply_theme(theme: Theme) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.id()),
        };
    }
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, theme.id());
    }
}
