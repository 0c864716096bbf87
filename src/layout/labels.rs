//! Flow labels. A flow routed through the columns can carry its label in
//! any gap between columns it crosses (no card is ever there); the gap with
//! fewest labels already in the way wins, the one before the target on
//! ties. Labels sharing a gap are then spread vertically as little as
//! possible so that none overlap (pooling adjacent violators again); labels
//! of hand-placed routes are pushed down past any label they touch.

/// Vertical room between two labels.
const LABEL_GAP: f64 = 4.0;

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
    let loose: Vec<usize> =
        chosen.iter().enumerate().filter(|(_, a)| a.is_some_and(|a| a.gap.is_none())).map(|(i, _)| i).collect();
    for &i in &loose {
        for _ in 0..requests.len().min(64) {
            let Some(&me) = out.get(i) else { break };
            let touching = out.iter().enumerate().find(|&(j, o)| {
                j != i
                    && chosen.get(j).is_some_and(|a| a.is_some())
                    && (me.0 - o.0).abs() < (me.2 + o.2) / 2.0 + LABEL_GAP
                    && me.1 < o.1 + o.3 + LABEL_GAP
                    && o.1 < me.1 + me.3 + LABEL_GAP
            });
            let Some((_, o)) = touching else { break };
            let below = o.1 + o.3 + LABEL_GAP;
            if let Some(b) = out.get_mut(i) {
                b.1 = below;
            }
        }
    }
    out
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
