//! The checker that every rule reports to: it lists problems up to [`MAX_LISTED_PROBLEMS`] and only counts the rest,
//! and checks the common kinds of field (texts, ids, web addresses and lists of references).

use std::collections::HashMap;

use super::limits::Limits;
use super::problems::{Problem, ProblemCount, MAX_LISTED_PROBLEMS};
use super::values::{is_slug, show, url_problem};
use crate::text::{bidi_name, plural};

/// Collects the problems of one validation, in the order the rules find them.
pub(super) struct Checker<'l> {
    limits: &'l Limits,
    problems: Vec<Problem>,
    omitted: ProblemCount,
}

impl<'l> Checker<'l> {
    pub(super) fn new(limits: &'l Limits) -> Checker<'l> {
        Checker {
            limits,
            problems: Vec::new(),
            omitted: ProblemCount::default(),
        }
    }

    /// True while problems are still listed: only then are hints worth working out.
    pub(super) fn detailed(&self) -> bool {
        self.problems.len() < MAX_LISTED_PROBLEMS
    }

    fn push(&mut self, problem: Problem) {
        if self.detailed() {
            self.problems.push(problem);
        } else if problem.is_error() {
            self.omitted.errors += 1;
        } else {
            self.omitted.warnings += 1;
        }
    }

    /// Counts an error without listing it, once past [`MAX_LISTED_PROBLEMS`] (see [`Checker::detailed`]).
    pub(super) fn count_unlisted_error(&mut self) {
        self.omitted.errors += 1;
    }

    pub(super) fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Problem::error(path, message));
    }

    pub(super) fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Problem::warning(path, message));
    }

    /// The listed problems, ending with one that counts the rest when there were more.
    pub(super) fn finish(mut self) -> Vec<Problem> {
        let ProblemCount { errors, warnings } = self.omitted;
        if errors + warnings > 0 {
            let message = format!(
                "…and {} more not listed ({errors} error{}, {warnings} warning{}): only the first {MAX_LISTED_PROBLEMS} problems are listed",
                errors + warnings,
                plural(errors, "", "s"),
                plural(warnings, "", "s"),
            );
            let mut summary = if errors > 0 {
                Problem::error("$", message)
            } else {
                Problem::warning("$", message)
            };
            summary.omitted = Some(self.omitted);
            self.problems.push(summary);
        }
        self.problems
    }

    /// A text field: not empty or white space only, and sound characters.
    pub(super) fn text(&mut self, path: &str, what: &str, s: &str) {
        if s.is_empty() {
            self.error(path, format!("{what} is empty"));
        } else if s.trim().is_empty() {
            self.error(path, format!("{what} is only white space: {}", show(s)));
        }
        self.characters(path, what, s);
    }

    /// Length, control characters and bidirectional formatting characters.
    fn characters(&mut self, path: &str, what: &str, s: &str) {
        // One pass: the count, the first control character and the first bidi character.
        let mut count = 0usize;
        let mut control = None;
        let mut bidi = None;
        for c in s.chars() {
            count += 1;
            if c.is_ascii() {
                if control.is_none() && c.is_ascii_control() {
                    control = Some((count, c));
                }
            } else if control.is_none() && c.is_control() {
                control = Some((count, c));
            } else if bidi.is_none() {
                bidi = bidi_name(c).map(|name| (count, c, name));
            }
        }
        if count > self.limits.max_string_chars {
            self.error(
                path,
                format!(
                    "{what} is {count} characters long, over the limit of {} characters: {}",
                    self.limits.max_string_chars,
                    show(s)
                ),
            );
        }
        if let Some((at, c)) = control {
            self.error(
                path,
                format!(
                    "{what} contains the control character U+{:04X} at character {at}: {}",
                    c as u32,
                    show(s)
                ),
            );
        }
        if let Some((at, c, name)) = bidi {
            self.error(
                path,
                format!(
                    "{what} contains the bidirectional formatting character U+{:04X} ({name}) at character {at}: {}",
                    c as u32,
                    show(s)
                ),
            );
        }
    }

    /// An id: a non-empty slug, unique among `seen`.
    pub(super) fn id(
        &mut self,
        path: &str,
        what: &str,
        id: &str,
        seen: &mut HashMap<String, String>,
    ) {
        if id.is_empty() {
            self.error(path, format!("{what} id is empty"));
        } else if !is_slug(id) {
            self.error(
                path,
                format!(
                    "{what} id {} is not a slug (lowercase ASCII letters and digits, in groups joined by single hyphens)",
                    show(id)
                ),
            );
        }
        if let Some(first) = seen.get(id) {
            self.error(
                path,
                format!("duplicate {what} id {} (first at {first})", show(id)),
            );
        } else {
            seen.insert(id.to_owned(), path.to_owned());
        }
    }

    pub(super) fn url(&mut self, path: &str, what: &str, s: &str) {
        let count = s.chars().count();
        if count > self.limits.max_string_chars {
            self.error(
                path,
                format!(
                    "{what} is {count} characters long, over the limit of {} characters",
                    self.limits.max_string_chars
                ),
            );
        }
        if let Some(reason) = url_problem(s) {
            self.error(
                path,
                format!(
                    "{what} {} is not a web address (http:// or https://): it {reason}",
                    show(s)
                ),
            );
        }
    }

    /// A list of references that must be non-repeating; `known` says whether an id exists.
    pub(super) fn references(
        &mut self,
        path: &str,
        what: &str,
        ids: &[String],
        mut known: impl FnMut(&str) -> bool,
        where_listed: &str,
    ) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (j, id) in ids.iter().enumerate() {
            let p = format!("{path}[{j}]");
            if !known(id) {
                self.error(
                    &p,
                    format!("unknown {what} {} (not in {where_listed})", show(id)),
                );
            }
            if let Some(first) = seen.get(id.as_str()) {
                self.error(
                    &p,
                    format!(
                        "{what} {} is listed twice (first at {path}[{first}])",
                        show(id)
                    ),
                );
            } else {
                seen.insert(id, j);
            }
        }
    }
}
