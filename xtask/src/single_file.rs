//! `cargo xtask build --single-file`: the release bundle as one self-contained HTML file that opens from disk.
//!
//! The style sheets become one `<style>`, the icon a `data:` address, and the wasm-bindgen JS, the wasm (in base64)
//! and the page's own start script (`static/boot.js`, told to use the wasm in the page) one inline module script; the
//! data sets are already compiled into the wasms. The on-demand module (named by `<meta name="summit-fruits:ondemand">`)
//! becomes a second inline module script before it, its JS and wasm likewise, which provides the module to the app
//! from the page; the frame helper (named by `<meta name="summit-fruits:frame">`) joins the app's script. The page
//! keeps a strict Content-Security-Policy: the inline scripts and style are allowed by their SHA-256 hashes, and no
//! address at all may be contacted.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::html;

/// Where the file is written, under the workspace root.
pub const OUT_DIR: &str = "dist-single";
/// The file's name.
pub const FILE_NAME: &str = "summit-fruits.html";

/// The marker the app reads (`data_source::is_single_file`) to know there is no server beside the page.
const MARKER: &str = r#"<meta name="summit-fruits-build" content="single-file">"#;

/// The app in the page, for `static/boot.js`, which the single file inlines after this: it decodes the wasm from
/// base64 instead of fetching it. It follows the wasm-bindgen JS in the same module, so it calls `__wbg_init` directly.
const INLINE_APP: &str = r#"
// Summit Fruits, single file: the wasm is in this page (base64), so nothing is fetched.
async function startInlineApp() {
  const binary = atob(SUMMIT_WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  const instance = await __wbg_init({ module_or_path: bytes });
  return { bindings: { default: __wbg_init, initSync }, instance };
}
"#;

/// The on-demand module in the page: after its wasm-bindgen JS in a module of its own, it provides the app's loader
/// (`src/ondemand.rs`) with a function that decodes its wasm from base64 and returns its exports (`EXPORTS` is the list
/// of their names). `static/boot.js` keeps a provider that is already there.
const INLINE_ON_DEMAND: &str = r#"
// Summit Fruits, single file: the on-demand module's wasm is in this page (base64), so nothing is fetched.
globalThis[Symbol.for('summit-fruits:ondemand')] = async () => {
  const binary = atob(SUMMIT_ONDEMAND_WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  await __wbg_init({ module_or_path: bytes });
  return { EXPORTS };
};
"#;

/// The page's `<meta>` that names the on-demand module (xtask/src/postbuild/integrity.rs).
const ON_DEMAND_META: &str = "summit-fruits:ondemand";

/// The page's `<meta>` that names the frame helper (xtask/src/postbuild/integrity.rs).
const FRAME_HELPER_META: &str = "summit-fruits:frame";

/// The names of the functions a wasm-bindgen JS module exports (`export function NAME(`).
fn exported_functions(js: &str) -> Vec<&str> {
    js.match_indices("export function ")
        .filter_map(|(at, found)| {
            let rest = &js[at + found.len()..];
            let end = rest.find('(')?;
            let name = &rest[..end];
            (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
                .then_some(name)
        })
        .collect()
}

/// Builds the single file from the release bundle in `dist` and writes it to `out_dir`; returns its path.
pub fn write(dist: &Path, out_dir: &Path) -> Result<PathBuf, String> {
    let index = fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
    let html = inline_bundle(&index, |href| {
        let name = href.strip_prefix("./").unwrap_or(href);
        if name.contains("..") || name.contains('/') || name.contains(':') {
            return Err(format!("{href} is not a file of the bundle"));
        }
        fs::read(dist.join(name)).map_err(|e| format!("cannot read {name} in the bundle: {e}"))
    })?;
    fs::create_dir_all(out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let path = out_dir.join(FILE_NAME);
    fs::write(&path, &html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!(
        "wrote {}: {} bytes, {} bytes gzipped",
        path.display(),
        html.len(),
        crate::size::gzip_len(html.as_bytes())
    );
    Ok(path)
}

/// A CSP hash source for an inline script or style: `'sha256-…'` of its exact text.
pub fn hash_source(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The single file's policy: the inline scripts and the one inline style by hash, the wasm compiled from bytes,
/// images only from `data:` addresses (the icon, the matrix's PNG export), nothing from any address, and no string
/// into an HTML or script sink (Trusted Types with no policy: the app writes the DOM node by node).
pub fn content_security_policy(scripts: &[&str], style: &str) -> String {
    let scripts: Vec<String> = scripts.iter().map(|s| hash_source(s)).collect();
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; connect-src 'none'; \
         font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; \
         require-trusted-types-for 'script'; trusted-types 'none'",
        scripts.join(" "),
        hash_source(style)
    )
}

/// Text for inside a `<script>` or `<style>` element: line ends as the HTML parser will see them (so the hash
/// matches), refused if it could end the element early or put the parser in an escaping state.
fn raw_text(text: &str, element: &str) -> Result<String, String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lower = text.to_ascii_lowercase();
    if lower.contains(&format!("</{element}")) || lower.contains("<!--") {
        return Err(format!(
            "the inlined {element} contains `</{element}` or `<!--`, which would break the page"
        ));
    }
    Ok(text)
}

/// The bundle's index.html with everything it loads written into it. `read` gives the bytes of a file of the bundle
/// by the `href` or `src` the page names it with.
pub fn inline_bundle(
    index: &str,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let read_text = |href: &str| {
        String::from_utf8(read(href)?).map_err(|_| format!("{href} is not UTF-8 text"))
    };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();

    // The policy: replaced once the script and style are known.
    let csp = html::tags(index, "meta")?
        .into_iter()
        .find(|t| {
            t.get("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
        })
        .ok_or("index.html has no Content-Security-Policy <meta>")?;

    let mut styles = Vec::new();
    let mut first_style: Option<Range<usize>> = None;
    let mut bindgen = None;
    let mut wasm = None;
    for link in html::tags(index, "link")? {
        let href = link
            .get("href")
            .ok_or("a <link> without href in index.html")?;
        match link.get("rel").unwrap_or_default() {
            "stylesheet" => {
                styles.push(read_text(href)?);
                match first_style {
                    None => first_style = Some(link.range()),
                    Some(_) => edits.push((link.range(), String::new())),
                }
            }
            "icon" => {
                let kind = if href.ends_with(".svg") {
                    "image/svg+xml"
                } else {
                    "image/png"
                };
                let data = format!("data:{kind};base64,{}", BASE64.encode(read(href)?));
                edits.push((link.range(), format!(r#"<link rel="icon" href="{data}">"#)));
            }
            "modulepreload" if link.get("data-summit") == Some("bindgen") => {
                bindgen = Some(read_text(href)?);
                edits.push((link.range(), String::new()));
            }
            "preload" if link.get("data-summit") == Some("wasm") => {
                wasm = Some(read(href)?);
                edits.push((link.range(), String::new()));
            }
            // The published page's address: the single file is not at it.
            "canonical" => edits.push((link.range(), String::new())),
            other => {
                return Err(format!(
                    "index.html links {href} as {other:?}, which the single file cannot inline"
                ))
            }
        }
    }
    let bindgen = bindgen.ok_or("index.html has no wasm-bindgen modulepreload link")?;

    // The on-demand module, named by a <meta>: its JS and wasm go into a script of their own.
    let on_demand_meta = html::tags(index, "meta")?
        .into_iter()
        .find(|t| t.get("name") == Some(ON_DEMAND_META))
        .ok_or("index.html has no <meta name=\"summit-fruits:ondemand\">")?;
    let named: Vec<&str> = on_demand_meta
        .get("content")
        .unwrap_or_default()
        .split(' ')
        .collect();
    let [on_demand_js, _, on_demand_wasm, _, on_demand_css, _] = named.as_slice() else {
        return Err(
            "the <meta name=\"summit-fruits:ondemand\"> does not name a JS, a wasm and a CSS file"
                .into(),
        );
    };
    // The single file is one page with nothing to fetch: the on-demand views' rules join the page's inline style.
    styles.push(read_text(on_demand_css)?);
    let on_demand_js = read_text(on_demand_js)?;
    let on_demand_wasm = read(on_demand_wasm)?;
    let exports = exported_functions(&on_demand_js);
    if !on_demand_js.contains("__wbg_init as default") || exports.is_empty() {
        return Err(
            "the on-demand module's JS is not wasm-bindgen's web module with its exports".into(),
        );
    }
    edits.push((on_demand_meta.range(), String::new()));

    // The frame helper, named by a <meta>: its text joins the app's script, where boot.js finds its `startFrame`.
    let frame_meta = html::tags(index, "meta")?
        .into_iter()
        .find(|t| t.get("name") == Some(FRAME_HELPER_META))
        .ok_or("index.html has no <meta name=\"summit-fruits:frame\">")?;
    let frame_js = frame_meta
        .get("content")
        .unwrap_or_default()
        .split(' ')
        .next()
        .filter(|js| !js.is_empty())
        .ok_or("the <meta name=\"summit-fruits:frame\"> does not name a file")?;
    let frame_js = read_text(frame_js)?;
    if !frame_js.contains("export function startFrame(") {
        return Err("the frame helper does not export startFrame".into());
    }
    edits.push((frame_meta.range(), String::new()));
    let wasm = wasm.ok_or("index.html has no wasm preload link")?;
    let first_style = first_style.ok_or("index.html has no style sheet")?;
    if !bindgen.contains("__wbg_init as default") {
        return Err(
            "the wasm-bindgen JS does not export __wbg_init as default; the start logic needs it"
                .into(),
        );
    }

    // JSON-LD describes the published page for search engines: the single file, opened from disk, leaves it out.
    let (linked_data, script_tags): (Vec<html::Tag>, Vec<html::Tag>) = html::tags(index, "script")?
        .into_iter()
        .partition(|tag| tag.get("type") == Some("application/ld+json"));
    for block in linked_data {
        let end =
            html::element_end(index, &block, "script").ok_or("a JSON-LD <script> is not closed")?;
        edits.push((block.start..end, String::new()));
    }
    let [boot] = script_tags.as_slice() else {
        return Err(format!(
            "index.html has {} <script> tags; expected boot.js only",
            script_tags.len()
        ));
    };
    let boot_js = read_text(boot.get("src").ok_or("the boot.js <script> has no src")?)?;
    let boot_close =
        html::element_end(index, boot, "script").ok_or("the boot.js <script> is not closed")?;

    let style = raw_text(&styles.join("\n"), "style")?;
    let script = raw_text(
        &format!(
            "{bindgen}\nconst SUMMIT_WASM_BASE64 = \"{}\";\n{INLINE_APP}\n{frame_js}\n{boot_js}",
            BASE64.encode(&wasm)
        ),
        "script",
    )?;
    let on_demand_script = raw_text(
        &format!(
            "{on_demand_js}\nconst SUMMIT_ONDEMAND_WASM_BASE64 = \"{}\";\n{}",
            BASE64.encode(&on_demand_wasm),
            INLINE_ON_DEMAND.replace("EXPORTS", &exports.join(", "))
        ),
        "script",
    )?;
    let policy = content_security_policy(&[&on_demand_script, &script], &style);
    edits.push((
        csp.range(),
        format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">{MARKER}"#),
    ));
    edits.push((first_style, format!("<style>{style}</style>")));
    // In document order: the on-demand module's provider is there before boot.js looks for one.
    edits.push((
        boot.start..boot_close,
        format!(
            r#"<script type="module">{on_demand_script}</script><script type="module">{script}</script>"#
        ),
    ));
    let page = item_pages_to_fragments(&html::replace_ranges(index, edits));

    // Nothing may still point at a file of the bundle.
    for attribute in [" src=\"./", " href=\"./"] {
        if let Some(at) = page.find(attribute) {
            let end = (at + 80).min(page.len());
            return Err(format!(
                "the single file still refers to a file of the bundle: {}",
                page.get(at..end).unwrap_or(attribute)
            ));
        }
    }
    Ok(page)
}

/// The page with its links to item pages (`href="items/ID/"`, which the prerendered cards have) made links to the
/// item in the page itself (`href="#item=ID"`): the single file has no item pages beside it.
fn item_pages_to_fragments(page: &str) -> String {
    let opening = format!(" href=\"{}/", summit_core::url::ITEM_PAGES_FOLDER);
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find(&opening) {
        let after = &rest[at + opening.len()..];
        let Some(id) = after
            .find("/\"")
            .map(|end| &after[..end])
            .filter(|id| !id.is_empty() && !id.contains(['/', '"', '>']))
        else {
            out.push_str(&rest[..at + opening.len()]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..at]);
        out.push_str(&format!(" href=\"#item={id}\""));
        rest = &after[id.len() + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[path = "single_file_tests.rs"]
mod tests;
