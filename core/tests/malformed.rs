//! A corpus of malformed and hostile data sets, each with its expected outcome: refused (a message containing X at
//! path Y), accepted with a warning, or accepted and safe (every string kept exactly as it was, to be rendered as text).
//!
//! Most cases mutate the bundled data set as a `serde_json::Value`; a few tiny literal files live in
//! `tests/fixtures/malformed/`. The 20 MB case is generated here and never committed. Run with `--nocapture` to see the
//! one-line summary per case.

use serde_json::{json, Value};

use summit_core::model::DataSet;
use summit_core::validate::{
    parse_and_validate, problem_count, Limits, Problem, MAX_LISTED_PROBLEMS,
};

#[path = "support/misplaced.rs"]
mod misplaced;

const BUNDLED: &str = include_str!("../../data/potential-fruits.json");

/// Markup and script in one string: accepted by the validator (the app renders text as text), and kept unchanged.
const HOSTILE: &str = "<script>alert(\"x\")</script><img src=x onerror=alert(1)> \"><svg onload=alert(1)> &amp; <b>bold</b> javascript:alert(1)";

/// What a case must come to.
enum Expect {
    /// Refused, with an error at `path` (or, ending in `*`, under it) whose message contains `phrase`.
    Refused(&'static str, &'static str),
    /// Accepted, with a warning at `path` whose message contains `phrase`.
    Warned(&'static str, &'static str),
    /// Accepted with no error, and each JSON pointer of the accepted data set holds exactly this string.
    Safe(Vec<(String, String)>),
}

struct Case {
    name: String,
    json: String,
    expect: Expect,
}

fn base() -> Value {
    serde_json::from_str(BUNDLED).expect("the bundled data set is JSON")
}

fn with(mutate: impl FnOnce(&mut Value)) -> String {
    let mut v = base();
    mutate(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

fn case(name: impl Into<String>, json: String, expect: Expect) -> Case {
    Case {
        name: name.into(),
        json,
        expect,
    }
}

fn refused(name: &str, json: String, path: &'static str, phrase: &'static str) -> Case {
    case(name, json, Expect::Refused(path, phrase))
}

/// `value` put at `pointer`, which must then come back unchanged.
fn safe_at(name: &str, pointer: &str, value: &str) -> Case {
    let json = with(|v| {
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = json!(value)
    });
    case(
        name,
        json,
        Expect::Safe(vec![(pointer.to_owned(), value.to_owned())]),
    )
}

/// The bundled JSON padded with trailing spaces to exactly `bytes` bytes.
fn padded_to(bytes: usize) -> String {
    let mut s = BUNDLED.to_owned();
    assert!(s.len() <= bytes);
    s.extend(std::iter::repeat_n(' ', bytes - s.len()));
    s
}

/// The text fields of the bundled data set that are free text (not ids, dates, addresses or quotations; a rationale is
/// a quotation too, so it is only tested where the paragraph holds the same markup).
const TEXT_FIELDS: &[&str] = &[
    "/article/title",
    "/article/author",
    "/article/outlet",
    "/article/kind",
    "/article/citation",
    "/article/sections/0/heading",
    "/article/sections/1/heading",
    "/feasibility_scale/0/label",
    "/feasibility_scale/0/description",
    "/vocabularies/categories/0/label",
    "/vocabularies/categories/0/description",
    "/vocabularies/domains/0/label",
    "/vocabularies/domains/0/description",
    "/vocabularies/actors/0/label",
    "/vocabularies/actors/0/description",
    "/items/0/title",
    "/items/0/summary",
    "/items/0/people/0/name",
    "/items/0/people/0/role",
    "/events/0/title",
];

fn corpus() -> Vec<Case> {
    let mut cases = vec![
        // Not JSON at all, or not a data set.
        refused("the empty file", String::new(), "$", "the file is empty"),
        refused(
            "white space only",
            " \n\t\r\n".into(),
            "$",
            "the file is empty",
        ),
        refused(
            "a BOM and nothing else",
            "\u{feff}".into(),
            "$",
            "the file is empty",
        ),
        refused(
            "truncated JSON (the bundled file cut in half)",
            BUNDLED[..BUNDLED.len() / 2].to_owned(),
            "$*",
            "the file is not valid JSON: EOF while parsing",
        ),
        refused(
            "truncated JSON (fixture)",
            include_str!("fixtures/malformed/truncated.json").into(),
            "$*",
            "EOF while parsing",
        ),
        refused(
            "the root is an array (fixture)",
            include_str!("fixtures/malformed/root-array.json").into(),
            "$",
            "expected struct DataSet",
        ),
        refused(
            "the root is null (fixture)",
            include_str!("fixtures/malformed/null.json").into(),
            "$",
            "invalid type: null",
        ),
        refused(
            "NaN and Infinity literals (fixture)",
            include_str!("fixtures/malformed/nan-infinity.json").into(),
            "$.feasibility_scale[0].level",
            "the file is not valid JSON",
        ),
        refused(
            "NaN as a feasibility level",
            BUNDLED.replacen("\"level\": 5", "\"level\": NaN", 1),
            "$.feasibility_scale[0].level",
            "not valid JSON",
        ),
        refused(
            "Infinity as a paragraph number",
            with(|v| v["items"][0]["evidence"][0]["paragraph"] = json!(0)).replacen(
                "\"paragraph\": 0",
                "\"paragraph\": Infinity",
                1,
            ),
            "$.items[0].evidence[0].paragraph",
            "not valid JSON",
        ),
        refused(
            "a lone surrogate escape (fixture)",
            include_str!("fixtures/malformed/lone-surrogate.json").into(),
            "$.article.title",
            "the file is not valid JSON: unexpected end of hex escape",
        ),
        refused(
            "trailing characters after the document (fixture)",
            include_str!("fixtures/malformed/trailing-garbage.json").into(),
            "$*",
            "",
        ),
        refused(
            "two documents one after the other",
            format!("{BUNDLED}\n{BUNDLED}"),
            "$",
            "trailing characters",
        ),
        // Wrong types and out-of-range numbers.
        refused(
            "a number where the title should be",
            with(|v| v["items"][0]["title"] = json!(42)),
            "$.items[0].title",
            "invalid type: integer `42`, expected a string",
        ),
        refused(
            "null where a string is required",
            with(|v| v["article"]["title"] = Value::Null),
            "$.article.title",
            "invalid type: null, expected a string",
        ),
        refused(
            "an object where the items should be",
            with(|v| v["items"] = json!({})),
            "$.items",
            "invalid type: map, expected a sequence",
        ),
        refused(
            "a string where the related ids should be",
            with(|v| v["items"][0]["related"] = json!("strategic-stability-talks")),
            "$.items[0].related",
            "invalid type: string",
        ),
        refused(
            "feasibility level 300",
            with(|v| v["items"][0]["feasibility"]["level"] = json!(300)),
            "$.items[0].feasibility.level",
            "300",
        ),
        refused(
            "feasibility level 9 (in range for u8, not on the scale)",
            with(|v| v["items"][0]["feasibility"]["level"] = json!(9)),
            "$.items[0].feasibility.level",
            "9",
        ),
        refused(
            "paragraph -1",
            with(|v| v["items"][0]["evidence"][0]["paragraph"] = json!(-1)),
            "$.items[0].evidence[0].paragraph",
            "-1",
        ),
        refused(
            "paragraph 1e3 (a float)",
            with(|v| v["items"][0]["evidence"][0]["paragraph"] = json!(1000.0)),
            "$.items[0].evidence[0].paragraph",
            "invalid type: floating point",
        ),
        refused(
            "paragraph past the end of its section",
            with(|v| v["items"][0]["evidence"][0]["paragraph"] = json!(999)),
            "$.items[0].evidence[0]*",
            "999",
        ),
        refused(
            "an unknown category",
            with(|v| v["items"][0]["category"] = json!("medium-hanging")),
            "$.items[0].category",
            "unknown variant `medium-hanging`",
        ),
        // Keys.
        refused(
            "a duplicate key",
            BUNDLED.replacen(
                "\"title\": \"Restore diplomatic missions\",",
                "\"title\": \"Restore diplomatic missions\", \"title\": \"Something else\",",
                1,
            ),
            "$.items[0]*",
            "duplicate field `title`",
        ),
        refused(
            "an unknown field in an item",
            with(|v| v["items"][0]["colour"] = json!("red")),
            "$.items[0]*",
            "unknown field `colour`",
        ),
        refused(
            "an unknown field at the root",
            with(|v| v["comment"] = json!("hello")),
            "$*",
            "unknown field `comment`",
        ),
        refused(
            "a missing required field",
            with(|v| {
                v["items"][0].as_object_mut().unwrap().remove("summary");
            }),
            "$.items[0]*",
            "missing field `summary`",
        ),
        // Ids and references.
        refused(
            "duplicate item ids",
            with(|v| v["items"][1]["id"] = v["items"][0]["id"].clone()),
            "$.items[1].id",
            "duplicate",
        ),
        refused(
            "markup as an item id",
            with(|v| v["items"][0]["id"] = json!("<script>alert(1)</script>")),
            "$.items[0].id",
            "",
        ),
        refused(
            "a dangling related id",
            with(|v| v["items"][0]["related"] = json!(["no-such-item"])),
            "$.items[0].related[0]",
            "unknown related item \"no-such-item\"",
        ),
        refused(
            "a dangling domain id",
            with(|v| v["items"][0]["domains"][0] = json!("no-such-domain")),
            "$.items[0].domains[0]",
            "no-such-domain",
        ),
        refused(
            "a dangling event item",
            with(|v| v["events"][0]["items"][0] = json!("ghost")),
            "$.events[0].items[0]",
            "ghost",
        ),
        refused(
            "a dangling section id in a quotation",
            with(|v| v["items"][0]["evidence"][0]["section"] = json!("nowhere")),
            "$.items[0].evidence[0].section",
            "nowhere",
        ),
        // Quotations.
        refused(
            "a quotation not in the text",
            with(|v| {
                v["items"][0]["evidence"][0]["quote"] =
                    json!("the two leaders signed a comprehensive peace treaty")
            }),
            "$.items[0].evidence[0].quote",
            "",
        ),
        refused(
            "an event quotation not in the text",
            with(|v| v["events"][0]["quote"] = json!("Putin proposed the reset in 2009")),
            "$.events[0].quote",
            "",
        ),
        // Sizes and depth.
        refused(
            "a 20,001-character summary",
            with(|v| v["items"][0]["summary"] = json!("x".repeat(20_001))),
            "$.items[0].summary",
            "over the limit of 20000 characters",
        ),
        refused(
            "a 20,001-character address",
            with(|v| {
                v["article"]["url"] = json!(format!("https://example.org/{}", "a".repeat(20_000)))
            }),
            "$.article.url",
            "over the limit of 20000 characters",
        ),
        refused(
            "a title nested 40 arrays deep",
            with(|v| {
                let mut deep = json!("x");
                for _ in 0..40 {
                    deep = json!([deep]);
                }
                v["items"][0]["title"] = deep;
            }),
            "$",
            "more than 32 levels deep",
        ),
        refused(
            "100,000 opening brackets",
            "[".repeat(100_000),
            "$",
            "more than 32 levels deep",
        ),
        refused(
            "a 20 MB file (generated, not committed)",
            padded_to(20_000_000),
            "$",
            "over the limit of 16777216 bytes",
        ),
        refused(
            "16 MiB + 1 byte",
            padded_to(16 * 1024 * 1024 + 1),
            "$",
            "the file is 16777217 bytes",
        ),
        case(
            "exactly 16 MiB (the limit itself)",
            padded_to(16 * 1024 * 1024),
            Expect::Safe(vec![]),
        ),
        // Addresses.
        refused(
            "a javascript: article address",
            with(|v| v["article"]["url"] = json!("javascript:alert(document.domain)")),
            "$.article.url",
            "does not start with http:// or https://",
        ),
        refused(
            "a JavaScript: address in mixed case",
            with(|v| v["article"]["url"] = json!("JaVaScRiPt:alert(1)")),
            "$.article.url",
            "does not start with http:// or https://",
        ),
        refused(
            "a data: article address",
            with(|v| v["article"]["url"] = json!("data:text/html,<script>alert(1)</script>")),
            "$.article.url",
            "does not start with http:// or https://",
        ),
        refused(
            "an address with a right-to-left override",
            with(|v| v["article"]["url"] = json!("https://example.org/\u{202E}lmth.exe")),
            "$.article.url",
            "bidirectional",
        ),
        refused(
            "an address without a host",
            with(|v| v["article"]["url"] = json!("https:///path")),
            "$.article.url",
            "has no host",
        ),
        // Dates.
        refused(
            "an event on 30 February",
            with(|v| v["events"][4]["date"] = json!("2021-02-30")),
            "$.events[4].date",
            "is not a calendar date",
        ),
        // Bidirectional formatting characters in text.
        case(
            "a right-to-left override in an item title",
            with(|v| v["items"][0]["title"] = json!("Restore \u{202E}snoissim citamolpid")),
            Expect::Refused("$.items[0].title", "RIGHT-TO-LEFT OVERRIDE"),
        ),
        refused(
            "16 MiB with 100,000 misplaced quotations (generated, not committed)",
            misplaced::misplaced_quotations(BUNDLED),
            "$",
            "more not listed",
        ),
        // The data set's own words: quoted words must be the article's, a rationale more than a fragment.
        refused(
            "a summary quoting words the article does not have",
            with(|v| {
                v["items"][18]["summary"] =
                    json!("Assad’s “reelection” on May 26 leaves no hope of major progress.")
            }),
            "$.items[18].summary",
            "puts \"reelection\" in quotation marks, but these are not the article's words",
        ),
        refused(
            "a reading note quoting words the article does not have",
            with(|v| {
                v["items"][26]["feasibility"]["reading_note"] =
                    json!("Read as “none of these developments is likely to derail the summit”.")
            }),
            "$.items[26].feasibility.reading_note",
            "not the article's words",
        ),
        refused(
            "a rationale cut before its verb",
            with(|v| {
                v["items"][30]["feasibility"]["rationale"] = json!("other developments might")
            }),
            "$.items[30].feasibility.rationale",
            "is a fragment of 3 words",
        ),
        refused(
            "a rationale ending on a modal verb",
            with(|v| {
                v["items"][30]["feasibility"]["rationale"] =
                    json!("while none of the aforementioned developments are unlikely to derail the summit, other developments might")
            }),
            "$.items[30].feasibility.rationale",
            "it stops at \"might\"",
        ),
        // Accepted with warnings.
        case(
            "one person under two spellings of a name",
            with(|v| v["items"][26]["people"][0]["name"] = json!("Alexey Navalny")),
            Expect::Warned(
                "$.items[26].people[0].name",
                "looks like \"Alexei Navalny\"",
            ),
        ),
        case(
            "one person under a full name and the surname alone",
            with(|v| {
                v["items"][1]["people"] =
                    json!([{ "name": "Putin", "role": "Russian counterpart" }])
            }),
            Expect::Warned("$.items[1].people[0].name", "looks like \"Vladimir Putin\""),
        ),
        case(
            "a one-way related link",
            with(|v| v["items"][1]["related"] = json!(["prisoner-exchange"])),
            Expect::Warned("$.items[1].related[0]", "does not list"),
        ),
        case(
            "events out of chronological order",
            with(|v| v["events"].as_array_mut().unwrap().swap(0, 9)),
            Expect::Warned("$.events[1].date", "chronological order"),
        ),
        // Accepted, and safe because text stays text.
        case(
            "the bundled data set after a BOM",
            format!("\u{feff}{BUNDLED}"),
            Expect::Safe(vec![(
                "/article/title".into(),
                "Potential Fruits of the Biden-Putin Summit".into(),
            )]),
        ),
    ];

    for pointer in TEXT_FIELDS {
        cases.push(safe_at(
            &format!("HTML and <script> in {pointer}"),
            pointer,
            HOSTILE,
        ));
    }

    // All of them at once, and in a paragraph with a quotation of it.
    let mut all = base();
    for pointer in TEXT_FIELDS {
        *all.pointer_mut(pointer).unwrap() = json!(HOSTILE);
    }
    let paragraph = format!(
        "{} {HOSTILE}",
        all["article"]["sections"][0]["paragraphs"][1]
            .as_str()
            .unwrap()
    );
    all["article"]["sections"][0]["paragraphs"][1] = json!(paragraph);
    all["items"][0]["evidence"]
        .as_array_mut()
        .unwrap()
        .push(json!({"quote": HOSTILE, "section": "introduction", "paragraph": 2}));
    all["items"][0]["feasibility"]["rationale"] = json!(HOSTILE);
    let mut expected: Vec<(String, String)> = TEXT_FIELDS
        .iter()
        .map(|p| ((*p).to_owned(), HOSTILE.to_owned()))
        .collect();
    expected.push(("/article/sections/0/paragraphs/1".into(), paragraph));
    expected.push(("/items/0/evidence/5/quote".into(), HOSTILE.into()));
    expected.push(("/items/0/feasibility/rationale".into(), HOSTILE.into()));
    cases.push(case(
        "HTML and <script> in every text field, a paragraph, a quotation and a rationale",
        serde_json::to_string(&all).unwrap(),
        Expect::Safe(expected),
    ));
    cases
}

fn path_matches(expected: &str, actual: &str) -> bool {
    match expected.strip_suffix('*') {
        Some(prefix) => actual.starts_with(prefix),
        None => actual == expected,
    }
}

fn listed(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("    {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks one case; returns the outcome's name and a short detail, or what went wrong.
fn check(case: &Case) -> Result<(&'static str, String), String> {
    let result = parse_and_validate(&case.json, &Limits::default());
    match (&case.expect, result) {
        (Expect::Refused(path, phrase), Err(problems)) => problems
            .iter()
            .find(|p| p.is_error() && path_matches(path, &p.path) && p.message.contains(phrase))
            .map(|p| ("refused", p.to_string()))
            .ok_or_else(|| {
                format!(
                    "expected an error at {path} containing {phrase:?}; got:\n{}",
                    listed(&problems)
                )
            }),
        (Expect::Refused(path, phrase), Ok((_, warnings))) => Err(format!(
            "expected an error at {path} containing {phrase:?}; it was accepted with warnings:\n{}",
            listed(&warnings)
        )),
        (Expect::Warned(path, phrase), Ok((_, warnings))) => warnings
            .iter()
            .find(|p| !p.is_error() && path_matches(path, &p.path) && p.message.contains(phrase))
            .map(|p| ("warned", p.to_string()))
            .ok_or_else(|| {
                format!(
                    "expected a warning at {path} containing {phrase:?}; got:\n{}",
                    listed(&warnings)
                )
            }),
        (Expect::Safe(fields), Ok((data, warnings))) => {
            let back = serde_json::to_value(&data).unwrap();
            for (pointer, value) in fields {
                let got = back.pointer(pointer);
                if got != Some(&json!(value)) {
                    return Err(format!("{pointer} came back as {got:?}, not {value:?}"));
                }
            }
            plain_text(&data)?;
            Ok((
                "safe",
                format!(
                    "accepted with {} warning(s), {} string(s) kept verbatim",
                    warnings.len(),
                    fields.len()
                ),
            ))
        }
        (_, Err(problems)) => Err(format!("refused unexpectedly:\n{}", listed(&problems))),
    }
}

/// What the app turns into links must be http(s), whatever the text fields hold.
fn plain_text(data: &DataSet) -> Result<(), String> {
    if summit_core::validate::is_web_url(&data.article.url) {
        Ok(())
    } else {
        Err(format!("accepted a non-web address {:?}", data.article.url))
    }
}

/// The validator's work and its list stay bounded: 100,000 misplaced quotations in 16 MiB come back as the first
/// [`MAX_LISTED_PROBLEMS`] problems and one that counts every other. The time is printed, never asserted.
#[test]
fn a_problem_in_every_quotation_is_refused_with_a_bounded_list() {
    let json = misplaced::misplaced_quotations(BUNDLED);
    assert_eq!(json.len(), misplaced::MISPLACED_BYTES);
    let started = std::time::Instant::now();
    let problems =
        parse_and_validate(&json, &Limits::default()).expect_err("the data set is refused");
    let elapsed = started.elapsed();
    println!(
        "16 MiB, {} misplaced quotations: refused in {:.0} ms natively ({} profile), {} problems listed",
        misplaced::MISPLACED_QUOTATIONS,
        elapsed.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) { "debug" } else { "release" },
        problems.len()
    );
    assert_eq!(
        problems.len(),
        MAX_LISTED_PROBLEMS + 1,
        "{}",
        listed(&problems[..5])
    );
    let last = problems.last().unwrap();
    assert!(last.message.contains("more not listed"), "{last}");
    assert!(problems[..MAX_LISTED_PROBLEMS]
        .iter()
        .all(|p| p.omitted.is_none()));
    // Every misplaced quotation is counted, listed or not, and nothing else is an error.
    assert_eq!(
        problem_count(&problems).errors,
        misplaced::MISPLACED_QUOTATIONS
    );
    // The listed ones still say where the words are.
    assert!(
        problems[0].message.contains("but is in paragraph"),
        "{}",
        problems[0]
    );
}

#[test]
fn malformed_data_sets_have_the_expected_outcomes() {
    let cases = corpus();
    let (mut refused, mut warned, mut safe) = (0, 0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        match check(case) {
            Ok((outcome, detail)) => {
                match outcome {
                    "refused" => refused += 1,
                    "warned" => warned += 1,
                    _ => safe += 1,
                }
                let detail: String = detail.chars().take(160).collect();
                println!("{outcome:<7} {}: {detail}", case.name);
            }
            Err(why) => {
                println!("FAILED  {}", case.name);
                failures.push(format!("{}: {why}", case.name));
            }
        }
    }
    println!(
        "{} malformed data sets: {refused} refused, {warned} accepted with warnings, {safe} accepted and rendered as text",
        cases.len()
    );
    assert!(cases.len() >= 30);
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
