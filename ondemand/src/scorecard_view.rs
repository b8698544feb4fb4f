//! The scorecard view, drawn with the DOM (`crate::dom`) into the element the app hands over: how the article's
//! feasibility ratings held after the summit, level by level and category by category, as two tables whose counts
//! open the list of the items behind them. The sums and sentences come from `summit_core::hindsight::scorecard` and
//! `summit_core::scorecard`; this only lays them out.
//!
//! A listed item is a link to its card (`crate::view_parts::Links`). Which count is open is kept here, in the drawing,
//! for as long as it is shown.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use summit_core::glyphs::HINDSIGHT_ICON;
use summit_core::hindsight::{scorecard, ScoreRow, Scorecard, HINDSIGHT_HEADING};
use summit_core::model::{Category, DataSet, Hindsight, Verdict};
use summit_core::scorecard::{
    cell_items, count_label, selection_text, Column, Selection, Table, NO_FACTS,
};

use crate::dom::{add, element, listen, text_element};
use crate::view_parts::{category_icon, icon, show, verdict_icon, Links};

/// A row's header cell content and its label: the level's name and rank, or the category's icon and name.
fn row_header(
    document: &Document,
    data: &DataSet,
    table: Table,
    row: &ScoreRow,
) -> Result<(Element, String), JsValue> {
    let th = element(document, "th", "")?;
    th.set_attribute("scope", "row")?;
    let label = match table {
        Table::Level => {
            let level: u8 = row.key.parse().unwrap_or(0);
            let label = data.level_label(level).to_string();
            let max = data.max_level();
            th.append_child(&document.create_text_node(&label))?;
            add(
                &th,
                text_element(
                    document,
                    "span",
                    "scorecard-level",
                    &format!(" ({level} of {max})"),
                )?,
            )?;
            label
        }
        Table::Category => match Category::from_id(&row.key) {
            Some(category) => {
                let label = data.category_label(category).to_string();
                let span = add(
                    &th,
                    element(
                        document,
                        "span",
                        &format!("scorecard-category cat-{}", category.id()),
                    )?,
                )?;
                add(&span, category_icon(document, category)?)?;
                span.append_child(&document.create_text_node(&label))?;
                label
            }
            None => {
                th.set_text_content(Some(&row.key));
                row.key.clone()
            }
        },
    };
    Ok((th, label))
}

/// One drawn table: what it is, its rows with their labels, and the part below it that lists the items behind a
/// chosen count (its live status, then the list).
struct TableParts {
    table: Table,
    rows: Vec<(ScoreRow, String)>,
    selection: Element,
    status: Element,
}

/// A drawn scorecard: what its handlers need.
struct Drawing {
    document: Document,
    total: ScoreRow,
    /// Each item's id, title and category, by index.
    items: Vec<(String, String, Category)>,
    tables: Vec<TableParts>,
    buttons: Vec<(Element, Selection)>,
    selection: Cell<Option<Selection>>,
    links: Rc<Links>,
}

impl Drawing {
    /// Opens the list behind `count` (or closes it when it is open), in its table's list holder.
    fn choose(&self, count: Selection) -> Result<(), JsValue> {
        let chosen = Selection::toggled(self.selection.get(), count);
        self.selection.set(chosen);
        for (button, its) in &self.buttons {
            button.set_attribute(
                "aria-expanded",
                if chosen == Some(*its) {
                    "true"
                } else {
                    "false"
                },
            )?;
        }
        for parts in &self.tables {
            if let Some(list) = parts.selection.query_selector("ul")? {
                list.remove();
            }
            let Some(chosen) = chosen.filter(|s| s.table == parts.table) else {
                parts.status.set_text_content(Some(""));
                continue;
            };
            let (row, label) = match chosen.row {
                Some(r) => (&parts.rows[r].0, Some(parts.rows[r].1.as_str())),
                None => (&self.total, None),
            };
            let listed = cell_items(row, chosen.column);
            parts.status.set_text_content(Some(&selection_text(
                parts.table,
                label,
                chosen.column,
                listed.len(),
            )));
            let list = add(
                &parts.selection,
                element(&self.document, "ul", "scorecard-items")?,
            )?;
            list.set_attribute("aria-labelledby", &parts.status.id())?;
            for (id, title, category) in listed.iter().filter_map(|&i| self.items.get(i)) {
                let li = add(
                    &list,
                    element(&self.document, "li", &format!("cat-{}", category.id()))?,
                )?;
                li.set_attribute("data-item", id)?;
                add(&li, category_icon(&self.document, *category)?)?;
                add(&li, self.links.link(&self.document, "", "item", id, title)?)?;
            }
        }
        Ok(())
    }
}

/// What each verdict's shape and name mean.
fn legend(document: &Document) -> Result<Element, JsValue> {
    let legend = element(document, "div", "verdict-legend")?;
    add(
        &legend,
        text_element(
            document,
            "h3",
            "verdict-legend-title",
            "What the verdicts mean",
        )?,
    )?;
    let list = add(&legend, element(document, "ul", "verdict-legend-list")?)?;
    let entry = |class: &str, mark: Element, label: &str, meaning: &str| -> Result<(), JsValue> {
        let li = add(&list, element(document, "li", class)?)?;
        li.append_child(&mark)?;
        let span = add(&li, element(document, "span", "")?)?;
        add(&span, text_element(document, "strong", "", label)?)?;
        span.append_child(&document.create_text_node(meaning))?;
        Ok(())
    };
    for &v in Verdict::ALL.iter() {
        entry(
            &format!("verdict-{}", v.id()),
            verdict_icon(document, v, 20)?,
            v.label(),
            &format!(": {}", v.description()),
        )?;
    }
    let none = text_element(document, "span", "verdict-none-mark", "–")?;
    none.set_attribute("aria-hidden", "true")?;
    entry(
        "verdict-none",
        none,
        NO_FACTS,
        ": no dated fact after the article was checked for the item, so it has no verdict.",
    )?;
    Ok(legend)
}

/// A count's cell: its number as a button that opens the items behind it (in the drawing's `buttons`), or a plain 0.
fn count_cell(
    document: &Document,
    row: &ScoreRow,
    row_label: &str,
    count: Selection,
    list_id: &str,
    buttons: &mut Vec<(Element, Selection)>,
) -> Result<Element, JsValue> {
    let column = count.column;
    let n = cell_items(row, column).len();
    let mut class = format!("scorecard-count scorecard-count-{}", column.id());
    if matches!(column, Column::Verdict(_)) {
        class.push_str(&format!(" verdict-{}", column.id()));
    }
    let td = element(document, "td", &class)?;
    td.set_attribute("data-count", &n.to_string())?;
    td.set_attribute("data-column", column.id())?;
    if n == 0 {
        add(&td, text_element(document, "span", "", "0")?)?.set_attribute("aria-hidden", "true")?;
        add(
            &td,
            text_element(document, "span", "visually-hidden", "None")?,
        )?;
        return Ok(td);
    }
    let button = add(
        &td,
        text_element(document, "button", "scorecard-count-button", &n.to_string())?,
    )?;
    button.set_attribute("type", "button")?;
    button.set_attribute("aria-expanded", "false")?;
    button.set_attribute("aria-controls", list_id)?;
    add(
        &button,
        text_element(
            document,
            "span",
            "visually-hidden",
            &count_label(n, row_label, column),
        )?,
    )?;
    buttons.push((button, count));
    Ok(td)
}

/// One table with its caption, its rows, its total and the place for the list behind a chosen count.
fn table_block(
    document: &Document,
    data: &DataSet,
    card: &Scorecard,
    table: Table,
    caption: &str,
    corner: &str,
    buttons: &mut Vec<(Element, Selection)>,
) -> Result<(Element, TableParts), JsValue> {
    let rows = match table {
        Table::Level => &card.by_level,
        Table::Category => &card.by_category,
    };
    let caption_id = format!("scorecard-caption-{}", table.id());
    let list_id = format!("scorecard-list-{}", table.id());
    let block = element(document, "div", "scorecard-block")?;
    let wrap = add(&block, element(document, "div", "scorecard-table-wrap")?)?;
    wrap.set_attribute("role", "region")?;
    wrap.set_attribute("aria-labelledby", &caption_id)?;
    wrap.set_attribute("tabindex", "0")?;
    let table_element = add(&wrap, element(document, "table", "scorecard-table")?)?;
    table_element.set_attribute("data-table", table.id())?;
    add(
        &table_element,
        text_element(document, "caption", "", caption)?,
    )?
    .set_id(&caption_id);

    let head_row = add(
        &add(&table_element, element(document, "thead", "")?)?,
        element(document, "tr", "")?,
    )?;
    let column_head = |class: &str| -> Result<Element, JsValue> {
        let th = add(&head_row, element(document, "th", class)?)?;
        th.set_attribute("scope", "col")?;
        Ok(th)
    };
    column_head("")?.set_text_content(Some(corner));
    for column in Column::all() {
        match column {
            Column::Verdict(v) => {
                let th = column_head(&format!("verdict-{}", v.id()))?;
                let span = add(&th, element(document, "span", "scorecard-verdict-head")?)?;
                add(&span, verdict_icon(document, v, 16)?)?;
                span.append_child(&document.create_text_node(v.label()))?;
            }
            other => column_head("")?.set_text_content(Some(other.label())),
        }
    }

    let body = add(&table_element, element(document, "tbody", "")?)?;
    let mut labelled = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let tr = add(&body, element(document, "tr", "")?)?;
        tr.set_attribute("data-key", &row.key)?;
        let (th, label) = row_header(document, data, table, row)?;
        tr.append_child(&th)?;
        for column in Column::all() {
            let count = Selection {
                table,
                row: Some(r),
                column,
            };
            add(
                &tr,
                count_cell(document, row, &label, count, &list_id, buttons)?,
            )?;
        }
        labelled.push((row.clone(), label));
    }
    let total = add(
        &add(&table_element, element(document, "tfoot", "")?)?,
        element(document, "tr", "scorecard-total")?,
    )?;
    add(&total, text_element(document, "th", "", "All items")?)?.set_attribute("scope", "row")?;
    for column in Column::all() {
        let count = Selection {
            table,
            row: None,
            column,
        };
        add(
            &total,
            count_cell(document, &card.total, "all items", count, &list_id, buttons)?,
        )?;
    }

    let selection = add(&block, element(document, "div", "scorecard-selection")?)?;
    selection.set_id(&list_id);
    let status = add(
        &selection,
        element(document, "p", "scorecard-selection-status")?,
    )?;
    status.set_id(&format!("scorecard-status-{}", table.id()));
    status.set_attribute("role", "status")?;
    status.set_attribute("aria-live", "polite")?;
    Ok((
        block,
        TableParts {
            table,
            rows: labelled,
            selection,
            status,
        },
    ))
}

/// Draws the scorecard of `data` with `hindsight` into `container`, replacing what it held.
pub fn draw(
    container: &Element,
    data: &DataSet,
    hindsight: &Hindsight,
    links: Links,
) -> Result<(), JsValue> {
    let links = Rc::new(links);
    let document = crate::dom::document_of(container)?;
    let card = scorecard(data, hindsight);
    let section = element(&document, "section", "scorecard-view")?;
    section.set_attribute("aria-labelledby", "scorecard-heading")?;
    add(
        &section,
        text_element(
            &document,
            "h2",
            "",
            "Scorecard: how the article’s ratings held",
        )?,
    )?
    .set_id("scorecard-heading");
    let banner = add(&section, element(&document, "p", "hindsight-banner")?)?;
    add(
        &banner,
        icon(&document, "hindsight-icon", 16, HINDSIGHT_ICON)?,
    )?;
    banner.append_child(&document.create_text_node(HINDSIGHT_HEADING))?;
    add(
        &section,
        text_element(
            &document,
            "p",
            "scorecard-intro",
            &format!(
                "The article judged how feasible each step was at the Geneva summit of 16 June 2021, not forever. \
                 This scorecard sets those ratings beside dated, sourced facts checked after the article, to show how \
                 they held. It counts all {} prospects and risks, whatever the filters. Choose a count to list the \
                 items behind it.",
                data.items.len()
            ),
        )?,
    )?;
    add(&section, legend(&document)?)?;

    let mut buttons = Vec::new();
    let mut tables = Vec::new();
    for (table, caption, corner) in [
        (
            Table::Level,
            "By feasibility at the summit, most feasible first",
            "Feasibility at the summit",
        ),
        (Table::Category, "By category", "Category"),
    ] {
        let (block, parts) =
            table_block(&document, data, &card, table, caption, corner, &mut buttons)?;
        section.append_child(&block)?;
        tables.push(parts);
    }

    let drawing = Rc::new(Drawing {
        document,
        total: card.total,
        items: data
            .items
            .iter()
            .map(|i| (i.id.clone(), i.title.clone(), i.category))
            .collect(),
        tables,
        buttons,
        selection: Cell::new(None),
        links: links.clone(),
    });
    let mut kept = Vec::new();
    for (button, count) in &drawing.buttons {
        let (drawing, count) = (drawing.clone(), *count);
        listen(&mut kept, button, "click", move |_| {
            let _ = drawing.choose(count);
        })?;
    }
    show(container, &section, links, kept)
}
