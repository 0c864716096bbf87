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

/// Label boxes (centre x, top y, width, height), one per request, none
/// above `min_top`.
pub fn place(requests: &[Request], min_top: f64) -> Vec<(f64, f64, f64, f64)> {
    // Choose an anchor per label, fewest overlaps first.
    let mut chosen: Vec<Option<Anchor>> = vec![None; requests.len()];
    let mut by_gap: std::collections::BTreeMap<u64, Vec<usize>> = Default::default();
    for (i, r) in requests.iter().enumerate() {
        let mut best: Option<(usize, usize)> = None;
        for (k, a) in r.anchors.iter().enumerate() {
            let others = a.gap.and_then(|g| by_gap.get(&g)).map_or(&[][..], |v| v.as_slice());
            let clash = others
                .iter()
                .filter(|&&j| match (chosen.get(j).copied().flatten(), requests.get(j)) {
                    (Some(b), Some(rj)) => (a.cy - b.cy).abs() < (r.h + rj.h) / 2.0 + LABEL_GAP,
                    _ => false,
                })
                .count();
            if best.is_none_or(|(c, _)| clash < c) {
                best = Some((clash, k));
            }
        }
        let Some((_, k)) = best else { continue };
        let a = r.anchors.get(k).copied();
        chosen[i] = a;
        if let Some(g) = a.and_then(|a| a.gap) {
            by_gap.entry(g).or_default().push(i);
        }
    }
    let mut out: Vec<(f64, f64, f64, f64)> = requests
        .iter()
        .zip(&chosen)
        .map(|(r, a)| a.map_or((0.0, min_top, r.w, r.h), |a| (a.cx, (a.cy - r.h / 2.0).max(min_top), r.w, r.h)))
        .collect();

    // Spread each gap's labels.
    for members in by_gap.values_mut() {
        members.sort_by(|&a, &b| out[a].1.total_cmp(&out[b].1).then(a.cmp(&b)));
        spread(members, &mut out, min_top);
    }
    // Labels outside gaps: pushed down past any label they touch.
    let loose: Vec<usize> = (0..requests.len()).filter(|&i| chosen[i].is_some_and(|a| a.gap.is_none())).collect();
    for &i in &loose {
        for _ in 0..requests.len().min(64) {
            let me = out[i];
            let touching = (0..out.len()).filter(|&j| j != i && chosen[j].is_some()).find(|&j| {
                let o = out[j];
                (me.0 - o.0).abs() < (me.2 + o.2) / 2.0 + LABEL_GAP
                    && me.1 < o.1 + o.3 + LABEL_GAP
                    && o.1 < me.1 + me.3 + LABEL_GAP
            });
            match touching {
                Some(j) => out[i].1 = out[j].1 + out[j].3 + LABEL_GAP,
                None => break,
            }
        }
    }
    out
}

/// Moves the labels of one gap (sorted by wanted top) as little as possible
/// (least squares) so that they keep their order without overlapping.
fn spread(members: &[usize], out: &mut [(f64, f64, f64, f64)], min_top: f64) {
    // Shifted targets: top minus the room the labels above need.
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new(); // (weight, sum, count)
    let mut offset = 0.0;
    for (k, &i) in members.iter().enumerate() {
        if k > 0 {
            offset += out[members[k - 1]].3 + LABEL_GAP;
        }
        let mut block = (1.0, out[i].1 - offset, 1usize);
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
    let mut k = 0;
    let mut offset = 0.0;
    let mut floor = min_top;
    for &(w, sum, count) in &blocks {
        for _ in 0..count {
            let Some(&i) = members.get(k) else { return };
            if k > 0 {
                offset += out[members[k - 1]].3 + LABEL_GAP;
            }
            let top = (sum / w + offset).max(floor);
            out[i].1 = top;
            floor = top + out[i].3 + LABEL_GAP;
            k += 1;
        }
    }
}
