//! The data of a topic's defense brief (PRODUCT.md item 7): where the topic
//! sits, its chain, its supervisors, the gaps that touch it and a readiness
//! checklist. Rendering (Markdown, the printable page) lives elsewhere.

use std::collections::HashSet;

use super::chain::{Chain, ChainIndex};
use super::gaps::{gaps, Gap};
use super::index::any_named;
use crate::model::{Id, Map, PersonKind};

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
    /// The topic's supervisors, in the topic's order.
    pub supervisors: Vec<Id>,
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
    brief_with(map, topic, all_gaps, &ChainIndex::new(map))
}

/// As [`brief_from`], on a flow index already built for the map (the briefs
/// of every topic share one).
pub fn brief_with(map: &Map, topic: &Id, all_gaps: &[Gap], index: &ChainIndex) -> Option<Brief> {
    let t = map.topic(topic)?;
    let stage_idx = t.stage.as_ref().and_then(|s| index.stage_index(s));
    let stage = stage_idx.and_then(|i| map.stages.get(i));
    let phase = stage.and_then(|s| s.phase.as_ref()).filter(|p| map.phase(p).is_some()).cloned();
    let chain = stage_idx.map(|i| index.chain(map, i)).unwrap_or_default();
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
    let has_kind = |kind: PersonKind| t.supervisors.iter().any(|s| map.person(s).is_some_and(|p| p.kind == kind));
    let ok = |item: CheckItem| match item {
        CheckItem::StageSet => stage.is_some(),
        CheckItem::RoleWritten => stage.is_some_and(|s| !s.role.trim().is_empty()),
        CheckItem::InputsNamed => {
            stage.is_some_and(|s| (!into.is_empty() || any_named(&s.external_inputs)) && named(into))
        }
        CheckItem::OutputsNamed => {
            stage.is_some_and(|s| (!out_of.is_empty() || any_named(&s.external_outputs)) && named(out_of))
        }
        CheckItem::AcademicSupervisor => has_kind(PersonKind::AcademicSupervisor),
        CheckItem::EnterpriseSupervisor => has_kind(PersonKind::EnterpriseSupervisor),
        CheckItem::DefenseDate => !t.defense_date.trim().is_empty(),
    };
    let checklist = CheckItem::ALL.into_iter().map(|item| Check { item, ok: ok(item) }).collect();

    Some(Brief {
        topic: t.id.clone(),
        stage: stage.map(|s| s.id.clone()),
        phase,
        chain,
        supervisors: t.supervisors.clone(),
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
            {"id": "c", "name": "C", "external_outputs": ["customer"]},
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
