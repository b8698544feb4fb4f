//! An item's full detail in a modal dialog: every quotation with a way into the article, people, related items and events;
//! with the hindsight layer on, also what happened after the article, set apart from the article's words.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use summit_core::action::Action;
use summit_core::dates::format_iso_date;
use summit_core::state::{PassageRef, ViewState};

use crate::components::category_icon::category_icon;
use crate::components::cite_share::CiteShare;
use crate::components::feasibility_meter::feasibility_meter;
use crate::components::hindsight_panel::HindsightPanel;
use crate::components::reading_note::reading_note;
use crate::explorer::{link_click, state_href, use_explorer, HistoryMode, Navigate, Navigation};
use crate::hindsight_layer::use_hindsight;
use crate::instance::{use_instance, Instance};

#[derive(Properties, PartialEq)]
pub struct ItemDetailProps {
    /// The item's position in the data set.
    pub index: usize,
    pub state: Rc<ViewState>,
    pub navigate: Navigate,
}

/// When the dialog has closed and the browser had no element to give focus back to (the dialog was opened from a link
/// in another view, by back or forward, or by a shared link), focus is still in the closed dialog, about to go with it.
/// Then it goes to the item's own link in the view behind: its mark in the matrix or its card's title; failing both,
/// to the results. Focus is never left on the page's body.
fn focus_if_lost(dialog: &web_sys::Element, item_id: &str, root: &Instance) {
    let lost = root.active_element().is_none_or(|el| {
        el.tag_name().eq_ignore_ascii_case("body") || dialog.contains(Some(el.unchecked_ref()))
    });
    if !lost {
        return;
    }
    let candidates = [
        format!("a.matrix-mark[data-item=\"{item_id}\"][tabindex=\"0\"]"),
        format!("a.matrix-mark[data-item=\"{item_id}\"]"),
        format!("#card-title-{item_id} a"),
        "#main".to_string(),
    ];
    let target = candidates
        .iter()
        .find_map(|selector| root.query_selector(selector));
    if let Some(target) = target {
        // SVG links have `focus()` too (HTMLOrSVGElement); web-sys binds it on HtmlElement only.
        let _ = target.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// The detail of one item. It opens as a modal dialog (focus moves in, Escape closes, focus returns).
#[function_component(ItemDetail)]
pub fn item_detail(props: &ItemDetailProps) -> Html {
    let explorer = use_explorer();
    let hindsight = use_hindsight();
    let dialog_ref = use_node_ref();
    let instance = use_instance();
    let item = &explorer.data.items[props.index];

    // Open as a modal on mount, and tell the URL when the dialog closes (Escape or the close button).
    {
        let dialog_ref = dialog_ref.clone();
        let navigate = props.navigate.clone();
        let closed_state = props.state.apply(Action::CloseItem);
        let item_id = explorer.data.items[props.index].id.clone();
        let instance = instance.clone();
        use_effect_with(props.index, move |_| {
            let listener = dialog_ref
                .cast::<web_sys::HtmlDialogElement>()
                .map(|dialog| {
                    if !dialog.open() {
                        let _ = dialog.show_modal();
                    }
                    let target: web_sys::EventTarget = dialog.clone().unchecked_into();
                    let item_id = item_id.clone();
                    let element: web_sys::Element = dialog.clone().unchecked_into();
                    EventListener::new(&target, "close", move |_| {
                        focus_if_lost(&element, &item_id, &instance);
                        navigate.emit(Navigation {
                            state: closed_state.clone(),
                            mode: HistoryMode::Push,
                        });
                    })
                });
            move || drop(listener)
        });
    }

    let on_close = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };

    let title_id = "detail-title";
    let related: Vec<_> = item
        .related
        .iter()
        .filter_map(|id| explorer.item(id))
        .collect();
    let events: Vec<_> = explorer
        .data
        .events
        .iter()
        .filter(|e| e.items.contains(&item.id))
        .collect();
    let read_state = |evidence: usize| {
        props.state.apply(Action::ReadPassage(PassageRef {
            item: item.id.clone(),
            evidence,
        }))
    };

    html! {
        // Drawn open by the server (an item's page shows it before and without the wasm); the browser opens it as a modal.
        <dialog ref={dialog_ref} class={classes!("detail", format!("cat-{}", item.category.id()))} aria-labelledby={title_id}
            open={!crate::prerender::IN_BROWSER}>
            <div class="detail-head">
                <p class="category-badge">
                    { category_icon(item.category) }
                    <span>{ explorer.category_label(item.category) }</span>
                </p>
                <button type="button" class="detail-close" onclick={on_close}>
                    <span aria-hidden="true">{ "×" }</span>
                    <span class="visually-hidden">{ "Close" }</span>
                </button>
            </div>
            <h2 id={title_id}>{ &item.title }</h2>
            { feasibility_meter(&explorer, item.feasibility.level) }
            <p class="detail-summary">{ &item.summary }</p>
            <div class="detail-actions">
                <CiteShare state={props.state.clone()} label="Cite this item" item={AttrValue::from(item.id.clone())} share_title={AttrValue::from(item.title.clone())} />
            </div>
            <figure class="rationale">
                <figcaption>{ "Why this rating, in the article’s words" }</figcaption>
                <blockquote><p>{ format!("“{}”", item.feasibility.rationale) }</p></blockquote>
                { reading_note(item.feasibility.reading_note.as_deref()) }
            </figure>

            <h3>{ "What the article says" }</h3>
            <ol class="evidence-list">
                { for item.evidence.iter().enumerate().map(|(i, evidence)| {
                    let target = read_state(i);
                    html! {
                        <li>
                            <blockquote><p>{ format!("“{}”", evidence.quote) }</p></blockquote>
                            <a class="read-in-article" href={state_href(&target)} onclick={link_click(&props.navigate, target.clone())}>
                                { "Read in the article" }
                            </a>
                        </li>
                    }
                }) }
            </ol>

            if !item.people.is_empty() {
                <h3>{ "People" }</h3>
                <ul class="people">
                    { for item.people.iter().map(|p| html! { <li><strong>{ &p.name }</strong>{ ", " }{ &p.role }</li> }) }
                </ul>
            }

            <h3>{ "Domains and who would have to act" }</h3>
            <ul class="chips" aria-label="Domains">
                { for item.domains.iter().map(|d| html! { <li class="chip chip-domain">{ explorer.domain_label(d) }</li> }) }
            </ul>
            <ul class="chips" aria-label="Who would have to act">
                { for item.actors.iter().map(|a| html! { <li class="chip chip-actor">{ explorer.actor_label(a) }</li> }) }
            </ul>

            if !related.is_empty() {
                <h3>{ "Related in the article" }</h3>
                <ul class="related">
                    { for related.iter().map(|(_, other)| {
                        let target = props.state.apply(Action::OpenItem(other.id.clone()));
                        html! {
                            <li class={format!("cat-{}", other.category.id())}>
                                { category_icon(other.category) }
                                <a href={state_href(&target)} onclick={link_click(&props.navigate, target.clone())}>{ &other.title }</a>
                            </li>
                        }
                    }) }
                </ul>
            }

            if !events.is_empty() {
                <h3>{ "Dated events it bears on" }</h3>
                <ul class="detail-events">
                    { for events.iter().map(|e| html! {
                        <li><time datetime={e.date.clone()}>{ format_iso_date(&e.date) }</time>{ ": " }{ &e.title }</li>
                    }) }
                </ul>
            }

            if hindsight.is_some() {
                <HindsightPanel item_id={item.id.clone()} heading_level={3} id_prefix="detail" about={AttrValue::from(title_id)} embedded={props.state.embed} />
            }
        </dialog>
    }
}
