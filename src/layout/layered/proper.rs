//! The proper layered graph: every edge joins adjacent columns, long edges
//! having one dummy vertex per column they pass. Vertices `0..n` are the
//! nodes, the rest dummies.

use super::acyclic::{Kind, Oriented};
use super::csr::Csr;
use super::rank::Ranks;

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
    /// The nodes of the grid of nodes without edges (`regrid`).
    unlinked: Vec<bool>,
}

impl Proper {
    pub fn len(&self) -> usize {
        self.layer.len()
    }

    /// Position of `v` in its column.
    pub fn pos_of(&self, v: usize) -> usize {
        self.pos.get(v).copied().unwrap_or(0)
    }

    /// Moves the nodes without edges from the column they were ordered in
    /// to their own (`Ranks::column`), below the rest of the column and in
    /// input order. Where they sit changes no crossing.
    pub fn regrid(&mut self, ranks: &Ranks) {
        self.unlinked = (0..self.n_real).map(|v| ranks.linked.get(v) == Some(&false)).collect();
        let mut layers = std::mem::take(&mut self.layers);
        for layer in &mut layers {
            layer.retain(|&v| !self.is_unlinked(v));
        }
        let alone: Vec<usize> = (0..self.n_real).filter(|&v| self.is_unlinked(v)).collect();
        for v in alone {
            let c = ranks.column.get(v).copied().unwrap_or(0);
            if layers.len() <= c {
                layers.resize(c + 1, Vec::new());
            }
            if let Some(l) = layers.get_mut(c) {
                l.push(v);
            }
            if let Some(slot) = self.layer.get_mut(v) {
                *slot = c;
            }
        }
        for l in &layers {
            for (i, &v) in l.iter().enumerate() {
                if let Some(p) = self.pos.get_mut(v) {
                    *p = i;
                }
            }
        }
        self.layers = layers;
    }

    /// A node of the grid of nodes without edges (after `regrid`).
    pub fn is_unlinked(&self, v: usize) -> bool {
        self.unlinked.get(v) == Some(&true)
    }

    /// Swaps the vertices in slots `j` and `j + 1` of column `i`.
    pub fn swap_down(&mut self, i: usize, j: usize) {
        let Some(layer) = self.layers.get_mut(i) else { return };
        if j + 1 >= layer.len() {
            return;
        }
        layer.swap(j, j + 1);
        for k in [j, j + 1] {
            if let Some(p) = layer.get(k).and_then(|&v| self.pos.get_mut(v)) {
                *p = k;
            }
        }
    }
}

/// At most this many dummies per node and edge (and `DUMMY_BUDGET_BASE`):
/// long edges beyond it are drawn without routing, a guard against the
/// quadratic blow-up of random graphs with thousands of columns. Chains
/// and the bench's graphs need well under one per edge.
const DUMMY_BUDGET_PER_ITEM: usize = 4;
const DUMMY_BUDGET_BASE: usize = 10_000;

pub fn build(n: usize, ranks: &Ranks, edges: &[Oriented]) -> Proper {
    let col = |v: usize| ranks.ordered_in.get(v).copied().unwrap_or(0);
    // (edge number, first column, last column) of the edges laid out.
    let laid: Vec<(usize, usize, usize)> = edges
        .iter()
        .enumerate()
        .filter(|(_, o)| matches!(o.kind, Kind::Forward | Kind::Back) && o.from < n && o.to < n)
        .map(|(i, o)| (i, col(o.from), col(o.to)))
        .collect();
    // Shortest edges get their dummies first.
    let mut budget = DUMMY_BUDGET_PER_ITEM * (n + laid.len()) + DUMMY_BUDGET_BASE;
    let mut by_span = laid.clone();
    crate::sorting::sort_by_key(&mut by_span, |&(i, a, b)| (b.saturating_sub(a), i));
    let mut routed = vec![false; edges.len()];
    for &(i, a, b) in &by_span {
        let dummies = b.saturating_sub(a).saturating_sub(1);
        if dummies <= budget {
            budget -= dummies;
            if let Some(r) = routed.get_mut(i) {
                *r = true;
            }
        }
    }

    let mut layer: Vec<usize> = (0..n).map(col).collect();
    let mut back_dummy = vec![false; n];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut chains = vec![Vec::new(); edges.len()];
    for &(i, a, b) in &laid {
        let (Some(o), Some(true)) = (edges.get(i), routed.get(i)) else { continue };
        let mut chain = vec![o.from];
        for c in a + 1..b {
            chain.push(layer.len());
            layer.push(c);
            back_dummy.push(o.kind == Kind::Back);
        }
        chain.push(o.to);
        pairs.extend(chain.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))));
        if let Some(slot) = chains.get_mut(i) {
            *slot = chain;
        }
    }
    let len = layer.len();
    let down = Csr::from_pairs(len, &pairs);
    let reversed: Vec<(usize, usize)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
    let up = Csr::from_pairs(len, &reversed);
    let columns = ranks.columns.max(layer.iter().map(|&c| c + 1).max().unwrap_or(0));
    let mut layers = vec![Vec::new(); columns];
    for (v, &c) in layer.iter().enumerate() {
        if let Some(l) = layers.get_mut(c) {
            l.push(v);
        }
    }
    let mut pos = vec![0usize; len];
    for l in &layers {
        for (i, &v) in l.iter().enumerate() {
            if let Some(p) = pos.get_mut(v) {
                *p = i;
            }
        }
    }
    Proper { n_real: n, layer, layers, pos, up, down, chains, back_dummy, unlinked: Vec::new() }
}
