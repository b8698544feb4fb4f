//! Properties that hold for any text: well-formed highlights, segments that rebuild their paragraph, quotations found
//! exactly when they validate, filtering that agrees with a plain search, the one sort agreeing with the standard one.

use super::highlight::assert_well_formed;
use super::passages::mark;
use super::*;
use summit_core::validate::{fold_whitespace, is_exact_excerpt};

/// Characters that stress folding: case, accents, ligatures, multi-char lowercase, quotes,
/// dashes, spaces, combining marks, other scripts and 4-byte characters.
fn tricky_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'a', 'b', 's', 'e', 'i', 'A', 'S', 'E', 'é', 'É', 'ß', 'ẞ', 'İ', 'ı', 'æ', 'Æ', 'œ', 'ĳ',
        '’', '\'', '“', '"', '–', '-', '\u{a0}', ' ', '\n', '\u{301}', '\u{308}', 'Ω', '日', '😀',
        'x',
    ])
}

fn tricky_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #[test]
    fn highlight_ranges_are_well_formed(text in tricky_string(40), terms in prop::collection::vec(tricky_string(5), 0..4)) {
        let ranges = highlight_ranges(&text, &terms);
        assert_well_formed(&text, &ranges);
        let pieces = split_highlights(&text, &ranges);
        prop_assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text.clone());
        // Each range holds a whole match of some term.
        for r in &ranges {
            let piece = fold(&text[r.clone()]);
            prop_assert!(terms.iter().any(|t| !t.is_empty() && piece.contains(&fold(t))), "{:?} in {:?}", r, text);
        }
        // Whenever the folded text contains a folded term, something is highlighted.
        let folded = fold(&text);
        if terms.iter().map(|t| fold(t)).any(|t| !t.is_empty() && folded.contains(&t)) {
            prop_assert!(!ranges.is_empty());
        }
        // Search terms highlight the same way.
        let searched = highlight_ranges(&text, &search_terms(&terms.join(" ")));
        assert_well_formed(&text, &searched);
    }

    #[test]
    fn highlight_ranges_any_unicode(text in "\\PC{0,30}", terms in prop::collection::vec("\\PC{0,4}", 0..3)) {
        assert_well_formed(&text, &highlight_ranges(&text, &terms));
    }

    #[test]
    fn segments_concatenate_to_the_paragraph(
        paragraph in tricky_string(30),
        raw in prop::collection::vec((0usize..40, 0usize..40), 0..6),
    ) {
        let marks: Vec<Mark> = raw.iter().enumerate().map(|(k, &(a, b))| mark(k, a.min(b)..a.max(b))).collect();
        let segs = segments(&paragraph, &marks);
        prop_assert_eq!(segs.iter().map(|s| s.text).collect::<String>(), paragraph.clone());
        prop_assert!(segs.iter().all(|s| !s.text.is_empty()));
        prop_assert!(segs.windows(2).all(|w| w[0].marks != w[1].marks));
    }

    /// A quotation is found in a paragraph exactly when the validator calls it an exact excerpt, and what is found is
    /// the quotation, white space aside.
    #[test]
    fn quotations_are_found_exactly_when_they_validate(
        paragraph in "[ab \u{a0}\n]{0,24}",
        quote in "[ab \u{a0}\n]{0,8}",
    ) {
        let found = find_quote(&paragraph, &quote);
        prop_assert_eq!(found.is_some(), is_exact_excerpt(&quote, &paragraph));
        let folded_quote = fold_whitespace(&quote);
        prop_assert_eq!(
            found.is_some(),
            !folded_quote.is_empty() && fold_whitespace(&paragraph).contains(&folded_quote)
        );
        if let Some(range) = found {
            prop_assert_eq!(fold_whitespace(&paragraph[range]), folded_quote);
        }
    }

    /// The fast whole-buffer search agrees with a plain substring test of the folded fields, also
    /// when the index answered another search just before.
    #[test]
    fn filtering_agrees_with_plain_search(
        titles in prop::collection::vec(tricky_string(12), 1..12),
        before in tricky_string(4),
        search in tricky_string(6),
    ) {
        let items: Vec<Item> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| item(&format!("i{i}"), t, LowHanging, 1, &[], &[]))
            .collect();
        let data = data_set(items, Vec::new());
        let index = SearchIndex::new(&data);
        filter_items(&data, &index, &Filters { search: before, ..Filters::default() });
        let terms = search_terms(&search);
        let expected: Vec<usize> = (0..data.items.len())
            .filter(|&i| {
                let hay = format!("{}\n{}\n", fold(&data.items[i].title), fold(&data.items[i].summary));
                terms.iter().all(|t| hay.contains(t.as_str()))
            })
            .collect();
        let f = Filters { search: search.clone(), ..Filters::default() };
        prop_assert_eq!(filter_items(&data, &index, &f), expected);
    }

    /// The app's one sort agrees with the standard library's stable sort, for any keys and lengths (across
    /// insertion-sorted runs and merges).
    #[test]
    fn the_one_sort_agrees_with_the_standard_stable_sort(
        keys in prop::collection::vec((0u8..6, any::<u16>()), 0..200),
    ) {
        let mut expected = keys.clone();
        expected.sort_by_key(|k| k.0);
        let mut sorted = keys.clone();
        summit_core::query::sort_by_key(&mut sorted, |k| k.0);
        prop_assert_eq!(&sorted, &expected);
        let mut whole = keys.clone();
        summit_core::query::sort(&mut whole);
        expected.sort();
        prop_assert_eq!(whole, expected);
    }

    /// The index's memory of earlier answers (typing on, deleting back) never changes an answer: after any run of
    /// searches, each one agrees with a search in a fresh index.
    #[test]
    fn filtering_agrees_with_a_fresh_index_after_any_run_of_searches(
        titles in prop::collection::vec(tricky_string(12), 1..12),
        searches in prop::collection::vec(tricky_string(5), 1..30),
    ) {
        let items: Vec<Item> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| item(&format!("i{i}"), t, LowHanging, 1, &[], &[]))
            .collect();
        let data = data_set(items, Vec::new());
        let index = SearchIndex::new(&data);
        // Each search typed one character at a time and deleted again, as a reader would.
        for search in &searches {
            let chars: Vec<char> = search.chars().collect();
            let lengths = (0..=chars.len()).chain((0..chars.len()).rev());
            for length in lengths {
                let typed: String = chars[..length].iter().collect();
                let f = Filters { search: typed.clone(), ..Filters::default() };
                let fresh = SearchIndex::new(&data);
                prop_assert_eq!(filter_items(&data, &index, &f), filter_items(&data, &fresh, &f), "{:?}", typed);
            }
        }
    }
}
