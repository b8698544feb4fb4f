//! Text with the words of the current search marked.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::query::{highlight_ranges, split_highlights};

#[derive(Properties, PartialEq)]
pub struct HighlightedTextProps {
    pub text: AttrValue,
    /// The folded search words; empty when nothing is searched.
    pub terms: Rc<Vec<String>>,
}

/// Draws `text`, wrapping each match of the search words in `<mark>`.
#[function_component(HighlightedText)]
pub fn highlighted_text(props: &HighlightedTextProps) -> Html {
    if props.terms.is_empty() {
        return html! { { props.text.clone() } };
    }
    let ranges = highlight_ranges(&props.text, &props.terms);
    if ranges.is_empty() {
        return html! { { props.text.clone() } };
    }
    split_highlights(&props.text, &ranges)
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
