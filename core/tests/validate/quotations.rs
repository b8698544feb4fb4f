//! Quotations and the data set's own prose: exact excerpts, quoted words, rationales.

use super::*;

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
