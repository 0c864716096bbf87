//! A layered (Sugiyama) layout of any directed graph, drawn left to right.
//!
//! The steps, one module each:
//! 1. `acyclic` — cycles are broken for layout only: flows into an earlier
//!    band, and inside a band the back edges of a search, of a greedy
//!    order or of each loop's distances from where flows enter it
//!    (whichever leaves the fewest columns), are reversed (they are still
//!    drawn in their own direction).
//! 2. `rank` — bands are ordered groups of columns; inside a band a node
//!    takes its column by longest path. Nodes without edges fill the gaps
//!    under their band's columns, then a grid of new ones (after
//!    ordering, `regrid`).
//! 3. `proper` — long edges get one dummy node per column they pass.
//! 4. `order` — crossing minimisation: median/barycenter sweeps with
//!    transposition from the best of several starting orders (input order
//!    first; breadth- and depth-first orders; orders smoothed over the
//!    whole graph), then sifting; the best ordering seen wins.
//! 5. `coords` — columns get x from the widest node; inside a column nodes
//!    are pulled towards their neighbours, kept in order and apart (a
//!    priority method solved exactly per column by pooling).
//! 6. `routes` — every edge becomes a polyline through its dummy nodes:
//!    horizontal inside columns, one S-curve per gap between columns, so
//!    routes never pass through a node box.
//!
//! Everything is deterministic: ties are broken by input order, and no
//! hash-map iteration order is used.

mod acyclic;
mod coords;
mod crossings;
mod csr;
mod order;
mod proper;
mod rank;
mod routes;

pub use routes::{Route, RouteKind};

/// Width and height of a node box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub w: f64,
    pub h: f64,
}

/// A graph to lay out. Edge ends that name no node are ignored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Input {
    pub sizes: Vec<Size>,
    /// The band of each node (phases of a map); missing or too large means the last band.
    pub band: Vec<usize>,
    /// Number of bands; every band gets at least one column.
    pub bands: usize,
    pub edges: Vec<(usize, usize)>,
    /// The least width of each band's columns with the gaps between them
    /// (room for a lane's title); missing means none. The last column of a
    /// band that is narrower is widened.
    pub band_min_w: Vec<f64>,
}

/// Distances between things, in the units of the sizes.
#[derive(Clone, Copy, Debug)]
pub struct Spacing {
    /// Vertical room between two node boxes in a column.
    pub node_gap: f64,
    /// Vertical room between two edges passing through a column.
    pub edge_gap: f64,
    /// Horizontal room between two columns of the same band.
    pub column_gap: f64,
    /// Horizontal room between the last column of a band and the next band's first.
    pub band_gap: f64,
    /// Narrowest column (a column with no node box, such as an empty band).
    pub min_column_w: f64,
}

/// A column: left edge and width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    pub x: f64,
    pub w: f64,
    pub band: usize,
}

/// Where everything went. Coordinates start at (0, 0) for the top-left-most box.
#[derive(Clone, Debug, Default)]
pub struct Output {
    /// Top-left corner of each node box.
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub column_of: Vec<usize>,
    pub columns: Vec<Column>,
    /// First column and number of columns of each band.
    pub band_columns: Vec<(usize, usize)>,
    /// One route per input edge, in input order.
    pub routes: Vec<Route>,
    pub width: f64,
    pub height: f64,
    /// Crossings between edges of adjacent columns after ordering (for tests and the bench).
    pub crossings: u64,
    /// The centre y of every vertex, dummies included, and the half
    /// heights they were placed with: a layout of the same structure with
    /// the same heights has the same centres ([`layout_on`]).
    centres: Vec<f64>,
    half: Vec<f64>,
}

/// The part of a layout that depends on the graph alone, not on the box
/// sizes: loops broken, columns, dummies and the crossing-minimised order
/// (most of the time a layout takes). A rename that resizes a card keeps it.
pub struct Structure {
    oriented: Vec<acyclic::Oriented>,
    ranks: rank::Ranks,
    g: proper::Proper,
    crossings: u64,
}

impl Structure {
    pub fn of(input: &Input) -> Structure {
        let n = input.sizes.len();
        let bands = input.bands.max(1);
        let band: Vec<usize> = (0..n).map(|v| input.band.get(v).copied().unwrap_or(bands - 1).min(bands - 1)).collect();
        let oriented = acyclic::orient(n, &band, &input.edges);
        let ranks = rank::columns(n, &band, bands, &oriented);
        let mut g = proper::build(n, &ranks, &oriented);
        let crossings = order::minimise(&mut g);
        g.regrid(&ranks);
        Structure { oriented, ranks, g, crossings }
    }
}

impl Input {
    /// Same nodes, bands and edges (box sizes aside): a [`Structure`] made
    /// from one serves the other.
    pub fn same_graph(&self, other: &Input) -> bool {
        self.sizes.len() == other.sizes.len()
            && self.band == other.band
            && self.bands == other.bands
            && self.edges == other.edges
    }
}

/// Lays the graph out.
pub fn layout(input: &Input, sp: &Spacing) -> Output {
    layout_on(input, sp, &Structure::of(input), None)
}

/// Lays the graph out on a structure made from it (or from an input with
/// [`Input::same_graph`]): only the geometry is computed. `before` is an
/// earlier layout on the same structure: when no box changed its height
/// (a rename that keeps its number of lines), its vertical positions are
/// taken as they are, since they depend on the structure and the heights
/// alone (the most work of a geometry).
pub fn layout_on(input: &Input, sp: &Spacing, st: &Structure, before: Option<&Output>) -> Output {
    let (oriented, ranks, g, crossings) = (&st.oriented, &st.ranks, &st.g, st.crossings);
    let n = input.sizes.len();
    let sizes: Vec<Size> = input.sizes.iter().map(|s| Size { w: finite_size(s.w), h: finite_size(s.h) }).collect();
    let size = |v: usize| sizes.get(v).copied().unwrap_or(Size { w: 0.0, h: 0.0 });
    let half: Vec<f64> = (0..g.len()).map(|v| size(v).h / 2.0).collect();
    let yc = match before {
        Some(b) if b.half == half && b.centres.len() == half.len() => b.centres.clone(),
        _ => coords::assign(g, &half, sp),
    };

    // Columns: as wide as their widest box, separated by the gaps.
    let mut col_w = vec![0.0f64; ranks.columns];
    for (&c, s) in ranks.column.iter().zip(&sizes) {
        if let Some(w) = col_w.get_mut(c) {
            *w = w.max(s.w);
        }
    }
    let mut columns = Vec::with_capacity(ranks.columns);
    let mut x = 0.0;
    for (b, &(first, count)) in ranks.band_columns.iter().enumerate() {
        let start = x;
        let least = input.band_min_w.get(b).copied().map_or(0.0, finite_size);
        for c in first..first + count {
            let mut w = col_w.get(c).copied().unwrap_or(0.0).max(sp.min_column_w);
            if c + 1 == first + count {
                w = w.max(least - (x - start));
            }
            columns.push(Column { x, w, band: b });
            x += w + if c + 1 < first + count { sp.column_gap } else { sp.band_gap };
        }
    }
    let xs: Vec<f64> = ranks
        .column
        .iter()
        .zip(&sizes)
        .map(|(&c, s)| columns.get(c).map_or(0.0, |c| c.x + ((c.w - s.w) / 2.0).floor()))
        .collect();
    let ys: Vec<f64> = yc.iter().zip(&sizes).map(|(y, s)| y - s.h / 2.0).collect();
    let routes = routes::build(g, oriented, &columns, &sizes, &xs, &yc);
    let width = columns.last().map_or(0.0, |c| c.x + c.w);
    let mut height = 0.0f64;
    for (y, s) in ys.iter().zip(&sizes) {
        height = height.max(y + s.h);
    }
    for &y in yc.iter().skip(n) {
        height = height.max(y);
    }
    Output {
        x: xs,
        y: ys,
        column_of: ranks.column.clone(),
        columns,
        band_columns: ranks.band_columns.clone(),
        routes,
        width,
        height,
        crossings,
        centres: yc,
        half,
    }
}

/// A usable box size: finite, not negative, not absurd.
fn finite_size(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(0.0, 1.0e6)
    } else {
        0.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests;
