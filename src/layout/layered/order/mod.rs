//! Crossing minimisation: the order of the vertices inside each column.
//!
//! 1. Starts: the input order (so that a small edit moves little), two
//!    breadth-first orders (from the sources and from the sinks), a
//!    depth-first order, and smoothed orders (`smooth`: positions averaged
//!    with the neighbours' over the whole graph, which finds far better
//!    orders for graphs with little structure, such as random edges). A
//!    few plain sweeps from each pick the start; the input order is kept
//!    unless another start is clearly better.
//! 2. Sweeps, alternately left to right and right to left, sort each column
//!    by the median or barycenter (two sweeps each in turn) of its
//!    neighbours in the column just fixed; vertices with no such neighbour
//!    keep their slot. Each sweep is followed by transposition (swapping
//!    neighbours while that removes crossings, as Graphviz dot does).
//! 3. Sifting rounds put each vertex in turn where it crosses least, among
//!    the slots near its own.
//! 4. Shaking rounds, on the best result: sifting that also takes equal
//!    slots (then slots one crossing worse), and transposition that also
//!    makes equal swaps, leave the plateaus and shallow pits where plain
//!    sifting stops (random graphs: 2 % fewer crossings; graphs with
//!    loops: up to 10 %).
//! 5. Loops are lifted to the top of their columns where that costs nothing.
//!
//! The best ordering seen is kept at every stage.

mod columns;
mod lift;
mod sift;
mod smooth;
mod starts;
mod sweep;

use super::crossings;
use super::proper::Proper;
use columns::Lists;
use starts::Start;

/// Sweeps from each start when choosing the start.
const QUICK_SWEEPS: usize = 8;
/// Another start must beat the input order by this factor: keeping the
/// input order's result makes small edits move little.
const STICKY: f64 = 0.8;
/// A runner-up start within this factor of the best is refined too, on
/// graphs of at least `RUNNER_UP_MIN_VERTICES` vertices (dummies included).
/// On big graphs it pays (`deep-1000-s1`: 872 → 777 crossings); on 24
/// graphs of 100 stages it won twice, by one crossing, for 27–29 % of the
/// time, and a small map's layout must stay within a frame.
const CLOSE: f64 = 1.1;
const RUNNER_UP_MIN_VERTICES: usize = 1000;
/// Sweeps at most; sweeping stops earlier after `MIN_QUIT` sweeps with
/// less than `CONVERGE` improvement of the best count (dot's values).
const MAX_ITER: usize = 24;
const MIN_QUIT: usize = 8;
/// Sweeps stop after this many when none has improved on the start: from
/// a smoothed order on big graphs they mostly never do (on the bench's
/// graphs a first gain always came within four sweeps).
const FIRST_QUIT: usize = 4;
const CONVERGE: f64 = 0.995;
/// Transposition passes over all columns at most (dot goes on until no
/// pass gains; four keep most of the gain at a third of the time).
const MAX_PASSES: usize = 4;
/// Sifting rounds over all columns at most; sifting stops when a round
/// removes less than `SIFT_MIN_GAIN` of the crossings.
const SIFT_ROUNDS: usize = 6;
const SIFT_MIN_GAIN: f64 = 0.01;
/// Shaking rounds at most, and on graphs with at least
/// `DENSE_CROSSINGS_PER_VERTEX` crossings per vertex (dummies included:
/// random graphs, 17 per vertex at 1,000 nodes), which keep gaining
/// longer; shaking stops when two rounds together remove less than
/// `SHAKE_MIN_GAIN` of the crossings. The first round takes equal slots
/// only, the others slots up to `SHAKE_SLACK` crossings worse. A round
/// costs about as much as a sifting round (rnd-1000: 2 ms natively, a
/// tenth of the whole layout).
const SHAKE_ROUNDS: usize = 4;
const SHAKE_ROUNDS_DENSE: usize = 5;
const DENSE_CROSSINGS_PER_VERTEX: u64 = 8;
const SHAKE_MIN_GAIN: f64 = 0.002;
const SHAKE_SLACK: i64 = 1;
/// From this many stages and this many vertices (dummies included) the
/// graph is a whole programme, where the layout must stay quick more than
/// it must gain the last few per cent: only the input and the smoothed
/// orders are tried as starts (on such graphs the smoothed order always
/// won), and there is no shaking. `chain-10k` (10,000 stages, 28,283
/// vertices): 500 → 307 ms natively, 3.7 % more crossings. The bench's
/// graphs (at most 5,626 vertices at 5,000 nodes) stay below it, and so do
/// maps of a thousand stages with many long flows back.
pub(super) const HUGE_STAGES: usize = 5_000;
pub(super) const HUGE_VERTICES: usize = 15_000;

/// Orders every column; returns the number of crossings of the result.
pub fn minimise(g: &mut Proper) -> u64 {
    if g.layers.len() < 2 {
        return 0;
    }
    let mut s = Scratch::default();
    // The smoothed start begins from the breadth-first order of the input.
    let smooth_from = starts::order(g, Start::BreadthFirst);
    // A few plain sweeps from every start judge it; a start other than the
    // input order is kept only if it is clearly better than the input.
    let input = sweeps(g, &mut s, QUICK_SWEEPS, false);
    let mut kept = vec![(input, g.layers.clone())];
    let huge = g.n_real >= HUGE_STAGES && g.len() >= HUGE_VERTICES;
    let others =
        if input > 0 && !huge { &[Start::BreadthFirst, Start::BreadthFirstBack, Start::DepthFirst][..] } else { &[] };
    for &start in others {
        g.layers = starts::order(g, start);
        sync_pos(g);
        let c = sweeps(g, &mut s, QUICK_SWEEPS, false);
        if (c as f64) < STICKY * input as f64 {
            kept.push((c, g.layers.clone()));
        }
    }
    if input > 0 {
        // Sweeps do not improve a smoothed order: it is judged as it is.
        let (c, layers) = smooth::best_order(g, &smooth_from, &mut s.tree);
        if (c as f64) < STICKY * input as f64 {
            kept.push((c, layers));
        }
    }
    // The best start is refined; when the runner-up is too close to call,
    // it is refined too and the better result wins (earlier starts win ties).
    crate::sorting::sort_by_key(&mut kept, |k| k.0);
    let mut runs = kept.into_iter();
    let Some(first) = runs.next() else { return 0 };
    let second = runs.next().filter(|r| (r.0 as f64) <= CLOSE * first.0 as f64 && g.len() >= RUNNER_UP_MIN_VERTICES);
    let mut best = refine(g, &mut s, first.1);
    if let Some(r) = second {
        let layers = std::mem::take(&mut g.layers);
        let other = refine(g, &mut s, r.1);
        if other >= best {
            g.layers = layers;
            sync_pos(g);
        } else {
            best = other;
        }
    }
    if !huge {
        best = shake(g, &mut s, best);
    }
    lift::lift_back_dummies(g, &mut s);
    best
}

/// Sweeps with transposition, then sifting, from `layers`; leaves the
/// result in `g` and returns its crossings.
fn refine(g: &mut Proper, s: &mut Scratch, layers: Vec<Vec<usize>>) -> u64 {
    g.layers = layers;
    sync_pos(g);
    let c = sweeps(g, s, MAX_ITER, true);
    sift(g, s, c)
}

#[derive(Default)]
pub(super) struct Scratch {
    pub(super) median: bool,
    pub(super) lists: Lists,
    pub(super) tree: Vec<u32>,
    pub(super) a: Vec<usize>,
    pub(super) keys: Vec<u128>,
    pub(super) slot_fixed: Vec<bool>,
}

/// Sweeps and transposes from the current order; leaves the best order seen.
fn sweeps(g: &mut Proper, s: &mut Scratch, max_iter: usize, with_transpose: bool) -> u64 {
    if with_transpose {
        transpose(g, s, false);
    }
    let mut best_c = crossings::total(g, &mut s.tree);
    let mut best = g.layers.clone();
    let mut stall = 0;
    let mut improved = false;
    for it in 0..max_iter {
        if best_c == 0 {
            break;
        }
        let left_to_right = it % 2 == 0;
        // Median and barycenter take turns, two sweeps each.
        s.median = (it / 2) % 2 == 1;
        sweep::sweep(g, s, left_to_right);
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
            improved = true;
        } else {
            stall += 1;
        }
        if stall >= MIN_QUIT || (!improved && stall >= FIRST_QUIT) {
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
            gained += sift::sift_column(g, s, i, None).unsigned_abs();
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

/// Shaking rounds from the current order, which crosses `best_c` times;
/// leaves the best order seen and returns its crossings.
fn shake(g: &mut Proper, s: &mut Scratch, mut best_c: u64) -> u64 {
    if best_c == 0 {
        return 0;
    }
    let dense = best_c >= DENSE_CROSSINGS_PER_VERTEX * g.len() as u64;
    let rounds = if dense { SHAKE_ROUNDS_DENSE } else { SHAKE_ROUNDS };
    let mut best = g.layers.clone();
    // The best count before the last two rounds, and before the last one.
    let mut before = [best_c, best_c];
    for round in 0..rounds {
        let slack = if round == 0 { 0 } else { SHAKE_SLACK };
        let n = g.layers.len();
        for k in 0..n {
            let i = if round % 2 == 0 { k } else { n - 1 - k };
            sift::sift_column(g, s, i, Some(slack));
        }
        transpose(g, s, true);
        let c = crossings::total(g, &mut s.tree);
        if c < best_c {
            best_c = c;
            best.clone_from(&g.layers);
        }
        let [two_ago, one_ago] = before;
        if best_c == 0 || ((two_ago - best_c) as f64) < SHAKE_MIN_GAIN * two_ago as f64 {
            break;
        }
        before = [one_ago, best_c];
    }
    g.layers = best;
    sync_pos(g);
    best_c
}

/// Positions from the column orders.
/// A sort key that orders as `x.total_cmp` does, in its top 64 bits,
/// with `low` below: columns sort plain integers rather than tuples
/// behind a comparator (on `rnd-1000` the smoothing's and the sweeps'
/// sorts were 15 % of the layout's instructions). The order is exactly
/// the tuple's, so every layout is unchanged.
#[inline(always)]
pub(super) fn float_key(x: f64, low: u64) -> u128 {
    let b = x.to_bits();
    // Negative numbers: all bits flipped; others: the sign bit set.
    let ordered = if b >> 63 == 1 { !b } else { b | (1 << 63) };
    (u128::from(ordered) << 64) | u128::from(low)
}

/// The low part of a key: `hi` above `lo`, each in 32 bits (vertex and
/// slot numbers: a graph with 2³² vertices does not fit in memory).
#[inline(always)]
pub(super) fn pair_bits(hi: usize, lo: usize) -> u64 {
    ((hi as u64) << 32) | (lo as u64 & 0xFFFF_FFFF)
}

pub(super) fn sync_pos(g: &mut Proper) {
    for l in &g.layers {
        for (i, &v) in l.iter().enumerate() {
            if let Some(p) = g.pos.get_mut(v) {
                *p = i;
            }
        }
    }
}

/// Swaps neighbours in a column while that removes crossings. With
/// `equal`, swaps that change nothing are made too (to leave a plateau).
pub(super) fn transpose(g: &mut Proper, s: &mut Scratch, equal: bool) {
    let n = g.layers.len();
    let mut candidate = vec![true; n];
    for _ in 0..MAX_PASSES {
        let mut gained = 0u64;
        for i in 0..n {
            if !candidate.get(i).copied().unwrap_or(false) {
                continue;
            }
            let (g_i, changed) = transpose_column(g, s, i, equal);
            gained += g_i;
            // A column that changed, and its neighbours, are looked at again.
            for k in i.saturating_sub(1)..i + 2 {
                if let Some(c) = candidate.get_mut(k) {
                    *c = if k == i { changed } else { *c || changed };
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
    let (mut gained, mut changed) = (0u64, false);
    for j in 0..g.layers.get(i).map_or(0, |l| l.len().saturating_sub(1)) {
        let (now, swapped) = s.lists.pair(j, j + 1);
        if swapped < now || (equal && swapped == now && now > 0) {
            g.swap_down(i, j);
            s.lists.swap(j);
            gained += now - swapped;
            changed = true;
        }
    }
    (gained, changed)
}
