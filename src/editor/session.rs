//! Session state: what the user is looking at, never undone or exported.

use super::Refusal;
use crate::i18n::Lang;
use crate::model::{Id, Map};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    Phase(Id),
    Stage(Id),
    Flow(Id),
    Person(Id),
    Topic(Id),
}

impl Selection {
    pub fn exists_in(&self, map: &Map) -> bool {
        match self {
            Selection::Phase(id) => map.phase(id).is_some(),
            Selection::Stage(id) => map.stage(id).is_some(),
            Selection::Flow(id) => map.flow(id).is_some(),
            Selection::Person(id) => map.person(id).is_some(),
            Selection::Topic(id) => map.topic(id).is_some(),
        }
    }
    pub fn stage(&self) -> Option<&Id> {
        match self {
            Selection::Stage(id) => Some(id),
            _ => None,
        }
    }
}

/// Pan and zoom of the diagram: screen = offset + (diagram − origin) × zoom,
/// where `x`, `y` (the origin) are the canvas's scroll position in diagram
/// units and the offset is [`centre_offset`] of the drawing in the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

pub const MIN_ZOOM: f64 = 0.1;
pub const MAX_ZOOM: f64 = 4.0;

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport { x: 0.0, y: 0.0, zoom: 1.0 }
    }
}

/// The empty canvas (pixels) before a drawing `content` pixels long in a
/// canvas `view` pixels long: a drawing shorter than the canvas is centred
/// in it; a longer one starts at the canvas's edge and scrolls. This is
/// where the canvas's CSS (auto margins in a flex box) puts the drawing.
pub fn centre_offset(content: f64, view: f64) -> f64 {
    let gap = (view - content) / 2.0;
    if gap > 0.0 {
        gap
    } else {
        0.0
    }
}

impl Viewport {
    /// The drawn length (whole pixels) of `len` diagram units.
    pub fn drawn(self, len: f64) -> f64 {
        (len * self.zoom).round()
    }

    /// Zooms by `factor` about the point (sx, sy) of a `view` = (w, h)
    /// canvas (pixels from its top-left corner, scrollbars left out) that
    /// shows a diagram of `size` = (width, height) diagram units.
    ///
    /// In a direction where the drawing is longer than the canvas, the
    /// diagram point under (sx, sy) stays under it (as far as the scroll
    /// range allows); where it is shorter, the drawing is centred and the
    /// scroll is 0. `self.x`, `self.y` are the scroll position in diagram
    /// units.
    pub fn zoom_at(self, factor: f64, (sx, sy): (f64, f64), size: (f64, f64), view: (f64, f64)) -> Viewport {
        let next = Viewport { zoom: (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM), ..self };
        let axis = |scroll: f64, s: f64, len: f64, view: f64| {
            // The diagram point under the pointer, then where the new zoom
            // must scroll for it to stay there.
            let point = scroll + (s - centre_offset(self.drawn(len), view)) / self.zoom;
            let drawn = next.drawn(len);
            if drawn <= view {
                return 0.0;
            }
            (point - s / next.zoom).clamp(0.0, (drawn - view) / next.zoom)
        };
        Viewport { x: axis(self.x, sx, size.0, view.0), y: axis(self.y, sy, size.1, view.1), zoom: next.zoom }
    }

    pub fn clamped(self) -> Viewport {
        let fin = |v: f64, d: f64| if v.is_finite() { v } else { d };
        Viewport {
            x: fin(self.x, 0.0).clamp(-1e8, 1e8),
            y: fin(self.y, 0.0).clamp(-1e8, 1e8),
            zoom: fin(self.zoom, 1.0).clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// Selected things; the last one is the primary selection the Inspector shows.
    pub selection: Vec<Selection>,
    pub lang: Lang,
    pub viewport: Viewport,
    pub shortcuts_open: bool,
    /// Why the last edit was refused, if it was.
    pub refusal: Option<Refusal>,
    pub notice: Option<String>,
    /// The selection was just created: the Inspector focuses its first field.
    pub fresh: bool,
    /// The document was replaced (or just opened): the view should fit it.
    pub fit_pending: bool,
    /// Local time of the last Export JSON, if any in this session.
    pub last_exported: Option<String>,
    /// The document revision that Export JSON wrote: a later one has
    /// changes the exported file lacks.
    pub exported_revision: Option<u64>,
    /// The last autosave failed; a lasting warning is shown.
    pub save_failed: bool,
}

impl Session {
    pub fn new(lang: Lang) -> Session {
        Session {
            selection: Vec::new(),
            lang,
            viewport: Viewport::default(),
            shortcuts_open: false,
            refusal: None,
            notice: None,
            fresh: false,
            fit_pending: true,
            last_exported: None,
            exported_revision: None,
            save_failed: false,
        }
    }

    pub fn primary(&self) -> Option<&Selection> {
        self.selection.last()
    }

    pub fn is_selected(&self, s: &Selection) -> bool {
        self.selection.contains(s)
    }
}
