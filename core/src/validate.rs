//! Validation of Summit Fruits data sets: safe parsing with limits, then every rule that makes a data set sound, each problem with its JSON path.
//!
//! Parsing ([`parse_data_set`], [`parse_hindsight`]) refuses input that is too large, empty or nested too deeply before
//! `serde_json` ever sees it, and reports type errors with the JSON path where they are. Validation ([`validate`],
//! [`validate_hindsight`]) then checks what serde cannot: texts, ids, references, verbatim quotations, dates and addresses.
//! Problems come back in document order; an [`Severity::Error`] makes a data set unusable, a [`Severity::Warning`] does not.

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};

use serde::de::DeserializeOwned;

use crate::dates::{days_in_month, IsoDate};
use crate::model::{Article, Category, DataSet, Hindsight, Item, Vocabularies};

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

/// Bounds on what the parser and the validator accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest input, in bytes.
    pub max_bytes: usize,
    /// The deepest nesting of JSON arrays and objects (the root object is depth 1).
    pub max_depth: usize,
    /// The longest text field, in characters (Unicode scalar values).
    pub max_string_chars: usize,
}

impl Default for Limits {
    /// 16 MiB, depth 32, strings of at most 20,000 characters. 16 MiB holds about 15,000 items of the article's
    /// kind (a realistic 10,000-item set is 10.6 MB) and still refuses a 20 MB file.
    fn default() -> Limits {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 32,
            max_string_chars: 20_000,
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------------------

/// Parses a data set (`data/potential-fruits.json`), refusing over-size, empty and too deeply nested input before serde
/// sees it. Never panics. The errors say where they are: a JSON path for type errors, line and column for syntax errors.
pub fn parse_data_set(json: &str, limits: &Limits) -> Result<DataSet, Vec<Problem>> {
    parse_json(json, limits)
}

/// Parses the hindsight file (`data/hindsight.json`) with the same safeguards as [`parse_data_set`].
pub fn parse_hindsight(json: &str, limits: &Limits) -> Result<Hindsight, Vec<Problem>> {
    parse_json(json, limits)
}

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

fn parse_json<T: DeserializeOwned>(json: &str, limits: &Limits) -> Result<T, Vec<Problem>> {
    if json.len() > limits.max_bytes {
        return Err(vec![Problem::error(
            "$",
            format!(
                "the file is {} bytes ({}), over the limit of {} bytes ({})",
                json.len(),
                mib(json.len()),
                limits.max_bytes,
                mib(limits.max_bytes)
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

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
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

/// Shortens a long message in its middle, keeping its start and its end (where serde puts line and column).
fn clip_middle(s: &str, max_chars: usize) -> String {
    let count = s.chars().count();
    if count <= max_chars {
        return s.to_owned();
    }
    let tail = max_chars / 3;
    let head = max_chars - tail - 1;
    let start: String = s.chars().take(head).collect();
    let end: String = s.chars().skip(count - tail).collect();
    format!("{start}…{end}")
}

// ---------------------------------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------------------------------

/// Collapses every run of Unicode white space (U+00A0 no-break space included) to one ASCII space and trims both ends.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `quote` occurs in `paragraph` once white space is folded in both ([`fold_whitespace`]); nothing else may
/// differ, neither case nor punctuation. A quote that is empty after folding is no excerpt.
pub fn is_exact_excerpt(quote: &str, paragraph: &str) -> bool {
    let quote = fold_whitespace(quote);
    !quote.is_empty() && fold_whitespace(paragraph).contains(&quote)
}

/// True for an `http://` or `https://` address (the scheme in any case) with a non-empty host and no white space,
/// control or bidirectional formatting characters. `javascript:`, `data:`, `file:` and relative addresses are false.
pub fn is_web_url(s: &str) -> bool {
    url_problem(s).is_none()
}

fn url_problem(s: &str) -> Option<&'static str> {
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

/// The Unicode Bidi_Control characters: marks, embeddings, overrides and isolates.
fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => return None,
    })
}

fn is_bidi_control(c: char) -> bool {
    bidi_name(c).is_some()
}

/// A value for a message: at most 80 characters, quoted and escaped so that no control or bidi character gets through.
fn show(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(MAX - 1).collect();
        format!("{:?}", format!("{head}…"))
    }
}

/// The tail of `s`, at most `n` characters, with a leading ellipsis when cut.
fn tail_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        s.to_owned()
    } else {
        let t: String = s.chars().skip(count - n).collect();
        format!("…{t}")
    }
}

/// The head of `s`, at most `n` characters, with a trailing ellipsis when cut.
fn head_chars(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let h: String = s.chars().take(n).collect();
        format!("{h}…")
    }
}

/// The length, in bytes of `quote`, of the longest opening of `quote` that occurs in `text`.
fn longest_found_prefix(quote: &str, text: &str) -> usize {
    let bounds: Vec<usize> = quote
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(quote.len()))
        .collect();
    // Invariant: the prefix up to bounds[lo] occurs (the empty one always does); the one up to bounds[hi] does not.
    let (mut lo, mut hi) = (0usize, bounds.len() - 1);
    if text.contains(quote) {
        return quote.len();
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if text.contains(&quote[..bounds[mid]]) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    bounds[lo]
}

/// Says where a folded quote stops matching a folded text.
fn divergence(folded_quote: &str, folded_text: &str) -> String {
    let k = longest_found_prefix(folded_quote, folded_text);
    let (agreed, rest) = folded_quote.split_at(k);
    if agreed.is_empty() {
        format!(
            "not even its opening {:?} occurs there",
            head_chars(rest, 30)
        )
    } else {
        format!(
            "the words up to {:?} occur there, but not followed by {:?}",
            tail_chars(agreed, 40),
            head_chars(rest, 30)
        )
    }
}

/// The texts between quotation marks: “curly” pairs, and straight double quotes taken two by two. An opening mark
/// without its closing one quotes nothing.
fn quoted_spans(text: &str) -> Vec<&str> {
    let mut spans = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['“', '"']) {
        let open = rest[start..].chars().next().unwrap_or('"');
        let close = if open == '“' { '”' } else { '"' };
        let after = &rest[start + open.len_utf8()..];
        let Some(end) = after.find(close) else {
            break;
        };
        spans.push(&after[..end]);
        rest = &after[end + close.len_utf8()..];
    }
    spans
}

/// Words after which a clause cannot end: a modal verb waiting for its verb, an article, a conjunction or a
/// preposition waiting for what it governs.
const DANGLING_ENDS: &[&str] = &[
    "might", "could", "would", "should", "can", "will", "may", "must", "shall", "a", "an", "the",
    "and", "or", "but", "of", "to",
];

/// The fewest words a rationale may have: enough for a subject, a verb and what the article says of it.
pub const MIN_RATIONALE_WORDS: usize = 4;

/// Why a (folded) rationale is only a fragment of the article's judgment, if it is: fewer than
/// [`MIN_RATIONALE_WORDS`] words, or a clause cut off before its end (e.g. "other developments might").
fn fragment_problem(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    if words.len() < MIN_RATIONALE_WORDS {
        return Some(format!(
            "is a fragment of {} word{}; quote at least the clause that carries the judgment ({MIN_RATIONALE_WORDS} words or more)",
            words.len(),
            if words.len() == 1 { "" } else { "s" }
        ));
    }
    let last = words[words.len() - 1]
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    DANGLING_ENDS.contains(&last.as_str()).then(|| {
        format!(
            "is a fragment: it stops at {}, before the words that say what it is about; quote the whole clause",
            show(&last)
        )
    })
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

// ---------------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------------

/// Reads an ISO date with [`IsoDate::parse`]; when it fails, says why.
fn parse_date(s: &str) -> Result<IsoDate, String> {
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
fn iso(d: IsoDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", d.year),
        (Some(m), None) => format!("{:04}-{m:02}", d.year),
        _ => format!("{:04}", d.year),
    }
}

// ---------------------------------------------------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------------------------------------------------

struct Checker<'l> {
    limits: &'l Limits,
    problems: Vec<Problem>,
    omitted: ProblemCount,
}

impl<'l> Checker<'l> {
    fn new(limits: &'l Limits) -> Checker<'l> {
        Checker {
            limits,
            problems: Vec::new(),
            omitted: ProblemCount::default(),
        }
    }

    /// True while problems are still listed: only then are hints worth working out.
    fn detailed(&self) -> bool {
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

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Problem::error(path, message));
    }

    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Problem::warning(path, message));
    }

    /// The listed problems, ending with one that counts the rest when there were more.
    fn finish(mut self) -> Vec<Problem> {
        let ProblemCount { errors, warnings } = self.omitted;
        if errors + warnings > 0 {
            let message = format!(
                "…and {} more not listed ({errors} error{}, {warnings} warning{}): only the first {MAX_LISTED_PROBLEMS} problems are listed",
                errors + warnings,
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" },
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
    fn text(&mut self, path: &str, what: &str, s: &str) {
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

    /// Words in quotation marks inside the data set's own prose (`what` at `path`) must be the article's: an exact
    /// excerpt (white space aside) of a paragraph. `cited` are the paragraphs to try first (those the item's evidence
    /// cites), `also` further texts the words may come from (a hindsight entry's own quotations).
    fn quoted_words(
        &mut self,
        path: &str,
        what: &str,
        text: &str,
        index: &ArticleIndex<'_>,
        cited: &[&str],
        also: &[&str],
    ) {
        for span in quoted_spans(text) {
            let folded = fold_whitespace(span);
            if folded.is_empty()
                || cited.iter().any(|p| p.contains(&folded))
                || also.iter().any(|t| fold_whitespace(t).contains(&folded))
                || index.find(&folded).is_some()
            {
                continue;
            }
            let hint = if self.detailed() {
                index.closest(&folded).map_or(String::new(), |at| {
                    let (s, p) = at;
                    format!(
                        "; closest is {}: {}",
                        index.describe(at),
                        divergence(&folded, &index.folded[s][p])
                    )
                })
            } else {
                String::new()
            };
            self.error(
                path,
                format!(
                    "{what} puts {} in quotation marks, but these are not the article's words{hint}",
                    show(span)
                ),
            );
        }
    }

    /// An id: a non-empty slug, unique among `seen`.
    fn id(&mut self, path: &str, what: &str, id: &str, seen: &mut HashMap<String, String>) {
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

    fn url(&mut self, path: &str, what: &str, s: &str) {
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
    fn references(
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

/// The article's paragraphs, folded once, and its sections by id.
struct ArticleIndex<'a> {
    sections: HashMap<&'a str, usize>,
    section_ids: Vec<&'a str>,
    folded: Vec<Vec<String>>,
}

impl<'a> ArticleIndex<'a> {
    fn new(article: &'a Article) -> ArticleIndex<'a> {
        let mut sections = HashMap::new();
        for (i, s) in article.sections.iter().enumerate() {
            sections.entry(s.id.as_str()).or_insert(i);
        }
        ArticleIndex {
            sections,
            section_ids: article.sections.iter().map(|s| s.id.as_str()).collect(),
            folded: article
                .sections
                .iter()
                .map(|s| s.paragraphs.iter().map(|p| fold_whitespace(p)).collect())
                .collect(),
        }
    }

    /// The folded paragraph that a quotation cites, if it exists.
    fn cited(&self, section: &str, paragraph: usize) -> Option<&str> {
        let s = *self.sections.get(section)?;
        self.folded[s]
            .get(paragraph.checked_sub(1)?)
            .map(String::as_str)
    }

    /// The folded paragraphs that an item's evidence cites, each once, in the order first cited.
    fn cited_by(&self, item: &Item) -> Vec<&str> {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        let mut cited = Vec::new();
        for q in &item.evidence {
            let Some(&s) = self.sections.get(q.section.as_str()) else {
                continue;
            };
            let Some(p) = q.paragraph.checked_sub(1) else {
                continue;
            };
            if let Some(text) = self.folded[s].get(p) {
                if !seen.contains(&(s, p)) {
                    seen.push((s, p));
                    cited.push(text.as_str());
                }
            }
        }
        cited
    }

    /// The first paragraph (section index, 0-based paragraph index) that holds `folded_quote`.
    fn find(&self, folded_quote: &str) -> Option<(usize, usize)> {
        self.folded.iter().enumerate().find_map(|(s, paragraphs)| {
            paragraphs
                .iter()
                .position(|p| p.contains(folded_quote))
                .map(|p| (s, p))
        })
    }

    /// The paragraph whose text holds the longest opening of `folded_quote`.
    fn closest(&self, folded_quote: &str) -> Option<(usize, usize)> {
        let mut best: Option<((usize, usize), usize)> = None;
        for (s, paragraphs) in self.folded.iter().enumerate() {
            for (p, text) in paragraphs.iter().enumerate() {
                let k = longest_found_prefix(folded_quote, text);
                if best.is_none_or(|(_, b)| k > b) {
                    best = Some(((s, p), k));
                }
            }
        }
        best.map(|(at, _)| at)
    }

    fn describe(&self, (s, p): (usize, usize)) -> String {
        format!(
            "paragraph {} of section {}",
            p + 1,
            show(self.section_ids[s])
        )
    }
}

/// Validates a data set with the default [`Limits`]; see [`validate_with_limits`].
pub fn validate(data: &DataSet) -> Vec<Problem> {
    validate_with_limits(data, &Limits::default())
}

/// Every problem of a data set, in document order. Only `limits.max_string_chars` matters here.
pub fn validate_with_limits(data: &DataSet, limits: &Limits) -> Vec<Problem> {
    let mut c = Checker::new(limits);
    let index = ArticleIndex::new(&data.article);
    check_article(&mut c, &data.article);
    let levels = check_scale(&mut c, data);
    let vocab = check_vocabularies(&mut c, &data.vocabularies);
    check_items(&mut c, data, &index, &levels, &vocab);
    check_events(&mut c, data, &index);
    c.finish()
}

fn check_article(c: &mut Checker<'_>, a: &Article) {
    c.text("$.article.title", "the title", &a.title);
    c.text("$.article.author", "the author", &a.author);
    c.text("$.article.outlet", "the outlet", &a.outlet);
    if let Some(kind) = &a.kind {
        c.text("$.article.kind", "the kind", kind);
    }
    match parse_date(&a.published) {
        Ok(d) if d.day.is_some() => {}
        Ok(_) => c.error(
            "$.article.published",
            format!(
                "the publication date {} must be a full date, YYYY-MM-DD",
                show(&a.published)
            ),
        ),
        Err(e) => c.error("$.article.published", format!("the publication date {e}")),
    }
    c.url("$.article.url", "the article's address", &a.url);
    c.text("$.article.citation", "the citation", &a.citation);
    if a.sections.is_empty() {
        c.error("$.article.sections", "the article has no sections");
    }
    let mut seen = HashMap::new();
    for (i, section) in a.sections.iter().enumerate() {
        let base = format!("$.article.sections[{i}]");
        c.id(&format!("{base}.id"), "section", &section.id, &mut seen);
        if let Some(heading) = &section.heading {
            c.text(&format!("{base}.heading"), "the heading", heading);
        }
        if section.paragraphs.is_empty() {
            c.error(
                format!("{base}.paragraphs"),
                format!("section {} has no paragraphs", show(&section.id)),
            );
        }
        for (j, paragraph) in section.paragraphs.iter().enumerate() {
            c.text(
                &format!("{base}.paragraphs[{j}]"),
                "the paragraph",
                paragraph,
            );
        }
    }
}

/// Checks the feasibility scale and returns its levels.
fn check_scale(c: &mut Checker<'_>, data: &DataSet) -> Vec<u8> {
    let scale = &data.feasibility_scale;
    if scale.len() < 4 {
        c.error(
            "$.feasibility_scale",
            format!(
                "the feasibility scale has {} levels; it needs at least 4",
                scale.len()
            ),
        );
    }
    let mut seen: HashMap<u8, usize> = HashMap::new();
    for (i, level) in scale.iter().enumerate() {
        let base = format!("$.feasibility_scale[{i}]");
        if let Some(first) = seen.get(&level.level) {
            c.error(
                format!("{base}.level"),
                format!(
                    "duplicate feasibility level {} (first at $.feasibility_scale[{first}].level)",
                    level.level
                ),
            );
        } else {
            seen.insert(level.level, i);
        }
        c.text(&format!("{base}.label"), "the label", &level.label);
        c.text(
            &format!("{base}.description"),
            "the description",
            &level.description,
        );
    }
    scale.iter().map(|l| l.level).collect()
}

struct Vocab<'a> {
    categories: HashSet<Category>,
    domains: HashSet<&'a str>,
    actors: HashSet<&'a str>,
}

fn check_vocabularies<'a>(c: &mut Checker<'_>, v: &'a Vocabularies) -> Vocab<'a> {
    let mut categories = HashSet::new();
    for (name, what, terms) in [
        ("categories", "category", &v.categories),
        ("domains", "domain", &v.domains),
        ("actors", "actor", &v.actors),
    ] {
        if terms.is_empty() {
            c.error(
                format!("$.vocabularies.{name}"),
                format!("the {name} vocabulary is empty"),
            );
        }
        let mut seen = HashMap::new();
        for (i, term) in terms.iter().enumerate() {
            let base = format!("$.vocabularies.{name}[{i}]");
            c.id(&format!("{base}.id"), what, &term.id, &mut seen);
            if name == "categories" {
                match Category::from_id(&term.id) {
                    Some(cat) => {
                        categories.insert(cat);
                    }
                    None => c.error(
                        format!("{base}.id"),
                        format!(
                            "unknown category id {}; the categories are {}",
                            show(&term.id),
                            Category::ALL.map(Category::id).join(", ")
                        ),
                    ),
                }
            }
            c.text(&format!("{base}.label"), "the label", &term.label);
            c.text(
                &format!("{base}.description"),
                "the description",
                &term.description,
            );
        }
    }
    Vocab {
        categories,
        domains: v.domains.iter().map(|t| t.id.as_str()).collect(),
        actors: v.actors.iter().map(|t| t.id.as_str()).collect(),
    }
}

/// Checks one verbatim quotation: its text, the section and paragraph it cites, and that it is an exact excerpt.
fn check_quotation(
    c: &mut Checker<'_>,
    base: &str,
    index: &ArticleIndex<'_>,
    quote: &str,
    section: &str,
    paragraph: usize,
) {
    let quote_path = format!("{base}.quote");
    c.text(&quote_path, "the quote", quote);
    let folded = fold_whitespace(quote);
    let detailed = c.detailed();
    let elsewhere = || {
        if folded.is_empty() || !detailed {
            String::new()
        } else {
            index.find(&folded).map_or(String::new(), |at| {
                format!(" (the quote is in {})", index.describe(at))
            })
        }
    };
    let Some(&s) = index.sections.get(section) else {
        c.error(
            format!("{base}.section"),
            format!("unknown section {}{}", show(section), elsewhere()),
        );
        return;
    };
    let count = index.folded[s].len();
    if paragraph == 0 {
        c.error(
            format!("{base}.paragraph"),
            format!(
                "paragraph 0 does not exist: paragraphs are counted from 1{}",
                elsewhere()
            ),
        );
        return;
    }
    if paragraph > count {
        c.error(
            format!("{base}.paragraph"),
            format!(
                "section {} has {count} paragraph{}; there is no paragraph {paragraph}{}",
                show(section),
                if count == 1 { "" } else { "s" },
                elsewhere()
            ),
        );
        return;
    }
    if folded.is_empty() {
        return;
    }
    let cited = index.cited(section, paragraph).unwrap_or_default();
    if cited.contains(&folded) {
        return;
    }
    if !c.detailed() {
        // Only counted from here on: neither a message nor a search of the whole article for where the words are.
        c.omitted.errors += 1;
        return;
    }
    match index.find(&folded) {
        Some((fs, fp)) if fs == s => c.error(
            format!("{base}.paragraph"),
            format!(
                "the quote {} cites paragraph {paragraph} of section {} but is in paragraph {}",
                show(quote),
                show(section),
                fp + 1
            ),
        ),
        Some(at) => c.error(
            format!("{base}.section"),
            format!(
                "the quote {} cites paragraph {paragraph} of section {} but is in {}",
                show(quote),
                show(section),
                index.describe(at)
            ),
        ),
        None => c.error(
            quote_path,
            format!(
                "the quote {} is not an exact excerpt of paragraph {paragraph} of section {}: {}",
                show(quote),
                show(section),
                divergence(&folded, cited)
            ),
        ),
    }
}

fn check_items(
    c: &mut Checker<'_>,
    data: &DataSet,
    index: &ArticleIndex<'_>,
    levels: &[u8],
    vocab: &Vocab<'_>,
) {
    if data.items.is_empty() {
        c.error("$.items", "the data set has no items");
    }
    let mut first_item: HashMap<&str, &Item> = HashMap::new();
    for item in &data.items {
        first_item.entry(item.id.as_str()).or_insert(item);
    }
    let mut seen = HashMap::new();
    for (i, item) in data.items.iter().enumerate() {
        let base = format!("$.items[{i}]");
        c.id(&format!("{base}.id"), "item", &item.id, &mut seen);
        c.text(&format!("{base}.title"), "the title", &item.title);
        c.text(&format!("{base}.summary"), "the summary", &item.summary);
        if !vocab.categories.contains(&item.category) {
            c.error(
                format!("{base}.category"),
                format!(
                    "category {} is not in $.vocabularies.categories",
                    show(item.category.id())
                ),
            );
        }

        // Feasibility.
        if !levels.contains(&item.feasibility.level) {
            let on_scale: Vec<String> = levels.iter().map(u8::to_string).collect();
            c.error(
                format!("{base}.feasibility.level"),
                format!(
                    "level {} is not on the feasibility scale (levels: {})",
                    item.feasibility.level,
                    if on_scale.is_empty() {
                        "none".to_owned()
                    } else {
                        on_scale.join(", ")
                    }
                ),
            );
        }
        let rationale = &item.feasibility.rationale;
        let rationale_path = format!("{base}.feasibility.rationale");
        c.text(&rationale_path, "the rationale", rationale);
        let folded = fold_whitespace(rationale);
        // The paragraphs the item's evidence cites, each once (an item may cite one paragraph many times).
        let cited = index.cited_by(item);
        // A rationale in a paragraph that the item's evidence cites is in the article: the common case, and cheap.
        let in_evidence_paragraph = cited.iter().any(|p| p.contains(&folded));
        // Words within one of the item's own quotations are the article's if that quotation is (which is checked
        // there), and no search of the whole article is needed.
        let in_quote = || {
            item.evidence
                .iter()
                .any(|q| fold_whitespace(&q.quote).contains(&folded))
        };
        if !folded.is_empty() && !in_evidence_paragraph && !in_quote() {
            match index.find(&folded) {
                None => {
                    let closest = if c.detailed() {
                        index.closest(&folded)
                    } else {
                        None
                    };
                    let hint = closest.map_or(String::new(), |at| {
                        let (s, p) = at;
                        format!(
                            "; closest is {}: {}",
                            index.describe(at),
                            divergence(&folded, &index.folded[s][p])
                        )
                    });
                    c.error(
                        &rationale_path,
                        format!(
                            "the rationale {} is not an exact excerpt of any paragraph of the article{hint}",
                            show(rationale)
                        ),
                    );
                }
                Some(at) => {
                    c.warn(
                        &rationale_path,
                        format!(
                            "the rationale {} is in {}, which none of the item's evidence quotes cites",
                            show(rationale),
                            index.describe(at)
                        ),
                    );
                }
            }
        }
        if let Some(problem) = fragment_problem(&folded) {
            c.error(
                &rationale_path,
                format!("the rationale {} {problem}", show(rationale)),
            );
        }

        // What the data set says in its own words: words in quotation marks there must be the article's.
        c.quoted_words(
            &format!("{base}.summary"),
            "the summary",
            &item.summary,
            index,
            &cited,
            &[],
        );
        if let Some(note) = &item.feasibility.reading_note {
            let note_path = format!("{base}.feasibility.reading_note");
            c.text(&note_path, "the reading note", note);
            c.quoted_words(&note_path, "the reading note", note, index, &cited, &[]);
        }

        // Domains and actors.
        if item.domains.is_empty() {
            c.error(
                format!("{base}.domains"),
                format!(
                    "item {} has no domain; it needs at least one",
                    show(&item.id)
                ),
            );
        }
        c.references(
            &format!("{base}.domains"),
            "domain",
            &item.domains,
            |d| vocab.domains.contains(d),
            "$.vocabularies.domains",
        );
        if item.actors.is_empty() {
            c.error(
                format!("{base}.actors"),
                format!(
                    "item {} has no actor; it needs at least one",
                    show(&item.id)
                ),
            );
        }
        c.references(
            &format!("{base}.actors"),
            "actor",
            &item.actors,
            |a| vocab.actors.contains(a),
            "$.vocabularies.actors",
        );

        for (j, person) in item.people.iter().enumerate() {
            c.text(
                &format!("{base}.people[{j}].name"),
                "the name",
                &person.name,
            );
            c.text(
                &format!("{base}.people[{j}].role"),
                "the role",
                &person.role,
            );
        }

        if item.evidence.is_empty() {
            c.error(
                format!("{base}.evidence"),
                format!(
                    "item {} has no evidence quote; it needs at least one",
                    show(&item.id)
                ),
            );
        }
        for (j, q) in item.evidence.iter().enumerate() {
            check_quotation(
                c,
                &format!("{base}.evidence[{j}]"),
                index,
                &q.quote,
                &q.section,
                q.paragraph,
            );
        }

        // Related items.
        let mut seen_related: HashMap<&str, usize> = HashMap::new();
        for (j, other) in item.related.iter().enumerate() {
            let p = format!("{base}.related[{j}]");
            if let Some(first) = seen_related.get(other.as_str()) {
                c.error(
                    &p,
                    format!(
                        "related item {} is listed twice (first at {base}.related[{first}])",
                        show(other)
                    ),
                );
                continue;
            }
            seen_related.insert(other, j);
            if *other == item.id {
                c.error(&p, format!("item {} lists itself as related", show(other)));
            } else if let Some(target) = first_item.get(other.as_str()) {
                if !target.related.contains(&item.id) {
                    c.warn(
                        &p,
                        format!(
                            "item {} lists {} as related, but {} does not list {} back",
                            show(&item.id),
                            show(other),
                            show(other),
                            show(&item.id)
                        ),
                    );
                }
            } else {
                c.error(
                    &p,
                    format!(
                        "unknown related item {} (not an id in $.items)",
                        show(other)
                    ),
                );
            }
        }
    }
    check_people(c, data);
}

/// The letters of a name that decide whether two spellings are one person's: lower case, words of letters and digits
/// (a hyphen or apostrophe inside a word kept, as in "al-Assad").
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// How many opening letters of the first given name two spellings of one person share ("Alexei" and "Alexey").
const GIVEN_NAME_PREFIX: usize = 3;

/// One person, one name: warns when a name looks like another spelling of a name used before it (the same surname and
/// given names that agree in their first letters, the same words in another case, or the surname alone beside a full
/// name), since the explorer would show them as two people. A warning, not an error: two relatives can share a surname
/// and the first letters of their names. Linear in the number of names (one map lookup each).
fn check_people(c: &mut Checker<'_>, data: &DataSet) {
    // (surname, given-name opening) → the first name with it; surname → the first full name and the first lone one.
    let mut by_key: HashMap<(String, String), (&str, String)> = HashMap::new();
    let mut full_by_surname: HashMap<String, (&str, String)> = HashMap::new();
    let mut alone: HashMap<String, (&str, String)> = HashMap::new();
    for (i, item) in data.items.iter().enumerate() {
        for (j, person) in item.people.iter().enumerate() {
            let path = format!("$.items[{i}].people[{j}].name");
            let name = person.name.as_str();
            let words = name_words(name);
            let Some(surname) = words.last().cloned() else {
                continue;
            };
            let earlier = if words.len() == 1 {
                let found = full_by_surname.get(&surname).cloned();
                alone.entry(surname).or_insert((name, path.clone()));
                found
            } else {
                let given: String = words[0].chars().take(GIVEN_NAME_PREFIX).collect();
                let found = by_key
                    .get(&(surname.clone(), given.clone()))
                    .filter(|(first, _)| *first != name)
                    .or_else(|| alone.get(&surname))
                    .cloned();
                by_key
                    .entry((surname.clone(), given))
                    .or_insert((name, path.clone()));
                full_by_surname
                    .entry(surname)
                    .or_insert((name, path.clone()));
                found
            };
            if let Some((first, first_path)) = earlier {
                if first != name {
                    c.warn(
                        &path,
                        format!(
                            "the person {} looks like {} (at {first_path}) under another name; give one person one \
                             name and note the other spelling in the role",
                            show(name),
                            show(first)
                        ),
                    );
                }
            }
        }
    }
}

fn check_events(c: &mut Checker<'_>, data: &DataSet, index: &ArticleIndex<'_>) {
    let items: HashSet<&str> = data.items.iter().map(|i| i.id.as_str()).collect();
    let mut seen = HashMap::new();
    let mut previous: Option<(IsoDate, &str)> = None;
    for (i, event) in data.events.iter().enumerate() {
        let base = format!("$.events[{i}]");
        c.id(&format!("{base}.id"), "event", &event.id, &mut seen);
        let date = match parse_date(&event.date) {
            Ok(d) => Some(d),
            Err(e) => {
                c.error(format!("{base}.date"), format!("the date {e}"));
                None
            }
        };
        if let Some(d) = date {
            if let Some((prev, prev_id)) = previous {
                if d.last_day() < prev.first_day() {
                    c.warn(
                        format!("{base}.date"),
                        format!(
                            "event {} ({}) comes after event {} ({}) but is dated earlier; \
                             events should be in chronological order",
                            show(&event.id),
                            iso(d),
                            show(prev_id),
                            iso(prev)
                        ),
                    );
                }
            }
            previous = Some((d, &event.id));
        }
        if let Some(end) = &event.end_date {
            match parse_date(end) {
                Ok(e) => {
                    if let Some(d) = date {
                        if e.last_day() < d.first_day() {
                            c.error(
                                format!("{base}.end_date"),
                                format!("the end date {} is before the date {}", iso(e), iso(d)),
                            );
                        }
                    }
                }
                Err(e) => c.error(format!("{base}.end_date"), format!("the end date {e}")),
            }
        }
        c.text(&format!("{base}.title"), "the title", &event.title);
        check_quotation(
            c,
            &base,
            index,
            &event.quote,
            &event.section,
            event.paragraph,
        );
        c.references(
            &format!("{base}.items"),
            "item",
            &event.items,
            |id| items.contains(id),
            "$.items",
        );
    }
}

// ---------------------------------------------------------------------------------------------------------------------
// Hindsight
// ---------------------------------------------------------------------------------------------------------------------

/// Validates a hindsight file against its data set with the default [`Limits`]; see [`validate_hindsight_with_limits`].
pub fn validate_hindsight(h: &Hindsight, data: &DataSet) -> Vec<Problem> {
    validate_hindsight_with_limits(h, data, &Limits::default())
}

/// Every problem of a hindsight file, in document order, its paths rooted at the hindsight file's `$`.
///
/// A non-background entry must lie wholly after the article's publication date (a partial date such as `2021-06` is
/// after `2021-06-04` only if its whole span is); an entry that is not wholly after it must be marked `background`.
pub fn validate_hindsight_with_limits(
    h: &Hindsight,
    data: &DataSet,
    limits: &Limits,
) -> Vec<Problem> {
    let mut c = Checker::new(limits);
    let items: HashSet<&str> = data.items.iter().map(|i| i.id.as_str()).collect();
    let index = ArticleIndex::new(&data.article);
    let published = IsoDate::parse(&data.article.published).filter(|d| d.day.is_some());

    c.url("$.article_url", "the article's address", &h.article_url);
    if h.article_url != data.article.url {
        c.error(
            "$.article_url",
            format!(
                "the article's address {} is not the data set's $.article.url {}",
                show(&h.article_url),
                show(&data.article.url)
            ),
        );
    }

    let mut first_entry = HashMap::new();
    for entry in &h.entries {
        first_entry.entry(entry.id.as_str()).or_insert(entry);
    }
    let mut seen = HashMap::new();
    for (i, entry) in h.entries.iter().enumerate() {
        let base = format!("$.entries[{i}]");
        c.id(&format!("{base}.id"), "entry", &entry.id, &mut seen);
        match parse_date(&entry.date) {
            Err(e) => c.error(format!("{base}.date"), format!("the date {e}")),
            Ok(d) => {
                if let Some(p) = published {
                    let wholly_after = d.first_day() > p.first_day();
                    if !entry.background && !wholly_after {
                        c.error(
                            format!("{base}.date"),
                            format!(
                                "entry {} is dated {}, which is not wholly after the article (published {}); \
                                 give a later date or mark it \"background\": true",
                                show(&entry.id),
                                iso(d),
                                iso(p)
                            ),
                        );
                    } else if entry.background && wholly_after {
                        c.error(
                            format!("{base}.date"),
                            format!(
                                "background entry {} is dated {}, after the article (published {}); \
                                 background entries must be dated on or before publication",
                                show(&entry.id),
                                iso(d),
                                iso(p)
                            ),
                        );
                    }
                }
            }
        }
        c.text(&format!("{base}.text"), "the text", &entry.text);
        c.url(&format!("{base}.source"), "the source", &entry.source);
        if entry.items.is_empty() {
            c.error(
                format!("{base}.items"),
                format!(
                    "entry {} bears on no item; it needs at least one",
                    show(&entry.id)
                ),
            );
        }
        c.references(
            &format!("{base}.items"),
            "item",
            &entry.items,
            |id| items.contains(id),
            "the data set's $.items",
        );
    }

    let mut outcome_for: HashMap<&str, usize> = HashMap::new();
    for (i, outcome) in h.outcomes.iter().enumerate() {
        let base = format!("$.outcomes[{i}]");
        if !items.contains(outcome.item.as_str()) {
            c.error(
                format!("{base}.item"),
                format!(
                    "unknown item {} (not in the data set's $.items)",
                    show(&outcome.item)
                ),
            );
        }
        if let Some(first) = outcome_for.get(outcome.item.as_str()) {
            c.error(
                format!("{base}.item"),
                format!(
                    "a second outcome for item {} (first at $.outcomes[{first}].item); at most one per item",
                    show(&outcome.item)
                ),
            );
        } else {
            outcome_for.insert(&outcome.item, i);
        }
        c.text(&format!("{base}.reason"), "the reason", &outcome.reason);
        // Quoted words in a reason are the article's, or quoted in an entry the reason rests on.
        let entry_quotes: Vec<&str> = outcome
            .entries
            .iter()
            .filter_map(|id| first_entry.get(id.as_str()))
            .flat_map(|e| quoted_spans(&e.text))
            .collect();
        c.quoted_words(
            &format!("{base}.reason"),
            "the reason",
            &outcome.reason,
            &index,
            &[],
            &entry_quotes,
        );
        if outcome.entries.is_empty() {
            c.error(
                format!("{base}.entries"),
                format!(
                    "the outcome for {} rests on no entry; it needs at least one",
                    show(&outcome.item)
                ),
            );
        }
        let mut listed: HashMap<&str, usize> = HashMap::new();
        let mut known = 0usize;
        let mut background = 0usize;
        for (j, id) in outcome.entries.iter().enumerate() {
            let p = format!("{base}.entries[{j}]");
            if let Some(first) = listed.get(id.as_str()) {
                c.error(
                    &p,
                    format!(
                        "entry {} is listed twice (first at {base}.entries[{first}])",
                        show(id)
                    ),
                );
                continue;
            }
            listed.insert(id, j);
            match first_entry.get(id.as_str()) {
                None => c.error(
                    &p,
                    format!("unknown entry {} (not an id in $.entries)", show(id)),
                ),
                Some(entry) => {
                    known += 1;
                    if entry.background {
                        background += 1;
                    }
                    if !entry.items.contains(&outcome.item) {
                        c.warn(
                            &p,
                            format!(
                                "entry {} does not list item {} among the items it bears on",
                                show(id),
                                show(&outcome.item)
                            ),
                        );
                    }
                }
            }
        }
        if known > 0 && background == known {
            c.error(
                format!("{base}.entries"),
                format!(
                    "the outcome for {} rests only on background entries; it needs at least one entry from after the article",
                    show(&outcome.item)
                ),
            );
        }
    }
    c.finish()
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

    #[test]
    fn longest_prefix_and_divergence() {
        assert_eq!(longest_found_prefix("abcx", "zzabcd"), 3);
        assert_eq!(longest_found_prefix("xyz", "abc"), 0);
        assert_eq!(longest_found_prefix("ab", "ab"), 2);
        assert_eq!(longest_found_prefix("éa", "éb"), 'é'.len_utf8());
        assert!(divergence("the cat sat", "the cat sits").contains("\"the cat s\""));
    }

    #[test]
    fn clipping_keeps_both_ends() {
        let long = format!("start {} end", "x".repeat(1000));
        let clipped = clip_middle(&long, 100);
        assert_eq!(clipped.chars().count(), 100);
        assert!(clipped.starts_with("start") && clipped.ends_with(" end"));
    }
}
