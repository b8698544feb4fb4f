//! The article view: the article's full text, with each quotation behind a card highlighted in place and linked to its card.
//!
//! Where the quotations sit comes from the core ([`summit_core::passages`]); this component only draws the
//! segments it is given, and never searches the text itself.

use std::rc::Rc;
use summit_core::text::count_noun;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use summit_core::action::Action;
use summit_core::model::{Category, DataSet};
use summit_core::passages::{segments, Mark};
use summit_core::state::{PassageRef, ViewState};

use crate::components::category_icon::category_icon;
use crate::explorer::{link_click, state_href, use_explorer, Explorer, Navigate};
use crate::frame_embed::leaving_link;
use crate::instance::{use_instance, Instance};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub state: Rc<ViewState>,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: Rc<Vec<bool>>,
    pub navigate: Navigate,
}

/// The `id` of the first highlighted piece of a quotation.
pub fn passage_id(item_id: &str, evidence: usize) -> String {
    format!("passage-{item_id}-{evidence}")
}

/// The `id` of the "Open card" link that follows a quotation.
pub fn passage_link_id(item_id: &str, evidence: usize) -> String {
    format!("passage-link-{item_id}-{evidence}")
}

/// The `id` of an article paragraph, `n` counted from 1 as quotations count it.
pub fn paragraph_id(section_id: &str, n: usize) -> String {
    format!("para-{section_id}-{n}")
}

/// What every paragraph needs to draw its marks.
struct Ctx<'a> {
    data: &'a DataSet,
    state: &'a ViewState,
    navigate: &'a Navigate,
    /// The current passage as (item index, evidence index), when it names a known item.
    current: Option<(usize, usize)>,
}

impl Ctx<'_> {
    fn category(&self, mark: &Mark) -> Category {
        self.data.items[mark.item].category
    }

    fn is_current(&self, mark: &Mark) -> bool {
        self.current == Some((mark.item, mark.evidence))
    }

    /// The state with this mark's card open.
    fn open_state(&self, mark: &Mark) -> ViewState {
        self.state
            .apply(Action::OpenItem(self.data.items[mark.item].id.clone()))
    }

    /// The link after a quotation that opens its card: an icon named "Open card: <title>" by `aria-label`, so that
    /// copying the article's text does not pick up link text.
    fn card_link(&self, mark: &Mark) -> Html {
        let item = &self.data.items[mark.item];
        let target = self.open_state(mark);
        let name = format!("Open card: {}", item.title);
        let class = classes!(
            "article-card-link",
            format!("cat-{}", item.category.id()),
            self.is_current(mark).then_some("article-card-link-current"),
        );
        html! {
            <a
                {class}
                id={passage_link_id(&item.id, mark.evidence)}
                href={state_href(&target)}
                onclick={link_click(self.navigate, target)}
                aria-label={name.clone()}
                title={name}
            >
                { category_icon(item.category) }
            </a>
        }
    }

    /// One paragraph, cut into plain and highlighted segments, with a card link after each quotation.
    fn paragraph(&self, text: &str, marks: &[Mark]) -> Html {
        let pieces = segments(text, marks);
        let mut out: Vec<Html> = Vec::with_capacity(pieces.len() * 2);
        for (i, piece) in pieces.iter().enumerate() {
            if piece.marks.is_empty() {
                out.push(html! { { piece.text.to_string() } });
                continue;
            }
            let before = i
                .checked_sub(1)
                .map_or(&[][..], |j| pieces[j].marks.as_slice());
            let after = pieces
                .get(i + 1)
                .map_or(&[][..], |next| next.marks.as_slice());
            let first = &marks[piece.marks[0]];
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
                out.push(html! {
                    <span class="article-anchor" id={passage_id(&self.data.items[m.item].id, m.evidence)}></span>
                });
            }
            let current = piece.marks.iter().any(|&k| self.is_current(&marks[k]));
            let class = classes!(
                "article-mark",
                format!("cat-{}", self.category(first).id()),
                (piece.marks.len() > 1).then_some("article-mark-overlap"),
                current.then_some("passage-current"),
            );
            let onclick = link_click(self.navigate, self.open_state(first));
            // A click on the highlight opens the first quotation's card; the highlight is described by that card's
            // link ("Open card: …"), so a screen reader says which card it belongs to (a `mark` may not be named).
            let describedby = passage_link_id(&self.data.items[first.item].id, first.evidence);
            out.push(html! {
                <mark {class} {id} {onclick} aria-describedby={describedby}>{ piece.text.to_string() }</mark>
            });
            // Quotations that end here are followed by their card links.
            for &k in piece.marks.iter().filter(|k| !after.contains(k)) {
                out.push(self.card_link(&marks[k]));
            }
        }
        out.into_iter().collect()
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
fn scroll_to_center(element: &web_sys::Element) {
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
fn focus_without_scrolling(element: &web_sys::Element) {
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
fn reveal_passage(explorer: &Explorer, passage: &PassageRef, root: &Instance) {
    if let Some(mark) = root.element_by_id(&passage_id(&passage.item, passage.evidence)) {
        scroll_to_center(&mark);
        if let Some(link) = root.element_by_id(&passage_link_id(&passage.item, passage.evidence)) {
            focus_without_scrolling(&link);
        }
        return;
    }
    let quotation = explorer
        .item(&passage.item)
        .and_then(|(_, item)| item.evidence.get(passage.evidence));
    if let Some(paragraph) =
        quotation.and_then(|q| root.element_by_id(&paragraph_id(&q.section, q.paragraph)))
    {
        scroll_to_center(&paragraph);
        // Keyboard focus follows, so it is not lost with the link that was followed (the paragraph has no link of
        // its own to take it). `tabindex="-1"` makes it focusable without adding a tab stop.
        let _ = paragraph.set_attribute("tabindex", "-1");
        focus_without_scrolling(&paragraph);
    }
}

/// The article's full text, section by section, with the quotations of the cards the filters include
/// highlighted in their category's colour and pattern, each followed by a link that opens its card.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let explorer = use_explorer();
    let instance = use_instance();

    {
        let explorer = explorer.clone();
        use_effect_with(props.state.passage.clone(), move |passage| {
            if let Some(passage) = passage {
                reveal_passage(&explorer, passage, &instance);
            }
        });
    }

    let data = &*explorer.data;
    let article = &data.article;
    let current = props
        .state
        .passage
        .as_ref()
        .and_then(|p| explorer.item(&p.item).map(|(index, _)| (index, p.evidence)));
    let ctx = Ctx {
        data,
        state: &props.state,
        navigate: &props.navigate,
        current,
    };
    let is_included = |item: usize| props.included.get(item).copied().unwrap_or(false);

    let total = explorer.passages.len();
    let mut shown = 0;
    let sections: Html = article
        .sections
        .iter()
        .enumerate()
        .map(|(s, section)| {
            let heading_id = format!("article-section-{}", section.id);
            let paragraphs: Html = section
                .paragraphs
                .iter()
                .enumerate()
                .map(|(p, text)| {
                    let marks: Vec<Mark> =
                        explorer.passages.marks(s, p).iter().filter(|m| is_included(m.item)).cloned().collect();
                    shown += marks.len();
                    html! {
                        <p class="article-paragraph" id={paragraph_id(&section.id, p + 1)}>
                            { ctx.paragraph(text, &marks) }
                        </p>
                    }
                })
                .collect();
            match &section.heading {
                Some(heading) => html! {
                    <section class="article-section" aria-labelledby={heading_id.clone()}>
                        <h2 class="article-section-heading" id={heading_id}>{ heading }</h2>
                        { paragraphs }
                    </section>
                },
                None => html! {
                    <section class="article-section article-section-untitled">{ paragraphs }</section>
                },
            }
        })
        .collect();

    let legend: Html = Category::ALL
        .into_iter()
        .map(|category| {
            html! {
                <li class={classes!("article-legend-entry", format!("cat-{}", category.id()))}>
                    { category_icon(category) }
                    <span class="article-legend-sample">{ explorer.category_label(category) }</span>
                </li>
            }
        })
        .collect();

    html! {
        <section class="article-view" aria-labelledby="article-view-heading">
            <header class="article-view-intro">
                <h2 id="article-view-heading">{ "The article" }</h2>
                <p class="article-note">
                    { "Highlights mark the passages behind each card; filters narrow which are shown." }
                </p>
                <ul class="article-legend" aria-label="Highlight colours and patterns">{ legend }</ul>
                <p class="article-meta">
                    <span class="article-count">
                        { format!("{shown} of {} highlighted.", count_noun(total, "quotation", "quotations")) }
                    </span>
                    { " " }
                    { leaving_link(&article.url, "article-original-link", props.state.embed,
                        html! { { format!("Read the original at {}", article.outlet) } }) }
                </p>
            </header>
            <div class="article-text">{ sections }</div>
        </section>
    }
}
