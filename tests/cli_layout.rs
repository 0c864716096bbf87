//! `chainmap layout FILE [-o OUT] [--keep-placed]`: a position for every
//! stage, the same as the diagram's cards; the rest of the file unchanged.

use std::process::{Command, Output};

mod common;

use common::scratch::Scratch;

use chainmap::format::{export, import_str};
use chainmap::layout;

fn chainmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap")).args(args).output().expect("chainmap runs")
}

const MAP: &str = r#"{"format": "chainmap", "version": 1,
  "project": {"title": "T", "phases": [{"id": "lab", "name": "Lab"}, {"id": "pilot", "name": "Pilot"}]},
  "stages": [
    {"id": "a", "name": "Alloy design", "phase": "lab"},
    {"id": "b", "name": "Casting", "phase": "pilot", "pos": {"x": 900, "y": 700, "note": "kept"}},
    {"id": "c", "name": "Heat treatment", "phase": "pilot"}],
  "flows": [{"id": "f1", "from": "a", "to": "b", "artifact": "alloy"}, {"id": "f2", "from": "b", "to": "c"},
            {"id": "f3", "from": "c", "to": "a", "artifact": "scrap"}]}"#;

#[test]
fn layout_writes_the_diagram_positions_for_every_stage() {
    let tmp = Scratch::new("cli-layout-writes");
    let input = tmp.path("in.chainmap.json");
    std::fs::write(&input, MAP).expect("write");
    let out = tmp.path("out.chainmap.json");
    let r = chainmap(&["layout", input.to_str().expect("path"), "-o", out.to_str().expect("path")]);
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stderr));
    let text = std::fs::read_to_string(&out).expect("written");
    let laid = import_str(&text).expect("the output imports").map;
    let original = import_str(MAP).expect("valid").map;
    let mut fresh = original.clone();
    for s in &mut fresh.stages {
        s.pos = None;
    }
    let d = layout::diagram(&fresh);
    for (s, c) in laid.stages.iter().zip(&d.cards) {
        let p = s.pos.as_ref().expect("every stage has a position");
        assert_eq!((p.x, p.y), (c.x.round(), c.y.round()), "{}", s.id);
    }
    // Unknown fields on a position stay; everything else is as it was.
    assert!(text.contains("\"note\": \"kept\""));
    let mut same = laid.clone();
    for (s, o) in same.stages.iter_mut().zip(&original.stages) {
        s.pos = o.pos.clone();
    }
    assert_eq!(export(&same), export(&original));
    // The file laid out draws exactly as the map did.
    assert_eq!(layout::diagram(&laid).cards, d.cards);
}

#[test]
fn keep_placed_leaves_hand_placed_stages_where_they_are() {
    let tmp = Scratch::new("cli-layout-keep");
    let input = tmp.path("keep.chainmap.json");
    std::fs::write(&input, MAP).expect("write");
    let r = chainmap(&["layout", input.to_str().expect("path"), "--keep-placed"]);
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stderr));
    let laid = import_str(&String::from_utf8_lossy(&r.stdout)).expect("stdout is a map").map;
    let b = laid.stages.iter().find(|s| s.id.as_str() == "b").expect("b");
    let p = b.pos.as_ref().expect("b placed");
    assert_eq!((p.x, p.y), (900.0, 700.0));
    assert!(laid.stages.iter().all(|s| s.pos.is_some()));
}

#[test]
fn layout_refuses_bad_calls_and_invalid_files() {
    assert_eq!(chainmap(&["layout"]).status.code(), Some(2));
    assert_eq!(chainmap(&["layout", "a", "b"]).status.code(), Some(2));
    assert_eq!(chainmap(&["layout", "--bogus", "x"]).status.code(), Some(2));
    assert_eq!(chainmap(&["layout", "/no/such/file.json"]).status.code(), Some(2));
    let tmp = Scratch::new("cli-layout-refuses");
    let bad = tmp.path("bad.chainmap.json");
    std::fs::write(&bad, "{\"format\": \"chainmap\"").expect("write");
    let r = chainmap(&["layout", bad.to_str().expect("path")]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("not laid out"));
}
