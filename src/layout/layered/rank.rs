//! Columns. Bands are ordered groups of columns; inside a band a node's
//! column is the length of the longest path of same-band edges that ends at
//! it. A node that nothing flows into then moves right, next to the first
//! node it feeds, so that it does not drag a long edge across the band.

use super::acyclic::{Kind, Oriented};

pub struct Ranks {
    /// Global column of each node.
    pub column: Vec<usize>,
    /// First column and number of columns of each band (at least one each).
    pub band_columns: Vec<(usize, usize)>,
    pub columns: usize,
}

pub fn columns(n: usize, band: &[usize], bands: usize, edges: &[Oriented]) -> Ranks {
    let laid = |o: &&Oriented| matches!(o.kind, Kind::Forward | Kind::Back);
    let mut start = vec![0usize; n + 1];
    let mut indeg_band = vec![0usize; n];
    let mut indeg_any = vec![0usize; n];
    for o in edges.iter().filter(laid) {
        indeg_any[o.to] += 1;
        if band[o.from] == band[o.to] {
            start[o.from + 1] += 1;
            indeg_band[o.to] += 1;
        }
    }
    for v in 0..n {
        start[v + 1] += start[v];
    }
    let mut fill = start.clone();
    let mut succ = vec![0usize; start[n]];
    for o in edges.iter().filter(laid) {
        if band[o.from] == band[o.to] {
            succ[fill[o.from]] = o.to;
            fill[o.from] += 1;
        }
    }

    // Longest path in topological order (Kahn); the edges are acyclic here.
    let mut local = vec![0usize; n];
    let mut left = indeg_band.clone();
    let mut topo: Vec<usize> = (0..n).filter(|&v| left[v] == 0).collect();
    let mut head = 0;
    while let Some(&v) = topo.get(head) {
        head += 1;
        for &w in &succ[start[v]..start[v + 1]] {
            local[w] = local[w].max(local[v] + 1);
            left[w] -= 1;
            if left[w] == 0 {
                topo.push(w);
            }
        }
    }
    // Sources move up to their first successor.
    for v in 0..n {
        let next = &succ[start[v]..start[v + 1]];
        if indeg_any[v] == 0 {
            if let Some(m) = next.iter().map(|&w| local[w]).min() {
                local[v] = local[v].max(m.saturating_sub(1));
            }
        }
    }

    let mut width = vec![1usize; bands];
    for v in 0..n {
        if let Some(c) = width.get_mut(band[v]) {
            *c = (*c).max(local[v] + 1);
        }
    }
    let mut band_columns = Vec::with_capacity(bands);
    let mut first = 0;
    for &count in &width {
        band_columns.push((first, count));
        first += count;
    }
    let column = (0..n).map(|v| band_columns.get(band[v]).map_or(0, |b| b.0) + local[v]).collect();
    Ranks { column, band_columns, columns: first }
}
