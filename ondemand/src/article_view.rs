//! The article view, drawn with the DOM (`crate::dom`) into the element the app hands over: the article's full text,
//! with each quotation behind a card the filters let through highlighted in place, in its category's colour and
//! pattern, and followed by a link that opens its card (`crate::view_parts::Links`). Where the quotations sit comes
//! from the core (`summit_core::passages`); this only draws the segments it is given, and never searches the text
//! itself. When the address names a passage, it is marked as the current one, brought into view and given focus.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use summit_core::model::{Category, DataSet};
use summit_core::passages::{locate, segments, Mark};
use summit_core::text::count_noun;

use crate::dom::{add, element, text_element};
use crate::view_parts::{category_icon, leaving_link, paragraph_id, show, Links};

/// What the article view is drawn from.
pub struct ArticleInput<'a> {
    pub data: &'a DataSet,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: &'a [bool],
    /// The passage the address names, as (item id, evidence index).
    pub passage: Option<(&'a str, usize)>,
    /// In embed mode, the link to the original article opens a new tab.
    pub embedded: bool,
}

/// The `id` of the first highlighted piece of a quotation.
fn passage_id(item_id: &str, evidence: usize) -> String {
    format!("passage-{item_id}-{evidence}")
}

/// The `id` of the "Open card" link that follows a quotation.
fn passage_link_id(item_id: &str, evidence: usize) -> String {
    format!("passage-link-{item_id}-{evidence}")
}

/// What every paragraph needs to draw its marks.
struct Ctx<'a> {
    document: &'a Document,
    data: &'a DataSet,
    links: &'a Links,
    /// The current passage as (item index, evidence index), when it names a known item.
    current: Option<(usize, usize)>,
}

impl Ctx<'_> {
    fn is_current(&self, mark: &Mark) -> bool {
        self.current == Some((mark.item, mark.evidence))
    }

    /// The link after a quotation that opens its card: an icon named "Open card: <title>" by `aria-label`, so that
    /// copying the article's text does not pick up link text.
    fn card_link(&self, mark: &Mark) -> Result<Element, JsValue> {
        let item = &self.data.items[mark.item];
        let mut class = format!("article-card-link cat-{}", item.category.id());
        if self.is_current(mark) {
            class.push_str(" article-card-link-current");
        }
        let link = self
            .links
            .link(self.document, &class, "item", &item.id, "")?;
        link.set_id(&passage_link_id(&item.id, mark.evidence));
        let name = format!("Open card: {}", item.title);
        link.set_attribute("aria-label", &name)?;
        link.set_attribute("title", &name)?;
        add(&link, category_icon(self.document, item.category)?)?;
        Ok(link)
    }

    /// One paragraph, cut into plain and highlighted segments, with a card link after each quotation.
    fn paragraph(&self, p: &Element, text: &str, marks: &[Mark]) -> Result<(), JsValue> {
        let pieces = segments(text, marks);
        for (i, piece) in pieces.iter().enumerate() {
            if piece.marks.is_empty() {
                p.append_child(&self.document.create_text_node(piece.text))?;
                continue;
            }
            let before = i
                .checked_sub(1)
                .map_or(&[][..], |j| pieces[j].marks.as_slice());
            let after = pieces
                .get(i + 1)
                .map_or(&[][..], |next| next.marks.as_slice());
            let first = &marks[piece.marks[0]];
            let first_item = &self.data.items[first.item];
            // Quotations that start here: the first names the `<mark>`, others get an empty anchor before it.
            let mut starting = piece
                .marks
                .iter()
                .filter(|k| !before.contains(k))
                .map(|&k| &marks[k]);
            let id = starting
                .next()
                .map(|m| passage_id(&self.data.items[m.item].id, m.evidence));
            for m in starting {
                add(p, element(self.document, "span", "article-anchor")?)?
                    .set_id(&passage_id(&self.data.items[m.item].id, m.evidence));
            }
            let mut class = format!("article-mark cat-{}", first_item.category.id());
            if piece.marks.len() > 1 {
                class.push_str(" article-mark-overlap");
            }
            if piece.marks.iter().any(|&k| self.is_current(&marks[k])) {
                class.push_str(" passage-current");
            }
            let mark = add(p, text_element(self.document, "mark", &class, piece.text)?)?;
            if let Some(id) = id {
                mark.set_id(&id);
            }
            // A click on the highlight opens the first quotation's card; the highlight is described by that card's
            // link ("Open card: …"), so a screen reader says which card it belongs to (a `mark` may not be named).
            mark.set_attribute("data-link", "item")?;
            mark.set_attribute("data-link-arg", &first_item.id)?;
            mark.set_attribute(
                "aria-describedby",
                &passage_link_id(&first_item.id, first.evidence),
            )?;
            // Quotations that end here are followed by their card links.
            for &k in piece.marks.iter().filter(|k| !after.contains(k)) {
                add(p, self.card_link(&marks[k])?)?;
            }
        }
        Ok(())
    }
}

/// Whether the reader asked for less motion.
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Scrolls an element to the middle of the viewport, smoothly unless the reader prefers less motion.
fn scroll_to_center(element: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Auto
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses an element without the instant jump that would cut the smooth scroll short (`preventScroll`).
fn focus_without_scrolling(element: &Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("preventScroll"),
        &JsValue::TRUE,
    );
    if let Ok(focus) = js_sys::Reflect::get(element, &JsValue::from_str("focus")) {
        if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
            let _ = focus.call1(element, &options);
        }
    }
}

/// Brings the current passage into view and puts keyboard focus on its card link; when the quotation is not
/// highlighted (its item is filtered out), brings its paragraph into view and focus instead.
fn reveal_passage(
    view: &Element,
    data: &DataSet,
    (item_id, evidence): (&str, usize),
) -> Result<(), JsValue> {
    let by_id = |id: &str| view.query_selector(&format!("[id=\"{id}\"]"));
    if let Some(mark) = by_id(&passage_id(item_id, evidence))? {
        scroll_to_center(&mark);
        if let Some(link) = by_id(&passage_link_id(item_id, evidence))? {
            focus_without_scrolling(&link);
        }
        return Ok(());
    }
    let quotation = data
        .items
        .iter()
        .find(|i| i.id == item_id)
        .and_then(|item| item.evidence.get(evidence));
    if let Some(paragraph) = quotation
        .map(|q| by_id(&paragraph_id(&q.section, q.paragraph)))
        .transpose()?
        .flatten()
    {
        scroll_to_center(&paragraph);
        // Keyboard focus follows, so it is not lost with the link that was followed (the paragraph has no link of
        // its own to take it). `tabindex="-1"` makes it focusable without adding a tab stop.
        paragraph.set_attribute("tabindex", "-1")?;
        focus_without_scrolling(&paragraph);
    }
    Ok(())
}

/// Draws the article of `input` into `container`, replacing what it held, then brings the current passage into view.
pub fn draw(container: &Element, input: &ArticleInput, links: Links) -> Result<(), JsValue> {
    let links = Rc::new(links);
    let document = crate::dom::document_of(container)?;
    let data = input.data;
    let article = &data.article;
    let passages = locate(data);
    let is_included = |item: usize| input.included.get(item).copied().unwrap_or(false);
    let current = input.passage.and_then(|(id, evidence)| {
        data.items
            .iter()
            .position(|i| i.id == id)
            .map(|index| (index, evidence))
    });
    let ctx = Ctx {
        document: &document,
        data,
        links: &links,
        current,
    };

    let view = element(&document, "section", "article-view")?;
    view.set_attribute("aria-labelledby", "article-view-heading")?;
    let intro = add(&view, element(&document, "header", "article-view-intro")?)?;
    add(&intro, text_element(&document, "h2", "", "The article")?)?.set_id("article-view-heading");
    add(
        &intro,
        text_element(
            &document,
            "p",
            "article-note",
            "Highlights mark the passages behind each card; filters narrow which are shown.",
        )?,
    )?;
    let legend = add(&intro, element(&document, "ul", "article-legend")?)?;
    legend.set_attribute("aria-label", "Highlight colours and patterns")?;
    for category in Category::ALL {
        let li = add(
            &legend,
            element(
                &document,
                "li",
                &format!("article-legend-entry cat-{}", category.id()),
            )?,
        )?;
        add(&li, category_icon(&document, category)?)?;
        add(
            &li,
            text_element(
                &document,
                "span",
                "article-legend-sample",
                data.category_label(category),
            )?,
        )?;
    }
    let meta = add(&intro, element(&document, "p", "article-meta")?)?;
    let count = add(&meta, element(&document, "span", "article-count")?)?;
    meta.append_child(&document.create_text_node(" "))?;
    let original = format!("Read the original at {}", article.outlet);
    add(
        &meta,
        leaving_link(
            &document,
            &article.url,
            "article-original-link",
            input.embedded,
            &original,
        )?,
    )?;

    let text = add(&view, element(&document, "div", "article-text")?)?;
    let mut shown = 0;
    for (s, section) in article.sections.iter().enumerate() {
        let part = add(&text, element(&document, "section", "article-section")?)?;
        match &section.heading {
            Some(heading) => {
                let heading_id = format!("article-section-{}", section.id);
                part.set_attribute("aria-labelledby", &heading_id)?;
                add(
                    &part,
                    text_element(&document, "h2", "article-section-heading", heading)?,
                )?
                .set_id(&heading_id);
            }
            None => part.set_class_name("article-section article-section-untitled"),
        }
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            let marks: Vec<Mark> = passages
                .marks(s, p)
                .iter()
                .filter(|m| is_included(m.item))
                .cloned()
                .collect();
            shown += marks.len();
            let element = add(&part, element(&document, "p", "article-paragraph")?)?;
            element.set_id(&paragraph_id(&section.id, p + 1));
            ctx.paragraph(&element, paragraph, &marks)?;
        }
    }
    count.set_text_content(Some(&format!(
        "{shown} of {} highlighted.",
        count_noun(passages.len(), "quotation", "quotations")
    )));
    show(container, &view, links, Vec::new())?;
    if let Some(passage) = input.passage {
        reveal_passage(&view, data, passage)?;
    }
    Ok(())
}
