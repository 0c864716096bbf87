//! In-browser tests (wasm-bindgen-test, headless chromium):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
//! Placeholder that proves the harness: the file format round-trips inside
//! the browser's wasm runtime exactly as it does natively.
#![cfg(target_arch = "wasm32")]

use chainmap::format::{export, import_str};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOC: &str = r#"{
  "format": "chainmap",
  "version": 1,
  "project": {
    "title": "铝合金 / Al alloy",
    "phases": [{ "id": "lab", "name": "实验室研究" }, { "id": "pilot", "name": "中试" }]
  },
  "stages": [
    { "id": "comp", "name": "Composition design", "phase": "lab", "pos": { "x": 0.1, "y": -12.5 } },
    { "id": "cast", "name": "Casting trials", "phase": "pilot", "x_newer_field": [1, 2, 3] }
  ],
  "flows": [{ "id": "f1", "from": "comp", "to": "cast", "artifact": "alloy recipe" }]
}
"#;

#[wasm_bindgen_test]
fn import_export_round_trip_in_the_browser() {
    let first = import_str(DOC).expect("the document imports");
    assert_eq!(first.map.project.title, "铝合金 / Al alloy");
    assert_eq!(first.map.stages.len(), 2);
    let out = export(&first.map);
    let second = import_str(&out).expect("the export imports again");
    assert_eq!(second.map, first.map);
    assert_eq!(export(&second.map), out, "export is deterministic");
    assert!(out.contains("x_newer_field"), "unknown fields are kept");
}

#[wasm_bindgen_test]
fn broken_file_is_rejected_in_the_browser() {
    assert!(import_str("{\"format\": \"chainmap\", ").is_err());
}
