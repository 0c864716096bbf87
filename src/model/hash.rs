//! The crate's hash for id look-ups and key sets: a multiply-rotate hash in
//! the style of FxHash, seeded per table from std's random state, with a
//! final mix. Far cheaper than SipHash on the short strings of a map (ids,
//! JSON keys), while a hostile file cannot know the seed to make its ids
//! collide. Used by `json` (duplicate keys), `format` (the rules), `analysis`
//! and `merge`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};

/// The seed of one table.
#[derive(Clone, Copy, Debug)]
pub struct Seeded(u64);

impl Default for Seeded {
    fn default() -> Seeded {
        Seeded(std::collections::hash_map::RandomState::new().hash_one(0x6368_6169_6e6d_6170u64))
    }
}

impl BuildHasher for Seeded {
    type Hasher = SeededHasher;
    #[inline]
    fn build_hasher(&self) -> SeededHasher {
        SeededHasher(self.0)
    }
}

pub struct SeededHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl SeededHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for SeededHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            rest = tail;
        }
        if !rest.is_empty() {
            let mut word = 0u64;
            for (k, &b) in rest.iter().enumerate() {
                word |= u64::from(b) << (8 * k);
            }
            self.add(word ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// A `HashMap` with the seeded fast hash.
pub type FastMap<K, V> = HashMap<K, V, Seeded>;
/// A `HashSet` with the seeded fast hash.
pub type FastSet<T> = HashSet<T, Seeded>;

/// An empty map with room for `n` entries.
pub fn map_with_capacity<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, Seeded::default())
}

/// An empty set with room for `n` entries.
pub fn set_with_capacity<T>(n: usize) -> FastSet<T> {
    FastSet::with_capacity_and_hasher(n, Seeded::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_hash_tells_ids_apart() {
        let s = Seeded::default();
        let ids = ["a", "b", "ab", "ba", "abcdefgh", "abcdefgi", "abcdefgh1", "", "s1", "s10"];
        let mut seen = std::collections::HashSet::new();
        for id in ids {
            assert!(seen.insert(s.hash_one(id)), "{id}");
        }
        assert_eq!(s.hash_one("x1"), s.hash_one("x1"));
    }
}
