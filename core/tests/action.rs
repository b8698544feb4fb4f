//! Tests of the view state's transitions (`ViewState::apply`), of which clicks on a link are followed in place, and
//! of the embed mode's derivation.

use summit_core::action::{Action, FilterOption};
use summit_core::embed_mode::{query_asks_embed, EmbedMode};
use summit_core::model::Category;
use summit_core::state::{Filters, MatrixRows, PassageRef, SortOrder, View, ViewState};
use summit_core::url::MAX_SEARCH_CHARS;

/// A state with something set everywhere, so that a transition that drops too much shows.
fn busy() -> ViewState {
    ViewState {
        view: View::Matrix,
        filters: Filters {
            categories: [Category::Risk].into_iter().collect(),
            levels: [2, 4].into_iter().collect(),
            domains: ["arms-control".to_string()].into_iter().collect(),
            actors: ["us".to_string()].into_iter().collect(),
            search: "arms".into(),
        },
        sort: SortOrder::Title,
        matrix_rows: MatrixRows::Actor,
        hide_excluded: true,
        open_item: Some("prisoners".into()),
        passage: Some(PassageRef {
            item: "prisoners".into(),
            evidence: 1,
        }),
        hindsight: true,
        embed: true,
    }
}

/// Checks that `action` changes exactly what `expected` changes in `busy()`.
fn check(action: Action, expected: impl FnOnce(&mut ViewState)) {
    let mut want = busy();
    expected(&mut want);
    assert_eq!(busy().apply(action.clone()), want, "{action:?}");
}

#[test]
fn each_action_changes_only_its_part_of_the_state() {
    check(Action::ShowView(View::Timeline), |s| {
        s.view = View::Timeline;
        s.open_item = None;
        s.passage = None;
    });
    check(Action::OpenItem("arms".into()), |s| {
        s.open_item = Some("arms".into())
    });
    check(Action::CloseItem, |s| s.open_item = None);
    let passage = PassageRef {
        item: "arms".into(),
        evidence: 0,
    };
    check(Action::ReadPassage(passage.clone()), |s| {
        s.view = View::Article;
        s.open_item = None;
        s.passage = Some(passage);
    });
    check(Action::SetSearch("new start".into()), |s| {
        s.filters.search = "new start".into()
    });
    check(Action::ClearSearch, |s| s.filters.search.clear());
    check(Action::SetSort(SortOrder::FeasibilityAsc), |s| {
        s.sort = SortOrder::FeasibilityAsc
    });
    check(Action::SetMatrixRows(MatrixRows::Category), |s| {
        s.matrix_rows = MatrixRows::Category
    });
    check(Action::SetHideExcluded(false), |s| s.hide_excluded = false);
    check(Action::ClearFilters, |s| s.filters = Filters::default());
    check(Action::SetHindsight(false), |s| s.hindsight = false);
}

#[test]
fn toggling_an_option_chooses_or_unchooses_it_and_removing_only_unchooses() {
    check(
        Action::Toggle(FilterOption::Category(Category::Risk)),
        |s| s.filters.categories.clear(),
    );
    check(
        Action::Toggle(FilterOption::Category(Category::LowHanging)),
        |s| {
            s.filters.categories.insert(Category::LowHanging);
        },
    );
    check(Action::Toggle(FilterOption::Level(2)), |s| {
        s.filters.levels.remove(&2);
    });
    check(Action::Toggle(FilterOption::Level(3)), |s| {
        s.filters.levels.insert(3);
    });
    check(
        Action::Toggle(FilterOption::Domain("climate".into())),
        |s| {
            s.filters.domains.insert("climate".into());
        },
    );
    check(Action::Toggle(FilterOption::Actor("us".into())), |s| {
        s.filters.actors.clear()
    });
    check(Action::Remove(FilterOption::Level(4)), |s| {
        s.filters.levels.remove(&4);
    });
    check(
        Action::Remove(FilterOption::Domain("arms-control".into())),
        |s| s.filters.domains.clear(),
    );
    check(Action::Remove(FilterOption::Actor("russia".into())), |_| {});
    check(
        Action::Remove(FilterOption::Category(Category::Risk)),
        |s| s.filters.categories.clear(),
    );
}

#[test]
fn the_search_is_cut_to_what_the_address_keeps() {
    let long = "é".repeat(MAX_SEARCH_CHARS + 5);
    let next = ViewState::default().apply(Action::SetSearch(long));
    assert_eq!(next.filters.search.chars().count(), MAX_SEARCH_CHARS);
    let exact = "a".repeat(MAX_SEARCH_CHARS);
    let next = ViewState::default().apply(Action::SetSearch(exact.clone()));
    assert_eq!(next.filters.search, exact);
}

#[test]
fn switching_hindsight_off_leaves_the_scorecard_for_the_cards() {
    let scorecard = ViewState {
        view: View::Scorecard,
        hindsight: true,
        ..ViewState::default()
    };
    let off = scorecard.apply(Action::SetHindsight(false));
    assert_eq!((off.view, off.hindsight), (View::Cards, false));
    assert_eq!(off.apply(Action::SetHindsight(true)).view, View::Cards);
}

#[test]
fn the_embed_mode_is_derived_in_one_place() {
    let check = |script: bool, fragment: bool, search: &str, expected: EmbedMode| {
        assert_eq!(
            EmbedMode::of(script, fragment, search),
            expected,
            "{script} {fragment} {search:?}"
        );
    };
    check(false, false, "", EmbedMode::Page);
    check(false, false, "?data=x.json", EmbedMode::Page);
    check(false, false, "?embed=1", EmbedMode::Frame);
    check(false, false, "?data=x.json&embed=1", EmbedMode::Frame);
    check(false, true, "", EmbedMode::Frame);
    check(true, false, "", EmbedMode::Script);
    check(true, true, "?embed=1", EmbedMode::Script);
    assert!(EmbedMode::Frame.is_embedded() && EmbedMode::Script.is_embedded());
    assert!(!EmbedMode::Page.is_embedded());
    let framed = ViewState {
        embed: true,
        ..ViewState::default()
    };
    assert_eq!(EmbedMode::of_state(false, &framed), EmbedMode::Frame);
    assert_eq!(
        EmbedMode::of_state(false, &ViewState::default()),
        EmbedMode::Page
    );
}

#[test]
fn only_the_pair_embed_1_asks_for_embed_mode() {
    assert!(query_asks_embed("embed=1"));
    assert!(query_asks_embed("?a=b&embed=1"));
    assert!(!query_asks_embed("?embed=0"));
    assert!(!query_asks_embed("?embed=10"));
    assert!(!query_asks_embed("?xembed=1"));
    assert!(!query_asks_embed(""));
}

#[test]
fn only_a_plain_main_button_click_is_followed_in_place() {
    use summit_core::action::is_plain_click;
    assert!(is_plain_click([false; 4], 0));
    for held in 0..4 {
        let mut modifiers = [false; 4];
        modifiers[held] = true;
        assert!(!is_plain_click(modifiers, 0), "modifier {held}");
    }
    assert!(!is_plain_click([false; 4], 1), "the middle button");
    assert!(!is_plain_click([false; 4], 2), "the secondary button");
}
