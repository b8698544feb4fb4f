//! Tests of embedding: the script embed's options (attributes to view state, notices for what is dropped), the
//! full-explorer links, and the Embed dialog's snippets (bases, escaping, the fragment carried, `embed=1` once).

use std::collections::BTreeSet;

use proptest::prelude::*;

use summit_core::embed::{
    escape_attribute, frame_url, full_explorer_link, full_explorer_url, iframe_snippet,
    is_option_key, page_base, parse_embed_attributes, script_snippet, sibling_url, state_settings,
    Published,
};
use summit_core::model::Category;
use summit_core::state::{Filters, PassageRef, SortOrder, View, ViewState};
use summit_core::url::{parse_fragment, KnownIds, UrlNotice};

fn known() -> KnownIds<'static> {
    KnownIds {
        levels: vec![1, 2, 3, 4, 5],
        domains: vec!["arms-control", "cyber", "odd, id é"],
        actors: vec!["us", "russia"],
        items: vec!["new-start", "cyber-norms", "a&b"],
    }
}

fn embedded(edit: impl FnOnce(&mut ViewState)) -> ViewState {
    let mut state = ViewState {
        embed: true,
        ..ViewState::default()
    };
    edit(&mut state);
    state
}

fn notices(texts: &[&str]) -> Vec<UrlNotice> {
    texts.iter().map(|t| UrlNotice(t.to_string())).collect()
}

fn parse(attributes: &[(&str, &str)]) -> (ViewState, Vec<UrlNotice>) {
    parse_embed_attributes(attributes.iter().copied(), &known())
}

#[test]
fn the_marker_alone_is_the_default_state_embedded() {
    assert_eq!(
        parse(&[("data-summit-fruits", "")]),
        (embedded(|_| {}), vec![])
    );
    assert_eq!(parse(&[]), (embedded(|_| {}), vec![]));
}

#[test]
fn every_option_reads_like_its_fragment_key() {
    let (state, got) = parse(&[
        ("data-summit-fruits", ""),
        ("data-view", "matrix"),
        ("data-cat", "risk,low-hanging"),
        ("data-level", "4,5"),
        ("data-domain", "arms-control"),
        ("data-actor", "us"),
        ("data-q", "new start"),
        ("data-sort", "feasibility-desc"),
        ("data-excluded", "hide"),
        ("data-item", "new-start"),
        ("data-passage", "new-start.0"),
        ("data-hindsight", "1"),
    ]);
    assert_eq!(got, vec![]);
    assert_eq!(state.view, View::Matrix);
    assert_eq!(
        state.filters.categories,
        BTreeSet::from([Category::Risk, Category::LowHanging])
    );
    assert_eq!(state.filters.levels, BTreeSet::from([4, 5]));
    assert_eq!(
        state.filters.domains,
        BTreeSet::from(["arms-control".to_string()])
    );
    assert_eq!(state.filters.actors, BTreeSet::from(["us".to_string()]));
    assert_eq!(state.filters.search, "new start");
    assert_eq!(state.sort, SortOrder::from_id("feasibility-desc").unwrap());
    assert!(state.hide_excluded);
    assert_eq!(state.open_item.as_deref(), Some("new-start"));
    assert_eq!(
        state.passage,
        Some(PassageRef {
            item: "new-start".into(),
            evidence: 0
        })
    );
    assert!(state.hindsight);
    assert!(state.embed);
}

#[test]
fn values_are_plain_text_not_percent_encoded() {
    // `+`, `%`, `&` and `=` mean themselves in an attribute; in a fragment they would be syntax.
    let (state, got) = parse(&[("data-q", "a+b 100% x&y=z")]);
    assert_eq!(got, vec![]);
    assert_eq!(state.filters.search, "a+b 100% x&y=z");
    let (state, got) = parse(&[("data-item", "a&b")]);
    assert_eq!(got, vec![]);
    assert_eq!(state.open_item.as_deref(), Some("a&b"));
    // A comma separates list values, so an id with a comma cannot be named in an attribute.
    let (state, got) = parse(&[("data-domain", "cyber,odd, id é")]);
    assert_eq!(state.filters.domains, BTreeSet::from(["cyber".to_string()]));
    assert_eq!(
        got,
        notices(&[
            "Ignored unknown domain \"odd\".",
            "Ignored unknown domain \" id é\"."
        ])
    );
}

#[test]
fn unknown_attributes_and_bad_values_become_notices() {
    let (state, got) = parse(&[
        ("data-summit-fruits", ""),
        ("data-colour", "red"),
        ("data-view", "grid"),
        ("data-cat", "arms-control,risk"),
        ("data-level", "9"),
        ("data-item", "nope"),
        ("data-embed", "1"),
        ("data-colour", "blue"),
    ]);
    assert_eq!(
        state,
        embedded(|s| s.filters.categories = BTreeSet::from([Category::Risk]))
    );
    assert_eq!(
        got,
        notices(&[
            "Ignored unknown attribute \"data-colour\".",
            "Ignored unknown attribute \"data-embed\".",
            "Ignored unknown view \"grid\".",
            "Ignored unknown category \"arms-control\".",
            "Ignored unknown level \"9\".",
            "Ignored unknown item \"nope\".",
        ])
    );
}

#[test]
fn other_attributes_are_not_options() {
    let (state, got) = parse(&[
        ("class", "wide"),
        ("id", "explorer"),
        ("style", "x"),
        ("aria-label", "Explorer"),
        ("DATA-VIEW", "timeline"),
    ]);
    assert_eq!(got, vec![]);
    assert_eq!(state, embedded(|s| s.view = View::Timeline));
}

#[test]
fn option_keys_are_the_fragment_keys_but_embed() {
    for key in [
        "view",
        "cat",
        "level",
        "domain",
        "actor",
        "q",
        "sort",
        "rows",
        "excluded",
        "item",
        "passage",
        "hindsight",
    ] {
        assert!(is_option_key(key), "{key}");
    }
    for key in ["embed", "summit-fruits", "", "View", "data-view"] {
        assert!(!is_option_key(key), "{key}");
    }
}

#[test]
fn full_explorer_link_carries_the_state_without_embed() {
    let state = embedded(|s| {
        s.view = View::Matrix;
        s.filters.categories = BTreeSet::from([Category::Risk]);
    });
    assert_eq!(
        full_explorer_link("https://example.org/fruits/index.html", &state),
        "https://example.org/fruits/index.html#view=matrix&cat=risk"
    );
    assert_eq!(
        full_explorer_link("index.html#old", &embedded(|_| {})),
        "index.html"
    );
    let with_search = embedded(|s| s.filters.search = "a&b".into());
    assert_eq!(
        full_explorer_link("./index.html", &with_search),
        "./index.html#q=a%26b"
    );
}

proptest! {
    /// Any attributes at all: no panic, always embedded, and the full-explorer link reads back to the same state.
    #[test]
    fn any_attributes_parse_and_link_back(
        pairs in prop::collection::vec(("data-[a-z]{0,9}|[a-z-]{0,8}", "\\PC{0,20}"), 0..8)
    ) {
        let attributes: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (state, _) = parse_embed_attributes(attributes, &known());
        prop_assert!(state.embed);
        let link = full_explorer_link("index.html", &state);
        let fragment = link.split_once('#').map_or("", |(_, f)| f);
        let (back, back_notices) = parse_fragment(fragment, &known());
        prop_assert_eq!(back_notices, vec![]);
        prop_assert_eq!(back, ViewState { embed: false, ..state });
    }
}

// ---------- The iframe embed and the Embed dialog ----------

fn matrix_state() -> ViewState {
    ViewState {
        view: View::Matrix,
        filters: Filters {
            categories: BTreeSet::from([Category::LowHanging, Category::Risk]),
            domains: BTreeSet::from(["arms-control".to_string()]),
            ..Filters::default()
        },
        ..ViewState::default()
    }
}

#[test]
fn the_base_is_the_address_without_query_and_fragment() {
    let cases = [
        ("https://example.org/", "https://example.org/"),
        (
            "https://example.org/tools/summit/?embed=1#view=matrix",
            "https://example.org/tools/summit/",
        ),
        (
            "https://example.org/tools/summit/index.html#view=matrix?x",
            "https://example.org/tools/summit/index.html",
        ),
        (
            "file:///home/reader/dist/index.html?data=x.json",
            "file:///home/reader/dist/index.html",
        ),
        ("http://127.0.0.1:8080/#", "http://127.0.0.1:8080/"),
    ];
    for (href, base) in cases {
        assert_eq!(page_base(href), base, "base of {href}");
    }
}

#[test]
fn sibling_files_resolve_against_the_folder_of_the_page() {
    let cases = [
        ("https://example.org/", "https://example.org/embed.js"),
        (
            "https://example.org/tools/summit/?embed=1#view=matrix",
            "https://example.org/tools/summit/embed.js",
        ),
        (
            "https://example.org/tools/summit/index.html",
            "https://example.org/tools/summit/embed.js",
        ),
        ("https://example.org", "https://example.org/embed.js"),
        (
            "file:///home/reader/dist/index.html",
            "file:///home/reader/dist/embed.js",
        ),
    ];
    for (href, expected) in cases {
        assert_eq!(sibling_url(href, "embed.js"), expected, "beside {href}");
    }
}

#[test]
fn the_frame_carries_the_fragment_and_embed_once() {
    let state = matrix_state();
    assert_eq!(
        frame_url("https://example.org/tools/summit/", &state),
        "https://example.org/tools/summit/?embed=1#view=matrix&cat=low-hanging,risk&domain=arms-control"
    );
    // Already embedded, with embed=1 in the query and in the state: still exactly one, in the query.
    let embedded = ViewState {
        embed: true,
        ..state.clone()
    };
    let url = frame_url(
        "https://example.org/tools/summit/?embed=1&x=2#view=matrix&embed=1",
        &embedded,
    );
    assert_eq!(
        url,
        "https://example.org/tools/summit/?embed=1#view=matrix&cat=low-hanging,risk&domain=arms-control"
    );
    assert_eq!(url.matches("embed=1").count(), 1);
    // The default state has no fragment at all.
    assert_eq!(
        frame_url("https://example.org/#", &ViewState::default()),
        "https://example.org/?embed=1"
    );
}

#[test]
fn the_full_explorer_link_drops_embed_and_keeps_the_rest() {
    let state = ViewState {
        embed: true,
        open_item: Some("new-start".into()),
        ..matrix_state()
    };
    assert_eq!(
        full_explorer_url(
            "https://example.org/summit/?embed=1#view=matrix&embed=1",
            &state
        ),
        "https://example.org/summit/#view=matrix&cat=low-hanging,risk&domain=arms-control&item=new-start"
    );
    let plain = ViewState {
        embed: true,
        ..ViewState::default()
    };
    assert_eq!(
        full_explorer_url("https://example.org/summit/?embed=1", &plain),
        "https://example.org/summit/"
    );
}

#[test]
fn attribute_values_are_escaped() {
    assert_eq!(
        escape_attribute(r#"a & "b" <c> 'd'"#),
        "a &amp; &quot;b&quot; &lt;c&gt; &#39;d&#39;"
    );
    assert_eq!(escape_attribute("plain é"), "plain é");
}

#[test]
fn the_iframe_snippet_is_exact() {
    let snippet = iframe_snippet(
        "https://example.org/tools/summit/?embed=1#whatever",
        &matrix_state(),
        "Summit Fruits: \"Potential Fruits\" & more",
        None,
    );
    assert_eq!(
        snippet,
        "<iframe src=\"https://example.org/tools/summit/?embed=1#view=matrix&amp;cat=low-hanging,risk&amp;domain=arms-control\" \
         title=\"Summit Fruits: &quot;Potential Fruits&quot; &amp; more\" data-summit-fruits-frame width=\"100%\" \
         height=\"800\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>\n\
         <script src=\"https://example.org/tools/summit/embed.js\" async></script>"
    );
    assert!(!snippet.contains("style="), "no style attribute: {snippet}");
    assert_eq!(snippet.matches("embed=1").count(), 1);
}

#[test]
fn an_address_with_markup_cannot_break_out_of_the_attribute() {
    let snippet = iframe_snippet(
        "https://example.org/a\"><script>alert(1)</script>/",
        &ViewState::default(),
        "t",
        None,
    );
    assert!(!snippet.contains("\"><script>"), "{snippet}");
    assert!(snippet.contains("a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;/?embed=1"));
}

#[test]
fn every_setting_becomes_one_plain_text_pair() {
    let state = ViewState {
        view: View::Article,
        filters: Filters {
            categories: BTreeSet::from([Category::HighHanging]),
            levels: BTreeSet::from([2, 4]),
            actors: BTreeSet::from(["us".into(), "russia".into()]),
            search: "arms & \"control\", 100%".into(),
            ..Filters::default()
        },
        passage: Some(PassageRef {
            item: "new-start".into(),
            evidence: 2,
        }),
        hindsight: true,
        embed: true,
        ..ViewState::default()
    };
    let pairs: Vec<(String, String)> = state_settings(&state);
    let expected = [
        ("view", "article"),
        ("cat", "high-hanging"),
        ("level", "2,4"),
        ("actor", "russia,us"),
        ("q", "arms & \"control\", 100%"),
        ("passage", "new-start.2"),
        ("hindsight", "1"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(pairs, expected);
    assert!(state_settings(&ViewState::default()).is_empty());
}

#[test]
fn the_script_snippet_is_exact() {
    let state = ViewState {
        filters: Filters {
            search: "<b>\"new\" & 'start'</b>".into(),
            ..matrix_state().filters
        },
        embed: true,
        ..matrix_state()
    };
    assert_eq!(
        script_snippet("https://example.org/tools/summit/index.html#view=matrix", &state, None),
        "<div data-summit-fruits data-view=\"matrix\" data-cat=\"low-hanging,risk\" data-domain=\"arms-control\" \
         data-q=\"&lt;b&gt;&quot;new&quot; &amp; &#39;start&#39;&lt;/b&gt;\"></div>\n\
         <script type=\"module\" src=\"https://example.org/tools/summit/summit-fruits-embed.js\"></script>"
    );
    assert_eq!(
        script_snippet("https://example.org/", &ViewState::default(), None),
        "<div data-summit-fruits></div>\n<script type=\"module\" src=\"https://example.org/summit-fruits-embed.js\"></script>"
    );
    assert!(!script_snippet("https://example.org/", &state, None).contains("data-embed"));
}

/// A SHA-384 integrity value as the build writes it (64 base64 characters).
const INTEGRITY: &str = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";

#[test]
fn the_build_names_its_hashed_scripts_in_a_meta_element() {
    let published = Published::parse(&format!("embed-0123456789abcdef.js {INTEGRITY}")).unwrap();
    assert_eq!(published.name, "embed-0123456789abcdef.js");
    assert_eq!(published.integrity, INTEGRITY);
    assert_eq!(
        Published::parse(&format!("  summit-fruits-embed-00ff.js {INTEGRITY} "))
            .unwrap()
            .name,
        "summit-fruits-embed-00ff.js"
    );
    let refused = [
        String::new(),
        "embed-0123.js".to_string(),
        INTEGRITY.to_string(),
        format!("../embed.js {INTEGRITY}"),
        format!("https://evil.example/embed.js {INTEGRITY}"),
        format!("a/embed.js {INTEGRITY}"),
        format!("embed.css {INTEGRITY}"),
        format!(".js {INTEGRITY}"),
        format!("embed\".js {INTEGRITY}"),
        format!("embed.js {}", INTEGRITY.replace("sha384-", "sha256-")),
        format!("embed.js {}", &INTEGRITY[..INTEGRITY.len() - 1]),
        format!("embed.js {INTEGRITY}x"),
        format!("embed.js {}\"", &INTEGRITY[..INTEGRITY.len() - 1]),
        format!("embed.js {INTEGRITY} sha384-more"),
    ];
    for content in refused {
        assert_eq!(Published::parse(&content), None, "{content:?}");
    }
}

#[test]
fn snippets_load_the_hashed_scripts_with_their_integrity() {
    let loader = Published::parse(&format!("embed-0123456789abcdef.js {INTEGRITY}")).unwrap();
    let entry = Published::parse(&format!(
        "summit-fruits-embed-fedcba9876543210.js {INTEGRITY}"
    ))
    .unwrap();
    let href = "https://example.org/tools/summit/?embed=1#whatever";
    let frame = iframe_snippet(href, &matrix_state(), "t", Some(&loader));
    assert!(
        frame.ends_with(&format!(
            "</iframe>\n<script src=\"https://example.org/tools/summit/embed-0123456789abcdef.js\" \
             integrity=\"{INTEGRITY}\" crossorigin=\"anonymous\" async></script>"
        )),
        "{frame}"
    );
    assert_eq!(
        script_snippet(
            "https://example.org/tools/summit/",
            &ViewState::default(),
            Some(&entry)
        ),
        format!(
            "<div data-summit-fruits></div>\n<script type=\"module\" \
             src=\"https://example.org/tools/summit/summit-fruits-embed-fedcba9876543210.js\" \
             integrity=\"{INTEGRITY}\" crossorigin=\"anonymous\"></script>"
        )
    );
}

#[test]
fn the_script_snippet_reads_back_as_the_same_state() {
    let state = ViewState {
        view: View::Matrix,
        filters: Filters {
            categories: BTreeSet::from([Category::Risk, Category::LowHanging]),
            levels: BTreeSet::from([2, 5]),
            domains: BTreeSet::from(["arms-control".to_string()]),
            search: "a&b = \"c\", 100% +x".into(),
            ..Filters::default()
        },
        sort: SortOrder::Title,
        open_item: Some("a&b".into()),
        hindsight: true,
        ..ViewState::default()
    };
    let settings = state_settings(&state);
    let attributes: Vec<(String, &str)> = settings
        .iter()
        .map(|(key, value)| (format!("data-{key}"), value.as_str()))
        .collect();
    let (read, notices) =
        parse_embed_attributes(attributes.iter().map(|(k, v)| (k.as_str(), *v)), &known());
    assert_eq!(notices, vec![]);
    assert_eq!(
        read,
        ViewState {
            embed: true,
            ..state
        }
    );
}

#[test]
fn an_embeds_item_links_go_to_the_full_explorers_item_pages() {
    use summit_core::embed::full_explorer_item_page;
    assert_eq!(
        full_explorer_item_page(
            "https://example.org/tools/summit/index.html",
            "nuclear-talks"
        ),
        "https://example.org/tools/summit/items/nuclear-talks/"
    );
    assert_eq!(
        full_explorer_item_page("https://example.org/summit/index.html?x=1#view=matrix", "a"),
        "https://example.org/summit/items/a/"
    );
    assert_eq!(full_explorer_item_page("index.html", "a"), "items/a/");
}
