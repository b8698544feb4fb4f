//! Tests of the query engine: search, filters, facet counts, sorting, highlighting, matrix binning
//! and navigation, and locating evidence in the article, one subject a module. Every data set here is built in the
//! test; the builders are here.

use std::ops::Range;

use proptest::prelude::*;
use summit_core::matrix::{bin, marks, neighbour, Direction, MarkPos, Matrix, MatrixRow};
use summit_core::model::{
    Article, Category, DataSet, Feasibility, FeasibilityLevel, Item, Person, Quotation, Section,
    Term, Vocabularies,
};
use summit_core::passages::{find_quote, locate, segments, Mark};
use summit_core::query::{
    facet_counts, filter_items, fold, highlight_ranges, marked_terms, search_terms, sort_items,
    split_highlights, FacetCounts, SearchIndex,
};
use summit_core::state::{Filters, MatrixRows, SortOrder};

mod facets;
mod filters;
mod highlight;
mod matrix;
mod passages;
mod properties;
mod timing;

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
            focus_event: None,
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
