//! What a new thing takes from the selection: whose topic "Add topic"
//! makes, where it is placed and who supervises it.

use super::Selection;
use crate::model::{Id, Map, PersonKind};

/// A new topic's student and stage.
#[derive(Clone, Debug, PartialEq)]
pub struct NewTopic {
    pub student: Id,
    pub stage: Option<Id>,
    /// Nothing selected said whose topic it is: it went to the first
    /// student for now, and the user is asked to choose (a topic always
    /// has a student, FORMAT.md).
    pub guessed: bool,
    /// The selected supervisors, in the order they were selected.
    pub supervisors: Vec<Id>,
}

/// The student of a new topic: the selected student, else the student of
/// the selected topic (the primary selection first, then the others, last
/// selected first); else the first student, `guessed`. Its stage: the
/// selected stage (the same order), else none. Its supervisors: every
/// selected supervisor. `None` when the map has no student.
pub fn new_topic(map: &Map, selection: &[Selection]) -> Option<NewTopic> {
    let student_of = |s: &Selection| match s {
        Selection::Person(id) => map.person(id).filter(|p| p.kind == PersonKind::Student).map(|p| p.id.clone()),
        Selection::Topic(id) => map.topic(id).map(|t| t.student.clone()),
        _ => None,
    };
    let stage_of = |s: &Selection| match s {
        Selection::Stage(id) => map.stage(id).map(|s| s.id.clone()),
        _ => None,
    };
    let stage = selection.iter().rev().find_map(stage_of);
    let mut supervisors: Vec<Id> = Vec::new();
    for s in selection {
        if let Selection::Person(id) = s {
            if map.person(id).is_some_and(|p| p.kind != PersonKind::Student) && !supervisors.contains(id) {
                supervisors.push(id.clone());
            }
        }
    }
    match selection.iter().rev().find_map(student_of) {
        Some(student) => Some(NewTopic { student, stage, guessed: false, supervisors }),
        None => {
            let first = map.people.iter().find(|p| p.kind == PersonKind::Student)?;
            Some(NewTopic { student: first.id.clone(), stage, guessed: true, supervisors })
        }
    }
}
