//! The data of a topic's defense brief (PRODUCT.md item 7): where the topic
//! sits, its chain, its supervisors, the gaps that touch it and a readiness
//! checklist. Rendering (Markdown, the printable page) lives elsewhere; both
//! show what a [`Brief`] holds and look up only names in the map, so the two
//! cannot disagree about who is where or how far.

use std::collections::HashSet;

use super::chain::{people_by_stage, Chain, ChainIndex};
use super::gaps::{gaps, Gap};
use super::index::any_named;
use crate::model::{Id, Map, PersonKind};

/// A hand-off into or out of the topic's stage itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handoff {
    pub flow: Id,
    /// As written; blank when the flow does not name it.
    pub artifact: String,
    /// The stage at the other end: where it comes from, or where it goes.
    pub stage: Id,
    /// The students with a topic at that stage (empty: nobody works there).
    pub people: Vec<Id>,
}

/// A stage further up or down the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reached {
    pub stage: Id,
    /// How many hand-offs away it is, the shortest way: 1 for a stage joined
    /// to the topic's stage by a flow.
    pub steps: usize,
    /// Its phase, when it has one that exists.
    pub phase: Option<Id>,
    /// The students with a topic there (empty: nobody works there).
    pub people: Vec<Id>,
}

/// The items of the readiness checklist, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckItem {
    /// The topic is placed at a stage.
    StageSet,
    /// The stage's role is written.
    RoleWritten,
    /// The stage has an input (flow or external) and every incoming flow names its artifact.
    InputsNamed,
    /// The stage has an output (flow or external) and every outgoing flow names its artifact.
    OutputsNamed,
    /// The topic has an academic supervisor.
    AcademicSupervisor,
    /// The topic has an enterprise supervisor.
    EnterpriseSupervisor,
    /// The defense date is set.
    DefenseDate,
}

impl CheckItem {
    pub const ALL: [CheckItem; 7] = [
        CheckItem::StageSet,
        CheckItem::RoleWritten,
        CheckItem::InputsNamed,
        CheckItem::OutputsNamed,
        CheckItem::AcademicSupervisor,
        CheckItem::EnterpriseSupervisor,
        CheckItem::DefenseDate,
    ];

    /// A stable key (for translations and tests).
    pub fn as_str(self) -> &'static str {
        match self {
            CheckItem::StageSet => "stage-set",
            CheckItem::RoleWritten => "role-written",
            CheckItem::InputsNamed => "inputs-named",
            CheckItem::OutputsNamed => "outputs-named",
            CheckItem::AcademicSupervisor => "academic-supervisor",
            CheckItem::EnterpriseSupervisor => "enterprise-supervisor",
            CheckItem::DefenseDate => "defense-date",
        }
    }

    /// Plain English, for the command line's Markdown.
    pub fn english(self) -> &'static str {
        match self {
            CheckItem::StageSet => "The topic is placed at a stage",
            CheckItem::RoleWritten => "The stage's role is written",
            CheckItem::InputsNamed => "The inputs are named, with where they come from",
            CheckItem::OutputsNamed => "The outputs are named, with who uses them",
            CheckItem::AcademicSupervisor => "An academic supervisor is named",
            CheckItem::EnterpriseSupervisor => "An enterprise supervisor is named",
            CheckItem::DefenseDate => "The defense date is set",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    pub item: CheckItem,
    pub ok: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    pub topic: Id,
    /// The topic's stage, when placed (at a stage that exists).
    pub stage: Option<Id>,
    /// The stage's phase, when it has one.
    pub phase: Option<Id>,
    pub chain: Chain,
    /// The flows into the stage, in flow file order.
    pub inputs: Vec<Handoff>,
    /// The flows out of the stage, in flow file order.
    pub outputs: Vec<Handoff>,
    /// The stage's external inputs and outputs that are written (blank ones left out).
    pub external_inputs: Vec<String>,
    pub external_outputs: Vec<String>,
    /// Every stage upstream, nearest first (ties in file order).
    pub upstream: Vec<Reached>,
    /// Every stage downstream, nearest first.
    pub downstream: Vec<Reached>,
    /// The topic's supervisors, in the topic's order.
    pub supervisors: Vec<Id>,
    /// Its academic and its enterprise supervisors, each in the topic's order.
    pub academic: Vec<Id>,
    pub enterprise: Vec<Id>,
    /// Gaps naming the topic, its stage, or a flow into or out of its stage; in gap order.
    pub gaps: Vec<Gap>,
    /// One check per [`CheckItem`], in [`CheckItem::ALL`] order.
    pub checklist: Vec<Check>,
}

impl Brief {
    /// Every check passes.
    pub fn ready(&self) -> bool {
        self.checklist.iter().all(|c| c.ok)
    }

    pub fn check(&self, item: CheckItem) -> bool {
        self.checklist.iter().any(|c| c.item == item && c.ok)
    }
}

/// The brief of a topic; `None` for an unknown topic.
pub fn brief(map: &Map, topic: &Id) -> Option<Brief> {
    map.topic(topic)?;
    brief_from(map, topic, &gaps(map))
}

/// The brief of a topic, picking its gaps from gaps already computed for the
/// whole map (as in `Analysis::gaps`).
pub fn brief_from(map: &Map, topic: &Id, all_gaps: &[Gap]) -> Option<Brief> {
    brief_with(map, topic, all_gaps, &ChainIndex::new(map), &people_by_stage(map))
}

/// As [`brief_from`], on a flow index and the students at each stage (by
/// stage position, as [`people_by_stage`] gives them) already built for the
/// map: the briefs of every topic share them.
pub fn brief_with(map: &Map, topic: &Id, all_gaps: &[Gap], index: &ChainIndex, people: &[Vec<Id>]) -> Option<Brief> {
    let t = map.topic(topic)?;
    let stage_idx = t.stage.as_ref().and_then(|s| index.stage_index(s));
    let stage = stage_idx.and_then(|i| map.stages.get(i));
    let phase_of = |s: &crate::model::Stage| s.phase.as_ref().filter(|p| map.phase(p).is_some()).cloned();
    let phase = stage.and_then(phase_of);
    let reach = stage_idx.map(|i| index.reach(i)).unwrap_or_default();
    let chain = Chain::of_reach(map, &reach);
    let people_at = |i: usize| people.get(i).cloned().unwrap_or_default();
    let people_of = |id: &Id| index.stage_index(id).map(people_at).unwrap_or_default();
    let reached = |positions: &[usize], steps: &[usize]| -> Vec<Reached> {
        positions
            .iter()
            .zip(steps)
            .filter_map(|(&i, &steps)| {
                let s = map.stages.get(i)?;
                Some(Reached { stage: s.id.clone(), steps, phase: phase_of(s), people: people_at(i) })
            })
            .collect()
    };
    let upstream = reached(&reach.upstream, &reach.upstream_steps);
    let downstream = reached(&reach.downstream, &reach.downstream_steps);
    let handoffs = |incoming: bool| -> Vec<Handoff> {
        let links = if incoming { &chain.inputs } else { &chain.outputs };
        links
            .iter()
            .filter(|l| l.depth == 1)
            .map(|l| {
                let other = if incoming { &l.from } else { &l.to };
                Handoff {
                    flow: l.flow.clone(),
                    artifact: l.artifact.clone(),
                    stage: other.clone(),
                    people: people_of(other),
                }
            })
            .collect::<Vec<_>>()
    };
    let (inputs, outputs) = (handoffs(true), handoffs(false));
    let written = |xs: &[String]| xs.iter().filter(|x| !x.trim().is_empty()).cloned().collect::<Vec<_>>();
    let external_inputs = stage.map(|s| written(&s.external_inputs)).unwrap_or_default();
    let external_outputs = stage.map(|s| written(&s.external_outputs)).unwrap_or_default();
    let of_kind = |kind: PersonKind| -> Vec<Id> {
        t.supervisors.iter().filter(|s| map.person(s).is_some_and(|p| p.kind == kind)).cloned().collect()
    };
    let into: &[usize] = stage_idx.map_or(&[], |i| index.flows_into(i));
    let out_of: &[usize] = stage_idx.map_or(&[], |i| index.flows_out_of(i));

    let mut touching: HashSet<&Id> = HashSet::new();
    touching.insert(&t.id);
    if let Some(s) = stage {
        touching.insert(&s.id);
    }
    for &f in into.iter().chain(out_of) {
        if let Some(flow) = map.flows.get(f) {
            touching.insert(&flow.id);
        }
    }
    let gaps: Vec<Gap> = all_gaps.iter().filter(|g| g.ids.iter().any(|id| touching.contains(id))).cloned().collect();

    let named = |flows: &[usize]| flows.iter().filter_map(|&f| map.flows.get(f)).all(|f| !f.artifact.trim().is_empty());
    let academic = of_kind(PersonKind::AcademicSupervisor);
    let enterprise = of_kind(PersonKind::EnterpriseSupervisor);
    let ok = |item: CheckItem| match item {
        CheckItem::StageSet => stage.is_some(),
        CheckItem::RoleWritten => stage.is_some_and(|s| !s.role.trim().is_empty()),
        CheckItem::InputsNamed => {
            stage.is_some_and(|s| (!into.is_empty() || any_named(&s.external_inputs)) && named(into))
        }
        CheckItem::OutputsNamed => {
            stage.is_some_and(|s| (!out_of.is_empty() || any_named(&s.external_outputs)) && named(out_of))
        }
        CheckItem::AcademicSupervisor => !academic.is_empty(),
        CheckItem::EnterpriseSupervisor => !enterprise.is_empty(),
        CheckItem::DefenseDate => !t.defense_date.trim().is_empty(),
    };
    let checklist = CheckItem::ALL.into_iter().map(|item| Check { item, ok: ok(item) }).collect();

    Some(Brief {
        topic: t.id.clone(),
        stage: stage.map(|s| s.id.clone()),
        phase,
        chain,
        inputs,
        outputs,
        external_inputs,
        external_outputs,
        upstream,
        downstream,
        supervisors: t.supervisors.clone(),
        academic,
        enterprise,
        gaps,
        checklist,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::analysis::gaps::GapCode;
    use crate::analysis::testing::map_from;

    const MAP: &str = r#""project": {"title": "T", "phases": [{"id": "lab", "name": "Lab"}, {"id": "pilot", "name": "Pilot"}]},
        "stages": [
            {"id": "a", "name": "A", "phase": "lab", "role": "finds the rules", "external_inputs": ["literature"]},
            {"id": "b", "name": "B", "phase": "pilot", "role": "  "},
            {"id": "c", "name": "C", "external_outputs": ["customer", " "]},
            {"id": "d", "name": "D"},
            {"id": "e", "name": "E", "role": "spare"}
        ],
        "flows": [
            {"id": "ab", "from": "a", "to": "b", "artifact": "spec"},
            {"id": "bc", "from": "b", "to": "c", "artifact": ""},
            {"id": "cd", "from": "c", "to": "d", "artifact": "parts"}
        ],
        "people": [
            {"id": "s", "name": "S", "kind": "student"},
            {"id": "ac", "name": "Prof", "kind": "academic_supervisor"},
            {"id": "en", "name": "Eng", "kind": "enterprise_supervisor"}
        ],
        "topics": [
            {"id": "ta", "title": "At A", "student": "s", "stage": "a", "supervisors": ["en", "ac"], "defense_date": "2025-06-01"},
            {"id": "tb", "title": "At B", "student": "s", "stage": "b", "supervisors": ["ac"]},
            {"id": "tc", "title": "At C", "student": "s", "stage": "c", "supervisors": ["en"]},
            {"id": "tu", "title": "Nowhere", "student": "s", "stage": null},
            {"id": "te", "title": "At E", "student": "s", "stage": "e", "supervisors": ["ac", "en"], "defense_date": "2025-06-02"}
        ]"#;

    fn failing(b: &Brief) -> Vec<&'static str> {
        b.checklist.iter().filter(|c| !c.ok).map(|c| c.item.as_str()).collect()
    }

    #[test]
    fn a_ready_topic_passes_every_check() {
        let m = map_from(MAP);
        let b = brief(&m, &Id::new("ta")).unwrap();
        assert_eq!(b.stage, Some(Id::new("a")));
        assert_eq!(b.phase, Some(Id::new("lab")));
        assert_eq!(b.supervisors, vec![Id::new("en"), Id::new("ac")]);
        assert_eq!(b.checklist.iter().map(|c| c.item).collect::<Vec<_>>(), CheckItem::ALL.to_vec());
        assert!(b.ready(), "{:?}", failing(&b));
        assert!(b.check(CheckItem::DefenseDate));
        assert_eq!(b.chain.downstream_stages, vec![Id::new("b"), Id::new("c"), Id::new("d")]);
        // bc is unnamed: it is not a flow into or out of a, so it does not touch ta.
        assert!(b.gaps.is_empty(), "{:?}", b.gaps);
    }

    #[test]
    fn checklist_failures() {
        let m = map_from(MAP);
        // b: blank role, outgoing flow unnamed, no enterprise supervisor, no date.
        let b = brief(&m, &Id::new("tb")).unwrap();
        assert_eq!(failing(&b), vec!["role-written", "outputs-named", "enterprise-supervisor", "defense-date"]);
        assert_eq!(b.phase, Some(Id::new("pilot")));
        // c: no role, incoming flow unnamed; has outputs (flow and external).
        let c = brief(&m, &Id::new("tc")).unwrap();
        assert_eq!(failing(&c), vec!["role-written", "inputs-named", "academic-supervisor", "defense-date"]);
        assert_eq!(c.phase, None);
        // e: no flow and no external inputs or outputs at all.
        let e = brief(&m, &Id::new("te")).unwrap();
        assert_eq!(failing(&e), vec!["inputs-named", "outputs-named"]);
        // unplaced: everything about the stage fails.
        let u = brief(&m, &Id::new("tu")).unwrap();
        assert_eq!(u.stage, None);
        assert!(u.chain.is_empty());
        assert_eq!(
            failing(&u),
            vec![
                "stage-set",
                "role-written",
                "inputs-named",
                "outputs-named",
                "academic-supervisor",
                "enterprise-supervisor",
                "defense-date"
            ]
        );
        assert!(brief(&m, &Id::new("nope")).is_none());
    }

    #[test]
    fn gaps_touching_the_topic_its_stage_and_its_flows() {
        let m = map_from(MAP);
        let b = brief(&m, &Id::new("tb")).unwrap();
        let got: Vec<(&str, Vec<&str>)> =
            b.gaps.iter().map(|g| (g.code.as_str(), g.ids.iter().map(Id::as_str).collect())).collect();
        assert_eq!(got, vec![("unnamed-flow", vec!["bc"]), ("no-enterprise-supervisor", vec!["tb"])]);

        let u = brief(&m, &Id::new("tu")).unwrap();
        let codes: Vec<GapCode> = u.gaps.iter().map(|g| g.code).collect();
        assert_eq!(codes, vec![GapCode::UnplacedTopic, GapCode::UnsupervisedTopic, GapCode::NoEnterpriseSupervisor]);

        // brief_from with precomputed gaps agrees with brief.
        let all = gaps(&m);
        assert_eq!(brief_from(&m, &Id::new("tc"), &all), brief(&m, &Id::new("tc")));
    }

    #[test]
    fn the_chain_names_the_people_their_phase_and_how_far_away() {
        let m = map_from(MAP);
        // c takes b's unnamed output and gives d its parts; a is two hand-offs up.
        let c = brief(&m, &Id::new("tc")).unwrap();
        let reached = |r: &[Reached]| -> Vec<(String, usize, Option<String>, Vec<String>)> {
            r.iter()
                .map(|r| {
                    let people = r.people.iter().map(|p| p.to_string()).collect();
                    (r.stage.to_string(), r.steps, r.phase.as_ref().map(|p| p.to_string()), people)
                })
                .collect()
        };
        let s = || vec!["s".to_string()];
        assert_eq!(
            reached(&c.upstream),
            vec![("b".into(), 1, Some("pilot".into()), s()), ("a".into(), 2, Some("lab".into()), s())]
        );
        assert_eq!(reached(&c.downstream), vec![("d".into(), 1, None, vec![])]);
        assert_eq!(
            c.inputs,
            vec![Handoff {
                flow: Id::new("bc"),
                artifact: String::new(),
                stage: Id::new("b"),
                people: vec![Id::new("s")]
            }]
        );
        assert_eq!(
            c.outputs,
            vec![Handoff { flow: Id::new("cd"), artifact: "parts".into(), stage: Id::new("d"), people: vec![] }]
        );
        // A blank external output is not one.
        assert_eq!(c.external_outputs, vec!["customer".to_string()]);
        assert!(c.external_inputs.is_empty());
        assert_eq!((c.academic.clone(), c.enterprise.clone()), (vec![], vec![Id::new("en")]));
        // Supervisors apart by kind, each in the topic's order.
        let a = brief(&m, &Id::new("ta")).unwrap();
        assert_eq!((a.academic, a.enterprise), (vec![Id::new("ac")], vec![Id::new("en")]));
        assert_eq!(a.external_inputs, vec!["literature".to_string()]);
        assert_eq!(reached(&a.downstream).iter().map(|r| r.1).collect::<Vec<_>>(), vec![1, 2, 3]);
        // An unplaced topic reaches nothing.
        let u = brief(&m, &Id::new("tu")).unwrap();
        assert!(u.upstream.is_empty() && u.downstream.is_empty() && u.inputs.is_empty() && u.outputs.is_empty());
    }

    #[test]
    fn steps_are_the_shortest_way_round_loops_and_shortcuts() {
        // Random maps with loops, shortcuts and parallel flows: a stage's steps
        // are the fewest hand-offs to it, the depth of the nearest flow
        // leaving it towards the topic's stage.
        let mut next = crate::seeded::mulberry32(7);
        for round in 0..40 {
            let n = 3 + (next() * 12.0) as usize;
            let stages: Vec<String> = (0..n).map(|i| format!(r#"{{"id": "s{i}", "name": "S{i}"}}"#)).collect();
            let flows: Vec<String> = (0..n * 2)
                .map(|f| {
                    let a = (next() * n as f64) as usize;
                    // Any other stage (a flow may not start and end at one).
                    let b = (a + 1 + (next() * (n - 1) as f64) as usize) % n;
                    format!(r#"{{"id": "f{f}", "from": "s{a}", "to": "s{b}", "artifact": "x"}}"#)
                })
                .collect();
            let m = map_from(&format!(
                r#""project": {{"title": "T"}}, "stages": [{}], "flows": [{}],
                "people": [{{"id": "p", "name": "P", "kind": "student"}}],
                "topics": [{{"id": "t", "title": "T", "student": "p", "stage": "s0"}}]"#,
                stages.join(","),
                flows.join(",")
            ));
            let b = brief(&m, &Id::new("t")).unwrap();
            for (reached, links, up) in [(&b.upstream, &b.chain.inputs, true), (&b.downstream, &b.chain.outputs, false)]
            {
                assert_eq!(
                    reached.iter().map(|r| &r.stage).collect::<Vec<_>>(),
                    if up { &b.chain.upstream_stages } else { &b.chain.downstream_stages }.iter().collect::<Vec<_>>()
                );
                for r in reached {
                    let nearest = links
                        .iter()
                        .filter(|l| if up { l.from == r.stage } else { l.to == r.stage })
                        .map(|l| l.depth)
                        .min();
                    assert_eq!(Some(r.steps), nearest, "round {round}, stage {}", r.stage);
                }
                assert!(reached.windows(2).all(|w| w[0].steps <= w[1].steps), "nearest first");
            }
        }
    }

    #[test]
    fn upstream_uncovered_touches_the_topic() {
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "flows": [{"id": "f", "from": "a", "to": "b", "artifact": "x"}],
            "people": [{"id": "s", "name": "S", "kind": "student"}],
            "topics": [{"id": "t", "title": "T", "student": "s", "stage": "b"}]"#,
        );
        let b = brief(&m, &Id::new("t")).unwrap();
        assert!(b.gaps.iter().any(|g| g.code == GapCode::UpstreamUncovered));
        // The island/uncovered gap of stage a does not touch t; the dead-end of b does.
        assert!(!b.gaps.iter().any(|g| g.code == GapCode::UncoveredStage));
        assert!(b.gaps.iter().any(|g| g.code == GapCode::DeadEndStage));
        assert_eq!(b.chain.inputs.len(), 1);
    }
}
