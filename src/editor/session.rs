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

/// Pan and zoom of the diagram: screen = (diagram − origin) × zoom.
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

impl Viewport {
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
