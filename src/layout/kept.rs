//! What the last diagram made for each stage or flow, kept by position.
//!
//! The caches of cards and flow labels used hash maps keyed by id: on a map
//! of 10,000 stages and 15,000 flows, hashing and comparing ids to take
//! every entry out and put it into a fresh map was a fifth of an edit's
//! diagram. Entries are now kept in the map's order, and an element looks
//! at its own position first, shifted by the offset the last hit found (so
//! stages added or deleted before it still find theirs), then further
//! either side, up to [`REACH`] positions (a block of stages added or
//! deleted at once). An element that finds nothing is made afresh: a cache
//! can only be slower, never wrong.

use crate::model::Id;

/// How far from the expected position an entry is looked for.
const REACH: isize = 64;

pub struct Kept<T> {
    items: Vec<Option<(Id, T)>>,
    shift: isize,
}

impl<T> Default for Kept<T> {
    fn default() -> Kept<T> {
        Kept { items: Vec::new(), shift: 0 }
    }
}

impl<T> Kept<T> {
    pub fn with_capacity(n: usize) -> Kept<T> {
        Kept { items: Vec::with_capacity(n), shift: 0 }
    }

    /// Takes out what was kept for `id`, which is now at position `i`.
    pub fn take(&mut self, i: usize, id: &Id) -> Option<T> {
        let near = (1..=REACH).flat_map(|k| [k, -k]);
        for d in std::iter::once(0).chain(near).map(|k| self.shift + k) {
            let Some(j) = i.checked_add_signed(d) else { continue };
            let Some(slot) = self.items.get_mut(j) else { continue };
            if slot.as_ref().is_some_and(|(k, _)| k == id) {
                self.shift = d;
                return slot.take().map(|(_, t)| t);
            }
        }
        None
    }

    /// Keeps `t` for `id` at the next position.
    pub fn push(&mut self, id: Id, t: T) {
        self.items.push(Some((id, t)));
    }

    /// Keeps nothing at the next position.
    pub fn skip(&mut self) {
        self.items.push(None);
    }

    /// How many positions are kept (entries and gaps).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// What is kept at position `i` exactly, without taking it.
    pub fn at(&self, i: usize) -> Option<(&Id, &T)> {
        self.items.get(i).and_then(|slot| slot.as_ref()).map(|(id, t)| (id, t))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::Kept;
    use crate::model::Id;

    fn kept(ids: &[&str]) -> Kept<String> {
        let mut k = Kept::default();
        for id in ids {
            k.push(Id::new(id), id.to_uppercase());
        }
        k
    }

    #[test]
    fn each_element_finds_its_own_entry_after_insertions_and_deletions() {
        // a b c d e f → x a c d f (one added before, two deleted).
        let mut k = kept(&["a", "b", "c", "d", "e", "f"]);
        let now = ["x", "a", "c", "d", "f"];
        let got: Vec<Option<String>> = now.iter().enumerate().map(|(i, id)| k.take(i, &Id::new(id))).collect();
        assert_eq!(got, vec![None, Some("A".into()), Some("C".into()), Some("D".into()), Some("F".into())]);
    }

    #[test]
    fn a_block_of_stages_deleted_or_added_at_once_is_stepped_over() {
        let ids: Vec<String> = (0..100).map(|i| format!("s{i}")).collect();
        // s10..s29 deleted: s30 is now at 10.
        let mut k = kept(&ids.iter().map(String::as_str).collect::<Vec<_>>());
        let now: Vec<&String> = ids.iter().filter(|s| !(10..30).any(|i| **s == format!("s{i}"))).collect();
        assert!(now.iter().enumerate().all(|(i, id)| k.take(i, &Id::new(id.as_str())).is_some()));
        // Twelve new stages before s5.
        let mut k = kept(&ids.iter().map(String::as_str).collect::<Vec<_>>());
        let mut now: Vec<String> = ids.clone();
        for j in 0..12 {
            now.insert(5, format!("new{j}"));
        }
        let hits = now.iter().enumerate().filter(|(i, id)| k.take(*i, &Id::new(id.as_str())).is_some()).count();
        assert_eq!(hits, 100);
    }

    #[test]
    fn an_entry_is_taken_once_and_never_for_another_id() {
        let mut k = kept(&["a", "b"]);
        assert_eq!(k.take(0, &Id::new("a")), Some("A".into()));
        assert_eq!(k.take(0, &Id::new("a")), None);
        assert_eq!(k.take(1, &Id::new("z")), None);
        // Far-away moves are not found (the element is made afresh).
        let ids: Vec<String> = (0..200).map(|i| format!("s{i}")).collect();
        let mut k = kept(&ids.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(k.take(0, &Id::new("s150")), None);
        assert_eq!(k.take(0, &Id::new("s60")), Some("S60".into()));
    }
}
