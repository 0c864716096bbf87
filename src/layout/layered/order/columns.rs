//! The neighbour positions of one column's vertices, sorted, and the
//! crossings between two vertices' edges computed from them by merging.

use super::super::proper::Proper;

/// The sorted positions of the neighbours of every vertex of one column,
/// on both sides, by slot; positions in the other columns do not change
/// while this column is reordered.
#[derive(Default)]
pub struct Lists {
    flat: Vec<usize>,
    /// For each list: start of its upper neighbours, of its lower ones, and end.
    spans: Vec<(usize, usize, usize)>,
    /// The list of the vertex in each slot.
    pub slot: Vec<usize>,
}

impl Lists {
    pub fn build(&mut self, g: &Proper, i: usize) {
        self.flat.clear();
        self.spans.clear();
        self.slot.clear();
        let Some(layer) = g.layers.get(i) else { return };
        for (k, &v) in layer.iter().enumerate() {
            let a = self.flat.len();
            self.flat.extend(g.up.of(v).iter().map(|&u| g.pos.get(u).copied().unwrap_or(0)));
            let b = self.flat.len();
            self.flat.extend(g.down.of(v).iter().map(|&u| g.pos.get(u).copied().unwrap_or(0)));
            let c = self.flat.len();
            if let Some(x) = self.flat.get_mut(a..b) {
                x.sort_unstable();
            }
            if let Some(x) = self.flat.get_mut(b..c) {
                x.sort_unstable();
            }
            self.spans.push((a, b, c));
            self.slot.push(k);
        }
    }

    #[inline(always)]
    pub fn sides(&self, list: usize) -> (&[usize], &[usize]) {
        let Some(&(a, b, c)) = self.spans.get(list) else { return (&[], &[]) };
        (self.flat.get(a..b).unwrap_or(&[]), self.flat.get(b..c).unwrap_or(&[]))
    }

    /// Crossings between the vertices in slots `j` and `k` with `j` above, and with `k` above.
    pub fn pair(&self, j: usize, k: usize) -> (u64, u64) {
        let (Some(&lj), Some(&lk)) = (self.slot.get(j), self.slot.get(k)) else { return (0, 0) };
        self.lists_pair(lj, lk)
    }

    fn lists_pair(&self, lj: usize, lk: usize) -> (u64, u64) {
        let (ju, jd) = self.sides(lj);
        self.cross(ju, jd, lk)
    }

    /// Crossings between a vertex with neighbours `(up, down)` (sorted
    /// positions) and list `lk`: with the vertex above, and with it below.
    pub fn cross(&self, up: &[usize], down: &[usize], lk: usize) -> (u64, u64) {
        let (ku, kd) = self.sides(lk);
        let (a0, a1) = merge_count(up, ku);
        let (b0, b1) = merge_count(down, kd);
        (a0 + b0, a1 + b1)
    }

    pub fn swap(&mut self, j: usize) {
        if j + 1 < self.slot.len() {
            self.slot.swap(j, j + 1);
        }
    }
}

/// For sorted `a` (of v) and `b` (of w): crossings with v above w, and with w above v.
#[inline(always)]
fn merge_count(a: &[usize], b: &[usize]) -> (u64, u64) {
    match (a, b) {
        ([], _) | (_, []) => return (0, 0),
        ([x], [y]) => return ((x > y) as u64, (y > x) as u64),
        _ => {}
    }
    // One merge counts the pairs (x of `a`, y of `b`) with y < x and with
    // y = x; the pairs with y > x are the rest.
    let (mut below, mut equal) = (0u64, 0u64);
    let (mut lt, mut le) = (0usize, 0usize);
    for &x in a {
        while b.get(lt).is_some_and(|&y| y < x) {
            lt += 1;
        }
        le = le.max(lt);
        while b.get(le).is_some_and(|&y| y <= x) {
            le += 1;
        }
        below += lt as u64;
        equal += (le - lt) as u64;
    }
    let all = a.len() as u64 * b.len() as u64;
    (below, all - below - equal)
}
