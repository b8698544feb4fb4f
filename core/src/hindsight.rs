//! The hindsight layer's computations: each item's dated facts and outcome, and the scorecard of how the article's ratings held.
//!
//! Hindsight is kept apart from the article: it comes from its own file and is only joined to items by id here.

use crate::dates::IsoDate;
use crate::model::{Category, DataSet, Hindsight, HindsightEntry, Outcome, Verdict};

/// The heading of every hindsight section, so the reader never mistakes it for the article.
pub const HINDSIGHT_HEADING: &str = "After the article, not in it";

impl Verdict {
    /// What the verdict means.
    pub fn description(self) -> &'static str {
        match self {
            Verdict::BorneOut => "What happened matched what the article expected at the summit.",
            Verdict::Partly => "Part of what the article expected happened, part did not.",
            Verdict::NotBorneOut => "What happened went against what the article expected.",
            Verdict::Overtaken => "Later events made the question moot.",
        }
    }
}

/// The dated facts that bear on an item, oldest first; background facts (from before the article) included.
pub fn entries_for<'h>(hindsight: &'h Hindsight, item_id: &str) -> Vec<&'h HindsightEntry> {
    let mut entries: Vec<_> = hindsight
        .entries
        .iter()
        .filter(|e| e.items.iter().any(|i| i == item_id))
        .collect();
    crate::query::sort_by_key(&mut entries, |e| {
        IsoDate::parse(&e.date).map(IsoDate::first_day)
    });
    entries
}

/// The outcome recorded for an item, if any.
pub fn outcome_for<'h>(hindsight: &'h Hindsight, item_id: &str) -> Option<&'h Outcome> {
    hindsight.outcomes.iter().find(|o| o.item == item_id)
}

/// Facts dated after the article, oldest first, for the timeline's continuation.
pub fn later_entries(hindsight: &Hindsight) -> Vec<&HindsightEntry> {
    let mut entries: Vec<_> = hindsight.entries.iter().filter(|e| !e.background).collect();
    crate::query::sort_by_key(&mut entries, |e| {
        IsoDate::parse(&e.date).map(IsoDate::first_day)
    });
    entries
}

/// One row of the scorecard: the items of one feasibility level or one category, split by verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    /// The level (as text) or the category id.
    pub key: String,
    /// Item indices per verdict, in `Verdict::ALL` order, each in article order.
    pub by_verdict: Vec<(Verdict, Vec<usize>)>,
    /// Items in this row that have no recorded outcome.
    pub without_outcome: Vec<usize>,
}

impl ScoreRow {
    fn new(key: String) -> Self {
        ScoreRow {
            key,
            by_verdict: Verdict::ALL.iter().map(|v| (*v, Vec::new())).collect(),
            without_outcome: Vec::new(),
        }
    }

    fn add(&mut self, index: usize, verdict: Option<Verdict>) {
        match verdict {
            Some(v) => {
                if let Some((_, items)) = self.by_verdict.iter_mut().find(|(w, _)| *w == v) {
                    items.push(index);
                }
            }
            None => self.without_outcome.push(index),
        }
    }

    /// How many items of the row have an outcome.
    pub fn judged(&self) -> usize {
        self.by_verdict.iter().map(|(_, items)| items.len()).sum()
    }

    /// The row's items with this verdict, or (for `None`) those without an outcome, in article order.
    pub fn items(&self, verdict: Option<Verdict>) -> &[usize] {
        match verdict {
            Some(v) => self
                .by_verdict
                .iter()
                .find(|(w, _)| *w == v)
                .map_or(&[][..], |(_, items)| items),
            None => &self.without_outcome,
        }
    }

    /// Every item of the row, in article order.
    pub fn all(&self) -> Vec<usize> {
        let mut all: Vec<usize> = self
            .by_verdict
            .iter()
            .flat_map(|(_, items)| items.iter().copied())
            .chain(self.without_outcome.iter().copied())
            .collect();
        crate::query::sort(&mut all);
        all
    }
}

/// The host name of a source address for people, without the scheme, path, user or a leading `www.`.
pub fn source_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.strip_prefix("www.").unwrap_or(host)
}

/// How the article's feasibility ratings held, level by level and category by category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scorecard {
    /// One row per level of the scale, most feasible first.
    pub by_level: Vec<ScoreRow>,
    /// One row per category, in `Category::ALL` order.
    pub by_category: Vec<ScoreRow>,
    /// All items together.
    pub total: ScoreRow,
}

/// Sums up the outcomes of a data set's items.
pub fn scorecard(data: &DataSet, hindsight: &Hindsight) -> Scorecard {
    let mut levels: Vec<u8> = data.feasibility_scale.iter().map(|l| l.level).collect();
    crate::query::sort_by(&mut levels, |a, b| b.cmp(a));
    let mut by_level: Vec<ScoreRow> = levels
        .iter()
        .map(|l| ScoreRow::new(l.to_string()))
        .collect();
    let mut by_category: Vec<ScoreRow> = Category::ALL
        .iter()
        .map(|c| ScoreRow::new(c.id().to_string()))
        .collect();
    let mut total = ScoreRow::new("all".to_string());
    for (index, item) in data.items.iter().enumerate() {
        let verdict = outcome_for(hindsight, &item.id).map(|o| o.verdict);
        if let Some(row) = levels.iter().position(|l| *l == item.feasibility.level) {
            by_level[row].add(index, verdict);
        }
        if let Some(row) = Category::ALL.iter().position(|c| *c == item.category) {
            by_category[row].add(index, verdict);
        }
        total.add(index, verdict);
    }
    Scorecard {
        by_level,
        by_category,
        total,
    }
}
