//! Parsing: limits, syntax and types.

use super::*;

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
