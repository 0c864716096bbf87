//! Starting orders for the sweeps: breadth-first from the sources or from
//! the sinks, and depth-first, each visiting in input order. Breadth-first
//! orders keep nodes close to the nodes they are joined to, which is most
//! of what a good ordering needs.

use super::super::proper::Proper;

#[derive(Clone, Copy, Debug)]
pub enum Start {
    DepthFirst,
    BreadthFirst,
    BreadthFirstBack,
}

pub fn order(g: &Proper, start: Start) -> Vec<Vec<usize>> {
    match start {
        Start::DepthFirst => depth_first_order(g),
        Start::BreadthFirst => breadth_first_order(g, false),
        Start::BreadthFirstBack => breadth_first_order(g, true),
    }
}

/// Marks `v` seen; true the first time.
fn first_visit(seen: &mut [bool], v: usize) -> bool {
    match seen.get_mut(v) {
        Some(s) if !*s => {
            *s = true;
            true
        }
        _ => false,
    }
}

/// Appends `v` to its column.
fn append(layers: &mut [Vec<usize>], g: &Proper, v: usize) {
    if let Some(l) = g.layer.get(v).and_then(|&c| layers.get_mut(c)) {
        l.push(v);
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
        if !first_visit(&mut seen, root) {
            continue;
        }
        queue.clear();
        queue.push(root);
        let mut head = 0;
        while let Some(&v) = queue.get(head) {
            head += 1;
            append(&mut layers, g, v);
            for &w in fwd.of(v).iter().chain(bwd.of(v)) {
                if first_visit(&mut seen, w) {
                    queue.push(w);
                }
            }
        }
    }
    layers
}

/// Vertices in the order a depth-first search from the left meets them.
fn depth_first_order(g: &Proper) -> Vec<Vec<usize>> {
    let mut seen = vec![false; g.len()];
    let mut layers: Vec<Vec<usize>> = g.layers.iter().map(|l| Vec::with_capacity(l.len())).collect();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let starts: Vec<usize> = g.layers.iter().flatten().copied().filter(|&v| g.up.of(v).is_empty()).collect();
    let rest: Vec<usize> = g.layers.iter().flatten().copied().collect();
    for root in starts.into_iter().chain(rest) {
        if !first_visit(&mut seen, root) {
            continue;
        }
        append(&mut layers, g, root);
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            match g.down.of(top.0).get(top.1) {
                Some(&w) => {
                    top.1 += 1;
                    if first_visit(&mut seen, w) {
                        append(&mut layers, g, w);
                        stack.push((w, 0));
                    }
                }
                None => {
                    stack.pop();
                }
            }
        }
    }
    layers
}
