//! Searching, filtering, faceted counting, sorting and highlighting of a data set's items.
//!
//! Everything here is built for many keystrokes over one data set: [`SearchIndex::new`] folds every
//! item's searchable text once into one contiguous buffer and interns its facet values, so that a
//! query is a few linear passes over plain bytes and small integer arrays, with no allocation per item.
//!
//! All text comparison goes through [`fold_char`], which makes search and highlighting insensitive to
//! case, to the accents of Latin letters and to typographic quotes, dashes and non-breaking spaces.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Mutex;

use crate::model::{Category, DataSet, Term};
use crate::state::{Filters, SortOrder};

// ---------------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------------

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
        // No character lowercases to more than three characters, and no lowercase character folds to
        // more than two, so six is always enough.
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

/// True for combining diacritical marks, which folding drops.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Folding used everywhere: lowercase (Unicode); curly quotes `‘ ’ ‚ ‛` → `'` and `“ ” „ ‟` → `"`;
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
            for lower in c.to_lowercase() {
                if let Some(base) = latin_base(lower) {
                    emit_str(base);
                } else if !is_combining_mark(lower) {
                    let mut buf = [0; 4];
                    emit_str(lower.encode_utf8(&mut buf));
                }
            }
        }
    }
}

/// How many bytes `c` folds to.
#[inline]
fn folded_len(c: char) -> usize {
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
fn fold_bytes_into(text: &str, out: &mut Vec<u8>) {
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
fn fold_cow(text: &str) -> Cow<'_, str> {
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

/// The words of a search, folded; empty when the search is blank. Repeated words are kept once, at
/// their first place, in one pass with a hash set (linear in the search's length, however many
/// times a word repeats).
pub fn search_terms(search: &str) -> Vec<String> {
    let folded = fold(search);
    let mut seen: HashSet<&str> = HashSet::new();
    folded
        .split_whitespace()
        .filter(|word| seen.insert(word))
        .map(str::to_owned)
        .collect()
}

/// The fewest characters a search word needs to be marked in the text. A single character matches
/// nearly everywhere ("n" is in every one of the article's items, 875 times over its cards), so
/// marking it shows the reader nothing; it still filters.
pub const MIN_MARKED_CHARS: usize = 2;

/// The search words that are marked in the text: those of at least [`MIN_MARKED_CHARS`]
/// characters, in the same order.
pub fn marked_terms(terms: &[String]) -> Vec<String> {
    terms
        .iter()
        .filter(|term| term.chars().count() >= MIN_MARKED_CHARS)
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Substring search
// ---------------------------------------------------------------------------------------------

/// How common a byte is in folded English text; higher is more common. Used to pick the two
/// rarest bytes of a needle as the ones to scan for.
fn byte_commonness(b: u8) -> u8 {
    COMMONNESS[b as usize]
}

const COMMONNESS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = commonness(b as u8);
        b += 1;
    }
    table
};

const fn commonness(b: u8) -> u8 {
    match b {
        b' ' => 255,
        b'e' => 250,
        b't' => 245,
        b'a' => 240,
        b'o' => 235,
        b'i' => 230,
        b'n' => 225,
        b's' => 220,
        b'r' => 215,
        b'h' => 210,
        b'l' => 205,
        b'd' => 200,
        b'c' => 195,
        b'u' => 190,
        b'm' => 185,
        b'f' => 180,
        b'p' => 175,
        b'g' => 170,
        b'w' => 165,
        b'y' => 160,
        b'b' => 155,
        b',' | b'.' => 150,
        b'v' => 140,
        b'k' => 130,
        b'\n' | b'-' | b'\'' => 120,
        0x80..=0xFF => 110,
        b'0'..=b'9' => 100,
        b'x' | b'j' => 90,
        b'q' | b'z' => 80,
        _ => 60,
    }
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// A substring searcher over bytes: scans eight positions at a time for the needle's two rarest
/// bytes (a SWAR version of the "generic SIMD" idea), then verifies candidates.
struct Finder<'n> {
    needle: &'n [u8],
    i1: usize,
    i2: usize,
    b1: u64,
    b2: u64,
}

impl<'n> Finder<'n> {
    fn new(needle: &'n [u8]) -> Self {
        debug_assert!(!needle.is_empty());
        // The rarest byte, then the rarest at another position (the first on ties).
        let rank = |i: usize| byte_commonness(needle[i]);
        let mut i1 = 0;
        for i in 1..needle.len() {
            if rank(i) < rank(i1) {
                i1 = i;
            }
        }
        let mut i2 = None;
        for i in 0..needle.len() {
            if i != i1 && i2.is_none_or(|j| rank(i) < rank(j)) {
                i2 = Some(i);
            }
        }
        let i2 = i2.unwrap_or(i1);
        Finder {
            needle,
            i1,
            i2,
            b1: LO * needle[i1] as u64,
            b2: LO * needle[i2] as u64,
        }
    }

    /// The first position at or after `from` where the needle starts.
    #[inline]
    fn find(&self, hay: &[u8], from: usize) -> Option<usize> {
        let n = self.needle.len();
        if hay.len() < n || from > hay.len() - n {
            return None;
        }
        let last_start = hay.len() - n;
        let reach = self.i1.max(self.i2);
        let mut p = from;
        // Eight candidate starts p..p+8 at a time, while both words lie inside the haystack.
        while p + reach + 8 <= hay.len() {
            let w1 = u64::from_le_bytes(hay[p + self.i1..p + self.i1 + 8].try_into().unwrap());
            let w2 = u64::from_le_bytes(hay[p + self.i2..p + self.i2 + 8].try_into().unwrap());
            let x1 = w1 ^ self.b1;
            let x2 = w2 ^ self.b2;
            // A bit at 8k+7 for each byte k that is (with rare false positives above a true zero) zero.
            let mut m = (x1.wrapping_sub(LO) & !x1) & (x2.wrapping_sub(LO) & !x2) & HI;
            while m != 0 {
                let start = p + (m.trailing_zeros() / 8) as usize;
                if start > last_start {
                    return None;
                }
                if &hay[start..start + n] == self.needle {
                    return Some(start);
                }
                m &= m - 1;
            }
            p += 8;
        }
        while p <= last_start {
            if hay[p + self.i1] == self.needle[self.i1] && &hay[p..p + n] == self.needle {
                return Some(p);
            }
            p += 1;
        }
        None
    }
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

/// Interned ids of one multi-valued facet (domains or actors): vocabulary ids first, in vocabulary
/// order, then any id that items use but the vocabulary lacks; and each item's distinct values.
#[derive(Debug, Clone)]
struct Multi {
    lookup: HashMap<String, u32>,
    /// Number of interned ids.
    count: usize,
    /// For each vocabulary term, its interned id.
    vocab: Vec<u32>,
    /// Item i's values are `values[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl Multi {
    fn new<'a>(vocabulary: &[Term], lists: impl Iterator<Item = &'a [String]>) -> Self {
        let mut lookup: HashMap<String, u32> = HashMap::new();
        let intern = |id: &str, lookup: &mut HashMap<String, u32>| -> u32 {
            let next = lookup.len() as u32;
            *lookup.entry(id.to_owned()).or_insert(next)
        };
        let vocab: Vec<u32> = vocabulary
            .iter()
            .map(|t| intern(&t.id, &mut lookup))
            .collect();
        let mut starts = vec![0u32];
        let mut values = Vec::new();
        for list in lists {
            let from = values.len();
            for id in list {
                let v = intern(id, &mut lookup);
                if !values[from..].contains(&v) {
                    values.push(v);
                }
            }
            starts.push(values.len() as u32);
        }
        let count = lookup.len();
        Multi {
            lookup,
            count,
            vocab,
            starts,
            values,
        }
    }

    #[inline]
    fn of(&self, item: usize) -> &[u32] {
        &self.values[self.starts[item] as usize..self.starts[item + 1] as usize]
    }

    /// Which interned ids a filter chose; `None` when it chose none (no constraint).
    fn chosen(&self, set: &BTreeSet<String>) -> Option<Vec<bool>> {
        if set.is_empty() {
            return None;
        }
        let mut chosen = vec![false; self.count];
        for id in set {
            if let Some(&v) = self.lookup.get(id.as_str()) {
                chosen[v as usize] = true;
            }
        }
        Some(chosen)
    }
}

/// Text prepared once per data set for fast, case- and accent-insensitive search.
///
/// Per item it holds a folded haystack of the title, summary, feasibility rationale, evidence
/// quotes and the people's names and roles (fields separated by line breaks), all items in one
/// buffer; and each item's facet values as small integers. Build it once per data set and pass it
/// with that same data set to the functions of this module.
///
/// It also remembers the answer to the last search (behind a mutex, so it stays `Send + Sync`):
/// [`filter_items`] and [`facet_counts`] for one keystroke search the text once, and a search that
/// refines the previous one (typing on) looks only in the items that matched before. Answers never
/// depend on this memory; a clone starts without it.
#[derive(Debug)]
pub struct SearchIndex {
    text: String,
    /// Item i's haystack is `text[starts[i]..starts[i + 1]]` (its last byte is a line break).
    starts: Vec<usize>,
    categories: Vec<u8>,
    levels: Vec<u8>,
    domains: Multi,
    actors: Multi,
    /// The last search's sorted terms and answer (see [`SearchIndex::search_mask`]).
    last_search: Mutex<Option<LastSearch>>,
}

#[derive(Debug)]
struct LastSearch {
    terms: Vec<String>,
    mask: Vec<bool>,
}

impl Clone for SearchIndex {
    fn clone(&self) -> Self {
        SearchIndex {
            text: self.text.clone(),
            starts: self.starts.clone(),
            categories: self.categories.clone(),
            levels: self.levels.clone(),
            domains: self.domains.clone(),
            actors: self.actors.clone(),
            last_search: Mutex::new(None),
        }
    }
}

fn category_index(c: Category) -> usize {
    Category::ALL.iter().position(|&x| x == c).unwrap_or(0)
}

impl SearchIndex {
    /// Folds and interns everything a query needs from `data`.
    pub fn new(data: &DataSet) -> Self {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(data.items.len() + 1);
        for item in &data.items {
            starts.push(text.len());
            let mut field = |s: &str| {
                fold_into(s, &mut text);
                text.push('\n');
            };
            field(&item.title);
            field(&item.summary);
            field(&item.feasibility.rationale);
            for q in &item.evidence {
                field(&q.quote);
            }
            for p in &item.people {
                field(&p.name);
                field(&p.role);
            }
        }
        starts.push(text.len());
        SearchIndex {
            text,
            starts,
            categories: data
                .items
                .iter()
                .map(|i| category_index(i.category) as u8)
                .collect(),
            levels: data.items.iter().map(|i| i.feasibility.level).collect(),
            domains: Multi::new(
                &data.vocabularies.domains,
                data.items.iter().map(|i| i.domains.as_slice()),
            ),
            actors: Multi::new(
                &data.vocabularies.actors,
                data.items.iter().map(|i| i.actors.as_slice()),
            ),
            last_search: Mutex::new(None),
        }
    }

    /// The number of items indexed.
    pub fn len(&self) -> usize {
        self.levels.len()
    }

    /// True when the data set has no items.
    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// Item `i`'s folded haystack: its searchable fields, each followed by a line break.
    pub fn haystack(&self, i: usize) -> &str {
        &self.text[self.starts[i]..self.starts[i + 1]]
    }

    /// For each item, whether every term occurs in its haystack; `None` when there are no terms.
    ///
    /// The last answer is kept: asking again with the same terms (as filtering and facet counting
    /// do for one keystroke) costs a copy, and asking with terms that refine it (each old term
    /// inside some new term, as when typing on) looks only in the items that matched before, and
    /// only for the new terms.
    fn search_mask(&self, terms: &[String]) -> Option<Vec<bool>> {
        // Each term once, in one pass (a hash set, not a sort: linear in the number of terms).
        let mut unique: HashSet<&str> = HashSet::new();
        let terms: Vec<String> = terms
            .iter()
            .filter(|t| !t.is_empty() && unique.insert(t.as_str()))
            .cloned()
            .collect();
        if terms.is_empty() {
            return None;
        }
        let mut last = self
            .last_search
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut mask = None;
        let mut to_check: Vec<&str> = terms.iter().map(String::as_str).collect();
        if let Some(prev) = last.as_ref() {
            // An old term kept as it was is found in the set; only a changed one is looked for
            // inside the new terms.
            if prev.terms.iter().all(|old| {
                unique.contains(old.as_str()) || terms.iter().any(|new| new.contains(old.as_str()))
            }) {
                mask = Some(prev.mask.clone());
                let old: HashSet<&str> = prev.terms.iter().map(String::as_str).collect();
                to_check.retain(|t| !old.contains(t));
            }
        }
        let mask = self.narrow(mask.unwrap_or_else(|| vec![true; self.len()]), &to_check);
        *last = Some(LastSearch {
            terms,
            mask: mask.clone(),
        });
        Some(mask)
    }

    /// Clears `mask` for the items that lack one of `terms`.
    fn narrow(&self, mut mask: Vec<bool>, terms: &[&str]) -> Vec<bool> {
        let n = self.len();
        let hay = self.text.as_bytes();
        let mut alive = mask.iter().filter(|&&ok| ok).count();
        for &term in terms {
            if alive == 0 {
                break;
            }
            let finder = Finder::new(term.as_bytes());
            if alive * 8 < n {
                // Few items left: look only in them.
                for (i, ok) in mask.iter_mut().enumerate() {
                    if *ok {
                        let (s, e) = (self.starts[i], self.starts[i + 1]);
                        if finder.find(&hay[s..e], 0).is_none() {
                            *ok = false;
                            alive -= 1;
                        }
                    }
                }
            } else {
                // One scan of the whole buffer; after a hit, skip to the next item.
                let mut found = vec![false; n];
                let mut pos = 0;
                let mut item = 0;
                while let Some(p) = finder.find(hay, pos) {
                    // Hits only move forward, and usually land in the next item: walk, don't search.
                    while self.starts[item + 1] <= p {
                        item += 1;
                    }
                    if p + term.len() <= self.starts[item + 1] {
                        found[item] = true;
                        pos = self.starts[item + 1];
                    } else {
                        // A match across two items' haystacks: not a match of either.
                        pos = p + 1;
                    }
                }
                alive = 0;
                for (ok, f) in mask.iter_mut().zip(found) {
                    *ok &= f;
                    alive += *ok as usize;
                }
            }
        }
        mask
    }
}

// ---------------------------------------------------------------------------------------------
// Filtering
// ---------------------------------------------------------------------------------------------

/// The filters' facet choices turned into lookup tables over the index's small integers.
struct Compiled {
    categories: Option<[bool; 4]>,
    levels: Option<[bool; 256]>,
    domains: Option<Vec<bool>>,
    actors: Option<Vec<bool>>,
}

impl Compiled {
    fn new(index: &SearchIndex, filters: &Filters) -> Self {
        let categories = (!filters.categories.is_empty()).then(|| {
            let mut t = [false; 4];
            for &c in &filters.categories {
                t[category_index(c)] = true;
            }
            t
        });
        let levels = (!filters.levels.is_empty()).then(|| {
            let mut t = [false; 256];
            for &l in &filters.levels {
                t[l as usize] = true;
            }
            t
        });
        Compiled {
            categories,
            levels,
            domains: index.domains.chosen(&filters.domains),
            actors: index.actors.chosen(&filters.actors),
        }
    }

    /// Whether item `i` passes each facet: (category, level, domain, actor).
    #[inline]
    fn passes(&self, index: &SearchIndex, i: usize) -> [bool; 4] {
        let any = |chosen: &Option<Vec<bool>>, multi: &Multi| match chosen {
            None => true,
            Some(t) => multi.of(i).iter().any(|&v| t[v as usize]),
        };
        [
            self.categories
                .is_none_or(|t| t[index.categories[i] as usize]),
            self.levels.is_none_or(|t| t[index.levels[i] as usize]),
            any(&self.domains, &index.domains),
            any(&self.actors, &index.actors),
        ]
    }
}

/// Whether item `i` passes the filters: for every facet, either nothing is chosen or the item has at
/// least one of the chosen options; and every term (as [`search_terms`] gives them, from
/// `filters.search` or otherwise) occurs in the item's haystack. `filters.search` itself is not
/// read here: pass its terms.
pub fn item_matches(
    data: &DataSet,
    index: &SearchIndex,
    i: usize,
    filters: &Filters,
    terms: &[String],
) -> bool {
    let item = &data.items[i];
    let facets = (filters.categories.is_empty() || filters.categories.contains(&item.category))
        && (filters.levels.is_empty() || filters.levels.contains(&item.feasibility.level))
        && (filters.domains.is_empty() || item.domains.iter().any(|d| filters.domains.contains(d)))
        && (filters.actors.is_empty() || item.actors.iter().any(|a| filters.actors.contains(a)));
    facets && {
        let hay = index.haystack(i).as_bytes();
        terms
            .iter()
            .filter(|t| !t.is_empty())
            .all(|t| Finder::new(t.as_bytes()).find(hay, 0).is_some())
    }
}

/// The indices of the items that pass `filters` (facets and search), in article order.
pub fn filter_items(data: &DataSet, index: &SearchIndex, filters: &Filters) -> Vec<usize> {
    debug_assert_eq!(
        data.items.len(),
        index.len(),
        "the index was built from another data set"
    );
    let mask = index.search_mask(&search_terms(&filters.search));
    let compiled = Compiled::new(index, filters);
    (0..index.len())
        .filter(|&i| {
            mask.as_ref().is_none_or(|m| m[i]) && compiled.passes(index, i).iter().all(|&p| p)
        })
        .collect()
}

/// Orders item indices. Stable, with ties in article order (by index); [`SortOrder::Title`]
/// compares folded titles.
pub fn sort_items(data: &DataSet, indices: &mut [usize], order: SortOrder) {
    match order {
        SortOrder::Article => indices.sort_unstable(),
        SortOrder::FeasibilityDesc => indices
            .sort_unstable_by_key(|&i| (std::cmp::Reverse(data.items[i].feasibility.level), i)),
        SortOrder::FeasibilityAsc => {
            indices.sort_unstable_by_key(|&i| (data.items[i].feasibility.level, i))
        }
        SortOrder::Title => {
            let mut keyed: Vec<(String, usize)> = indices
                .iter()
                .map(|&i| (fold(&data.items[i].title), i))
                .collect();
            keyed.sort_unstable();
            for (slot, (_, i)) in indices.iter_mut().zip(keyed) {
                *slot = i;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Facet counts
// ---------------------------------------------------------------------------------------------

/// For each option of each facet, how many items would remain if that option were chosen
/// together with all the OTHER facets' current choices and the search (within the option's own
/// facet, counted as if only this option were chosen). Options in vocabulary/scale order; every
/// option is listed, zero counts included. Categories follow [`Category::ALL`] but only those in
/// the vocabulary; levels follow `feasibility_scale`'s order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetCounts {
    pub categories: Vec<(Category, usize)>,
    pub levels: Vec<(u8, usize)>,
    pub domains: Vec<(String, usize)>,
    pub actors: Vec<(String, usize)>,
}

/// Computes [`FacetCounts`] in one pass over the items: an item that passes the search and every
/// facet counts for all its options; one that fails exactly one facet counts only for that
/// facet's options it has.
pub fn facet_counts(data: &DataSet, index: &SearchIndex, filters: &Filters) -> FacetCounts {
    debug_assert_eq!(
        data.items.len(),
        index.len(),
        "the index was built from another data set"
    );
    let mask = index.search_mask(&search_terms(&filters.search));
    let compiled = Compiled::new(index, filters);
    let mut categories = [0usize; 4];
    let mut levels = [0usize; 256];
    let mut domains = vec![0usize; index.domains.count];
    let mut actors = vec![0usize; index.actors.count];
    for i in 0..index.len() {
        if mask.as_ref().is_some_and(|m| !m[i]) {
            continue;
        }
        let passes = compiled.passes(index, i);
        let fails = passes.iter().filter(|&&p| !p).count();
        if fails > 1 {
            continue;
        }
        // With no failure, count for every facet; with one, only for the failing facet.
        let counts_for = |f: usize| fails == 0 || !passes[f];
        if counts_for(0) {
            categories[index.categories[i] as usize] += 1;
        }
        if counts_for(1) {
            levels[index.levels[i] as usize] += 1;
        }
        if counts_for(2) {
            for &v in index.domains.of(i) {
                domains[v as usize] += 1;
            }
        }
        if counts_for(3) {
            for &v in index.actors.of(i) {
                actors[v as usize] += 1;
            }
        }
    }
    let vocabulary = |terms: &[Term], multi: &Multi, counts: &[usize]| -> Vec<(String, usize)> {
        terms
            .iter()
            .zip(&multi.vocab)
            .map(|(t, &v)| (t.id.clone(), counts[v as usize]))
            .collect()
    };
    FacetCounts {
        categories: Category::ALL
            .into_iter()
            .filter(|c| data.vocabularies.categories.iter().any(|t| t.id == c.id()))
            .map(|c| (c, categories[category_index(c)]))
            .collect(),
        levels: data
            .feasibility_scale
            .iter()
            .map(|l| (l.level, levels[l.level as usize]))
            .collect(),
        domains: vocabulary(&data.vocabularies.domains, &index.domains, &domains),
        actors: vocabulary(&data.vocabularies.actors, &index.actors, &actors),
    }
}

// ---------------------------------------------------------------------------------------------
// Highlighting
// ---------------------------------------------------------------------------------------------

/// Byte ranges of `text` where any search term matches (case- and accent-insensitively, through
/// [`fold_char`]; terms are folded here too, so raw words work as well as [`search_terms`]),
/// merged when they overlap or touch, sorted, and always on char boundaries of the original
/// `text`. A match that begins or ends inside what one original character folds to (such as the
/// second `s` of `ß`) covers that whole character.
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    if text.is_empty() || terms.iter().all(String::is_empty) {
        return ranges;
    }
    FOLD_SCRATCH.with(|scratch| {
        let mut folded = scratch.borrow_mut();
        folded.clear();
        fold_bytes_into(text, &mut folded);
        let hay = folded.as_slice();
        for term in terms {
            let term = fold_cow(term);
            if term.is_empty() {
                continue;
            }
            let finder = Finder::new(term.as_bytes());
            let mut pos = 0;
            while let Some(p) = finder.find(hay, pos) {
                ranges.push(p..p + term.len());
                // Overlapping matches too: move on by the match's first character.
                pos = p + utf8_len(hay[p]);
            }
        }
    });
    merge_ranges(&mut ranges);
    if !ranges.is_empty() && !text.is_ascii() {
        // Folding ASCII only lowercases it, so offsets need mapping only for other text.
        to_original(text, &mut ranges);
        merge_ranges(&mut ranges);
    }
    ranges
}

thread_local! {
    /// Reused buffer for the folded text in [`highlight_ranges`], to spare an allocation per call.
    static FOLD_SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Maps sorted, disjoint byte ranges of `fold(text)` to byte ranges of `text`, in one walk: a range
/// starts where the character that its first folded byte comes from starts, and ends where the
/// character that its last folded byte comes from ends (including accents after it that folding dropped).
fn to_original(text: &str, ranges: &mut [Range<usize>]) {
    let bytes = text.as_bytes();
    // The walk's place: the start of a character in `text`, and of its folded form.
    let (mut at, mut folded) = (0, 0);
    // The start and length of the character that folded byte `q` comes from; `q` never decreases.
    let mut seek = |q: usize| -> (usize, usize) {
        while at < bytes.len() {
            if bytes[at].is_ascii() {
                // ASCII folds byte for byte: skip up to `q` or the next other character.
                let want = q - folded + 1;
                let limit = want.min(bytes.len() - at);
                match Some(ascii_prefix_len(&bytes[at..at + limit])).filter(|&k| k < limit) {
                    None if limit == want => {
                        at += want - 1;
                        folded = q;
                        return (at, 1);
                    }
                    None => {
                        at += limit;
                        folded += limit;
                    }
                    Some(k) => {
                        at += k;
                        folded += k;
                    }
                }
            } else {
                let Some(c) = text[at..].chars().next() else {
                    break;
                };
                let width = folded_len(c);
                if q < folded + width {
                    return (at, c.len_utf8());
                }
                at += c.len_utf8();
                folded += width;
            }
        }
        (at, 0)
    };
    for r in ranges.iter_mut() {
        let (start, _) = seek(r.start);
        let (last, last_len) = seek(r.end - 1);
        let mut end = last + last_len;
        while let Some(c) = text[end..].chars().next() {
            if folded_len(c) > 0 {
                break;
            }
            end += c.len_utf8();
        }
        *r = start..end;
    }
}

/// The length of the ASCII run at the start of `bytes`, looked at eight bytes at a time.
#[inline]
fn ascii_prefix_len(bytes: &[u8]) -> usize {
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

/// The length of the UTF-8 sequence that starts with `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Sorts ranges and merges those that overlap or touch.
fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    if ranges.len() < 2 {
        return;
    }
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out = 0;
    for k in 1..ranges.len() {
        let next = ranges[k].clone();
        if next.start <= ranges[out].end {
            ranges[out].end = ranges[out].end.max(next.end);
        } else {
            out += 1;
            ranges[out] = next;
        }
    }
    ranges.truncate(out + 1);
}

/// Splits `text` into `(segment, is_match)` pieces from [`highlight_ranges`], for rendering.
/// Empty pieces are left out; ranges that are out of order, overlap, run past the end or fall
/// inside a character are tolerated (clamped to the text and widened to whole characters).
pub fn split_highlights<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut pieces = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        let start = floor_boundary(text, r.start).max(at);
        let end = ceil_boundary(text, r.end);
        if end <= start {
            continue;
        }
        if start > at {
            pieces.push((&text[at..start], false));
        }
        pieces.push((&text[start..end], true));
        at = end;
    }
    if at < text.len() {
        pieces.push((&text[at..], false));
    }
    pieces
}

/// The greatest char boundary of `text` at or before `i` (clamped to its length).
pub(crate) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The least char boundary of `text` at or after `i` (clamped to its length).
pub(crate) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
