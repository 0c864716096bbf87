//! Runs every conformance case (FORMAT.md, `conformance/README.md`): each
//! `NAME.chainmap.json` with its `NAME.expect.json`.
//!
//! Cases come from two folders: the shared specification folder
//! `../shared/conformance` (when present, beside the repository) and the
//! copy kept in `tests/fixtures/conformance`, so a clone on its own still
//! runs them. Every failing file is reported, then the test fails once,
//! naming them all.
//!
//! - `{"valid": false, "error_contains": TEXT}`: the import fails, and when
//!   TEXT is given some error (`path: message`) contains it.
//! - `{"valid": true, "gaps": [{"code", "ids"}…]}`: the import succeeds and the
//!   gap analysis reports exactly these gaps (ids compared as sets, the gaps
//!   as a multiset); export is then canonical: export → import → export gives
//!   the same bytes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::scratch::Scratch;

use chainmap::analysis::{self, GapCode};
use chainmap::format::{export, export_compact, import};
use serde_json::Value;

fn case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = Vec::new();
    let shared = root.join("../shared/conformance");
    if shared.is_dir() {
        dirs.push(shared);
    }
    dirs.push(root.join("tests/fixtures/conformance"));
    dirs
}

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".chainmap.json")))
        .collect();
    files.sort();
    files
}

fn expect_path(case: &Path) -> PathBuf {
    let name = case.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    case.with_file_name(format!("{}.expect.json", name.trim_end_matches(".chainmap.json")))
}

/// A gap as compared: its code and its ids as a sorted set.
type Key = (String, Vec<String>);

fn key(code: &str, ids: impl IntoIterator<Item = String>) -> Key {
    let mut ids: Vec<String> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    (code.to_string(), ids)
}

fn multiset(keys: Vec<Key>) -> BTreeMap<Key, usize> {
    let mut out = BTreeMap::new();
    for k in keys {
        *out.entry(k).or_insert(0) += 1;
    }
    out
}

fn show(k: &Key) -> String {
    format!("{} [{}]", k.0, k.1.join(", "))
}

fn run_case(case: &Path) -> Result<(), String> {
    let bytes = fs::read(case).map_err(|e| format!("cannot read the case: {e}"))?;
    let expect_file = expect_path(case);
    let expect_text =
        fs::read_to_string(&expect_file).map_err(|e| format!("cannot read {}: {e}", expect_file.display()))?;
    let expect: Value = serde_json::from_str(&expect_text).map_err(|e| format!("bad expect file: {e}"))?;
    let valid = expect["valid"].as_bool().ok_or("expect file has no boolean \"valid\"")?;
    let outcome = import(&bytes);

    if !valid {
        let problems = match outcome {
            Ok(_) => return Err("expected the import to fail, but it succeeded".into()),
            Err(problems) => problems,
        };
        if problems.is_empty() {
            return Err("the import failed without naming any problem".into());
        }
        let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        if let Some(want) = expect.get("error_contains").and_then(Value::as_str) {
            if !said.iter().any(|s| s.contains(want)) {
                return Err(format!("no error contains {want:?}; the errors were:\n      {}", said.join("\n      ")));
            }
        }
        return Ok(());
    }

    let imported = outcome.map_err(|problems| {
        let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        format!("expected the file to import, but it failed:\n      {}", said.join("\n      "))
    })?;
    let map = imported.map;
    let mut errors = Vec::new();

    // Gaps, as a multiset of (code, set of ids).
    let want_list = expect["gaps"].as_array().ok_or("expect file of a valid case has no \"gaps\" list")?;
    let mut want = Vec::new();
    for g in want_list {
        let code = g["code"].as_str().ok_or("a gap in the expect file has no \"code\"")?;
        if GapCode::parse(code).is_none() {
            errors.push(format!("the expect file names an unknown gap code {code:?}"));
        }
        let ids = g["ids"].as_array().ok_or("a gap in the expect file has no \"ids\" list")?;
        want.push(key(code, ids.iter().filter_map(Value::as_str).map(str::to_string)));
    }
    let found = analysis::gaps(&map);
    let got: Vec<Key> =
        found.iter().map(|g| key(g.code.as_str(), g.ids.iter().map(|id| id.as_str().to_string()))).collect();
    let (want, got) = (multiset(want), multiset(got));
    for (k, &n) in &want {
        let have = got.get(k).copied().unwrap_or(0);
        if have < n {
            errors.push(format!(
                "missing gap: {}{}",
                show(k),
                if n > 1 { format!(" (×{})", n - have) } else { String::new() }
            ));
        }
    }
    for (k, &n) in &got {
        let wanted = want.get(k).copied().unwrap_or(0);
        if n > wanted {
            errors.push(format!(
                "unexpected gap: {}{}",
                show(k),
                if n > 1 { format!(" (×{})", n - wanted) } else { String::new() }
            ));
        }
    }
    // Every gap has a message (and making one does not panic).
    for (g, m) in found.iter().zip(analysis::messages(&found, &map)) {
        if m.trim().is_empty() {
            errors.push(format!("gap {} has an empty message", g.code.as_str()));
        }
    }

    // Export is canonical: export → import → export gives the same bytes.
    let first = export(&map);
    match chainmap::format::import_str(&first) {
        Err(problems) => {
            let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            errors.push(format!("the exported file does not import again:\n      {}", said.join("\n      ")));
        }
        Ok(again) => {
            if again.map != map {
                errors.push("the exported file imports to a different map".into());
            }
            let second = export(&again.map);
            if second != first {
                let line = first.lines().zip(second.lines()).position(|(a, b)| a != b).map_or(0, |i| i + 1);
                errors.push(format!("export → import → export changes the bytes (first difference at line {line})"));
            }
        }
    }

    // What the app keeps in the browser's storage (one line) is the same map.
    match chainmap::format::import_str(&export_compact(&map)) {
        Ok(again) if again.map == map => {}
        Ok(_) => errors.push("the one-line export imports to a different map".into()),
        Err(_) => errors.push("the one-line export does not import again".into()),
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n    "))
    }
}

#[test]
fn conformance_cases() {
    let mut failures = Vec::new();
    let mut ran = 0;
    let (mut valid, mut invalid) = (0, 0);
    for dir in case_dirs() {
        for case in cases(&dir) {
            ran += 1;
            let name = case.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.starts_with("valid") {
                valid += 1;
            } else {
                invalid += 1;
            }
            if let Err(why) = run_case(&case) {
                eprintln!("FAIL {}\n    {why}", case.display());
                failures.push(case.display().to_string());
            }
        }
    }
    eprintln!("conformance: {ran} cases ({valid} valid, {invalid} invalid), {} failing", failures.len());
    assert!(ran > 0, "no conformance cases found");
    assert!(valid > 0 && invalid > 0, "the conformance cases hold both valid and invalid files");
    assert!(failures.is_empty(), "{} conformance case(s) failed:\n  {}", failures.len(), failures.join("\n  "));
}

/// Every case has an expect file, and the copy in tests/fixtures holds every
/// shared case (so a clone without ../shared tests the same things).
#[test]
fn fixtures_are_complete() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("tests/fixtures/conformance");
    let have = cases(&fixtures);
    assert!(have.len() >= 20, "tests/fixtures/conformance holds only {} cases", have.len());
    for case in &have {
        assert!(expect_path(case).is_file(), "{} has no expect file", case.display());
    }
    let shared = root.join("../shared/conformance");
    if shared.is_dir() {
        for case in cases(&shared) {
            let name = case.file_name().unwrap_or_default();
            assert!(
                fixtures.join(name).is_file(),
                "{} is missing from tests/fixtures/conformance: copy it there",
                name.to_string_lossy()
            );
        }
    }
}

/// The checker itself can fail: a wrong expectation is caught.
#[test]
fn a_wrong_expectation_is_caught() {
    let scratch = Scratch::new("conformance-wrong");
    let dir = scratch.dir();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conformance/valid-base.chainmap.json");
    let case = dir.join("valid-wrong.chainmap.json");
    fs::copy(&src, &case).unwrap();
    fs::write(
        dir.join("valid-wrong.expect.json"),
        r#"{"valid": true, "gaps": [{"code": "loop", "ids": ["s1", "s2"]}]}"#,
    )
    .unwrap();
    let err = run_case(&case).unwrap_err();
    assert!(err.contains("missing gap: loop [s1, s2]"), "{err}");
    assert!(err.contains("unexpected gap: uncovered-stage [s1]"), "{err}");
    fs::write(dir.join("valid-wrong.expect.json"), r#"{"valid": false, "error_contains": "stages"}"#).unwrap();
    assert!(run_case(&case).unwrap_err().contains("expected the import to fail"));
}
