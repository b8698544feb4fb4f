//! Tests of the preview images (`preview.rs`).
use super::*;

use summit_core::model::Feasibility;
use summit_core::validate::{parse_and_validate, Limits};

fn bundled() -> DataSet {
    let path = crate::root().join("data/potential-fruits.json");
    let text = std::fs::read_to_string(&path).expect("the bundled data set is readable");
    parse_and_validate(&text, &Limits::default())
        .expect("the bundled data set validates")
        .0
}

/// The decoded image's RGB pixels, after checking its size and colour type.
fn decode(bytes: &[u8]) -> Vec<u8> {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut pixels).expect("a PNG frame");
    assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
    assert_eq!(info.color_type, png::ColorType::Rgb);
    pixels.truncate(info.buffer_size());
    pixels
}

fn pixel(pixels: &[u8], x: u32, y: u32) -> Rgb {
    let i = ((y * WIDTH + x) * 3) as usize;
    Rgb(pixels[i], pixels[i + 1], pixels[i + 2])
}

/// How many pixels in the box from (x0, y0) to (x1, y1) are far from the background.
fn ink(pixels: &[u8], x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
    let far = |p: Rgb| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).abs();
        d(p.0, palette::BG.0) + d(p.1, palette::BG.1) + d(p.2, palette::BG.2) > 60
    };
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| far(pixel(pixels, x, y)))
        .count()
}

/// How many pixels in the box are exactly `colour`.
fn of_colour(pixels: &[u8], x0: u32, y0: u32, x1: u32, y1: u32, colour: Rgb) -> usize {
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| pixel(pixels, x, y) == colour)
        .count()
}

fn item_with(data: &DataSet, title: &str, category: Category, level: u8) -> Item {
    Item {
        title: title.to_string(),
        category,
        feasibility: Feasibility {
            level,
            ..data.items[0].feasibility.clone()
        },
        ..data.items[0].clone()
    }
}

#[test]
fn an_items_image_is_a_1200_by_630_png_and_the_same_bytes_every_time() {
    let data = bundled();
    let first = render_item(&data, &data.items[0]);
    decode(&first);
    assert!(first.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(first, render_item(&data, &data.items[0]));
    let explorer = render_explorer(&data);
    decode(&explorer);
    assert_eq!(explorer, render_explorer(&data));
}

#[test]
fn different_items_give_different_images() {
    let data = bundled();
    let images: Vec<Vec<u8>> = data.items.iter().map(|i| render_item(&data, i)).collect();
    for (a, first) in images.iter().enumerate() {
        for second in &images[a + 1..] {
            assert_ne!(first, second);
        }
        assert_ne!(first, &render_explorer(&data));
    }
}

#[test]
fn the_title_draws_ink_in_the_title_area() {
    let data = bundled();
    let item = &data.items[0];
    let with_title = decode(&render_item(&data, item));
    let without = decode(&render_item(
        &data,
        &item_with(&data, " ", item.category, item.feasibility.level),
    ));
    let top = (BADGE_TOP + BADGE_HEIGHT) as u32 + 4;
    let bottom = TITLE_BOX_BOTTOM as u32;
    let title_ink = ink(&with_title, 0, top, WIDTH, bottom);
    assert!(title_ink > 5000, "title ink: {title_ink}");
    assert_eq!(ink(&without, 0, top, WIDTH, bottom), 0);
    // Everything else is the same.
    assert_eq!(
        ink(&with_title, 0, 0, WIDTH, top),
        ink(&without, 0, 0, WIDTH, top)
    );
    assert_eq!(
        ink(&with_title, 0, bottom, WIDTH, HEIGHT),
        ink(&without, 0, bottom, WIDTH, HEIGHT)
    );
}

#[test]
fn a_very_long_title_stays_inside_the_margins_and_is_cut() {
    let data = bundled();
    let long_word = "Antidisestablishmentarianism".repeat(6);
    let long_title = format!(
        "{} {long_word} \u{201c}curly\u{201d} \u{2013} \u{2014} \u{e9}\u{e8}\u{f1}\u{f6} \u{6f22}\u{5b57}",
        "A very long title about strategic stability and everything else".repeat(8)
    );
    for category in Category::ALL {
        let pixels = decode(&render_item(
            &data,
            &item_with(&data, &long_title, category, 3),
        ));
        // Below the colour band, no ink in the side and bottom margins' outer parts.
        let band = BAND_HEIGHT as u32;
        assert_eq!(ink(&pixels, 0, band, 60, HEIGHT), 0, "left margin");
        assert_eq!(
            ink(&pixels, WIDTH - 60, band, WIDTH, HEIGHT),
            0,
            "right margin"
        );
        assert_eq!(
            ink(&pixels, 0, HEIGHT - 40, WIDTH, HEIGHT),
            0,
            "bottom margin"
        );
        assert_eq!(ink(&pixels, 0, band, WIDTH, band + 30), 0, "top margin");
    }
    let fitted = fit_title(&fonts().bold, &long_title, 1056.0, 200.0);
    assert!(fitted.lines.len() <= 3);
    assert!(fitted.lines.last().unwrap().ends_with('\u{2026}'));
    let run = Run::new(&fonts().bold, fitted.size, palette::TEXT);
    assert!(fitted.lines.iter().all(|l| run.width(l) <= 1056.0));
}

#[test]
fn a_short_title_is_drawn_large_and_whole() {
    let fitted = fit_title(&fonts().bold, "Climate change", 1056.0, 200.0);
    assert_eq!(fitted.lines, ["Climate change"]);
    assert_eq!(fitted.size, 72.0);
    let fitted = fit_title(&fonts().bold, &"word ".repeat(30), 1056.0, 200.0);
    assert!(fitted.size < 72.0 && fitted.lines.len() <= 3);
}

#[test]
fn the_categorys_shape_is_drawn_in_its_colour() {
    let data = bundled();
    // Points of the icon's 16×16 box and, per category, whether its shape covers them: the circle hangs low, the
    // diamond high, the square fills the box's corners, the triangle its base but not its top corners.
    let points = [(8.0, 12.5), (8.0, 4.0), (4.0, 4.0), (3.5, 12.5)];
    let expected = [
        (Category::LowHanging, [true, false, false, false]),
        (Category::HighHanging, [false, true, false, false]),
        (Category::Unilateral, [true, true, true, true]),
        (Category::Risk, [true, true, false, true]),
    ];
    for (category, covered) in expected {
        let pixels = decode(&render_item(
            &data,
            &item_with(&data, "A title", category, 3),
        ));
        let colour = palette::category(category).strong;
        let unit = BADGE_ICON / 16.0;
        let icon_left = SIDE_MARGIN + BADGE_ICON_INSET;
        let icon_top = BADGE_TOP + (BADGE_HEIGHT - BADGE_ICON) / 2.0;
        let found = points.map(|(x, y)| {
            let (x, y) = (icon_left + x * unit, icon_top + y * unit);
            pixel(&pixels, x as u32, y as u32) == colour
        });
        assert_eq!(found, covered, "{category:?}");
        let in_icon = of_colour(
            &pixels,
            icon_left as u32 + 2,
            icon_top as u32,
            (icon_left + BADGE_ICON) as u32,
            (icon_top + BADGE_ICON) as u32,
            colour,
        );
        assert!(
            in_icon > 200,
            "{category:?}: {in_icon} pixels of its colour"
        );
        for other in Category::ALL.into_iter().filter(|&o| o != category) {
            let other_colour = palette::category(other).strong;
            assert_eq!(of_colour(&pixels, 0, 0, WIDTH, HEIGHT, other_colour), 0);
        }
    }
}

#[test]
fn the_meter_fills_as_many_steps_as_the_level() {
    let data = bundled();
    let max = data.max_level();
    let steps_on = |level: u8| {
        let pixels = decode(&render_item(
            &data,
            &item_with(&data, "A title", Category::Risk, level),
        ));
        // Each step is 56 px wide with 8 px between; sample the middle of each on the meter's row.
        let row = (0..HEIGHT)
            .find(|&y| {
                pixel(&pixels, 72 + 28, y) == palette::METER_ON
                    || pixel(&pixels, 72 + 28, y) == palette::METER_OFF
            })
            .expect("the meter's first step")
            + 10;
        (0..u32::from(max))
            .filter(|step| pixel(&pixels, 72 + step * 64 + 28, row) == palette::METER_ON)
            .count()
    };
    for level in 1..=max {
        assert_eq!(steps_on(level), usize::from(level));
    }
}

#[test]
fn the_words_of_the_image_fit_the_data() {
    let data = bundled();
    let item = &data.items[0];
    assert_eq!(
        byline_text(&data),
        "Simon Saradzhyan \u{b7} Russia Matters \u{b7} 4 June 2021"
    );
    assert_eq!(data.max_level(), 5);
    assert_eq!(data.level_label(item.feasibility.level), "Easy");
}

#[test]
fn every_character_of_the_data_has_a_glyph_and_a_missing_one_does_not_panic() {
    let data = bundled();
    let mut text: String = data.items.iter().map(|i| i.title.as_str()).collect();
    text += &data.article.title;
    text += &byline_text(&data);
    text += "\u{201c}\u{201d}\u{2018}\u{2019}\u{2013}\u{2014}\u{2026}\u{b7}\u{e9}\u{fc}\u{c5}\u{141}\u{17e}";
    for font in [&fonts().regular, &fonts().bold] {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            assert_ne!(font.glyph_id(c).0, 0, "{c:?} has a glyph");
        }
    }
    // A character outside the fonts is drawn as their empty box, and the image is still made.
    assert_eq!(fonts().bold.glyph_id('\u{6f22}').0, 0);
    decode(&render_item(
        &data,
        &item_with(&data, "\u{6f22}\u{5b57} title", Category::Risk, 2),
    ));
}

#[test]
fn the_explorers_image_counts_the_items_of_each_category() {
    let data = bundled();
    let total = data.items.len() as f32;
    let pixels = decode(&render_explorer(&data));
    for category in Category::ALL {
        let count = data.items.iter().filter(|i| i.category == category).count();
        assert!(
            count > 0,
            "the bundled data set has items of every category"
        );
        // The band's share of the width is the category's share of the items.
        let colour = palette::category(category).strong;
        let in_band = of_colour(&pixels, 0, 5, WIDTH, 6, colour) as f32;
        let share = WIDTH as f32 * count as f32 / total;
        assert!(
            (in_band - share).abs() <= 1.0,
            "{category:?}: {in_band} px for {count}"
        );
    }
    // Without the risks, their colour is gone from the band and the image changes.
    let mut fewer = data.clone();
    fewer.items.retain(|i| i.category != Category::Risk);
    let without_risks = decode(&render_explorer(&fewer));
    let risk = palette::category(Category::Risk).strong;
    assert_eq!(of_colour(&without_risks, 0, 5, WIDTH, 6, risk), 0);
    assert_ne!(without_risks, pixels);
}

/// The WCAG contrast ratio of two colours.
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let luminance = |c: Rgb| {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn text_and_shapes_have_enough_contrast() {
    // Text: the text colours on the background and on every badge's soft colour (WCAG AA, 4.5:1).
    for text in [palette::TEXT, palette::TEXT_MUTED] {
        assert!(contrast(text, palette::BG) >= 4.5);
    }
    for category in Category::ALL {
        let colours = palette::category(category);
        assert!(contrast(palette::TEXT, colours.soft) >= 4.5, "{category:?}");
        // Shapes: 3:1 against what they are drawn on (WCAG 1.4.11).
        assert!(
            contrast(colours.strong, colours.soft) >= 3.0,
            "{category:?}"
        );
        assert!(contrast(colours.strong, palette::BG) >= 3.0, "{category:?}");
    }
    assert!(contrast(palette::METER_ON, palette::BG) >= 3.0);
    assert!(contrast(palette::BORDER_STRONG, palette::BG) >= 3.0);
}

#[test]
fn write_all_writes_one_image_per_item_and_one_for_the_explorer() {
    let data = bundled();
    let out = std::env::temp_dir().join(format!("summit-previews-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let written = write_all(&out, &data).expect("the images are written");
    assert_eq!(written, data.items.len() + 1);
    for item in &data.items {
        let path = out.join(item_page_path(&item.id)).join(PREVIEW_IMAGE);
        let bytes = std::fs::read(&path).expect("the item's image");
        assert_eq!(bytes, render_item(&data, item), "{}", path.display());
    }
    decode(&std::fs::read(out.join(PREVIEW_IMAGE)).expect("the explorer's image"));
    if let Some(samples) = std::env::var_os("PREVIEW_SAMPLES") {
        std::fs::create_dir_all(&samples).unwrap();
        for id in [
            "diplomatic-missions",
            "north-korea",
            "china-alignment",
            "killer-question",
            "cyber-and-elections",
        ] {
            let from = out.join(item_page_path(id)).join(PREVIEW_IMAGE);
            std::fs::copy(from, Path::new(&samples).join(format!("{id}.png"))).unwrap();
        }
        std::fs::copy(
            out.join(PREVIEW_IMAGE),
            Path::new(&samples).join("explorer.png"),
        )
        .unwrap();
        let long = item_with(&data, &"A much longer title than any of the data set\u{2019}s, to see how it wraps and shrinks ".repeat(3), Category::HighHanging, 2);
        std::fs::write(
            Path::new(&samples).join("long.png"),
            render_item(&data, &long),
        )
        .unwrap();
    }
    std::fs::remove_dir_all(&out).unwrap();
}
