//! Viewport arithmetic and what the selection marks on the diagram.

use std::collections::HashSet;

use crate::analysis::ChainIndex;
use crate::editor::{Selection, Viewport};
use crate::layout::Diagram;
use crate::model::{Id, Map};

/// Below this zoom, 14 px names shrink under 10 px.
pub const MIN_READABLE_ZOOM: f64 = 0.72;

/// The view a map opens with: the zoom that shows the whole diagram in a
/// `w` × `h` canvas, but never so small that names cannot be read (then
/// the canvas scrolls), with the view at the start of the chain.
pub fn opening_view(d: &Diagram, w: f64, h: f64) -> Viewport {
    view_at(d, w, h, Viewport::fit_zoom((d.width, d.height), (w, h)).max(MIN_READABLE_ZOOM))
}

/// "Fit to view" (the button and the 0 key): the whole diagram, however
/// small its names get (a big map is then drawn as an overview), to zoom
/// in from, centred in the canvas (the viewport's pads).
pub fn fit_all(d: &Diagram, w: f64, h: f64) -> Viewport {
    view_at(d, w, h, Viewport::fit_zoom((d.width, d.height), (w, h)))
}

/// The view at `zoom`, scrolled to the start of the chain.
///
/// When the diagram is taller than the view, the view starts at the highest
/// card of the first screenful of columns, so a big map never opens on an
/// empty corner (short columns are centred on the tallest one); at the top
/// when those cards are near it, so that the lanes' titles are whole.
fn view_at(d: &Diagram, w: f64, h: f64, zoom: f64) -> Viewport {
    let y = if d.height * zoom > h {
        let first_screen = w / zoom;
        let top = d.cards.iter().filter(|c| c.x < first_screen).map(|c| c.y).fold(f64::INFINITY, f64::min);
        // Cards near the top are shown with the lanes' titles above them,
        // rather than with the titles cut through.
        if top.is_finite() && top - 40.0 > crate::layout::LANE_HEADER + 40.0 {
            top - 40.0
        } else {
            0.0
        }
    } else {
        0.0
    };
    Viewport::centred(0.0, y, zoom, (d.width, d.height), (w, h))
}

/// The view as the user left it: the session's zoom and pads with the
/// scroll position of the canvas (which the user changes without actions),
/// and the canvas's inner size (scrollbars left out), the size that
/// `Viewport::zoom_at` centres the drawing in.
pub fn live_view(vp: Viewport) -> (Viewport, f64, f64) {
    let el = gloo::utils::document().query_selector(".canvas .scroller").ok().flatten();
    match el {
        Some(el) => {
            let v = Viewport { x: el.scroll_left() as f64 / vp.zoom, y: el.scroll_top() as f64 / vp.zoom, ..vp };
            (v, el.client_width() as f64, el.client_height() as f64)
        }
        None => (Viewport { x: 0.0, y: 0.0, ..vp }, 800.0, 600.0),
    }
}

/// The view zoomed about a point of the canvas `el` given in client
/// coordinates (the pointer's), by the factor `factor_of` gives for the
/// live view's zoom.
pub fn zoom_about_pointer(
    el: &web_sys::Element,
    vp: Viewport,
    (cx, cy): (f64, f64),
    size: (f64, f64),
    factor_of: impl FnOnce(f64) -> f64,
) -> Viewport {
    let r = el.get_bounding_client_rect();
    let (v, cw, ch) = live_view(vp);
    let at = (cx - r.left() - el.client_left() as f64, cy - r.top() - el.client_top() as f64);
    v.zoom_at(factor_of(v.zoom), at, size, (cw, ch))
}

/// What to mark on the diagram for the current selection.
#[derive(Default, PartialEq)]
pub struct Highlight {
    pub focus: HashSet<Id>,
    pub up_stages: HashSet<Id>,
    pub down_stages: HashSet<Id>,
    pub up_flows: HashSet<Id>,
    pub down_flows: HashSet<Id>,
    pub flows: HashSet<Id>,
}

impl Highlight {
    pub fn of(map: &Map, chains: &ChainIndex, selection: &[Selection]) -> Highlight {
        let mut h = Highlight::default();
        for s in selection {
            match s {
                Selection::Stage(id) => {
                    h.focus.insert(id.clone());
                }
                Selection::Flow(id) => {
                    h.flows.insert(id.clone());
                }
                _ => {}
            }
        }
        let stage = match selection.last() {
            Some(Selection::Stage(id)) => Some(id.clone()),
            Some(Selection::Topic(id)) => map.topic(id).and_then(|t| t.stage.clone()),
            _ => None,
        };
        let Some(stage) = stage else { return h };
        h.focus.insert(stage.clone());
        let chain = chains.chain_of(map, &stage);
        h.up_stages.extend(chain.upstream_stages.iter().cloned());
        h.down_stages.extend(chain.downstream_stages.iter().cloned());
        h.up_flows.extend(chain.inputs.iter().map(|l| l.flow.clone()));
        h.down_flows.extend(chain.outputs.iter().map(|l| l.flow.clone()));
        h
    }

    pub fn active(&self) -> bool {
        !self.focus.is_empty()
    }
}

/// The part of the diagram on screen (diagram units), grown by a margin so
/// that a short scroll shows cards that are already there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Window {
    pub fn everything() -> Window {
        Window { x0: f64::NEG_INFINITY, y0: f64::NEG_INFINITY, x1: f64::INFINITY, y1: f64::INFINITY }
    }
    pub fn around(scroll_x: f64, scroll_y: f64, w: f64, h: f64, zoom: f64) -> Window {
        let (mx, my) = (w / zoom, h / zoom);
        let (x, y) = (scroll_x / zoom, scroll_y / zoom);
        Window { x0: x - mx, y0: y - my, x1: x + 2.0 * mx, y1: y + 2.0 * my }
    }
    pub fn meets(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> bool {
        x0 <= self.x1 && x1 >= self.x0 && y0 <= self.y1 && y1 >= self.y0
    }
}
