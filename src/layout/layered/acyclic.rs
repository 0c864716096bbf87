//! Cycle breaking, for layout only. An edge into an earlier band goes
//! against the reading direction and is reversed; inside a band, the back
//! edges of a depth-first search (sources first, then input order) are
//! reversed. Every reversed edge closes a cycle or points into an earlier
//! band, so a map without loops has no back edges.

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
    let adj = Csr::from_pairs(n, &intra);
    let mut indeg = vec![0usize; n];
    for &(_, e) in &intra {
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
    for e in reverse {
        if let Some(o) = out.get_mut(e) {
            *o = Oriented { from: o.to, to: o.from, kind: Kind::Back };
        }
    }
    out
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
