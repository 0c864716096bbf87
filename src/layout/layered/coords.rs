//! Vertical positions inside the columns (a priority method).
//!
//! Columns start packed; then sweeps, alternately from the left and from the
//! right, move every vertex towards the weighted mean of its neighbours in
//! the column just placed, keeping the column's order and the gaps. Each
//! column is solved exactly: minimising the weighted squared distance to
//! the targets under "at least this far below the previous vertex" is an
//! isotonic regression after subtracting the cumulative gaps, which pooling
//! adjacent violators solves in linear time. Edges between two dummies
//! weigh most (long edges run straight), then edges with one dummy; the
//! edges of loops weigh least.

use super::proper::Proper;
use super::Spacing;

const ROUNDS: usize = 4;
/// Loops (reversed edges) barely pull: the chain stays straight and the
/// loop runs above it.
const LOOP_WEIGHT: f64 = 0.002;

/// Which neighbours a column is pulled towards.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
    Both,
}

/// The gaps and weights of one graph.
struct Rules<'a> {
    g: &'a Proper,
    half: &'a [f64],
    sp: &'a Spacing,
}

impl Rules<'_> {
    /// Least distance between the centres of `a` and the vertex `b` below it.
    fn sep(&self, a: usize, b: usize) -> f64 {
        let n = self.g.n_real;
        let gap = match (a < n, b < n) {
            (true, true) => self.sp.node_gap,
            (false, false) => self.sp.edge_gap,
            _ => (self.sp.node_gap + self.sp.edge_gap) / 2.0,
        };
        self.half.get(a).copied().unwrap_or(0.0) + self.half.get(b).copied().unwrap_or(0.0) + gap
    }

    fn weight(&self, a: usize, b: usize) -> f64 {
        let n = self.g.n_real;
        let back = |v: usize| self.g.back_dummy.get(v).copied().unwrap_or(false);
        match (a < n, b < n) {
            _ if back(a) || back(b) => LOOP_WEIGHT,
            (true, true) => 1.0,
            (false, false) => 8.0,
            _ => 2.0,
        }
    }

    /// Where each vertex of column `l` would like to be, and how much it cares.
    fn targets(&self, l: &[usize], side: Side, y: &[f64], out: &mut Vec<(f64, f64)>) {
        out.clear();
        for &v in l {
            let (mut sw, mut sy) = (0.0, 0.0);
            let left = if side != Side::Right { self.g.up.of(v) } else { &[] };
            let right = if side != Side::Left { self.g.down.of(v) } else { &[] };
            for &u in left.iter().chain(right) {
                let w = self.weight(u, v);
                sw += w;
                sy += w * at(y, u);
            }
            // A vertex with no neighbour on that side holds its place, lightly.
            out.push(if sw > 0.0 { (sy / sw, sw) } else { (at(y, v), 1e-3) });
        }
    }

    /// Places column `l` as near its targets as the gaps allow.
    fn place_column(&self, l: &[usize], side: Side, y: &mut [f64], pool: &mut Pool) {
        let mut targets = std::mem::take(&mut pool.targets);
        self.targets(l, side, y, &mut targets);
        pool.targets = targets;
        pool.solve(l, &|a, b| self.sep(a, b), y);
    }
}

/// Centre y of every vertex, the top-most box starting at 0. `half` is half
/// the height of each vertex (0 for dummies).
pub fn assign(g: &Proper, half: &[f64], sp: &Spacing) -> Vec<f64> {
    let rules = Rules { g, half, sp };
    let mut y = vec![0.0f64; g.len()];
    // Packed columns, centred on one another.
    for l in &g.layers {
        let offsets = offsets(l, &|a, b| rules.sep(a, b));
        let middle = offsets.last().copied().unwrap_or(0.0) / 2.0;
        for (&v, o) in l.iter().zip(offsets) {
            put(&mut y, v, o - middle);
        }
    }
    let mut pool = Pool::default();
    let columns = g.layers.len();
    for _ in 0..ROUNDS {
        for l in g.layers.iter().skip(1) {
            rules.place_column(l, Side::Left, &mut y, &mut pool);
        }
        for l in g.layers.iter().take(columns.saturating_sub(1)).rev() {
            rules.place_column(l, Side::Right, &mut y, &mut pool);
        }
    }
    for l in &g.layers {
        rules.place_column(l, Side::Both, &mut y, &mut pool);
    }
    stack_unlinked(g, half, &|a, b| rules.sep(a, b), &mut y);
    round_column_positions(g, half, &|a, b| rules.sep(a, b), &mut y);
    let top = g.layers.iter().flatten().map(|&v| at(&y, v) - at(half, v)).fold(f64::INFINITY, f64::min);
    if top.is_finite() {
        for v in y.iter_mut() {
            *v -= top;
        }
    }
    y
}

fn at(y: &[f64], v: usize) -> f64 {
    y.get(v).copied().unwrap_or(0.0)
}

fn put(y: &mut [f64], v: usize, value: f64) {
    if let Some(slot) = y.get_mut(v) {
        *slot = value;
    }
}

/// The distance of each vertex of a column from the first, packed.
fn offsets(l: &[usize], sep: &dyn Fn(usize, usize) -> f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(l.len());
    let mut at = 0.0;
    let mut prev: Option<usize> = None;
    for &v in l {
        if let Some(p) = prev {
            at += sep(p, v);
        }
        out.push(at);
        prev = Some(v);
    }
    out
}

/// Nodes without edges (last in their columns) are packed right below the
/// column's other vertices; a column of nothing else starts at the top of
/// the drawing, so unlinked stages form a grid that reads row by row.
fn stack_unlinked(g: &Proper, half: &[f64], sep: &dyn Fn(usize, usize) -> f64, y: &mut [f64]) {
    let unlinked = |v: usize| g.is_unlinked(v);
    let tops = g.layers.iter().flatten().filter(|&&v| !unlinked(v)).map(|&v| at(y, v) - at(half, v));
    let top = tops.fold(f64::INFINITY, f64::min);
    let top = if top.is_finite() { top } else { 0.0 };
    for l in &g.layers {
        let mut prev: Option<usize> = None;
        for &v in l {
            if unlinked(v) {
                let centre = match prev {
                    Some(p) => at(y, p) + sep(p, v),
                    None => top + at(half, v),
                };
                put(y, v, centre);
            }
            prev = Some(v);
        }
    }
}

/// Whole-pixel tops, keeping every gap.
fn round_column_positions(g: &Proper, half: &[f64], sep: &dyn Fn(usize, usize) -> f64, y: &mut [f64]) {
    for l in &g.layers {
        let mut prev: Option<usize> = None;
        for &v in l {
            let mut top = (at(y, v) - at(half, v)).round();
            if let Some(p) = prev {
                let min_top = at(y, p) + sep(p, v) - at(half, v);
                if top < min_top {
                    top = min_top.ceil();
                }
            }
            put(y, v, top + at(half, v));
            prev = Some(v);
        }
    }
}

/// Pool-adjacent-violators with gaps: scratch space reused across columns.
#[derive(Default)]
struct Pool {
    targets: Vec<(f64, f64)>,
    /// Blocks: (sum of weights, weighted sum of shifted targets, number of vertices).
    blocks: Vec<(f64, f64, usize)>,
}

impl Pool {
    /// Places the vertices of column `l` as near their targets as the gaps allow.
    fn solve(&mut self, l: &[usize], sep: &dyn Fn(usize, usize) -> f64, y: &mut [f64]) {
        let offsets = offsets(l, sep);
        self.blocks.clear();
        for (&(t, w), &offset) in self.targets.iter().zip(&offsets) {
            let mut block = (w, w * (t - offset), 1usize);
            while let Some(&last) = self.blocks.last() {
                if last.1 / last.0 >= block.1 / block.0 {
                    block = (last.0 + block.0, last.1 + block.1, last.2 + block.2);
                    self.blocks.pop();
                } else {
                    break;
                }
            }
            self.blocks.push(block);
        }
        let mut members = l.iter().zip(&offsets);
        for &(sw, swt, count) in &self.blocks {
            let base = swt / sw;
            for (&v, &offset) in members.by_ref().take(count) {
                put(y, v, base + offset);
            }
        }
    }
}
