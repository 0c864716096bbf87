//! Times what one edit costs the diagram on a big map, natively: the
//! first diagram, then a rename that makes one card wider and taller (its
//! name wraps to a second line: the geometry is computed again), a rename
//! that keeps its number of lines (`rename_same_size`: the card's width
//! changes, its height does not, so the vertical positions are reused),
//! a stage moved by hand, and an edit that changes nothing drawn (the
//! project's title), each through the app's `LayoutCache`
//! (src/layout/place.rs).
//!
//!   cargo run --release --example edit_big -- MAP.chainmap.json [--runs 5]

use std::time::Instant;

#[path = "common/args.rs"]
mod args;
use args::Args;

use chainmap::analysis;
use chainmap::format;
use chainmap::layout::{self, LayoutCache};
use chainmap::model::Pos;

fn main() {
    let args = Args::from_env();
    let file = args.file("edit_big MAP.chainmap.json [--runs N]");
    let runs = args.number("runs", 5);
    let bytes = Args::read(&file);
    let Ok(imported) = format::import(&bytes) else {
        eprintln!("{file}: not a valid map");
        std::process::exit(1);
    };
    let map = imported.map;
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let mut rows: Vec<[f64; 7]> = Vec::new();
    for _ in 0..runs.max(1) {
        let mut cache = LayoutCache::default();
        let t = Instant::now();
        let first = layout::diagram_with(&map, &mut cache);
        let t_first = ms(t);
        // The stage in the middle of the file.
        let k = map.stages.len() / 2;
        let mut wider = map.clone();
        if let Some(s) = wider.stages.get_mut(k) {
            s.name.push_str(" with a much longer name that wraps");
        }
        let t = Instant::now();
        let _ = layout::diagram_with(&wider, &mut cache);
        let t_wider = ms(t);
        let mut same = wider.clone();
        if let Some(s) = same.stages.get_mut(k) {
            s.role = s.role.clone();
            s.name = s.name.replace("much", "MUCH");
        }
        let t = Instant::now();
        let _ = layout::diagram_with(&same, &mut cache);
        let t_same = ms(t);
        let mut moved = same.clone();
        if let (Some(s), Some(c)) = (moved.stages.get_mut(k), first.cards.get(k)) {
            s.pos = Some(Pos { x: c.x + 40.0, y: c.y + 300.0, extra: Vec::new() });
        }
        let t = Instant::now();
        let _ = layout::diagram_with(&moved, &mut cache);
        let t_moved = ms(t);
        // An edit that changes nothing drawn (the project's title).
        let mut retitled = moved.clone();
        retitled.project.title.push_str(" (draft)");
        let t = Instant::now();
        let _ = layout::diagram_with(&retitled, &mut cache);
        let t_retitled = ms(t);
        let t = Instant::now();
        let _ = analysis::analyse(&moved);
        let t_analysis = ms(t);
        // What follows every edit in the app: the autosave's text.
        let t = Instant::now();
        let saved = format::export_compact(&moved);
        let t_autosave = ms(t);
        std::hint::black_box(saved);
        rows.push([t_first, t_wider, t_same, t_moved, t_analysis, t_retitled, t_autosave]);
    }
    let median = |k: usize| {
        let mut v: Vec<f64> = rows.iter().map(|r| r[k]).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{{\"stages\":{},\"flows\":{},\"first_ms\":{:.1},\"rename_wider_ms\":{:.1},\"rename_same_size_ms\":{:.1},\"move_one_ms\":{:.1},\"retitle_ms\":{:.1},\"analysis_ms\":{:.1},\"autosave_text_ms\":{:.1}}}",
        map.stages.len(),
        map.flows.len(),
        median(0),
        median(1),
        median(2),
        median(3),
        median(5),
        median(4),
        median(6)
    );
}
