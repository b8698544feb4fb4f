//! What the module's views (the scorecard, the timeline, the matrix) share: their icons, drawn from `summit_core::glyphs`; their
//! links into the explorer, whose addresses and plain clicks the app answers; and the event handlers of each drawing,
//! kept while its container is on the page.
//!
//! A link into the explorer is an `<a data-link="KIND" data-link-arg="ARG">`: `item` with an item's id (its card),
//! or `article` with a paragraph's id (the article view at that paragraph). Any other element with these attributes
//! (the article's highlights) follows them on a click too. The app gives two functions,
//! `href(kind, arg)` (the address, from the state it shows now) and `open(kind, arg)` (go there in place); it also
//! sets these links' addresses again when its state changes. A plain click opens in place; a modified one (new tab,
//! new window) is left to the browser.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MouseEvent};

use summit_core::glyphs::{category_shape, verdict_parts, Part};
use summit_core::model::{Category, Verdict};

use crate::dom::{add, listen, text_element, Handler};

const SVG: &str = "http://www.w3.org/2000/svg";

thread_local! {
    /// Each drawn view's container and event handlers: replaced when the same container is drawn again, and dropped
    /// once the app has taken its container out of the page.
    static DRAWN: RefCell<Vec<(Element, Vec<Handler>)>> = const { RefCell::new(Vec::new()) };
}

/// The app's two functions for links into the explorer.
pub struct Links {
    /// `href(kind, arg)`: the address of the explorer there.
    pub href: Function,
    /// `open(kind, arg)`: goes there in place.
    pub open: Function,
}

impl Links {
    /// A link into the explorer with the classes `class` and the text `text`.
    pub fn link(
        &self,
        document: &Document,
        class: &str,
        kind: &str,
        arg: &str,
        text: &str,
    ) -> Result<Element, JsValue> {
        let link = text_element(document, "a", class, text)?;
        link.set_attribute("href", &self.href(kind, arg)?)?;
        link.set_attribute("data-link", kind)?;
        link.set_attribute("data-link-arg", arg)?;
        Ok(link)
    }

    /// The address of the explorer at `kind` and `arg`, from the state the app shows now.
    pub fn href(&self, kind: &str, arg: &str) -> Result<String, JsValue> {
        Ok(self
            .href
            .call2(
                &JsValue::UNDEFINED,
                &JsValue::from_str(kind),
                &JsValue::from_str(arg),
            )?
            .as_string()
            .unwrap_or_default())
    }

    /// Goes to `kind` and `arg` in place, as a plain click on the link does.
    pub fn open_in_place(&self, kind: &str, arg: &str) {
        let _ = self.open.call2(
            &JsValue::UNDEFINED,
            &JsValue::from_str(kind),
            &JsValue::from_str(arg),
        );
    }

    /// A plain click on a link into the explorer goes there in place; a modified one is left to the browser.
    fn follow(&self, event: &MouseEvent) {
        let modifiers = [
            event.ctrl_key(),
            event.meta_key(),
            event.shift_key(),
            event.alt_key(),
        ];
        if !summit_core::action::is_plain_click(modifiers, event.button()) {
            return;
        }
        let Some(link) = closest(event.target(), "[data-link]") else {
            return;
        };
        let (Some(kind), Some(arg)) = (
            link.get_attribute("data-link"),
            link.get_attribute("data-link-arg"),
        ) else {
            return;
        };
        event.prevent_default();
        self.open_in_place(&kind, &arg);
    }
}

/// The element an event happened on, or its nearest ancestor, that matches `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
}

/// Puts `view` into `container` in place of what it held, with its handlers `kept` and one more that follows its links
/// into the explorer through `links`.
pub fn show(
    container: &Element,
    view: &Element,
    links: Rc<Links>,
    mut kept: Vec<Handler>,
) -> Result<(), JsValue> {
    listen(&mut kept, view, "click", move |event| {
        if let Some(event) = event.dyn_ref::<MouseEvent>() {
            links.follow(event);
        }
    })?;
    while let Some(child) = container.first_child() {
        container.remove_child(&child)?;
    }
    container.append_child(view)?;
    DRAWN.with(|d| {
        let mut d = d.borrow_mut();
        d.retain(|(c, _)| c.is_connected() && c != container);
        d.push((container.clone(), kept));
    });
    Ok(())
}

/// The `id` of a paragraph of the article view, `n` counted from 1 as quotations count it.
pub fn paragraph_id(section_id: &str, n: usize) -> String {
    format!("para-{section_id}-{n}")
}

/// A link that leaves the explorer; in embed mode it opens a new tab and says so (as the app's `frame_embed::leaving_link`).
pub fn leaving_link(
    document: &Document,
    href: &str,
    class: &str,
    embedded: bool,
    text: &str,
) -> Result<Element, JsValue> {
    let link = text_element(document, "a", class, text)?;
    link.set_attribute("href", href)?;
    if embedded {
        link.set_attribute("target", "_blank")?;
        link.set_attribute("rel", "noopener noreferrer")?;
        add(
            &link,
            text_element(document, "span", "visually-hidden", " (opens in a new tab)")?,
        )?;
    } else {
        link.set_attribute("rel", "noopener")?;
    }
    Ok(link)
}

/// An empty `<svg>` icon of `size` CSS pixels with the classes `class`; decorative (its words are always beside it).
pub fn svg_icon(document: &Document, class: &str, size: u32) -> Result<Element, JsValue> {
    let svg = svg_element(document, "svg")?;
    svg.set_attribute("class", class)?;
    svg.set_attribute("viewBox", "0 0 16 16")?;
    svg.set_attribute("width", &size.to_string())?;
    svg.set_attribute("height", &size.to_string())?;
    svg.set_attribute("aria-hidden", "true")?;
    svg.set_attribute("focusable", "false")?;
    Ok(svg)
}

/// An icon drawn from a shape's `parts`.
pub fn icon(
    document: &Document,
    class: &str,
    size: u32,
    parts: &[Part],
) -> Result<Element, JsValue> {
    let svg = svg_icon(document, class, size)?;
    draw_parts(document, &svg, parts)?;
    Ok(svg)
}

/// Draws a shape's `parts` inside `parent` (an SVG element).
pub fn draw_parts(document: &Document, parent: &Element, parts: &[Part]) -> Result<(), JsValue> {
    for part in parts {
        let shape = add(parent, svg_element(document, part.tag)?)?;
        if !part.class.is_empty() {
            shape.set_attribute("class", part.class)?;
        }
        for &(name, value) in part.attributes {
            shape.set_attribute(name, value)?;
        }
    }
    Ok(())
}

/// A new SVG element `tag`.
pub fn svg_element(document: &Document, tag: &str) -> Result<Element, JsValue> {
    document.create_element_ns(Some(SVG), tag)
}

/// An icon of one path, `d`, `size` CSS pixels wide.
pub fn path_icon(document: &Document, class: &str, size: u32, d: &str) -> Result<Element, JsValue> {
    let svg = svg_icon(document, class, size)?;
    add(&svg, svg_element(document, "path")?)?.set_attribute("d", d)?;
    Ok(svg)
}

/// A category's shape, as every card, mark and row draws it.
pub fn category_icon(document: &Document, category: Category) -> Result<Element, JsValue> {
    path_icon(
        document,
        &format!("category-icon cat-{}", category.id()),
        16,
        category_shape(category),
    )
}

/// A verdict's shape, `size` CSS pixels wide.
pub fn verdict_icon(document: &Document, verdict: Verdict, size: u32) -> Result<Element, JsValue> {
    icon(
        document,
        &format!("verdict-icon verdict-{}", verdict.id()),
        size,
        verdict_parts(verdict),
    )
}
