//! Dates and addresses.

use super::*;

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
