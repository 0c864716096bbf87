//! Session state: what the user is looking at, never undone or exported.

use super::{Field, Refusal};
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
    /// The id of the selected element.
    pub fn id(&self) -> &Id {
        match self {
            Selection::Phase(id)
            | Selection::Stage(id)
            | Selection::Flow(id)
            | Selection::Person(id)
            | Selection::Topic(id) => id,
        }
    }

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

/// Pan and zoom of the diagram: screen = pad + (diagram − origin) × zoom,
/// where `x`, `y` (the origin) are the canvas's scroll position in diagram
/// units and `pad_x`, `pad_y` the empty canvas (pixels) drawn before the
/// diagram.
///
/// The pads centre a drawing smaller than the canvas. They are set when the
/// view is chosen (opening, Fit, zoom) and kept while the map is edited, so
/// a card dropped below the others lands where it was let go instead of the
/// whole drawing moving to centre itself again. As drawn they never push
/// the drawing past the canvas's edge ([`shown_pad`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
    pub pad_x: f64,
    pub pad_y: f64,
}

/// The smallest zoom of a map that fits the canvas at it. A bigger map can
/// be zoomed out until it fits whole (`Viewport::min_zoom`), down to
/// `ZOOM_FLOOR`: a supervisor looking over a merged programme of
/// thousands of stages sees all of it, drawn as an overview.
pub const MIN_ZOOM: f64 = 0.1;
pub const ZOOM_FLOOR: f64 = 0.002;
pub const MAX_ZOOM: f64 = 4.0;
/// The room (pixels) a fitted drawing leaves around it in the canvas.
const FIT_MARGIN: f64 = 16.0;

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport { x: 0.0, y: 0.0, zoom: 1.0, pad_x: 0.0, pad_y: 0.0 }
    }
}

/// The empty canvas (pixels) that centres a drawing `content` pixels long in
/// a canvas `view` pixels long; 0 for a drawing as long as the canvas or
/// longer (it starts at the canvas's edge and scrolls).
pub fn centre_offset(content: f64, view: f64) -> f64 {
    let gap = (view - content) / 2.0;
    if gap > 0.0 {
        gap
    } else {
        0.0
    }
}

/// The pad drawn before a drawing `content` pixels long in a `view`: the
/// stored `pad`, less what would push the drawing past the canvas's far
/// edge, and 0 for a drawing longer than the canvas.
pub fn shown_pad(pad: f64, content: f64, view: f64) -> f64 {
    let room = view - content;
    if room > 0.0 && pad > 0.0 {
        pad.min(room)
    } else {
        0.0
    }
}

impl Viewport {
    /// The zoom that shows a diagram of `size` (diagram units) whole in a
    /// `view` (pixels), with a small margin: "Fit to view".
    pub fn fit_zoom(size: (f64, f64), view: (f64, f64)) -> f64 {
        let z = ((view.0 - FIT_MARGIN) / size.0.max(1.0)).min((view.1 - FIT_MARGIN) / size.1.max(1.0));
        if z.is_finite() {
            z.clamp(ZOOM_FLOOR, 1.0)
        } else {
            1.0
        }
    }

    /// How far the wheel and the buttons zoom out: to `MIN_ZOOM`, or
    /// further for a diagram that only fits whole at a smaller zoom.
    pub fn min_zoom(size: (f64, f64), view: (f64, f64)) -> f64 {
        MIN_ZOOM.min(Viewport::fit_zoom(size, view))
    }

    /// The view at `zoom`, scrolled to (x, y), with the pads that centre a
    /// diagram of `size` diagram units in a `view` (pixels).
    pub fn centred(x: f64, y: f64, zoom: f64, size: (f64, f64), view: (f64, f64)) -> Viewport {
        let v = Viewport { x, y, zoom, pad_x: 0.0, pad_y: 0.0 };
        Viewport { pad_x: centre_offset(v.drawn(size.0), view.0), pad_y: centre_offset(v.drawn(size.1), view.1), ..v }
    }

    /// The drawn length (whole pixels) of `len` diagram units.
    pub fn drawn(self, len: f64) -> f64 {
        (len * self.zoom).round()
    }

    /// The pads as drawn for a diagram of `size` in a `view` ([`shown_pad`]).
    pub fn shown_pads(self, size: (f64, f64), view: (f64, f64)) -> (f64, f64) {
        (shown_pad(self.pad_x, self.drawn(size.0), view.0), shown_pad(self.pad_y, self.drawn(size.1), view.1))
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
        let zoom = (self.zoom * factor).clamp(Viewport::min_zoom(size, view), MAX_ZOOM);
        let next = Viewport { zoom, ..self };
        let (px, py) = self.shown_pads(size, view);
        let axis = |scroll: f64, s: f64, pad: f64, len: f64, view: f64| {
            // The diagram point under the pointer, then where the new zoom
            // must scroll for it to stay there.
            let point = scroll + (s - pad) / self.zoom;
            let drawn = next.drawn(len);
            if drawn <= view {
                return 0.0;
            }
            (point - s / next.zoom).clamp(0.0, (drawn - view) / next.zoom)
        };
        Viewport::centred(axis(self.x, sx, px, size.0, view.0), axis(self.y, sy, py, size.1, view.1), zoom, size, view)
    }

    /// The view that keeps everything on screen in place when the drawing's
    /// origin moves by `delta` diagram units (a stage dropped above or left
    /// of the drawing grows it that way: `Diagram::shift`). `shown` are the
    /// pads as they were drawn. The pad before the drawing absorbs the
    /// move as far as it can; the rest is scrolled.
    pub fn shifted(self, delta: (f64, f64), shown: (f64, f64)) -> Viewport {
        let zoom = self.zoom;
        let axis = |pad: f64, scroll: f64, d: f64| {
            // Pixels from the canvas's edge to the drawing's old origin, less the move.
            let t = pad - scroll * zoom - d * zoom;
            if t >= 0.0 {
                (t, 0.0)
            } else {
                (0.0, -t / zoom)
            }
        };
        let (pad_x, x) = axis(shown.0, self.x, delta.0);
        let (pad_y, y) = axis(shown.1, self.y, delta.1);
        Viewport { x, y, zoom, pad_x, pad_y }
    }

    /// The view scrolled as little as it takes for the box (x, y, w, h,
    /// diagram units) of a diagram of `size` to be wholly in a `view`
    /// (pixels), `margin` pixels from its edges where there is room; the
    /// view itself when the box is in it already.
    pub fn reveal(
        self,
        (x, y, w, h): (f64, f64, f64, f64),
        size: (f64, f64),
        view: (f64, f64),
        margin: f64,
    ) -> Viewport {
        let zoom = self.zoom;
        let (pad_x, pad_y) = self.shown_pads(size, view);
        // `scroll` and the result in diagram units; the box and the view in pixels.
        let axis = |scroll: f64, pad: f64, start: f64, len: f64, view: f64, drawn: f64| {
            let (a, b) = (pad + start * zoom, pad + (start + len) * zoom);
            let at = scroll * zoom;
            let next = if a < at {
                a - margin
            } else if b > at + view {
                (b - view + margin).min(a - margin)
            } else {
                return scroll;
            };
            next.clamp(0.0, (pad + drawn - view).max(0.0)) / zoom
        };
        let x = axis(self.x, pad_x, x, w, view.0, self.drawn(size.0));
        let y = axis(self.y, pad_y, y, h, view.1, self.drawn(size.1));
        Viewport { x, y, ..self }
    }

    /// The pads moved by half the change of the canvas's size, so that a
    /// centred drawing stays centred when the window or a panel resizes.
    pub fn resized(self, from: (f64, f64), to: (f64, f64)) -> Viewport {
        let keep = |pad: f64, a: f64, b: f64| if pad > 0.0 { (pad + (b - a) / 2.0).max(0.0) } else { pad };
        Viewport { pad_x: keep(self.pad_x, from.0, to.0), pad_y: keep(self.pad_y, from.1, to.1), ..self }
    }

    pub fn clamped(self) -> Viewport {
        let fin = |v: f64, d: f64| if v.is_finite() { v } else { d };
        Viewport {
            x: fin(self.x, 0.0).clamp(-1e8, 1e8),
            y: fin(self.y, 0.0).clamp(-1e8, 1e8),
            zoom: fin(self.zoom, 1.0).clamp(ZOOM_FLOOR, MAX_ZOOM),
            pad_x: fin(self.pad_x, 0.0).clamp(0.0, 1e6),
            pad_y: fin(self.pad_y, 0.0).clamp(0.0, 1e6),
        }
    }
}

/// A change to the map as the app announces it.
#[derive(Clone, Debug, PartialEq)]
pub struct Announce {
    pub step: Step,
    pub change: super::Change,
    /// The document revision it is about: the same words twice in a row
    /// are still a new announcement.
    pub revision: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Done,
    Undone,
    Redone,
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
    /// The text field the refused edit came from, if it came from one: the
    /// Inspector marks it (with the reason) until the next edit is made.
    pub refused_field: Option<Field>,
    pub notice: Option<String>,
    /// The notice is about the last change, which Undo takes back (a
    /// removal that took more than it named): the banner offers Undo.
    pub notice_undo: bool,
    /// What the last change to the map was, for screen readers (a polite
    /// live region): made, undone or redone.
    pub announce: Option<Announce>,
    /// The selection was just created: the Inspector focuses its first field.
    pub fresh: bool,
    /// The selection was just created with a guess (a topic given to the
    /// first student): the Inspector focuses that choice and says why.
    pub ask: bool,
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
            refused_field: None,
            notice: None,
            notice_undo: false,
            announce: None,
            fresh: false,
            ask: false,
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
