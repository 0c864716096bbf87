//! Flow labels. A flow routed through the columns can carry its label in
//! any gap between columns it crosses (no card is ever there); the gap with
//! fewest labels already in the way wins, the one before the target on
//! ties. Labels sharing a gap are then spread vertically as little as
//! possible so that none overlap (pooling adjacent violators again); labels
//! of hand-placed routes are pushed down past any label they touch.

/// Vertical room between two labels.
const LABEL_GAP: f64 = 4.0;

use super::cells::Cells;

/// Where a label may go: its centre, and the gap it is in (`None` when it is not in one).
#[derive(Clone, Copy, Debug)]
pub struct Anchor {
    pub cx: f64,
    pub cy: f64,
    pub gap: Option<u64>,
}

/// A label to place: its size and where it may go, best first.
pub struct Request {
    pub w: f64,
    pub h: f64,
    pub anchors: Vec<Anchor>,
}

type LabelBox = (f64, f64, f64, f64);

/// Label boxes (centre x, top y, width, height), one per request, none
/// above `min_top`.
#[inline(never)] // a phase of its own (and in profiles)
pub fn place(requests: &[Request], min_top: f64) -> Vec<LabelBox> {
    // Choose an anchor per label, fewest overlaps first.
    let mut chosen: Vec<Option<Anchor>> = Vec::with_capacity(requests.len());
    let mut by_gap: std::collections::BTreeMap<u64, Vec<usize>> = Default::default();
    // Per gap, the labels placed so far by centre height, and the tallest:
    // a clash is looked for only among the labels near enough to touch.
    let mut heights: crate::model::hash::FastMap<u64, (Vec<(f64, usize)>, f64)> = Default::default();
    for (i, r) in requests.iter().enumerate() {
        let clash = |a: &Anchor| {
            let Some((sorted, tallest)) = a.gap.and_then(|g| heights.get(&g)) else { return 0 };
            let reach = (r.h + tallest) / 2.0 + LABEL_GAP;
            let from = sorted.partition_point(|&(cy, _)| cy <= a.cy - reach);
            sorted
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&(cy, _)| cy < a.cy + reach)
                .filter(|&&(cy, j)| {
                    requests.get(j).is_some_and(|rj| (a.cy - cy).abs() < (r.h + rj.h) / 2.0 + LABEL_GAP)
                })
                .count()
        };
        // The first anchor with fewest clashes.
        let best = r.anchors.iter().map(|a| (clash(a), *a)).reduce(|x, y| if y.0 < x.0 { y } else { x }).map(|x| x.1);
        if let Some((g, cy)) = best.and_then(|a| a.gap.map(|g| (g, a.cy))) {
            by_gap.entry(g).or_default().push(i);
            let (sorted, tallest) = heights.entry(g).or_insert_with(|| (Vec::new(), 0.0));
            let at = sorted.partition_point(|&(c, _)| c.total_cmp(&cy).is_le());
            sorted.insert(at, (cy, i));
            *tallest = tallest.max(r.h);
        }
        chosen.push(best);
    }
    let mut out: Vec<LabelBox> = requests
        .iter()
        .zip(&chosen)
        .map(|(r, a)| a.map_or((0.0, min_top, r.w, r.h), |a| (a.cx, (a.cy - r.h / 2.0).max(min_top), r.w, r.h)))
        .collect();

    // Spread each gap's labels.
    for members in by_gap.values_mut() {
        let top = |i: usize, out: &[LabelBox]| out.get(i).map_or(0.0, |b| b.1);
        crate::sorting::sort_by(members, |&a, &b| top(a, &out).total_cmp(&top(b, &out)).then(a.cmp(&b)));
        spread(members, &mut out, min_top);
    }
    // Labels outside gaps: pushed down past any label they touch.
    push_loose_down(requests.len(), &chosen, &mut out);
    out
}

/// Does label box `a` touch `b` (closer than `LABEL_GAP` on both axes)?
fn touch(a: &LabelBox, b: &LabelBox) -> bool {
    (a.0 - b.0).abs() < (a.2 + b.2) / 2.0 + LABEL_GAP && a.1 < b.1 + b.3 + LABEL_GAP && b.1 < a.1 + a.3 + LABEL_GAP
}

/// Each label outside a gap (in request order), while it touches a placed
/// label, goes down past the first one (lowest request number) it touches,
/// at most `min(n, 64)` times. The placed labels are kept by grid cells, so
/// that a label looks only at those near it (on a map of thousands of
/// stages placed by hand, looking at every label for each was most of
/// what the diagram cost).
pub(super) fn push_loose_down(n: usize, chosen: &[Option<Anchor>], out: &mut [LabelBox]) {
    let placed = |j: usize| chosen.get(j).is_some_and(|a| a.is_some());
    let edges = |b: &LabelBox| (b.0 - b.2 / 2.0, b.1, b.0 + b.2 / 2.0, b.1 + b.3);
    // Cells about a label wide and two lines tall; labels near enough to
    // touch are within `LABEL_GAP`.
    let mut grid = Cells::new(128.0, 64.0, LABEL_GAP);
    for (j, b) in out.iter().enumerate() {
        if placed(j) {
            grid.insert(j, edges(b));
        }
    }
    let loose = (0..chosen.len()).filter(|&i| chosen.get(i).is_some_and(|a| a.is_some_and(|a| a.gap.is_none())));
    for i in loose {
        for _ in 0..n.min(64) {
            let Some(me) = out.get(i).copied() else { break };
            let mut first: Option<usize> = None;
            grid.visit(edges(&me), |j| {
                if j != i && first.is_none_or(|f| j < f) && out.get(j).is_some_and(|o| touch(&me, o)) {
                    first = Some(j);
                }
            });
            let Some(o) = first.and_then(|j| out.get(j).copied()) else { break };
            grid.remove(i, edges(&me));
            let moved = (me.0, o.1 + o.3 + LABEL_GAP, me.2, me.3);
            grid.insert(i, edges(&moved));
            if let Some(b) = out.get_mut(i) {
                *b = moved;
            }
        }
    }
}

/// The loose labels' pass as it was first written (every label against
/// every other): what the grid must give exactly.
#[cfg(test)]
pub(super) fn push_loose_down_naive(n: usize, chosen: &[Option<Anchor>], out: &mut [LabelBox]) {
    let loose: Vec<usize> =
        chosen.iter().enumerate().filter(|(_, a)| a.is_some_and(|a| a.gap.is_none())).map(|(i, _)| i).collect();
    for &i in &loose {
        for _ in 0..n.min(64) {
            let Some(&me) = out.get(i) else { break };
            let touching = out
                .iter()
                .enumerate()
                .find(|&(j, o)| j != i && chosen.get(j).is_some_and(|a| a.is_some()) && touch(&me, o));
            let Some((_, o)) = touching else { break };
            let below = o.1 + o.3 + LABEL_GAP;
            if let Some(b) = out.get_mut(i) {
                b.1 = below;
            }
        }
    }
}

/// Moves the labels of one gap (sorted by wanted top) as little as possible
/// (least squares) so that they keep their order without overlapping.
fn spread(members: &[usize], out: &mut [LabelBox], min_top: f64) {
    let height = |i: usize| out.get(i).map_or(0.0, |b| b.3);
    // Shifted targets: top minus the room the labels above need.
    let mut offsets = Vec::with_capacity(members.len());
    let mut offset = 0.0;
    for &i in members {
        offsets.push(offset);
        offset += height(i) + LABEL_GAP;
    }
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new(); // (weight, sum, count)
    for (&i, &offset) in members.iter().zip(&offsets) {
        let mut block = (1.0, out.get(i).map_or(0.0, |b| b.1) - offset, 1usize);
        while let Some(&last) = blocks.last() {
            if last.1 / last.0 >= block.1 / block.0 {
                block = (last.0 + block.0, last.1 + block.1, last.2 + block.2);
                blocks.pop();
            } else {
                break;
            }
        }
        blocks.push(block);
    }
    let mut placed = members.iter().zip(&offsets);
    let mut floor = min_top;
    for &(w, sum, count) in &blocks {
        for (&i, &offset) in placed.by_ref().take(count) {
            let top = (sum / w + offset).max(floor);
            if let Some(b) = out.get_mut(i) {
                b.1 = top;
                floor = top + b.3 + LABEL_GAP;
            }
        }
    }
}
