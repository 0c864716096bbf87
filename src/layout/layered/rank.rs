//! Columns. Bands are ordered groups of columns; inside a band a node's
//! column is the length of the longest path of same-band edges that ends at
//! it. A node that nothing flows into then moves right, next to the first
//! node it feeds, so that it does not drag a long edge across the band.
//!
//! Nodes with no flow at all (a supervisor lists the stages before drawing
//! any flow) have no column to take. They fill the gaps under the band's
//! columns, then new columns of at most `wrap_rows`: sixty unconnected
//! stages make a grid, not one column thousands of pixels tall, and one
//! more stage moves none of the others.

use super::acyclic::{Kind, Oriented};
use super::csr::Csr;

pub struct Ranks {
    /// Global column of each node.
    pub column: Vec<usize>,
    /// The column each node is ordered in: its own, except that unlinked
    /// nodes are ordered in their band's first column (where they were
    /// before they got a grid), so they change no linked node's order.
    pub ordered_in: Vec<usize>,
    /// Whether a node has an edge laid out (unlinked nodes form the grid).
    pub linked: Vec<bool>,
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
    let mut linked = vec![false; n];
    for o in edges.iter().filter(laid) {
        bump(&mut indeg_any, o.to);
        for v in [o.from, o.to] {
            if let Some(l) = linked.get_mut(v) {
                *l = true;
            }
        }
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
    for (v, &l) in local.iter().enumerate().filter(|&(v, _)| linked.get(v) == Some(&true)) {
        if let Some(c) = width.get_mut(band_of(v)) {
            *c = (*c).max(l + 1);
        }
    }
    place_unlinked(band, &linked, &mut local, &mut width);
    let mut band_columns = Vec::with_capacity(bands);
    let mut first = 0;
    for &count in &width {
        band_columns.push((first, count));
        first += count;
    }
    let first_of = |v: usize| band_columns.get(band_of(v)).map_or(0, |b| b.0);
    let column = local.iter().enumerate().map(|(v, &l)| first_of(v) + l).collect();
    let ordered_in = (0..n)
        .map(|v| first_of(v) + if linked.get(v) == Some(&true) { local.get(v).copied().unwrap_or(0) } else { 0 })
        .collect();
    Ranks { column, ordered_in, linked, band_columns, columns: first }
}

/// Columns hold at most this many unlinked nodes, more when linked nodes
/// already make a column taller or when so many are unlinked that a grid
/// about twice as tall as wide (in cards) needs it.
fn wrap_rows(unlinked: usize, tallest: usize) -> usize {
    let square = (2.0 * unlinked as f64).sqrt().ceil() as usize;
    10.max(square).max(tallest)
}

/// Spreads the unlinked nodes of each band over its columns. Each node, in
/// input order, takes the band's column with the fewest nodes (the
/// leftmost on ties) while that column is shorter than `wrap_rows`; then
/// the band's last column of unlinked nodes while it is shorter; then a
/// new column. So a stage added at the end of the file moves no other
/// stage: it fills a gap under the chain, or the grid's last column, or
/// starts the next one.
fn place_unlinked(band: &[usize], linked: &[bool], local: &mut [usize], width: &mut [usize]) {
    let is_linked = |v: usize| linked.get(v) == Some(&true);
    let bands = width.len();
    let band_of = |v: usize| band.get(v).copied().unwrap_or(0).min(bands.saturating_sub(1));
    let mut count: Vec<Vec<usize>> = width.iter().map(|&w| vec![0usize; w]).collect();
    let mut unlinked = 0;
    for (v, &l) in local.iter().enumerate() {
        if !is_linked(v) {
            unlinked += 1;
        } else if let Some(c) = count.get_mut(band_of(v)).and_then(|c| c.get_mut(l)) {
            *c += 1;
        }
    }
    if unlinked == 0 {
        return;
    }
    let tallest = count.iter().flatten().copied().max().unwrap_or(0);
    let rows = wrap_rows(unlinked, tallest);
    for (v, l) in local.iter_mut().enumerate() {
        if is_linked(v) {
            continue;
        }
        let b = band_of(v);
        let (Some(cols), Some(&linked_cols)) = (count.get_mut(b), width.get(b)) else { continue };
        let fewest = cols.iter().take(linked_cols).enumerate().min_by_key(|&(i, &c)| (c, i)).map(|(i, &c)| (i, c));
        let column = match fewest {
            Some((i, c)) if c < rows => i,
            _ if cols.len() > linked_cols && cols.last().is_some_and(|&c| c < rows) => cols.len() - 1,
            _ => {
                cols.push(0);
                cols.len() - 1
            }
        };
        if let Some(c) = cols.get_mut(column) {
            *c += 1;
        }
        *l = column;
    }
    for (w, cols) in width.iter_mut().zip(&count) {
        *w = (*w).max(cols.len());
    }
}

fn bump(counts: &mut [usize], v: usize) {
    if let Some(c) = counts.get_mut(v) {
        *c += 1;
    }
}
