//! Tests of the URL fragment (every key and every failure, exact output, round trips and fuzzing), and of the query
//! string's `data` parameter.

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use summit_core::model::{Category, DataSet};
use summit_core::state::{Filters, MatrixRows, PassageRef, SortOrder, View, ViewState};
use summit_core::url::{
    data_param, parse_fragment, search_without_data, to_fragment, KnownIds, UrlNotice,
};

const LEVELS: [u8; 5] = [1, 2, 3, 4, 5];
// Besides plain slugs, ids with a comma, a space, a dot and non-ASCII letters exercise the encoding.
const DOMAINS: [&str; 4] = ["arms-control", "cyber", "strategic-stability", "odd, id é"];
const ACTORS: [&str; 4] = ["us", "russia", "china", "a b"];
const ITEMS: [&str; 5] = ["new-start", "cyber-norms", "v1.2", "prisoner-swap", "ünï"];

fn known() -> KnownIds<'static> {
    KnownIds {
        levels: LEVELS.to_vec(),
        domains: DOMAINS.to_vec(),
        actors: ACTORS.to_vec(),
        items: ITEMS.to_vec(),
    }
}

fn set<T: Ord + Clone>(values: &[T]) -> BTreeSet<T> {
    values.iter().cloned().collect()
}

fn strings(values: &[&str]) -> BTreeSet<String> {
    values.iter().map(|s| s.to_string()).collect()
}

/// A change to the default state: what the fragment should mean.
type Edit = fn(&mut ViewState);

/// One table row: the fragment, the state it should give (as an edit of the default) and the notices.
type Case = (&'static str, Edit, &'static [&'static str]);

fn nothing(_: &mut ViewState) {}

/// Parses a fragment and compares state and notices with what was expected.
fn check(fragment: &str, edit: Edit, notices: &[&str]) -> Result<(), String> {
    let mut want = ViewState::default();
    edit(&mut want);
    let want_notices: Vec<UrlNotice> = notices.iter().map(|n| UrlNotice(n.to_string())).collect();
    let (got, got_notices) = parse_fragment(fragment, &known());
    if got != want || got_notices != want_notices {
        return Err(format!(
            "fragment {fragment:?}\n  want {want:?}\n       {want_notices:?}\n  got  {got:?}\n       {got_notices:?}"
        ));
    }
    Ok(())
}

fn run(cases: &[Case]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|&(fragment, edit, notices)| check(fragment, edit, notices).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn view() {
    run(&[
        ("view=cards", nothing, &[]),
        ("view=matrix", |s| s.view = View::Matrix, &[]),
        ("view=article", |s| s.view = View::Article, &[]),
        ("view=timeline", |s| s.view = View::Timeline, &[]),
        ("view=scorecard", |s| s.view = View::Scorecard, &[]),
        ("view=", nothing, &[]),
        ("view=grid", nothing, &["Ignored unknown view \"grid\"."]),
        (
            "view=Matrix",
            nothing,
            &["Ignored unknown view \"Matrix\"."],
        ),
        (
            "view=matrix,article",
            nothing,
            &["Ignored unknown view \"matrix,article\"."],
        ),
    ]);
}

#[test]
fn categories() {
    run(&[
        (
            "cat=risk",
            |s| s.filters.categories = set(&[Category::Risk]),
            &[],
        ),
        (
            "cat=low-hanging,risk",
            |s| s.filters.categories = set(&[Category::LowHanging, Category::Risk]),
            &[],
        ),
        (
            "cat=unilateral,high-hanging,low-hanging,risk",
            |s| s.filters.categories = set(&Category::ALL),
            &[],
        ),
        (
            "cat=risk,low-hanging,risk",
            |s| s.filters.categories = set(&[Category::LowHanging, Category::Risk]),
            &[],
        ),
        (",cat=risk", nothing, &["Ignored unknown setting \",cat\"."]),
        (
            "cat=risk,,unilateral,",
            |s| s.filters.categories = set(&[Category::Risk, Category::Unilateral]),
            &[],
        ),
        ("cat=", nothing, &[]),
        ("cat=,", nothing, &[]),
        (
            "cat=fruit,risk",
            |s| s.filters.categories = set(&[Category::Risk]),
            &["Ignored unknown category \"fruit\"."],
        ),
        ("cat=Risk", nothing, &["Ignored unknown category \"Risk\"."]),
        (
            "cat=risk%2Cunilateral",
            nothing,
            &["Ignored unknown category \"risk,unilateral\"."],
        ),
        (
            "cat=%72isk",
            |s| s.filters.categories = set(&[Category::Risk]),
            &[],
        ),
    ]);
}

#[test]
fn levels() {
    run(&[
        ("level=4,5", |s| s.filters.levels = set(&[4, 5]), &[]),
        ("level=5,1,5", |s| s.filters.levels = set(&[1, 5]), &[]),
        ("level=05", |s| s.filters.levels = set(&[5]), &[]),
        ("level=", nothing, &[]),
        (
            "level=9,2",
            |s| s.filters.levels = set(&[2]),
            &["Ignored unknown level \"9\"."],
        ),
        ("level=0", nothing, &["Ignored unknown level \"0\"."]),
        ("level=256", nothing, &["Ignored unknown level \"256\"."]),
        ("level=-1", nothing, &["Ignored unknown level \"-1\"."]),
        ("level=4.5", nothing, &["Ignored unknown level \"4.5\"."]),
        ("level=+4", nothing, &["Ignored unknown level \" 4\"."]),
        ("level=four", nothing, &["Ignored unknown level \"four\"."]),
        (
            "level=99999999999999999999999",
            nothing,
            &["Ignored unknown level \"99999999999999999999999\"."],
        ),
        ("level=%34", |s| s.filters.levels = set(&[4]), &[]),
    ]);
}

#[test]
fn domains() {
    run(&[
        (
            "domain=cyber",
            |s| s.filters.domains = strings(&["cyber"]),
            &[],
        ),
        (
            "domain=arms-control,cyber",
            |s| s.filters.domains = strings(&["arms-control", "cyber"]),
            &[],
        ),
        (
            "domain=odd%2C%20id%20%C3%A9",
            |s| s.filters.domains = strings(&["odd, id é"]),
            &[],
        ),
        (
            "domain=odd%2C+id+%c3%a9",
            |s| s.filters.domains = strings(&["odd, id é"]),
            &[],
        ),
        (
            "domain=odd, id é",
            nothing,
            &[
                "Ignored unknown domain \"odd\".",
                "Ignored unknown domain \" id é\".",
            ],
        ),
        (
            "domain=foo,cyber",
            |s| s.filters.domains = strings(&["cyber"]),
            &["Ignored unknown domain \"foo\"."],
        ),
        (
            "domain=foo,foo",
            nothing,
            &["Ignored unknown domain \"foo\"."],
        ),
        (
            "domain=Cyber",
            nothing,
            &["Ignored unknown domain \"Cyber\"."],
        ),
        ("domain=", nothing, &[]),
        (
            "domain=xxxxxxxxxxyyyyyyyyyyxxxxxxxxxxyyyyyyyyyyzzzzz",
            nothing,
            &["Ignored unknown domain \"xxxxxxxxxxyyyyyyyyyyxxxxxxxxxxyyyyyyyyyy…\"."],
        ),
    ]);
}

#[test]
fn actors() {
    run(&[
        (
            "actor=us,china",
            |s| s.filters.actors = strings(&["china", "us"]),
            &[],
        ),
        ("actor=a+b", |s| s.filters.actors = strings(&["a b"]), &[]),
        ("actor=a%20b", |s| s.filters.actors = strings(&["a b"]), &[]),
        ("actor=a b", |s| s.filters.actors = strings(&["a b"]), &[]),
        (
            "actor=eu,us",
            |s| s.filters.actors = strings(&["us"]),
            &["Ignored unknown actor \"eu\"."],
        ),
        ("actor=US", nothing, &["Ignored unknown actor \"US\"."]),
        ("actor=", nothing, &[]),
    ]);
}

#[test]
fn search() {
    run(&[
        (
            "q=free text",
            |s| s.filters.search = "free text".into(),
            &[],
        ),
        (
            "q=free+text",
            |s| s.filters.search = "free text".into(),
            &[],
        ),
        (
            "q=free%20text",
            |s| s.filters.search = "free text".into(),
            &[],
        ),
        (
            "q=%20%20padded+",
            |s| s.filters.search = "  padded ".into(),
            &[],
        ),
        ("q=%20", |s| s.filters.search = " ".into(), &[]),
        (
            "q=a%2Cb%26c%3Dd%23e%25f%2Bg",
            |s| s.filters.search = "a,b&c=d#e%f+g".into(),
            &[],
        ),
        ("q=a,b", |s| s.filters.search = "a,b".into(), &[]),
        ("q=a#b", |s| s.filters.search = "a#b".into(), &[]),
        ("q=caf%C3%A9", |s| s.filters.search = "café".into(), &[]),
        ("q=café", |s| s.filters.search = "café".into(), &[]),
        (
            "q=%E2%80%94%F0%9F%8D%8E",
            |s| s.filters.search = "—🍎".into(),
            &[],
        ),
        ("q=", nothing, &[]),
        ("q=START", |s| s.filters.search = "START".into(), &[]),
    ]);
}

#[test]
fn search_is_capped_at_200_characters() {
    let ok = "é".repeat(200);
    let (state, notices) = parse_fragment(&format!("q={}", "%C3%A9".repeat(200)), &known());
    assert_eq!(state.filters.search, ok);
    assert!(notices.is_empty());

    let (state, notices) = parse_fragment(&format!("q={}", "%C3%A9".repeat(201)), &known());
    assert_eq!(state.filters.search, ok);
    assert_eq!(
        notices,
        [UrlNotice(
            "Shortened the search to its first 200 characters.".into()
        )]
    );

    let (state, notices) =
        parse_fragment(&format!("q={}&view=matrix", "x".repeat(100_000)), &known());
    assert_eq!(state.filters.search, "x".repeat(200));
    assert_eq!(state.view, View::Matrix);
    assert_eq!(notices.len(), 1);
}

#[test]
fn sort() {
    run(&[
        ("sort=article", nothing, &[]),
        (
            "sort=feasibility-desc",
            |s| s.sort = SortOrder::FeasibilityDesc,
            &[],
        ),
        (
            "sort=feasibility-asc",
            |s| s.sort = SortOrder::FeasibilityAsc,
            &[],
        ),
        ("sort=title", |s| s.sort = SortOrder::Title, &[]),
        ("sort=", nothing, &[]),
        (
            "sort=newest",
            nothing,
            &["Ignored unknown sort order \"newest\"."],
        ),
        (
            "sort=feasibility",
            nothing,
            &["Ignored unknown sort order \"feasibility\"."],
        ),
    ]);
}

#[test]
fn matrix_rows() {
    run(&[
        ("rows=domain", nothing, &[]),
        (
            "rows=category",
            |s| s.matrix_rows = MatrixRows::Category,
            &[],
        ),
        ("rows=actor", |s| s.matrix_rows = MatrixRows::Actor, &[]),
        ("rows=", nothing, &[]),
        (
            "rows=item",
            nothing,
            &["Ignored unknown matrix rows \"item\"."],
        ),
        (
            "rows=cat",
            nothing,
            &["Ignored unknown matrix rows \"cat\"."],
        ),
    ]);
}

#[test]
fn excluded() {
    run(&[
        ("excluded=hide", |s| s.hide_excluded = true, &[]),
        ("excluded=dim", nothing, &[]),
        ("excluded=", nothing, &[]),
        (
            "excluded=show",
            nothing,
            &["Ignored unknown value \"show\" for \"excluded\"."],
        ),
        (
            "excluded=HIDE",
            nothing,
            &["Ignored unknown value \"HIDE\" for \"excluded\"."],
        ),
        (
            "excluded=1",
            nothing,
            &["Ignored unknown value \"1\" for \"excluded\"."],
        ),
    ]);
}

#[test]
fn open_item() {
    run(&[
        (
            "item=new-start",
            |s| s.open_item = Some("new-start".into()),
            &[],
        ),
        ("item=v1.2", |s| s.open_item = Some("v1.2".into()), &[]),
        (
            "item=%C3%BCn%C3%AF",
            |s| s.open_item = Some("ünï".into()),
            &[],
        ),
        ("item=", nothing, &[]),
        ("item=nope", nothing, &["Ignored unknown item \"nope\"."]),
        (
            "item=New-Start",
            nothing,
            &["Ignored unknown item \"New-Start\"."],
        ),
        (
            "item=new-start,v1.2",
            nothing,
            &["Ignored unknown item \"new-start,v1.2\"."],
        ),
    ]);
}

#[test]
fn passage() {
    fn at(item: &str, evidence: usize) -> Option<PassageRef> {
        Some(PassageRef {
            item: item.into(),
            evidence,
        })
    }
    run(&[
        ("passage=new-start.0", |s| s.passage = at("new-start", 0), &[]),
        ("passage=new-start.2", |s| s.passage = at("new-start", 2), &[]),
        ("passage=new-start.007", |s| s.passage = at("new-start", 7), &[]),
        ("passage=new-start.1000", |s| s.passage = at("new-start", 1000), &[]),
        ("passage=v1.2.3", |s| s.passage = at("v1.2", 3), &[]),
        ("passage=%C3%BCn%C3%AF.1", |s| s.passage = at("ünï", 1), &[]),
        ("passage=", nothing, &[]),
        (
            "passage=new-start.1001",
            nothing,
            &["Ignored passage \"new-start.1001\": its quotation number is too large."],
        ),
        (
            "passage=new-start.99999999999999999999999",
            nothing,
            &["Ignored passage \"new-start.99999999999999999999999\": its quotation number is too large."],
        ),
        ("passage=new-start", nothing, &["Ignored malformed passage \"new-start\"."]),
        ("passage=new-start.", nothing, &["Ignored malformed passage \"new-start.\"."]),
        ("passage=new-start.x", nothing, &["Ignored malformed passage \"new-start.x\"."]),
        ("passage=new-start.-1", nothing, &["Ignored malformed passage \"new-start.-1\"."]),
        ("passage=new-start.+1", nothing, &["Ignored malformed passage \"new-start. 1\"."]),
        ("passage=new-start.1.", nothing, &["Ignored malformed passage \"new-start.1.\"."]),
        ("passage=nope.2", nothing, &["Ignored passage of unknown item \"nope\"."]),
        ("passage=.2", nothing, &["Ignored passage of unknown item \"\"."]),
        ("passage=v1.2", nothing, &["Ignored passage of unknown item \"v1\"."]),
    ]);
}

#[test]
fn switches() {
    run(&[
        ("hindsight=1", |s| s.hindsight = true, &[]),
        ("hindsight=0", nothing, &[]),
        ("hindsight=", nothing, &[]),
        (
            "hindsight=true",
            nothing,
            &["Ignored unknown value \"true\" for \"hindsight\"."],
        ),
        ("embed=1", |s| s.embed = true, &[]),
        ("embed=0", nothing, &[]),
        (
            "embed=yes",
            nothing,
            &["Ignored unknown value \"yes\" for \"embed\"."],
        ),
        (
            "hindsight=1&embed=1",
            |s| (s.hindsight, s.embed) = (true, true),
            &[],
        ),
    ]);
}

#[test]
fn syntax_tolerance() {
    run(&[
        ("", nothing, &[]),
        ("#", nothing, &[]),
        ("&", nothing, &[]),
        ("#view=matrix", |s| s.view = View::Matrix, &[]),
        (
            "##view=matrix",
            nothing,
            &["Ignored unknown setting \"#view\"."],
        ),
        (
            "&&view=matrix&&&sort=title&",
            |s| (s.view, s.sort) = (View::Matrix, SortOrder::Title),
            &[],
        ),
        ("q=b=c", |s| s.filters.search = "b=c".into(), &[]),
        ("q==", |s| s.filters.search = "=".into(), &[]),
        (
            "view",
            nothing,
            &["Ignored \"view\" because it has no value."],
        ),
        (
            "embed&hindsight=1",
            |s| s.hindsight = true,
            &["Ignored \"embed\" because it has no value."],
        ),
        (
            "view=matrix&view",
            |s| s.view = View::Matrix,
            &["Ignored \"view\" because it has no value."],
        ),
        ("x", nothing, &["Ignored unknown setting \"x\"."]),
        ("x=1", nothing, &["Ignored unknown setting \"x\"."]),
        (
            "x=1&x=2&y",
            nothing,
            &[
                "Ignored unknown setting \"x\".",
                "Ignored unknown setting \"y\".",
            ],
        ),
        ("=matrix", nothing, &["Ignored unknown setting \"\"."]),
        (
            "View=matrix",
            nothing,
            &["Ignored unknown setting \"View\"."],
        ),
        (
            "VIEW=matrix&view=article",
            |s| s.view = View::Article,
            &["Ignored unknown setting \"VIEW\"."],
        ),
        ("%76iew=matrix", |s| s.view = View::Matrix, &[]),
        (
            "view+=matrix",
            nothing,
            &["Ignored unknown setting \"view \"."],
        ),
        (
            "x%FF=1",
            nothing,
            &["Ignored unknown setting \"x\u{FFFD}\"."],
        ),
        (
            "averyveryveryveryveryveryveryveryverylongkey=1",
            nothing,
            &["Ignored unknown setting \"averyveryveryveryveryveryveryveryverylon…\"."],
        ),
        // Only the first `#` is a prefix; later ones are text.
        ("q=#tag", |s| s.filters.search = "#tag".into(), &[]),
    ]);
}

#[test]
fn repeated_keys_last_wins() {
    run(&[
        (
            "view=matrix&view=timeline",
            |s| s.view = View::Timeline,
            &["\"view\" was given 2 times; used the last one."],
        ),
        (
            "view=matrix&view=bogus",
            nothing,
            &[
                "\"view\" was given 2 times; used the last one.",
                "Ignored unknown view \"bogus\".",
            ],
        ),
        (
            "view=bogus&view=matrix",
            |s| s.view = View::Matrix,
            &["\"view\" was given 2 times; used the last one."],
        ),
        (
            "cat=risk&level=4&cat=unilateral&cat=risk",
            |s| {
                s.filters.categories = set(&[Category::Risk]);
                s.filters.levels = set(&[4]);
            },
            &["\"cat\" was given 3 times; used the last one."],
        ),
        (
            "q=one&q=",
            nothing,
            &["\"q\" was given 2 times; used the last one."],
        ),
        (
            "item=nope&item=new-start",
            |s| s.open_item = Some("new-start".into()),
            &["\"item\" was given 2 times; used the last one."],
        ),
    ]);
}

#[test]
fn bad_percent_escapes_are_kept_as_typed() {
    run(&[
        (
            "q=100%",
            |s| s.filters.search = "100%".into(),
            &["Kept \"%\" in \"q\" as typed: it is not a valid %-escape."],
        ),
        (
            "q=%zz",
            |s| s.filters.search = "%zz".into(),
            &["Kept \"%zz\" in \"q\" as typed: it is not a valid %-escape."],
        ),
        (
            "q=%4",
            |s| s.filters.search = "%4".into(),
            &["Kept \"%4\" in \"q\" as typed: it is not a valid %-escape."],
        ),
        (
            "q=%4g%41%%",
            |s| s.filters.search = "%4gA%%".into(),
            &["Kept \"%4g\" in \"q\" as typed: it is not a valid %-escape."],
        ),
        (
            "q=%%41",
            |s| s.filters.search = "%A".into(),
            &["Kept \"%\" in \"q\" as typed: it is not a valid %-escape."],
        ),
        (
            "q=%é",
            |s| s.filters.search = "%é".into(),
            &["Kept \"%é\" in \"q\" as typed: it is not a valid %-escape."],
        ),
        (
            "domain=%ZZ,cyber",
            |s| s.filters.domains = strings(&["cyber"]),
            &[
                "Ignored unknown domain \"%ZZ\".",
                "Kept \"%ZZ\" in \"domain\" as typed: it is not a valid %-escape.",
            ],
        ),
        (
            "view=%",
            nothing,
            &[
                "Ignored unknown view \"%\".",
                "Kept \"%\" in \"view\" as typed: it is not a valid %-escape.",
            ],
        ),
        ("%=1", nothing, &["Ignored unknown setting \"%\"."]),
    ]);
}

#[test]
fn invalid_utf8_is_replaced() {
    run(&[
        (
            "q=%FF",
            |s| s.filters.search = "\u{FFFD}".into(),
            &["Replaced bytes in \"q\" that are not valid text with \"\u{FFFD}\"."],
        ),
        (
            "q=%C3",
            |s| s.filters.search = "\u{FFFD}".into(),
            &["Replaced bytes in \"q\" that are not valid text with \"\u{FFFD}\"."],
        ),
        (
            "q=%C3%A9%E9t%C3%A9",
            |s| s.filters.search = "é\u{FFFD}té".into(),
            &["Replaced bytes in \"q\" that are not valid text with \"\u{FFFD}\"."],
        ),
        (
            "q=%ED%A0%80%",
            |s| s.filters.search = "\u{FFFD}\u{FFFD}\u{FFFD}%".into(),
            &[
                "Kept \"%\" in \"q\" as typed: it is not a valid %-escape.",
                "Replaced bytes in \"q\" that are not valid text with \"\u{FFFD}\".",
            ],
        ),
        (
            "actor=us,%FF",
            |s| s.filters.actors = strings(&["us"]),
            &[
                "Ignored unknown actor \"\u{FFFD}\".",
                "Replaced bytes in \"actor\" that are not valid text with \"\u{FFFD}\".",
            ],
        ),
    ]);
}

#[test]
fn notices_follow_the_address() {
    run(&[(
        "item=nope&x=1&view=matrix&cat=fruit&x=2&level=9",
        |s| s.view = View::Matrix,
        &[
            "Ignored unknown item \"nope\".",
            "Ignored unknown setting \"x\".",
            "Ignored unknown category \"fruit\".",
            "Ignored unknown level \"9\".",
        ],
    )]);
}

#[test]
fn everything_at_once() {
    run(&[(
        "#embed=1&hindsight=1&passage=v1.2.4&item=cyber-norms&excluded=hide&rows=category&sort=feasibility-asc\
         &q=arms+race&actor=russia,us&domain=cyber&level=1,3&cat=high-hanging&view=scorecard",
        |s| {
            s.view = View::Scorecard;
            s.filters.categories = set(&[Category::HighHanging]);
            s.filters.levels = set(&[1, 3]);
            s.filters.domains = strings(&["cyber"]);
            s.filters.actors = strings(&["russia", "us"]);
            s.filters.search = "arms race".into();
            s.sort = SortOrder::FeasibilityAsc;
            s.matrix_rows = MatrixRows::Category;
            s.hide_excluded = true;
            s.open_item = Some("cyber-norms".into());
            s.passage = Some(PassageRef { item: "v1.2".into(), evidence: 4 });
            s.hindsight = true;
            s.embed = true;
        },
        &[],
    )]);
}

fn full_state() -> ViewState {
    ViewState {
        view: View::Timeline,
        filters: Filters {
            categories: set(&[Category::Risk, Category::LowHanging]),
            levels: set(&[5, 2]),
            domains: strings(&["odd, id é", "cyber"]),
            actors: strings(&["us", "a b"]),
            search: "a,b &=#%+".into(),
        },
        sort: SortOrder::Title,
        matrix_rows: MatrixRows::Actor,
        hide_excluded: true,
        open_item: Some("v1.2".into()),
        passage: Some(PassageRef {
            item: "ünï".into(),
            evidence: 7,
        }),
        hindsight: true,
        embed: true,
    }
}

#[test]
fn to_fragment_writes_the_canonical_form() {
    assert_eq!(to_fragment(&ViewState::default()), "");
    assert_eq!(
        to_fragment(&full_state()),
        "view=timeline&cat=low-hanging,risk&level=2,5&domain=cyber,odd%2C%20id%20%C3%A9&actor=a%20b,us\
         &q=a%2Cb%20%26%3D%23%25%2B&sort=title&rows=actor&excluded=hide&item=v1.2&passage=%C3%BCn%C3%AF.7\
         &hindsight=1&embed=1"
    );

    let one = |edit: Edit| {
        let mut s = ViewState::default();
        edit(&mut s);
        to_fragment(&s)
    };
    assert_eq!(one(|s| s.view = View::Matrix), "view=matrix");
    assert_eq!(one(|s| s.view = View::Cards), "");
    assert_eq!(
        one(|s| s.filters.categories = set(&Category::ALL)),
        "cat=low-hanging,high-hanging,unilateral,risk"
    );
    assert_eq!(one(|s| s.filters.levels = set(&[10, 2])), "level=2,10");
    assert_eq!(
        one(|s| s.filters.domains = strings(&["b", "a"])),
        "domain=a,b"
    );
    assert_eq!(
        one(|s| s.filters.actors = strings(&["us", "china"])),
        "actor=china,us"
    );
    assert_eq!(one(|s| s.filters.search = " ".into()), "q=%20");
    assert_eq!(one(|s| s.filters.search = "A-z_0.9~".into()), "q=A-z_0.9~");
    assert_eq!(
        one(|s| s.filters.search = "café 🍎".into()),
        "q=caf%C3%A9%20%F0%9F%8D%8E"
    );
    assert_eq!(one(|s| s.filters.search = "\n\t\0".into()), "q=%0A%09%00");
    assert_eq!(
        one(|s| s.sort = SortOrder::FeasibilityDesc),
        "sort=feasibility-desc"
    );
    assert_eq!(one(|s| s.sort = SortOrder::Article), "");
    assert_eq!(
        one(|s| s.matrix_rows = MatrixRows::Category),
        "rows=category"
    );
    assert_eq!(one(|s| s.matrix_rows = MatrixRows::Domain), "");
    assert_eq!(one(|s| s.hide_excluded = true), "excluded=hide");
    assert_eq!(
        one(|s| s.open_item = Some("new-start".into())),
        "item=new-start"
    );
    assert_eq!(
        one(|s| s.passage = Some(PassageRef {
            item: "new-start".into(),
            evidence: 0
        })),
        "passage=new-start.0"
    );
    assert_eq!(one(|s| s.hindsight = true), "hindsight=1");
    assert_eq!(one(|s| s.embed = true), "embed=1");
}

#[test]
fn fixed_round_trips() {
    let states = [ViewState::default(), full_state(), {
        let mut s = ViewState::default();
        s.filters.search = "  leading and trailing  ".into();
        s.passage = Some(PassageRef {
            item: "v1.2".into(),
            evidence: 1000,
        });
        s
    }];
    for s in states {
        let fragment = to_fragment(&s);
        assert_eq!(
            parse_fragment(&fragment, &known()),
            (s.clone(), vec![]),
            "{fragment}"
        );
        assert_eq!(
            parse_fragment(&format!("#{fragment}"), &known()),
            (s, vec![]),
            "#{fragment}"
        );
    }
}

#[test]
fn known_ids_of_a_data_set() {
    let data: DataSet = serde_json::from_str(
        r#"{
          "article": {"title": "T", "author": "A", "outlet": "O", "published": "2021-06-14",
                      "url": "https://example.org/a", "citation": "C", "sections": []},
          "feasibility_scale": [{"level": 1, "label": "Hard", "description": "d"},
                                {"level": 3, "label": "Easy", "description": "d"}],
          "vocabularies": {
            "categories": [{"id": "risk", "label": "Risk", "description": "d"}],
            "domains": [{"id": "cyber", "label": "Cyber", "description": "d"}],
            "actors": [{"id": "us", "label": "US", "description": "d"},
                       {"id": "russia", "label": "Russia", "description": "d"}]
          },
          "items": [{"id": "new-start", "title": "T", "summary": "S", "category": "risk",
                     "feasibility": {"level": 3, "rationale": "r"}, "domains": ["cyber"],
                     "actors": ["us"], "evidence": []}],
          "events": []
        }"#,
    )
    .expect("the little data set parses");
    let ids = KnownIds::of(&data);
    assert_eq!(ids.levels, [1, 3]);
    assert_eq!(ids.domains, ["cyber"]);
    assert_eq!(ids.actors, ["us", "russia"]);
    assert_eq!(ids.items, ["new-start"]);

    let (state, notices) = parse_fragment("level=3,2&item=new-start&actor=russia", &ids);
    assert_eq!(state.filters.levels, set(&[3]));
    assert_eq!(state.open_item.as_deref(), Some("new-start"));
    assert_eq!(state.filters.actors, strings(&["russia"]));
    assert_eq!(notices, [UrlNotice("Ignored unknown level \"2\".".into())]);
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn string_set(vocabulary: &'static [&'static str]) -> impl Strategy<Value = BTreeSet<String>> {
    subsequence(vocabulary.to_vec(), 0..=vocabulary.len())
        .prop_map(|ids| ids.into_iter().map(String::from).collect())
}

/// Search text: any Unicode, text rich in the URL's own punctuation, and spaces, up to 200 characters.
fn search_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        ".{0,200}",
        "[&=#%,+. a-zA-Z0-9éß🍎\u{FFFD}]{0,200}",
        proptest::collection::vec(any::<char>(), 0..=200).prop_map(|cs| cs.into_iter().collect()),
    ]
}

fn valid_state() -> impl Strategy<Value = ViewState> {
    let filters = (
        select(View::ALL.to_vec()),
        subsequence(Category::ALL.to_vec(), 0..=4),
        subsequence(LEVELS.to_vec(), 0..=5),
        string_set(&DOMAINS),
        string_set(&ACTORS),
        search_text(),
    );
    let rest = (
        select(SortOrder::ALL.to_vec()),
        select(MatrixRows::ALL.to_vec()),
        any::<bool>(),
        proptest::option::of(select(ITEMS.to_vec())),
        proptest::option::of((
            select(ITEMS.to_vec()),
            prop_oneof![0usize..=10, 0usize..=1000],
        )),
        any::<bool>(),
        any::<bool>(),
    );
    (filters, rest).prop_map(
        |(
            (view, categories, levels, domains, actors, search),
            (sort, matrix_rows, hide_excluded, open_item, passage, hindsight, embed),
        )| {
            let mut s = ViewState {
                view,
                sort,
                matrix_rows,
                hide_excluded,
                hindsight,
                embed,
                ..Default::default()
            };
            s.filters.categories = categories.into_iter().collect();
            s.filters.levels = levels.into_iter().collect();
            s.filters.domains = domains;
            s.filters.actors = actors;
            s.filters.search = search;
            s.open_item = open_item.map(String::from);
            s.passage = passage.map(|(item, evidence)| PassageRef {
                item: item.into(),
                evidence,
            });
            s
        },
    )
}

/// Fragments pieced together from real keys, real and wrong values and broken escapes.
fn token_soup() -> impl Strategy<Value = String> {
    let token = select(vec![
        "view",
        "cat",
        "level",
        "domain",
        "actor",
        "q",
        "sort",
        "rows",
        "excluded",
        "item",
        "passage",
        "hindsight",
        "embed",
        "=",
        "=",
        "&",
        "&",
        ",",
        ",",
        "#",
        "+",
        ".",
        "%",
        "%2",
        "%2C",
        "%41",
        "%FF",
        "%C3",
        "%A9",
        "%zz",
        "matrix",
        "risk",
        "low-hanging",
        "4",
        "5",
        "9",
        "cyber",
        "odd%2C%20id%20%C3%A9",
        "us",
        "a+b",
        "new-start",
        "v1",
        "v1.2",
        ".3",
        ".1001",
        "hide",
        "dim",
        "1",
        "0",
        "title",
        "actor",
        "é",
        "🍎",
        " ",
        "x",
    ]);
    proptest::collection::vec(token, 0..40).prop_map(|ts| ts.concat())
}

/// Parses anything, then checks that the canonical form reads back to the same state with nothing to say.
fn assert_idempotent(input: &str) -> Result<(), TestCaseError> {
    let k = known();
    let (state, notices) = parse_fragment(input, &k);
    for n in &notices {
        prop_assert!(n.0.chars().count() <= 160, "notice too long: {n:?}");
    }
    let fragment = to_fragment(&state);
    let (again, again_notices) = parse_fragment(&fragment, &k);
    prop_assert_eq!(&again, &state, "{:?} -> {:?}", input, fragment);
    prop_assert!(
        again_notices.is_empty(),
        "{:?} -> {:?}: {:?}",
        input,
        fragment,
        again_notices
    );
    prop_assert_eq!(to_fragment(&again), fragment);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn valid_states_round_trip(state in valid_state()) {
        let fragment = to_fragment(&state);
        prop_assert!(
            fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~,=&%".contains(&b)),
            "unexpected character in {:?}", fragment
        );
        prop_assert_eq!(fragment.is_empty(), state == ViewState::default());
        prop_assert_eq!(parse_fragment(&fragment, &known()), (state.clone(), vec![]));
        prop_assert_eq!(parse_fragment(&format!("#{fragment}"), &known()), (state, vec![]));
    }

    #[test]
    fn any_string_parses_idempotently(input in ".*") {
        assert_idempotent(&input)?;
    }

    #[test]
    fn any_url_alphabet_string_parses_idempotently(input in "[a-z=&#%,+.0-9 ]*") {
        assert_idempotent(&input)?;
    }

    #[test]
    fn token_soup_parses_idempotently(input in token_soup()) {
        assert_idempotent(&input)?;
    }
}

// ---------- The query string ----------

/// The value of `?data=`, decoded as `decodeURIComponent` decodes it (`+` a space first); a value that does not decode
/// is kept as it is. (These cases were the browser test `the_data_parameter_is_read_and_dropped`.)
#[test]
fn the_data_parameter_is_read_and_dropped() {
    let cases: &[(&str, Option<&str>)] = &[
        ("?data=potential-fruits.json", Some("potential-fruits.json")),
        (
            "?embed=1&data=https%3A%2F%2Fexample.org%2Fa%20b.json",
            Some("https://example.org/a b.json"),
        ),
        ("?data=", None),
        ("?database=x", None),
        ("", None),
        ("?", None),
        ("data=x.json", Some("x.json")),
        // A bad escape is kept as it is.
        ("?data=%E0%A4%A", Some("%E0%A4%A")),
        ("?data=100%", Some("100%")),
        ("?data=%zz.json", Some("%zz.json")),
        // Escapes of bytes that are no UTF-8 text: kept as they are, as decodeURIComponent refuses them.
        ("?data=%FF.json", Some("%FF.json")),
        ("?data=%ED%A0%80", Some("%ED%A0%80")),
        // `+` is a space, decoded or not; `%2B` is a plus.
        ("?data=my+set.json", Some("my set.json")),
        ("?data=a+b%2Bc.json", Some("a b+c.json")),
        ("?data=a+%zz", Some("a %zz")),
        ("?data=%C3%A9t%C3%A9.json", Some("été.json")),
        // The first `data` wins; other parameters are not read.
        ("?data=a.json&data=b.json", Some("a.json")),
        ("?x=1&data=a%26b.json&y=2", Some("a&b.json")),
    ];
    for &(search, expected) in cases {
        assert_eq!(data_param(search).as_deref(), expected, "{search:?}");
    }
}

#[test]
fn the_query_without_its_data_parameter() {
    let cases: &[(&str, &str)] = &[
        ("?embed=1&data=x.json", "?embed=1"),
        ("?data=x.json", ""),
        ("", ""),
        ("?", ""),
        ("?data", ""),
        ("?data=x.json&embed=1", "?embed=1"),
        ("?a=1&&data=x&b=2", "?a=1&b=2"),
        ("?database=x", "?database=x"),
        ("embed=1", "?embed=1"),
    ];
    for &(search, expected) in cases {
        assert_eq!(search_without_data(search), expected, "{search:?}");
    }
}

#[test]
fn an_item_page_is_a_folder_beside_the_explorer() {
    use summit_core::url::item_page_path;
    assert_eq!(
        item_page_path("diplomatic-missions"),
        "items/diplomatic-missions/"
    );
    assert_eq!(item_page_path("a b/c"), "items/a%20b%2Fc/");
}

#[test]
fn only_the_default_view_with_one_item_open_has_an_item_page() {
    use summit_core::action::Action;
    use summit_core::url::item_page_of;
    let open = ViewState::default().apply(Action::OpenItem("a".into()));
    assert_eq!(item_page_of(&open), Some("a"));
    let embedded = ViewState {
        embed: true,
        ..open.clone()
    };
    assert_eq!(item_page_of(&embedded), Some("a"));
    assert_eq!(item_page_of(&ViewState::default()), None);
    let in_matrix = ViewState {
        view: View::Matrix,
        ..open.clone()
    };
    assert_eq!(item_page_of(&in_matrix), None);
    let with_layer = ViewState {
        hindsight: true,
        ..open
    };
    assert_eq!(item_page_of(&with_layer), None);
}
