//! Strongly connected sets of a directed graph (Kosaraju's algorithm,
//! iterative in petgraph, so a long chain cannot overflow the stack). Used
//! by the analysis (a map's loops) and by the layout (breaking them).

use petgraph::graph::{DiGraph, NodeIndex};

/// The strongly connected sets of the graph on vertices `0..n` with the
/// edges `pairs` (pairs naming a vertex at or beyond `n` are left out),
/// single vertices included. Each set is in vertex order, and every set
/// comes after the sets that feed it.
pub fn sets(n: usize, pairs: impl IntoIterator<Item = (usize, usize)>) -> Vec<Vec<usize>> {
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(n, 0);
    for _ in 0..n {
        g.add_node(());
    }
    for (a, b) in pairs {
        if a < n && b < n {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
    }
    // Kosaraju lists the sets sinks first: reversed, every set comes after
    // the sets that feed it.
    let mut sets: Vec<Vec<usize>> = petgraph::algo::kosaraju_scc(&g)
        .into_iter()
        .map(|c| {
            let mut vs: Vec<usize> = c.into_iter().map(|v| v.index()).collect();
            vs.sort_unstable();
            vs
        })
        .collect();
    sets.reverse();
    sets
}

#[cfg(test)]
mod tests {
    #[test]
    fn sets_come_after_the_sets_that_feed_them() {
        // 0 → {1, 2} (a loop) → 3; 4 alone; an edge to a missing vertex.
        let s = super::sets(5, [(0, 1), (1, 2), (2, 1), (2, 3), (3, 9)]);
        assert_eq!(s.len(), 4);
        let at = |v: usize| s.iter().position(|set| set.contains(&v)).unwrap_or(usize::MAX);
        assert!(s.contains(&vec![1, 2]));
        assert!(at(0) < at(1) && at(1) < at(3));
        assert!(at(4) != usize::MAX);
    }
}
