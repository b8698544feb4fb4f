//! Folding for search and highlighting: lowercase, typographic quotes, dashes and non-breaking spaces made plain, and
//! the accents of Latin letters dropped, one character at a time ([`fold_char`]) or for whole texts, ASCII eight bytes
//! at a time.

use std::borrow::Cow;

/// The folded form of one character, as [`fold_char`] gives it: no character (for a combining
/// accent), one, or a few (for ligatures such as `æ` → `ae` or `ß` → `ss`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Folded {
    buf: [char; 6],
    len: u8,
    pos: u8,
}

impl Folded {
    const fn empty() -> Self {
        Folded {
            buf: ['\0'; 6],
            len: 0,
            pos: 0,
        }
    }

    fn push(&mut self, c: char) {
        // A character lowercases to one character, and no lowercase character folds to more than two,
        // so six is always enough.
        if (self.len as usize) < self.buf.len() {
            self.buf[self.len as usize] = c;
            self.len += 1;
        }
    }
}

impl Iterator for Folded {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if self.pos < self.len {
            let c = self.buf[self.pos as usize];
            self.pos += 1;
            Some(c)
        } else {
            None
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.len - self.pos) as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Folded {}

/// Base letters of U+00C0..=U+00FF. `*` marks a letter that folds to two letters (see
/// [`latin_special`]); `.` a character that is not a letter with an accent (× and ÷).
const LATIN_1: &[u8; 64] = b"aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*y";

/// Base letters of Latin Extended-A, U+0100..=U+017F, with the same conventions as [`LATIN_1`].
const LATIN_EXTENDED_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll\
lllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

fn latin_special(c: char) -> &'static str {
    match c {
        'Æ' | 'æ' => "ae",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        _ => "",
    }
}

/// The unaccented base of a Latin letter, for Latin-1, Latin Extended-A and the Romanian comma
/// letters; `None` for anything else.
fn latin_base(c: char) -> Option<&'static str> {
    let code = c as u32;
    let byte = match code {
        0xC0..=0xFF => LATIN_1[(code - 0xC0) as usize],
        0x100..=0x17F => LATIN_EXTENDED_A[(code - 0x100) as usize],
        0x218 | 0x219 => b's',
        0x21A | 0x21B => b't',
        _ => return None,
    };
    match byte {
        b'.' => None,
        b'*' => Some(latin_special(c)),
        b => {
            // Every letter is ASCII, so index a static alphabet to get a `&'static str`.
            const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz";
            let i = (b - b'a') as usize;
            Some(&ALPHABET[i..=i])
        }
    }
}

/// Lowercase letters beyond Latin-1 and Latin Extended-A, as runs `(first, last, offset, step)`: every `step`-th
/// code point from `first` to `last` lowercases to itself plus `offset`. They cover Greek and Coptic, Cyrillic and its
/// supplement, Armenian, Latin Extended Additional (with `ẞ` → `ß`), the Ohm, Kelvin and Ångström signs and fullwidth
/// Latin, each exactly as Unicode's simple lowercase mapping (a test checks every code point of these blocks). Other
/// scripts' capitals are left as they are, so they match case-sensitively: a table of twenty-odd runs instead of the
/// standard library's case tables (11.7 KB of wasm), which nothing in the article's text needs.
const LOWERCASE_RUNS: [(u16, u16, i16, u8); 31] = [
    (0x0370, 0x0372, 1, 2),
    (0x0376, 0x0376, 1, 1),
    (0x037F, 0x037F, 116, 1),
    (0x0386, 0x0386, 38, 1),
    (0x0388, 0x038A, 37, 1),
    (0x038C, 0x038C, 64, 1),
    (0x038E, 0x038F, 63, 1),
    (0x0391, 0x03A1, 32, 1),
    (0x03A3, 0x03AB, 32, 1),
    (0x03CF, 0x03CF, 8, 1),
    (0x03D8, 0x03EE, 1, 2),
    (0x03F4, 0x03F4, -60, 1),
    (0x03F7, 0x03F7, 1, 1),
    (0x03F9, 0x03F9, -7, 1),
    (0x03FA, 0x03FA, 1, 1),
    (0x03FD, 0x03FF, -130, 1),
    (0x0400, 0x040F, 80, 1),
    (0x0410, 0x042F, 32, 1),
    (0x0460, 0x0480, 1, 2),
    (0x048A, 0x04BE, 1, 2),
    (0x04C0, 0x04C0, 15, 1),
    (0x04C1, 0x04CD, 1, 2),
    (0x04D0, 0x052E, 1, 2),
    (0x0531, 0x0556, 48, 1),
    (0x1E00, 0x1E94, 1, 2),
    (0x1E9E, 0x1E9E, -7615, 1),
    (0x1EA0, 0x1EFE, 1, 2),
    (0x2126, 0x2126, -7517, 1),
    (0x212A, 0x212A, -8383, 1),
    (0x212B, 0x212B, -8262, 1),
    (0xFF21, 0xFF3A, 32, 1),
];

/// The lowercase form of a character that is neither ASCII nor in [`latin_base`]'s tables, by [`LOWERCASE_RUNS`].
fn lowercase(c: char) -> char {
    let code = c as u32;
    for &(first, last, offset, step) in &LOWERCASE_RUNS {
        let (first, last) = (first as u32, last as u32);
        if code < first {
            break;
        }
        if code <= last && (code - first).is_multiple_of(step as u32) {
            return char::from_u32(code.wrapping_add_signed(offset as i32)).unwrap_or(c);
        }
    }
    c
}

/// True for combining diacritical marks, which folding drops.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Folding used everywhere: lowercase (ASCII, Latin, Greek, Cyrillic and Armenian: see [`LOWERCASE_RUNS`]); curly quotes `‘ ’ ‚ ‛` → `'` and `“ ” „ ‟` → `"`;
/// hyphens and dashes (U+2010..=U+2015, minus sign) → `-`; non-breaking spaces (U+00A0, U+2007,
/// U+202F) → space; accented Latin-1 and Latin Extended-A letters → their base letter (`é` → `e`,
/// `ł` → `l`, `æ` → `ae`, `ß` → `ss`); combining accents dropped.
///
/// Folding is idempotent: folding folded text changes nothing.
pub fn fold_char(c: char) -> Folded {
    let mut out = Folded::empty();
    fold_char_with(c, |f| out.push(f));
    out
}

/// [`fold_char`] without the buffer: gives each folded character to `emit`.
#[inline]
fn fold_char_with(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        return emit(c.to_ascii_lowercase());
    }
    let mut emit_str = |s: &str| s.chars().for_each(&mut emit);
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => emit_str("'"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => emit_str("\""),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => emit_str("-"),
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => emit_str(" "),
        _ => {
            // The tables hold both cases, so most accented letters need no case lookup.
            if let Some(base) = latin_base(c) {
                return emit_str(base);
            }
            let lower = lowercase(c);
            if let Some(base) = latin_base(lower) {
                emit_str(base);
            } else if !is_combining_mark(lower) {
                let mut buf = [0; 4];
                emit_str(lower.encode_utf8(&mut buf));
            }
        }
    }
}

/// How many bytes `c` folds to.
#[inline]
pub(super) fn folded_len(c: char) -> usize {
    let mut len = 0;
    fold_char_with(c, |f| len += f.len_utf8());
    len
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII is copied and lowercased in place.
        let run = i + ascii_prefix_len(&bytes[i..]);
        if run > i {
            let from = out.len();
            out.push_str(&text[i..run]);
            out.as_mut_str()[from..].make_ascii_lowercase();
            i = run;
        }
        if let Some(c) = text[i..].chars().next() {
            fold_char_with(c, |f| out.push(f));
            i += c.len_utf8();
        }
    }
}

/// Appends the UTF-8 bytes of the folded form of `text` to `out`; ASCII goes eight bytes at a time.
pub(super) fn fold_bytes_into(text: &str, out: &mut Vec<u8>) {
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(word.try_into().unwrap_or([0x80; 8]));
            if w & HI == 0 {
                out.extend_from_slice(&ascii_lowercase_word(w).to_le_bytes());
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii() {
            out.push(b.to_ascii_lowercase());
            i += 1;
        } else if let Some(c) = text[i..].chars().next() {
            fold_char_with(c, |f| {
                out.extend_from_slice(f.encode_utf8(&mut [0; 4]).as_bytes())
            });
            i += c.len_utf8();
        }
    }
}

/// Lowercases eight ASCII bytes at once.
#[inline]
fn ascii_lowercase_word(w: u64) -> u64 {
    let at_least_a = w.wrapping_add(LO * 0x3F); // high bit set where the byte is >= b'A'
    let past_z = w.wrapping_add(LO * 0x25); // high bit set where the byte is > b'Z'
    w | ((at_least_a & !past_z & HI) >> 2)
}

/// The folded form of `text` (see [`fold_char`]).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// `text` folded, borrowing it when folding would not change it.
pub(super) fn fold_cow(text: &str) -> Cow<'_, str> {
    let unchanged = text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        || text.chars().all(|c| {
            let mut f = fold_char(c);
            f.next() == Some(c) && f.next().is_none()
        });
    if unchanged {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(fold(text))
    }
}

/// Eight bytes of 0x01: with [`HI`], the constants of the eight-bytes-at-a-time ASCII tests.
pub(super) const LO: u64 = 0x0101_0101_0101_0101;
/// Eight bytes of 0x80: the high bit of every byte of a word.
pub(super) const HI: u64 = 0x8080_8080_8080_8080;

/// The length of the ASCII run at the start of `bytes`, looked at eight bytes at a time.
#[inline]
pub(super) fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let high = u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8])) & HI;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(bytes.len() - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding as it was with the standard library's full Unicode lowercasing: the reference that the runs must
    /// match wherever they claim to.
    fn reference_fold(c: char) -> String {
        let mut out = String::new();
        if c.is_ascii() || latin_base(c).is_some() || !lowercase_matters(c) {
            out.extend(fold_char(c));
            return out;
        }
        for lower in c.to_lowercase() {
            match latin_base(lower) {
                Some(base) => out.push_str(base),
                None if is_combining_mark(lower) => {}
                None => out.push(lower),
            }
        }
        out
    }

    /// Whether the standard library lowercases `c` to something else.
    fn lowercase_matters(c: char) -> bool {
        !c.to_lowercase().eq(std::iter::once(c))
    }

    #[test]
    fn the_runs_are_unicode_lowercase_in_every_block_they_cover() {
        let blocks = [
            0x0370..=0x03FF,
            0x0400..=0x052F,
            0x0530..=0x058F,
            0x1E00..=0x1EFF,
            0x2126..=0x212B,
            0xFF00..=0xFF5E,
        ];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            let mut std_lower = c.to_lowercase();
            let expected = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) => l,
                _ => c,
            };
            assert_eq!(lowercase(c), expected, "U+{:04X}", c as u32);
        }
        for pair in LOWERCASE_RUNS.windows(2) {
            assert!(pair[0].1 < pair[1].0, "runs in order: {pair:?}");
        }
    }

    #[test]
    fn the_bundled_texts_fold_as_with_full_unicode_lowercasing() {
        let texts = [
            include_str!("../../../data/potential-fruits.json"),
            include_str!("../../../data/hindsight.json"),
            "ÀÉÎÕÜ àéîõü Çç Ññ Ææ Œœ ß ẞ İ ı Ĳ ŀ Ł ł Şş Șș Țț Ÿ ſ ‘’ “” ‐–—― \u{a0}x Ωω Привет Ѐ Ա Ẁ 日本 😀",
        ];
        for c in texts.iter().flat_map(|t| t.chars()) {
            assert_eq!(
                fold_char(c).collect::<String>(),
                reference_fold(c),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
