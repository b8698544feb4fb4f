//! The rules of a sound hindsight file, checked against its data set: dated entries after the article (or marked
//! background), sources, and one outcome per item resting on entries.

use std::collections::{HashMap, HashSet};

use super::checker::Checker;
use super::excerpts::ArticleIndex;
use super::limits::Limits;
use super::problems::Problem;
use super::prose::quoted_spans;
use super::values::{iso, parse_date, show};
use crate::dates::IsoDate;
use crate::model::{DataSet, Hindsight};

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
