//! Crossing minimisation: the order of the vertices inside each column.
//!
//! 1. Starts: the input order (so that a small edit moves little), two
//!    breadth-first orders (from the sources and from the sinks) and a
//!    depth-first order. A few plain sweeps from each pick the start; the
//!    input order is kept unless another start is clearly better.
//! 2. Sweeps, alternately left to right and right to left, sort each column
//!    by the median or barycenter (two sweeps each in turn) of its
//!    neighbours in the column just fixed; vertices with no such neighbour
//!    keep their slot. Each sweep is followed by transposition (swapping
//!    neighbours while that removes crossings, as Graphviz dot does).
//! 3. Sifting rounds put each vertex in turn where it crosses least.
//! 4. Loops are lifted to the top of their columns where that costs nothing.
//!
//! The best ordering seen is kept at every stage.

use super::crossings;
use super::proper::Proper;

/// Sweeps from each start when choosing the start.
const QUICK_SWEEPS: usize = 8;
/// Another start must beat the input order by this factor: keeping the
/// input order's result makes small edits move little.
const STICKY: f64 = 0.8;
/// Sweeps at most; sweeping stops earlier after `MIN_QUIT` sweeps with
/// less than `CONVERGE` improvement of the best count (dot's values).
const MAX_ITER: usize = 24;
const MIN_QUIT: usize = 8;
const CONVERGE: f64 = 0.995;
/// Transposition passes over all columns at most.
const MAX_PASSES: usize = 24;
/// Sifting rounds over all columns at most; sifting stops when a round
/// removes less than `SIFT_MIN_GAIN` of the crossings.
const SIFT_ROUNDS: usize = 6;
const SIFT_MIN_GAIN: f64 = 0.01;
/// Loops are lifted above the chain in graphs up to this many vertices.
const LIFT_MAX_VERTICES: usize = 4000;

/// Orders every column; returns the number of crossings of the result.
pub fn minimise(g: &mut Proper) -> u64 {
    if g.layers.len() < 2 {
        return 0;
    }
    let mut s = Scratch::default();
    // A few plain sweeps from every start pick the start to refine; the
    // input order wins unless another is clearly better.
    let input = sweeps(g, &mut s, QUICK_SWEEPS, false);
    let mut best = (input, g.layers.clone());
    for start in [Start::BreadthFirst, Start::BreadthFirstBack, Start::DepthFirst] {
        if best.0 == 0 {
            break;
        }
        g.layers = start_order(g, start);
        sync_pos(g);
        let c = sweeps(g, &mut s, QUICK_SWEEPS, false);
        if c < best.0 && (c as f64) < STICKY * input as f64 {
            best = (c, g.layers.clone());
        }
    }
    g.layers = best.1;
    sync_pos(g);
    let c = sweeps(g, &mut s, MAX_ITER, true);
    let c = sift(g, &mut s, c);
    lift_back_dummies(g, &mut s);
    c
}

/// Lifts each reversed edge's dummies to the top of their columns (below
/// the dummies already lifted) when that adds no crossing, so that loops
/// run above the chain rather than through the middle or under it.
fn lift_back_dummies(g: &mut Proper, s: &mut Scratch) {
    if g.len() > LIFT_MAX_VERTICES {
        return;
    }
    let chains: Vec<Vec<usize>> = g
        .chains
        .iter()
        .map(|c| c.iter().copied().filter(|&v| g.back_dummy.get(v).copied().unwrap_or(false)).collect::<Vec<_>>())
        .filter(|d| !d.is_empty())
        .collect();
    let mut lifted = vec![0usize; g.layers.len()];
    for dummies in chains {
        let cols: Vec<usize> = dummies.iter().filter_map(|&d| g.layer.get(d).copied()).collect();
        let (Some(&lo), Some(&hi)) = (cols.iter().min(), cols.iter().max()) else { continue };
        let range = lo.saturating_sub(1)..hi + 1;
        let count = |g: &Proper, tree: &mut Vec<u32>| range.clone().map(|i| crossings::between(g, i, tree)).sum::<u64>();
        let before = count(g, &mut s.tree);
        let saved: Vec<(usize, Vec<usize>)> =
            cols.iter().filter_map(|&c| g.layers.get(c).map(|l| (c, l.clone()))).collect();
        for (&d, &c) in dummies.iter().zip(&cols) {
            let top = lifted.get(c).copied().unwrap_or(0);
            if let Some(layer) = g.layers.get_mut(c) {
                if let Some(at) = layer.iter().position(|&v| v == d) {
                    if at > top {
                        layer.remove(at);
                        layer.insert(top, d);
                    }
                }
            }
        }
        sync_pos(g);
        if count(g, &mut s.tree) > before {
            for (c, l) in saved {
                if let Some(layer) = g.layers.get_mut(c) {
                    *layer = l;
                }
            }
            sync_pos(g);
        } else {
            for &c in &cols {
                if let Some(t) = lifted.get_mut(c) {
                    *t += 1;
                }
            }
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Start {
    DepthFirst,
    BreadthFirst,
    BreadthFirstBack,
}

fn start_order(g: &Proper, start: Start) -> Vec<Vec<usize>> {
    match start {
        Start::DepthFirst => depth_first_order(g),
        Start::BreadthFirst => breadth_first_order(g, false),
        Start::BreadthFirstBack => breadth_first_order(g, true),
    }
}

/// Vertices in the order a breadth-first search from the left (or from the right) meets them.
fn breadth_first_order(g: &Proper, from_right: bool) -> Vec<Vec<usize>> {
    let len = g.len();
    let mut seen = vec![false; len];
    let mut layers: Vec<Vec<usize>> = g.layers.iter().map(|l| Vec::with_capacity(l.len())).collect();
    let (fwd, bwd) = if from_right { (&g.up, &g.down) } else { (&g.down, &g.up) };
    let all: Vec<usize> = g.layers.iter().flatten().copied().collect();
    let starts = all.iter().copied().filter(|&v| bwd.of(v).is_empty()).chain(all.iter().copied());
    let mut queue: Vec<usize> = Vec::with_capacity(len);
    for root in starts {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        queue.clear();
        queue.push(root);
        let mut head = 0;
        while let Some(&v) = queue.get(head) {
            head += 1;
            if let Some(l) = layers.get_mut(g.layer[v]) {
                l.push(v);
            }
            for &w in fwd.of(v).iter().chain(bwd.of(v)) {
                if !seen[w] {
                    seen[w] = true;
                    queue.push(w);
                }
            }
        }
    }
    layers
}

#[derive(Default)]
struct Scratch {
    median: bool,
    lists: Lists,
    tree: Vec<u32>,
    a: Vec<usize>,
    keys: Vec<(f64, u8, usize, usize)>,
    slot_fixed: Vec<bool>,
}

/// Sweeps and transposes from the current order; leaves the best order seen.
fn sweeps(g: &mut Proper, s: &mut Scratch, max_iter: usize, with_transpose: bool) -> u64 {
    if with_transpose {
        transpose(g, s, false);
    }
    let mut best_c = crossings::total(g, &mut s.tree);
    let mut best = g.layers.clone();
    let mut stall = 0;
    for it in 0..max_iter {
        if best_c == 0 {
            break;
        }
        let left_to_right = it % 2 == 0;
        // Median and barycenter take turns, two sweeps each.
        s.median = (it / 2) % 2 == 1;
        sweep(g, s, left_to_right);
        if with_transpose {
            transpose(g, s, it % 4 >= 2);
        }
        let c = crossings::total(g, &mut s.tree);
        if c < best_c {
            if (c as f64) < CONVERGE * best_c as f64 {
                stall = 0;
            } else {
                stall += 1;
            }
            best_c = c;
            best.clone_from(&g.layers);
        } else {
            stall += 1;
        }
        if stall >= MIN_QUIT {
            break;
        }
    }
    g.layers = best;
    sync_pos(g);
    best_c
}

/// Sifting rounds, each followed by transposition; leaves the best order seen.
fn sift(g: &mut Proper, s: &mut Scratch, mut best_c: u64) -> u64 {
    let mut best = g.layers.clone();
    for round in 0..SIFT_ROUNDS {
        let n = g.layers.len();
        let mut gained = 0;
        for k in 0..n {
            let i = if round % 2 == 0 { k } else { n - 1 - k };
            gained += sift_layer(g, s, i);
        }
        transpose(g, s, false);
        let c = crossings::total(g, &mut s.tree);
        if c < best_c {
            best_c = c;
            best.clone_from(&g.layers);
        }
        // Stop when a round gains less than one percent.
        if gained == 0 || best_c == 0 || (gained as f64) < SIFT_MIN_GAIN * best_c as f64 {
            break;
        }
    }
    g.layers = best;
    sync_pos(g);
    best_c
}

fn sync_pos(g: &mut Proper) {
    for l in &g.layers {
        for (i, &v) in l.iter().enumerate() {
            if let Some(p) = g.pos.get_mut(v) {
                *p = i;
            }
        }
    }
}

/// One sweep over all columns.
fn sweep(g: &mut Proper, s: &mut Scratch, left_to_right: bool) {
    let n = g.layers.len();
    if left_to_right {
        for i in 1..n {
            reorder(g, s, i, true);
        }
    } else {
        for i in (0..n.saturating_sub(1)).rev() {
            reorder(g, s, i, false);
        }
    }
}

/// Sorts column `i` by the median position of each vertex's neighbours in
/// the previous column (`by_up`) or the next one.
fn reorder(g: &mut Proper, s: &mut Scratch, i: usize, by_up: bool) {
    let Proper { layers, pos, up, down, back_dummy, .. } = g;
    let Some(layer) = layers.get_mut(i) else { return };
    let adj = if by_up { &*up } else { &*down };
    s.keys.clear();
    s.slot_fixed.clear();
    for (slot, &v) in layer.iter().enumerate() {
        let nb = adj.of(v);
        if nb.is_empty() {
            s.slot_fixed.push(true);
            continue;
        }
        s.slot_fixed.push(false);
        s.a.clear();
        s.a.extend(nb.iter().map(|&u| pos[u]));
        let key = if s.median { median(&mut s.a) } else { s.a.iter().sum::<usize>() as f64 / s.a.len() as f64 };
        let class = if back_dummy.get(v).copied().unwrap_or(false) { 0 } else { 1 };
        s.keys.push((key, class, slot, v));
    }
    s.keys.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut next = s.keys.iter();
    for (slot, &fixed) in s.slot_fixed.iter().enumerate() {
        if !fixed {
            if let (Some(k), Some(place)) = (next.next(), layer.get_mut(slot)) {
                *place = k.3;
            }
        }
    }
    for (p, &v) in layer.iter().enumerate() {
        pos[v] = p;
    }
}

/// The weighted median of Graphviz dot: the middle value, or between the
/// two middle ones weighted towards the side where the values are packed.
fn median(p: &mut [usize]) -> f64 {
    p.sort_unstable();
    let n = p.len();
    let m = n / 2;
    let at = |k: usize| p.get(k).copied().unwrap_or(0) as f64;
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        at(m)
    } else if n == 2 {
        (at(0) + at(1)) / 2.0
    } else {
        let left = at(m - 1) - at(0);
        let right = at(n - 1) - at(m);
        if left + right > 0.0 {
            (at(m - 1) * right + at(m) * left) / (left + right)
        } else {
            (at(m - 1) + at(m)) / 2.0
        }
    }
}

/// Swaps neighbours in a column while that removes crossings. With
/// `equal`, swaps that change nothing are made too (to leave a plateau).
fn transpose(g: &mut Proper, s: &mut Scratch, equal: bool) {
    let n = g.layers.len();
    let mut candidate = vec![true; n];
    for _ in 0..MAX_PASSES {
        let mut gained = 0u64;
        for i in 0..n {
            if !candidate[i] {
                continue;
            }
            candidate[i] = false;
            let (g_i, changed) = transpose_column(g, s, i, equal);
            gained += g_i;
            if changed {
                candidate[i] = true;
                if i > 0 {
                    candidate[i - 1] = true;
                }
                if i + 1 < n {
                    candidate[i + 1] = true;
                }
            }
        }
        if gained == 0 {
            break;
        }
    }
}

/// One pass of swaps down column `i`: crossings removed, and whether anything moved.
fn transpose_column(g: &mut Proper, s: &mut Scratch, i: usize, equal: bool) -> (u64, bool) {
    s.lists.build(g, i);
    let Proper { layers, pos, .. } = g;
    let Some(layer) = layers.get_mut(i) else { return (0, false) };
    let (mut gained, mut changed) = (0u64, false);
    for j in 0..layer.len().saturating_sub(1) {
        let (now, swapped) = s.lists.pair(j, j + 1);
        if swapped < now || (equal && swapped == now && now > 0) {
            layer.swap(j, j + 1);
            s.lists.swap(j);
            pos[layer[j]] = j;
            pos[layer[j + 1]] = j + 1;
            gained += now - swapped;
            changed = true;
        }
    }
    (gained, changed)
}

/// The sorted positions of the neighbours of every vertex of one column,
/// on both sides, by slot; positions in the other columns do not change
/// while this column is reordered.
#[derive(Default)]
struct Lists {
    flat: Vec<usize>,
    /// For each list: start of its upper neighbours, of its lower ones, and end.
    spans: Vec<(usize, usize, usize)>,
    /// The list of the vertex in each slot.
    slot: Vec<usize>,
}

impl Lists {
    fn build(&mut self, g: &Proper, i: usize) {
        self.flat.clear();
        self.spans.clear();
        self.slot.clear();
        let Some(layer) = g.layers.get(i) else { return };
        for (k, &v) in layer.iter().enumerate() {
            let a = self.flat.len();
            self.flat.extend(g.up.of(v).iter().map(|&u| g.pos[u]));
            let b = self.flat.len();
            self.flat.extend(g.down.of(v).iter().map(|&u| g.pos[u]));
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

    fn sides(&self, list: usize) -> (&[usize], &[usize]) {
        let Some(&(a, b, c)) = self.spans.get(list) else { return (&[], &[]) };
        (self.flat.get(a..b).unwrap_or(&[]), self.flat.get(b..c).unwrap_or(&[]))
    }

    /// Crossings between the vertices in slots `j` and `k` with `j` above, and with `k` above.
    fn pair(&self, j: usize, k: usize) -> (u64, u64) {
        let (Some(&lj), Some(&lk)) = (self.slot.get(j), self.slot.get(k)) else { return (0, 0) };
        self.lists_pair(lj, lk)
    }

    fn lists_pair(&self, lj: usize, lk: usize) -> (u64, u64) {
        let (ju, jd) = self.sides(lj);
        let (ku, kd) = self.sides(lk);
        let (a0, a1) = merge_count(ju, ku);
        let (b0, b1) = merge_count(jd, kd);
        (a0 + b0, a1 + b1)
    }

    fn swap(&mut self, j: usize) {
        if j + 1 < self.slot.len() {
            self.slot.swap(j, j + 1);
        }
    }
}

/// Vertices in the order a depth-first search from the left meets them.
fn depth_first_order(g: &Proper) -> Vec<Vec<usize>> {
    let len = g.len();
    let mut seen = vec![false; len];
    let mut layers: Vec<Vec<usize>> = g.layers.iter().map(|l| Vec::with_capacity(l.len())).collect();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let starts: Vec<usize> = g.layers.iter().flatten().copied().filter(|&v| g.up.of(v).is_empty()).collect();
    let rest: Vec<usize> = g.layers.iter().flatten().copied().collect();
    for root in starts.into_iter().chain(rest) {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        if let Some(l) = layers.get_mut(g.layer[root]) {
            l.push(root);
        }
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let v = top.0;
            if let Some(&w) = g.down.of(v).get(top.1) {
                top.1 += 1;
                if !seen[w] {
                    seen[w] = true;
                    if let Some(l) = layers.get_mut(g.layer[w]) {
                        l.push(w);
                    }
                    stack.push((w, 0));
                }
            } else {
                stack.pop();
            }
        }
    }
    layers
}

/// Sifting (Matuszewski, Schönfeld and Molitor): each vertex of column `i`
/// in turn is taken out and put back where it crosses least, counting both
/// neighbouring columns. Ties keep the vertex where it was.
fn sift_layer(g: &mut Proper, s: &mut Scratch, i: usize) -> u64 {
    s.lists.build(g, i);
    let lists = &mut s.lists;
    let len = lists.slot.len();
    if len < 2 {
        return 0;
    }
    let mut gained = 0u64;
    for who in 0..len {
        let Some(from) = lists.slot.iter().position(|&k| k == who) else { continue };
        let (vu, vd) = lists.sides(who);
        if vu.is_empty() && vd.is_empty() {
            continue;
        }
        // Cost of the vertex at the top, relative; then moved past each other vertex.
        let (mut run, mut best, mut best_at, mut at_from) = (0i64, 0i64, 0usize, 0i64);
        let mut k = 0usize;
        for (idx, &other) in lists.slot.iter().enumerate() {
            if idx == from {
                at_from = run;
                continue;
            }
            let (above, below) = lists.lists_pair(who, other);
            run += below as i64 - above as i64;
            k += 1;
            if run < best {
                best = run;
                best_at = k;
            }
        }
        if best < at_from {
            gained += (at_from - best) as u64;
            lists.slot.remove(from);
            lists.slot.insert(best_at, who);
        }
    }
    if gained > 0 {
        let Proper { layers, pos, .. } = g;
        if let Some(layer) = layers.get_mut(i) {
            let old = layer.clone();
            for (p, &k) in lists.slot.iter().enumerate() {
                if let (Some(place), Some(&v)) = (layer.get_mut(p), old.get(k)) {
                    *place = v;
                    pos[v] = p;
                }
            }
        }
    }
    gained
}

/// For sorted `a` (of v) and `b` (of w): crossings with v above w, and with w above v.
fn merge_count(a: &[usize], b: &[usize]) -> (u64, u64) {
    match (a, b) {
        ([], _) | (_, []) => return (0, 0),
        ([x], [y]) => return ((x > y) as u64, (y > x) as u64),
        _ => {}
    }
    let (mut above, mut below) = (0u64, 0u64);
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        above += j as u64;
    }
    let mut j = 0;
    for &y in b {
        while j < a.len() && a[j] < y {
            j += 1;
        }
        below += j as u64;
    }
    (above, below)
}
