//! A plain panel that lists the problems that kept a data set from loading.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::validate::Problem;

use crate::components::problem_list::ProblemList;

#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    pub problems: Rc<Vec<Problem>>,
}

/// Says that the data could not be loaded, and why, instead of leaving the page blank.
#[function_component(LoadError)]
pub fn load_error(props: &LoadErrorProps) -> Html {
    html! {
        <section class="load-error" role="alert">
            <h1>{ "The data could not be loaded" }</h1>
            <ProblemList problems={props.problems.clone()} />
        </section>
    }
}
