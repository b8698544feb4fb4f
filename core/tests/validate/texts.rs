//! Texts: empty and blank, too long, control and bidi characters, and how messages show values.

use super::*;

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
