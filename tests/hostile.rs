//! Hostile files (issue 6, item 1): every case of `tests/hostile/` and a set
//! of big inputs generated here at run time, through `format::import`, the
//! command line (`chainmap check --json`), merge and JSON Canvas import.
//!
//! A case is `NAME.chainmap.json` with `NAME.expect.json`:
//!
//! - `{"valid": false, "error_contains": TEXT, "errors_contain": [TEXT…],
//!   "max_errors": N, "max_message_chars": N}`: the import fails; some error
//!   (`place: message`) contains TEXT, and each of `errors_contain`.
//! - `{"valid": true, "notes": [PATH…], "contains": [TEXT…]}`: the import
//!   succeeds, the unknown fields reported are exactly `notes` (when given),
//!   and the export holds each of `contains`.
//!
//! For every case, whatever its outcome:
//! - nothing panics, and the import ends well within a time limit;
//! - every problem names its place: a JSON path or a line and column; only
//!   the size, UTF-16 and "… more problems" lines may stand for the whole file;
//! - at most 100 problems are listed, then one line counts the rest;
//! - a valid file passes `validate::check`, export → import → export is
//!   byte-identical, analysis, layout, SVG and the briefs do not panic, and
//!   no markup from the file comes out of the SVG or the Markdown as markup;
//! - `chainmap check --json` agrees: exit 2 and one JSON line listing the
//!   same errors for an invalid file, exit 0 or 1 and `"valid": true` else;
//! - merge with another map (both ways, both choices) and with itself gives
//!   valid maps; JSON Canvas import never panics and never accepts an
//!   invalid map.
//!
//! Every failing check is collected, then the test fails once naming all.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use chainmap::format::{self, export, import, validate, Imported, Place, Problem, ProblemKind, MAX_FILE_BYTES};
use chainmap::i18n::Lang;
use chainmap::merge::{merge, Choice};
use chainmap::model::Map;
use chainmap::{analysis, layout};
use serde_json::Value;

// ---------------------------------------------------------------------------
// Running things with a time limit.

/// Time allowed for one ordinary (small) case, debug build, shared machine.
const SMALL: Duration = Duration::from_secs(5);
/// Time allowed for one run of the command line.
const BIG_ACCEPT: Duration = Duration::from_secs(20);

/// Runs `f` on its own thread. Fails when it panics or takes longer than
/// `limit` (the thread is then left behind; the test fails anyway).
fn timed<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> Result<(T, Duration), String> {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    let handle = thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let out = f();
            let _ = tx.send(out);
        })
        .map_err(|e| format!("cannot start a thread: {e}"))?;
    match rx.recv_timeout(limit) {
        Ok(out) => {
            let _ = handle.join();
            Ok((out, start.elapsed()))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("did not finish within {limit:?} (hang?)")),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let why = match handle.join() {
                Err(e) => e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "?".into()),
                Ok(()) => "no result".into(),
            };
            Err(format!("PANICKED: {why}"))
        }
    }
}

// ---------------------------------------------------------------------------
// The corpus.

struct Case {
    name: String,
    bytes: Vec<u8>,
    expect: Value,
}

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn corpus() -> Vec<Case> {
    let dir = hostile_dir();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".chainmap.json").map(str::to_string))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes = fs::read(dir.join(format!("{name}.chainmap.json"))).expect("case");
            let expect_text = fs::read_to_string(dir.join(format!("{name}.expect.json")))
                .unwrap_or_else(|e| panic!("{name}: no expect file: {e}"));
            let expect = serde_json::from_str(&expect_text).unwrap_or_else(|e| panic!("{name}: bad expect: {e}"));
            Case { name, bytes, expect }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Checks shared by the corpus and the generated inputs.

/// A problem that may stand for the whole file rather than a place in it.
fn file_level(kind: &ProblemKind) -> bool {
    matches!(
        kind,
        ProblemKind::TooLarge { .. }
            | ProblemKind::Utf16
            | ProblemKind::Unreadable { .. }
            | ProblemKind::MoreProblems { .. }
    )
}

/// Problems without a place (or with an empty one).
fn placeless(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .filter(|p| match &p.place {
            Place::Text { line, column } => *line == 0 || *column == 0,
            Place::Path(_) => p.path().trim().is_empty(),
            Place::File => !file_level(&p.kind),
        })
        .map(|p| format!("{:?} → {:?}", p.place, p.to_string().chars().take(120).collect::<String>()))
        .collect()
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 160 {
        format!("{}… ({} chars)", s.chars().take(160).collect::<String>(), s.chars().count())
    } else {
        s.to_string()
    }
}

/// Checks a failed import against the rules every rejection follows.
fn check_rejection(problems: &[Problem], expect: &Value, errors: &mut Vec<String>) {
    if problems.is_empty() {
        errors.push("rejected without naming any problem".into());
        return;
    }
    for p in placeless(problems) {
        errors.push(format!("a problem without a path or line:column: {p}"));
    }
    let capped = problems.len() <= format::MAX_PROBLEMS + 1
        && problems.iter().rev().skip(1).all(|p| !matches!(p.kind, ProblemKind::MoreProblems { .. }));
    if !capped {
        errors.push(format!("{} problems listed; at most {} and a count", problems.len(), format::MAX_PROBLEMS));
    }
    let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let mut wants: Vec<&str> = expect.get("error_contains").and_then(Value::as_str).into_iter().collect();
    if let Some(list) = expect.get("errors_contain").and_then(Value::as_array) {
        wants.extend(list.iter().filter_map(Value::as_str));
    }
    wants.sort_unstable();
    wants.dedup();
    for want in wants {
        if !said.iter().any(|s| s.contains(want)) {
            let shown: Vec<String> = said.iter().take(30).map(|s| shorten(s)).collect();
            errors.push(format!("no error contains {want:?}; the errors were:\n        {}", shown.join("\n        ")));
        }
    }
    if let Some(max) = expect.get("max_errors").and_then(Value::as_u64) {
        if problems.len() as u64 > max {
            errors.push(format!("{} problems, expected at most {max}", problems.len()));
        }
    }
    if let Some(max) = expect.get("max_message_chars").and_then(Value::as_u64) {
        for s in &said {
            let n = s.chars().count() as u64;
            if n > max {
                errors.push(format!("an error message of {n} characters (at most {max}): {}", shorten(s)));
            }
        }
    }
    match expect.get("place").and_then(Value::as_str) {
        Some("file") if !problems.iter().any(|p| p.place == Place::File) => {
            errors.push(format!("expected a whole-file problem, got {:?}", problems[0].place))
        }
        _ => {}
    }
}

/// Markup that must never come out of an export as markup (the SVG has one
/// `<svg` and one `<style>` of its own: those are counted, not forbidden).
const RAW_MARKUP: &[&str] =
    &["<script", "<img", "<iframe", "<a href", "<foreignObject", "<object", "<embed", "<!--", "<![CDATA"];

fn raw_markup(what: &str, text: &str, own: &[(&str, usize)], errors: &mut Vec<String>) {
    for bad in RAW_MARKUP.iter().chain([&"<svg", &"<style"]) {
        let allowed = own.iter().find(|(t, _)| t == bad).map_or(0, |(_, n)| *n);
        let n = text.matches(bad).count();
        if n > allowed {
            errors.push(format!("the {what} export holds raw {bad:?} ({n} times, {allowed} expected)"));
        }
    }
}

/// In a child process (see `in_child`), says which step is running, so that
/// a kill names the step that hung.
fn step(name: &str) {
    if std::env::var_os(CHILD_ENV).is_some() {
        println!("\nHOSTILE-STEP {name}");
    }
}

/// Everything a valid map goes through: validation, canonical round trip,
/// analysis, layout, SVG and briefs, merge.
fn check_accepted(imported: &Imported, expect: &Value, errors: &mut Vec<String>) {
    let map = &imported.map;
    step("validate::check");
    let problems = validate::check(map);
    if !problems.is_empty() {
        errors.push(format!("imported, but validate::check finds {} problems, first {}", problems.len(), problems[0]));
    }
    if let Some(notes) = expect.get("notes").and_then(Value::as_array) {
        let want: BTreeSet<&str> = notes.iter().filter_map(Value::as_str).collect();
        let got: BTreeSet<&str> = imported.notes.iter().map(|n| n.path.as_str()).collect();
        if want != got {
            errors.push(format!("unknown fields reported: {got:?}, expected {want:?}"));
        }
    }
    step("export");
    let first = export(map);
    for want in expect.get("contains").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
        if !first.contains(want) {
            errors.push(format!("the export lost {want:?}"));
        }
    }
    step("import of the export");
    match import(first.as_bytes()) {
        // Known limitation (ARCHITECTURE.md): the 20 MiB limit is on the file
        // as given, so a file just under it can export (indented) past it.
        Err(p)
            if first.len() > chainmap::format::MAX_FILE_BYTES && matches!(p[0].kind, ProblemKind::TooLarge { .. }) => {}
        Err(p) => errors.push(format!("its own export does not import again: {}", p[0])),
        Ok(again) => {
            if again.map != *map {
                errors.push("export → import gives a different map".into());
            }
            let second = export(&again.map);
            if second != first {
                errors.push("export → import → export is not byte-identical".into());
            }
        }
    }
    step("analysis::analyse");
    let _ = analysis::analyse(map);
    step("layout::diagram");
    let _ = layout::diagram(map);
    step("export::svg");
    let svg = chainmap::export::svg(map, Lang::En);
    step("export::all_briefs_markdown");
    let md = chainmap::export::all_briefs_markdown(map, Lang::En);
    raw_markup("SVG", &svg, &[("<svg", 1), ("<style", 1)], errors);
    raw_markup("Markdown brief", &md, &[], errors);
    // `](javascript:` is a link unless its `]` is escaped.
    if md.match_indices("](javascript:").any(|(i, _)| !md[..i].ends_with('\\')) {
        errors.push("the Markdown brief holds a javascript: link".into());
    }
    // Merging is checked on maps of everyday size. Known weakness (see the
    // closing note of issue 6): merging into a map with hundreds of
    // thousands of phases or megabytes of unknown data is far too slow.
    let entities = map.project.phases.len() + map.stages.len() + map.flows.len() + map.people.len() + map.topics.len();
    if entities <= 50_000 && export(map).len() <= 1 << 20 {
        step("merge");
        check_merges(map, errors);
    }
}

/// A small valid map of its own, to merge hostile maps with.
fn other_map() -> Map {
    let text = r#"{"format": "chainmap", "version": 1,
      "project": {"title": "Other", "phases": [{"id": "lab", "name": "Lab B"}, {"id": "mkt", "name": "Market"}]},
      "stages": [{"id": "s1", "name": "One, theirs", "phase": "mkt", "role": "r"}, {"id": "s3", "name": "Three"}],
      "flows": [{"id": "f1", "from": "s3", "to": "s1", "artifact": "other"}, {"id": "f9", "from": "s1", "to": "s3"}],
      "people": [{"id": "p1", "name": "Prof X", "kind": "academic_supervisor"}, {"id": "p7", "name": "S", "kind": "student"}],
      "topics": [{"id": "t1", "title": "T", "student": "p7", "stage": "s3", "supervisors": ["p1"]}]}"#;
    import(text.as_bytes()).expect("the merge partner is valid").map
}

fn check_merges(map: &Map, errors: &mut Vec<String>) {
    let other = other_map();
    let self_merge = merge(map, map);
    if !self_merge.is_noop() {
        errors.push("merging a map with itself is not a no-op".into());
    }
    for (label, a, b) in [("mine ← other", map, &other), ("other ← mine", &other, map)] {
        let r = merge(a, b);
        for choice in [Choice::KeepMine, Choice::TakeTheirs] {
            let resolved = r.resolve_all(choice);
            let problems = validate::check(&resolved.map);
            if let Some(p) = problems.first() {
                errors.push(format!("merge {label} ({choice:?}) gives an invalid map: {p}"));
            }
            if let Err(p) = import(export(&resolved.map).as_bytes()) {
                if !matches!(p[0].kind, ProblemKind::TooLarge { .. }) {
                    errors.push(format!("merge {label} ({choice:?}): its export does not import: {}", p[0]));
                }
            }
        }
    }
}

/// Checks an import outcome against its expectation; returns the failures.
fn check_outcome(outcome: &Result<Imported, Vec<Problem>>, expect: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    match (expect["valid"].as_bool(), outcome) {
        (Some(false), Ok(_)) => errors.push("expected a rejection, but the file was accepted".into()),
        (Some(true), Err(problems)) => {
            let said: Vec<String> = problems.iter().take(5).map(|p| shorten(&p.to_string())).collect();
            errors.push(format!("expected the file to import, but:\n        {}", said.join("\n        ")))
        }
        (_, Ok(imported)) => check_accepted(imported, expect, &mut errors),
        (_, Err(problems)) => check_rejection(problems, expect, &mut errors),
    }
    errors
}

/// Runs one input through import with all the checks, on a thread with a
/// time limit; returns the failures and the time the whole took.
fn check_input(bytes: Vec<u8>, expect: &Value, limit: Duration) -> (Vec<String>, Duration) {
    let expect = expect.clone();
    match timed(limit, move || check_outcome(&import(&bytes), &expect)) {
        Ok((errors, elapsed)) => (errors, elapsed),
        Err(e) => (vec![e], limit),
    }
}

fn report(failures: Vec<(String, Vec<String>)>) {
    let failures: Vec<_> = failures.into_iter().filter(|(_, e)| !e.is_empty()).collect();
    if failures.is_empty() {
        return;
    }
    let mut msg = format!("{} hostile input(s) failed:\n", failures.len());
    for (name, errors) in &failures {
        msg.push_str(&format!("  {name}:\n"));
        for e in errors {
            msg.push_str(&format!("    - {e}\n"));
        }
    }
    panic!("{msg}");
}

// ---------------------------------------------------------------------------
// The committed corpus.

#[test]
fn the_corpus_has_at_least_40_cases_each_with_an_expectation() {
    let cases = corpus();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    for c in &cases {
        assert!(c.expect["valid"].is_boolean(), "{}: expect has no boolean \"valid\"", c.name);
        assert!(c.bytes.len() < 256 * 1024, "{}: committed cases stay small; generate big ones", c.name);
    }
}

#[test]
fn every_hostile_file_gets_its_expected_outcome_without_panic_or_hang() {
    let mut failures = Vec::new();
    let mut slowest = (String::new(), Duration::ZERO);
    for c in corpus() {
        let (errors, elapsed) = check_input(c.bytes.clone(), &c.expect, SMALL);
        if elapsed > slowest.1 {
            slowest = (c.name.clone(), elapsed);
        }
        failures.push((c.name, errors));
    }
    eprintln!("slowest corpus case: {} in {:?}", slowest.0, slowest.1);
    report(failures);
}

// ---------------------------------------------------------------------------
// The command line agrees with the core.

/// Runs a command with a time limit, killing it when the limit passes.
/// Returns the exit code (None: killed), stdout and stderr.
fn run_limited(cmd: &mut Command, limit: Duration) -> (Option<i32>, String, String) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let base = std::env::temp_dir().join(format!("chainmap-hostile-out-{}-{n}", std::process::id()));
    let (out_path, err_path) = (base.with_extension("out"), base.with_extension("err"));
    let out = fs::File::create(&out_path).expect("temp file");
    let err = fs::File::create(&err_path).expect("temp file");
    let mut child = cmd.stdout(out).stderr(err).stdin(std::process::Stdio::null()).spawn().expect("spawn");
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status.code().unwrap_or(-1));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(10));
    };
    let read = |p: &Path| String::from_utf8_lossy(&fs::read(p).unwrap_or_default()).into_owned();
    let (stdout, stderr) = (read(&out_path), read(&err_path));
    let _ = fs::remove_file(&out_path);
    let _ = fs::remove_file(&err_path);
    (code, stdout, stderr)
}

fn cli_check(file: &Path) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chainmap"));
    cmd.args(["check", "--json"]).arg(file);
    match run_limited(&mut cmd, BIG_ACCEPT) {
        (Some(code), out, err) => (code, out, err),
        (None, out, err) => (-1, out, format!("KILLED after {BIG_ACCEPT:?} (hang?) {err}")),
    }
}

/// `check --json FILE` for a file whose import outcome is `outcome`.
fn check_cli(file: &Path, outcome: &Result<Imported, Vec<Problem>>) -> Vec<String> {
    let mut errors = Vec::new();
    let start = Instant::now();
    let (code, stdout, stderr) = cli_check(file);
    let took = start.elapsed();
    if took > BIG_ACCEPT {
        errors.push(format!("check --json took {took:?}"));
    }
    if stderr.contains("KILLED") {
        errors.push(stderr.clone());
        return errors;
    }
    if stderr.contains("panicked") {
        errors.push(format!("the CLI panicked: {}", shorten(&stderr)));
    }
    let lines: Vec<&str> = stdout.lines().collect();
    if lines.len() != 1 {
        errors.push(format!("expected one JSON line, got {} (exit {code})", lines.len()));
        return errors;
    }
    let v: Value = match serde_json::from_str(lines[0]) {
        Ok(v) => v,
        Err(e) => {
            errors.push(format!("the line is not JSON: {e}"));
            return errors;
        }
    };
    match outcome {
        Err(problems) => {
            if code != 2 {
                errors.push(format!("exit {code} for an invalid file, expected 2"));
            }
            if v["valid"] != Value::Bool(false) {
                errors.push("\"valid\" is not false".into());
            }
            let listed = v["errors"].as_array().cloned().unwrap_or_default();
            if listed.is_empty() {
                errors.push("no \"errors\" listed".into());
            }
            let want: Vec<(String, String)> = problems.iter().map(|p| (p.path(), p.message())).collect();
            let got: Vec<(String, String)> = listed
                .iter()
                .map(|e| {
                    (e["path"].as_str().unwrap_or("").to_string(), e["message"].as_str().unwrap_or("").to_string())
                })
                .collect();
            if want != got {
                let show = |l: &[(String, String)]| {
                    l.iter().take(5).map(|(p, m)| format!("{p}: {}", shorten(m))).collect::<Vec<_>>().join(" | ")
                };
                errors.push(format!("the CLI lists other errors than the core: {} vs {}", show(&got), show(&want)));
            }
            for (path, _) in &got {
                if path.trim().is_empty() {
                    errors.push("an error with an empty path".into());
                }
            }
        }
        Ok(_) => {
            if code != 0 && code != 1 {
                errors.push(format!("exit {code} for a valid file"));
            }
            if v["valid"] != Value::Bool(true) {
                errors.push("\"valid\" is not true".into());
            }
        }
    }
    errors
}

#[test]
fn the_command_line_agrees_on_every_hostile_file() {
    let mut failures = Vec::new();
    for c in corpus() {
        let path = hostile_dir().join(format!("{}.chainmap.json", c.name));
        let outcome = import(&c.bytes);
        failures.push((c.name, check_cli(&path, &outcome)));
    }
    report(failures);
}

// ---------------------------------------------------------------------------
// Big and generated inputs (kept out of the repository). Each runs in a
// child process (this test binary, filtered to `hostile_child_process`) that
// is killed when it takes too long, so a hang fails fast and costs nothing
// afterwards.

/// Import alone, for a big input that must be rejected (debug build).
// Generous: CI shares two cores with the builds running beside the tests.
const BIG_REJECT_IMPORT: Duration = Duration::from_secs(10);
/// Import alone, for a big input that is valid (debug build).
const BIG_ACCEPT_IMPORT: Duration = Duration::from_secs(20);
/// The whole child: making the input, importing it, all the checks.
const CHILD_LIMIT: Duration = Duration::from_secs(40);

const CHILD_ENV: &str = "CHAINMAP_HOSTILE_CHILD";

const ENVELOPE: &str = r#"{"format": "chainmap", "version": 1, "project": {"title": "Big"}"#;

/// `ENVELOPE` + `, "blob": "xxxx…"}` of exactly `total` bytes.
fn padded(total: usize) -> Vec<u8> {
    let head = format!("{ENVELOPE}, \"blob\": \"");
    let tail = "\"}";
    let mut s = String::with_capacity(total);
    s.push_str(&head);
    s.extend(std::iter::repeat_n('x', total - head.len() - tail.len()));
    s.push_str(tail);
    assert_eq!(s.len(), total);
    s.into_bytes()
}

/// `n` items made by `f`, joined by commas.
fn items(n: usize, f: impl Fn(usize) -> String) -> String {
    let mut s = String::with_capacity(n * 48);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&f(i));
    }
    s
}

/// The corpus's base map (as text), with one replacement.
fn base_with(from: &str, to: &str) -> Vec<u8> {
    let base = fs::read_to_string(hostile_dir().join("cycle-ok.chainmap.json")).expect("base case");
    assert!(base.contains(from), "the base map has no {from:?}");
    base.replacen(from, to, 1).into_bytes()
}

type Make = Box<dyn Fn() -> (Vec<u8>, Value)>;

/// The big inputs by name; each is made only when it is run.
fn big_inputs() -> Vec<(&'static str, Make)> {
    use serde_json::json;
    fn reject(contains: &str) -> Value {
        json!({"valid": false, "error_contains": contains, "max_message_chars": 2000})
    }
    let huge = |c: char| std::iter::repeat_n(c, 5_000_000).collect::<String>();
    let mut v: Vec<(&'static str, Make)> = Vec::new();
    macro_rules! big {
        ($name:expr, $bytes:expr, $expect:expr) => {
            v.push(($name, Box::new(move || ($bytes, $expect))))
        };
    }
    let file_too_big = || json!({"valid": false, "error_contains": "MiB", "place": "file"});
    big!("20MiB-plus-one", padded(MAX_FILE_BYTES + 1), file_too_big());
    big!("50MiB", padded(50 * 1024 * 1024), file_too_big());
    big!("20MiB-exactly-valid", padded(MAX_FILE_BYTES), json!({"valid": true, "notes": ["blob"]}));
    big!(
        "20MiB-truncated",
        {
            let mut b = padded(MAX_FILE_BYTES - 100);
            b.truncate(b.len() - 2);
            b
        },
        reject("line 1, column")
    );
    big!(
        "20MiB-bad-utf8-at-end",
        {
            let mut b = padded(MAX_FILE_BYTES - 100);
            let at = b.len() - 10;
            b[at] = 0xFF;
            b
        },
        reject("line 1, column")
    );
    big!(
        "20MiB-utf16",
        {
            let t = String::from_utf8(padded(MAX_FILE_BYTES / 2 - 10)).unwrap_or_default();
            t.encode_utf16().flat_map(u16::to_le_bytes).collect()
        },
        json!({"valid": false, "error_contains": "UTF-16"})
    );
    big!("deep-array-100k", "[".repeat(100_000).into_bytes(), reject("line 1, column 33"));
    big!("deep-object-100k", "{\"a\":".repeat(100_000).into_bytes(), reject("line 1, column"));
    big!(
        "deep-in-envelope-100k",
        format!("{ENVELOPE}, \"x\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        reject("line 1, column")
    );
    big!(
        "stages-100k",
        format!("{ENVELOPE}, \"stages\": [{}]}}", items(100_000, |i| format!("{{\"id\":\"s{i}\",\"name\":\"S{i}\"}}")))
            .into_bytes(),
        reject("stages")
    );
    big!(
        "stages-100k-all-bad",
        format!(
            "{ENVELOPE}, \"stages\": [{}]}}",
            items(100_000, |i| format!("{{\"id\":\"bad id {i}\",\"name\":\"\"}}"))
        )
        .into_bytes(),
        json!({"valid": false, "error_contains": "more problems", "max_errors": 101})
    );
    big!(
        "stages-10000-valid",
        format!(
            "{ENVELOPE}, \"stages\": [{}], \"flows\": [{}]}}",
            items(10_000, |i| format!("{{\"id\":\"s{i}\",\"name\":\"Stage number {i}\"}}")),
            items(9_999, |i| format!(
                "{{\"id\":\"f{i}\",\"from\":\"s{i}\",\"to\":\"s{}\",\"artifact\":\"a{i}\"}}",
                i + 1
            ))
        )
        .into_bytes(),
        json!({"valid": true})
    );
    big!("flows-50001", format!("{ENVELOPE}, \"stages\": [{{\"id\":\"a\",\"name\":\"A\"}},{{\"id\":\"b\",\"name\":\"B\"}}], \"flows\": [{}]}}", items(50_001, |i| format!("{{\"id\":\"f{i}\",\"from\":\"a\",\"to\":\"b\"}}"))).into_bytes(), reject("flows"));
    big!(
        "flows-50000-dangling",
        format!(
            "{ENVELOPE}, \"flows\": [{}]}}",
            items(50_000, |i| format!("{{\"id\":\"f{i}\",\"from\":\"x{i}\",\"to\":\"y{i}\"}}"))
        )
        .into_bytes(),
        json!({"valid": false, "error_contains": "flows[0].from", "max_errors": 101})
    );
    // Keys: one object with many distinct keys (an unknown field), and one
    // key repeated many times. Both must take linear time.
    big!(
        "distinct-keys-300k",
        format!("{ENVELOPE}, \"x\": {{{}}}}}", items(300_000, |i| format!("\"k{i}\":0"))).into_bytes(),
        json!({"valid": true, "notes": ["x"]})
    );
    big!(
        "duplicate-keys-1M",
        format!("{ENVELOPE}, \"x\": {{{}}}}}", items(1_000_000, |_| "\"k\":0".to_string())).into_bytes(),
        json!({"valid": false, "error_contains": "x.k", "max_errors": 101})
    );
    // Many phases, and many stages naming a phase that is not there: a
    // problem must not carry (or build) the whole list of phases.
    big!("phases-20k-stages-5k-dangling", format!(
        "{{\"format\": \"chainmap\", \"version\": 1, \"project\": {{\"title\": \"P\", \"phases\": [{}]}}, \"stages\": [{}]}}",
        items(20_000, |i| format!("{{\"id\":\"p{i}\",\"name\":\"P\"}}")),
        items(5_000, |i| format!("{{\"id\":\"s{i}\",\"name\":\"S\",\"phase\":\"nope\"}}"))).into_bytes(),
        json!({"valid": false, "error_contains": "stages[0].phase", "max_errors": 101, "max_message_chars": 2000}));
    big!(
        "phases-300k",
        format!(
            "{{\"format\": \"chainmap\", \"version\": 1, \"project\": {{\"title\": \"P\", \"phases\": [{}]}}}}",
            items(300_000, |i| format!("{{\"id\":\"p{i}\",\"name\":\"P\"}}"))
        )
        .into_bytes(),
        json!({"valid": true})
    );
    // Huge strings: messages quote only a short part of them.
    big!("title-5M", base_with("\"Hostile base\"", &format!("\"{}\"", huge('t'))), reject("project.title"));
    big!("kind-5M", base_with("\"student\"", &format!("\"{}\"", huge('k'))), reject("people[0].kind"));
    big!(
        "date-5M",
        base_with("\"stage\": \"s1\"", &format!("\"stage\": \"s1\", \"defense_date\": \"{}\"", huge('9'))),
        reject("topics[0].defense_date")
    );
    big!("dangling-id-5M", base_with("\"to\": \"s2\"", &format!("\"to\": \"{}\"", huge('s'))), reject("flows[0].to"));
    big!(
        "phase-id-5M",
        base_with("\"phase\": \"lab\"", &format!("\"phase\": \"{}\"", huge('q'))),
        reject("stages[0].phase")
    );
    big!(
        "format-5M",
        base_with("\"format\": \"chainmap\"", &format!("\"format\": \"{}\"", "<script>".repeat(600_000))),
        reject("format")
    );
    big!(
        "version-5M-digits",
        base_with("\"version\": 1", &format!("\"version\": 1{}", "0".repeat(5_000_000))),
        reject("newer")
    );
    big!(
        "version-5M-decimals",
        base_with("\"version\": 1", &format!("\"version\": 1.{}", "0".repeat(5_000_000))),
        reject("version")
    );
    big!(
        "duplicate-key-2M",
        {
            let key = "k".repeat(2_000_000);
            base_with("\"format\"", &format!("\"{key}\": 1, \"{key}\": 2, \"format\""))
        },
        reject("appears twice")
    );
    big!(
        "pos-5M-digits",
        base_with(
            "\"name\": \"One\"",
            &format!("\"name\": \"One\", \"pos\": {{\"x\": 1{}, \"y\": 0}}", "0".repeat(5_000_000))
        ),
        reject("stages[0].pos.x")
    );
    big!(
        "pos-5M-decimals-valid",
        base_with(
            "\"name\": \"One\"",
            &format!("\"name\": \"One\", \"pos\": {{\"x\": 0.{}1, \"y\": 0}}", "0".repeat(5_000_000))
        ),
        json!({"valid": true})
    );
    big!(
        "unknown-number-5M-valid",
        base_with("\"format\"", &format!("\"n\": {}, \"format\"", "9".repeat(5_000_000))),
        json!({"valid": true, "notes": ["n"]})
    );
    big!(
        "escapes-3M",
        base_with("\"format\"", &format!("\"e\": \"{}\", \"format\"", "\\u00e9\\n\\\"".repeat(300_000))),
        json!({"valid": true, "notes": ["e"]})
    );
    big!(
        "unknown-array-2M-items",
        base_with("\"format\"", &format!("\"a\": [{}], \"format\"", items(2_000_000, |_| "0".into()))),
        json!({"valid": true, "notes": ["a"]})
    );
    big!(
        "notes-2.5M-lines",
        base_with("\"stage\": \"s1\"", &format!("\"stage\": \"s1\", \"notes\": \"{}\"", "\\n".repeat(2_500_000))),
        json!({"valid": true})
    );
    // Accepted files whose canonical (indented) export must still open:
    // 350,000 numbers nested 30 deep are 0.7 MB compact, 22 MB indented.
    big!(
        "export-grows-past-20MiB",
        base_with(
            "\"format\"",
            &format!("\"deep\": {}{}{}, \"format\"", "[".repeat(29), items(350_000, |_| "0".into()), "]".repeat(29))
        ),
        json!({"valid": true, "notes": ["deep"]})
    );
    big!(
        "supervisors-500k-repeated",
        base_with(
            "\"supervisors\": [\n        \"p2\"\n      ]",
            &format!("\"supervisors\": [{}]", items(500_000, |_| "\"p2\"".into()))
        ),
        json!({"valid": false, "error_contains": "topics[0].supervisors[1]", "max_errors": 101})
    );
    v
}

/// What a child prints: one line per failure, then the import time.
fn child_report(errors: &[String], import_time: Duration) {
    println!();
    for e in errors {
        println!("HOSTILE-ERROR {}", e.replace('\n', "\u{1f}"));
    }
    println!("HOSTILE-IMPORT-MS {}", import_time.as_millis());
}

/// Not a test of its own: the body of a child process started by the tests
/// below (does nothing unless `CHAINMAP_HOSTILE_CHILD` names an input).
#[test]
fn hostile_child_process() {
    let Ok(which) = std::env::var(CHILD_ENV) else { return };
    let (kind, name) = which.split_once(':').expect("KIND:NAME");
    match kind {
        "big" => {
            let (_, make) = big_inputs().into_iter().find(|(n, _)| *n == name).expect("no such big input");
            let (bytes, expect) = make();
            step("format::import");
            let start = Instant::now();
            let outcome = import(&bytes);
            let took = start.elapsed();
            let mut errors = check_outcome(&outcome, &expect);
            let max = if expect["valid"] == Value::Bool(true) { BIG_ACCEPT_IMPORT } else { BIG_REJECT_IMPORT };
            if took > max {
                errors.push(format!("the import took {took:?}, more than {max:?}"));
            }
            child_report(&errors, took);
        }
        "canvas" => {
            let (_, make) = canvas_inputs().into_iter().find(|(n, _)| *n == name).expect("no such canvas input");
            let text = make();
            step("export::from_canvas");
            let start = Instant::now();
            let outcome = chainmap::export::from_canvas(&text);
            let took = start.elapsed();
            let mut errors = check_canvas_outcome(&outcome);
            if took > BIG_ACCEPT_IMPORT {
                errors.push(format!("the canvas import took {took:?}, more than {BIG_ACCEPT_IMPORT:?}"));
            }
            child_report(&errors, took);
        }
        other => panic!("unknown child kind {other}"),
    }
}

/// Runs one generated input in a child process; returns its failures and
/// the time its import took (None when it was killed).
fn in_child(kind: &str, name: &str) -> (Vec<String>, Option<Duration>) {
    let exe = std::env::current_exe().expect("test binary");
    // Rebuilt while running (`cargo test` elsewhere): the new binary has the same tests.
    let exe = match exe.to_str().and_then(|s| s.strip_suffix(" (deleted)")) {
        Some(s) => PathBuf::from(s),
        None => exe,
    };
    let mut cmd = Command::new(exe);
    cmd.args(["--exact", "hostile_child_process", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, format!("{kind}:{name}"))
        .env("RUST_BACKTRACE", "0");
    let start = Instant::now();
    let (code, stdout, stderr) = run_limited(&mut cmd, CHILD_LIMIT);
    let mut errors: Vec<String> = stdout
        .lines()
        .filter_map(|l| l.split_once("HOSTILE-ERROR ").map(|(_, e)| e))
        .map(|e| e.replace('\u{1f}', "\n"))
        .collect();
    let import_ms = stdout.lines().find_map(|l| l.split_once("HOSTILE-IMPORT-MS ")?.1.trim().parse::<u64>().ok());
    let last_step = stdout.lines().rev().find_map(|l| l.split_once("HOSTILE-STEP ").map(|(_, s)| s.to_string()));
    match code {
        None => errors.push(format!(
            "killed after {:?} in {}: a hang (or far too slow)",
            start.elapsed(),
            last_step.as_deref().unwrap_or("making the input")
        )),
        Some(_) if import_ms.is_none() => {
            let why = stderr.lines().chain(stdout.lines()).find(|l| l.contains("panicked")).unwrap_or("no report");
            errors.push(format!("the child failed: {}", shorten(why)));
        }
        Some(_) => {}
    }
    (errors, import_ms.map(Duration::from_millis))
}

#[test]
fn big_inputs_are_handled_quickly_without_panic() {
    let mut failures = Vec::new();
    let mut times = Vec::new();
    for (name, _) in big_inputs() {
        let (errors, took) = in_child("big", name);
        times.push(format!("{name:<32} import {}", took.map_or("KILLED".into(), |t| format!("{t:.3?}"))));
        failures.push((name.to_string(), errors));
    }
    eprintln!("big inputs (debug build):\n  {}", times.join("\n  "));
    report(failures);
}

#[test]
fn the_command_line_refuses_big_files_quickly() {
    let dir = std::env::temp_dir().join(format!("chainmap-hostile-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let mut failures = Vec::new();
    let wanted = ["20MiB-plus-one", "50MiB", "20MiB-exactly-valid", "deep-array-100k", "stages-100k", "20MiB-utf16"];
    for (name, make) in big_inputs().into_iter().filter(|(n, _)| wanted.contains(n)) {
        let (bytes, expect) = make();
        let path = dir.join(format!("{name}.chainmap.json"));
        fs::write(&path, &bytes).expect("write");
        let outcome = import(&bytes);
        let mut errors = check_cli(&path, &outcome);
        // The CLI refuses a too-big file before reading it (its own words),
        // still with exit 2 and one error.
        if expect["place"] == "file" {
            errors.retain(|e| !e.starts_with("the CLI lists other errors"));
        }
        let _ = fs::remove_file(&path);
        failures.push((name.to_string(), errors));
    }
    let _ = fs::remove_dir_all(&dir);
    report(failures);
}

// ---------------------------------------------------------------------------
// JSON Canvas import: the same hostility; never a panic, never an invalid map.

fn check_canvas_outcome(outcome: &Result<chainmap::export::FromCanvas, Vec<Problem>>) -> Vec<String> {
    let mut errors = Vec::new();
    match outcome {
        Ok(got) => {
            if let Some(p) = validate::check(&got.map).first() {
                errors.push(format!("a canvas imported to an invalid map: {p}"));
            }
            let first = export(&got.map);
            match import(first.as_bytes()) {
                Ok(again) if export(&again.map) == first => {}
                Ok(_) => errors.push("a canvas map's export does not round-trip".into()),
                Err(p) => errors.push(format!("a canvas map's export does not import: {}", p[0])),
            }
            if got.notes.len() > 10_000 {
                errors.push(format!("{} notes", got.notes.len()));
            }
        }
        Err(problems) => {
            if problems.is_empty() {
                errors.push("a canvas rejected without a problem".into());
            }
            for p in placeless(problems) {
                errors.push(format!("a canvas problem without a place: {p}"));
            }
            if problems.len() > format::MAX_PROBLEMS + 1 {
                errors.push(format!("{} canvas problems listed", problems.len()));
            }
        }
    }
    errors
}

type MakeText = Box<dyn Fn() -> String>;

fn canvas_node(id: &str, extra: &str) -> String {
    format!("{{\"id\":{id},\"type\":\"text\",\"x\":0,\"y\":0,\"width\":10,\"height\":10{extra}}}")
}

/// Hostile canvases by name; the big ones run in a child process.
fn canvas_inputs() -> Vec<(&'static str, MakeText)> {
    let mut v: Vec<(&'static str, MakeText)> = Vec::new();
    macro_rules! canvas {
        ($name:expr, $text:expr) => {
            v.push(($name, Box::new(move || $text)))
        };
    }
    canvas!("not-object", "[1,2]".into());
    canvas!("empty", String::new());
    canvas!("nodes-string", "{\"nodes\": \"x\", \"edges\": 5}".into());
    canvas!("nodes-odd", "{\"nodes\": [1, null, {}, {\"id\": 5, \"type\": \"text\"}, {\"id\": \"a\", \"type\": 7}], \"edges\": [null, 3, {\"id\": \"e\"}]}".into());
    canvas!("numbers", format!("{{\"nodes\": [{}, {}, {}], \"edges\": []}}",
        "{\"id\":\"a\",\"type\":\"text\",\"text\":\"A\",\"x\":1e400,\"y\":-1e400,\"width\":-5,\"height\":1e308}",
        "{\"id\":\"b\",\"type\":\"group\",\"label\":\"G\",\"x\":-0,\"y\":18446744073709551616,\"width\":1e308,\"height\":1e308}",
        "{\"id\":\"c\",\"type\":\"text\",\"text\":\"C\",\"x\":\"1\",\"y\":null,\"width\":[],\"height\":{}}"));
    canvas!("ids-and-markup", format!("{{\"nodes\": [{}, {}, {}, {}], \"edges\": [{}, {}, {}]}}",
        canvas_node("\"bad id <script>\"", ",\"text\":\"# <img src=x onerror=alert(1)>\\n[x](javascript:alert(1))\""),
        canvas_node("\"stage-1\"", ",\"text\":\"\\u0000\\u0007\\u202e\""),
        canvas_node("\"x\"", ",\"text\":\"\""),
        canvas_node("\"x\"", ",\"text\":\"dup\""),
        "{\"id\":\"e1\",\"fromNode\":\"x\",\"toNode\":\"x\"}",
        "{\"id\":\"e2\",\"fromNode\":\"bad id <script>\",\"toNode\":\"stage-1\",\"label\":\"</text><script>alert(1)</script>\"}",
        "{\"id\":\"e2\",\"fromNode\":\"stage-1\",\"toNode\":\"nowhere\"}"));
    canvas!(
        "long-text",
        format!(
            "{{\"nodes\": [{}]}}",
            canvas_node("\"a\"", &format!(",\"text\":\"{}\\n{}\"", "n".repeat(100_000), "r\\n".repeat(100_000)))
        )
    );
    canvas!(
        "whitespace-text",
        format!("{{\"nodes\": [{}]}}", canvas_node("\"a\"", ",\"text\":\"\\u3000\\n\\t# \\n\\u00a0\""))
    );
    canvas!("deep", format!("{{\"nodes\": {}}}", "[".repeat(100_000)));
    canvas!("utf8-bom", format!("\u{feff}{{\"nodes\": [{}]}}", canvas_node("\"a\"", ",\"text\":\"A\"")));
    // 20,000 text nodes (more than a map may hold) and 10,000 groups.
    canvas!(
        "nodes-20k-groups-10k",
        format!(
            "{{\"nodes\": [{},{}]}}",
            items(20_000, |i| canvas_node(&format!("\"n{i}\""), &format!(",\"text\":\"N{i}\""))),
            items(10_000, |i| format!(
                "{{\"id\":\"g{i}\",\"type\":\"group\",\"x\":{i},\"y\":0,\"width\":100000,\"height\":100}}"
            ))
        )
    );
    // Ids that collide with the ids the importer makes up for invalid ones:
    // finding a free one must not take quadratic time.
    canvas!(
        "node-id-collisions",
        format!(
            "{{\"nodes\": [{},{}]}}",
            items(5_000, |i| canvas_node(&format!("\"stage-{}\"", i + 5_001), "")),
            items(5_000, |i| canvas_node(&format!("\"bad id {i}\""), ""))
        )
    );
    canvas!(
        "edge-id-collisions",
        format!(
            "{{\"nodes\": [{},{}], \"edges\": [{},{}]}}",
            canvas_node("\"a\"", ""),
            canvas_node("\"b\"", ""),
            items(25_000, |i| format!("{{\"id\":\"flow-{}\",\"fromNode\":\"a\",\"toNode\":\"b\"}}", i + 25_001)),
            items(25_000, |i| format!("{{\"id\":\"bad {i}\",\"fromNode\":\"a\",\"toNode\":\"b\"}}"))
        )
    );
    canvas!(
        "edges-60k",
        format!(
            "{{\"nodes\": [{},{}], \"edges\": [{}]}}",
            canvas_node("\"a\"", ""),
            canvas_node("\"b\"", ""),
            items(60_000, |i| format!("{{\"id\":\"e{i}\",\"fromNode\":\"a\",\"toNode\":\"b\"}}"))
        )
    );
    canvas!("over-20MiB", format!("{{\"nodes\": [], \"x\": \"{}\"}}", "x".repeat(MAX_FILE_BYTES)));
    v
}

#[test]
fn json_canvas_import_survives_hostile_input() {
    let mut failures = Vec::new();
    // Every corpus file that is UTF-8 text is also read as a canvas.
    for c in corpus() {
        if let Ok(text) = String::from_utf8(c.bytes) {
            let run = timed(SMALL, move || check_canvas_outcome(&chainmap::export::from_canvas(&text)));
            failures.push((format!("corpus {} as a canvas", c.name), run.map_or_else(|e| vec![e], |(e, _)| e)));
        }
    }
    let mut times = Vec::new();
    for (name, _) in canvas_inputs() {
        let (errors, took) = in_child("canvas", name);
        times.push(format!("{name:<28} import {}", took.map_or("KILLED".into(), |t| format!("{t:.3?}"))));
        failures.push((format!("canvas {name}"), errors));
    }
    eprintln!("canvas inputs (debug build):\n  {}", times.join("\n  "));
    report(failures);
}
