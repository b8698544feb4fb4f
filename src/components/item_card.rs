//! One card per item: category, feasibility, title, summary, the article's reason for the rating, domains and actors;
//! with the hindsight layer on, also what happened after the article, set apart from the article's words.

use yew::prelude::*;

use summit_core::state::ViewState;

use crate::components::category_icon::category_icon;
use crate::components::feasibility_meter::feasibility_meter;
use crate::components::highlighted_text::highlighted_text;
use crate::components::hindsight_panel::HindsightPanel;
use crate::components::reading_note::reading_note;
use crate::explorer::{link_click, state_href, Explorer, Navigate};

/// What one card is drawn from.
pub struct CardOf<'a> {
    pub explorer: &'a Explorer,
    /// Whether the hindsight layer is on (and loaded): the card then ends with the item's hindsight section.
    pub hindsight_on: bool,
    /// The item's position in the data set.
    pub index: usize,
    /// The state a click on the card's title leads to (the same view with this item open).
    pub open_state: ViewState,
    /// The search words to mark (folded; empty when nothing is searched).
    pub terms: &'a [String],
    pub navigate: &'a Navigate,
}

/// A summary card; its title opens the item's full detail. While the hindsight layer is on, the card ends with the
/// item's outcome and dated facts. A plain function rather than a component: a keystroke that changes the result puts
/// dozens of cards into the page, and a component of its own per card (its mount, its context subscriptions, its
/// render and destroy tasks) cost more than drawing the card; the card list draws them all anyway, since every card
/// changes with the search words.
pub fn item_card(card: CardOf<'_>) -> Html {
    let CardOf {
        explorer,
        hindsight_on,
        index,
        open_state,
        terms,
        navigate,
    } = card;
    let item = &explorer.data.items[index];
    let category = item.category;
    let title_id = format!("card-title-{}", item.id);
    let embedded = open_state.embed;
    html! {
        <article class={classes!("card", format!("cat-{}", category.id()))} aria-labelledby={title_id.clone()}>
            <div class="card-top">
                <p class="category-badge">
                    { category_icon(category) }
                    <span>{ explorer.category_label(category) }</span>
                </p>
                { feasibility_meter(explorer, item.feasibility.level) }
            </div>
            // The data set's first item carries the Element Timing name that `cargo xtask bench` measures first paint
            // by, as the prerendered first card does (xtask/src/postbuild/prerender.rs). On the link: the title's text
            // is laid out in it (it is a block), and Element Timing names text by the block it is laid out in.
            <h3 class="card-title" id={title_id.clone()}>
                <a href={state_href(&open_state)} onclick={link_click(navigate, open_state)}
                    elementtiming={(index == 0).then_some(AttrValue::Static("first-card"))}>
                    { highlighted_text(&item.title, terms) }
                </a>
            </h3>
            <p class="card-summary">{ highlighted_text(&item.summary, terms) }</p>
            <figure class="rationale">
                <figcaption>{ "Why this rating, in the article’s words" }</figcaption>
                <blockquote>
                    <p>{ "“" }{ highlighted_text(&item.feasibility.rationale, terms) }{ "”" }</p>
                </blockquote>
                { reading_note(item.feasibility.reading_note.as_deref()) }
            </figure>
            <div class="card-chips">
                <ul class="chips" aria-label="Domains">
                    { for item.domains.iter().map(|d| html! { <li class="chip chip-domain">{ explorer.domain_label(d) }</li> }) }
                </ul>
                <ul class="chips" aria-label="Who would have to act">
                    { for item.actors.iter().map(|a| html! { <li class="chip chip-actor">{ explorer.actor_label(a) }</li> }) }
                </ul>
            </div>
            if hindsight_on {
                <HindsightPanel item_id={item.id.clone()} heading_level={4} id_prefix="card" about={AttrValue::from(title_id.clone())} {embedded} />
            }
        </article>
    }
}
