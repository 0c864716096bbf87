//! Merging files by id (issue 5 item 3): the five-students case, every
//! kind of conflict, fill-ins, dangling references, self-merge and order
//! independence (property tests).

mod common;

use chainmap::format::{export, import_str, validate};
use chainmap::i18n::exchange::{
    added_heading, added_kind_heading, added_name, conflict_message, dangling_message, merge_summary, merged_summary,
    no_common_ids_note, other_project_warning, value_words,
};
use chainmap::i18n::Lang;
use chainmap::json::Value;
use chainmap::merge::{merge, repair, AddedName, Choice, EntityKind, FieldValue, Fix, ProjectTitles, Why};
use chainmap::model::{Flow, Id, Map, Person, PersonKind, Phase, Pos, Stage, Topic};
use chainmap::templates::Template;
use common::gen::{map, text};
use proptest::prelude::*;

fn id(s: &str) -> Id {
    Id::new(s)
}

fn person(i: &str, name: &str, kind: PersonKind) -> Person {
    Person { id: id(i), name: name.into(), kind, affiliation: String::new(), extra: vec![] }
}

fn topic(i: &str, title: &str, student: &str, stage: Option<&str>, supervisors: &[&str]) -> Topic {
    Topic {
        id: id(i),
        title: title.into(),
        student: id(student),
        stage: stage.map(id),
        supervisors: supervisors.iter().map(|s| id(s)).collect(),
        defense_date: String::new(),
        notes: String::new(),
        extra: vec![],
    }
}

fn stage(i: &str, name: &str, phase: Option<&str>) -> Stage {
    Stage {
        id: id(i),
        name: name.into(),
        phase: phase.map(id),
        role: String::new(),
        external_inputs: vec![],
        external_outputs: vec![],
        pos: None,
        extra: vec![],
    }
}

fn flow(i: &str, from: &str, to: &str, artifact: &str) -> Flow {
    Flow { id: id(i), from: id(from), to: id(to), artifact: artifact.into(), extra: vec![] }
}

fn valid(m: &Map) {
    let problems = validate::check(m);
    assert!(problems.is_empty(), "not valid: {problems:?}");
}

/// The supervisor's template: the alloy chain with its supervisors, no
/// students, no topics, no roles written yet.
fn template() -> Map {
    let mut m = Template::Alloy.map(Lang::En);
    m.topics.clear();
    m.people.retain(|p| p.kind.is_supervisor());
    for s in &mut m.stages {
        s.role.clear();
    }
    valid(&m);
    m
}

/// What student `k` sends back: their person, their topic at stage `k`,
/// their stage's role written.
fn student_file(base: &Map, k: usize, sid: &str) -> Map {
    let mut m = base.clone();
    let stage_id = m.stages[k].id.clone();
    m.people.push(person(sid, &format!("Student {k}"), PersonKind::Student));
    m.topics.push(topic(
        &format!("topic-{sid}"),
        &format!("Topic of {k}"),
        sid,
        Some(stage_id.as_str()),
        &["zhang", "wang"],
    ));
    m.stages[k].role = format!("What stage {k} does, written by its student");
    valid(&m);
    m
}

fn five_students() -> (Map, Vec<Map>) {
    let base = template();
    // Random-looking ids, as the app makes them, in no particular order.
    let ids = ["person-q3k9", "person-a81x", "person-zz02", "person-m4p7", "person-c0de"];
    let files = ids.iter().enumerate().map(|(k, sid)| student_file(&base, k, sid)).collect();
    (base, files)
}

#[test]
fn a_supervisor_merges_five_students_files() {
    let (base, files) = five_students();
    let mut acc = base.clone();
    for f in &files {
        let r = merge(&acc, f);
        assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
        assert!(r.left_out.is_empty());
        let kinds: Vec<EntityKind> = r.added.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, vec![EntityKind::Person, EntityKind::Topic]);
        assert_eq!(r.filled.len(), 1, "{:?}", r.filled);
        assert_eq!((r.filled[0].kind, r.filled[0].field.as_str()), (EntityKind::Stage, "role"));
        assert_eq!(
            merge_summary(&r, &r.preview(), Lang::En),
            "Added 1 person, 1 topic; filled in 1 field; 0 conflicts."
        );
        assert_eq!(merge_summary(&r, &r.preview(), Lang::Zh), "新增 1 个人员、1 个课题；补全 1 个字段；0 处冲突。");
        let done = r.resolve(&[]);
        assert!(done.dangling.is_empty(), "{:?}", done.dangling);
        acc = done.map;
        valid(&acc);
    }
    assert_eq!(acc.topics.len(), 5);
    assert_eq!(acc.people.iter().filter(|p| p.kind == PersonKind::Student).count(), 5);
    for k in 0..5 {
        assert_eq!(acc.stages[k].role, format!("What stage {k} does, written by its student"));
        assert!(acc.topics.iter().any(|t| t.stage.as_ref() == Some(&acc.stages[k].id)));
    }
    assert!(acc.stages[5].role.is_empty(), "nobody wrote the sixth stage's role");
    // The file still opens and is canonical.
    let text = export(&acc);
    assert_eq!(export(&import_str(&text).expect("merged file opens").map), text);
}

/// All 120 orders of merging the five files give the same bytes.
#[test]
fn the_order_of_the_five_files_does_not_matter() {
    let (base, files) = five_students();
    let mut expected: Option<String> = None;
    let mut order: Vec<usize> = (0..5).collect();
    let mut count = 0;
    permutations(&mut order, 0, &mut |perm| {
        let mut acc = base.clone();
        for &i in perm {
            let r = merge(&acc, &files[i]);
            assert!(r.conflicts.is_empty());
            acc = r.resolve(&[]).map;
        }
        let text = export(&acc);
        match &expected {
            None => expected = Some(text),
            Some(e) => assert_eq!(e, &text, "order {perm:?}"),
        }
        count += 1;
    });
    assert_eq!(count, 120);
}

fn permutations(v: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
    if k == v.len() {
        f(v);
        return;
    }
    for i in k..v.len() {
        v.swap(k, i);
        permutations(v, k + 1, f);
        v.swap(k, i);
    }
}

#[test]
fn merging_a_map_with_itself_changes_nothing() {
    for t in Template::ALL {
        for lang in Lang::ALL {
            let m = t.map(lang);
            let r = merge(&m, &m);
            assert!(r.is_noop(), "{t:?}: {r:?}");
            assert_eq!(r.resolve_all(Choice::TakeTheirs).map, m);
            assert_eq!(r.resolve(&[]).map, m);
        }
    }
}

/// Two maps that differ in every field of every kind of entity.
fn rival_maps() -> (Map, Map) {
    let mut mine = Map::default();
    mine.project.title = "Mine".into();
    mine.project.source = "Fund A".into();
    mine.project.background = "Ours".into();
    mine.project.phases = vec![
        Phase { id: id("lab"), name: "Lab".into(), extra: vec![] },
        Phase { id: id("pilot"), name: "Pilot".into(), extra: vec![] },
    ];
    mine.stages = vec![stage("a", "A", Some("lab")), stage("b", "B", Some("lab")), stage("c", "C", None)];
    mine.stages[0].role = "role mine".into();
    mine.stages[0].external_inputs = vec!["ore".into()];
    mine.stages[0].external_outputs = vec!["x".into()];
    mine.stages[0].pos = Some(Pos { x: 1.0, y: 2.0, extra: vec![] });
    mine.flows = vec![flow("f", "a", "b", "spec")];
    mine.people = vec![
        person("s", "Li", PersonKind::Student),
        person("u", "Prof Wang", PersonKind::AcademicSupervisor),
        person("v", "Eng Zhao", PersonKind::EnterpriseSupervisor),
        person("s2", "Ma", PersonKind::Student),
    ];
    mine.people[0].affiliation = "Uni".into();
    mine.topics = vec![topic("t", "Casting", "s", Some("a"), &["u"])];
    mine.topics[0].defense_date = "2027-01-05".into();
    mine.topics[0].notes = "n1".into();
    mine.extra = vec![("x-tool".into(), Value::String("mine".into()))];
    mine.project.extra = vec![("x-p".into(), Value::Number("1".into()))];
    mine.stages[0].extra = vec![("x-s".into(), Value::Bool(true))];
    valid(&mine);

    let mut theirs = mine.clone();
    theirs.project.title = "Theirs".into();
    theirs.project.source = "Fund B".into();
    theirs.project.background = "Yours".into();
    theirs.project.phases[0].name = "Laboratory".into();
    let a = &mut theirs.stages[0];
    a.name = "A2".into();
    a.phase = Some(id("pilot"));
    a.role = "role theirs".into();
    a.external_inputs = vec!["scrap".into()];
    a.external_outputs = vec!["y".into(), "z".into()];
    a.pos = Some(Pos { x: 5.0, y: 6.0, extra: vec![] });
    a.extra = vec![("x-s".into(), Value::Bool(false))];
    theirs.flows[0] = flow("f", "b", "c", "samples");
    theirs.people[0].name = "Li Lei".into();
    theirs.people[0].affiliation = "Company".into();
    theirs.people[1].kind = PersonKind::EnterpriseSupervisor;
    let t = &mut theirs.topics[0];
    t.title = "Casting window".into();
    t.student = id("s2");
    t.stage = Some(id("b"));
    t.supervisors = vec![id("u"), id("v")];
    t.defense_date = "2027-02-01".into();
    t.notes = "n2".into();
    theirs.extra = vec![("x-tool".into(), Value::String("theirs".into()))];
    theirs.project.extra = vec![("x-p".into(), Value::Number("2".into()))];
    valid(&theirs);
    (mine, theirs)
}

#[test]
fn every_kind_of_conflict_is_listed_with_both_values() {
    let (mine, theirs) = rival_maps();
    let r = merge(&mine, &theirs);
    let got: Vec<(EntityKind, &str, &str, String, String)> = r
        .conflicts
        .iter()
        .map(|c| (c.kind, c.id.as_str(), c.field.as_str(), c.mine.display(), c.theirs.display()))
        .collect();
    let want: Vec<(EntityKind, &str, &str, &str, &str)> = vec![
        (EntityKind::Document, "", "x-tool", "\"mine\"", "\"theirs\""),
        (EntityKind::Project, "", "title", "Mine", "Theirs"),
        (EntityKind::Project, "", "source", "Fund A", "Fund B"),
        (EntityKind::Project, "", "background", "Ours", "Yours"),
        (EntityKind::Project, "", "x-p", "1", "2"),
        (EntityKind::Phase, "lab", "name", "Lab", "Laboratory"),
        (EntityKind::Stage, "a", "name", "A", "A2"),
        (EntityKind::Stage, "a", "phase", "lab", "pilot"),
        (EntityKind::Stage, "a", "role", "role mine", "role theirs"),
        (EntityKind::Stage, "a", "external_inputs", "ore", "scrap"),
        (EntityKind::Stage, "a", "external_outputs", "x", "y; z"),
        (EntityKind::Stage, "a", "pos", "1, 2", "5, 6"),
        (EntityKind::Stage, "a", "x-s", "true", "false"),
        (EntityKind::Flow, "f", "from", "a", "b"),
        (EntityKind::Flow, "f", "to", "b", "c"),
        (EntityKind::Flow, "f", "artifact", "spec", "samples"),
        (EntityKind::Person, "s", "name", "Li", "Li Lei"),
        (EntityKind::Person, "s", "affiliation", "Uni", "Company"),
        (EntityKind::Person, "u", "kind", "academic_supervisor", "enterprise_supervisor"),
        (EntityKind::Topic, "t", "title", "Casting", "Casting window"),
        (EntityKind::Topic, "t", "student", "s", "s2"),
        (EntityKind::Topic, "t", "stage", "a", "b"),
        (EntityKind::Topic, "t", "supervisors", "u", "u, v"),
        (EntityKind::Topic, "t", "defense_date", "2027-01-05", "2027-02-01"),
        (EntityKind::Topic, "t", "notes", "n1", "n2"),
    ];
    let want: Vec<(EntityKind, &str, &str, String, String)> =
        want.into_iter().map(|(k, i, f, m, t)| (k, i, f, m.to_string(), t.to_string())).collect();
    assert_eq!(got, want);
    assert!(r.added.is_empty() && r.filled.is_empty());
    // Words for the list, in both languages.
    let c = r.conflicts.iter().find(|c| c.field == "role").unwrap();
    assert_eq!(
        conflict_message(c, &mine, Lang::En),
        "stage \u{201c}A\u{201d} (a), role: mine \u{201c}role mine\u{201d}, theirs \u{201c}role theirs\u{201d}"
    );
    assert_eq!(conflict_message(c, &mine, Lang::Zh), "环节“A”（a），作用：我的“role mine”，对方的“role theirs”");

    // All at once, each way.
    let keep = r.resolve_all(Choice::KeepMine);
    assert_eq!(keep.map, mine);
    assert!(keep.dangling.is_empty());
    let take = r.resolve_all(Choice::TakeTheirs);
    assert_eq!(take.map, theirs);
    assert!(take.dangling.is_empty());

    // One by one: only the role taken from theirs.
    let choices: Vec<Choice> =
        r.conflicts.iter().map(|c| if c.field == "role" { Choice::TakeTheirs } else { Choice::KeepMine }).collect();
    let one = r.resolve(&choices);
    let mut want = mine.clone();
    want.stages[0].role = "role theirs".into();
    assert_eq!(one.map, want);
}

#[test]
fn texts_that_differ_only_in_the_spaces_around_them_are_no_conflict() {
    let mine = Template::Alloy.map(Lang::En);
    let mut theirs = mine.clone();
    theirs.project.title = format!("  {} ", mine.project.title);
    theirs.stages[0].name = format!("{} ", mine.stages[0].name);
    theirs.stages[1].external_inputs = vec![" phase diagrams".into()];
    let mut mine2 = mine.clone();
    mine2.stages[1].external_inputs = vec!["phase diagrams ".into()];
    let r = merge(&mine2, &theirs);
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    assert!(r.other_project.is_none());
    // Mine is kept as it was.
    assert_eq!(r.resolve(&[]).map, mine2);
    // A real difference inside the text still is one.
    theirs.stages[0].name = format!("{} (Li) ", mine.stages[0].name);
    assert_eq!(merge(&mine2, &theirs).conflicts.len(), 1);
}

#[test]
fn empty_or_absent_fields_are_filled_in_and_said_so() {
    let mut mine = Map::default();
    mine.project.title = "T".into();
    mine.stages = vec![stage("a", "A", None), stage("b", "B", None)];
    mine.stages[1].role = "kept".into();
    mine.people = vec![person("s", "Li", PersonKind::Student)];
    mine.topics = vec![topic("t", "X", "s", None, &[])];
    let mut theirs = mine.clone();
    theirs.project.source = "Enterprise contract".into();
    theirs.stages[0].role = "   ".into(); // blank counts as empty: nothing to fill
    theirs.stages[0].pos = Some(Pos { x: 10.0, y: 20.0, extra: vec![] });
    theirs.stages[0].external_inputs = vec!["literature".into()];
    theirs.stages[0].extra = vec![("x-colour".into(), Value::String("red".into()))];
    theirs.stages[1].role = String::new(); // mine is filled, theirs empty: mine stays, nothing said
    theirs.topics[0].stage = Some(id("a"));
    theirs.topics[0].defense_date = "2027-03-01".into();
    theirs.people[0].affiliation = "School of Materials".into();
    valid(&theirs);

    let r = merge(&mine, &theirs);
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    let filled: Vec<(EntityKind, &str, &str, String)> =
        r.filled.iter().map(|f| (f.kind, f.id.as_str(), f.field.as_str(), f.value.display())).collect();
    assert_eq!(
        filled,
        vec![
            (EntityKind::Project, "", "source", "Enterprise contract".to_string()),
            (EntityKind::Stage, "a", "external_inputs", "literature".to_string()),
            (EntityKind::Stage, "a", "pos", "10, 20".to_string()),
            (EntityKind::Stage, "a", "x-colour", "\"red\"".to_string()),
            (EntityKind::Person, "s", "affiliation", "School of Materials".to_string()),
            (EntityKind::Topic, "t", "stage", "a".to_string()),
            (EntityKind::Topic, "t", "defense_date", "2027-03-01".to_string()),
        ]
    );
    let m = r.resolve(&[]).map;
    valid(&m);
    assert_eq!(m.stages[1].role, "kept");
    assert_eq!(m.stages[0].role, "");
    assert_eq!(m.stages[0].extra, vec![("x-colour".to_string(), Value::String("red".into()))]);
    assert_eq!(m.topics[0].stage, Some(id("a")));
    assert_eq!(m.project.source, "Enterprise contract");
    // And the reverse direction fills nothing (mine has it all already) but the blank role.
    let back = merge(&m, &mine);
    assert!(back.filled.iter().all(|f| f.field == "role"), "{:?}", back.filled);
}

#[test]
fn added_entities_keep_their_place_and_unknown_fields() {
    let mut mine = Map::default();
    mine.project.title = "T".into();
    mine.project.phases = vec![
        Phase { id: id("lab"), name: "Lab".into(), extra: vec![] },
        Phase { id: id("prod"), name: "Production".into(), extra: vec![] },
    ];
    mine.stages = vec![stage("a", "A", Some("lab")), stage("c", "C", Some("prod"))];
    let mut theirs = mine.clone();
    theirs.project.phases.insert(1, Phase { id: id("pilot"), name: "Pilot".into(), extra: vec![] });
    let mut b = stage("b", "B", Some("pilot"));
    b.extra = vec![("x-new".into(), Value::Array(vec![Value::Number("1.50".into())]))];
    theirs.stages.insert(1, b.clone());
    theirs.stages.insert(0, stage("first", "First", Some("lab")));
    theirs.flows = vec![flow("ab", "a", "b", "spec"), flow("bc", "b", "c", "")];
    let r = merge(&mine, &theirs);
    let m = r.resolve(&[]).map;
    valid(&m);
    let phases: Vec<&str> = m.project.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(phases, vec!["lab", "pilot", "prod"], "a new phase goes between its neighbours");
    let stages: Vec<&str> = m.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(stages, vec!["first", "a", "b", "c"]);
    assert_eq!(m.stage(&id("b")), Some(&b), "unknown fields come along");
    assert_eq!(m.flows.len(), 2);
    let added: Vec<(EntityKind, &str)> = r.added.iter().map(|a| (a.kind, a.id.as_str())).collect();
    assert_eq!(
        added,
        vec![
            (EntityKind::Phase, "pilot"),
            (EntityKind::Stage, "first"),
            (EntityKind::Stage, "b"),
            (EntityKind::Flow, "ab"),
            (EntityKind::Flow, "bc"),
        ]
    );
    assert_eq!(
        merge_summary(&r, &r.preview(), Lang::En),
        "Added 1 phase, 2 stages, 2 flows; filled in 0 fields; 0 conflicts."
    );
}

#[test]
fn references_that_would_dangle_are_reported_and_repaired() {
    // A person who is a student in mine and a supervisor in theirs.
    let mut mine = Map::default();
    mine.project.title = "T".into();
    mine.stages = vec![stage("a", "A", None), stage("b", "B", None), stage("c", "C", None)];
    mine.flows = vec![flow("f", "a", "b", "x")];
    mine.people = vec![person("p", "Li", PersonKind::Student), person("q", "Wang", PersonKind::AcademicSupervisor)];
    mine.topics = vec![topic("t", "X", "p", Some("a"), &["q"])];
    valid(&mine);
    let mut theirs = mine.clone();
    theirs.topics.clear();
    theirs.people[0].kind = PersonKind::AcademicSupervisor;
    theirs.people[1].kind = PersonKind::Student;
    theirs.flows = vec![flow("f", "b", "a", "x")];
    valid(&theirs);
    let r = merge(&mine, &theirs);
    assert_eq!(r.conflicts.len(), 4, "{:?}", r.conflicts); // f.from, f.to, p.kind, q.kind
    let take = r.resolve_all(Choice::TakeTheirs);
    valid(&take.map);
    assert!(take.map.topics.is_empty(), "the topic's student is a supervisor now: left out");
    assert_eq!(take.dangling.len(), 1);
    let d = &take.dangling[0];
    assert_eq!(
        (d.kind, d.id.as_str(), d.field.as_str(), &d.why, d.fix),
        (EntityKind::Topic, "t", "student", &Why::NotAStudent, Fix::LeftOut)
    );
    // Named from the report's map, where the left-out topic is still known.
    assert_eq!(
        dangling_message(d, r.names(), Lang::En),
        "topic \u{201c}X\u{201d} (t): its student \u{201c}Li\u{201d} (p) is not a student in the merged map; left out."
    );
    assert_eq!(
        dangling_message(d, r.names(), Lang::Zh),
        "课题“X”（t）：其学生 “Li”（p） 在合并后的地图中不是学生；未加入。"
    );
    // The merged map no longer holds the topic: its id stands for it.
    assert_eq!(
        dangling_message(d, &take.map, Lang::En),
        "topic t: its student \u{201c}Li\u{201d} (p) is not a student in the merged map; left out."
    );

    // Keep the student, take the supervisor's new kind: the supervisor is taken off the topic.
    let choices: Vec<Choice> =
        r.conflicts.iter().map(|c| if c.id.as_str() == "q" { Choice::TakeTheirs } else { Choice::KeepMine }).collect();
    let mixed = r.resolve(&choices);
    valid(&mixed.map);
    assert_eq!(mixed.map.topics[0].supervisors, Vec::<Id>::new());
    assert_eq!(mixed.dangling[0].why, Why::NotASupervisor);
    assert_eq!(mixed.dangling[0].fix, Fix::Removed);

    // A flow whose two ends were resolved differently would go from b to b: left out.
    let choices: Vec<Choice> =
        r.conflicts.iter().map(|c| if c.field == "from" { Choice::TakeTheirs } else { Choice::KeepMine }).collect();
    let looped = r.resolve(&choices);
    valid(&looped.map);
    assert!(looped.map.flows.is_empty());
    assert_eq!(looped.dangling[0].why, Why::SameStage);
}

#[test]
fn a_broken_file_still_gives_a_valid_map_with_every_repair_listed() {
    // Maps built in code (not read from a file) may break the rules; the merge never passes that on.
    let mut mine = Map::default();
    mine.project.title = "T".into();
    mine.stages = vec![stage("a", "A", None)];
    let mut theirs = mine.clone();
    theirs.stages.push(stage("b", "B", Some("nowhere")));
    theirs.flows = vec![flow("f", "a", "zz", "x"), flow("g", "a", "b", "ok")];
    theirs.people = vec![person("s", "Li", PersonKind::Student)];
    theirs.topics = vec![topic("t", "X", "s", Some("gone"), &["ghost", "s"]), topic("u", "Y", "nobody", None, &[])];
    let r = merge(&mine, &theirs);
    let done = r.resolve(&[]);
    valid(&done.map);
    let got: Vec<(&str, &str, &Why, Fix)> =
        done.dangling.iter().map(|d| (d.id.as_str(), d.field.as_str(), &d.why, d.fix)).collect();
    assert_eq!(
        got,
        vec![
            ("b", "phase", &Why::Missing(EntityKind::Phase), Fix::Cleared),
            ("f", "to", &Why::Missing(EntityKind::Stage), Fix::LeftOut),
            ("u", "student", &Why::Missing(EntityKind::Person), Fix::LeftOut),
            ("t", "stage", &Why::Missing(EntityKind::Stage), Fix::Cleared),
            ("t", "supervisors", &Why::Missing(EntityKind::Person), Fix::Removed),
            ("t", "supervisors", &Why::NotASupervisor, Fix::Removed),
        ]
    );
    assert_eq!(done.map.flows.len(), 1);
    // repair on a valid map changes nothing.
    let mut again = done.map.clone();
    assert!(repair(&mut again).is_empty());
    assert_eq!(again, done.map);
}

#[test]
fn the_file_limits_are_kept() {
    let mut mine = Map::default();
    mine.project.title = "T".into();
    mine.stages = (0..10_000).map(|i| stage(&format!("m{i}"), "M", None)).collect();
    let mut theirs = mine.clone();
    theirs.stages = (0..3).map(|i| stage(&format!("t{i}"), "T", None)).collect();
    theirs.flows = vec![flow("f", "t0", "t1", "x")];
    let r = merge(&mine, &theirs);
    assert_eq!(r.left_out.len(), 3);
    assert!(r.left_out.iter().all(|d| d.why == Why::TooMany && d.fix == Fix::LeftOut));
    let done = r.resolve(&[]);
    valid(&done.map);
    assert_eq!(done.map.stages.len(), 10_000);
    assert!(done.map.flows.is_empty(), "the flow between stages left out is left out too");
    assert_eq!(done.dangling.len(), 4);
}

#[test]
fn field_values_show_plainly() {
    assert_eq!(FieldValue::Texts(vec!["a".into(), "b".into()]).display(), "a; b");
    assert!(FieldValue::Json(None).is_empty());
    assert!(FieldValue::Text(" \n".into()).is_empty());
    assert!(!FieldValue::Kind(PersonKind::Student).is_empty());
}

// ---- Property tests -------------------------------------------------------

/// A student's additions to a base map: new stages (anywhere in the list),
/// a person and topics, and a role written on an empty-role stage of the base.
#[derive(Clone, Debug)]
struct Additions {
    stages: Vec<(u8, String)>,
    topics: Vec<(String, Option<u8>)>,
    role_on: Option<u8>,
    id_salt: u32,
}

fn additions() -> impl Strategy<Value = Additions> {
    (
        proptest::collection::vec((any::<u8>(), text()), 0..3),
        proptest::collection::vec((text(), any::<Option<u8>>()), 0..3),
        any::<Option<u8>>(),
        any::<u32>(),
    )
        .prop_map(|(stages, topics, role_on, id_salt)| Additions { stages, topics, role_on, id_salt })
}

/// Student `k`'s file. Ids are random-looking and unique to the student, as
/// the app makes them; the role goes on the `k`-th empty-role stage only, so
/// that students never write the same field.
fn apply(base: &Map, k: usize, a: &Additions) -> Map {
    let mut m = base.clone();
    let salt = |i: usize| format!("{:08x}", (a.id_salt as usize).wrapping_mul(31).wrapping_add(i * 7919) % 0xffff_ffff);
    for (i, (at, name)) in a.stages.iter().enumerate() {
        let pos = *at as usize % (m.stages.len() + 1);
        m.stages.insert(pos, stage(&format!("stage-{}-k{k}", salt(i)), name, None));
    }
    let sid = format!("person-{}-k{k}", salt(99));
    m.people.push(person(&sid, &format!("Student {k}"), PersonKind::Student));
    let ns = m.stages.len();
    for (i, (title, at)) in a.topics.iter().enumerate() {
        let st = at.filter(|_| ns > 0).map(|s| m.stages[s as usize % ns].id.to_string());
        m.topics.push(topic(&format!("topic-{}-k{k}", salt(200 + i)), title, &sid, st.as_deref(), &[]));
    }
    let empty: Vec<usize> = (0..base.stages.len()).filter(|&i| base.stages[i].role.is_empty()).collect();
    if a.role_on.is_some() {
        if let Some(&i) = empty.get(k) {
            let sid = base.stages[i].id.clone();
            if let Some(s) = m.stages.iter_mut().find(|s| s.id == sid) {
                s.role = format!("role by {k}");
            }
        }
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn self_merge_is_a_no_op(m in map()) {
        prop_assert!(validate::check(&m).is_empty());
        let r = merge(&m, &m);
        prop_assert!(r.is_noop());
        prop_assert_eq!(r.resolve_all(Choice::TakeTheirs).map, m);
    }

    /// Any two valid maps, any choices: the result is valid.
    #[test]
    fn any_merge_resolved_any_way_is_valid(mine in map(), theirs in map(), picks in proptest::collection::vec(any::<bool>(), 0..40)) {
        let r = merge(&mine, &theirs);
        let choices: Vec<Choice> = picks.iter().map(|&b| if b { Choice::TakeTheirs } else { Choice::KeepMine }).collect();
        for done in [r.resolve(&choices), r.resolve_all(Choice::KeepMine), r.resolve_all(Choice::TakeTheirs)] {
            let problems = validate::check(&done.map);
            prop_assert!(problems.is_empty(), "{:?}\n{:?}", problems, done.dangling);
            let text = export(&done.map);
            prop_assert!(import_str(&text).is_ok());
        }
        // Keeping mine keeps every filled field of mine (only empty ones were filled in).
        let keep = r.resolve_all(Choice::KeepMine);
        let again = merge(&keep.map, &mine);
        prop_assert!(again.conflicts.is_empty() && again.filled.is_empty() && again.added.is_empty(), "{:?}", again);
        // Everything of theirs is there, by id.
        for s in &theirs.stages {
            prop_assert!(keep.map.stage(&s.id).is_some());
        }
    }

    /// Files that do not conflict merge to the same bytes in any order.
    #[test]
    fn merge_order_does_not_matter(base in map(), adds in proptest::collection::vec(additions(), 2..4)) {
        let files: Vec<Map> = adds.iter().enumerate().map(|(k, a)| apply(&base, k, a)).collect();
        for f in &files {
            prop_assert!(validate::check(f).is_empty());
        }
        let mut results = Vec::new();
        let mut order: Vec<usize> = (0..files.len()).collect();
        let mut failure = None;
        permutations(&mut order, 0, &mut |perm| {
            let mut acc = base.clone();
            for &i in perm {
                let r = merge(&acc, &files[i]);
                if !r.conflicts.is_empty() && failure.is_none() {
                    failure = Some(format!("conflicts in order {perm:?}: {:?}", r.conflicts));
                }
                acc = r.resolve(&[]).map;
            }
            results.push((perm.to_vec(), export(&acc)));
        });
        prop_assert!(failure.is_none(), "{:?}", failure);
        for (perm, text) in &results {
            prop_assert_eq!(text, &results[0].1, "order {:?} differs from {:?}", perm, results[0].0);
        }
    }
}

#[test]
fn big_maps_merge_quickly() {
    let mut mine = Map::default();
    mine.project.title = "Big".into();
    mine.stages = (0..10_000).map(|i| stage(&format!("s{i}"), "S", None)).collect();
    mine.flows = (1..10_000).map(|i| flow(&format!("f{i}"), &format!("s{}", i - 1), &format!("s{i}"), "x")).collect();
    let mut theirs = mine.clone();
    for (i, s) in mine.stages.iter_mut().enumerate() {
        s.role = format!("mine {i}");
    }
    for (i, s) in theirs.stages.iter_mut().enumerate() {
        s.role = format!("theirs {i}");
    }
    // Theirs also adds 5,000 flows between existing stages, at the start of the list.
    let extra: Vec<Flow> =
        (0..5_000).map(|i| flow(&format!("g{i}"), &format!("s{}", i + 2), &format!("s{i}"), "")).collect();
    theirs.flows.splice(0..0, extra);
    let start = std::time::Instant::now();
    let r = merge(&mine, &theirs);
    let done = r.resolve_all(Choice::TakeTheirs);
    let took = start.elapsed();
    eprintln!("merge of two 10,000-stage maps with 10,000 conflicts: {took:?}");
    assert_eq!(r.conflicts.len(), 10_000);
    assert_eq!(r.added.len(), 5_000);
    assert_eq!(done.map.flows.len(), 14_999);
    assert_eq!(done.map.flows[0].id.as_str(), "g0", "added at the start, as in their file");
    assert_eq!(done.map.stages[9_999].role, "theirs 9999");
    valid(&done.map);
    assert!(took.as_secs() < 20, "took {took:?}");
}

#[test]
fn the_summary_after_apply_counts_what_the_merged_map_holds_and_how_conflicts_were_settled() {
    // Their file makes Eng. Wang a student (a conflict of kind), gives him a
    // topic, and renames a stage (a second conflict).
    let mine = Template::Alloy.map(Lang::En);
    let mut theirs = mine.clone();
    for t in theirs.topics.iter_mut() {
        t.supervisors.retain(|s| *s != id("wang"));
    }
    theirs.people.iter_mut().filter(|p| p.id == id("wang")).for_each(|p| p.kind = PersonKind::Student);
    theirs.topics.push(topic("t-wang", "Die wear", "wang", Some("cast"), &["zhang"]));
    theirs.stages.iter_mut().filter(|s| s.id == id("cast")).for_each(|s| s.name = "Casting trials (Li edit)".into());
    let r = merge(&mine, &theirs);
    assert!(r.conflicts.len() >= 2, "{:?}", r.conflicts);
    let n = r.conflicts.len();
    // Keeping mine: Wang stays a supervisor, so his topic cannot come in.
    // The dialog, which follows the choices, lists it as left out, not as added.
    let kept = r.resolve(&[]);
    assert!(kept.map.topic(&id("t-wang")).is_none());
    assert!(merge_summary(&r, &kept, Lang::En).starts_with("Nothing added"), "{}", merge_summary(&r, &kept, Lang::En));
    assert!(r.added_by_kind(50, &kept).is_empty());
    assert!(kept.dangling.iter().any(|d| d.id == id("t-wang")));
    // Taking theirs, before Apply: added, listed by name, and not left out.
    let all = vec![Choice::TakeTheirs; n];
    let taking = r.resolve(&all);
    assert!(merge_summary(&r, &taking, Lang::En).starts_with("Added 1 topic"));
    assert_eq!(r.added_by_kind(50, &taking)[0].items[0].0, id("t-wang"));
    assert!(!taking.dangling.iter().any(|d| d.id == id("t-wang")));
    let said = merged_summary(&r, &[], &kept, Lang::En);
    assert!(said.starts_with("Nothing added"), "{said}");
    assert!(said.contains(&format!("{n} conflicts settled (0 from their file, {n} kept)")), "{said}");
    assert!(said.contains("left out or cleared"), "{said}");
    // Taking theirs for all: the topic is in, and so said.
    let taken = r.resolve(&all);
    assert!(taken.map.topic(&id("t-wang")).is_some());
    let said = merged_summary(&r, &all, &taken, Lang::En);
    assert!(said.starts_with("Added 1 topic"), "{said}");
    assert!(said.contains(&format!("settled ({n} from their file, 0 kept)")), "{said}");
    let zh = merged_summary(&r, &all, &taken, Lang::Zh);
    assert!(zh.starts_with("新增 1 个课题") && zh.contains(&format!("采用对方 {n} 处，保留本方 0 处")), "{zh}");
}

#[test]
fn conflicting_values_are_said_in_words_not_as_ids_or_codes() {
    let map = Template::Alloy.map(Lang::En);
    let kind = FieldValue::Kind(PersonKind::EnterpriseSupervisor);
    assert_eq!(value_words(&kind, "kind", &map, Lang::En), "Enterprise supervisor");
    assert_ne!(value_words(&kind, "kind", &map, Lang::Zh), "enterprise_supervisor");
    assert_eq!(value_words(&FieldValue::OptId(Some(id("cast"))), "stage", &map, Lang::En), "Casting trials");
    assert_eq!(
        value_words(&FieldValue::Ids(vec![id("zhang"), id("wang")]), "supervisors", &map, Lang::En),
        "Prof. Zhang, Eng. Wang"
    );
    // Something only their file has keeps its id.
    assert_eq!(value_words(&FieldValue::OptId(Some(id("their-stage"))), "stage", &map, Lang::En), "their-stage");
    // A text is itself.
    assert_eq!(value_words(&FieldValue::Text("x".into()), "role", &map, Lang::En), "x");
}

/// What a merge adds, kind by kind, each in words (both languages).
fn added_words(r: &chainmap::merge::MergeResult, limit: usize, lang: Lang) -> Vec<(String, Vec<String>)> {
    r.added_by_kind(limit, &r.preview())
        .iter()
        .map(|g| {
            (added_kind_heading(g.kind, g.total, lang), g.items.iter().map(|(_, n)| added_name(n, lang)).collect())
        })
        .collect()
}

#[test]
fn what_a_merge_adds_is_named_kind_by_kind() {
    let base = template();
    let mut theirs = student_file(&base, 1, "wu");
    theirs.project.phases.push(Phase { id: id("market"), name: "Market".into(), extra: vec![] });
    theirs.stages.push(stage("sales", "Sales trials", Some("market")));
    theirs.stages.push(stage("blank", "  ", Some("market")));
    let last = base.stages.last().map(|s| s.id.to_string()).unwrap_or_default();
    theirs.flows.push(flow("f-new", &last, "sales", "certified parts"));
    theirs.flows.push(flow("f-bare", "sales", "blank", ""));
    let r = merge(&base, &theirs);
    let last_name = base.stages.last().map(|s| s.name.clone()).unwrap_or_default();
    assert_eq!(
        added_words(&r, 50, Lang::En),
        vec![
            ("Phases (1)".to_string(), vec!["Market".to_string()]),
            ("Stages (2)".to_string(), vec!["Sales trials".to_string(), "blank".to_string()]),
            (
                "Flows (2)".to_string(),
                vec![
                    format!("certified parts: {last_name} \u{2192} Sales trials"),
                    "Sales trials \u{2192} blank".to_string()
                ]
            ),
            ("People (1)".to_string(), vec!["Student 1 (Student)".to_string()]),
            ("Topics (1)".to_string(), vec!["Topic of 1 (student: Student 1)".to_string()]),
        ]
    );
    assert_eq!(
        added_words(&r, 50, Lang::Zh),
        vec![
            ("阶段（1）".to_string(), vec!["Market".to_string()]),
            ("环节（2）".to_string(), vec!["Sales trials".to_string(), "blank".to_string()]),
            (
                "流转（2）".to_string(),
                vec![
                    format!("certified parts：{last_name} \u{2192} Sales trials"),
                    "Sales trials \u{2192} blank".to_string()
                ]
            ),
            ("人员（1）".to_string(), vec!["Student 1（学生）".to_string()]),
            ("课题（1）".to_string(), vec!["Topic of 1（学生：Student 1）".to_string()]),
        ]
    );
    assert_eq!((added_heading(Lang::En), added_heading(Lang::Zh)), ("Added", "新增"));
    // A topic whose student is in mine already is named after that student.
    let mut mine = base.clone();
    mine.people.push(person("li", "Li Na", PersonKind::Student));
    let mut theirs = mine.clone();
    theirs.topics.push(topic("t-li", "Die design", "li", None, &[]));
    let r = merge(&mine, &theirs);
    assert_eq!(
        r.added_by_kind(50, &r.preview())[0].items,
        vec![(id("t-li"), AddedName::Topic { title: "Die design".into(), student: "Li Na".into() })]
    );
    // Nothing added, nothing listed.
    assert!({
        let r = merge(&base, &base);
        r.added_by_kind(50, &r.preview())
    }
    .is_empty());
}

#[test]
fn a_big_merge_names_the_first_ones_of_each_kind_and_counts_all() {
    let base = template();
    let mut theirs = base.clone();
    for i in 0..120 {
        theirs.stages.push(stage(&format!("extra-{i:03}"), &format!("Extra stage {i}"), None));
    }
    theirs.people.push(person("wu", "Wu", PersonKind::Student));
    let r = merge(&base, &theirs);
    let groups = r.added_by_kind(50, &r.preview());
    assert_eq!(groups.len(), 2);
    assert_eq!((groups[0].kind, groups[0].total, groups[0].items.len()), (EntityKind::Stage, 120, 50));
    assert_eq!(groups[0].items[0].1, AddedName::Stage { name: "Extra stage 0".into() });
    assert_eq!(groups[0].items[49].1, AddedName::Stage { name: "Extra stage 49".into() });
    assert_eq!((groups[1].kind, groups[1].total, groups[1].items.len()), (EntityKind::Person, 1, 1));
    assert_eq!(r.added_by_kind(usize::MAX, &r.preview())[0].items.len(), 120);
    assert!(r.added_by_kind(0, &r.preview()).iter().all(|g| g.items.is_empty() && g.total > 0));
    assert_eq!(added_kind_heading(EntityKind::Stage, 120, Lang::En), "Stages (120)");
    assert_eq!(chainmap::i18n::and_more(Lang::En, 70), "and 70 more");
    assert_eq!(chainmap::i18n::and_more(Lang::Zh, 70), "另有 70 项");
}

#[test]
fn a_file_for_another_project_is_said_so() {
    let mine = template();
    // A student's file of the same project: no warning, even with the title
    // written in other case or with spaces around it.
    let mut student = student_file(&mine, 0, "wu");
    student.project.title = format!("  {}  ", mine.project.title.to_uppercase());
    let r = merge(&mine, &student);
    assert_eq!(r.other_project, None);
    assert!(!r.no_common_ids);
    // Another project's file: both titles, trimmed.
    let sand = Template::Sand.map(Lang::En);
    let r = merge(&mine, &sand);
    let titles = r.other_project.clone().expect("another project");
    assert_eq!(titles, ProjectTitles { mine: mine.project.title.clone(), theirs: sand.project.title.clone() });
    assert_eq!(
        other_project_warning(&ProjectTitles { mine: "Alloy".into(), theirs: "Sand".into() }, Lang::En),
        "This file is for another project: \u{201c}Sand\u{201d} (this map: \u{201c}Alloy\u{201d}). Merge it only if it belongs here."
    );
    assert_eq!(
        other_project_warning(&ProjectTitles { mine: "铝合金".into(), theirs: "型砂".into() }, Lang::Zh),
        "这个文件属于另一个项目：“型砂”（本图：“铝合金”）。请确认它属于本项目后再合并。"
    );
    // The merge is still possible and gives a valid map.
    valid(&r.resolve_all(Choice::TakeTheirs).map);
    // A title on one side only is a fill-in, not another project.
    let mut untitled = mine.clone();
    untitled.project.title = " ".into();
    assert_eq!(merge(&untitled, &sand).other_project, None);
    assert_eq!(merge(&mine, &untitled).other_project, None);
}

#[test]
fn a_file_with_no_id_in_common_is_noted() {
    let mine = template();
    // The same project started afresh: every id differs.
    let mut theirs = Map::default();
    theirs.project.title = mine.project.title.clone();
    theirs.stages.push(stage("s-new", "Casting trials", None));
    let r = merge(&mine, &theirs);
    assert!(r.no_common_ids);
    assert_eq!(r.other_project, None);
    // One shared id is enough to say nothing; so is an empty side.
    theirs.stages.push(mine.stages[0].clone());
    assert!(!merge(&mine, &theirs).no_common_ids);
    assert!(!merge(&Map::default(), &theirs).no_common_ids);
    assert!(!merge(&mine, &Map::default()).no_common_ids);
    assert!(no_common_ids_note(Lang::En).starts_with("Nothing in this file has the id of anything in this map"));
    assert!(no_common_ids_note(Lang::Zh).starts_with("这个文件中没有任何内容与本图的 id 相同"));
}

#[test]
fn hostile_names_are_listed_as_they_are() {
    let mine = template();
    let mut theirs = mine.clone();
    let payload = "<img src=x onerror=alert(1)>".to_string() + &"x".repeat(170);
    theirs.stages.push(stage("evil", &payload, None));
    theirs.project.title = "<script>alert(1)</script>".into();
    let r = merge(&mine, &theirs);
    assert_eq!(added_words(&r, 50, Lang::En)[0].1, vec![payload]);
    assert!(other_project_warning(r.other_project.as_ref().expect("another title"), Lang::En)
        .contains("\u{201c}<script>alert(1)</script>\u{201d}"));
}
