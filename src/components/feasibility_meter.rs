//! The feasibility level drawn as a labelled meter: filled steps, the level's name, and its value in words.

use yew::prelude::*;

use crate::explorer::Explorer;

/// "Feasibility: 4 of 5, Within reach", as steps and as text, on the scale of the explorer's data set. A plain function
/// rather than a component, since every card draws one and it has no state.
pub fn feasibility_meter(explorer: &Explorer, level: u8) -> Html {
    let max = explorer.max_level();
    let label = explorer.level_label(level).to_string();
    let value_text = format!("{level} of {max}, {label}");
    html! {
        <div class="meter" role="meter" aria-label="Feasibility" aria-valuemin="1" aria-valuemax={max.to_string()}
            aria-valuenow={level.to_string()} aria-valuetext={value_text.clone()}>
            <span class="meter-steps" aria-hidden="true">
                { for (1..=max).map(|step| html! {
                    <span class={classes!("meter-step", (step <= level).then_some("on"))}></span>
                }) }
            </span>
            <span class="meter-text" aria-hidden="true">
                <span class="meter-label">{ label }</span>
                <span class="meter-value">{ format!(" · {level} of {max}") }</span>
            </span>
        </div>
    }
}
