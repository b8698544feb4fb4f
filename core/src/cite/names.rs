//! Authors' names and dates as each style writes them.

use super::*;

// ---------- Names ----------

/// One author's name, split into given names and family name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub given: String,
    pub family: String,
}

/// The article's authors: its `author` field is one name or several joined by ", " and " and " (as a byline writes
/// them). The family name is the last word of each (a byline gives names in the Western order); a name of one word is
/// a family name alone.
pub fn authors(byline: &str) -> Vec<Name> {
    byline
        .split(" and ")
        .flat_map(|part| part.split(", "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| match n.rsplit_once(' ') {
            Some((given, family)) => Name {
                given: given.trim().to_string(),
                family: family.to_string(),
            },
            None => Name {
                given: String::new(),
                family: n.to_string(),
            },
        })
        .collect()
}

/// APA's initials (Publication Manual 9.8: "Author, A. A."; a hyphenated given name keeps its hyphen, "J.-P.").
pub(super) fn initials(given: &str) -> String {
    given
        .split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().next())
                .map(|c| format!("{c}."))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn inverted(name: &Name) -> String {
    if name.given.is_empty() {
        name.family.clone()
    } else {
        format!("{}, {}", name.family, name.given)
    }
}

pub(super) fn direct(name: &Name) -> String {
    if name.given.is_empty() {
        name.family.clone()
    } else {
        format!("{} {}", name.given, name.family)
    }
}

/// APA 9.8: every author inverted with initials; two joined by ", &", more by commas and ", &" before the last.
pub(super) fn apa_authors(names: &[Name]) -> String {
    let each: Vec<String> = names
        .iter()
        .map(|n| {
            if n.given.is_empty() {
                n.family.clone()
            } else {
                format!("{}, {}", n.family, initials(&n.given))
            }
        })
        .collect();
    match each.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, & {last}", rest.join(", ")),
    }
}

/// APA 8.17: one author's family name; two joined by "&"; three or more, the first and "et al."
pub(super) fn apa_in_text_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => one.family.clone(),
        [a, b] => format!("{} & {}", a.family, b.family),
        [first, ..] => format!("{} et al.", first.family),
    }
}

/// MLA 9 (Handbook 5.6–5.8): the first author inverted; a second "and First Last"; three or more, the first and
/// "et al."
pub(super) fn mla_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => inverted(one),
        [a, b] => format!("{}, and {}", inverted(a), direct(b)),
        [first, ..] => format!("{}, et al.", inverted(first)),
    }
}

/// MLA 9 (6.6): the in-text citation names the author's family name ("Saradzhyan"), two joined by "and", three or
/// more the first and "et al."
pub(super) fn mla_in_text_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => one.family.clone(),
        [a, b] => format!("{} and {}", a.family, b.family),
        [first, ..] => format!("{} et al.", first.family),
    }
}

/// Chicago 14.21 (note) and 14.76 (bibliography): a note gives the names as written, the bibliography inverts the
/// first only; up to three in a note, more as the first and "et al." (14.76).
pub(super) fn chicago_note_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => direct(one),
        [a, b] => format!("{} and {}", direct(a), direct(b)),
        [a, b, c] => format!("{}, {}, and {}", direct(a), direct(b), direct(c)),
        [first, ..] => format!("{} et al.", direct(first)),
    }
}

pub(super) fn chicago_short_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => one.family.clone(),
        [a, b] => format!("{} and {}", a.family, b.family),
        [a, b, c] => format!("{}, {}, and {}", a.family, b.family, c.family),
        [first, ..] => format!("{} et al.", first.family),
    }
}

pub(super) fn chicago_bibliography_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => inverted(one),
        [first, rest @ ..] => {
            let mut text = inverted(first);
            for (i, n) in rest.iter().enumerate() {
                text.push_str(if i + 1 == rest.len() { ", and " } else { ", " });
                text.push_str(&direct(n));
            }
            text
        }
    }
}

// ---------- Dates ----------

/// The months' names, as the explorer writes dates elsewhere.
pub(super) use crate::dates::MONTH_NAMES as MONTHS;

/// MLA 9's abbreviated months (Handbook 5.66 and appendix 1): May, June and July stay whole, September is "Sept."
pub(super) const MLA_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

pub(super) fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12) - 1)]
}

/// APA 9.14: "(2021, June 4)"; a month alone "(2021, June)"; a year alone "(2021)"; no date "(n.d.)".
pub(super) fn apa_date(date: Option<IsoDate>) -> String {
    match date {
        Some(IsoDate {
            year,
            month: Some(m),
            day: Some(d),
        }) => format!("({year}, {} {d})", month_name(m)),
        Some(IsoDate {
            year,
            month: Some(m),
            day: None,
        }) => format!("({year}, {})", month_name(m)),
        Some(d) => format!("({})", d.year),
        None => "(n.d.)".to_string(),
    }
}

pub(super) fn apa_year(date: Option<IsoDate>) -> String {
    date.map_or_else(|| "n.d.".to_string(), |d| d.year.to_string())
}

/// MLA 9: day month year, the month abbreviated ("4 June 2021", "27 Nov. 2026").
pub(super) fn mla_date(date: IsoDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{d} {} {}", MLA_MONTHS[usize::from(m - 1)], date.year),
        (Some(m), None) => format!("{} {}", MLA_MONTHS[usize::from(m - 1)], date.year),
        _ => date.year.to_string(),
    }
}

/// Chicago 9.36 and 14.206: month day, year ("June 4, 2021").
pub(super) fn chicago_date(date: IsoDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{} {d}, {}", month_name(m), date.year),
        (Some(m), None) => format!("{} {}", month_name(m), date.year),
        _ => date.year.to_string(),
    }
}
