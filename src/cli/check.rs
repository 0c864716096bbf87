//! `chainmap check [--json] FILE…`

use std::io::Write;

use serde_json::json;

use crate::analysis::{self, Severity};
use crate::format::{self, Problem};

pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut as_json = false;
    let mut files = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => as_json = true,
            s if s.starts_with("--") => return super::usage_error(err, &format!("unknown option '{s}' for check")),
            s => files.push(s.to_string()),
        }
    }
    if files.is_empty() {
        return super::usage_error(err, "check needs at least one file");
    }
    let mut code = 0;
    for file in &files {
        let outcome = match super::read(file) {
            Ok(bytes) => format::import(&bytes),
            Err(why) => {
                Err(vec![Problem { place: format::Place::File, kind: format::ProblemKind::Unreadable { why } }])
            }
        };
        let file_code = match outcome {
            Err(problems) => {
                if as_json {
                    let errors: Vec<_> =
                        problems.iter().map(|p| json!({"path": p.path(), "message": p.message()})).collect();
                    let _ = writeln!(out, "{}", json!({"file": file, "valid": false, "errors": errors}));
                } else {
                    let n = problems.len();
                    let _ = writeln!(out, "{file}: invalid, {n} problem{}", plural(n));
                    for p in &problems {
                        let _ = writeln!(out, "  {p}");
                    }
                }
                2
            }
            Ok(imported) => {
                let map = &imported.map;
                let a = analysis::analyse(map);
                let names = analysis::Names::new(map);
                let has_error = a.gaps.iter().any(|g| g.severity() == Severity::Error);
                if as_json {
                    let gaps: Vec<_> = a.gaps.iter().map(|g| g.to_json(&names)).collect();
                    let notes: Vec<_> = imported.notes.iter().map(|n| n.path.clone()).collect();
                    let _ = writeln!(
                        out,
                        "{}",
                        json!({"file": file, "valid": true, "gaps": gaps, "coverage": a.coverage.to_json(), "unknown_fields": notes})
                    );
                } else {
                    human(out, file, &names, &a, &imported.notes);
                }
                i32::from(has_error)
            }
        };
        code = code.max(file_code);
    }
    code
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn human(out: &mut dyn Write, file: &str, names: &analysis::Names, a: &analysis::Analysis, notes: &[format::Note]) {
    let count = |s: Severity| a.gaps.iter().filter(|g| g.severity() == s).count();
    let (e, w, i) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let c = &a.coverage;
    let _ = writeln!(
        out,
        "{file}: valid, {} gap{} ({e} error{}, {w} warning{}, {i} info); {} of {} stages covered",
        a.gaps.len(),
        plural(a.gaps.len()),
        plural(e),
        plural(w),
        c.covered_stages,
        c.total_stages
    );
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let gaps: Vec<_> = a.gaps.iter().filter(|g| g.severity() == sev).collect();
        if gaps.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {}:", sev.as_str());
        for g in gaps {
            let ids = g.ids.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ");
            let _ = writeln!(out, "    {:<24} {}  [{ids}]", g.code.as_str(), g.message_with(names));
        }
    }
    for n in notes {
        let _ = writeln!(out, "  note: {n}");
    }
}
