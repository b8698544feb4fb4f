//! Component tests of the article and timeline views: mounted with the bundled data set in headless Chromium (the
//! on-demand module's functions draw them, which the test stands in for the module).
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use wasm_bindgen_test::*;
use yew::prelude::*;

use summit_core::model::Article;
use summit_core::state::{PassageRef, View, ViewState};
use summit_fruits::bundled;
use summit_fruits::explorer::{Explorer, ExplorerContext, Shared};
use summit_fruits::views::article_view::ArticleView;
use summit_fruits::views::timeline_view::TimelineView;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Copy, PartialEq)]
enum Which {
    Article,
    Timeline,
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    explorer: ExplorerContext,
    state: Rc<ViewState>,
    included: Rc<Vec<bool>>,
    which: Which,
}

/// One of the two views inside the explorer context, as `App` provides it.
#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let state = props.state.clone();
    let included = props.included.clone();
    let navigate = Callback::noop();
    html! {
        <ContextProvider<ExplorerContext> context={props.explorer.clone()}>
            { match props.which {
                Which::Article => html! { <ArticleView {state} {included} {navigate} /> },
                Which::Timeline => html! { <TimelineView {state} {included} {navigate} /> },
            } }
        </ContextProvider<ExplorerContext>>
    }
}

fn explorer() -> ExplorerContext {
    Shared(Rc::new(Explorer::new(
        bundled::data_set().expect("the bundled data set loads"),
    )))
}

/// Mounts a view with the given state and filter result into a fresh element and waits until Yew has rendered it
/// (and run its effects).
async fn mount(
    explorer: &ExplorerContext,
    which: Which,
    state: ViewState,
    included: Vec<bool>,
) -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = HarnessProps {
        explorer: explorer.clone(),
        state: Rc::new(state),
        included: Rc::new(included),
        which,
    };
    common::install_on_demand();
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    // The on-demand module draws the view once it has answered.
    let drawn = match which {
        Which::Article => "section.article-view",
        Which::Timeline => "section.timeline-view",
    };
    common::until_drawn(&root, drawn).await;
    root
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| wasm_bindgen::JsCast::unchecked_into(list.item(i).unwrap()))
        .collect()
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// The article whole, as the on-demand module holds it: the app's own copy of the bundled data set leaves its text out.
fn whole_article() -> Article {
    let whole = summit_ondemand::data_set(&[]).expect("the module reads the bundled data set");
    assert!(!whole.article.sections.is_empty());
    whole.article
}

fn article_state() -> ViewState {
    ViewState {
        view: View::Article,
        ..ViewState::default()
    }
}

#[wasm_bindgen_test]
async fn article_shows_every_section_and_paragraph() {
    let explorer = explorer();
    let n = explorer.data.items.len();
    let root = mount(&explorer, Which::Article, article_state(), vec![true; n]).await;

    let headings = texts(&root, "h2");
    assert_eq!(headings.first().map(String::as_str), Some("The article"));
    let article = whole_article();
    for section in &article.sections {
        if let Some(heading) = &section.heading {
            assert!(
                headings.contains(heading),
                "missing heading {heading:?} in {headings:?}"
            );
        }
        for n in 1..=section.paragraphs.len() {
            let id = format!("para-{}-{n}", section.id);
            assert!(
                root.query_selector(&format!("p#{id}")).unwrap().is_some(),
                "missing paragraph {id}"
            );
        }
    }
    // The introduction has no heading of its own.
    let headed = article
        .sections
        .iter()
        .filter(|s| s.heading.is_some())
        .count();
    assert_eq!(headings.len(), headed + 1, "{headings:?}");
    let original = root
        .query_selector("a.article-original-link")
        .unwrap()
        .expect("a link to the original");
    assert_eq!(
        original.get_attribute("href").as_deref(),
        Some(explorer.data.article.url.as_str())
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn every_included_quotation_is_marked_and_linked_to_its_card() {
    let explorer = explorer();
    let items = &explorer.data.items;
    for included in [
        vec![true; items.len()],
        (0..items.len()).map(|i| i % 3 == 0).collect::<Vec<_>>(),
    ] {
        let root = mount(&explorer, Which::Article, article_state(), included.clone()).await;
        let expected: usize = items
            .iter()
            .zip(&included)
            .filter(|(_, inc)| **inc)
            .map(|(item, _)| item.evidence.len())
            .sum();
        let links = all(&root, "a[aria-label^='Open card: ']");
        assert_eq!(
            links.len(),
            expected,
            "one Open card link per quotation of an included item"
        );
        assert_eq!(all(&root, "a.article-card-link").len(), expected);
        for (item, inc) in items.iter().zip(&included) {
            for evidence in 0..item.evidence.len() {
                let link = root
                    .query_selector(&format!("#passage-link-{}-{evidence}", item.id))
                    .unwrap();
                let mark = root
                    .query_selector(&format!("#passage-{}-{evidence}", item.id))
                    .unwrap();
                assert_eq!(link.is_some(), *inc, "link of {} #{evidence}", item.id);
                assert_eq!(mark.is_some(), *inc, "anchor of {} #{evidence}", item.id);
                if let Some(link) = link {
                    assert_eq!(
                        link.get_attribute("aria-label").unwrap(),
                        format!("Open card: {}", item.title)
                    );
                    assert!(link.get_attribute("href").unwrap().starts_with('#'));
                    assert!(link
                        .class_list()
                        .contains(&format!("cat-{}", item.category.id())));
                }
            }
        }
        let marks = all(&root, "mark.article-mark");
        assert!(!marks.is_empty());
        for mark in &marks {
            assert!(
                ["low-hanging", "high-hanging", "unilateral", "risk"]
                    .iter()
                    .any(|c| mark.class_list().contains(&format!("cat-{c}"))),
                "a mark without a category"
            );
        }
        // Highlighting never changes the words: each paragraph still reads as the article does.
        for section in &whole_article().sections {
            for (p, text) in section.paragraphs.iter().enumerate() {
                let para = root
                    .query_selector(&format!("#para-{}-{}", section.id, p + 1))
                    .unwrap()
                    .unwrap();
                assert_eq!(&para.text_content().unwrap(), text);
            }
        }
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn nothing_is_marked_when_the_filters_exclude_everything() {
    let explorer = explorer();
    let root = mount(
        &explorer,
        Which::Article,
        article_state(),
        vec![false; explorer.data.items.len()],
    )
    .await;
    assert!(all(&root, "mark").is_empty());
    assert!(all(&root, "a[aria-label^='Open card: ']").is_empty());
    assert!(root
        .text_content()
        .unwrap()
        .contains(&whole_article().sections[0].paragraphs[0]));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_current_passage_is_emphasised_and_its_link_focused() {
    let explorer = explorer();
    let item = explorer
        .data
        .items
        .iter()
        .find(|i| i.evidence.len() > 1)
        .expect("an item with two quotations");
    let state = ViewState {
        passage: Some(PassageRef {
            item: item.id.clone(),
            evidence: 1,
        }),
        ..article_state()
    };
    let root = mount(
        &explorer,
        Which::Article,
        state,
        vec![true; explorer.data.items.len()],
    )
    .await;

    let mark = root
        .query_selector(&format!("#passage-{}-1", item.id))
        .unwrap()
        .expect("the passage's mark");
    let current = all(&root, ".passage-current");
    assert!(!current.is_empty());
    if mark.tag_name().eq_ignore_ascii_case("mark") {
        assert!(mark.class_list().contains("passage-current"));
    }
    let focused = gloo::utils::document()
        .active_element()
        .expect("something has focus");
    assert_eq!(focused.id(), format!("passage-link-{}-1", item.id));
    root.remove();
}

#[wasm_bindgen_test]
async fn timeline_lists_every_event_and_marks_the_summit() {
    let explorer = explorer();
    let events = &explorer.data.events;
    let root = mount(
        &explorer,
        Which::Timeline,
        ViewState::default(),
        vec![true; explorer.data.items.len()],
    )
    .await;

    let entries = all(&root, "ol.timeline-list > li.timeline-event");
    assert_eq!(entries.len(), events.len());
    for (entry, event) in entries.iter().zip(events) {
        let time = entry.query_selector("time").unwrap().unwrap();
        assert_eq!(
            time.get_attribute("datetime").as_deref(),
            Some(event.date.as_str())
        );
        assert!(entry.text_content().unwrap().contains(&event.title));
        assert_eq!(all(entry, ".timeline-chip").len(), event.items.len());
    }
    let summit = all(&root, "li.timeline-summit");
    assert_eq!(summit.len(), 1);
    assert!(summit[0].text_content().unwrap().contains("The summit"));
    assert_eq!(
        summit[0]
            .query_selector("time")
            .unwrap()
            .unwrap()
            .get_attribute("datetime")
            .as_deref(),
        Some("2021-06-16")
    );
    let published = all(&root, "ol.timeline-list > li.timeline-published");
    assert_eq!(published.len(), 1);
    assert!(published[0]
        .text_content()
        .unwrap()
        .contains("The article is published"));
    assert!(root
        .query_selector(".timeline-hidden-note")
        .unwrap()
        .is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn timeline_hides_events_of_excluded_items_and_says_how_many() {
    let explorer = explorer();
    let events = &explorer.data.events;
    let root = mount(
        &explorer,
        Which::Timeline,
        ViewState::default(),
        vec![false; explorer.data.items.len()],
    )
    .await;

    let without_items = events.iter().filter(|e| e.items.is_empty()).count();
    assert_eq!(all(&root, "li.timeline-event").len(), without_items);
    let hidden = events.len() - without_items;
    if hidden > 0 {
        let note = root
            .query_selector(".timeline-hidden-note")
            .unwrap()
            .expect("a note on hidden events");
        assert!(note
            .text_content()
            .unwrap()
            .starts_with(&hidden.to_string()));
    }
    root.remove();
}
