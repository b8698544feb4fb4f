//! How many items the filters leave, announced politely to screen readers, and what the URL could not use.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::url::UrlNotice;

#[derive(Properties, PartialEq)]
pub struct ResultSummaryProps {
    pub shown: usize,
    pub total: usize,
    pub notices: Rc<Vec<UrlNotice>>,
}

/// "Showing 6 of 31 prospects and risks", in a polite live region, with any URL notices below it.
#[function_component(ResultSummary)]
pub fn result_summary(props: &ResultSummaryProps) -> Html {
    let text = if props.shown == props.total {
        format!("Showing all {} prospects and risks", props.total)
    } else {
        format!(
            "Showing {} of {} prospects and risks",
            props.shown, props.total
        )
    };
    html! {
        <div class="result-summary">
            <p class="result-count" role="status" aria-live="polite">{ text }</p>
            // The live region is always there, so a notice that appears later (a link followed within the page) is
            // announced: screen readers miss content that arrives together with its live region.
            <div class="url-notices-region" role="status">
                if !props.notices.is_empty() {
                    <div class="url-notices">
                        <p>{ "Some parts of this link could not be used:" }</p>
                        <ul>{ for props.notices.iter().map(|n| html! { <li>{ &n.0 }</li> }) }</ul>
                    </div>
                }
            </div>
        </div>
    }
}
