//! The "After the article, not in it" section of a card or of the detail dialog, drawn into the `<section>` the app
//! gives: the item's outcome and its reason, then its dated facts after the article with their sources, and any facts
//! from before it labelled as background. Everything here comes from `data/hindsight.json`, never the article, and
//! nothing of it is put in a quotation.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use summit_core::dates::format_iso_date;
use summit_core::glyphs::HINDSIGHT_ICON;
use summit_core::hindsight::{entries_for, outcome_for, source_host, HINDSIGHT_HEADING};
use summit_core::model::{Hindsight, HindsightEntry};
use summit_core::text::count_noun;

use crate::dom::{add, clear, document_of, element, text_element};
use crate::view_parts::{icon, leaving_link, verdict_icon};

/// The label of facts from before the article.
pub const BACKGROUND_LABEL: &str = "Background (before the article)";

/// How the app places the section: its heading's level (4 on a card, below its `h3` title; 3 in the detail dialog),
/// the prefix of its element ids (so that a card and the open dialog never share one), and whether its source links
/// open a new tab (in embed mode).
pub struct Placement<'a> {
    pub heading_level: u8,
    pub id_prefix: &'a str,
    pub embedded: bool,
}

/// The id of the section's heading, which the app's `<section>` names in its `aria-labelledby`.
pub fn heading_id(id_prefix: &str, item_id: &str) -> String {
    format!("hindsight-{id_prefix}-{item_id}")
}

/// Draws what happened to the item `item_id` after the article into `section`, replacing what it held.
pub fn draw(
    section: &Element,
    hindsight: &Hindsight,
    item_id: &str,
    placement: &Placement,
) -> Result<(), JsValue> {
    let document = document_of(section)?;
    clear(section);
    let tag = match placement.heading_level {
        2 => "h2",
        3 => "h3",
        5 => "h5",
        _ => "h4",
    };
    let heading = add(section, element(&document, tag, "hindsight-heading")?)?;
    heading.set_id(&heading_id(placement.id_prefix, item_id));
    add(
        &heading,
        icon(&document, "hindsight-icon", 16, HINDSIGHT_ICON)?,
    )?;
    heading.append_with_str_1(HINDSIGHT_HEADING)?;

    match outcome_for(hindsight, item_id) {
        Some(outcome) => {
            let badge = add(
                section,
                element(
                    &document,
                    "p",
                    &format!("outcome-badge verdict-{}", outcome.verdict.id()),
                )?,
            )?;
            add(&badge, verdict_icon(&document, outcome.verdict, 18)?)?;
            add(
                &badge,
                text_element(
                    &document,
                    "span",
                    "outcome-badge-prefix",
                    "After the summit: ",
                )?,
            )?;
            add(
                &badge,
                text_element(
                    &document,
                    "strong",
                    "outcome-badge-label",
                    outcome.verdict.label(),
                )?,
            )?;
            add(
                section,
                text_element(&document, "p", "hindsight-reason", &outcome.reason)?,
            )?;
        }
        None => {
            add(
                section,
                text_element(
                    &document,
                    "p",
                    "hindsight-none",
                    "No outcome recorded: no checked fact says how this held after the summit.",
                )?,
            )?;
        }
    }

    let (background, later): (Vec<&HindsightEntry>, Vec<&HindsightEntry>) =
        entries_for(hindsight, item_id)
            .into_iter()
            .partition(|e| e.background);
    let groups = [
        (
            later,
            "hindsight-group-label".to_string(),
            "hindsight-entries",
        ),
        (
            background,
            "hindsight-group-label hindsight-background-label".to_string(),
            "hindsight-entries hindsight-background",
        ),
    ];
    for (i, (entries, label_class, list_class)) in groups.iter().enumerate() {
        if entries.is_empty() {
            continue;
        }
        let label = if i == 0 {
            format!(
                "{} after the article",
                count_noun(entries.len(), "dated fact", "dated facts")
            )
        } else {
            BACKGROUND_LABEL.to_string()
        };
        add(section, text_element(&document, "p", label_class, &label)?)?;
        let list = add(section, element(&document, "ul", list_class)?)?;
        for entry in entries {
            add(&list, entry_item(&document, entry, placement.embedded)?)?;
        }
    }
    Ok(())
}

/// One dated fact: its date, its sentence and a link to its source.
fn entry_item(
    document: &Document,
    entry: &HindsightEntry,
    embedded: bool,
) -> Result<Element, JsValue> {
    let class = if entry.background {
        "hindsight-entry hindsight-entry-background"
    } else {
        "hindsight-entry"
    };
    let item = element(document, "li", class)?;
    let time = add(
        &item,
        text_element(
            document,
            "time",
            "hindsight-date",
            &format_iso_date(&entry.date),
        )?,
    )?;
    time.set_attribute("datetime", &entry.date)?;
    item.append_with_str_1(" ")?;
    add(
        &item,
        text_element(document, "span", "hindsight-text", &entry.text)?,
    )?;
    item.append_with_str_1(" ")?;
    add(
        &item,
        leaving_link(
            document,
            &entry.source,
            "hindsight-source",
            embedded,
            &format!("Source: {}", source_host(&entry.source)),
        )?,
    )?;
    Ok(item)
}
