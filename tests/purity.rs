//! The pure core never names the browser or UI crates (ARCHITECTURE.md,
//! "Pure core, thin UI"): only `src/app/` and the entry points may.

use std::path::Path;

const CORE: &[&str] =
    &["json", "model", "format", "analysis", "layout", "editor", "i18n", "templates", "cli", "merge", "export"];
const FORBIDDEN: &[&str] = &["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Does `line` use `name` as a path or crate (`yew::`, `use yew`, `extern crate yew`)?
fn names_crate(line: &str, name: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = &code[i + name.len()..];
        let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        starts_word
            && (after.starts_with("::")
                || code.trim_start().starts_with("use ") && after.starts_with([';', ' ', ',', '}']))
    })
}

#[test]
fn core_modules_never_name_ui_or_browser_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    for module in CORE {
        let dir = src.join(module);
        assert!(dir.is_dir(), "core module folder src/{module} is missing");
        let mut files = Vec::new();
        rust_files(&dir, &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable file");
            for (n, line) in text.lines().enumerate() {
                for name in FORBIDDEN {
                    if names_crate(line, name) {
                        offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(offenders.is_empty(), "UI/browser crates named in the pure core:\n{}", offenders.join("\n"));
}

#[test]
fn the_check_itself_catches_a_forbidden_use() {
    assert!(names_crate("use yew::prelude::*;", "yew"));
    assert!(names_crate("    let w = web_sys::window();", "web_sys"));
    assert!(names_crate("use gloo;", "gloo"));
    assert!(!names_crate("// yew::html is not used here", "yew"));
    assert!(!names_crate("let yewish = 1;", "yew"));
    assert!(!names_crate("let my_gloo::x = 1;", "gloo"));
}
