//! A big map zoomed out past reading, drawn as an overview: every card's box
//! in one path and every flow in another (`layout::overview`), with the
//! selection's stage (ringed), its upstream and downstream drawn over them.
//! The lanes and their titles are drawn by the diagram; a click picks the
//! nearest card there too (`mod.rs`).

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use super::Highlight;
use crate::app::{Derived, Shared};
use crate::layout::overview::{boxes_path, routes_path};
use crate::model::Id;

/// Below this zoom a map drawn card by card (one of more than `CULL_ABOVE`
/// stages) is drawn as the overview: names are under 4.2 px there, and
/// the overview's boxes say more (who works where, readable lane titles,
/// the name under the pointer) at a fifth of a zoom step's time.
pub const OVERVIEW_BELOW: f64 = 0.3;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub derived: Shared<Derived>,
    pub highlight: Shared<Highlight>,
    pub zoom: f64,
    pub label: AttrValue,
}

/// The paths of what the selection marks.
#[derive(Default)]
struct Marks {
    up_flows: AttrValue,
    down_flows: AttrValue,
    selected_flows: AttrValue,
    up_cards: AttrValue,
    down_cards: AttrValue,
    focus_cards: AttrValue,
    /// The centres of the focused cards, ringed so that they can be found.
    rings: Vec<(f64, f64)>,
}

fn path(d: String) -> AttrValue {
    AttrValue::from(Rc::<str>::from(d))
}

/// Whether nobody works at the card's stage (no student there).
fn nobody_at(derived: &Derived, c: &crate::layout::Card) -> bool {
    derived.people.get(c.index).is_none_or(Vec::is_empty)
}

/// How many stages nobody works at (for the overview's legend).
pub fn nobody_count(derived: &Derived) -> usize {
    derived.diagram.cards.iter().filter(|c| nobody_at(derived, c)).count()
}

#[component]
pub fn Overview(p: &OverviewProps) -> Html {
    // The boxes are split by who works there: the stages where nobody
    // does (the `uncovered-stage` gap) are drawn in the warning colour,
    // so that a supervisor sees the team's holes across a whole programme.
    let base = use_memo(p.derived.clone(), |derived| {
        let d = &derived.diagram;
        let nobody = |c: &&crate::layout::Card| nobody_at(derived, c);
        (
            path(routes_path(&d.flows)),
            path(boxes_path(d.cards.iter().filter(|c| !nobody(c)))),
            path(boxes_path(d.cards.iter().filter(nobody))),
        )
    });
    let marks = use_memo((p.derived.clone(), p.highlight.clone()), |(derived, h)| {
        if !h.active() {
            return Marks::default();
        }
        let d = &derived.diagram;
        let cards = |set: &HashSet<Id>| path(boxes_path(d.cards.iter().filter(|c| set.contains(&c.stage))));
        let flows = |set: &HashSet<Id>| path(routes_path(d.flows.iter().filter(|f| set.contains(&f.flow))));
        Marks {
            up_flows: flows(&h.up_flows),
            down_flows: flows(&h.down_flows),
            selected_flows: flows(&h.flows),
            up_cards: cards(&h.up_stages),
            down_cards: cards(&h.down_stages),
            focus_cards: cards(&h.focus),
            rings: d
                .cards
                .iter()
                .filter(|c| h.focus.contains(&c.stage))
                .map(|c| (c.x + c.w / 2.0, c.y + c.h / 2.0))
                .collect(),
        }
    });
    let active = p.highlight.active();
    // A ring 12 px across on screen, whatever the zoom.
    let r = (12.0 / p.zoom.max(1e-6)).to_string();
    let rings = marks.rings.iter().map(|(x, y)| {
        html! { <circle class="ov-ring" cx={x.to_string()} cy={y.to_string()} r={r.clone()} /> }
    });
    html! {
        <g class={classes!("overview", active.then_some("has-focus"))} role="img" aria-label={p.label.clone()}>
            <path class="ov-flows" d={base.0.clone()} />
            <path class="ov-cards" d={base.1.clone()} />
            <path class="ov-cards nobody" d={base.2.clone()} />
            if active {
                <path class="ov-flows up" d={marks.up_flows.clone()} />
                <path class="ov-flows down" d={marks.down_flows.clone()} />
                <path class="ov-flows selected" d={marks.selected_flows.clone()} />
                <path class="ov-cards up" d={marks.up_cards.clone()} />
                <path class="ov-cards down" d={marks.down_cards.clone()} />
                <path class="ov-cards focus" d={marks.focus_cards.clone()} />
                {for rings}
            }
        </g>
    }
}
