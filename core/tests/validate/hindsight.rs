//! Hindsight files, against their data set.

use super::*;

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
