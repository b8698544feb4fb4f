//! The formats reference managers read: BibTeX and RIS.

use super::*;

/// BibTeX's special characters escaped in a field's text: `\ { } # $ % & _ ~ ^`.
pub(super) fn bibtex_escape(text: &str) -> String {
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
pub(super) fn bibtex_title(article: &Article) -> String {
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

pub(super) const BIBTEX_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The entry's key: the first author's family name, the year and the title's first major word, in ASCII lower case
/// (`saradzhyan2021potential`).
pub(super) fn cite_key(article: &Article) -> String {
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
