//! A page per item beside `index.html` (`items/ID/index.html`), and the tags that make every page preview well when
//! shared: the last post-build step, so each page starts from the finished `index.html`.
//!
//! An item page is `index.html` with the item's title and summary as its `<title>` and description, the default
//! view's markup replaced by the item's page as the server drew it (the default view with the item's detail open,
//! src/prerender.rs), Open Graph and Twitter card tags, JSON-LD in schema.org terms (the article as an `Article` with
//! its author, publisher and date; the item's evidence as `Quotation`s that are part of it), and
//! `<meta name="summit-fruits:item">`, by which the app knows to open the item (src/item_page.rs) and the explorer's own
//! title, which the page takes once the app has moved it to the explorer's address. Its relative
//! addresses are rewritten to reach the bundle two folders up. `index.html` gets the explorer's own tags.
//!
//! Crawlers and social sites want absolute addresses: with the site's address (`cargo xtask build --site-url URL`,
//! handed to this step in `SUMMIT_FRUITS_SITE_URL`) every page also gets `<link rel="canonical">`, `og:url`,
//! `og:image` and `twitter:image`, and the bundle a `sitemap.xml` and a `robots.txt`. Without it those are left out,
//! and the step says so.

use serde_json::{json, Value};
use summit_core::model::{DataSet, Item};
use summit_core::text::head_chars;
use summit_core::url::{item_page_path, ITEM_PAGE_META, ITEM_PAGE_TO_ROOT, PREVIEW_IMAGE};

use super::prerender::Drawn;
use super::Staging;
use crate::html;

/// The environment variable that carries `--site-url` from `cargo xtask build` through Trunk to this step.
pub const SITE_URL_VARIABLE: &str = "SUMMIT_FRUITS_SITE_URL";

/// The product's name, as pages and previews name it.
const SITE_NAME: &str = "Summit Fruits";

/// How many characters of an item's summary its description keeps (search engines show about 160).
const DESCRIPTION_CHARS: usize = 200;

/// The preview images' size (xtask/src/postbuild/preview.rs draws them).
const IMAGE_SIZE: (u32, u32) = (super::preview::WIDTH, super::preview::HEIGHT);

/// The site's address: an absolute http(s) address of the folder that holds `index.html`, ending in `/`.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// Checks an address given on the command line; a missing final `/` is added (the address names a folder).
    pub fn parse(text: &str) -> Result<SiteUrl, String> {
        let text = text.trim();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| {
                format!("--site-url must be an http:// or https:// address, not {text:?}")
            })?;
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty()
            || rest.contains(['?', '#'])
            || rest
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        {
            return Err(format!(
                "--site-url must be the address of the folder the bundle is published in, with a host and no query, \
                 fragment, spaces or quotes, such as https://example.org/tools/summit/ (not {text:?})"
            ));
        }
        let mut url = text.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(SiteUrl(url))
    }

    /// The address given to this step by `cargo xtask build --site-url`, if any.
    pub fn from_env() -> Result<Option<SiteUrl>, String> {
        match std::env::var(SITE_URL_VARIABLE) {
            Ok(text) if !text.trim().is_empty() => SiteUrl::parse(&text).map(Some),
            _ => Ok(None),
        }
    }

    /// `path` (relative to the bundle's folder) as an absolute address.
    fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

impl std::fmt::Display for SiteUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the step wrote, for the build's log.
pub struct Written {
    pub pages: usize,
    pub left_out: Option<&'static str>,
}

/// Writes the item pages, the share tags of every page, and with a site address the sitemap and robots.txt.
pub fn write(
    staging: &Staging,
    data: &DataSet,
    drawn: &Drawn,
    site: Option<&SiteUrl>,
) -> Result<Written, String> {
    let index = staging.read_text("index.html")?;
    for (item, drawn_item) in data.items.iter().zip(&drawn.item_blocks) {
        if item.id != drawn_item.id {
            return Err(format!(
                "the item pages were drawn for {}, not {}",
                drawn_item.id, item.id
            ));
        }
        let page = item_page(
            &index,
            data,
            item,
            &drawn.index_block,
            &drawn_item.block,
            site,
        )?;
        staging.write(&format!("{}index.html", item_page_path(&item.id)), page)?;
    }
    staging.write("index.html", explorer_page(&index, data, site)?)?;
    if let Some(site) = site {
        staging.write("sitemap.xml", sitemap(data, site))?;
        staging.write("robots.txt", robots(site))?;
    }
    Ok(Written {
        pages: data.items.len(),
        left_out: site.is_none().then_some(
            "left out <link rel=\"canonical\">, og:url, og:image and twitter:image (they must be absolute \
             addresses), sitemap.xml and robots.txt: build with --site-url URL to write them",
        ),
    })
}

/// The item's page, from the finished `index.html`.
fn item_page(
    index: &str,
    data: &DataSet,
    item: &Item,
    index_block: &str,
    item_block: &str,
    site: Option<&SiteUrl>,
) -> Result<String, String> {
    let title = format!("{} · {SITE_NAME}", item.title);
    let description = head_chars(&item.summary, DESCRIPTION_CHARS);
    let path = item_page_path(&item.id);
    let image_alt = format!(
        "{}: {}, feasibility {} of {} ({}), from {} by {}",
        item.title,
        data.category_label(item.category),
        item.feasibility.level,
        data.feasibility_scale.len(),
        data.level_label(item.feasibility.level),
        data.article.title,
        data.article.author
    );
    let explorer_title = page_title(index)?;
    let page = with_title_and_description(index, &title, &description)?;
    let page = html::replace_once(&page, index_block, item_block)
        .map_err(|e| format!("index.html must hold the prerendered default view once ({e})"))?;
    let page = to_root(&page);
    let mut head = vec![format!(
        r#"<meta name="{ITEM_PAGE_META}" content="{}" data-explorer-title="{}">"#,
        html::escape(&item.id),
        html::escape(&explorer_title)
    )];
    head.extend(share_tags(&ShareCard {
        kind: "article",
        title: &item.title,
        description: &description,
        page: &path,
        image: &format!("{path}{PREVIEW_IMAGE}"),
        image_alt: &image_alt,
        site,
    }));
    head.push(json_ld(&item_graph(data, item, site)));
    insert_in_head(&page, &head)
}

/// `index.html` with the explorer's own share tags.
fn explorer_page(index: &str, data: &DataSet, site: Option<&SiteUrl>) -> Result<String, String> {
    let title = page_title(index)?;
    let description = html::tags(index, "meta")?
        .into_iter()
        .find(|tag| tag.get("name") == Some("description"))
        .and_then(|tag| tag.get("content").map(unescape))
        .ok_or("index.html has no <meta name=\"description\">")?;
    let image_alt = format!(
        "{SITE_NAME}: {} by {}, {}, explored",
        data.article.title, data.article.author, data.article.outlet
    );
    let mut head = share_tags(&ShareCard {
        kind: "website",
        title: &title,
        description: &description,
        page: "",
        image: PREVIEW_IMAGE,
        image_alt: &image_alt,
        site,
    });
    head.push(json_ld(&explorer_graph(data, &title, &description, site)));
    insert_in_head(index, &head)
}

/// What a page's share tags say.
struct ShareCard<'a> {
    /// `og:type`: "website" or "article".
    kind: &'a str,
    title: &'a str,
    description: &'a str,
    /// The page's address relative to the bundle's folder ("" for index.html).
    page: &'a str,
    /// The preview image's address relative to the bundle's folder.
    image: &'a str,
    image_alt: &'a str,
    site: Option<&'a SiteUrl>,
}

/// Open Graph and Twitter card tags, and with the site's address the canonical link and the images.
fn share_tags(card: &ShareCard) -> Vec<String> {
    let meta = |attribute: &str, name: &str, content: &str| {
        format!(
            r#"<meta {attribute}="{name}" content="{}">"#,
            html::escape(content)
        )
    };
    let mut tags = vec![
        meta("property", "og:type", card.kind),
        meta("property", "og:site_name", SITE_NAME),
        meta("property", "og:title", card.title),
        meta("property", "og:description", card.description),
        meta("property", "og:locale", "en_US"),
        meta("name", "twitter:card", "summary_large_image"),
        meta("name", "twitter:title", card.title),
        meta("name", "twitter:description", card.description),
    ];
    if let Some(site) = card.site {
        let page = site.join(card.page);
        let image = site.join(card.image);
        tags.splice(
            0..0,
            [format!(
                r#"<link rel="canonical" href="{}">"#,
                html::escape(&page)
            )],
        );
        tags.extend([
            meta("property", "og:url", &page),
            meta("property", "og:image", &image),
            meta("property", "og:image:type", "image/png"),
            meta("property", "og:image:width", &IMAGE_SIZE.0.to_string()),
            meta("property", "og:image:height", &IMAGE_SIZE.1.to_string()),
            meta("property", "og:image:alt", card.image_alt),
            meta("name", "twitter:image", &image),
            meta("name", "twitter:image:alt", card.image_alt),
        ]);
    }
    tags
}

/// The article in schema.org terms; with `quotations`, the item's evidence as its parts.
fn article_node(data: &DataSet, quotations: Option<&Item>) -> Value {
    let article = &data.article;
    let mut node = json!({
        "@type": "Article",
        "@id": article.url,
        "url": article.url,
        "headline": article.title,
        "name": article.title,
        "genre": article.kind,
        "datePublished": article.published,
        "inLanguage": "en",
        "author": { "@type": "Person", "name": article.author },
        "publisher": { "@type": "Organization", "name": article.outlet },
    });
    if let Some(item) = quotations {
        node["hasPart"] = item
            .evidence
            .iter()
            .map(|evidence| {
                let section = data
                    .article
                    .sections
                    .iter()
                    .find(|s| s.id == evidence.section)
                    .and_then(|s| s.heading.as_deref())
                    .map_or_else(
                        || "the introduction".to_string(),
                        |h| format!("the section “{h}”"),
                    );
                json!({
                    "@type": "Quotation",
                    "text": evidence.quote,
                    "description": format!("From {section}, paragraph {}", evidence.paragraph),
                    "creator": { "@type": "Person", "name": article.author },
                    "isPartOf": { "@id": article.url },
                })
            })
            .collect();
    }
    node
}

/// The explorer as a web site, in schema.org terms.
fn website_node(site: Option<&SiteUrl>) -> Value {
    let mut node = json!({ "@type": "WebSite", "name": SITE_NAME });
    if let Some(site) = site {
        node["@id"] = json!(site.join(""));
        node["url"] = json!(site.join(""));
    }
    node
}

/// An item page's JSON-LD: the page, about the item and citing the article, and the article with the item's quotations.
fn item_graph(data: &DataSet, item: &Item, site: Option<&SiteUrl>) -> Value {
    let mut page = json!({
        "@type": "WebPage",
        "name": item.title,
        "description": item.summary,
        "isPartOf": website_node(site),
        "about": { "@id": data.article.url },
        "citation": { "@id": data.article.url },
    });
    if let Some(site) = site {
        let address = site.join(&item_page_path(&item.id));
        page["@id"] = json!(address);
        page["url"] = json!(address);
        page["primaryImageOfPage"] = json!({
            "@type": "ImageObject",
            "url": site.join(&format!("{}{PREVIEW_IMAGE}", item_page_path(&item.id))),
            "width": IMAGE_SIZE.0,
            "height": IMAGE_SIZE.1,
        });
    }
    json!({ "@context": "https://schema.org", "@graph": [page, article_node(data, Some(item))] })
}

/// The explorer's JSON-LD: the site, and the article it is about.
fn explorer_graph(data: &DataSet, title: &str, description: &str, site: Option<&SiteUrl>) -> Value {
    let mut page = website_node(site);
    page["name"] = json!(title);
    page["description"] = json!(description);
    page["about"] = json!({ "@id": data.article.url });
    json!({ "@context": "https://schema.org", "@graph": [page, article_node(data, None)] })
}

/// A JSON-LD block. It is data, not script: the page's Content-Security-Policy runs no script from it. `<`, `>` and
/// `&` are written as JSON escapes, so no text can close the element.
fn json_ld(graph: &Value) -> String {
    let text = graph
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!(r#"<script type="application/ld+json">{text}</script>"#)
}

/// The page with its `<title>` and `<meta name="description">` replaced.
fn with_title_and_description(
    page: &str,
    title: &str,
    description: &str,
) -> Result<String, String> {
    let title_tag = html::tags(page, "title")?
        .into_iter()
        .next()
        .ok_or("index.html has no <title>")?;
    let title_end =
        html::element_end(page, &title_tag, "title").ok_or("index.html's <title> is not closed")?;
    let description_tag = html::tags(page, "meta")?
        .into_iter()
        .find(|tag| tag.get("name") == Some("description"))
        .ok_or("index.html has no <meta name=\"description\">")?;
    Ok(html::replace_ranges(
        page,
        vec![
            (
                title_tag.start..title_end,
                format!("<title>{}</title>", html::escape(title)),
            ),
            (
                description_tag.range(),
                format!(
                    r#"<meta name="description" content="{}">"#,
                    html::escape(description)
                ),
            ),
        ],
    ))
}

/// The text of the page's `<title>`.
fn page_title(page: &str) -> Result<String, String> {
    let tag = html::tags(page, "title")?
        .into_iter()
        .next()
        .ok_or("index.html has no <title>")?;
    let end = html::element_end(page, &tag, "title").ok_or("index.html's <title> is not closed")?;
    Ok(unescape(&page[tag.end..end - "</title>".len()]))
}

/// Undoes [`html::escape`] (and the numeric forms of the same characters).
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `tags` inserted before `</head>`, one a line.
fn insert_in_head(page: &str, tags: &[String]) -> Result<String, String> {
    let lines: String = tags.iter().map(|tag| format!("  {tag}\n")).collect();
    html::replace_once(page, "</head>", &format!("{lines}</head>"))
}

/// The page with every relative `href` and `src` made to reach the bundle's folder from an item page's. Addresses
/// that start at the site's root, carry a scheme, or point into the page itself (`#main`) stay as they are.
fn to_root(page: &str) -> String {
    let mut out = String::with_capacity(page.len() + 1024);
    let mut rest = page;
    while let Some(at) = [" href=\"", " src=\""]
        .iter()
        .filter_map(|needle| rest.find(needle).map(|i| (i, needle.len())))
        .min()
    {
        let (before, after) = rest.split_at(at.0 + at.1);
        out.push_str(before);
        if is_relative(after) {
            out.push_str(ITEM_PAGE_TO_ROOT);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether an attribute value (the text after its opening quote) is a relative address that leaves the page.
fn is_relative(value: &str) -> bool {
    let value = &value[..value.find('"').unwrap_or(value.len())];
    if value.is_empty() || value.starts_with(['#', '/']) {
        return false;
    }
    let scheme_end = value.find([':', '/', '?', '#']);
    !scheme_end.is_some_and(|end| value[end..].starts_with(':'))
}

/// The sitemap: the explorer and every item page.
fn sitemap(data: &DataSet, site: &SiteUrl) -> String {
    let mut pages = vec![site.join("")];
    pages.extend(
        data.items
            .iter()
            .map(|item| site.join(&item_page_path(&item.id))),
    );
    let entries: String = pages
        .iter()
        .map(|page| format!("  <url><loc>{}</loc></url>\n", html::escape(page)))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{entries}</urlset>\n"
    )
}

/// robots.txt: everything may be crawled; the sitemap is named. Crawlers read it only at a host's root.
fn robots(site: &SiteUrl) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.join("sitemap.xml")
    )
}

#[cfg(test)]
#[path = "item_pages_tests.rs"]
mod tests;
