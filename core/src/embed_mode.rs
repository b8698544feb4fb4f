//! The explorer's embed mode, derived in one place: on its own page, embedded in another page by an iframe (the page
//! opened with `embed=1`), or drawn into a host page's element by the script embed.

use crate::state::ViewState;

/// Where and how the explorer is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedMode {
    /// The explorer's own page: header, footer, data-set bar, state in the address.
    #[default]
    Page,
    /// The page opened with `embed=1` (`?embed=1`, as the Embed dialog's iframe code writes it, or `#embed=1`): no
    /// page chrome, links out in a new tab and, inside a frame, its height reported to the host page.
    Frame,
    /// A script embed in a host page's element: as a frame, and its state kept to itself (never the host's address).
    Script,
}

impl EmbedMode {
    /// The mode of an instance: `script_embed` when a host page's element holds it; otherwise `embed=1` in the
    /// fragment (`fragment_embed`, as the fragment's parser read it) or in the query string `search` makes a frame.
    pub fn of(script_embed: bool, fragment_embed: bool, search: &str) -> EmbedMode {
        if script_embed {
            EmbedMode::Script
        } else if fragment_embed || query_asks_embed(search) {
            EmbedMode::Frame
        } else {
            EmbedMode::Page
        }
    }

    /// The mode of an instance whose state is read already: its `embed` holds what the address asked.
    pub fn of_state(script_embed: bool, state: &ViewState) -> EmbedMode {
        EmbedMode::of(script_embed, state.embed, "")
    }

    /// True in a frame or a script embed: no page chrome, and links that leave the explorer open a new tab.
    pub fn is_embedded(self) -> bool {
        self != EmbedMode::Page
    }
}

/// True when a query string (`?a=b&embed=1`, the `?` optional) has the pair `embed=1`.
pub fn query_asks_embed(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "embed=1")
}
