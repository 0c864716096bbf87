//! Edge routes through the dummy vertices. In layout direction an edge
//! leaves its source on the right side and enters its target on the left;
//! inside a column it runs horizontally (at its dummy's height, which the
//! ordering reserved), and it crosses each gap between columns in one
//! piece. Edges sharing a side of a box get ports spread along that side in
//! the order of where they go, so they do not cross at the box.

use super::acyclic::{Kind, Oriented};
use super::proper::Proper;
use super::{Column, Size};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteKind {
    /// Through the columns, avoiding every box.
    Layered,
    /// Straight from side to side (a very long edge beyond the dummy budget).
    Direct,
    /// From a box to itself: a small loop on its right side.
    SelfLoop,
    /// An end names no node: nothing to draw.
    Invalid,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    /// In the edge's own direction (a reversed edge runs right to left).
    pub points: Vec<(f64, f64)>,
    /// Laid out reversed: it goes back against the reading direction.
    pub back: bool,
    pub kind: RouteKind,
    /// Each `k` such that `points[k] → points[k + 1]` crosses a gap between columns.
    pub gaps: Vec<usize>,
}

/// How far apart the ports on one side of a box are at most.
const PORT_STEP: f64 = 8.0;
/// How far below the top of a side the first port of a flow going back is.
const BACK_PORT: f64 = 12.0;
/// Length of the loop of an edge from a box to itself.
const LOOP: f64 = 22.0;

pub fn build(g: &Proper, edges: &[Oriented], columns: &[Column], sizes: &[Size], xs: &[f64], yc: &[f64]) -> Vec<Route> {
    let n = g.n_real;
    let y_of = |v: usize| yc.get(v).copied().unwrap_or(0.0);
    // Ports: (node, side 0 = right / 1 = left, where the edge goes, edge).
    let mut ports: Vec<(usize, u8, f64, usize)> = Vec::new();
    for (i, o) in edges.iter().enumerate() {
        if !matches!(o.kind, Kind::Forward | Kind::Back) {
            continue;
        }
        let chain = g.chains.get(i).map(|c| c.as_slice()).unwrap_or(&[]);
        let after_start = chain.get(1).copied().unwrap_or(o.to);
        let before_end = chain.len().checked_sub(2).and_then(|k| chain.get(k)).copied().unwrap_or(o.from);
        ports.push((o.from, 0, y_of(after_start), i));
        ports.push((o.to, 1, y_of(before_end), i));
    }
    ports.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.total_cmp(&b.2)).then(a.3.cmp(&b.3)));
    let mut start_y = vec![0.0f64; edges.len()];
    let mut end_y = vec![0.0f64; edges.len()];
    let is_back = |i: usize| edges.get(i).is_some_and(|o| o.kind == Kind::Back);
    for group in ports.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        let Some(&(node, side, _, _)) = group.first() else { continue };
        let h = sizes.get(node).map_or(0.0, |s| s.h);
        // Flows that go back use the sides the other way round: they enter
        // a stage on its right, where its outputs leave, and leave one on
        // its left, where its inputs come in. Those at the top of the
        // group (most of them: they go to the arcs above) take ports near
        // the top of the side, away from the middle, so that an arrow
        // coming back does not read as the start of a flow going out. The
        // order of the ports is kept, so no crossing comes or goes.
        let back = group.iter().take_while(|p| is_back(p.3)).count();
        let (upper, centred) = group.split_at(back);
        let top = y_of(node) - h / 2.0;
        let mut lo = top + 6.0;
        for (j, p) in upper.iter().enumerate() {
            // (Many loops into one stage: the last ones share its bottom port.)
            let y = (top + BACK_PORT.min(h / 4.0) + j as f64 * PORT_STEP.min(h / 8.0)).min(top + h - 6.0);
            lo = y + PORT_STEP.min(h / 8.0);
            let slot = if side == 0 { start_y.get_mut(p.3) } else { end_y.get_mut(p.3) };
            if let Some(slot) = slot {
                *slot = y;
            }
        }
        // The others are centred on the side, below those, as far as it
        // has room (without flows going back: exactly centred, 6 px from
        // either end at most).
        let hi = top + h - 6.0;
        let count = centred.len();
        let step = if count > 1 { PORT_STEP.min((hi - lo).max(0.0) / (count - 1) as f64) } else { 0.0 };
        let span = step * count.saturating_sub(1) as f64;
        let first = (y_of(node) - span / 2.0).min(hi - span).max(lo.min(y_of(node)));
        for (j, p) in centred.iter().enumerate() {
            let y = first + j as f64 * step;
            let slot = if side == 0 { start_y.get_mut(p.3) } else { end_y.get_mut(p.3) };
            if let Some(slot) = slot {
                *slot = y;
            }
        }
    }

    let col = |v: usize| g.layer.get(v).and_then(|&c| columns.get(c)).copied();
    let left = |v: usize| xs.get(v).copied().unwrap_or(0.0);
    let right = |v: usize| left(v) + sizes.get(v).map_or(0.0, |s| s.w);
    edges
        .iter()
        .enumerate()
        .map(|(i, o)| match o.kind {
            Kind::Invalid => Route { points: Vec::new(), back: false, kind: RouteKind::Invalid, gaps: Vec::new() },
            Kind::SelfLoop => {
                let (x, y) = (right(o.from), y_of(o.from));
                let points = vec![(x, y - 8.0), (x + LOOP, y - 8.0), (x + LOOP, y + 8.0), (x, y + 8.0)];
                Route { points, back: false, kind: RouteKind::SelfLoop, gaps: Vec::new() }
            }
            Kind::Forward | Kind::Back => {
                let chain = g.chains.get(i).map(|c| c.as_slice()).unwrap_or(&[]);
                let (a, b) = (o.from, o.to);
                let (ya, yb) = (start_y.get(i).copied().unwrap_or(0.0), end_y.get(i).copied().unwrap_or(0.0));
                let mut points = vec![(right(a), ya)];
                let mut gaps = Vec::new();
                let kind = if chain.len() >= 2 { RouteKind::Layered } else { RouteKind::Direct };
                if kind == RouteKind::Layered {
                    if let Some(c) = col(a) {
                        if c.x + c.w > right(a) {
                            points.push((c.x + c.w, ya));
                        }
                    }
                    for &d in chain.iter().filter(|&&d| d >= n) {
                        if let Some(c) = col(d) {
                            gaps.push(points.len() - 1);
                            points.push((c.x, y_of(d)));
                            points.push((c.x + c.w, y_of(d)));
                        }
                    }
                    gaps.push(points.len() - 1);
                    if let Some(c) = col(b) {
                        if c.x < left(b) {
                            points.push((c.x, yb));
                        }
                    }
                } else {
                    gaps.push(0);
                }
                points.push((left(b), yb));
                let back = o.kind == Kind::Back;
                if back {
                    points.reverse();
                    let last = points.len().saturating_sub(2);
                    gaps = gaps.iter().rev().map(|&k| last.saturating_sub(k)).collect();
                }
                Route { points, back, kind, gaps }
            }
        })
        .collect()
}
