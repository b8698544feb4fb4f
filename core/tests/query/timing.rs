//! Timing over 10,000 items, ignored by default (run with: cargo test --release -p summit-core --test query --
//! --ignored --nocapture).

use super::*;

#[test]
#[ignore = "timing, not a check"]
fn timing_10k_items() {
    use std::time::{Duration, Instant};
    let data = synthetic(10_000);
    let t = Instant::now();
    let base = SearchIndex::new(&data);
    let text: usize = (0..base.len()).map(|i| base.haystack(i).len()).sum();
    println!(
        "index: {:?} for {} items, {} KiB of folded text",
        t.elapsed(),
        base.len(),
        text / 1024
    );

    // One keystroke: filter, facet counts, and highlight the title and summary of every shown item.
    let keystroke = |index: &SearchIndex, f: &Filters| -> (usize, [Duration; 3]) {
        let t = Instant::now();
        let items = filter_items(&data, index, f);
        let tf = t.elapsed();
        let t = Instant::now();
        std::hint::black_box(facet_counts(&data, index, f));
        let tc = t.elapsed();
        let t = Instant::now();
        let terms = search_terms(&f.search);
        let mut n = 0;
        for &i in &items {
            n += highlight_ranges(&data.items[i].title, &terms).len();
            n += highlight_ranges(&data.items[i].summary, &terms).len();
        }
        std::hint::black_box(n);
        (items.len(), [tf, tc, t.elapsed()])
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;

    // Cold: a fresh index for every run, so nothing is remembered from an earlier search.
    for search in [
        "",
        "t",
        "treaty",
        "russia's",
        "naive detente",
        "geneva summit",
        "zzz",
        "Russia’s treaty arms",
    ] {
        for spec in ["", "cat:low-hanging,risk; actor:us"] {
            let f = Filters {
                search: search.into(),
                ..filters(spec)
            };
            let mut runs: Vec<(usize, [Duration; 3])> = (0..15)
                .map(|_| {
                    let index = base.clone();
                    keystroke(&index, &f)
                })
                .collect();
            runs.sort_by_key(|r| r.1.iter().sum::<Duration>());
            let (shown, [tf, tc, th]) = runs[runs.len() / 2];
            println!(
                "cold {search:>22?} {spec:>32?}: {shown:>5} items; filter {:.2} ms, counts {:.2} ms, highlight {:.2} ms, total {:.2} ms",
                ms(tf), ms(tc), ms(th), ms(tf + tc + th)
            );
        }
    }

    // Typing: one index, one keystroke at a time.
    for typed in ["geneva summit", "zzz", "russia’s treaty"] {
        let index = base.clone();
        let mut worst = Duration::ZERO;
        let mut total = Duration::ZERO;
        let mut search = String::new();
        for c in typed.chars() {
            search.push(c);
            let (_, times) = keystroke(
                &index,
                &Filters {
                    search: search.clone(),
                    ..Filters::default()
                },
            );
            let sum: Duration = times.iter().sum();
            worst = worst.max(sum);
            total += sum;
        }
        println!(
            "typing {typed:?}: mean {:.2} ms, worst {:.2} ms per keystroke",
            ms(total) / typed.chars().count() as f64,
            ms(worst)
        );
    }
}
