//! Cycle breaking, for layout only. An edge into an earlier band goes
//! against the reading direction and is reversed; inside a band, the loops
//! are broken by one of three sets of edges (a depth-first search's back
//! edges, a greedy order's, or each loop taken from where flows enter it:
//! `layered_back_edges`), whichever leaves the shortest longest path;
//! then the edges of that set that can keep their direction are put back
//! (`only_needed`). Every reversed edge closes a cycle or points into an
//! earlier band, so a map without loops has no back edges.

use std::collections::BTreeSet;

use super::csr::Csr;

/// What an input edge became.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Laid out in its own direction.
    Forward,
    /// Laid out reversed (`from`/`to` below are already swapped).
    Back,
    /// From a node to itself: drawn as a small loop, not laid out.
    SelfLoop,
    /// An end names no node.
    Invalid,
}

/// An edge in layout direction: `from` is always in an earlier column than `to`.
#[derive(Clone, Copy, Debug)]
pub struct Oriented {
    pub from: usize,
    pub to: usize,
    pub kind: Kind,
}

pub fn orient(n: usize, band: &[usize], edges: &[(usize, usize)]) -> Vec<Oriented> {
    let band_of = |v: usize| band.get(v).copied().unwrap_or(0);
    let mut out: Vec<Oriented> = edges
        .iter()
        .map(|&(a, b)| {
            if a >= n || b >= n {
                Oriented { from: a, to: b, kind: Kind::Invalid }
            } else if a == b {
                Oriented { from: a, to: b, kind: Kind::SelfLoop }
            } else if band_of(b) < band_of(a) {
                Oriented { from: b, to: a, kind: Kind::Back }
            } else {
                Oriented { from: a, to: b, kind: Kind::Forward }
            }
        })
        .collect();

    // Edges inside a band, by source, in input order (as edge numbers).
    let intra: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .filter(|(_, o)| o.kind == Kind::Forward && band_of(o.from) == band_of(o.to))
        .map(|(i, o)| (o.from, i))
        .collect();
    // Three ways of breaking the loops inside bands: the back edges of a
    // depth-first search, of a greedy order, or of each loop's distances
    // from where flows enter it. The one whose longest path is shortest
    // wins (fewer columns, shorter flows); on ties the earlier, so the
    // search, which is how loops were broken first, keeps the layouts it
    // made. (A band without loops has no back edge any way: the search's
    // empty list is taken as it is.)
    let search = search_back_edges(n, &out, &intra);
    let reverse = if search.is_empty() {
        search
    } else {
        let sets = loop_sets(n, &out, &intra);
        // The greedy order can put a vertex before one that feeds it from
        // another loop; such an edge closes no loop and stays as it is.
        let same_set =
            |e: &usize| out.get(*e).is_some_and(|o| sets.of.get(o.from).is_some_and(|s| Some(s) == sets.of.get(o.to)));
        let greedy = greedy_back_edges(n, &out, &intra).into_iter().filter(same_set).collect();
        let layered = layered_back_edges(n, &out, &intra, &sets);
        let mut best: Option<(usize, Vec<usize>)> = None;
        for candidate in [search, greedy, layered] {
            let length = measure(n, &out, &intra, &candidate).map_or(usize::MAX, |m| m.longest);
            if best.as_ref().is_none_or(|(l, _)| length < *l) {
                best = Some((length, candidate));
            }
        }
        only_needed(n, &out, &intra, best.map(|(_, r)| r).unwrap_or_default())
    };
    for e in reverse {
        if let Some(o) = out.get_mut(e) {
            *o = Oriented { from: o.to, to: o.from, kind: Kind::Back };
        }
    }
    out
}

/// The edges of `intra` laid out with those of `reverse` (sorted)
/// reversed, measured with columns by longest path.
#[derive(Clone, Copy)]
struct Measure {
    /// Edges on the longest path: the columns, less one.
    longest: usize,
    /// Columns spanned by all the edges: long edges make dummy vertices,
    /// and dummy vertices make crossings and time.
    span: usize,
}

/// None when the edges so laid out have a cycle.
fn measure(n: usize, out: &[Oriented], intra: &[(usize, usize)], reverse: &[usize]) -> Option<Measure> {
    let pairs: Vec<(usize, usize)> = intra
        .iter()
        .filter_map(|&(_, e)| {
            let o = out.get(e)?;
            Some(if reverse.binary_search(&e).is_ok() { (o.to, o.from) } else { (o.from, o.to) })
        })
        .collect();
    let succ = Csr::from_pairs(n, &pairs);
    let mut indeg = vec![0usize; n];
    for &(_, b) in &pairs {
        if let Some(d) = indeg.get_mut(b) {
            *d += 1;
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&v| indeg.get(v) == Some(&0)).collect();
    let mut length = vec![0usize; n];
    let mut longest = 0;
    let mut taken = 0;
    while let Some(v) = ready.pop() {
        taken += 1;
        let here = length.get(v).copied().unwrap_or(0);
        longest = longest.max(here);
        for &w in succ.of(v) {
            if let Some(l) = length.get_mut(w) {
                *l = (*l).max(here + 1);
            }
            if let Some(d) = indeg.get_mut(w) {
                *d -= 1;
                if *d == 0 {
                    ready.push(w);
                }
            }
        }
    }
    let at = |v: usize| length.get(v).copied().unwrap_or(0);
    let span = pairs.iter().map(|&(a, b)| at(b).saturating_sub(at(a))).sum();
    (taken == n).then_some(Measure { longest, span })
}

/// Work allowed to `only_needed`: measures times the size of the graph.
/// 1,000 stages with 100 loops take about 0.4 M.
const ONLY_NEEDED_WORK: usize = 20_000_000;

/// `reverse` without the edges that can keep their own direction: in edge
/// order, again until none is put back, an edge is put back when that
/// leaves no cycle, no more columns and no longer edges. Each of the three
/// ways can reverse more than it must (a flow drawn back for nothing shows
/// a loop the map does not have): 1,000 stages with 100 loops 80 → 70
/// flows drawn back, 32 layers with 30 loops 65 → 40, and fewer crossings
/// on most such graphs.
fn only_needed(n: usize, out: &[Oriented], intra: &[(usize, usize)], mut reverse: Vec<usize>) -> Vec<usize> {
    let size = n + intra.len();
    let mut work = size;
    let Some(mut now) = measure(n, out, intra, &reverse) else { return reverse };
    let mut put_back = true;
    while put_back {
        put_back = false;
        let mut k = 0;
        while k < reverse.len() {
            work += size;
            if work > ONLY_NEEDED_WORK {
                return reverse;
            }
            let e = reverse.remove(k);
            match measure(n, out, intra, &reverse) {
                Some(m) if m.longest <= now.longest && m.span <= now.span => {
                    now = m;
                    put_back = true;
                }
                _ => {
                    reverse.insert(k, e);
                    k += 1;
                }
            }
        }
    }
    reverse
}

/// The back edges of a depth-first search (sources first, then input
/// order): an edge to a vertex on the search's stack. In edge order.
fn search_back_edges(n: usize, out: &[Oriented], intra: &[(usize, usize)]) -> Vec<usize> {
    let adj = Csr::from_pairs(n, intra);
    let mut indeg = vec![0usize; n];
    for &(_, e) in intra {
        if let Some(d) = out.get(e).and_then(|o| indeg.get_mut(o.to)) {
            *d += 1;
        }
    }

    // Iterative depth-first search; an edge to a node on the stack is a back edge.
    let has_no_input = |v: &usize| indeg.get(*v) == Some(&0);
    let roots: Vec<usize> = (0..n).filter(has_no_input).chain((0..n).filter(|v| !has_no_input(v))).collect();
    let mut state = vec![State::New; n];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut reverse = Vec::new();
    for root in roots {
        if state.get(root) != Some(&State::New) {
            continue;
        }
        set(&mut state, root, State::OnStack);
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let v = top.0;
            match adj.of(v).get(top.1) {
                Some(&e) => {
                    top.1 += 1;
                    let w = out.get(e).map_or(v, |o| o.to);
                    match state.get(w) {
                        Some(State::New) => {
                            set(&mut state, w, State::OnStack);
                            stack.push((w, 0));
                        }
                        Some(State::OnStack) => reverse.push(e),
                        _ => {}
                    }
                }
                None => {
                    set(&mut state, v, State::Done);
                    stack.pop();
                }
            }
        }
    }
    reverse.sort_unstable();
    reverse
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    OnStack,
    Done,
}

fn set(state: &mut [State], v: usize, to: State) {
    if let Some(s) = state.get_mut(v) {
        *s = to;
    }
}

/// The edges (numbers in `intra`, by source, in edge order) that go backwards in a
/// vertex order made by the greedy heuristic of Eades, Lin and Smyth:
/// sinks go to the end and sources to the front as they appear; when
/// neither is left, the vertex with most more outputs than inputs goes to
/// the front (the lowest number on ties). Reversing them leaves no cycle,
/// and few edges reversed (a DAG none): a depth-first search, used before,
/// could take forward edges for back ones and stretch a graph with fifty
/// loops among 1,000 stages over 82 columns instead of 14.
fn greedy_back_edges(n: usize, out: &[Oriented], intra: &[(usize, usize)]) -> Vec<usize> {
    let ends = |e: usize| out.get(e).map(|o| (o.from, o.to));
    let outs = Csr::from_pairs(n, intra);
    let into: Vec<(usize, usize)> = intra.iter().filter_map(|&(_, e)| ends(e).map(|(_, to)| (to, e))).collect();
    let ins = Csr::from_pairs(n, &into);
    let mut outdeg: Vec<i64> = (0..n).map(|v| outs.of(v).len() as i64).collect();
    let mut indeg: Vec<i64> = (0..n).map(|v| ins.of(v).len() as i64).collect();
    let at = |d: &[i64], v: usize| d.get(v).copied().unwrap_or(0);
    // Vertices with both inputs and outputs left, by (inputs − outputs, number):
    // the first is the one to take when there is no source or sink.
    let mut middle: BTreeSet<(i64, usize)> = BTreeSet::new();
    let mut ends_q: Vec<usize> = Vec::new();
    for v in 0..n {
        if at(&indeg, v) > 0 && at(&outdeg, v) > 0 {
            middle.insert((at(&indeg, v) - at(&outdeg, v), v));
        } else {
            ends_q.push(v);
        }
    }
    ends_q.reverse(); // taken from the back: lowest numbers first
    let mut done = vec![false; n];
    let mut front: Vec<usize> = Vec::with_capacity(n);
    let mut back: Vec<usize> = Vec::new();
    let mut left = n;
    while left > 0 {
        let v = match ends_q.pop() {
            Some(v) => v,
            None => match middle.pop_first() {
                Some((_, v)) => v,
                None => break,
            },
        };
        if done.get(v) != Some(&false) {
            continue;
        }
        if let Some(d) = done.get_mut(v) {
            *d = true;
        }
        left -= 1;
        middle.remove(&(at(&indeg, v) - at(&outdeg, v), v));
        // A sink (no outputs left) goes to the end, anything else to the front.
        if at(&outdeg, v) == 0 && at(&indeg, v) > 0 {
            back.push(v);
        } else {
            front.push(v);
        }
        // Its neighbours lose an input or an output; one left with none
        // becomes a source or a sink.
        let touched = outs.of(v).iter().filter_map(|&e| ends(e).map(|(_, w)| (w, true)));
        let touched = touched.chain(ins.of(v).iter().filter_map(|&e| ends(e).map(|(u, _)| (u, false))));
        for (w, lost_input) in touched {
            if done.get(w) != Some(&false) {
                continue;
            }
            let key = (at(&indeg, w) - at(&outdeg, w), w);
            let (i, o) = match (indeg.get_mut(w), outdeg.get_mut(w)) {
                (Some(i), Some(o)) => {
                    if lost_input {
                        *i -= 1;
                    } else {
                        *o -= 1;
                    }
                    (*i, *o)
                }
                _ => continue,
            };
            if middle.remove(&key) {
                if i > 0 && o > 0 {
                    middle.insert((i - o, w));
                } else {
                    ends_q.push(w);
                }
            }
        }
    }
    let mut pos = vec![usize::MAX; n];
    for (k, &v) in front.iter().chain(back.iter().rev()).enumerate() {
        if let Some(p) = pos.get_mut(v) {
            *p = k;
        }
    }
    let place = |v: usize| pos.get(v).copied().unwrap_or(usize::MAX);
    intra.iter().map(|&(_, e)| e).filter(|&e| ends(e).is_some_and(|(a, b)| place(a) > place(b))).collect()
}

/// The edges to reverse so that each loop is laid out as the flow goes
/// through it. The strongly connected sets of vertices are taken in the
/// order flows pass between them, each vertex getting a rank (longest
/// path from the start, as the columns will be). Inside a set, each vertex
/// gets its distance from where flows enter the set (the rank of the
/// vertex outside that feeds it, plus one; a set nothing enters starts at
/// its vertex with most more outputs than inputs, the lowest number on
/// ties), and an edge to a vertex no farther away is reversed; edges
/// between vertices at the same distance are broken by the greedy order.
/// Only edges on a loop are reversed, and every edge kept inside a set
/// goes one step farther, so a chain of layers with flows back from late
/// layers to early ones keeps its layers, where the greedy order (its
/// choice goes by counts of inputs and outputs) can take forward flows
/// for back ones.
fn layered_back_edges(n: usize, out: &[Oriented], intra: &[(usize, usize)], sets: &LoopSets) -> Vec<usize> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let ends = |e: usize| out.get(e).map(|o| (o.from, o.to)).filter(|&(a, b)| a < n && b < n);
    let (set, sets) = (&sets.of, &sets.sets);
    let set_of = |v: usize| set.get(v).copied().unwrap_or(usize::MAX);
    let outs = Csr::from_pairs(n, intra);
    let into: Vec<(usize, usize)> = intra.iter().filter_map(|&(_, e)| ends(e).map(|(_, b)| (b, e))).collect();
    let ins = Csr::from_pairs(n, &into);
    let from_of = |e: usize| ends(e).map_or(usize::MAX, |(a, _)| a);
    let to_of = |e: usize| ends(e).map_or(usize::MAX, |(_, b)| b);
    let mut rank = vec![0usize; n];
    let mut dist = vec![usize::MAX; n];
    let mut heap = BinaryHeap::new();
    let mut reverse = Vec::new();
    let mut level = Vec::new();
    for (k, vs) in sets.iter().enumerate() {
        // Where flows from earlier sets put each vertex.
        let entry = |rank: &[usize], v: usize| {
            ins.of(v)
                .iter()
                .map(|&e| from_of(e))
                .filter(|&a| set_of(a) != k)
                .map(|a| rank.get(a).copied().unwrap_or(0) + 1)
                .max()
        };
        if let [v] = vs[..] {
            let r = entry(&rank, v).unwrap_or(0);
            if let Some(x) = rank.get_mut(v) {
                *x = r;
            }
            continue;
        }
        let mut entered = false;
        for &v in vs {
            if let Some(r) = entry(&rank, v) {
                entered = true;
                heap.push(Reverse((r, v)));
            }
        }
        if !entered {
            let balance = |v: usize| {
                let inside = |es: &[usize], end: &dyn Fn(usize) -> usize| {
                    es.iter().filter(|&&e| set_of(end(e)) == k).count() as i64
                };
                inside(outs.of(v), &to_of) - inside(ins.of(v), &from_of)
            };
            if let Some(v) = vs.iter().copied().max_by_key(|&v| (balance(v), Reverse(v))) {
                heap.push(Reverse((0, v)));
            }
        }
        while let Some(Reverse((d, v))) = heap.pop() {
            match dist.get_mut(v) {
                Some(x) if *x == usize::MAX => *x = d,
                _ => continue,
            }
            for &e in outs.of(v) {
                let w = to_of(e);
                if set_of(w) == k && dist.get(w) == Some(&usize::MAX) {
                    heap.push(Reverse((d + 1, w)));
                }
            }
        }
        let dist_of = |v: usize| dist.get(v).copied().unwrap_or(usize::MAX);
        for &v in vs {
            let r = dist_of(v).max(entry(&rank, v).unwrap_or(0));
            if let Some(x) = rank.get_mut(v) {
                *x = r;
            }
            for &e in outs.of(v) {
                let w = to_of(e);
                if set_of(w) != k {
                    continue;
                }
                match dist_of(v).cmp(&dist_of(w)) {
                    std::cmp::Ordering::Greater => reverse.push(e),
                    std::cmp::Ordering::Equal => level.push((v, e)),
                    std::cmp::Ordering::Less => {}
                }
            }
        }
    }
    level.sort_unstable();
    reverse.extend(greedy_back_edges(n, out, &level));
    reverse.sort_unstable();
    reverse
}

/// The strongly connected sets of the edges of `intra`, every set after
/// the sets that feed it, each in vertex order, and the set of each vertex.
struct LoopSets {
    sets: Vec<Vec<usize>>,
    of: Vec<usize>,
}

fn loop_sets(n: usize, out: &[Oriented], intra: &[(usize, usize)]) -> LoopSets {
    let pairs = intra.iter().filter_map(|&(_, e)| out.get(e).map(|o| (o.from, o.to)));
    let sets = crate::strongly_connected::sets(n, pairs);
    let mut of = vec![usize::MAX; n];
    for (k, vs) in sets.iter().enumerate() {
        for &v in vs {
            if let Some(s) = of.get_mut(v) {
                *s = k;
            }
        }
    }
    LoopSets { sets, of }
}
