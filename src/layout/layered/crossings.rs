//! Counting crossings between adjacent columns (Barth, Jünger and Mutzel's
//! accumulation, O(E log V)).

use super::proper::Proper;

/// Crossings of the edges between column `i` and column `i + 1`.
/// `tree` is scratch space (a Fenwick tree over positions in column `i + 1`).
pub fn between(g: &Proper, i: usize, tree: &mut Vec<u32>) -> u64 {
    let (Some(upper), Some(lower)) = (g.layers.get(i), g.layers.get(i + 1)) else { return 0 };
    let size = lower.len();
    tree.clear();
    tree.resize(size + 1, 0);
    let mut inserted: u64 = 0;
    let mut total: u64 = 0;
    for &a in upper {
        let nb = g.down.of(a);
        // Edges that share `a` never cross; those already inserted do when they end further down.
        for &b in nb {
            let p = g.pos_of(b);
            let mut k = p + 1;
            let mut at_or_above: u64 = 0;
            while k > 0 {
                at_or_above += u64::from(tree.get(k).copied().unwrap_or(0));
                k &= k - 1;
            }
            total += inserted - at_or_above;
        }
        for &b in nb {
            let mut k = g.pos_of(b) + 1;
            while k <= size {
                if let Some(t) = tree.get_mut(k) {
                    *t += 1;
                }
                k += k & k.wrapping_neg();
            }
            inserted += 1;
        }
    }
    total
}

/// Crossings of the whole graph.
pub fn total(g: &Proper, tree: &mut Vec<u32>) -> u64 {
    (0..g.layers.len().saturating_sub(1)).map(|i| between(g, i, tree)).sum()
}
