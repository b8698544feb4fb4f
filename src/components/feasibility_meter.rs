//! The feasibility level drawn as a labelled meter: filled steps, the level's name, and its value in words.

use yew::prelude::*;

use crate::explorer::use_explorer;

#[derive(Properties, PartialEq)]
pub struct FeasibilityMeterProps {
    pub level: u8,
}

/// "Feasibility: 4 of 5, Within reach", as steps and as text.
#[function_component(FeasibilityMeter)]
pub fn feasibility_meter(props: &FeasibilityMeterProps) -> Html {
    let explorer = use_explorer();
    let max = explorer.max_level();
    let label = explorer.level_label(props.level).to_string();
    let value_text = format!("{} of {max}, {label}", props.level);
    html! {
        <div class="meter" role="meter" aria-label="Feasibility" aria-valuemin="1" aria-valuemax={max.to_string()}
            aria-valuenow={props.level.to_string()} aria-valuetext={value_text.clone()}>
            <span class="meter-steps" aria-hidden="true">
                { for (1..=max).map(|step| html! {
                    <span class={classes!("meter-step", (step <= props.level).then_some("on"))}></span>
                }) }
            </span>
            <span class="meter-text" aria-hidden="true">
                <span class="meter-label">{ label }</span>
                <span class="meter-value">{ format!(" · {} of {max}", props.level) }</span>
            </span>
        </div>
    }
}
