//! Where the feasibility matrix's pieces go when it is drawn as SVG: its sizes, each row's height and top, the
//! wrapping of titles and row labels into lines, the element ids of the marks, and the keys that move between them.
//!
//! The binning and the moves themselves are [`crate::matrix`]; this module is only geometry and text, in viewBox
//! units (CSS pixels at scale 1). Every length is a whole number of units (`u32`), so drawing the matrix formats
//! integers only and the app's wasm carries no floating-point formatting for it.

use crate::matrix::{Direction, MarkPos, Matrix};
use crate::state::MatrixRows;

/// Width of the row-label column.
pub const LABEL_W: u32 = 168;
/// Width of one feasibility column.
pub const COL_W: u32 = 168;
/// Height of the column headers above the grid.
pub const HEADER_H: u32 = 66;
/// Height of one mark (two lines of title).
pub const MARK_H: u32 = 40;
/// The step from one stacked mark to the next.
pub const MARK_PITCH: u32 = 44;
/// Space between a cell's edge and its marks.
pub const CELL_PAD: u32 = 6;
/// The least height of a row, enough for a two-line row label.
pub const ROW_MIN_H: u32 = 56;
/// Line height of wrapped labels.
pub const LINE_H: u32 = 15;
/// The size of a mark's outcome shape.
pub const VERDICT_SIZE: u32 = 16;
/// The outcome shape's distance from the mark's bottom edge.
pub const VERDICT_INSET: u32 = 3;
/// The outcome shape's left edge.
pub const VERDICT_X: u32 = 7;
/// How many characters fit on one line of a mark's title.
pub const MARK_LINE_CHARS: usize = 16;
/// The widest a mark's title line may be drawn: from the text's start to just inside the box.
pub const MARK_TEXT_W: u32 = COL_W - 8 - 34 - 5;
/// How many characters fit on one line of a row label.
pub const ROW_LINE_CHARS: usize = 20;
/// How many lines a mark's title and a row label may take.
pub const MARK_LINES: usize = 2;
pub const ROW_LABEL_LINES: usize = 3;

/// Wraps text into at most `max_lines` lines of at most `max_chars` characters (one more for a closing "…"), breaking at spaces
/// (or inside a word longer than a line) and ending with "…" after the last whole word when the text does not fit.
pub fn wrap(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
    words.reverse();
    while let Some(word) = words.pop() {
        let needed = if line.is_empty() {
            word.chars().count()
        } else {
            line.chars().count() + 1 + word.chars().count()
        };
        if needed <= max_chars {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        } else if line.is_empty() {
            // A word longer than a line: split it.
            let head: String = word.chars().take(max_chars).collect();
            let tail: String = word.chars().skip(max_chars).collect();
            lines.push(head);
            words.push(tail);
        } else {
            lines.push(std::mem::take(&mut line));
            words.push(word);
        }
        if lines.len() == max_lines {
            break;
        }
    }
    if !line.is_empty() && lines.len() < max_lines {
        lines.push(line);
    } else if !line.is_empty() || !words.is_empty() {
        // More text than room: end the last line with an ellipsis after its last whole word (the line may run one
        // character over), so the visible words are all words of the mark's accessible name.
        if let Some(last) = lines.last_mut() {
            *last = format!(
                "{}…",
                last.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ':')
            );
        }
    }
    lines
}

/// A mark's title as drawn: at most two lines.
pub fn mark_title_lines(title: &str) -> Vec<String> {
    wrap(title, MARK_LINE_CHARS, MARK_LINES)
}

/// A row's label as drawn: at most three lines.
pub fn row_label_lines(label: &str) -> Vec<String> {
    wrap(label, ROW_LINE_CHARS, ROW_LABEL_LINES)
}

/// Whether a line of a mark's title runs over (a whole word and its "…"), so that it is narrowed to fit the box.
pub fn mark_line_runs_over(line: &str) -> bool {
    line.chars().count() > MARK_LINE_CHARS
}

/// Height of each row: enough for its fullest cell and its label.
pub fn row_heights(matrix: &Matrix) -> Vec<u32> {
    matrix
        .rows
        .iter()
        .map(|row| {
            let fullest = row.cells.iter().map(Vec::len).max().unwrap_or(0) as u32;
            let label_lines = row_label_lines(&row.label).len() as u32;
            // The last mark needs only its own height, not a whole pitch (added before subtracting: no underflow).
            (fullest * MARK_PITCH + 2 * CELL_PAD - (MARK_PITCH - MARK_H))
                .max(ROW_MIN_H)
                .max(label_lines * LINE_H + 2 * CELL_PAD + 8)
        })
        .collect()
}

/// The drawn matrix's sizes: its width and height, and each row's top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    /// The height of the rows together, below the column headers.
    pub body_h: u32,
    /// Each row's top edge, in order.
    pub row_tops: Vec<u32>,
}

impl Layout {
    /// Lays out a matrix: the label column, then one column per level; the rows below the headers, each as tall as
    /// [`row_heights`] says.
    pub fn of(matrix: &Matrix) -> Layout {
        let heights = row_heights(matrix);
        let width = LABEL_W + COL_W * matrix.columns.len() as u32;
        let body_h: u32 = heights.iter().sum();
        let mut row_tops = Vec::with_capacity(heights.len());
        let mut y = HEADER_H;
        for h in &heights {
            row_tops.push(y);
            y += h;
        }
        Layout {
            width,
            height: HEADER_H + body_h + 2,
            body_h,
            row_tops,
        }
    }

    /// The left edge of a column's background.
    pub fn column_x(column: usize) -> u32 {
        LABEL_W + COL_W * column as u32
    }

    /// The top left corner of the mark at `pos`.
    pub fn mark_origin(&self, pos: MarkPos) -> (u32, u32) {
        let top = self.row_tops.get(pos.row).copied().unwrap_or(HEADER_H);
        (
            Layout::column_x(pos.column) + 4,
            top + CELL_PAD + MARK_PITCH * pos.index as u32,
        )
    }
}

/// The element id used for a mark's position.
pub fn pos_key(pos: MarkPos) -> String {
    format!("{}-{}-{}", pos.row, pos.column, pos.index)
}

/// Reads a position written by [`pos_key`].
pub fn parse_pos_key(key: &str) -> Option<MarkPos> {
    let mut parts = key.split('-').map(str::parse::<usize>);
    let row = parts.next()?.ok()?;
    let column = parts.next()?.ok()?;
    let index = parts.next()?.ok()?;
    Some(MarkPos { row, column, index })
}

/// The key's move in the matrix, if it is one of the grid's keys (`KeyboardEvent.key`).
pub fn direction(key: &str) -> Option<Direction> {
    match key {
        "ArrowLeft" => Some(Direction::Left),
        "ArrowRight" => Some(Direction::Right),
        "ArrowUp" => Some(Direction::Up),
        "ArrowDown" => Some(Direction::Down),
        "Home" => Some(Direction::Home),
        "End" => Some(Direction::End),
        _ => None,
    }
}

/// The plural noun for the rows, as in "rows are the domains".
pub fn rows_plural(rows: MatrixRows) -> &'static str {
    match rows {
        MatrixRows::Domain => "domains",
        MatrixRows::Category => "categories",
        MatrixRows::Actor => "actors",
    }
}
