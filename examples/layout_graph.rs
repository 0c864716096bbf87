//! Lays out a benchmark graph natively (the same code as the wasm
//! `layout_json`), for timing outside the browser and for the bench's
//! candidate hook:
//!
//!   cargo run --release --example layout_graph -- GRAPH.json [--out LAYOUT.json] [--runs 5]
//!
//! Prints one JSON line with `cold_ms` and `median_ms` (wall time of
//! `layout_graph_json`, parsing and writing included).

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut graph = None;
    let mut out = None;
    let mut runs = 5usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().cloned(),
            "--in" => graph = it.next().cloned(),
            "--runs" => runs = it.next().and_then(|r| r.parse().ok()).unwrap_or(5),
            _ => graph = Some(a.clone()),
        }
    }
    let Some(graph) = graph else {
        eprintln!("usage: layout_graph GRAPH.json [--out LAYOUT.json] [--runs N]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&graph) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{graph}: {e}");
            std::process::exit(2);
        }
    };
    let mut times = Vec::new();
    let mut last = String::new();
    for _ in 0..runs + 1 {
        let t0 = Instant::now();
        match chainmap::layout::layout_graph_json(&text) {
            Ok(s) => last = s,
            Err(e) => {
                eprintln!("{graph}: {e}");
                std::process::exit(1);
            }
        }
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    let cold = times[0];
    let mut warm = times[1..].to_vec();
    warm.sort_by(f64::total_cmp);
    let median = warm.get(warm.len() / 2).copied().unwrap_or(cold);
    if let Some(o) = out {
        if let Err(e) = std::fs::write(&o, &last) {
            eprintln!("{o}: {e}");
            std::process::exit(2);
        }
    }
    println!("{{\"cold_ms\":{cold:.2},\"median_ms\":{median:.2},\"runs\":{}}}", warm.len());
}
