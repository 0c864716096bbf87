//! Vertical positions inside the columns (a priority method).
//!
//! Columns start packed; then sweeps, alternately from the left and from the
//! right, move every vertex towards the weighted mean of its neighbours in
//! the column just placed, keeping the column's order and the gaps. Each
//! column is solved exactly: minimising the weighted squared distance to
//! the targets under "at least this far below the previous vertex" is an
//! isotonic regression after subtracting the cumulative gaps, which pooling
//! adjacent violators solves in linear time. Edges between two dummies
//! weigh most (long edges run straight), then edges with one dummy.

use super::proper::Proper;
use super::Spacing;

const ROUNDS: usize = 4;

/// Centre y of every vertex, the top-most box starting at 0. `half` is half
/// the height of each vertex (0 for dummies).
pub fn assign(g: &Proper, half: &[f64], sp: &Spacing) -> Vec<f64> {
    let len = g.len();
    let n = g.n_real;
    let gap = |a: usize, b: usize| {
        let (ra, rb) = (a < n, b < n);
        if ra && rb {
            sp.node_gap
        } else if ra || rb {
            (sp.node_gap + sp.edge_gap) / 2.0
        } else {
            sp.edge_gap
        }
    };
    let sep = |a: usize, b: usize| half[a] + half[b] + gap(a, b);
    let mut y = vec![0.0f64; len];
    // Packed columns, centred on one another.
    for l in &g.layers {
        let mut at = 0.0;
        for (k, &v) in l.iter().enumerate() {
            if k > 0 {
                at += sep(l[k - 1], v);
            }
            y[v] = at;
        }
        let shift = at / 2.0;
        for &v in l {
            y[v] -= shift;
        }
    }
    let weight = |a: usize, b: usize| match (a < n, b < n) {
        (true, true) => 1.0,
        (false, false) => 8.0,
        _ => 2.0,
    };
    let mut pool = Pool::default();
    let layers = g.layers.len();
    for round in 0..ROUNDS * 2 + 1 {
        let last = round == ROUNDS * 2;
        let from_left = round % 2 == 0;
        let order: Vec<usize> = if from_left { (1..layers).collect() } else { (0..layers.saturating_sub(1)).rev().collect() };
        let order = if last { (0..layers).collect() } else { order };
        for i in order {
            let Some(l) = g.layers.get(i) else { continue };
            pool.targets.clear();
            for &v in l {
                let (mut sw, mut sy) = (0.0, 0.0);
                let sides: [&[usize]; 2] = if last {
                    [g.up.of(v), g.down.of(v)]
                } else if from_left {
                    [g.up.of(v), &[]]
                } else {
                    [g.down.of(v), &[]]
                };
                for &u in sides.iter().flat_map(|s| s.iter()) {
                    let w = weight(u, v);
                    sw += w;
                    sy += w * y[u];
                }
                // A vertex with no neighbour on that side holds its place, lightly.
                let (t, w) = if sw > 0.0 { (sy / sw, sw) } else { (y[v], 1e-3) };
                pool.targets.push((t, w));
            }
            pool.solve(l, &sep, &mut y);
        }
    }
    round_column_positions(g, half, &sep, &mut y);
    let top = g.layers.iter().flatten().map(|&v| y[v] - half[v]).fold(f64::INFINITY, f64::min);
    if top.is_finite() {
        for v in y.iter_mut() {
            *v -= top;
        }
    }
    y
}

/// Whole-pixel tops, keeping every gap.
fn round_column_positions(g: &Proper, half: &[f64], sep: &dyn Fn(usize, usize) -> f64, y: &mut [f64]) {
    for l in &g.layers {
        let mut prev: Option<usize> = None;
        for &v in l {
            let mut top = (y[v] - half[v]).round();
            if let Some(p) = prev {
                let min_top = y[p] + sep(p, v) - half[v];
                if top < min_top {
                    top = min_top.ceil();
                }
            }
            y[v] = top + half[v];
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
        self.blocks.clear();
        let mut offset = 0.0;
        for (k, &(t, w)) in self.targets.iter().enumerate() {
            if k > 0 {
                offset += sep(l[k - 1], l[k]);
            }
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
        let mut k = 0;
        let mut offset = 0.0;
        for &(sw, swt, count) in &self.blocks {
            let base = swt / sw;
            for _ in 0..count {
                if k > 0 {
                    offset += sep(l[k - 1], l[k]);
                }
                if let Some(&v) = l.get(k) {
                    y[v] = base + offset;
                }
                k += 1;
            }
        }
    }
}
