//! The timeline view: the dated events the article mentions, in order, with the summit and the article's own
//! publication marked, each quoting the article and linking to the cards it bears on; with the hindsight layer on, the
//! line continues past the summit in a separate part. The on-demand module draws it
//! (`ondemand/src/timeline_view.rs`) through a [`DrawnView`], again whenever the filters, the layer or the embed mode
//! change what it shows.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::state::ViewState;

use crate::explorer::Navigate;
use crate::hindsight_layer::use_hindsight;
use crate::views::drawn_view::{DrawView, DrawnView};

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    pub state: Rc<ViewState>,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: Rc<Vec<bool>>,
    pub navigate: Navigate,
}

/// The timeline, drawn by the on-demand module.
#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let hindsight = use_hindsight().is_some();
    // In embed mode, links that leave the explorer (the facts' sources) open a new tab.
    let embedded = props.state.embed;
    // What the drawing shows besides the data set: which items the filters let through, the layer and the embed mode.
    let inputs: Rc<[u8]> = props
        .included
        .iter()
        .map(|&i| u8::from(i))
        .chain([u8::from(hindsight), u8::from(embedded)])
        .collect();
    let draw = {
        let included = props.included.clone();
        Callback::from(move |view: DrawView| {
            view.module.draw_timeline(
                &view.container,
                view.data.bytes(),
                &included,
                (hindsight, embedded),
                &view.links,
            )
        })
    };
    html! {
        <DrawnView state={props.state.clone()} navigate={props.navigate.clone()} what="the timeline" {inputs} {draw} />
    }
}
