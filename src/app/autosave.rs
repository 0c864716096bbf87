//! Autosave: the map is kept in this browser a moment after each change and
//! at once when the page is hidden. Two tabs on the same map never silently
//! overwrite each other: each save carries a revision, a tab that finds a
//! newer revision than the one it knows stops and asks (and a `storage`
//! event tells a tab at once when another one saved).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::effects::storage::{self, Saved};
use super::{Dispatch, Shared};
use crate::editor::{Action, Edit, Editor};
use crate::format;

/// Milliseconds between the last change and the save.
pub const DEBOUNCE_MS: u32 = 400;

/// A newer map saved by another tab, waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub rev: u64,
}

#[derive(Clone)]
pub struct AutosaveHandle {
    pub conflict: Option<Conflict>,
    /// Replace this tab's map with the other tab's (one undo step).
    pub load_theirs: Callback<()>,
    /// Keep this tab's map and save it over the other tab's.
    pub keep_mine: Callback<()>,
}

struct State {
    known_rev: u64,
    timer: Option<Timeout>,
    /// True while a save is due (changes not yet written).
    dirty: bool,
    conflict: bool,
}

fn write(
    state: &RefCell<State>,
    ed: &Editor,
    dispatch: &Dispatch,
    conflict: &UseStateHandle<Option<Conflict>>,
    force: bool,
) {
    let known = state.borrow().known_rev;
    match storage::save(&format::export_compact(ed.map()), known, force) {
        Saved::Ok(rev) => {
            let mut s = state.borrow_mut();
            s.known_rev = rev;
            s.dirty = false;
            s.conflict = false;
            if ed.session.save_failed {
                dispatch.emit(Action::SaveFailed(false));
            }
        }
        Saved::Newer { theirs } => {
            state.borrow_mut().conflict = true;
            conflict.set(Some(Conflict { rev: theirs }));
        }
        Saved::Refused => {
            if !ed.session.save_failed {
                dispatch.emit(Action::SaveFailed(true));
            }
        }
    }
}

#[hook]
pub fn use_autosave(enabled: bool, initial_rev: u64, ed: Shared<Editor>, dispatch: Dispatch) -> AutosaveHandle {
    let state = use_mut_ref(|| State { known_rev: initial_rev, timer: None, dirty: false, conflict: false });
    let conflict = use_state(|| None::<Conflict>);
    let latest = use_mut_ref(|| ed.clone());
    *latest.borrow_mut() = ed.clone();

    // A moment after each change.
    {
        let state = state.clone();
        let dispatch = dispatch.clone();
        let conflict = conflict.clone();
        let latest = latest.clone();
        use_effect_with(ed.revision, move |&rev| {
            if enabled && rev > 0 {
                state.borrow_mut().dirty = true;
                if !state.borrow().conflict {
                    let st = state.clone();
                    let timer = Timeout::new(DEBOUNCE_MS, move || {
                        let ed = latest.borrow().clone();
                        write(&st, &ed, &dispatch, &conflict, false);
                    });
                    state.borrow_mut().timer = Some(timer);
                }
            }
        });
    }

    // At once when the page is hidden or closed; and another tab's saves.
    {
        let state = state.clone();
        let dispatch = dispatch.clone();
        let conflict = conflict.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listeners = enabled.then(|| {
                let flush = {
                    let state = state.clone();
                    let dispatch = dispatch.clone();
                    let conflict = conflict.clone();
                    let latest = latest.clone();
                    Rc::new(move || {
                        let due = state.borrow().dirty && !state.borrow().conflict;
                        if due {
                            state.borrow_mut().timer = None;
                            let ed = latest.borrow().clone();
                            write(&state, &ed, &dispatch, &conflict, false);
                        }
                    })
                };
                let f1 = flush.clone();
                let hidden = EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                        f1();
                    }
                });
                let f2 = flush.clone();
                let pagehide = EventListener::new(&gloo::utils::window(), "pagehide", move |_| f2());
                let latest = latest.clone();
                let other = EventListener::new(&gloo::utils::window(), "storage", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
                    if e.key().as_deref() != Some(storage::KEY) {
                        return;
                    }
                    let Some((map, rev)) = e.new_value().and_then(|v| storage::parse(&v)) else { return };
                    if map == format::export_compact(latest.borrow().map()) {
                        state.borrow_mut().known_rev = rev;
                        return;
                    }
                    if rev > state.borrow().known_rev {
                        state.borrow_mut().conflict = true;
                        state.borrow_mut().timer = None;
                        conflict.set(Some(Conflict { rev }));
                    }
                });
                (hidden, pagehide, other)
            });
            move || drop(listeners)
        });
    }

    let load_theirs = {
        let state = state.clone();
        let dispatch = dispatch.clone();
        let conflict = conflict.clone();
        Callback::from(move |_: ()| {
            if let Some((text, rev)) = storage::load() {
                if let Ok(imported) = format::import_str(&text) {
                    {
                        let mut s = state.borrow_mut();
                        s.known_rev = rev;
                        s.conflict = false;
                        s.dirty = false;
                    }
                    conflict.set(None);
                    dispatch.emit(Action::Edit(Edit::Replace(Box::new(imported.map))));
                    // The replacement is a change: it will be saved as the next revision.
                }
            }
        })
    };
    let keep_mine = {
        let state = state.clone();
        let dispatch = dispatch.clone();
        let conflict = conflict.clone();
        let latest = latest.clone();
        Callback::from(move |_: ()| {
            let ed = latest.borrow().clone();
            conflict.set(None);
            write(&state, &ed, &dispatch, &conflict, true);
        })
    };
    AutosaveHandle { conflict: (*conflict).clone(), load_theirs, keep_mine }
}
