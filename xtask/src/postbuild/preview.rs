//! Preview images for shared links (Open Graph and Twitter cards, 1200×630 PNG): one per item, beside its page in
//! `items/ID/`, and one for the whole explorer beside `index.html`. They are drawn at build time in the app's palette
//! with the DejaVu Sans fonts the repository carries (`xtask/fonts/`), so every machine writes the same bytes.
//!
//! Drawing is a few filled shapes (rectangles, rounded rectangles, the category shapes of
//! `src/components/category_icon.rs`) and glyph outlines, each rasterised with `ab_glyph_rasterizer` into a coverage
//! mask and blended over an RGB canvas, which is written as a PNG file deflated by `miniz_oxide`.

use std::path::Path;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId, ScaleFont};
use ab_glyph_rasterizer::{point, Point, Rasterizer};

use summit_core::dates::format_iso_date;
use summit_core::model::{Category, DataSet, Item};
use summit_core::url::{item_page_path, PREVIEW_IMAGE};

/// The size social networks ask for (Open Graph's 1.91:1).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Space kept free of ink on the left and right, and at the top (below the colour band) and the bottom.
const SIDE_MARGIN: f32 = 72.0;
const TOP_MARGIN: f32 = 56.0;
const BOTTOM_MARGIN: f32 = 48.0;
/// The coloured band across the top, like the card's top border in the app.
const BAND_HEIGHT: f32 = 14.0;

const PRODUCT_NAME: &str = "Summit Fruits";

/// The category's badge below the product's name: its top and height, its shape's size and inset.
const BADGE_TOP: f32 = 112.0;
const BADGE_HEIGHT: f32 = 60.0;
const BADGE_ICON: f32 = 46.0;
const BADGE_ICON_INSET: f32 = 10.0;
/// Where an item's title may reach down to; its meter is below, then the rule above the article's name.
const TITLE_BOX_BOTTOM: f32 = 384.0;
const FOOTER_TOP: f32 = 480.0;
/// How wide an item's meter may grow (a scale of many levels gets narrower steps).
const METER_MAX_WIDTH: f32 = 440.0;

/// Writes `items/ID/preview.png` for every item and `preview.png` for the explorer into `out_dir`; returns how many
/// images it wrote.
pub fn write_all(out_dir: &Path, data: &DataSet) -> Result<usize, String> {
    let mut written = 0;
    for item in &data.items {
        let folder = out_dir.join(item_page_path(&item.id));
        std::fs::create_dir_all(&folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        write_file(&folder.join(PREVIEW_IMAGE), &render_item(data, item))?;
        written += 1;
    }
    write_file(&out_dir.join(PREVIEW_IMAGE), &render_explorer(data))?;
    Ok(written + 1)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// An item's preview as PNG bytes: the product's name, the item's category (shape and label), its title, its
/// feasibility as a meter and in words, and the article it comes from.
pub fn render_item(data: &DataSet, item: &Item) -> Vec<u8> {
    let fonts = fonts();
    let mut canvas = Canvas::new(WIDTH, HEIGHT, palette::BG);
    let colours = palette::category(item.category);
    canvas.fill_rect(0.0, 0.0, WIDTH as f32, BAND_HEIGHT, colours.strong);

    let left = SIDE_MARGIN;
    let right = WIDTH as f32 - SIDE_MARGIN;
    let width = right - left;

    // The product's name, as the app's header writes it: small, bold, spaced capitals.
    let site_name = Run::new(&fonts.bold, 26.0, palette::TEXT_MUTED).tracked(0.08);
    site_name.draw(
        &mut canvas,
        left,
        BAND_HEIGHT + TOP_MARGIN + site_name.cap_height(),
        &PRODUCT_NAME.to_uppercase(),
    );

    // The category as the card's badge: a pill in the category's soft colour with its shape and label.
    let badge_bottom = draw_category_badge(
        &mut canvas,
        left,
        BADGE_TOP,
        width,
        item.category,
        data.category_label(item.category),
    );

    // The title, as large as fits in three lines (at the smallest size, cut with "…"), centred in its box.
    let title_box = (badge_bottom + 24.0, TITLE_BOX_BOTTOM);
    let title = fit_title(&fonts.bold, &item.title, width, title_box.1 - title_box.0);
    let title_run = Run::new(&fonts.bold, title.size, palette::TEXT);
    let block_height = title_run.ascent()
        + title.line_height * (title.lines.len() as f32 - 1.0)
        + title_run.descent_below();
    let mut baseline =
        (title_box.0 + (title_box.1 - title_box.0 - block_height) / 2.0 + title_run.ascent())
            .round();
    for line in &title.lines {
        title_run.draw(&mut canvas, left, baseline, line);
        baseline += title.line_height;
    }

    // Feasibility: the meter's steps, then "Feasibility: 4 of 5, Within reach".
    let max = data.max_level();
    let meter_height = 36.0;
    let meter_top = (TITLE_BOX_BOTTOM + FOOTER_TOP - meter_height) / 2.0;
    let meter_right = draw_meter(
        &mut canvas,
        left,
        meter_top,
        meter_height,
        item.feasibility.level,
        max,
    );
    let words_left = meter_right + 24.0;
    let lead = Run::new(&fonts.regular, 32.0, palette::TEXT_MUTED);
    let label = Run::new(&fonts.bold, 32.0, palette::TEXT);
    let text_baseline = (meter_top + meter_height / 2.0 + lead.cap_height() / 2.0).round();
    let lead_text = format!("Feasibility: {} of {max}, ", item.feasibility.level);
    let label_left = lead.draw(&mut canvas, words_left, text_baseline, &lead_text);
    let label_text = label.ellipsised(data.level_label(item.feasibility.level), right - label_left);
    label.draw(&mut canvas, label_left, text_baseline, &label_text);

    draw_article_footer(&mut canvas, data);
    canvas.into_png()
}

/// The explorer's preview as PNG bytes: the product's name, the article's title, author, outlet and date, and how many
/// items the data set has in each category, with the category's shape.
pub fn render_explorer(data: &DataSet) -> Vec<u8> {
    let fonts = fonts();
    let mut canvas = Canvas::new(WIDTH, HEIGHT, palette::BG);
    let counts: Vec<(Category, usize)> = Category::ALL
        .iter()
        .map(|&c| (c, data.items.iter().filter(|i| i.category == c).count()))
        .collect();
    let total: usize = counts.iter().map(|(_, n)| n).sum();

    // The band shares its width among the categories by their numbers of items.
    let mut band_left = 0.0;
    let mut so_far = 0;
    for &(category, count) in &counts {
        so_far += count;
        let band_right = if total == 0 {
            WIDTH as f32
        } else {
            (WIDTH as f32 * so_far as f32 / total as f32).round()
        };
        canvas.fill_rect(
            band_left,
            0.0,
            band_right,
            BAND_HEIGHT,
            palette::category(category).strong,
        );
        band_left = band_right;
    }

    let left = SIDE_MARGIN;
    let right = WIDTH as f32 - SIDE_MARGIN;
    let width = right - left;

    let name = Run::new(&fonts.bold, 76.0, palette::TEXT);
    let name_top = BAND_HEIGHT + TOP_MARGIN - 10.0;
    let name_baseline = name_top + name.ascent();
    name.draw(&mut canvas, left, name_baseline, PRODUCT_NAME);

    let lead = Run::new(&fonts.regular, 32.0, palette::TEXT_MUTED);
    let lead_baseline = name_baseline + 62.0;
    lead.draw(
        &mut canvas,
        left,
        lead_baseline,
        "An explorer of the analysis",
    );

    let article = Run::new(&fonts.bold, 40.0, palette::TEXT);
    let article_lines = wrap_lines(&fonts.bold, 40.0, &quoted(&data.article.title), width, 2);
    let mut baseline = lead_baseline + 56.0;
    for line in &article_lines {
        article.draw(&mut canvas, left, baseline, line);
        baseline += 50.0;
    }
    let byline = Run::new(&fonts.regular, 30.0, palette::TEXT_MUTED);
    byline.draw(
        &mut canvas,
        left,
        baseline - 4.0,
        &byline.ellipsised(&byline_text(data), width),
    );

    // One tile per category: its shape and number of items, its label below.
    let summary = Run::new(&fonts.regular, 30.0, palette::TEXT);
    let tile_top = HEIGHT as f32 - BOTTOM_MARGIN - 164.0;
    let summary_baseline = tile_top - 24.0;
    let noun = if total == 1 {
        "prospect or risk"
    } else {
        "prospects and risks"
    };
    let summary_text =
        format!("{total} {noun}, each with its feasibility and the article\u{2019}s words for it");
    summary.draw(
        &mut canvas,
        left,
        summary_baseline,
        &summary.ellipsised(&summary_text, width),
    );
    let gap = 16.0;
    let tile_width = (width - gap * (counts.len() as f32 - 1.0)) / counts.len() as f32;
    let tile_bottom = HEIGHT as f32 - BOTTOM_MARGIN;
    for (index, &(category, count)) in counts.iter().enumerate() {
        let x = left + index as f32 * (tile_width + gap);
        draw_category_tile(
            &mut canvas,
            x,
            tile_top,
            tile_width,
            tile_bottom - tile_top,
            category,
            data.category_label(category),
            count,
        );
    }
    canvas.into_png()
}

/// “Title” in typographic quotes.
fn quoted(title: &str) -> String {
    format!("\u{201c}{title}\u{201d}")
}

/// "Author · Outlet · 4 June 2021".
fn byline_text(data: &DataSet) -> String {
    let article = &data.article;
    format!(
        "{} \u{b7} {} \u{b7} {}",
        article.author,
        article.outlet,
        format_iso_date(&article.published)
    )
}

/// The article an item comes from, at the bottom of its image below a rule: "From “Title”", then the byline.
fn draw_article_footer(canvas: &mut Canvas, data: &DataSet) {
    let fonts = fonts();
    let left = SIDE_MARGIN;
    let right = WIDTH as f32 - SIDE_MARGIN;
    canvas.fill_rect(left, FOOTER_TOP, right, FOOTER_TOP + 2.0, palette::BORDER);
    let lead_run = Run::new(&fonts.regular, 30.0, palette::TEXT_MUTED);
    let title_run = Run::new(&fonts.bold, 30.0, palette::TEXT);
    let byline = Run::new(&fonts.regular, 28.0, palette::TEXT_MUTED);
    let byline_baseline = HEIGHT as f32 - BOTTOM_MARGIN - byline.descent_below();
    let baseline = byline_baseline - 42.0;
    let title_left = lead_run.draw(canvas, left, baseline, "From ");
    let title = title_run.ellipsised(&quoted(&data.article.title), right - title_left);
    title_run.draw(canvas, title_left, baseline, &title);
    byline.draw(
        canvas,
        left,
        byline_baseline,
        &byline.ellipsised(&byline_text(data), right - left),
    );
}

/// Draws the category's badge (its shape and label in a pill) at (`left`, `top`); returns the pill's bottom.
fn draw_category_badge(
    canvas: &mut Canvas,
    left: f32,
    top: f32,
    max_width: f32,
    category: Category,
    label: &str,
) -> f32 {
    let fonts = fonts();
    let colours = palette::category(category);
    let height = BADGE_HEIGHT;
    let icon = BADGE_ICON;
    let run = Run::new(&fonts.bold, 30.0, palette::TEXT);
    let padding_left = BADGE_ICON_INSET;
    let padding_right = 24.0;
    let text_left_offset = padding_left + icon + 10.0;
    let text = run.ellipsised(label, max_width - text_left_offset - padding_right);
    let width = text_left_offset + run.width(&text) + padding_right;
    let radius = height / 2.0;
    canvas.fill(
        &Outline::rounded_rect(left, top, width, height, radius),
        colours.strong,
    );
    canvas.fill(
        &Outline::rounded_rect(
            left + 2.0,
            top + 2.0,
            width - 4.0,
            height - 4.0,
            radius - 2.0,
        ),
        colours.soft,
    );
    canvas.fill(
        &Outline::category_shape(
            category,
            left + padding_left,
            top + (height - icon) / 2.0,
            icon,
        ),
        colours.strong,
    );
    let baseline = (top + height / 2.0 + run.cap_height() / 2.0).round();
    run.draw(canvas, left + text_left_offset, baseline, &text);
    top + height
}

/// A category's tile in the explorer's image: a soft box with its shape, number of items and label.
#[allow(clippy::too_many_arguments)]
fn draw_category_tile(
    canvas: &mut Canvas,
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    category: Category,
    label: &str,
    count: usize,
) {
    let fonts = fonts();
    let colours = palette::category(category);
    canvas.fill(
        &Outline::rounded_rect(left, top, width, height, 10.0),
        colours.strong,
    );
    canvas.fill(
        &Outline::rounded_rect(left + 2.0, top + 6.0, width - 4.0, height - 8.0, 8.0),
        colours.soft,
    );
    let padding = 16.0;
    let icon = 44.0;
    let count_run = Run::new(&fonts.bold, 48.0, palette::TEXT);
    let count_baseline = (top + 6.0 + padding + icon / 2.0 + count_run.cap_height() / 2.0).round();
    canvas.fill(
        &Outline::category_shape(category, left + padding, top + 6.0 + padding, icon),
        colours.strong,
    );
    count_run.draw(
        canvas,
        left + padding + icon + 12.0,
        count_baseline,
        &count.to_string(),
    );
    let label_run = Run::new(&fonts.bold, 24.0, palette::TEXT);
    let mut baseline = count_baseline + 46.0;
    for line in wrap_lines(&fonts.bold, 24.0, label, width - 2.0 * padding, 2) {
        label_run.draw(canvas, left + padding, baseline, &line);
        baseline += 30.0;
    }
}

/// Draws the meter's steps (filled up to `level` of `max`) at (`left`, `top`); returns its right edge.
fn draw_meter(canvas: &mut Canvas, left: f32, top: f32, height: f32, level: u8, max: u8) -> f32 {
    // The app's proportions (a step 0.9rem wide, 3px apart), up to the room there is.
    let pitch = (METER_MAX_WIDTH / f32::from(max.max(1))).min(64.0);
    let gap = (pitch / 8.0).min(8.0);
    let step_width = pitch - gap;
    let radius = (step_width / 6.0).min(6.0);
    let border = 2.0_f32.min(step_width / 4.0);
    let mut x = left;
    for step in 1..=max {
        let box_outline = Outline::rounded_rect(x, top, step_width, height, radius);
        if step <= level {
            canvas.fill(&box_outline, palette::METER_ON);
        } else {
            canvas.fill(&box_outline, palette::BORDER_STRONG);
            canvas.fill(
                &Outline::rounded_rect(
                    x + border,
                    top + border,
                    step_width - 2.0 * border,
                    height - 2.0 * border,
                    (radius - border).max(0.0),
                ),
                palette::METER_OFF,
            );
        }
        x += pitch;
    }
    x - gap
}

/// The title's lines at the size that fits them.
struct FittedTitle {
    size: f32,
    line_height: f32,
    lines: Vec<String>,
}

/// The largest of a few sizes at which `title` fits in `width` × `height` within three lines; at the smallest, the
/// lines that fit with the last cut by "…".
fn fit_title(font: &FontRef<'static>, title: &str, width: f32, height: f32) -> FittedTitle {
    const SIZES: [f32; 5] = [72.0, 64.0, 56.0, 50.0, 44.0];
    const MAX_LINES: usize = 3;
    for (index, &size) in SIZES.iter().enumerate() {
        let line_height = (size * 1.15).round();
        let run = Run::new(font, size, palette::TEXT);
        // The first line takes its ascent and the last its descent; the lines between a line height each.
        let room =
            ((height - run.ascent() - run.descent_below()) / line_height).floor() as usize + 1;
        let max_lines = room.clamp(1, MAX_LINES);
        let smallest = index == SIZES.len() - 1;
        let lines = wrap_lines(
            font,
            size,
            title,
            width,
            if smallest { max_lines } else { usize::MAX },
        );
        if lines.len() <= max_lines {
            return FittedTitle {
                size,
                line_height,
                lines,
            };
        }
    }
    unreachable!("the smallest size always returns")
}

/// `text` broken into lines no wider than `width` at words (and inside a word too long for a line), at most
/// `max_lines` of them, the last cut with "…" when the text does not fit.
fn wrap_lines(
    font: &FontRef<'static>,
    size: f32,
    text: &str,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    let run = Run::new(font, size, palette::TEXT);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if run.width(&candidate) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word wider than the line is cut wherever the line is full.
        for c in word.chars() {
            current.push(c);
            if run.width(&current) > width && current.chars().count() > 1 {
                current.pop();
                lines.push(std::mem::replace(&mut current, c.to_string()));
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(run.ellipsised(&format!("{rest}\u{2026}"), width));
    }
    lines
}

/// The two fonts, parsed once from the files embedded in the binary.
struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: FontRef::try_from_slice(include_bytes!("../../fonts/DejaVuSans.ttf"))
            .expect("xtask/fonts/DejaVuSans.ttf is a font"),
        bold: FontRef::try_from_slice(include_bytes!("../../fonts/DejaVuSans-Bold.ttf"))
            .expect("xtask/fonts/DejaVuSans-Bold.ttf is a font"),
    })
}

/// A line of text in one font, size and colour, with optional letter spacing (in ems).
struct Run<'f> {
    font: &'f FontRef<'static>,
    size: f32,
    colour: Rgb,
    tracking: f32,
}

impl<'f> Run<'f> {
    fn new(font: &'f FontRef<'static>, size: f32, colour: Rgb) -> Run<'f> {
        Run {
            font,
            size,
            colour,
            tracking: 0.0,
        }
    }

    fn tracked(self, ems: f32) -> Run<'f> {
        Run {
            tracking: ems,
            ..self
        }
    }

    /// Height above the baseline of the font's tallest letters.
    fn ascent(&self) -> f32 {
        self.font.as_scaled(self.size).ascent().ceil()
    }

    /// Depth below the baseline of the font's lowest letters.
    fn descent_below(&self) -> f32 {
        (-self.font.as_scaled(self.size).descent()).ceil()
    }

    /// The height of a capital letter, to centre a line on something beside it.
    fn cap_height(&self) -> f32 {
        let scaled = self.font.as_scaled(self.size);
        let id = scaled.glyph_id('H');
        self.font
            .outline_glyph(id.with_scale(self.size))
            .map_or(self.ascent() * 0.7, |g| -g.px_bounds().min.y)
    }

    /// Each character's glyph and the caret position it is drawn at, kerned; and the caret's position after the last.
    fn layout(&self, text: &str) -> (Vec<(GlyphId, f32)>, f32) {
        let scaled = self.font.as_scaled(self.size);
        let spacing = self.tracking * self.size;
        let mut caret = 0.0;
        let mut previous: Option<GlyphId> = None;
        let mut glyphs = Vec::with_capacity(text.len());
        for c in text.chars() {
            // A character the font lacks gets its .notdef glyph (id 0), drawn as the font's empty box.
            let id = scaled.glyph_id(c);
            if let Some(previous) = previous {
                caret += scaled.kern(previous, id);
            }
            glyphs.push((id, caret));
            caret += scaled.h_advance(id) + spacing;
            previous = Some(id);
        }
        if !glyphs.is_empty() {
            caret -= spacing;
        }
        (glyphs, caret)
    }

    fn width(&self, text: &str) -> f32 {
        self.layout(text).1
    }

    /// `text`, or as much of it as fits in `width` followed by "…".
    fn ellipsised(&self, text: &str, width: f32) -> String {
        if self.width(text) <= width {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let cut = |kept: usize| -> String {
            let kept: String = chars[..kept].iter().collect();
            format!("{}\u{2026}", kept.trim_end())
        };
        // The longest prefix that fits with "…" (a longer prefix is never narrower), by bisection.
        let (mut fits, mut too_long) = (0, chars.len());
        while too_long - fits > 1 {
            let middle = (fits + too_long) / 2;
            if self.width(&cut(middle)) <= width {
                fits = middle;
            } else {
                too_long = middle;
            }
        }
        cut(fits)
    }

    /// Draws `text` with its baseline at `baseline`, starting at `left`; returns where the next text would start.
    fn draw(&self, canvas: &mut Canvas, left: f32, baseline: f32, text: &str) -> f32 {
        let (glyphs, end) = self.layout(text);
        for (id, x) in glyphs {
            let glyph = id.with_scale_and_position(self.size, ab_glyph::point(left + x, baseline));
            if let Some(outlined) = self.font.outline_glyph(glyph) {
                let bounds = outlined.px_bounds();
                let (x0, y0) = (bounds.min.x as i64, bounds.min.y as i64);
                outlined.draw(|x, y, coverage| {
                    canvas.blend(x0 + i64::from(x), y0 + i64::from(y), self.colour, coverage);
                });
            }
        }
        left + end
    }
}

/// A closed shape made of lines and cubic curves, in canvas pixels.
struct Outline {
    lines: Vec<(Point, Point)>,
    cubics: Vec<[Point; 4]>,
}

impl Outline {
    fn polygon(points: &[Point]) -> Outline {
        let lines = points
            .iter()
            .zip(points.iter().cycle().skip(1))
            .map(|(&a, &b)| (a, b))
            .collect();
        Outline {
            lines,
            cubics: Vec::new(),
        }
    }

    /// A rectangle with corners rounded to `radius`.
    fn rounded_rect(x: f32, y: f32, width: f32, height: f32, radius: f32) -> Outline {
        let r = radius.min(width / 2.0).min(height / 2.0);
        let k = r * (1.0 - KAPPA);
        let (x1, y1) = (x + width, y + height);
        Outline {
            lines: vec![
                (point(x + r, y), point(x1 - r, y)),
                (point(x1, y + r), point(x1, y1 - r)),
                (point(x1 - r, y1), point(x + r, y1)),
                (point(x, y1 - r), point(x, y + r)),
            ],
            cubics: vec![
                [
                    point(x1 - r, y),
                    point(x1 - k, y),
                    point(x1, y + k),
                    point(x1, y + r),
                ],
                [
                    point(x1, y1 - r),
                    point(x1, y1 - k),
                    point(x1 - k, y1),
                    point(x1 - r, y1),
                ],
                [
                    point(x + r, y1),
                    point(x + k, y1),
                    point(x, y1 - k),
                    point(x, y1 - r),
                ],
                [
                    point(x, y + r),
                    point(x, y + k),
                    point(x + k, y),
                    point(x + r, y),
                ],
            ],
        }
    }

    fn circle(cx: f32, cy: f32, r: f32) -> Outline {
        Outline::rounded_rect(cx - r, cy - r, 2.0 * r, 2.0 * r, r)
    }

    /// The category's shape as the app draws it in a 16×16 box (`category_icon.rs`), in a `size`-pixel box at
    /// (`left`, `top`): a circle hanging low, a diamond high up, a square, a triangle.
    fn category_shape(category: Category, left: f32, top: f32, size: f32) -> Outline {
        let unit = size / 16.0;
        let at = |x: f32, y: f32| point(left + x * unit, top + y * unit);
        match category {
            Category::LowHanging => {
                let centre = at(8.0, 10.5);
                Outline::circle(centre.x, centre.y, 4.0 * unit)
            }
            Category::HighHanging => {
                Outline::polygon(&[at(8.0, 1.5), at(12.5, 6.0), at(8.0, 10.5), at(3.5, 6.0)])
            }
            Category::Unilateral => {
                Outline::polygon(&[at(3.0, 3.0), at(13.0, 3.0), at(13.0, 13.0), at(3.0, 13.0)])
            }
            Category::Risk => Outline::polygon(&[at(8.0, 1.5), at(14.5, 13.5), at(1.5, 13.5)]),
        }
    }

    fn points(&self) -> impl Iterator<Item = Point> + '_ {
        self.lines
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .chain(self.cubics.iter().flatten().copied())
    }
}

/// How far a cubic's control points sit along the tangents to draw a quarter circle.
const KAPPA: f32 = 0.552_284_8;

/// An opaque colour in sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The app's light theme (`static/style.css`, `:root`).
pub mod palette {
    use super::{Category, Rgb};

    pub const BG: Rgb = Rgb(0xf7, 0xf6, 0xf2);
    pub const TEXT: Rgb = Rgb(0x1d, 0x1f, 0x24);
    pub const TEXT_MUTED: Rgb = Rgb(0x4f, 0x55, 0x61);
    pub const BORDER: Rgb = Rgb(0xc9, 0xc6, 0xbb);
    pub const BORDER_STRONG: Rgb = Rgb(0x6b, 0x6f, 0x78);
    pub const METER_ON: Rgb = Rgb(0x1f, 0x5a, 0xa6);
    pub const METER_OFF: Rgb = Rgb(0xd5, 0xd3, 0xcb);

    /// A category's colour (`--cat-*`, its shape and borders) and soft colour (`--cat-*-soft`, its badge).
    #[derive(Debug, Clone, Copy)]
    pub struct CategoryColours {
        pub strong: Rgb,
        pub soft: Rgb,
    }

    pub fn category(category: Category) -> CategoryColours {
        let (strong, soft) = match category {
            Category::LowHanging => (Rgb(0x2e, 0x7d, 0x32), Rgb(0xe3, 0xf1, 0xe4)),
            Category::HighHanging => (Rgb(0x8a, 0x4f, 0xb8), Rgb(0xf0, 0xe7, 0xf7)),
            Category::Unilateral => (Rgb(0x1f, 0x6e, 0x8c), Rgb(0xe0, 0xee, 0xf4)),
            Category::Risk => (Rgb(0xb3, 0x26, 0x1e), Rgb(0xf9, 0xe4, 0xe2)),
        };
        CategoryColours { strong, soft }
    }
}

/// `under` mixed with `over` by `alpha` 256ths, rounded.
fn mix(under: u8, over: u8, alpha: u32) -> u8 {
    ((u32::from(under) * (256 - alpha) + u32::from(over) * alpha + 128) >> 8) as u8
}

/// An RGB image that shapes are blended onto.
struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(width: u32, height: u32, background: Rgb) -> Canvas {
        Canvas {
            width,
            height,
            pixels: [background.0, background.1, background.2].repeat((width * height) as usize),
        }
    }

    /// Mixes `colour` into the pixel at (`x`, `y`) by `coverage` (0 to 1, in 256ths); outside the canvas, nothing.
    /// Integer arithmetic on plain indexing: this runs for every pixel of every shape, in the unoptimised xtask too.
    fn blend(&mut self, x: i64, y: i64, colour: Rgb, coverage: f32) {
        if coverage < 0.5 / 256.0
            || x < 0
            || y < 0
            || x >= i64::from(self.width)
            || y >= i64::from(self.height)
        {
            return;
        }
        let alpha = if coverage >= 1.0 {
            256
        } else {
            (coverage * 256.0 + 0.5) as u32
        };
        let index = (y as usize * self.width as usize + x as usize) * 3;
        let p = &mut self.pixels;
        if alpha == 256 {
            p[index] = colour.0;
            p[index + 1] = colour.1;
            p[index + 2] = colour.2;
            return;
        }
        p[index] = mix(p[index], colour.0, alpha);
        p[index + 1] = mix(p[index + 1], colour.1, alpha);
        p[index + 2] = mix(p[index + 2], colour.2, alpha);
    }

    /// Fills the rectangle from (`x0`, `y0`) to (`x1`, `y1`), whose edges are on whole pixels.
    fn fill_rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, colour: Rgb) {
        let clamp_x = |v: f32| (v.round().max(0.0) as u32).min(self.width) as usize;
        let clamp_y = |v: f32| (v.round().max(0.0) as u32).min(self.height) as usize;
        let (x0, x1, y0, y1) = (clamp_x(x0), clamp_x(x1), clamp_y(y0), clamp_y(y1));
        for y in y0..y1 {
            let row = y * self.width as usize;
            for x in x0..x1 {
                let index = (row + x) * 3;
                self.pixels[index..index + 3].copy_from_slice(&[colour.0, colour.1, colour.2]);
            }
        }
    }

    /// Fills a closed outline, anti-aliased.
    fn fill(&mut self, outline: &Outline, colour: Rgb) {
        let (mut min_x, mut min_y) = (f32::MAX, f32::MAX);
        let (mut max_x, mut max_y) = (f32::MIN, f32::MIN);
        for p in outline.points() {
            min_x = min_x.min(p.x);
            min_y = min_y.min(p.y);
            max_x = max_x.max(p.x);
            max_y = max_y.max(p.y);
        }
        if min_x > max_x {
            return;
        }
        let (left, top) = (min_x.floor(), min_y.floor());
        let width = (max_x.ceil() - left) as usize + 1;
        let height = (max_y.ceil() - top) as usize + 1;
        let local = |p: Point| point(p.x - left, p.y - top);
        let mut rasterizer = Rasterizer::new(width, height);
        for &(a, b) in &outline.lines {
            rasterizer.draw_line(local(a), local(b));
        }
        for &[a, b, c, d] in &outline.cubics {
            rasterizer.draw_cubic(local(a), local(b), local(c), local(d));
        }
        let (left, top) = (left as i64, top as i64);
        rasterizer.for_each_pixel_2d(|x, y, coverage| {
            self.blend(left + i64::from(x), top + i64::from(y), colour, coverage);
        });
    }

    /// The canvas as a PNG file: 8-bit RGB, rows unfiltered (flat colours compress well without), deflated by
    /// `miniz_oxide`, whose work is not generic and so runs optimised even in the debug xtask (see Cargo.toml). Level 3
    /// makes files as small as level 6 here (about 46 KB an item) in two thirds of the time.
    fn into_png(self) -> Vec<u8> {
        let row = self.width as usize * 3;
        let mut scanlines = Vec::with_capacity((row + 1) * self.height as usize);
        for line in self.pixels.chunks_exact(row) {
            scanlines.push(0); // filter type None
            scanlines.extend_from_slice(line);
        }
        let mut header = Vec::with_capacity(13);
        header.extend_from_slice(&self.width.to_be_bytes());
        header.extend_from_slice(&self.height.to_be_bytes());
        // Bit depth 8, colour type 2 (RGB), compression method 0, filter method 0, no interlace.
        header.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        write_chunk(&mut png, b"IHDR", &header);
        write_chunk(
            &mut png,
            b"IDAT",
            &miniz_oxide::deflate::compress_to_vec_zlib(&scanlines, 3),
        );
        write_chunk(&mut png, b"IEND", &[]);
        png
    }
}

/// One PNG chunk: its length, type, data and the CRC-32 of type and data.
fn write_chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let length = u32::try_from(data.len()).expect("a chunk is under 4 GiB");
    png.extend_from_slice(&length.to_be_bytes());
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    png.extend_from_slice(&crc.sum().to_be_bytes());
}

#[cfg(test)]
#[path = "preview_tests.rs"]
mod tests;
