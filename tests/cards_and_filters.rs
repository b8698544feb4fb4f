//! Component tests of the card and the filter panel, mounted with the bundled data set in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_core::model::Category;
use summit_core::query::{facet_counts, search_terms};
use summit_core::state::{Filters, ViewState};
use summit_fruits::components::filter_panel::FilterPanel;
use summit_fruits::explorer::Navigation;

use common::{explorer, mount, texts, Card};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_card_shows_category_meter_rationale_and_chips() {
    let explorer = explorer();
    let (index, item) = explorer
        .item("diplomatic-missions")
        .expect("the item exists");
    let open_state = Rc::new(ViewState {
        open_item: Some(item.id.clone()),
        ..ViewState::default()
    });
    // The page says its items have pages of their own (the bundled data set, not the single file).
    summit_fruits::explorer::set_item_pages_exist(true);
    let root = mount(
        &explorer,
        html! { <Card {index} open_state={open_state.clone()} terms={Rc::new(Vec::new())} navigate={Callback::noop()} /> },
    )
    .await;

    assert_eq!(texts(&root, ".card-title"), vec![item.title.clone()]);
    assert_eq!(
        texts(&root, ".category-badge"),
        vec!["Low-hanging fruit".to_string()]
    );
    let meter = root.query_selector("[role=meter]").unwrap().unwrap();
    assert_eq!(meter.get_attribute("aria-valuenow").as_deref(), Some("5"));
    assert_eq!(
        meter.get_attribute("aria-valuetext").as_deref(),
        Some("5 of 5, Easy")
    );
    let rationale = texts(&root, ".rationale blockquote").join("");
    assert!(
        rationale.contains(&item.feasibility.rationale),
        "{rationale}"
    );
    assert_eq!(texts(&root, ".chip-domain").len(), item.domains.len());
    assert_eq!(texts(&root, ".chip-actor").len(), item.actors.len());
    let href = card_link(&root);
    assert_eq!(href, "items/diplomatic-missions/");

    // Items without pages (a data set the reader loaded) link within the page.
    summit_fruits::explorer::set_item_pages_exist(false);
    let root = mount(
        &explorer,
        html! { <Card {index} {open_state} terms={Rc::new(Vec::new())} navigate={Callback::noop()} /> },
    )
    .await;
    let href = card_link(&root);
    assert_eq!(href, "#item=diplomatic-missions");
}

/// The `href` of the first card's title link.
fn card_link(root: &web_sys::Element) -> String {
    root.query_selector(".card-title a")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap()
}

/// A rating whose quotation could mislead on its own (the risks' double negative) says how it is read, beside the
/// quotation; an item without a reading note draws none.
#[wasm_bindgen_test]
async fn a_card_says_how_a_double_negative_is_read() {
    let explorer = explorer();
    let card = |id: &str| {
        let (index, _) = explorer.item(id).expect("the item exists");
        html! { <Card {index} open_state={Rc::new(ViewState::default())} terms={Rc::new(Vec::new())} navigate={Callback::noop()} /> }
    };
    let risk = mount(&explorer, card("navalny-sanctions-deadline")).await;
    let (_, item) = explorer.item("navalny-sanctions-deadline").unwrap();
    let note = item
        .feasibility
        .reading_note
        .as_deref()
        .expect("the risk has a reading note");
    assert!(
        item.feasibility
            .rationale
            .contains("are unlikely to derail"),
        "the quotation is kept verbatim"
    );
    assert_eq!(
        texts(&risk, ".rationale .reading-note"),
        [format!("How it is read: {note}")]
    );
    let plain = mount(&explorer, card("diplomatic-missions")).await;
    assert!(texts(&plain, ".reading-note").is_empty());
}

#[wasm_bindgen_test]
async fn a_card_marks_the_search_words() {
    let explorer = explorer();
    let (index, _) = explorer.item("open-skies-treaty").expect("the item exists");
    let root = mount(
        &explorer,
        html! { <Card {index} open_state={Rc::new(ViewState::default())} terms={Rc::new(search_terms("too LATE"))} navigate={Callback::noop()} /> },
    )
    .await;
    let hits = texts(&root, "mark.search-hit");
    assert!(
        hits.iter().any(|h| h.eq_ignore_ascii_case("too")),
        "{hits:?}"
    );
    assert!(
        hits.iter().any(|h| h.eq_ignore_ascii_case("late")),
        "{hits:?}"
    );
}

#[wasm_bindgen_test]
async fn the_filter_panel_shows_live_counts_and_disables_empty_options() {
    let explorer = explorer();
    let filters = Filters {
        categories: [Category::Risk].into_iter().collect(),
        ..Filters::default()
    };
    let counts = Rc::new(facet_counts(&explorer.data, &explorer.index, &filters));
    let state = Rc::new(ViewState {
        filters,
        ..ViewState::default()
    });
    let (navigations, navigate) = common::recorder::<Navigation>();
    let root = mount(
        &explorer,
        html! { <FilterPanel state={state.clone()} counts={counts.clone()} {navigate} /> },
    )
    .await;

    let legends = texts(&root, "legend");
    assert_eq!(
        legends,
        vec![
            "Category",
            "Feasibility at the summit",
            "Domain",
            "Who would have to act"
        ]
    );

    // Every option is listed, and its count is the one the core computed.
    let count_texts = texts(&root, ".facet-count");
    let expected_options =
        counts.categories.len() + counts.levels.len() + counts.domains.len() + counts.actors.len();
    assert_eq!(count_texts.len(), expected_options);

    // Options that would leave nothing are shown disabled, not hidden.
    let disabled = root
        .query_selector_all("input[type=checkbox]:disabled")
        .unwrap()
        .length() as usize;
    let zero = counts.levels.iter().filter(|(_, c)| *c == 0).count()
        + counts.domains.iter().filter(|(_, c)| *c == 0).count()
        + counts.actors.iter().filter(|(_, c)| *c == 0).count()
        + counts
            .categories
            .iter()
            .filter(|(c, n)| *n == 0 && *c != Category::Risk)
            .count();
    assert!(zero > 0, "a risk-only filter leaves some options empty");
    assert_eq!(disabled, zero);

    // Folded unless the toolbar's "Filters and sort" button unfolded it (the stylesheet folds it only in one column).
    assert!(root.query_selector("#filters-panel").unwrap().is_some());
    assert!(root
        .query_selector("#filters-panel.open")
        .unwrap()
        .is_none());

    // Ticking a category adds it to the filters through navigate.
    let checkbox: web_sys::HtmlInputElement = root
        .query_selector("#facet-cat-low-hanging")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    checkbox.click();
    yew::scheduler::flush().await;
    let last = navigations.borrow().last().cloned().expect("a navigation");
    assert!(last
        .state
        .filters
        .categories
        .contains(&Category::LowHanging));
    assert!(last.state.filters.categories.contains(&Category::Risk));
}

#[wasm_bindgen_test]
async fn the_toolbar_folds_the_filters_and_the_secondary_actions_behind_two_buttons() {
    use summit_fruits::components::toolbar::Toolbar;

    let explorer = explorer();
    let state = Rc::new(ViewState {
        filters: Filters {
            categories: [Category::Risk].into_iter().collect(),
            search: "arms".into(),
            ..Filters::default()
        },
        ..ViewState::default()
    });
    let toggles = Rc::new(RefCell::new(0));
    let on_toggle_filters = {
        let toggles = toggles.clone();
        Callback::from(move |()| *toggles.borrow_mut() += 1)
    };
    let root = mount(
        &explorer,
        html! {
            <Toolbar {state} navigate={Callback::noop()} filters_open=false {on_toggle_filters}
                downloads={html! { <button type="button" id="a-download">{ "Download" }</button> }} />
        },
    )
    .await;
    let button = |selector: &str| -> web_sys::HtmlElement {
        root.query_selector(selector)
            .unwrap()
            .expect(selector)
            .dyn_into()
            .unwrap()
    };

    // "Filters and sort" counts the search and each chosen option, and asks the page to unfold the panel.
    let filters = button(".filters-toggle");
    assert!(filters
        .text_content()
        .unwrap()
        .contains("Filters and sort 2 active"));
    assert_eq!(
        filters.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        filters.get_attribute("aria-controls").as_deref(),
        Some("filters-panel")
    );
    filters.click();
    assert_eq!(*toggles.borrow(), 1);

    // "More" unfolds the secondary actions, the downloads among them; Escape folds them and returns focus.
    let more = button(".more-toggle");
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        more.get_attribute("aria-controls").as_deref(),
        Some("toolbar-actions")
    );
    let actions = button("#toolbar-actions");
    assert!(!actions.class_list().contains("open"));
    assert!(actions
        .query_selector("button[role=switch]")
        .unwrap()
        .is_some());
    assert!(actions.query_selector("#a-download").unwrap().is_some());
    more.click();
    yew::scheduler::flush().await;
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(actions.class_list().contains("open"));
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    button("button[role=switch]")
        .dispatch_event(&escape)
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!actions.class_list().contains("open"));
    let focused = gloo::utils::document().active_element().unwrap();
    assert!(focused.class_list().contains("more-toggle"));
}
