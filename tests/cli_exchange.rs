//! `chainmap merge`, `brief`, `svg`, `export` and `import-canvas` as a
//! supervisor runs them: outputs, reports and exit codes.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chainmap::format::{export, import};
use chainmap::i18n::Lang;
use chainmap::model::{Id, Map, Person, PersonKind, Topic};
use chainmap::templates::Template;

fn chainmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap")).args(args).output().expect("chainmap runs")
}

fn dir(test: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-exchange").join(test);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp folder");
    d
}

fn write(d: &Path, name: &str, m: &Map) -> String {
    let p = d.join(name);
    std::fs::write(&p, export(m)).expect("write map");
    p.to_string_lossy().to_string()
}

fn read_map(p: &Path) -> Map {
    import(&std::fs::read(p).expect("output written")).expect("output is a valid map").map
}

fn s(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).to_string(), String::from_utf8_lossy(&o.stderr).to_string())
}

fn template() -> Map {
    let mut m = Template::Alloy.map(Lang::En);
    m.topics.clear();
    m.people.retain(|p| p.kind.is_supervisor());
    for st in &mut m.stages {
        st.role.clear();
    }
    m
}

fn student(base: &Map, k: usize) -> Map {
    let mut m = base.clone();
    let sid = format!("person-k{k}x");
    m.people.push(Person {
        id: Id::new(sid.as_str()),
        name: format!("Student {k}"),
        kind: PersonKind::Student,
        affiliation: String::new(),
        extra: vec![],
    });
    m.topics.push(Topic {
        id: Id::new(format!("topic-k{k}x")),
        title: format!("Topic {k}"),
        student: Id::new(sid.as_str()),
        stage: Some(m.stages[k].id.clone()),
        supervisors: vec![Id::new("zhang")],
        defense_date: String::new(),
        notes: String::new(),
        extra: vec![],
    });
    m.stages[k].role = format!("Role {k}");
    m
}

#[test]
fn merge_brings_every_students_file_in() {
    let d = dir("merge-ok");
    let base = template();
    let mut args = vec![write(&d, "base.chainmap.json", &base)];
    for k in 0..5 {
        args.push(write(&d, &format!("s{k}.chainmap.json"), &student(&base, k)));
    }
    let out = d.join("merged.chainmap.json");
    let mut call: Vec<&str> = vec!["merge"];
    call.extend(args.iter().map(String::as_str));
    call.extend(["-o", out.to_str().unwrap_or("")]);
    let o = chainmap(&call);
    let (stdout, stderr) = s(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}\n{stderr}");
    assert_eq!(stdout.matches("Added 1 person, 1 topic; filled in 1 field; 0 conflicts.").count(), 5, "{stdout}");
    assert!(stdout.contains("filled: stage \u{201c}"), "{stdout}");
    let m = read_map(&out);
    assert_eq!(m.topics.len(), 5);
    for k in 0..5 {
        assert_eq!(m.stages[k].role, format!("Role {k}"));
    }
    // Without -o the map goes to stdout and the report to stderr.
    let mut call: Vec<&str> = vec!["merge"];
    call.extend(args.iter().take(2).map(String::as_str));
    let o = chainmap(&call);
    let (stdout, stderr) = s(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(chainmap::format::import_str(&stdout).is_ok());
    assert!(stderr.contains("Added 1 person"));
}

#[test]
fn merge_names_what_it_adds_and_warns_of_another_projects_file() {
    let d = dir("merge-names");
    let base = template();
    let fa = write(&d, "base.chainmap.json", &base);
    let fs = write(&d, "s0.chainmap.json", &student(&base, 0));
    let out = d.join("merged.chainmap.json");
    let o = chainmap(&["merge", &fa, &fs, "-o", out.to_str().unwrap_or("")]);
    let (stdout, stderr) = s(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("\n  added: person [person-k0x] Student 0 (Student)\n"), "{stdout}");
    assert!(stdout.contains("\n  added: topic [topic-k0x] Topic 0 (student: Student 0)\n"), "{stdout}");
    assert!(!stdout.contains("warning:") && !stdout.contains("note:"), "a student's file is this project's: {stdout}");

    // Another project's file: said so, both titles, and still merged when asked.
    let sand = Template::Sand.map(Lang::En);
    let fo = write(&d, "sand.chainmap.json", &sand);
    let o = chainmap(&["merge", &fa, &fo, "--prefer", "first", "-o", out.to_str().unwrap_or("")]);
    let (stdout, stderr) = s(&o);
    assert_eq!(o.status.code(), Some(0), "{stdout}\n{stderr}");
    let warning = format!(
        "  warning: This file is for another project: \u{201c}{}\u{201d} (this map: \u{201c}{}\u{201d}). Merge it only if it belongs here.",
        sand.project.title, base.project.title
    );
    assert!(stdout.contains(&warning), "{stdout}");
    let flow = &sand.flows[0];
    let (from, to) = (sand.stage_name(&flow.from), sand.stage_name(&flow.to));
    assert!(
        stdout.contains(&format!("  added: flow [{}] {}: {from} \u{2192} {to}\n", flow.id, flow.artifact)),
        "{stdout}"
    );
    // In Chinese too.
    let o = chainmap(&["merge", &fa, &fo, "--prefer", "first", "--lang", "zh", "-o", out.to_str().unwrap_or("")]);
    let (stdout, _) = s(&o);
    assert!(stdout.contains(&format!("  warning: 这个文件属于另一个项目：“{}”", sand.project.title)), "{stdout}");
}

#[test]
fn merge_conflicts_are_listed_and_resolved_by_prefer() {
    let d = dir("merge-conflict");
    let mut a = Template::Alloy.map(Lang::En);
    let mut b = a.clone();
    a.stages[0].role = "First role".into();
    b.stages[0].role = "Second role".into();
    let fa = write(&d, "a.chainmap.json", &a);
    let fb = write(&d, "b.chainmap.json", &b);
    let out = d.join("out.chainmap.json");
    let o = chainmap(&["merge", &fa, &fb, "-o", out.to_str().unwrap_or("")]);
    let (stdout, stderr) = s(&o);
    assert_eq!(o.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("conflict: stage \u{201c}"), "{stdout}");
    assert!(stdout.contains("role: mine \u{201c}First role\u{201d}, theirs \u{201c}Second role\u{201d}"), "{stdout}");
    assert!(stderr.contains("1 conflict is not resolved; nothing was written"), "{stderr}");
    assert!(!out.exists(), "nothing is written while a conflict is open");

    let o = chainmap(&["merge", &fa, &fb, "--prefer", "last", "-o", out.to_str().unwrap_or("")]);
    assert_eq!(o.status.code(), Some(0), "{:?}", s(&o));
    assert_eq!(read_map(&out).stages[0].role, "Second role");
    let o = chainmap(&["merge", &fa, &fb, "--prefer", "first", "-o", out.to_str().unwrap_or("")]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(read_map(&out).stages[0].role, "First role");
}

#[test]
fn merge_refuses_bad_calls_and_invalid_files() {
    let d = dir("merge-bad");
    let fa = write(&d, "a.chainmap.json", &Template::Sand.map(Lang::En));
    let bad = d.join("bad.chainmap.json");
    std::fs::write(&bad, "{\"format\": \"chainmap\"").expect("write");
    assert_eq!(chainmap(&["merge", &fa]).status.code(), Some(2));
    assert_eq!(chainmap(&["merge", &fa, bad.to_str().unwrap_or("")]).status.code(), Some(2));
    assert_eq!(chainmap(&["merge", &fa, &fa, "--prefer", "sometimes"]).status.code(), Some(2));
    assert_eq!(chainmap(&["merge", &fa, &fa, "--frobnicate"]).status.code(), Some(2));
    let o = chainmap(&["merge", &fa, &fa]);
    assert_eq!(o.status.code(), Some(0), "a file merged with itself");
    assert_eq!(s(&o).0, export(&Template::Sand.map(Lang::En)));
}

#[test]
fn brief_prints_markdown_for_one_topic_or_all() {
    let d = dir("brief");
    let f = write(&d, "sand.chainmap.json", &Template::Sand.map(Lang::Zh));
    let o = chainmap(&["brief", &f, "--topic", "t-ma", "--lang", "zh"]);
    let (stdout, _) = s(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout.starts_with("# 开题简报：热法再生\n"), "{stdout}");
    assert!(stdout.contains("## 准备情况清单"));
    let o = chainmap(&["brief", &f, "--all"]);
    let (stdout, _) = s(&o);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout.matches("## Defense brief: ").count(), 4, "{stdout}");
    let out = d.join("brief.md");
    assert_eq!(chainmap(&["brief", &f, "--topic", "t-he", "-o", out.to_str().unwrap_or("")]).status.code(), Some(0));
    assert!(std::fs::read_to_string(&out).expect("brief written").contains("## Readiness checklist"));
    let o = chainmap(&["brief", &f, "--topic", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(s(&o).1.contains("t-he, t-ma"), "the known topics are named");
    assert_eq!(chainmap(&["brief", &f]).status.code(), Some(2));
    assert_eq!(chainmap(&["brief", &f, "--all", "--topic", "t-ma"]).status.code(), Some(2));
    assert_eq!(chainmap(&["brief", &f, "--all", "--lang", "fr"]).status.code(), Some(2));
}

#[test]
fn svg_and_every_export_format() {
    let d = dir("export");
    let m = Template::Sand.map(Lang::En);
    let f = write(&d, "sand.chainmap.json", &m);
    let out = d.join("sand.svg");
    assert_eq!(chainmap(&["svg", &f, "-o", out.to_str().unwrap_or("")]).status.code(), Some(0));
    let text = std::fs::read_to_string(&out).expect("svg written");
    let doc = common::xml::parse(&text).expect("SVG is XML");
    assert!(common::xml::unsafe_parts(&doc).is_empty());
    assert_eq!(text, chainmap::export::svg(&m, Lang::En), "the same core code as the app");

    for (to, check) in [
        ("dot", "digraph chainmap {"),
        ("mermaid", "flowchart LR\n"),
        ("csv", "\u{feff}Stage,Phase,"),
        ("canvas", "\"nodes\": ["),
        ("svg", "<svg xmlns="),
        ("markdown", "# Defense briefs: "),
    ] {
        let o = chainmap(&["export", &f, "--to", to]);
        assert_eq!(o.status.code(), Some(0), "{to}");
        assert!(s(&o).0.contains(check), "{to}: {}", s(&o).0);
    }
    let canvas = d.join("sand.canvas");
    assert_eq!(chainmap(&["export", &f, "--to", "canvas", "-o", canvas.to_str().unwrap_or("")]).status.code(), Some(0));
    assert_eq!(chainmap(&["export", &f, "--to", "pdf"]).status.code(), Some(2));
    assert_eq!(chainmap(&["export", &f]).status.code(), Some(2));

    // And back: the canvas imports to the same stages, phases and flows.
    let back = d.join("back.chainmap.json");
    let o = chainmap(&["import-canvas", canvas.to_str().unwrap_or(""), "-o", back.to_str().unwrap_or("")]);
    let (stdout, stderr) = s(&o);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("5 stages, 4 phases, 5 flows; 0 things not mapped"), "{stdout}");
    let b = read_map(&back);
    assert_eq!(b.project.title, "sand");
    let ids = |m: &Map| m.stages.iter().map(|s| (s.id.clone(), s.name.clone(), s.phase.clone())).collect::<Vec<_>>();
    assert_eq!(ids(&b), ids(&m));
}

#[test]
fn import_canvas_reports_what_it_could_not_map() {
    let d = dir("canvas");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/interop/jsoncanvas-sample.canvas");
    let path = if sample.is_file() {
        sample
    } else {
        let p = d.join("sample.canvas");
        std::fs::write(&p, r#"{"nodes":[{"id":"f","type":"file","file":"readme.md","x":0,"y":0,"width":10,"height":10},{"id":"t","type":"text","text":"Hello","x":0,"y":0,"width":10,"height":10}],"edges":[{"id":"e","fromNode":"f","toNode":"t"}]}"#).expect("write");
        p
    };
    let o = chainmap(&["import-canvas", path.to_str().unwrap_or("")]);
    let (stdout, stderr) = s(&o);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(chainmap::format::import_str(&stdout).is_ok());
    assert!(stderr.contains("is a file (readme.md); not mapped."), "{stderr}");
    assert!(stderr.contains("which is not a stage; not mapped."), "{stderr}");
    let junk = d.join("junk.canvas");
    std::fs::write(&junk, "[not json").expect("write");
    assert_eq!(chainmap(&["import-canvas", junk.to_str().unwrap_or("")]).status.code(), Some(2));
    assert_eq!(chainmap(&["import-canvas"]).status.code(), Some(2));
}

#[test]
fn help_names_the_new_commands() {
    let (stdout, _) = s(&chainmap(&["help"]));
    for c in [
        "chainmap merge A B…",
        "--prefer first|last",
        "chainmap brief FILE",
        "chainmap svg FILE",
        "chainmap export FILE --to canvas|dot|mermaid|csv",
        "chainmap import-canvas FILE.canvas",
    ] {
        assert!(stdout.contains(c), "{c} missing from the usage text");
    }
}
