//! The matrix: binning items into rows and feasibility columns, moving between marks, and hiding excluded ones.

use super::*;

type Rows<'a> = &'a [(&'a str, &'a str, [&'a [usize]; 4])];

fn check_bin(data: &DataSet, rows: MatrixRows, expected: Rows) {
    let m = bin(data, rows);
    assert_eq!(m.columns, vec![1, 2, 3, 4]);
    let got: Vec<(String, String, Vec<Vec<usize>>)> = m
        .rows
        .into_iter()
        .map(|r| (r.id, r.label, r.cells))
        .collect();
    let want: Vec<(String, String, Vec<Vec<usize>>)> = expected
        .iter()
        .map(|(id, label, cells)| {
            (
                id.to_string(),
                label.to_string(),
                cells.iter().map(|c| c.to_vec()).collect(),
            )
        })
        .collect();
    assert_eq!(got, want, "{rows:?}");
}

#[test]
fn matrix_binning() {
    let mut data = facet_data();
    // A repeated domain must not put the item twice in the same cell.
    data.items[5].domains.push("arms".into());
    // The scale listed most feasible first still gives ascending columns.
    data.feasibility_scale.reverse();
    check_bin(
        &data,
        MatrixRows::Domain,
        &[
            ("arms", "Arms control", [&[], &[1], &[5], &[0]]),
            ("cyber", "Cyber", [&[4], &[1], &[], &[]]),
            ("climate", "Climate", [&[], &[], &[2, 5], &[]]),
            ("security", "Security", [&[3], &[], &[], &[]]),
        ],
    );
    check_bin(
        &data,
        MatrixRows::Category,
        &[
            (
                "low-hanging",
                "Low-hanging fruit",
                [&[], &[], &[2, 5], &[0]],
            ),
            ("high-hanging", "High-hanging fruit", [&[4], &[1], &[], &[]]),
            ("risk", "Risks", [&[3], &[], &[], &[]]),
        ],
    );
    check_bin(
        &data,
        MatrixRows::Actor,
        &[
            ("us", "United States", [&[], &[1], &[2], &[0]]),
            ("russia", "Russia", [&[3], &[1], &[5], &[0]]),
            ("eu", "EU", [&[4], &[], &[], &[]]),
        ],
    );
    // A category the vocabulary lacks is labelled with its id.
    data.items[2].category = Unilateral;
    let m = bin(&data, MatrixRows::Category);
    let labels: Vec<&str> = m.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Low-hanging fruit",
            "High-hanging fruit",
            "unilateral",
            "Risks"
        ]
    );
}

/// A hand-made matrix for navigation: `cells[row][column]` is the number of marks.
fn grid(cells: &[&[usize]]) -> Matrix {
    let mut next = 0;
    Matrix {
        columns: (1..=cells[0].len() as u8).collect(),
        rows: cells
            .iter()
            .enumerate()
            .map(|(r, row)| MatrixRow {
                id: format!("r{r}"),
                label: format!("Row {r}"),
                cells: row
                    .iter()
                    .map(|&n| {
                        next += n;
                        (next - n..next).collect()
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn at(row: usize, column: usize, index: usize) -> MarkPos {
    MarkPos { row, column, index }
}

fn check_nav(m: &Matrix, from: MarkPos, dir: Direction, expected: Option<MarkPos>) {
    assert_eq!(neighbour(m, from, dir), expected, "{dir:?} from {from:?}");
}

#[test]
fn matrix_navigation() {
    use Direction::{Down, End, Home, Left, Right, Up};
    let m = grid(&[
        &[0, 2, 0, 1], // row 0
        &[1, 0, 0, 0], // row 1
        &[0, 0, 0, 0], // row 2: empty, skipped
        &[0, 0, 3, 0], // row 3
        &[0, 1, 0, 1], // row 4: columns 1 and 3 both one away from 2
    ]);
    assert_eq!(
        marks(&m),
        vec![
            at(0, 1, 0),
            at(0, 1, 1),
            at(0, 3, 0),
            at(1, 0, 0),
            at(3, 2, 0),
            at(3, 2, 1),
            at(3, 2, 2),
            at(4, 1, 0),
            at(4, 3, 0)
        ]
    );
    let cases = [
        // Left and right within a cell and across empty cells; no wrapping.
        (at(0, 1, 0), Right, Some(at(0, 1, 1))),
        (at(0, 1, 1), Right, Some(at(0, 3, 0))),
        (at(0, 3, 0), Right, None),
        (at(0, 3, 0), Left, Some(at(0, 1, 1))),
        (at(0, 1, 0), Left, None),
        (at(3, 2, 1), Left, Some(at(3, 2, 0))),
        // Home and End.
        (at(0, 3, 0), Home, Some(at(0, 1, 0))),
        (at(0, 1, 0), End, Some(at(0, 3, 0))),
        (at(3, 2, 1), End, Some(at(3, 2, 2))),
        (at(1, 0, 0), Home, Some(at(1, 0, 0))),
        // Up and down: same column when it has marks, same position or the cell's last.
        (at(0, 1, 1), Down, Some(at(1, 0, 0))),
        (at(1, 0, 0), Up, Some(at(0, 1, 0))),
        (at(0, 3, 0), Down, Some(at(1, 0, 0))),
        // The empty row is skipped.
        (at(1, 0, 0), Down, Some(at(3, 2, 0))),
        (at(3, 2, 2), Up, Some(at(1, 0, 0))),
        // Nearest column, the left one on a tie.
        (at(3, 2, 2), Down, Some(at(4, 1, 0))),
        (at(4, 3, 0), Up, Some(at(3, 2, 0))),
        (at(4, 1, 0), Up, Some(at(3, 2, 0))),
        // No wrapping at the top and bottom.
        (at(0, 1, 1), Up, None),
        (at(4, 1, 0), Down, None),
        // Not a mark.
        (at(2, 0, 0), Right, None),
        (at(0, 1, 2), Left, None),
        (at(9, 0, 0), Up, None),
    ];
    for (from, dir, expected) in cases {
        check_nav(&m, from, dir, expected);
    }
    // Keeping the position in the same column.
    let tall = grid(&[&[3, 1], &[2, 0]]);
    check_nav(&tall, at(0, 0, 1), Down, Some(at(1, 0, 1)));
    check_nav(&tall, at(0, 0, 2), Down, Some(at(1, 0, 1)));
    check_nav(&tall, at(1, 0, 1), Up, Some(at(0, 0, 1)));
    check_nav(&tall, at(0, 1, 0), Down, Some(at(1, 0, 0)));
    // Every mark's Right is the next mark in the same row, as in reading order.
    let all = marks(&m);
    for w in all.windows(2) {
        let expected = (w[0].row == w[1].row).then_some(w[1]);
        check_nav(&m, w[0], Right, expected);
        let back = (w[0].row == w[1].row).then_some(w[0]);
        check_nav(&m, w[1], Left, back);
    }
    // A real matrix: every mark's position names its item.
    let data = facet_data();
    let real = bin(&data, MatrixRows::Domain);
    for p in marks(&real) {
        assert!(real.item_at(p).is_some());
    }
    assert_eq!(real.position_of(5), Some(at(0, 2, 0)));
    assert_eq!(real.position_of(99), None);
}

#[test]
fn keep_only_drops_excluded_marks_and_emptied_rows() {
    // Row 0 holds items 0 and 1; row 1 holds item 2.
    let m = grid(&[&[2, 0], &[0, 1]]);
    let kept = m.keep_only(&[true, false, false]);
    assert_eq!(kept.rows.len(), 1);
    assert_eq!(kept.rows[0].cells, vec![vec![0], vec![]]);
    assert_eq!(m.keep_only(&[true, true, true]), m);
    // Indices beyond the mask count as included.
    assert_eq!(m.keep_only(&[]), m);
}
