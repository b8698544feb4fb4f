//! Tests of the scorecard view's model: its columns, the items behind a count and the sentences that name them.

use summit_core::hindsight::scorecard;
use summit_core::model::Verdict;
use summit_core::scorecard::{
    cell_items, count_label, items_text, selection_text, Column, Selection, Table, NO_FACTS,
};
use summit_core::validate::{parse_data_set, parse_hindsight, Limits};

#[test]
fn the_sentences_name_the_count_its_row_and_its_column() {
    assert_eq!(items_text(1), "1 item");
    assert_eq!(items_text(0), "0 items");
    assert_eq!(items_text(3), "3 items");
    assert_eq!(
        selection_text(
            Table::Level,
            Some("Easy"),
            Column::Verdict(Verdict::BorneOut),
            3
        ),
        "3 items rated “Easy” at the summit, borne out:"
    );
    assert_eq!(
        selection_text(Table::Category, Some("Risks"), Column::Unchecked, 1),
        "1 item in “Risks”, with no checked facts:"
    );
    assert_eq!(
        selection_text(Table::Category, None, Column::All, 25),
        "25 items:"
    );
    assert_eq!(
        count_label(2, "Easy", Column::Verdict(Verdict::Partly)),
        " items: Easy, Partly borne out"
    );
    assert_eq!(
        count_label(1, "all items", Column::All),
        " item: all items, All"
    );
}

#[test]
fn the_columns_are_the_verdicts_then_no_facts_then_all() {
    let columns = Column::all();
    assert_eq!(columns.len(), Verdict::ALL.len() + 2);
    assert_eq!(columns[0], Column::Verdict(Verdict::ALL[0]));
    assert_eq!(
        columns[columns.len() - 2..],
        [Column::Unchecked, Column::All]
    );
    assert_eq!(Column::Unchecked.label(), NO_FACTS);
    assert_eq!(Column::Unchecked.id(), "unchecked");
    assert_eq!(Column::All.id(), "all");
    assert_eq!(
        (Table::Level.id(), Table::Category.id()),
        ("level", "category")
    );
}

#[test]
fn choosing_the_open_count_again_closes_it() {
    let a = Selection {
        table: Table::Level,
        row: Some(0),
        column: Column::All,
    };
    let b = Selection { row: None, ..a };
    assert_eq!(Selection::toggled(None, a), Some(a));
    assert_eq!(Selection::toggled(Some(a), a), None);
    assert_eq!(Selection::toggled(Some(a), b), Some(b));
}

#[test]
fn a_rows_cells_split_its_items_and_all_holds_them_all() {
    let limits = Limits::default();
    let data = parse_data_set(include_str!("../../data/potential-fruits.json"), &limits).unwrap();
    let hindsight = parse_hindsight(include_str!("../../data/hindsight.json"), &limits).unwrap();
    let card = scorecard(&data, &hindsight);
    let total = &card.total;
    let all = cell_items(total, Column::All);
    assert_eq!(all.len(), data.items.len());
    let split: usize = Column::all()
        .into_iter()
        .filter(|c| *c != Column::All)
        .map(|c| cell_items(total, c).len())
        .sum();
    assert_eq!(split, all.len());
}
