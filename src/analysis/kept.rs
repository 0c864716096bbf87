//! The indexes the app keeps for one version of a map (the flow graph, the
//! names' table, the students at each stage), carried over to the next
//! version when what they are built from did not change: most edits change
//! a name, a text or a position, not the ids, flows or placements. Carried
//! or built afresh, they are equal (a test compares both over a session of
//! edits).

use std::rc::Rc;

use super::{people_by_stage, ChainIndex, NameTable};
use crate::model::{Id, Map};

#[derive(Clone, Debug, Default)]
pub struct Indexes {
    /// The flow graph, for the upstream and downstream of a selection on demand.
    pub chains: Rc<ChainIndex>,
    /// Where each thing is, by id, for the panels' names (`Names::kept`).
    pub names: Rc<NameTable>,
    /// The students at each stage, by stage position.
    pub people: Rc<Vec<Vec<Id>>>,
}

impl Indexes {
    pub fn of(map: &Map) -> Indexes {
        Indexes {
            chains: Rc::new(ChainIndex::new(map)),
            names: Rc::new(NameTable::new(map)),
            people: Rc::new(people_by_stage(map)),
        }
    }

    /// The indexes of `map`, given those of `before`: each is kept when
    /// what it is built from is the same in both maps.
    pub fn renewed(map: &Map, before: &Map, kept: &Indexes) -> Indexes {
        let stages = same(&map.stages, &before.stages, |a, b| a.id == b.id);
        let ends = stages && same(&map.flows, &before.flows, |a, b| a.from == b.from && a.to == b.to);
        let ids = stages
            && same(&map.flows, &before.flows, |a, b| a.id == b.id)
            && same(&map.topics, &before.topics, |a, b| a.id == b.id)
            && same(&map.people, &before.people, |a, b| a.id == b.id)
            && same(&map.project.phases, &before.project.phases, |a, b| a.id == b.id);
        let placed = stages && same(&map.topics, &before.topics, |a, b| a.stage == b.stage && a.student == b.student);
        Indexes {
            chains: if ends { Rc::clone(&kept.chains) } else { Rc::new(ChainIndex::new(map)) },
            names: if ids { Rc::clone(&kept.names) } else { Rc::new(NameTable::new(map)) },
            people: if placed { Rc::clone(&kept.people) } else { Rc::new(people_by_stage(map)) },
        }
    }
}

/// Whether two lists have the same length and `eq` holds at every position.
fn same<T>(a: &[T], b: &[T], eq: impl Fn(&T, &T) -> bool) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| eq(x, y))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::editor::{apply, Edit, StageMove};
    use crate::i18n::Lang;
    use crate::model::PersonKind;
    use crate::templates::Template;

    #[test]
    fn indexes_carried_over_equal_fresh_ones_through_a_session_of_edits() {
        let mut map = Template::Alloy.map(Lang::En);
        let mut kept = Indexes::of(&map);
        let s = |i: usize, m: &Map| m.stages[i % m.stages.len()].id.clone();
        for step in 0..60 {
            let edit = match step % 10 {
                0 => Edit::RenameStage { id: s(step, &map), name: format!("Stage {step}") },
                1 => {
                    Edit::MoveStages(vec![StageMove { id: s(step, &map), pos: Some((step as f64, 5.0)), phase: None }])
                }
                2 => Edit::AddStage { id: Id::new(format!("n{step}")), name: "New".into(), phase: None, pos: None },
                3 => Edit::AddFlow {
                    id: Id::new(format!("f{step}")),
                    from: s(step, &map),
                    to: s(step + 1, &map),
                    artifact: "x".into(),
                },
                4 => Edit::AddPerson {
                    id: Id::new(format!("p{step}")),
                    name: "Student".into(),
                    kind: PersonKind::Student,
                },
                5 => Edit::AddTopic {
                    id: Id::new(format!("t{step}")),
                    title: "Topic".into(),
                    student: map.people.iter().find(|p| p.kind == PersonKind::Student).unwrap().id.clone(),
                    stage: Some(s(step, &map)),
                    supervisors: Vec::new(),
                },
                6 => Edit::SetTopicStage {
                    id: map.topics[step % map.topics.len()].id.clone(),
                    stage: Some(s(step + 2, &map)),
                },
                7 => Edit::SetFlowEnds { id: map.flows[0].id.clone(), from: s(step + 3, &map), to: s(step + 5, &map) },
                8 => Edit::DeleteStage { id: s(step + 1, &map) },
                _ => Edit::SetTitle(format!("Title {step}")),
            };
            let Ok(next) = apply(&map, edit) else { continue };
            let renewed = Indexes::renewed(&next, &map, &kept);
            let fresh = Indexes::of(&next);
            assert_eq!(renewed.chains, fresh.chains, "step {step}");
            assert_eq!(renewed.names, fresh.names, "step {step}");
            assert_eq!(renewed.people, fresh.people, "step {step}");
            map = next;
            kept = renewed;
        }
    }
}
