//! How much a small edit moves the rest of the diagram: the layout must
//! be deterministic (same map, same picture) and yet an added flow or
//! stage should not reorder the columns around it.
//!
//! For maps of real size (the templates, and chain-like maps of 8–60
//! stages in 2–5 phases), every edit of four kinds is applied in turn
//! (a stage added, fed by an existing one; a forward flow added; a flow
//! deleted; a stage deleted) and the diagrams before and after compared:
//!
//! - `flipped`: pairs of untouched stages drawn in the same column both
//!   times whose top-to-bottom order is reversed (what reads as "the
//!   column was reordered");
//! - `moved`: untouched cards that moved more than 40 px once the whole
//!   drawing's shift (the median move) is taken out.
//!
//!   cargo run --release --example stability [-- --maps 40]

#[path = "common/args.rs"]
#[allow(dead_code)] // only the numeric options are used here
mod args;
use args::Args;

use chainmap::layout::{self, Diagram};
use chainmap::model::{Flow, Id, Map, Phase, Stage};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WORDS: &[&str] =
    &["alloy", "casting", "heat treatment", "die design", "fatigue tests", "铝合金", "sand", "pilot"];

fn stage(id: String, name: String, phase: Option<Id>) -> Stage {
    Stage {
        id: Id::new(id),
        name,
        phase,
        role: String::new(),
        external_inputs: Vec::new(),
        external_outputs: Vec::new(),
        pos: None,
        extra: Vec::new(),
    }
}

fn flow(id: String, from: &Id, to: &Id, artifact: &str) -> Flow {
    Flow { id: Id::new(id), from: from.clone(), to: to.clone(), artifact: artifact.to_string(), extra: Vec::new() }
}

/// Shaped like a real value chain: stages in phase order, each fed by one
/// of the few before it, extra short forward flows, a loop or two.
fn chain_like(seed: u64, n: usize, phases: usize) -> Map {
    let mut r = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let mut map = Map::default();
    map.project.title = "t".into();
    for p in 0..phases {
        map.project.phases.push(Phase { id: Id::new(format!("p{p}")), name: format!("Phase {p}"), extra: Vec::new() });
    }
    for i in 0..n {
        let words: Vec<&str> = (0..1 + r.below(4)).map(|_| WORDS[r.below(WORDS.len())]).collect();
        map.stages.push(stage(format!("s{i}"), words.join(" "), Some(Id::new(format!("p{}", i * phases / n)))));
    }
    let ids: Vec<Id> = map.stages.iter().map(|s| s.id.clone()).collect();
    for i in 1..n {
        let from = i - 1 - r.below(i.min(3));
        map.flows.push(flow(format!("f{i}"), &ids[from], &ids[i], WORDS[r.below(WORDS.len())]));
    }
    for k in 0..n / 4 {
        let a = r.below(n - 1);
        let b = a + 1 + r.below((n - 1 - a).min(4));
        map.flows.push(flow(format!("x{k}"), &ids[a], &ids[b], ""));
    }
    for k in 0..1 + r.below(2) {
        let a = n / 2 + r.below(n / 2);
        let b = r.below(n / 2);
        map.flows.push(flow(format!("back{k}"), &ids[a], &ids[b], "reclaimed"));
    }
    map
}

/// The edits tried on `map`, each with the stages it touches.
fn edits(map: &Map, r: &mut Rng) -> Vec<(&'static str, Map, Vec<Id>)> {
    let mut out = Vec::new();
    let n = map.stages.len();
    for _ in 0..3 {
        let mut m = map.clone();
        let feeder = map.stages[r.below(n)].clone();
        m.stages.push(stage("new".into(), "New stage".into(), feeder.phase.clone()));
        m.flows.push(flow("fnew".into(), &feeder.id, &Id::new("new"), "sample"));
        out.push(("add stage", m, vec![feeder.id, Id::new("new")]));
    }
    for _ in 0..3 {
        let a = r.below(n - 1);
        let b = a + 1 + r.below((n - 1 - a).min(6));
        let (from, to) = (map.stages[a].id.clone(), map.stages[b].id.clone());
        let mut m = map.clone();
        m.flows.push(flow("fnew".into(), &from, &to, "data"));
        out.push(("add flow", m, vec![from, to]));
    }
    for _ in 0..3 {
        let k = r.below(map.flows.len());
        let mut m = map.clone();
        let f = m.flows.remove(k);
        out.push(("delete flow", m, vec![f.from, f.to]));
    }
    for _ in 0..3 {
        let k = r.below(n);
        let mut m = map.clone();
        let s = m.stages.remove(k);
        let mut touched = vec![s.id.clone()];
        m.flows.retain(|f| {
            let hit = f.from == s.id || f.to == s.id;
            if hit {
                touched.push(if f.from == s.id { f.to.clone() } else { f.from.clone() });
            }
            !hit
        });
        out.push(("delete stage", m, touched));
    }
    out
}

/// (flipped pairs, moved cards, untouched cards) between two diagrams.
fn compare(before: &Diagram, after: &Diagram, touched: &[Id]) -> (usize, usize, usize) {
    let pairs: Vec<(&layout::Card, &layout::Card)> = before
        .cards
        .iter()
        .filter(|c| !touched.contains(&c.stage))
        .filter_map(|c| after.cards.iter().find(|a| a.stage == c.stage).map(|a| (c, a)))
        .collect();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    let mx = median(pairs.iter().map(|(b, a)| a.x - b.x).collect());
    let my = median(pairs.iter().map(|(b, a)| a.y - b.y).collect());
    let moved = pairs.iter().filter(|(b, a)| (a.x - b.x - mx).abs() > 40.0 || (a.y - b.y - my).abs() > 40.0).count();
    let same_column = |p: &layout::Card, q: &layout::Card| (p.x + p.w / 2.0 - q.x - q.w / 2.0).abs() < 1.0;
    let mut flipped = 0;
    for (i, (b1, a1)) in pairs.iter().enumerate() {
        for (b2, a2) in pairs.iter().skip(i + 1) {
            if same_column(b1, b2) && same_column(a1, a2) && (b1.y < b2.y) != (a1.y < a2.y) {
                flipped += 1;
            }
        }
    }
    (flipped, moved, pairs.len())
}

fn main() {
    let args = Args::from_env();
    let maps = args.number("maps", 40);
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    // kind → (edits, edits with a flip, flipped pairs, moved, untouched)
    let kinds = ["add stage", "add flow", "delete flow", "delete stage"];
    let mut rows = [[0usize; 5]; 4];
    for k in 0..maps {
        let n = 8 + (k * 53) % 53;
        let map = chain_like(1000 + k as u64, n, 2 + k % 4);
        let before = layout::diagram(&map);
        for (kind, edited, touched) in edits(&map, &mut r) {
            let after = layout::diagram(&edited);
            let (flipped, moved, untouched) = compare(&before, &after, &touched);
            let row = &mut rows[kinds.iter().position(|x| *x == kind).unwrap_or(0)];
            row[0] += 1;
            row[1] += usize::from(flipped > 0);
            row[2] += flipped;
            row[3] += moved;
            row[4] += untouched;
        }
    }
    println!("| edit | edits | edits that reorder a column | flipped pairs per edit | untouched cards moved > 40 px |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (kind, row) in kinds.iter().zip(rows) {
        println!(
            "| {kind} | {} | {} ({:.0} %) | {:.2} | {:.1} % |",
            row[0],
            row[1],
            100.0 * row[1] as f64 / row[0].max(1) as f64,
            row[2] as f64 / row[0].max(1) as f64,
            100.0 * row[3] as f64 / row[4].max(1) as f64
        );
    }
}
