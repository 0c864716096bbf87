//! The `chainmap` binary as a supervisor runs it: exit codes, `check --json`
//! against every conformance case, human output, and `fmt`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::scratch::Scratch;

fn chainmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap")).args(args).output().expect("chainmap runs")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn case_files() -> Vec<PathBuf> {
    let mut dirs = vec![root().join("tests/fixtures/conformance")];
    let shared = root().join("../shared/conformance");
    if shared.is_dir() {
        dirs.push(shared);
    }
    let mut files = Vec::new();
    for d in dirs {
        for e in std::fs::read_dir(d).expect("fixtures") {
            let p = e.expect("entry").path();
            if p.to_string_lossy().ends_with(".chainmap.json") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn gap_set(gaps: &[Value]) -> Vec<(String, Vec<String>)> {
    let mut v: Vec<(String, Vec<String>)> = gaps
        .iter()
        .map(|g| {
            let mut ids: Vec<String> =
                g["ids"].as_array().into_iter().flatten().filter_map(|i| i.as_str().map(String::from)).collect();
            ids.sort();
            (g["code"].as_str().unwrap_or_default().to_string(), ids)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn check_json_agrees_with_every_conformance_case() {
    let files = case_files();
    assert!(files.len() >= 27, "conformance files found: {}", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let name = file.to_string_lossy().to_string();
        let expect_path = name.replace(".chainmap.json", ".expect.json");
        let expect: Value = serde_json::from_str(&std::fs::read_to_string(&expect_path).expect("expect file")).unwrap();
        let out = chainmap(&["check", "--json", &name]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        if lines.len() != 1 {
            failures.push(format!("{name}: expected one JSON line, got {}", lines.len()));
            continue;
        }
        let got: Value = serde_json::from_str(lines[0]).expect("a JSON object per line");
        assert_eq!(got["file"], Value::String(name.clone()));
        let valid = expect["valid"].as_bool().unwrap();
        if got["valid"].as_bool() != Some(valid) {
            failures.push(format!("{name}: valid should be {valid}: {}", lines[0]));
            continue;
        }
        if valid {
            let want = gap_set(expect["gaps"].as_array().unwrap());
            let have = gap_set(got["gaps"].as_array().unwrap());
            if want != have {
                failures.push(format!("{name}: gaps differ\n  want {want:?}\n  have {have:?}"));
            }
            for g in got["gaps"].as_array().unwrap() {
                assert!(matches!(g["severity"].as_str(), Some("error" | "warning" | "info")), "{g}");
                assert!(!g["message"].as_str().unwrap_or("").is_empty());
            }
            assert!(got["coverage"].is_object(), "{name}: coverage missing");
            let has_error_gap = got["gaps"].as_array().unwrap().iter().any(|g| g["severity"] == "error");
            let code = out.status.code();
            if code != Some(if has_error_gap { 1 } else { 0 }) {
                failures.push(format!("{name}: exit code {code:?}"));
            }
        } else {
            if out.status.code() != Some(2) {
                failures.push(format!("{name}: invalid file should exit 2, got {:?}", out.status.code()));
            }
            let errors = got["errors"].as_array().cloned().unwrap_or_default();
            if errors.is_empty() {
                failures.push(format!("{name}: no errors listed"));
            }
            if let Some(needle) = expect["error_contains"].as_str() {
                let found = errors.iter().any(|e| {
                    let text = format!("{}: {}", e["path"].as_str().unwrap_or(""), e["message"].as_str().unwrap_or(""));
                    text.contains(needle)
                });
                if !found {
                    failures.push(format!("{name}: no error contains {needle:?}: {errors:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} files disagree:\n{}", failures.len(), files.len(), failures.join("\n"));
}

#[test]
fn exit_code_is_the_worst_over_all_files() {
    let dir = root().join("tests/fixtures/conformance");
    let valid = dir.join("valid-base.chainmap.json");
    let with_error_gap = dir.join("valid-sand-loop.chainmap.json");
    let invalid = dir.join("invalid-truncated.chainmap.json");
    let s = |p: &PathBuf| p.to_string_lossy().to_string();
    assert_eq!(chainmap(&["check", &s(&valid)]).status.code(), Some(0));
    assert_eq!(chainmap(&["check", &s(&valid), &s(&with_error_gap)]).status.code(), Some(1));
    assert_eq!(chainmap(&["check", &s(&with_error_gap), &s(&invalid), &s(&valid)]).status.code(), Some(2));
    assert_eq!(chainmap(&["check", "no-such-file.json"]).status.code(), Some(2));
    assert_eq!(chainmap(&["check"]).status.code(), Some(2));
    assert_eq!(chainmap(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(chainmap(&[]).status.code(), Some(2));
    assert_eq!(chainmap(&["help"]).status.code(), Some(0));
}

#[test]
fn human_output_reads_at_a_glance() {
    let file = root().join("tests/fixtures/conformance/valid-sand-loop.chainmap.json");
    let out = chainmap(&["check", &file.to_string_lossy()]);
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap();
    assert!(first.contains("valid-sand-loop.chainmap.json: valid, 18 gaps (2 errors, 10 warnings, 6 info)"), "{text}");
    let e = text.find("  error:").expect("error group");
    let w = text.find("  warning:").expect("warning group");
    let i = text.find("  info:").expect("info group");
    assert!(e < w && w < i, "groups by severity, worst first:\n{text}");
    assert!(text.contains("unplaced-topic") && text.contains("[t4]"), "{text}");

    let bad = root().join("tests/fixtures/conformance/invalid-unknown-phase.chainmap.json");
    let out = chainmap(&["check", &bad.to_string_lossy()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(": invalid, 1 problem"), "{text}");
    assert!(text.contains("  stages[0].phase: there is no phase"), "{text}");
}

#[test]
fn fmt_is_idempotent_and_keeps_unknown_fields() {
    let scratch = Scratch::new("cli-fmt");
    let tmp = scratch.dir();
    let input = tmp.join("in.chainmap.json");
    std::fs::write(
        &input,
        r##"{"format":"chainmap","version":1,"x_tool":{"v":[1.0,2]},"project":{"title":"T","phases":[{"id":"a","name":"A","x_c":"#fff"}]},
           "stages":[{"id":"s","name":"S","phase":"a","pos":{"x":1.5,"y":2}}]}"##,
    )
    .unwrap();
    let once = tmp.join("once.json");
    let twice = tmp.join("twice.json");
    assert_eq!(chainmap(&["fmt", &input.to_string_lossy(), "-o", &once.to_string_lossy()]).status.code(), Some(0));
    assert_eq!(chainmap(&["fmt", &once.to_string_lossy(), "-o", &twice.to_string_lossy()]).status.code(), Some(0));
    let a = std::fs::read_to_string(&once).unwrap();
    let b = std::fs::read_to_string(&twice).unwrap();
    assert_eq!(a, b, "fmt is idempotent");
    assert!(a.contains("\"x_tool\": {\n    \"v\": [\n      1.0,\n      2\n    ]\n  }"), "{a}");
    assert!(a.contains("\"x_c\": \"#fff\""), "{a}");
    // Without -o, to standard output; the same bytes.
    let out = chainmap(&["fmt", &once.to_string_lossy()]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), a);
    // An invalid file is not rewritten.
    let bad = root().join("tests/fixtures/conformance/invalid-self-loop.chainmap.json");
    let out = chainmap(&["fmt", &bad.to_string_lossy(), "-o", &tmp.join("never.json").to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!tmp.join("never.json").exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains("flows[0]"));
}

#[test]
fn conformance_valid_files_are_already_canonical() {
    for name in ["valid-alloy", "valid-base", "valid-minimal", "valid-sand-loop"] {
        let p = root().join(format!("tests/fixtures/conformance/{name}.chainmap.json"));
        let out = chainmap(&["fmt", &p.to_string_lossy()]);
        assert_eq!(String::from_utf8_lossy(&out.stdout), std::fs::read_to_string(&p).unwrap(), "{name}");
    }
}
