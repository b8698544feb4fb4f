//! Tests of the item pages and share tags (`item_pages.rs`).
use super::*;

#[test]
fn the_site_address_must_be_an_absolute_folder() {
    assert_eq!(
        SiteUrl::parse("https://example.org/tools/summit").unwrap(),
        SiteUrl("https://example.org/tools/summit/".into())
    );
    assert_eq!(
        SiteUrl::parse("http://localhost:8080/")
            .unwrap()
            .join("items/a/"),
        "http://localhost:8080/items/a/"
    );
    for bad in [
        "example.org/",
        "ftp://example.org/",
        "https:///x",
        "https://e.org/?a=1",
        "https://e.org/a b/",
        "https://e.org/\"/",
    ] {
        assert!(SiteUrl::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn relative_addresses_are_made_to_reach_the_bundle() {
    let page = r##"<link href="./a.css"><a href="#main">s</a><a href="items/b/">b</a><img src="x.png"><a href="https://e.org/">e</a><a href="/abs">r</a><a href="?data=x.json">d</a><a href="mailto:a@b">m</a>"##;
    assert_eq!(
        to_root(page),
        r##"<link href="../.././a.css"><a href="#main">s</a><a href="../../items/b/">b</a><img src="../../x.png"><a href="https://e.org/">e</a><a href="/abs">r</a><a href="../../?data=x.json">d</a><a href="mailto:a@b">m</a>"##
    );
}

#[test]
fn json_ld_cannot_close_its_element() {
    let block = json_ld(&json!({ "text": "</script><b>&" }));
    assert_eq!(block.matches("</script>").count(), 1);
    assert!(block.contains("\\u003c/script\\u003e\\u003cb\\u003e\\u0026"));
    let inner = &block[block.find('>').unwrap() + 1..block.rfind("</script>").unwrap()];
    let back: Value = serde_json::from_str(inner).unwrap();
    assert_eq!(back["text"], "</script><b>&");
}

#[test]
fn the_share_tags_need_the_site_address_for_absolute_ones() {
    let card = ShareCard {
        kind: "article",
        title: "T \"q\"",
        description: "D",
        page: "items/a/",
        image: "items/a/preview.png",
        image_alt: "A",
        site: None,
    };
    let without = share_tags(&card).join("\n");
    assert!(without.contains(r#"<meta property="og:title" content="T &quot;q&quot;">"#));
    assert!(
        !without.contains("og:image")
            && !without.contains("canonical")
            && !without.contains("og:url")
    );
    let site = SiteUrl::parse("https://example.org/s/").unwrap();
    let with = share_tags(&ShareCard {
        site: Some(&site),
        ..card
    })
    .join("\n");
    assert!(with.contains(r#"<link rel="canonical" href="https://example.org/s/items/a/">"#));
    assert!(with.contains(
        r#"<meta property="og:image" content="https://example.org/s/items/a/preview.png">"#
    ));
    assert!(with.contains(
        r#"<meta name="twitter:image" content="https://example.org/s/items/a/preview.png">"#
    ));
}

#[test]
fn the_sitemap_lists_the_explorer_and_every_item_page() {
    let text = std::fs::read_to_string(crate::root().join("data/potential-fruits.json")).unwrap();
    let (data, _) = summit_core::validate::parse_and_validate(&text, &Default::default()).unwrap();
    let site = SiteUrl::parse("https://example.org/s/").unwrap();
    let map = sitemap(&data, &site);
    assert_eq!(map.matches("<loc>").count(), data.items.len() + 1);
    assert!(map.contains(&format!(
        "<loc>https://example.org/s/items/{}/</loc>",
        data.items[0].id
    )));
    assert!(robots(&site).contains("Sitemap: https://example.org/s/sitemap.xml"));
    let graph = item_graph(&data, &data.items[0], Some(&site));
    let quotations = graph["@graph"][1]["hasPart"].as_array().unwrap();
    assert_eq!(quotations.len(), data.items[0].evidence.len());
    assert_eq!(quotations[0]["@type"], "Quotation");
    assert_eq!(graph["@graph"][1]["author"]["name"], data.article.author);
}

#[test]
fn without_the_site_address_the_step_says_what_it_left_out() {
    use super::super::prerender::{Drawn, ItemBlock};
    let text = std::fs::read_to_string(crate::root().join("data/potential-fruits.json")).unwrap();
    let (data, _) = summit_core::validate::parse_and_validate(&text, &Default::default()).unwrap();
    let dir = std::env::temp_dir().join(format!("summit-item-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let staging = Staging::new(&dir);
    let index = r#"<html><head><title>Explorer</title><meta name="description" content="All &amp; more"><link rel="stylesheet" href="./s.css"></head><body><div id="app">DEFAULT</div></body></html>"#;
    staging.write("index.html", index).unwrap();
    let drawn = Drawn {
        item_blocks: data
            .items
            .iter()
            .map(|item| ItemBlock {
                id: item.id.clone(),
                block: format!("<p>{}</p>", item.id),
            })
            .collect(),
        index_block: "DEFAULT".into(),
        data: data.clone(),
    };
    let written = write(&staging, &data, &drawn, None).unwrap();
    assert_eq!(written.pages, data.items.len());
    assert!(written.left_out.unwrap().contains("--site-url"));
    let item = &data.items[1];
    let page = staging
        .read_text(&format!("items/{}/index.html", item.id))
        .unwrap();
    assert!(page.contains(&format!("<p>{}</p>", item.id)) && !page.contains("DEFAULT"));
    assert!(page.contains(r#"href="../.././s.css""#));
    assert!(page.contains(&format!(
        r#"<meta name="summit-fruits:item" content="{}" data-explorer-title="Explorer">"#,
        item.id
    )));
    assert!(!page.contains("og:image") && !page.contains("canonical"));
    let explorer = staging.read_text("index.html").unwrap();
    assert!(explorer.contains(r#"<meta property="og:description" content="All &amp; more">"#));
    assert!(!staging.has("sitemap.xml"));
    // With the address: the sitemap, robots.txt and the absolute tags.
    staging.write("index.html", index).unwrap();
    let site = SiteUrl::parse("https://example.org/s").unwrap();
    assert!(write(&staging, &data, &drawn, Some(&site))
        .unwrap()
        .left_out
        .is_none());
    assert!(staging.has("sitemap.xml") && staging.has("robots.txt"));
    assert!(staging
        .read_text("index.html")
        .unwrap()
        .contains(r#"<link rel="canonical" href="https://example.org/s/">"#));
    std::fs::remove_dir_all(&dir).unwrap();
}
