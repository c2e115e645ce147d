//! The order ids the first pass over a log has seen, in about 2 bytes an id
//! (an exact set of 64-bit hashes takes 16 to 27 bytes: 1.7 GB at the peak
//! for the 71 million orders of a 100-million-row log).
//!
//! A blocked Bloom filter (one 512-bit block an id, 8 bits set in it) that
//! grows: when one filter holds as many ids as it was made for, a new one four
//! times larger takes the next ones. It may answer "seen" for an id it has not
//! seen (about 0.4 % of the new ids once the log is large), never "not seen"
//! for one it has. The reader relies on that one side only: an id wrongly
//! taken as seen twice is held to the end of the reading, as the ids that do
//! occur apart are, which gives the same figures.

/// Bits of filter per id it is made for.
const BITS_PER_ID: usize = 16;
/// Bits set per id, all in one 512-bit block (one cache line).
const PROBES: u32 = 8;
/// Ids the first filter is made for (a small log allocates 8 KB).
const FIRST: usize = 4096;

#[derive(Debug, Default)]
pub struct Seen {
    filters: Vec<Filter>,
}

#[derive(Debug)]
struct Filter {
    /// Blocks of 8 words (512 bits).
    words: Vec<u64>,
    blocks: u64,
    capacity: usize,
    count: usize,
}

/// A 64-bit finaliser (SplitMix64's): the id's hash spread over every bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Filter {
    fn new(capacity: usize) -> Filter {
        let blocks = (capacity * BITS_PER_ID).div_ceil(512).max(1);
        Filter {
            words: vec![0; blocks * 8],
            blocks: blocks as u64,
            capacity,
            count: 0,
        }
    }

    /// The block of `h` (its high 32 bits scaled to the blocks: a filter
    /// has fewer than 2³² blocks, 256 GB; no 128-bit product, which wasm
    /// does in a library call) and the bit of each probe in it (double
    /// hashing from its low bits: a + i·b mod 512, b odd).
    fn probes(&self, h: u64) -> (usize, impl Iterator<Item = (usize, u64)>) {
        let block = (((h >> 32) * self.blocks.min(u64::from(u32::MAX))) >> 32) as usize * 8;
        let (a, b) = (h & 511, ((h >> 9) & 511) | 1);
        let probes = (0..u64::from(PROBES)).map(move |i| {
            let bit = (a + i * b) & 511;
            ((bit >> 6) as usize, 1u64 << (bit & 63))
        });
        (block, probes)
    }

    fn contains(&self, h: u64) -> bool {
        let (block, mut probes) = self.probes(h);
        probes.all(|(w, m)| self.words[block + w] & m != 0)
    }

    fn insert(&mut self, h: u64) {
        let (block, probes) = self.probes(h);
        for (w, m) in probes {
            self.words[block + w] |= m;
        }
        self.count += 1;
    }
}

impl Seen {
    /// A filter made for `ids` ids at first (a guess from the log's size:
    /// one filter, one cache line looked at per id, when the guess holds).
    pub fn with_capacity(ids: usize) -> Seen {
        Seen {
            filters: vec![Filter::new(ids.max(FIRST))],
        }
    }

    /// Takes in the hash of an id; true when it was (or looks) seen before.
    pub fn insert(&mut self, hash: u64) -> bool {
        let h = mix(hash);
        if self.filters.iter().any(|f| f.contains(h)) {
            return true;
        }
        let full = self.filters.last().is_none_or(|f| f.count >= f.capacity);
        if full {
            let capacity = self.filters.last().map_or(FIRST, |f| f.capacity * 4);
            self.filters.push(Filter::new(capacity));
        }
        if let Some(f) = self.filters.last_mut() {
            f.insert(h);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_seen_is_seen_and_few_others_are() {
        // 300,000 distinct ids (four filters), each inserted once: none may
        // answer "seen" wrongly... except the Bloom filter's false positives,
        // counted here; then each again: every one must answer "seen".
        let mut seen = Seen::default();
        let ids: Vec<u64> = (0..300_000u64)
            .map(|i| i.wrapping_mul(0x1234_5678_9ABC_DEF1))
            .collect();
        let wrong = ids.iter().filter(|&&h| seen.insert(h)).count();
        assert_eq!(
            seen.filters.len(),
            4,
            "4,096 + 16,384 + 65,536 + 262,144 ids"
        );
        // Expected for a blocked filter at 16 bits an id and 8 probes: about
        // 0.1 % per full filter; over the first-seen ids of a growing series,
        // well under 1 %.
        assert!(wrong < 3_000, "{wrong} false positives of 300,000");
        assert!(
            ids.iter().all(|&h| seen.insert(h)),
            "an id seen is always seen"
        );
    }
}
