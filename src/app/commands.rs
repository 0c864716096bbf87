//! Actions that need a little context before they can be dispatched: new
//! ids, the lane to add a stage to, what "Delete" means for a selection.
//! Shared by the toolbar, the keyboard and the panels.

use super::effects::new_id;
use crate::editor::{Action, Edit, Editor, Selection, StageMove};
use crate::i18n::{t, Key};
use crate::layout::Diagram;
use crate::model::{Id, PersonKind};

/// The phase new stages go to: the selected phase, the phase of the
/// selected stage, else the first phase.
pub fn target_phase(ed: &Editor) -> Option<Id> {
    let map = ed.map();
    match ed.session.primary() {
        Some(Selection::Phase(p)) => Some(p.clone()),
        Some(Selection::Stage(s)) => map.stage(s).and_then(|s| s.phase.clone()),
        _ => map.project.phases.first().map(|p| p.id.clone()),
    }
}

pub fn add_stage(ed: &Editor, phase: Option<Id>) -> Action {
    let id = new_id(ed.map(), "stage");
    let name = t(ed.session.lang, Key::NewStageName).to_string();
    Action::EditAndSelect(Edit::AddStage { id: id.clone(), name, phase, pos: None }, Selection::Stage(id))
}

pub fn add_phase(ed: &Editor) -> Action {
    let id = new_id(ed.map(), "phase");
    let name = t(ed.session.lang, Key::NewPhaseName).to_string();
    Action::EditAndSelect(Edit::AddPhase { id: id.clone(), name }, Selection::Phase(id))
}

pub fn add_person(ed: &Editor, name: String, kind: PersonKind) -> Action {
    let id = new_id(ed.map(), "person");
    let name = if name.trim().is_empty() { t(ed.session.lang, Key::NewPersonName).to_string() } else { name };
    Action::EditAndSelect(Edit::AddPerson { id: id.clone(), name, kind }, Selection::Person(id))
}

/// A topic for `student`, else for the student the selection names (a
/// student, a topic's student), at `stage`, else at the selected stage.
/// With no student selected it goes to the first student, and the
/// Inspector asks whose it is (`editor::new_topic`, `Action::EditAndAsk`).
pub fn add_topic(ed: &Editor, title: String, student: Option<Id>, stage: Option<Id>) -> Option<Action> {
    let map = ed.map();
    let context = crate::editor::new_topic(map, &ed.session.selection)?;
    let guessed = student.is_none() && context.guessed;
    let student = student.unwrap_or(context.student);
    let stage = stage.or(context.stage);
    let id = new_id(map, "topic");
    let title = if title.trim().is_empty() { t(ed.session.lang, Key::NewTopicTitle).to_string() } else { title };
    let edit = Edit::AddTopic { id: id.clone(), title, student, stage, supervisors: context.supervisors };
    Some(if guessed {
        Action::EditAndAsk(edit, Selection::Topic(id))
    } else {
        Action::EditAndSelect(edit, Selection::Topic(id))
    })
}

pub fn add_flow(ed: &Editor, from: Id, to: Id, artifact: String) -> Action {
    let id = new_id(ed.map(), "flow");
    Action::EditAndSelect(Edit::AddFlow { id: id.clone(), from, to, artifact }, Selection::Flow(id))
}

/// Deletes everything selected, as one undo step.
pub fn delete_selection(ed: &Editor) -> Option<Action> {
    let edits: Vec<Edit> = ed
        .session
        .selection
        .iter()
        .map(|s| match s.clone() {
            Selection::Phase(id) => Edit::DeletePhase { id },
            Selection::Stage(id) => Edit::DeleteStage { id },
            Selection::Flow(id) => Edit::DeleteFlow { id },
            Selection::Person(id) => Edit::DeletePerson { id },
            Selection::Topic(id) => Edit::DeleteTopic { id },
        })
        .collect();
    // Deleting a stage also deletes its flows; drop flow deletions that a
    // stage deletion in the same batch already covers.
    let map = ed.map();
    let stages: Vec<&Id> = ed.session.selection.iter().filter_map(|s| s.stage()).collect();
    let people: Vec<&Id> =
        ed.session.selection.iter().filter_map(|s| if let Selection::Person(p) = s { Some(p) } else { None }).collect();
    let edits: Vec<Edit> = edits
        .into_iter()
        .filter(|e| match e {
            Edit::DeleteFlow { id } => {
                map.flow(id).is_some_and(|f| !stages.contains(&&f.from) && !stages.contains(&&f.to))
            }
            Edit::DeleteTopic { id } => map.topic(id).is_some_and(|t| !people.contains(&&t.student)),
            _ => true,
        })
        .collect();
    match edits.len() {
        0 => None,
        1 => edits.into_iter().next().map(Action::Edit),
        _ => Some(Action::Edit(Edit::Batch(edits))),
    }
}

/// Moves the selected stages by (dx, dy) diagram units; they become placed by hand.
pub fn nudge(ed: &Editor, diagram: &Diagram, dx: f64, dy: f64) -> Option<Action> {
    let moves: Vec<StageMove> = ed
        .session
        .selection
        .iter()
        .filter_map(|s| s.stage())
        .filter_map(|id| diagram.cards.iter().find(|c| &c.stage == id))
        .map(|c| StageMove { id: c.stage.clone(), pos: Some(diagram.map_point(c.x + dx, c.y + dy)), phase: None })
        .collect();
    (!moves.is_empty()).then_some(Action::Edit(Edit::MoveStages(moves)))
}

/// Clears every manual position: the whole map is laid out again.
pub fn auto_layout(ed: &Editor) -> Option<Action> {
    let moves: Vec<StageMove> = ed
        .map()
        .stages
        .iter()
        .filter(|s| s.pos.is_some())
        .map(|s| StageMove { id: s.id.clone(), pos: None, phase: None })
        .collect();
    if moves.is_empty() {
        // Nothing is placed by hand: the map is laid out already. Say so
        // rather than do nothing.
        let note = crate::i18n::t(ed.session.lang, crate::i18n::Key::AlreadyLaidOut);
        return Some(Action::Notice(Some(note.to_string())));
    }
    Some(Action::Edit(Edit::MoveStages(moves)))
}
