//! Imports and analyses a chainmap file natively, as `analyse_json` of the
//! wasm module does (bench_api.rs), and prints the times:
//!
//!   cargo run --release --example analyse_file -- MAP.chainmap.json [--runs 5]
//!
//! One JSON line: `import_ms` (parse + checks), `analysis_ms` (every gap and
//! coverage), `updown_ms` (upstream and downstream of 100 seeded stages),
//! `total_ms` (median of each over the runs) and the counts.

use std::time::Instant;

#[path = "common/args.rs"]
mod args;
use args::Args;

use chainmap::analysis::{self, ChainIndex};
use chainmap::format;
use chainmap::seeded::mulberry32;

fn main() {
    let args = Args::from_env();
    let file = args.file("analyse_file MAP.chainmap.json [--runs N]");
    let runs = args.number("runs", 5);
    let bytes = Args::read(&file);
    let mut times: Vec<[f64; 4]> = Vec::new();
    let mut counts = String::new();
    for _ in 0..runs.max(1) {
        let t0 = Instant::now();
        let map = match format::import(&bytes) {
            Ok(i) => i.map,
            Err(p) => {
                eprintln!("{file}: invalid ({} problems)", p.len());
                std::process::exit(1);
            }
        };
        let t1 = Instant::now();
        let a = analysis::analyse(&map);
        let t2 = Instant::now();
        let index = ChainIndex::new(&map);
        let mut next = mulberry32(42);
        let (mut up, mut down) = (0usize, 0usize);
        for _ in 0..100 {
            let r = index.reach((next() * map.stages.len() as f64) as usize);
            up += r.upstream.len();
            down += r.downstream.len();
        }
        let t3 = Instant::now();
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
        times.push([ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t0, t3)]);
        counts = format!(
            "\"stages\":{},\"flows\":{},\"gaps\":{},\"mean_upstream\":{:.1},\"mean_downstream\":{:.1}",
            map.stages.len(),
            map.flows.len(),
            a.gaps.len(),
            up as f64 / 100.0,
            down as f64 / 100.0
        );
    }
    let median = |k: usize| {
        let mut v: Vec<f64> = times.iter().map(|t| t[k]).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{{\"tool\":\"chainmap-native-analysis\",\"runs\":{},\"import_ms\":{:.2},\"analysis_ms\":{:.2},\"updown_ms\":{:.2},\"total_ms\":{:.2},{counts}}}",
        times.len(),
        median(0),
        median(1),
        median(2),
        median(3)
    );
}
