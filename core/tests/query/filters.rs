//! Filters and search: each facet, the words of a search, searches in a row, and sorting.

use super::*;

/// `filter_items` gives `expected`, and `item_matches` agrees item by item.
fn check_filter(data: &DataSet, spec: &str, expected: &[usize]) {
    let index = SearchIndex::new(data);
    let f = filters(spec);
    assert_eq!(
        filter_items(data, &index, &f),
        expected,
        "filter_items for {spec:?}"
    );
    let terms = search_terms(&f.search);
    let by_item: Vec<usize> = (0..data.items.len())
        .filter(|&i| item_matches(data, &index, i, &f, &terms))
        .collect();
    assert_eq!(by_item, expected, "item_matches for {spec:?}");
}

#[test]
fn filters_per_facet_and_combined() {
    let data = facet_data();
    let cases: &[(&str, &[usize])] = &[
        ("", &[0, 1, 2, 3, 4, 5]),
        // One facet, one option.
        ("cat:low-hanging", &[0, 2, 5]),
        ("cat:unilateral", &[]),
        ("level:1", &[3, 4]),
        ("domain:arms", &[0, 1, 5]),
        ("domain:unused", &[]),
        ("domain:not-in-vocabulary", &[]),
        ("actor:eu", &[4]),
        // OR within a facet.
        ("cat:risk,high-hanging", &[1, 3, 4]),
        ("level:1,4", &[0, 3, 4]),
        ("domain:climate,security", &[2, 3, 5]),
        ("actor:us,eu", &[0, 1, 2, 4]),
        // AND across facets.
        ("cat:low-hanging; actor:russia", &[0, 5]),
        ("cat:low-hanging,high-hanging; level:1,3", &[2, 4, 5]),
        ("domain:arms,cyber; actor:us", &[0, 1]),
        ("cat:low-hanging; level:3; domain:arms; actor:russia", &[5]),
        ("cat:risk; actor:us", &[]),
        // Facets with search.
        ("cat:low-hanging; q:treaty", &[0]),
        ("actor:us; q:russia", &[0]),
    ];
    for (spec, expected) in cases {
        check_filter(&data, spec, expected);
    }
}

#[test]
fn search_words_case_accents_and_quotes() {
    let data = facet_data();
    let cases: &[(&str, &[usize])] = &[
        ("q:   ", &[0, 1, 2, 3, 4, 5]),
        ("q:treaty", &[0]),
        ("q:TREATY", &[0]),
        // Every word must occur, anywhere in the item.
        ("q:treaty five", &[0]),
        ("q:treaty cyberspace", &[]),
        ("q:norms  state\tbehaviour", &[1]),
        // Substrings, across title and summary.
        ("q:ransom russia", &[4]),
        ("q:russia", &[0, 4]),
        // Curly apostrophes and quotes in the text, straight in the search, and the other way round.
        ("q:russia's", &[0]),
        ("q:russia’s", &[0]),
        ("q:\"green\"", &[2]),
        ("q:“green”", &[2]),
        // Dashes and accents.
        ("q:donbas - the", &[3]),
        ("q:cafe naive detente", &[5]),
        ("q:CAFÉ", &[5]),
        ("q:soren odegard", &[5]),
        // Rationale, evidence quotes, people's names and roles are searched too.
        ("q:welcome", &[0]),
        ("q:massed border", &[3]),
        ("q:lavrov", &[0]),
        ("q:foreign minister", &[0]),
        ("q:envoy", &[5]),
        // A word may not span two fields.
        ("q:years.russia", &[]),
        ("q:zzz", &[]),
    ];
    for (spec, expected) in cases {
        check_filter(&data, spec, expected);
    }
}

/// One index answers a run of searches (typing, refining, broadening, repeating) as fresh ones do.
#[test]
fn searches_in_a_row_agree_with_fresh_ones() {
    let data = synthetic(200);
    let shared = SearchIndex::new(&data);
    let searches = [
        "t",
        "tr",
        "tre",
        "treaty",
        "treaty s",
        "treaty su",
        "treaty summit",
        "treaty summit",
        "summit",
        "",
        "zzz",
        "z",
        "russia’s",
        "russia's geneva",
        "geneva",
        "GENEVA détente",
        "detente geneva",
        "arms",
        "arms arms",
        "arm",
    ];
    for search in searches {
        for spec in ["", "cat:risk,unilateral; domain:arms"] {
            let f = Filters {
                search: search.into(),
                ..filters(spec)
            };
            let fresh = SearchIndex::new(&data);
            assert_eq!(
                filter_items(&data, &shared, &f),
                filter_items(&data, &fresh, &f),
                "{search:?} {spec:?}"
            );
            assert_eq!(
                facet_counts(&data, &shared, &f),
                facet_counts(&data, &SearchIndex::new(&data), &f),
                "{search:?}"
            );
        }
    }
}

#[test]
fn search_terms_are_folded_words() {
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        ("   \n\t ", &[]),
        ("Arms  Control", &["arms", "control"]),
        ("Russia’s “New START”", &["russia's", "\"new", "start\""]),
        ("Détente\u{a0}NAÏVE", &["detente", "naive"]),
        ("Straße STRASSE", &["strasse"]),
        ("arms arms ARMS", &["arms"]),
        ("e\u{301}te\u{301}", &["ete"]),
        ("İstanbul Łódź", &["istanbul", "lodz"]),
        ("pre–summit — talks", &["pre-summit", "-", "talks"]),
    ];
    for (search, expected) in cases {
        assert_eq!(search_terms(search), *expected, "search_terms({search:?})");
    }
}

#[test]
fn repeated_search_words_are_kept_once_in_first_order() {
    let cases: &[(&str, &[&str])] = &[
        ("b a b c a", &["b", "a", "c"]),
        ("Treaty treaty TREATY of", &["treaty", "of"]),
        ("zeta alpha Zeta mid ALPHA", &["zeta", "alpha", "mid"]),
    ];
    for (search, expected) in cases {
        assert_eq!(search_terms(search), *expected, "search_terms({search:?})");
    }

    // 100,000 words, 1,000 of them distinct, each repeated a hundred times in turn: the answer is
    // the 1,000 in the order they first appear. Before the set, each word was compared with every
    // word kept so far. The time is printed, never asserted.
    let words: Vec<String> = (0..100_000)
        .map(|i| format!("w{}", (i * 7) % 1000))
        .collect();
    let search = words.join(" ");
    let started = std::time::Instant::now();
    let terms = search_terms(&search);
    let elapsed = started.elapsed();
    let expected: Vec<String> = (0..1000).map(|i| format!("w{}", (i * 7) % 1000)).collect();
    assert_eq!(terms, expected);
    // The same word 100,000 times gives one term.
    let same = vec!["arms"; 100_000].join(" ");
    let started_same = std::time::Instant::now();
    assert_eq!(search_terms(&same), strings(&["arms"]));
    let elapsed_same = started_same.elapsed();
    // Filtering with all of them stays linear too (the index dedupes again before searching).
    let data = facet_data();
    let index = SearchIndex::new(&data);
    let filters = Filters {
        search: same.clone(),
        ..Filters::default()
    };
    let started_filter = std::time::Instant::now();
    let _ = filter_items(&data, &index, &filters);
    let elapsed_filter = started_filter.elapsed();
    println!(
        "search_terms: 100,000 words, 1,000 distinct: {elapsed:?}; one word 100,000 times: {elapsed_same:?}; filter_items with it: {elapsed_filter:?}"
    );
}

#[test]
fn single_characters_filter_but_are_not_marked() {
    assert_eq!(marked_terms(&search_terms("n")), Vec::<String>::new());
    assert_eq!(
        marked_terms(&search_terms("a nu ß é")),
        strings(&["nu", "ss"])
    );
    assert_eq!(
        marked_terms(&search_terms("Treaty  of x")),
        strings(&["treaty", "of"])
    );
    // The filter still uses every word: "w" keeps only the items that have a w somewhere.
    let data = facet_data();
    let index = SearchIndex::new(&data);
    assert_eq!(filter_items(&data, &index, &filters("q:w")), vec![0, 3, 4]);
}

#[test]
fn folding_is_idempotent_on_tricky_letters() {
    let text = "ÀÉÎÕÜ àéîõü Çç Ññ Ææ Œœ ß ẞ İ ı Ĳ ŀ Ł ł Şş Șș Țț Ÿ ſ ‘’ “” ‐–—― \u{a0}x Ωω 日本 😀";
    let once = fold(text);
    assert_eq!(fold(&once), once);
    assert_eq!(once, "aeiou aeiou cc nn aeae oeoe ss ss i i ij l l l ss ss tt y s '' \"\" ---- \u{20}x ωω 日本 😀");
}

/// Whether item `i` passes the filters, the plain way, as the oracle for `filter_items`: for every facet, either
/// nothing is chosen or the item has at least one of the chosen options; and every term (as `search_terms` gives them,
/// from `filters.search` or otherwise) occurs in the item's haystack. `filters.search` itself is not read here: pass
/// its terms.
fn item_matches(
    data: &DataSet,
    index: &SearchIndex,
    i: usize,
    filters: &Filters,
    terms: &[String],
) -> bool {
    let item = &data.items[i];
    let facets = (filters.categories.is_empty() || filters.categories.contains(&item.category))
        && (filters.levels.is_empty() || filters.levels.contains(&item.feasibility.level))
        && (filters.domains.is_empty() || item.domains.iter().any(|d| filters.domains.contains(d)))
        && (filters.actors.is_empty() || item.actors.iter().any(|a| filters.actors.contains(a)));
    facets && {
        let hay = index.haystack(i);
        terms
            .iter()
            .filter(|t| !t.is_empty())
            .all(|t| hay.contains(t.as_str()))
    }
}

// Sorting
// ---------------------------------------------------------------------------------------------

fn check_sort(data: &DataSet, start: &[usize], order: SortOrder, expected: &[usize]) {
    let mut indices = start.to_vec();
    sort_items(data, &mut indices, order);
    assert_eq!(indices, expected, "{order:?} from {start:?}");
}

#[test]
fn sort_orders_with_ties() {
    let mut data = facet_data();
    // Titles with case, accents and a tie (items 2 and 4).
    let titles = ["beta", "Alpha", "élan", "Delta", "Élan", "zeta"];
    for (it, t) in data.items.iter_mut().zip(titles) {
        it.title = t.into();
    }
    // Levels: 4, 2, 3, 1, 1, 3.
    let all = [5, 3, 0, 4, 1, 2];
    let cases: &[(SortOrder, &[usize])] = &[
        (SortOrder::Article, &[0, 1, 2, 3, 4, 5]),
        (SortOrder::FeasibilityDesc, &[0, 2, 5, 1, 3, 4]),
        (SortOrder::FeasibilityAsc, &[3, 4, 1, 2, 5, 0]),
        (SortOrder::Title, &[1, 0, 3, 2, 4, 5]),
    ];
    for (order, expected) in cases {
        check_sort(&data, &all, *order, expected);
    }
    // A subset keeps only its own items.
    check_sort(&data, &[4, 2, 3], SortOrder::Title, &[3, 2, 4]);
    check_sort(&data, &[5, 2], SortOrder::FeasibilityDesc, &[2, 5]);
    check_sort(&data, &[], SortOrder::Title, &[]);
}
