//! Long results are drawn in batches: the first batch of cards, then one more batch each time the reader asks.
//!
//! Counts stay exact (the filters and facet counts see every item); only the number of cards put into the page is
//! limited, so a keystroke over 10,000 items redraws at most a batch or a few.

/// How many cards one batch draws. The article has 31 items, so its whole list is one batch; a long list draws no more
/// than this, so a keystroke that changes which items come first over 10,000 items builds at most this many cards
/// (at 48, a keystroke over 1,000 items took 33 to 54 ms at p95; at 32, 26 to 32 ms).
pub const CARDS_PER_BATCH: usize = 32;

/// What a list of `total` results draws after `batches` batches have been asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardBatches {
    /// Cards in the page: the first `drawn` results.
    pub drawn: usize,
    /// Results not drawn yet.
    pub remaining: usize,
    /// How many the next "Show more" adds (0 when everything is drawn).
    pub next: usize,
}

/// The cards drawn for `total` results after `batches` requests (at least one batch is always drawn).
pub fn card_batches(total: usize, batches: usize) -> CardBatches {
    let drawn = total.min(batches.max(1).saturating_mul(CARDS_PER_BATCH));
    let remaining = total - drawn;
    CardBatches {
        drawn,
        remaining,
        next: remaining.min(CARDS_PER_BATCH),
    }
}

/// How many cards the explorer's first render draws; the rest of the first batch follows in the next task, so that the
/// task that starts the explorer (the page answers no input while it runs) stays short. Twelve cards reach below the
/// first screen of common windows (four rows at three columns), so the page under them does not come into view and go.
pub const CARDS_IN_FIRST_RENDER: usize = 12;

/// The cards to put in the page now, of the `drawn` that the batches allow: all of them, or, on the first render, no
/// more than [`CARDS_IN_FIRST_RENDER`].
pub fn cards_now(drawn: usize, first_render: bool) -> usize {
    if first_render {
        drawn.min(CARDS_IN_FIRST_RENDER)
    } else {
        drawn
    }
}

/// A count with thousands separators, as the page writes numbers: 10000 is "10,000".
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_render_draws_only_the_first_cards() {
        assert_eq!(cards_now(31, true), CARDS_IN_FIRST_RENDER);
        assert_eq!(cards_now(31, false), 31);
        assert_eq!(cards_now(5, true), 5);
        assert_eq!(cards_now(0, true), 0);
        assert_eq!(cards_now(CARDS_PER_BATCH, true), 12);
    }

    #[test]
    fn a_short_list_is_one_batch() {
        assert_eq!(
            card_batches(31, 1),
            CardBatches {
                drawn: 31,
                remaining: 0,
                next: 0
            }
        );
        assert_eq!(card_batches(0, 1).drawn, 0);
    }

    #[test]
    fn a_long_list_grows_a_batch_at_a_time_and_ends_exactly() {
        let first = card_batches(10_000, 1);
        assert_eq!((first.drawn, first.remaining, first.next), (32, 9_968, 32));
        let second = card_batches(10_000, 2);
        assert_eq!((second.drawn, second.remaining), (64, 9_936));
        let last = card_batches(100, 4);
        assert_eq!((last.drawn, last.remaining, last.next), (100, 0, 0));
        let before_last = card_batches(100, 3);
        assert_eq!((before_last.remaining, before_last.next), (4, 4));
    }

    #[test]
    fn zero_or_huge_batch_counts_are_safe() {
        assert_eq!(card_batches(100, 0).drawn, 32);
        assert_eq!(card_batches(100, usize::MAX).drawn, 100);
    }

    #[test]
    fn thousands_are_grouped() {
        for (n, text) in [
            (0, "0"),
            (31, "31"),
            (999, "999"),
            (1_000, "1,000"),
            (10_000, "10,000"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(group_thousands(n), text);
        }
    }
}
