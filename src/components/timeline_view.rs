//! The timeline view: the dated events the article mentions, in order, with the summit and the article's
//! own publication marked, each quoting the article and linking to the cards it bears on.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::dates::{format_iso_date, IsoDate};
use summit_core::model::Event;
use summit_core::state::{View, ViewState};

use crate::components::article_view::paragraph_id;
use crate::components::category_icon::CategoryIcon;
use crate::explorer::{link_click, state_href, use_explorer, Explorer, Navigate};

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    pub state: Rc<ViewState>,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: Rc<Vec<bool>>,
    pub navigate: Navigate,
}

/// The date of the Geneva summit, the event the whole article looks towards.
const SUMMIT_DATE: &str = "2021-06-16";

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
fn read_click(navigate: &Navigate, state: ViewState, paragraph: String) -> Callback<MouseEvent> {
    let navigate = link_click(navigate, state);
    Callback::from(move |event: MouseEvent| {
        navigate.emit(event.clone());
        if !event.default_prevented() {
            return;
        }
        let paragraph = paragraph.clone();
        gloo::timers::callback::Timeout::new(0, move || {
            if let Some(element) = gloo::utils::document().get_element_by_id(&paragraph) {
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
fn event_entry(explorer: &Explorer, props: &TimelineViewProps, event: &Event) -> Html {
    let summit = event.date == SUMMIT_DATE;
    let dates = match &event.end_date {
        Some(end) => html! { <>{ time(&event.date) }{ " – " }{ time(end) }</> },
        None => time(&event.date),
    };
    let article_state = ViewState {
        view: View::Article,
        passage: None,
        open_item: None,
        ..(*props.state).clone()
    };
    let title_id = format!("timeline-event-{}", event.id);
    let chips: Html = event
        .items
        .iter()
        .filter_map(|id| explorer.item(id))
        .map(|(index, item)| {
            let included = props.included.get(index).copied().unwrap_or(false);
            let target = ViewState { open_item: Some(item.id.clone()), ..(*props.state).clone() };
            let class = classes!(
                "timeline-chip",
                format!("cat-{}", item.category.id()),
                (!included).then_some("timeline-chip-excluded"),
            );
            html! {
                <li>
                    <a {class} href={state_href(&target)} onclick={link_click(&props.navigate, target)}>
                        <CategoryIcon category={item.category} />
                        <span class="timeline-chip-title">{ &item.title }</span>
                        if !included {
                            <span class="visually-hidden">{ " (filtered out)" }</span>
                        }
                    </a>
                </li>
            }
        })
        .collect();
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
                    onclick={read_click(&props.navigate, article_state.clone(), paragraph_id(&event.section, event.paragraph))}
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

/// The article's dated events in order, as a vertical line, with the summit and the article's publication marked.
/// Events bearing only on cards the filters exclude are left out, and the view says how many.
#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let explorer = use_explorer();
    let data = &explorer.data;
    let published = data.article.published.as_str();
    let published_day = first_day(published);

    let shown_event = |event: &&Event| {
        event.items.is_empty()
            || event
                .items
                .iter()
                .filter_map(|id| explorer.item(id))
                .any(|(index, _)| props.included.get(index).copied().unwrap_or(false))
    };
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
        entries.push(event_entry(&explorer, props, event));
    }
    entries.extend(marker.take());

    html! {
        <section class="timeline-view" aria-labelledby="timeline-view-heading">
            <header class="timeline-intro">
                <h2 id="timeline-view-heading">{ "Timeline" }</h2>
                <p class="timeline-note">
                    { "The dated events the article mentions, in order, each in the article's own words." }
                </p>
                if hidden > 0 {
                    <p class="timeline-hidden-note">
                        { match hidden {
                            1 => "1 event is hidden by the filters.".to_string(),
                            n => format!("{n} events are hidden by the filters."),
                        } }
                    </p>
                }
            </header>
            <ol class="timeline-list">{ for entries }</ol>
        </section>
    }
}
