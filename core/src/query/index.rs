//! The search index: every item's searchable text folded once into one buffer, its facet values interned as small
//! integers, and the last few searches' answers kept, so that typing on looks only where the previous words were found
//! and deleting back to an earlier search looks nowhere.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

use super::finder::Finder;
use super::fold::fold_into;
use crate::model::{Category, DataSet, Term};

/// Interned ids of one multi-valued facet (domains or actors): vocabulary ids first, in vocabulary
/// order, then any id that items use but the vocabulary lacks; and each item's distinct values.
#[derive(Debug, Clone)]
pub(super) struct Multi {
    lookup: HashMap<String, u32>,
    /// Number of interned ids.
    pub(super) count: usize,
    /// For each vocabulary term, its interned id.
    pub(super) vocab: Vec<u32>,
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
    pub(super) fn of(&self, item: usize) -> &[u32] {
        &self.values[self.starts[item] as usize..self.starts[item + 1] as usize]
    }

    /// Which interned ids a filter chose; `None` when it chose none (no constraint).
    pub(super) fn chosen(&self, set: &BTreeSet<String>) -> Option<Vec<bool>> {
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
/// It also remembers the answers to the last [`RECENT_SEARCHES`] searches (behind a mutex, so it stays
/// `Send + Sync`): [`filter_items`] and [`facet_counts`] for one keystroke search the text once, a search
/// that refines an earlier one (typing on) looks only in the items that matched it, and a search asked
/// before (deleting back to it) is answered from memory. Answers never depend on this memory; a clone
/// starts without it.
#[derive(Debug)]
pub struct SearchIndex {
    text: String,
    /// Item i's haystack is `text[starts[i]..starts[i + 1]]` (its last byte is a line break).
    starts: Vec<usize>,
    pub(super) categories: Vec<u8>,
    pub(super) levels: Vec<u8>,
    pub(super) domains: Multi,
    pub(super) actors: Multi,
    /// The last searches' terms and answers, the most recent last (see [`SearchIndex::search_mask`]).
    recent: Mutex<Vec<Answer>>,
}

/// How many searches' answers the index keeps: enough to delete a word back to its first letters.
pub const RECENT_SEARCHES: usize = 12;

/// One search's distinct terms, its answer and how many items the answer keeps.
#[derive(Debug)]
struct Answer {
    terms: Vec<String>,
    mask: Vec<bool>,
    alive: usize,
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
            recent: Mutex::new(Vec::new()),
        }
    }
}

pub(super) fn category_index(c: Category) -> usize {
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
            recent: Mutex::new(Vec::new()),
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
    /// The last answers are kept: asking again with the same terms (as filtering and facet counting
    /// do for one keystroke, or as deleting back to an earlier search does) costs a copy, and asking
    /// with terms that refine a kept answer's (each old term inside some new term, as when typing on)
    /// looks only in the items that matched it, and only for the new terms. Of the answers that
    /// qualify, the one that keeps the fewest items is the start.
    pub(super) fn search_mask(&self, terms: &[String]) -> Option<Vec<bool>> {
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
        let mut recent = self
            .recent
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // An old term kept as it was is found in the set; only a changed one is looked for inside
        // the new terms.
        let refined_by_new = |answer: &Answer| {
            answer.terms.iter().all(|old| {
                unique.contains(old.as_str()) || terms.iter().any(|new| new.contains(old.as_str()))
            })
        };
        let start = recent
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, answer)| refined_by_new(answer))
            .min_by_key(|(_, answer)| answer.alive)
            .map(|(k, _)| k);
        let mut to_check: Vec<&str> = terms.iter().map(String::as_str).collect();
        let mask = match start {
            Some(k) => {
                let old: HashSet<&str> = recent[k].terms.iter().map(String::as_str).collect();
                to_check.retain(|t| !old.contains(t));
                recent[k].mask.clone()
            }
            None => vec![true; self.len()],
        };
        let mask = self.narrow(mask, &to_check);
        // The same search asked again moves to the end instead of being kept twice.
        let same = |answer: &Answer| {
            answer.terms.len() == terms.len()
                && answer.terms.iter().all(|t| unique.contains(t.as_str()))
        };
        recent.retain(|answer| !same(answer));
        if recent.len() == RECENT_SEARCHES {
            recent.remove(0);
        }
        recent.push(Answer {
            alive: mask.iter().filter(|&&ok| ok).count(),
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
