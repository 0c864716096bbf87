//! One small stable sort for the places where sorting is not the hot path.
//!
//! The standard library's sorts are fast, but each call site with its own
//! comparator gets its own copy of the whole algorithm (several kilobytes
//! of WebAssembly each: about 57 KB for the app's sorts). Here the merging
//! is compiled once, on indices, behind a `dyn` comparator; what is left at
//! each call site is a few hundred bytes. The hot loops of the layout
//! (sweeps, smoothing, neighbour lists, routes, obstacle grids) keep the
//! standard sorts.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal items in their order (stable).
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        sorted_positions(items.len(), &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `v` by the key `key` gives each item, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` in the order `cmp` (comparing two positions) puts
/// them, equal ones in their order: a bottom-up merge sort.
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(&from, &mut to, start, mid, end, cmp);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Merges the sorted runs `from[start..mid]` and `from[mid..end]` into `to[start..end]`.
fn merge(
    from: &[usize],
    to: &mut [usize],
    start: usize,
    mid: usize,
    end: usize,
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    let (left, right) = (from.get(start..mid).unwrap_or(&[]), from.get(mid..end).unwrap_or(&[]));
    let Some(out) = to.get_mut(start..end) else { return };
    let (mut l, mut r) = (0, 0);
    for slot in out.iter_mut() {
        // The left run wins ties: equal items keep their order.
        let take_right = match (left.get(l), right.get(r)) {
            (Some(&a), Some(&b)) => cmp(b, a) == Ordering::Less,
            (None, Some(_)) => true,
            _ => false,
        };
        if take_right {
            *slot = right.get(r).copied().unwrap_or(0);
            r += 1;
        } else {
            *slot = left.get(l).copied().unwrap_or(0);
            l += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same result as the standard stable sort, on lists with many
    /// equal keys (so stability shows) and of every length up to 70.
    #[test]
    fn sorts_as_the_standard_stable_sort() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in 0..70 {
            for _ in 0..20 {
                let v: Vec<(u64, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
                let mut ours = v.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut std_sorted = v.clone();
                std_sorted.sort_by_key(|a| a.0);
                assert_eq!(ours, std_sorted, "length {len}");
                let mut by_key = v.clone();
                sort_by_key(&mut by_key, |x| std::cmp::Reverse(x.0));
                std_sorted.sort_by_key(|x| std::cmp::Reverse(x.0));
                assert_eq!(by_key, std_sorted, "length {len}, by key");
            }
        }
    }

    #[test]
    fn a_comparator_that_is_not_an_order_loses_nothing() {
        // NaN-like comparisons (everything "less") must still give a
        // permutation of the input, never drop or repeat an item.
        let mut v: Vec<usize> = (0..37).collect();
        sort_by(&mut v, |_, _| Ordering::Less);
        let mut seen = v.clone();
        seen.sort_unstable();
        assert_eq!(seen, (0..37).collect::<Vec<_>>());
    }
}
