//! What an edit did, in a few words a person can hear: the app announces it
//! to screen readers after the edit ("Renamed stage “Casting trials”"), after
//! Undo and Redo ("Undone: …"), and names it on the Undo and Redo buttons.
//! A `Change` holds no language: `i18n::change_text` words it.

use super::Edit;
use crate::model::{Id, Map};

/// The kind of element an edit is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Phase,
    Stage,
    Flow,
    Person,
    Topic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Added,
    Renamed,
    Changed,
    Moved,
    Removed,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// One element: its name as it was before the edit (as added, for an
    /// addition).
    One { verb: Verb, kind: Kind, name: String },
    /// A topic placed at a stage (`Some(stage name)`) or taken off its stage.
    Placed { topic: String, stage: Option<String> },
    /// The project's title, source or background.
    Project,
    /// Several stages moved (a drag of a selection, Auto layout).
    MovedStages(usize),
    /// Several elements removed at once (Delete on a selection).
    Removed(usize),
    /// The whole map replaced (a file opened, a new map, a merge): the
    /// number of stages it now has.
    Replaced { stages: usize },
    /// Several edits of other kinds at once.
    Several(usize),
}

impl Change {
    /// What `edit` does to `before`.
    pub fn of(before: &Map, edit: &Edit) -> Change {
        use Edit::*;
        let one = |verb, kind, name: &str| Change::One { verb, kind, name: name.to_string() };
        let stage = |id: &Id| before.stage(id).map_or(id.as_str(), |s| s.name.as_str()).to_string();
        let phase = |id: &Id| before.phase(id).map_or(id.as_str(), |p| p.name.as_str()).to_string();
        let person = |id: &Id| before.person(id).map_or(id.as_str(), |p| p.name.as_str()).to_string();
        let topic = |id: &Id| before.topic(id).map_or(id.as_str(), |t| t.title.as_str()).to_string();
        let flow = |id: &Id| match before.flow(id) {
            Some(f) if !f.artifact.trim().is_empty() => f.artifact.clone(),
            Some(f) => format!("{} → {}", stage(&f.from), stage(&f.to)),
            None => id.to_string(),
        };
        match edit {
            SetTitle(_) | SetSource(_) | SetBackground(_) => Change::Project,
            AddPhase { name, .. } => one(Verb::Added, Kind::Phase, name),
            RenamePhase { id, .. } => one(Verb::Renamed, Kind::Phase, &phase(id)),
            MovePhase { id, .. } => one(Verb::Moved, Kind::Phase, &phase(id)),
            DeletePhase { id } => one(Verb::Removed, Kind::Phase, &phase(id)),
            AddStage { name, .. } => one(Verb::Added, Kind::Stage, name),
            RenameStage { id, .. } => one(Verb::Renamed, Kind::Stage, &stage(id)),
            SetStagePhase { id, .. } => one(Verb::Moved, Kind::Stage, &stage(id)),
            SetStageRole { id, .. } | SetExternalInputs { id, .. } | SetExternalOutputs { id, .. } => {
                one(Verb::Changed, Kind::Stage, &stage(id))
            }
            MoveStages(moves) => match moves.as_slice() {
                [m] => one(Verb::Moved, Kind::Stage, &stage(&m.id)),
                _ => Change::MovedStages(moves.len()),
            },
            DeleteStage { id } => one(Verb::Removed, Kind::Stage, &stage(id)),
            AddFlow { artifact, from, to, .. } => {
                let name = if artifact.trim().is_empty() {
                    format!("{} → {}", stage(from), stage(to))
                } else {
                    artifact.clone()
                };
                Change::One { verb: Verb::Added, kind: Kind::Flow, name }
            }
            SetFlowArtifact { id, .. } => one(Verb::Renamed, Kind::Flow, &flow(id)),
            SetFlowEnds { id, .. } => one(Verb::Changed, Kind::Flow, &flow(id)),
            DeleteFlow { id } => one(Verb::Removed, Kind::Flow, &flow(id)),
            AddPerson { name, .. } => one(Verb::Added, Kind::Person, name),
            RenamePerson { id, .. } => one(Verb::Renamed, Kind::Person, &person(id)),
            SetPersonKind { id, .. } | SetAffiliation { id, .. } => one(Verb::Changed, Kind::Person, &person(id)),
            DeletePerson { id } => one(Verb::Removed, Kind::Person, &person(id)),
            AddTopic { title, .. } => one(Verb::Added, Kind::Topic, title),
            SetTopicTitle { id, .. } => one(Verb::Renamed, Kind::Topic, &topic(id)),
            SetTopicStage { id, stage: at } => Change::Placed { topic: topic(id), stage: at.as_ref().map(stage) },
            SetTopicStudent { id, .. }
            | SetTopicSupervisors { id, .. }
            | SetDefenseDate { id, .. }
            | SetTopicNotes { id, .. } => one(Verb::Changed, Kind::Topic, &topic(id)),
            DeleteTopic { id } => one(Verb::Removed, Kind::Topic, &topic(id)),
            Replace(map) => Change::Replaced { stages: map.stages.len() },
            Batch(edits) => match edits.as_slice() {
                [e] => Change::of(before, e),
                _ if edits.iter().all(is_removal) => Change::Removed(edits.len()),
                _ if edits.iter().all(|e| matches!(e, MoveStages(_))) => {
                    Change::MovedStages(edits.iter().map(|e| if let MoveStages(m) = e { m.len() } else { 0 }).sum())
                }
                _ => Change::Several(edits.len()),
            },
        }
    }
}

fn is_removal(edit: &Edit) -> bool {
    matches!(
        edit,
        Edit::DeletePhase { .. }
            | Edit::DeleteStage { .. }
            | Edit::DeleteFlow { .. }
            | Edit::DeletePerson { .. }
            | Edit::DeleteTopic { .. }
    )
}
