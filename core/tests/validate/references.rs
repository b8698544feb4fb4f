//! Ids and references: unique slugs, dangling references, categories, feasibility, and what every item needs.

use super::*;

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

/// The article's focus event, when it has one, names an event of the data set.
#[test]
fn the_focus_event_is_an_event_of_the_data_set() {
    let cases: &[Case] = &[
        (
            "unknown event",
            |v| v["article"]["focus_event"] = json!("moscow-summit"),
            "$.article.focus_event",
            "unknown event \"moscow-summit\" (not an id in $.events)",
            E,
        ),
        (
            "empty id",
            |v| v["article"]["focus_event"] = json!(""),
            "$.article.focus_event",
            "unknown event \"\"",
            E,
        ),
        (
            "an item's id is no event",
            |v| v["article"]["focus_event"] = json!("arms-control"),
            "$.article.focus_event",
            "unknown event \"arms-control\"",
            E,
        ),
        (
            "the event it named was renamed",
            |v| {
                v["article"]["focus_event"] = json!("geneva-summit");
                v["events"][0]["id"] = json!("summit-in-geneva");
            },
            "$.article.focus_event",
            "unknown event \"geneva-summit\"",
            E,
        ),
    ];
    run_cases(&fixture(), cases);

    for focus in [None, Some("geneva-summit"), Some("treaty-talks")] {
        let mut v = fixture();
        if let Some(id) = focus {
            v["article"]["focus_event"] = json!(id);
        }
        let problems = validate(&data_of(&v));
        assert!(problems.is_empty(), "{focus:?}: {}", list(&problems));
    }
    let bundled = data_of(&bundled_value());
    assert_eq!(
        bundled.article.focus_event.as_deref(),
        Some("geneva-summit")
    );
}
