//! Synthetic data sets of any size for the benchmark: the article's own items, then variations of them, all built
//! from summit-core's model types so they have the data set's schema, and checked with the validator before use.
//!
//! Every text is the article's or the bundled data set's: titles, summaries, people and related items are copied
//! from a real item, and quotations (rationale and evidence) are the real item's exact excerpts of the paragraphs
//! they cite. What varies is the category, the feasibility level, the domains and actors, and a short tag in the
//! title, drawn from a fixed-seed generator, so the same size always gives the same bytes.

use summit_core::model::{Category, DataSet, Item};
use summit_core::validate::{parse_and_validate, Limits, Problem};

/// The seed of every synthetic data set.
const SEED: u64 = 0x5u64 << 56 | 0x2021_0616;

/// Words from the article that tag a variation's title, so searches match a realistic share of items.
const TAGS: [&str; 12] = [
    "Geneva",
    "New START",
    "strategic stability",
    "Navalny",
    "Nord Stream 2",
    "Donbas",
    "Syria",
    "cyberattacks",
    "JCPOA",
    "North Korea",
    "Arctic",
    "ambassadors",
];

/// SplitMix64: a small, fixed, well-mixed generator (no dependency, identical on every machine).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One to `max` distinct entries of `ids`, in vocabulary order.
    fn some_of(&mut self, ids: &[String], max: usize) -> Vec<String> {
        let count = 1 + self.below(max.min(ids.len()));
        let mut picked: Vec<usize> = Vec::with_capacity(count);
        while picked.len() < count {
            let i = self.below(ids.len());
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        picked.sort_unstable();
        picked.into_iter().map(|i| ids[i].clone()).collect()
    }
}

/// The text of a paragraph (counted from 1), or nothing when the section or paragraph does not exist.
fn paragraph<'a>(data: &'a DataSet, section: &str, number: usize) -> &'a str {
    data.article
        .sections
        .iter()
        .find(|s| s.id == section)
        .and_then(|s| s.paragraphs.get(number.wrapping_sub(1)))
        .map_or("", String::as_str)
}

/// A data set of `size` items from `base` (the bundled data set): its own items first, then
/// variations of randomly chosen ones. The article, scale, vocabularies and events are `base`'s.
pub fn generate(base: &DataSet, size: usize) -> DataSet {
    let mut random = Random(SEED ^ size as u64);
    let domains: Vec<String> = base
        .vocabularies
        .domains
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let actors: Vec<String> = base
        .vocabularies
        .actors
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let levels: Vec<u8> = base.feasibility_scale.iter().map(|l| l.level).collect();
    let mut items: Vec<Item> = base.items.clone();
    for n in items.len()..size {
        let original = &base.items[random.below(base.items.len())];
        let tag = TAGS[random.below(TAGS.len())];
        let mut item = original.clone();
        item.id = format!("{}-{n:05}", original.id);
        item.title = format!("{} ({tag}, {n})", original.title);
        item.category = Category::ALL[random.below(Category::ALL.len())];
        item.feasibility.level = levels[random.below(levels.len())];
        item.domains = random.some_of(&domains, 3);
        item.actors = random.some_of(&actors, 3);
        // Links between items go both ways, so a variation links to none; it keeps the one quotation that holds
        // its rationale (one quotation per item, as most real items carry one to three).
        item.related.clear();
        if let Some(holding) = original.evidence.iter().find(|q| {
            paragraph(base, &q.section, q.paragraph).contains(&original.feasibility.rationale)
        }) {
            item.evidence = vec![holding.clone()];
        }
        items.push(item);
    }
    DataSet {
        items,
        ..base.clone()
    }
}

/// The JSON of a synthetic data set of `size` items, refused unless it passes the loader's own check (the default
/// limits and every validation rule) without a single problem.
pub fn generate_json(base: &DataSet, size: usize) -> Result<String, String> {
    // Events and related items refer to the article's items by id, so every one of them must be there.
    if size < base.items.len() {
        return Err(format!(
            "a synthetic data set has at least {} items (the article's own), not {size}",
            base.items.len()
        ));
    }
    let json = serde_json::to_string(&generate(base, size))
        .map_err(|e| format!("cannot write the {size}-item data set: {e}"))?;
    let first_five = |problems: &[Problem]| {
        problems
            .iter()
            .take(5)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    match parse_and_validate(&json, &Limits::default()) {
        Ok((data, warnings)) if warnings.is_empty() && data.items.len() == size => Ok(json),
        Ok((data, warnings)) if warnings.is_empty() => Err(format!(
            "the {size}-item data set reads back with {} items",
            data.items.len()
        )),
        Ok((_, warnings)) => Err(format!(
            "the {size}-item data set has warnings: {}",
            first_five(&warnings)
        )),
        Err(problems) => Err(format!(
            "the {size}-item data set is invalid: {}",
            first_five(&problems)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn bundled() -> DataSet {
        let text =
            std::fs::read_to_string(crate::root().join("data/potential-fruits.json")).unwrap();
        parse_and_validate(&text, &Limits::default()).unwrap().0
    }

    #[test]
    fn a_thousand_items_pass_the_loaders_check() {
        let json = generate_json(&bundled(), 1_000).unwrap();
        let data = parse_and_validate(&json, &Limits::default()).unwrap().0;
        assert_eq!(data.items.len(), 1_000);
    }

    #[test]
    fn ten_thousand_items_fit_the_loaders_limit() {
        let json = generate_json(&bundled(), 10_000).unwrap();
        assert!(
            json.len() <= Limits::default().max_bytes,
            "{} bytes",
            json.len()
        );
        eprintln!("10,000 items: {} bytes", json.len());
    }

    #[test]
    fn the_same_size_gives_the_same_bytes() {
        let base = bundled();
        assert_eq!(generate_json(&base, 300), generate_json(&base, 300));
    }

    #[test]
    fn the_articles_items_come_first_then_unique_variations() {
        let base = bundled();
        let data = generate(&base, 500);
        assert_eq!(data.items[..base.items.len()], base.items[..]);
        let ids: HashSet<&str> = data.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), 500);
    }

    #[test]
    fn facets_vary_across_items() {
        let data = generate(&bundled(), 1_000);
        let categories: HashSet<Category> = data.items.iter().map(|i| i.category).collect();
        let levels: HashSet<u8> = data.items.iter().map(|i| i.feasibility.level).collect();
        let actors: HashSet<&String> = data.items.iter().flat_map(|i| &i.actors).collect();
        let domains: HashSet<&String> = data.items.iter().flat_map(|i| &i.domains).collect();
        assert_eq!(categories.len(), 4);
        assert_eq!(levels.len(), 5);
        assert_eq!(actors.len(), data.vocabularies.actors.len());
        assert_eq!(domains.len(), data.vocabularies.domains.len());
    }

    #[test]
    fn a_set_smaller_than_the_article_is_refused() {
        let message = generate_json(&bundled(), 5).unwrap_err();
        assert!(message.contains("at least 31 items"), "{message}");
    }
}
