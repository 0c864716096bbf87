//! Smoothed starting orders: every vertex gets a value, and the values are
//! repeatedly averaged with those of the vertex's neighbours on both sides
//! (a lazy random walk, all columns at once). Columns sorted by the values
//! then keep joined vertices close across the whole graph, not only between
//! the two columns a sweep looks at; on dense graphs with little structure
//! (random edges) sweeps alone settle in much worse orders, and cannot
//! improve the smoothed ones.
//!
//! Averaging alone ends with a few vertices at extreme values and the rest
//! bunched together (the smoothest vectors of a sparse random graph sit on
//! a few of its vertices). So every `RERANK` steps each column's values are
//! replaced by evenly spaced ones in their order: the columns stay spread
//! out and the process settles in an order that averaging no longer
//! changes. The orders met on the way are judged by their crossings and
//! the best is kept.

use super::super::crossings;
use super::super::proper::Proper;

/// Averaging steps at most.
pub const STEPS: usize = 1200;
/// Columns are spread evenly again after every this many steps.
const RERANK: usize = 25;
/// The crossings of the order are counted every this many steps.
const JUDGE: usize = 100;

/// The best order met while smoothing from the positions of `start` (a
/// column order per column), and its crossings. Each connected component
/// is smoothed (and kept) on its own; components follow each other in the
/// order `start` first meets them. Leaves `g` in an unspecified order.
pub fn best_order(g: &mut Proper, start: &[Vec<usize>], tree: &mut Vec<u32>) -> (u64, Vec<Vec<usize>>) {
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
    let count: Vec<usize> = (0..len).map(|v| row(v).len()).collect();
    let half_inv_deg: Vec<f64> = count.iter().map(|&c| if c > 0 { 0.5 / c as f64 } else { 0.0 }).collect();

    let mut y = vec![0.0f64; len];
    let mut layers = g.layers.clone();
    let mut best: Option<(u64, Vec<Vec<usize>>)> = None;
    // Sort keys: the value's bits with the vertex below them, one vector
    // per component (components are few; most graphs have one).
    let mut keys: Vec<(usize, u128)> = Vec::new();
    for step in 1..=STEPS {
        // The rows follow each other in `nb`: each vertex takes the next `count`.
        let mut rest: &[usize] = &nb;
        for ((yv, &xv), (&h, &c)) in y.iter_mut().zip(&x).zip(half_inv_deg.iter().zip(&count)) {
            let (r, tail) = rest.split_at(c.min(rest.len()));
            rest = tail;
            let sum: f64 = r.iter().map(|&u| x.get(u).copied().unwrap_or(0.0)).sum();
            // A vertex without neighbours keeps its value.
            *yv = if r.is_empty() { xv } else { 0.5 * xv + h * sum };
        }
        std::mem::swap(&mut x, &mut y);
        if step % RERANK != 0 && step != STEPS {
            continue;
        }
        let mut changed = false;
        for l in layers.iter_mut() {
            // Sorted by component, value and vertex (a total order, so an
            // unstable sort of the keys gives the one result).
            keys.clear();
            keys.extend(l.iter().map(|&v| (comp_of(v), super::float_key(x.get(v).copied().unwrap_or(0.0), v as u64))));
            keys.sort_unstable();
            let k = l.len().max(1) as f64;
            for (i, (slot, key)) in l.iter_mut().zip(&keys).enumerate() {
                let v = key.1 as u64 as usize;
                changed |= *slot != v;
                *slot = v;
                if let Some(p) = x.get_mut(v) {
                    *p = (i as f64 + 0.5) / k - 0.5;
                }
            }
        }
        // Settled: from here on nothing changes.
        let settled = !changed;
        if step % JUDGE == 0 || step == STEPS || settled {
            g.layers.clone_from(&layers);
            super::sync_pos(g);
            let c = crossings::total(g, tree);
            if best.as_ref().is_none_or(|b| c < b.0) {
                best = Some((c, layers.clone()));
            }
        }
        if settled {
            break;
        }
    }
    best.unwrap_or((u64::MAX, layers))
}
