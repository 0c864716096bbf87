//! What is left next to the things a deletion takes away: where the app
//! puts the keyboard focus when the focused card or button is deleted with
//! them, so that a keyboard user goes on from there rather than from the
//! top of the page.

use super::{Edit, Selection};
use crate::model::{Id, Map, PersonKind};

/// The things `edit` deletes by name (not those that go with them, such as
/// the flows of a deleted stage), in the order the edit gives them.
pub fn deleted(edit: &Edit) -> Vec<Selection> {
    let mut out = Vec::new();
    collect_deleted(edit, &mut out);
    out
}

fn collect_deleted(edit: &Edit, out: &mut Vec<Selection>) {
    match edit {
        Edit::DeletePhase { id } => out.push(Selection::Phase(id.clone())),
        Edit::DeleteStage { id } => out.push(Selection::Stage(id.clone())),
        Edit::DeleteFlow { id } => out.push(Selection::Flow(id.clone())),
        Edit::DeletePerson { id } => out.push(Selection::Person(id.clone())),
        Edit::DeleteTopic { id } => out.push(Selection::Topic(id.clone())),
        Edit::Batch(edits) => edits.iter().for_each(|e| collect_deleted(e, out)),
        _ => {}
    }
}

/// The stage or person next to the last of `deleted` in `map` (the map
/// before the deletion) that the deletion leaves: for a stage, the next
/// stage in the map's order (the order of the diagram's cards and of Tab),
/// else the one before; for a flow, the stage it comes from, else the one
/// it goes to; for a phase, its first stage (stages outlive their phase);
/// for a topic, its student; for a person, the next person of the same
/// group (students, supervisors: the Team's two lists), else the one
/// before. `None` when nothing of that kind is left.
pub fn neighbour(map: &Map, deleted: &[Selection]) -> Option<Selection> {
    let gone = |s: &Selection| deleted.contains(s);
    let stage_left = |id: &Id| map.stage(id).is_some() && !gone(&Selection::Stage(id.clone()));
    match deleted.last()? {
        Selection::Stage(id) => next_stage(map, id, &gone),
        Selection::Flow(id) => {
            let f = map.flow(id)?;
            if stage_left(&f.from) {
                Some(Selection::Stage(f.from.clone()))
            } else if stage_left(&f.to) {
                Some(Selection::Stage(f.to.clone()))
            } else {
                next_stage(map, &f.from, &gone)
            }
        }
        Selection::Phase(id) => map
            .stages
            .iter()
            .find(|s| s.phase.as_ref() == Some(id) && stage_left(&s.id))
            .map(|s| Selection::Stage(s.id.clone())),
        Selection::Topic(id) => {
            let student = &map.topic(id)?.student;
            let sel = Selection::Person(student.clone());
            (map.person(student).is_some() && !gone(&sel)).then_some(sel)
        }
        Selection::Person(id) => {
            let student = |k: PersonKind| k == PersonKind::Student;
            let group = student(map.person(id)?.kind);
            let at = map.people.iter().position(|p| &p.id == id)?;
            let left = |p: &&crate::model::Person| student(p.kind) == group && !gone(&Selection::Person(p.id.clone()));
            let after = map.people.iter().skip(at + 1).find(left);
            let before = || map.people.iter().take(at).rev().find(left);
            after.or_else(before).map(|p| Selection::Person(p.id.clone()))
        }
    }
}

/// The stage after `id` in the map's order that is not `gone`, else the
/// nearest one before it.
fn next_stage(map: &Map, id: &Id, gone: &impl Fn(&Selection) -> bool) -> Option<Selection> {
    let at = map.stages.iter().position(|s| &s.id == id)?;
    let left = |s: &&crate::model::Stage| !gone(&Selection::Stage(s.id.clone()));
    let after = map.stages.iter().skip(at + 1).find(left);
    let before = || map.stages.iter().take(at).rev().find(left);
    after.or_else(before).map(|s| Selection::Stage(s.id.clone()))
}
