//! Generates a hostile data set that tests the validator's bound: the bundled data set grown to 16 MiB with items whose
//! every quotation is the article's words cited at the wrong paragraph. Shared by the malformed corpus
//! (`core/tests/malformed.rs`) and the browser test of the refused-data panel (`tests/refused_data.rs`); never committed.

use summit_core::model::{DataSet, Quotation};

/// How many misplaced quotations the generated data set holds.
pub const MISPLACED_QUOTATIONS: usize = 100_000;

/// The generated file's size: exactly the loader's limit of 16 MiB.
pub const MISPLACED_BYTES: usize = 16 * 1024 * 1024;

/// Quotations per generated item.
const PER_ITEM: usize = 50;

/// The bundled data set (`bundled`, its JSON) followed by items that hold [`MISPLACED_QUOTATIONS`] quotations, each a
/// run of about twelve words of one paragraph cited at another paragraph of its section that lacks them, padded with
/// trailing spaces to [`MISPLACED_BYTES`]. Deterministic: the same input gives the same file.
pub fn misplaced_quotations(bundled: &str) -> String {
    let mut data: DataSet = serde_json::from_str(bundled).expect("the bundled data set parses");
    // Every (quote, section, wrong paragraph) the article offers, in article order.
    let mut quotations = Vec::new();
    for section in &data.article.sections {
        let paragraphs = &section.paragraphs;
        for (p, text) in paragraphs.iter().enumerate() {
            let words: Vec<&str> = text.split_whitespace().collect();
            for window in words.chunks(12).filter(|w| w.len() == 12) {
                let quote = window.join(" ");
                let wrong = (0..paragraphs.len()).filter(|&q| q != p).find(|&q| {
                    !paragraphs[q]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .contains(&quote)
                });
                if let Some(q) = wrong {
                    quotations.push(Quotation {
                        quote,
                        section: section.id.clone(),
                        paragraph: q + 1,
                    });
                }
            }
        }
    }
    assert!(
        !quotations.is_empty(),
        "the article offers quotations to misplace"
    );
    let templates = data.items.clone();
    let mut made = 0;
    let mut copy = 0;
    while made < MISPLACED_QUOTATIONS {
        let mut item = templates[copy % templates.len()].clone();
        item.id = format!("{}-copy-{copy}", item.id);
        item.related.clear();
        item.evidence = (0..PER_ITEM.min(MISPLACED_QUOTATIONS - made))
            .map(|k| quotations[(made + k) % quotations.len()].clone())
            .collect();
        made += item.evidence.len();
        data.items.push(item);
        copy += 1;
    }
    let mut json = serde_json::to_string(&data).expect("the data set serialises");
    assert!(
        json.len() <= MISPLACED_BYTES,
        "the generated data set is {} bytes, over {MISPLACED_BYTES}",
        json.len()
    );
    json.extend(std::iter::repeat_n(' ', MISPLACED_BYTES - json.len()));
    json
}
