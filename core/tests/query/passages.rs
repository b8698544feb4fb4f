//! Passages: locating evidence quotations in the article despite white space, and cutting paragraphs into segments.

use super::*;

fn section(id: &str, paragraphs: &[&str]) -> Section {
    Section {
        id: id.into(),
        heading: None,
        paragraphs: strings(paragraphs),
    }
}

fn quote(text: &str, section: &str, paragraph: usize) -> Quotation {
    Quotation {
        quote: text.into(),
        section: section.into(),
        paragraph,
    }
}

/// Paragraph (section, index) of `data` has marks whose texts are `expected` as (item, evidence, text).
fn check_passages(data: &DataSet, s: usize, p: usize, expected: &[(usize, usize, &str)]) {
    let map = locate(data);
    let text = &data.article.sections[s].paragraphs[p];
    let got: Vec<(usize, usize, &str)> = map
        .marks(s, p)
        .iter()
        .map(|m| (m.item, m.evidence, &text[m.range.clone()]))
        .collect();
    assert_eq!(got, expected, "marks in section {s} paragraph {p}");
}

fn passage_data() -> DataSet {
    let sections = vec![
        section(
            "intro",
            &[
                "The summit in Geneva.\nBoth  sides\u{a0}agreed to talk.",
                "Nothing else.",
            ],
        ),
        section(
            "risks",
            &[
                "Troops massed near the border, and the   sanctions\n\n bite. Café talk.",
                "Alpha beta gamma delta epsilon.",
            ],
        ),
    ];
    let mut a = item("a", "A", LowHanging, 3, &["arms"], &["us"]);
    a.evidence = vec![
        quote("Both sides agreed", "intro", 1),
        quote(" the sanctions bite. ", "risks", 1),
        // Not found: wrong words, missing section, paragraph 0, paragraph past the end, blank.
        quote("Both sides disagreed", "intro", 1),
        quote("Nothing else.", "nowhere", 1),
        quote("Nothing else.", "intro", 0),
        quote("Nothing else.", "intro", 3),
        quote("   ", "intro", 2),
        // Only white space may differ.
        quote("summit in\u{a0}Geneva. Both", "intro", 1),
        quote("the  summit", "intro", 1),
    ];
    let mut b = item("b", "B", Risk, 1, &["security"], &["russia"]);
    b.evidence = vec![
        quote("beta gamma delta", "risks", 2),
        quote("Café talk.", "risks", 1),
        quote("Troops massed", "risks", 1),
    ];
    let mut c = item("c", "C", Risk, 1, &["security"], &["russia"]);
    c.evidence = vec![
        quote("Alpha beta", "risks", 2),
        quote("delta epsilon.", "risks", 2),
        quote("gamma", "risks", 2),
    ];
    data_set(vec![a, b, c], sections)
}

#[test]
fn passages_found_despite_white_space() {
    let data = passage_data();
    check_passages(
        &data,
        0,
        0,
        &[
            (0, 7, "summit in Geneva.\nBoth"),
            (0, 0, "Both  sides\u{a0}agreed"),
        ],
    );
    check_passages(&data, 0, 1, &[]);
    check_passages(
        &data,
        1,
        0,
        &[
            (1, 2, "Troops massed"),
            (0, 1, "the   sanctions\n\n bite."),
            (1, 1, "Café talk."),
        ],
    );
    check_passages(
        &data,
        1,
        1,
        &[
            (2, 0, "Alpha beta"),
            (1, 0, "beta gamma delta"),
            (2, 2, "gamma"),
            (2, 1, "delta epsilon."),
        ],
    );
    let map = locate(&data);
    assert_eq!(map.len(), 9);
    assert!(map.marks(7, 0).is_empty() && map.marks(0, 7).is_empty());
    let (s, p, m) = map.find(1, 1).expect("found");
    assert_eq!(
        (
            s,
            p,
            &data.article.sections[s].paragraphs[p][m.range.clone()]
        ),
        (1, 0, "Café talk.")
    );
    assert!(map.find(0, 2).is_none());
    assert_eq!(find_quote("a\u{a0}\u{a0}b", "a b"), Some(0..6));
    assert_eq!(find_quote("ab", "a b"), None);
}

/// Segments of a paragraph as (text, covering marks).
fn check_segments(paragraph: &str, marks: &[Mark], expected: &[(&str, &[usize])]) {
    let got: Vec<(&str, Vec<usize>)> = segments(paragraph, marks)
        .into_iter()
        .map(|s| (s.text, s.marks))
        .collect();
    let want: Vec<(&str, Vec<usize>)> = expected.iter().map(|(t, m)| (*t, m.to_vec())).collect();
    assert_eq!(got, want, "segments of {paragraph:?}");
}

pub(super) fn mark(item: usize, range: Range<usize>) -> Mark {
    Mark {
        item,
        evidence: 0,
        range,
    }
}

#[test]
fn overlapping_marks_make_segments() {
    let data = passage_data();
    let map = locate(&data);
    let text = &data.article.sections[1].paragraphs[1];
    // Alpha beta / beta gamma delta / gamma / delta epsilon.
    check_segments(
        text,
        map.marks(1, 1),
        &[
            ("Alpha ", &[0]),
            ("beta", &[0, 1]),
            (" ", &[1]),
            ("gamma", &[1, 2]),
            (" ", &[1]),
            ("delta", &[1, 3]),
            (" epsilon.", &[3]),
        ],
    );
    type Case<'a> = (&'a str, &'a [Mark], &'a [(&'a str, &'a [usize])]);
    let cases: &[Case] = &[
        ("", &[], &[]),
        ("plain", &[], &[("plain", &[])]),
        ("plain", &[mark(0, 0..5)], &[("plain", &[0])]),
        // Nested and identical ranges.
        (
            "abcdef",
            &[mark(0, 0..6), mark(1, 2..4)],
            &[("ab", &[0]), ("cd", &[0, 1]), ("ef", &[0])],
        ),
        (
            "abcdef",
            &[mark(0, 1..3), mark(1, 1..3)],
            &[("a", &[]), ("bc", &[0, 1]), ("def", &[])],
        ),
        // Touching ranges stay apart; an empty range changes nothing.
        (
            "abcdef",
            &[mark(0, 0..3), mark(1, 3..6), mark(2, 4..4)],
            &[("abc", &[0]), ("def", &[1])],
        ),
        // Multibyte text; a range past the end is clamped.
        (
            "Café ok",
            &[mark(0, 3..5), mark(1, 6..99)],
            &[("Caf", &[]), ("é", &[0]), (" ", &[]), ("ok", &[1])],
        ),
    ];
    for (paragraph, marks, expected) in cases {
        check_segments(paragraph, marks, expected);
    }
}
