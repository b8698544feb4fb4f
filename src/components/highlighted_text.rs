//! Text with the words of the current search marked.

use yew::prelude::*;

use summit_core::query::{highlight_ranges, split_highlights};

/// Draws `text`, wrapping each match of the search words `terms` (folded; empty when nothing is searched) in `<mark>`.
/// A plain function rather than a component: a card draws three of these, and a card is drawn again whenever the
/// search changes, so a component of its own would only add a mount per text.
pub fn highlighted_text(text: &str, terms: &[String]) -> Html {
    let ranges = if terms.is_empty() {
        Vec::new()
    } else {
        highlight_ranges(text, terms)
    };
    if ranges.is_empty() {
        return html! { { text.to_owned() } };
    }
    split_highlights(text, &ranges)
        .into_iter()
        .map(|(piece, is_match)| {
            if is_match {
                html! { <mark class="search-hit">{ piece.to_string() }</mark> }
            } else {
                html! { { piece.to_string() } }
            }
        })
        .collect()
}
