//! The script embed, for host pages that include the explorer without an iframe
//! (`<div data-summit-fruits data-view="matrix"></div>` and `<script type="module" src=".../summit-fruits-embed.js">`).
//!
//! It writes into the staging folder:
//! - `summit-fruits-embed-HASH.css`: the page's stylesheets (in the order index.html links them, then the on-demand
//!   views' stylesheet) scoped for a shadow root: `:root`, `html` and `body` become the mount element `.embed-root`, `rem` becomes `px` (a host's root font
//!   size must not scale the explorer), and `:host` is reset (`all: initial`) so the host's inherited fonts and
//!   colours stop at the boundary.
//! - `summit-fruits-embed.js`: the stable entry script, `static/summit-fruits-embed.js` with the hashed names and the
//!   integrity of the wasm-bindgen JS, the wasm, the stylesheet and the on-demand module's JS and wasm filled in.
//! - `summit-fruits-embed-HASH.js`, the same entry under a content-hashed name, and `embed-HASH.js`, the iframe
//!   embed's loader (`static/embed.js`) likewise: a snippet that names them can carry their integrity, since a new
//!   build publishes new names instead of changing these files. The stable names stay for the hosts that use them.
//!
//! It also writes into index.html a `<meta name="summit-fruits:script-embed">` and a `<meta name="summit-fruits:loader">`
//! whose content is "NAME INTEGRITY": the Embed dialog reads them to write its snippets (the wasm is built before
//! this step runs, so it cannot know them).

use super::integrity::{sha384, OnDemand};
use super::{hashed_name, BuiltApp, Staging};
use crate::html;

/// The entry script, with a `{{…}}` placeholder for each value this step fills in.
const ENTRY_TEMPLATE: &str = include_str!("../../../static/summit-fruits-embed.js");

/// The rules before the scoped stylesheets: the host element reset, the mount element a block.
const RESET: &str = "/* Summit Fruits script embed: the page's stylesheets scoped to a shadow root (cargo xtask postbuild). */
:host { all: initial !important; display: block !important; }
:host([hidden]) { display: none !important; }
.embed-root { display: block; text-align: start; }
.embed-root[hidden] { display: none; }
";

/// Writes the files and the `<meta>` elements; returns a line that names what it wrote.
pub fn write(staging: &Staging, app: &BuiltApp, on_demand: &OnDemand) -> Result<String, String> {
    let page = staging.read_text("index.html")?;
    let mut sheets = stylesheets(&page)?;
    if sheets.is_empty() {
        return Err("found no <link rel=\"stylesheet\"> in index.html".into());
    }
    // An embed's views are styled from the start: its stylesheet has the on-demand views' rules too.
    sheets.push(on_demand.css.clone());
    let mut css = RESET.to_string();
    for (i, sheet) in sheets.iter().enumerate() {
        if !staging.has(sheet) {
            return Err(format!(
                "index.html links {sheet}, which is not in the staging folder"
            ));
        }
        if i > 0 {
            css.push('\n');
        }
        css.push_str(&scope(&staging.read_text(sheet)?));
    }
    if let Some(leftover) = unscoped(&css) {
        return Err(format!(
            "the scoped stylesheet still has {leftover:?}; teach script_embed::scope about it"
        ));
    }
    let css_name = hashed_name("summit-fruits-embed", css.as_bytes(), "css");
    staging.write(&css_name, &css)?;

    let json = |text: &str| serde_json::to_string(text).expect("a string is JSON");
    let integrity = format!(
        r#"{{"bindgen":{},"wasm":{},"stylesheet":{},"ondemandJs":{},"ondemandWasm":{}}}"#,
        json(&sha384(&staging.read(&app.js)?)),
        json(&sha384(&staging.read(&app.wasm)?)),
        json(&sha384(css.as_bytes())),
        json(&on_demand.js_integrity),
        json(&on_demand.wasm_integrity),
    );
    let entry = fill(
        ENTRY_TEMPLATE,
        &[
            ("{{BINDGEN_PATH}}", &json(&format!("./{}", app.js))),
            ("{{WASM_PATH}}", &json(&format!("./{}", app.wasm))),
            ("{{STYLESHEET_PATH}}", &json(&format!("./{css_name}"))),
            (
                "{{ONDEMAND_JS_PATH}}",
                &json(&format!("./{}", on_demand.js)),
            ),
            (
                "{{ONDEMAND_WASM_PATH}}",
                &json(&format!("./{}", on_demand.wasm)),
            ),
            ("{{INTEGRITY}}", &integrity),
        ],
    )?;
    staging.write("summit-fruits-embed.js", &entry)?;
    let entry_name = hashed_name("summit-fruits-embed", entry.as_bytes(), "js");
    staging.write(&entry_name, &entry)?;

    // The iframe embed's loader, copied to the staging folder by index.html's <link data-trunk rel="copy-file">.
    if !staging.has("embed.js") {
        return Err("embed.js (static/embed.js) is not in the staging folder".into());
    }
    let loader = staging.read("embed.js")?;
    let loader_name = hashed_name("embed", &loader, "js");
    staging.write(&loader_name, &loader)?;

    let metas = format!(
        "  <meta name=\"summit-fruits:script-embed\" content=\"{entry_name} {}\">\n  <meta name=\"summit-fruits:loader\" content=\"{loader_name} {}\">\n</head>",
        sha384(entry.as_bytes()),
        sha384(&loader)
    );
    staging.write("index.html", html::replace_once(&page, "</head>", &metas)?)?;
    Ok(format!(
        "summit-fruits-embed.js and {entry_name} ({}, {}), {css_name} from {}, {loader_name}",
        app.js,
        app.wasm,
        sheets.join(", ")
    ))
}

/// The file names of the page's stylesheets in the staging folder, in the page's order.
fn stylesheets(page: &str) -> Result<Vec<String>, String> {
    Ok(html::tags(page, "link")?
        .iter()
        .filter(|link| link.get("rel") == Some("stylesheet"))
        .filter_map(|link| {
            let href = link.get("href")?;
            let name = href.strip_prefix("./").unwrap_or(href);
            (name.len() > ".css".len() && name.ends_with(".css") && !name.contains('/'))
                .then(|| name.to_string())
        })
        .collect())
}

/// `template` with each placeholder, which must be there exactly once, replaced by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> Result<String, String> {
    let mut text = template.to_string();
    for (placeholder, value) in values {
        text = html::replace_once(&text, placeholder, value)
            .map_err(|e| format!("static/summit-fruits-embed.js: {e}"))?;
    }
    Ok(text)
}

/// One of the page's stylesheets, rewritten for a shadow root whose mount element is `.embed-root`.
pub fn scope(css: &str) -> String {
    // Tokens: the system's dark scheme applies as on the page; the page's own theme switch is not in an embed.
    let css = css
        .replace(r#":root:not([data-theme="light"])"#, ".embed-root")
        .replace(":root:not([data-theme=light])", ".embed-root")
        .replace(
            r#":root[data-theme="dark"]"#,
            r#".embed-root[data-theme="dark"]"#,
        )
        .replace(
            ":root[data-theme=dark]",
            r#".embed-root[data-theme="dark"]"#,
        );
    let css = replace_root(&css);
    let css = replace_page_elements(&css);
    // rem is the host's root font size; the app is designed for 16px.
    rem_to_px(&css)
}

/// A character that may end a word: ASCII letters, digits and `_` (a regular expression's `\w`).
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// White space as a regular expression's `\s` takes it.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `:root` as a whole word becomes `.embed-root`.
fn replace_root(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find(":root") {
        let after = &rest[at + ":root".len()..];
        out.push_str(&rest[..at]);
        if after.starts_with(is_word) {
            out.push_str(":root");
        } else {
            out.push_str(".embed-root");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Where the element selector `html` or `body` stands alone in a selector list (after the start, `{`, `}`, `,`, `;`
/// or white space, and followed by optional white space and `{` or `,`), whatever a minifier left around it: its
/// byte position and its length.
fn page_elements(css: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (at, _) in css.char_indices() {
        let before = css[..at].chars().next_back();
        if before.is_some_and(|c| !matches!(c, '{' | '}' | ',' | ';') && !is_space(c)) {
            continue;
        }
        for word in ["html", "body"] {
            if let Some(after) = css[at..].strip_prefix(word) {
                if after.trim_start_matches(is_space).starts_with(['{', ',']) {
                    found.push((at, word.len()));
                }
            }
        }
    }
    found
}

fn replace_page_elements(css: &str) -> String {
    let mut edits = Vec::new();
    for (at, length) in page_elements(css) {
        edits.push((at..at + length, ".embed-root".to_string()));
    }
    html::replace_ranges(css, edits)
}

/// Each length in `rem` (a number not glued to a word, `.` or `-` before it, then `rem` as a whole word) in `px`.
fn rem_to_px(css: &str) -> String {
    let bytes = css.as_bytes();
    let mut out = String::with_capacity(css.len());
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let free = at == 0 || {
            let before = css[..at].chars().next_back().expect("not at the start");
            !(is_word(before) || before == '.' || before == '-')
        };
        if free {
            if let Some((length, px)) = rem_length(&css[at..]) {
                out.push_str(&css[copied..at]);
                out.push_str(&px);
                copied = at + length;
                at = copied;
                continue;
            }
        }
        at += css[at..].chars().next().map_or(1, char::len_utf8);
    }
    out.push_str(&css[copied..]);
    out
}

/// A number (`-?\d*\.?\d+`) followed by `rem` and no word character at the start of `text`: its length in bytes and
/// the same length in `px`.
fn rem_length(text: &str) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let whole = digits(i);
    i += whole;
    if bytes.get(i) == Some(&b'.') && digits(i + 1) > 0 {
        i += 1 + digits(i + 1);
    } else if whole == 0 {
        return None;
    }
    let number = &text[..i];
    let after = text[i..].strip_prefix("rem")?;
    if after.starts_with(is_word) {
        return None;
    }
    let value: f64 = number.parse().ok()?;
    Some((i + "rem".len(), format!("{}px", js_number(value * 16.0))))
}

/// A number rounded to three decimals and written in the fewest digits that give it back, as JavaScript writes
/// `+x.toFixed(3)` (no exponent at these sizes, and no `-0`).
fn js_number(value: f64) -> String {
    let rounded: f64 = format!("{value:.3}")
        .parse()
        .expect("a formatted number parses");
    if rounded == 0.0 {
        "0".to_string()
    } else {
        rounded.to_string()
    }
}

/// The first thing [`scope`] should have rewritten and did not: `:root`, a lone `html` or `body` selector, or a
/// length in `rem`.
fn unscoped(css: &str) -> Option<String> {
    if css.contains(":root") {
        return Some(":root".to_string());
    }
    if let Some(&(at, length)) = page_elements(css).first() {
        return Some(css[at..at + length].to_string());
    }
    let bytes = css.as_bytes();
    (1..bytes.len()).find_map(|at| {
        let glued_rem = bytes[at - 1].is_ascii_digit()
            && css[at..].starts_with("rem")
            && !css[at + 3..].starts_with(is_word);
        glued_rem.then(|| format!("{}rem", bytes[at - 1] as char))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_selectors_root_and_page_elements_become_the_mount_element() {
        assert_eq!(
            scope(
                ":root{--a:1}:root:not([data-theme=\"light\"]){--b:2}:root[data-theme=dark]{--c:3}"
            ),
            ".embed-root{--a:1}.embed-root{--b:2}.embed-root[data-theme=\"dark\"]{--c:3}"
        );
        assert_eq!(scope(":rooted{}"), ":rooted{}");
        assert_eq!(
            scope("html,body{margin:0}\nbody {color:red}\n.x body{}\nhtml > p{}\nbody.dark{}"),
            ".embed-root,.embed-root{margin:0}\n.embed-root {color:red}\n.x .embed-root{}\nhtml > p{}\nbody.dark{}"
        );
        assert_eq!(scope("tbody{}"), "tbody{}");
    }

    #[test]
    fn rem_becomes_px_at_sixteen_to_the_rem() {
        assert_eq!(
            scope("a{margin:1rem -.5rem 0.875rem 2.0rem;width:calc(100% - 1.3333rem)}"),
            "a{margin:16px -8px 14px 32px;width:calc(100% - 21.333px)}"
        );
        assert_eq!(
            scope("@container (min-width:53.75rem){}"),
            "@container (min-width:860px){}"
        );
        assert_eq!(scope("a{b:-0rem}"), "a{b:0px}");
        // Not lengths: glued to a word, a dot or a dash, or a longer unit.
        assert_eq!(
            scope(".x1rem{} a-1rem{} 1.2.3rem{} 2rems{}"),
            ".x1rem{} a-1rem{} 1.2.3rem{} 2rems{}"
        );
    }

    #[test]
    fn what_is_left_unscoped_is_found() {
        assert_eq!(unscoped(".embed-root{margin:16px}"), None);
        assert_eq!(unscoped("a:root{}").as_deref(), Some(":root"));
        assert_eq!(unscoped("}body {").as_deref(), Some("body"));
        assert_eq!(unscoped(".x1rem{}").as_deref(), Some("1rem"));
    }

    #[test]
    fn hashed_names_change_with_the_content() {
        assert_eq!(hashed_name("embed", b"", "js"), "embed-e3b0c44298fc1c14.js");
        assert_ne!(
            hashed_name("embed", b"a", "js"),
            hashed_name("embed", b"b", "js")
        );
    }

    #[test]
    fn the_entry_template_has_each_placeholder_once() {
        let entry = fill(
            ENTRY_TEMPLATE,
            &[
                ("{{BINDGEN_PATH}}", "\"./a.js\""),
                ("{{WASM_PATH}}", "\"./a_bg.wasm\""),
                ("{{STYLESHEET_PATH}}", "\"./a.css\""),
                ("{{ONDEMAND_JS_PATH}}", "\"./o.js\""),
                ("{{ONDEMAND_WASM_PATH}}", "\"./o_bg.wasm\""),
                ("{{INTEGRITY}}", "{}"),
            ],
        )
        .unwrap();
        assert!(entry.contains("bindgen: new URL(\"./a.js\", here).href,"));
        assert!(entry.contains("const integrity = {};"));
        assert!(!entry.contains("{{"));
        assert!(fill("{{A}}{{A}}", &[("{{A}}", "")]).is_err());
    }

    #[test]
    fn stylesheets_are_taken_in_the_pages_order() {
        let page = r#"<link rel="icon" href="./i.svg"><link rel="stylesheet" href="./b.css"><link rel="stylesheet" href="./a.css"><link rel="stylesheet" href="https://x/c.css">"#;
        assert_eq!(stylesheets(page).unwrap(), ["b.css", "a.css"]);
    }
}
