//! The bounds on what the parser and the validator accept: input size, nesting depth and text length.

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
