//! A list of a file's problems (a refused data set, its warnings, a hindsight file that did not load), each as
//! "path: message".

use std::rc::Rc;
use summit_core::text::count_noun;

use yew::prelude::*;

use summit_core::validate::{problem_page, Problem, PROBLEM_PAGE};

use summit_core::text::printable;

#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    pub problems: Rc<Vec<Problem>>,
}

/// The problems, each as "path: message"; all text, never markup, with control and bidirectional characters written
/// as escapes ([`printable`]). At most a page of them ([`PROBLEM_PAGE`]); the last line counts the rest, so that a
/// file with a problem in every field still draws a short list.
#[function_component(ProblemList)]
pub fn problem_list(props: &ProblemListProps) -> Html {
    let (shown, more) = problem_page(&props.problems, PROBLEM_PAGE);
    html! {
        <ul class="problem-list">
            { for shown.iter().map(|p| html! {
                <li class={classes!("problem", p.severity.to_string())}>
                    <code class="problem-path">{ printable(&p.path) }</code>{ ": " }{ printable(&p.message) }
                </li>
            }) }
            if more.total() > 0 {
                <li class="problem problem-more">
                    { format!(
                        "…and {} more not shown ({}, {}): the first {} are listed above.",
                        more.total(),
                        count_noun(more.errors, "error", "errors"),
                        count_noun(more.warnings, "warning", "warnings"),
                        shown.len()
                    ) }
                </li>
            }
        </ul>
    }
}
