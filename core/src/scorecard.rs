//! The scorecard view's tables as the reader sees them: which table, column and count a reader can open, the items
//! behind a count, and the sentences that name them ("3 items rated “Easy” at the summit, borne out:").
//!
//! The sums are [`crate::hindsight::scorecard`]; this module names and picks from them.

use crate::hindsight::ScoreRow;
use crate::model::Verdict;

/// The column of items without an outcome.
pub const NO_FACTS: &str = "No checked facts";

/// Which of the two tables a count belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// By the feasibility level the article gave at the summit.
    Level,
    Category,
}

impl Table {
    /// The id used in element ids and `data-table`.
    pub fn id(self) -> &'static str {
        match self {
            Table::Level => "level",
            Table::Category => "category",
        }
    }
}

/// A column of counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Verdict(Verdict),
    /// Items with no recorded outcome.
    Unchecked,
    /// Every item of the row.
    All,
}

impl Column {
    /// The column's header.
    pub fn label(self) -> &'static str {
        match self {
            Column::Verdict(v) => v.label(),
            Column::Unchecked => NO_FACTS,
            Column::All => "All",
        }
    }

    /// The id used in class names and `data-column`.
    pub fn id(self) -> &'static str {
        match self {
            Column::Verdict(v) => v.id(),
            Column::Unchecked => "unchecked",
            Column::All => "all",
        }
    }

    /// Every column, left to right.
    pub fn all() -> Vec<Column> {
        Verdict::ALL
            .iter()
            .map(|&v| Column::Verdict(v))
            .chain([Column::Unchecked, Column::All])
            .collect()
    }
}

/// The count the reader opened: a table, a row (`None` for the "All items" row) and a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub table: Table,
    pub row: Option<usize>,
    pub column: Column,
}

impl Selection {
    /// The selection after choosing `count`: it, or none when it was the one open (a second choice closes it).
    pub fn toggled(current: Option<Selection>, count: Selection) -> Option<Selection> {
        (current != Some(count)).then_some(count)
    }
}

/// The items of one cell, in article order.
pub fn cell_items(row: &ScoreRow, column: Column) -> Vec<usize> {
    match column {
        Column::Verdict(v) => row.items(Some(v)).to_vec(),
        Column::Unchecked => row.items(None).to_vec(),
        Column::All => row.all(),
    }
}

/// "3 items", "1 item".
pub fn items_text(n: usize) -> String {
    if n == 1 {
        "1 item".to_string()
    } else {
        format!("{n} items")
    }
}

/// What a count's button says to a screen reader after its number: " items: Easy, Borne out".
pub fn count_label(n: usize, row_label: &str, column: Column) -> String {
    format!(
        " {}: {row_label}, {}",
        if n == 1 { "item" } else { "items" },
        column.label()
    )
}

/// How the status line names a selection: "3 items rated “Easy” at the summit, borne out:".
pub fn selection_text(table: Table, row_label: Option<&str>, column: Column, n: usize) -> String {
    let whose = match (table, row_label) {
        (Table::Level, Some(label)) => format!(" rated “{label}” at the summit"),
        (Table::Category, Some(label)) => format!(" in “{label}”"),
        (_, None) => String::new(),
    };
    let which = match column {
        Column::Verdict(v) => format!(", {}", v.label().to_ascii_lowercase()),
        Column::Unchecked => ", with no checked facts".to_string(),
        Column::All => String::new(),
    };
    format!("{}{whose}{which}:", items_text(n))
}
