//! The cards view: one card per item that passes the filters, drawn a batch at a time, or a way out of an empty result.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use summit_core::action::Action;
use summit_core::paging::{card_batches, cards_now, group_thousands};
use summit_core::state::ViewState;

use crate::components::item_card::{item_card, CardOf};
use crate::explorer::{push_on, use_explorer, Navigate};
use crate::hindsight_layer::use_hindsight;

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub state: Rc<ViewState>,
    /// Item indices that pass the filters, in the chosen order.
    pub shown: Rc<Vec<usize>>,
    pub terms: Rc<Vec<String>>,
    pub navigate: Navigate,
    /// Draw only the first cards at first and the rest of the batch in the next task (the explorer's page sets this, so
    /// that the task that starts it stays short).
    #[prop_or_default]
    pub start_small: bool,
}

/// The batches asked for, and the result they were asked for: a new result (another filter or search) starts again
/// from one batch.
#[derive(Clone, PartialEq)]
struct Asked {
    result: Rc<Vec<usize>>,
    batches: usize,
}

/// Draws the first batch of cards and a "Show more" button for the rest; the button moves focus to the first new card.
#[function_component(CardList)]
pub fn card_list(props: &CardListProps) -> Html {
    let explorer = use_explorer();
    let hindsight = use_hindsight();
    let asked = use_state(|| Asked {
        result: props.shown.clone(),
        batches: 1,
    });
    // After "Show more": the position of the first new card, to move focus to it once it is drawn.
    let focus_from = use_mut_ref(|| None::<usize>);
    let list_ref = use_node_ref();
    let first_render = use_state(|| props.start_small);
    {
        let first_render = first_render.clone();
        use_effect_with((), move |_| {
            let rest = (*first_render)
                .then(|| gloo::timers::callback::Timeout::new(0, move || first_render.set(false)));
            move || drop(rest)
        });
    }
    {
        let (focus_from, list_ref) = (focus_from.clone(), list_ref.clone());
        use_effect(move || {
            if let Some(position) = focus_from.borrow_mut().take() {
                focus_card_link(&list_ref, position);
            }
        });
    }

    if props.shown.is_empty() {
        let clear = push_on::<MouseEvent>(&props.navigate, props.state.apply(Action::ClearFilters));
        return html! {
            <div class="empty-result">
                <p>{ "No prospect or risk matches these filters." }</p>
                <button type="button" class="button" onclick={clear}>{ "Clear all filters" }</button>
            </div>
        };
    }
    let batches = if Rc::ptr_eq(&asked.result, &props.shown) {
        asked.batches
    } else {
        1
    };
    let drawn = card_batches(props.shown.len(), batches);
    let show_more = {
        let (asked, shown) = (asked.clone(), props.shown.clone());
        Callback::from(move |_: MouseEvent| {
            *focus_from.borrow_mut() = Some(drawn.drawn);
            asked.set(Asked {
                result: shown.clone(),
                batches: batches + 1,
            });
        })
    };
    html! {
        <>
            // Keyed by item: a card that stays in a new result keeps its elements (and the reader's focus), which is
            // what a facet or a narrower search mostly does. Unkeyed, every new result redrew its cards into the
            // elements on the page: typing over 1,000 items was a few milliseconds faster, but turning a facet off
            // over the article's 31 items took half as long again.
            <ul class="card-list" ref={list_ref}>
                { for props.shown[..cards_now(drawn.drawn, *first_render)].iter().map(|&index| {
                    let item = &explorer.data.items[index];
                    let card = CardOf {
                        explorer: &explorer,
                        hindsight_on: hindsight.is_some(),
                        index,
                        open_state: props.state.apply(Action::OpenItem(item.id.clone())),
                        terms: &props.terms,
                        navigate: &props.navigate,
                    };
                    html! { <li key={item.id.as_str()}>{ item_card(card) }</li> }
                }) }
            </ul>
            if drawn.remaining > 0 {
                <div class="show-more">
                    <p>{ format!("{} of {} shown.", group_thousands(drawn.drawn), group_thousands(props.shown.len())) }</p>
                    <button type="button" class="button" onclick={show_more}>
                        { format!("Show {} more", group_thousands(drawn.next)) }
                    </button>
                </div>
            }
        </>
    }
}

/// Focuses the title link of the card at `position` in the list.
fn focus_card_link(list: &NodeRef, position: usize) {
    let link = list
        .cast::<web_sys::Element>()
        .and_then(|list| list.children().item(position as u32))
        .and_then(|item| item.query_selector(".card-title a").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}
