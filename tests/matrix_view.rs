//! Component tests of the feasibility matrix: mounted in headless Chromium inside the explorer's context (the on-demand
//! module's function draws it, which the test stands in for the module), checked against what `summit_core::matrix`
//! computes.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_core::matrix::{bin, marks, neighbour, Direction, Matrix};
use summit_core::state::{MatrixRows, View, ViewState};
use summit_fruits::bundled;
use summit_fruits::explorer::{Explorer, ExplorerContext, Navigation, Shared};
use summit_fruits::views::matrix_view::MatrixView;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, PartialEq)]
struct HarnessProps {
    explorer: ExplorerContext,
    state: Rc<ViewState>,
    included: Rc<Vec<bool>>,
    navigate: Callback<Navigation>,
}

/// The matrix inside the context every component below `App` has.
#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    html! {
        <ContextProvider<ExplorerContext> context={props.explorer.clone()}>
            <MatrixView state={props.state.clone()} included={props.included.clone()} navigate={props.navigate.clone()} />
        </ContextProvider<ExplorerContext>>
    }
}

/// What a test mounts, and the navigations the matrix asked for.
struct Mounted {
    root: web_sys::Element,
    navigations: Rc<RefCell<Vec<Navigation>>>,
}

fn explorer() -> ExplorerContext {
    Shared(Rc::new(Explorer::new(
        bundled::data_set().expect("the bundled data set loads"),
    )))
}

fn matrix_state(rows: MatrixRows, hide_excluded: bool) -> ViewState {
    ViewState {
        view: View::Matrix,
        matrix_rows: rows,
        hide_excluded,
        ..ViewState::default()
    }
}

/// Mounts the matrix into a fresh element and waits until the module has drawn it.
async fn mount(explorer: ExplorerContext, state: ViewState, included: Vec<bool>) -> Mounted {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let navigations = Rc::new(RefCell::new(Vec::new()));
    let navigate = {
        let navigations = navigations.clone();
        Callback::from(move |n: Navigation| navigations.borrow_mut().push(n))
    };
    let props = HarnessProps {
        explorer,
        state: Rc::new(state),
        included: Rc::new(included),
        navigate,
    };
    common::install_on_demand();
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    common::until_drawn(&root, ".matrix-drawing").await;
    yew::scheduler::flush().await;
    Mounted { root, navigations }
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// How many (item, row) placements the core's binning makes.
fn placements(matrix: &Matrix) -> usize {
    matrix
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(Vec::len)
        .sum()
}

/// Dispatches a bubbling, cancelable event of the class `constructor` (`KeyboardEvent`, `FocusEvent`) named `name` on
/// an element, with `key` when given, as the browser would; returns whether the default was prevented.
fn fire(el: &web_sys::Element, constructor: &str, name: &str, key: Option<&str>) -> bool {
    use js_sys::Reflect;
    let init = js_sys::Object::new();
    if let Some(key) = key {
        Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    }
    Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    let constructor: js_sys::Function = Reflect::get(&js_sys::global(), &constructor.into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let event: web_sys::Event =
        Reflect::construct(&constructor, &js_sys::Array::of2(&name.into(), &init))
            .unwrap()
            .dyn_into()
            .unwrap();
    el.dispatch_event(&event).unwrap();
    event.default_prevented()
}

/// Dispatches a `keydown` for `key` on an element, as a keyboard would; returns whether the default was prevented.
fn press(el: &web_sys::Element, key: &str) -> bool {
    fire(el, "KeyboardEvent", "keydown", Some(key))
}

#[wasm_bindgen_test]
async fn draws_one_mark_per_placement_with_a_single_tab_stop() {
    let explorer = explorer();
    let items = explorer.data.items.len();
    for rows in MatrixRows::ALL {
        let expected = placements(&bin(&explorer.data, rows));
        let mounted = mount(
            explorer.clone(),
            matrix_state(rows, false),
            vec![true; items],
        )
        .await;

        let marks = all(&mounted.root, "svg a.matrix-mark");
        assert!(
            expected > 0,
            "{rows:?}: the bundled data set bins some items"
        );
        assert_eq!(
            marks.len(),
            expected,
            "{rows:?}: one mark per (item, row) placement"
        );
        let tab_stops = marks
            .iter()
            .filter(|m| m.get_attribute("tabindex").as_deref() == Some("0"))
            .count();
        assert_eq!(
            tab_stops, 1,
            "{rows:?}: exactly one mark is in the tab order"
        );
        assert!(
            marks.iter().all(|m| matches!(
                m.get_attribute("tabindex").as_deref(),
                Some("0") | Some("-1")
            )),
            "{rows:?}: every other mark has tabindex -1"
        );
        assert!(marks
            .iter()
            .all(|m| m.get_attribute("href").is_some_and(|h| h.starts_with('#'))));
        assert!(
            all(&mounted.root, "svg a.matrix-mark.matrix-mark--dim").is_empty(),
            "{rows:?}: nothing is dimmed when every item is included"
        );
    }
}

#[wasm_bindgen_test]
async fn names_each_mark_with_title_category_and_level() {
    let explorer = explorer();
    let items = explorer.data.items.len();
    let mounted = mount(
        explorer.clone(),
        matrix_state(MatrixRows::Category, false),
        vec![true; items],
    )
    .await;
    let max = explorer.max_level();
    for item in &explorer.data.items {
        let mark = mounted
            .root
            .query_selector(&format!("a.matrix-mark[data-item=\"{}\"]", item.id))
            .unwrap()
            .unwrap_or_else(|| panic!("a mark for {}", item.id));
        let expected = format!(
            "{}: {}, feasibility {} of {max}, {}",
            item.title,
            explorer.category_label(item.category),
            item.feasibility.level,
            explorer.level_label(item.feasibility.level)
        );
        assert_eq!(
            mark.get_attribute("aria-label").as_deref(),
            Some(expected.as_str())
        );
    }
    let svg = mounted
        .root
        .query_selector("svg.matrix-svg")
        .unwrap()
        .unwrap();
    let heading_id = svg
        .get_attribute("aria-labelledby")
        .expect("the SVG is labelled by its heading");
    let heading = mounted
        .root
        .query_selector(&format!("[id=\"{heading_id}\"]"))
        .unwrap()
        .expect("the heading is in the view");
    assert_eq!(heading.text_content().unwrap(), "Feasibility by category");
    assert!(
        svg.query_selector("desc").unwrap().is_some(),
        "the SVG has a description"
    );
    assert!(
        svg.get_attribute("role").is_none(),
        "the SVG keeps its structure (no role=img)"
    );
}

#[wasm_bindgen_test]
async fn dims_or_hides_the_items_the_filters_leave_out() {
    let explorer = explorer();
    let items = explorer.data.items.len();
    let left_out = &explorer.data.items[0];
    let mut included = vec![true; items];
    included[0] = false;
    let matrix = bin(&explorer.data, MatrixRows::Domain);
    let left_out_placements = left_out.domains.len();

    let dimmed = mount(
        explorer.clone(),
        matrix_state(MatrixRows::Domain, false),
        included.clone(),
    )
    .await;
    let marks = all(&dimmed.root, "svg a.matrix-mark");
    assert_eq!(marks.len(), placements(&matrix), "dimming draws every mark");
    for mark in &marks {
        let is_left_out = mark.get_attribute("data-item").as_deref() == Some(left_out.id.as_str());
        assert_eq!(
            mark.class_list().contains("matrix-mark--dim"),
            is_left_out,
            "{:?}",
            mark.get_attribute("data-item")
        );
    }
    assert_eq!(
        all(&dimmed.root, "svg a.matrix-mark.matrix-mark--dim").len(),
        left_out_placements
    );
    let table_text = dimmed
        .root
        .query_selector("table")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        table_text.contains("(filtered out)"),
        "the table says in words which items are left out"
    );

    let hidden = mount(
        explorer.clone(),
        matrix_state(MatrixRows::Domain, true),
        included,
    )
    .await;
    let marks = all(&hidden.root, "svg a.matrix-mark");
    assert_eq!(
        marks.len(),
        placements(&matrix) - left_out_placements,
        "hiding draws only the included items"
    );
    assert!(all(&hidden.root, "svg a.matrix-mark.matrix-mark--dim").is_empty());
    assert!(!hidden
        .root
        .query_selector("table")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("(filtered out)"));
}

#[wasm_bindgen_test]
async fn the_table_has_one_column_header_per_level_and_one_row_header_per_row() {
    let explorer = explorer();
    let items = explorer.data.items.len();
    let mounted = mount(
        explorer.clone(),
        matrix_state(MatrixRows::Actor, false),
        vec![true; items],
    )
    .await;
    let matrix = bin(&explorer.data, MatrixRows::Actor);

    let table = mounted
        .root
        .query_selector("table")
        .unwrap()
        .expect("a table");
    assert_eq!(
        table
            .query_selector("caption")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Feasibility matrix as a table"
    );
    let column_headers = all(&table, "th[scope=\"col\"]");
    assert_eq!(column_headers.len(), explorer.data.feasibility_scale.len());
    assert_eq!(column_headers.len(), matrix.columns.len());
    // Least feasible on the left.
    let first_level = *matrix.columns.first().unwrap();
    assert!(column_headers[0]
        .text_content()
        .unwrap()
        .starts_with(explorer.level_label(first_level)));
    assert_eq!(all(&table, "th[scope=\"row\"]").len(), matrix.rows.len());
    assert_eq!(
        all(&table, "td a").len(),
        placements(&matrix),
        "the table lists every placement as a link"
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_tab_stop_as_the_core_says_and_enter_opens_the_item() {
    let explorer = explorer();
    let items = explorer.data.items.len();
    let mounted = mount(
        explorer.clone(),
        matrix_state(MatrixRows::Category, false),
        vec![true; items],
    )
    .await;
    let matrix = bin(&explorer.data, MatrixRows::Category);
    let start = marks(&matrix)[0];
    let tab_stop = || {
        let stops = all(&mounted.root, "svg a.matrix-mark[tabindex=\"0\"]");
        assert_eq!(stops.len(), 1);
        stops[0].clone()
    };
    let pos = |p: summit_core::matrix::MarkPos| format!("{}-{}-{}", p.row, p.column, p.index);
    assert_eq!(tab_stop().get_attribute("data-pos"), Some(pos(start)));

    let mut at = start;
    for (key, dir) in [
        ("ArrowRight", Direction::Right),
        ("ArrowDown", Direction::Down),
        ("End", Direction::End),
        ("ArrowLeft", Direction::Left),
        ("Home", Direction::Home),
        ("ArrowUp", Direction::Up),
    ] {
        let expected = neighbour(&matrix, at, dir).unwrap_or(at);
        assert!(press(&tab_stop(), key), "{key} does not scroll");
        yew::scheduler::flush().await;
        assert_eq!(
            tab_stop().get_attribute("data-pos"),
            Some(pos(expected)),
            "after {key}"
        );
        at = expected;
    }

    let item = &explorer.data.items[matrix.item_at(at).unwrap()];
    assert!(press(&tab_stop(), "Enter"));
    yew::scheduler::flush().await;
    let navigations = mounted.navigations.borrow();
    assert_eq!(navigations.len(), 1);
    assert_eq!(
        navigations[0].state.open_item.as_deref(),
        Some(item.id.as_str())
    );
}

#[wasm_bindgen_test]
async fn the_why_panel_follows_the_mark_in_focus_and_quotes_its_rating() {
    let explorer = explorer();
    let items = explorer.data.items.len();
    let mounted = mount(
        explorer.clone(),
        matrix_state(MatrixRows::Category, false),
        vec![true; items],
    )
    .await;
    let why = || {
        mounted
            .root
            .query_selector(".matrix-why")
            .unwrap()
            .expect("a why panel")
            .text_content()
            .unwrap()
    };
    assert_eq!(
        why(),
        "Hover over or focus a mark to read why the article rates it so."
    );
    let item = &explorer.data.items[1];
    let mark = mounted
        .root
        .query_selector(&format!("a.matrix-mark[data-item=\"{}\"]", item.id))
        .unwrap()
        .unwrap();
    fire(&mark, "FocusEvent", "focusin", None);
    let text = why();
    assert!(text.contains(&item.title), "{text}");
    assert!(
        text.contains(&format!("“{}”", item.feasibility.rationale)),
        "the panel quotes the rating's rationale: {text}"
    );
    assert_eq!(
        mark.get_attribute("tabindex").as_deref(),
        Some("0"),
        "the mark in focus is the tab stop"
    );
    assert_eq!(
        all(&mounted.root, "a.matrix-mark[tabindex=\"0\"]").len(),
        1,
        "and the only one"
    );
}

#[wasm_bindgen_test]
async fn with_every_item_hidden_it_says_so_and_offers_no_save() {
    let explorer = explorer();
    let items = explorer.data.items.len();
    let mounted = mount(
        explorer.clone(),
        matrix_state(MatrixRows::Domain, true),
        vec![false; items],
    )
    .await;
    let empty = mounted
        .root
        .query_selector(".matrix-empty")
        .unwrap()
        .expect("a note in place of the matrix");
    assert!(empty
        .text_content()
        .unwrap()
        .contains("No item matches the filters"));
    assert!(all(&mounted.root, "svg.matrix-svg").is_empty());
    assert!(
        all(&mounted.root, ".matrix-save-button").is_empty(),
        "nothing to save"
    );

    let shown = mount(
        explorer.clone(),
        matrix_state(MatrixRows::Domain, true),
        vec![true; items],
    )
    .await;
    assert_eq!(
        all(&shown.root, ".matrix-save-button").len(),
        2,
        "SVG and PNG, once a mark is drawn"
    );
}
