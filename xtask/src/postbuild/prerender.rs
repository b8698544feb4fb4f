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

use summit_core::model::DataSet;
use summit_core::validate::{parse_and_validate, Limits};

use super::Staging;
use crate::{html, root};

/// The comment in index.html that the block replaces.
const MARKER: &str = "<!-- prerendered content -->";

/// The `cargo` arguments that build and run the prerender binary. A debug build: it compiles in seconds once its
/// dependencies are built, and the server's work is a few milliseconds. Yew's debug assertions are off, so that its
/// hydration markers are the release form (`<!--<[]>-->`, without each component's type name).
const CARGO_RUN: [&str; 10] = [
    "run",
    "--quiet",
    "--config",
    "profile.dev.package.yew.debug-assertions=false",
    "--package",
    "summit-fruits",
    "--features",
    "ssr",
    "--bin=prerender",
    "--",
];

/// What the server drew for the pages of the bundle: the block written into index.html, and each item page's block
/// (the default view with that item's detail open) to put in its place on the item's page.
pub struct Drawn {
    /// The data set drawn, as validated.
    pub data: DataSet,
    pub index_block: String,
    pub item_blocks: Vec<ItemBlock>,
}

/// An item page's block: the item's id and the markup that replaces index.html's block.
pub struct ItemBlock {
    pub id: String,
    pub block: String,
}

/// Whether the prerender draws the item pages too, or the default view only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pages {
    DefaultView,
    WithItems,
}

/// Writes the block for the data set in `data` into the staging folder's index.html, and with [`Pages::WithItems`]
/// draws each item's page.
pub fn write(staging: &Staging, data: &Path, pages: Pages) -> Result<Drawn, String> {
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
    let output = draw(data, pages)?;
    let (fingerprint, markup, items) = split_output(&output)?;
    let expected = match pages {
        Pages::DefaultView => 0,
        Pages::WithItems => data_set.items.len(),
    };
    if items.len() != expected
        || items
            .iter()
            .zip(&data_set.items)
            .any(|((id, _), item)| *id != item.id)
    {
        return Err(format!(
            "the prerender binary drew {} item pages; {expected} were asked for",
            items.len()
        ));
    }
    let index_block = block(&fingerprint, &markup)?;
    let page = staging.read_text("index.html")?;
    let page = html::replace_once(&page, MARKER, &index_block)
        .map_err(|e| format!("index.html must hold the marker {MARKER} exactly once ({e})"))?;
    staging.write("index.html", page)?;
    let item_blocks = items
        .into_iter()
        .map(|(id, markup)| {
            Ok(ItemBlock {
                block: block(&fingerprint, &markup)?,
                id,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Drawn {
        data: data_set,
        index_block,
        item_blocks,
    })
}

/// Runs the prerender binary on `data` (with the item pages if asked): its output.
fn draw(data: &Path, pages: Pages) -> Result<String, String> {
    let data =
        std::fs::canonicalize(data).map_err(|e| format!("cannot find {}: {e}", data.display()))?;
    let started = std::time::Instant::now();
    let mut command = Command::new("cargo");
    command.args(CARGO_RUN);
    if pages == Pages::WithItems {
        command.arg("--items");
    }
    let output = command
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
    String::from_utf8(output.stdout).map_err(|_| "the prerender binary wrote non-UTF-8".into())
}

/// The item pages' markup as the binary wrote it: (id, markup) in the data set's order.
type ItemMarkup = Vec<(String, String)>;

/// The binary's output: the fingerprint on the first line, the default view's markup on the rest, then for each item
/// the byte 0x1E, its id on a line and its page's markup.
fn split_output(stdout: &str) -> Result<(String, String, ItemMarkup), String> {
    let mut records = stdout.split('\u{1e}');
    let first = records.next().unwrap_or_default();
    let mut items = Vec::new();
    for record in records {
        let (id, markup) = record
            .split_once('\n')
            .ok_or("an item page in the prerender binary's output has no markup")?;
        let markup = markup.trim();
        if !markup.starts_with('<') {
            return Err(format!("the prerender binary's page of {id} is not markup"));
        }
        items.push((id.to_string(), markup.to_string()));
    }
    let (fingerprint, markup) = first
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
    Ok((fingerprint.to_string(), markup.to_string(), items))
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
    fn the_output_is_a_fingerprint_then_markup_then_the_item_pages() {
        let (fingerprint, markup, items) =
            split_output("0123456789abcdef\n<!--<[]>--><div>x</div><!--</[]>-->\n").unwrap();
        assert_eq!(fingerprint, "0123456789abcdef");
        assert_eq!(markup, "<!--<[]>--><div>x</div><!--</[]>-->");
        assert!(items.is_empty());
        let (_, markup, items) = split_output(
            "0123456789abcdef\n<!--<[]>--><div>x</div>\n\u{1e}a-b\n<div>a\nb</div>\n\u{1e}c\n<div>c</div>\n",
        )
        .unwrap();
        assert_eq!(markup, "<!--<[]>--><div>x</div>");
        assert_eq!(
            items,
            [
                ("a-b".to_string(), "<div>a\nb</div>".to_string()),
                ("c".to_string(), "<div>c</div>".to_string())
            ]
        );
        assert!(split_output("0123456789abcdef\n<!--<[]>-->\n\u{1e}a").is_err());
        assert!(split_output("0123456789abcdef\n<!--<[]>-->\n\u{1e}a\nplain").is_err());
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
