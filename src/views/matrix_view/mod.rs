//! The feasibility matrix: every item as a labelled mark in a grid of feasibility levels (columns) by
//! domain, category or actor (rows), drawn as SVG with one tab stop and arrow-key navigation, plus the
//! same content as an HTML table.
//!
//! The binning and the keyboard moves come from [`summit_core::matrix`]; this component only lays out
//! and draws what the core computed. With the hindsight layer on, each mark also carries its item's
//! outcome as a small shape in its corner, named in the mark's accessible name and in the table.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use summit_core::export::{PNG_FILE_NAME, SVG_FILE_NAME};
use summit_core::hindsight::outcome_for;
use summit_core::matrix::{bin, marks, neighbour, Direction, MarkPos, Matrix};
use summit_core::model::{Category, Item, Verdict};
use summit_core::state::{MatrixRows, ViewState};

use crate::components::category_icon::{category_icon, category_shape};
use crate::components::hindsight_panel::{verdict_glyph, VerdictIcon, HINDSIGHT_HEADING};
use crate::components::reading_note::reading_note;
use crate::download::{download_blob, download_text};
use crate::explorer::{
    link_click, push_on, state_href, use_explorer, HistoryMode, Navigate, Navigation,
};
use crate::hindsight_data::use_hindsight;
use crate::matrix_file::{matrix_png, matrix_svg_file};

#[derive(Properties, PartialEq)]
pub struct MatrixViewProps {
    pub state: Rc<ViewState>,
    /// For each item (by index in the data set): whether the filters let it through.
    pub included: Rc<Vec<bool>>,
    pub navigate: Navigate,
}

/// Width of the row-label column, in viewBox units (CSS pixels at scale 1).
const LABEL_W: f64 = 168.0;
/// Width of one feasibility column.
const COL_W: f64 = 168.0;
/// Height of the column headers above the grid.
const HEADER_H: f64 = 66.0;
/// Height of one mark (two lines of title) and the step from one stacked mark to the next.
const MARK_H: f64 = 40.0;
const MARK_PITCH: f64 = 44.0;
/// Space between a cell's edge and its marks.
const CELL_PAD: f64 = 6.0;
/// The least height of a row, enough for a two-line row label.
const ROW_MIN_H: f64 = 56.0;
/// Line height of wrapped labels.
const LINE_H: f64 = 15.0;
/// The size of a mark's outcome shape, its distance from the mark's bottom edge, and its left edge.
const VERDICT_SIZE: f64 = 16.0;
const VERDICT_INSET: f64 = 3.0;
const VERDICT_X: f64 = 7.0;
/// How many characters fit on one line of a mark's title, and of a row label.
const MARK_LINE_CHARS: usize = 16;
/// The widest a mark's title line may be drawn: from the text's start to just inside the box.
const MARK_TEXT_W: f64 = COL_W - 8.0 - 34.0 - 5.0;
const ROW_LINE_CHARS: usize = 20;

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// A number that tells this matrix's element ids apart from another instance's.
fn next_instance() -> u32 {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// Wraps text into at most `max_lines` lines of at most `max_chars` characters (one more for a closing "…"), breaking at spaces
/// (or inside a word longer than a line) and ending with "…" after the last whole word when the text does not fit.
fn wrap(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
    words.reverse();
    while let Some(word) = words.pop() {
        let needed = if line.is_empty() {
            word.chars().count()
        } else {
            line.chars().count() + 1 + word.chars().count()
        };
        if needed <= max_chars {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        } else if line.is_empty() {
            // A word longer than a line: split it.
            let head: String = word.chars().take(max_chars).collect();
            let tail: String = word.chars().skip(max_chars).collect();
            lines.push(head);
            words.push(tail);
        } else {
            lines.push(std::mem::take(&mut line));
            words.push(word);
        }
        if lines.len() == max_lines {
            break;
        }
    }
    if !line.is_empty() && lines.len() < max_lines {
        lines.push(line);
    } else if !line.is_empty() || !words.is_empty() {
        // More text than room: end the last line with an ellipsis after its last whole word (the line may run one
        // character over), so the visible words are all words of the mark's accessible name.
        if let Some(last) = lines.last_mut() {
            *last = format!(
                "{}…",
                last.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ':')
            );
        }
    }
    lines
}

/// The element id used for a mark's position.
fn pos_key(pos: MarkPos) -> String {
    format!("{}-{}-{}", pos.row, pos.column, pos.index)
}

/// Reads a position written by [`pos_key`].
fn parse_pos_key(key: &str) -> Option<MarkPos> {
    let mut parts = key.split('-').map(str::parse::<usize>);
    let row = parts.next()?.ok()?;
    let column = parts.next()?.ok()?;
    let index = parts.next()?.ok()?;
    Some(MarkPos { row, column, index })
}

/// The key's move in the matrix, if it is one of the grid's keys.
fn direction(key: &str) -> Option<Direction> {
    match key {
        "ArrowLeft" => Some(Direction::Left),
        "ArrowRight" => Some(Direction::Right),
        "ArrowUp" => Some(Direction::Up),
        "ArrowDown" => Some(Direction::Down),
        "Home" => Some(Direction::Home),
        "End" => Some(Direction::End),
        _ => None,
    }
}

/// The state that opens an item's card.
fn open_state(state: &ViewState, item: &Item) -> ViewState {
    ViewState {
        open_item: Some(item.id.clone()),
        ..state.clone()
    }
}

/// Height of each row: enough for its fullest cell and its label.
fn row_heights(matrix: &Matrix) -> Vec<f64> {
    matrix
        .rows
        .iter()
        .map(|row| {
            let fullest = row.cells.iter().map(Vec::len).max().unwrap_or(0) as f64;
            let label_lines = wrap(&row.label, ROW_LINE_CHARS, 3).len() as f64;
            (fullest * MARK_PITCH - (MARK_PITCH - MARK_H) + 2.0 * CELL_PAD)
                .max(ROW_MIN_H)
                .max(label_lines * LINE_H + 2.0 * CELL_PAD + 8.0)
        })
        .collect()
}

/// The matrix view: a toolbar, the SVG matrix with its "why" panel and legend, and the same content as a table.
#[function_component(MatrixView)]
pub fn matrix_view(props: &MatrixViewProps) -> Html {
    let explorer = use_explorer();
    let hindsight = use_hindsight();
    let state = props.state.clone();
    let navigate = props.navigate.clone();
    let instance = *use_state(next_instance);
    let svg_ref = use_node_ref();

    // The current mark (its row id and item), the mark under the pointer and the focused mark's item.
    let current = use_state(|| None::<(String, usize)>);
    let hovered = use_state(|| None::<usize>);
    let focused = use_state(|| None::<usize>);
    // What the last "Save as" did, for the polite status line.
    let save_status = use_state(String::new);

    // Bin only when the data set or the rows change.
    let matrix = use_memo((explorer.clone(), state.matrix_rows), |(explorer, rows)| {
        bin(&explorer.data, *rows)
    });

    // What is drawn: everything, or (when hiding) only the included items, leaving out rows that end up empty.
    let visible = use_memo(
        (matrix.clone(), props.included.clone(), state.hide_excluded),
        |(matrix, included, hide)| {
            if *hide {
                matrix.keep_only(included)
            } else {
                (**matrix).clone()
            }
        },
    );

    let data = &explorer.data;
    let included = |i: usize| props.included.get(i).copied().unwrap_or(true);
    let max_level = explorer.max_level();
    let rows_label = state.matrix_rows.label();
    let heading_id = format!("matrix-heading-{instance}");
    let hint_id = format!("matrix-hint-{instance}");
    let why_id = format!("matrix-why-{instance}");
    let caption_id = format!("matrix-caption-{instance}");

    // The one mark with tabindex 0: the remembered one if it is still drawn, else the open item's, else the first.
    let all_marks = marks(&visible);
    let remembered = current.as_ref().and_then(|(row_id, item)| {
        let row = visible.rows.iter().position(|r| &r.id == row_id)?;
        all_marks
            .iter()
            .copied()
            .find(|&p| p.row == row && visible.item_at(p) == Some(*item))
    });
    let open_mark = state
        .open_item
        .as_deref()
        .and_then(|id| explorer.item(id))
        .and_then(|(i, _)| visible.position_of(i));
    let tab_stop = remembered
        .or(open_mark)
        .or_else(|| all_marks.first().copied());

    // The item's outcome after the summit, while the hindsight layer is on.
    let verdict_of = |item: &Item| -> Option<Verdict> {
        hindsight
            .as_deref()
            .and_then(|h| outcome_for(h, &item.id))
            .map(|o| o.verdict)
    };

    let accessible_name = |item: &Item, dimmed: bool| {
        let mut name = format!(
            "{}: {}, feasibility {} of {}, {}",
            item.title,
            explorer.category_label(item.category),
            item.feasibility.level,
            max_level,
            explorer.level_label(item.feasibility.level)
        );
        if let Some(verdict) = verdict_of(item) {
            name.push_str(", after the summit: ");
            name.push_str(verdict.label());
        }
        if dimmed {
            name.push_str(" (filtered out)");
        }
        name
    };

    // ---------- Save as SVG or PNG ----------
    let file_title = format!(
        "Feasibility by {}: {}",
        rows_label.to_lowercase(),
        explorer.data.article.title
    );
    let save_svg = {
        let svg_ref = svg_ref.clone();
        let save_status = save_status.clone();
        let file_title = file_title.clone();
        Callback::from(move |_: MouseEvent| {
            let result = svg_ref
                .cast::<web_sys::Element>()
                .ok_or_else(|| "the matrix is not on the page".to_string())
                .and_then(|svg| matrix_svg_file(&svg, &file_title))
                .and_then(|file| download_text(&file, SVG_FILE_NAME, "image/svg+xml"));
            save_status.set(match result {
                Ok(()) => format!("Saved the matrix as {SVG_FILE_NAME}."),
                Err(reason) => format!("Could not save the matrix as SVG: {reason}."),
            });
        })
    };
    let save_png = {
        let svg_ref = svg_ref.clone();
        let save_status = save_status.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                save_status.set(
                    "Could not save the matrix as PNG: the matrix is not on the page.".to_string(),
                );
                return;
            };
            let save_status = save_status.clone();
            let file_title = file_title.clone();
            save_status.set("Drawing the matrix as PNG…".to_string());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match matrix_svg_file(&svg, &file_title) {
                    Ok(file) => matrix_png(&file, &svg).await,
                    Err(reason) => Err(reason),
                }
                .and_then(|png| download_blob(&png, PNG_FILE_NAME));
                save_status.set(match result {
                    Ok(()) => format!("Saved the matrix as {PNG_FILE_NAME}."),
                    Err(reason) => format!("Could not save the matrix as PNG: {reason}."),
                });
            });
        })
    };

    // ---------- Toolbar ----------
    let rows_name = format!("matrix-rows-{instance}");
    let excluded_name = format!("matrix-excluded-{instance}");
    let rows_options = MatrixRows::ALL.iter().map(|&rows| {
        let onchange = push_on::<Event>(&navigate, ViewState { matrix_rows: rows, ..(*state).clone() });
        html! {
            <label class="matrix-option">
                <input type="radio" name={rows_name.clone()} value={rows.id()} checked={state.matrix_rows == rows} {onchange} />
                {rows.label()}
            </label>
        }
    });
    let excluded_options = [(false, "Dim"), (true, "Hide")].into_iter().map(|(hide, label)| {
        let onchange = push_on::<Event>(&navigate, ViewState { hide_excluded: hide, ..(*state).clone() });
        html! {
            <label class="matrix-option">
                <input type="radio" name={excluded_name.clone()} value={if hide { "hide" } else { "dim" }} checked={state.hide_excluded == hide} {onchange} />
                {label}
            </label>
        }
    });
    let toolbar = html! {
        <div class="matrix-toolbar">
            <fieldset class="matrix-fieldset">
                <legend>{"Rows:"}</legend>
                { for rows_options }
            </fieldset>
            <fieldset class="matrix-fieldset">
                <legend>{"Filtered-out items:"}</legend>
                { for excluded_options }
            </fieldset>
            if !all_marks.is_empty() {
                <div class="matrix-save" role="group" aria-label="Save the matrix">
                    <button type="button" class="button matrix-save-button" onclick={save_svg}>{"Save as SVG"}</button>
                    <button type="button" class="button matrix-save-button" onclick={save_png}>{"Save as PNG"}</button>
                </div>
            }
            // Always present, so that what a save did (or why it failed) is announced.
            <p class="matrix-save-status" role="status">{ (*save_status).clone() }</p>
        </div>
    };

    // ---------- Keyboard ----------
    let onkeydown = {
        let visible = visible.clone();
        let current = current.clone();
        let svg_ref = svg_ref.clone();
        let navigate = navigate.clone();
        let state = state.clone();
        let explorer = explorer.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let Some(mark) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-pos]").ok().flatten())
            else {
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
                // Follow the link ourselves, so the open goes through the explorer's history like a click.
                if let Some(item) = visible
                    .item_at(from)
                    .and_then(|i| explorer.data.items.get(i))
                {
                    event.prevent_default();
                    navigate.emit(Navigation {
                        state: open_state(&state, item),
                        mode: HistoryMode::Push,
                    });
                }
                return;
            }
            let Some(dir) = direction(&key) else { return };
            // Arrow keys, Home and End never scroll the page or the region while a mark has focus.
            event.prevent_default();
            let Some(to) = neighbour(&visible, from, dir) else {
                return;
            };
            let (Some(item), Some(row)) = (visible.item_at(to), visible.rows.get(to.row)) else {
                return;
            };
            current.set(Some((row.id.clone(), item)));
            let target = svg_ref.cast::<web_sys::Element>().and_then(|svg| {
                svg.query_selector(&format!("[data-pos=\"{}\"]", pos_key(to)))
                    .ok()
                    .flatten()
            });
            if let Some(target) = target {
                // SVG elements have `focus()` too (HTMLOrSVGElement); web-sys only binds it on HtmlElement.
                target.unchecked_ref::<web_sys::HtmlElement>().focus().ok();
            }
        })
    };

    // ---------- The SVG ----------
    let heights = row_heights(&visible);
    let columns = visible.columns.len();
    let width = LABEL_W + COL_W * columns as f64;
    let body_h: f64 = heights.iter().sum();
    let height = HEADER_H + body_h + 2.0;
    let mut row_tops = Vec::with_capacity(heights.len());
    let mut y = HEADER_H;
    for h in &heights {
        row_tops.push(y);
        y += h;
    }
    let first_label = visible
        .columns
        .first()
        .map_or("", |&l| explorer.level_label(l));
    let last_label = visible
        .columns
        .last()
        .map_or("", |&l| explorer.level_label(l));

    let column_backgrounds = (0..columns).map(|c| {
        let x = LABEL_W + COL_W * c as f64;
        html! {
            <rect class={classes!("matrix-col", (c % 2 == 1).then_some("matrix-col--alt"))}
                x={x.to_string()} y={HEADER_H.to_string()} width={COL_W.to_string()} height={body_h.to_string()} />
        }
    });
    let column_headers = visible.columns.iter().enumerate().map(|(c, &level)| {
        let x = LABEL_W + COL_W * c as f64 + COL_W / 2.0;
        html! {
            <text class="matrix-col-header" x={x.to_string()} y="40" text-anchor="middle">
                <tspan class="matrix-col-label" x={x.to_string()}>{explorer.level_label(level)}</tspan>
                <tspan class="matrix-col-level" x={x.to_string()} dy="17">{format!("{level} of {max_level}")}</tspan>
            </text>
        }
    });
    let row_lines = row_tops.iter().map(|&top| {
        html! { <line class="matrix-row-line" x1="0" x2={width.to_string()} y1={top.to_string()} y2={top.to_string()} /> }
    });

    let rows_svg = visible.rows.iter().enumerate().map(|(r, row)| {
        let top = row_tops[r];
        let label_lines = wrap(&row.label, ROW_LINE_CHARS, 3);
        let label = html! {
            <text class="matrix-row-label" x="8" y={(top + CELL_PAD + 16.0).to_string()} aria-hidden="true">
                { for label_lines.iter().enumerate().map(|(n, line)| html! {
                    <tspan x="8" dy={if n == 0 { "0" } else { "15" }}>{line.clone()}</tspan>
                }) }
            </text>
        };
        let marks_svg = row.cells.iter().enumerate().flat_map(|(c, cell)| {
            cell.iter().enumerate().map(move |(index, &i)| (MarkPos { row: r, column: c, index }, i))
        });
        let marks_svg = marks_svg.filter_map(|(pos, i)| {
            let item = data.items.get(i)?;
            let dimmed = !included(i);
            let x = LABEL_W + COL_W * pos.column as f64 + 4.0;
            let y = top + CELL_PAD + MARK_PITCH * pos.index as f64;
            let open = open_state(&state, item);
            let href = state_href(&open);
            let onclick = link_click(&navigate, open);
            let row_id = row.id.clone();
            let onfocus = {
                let current = current.clone();
                let focused = focused.clone();
                Callback::from(move |_: FocusEvent| {
                    current.set(Some((row_id.clone(), i)));
                    focused.set(Some(i));
                })
            };
            let onblur = {
                let focused = focused.clone();
                Callback::from(move |_: FocusEvent| focused.set(None))
            };
            let onmouseenter = {
                let hovered = hovered.clone();
                Callback::from(move |_: MouseEvent| hovered.set(Some(i)))
            };
            let onmouseleave = {
                let hovered = hovered.clone();
                Callback::from(move |_: MouseEvent| hovered.set(None))
            };
            let tabindex = if tab_stop == Some(pos) { "0" } else { "-1" };
            let title_lines = wrap(&item.title, MARK_LINE_CHARS, 2);
            // With an outcome, the category's shape and the outcome's share the left corner, one above the other.
            let verdict = verdict_of(item).map(|v| {
                let y = MARK_H - VERDICT_SIZE - VERDICT_INSET;
                html! {
                    <svg class={classes!("matrix-mark-verdict", format!("verdict-{}", v.id()))}
                        x={VERDICT_X.to_string()} y={y.to_string()} width={VERDICT_SIZE.to_string()} height={VERDICT_SIZE.to_string()}
                        viewBox="-1.5 -1.5 19 19" aria-hidden="true" focusable="false">
                        <circle class="matrix-mark-verdict-back" cx="8" cy="8" r="9" />
                        { verdict_glyph(v) }
                    </svg>
                }
            });
            let text_y = if title_lines.len() == 1 { MARK_H / 2.0 + 4.5 } else { MARK_H / 2.0 - 3.0 };
            Some(html! {
                <a key={pos_key(pos)}
                    class={classes!("matrix-mark", format!("cat-{}", item.category.id()), dimmed.then_some("matrix-mark--dim"))}
                    href={href} tabindex={tabindex} aria-label={accessible_name(item, dimmed)}
                    data-pos={pos_key(pos)} data-item={item.id.clone()}
                    transform={format!("translate({x} {y})")}
                    {onclick} {onfocus} {onblur} {onmouseenter} {onmouseleave}>
                    <rect class="matrix-mark-box" x="0" y="0" width={(COL_W - 8.0).to_string()} height={MARK_H.to_string()} rx="5" />
                    <path class="matrix-mark-shape" d={category_shape(item.category)}
                        transform={if verdict.is_some() { "translate(6 2) scale(1.1)" } else { "translate(5 8) scale(1.5)" }} />
                    <text class="matrix-mark-label" x="34" y={text_y.to_string()}>
                        // A space ends every line but the last, so the label's text reads as words
                        // ("Exchange prisoners", not "Exchangeprisoners") and matches the accessible name.
                        // A line that runs over (a whole word and its "…") is narrowed to fit the box.
                        { for title_lines.iter().enumerate().map(|(n, line)| {
                            let text = if n + 1 < title_lines.len() { format!("{line} ") } else { line.clone() };
                            let squeeze = (line.chars().count() > MARK_LINE_CHARS).then_some(MARK_TEXT_W.to_string());
                            let adjust = squeeze.as_ref().map(|_| "spacingAndGlyphs");
                            html! { <tspan x="34" dy={if n == 0 { "0" } else { "15" }} textLength={squeeze} lengthAdjust={adjust}>{text}</tspan> }
                        }) }
                    </text>
                    { verdict }
                </a>
            })
        });
        html! {
            <g class="matrix-row" role="group" aria-label={row.label.clone()} key={row.id.clone()}>
                {label}
                { for marks_svg }
            </g>
        }
    });

    let description = format!(
        "Columns are the feasibility levels, from {first_label} (least feasible, left) to {last_label} (most feasible, right); \
         rows are the {}. Each item is a link, marked with its category's shape; an item with several {} appears in each of its rows.",
        plural(state.matrix_rows),
        plural(state.matrix_rows),
    );
    let description = if hindsight.is_some() {
        format!("{description} A small round shape in a mark's bottom left corner, below the category's shape, shows how the item held after the summit (from facts after the article, not in it).")
    } else {
        description
    };
    let svg = html! {
        <svg ref={svg_ref.clone()} class="matrix-svg" viewBox={format!("0 0 {width} {height}")}
            width={width.to_string()} height={height.to_string()}
            aria-labelledby={heading_id.clone()} aria-describedby={hint_id.clone()} {onkeydown}>
            <desc>{description}</desc>
            <g class="matrix-grid" aria-hidden="true">
                { for column_backgrounds }
                <text class="matrix-axis" x={LABEL_W.to_string()} y="16">{"← Less feasible"}</text>
                <text class="matrix-axis" x={width.to_string()} y="16" text-anchor="end">{"More feasible →"}</text>
                <text class="matrix-corner" x="8" y="57">{rows_label}</text>
                { for column_headers }
                { for row_lines }
                <line class="matrix-row-line" x1="0" x2={width.to_string()} y1={(HEADER_H + body_h).to_string()} y2={(HEADER_H + body_h).to_string()} />
            </g>
            { for rows_svg }
        </svg>
    };

    // ---------- Why this rating ----------
    let shown = (*hovered).or(*focused).and_then(|i| data.items.get(i));
    let why = html! {
        <div class="matrix-why" id={why_id} aria-live="polite">
            { match shown {
                Some(item) => html! {
                    <>
                        <p class="matrix-why-title">
                            { category_icon(item.category) }
                            <strong>{item.title.clone()}</strong>
                            <span class="matrix-why-level">
                                {format!(" — feasibility {} of {max_level}, {}", item.feasibility.level, explorer.level_label(item.feasibility.level))}
                            </span>
                        </p>
                        <figure class="matrix-why-quote">
                            <figcaption class="matrix-why-label">{"Why this rating"}</figcaption>
                            <blockquote><p>{format!("“{}”", item.feasibility.rationale)}</p></blockquote>
                            { reading_note(item.feasibility.reading_note.as_deref()) }
                        </figure>
                        if let Some(verdict) = verdict_of(item) {
                            <p class={classes!("matrix-why-hindsight", format!("verdict-{}", verdict.id()))}>
                                <span class="matrix-why-hindsight-label">{ HINDSIGHT_HEADING }{ ": " }</span>
                                <VerdictIcon {verdict} />
                                { format!(" after the summit, {}", verdict.label().to_lowercase()) }
                            </p>
                        }
                    </>
                },
                None => html! {
                    <p class="matrix-why-empty">{"Hover over or focus a mark to read why the article rates it so."}</p>
                },
            } }
        </div>
    };

    // ---------- Legend ----------
    let legend = html! {
        <div class="matrix-legend">
            <h3 class="matrix-legend-title">{"Legend"}</h3>
            <ul class="matrix-legend-list">
                { for Category::ALL.iter().map(|&category| html! {
                    <li class={classes!("matrix-legend-item", format!("cat-{}", category.id()))}>
                        <svg class="matrix-legend-shape" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
                            <path d={category_shape(category)} />
                        </svg>
                        {explorer.category_label(category)}
                    </li>
                }) }
                if hindsight.is_some() {
                    { for Verdict::ALL.iter().map(|&verdict| html! {
                        <li class={classes!("matrix-legend-item", "matrix-legend-verdict", format!("verdict-{}", verdict.id()))}>
                            <VerdictIcon {verdict} size={20} />
                            { format!("After the summit: {}", verdict.label().to_lowercase()) }
                        </li>
                    }) }
                    <li class="matrix-legend-item matrix-legend-verdict">
                        { "No outcome shape: no checked facts after the article" }
                    </li>
                }
                <li class="matrix-legend-item matrix-legend-dim">
                    <svg class="matrix-legend-shape" viewBox="0 0 28 20" width="28" height="20" aria-hidden="true" focusable="false">
                        <rect x="1" y="1" width="26" height="18" rx="3" />
                    </svg>
                    { if state.hide_excluded {
                        "Items the filters leave out are hidden; choose “Dim” to see them."
                    } else {
                        "Dimmed, with a dashed outline: left out by the current filters."
                    } }
                </li>
            </ul>
        </div>
    };

    // ---------- The table ----------
    let table = html! {
        <div class="matrix-table-wrap" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class="matrix-table">
                <caption id={caption_id}>{"Feasibility matrix as a table"}</caption>
                <thead>
                    <tr>
                        <th class="matrix-table-corner">{rows_label}</th>
                        { for visible.columns.iter().map(|&level| html! {
                            <th scope="col">
                                {explorer.level_label(level)}
                                <span class="matrix-table-level">{format!(" ({level} of {max_level})")}</span>
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for visible.rows.iter().map(|row| html! {
                        <tr key={row.id.clone()}>
                            <th scope="row">{row.label.clone()}</th>
                            { for row.cells.iter().map(|cell| html! {
                                <td>
                                    if cell.is_empty() {
                                        <span aria-hidden="true" class="matrix-table-none">{"–"}</span>
                                        <span class="visually-hidden">{"None"}</span>
                                    } else {
                                        <ul class="matrix-table-list">
                                            { for cell.iter().filter_map(|&i| data.items.get(i).map(|item| (i, item))).map(|(i, item)| {
                                                let dimmed = !included(i);
                                                let open = open_state(&state, item);
                                                html! {
                                                    <li class={classes!("matrix-table-item", format!("cat-{}", item.category.id()), dimmed.then_some("matrix-table-item--dim"))}>
                                                        { category_icon(item.category) }
                                                        <span class="matrix-table-text">
                                                            <a href={state_href(&open)} onclick={link_click(&navigate, open)}>{item.title.clone()}</a>
                                                            <span class="visually-hidden">{format!(" ({})", explorer.category_label(item.category))}</span>
                                                            if let Some(verdict) = verdict_of(item) {
                                                                <span class={classes!("matrix-table-verdict", format!("verdict-{}", verdict.id()))}>
                                                                    <VerdictIcon {verdict} />
                                                                    { format!(" After the summit: {}", verdict.label().to_lowercase()) }
                                                                </span>
                                                            }
                                                            if dimmed {
                                                                <span class="matrix-table-filtered">{" (filtered out)"}</span>
                                                            }
                                                        </span>
                                                    </li>
                                                }
                                            }) }
                                        </ul>
                                    }
                                </td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    };

    html! {
        <section class="matrix-view" aria-labelledby={heading_id.clone()}>
            {toolbar}
            <h2 class="matrix-heading" id={heading_id}>{format!("Feasibility by {}", rows_label.to_lowercase())}</h2>
            <p class="matrix-hint" id={hint_id}>
                {"Each mark is a link to the item's card. In the matrix, use the arrow keys, Home and End to move between marks, and Enter to open one."}
            </p>
            if all_marks.is_empty() {
                <p class="matrix-empty">{"No item matches the filters. Clear a filter or choose “Dim” to see the left-out items."}</p>
            } else {
                <div role="region" aria-label="Feasibility matrix" tabindex="0" class="matrix-scroll">
                    {svg}
                </div>
                {why}
                {legend}
                {table}
            }
        </section>
    }
}

/// The plural noun for the rows, as in "rows are the domains".
fn plural(rows: MatrixRows) -> &'static str {
    match rows {
        MatrixRows::Domain => "domains",
        MatrixRows::Category => "categories",
        MatrixRows::Actor => "actors",
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_and_ends_long_text_with_an_ellipsis() {
        assert_eq!(wrap("Climate change", 17, 2), ["Climate change"]);
        assert_eq!(
            wrap("Restore diplomatic missions", 17, 2),
            ["Restore", "diplomatic…"]
        );
        assert_eq!(
            wrap("U.S. return to the Iran nuclear deal (JCPOA)", 17, 2),
            ["U.S. return to", "the Iran nuclear…"]
        );
        assert_eq!(
            wrap("Keep Russia from aligning further with China", 16, 2),
            ["Keep Russia from", "aligning further…"]
        );
        assert_eq!(
            wrap("Nonproliferationandnuclearsecurityforall", 17, 2),
            ["Nonproliferationa", "ndnuclearsecurity…"]
        );
    }
}
