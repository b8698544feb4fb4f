//! Tests of `summit_core::validate`: the bundled data must be spotless, and each deliberately broken data set must
//! be reported at the right JSON path with the right words. Most cases are rows of tables run by `run_cases`; the
//! fixtures and helpers are here, the tests in one module a subject.

use proptest::prelude::*;
use serde_json::{json, Value};
use summit_core::model::{DataSet, Hindsight};
use summit_core::validate::{
    fold_whitespace, has_web_scheme, is_exact_excerpt, is_web_url, parse_and_validate,
    parse_and_validate_hindsight, parse_data_set, parse_hindsight, validate, validate_hindsight,
    validate_with_limits, Limits, Problem, Severity,
};

const BUNDLED: &str = include_str!("../../../data/potential-fruits.json");
const BUNDLED_HINDSIGHT: &str = include_str!("../../../data/hindsight.json");

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// A mutation of a valid data set, the path where the problem must be reported, a phrase of its message, its severity.
type Case = (
    &'static str,
    fn(&mut Value),
    &'static str,
    &'static str,
    Severity,
);

mod bundled;
mod hindsight;
mod never_panics;
mod parsing;
mod people;
mod problems;
mod quotations;
mod references;
mod texts;
mod values;

/// A small, valid data set that exercises every feature: a null heading, a no-break space inside a paragraph,
/// a rationale that is in an evidence paragraph but not in its quote, partial event dates and an end date.
fn fixture() -> Value {
    json!({
        "article": {
            "title": "Potential Fruits of the Summit",
            "author": "Ann Writer",
            "outlet": "The Example Review",
            "kind": "Analysis & Opinions",
            "published": "2021-06-04",
            "url": "https://example.org/publication/potential-fruits",
            "citation": "Writer, Ann. \"Potential Fruits of the Summit,\" The Example Review, June 4, 2021.",
            "sections": [
                {
                    "id": "introduction",
                    "heading": null,
                    "paragraphs": [
                        "The summit in Geneva on June 16 is a chance to pick some low-hanging fruit, and both leaders know it.",
                        "Returning  the ambassadors is relatively\u{a0}easy to attain and could be portrayed as a win by both sides."
                    ]
                },
                {
                    "id": "high-hanging-fruit",
                    "heading": "High-hanging Fruit",
                    "paragraphs": [
                        "Arms control talks are harder, and a new treaty will probably take years to negotiate.",
                        "A cyber attack on the eve of the summit could derail the talks altogether."
                    ]
                }
            ]
        },
        "feasibility_scale": [
            { "level": 4, "label": "Easy", "description": "The article calls the step easy." },
            { "level": 3, "label": "Within reach", "description": "Harder but attainable." },
            { "level": 2, "label": "Elusive", "description": "The article doubts progress." },
            { "level": 1, "label": "Out of reach", "description": "The article rules it out." }
        ],
        "vocabularies": {
            "categories": [
                { "id": "low-hanging", "label": "Low-hanging fruit", "description": "Easy wins." },
                { "id": "high-hanging", "label": "High-hanging fruit", "description": "Hard issues." },
                { "id": "risk", "label": "What could go wrong", "description": "Risks to the summit." }
            ],
            "domains": [
                { "id": "diplomacy", "label": "Diplomacy", "description": "Missions and envoys." },
                { "id": "arms-control", "label": "Arms control", "description": "Treaties and talks." },
                { "id": "cyber", "label": "Cyber", "description": "Attacks and rules of the road." }
            ],
            "actors": [
                { "id": "us", "label": "United States", "description": "Washington." },
                { "id": "russia", "label": "Russia", "description": "Moscow." }
            ]
        },
        "items": [
            {
                "id": "diplomatic-missions",
                "title": "Restore diplomatic missions",
                "summary": "The article calls the return of the ambassadors easy.",
                "category": "low-hanging",
                "feasibility": { "level": 4, "rationale": "is relatively easy to attain" },
                "domains": ["diplomacy"],
                "actors": ["us", "russia"],
                "people": [{ "name": "Joe Biden", "role": "U.S. president" }],
                "evidence": [
                    { "quote": "Returning the ambassadors is relatively easy to attain", "section": "introduction", "paragraph": 2 }
                ],
                "related": ["arms-control"]
            },
            {
                "id": "arms-control",
                "title": "Arms control talks",
                "summary": "The article expects the talks to take years.",
                "category": "high-hanging",
                "feasibility": { "level": 2, "rationale": "will probably take years to negotiate" },
                "domains": ["arms-control"],
                "actors": ["us", "russia"],
                "evidence": [
                    { "quote": "Arms control talks are harder", "section": "high-hanging-fruit", "paragraph": 1 }
                ],
                "related": ["diplomatic-missions"]
            },
            {
                "id": "cyber-attack",
                "title": "A cyber attack",
                "summary": "A cyber attack could derail the summit.",
                "category": "risk",
                "feasibility": { "level": 1, "rationale": "could derail the talks altogether" },
                "domains": ["cyber"],
                "actors": ["russia"],
                "evidence": [
                    {
                        "quote": "A cyber attack on the eve of the summit could derail the talks altogether.",
                        "section": "high-hanging-fruit",
                        "paragraph": 2
                    }
                ]
            }
        ],
        "events": [
            {
                "id": "geneva-summit",
                "date": "2021-06-16",
                "title": "The Geneva summit",
                "quote": "The summit in Geneva on June 16",
                "section": "introduction",
                "paragraph": 1,
                "items": ["diplomatic-missions", "arms-control"]
            },
            {
                "id": "treaty-talks",
                "date": "2021-07",
                "end_date": "2022-02",
                "title": "Treaty talks",
                "quote": "a new treaty will probably take years",
                "section": "high-hanging-fruit",
                "paragraph": 1,
                "items": ["arms-control"]
            }
        ]
    })
}

/// A small, valid hindsight file for [`fixture`].
fn fixture_hindsight() -> Value {
    json!({
        "article_url": "https://example.org/publication/potential-fruits",
        "entries": [
            {
                "id": "earlier-recall",
                "date": "2021-04",
                "text": "Both ambassadors had been recalled before the article.",
                "source": "https://example.org/news/recall",
                "items": ["diplomatic-missions"],
                "background": true
            },
            {
                "id": "ambassadors-return",
                "date": "2021-06-24",
                "text": "The ambassadors returned to their posts.",
                "source": "https://example.org/news/return",
                "items": ["diplomatic-missions"]
            },
            {
                "id": "strategic-dialogue",
                "date": "2021-07-28",
                "text": "A strategic stability dialogue began in Geneva.",
                "source": "HTTPS://example.org:443/news/dialogue?x=1#top",
                "items": ["arms-control"]
            }
        ],
        "outcomes": [
            {
                "item": "diplomatic-missions",
                "verdict": "borne-out",
                "reason": "The ambassadors were back within weeks (2021-06-24).",
                "entries": ["ambassadors-return", "earlier-recall"]
            },
            {
                "item": "arms-control",
                "verdict": "partly",
                "reason": "Talks began (2021-07-28) but brought no treaty.",
                "entries": ["strategic-dialogue"]
            }
        ]
    })
}

fn bundled_value() -> Value {
    serde_json::from_str(BUNDLED).expect("the bundled data set is JSON")
}

fn data_of(value: &Value) -> DataSet {
    parse_data_set(&value.to_string(), &Limits::default()).expect("the base data set parses")
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

/// Every problem that `parse_and_validate` reports for `json`; checks that `Ok` never carries an error.
fn problems_of(json: &str, limits: &Limits) -> Vec<Problem> {
    match parse_and_validate(json, limits) {
        Ok((_, warnings)) => {
            assert!(
                warnings.iter().all(|p| p.severity == W),
                "Ok carries an error:\n{}",
                list(&warnings)
            );
            warnings
        }
        Err(problems) => {
            assert!(
                problems.iter().any(Problem::is_error),
                "Err without an error:\n{}",
                list(&problems)
            );
            problems
        }
    }
}

/// `None` if `problems` holds one at `path` whose message contains `phrase`, with that severity; else a report.
fn missing(problems: &[Problem], path: &str, phrase: &str, severity: Severity) -> Option<String> {
    if problems
        .iter()
        .any(|p| p.path == path && p.message.contains(phrase) && p.severity == severity)
    {
        None
    } else {
        Some(format!(
            "expected {severity} at {path} containing {phrase:?}; got:\n{}",
            list(problems)
        ))
    }
}

/// Checks one mutation of `base`: the expected problem must be reported.
#[track_caller]
fn check(
    base: &Value,
    mutate: impl FnOnce(&mut Value),
    path: &str,
    phrase: &str,
    severity: Severity,
) {
    let mut value = base.clone();
    mutate(&mut value);
    let problems = problems_of(
        &serde_json::to_string_pretty(&value).unwrap(),
        &Limits::default(),
    );
    if let Some(report) = missing(&problems, path, phrase, severity) {
        panic!("{report}");
    }
}

/// Checks one raw input text.
#[track_caller]
fn check_text(json: &str, limits: &Limits, path: &str, phrase: &str) {
    let problems = problems_of(json, limits);
    if let Some(report) = missing(&problems, path, phrase, E) {
        panic!("{report}");
    }
}

/// Runs a table of data-set cases against `base`, reporting every failing row at once.
fn run_cases(base: &Value, cases: &[Case]) {
    let mut failures = Vec::new();
    for (name, mutate, path, phrase, severity) in cases {
        let mut value = base.clone();
        mutate(&mut value);
        let problems = problems_of(
            &serde_json::to_string_pretty(&value).unwrap(),
            &Limits::default(),
        );
        if let Some(report) = missing(&problems, path, phrase, *severity) {
            failures.push(format!("[{name}] {report}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Runs a table of hindsight cases: each mutates the hindsight of `data`.
fn run_hindsight_cases(data: &Value, hindsight: &Value, cases: &[Case]) {
    let data = data_of(data);
    let mut failures = Vec::new();
    for (name, mutate, path, phrase, severity) in cases {
        let mut value = hindsight.clone();
        mutate(&mut value);
        let problems =
            match parse_and_validate_hindsight(&value.to_string(), &data, &Limits::default()) {
                Ok((_, warnings)) => warnings,
                Err(problems) => problems,
            };
        if let Some(report) = missing(&problems, path, phrase, *severity) {
            failures.push(format!("[{name}] {report}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Changes one character in the middle of a string: a letter becomes the next letter.
fn change_one_char(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let at = (chars.len() / 2..chars.len())
        .chain(0..chars.len() / 2)
        .find(|&i| chars[i].is_ascii_lowercase())
        .expect("a lowercase letter");
    let mut out = chars.clone();
    out[at] = if chars[at] == 'z' {
        'a'
    } else {
        (chars[at] as u8 + 1) as char
    };
    out.into_iter().collect()
}
