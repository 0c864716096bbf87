//! The chainmap file format, version 1 (FORMAT.md): reading a file into a
//! [`Map`] with every problem listed, and writing a map back, deterministically.
//!
//! Reading goes in phases, each only when the one before succeeded:
//! 1. bytes: size limit, UTF-8 (a BOM is skipped; UTF-16 is named as such);
//! 2. JSON: syntax (line and column), depth limit, duplicate keys;
//! 3. envelope: a top-level object with `"format": "chainmap"` and a
//!    `version` this release reads, so a newer file is called newer rather
//!    than full of unknown fields;
//! 4. typed pass (`typed`) and the rules between fields (`validate`).
//!
//! Invariant: `import` never panics and never changes anything on failure;
//! it only returns problems.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod export;
mod problem;
mod typed;
pub mod validate;

pub use export::{export, export_compact, format_number};
pub use problem::{syntax_english, Entity, Note, Place, Problem, ProblemKind};

use crate::json::{self, Fields, Raw, ValueRef};
use crate::model::Map;

/// The format version this release reads and writes.
pub const VERSION: u64 = 1;
/// A file is at most 20 MiB.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Positions are finite and at most this far from the origin on each axis.
pub const MAX_COORDINATE: f64 = 10_000_000.0;
/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 100;

/// A successfully read file: the map and the unknown fields that were kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub map: Map,
    pub notes: Vec<Note>,
}

/// Reads a file's bytes. On failure, every problem found, each with a place.
pub fn import(bytes: &[u8]) -> Result<Imported, Vec<Problem>> {
    let text = decode(bytes).map_err(|p| vec![p])?;
    let parsed = json::parse_document(text).map_err(|e| {
        vec![Problem { place: Place::Text { line: e.line, column: e.column }, kind: ProblemKind::Syntax(e.kind) }]
    })?;
    let mut problems: Vec<Problem> = parsed
        .duplicates
        .iter()
        .map(|d| {
            let key = d.path.rsplit('.').next().unwrap_or(&d.path).to_string();
            Problem::at(d.path.clone(), ProblemKind::DuplicateKey { key })
        })
        .collect();
    let root = match envelope(parsed.root()) {
        Ok(root) => root,
        Err(mut p) => {
            if p.place == Place::File {
                // Not an object at all: point at where the value starts.
                let start = text.len() - text.trim_start().len();
                let (line, column) = json::line_column(text, start);
                p.place = Place::Text { line, column };
            }
            problems.insert(0, p);
            return Err(cap(problems));
        }
    };
    let typed = typed::read_map(root);
    problems.extend(typed.problems);
    // A field the typed pass already rejected is not reported a second time.
    let seen: std::collections::HashSet<String> = problems.iter().map(Problem::path).collect();
    let rules = validate::check(&typed.map).into_iter().map(|p| from_file_indices(p, &typed.origins));
    problems.extend(rules.filter(|p| !seen.contains(&p.path())));
    if problems.is_empty() {
        Ok(Imported { map: typed.map, notes: typed.notes })
    } else {
        Err(cap(problems))
    }
}

/// Reads text that is already a Rust string (tests, the editor's clipboard).
pub fn import_str(text: &str) -> Result<Imported, Vec<Problem>> {
    import(text.as_bytes())
}

/// Rewrites `stages[3]…` to the element's index in the file when the typed
/// pass dropped an element before it (see `typed::Typed::origins`).
fn from_file_indices(mut p: Problem, origins: &[(&'static str, Vec<usize>)]) -> Problem {
    let Place::Path(path) = &p.place else { return p };
    for (list, origin) in origins {
        let Some(rest) = path.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else { continue };
        let Some((index, tail)) = rest.split_once(']') else { continue };
        if let Some(file_index) = index.parse::<usize>().ok().and_then(|i| origin.get(i)) {
            p.place = Place::Path(format!("{list}[{file_index}]{tail}"));
        }
        break;
    }
    p
}

fn cap(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem { place: Place::File, kind: ProblemKind::MoreProblems { more } });
    }
    problems
}

fn decode(bytes: &[u8]) -> Result<&str, Problem> {
    let file = |kind| Problem { place: Place::File, kind };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(file(ProblemKind::TooLarge { bytes: bytes.len(), max: MAX_FILE_BYTES }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let looks_utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || matches!((bytes.first(), bytes.get(1)), (Some(a), Some(b)) if (*a == 0) != (*b == 0));
    if looks_utf16 {
        return Err(file(ProblemKind::Utf16));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes.get(..e.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
        let (line, column) = json_line_column(good);
        Problem { place: Place::Text { line, column }, kind: ProblemKind::NotUtf8 }
    })
}

fn json_line_column(valid_prefix: &str) -> (usize, usize) {
    let line = valid_prefix.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = valid_prefix.rfind('\n').map_or(0, |i| i + 1);
    (line, valid_prefix[start..].chars().count() + 1)
}

/// Phase 3: is this a chainmap file of a version we read?
fn envelope(v: ValueRef<'_>) -> Result<Fields<'_>, Problem> {
    let Raw::Object(root) = v.raw() else {
        return Err(Problem { place: Place::File, kind: ProblemKind::NotAnObject { found: v.kind_name() } });
    };
    match v.get("format").map(ValueRef::raw) {
        Some(Raw::String("chainmap")) => {}
        Some(Raw::String(s)) => {
            let mut shown = String::new();
            json::write_string(&mut shown, &s.chars().take(40).collect::<String>());
            return Err(Problem::at("format", ProblemKind::NotChainmap { found: Some(shown) }));
        }
        Some(_) => {
            let found = v.get("format").map_or("", ValueRef::kind_name);
            return Err(Problem::at("format", ProblemKind::NotChainmap { found: Some(found.into()) }));
        }
        None => return Err(Problem::at("format", ProblemKind::NotChainmap { found: None })),
    }
    let version = v.get("version");
    match version.map(ValueRef::raw) {
        None => Err(Problem::at("version", ProblemKind::VersionMissing)),
        Some(Raw::Number(n)) => {
            let whole = n.bytes().all(|b| b.is_ascii_digit() || b == b'-');
            let n_owned = || n.to_string();
            match (whole, n.parse::<i64>()) {
                (true, Ok(1)) => Ok(root),
                (true, Ok(k)) if k > 1 => Err(Problem::at("version", ProblemKind::VersionNewer { version: n_owned() })),
                // Too big for i64 but all digits: still a newer version.
                (true, Err(_)) if !n.starts_with('-') => {
                    Err(Problem::at("version", ProblemKind::VersionNewer { version: n_owned() }))
                }
                (true, _) => Err(Problem::at("version", ProblemKind::VersionUnknown { version: n_owned() })),
                (false, _) => Err(Problem::at("version", ProblemKind::VersionNotWhole { found: n_owned() })),
            }
        }
        Some(Raw::String(s)) => {
            let mut shown = String::new();
            json::write_string(&mut shown, &s.chars().take(20).collect::<String>());
            Err(Problem::at("version", ProblemKind::VersionNotWhole { found: format!("the text {shown}") }))
        }
        Some(_) => {
            let found = version.map_or("", ValueRef::kind_name);
            Err(Problem::at("version", ProblemKind::VersionNotWhole { found: found.into() }))
        }
    }
}
