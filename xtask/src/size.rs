//! Transfer sizes of the release bundle: which files the default view fetches, their raw and gzip bytes, and the size
//! budget that `cargo xtask test` checks (sizes are deterministic, so they may gate; timings never do).

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::html;

// THE SIZE BUDGET, in gzip bytes (level 9), of the release bundle's default view. `cargo xtask test` fails when a
// build exceeds either figure: each is the last measured figure plus a small margin, lowered when the bundle shrinks
// and raised only by a deliberate decision. Last lowered when the on-demand module took over reading a chosen data set
// (a file or a `?data=` response), Yew's copy lost the one call that linked the standard library's Unicode case
// tables (vendor/README.md), the app stopped decoding the hindsight layer's facts, and the frame helper became a
// script that only a page in an iframe fetches (227,109 B and 258,035 B before, as the tests build the bundle).
/// The budget for the wasm, in gzip bytes.
pub const WASM_GZIP_BUDGET: u64 = 209_400;
/// The budget for everything the default view fetches (index.html, the scripts, the wasm, the style sheets and the
/// icon), in gzip bytes. The on-demand module (`summit-ondemand-HASH.js`, `_bg.wasm` and `.css`) and the frame helper
/// (`frame-helper-HASH.js`) are not among them: the page only names them in `<meta>` elements; the module is fetched
/// when a reader first uses one of its features ([`check`] reports its size apart), the helper only in an iframe.
pub const TOTAL_GZIP_BUDGET: u64 = 239_600;

/// One file of the bundle and its sizes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// The path below the bundle folder, with `/` separators.
    pub path: String,
    pub raw: u64,
    pub gzip: u64,
    /// Whether the default view (the page with no query or fragment) fetches it.
    pub default_view: bool,
}

/// The bytes of `data` once gzipped at level 9, as a static host would pre-compress them.
pub fn gzip_len(data: &[u8]) -> u64 {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(data)
        .expect("writing to memory cannot fail");
    encoder
        .finish()
        .expect("writing to memory cannot fail")
        .len() as u64
}

/// The files a browser fetches to show `index.html` as it is, named relative to its folder: the page itself, then
/// every `<script src>` and every `<link href>` whose `rel` is a style sheet, an icon, a module preload or a preload,
/// in order and once each. Addresses to other hosts are left out.
pub fn default_view_files(index_html: &str) -> Result<Vec<String>, String> {
    let mut files = vec!["index.html".to_string()];
    let links = html::tags(index_html, "link")?.into_iter().filter(|link| {
        link.get("rel")
            .unwrap_or("")
            .split_whitespace()
            .any(|r| matches!(r, "stylesheet" | "icon" | "modulepreload" | "preload"))
    });
    let links = links.filter_map(|link| link.get("href").map(str::to_string));
    let scripts = html::tags(index_html, "script")?
        .into_iter()
        .filter_map(|script| script.get("src").map(str::to_string));
    for url in links.collect::<Vec<_>>().into_iter().chain(scripts) {
        if url.contains("//") || url.contains(':') {
            continue;
        }
        let path = url.split(['?', '#']).next().unwrap_or("");
        let path = path.trim_start_matches("./").trim_start_matches('/');
        if !path.is_empty() && !files.iter().any(|f| f == path) {
            files.push(path.to_string());
        }
    }
    Ok(files)
}

/// Every file in the bundle folder `dist` with its sizes, the default view's first (in fetch order), then the rest
/// by name.
pub fn measure(dist: &Path) -> Result<Vec<Asset>, String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}: {e}", dist.join("index.html").display()))?;
    let fetched = default_view_files(&index)?;
    let mut others = Vec::new();
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dist).map_err(|e| e.to_string())?;
                let name = relative.to_string_lossy().replace('\\', "/");
                if !fetched.contains(&name) {
                    others.push(name);
                }
            }
        }
    }
    others.sort();
    let mut assets = Vec::new();
    for (name, default_view) in fetched
        .iter()
        .map(|n| (n, true))
        .chain(others.iter().map(|n| (n, false)))
    {
        let bytes = std::fs::read(dist.join(name)).map_err(|e| {
            format!("the default view fetches {name}, which is not in the bundle: {e}")
        })?;
        assets.push(Asset {
            path: name.clone(),
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes),
            default_view,
        });
    }
    Ok(assets)
}

/// The default view's wasm gzip bytes and its total gzip bytes.
pub fn default_view_totals(assets: &[Asset]) -> (u64, u64) {
    let fetched = assets.iter().filter(|a| a.default_view);
    let wasm = fetched
        .clone()
        .filter(|a| a.path.ends_with(".wasm"))
        .map(|a| a.gzip)
        .sum();
    (wasm, fetched.map(|a| a.gzip).sum())
}

/// The on-demand module's gzip bytes (its JS, its wasm and its views' stylesheet), fetched only when a reader first
/// uses one of its features.
pub fn on_demand_gzip(assets: &[Asset]) -> u64 {
    assets
        .iter()
        .filter(|a| a.path.starts_with("summit-ondemand-"))
        .map(|a| a.gzip)
        .sum()
}

/// Checks the default view against a budget: a one-line verdict, or every figure over its budget.
pub fn check(assets: &[Asset], wasm_budget: u64, total_budget: u64) -> Result<String, String> {
    let (wasm, total) = default_view_totals(assets);
    if wasm == 0 {
        return Err("the default view fetches no .wasm file".to_string());
    }
    let mut over = Vec::new();
    if wasm > wasm_budget {
        over.push(format!("wasm {wasm} B gzip > budget {wasm_budget} B"));
    }
    if total > total_budget {
        over.push(format!(
            "default view {total} B gzip > budget {total_budget} B"
        ));
    }
    if over.is_empty() {
        Ok(format!(
            "size budget: wasm {wasm} B gzip (budget {wasm_budget}), default view {total} B gzip (budget {total_budget}); \
             on-demand module {} B gzip, not fetched by the default view",
            on_demand_gzip(assets)
        ))
    } else {
        Err(format!(
            "size budget exceeded (xtask/src/size.rs): {}",
            over.join(", ")
        ))
    }
}

/// The budget step of `cargo xtask test`: measures `dist` and checks it against [`WASM_GZIP_BUDGET`] and
/// [`TOTAL_GZIP_BUDGET`].
pub fn check_bundle(dist: &Path) -> Result<String, String> {
    check(&measure(dist)?, WASM_GZIP_BUDGET, TOTAL_GZIP_BUDGET)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<link rel="icon" href="./favicon-1a.svg" type="image/svg+xml">
<link rel="stylesheet" href="./style-2b.css" integrity="sha384-x">
<link rel="modulepreload" href="./summit-fruits-3c.js" data-summit="bindgen">
<link rel="preload" href="./summit-fruits-3c_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">
<link rel="canonical" href="https://example.org/">
<link rel="stylesheet" href="https://cdn.example.org/x.css">
<script type="module" src="./boot.js?v=1" integrity="sha384-y"></script>
<link rel="stylesheet" href="./style-2b.css">
</head><body><a href="./data.json">data</a></body></html>"#;

    #[test]
    fn the_default_view_fetches_the_page_its_links_and_scripts() {
        assert_eq!(
            default_view_files(PAGE).unwrap(),
            [
                "index.html",
                "favicon-1a.svg",
                "style-2b.css",
                "summit-fruits-3c.js",
                "summit-fruits-3c_bg.wasm",
                "boot.js"
            ]
        );
    }

    #[test]
    fn gzip_shrinks_repetitive_text_and_is_deterministic() {
        let text = "summit ".repeat(1_000);
        let once = gzip_len(text.as_bytes());
        assert!(once < 100, "{once}");
        assert_eq!(once, gzip_len(text.as_bytes()));
    }

    fn asset(path: &str, gzip: u64, default_view: bool) -> Asset {
        Asset {
            path: path.to_string(),
            raw: gzip * 3,
            gzip,
            default_view,
        }
    }

    #[test]
    fn totals_count_only_what_the_default_view_fetches() {
        let assets = [
            asset("index.html", 10, true),
            asset("app_bg.wasm", 100, true),
            asset("data.json", 1_000, false),
        ];
        assert_eq!(default_view_totals(&assets), (100, 110));
    }

    #[test]
    fn the_budget_passes_at_the_limit_and_fails_one_byte_over() {
        let assets = [
            asset("index.html", 10, true),
            asset("app_bg.wasm", 100, true),
        ];
        assert!(check(&assets, 100, 110).is_ok());
        let wasm_over = check(&assets, 99, 110).unwrap_err();
        assert!(
            wasm_over.contains("wasm 100 B gzip > budget 99 B"),
            "{wasm_over}"
        );
        let total_over = check(&assets, 100, 109).unwrap_err();
        assert!(
            total_over.contains("default view 110 B gzip > budget 109 B"),
            "{total_over}"
        );
    }

    #[test]
    fn the_on_demand_module_is_named_but_not_fetched_by_the_default_view() {
        let page = PAGE.replace(
            "</head>",
            r#"<meta name="summit-fruits:ondemand" content="./summit-ondemand-4d.js sha384-a ./summit-ondemand-4d_bg.wasm sha384-b"></head>"#,
        );
        assert!(!default_view_files(&page)
            .unwrap()
            .iter()
            .any(|f| f.contains("ondemand")));
        let assets = [
            asset("index.html", 10, true),
            asset("app_bg.wasm", 100, true),
            asset("summit-ondemand-4d.js", 7, false),
            asset("summit-ondemand-4d_bg.wasm", 50, false),
        ];
        assert_eq!(default_view_totals(&assets), (100, 110));
        assert_eq!(on_demand_gzip(&assets), 57);
        assert!(check(&assets, 100, 110)
            .unwrap()
            .ends_with("on-demand module 57 B gzip, not fetched by the default view"));
    }

    #[test]
    fn a_bundle_without_wasm_fails() {
        assert!(check(&[asset("index.html", 10, true)], 100, 100).is_err());
    }
}
