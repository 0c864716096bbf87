//! Boxes by the grid cells they cover, for "which boxes are near this
//! one": label boxes that a loose label may touch (`labels`), cards placed
//! by hand that a laid-out card may overlap (`place`). Looking only at the
//! cells a box covers, rather than at every box, is what keeps a map of
//! thousands of stages placed by hand quick.
//!
//! Invariant: `visit` reaches every box that shares a point with the area
//! asked about (boxes are stored grown by the margin given to `Cells::new`,
//! plus a pixel), possibly more than once, and possibly others near it:
//! callers test each box they are given.

use std::collections::BTreeMap;

/// A box covering more cells than this is not put in cells: it is looked
/// at for every area (a card as tall as a thousand students, say).
const MOST_CELLS: i64 = 4096;

pub struct Cells {
    w: f64,
    h: f64,
    grow: f64,
    /// By cell (`key`). The same kind of map as the flow labels' gaps, so
    /// that the app holds the code of one such map, not two.
    by_cell: BTreeMap<u64, Vec<usize>>,
    everywhere: Vec<usize>,
}

/// One number for a cell: its column and row, each clamped to 32 bits (the
/// cells of boxes billions of pixels away are shared, which only makes an
/// area reach more boxes).
fn key(x: i64, y: i64) -> u64 {
    let c = |v: i64| v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32 as u32 as u64;
    (c(x) << 32) | c(y)
}

/// A box given by its edges: left, top, right, bottom.
pub type Edges = (f64, f64, f64, f64);

impl Cells {
    /// Cells `w` × `h` pixels; boxes are kept as if `grow` pixels bigger
    /// on every side (the distance at which they still count as near).
    pub fn new(w: f64, h: f64, grow: f64) -> Cells {
        Cells { w, h, grow: grow + 1.0, by_cell: BTreeMap::new(), everywhere: Vec::new() }
    }

    /// The first and last column and row that an area covers, or `None`
    /// when that is more than `MOST_CELLS` (or not a number).
    fn span(&self, (x0, y0, x1, y1): Edges, grow: f64) -> Option<(i64, i64, i64, i64)> {
        let cell = |v: f64, size: f64| (v / size).floor() as i64; // saturates; NaN is 0
        let (c0, c1) = (cell(x0 - grow, self.w), cell(x1 + grow, self.w));
        let (r0, r1) = (cell(y0 - grow, self.h), cell(y1 + grow, self.h));
        let finite = [x0, y0, x1, y1].iter().all(|v| v.is_finite());
        let count = (c1.saturating_sub(c0).saturating_add(1)).saturating_mul(r1.saturating_sub(r0).saturating_add(1));
        (finite && c0 <= c1 && r0 <= r1 && count <= MOST_CELLS).then_some((c0, c1, r0, r1))
    }

    pub fn insert(&mut self, i: usize, b: Edges) {
        match self.span(b, self.grow) {
            Some((c0, c1, r0, r1)) => {
                for r in r0..=r1 {
                    for c in c0..=c1 {
                        self.by_cell.entry(key(c, r)).or_default().push(i);
                    }
                }
            }
            None => self.everywhere.push(i),
        }
    }

    /// Takes out box `i`, which was put in with the edges `b`.
    pub fn remove(&mut self, i: usize, b: Edges) {
        let drop = |v: &mut Vec<usize>| {
            if let Some(k) = v.iter().position(|&m| m == i) {
                v.swap_remove(k);
            }
        };
        match self.span(b, self.grow) {
            Some((c0, c1, r0, r1)) => {
                for r in r0..=r1 {
                    for c in c0..=c1 {
                        if let Some(v) = self.by_cell.get_mut(&key(c, r)) {
                            drop(v);
                        }
                    }
                }
            }
            None => drop(&mut self.everywhere),
        }
    }

    /// Calls `f` with every box that may share a point with the area `b`.
    pub fn visit(&self, b: Edges, mut f: impl FnMut(usize)) {
        for &i in &self.everywhere {
            f(i);
        }
        match self.span(b, 0.0) {
            Some((c0, c1, r0, r1)) => {
                for r in r0..=r1 {
                    for c in c0..=c1 {
                        for &i in self.by_cell.get(&key(c, r)).map_or(&[][..], |v| v.as_slice()) {
                            f(i);
                        }
                    }
                }
            }
            // An area too big for cells (or not a number): every box.
            None => {
                for v in self.by_cell.values() {
                    for &i in v {
                        f(i);
                    }
                }
            }
        }
    }
}
