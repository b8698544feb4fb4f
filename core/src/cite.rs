//! Citations of the article, of the explorer's view and of an item's passages, in APA 7, MLA 9, Chicago 17
//! (notes and bibliography), BibTeX and RIS: what the Cite dialog shows.
//!
//! A citation is a list of [`Run`]s, some in italics, so that the dialog can show the italics and a copy as plain
//! text loses only the slant. Each style's rule is named where it is applied: APA, the Publication Manual (7th ed.)
//! and the APA Style site's "Webpage on a news website" and "Webpage on a website" reference examples; MLA, the MLA
//! Handbook (9th ed.) and the MLA Style Center; Chicago, the Chicago Manual of Style (17th ed.), chapter 14. BibTeX
//! follows the `btxdoc` field rules and biblatex's manual; RIS, the RIS format specification (Research Information
//! Systems, "RIS Format Specifications").

use crate::dates::IsoDate;
use crate::model::{Article, Quotation};

/// The explorer's name, the first part of every view's title.
pub const APP_NAME: &str = "Summit Fruits";

/// A stretch of a citation, in italics or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub italic: bool,
}

/// One citation as runs of text; `plain()` is what a copy writes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Citation {
    pub runs: Vec<Run>,
}

impl Citation {
    fn push(&mut self, text: &str) -> &mut Self {
        self.push_run(text, false)
    }

    fn italic(&mut self, text: &str) -> &mut Self {
        self.push_run(text, true)
    }

    fn push_run(&mut self, text: &str, italic: bool) -> &mut Self {
        match self.runs.last_mut() {
            Some(last) if last.italic == italic => last.text.push_str(text),
            _ if text.is_empty() => {}
            _ => self.runs.push(Run {
                text: text.to_string(),
                italic,
            }),
        }
        self
    }

    /// The citation as plain text (italics dropped).
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// The text of the runs in italics, in order.
    pub fn italic_parts(&self) -> Vec<&str> {
        self.runs
            .iter()
            .filter(|r| r.italic)
            .map(|r| r.text.as_str())
            .collect()
    }

    fn done(&mut self) -> Citation {
        std::mem::take(self)
    }
}

// ---------- Names ----------

/// One author's name, split into given names and family name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub given: String,
    pub family: String,
}

/// The article's authors: its `author` field is one name or several joined by ", " and " and " (as a byline writes
/// them). The family name is the last word of each (a byline gives names in the Western order); a name of one word is
/// a family name alone.
pub fn authors(byline: &str) -> Vec<Name> {
    byline
        .split(" and ")
        .flat_map(|part| part.split(", "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| match n.rsplit_once(' ') {
            Some((given, family)) => Name {
                given: given.trim().to_string(),
                family: family.to_string(),
            },
            None => Name {
                given: String::new(),
                family: n.to_string(),
            },
        })
        .collect()
}

/// APA's initials (Publication Manual 9.8: "Author, A. A."; a hyphenated given name keeps its hyphen, "J.-P.").
fn initials(given: &str) -> String {
    given
        .split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().next())
                .map(|c| format!("{c}."))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn inverted(name: &Name) -> String {
    if name.given.is_empty() {
        name.family.clone()
    } else {
        format!("{}, {}", name.family, name.given)
    }
}

fn direct(name: &Name) -> String {
    if name.given.is_empty() {
        name.family.clone()
    } else {
        format!("{} {}", name.given, name.family)
    }
}

/// APA 9.8: every author inverted with initials; two joined by ", &", more by commas and ", &" before the last.
fn apa_authors(names: &[Name]) -> String {
    let each: Vec<String> = names
        .iter()
        .map(|n| {
            if n.given.is_empty() {
                n.family.clone()
            } else {
                format!("{}, {}", n.family, initials(&n.given))
            }
        })
        .collect();
    match each.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, & {last}", rest.join(", ")),
    }
}

/// APA 8.17: one author's family name; two joined by "&"; three or more, the first and "et al."
fn apa_in_text_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => one.family.clone(),
        [a, b] => format!("{} & {}", a.family, b.family),
        [first, ..] => format!("{} et al.", first.family),
    }
}

/// MLA 9 (Handbook 5.6–5.8): the first author inverted; a second "and First Last"; three or more, the first and
/// "et al."
fn mla_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => inverted(one),
        [a, b] => format!("{}, and {}", inverted(a), direct(b)),
        [first, ..] => format!("{}, et al.", inverted(first)),
    }
}

/// MLA 9 (6.6): the in-text citation names the author's family name ("Saradzhyan"), two joined by "and", three or
/// more the first and "et al."
fn mla_in_text_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => one.family.clone(),
        [a, b] => format!("{} and {}", a.family, b.family),
        [first, ..] => format!("{} et al.", first.family),
    }
}

/// Chicago 14.21 (note) and 14.76 (bibliography): a note gives the names as written, the bibliography inverts the
/// first only; up to three in a note, more as the first and "et al." (14.76).
fn chicago_note_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => direct(one),
        [a, b] => format!("{} and {}", direct(a), direct(b)),
        [a, b, c] => format!("{}, {}, and {}", direct(a), direct(b), direct(c)),
        [first, ..] => format!("{} et al.", direct(first)),
    }
}

fn chicago_short_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => one.family.clone(),
        [a, b] => format!("{} and {}", a.family, b.family),
        [a, b, c] => format!("{}, {}, and {}", a.family, b.family, c.family),
        [first, ..] => format!("{} et al.", first.family),
    }
}

fn chicago_bibliography_authors(names: &[Name]) -> String {
    match names {
        [] => String::new(),
        [one] => inverted(one),
        [first, rest @ ..] => {
            let mut text = inverted(first);
            for (i, n) in rest.iter().enumerate() {
                text.push_str(if i + 1 == rest.len() { ", and " } else { ", " });
                text.push_str(&direct(n));
            }
            text
        }
    }
}

// ---------- Dates ----------

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// MLA 9's abbreviated months (Handbook 5.66 and appendix 1): May, June and July stay whole, September is "Sept."
const MLA_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12) - 1)]
}

/// APA 9.14: "(2021, June 4)"; a month alone "(2021, June)"; a year alone "(2021)"; no date "(n.d.)".
fn apa_date(date: Option<IsoDate>) -> String {
    match date {
        Some(IsoDate {
            year,
            month: Some(m),
            day: Some(d),
        }) => format!("({year}, {} {d})", month_name(m)),
        Some(IsoDate {
            year,
            month: Some(m),
            day: None,
        }) => format!("({year}, {})", month_name(m)),
        Some(d) => format!("({})", d.year),
        None => "(n.d.)".to_string(),
    }
}

fn apa_year(date: Option<IsoDate>) -> String {
    date.map_or_else(|| "n.d.".to_string(), |d| d.year.to_string())
}

/// MLA 9: day month year, the month abbreviated ("4 June 2021", "27 Nov. 2026").
fn mla_date(date: IsoDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{d} {} {}", MLA_MONTHS[usize::from(m - 1)], date.year),
        (Some(m), None) => format!("{} {}", MLA_MONTHS[usize::from(m - 1)], date.year),
        _ => date.year.to_string(),
    }
}

/// Chicago 9.36 and 14.206: month day, year ("June 4, 2021").
fn chicago_date(date: IsoDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{} {d}, {}", month_name(m), date.year),
        (Some(m), None) => format!("{} {}", month_name(m), date.year),
        _ => date.year.to_string(),
    }
}

// ---------- Titles ----------

/// Words that title case leaves in lower case inside a title (Chicago 8.159, MLA 9 2.90): articles, coordinating
/// conjunctions, "to" and prepositions, and "as".
const MINOR_WORDS: [&str; 40] = [
    "a", "an", "the", "and", "but", "for", "nor", "or", "so", "yet", "as", "to", "at", "by", "in",
    "of", "off", "on", "per", "up", "via", "from", "into", "onto", "over", "with", "upon", "than",
    "about", "after", "against", "among", "before", "between", "during", "through", "toward",
    "under", "within", "without",
];

fn is_minor(word: &str) -> bool {
    MINOR_WORDS.contains(&word.to_lowercase().as_str())
}

/// Splits a title into words and what lies between them (spaces, hyphens, punctuation), in order: `(text, is_word)`.
fn tokens(title: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in title.char_indices() {
        // An apostrophe or a full stop inside a word belongs to it ("Russia’s", "U.S.").
        let word_char = c.is_alphanumeric()
            || (in_word
                && matches!(c, '\'' | '’' | '.')
                && title[i + c.len_utf8()..].starts_with(char::is_alphanumeric));
        if word_char != in_word && i > start {
            out.push((&title[start..i], in_word));
            start = i;
        }
        in_word = word_char;
    }
    if start < title.len() {
        out.push((&title[start..], in_word));
    }
    out
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether a word is written with a capital somewhere past its first letter ("NATO", "U.S.", "iPhone"): kept as is by
/// every case rule.
fn has_inner_capital(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

/// Title case (Chicago 8.159, MLA 9 2.90): the first and last words and every major word capitalised; articles,
/// prepositions, coordinating conjunctions, "to" and "as" in lower case unless first, last or after a colon. Each part
/// of a hyphenated compound counts as a word (Chicago 8.161 capitalises "Biden-Putin" both ways).
pub fn title_case(title: &str) -> String {
    let tokens = tokens(title);
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].1).collect();
    let mut out = String::new();
    let mut after_colon = true;
    for (i, (text, is_word)) in tokens.iter().enumerate() {
        if !is_word {
            if text.contains([':', '?', '!', '—']) {
                after_colon = true;
            }
            out.push_str(text);
            continue;
        }
        let last = words.last() == Some(&i);
        if has_inner_capital(text) || after_colon || last || !is_minor(text) {
            out.push_str(&capitalise(text));
        } else {
            out.push_str(&text.to_lowercase());
        }
        after_colon = false;
    }
    out
}

/// Whether `word` is a proper noun by the article's own text: it is written capitalised in the middle of a sentence
/// of some paragraph and never in lower case. ("Biden" and "Putin" are; "summit", which the article writes in lower
/// case, is not.) Headings are left out: they are in title case.
pub fn is_proper_noun(word: &str, article: &Article) -> bool {
    let lower = word.to_lowercase();
    let mut capitalised_mid_sentence = false;
    for paragraph in article.sections.iter().flat_map(|s| &s.paragraphs) {
        let tokens = tokens(paragraph);
        let mut sentence_start = true;
        for (text, is_word) in tokens {
            if !is_word {
                if text.contains(['.', '!', '?', ':']) {
                    sentence_start = true;
                }
                continue;
            }
            if text.to_lowercase() == lower {
                if text.starts_with(char::is_lowercase) {
                    return false;
                }
                if !sentence_start {
                    capitalised_mid_sentence = true;
                }
            }
            sentence_start = false;
        }
    }
    capitalised_mid_sentence
}

/// One word of a title with whether it keeps its capital in sentence case.
struct TitleWord<'a> {
    text: &'a str,
    is_word: bool,
    keeps_capital: bool,
}

fn title_words<'a>(title: &'a str, article: &Article) -> Vec<TitleWord<'a>> {
    let mut after_colon = true;
    tokens(title)
        .into_iter()
        .map(|(text, is_word)| {
            if !is_word {
                if text.contains([':', '?', '!', '—']) {
                    after_colon = true;
                }
                return TitleWord {
                    text,
                    is_word,
                    keeps_capital: false,
                };
            }
            let capitalised = text.starts_with(char::is_uppercase);
            let keeps_capital = capitalised
                && (has_inner_capital(text) || text == "I" || is_proper_noun(text, article));
            let first = std::mem::replace(&mut after_colon, false);
            TitleWord {
                text,
                is_word,
                keeps_capital: keeps_capital || (first && capitalised),
            }
        })
        .collect()
}

/// APA 6.17 sentence case: the first word, the first word after a colon and proper nouns capitalised, every other
/// word in lower case. A word is a proper noun when the article's own text writes it so ([`is_proper_noun`]); a word
/// with a capital inside ("NATO", "U.S.") stays as it is.
pub fn sentence_case(title: &str, article: &Article) -> String {
    title_words(title, article)
        .into_iter()
        .map(|w| {
            if !w.is_word || w.keeps_capital {
                w.text.to_string()
            } else {
                lower_first(w.text)
            }
        })
        .collect()
}

/// Chicago 14.30: a short title of no more than four words, from the main title, leaving out an initial "A", "An" or
/// "The" and a minor word at the end ("Potential Fruits of the Biden-Putin Summit" → "Potential Fruits").
pub fn short_title(title: &str) -> String {
    let main = title.split(':').next().unwrap_or(title).trim();
    let mut words: Vec<&str> = main.split_whitespace().collect();
    if words.len() > 1 && ["a", "an", "the"].contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    words.truncate(4);
    while words.len() > 1 && words.last().is_some_and(|w| is_minor(w)) {
        words.pop();
    }
    words.join(" ")
}

// ---------- Punctuation around quoted titles ----------

/// A title inside quotation marks followed by `mark` (MLA's "." and Chicago's ","): the mark goes inside the closing
/// quotation mark (Chicago 6.9, MLA 9 1.3), unless the title ends in a question or exclamation mark, which replaces it.
fn quoted(title: &str, mark: &str) -> String {
    if title.ends_with(['?', '!']) {
        format!("“{title}”")
    } else {
        format!("“{title}{mark}”")
    }
}

/// A title in italics followed by a full stop, unless it ends in its own punctuation (APA 9.19).
fn ends_with_stop(text: &str) -> bool {
    text.ends_with(['.', '?', '!'])
}

/// MLA 9 (5.95): a URL without "http://" or "https://".
fn mla_url(url: &str) -> &str {
    url.strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url)
}

// ---------- The article ----------

/// Every citation of the article the dialog offers.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleCitations {
    pub apa: Citation,
    pub mla: Citation,
    pub chicago_note: Citation,
    pub chicago_short_note: Citation,
    pub chicago_bibliography: Citation,
    pub bibtex: String,
    pub ris: String,
}

fn published(article: &Article) -> Option<IsoDate> {
    IsoDate::parse(&article.published)
}

/// APA 7, the reference of a web page on a news website (APA Style, "Webpage on a news website"; Publication Manual
/// 10.2 and 10.16): `Author, A. (Year, Month Day). *Title in sentence case*. Outlet. URL` — the title in italics, the
/// outlet in plain type, no full stop after the URL (9.35).
pub fn apa(article: &Article) -> Citation {
    let names = authors(&article.author);
    let mut c = Citation::default();
    let author = apa_authors(&names);
    c.push(&author);
    if !author.ends_with('.') {
        c.push(".");
    }
    c.push(&format!(" {}. ", apa_date(published(article))));
    let title = sentence_case(&article.title, article);
    c.italic(&title);
    if !ends_with_stop(&title) {
        c.push(".");
    }
    c.push(&format!(" {}. {}", article.outlet, article.url));
    c.done()
}

/// MLA 9, a work on a website (Handbook 5.x core elements; MLA Style Center, "Works Cited: A Quick Guide"):
/// `Family, Given. “Title in Title Case.” *Outlet*, 4 June 2021, URL without scheme.` No access date: MLA 9 asks for
/// one only when the work has no date of publication (5.111).
pub fn mla(article: &Article) -> Citation {
    let names = authors(&article.author);
    let mut c = Citation::default();
    let author = mla_authors(&names);
    c.push(&author);
    if !author.ends_with('.') {
        c.push(".");
    }
    c.push(&format!(" {} ", quoted(&title_case(&article.title), ".")));
    c.italic(&article.outlet);
    if let Some(date) = published(article) {
        c.push(&format!(", {}", mla_date(date)));
    }
    c.push(&format!(", {}.", mla_url(&article.url)));
    c.done()
}

/// Chicago 17, a full note for a news or magazine article consulted online (14.191, 14.198; the outlet in italics as
/// an online periodical): `1. Given Family, “Title,” *Outlet*, June 4, 2021, URL.` `locator` is a place in the
/// article ("under “Heading,” para. 2", 14.174), put after the date.
fn chicago_note_with(article: &Article, locator: Option<&str>) -> Citation {
    let names = authors(&article.author);
    let mut c = Citation::default();
    c.push(&format!(
        "{}, {} ",
        chicago_note_authors(&names),
        quoted(&title_case(&article.title), ",")
    ));
    c.italic(&article.outlet);
    if let Some(date) = published(article) {
        c.push(&format!(", {}", chicago_date(date)));
    }
    if let Some(locator) = locator {
        c.push(&format!(", {locator}"));
    }
    c.push(&format!(", {}.", article.url));
    c.done()
}

/// Chicago 17, the full note (14.20, 14.191).
pub fn chicago_note(article: &Article) -> Citation {
    chicago_note_with(article, None)
}

/// Chicago 17, the short note for later citations (14.29–14.30): `Family, “Short Title.”`, or with a locator
/// `Family, “Short Title,” locator.`
fn chicago_short_note_with(article: &Article, locator: Option<&str>) -> Citation {
    let names = authors(&article.author);
    let short = title_case(&short_title(&article.title));
    let mut c = Citation::default();
    match locator {
        Some(locator) => c.push(&format!(
            "{}, {} {locator}.",
            chicago_short_authors(&names),
            quoted(&short, ",")
        )),
        None => c.push(&format!(
            "{}, {}",
            chicago_short_authors(&names),
            quoted(&short, ".")
        )),
    };
    c.done()
}

pub fn chicago_short_note(article: &Article) -> Citation {
    chicago_short_note_with(article, None)
}

/// Chicago 17, the bibliography entry (14.21, 14.191): `Family, Given. “Title.” *Outlet*, June 4, 2021. URL.`
pub fn chicago_bibliography(article: &Article) -> Citation {
    let names = authors(&article.author);
    let mut c = Citation::default();
    let author = chicago_bibliography_authors(&names);
    c.push(&author);
    if !author.ends_with('.') {
        c.push(".");
    }
    c.push(&format!(" {} ", quoted(&title_case(&article.title), ".")));
    c.italic(&article.outlet);
    if let Some(date) = published(article) {
        c.push(&format!(", {}", chicago_date(date)));
    }
    c.push(&format!(". {}.", article.url));
    c.done()
}

/// BibTeX's special characters escaped in a field's text: `\ { } # $ % & _ ~ ^`.
fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '#' | '$' | '%' | '&' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// The title for BibTeX: as the article gives it, with every word that keeps its capital in sentence case (a proper
/// noun, an acronym) in braces, so that a style that lowercases titles (BibTeX's `plain`, biblatex's APA style) keeps
/// it (btxdoc, "The title field"; biblatex manual 2.3.3).
fn bibtex_title(article: &Article) -> String {
    let words = title_words(&article.title, article);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let text = bibtex_escape(w.text);
            // The first word is capitalised by every style already.
            if w.is_word && w.keeps_capital && i > 0 && w.text.starts_with(char::is_uppercase) {
                format!("{{{text}}}")
            } else {
                text
            }
        })
        .collect()
}

const BIBTEX_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The entry's key: the first author's family name, the year and the title's first major word, in ASCII lower case
/// (`saradzhyan2021potential`).
fn cite_key(article: &Article) -> String {
    let ascii = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let family = authors(&article.author)
        .first()
        .map(|n| ascii(&n.family))
        .unwrap_or_default();
    let year = published(article).map_or_else(String::new, |d| d.year.to_string());
    let word = article
        .title
        .split_whitespace()
        .find(|w| !is_minor(w))
        .map(ascii)
        .unwrap_or_default();
    let key = format!("{family}{year}{word}");
    if key.is_empty() {
        "article".to_string()
    } else {
        key
    }
}

/// A BibTeX entry that both BibTeX and biblatex read: `@misc` (BibTeX's standard styles have no type for a web page,
/// and biblatex reads `@misc` with a `url`), with `author` ("Family, Given", joined by " and "), `title`,
/// `howpublished` (the outlet: what BibTeX's `misc` prints), `year` and `month` (BibTeX's month macros) for BibTeX,
/// `date` (ISO 8601) for biblatex, and `url`. Text is UTF-8 (biblatex with Biber, or BibTeX with `inputenc`).
pub fn bibtex(article: &Article) -> String {
    let names = authors(&article.author);
    let author = names
        .iter()
        .map(|n| bibtex_escape(&inverted(n)))
        .collect::<Vec<_>>()
        .join(" and ");
    let mut fields = vec![
        ("author", format!("{{{author}}}")),
        ("title", format!("{{{}}}", bibtex_title(article))),
        (
            "howpublished",
            format!("{{{}}}", bibtex_escape(&article.outlet)),
        ),
    ];
    if let Some(date) = published(article) {
        fields.push(("year", format!("{{{}}}", date.year)));
        if let Some(m) = date.month {
            fields.push(("month", BIBTEX_MONTHS[usize::from(m - 1)].to_string()));
        }
        fields.push(("date", format!("{{{}}}", article.published)));
    }
    // A URL's "%" and "#" are kept as they are: biblatex reads `url` verbatim, and BibTeX styles wrap it in \url.
    fields.push((
        "url",
        format!("{{{}}}", article.url.replace(['{', '}'], "")),
    ));
    let body = fields
        .iter()
        .map(|(name, value)| format!("  {name} = {value}"))
        .collect::<Vec<_>>()
        .join(",\n");
    format!("@misc{{{},\n{body}\n}}\n", cite_key(article))
}

/// An RIS record (RIS Format Specifications): `TY  - ELEC` (web page), one `AU` per author ("Family, Given"), `TI`,
/// `T2` (the outlet, the secondary title), `PY` (year), `DA` (`YYYY/MM/DD/`), `UR`, `ER`. Each line is a tag, two
/// spaces, a hyphen and a space, then the value, and ends with CR LF as the specification requires.
pub fn ris(article: &Article) -> String {
    let mut lines = vec!["TY  - ELEC".to_string()];
    for name in authors(&article.author) {
        lines.push(format!("AU  - {}", inverted(&name)));
    }
    lines.push(format!("TI  - {}", article.title));
    lines.push(format!("T2  - {}", article.outlet));
    if let Some(date) = published(article) {
        lines.push(format!("PY  - {}", date.year));
        let two = |n: Option<u8>| n.map_or_else(String::new, |n| format!("{n:02}"));
        lines.push(format!(
            "DA  - {}/{}/{}/",
            date.year,
            two(date.month),
            two(date.day)
        ));
    }
    lines.push(format!("UR  - {}", article.url));
    lines.push("ER  - ".to_string());
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

/// Every citation of the article.
pub fn article_citations(article: &Article) -> ArticleCitations {
    ArticleCitations {
        apa: apa(article),
        mla: mla(article),
        chicago_note: chicago_note(article),
        chicago_short_note: chicago_short_note(article),
        chicago_bibliography: chicago_bibliography(article),
        bibtex: bibtex(article),
        ris: ris(article),
    }
}

// ---------- The explorer's view ----------

/// The title of the explorer showing a view, as the app names it: "Summit Fruits: TITLE, explored (Matrix view)".
pub fn view_title(article_title: &str, view_label: &str) -> String {
    format!("{APP_NAME}: {article_title}, explored ({view_label} view)")
}

/// Citations of the explorer's view: the page has no author and no date of its own and changes with the state, so
/// each style gives its title, its address with the state and the date it was accessed.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewCitations {
    pub apa: Citation,
    pub mla: Citation,
    pub chicago_note: Citation,
    pub chicago_bibliography: Citation,
}

/// `title` is [`view_title`]'s, `address` the view's address, `accessed` the day it was read.
pub fn view_citations(
    title: &str,
    address: &str,
    accessed: IsoDate,
    article: &Article,
) -> ViewCitations {
    // APA 9.12: a work without an author moves its title into the author's place; 9.17 and the APA Style example
    // "Webpage on a website with no date": "(n.d.)" and, for a page designed to change, "Retrieved Month Day, Year,
    // from URL". The explorer's own name stays capitalised in sentence case: it is the work's proper name.
    let apa_title = match title.strip_prefix(APP_NAME) {
        Some(rest) => format!("{APP_NAME}{}", sentence_case(rest, article)),
        None => sentence_case(title, article),
    };
    let mut apa = Citation::default();
    apa.italic(&apa_title);
    apa.push(&format!(
        ". (n.d.). Retrieved {}, from {address}",
        chicago_date(accessed)
    ));

    // MLA 9: no author, so the entry starts with the title (5.20); the site's name as the container, in italics; no
    // date of publication, so the access date closes the entry (5.111).
    let mut mla = Citation::default();
    mla.push(&format!("{} ", quoted(&title_case(title), ".")));
    mla.italic(APP_NAME);
    mla.push(&format!(
        ", {}. Accessed {}.",
        mla_url(address),
        mla_date(accessed)
    ));

    // Chicago 14.206–14.207: website content without an author or a date of publication: the title in quotation
    // marks, the site's name, "accessed" with the date, and the URL; the bibliography lists it under the site's owner.
    let mut note = Citation::default();
    note.push(&format!(
        "{} {APP_NAME}, accessed {}, {address}.",
        quoted(&title_case(title), ","),
        chicago_date(accessed)
    ));
    let mut bibliography = Citation::default();
    bibliography.push(&format!(
        "{APP_NAME}. {} Accessed {}. {address}.",
        quoted(&title_case(title), "."),
        chicago_date(accessed)
    ));
    ViewCitations {
        apa: apa.done(),
        mla: mla.done(),
        chicago_note: note.done(),
        chicago_bibliography: bibliography.done(),
    }
}

// ---------- A passage of the article ----------

/// Where a quotation is in the article, as the styles locate a passage of an unpaginated web page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The heading of the section that holds it; `None` for the untitled introduction.
    pub heading: Option<String>,
    /// The paragraph, counted from 1 within its section when it has a heading, and from the start of the article
    /// when it has none (an untitled section before the first heading is the article's start: APA 8.28 counts
    /// paragraphs "from the beginning of the document" where no heading helps).
    pub paragraph: usize,
}

/// Where `quotation` is: its section's heading and paragraph; `None` when the section is not in the article.
pub fn place(article: &Article, quotation: &Quotation) -> Option<Place> {
    let mut before = 0;
    for section in &article.sections {
        if section.id == quotation.section {
            return Some(match &section.heading {
                Some(heading) => Place {
                    heading: Some(heading.clone()),
                    paragraph: quotation.paragraph,
                },
                None => Place {
                    heading: None,
                    paragraph: before + quotation.paragraph,
                },
            });
        }
        before += section.paragraphs.len();
    }
    None
}

/// Citations of one passage: the quotation with each style's in-text citation or note.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageCitations {
    /// APA 7: the quotation and "(Family, Year, Heading section, para. N)".
    pub apa: Citation,
    /// MLA 9: the quotation and "(Family)".
    pub mla: Citation,
    /// Chicago 17: the full note with the section and paragraph.
    pub chicago_note: Citation,
    /// Chicago 17: the short note with the section and paragraph.
    pub chicago_short_note: Citation,
}

/// APA 8.25–8.28: a quotation of fewer than 40 words runs in the text in double quotation marks; one of 40 or more is
/// a block quotation without them, its citation after the final punctuation.
pub const APA_BLOCK_WORDS: usize = 40;

/// The quotation's text without a closing full stop, comma, semicolon or colon, which the sentence's own punctuation
/// after the citation replaces (APA 8.26, MLA 9 6.x, Chicago 13.7: a period of the original need not be kept).
fn trimmed_quote(quote: &str) -> &str {
    let quote = quote.trim();
    quote
        .strip_suffix(['.', ',', ';', ':'])
        .unwrap_or(quote)
        .trim_end()
}

/// A quotation in run-in form, `“words” (citation).`: the question or exclamation mark of the original stays inside
/// the quotation marks, and the sentence's full stop follows the citation (APA 8.26, MLA 9 6.x).
fn run_in(quote: &str, citation: &str) -> String {
    format!("“{}” ({citation}).", trimmed_quote(quote))
}

/// Citations of `quotation` in the article; `None` when its section is not in the article.
pub fn passage_citations(article: &Article, quotation: &Quotation) -> Option<PassageCitations> {
    let place = place(article, quotation)?;
    let names = authors(&article.author);
    // APA 8.28: for a source without page numbers, a heading and the paragraph within it: "(Family, Year, Heading
    // section, para. N)"; with no heading, the paragraph counted from the start: "(Family, Year, para. N)".
    let apa_locator = match &place.heading {
        Some(heading) => format!("{heading} section, para. {}", place.paragraph),
        None => format!("para. {}", place.paragraph),
    };
    let apa_citation = format!(
        "{}, {}, {apa_locator}",
        apa_in_text_authors(&names),
        apa_year(published(article))
    );
    let words = quotation.quote.split_whitespace().count();
    let apa = if words >= APA_BLOCK_WORDS {
        let quote = quotation.quote.trim();
        let stop = if ends_with_stop(quote) { "" } else { "." };
        format!("{quote}{stop} ({apa_citation})")
    } else {
        run_in(&quotation.quote, &apa_citation)
    };
    // MLA 9 (6.20–6.23): a work without page numbers is cited by its author alone; paragraphs are given only when the
    // source numbers them, which this one does not.
    let mla = run_in(&quotation.quote, &mla_in_text_authors(&names));
    // Chicago 14.174: an online work without page numbers is located by a section heading ("under “Heading”") and a
    // paragraph number ("para.", 14.157).
    let chicago_locator = match &place.heading {
        Some(heading) => format!("under {} para. {}", quoted(heading, ","), place.paragraph),
        None => format!("para. {}", place.paragraph),
    };
    Some(PassageCitations {
        apa: Citation {
            runs: vec![Run {
                text: apa,
                italic: false,
            }],
        },
        mla: Citation {
            runs: vec![Run {
                text: mla,
                italic: false,
            }],
        },
        chicago_note: chicago_note_with(article, Some(&chicago_locator)),
        chicago_short_note: chicago_short_note_with(article, Some(&chicago_locator)),
    })
}
