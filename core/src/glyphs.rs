//! The explorer's small shapes as data, in a 16×16 box, so that a category or a verdict is never told by colour
//! alone: the app's components and the on-demand module draw the same shapes from here. Each shape is drawn inside an
//! `<svg>`; its colours come from the classes of the shape and of an ancestor (`cat-*`, `verdict-*`).

use crate::model::{Category, Verdict};

/// One element of a shape: its SVG tag, its class (none when empty) and its geometry attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub tag: &'static str,
    pub class: &'static str,
    pub attributes: &'static [(&'static str, &'static str)],
}

const fn path(class: &'static str, d: &'static [(&'static str, &'static str)]) -> Part {
    Part {
        tag: "path",
        class,
        attributes: d,
    }
}

const fn circle(class: &'static str, geometry: &'static [(&'static str, &'static str)]) -> Part {
    Part {
        tag: "circle",
        class,
        attributes: geometry,
    }
}

/// The SVG path of a category's shape: a fruit low on the branch (a circle hanging low), a fruit high up (a diamond),
/// a one-way step (a square), and a warning triangle.
pub fn category_shape(category: Category) -> &'static str {
    match category {
        Category::LowHanging => "M8 6.5a4 4 0 1 1 0 8a4 4 0 1 1 0-8z",
        Category::HighHanging => "M8 1.5l4.5 4.5l-4.5 4.5l-4.5-4.5z",
        Category::Unilateral => "M3 3h10v10h-10z",
        Category::Risk => "M8 1.5l6.5 12h-13z",
    }
}

/// A verdict's shape: a ticked disc (borne out), a half-filled ring (partly), a cross (not borne out) and a curved
/// arrow (overtaken by events).
pub fn verdict_parts(verdict: Verdict) -> &'static [Part] {
    match verdict {
        Verdict::BorneOut => BORNE_OUT,
        Verdict::Partly => PARTLY,
        Verdict::NotBorneOut => NOT_BORNE_OUT,
        Verdict::Overtaken => OVERTAKEN,
    }
}

const BORNE_OUT: &[Part] = &[
    circle("verdict-fill", &[("cx", "8"), ("cy", "8"), ("r", "7")]),
    path("verdict-knockout", &[("d", "M4.6 8.2l2.3 2.4l4.6-4.9")]),
];
const PARTLY: &[Part] = &[
    circle("verdict-back", &[("cx", "8"), ("cy", "8"), ("r", "6.4")]),
    path("verdict-fill", &[("d", "M8 1.6a6.4 6.4 0 0 0 0 12.8z")]),
    circle("verdict-ring", &[("cx", "8"), ("cy", "8"), ("r", "6.4")]),
];
const NOT_BORNE_OUT: &[Part] = &[path(
    "verdict-cross",
    &[("d", "M3.5 3.5l9 9M12.5 3.5l-9 9")],
)];
const OVERTAKEN: &[Part] = &[
    path("verdict-arc", &[("d", "M2.4 11.5A5.6 5.6 0 0 1 13.4 9.6")]),
    path("verdict-fill", &[("d", "M10.2 8.6h6.2l-3.1 5.2z")]),
];

/// The hindsight layer's icon: a clock with a forward arrow, "later than the article".
pub const HINDSIGHT_ICON: &[Part] = &[
    circle("", &[("cx", "7"), ("cy", "9"), ("r", "5.5")]),
    path("", &[("d", "M7 5.8v3.4l2.2 1.4")]),
    path("", &[("d", "M10.5 1.5h4v4M14.5 1.5l-3.2 3.2")]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_is_distinct_and_has_geometry() {
        let mut seen: Vec<&[Part]> = Vec::new();
        for &v in Verdict::ALL.iter() {
            let parts = verdict_parts(v);
            assert!(
                !parts.is_empty() && parts.iter().all(|p| !p.attributes.is_empty()),
                "{v:?}"
            );
            assert!(!seen.contains(&parts), "{v:?} shares its shape");
            seen.push(parts);
        }
        let shapes: Vec<&str> = Category::ALL.iter().map(|&c| category_shape(c)).collect();
        for (i, shape) in shapes.iter().enumerate() {
            assert!(shape.starts_with('M') && shape.ends_with('z'));
            assert!(!shapes[..i].contains(shape));
        }
    }
}
