//! The scorecard view: how the article's feasibility ratings held after the summit, level by level and category by
//! category, as two tables whose counts open the list of the items behind them.
//!
//! The on-demand module draws it (`ondemand/src/scorecard_view.rs`) through a [`DrawnView`]: the scorecard is shown
//! only while the hindsight layer is on, and the module is already loaded to check that layer.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::state::ViewState;
use summit_core::validate::Problem;

use crate::components::problem_list::ProblemList;
use crate::explorer::Navigate;
use crate::hindsight_layer::use_hindsight;
use crate::views::drawn_view::{DrawView, DrawnView};

#[derive(Properties, PartialEq)]
pub struct ScorecardViewProps {
    pub state: Rc<ViewState>,
    pub navigate: Navigate,
}

/// The scorecard, drawn by the on-demand module. Shown only while the hindsight layer is on; without it, it says so.
#[function_component(ScorecardView)]
pub fn scorecard_view(props: &ScorecardViewProps) -> Html {
    if use_hindsight().is_none() {
        return html! {
            <section class="scorecard-view" aria-labelledby="scorecard-heading">
                <h2 id="scorecard-heading">{ "Scorecard" }</h2>
                <p>{ "Switch on “Hindsight: what happened next” to see how the article’s ratings held." }</p>
            </section>
        };
    }
    let draw = Callback::from(|view: DrawView| {
        view.module
            .draw_scorecard(&view.container, view.data.bytes(), &view.links)
    });
    html! {
        <DrawnView state={props.state.clone()} navigate={props.navigate.clone()} what="the scorecard"
            inputs={Rc::<[u8]>::from([])} {draw} />
    }
}

#[derive(Properties, PartialEq)]
pub struct HindsightUnavailableProps {
    pub problems: Rc<Vec<Problem>>,
}

/// Says that the hindsight layer could not be loaded, in place of the scorecard.
#[function_component(HindsightUnavailable)]
pub fn hindsight_unavailable(props: &HindsightUnavailableProps) -> Html {
    html! {
        <section class="scorecard-view hindsight-unavailable" aria-labelledby="scorecard-heading">
            <h2 id="scorecard-heading">{ "Scorecard" }</h2>
            <p>{ "The hindsight layer could not be loaded, so the scorecard cannot be shown. Its file has these problems:" }</p>
            <ProblemList problems={props.problems.clone()} />
        </section>
    }
}
