//! Titles: title case, sentence case (proper nouns by the article's own text) and Chicago's short titles.

use super::*;

// ---------- Titles ----------

/// Words that title case leaves in lower case inside a title (Chicago 8.159, MLA 9 2.90): articles, coordinating
/// conjunctions, "to" and prepositions, and "as".
pub(super) const MINOR_WORDS: [&str; 40] = [
    "a", "an", "the", "and", "but", "for", "nor", "or", "so", "yet", "as", "to", "at", "by", "in",
    "of", "off", "on", "per", "up", "via", "from", "into", "onto", "over", "with", "upon", "than",
    "about", "after", "against", "among", "before", "between", "during", "through", "toward",
    "under", "within", "without",
];

pub(super) fn is_minor(word: &str) -> bool {
    MINOR_WORDS.contains(&word.to_lowercase().as_str())
}

/// Splits a title into words and what lies between them (spaces, hyphens, punctuation), in order: `(text, is_word)`.
pub(super) fn tokens(title: &str) -> Vec<(&str, bool)> {
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

pub(super) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether a word is written with a capital somewhere past its first letter ("NATO", "U.S.", "iPhone"): kept as is by
/// every case rule.
pub(super) fn has_inner_capital(word: &str) -> bool {
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
pub(super) struct TitleWord<'a> {
    pub(super) text: &'a str,
    pub(super) is_word: bool,
    pub(super) keeps_capital: bool,
}

pub(super) fn title_words<'a>(title: &'a str, article: &Article) -> Vec<TitleWord<'a>> {
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
