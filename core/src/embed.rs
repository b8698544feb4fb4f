//! The script embed's options: a host page's `<div data-summit-fruits data-view="matrix" data-cat="risk">` read
//! into a view state, and the link from an embedded explorer to the full one.
//!
//! Each `data-<key>` attribute is one key of the URL fragment (see [`crate::url`]) with the same value syntax, except
//! that values are plain text rather than percent-encoded (`data-q="new start"`); lists stay comma-separated. The
//! attributes are turned into a fragment and read by [`parse_fragment`], so a bad value is dropped with the same
//! notice an address would get, and nothing panics.

use crate::state::ViewState;
use crate::url::{encode, is_key, parse_fragment, to_fragment, KnownIds, UrlNotice};

/// The attribute that marks an element of a host page as a place for the explorer.
pub const MARKER_ATTRIBUTE: &str = "data-summit-fruits";

/// The fragment keys an embed may set as `data-<key>` (`embed` is implied, so it is not one of them).
pub fn is_option_key(key: &str) -> bool {
    key != "embed" && is_key(key)
}

/// Reads an embed element's attributes (name, value) into the state the explorer starts with, with a notice for
/// every attribute or value it could not use. Attributes not starting with `data-` (`class`, `id`, `style`) and the
/// marker itself are not options and are skipped silently; names are compared in lower case, as HTML stores them.
/// The state is always `embed`: no page header, no data-source bar.
pub fn parse_embed_attributes<'a>(
    attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    known: &KnownIds,
) -> (ViewState, Vec<UrlNotice>) {
    let mut unknown = Vec::new();
    let mut fragment = String::new();
    for (name, value) in attributes {
        let name = name.to_ascii_lowercase();
        if name == MARKER_ATTRIBUTE {
            continue;
        }
        let Some(key) = name.strip_prefix("data-") else {
            continue;
        };
        if !is_option_key(key) {
            let notice = UrlNotice(format!("Ignored unknown attribute \"{name}\"."));
            if !unknown.contains(&notice) {
                unknown.push(notice);
            }
            continue;
        }
        if !fragment.is_empty() {
            fragment.push('&');
        }
        fragment.push_str(key);
        fragment.push('=');
        // Commas separate the values of a list, so they stay as they are; every other character is encoded, so
        // that `&`, `=`, `+` and `%` in a value mean themselves.
        let parts: Vec<String> = value.split(',').map(encode).collect();
        fragment.push_str(&parts.join(","));
    }
    let (mut state, notices) = parse_fragment(&fragment, known);
    state.embed = true;
    unknown.extend(notices);
    (state, unknown)
}

/// The address of the full explorer showing `state`: `app` (the app's `index.html`, absolute or relative; any
/// fragment it has is replaced) with the state's fragment, without the embed flag.
pub fn full_explorer_link(app: &str, state: &ViewState) -> String {
    let base = app.split_once('#').map_or(app, |(before, _)| before);
    let fragment = to_fragment(&ViewState {
        embed: false,
        ..state.clone()
    });
    if fragment.is_empty() {
        base.to_string()
    } else {
        format!("{base}#{fragment}")
    }
}
