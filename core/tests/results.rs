//! Tests of the prepared data set (`Explorer`) and of what the filters leave (`Results`), on the bundled data.

use std::rc::Rc;

use summit_core::model::Category;
use summit_core::results::{Explorer, Results};
use summit_core::state::{Filters, SortOrder};
use summit_core::validate::{parse_data_set, Limits};

fn explorer() -> Explorer {
    let data = parse_data_set(
        include_str!("../../data/potential-fruits.json"),
        &Limits::default(),
    )
    .expect("the bundled data set loads");
    Explorer::new(Rc::new(data))
}

#[test]
fn without_filters_every_item_shows_in_article_order() {
    let explorer = explorer();
    let n = explorer.data.items.len();
    let results = Results::compute(&explorer, &Filters::default(), SortOrder::Article);
    assert_eq!(*results.shown, (0..n).collect::<Vec<_>>());
    assert_eq!(*results.included, vec![true; n]);
    assert!(results.terms.is_empty());
}

#[test]
fn the_filters_decide_which_items_show_and_the_sort_their_order() {
    let explorer = explorer();
    let filters = Filters {
        categories: [Category::Risk].into_iter().collect(),
        ..Filters::default()
    };
    let results = Results::compute(&explorer, &filters, SortOrder::Title);
    assert!(!results.shown.is_empty());
    for (i, item) in explorer.data.items.iter().enumerate() {
        assert_eq!(results.included[i], item.category == Category::Risk);
    }
    let risk = results
        .counts
        .categories
        .iter()
        .find(|(c, _)| *c == Category::Risk);
    assert_eq!(risk.map(|(_, n)| *n), Some(results.shown.len()));
}

#[test]
fn a_search_is_marked_by_its_terms() {
    let explorer = explorer();
    let filters = Filters {
        search: "arms".into(),
        ..Filters::default()
    };
    let results = Results::compute(&explorer, &filters, SortOrder::Article);
    assert_eq!(*results.terms, ["arms"]);
    assert!(!results.shown.is_empty());
    assert!(results.shown.len() < explorer.data.items.len());
}

#[test]
fn items_and_labels_are_found_by_id() {
    let explorer = explorer();
    let first = &explorer.data.items[0];
    assert_eq!(explorer.item(&first.id).map(|(i, _)| i), Some(0));
    assert!(explorer.item("no-such-item").is_none());
    assert_eq!(explorer.domain_label("no-such-domain"), "no-such-domain");
    assert_eq!(explorer.actor_label("no-such-actor"), "no-such-actor");
    assert_eq!(
        explorer.max_level(),
        explorer
            .data
            .feasibility_scale
            .iter()
            .map(|l| l.level)
            .max()
            .unwrap()
    );
}
