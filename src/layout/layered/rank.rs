//! Columns. Bands are ordered groups of columns; inside a band a node's
//! column is the length of the longest path of same-band edges that ends at
//! it. A node that nothing flows into then moves right, next to the first
//! node it feeds, so that it does not drag a long edge across the band.

use super::acyclic::{Kind, Oriented};
use super::csr::Csr;

pub struct Ranks {
    /// Global column of each node.
    pub column: Vec<usize>,
    /// First column and number of columns of each band (at least one each).
    pub band_columns: Vec<(usize, usize)>,
    pub columns: usize,
}

pub fn columns(n: usize, band: &[usize], bands: usize, edges: &[Oriented]) -> Ranks {
    let band_of = |v: usize| band.get(v).copied().unwrap_or(0);
    let laid = |o: &&Oriented| matches!(o.kind, Kind::Forward | Kind::Back) && o.from < n && o.to < n;
    let same_band: Vec<(usize, usize)> =
        edges.iter().filter(laid).filter(|o| band_of(o.from) == band_of(o.to)).map(|o| (o.from, o.to)).collect();
    let succ = Csr::from_pairs(n, &same_band);
    let mut indeg_band = vec![0usize; n];
    for &(_, b) in &same_band {
        bump(&mut indeg_band, b);
    }
    let mut indeg_any = vec![0usize; n];
    for o in edges.iter().filter(laid) {
        bump(&mut indeg_any, o.to);
    }

    // Longest path in topological order (Kahn); the edges are acyclic here.
    let mut local = vec![0usize; n];
    let mut left = indeg_band;
    let mut topo: Vec<usize> = (0..n).filter(|&v| left.get(v) == Some(&0)).collect();
    let mut head = 0;
    while let Some(&v) = topo.get(head) {
        head += 1;
        let next = local.get(v).copied().unwrap_or(0) + 1;
        for &w in succ.of(v) {
            if let Some(l) = local.get_mut(w) {
                *l = (*l).max(next);
            }
            if let Some(d) = left.get_mut(w) {
                *d = d.saturating_sub(1);
                if *d == 0 {
                    topo.push(w);
                }
            }
        }
    }
    // Sources move up to their first successor.
    for v in 0..n {
        if indeg_any.get(v) != Some(&0) {
            continue;
        }
        if let Some(m) = succ.of(v).iter().filter_map(|&w| local.get(w).copied()).min() {
            if let Some(l) = local.get_mut(v) {
                *l = (*l).max(m.saturating_sub(1));
            }
        }
    }

    let mut width = vec![1usize; bands];
    for (v, &l) in local.iter().enumerate() {
        if let Some(c) = width.get_mut(band_of(v)) {
            *c = (*c).max(l + 1);
        }
    }
    let mut band_columns = Vec::with_capacity(bands);
    let mut first = 0;
    for &count in &width {
        band_columns.push((first, count));
        first += count;
    }
    let column = local.iter().enumerate().map(|(v, &l)| band_columns.get(band_of(v)).map_or(0, |b| b.0) + l).collect();
    Ranks { column, band_columns, columns: first }
}

fn bump(counts: &mut [usize], v: usize) {
    if let Some(c) = counts.get_mut(v) {
        *c += 1;
    }
}
