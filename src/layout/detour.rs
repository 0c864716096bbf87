//! Paths for flows whose stages are not where the layered layout put them
//! (placed by hand). A handful of candidate paths are tried — straight
//! across, or through a corridor just above or below each box in the way —
//! and the first that passes through no other box wins (else the one that
//! passes through fewest).

use super::paths::{Area, Obstacles, Path, Piece, Pt, Rect};

/// Clearance between a detour and the box it goes around.
const CLEAR: f64 = 14.0;
/// Corridors tried at most.
const MAX_CORRIDORS: usize = 8;

fn mid_y(r: &Rect) -> f64 {
    r.y + r.h / 2.0
}

/// Where a flow going back meets a side: near its top, away from the
/// middle where flows enter on the left and leave on the right (as the
/// layered routes do), so that an arrow coming back into a stage's right
/// side does not read as a flow going out of it.
fn back_y(r: &Rect) -> f64 {
    r.y + (r.h / 4.0).min(12.0)
}

/// A path from box `a` to box `b`; `rects` are all boxes by owner. With it,
/// the region every path tried lies in: boxes outside it did not change the
/// choice (only `a`, `b` and the boxes in it did).
pub fn route(a: usize, b: usize, rects: &[Rect], obstacles: &Obstacles) -> (Path, Area) {
    let (Some(&ra), Some(&rb)) = (rects.get(a), rects.get(b)) else {
        return (Path { start: (0.0, 0.0), pieces: Vec::new() }, Area::at((0.0, 0.0)));
    };
    let skip = [a, b];
    let forward = rb.x >= ra.x + ra.w + 2.0 * CLEAR;
    let backward = rb.x + rb.w + 2.0 * CLEAR <= ra.x;
    let mut candidates: Vec<Path> = Vec::new();
    if forward || backward {
        let (s, e): (Pt, Pt) = if forward {
            ((ra.x + ra.w, mid_y(&ra)), (rb.x, mid_y(&rb)))
        } else {
            ((ra.x, back_y(&ra)), (rb.x + rb.w, back_y(&rb)))
        };
        let direct = Path::through(&[s, e]);
        let blockers = obstacles.path_hits(&direct, &skip);
        candidates.push(direct);
        if !blockers.is_empty() {
            let centre = (s.1 + e.1) / 2.0;
            let mut levels: Vec<f64> = Vec::new();
            let (mut top, mut bottom) = (f64::INFINITY, f64::NEG_INFINITY);
            for &who in &blockers {
                if let Some(r) = rects.get(who) {
                    levels.push(r.y - CLEAR);
                    levels.push(r.y + r.h + CLEAR);
                    top = top.min(r.y);
                    bottom = bottom.max(r.y + r.h);
                }
            }
            levels.push(top - CLEAR);
            levels.push(bottom + CLEAR);
            levels.retain(|y| y.is_finite());
            crate::sorting::sort_by(&mut levels, |p, q| {
                (p - centre).abs().total_cmp(&(q - centre).abs()).then(p.total_cmp(q))
            });
            levels.dedup_by(|p, q| (*p - *q).abs() < 1.0);
            let d = ((e.0 - s.0).abs() / 3.0).min(60.0) * (e.0 - s.0).signum();
            for &y in levels.iter().take(MAX_CORRIDORS) {
                candidates.push(Path::through(&[s, (s.0 + d, y), (e.0 - d, y), e]));
            }
        }
    } else {
        // The boxes share columns: a bracket on the right (out of `a`'s
        // right side, back into `b`'s right side), or on the left (out of
        // `a`'s left side, into `b`'s left side).
        let (ya, yb) = (mid_y(&ra), mid_y(&rb));
        let xr = (ra.x + ra.w).max(rb.x + rb.w) + 3.0 * CLEAR;
        let xl = ra.x.min(rb.x) - 3.0 * CLEAR;
        let (ya_back, yb_back) = (back_y(&ra), back_y(&rb));
        candidates.push(Path {
            start: (ra.x + ra.w, ya),
            pieces: vec![Piece::Cubic((xr, ya), (xr, yb_back), (rb.x + rb.w, yb_back))],
        });
        candidates
            .push(Path { start: (ra.x, ya_back), pieces: vec![Piece::Cubic((xl, ya_back), (xl, yb), (rb.x, yb))] });
    }
    let mut area = Area::at((ra.x, ra.y));
    for p in &candidates {
        area.join(&p.area());
    }
    let mut best: Option<(usize, Path)> = None;
    for p in candidates {
        let limit = best.as_ref().map_or(usize::MAX, |(h, _)| *h);
        let hits = obstacles.count_hits(&p, &skip, limit);
        if hits == 0 {
            return (p, area);
        }
        if best.as_ref().is_none_or(|(h, _)| hits < *h) {
            best = Some((hits, p));
        }
    }
    let path = best
        .map(|(_, p)| p)
        .unwrap_or(Path { start: (ra.x + ra.w, mid_y(&ra)), pieces: vec![Piece::S((rb.x, mid_y(&rb)))] });
    (path, area)
}
