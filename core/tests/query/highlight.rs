//! Highlighting: where search words are marked, at exact byte offsets.

use super::*;

fn check_highlight(text: &str, search: &str, expected: &[&str]) {
    let terms = search_terms(search);
    let ranges = highlight_ranges(text, &terms);
    assert_well_formed(text, &ranges);
    let pieces = split_highlights(text, &ranges);
    assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text);
    let found: Vec<&str> = pieces.iter().filter(|p| p.1).map(|p| p.0).collect();
    assert_eq!(found, expected, "highlights of {search:?} in {text:?}");
}

pub(super) fn assert_well_formed(text: &str, ranges: &[Range<usize>]) {
    for r in ranges {
        assert!(r.start < r.end && r.end <= text.len(), "{r:?} in {text:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?} in {text:?}"
        );
    }
    for w in ranges.windows(2) {
        assert!(
            w[0].end < w[1].start,
            "unsorted, overlapping or touching: {ranges:?}"
        );
    }
}

#[test]
fn highlights() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("New START treaty", "", &[]),
        ("New START treaty", "start", &["START"]),
        ("New START treaty", "new treaty", &["New", "treaty"]),
        // Every occurrence.
        ("arms and more arms", "arms", &["arms", "arms"]),
        // Overlapping occurrences of one term, and overlapping terms, merge.
        ("aaaa", "aa", &["aaaa"]),
        ("summit", "sum mmi", &["summi"]),
        // Touching matches merge.
        ("abcd", "ab cd", &["abcd"]),
        ("ab cd", "ab cd", &["ab", "cd"]),
        // Accents and case, with multibyte characters in the original.
        ("Café society, CAFÉ", "cafe", &["Café", "CAFÉ"]),
        ("Détente", "DETENTE", &["Détente"]),
        ("naïve", "ive", &["ïve"]),
        // Curly apostrophes and quotes.
        ("Russia’s leaders", "russia's", &["Russia’s"]),
        ("a “green” agenda", "\"green\"", &["“green”"]),
        ("pre–summit", "-summit", &["–summit"]),
        // Folding that changes lengths: ß is "ss", æ is "ae"; a match inside it covers all of it.
        ("Straße", "strasse", &["Straße"]),
        ("Straße", "as", &["aß"]),
        ("Straße", "se", &["ße"]),
        ("Ærø", "ae", &["Æ"]),
        ("İstanbul", "ist", &["İst"]),
        // Decomposed accents are dropped by folding and kept in the highlight.
        ("cafe\u{301} noir", "cafe", &["cafe\u{301}"]),
        // Other scripts and emoji around matches.
        ("日本 summit 😀 summit", "summit", &["summit", "summit"]),
        ("Россия и США", "сша", &["США"]),
        ("no match here", "zzz", &[]),
    ];
    for (text, search, expected) in cases {
        check_highlight(text, search, expected);
    }
}

#[test]
fn highlight_ranges_exact_offsets() {
    // "Café " is 6 bytes: the é takes two.
    assert_eq!(
        highlight_ranges("Café Café", &["cafe".into()]),
        vec![0..5, 6..11]
    );
    assert_eq!(highlight_ranges("xß", &["s".into()]), vec![1..3]);
    // Raw, unfolded terms are folded too.
    assert_eq!(highlight_ranges("Café", &["CAFÉ".into()]), vec![0..5]);
    assert_eq!(highlight_ranges("abc", &[String::new()]), vec![]);
    // Every ASCII byte, to check case folding at the edges of A-Z ('@' is before A, '[' after Z).
    let ascii: String = (0u8..128).map(char::from).collect();
    for (term, range) in [
        ("@abc", 64..68),
        ("xyz[", 88..92),
        ("`abc", 96..100),
        ("xyz{", 120..124),
        ("?@a", 63..66),
    ] {
        assert_eq!(
            highlight_ranges(&ascii, &[term.into()]),
            vec![range],
            "{term}"
        );
    }
    assert_eq!(
        highlight_ranges(&ascii, &["`".into(), "@".into(), "[".into()]),
        vec![64..65, 91..92, 96..97]
    );
    assert_eq!(
        split_highlights("abcdef", &[1..2, 4..6]),
        vec![("a", false), ("b", true), ("cd", false), ("ef", true)]
    );
    assert_eq!(split_highlights("", &[]), vec![]);
}
