//! ISO dates as the data set writes them (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): reading, checking and formatting for people.

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// The months' names in English.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days in a month of a year.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits<T: std::str::FromStr>(part: &str, len: usize) -> Option<T> {
    if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl IsoDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else, or a day that the month does not have, is `None`.
    pub fn parse(text: &str) -> Option<IsoDate> {
        let mut parts = text.split('-');
        let year: u16 = digits(parts.next()?, 4)?;
        let month: Option<u8> = match parts.next() {
            Some(m) => Some(digits(m, 2).filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day: Option<u8> = match (parts.next(), month) {
            (Some(d), Some(m)) => {
                Some(digits(d, 2).filter(|d| *d >= 1 && *d <= days_in_month(year, m))?)
            }
            (None, _) => None,
            (Some(_), None) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(IsoDate { year, month, day })
    }

    /// The first day the date can mean, as `(year, month, day)`.
    pub fn first_day(self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean, as `(year, month, day)`.
    pub fn last_day(self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// The date for people: "4 June 2021", "March 2011" or "2018".
    pub fn to_human(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTH_NAMES[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTH_NAMES[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }
}

/// Formats an ISO date for people, or returns the text unchanged when it is not one.
pub fn format_iso_date(text: &str) -> String {
    IsoDate::parse(text).map_or_else(|| text.to_string(), IsoDate::to_human)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(
            IsoDate::parse(text).map(IsoDate::to_human).as_deref(),
            expected,
            "{text}"
        );
    }

    #[test]
    fn reads_full_and_partial_dates() {
        check("2021-06-04", Some("4 June 2021"));
        check("2011-03", Some("March 2011"));
        check("2018", Some("2018"));
        check("2024-02-29", Some("29 February 2024"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "21-06-04",
            "2021-13",
            "2021-02-29",
            "2021-06-31",
            "2021-6-4",
            "2021-06-04-01",
            "June 2021",
            "2021--04",
        ] {
            check(bad, None);
        }
    }

    #[test]
    fn spans_of_partial_dates() {
        let month = IsoDate::parse("2021-06").unwrap();
        assert_eq!(month.first_day(), (2021, 6, 1));
        assert_eq!(month.last_day(), (2021, 6, 30));
        assert_eq!(IsoDate::parse("2020").unwrap().last_day(), (2020, 12, 31));
    }

    #[test]
    fn unknown_text_is_shown_as_is() {
        assert_eq!(format_iso_date("soon"), "soon");
    }
}
