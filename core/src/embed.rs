//! Embedding the explorer in other pages, as strings and states: a script embed's `data-*` options read into a view
//! state, the links from an embedded explorer to the full one, the Embed dialog's iframe and script snippets (with
//! the content-hashed scripts the build publishes, [`Published`]). What a page in an iframe tells its host (its height)
//! and where its dialogs open are the frame helper's, `static/frame-helper.js`.
//!
//! Script embed options: each `data-<key>` attribute of `<div data-summit-fruits data-view="matrix" data-cat="risk">`
//! is one key of the URL fragment (see [`crate::url`]) with the same value syntax, except that values are plain text
//! rather than percent-encoded (`data-q="new start"`); lists stay comma-separated. The attributes are turned into a
//! fragment and read by [`parse_fragment`], so a bad value is dropped with the same notice an address would get, and
//! nothing panics. [`script_snippet`] writes them the same way.
//!
//! Iframe embed: everything is plain string building from the page's address and the [`ViewState`]; the Embed
//! dialog and the embedded page only show or send what these functions return.

use crate::state::ViewState;
use crate::url::{decode_value, encode, is_key, parse_fragment, to_fragment, KnownIds, UrlNotice};

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

/// The state as the embed snippets carry it: everything the reader chose, but never the embed switch itself
/// (the iframe's address says `?embed=1` once, in its query).
fn shared_state(state: &ViewState) -> ViewState {
    ViewState {
        embed: false,
        ..state.clone()
    }
}

/// The address of the full explorer showing `state`: `app` (the app's `index.html`, absolute or relative; any
/// fragment it has is replaced) with the state's fragment, without the embed flag.
pub fn full_explorer_link(app: &str, state: &ViewState) -> String {
    let base = app.split_once('#').map_or(app, |(before, _)| before);
    let fragment = to_fragment(&shared_state(state));
    if fragment.is_empty() {
        base.to_string()
    } else {
        format!("{base}#{fragment}")
    }
}

/// The full explorer's page of the item `id`: `app` (the app's `index.html`, absolute or relative) with its file name
/// replaced by the item page's folder.
pub fn full_explorer_item_page(app: &str, id: &str) -> String {
    let base = app.split(['#', '?']).next().unwrap_or(app);
    let folder = base.rfind('/').map_or("", |slash| &base[..=slash]);
    format!("{folder}{}", crate::url::item_page_path(id))
}

// ---------- The iframe embed and the Embed dialog ----------

/// The attribute that marks an iframe as the explorer's, for the loader script (`embed.js`) to size.
pub const FRAME_ATTRIBUTE: &str = "data-summit-fruits-frame";

/// The loader script published beside the app: it sizes every marked iframe to the height its page reports.
pub const LOADER_FILE: &str = "embed.js";

/// The script that draws the explorer into a page without an iframe.
pub const SCRIPT_EMBED_FILE: &str = "summit-fruits-embed.js";

/// The iframe's height in CSS pixels before (or without) the loader script.
pub const DEFAULT_FRAME_HEIGHT: u32 = 800;

/// The page's address without its query and fragment: the base every snippet and link is built on.
///
/// `https://example.org/tools/summit/?embed=1#view=matrix` gives `https://example.org/tools/summit/`.
pub fn page_base(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    &href[..end]
}

/// The address of a file published beside the page: `name` resolved against the folder of `base`, as a relative
/// link in the page would be (`…/summit/` and `…/summit/index.html` both give `…/summit/embed.js`).
pub fn sibling_url(base: &str, name: &str) -> String {
    let base = page_base(base);
    // The slashes of `scheme://` belong to no folder: `https://example.org` has the folder `https://example.org/`.
    let path_start = base.find("://").map_or(0, |i| i + 3);
    match base[path_start..].rfind('/') {
        Some(slash) => format!("{}{name}", &base[..path_start + slash + 1]),
        None => format!("{base}/{name}"),
    }
}

/// The address of the full explorer (no embed) showing `state`: what "Open in the full explorer" links to.
pub fn full_explorer_url(href: &str, state: &ViewState) -> String {
    full_explorer_link(page_base(href), state)
}

/// The address the iframe opens: `BASE?embed=1#FRAGMENT`, with `embed=1` exactly once whatever `href` held.
pub fn frame_url(href: &str, state: &ViewState) -> String {
    let base = page_base(href);
    let fragment = to_fragment(&shared_state(state));
    if fragment.is_empty() {
        format!("{base}?embed=1")
    } else {
        format!("{base}?embed=1#{fragment}")
    }
}

/// Escapes text for a double-quoted HTML attribute value; also safe between tags and in XML (the exported SVG).
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The `name` of the `<meta>` element in which the build names the loader's content-hashed copy and its integrity.
pub const LOADER_META: &str = "summit-fruits:loader";

/// The `name` of the `<meta>` element in which the build names the script embed's content-hashed entry and its
/// integrity.
pub const SCRIPT_EMBED_META: &str = "summit-fruits:script-embed";

/// A script published beside the page under a name that holds a hash of its content, with its Subresource Integrity
/// hash: a snippet that loads it by that name and with that hash runs exactly the file it was written for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The file's name, beside the page (`embed-0123456789abcdef.js`).
    pub name: String,
    /// Its integrity, `sha384-` and the base64 of its SHA-384.
    pub integrity: String,
}

impl Published {
    /// Reads the `content` of a `<meta>` element the build writes: the file's name, a space, its integrity. Anything
    /// else (a path, a name that is not a `.js` file, another hash function, base64 of the wrong length) gives `None`,
    /// and the snippets then fall back to the stable names, without integrity.
    pub fn parse(content: &str) -> Option<Self> {
        let (name, integrity) = content.trim().split_once(' ')?;
        let plain_name = name.len() > 3
            && name.ends_with(".js")
            && !name.starts_with('.')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
        let digest = integrity.strip_prefix("sha384-")?;
        // 48 bytes of SHA-384 are 64 base64 characters, without padding.
        let base64 = digest.len() == 64
            && digest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
        (plain_name && base64).then(|| Published {
            name: name.to_string(),
            integrity: integrity.to_string(),
        })
    }

    /// The attributes of a `<script>` that loads this file from beside `href`: its address, its integrity, and
    /// `crossorigin` (a script from another origin is checked only when fetched with CORS).
    fn script_attributes(&self, href: &str) -> String {
        format!(
            "src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\"",
            escape_attribute(&sibling_url(href, &self.name)),
            escape_attribute(&self.integrity)
        )
    }
}

/// The `src` attribute of a `<script>` for the file published beside `href` under `stable`, or for `hashed` (with
/// its integrity and `crossorigin`) when the build named one.
fn script_source(href: &str, stable: &str, hashed: Option<&Published>) -> String {
    match hashed {
        Some(file) => file.script_attributes(href),
        None => format!("src=\"{}\"", escape_attribute(&sibling_url(href, stable))),
    }
}

/// The iframe embed for `state`: the frame, marked for the loader, then the loader script, on two lines.
///
/// `href` is the page's current address; `title` names the frame for assistive technology; `loader` is the loader's
/// content-hashed copy (then the script carries its integrity), or `None` for the stable `embed.js`.
pub fn iframe_snippet(
    href: &str,
    state: &ViewState,
    title: &str,
    loader: Option<&Published>,
) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" {FRAME_ATTRIBUTE} width=\"100%\" height=\"{DEFAULT_FRAME_HEIGHT}\" \
         loading=\"lazy\" allow=\"clipboard-write\"></iframe>\n<script {loader} async></script>",
        src = escape_attribute(&frame_url(href, state)),
        title = escape_attribute(title),
        loader = script_source(href, LOADER_FILE, loader),
    )
}

/// The settings of `state` as `(key, value)` pairs, one per key of its fragment, in the fragment's order, with the
/// values as plain text (not percent-encoded): `[("view", "matrix"), ("cat", "low-hanging,risk")]`. Never `embed`.
pub fn state_settings(state: &ViewState) -> Vec<(String, String)> {
    let fragment = to_fragment(&shared_state(state));
    fragment
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter_map(|pair| pair.split_once('='))
        .map(|(key, value)| (key.to_string(), decode_value(value)))
        .collect()
}

/// The script embed for `state`: an element whose `data-<key>` attributes hold the view state, then the module
/// script that draws the explorer into it: its content-hashed `entry` with its integrity, or, when `None`, the stable
/// `summit-fruits-embed.js`.
pub fn script_snippet(href: &str, state: &ViewState, entry: Option<&Published>) -> String {
    let mut element = format!("<div {MARKER_ATTRIBUTE}");
    for (key, value) in state_settings(state) {
        element.push_str(&format!(" data-{key}=\"{}\"", escape_attribute(&value)));
    }
    element.push_str("></div>");
    format!(
        "{element}\n<script type=\"module\" {}></script>",
        script_source(href, SCRIPT_EMBED_FILE, entry)
    )
}
