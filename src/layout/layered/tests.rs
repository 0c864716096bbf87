use super::acyclic::{self, Kind};
use super::*;

fn input(n: usize, edges: &[(usize, usize)]) -> Input {
    Input {
        sizes: vec![Size { w: 100.0, h: 40.0 }; n],
        band: Vec::new(),
        bands: 1,
        edges: edges.to_vec(),
        band_min_w: Vec::new(),
    }
}

const SP: Spacing = Spacing { node_gap: 20.0, edge_gap: 10.0, column_gap: 50.0, band_gap: 80.0, min_column_w: 0.0 };

fn no_box_overlaps(inp: &Input, out: &Output) {
    for a in 0..inp.sizes.len() {
        for b in a + 1..inp.sizes.len() {
            let (sa, sb) = (inp.sizes[a], inp.sizes[b]);
            let apart = out.x[a] + sa.w <= out.x[b]
                || out.x[b] + sb.w <= out.x[a]
                || out.y[a] + sa.h <= out.y[b]
                || out.y[b] + sb.h <= out.y[a];
            assert!(apart, "{a} and {b} overlap");
        }
    }
}

#[test]
fn only_edges_closing_a_cycle_or_entering_an_earlier_band_are_reversed() {
    // 0 → 1 → 2 → 0 is a cycle; 2 → 3 and 0 → 3 are not in one.
    let o = acyclic::orient(4, &[0, 0, 0, 0], &[(0, 1), (1, 2), (2, 0), (2, 3), (0, 3), (3, 3), (0, 9)]);
    let kinds: Vec<Kind> = o.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [Kind::Forward, Kind::Forward, Kind::Back, Kind::Forward, Kind::Forward, Kind::SelfLoop, Kind::Invalid]
    );
    assert_eq!((o[2].from, o[2].to), (0, 2), "reversed for layout");
    // Into an earlier band: back even without a cycle.
    let o = acyclic::orient(2, &[1, 0], &[(0, 1)]);
    assert_eq!(o[0].kind, Kind::Back);
    // A DAG has no back edge, whatever the input order.
    let o = acyclic::orient(5, &[0; 5], &[(4, 3), (3, 2), (2, 1), (1, 0), (4, 0)]);
    assert!(o.iter().all(|e| e.kind == Kind::Forward));
}

#[test]
fn bands_are_column_groups_in_order_and_columns_follow_longest_paths() {
    let mut inp = input(5, &[(0, 1), (1, 2), (0, 2), (3, 4), (2, 3)]);
    inp.band = vec![0, 0, 0, 1, 1];
    inp.bands = 3;
    let out = layout(&inp, &SP);
    assert_eq!(out.band_columns, vec![(0, 3), (3, 2), (5, 1)], "an empty band still has a column");
    assert_eq!(out.column_of, vec![0, 1, 2, 3, 4]);
    for w in out.columns.windows(2) {
        assert!(w[0].x + w[0].w < w[1].x);
    }
    assert!(out.columns[3].x - (out.columns[2].x + out.columns[2].w) >= SP.band_gap);
    no_box_overlaps(&inp, &out);
}

#[test]
fn a_source_moves_next_to_the_node_it_feeds() {
    // 0 → 1 → 2 → 3, and 4 feeds only 3: 4 goes in column 2, not 0.
    let out = layout(&input(5, &[(0, 1), (1, 2), (2, 3), (4, 3)]), &SP);
    assert_eq!(out.column_of, vec![0, 1, 2, 3, 2]);
}

#[test]
fn crossings_are_removed_where_an_ordering_without_them_exists() {
    // Two columns, edges a→d, b→c, c's and d's order given the wrong way round.
    let out = layout(&input(4, &[(0, 3), (1, 2)]), &SP);
    assert_eq!(out.crossings, 0);
    // A ladder whose input order is scrambled.
    let n = 30;
    let mut edges = Vec::new();
    for k in 0..n / 3 {
        let (a, b, c) = (k, n / 3 + (k * 7) % (n / 3), 2 * n / 3 + (k * 4) % (n / 3));
        edges.push((a, b));
        edges.push((b, c));
    }
    let out = layout(&input(n, &edges), &SP);
    assert_eq!(out.crossings, 0);
}

#[test]
fn boxes_never_overlap_and_a_chain_runs_straight() {
    let mut inp = input(6, &[(0, 1), (1, 2), (2, 3), (0, 4), (4, 5), (0, 3)]);
    inp.sizes[1].h = 90.0;
    inp.sizes[4].w = 300.0;
    let out = layout(&inp, &SP);
    no_box_overlaps(&inp, &out);
    let chain = layout(&input(4, &[(0, 1), (1, 2), (2, 3)]), &SP);
    assert!(chain.y.iter().all(|&y| y == chain.y[0]), "{:?}", chain.y);
    assert_eq!(chain.y[0], 0.0, "the top box starts at 0");
}

#[test]
fn routes_pass_through_dummy_slots_and_never_through_a_box() {
    // 0 → 3 skips two columns that are full of boxes.
    let edges = [(0, 1), (1, 2), (2, 3), (0, 3), (0, 4), (4, 5), (5, 3), (0, 6), (6, 7), (7, 3)];
    let inp = input(8, &edges);
    let out = layout(&inp, &SP);
    let long = &out.routes[3];
    assert_eq!(long.kind, RouteKind::Layered);
    assert_eq!(long.gaps.len(), 3, "one piece per gap crossed");
    for (k, r) in out.routes.iter().enumerate() {
        let (a, b) = edges[k];
        let first = r.points[0];
        let last = *r.points.last().expect("points");
        assert_eq!(first.0, out.x[a] + inp.sizes[a].w, "leaves the right side");
        assert_eq!(last.0, out.x[b], "enters the left side");
        for w in r.points.windows(2) {
            for v in 0..8 {
                if v == a || v == b {
                    continue;
                }
                let (x0, y0, x1, y1) = (out.x[v], out.y[v], out.x[v] + inp.sizes[v].w, out.y[v] + inp.sizes[v].h);
                for t in 0..=10 {
                    let t = t as f64 / 10.0;
                    let (x, y) = (w[0].0 + (w[1].0 - w[0].0) * t, w[0].1 + (w[1].1 - w[0].1) * t);
                    assert!(!(x > x0 && x < x1 && y > y0 && y < y1), "edge {k} crosses box {v}");
                }
            }
        }
    }
}

#[test]
fn a_reversed_edge_is_drawn_in_its_own_direction() {
    let out = layout(&input(3, &[(0, 1), (1, 2), (2, 0)]), &SP);
    let back = &out.routes[2];
    assert!(back.back);
    assert!(back.points[0].0 > back.points[back.points.len() - 1].0, "runs right to left");
    assert_eq!(back.points[0].0, out.x[2], "leaves the left side of its source");
    assert_eq!(back.points[back.points.len() - 1].0, out.x[0] + 100.0, "enters the right side of its target");
    // Its dummy runs above the chain, which stays straight.
    assert!(back.points.iter().all(|p| p.1 <= out.y[1] + 20.0));
    assert_eq!(out.y[0], out.y[1]);
    assert_eq!(out.y[1], out.y[2]);
}

#[test]
fn any_input_is_laid_out_without_failing() {
    let mut inp = input(3, &[(0, 0), (0, 7), (7, 0), (1, 2), (1, 2), (2, 1)]);
    inp.sizes[0] = Size { w: f64::NAN, h: f64::INFINITY };
    inp.band = vec![5, 0];
    inp.bands = 0;
    let out = layout(&inp, &SP);
    assert_eq!(out.routes.len(), 6);
    assert_eq!(out.routes[1].kind, RouteKind::Invalid);
    assert_eq!(out.routes[0].kind, RouteKind::SelfLoop);
    assert!(out.x.iter().chain(&out.y).all(|v| v.is_finite()));
    let empty = layout(&Input::default(), &SP);
    assert!(empty.routes.is_empty() && empty.x.is_empty());
}

#[test]
fn the_same_graph_gives_the_same_layout() {
    let edges: Vec<(usize, usize)> = (0..60).map(|k| ((k * 7) % 40, (k * 7) % 40 + 1 + (k % 5))).collect();
    let inp = input(46, &edges);
    let (a, b) = (layout(&inp, &SP), layout(&inp, &SP));
    assert_eq!((a.x, a.y, a.routes), (b.x, b.y, b.routes));
}

#[test]
fn nodes_without_edges_make_a_grid_and_one_more_moves_none_of_them() {
    // Fifty-five stages listed before any flow: not one column 55 boxes tall.
    let inp = input(55, &[]);
    let out = layout(&inp, &SP);
    no_box_overlaps(&inp, &out);
    let per_column = |out: &Output| {
        let mut per = vec![0; out.columns.len()];
        for &c in &out.column_of {
            per[c] += 1;
        }
        per
    };
    assert_eq!(per_column(&out), vec![11; 5], "columns of 11 rows (the square root of 110)");
    // File order reads down the columns, left to right, from the top.
    for v in 0..55 {
        assert_eq!(out.column_of[v], v / 11, "node {v}");
    }
    for c in 0..5 {
        assert_eq!(out.y[c * 11], 0.0);
    }
    assert!(out.height < 11.0 * 60.0 + 1.0, "eleven rows of 40 px boxes and 20 px gaps");
    // A fifty-sixth stage starts the next column; no other stage moves.
    let more = layout(&input(56, &[]), &SP);
    assert_eq!(per_column(&more), vec![11, 11, 11, 11, 11, 1]);
    for v in 0..55 {
        assert_eq!((more.x[v], more.y[v]), (out.x[v], out.y[v]), "node {v}");
    }
    assert_eq!(more.y[55], 0.0);
}

#[test]
fn nodes_without_edges_fill_the_short_columns_below_the_linked_ones() {
    // A chain 0 → 1 → 2 → 3 and twelve stages with no flow yet.
    let inp = input(16, &[(0, 1), (1, 2), (2, 3)]);
    let out = layout(&inp, &SP);
    no_box_overlaps(&inp, &out);
    assert_eq!(out.columns.len(), 4, "no column is added while the chain's columns have room");
    let chain_y = out.y[0];
    for v in 1..4 {
        assert_eq!(out.column_of[v], v);
        assert_eq!(out.y[v], chain_y, "the chain still runs straight");
    }
    for v in 4..16 {
        assert!(out.y[v] > chain_y, "node {v} is below the chain");
    }
    let mut per_column = [0; 4];
    for &c in &out.column_of {
        per_column[c] += 1;
    }
    assert_eq!(per_column, [4; 4]);
    // A new flow takes a node out of the grid and into the chain's order.
    let joined = input(16, &[(0, 1), (1, 2), (2, 3), (3, 15)]);
    let out = layout(&joined, &SP);
    assert_eq!(out.column_of[15], 4);
    assert_eq!(out.y[15], out.y[3]);
}

#[test]
fn a_programme_of_thousands_of_stages_is_laid_out_whole_on_the_quick_path() {
    // 6,000 stages in twelve ranks with flows that skip ranks: well over
    // HUGE_VERTICES vertices once the long flows have their dummies.
    let n = 6_000;
    let mut next = crate::seeded::mulberry32(7);
    let mut edges = Vec::new();
    // A chain through the ranks, then flows that skip at least two.
    for a in 0..n - 1 {
        if a % 12 < 11 {
            edges.push((a, a + 1));
        }
    }
    for _ in 0..4_000 {
        let a = (next() * n as f64) as usize;
        let b = (next() * n as f64) as usize;
        let (ra, rb) = (a % 12, b % 12);
        if ra + 3 <= rb {
            edges.push((a, b));
        } else if rb + 3 <= ra {
            edges.push((b, a));
        }
    }
    let inp = input(n, &edges);
    let st = Structure::of(&inp);
    assert!(st.g.n_real >= order::HUGE_STAGES && st.g.len() >= order::HUGE_VERTICES, "{} vertices", st.g.len());
    let out = layout_on(&inp, &SP, &st, None);
    assert_eq!((out.x.len(), out.routes.len()), (n, edges.len()));
    // No two boxes of a column overlap (columns are apart by construction).
    let mut by_column: Vec<Vec<usize>> = vec![Vec::new(); out.columns.len()];
    for v in 0..n {
        by_column[out.column_of[v]].push(v);
    }
    for col in &mut by_column {
        col.sort_by(|&a, &b| out.y[a].total_cmp(&out.y[b]));
        for w in col.windows(2) {
            assert!(out.y[w[0]] + inp.sizes[w[0]].h <= out.y[w[1]], "{} and {} overlap", w[0], w[1]);
        }
    }
    // The quick path still orders: far fewer crossings than the input order.
    let plain = proper::build(n, &st.ranks, &st.oriented);
    let unordered = crossings::total(&plain, &mut Vec::new());
    assert!(st.crossings * 2 < unordered, "{} crossings, {unordered} unordered", st.crossings);
}

#[test]
fn loops_in_a_long_chain_do_not_stretch_it() {
    // A chain of 8 layers of 40 stages (each fed by one of the layer
    // before, plus a few more flows to the next layer) with 40 flows back
    // from late layers to early ones: recycling loops. Which flows are
    // reversed to break the loops decides how many columns the chain takes.
    // A depth-first search alone reversed 81 flows, forward ones among
    // them, and stretched it over 102 columns; the greedy order reverses
    // 39 and takes 36 (its choice goes by counts of inputs and outputs,
    // and a loop's flow back gives its source one more output). Taking
    // each loop from where flows enter it reverses 51 and takes 12.
    let (layers, per) = (8usize, 40usize);
    let mut rnd = crate::seeded::mulberry32(3);
    let mut pick = |k: usize| ((rnd() * k as f64) as usize).min(k - 1);
    let mut edges = Vec::new();
    for l in 1..layers {
        for i in 0..per {
            edges.push(((l - 1) * per + pick(per), l * per + i));
            edges.push(((l - 1) * per + i, l * per + pick(per)));
        }
    }
    for _ in 0..40 {
        let from = layers - 1 - pick(3);
        let to = pick(3);
        edges.push((from * per + pick(per), to * per + pick(per)));
    }
    let inp = input(layers * per, &edges);
    let out = layout(&inp, &SP);
    no_box_overlaps(&inp, &out);
    let reversed = Structure::of(&inp).oriented.iter().filter(|o| o.kind == Kind::Back).count();
    assert!(reversed <= 60, "{reversed} flows reversed for 40 loops");
    assert!(out.columns.len() <= 14, "{} columns for {layers} layers", out.columns.len());
}

#[test]
fn every_reversed_edge_closes_a_loop_and_none_is_left() {
    // Random graphs of 2 to 30 vertices in one band, up to three edges per
    // vertex, loops everywhere: whichever way wins, the edges as laid out
    // have no cycle, each reversed edge a → b is on a loop (b reaches a),
    // and none could keep its direction without a cycle, more columns or
    // longer edges.
    let mut rnd = crate::seeded::mulberry32(11);
    let mut pick = |k: usize| ((rnd() * k as f64) as usize).min(k.saturating_sub(1));
    for round in 0..400 {
        let n = 2 + pick(29);
        let m = pick(3 * n + 1);
        let edges: Vec<(usize, usize)> = (0..m).map(|_| (pick(n), pick(n))).collect();
        let o = acyclic::orient(n, &vec![0; n], &edges);
        let laid: Vec<(usize, usize)> =
            o.iter().filter(|e| matches!(e.kind, Kind::Forward | Kind::Back)).map(|e| (e.from, e.to)).collect();
        // Kahn's algorithm removes every vertex only when there is no cycle.
        let mut indeg = vec![0usize; n];
        for &(_, b) in &laid {
            indeg[b] += 1;
        }
        let mut ready: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
        let mut removed = 0;
        while let Some(v) = ready.pop() {
            removed += 1;
            for &(a, b) in &laid {
                if a == v {
                    indeg[b] -= 1;
                    if indeg[b] == 0 {
                        ready.push(b);
                    }
                }
            }
        }
        assert_eq!(removed, n, "round {round}: a cycle is left in {edges:?}");
        let reaches = |from: usize, to: usize| {
            let mut seen = vec![false; n];
            let mut stack = vec![from];
            while let Some(v) = stack.pop() {
                if v == to {
                    return true;
                }
                if !std::mem::replace(&mut seen[v], true) {
                    stack.extend(edges.iter().filter(|e| e.0 == v).map(|e| e.1));
                }
            }
            false
        };
        for (k, e) in o.iter().enumerate() {
            if e.kind == Kind::Back {
                let (a, b) = edges[k];
                assert!(reaches(b, a), "round {round}: {a} → {b} reversed but on no loop in {edges:?}");
            }
        }
        // None could be put back without a cycle, more columns or longer edges.
        let measure = |laid: &[(usize, usize)]| {
            let mut rank = vec![0usize; n];
            for _ in 0..n {
                for &(a, b) in laid {
                    rank[b] = rank[b].max(rank[a] + 1);
                }
            }
            let cyclic = laid.iter().any(|&(a, b)| rank[b] <= rank[a]);
            let span: usize = laid.iter().map(|&(a, b)| rank[b].saturating_sub(rank[a])).sum();
            (cyclic, rank.iter().max().copied().unwrap_or(0), span)
        };
        let (_, longest, span) = measure(&laid);
        let kept: Vec<usize> = o
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, Kind::Forward | Kind::Back))
            .map(|(k, _)| k)
            .collect();
        for (i, &k) in kept.iter().enumerate() {
            if o[k].kind != Kind::Back {
                continue;
            }
            let mut other = laid.clone();
            other[i] = edges[k];
            let (cyclic, l, s) = measure(&other);
            assert!(
                cyclic || l > longest || s > span,
                "round {round}: {:?} was reversed for nothing in {edges:?}",
                edges[k]
            );
        }
    }
}
