//! The module's JavaScript interface: the crate's functions, taking and giving strings, byte arrays (`Uint8Array`)
//! and numbers (and the elements to draw into, to give focus back to or to save, and the links' functions); the
//! downloads write their file and save it. A failed export is a thrown string.

use wasm_bindgen::prelude::*;

/// Reads a picked or dropped file (a `File`, or any `Blob`) within the size limit and checks it: a promise of the
/// outcome's wire form, as [`crate::check_data_set`] gives it.
#[wasm_bindgen]
pub async fn read_data_file(file: web_sys::Blob) -> js_sys::Uint8Array {
    js_sys::Uint8Array::from(crate::data_source::read_file(file).await.as_slice())
}

/// Waits for `response`, the promise of a `?data=` address's `fetch`, reads its body within the size limit and
/// checks it: a promise of the outcome's wire form, a failed request or body included.
#[wasm_bindgen]
pub async fn read_data_response(response: js_sys::Promise) -> js_sys::Uint8Array {
    js_sys::Uint8Array::from(crate::data_source::read_response(response).await.as_slice())
}

/// `json` undefined: the bundled layer.
#[wasm_bindgen]
pub fn check_hindsight(data_set: &[u8], json: Option<String>) -> Vec<u8> {
    crate::check_hindsight(data_set, json.as_deref())
}

/// Writes the items at `shown` (indices into the data set in `data_set`) as `format` ("csv" or "json") and saves the
/// file.
#[wasm_bindgen]
pub fn save_items(data_set: &[u8], shown: &[u32], format: &str) -> Result<(), JsValue> {
    use summit_core::export::ItemsFormat;
    let (text, format) = match format {
        "csv" => (crate::export_csv(data_set, shown), ItemsFormat::Csv),
        "json" => (crate::export_json(data_set, shown), ItemsFormat::Json),
        other => return Err(JsValue::from_str(&format!("there is no {other:?} format"))),
    };
    text.and_then(|text| crate::download::save_text(&text, format.file_name(), format.media_type()))
        .map_err(JsValue::from)
}

/// Saves a bundled file whose text this module holds, `which` ("data-set" or "schema"), as `file_name`: the single
/// file has no files beside it to link to.
#[wasm_bindgen]
pub fn save_bundled_file(which: &str, file_name: &str) -> Result<(), JsValue> {
    let text = match which {
        "data-set" => crate::DATA_SET_JSON,
        "schema" => crate::SCHEMA_JSON,
        other => {
            return Err(JsValue::from_str(&format!(
                "there is no bundled file {other:?}"
            )))
        }
    };
    crate::download::save_text(text, file_name, "application/json").map_err(JsValue::from)
}

/// Opens the Cite dialog inside `container` (an element of the explorer's own root); `opener` gets focus back when it
/// closes. `view` is the view's id, `view_address` its address with its state, `item` the id of the item whose detail
/// asked (undefined from the toolbar). The access date is the reader's today.
#[wasm_bindgen]
pub fn open_cite_dialog(
    container: web_sys::Element,
    opener: web_sys::HtmlElement,
    data_set: &[u8],
    view: String,
    view_address: String,
    item: Option<String>,
) -> Result<(), JsValue> {
    let today = js_sys::Date::new_0();
    let accessed = summit_core::dates::IsoDate {
        year: u16::try_from(today.get_full_year()).unwrap_or(0),
        month: u8::try_from(today.get_month() + 1).ok(),
        day: u8::try_from(today.get_date()).ok(),
    };
    let request = crate::cite::CiteRequest {
        view,
        view_address,
        item,
        accessed,
    };
    let content = crate::cite_content(data_set, &request).map_err(|e| JsValue::from_str(&e))?;
    crate::cite_dialog::open(&container, &opener, &content)
}

/// Opens the Embed dialog inside `container` (an element of the explorer's own root) with the code for the view at
/// `fragment` of the page at `href`; `opener` gets focus back when it closes. `loader` and `script_entry` are the
/// `content` of the page's `<meta>` elements naming the content-hashed embed scripts (undefined when it has none).
#[wasm_bindgen]
pub fn open_embed_dialog(
    container: web_sys::Element,
    opener: web_sys::HtmlElement,
    data_set: &[u8],
    href: String,
    fragment: String,
    loader: Option<String>,
    script_entry: Option<String>,
) -> Result<(), JsValue> {
    let code = crate::embed_code(
        data_set,
        &href,
        &fragment,
        loader.as_deref(),
        script_entry.as_deref(),
    )
    .map_err(|e| JsValue::from_str(&e))?;
    crate::embed_dialog::open(&container, &opener, &code)
}

/// Draws the scorecard of the data set in `data_set` with the bundled hindsight layer into `container` (an element of
/// the explorer's own root), replacing what it held. `href(kind, arg)` and `open(kind, arg)` are the app's for links
/// into the explorer (`crate::view_parts`).
#[wasm_bindgen]
pub fn draw_scorecard(
    container: web_sys::Element,
    data_set: &[u8],
    href: js_sys::Function,
    open: js_sys::Function,
) -> Result<(), JsValue> {
    let (data, hindsight) =
        crate::data_set_with_hindsight(data_set).map_err(|e| JsValue::from_str(&e))?;
    crate::scorecard_view::draw(
        &container,
        &data,
        &hindsight,
        crate::view_parts::Links { href, open },
    )
}

/// Draws what happened to the item `item_id` after the article into `section` (the app's `<section>` on a card or in
/// the detail dialog), replacing what it held, from the checked hindsight layer in `layer` (the bytes
/// [`check_hindsight`] gave). Its heading is an `h{heading_level}` with the id `hindsight-{id_prefix}-{item_id}`;
/// `embedded` says whether its source links open a new tab.
#[wasm_bindgen]
pub fn draw_hindsight_panel(
    section: web_sys::Element,
    layer: &[u8],
    item_id: String,
    heading_level: u8,
    id_prefix: String,
    embedded: bool,
) -> Result<(), JsValue> {
    let hindsight = crate::checked_layer(layer).map_err(|e| JsValue::from_str(&e))?;
    let placement = crate::hindsight_panel::Placement {
        heading_level,
        id_prefix: &id_prefix,
        embedded,
    };
    crate::hindsight_panel::draw(&section, &hindsight, &item_id, &placement)
}

/// Saves the drawn matrix `svg` (the app's `<svg>` element), titled `title`, as `format`: "svg", a standalone SVG
/// file with the current theme's colours, or "png", a PNG at twice its size drawn from it. A promise that settles
/// once the file is saved.
#[wasm_bindgen]
pub async fn save_matrix(
    svg: web_sys::Element,
    title: String,
    format: String,
) -> Result<(), JsValue> {
    use summit_core::export::{PNG_FILE_NAME, SVG_FILE_NAME};
    let file =
        crate::matrix_file::matrix_svg_file(&svg, &title).map_err(|e| JsValue::from_str(&e))?;
    let saved = match format.as_str() {
        "svg" => crate::download::save_text(&file, SVG_FILE_NAME, "image/svg+xml"),
        "png" => match crate::matrix_file::matrix_png(&file, &svg).await {
            Ok(png) => crate::download::save_blob(&png, PNG_FILE_NAME),
            Err(reason) => Err(reason),
        },
        other => Err(format!("there is no {other:?} format")),
    };
    saved.map_err(|e| JsValue::from_str(&e))
}

/// Draws the timeline of the data set in `data_set` into `container` (an element of the explorer's own root),
/// replacing what it held. `included` has a byte per item, 1 where the filters let it through; `hindsight` says
/// whether the bundled hindsight layer is on, `embedded` whether links that leave the explorer open a new tab.
/// `href(kind, arg)` and `open(kind, arg)` are the app's for links into the explorer (`item` and an item's id,
/// `article` and a paragraph's id).
#[wasm_bindgen]
pub fn draw_timeline(
    container: web_sys::Element,
    data_set: &[u8],
    included: &[u8],
    hindsight: bool,
    embedded: bool,
    href: js_sys::Function,
    open: js_sys::Function,
) -> Result<(), JsValue> {
    let (data, layer) = data_with_layer(data_set, hindsight)?;
    let included: Vec<bool> = included.iter().map(|&b| b != 0).collect();
    let input = crate::timeline_view::TimelineInput {
        data: &data,
        included: &included,
        hindsight: layer.as_ref(),
        embedded,
    };
    crate::timeline_view::draw(&container, &input, crate::view_parts::Links { href, open })
}

/// Draws the article view of the data set in `data_set` into `container` (an element of the explorer's own root),
/// replacing what it held, and brings the current passage into view. `included` has a byte per item, 1 where the
/// filters let it through; `passage_item` and `passage_evidence` name the passage the address names (`passage_item`
/// undefined when it names none); `embedded` says whether the link to the original opens a new tab. `href(kind, arg)`
/// and `open(kind, arg)` are the app's for links into the explorer.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn draw_article(
    container: web_sys::Element,
    data_set: &[u8],
    included: &[u8],
    passage_item: Option<String>,
    passage_evidence: u32,
    embedded: bool,
    href: js_sys::Function,
    open: js_sys::Function,
) -> Result<(), JsValue> {
    let data = crate::data_set(data_set).map_err(|e| JsValue::from_str(&e))?;
    let included: Vec<bool> = included.iter().map(|&b| b != 0).collect();
    let input = crate::article_view::ArticleInput {
        data: &data,
        included: &included,
        passage: passage_item
            .as_deref()
            .map(|id| (id, passage_evidence as usize)),
        embedded,
    };
    crate::article_view::draw(&container, &input, crate::view_parts::Links { href, open })
}

/// Draws the feasibility matrix of the data set in `data_set` into `container` (an element of the explorer's own root),
/// replacing what it held; true when it drew a mark, false when no item is left to draw. `included` has a byte per item,
/// 1 where the filters let it through. `shown` says how the matrix is shown, as a plain object: `rows` (`"domain"`,
/// `"category"` or `"actor"`), `hideExcluded` (hide the left-out items, else dim them), `hindsight` (the bundled
/// hindsight layer is on), `instance` (tells this matrix's ids apart: the app's heading and hint are
/// `matrix-heading-N` and `matrix-hint-N`) and `openItem` (the open item's id, or undefined). `href(kind, arg)` and
/// `open(kind, arg)` are the app's for links into the explorer.
#[wasm_bindgen]
pub fn draw_matrix(
    container: web_sys::Element,
    data_set: &[u8],
    included: &[u8],
    shown: JsValue,
    href: js_sys::Function,
    open: js_sys::Function,
) -> Result<bool, JsValue> {
    let field = |name: &str| {
        js_sys::Reflect::get(&shown, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let rows = field("rows").as_string().unwrap_or_default();
    let rows = summit_core::state::MatrixRows::from_id(&rows)
        .ok_or_else(|| JsValue::from_str(&format!("the matrix has no rows {rows:?}")))?;
    let (data, hindsight) = data_with_layer(data_set, field("hindsight").as_bool() == Some(true))?;
    let input = crate::matrix_view::MatrixInput {
        data,
        included: included.iter().map(|&b| b != 0).collect(),
        rows,
        hide_excluded: field("hideExcluded").as_bool() == Some(true),
        hindsight,
        instance: field("instance").as_f64().map_or(0, |n| n as u32),
        open_item: field("openItem").as_string(),
    };
    crate::matrix_view::draw(&container, input, crate::view_parts::Links { href, open })
}

/// The data set in `data_set`, with the bundled hindsight layer checked against it when `hindsight` is on.
fn data_with_layer(
    data_set: &[u8],
    hindsight: bool,
) -> Result<
    (
        summit_core::model::DataSet,
        Option<summit_core::model::Hindsight>,
    ),
    JsValue,
> {
    if hindsight {
        let (data, layer) =
            crate::data_set_with_hindsight(data_set).map_err(|e| JsValue::from_str(&e))?;
        Ok((data, Some(layer)))
    } else {
        let data = crate::data_set(data_set).map_err(|e| JsValue::from_str(&e))?;
        Ok((data, None))
    }
}
