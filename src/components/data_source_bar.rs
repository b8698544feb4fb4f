//! The "Use another data set" bar (a file picker, drops onto the page are handled by `App`), the panel that says a
//! data set was refused, and the banner that names the data set shown and lists its warnings.

use std::rc::Rc;
use summit_core::text::count_noun;

use yew::prelude::*;

use summit_core::validate::{problem_count, Problem};

use crate::components::problem_list::ProblemList;

use crate::chosen_data::{first_file, input_files, read_file, Loaded};
use crate::ondemand;

#[derive(Properties, PartialEq)]
pub struct DataSourceBarProps {
    /// Called with the outcome once a chosen file has been read and checked.
    pub on_loaded: Callback<Loaded>,
}

/// A collapsed `<details>` with a file picker for a data set in the same JSON format as the bundled one. Opening it
/// starts fetching the checker (the on-demand module), so that it is there by the time a file is picked; while a file
/// is read and checked the bar is marked busy and says so.
#[function_component(DataSourceBar)]
pub fn data_source_bar(props: &DataSourceBarProps) -> Html {
    let reading = use_state(|| false);
    let onchange = {
        let on_loaded = props.on_loaded.clone();
        let reading = reading.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = first_file(&input_files(&input)) else {
                return;
            };
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            let on_loaded = on_loaded.clone();
            let reading = reading.clone();
            reading.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = read_file(file).await;
                reading.set(false);
                on_loaded.emit(loaded);
            });
        })
    };
    let ontoggle = Callback::from(|event: Event| {
        let details: web_sys::Element = event.target_unchecked_into();
        if details.has_attribute("open") {
            ondemand::start_loading();
        }
    });
    html! {
        <details class="data-source-bar" {ontoggle}>
            <summary>{ "Use another data set" }</summary>
            <div class="data-source-body" aria-busy={(*reading).then_some("true")}>
                <p>
                    { "Explore a data set of your own in the same JSON format as " }
                    <a href="potential-fruits.json" download="potential-fruits.json">{ "the bundled one" }</a>
                    { " (see " }
                    <a href="schema.json" download="schema.json">{ "its JSON Schema" }</a>
                    { "). It is checked before it is shown, stays in this browser tab and is never uploaded. \
                       You can also drop a file onto the page, or open the page with " }
                    <code>{ "?data=" }</code>{ " and the address of a JSON file." }
                </p>
                <label class="data-source-label" for="data-source-file">{ "Data set file (JSON, at most 16 MiB)" }</label>
                <input id="data-source-file" class="data-source-file" type="file" accept=".json,application/json" {onchange} />
                <div role="status">
                    if *reading {
                        <p class="data-source-status">{ "Reading and checking the file…" }</p>
                    }
                </div>
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct DataRefusedProps {
    pub problems: Rc<Vec<Problem>>,
    /// The file name or address.
    pub label: Rc<str>,
    /// Goes back to the bundled data set.
    pub on_back: Callback<MouseEvent>,
}

/// Says that a data set was refused, lists every problem with its JSON path, and offers the bundled data set back.
#[function_component(DataRefused)]
pub fn data_refused(props: &DataRefusedProps) -> Html {
    let errors = problem_count(&props.problems).errors;
    // The file picker that was focused is gone: move the focus to the panel, so that it is read and Tab goes on.
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            if let Some(panel) = panel.cast::<web_sys::HtmlElement>() {
                let _ = panel.focus();
            }
        });
    }
    html! {
        <section ref={panel} tabindex="-1" class="load-error data-refused" role="alert" aria-labelledby="data-refused-title">
            <h1 id="data-refused-title">{ "This data set was refused" }</h1>
            <p>
                <strong class="data-label">{ props.label.to_string() }</strong>
                { format!(" was not loaded: {} found.", count_noun(errors, "error was", "errors were")) }
            </p>
            <ProblemList problems={props.problems.clone()} />
            <button type="button" class="button data-back" onclick={props.on_back.clone()}>
                { "Back to the bundled data set" }
            </button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DataNoticeProps {
    pub warnings: Rc<Vec<Problem>>,
    pub label: Rc<str>,
    pub on_back: Callback<MouseEvent>,
}

/// Names the data set shown instead of the bundled one and lists its warnings, if any.
#[function_component(DataNotice)]
pub fn data_notice(props: &DataNoticeProps) -> Html {
    let warnings = problem_count(&props.warnings).warnings;
    html! {
        <section class={classes!("data-notice", (warnings > 0).then_some("has-warnings"))} aria-label="Data set">
            <p>
                { "You are exploring another data set: " }
                <strong class="data-label">{ props.label.to_string() }</strong>
                { "." }
                if warnings > 0 {
                    { format!(" It loaded with {}:", count_noun(warnings, "warning", "warnings")) }
                }
                { " " }
                <button type="button" class="button data-back" onclick={props.on_back.clone()}>
                    { "Back to the bundled data set" }
                </button>
            </p>
            if warnings > 0 {
                <ProblemList problems={props.warnings.clone()} />
            }
        </section>
    }
}
