//! Tests of the query engine: search, filters, facet counts, sorting, highlighting, matrix binning
//! and navigation, and locating evidence in the article. Every data set here is built in the test.

use std::ops::Range;

use proptest::prelude::*;
use summit_core::matrix::{bin, marks, neighbour, Direction, MarkPos, Matrix, MatrixRow};
use summit_core::model::{
    Article, Category, DataSet, Feasibility, FeasibilityLevel, Item, Person, Quotation, Section,
    Term, Vocabularies,
};
use summit_core::passages::{find_quote, locate, segments, Mark};
use summit_core::query::{
    facet_counts, filter_items, fold, highlight_ranges, item_matches, marked_terms, search_terms,
    sort_items, split_highlights, FacetCounts, SearchIndex,
};
use summit_core::state::{Filters, MatrixRows, SortOrder};

// ---------------------------------------------------------------------------------------------
// Building data sets
// ---------------------------------------------------------------------------------------------

fn term(id: &str, label: &str) -> Term {
    Term {
        id: id.into(),
        label: label.into(),
        description: String::new(),
    }
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// An item with the given facets; the other texts are bland and can be set afterwards.
fn item(
    id: &str,
    title: &str,
    category: Category,
    level: u8,
    domains: &[&str],
    actors: &[&str],
) -> Item {
    Item {
        id: id.into(),
        title: title.into(),
        summary: format!("Summary of {id}."),
        category,
        feasibility: Feasibility {
            level,
            rationale: String::new(),
            reading_note: None,
        },
        domains: strings(domains),
        actors: strings(actors),
        people: Vec::new(),
        evidence: Vec::new(),
        related: Vec::new(),
    }
}

/// A data set around `items`: a four-level scale, three categories (no "unilateral"), four
/// domains plus one unused, three actors, and an article with `sections`.
fn data_set(items: Vec<Item>, sections: Vec<Section>) -> DataSet {
    DataSet {
        article: Article {
            title: "Potential Fruits".into(),
            author: "A. Author".into(),
            outlet: "Outlet".into(),
            kind: None,
            published: "2021-06-01".into(),
            url: "https://example.org/a".into(),
            citation: "Citation.".into(),
            sections,
        },
        feasibility_scale: (1..=4)
            .map(|level| FeasibilityLevel {
                level,
                label: format!("L{level}"),
                description: String::new(),
            })
            .collect(),
        vocabularies: Vocabularies {
            categories: vec![
                term("low-hanging", "Low-hanging fruit"),
                term("high-hanging", "High-hanging fruit"),
                term("risk", "Risks"),
            ],
            domains: vec![
                term("arms", "Arms control"),
                term("cyber", "Cyber"),
                term("climate", "Climate"),
                term("security", "Security"),
                term("unused", "Unused"),
            ],
            actors: vec![
                term("us", "United States"),
                term("russia", "Russia"),
                term("eu", "EU"),
            ],
        },
        items,
        events: Vec::new(),
    }
}

use Category::{HighHanging, LowHanging, Risk, Unilateral};

/// Six items whose facets the facet-count expectations below are computed by hand from.
///
/// | # | category     | level | domains         | actors         |
/// |---|--------------|-------|-----------------|----------------|
/// | 0 | low-hanging  | 4     | arms            | us, russia     |
/// | 1 | high-hanging | 2     | cyber, arms     | us, russia     |
/// | 2 | low-hanging  | 3     | climate         | us             |
/// | 3 | risk         | 1     | security        | russia         |
/// | 4 | high-hanging | 1     | cyber           | eu             |
/// | 5 | low-hanging  | 3     | arms, climate   | russia         |
fn facet_data() -> DataSet {
    let mut items = vec![
        item(
            "start",
            "New START extension",
            LowHanging,
            4,
            &["arms"],
            &["us", "russia"],
        ),
        item(
            "cyber-rules",
            "Cyber rules of the road",
            HighHanging,
            2,
            &["cyber", "arms"],
            &["us", "russia"],
        ),
        item(
            "climate",
            "Climate talks",
            LowHanging,
            3,
            &["climate"],
            &["us"],
        ),
        item(
            "ukraine",
            "Conflict in Ukraine",
            Risk,
            1,
            &["security"],
            &["russia"],
        ),
        item(
            "ransomware",
            "Ransomware havens",
            HighHanging,
            1,
            &["cyber"],
            &["eu"],
        ),
        item(
            "arctic",
            "Arctic Council",
            LowHanging,
            3,
            &["arms", "climate"],
            &["russia"],
        ),
    ];
    items[0].summary = "Extend the treaty for five years.".into();
    items[0].feasibility.rationale = "Russia’s leaders have said they would welcome it.".into();
    items[0].people = vec![Person {
        name: "Sergei Lavrov".into(),
        role: "Foreign minister".into(),
    }];
    items[1].summary = "Agree on norms for state behaviour in cyberspace.".into();
    items[2].summary = "Cooperate on the Paris accord; a “green” agenda.".into();
    items[3].summary = "Escalation in the Donbas – the worst case.".into();
    items[3].evidence = vec![Quotation {
        quote: "troops massed near the border".into(),
        section: "risks".into(),
        paragraph: 1,
    }];
    items[4].summary = "Curb criminal hackers operating from Russia.".into();
    items[5].summary = "Café diplomacy in the Arctic; naïve hopes of détente.".into();
    items[5].people = vec![Person {
        name: "Søren Ødegård".into(),
        role: "Envoy".into(),
    }];
    data_set(items, Vec::new())
}

/// `n` deterministic items with varied facets and texts, some non-ASCII.
fn synthetic(n: usize) -> DataSet {
    const WORDS: [&str; 24] = [
        "summit",
        "treaty",
        "arms",
        "control",
        "strategic",
        "stability",
        "cyber",
        "ransomware",
        "climate",
        "arctic",
        "prisoner",
        "exchange",
        "embassy",
        "Russia’s",
        "détente",
        "sanctions",
        "pipeline",
        "Ukraine",
        "Belarus",
        "dialogue",
        "naïve",
        "Biden",
        "Putin",
        "Geneva",
    ];
    let domains = ["arms", "cyber", "climate", "security"];
    let actors = ["us", "russia", "eu"];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut sentence = |words: usize| -> String {
        (0..words)
            .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let items = (0..n)
        .map(|i| {
            let mut it = item(
                &format!("item-{i}"),
                &sentence(4),
                Category::ALL[i % 4],
                (i % 4) as u8 + 1,
                &[domains[i % 4], domains[(i / 4) % 4]],
                &[actors[i % 3]],
            );
            it.summary = sentence(40);
            it.feasibility.rationale = sentence(20);
            it.evidence = (0..2)
                .map(|_| Quotation {
                    quote: sentence(25),
                    section: "intro".into(),
                    paragraph: 1,
                })
                .collect();
            it.people = vec![Person {
                name: format!("Person {i}"),
                role: "Envoy".into(),
            }];
            it
        })
        .collect();
    data_set(items, Vec::new())
}

/// Filters from a compact spec: `cat:low-hanging,risk; level:1,2; domain:arms; actor:us; q:words`.
fn filters(spec: &str) -> Filters {
    let mut f = Filters::default();
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, values) = part.split_once(':').expect("key:values");
        let list = || values.split(',').map(str::trim).filter(|v| !v.is_empty());
        match key.trim() {
            "cat" => {
                f.categories = list()
                    .map(|v| Category::from_id(v).expect("category"))
                    .collect()
            }
            "level" => f.levels = list().map(|v| v.parse().expect("level")).collect(),
            "domain" => f.domains = list().map(String::from).collect(),
            "actor" => f.actors = list().map(String::from).collect(),
            "q" => f.search = values.to_string(),
            other => panic!("unknown key {other}"),
        }
    }
    f
}

// ---------------------------------------------------------------------------------------------
// Filters and search
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Facet counts
// ---------------------------------------------------------------------------------------------

fn counts(
    cats: &[(Category, usize)],
    levels: [usize; 4],
    domains: [usize; 5],
    actors: [usize; 3],
) -> FacetCounts {
    FacetCounts {
        categories: cats.to_vec(),
        levels: (1..=4).zip(levels).collect(),
        domains: ["arms", "cyber", "climate", "security", "unused"]
            .into_iter()
            .map(String::from)
            .zip(domains)
            .collect(),
        actors: ["us", "russia", "eu"]
            .into_iter()
            .map(String::from)
            .zip(actors)
            .collect(),
    }
}

fn check_counts(data: &DataSet, spec: &str, expected: FacetCounts) {
    let index = SearchIndex::new(data);
    assert_eq!(
        facet_counts(data, &index, &filters(spec)),
        expected,
        "facet counts for {spec:?}"
    );
}

#[test]
fn facet_counts_hand_computed() {
    let data = facet_data();
    // Categories are listed in Category::ALL order, only those in the vocabulary (no "unilateral").
    let cases: Vec<(&str, FacetCounts)> = vec![
        // Nothing chosen: plain counts per option; domains and actors count an item once per option.
        (
            "",
            counts(
                &[(LowHanging, 3), (HighHanging, 2), (Risk, 1)],
                [2, 1, 2, 1],
                [3, 2, 2, 1, 0],
                [3, 4, 1],
            ),
        ),
        // Own facet ignored: choosing low-hanging leaves the category counts as they were, while
        // the other facets count only low-hanging items.
        (
            "cat:low-hanging",
            counts(
                &[(LowHanging, 3), (HighHanging, 2), (Risk, 1)],
                [0, 0, 2, 1],
                [2, 0, 2, 0, 0],
                [2, 2, 0],
            ),
        ),
        // Items 1 and 3 fail only the category facet, item 2 only the actor facet, item 4 both.
        (
            "cat:low-hanging; actor:russia",
            counts(
                &[(LowHanging, 2), (HighHanging, 1), (Risk, 1)],
                [0, 0, 1, 1],
                [2, 0, 1, 0, 0],
                [2, 2, 0],
            ),
        ),
        // Several options in one facet: the facet's own counts are unchanged.
        (
            "level:1,2",
            counts(
                &[(LowHanging, 0), (HighHanging, 2), (Risk, 1)],
                [2, 1, 2, 1],
                [1, 2, 0, 1, 0],
                [1, 2, 1],
            ),
        ),
        // Search restricts every facet.
        (
            "q:russia",
            counts(
                &[(LowHanging, 1), (HighHanging, 1), (Risk, 0)],
                [1, 0, 0, 1],
                [1, 1, 0, 0, 0],
                [1, 1, 1],
            ),
        ),
        (
            "q:russia; actor:eu",
            counts(
                &[(LowHanging, 0), (HighHanging, 1), (Risk, 0)],
                [1, 0, 0, 0],
                [0, 1, 0, 0, 0],
                [1, 1, 1],
            ),
        ),
        // Nothing matches the search: every option is still listed, with zero.
        (
            "q:nothing-at-all",
            counts(
                &[(LowHanging, 0), (HighHanging, 0), (Risk, 0)],
                [0; 4],
                [0; 5],
                [0; 3],
            ),
        ),
    ];
    for (spec, expected) in cases {
        check_counts(&data, spec, expected);
    }
}

/// Facet counts agree with filtering by each option alone (with the other facets' choices).
#[test]
fn facet_counts_agree_with_filtering() {
    let data = synthetic(300);
    let index = SearchIndex::new(&data);
    for spec in [
        "",
        "cat:risk; q:treaty",
        "level:2,3; actor:eu; q:arms",
        "domain:cyber; cat:unilateral,risk",
    ] {
        let base = filters(spec);
        let c = facet_counts(&data, &index, &base);
        for (cat, n) in &c.categories {
            let f = Filters {
                categories: [*cat].into(),
                ..base.clone()
            };
            assert_eq!(filter_items(&data, &index, &f).len(), *n, "{spec}: {cat:?}");
        }
        for (level, n) in &c.levels {
            let f = Filters {
                levels: [*level].into(),
                ..base.clone()
            };
            assert_eq!(
                filter_items(&data, &index, &f).len(),
                *n,
                "{spec}: level {level}"
            );
        }
        for (d, n) in &c.domains {
            let f = Filters {
                domains: [d.clone()].into(),
                ..base.clone()
            };
            assert_eq!(
                filter_items(&data, &index, &f).len(),
                *n,
                "{spec}: domain {d}"
            );
        }
        for (a, n) in &c.actors {
            let f = Filters {
                actors: [a.clone()].into(),
                ..base.clone()
            };
            assert_eq!(
                filter_items(&data, &index, &f).len(),
                *n,
                "{spec}: actor {a}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Highlighting
// ---------------------------------------------------------------------------------------------

/// The highlighted pieces of `text` for `search`, and the ranges are well formed.
fn check_highlight(text: &str, search: &str, expected: &[&str]) {
    let terms = search_terms(search);
    let ranges = highlight_ranges(text, &terms);
    assert_well_formed(text, &ranges);
    let pieces = split_highlights(text, &ranges);
    assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text);
    let found: Vec<&str> = pieces.iter().filter(|p| p.1).map(|p| p.0).collect();
    assert_eq!(found, expected, "highlights of {search:?} in {text:?}");
}

fn assert_well_formed(text: &str, ranges: &[Range<usize>]) {
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

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

/// Rows as `(id, label, cells)`.
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

// ---------------------------------------------------------------------------------------------
// Passages
// ---------------------------------------------------------------------------------------------

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

fn mark(item: usize, range: Range<usize>) -> Mark {
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

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

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
}

// ---------------------------------------------------------------------------------------------
// Timing (run with: cargo test --release -p summit-core --test query -- --ignored --nocapture)
// ---------------------------------------------------------------------------------------------

#[test]
#[ignore = "timing, not a check"]
fn timing_10k_items() {
    use std::time::{Duration, Instant};
    let data = synthetic(10_000);
    let t = Instant::now();
    let base = SearchIndex::new(&data);
    let text: usize = (0..base.len()).map(|i| base.haystack(i).len()).sum();
    println!(
        "index: {:?} for {} items, {} KiB of folded text",
        t.elapsed(),
        base.len(),
        text / 1024
    );

    // One keystroke: filter, facet counts, and highlight the title and summary of every shown item.
    let keystroke = |index: &SearchIndex, f: &Filters| -> (usize, [Duration; 3]) {
        let t = Instant::now();
        let items = filter_items(&data, index, f);
        let tf = t.elapsed();
        let t = Instant::now();
        std::hint::black_box(facet_counts(&data, index, f));
        let tc = t.elapsed();
        let t = Instant::now();
        let terms = search_terms(&f.search);
        let mut n = 0;
        for &i in &items {
            n += highlight_ranges(&data.items[i].title, &terms).len();
            n += highlight_ranges(&data.items[i].summary, &terms).len();
        }
        std::hint::black_box(n);
        (items.len(), [tf, tc, t.elapsed()])
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;

    // Cold: a fresh index for every run, so nothing is remembered from an earlier search.
    for search in [
        "",
        "t",
        "treaty",
        "russia's",
        "naive detente",
        "geneva summit",
        "zzz",
        "Russia’s treaty arms",
    ] {
        for spec in ["", "cat:low-hanging,risk; actor:us"] {
            let f = Filters {
                search: search.into(),
                ..filters(spec)
            };
            let mut runs: Vec<(usize, [Duration; 3])> = (0..15)
                .map(|_| {
                    let index = base.clone();
                    keystroke(&index, &f)
                })
                .collect();
            runs.sort_by_key(|r| r.1.iter().sum::<Duration>());
            let (shown, [tf, tc, th]) = runs[runs.len() / 2];
            println!(
                "cold {search:>22?} {spec:>32?}: {shown:>5} items; filter {:.2} ms, counts {:.2} ms, highlight {:.2} ms, total {:.2} ms",
                ms(tf), ms(tc), ms(th), ms(tf + tc + th)
            );
        }
    }

    // Typing: one index, one keystroke at a time.
    for typed in ["geneva summit", "zzz", "russia’s treaty"] {
        let index = base.clone();
        let mut worst = Duration::ZERO;
        let mut total = Duration::ZERO;
        let mut search = String::new();
        for c in typed.chars() {
            search.push(c);
            let (_, times) = keystroke(
                &index,
                &Filters {
                    search: search.clone(),
                    ..Filters::default()
                },
            );
            let sum: Duration = times.iter().sum();
            worst = worst.max(sum);
            total += sum;
        }
        println!(
            "typing {typed:?}: mean {:.2} ms, worst {:.2} ms per keystroke",
            ms(total) / typed.chars().count() as f64,
            ms(worst)
        );
    }
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
