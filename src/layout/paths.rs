//! Flow paths as pieces (lines, S-curves, free cubics), their SVG path
//! data, and the test of whether a path passes through a box.

use std::cell::{Cell, RefCell};

pub type Pt = (f64, f64);

/// One piece of a path, from the end of the previous piece.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Piece {
    Line(Pt),
    /// A cubic with horizontal tangents at both ends (control points at the
    /// middle x): smooth where it meets horizontal pieces.
    S(Pt),
    Cubic(Pt, Pt, Pt),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub start: Pt,
    pub pieces: Vec<Piece>,
}

impl Path {
    /// A path through `points`: horizontal runs are lines, the rest S-curves.
    pub fn through(points: &[Pt]) -> Path {
        let start = points.first().copied().unwrap_or((0.0, 0.0));
        let pieces = points
            .iter()
            .zip(points.iter().skip(1))
            .map(|(p, &q)| if (p.1 - q.1).abs() < 0.01 { Piece::Line(q) } else { Piece::S(q) })
            .collect();
        Path { start, pieces }
    }

    /// Each piece as a cubic Bézier (p0, c1, c2, p3).
    pub fn cubics(&self) -> impl Iterator<Item = [Pt; 4]> + '_ {
        let mut at = self.start;
        self.pieces.iter().map(move |p| {
            let from = at;
            let c = match *p {
                Piece::Line(to) => [from, from, to, to],
                Piece::S(to) => {
                    let mx = (from.0 + to.0) / 2.0;
                    [from, (mx, from.1), (mx, to.1), to]
                }
                Piece::Cubic(c1, c2, to) => [from, c1, c2, to],
            };
            at = c[3];
            c
        })
    }

    /// The path's last point moved back by `by` along its last piece's
    /// final direction (room for the arrowhead).
    pub fn shorten_end(&mut self, by: f64) {
        let Some(last) = self.cubics().last() else { return };
        let (p, q) = if dist(last[2], last[3]) > 0.01 { (last[2], last[3]) } else { (last[0], last[3]) };
        let len = dist(p, q);
        if len <= by * 2.0 {
            return;
        }
        let to = (q.0 - (q.0 - p.0) / len * by, q.1 - (q.1 - p.1) / len * by);
        if let Some(piece) = self.pieces.last_mut() {
            *piece = match *piece {
                Piece::Line(_) => Piece::Line(to),
                Piece::S(_) => Piece::S(to),
                Piece::Cubic(c1, c2, _) => Piece::Cubic(c1, c2, to),
            };
        }
    }

    /// SVG path data, one decimal.
    pub fn svg(&self) -> String {
        // Written as bytes and checked once: the path data of 15,000 flows
        // is mostly numbers, and a `String` push per digit was a tenth of
        // a diagram's time.
        let mut d: Vec<u8> = Vec::with_capacity(24 + 40 * self.pieces.len());
        d.push(b'M');
        push_point(&mut d, self.start);
        for c in self.cubics() {
            if c[0] == c[1] && c[2] == c[3] {
                d.extend_from_slice(b" L");
            } else {
                d.extend_from_slice(b" C");
                push_point(&mut d, c[1]);
                d.push(b' ');
                push_point(&mut d, c[2]);
                d.push(b' ');
            }
            push_point(&mut d, c[3]);
        }
        String::from_utf8(d).unwrap_or_default()
    }

    /// The smallest box that holds the path: a cubic lies within its
    /// control points.
    pub fn area(&self) -> Area {
        let mut a = Area::at(self.start);
        for c in self.cubics() {
            for p in &c[1..] {
                a.take(*p);
            }
        }
        a
    }

    /// The path as a polyline (curves in `per_curve` chords).
    pub fn polyline(&self, per_curve: usize) -> Vec<Pt> {
        let mut out = vec![self.start];
        for c in self.cubics() {
            if c[0] == c[1] && c[2] == c[3] {
                out.push(c[3]);
            } else {
                for k in 1..=per_curve.max(1) {
                    out.push(cubic_at(&c, k as f64 / per_curve.max(1) as f64));
                }
            }
        }
        out
    }
}

/// "x,y" with one decimal at most (a trailing ".0" left out).
fn push_point(d: &mut Vec<u8>, p: Pt) {
    push_number(d, p.0);
    d.push(b',');
    push_number(d, p.1);
}

/// A number with one decimal at most, without going through float formatting.
pub fn push_number(d: &mut Vec<u8>, v: f64) {
    let tenths = if v.is_finite() { (v * 10.0).round().clamp(-1.0e15, 1.0e15) as i64 } else { 0 };
    if tenths < 0 {
        d.push(b'-');
    }
    let t = tenths.unsigned_abs();
    push_digits(d, t / 10);
    if t % 10 != 0 {
        d.push(b'.');
        d.push(b'0' + (t % 10) as u8);
    }
}

/// The decimal digits of `n`.
fn push_digits(d: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    while at > 0 {
        at -= 1;
        if let Some(b) = buf.get_mut(at) {
            *b = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    d.extend_from_slice(buf.get(at..).unwrap_or(&[]));
}

/// Consecutive pairs of points.
pub fn segments(points: &[Pt]) -> impl Iterator<Item = (Pt, Pt)> + '_ {
    points.iter().copied().zip(points.iter().copied().skip(1))
}

pub fn dist(a: Pt, b: Pt) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

pub fn cubic_at(c: &[Pt; 4], t: f64) -> Pt {
    let u = 1.0 - t;
    let (a, b, cc, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (a * c[0].0 + b * c[1].0 + cc * c[2].0 + d * c[3].0, a * c[0].1 + b * c[1].1 + cc * c[2].1 + d * c[3].1)
}

/// A region of the diagram given by its edges: what a flow's route looked
/// at (`flows::Routed`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Area {
    pub fn at(p: Pt) -> Area {
        Area { x0: p.0, y0: p.1, x1: p.0, y1: p.1 }
    }

    pub fn take(&mut self, p: Pt) {
        self.x0 = self.x0.min(p.0);
        self.y0 = self.y0.min(p.1);
        self.x1 = self.x1.max(p.0);
        self.y1 = self.y1.max(p.1);
    }

    pub fn join(&mut self, o: &Area) {
        self.take((o.x0, o.y0));
        self.take((o.x1, o.y1));
    }

    /// Does the box touch the region, or come within a pixel of it?
    /// (Not knowing, for numbers that are not finite, counts as touching.)
    pub fn meets(&self, r: &Rect) -> bool {
        let apart =
            r.x > self.x1 + 1.0 || r.x + r.w < self.x0 - 1.0 || r.y > self.y1 + 1.0 || r.y + r.h < self.y0 - 1.0;
        !apart
    }
}

/// A box: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect, margin: f64) -> bool {
        self.x < o.x + o.w + margin
            && o.x < self.x + self.w + margin
            && self.y < o.y + o.h + margin
            && o.y < self.y + self.h + margin
    }

    /// Does the segment a–b pass through the box (Liang–Barsky clipping)?
    pub fn hit_by(&self, a: Pt, b: Pt) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in
            [(-dx, a.0 - self.x), (dx, self.x + self.w - a.0), (-dy, a.1 - self.y), (dy, self.y + self.h - a.1)]
        {
            if p.abs() < 1e-12 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// Box tests a set of obstacles does at most; past it every path counts as
/// clear. This bounds the time of odd maps (thousands of hand-placed
/// stages or unroutable long flows) while staying deterministic.
pub const WORK_LIMIT: u64 = 20_000_000;

/// Boxes in a uniform grid, for "which boxes does this segment touch":
/// a segment looks only at the cells it crosses, so a flow beside a column
/// of a thousand cards tests a handful of them.
pub struct Obstacles {
    boxes: Vec<(Rect, usize)>,
    grid: Grid,
    work: Cell<u64>,
    /// Per box, the number of the last segment that tested it (so a box in
    /// several cells is tested once per segment).
    tested: RefCell<Vec<u32>>,
    piece: Cell<u32>,
}

struct Grid {
    x0: f64,
    y0: f64,
    cell: f64,
    cols: usize,
    rows: usize,
    /// Box indices per cell, row by row.
    cells: Vec<Vec<u32>>,
}

impl Grid {
    fn new(boxes: &[(Rect, usize)]) -> Grid {
        let finite = |r: &Rect| r.x.is_finite() && r.y.is_finite() && r.w.is_finite() && r.h.is_finite();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        let mut biggest: f64 = 1.0;
        for (r, _) in boxes.iter().filter(|(r, _)| finite(r)) {
            x0 = x0.min(r.x);
            y0 = y0.min(r.y);
            x1 = x1.max(r.x + r.w);
            y1 = y1.max(r.y + r.h);
            biggest = biggest.max(r.w).max(r.h);
        }
        if x0 > x1 || y0 > y1 {
            return Grid { x0: 0.0, y0: 0.0, cell: 1.0, cols: 0, rows: 0, cells: Vec::new() };
        }
        // Cells about a card wide, but never many more cells than boxes.
        let mut cell = biggest.max(16.0);
        let most = (4 * boxes.len() + 1024) as f64;
        let count = |cell: f64| ((x1 - x0) / cell).floor().max(0.0) + 1.0;
        let area = |cell: f64| count(cell) * ((y1 - y0) / cell).floor().max(0.0) + count(cell);
        while area(cell) > most {
            cell *= 2.0;
        }
        let cols = count(cell) as usize;
        let rows = (((y1 - y0) / cell).floor().max(0.0) + 1.0) as usize;
        let mut grid = Grid { x0, y0, cell, cols, rows, cells: vec![Vec::new(); cols * rows] };
        for (k, (r, _)) in boxes.iter().enumerate() {
            if !finite(r) {
                continue;
            }
            let (c0, c1, r0, r1) = grid.span(r.x, r.y, r.x + r.w, r.y + r.h);
            for row in r0..=r1 {
                for col in c0..=c1 {
                    if let Some(v) = grid.cells.get_mut(row * cols + col) {
                        v.push(k as u32);
                    }
                }
            }
        }
        grid
    }

    /// The cells (first and last column, first and last row) that a
    /// rectangle covers, clamped to the grid.
    fn span(&self, xa: f64, ya: f64, xb: f64, yb: f64) -> (usize, usize, usize, usize) {
        let at =
            |v: f64, o: f64, n: usize| ((v - o) / self.cell).floor().clamp(0.0, n.saturating_sub(1) as f64) as usize;
        (at(xa, self.x0, self.cols), at(xb, self.x0, self.cols), at(ya, self.y0, self.rows), at(yb, self.y0, self.rows))
    }

    fn covers(&self, xa: f64, ya: f64, xb: f64, yb: f64) -> bool {
        self.cols > 0
            && xb >= self.x0
            && yb >= self.y0
            && xa <= self.x0 + self.cell * self.cols as f64
            && ya <= self.y0 + self.cell * self.rows as f64
    }
}

impl Obstacles {
    /// `items`: a box and who it belongs to; boxes are shrunk by `inset`
    /// so that a path grazing a corner does not count.
    pub fn new(mut items: Vec<(Rect, usize)>, inset: f64) -> Obstacles {
        for (r, _) in items.iter_mut() {
            let (sx, sy) = (inset.min(r.w / 2.0), inset.min(r.h / 2.0));
            *r = Rect { x: r.x + sx, y: r.y + sy, w: r.w - 2.0 * sx, h: r.h - 2.0 * sy };
        }
        items.sort_by(|a, b| a.0.x.total_cmp(&b.0.x).then(a.1.cmp(&b.1)));
        let grid = Grid::new(&items);
        let tested = RefCell::new(vec![u32::MAX; items.len()]);
        Obstacles { boxes: items, grid, work: Cell::new(0), tested, piece: Cell::new(0) }
    }

    pub fn is_empty(&self) -> bool {
        self.boxes.is_empty()
    }

    /// Box tests done so far (see `WORK_LIMIT`), and setting that count:
    /// a flow's route taken from the last diagram counts the tests it took
    /// then, so that the routes made afresh meet the limit where a whole
    /// new diagram would.
    pub fn work(&self) -> u64 {
        self.work.get()
    }

    pub fn set_work(&self, work: u64) {
        self.work.set(work)
    }

    /// Owners of the boxes the segment a–b passes through, except `skip`.
    /// Stops once `out` holds `limit` owners.
    fn hits_upto(&self, a: Pt, b: Pt, skip: &[usize], out: &mut Vec<usize>, limit: usize) {
        let g = &self.grid;
        if !g.covers(a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1)) {
            return;
        }
        // Long segments are walked in pieces about a cell long, so that a
        // diagonal looks at the cells along it, not at its bounding box.
        let pieces = (dist(a, b) / g.cell).ceil().clamp(1.0, 4096.0) as usize;
        let mut tested = self.tested.borrow_mut();
        // A box is tested against the whole segment once, whichever piece met it.
        let piece = self.piece.get().wrapping_add(1);
        self.piece.set(piece);
        for i in 0..pieces {
            let t0 = i as f64 / pieces as f64;
            let t1 = (i + 1) as f64 / pieces as f64;
            let p = (a.0 + (b.0 - a.0) * t0, a.1 + (b.1 - a.1) * t0);
            let q = (a.0 + (b.0 - a.0) * t1, a.1 + (b.1 - a.1) * t1);
            let (c0, c1, r0, r1) = g.span(p.0.min(q.0), p.1.min(q.1), p.0.max(q.0), p.1.max(q.1));
            for row in r0..=r1 {
                for col in c0..=c1 {
                    for &k in g.cells.get(row * g.cols + col).map_or(&[][..], |v| v.as_slice()) {
                        if self.work.get() >= WORK_LIMIT || out.len() >= limit {
                            return;
                        }
                        let Some(seen) = tested.get_mut(k as usize) else { continue };
                        if *seen == piece {
                            continue;
                        }
                        *seen = piece;
                        self.work.set(self.work.get() + 1);
                        let Some((r, who)) = self.boxes.get(k as usize) else { continue };
                        if !skip.contains(who) && !out.contains(who) && r.hit_by(a, b) {
                            out.push(*who);
                        }
                    }
                }
            }
        }
    }

    /// Owners of the boxes the path passes through, except `skip`.
    pub fn path_hits(&self, path: &Path, skip: &[usize]) -> Vec<usize> {
        self.path_hits_upto(path, skip, usize::MAX)
    }

    /// How many boxes the path passes through (except `skip`), counting no
    /// further than `limit`: enough to know whether a path is clear, or
    /// whether it is better than the best one so far.
    pub fn count_hits(&self, path: &Path, skip: &[usize], limit: usize) -> usize {
        self.path_hits_upto(path, skip, limit).len()
    }

    fn path_hits_upto(&self, path: &Path, skip: &[usize], limit: usize) -> Vec<usize> {
        let mut out = Vec::new();
        if self.boxes.is_empty() || limit == 0 {
            return out;
        }
        for (a, b) in segments(&path.polyline(12)) {
            self.hits_upto(a, b, skip, &mut out, limit);
            if out.len() >= limit {
                break;
            }
        }
        out
    }
}
