//! The view state in the address: reads and writes the URL fragment (`#view=matrix&cat=risk&level=4,5`), and reads
//! the one setting of the query string, the `?data=` address of another data set ([`data_param`]).
//!
//! The fragment is the source of truth for [`ViewState`]. It holds `key=value` pairs joined by `&`, so the
//! explorer works on any static host and from `file://`. [`to_fragment`] writes the canonical form: keys in a
//! fixed order, defaults left out, set values sorted and comma-separated, everything but the unreserved
//! characters `A-Za-z0-9-._~` percent-encoded as UTF-8. [`parse_fragment`] reads any text at all without
//! panicking; whatever it cannot use it drops, and says so in a [`UrlNotice`].
//!
//! For every state whose ids are known, `parse_fragment(&to_fragment(&s), known) == (s, vec![])`.

use std::collections::{BTreeSet, HashSet};
use std::fmt;

use crate::model::{Category, DataSet};
use crate::state::{MatrixRows, PassageRef, SortOrder, View, ViewState};
use crate::text::head_chars;

/// The longest search text the URL keeps, in characters; longer text is cut with a notice.
pub const MAX_SEARCH_CHARS: usize = 200;

/// The largest evidence index a `passage` may name; larger ones are dropped with a notice.
pub const MAX_EVIDENCE_INDEX: usize = 1000;

/// How many characters of a value a notice quotes before cutting it with "…".
const NOTICE_VALUE_CHARS: usize = 40;

/// What the parser needs to know about the data set to check ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownIds<'a> {
    /// The levels of the feasibility scale.
    pub levels: Vec<u8>,
    /// The ids of the domain vocabulary.
    pub domains: Vec<&'a str>,
    /// The ids of the actor vocabulary.
    pub actors: Vec<&'a str>,
    /// The ids of the items.
    pub items: Vec<&'a str>,
}

impl<'a> KnownIds<'a> {
    /// The levels, domain, actor and item ids of a data set.
    pub fn of(data: &'a DataSet) -> Self {
        KnownIds {
            levels: data.feasibility_scale.iter().map(|l| l.level).collect(),
            domains: data
                .vocabularies
                .domains
                .iter()
                .map(|t| t.id.as_str())
                .collect(),
            actors: data
                .vocabularies
                .actors
                .iter()
                .map(|t| t.id.as_str())
                .collect(),
            items: data.items.iter().map(|i| i.id.as_str()).collect(),
        }
    }
}

/// A part of the URL that was dropped, said in plain words for the reader, e.g. `Ignored unknown domain "foo".`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlNotice(pub String);

impl fmt::Display for UrlNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

crate::keyed_enum! {
    /// The keys of the fragment, in the order [`to_fragment`] writes them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Key {
        View = "view",
        Cat = "cat",
        Level = "level",
        Domain = "domain",
        Actor = "actor",
        Q = "q",
        Sort = "sort",
        Rows = "rows",
        Excluded = "excluded",
        Item = "item",
        Passage = "passage",
        Hindsight = "hindsight",
        Embed = "embed",
    }
}

impl Key {
    fn index(self) -> usize {
        self as usize
    }
}

/// Whether `name` is one of the fragment's keys (`view`, `cat`, … `embed`).
pub(crate) fn is_key(name: &str) -> bool {
    Key::from_id(name).is_some()
}

/// Writes a view state as a fragment, without the leading `#`; the default state gives `""`.
///
/// Keys come in the order `view, cat, level, domain, actor, q, sort, rows, excluded, item, passage,
/// hindsight, embed`; defaults are left out; set values are sorted and comma-separated.
pub fn to_fragment(state: &ViewState) -> String {
    let mut out = String::new();
    let mut put = |key: Key, value: String| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key.id());
        out.push('=');
        out.push_str(&value);
    };
    fn list<'s>(values: impl Iterator<Item = &'s str>) -> String {
        values.map(encode).collect::<Vec<_>>().join(",")
    }

    let f = &state.filters;
    if state.view != View::default() {
        put(Key::View, encode(state.view.id()));
    }
    if !f.categories.is_empty() {
        put(Key::Cat, list(f.categories.iter().map(|c| c.id())));
    }
    if !f.levels.is_empty() {
        let levels: Vec<String> = f.levels.iter().map(u8::to_string).collect();
        put(Key::Level, levels.join(","));
    }
    if !f.domains.is_empty() {
        put(Key::Domain, list(f.domains.iter().map(String::as_str)));
    }
    if !f.actors.is_empty() {
        put(Key::Actor, list(f.actors.iter().map(String::as_str)));
    }
    if !f.search.is_empty() {
        put(Key::Q, encode(&f.search));
    }
    if state.sort != SortOrder::default() {
        put(Key::Sort, encode(state.sort.id()));
    }
    if state.matrix_rows != MatrixRows::default() {
        put(Key::Rows, encode(state.matrix_rows.id()));
    }
    if state.hide_excluded {
        put(Key::Excluded, "hide".to_string());
    }
    if let Some(item) = &state.open_item {
        put(Key::Item, encode(item));
    }
    if let Some(p) = &state.passage {
        put(Key::Passage, format!("{}.{}", encode(&p.item), p.evidence));
    }
    if state.hindsight {
        put(Key::Hindsight, "1".to_string());
    }
    if state.embed {
        put(Key::Embed, "1".to_string());
    }
    out
}

/// Percent-encodes every byte of `text` except the unreserved characters `A-Za-z0-9-._~`.
pub(crate) fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// Reads a fragment (with or without its leading `#`) into a view state, with a notice for every part dropped.
///
/// It never panics. Empty pairs are skipped; a pair without `=` is dropped; `a=b=c` has the value `b=c`; of a
/// key given more than once the last wins. Values are percent-decoded (`+` and `%20` are spaces); a `%` that
/// starts no valid escape is kept as typed and bytes that are not UTF-8 become U+FFFD, each with a notice.
/// Unknown keys, and values naming no known view, category, level, domain, actor, item or passage, are dropped.
/// An empty value (`cat=`, `item=`) means the default. Keys and values are case-sensitive.
pub fn parse_fragment(fragment: &str, known: &KnownIds) -> (ViewState, Vec<UrlNotice>) {
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut notices = Notices::default();

    // The last value of each key and how often it came, and the order in which keys first came,
    // so that notices follow the address from left to right.
    let mut given: [Option<(&str, usize)>; Key::ALL.len()] = [None; Key::ALL.len()];
    let mut steps: Vec<Step> = Vec::new();
    let mut unknown_seen: HashSet<String> = HashSet::new();

    for pair in body.split('&') {
        if pair.is_empty() {
            continue;
        }
        let (raw_key, raw_value) = match pair.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (pair, None),
        };
        let key_text = decode(raw_key).text;
        let Some(key) = Key::from_id(&key_text) else {
            if unknown_seen.insert(key_text.clone()) {
                steps.push(Step::Say(format!(
                    "Ignored unknown setting \"{}\".",
                    clip(&key_text)
                )));
            }
            continue;
        };
        let Some(raw_value) = raw_value else {
            steps.push(Step::Say(format!(
                "Ignored \"{}\" because it has no value.",
                key.id()
            )));
            continue;
        };
        let slot = &mut given[key.index()];
        match slot {
            Some((value, count)) => {
                *value = raw_value;
                *count += 1;
            }
            None => {
                *slot = Some((raw_value, 1));
                steps.push(Step::Read(key));
            }
        }
    }

    let mut state = ViewState::default();
    for step in steps {
        match step {
            Step::Say(text) => notices.push(text),
            Step::Read(key) => {
                let Some((raw, count)) = given[key.index()] else {
                    continue;
                };
                if count > 1 {
                    notices.push(format!(
                        "\"{}\" was given {count} times; used the last one.",
                        key.id()
                    ));
                }
                let mut reader = Reader::new(key);
                reader.apply(raw, known, &mut state, &mut notices);
                reader.report(&mut notices);
            }
        }
    }
    (state, notices.into_vec())
}

/// One thing to do, in address order, once all pairs are split.
enum Step {
    Say(String),
    Read(Key),
}

/// Notices in order, each said once.
#[derive(Default)]
struct Notices {
    list: Vec<UrlNotice>,
    seen: HashSet<String>,
}

impl Notices {
    fn push(&mut self, text: String) {
        if self.seen.insert(text.clone()) {
            self.list.push(UrlNotice(text));
        }
    }

    fn into_vec(self) -> Vec<UrlNotice> {
        self.list
    }
}

/// Reads the value of one key, remembering decoding trouble to report once for the key.
struct Reader {
    key: Key,
    /// The first `%` that started no valid escape, with what followed it.
    broken_escape: Option<String>,
    invalid_utf8: bool,
}

impl Reader {
    fn new(key: Key) -> Self {
        Reader {
            key,
            broken_escape: None,
            invalid_utf8: false,
        }
    }

    fn decode(&mut self, raw: &str) -> String {
        let d = decode(raw);
        if self.broken_escape.is_none() {
            self.broken_escape = d.broken_escape;
        }
        self.invalid_utf8 |= d.invalid_utf8;
        d.text
    }

    fn report(self, notices: &mut Notices) {
        let key = self.key.id();
        if let Some(escape) = self.broken_escape {
            notices.push(format!(
                "Kept \"{escape}\" in \"{key}\" as typed: it is not a valid %-escape."
            ));
        }
        if self.invalid_utf8 {
            notices.push(format!(
                "Replaced bytes in \"{key}\" that are not valid text with \"\u{FFFD}\"."
            ));
        }
    }

    /// Decodes a comma-separated list and keeps the values `lookup` knows; empty entries are skipped.
    fn list<T: Ord>(
        &mut self,
        raw: &str,
        noun: &str,
        notices: &mut Notices,
        lookup: impl Fn(&str) -> Option<T>,
    ) -> BTreeSet<T> {
        let mut set = BTreeSet::new();
        for part in raw.split(',') {
            let text = self.decode(part);
            match lookup(&text) {
                Some(value) => {
                    set.insert(value);
                }
                None if text.is_empty() => {}
                None => notices.push(format!("Ignored unknown {noun} \"{}\".", clip(&text))),
            }
        }
        set
    }

    fn apply(&mut self, raw: &str, known: &KnownIds, state: &mut ViewState, notices: &mut Notices) {
        let f = &mut state.filters;
        match self.key {
            Key::Cat => f.categories = self.list(raw, "category", notices, Category::from_id),
            Key::Level => {
                f.levels = self.list(raw, "level", notices, |t| {
                    let level = parse_digits(t)?;
                    u8::try_from(level)
                        .ok()
                        .filter(|l| known.levels.contains(l))
                })
            }
            Key::Domain => {
                f.domains = self.list(raw, "domain", notices, |t| find(&known.domains, t))
            }
            Key::Actor => f.actors = self.list(raw, "actor", notices, |t| find(&known.actors, t)),
            Key::Q => {
                let text = self.decode(raw);
                f.search = match text.char_indices().nth(MAX_SEARCH_CHARS) {
                    Some((cut, _)) => {
                        notices.push(format!(
                            "Shortened the search to its first {MAX_SEARCH_CHARS} characters."
                        ));
                        text[..cut].to_string()
                    }
                    None => text,
                };
            }
            Key::Item => {
                let text = self.decode(raw);
                state.open_item = find(&known.items, &text);
                if state.open_item.is_none() && !text.is_empty() {
                    notices.push(format!("Ignored unknown item \"{}\".", clip(&text)));
                }
            }
            Key::Passage => {
                let text = self.decode(raw);
                state.passage = self.passage(&text, known, notices);
            }
            Key::View => {
                state.view = self
                    .one(raw, "view", notices, View::from_id)
                    .unwrap_or_default();
            }
            Key::Sort => {
                state.sort = self
                    .one(raw, "sort order", notices, SortOrder::from_id)
                    .unwrap_or_default();
            }
            Key::Rows => {
                state.matrix_rows = self
                    .one(raw, "matrix rows", notices, MatrixRows::from_id)
                    .unwrap_or_default();
            }
            Key::Excluded => state.hide_excluded = self.flag(raw, notices, "hide", "dim"),
            Key::Hindsight => state.hindsight = self.flag(raw, notices, "1", "0"),
            Key::Embed => state.embed = self.flag(raw, notices, "1", "0"),
        }
    }

    /// One value from a closed list; an empty value is the default, silently.
    fn one<T>(
        &mut self,
        raw: &str,
        noun: &str,
        notices: &mut Notices,
        from_id: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let text = self.decode(raw);
        let value = from_id(&text);
        if value.is_none() && !text.is_empty() {
            notices.push(format!("Ignored unknown {noun} \"{}\".", clip(&text)));
        }
        value
    }

    /// A switch written `on` or `off`; an empty value is off, silently.
    fn flag(&mut self, raw: &str, notices: &mut Notices, on: &str, off: &str) -> bool {
        let text = self.decode(raw);
        if text == on {
            return true;
        }
        if text != off && !text.is_empty() {
            notices.push(format!(
                "Ignored unknown value \"{}\" for \"{}\".",
                clip(&text),
                self.key.id()
            ));
        }
        false
    }

    /// `<item id>.<evidence index>`, split at the last dot so that ids may hold dots.
    fn passage(&self, text: &str, known: &KnownIds, notices: &mut Notices) -> Option<PassageRef> {
        if text.is_empty() {
            return None;
        }
        let Some((item, index)) = text
            .rsplit_once('.')
            .filter(|(_, i)| !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()))
        else {
            notices.push(format!("Ignored malformed passage \"{}\".", clip(text)));
            return None;
        };
        let Some(evidence) = parse_digits(index).filter(|&e| e <= MAX_EVIDENCE_INDEX) else {
            notices.push(format!(
                "Ignored passage \"{}\": its quotation number is too large.",
                clip(text)
            ));
            return None;
        };
        let Some(item) = find(&known.items, item) else {
            notices.push(format!(
                "Ignored passage of unknown item \"{}\".",
                clip(item)
            ));
            return None;
        };
        Some(PassageRef { item, evidence })
    }
}

/// A non-empty run of ASCII digits as a number; `None` for anything else or for a number too big for `usize`.
fn parse_digits(text: &str) -> Option<usize> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The id as an owned string if it is among the known ones.
fn find(known: &[&str], id: &str) -> Option<String> {
    known.contains(&id).then(|| id.to_string())
}

/// At most [`NOTICE_VALUE_CHARS`] characters of a value, with "…" when cut.
fn clip(text: &str) -> String {
    head_chars(text, NOTICE_VALUE_CHARS)
}

/// A key or value of a fragment, percent-decoded as [`parse_fragment`] decodes it (bytes that are not UTF-8 become
/// U+FFFD): the inverse of [`encode`].
pub(crate) fn decode_value(raw: &str) -> String {
    decode(raw).text
}

/// The result of decoding one key or value.
struct Decoded {
    text: String,
    /// The first `%` that started no valid escape, with up to two characters after it (up to the next `%`).
    broken_escape: Option<String>,
    invalid_utf8: bool,
}

/// Percent-decodes leniently: `+` is a space, `%XX` a byte, and any other `%` stays as typed.
///
/// Written here rather than taken from the `percent-encoding` crate (as is [`encode`]), which would add about 1.2 KB
/// gzip to the app's wasm.
fn decode(raw: &str) -> Decoded {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut broken_escape = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 3;
                }
                _ => {
                    if broken_escape.is_none() {
                        let after = raw[i + 1..].chars().take_while(|&c| c != '%').take(2);
                        broken_escape = Some(std::iter::once('%').chain(after).collect());
                    }
                    out.push(b'%');
                    i += 1;
                }
            },
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(text) => Decoded {
            text,
            broken_escape,
            invalid_utf8: false,
        },
        Err(e) => Decoded {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            broken_escape,
            invalid_utf8: true,
        },
    }
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let c = char::from(*b?);
    c.to_digit(16).and_then(|d| u8::try_from(d).ok())
}

// ---------- The page's query string ----------

/// The value of the `data` parameter in a query string such as `?embed=1&data=my%20set.json`, decoded (`+` is a
/// space); `None` when there is none or it is empty. A value that is not a valid percent-encoding of UTF-8 text (a `%`
/// that starts no escape, bytes that are no text) is kept as it is, its `+` made spaces.
pub fn data_param(search: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("data="))
        .map(|raw| {
            let raw = raw.replace('+', " ");
            strict_decode(&raw).unwrap_or(raw)
        })
        .filter(|s| !s.is_empty())
}

/// Decodes `%XX` escapes as JavaScript's `decodeURIComponent` does: `None` when a `%` starts no escape or the bytes are
/// not UTF-8.
fn strict_decode(raw: &str) -> Option<String> {
    let decoded = decode(raw);
    (decoded.broken_escape.is_none() && !decoded.invalid_utf8).then_some(decoded.text)
}

/// The query string without its `data` parameter (for going back to the bundled data set): `?embed=1&data=x.json`
/// gives `?embed=1`, and a query of nothing else gives `""`.
pub fn search_without_data(search: &str) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && *pair != "data" && !pair.starts_with("data="))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

// ---------- Item pages ----------

/// The folder, beside `index.html`, that holds a page per item of the bundled data set (written by the build).
pub const ITEM_PAGES_FOLDER: &str = "items";

/// The `<meta>` name by which an item page names its item for the app (`content` is the item's id).
pub const ITEM_PAGE_META: &str = "summit-fruits:item";

/// An item page's address relative to the explorer's `index.html`: `items/ID/`. Item ids are slugs (the validator
/// refuses any other), so the id needs no escaping; anything else is percent-encoded all the same.
pub fn item_page_path(id: &str) -> String {
    format!("{ITEM_PAGES_FOLDER}/{}/", encode(id))
}

/// How an item page reaches the explorer's `index.html` folder: its folder is two levels down.
pub const ITEM_PAGE_TO_ROOT: &str = "../../";

/// The item whose page shows `state`, if any: an item page is the default view with that one item open, so a state
/// with anything else chosen (a filter, another view, a passage, the hindsight layer) has none. The embed switch
/// does not count: an embed's item links go to the full explorer's item pages.
pub fn item_page_of(state: &ViewState) -> Option<&str> {
    let id = state.open_item.as_deref()?;
    let alone = ViewState {
        open_item: None,
        embed: false,
        ..state.clone()
    };
    (alone == ViewState::default()).then_some(id)
}

/// The name of an item's preview image inside its page's folder (and of the explorer's own beside `index.html`).
pub const PREVIEW_IMAGE: &str = "preview.png";
