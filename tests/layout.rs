//! The diagram layout as the app and the CLI use it: properties that hold
//! for any map (no overlaps, cards in their lanes, lanes in phase order,
//! determinism, back flows only for loops, hand-placed stages kept, every
//! flow routed around the cards), and a short quality check of the generic
//! bench entry (`layout_graph_json`) against a naive ordering. Timing is
//! left to the benchmark (`scripts/bench.sh`), not to tests.

use chainmap::format::import_str;
use chainmap::layout::{self, Card, Diagram};
use chainmap::model::Map;
use serde_json::Value;

/// A small deterministic generator (xorshift), so the maps are the same on every run.
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
    &["alloy", "casting", "heat treatment", "die design", "fatigue tests", "通用航空发动机", "铝合金", "sand", "x"];

/// A map with `n` stages over `phases` phases (some stages without one),
/// flows mostly forward, some into earlier phases, some closing loops.
fn random_map(seed: u64, n: usize, phases: usize, flows: usize) -> Map {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let phase_list: Vec<String> = (0..phases).map(|p| format!(r#"{{"id":"p{p}","name":"Phase {p}"}}"#)).collect();
    let mut stages = Vec::new();
    let mut phase_of = Vec::new();
    for i in 0..n {
        let words = 1 + r.below(6);
        let name: Vec<&str> = (0..words).map(|_| WORDS[r.below(WORDS.len())]).collect();
        let phase = if phases > 0 && r.below(8) != 0 { Some(r.below(phases)) } else { None };
        phase_of.push(phase);
        let phase_field = phase.map(|p| format!(r#","phase":"p{p}""#)).unwrap_or_default();
        stages.push(format!(r#"{{"id":"s{i}","name":"{}"{phase_field}}}"#, name.join(" ")));
    }
    let mut flow_list = Vec::new();
    // A flow from a stage to itself is invalid in a map.
    for f in 0..if n > 1 { flows } else { 0 } {
        let a = r.below(n);
        let b = (a + 1 + r.below(n - 1)) % n;
        let artifact = if r.below(3) == 0 { String::new() } else { WORDS[r.below(WORDS.len())].to_string() };
        flow_list.push(format!(r#"{{"id":"f{f}","from":"s{a}","to":"s{b}","artifact":"{artifact}"}}"#));
    }
    let text = format!(
        r#"{{"format":"chainmap","version":1,"project":{{"title":"t","phases":[{}]}},"stages":[{}],"flows":[{}]}}"#,
        phase_list.join(","),
        stages.join(","),
        flow_list.join(",")
    );
    import_str(&text).map(|i| i.map).unwrap_or_else(|e| panic!("generator made an invalid map: {e:?}"))
}

fn overlaps(a: &Card, b: &Card) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// The points of an SVG path made of M, L and C commands, curves sampled.
fn path_points(d: &str) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut nums: Vec<f64> = Vec::new();
    let mut cmd = ' ';
    let flush = |cmd: char, nums: &mut Vec<f64>, out: &mut Vec<(f64, f64)>| {
        match cmd {
            'M' | 'L' => {
                for p in nums.chunks(2) {
                    out.push((p[0], p[1]));
                }
            }
            'C' => {
                for c in nums.chunks(6) {
                    let p0 = *out.last().expect("a curve follows a point");
                    for k in 1..=16 {
                        let t = k as f64 / 16.0;
                        let u = 1.0 - t;
                        let bx = u * u * u * p0.0 + 3.0 * u * u * t * c[0] + 3.0 * u * t * t * c[2] + t * t * t * c[4];
                        let by = u * u * u * p0.1 + 3.0 * u * u * t * c[1] + 3.0 * u * t * t * c[3] + t * t * t * c[5];
                        out.push((bx, by));
                    }
                }
            }
            _ => {}
        }
        nums.clear();
    };
    for token in d.split([' ', ',']).filter(|t| !t.is_empty()) {
        let (head, rest) = token.split_at(if token.starts_with(|c: char| c.is_ascii_alphabetic()) { 1 } else { 0 });
        if !head.is_empty() {
            flush(cmd, &mut nums, &mut out);
            cmd = head.chars().next().unwrap_or(' ');
        }
        if !rest.is_empty() {
            nums.push(rest.parse().expect("a number in the path"));
        }
    }
    flush(cmd, &mut nums, &mut out);
    out
}

/// Does the segment a–b pass through the inside of card c (shrunk by 3 px)?
fn cuts(c: &Card, a: (f64, f64), b: (f64, f64)) -> bool {
    let (x0, y0, x1, y1) = (c.x + 3.0, c.y + 3.0, c.x + c.w - 3.0, c.y + c.h - 3.0);
    (0..=8).any(|k| {
        let t = k as f64 / 8.0;
        let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        x > x0 && x < x1 && y > y0 && y < y1
    })
}

fn check_diagram(map: &Map, d: &Diagram, what: &str) {
    assert_eq!(d.cards.len(), map.stages.len(), "{what}: a card per stage");
    assert_eq!(d.flows.len(), map.flows.len(), "{what}: a path per flow");
    for (i, a) in d.cards.iter().enumerate() {
        assert!(
            a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= d.width && a.y + a.h <= d.height,
            "{what}: {} outside",
            a.stage
        );
        for b in &d.cards[i + 1..] {
            assert!(!overlaps(a, b), "{what}: {} overlaps {}", a.stage, b.stage);
        }
    }
    // Cards sit in the lane of their phase, and lanes follow the phase order.
    for c in &d.cards {
        let phase = map.stages[c.index].phase.clone();
        let lane =
            d.lanes.iter().find(|l| l.phase == phase).unwrap_or_else(|| panic!("{what}: no lane for {}", c.stage));
        assert!(c.x >= lane.x && c.x + c.w <= lane.x + lane.width, "{what}: {} outside its lane", c.stage);
    }
    for w in d.lanes.windows(2) {
        assert!(w[0].x + w[0].width <= w[1].x, "{what}: lanes out of order or overlapping");
    }
    let phases: Vec<_> = map.project.phases.iter().map(|p| Some(p.id.clone())).collect();
    let lane_phases: Vec<_> = d.lanes.iter().map(|l| l.phase.clone()).filter(|p| p.is_some()).collect();
    assert_eq!(lane_phases, phases, "{what}: a lane per phase, in order");
    // Flows never pass through a card other than their own two.
    for f in &d.flows {
        assert!(f.d.starts_with('M'), "{what}: flow {} has no path", f.flow);
        let flow = &map.flows[f.index];
        let pts = path_points(&f.d);
        for c in d.cards.iter().filter(|c| c.stage != flow.from && c.stage != flow.to) {
            for w in pts.windows(2) {
                assert!(!cuts(c, w[0], w[1]), "{what}: flow {} cuts through {}", f.flow, c.stage);
            }
        }
    }
    // Labels overlap neither each other nor a card.
    let labels: Vec<_> = d.flows.iter().filter_map(|f| f.label).collect();
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let apart = (a.0 - b.0).abs() >= (a.2 + b.2) / 2.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1;
            assert!(apart, "{what}: labels overlap: {a:?} {b:?}");
        }
        for c in &d.cards {
            let apart = a.0 + a.2 / 2.0 <= c.x || a.0 - a.2 / 2.0 >= c.x + c.w || a.1 + a.3 <= c.y || a.1 >= c.y + c.h;
            assert!(apart, "{what}: a label covers {}", c.stage);
        }
    }
}

#[test]
fn random_maps_have_no_overlaps_and_every_flow_goes_around_the_cards() {
    for seed in 0..40 {
        let n = 1 + (seed as usize * 7) % 45;
        let map = random_map(seed, n, (seed % 5) as usize, n + (seed as usize % 3) * n / 2);
        let d = layout::diagram(&map);
        check_diagram(&map, &d, &format!("seed {seed}"));
        assert_eq!(d, layout::diagram(&map), "seed {seed}: deterministic");
        let chain = chain_like_map(seed, 5 + seed as usize * 2, 1 + seed as usize % 5);
        check_diagram(&chain, &layout::diagram(&chain), &format!("chain {seed}"));
    }
}

#[test]
fn back_flows_are_exactly_the_loops_and_the_flows_into_earlier_phases() {
    for seed in 0..30 {
        let map = random_map(100 + seed, 25, 3, 40);
        let d = layout::diagram(&map);
        let phase_rank = |s: &str| {
            let st = map.stages.iter().find(|x| x.id.as_str() == s).expect("stage");
            st.phase.as_ref().and_then(|p| map.project.phases.iter().position(|q| &q.id == p)).unwrap_or(usize::MAX)
        };
        for f in &d.flows {
            let flow = &map.flows[f.index];
            let (a, b) = (phase_rank(flow.from.as_str()), phase_rank(flow.to.as_str()));
            if b < a {
                assert!(f.back, "seed {seed}: {} goes into an earlier phase", f.flow);
            }
            if f.back && b >= a && flow.from != flow.to {
                // A back flow inside the reading order must close a loop: its target reaches its source.
                assert!(
                    reaches(&map, flow.to.as_str(), flow.from.as_str()),
                    "seed {seed}: {} is back but no loop",
                    f.flow
                );
            }
        }
    }
    // A map without loops, phases in order: no back flows at all.
    let chain = random_chain(30);
    assert!(layout::diagram(&chain).flows.iter().all(|f| !f.back));
}

fn reaches(map: &Map, from: &str, to: &str) -> bool {
    let mut seen = vec![from.to_string()];
    let mut k = 0;
    while k < seen.len() {
        let cur = seen[k].clone();
        k += 1;
        if cur == to {
            return true;
        }
        for f in map.flows.iter().filter(|f| f.from.as_str() == cur) {
            if !seen.iter().any(|s| s == f.to.as_str()) {
                seen.push(f.to.to_string());
            }
        }
    }
    false
}

/// A chain s0 → s1 → … with a few forward shortcuts, no phases.
fn random_chain(n: usize) -> Map {
    let stages: Vec<String> = (0..n).map(|i| format!(r#"{{"id":"s{i}","name":"Stage {i}"}}"#)).collect();
    let mut flows: Vec<String> =
        (1..n).map(|i| format!(r#"{{"id":"f{i}","from":"s{}","to":"s{i}"}}"#, i - 1)).collect();
    for i in (0..n.saturating_sub(3)).step_by(4) {
        flows.push(format!(r#"{{"id":"g{i}","from":"s{i}","to":"s{}"}}"#, i + 3));
    }
    let text = format!(
        r#"{{"format":"chainmap","version":1,"project":{{"title":"t"}},"stages":[{}],"flows":[{}]}}"#,
        stages.join(","),
        flows.join(",")
    );
    import_str(&text).expect("valid chain").map
}

/// A map shaped like a real value chain: stages in phase order, each fed
/// by one of the few stages before it, some extra forward flows and a
/// recycling loop or two.
fn chain_like_map(seed: u64, n: usize, phases: usize) -> Map {
    let mut r = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let phase_list: Vec<String> = (0..phases).map(|p| format!(r#"{{"id":"p{p}","name":"Phase {p}"}}"#)).collect();
    let stages: Vec<String> = (0..n)
        .map(|i| {
            let words: Vec<&str> = (0..1 + r.below(5)).map(|_| WORDS[r.below(WORDS.len())]).collect();
            format!(r#"{{"id":"s{i}","name":"{}","phase":"p{}"}}"#, words.join(" "), i * phases / n)
        })
        .collect();
    let mut flows = Vec::new();
    for i in 1..n {
        let from = i - 1 - r.below(i.min(3));
        flows.push(format!(
            r#"{{"id":"f{i}","from":"s{from}","to":"s{i}","artifact":"{}"}}"#,
            WORDS[r.below(WORDS.len())]
        ));
    }
    for k in 0..n / 4 {
        let a = r.below(n - 1);
        let b = a + 1 + r.below((n - 1 - a).min(4));
        flows.push(format!(r#"{{"id":"x{k}","from":"s{a}","to":"s{b}"}}"#));
    }
    for k in 0..1 + r.below(2) {
        let a = n / 2 + r.below(n / 2);
        let b = r.below(n / 2);
        flows.push(format!(r#"{{"id":"back{k}","from":"s{a}","to":"s{b}","artifact":"reclaimed"}}"#));
    }
    let text = format!(
        r#"{{"format":"chainmap","version":1,"project":{{"title":"t","phases":[{}]}},"stages":[{}],"flows":[{}]}}"#,
        phase_list.join(","),
        stages.join(","),
        flows.join(",")
    );
    import_str(&text).map(|i| i.map).unwrap_or_else(|e| panic!("generator made an invalid map: {e:?}"))
}

#[test]
fn stages_placed_by_hand_keep_their_place_and_the_rest_make_room() {
    for seed in 0..20 {
        let mut map = random_map(200 + seed, 20, 3, 30);
        let auto = layout::diagram(&map);
        // Drop one stage onto another one's place, and pin a second one far away.
        let (a, b) = (seed as usize % 20, (seed as usize + 7) % 20);
        let target = &auto.cards[b];
        map.stages[a].pos = Some(chainmap::model::Pos { x: target.x + 10.0, y: target.y + 5.0, extra: Vec::new() });
        let c = (seed as usize + 3) % 20;
        if c != a {
            map.stages[c].pos = Some(chainmap::model::Pos { x: 5.0, y: 900.0, extra: Vec::new() });
        }
        let d = layout::diagram(&map);
        assert_eq!((d.cards[a].x, d.cards[a].y), (target.x + 10.0, target.y + 5.0), "seed {seed}: placed stays");
        for (i, x) in d.cards.iter().enumerate() {
            for y in &d.cards[i + 1..] {
                assert!(!overlaps(x, y), "seed {seed}: {} overlaps {}", x.stage, y.stage);
            }
        }
        for f in &d.flows {
            let flow = &map.flows[f.index];
            assert!(f.d.starts_with('M'), "seed {seed}: {} not routed", flow.id);
        }
        // Stages not placed by hand and not in the way stay where the layout put them.
        let still =
            (0..20).filter(|&i| i != a && i != c && (d.cards[i].x, d.cards[i].y) == (auto.cards[i].x, auto.cards[i].y));
        assert!(still.count() >= 12, "seed {seed}: a hand-placed stage moved too many others");
    }
}

#[test]
fn auto_positions_reproduce_the_layout() {
    let map = random_map(7, 30, 3, 40);
    let d = layout::diagram(&map);
    let pos = layout::auto_positions(&map, false);
    assert_eq!(pos.len(), map.stages.len());
    for ((id, x, y), c) in pos.iter().zip(&d.cards) {
        assert_eq!((id, *x, *y), (&c.stage, c.x, c.y));
    }
    // Writing the positions back changes nothing, flows included.
    let mut placed = map.clone();
    for (s, (_, x, y)) in placed.stages.iter_mut().zip(&pos) {
        s.pos = Some(chainmap::model::Pos { x: *x, y: *y, extra: Vec::new() });
    }
    assert_eq!(layout::diagram(&placed), d);
}

// ---- the generic bench entry ------------------------------------------------

/// A layered random DAG in the bench format, ids shuffled (like gen-dag.js).
fn bench_graph(seed: u64, n: usize, layers: usize) -> String {
    let mut r = Rng(seed | 1);
    let layer_of: Vec<usize> = (0..n).map(|i| i * layers / n).collect();
    let perm: Vec<usize> = {
        let mut p: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = r.below(i + 1);
            p.swap(i, j);
        }
        p
    };
    let nodes: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"n{}","w":{},"h":{}}}"#, perm[i], 80 + r.below(120), 36 + r.below(36)))
        .collect();
    let mut edges = Vec::new();
    for v in 0..n {
        if layer_of[v] == 0 {
            continue;
        }
        let prev: Vec<usize> = (0..n).filter(|&u| layer_of[u] + 1 == layer_of[v]).collect();
        for _ in 0..1 + r.below(2) {
            // Mostly a near neighbour in the previous layer, so a good ordering exists.
            let centre = (v - layer_of[v] * n / layers) * prev.len() / (n / layers).max(1);
            let k = (centre + r.below(5)).saturating_sub(2).min(prev.len() - 1);
            edges.push(format!(r#"{{"source":"n{}","target":"n{}"}}"#, perm[prev[k]], perm[v]));
        }
    }
    format!(r#"{{"nodes":[{}],"edges":[{}]}}"#, nodes.join(","), edges.join(","))
}

type Seg = ((f64, f64), (f64, f64));
/// A laid-out node: id, centre x and y, width, height.
type Node = (String, f64, f64, f64, f64);
/// A routed edge: source, target, points.
type Edge = (String, String, Vec<(f64, f64)>);

/// Crossings as the bench counts them: proper intersections of segments of
/// two edges that share no node.
fn crossings(edges: &[Edge]) -> usize {
    let segs: Vec<(usize, Seg)> =
        edges.iter().enumerate().flat_map(|(i, (_, _, p))| p.windows(2).map(move |w| (i, (w[0], w[1])))).collect();
    let mut count = 0;
    for (k, (i, p)) in segs.iter().enumerate() {
        for (j, q) in &segs[k + 1..] {
            let (a, b) = (&edges[*i], &edges[*j]);
            if i == j || a.0 == b.0 || a.0 == b.1 || a.1 == b.0 || a.1 == b.1 {
                continue;
            }
            let (r, s) = ((p.1 .0 - p.0 .0, p.1 .1 - p.0 .1), (q.1 .0 - q.0 .0, q.1 .1 - q.0 .1));
            let den = r.0 * s.1 - r.1 * s.0;
            if den.abs() < 1e-12 {
                continue;
            }
            let (qx, qy) = (q.0 .0 - p.0 .0, q.0 .1 - p.0 .1);
            let t = (qx * s.1 - qy * s.0) / den;
            let u = (qx * r.1 - qy * r.0) / den;
            if (-1e-9..1.0 - 1e-9).contains(&t) && (-1e-9..1.0 - 1e-9).contains(&u) {
                count += 1;
            }
        }
    }
    count
}

fn parse_layout(text: &str) -> (Vec<Node>, Vec<Edge>) {
    let v: Value = serde_json::from_str(text).expect("layout is JSON");
    let nodes = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            let f = |k: &str| n[k].as_f64().expect("number");
            (n["id"].as_str().expect("id").to_string(), f("x"), f("y"), f("w"), f("h"))
        })
        .collect();
    let edges = v["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            let pts = e["points"]
                .as_array()
                .expect("points")
                .iter()
                .map(|p| (p[0].as_f64().expect("x"), p[1].as_f64().expect("y")))
                .collect();
            (e["source"].as_str().expect("s").to_string(), e["target"].as_str().expect("t").to_string(), pts)
        })
        .collect();
    (nodes, edges)
}

#[test]
fn bench_entry_places_every_node_and_edge_without_overlap_and_beats_a_naive_order() {
    let graph = bench_graph(3, 120, 6);
    let text = layout::layout_graph_json(&graph).expect("a layout");
    assert_eq!(text, layout::layout_graph_json(&graph).expect("again"), "deterministic");
    let (nodes, edges) = parse_layout(&text);
    let input: Value = serde_json::from_str(&graph).expect("graph");
    assert_eq!(nodes.len(), input["nodes"].as_array().map_or(0, |a| a.len()), "every node");
    assert_eq!(edges.len(), input["edges"].as_array().map_or(0, |a| a.len()), "every edge");
    for (i, a) in nodes.iter().enumerate() {
        for b in &nodes[i + 1..] {
            let apart = (a.1 - b.1).abs() * 2.0 >= a.3 + b.3 || (a.2 - b.2).abs() * 2.0 >= a.4 + b.4;
            assert!(apart, "{} overlaps {}", a.0, b.0);
        }
    }
    for (s, t, p) in &edges {
        let (src, tgt) =
            (nodes.iter().find(|n| &n.0 == s).expect("source"), nodes.iter().find(|n| &n.0 == t).expect("target"));
        let (first, last) = (p.first().expect("a point"), p.last().expect("a point"));
        assert!((first.0 - (src.1 + src.3 / 2.0)).abs() < 0.01, "{s}→{t} leaves its source's right side");
        assert!((last.0 - (tgt.1 - tgt.3 / 2.0)).abs() < 0.01, "{s}→{t} enters its target's left side");
    }
    // Naive: the same columns, nodes in input order, straight lines.
    let centre: std::collections::HashMap<&str, (f64, f64)> = {
        let mut by_col: std::collections::BTreeMap<i64, Vec<&Node>> = Default::default();
        for n in &nodes {
            by_col.entry(n.1.round() as i64).or_default().push(n);
        }
        let order: Vec<&str> =
            input["nodes"].as_array().expect("nodes").iter().filter_map(|n| n["id"].as_str()).collect();
        let mut m = std::collections::HashMap::new();
        for col in by_col.values() {
            let mut ids: Vec<&str> = col.iter().map(|n| n.0.as_str()).collect();
            ids.sort_by_key(|id| order.iter().position(|o| o == id));
            for (k, id) in ids.iter().enumerate() {
                let x = col.iter().find(|n| n.0 == *id).map_or(0.0, |n| n.1);
                m.insert(*id, (x, k as f64 * 80.0));
            }
        }
        m
    };
    let naive: Vec<Edge> =
        edges.iter().map(|(s, t, _)| (s.clone(), t.clone(), vec![centre[s.as_str()], centre[t.as_str()]])).collect();
    let (ours, theirs) = (crossings(&edges), crossings(&naive));
    assert!(ours * 3 < theirs, "crossings: ours {ours}, naive order {theirs}");
}

#[test]
fn bench_entry_reports_bad_input_instead_of_failing() {
    for bad in [
        "",
        "[]",
        "{\"nodes\":[]}",
        "{\"nodes\":[{\"w\":1}],\"edges\":[]}",
        r#"{"nodes":[{"id":"a"},{"id":"a"}],"edges":[]}"#,
    ] {
        assert!(layout::layout_graph_json(bad).is_err(), "{bad}");
    }
    let unknown = r#"{"nodes":[{"id":"a"}],"edges":[{"source":"a","target":"b"}]}"#;
    assert!(layout::layout_graph_json(unknown).is_err());
    // Cycles, self loops, parallel edges, numeric ids and odd sizes are all laid out.
    let odd = r#"{"nodes":[{"id":1,"w":-5},{"id":"2","h":"x"},{"id":"3","w":1e300}],
        "edges":[{"source":1,"target":"2"},{"source":"2","target":"3"},{"source":"3","target":1},
                 {"source":"2","target":"2"},{"source":1,"target":"2"}]}"#;
    let (nodes, edges) = parse_layout(&layout::layout_graph_json(odd).expect("laid out"));
    assert_eq!((nodes.len(), edges.len()), (3, 5));
    assert!(edges.iter().all(|e| e.2.len() >= 2));
}

#[test]
fn the_path_reader_and_cut_test_of_these_tests_work() {
    let d = "M0.0,50.0 L100.0,50.0 C150.0,50.0 150.0,90.0 200.0,90.0";
    let pts = path_points(d);
    assert_eq!(pts.first(), Some(&(0.0, 50.0)));
    assert_eq!(pts.last(), Some(&(200.0, 90.0)));
    assert_eq!(pts.len(), 2 + 16);
    let map = random_chain(2);
    let mut card = layout::diagram(&map).cards[0].clone();
    (card.x, card.y, card.w, card.h) = (40.0, 30.0, 20.0, 40.0);
    assert!(pts.windows(2).any(|w| cuts(&card, w[0], w[1])));
    card.y = 60.0;
    assert!(!pts.windows(2).any(|w| cuts(&card, w[0], w[1])));
}

#[test]
fn adding_a_stage_moves_few_of_the_others() {
    // Moves are counted after taking out the shift of the whole drawing
    // (the median move), which the eye does not read as the map changing.
    let (mut total_moved, mut total) = (0, 0);
    for seed in 0..12 {
        let map = chain_like_map(300 + seed, 10 + 4 * seed as usize, 2 + seed as usize % 4);
        let before = layout::diagram(&map);
        let mut text = chainmap::format::export(&map);
        // A new stage fed by a stage in the middle, in that stage's phase, added at the end.
        let mid = &map.stages[map.stages.len() / 2];
        let phase = mid.phase.as_ref().map(|p| format!(r#","phase":"{p}""#)).unwrap_or_default();
        let (sa, fa) = (r#"  "stages": ["#, r#"  "flows": ["#);
        let stages_end = text.find(sa).and_then(|k| text[k..].find("\n  ]").map(|e| k + e)).expect("stages");
        text.insert_str(stages_end, &format!(r#",{{"id":"new","name":"New stage"{phase}}}"#));
        let flows_end = text.find(fa).and_then(|k| text[k..].find("\n  ]").map(|e| k + e)).expect("flows");
        text.insert_str(flows_end, &format!(r#",{{"id":"fnew","from":"{}","to":"new"}}"#, mid.id));
        let edited = import_str(&text).expect("edited map").map;
        let after = layout::diagram(&edited);
        let moves: Vec<(f64, f64)> = before
            .cards
            .iter()
            .filter_map(|c| after.cards.iter().find(|a| a.stage == c.stage).map(|a| (a.x - c.x, a.y - c.y)))
            .collect();
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied().unwrap_or(0.0)
        };
        let (mx, my) = (median(moves.iter().map(|m| m.0).collect()), median(moves.iter().map(|m| m.1).collect()));
        let moved = moves.iter().filter(|m| (m.0 - mx).abs() > 40.0 || (m.1 - my).abs() > 40.0).count();
        total_moved += moved;
        total += before.cards.len();
    }
    assert!(total_moved * 4 < total, "{total_moved} of {total} cards moved");
}

#[test]
fn a_reused_layout_gives_the_diagram_a_fresh_one_would() {
    // One cache through a session of edits, as the app keeps it: after each
    // edit the diagram must be exactly the one computed from scratch.
    let mut map = random_map(11, 60, 4, 90);
    let mut cache = layout::LayoutCache::default();
    let mut r = Rng(99);
    for step in 0..80 {
        match step % 10 {
            // A stage dragged somewhere (the layered input is unchanged).
            0 => {
                let i = r.below(map.stages.len());
                map.stages[i].pos = Some(chainmap::model::Pos {
                    x: r.below(2000) as f64,
                    y: r.below(1500) as f64,
                    extra: Default::default(),
                });
            }
            // A rename: the card may change size, or not.
            1 => {
                let i = r.below(map.stages.len());
                map.stages[i].name = WORDS[r.below(WORDS.len())].to_string();
            }
            // A flow removed: the graph changes.
            2 if !map.flows.is_empty() => {
                let i = r.below(map.flows.len());
                map.flows.remove(i);
            }
            // A stage pinned where it is drawn: it is placed by hand now,
            // though no card moved (its flows may be drawn another way).
            4 => {
                let d = layout::diagram(&map);
                let i = r.below(map.stages.len());
                if let Some(c) = d.cards.iter().find(|c| c.index == i) {
                    map.stages[i].pos = Some(chainmap::model::Pos {
                        x: c.x - d.shift.0,
                        y: c.y - d.shift.1,
                        extra: Default::default(),
                    });
                }
            }
            // A stage put back where the layout wants it.
            3 => {
                let i = r.below(map.stages.len());
                map.stages[i].pos = None;
            }
            // A student and a topic at a stage: the card gets a chip.
            5 => {
                let k = map.people.len();
                map.people.push(chainmap::model::Person {
                    id: chainmap::model::Id::new(format!("person{k}")),
                    name: WORDS[r.below(WORDS.len())].to_string(),
                    kind: chainmap::model::PersonKind::Student,
                    affiliation: String::new(),
                    extra: Vec::new(),
                });
                let stage = map.stages[r.below(map.stages.len())].id.clone();
                map.topics.push(chainmap::model::Topic {
                    id: chainmap::model::Id::new(format!("topic{k}")),
                    title: "A topic".into(),
                    student: chainmap::model::Id::new(format!("person{k}")),
                    stage: Some(stage),
                    supervisors: Vec::new(),
                    defense_date: String::new(),
                    notes: String::new(),
                    extra: Vec::new(),
                });
            }
            // A student renamed: their chips change, not their stage's name.
            6 if !map.people.is_empty() => {
                let i = r.below(map.people.len());
                map.people[i].name = format!("{} {}", WORDS[r.below(WORDS.len())], WORDS[r.below(WORDS.len())]);
            }
            // A flow's artifact rewritten: its label changes.
            7 if !map.flows.is_empty() => {
                let i = r.below(map.flows.len());
                map.flows[i].artifact = WORDS[r.below(WORDS.len())].repeat(1 + r.below(3));
            }
            // A role given, and a topic moved to another stage.
            8 => {
                let i = r.below(map.stages.len());
                map.stages[i].role = WORDS[r.below(WORDS.len())].to_string();
                if !map.topics.is_empty() {
                    let t = r.below(map.topics.len());
                    map.topics[t].stage = Some(map.stages[r.below(map.stages.len())].id.clone());
                }
            }
            // A stage deleted with its flows: the cards after it change index.
            9 if map.stages.len() > 2 => {
                let i = r.below(map.stages.len());
                let gone = map.stages.remove(i).id;
                map.flows.retain(|f| f.from != gone && f.to != gone);
                for t in &mut map.topics {
                    if t.stage.as_ref() == Some(&gone) {
                        t.stage = None;
                    }
                }
            }
            _ => {}
        }
        let reused = layout::diagram_with(&map, &mut cache);
        assert_eq!(reused, layout::diagram(&map), "after step {step}");
    }
}

#[test]
fn routes_reused_on_a_map_placed_by_hand_give_the_diagram_a_fresh_one_would() {
    // Every stage placed by hand, near where the layout would put it: most
    // flows take detours, and a drag reuses the routes that the dragged
    // card's old and new places do not touch. Drags, drags back (an Undo),
    // renames, pins released: after each, exactly the fresh diagram.
    let mut map = random_map(23, 120, 4, 200);
    let laid = layout::diagram(&map);
    let mut r = Rng(7);
    for c in &laid.cards {
        map.stages[c.index].pos = Some(chainmap::model::Pos {
            x: (c.x - laid.shift.0 + r.below(160) as f64 - 80.0).round(),
            y: (c.y - laid.shift.1 + r.below(120) as f64 - 60.0).round(),
            extra: Default::default(),
        });
    }
    let mut cache = layout::LayoutCache::default();
    let first = layout::diagram_with(&map, &mut cache);
    assert_eq!(first, layout::diagram(&map));
    let mut reused_routes = 0;
    for step in 0..60 {
        let i = r.below(map.stages.len());
        match step % 6 {
            // A drag, then the drag undone.
            0..=2 => {
                let was = map.stages[i].pos.clone();
                let p = was.clone().unwrap_or(chainmap::model::Pos { x: 0.0, y: 0.0, extra: Default::default() });
                map.stages[i].pos = Some(chainmap::model::Pos {
                    x: p.x + r.below(600) as f64 - 300.0,
                    y: p.y + r.below(400) as f64 - 200.0,
                    extra: Default::default(),
                });
                let moved = layout::diagram_with(&map, &mut cache);
                assert_eq!(moved, layout::diagram(&map), "after drag {step}");
                reused_routes += cache.routes_reused();
                map.stages[i].pos = was;
            }
            3 => map.stages[i].name = WORDS[r.below(WORDS.len())].repeat(1 + r.below(4)),
            4 => map.stages[i].pos = None,
            _ => {
                let j = r.below(map.flows.len());
                map.flows[j].artifact = WORDS[r.below(WORDS.len())].to_string();
            }
        }
        let reused = layout::diagram_with(&map, &mut cache);
        assert_eq!(reused, layout::diagram(&map), "after step {step}");
    }
    // Most routes of a drag were reused (30 drags and their undos, 200 flows each).
    assert!(reused_routes > 30 * 200 / 2, "{reused_routes} routes reused");
}

/// An empty lane, or one with narrow cards, is still as wide as its title:
/// "Industrial production" once ran past the tint of its empty lane.
#[test]
fn every_lane_is_as_wide_as_its_title() {
    let text = r#"{"format": "chainmap", "version": 1,
      "project": {"title": "T", "phases": [{"id": "lab", "name": "Lab"},
        {"id": "pilot", "name": "Pilot test and scale-up in the enterprise workshop"},
        {"id": "prod", "name": "Industrial production"}, {"id": "mkt", "name": "市场推广与客户认证阶段"}]},
      "stages": [{"id": "a", "name": "A", "phase": "lab"}, {"id": "b", "name": "B", "phase": "pilot"},
        {"id": "c", "name": "C"}],
      "flows": [{"id": "f", "from": "a", "to": "b"}]}"#;
    let map = import_str(text).expect("valid").map;
    let d: Diagram = layout::diagram(&map);
    assert_eq!(d.lanes.len(), 5, "four phases and the lane of stages without one");
    let names = [
        "Lab",
        "Pilot test and scale-up in the enterprise workshop",
        "Industrial production",
        "市场推广与客户认证阶段",
        "No phase",
    ];
    for (lane, name) in d.lanes.iter().zip(names) {
        let title = 16.0 + chainmap::layout::text::width(name, 14.0) * 1.1 + 16.0;
        assert!(lane.width + 0.5 >= title, "lane {name}: {} wide, its title needs {title}", lane.width);
    }
    // Lanes never overlap, and every card sits inside its own lane.
    for w in d.lanes.windows(2) {
        assert!(w[0].x + w[0].width <= w[1].x, "{:?} overlaps {:?}", w[0], w[1]);
    }
    for (card, lane) in d.cards.iter().zip([0, 1, 4]) {
        let l = &d.lanes[lane];
        assert!(card.x >= l.x && card.x + card.w <= l.x + l.width, "{} outside its lane", card.stage);
    }
}

/// Where a path starts and ends.
fn ends(d: &str) -> ((f64, f64), (f64, f64)) {
    let pts = path_points(d);
    (*pts.first().expect("a path has points"), *pts.last().expect("a path has points"))
}

#[test]
fn a_flow_going_back_meets_the_sides_near_their_tops_away_from_the_flows_going_forward() {
    // A → B → C and C back to A (a recycling loop), all in one phase; then
    // the same with B placed by hand below A, overlapping its column, and
    // a flow from B back up to A.
    let text = r#"{"format":"chainmap","version":1,"project":{"title":"t"},
        "stages":[{"id":"a","name":"Alloy design"},{"id":"b","name":"Casting trials"},{"id":"c","name":"Testing"}],
        "flows":[{"id":"ab","from":"a","to":"b","artifact":"spec"},{"id":"bc","from":"b","to":"c","artifact":"samples"},
                 {"id":"ca","from":"c","to":"a","artifact":"scrap"}]}"#;
    let map = import_str(text).expect("valid map").map;
    let d = layout::diagram(&map);
    let card = |id: &str| d.cards.iter().find(|c| c.stage.as_str() == id).expect("card");
    let flow = |id: &str| d.flows.iter().find(|f| f.flow.as_str() == id).expect("flow");
    let (a, c) = (card("a"), card("c"));
    let (back_start, back_end) = ends(&flow("ca").d);
    let (forward_start, _) = ends(&flow("ab").d);
    assert!(flow("ca").back && !flow("ab").back);
    // The loop comes back into A's right side near its top; A's output
    // leaves from the middle of that side.
    assert!(back_end.0 > a.x + a.w, "{back_end:?} is not right of {a:?}");
    assert!(back_end.1 >= a.y && back_end.1 <= a.y + a.h / 4.0 + 0.5, "{back_end:?} against {a:?}");
    assert!((forward_start.1 - (a.y + a.h / 2.0)).abs() < 0.5);
    assert!(forward_start.1 - back_end.1 >= 10.0);
    // It leaves C's left side near its top too.
    assert!(back_start.0 <= c.x + 0.5 && back_start.1 <= c.y + c.h / 4.0 + 0.5, "{back_start:?} against {c:?}");

    // B placed under A, their columns overlapping: the flow from B up to A
    // goes round as a bracket, and wherever it meets a side the wrong way
    // round (out of a left side, into a right side) it does so near the top.
    let mut placed = map.clone();
    let (ax, ay) = (a.x - d.shift.0, a.y - d.shift.1);
    placed.stages[1].pos = Some(chainmap::model::Pos { x: ax + 40.0, y: ay + 200.0, extra: Vec::new() });
    placed.flows.push(chainmap::model::Flow {
        id: chainmap::model::Id::new("ba"),
        from: chainmap::model::Id::new("b"),
        to: chainmap::model::Id::new("a"),
        artifact: "defects".into(),
        extra: Vec::new(),
    });
    let d = layout::diagram(&placed);
    let card = |id: &str| d.cards.iter().find(|c| c.stage.as_str() == id).expect("card");
    let (a, b) = (card("a"), card("b"));
    let (start, end) = ends(&d.flows.iter().find(|f| f.flow.as_str() == "ba").expect("flow").d);
    let into_right = end.0 > a.x + a.w / 2.0;
    let out_of_left = start.0 < b.x + b.w / 2.0;
    assert!(into_right || out_of_left, "a bracket meets one side the wrong way round: {start:?} {end:?}");
    if into_right {
        assert!(end.1 <= a.y + a.h / 4.0 + 0.5, "{end:?} against {a:?}");
    }
    if out_of_left {
        assert!(start.1 <= b.y + b.h / 4.0 + 0.5, "{start:?} against {b:?}");
    }
}
