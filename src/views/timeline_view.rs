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
use crate::ondemand::included_bytes;
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
    let included: Rc<[u8]> = included_bytes(&props.included).into();
    let mut inputs = included.to_vec();
    inputs.extend([u8::from(hindsight), u8::from(embedded)]);
    let draw = Callback::from(move |view: DrawView| {
        view.module.draw_timeline(
            &view.container,
            view.data.bytes(),
            &included,
            (hindsight, embedded),
            &view.links,
        )
    });
    html! {
        <DrawnView state={props.state.clone()} navigate={props.navigate.clone()} what="the timeline" inputs={Rc::<[u8]>::from(inputs)} {draw} />
    }
}
