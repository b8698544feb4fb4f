//! Tests of the single file: inlining a bundle's index.html and the CSP hashes of what it inlines.

use std::collections::HashMap;

use super::*;

/// A bundle's index.html as Trunk and the hooks write it (shortened), and its files.
const INDEX: &str = r##"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
  <link rel="icon" href="./favicon-1.svg" integrity="sha384-x"/>
  <link rel="stylesheet" href="./style-1.css" integrity="sha384-a"/>
  <link rel="stylesheet" href="./matrix-1.css" integrity="sha384-b"/>
  <link rel="modulepreload" href="./app-1.js" crossorigin="anonymous" integrity="sha384-c" data-summit="bindgen">
  <link rel="preload" href="./app-1_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="sha384-d" data-summit="wasm">
  <script type="module" src="./boot.js" crossorigin="anonymous" integrity="sha384-e"></script>
  <meta name="summit-fruits:ondemand" content="./od-1.js sha384-f ./od-1_bg.wasm sha384-g ./od-1.css sha384-h">
  <meta name="summit-fruits:frame" content="./frame-helper-1.js sha384-i">
</head>
<body><div id="app"><p id="prerender-notice">Loading</p><a href="#item=x">x</a></div></body>
</html>
"##;

fn files() -> HashMap<&'static str, Vec<u8>> {
    HashMap::from([
        ("./favicon-1.svg", b"<svg/>".to_vec()),
        ("./style-1.css", b":root { --bg: #fff; }\r\nbody { margin: 0 }".to_vec()),
        ("./matrix-1.css", b".matrix-col { fill: #fff }".to_vec()),
        (
            "./app-1.js",
            b"async function __wbg_init(m) {}\nfunction initSync() {}\nexport { initSync, __wbg_init as default };"
                .to_vec(),
        ),
        ("./app-1_bg.wasm", vec![0, 97, 115, 109, 1, 0, 0, 0]),
        (
            "./od-1.js",
            b"export function check_data_set(json) {}\nexport function schema_json() {}\nasync function __wbg_init(m) {}\nexport { initSync, __wbg_init as default };"
                .to_vec(),
        ),
        ("./od-1_bg.wasm", vec![0, 97, 115, 109, 1, 0, 0, 1]),
        ("./od-1.css", b".article-view { margin: 0 }".to_vec()),
        (
            "./frame-helper-1.js",
            b"export function startFrame(page) { return null; }\n".to_vec(),
        ),
        (
            "./boot.js",
            b"const { instance } = await startInlineApp();\n".to_vec(),
        ),
    ])
}

fn inline(index: &str, files: &HashMap<&'static str, Vec<u8>>) -> Result<String, String> {
    inline_bundle(index, |href| {
        files
            .get(href)
            .cloned()
            .ok_or_else(|| format!("no file {href}"))
    })
}

/// The two inline module scripts: the on-demand module's, then the app's.
fn scripts(html: &str) -> (&str, &str) {
    let open = "<script type=\"module\">";
    let first = between(html, open, "</script>");
    let rest = &html[html.find(first).unwrap() + first.len()..];
    (first, between(rest, open, "</script>"))
}

/// The text between `open` and the next `close`.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = start + html[start..].find(close).unwrap();
    &html[start..end]
}

#[test]
fn everything_the_page_loads_is_written_into_it() {
    let html = inline(INDEX, &files()).unwrap();
    // One style element with the page's sheets in order, then the on-demand views', line ends as the parser sees
    // them.
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(
        between(&html, "<style>", "</style>"),
        ":root { --bg: #fff; }\nbody { margin: 0 }\n.matrix-col { fill: #fff }\n.article-view { margin: 0 }"
    );
    // Two inline modules: the on-demand module's JS, its wasm in base64 and its provider; then the app's wasm-bindgen
    // JS, the wasm in base64, then the start logic.
    assert_eq!(html.matches("<script").count(), 2);
    let (on_demand, script) = scripts(&html);
    assert!(on_demand.starts_with("export function check_data_set(json) {}"));
    assert!(on_demand.contains("const SUMMIT_ONDEMAND_WASM_BASE64 = \"AGFzbQEAAAE=\";"));
    assert!(on_demand.contains("globalThis[Symbol.for('summit-fruits:ondemand')] = async () => {"));
    assert!(on_demand.contains("return { check_data_set, schema_json };"));
    assert!(
        !html.contains("summit-fruits:ondemand\" content"),
        "the meta goes"
    );
    assert!(script.starts_with("async function __wbg_init(m) {}"));
    assert!(script.contains("const SUMMIT_WASM_BASE64 = \"AGFzbQEAAAA=\";"));
    assert!(script.contains("await __wbg_init({ module_or_path: bytes })"));
    // The frame helper joins the app's script before boot.js, which finds its `startFrame` there; its meta goes.
    let helper = script
        .find("export function startFrame(page) { return null; }")
        .expect("the frame helper is inlined");
    let boot = script
        .find("const { instance } = await startInlineApp();")
        .unwrap();
    assert!(helper < boot);
    assert!(
        !html.contains("summit-fruits:frame\" content"),
        "the meta goes"
    );
    // The icon as a data: address; no link to any file of the bundle is left.
    assert!(html.contains(r#"<link rel="icon" href="data:image/svg+xml;base64,PHN2Zy8+">"#));
    assert!(!html.contains("./"), "{html}");
    assert!(!html.contains("modulepreload") && !html.contains("boot.js"));
    // The marker the app reads, and the rest of the page untouched.
    assert!(html.contains(r#"<meta name="summit-fruits-build" content="single-file">"#));
    assert!(html.contains(r##"<a href="#item=x">x</a>"##));
}

#[test]
fn the_policy_allows_exactly_the_inline_script_and_style_by_hash_and_no_address() {
    let html = inline(INDEX, &files()).unwrap();
    let policy = between(
        &html,
        r#"<meta http-equiv="Content-Security-Policy" content=""#,
        "\"",
    );
    let (on_demand, script) = scripts(&html);
    let style = between(&html, "<style>", "</style>");
    assert_eq!(policy, content_security_policy(&[on_demand, script], style));
    assert!(policy.contains(&format!(
        "script-src {} {} 'wasm-unsafe-eval';",
        hash_source(on_demand),
        hash_source(script)
    )));
    assert!(policy.contains(&format!("style-src {};", hash_source(style))));
    for forbidden in ["unsafe-inline", "'self'", "http", "blob:", "'unsafe-eval'"] {
        assert!(!policy.contains(forbidden), "{forbidden} in {policy}");
    }
    assert!(policy.contains("default-src 'none'") && policy.contains("connect-src 'none'"));
    // No string reaches an HTML or script sink: Trusted Types required, and no policy may be created.
    assert!(policy.ends_with("; require-trusted-types-for 'script'; trusted-types 'none'"));
    // The policy is the first thing in the head, before the inline style and script.
    assert!(html.find("Content-Security-Policy").unwrap() < html.find("<style>").unwrap());
}

#[test]
fn hash_sources_are_the_sha256_of_the_exact_text_in_base64() {
    // Known values: printf '' | sha256sum, and printf 'alert(1)' | openssl dgst -sha256 -binary | base64.
    assert_eq!(
        hash_source(""),
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    );
    assert_eq!(
        hash_source("alert(1)"),
        "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    );
    assert_ne!(hash_source("a\n"), hash_source("a\r\n"));
}

#[test]
fn text_that_would_end_its_element_early_is_refused() {
    let mut bad = files();
    bad.insert(
        "./matrix-1.css",
        b".a::after { content: \"</style><script>x()</script>\" }".to_vec(),
    );
    assert!(inline(INDEX, &bad).unwrap_err().contains("</style"));

    let mut bad = files();
    bad.insert(
        "./app-1.js",
        b"const s = '<!--<script>'; export { initSync, __wbg_init as default };".to_vec(),
    );
    assert!(inline(INDEX, &bad).unwrap_err().contains("<!--"));
}

#[test]
fn a_bundle_the_single_file_cannot_take_is_refused_with_the_reason() {
    let no_wasm = INDEX.replace("data-summit=\"wasm\"", "");
    assert!(inline(&no_wasm, &files()).unwrap_err().contains("preload"));

    let no_policy = INDEX.replace("http-equiv=\"Content-Security-Policy\" ", "");
    assert!(inline(&no_policy, &files())
        .unwrap_err()
        .contains("Content-Security-Policy"));

    let two_scripts = INDEX.replace("</head>", "<script src=\"./other.js\"></script></head>");
    assert!(inline(&two_scripts, &files())
        .unwrap_err()
        .contains("2 <script> tags"));

    let missing = INDEX.replace("./matrix-1.css", "./gone.css");
    assert!(inline(&missing, &files()).unwrap_err().contains("gone.css"));

    let mut no_init = files();
    no_init.insert("./app-1.js", b"export default 1;".to_vec());
    assert!(inline(INDEX, &no_init).unwrap_err().contains("__wbg_init"));

    let no_on_demand = INDEX.replace("name=\"summit-fruits:ondemand\"", "name=\"other\"");
    assert!(inline(&no_on_demand, &files())
        .unwrap_err()
        .contains("summit-fruits:ondemand"));
    let mut not_bindgen = files();
    not_bindgen.insert("./od-1.js", b"export default 1;".to_vec());
    assert!(inline(INDEX, &not_bindgen)
        .unwrap_err()
        .contains("on-demand module"));
}

#[test]
fn links_to_item_pages_become_links_into_the_page() {
    assert_eq!(
        item_pages_to_fragments(
            r#"<a href="items/a-b/">A</a> <a href="items/c/" class="x">C</a> <a href="items/">x</a>"#
        ),
        r##"<a href="#item=a-b">A</a> <a href="#item=c" class="x">C</a> <a href="items/">x</a>"##
    );
}
