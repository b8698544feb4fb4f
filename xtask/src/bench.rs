//! `cargo xtask bench`: builds the release bundle, prepares a served folder with a static comparison page and
//! synthetic data sets, serves it on loopback and runs the browser driver (bench/bench.mjs), which prints the table
//! and writes target/bench/bench.json.

use std::path::Path;

use summit_core::validate::{parse_and_validate, Limits};

use crate::{build_release, html, root, run_with_env, serve, size, synthetic, tools};

/// The synthetic data set sizes measured besides the article's own.
pub const SYNTHETIC_SIZES: [usize; 2] = [1_000, 10_000];

/// The file name of the static comparison page in the served folder.
pub const STATIC_PAGE: &str = "static.html";

/// How much the bench measures; the defaults are the minimums the figures in docs/performance.md are taken with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Cold loads per page and network condition.
    pub loads: usize,
    /// Keystrokes, and facet toggles, per data set size.
    pub interactions: usize,
    /// Whether to run the Lighthouse performance audit.
    pub lighthouse: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            loads: 10,
            interactions: 50,
            lighthouse: true,
        }
    }
}

/// The static comparison page: the release index.html (the same markup, prerendered cards and style sheets as the
/// app's first paint) with every comment, every script, every script or wasm preload and the `<meta>` names of the
/// app's other files taken out, so it runs no JavaScript at all.
pub fn static_page(index_html: &str) -> Result<String, String> {
    let mut cuts: Vec<_> = html::comments(index_html)
        .into_iter()
        .map(|comment| (comment, String::new()))
        .collect();
    for script in html::tags(index_html, "script")? {
        let end = html::element_end(index_html, &script, "script").unwrap_or(index_html.len());
        cuts.push((script.start..end, String::new()));
    }
    for link in html::tags(index_html, "link")? {
        if matches!(link.get("rel"), Some("modulepreload" | "preload")) {
            cuts.push((link.range(), String::new()));
        }
    }
    // The names of the embed scripts and of the on-demand module, which only the app reads.
    for meta in html::tags(index_html, "meta")? {
        if meta
            .get("name")
            .is_some_and(|name| name.starts_with("summit-fruits:"))
        {
            cuts.push((meta.range(), String::new()));
        }
    }
    let page = html::replace_ranges(index_html, cuts)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    if page.contains("<script") || page.contains("rel=\"modulepreload\"") || page.contains(".wasm")
    {
        return Err("the static page still refers to a script or the wasm".to_string());
    }
    if !page.contains("elementtiming=\"first-card\"") {
        return Err(
            "index.html has no prerendered first card (`cargo xtask postbuild` writes it)"
                .to_string(),
        );
    }
    Ok(page)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for entry in
        std::fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))?
    {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().expect("a listed entry has a name"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The sizes of the bundle as JSON for the driver, which adds brotli and prints them.
fn sizes_json(assets: &[size::Asset]) -> serde_json::Value {
    let (wasm_gzip, total_gzip) = size::default_view_totals(assets);
    serde_json::json!({
        "assets": assets.iter().map(|a| serde_json::json!({
            "path": a.path, "raw": a.raw, "gzip": a.gzip, "defaultView": a.default_view,
        })).collect::<Vec<_>>(),
        "budget": {
            "wasmGzip": size::WASM_GZIP_BUDGET,
            "totalGzip": size::TOTAL_GZIP_BUDGET,
            "wasmGzipMeasured": wasm_gzip,
            "totalGzipMeasured": total_gzip,
        },
    })
}

/// Writes the served folder: the bundle, the static page and the synthetic data sets; returns the data set files.
fn prepare_site(site: &Path) -> Result<Vec<(usize, String)>, String> {
    let dist = root().join("dist");
    if site.exists() {
        std::fs::remove_dir_all(site)
            .map_err(|e| format!("cannot clear {}: {e}", site.display()))?;
    }
    copy_dir(&dist, site)?;
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    write(&site.join(STATIC_PAGE), &static_page(&index)?)?;

    let text = std::fs::read_to_string(root().join("data/potential-fruits.json"))
        .map_err(|e| format!("cannot read the bundled data set: {e}"))?;
    let (base, _) = parse_and_validate(&text, &Limits::default())
        .map_err(|_| "the bundled data set does not validate".to_string())?;
    let mut files = Vec::new();
    for size in SYNTHETIC_SIZES {
        let json = synthetic::generate_json(&base, size)?;
        let name = format!("synthetic-{size}.json");
        println!("bench: {name}: {size} items, {} bytes, valid", json.len());
        write(&site.join(&name), &json)?;
        files.push((size, name));
    }
    Ok(files)
}

/// `cargo xtask bench [--loads N] [--interactions N] [--no-lighthouse]`.
pub fn run(options: &Options) -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    build_release()?;
    let out = root().join("target/bench");
    let site = out.join("site");
    let datasets = prepare_site(&site)?;
    let assets = size::measure(&root().join("dist"))?;
    let sizes = root().join("target/bench/sizes.json");
    write(&sizes, &format!("{:#}\n", sizes_json(&assets)))?;

    let server = serve::spawn(&site, "/", 0)?;
    let base_url = format!("http://127.0.0.1:{}/", server.port);
    let datasets = datasets
        .iter()
        .map(|(size, name)| format!("{size}={name}"))
        .collect::<Vec<_>>()
        .join(",");
    let loads = options.loads.to_string();
    let interactions = options.interactions.to_string();
    run_with_env(
        "node",
        &["bench/bench.mjs"],
        &[
            ("BASE_URL", &base_url),
            ("BENCH_STATIC_PAGE", STATIC_PAGE),
            ("BENCH_DATASETS", &datasets),
            ("BENCH_LOADS", &loads),
            ("BENCH_INTERACTIONS", &interactions),
            (
                "BENCH_LIGHTHOUSE",
                if options.lighthouse { "1" } else { "0" },
            ),
            ("BENCH_SIZES", &sizes.to_string_lossy()),
            ("BENCH_OUTPUT", &out.join("bench.json").to_string_lossy()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!doctype html>
<html lang="en">
<head>
  <!-- the post-build step puts preload links for the <script> here -->
  <link rel="stylesheet" href="./style-1.css" integrity="sha384-a">
  <link rel="modulepreload" href="./summit-fruits-2.js" integrity="sha384-b" data-summit="bindgen">
  <link rel="preload" href="./summit-fruits-2_bg.wasm" as="fetch" type="application/wasm" data-summit="wasm">
  <script type="module" src="./boot.js" integrity="sha384-c"></script>
</head>
<body>
  <div id="app"><ol><li><h2 elementtiming="first-card">Restore missions</h2></li></ol></div>
</body>
</html>
"#;

    #[test]
    fn the_static_page_keeps_markup_and_styles_and_drops_every_script() {
        let page = static_page(INDEX).unwrap();
        assert!(
            page.contains(r#"<link rel="stylesheet" href="./style-1.css" integrity="sha384-a">"#)
        );
        assert!(page.contains(r#"<h2 elementtiming="first-card">Restore missions</h2>"#));
        assert!(!page.contains("script"), "{page}");
        assert!(!page.contains("summit-fruits-2"), "{page}");
        assert!(!page.contains("preload"), "{page}");
    }

    #[test]
    fn a_page_without_the_prerendered_card_is_refused() {
        let message = static_page("<html><body></body></html>").unwrap_err();
        assert!(message.contains("prerendered first card"), "{message}");
    }

    #[test]
    fn the_names_of_the_apps_other_files_are_dropped() {
        let page = static_page(
            "<meta name=\"summit-fruits:ondemand\" content=\"./o.js sha384-a ./o_bg.wasm sha384-b\">\n\
             <meta name=\"description\" content=\"kept\">\n<h2 elementtiming=\"first-card\">a</h2>",
        )
        .unwrap();
        assert_eq!(
            page,
            "<meta name=\"description\" content=\"kept\">\n<h2 elementtiming=\"first-card\">a</h2>\n"
        );
    }

    #[test]
    fn an_unclosed_script_is_dropped_to_the_end() {
        let page = static_page("<h2 elementtiming=\"first-card\">a</h2><script>b").unwrap();
        assert_eq!(page, "<h2 elementtiming=\"first-card\">a</h2>\n");
    }
}
