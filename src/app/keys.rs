//! Keyboard shortcuts for the whole page (see the `?` dialog).

use super::commands;
use super::diagram::{fit_all, live_view};
use super::Derived;
use crate::editor::{Action, Editor};

/// What a key press on the page does, if anything. `in_field` is true when
/// the focus is in a text field or list, where keys belong to the field.
pub fn action_for(
    key: &str,
    ctrl: bool,
    shift: bool,
    in_field: bool,
    ed: &Editor,
    derived: &Derived,
) -> Option<KeyAction> {
    let lower = key.to_ascii_lowercase();
    if ctrl {
        return match lower.as_str() {
            "z" if shift => Some(KeyAction::Do(Action::Redo)),
            "z" => Some(KeyAction::Do(Action::Undo)),
            "y" => Some(KeyAction::Do(Action::Redo)),
            _ => None,
        }
        .filter(|_| !in_field);
    }
    if key == "Escape" {
        return Some(KeyAction::Escape);
    }
    if in_field {
        return None;
    }
    let (vp, cw, ch) = live_view(ed.session.viewport);
    let zoom = |factor: f64| {
        let size = (derived.diagram.width, derived.diagram.height);
        Action::SetViewport(vp.zoom_at(factor, (cw / 2.0, ch / 2.0), size, (cw, ch)))
    };
    let step = if shift { 50.0 } else { 10.0 };
    let a = match key {
        "Delete" | "Backspace" => commands::delete_selection(ed)?,
        "ArrowLeft" => commands::nudge(ed, &derived.diagram, -step, 0.0)?,
        "ArrowRight" => commands::nudge(ed, &derived.diagram, step, 0.0)?,
        "ArrowUp" => commands::nudge(ed, &derived.diagram, 0.0, -step)?,
        "ArrowDown" => commands::nudge(ed, &derived.diagram, 0.0, step)?,
        "+" | "=" => zoom(1.25),
        "-" | "_" => zoom(0.8),
        "0" => Action::SetViewport(fit_all(&derived.diagram, cw, ch)),
        "?" => return Some(KeyAction::Help),
        "l" | "L" => commands::auto_layout(ed)?,
        _ => return None,
    };
    Some(KeyAction::Do(a))
}

/// One key press, as the page's shortcuts read it.
pub struct Press {
    pub key: String,
    pub ctrl: bool,
    pub shift: bool,
    /// The focus is in a text field or list (or a dialog).
    pub in_field: bool,
}

/// Whether a key press may be a shortcut, whatever the state: such a
/// press, made before the last action is drawn, waits for it (and the
/// browser's own action for it does not happen).
pub fn claims(p: &Press) -> bool {
    if p.ctrl {
        return !p.in_field && matches!(p.key.to_ascii_lowercase().as_str(), "z" | "y");
    }
    !p.in_field
        && matches!(
            p.key.as_str(),
            "Delete"
                | "Backspace"
                | "ArrowLeft"
                | "ArrowRight"
                | "ArrowUp"
                | "ArrowDown"
                | "+"
                | "="
                | "-"
                | "_"
                | "0"
                | "?"
                | "l"
                | "L"
        )
}

pub enum KeyAction {
    Do(Action),
    Escape,
    Help,
}
