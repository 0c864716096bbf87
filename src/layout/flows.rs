//! Flow paths and their labels. A flow between two cards that are where the
//! layered layout put them follows its layered route (through the gaps
//! between columns, never through a card); a flow touching a card placed by
//! hand, or whose route a hand-placed card now covers, takes a detour
//! around the boxes in the way. A flow from a stage to itself is a small
//! loop on the card's right side.

use std::rc::Rc;

use super::detour;
use super::kept::Kept;
use super::labels::{self, Anchor, Request};
use super::layered::{Output, Route, RouteKind};
use super::paths::{dist, segments, Area, Obstacles, Path, Piece, Pt, Rect, WORK_LIMIT};
use super::place::Placement;
use super::text;
use super::{Card, FlowPath, COLUMN_GAP, LABEL_LINE, LABEL_MAX_W, LABEL_PX, LANE_HEADER};
use crate::model::Map;

/// Room left before a card for the arrowhead.
const ARROW_ROOM: f64 = 2.0;
/// How far a loop from a stage to itself reaches out.
const LOOP_OUT: f64 = 28.0;

/// What each flow of the last diagram was drawn with: its wrapped label
/// with the artifact it was wrapped from, and its path with the SVG text
/// written for it. An edit that does not touch a flow's artifact reuses its
/// lines and width (wrapping 15,000 labels again was a fifth of what the
/// flows of a big map cost), and a flow whose path did not move reuses its
/// SVG text (writing 15,000 paths was another fifth).
#[derive(Default)]
pub struct FlowCache {
    by_flow: Kept<Drawn>,
    /// The last result whole, with what it was made from: an edit that
    /// moves no card and changes no flow (a title, a note, a person, a
    /// rename that keeps every card's size) takes it as it is, without
    /// looking at each flow's route again.
    last: Option<Last>,
    /// How many routes the last diagram took from the one before.
    pub(super) reused: usize,
}

struct Last {
    out: Rc<Output>,
    origin: (f64, f64),
    moved: Vec<bool>,
    ends: Vec<(usize, usize)>,
    rects: Vec<Rect>,
    flows: Vec<FlowPath>,
    /// Box tests the routes took, of all boxes and of the moved ones.
    work: (u64, u64),
}

/// At most this many cards changed (moved, resized, placed by hand or
/// freed) for the routes of the last diagram to be looked at one by one:
/// a stage dragged, a rename, an Undo of either. Past it (Auto layout, a
/// phase added) every route is made afresh, which is then as quick.
const MAX_CHANGED: usize = 256;

/// How a flow was routed, with what the route depended on: its ends, its
/// layered route, and the region that the paths it tried lie in. When the
/// ends, the layered route and every card in the region are as they were,
/// routing it again gives the same path, so it is reused: dragging one of
/// 10,000 stages placed by hand no longer routes 15,000 flows around
/// every card again.
struct Routed {
    a: usize,
    b: usize,
    kind: RouteKind,
    goes_back: bool,
    /// The layered route; `None` for a flow touching a stage placed by
    /// hand, whose detour depends only on the route's kind and direction.
    route: Option<Route>,
    path: Path,
    back: bool,
    anchors: Vec<Anchor>,
    area: Area,
    /// Box tests the routing took (of all boxes, of the moved ones).
    work: (u64, u64),
}

/// The cards that changed since the last diagram (their boxes then and
/// now), when a route can be reused at all: the same cards (none added or
/// removed), the same origin, not too many changes, every number finite,
/// and the work limit far away (a route reused counts the box tests it
/// took; far from the limit, a whole new diagram meets it nowhere either).
fn changed_cards(last: Option<&Last>, rects: &[Rect], placed: &Placement) -> Option<Vec<(Rect, Rect, usize)>> {
    let last = last?;
    let far = |w: u64| w < WORK_LIMIT / 4;
    if last.rects.len() != rects.len() || last.origin != placed.origin || !far(last.work.0) || !far(last.work.1) {
        return None;
    }
    let finite = |r: &Rect| r.x.is_finite() && r.y.is_finite() && r.w.is_finite() && r.h.is_finite();
    let mut changed = Vec::new();
    for (i, (was, now)) in last.rects.iter().zip(rects).enumerate() {
        if !finite(now) {
            return None;
        }
        if was != now || last.moved.get(i) != placed.moved.get(i) {
            if changed.len() == MAX_CHANGED {
                return None;
            }
            changed.push((*was, *now, i));
        }
    }
    Some(changed)
}

impl FlowCache {
    /// The last result, when everything it was made from is unchanged:
    /// the same layered layout (the same `Rc`), origin, cards moved by
    /// hand, flow ends and card boxes, and the same flow (id and artifact)
    /// at every position. (The same layout and boxes imply the same ends,
    /// origin and moved cards today; they are compared anyway, at little
    /// cost, so that the reuse stays right if that ever changes.)
    fn unchanged(
        &self,
        map: &Map,
        rects: &[Rect],
        placed: &Placement,
        ends: &[(usize, usize)],
    ) -> Option<Vec<FlowPath>> {
        let last = self.last.as_ref()?;
        let same = Rc::ptr_eq(&last.out, &placed.out)
            && last.origin == placed.origin
            && last.moved == placed.moved
            && last.ends == ends
            && last.rects == rects
            && self.by_flow.len() == map.flows.len()
            && map.flows.iter().enumerate().all(|(fi, f)| match self.by_flow.at(fi) {
                Some((id, drawn)) => *id == f.id && drawn.artifact == f.artifact,
                // A flow that was not drawn (an end missing): it still is not.
                None => true,
            });
        same.then(|| last.flows.clone())
    }
}

struct Drawn {
    artifact: String,
    lines: Rc<[String]>,
    w: f64,
    path: Path,
    d: Rc<str>,
    routed: Option<Routed>,
}

/// A label has at most this many lines: it is a small tag in the gap between
/// two columns, not a text box. A longer artifact ends in "…" there and is
/// shown whole on hover and in the Inspector.
pub const LABEL_LINES: usize = 3;

/// The box a flow's "?" (no artifact name) is placed in.
const UNNAMED_MARK: f64 = 18.0;

/// The lines and width of `artifact`'s label, as wrapped before when the
/// artifact did not change.
fn label(was: Option<&Drawn>, artifact: &str) -> (Rc<[String]>, f64) {
    match was {
        Some(hit) if hit.artifact == artifact => (Rc::clone(&hit.lines), hit.w),
        _ => {
            let lines = if artifact.trim().is_empty() {
                Vec::new()
            } else {
                text::wrap(artifact, LABEL_PX, LABEL_MAX_W, LABEL_LINES)
            };
            let w = (lines.iter().map(|l| text::width(l, LABEL_PX)).fold(0.0, f64::max) + 12.0).ceil();
            (lines.into(), w)
        }
    }
}

#[inline(never)] // a phase of its own (and in profiles)
pub fn flows(
    map: &Map,
    cards: &[Card],
    placed: &Placement,
    ends: &[(usize, usize)],
    cache: &mut FlowCache,
) -> Vec<FlowPath> {
    let rects: Vec<Rect> = cards.iter().map(|c| Rect { x: c.x, y: c.y, w: c.w, h: c.h }).collect();
    if let Some(out) = cache.unchanged(map, &rects, placed, ends) {
        cache.reused = out.len();
        return out;
    }
    let changed = changed_cards(cache.last.as_ref(), &rects, placed);
    let same_layout = cache.last.as_ref().is_some_and(|l| Rc::ptr_eq(&l.out, &placed.out));
    let mut fresh = FlowCache { by_flow: Kept::with_capacity(map.flows.len()), last: None, reused: 0 };
    let (ox, oy) = placed.origin;
    let moved = |i: usize| placed.moved.get(i).copied().unwrap_or(true);
    let moved_boxes =
        Obstacles::new(rects.iter().enumerate().filter(|&(i, _)| moved(i)).map(|(i, &r)| (r, i)).collect(), 2.0);
    let mut all_boxes: Option<Obstacles> = None;
    // Box tests so far, as a whole new diagram would have counted them
    // (all boxes, moved ones): a reused route adds what it took.
    let mut work = (0u64, 0u64);

    let mut out = Vec::with_capacity(map.flows.len());
    let mut requests = Vec::new();
    let mut labelled = Vec::new();
    for (fi, f) in map.flows.iter().enumerate() {
        let Some(&(a, b)) = ends.get(fi) else {
            fresh.by_flow.skip();
            continue;
        };
        let (Some(ra), Some(rb), Some(route)) = (rects.get(a), rects.get(b), placed.out.routes.get(fi)) else {
            fresh.by_flow.skip();
            continue;
        };
        let mut was = cache.by_flow.take(fi, &f.id);
        let (label_lines, lw) = label(was.as_ref(), &f.artifact);
        let lh = label_lines.len() as f64 * LABEL_LINE + 6.0;
        let mut anchors = Vec::new();
        let reusable = |r: &Routed, changed: &[(Rect, Rect, usize)]| {
            r.a == a
                && r.b == b
                && r.kind == route.kind
                && r.goes_back == route.back
                && (same_layout || r.route.is_none() || r.route.as_ref() == Some(route))
                && changed.iter().all(|(then, now, i)| *i != a && *i != b && !r.area.meets(then) && !r.area.meets(now))
        };
        let kept = match (was.as_mut().and_then(|w| w.routed.take()), &changed) {
            (Some(r), Some(changed)) if route.kind != RouteKind::SelfLoop && reusable(&r, changed) => Some(r),
            _ => None,
        };
        let mut routed: Option<Routed> = None;
        let (path, back) = if let Some(r) = kept {
            anchors = r.anchors.clone();
            work = (work.0 + r.work.0, work.1 + r.work.1);
            fresh.reused += 1;
            let out = (r.path.clone(), r.back);
            routed = Some(r);
            out
        } else if route.kind == RouteKind::SelfLoop {
            let (x, cy) = (ra.x + ra.w, ra.y + ra.h / 2.0);
            // The label goes in the gap right of the card's column, above the loop.
            let column = placed.out.column_of.get(a).and_then(|&c| placed.out.columns.get(c));
            let gap_x = column.map_or(x + LOOP_OUT + lw / 2.0, |c| (ox + c.x + c.w + COLUMN_GAP / 2.0).round());
            let cy_label = cy - 24.0 - lh / 2.0;
            anchors.push(Anchor {
                cx: gap_x,
                cy: cy_label,
                gap: column.map(|_| gap_x.to_bits()).filter(|_| !moved(a)),
            });
            let pieces = vec![Piece::Cubic((x + LOOP_OUT, cy - 24.0), (x + LOOP_OUT, cy + 24.0), (x, cy + 8.0))];
            let mut path = Path { start: (x, cy - 8.0), pieces };
            path.shorten_end(ARROW_ROOM);
            (path, true)
        } else {
            let boxes = all_boxes.get_or_insert_with(|| all(&rects));
            boxes.set_work(work.0);
            moved_boxes.set_work(work.1);
            // A flow touching a stage placed by hand takes a detour; its
            // layered route does not matter (only whether it goes back).
            let hand = moved(a) || moved(b);
            let mut layered = None;
            let mut area = Area::at((ra.x, ra.y));
            if !hand {
                let points: Vec<Pt> = route.points.iter().map(|&(x, y)| (x + ox, y + oy)).collect();
                let path = Path::through(&points);
                area = path.area();
                let blocked = if route.kind == RouteKind::Direct {
                    boxes.count_hits(&path, &[a, b], 1) > 0
                } else {
                    !moved_boxes.is_empty() && moved_boxes.count_hits(&path, &[a, b], 1) > 0
                };
                if !blocked {
                    anchors = gap_anchors(&points, &route.gaps);
                    layered = Some(path);
                }
            }
            let (mut path, back) = match layered {
                Some(path) => (path, route.back),
                None => {
                    let (p, tried) = detour::route(a, b, &rects, boxes);
                    area.join(&tried);
                    let mid = midpoint(&p);
                    anchors.push(Anchor { cx: mid.0, cy: mid.1, gap: None });
                    (p, route.back || rb.x + rb.w / 2.0 < ra.x + ra.w / 2.0)
                }
            };
            path.shorten_end(ARROW_ROOM);
            let took = (boxes.work() - work.0, moved_boxes.work() - work.1);
            work = (boxes.work(), moved_boxes.work());
            routed = Some(Routed {
                a,
                b,
                kind: route.kind,
                goes_back: route.back,
                route: (!hand).then(|| route.clone()),
                path: path.clone(),
                back,
                anchors: anchors.clone(),
                area,
                work: took,
            });
            (path, back)
        };
        // A flow with no artifact name gets a small "?" (its gap, where it
        // is), placed as a label is: clear of cards and of other labels.
        let unnamed = label_lines.is_empty();
        labelled.push((out.len(), unnamed));
        if unnamed {
            requests.push(Request { w: UNNAMED_MARK, h: UNNAMED_MARK, anchors });
        } else {
            requests.push(Request { w: lw, h: lh, anchors });
        }
        // The last diagram's path text and artifact, when they still hold.
        let (d, artifact) = match was {
            Some(w) => (
                if w.path == path { w.d } else { Rc::from(path.svg()) },
                if w.artifact == f.artifact { w.artifact } else { f.artifact.clone() },
            ),
            None => (Rc::from(path.svg()), f.artifact.clone()),
        };
        fresh.by_flow.push(
            f.id.clone(),
            Drawn { artifact, lines: Rc::clone(&label_lines), w: lw, path, d: Rc::clone(&d), routed },
        );
        out.push(FlowPath { flow: f.id.clone(), index: fi, d, back, label_lines, label: None, unnamed_at: None });
    }
    let boxes = labels::place(&requests, LANE_HEADER + 4.0);
    for ((k, unnamed), bx) in labelled.into_iter().zip(boxes) {
        if let Some(f) = out.get_mut(k) {
            if unnamed {
                f.unnamed_at = Some((bx.0, bx.1 + bx.3 / 2.0));
            } else {
                f.label = Some(bx);
            }
        }
    }
    fresh.last = Some(Last {
        out: Rc::clone(&placed.out),
        origin: placed.origin,
        moved: placed.moved.clone(),
        ends: ends.to_vec(),
        rects,
        flows: out.clone(),
        work,
    });
    *cache = fresh;
    out
}

fn all(rects: &[Rect]) -> Obstacles {
    Obstacles::new(rects.iter().copied().enumerate().map(|(i, r)| (r, i)).collect(), 2.0)
}

/// Label places in the gaps a layered route crosses: the one before the
/// target first, then the one after the source, then the others.
fn gap_anchors(points: &[Pt], gaps: &[usize]) -> Vec<Anchor> {
    let at = |k: usize| -> Option<Anchor> {
        let (p, q) = (points.get(k)?, points.get(k + 1)?);
        let cx = ((p.0 + q.0) / 2.0).round();
        Some(Anchor { cx, cy: (p.1 + q.1) / 2.0, gap: Some(cx.to_bits()) })
    };
    let mut order: Vec<usize> = Vec::with_capacity(gaps.len());
    if let Some(&last) = gaps.last() {
        order.push(last);
    }
    if gaps.len() > 1 {
        order.extend(gaps.iter().take(gaps.len() - 1).copied());
    }
    order.into_iter().filter_map(at).collect()
}

/// The point halfway along a path.
fn midpoint(p: &Path) -> Pt {
    let line = p.polyline(8);
    let total: f64 = segments(&line).map(|(a, b)| dist(a, b)).sum();
    let mut walked = 0.0;
    for (a, b) in segments(&line) {
        let d = dist(a, b);
        if walked + d >= total / 2.0 && d > 0.0 {
            let t = (total / 2.0 - walked) / d;
            return (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        }
        walked += d;
    }
    p.start
}
