//! The timeline view, drawn with the DOM (`crate::dom`) into the element the app hands over: the dated events the
//! article mentions, in order, with the summit and the article's own publication marked, each quoting the article and
//! linking to the cards it bears on. With the hindsight layer on, the line continues past the summit in a separate
//! part: dated, sourced facts from after the article. Events and facts that bear only on cards the filters leave out
//! are left out, and the view says how many.
//!
//! Each card is a link to it and "Read in the article" a link to the article view at the event's paragraph
//! (`crate::view_parts::Links`).

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use summit_core::dates::{format_iso_date, IsoDate};
use summit_core::glyphs::HINDSIGHT_ICON;
use summit_core::hindsight::{later_entries, source_host};
use summit_core::model::{DataSet, Event, Hindsight, HindsightEntry};
use summit_core::text::{count_noun, plural};

use crate::dom::{add, element, text_element};
use crate::view_parts::{category_icon, icon, leaving_link, paragraph_id, path_icon, show, Links};

/// The star that marks the summit.
const SUMMIT_STAR: &str =
    "M8 1l2.1 4.4l4.9 0.7l-3.5 3.4l0.8 4.8l-4.3-2.3l-4.3 2.3l0.8-4.8l-3.5-3.4l4.9-0.7z";

/// What the timeline is drawn from.
pub struct TimelineInput<'a> {
    pub data: &'a DataSet,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: &'a [bool],
    /// The hindsight layer, while it is on.
    pub hindsight: Option<&'a Hindsight>,
    /// In embed mode, links that leave the explorer open a new tab.
    pub embedded: bool,
}

impl TimelineInput<'_> {
    fn item(&self, id: &str) -> Option<(usize, &summit_core::model::Item)> {
        self.data
            .items
            .iter()
            .enumerate()
            .find(|(_, item)| item.id == id)
    }

    fn included(&self, index: usize) -> bool {
        self.included.get(index).copied().unwrap_or(false)
    }

    /// True when an event or fact bears on no item, or on at least one that the filters let through.
    fn bears_on_shown(&self, items: &[String]) -> bool {
        items.is_empty()
            || items
                .iter()
                .filter_map(|id| self.item(id))
                .any(|(index, _)| self.included(index))
    }
}

/// The first day a date can mean, for placing the publication marker; unreadable dates sort last.
fn first_day(date: &str) -> (u16, u8, u8) {
    IsoDate::parse(date).map_or((u16::MAX, u8::MAX, u8::MAX), IsoDate::first_day)
}

/// A date as `<time>`, written for people.
fn time(document: &Document, date: &str) -> Result<Element, JsValue> {
    let time = text_element(document, "time", "", &format_iso_date(date))?;
    time.set_attribute("datetime", date)?;
    Ok(time)
}

/// "3 events are hidden by the filters.", or nothing when none is.
fn hidden_note(
    document: &Document,
    parent: &Element,
    hidden: usize,
    noun: &str,
) -> Result<(), JsValue> {
    if hidden > 0 {
        let text = format!(
            "{} {} hidden by the filters.",
            count_noun(hidden, noun, &format!("{noun}s")),
            plural(hidden, "is", "are")
        );
        add(
            parent,
            text_element(document, "p", "timeline-hidden-note", &text)?,
        )?;
    }
    Ok(())
}

/// Links to the cards of these items, dashed for those the filters leave out; nothing when there are none.
fn item_chips(
    document: &Document,
    parent: &Element,
    input: &TimelineInput,
    links: &Links,
    items: &[String],
) -> Result<(), JsValue> {
    if items.is_empty() {
        return Ok(());
    }
    let list = add(parent, element(document, "ul", "timeline-chips")?)?;
    list.set_attribute("aria-label", "Cards this bears on")?;
    for (index, item) in items.iter().filter_map(|id| input.item(id)) {
        let included = input.included(index);
        let mut class = format!("timeline-chip cat-{}", item.category.id());
        if !included {
            class.push_str(" timeline-chip-excluded");
        }
        let li = add(&list, element(document, "li", "")?)?;
        let link = add(&li, links.link(document, &class, "item", &item.id, "")?)?;
        add(&link, category_icon(document, item.category)?)?;
        add(
            &link,
            text_element(document, "span", "timeline-chip-title", &item.title)?,
        )?;
        if !included {
            add(
                &link,
                text_element(document, "span", "visually-hidden", " (filtered out)")?,
            )?;
        }
    }
    Ok(())
}

/// One event of the timeline.
fn event_entry(
    document: &Document,
    input: &TimelineInput,
    links: &Links,
    event: &Event,
) -> Result<Element, JsValue> {
    let summit = input.data.article.focus_event.as_deref() == Some(event.id.as_str());
    let li = element(
        document,
        "li",
        if summit {
            "timeline-event timeline-summit"
        } else {
            "timeline-event"
        },
    )?;
    let date = add(&li, element(document, "p", "timeline-date")?)?;
    add(&date, time(document, &event.date)?)?;
    if let Some(end) = &event.end_date {
        date.append_child(&document.create_text_node(" – "))?;
        add(&date, time(document, end)?)?;
    }
    if summit {
        let label = add(&li, element(document, "p", "timeline-summit-label")?)?;
        add(
            &label,
            path_icon(document, "timeline-summit-icon", 16, SUMMIT_STAR)?,
        )?;
        label.append_child(&document.create_text_node("The summit"))?;
    }
    add(
        &li,
        text_element(document, "h3", "timeline-title", &event.title)?,
    )?
    .set_id(&format!("timeline-event-{}", event.id));
    let quote = add(&li, element(document, "blockquote", "timeline-quote")?)?;
    quote.set_attribute("cite", &input.data.article.url)?;
    add(
        &quote,
        text_element(document, "p", "", &format!("“{}”", event.quote.trim()))?,
    )?;
    let read = add(&li, element(document, "p", "timeline-read")?)?;
    let paragraph = paragraph_id(&event.section, event.paragraph);
    let link = add(
        &read,
        links.link(
            document,
            "timeline-read-link",
            "article",
            &paragraph,
            "Read in the article",
        )?,
    )?;
    add(
        &link,
        text_element(
            document,
            "span",
            "visually-hidden",
            &format!(": {}", event.title),
        )?,
    )?;
    item_chips(document, &li, input, links, &event.items)?;
    Ok(li)
}

/// One dated fact from after the article, labelled as hindsight, with its source and the cards it bears on.
fn hindsight_entry(
    document: &Document,
    input: &TimelineInput,
    links: &Links,
    entry: &HindsightEntry,
) -> Result<Element, JsValue> {
    let li = element(document, "li", "timeline-event hindsight-event")?;
    add(
        &add(&li, element(document, "p", "timeline-date")?)?,
        time(document, &entry.date)?,
    )?;
    let label = add(&li, element(document, "p", "hindsight-event-label")?)?;
    add(
        &label,
        icon(document, "hindsight-icon", 16, HINDSIGHT_ICON)?,
    )?;
    label.append_child(&document.create_text_node("Hindsight"))?;
    add(
        &li,
        text_element(document, "p", "hindsight-event-text", &entry.text)?,
    )?;
    let source = add(&li, element(document, "p", "hindsight-event-source")?)?;
    let text = format!("Source: {}", source_host(&entry.source));
    add(
        &source,
        leaving_link(
            document,
            &entry.source,
            "hindsight-source",
            input.embedded,
            &text,
        )?,
    )?;
    item_chips(document, &li, input, links, &entry.items)?;
    Ok(li)
}

/// The timeline's continuation: what happened after the article, kept apart from the article's events.
fn hindsight_part(
    document: &Document,
    input: &TimelineInput,
    links: &Links,
    hindsight: &Hindsight,
) -> Result<Element, JsValue> {
    let entries = later_entries(hindsight);
    let shown: Vec<&HindsightEntry> = entries
        .iter()
        .copied()
        .filter(|e| input.bears_on_shown(&e.items))
        .collect();
    let part = element(document, "section", "hindsight-timeline")?;
    part.set_attribute("aria-labelledby", "timeline-hindsight-heading")?;
    let heading = add(
        &part,
        element(document, "h3", "hindsight-timeline-heading")?,
    )?;
    heading.set_id("timeline-hindsight-heading");
    add(
        &heading,
        icon(document, "hindsight-icon", 16, HINDSIGHT_ICON)?,
    )?;
    heading.append_child(&document.create_text_node("After the article: what happened"))?;
    let published = format_iso_date(&input.data.article.published);
    add(
        &part,
        text_element(
            document,
            "p",
            "timeline-note",
            &format!(
                "Dated facts checked after the article of {published}, each with its source. None of this is in the \
                 article."
            ),
        )?,
    )?;
    hidden_note(document, &part, entries.len() - shown.len(), "later fact")?;
    let list = add(
        &part,
        element(document, "ol", "timeline-list hindsight-timeline-list")?,
    )?;
    for entry in shown {
        add(&list, hindsight_entry(document, input, links, entry)?)?;
    }
    Ok(part)
}

/// Draws the timeline of `input` into `container`, replacing what it held.
pub fn draw(container: &Element, input: &TimelineInput, links: Links) -> Result<(), JsValue> {
    let links = Rc::new(links);
    let document = crate::dom::document_of(container)?;
    let data = input.data;
    let view = element(&document, "section", "timeline-view")?;
    view.set_attribute("aria-labelledby", "timeline-view-heading")?;
    let intro = add(&view, element(&document, "header", "timeline-intro")?)?;
    add(&intro, text_element(&document, "h2", "", "Timeline")?)?.set_id("timeline-view-heading");
    add(
        &intro,
        text_element(
            &document,
            "p",
            "timeline-note",
            "The dated events the article mentions, in order, each in the article's own words.",
        )?,
    )?;
    // The data set keeps its events in date order.
    let shown: Vec<&Event> = data
        .events
        .iter()
        .filter(|e| input.bears_on_shown(&e.items))
        .collect();
    hidden_note(&document, &intro, data.events.len() - shown.len(), "event")?;

    let list = add(&view, element(&document, "ol", "timeline-list")?)?;
    let published = data.article.published.as_str();
    let marker = element(&document, "li", "timeline-marker timeline-published")?;
    add(
        &add(&marker, element(&document, "p", "timeline-date")?)?,
        time(&document, published)?,
    )?;
    add(
        &marker,
        text_element(
            &document,
            "p",
            "timeline-marker-text",
            "The article is published",
        )?,
    )?;
    let mut marker = Some(marker);
    let published_day = first_day(published);
    for event in shown {
        if first_day(&event.date) > published_day {
            if let Some(marker) = marker.take() {
                add(&list, marker)?;
            }
        }
        add(&list, event_entry(&document, input, &links, event)?)?;
    }
    if let Some(marker) = marker.take() {
        add(&list, marker)?;
    }
    if let Some(hindsight) = input.hindsight {
        add(&view, hindsight_part(&document, input, &links, hindsight)?)?;
    }
    show(container, &view, links, Vec::new())
}
