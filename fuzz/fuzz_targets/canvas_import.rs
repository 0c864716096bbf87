//! Any text → JSON Canvas import (`export::from_canvas`). Never panics; an
//! accepted canvas gives a valid map that exports and imports again, and
//! exporting it as a canvas and reading that back works too.
#![no_main]

use chainmap::export::{from_canvas, to_canvas};
use chainmap::format::{export, import, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(got) = from_canvas(text) else { return };
    let problems = validate::check(&got.map);
    assert!(problems.is_empty(), "a canvas gave an invalid map: {problems:?}");
    let first = export(&got.map);
    let again = import(first.as_bytes()).expect("a canvas map's export imports");
    assert_eq!(export(&again.map), first, "a canvas map does not round-trip");
    let canvas = to_canvas(&got.map);
    let back = from_canvas(&canvas).expect("our own canvas export reads back");
    assert_eq!(back.map.stages.len(), got.map.stages.len(), "stages lost through our own canvas");
});
