//! Rules for single values, and how a message quotes a value: web addresses, slugs and ISO dates, each with the reason
//! it is refused.

use crate::dates::{days_in_month, IsoDate};
use crate::text::{head_chars, is_bidi_control};

/// True for an `http://` or `https://` address (the scheme in any case) with a non-empty host and no white space,
/// control or bidirectional formatting characters. `javascript:`, `data:`, `file:` and relative addresses are false.
pub fn is_web_url(s: &str) -> bool {
    url_problem(s).is_none()
}

/// True when `s` starts with `http://` or `https://` (the scheme in any case): what a link to an address that the
/// validator has already accepted needs checked, without the host check's Unicode tables.
pub fn has_web_scheme(s: &str) -> bool {
    strip_prefix_ignore_ascii_case(s, "https://").is_some()
        || strip_prefix_ignore_ascii_case(s, "http://").is_some()
}

pub(super) fn url_problem(s: &str) -> Option<&'static str> {
    if s.is_empty() {
        return Some("is empty");
    }
    if s.chars().any(char::is_whitespace) {
        return Some("contains white space");
    }
    if s.chars().any(char::is_control) {
        return Some("contains a control character");
    }
    if s.chars().any(is_bidi_control) {
        return Some("contains a bidirectional formatting character");
    }
    let Some(rest) = strip_prefix_ignore_ascii_case(s, "https://")
        .or_else(|| strip_prefix_ignore_ascii_case(s, "http://"))
    else {
        return Some("does not start with http:// or https://");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(bracketed) = host_port.strip_prefix('[') {
        let Some((inside, after)) = bracketed.split_once(']') else {
            return Some("has a malformed host");
        };
        if inside.is_empty()
            || !inside
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Some("has a malformed host");
        }
        match after.strip_prefix(':') {
            Some(port) => (inside, port),
            None if after.is_empty() => (inside, ""),
            None => return Some("has a malformed host"),
        }
    } else {
        let (host, port) = host_port.split_once(':').unwrap_or((host_port, ""));
        if !host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '%'))
        {
            return Some("has a malformed host");
        }
        (host, port)
    };
    if host.is_empty() {
        return Some("has no host");
    }
    if !port.chars().all(|c| c.is_ascii_digit()) {
        return Some("has a malformed port");
    }
    None
}

fn strip_prefix_ignore_ascii_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// A value for a message: at most 80 characters, quoted and escaped so that no control or bidi character gets through.
pub(super) fn show(s: &str) -> String {
    const MAX: usize = 80;
    let shown = if s.chars().nth(MAX).is_some() {
        head_chars(s, MAX - 1)
    } else {
        s.to_owned()
    };
    format!("{shown:?}")
}

/// A slug: lowercase ASCII letters and digits, in groups joined by single hyphens.
pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Reads an ISO date with [`IsoDate::parse`]; when it fails, says why.
pub(super) fn parse_date(s: &str) -> Result<IsoDate, String> {
    IsoDate::parse(s).ok_or_else(|| date_reason(s))
}

/// Why `s` is not an ISO date: its shape, its month or its day.
fn date_reason(s: &str) -> String {
    let parts: Vec<&str> = s.split('-').collect();
    let numeric = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    let shape_ok = matches!(parts.len(), 1..=3)
        && numeric(parts[0], 4)
        && parts.iter().skip(1).all(|p| numeric(p, 2));
    if !shape_ok {
        return format!(
            "{} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
            show(s)
        );
    }
    let year: u16 = parts[0].parse().unwrap_or(0);
    let month: u8 = parts.get(1).and_then(|m| m.parse().ok()).unwrap_or(1);
    if !(1..=12).contains(&month) {
        return format!("{} has no month {month}", show(s));
    }
    format!(
        "{} is not a calendar date: {year:04}-{month:02} has {} days",
        show(s),
        days_in_month(year, month)
    )
}

/// An ISO date as the data set writes it.
pub(super) fn iso(d: IsoDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", d.year),
        (Some(m), None) => format!("{:04}-{m:02}", d.year),
        _ => format!("{:04}", d.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_reasons() {
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2000-02-29").is_ok());
        let reason = |s: &str| parse_date(s).unwrap_err();
        assert_eq!(
            reason("2023-02-29"),
            "\"2023-02-29\" is not a calendar date: 2023-02 has 28 days"
        );
        assert!(reason("1900-02-29").contains("1900-02 has 28 days"));
        assert_eq!(reason("2021-13"), "\"2021-13\" has no month 13");
        assert!(reason("2021-00").contains("has no month 0"));
        assert!(reason("2021-06-00").contains("2021-06 has 30 days"));
        for bad in [
            "2021-6-1",
            "２０２１",
            "",
            "2021-",
            "2021-06-04-01",
            "June 2021",
            "2021--04",
        ] {
            assert!(reason(bad).contains("is not an ISO date"), "{bad}");
        }
        assert_eq!(iso(IsoDate::parse("2021-06").unwrap()), "2021-06");
        assert_eq!(iso(IsoDate::parse("0999").unwrap()), "0999");
        assert_eq!(iso(IsoDate::parse("2021-06-04").unwrap()), "2021-06-04");
    }
}
