//! The substring finder of search and highlighting: it scans eight positions at a time for a needle's two rarest
//! bytes, then verifies candidates. Written here rather than taken from memchr's `memmem`, which adds 2.3 KB gzip
//! (4.6 KB raw) to the app's wasm.

use super::fold::{HI, LO};

/// How common a byte is in folded English text; higher is more common. Used to pick the two
/// rarest bytes of a needle as the ones to scan for.
fn byte_commonness(b: u8) -> u8 {
    COMMONNESS[b as usize]
}

const COMMONNESS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = commonness(b as u8);
        b += 1;
    }
    table
};

const fn commonness(b: u8) -> u8 {
    match b {
        b' ' => 255,
        b'e' => 250,
        b't' => 245,
        b'a' => 240,
        b'o' => 235,
        b'i' => 230,
        b'n' => 225,
        b's' => 220,
        b'r' => 215,
        b'h' => 210,
        b'l' => 205,
        b'd' => 200,
        b'c' => 195,
        b'u' => 190,
        b'm' => 185,
        b'f' => 180,
        b'p' => 175,
        b'g' => 170,
        b'w' => 165,
        b'y' => 160,
        b'b' => 155,
        b',' | b'.' => 150,
        b'v' => 140,
        b'k' => 130,
        b'\n' | b'-' | b'\'' => 120,
        0x80..=0xFF => 110,
        b'0'..=b'9' => 100,
        b'x' | b'j' => 90,
        b'q' | b'z' => 80,
        _ => 60,
    }
}

/// A substring searcher over bytes: scans eight positions at a time for the needle's two rarest
/// bytes (a SWAR version of the "generic SIMD" idea), then verifies candidates.
pub(super) struct Finder<'n> {
    needle: &'n [u8],
    i1: usize,
    i2: usize,
    b1: u64,
    b2: u64,
}

impl<'n> Finder<'n> {
    pub(super) fn new(needle: &'n [u8]) -> Self {
        debug_assert!(!needle.is_empty());
        // The rarest byte, then the rarest at another position (the first on ties).
        let rank = |i: usize| byte_commonness(needle[i]);
        let mut i1 = 0;
        for i in 1..needle.len() {
            if rank(i) < rank(i1) {
                i1 = i;
            }
        }
        let mut i2 = None;
        for i in 0..needle.len() {
            if i != i1 && i2.is_none_or(|j| rank(i) < rank(j)) {
                i2 = Some(i);
            }
        }
        let i2 = i2.unwrap_or(i1);
        Finder {
            needle,
            i1,
            i2,
            b1: LO * needle[i1] as u64,
            b2: LO * needle[i2] as u64,
        }
    }

    /// The first position at or after `from` where the needle starts.
    #[inline]
    pub(super) fn find(&self, hay: &[u8], from: usize) -> Option<usize> {
        let n = self.needle.len();
        if hay.len() < n || from > hay.len() - n {
            return None;
        }
        let last_start = hay.len() - n;
        let reach = self.i1.max(self.i2);
        let mut p = from;
        // Eight candidate starts p..p+8 at a time, while both words lie inside the haystack.
        while p + reach + 8 <= hay.len() {
            let w1 = u64::from_le_bytes(hay[p + self.i1..p + self.i1 + 8].try_into().unwrap());
            let w2 = u64::from_le_bytes(hay[p + self.i2..p + self.i2 + 8].try_into().unwrap());
            let x1 = w1 ^ self.b1;
            let x2 = w2 ^ self.b2;
            // A bit at 8k+7 for each byte k that is (with rare false positives above a true zero) zero.
            let mut m = (x1.wrapping_sub(LO) & !x1) & (x2.wrapping_sub(LO) & !x2) & HI;
            while m != 0 {
                let start = p + (m.trailing_zeros() / 8) as usize;
                if start > last_start {
                    return None;
                }
                if &hay[start..start + n] == self.needle {
                    return Some(start);
                }
                m &= m - 1;
            }
            p += 8;
        }
        while p <= last_start {
            if hay[p + self.i1] == self.needle[self.i1] && &hay[p..p + n] == self.needle {
                return Some(p);
            }
            p += 1;
        }
        None
    }
}
