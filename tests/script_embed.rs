//! The script embed in the browser: mounting into marked elements, each in its own shadow root with its own options,
//! and the instance root that components look their elements up in.
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen_test::*;

use summit_fruits::instance::{host_page_app_url, Instance, ScriptEmbedOptions};
use summit_fruits::script_embed::{is_host_page, mount_embeds, MOUNT_CLASS};

wasm_bindgen_test_configure!(run_in_browser);

const APP: &str = "https://example.org/fruits/index.html";
/// A stylesheet's integrity as the script embed's entry (static/summit-fruits-embed.js) passes it (the test stylesheet is not there: it fails to load either way).
const INTEGRITY: &str = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";

fn marked(attributes: &[(&str, &str)]) -> web_sys::Element {
    let document = gloo::utils::document();
    let element = document.create_element("div").unwrap();
    element.set_attribute("data-summit-fruits", "").unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&element).unwrap();
    element
}

fn shadow_text(element: &web_sys::Element, selector: &str) -> Vec<String> {
    let shadow = element.shadow_root().expect("a shadow root");
    let nodes = shadow.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn every_marked_element_gets_its_own_explorer_with_its_own_options() {
    let document = gloo::utils::document();
    let timeline = marked(&[("data-view", "timeline"), ("data-colour", "red")]);
    let matrix = marked(&[("data-view", "matrix"), ("data-cat", "risk")]);
    assert!(is_host_page(&document), "marked elements and no #app");
    let address = gloo::utils::window().location().href().unwrap();
    let history = gloo::utils::window().history().unwrap().length().unwrap();

    common::install_on_demand();
    assert_eq!(
        mount_embeds("summit-fruits-embed-test.css", INTEGRITY, APP),
        2
    );
    yew::scheduler::flush().await;
    assert_eq!(host_page_app_url().as_deref(), Some(APP));

    for element in [&timeline, &matrix] {
        let shadow = element.shadow_root().expect("an open shadow root");
        let link = shadow
            .query_selector("link[rel=\"stylesheet\"]")
            .unwrap()
            .expect("the stylesheet is linked, not inlined");
        assert_eq!(
            link.get_attribute("href").as_deref(),
            Some("summit-fruits-embed-test.css")
        );
        // Checked against its hash, fetched with CORS (an integrity check on another origin needs it).
        assert_eq!(link.get_attribute("integrity").as_deref(), Some(INTEGRITY));
        assert_eq!(
            link.get_attribute("crossorigin").as_deref(),
            Some("anonymous")
        );
        assert!(shadow.query_selector("style").unwrap().is_none());
        assert!(shadow
            .query_selector(&format!(".{MOUNT_CLASS} .page.embedded"))
            .unwrap()
            .is_some());
        // Its own language and direction, whatever the host's.
        let mount = shadow
            .query_selector(&format!(".{MOUNT_CLASS}"))
            .unwrap()
            .unwrap();
        assert_eq!(mount.get_attribute("lang").as_deref(), Some("en"));
        assert_eq!(mount.get_attribute("dir").as_deref(), Some("ltr"));
        assert!(
            shadow_text(element, "h1").is_empty(),
            "no page header in an embed"
        );
    }
    // The on-demand module draws the timeline once it has answered.
    for _ in 0..200 {
        if shadow_text(&timeline, "h2").iter().any(|h| h == "Timeline") {
            break;
        }
        common::pause().await;
    }
    assert!(shadow_text(&timeline, "h2").iter().any(|h| h == "Timeline"));
    assert!(shadow_text(&matrix, "h2")
        .iter()
        .any(|h| h.starts_with("Feasibility by")));
    let notices = shadow_text(&timeline, ".url-notices li");
    assert_eq!(notices, ["Ignored unknown attribute \"data-colour\"."]);
    assert!(shadow_text(&matrix, ".url-notices li").is_empty());
    assert_eq!(
        shadow_text(&matrix, ".result-count"),
        ["Showing 5 of 31 prospects and risks"]
    );
    let full = matrix
        .shadow_root()
        .unwrap()
        .query_selector("a.embed-full-link")
        .unwrap()
        .expect("the full-explorer link");
    assert_eq!(
        full.get_attribute("href").as_deref(),
        Some("https://example.org/fruits/index.html#view=matrix&cat=risk")
    );

    // Mounting again leaves the mounted ones alone.
    assert_eq!(
        mount_embeds("summit-fruits-embed-test.css", INTEGRITY, APP),
        0
    );
    // The host's document and address are untouched.
    assert!(document
        .document_element()
        .unwrap()
        .get_attribute("data-theme")
        .is_none());
    assert_eq!(gloo::utils::window().location().href().unwrap(), address);
    assert_eq!(
        gloo::utils::window().history().unwrap().length().unwrap(),
        history
    );
}

#[wasm_bindgen_test]
fn an_instance_looks_up_ids_in_its_own_root() {
    let document = gloo::utils::document();
    let make = |text: &str| {
        let host = document.create_element("section").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let shadow = host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .unwrap();
        let inner = document.create_element("p").unwrap();
        inner.set_id("same-id");
        inner.set_text_content(Some(text));
        shadow.append_child(&inner).unwrap();
        Instance::in_shadow_root(
            shadow,
            ScriptEmbedOptions {
                attributes: Vec::new(),
                app_url: APP.into(),
            },
        )
    };
    let first = make("first");
    let second = make("second");
    let text = |instance: &Instance| {
        instance
            .element_by_id("same-id")
            .and_then(|e| e.text_content())
    };
    assert_eq!(text(&first).as_deref(), Some("first"));
    assert_eq!(text(&second).as_deref(), Some("second"));
    assert!(
        document.get_element_by_id("same-id").is_none(),
        "the document does not see into shadow roots"
    );
    assert_eq!(
        first
            .query_selector("#same-id")
            .and_then(|e| e.text_content())
            .as_deref(),
        Some("first")
    );
    assert!(Instance::default().element_by_id("same-id").is_none());
    assert!(first.is_script_embed() && !Instance::default().is_script_embed());
}
