//! Validation of Summit Fruits data sets: safe parsing with limits, then every rule that makes a data set sound, each
//! problem with its JSON path.
//!
//! Parsing ([`parse_data_set`], [`parse_hindsight`]) refuses input that is too large, empty or nested too deeply before
//! `serde_json` ever sees it, and reports type errors with the JSON path where they are. Validation ([`validate`],
//! [`validate_hindsight`]) then checks what serde cannot: texts, ids, references, verbatim quotations, dates and
//! addresses. Problems come back in document order; an [`Severity::Error`] makes a data set unusable, a
//! [`Severity::Warning`] does not.
//!
//! One subject a module: the [`Problem`]s and their pages, the [`Limits`], parsing, the checker that rules report to,
//! single values (addresses, slugs, dates), verbatim quotations (excerpts), the data set's own prose (quoted words,
//! rationales), people's names, and the rules of a data set and of a hindsight file.

mod checker;
mod dataset;
mod excerpts;
mod hindsight;
mod limits;
mod parse;
mod people;
mod problems;
mod prose;
mod values;

pub use dataset::{validate, validate_with_limits};
pub use excerpts::is_exact_excerpt;
pub use hindsight::{validate_hindsight, validate_hindsight_with_limits};
pub use limits::Limits;
pub use parse::{parse_data_set, parse_hindsight};
pub use problems::{
    problem_count, problem_page, Problem, ProblemCount, Severity, MAX_LISTED_PROBLEMS, PROBLEM_PAGE,
};
pub use prose::MIN_RATIONALE_WORDS;
pub use values::{has_web_scheme, is_web_url};

/// White-space folding, as the validator compares quotations; it lives in [`crate::text`].
pub use crate::text::fold_whitespace;

use crate::model::{DataSet, Hindsight};

/// Parses and validates a data set. Any error refuses it: the `Err` then holds every problem found, warnings included,
/// in document order. Otherwise the data set comes back with its warnings (often none).
pub fn parse_and_validate(
    json: &str,
    limits: &Limits,
) -> Result<(DataSet, Vec<Problem>), Vec<Problem>> {
    let data = parse_data_set(json, limits)?;
    let problems = validate_with_limits(&data, limits);
    if problems.iter().any(Problem::is_error) {
        Err(problems)
    } else {
        Ok((data, problems))
    }
}

/// Parses and validates a hindsight file against its data set, like [`parse_and_validate`].
pub fn parse_and_validate_hindsight(
    json: &str,
    data: &DataSet,
    limits: &Limits,
) -> Result<(Hindsight, Vec<Problem>), Vec<Problem>> {
    let hindsight = parse_hindsight(json, limits)?;
    let problems = validate_hindsight_with_limits(&hindsight, data, limits);
    if problems.iter().any(Problem::is_error) {
        Err(problems)
    } else {
        Ok((hindsight, problems))
    }
}
