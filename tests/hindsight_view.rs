//! Component tests of the hindsight layer: the scorecard's tables and the lists behind their counts, and what cards,
//! the matrix and the timeline show with the layer on and off. Mounted in headless Chromium with the bundled data.
#![cfg(target_arch = "wasm32")]

mod common;

use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_core::hindsight::{entries_for, later_entries, outcome_for};
use summit_core::model::{Category, Hindsight, Verdict};
use summit_core::state::{View, ViewState};
use summit_core::wire::{self, HindsightOutcome};
use summit_fruits::explorer::ExplorerContext;
use summit_fruits::hindsight_layer::{self, HindsightContext, Layer};
use summit_fruits::ondemand::DataWire;
use summit_fruits::views::matrix_view::MatrixView;
use summit_fruits::views::scorecard_view::ScorecardView;
use summit_fruits::views::timeline_view::TimelineView;

use common::{explorer, install_on_demand, mount, texts, Card};

wasm_bindgen_test_configure!(run_in_browser);

/// The bundled layer as the app loads it: checked in the on-demand module (stood in by the test's own copy).
async fn hindsight(_explorer: &ExplorerContext) -> Rc<Layer> {
    install_on_demand();
    hindsight_layer::load(&DataWire::Bundled)
        .await
        .expect("the bundled hindsight layer loads and validates")
}

/// Hindsight JSON checked against a data set, as the on-demand module checks it.
fn check_layer(
    json: &str,
    data: &summit_core::model::DataSet,
) -> Result<Hindsight, Vec<summit_core::validate::Problem>> {
    summit_core::validate::parse_and_validate_hindsight(
        json,
        data,
        &summit_core::validate::Limits::default(),
    )
    .map(|(layer, _warnings)| layer)
}

/// The bundled layer's facts, checked once against the bundled data set: what the tests expect the module to draw.
fn bundled_facts() -> &'static Hindsight {
    thread_local! {
        static FACTS: &'static Hindsight = Box::leak(Box::new(
            check_layer(summit_ondemand::HINDSIGHT_JSON, &explorer().data)
                .expect("the bundled hindsight layer validates"),
        ));
    }
    FACTS.with(|facts| *facts)
}

/// `content` inside the hindsight context, as `App` provides it while the switch is on (`Some`) or off (`None`).
fn with_layer(layer: Option<Rc<Layer>>, content: Html) -> Html {
    html! {
        <ContextProvider<HindsightContext> context={HindsightContext(layer)}>
            { content }
        </ContextProvider<HindsightContext>>
    }
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.unchecked_into::<web_sys::Element>())
        .collect()
}

fn card(index: usize, item_id: &str) -> Html {
    let open_state = Rc::new(ViewState {
        open_item: Some(item_id.to_string()),
        hindsight: true,
        ..ViewState::default()
    });
    html! { <Card {index} {open_state} terms={Rc::new(Vec::new())} navigate={Callback::noop()} /> }
}

/// The verdict a column id stands for; `None` for "no checked facts".
fn column_verdict(column: &str) -> Option<Verdict> {
    Verdict::ALL.into_iter().find(|v| v.id() == column)
}

#[wasm_bindgen_test]
async fn the_bundled_layer_loads_and_is_cached() {
    let explorer = explorer();
    let first = hindsight(&explorer).await;
    let second = hindsight(&explorer).await;
    assert!(Rc::ptr_eq(&first, &second), "parsed once");
    // What the app holds is the check's outcome, accepted, for the module to draw from.
    let outcome = wire::decode::<HindsightOutcome>(&first.wire).expect("the check's wire form");
    let (facts, _warnings) = outcome.expect("accepted");
    assert_eq!(&facts, bundled_facts());
    assert!(!facts.entries.is_empty());
    assert!(!facts.outcomes.is_empty());
}

#[wasm_bindgen_test]
async fn scorecard_counts_sum_to_the_items_and_each_count_lists_exactly_its_items() {
    let explorer = explorer();
    let layer = hindsight(&explorer).await;
    let state = Rc::new(ViewState {
        view: View::Scorecard,
        hindsight: true,
        ..ViewState::default()
    });
    let navigations = Rc::new(std::cell::RefCell::new(Vec::new()));
    let navigate = {
        let navigations = navigations.clone();
        Callback::from(move |n: summit_fruits::explorer::Navigation| {
            navigations.borrow_mut().push(n)
        })
    };
    let root = mount(
        &explorer,
        with_layer(
            Some(layer.clone()),
            html! { <ScorecardView state={state.clone()} {navigate} /> },
        ),
    )
    .await;
    // The on-demand module draws it once it has answered.
    assert_eq!(
        texts(&root, ".dialog-load-status").join(""),
        "Loading the scorecard…"
    );
    for _ in 0..100 {
        if !all(&root, "table.scorecard-table").is_empty() {
            break;
        }
        common::pause().await;
    }
    assert_eq!(texts(&root, ".dialog-load-status").join(""), "");
    let data = &explorer.data;
    let total = data.items.len();

    assert_eq!(all(&root, "table.scorecard-table").len(), 2);
    assert_eq!(all(&root, "table caption").len(), 2);
    assert!(all(&root, "th[scope=col]").len() >= 2 * 7);

    let mut checked_lists = 0;
    for table in ["level", "category"] {
        let rows = all(&root, &format!("table[data-table={table}] tbody tr"));
        let expected_rows = if table == "level" {
            data.feasibility_scale.len()
        } else {
            Category::ALL.len()
        };
        assert_eq!(rows.len(), expected_rows, "{table}");
        let mut sum = 0;
        for row in &rows {
            let key = row.get_attribute("data-key").unwrap();
            let in_row: Vec<usize> = data
                .items
                .iter()
                .enumerate()
                .filter(|(_, item)| match table {
                    "level" => item.feasibility.level.to_string() == key,
                    _ => item.category.id() == key,
                })
                .map(|(i, _)| i)
                .collect();
            for cell in all(row, "td[data-count]") {
                let column = cell.get_attribute("data-column").unwrap();
                let count: usize = cell.get_attribute("data-count").unwrap().parse().unwrap();
                let expected: BTreeSet<String> = in_row
                    .iter()
                    .map(|&i| &data.items[i])
                    .filter(|item| {
                        let verdict = outcome_for(bundled_facts(), &item.id).map(|o| o.verdict);
                        match column.as_str() {
                            "all" => true,
                            "unchecked" => verdict.is_none(),
                            other => verdict.is_some() && verdict == column_verdict(other),
                        }
                    })
                    .map(|item| item.id.clone())
                    .collect();
                assert_eq!(count, expected.len(), "{table} {key} {column}");
                if column != "all" {
                    sum += count;
                }
                if count == 0 {
                    assert!(cell.query_selector("button").unwrap().is_none());
                    continue;
                }
                // Open the list behind the count.
                let button = cell
                    .query_selector("button")
                    .unwrap()
                    .expect("a non-zero count opens its items");
                assert_eq!(
                    button.get_attribute("aria-expanded").as_deref(),
                    Some("false")
                );
                button.unchecked_ref::<web_sys::HtmlElement>().click();
                yew::scheduler::flush().await;
                assert_eq!(
                    button.get_attribute("aria-expanded").as_deref(),
                    Some("true")
                );
                let list_id = button.get_attribute("aria-controls").unwrap();
                let listed: BTreeSet<String> = all(&root, &format!("#{list_id} li[data-item]"))
                    .iter()
                    .map(|li| li.get_attribute("data-item").unwrap())
                    .collect();
                assert_eq!(listed, expected, "{table} {key} {column}");
                let status = texts(&root, &format!("#{list_id} [role=status]")).join("");
                assert!(status.starts_with(&count.to_string()), "{status}");
                // Every listed item links to its card.
                for link in all(&root, &format!("#{list_id} li a")) {
                    assert!(link.get_attribute("href").unwrap().contains("item="));
                }
                checked_lists += 1;
            }
        }
        assert_eq!(
            sum, total,
            "the {table} table's counts sum to the number of items"
        );
    }
    assert!(checked_lists > 10, "{checked_lists}");

    // The "All items" row counts every item once.
    for table in ["level", "category"] {
        let all_cell = root
            .query_selector(&format!(
                "table[data-table={table}] tfoot td[data-column=all]"
            ))
            .unwrap()
            .unwrap();
        assert_eq!(
            all_cell.get_attribute("data-count").unwrap(),
            total.to_string()
        );
    }
    // A legend explains every verdict.
    let legend = texts(&root, ".verdict-legend").join(" ");
    for verdict in Verdict::ALL {
        assert!(
            legend.contains(verdict.label()) && legend.contains(verdict.description()),
            "{legend}"
        );
    }

    // A plain click on a listed item opens it in place, from the state shown.
    let link = all(&root, ".scorecard-items li a")
        .pop()
        .expect("a list is open");
    assert_eq!(link.get_attribute("data-link").as_deref(), Some("item"));
    let id = link.get_attribute("data-link-arg").unwrap();
    assert!(link
        .get_attribute("href")
        .unwrap()
        .contains(&format!("item={id}")));
    link.unchecked_ref::<web_sys::HtmlElement>().click();
    let asked = navigations.borrow_mut().pop().expect("a navigation");
    assert_eq!(asked.state.open_item.as_deref(), Some(id.as_str()));
    assert_eq!(asked.state.view, View::Scorecard);
}

#[wasm_bindgen_test]
async fn a_card_without_the_layer_shows_no_hindsight() {
    let explorer = explorer();
    let (index, item) = explorer.item("diplomatic-missions").unwrap();
    for content in [
        card(index, &item.id),
        with_layer(None, card(index, &item.id)),
    ] {
        let root = mount(&explorer, content).await;
        assert!(root.query_selector(".hindsight-panel").unwrap().is_none());
        let text = root.text_content().unwrap();
        assert!(!text.contains("After the article"), "{text}");
        for entry in entries_for(bundled_facts(), &item.id) {
            assert!(!text.contains(&entry.text), "{text}");
        }
        assert!(!text.contains(&outcome_for(bundled_facts(), &item.id).unwrap().reason));
    }
}

#[wasm_bindgen_test]
async fn a_card_with_the_layer_shows_its_outcome_and_a_source_for_each_fact() {
    let explorer = explorer();
    let layer = hindsight(&explorer).await;
    for item_id in [
        "diplomatic-missions",
        "open-skies-treaty",
        "strategic-stability-talks",
    ] {
        let (index, item) = explorer.item(item_id).unwrap();
        let root = mount(
            &explorer,
            with_layer(Some(layer.clone()), card(index, &item.id)),
        )
        .await;
        // The on-demand module draws the section's content.
        common::until_drawn(&root, ".card .hindsight-panel .hindsight-heading").await;
        let panel = root
            .query_selector(".card .hindsight-panel")
            .unwrap()
            .expect("a hindsight section");
        let heading_id = format!("hindsight-card-{item_id}");
        assert_eq!(
            panel.get_attribute("aria-labelledby"),
            Some(format!("{heading_id} card-title-{item_id}"))
        );
        assert!(panel
            .query_selector(&format!("h4#{heading_id}.hindsight-heading"))
            .unwrap()
            .is_some());
        assert!(panel
            .text_content()
            .unwrap()
            .contains("After the article, not in it"));
        // Not inside any quotation.
        assert!(panel.closest("blockquote, figure").unwrap().is_none());

        let outcome = outcome_for(bundled_facts(), &item.id).expect("an outcome");
        let badge = texts(&panel, ".outcome-badge").join("");
        assert!(badge.contains(outcome.verdict.label()), "{badge}");
        assert!(panel
            .query_selector(&format!(
                ".outcome-badge svg.verdict-{}",
                outcome.verdict.id()
            ))
            .unwrap()
            .is_some());
        assert_eq!(
            texts(&panel, ".hindsight-reason"),
            vec![outcome.reason.clone()]
        );

        let entries = entries_for(bundled_facts(), &item.id);
        let rows = all(&panel, ".hindsight-entry");
        assert_eq!(rows.len(), entries.len(), "{item_id}");
        for entry in &entries {
            let row = rows
                .iter()
                .find(|r| r.text_content().unwrap().contains(&entry.text))
                .unwrap_or_else(|| panic!("{} is listed", entry.id));
            let time = row.query_selector("time").unwrap().expect("a date");
            assert_eq!(
                time.get_attribute("datetime").as_deref(),
                Some(entry.date.as_str())
            );
            assert_eq!(
                time.text_content().unwrap(),
                summit_core::dates::format_iso_date(&entry.date)
            );
            let link = row
                .query_selector("a.hindsight-source")
                .unwrap()
                .expect("a source link");
            assert_eq!(
                link.get_attribute("href").as_deref(),
                Some(entry.source.as_str())
            );
            assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener"));
            assert!(link.text_content().unwrap().starts_with("Source: "));
            // Background facts sit only under their label.
            let in_background = row.closest(".hindsight-background").unwrap().is_some();
            assert_eq!(in_background, entry.background, "{}", entry.id);
        }
        let has_background = entries.iter().any(|e| e.background);
        let labels = texts(&panel, ".hindsight-background-label");
        assert_eq!(!labels.is_empty(), has_background, "{item_id}");
        if has_background {
            assert_eq!(labels, vec!["Background (before the article)".to_string()]);
        }
    }
}

#[wasm_bindgen_test]
async fn a_section_the_module_cannot_draw_says_why_beside_it() {
    let explorer = explorer();
    let layer = hindsight(&explorer).await;
    // A layer whose wire bytes the module cannot read.
    assert!(!layer.wire.is_empty());
    let unreadable = Rc::new(Layer {
        wire: Rc::from(&b"not a layer"[..]),
    });
    let (index, item) = explorer.item("open-skies-treaty").unwrap();
    let root = mount(
        &explorer,
        with_layer(Some(unreadable), card(index, &item.id)),
    )
    .await;
    common::until_drawn(&root, ".card .hindsight-load-error").await;
    let message = texts(&root, ".card .hindsight-load-error").join("");
    assert!(
        message.starts_with("The hindsight layer could not be shown ("),
        "{message}"
    );
    // The section stays, empty, and the sentence is beside it, not in it.
    let panel = root
        .query_selector(".card .hindsight-panel")
        .unwrap()
        .unwrap();
    assert_eq!(panel.child_element_count(), 0);
    assert!(root
        .query_selector(".hindsight-panel .hindsight-load-error")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn matrix_marks_name_and_draw_their_outcome_only_with_the_layer() {
    let explorer = explorer();
    let layer = hindsight(&explorer).await;
    let state = Rc::new(ViewState {
        view: View::Matrix,
        ..ViewState::default()
    });
    let included = Rc::new(vec![true; explorer.data.items.len()]);
    let matrix = || html! { <MatrixView state={state.clone()} included={included.clone()} navigate={Callback::noop()} /> };

    let off = mount(&explorer, matrix()).await;
    common::until_drawn(&off, ".matrix-drawing").await;
    assert!(all(&off, ".matrix-mark-verdict").is_empty());
    for mark in all(&off, "a.matrix-mark") {
        assert!(!mark
            .get_attribute("aria-label")
            .unwrap()
            .contains("after the summit"));
    }

    let on = mount(&explorer, with_layer(Some(layer.clone()), matrix())).await;
    common::until_drawn(&on, ".matrix-mark-verdict").await;
    let marks = all(&on, "a.matrix-mark");
    assert!(!marks.is_empty());
    for mark in marks {
        let id = mark.get_attribute("data-item").unwrap();
        let name = mark.get_attribute("aria-label").unwrap();
        match outcome_for(bundled_facts(), &id) {
            Some(outcome) => {
                assert!(
                    name.contains(&format!(", after the summit: {}", outcome.verdict.label())),
                    "{name}"
                );
                assert!(mark
                    .query_selector(&format!(
                        ".matrix-mark-verdict.verdict-{}",
                        outcome.verdict.id()
                    ))
                    .unwrap()
                    .is_some());
            }
            None => {
                assert!(!name.contains("after the summit"), "{name}");
                assert!(mark
                    .query_selector(".matrix-mark-verdict")
                    .unwrap()
                    .is_none());
            }
        }
    }
    let legend = texts(&on, ".matrix-legend").join(" ");
    for verdict in Verdict::ALL {
        assert!(legend.contains(&verdict.label().to_lowercase()), "{legend}");
    }
}

#[wasm_bindgen_test]
async fn the_timeline_continues_with_later_facts_only_with_the_layer() {
    let explorer = explorer();
    let layer = hindsight(&explorer).await;
    let state = Rc::new(ViewState {
        view: View::Timeline,
        ..ViewState::default()
    });
    let included = Rc::new(vec![true; explorer.data.items.len()]);
    let timeline = || html! { <TimelineView state={state.clone()} included={included.clone()} navigate={Callback::noop()} /> };

    let off = mount(&explorer, timeline()).await;
    common::until_drawn(&off, "section.timeline-view").await;
    assert!(off.query_selector(".hindsight-timeline").unwrap().is_none());
    assert!(!off.text_content().unwrap().contains("Hindsight"));

    let on = mount(&explorer, with_layer(Some(layer.clone()), timeline())).await;
    common::until_drawn(&on, "section.hindsight-timeline").await;
    let part = on
        .query_selector(".hindsight-timeline")
        .unwrap()
        .expect("the continuation");
    assert!(part
        .text_content()
        .unwrap()
        .contains("After the article: what happened"));
    let later = later_entries(bundled_facts());
    let entries = all(&part, ".hindsight-event");
    assert_eq!(entries.len(), later.len());
    for (li, entry) in entries.iter().zip(&later) {
        assert_eq!(
            texts(li, ".hindsight-event-label"),
            vec!["Hindsight".to_string()]
        );
        assert_eq!(texts(li, ".hindsight-event-text"), vec![entry.text.clone()]);
        assert_eq!(
            li.query_selector("time")
                .unwrap()
                .unwrap()
                .get_attribute("datetime")
                .as_deref(),
            Some(entry.date.as_str())
        );
        assert_eq!(
            li.query_selector("a.hindsight-source")
                .unwrap()
                .unwrap()
                .get_attribute("href")
                .as_deref(),
            Some(entry.source.as_str())
        );
    }
    // The article's own events stay outside the hindsight part and never carry hindsight text.
    let article_list = on
        .query_selector(".timeline-list:not(.hindsight-timeline-list)")
        .unwrap()
        .unwrap();
    let article_text = article_list.text_content().unwrap();
    for entry in &later {
        assert!(!article_text.contains(&entry.text));
    }
}

#[wasm_bindgen_test]
async fn the_switch_toggles_the_layer_in_the_url_state_and_reports_a_layer_that_failed() {
    use summit_fruits::components::toolbar::Toolbar;
    use summit_fruits::explorer::{HistoryMode, Navigation};

    let explorer = explorer();
    let (navigations, navigate) = common::recorder::<Navigation>();

    // Off: the switch says so, and a click asks for the same state with the layer on.
    let off = Rc::new(ViewState::default());
    let root = mount(
        &explorer,
        html! { <Toolbar state={off.clone()} navigate={navigate.clone()} /> },
    )
    .await;
    let switch = root
        .query_selector("button[role=switch]")
        .unwrap()
        .expect("a switch");
    assert!(switch
        .text_content()
        .unwrap()
        .contains("Hindsight: what happened next"));
    assert_eq!(
        switch.get_attribute("aria-checked").as_deref(),
        Some("false")
    );
    assert!(root
        .query_selector(".hindsight-load-error")
        .unwrap()
        .is_none());
    switch.unchecked_ref::<web_sys::HtmlElement>().click();
    let asked = navigations.borrow_mut().pop().expect("a navigation");
    assert_eq!(asked.mode, HistoryMode::Push);
    assert_eq!(
        asked.state,
        ViewState {
            hindsight: true,
            ..(*off).clone()
        }
    );

    // On the scorecard, turning it off goes back to the cards.
    let on = Rc::new(ViewState {
        view: View::Scorecard,
        hindsight: true,
        ..ViewState::default()
    });
    let root = mount(
        &explorer,
        html! { <Toolbar state={on} navigate={navigate.clone()} /> },
    )
    .await;
    let switch = root.query_selector("button[role=switch]").unwrap().unwrap();
    assert_eq!(
        switch.get_attribute("aria-checked").as_deref(),
        Some("true")
    );
    switch.unchecked_ref::<web_sys::HtmlElement>().click();
    let asked = navigations.borrow_mut().pop().expect("a navigation");
    assert_eq!(asked.state, ViewState::default());

    // A broken file refuses the whole layer, and the toolbar says why instead of showing it.
    let problems =
        Rc::new(check_layer("{\"article_url\": 3}", &explorer.data).expect_err("refused"));
    assert!(!problems.is_empty());
    let refused = check_layer(
        &summit_ondemand::HINDSIGHT_JSON.replacen(
            "\"items\": [",
            "\"items\": [\"no-such-item\", ",
            1,
        ),
        &explorer.data,
    );
    assert!(refused.is_err(), "an unknown item id refuses the layer");
    let state = Rc::new(ViewState {
        hindsight: true,
        ..ViewState::default()
    });
    let root = mount(
        &explorer,
        html! { <Toolbar {state} navigate={navigate.clone()} hindsight_problems={Some(problems)} /> },
    )
    .await;
    let message = texts(&root, ".hindsight-load-error").join("");
    assert!(
        message.starts_with("Hindsight could not be loaded"),
        "{message}"
    );
}
