//! Generators of valid maps for property tests: ids from small sets (ph0…,
//! s0…, f0…, p0…, t0…), so two generated maps share ids with different
//! contents, and text that includes markup, quotes and formulas.

use chainmap::model::{Flow, Id, Map, Person, PersonKind, Phase, Pos, Stage, Topic};
use proptest::prelude::*;

pub const WORDS: &[&str] = &[
    "Casting",
    "铸造试验",
    "<script>alert(1)</script>",
    "\"q\" & 'x'",
    "🚀",
    "x",
    "中试 pilot",
    "=1+2",
    "-x",
    "# h",
    "[a](javascript:alert(1))",
    "\"><svg onload=alert(1)>",
    "a\\b \\N",
];

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![proptest::sample::select(WORDS).prop_map(str::to_string), "[a-zA-Z0-9 ,.\u{4e00}-\u{4e20}-]{1,20}"]
        .prop_map(|s| if s.trim().is_empty() { "blank".to_string() } else { s.trim().to_string() })
}

prop_compose! {
    /// A valid map whose ids come from small sets (ph0…, s0…, f0…, p0…, t0…),
    /// so two generated maps share ids with different contents.
    pub fn map()(
        phases in proptest::collection::vec(text(), 0..4),
        stages in proptest::collection::vec((text(), any::<Option<u8>>(), prop_oneof![Just(String::new()), text()], any::<bool>(), -100i32..100), 0..8),
        flows in proptest::collection::vec((any::<u8>(), any::<u8>(), prop_oneof![Just(String::new()), text()]), 0..10),
        people in proptest::collection::vec((text(), 0u8..3), 0..6),
        topics in proptest::collection::vec((text(), any::<u8>(), any::<Option<u8>>(), proptest::collection::vec(any::<u8>(), 0..3), any::<bool>()), 0..6),
        title in text(),
    ) -> Map {
        let mut m = Map::default();
        m.project.title = title;
        m.project.phases = phases.into_iter().enumerate().map(|(i, name)| Phase { id: Id::new(format!("ph{i}")), name, extra: vec![] }).collect();
        let np = m.project.phases.len();
        m.stages = stages.into_iter().enumerate().map(|(i, (name, ph, role, has_pos, x))| Stage {
            id: Id::new(format!("s{i}")),
            name,
            phase: ph.filter(|_| np > 0).map(|p| Id::new(format!("ph{}", p as usize % np.max(1)))),
            role,
            external_inputs: vec![],
            external_outputs: vec![],
            pos: has_pos.then_some(Pos { x: f64::from(x), y: 0.0, extra: vec![] }),
            extra: vec![],
        }).collect();
        let ns = m.stages.len();
        if ns >= 2 {
            m.flows = flows.into_iter().enumerate().filter_map(|(i, (a, b, artifact))| {
                let (a, b) = (a as usize % ns, b as usize % ns);
                (a != b).then(|| Flow { id: Id::new(format!("f{i}")), from: Id::new(format!("s{a}")), to: Id::new(format!("s{b}")), artifact, extra: vec![] })
            }).collect();
        }
        m.people = people.into_iter().enumerate().map(|(i, (name, k))| Person {
            id: Id::new(format!("p{i}")), name, kind: PersonKind::ALL[k as usize], affiliation: String::new(), extra: vec![],
        }).collect();
        let students: Vec<Id> = m.people.iter().filter(|p| p.kind == PersonKind::Student).map(|p| p.id.clone()).collect();
        let sups: Vec<Id> = m.people.iter().filter(|p| p.kind.is_supervisor()).map(|p| p.id.clone()).collect();
        if !students.is_empty() {
            m.topics = topics.into_iter().enumerate().map(|(i, (title, st, stage, sv, dated))| {
                let mut supervisors: Vec<Id> = sv.into_iter().filter(|_| !sups.is_empty()).map(|k| sups[k as usize % sups.len()].clone()).collect();
                let mut seen = std::collections::HashSet::new();
                supervisors.retain(|s| seen.insert(s.clone()));
                Topic {
                    id: Id::new(format!("t{i}")),
                    title,
                    student: students[st as usize % students.len()].clone(),
                    stage: stage.filter(|_| ns > 0).map(|s| Id::new(format!("s{}", s as usize % ns))),
                    supervisors,
                    defense_date: if dated { "2027-02-28".into() } else { String::new() },
                    notes: String::new(),
                    extra: vec![],
                }
            }).collect();
        }
        m
    }
}
