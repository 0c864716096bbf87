//! `chainmap merge`, `brief`, `svg`, `export` and `import-canvas`: the same
//! core functions as the app's Merge file, Brief and Export buttons.

use std::io::Write;

use crate::export;
use crate::format;
use crate::i18n::exchange::{
    added_name, conflict_message, dangling_message, entity_word, filled_message, merge_summary, no_common_ids_note,
    other_project_warning, unknown_topic,
};
use crate::i18n::Lang;
use crate::merge::{self, Choice};
use crate::model::{Id, Map};

use super::usage_error;

/// Options shared by these commands.
#[derive(Default)]
struct Opts {
    files: Vec<String>,
    output: Option<String>,
    lang: Option<Lang>,
    topic: Option<String>,
    all: bool,
    to: Option<String>,
    prefer: Option<Choice>,
}

/// Reads the arguments; `allowed` lists the options the command takes.
fn opts(cmd: &str, args: &[String], allowed: &[&str], err: &mut dyn Write) -> Result<Opts, i32> {
    let mut o = Opts::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let name = a.as_str();
        let takes_value = matches!(name, "-o" | "--output" | "--lang" | "--topic" | "--to" | "--prefer");
        let key = if name == "--output" { "-o" } else { name };
        if name.starts_with('-') && name != "-" && !allowed.contains(&key) {
            return Err(usage_error(err, &format!("unknown option '{name}' for {cmd}")));
        }
        if !takes_value {
            match name {
                "--all" => o.all = true,
                _ => o.files.push(a.clone()),
            }
            continue;
        }
        let Some(v) = it.next() else {
            return Err(usage_error(err, &format!("{name} needs a value")));
        };
        match key {
            "-o" => o.output = Some(v.clone()),
            "--lang" => match Lang::from_tag(v) {
                Some(l) => o.lang = Some(l),
                None => return Err(usage_error(err, &format!("--lang takes en or zh, not '{v}'"))),
            },
            "--topic" => o.topic = Some(v.clone()),
            "--to" => o.to = Some(v.clone()),
            "--prefer" => match v.as_str() {
                "first" | "mine" => o.prefer = Some(Choice::KeepMine),
                "last" | "theirs" => o.prefer = Some(Choice::TakeTheirs),
                _ => return Err(usage_error(err, &format!("--prefer takes first or last, not '{v}'"))),
            },
            _ => {}
        }
    }
    Ok(o)
}

/// Reads and imports a chainmap file, or says why not (exit code 2).
fn load(file: &str, err: &mut dyn Write) -> Result<Map, i32> {
    let bytes = super::read(file).map_err(|why| {
        let _ = writeln!(err, "{file}: cannot read: {why}");
        2
    })?;
    format::import(&bytes).map(|i| i.map).map_err(|problems| {
        let _ =
            writeln!(err, "{file}: invalid, {} problem{}:", problems.len(), if problems.len() == 1 { "" } else { "s" });
        for p in &problems {
            let _ = writeln!(err, "  {p}");
        }
        2
    })
}

/// Writes `text` to the output file, or to `out` when there is none.
fn emit(output: &Option<String>, text: &str, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match output {
        Some(path) if path != "-" => match std::fs::write(path, text) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "{path}: cannot write: {e}");
                2
            }
        },
        _ => match out.write_all(text.as_bytes()) {
            Ok(()) => 0,
            Err(_) => 2,
        },
    }
}

fn one_file(cmd: &str, o: &Opts, err: &mut dyn Write) -> Result<String, i32> {
    match o.files.as_slice() {
        [f] => Ok(f.clone()),
        [] => Err(usage_error(err, &format!("{cmd} needs a file"))),
        _ => Err(usage_error(err, &format!("{cmd} takes one file"))),
    }
}

/// `chainmap merge A B… [-o OUT] [--prefer first|last]`
pub fn merge(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let o = match opts("merge", args, &["-o", "--prefer", "--lang"], err) {
        Ok(o) => o,
        Err(code) => return code,
    };
    if o.files.len() < 2 {
        return usage_error(err, "merge needs at least two files: the map to merge into, then the ones to bring in");
    }
    let lang = o.lang.unwrap_or_default();
    let mut maps = Vec::with_capacity(o.files.len());
    for f in &o.files {
        match load(f, err) {
            Ok(m) => maps.push(m),
            Err(code) => return code,
        }
    }
    // The report goes to stdout when the map goes to a file, else to stderr.
    let to_file = o.output.as_deref().is_some_and(|p| p != "-");
    let mut report: Vec<String> = Vec::new();
    let mut unresolved = 0usize;
    let mut maps = maps.into_iter();
    let Some(mut acc) = maps.next() else { return 2 };
    for (file, theirs) in o.files.iter().skip(1).zip(maps) {
        let r = merge::merge(&acc, &theirs);
        let resolved = r.resolve_all(o.prefer.unwrap_or(Choice::KeepMine));
        report.push(format!("{file}: {}", merge_summary(&r, &resolved, lang)));
        if let Some(titles) = &r.other_project {
            report.push(format!("  warning: {}", other_project_warning(titles, lang)));
        } else if r.no_common_ids {
            report.push(format!("  note: {}", no_common_ids_note(lang)));
        }
        // The same names as the app's merge dialog, every one of them, with its id.
        for g in r.added_by_kind(usize::MAX, &resolved) {
            for (id, name) in &g.items {
                report.push(format!("  added: {} [{id}] {}", entity_word(g.kind, lang), added_name(name, lang)));
            }
        }
        for f in &r.filled {
            report.push(format!("  filled: {}", filled_message(f, &acc, lang)));
        }
        for c in &r.conflicts {
            let how = match o.prefer {
                Some(Choice::KeepMine) => " (kept the first)",
                Some(Choice::TakeTheirs) => " (took the last)",
                None => "",
            };
            report.push(format!("  conflict: {}{how}", conflict_message(c, &acc, lang)));
        }
        if o.prefer.is_none() {
            unresolved += r.conflicts.len();
        }
        for d in &resolved.dangling {
            report.push(format!("  left out or cleared: {}", dangling_message(d, r.names(), lang)));
        }
        acc = resolved.map;
    }
    let sink: &mut dyn Write = if to_file { &mut *out } else { &mut *err };
    for line in &report {
        let _ = writeln!(sink, "{line}");
    }
    if unresolved > 0 {
        let _ = writeln!(
            err,
            "{unresolved} conflict{} not resolved; nothing was written. Choose with --prefer first (keep the first file's values) or --prefer last (take the later files' values).",
            if unresolved == 1 { " is" } else { "s are" }
        );
        return 1;
    }
    let problems = format::validate::check(&acc);
    if !problems.is_empty() {
        // Cannot happen for valid inputs (merge guarantees it); never write a broken file.
        let _ = writeln!(err, "the merged map is not valid; nothing was written:");
        for p in &problems {
            let _ = writeln!(err, "  {p}");
        }
        return 2;
    }
    emit(&o.output, &format::export(&acc), out, err)
}

/// `chainmap brief FILE (--topic ID | --all) [--lang en|zh] [-o OUT]`
pub fn brief(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let o = match opts("brief", args, &["-o", "--topic", "--all", "--lang"], err) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let file = match one_file("brief", &o, err) {
        Ok(f) => f,
        Err(code) => return code,
    };
    if o.all == o.topic.is_some() {
        return usage_error(err, "brief needs either --topic ID or --all");
    }
    let map = match load(&file, err) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let lang = o.lang.unwrap_or_default();
    let text = match &o.topic {
        Some(t) => match export::brief_markdown(&map, &Id::new(t.as_str()), lang) {
            Some(text) => text,
            None => {
                let known: Vec<&str> = map.topics.iter().map(|t| t.id.as_str()).take(20).collect();
                let _ = writeln!(err, "{file}: {} (topics: {})", unknown_topic(lang, t), known.join(", "));
                return 2;
            }
        },
        None => export::all_briefs_markdown(&map, lang),
    };
    emit(&o.output, &text, out, err)
}

/// `chainmap svg FILE [-o OUT.svg] [--lang en|zh]`
pub fn svg(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let o = match opts("svg", args, &["-o", "--lang"], err) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let file = match one_file("svg", &o, err) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let map = match load(&file, err) {
        Ok(m) => m,
        Err(code) => return code,
    };
    emit(&o.output, &export::svg(&map, o.lang.unwrap_or_default()), out, err)
}

/// `chainmap export FILE --to canvas|dot|mermaid|csv|svg|markdown [-o OUT] [--lang en|zh]`
pub fn export_cmd(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let o = match opts("export", args, &["-o", "--to", "--lang"], err) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let file = match one_file("export", &o, err) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let Some(to) = o.to.clone() else {
        return usage_error(err, "export needs --to canvas, dot, mermaid, csv, svg or markdown");
    };
    if !matches!(to.as_str(), "canvas" | "dot" | "mermaid" | "csv" | "svg" | "markdown" | "md") {
        return usage_error(
            err,
            &format!("export cannot write '{to}'; use canvas, dot, mermaid, csv, svg or markdown"),
        );
    }
    let map = match load(&file, err) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let lang = o.lang.unwrap_or_default();
    let text = match to.as_str() {
        "canvas" => export::to_canvas(&map),
        "dot" => export::dot(&map),
        "mermaid" => export::mermaid(&map),
        "csv" => export::coverage_csv(&map, lang),
        "svg" => export::svg(&map, lang),
        _ => export::all_briefs_markdown(&map, lang),
    };
    emit(&o.output, &text, out, err)
}

/// `chainmap import-canvas FILE.canvas [-o OUT]`
pub fn import_canvas(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let o = match opts("import-canvas", args, &["-o", "--lang"], err) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let file = match one_file("import-canvas", &o, err) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let bytes = match super::read(&file) {
        Ok(b) => b,
        Err(why) => {
            let _ = writeln!(err, "{file}: cannot read: {why}");
            return 2;
        }
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        let _ = writeln!(err, "{file}: not UTF-8 text; a .canvas file is UTF-8 JSON");
        return 2;
    };
    let stem = std::path::Path::new(&file).file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
    let title = if stem.trim().is_empty() { export::canvas::IMPORTED_TITLE.to_string() } else { stem };
    let imported = match export::from_canvas_titled(text, &title) {
        Ok(i) => i,
        Err(problems) => {
            let _ = writeln!(err, "{file}: not a JSON Canvas file:");
            for p in &problems {
                let _ = writeln!(err, "  {p}");
            }
            return 2;
        }
    };
    let lang = o.lang.unwrap_or_default();
    let to_file = o.output.as_deref().is_some_and(|p| p != "-");
    let m = &imported.map;
    let summary = format!(
        "{file}: {} stages, {} phases, {} flows; {} thing{} not mapped",
        m.stages.len(),
        m.project.phases.len(),
        m.flows.len(),
        imported.notes.len(),
        if imported.notes.len() == 1 { "" } else { "s" }
    );
    {
        let sink: &mut dyn Write = if to_file { &mut *out } else { &mut *err };
        let _ = writeln!(sink, "{summary}");
        for n in &imported.notes {
            let _ = writeln!(sink, "  {}", crate::i18n::exchange::canvas_note(n, lang));
        }
    }
    emit(&o.output, &format::export(m), out, err)
}
