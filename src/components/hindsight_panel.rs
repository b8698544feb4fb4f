//! The hindsight layer's shared pieces: a shape per verdict, the outcome badge, a dated and sourced fact, and the
//! "After the article, not in it" section that cards and the detail dialog show while the layer is on.
//!
//! Everything here draws facts from `data/hindsight.json`, never the article: none of it is ever put in a quotation.

use std::rc::Rc;
use summit_core::text::count_noun;

use yew::prelude::*;
use yew::virtual_dom::VTag;

use summit_core::dates::format_iso_date;
use summit_core::glyphs::{verdict_parts, Part, HINDSIGHT_ICON};
use summit_core::hindsight::HINDSIGHT_HEADING;
use summit_core::hindsight::{entries_for, outcome_for, source_host};
use summit_core::model::{Hindsight, HindsightEntry, Verdict};

use crate::frame_embed::leaving_link;

/// The label of facts from before the article.
pub const BACKGROUND_LABEL: &str = "Background (before the article)";

/// The parts of a shape from [`summit_core::glyphs`], drawn inside any `<svg>`.
pub fn glyph(parts: &[Part]) -> Html {
    parts
        .iter()
        .map(|part| {
            let mut tag = VTag::new(part.tag);
            if !part.class.is_empty() {
                tag.add_attribute("class", part.class);
            }
            for &(name, value) in part.attributes {
                tag.add_attribute(name, value);
            }
            Html::from(tag)
        })
        .collect()
}

/// A verdict's shape ([`summit_core::glyphs::verdict_parts`]) drawn inside any `<svg>`; the colours come from the
/// `verdict-*` class of an ancestor.
pub fn verdict_glyph(verdict: Verdict) -> Html {
    glyph(verdict_parts(verdict))
}

#[derive(Properties, PartialEq)]
pub struct VerdictIconProps {
    pub verdict: Verdict,
    /// Width and height in CSS pixels.
    #[prop_or(16)]
    pub size: u32,
}

/// A verdict's shape as a decorative icon; its label is always written beside it.
#[function_component(VerdictIcon)]
pub fn verdict_icon(props: &VerdictIconProps) -> Html {
    let size = props.size.to_string();
    html! {
        <svg class={classes!("verdict-icon", format!("verdict-{}", props.verdict.id()))} viewBox="0 0 16 16"
            width={size.clone()} height={size} aria-hidden="true" focusable="false">
            { verdict_glyph(props.verdict) }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct OutcomeBadgeProps {
    pub verdict: Verdict,
}

/// "After the summit: Borne out", as a shape and words.
#[function_component(OutcomeBadge)]
pub fn outcome_badge(props: &OutcomeBadgeProps) -> Html {
    html! {
        <p class={classes!("outcome-badge", format!("verdict-{}", props.verdict.id()))}>
            <VerdictIcon verdict={props.verdict} size={18} />
            <span class="outcome-badge-prefix">{ "After the summit: " }</span>
            <strong class="outcome-badge-label">{ props.verdict.label() }</strong>
        </p>
    }
}

/// The icon of the hindsight layer ([`HINDSIGHT_ICON`]): a clock with a forward arrow, "later than the article".
pub fn hindsight_icon() -> Html {
    html! {
        <svg class="hindsight-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            { glyph(HINDSIGHT_ICON) }
        </svg>
    }
}

/// One dated fact: its date, its sentence and a link to its source.
pub fn entry_item(entry: &HindsightEntry, embedded: bool) -> Html {
    html! {
        <li class={classes!("hindsight-entry", entry.background.then_some("hindsight-entry-background"))} key={entry.id.clone()}>
            <time class="hindsight-date" datetime={entry.date.clone()}>{ format_iso_date(&entry.date) }</time>
            { " " }
            <span class="hindsight-text">{ &entry.text }</span>
            { " " }
            { source_link(&entry.source, embedded) }
        </li>
    }
}

/// "Source: host", opening the source itself (in a new tab when `embedded`).
pub fn source_link(url: &str, embedded: bool) -> Html {
    let text = html! { { format!("Source: {}", source_host(url)) } };
    leaving_link(url, "hindsight-source", embedded, text)
}

#[derive(Properties, PartialEq)]
pub struct HindsightPanelProps {
    pub hindsight: Rc<Hindsight>,
    pub item_id: AttrValue,
    /// The level of the section's heading: 4 on a card (below its `h3` title), 3 in the detail dialog.
    #[prop_or(4)]
    pub heading_level: u8,
    /// In embed mode: its source links open a new tab.
    pub embedded: bool,
    /// A prefix for element ids, so a card and the open dialog never share one.
    #[prop_or(AttrValue::Static("card"))]
    pub id_prefix: AttrValue,
    /// The id of the item's title, which completes the section's name ("After the article, not in it" and the
    /// title), so that each card's section is a landmark of its own name.
    #[prop_or_default]
    pub about: Option<AttrValue>,
}

/// What happened to one item after the article: its outcome and reason, then the dated facts with their sources,
/// and any facts from before the article labelled as background. Visibly set apart from the article's words.
#[function_component(HindsightPanel)]
pub fn hindsight_panel(props: &HindsightPanelProps) -> Html {
    let hindsight = &props.hindsight;
    let outcome = outcome_for(hindsight, &props.item_id);
    let entries = entries_for(hindsight, &props.item_id);
    let (background, later): (Vec<&HindsightEntry>, Vec<&HindsightEntry>) =
        entries.into_iter().partition(|e| e.background);
    let heading_id = format!("hindsight-{}-{}", props.id_prefix, props.item_id);
    let tag = match props.heading_level {
        2 => "h2",
        3 => "h3",
        5 => "h5",
        _ => "h4",
    };
    let facts_label = format!(
        "{} after the article",
        count_noun(later.len(), "dated fact", "dated facts")
    );
    let labelled_by = match &props.about {
        Some(title) => format!("{heading_id} {title}"),
        None => heading_id.clone(),
    };
    html! {
        <section class="hindsight-panel" aria-labelledby={labelled_by}>
            <@{tag} class="hindsight-heading" id={heading_id}>
                { hindsight_icon() }
                { HINDSIGHT_HEADING }
            </@>
            { match outcome {
                Some(outcome) => html! {
                    <>
                        <OutcomeBadge verdict={outcome.verdict} />
                        <p class="hindsight-reason">{ &outcome.reason }</p>
                    </>
                },
                None => html! {
                    <p class="hindsight-none">{ "No outcome recorded: no checked fact says how this held after the summit." }</p>
                },
            } }
            if !later.is_empty() {
                <p class="hindsight-group-label">{ facts_label }</p>
                <ul class="hindsight-entries">
                    { for later.iter().map(|e| entry_item(e, props.embedded)) }
                </ul>
            }
            if !background.is_empty() {
                <p class="hindsight-group-label hindsight-background-label">{ BACKGROUND_LABEL }</p>
                <ul class="hindsight-entries hindsight-background">
                    { for background.iter().map(|e| entry_item(e, props.embedded)) }
                </ul>
            }
        </section>
    }
}
