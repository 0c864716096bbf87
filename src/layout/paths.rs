//! Flow paths as pieces (lines, S-curves, free cubics), their SVG path
//! data, and the test of whether a path passes through a box.

use std::fmt::Write;

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
        let mut d = String::with_capacity(24 + 40 * self.pieces.len());
        d.push('M');
        push_point(&mut d, self.start);
        for c in self.cubics() {
            if c[0] == c[1] && c[2] == c[3] {
                d.push_str(" L");
            } else {
                d.push_str(" C");
                push_point(&mut d, c[1]);
                d.push(' ');
                push_point(&mut d, c[2]);
                d.push(' ');
            }
            push_point(&mut d, c[3]);
        }
        d
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
fn push_point(d: &mut String, p: Pt) {
    push_number(d, p.0);
    d.push(',');
    push_number(d, p.1);
}

/// A number with one decimal at most, without going through float formatting.
pub fn push_number(d: &mut String, v: f64) {
    let tenths = if v.is_finite() { (v * 10.0).round().clamp(-1.0e15, 1.0e15) as i64 } else { 0 };
    if tenths < 0 {
        d.push('-');
    }
    let t = tenths.unsigned_abs();
    let _ = write!(d, "{}", t / 10);
    if t % 10 != 0 {
        let _ = write!(d, ".{}", t % 10);
    }
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
const WORK_LIMIT: u64 = 20_000_000;

/// Boxes sorted by left edge, for "which boxes does this segment touch".
pub struct Obstacles {
    boxes: Vec<(Rect, usize)>,
    widest: f64,
    work: std::cell::Cell<u64>,
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
        let widest = items.iter().map(|(r, _)| r.w).fold(0.0, f64::max);
        Obstacles { boxes: items, widest, work: std::cell::Cell::new(0) }
    }

    pub fn is_empty(&self) -> bool {
        self.boxes.is_empty()
    }

    /// Owners of the boxes the segment a–b passes through, except `skip`.
    pub fn hits(&self, a: Pt, b: Pt, skip: &[usize], out: &mut Vec<usize>) {
        let (lo, hi) = (a.0.min(b.0), a.0.max(b.0));
        let first = self.boxes.partition_point(|(r, _)| r.x < lo - self.widest);
        for (r, who) in self.boxes.get(first..).unwrap_or(&[]) {
            if r.x > hi || self.work.get() >= WORK_LIMIT {
                break;
            }
            self.work.set(self.work.get() + 1);
            if r.x + r.w >= lo && !skip.contains(who) && !out.contains(who) && r.hit_by(a, b) {
                out.push(*who);
            }
        }
    }

    /// Owners of the boxes the path passes through, except `skip`.
    pub fn path_hits(&self, path: &Path, skip: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        if self.boxes.is_empty() {
            return out;
        }
        for (a, b) in segments(&path.polyline(12)) {
            self.hits(a, b, skip, &mut out);
        }
        out
    }
}
