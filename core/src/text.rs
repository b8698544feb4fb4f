//! Small text helpers shared by the core and the app: white-space folding, bidirectional formatting characters, cutting
//! text with an ellipsis, counted nouns, char boundaries, and the safe display of names and messages from a data set.

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

/// The Unicode name of a Bidi_Control character (a mark, embedding, override or isolate); `None` for any other.
pub fn bidi_name(c: char) -> Option<&'static str> {
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

/// True for the Unicode Bidi_Control characters (marks, embeddings, overrides, isolates), which could reorder the
/// sentence a name or a message is shown in.
pub fn is_bidi_control(c: char) -> bool {
    bidi_name(c).is_some()
}

/// The head of `s`: at most `n` characters, then an ellipsis when it was cut.
pub fn head_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

/// The tail of `s`: an ellipsis when it was cut, then at most `n` characters.
pub fn tail_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        s.to_owned()
    } else {
        let t: String = s.chars().skip(count - n).collect();
        format!("…{t}")
    }
}

/// `s` shortened in its middle to `max_chars` characters, the ellipsis included, keeping its start and its end (where
/// serde puts line and column).
pub fn clip_middle(s: &str, max_chars: usize) -> String {
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

/// `one` when `n` is 1, `many` otherwise: `plural(2, "word", "words")` is `"words"`.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A number and its noun: `count_noun(1, "item", "items")` is `"1 item"`, `count_noun(3, "item", "items")` `"3 items"`.
pub fn count_noun(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", plural(n, one, many))
}

/// `text` with its first letter a capital, for the app's own English phrases ("the citations" becomes "The
/// citations"); ASCII only, so the wasm carries no case tables.
pub fn capitalised(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// A size in mebibytes with one decimal, as `format!("{:.1} MiB", bytes as f64 / 1048576.0)` writes it (nearest
/// tenth, a tie to the even one) but in integer arithmetic, so the wasm carries no float formatting:
/// `mib(16 * 1024 * 1024)` is `"16.0 MiB"`, `mib(1_572_864)` `"1.5 MiB"`.
pub fn mib(bytes: u64) -> String {
    const MIB: u128 = 1024 * 1024;
    let scaled = u128::from(bytes) * 10;
    let (mut tenths, rest) = (scaled / MIB, scaled % MIB);
    if rest > MIB / 2 || (rest == MIB / 2 && tenths % 2 == 1) {
        tenths += 1;
    }
    format!("{}.{} MiB", tenths / 10, tenths % 10)
}

/// Text from a data set's file name, a JSON path or a parser message as the page shows it: control and bidirectional
/// formatting characters are written as `\u{…}` escapes, so that they can neither hide nor reorder anything. Line
/// breaks are kept.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c.is_control() && c != '\n') || is_bidi_control(c) {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// At most this many characters of a file name or address are shown by [`label_of`].
pub const MAX_LABEL_CHARS: usize = 120;

/// A file name or an address as the page shows it: its first [`MAX_LABEL_CHARS`] characters (then "…" when there were
/// more), control and bidirectional formatting characters dropped; "the chosen file" when nothing is left.
pub fn label_of(name: &str) -> String {
    let kept: String = name
        .chars()
        .filter(|&c| !c.is_control() && !is_bidi_control(c))
        .collect();
    let shown = head_chars(&kept, MAX_LABEL_CHARS);
    if shown.is_empty() {
        "the chosen file".to_owned()
    } else {
        shown
    }
}

/// The greatest char boundary of `text` at or before `i` (clamped to its length).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The least char boundary of `text` at or after `i` (clamped to its length).
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_raises_an_ascii_first_letter_only() {
        assert_eq!(capitalised("the citations"), "The citations");
        assert_eq!(capitalised(""), "");
        assert_eq!(capitalised("élan"), "élan");
    }

    #[test]
    fn mebibytes_are_written_as_float_formatting_writes_them() {
        let tie = 1024 * 1024 / 20; // 0.05 MiB exactly: a tie between two tenths
        let mut sizes: Vec<u64> = vec![
            0,
            1,
            16 * 1024 * 1024,
            16 * 1024 * 1024 + 1,
            u64::from(u32::MAX),
        ];
        sizes.extend((1..400).flat_map(|k| [k * tie - 1, k * tie, k * tie + 1]));
        sizes.extend((0..2000u64).map(|k| k * 7919 * 131));
        for bytes in sizes {
            let float = format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0));
            assert_eq!(mib(bytes), float, "{bytes} bytes");
        }
        assert_eq!(mib(16 * 1024 * 1024), "16.0 MiB");
    }

    #[test]
    fn clipping_keeps_both_ends() {
        let long = format!("start {} end", "x".repeat(1000));
        let clipped = clip_middle(&long, 100);
        assert_eq!(clipped.chars().count(), 100);
        assert!(clipped.starts_with("start") && clipped.ends_with(" end"));
        assert_eq!(clip_middle("short", 100), "short");
    }

    #[test]
    fn heads_and_tails_are_cut_with_an_ellipsis() {
        assert_eq!(head_chars("abcdef", 3), "abc…");
        assert_eq!(head_chars("abc", 3), "abc");
        assert_eq!(head_chars("éèêë", 2), "éè…");
        assert_eq!(head_chars("", 0), "");
        assert_eq!(tail_chars("abcdef", 3), "…def");
        assert_eq!(tail_chars("abc", 3), "abc");
        assert_eq!(tail_chars("éèêë", 1), "…ë");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(0, "word", "words"), "words");
        assert_eq!(plural(1, "word", "words"), "word");
        assert_eq!(plural(2, "error was", "errors were"), "errors were");
        assert_eq!(count_noun(1, "item", "items"), "1 item");
        assert_eq!(count_noun(0, "item", "items"), "0 items");
        assert_eq!(count_noun(31, "item", "items"), "31 items");
    }

    #[test]
    fn bidi_controls_are_exactly_the_twelve() {
        let all: Vec<char> = ('\0'..='\u{FFFF}')
            .filter(|&c| is_bidi_control(c))
            .collect();
        assert_eq!(
            all,
            [
                '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
                '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'
            ]
        );
        assert_eq!(bidi_name('\u{202E}'), Some("RIGHT-TO-LEFT OVERRIDE"));
        assert_eq!(bidi_name('a'), None);
    }

    #[test]
    fn printable_escapes_control_and_bidi_characters() {
        assert_eq!(
            printable("$[\"\u{202E}x\"]\u{7}"),
            "$[\"\\u{202e}x\"]\\u{0007}"
        );
        assert_eq!(
            printable("two\nlines\tand a tab"),
            "two\nlines\\u{0009}and a tab"
        );
        assert_eq!(printable("plain é"), "plain é");
    }

    #[test]
    fn labels_drop_control_and_bidi_characters_and_are_cut() {
        assert_eq!(label_of("a\u{0}b\u{202E}nosj.exe"), "abnosj.exe");
        assert_eq!(label_of(""), "the chosen file");
        assert_eq!(label_of("\u{202E}\u{7}"), "the chosen file");
        let long = "x".repeat(MAX_LABEL_CHARS);
        assert_eq!(label_of(&long), long);
        let longer = format!("{long}\u{202E}");
        assert_eq!(
            label_of(&longer),
            long,
            "a dropped character does not count"
        );
        assert_eq!(label_of(&format!("{long}y")), format!("{long}…"));
    }

    #[test]
    fn boundaries_are_clamped_and_snap_to_characters() {
        let text = "aé";
        assert_eq!(floor_boundary(text, 2), 1);
        assert_eq!(ceil_boundary(text, 2), 3);
        assert_eq!(floor_boundary(text, 99), 3);
        assert_eq!(ceil_boundary(text, 99), 3);
    }
}
