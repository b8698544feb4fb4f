//! Tests of `summit_core::export`: the CSV reads back exactly through a CSV reader, the JSON export passes the project's
//! own validator with the expected items, and the standalone SVG is well formed with its title and styles.

use summit_core::export::{
    data_set_of, download_label, is_plain_colour, items_csv, items_json, matrix_svg_style,
    neutralise_formula, standalone_svg, ItemsFormat, MatrixPalette, SvgExportError, CSV_HEADERS,
};
use summit_core::model::{Category, DataSet, Verdict};
use summit_core::query::{filter_items, sort_items, SearchIndex};
use summit_core::state::{Filters, SortOrder};
use summit_core::validate::{parse_and_validate, Limits};

const BUNDLED: &str = include_str!("../../data/potential-fruits.json");

fn bundled() -> DataSet {
    parse_and_validate(BUNDLED, &Limits::default())
        .expect("the bundled data set is valid")
        .0
}

/// The item indices a filter leaves, in the order the explorer shows them.
fn shown(data: &DataSet, filters: &Filters, sort: SortOrder) -> Vec<usize> {
    let index = SearchIndex::new(data);
    let mut shown = filter_items(data, &index, filters);
    sort_items(data, &mut shown, sort);
    shown
}

/// The records of a CSV export, read back with a CSV reader (the byte order mark removed first).
fn read_csv(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = csv_text
        .strip_prefix('\u{feff}')
        .expect("the export starts with a UTF-8 byte order mark");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a well-formed record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (headers, rows)
}

fn column(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn csv_has_one_row_per_filtered_item_in_the_shown_order() {
    let data = bundled();
    let filters = Filters {
        categories: [Category::LowHanging].into(),
        ..Filters::default()
    };
    // The risks' rows carry the reading note of their double negative.
    let risks = Filters {
        categories: [Category::Risk].into(),
        ..Filters::default()
    };
    let risk_order = shown(&data, &risks, SortOrder::Title);
    let (headers, rows) = read_csv(&items_csv(&data, &risk_order));
    for (row, &i) in rows.iter().zip(&risk_order) {
        let note = data.items[i].feasibility.reading_note.as_deref();
        assert!(note.is_some(), "{} has a reading note", data.items[i].id);
        assert_eq!(
            Some(row[column(&headers, "feasibility_reading_note")].as_str()),
            note
        );
    }

    let order = shown(&data, &filters, SortOrder::Title);
    assert!(order.len() > 1, "the filter leaves several items");
    let (headers, rows) = read_csv(&items_csv(&data, &order));
    assert_eq!(headers, CSV_HEADERS);
    assert_eq!(rows.len(), order.len());
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<&str> = order.iter().map(|&i| data.items[i].id.as_str()).collect();
    assert_eq!(ids, expected);
    for (row, &i) in rows.iter().zip(&order) {
        let item = &data.items[i];
        assert_eq!(row[column(&headers, "category")], "low-hanging");
        assert_eq!(row[column(&headers, "title")], item.title);
        assert_eq!(
            row[column(&headers, "feasibility_rationale")],
            item.feasibility.rationale
        );
        assert_eq!(
            row[column(&headers, "feasibility_reading_note")],
            item.feasibility.reading_note.as_deref().unwrap_or("")
        );
        assert_eq!(
            row[column(&headers, "feasibility_level")],
            item.feasibility.level.to_string()
        );
        assert_eq!(
            row[column(&headers, "evidence_count")],
            item.evidence.len().to_string()
        );
        // Each quotation on a line of its own, with its place in the article.
        let evidence: Vec<&str> = row[column(&headers, "evidence")].split('\n').collect();
        assert_eq!(evidence.len(), item.evidence.len());
        for (line, q) in evidence.iter().zip(&item.evidence) {
            assert_eq!(
                *line,
                format!("{} ({}, paragraph {})", q.quote, q.section, q.paragraph)
            );
        }
    }
}

#[test]
fn csv_of_every_item_uses_the_vocabulary_labels() {
    let data = bundled();
    let all: Vec<usize> = (0..data.items.len()).collect();
    let (headers, rows) = read_csv(&items_csv(&data, &all));
    assert_eq!(rows.len(), data.items.len());
    let first = &data.items[0];
    let domain_label = &data
        .vocabularies
        .domains
        .iter()
        .find(|d| d.id == first.domains[0])
        .unwrap()
        .label;
    assert!(rows[0][column(&headers, "domains")].contains(domain_label.as_str()));
    let level_label = &data
        .feasibility_scale
        .iter()
        .find(|l| l.level == first.feasibility.level)
        .unwrap()
        .label;
    assert_eq!(&rows[0][column(&headers, "feasibility_label")], level_label);
}

#[test]
fn commas_quotes_and_line_breaks_round_trip_through_a_csv_reader() {
    let mut data = bundled();
    let tricky = [
        "Arms, talks, and more",
        "The \"New START\" treaty",
        "Line one\nline two\r\nline three",
        "Both, \"quoted\"\nand broken",
        "  spaces kept  ",
    ];
    for (item, title) in data.items.iter_mut().zip(tricky) {
        item.title = title.to_string();
        item.summary = format!("{title}, again");
    }
    let order: Vec<usize> = (0..tricky.len()).collect();
    let (headers, rows) = read_csv(&items_csv(&data, &order));
    assert_eq!(rows.len(), tricky.len());
    for (row, title) in rows.iter().zip(tricky) {
        assert_eq!(row[column(&headers, "title")], title);
        assert_eq!(row[column(&headers, "summary")], format!("{title}, again"));
    }
}

#[test]
fn cells_that_a_spreadsheet_would_run_are_neutralised() {
    assert_eq!(
        neutralise_formula("=HYPERLINK(\"x\")"),
        "'=HYPERLINK(\"x\")"
    );
    assert_eq!(neutralise_formula("+1"), "'+1");
    assert_eq!(neutralise_formula("-1"), "'-1");
    assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(neutralise_formula("Arms control"), "Arms control");
    assert_eq!(neutralise_formula("3"), "3");
    assert_eq!(neutralise_formula(""), "");

    let mut data = bundled();
    data.items[0].title = "=1+1".to_string();
    let (headers, rows) = read_csv(&items_csv(&data, &[0]));
    assert_eq!(rows[0][column(&headers, "title")], "'=1+1");
}

#[test]
fn csv_of_no_items_is_the_header_row_and_indices_out_of_range_are_skipped() {
    let data = bundled();
    let (headers, rows) = read_csv(&items_csv(&data, &[]));
    assert_eq!(headers, CSV_HEADERS);
    assert!(rows.is_empty());
    let (_, rows) = read_csv(&items_csv(&data, &[0, 9999]));
    assert_eq!(rows.len(), 1);
}

#[test]
fn json_of_a_filter_passes_the_validator_and_holds_exactly_the_filtered_items() {
    let data = bundled();
    let filters = Filters {
        search: "arms".to_string(),
        ..Filters::default()
    };
    let order = shown(&data, &filters, SortOrder::FeasibilityAsc);
    assert!(!order.is_empty() && order.len() < data.items.len());
    let json = items_json(&data, &order).expect("some items");
    let (subset, _warnings) = parse_and_validate(&json, &Limits::default())
        .unwrap_or_else(|problems| panic!("the export is refused: {problems:#?}"));

    // The same items, in the data set's own (article) order.
    let mut expected = order.clone();
    expected.sort_unstable();
    let expected_ids: Vec<&str> = expected
        .iter()
        .map(|&i| data.items[i].id.as_str())
        .collect();
    let ids: Vec<&str> = subset.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, expected_ids);
    assert_eq!(subset.article, data.article);
    assert_eq!(subset.vocabularies, data.vocabularies);
    assert_eq!(subset.events.len(), data.events.len());
}

#[test]
fn references_to_items_left_out_are_dropped() {
    let data = bundled();
    let (with_related, item) = data
        .items
        .iter()
        .enumerate()
        .find(|(_, item)| !item.related.is_empty())
        .expect("an item with related items");
    let subset = data_set_of(&data, &[with_related]).expect("one item");
    assert_eq!(subset.items.len(), 1);
    assert!(subset.items[0].related.is_empty());
    assert_eq!(subset.items[0].evidence, item.evidence);
    for event in &subset.events {
        assert!(event.items.iter().all(|id| id == &item.id));
    }
    // A validator would refuse the dangling references; the cut data set passes.
    let json = items_json(&data, &[with_related]).unwrap();
    assert!(parse_and_validate(&json, &Limits::default()).is_ok());

    // Two items that name each other keep the link.
    let partner = data
        .items
        .iter()
        .position(|i| i.id == item.related[0])
        .unwrap();
    let pair = data_set_of(&data, &[partner, with_related]).unwrap();
    let kept = pair.items.iter().find(|i| i.id == item.id).unwrap();
    assert_eq!(kept.related, vec![item.related[0].clone()]);
}

#[test]
fn json_of_no_items_is_none_since_a_data_set_needs_one() {
    let data = bundled();
    assert!(items_json(&data, &[]).is_none());
    assert!(data_set_of(&data, &[9999]).is_none());
}

#[test]
fn download_labels_name_the_count_and_the_format() {
    assert_eq!(
        download_label(6, ItemsFormat::Csv),
        "Download 6 items as CSV"
    );
    assert_eq!(
        download_label(1, ItemsFormat::Json),
        "Download 1 item as JSON"
    );
    assert_eq!(ItemsFormat::Csv.file_name(), "summit-fruits-items.csv");
    assert_eq!(ItemsFormat::Json.file_name(), "summit-fruits-items.json");
}

fn palette() -> MatrixPalette {
    MatrixPalette {
        surface: "#ffffff".into(),
        surface_2: "#efede6".into(),
        text: "#1d1f24".into(),
        text_muted: "#4f5561".into(),
        border: "#c9c6bb".into(),
        border_strong: "rgb(107, 111, 120)".into(),
        categories: Category::ALL
            .iter()
            .map(|&c| (c, "#2e7d32".to_string(), "#e3f1e4".to_string()))
            .collect(),
        verdicts: vec![(Verdict::BorneOut, "#1b7a3a".to_string())],
    }
}

#[test]
fn the_style_sheet_has_the_theme_colours_written_in() {
    let css = matrix_svg_style(&palette()).unwrap();
    assert!(css.contains(".matrix-col{fill:#ffffff}"));
    assert!(css.contains(".cat-risk .matrix-mark-box{fill:#e3f1e4;stroke:#2e7d32}"));
    assert!(css.contains(".verdict-borne-out .verdict-fill{fill:#1b7a3a}"));
    assert!(!css.contains("var("), "no custom properties: {css}");
}

#[test]
fn only_colour_values_are_written_into_the_style_sheet() {
    let cases: &[(&str, bool)] = &[
        // Hex colours.
        ("#1d2026", true),
        ("#FFF", true),
        ("#1d2026cc", true),
        ("#abcd", true),
        ("#12345", false),
        ("#1d2026c", false),
        ("#ggg", false),
        ("#", false),
        // Keywords.
        ("red", true),
        ("transparent", true),
        ("currentColor", true),
        ("rebeccapurple", true),
        ("inherit", false),
        ("unset", false),
        ("", false),
        ("red blue", false),
        // Colour functions, as a browser's computed style writes them.
        ("rgb(29, 32, 38)", true),
        ("rgba(29, 32, 38, 0.5)", true),
        ("rgb(29 32 38 / 50%)", true),
        ("hsl(210deg 10% 20%)", true),
        ("oklch(0.62 0.19 29.2)", true),
        ("color(srgb 0.11 0.12 0.15 / 0.5)", true),
        ("lab(52.2 40.1 59.9)", true),
        ("rgb()", false),
        ("rgb(1, 2, 3", false),
        ("rgb(1, 2, 3))", false),
        ("rgb(1, 2, 3) red", false),
        // Anything that loads, refers or nests.
        ("url(x.png)", false),
        ("url(https://example.org/track.png)", false),
        ("URL(x)", false),
        ("var(--text)", false),
        ("image(red)", false),
        ("rgb(calc(1 + 2) 0 0)", false),
        ("rgb(var(--r) 0 0)", false),
        ("-webkit-image-set(url(x) 1x)", false),
        ("expression(alert(1))", false),
        // Anything that closes a rule or the element.
        ("red}</style><script>", false),
        ("red;x:y", false),
        ("rgb(1 2 3);x:y", false),
        ("rgb(1 2 3 }", false),
        ("red\n", false),
        ("\"red\"", false),
        ("'red'", false),
        ("]]>", false),
    ];
    for (value, expected) in cases {
        assert_eq!(
            is_plain_colour(value),
            *expected,
            "is_plain_colour({value:?})"
        );
    }
    let long = format!("rgb({})", "1 ".repeat(60));
    assert!(!is_plain_colour(&long), "over 100 characters");
    let mut bad = palette();
    bad.text = "#000}svg{display:none".into();
    assert_eq!(
        matrix_svg_style(&bad),
        Err(SvgExportError::BadColour("#000}svg{display:none".into()))
    );
}

#[test]
fn the_standalone_svg_has_the_namespace_a_title_and_the_styles_first() {
    let markup = r#"<svg class="matrix-svg" viewBox="0 0 10 10" data-x="a>b"><desc>About</desc><rect class="matrix-col"/></svg>"#;
    let svg = standalone_svg(
        markup,
        "Feasibility & more <matrix>",
        ".matrix-col{fill:#fff}",
    )
    .unwrap();
    assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg class=\"matrix-svg\" viewBox=\"0 0 10 10\" data-x=\"a>b\" xmlns=\"http://www.w3.org/2000/svg\"><title>Feasibility &amp; more &lt;matrix&gt;</title><style><![CDATA[\n.matrix-col{fill:#fff}]]></style><rect class=\"matrix-export-background\""));
    assert!(svg
        .trim_end()
        .ends_with("<desc>About</desc><rect class=\"matrix-col\"/></svg>"));

    // A namespace already there is not written twice.
    let namespaced = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>"#;
    let svg = standalone_svg(namespaced, "T", "").unwrap();
    assert_eq!(svg.matches("xmlns=").count(), 1);
}

#[test]
fn markup_that_is_not_an_svg_element_is_refused() {
    for markup in [
        "",
        "<div></div>",
        "<svgx>",
        "<svg",
        "<svg/>",
        "text <svg></svg>",
    ] {
        assert_eq!(
            standalone_svg(markup, "T", ""),
            Err(SvgExportError::NotSvg),
            "{markup:?}"
        );
    }
}
