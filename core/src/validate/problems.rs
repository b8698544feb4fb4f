//! The validator's findings: a [`Problem`] with its JSON path and [`Severity`], how many there are, and the page of
//! them that the refused-data panel shows.

use std::fmt;

/// One problem in a data set, with the JSON path where it is (e.g. `$.items[3].evidence[0].quote`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is, as a JSON path from the root `$`, e.g. `$.items[3].evidence[0].quote`.
    pub path: String,
    /// What is wrong, naming the offending value (truncated to about 80 characters).
    pub message: String,
    /// Whether the problem refuses the data set.
    pub severity: Severity,
    /// Set on the last problem of a list that reached [`MAX_LISTED_PROBLEMS`]: how many more were found but not listed.
    pub omitted: Option<ProblemCount>,
}

/// A number of errors and warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProblemCount {
    pub errors: usize,
    pub warnings: usize,
}

impl ProblemCount {
    /// Errors and warnings together.
    pub fn total(self) -> usize {
        self.errors + self.warnings
    }

    fn add(&mut self, problem: &Problem) {
        match problem.omitted {
            Some(more) => {
                self.errors += more.errors;
                self.warnings += more.warnings;
            }
            None if problem.is_error() => self.errors += 1,
            None => self.warnings += 1,
        }
    }
}

/// The most problems a validation lists. Past it the validator only counts (the list ends with one "…and N more"
/// problem) and stops working out hints such as where else a misplaced quotation is, so that a hostile data set with
/// a problem in every field costs no more than a sound one.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// How many problems the refused-data panel shows: one page; the rest are counted in its last line.
pub const PROBLEM_PAGE: usize = 50;

/// The problems that one page shows, and how many errors and warnings are left after it (counting the problems the
/// validator only counted). The "…and N more" problem itself is never shown as a problem of its own.
pub fn problem_page(problems: &[Problem], page: usize) -> (&[Problem], ProblemCount) {
    let listed = match problems.split_last() {
        Some((last, listed)) if last.omitted.is_some() => listed,
        _ => problems,
    };
    let shown = &listed[..listed.len().min(page)];
    (shown, problem_count(&problems[shown.len()..]))
}

/// How many errors and warnings a validation found, the ones it only counted included.
pub fn problem_count(problems: &[Problem]) -> ProblemCount {
    let mut count = ProblemCount::default();
    for p in problems {
        count.add(p);
    }
    count
}

/// How serious a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The data set must not be used.
    Error,
    /// The data set can be used, but something looks wrong.
    Warning,
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            severity: Severity::Error,
            omitted: None,
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            severity: Severity::Warning,
            omitted: None,
        }
    }

    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

impl fmt::Display for Problem {
    /// `error at $.items[3].id: duplicate item id "x" (first at $.items[1].id)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.severity, self.path, self.message)
    }
}
