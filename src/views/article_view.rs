//! The article view: the article's full text, with each quotation behind a card highlighted in place and linked to its
//! card, the current passage brought into view. The on-demand module draws it (`ondemand/src/article_view.rs`) through
//! a [`DrawnView`], again whenever the filters, the current passage or the embed mode change what it shows.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::state::ViewState;

use crate::explorer::Navigate;
use crate::ondemand::included_bytes;
use crate::views::drawn_view::{DrawView, DrawnView};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub state: Rc<ViewState>,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: Rc<Vec<bool>>,
    pub navigate: Navigate,
}

/// The article, drawn by the on-demand module.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let state = &props.state;
    // What the drawing shows besides the data set: which items the filters let through, the embed mode and the
    // current passage.
    let included: Rc<[u8]> = included_bytes(&props.included).into();
    let mut inputs = included.to_vec();
    inputs.push(u8::from(state.embed));
    if let Some(passage) = &state.passage {
        inputs.extend(passage.evidence.to_le_bytes());
        inputs.extend(passage.item.as_bytes());
    }
    let draw = {
        let state = state.clone();
        Callback::from(move |view: DrawView| {
            view.module.draw_article(
                &view.container,
                view.data.bytes(),
                &included,
                state
                    .passage
                    .as_ref()
                    .map(|p| (p.item.as_str(), p.evidence)),
                state.embed,
                &view.links,
            )
        })
    };
    html! {
        <DrawnView state={props.state.clone()} navigate={props.navigate.clone()} what="the article"
            inputs={Rc::<[u8]>::from(inputs)} {draw} />
    }
}
