//! The bundled data set, its hindsight and the fixtures are clean, and the checks catch mutations of the bundled data.

use super::*;

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
