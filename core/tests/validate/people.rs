//! People: one person, one name.

use super::*;

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
