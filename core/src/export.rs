//! Exports of what the explorer shows: the filtered items as CSV or as a data set (JSON), and the matrix as a standalone SVG file.
//!
//! Everything here is string building on the data model; the app only hands the result to the browser as a download.

use std::collections::HashSet;
use std::fmt;

use crate::embed::escape_attribute;
use crate::model::{term_label, Category, DataSet, Item, Term, Verdict};
use crate::text::count_noun;

/// The file name of the CSV export.
pub const CSV_FILE_NAME: &str = "summit-fruits-items.csv";
/// The file name of the JSON export.
pub const JSON_FILE_NAME: &str = "summit-fruits-items.json";
/// The file name of the matrix as SVG.
pub const SVG_FILE_NAME: &str = "summit-fruits-matrix.svg";
/// The file name of the matrix as PNG.
pub const PNG_FILE_NAME: &str = "summit-fruits-matrix.png";

/// The column headers of the CSV export, in order.
pub const CSV_HEADERS: [&str; 15] = [
    "id",
    "category",
    "category_label",
    "title",
    "summary",
    "feasibility_level",
    "feasibility_label",
    "feasibility_rationale",
    "feasibility_reading_note",
    "domains",
    "actors",
    "people",
    "evidence",
    "evidence_count",
    "related",
];

/// What separates the values of a list inside one CSV cell (domains, actors, people, related items).
pub const LIST_SEPARATOR: &str = "; ";
/// What separates the evidence quotations inside their CSV cell: each quotation is on a line of its own.
pub const EVIDENCE_SEPARATOR: &str = "\n";

/// The two formats the items can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemsFormat {
    Csv,
    Json,
}

impl ItemsFormat {
    /// The name readers know the format by.
    pub fn name(self) -> &'static str {
        match self {
            ItemsFormat::Csv => "CSV",
            ItemsFormat::Json => "JSON",
        }
    }

    /// The file name of the download.
    pub fn file_name(self) -> &'static str {
        match self {
            ItemsFormat::Csv => CSV_FILE_NAME,
            ItemsFormat::Json => JSON_FILE_NAME,
        }
    }

    /// The media type of the download.
    pub fn media_type(self) -> &'static str {
        match self {
            ItemsFormat::Csv => "text/csv;charset=utf-8",
            ItemsFormat::Json => "application/json",
        }
    }
}

/// The label of a download button that names what it downloads: "Download 6 items as CSV", "Download 1 item as JSON".
pub fn download_label(count: usize, format: ItemsFormat) -> String {
    format!(
        "Download {} as {}",
        count_noun(count, "item", "items"),
        format.name()
    )
}

/// A cell a spreadsheet could take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets
/// a leading apostrophe, so opening the file never runs anything; every other cell is written as it is.
pub fn neutralise_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// One quotation in its CSV form: the exact words, then where they are, as in `the words (section-id, paragraph 3)`.
fn evidence_cell(item: &Item) -> String {
    item.evidence
        .iter()
        .map(|q| format!("{} ({}, paragraph {})", q.quote, q.section, q.paragraph))
        .collect::<Vec<_>>()
        .join(EVIDENCE_SEPARATOR)
}

/// The CSV row of one item, in the order of [`CSV_HEADERS`].
fn csv_row(data: &DataSet, item: &Item) -> Vec<String> {
    let vocab = &data.vocabularies;
    let labels = |terms: &[Term], ids: &[String]| {
        ids.iter()
            .map(|id| term_label(terms, id))
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR)
    };
    let people = item
        .people
        .iter()
        .map(|p| format!("{} ({})", p.name, p.role))
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR);
    vec![
        item.id.clone(),
        item.category.id().to_string(),
        data.category_label(item.category).to_string(),
        item.title.clone(),
        item.summary.clone(),
        item.feasibility.level.to_string(),
        data.level_label(item.feasibility.level).to_string(),
        item.feasibility.rationale.clone(),
        item.feasibility.reading_note.clone().unwrap_or_default(),
        labels(&vocab.domains, &item.domains),
        labels(&vocab.actors, &item.actors),
        people,
        evidence_cell(item),
        item.evidence.len().to_string(),
        item.related.join(LIST_SEPARATOR),
    ]
}

/// The items at `shown` (indices into `data.items`, in the order they are shown) as CSV: a header row of
/// [`CSV_HEADERS`], then one row per item, with labels from the data set's vocabularies.
///
/// The file is RFC 4180 CSV (comma-separated, CRLF line ends, fields with commas, quotes or line breaks in double quotes)
/// and starts with a UTF-8 byte order mark, so spreadsheets read its curly quotes and accents as UTF-8. Lists in one
/// cell are joined with [`LIST_SEPARATOR`]; the evidence quotations are one per line ([`EVIDENCE_SEPARATOR`]), each
/// followed by its section and paragraph. Cells a spreadsheet could run as a formula are neutralised
/// ([`neutralise_formula`]). Indices outside the data set are skipped.
pub fn items_csv(data: &DataSet, shown: &[usize]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail, and every record has the header's length, so these results are always Ok.
    let _ = writer.write_record(CSV_HEADERS);
    for item in shown.iter().filter_map(|&i| data.items.get(i)) {
        let row = csv_row(data, item);
        let _ = writer.write_record(row.iter().map(|cell| neutralise_formula(cell)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// The data set cut down to the items at `shown`, in the data set's (article) order, or `None` when no item is left
/// (a data set needs at least one). The article, scale, vocabularies and events stay whole; references to items left
/// out (in `related` and in the events' `items`) are dropped, so the result passes the same validation as the original.
pub fn data_set_of(data: &DataSet, shown: &[usize]) -> Option<DataSet> {
    let keep: HashSet<usize> = shown
        .iter()
        .copied()
        .filter(|&i| i < data.items.len())
        .collect();
    if keep.is_empty() {
        return None;
    }
    let kept_ids: HashSet<&str> = keep.iter().map(|&i| data.items[i].id.as_str()).collect();
    let items = data
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, item)| {
            let mut item = item.clone();
            item.related.retain(|id| kept_ids.contains(id.as_str()));
            item
        })
        .collect();
    let events = data
        .events
        .iter()
        .map(|event| {
            let mut event = event.clone();
            event.items.retain(|id| kept_ids.contains(id.as_str()));
            event
        })
        .collect();
    Some(DataSet {
        items,
        events,
        ..data.clone()
    })
}

/// The data set of the items at `shown` ([`data_set_of`]) as pretty-printed JSON in the format of
/// `data/potential-fruits.json`, or `None` when no item is left.
pub fn items_json(data: &DataSet, shown: &[usize]) -> Option<String> {
    let subset = data_set_of(data, shown)?;
    serde_json::to_string_pretty(&subset)
        .ok()
        .map(|json| json + "\n")
}

/// The colours of the current theme that the matrix is drawn with, read from the page's design tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixPalette {
    pub surface: String,
    pub surface_2: String,
    pub text: String,
    pub text_muted: String,
    pub border: String,
    pub border_strong: String,
    /// Each category's colour and its soft background.
    pub categories: Vec<(Category, String, String)>,
    /// Each outcome's colour, for marks that carry one (the hindsight layer).
    pub verdicts: Vec<(Verdict, String)>,
}

/// The font the matrix is drawn in, as in the page's `--font-ui`.
const FONT_UI: &str =
    "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";

/// Whether a value is a colour and nothing else, so that it is safe to write into a style sheet. Admitted: a hex
/// colour (`#1d2026`: 3, 4, 6 or 8 hex digits); a colour keyword (letters only, as `red`, `transparent` or
/// `currentcolor`, not the CSS-wide `inherit`, `initial`, `unset` or `revert`); a colour function (`rgb`, `rgba`,
/// `hsl`, `hsla`, `hwb`, `lab`, `lch`, `oklab`, `oklch`, `color`) whose arguments are numbers, units, keywords and
/// `, / % + - .` with no parenthesis inside. So no `url(…)`, `var(…)`, `image(…)` or nested function, and nothing
/// that could close a rule or the `<style>` element.
pub fn is_plain_colour(value: &str) -> bool {
    const FUNCTIONS: [&str; 10] = [
        "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
    ];
    const CSS_WIDE: [&str; 4] = ["inherit", "initial", "unset", "revert"];
    if value.len() > 100 {
        return false;
    }
    if let Some(hex) = value.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if let Some((name, rest)) = value.split_once('(') {
        let Some(arguments) = rest.strip_suffix(')') else {
            return false;
        };
        return FUNCTIONS.iter().any(|f| name.eq_ignore_ascii_case(f))
            && !arguments.trim().is_empty()
            && arguments
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " ,/%+-.".contains(c));
    }
    !value.is_empty()
        && value.len() <= 32
        && value.bytes().all(|b| b.is_ascii_alphabetic())
        && !CSS_WIDE.iter().any(|k| value.eq_ignore_ascii_case(k))
}

/// Why a standalone SVG could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SvgExportError {
    /// A colour of the palette is not a plain colour value ([`is_plain_colour`]).
    BadColour(String),
    /// The markup does not start with an `<svg` element that ends its start tag.
    NotSvg,
}

impl fmt::Display for SvgExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SvgExportError::BadColour(value) => {
                write!(
                    f,
                    "the theme colour {value:?} cannot be written into the file"
                )
            }
            SvgExportError::NotSvg => f.write_str("the matrix could not be read as SVG"),
        }
    }
}

/// The style sheet of a standalone matrix: the rules of `static/matrix.css` for the SVG (and of `hindsight.css` for
/// the outcome shapes) with the theme's colours written in, so the file looks like the screen without the page's CSS.
pub fn matrix_svg_style(p: &MatrixPalette) -> Result<String, SvgExportError> {
    let mut colours: Vec<&str> = vec![
        &p.surface,
        &p.surface_2,
        &p.text,
        &p.text_muted,
        &p.border,
        &p.border_strong,
    ];
    for (_, strong, soft) in &p.categories {
        colours.push(strong);
        colours.push(soft);
    }
    colours.extend(p.verdicts.iter().map(|(_, c)| c.as_str()));
    if let Some(bad) = colours.iter().find(|c| !is_plain_colour(c)) {
        return Err(SvgExportError::BadColour(bad.to_string()));
    }

    let mut css = format!(
        "svg{{font-family:{FONT_UI}}}\n\
         .matrix-export-background{{fill:{surface}}}\n\
         .matrix-col{{fill:{surface}}}\n\
         .matrix-col--alt{{fill:{surface_2}}}\n\
         .matrix-row-line{{stroke:{border};stroke-width:1}}\n\
         .matrix-axis{{fill:{muted};font-size:12px}}\n\
         .matrix-corner{{fill:{muted};font-size:12px;font-weight:600;letter-spacing:0.04em;text-transform:uppercase}}\n\
         .matrix-col-label{{fill:{text};font-size:14px;font-weight:700}}\n\
         .matrix-col-level{{fill:{muted};font-size:12px}}\n\
         .matrix-row-label{{fill:{text};font-size:13px;font-weight:600}}\n\
         .matrix-mark-box{{stroke-width:1.5px}}\n\
         .matrix-mark-shape{{stroke-width:1px;vector-effect:non-scaling-stroke}}\n\
         .matrix-mark-label{{fill:{text};font-size:12.5px}}\n",
        surface = p.surface,
        surface_2 = p.surface_2,
        border = p.border,
        muted = p.text_muted,
        text = p.text,
    );
    for (category, strong, soft) in &p.categories {
        let c = category.id();
        css.push_str(&format!(
            ".cat-{c} .matrix-mark-box{{fill:{soft};stroke:{strong}}}\n\
             .cat-{c} .matrix-mark-shape{{fill:{strong};stroke:{strong}}}\n"
        ));
    }
    css.push_str(&format!(
        ".matrix-mark--dim .matrix-mark-box{{fill:{surface};stroke:{strong};stroke-dasharray:5 3}}\n\
         .matrix-mark--dim .matrix-mark-shape{{fill-opacity:0.3}}\n\
         .matrix-mark--dim .matrix-mark-label{{fill:{muted}}}\n\
         .matrix-mark-verdict{{overflow:visible}}\n\
         .verdict-back{{fill:{surface}}}\n\
         .verdict-knockout{{fill:none;stroke:{surface};stroke-width:2.2px;stroke-linecap:round;stroke-linejoin:round}}\n",
        surface = p.surface,
        strong = p.border_strong,
        muted = p.text_muted,
    ));
    for (verdict, colour) in &p.verdicts {
        let v = verdict.id();
        css.push_str(&format!(
            ".verdict-{v} .matrix-mark-verdict-back{{fill:{surface};stroke:{colour};stroke-width:1px}}\n\
             .verdict-{v} .verdict-fill{{fill:{colour}}}\n\
             .verdict-{v} .verdict-ring{{fill:none;stroke:{colour};stroke-width:1.6px}}\n\
             .verdict-{v} .verdict-cross{{fill:none;stroke:{colour};stroke-width:2.8px;stroke-linecap:round}}\n\
             .verdict-{v} .verdict-arc{{fill:none;stroke:{colour};stroke-width:2.2px;stroke-linecap:round}}\n",
            surface = p.surface,
        ));
    }
    Ok(css)
}

/// Where the start tag of the root `<svg>` element ends (the index of its `>`), skipping `>` inside quoted values.
fn root_start_tag_end(markup: &str) -> Option<usize> {
    let rest = markup.strip_prefix("<svg")?;
    if !rest.starts_with(|c: char| c.is_whitespace() || c == '>') {
        return None;
    }
    let mut quote: Option<char> = None;
    for (i, c) in markup.char_indices().skip(4) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            (None, _) => {}
        }
    }
    None
}

/// A standalone SVG file from the markup of the matrix's `<svg>` element (as an XML serialiser writes it): an XML
/// declaration, the SVG namespace on the root, then a `<title>`, the `style` sheet and a background the size of the
/// picture as its first children, before the matrix itself.
pub fn standalone_svg(markup: &str, title: &str, style: &str) -> Result<String, SvgExportError> {
    let markup = markup.trim();
    let end = root_start_tag_end(markup).ok_or(SvgExportError::NotSvg)?;
    if markup[..end].ends_with('/') {
        return Err(SvgExportError::NotSvg);
    }
    let (start_tag, body) = markup.split_at(end);
    let body = &body[1..];
    let namespace = if start_tag.contains("xmlns=\"http://www.w3.org/2000/svg\"") {
        ""
    } else {
        " xmlns=\"http://www.w3.org/2000/svg\""
    };
    // The style sheet is written as character data; `]]>` cannot occur in colours (see `is_plain_colour`) or rules.
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{start_tag}{namespace}>\
         <title>{title}</title>\
         <style><![CDATA[\n{style}]]></style>\
         <rect class=\"matrix-export-background\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"/>\
         {body}\n",
        title = escape_attribute(title),
        style = style.replace("]]>", "]]]]><![CDATA[>"),
    ))
}
