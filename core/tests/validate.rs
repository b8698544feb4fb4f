//! Tests of `summit_core::validate`: the bundled data must be spotless, and each deliberately broken data set must
//! be reported at the right JSON path with the right words. Most cases are rows of tables run by `run_cases`.

use proptest::prelude::*;
use serde_json::{json, Value};
use summit_core::model::{DataSet, Hindsight};
use summit_core::validate::{
    fold_whitespace, is_exact_excerpt, is_web_url, parse_and_validate,
    parse_and_validate_hindsight, parse_data_set, parse_hindsight, validate, validate_hindsight,
    validate_with_limits, Limits, Problem, Severity,
};

const BUNDLED: &str = include_str!("../../data/potential-fruits.json");
const BUNDLED_HINDSIGHT: &str = include_str!("../../data/hindsight.json");

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

// ---------------------------------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------------
// The bundled data and the fixtures are clean
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn bundled_data_set_has_no_problems() {
    let (data, warnings) = parse_and_validate(BUNDLED, &Limits::default())
        .unwrap_or_else(|problems| panic!("the bundled data set is refused:\n{}", list(&problems)));
    assert!(
        warnings.is_empty(),
        "the bundled data set has warnings:\n{}",
        list(&warnings)
    );
    assert!(validate(&data).is_empty());
    assert!(!data.items.is_empty());
}

#[test]
fn bundled_hindsight_has_no_problems() {
    let data = parse_data_set(BUNDLED, &Limits::default()).expect("the bundled data set parses");
    let (hindsight, warnings) =
        parse_and_validate_hindsight(BUNDLED_HINDSIGHT, &data, &Limits::default()).unwrap_or_else(
            |problems| panic!("the bundled hindsight is refused:\n{}", list(&problems)),
        );
    assert!(
        warnings.is_empty(),
        "the bundled hindsight has warnings:\n{}",
        list(&warnings)
    );
    assert!(validate_hindsight(&hindsight, &data).is_empty());
}

#[test]
fn fixtures_have_no_problems() {
    let data = data_of(&fixture());
    assert_eq!(
        validate(&data),
        vec![],
        "fixture:\n{}",
        list(&validate(&data))
    );
    let hindsight: Hindsight =
        parse_hindsight(&fixture_hindsight().to_string(), &Limits::default()).unwrap();
    let problems = validate_hindsight(&hindsight, &data);
    assert!(
        problems.is_empty(),
        "fixture hindsight:\n{}",
        list(&problems)
    );
}

#[test]
fn bundled_data_round_trips_through_serde() {
    let data = parse_data_set(BUNDLED, &Limits::default()).unwrap();
    let again = parse_data_set(&serde_json::to_string(&data).unwrap(), &Limits::default()).unwrap();
    assert_eq!(data, again);
}

// ---------------------------------------------------------------------------------------------------------------------
// Parsing: limits, syntax and types
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn empty_input_is_refused() {
    let limits = Limits::default();
    for text in ["", " ", "\n\t\r\n  "] {
        check_text(text, &limits, "$", "the file is empty");
    }
    check_text("\u{feff}", &limits, "$", "the file is empty");
}

#[test]
fn truncated_json_gives_line_and_column() {
    let limits = Limits::default();
    let cut = &BUNDLED[..BUNDLED.len() / 2];
    let cut = &cut[..cut.char_indices().last().map_or(0, |(i, _)| i)];
    let problems = parse_data_set(cut, &limits).unwrap_err();
    assert_eq!(problems.len(), 1);
    let message = &problems[0].message;
    assert!(
        message.starts_with("the file is not valid JSON: EOF while parsing"),
        "{message}"
    );
    assert!(
        message.contains(" at line ") && message.contains(" column "),
        "{message}"
    );

    let fixture = serde_json::to_string_pretty(&fixture()).unwrap();
    check_text(
        &fixture[..fixture.len() - 3],
        &limits,
        "$.vocabularies",
        "EOF while parsing an object at line",
    );
    check_text(
        "{\n  \"article\": {\n",
        &limits,
        "$.article",
        "at line 3 column 0",
    );
}

#[test]
fn syntax_errors_give_line_and_column() {
    let limits = Limits::default();
    let text = "{\n  \"article\": {\n    \"title\": \"x\";\n";
    let problems = parse_data_set(text, &limits).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "$.article");
    assert_eq!(
        problems[0].message,
        "the file is not valid JSON: expected `,` or `}` at line 3 column 17"
    );
    check_text(
        &format!("{} x", fixture()),
        &limits,
        "$",
        "trailing characters",
    );
    check_text(
        "7",
        &limits,
        "$",
        "invalid type: integer `7`, expected struct DataSet",
    );
    check_text(
        "[1, 2]",
        &limits,
        "$[0]",
        "invalid type: integer `1`, expected struct Article",
    );
    check_text(
        "{'article': 1}",
        &limits,
        "$",
        "key must be a string at line 1 column 2",
    );
    check_text("nul", &limits, "$", "the file is not valid JSON");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", fixture());
    assert!(parse_and_validate(&text, &Limits::default()).is_ok());
}

#[test]
fn deep_nesting_is_refused_before_serde() {
    let limits = Limits::default();
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    check_text(
        &deep,
        &limits,
        "$",
        "more than 32 levels deep (at line 1 column 33)",
    );
    // Deeper than serde_json's own recursion limit, and unbalanced: still a clean refusal.
    let deeper = "{\"a\":".repeat(100_000);
    check_text(&deeper, &limits, "$", "more than 32 levels deep");
    // Brackets inside strings (with escaped quotes) do not count.
    let in_string = format!("{{\"article\": \"\\\"{}\"}}", "[{".repeat(100));
    check_text(&in_string, &limits, "$.article", "invalid type: string");
    // The limit is exact: depth 5 passes the scan with max_depth 5, depth 6 does not.
    let tight = Limits {
        max_depth: 5,
        ..Limits::default()
    };
    let depth5 = "[[[[[]]]]]";
    assert!(!parse_data_set(depth5, &tight).unwrap_err()[0]
        .message
        .contains("levels deep"));
    check_text("[[[[[[]]]]]]", &tight, "$", "more than 5 levels deep");
    // The bundled data set passes the default depth limit, and it reaches depth 5 (items, evidence).
    let shallow = Limits {
        max_depth: 4,
        ..Limits::default()
    };
    check_text(BUNDLED, &shallow, "$", "more than 4 levels deep");
}

#[test]
fn over_size_input_is_refused() {
    let limits = Limits::default();
    assert_eq!(limits.max_bytes, 16 * 1024 * 1024);
    let padding = " ".repeat(limits.max_bytes + 1 - BUNDLED.len());
    let big = format!("{BUNDLED}{padding}");
    assert_eq!(big.len(), limits.max_bytes + 1);
    check_text(
        &big,
        &limits,
        "$",
        "the file is 16777217 bytes (16.0 MiB), over the limit of 16777216 bytes",
    );
    // Exactly at the limit is fine.
    let at_limit = &big[..big.len() - 1];
    assert!(parse_and_validate(at_limit, &limits).is_ok());
    let small = Limits {
        max_bytes: 100,
        ..Limits::default()
    };
    check_text(BUNDLED, &small, "$", "over the limit of 100 bytes");
}

#[test]
fn type_errors_name_their_json_path() {
    let cases: &[Case] = &[
        (
            "string level",
            |v| v["items"][2]["feasibility"]["level"] = json!("x"),
            "$.items[2].feasibility.level",
            "invalid type: string \"x\", expected u8",
            E,
        ),
        (
            "level too big",
            |v| v["items"][0]["feasibility"]["level"] = json!(300),
            "$.items[0].feasibility.level",
            "expected u8",
            E,
        ),
        (
            "negative paragraph",
            |v| v["items"][0]["evidence"][0]["paragraph"] = json!(-1),
            "$.items[0].evidence[0].paragraph",
            "invalid value: integer `-1`, expected usize",
            E,
        ),
        (
            "article is a number",
            |v| v["article"] = json!(7),
            "$.article",
            "invalid type: integer `7`, expected struct Article",
            E,
        ),
        (
            "null title",
            |v| v["items"][1]["title"] = json!(null),
            "$.items[1].title",
            "invalid type: null, expected a string",
            E,
        ),
        (
            "unknown category",
            |v| v["items"][0]["category"] = json!("fruit"),
            "$.items[0].category",
            "unknown variant `fruit`",
            E,
        ),
        (
            "missing field",
            |v| {
                v["items"][0].as_object_mut().unwrap().remove("title");
            },
            "$.items[0]",
            "missing field `title`",
            E,
        ),
        (
            "unknown field",
            |v| v["items"][0]["colour"] = json!("red"),
            "$.items[0].colour",
            "unknown field `colour`",
            E,
        ),
        (
            "domains not a list",
            |v| v["items"][0]["domains"] = json!("diplomacy"),
            "$.items[0].domains",
            "invalid type: string",
            E,
        ),
        (
            "odd key in a map",
            |v| v["vocabularies"]["odd key"] = json!(1),
            "$.vocabularies[\"odd key\"]",
            "unknown field `odd key`",
            E,
        ),
        (
            "heading a number",
            |v| v["article"]["sections"][1]["heading"] = json!(7),
            "$.article.sections[1].heading",
            "invalid type: integer `7`, expected a string",
            E,
        ),
    ];
    run_cases(&fixture(), cases);
}

#[test]
fn huge_serde_messages_are_clipped() {
    let mut v = fixture();
    v["items"][0]["feasibility"]["level"] = json!("x".repeat(5000));
    let problems = parse_data_set(&v.to_string(), &Limits::default()).unwrap_err();
    assert!(
        problems[0].message.chars().count() <= 300,
        "{}",
        problems[0].message.len()
    );
    assert!(problems[0].message.contains("expected u8"));
    assert!(
        problems[0].message.contains(" column "),
        "the position survives: {}",
        problems[0].message
    );
}

// ---------------------------------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn empty_and_blank_texts() {
    let cases: &[Case] = &[
        (
            "title",
            |v| v["article"]["title"] = json!(""),
            "$.article.title",
            "the title is empty",
            E,
        ),
        (
            "blank title",
            |v| v["article"]["title"] = json!(" \u{a0} "),
            "$.article.title",
            "is only white space",
            E,
        ),
        (
            "author",
            |v| v["article"]["author"] = json!(""),
            "$.article.author",
            "the author is empty",
            E,
        ),
        (
            "outlet",
            |v| v["article"]["outlet"] = json!("  "),
            "$.article.outlet",
            "only white space",
            E,
        ),
        (
            "kind",
            |v| v["article"]["kind"] = json!(""),
            "$.article.kind",
            "the kind is empty",
            E,
        ),
        (
            "citation",
            |v| v["article"]["citation"] = json!(""),
            "$.article.citation",
            "the citation is empty",
            E,
        ),
        (
            "heading",
            |v| v["article"]["sections"][1]["heading"] = json!(""),
            "$.article.sections[1].heading",
            "is empty",
            E,
        ),
        (
            "paragraph",
            |v| v["article"]["sections"][1]["paragraphs"][1] = json!("   "),
            "$.article.sections[1].paragraphs[1]",
            "the paragraph is only white space",
            E,
        ),
        (
            "no paragraphs",
            |v| v["article"]["sections"][1]["paragraphs"] = json!([]),
            "$.article.sections[1].paragraphs",
            "section \"high-hanging-fruit\" has no paragraphs",
            E,
        ),
        (
            "no sections",
            |v| v["article"]["sections"] = json!([]),
            "$.article.sections",
            "the article has no sections",
            E,
        ),
        (
            "scale label",
            |v| v["feasibility_scale"][2]["label"] = json!(""),
            "$.feasibility_scale[2].label",
            "the label is empty",
            E,
        ),
        (
            "scale description",
            |v| v["feasibility_scale"][0]["description"] = json!(" "),
            "$.feasibility_scale[0].description",
            "only white space",
            E,
        ),
        (
            "term label",
            |v| v["vocabularies"]["domains"][1]["label"] = json!(""),
            "$.vocabularies.domains[1].label",
            "is empty",
            E,
        ),
        (
            "term description",
            |v| v["vocabularies"]["actors"][0]["description"] = json!(""),
            "$.vocabularies.actors[0].description",
            "the description is empty",
            E,
        ),
        (
            "empty actors vocabulary",
            |v| v["vocabularies"]["actors"] = json!([]),
            "$.vocabularies.actors",
            "vocabulary is empty",
            E,
        ),
        (
            "item title",
            |v| v["items"][1]["title"] = json!(""),
            "$.items[1].title",
            "the title is empty",
            E,
        ),
        (
            "item summary",
            |v| v["items"][1]["summary"] = json!(" "),
            "$.items[1].summary",
            "the summary is only white space",
            E,
        ),
        (
            "rationale",
            |v| v["items"][0]["feasibility"]["rationale"] = json!(" "),
            "$.items[0].feasibility.rationale",
            "the rationale is only white space",
            E,
        ),
        (
            "person name",
            |v| v["items"][0]["people"][0]["name"] = json!(""),
            "$.items[0].people[0].name",
            "the name is empty",
            E,
        ),
        (
            "person role",
            |v| v["items"][0]["people"][0]["role"] = json!(""),
            "$.items[0].people[0].role",
            "the role is empty",
            E,
        ),
        (
            "quote",
            |v| v["items"][2]["evidence"][0]["quote"] = json!(""),
            "$.items[2].evidence[0].quote",
            "the quote is empty",
            E,
        ),
        (
            "event title",
            |v| v["events"][0]["title"] = json!(""),
            "$.events[0].title",
            "the title is empty",
            E,
        ),
        (
            "event quote",
            |v| v["events"][1]["quote"] = json!("\u{2003}"),
            "$.events[1].quote",
            "only white space",
            E,
        ),
    ];
    run_cases(&fixture(), cases);
}

#[test]
fn long_texts_control_and_bidi_characters() {
    let cases: &[Case] = &[
        (
            "long summary",
            |v| v["items"][0]["summary"] = json!("a".repeat(20_001)),
            "$.items[0].summary",
            "the summary is 20001 characters long, over the limit of 20000 characters",
            E,
        ),
        (
            "long paragraph",
            |v| v["article"]["sections"][0]["paragraphs"][0] = json!("é".repeat(20_001)),
            "$.article.sections[0].paragraphs[0]",
            "20001 characters long",
            E,
        ),
        (
            "bell in title",
            |v| v["items"][0]["title"] = json!("Fruit\u{7}"),
            "$.items[0].title",
            "control character U+0007 at character 6",
            E,
        ),
        (
            "newline in summary",
            |v| v["items"][1]["summary"] = json!("Two\nlines."),
            "$.items[1].summary",
            "control character U+000A",
            E,
        ),
        (
            "NUL in citation",
            |v| v["article"]["citation"] = json!("a\u{0}b"),
            "$.article.citation",
            "control character U+0000",
            E,
        ),
        (
            "C1 control",
            |v| v["article"]["author"] = json!("Ann\u{85}Writer"),
            "$.article.author",
            "control character U+0085",
            E,
        ),
        (
            "RLO in article title",
            |v| v["article"]["title"] = json!("Potential \u{202E}stiurF"),
            "$.article.title",
            "bidirectional formatting character U+202E (RIGHT-TO-LEFT OVERRIDE) at character 11",
            E,
        ),
        (
            "LRE in item title",
            |v| v["items"][2]["title"] = json!("\u{202A}A cyber attack"),
            "$.items[2].title",
            "U+202A (LEFT-TO-RIGHT EMBEDDING)",
            E,
        ),
        (
            "LRI in label",
            |v| v["vocabularies"]["domains"][0]["label"] = json!("Dip\u{2066}lomacy"),
            "$.vocabularies.domains[0].label",
            "U+2066 (LEFT-TO-RIGHT ISOLATE)",
            E,
        ),
        (
            "PDI in heading",
            |v| v["article"]["sections"][1]["heading"] = json!("High\u{2069}"),
            "$.article.sections[1].heading",
            "U+2069 (POP DIRECTIONAL ISOLATE)",
            E,
        ),
        (
            "LRM in paragraph",
            |v| v["article"]["sections"][1]["paragraphs"][0] = json!("Arms\u{200E} control"),
            "$.article.sections[1].paragraphs[0]",
            "U+200E (LEFT-TO-RIGHT MARK)",
            E,
        ),
        (
            "RLM in role",
            |v| v["items"][0]["people"][0]["role"] = json!("\u{200F}x"),
            "$.items[0].people[0].role",
            "U+200F",
            E,
        ),
        (
            "PDF in summary",
            |v| v["items"][0]["summary"] = json!("x\u{202C}"),
            "$.items[0].summary",
            "U+202C",
            E,
        ),
        (
            "bidi in quote",
            |v| v["events"][0]["quote"] = json!("The \u{202D}summit"),
            "$.events[0].quote",
            "U+202D",
            E,
        ),
    ];
    run_cases(&fixture(), cases);

    // A custom string limit applies through `validate_with_limits`.
    let data = data_of(&fixture());
    let tight = Limits {
        max_string_chars: 20,
        ..Limits::default()
    };
    let problems = validate_with_limits(&data, &tight);
    assert!(
        missing(
            &problems,
            "$.article.title",
            "30 characters long, over the limit of 20",
            E
        )
        .is_none(),
        "{}",
        list(&problems)
    );
}

#[test]
fn messages_show_values_escaped_and_truncated() {
    let mut v = fixture();
    v["items"][1]["id"] = json!("X".repeat(500));
    let problems = problems_of(&v.to_string(), &Limits::default());
    let p = problems
        .iter()
        .find(|p| p.path == "$.items[1].id")
        .expect("the id is reported");
    assert!(p.message.chars().count() < 200, "{}", p.message);
    assert!(p.message.contains("XXX…\""), "{}", p.message);

    let mut v = fixture();
    v["items"][0]["title"] = json!("a\u{202E}b");
    let problems = problems_of(&v.to_string(), &Limits::default());
    // The message names the value, but escaped: it never carries the override itself.
    assert!(
        problems.iter().all(|p| !p.message.contains('\u{202E}')),
        "{}",
        list(&problems)
    );
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("\"a\\u{202e}b\"")),
        "{}",
        list(&problems)
    );
}

// ---------------------------------------------------------------------------------------------------------------------
// Ids and references
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn ids_are_unique_slugs() {
    let cases: &[Case] = &[
        (
            "spaces and capitals",
            |v| v["items"][0]["id"] = json!("Diplomatic Missions"),
            "$.items[0].id",
            "is not a slug",
            E,
        ),
        (
            "empty item id",
            |v| v["items"][2]["id"] = json!(""),
            "$.items[2].id",
            "item id is empty",
            E,
        ),
        (
            "double hyphen",
            |v| v["events"][0]["id"] = json!("geneva--summit"),
            "$.events[0].id",
            "is not a slug",
            E,
        ),
        (
            "leading hyphen",
            |v| v["article"]["sections"][0]["id"] = json!("-intro"),
            "$.article.sections[0].id",
            "is not a slug",
            E,
        ),
        (
            "trailing hyphen",
            |v| v["vocabularies"]["actors"][0]["id"] = json!("us-"),
            "$.vocabularies.actors[0].id",
            "is not a slug",
            E,
        ),
        (
            "non-ASCII",
            |v| v["vocabularies"]["domains"][0]["id"] = json!("diplomatíe"),
            "$.vocabularies.domains[0].id",
            "is not a slug",
            E,
        ),
        (
            "underscore",
            |v| v["items"][2]["id"] = json!("cyber_attack"),
            "$.items[2].id",
            "is not a slug",
            E,
        ),
        (
            "duplicate item",
            |v| v["items"][2]["id"] = json!("diplomatic-missions"),
            "$.items[2].id",
            "duplicate item id \"diplomatic-missions\" (first at $.items[0].id)",
            E,
        ),
        (
            "duplicate event",
            |v| v["events"][1]["id"] = json!("geneva-summit"),
            "$.events[1].id",
            "duplicate event id \"geneva-summit\" (first at $.events[0].id)",
            E,
        ),
        (
            "duplicate section",
            |v| v["article"]["sections"][1]["id"] = json!("introduction"),
            "$.article.sections[1].id",
            "duplicate section id \"introduction\" (first at $.article.sections[0].id)",
            E,
        ),
        (
            "duplicate domain",
            |v| v["vocabularies"]["domains"][2]["id"] = json!("diplomacy"),
            "$.vocabularies.domains[2].id",
            "duplicate domain id \"diplomacy\" (first at $.vocabularies.domains[0].id)",
            E,
        ),
        (
            "duplicate actor",
            |v| v["vocabularies"]["actors"][1]["id"] = json!("us"),
            "$.vocabularies.actors[1].id",
            "duplicate actor id \"us\"",
            E,
        ),
        (
            "duplicate category",
            |v| v["vocabularies"]["categories"][2]["id"] = json!("low-hanging"),
            "$.vocabularies.categories[2].id",
            "duplicate category id \"low-hanging\"",
            E,
        ),
        (
            "duplicate level",
            |v| v["feasibility_scale"][3]["level"] = json!(2),
            "$.feasibility_scale[3].level",
            "duplicate feasibility level 2 (first at $.feasibility_scale[2].level)",
            E,
        ),
    ];
    run_cases(&fixture(), cases);
}

#[test]
fn dangling_references() {
    let cases: &[Case] = &[
        (
            "unknown domain",
            |v| v["items"][0]["domains"] = json!(["economy"]),
            "$.items[0].domains[0]",
            "unknown domain \"economy\" (not in $.vocabularies.domains)",
            E,
        ),
        (
            "unknown actor",
            |v| v["items"][1]["actors"][1] = json!("china"),
            "$.items[1].actors[1]",
            "unknown actor \"china\" (not in $.vocabularies.actors)",
            E,
        ),
        (
            "domain twice",
            |v| v["items"][0]["domains"] = json!(["diplomacy", "diplomacy"]),
            "$.items[0].domains[1]",
            "listed twice",
            E,
        ),
        (
            "unknown related",
            |v| v["items"][0]["related"] = json!(["grand-deal"]),
            "$.items[0].related[0]",
            "unknown related item \"grand-deal\"",
            E,
        ),
        (
            "related to itself",
            |v| v["items"][2]["related"] = json!(["cyber-attack"]),
            "$.items[2].related[0]",
            "item \"cyber-attack\" lists itself as related",
            E,
        ),
        (
            "related twice",
            |v| v["items"][1]["related"] = json!(["diplomatic-missions", "diplomatic-missions"]),
            "$.items[1].related[1]",
            "listed twice",
            E,
        ),
        (
            "unknown event item",
            |v| v["events"][0]["items"][1] = json!("arms"),
            "$.events[0].items[1]",
            "unknown item \"arms\" (not in $.items)",
            E,
        ),
        (
            "unknown quotation section",
            |v| v["items"][0]["evidence"][0]["section"] = json!("intro"),
            "$.items[0].evidence[0].section",
            "unknown section \"intro\" (the quote is in paragraph 2 of section \"introduction\")",
            E,
        ),
        (
            "paragraph zero",
            |v| v["items"][0]["evidence"][0]["paragraph"] = json!(0),
            "$.items[0].evidence[0].paragraph",
            "paragraph 0 does not exist: paragraphs are counted from 1",
            E,
        ),
        (
            "paragraph beyond the section",
            |v| v["items"][1]["evidence"][0]["paragraph"] = json!(3),
            "$.items[1].evidence[0].paragraph",
            "section \"high-hanging-fruit\" has 2 paragraphs; there is no paragraph 3",
            E,
        ),
        (
            "unknown event section",
            |v| v["events"][1]["section"] = json!("risks"),
            "$.events[1].section",
            "unknown section \"risks\"",
            E,
        ),
        (
            "event paragraph zero",
            |v| v["events"][0]["paragraph"] = json!(0),
            "$.events[0].paragraph",
            "paragraph 0 does not exist",
            E,
        ),
        (
            "event paragraph beyond",
            |v| v["events"][0]["paragraph"] = json!(7),
            "$.events[0].paragraph",
            "there is no paragraph 7",
            E,
        ),
    ];
    run_cases(&fixture(), cases);
}

#[test]
fn categories_and_feasibility() {
    let cases: &[Case] = &[
        (
            "category not in the vocabulary",
            |v| v["items"][2]["category"] = json!("unilateral"),
            "$.items[2].category",
            "category \"unilateral\" is not in $.vocabularies.categories",
            E,
        ),
        (
            "unknown vocabulary category",
            |v| v["vocabularies"]["categories"][2]["id"] = json!("wild-fruit"),
            "$.vocabularies.categories[2].id",
            "unknown category id \"wild-fruit\"; the categories are low-hanging, high-hanging, unilateral, risk",
            E,
        ),
        (
            "three levels",
            |v| {
                v["feasibility_scale"].as_array_mut().unwrap().remove(1);
            },
            "$.feasibility_scale",
            "the feasibility scale has 3 levels; it needs at least 4",
            E,
        ),
        ("no levels", |v| v["feasibility_scale"] = json!([]), "$.feasibility_scale", "has 0 levels", E),
        (
            "level off the scale",
            |v| v["items"][0]["feasibility"]["level"] = json!(9),
            "$.items[0].feasibility.level",
            "level 9 is not on the feasibility scale (levels: 4, 3, 2, 1)",
            E,
        ),
        ("level zero", |v| v["items"][1]["feasibility"]["level"] = json!(0), "$.items[1].feasibility.level", "level 0 is not on", E),
    ];
    run_cases(&fixture(), cases);
}

#[test]
fn items_need_evidence_domains_actors() {
    let cases: &[Case] = &[
        ("no evidence", |v| v["items"][0]["evidence"] = json!([]), "$.items[0].evidence", "item \"diplomatic-missions\" has no evidence quote", E),
        ("no domain", |v| v["items"][1]["domains"] = json!([]), "$.items[1].domains", "item \"arms-control\" has no domain", E),
        ("no actor", |v| v["items"][2]["actors"] = json!([]), "$.items[2].actors", "item \"cyber-attack\" has no actor", E),
        ("no items", |v| v["items"] = json!([]), "$.items", "the data set has no items", E),
        (
            "related not symmetric",
            |v| v["items"][1]["related"] = json!([]),
            "$.items[0].related[0]",
            "item \"diplomatic-missions\" lists \"arms-control\" as related, but \"arms-control\" does not list \"diplomatic-missions\" back",
            W,
        ),
    ];
    run_cases(&fixture(), cases);
}

// ---------------------------------------------------------------------------------------------------------------------
// Quotations
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn quotations_are_exact_excerpts() {
    let cases: &[Case] = &[
        (
            "one changed character",
            |v| v["items"][2]["evidence"][0]["quote"] = json!("A cyber attack on the eve of the summit could derail the talka altogether."),
            "$.items[2].evidence[0].quote",
            "is not an exact excerpt of paragraph 2 of section \"high-hanging-fruit\": the words up to \"… eve of the summit could derail the talk\" occur there, but not followed by \"a altogether.\"",
            E,
        ),
        (
            "case differs",
            |v| v["items"][1]["evidence"][0]["quote"] = json!("Arms Control talks are harder"),
            "$.items[1].evidence[0].quote",
            "the words up to \"Arms \" occur there, but not followed by \"Control talks are harder\"",
            E,
        ),
        (
            "nothing in common",
            |v| v["items"][1]["evidence"][0]["quote"] = json!("Zwölf"),
            "$.items[1].evidence[0].quote",
            "not even its opening \"Zwölf\" occurs there",
            E,
        ),
        (
            "punctuation differs",
            |v| v["items"][2]["evidence"][0]["quote"] = json!("could derail the talks altogether!"),
            "$.items[2].evidence[0].quote",
            "is not an exact excerpt",
            E,
        ),
        (
            "typographic apostrophe differs",
            |v| {
                v["article"]["sections"][0]["paragraphs"][0] = json!("It’s a chance. The summit in Geneva on June 16 is a chance.");
                v["events"][0]["quote"] = json!("It's a chance.");
            },
            "$.events[0].quote",
            "is not an exact excerpt",
            E,
        ),
        (
            "a corrected typo is not the article's text",
            |v| {
                v["article"]["sections"][1]["paragraphs"][0] =
                    json!("Arms control talks are harder, and a new traety will probably take years to negotiate.");
                v["events"][1]["quote"] = json!("a new treaty will probably");
            },
            "$.events[1].quote",
            "is not an exact excerpt",
            E,
        ),
        (
            "wrong paragraph",
            |v| v["items"][0]["evidence"][0]["paragraph"] = json!(1),
            "$.items[0].evidence[0].paragraph",
            "cites paragraph 1 of section \"introduction\" but is in paragraph 2",
            E,
        ),
        (
            "wrong section",
            |v| v["items"][1]["evidence"][0]["section"] = json!("introduction"),
            "$.items[1].evidence[0].section",
            "cites paragraph 1 of section \"introduction\" but is in paragraph 1 of section \"high-hanging-fruit\"",
            E,
        ),
        (
            "event quote changed",
            |v| v["events"][0]["quote"] = json!("The summit in Geneva on June 17"),
            "$.events[0].quote",
            "is not an exact excerpt of paragraph 1 of section \"introduction\"",
            E,
        ),
        (
            "event wrong paragraph",
            |v| v["events"][1]["paragraph"] = json!(2),
            "$.events[1].paragraph",
            "but is in paragraph 1",
            E,
        ),
        (
            "rationale not in the article",
            |v| v["items"][0]["feasibility"]["rationale"] = json!("is relatively easy to obtain"),
            "$.items[0].feasibility.rationale",
            "is not an exact excerpt of any paragraph of the article; closest is paragraph 2 of section \"introduction\"",
            E,
        ),
        (
            "rationale outside the item's evidence",
            |v| v["items"][0]["feasibility"]["rationale"] = json!("could derail the talks altogether"),
            "$.items[0].feasibility.rationale",
            "is in paragraph 2 of section \"high-hanging-fruit\", which none of the item's evidence quotes cites",
            W,
        ),
    ];
    run_cases(&fixture(), cases);
}

#[test]
fn white_space_may_differ_in_quotations() {
    let mut v = fixture();
    // The paragraph has a double space and a no-break space; the quote has line-free runs of other spaces.
    v["items"][0]["evidence"][0]["quote"] =
        json!("  Returning the\u{2009}ambassadors \u{a0} is relatively easy ");
    v["items"][0]["feasibility"]["rationale"] = json!("is relatively\u{a0}\u{a0}easy to attain");
    let (_, warnings) = parse_and_validate(&v.to_string(), &Limits::default())
        .unwrap_or_else(|p| panic!("{}", list(&p)));
    assert!(warnings.is_empty(), "{}", list(&warnings));
}

#[test]
fn rationale_in_an_evidence_paragraph_is_enough() {
    // The fixture's second item: its rationale is in the paragraph its evidence cites, not in the quote itself.
    let data = data_of(&fixture());
    assert!(!fold_whitespace(&data.items[1].evidence[0].quote)
        .contains(&data.items[1].feasibility.rationale));
    assert!(validate(&data).is_empty());
}

// ---------------------------------------------------------------------------------------------------------------------
// Dates and addresses
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn dates() {
    let cases: &[Case] = &[
        ("June 31", |v| v["article"]["published"] = json!("2021-06-31"), "$.article.published", "is not a calendar date: 2021-06 has 30 days", E),
        ("February 29 of 2021", |v| v["article"]["published"] = json!("2021-02-29"), "$.article.published", "2021-02 has 28 days", E),
        ("1900 is no leap year", |v| v["article"]["published"] = json!("1900-02-29"), "$.article.published", "1900-02 has 28 days", E),
        ("partial publication date", |v| v["article"]["published"] = json!("2021-06"), "$.article.published", "must be a full date, YYYY-MM-DD", E),
        ("prose date", |v| v["article"]["published"] = json!("June 4, 2021"), "$.article.published", "is not an ISO date", E),
        ("date with time", |v| v["article"]["published"] = json!("2021-06-04T10:00"), "$.article.published", "is not an ISO date", E),
        ("month 13", |v| v["events"][0]["date"] = json!("2021-13"), "$.events[0].date", "has no month 13", E),
        ("day zero", |v| v["events"][0]["date"] = json!("2021-06-00"), "$.events[0].date", "is not a calendar date", E),
        ("one-digit month", |v| v["events"][0]["date"] = json!("2021-6"), "$.events[0].date", "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", E),
        ("empty date", |v| v["events"][1]["date"] = json!(""), "$.events[1].date", "is not an ISO date", E),
        ("bad end date", |v| v["events"][1]["end_date"] = json!("2022-02-30"), "$.events[1].end_date", "the end date \"2022-02-30\" is not a calendar date", E),
        (
            "end before start",
            |v| v["events"][1]["end_date"] = json!("2021-06-30"),
            "$.events[1].end_date",
            "the end date 2021-06-30 is before the date 2021-07",
            E,
        ),
        (
            "out of order",
            |v| v["events"][1]["date"] = json!("2021-05"),
            "$.events[1].date",
            "event \"treaty-talks\" (2021-05) comes after event \"geneva-summit\" (2021-06-16) but is dated earlier",
            W,
        ),
    ];
    run_cases(&fixture(), cases);

    // Valid partial and leap dates pass, and overlapping partial dates are not out of order.
    let mut v = fixture();
    v["article"]["published"] = json!("2020-02-29");
    v["events"][1]["date"] = json!("2021");
    v["events"][1]["end_date"] = json!("2021");
    let problems = problems_of(&v.to_string(), &Limits::default());
    assert!(problems.is_empty(), "{}", list(&problems));
}

#[test]
fn article_url_must_be_a_web_address() {
    let cases: &[Case] = &[
        (
            "javascript",
            |v| v["article"]["url"] = json!("javascript:alert(1)"),
            "$.article.url",
            "is not a web address (http:// or https://)",
            E,
        ),
        (
            "data",
            |v| v["article"]["url"] = json!("data:text/html,<b>x</b>"),
            "$.article.url",
            "does not start with http:// or https://",
            E,
        ),
        (
            "file",
            |v| v["article"]["url"] = json!("file:///etc/passwd"),
            "$.article.url",
            "is not a web address",
            E,
        ),
        (
            "relative",
            |v| v["article"]["url"] = json!("/publication/potential-fruits"),
            "$.article.url",
            "is not a web address",
            E,
        ),
        (
            "no host",
            |v| v["article"]["url"] = json!("https:///path"),
            "$.article.url",
            "has no host",
            E,
        ),
        (
            "space",
            |v| v["article"]["url"] = json!("https://example.org/a b"),
            "$.article.url",
            "contains white space",
            E,
        ),
        (
            "empty",
            |v| v["article"]["url"] = json!(""),
            "$.article.url",
            "it is empty",
            E,
        ),
    ];
    run_cases(&fixture(), cases);
}

// ---------------------------------------------------------------------------------------------------------------------
// The same checks on the bundled data set
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn mutations_of_the_bundled_data_set() {
    let base = bundled_value();
    check(
        &base,
        |v| v["article"]["url"] = json!("javascript:alert(document.cookie)"),
        "$.article.url",
        "is not a web address",
        E,
    );
    check(
        &base,
        |v| {
            v["items"][0]["title"] = json!(format!(
                "\u{202E}{}",
                v["items"][0]["title"].as_str().unwrap()
            ))
        },
        "$.items[0].title",
        "U+202E (RIGHT-TO-LEFT OVERRIDE)",
        E,
    );
    check(
        &base,
        |v| {
            let quote = v["items"][0]["evidence"][0]["quote"]
                .as_str()
                .unwrap()
                .to_owned();
            v["items"][0]["evidence"][0]["quote"] = json!(change_one_char(&quote));
        },
        "$.items[0].evidence[0].quote",
        "is not an exact excerpt of paragraph",
        E,
    );
    // A quote that cites a neighbouring paragraph of its section.
    let mut v = base.clone();
    let cited = v["items"][0]["evidence"][0]["paragraph"].as_u64().unwrap();
    let other = if cited == 1 { 2 } else { cited - 1 };
    v["items"][0]["evidence"][0]["paragraph"] = json!(other);
    let problems = problems_of(&v.to_string(), &Limits::default());
    let phrase = format!("cites paragraph {other} of section");
    assert!(
        missing(&problems, "$.items[0].evidence[0].paragraph", &phrase, E).is_none(),
        "{}",
        list(&problems)
    );

    let first_id = base["items"][0]["id"].as_str().unwrap().to_owned();
    let mut v = base.clone();
    v["items"][1]["id"] = json!(first_id);
    let problems = problems_of(&v.to_string(), &Limits::default());
    assert!(
        missing(
            &problems,
            "$.items[1].id",
            &format!("duplicate item id \"{first_id}\" (first at $.items[0].id)"),
            E
        )
        .is_none(),
        "{}",
        list(&problems)
    );
    check(
        &base,
        |v| v["items"][3]["feasibility"]["level"] = json!("x"),
        "$.items[3].feasibility.level",
        "expected u8",
        E,
    );
    check(
        &base,
        |v| v["events"][0]["date"] = json!("2021-02-29"),
        "$.events[0].date",
        "is not a calendar date",
        E,
    );
}

// ---------------------------------------------------------------------------------------------------------------------
// Hindsight
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn hindsight_checks() {
    let cases: &[Case] = &[
        (
            "other article",
            |h| h["article_url"] = json!("https://example.org/other"),
            "$.article_url",
            "is not the data set's $.article.url \"https://example.org/publication/potential-fruits\"",
            E,
        ),
        ("article url not web", |h| h["article_url"] = json!("javascript:x"), "$.article_url", "is not a web address", E),
        ("bad entry id", |h| h["entries"][0]["id"] = json!("Earlier Recall"), "$.entries[0].id", "is not a slug", E),
        (
            "duplicate entry",
            |h| h["entries"][2]["id"] = json!("ambassadors-return"),
            "$.entries[2].id",
            "duplicate entry id \"ambassadors-return\" (first at $.entries[1].id)",
            E,
        ),
        ("invalid date", |h| h["entries"][1]["date"] = json!("2021-02-30"), "$.entries[1].date", "is not a calendar date", E),
        ("no date", |h| h["entries"][1]["date"] = json!("soon"), "$.entries[1].date", "is not an ISO date", E),
        (
            "entry on the publication day",
            |h| h["entries"][1]["date"] = json!("2021-06-04"),
            "$.entries[1].date",
            "entry \"ambassadors-return\" is dated 2021-06-04, which is not wholly after the article (published 2021-06-04)",
            E,
        ),
        ("month of publication", |h| h["entries"][1]["date"] = json!("2021-06"), "$.entries[1].date", "not wholly after the article", E),
        ("year of publication", |h| h["entries"][1]["date"] = json!("2021"), "$.entries[1].date", "not wholly after the article", E),
        (
            "background after the article",
            |h| h["entries"][0]["date"] = json!("2021-07"),
            "$.entries[0].date",
            "background entry \"earlier-recall\" is dated 2021-07, after the article",
            E,
        ),
        ("empty text", |h| h["entries"][0]["text"] = json!(""), "$.entries[0].text", "the text is empty", E),
        ("bidi text", |h| h["entries"][0]["text"] = json!("x\u{2067}y"), "$.entries[0].text", "U+2067 (RIGHT-TO-LEFT ISOLATE)", E),
        ("javascript source", |h| h["entries"][1]["source"] = json!("javascript:void(0)"), "$.entries[1].source", "is not a web address", E),
        ("relative source", |h| h["entries"][1]["source"] = json!("news/return"), "$.entries[1].source", "is not a web address", E),
        ("no items", |h| h["entries"][1]["items"] = json!([]), "$.entries[1].items", "bears on no item", E),
        ("unknown item", |h| h["entries"][1]["items"] = json!(["nothing"]), "$.entries[1].items[0]", "unknown item \"nothing\"", E),
        ("outcome unknown item", |h| h["outcomes"][1]["item"] = json!("nothing"), "$.outcomes[1].item", "unknown item \"nothing\"", E),
        (
            "two outcomes for one item",
            |h| h["outcomes"][1]["item"] = json!("diplomatic-missions"),
            "$.outcomes[1].item",
            "a second outcome for item \"diplomatic-missions\" (first at $.outcomes[0].item)",
            E,
        ),
        ("no entries", |h| h["outcomes"][1]["entries"] = json!([]), "$.outcomes[1].entries", "rests on no entry", E),
        ("unknown entry", |h| h["outcomes"][1]["entries"][0] = json!("gone"), "$.outcomes[1].entries[0]", "unknown entry \"gone\"", E),
        ("empty reason", |h| h["outcomes"][0]["reason"] = json!(" "), "$.outcomes[0].reason", "the reason is only white space", E),
        (
            "entry that does not bear on the item",
            |h| h["outcomes"][1]["entries"] = json!(["strategic-dialogue", "ambassadors-return"]),
            "$.outcomes[1].entries[1]",
            "entry \"ambassadors-return\" does not list item \"arms-control\"",
            W,
        ),
        (
            "only background",
            |h| h["outcomes"][0]["entries"] = json!(["earlier-recall"]),
            "$.outcomes[0].entries",
            "the outcome for \"diplomatic-missions\" rests only on background entries",
            E,
        ),
        ("verdict not known", |h| h["outcomes"][0]["verdict"] = json!("great"), "$.outcomes[0].verdict", "unknown variant `great`", E),
        ("entries not a list", |h| h["entries"] = json!({}), "$.entries", "invalid type: map, expected a sequence", E),
    ];
    run_hindsight_cases(&fixture(), &fixture_hindsight(), cases);
}

#[test]
fn hindsight_warnings_pass_through() {
    let data = data_of(&fixture());
    let mut h = fixture_hindsight();
    h["outcomes"][1]["entries"] = json!(["strategic-dialogue", "ambassadors-return"]);
    let (_, warnings) = parse_and_validate_hindsight(&h.to_string(), &data, &Limits::default())
        .expect("only a warning");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].severity, W);
}

#[test]
fn bundled_hindsight_mutations() {
    let data = bundled_value();
    let hindsight: Value = serde_json::from_str(BUNDLED_HINDSIGHT).unwrap();
    let cases: &[Case] = &[
        (
            "other article",
            |h| h["article_url"] = json!("https://example.org/"),
            "$.article_url",
            "is not the data set's",
            E,
        ),
        (
            "javascript source",
            |h| h["entries"][0]["source"] = json!("javascript:alert(1)"),
            "$.entries[0].source",
            "is not a web address",
            E,
        ),
        (
            "no items",
            |h| h["entries"][0]["items"] = json!([]),
            "$.entries[0].items",
            "bears on no item",
            E,
        ),
        (
            "empty reason",
            |h| h["outcomes"][0]["reason"] = json!(""),
            "$.outcomes[0].reason",
            "the reason is empty",
            E,
        ),
    ];
    run_hindsight_cases(&data, &hindsight, cases);

    // A copy of the first outcome, appended: reported at the copy, whose index depends on the file.
    let mut h = hindsight.clone();
    let first = h["outcomes"][0].clone();
    h["outcomes"].as_array_mut().unwrap().push(first);
    let last = h["outcomes"].as_array().unwrap().len() - 1;
    let problems =
        match parse_and_validate_hindsight(&h.to_string(), &data_of(&data), &Limits::default()) {
            Ok((_, p)) | Err(p) => p,
        };
    let path = format!("$.outcomes[{last}].item");
    assert!(
        missing(&problems, &path, "a second outcome for item", E).is_none(),
        "{}",
        list(&problems)
    );
}

// ---------------------------------------------------------------------------------------------------------------------
// Order, display and helpers
// ---------------------------------------------------------------------------------------------------------------------

#[test]
fn problems_come_in_document_order() {
    let mut v = fixture();
    v["events"][0]["title"] = json!("");
    v["items"][2]["title"] = json!("");
    v["items"][0]["domains"] = json!(["economy"]);
    v["items"][0]["title"] = json!("");
    v["article"]["title"] = json!("");
    v["items"][0]["evidence"][0]["paragraph"] = json!(0);
    let problems = problems_of(&v.to_string(), &Limits::default());
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.article.title",
            "$.items[0].title",
            "$.items[0].domains[0]",
            "$.items[0].evidence[0].paragraph",
            "$.items[2].title",
            "$.events[0].title",
        ]
    );
}

#[test]
fn problems_display_as_one_line() {
    let p = Problem::error(
        "$.items[3].id",
        "duplicate item id \"x\" (first at $.items[1].id)",
    );
    assert_eq!(
        p.to_string(),
        "error at $.items[3].id: duplicate item id \"x\" (first at $.items[1].id)"
    );
    let w = Problem::warning("$.items[0].related[0]", "not symmetric");
    assert_eq!(
        w.to_string(),
        "warning at $.items[0].related[0]: not symmetric"
    );

    let mut v = fixture();
    v["items"][2]["id"] = json!("diplomatic-missions");
    let problems = problems_of(&v.to_string(), &Limits::default());
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        shown.contains(&"error at $.items[2].id: duplicate item id \"diplomatic-missions\" (first at $.items[0].id)".to_owned()),
        "{shown:#?}"
    );
}

#[test]
fn default_limits() {
    let limits = Limits::default();
    assert_eq!(
        (limits.max_bytes, limits.max_depth, limits.max_string_chars),
        (16 * 1024 * 1024, 32, 20_000)
    );
}

#[test]
fn fold_whitespace_cases() {
    let cases = [
        ("", ""),
        ("   ", ""),
        ("a", "a"),
        ("  a  b  ", "a b"),
        ("a\u{a0}b", "a b"),
        ("a\u{a0}\u{a0} \tb", "a b"),
        ("a\r\n\u{2003}b\u{3000}c\u{202F}d\u{2028}e", "a b c d e"),
        ("a\u{200B}b", "a\u{200B}b"), // a zero-width space is not white space
        ("é  ü", "é ü"),
    ];
    for (input, expected) in cases {
        assert_eq!(fold_whitespace(input), expected, "{input:?}");
    }
}

#[test]
fn exact_excerpt_cases() {
    let paragraph = "The two leaders  should also have\u{a0}no problem comparing notes.";
    let cases = [
        ("should also have no problem", true),
        ("  should   also\nhave no problem ", true),
        ("The two leaders should", true),
        (paragraph, true),
        ("comparing notes.", true),
        ("comparing notes!", false),
        ("Should also have", false),
        ("should also have  a problem", false),
        ("", false),
        ("   ", false),
        (
            "The two leaders should also have no problem comparing notes. More",
            false,
        ),
    ];
    for (quote, expected) in cases {
        assert_eq!(is_exact_excerpt(quote, paragraph), expected, "{quote:?}");
    }
}

#[test]
fn web_url_cases() {
    let cases = [
        (
            "https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit",
            true,
        ),
        ("http://example.org", true),
        ("HTTPS://EXAMPLE.ORG/", true),
        ("HtTp://example.org?x=1#y", true),
        ("https://user:pw@example.org:8443/a", true),
        ("https://[2001:db8::1]:443/", true),
        ("https://例え.jp/パス", true),
        ("javascript:alert(1)", false),
        ("JAVASCRIPT:alert(1)", false),
        ("data:text/html;base64,PGI+", false),
        ("file:///etc/passwd", false),
        ("ftp://example.org", false),
        ("//example.org/a", false),
        ("/relative", false),
        ("example.org", false),
        ("https://", false),
        ("https:///a", false),
        ("https://:80/", false),
        ("https://user@/", false),
        ("https://exa mple.org", false),
        ("https://example.org/\u{a0}", false),
        ("https://example.org/\n", false),
        ("https://example.org/\u{7f}", false),
        ("https://example.org/\u{202E}", false),
        ("https://example.org:8o/", false),
        ("https://[::1/", false),
        ("https://exa\\mple.org", false),
        ("https:", false),
        ("", false),
        ("https\u{e9}://x", false),
    ];
    for (url, expected) in cases {
        assert_eq!(is_web_url(url), expected, "{url:?}");
    }
}

// ---------------------------------------------------------------------------------------------------------------------
// Never panics
// ---------------------------------------------------------------------------------------------------------------------

/// One byte-level edit: replace, insert or delete at a position.
#[derive(Debug, Clone)]
enum Edit {
    Replace(prop::sample::Index, u8),
    Insert(prop::sample::Index, u8),
    Delete(prop::sample::Index),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    // Favour the bytes that matter to JSON's structure.
    let byte = prop_oneof![
        any::<u8>(),
        prop::sample::select(b"{}[]\",:\\0123456789-etrnul \n".to_vec()),
    ];
    prop_oneof![
        (any::<prop::sample::Index>(), byte.clone()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<prop::sample::Index>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<prop::sample::Index>().prop_map(Edit::Delete),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    match edit {
        Edit::Replace(i, b) if !bytes.is_empty() => {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        Edit::Insert(i, b) => {
            let at = i.index(bytes.len() + 1);
            bytes.insert(at, *b);
        }
        Edit::Delete(i) if !bytes.is_empty() => {
            let at = i.index(bytes.len());
            bytes.remove(at);
        }
        _ => {}
    }
}

/// A small JSON value to drop into a data set.
fn leaf_strategy() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (0u64..12).prop_map(|n| json!(n)),
        ".{0,40}".prop_map(Value::String),
        "[a-z-]{0,12}".prop_map(Value::String),
        Just(json!([])),
        Just(json!({})),
    ]
}

/// Every path (as keys and indices) to a node of `v`.
fn all_paths(v: &Value, prefix: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(prefix.clone());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                prefix.push(json!(i));
                all_paths(x, prefix, out);
                prefix.pop();
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                prefix.push(json!(k));
                all_paths(x, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |node, step| match step {
        Value::Number(n) => &mut node[n.as_u64().unwrap() as usize],
        Value::String(k) => &mut node[k.as_str()],
        _ => unreachable!(),
    })
}

/// The bundled data set cut to three items (two of them related), the sections they quote and the events that quote those sections
/// and name only those items: still realistic (real paragraphs, quotations, people, related links, events) but about a
/// quarter of the size, so that 10,000 byte-level mutations of it run in reasonable time in a debug build.
fn small_bundled_json() -> &'static str {
    static SMALL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SMALL.get_or_init(|| {
        let mut v: Value = serde_json::from_str(BUNDLED).unwrap();
        let all = v["items"].as_array().unwrap();
        // The first item, the first item it names as related (so that a related link stays), and the second item.
        let related = all
            .iter()
            .position(|i| i["id"] == all[0]["related"][0])
            .unwrap();
        let mut items: Vec<Value> = [0, related, 1].iter().map(|&i| all[i].clone()).collect();
        let ids: Vec<Value> = items.iter().map(|i| i["id"].clone()).collect();
        let mut sections: Vec<Value> = Vec::new();
        for item in &mut items {
            item["related"]
                .as_array_mut()
                .unwrap()
                .retain(|r| ids.contains(r));
            for q in item["evidence"].as_array().unwrap() {
                if !sections.contains(&q["section"]) {
                    sections.push(q["section"].clone());
                }
            }
        }
        v["items"] = Value::Array(items);
        v["article"]["sections"]
            .as_array_mut()
            .unwrap()
            .retain(|s| sections.contains(&s["id"]));
        let events = v["events"].as_array_mut().unwrap();
        events.retain(|e| {
            sections.contains(&e["section"])
                && e["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|i| ids.contains(i))
        });
        serde_json::to_string_pretty(&v).unwrap()
    })
}

#[test]
fn the_small_bundled_data_set_is_valid_and_realistic() {
    let json = small_bundled_json();
    let (data, _warnings) = parse_and_validate(json, &Limits::default()).unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(data.items.len(), 3);
    assert!(!data.article.sections.is_empty() && !data.events.is_empty());
    assert!(data
        .items
        .iter()
        .any(|i| !i.related.is_empty() && !i.people.is_empty()));
    assert!(json.len() < BUNDLED.len() / 2, "{} bytes", json.len());
    println!(
        "the small data set: {} bytes, {} sections, {} events",
        json.len(),
        data.article.sections.len(),
        data.events.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn parse_never_panics_on_arbitrary_strings(s in any::<String>()) {
        let _ = parse_data_set(&s, &Limits::default());
        let _ = parse_hindsight(&s, &Limits::default());
    }

    #[test]
    fn parse_never_panics_on_json_like_strings(s in "[\\[\\]{}\",:0-9a-z\\\\ \n.eE+-]{0,300}") {
        let _ = parse_and_validate(&s, &Limits::default());
        let _ = parse_hindsight(&s, &Limits { max_depth: 3, ..Limits::default() });
    }

    /// Byte-level mutations of the bundled data set cut to three items (see `small_bundled_json`).
    #[test]
    fn parse_never_panics_on_mutations_of_the_bundled_json(edits in prop::collection::vec(edit_strategy(), 1..6)) {
        let mut bytes = small_bundled_json().as_bytes().to_vec();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok((_, warnings)) = parse_and_validate(&text, &Limits::default()) {
            prop_assert!(warnings.iter().all(|w| !w.is_error()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The whole bundled file, mutated: fewer cases, since each parses and validates 80 KB in a debug build.
    #[test]
    fn parse_never_panics_on_mutations_of_the_whole_bundled_json(edits in prop::collection::vec(edit_strategy(), 1..6)) {
        let mut bytes = BUNDLED.as_bytes().to_vec();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_and_validate(&text, &Limits::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Structure-level mutations reach the validator itself: any node replaced by any small value.
    #[test]
    fn validate_never_panics_on_value_mutations(picks in prop::collection::vec((any::<prop::sample::Index>(), leaf_strategy()), 1..4)) {
        let data = data_of(&fixture());
        for (mut v, is_hindsight) in [(fixture(), false), (fixture_hindsight(), true)] {
            for (index, leaf) in &picks {
                let mut paths = Vec::new();
                all_paths(&v, &mut Vec::new(), &mut paths);
                let path = &paths[index.index(paths.len())];
                *node_mut(&mut v, path) = leaf.clone();
            }
            let text = v.to_string();
            if is_hindsight {
                let _ = parse_and_validate_hindsight(&text, &data, &Limits::default());
            } else {
                let _ = parse_and_validate(&text, &Limits::default());
            }
        }
    }
}

/// A change to a data set's JSON.
type Mutation = fn(&mut Value);

/// Words in quotation marks in the data set's own prose (summaries, reading notes, hindsight reasons) must be the
/// article's; curly and straight marks alike, an unclosed mark quotes nothing, and a reason may also quote what an
/// entry it rests on quotes.
#[test]
fn quoted_words_must_be_the_articles() {
    let problems = |mutate: fn(&mut Value)| {
        let mut v = fixture();
        mutate(&mut v);
        problems_of(&v.to_string(), &Limits::default())
    };
    let accepted: [Mutation; 4] = [
        |v| {
            v["items"][0]["summary"] =
                json!("Returning them is “relatively easy to attain”, it says.")
        },
        |v| {
            v["items"][0]["summary"] =
                json!("It says \"could be portrayed as a win\" of the return.")
        },
        |v| {
            v["items"][0]["summary"] =
                json!("An opening mark “ that is never closed quotes nothing.")
        },
        |v| v["items"][0]["feasibility"]["reading_note"] = json!("Read as “relatively easy”."),
    ];
    for (i, mutate) in accepted.into_iter().enumerate() {
        let found = problems(mutate);
        assert!(found.is_empty(), "accepted case {i}:\n{}", list(&found));
    }
    let refused: [(Mutation, &str, &str); 3] = [
        (
            |v| v["items"][0]["summary"] = json!("Returning them is “relatively simple to attain”."),
            "$.items[0].summary",
            "the summary puts \"relatively simple to attain\" in quotation marks, but these are not the article's words; closest is paragraph 2 of section \"introduction\": the words up to \"relatively \" occur there, but not followed by \"simple to attain\"",
        ),
        (
            |v| v["items"][1]["summary"] = json!("The talks will \"take a decade\", it says."),
            "$.items[1].summary",
            "puts \"take a decade\" in quotation marks",
        ),
        (
            |v| v["items"][0]["feasibility"]["reading_note"] = json!("Read as “easy”, “a sure win”."),
            "$.items[0].feasibility.reading_note",
            "the reading note puts \"a sure win\" in quotation marks",
        ),
    ];
    for (mutate, path, phrase) in refused {
        let found = problems(mutate);
        assert!(
            found
                .iter()
                .any(|p| p.is_error() && p.path == path && p.message.contains(phrase)),
            "expected an error at {path} containing {phrase:?}; got:\n{}",
            list(&found)
        );
    }

    let data = data_of(&fixture());
    let reason = |entry_text: &str, reason: &str| {
        let mut h = fixture_hindsight();
        h["entries"][1]["text"] = json!(entry_text);
        h["outcomes"][0]["reason"] = json!(reason);
        match parse_and_validate_hindsight(&h.to_string(), &data, &Limits::default()) {
            Ok((_, warnings)) => warnings,
            Err(problems) => problems,
        }
    };
    let from_the_article = reason("They returned.", "It was \"relatively easy to attain\".");
    assert!(from_the_article.is_empty(), "{}", list(&from_the_article));
    let from_an_entry = reason(
        "The envoys called it \"a fresh start\".",
        "The envoys spoke of \"a fresh start\".",
    );
    assert!(from_an_entry.is_empty(), "{}", list(&from_an_entry));
    let from_nowhere = reason("They returned.", "The envoys spoke of \"a fresh start\".");
    assert!(
        from_nowhere.iter().any(|p| p.is_error()
            && p.path == "$.outcomes[0].reason"
            && p.message
                .contains("the reason puts \"a fresh start\" in quotation marks")),
        "{}",
        list(&from_nowhere)
    );
}

/// A rationale must carry the article's judgment: at least four words, and not cut off after a modal verb, an
/// article, a conjunction or "of" / "to".
#[test]
fn a_rationale_is_more_than_a_fragment() {
    let check = |rationale: &str, expected: Option<&str>| {
        let mut v = fixture();
        v["article"]["sections"][1]["paragraphs"][1] =
            json!("A cyber attack on the eve of the summit could derail the talks altogether, other attacks might, and the rest would be a matter of time.");
        v["items"][2]["evidence"][0]["quote"] =
            v["article"]["sections"][1]["paragraphs"][1].clone();
        v["items"][2]["feasibility"]["rationale"] = json!(rationale);
        let found = problems_of(&v.to_string(), &Limits::default());
        let fragment: Vec<&Problem> = found
            .iter()
            .filter(|p| p.path == "$.items[2].feasibility.rationale")
            .collect();
        match expected {
            None => assert!(fragment.is_empty(), "{rationale:?}:\n{}", list(&found)),
            Some(phrase) => assert!(
                fragment
                    .iter()
                    .any(|p| p.is_error() && p.message.contains(phrase)),
                "{rationale:?} should be refused with {phrase:?}:\n{}",
                list(&found)
            ),
        }
    };
    check("could derail the talks altogether", None);
    check("the rest would be a matter of time", None);
    check("other attacks might", Some("is a fragment of 3 words"));
    check("altogether", Some("is a fragment of 1 word;"));
    check(
        "could derail the talks altogether, other attacks might",
        Some("it stops at \"might\""),
    );
    check("and the rest would be a", Some("it stops at \"a\""));
}

/// One person, one name: a second spelling, another case or the surname alone beside the full name is a warning
/// (the data set still loads); different people who share a surname are not.
#[test]
fn a_person_appears_under_one_name() {
    let check = |second: &str, expected: Option<&str>| {
        let mut v = fixture();
        v["items"][1]["people"] = json!([{ "name": second, "role": "a person" }]);
        let found = problems_of(&v.to_string(), &Limits::default());
        match expected {
            None => assert!(found.is_empty(), "{second:?}:\n{}", list(&found)),
            Some(phrase) => assert!(
                found.iter().any(|p| !p.is_error()
                    && p.path == "$.items[1].people[0].name"
                    && p.message.contains(phrase)),
                "{second:?} should warn with {phrase:?}:\n{}",
                list(&found)
            ),
        }
    };
    check("Joe Biden", None);
    check("Jill Biden", None);
    check("Hunter Biden", None);
    check("Joseph Biden", None);
    check(
        "joe  biden",
        Some("looks like \"Joe Biden\" (at $.items[0].people[0].name) under another name"),
    );
    check("Biden", Some("looks like \"Joe Biden\""));
    check("Joey Biden", Some("looks like \"Joe Biden\""));
}
