//! Cycle breaking, for layout only. An edge into an earlier band goes
//! against the reading direction and is reversed; inside a band, the back
//! edges of a depth-first search (sources first, then input order) are
//! reversed. Every reversed edge closes a cycle or points into an earlier
//! band, so a map without loops has no back edges.

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
    let mut out: Vec<Oriented> = edges
        .iter()
        .map(|&(a, b)| {
            let kind = if a >= n || b >= n {
                Kind::Invalid
            } else if a == b {
                Kind::SelfLoop
            } else if band[b] < band[a] {
                Kind::Back
            } else {
                Kind::Forward
            };
            if kind == Kind::Back {
                Oriented { from: b, to: a, kind }
            } else {
                Oriented { from: a, to: b, kind }
            }
        })
        .collect();

    // Edges inside a band, by source, in input order.
    let mut start = vec![0usize; n + 1];
    let intra = |o: &Oriented| o.kind == Kind::Forward && band[o.from] == band[o.to];
    for o in out.iter().filter(|o| intra(o)) {
        start[o.from + 1] += 1;
    }
    for v in 0..n {
        start[v + 1] += start[v];
    }
    let mut fill = start.clone();
    let mut adj = vec![0usize; start[n]];
    let mut indeg = vec![0usize; n];
    for (i, o) in out.iter().enumerate() {
        if intra(o) {
            adj[fill[o.from]] = i;
            fill[o.from] += 1;
            indeg[o.to] += 1;
        }
    }

    // Iterative depth-first search; an edge to a node on the stack is a back edge.
    let roots = (0..n).filter(|&v| indeg[v] == 0).chain((0..n).filter(|&v| indeg[v] != 0));
    let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut reverse = Vec::new();
    for root in roots {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, start[root]));
        while let Some(top) = stack.last_mut() {
            let v = top.0;
            if top.1 < start[v + 1] {
                let e = adj[top.1];
                top.1 += 1;
                let w = out[e].to;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, start[w]));
                    }
                    1 => reverse.push(e),
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    for e in reverse {
        let o = &mut out[e];
        *o = Oriented { from: o.to, to: o.from, kind: Kind::Back };
    }
    out
}
