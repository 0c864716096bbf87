//! Ids: strings of 1–64 characters from `A–Z a–z 0–9 _ - .` (FORMAT.md).
//! New ones are random, never counters, because files from several students
//! are merged by id; the source of randomness is injected so tests are
//! deterministic.

use std::fmt;

/// An entity id. Construction does not validate (a file may hold a bad id
/// that must still be reported by path); [`Id::is_valid`] says whether it
/// follows the rules.
///
/// Ids of up to 22 bytes (nearly all of them) are kept inline, without an
/// allocation: a 10,000-stage map holds about a hundred thousand ids, and
/// the analysis copies many of them.
#[derive(Clone, PartialEq, Eq)]
pub struct Id(Repr);

const INLINE: usize = 22;

#[derive(Clone)]
enum Repr {
    /// The bytes, zero after the text, then the length in the last byte
    /// (so that equal ids are equal here, compared and hashed as three
    /// words). Always used for ids of up to `INLINE` bytes.
    Inline([u8; INLINE + 1]),
    /// Longer ids only.
    Heap(Box<str>),
}

/// The inline bytes as three little-endian words: bytes 0–7, 8–15 and
/// 15–22 (the last overlaps the second by one byte and holds the length).
#[inline(always)]
fn words(b: &[u8; INLINE + 1]) -> (u64, u64, u64) {
    let [a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7, c1, c2, c3, c4, c5, c6, c7] = *b;
    (
        u64::from_le_bytes([a0, a1, a2, a3, a4, a5, a6, a7]),
        u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
        u64::from_le_bytes([b7, c1, c2, c3, c4, c5, c6, c7]),
    )
}

impl PartialEq for Repr {
    #[inline]
    fn eq(&self, other: &Repr) -> bool {
        match (self, other) {
            (Repr::Inline(a), Repr::Inline(b)) => words(a) == words(b),
            (Repr::Heap(a), Repr::Heap(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Repr {}

pub const MAX_ID_LEN: usize = 64;

impl Id {
    pub fn new(s: impl AsRef<str>) -> Id {
        let s = s.as_ref();
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE + 1];
            for (b, c) in buf.iter_mut().zip(s.bytes()) {
                *b = c;
            }
            buf[INLINE] = s.len() as u8;
            Id(Repr::Inline(buf))
        } else {
            Id(Repr::Heap(s.into()))
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always valid: the bytes were copied from a `str` whole.
            Repr::Inline(..) => std::str::from_utf8(self.bytes()).unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }

    fn bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline(buf) => buf.get(..usize::from(buf[INLINE])).unwrap_or_default(),
            Repr::Heap(s) => s.as_bytes(),
        }
    }

    pub fn is_valid(&self) -> bool {
        valid_id_bytes(self.bytes())
    }
}

impl Default for Id {
    fn default() -> Id {
        Id(Repr::Inline([0; INLINE + 1]))
    }
}

/// Ordered exactly as the id's text is.
impl Ord for Id {
    fn cmp(&self, other: &Id) -> std::cmp::Ordering {
        self.bytes().cmp(other.bytes())
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Id) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Consistent with `Eq` (an id of up to `INLINE` bytes is always inline),
/// not with `str`'s hash: an `Id` is never looked up by a `&str`. A short
/// id is one word or two: the words past its text are zero.
impl std::hash::Hash for Id {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match &self.0 {
            Repr::Inline(buf) => {
                let (a, b, c) = words(buf);
                let len = u64::from(buf[INLINE]);
                if len <= 8 {
                    state.write_u64(a ^ (len << 56));
                } else if len <= 16 {
                    state.write_u64(a);
                    state.write_u64(b ^ (len << 56));
                } else {
                    state.write_u64(a);
                    state.write_u64(b);
                    state.write_u64(c);
                }
            }
            Repr::Heap(s) => {
                state.write(s.as_bytes());
                state.write_u8(0xff);
            }
        }
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Id").field(&self.as_str()).finish()
    }
}

#[cfg(test)]
fn is_valid_id(s: &str) -> bool {
    valid_id_bytes(s.as_bytes())
}

fn valid_id_bytes(s: &[u8]) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id::new(s)
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
            let id = Id::new(s);
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
    fn ids_inline_and_long_behave_as_their_text() {
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{Hash, Hasher};
        let texts = [
            "",
            "a",
            "s10",
            "abcdefghijklmnopqrstuv",
            "abcdefghijklmnopqrstuvw",
            "阶段一二三四五六七",
            &"x".repeat(80),
            // Around the words the inline form compares and hashes: ids
            // that differ only in their last byte, or only in a trailing NUL.
            "abcdefg",
            "abcdefgh",
            "abcdefgi",
            "abcdefgh\0",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "abcdefghijklmnop\0",
            "abcdefghijklmnopqrstuw",
            "abcdefghijklmnopqrstu",
            "abcdefghijklmnopqrstu\0",
        ];
        for a in texts {
            let id = Id::new(a);
            assert_eq!(id.as_str(), a);
            assert_eq!(id.to_string(), a);
            assert_eq!(format!("{id:?}"), format!("Id({a:?})"));
            let (mut h1, mut h2) = (DefaultHasher::new(), DefaultHasher::new());
            id.hash(&mut h1);
            Id::from(a).hash(&mut h2);
            assert_eq!(h1.finish(), h2.finish());
            for b in texts {
                assert_eq!(id.cmp(&Id::new(b)), a.cmp(b), "{a} {b}");
                assert_eq!(id == Id::new(b), a == b);
            }
        }
        assert_eq!(Id::default(), Id::new(""));
        assert_eq!(Id::new(String::from("s1")), Id::from("s1"));
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
