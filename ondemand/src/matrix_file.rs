//! The matrix as files to save: a standalone SVG (a copy of the drawn matrix without what only works in the page,
//! with the current theme's colours written in) and a PNG drawn from it. The browser side; the file's text is
//! `summit_core::export`'s. The app hands over the drawn `<svg>` when a reader saves it.

use wasm_bindgen::JsCast;

use summit_core::export::{matrix_svg_style, standalone_svg, MatrixPalette};
use summit_core::model::{Category, Verdict};

use crate::download::describe;

/// The elements of `list` that are `T`s.
fn elements_of<T: JsCast>(list: &web_sys::NodeList) -> impl Iterator<Item = T> + '_ {
    (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into::<T>().ok())
}

fn window() -> Result<web_sys::Window, String> {
    web_sys::window().ok_or_else(|| "there is no window".to_string())
}

/// The design tokens of the current theme that the matrix is drawn with, as the page has them now.
fn current_palette(svg: &web_sys::Element) -> Result<MatrixPalette, String> {
    let style = window()?
        .get_computed_style(svg)
        .ok()
        .flatten()
        .ok_or("the browser gave no computed style for the matrix")?;
    let token = |name: &str| {
        style
            .get_property_value(name)
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    Ok(MatrixPalette {
        surface: token("--surface"),
        surface_2: token("--surface-2"),
        text: token("--text"),
        text_muted: token("--text-muted"),
        border: token("--border"),
        border_strong: token("--border-strong"),
        categories: Category::ALL
            .iter()
            .map(|&c| {
                (
                    c,
                    token(&format!("--cat-{}", c.id())),
                    token(&format!("--cat-{}-soft", c.id())),
                )
            })
            .collect(),
        verdicts: Verdict::ALL
            .iter()
            .map(|&v| (v, token(&format!("--verdict-{}", v.id()))))
            .filter(|(_, colour)| !colour.is_empty())
            .collect(),
    })
}

/// The matrix on the page as a standalone SVG file: a copy without what only works in the page (links, tab stops,
/// references to the page's ids), each mark with its full name as a `<title>`, and the current theme's styles inside.
pub fn matrix_svg_file(svg: &web_sys::Element, title: &str) -> Result<String, String> {
    const SVG_NS: &str = "http://www.w3.org/2000/svg";
    let copy = svg
        .clone_node_with_deep(true)
        .ok()
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .ok_or("the matrix could not be copied")?;
    for attribute in ["aria-labelledby", "aria-describedby", "class"] {
        let _ = copy.remove_attribute(attribute);
    }
    let marks = copy
        .query_selector_all("[tabindex], [href], [data-pos]")
        .map_err(|e| describe(&e))?;
    for mark in elements_of::<web_sys::Element>(&marks) {
        for attribute in ["tabindex", "href", "data-pos"] {
            let _ = mark.remove_attribute(attribute);
        }
        if let (Some(name), Some(document)) =
            (mark.get_attribute("aria-label"), svg.owner_document())
        {
            if let Ok(tip) = document.create_element_ns(Some(SVG_NS), "title") {
                tip.set_text_content(Some(&name));
                let _ = mark.insert_before(&tip, mark.first_child().as_ref());
            }
        }
    }
    let markup = web_sys::XmlSerializer::new()
        .and_then(|s| s.serialize_to_string(&copy))
        .map_err(|e| format!("the matrix could not be written out ({})", describe(&e)))?;
    let style = matrix_svg_style(&current_palette(svg)?).map_err(|e| e.to_string())?;
    standalone_svg(&markup, title, &style).map_err(|e| e.to_string())
}

/// Draws a standalone SVG file onto a canvas at twice its size and returns the PNG. The SVG goes in as a `data:`
/// address, which the page's content security policy allows for images (a `blob:` one it does not).
pub async fn matrix_png(svg_file: &str, svg: &web_sys::Element) -> Result<web_sys::Blob, String> {
    use wasm_bindgen_futures::JsFuture;
    let size = |name: &str| {
        svg.get_attribute(name)
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|&v| v > 0)
            .ok_or_else(|| format!("the matrix has no {name}"))
    };
    let (width, height) = (size("width")?, size("height")?);
    let image = web_sys::HtmlImageElement::new().map_err(|e| describe(&e))?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    let source: String = js_sys::encode_uri_component(svg_file).into();
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{source}"));
    JsFuture::from(loaded)
        .await
        .map_err(|_| "the browser could not draw the SVG as an image".to_string())?;
    image.set_onload(None);
    image.set_onerror(None);

    // The matrix's width and height are whole viewBox units (summit_core::matrix_layout).
    const SCALE: u32 = 2;
    let canvas = svg
        .owner_document()
        .and_then(|document| document.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .ok_or("the page could not make a canvas")?;
    canvas.set_width(width * SCALE);
    canvas.set_height(height * SCALE);
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or("the browser refused a canvas to draw on")?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width * SCALE),
            f64::from(height * SCALE),
        )
        .map_err(|e| format!("the canvas refused the picture ({})", describe(&e)))?;
    let mut refused = None;
    let encoded = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Err(e) = canvas.to_blob_with_type(&resolve, "image/png") {
            refused = Some(describe(&e));
        }
    });
    if let Some(reason) = refused {
        return Err(format!("the canvas refused to make a PNG ({reason})"));
    }
    let blob = JsFuture::from(encoded).await.map_err(|e| describe(&e))?;
    blob.dyn_into::<web_sys::Blob>()
        .map_err(|_| "the canvas made no PNG (the picture may be too large)".to_string())
}
