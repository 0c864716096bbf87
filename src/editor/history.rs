//! Undo and redo: snapshots of the document, shared (`Rc`) so a step costs
//! one map clone, not a copy of the whole history. Each step keeps what it
//! changed, for the Undo and Redo buttons' names and the announcements.

use std::rc::Rc;

use super::Change;
use crate::model::Map;

/// How many steps back undo reaches.
pub const UNDO_DEPTH: usize = 500;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<(Rc<Map>, Change)>,
    redo: Vec<(Rc<Map>, Change)>,
}

impl History {
    /// Records `before` as the state to return to, and what the step
    /// changed; a new change clears redo.
    pub fn push(&mut self, before: Rc<Map>, change: Change) {
        self.undo.push((before, change));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps back: the state before the last step, and what that step changed.
    pub fn undo(&mut self, current: Rc<Map>) -> Option<(Rc<Map>, Change)> {
        let (prev, change) = self.undo.pop()?;
        self.redo.push((current, change.clone()));
        Some((prev, change))
    }

    /// Steps forward again: the state after the step, and what it changed.
    pub fn redo(&mut self, current: Rc<Map>) -> Option<(Rc<Map>, Change)> {
        let (next, change) = self.redo.pop()?;
        self.undo.push((current, change.clone()));
        Some((next, change))
    }

    /// What Undo would take back.
    pub fn undo_change(&self) -> Option<&Change> {
        self.undo.last().map(|(_, c)| c)
    }

    /// What Redo would do again.
    pub fn redo_change(&self) -> Option<&Change> {
        self.redo.last().map(|(_, c)| c)
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
