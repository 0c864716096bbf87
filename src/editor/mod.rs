//! The editor's state and its one reducer.
//!
//! Every user action is an [`Action`], applied by [`reduce`], a pure
//! function: no storage, no files, no clock, no randomness (new ids arrive
//! inside the action, made by the caller from an injectable source).
//!
//! State is split in two. The *document* (the [`Map`]) is what undo/redo
//! walks through, what is exported and autosaved. The *session*
//! ([`Session`]: selection, viewport, language, open panels) is never undone.
//!
//! Invariants:
//! - every document a reducer step produces passes `format::validate::check`
//!   (edits that would break it are refused and leave the state unchanged);
//! - one action is at most one undo step; a gesture (a drag, a typed name)
//!   is sent as one action when it ends;
//! - the selection only names things that exist.

mod apply;
mod change;
mod context;
pub mod gap_walk;
mod history;
mod neighbour;
mod removal;
mod session;

pub use apply::{apply, Edit, Field, Refusal, StageMove};
pub use change::{Change, Kind, Verb};
pub use context::{new_topic, NewTopic};
pub use history::{History, UNDO_DEPTH};
pub use neighbour::{deleted, neighbour};
pub use removal::Removal;
pub use session::{centre_offset, Announce, Selection, Session, Step, Viewport, MAX_ZOOM, MIN_ZOOM, ZOOM_FLOOR};

use std::rc::Rc;

use crate::i18n::Lang;
use crate::model::Map;

#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    pub doc: Rc<Map>,
    pub history: History,
    pub session: Session,
    /// Bumped on every document change (edits, undo, redo); effects such as
    /// autosave watch it instead of comparing maps.
    pub revision: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A change to the document: one undo step.
    Edit(Edit),
    /// A change that creates something, which then becomes the selection
    /// (and the Inspector puts the cursor in its first field).
    EditAndSelect(Edit, Selection),
    /// As `EditAndSelect`, for something made with a guess the user should
    /// check at once (a topic given to the first student when nothing
    /// selected said whose it is): the Inspector puts the cursor on that
    /// choice and says why.
    EditAndAsk(Edit, Selection),
    Undo,
    Redo,
    /// Replace the selection with one thing (or nothing).
    Select(Option<Selection>),
    /// Shift-click: add to or remove from the selection.
    ToggleSelect(Selection),
    SelectAll(Vec<Selection>),
    SetLang(Lang),
    SetViewport(Viewport),
    ShowShortcuts(bool),
    /// A message for the user about the last action.
    Notice(Option<String>),
    /// The map was exported (Export JSON) at this local time.
    Exported(String),
    /// Whether the last autosave failed.
    SaveFailed(bool),
    /// Forget why the last edit was refused (the user dismissed it).
    DismissRefusal,
}

impl Editor {
    pub fn new(map: Map, lang: Lang) -> Editor {
        Editor { doc: Rc::new(map), history: History::default(), session: Session::new(lang), revision: 0 }
    }

    pub fn map(&self) -> &Map {
        &self.doc
    }
}

/// Applies an edit to `next`; true when the document changed. A map that
/// replaces the whole document asks the view to fit it.
fn commit(next: &mut Editor, edit: Edit) -> bool {
    let replaces = matches!(edit, Edit::Replace(_));
    let field = Field::of(&edit);
    let change = Change::of(&next.doc, &edit);
    match apply(&next.doc, edit) {
        Ok(map) => {
            next.session.refusal = None;
            next.session.refused_field = None;
            if map == *next.doc {
                return false;
            }
            next.history.push(Rc::clone(&next.doc), change.clone());
            next.session.announce = Some(Announce { step: Step::Done, change, revision: next.revision + 1 });
            next.doc = Rc::new(map);
            next.revision += 1;
            if replaces {
                next.session.fit_pending = true;
                next.session.selection.clear();
            }
            true
        }
        Err(refusal) => {
            next.session.refusal = Some(refusal);
            next.session.refused_field = field;
            false
        }
    }
}

/// A creation that selects what it made (and, when `ask`, has the
/// Inspector ask about the guess it was made with).
fn create(next: &mut Editor, edit: Edit, sel: Selection, ask: bool) {
    if commit(next, edit) {
        next.session.notice = None;
        next.session.notice_undo = false;
        next.session.selection = vec![sel];
        next.session.fresh = true;
        next.session.ask = ask;
    }
}

/// Undo or Redo to `doc`: a notice or a refusal was about the map as it
/// was, so neither holds any more.
fn travel(next: &mut Editor, doc: Rc<Map>, step: Step, change: Change) {
    next.doc = doc;
    next.revision += 1;
    next.session.announce = Some(Announce { step, change, revision: next.revision });
    next.session.notice = None;
    next.session.notice_undo = false;
    next.session.refusal = None;
    next.session.refused_field = None;
}

/// Applies one action. Returns the new state; never panics.
pub fn reduce(state: &Editor, action: Action) -> Editor {
    let mut next = state.clone();
    match action {
        // A notice says what the last action did ("Merged: …", "laid out
        // already"): once the document changes again it no longer holds.
        // A deletion that takes or changes more than it names (a student's
        // topics, a stage's flows) says so, and that Undo brings it back.
        Action::Edit(edit) => {
            let removal = Removal::of(&state.doc, &edit);
            if commit(&mut next, edit) {
                next.session.notice = removal
                    .has_consequences()
                    .then(|| crate::i18n::removed_notice(state.session.lang, &state.doc, &removal));
                next.session.notice_undo = next.session.notice.is_some();
            }
            next.session.fresh = false;
            next.session.ask = false;
        }
        Action::EditAndSelect(edit, sel) => create(&mut next, edit, sel, false),
        Action::EditAndAsk(edit, sel) => create(&mut next, edit, sel, true),
        Action::Undo => {
            if let Some((prev, change)) = next.history.undo(Rc::clone(&state.doc)) {
                travel(&mut next, prev, Step::Undone, change);
            }
        }
        Action::Redo => {
            if let Some((later, change)) = next.history.redo(Rc::clone(&state.doc)) {
                travel(&mut next, later, Step::Redone, change);
            }
        }
        Action::Select(sel) => {
            next.session.selection = sel.into_iter().collect();
            next.session.fresh = false;
            next.session.ask = false;
        }
        Action::ToggleSelect(sel) => {
            next.session.fresh = false;
            next.session.ask = false;
            if let Some(i) = next.session.selection.iter().position(|s| *s == sel) {
                next.session.selection.remove(i);
            } else {
                next.session.selection.push(sel);
            }
        }
        Action::SelectAll(sels) => next.session.selection = sels,
        Action::SetLang(lang) => next.session.lang = lang,
        Action::SetViewport(v) => {
            next.session.viewport = v.clamped();
            next.session.fit_pending = false;
        }
        Action::ShowShortcuts(open) => next.session.shortcuts_open = open,
        Action::Notice(n) => {
            next.session.notice = n;
            next.session.notice_undo = false;
        }
        Action::Exported(when) => {
            next.session.last_exported = Some(when);
            next.session.exported_revision = Some(next.revision);
        }
        Action::SaveFailed(failed) => next.session.save_failed = failed,
        Action::DismissRefusal => {
            next.session.refusal = None;
            next.session.refused_field = None;
        }
    }
    let doc = Rc::clone(&next.doc);
    next.session.selection.retain(|s| s.exists_in(&doc));
    next
}

#[cfg(test)]
mod tests;
