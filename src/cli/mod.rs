//! The `chainmap` command line: the same core as the app, for supervisors
//! who check many files. `run` takes the arguments and two writers and
//! returns the exit code, so tests drive it without spawning a process.
//!
//! Exit codes (PRODUCT.md): 0 every file valid and no error-severity gap;
//! 1 every file valid but some has an error-severity gap; 2 a file is
//! invalid or cannot be read, or the call itself is wrong.

mod check;
mod exchange;
mod layout;

use std::io::Write;

use crate::format;

const USAGE: &str = "\
chainmap — value-chain maps for university–enterprise R&D projects

Usage:
  chainmap check [--json] FILE…   validate files and list their gaps
  chainmap fmt FILE [-o OUT]       rewrite a file in the canonical export form
  chainmap layout FILE [-o OUT] [--keep-placed]
                                   lay the chain out: write a position for every stage
                                   (--keep-placed: stages that have a position keep it)
  chainmap merge A B… [-o OUT] [--prefer first|last]
                                   merge B… into A by id; conflicts are listed
  chainmap brief FILE (--topic ID | --all) [--lang en|zh] [-o OUT]
                                   a topic's defense brief as Markdown
  chainmap svg FILE [-o OUT.svg] [--lang en|zh]
                                   the chain diagram as a self-contained SVG
  chainmap export FILE --to canvas|dot|mermaid|csv|svg|markdown [-o OUT] [--lang en|zh]
                                   JSON Canvas, Graphviz DOT, Mermaid, coverage CSV…
  chainmap import-canvas FILE.canvas [-o OUT]
                                   a JSON Canvas file as a map, with a report of
                                   what could not be mapped
  chainmap help                    show this text

Without -o, the result goes to standard output.

check exits with 0 when every file is valid, 1 when all are valid but some
has an error-severity gap, 2 when a file is invalid or the call is wrong.
merge exits with 1 when conflicts are left unresolved (nothing is written;
--prefer first keeps the first file's values, --prefer last takes the later
files' values), 2 when a file is invalid or the call is wrong.
";

pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some((cmd, rest)) = args.split_first() else {
        let _ = write!(err, "{USAGE}");
        return 2;
    };
    match cmd.as_str() {
        "check" => check::run(rest, out, err),
        "fmt" => fmt(rest, out, err),
        "layout" => layout::run(rest, out, err),
        "merge" => exchange::merge(rest, out, err),
        "brief" => exchange::brief(rest, out, err),
        "svg" => exchange::svg(rest, out, err),
        "export" => exchange::export_cmd(rest, out, err),
        "import-canvas" => exchange::import_canvas(rest, out, err),
        "help" | "--help" | "-h" => {
            let _ = write!(out, "{USAGE}");
            0
        }
        "--version" | "-V" => {
            let _ = writeln!(out, "chainmap {}", env!("CARGO_PKG_VERSION"));
            0
        }
        other => usage_error(err, &format!("unknown command '{other}'")),
    }
}

fn usage_error(err: &mut dyn Write, what: &str) -> i32 {
    let _ = writeln!(err, "chainmap: {what}\n\n{USAGE}");
    2
}

/// Reads a file, or returns the words for why it could not be read.
pub(crate) fn read(path: &str) -> Result<Vec<u8>, String> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err("is a folder, not a file".into()),
        Ok(m) if m.len() > format::MAX_FILE_BYTES as u64 + 16 => {
            // Don't read a huge file only to reject it.
            return Err(format!(
                "the file is {:.1} MiB; a chainmap file is at most {} MiB",
                m.len() as f64 / 1048576.0,
                format::MAX_FILE_BYTES / 1048576
            ));
        }
        _ => {}
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    })
}

fn fmt(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut file = None;
    let mut output = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => match it.next() {
                Some(o) => output = Some(o.clone()),
                None => return usage_error(err, "-o needs a file name"),
            },
            s if s.starts_with('-') && s != "-" => return usage_error(err, &format!("unknown option '{s}' for fmt")),
            s if file.is_none() => file = Some(s.to_string()),
            _ => return usage_error(err, "fmt takes one file"),
        }
    }
    let Some(file) = file else { return usage_error(err, "fmt needs a file") };
    let bytes = match read(&file) {
        Ok(b) => b,
        Err(why) => {
            let _ = writeln!(err, "{file}: cannot read: {why}");
            return 2;
        }
    };
    let imported = match format::import(&bytes) {
        Ok(i) => i,
        Err(problems) => {
            let _ = writeln!(err, "{file}: not rewritten, the file is invalid:");
            for p in &problems {
                let _ = writeln!(err, "  {p}");
            }
            return 2;
        }
    };
    let text = format::export(&imported.map);
    write_result(&text, output, out, err)
}

/// Writes a command's result to `-o OUT`, or to standard output; the exit code.
pub(crate) fn write_result(text: &str, output: Option<String>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match output {
        Some(path) => match std::fs::write(&path, text) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "{path}: cannot write: {e}");
                2
            }
        },
        None => match out.write_all(text.as_bytes()) {
            Ok(()) => 0,
            Err(_) => 2,
        },
    }
}
