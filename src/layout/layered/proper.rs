//! The proper layered graph: every edge joins adjacent columns, long edges
//! having one dummy vertex per column they pass. Vertices `0..n` are the
//! nodes, the rest dummies. Neighbour lists are stored compactly (CSR).

use super::acyclic::{Kind, Oriented};
use super::rank::Ranks;

/// Neighbour lists of every vertex in one flat array.
#[derive(Clone, Debug, Default)]
pub struct Csr {
    start: Vec<usize>,
    list: Vec<usize>,
}

impl Csr {
    fn from_pairs(len: usize, pairs: &[(usize, usize)]) -> Csr {
        let mut start = vec![0usize; len + 1];
        for &(a, _) in pairs {
            start[a + 1] += 1;
        }
        for v in 0..len {
            start[v + 1] += start[v];
        }
        let mut fill = start.clone();
        let mut list = vec![0usize; pairs.len()];
        for &(a, b) in pairs {
            list[fill[a]] = b;
            fill[a] += 1;
        }
        Csr { start, list }
    }

    /// Neighbours of `v` (empty for an unknown vertex).
    pub fn of(&self, v: usize) -> &[usize] {
        match (self.start.get(v), self.start.get(v + 1)) {
            (Some(&a), Some(&b)) => self.list.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

pub struct Proper {
    pub n_real: usize,
    /// Column of each vertex.
    pub layer: Vec<usize>,
    /// Vertices of each column, top to bottom.
    pub layers: Vec<Vec<usize>>,
    /// Index of each vertex in its column.
    pub pos: Vec<usize>,
    /// Neighbours in the previous column.
    pub up: Csr,
    /// Neighbours in the next column.
    pub down: Csr,
    /// For each input edge that is laid out: its vertices in layout direction.
    pub chains: Vec<Vec<usize>>,
    /// Dummy vertices of reversed edges (kept above their peers on ties).
    pub back_dummy: Vec<bool>,
}

impl Proper {
    pub fn len(&self) -> usize {
        self.layer.len()
    }
}

/// At most this many dummies per node and edge: long edges beyond it are
/// drawn without routing (a guard against quadratic blow-up on odd input).
const DUMMY_BUDGET_PER_ITEM: usize = 64;

pub fn build(n: usize, ranks: &Ranks, edges: &[Oriented]) -> Proper {
    let col = |v: usize| ranks.column.get(v).copied().unwrap_or(0);
    let laid: Vec<usize> =
        (0..edges.len()).filter(|&i| matches!(edges[i].kind, Kind::Forward | Kind::Back)).collect();
    // Shortest edges get their dummies first.
    let mut budget = DUMMY_BUDGET_PER_ITEM * (n + laid.len()) + 10_000;
    let mut by_span = laid.clone();
    by_span.sort_by_key(|&i| (col(edges[i].to).saturating_sub(col(edges[i].from)), i));
    let mut routed = vec![false; edges.len()];
    for &i in &by_span {
        let dummies = col(edges[i].to).saturating_sub(col(edges[i].from)).saturating_sub(1);
        if dummies <= budget {
            budget -= dummies;
            routed[i] = true;
        }
    }

    let mut layer: Vec<usize> = (0..n).map(col).collect();
    let mut back_dummy = vec![false; n];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut chains = vec![Vec::new(); edges.len()];
    for &i in &laid {
        if !routed[i] {
            continue;
        }
        let o = edges[i];
        let mut chain = vec![o.from];
        for c in col(o.from) + 1..col(o.to) {
            let d = layer.len();
            layer.push(c);
            back_dummy.push(o.kind == Kind::Back);
            chain.push(d);
        }
        chain.push(o.to);
        for w in chain.windows(2) {
            pairs.push((w[0], w[1]));
        }
        chains[i] = chain;
    }
    let len = layer.len();
    let down = Csr::from_pairs(len, &pairs);
    let reversed: Vec<(usize, usize)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
    let up = Csr::from_pairs(len, &reversed);
    let columns = ranks.columns.max(layer.iter().map(|&c| c + 1).max().unwrap_or(0));
    let mut layers = vec![Vec::new(); columns];
    for (v, &c) in layer.iter().enumerate() {
        layers[c].push(v);
    }
    let mut pos = vec![0usize; len];
    for l in &layers {
        for (i, &v) in l.iter().enumerate() {
            pos[v] = i;
        }
    }
    Proper { n_real: n, layer, layers, pos, up, down, chains, back_dummy }
}
