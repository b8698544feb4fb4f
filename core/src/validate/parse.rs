//! Safe parsing of data sets and hindsight files: over-size, empty and too deeply nested input is refused before
//! `serde_json` sees it, and a type error names the JSON path where it is.

use std::fmt::Write as _;

use serde::de::DeserializeOwned;

use super::limits::Limits;
use super::problems::Problem;
use crate::model::{DataSet, Hindsight};
use crate::text::{clip_middle, mib};

/// Parses a data set (`data/potential-fruits.json`), refusing over-size, empty and too deeply nested input before serde
/// sees it. Never panics. The errors say where they are: a JSON path for type errors, line and column for syntax errors.
pub fn parse_data_set(json: &str, limits: &Limits) -> Result<DataSet, Vec<Problem>> {
    parse_json(json, limits)
}

/// Parses the hindsight file (`data/hindsight.json`) with the same safeguards as [`parse_data_set`].
pub fn parse_hindsight(json: &str, limits: &Limits) -> Result<Hindsight, Vec<Problem>> {
    parse_json(json, limits)
}

fn parse_json<T: DeserializeOwned>(json: &str, limits: &Limits) -> Result<T, Vec<Problem>> {
    if json.len() > limits.max_bytes {
        return Err(vec![Problem::error(
            "$",
            format!(
                "the file is {} bytes ({}), over the limit of {} bytes ({})",
                json.len(),
                mib(json.len() as u64),
                limits.max_bytes,
                mib(limits.max_bytes as u64)
            ),
        )]);
    }
    // A byte order mark is harmless; serde_json would call it a syntax error.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err(vec![Problem::error("$", "the file is empty")]);
    }
    if let Some(problem) = nesting_problem(json, limits.max_depth) {
        return Err(vec![problem]);
    }
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value: T = match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(value) => value,
        Err(e) => return Err(vec![serde_problem(&json_path(e.path()), e.inner())]),
    };
    if let Err(e) = deserializer.end() {
        return Err(vec![serde_problem("$", &e)]);
    }
    Ok(value)
}

/// Measures the nesting of arrays and objects with a byte scan that skips strings, so that deeply nested input never
/// reaches serde's recursion. Unbalanced brackets are left for serde to report.
fn nesting_problem(json: &str, max_depth: usize) -> Option<Problem> {
    let bytes = json.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    let line = bytes[..i].iter().filter(|&&c| c == b'\n').count() + 1;
                    let line_start = bytes[..i]
                        .iter()
                        .rposition(|&c| c == b'\n')
                        .map_or(0, |p| p + 1);
                    let column = i - line_start + 1;
                    return Some(Problem::error(
                        "$",
                        format!(
                            "the file nests arrays and objects more than {max_depth} levels deep \
                             (at line {line} column {column})"
                        ),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn serde_problem(path: &str, error: &serde_json::Error) -> Problem {
    use serde_json::error::Category as JsonCategory;
    let text = clip_middle(&error.to_string(), 300);
    let message = match error.classify() {
        JsonCategory::Syntax | JsonCategory::Eof => format!("the file is not valid JSON: {text}"),
        JsonCategory::Data | JsonCategory::Io => text,
    };
    Problem::error(path, message)
}

/// Writes serde_path_to_error's path as a JSON path: `$.items[2].feasibility.level`.
fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    // serde_path_to_error ends the path with `?` while a key is being read (as in most syntax errors); drop it.
    let known = segments
        .iter()
        .rposition(|s| !matches!(s, Segment::Unknown))
        .map_or(0, |i| i + 1);
    let mut out = String::from("$");
    for segment in &segments[..known] {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Map { key } => push_key(&mut out, key),
            Segment::Enum { variant } => push_key(&mut out, variant),
            Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

fn push_key(out: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        out.push('.');
        out.push_str(key);
    } else {
        let shown: String = key.chars().take(80).collect();
        out.push('[');
        out.push_str(&serde_json::to_string(&shown).unwrap_or_else(|_| "\"?\"".to_owned()));
        out.push(']');
    }
}
