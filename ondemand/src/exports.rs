//! The module's JavaScript interface: each function of the crate under the same name, taking and giving strings,
//! byte arrays (`Uint8Array`) and numbers only (and, for the Cite dialog, the elements to draw it into and to give
//! focus back to). A failed export is a thrown string.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn check_data_set(json: &str) -> Vec<u8> {
    crate::check_data_set(json)
}

/// `json` undefined: the bundled layer.
#[wasm_bindgen]
pub fn check_hindsight(data_set: &[u8], json: Option<String>) -> Vec<u8> {
    crate::check_hindsight(data_set, json.as_deref())
}

#[wasm_bindgen]
pub fn export_csv(data_set: &[u8], shown: &[u32]) -> Result<String, JsValue> {
    crate::export_csv(data_set, shown).map_err(JsValue::from)
}

#[wasm_bindgen]
pub fn export_json(data_set: &[u8], shown: &[u32]) -> Result<String, JsValue> {
    crate::export_json(data_set, shown).map_err(JsValue::from)
}

#[wasm_bindgen]
pub fn bundled_data_set_json() -> String {
    crate::DATA_SET_JSON.to_string()
}

#[wasm_bindgen]
pub fn schema_json() -> String {
    crate::SCHEMA_JSON.to_string()
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

/// The drawn matrix `svg` (the app's `<svg>` element) as a standalone SVG file titled `title`, with the current
/// theme's colours.
#[wasm_bindgen]
pub fn matrix_svg_file(svg: web_sys::Element, title: String) -> Result<String, JsValue> {
    crate::matrix_file::matrix_svg_file(&svg, &title).map_err(|e| JsValue::from_str(&e))
}

/// The drawn matrix `svg` as a PNG at twice its size, titled `title`: a promise of the `Blob`.
#[wasm_bindgen]
pub async fn matrix_png(svg: web_sys::Element, title: String) -> Result<web_sys::Blob, JsValue> {
    let file =
        crate::matrix_file::matrix_svg_file(&svg, &title).map_err(|e| JsValue::from_str(&e))?;
    crate::matrix_file::matrix_png(&file, &svg)
        .await
        .map_err(|e| JsValue::from_str(&e))
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
    let (data, layer) = if hindsight {
        let (data, layer) =
            crate::data_set_with_hindsight(data_set).map_err(|e| JsValue::from_str(&e))?;
        (data, Some(layer))
    } else {
        (
            crate::data_set(data_set).map_err(|e| JsValue::from_str(&e))?,
            None,
        )
    };
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
