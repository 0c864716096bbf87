//! Smoothed starting orders: every vertex gets a value, and the values are
//! repeatedly averaged with those of the vertex's neighbours on both sides
//! (a lazy random walk, all columns at once). Columns sorted by the values
//! then keep joined vertices close across the whole graph, not only between
//! the two columns a sweep looks at; on dense graphs with little structure
//! (random edges) sweeps alone settle in much worse orders.
//!
//! Averaging for long ends in a few vertices with extreme values and the
//! rest bunched together (the smoothest vectors of a sparse random graph
//! sit on a few of its vertices), so orders are taken at several stages of
//! the smoothing and the sweeps judge them.

use super::super::proper::Proper;

/// Orders after this many averaging steps.
pub const SNAPSHOTS: [usize; 3] = [75, 150, 300];

/// The column orders after each number of steps in `at` (ascending),
/// starting from the positions of `start` (a column order per column).
/// Each connected component is smoothed (and kept) on its own; components
/// follow each other in the order `start` first meets them.
pub fn orders(g: &Proper, start: &[Vec<usize>], at: &[usize]) -> Vec<Vec<Vec<usize>>> {
    let len = g.len();
    // Both sides' neighbours of every vertex in one flat list.
    let mut first = Vec::with_capacity(len + 1);
    let mut nb: Vec<usize> = Vec::with_capacity(2 * len);
    for v in 0..len {
        first.push(nb.len());
        nb.extend(g.up.of(v).iter().chain(g.down.of(v)).copied().filter(|&u| u < len));
    }
    first.push(nb.len());
    let row = |v: usize| -> &[usize] {
        match (first.get(v), first.get(v + 1)) {
            (Some(&a), Some(&b)) => nb.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    };

    let mut x = vec![0.0f64; len];
    for l in start {
        let k = l.len().max(1) as f64;
        for (i, &v) in l.iter().enumerate() {
            if let Some(p) = x.get_mut(v) {
                *p = (i as f64 + 0.5) / k - 0.5;
            }
        }
    }
    // Components, numbered in the order `start` meets them.
    let mut comp = vec![usize::MAX; len];
    let mut count = 0;
    let mut queue = Vec::new();
    for root in start.iter().flatten().copied() {
        if comp.get(root) != Some(&usize::MAX) {
            continue;
        }
        queue.clear();
        queue.push(root);
        if let Some(c) = comp.get_mut(root) {
            *c = count;
        }
        let mut head = 0;
        while let Some(&v) = queue.get(head) {
            head += 1;
            for &w in row(v) {
                if let Some(c) = comp.get_mut(w).filter(|c| **c == usize::MAX) {
                    *c = count;
                    queue.push(w);
                }
            }
        }
        count += 1;
    }
    let comp_of = |v: usize| comp.get(v).copied().unwrap_or(0);
    let deg: Vec<f64> = (0..len).map(|v| row(v).len() as f64).collect();
    let mut deg_sum = vec![0.0f64; count];
    for v in 0..len {
        if let Some(d) = deg_sum.get_mut(comp_of(v)) {
            *d += deg.get(v).copied().unwrap_or(0.0);
        }
    }

    // The walk keeps each component's degree-weighted mean, which sorting
    // ignores; it is taken out once so that only the shape of the values
    // is left (no rescaling is needed: over a few hundred steps they shrink
    // by a few powers of ten at most).
    let mut mean = vec![0.0f64; count];
    for (v, (&xv, &d)) in x.iter().zip(&deg).enumerate() {
        if let Some(m) = mean.get_mut(comp_of(v)) {
            *m += d * xv;
        }
    }
    for (m, &d) in mean.iter_mut().zip(&deg_sum) {
        *m = if d > 0.0 { *m / d } else { 0.0 };
    }
    for (v, xv) in x.iter_mut().enumerate() {
        *xv -= mean.get(comp_of(v)).copied().unwrap_or(0.0);
    }
    let half_inv_deg: Vec<f64> = deg.iter().map(|&d| if d > 0.0 { 0.5 / d } else { 0.0 }).collect();

    let mut out = Vec::with_capacity(at.len());
    let mut y = vec![0.0f64; len];
    let last = at.iter().copied().max().unwrap_or(0);
    for step in 0..=last {
        if at.contains(&step) {
            let mut layers = g.layers.clone();
            let key = |v: usize| (comp_of(v), x.get(v).copied().unwrap_or(0.0));
            for l in layers.iter_mut() {
                l.sort_by(|&a, &b| {
                    let (ka, kb) = (key(a), key(b));
                    ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1)).then(a.cmp(&b))
                });
            }
            out.push(layers);
        }
        if step == last {
            break;
        }
        for (((yv, &xv), w), &h) in y.iter_mut().zip(&x).zip(first.windows(2)).zip(&half_inv_deg) {
            let r = nb.get(w.first().copied().unwrap_or(0)..w.get(1).copied().unwrap_or(0)).unwrap_or(&[]);
            let sum: f64 = r.iter().map(|&u| x.get(u).copied().unwrap_or(0.0)).sum();
            // A vertex without neighbours keeps its value.
            *yv = if r.is_empty() { xv } else { 0.5 * xv + h * sum };
        }
        std::mem::swap(&mut x, &mut y);
    }
    out
}
