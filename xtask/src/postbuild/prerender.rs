//! The prerendered page: the article's header and every prospect and risk written as plain HTML into `index.html`,
//! so the content shows before the wasm arrives and in a browser that cannot run it at all. The app removes this
//! block when it starts (src/lib.rs).
//!
//! The data set is read and checked with the app's own `parse_and_validate`; every text is HTML-escaped and put into
//! the page as it is.

use std::fmt::Write as _;
use std::path::Path;

use summit_core::model::DataSet;
use summit_core::validate::{parse_and_validate, Limits};

use super::Staging;
use crate::html;

/// The comment in index.html that the block replaces.
const MARKER: &str = "<!-- prerendered content -->";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
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
    let page = staging.read_text("index.html")?;
    let page = html::replace_once(&page, MARKER, &block(&data_set)?)
        .map_err(|e| format!("index.html must hold the marker {MARKER} exactly once ({e})"))?;
    staging.write("index.html", page)?;
    Ok(data_set.items.len())
}

/// The prerendered block for a data set.
fn block(data: &DataSet) -> Result<String, String> {
    let article = &data.article;
    let max_level = data
        .feasibility_scale
        .iter()
        .map(|l| l.level)
        .max()
        .unwrap_or(0);
    let mut cards = String::new();
    for (index, item) in data.items.iter().enumerate() {
        // The category's id as the data set spells it (its serde name).
        let category = serde_json::to_value(item.category)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .ok_or("a category without a name")?;
        let category_label = data
            .vocabularies
            .categories
            .iter()
            .find(|t| t.id == category)
            .map_or(category.as_str(), |t| t.label.as_str());
        let level = item.feasibility.level;
        let level_label = data
            .feasibility_scale
            .iter()
            .find(|l| l.level == level)
            .map_or("", |l| l.label.as_str());
        // The first card's title carries the Element Timing name that `cargo xtask bench` measures first paint by.
        let timing = if index == 0 {
            r#" elementtiming="first-card""#
        } else {
            ""
        };
        let note = match item.feasibility.reading_note.as_deref() {
            Some(note) if !note.is_empty() => format!(
                "\n        <p class=\"reading-note\"><strong>How it is read:</strong> {}</p>",
                html::escape(note)
            ),
            _ => String::new(),
        };
        write!(
            cards,
            "
      <li class=\"prerender-card cat-{category}\">
        <h2{timing}>{title}</h2>
        <p class=\"prerender-meta\">{category_label} · Feasibility: {level_label} ({level} of {max_level})</p>
        <p>{summary}</p>
        <blockquote><p>“{rationale}”</p></blockquote>{note}
      </li>",
            category = html::escape(&category),
            title = html::escape(&item.title),
            category_label = html::escape(category_label),
            level_label = html::escape(level_label),
            summary = html::escape(&item.summary),
            rationale = html::escape(&item.feasibility.rationale),
        )
        .expect("writing to a String cannot fail");
    }
    let original = if is_web_address(&article.url) {
        format!(
            r#" · <a class="original-link" href="{}" rel="noopener">Read the original</a>"#,
            html::escape(&article.url)
        )
    } else {
        String::new()
    };
    Ok(format!(
        r#"<div id="prerender" class="prerender">
    <header class="site-header">
      <p class="site-name">Summit Fruits</p>
      <h1 class="article-title">{title}</h1>
      <p class="byline"><span class="author">{author}</span>, <cite class="outlet">{outlet}</cite>, <time datetime="{published}">{date}</time>{original}</p>
    </header>
    <p class="prerender-notice" id="prerender-notice" role="status">The interactive explorer (filters, matrix, annotated article, timeline) appears here once it has loaded; it needs JavaScript and WebAssembly. Meanwhile, here is every prospect and risk the article discusses, with its feasibility in the article’s own words.</p>
    <ol class="prerender-list">{cards}
    </ol>
  </div>"#,
        title = html::escape(&article.title),
        author = html::escape(&article.author),
        outlet = html::escape(&article.outlet),
        published = html::escape(&article.published),
        date = html::escape(&human_date(&article.published)?),
    ))
}

/// An `http://` or `https://` address, in any case.
fn is_web_address(url: &str) -> bool {
    ["http://", "https://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    })
}

/// "2021-06-04" → "4 June 2021", as the app writes dates.
fn human_date(iso: &str) -> Result<String, String> {
    let parts: Vec<u32> = iso
        .split('-')
        .map(str::parse)
        .collect::<Result<_, _>>()
        .map_err(|_| format!("{iso} is not a YYYY-MM-DD date"))?;
    match parts[..] {
        [year, month @ 1..=12, day] => Ok(format!("{day} {} {year}", MONTHS[month as usize - 1])),
        _ => Err(format!("{iso} is not a YYYY-MM-DD date")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_the_app_writes_them() {
        assert_eq!(human_date("2021-06-04").unwrap(), "4 June 2021");
        assert_eq!(human_date("1999-12-31").unwrap(), "31 December 1999");
        assert!(human_date("2021-13-01").is_err());
        assert!(human_date("June 2021").is_err());
    }

    #[test]
    fn only_web_addresses_are_linked() {
        assert!(is_web_address("https://example.org/a"));
        assert!(is_web_address("HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("http:/x"));
    }

    #[test]
    fn the_bundled_data_set_is_written_escaped_with_the_timing_name_on_the_first_title_only() {
        let text =
            std::fs::read_to_string(crate::root().join("data/potential-fruits.json")).unwrap();
        let (mut data, _) = parse_and_validate(&text, &Limits::default()).unwrap();
        data.items[0].title = "Arms $' <b>& \"control\"</b>".to_string();
        let block = block(&data).unwrap();
        assert_eq!(
            block.matches("<li class=\"prerender-card cat-").count(),
            data.items.len()
        );
        assert_eq!(block.matches("elementtiming").count(), 1);
        assert!(block.contains(
            "<h2 elementtiming=\"first-card\">Arms $' &lt;b&gt;&amp; &quot;control&quot;&lt;/b&gt;</h2>"
        ));
        assert!(block.contains("<time datetime=\"2021-06-04\">4 June 2021</time>"));
        assert!(block.starts_with("<div id=\"prerender\" class=\"prerender\">"));
        assert!(block.ends_with("\n    </ol>\n  </div>"));
    }
}
