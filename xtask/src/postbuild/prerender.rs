//! The prerendered page: the explorer's default view, drawn by the app's own components with Yew's server renderer
//! (the app's `prerender` binary, src/bin/prerender.rs, run natively), written into `index.html`'s `#app`, so the
//! content shows before the wasm arrives and in a browser that cannot run it at all. The app hydrates it when the
//! address asks for the default view, and draws afresh otherwise (src/prerender.rs).
//!
//! After the markup goes a block `#prerender`: the notice that `static/boot.js` fills when the wasm cannot start,
//! and the fingerprint of what the server drew, which the app compares with its own before it hydrates. The app
//! removes the block when it starts; at the end of the page, its removal moves nothing the reader sees (first, it
//! moved the whole page up: a layout shift of 0.28 on a phone). A reader without JavaScript has the page's
//! `<noscript>` notice at the top.
//!
//! The data set is first checked with the app's own `parse_and_validate`, so a bad one fails the build with its
//! problems; the binary then draws it (Yew escapes every text), and the markup goes into the page as it is.

use std::path::Path;
use std::process::Command;

use summit_core::validate::{parse_and_validate, Limits};

use super::Staging;
use crate::{html, root};

/// The comment in index.html that the block replaces.
const MARKER: &str = "<!-- prerendered content -->";

/// The `cargo` arguments that build and run the prerender binary. A debug build: it compiles in seconds once its
/// dependencies are built, and the server's work is a few milliseconds. Yew's debug assertions are off, so that its
/// hydration markers are the release form (`<!--<[]>-->`, without each component's type name).
const CARGO_RUN: [&str; 9] = [
    "run",
    "--quiet",
    "--config",
    "profile.dev.package.yew.debug-assertions=false",
    "--package",
    "summit-fruits",
    "--features",
    "ssr",
    "--bin=prerender",
];

/// Writes the block for the data set in `data` into the staging folder's index.html; returns the number of items.
pub fn write(staging: &Staging, data: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(data)
        .map_err(|e| format!("cannot read {}: {e}", data.display()))?;
    let (data_set, _warnings) =
        parse_and_validate(&text, &Limits::default()).map_err(|problems| {
            let first: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
            format!(
                "{} does not validate ({} problems; `cargo xtask validate` lists them): {}",
                data.display(),
                problems.len(),
                first.join("; ")
            )
        })?;
    let (fingerprint, markup) = draw(data)?;
    let page = staging.read_text("index.html")?;
    let page = html::replace_once(&page, MARKER, &block(&fingerprint, &markup)?)
        .map_err(|e| format!("index.html must hold the marker {MARKER} exactly once ({e})"))?;
    staging.write("index.html", page)?;
    Ok(data_set.items.len())
}

/// Runs the prerender binary on `data`: the fingerprint of what it drew, and the markup.
fn draw(data: &Path) -> Result<(String, String), String> {
    let data =
        std::fs::canonicalize(data).map_err(|e| format!("cannot find {}: {e}", data.display()))?;
    let started = std::time::Instant::now();
    let output = Command::new("cargo")
        .args(CARGO_RUN)
        .arg("--")
        .arg("--data")
        .arg(&data)
        .current_dir(root())
        .output()
        .map_err(|e| format!("could not start cargo for the prerender binary: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "the prerender binary failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    println!(
        "postbuild: prerender: built and ran the prerender binary in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let stdout =
        String::from_utf8(output.stdout).map_err(|_| "the prerender binary wrote non-UTF-8")?;
    split_output(&stdout)
}

/// The binary's output: the fingerprint on the first line, the markup on the rest.
fn split_output(stdout: &str) -> Result<(String, String), String> {
    let (fingerprint, markup) = stdout
        .split_once('\n')
        .ok_or("the prerender binary wrote no markup")?;
    let fingerprint = fingerprint.trim();
    if fingerprint.len() != 16 || !fingerprint.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "the prerender binary's first line is not a fingerprint: {fingerprint:?}"
        ));
    }
    let markup = markup.trim();
    if !markup.starts_with("<!--") {
        return Err(
            "the prerender binary's markup does not open with Yew's hydration marker".into(),
        );
    }
    Ok((fingerprint.to_string(), markup.to_string()))
}

/// The block that replaces the marker: the server's markup, then the notice and the fingerprint.
fn block(fingerprint: &str, markup: &str) -> Result<String, String> {
    if markup.matches("elementtiming=\"first-card\"").count() > 1 {
        return Err("the prerendered page names more than one first card".into());
    }
    Ok(format!(
        r#"{markup}<div id="prerender" class="prerender" data-drawn-from="{fingerprint}">
    <p class="prerender-notice" id="prerender-notice" role="status">The explorer’s filters, matrix, annotated article and timeline work once it has loaded; it needs JavaScript and WebAssembly. Until then, every prospect and risk the article discusses is shown above, with its feasibility in the article’s own words.</p>
  </div>"#,
        fingerprint = html::escape(fingerprint),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_is_a_fingerprint_then_markup() {
        let (fingerprint, markup) =
            split_output("0123456789abcdef\n<!--<[]>--><div>x</div><!--</[]>-->\n").unwrap();
        assert_eq!(fingerprint, "0123456789abcdef");
        assert_eq!(markup, "<!--<[]>--><div>x</div><!--</[]>-->");
        assert!(split_output("<div>no fingerprint</div>").is_err());
        assert!(split_output("nothex!!nothex!!\n<!--<[]>-->").is_err());
        assert!(split_output("0123456789abcdef\n<div>no marker</div>").is_err());
    }

    #[test]
    fn the_block_puts_the_notice_and_fingerprint_after_the_markup() {
        let markup = r#"<!--<[]>--><a elementtiming="first-card">A</a><!--</[]>-->"#;
        let written = block("0123456789abcdef", markup).unwrap();
        assert!(written.starts_with(&format!(
            r#"{markup}<div id="prerender" class="prerender" data-drawn-from="0123456789abcdef">"#
        )));
        assert!(written.contains(r#"id="prerender-notice""#));
        assert!(written.ends_with("</div>"));
        assert!(block(
            "0123456789abcdef",
            r#"<a elementtiming="first-card"></a><a elementtiming="first-card"></a>"#
        )
        .is_err());
    }
}
