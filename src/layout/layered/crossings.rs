//! Counting crossings between adjacent columns: all of them (Barth, Jünger
//! and Mutzel's accumulation, O(E log V)) and those between the edges of two
//! neighbouring vertices (for transposition).

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
            let p = g.pos[b];
            let mut k = p + 1;
            let mut at_or_above: u64 = 0;
            while k > 0 {
                at_or_above += u64::from(tree.get(k).copied().unwrap_or(0));
                k &= k - 1;
            }
            total += inserted - at_or_above;
        }
        for &b in nb {
            let mut k = g.pos[b] + 1;
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

/// Crossings among the edges of `v` and `w` towards one neighbouring column,
/// with `v` above `w` and with `w` above `v`. `a` and `b` are scratch space.
pub fn pair(nv: &[usize], nw: &[usize], pos: &[usize], a: &mut Vec<usize>, b: &mut Vec<usize>) -> (u64, u64) {
    if nv.is_empty() || nw.is_empty() {
        return (0, 0);
    }
    a.clear();
    a.extend(nv.iter().map(|&u| pos[u]));
    b.clear();
    b.extend(nw.iter().map(|&u| pos[u]));
    if nv.len() == 1 && nw.len() == 1 {
        return ((a[0] > b[0]) as u64, (b[0] > a[0]) as u64);
    }
    a.sort_unstable();
    b.sort_unstable();
    // v above w: pairs with a > b cross; w above v: pairs with b > a cross.
    let (mut above, mut below) = (0u64, 0u64);
    let mut j = 0;
    for &x in a.iter() {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        above += j as u64;
    }
    let mut j = 0;
    for &y in b.iter() {
        while j < a.len() && a[j] < y {
            j += 1;
        }
        below += j as u64;
    }
    (above, below)
}
