//! The explorer's on-demand module: the parts of the app that a reader may never use, built into a second wasm module
//! that the first fetches only when one of them is first needed (`src/ondemand.rs` in the app).
//!
//! It holds the data-set checker (JSON in, the wire form of its outcome out) with the reading of a chosen file or a
//! `?data=` response within the size limit ([`data_source`]), the hindsight layer's check (with the bundled
//! `data/hindsight.json`), the CSV and JSON downloads of the items shown, and the text of the bundled data set and its
//! schema for the single file's "save" buttons, every file saved ([`download`]), the Cite dialog ([`cite`] what
//! it says, [`cite_dialog`] its drawing), the Embed dialog ([`embed_code`], [`embed_dialog`]), a card's hindsight
//! section ([`hindsight_panel`]), the matrix, article, scorecard and timeline views ([`matrix_view`], [`article_view`],
//! [`scorecard_view`], [`timeline_view`], with what they share in [`view_parts`]), all drawn with [`dom`], and the
//! matrix saved as SVG and PNG ([`matrix_file`]). The two modules share no memory: they talk through strings and bytes
//! only, the values in the wire form of `summit_core::wire`.
//!
//! Each function is plain Rust (tested natively and called directly by the app's component tests) with a
//! `#[wasm_bindgen]` export of the same name in [`exports`].

use summit_core::export::{items_csv, items_json};
use summit_core::model::{DataSet, Hindsight};
use summit_core::url::{parse_fragment, KnownIds};
use summit_core::validate::{
    is_web_url, parse_and_validate, parse_and_validate_hindsight, parse_data_set, Limits, Problem,
};
use summit_core::wire::{self, DataSetOutcome, HindsightOutcome};

pub mod article_view;
pub mod cite;
pub mod cite_dialog;
pub mod data_source;
pub mod dom;
pub mod download;
pub mod embed_dialog;
pub mod exports;
pub mod hindsight_panel;
pub mod matrix_file;
pub mod matrix_view;
pub mod scorecard_view;
pub mod timeline_view;
pub mod view_parts;

/// The bundled hindsight layer's JSON (`data/hindsight.json`).
pub const HINDSIGHT_JSON: &str = include_str!("../../data/hindsight.json");
/// The bundled data set's JSON, saved from memory by the single file (a hosted page links to the file instead).
pub const DATA_SET_JSON: &str = include_str!("../../data/potential-fruits.json");
/// The data set's JSON Schema, likewise.
pub const SCHEMA_JSON: &str = include_str!("../../data/schema.json");

/// Parses and validates a data set with the default limits: the wire form of a [`DataSetOutcome`], accepted with its
/// warnings or refused with every problem.
pub fn check_data_set(json: &str) -> Vec<u8> {
    let outcome = parse_and_validate(json, &Limits::default()).and_then(|(data, warnings)| {
        // The validator already refuses an article address that is not http(s); keep the guarantee here too, since
        // the address becomes a link.
        if is_web_url(&data.article.url) {
            Ok((data, warnings))
        } else {
            Err(vec![Problem::error(
                "$.article.url",
                "the article's address is not an http:// or https:// address",
            )])
        }
    });
    wire::encode::<DataSetOutcome>(&outcome)
}

/// Parses and validates hindsight JSON (the bundled layer when `json` is `None`) against the data set in `data_set`
/// (its wire form): the wire form of a [`HindsightOutcome`].
pub fn check_hindsight(data_set: &[u8], json: Option<&str>) -> Vec<u8> {
    let outcome = match self::data_set(data_set) {
        Ok(data) => {
            parse_and_validate_hindsight(json.unwrap_or(HINDSIGHT_JSON), &data, &Limits::default())
        }
        Err(reason) => Err(vec![Problem::error("$", reason)]),
    };
    wire::encode::<HindsightOutcome>(&outcome)
}

/// The CSV file of the items at `shown` (indices into the data set in `data_set`, its wire form).
pub fn export_csv(data_set: &[u8], shown: &[u32]) -> Result<String, String> {
    let data = self::data_set(data_set)?;
    Ok(items_csv(&data, &indices(shown)))
}

/// The JSON file of the items at `shown`, in the format of the bundled data set; an error when no item is left.
pub fn export_json(data_set: &[u8], shown: &[u32]) -> Result<String, String> {
    let data = self::data_set(data_set)?;
    items_json(&data, &indices(shown)).ok_or_else(|| "there is no item to save".to_string())
}

/// The Cite dialog's content for `request` on the data set in `data_set` (its wire form).
pub fn cite_content(
    data_set: &[u8],
    request: &cite::CiteRequest,
) -> Result<cite::CiteContent, String> {
    let data = self::data_set(data_set)?;
    cite::cite_content(&data, request)
}

/// The Embed dialog's two snippets.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedCode {
    /// The iframe with the loader that sizes it.
    pub iframe: String,
    /// The script embed: its element with the view's settings, and its entry script.
    pub script: String,
}

/// The Embed dialog's code for the view at `fragment` (the address's fragment, with or without `#`) of the page at
/// `href`, on the data set in `data_set` (its wire form). `loader` and `script_entry` are the `content` of the page's
/// `<meta>` elements that name the content-hashed embed scripts (`None`, or anything unreadable: the stable names).
pub fn embed_code(
    data_set: &[u8],
    href: &str,
    fragment: &str,
    loader: Option<&str>,
    script_entry: Option<&str>,
) -> Result<EmbedCode, String> {
    use summit_core::embed::{iframe_snippet, script_snippet, Published};
    let data = self::data_set(data_set)?;
    let (state, _notices) = parse_fragment(fragment, &KnownIds::of(&data));
    let title = format!("Summit Fruits: {}, explored", data.article.title);
    let published = |content: Option<&str>| content.and_then(Published::parse);
    Ok(EmbedCode {
        iframe: iframe_snippet(href, &state, &title, published(loader).as_ref()),
        script: script_snippet(href, &state, published(script_entry).as_ref()),
    })
}

/// The data set in `data_set` (its wire form). No bytes at all stand for the bundled data set: the app carries it
/// without the article's text, and this module reads it whole from its JSON, once.
pub fn data_set(data_set: &[u8]) -> Result<DataSet, String> {
    let decode = |bytes: &[u8]| wire::decode::<DataSet>(bytes).map_err(|e| unreadable(&e));
    if data_set.is_empty() {
        BUNDLED_WIRE.with(|bundled| decode(bundled))
    } else {
        decode(data_set)
    }
}

thread_local! {
    /// The bundled data set whole, in the wire form: parsed from [`DATA_SET_JSON`] the first time it is needed (the
    /// app's build has validated the same file). Empty, and so unreadable, only if that file could not be parsed.
    static BUNDLED_WIRE: Vec<u8> = parse_data_set(DATA_SET_JSON, &Limits::default())
        .map(|data| wire::encode(&data))
        .unwrap_or_default();
}

/// The data set in `data_set` (its wire form) and the bundled hindsight layer checked against it: what the scorecard
/// (and the timeline with the layer on) is drawn from.
pub fn data_set_with_hindsight(data_set: &[u8]) -> Result<(DataSet, Hindsight), String> {
    let data = self::data_set(data_set)?;
    let (hindsight, _warnings) =
        parse_and_validate_hindsight(HINDSIGHT_JSON, &data, &Limits::default()).map_err(
            |problems| {
                format!(
                    "the hindsight layer does not fit this data set ({})",
                    problems
                        .first()
                        .map_or("no reason given", |p| p.message.as_str())
                )
            },
        )?;
    Ok((data, hindsight))
}

thread_local! {
    /// The last hindsight layer read by [`checked_layer`], with the wire form it was read from: the app asks for one
    /// section per card, all from the same layer.
    static LAST_LAYER: std::cell::RefCell<Option<(Vec<u8>, std::rc::Rc<Hindsight>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The checked hindsight layer in `outcome`, the wire form of a [`HindsightOutcome`] as [`check_hindsight`] gives it;
/// read once for a run of calls with the same bytes.
pub fn checked_layer(outcome: &[u8]) -> Result<std::rc::Rc<Hindsight>, String> {
    let kept = LAST_LAYER.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(bytes, _)| bytes.as_slice() == outcome)
            .map(|(_, layer)| layer.clone())
    });
    if let Some(layer) = kept {
        return Ok(layer);
    }
    let (layer, _warnings) = wire::decode::<HindsightOutcome>(outcome)
        .map_err(|e| {
            format!("the hindsight layer handed to the on-demand module could not be read ({e})")
        })?
        .map_err(|_| {
            "the hindsight layer handed to the on-demand module was refused".to_string()
        })?;
    let layer = std::rc::Rc::new(layer);
    LAST_LAYER.with(|last| *last.borrow_mut() = Some((outcome.to_vec(), layer.clone())));
    Ok(layer)
}

fn indices(shown: &[u32]) -> Vec<usize> {
    shown.iter().map(|&i| i as usize).collect()
}

fn unreadable(e: &wire::WireError) -> String {
    format!("the data set handed to the on-demand module could not be read ({e})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_wire() -> Vec<u8> {
        let outcome = wire::decode::<DataSetOutcome>(&check_data_set(DATA_SET_JSON)).unwrap();
        wire::encode(&outcome.expect("the bundled data set is accepted").0)
    }

    #[test]
    fn no_bytes_stand_for_the_bundled_data_set_whole_with_the_article_text() {
        let whole = data_set(&[]).expect("the bundled data set is read");
        assert_eq!(whole, wire::decode::<DataSet>(&bundled_wire()).unwrap());
        assert!(!whole.article.sections.is_empty());
        // Each use reads the same data set.
        assert_eq!(data_set(&[]).unwrap(), whole);
    }

    #[test]
    fn a_checked_layer_is_read_once_for_a_run_of_calls_with_its_bytes() {
        let outcome = check_hindsight(&[], None);
        let first = checked_layer(&outcome).expect("the bundled layer fits the bundled data set");
        assert!(std::rc::Rc::ptr_eq(
            &first,
            &checked_layer(&outcome).unwrap()
        ));
        assert_eq!(*first, data_set_with_hindsight(&[]).unwrap().1);
        // The same layer checked against a copy of the data set: the same bytes, the same layer.
        let again = check_hindsight(&bundled_wire(), None);
        assert_eq!(*checked_layer(&again).unwrap(), *first);
        // A refused layer or broken bytes are errors.
        let refused = check_hindsight(&[], Some("{\"article_url\": 3}"));
        assert!(checked_layer(&refused).unwrap_err().contains("refused"));
        assert!(checked_layer(b"not a layer").is_err());
    }

    #[test]
    fn the_bundled_data_set_is_accepted_and_broken_json_refused_with_its_problems() {
        let data = wire::decode::<DataSet>(&bundled_wire()).unwrap();
        assert!(!data.items.is_empty());
        let refused = wire::decode::<DataSetOutcome>(&check_data_set("{\"article\": 1")).unwrap();
        let problems = refused.expect_err("broken JSON is refused");
        assert!(problems.iter().any(Problem::is_error));
    }

    #[test]
    fn an_article_address_that_is_not_http_is_refused() {
        let json = DATA_SET_JSON.replacen("\"url\": \"https://", "\"url\": \"javascript://", 1);
        assert_ne!(json, DATA_SET_JSON);
        let problems = wire::decode::<DataSetOutcome>(&check_data_set(&json))
            .unwrap()
            .expect_err("refused");
        assert!(
            problems.iter().any(|p| p.path == "$.article.url"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_bundled_hindsight_layer_checks_against_the_bundled_data_set() {
        let data = bundled_wire();
        let (layer, _) = wire::decode::<HindsightOutcome>(&check_hindsight(&data, None))
            .unwrap()
            .expect("the bundled layer is accepted");
        let direct: Hindsight = parse_and_validate_hindsight(
            HINDSIGHT_JSON,
            &wire::decode(&data).unwrap(),
            &Limits::default(),
        )
        .unwrap()
        .0;
        assert_eq!(layer, direct);
        let refused =
            wire::decode::<HindsightOutcome>(&check_hindsight(&data, Some("{\"article_url\": 3}")))
                .unwrap();
        assert!(refused.is_err());
        // Bytes that are not a data set give a problem, not a panic.
        let garbled =
            wire::decode::<HindsightOutcome>(&check_hindsight(b"nonsense", None)).unwrap();
        assert!(garbled.expect_err("refused")[0]
            .message
            .contains("could not be read"));
    }

    #[test]
    fn exports_write_the_items_shown() {
        let data = bundled_wire();
        let csv = export_csv(&data, &[1, 0]).unwrap();
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(csv.matches("\r\n").count(), 3, "a header and two rows");
        let json = export_json(&data, &[0]).unwrap();
        let subset: DataSet = wire::decode(&wire::encode(
            &parse_and_validate(&json, &Limits::default())
                .expect("the export validates")
                .0,
        ))
        .unwrap();
        assert_eq!(subset.items.len(), 1);
        assert_eq!(
            export_json(&data, &[]),
            Err("there is no item to save".to_string())
        );
        assert!(export_csv(b"SFds", &[0]).is_err());
    }

    fn request(item: Option<&str>) -> cite::CiteRequest {
        cite::CiteRequest {
            view: "matrix".into(),
            view_address: "https://example.org/summit/#view=matrix".into(),
            item: item.map(String::from),
            accessed: summit_core::dates::IsoDate::parse("2026-11-27").unwrap(),
        }
    }

    #[test]
    fn the_cite_dialog_of_the_toolbar_cites_the_article_and_the_view() {
        let content = cite_content(&bundled_wire(), &request(None)).unwrap();
        assert_eq!(content.title, "Cite");
        assert_eq!(content.groups.len(), 2);
        let labels: Vec<_> = content.groups[0]
            .entries
            .iter()
            .map(|e| e.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "APA 7: reference",
                "MLA 9: works-cited entry",
                "Chicago 17: note",
                "Chicago 17: short note",
                "Chicago 17: bibliography",
                "BibTeX",
                "RIS"
            ]
        );
        let view = &content.groups[1];
        assert_eq!(view.entries.len(), 4);
        assert!(view.entries[0].citation.plain().contains(
            "explored (matrix view). (n.d.). Retrieved November 27, 2026, from https://example.org/summit/#view=matrix"
        ));
        assert_eq!(
            view.note.as_deref(),
            Some("The address keeps this view with its filters; accessed 27 November 2026.")
        );
    }

    #[test]
    fn the_cite_dialog_of_an_item_cites_each_of_its_passages() {
        let data = wire::decode::<DataSet>(&bundled_wire()).unwrap();
        let item = data
            .items
            .iter()
            .find(|i| i.evidence.len() == 2)
            .expect("an item with two passages");
        let content = cite_content(&bundled_wire(), &request(Some(&item.id))).unwrap();
        assert_eq!(content.title, "Cite this item");
        assert!(content
            .intro
            .starts_with(&format!("“{}” rests on these 2 passages", item.title)));
        assert_eq!(content.groups.len(), 3, "two passages and the article");
        assert_eq!(content.groups[0].heading, "Passage 1 of 2");
        let first = &item.evidence[0];
        let apa = content.groups[0].entries[0].citation.plain();
        assert!(
            apa.contains(first.quote.trim().trim_end_matches('.')),
            "{apa}"
        );
        assert!(apa.contains("(Saradzhyan, 2021, "), "{apa}");
        assert_eq!(content.groups[2].heading, "The article");
        assert!(cite_content(&bundled_wire(), &request(Some("no-such-item"))).is_err());
        assert!(cite_content(b"nonsense", &request(None)).is_err());
    }

    #[test]
    fn the_embed_code_is_the_code_of_the_view_the_fragment_names() {
        use summit_core::embed::{iframe_snippet, script_snippet, Published};
        use summit_core::state::View;
        let data = wire::decode::<DataSet>(&bundled_wire()).unwrap();
        let fragment = "view=matrix&q=nuclear%20arms&cat=low-hanging";
        let (state, notices) = parse_fragment(fragment, &KnownIds::of(&data));
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.view, View::Matrix);
        let href = "https://example.org/summit/index.html#view=matrix";
        let hash = "A".repeat(64);
        let loader = format!("embed-0123456789abcdef.js sha384-{hash}");
        let code = embed_code(
            &bundled_wire(),
            href,
            &format!("#{fragment}"),
            Some(&loader),
            Some("not a file"),
        )
        .unwrap();
        let title = format!("Summit Fruits: {}, explored", data.article.title);
        assert_eq!(
            code.iframe,
            iframe_snippet(href, &state, &title, Published::parse(&loader).as_ref())
        );
        assert_eq!(code.script, script_snippet(href, &state, None));
        assert!(
            code.iframe.contains("embed-0123456789abcdef.js"),
            "{}",
            code.iframe
        );
        assert!(code.iframe.contains("q=nuclear"), "{}", code.iframe);
        assert!(
            code.script.contains("data-q=\"nuclear arms\""),
            "{}",
            code.script
        );
        assert!(
            code.script.contains("summit-fruits-embed.js"),
            "{}",
            code.script
        );
        assert!(embed_code(b"nonsense", href, "", None, None).is_err());
    }
}
