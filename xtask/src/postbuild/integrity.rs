//! Subresource Integrity: the `sha384-…` hashes the page and the script embed check their files by, and the page's
//! start script tag replaced by integrity-checked preloads.
//!
//! With `inject_scripts = false` (Trunk.toml) Trunk writes no start script and no preload links for the Rust app, so
//! this step replaces the page's `<script type="module" src="boot.js"></script>` with
//!   `<link rel="modulepreload" href="./summit-fruits-HASH.js" integrity="sha384-…">` (the wasm-bindgen JS),
//!   `<link rel="preload" as="fetch" href="./summit-fruits-HASH_bg.wasm" integrity="sha384-…">` (the wasm) and
//!   `<script type="module" src="./boot.js" integrity="sha384-…"></script>` (the start script),
//! hashed from the files in the staging folder.
//!
//! The on-demand module (`ondemand/`), which Trunk writes as `summit-ondemand.js` and `summit-ondemand_bg.wasm` without
//! loading it, gets content-hashed names here and is named in `<meta name="summit-fruits:ondemand">` with each file's
//! integrity (see [`name_on_demand`]); `static/boot.js` loads it from there when the app first asks for it. The frame
//! helper (`static/frame-helper.js`) is named likewise in `<meta name="summit-fruits:frame">` ([`name_frame_helper`]).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha384};

use super::minify::ON_DEMAND_STYLESHEET;
use super::{BuiltApp, Staging};
use crate::html;

/// The integrity metadata of `bytes`, as an `integrity` attribute or `fetch(…, { integrity })` takes it.
pub fn sha384(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// The names Trunk gives the on-demand module's files.
const ON_DEMAND_JS: &str = "summit-ondemand.js";
const ON_DEMAND_WASM: &str = "summit-ondemand_bg.wasm";

/// The page's `<meta>` that names the on-demand module: `content="JS INTEGRITY WASM INTEGRITY CSS INTEGRITY"`.
pub const ON_DEMAND_META: &str = "summit-fruits:ondemand";

/// The on-demand module's files under their content-hashed names, and their integrity: its JS, its wasm and the
/// stylesheet of the views it draws (written by `minify`).
#[derive(Debug)]
pub struct OnDemand {
    pub js: String,
    pub wasm: String,
    pub css: String,
    pub js_integrity: String,
    pub wasm_integrity: String,
    pub css_integrity: String,
}

/// Renames the on-demand module's files to `summit-ondemand-HASH.js` and `summit-ondemand-HASH_bg.wasm` (one hash of
/// both, so a new build never pairs an old JS with a new wasm in a cache) and names them and its stylesheet in
/// index.html's `<meta name="summit-fruits:ondemand">`, each after `base`, with its integrity.
pub fn name_on_demand(staging: &Staging, base: &str) -> Result<OnDemand, String> {
    let what = "on-demand module file (index.html's <link data-trunk rel=\"rust\" href=\"ondemand/Cargo.toml\">)";
    staging.one(|n| n == ON_DEMAND_JS, what)?;
    staging.one(|n| n == ON_DEMAND_WASM, what)?;
    let css = staging.one(
        |n| n.starts_with(&format!("{ON_DEMAND_STYLESHEET}-")) && n.ends_with(".css"),
        "on-demand views' stylesheet (written by the minify step)",
    )?;
    let js_bytes = staging.read(ON_DEMAND_JS)?;
    let wasm_bytes = staging.read(ON_DEMAND_WASM)?;
    let hex = super::content_hash(&[&js_bytes, &wasm_bytes]);
    let on_demand = OnDemand {
        js: format!("summit-ondemand-{hex}.js"),
        wasm: format!("summit-ondemand-{hex}_bg.wasm"),
        css_integrity: sha384(&staging.read(&css)?),
        css,
        js_integrity: sha384(&js_bytes),
        wasm_integrity: sha384(&wasm_bytes),
    };
    staging.rename(ON_DEMAND_JS, &on_demand.js)?;
    staging.rename(ON_DEMAND_WASM, &on_demand.wasm)?;
    let page = staging.read_text("index.html")?;
    let meta = on_demand_meta(&on_demand, base);
    staging.write(
        "index.html",
        html::replace_once(&page, "</head>", &format!("  {meta}\n</head>"))?,
    )?;
    Ok(on_demand)
}

/// The `<meta>` element that names the on-demand module for `static/boot.js`.
fn on_demand_meta(on_demand: &OnDemand, base: &str) -> String {
    format!(
        r#"<meta name="{ON_DEMAND_META}" content="{base}{} {} {base}{} {} {base}{} {}">"#,
        on_demand.js,
        on_demand.js_integrity,
        on_demand.wasm,
        on_demand.wasm_integrity,
        on_demand.css,
        on_demand.css_integrity
    )
}

/// The frame helper as Trunk copies it (`<link data-trunk rel="copy-file" href="static/frame-helper.js">`).
const FRAME_HELPER_JS: &str = "frame-helper.js";

/// The page's `<meta>` that names the frame helper: `content="JS INTEGRITY"`.
pub const FRAME_HELPER_META: &str = "summit-fruits:frame";

/// Renames the frame helper, which only a page in another page's iframe loads, to `frame-helper-HASH.js` and names it
/// in index.html's `<meta name="summit-fruits:frame">`, after `base`, with its integrity; gives its new name.
pub fn name_frame_helper(staging: &Staging, base: &str) -> Result<String, String> {
    staging.one(
        |n| n == FRAME_HELPER_JS,
        "frame helper (<link data-trunk rel=\"copy-file\" href=\"static/frame-helper.js\">)",
    )?;
    let bytes = staging.read(FRAME_HELPER_JS)?;
    let name = super::hashed_name("frame-helper", &bytes, "js");
    staging.rename(FRAME_HELPER_JS, &name)?;
    let meta = format!(
        r#"<meta name="{FRAME_HELPER_META}" content="{base}{name} {}">"#,
        sha384(&bytes)
    );
    let page = staging.read_text("index.html")?;
    staging.write(
        "index.html",
        html::replace_once(&page, "</head>", &format!("  {meta}\n</head>"))?,
    )?;
    Ok(name)
}

/// Rewrites the staging folder's `index.html`; `base` is the bundle's public URL (Trunk's `TRUNK_PUBLIC_URL`).
pub fn write(staging: &Staging, app: &BuiltApp, base: &str) -> Result<(), String> {
    staging.one(
        |n| n == "boot.js",
        "boot.js (copied by <link data-trunk rel=\"copy-file\" href=\"static/boot.js\">)",
    )?;
    let hash = |name: &str| staging.read(name).map(|bytes| sha384(&bytes));
    let page = staging.read_text("index.html")?;
    let links = [
        format!(
            r#"<link rel="modulepreload" href="{base}{js}" crossorigin="anonymous" integrity="{}" fetchpriority="low" data-summit="bindgen">"#,
            hash(&app.js)?,
            js = app.js
        ),
        format!(
            r#"<link rel="preload" href="{base}{wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="{}" fetchpriority="low" data-summit="wasm">"#,
            hash(&app.wasm)?,
            wasm = app.wasm
        ),
        format!(
            r#"<script type="module" src="{base}boot.js" crossorigin="anonymous" integrity="{}"></script>"#,
            hash("boot.js")?
        ),
    ]
    .join("\n  ");
    staging.write("index.html", with_preloads(&page, &links)?)
}

/// `page` with its one boot.js script element replaced by `links`, and without the `<link data-trunk rel="rust">`
/// that Trunk leaves in the page when it injects nothing (with its indentation and line end).
///
/// `fetchpriority="low"` on the preloads: the browser fetches the page's style sheets first, so the prerendered cards
/// are painted as soon as a page without scripts would be; the wasm and its JS follow.
fn with_preloads(page: &str, links: &str) -> Result<String, String> {
    let scripts = html::tags(page, "script")?;
    let boot: Vec<_> = scripts
        .iter()
        .filter(|t| {
            t.get("type") == Some("module") && matches!(t.get("src"), Some("boot.js" | "./boot.js"))
        })
        .collect();
    let [boot] = boot.as_slice() else {
        return Err(format!(
            "expected one <script type=\"module\" src=\"boot.js\"></script> in index.html, found {}",
            boot.len()
        ));
    };
    let end = html::element_end(page, boot, "script")
        .ok_or("the boot.js <script> in index.html is not closed")?;
    let mut edits = vec![(boot.start..end, links.to_string())];
    for rust in html::tags(page, "link")? {
        if rust.get("data-trunk").is_some() && rust.get("rel") == Some("rust") {
            let line_start = page[..rust.start].trim_end_matches([' ', '\t']).len();
            let end = rust.end + usize::from(page[rust.end..].starts_with('\n'));
            edits.push((line_start..end, String::new()));
        }
    }
    Ok(html::replace_ranges(page, edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_the_sha384_of_the_bytes_in_base64() {
        // printf 'alert(1)' | openssl dgst -sha384 -binary | base64
        assert_eq!(
            sha384(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
    }

    #[test]
    fn the_on_demand_module_gets_hashed_names_and_is_named_in_the_page() {
        let dir = std::env::temp_dir().join(format!("summit-ondemand-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let staging = Staging::new(&dir);
        staging.write(ON_DEMAND_JS, "export default 1;").unwrap();
        staging.write(ON_DEMAND_WASM, b"\0asm").unwrap();
        staging.write("summit-ondemand-0a.css", "a{b:c}").unwrap();
        staging.write("index.html", "<head>\n</head>").unwrap();
        let named = name_on_demand(&staging, "./").unwrap();
        assert_eq!(named.css, "summit-ondemand-0a.css");
        assert_eq!(named.css_integrity, sha384(b"a{b:c}"));
        assert!(named.js.starts_with("summit-ondemand-") && named.js.ends_with(".js"));
        assert_eq!(named.wasm, named.js.replace(".js", "_bg.wasm"));
        assert!(!staging.has(ON_DEMAND_JS) && staging.has(&named.js) && staging.has(&named.wasm));
        assert_eq!(named.js_integrity, sha384(b"export default 1;"));
        let page = staging.read_text("index.html").unwrap();
        assert_eq!(
            page,
            format!(
                "<head>\n  <meta name=\"summit-fruits:ondemand\" content=\"./{} {} ./{} {} ./{} {}\">\n</head>",
                named.js,
                named.js_integrity,
                named.wasm,
                named.wasm_integrity,
                named.css,
                named.css_integrity
            )
        );
        // A second run finds no module under Trunk's names and says so.
        assert!(name_on_demand(&staging, "./")
            .unwrap_err()
            .contains("on-demand module"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_frame_helper_gets_a_hashed_name_and_is_named_in_the_page() {
        let dir = std::env::temp_dir().join(format!("summit-frame-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let staging = Staging::new(&dir);
        staging
            .write(FRAME_HELPER_JS, "export function startFrame() {}")
            .unwrap();
        staging.write("index.html", "<head>\n</head>").unwrap();
        let name = name_frame_helper(&staging, "./").unwrap();
        assert!(name.starts_with("frame-helper-") && name.ends_with(".js") && name.len() > 20);
        assert!(!staging.has(FRAME_HELPER_JS) && staging.has(&name));
        assert_eq!(
            staging.read_text("index.html").unwrap(),
            format!(
                "<head>\n  <meta name=\"summit-fruits:frame\" content=\"./{name} {}\">\n</head>",
                sha384(b"export function startFrame() {}")
            )
        );
        // A second run finds no helper under Trunk's name and says so.
        assert!(name_frame_helper(&staging, "./")
            .unwrap_err()
            .contains("frame helper"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_start_script_becomes_checked_preloads_and_trunks_leftover_goes() {
        let page = "<head>\n  <link data-trunk rel=\"rust\" href=\"Cargo.toml\">\n  <!-- <script src=\"boot.js\"> -->\n  <script type=\"module\" src=\"boot.js\"></script>\n</head>";
        assert_eq!(
            with_preloads(page, "<link a>\n  <script b></script>").unwrap(),
            "<head>\n  <!-- <script src=\"boot.js\"> -->\n  <link a>\n  <script b></script>\n</head>"
        );
        let twice = page.replace(
            "</head>",
            "<script type=\"module\" src=\"./boot.js\"></script></head>",
        );
        assert!(with_preloads(&twice, "").unwrap_err().contains("found 2"));
        assert!(with_preloads("<head></head>", "")
            .unwrap_err()
            .contains("found 0"));
    }
}
