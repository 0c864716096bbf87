//! Layered placement: which column each stage takes and the order of the
//! stages within a column. Positions in pixels are worked out by the caller.

use std::collections::HashMap;

use super::Card;
use crate::model::{Id, Map};

pub struct LaneSpan {
    pub phase: Option<Id>,
    pub first_column: usize,
    pub columns: usize,
}

pub struct Placed {
    pub lanes: Vec<LaneSpan>,
    pub columns: usize,
    /// Global column of each stage (by index in `map.stages`).
    pub column: Vec<usize>,
    /// Stage indices of each column, top to bottom.
    pub order: Vec<Vec<usize>>,
    /// Flow indices that go against the reading direction (loops).
    pub back_edges: Vec<usize>,
}

pub fn place(map: &Map, _cards: &[Card]) -> Placed {
    let n = map.stages.len();
    let phase_index: HashMap<&str, usize> =
        map.project.phases.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let no_phase_lane = map.project.phases.len();
    let lane_of: Vec<usize> = map
        .stages
        .iter()
        .map(|s| s.phase.as_ref().and_then(|p| phase_index.get(p.as_str()).copied()).unwrap_or(no_phase_lane))
        .collect();
    let lane_count = if lane_of.iter().any(|&l| l == no_phase_lane) { no_phase_lane + 1 } else { no_phase_lane };

    let index: HashMap<&str, usize> = map.stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    // (flow index, from, to) for flows between known stages.
    let edges: Vec<(usize, usize, usize)> = map
        .flows
        .iter()
        .enumerate()
        .filter_map(|(fi, f)| Some((fi, *index.get(f.from.as_str())?, *index.get(f.to.as_str())?)))
        .filter(|(_, a, b)| a != b)
        .collect();

    // Back edges: into an earlier lane, or closing a cycle inside a lane.
    let mut back = vec![false; edges.len()];
    let mut intra: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n]; // (edge slot, to)
    for (slot, &(_, a, b)) in edges.iter().enumerate() {
        if lane_of[b] < lane_of[a] {
            back[slot] = true;
        } else if lane_of[b] == lane_of[a] {
            intra[a].push((slot, b));
        }
    }
    // Iterative DFS in file order; an edge to a node on the stack is a back edge.
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(slot, w)) = intra[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => back[slot] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }

    // Longest path inside each lane over the forward intra-lane edges (Kahn).
    let mut local = vec![0usize; n];
    let mut indeg = vec![0usize; n];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (slot, &(_, a, b)) in edges.iter().enumerate() {
        if !back[slot] && lane_of[a] == lane_of[b] {
            out[a].push(b);
            indeg[b] += 1;
        }
    }
    let mut queue: std::collections::VecDeque<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    while let Some(v) = queue.pop_front() {
        for &w in &out[v] {
            local[w] = local[w].max(local[v] + 1);
            indeg[w] -= 1;
            if indeg[w] == 0 {
                queue.push_back(w);
            }
        }
    }

    let mut lanes = Vec::with_capacity(lane_count);
    let mut first = 0;
    for l in 0..lane_count {
        let cols = (0..n).filter(|&v| lane_of[v] == l).map(|v| local[v] + 1).max().unwrap_or(1);
        let phase = map.project.phases.get(l).map(|p| p.id.clone());
        lanes.push(LaneSpan { phase, first_column: first, columns: cols });
        first += cols;
    }
    let columns = first;
    let column: Vec<usize> = (0..n).map(|v| lanes[lane_of[v]].first_column + local[v]).collect();
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); columns];
    for v in 0..n {
        order[column[v]].push(v);
    }

    // Barycenter sweeps to reduce crossings.
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(_, a, b) in &edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let mut rank = vec![0.0f64; n];
    let set_rank = |order: &Vec<Vec<usize>>, rank: &mut Vec<f64>| {
        for col in order {
            for (i, &v) in col.iter().enumerate() {
                rank[v] = i as f64 - (col.len() as f64 - 1.0) / 2.0;
            }
        }
    };
    set_rank(&order, &mut rank);
    for sweep in 0..8 {
        let forward = sweep % 2 == 0;
        let cols: Vec<usize> = if forward { (0..columns).collect() } else { (0..columns).rev().collect() };
        for c in cols {
            let mut keyed: Vec<(f64, usize, usize)> = order[c]
                .iter()
                .enumerate()
                .map(|(pos, &v)| {
                    let ns: Vec<f64> = neighbours[v]
                        .iter()
                        .filter(|&&w| if forward { column[w] < c } else { column[w] > c })
                        .map(|&w| rank[w])
                        .collect();
                    let key = if ns.is_empty() { rank[v] } else { ns.iter().sum::<f64>() / ns.len() as f64 };
                    (key, pos, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            order[c] = keyed.into_iter().map(|(_, _, v)| v).collect();
            let len = order[c].len() as f64;
            for (i, &v) in order[c].iter().enumerate() {
                rank[v] = i as f64 - (len - 1.0) / 2.0;
            }
        }
    }

    let back_edges = edges.iter().zip(&back).filter(|(_, &b)| b).map(|(&(fi, _, _), _)| fi).collect();
    Placed { lanes, columns, column, order, back_edges }
}
