//! Ids: strings of 1–64 characters from `A–Z a–z 0–9 _ - .` (FORMAT.md).
//! New ones are random, never counters, because files from several students
//! are merged by id; the source of randomness is injected so tests are
//! deterministic.

use std::fmt;

/// An entity id. Construction does not validate (a file may hold a bad id
/// that must still be reported by path); [`Id::is_valid`] says whether it
/// follows the rules.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Id(String);

pub const MAX_ID_LEN: usize = 64;

impl Id {
    pub fn new(s: impl Into<String>) -> Id {
        Id(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_valid(&self) -> bool {
        is_valid_id(&self.0)
    }
}

pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(s.to_string())
    }
}

/// Where new ids come from. The app uses a random source; tests use [`SeqIds`].
pub trait IdSource {
    /// 64 fresh random bits.
    fn next_u64(&mut self) -> u64;

    /// A new id such as `stage-k3v9q2mx`, not used by `taken`.
    fn fresh(&mut self, prefix: &str, taken: &dyn Fn(&Id) -> bool) -> Id {
        const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        loop {
            let mut bits = self.next_u64();
            let mut s = String::with_capacity(prefix.len() + 9);
            s.push_str(prefix);
            s.push('-');
            for _ in 0..8 {
                s.push(ALPHABET[(bits % 36) as usize] as char);
                bits /= 36;
            }
            let id = Id(s);
            if !taken(&id) {
                return id;
            }
        }
    }
}

/// A deterministic pseudo-random source (splitmix64) for tests and for
/// seeding from a single number.
#[derive(Clone, Debug)]
pub struct SeqIds(pub u64);

impl IdSource for SeqIds {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rules() {
        assert!(is_valid_id("s1"));
        assert!(is_valid_id("a.b-c_D9"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("s 1"));
        assert!(!is_valid_id("阶段"));
        assert!(is_valid_id(&"x".repeat(64)));
        assert!(!is_valid_id(&"x".repeat(65)));
    }

    #[test]
    fn fresh_ids_are_valid_unique_and_not_counters() {
        let mut src = SeqIds(7);
        let a = src.fresh("stage", &|_| false);
        let b = src.fresh("stage", &|_| false);
        assert!(a.is_valid() && b.is_valid());
        assert_ne!(a, b);
        assert!(a.as_str().starts_with("stage-"));
        let taken = a.clone();
        let mut again = SeqIds(7);
        let c = again.fresh("stage", &|id| *id == taken);
        assert_ne!(c, a, "a taken id is never returned");
    }
}
