//! What of the chain lies beyond the left and right edges of the view: the
//! canvas shows a button at each edge naming the nearest phase out of view
//! and how many stages are there, so that a chain wider than the screen
//! (the worked example at 1,280 px) says where it goes on.

use super::Diagram;

/// What lies beyond one edge of the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Beyond {
    /// The nearest lane (index in `Diagram::lanes`) wholly out of view on
    /// this side, if any.
    pub lane: Option<usize>,
    /// How many cards have their middle beyond the edge.
    pub stages: usize,
}

/// Both sides; `None` where everything is in view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sides {
    pub left: Option<Beyond>,
    pub right: Option<Beyond>,
}

/// What lies beyond a view that shows diagram x from `x0` to `x1`. A card
/// counts as beyond an edge when its middle is; a lane when all of it is
/// (a lane wider than the view, partly in it, is where the user is).
pub fn beyond(d: &Diagram, x0: f64, x1: f64) -> Sides {
    let (mut left, mut right) = (0usize, 0usize);
    for c in &d.cards {
        let mid = c.x + c.w / 2.0;
        if mid < x0 {
            left += 1;
        } else if mid > x1 {
            right += 1;
        }
    }
    // The nearest lane wholly beyond each edge.
    let mut near_left: Option<(f64, usize)> = None;
    let mut near_right: Option<(f64, usize)> = None;
    for (i, lane) in d.lanes.iter().enumerate() {
        let end = lane.x + lane.width;
        if end <= x0 && near_left.is_none_or(|(e, _)| end > e) {
            near_left = Some((end, i));
        } else if lane.x >= x1 && near_right.is_none_or(|(x, _)| lane.x < x) {
            near_right = Some((lane.x, i));
        }
    }
    let side =
        |stages: usize, near: Option<(f64, usize)>| (stages > 0).then(|| Beyond { lane: near.map(|(_, i)| i), stages });
    Sides { left: side(left, near_left), right: side(right, near_right) }
}

/// Where to scroll (the diagram x to put at the view's left edge) to show
/// what lies beyond one edge: the start of the nearest lane out of view, a
/// little in from the edge; with no such lane, most of a view further on.
pub fn scroll_target(d: &Diagram, towards_right: bool, b: Beyond, x0: f64, x1: f64) -> f64 {
    const MARGIN: f64 = 24.0;
    let span = x1 - x0;
    let at = match b.lane.and_then(|i| d.lanes.get(i)) {
        Some(lane) => lane.x - MARGIN,
        None if towards_right => x0 + span * 0.8,
        None => x0 - span * 0.8,
    };
    at.clamp(0.0, (d.width - span).max(0.0))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::layout::{Card, Lane};
    use crate::model::Id;
    use std::rc::Rc;

    fn card(x: f64) -> Card {
        Card {
            stage: Id::from("s"),
            index: 0,
            x,
            y: 0.0,
            w: 100.0,
            h: 50.0,
            name_lines: Rc::from(Vec::new()),
            role_line: None,
            chips: Rc::from(Vec::new()),
            vacant: None,
        }
    }

    /// Three lanes of 500 with two cards each, 100 apart.
    fn chain() -> Diagram {
        let lanes =
            (0..3).map(|i| Lane { phase: Some(Id::from(format!("p{i}").as_str())), x: i as f64 * 600.0, width: 500.0 });
        let cards = (0..3).flat_map(|i| [card(i as f64 * 600.0 + 20.0), card(i as f64 * 600.0 + 300.0)]);
        Diagram {
            width: 1700.0,
            height: 200.0,
            shift: (0.0, 0.0),
            lanes: lanes.collect(),
            cards: cards.collect(),
            flows: Vec::new(),
        }
    }

    #[test]
    fn a_view_of_the_whole_chain_has_nothing_beyond_it() {
        assert_eq!(beyond(&chain(), 0.0, 1700.0), Sides::default());
    }

    #[test]
    fn the_start_of_a_wide_chain_names_the_next_phase_out_of_view_and_counts_its_stages() {
        // The first lane and half of the second are in view: the second's
        // first card (middle 670) is in, its second (950) is not.
        let s = beyond(&chain(), 0.0, 900.0);
        assert_eq!(s.left, None);
        assert_eq!(s.right, Some(Beyond { lane: Some(2), stages: 3 }));
    }

    #[test]
    fn the_middle_of_the_chain_has_something_on_both_sides() {
        let s = beyond(&chain(), 560.0, 1160.0);
        assert_eq!(s.left, Some(Beyond { lane: Some(0), stages: 2 }));
        assert_eq!(s.right, Some(Beyond { lane: Some(2), stages: 2 }));
    }

    #[test]
    fn stages_beyond_an_edge_inside_a_lane_in_view_are_counted_without_a_lane() {
        // One lane, wider than the view.
        let mut d = chain();
        d.lanes.truncate(1);
        d.lanes[0].width = 1700.0;
        let s = beyond(&d, 0.0, 700.0);
        assert_eq!(s.right, Some(Beyond { lane: None, stages: 3 }));
    }

    #[test]
    fn scrolling_to_what_lies_beyond_brings_the_lane_in_and_stays_in_the_drawing() {
        let d = chain();
        let b = Beyond { lane: Some(2), stages: 2 };
        assert_eq!(scroll_target(&d, true, b, 0.0, 900.0), 800.0, "past the end: as far as it goes");
        assert_eq!(scroll_target(&d, true, b, 0.0, 500.0), 1176.0);
        let back = Beyond { lane: Some(0), stages: 2 };
        assert_eq!(scroll_target(&d, false, back, 600.0, 1100.0), 0.0);
        let none = Beyond { lane: None, stages: 3 };
        assert_eq!(scroll_target(&d, true, none, 0.0, 500.0), 400.0);
        assert_eq!(scroll_target(&d, false, none, 300.0, 800.0), 0.0);
    }
}
