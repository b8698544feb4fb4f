//! Subresource Integrity: the `sha384-…` hashes the page and the script embed check their files by, and the page's
//! start script tag replaced by integrity-checked preloads.
//!
//! With `inject_scripts = false` (Trunk.toml) Trunk writes no start script and no preload links for the Rust app, so
//! this step replaces the page's `<script type="module" src="boot.js"></script>` with
//!   `<link rel="modulepreload" href="./summit-fruits-HASH.js" integrity="sha384-…">` (the wasm-bindgen JS),
//!   `<link rel="preload" as="fetch" href="./summit-fruits-HASH_bg.wasm" integrity="sha384-…">` (the wasm) and
//!   `<script type="module" src="./boot.js" integrity="sha384-…"></script>` (the start script),
//! hashed from the files in the staging folder.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha2::{Digest, Sha384};

use super::{BuiltApp, Staging};
use crate::html;

/// The integrity metadata of `bytes`, as an `integrity` attribute or `fetch(…, { integrity })` takes it.
pub fn sha384(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
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
