//! Properties over generated maps and generated edit sequences:
//! - export → import → export is byte-identical;
//! - any sequence of user edits keeps every rule of the format (no dangling
//!   reference, unique ids, limits), and analysis and layout never fail;
//! - undo N then redo N gives back the same document.

use chainmap::analysis;
use chainmap::editor::{reduce, Action, Edit, Editor, Selection, StageMove};
use chainmap::format::{export, import_str, validate};
use chainmap::i18n::Lang;
use chainmap::layout;
use chainmap::model::{Flow, Id, Map, Person, PersonKind, Phase, Pos, Stage, Topic};
use chainmap::templates::Template;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Casting",
    "铸造试验",
    "alloy spec",
    "<script>alert(1)</script>",
    "\"quoted\" & 'single'",
    "Ω≈ç√",
    "a\\b",
    "🚀 launch",
    " padded ",
    "javascript:alert(1)",
    "x",
    "中试 pilot",
    "</text><svg onload=alert(1)>",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![proptest::sample::select(WORDS).prop_map(str::to_string), "[a-zA-Z0-9 ,.()\u{4e00}-\u{4e20}-]{1,40}",]
        .prop_map(|s| if s.trim().is_empty() { "blank".to_string() } else { s.trim().to_string() })
}

fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e7f64..1e7,
        Just(0.1 + 0.2),
        Just(1e-7),
        Just(-0.0),
        Just(123456.789),
        (-1000i32..1000).prop_map(f64::from)
    ]
}

prop_compose! {
    fn map()(
        phases in proptest::collection::vec(text(), 0..4),
        stages in proptest::collection::vec((text(), any::<Option<u8>>(), text(), proptest::collection::vec(text(), 0..3), any::<bool>(), coordinate(), coordinate()), 0..10),
        flows in proptest::collection::vec((any::<u8>(), any::<u8>(), prop_oneof![Just(String::new()), text()]), 0..14),
        people in proptest::collection::vec((text(), 0u8..3), 0..6),
        topics in proptest::collection::vec((text(), any::<u8>(), any::<Option<u8>>(), proptest::collection::vec(any::<u8>(), 0..3), any::<bool>()), 0..6),
        title in text(),
    ) -> Map {
        let mut m = Map::default();
        m.project.title = title;
        m.project.phases = phases.into_iter().enumerate().map(|(i, name)| Phase { id: Id::new(format!("ph{i}")), name, extra: vec![] }).collect();
        let np = m.project.phases.len();
        m.stages = stages.into_iter().enumerate().map(|(i, (name, ph, role, ext, has_pos, x, y))| Stage {
            id: Id::new(format!("s{i}")),
            name,
            phase: ph.filter(|_| np > 0).map(|p| Id::new(format!("ph{}", p as usize % np.max(1)))),
            role,
            external_inputs: ext.clone(),
            external_outputs: ext.into_iter().rev().collect(),
            pos: has_pos.then_some(Pos { x, y, extra: vec![] }),
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
                supervisors.dedup();
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_byte_identical(m in map()) {
        prop_assert!(validate::check(&m).is_empty(), "generator made an invalid map: {:?}", validate::check(&m));
        let once = export(&m);
        let back = import_str(&once).map_err(|e| TestCaseError::fail(format!("{e:?}\n{once}")))?;
        let twice = export(&back.map);
        prop_assert_eq!(&once, &twice);
        // Analysis and layout are total.
        let a = analysis::analyse(&back.map);
        let d = layout::diagram(&back.map);
        prop_assert_eq!(d.cards.len(), back.map.stages.len());
        prop_assert!(a.gaps.iter().all(|g| !g.ids.is_empty()));
    }
}

/// One user gesture, described by numbers, made concrete against the current map.
#[derive(Clone, Debug)]
enum Op {
    AddStage(String, u8),
    Rename(u8, String),
    Move(u8, f64, f64, u8),
    DeleteStage(u8),
    AddFlow(u8, u8, String),
    DeleteFlow(u8),
    AddPhase(String),
    MovePhase(u8, u8),
    DeletePhase(u8),
    AddPerson(String, u8),
    SetKind(u8, u8),
    DeletePerson(u8),
    AddTopic(String, u8, u8),
    PlaceTopic(u8, u8),
    Supervise(u8, u8),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (text(), any::<u8>()).prop_map(|(a, b)| Op::AddStage(a, b)),
        (any::<u8>(), prop_oneof![text(), Just("   ".to_string()), Just("x".repeat(300))])
            .prop_map(|(a, b)| Op::Rename(a, b)),
        (any::<u8>(), coordinate(), prop_oneof![coordinate(), Just(f64::NAN), Just(f64::INFINITY)], any::<u8>())
            .prop_map(|(a, x, y, p)| Op::Move(a, x, y, p)),
        any::<u8>().prop_map(Op::DeleteStage),
        (any::<u8>(), any::<u8>(), text()).prop_map(|(a, b, c)| Op::AddFlow(a, b, c)),
        any::<u8>().prop_map(Op::DeleteFlow),
        text().prop_map(Op::AddPhase),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::MovePhase(a, b)),
        any::<u8>().prop_map(Op::DeletePhase),
        (text(), 0u8..3).prop_map(|(a, b)| Op::AddPerson(a, b)),
        (any::<u8>(), 0u8..3).prop_map(|(a, b)| Op::SetKind(a, b)),
        any::<u8>().prop_map(Op::DeletePerson),
        (text(), any::<u8>(), any::<u8>()).prop_map(|(a, b, c)| Op::AddTopic(a, b, c)),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::PlaceTopic(a, b)),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::Supervise(a, b)),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

fn pick<T>(items: &[T], i: u8) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i as usize % items.len()])
}

fn action(m: &Map, op: Op, n: usize) -> Option<Action> {
    let fresh = |p: &str| Id::new(format!("{p}-gen{n}"));
    let stage = |i| pick(&m.stages, i).map(|s| s.id.clone());
    Some(match op {
        Op::AddStage(name, p) => {
            let phase = pick(&m.project.phases, p).map(|ph| ph.id.clone());
            let id = fresh("stage");
            Action::EditAndSelect(Edit::AddStage { id: id.clone(), name, phase, pos: None }, Selection::Stage(id))
        }
        Op::Rename(i, name) => Action::Edit(Edit::RenameStage { id: stage(i)?, name }),
        Op::Move(i, x, y, p) => Action::Edit(Edit::MoveStages(vec![StageMove {
            id: stage(i)?,
            pos: Some((x, y)),
            phase: Some(pick(&m.project.phases, p).map(|ph| ph.id.clone())),
        }])),
        Op::DeleteStage(i) => Action::Edit(Edit::DeleteStage { id: stage(i)? }),
        Op::AddFlow(a, b, artifact) => {
            Action::Edit(Edit::AddFlow { id: fresh("flow"), from: stage(a)?, to: stage(b)?, artifact })
        }
        Op::DeleteFlow(i) => Action::Edit(Edit::DeleteFlow { id: pick(&m.flows, i)?.id.clone() }),
        Op::AddPhase(name) => Action::Edit(Edit::AddPhase { id: fresh("phase"), name }),
        Op::MovePhase(i, to) => {
            Action::Edit(Edit::MovePhase { id: pick(&m.project.phases, i)?.id.clone(), to: to as usize % 5 })
        }
        Op::DeletePhase(i) => Action::Edit(Edit::DeletePhase { id: pick(&m.project.phases, i)?.id.clone() }),
        Op::AddPerson(name, k) => {
            Action::Edit(Edit::AddPerson { id: fresh("person"), name, kind: PersonKind::ALL[k as usize] })
        }
        Op::SetKind(i, k) => {
            Action::Edit(Edit::SetPersonKind { id: pick(&m.people, i)?.id.clone(), kind: PersonKind::ALL[k as usize] })
        }
        Op::DeletePerson(i) => Action::Edit(Edit::DeletePerson { id: pick(&m.people, i)?.id.clone() }),
        Op::AddTopic(title, s, st) => {
            let student = pick(&m.people, s)?.id.clone();
            Action::Edit(Edit::AddTopic {
                id: fresh("topic"),
                title,
                student,
                stage: stage(st),
                supervisors: Vec::new(),
            })
        }
        Op::PlaceTopic(t, s) => {
            Action::Edit(Edit::SetTopicStage { id: pick(&m.topics, t)?.id.clone(), stage: stage(s) })
        }
        Op::Supervise(t, p) => {
            let topic = pick(&m.topics, t)?;
            let mut supervisors = topic.supervisors.clone();
            supervisors.push(pick(&m.people, p)?.id.clone());
            Action::Edit(Edit::SetTopicSupervisors { id: topic.id.clone(), supervisors })
        }
        Op::Undo => Action::Undo,
        Op::Redo => Action::Redo,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_keep_every_invariant(start in 0usize..3, ops in proptest::collection::vec(op(), 1..40)) {
        let mut ed = Editor::new(Template::ALL[start].map(Lang::En), Lang::En);
        for (n, op) in ops.into_iter().enumerate() {
            if let Some(a) = action(ed.map(), op, n) {
                ed = reduce(&ed, a);
            }
            let problems = validate::check(ed.map());
            prop_assert!(problems.is_empty(), "invariant broken: {:?}", problems);
            prop_assert!(ed.session.selection.iter().all(|s| s.exists_in(ed.map())));
            let _ = analysis::analyse(ed.map());
            let _ = layout::diagram(ed.map());
            let text = export(ed.map());
            prop_assert_eq!(export(&import_str(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?.map), text);
        }
    }

    #[test]
    fn undo_all_then_redo_all_returns_the_same_document(ops in proptest::collection::vec(op(), 1..30)) {
        let mut ed = Editor::new(Template::Alloy.map(Lang::En), Lang::En);
        let mut snapshots = vec![export(ed.map())];
        for (n, op) in ops.into_iter().enumerate() {
            if matches!(op, Op::Undo | Op::Redo) {
                continue;
            }
            if let Some(a) = action(ed.map(), op, n) {
                let before = ed.revision;
                ed = reduce(&ed, a);
                if ed.revision != before {
                    snapshots.push(export(ed.map()));
                }
            }
        }
        let steps = snapshots.len() - 1;
        for i in (0..steps).rev() {
            ed = reduce(&ed, Action::Undo);
            prop_assert_eq!(&export(ed.map()), &snapshots[i]);
        }
        for snapshot in snapshots.iter().skip(1) {
            ed = reduce(&ed, Action::Redo);
            prop_assert_eq!(&export(ed.map()), snapshot);
        }
    }
}
