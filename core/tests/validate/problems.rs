//! Problems in document order and as one line, the default limits, and the helpers the validator exports.

use super::*;

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

#[test]
fn web_scheme_cases() {
    let cases = [
        (
            "https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit",
            true,
        ),
        ("HtTp://example.org?x=1#y", true),
        ("https://例え.jp/パス", true),
        ("javascript:alert(1)", false),
        ("JAVASCRIPT://example.org", false),
        ("data:text/html;base64,PGI+", false),
        ("//example.org/a", false),
        ("/relative", false),
        ("https:", false),
        ("", false),
        ("https\u{e9}://x", false),
    ];
    for (url, expected) in cases {
        assert_eq!(has_web_scheme(url), expected, "{url:?}");
    }
}
