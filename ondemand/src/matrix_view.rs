//! The feasibility matrix, drawn with the DOM into the element the app hands over: every item as a labelled mark in a
//! grid of feasibility levels (columns) by domain, category or actor (rows), as SVG with one tab stop and arrow-key
//! navigation; beside it "Why this rating" for the mark under the pointer or in focus, the legend, and the same content
//! as an HTML table. The app keeps the view's heading, hint and toolbar (rows, dim or hide, save).
//!
//! The binning and the keyboard moves come from `summit_core::matrix`, the geometry from `summit_core::matrix_layout`;
//! this file only draws what the core computed. With the hindsight layer on, each mark also carries its item's outcome
//! as a small shape in its corner, named in the mark's accessible name and in the table. Each mark and each of the
//! table's items is a link to the item's card (`crate::view_parts::Links`).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, FocusEvent, HtmlElement, KeyboardEvent};

use summit_core::glyphs::{category_shape, verdict_parts};
use summit_core::hindsight::{outcome_for, HINDSIGHT_HEADING};
use summit_core::matrix::{bin, marks, neighbour, MarkPos, Matrix};
use summit_core::matrix_layout::{
    direction, mark_line_runs_over, mark_title_lines, parse_pos_key, pos_key, row_label_lines,
    rows_plural, Layout, CELL_PAD, COL_W, HEADER_H, LABEL_W, MARK_H, MARK_TEXT_W, VERDICT_INSET,
    VERDICT_SIZE, VERDICT_X,
};
use summit_core::model::{Category, DataSet, Hindsight, Item, Verdict};
use summit_core::state::MatrixRows;

use crate::dom::{add, document_of, element, listen, text_element, Handler};
use crate::view_parts::{
    category_icon, closest, draw_parts, path_icon, show, svg_element, svg_icon, verdict_icon, Links,
};

/// What the matrix is drawn from; kept by the drawing's handlers for as long as it is shown.
pub struct MatrixInput {
    pub data: DataSet,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: Vec<bool>,
    pub rows: MatrixRows,
    /// Whether the items the filters leave out are hidden (else dimmed).
    pub hide_excluded: bool,
    /// The hindsight layer, while it is on.
    pub hindsight: Option<Hindsight>,
    /// Tells this matrix's element ids apart from another's: the app's heading and hint are `matrix-heading-N` and
    /// `matrix-hint-N`.
    pub instance: u32,
    /// The open item's id: its mark is the tab stop when no other mark was current.
    pub open_item: Option<String>,
}

/// The attributes of the container that remember the current mark (its row's id and its item's id) across drawings,
/// as the reader last focused or moved to it.
const CURRENT_ROW: &str = "data-current-row";
const CURRENT_ITEM: &str = "data-current-item";

/// The text in place of the matrix when no mark is left to draw.
pub const EMPTY_TEXT: &str =
    "No item matches the filters. Clear a filter or choose “Dim” to see the left-out items.";

/// A drawn matrix: what it was drawn from, the matrix as drawn, its "why" panel and which mark is hovered and focused.
struct Drawing {
    input: MatrixInput,
    /// The matrix as drawn (without the left-out items when hiding them).
    visible: Matrix,
    container: Element,
    document: Document,
    why: Element,
    hovered: Cell<Option<usize>>,
    focused: Cell<Option<usize>>,
}

impl Drawing {
    fn data(&self) -> &DataSet {
        &self.input.data
    }

    fn max_level(&self) -> u8 {
        self.input.data.max_level()
    }

    fn included(&self, i: usize) -> bool {
        self.input.included.get(i).copied().unwrap_or(true)
    }

    fn verdict_of(&self, item: &Item) -> Option<Verdict> {
        let hindsight = self.input.hindsight.as_ref()?;
        outcome_for(hindsight, &item.id).map(|o| o.verdict)
    }

    /// A mark's accessible name: title, category, feasibility, the outcome when shown, and whether it is left out.
    fn accessible_name(&self, item: &Item, dimmed: bool) -> String {
        let data = self.data();
        let mut name = format!(
            "{}: {}, feasibility {} of {}, {}",
            item.title,
            data.category_label(item.category),
            item.feasibility.level,
            self.max_level(),
            data.level_label(item.feasibility.level)
        );
        if let Some(verdict) = self.verdict_of(item) {
            name.push_str(", after the summit: ");
            name.push_str(verdict.label());
        }
        if dimmed {
            name.push_str(" (filtered out)");
        }
        name
    }

    /// The item (by index in the data set) a mark element stands for.
    fn item_of(&self, mark: &Element) -> Option<usize> {
        let pos = parse_pos_key(&mark.get_attribute("data-pos")?)?;
        self.visible.item_at(pos)
    }

    /// Makes `mark` the matrix's one tab stop and remembers it for the next drawing.
    fn make_tab_stop(&self, mark: &Element) {
        if let Ok(stops) = self
            .container
            .query_selector_all("a.matrix-mark[tabindex=\"0\"]")
        {
            for i in 0..stops.length() {
                if let Some(stop) = stops.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = stop.set_attribute("tabindex", "-1");
                }
            }
        }
        let _ = mark.set_attribute("tabindex", "0");
        let row = mark
            .parent_element()
            .and_then(|g| g.get_attribute("data-row"));
        if let (Some(row), Some(item)) = (row, mark.get_attribute("data-item")) {
            let _ = self.container.set_attribute(CURRENT_ROW, &row);
            let _ = self.container.set_attribute(CURRENT_ITEM, &item);
        }
    }

    /// Draws the "why" panel again for the hovered mark, else the focused one.
    fn show_why(&self) {
        while let Some(child) = self.why.first_child() {
            let _ = self.why.remove_child(&child);
        }
        let shown = self
            .hovered
            .get()
            .or(self.focused.get())
            .and_then(|i| self.data().items.get(i));
        let drawn = match shown {
            Some(item) => self.why_content(item),
            None => text_element(
                &self.document,
                "p",
                "matrix-why-empty",
                "Hover over or focus a mark to read why the article rates it so.",
            )
            .and_then(|p| add(&self.why, p).map(drop)),
        };
        // Drawing elements fails only in a document that is going away.
        let _ = drawn;
    }

    /// The item's title and level, the article's words for its rating with how they are read, and its outcome.
    fn why_content(&self, item: &Item) -> Result<(), JsValue> {
        let (document, data) = (&self.document, self.data());
        let title = add(&self.why, element(document, "p", "matrix-why-title")?)?;
        add(&title, category_icon(document, item.category)?)?;
        add(&title, text_element(document, "strong", "", &item.title)?)?;
        let level = item.feasibility.level;
        add(
            &title,
            text_element(
                document,
                "span",
                "matrix-why-level",
                &format!(
                    " — feasibility {level} of {}, {}",
                    self.max_level(),
                    data.level_label(level)
                ),
            )?,
        )?;
        let figure = add(&self.why, element(document, "figure", "matrix-why-quote")?)?;
        add(
            &figure,
            text_element(
                document,
                "figcaption",
                "matrix-why-label",
                "Why this rating",
            )?,
        )?;
        let quote = add(&figure, element(document, "blockquote", "")?)?;
        add(
            &quote,
            text_element(
                document,
                "p",
                "",
                &format!("“{}”", item.feasibility.rationale),
            )?,
        )?;
        if let Some(note) = &item.feasibility.reading_note {
            let p = add(&figure, element(document, "p", "reading-note")?)?;
            add(
                &p,
                text_element(document, "strong", "", "How it is read: ")?,
            )?;
            p.append_with_str_1(note)?;
        }
        if let Some(verdict) = self.verdict_of(item) {
            let p = add(
                &self.why,
                element(
                    document,
                    "p",
                    &format!("matrix-why-hindsight verdict-{}", verdict.id()),
                )?,
            )?;
            add(
                &p,
                text_element(
                    document,
                    "span",
                    "matrix-why-hindsight-label",
                    &format!("{HINDSIGHT_HEADING}: "),
                )?,
            )?;
            add(&p, verdict_icon(document, verdict, 16)?)?;
            p.append_with_str_1(&format!(
                " after the summit, {}",
                verdict.label().to_ascii_lowercase()
            ))?;
        }
        Ok(())
    }
}

/// An SVG element `tag` with these attributes.
fn svg(document: &Document, tag: &str, attributes: &[(&str, &str)]) -> Result<Element, JsValue> {
    let el = svg_element(document, tag)?;
    for &(name, value) in attributes {
        el.set_attribute(name, value)?;
    }
    Ok(el)
}

/// The current mark that the container remembers from an earlier drawing: its row's id and its item's id.
fn remembered(container: &Element) -> Option<(String, String)> {
    Some((
        container.get_attribute(CURRENT_ROW)?,
        container.get_attribute(CURRENT_ITEM)?,
    ))
}

/// The one mark with tabindex 0: the remembered one if it is still drawn, else the open item's, else the first.
fn tab_stop(
    input: &MatrixInput,
    visible: &Matrix,
    current: Option<(String, String)>,
) -> Option<MarkPos> {
    let all_marks = marks(visible);
    let index_of = |id: &str| input.data.items.iter().position(|item| item.id == id);
    let remembered = current.and_then(|(row_id, item_id)| {
        let row = visible.rows.iter().position(|r| r.id == row_id)?;
        let item = index_of(&item_id)?;
        all_marks
            .iter()
            .copied()
            .find(|&p| p.row == row && visible.item_at(p) == Some(item))
    });
    let open_mark = input
        .open_item
        .as_deref()
        .and_then(index_of)
        .and_then(|i| visible.position_of(i));
    remembered
        .or(open_mark)
        .or_else(|| all_marks.first().copied())
}

/// Draws the matrix into `container` in place of what it held, its links through `links`; says whether it drew any
/// mark (the app offers to save the matrix only then). A mark that had focus before is given it again.
pub fn draw(container: &Element, input: MatrixInput, links: Links) -> Result<bool, JsValue> {
    let document = document_of(container)?;
    let had_focus = document.active_element().is_some_and(|active| {
        container.contains(Some(&active)) && active.matches("a.matrix-mark").unwrap_or(false)
    });
    let matrix = bin(&input.data, input.rows);
    let visible = if input.hide_excluded {
        matrix.keep_only(&input.included)
    } else {
        matrix
    };
    let drawing_root = element(&document, "div", "matrix-drawing")?;
    let mut kept = Vec::new();
    let links = Rc::new(links);
    if marks(&visible).is_empty() {
        add(
            &drawing_root,
            text_element(&document, "p", "matrix-empty", EMPTY_TEXT)?,
        )?;
        show(container, &drawing_root, links, kept)?;
        return Ok(false);
    }
    let tab_stop = tab_stop(&input, &visible, remembered(container));
    let why = element(&document, "div", "matrix-why")?;
    why.set_id(&format!("matrix-why-{}", input.instance));
    why.set_attribute("aria-live", "polite")?;
    let drawing = Rc::new(Drawing {
        input,
        visible,
        container: container.clone(),
        document: document.clone(),
        why: why.clone(),
        hovered: Cell::new(None),
        focused: Cell::new(None),
    });

    let region = add(&drawing_root, element(&document, "div", "matrix-scroll")?)?;
    region.set_attribute("role", "region")?;
    region.set_attribute("aria-label", "Feasibility matrix")?;
    region.set_attribute("tabindex", "0")?;
    let svg = add(&region, matrix_svg(&drawing, &links, tab_stop)?)?;
    listen_to_marks(&mut kept, &region, &svg, &drawing, &links)?;
    add(&drawing_root, why)?;
    drawing.show_why();
    add(&drawing_root, legend(&drawing)?)?;
    add(&drawing_root, table(&drawing, &links)?)?;
    show(container, &drawing_root, links, kept)?;
    if had_focus {
        if let Ok(Some(stop)) = container.query_selector("a.matrix-mark[tabindex=\"0\"]") {
            let _ = stop.unchecked_ref::<HtmlElement>().focus();
        }
    }
    Ok(true)
}

/// The matrix's keys and its "why" panel: Enter opens the focused mark's card, the arrow keys, Home and End move to
/// another mark; the panel follows the mark under the pointer, else the one in focus. The handlers sit on the `region`
/// around the `svg`, which must not have focus handlers of its own: Chromium would make it a tab stop.
fn listen_to_marks(
    kept: &mut Vec<Handler>,
    region: &Element,
    svg: &Element,
    drawing: &Rc<Drawing>,
    links: &Rc<Links>,
) -> Result<(), JsValue> {
    let mark_of = |target| closest(target, "a.matrix-mark");
    {
        let (drawing, links, svg_el) = (drawing.clone(), links.clone(), svg.clone());
        listen(kept, region, "keydown", move |event| {
            if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                on_key(&drawing, &links, &svg_el, event);
            }
        })?;
    }
    {
        let drawing = drawing.clone();
        listen(kept, region, "focusin", move |event| {
            if let Some(mark) = mark_of(event.target()) {
                drawing.make_tab_stop(&mark);
                drawing.focused.set(drawing.item_of(&mark));
                drawing.show_why();
            }
        })?;
    }
    {
        let drawing = drawing.clone();
        listen(kept, region, "focusout", move |event| {
            // Moving from one mark to another: the focusin that follows says which.
            let next = event
                .dyn_ref::<FocusEvent>()
                .and_then(|e| e.related_target());
            if mark_of(next).is_none() && drawing.focused.take().is_some() {
                drawing.show_why();
            }
        })?;
    }
    {
        let drawing = drawing.clone();
        listen(kept, region, "mouseover", move |event| {
            let hovered = mark_of(event.target()).and_then(|mark| drawing.item_of(&mark));
            if drawing.hovered.replace(hovered) != hovered {
                drawing.show_why();
            }
        })?;
    }
    {
        let drawing = drawing.clone();
        listen(kept, region, "mouseleave", move |_| {
            if drawing.hovered.take().is_some() {
                drawing.show_why();
            }
        })?;
    }
    Ok(())
}

/// One key on a mark: Enter opens its card; an arrow key, Home or End moves the tab stop and focus as the core says.
fn on_key(drawing: &Drawing, links: &Links, svg: &Element, event: &KeyboardEvent) {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return;
    }
    let Some(mark) = closest(event.target(), "[data-pos]") else {
        return;
    };
    let Some(from) = mark
        .get_attribute("data-pos")
        .as_deref()
        .and_then(parse_pos_key)
    else {
        return;
    };
    let key = event.key();
    if key == "Enter" {
        // Opened in place through the explorer's history, like a click.
        if let Some(item) = drawing
            .visible
            .item_at(from)
            .and_then(|i| drawing.data().items.get(i))
        {
            event.prevent_default();
            links.open_in_place("item", &item.id);
        }
        return;
    }
    let Some(dir) = direction(&key) else { return };
    // Arrow keys, Home and End never scroll the page or the region while a mark has focus.
    event.prevent_default();
    let Some(to) = neighbour(&drawing.visible, from, dir) else {
        return;
    };
    if let Ok(Some(target)) = svg.query_selector(&format!("[data-pos=\"{}\"]", pos_key(to))) {
        drawing.make_tab_stop(&target);
        // SVG elements have `focus()` too (HTMLOrSVGElement); web-sys only binds it on HtmlElement.
        let _ = target.unchecked_ref::<HtmlElement>().focus();
    }
}

/// The matrix as SVG: the grid (columns, headers, row lines), then one group of marks per row.
fn matrix_svg(
    drawing: &Drawing,
    links: &Links,
    tab_stop: Option<MarkPos>,
) -> Result<Element, JsValue> {
    let document = &drawing.document;
    let (data, visible, input) = (drawing.data(), &drawing.visible, &drawing.input);
    let Layout {
        width,
        height,
        body_h,
        ref row_tops,
    } = Layout::of(visible);
    let max_level = drawing.max_level();
    let (w, h) = (width.to_string(), height.to_string());
    let root = svg(
        document,
        "svg",
        &[
            ("class", "matrix-svg"),
            ("viewBox", &format!("0 0 {width} {height}")),
            ("width", &w),
            ("height", &h),
            (
                "aria-labelledby",
                &format!("matrix-heading-{}", input.instance),
            ),
            (
                "aria-describedby",
                &format!("matrix-hint-{}", input.instance),
            ),
        ],
    )?;
    let label_of = |level: Option<&u8>| level.map_or("", |&l| data.level_label(l));
    let rows = input.rows;
    let mut description = format!(
        "Columns are the feasibility levels, from {} (least feasible, left) to {} (most feasible, right); \
         rows are the {}. Each item is a link, marked with its category's shape; an item with several {} appears in each of its rows.",
        label_of(visible.columns.first()),
        label_of(visible.columns.last()),
        rows_plural(rows),
        rows_plural(rows),
    );
    if input.hindsight.is_some() {
        description.push_str(" A small round shape in a mark's bottom left corner, below the category's shape, shows how the item held after the summit (from facts after the article, not in it).");
    }
    add(&root, svg(document, "desc", &[])?)?.set_text_content(Some(&description));

    let grid = add(
        &root,
        svg(
            document,
            "g",
            &[("class", "matrix-grid"), ("aria-hidden", "true")],
        )?,
    )?;
    let (header_h, col_w, body) = (HEADER_H.to_string(), COL_W.to_string(), body_h.to_string());
    for c in 0..visible.columns.len() {
        let class = if c % 2 == 1 {
            "matrix-col matrix-col--alt"
        } else {
            "matrix-col"
        };
        let x = Layout::column_x(c).to_string();
        add(
            &grid,
            svg(
                document,
                "rect",
                &[
                    ("class", class),
                    ("x", &x),
                    ("y", &header_h),
                    ("width", &col_w),
                    ("height", &body),
                ],
            )?,
        )?;
    }
    let text = |attributes: &[(&str, &str)], words: &str| -> Result<Element, JsValue> {
        let el = svg(document, "text", attributes)?;
        el.set_text_content(Some(words));
        Ok(el)
    };
    add(
        &grid,
        text(
            &[
                ("class", "matrix-axis"),
                ("x", &LABEL_W.to_string()),
                ("y", "16"),
            ],
            "← Less feasible",
        )?,
    )?;
    add(
        &grid,
        text(
            &[
                ("class", "matrix-axis"),
                ("x", &w),
                ("y", "16"),
                ("text-anchor", "end"),
            ],
            "More feasible →",
        )?,
    )?;
    add(
        &grid,
        text(
            &[("class", "matrix-corner"), ("x", "8"), ("y", "57")],
            rows.label(),
        )?,
    )?;
    for (c, &level) in visible.columns.iter().enumerate() {
        let x = (Layout::column_x(c) + COL_W / 2).to_string();
        let header = add(
            &grid,
            svg(
                document,
                "text",
                &[
                    ("class", "matrix-col-header"),
                    ("x", &x),
                    ("y", "40"),
                    ("text-anchor", "middle"),
                ],
            )?,
        )?;
        let label = add(
            &header,
            svg(
                document,
                "tspan",
                &[("class", "matrix-col-label"), ("x", &x)],
            )?,
        )?;
        label.set_text_content(Some(data.level_label(level)));
        let of = add(
            &header,
            svg(
                document,
                "tspan",
                &[("class", "matrix-col-level"), ("x", &x), ("dy", "17")],
            )?,
        )?;
        of.set_text_content(Some(&format!("{level} of {max_level}")));
    }
    let line = |y: u32| {
        let y = y.to_string();
        svg(
            document,
            "line",
            &[
                ("class", "matrix-row-line"),
                ("x1", "0"),
                ("x2", &w),
                ("y1", &y),
                ("y2", &y),
            ],
        )
    };
    for &top in row_tops {
        add(&grid, line(top)?)?;
    }
    add(&grid, line(HEADER_H + body_h)?)?;

    let layout = Layout::of(visible);
    for (r, row) in visible.rows.iter().enumerate() {
        let group = add(
            &root,
            svg(
                document,
                "g",
                &[
                    ("class", "matrix-row"),
                    ("role", "group"),
                    ("aria-label", &row.label),
                    ("data-row", &row.id),
                ],
            )?,
        )?;
        let top = row_tops[r];
        let label = add(
            &group,
            svg(
                document,
                "text",
                &[
                    ("class", "matrix-row-label"),
                    ("x", "8"),
                    ("y", &(top + CELL_PAD + 16).to_string()),
                    ("aria-hidden", "true"),
                ],
            )?,
        )?;
        for (n, line) in row_label_lines(&row.label).iter().enumerate() {
            let dy = if n == 0 { "0" } else { "15" };
            add(&label, svg(document, "tspan", &[("x", "8"), ("dy", dy)])?)?
                .set_text_content(Some(line));
        }
        for (c, cell) in row.cells.iter().enumerate() {
            for (index, &i) in cell.iter().enumerate() {
                let Some(item) = data.items.get(i) else {
                    continue;
                };
                let pos = MarkPos {
                    row: r,
                    column: c,
                    index,
                };
                add(
                    &group,
                    mark(
                        drawing,
                        links,
                        &layout,
                        (pos, i, item),
                        tab_stop == Some(pos),
                    )?,
                )?;
            }
        }
    }
    Ok(root)
}

/// One mark: a link with the category's shape, the wrapped title and, with hindsight on, the outcome's shape.
fn mark(
    drawing: &Drawing,
    links: &Links,
    layout: &Layout,
    (pos, i, item): (MarkPos, usize, &Item),
    is_tab_stop: bool,
) -> Result<Element, JsValue> {
    let document = &drawing.document;
    let dimmed = !drawing.included(i);
    let (x, y) = layout.mark_origin(pos);
    let mut class = format!("matrix-mark cat-{}", item.category.id());
    if dimmed {
        class.push_str(" matrix-mark--dim");
    }
    let key = pos_key(pos);
    let link = svg(
        document,
        "a",
        &[
            ("class", &class),
            ("href", &links.href("item", &item.id)?),
            ("tabindex", if is_tab_stop { "0" } else { "-1" }),
            ("aria-label", &drawing.accessible_name(item, dimmed)),
            ("data-pos", &key),
            ("data-item", &item.id),
            ("data-link", "item"),
            ("data-link-arg", &item.id),
            ("transform", &format!("translate({x} {y})")),
        ],
    )?;
    add(
        &link,
        svg(
            document,
            "rect",
            &[
                ("class", "matrix-mark-box"),
                ("x", "0"),
                ("y", "0"),
                ("width", &(COL_W - 8).to_string()),
                ("height", &MARK_H.to_string()),
                ("rx", "5"),
            ],
        )?,
    )?;
    let verdict = drawing.verdict_of(item);
    // With an outcome, the category's shape and the outcome's share the left corner, one above the other.
    let shape_at = if verdict.is_some() {
        "translate(6 2) scale(1.1)"
    } else {
        "translate(5 8) scale(1.5)"
    };
    add(
        &link,
        svg(
            document,
            "path",
            &[
                ("class", "matrix-mark-shape"),
                ("d", category_shape(item.category)),
                ("transform", shape_at),
            ],
        )?,
    )?;
    let title_lines = mark_title_lines(&item.title);
    // One line sits half a unit below a whole unit: written out, since the layout's lengths are whole numbers.
    let text_y = if title_lines.len() == 1 {
        format!("{}.5", MARK_H / 2 + 4)
    } else {
        (MARK_H / 2 - 3).to_string()
    };
    let label = add(
        &link,
        svg(
            document,
            "text",
            &[("class", "matrix-mark-label"), ("x", "34"), ("y", &text_y)],
        )?,
    )?;
    for (n, line) in title_lines.iter().enumerate() {
        // A space ends every line but the last, so the label's text reads as words ("Exchange prisoners", not
        // "Exchangeprisoners") and matches the accessible name. A line that runs over (a whole word and its "…") is
        // narrowed to fit the box.
        let span = add(
            &label,
            svg(
                document,
                "tspan",
                &[("x", "34"), ("dy", if n == 0 { "0" } else { "15" })],
            )?,
        )?;
        if mark_line_runs_over(line) {
            span.set_attribute("textLength", &MARK_TEXT_W.to_string())?;
            span.set_attribute("lengthAdjust", "spacingAndGlyphs")?;
        }
        let text = if n + 1 < title_lines.len() {
            format!("{line} ")
        } else {
            line.clone()
        };
        span.set_text_content(Some(&text));
    }
    if let Some(verdict) = verdict {
        let size = VERDICT_SIZE.to_string();
        let shape = add(
            &link,
            svg(
                document,
                "svg",
                &[
                    (
                        "class",
                        &format!("matrix-mark-verdict verdict-{}", verdict.id()),
                    ),
                    ("x", &VERDICT_X.to_string()),
                    ("y", &(MARK_H - VERDICT_SIZE - VERDICT_INSET).to_string()),
                    ("width", &size),
                    ("height", &size),
                    ("viewBox", "-1.5 -1.5 19 19"),
                    ("aria-hidden", "true"),
                    ("focusable", "false"),
                ],
            )?,
        )?;
        add(
            &shape,
            svg(
                document,
                "circle",
                &[
                    ("class", "matrix-mark-verdict-back"),
                    ("cx", "8"),
                    ("cy", "8"),
                    ("r", "9"),
                ],
            )?,
        )?;
        draw_parts(document, &shape, verdict_parts(verdict))?;
    }
    Ok(link)
}

/// The legend below the matrix: each category's shape, with hindsight on each outcome's, and what a dimmed mark means.
fn legend(drawing: &Drawing) -> Result<Element, JsValue> {
    let document = &drawing.document;
    let legend = element(document, "div", "matrix-legend")?;
    add(
        &legend,
        text_element(document, "h3", "matrix-legend-title", "Legend")?,
    )?;
    let list = add(&legend, element(document, "ul", "matrix-legend-list")?)?;
    for category in Category::ALL {
        let li = add(
            &list,
            element(
                document,
                "li",
                &format!("matrix-legend-item cat-{}", category.id()),
            )?,
        )?;
        add(
            &li,
            path_icon(
                document,
                "matrix-legend-shape",
                20,
                category_shape(category),
            )?,
        )?;
        li.append_with_str_1(drawing.data().category_label(category))?;
    }
    if drawing.input.hindsight.is_some() {
        for verdict in Verdict::ALL {
            let li = add(
                &list,
                element(
                    document,
                    "li",
                    &format!(
                        "matrix-legend-item matrix-legend-verdict verdict-{}",
                        verdict.id()
                    ),
                )?,
            )?;
            add(&li, verdict_icon(document, verdict, 20)?)?;
            li.append_with_str_1(&format!(
                "After the summit: {}",
                verdict.label().to_ascii_lowercase()
            ))?;
        }
        add(
            &list,
            text_element(
                document,
                "li",
                "matrix-legend-item matrix-legend-verdict",
                "No outcome shape: no checked facts after the article",
            )?,
        )?;
    }
    let dim = add(
        &list,
        element(document, "li", "matrix-legend-item matrix-legend-dim")?,
    )?;
    let shape = add(&dim, svg_icon(document, "matrix-legend-shape", 20)?)?;
    shape.set_attribute("viewBox", "0 0 28 20")?;
    shape.set_attribute("width", "28")?;
    add(
        &shape,
        svg(
            document,
            "rect",
            &[
                ("x", "1"),
                ("y", "1"),
                ("width", "26"),
                ("height", "18"),
                ("rx", "3"),
            ],
        )?,
    )?;
    dim.append_with_str_1(if drawing.input.hide_excluded {
        "Items the filters leave out are hidden; choose “Dim” to see them."
    } else {
        "Dimmed, with a dashed outline: left out by the current filters."
    })?;
    Ok(legend)
}

/// The matrix as an HTML table, in a focusable region so that it scrolls by keyboard on a narrow screen: one row per
/// domain, category or actor, one column per feasibility level, each cell listing its items as links to their cards.
fn table(drawing: &Drawing, links: &Links) -> Result<Element, JsValue> {
    let document = &drawing.document;
    let (data, visible) = (drawing.data(), &drawing.visible);
    let max_level = drawing.max_level();
    let caption_id = format!("matrix-caption-{}", drawing.input.instance);
    let wrap = element(document, "div", "matrix-table-wrap")?;
    wrap.set_attribute("role", "region")?;
    wrap.set_attribute("aria-labelledby", &caption_id)?;
    wrap.set_attribute("tabindex", "0")?;
    let table = add(&wrap, element(document, "table", "matrix-table")?)?;
    add(
        &table,
        text_element(document, "caption", "", "Feasibility matrix as a table")?,
    )?
    .set_id(&caption_id);
    let head_row = add(
        &add(&table, element(document, "thead", "")?)?,
        element(document, "tr", "")?,
    )?;
    add(
        &head_row,
        text_element(
            document,
            "th",
            "matrix-table-corner",
            drawing.input.rows.label(),
        )?,
    )?;
    for &level in &visible.columns {
        let th = add(
            &head_row,
            text_element(document, "th", "", data.level_label(level))?,
        )?;
        th.set_attribute("scope", "col")?;
        add(
            &th,
            text_element(
                document,
                "span",
                "matrix-table-level",
                &format!(" ({level} of {max_level})"),
            )?,
        )?;
    }
    let body = add(&table, element(document, "tbody", "")?)?;
    for row in &visible.rows {
        let tr = add(&body, element(document, "tr", "")?)?;
        add(&tr, text_element(document, "th", "", &row.label)?)?.set_attribute("scope", "row")?;
        for cell in &row.cells {
            add(&tr, table_cell(drawing, links, cell)?)?;
        }
    }
    Ok(wrap)
}

/// One cell of the table: its items, or "None".
fn table_cell(drawing: &Drawing, links: &Links, cell: &[usize]) -> Result<Element, JsValue> {
    let document = &drawing.document;
    let data = drawing.data();
    let td = element(document, "td", "")?;
    if cell.is_empty() {
        add(
            &td,
            text_element(document, "span", "matrix-table-none", "–")?,
        )?
        .set_attribute("aria-hidden", "true")?;
        add(
            &td,
            text_element(document, "span", "visually-hidden", "None")?,
        )?;
        return Ok(td);
    }
    let list = add(&td, element(document, "ul", "matrix-table-list")?)?;
    for (i, item) in cell
        .iter()
        .filter_map(|&i| data.items.get(i).map(|item| (i, item)))
    {
        let dimmed = !drawing.included(i);
        let mut class = format!("matrix-table-item cat-{}", item.category.id());
        if dimmed {
            class.push_str(" matrix-table-item--dim");
        }
        let li = add(&list, element(document, "li", &class)?)?;
        add(&li, category_icon(document, item.category)?)?;
        let text = add(&li, element(document, "span", "matrix-table-text")?)?;
        add(
            &text,
            links.link(document, "", "item", &item.id, &item.title)?,
        )?;
        add(
            &text,
            text_element(
                document,
                "span",
                "visually-hidden",
                &format!(" ({})", data.category_label(item.category)),
            )?,
        )?;
        if let Some(verdict) = drawing.verdict_of(item) {
            let note = add(
                &text,
                element(
                    document,
                    "span",
                    &format!("matrix-table-verdict verdict-{}", verdict.id()),
                )?,
            )?;
            add(&note, verdict_icon(document, verdict, 16)?)?;
            note.append_with_str_1(&format!(
                " After the summit: {}",
                verdict.label().to_ascii_lowercase()
            ))?;
        }
        if dimmed {
            add(
                &text,
                text_element(document, "span", "matrix-table-filtered", " (filtered out)")?,
            )?;
        }
    }
    Ok(td)
}
