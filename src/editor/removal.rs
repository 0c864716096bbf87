//! What a deletion takes with it, or changes, besides the things it names:
//! a stage's flows and the topics placed there, a student's topics, the
//! topics a supervisor leaves, the stages of a phase. The Inspector says it
//! next to "Remove from the map" before the deletion, and the reducer's
//! notice says it after (with the way back: Undo).

use super::{deleted, Edit, Selection};
use crate::model::hash::FastSet;
use crate::model::{Id, Map, PersonKind};

/// A deletion and its consequences, counted on the map before it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removal {
    /// What the deletion names, in its order (only things on the map).
    pub named: Vec<Selection>,
    /// Flows that go with deleted stages (not named themselves).
    pub flows: usize,
    /// Topics that go with deleted students (not named themselves), in
    /// file order.
    pub topics: Vec<Id>,
    /// Topics left on the map that lose their stage.
    pub unplaced: usize,
    /// Topics left on the map that lose a supervisor.
    pub unsupervised: usize,
    /// Stages left on the map that lose their phase.
    pub unphased: usize,
}

impl Removal {
    /// What `edit` would take from `map`; empty (`named` too) for an edit
    /// that deletes nothing.
    pub fn of(map: &Map, edit: &Edit) -> Removal {
        let named: Vec<Selection> = deleted(edit).into_iter().filter(|s| s.exists_in(map)).collect();
        if named.is_empty() {
            return Removal::default();
        }
        let mut stages: FastSet<&str> = FastSet::default();
        let mut people: FastSet<&str> = FastSet::default();
        let mut phases: FastSet<&str> = FastSet::default();
        let mut flows: FastSet<&str> = FastSet::default();
        let mut topics: FastSet<&str> = FastSet::default();
        for s in &named {
            match s {
                Selection::Stage(id) => stages.insert(id.as_str()),
                Selection::Person(id) => people.insert(id.as_str()),
                Selection::Phase(id) => phases.insert(id.as_str()),
                Selection::Flow(id) => flows.insert(id.as_str()),
                Selection::Topic(id) => topics.insert(id.as_str()),
            };
        }
        let mut r = Removal { named: Vec::new(), ..Removal::default() };
        if !stages.is_empty() {
            r.flows = map
                .flows
                .iter()
                .filter(|f| !flows.contains(f.id.as_str()))
                .filter(|f| stages.contains(f.from.as_str()) || stages.contains(f.to.as_str()))
                .count();
        }
        for t in map.topics.iter().filter(|t| !topics.contains(t.id.as_str())) {
            if people.contains(t.student.as_str()) {
                r.topics.push(t.id.clone());
                continue;
            }
            if t.stage.as_ref().is_some_and(|s| stages.contains(s.as_str())) {
                r.unplaced += 1;
            }
            if t.supervisors.iter().any(|s| people.contains(s.as_str())) {
                r.unsupervised += 1;
            }
        }
        if !phases.is_empty() {
            r.unphased = map
                .stages
                .iter()
                .filter(|s| !stages.contains(s.id.as_str()))
                .filter(|s| s.phase.as_ref().is_some_and(|p| phases.contains(p.as_str())))
                .count();
        }
        r.named = named;
        r
    }

    /// Whether the deletion takes or changes anything it does not name.
    pub fn has_consequences(&self) -> bool {
        self.flows > 0 || !self.topics.is_empty() || self.unplaced > 0 || self.unsupervised > 0 || self.unphased > 0
    }

    /// How many of the named things are of each kind: phases, stages,
    /// flows, students, supervisors, topics.
    pub fn counts(&self, map: &Map) -> [usize; 6] {
        let mut n = [0; 6];
        for s in &self.named {
            let i = match s {
                Selection::Phase(_) => 0,
                Selection::Stage(_) => 1,
                Selection::Flow(_) => 2,
                Selection::Person(id) if map.person(id).is_some_and(|p| p.kind == PersonKind::Student) => 3,
                Selection::Person(_) => 4,
                Selection::Topic(_) => 5,
            };
            n[i] += 1;
        }
        n
    }
}
