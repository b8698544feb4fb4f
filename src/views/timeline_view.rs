//! The timeline view: the dated events the article mentions, in order, with the summit and the article's
//! own publication marked, each quoting the article and linking to the cards it bears on. With the hindsight layer
//! on, the line continues past the summit in a separate part: dated, sourced facts from after the article.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::action::Action;
use summit_core::dates::{format_iso_date, IsoDate};
use summit_core::hindsight::later_entries;
use summit_core::model::{DataSet, Event, Hindsight, HindsightEntry};
use summit_core::state::{View, ViewState};
use summit_core::text::{count_noun, plural};

use crate::components::category_icon::category_icon;
use crate::components::hindsight_panel::{hindsight_icon, source_link};
use crate::explorer::{link_click, state_href, use_explorer, Explorer, Navigate};
use crate::hindsight_layer::use_hindsight;
use crate::instance::{use_instance, Instance};
use crate::views::article_view::paragraph_id;

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    pub state: Rc<ViewState>,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: Rc<Vec<bool>>,
    pub navigate: Navigate,
}

/// Whether `event` is the one the article looks towards (its data set's `article.focus_event`: the summit here),
/// marked on the line with a star.
fn is_focus_event(data: &DataSet, event: &Event) -> bool {
    data.article.focus_event.as_deref() == Some(event.id.as_str())
}

/// A date as `<time>`, written for people.
fn time(date: &str) -> Html {
    html! { <time datetime={date.to_string()}>{ format_iso_date(date) }</time> }
}

/// The first day a date can mean, for placing the publication marker; unreadable dates sort last.
fn first_day(date: &str) -> (u16, u8, u8) {
    IsoDate::parse(date).map_or((u16::MAX, u8::MAX, u8::MAX), IsoDate::first_day)
}

/// A star, for the summit.
fn summit_icon() -> Html {
    html! {
        <svg class="timeline-summit-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M8 1l2.1 4.4l4.9 0.7l-3.5 3.4l0.8 4.8l-4.3-2.3l-4.3 2.3l0.8-4.8l-3.5-3.4l4.9-0.7z" />
        </svg>
    }
}

/// An `onclick` for "Read in the article": switches to the article view (as `link_click` does) and then
/// brings the event's paragraph into view and focus, once the article has been drawn.
fn read_click(
    navigate: &Navigate,
    state: ViewState,
    paragraph: String,
    instance: &Instance,
) -> Callback<MouseEvent> {
    let navigate = link_click(navigate, state);
    let instance = instance.clone();
    Callback::from(move |event: MouseEvent| {
        navigate.emit(event.clone());
        if !event.default_prevented() {
            return;
        }
        let paragraph = paragraph.clone();
        let instance = instance.clone();
        gloo::timers::callback::Timeout::new(0, move || {
            if let Some(element) = instance.element_by_id(&paragraph) {
                let _ = element.set_attribute("tabindex", "-1");
                element.scroll_into_view();
                if let Some(element) =
                    wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&element)
                {
                    let _ = element.focus();
                }
            }
        })
        .forget();
    })
}

/// One event of the timeline.
fn event_entry(
    explorer: &Explorer,
    props: &TimelineViewProps,
    event: &Event,
    instance: &Instance,
) -> Html {
    let summit = is_focus_event(&explorer.data, event);
    let dates = match &event.end_date {
        Some(end) => html! { <>{ time(&event.date) }{ " – " }{ time(end) }</> },
        None => time(&event.date),
    };
    let article_state = props.state.apply(Action::ShowView(View::Article));
    let title_id = format!("timeline-event-{}", event.id);
    let chips = item_chips(explorer, props, &event.items);
    html! {
        <li class={classes!("timeline-event", summit.then_some("timeline-summit"))}>
            <p class="timeline-date">{ dates }</p>
            if summit {
                <p class="timeline-summit-label">{ summit_icon() }{ "The summit" }</p>
            }
            <h3 class="timeline-title" id={title_id}>{ &event.title }</h3>
            <blockquote class="timeline-quote" cite={explorer.data.article.url.clone()}>
                <p>{ format!("“{}”", event.quote.trim()) }</p>
            </blockquote>
            <p class="timeline-read">
                <a
                    class="timeline-read-link"
                    href={state_href(&article_state)}
                    onclick={read_click(&props.navigate, article_state.clone(), paragraph_id(&event.section, event.paragraph), instance)}
                >
                    { "Read in the article" }
                    <span class="visually-hidden">{ format!(": {}", event.title) }</span>
                </a>
            </p>
            if !event.items.is_empty() {
                <ul class="timeline-chips" aria-label="Cards this bears on">{ chips }</ul>
            }
        </li>
    }
}

/// Links to the cards of these items, dashed for those the filters leave out.
fn item_chips(explorer: &Explorer, props: &TimelineViewProps, items: &[String]) -> Html {
    items
        .iter()
        .filter_map(|id| explorer.item(id))
        .map(|(index, item)| {
            let included = props.included.get(index).copied().unwrap_or(false);
            let target = props.state.apply(Action::OpenItem(item.id.clone()));
            let class = classes!(
                "timeline-chip",
                format!("cat-{}", item.category.id()),
                (!included).then_some("timeline-chip-excluded"),
            );
            html! {
                <li>
                    <a {class} href={state_href(&target)} onclick={link_click(&props.navigate, target)}>
                        { category_icon(item.category) }
                        <span class="timeline-chip-title">{ &item.title }</span>
                        if !included {
                            <span class="visually-hidden">{ " (filtered out)" }</span>
                        }
                    </a>
                </li>
            }
        })
        .collect()
}

/// True when an event or fact bears on no item, or on at least one that the filters let through.
fn bears_on_shown(explorer: &Explorer, props: &TimelineViewProps, items: &[String]) -> bool {
    items.is_empty()
        || items
            .iter()
            .filter_map(|id| explorer.item(id))
            .any(|(index, _)| props.included.get(index).copied().unwrap_or(false))
}

/// One dated fact from after the article, labelled as hindsight, with its source and the cards it bears on.
fn hindsight_entry(explorer: &Explorer, props: &TimelineViewProps, entry: &HindsightEntry) -> Html {
    html! {
        <li class="timeline-event hindsight-event" key={entry.id.clone()}>
            <p class="timeline-date">{ time(&entry.date) }</p>
            <p class="hindsight-event-label">{ hindsight_icon() }{ "Hindsight" }</p>
            <p class="hindsight-event-text">{ &entry.text }</p>
            <p class="hindsight-event-source">{ source_link(&entry.source, props.state.embed) }</p>
            if !entry.items.is_empty() {
                <ul class="timeline-chips" aria-label="Cards this bears on">{ item_chips(explorer, props, &entry.items) }</ul>
            }
        </li>
    }
}

/// The timeline's continuation: what happened after the article, kept apart from the article's events.
fn hindsight_part(explorer: &Explorer, props: &TimelineViewProps, hindsight: &Hindsight) -> Html {
    let entries = later_entries(hindsight);
    let shown: Vec<&HindsightEntry> = entries
        .iter()
        .copied()
        .filter(|e| bears_on_shown(explorer, props, &e.items))
        .collect();
    let hidden = entries.len() - shown.len();
    let published = format_iso_date(&explorer.data.article.published);
    html! {
        <section class="hindsight-timeline" aria-labelledby="timeline-hindsight-heading">
            <h3 class="hindsight-timeline-heading" id="timeline-hindsight-heading">
                { hindsight_icon() }{ "After the article: what happened" }
            </h3>
            <p class="timeline-note">
                { format!("Dated facts checked after the article of {published}, each with its source. None of this is in the article.") }
            </p>
            { hidden_note(hidden, "later fact") }
            <ol class="timeline-list hindsight-timeline-list">{ for shown.iter().map(|e| hindsight_entry(explorer, props, e)) }</ol>
        </section>
    }
}

/// "3 events are hidden by the filters.", or nothing when none is.
fn hidden_note(hidden: usize, noun: &str) -> Html {
    if hidden == 0 {
        return Html::default();
    }
    let text = format!(
        "{} {} hidden by the filters.",
        count_noun(hidden, noun, &format!("{noun}s")),
        plural(hidden, "is", "are")
    );
    html! { <p class="timeline-hidden-note">{ text }</p> }
}

/// The article's dated events in order, as a vertical line, with the summit and the article's publication marked.
/// Events bearing only on cards the filters exclude are left out, and the view says how many.
#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let explorer = use_explorer();
    let instance = use_instance();
    let hindsight = use_hindsight();
    let data = &explorer.data;
    let published = data.article.published.as_str();
    let published_day = first_day(published);

    let shown_event = |event: &&Event| bears_on_shown(&explorer, props, &event.items);
    // The data set keeps its events in date order.
    let shown: Vec<&Event> = data.events.iter().filter(shown_event).collect();
    let hidden = data.events.len() - shown.len();

    let marker = html! {
        <li class="timeline-marker timeline-published">
            <p class="timeline-date">{ time(published) }</p>
            <p class="timeline-marker-text">{ "The article is published" }</p>
        </li>
    };
    let mut entries: Vec<Html> = Vec::with_capacity(shown.len() + 1);
    let mut marker = Some(marker);
    for event in &shown {
        if first_day(&event.date) > published_day {
            entries.extend(marker.take());
        }
        entries.push(event_entry(&explorer, props, event, &instance));
    }
    entries.extend(marker.take());

    html! {
        <section class="timeline-view" aria-labelledby="timeline-view-heading">
            <header class="timeline-intro">
                <h2 id="timeline-view-heading">{ "Timeline" }</h2>
                <p class="timeline-note">
                    { "The dated events the article mentions, in order, each in the article's own words." }
                </p>
                { hidden_note(hidden, "event") }
            </header>
            <ol class="timeline-list">{ for entries }</ol>
            if let Some(hindsight) = hindsight {
                { hindsight_part(&explorer, props, &hindsight) }
            }
        </section>
    }
}
