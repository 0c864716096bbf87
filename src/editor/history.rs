//! Undo and redo: snapshots of the document, shared (`Rc`) so a step costs
//! one map clone, not a copy of the whole history.

use std::rc::Rc;

use crate::model::Map;

/// How many steps back undo reaches.
pub const UNDO_DEPTH: usize = 500;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Rc<Map>>,
    redo: Vec<Rc<Map>>,
}

impl History {
    /// Records `before` as the state to return to; a new change clears redo.
    pub fn push(&mut self, before: Rc<Map>) {
        self.undo.push(before);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub fn undo(&mut self, current: Rc<Map>) -> Option<Rc<Map>> {
        let prev = self.undo.pop()?;
        self.redo.push(current);
        Some(prev)
    }

    pub fn redo(&mut self, current: Rc<Map>) -> Option<Rc<Map>> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}
