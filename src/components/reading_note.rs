//! How a rating's quotation is read, drawn beside it wherever the quotation appears (card, detail, matrix).

use yew::prelude::*;

/// The item's reading note, if it has one: "How it is read: …". A plain function like the feasibility meter, since it
/// has no state. Nothing is drawn for an item without a note.
pub fn reading_note(note: Option<&str>) -> Html {
    match note {
        Some(note) => html! {
            <p class="reading-note"><strong>{ "How it is read: " }</strong>{ note }</p>
        },
        None => Html::default(),
    }
}
