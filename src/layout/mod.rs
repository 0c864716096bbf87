//! Where things go on the chain diagram: lanes, stage cards sized to their
//! text, and flow paths with their labels. Pure geometry in diagram units
//! (CSS pixels at zoom 1); the app only turns it into SVG elements.
//!
//! Placement (`place`) is a layered layout: lanes are the phases in order
//! (stages without a phase get a last lane), within a lane stages take
//! columns by longest path, and the order within a column comes from
//! barycenter sweeps. Stages with a manual `pos` keep it.
//!
//! Invariant: `diagram` is deterministic (same map, same geometry) and
//! cards never overlap one another when no stage has a manual position.

mod graph_json;
pub mod layered;
mod place;
pub mod text;

pub use graph_json::layout_graph_json;

use crate::model::{Id, Map};

pub const NAME_PX: f64 = 14.0;
/// Stage names are bold, which is wider than the regular widths of `text`.
const BOLD: f64 = 1.1;
pub const ROLE_PX: f64 = 12.0;
pub const CHIP_PX: f64 = 12.0;
pub const LABEL_PX: f64 = 12.0;
pub const CARD_MIN_W: f64 = 140.0;
pub const CARD_MAX_W: f64 = 200.0;
const PAD: f64 = 10.0;
const NAME_LINE: f64 = 18.0;
const ROLE_LINE: f64 = 16.0;
const CHIP_H: f64 = 20.0;
const CHIP_GAP: f64 = 4.0;
pub const LABEL_MAX_W: f64 = 104.0;
const LABEL_LINE: f64 = 15.0;
/// Horizontal room between two columns: enough for a flow label.
pub const COLUMN_GAP: f64 = 128.0;
pub const ROW_GAP: f64 = 36.0;
pub const LANE_HEADER: f64 = 44.0;
pub const LANE_PAD: f64 = 20.0;
const LOOP_STEP: f64 = 22.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub width: f64,
    pub height: f64,
    pub lanes: Vec<Lane>,
    pub cards: Vec<Card>,
    pub flows: Vec<FlowPath>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// `None` for the lane of stages without a phase.
    pub phase: Option<Id>,
    pub x: f64,
    pub width: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub topic: Id,
    pub student: Id,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub stage: Id,
    /// Index of the stage in `map.stages`.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub name_lines: Vec<String>,
    pub role_line: Option<String>,
    /// Student chips, positioned relative to the card's top-left corner.
    pub chips: Vec<Chip>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FlowPath {
    pub flow: Id,
    pub index: usize,
    /// SVG path data.
    pub d: String,
    /// Drawn as an arc above the chain (it goes back against the reading direction).
    pub back: bool,
    pub label_lines: Vec<String>,
    /// Label box (centre x, top y, width, height); no label when the artifact is empty.
    pub label: Option<(f64, f64, f64, f64)>,
}

/// The card of a stage, sized to its text.
fn card_for(map: &Map, index: usize) -> Card {
    let s = &map.stages[index];
    let inner_max = (CARD_MAX_W - 2.0 * PAD - 4.0) / 1.04;
    let name_lines = text::wrap(&s.name, NAME_PX * BOLD, inner_max, 3);
    let role_line = (!s.role.trim().is_empty()).then(|| text::one_line(&s.role, ROLE_PX, inner_max));
    let mut w = name_lines.iter().map(|l| text::width(l, NAME_PX * BOLD)).fold(0.0, f64::max);
    if let Some(r) = &role_line {
        w = w.max(text::width(r, ROLE_PX));
    }
    let chip_texts: Vec<(Id, Id, String, f64)> = map
        .topics_at(&s.id)
        .map(|t| {
            let name = text::one_line(map.person_name(&t.student), CHIP_PX, inner_max - 16.0);
            let cw = text::width(&name, CHIP_PX) + 16.0;
            (t.id.clone(), t.student.clone(), name, cw)
        })
        .collect();
    for (_, _, _, cw) in &chip_texts {
        w = w.max(*cw);
    }
    let w = (w * 1.04 + 2.0 * PAD + 4.0).clamp(CARD_MIN_W, CARD_MAX_W).ceil();
    let mut y = PAD + name_lines.len() as f64 * NAME_LINE;
    if role_line.is_some() {
        y += ROLE_LINE;
    }
    let mut chips = Vec::new();
    if !chip_texts.is_empty() {
        y += 6.0;
        let mut x = PAD;
        for (topic, student, text, cw) in chip_texts {
            if x + cw > w - PAD + 0.01 && x > PAD {
                x = PAD;
                y += CHIP_H + CHIP_GAP;
            }
            chips.push(Chip { topic, student, text, x, y, w: cw });
            x += cw + CHIP_GAP;
        }
        y += CHIP_H;
    }
    let h = (y + PAD).max(48.0).ceil();
    Card { stage: s.id.clone(), index, x: 0.0, y: 0.0, w, h, name_lines, role_line, chips }
}

/// Lays the whole map out.
pub fn diagram(map: &Map) -> Diagram {
    let mut cards: Vec<Card> = (0..map.stages.len()).map(|i| card_for(map, i)).collect();
    let placed = place::place(map, &cards);
    let loops = placed.back_edges.len();
    let top = LANE_HEADER + LANE_PAD + loops as f64 * LOOP_STEP;

    // Column x positions: each column as wide as its widest card.
    let mut col_w = vec![CARD_MIN_W; placed.columns];
    for (i, c) in cards.iter().enumerate() {
        if let Some(w) = col_w.get_mut(placed.column[i]) {
            *w = w.max(c.w);
        }
    }
    let mut col_x = Vec::with_capacity(placed.columns);
    let mut lanes = Vec::new();
    let mut x = 0.0;
    for (lane_i, lane) in placed.lanes.iter().enumerate() {
        let lane_x = x;
        x += LANE_PAD;
        for c in lane.first_column..lane.first_column + lane.columns {
            col_x.push(x);
            x += col_w.get(c).copied().unwrap_or(CARD_MIN_W);
            if c + 1 < lane.first_column + lane.columns {
                x += COLUMN_GAP;
            }
        }
        x += LANE_PAD;
        let _ = lane_i;
        lanes.push(Lane { phase: lane.phase.clone(), x: lane_x, width: x - lane_x });
        // Between lanes: room for the flow labels that cross the border.
        x += COLUMN_GAP - 2.0 * LANE_PAD;
    }
    let width_auto = (x - (COLUMN_GAP - 2.0 * LANE_PAD)).max(0.0);

    // Column stacks, centred vertically on the tallest column.
    // Stages placed by hand keep their place and leave no hole in the stacks.
    let manual: Vec<bool> = map.stages.iter().map(|s| s.pos.is_some()).collect();
    let stacks: Vec<Vec<usize>> =
        placed.order.iter().map(|col| col.iter().copied().filter(|&i| !manual[i]).collect()).collect();
    let mut stack_h = vec![0.0f64; placed.columns];
    for col in 0..placed.columns {
        let items = &stacks[col];
        stack_h[col] = items.iter().map(|&i| cards[i].h).sum::<f64>() + ROW_GAP * items.len().saturating_sub(1) as f64;
    }
    let tallest = stack_h.iter().copied().fold(0.0, f64::max);
    for col in 0..placed.columns {
        let mut y = top + (tallest - stack_h[col]) / 2.0;
        for &i in &stacks[col] {
            let cx = col_x.get(col).copied().unwrap_or(0.0);
            let cw = col_w.get(col).copied().unwrap_or(CARD_MIN_W);
            cards[i].x = cx + (cw - cards[i].w) / 2.0;
            cards[i].y = y;
            y += cards[i].h + ROW_GAP;
        }
    }
    // Manual positions win.
    for (i, s) in map.stages.iter().enumerate() {
        if let Some(p) = &s.pos {
            cards[i].x = p.x;
            cards[i].y = p.y;
        }
    }
    let mut width = width_auto;
    let mut height = top + tallest + LANE_PAD;
    for c in &cards {
        width = width.max(c.x + c.w + LANE_PAD);
        height = height.max(c.y + c.h + LANE_PAD);
    }
    // A lane stretches to hold the cards of its phase that were placed by hand.
    for (i, s) in map.stages.iter().enumerate() {
        if s.pos.is_none() {
            continue;
        }
        let phase = s.phase.as_ref().filter(|p| map.phase(p).is_some());
        if let Some(lane) = lanes.iter_mut().find(|l| l.phase.as_ref() == phase) {
            let c = &cards[i];
            let left = lane.x.min(c.x - LANE_PAD);
            let right = (lane.x + lane.width).max(c.x + c.w + LANE_PAD);
            lane.x = left.max(0.0);
            lane.width = right - lane.x;
        }
    }
    if let Some(last) = lanes.last_mut() {
        last.width = last.width.max(width - last.x);
    }
    let flows = route(map, &cards, &placed, top);
    Diagram { width: width.ceil(), height: height.ceil(), lanes, cards, flows }
}

fn route(map: &Map, cards: &[Card], placed: &place::Placed, top: f64) -> Vec<FlowPath> {
    let index: std::collections::HashMap<&str, usize> =
        map.stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut out = Vec::with_capacity(map.flows.len());
    let mut loop_level = 0usize;
    for (fi, f) in map.flows.iter().enumerate() {
        let (Some(&a), Some(&b)) = (index.get(f.from.as_str()), index.get(f.to.as_str())) else { continue };
        let (ca, cb) = (&cards[a], &cards[b]);
        let back = placed.back_edges.contains(&fi) || cb.x + cb.w / 2.0 <= ca.x + ca.w / 2.0;
        let label_lines =
            if f.artifact.trim().is_empty() { Vec::new() } else { text::wrap(&f.artifact, LABEL_PX, LABEL_MAX_W, 2) };
        let (d, mid) = if back {
            loop_level += 1;
            let arc_y = top - LANE_PAD / 2.0 - loop_level as f64 * LOOP_STEP + 6.0;
            let (sx, sy) = (ca.x + ca.w / 2.0 + 8.0, ca.y);
            let (tx, ty) = (cb.x + cb.w / 2.0 - 8.0, cb.y);
            let d = format!(
                "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} L{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                sx,
                sy,
                sx,
                arc_y,
                sx,
                arc_y,
                sx - 30.0_f64.min((sx - tx).abs() / 2.0),
                arc_y,
                tx + 30.0_f64.min((sx - tx).abs() / 2.0),
                arc_y,
                tx,
                arc_y,
                tx,
                arc_y,
                tx,
                ty - 2.0
            );
            (d, ((sx + tx) / 2.0, arc_y))
        } else {
            let (sx, sy) = (ca.x + ca.w, ca.y + ca.h / 2.0);
            let (tx, ty) = (cb.x - 2.0, cb.y + cb.h / 2.0);
            let dx = ((tx - sx) / 2.0).max(30.0);
            let d =
                format!("M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", sx, sy, sx + dx, sy, tx - dx, ty, tx, ty);
            // Label just left of the target column, where the gap is.
            let lx = if tx - sx > COLUMN_GAP * 1.5 { tx - COLUMN_GAP / 2.0 } else { (sx + tx) / 2.0 };
            let t = if tx - sx > COLUMN_GAP * 1.5 { bezier_t_at_x(sx, sx + dx, tx - dx, tx, lx) } else { 0.5 };
            let ly = cubic(sy, sy, ty, ty, t);
            (d, (lx, ly))
        };
        let label = (!label_lines.is_empty()).then(|| {
            let w = label_lines.iter().map(|l| text::width(l, LABEL_PX)).fold(0.0, f64::max) + 12.0;
            let h = label_lines.len() as f64 * LABEL_LINE + 6.0;
            (mid.0, mid.1 - h / 2.0, w.ceil(), h)
        });
        out.push(FlowPath { flow: f.id.clone(), index: fi, d, back, label_lines, label });
    }
    separate_labels(&mut out);
    out
}

fn cubic(p0: f64, p1: f64, p2: f64, p3: f64, t: f64) -> f64 {
    let u = 1.0 - t;
    u * u * u * p0 + 3.0 * u * u * t * p1 + 3.0 * u * t * t * p2 + t * t * t * p3
}

fn bezier_t_at_x(x0: f64, x1: f64, x2: f64, x3: f64, x: f64) -> f64 {
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..30 {
        let mid = (lo + hi) / 2.0;
        if cubic(x0, x1, x2, x3, mid) < x {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo + hi) / 2.0
}

/// Pushes labels apart vertically where two of them would overlap.
fn separate_labels(flows: &mut [FlowPath]) {
    let mut idx: Vec<usize> = (0..flows.len()).filter(|&i| flows[i].label.is_some()).collect();
    idx.sort_by(|&a, &b| {
        let (la, lb) = (flows[a].label.unwrap_or_default(), flows[b].label.unwrap_or_default());
        la.1.total_cmp(&lb.1).then(la.0.total_cmp(&lb.0)).then(a.cmp(&b))
    });
    for k in 0..idx.len() {
        for j in 0..k {
            let (Some(prev), Some(cur)) = (flows[idx[j]].label, flows[idx[k]].label) else { continue };
            let overlap_x = (prev.0 - cur.0).abs() < (prev.2 + cur.2) / 2.0 + 4.0;
            let overlap_y = cur.1 < prev.1 + prev.3 + 4.0 && cur.1 + cur.3 > prev.1 - 4.0;
            if overlap_x && overlap_y {
                if let Some(l) = flows[idx[k]].label.as_mut() {
                    l.1 = prev.1 + prev.3 + 4.0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
