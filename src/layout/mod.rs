//! Where things go on the chain diagram: lanes, stage cards sized to their
//! text, and flow paths with their labels. Pure geometry in diagram units
//! (CSS pixels at zoom 1); the app only turns it into SVG elements.
//!
//! The placement is a layered (Sugiyama) layout, left to right (`layered`):
//! lanes are the phases in order (stages without a phase get a last lane),
//! within a lane stages take columns by longest path, loops are broken for
//! layout only, crossings are minimised, and flows are routed through the
//! gaps between columns so that they never cross a card. Stages with a
//! manual `pos` keep it (`place`); flows touching them take detours
//! (`detour`). The same code lays out the bench's generic graphs
//! (`graph_json`) and writes positions for `chainmap layout`.
//!
//! Invariant: `diagram` is deterministic (same map, same geometry) and
//! cards never overlap one another when no stage has a manual position.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

pub mod beyond;
mod card;
mod cells;
mod detour;
mod flows;
mod graph_json;
mod kept;
mod labels;
pub mod layered;
pub mod overview;
mod paths;
mod place;
pub mod text;

pub use graph_json::layout_graph_json;
pub use place::LayoutCache;

use crate::model::{Id, Map};
use std::rc::Rc;

pub const NAME_PX: f64 = 14.0;
pub const ROLE_PX: f64 = 12.0;
pub const CHIP_PX: f64 = 12.0;
pub const LABEL_PX: f64 = 12.0;
pub const CARD_MIN_W: f64 = 140.0;
pub const CARD_MAX_W: f64 = 200.0;
pub const LABEL_MAX_W: f64 = 104.0;
const LABEL_LINE: f64 = 15.0;
/// Horizontal room between two columns: enough for a flow label.
pub const COLUMN_GAP: f64 = 128.0;
pub const ROW_GAP: f64 = 36.0;
pub const LANE_HEADER: f64 = 44.0;
pub const LANE_PAD: f64 = 20.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub width: f64,
    pub height: f64,
    /// Where the map's origin is drawn. A stage placed by hand left of the
    /// laid-out chain (a negative `pos.x`) or above the lanes' bodies (a
    /// `pos.y` under the title row) moves the whole drawing right or down
    /// by this much, so that everything drawn is at 0 or beyond and no
    /// card covers a lane's title: a `pos` of (x, y) is drawn at
    /// (x + shift.0, y + shift.1).
    pub shift: (f64, f64),
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
    /// The student's name, wrapped to the card's width (a line each).
    pub lines: Vec<String>,
    /// The kinds of the topic's supervisors, drawn as small marks at the
    /// chip's right end ("A" academic, "E" enterprise; PRODUCT.md: the two
    /// told apart by a small mark): is there an academic one, an enterprise
    /// one. The name is centred in the rest (`Chip::text_w`).
    pub academic: bool,
    pub enterprise: bool,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Chip {
    /// The width the name is centred in (the marks take the rest).
    pub fn text_w(&self) -> f64 {
        self.w - MARK_W * (self.academic as u8 + self.enterprise as u8) as f64
    }

    /// The centres (x, relative to the card) of the academic and the
    /// enterprise mark, each when there is one.
    pub fn marks(&self) -> [Option<f64>; 2] {
        let a = self.academic.then(|| self.x + self.text_w() + MARK_W / 2.0 - 3.0);
        let e = self.enterprise.then(|| self.x + self.w - MARK_W / 2.0 - 3.0);
        [a, e]
    }
}

/// The room a supervisor mark takes in a chip.
pub const MARK_W: f64 = 16.0;

/// Height of a chip of one line, and of each further line.
pub const CHIP_H: f64 = 20.0;
pub const CHIP_LINE: f64 = 15.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub stage: Id,
    /// Index of the stage in `map.stages`.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The text is shared (`Rc`): a card that did not change is copied
    /// from the last diagram by reference, not string by string.
    pub name_lines: Rc<[String]>,
    pub role_line: Option<Rc<str>>,
    /// Student chips, positioned relative to the card's top-left corner.
    pub chips: Rc<[Chip]>,
    /// On a stage nobody works at, where its dashed "no student yet" chip
    /// goes (x, y, width, height, relative to the card; the words are the
    /// app's, in its language). `None` when a student works there.
    pub vacant: Option<(f64, f64, f64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FlowPath {
    pub flow: Id,
    pub index: usize,
    /// SVG path data (shared with the cache: a flow that did not move is
    /// not written again).
    pub d: Rc<str>,
    /// Drawn as an arc above the chain (it goes back against the reading direction).
    pub back: bool,
    /// Shared with the label cache (an unchanged artifact is not copied).
    pub label_lines: Rc<[String]>,
    /// Label box (centre x, top y, width, height); no label when the artifact is empty.
    pub label: Option<(f64, f64, f64, f64)>,
    /// When the artifact is empty: where the app marks the missing name (the
    /// `unnamed-flow` gap) with a small "?", placed as a label would be.
    pub unnamed_at: Option<(f64, f64)>,
}

/// Lays the whole map out.
pub fn diagram(map: &Map) -> Diagram {
    diagram_with(map, &mut LayoutCache::default())
}

/// Lays the whole map out, reusing the layered layout of the previous call
/// when its input has not changed (the app keeps one cache per document).
pub fn diagram_with(map: &Map, cache: &mut LayoutCache) -> Diagram {
    let mut cards: Vec<Card> = card::cards(map, &mut cache.cards);
    let ends = place::flow_ends(map);
    let mut placed = place::place(map, &mut cards, &ends, cache);
    let shift = shift_to_positive(&mut cards, &mut placed);
    let flows = flows::flows(map, &cards, &placed, &ends, &mut cache.flows);
    let mut width = placed.lanes.iter().map(|l| l.x + l.width).fold(0.0, f64::max);
    let mut height = LANE_HEADER + LANE_PAD;
    for c in &cards {
        width = width.max(c.x + c.w + LANE_PAD);
        height = height.max(c.y + c.h + LANE_PAD);
    }
    for (cx, top, w, h) in flows.iter().filter_map(|f| f.label) {
        width = width.max(cx + w / 2.0 + LANE_PAD);
        height = height.max(top + h + LANE_PAD);
    }
    let mut lanes = placed.lanes;
    if let Some(last) = lanes.last_mut() {
        last.width = last.width.max(width - last.x);
    }
    Diagram { width: width.ceil(), height: height.ceil(), shift, lanes, cards, flows }
}

impl Diagram {
    /// The map position (`pos`) of a point of the drawing.
    pub fn map_point(&self, x: f64, y: f64) -> (f64, f64) {
        (x - self.shift.0, y - self.shift.1)
    }
}

/// Moves everything right by what the card placed furthest left is before
/// 0, and down by what the card placed highest is above the lanes' bodies
/// (so no card covers a lane's title); whole units, so that paths stay
/// short. Returns the move.
fn shift_to_positive(cards: &mut [Card], placed: &mut place::Placement) -> (f64, f64) {
    let (mut left, mut top) = (0.0f64, 0.0f64);
    for c in cards.iter() {
        left = left.min(c.x);
        top = top.min(c.y - LANE_HEADER);
    }
    let shift = ((-left).ceil(), (-top).ceil());
    for c in cards.iter_mut() {
        c.x += shift.0;
        c.y += shift.1;
    }
    // A lane stretched to hold a card placed by hand stops at the drawing's edge.
    for l in &mut placed.lanes {
        l.x += shift.0;
        if l.x < 0.0 {
            l.width += l.x;
            l.x = 0.0;
        }
    }
    placed.origin.0 += shift.0;
    placed.origin.1 += shift.1;
    shift
}

/// The top-left corner of every stage's card, in stage order, as the
/// layout places it: stages placed by hand keep their place when
/// `keep_placed`, otherwise every stage is laid out afresh. This is what
/// `chainmap layout` writes and what an "auto layout" can store.
pub fn auto_positions(map: &Map, keep_placed: bool) -> Vec<(Id, f64, f64)> {
    let fresh;
    let m = if keep_placed {
        map
    } else {
        let mut copy = map.clone();
        for s in &mut copy.stages {
            s.pos = None;
        }
        fresh = copy;
        &fresh
    };
    let d = diagram(m);
    d.cards.into_iter().map(|c| (c.stage, c.x - d.shift.0, c.y - d.shift.1)).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests;
