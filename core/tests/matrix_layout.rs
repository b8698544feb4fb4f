//! Tests of the matrix's geometry: wrapping titles and labels, row heights, mark positions and their keys.

use summit_core::matrix::{Direction, MarkPos, Matrix, MatrixRow};
use summit_core::matrix_layout::{
    direction, mark_line_runs_over, parse_pos_key, pos_key, row_heights, rows_plural, wrap, Layout,
    CELL_PAD, COL_W, HEADER_H, LABEL_W, MARK_PITCH, ROW_MIN_H,
};
use summit_core::state::MatrixRows;

#[test]
fn wrap_breaks_at_spaces_and_ends_long_text_with_an_ellipsis() {
    assert_eq!(wrap("Climate change", 17, 2), ["Climate change"]);
    assert_eq!(
        wrap("Restore diplomatic missions", 17, 2),
        ["Restore", "diplomatic…"]
    );
    assert_eq!(
        wrap("U.S. return to the Iran nuclear deal (JCPOA)", 17, 2),
        ["U.S. return to", "the Iran nuclear…"]
    );
    assert_eq!(
        wrap("Keep Russia from aligning further with China", 16, 2),
        ["Keep Russia from", "aligning further…"]
    );
    assert_eq!(
        wrap("Nonproliferationandnuclearsecurityforall", 17, 2),
        ["Nonproliferationa", "ndnuclearsecurity…"]
    );
    assert!(mark_line_runs_over("aligning further…"));
    assert!(!mark_line_runs_over("Keep Russia from"));
}

fn row(id: &str, label: &str, cells: Vec<Vec<usize>>) -> MatrixRow {
    MatrixRow {
        id: id.into(),
        label: label.into(),
        cells,
    }
}

#[test]
fn rows_are_as_tall_as_their_fullest_cell_or_their_label() {
    let matrix = Matrix {
        columns: vec![1, 2],
        rows: vec![
            row("a", "Arms", vec![vec![0], vec![]]),
            row("b", "Bilateral", vec![vec![1, 2, 3], vec![4]]),
            row(
                "c",
                "A very long row label that needs three lines",
                vec![vec![], vec![]],
            ),
        ],
    };
    let heights = row_heights(&matrix);
    assert_eq!(heights[0], ROW_MIN_H);
    assert_eq!(heights[1], 3 * MARK_PITCH - 4 + 2 * CELL_PAD);
    assert_eq!(heights[2], 3 * 15 + 2 * CELL_PAD + 8);

    let layout = Layout::of(&matrix);
    assert_eq!(layout.width, LABEL_W + 2 * COL_W);
    assert_eq!(layout.body_h, heights.iter().sum::<u32>());
    assert_eq!(layout.height, HEADER_H + layout.body_h + 2);
    assert_eq!(
        layout.row_tops,
        [
            HEADER_H,
            HEADER_H + heights[0],
            HEADER_H + heights[0] + heights[1]
        ]
    );
    let pos = MarkPos {
        row: 1,
        column: 1,
        index: 2,
    };
    assert_eq!(
        layout.mark_origin(pos),
        (
            LABEL_W + COL_W + 4,
            layout.row_tops[1] + CELL_PAD + 2 * MARK_PITCH
        )
    );
}

#[test]
fn a_mark_key_reads_back_as_its_position() {
    let pos = MarkPos {
        row: 3,
        column: 0,
        index: 12,
    };
    assert_eq!(pos_key(pos), "3-0-12");
    assert_eq!(parse_pos_key(&pos_key(pos)), Some(pos));
    for bad in ["", "3-0", "a-0-1", "3--1", "-1-0-0"] {
        assert_eq!(parse_pos_key(bad), None, "{bad:?}");
    }
}

#[test]
fn the_grid_keys_move_and_other_keys_do_not() {
    assert_eq!(direction("ArrowLeft"), Some(Direction::Left));
    assert_eq!(direction("ArrowRight"), Some(Direction::Right));
    assert_eq!(direction("ArrowUp"), Some(Direction::Up));
    assert_eq!(direction("ArrowDown"), Some(Direction::Down));
    assert_eq!(direction("Home"), Some(Direction::Home));
    assert_eq!(direction("End"), Some(Direction::End));
    assert_eq!(direction("Enter"), None);
    assert_eq!(direction("a"), None);
    assert_eq!(rows_plural(MatrixRows::Category), "categories");
    assert_eq!(rows_plural(MatrixRows::Domain), "domains");
    assert_eq!(rows_plural(MatrixRows::Actor), "actors");
}
