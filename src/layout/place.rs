//! Where the cards go. The map becomes a layered-layout input (phases are
//! the bands, in order; stages without a phase get a band at the end), the
//! layered layout places every card, and then stages placed by hand take
//! their own positions: the other cards stay where the layout put them
//! unless one of those positions is in the way, in which case they move
//! down past it.

use std::rc::Rc;

use super::card::CardCache;
use super::cells::Cells;
use super::flows::FlowCache;
use super::layered::{self, Input, Output, Size, Spacing};
use super::paths::Rect;
use super::{Card, Lane, CARD_MIN_W, COLUMN_GAP, LANE_HEADER, LANE_PAD, ROW_GAP};
use crate::model::hash::FastMap;
use crate::model::{Id, Map};

/// Spacing of the chain diagram: gaps between columns wide enough for a flow label.
pub const SPACING: Spacing = Spacing {
    node_gap: ROW_GAP,
    edge_gap: 14.0,
    column_gap: COLUMN_GAP,
    band_gap: COLUMN_GAP,
    min_column_w: CARD_MIN_W,
};

/// The last layered layout and the input it was made from. Most edits do
/// not change that input (a stage dragged, a topic or person added, a note
/// written, a rename that keeps the card's size): they reuse the layout,
/// which on a map of thousands of stages is most of the time a diagram
/// takes. The layout is a pure function of its input, so reusing it gives
/// exactly the diagram a fresh computation would.
///
/// When only box sizes changed (a rename), the graph's structure (its
/// crossing-minimised order) is reused and only the geometry is computed;
/// when no height changed either, the vertical positions are reused too.
/// The cards whose text did not change are reused too (`CardCache`).
#[derive(Default)]
pub struct LayoutCache {
    last: Option<(Input, Rc<layered::Structure>, Rc<Output>)>,
    pub(super) cards: CardCache,
    pub(super) flows: FlowCache,
}

impl LayoutCache {
    /// How many flow routes the last diagram reused (tests and benchmarks).
    pub fn routes_reused(&self) -> usize {
        self.flows.reused
    }

    fn layout(&mut self, input: Input) -> Rc<Output> {
        let (structure, before) = match &self.last {
            Some((seen, _, out)) if *seen == input => return Rc::clone(out),
            Some((seen, st, out)) if seen.same_graph(&input) => (Rc::clone(st), Some(Rc::clone(out))),
            _ => (Rc::new(layered::Structure::of(&input)), None),
        };
        let out = Rc::new(layered::layout_on(&input, &SPACING, &structure, before.as_deref()));
        self.last = Some((input, structure, Rc::clone(&out)));
        out
    }
}

pub struct Placement {
    pub out: Rc<Output>,
    /// Where the layered output's (0, 0) is on the diagram.
    pub origin: (f64, f64),
    pub lanes: Vec<Lane>,
    /// Cards that are not where the layered layout put them (placed by hand, or pushed down).
    pub moved: Vec<bool>,
}

/// Stage index of each flow end (`usize::MAX` when the stage is unknown).
pub fn flow_ends(map: &Map) -> Vec<(usize, usize)> {
    let index: FastMap<&str, usize> = map.stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let at = |id: &Id| index.get(id.as_str()).copied().unwrap_or(usize::MAX);
    map.flows.iter().map(|f| (at(&f.from), at(&f.to))).collect()
}

/// Places `cards` (one per stage, in stage order) and makes the lanes.
#[inline(never)] // a phase of its own (and in profiles)
pub fn place(map: &Map, cards: &mut [Card], ends: &[(usize, usize)], cache: &mut LayoutCache) -> Placement {
    let phases = &map.project.phases;
    let phase_index: FastMap<&str, usize> = phases.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let band: Vec<usize> = map
        .stages
        .iter()
        .map(|s| s.phase.as_ref().and_then(|p| phase_index.get(p.as_str()).copied()).unwrap_or(phases.len()))
        .collect();
    let no_phase_lane = band.contains(&phases.len());
    let bands = phases.len() + usize::from(no_phase_lane);
    // Each lane is at least as wide as its title (drawn 16 px in, 14 px bold).
    let title_room = |name: &str| super::text::width(name, 14.0) * 1.1 + 32.0 - 2.0 * LANE_PAD;
    let mut band_min_w: Vec<f64> = phases.iter().map(|p| title_room(&p.name)).collect();
    if no_phase_lane {
        // The same in both languages: the layout does not depend on the language.
        use crate::i18n::{t, Key, Lang};
        band_min_w.push(title_room(t(Lang::En, Key::NoPhase)).max(title_room(t(Lang::Zh, Key::NoPhase))));
    }
    let input = Input {
        sizes: cards.iter().map(|c| Size { w: c.w, h: c.h }).collect(),
        band,
        bands,
        edges: ends.to_vec(),
        band_min_w,
    };
    let out = cache.layout(input);
    let origin = (LANE_PAD, LANE_HEADER + LANE_PAD);

    let mut lanes = Vec::with_capacity(bands);
    for (b, &(first, count)) in out.band_columns.iter().enumerate().take(bands) {
        let (Some(l), Some(r)) = (out.columns.get(first), out.columns.get(first + count.max(1) - 1)) else { continue };
        let x = origin.0 + l.x - LANE_PAD;
        let width = r.x + r.w - l.x + 2.0 * LANE_PAD;
        lanes.push(Lane { phase: phases.get(b).map(|p| p.id.clone()), x, width });
    }

    for (i, c) in cards.iter_mut().enumerate() {
        c.x = origin.0 + out.x.get(i).copied().unwrap_or(0.0);
        c.y = origin.1 + out.y.get(i).copied().unwrap_or(0.0);
    }
    let moved = apply_manual_positions(map, cards, &out);

    // A lane stretches to hold the cards of its phase that were placed by hand.
    for (i, s) in map.stages.iter().enumerate() {
        let (Some(_), Some(c)) = (&s.pos, cards.get(i)) else { continue };
        let phase = s.phase.as_ref().filter(|p| map.phase(p).is_some());
        if let Some(lane) = lanes.iter_mut().find(|l| l.phase.as_ref() == phase) {
            let left = lane.x.min(c.x - LANE_PAD);
            let right = (lane.x + lane.width).max(c.x + c.w + LANE_PAD);
            lane.x = left;
            lane.width = right - lane.x;
        }
    }
    Placement { out, origin, lanes, moved }
}

/// Puts the stages placed by hand where they were placed; a laid-out card
/// that one of them covers moves down past it (and the cards below it in
/// its column with it). Returns which cards are not where the layout put them.
fn apply_manual_positions(map: &Map, cards: &mut [Card], out: &Output) -> Vec<bool> {
    let mut moved = vec![false; cards.len()];
    let mut pinned: Vec<Rect> = Vec::new();
    for (i, s) in map.stages.iter().enumerate() {
        let (Some(p), Some(c)) = (&s.pos, cards.get_mut(i)) else { continue };
        if (p.x - c.x).abs() > 0.5 || (p.y - c.y).abs() > 0.5 {
            if let Some(m) = moved.get_mut(i) {
                *m = true;
            }
            c.x = p.x;
            c.y = p.y;
            pinned.push(Rect { x: c.x, y: c.y, w: c.w, h: c.h });
        }
    }
    if pinned.is_empty() {
        return moved;
    }
    // Laid-out cards column by column, top to bottom.
    let mut free: Vec<usize> =
        (0..cards.len()).filter(|&i| map.stages.get(i).is_some_and(|s| s.pos.is_none())).collect();
    crate::sorting::sort_by(&mut free, |&a, &b| {
        let col = |i: usize| out.column_of.get(i).copied().unwrap_or(0);
        let y = |i: usize| cards.get(i).map_or(0.0, |c| c.y);
        col(a).cmp(&col(b)).then(y(a).total_cmp(&y(b))).then(a.cmp(&b))
    });
    // The pinned cards by the cells they cover: a laid-out card looks only
    // at those near it (on a map where half of 10,000 stages were placed by
    // hand, looking at every one for each card took 90 ms an edit).
    let mut near = Cells::new(256.0, 256.0, ROW_GAP / 2.0);
    for (k, p) in pinned.iter().enumerate() {
        near.insert(k, (p.x, p.y, p.x + p.w, p.y + p.h));
    }
    let mut column = usize::MAX;
    let mut floor = f64::NEG_INFINITY;
    for &i in &free {
        let col = out.column_of.get(i).copied().unwrap_or(0);
        if col != column {
            column = col;
            floor = f64::NEG_INFINITY;
        }
        let Some(c) = cards.get_mut(i) else { continue };
        let y = clear_of(&pinned, &near, Rect { x: c.x, y: c.y.max(floor), w: c.w, h: c.h });
        if y != c.y {
            if let Some(m) = moved.get_mut(i) {
                *m = true;
            }
            c.y = y;
        }
        floor = c.y + c.h + ROW_GAP;
    }
    moved
}

/// How far down `me` goes to be clear of every card in `pinned` (which
/// `near` holds by cells): below the lowest one it overlaps, again while
/// it overlaps one, at most once per pinned card. Returns its top.
fn clear_of(pinned: &[Rect], near: &Cells, mut me: Rect) -> f64 {
    for _ in 0..=pinned.len() {
        let mut bottom: Option<f64> = None;
        near.visit((me.x, me.y, me.x + me.w, me.y + me.h), |k| {
            if let Some(p) = pinned.get(k).filter(|p| p.overlaps(&me, ROW_GAP / 2.0)) {
                bottom = Some(bottom.map_or(p.y + p.h, |b| b.max(p.y + p.h)));
            }
        });
        match bottom {
            Some(bottom) => me.y = bottom + ROW_GAP,
            None => break,
        }
    }
    me.y
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// `clear_of` as it was first written: every pinned card looked at.
    fn clear_of_naive(pinned: &[Rect], mut me: Rect) -> f64 {
        for _ in 0..=pinned.len() {
            match pinned.iter().filter(|p| p.overlaps(&me, ROW_GAP / 2.0)).map(|p| p.y + p.h).reduce(f64::max) {
                Some(bottom) => me.y = bottom + ROW_GAP,
                None => break,
            }
        }
        me.y
    }

    #[test]
    fn a_card_goes_below_the_cards_placed_by_hand_as_when_each_was_looked_at() {
        for seed in 1..30u32 {
            let mut rnd = crate::seeded::mulberry32(seed);
            let spread = [300.0, 3000.0, 30000.0][seed as usize % 3];
            let mut box_at = |tall: f64| Rect {
                x: (rnd() * spread).round(),
                y: (rnd() * spread).round(),
                w: 140.0 + (rnd() * 60.0).round(),
                h: 60.0 + (rnd() * tall).round(),
            };
            // Some cards as tall as hundreds of students: more cells than a box is put in.
            let pinned: Vec<Rect> = (0..200).map(|k| box_at(if k % 50 == 0 { 2e6 } else { 200.0 })).collect();
            let mut near = Cells::new(256.0, 256.0, ROW_GAP / 2.0);
            for (k, p) in pinned.iter().enumerate() {
                near.insert(k, (p.x, p.y, p.x + p.w, p.y + p.h));
            }
            let mut pushed = 0;
            for _ in 0..200 {
                let me = box_at(100.0);
                let y = clear_of(&pinned, &near, me);
                assert_eq!(y, clear_of_naive(&pinned, me), "seed {seed}, {me:?}");
                pushed += usize::from(y != me.y);
            }
            assert!(pushed > 0, "seed {seed}: no card was in the way of another");
        }
    }
}
