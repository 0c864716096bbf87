//! The upstream and downstream of a selected stage on a graph far beyond a
//! file's limits (FORMAT.md allows 10,000 stages; this goes to 100,000), as
//! the app computes them: the flow index is built once per document
//! (`Derived.chains`), then each selection walks it on demand.
//!
//!   node ../shared/bench/gen-dag.js --n 100000 --layers 12 --back 0.005 --seed 1 --out G.json
//!   cargo run --release --example reach_big -- G.json [--picks 100]
//!
//! The map is built straight from the graph (no file, so no limit). One JSON
//! line: the index build time, and per selection the median and maximum of
//! `reach` (stage positions only, what the diagram marks) and of `chain`
//! (the Inspector's lists: every hand-off with ids).

use std::time::Instant;

#[path = "common/args.rs"]
mod args;
use args::Args;

use chainmap::analysis::ChainIndex;
use chainmap::json::{self, Value};
use chainmap::model::{Flow, Id, Map, Stage};
use chainmap::seeded::mulberry32;

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    match v.get(key)? {
        Value::String(s) => Some(s.as_str()),
        Value::Number(n) => Some(n.as_str()),
        _ => None,
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn main() {
    let args = Args::from_env();
    let file = args.file("reach_big GRAPH.json [--picks N]");
    let picks = args.number("picks", 100);
    let source = String::from_utf8(Args::read(&file)).unwrap_or_else(|e| {
        eprintln!("{file}: {e}");
        std::process::exit(2);
    });
    let graph = json::parse(&source).unwrap_or_else(|e| {
        eprintln!("{file}: not JSON: {e:?}");
        std::process::exit(2);
    });
    let list = |key: &str| match graph.value.get(key) {
        Some(Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let mut map = Map::default();
    for n in list("nodes") {
        let Some(id) = text(&n, "id") else { continue };
        map.stages.push(Stage {
            id: Id::new(id),
            name: format!("Stage {id}"),
            phase: None,
            role: String::new(),
            external_inputs: Vec::new(),
            external_outputs: Vec::new(),
            pos: None,
            extra: Default::default(),
        });
    }
    for (i, e) in list("edges").iter().enumerate() {
        let (Some(a), Some(b)) = (text(e, "source"), text(e, "target")) else { continue };
        map.flows.push(Flow {
            id: Id::new(format!("f{i}")),
            from: Id::new(a),
            to: Id::new(b),
            artifact: String::new(),
            extra: Default::default(),
        });
    }

    let t = Instant::now();
    let index = ChainIndex::new(&map);
    let index_ms = t.elapsed().as_secs_f64() * 1e3;

    let mut next = mulberry32(42);
    let (mut reach_ms, mut chain_ms) = (Vec::new(), Vec::new());
    let (mut up, mut down) = (0usize, 0usize);
    for _ in 0..picks {
        let i = ((next() * map.stages.len() as f64) as usize).min(map.stages.len().saturating_sub(1));
        let t = Instant::now();
        let r = index.reach(i);
        reach_ms.push(t.elapsed().as_secs_f64() * 1e3);
        up += r.upstream.len();
        down += r.downstream.len();
        let Some(stage) = map.stages.get(i) else { continue };
        let t = Instant::now();
        let c = index.chain_of(&map, &stage.id);
        chain_ms.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(c);
    }
    let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    println!(
        "{{\"stages\":{},\"flows\":{},\"index_ms\":{index_ms:.2},\"picks\":{picks},\"reach_median_ms\":{:.3},\"reach_max_ms\":{:.3},\"chain_median_ms\":{:.3},\"chain_max_ms\":{:.3},\"mean_upstream\":{:.1},\"mean_downstream\":{:.1}}}",
        map.stages.len(),
        map.flows.len(),
        median(&mut reach_ms.clone()),
        max(&reach_ms),
        median(&mut chain_ms.clone()),
        max(&chain_ms),
        up as f64 / picks.max(1) as f64,
        down as f64 / picks.max(1) as f64,
    );
}
