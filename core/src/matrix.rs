//! The feasibility matrix: items binned by a chosen dimension (rows) and feasibility level
//! (columns), and keyboard navigation over its marks like an ARIA grid.

use std::collections::HashMap;

use crate::model::{Category, DataSet, Term};
use crate::state::MatrixRows;

/// The feasibility matrix: columns are the scale's levels from least to most feasible, rows the chosen dimension.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matrix {
    /// The scale's levels, ascending and distinct.
    pub columns: Vec<u8>,
    pub rows: Vec<MatrixRow>,
}

/// One row of the matrix: a domain, category or actor, and its items per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    /// The vocabulary id (for categories, [`Category::id`]).
    pub id: String,
    /// The vocabulary's label (for a category the vocabulary lacks, its id).
    pub label: String,
    /// Per column, item indices in article order.
    pub cells: Vec<Vec<usize>>,
}

impl Matrix {
    /// The item whose mark sits at `pos`, if there is one.
    pub fn item_at(&self, pos: MarkPos) -> Option<usize> {
        self.rows
            .get(pos.row)?
            .cells
            .get(pos.column)?
            .get(pos.index)
            .copied()
    }

    /// The first place (in reading order) where `item`'s mark sits.
    pub fn position_of(&self, item: usize) -> Option<MarkPos> {
        marks(self)
            .into_iter()
            .find(|&p| self.item_at(p) == Some(item))
    }
}

impl Matrix {
    /// The same matrix with only the items for which `included` is true (an index beyond it counts as included),
    /// leaving out the rows that end up empty.
    pub fn keep_only(&self, included: &[bool]) -> Matrix {
        let mut kept = self.clone();
        for row in &mut kept.rows {
            for cell in &mut row.cells {
                cell.retain(|&i| included.get(i).copied().unwrap_or(true));
            }
        }
        kept.rows
            .retain(|row| row.cells.iter().any(|cell| !cell.is_empty()));
        kept
    }
}

/// Bins items (all of them; the caller dims/hides excluded ones) into rows × levels. Domain and
/// Actor rows follow the vocabulary order and an item with several domains/actors appears in each
/// of its rows; Category rows follow [`Category::ALL`] order using labels from
/// `vocabularies.categories`. Rows with no items at all are left out, and so are items whose level
/// is not on the scale or whose domain/actor is not in the vocabulary.
pub fn bin(data: &DataSet, rows: MatrixRows) -> Matrix {
    let mut columns: Vec<u8> = data.feasibility_scale.iter().map(|l| l.level).collect();
    crate::query::sort(&mut columns);
    columns.dedup();
    let mut column_of = [None; 256];
    for (c, &level) in columns.iter().enumerate() {
        column_of[level as usize] = Some(c);
    }
    let empty_row = |id: &str, label: &str| MatrixRow {
        id: id.to_owned(),
        label: label.to_owned(),
        cells: vec![Vec::new(); columns.len()],
    };

    let mut out: Vec<MatrixRow> = match rows {
        MatrixRows::Category => Category::ALL
            .iter()
            .map(|c| {
                let label = data
                    .vocabularies
                    .categories
                    .iter()
                    .find(|t| t.id == c.id())
                    .map_or(c.id(), |t| t.label.as_str());
                empty_row(c.id(), label)
            })
            .collect(),
        MatrixRows::Domain => vocabulary_rows(&data.vocabularies.domains, &empty_row),
        MatrixRows::Actor => vocabulary_rows(&data.vocabularies.actors, &empty_row),
    };

    // Vocabulary id → row, the first term on duplicate ids.
    let mut row_of: HashMap<&str, usize> = HashMap::new();
    let vocabulary = match rows {
        MatrixRows::Category => &[][..],
        MatrixRows::Domain => &data.vocabularies.domains[..],
        MatrixRows::Actor => &data.vocabularies.actors[..],
    };
    for (r, t) in vocabulary.iter().enumerate() {
        row_of.entry(t.id.as_str()).or_insert(r);
    }

    for (i, item) in data.items.iter().enumerate() {
        let Some(column) = column_of[item.feasibility.level as usize] else {
            continue;
        };
        let mut place = |row: Option<usize>| {
            if let Some(cell) = row.map(|r| &mut out[r].cells[column]) {
                // Items come in article order, so a repeat of the same id is the last entry.
                if cell.last() != Some(&i) {
                    cell.push(i);
                }
            }
        };
        match rows {
            MatrixRows::Category => place(Category::ALL.iter().position(|&c| c == item.category)),
            MatrixRows::Domain | MatrixRows::Actor => {
                let ids = if rows == MatrixRows::Domain {
                    &item.domains
                } else {
                    &item.actors
                };
                for id in ids {
                    place(row_of.get(id.as_str()).copied());
                }
            }
        }
    }
    out.retain(|r| r.cells.iter().any(|c| !c.is_empty()));
    Matrix { columns, rows: out }
}

fn vocabulary_rows(terms: &[Term], empty_row: &dyn Fn(&str, &str) -> MatrixRow) -> Vec<MatrixRow> {
    terms.iter().map(|t| empty_row(&t.id, &t.label)).collect()
}

/// Where a mark sits for keyboard navigation: row, column and position in the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MarkPos {
    pub row: usize,
    pub column: usize,
    /// The position in the cell's list of items.
    pub index: usize,
}

/// A keyboard move in the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
}

/// Every mark's position in reading order: row by row, column by column, then position in cell.
pub fn marks(matrix: &Matrix) -> Vec<MarkPos> {
    let mut out = Vec::new();
    for (row, r) in matrix.rows.iter().enumerate() {
        for (column, cell) in r.cells.iter().enumerate() {
            out.extend((0..cell.len()).map(|index| MarkPos { row, column, index }));
        }
    }
    out
}

/// Where a key press moves the focus from the mark at `from`, like an ARIA grid over the marks:
/// Left/Right to the previous/next mark in the same row (crossing into adjacent non-empty
/// cells); Up/Down to the nearest row above/below with a mark, in the same column if that cell is
/// non-empty, else the nearest non-empty column (the left one on a tie), at the same position in
/// the cell or its last; Home/End to the first/last mark of the row. `None` when there is nowhere
/// to go (edges do not wrap) or `from` is not a mark.
pub fn neighbour(matrix: &Matrix, from: MarkPos, dir: Direction) -> Option<MarkPos> {
    matrix.item_at(from)?;
    let cells = &matrix.rows[from.row].cells;
    let at = |column: usize, index: usize| MarkPos {
        row: from.row,
        column,
        index,
    };
    match dir {
        Direction::Right => {
            if from.index + 1 < cells[from.column].len() {
                return Some(at(from.column, from.index + 1));
            }
            (from.column + 1..cells.len())
                .find(|&c| !cells[c].is_empty())
                .map(|c| at(c, 0))
        }
        Direction::Left => {
            if from.index > 0 {
                return Some(at(from.column, from.index - 1));
            }
            (0..from.column)
                .rev()
                .find(|&c| !cells[c].is_empty())
                .map(|c| at(c, cells[c].len() - 1))
        }
        Direction::Home => {
            let c = cells.iter().position(|c| !c.is_empty())?;
            Some(at(c, 0))
        }
        Direction::End => {
            let c = cells.iter().rposition(|c| !c.is_empty())?;
            Some(at(c, cells[c].len() - 1))
        }
        Direction::Up | Direction::Down => {
            let has_marks = |r: &usize| matrix.rows[*r].cells.iter().any(|c| !c.is_empty());
            let row = if dir == Direction::Up {
                (0..from.row).rev().find(has_marks)?
            } else {
                (from.row + 1..matrix.rows.len()).find(has_marks)?
            };
            let target = &matrix.rows[row].cells;
            let column = (0..target.len())
                .filter(|&c| !target[c].is_empty())
                .min_by_key(|&c| (c.abs_diff(from.column), c))?;
            let index = from.index.min(target[column].len() - 1);
            Some(MarkPos { row, column, index })
        }
    }
}
