//! Upstream and downstream of a stage or a topic (PRODUCT.md item 4): every
//! flow that leads into the stage, directly or through other stages, and
//! every flow that leads out of it, with the depth at which it sits.
//!
//! Loops are allowed in a map, so a stage may be both upstream and
//! downstream of another; the walk visits every stage once and therefore
//! ends on any graph. The start stage is never listed as its own upstream or
//! downstream stage, though a flow leaving it may appear among the inputs
//! when it closes a loop (it ends at an upstream stage).
//!
//! [`ChainIndex`] holds the adjacency of one map so that many stages can be
//! queried (the canvas highlights on every selection) without rebuilding it.

use super::index::{positions, Csr, FastMap};
use crate::model::{Id, Map};

/// One flow in a chain, with the depth of the hand-off: 1 for a flow into
/// (or out of) the stage itself, 2 for a flow into (out of) a stage at depth
/// 1, and so on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub flow: Id,
    pub artifact: String,
    pub from: Id,
    pub to: Id,
    pub depth: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chain {
    /// Flows ending at the stage or at an upstream stage: direct ones first,
    /// then by depth, then in flow file order.
    pub inputs: Vec<Link>,
    /// Flows starting at the stage or at a downstream stage, likewise.
    pub outputs: Vec<Link>,
    /// Every stage the stage depends on, nearest first (ties in file order),
    /// without the stage itself.
    pub upstream_stages: Vec<Id>,
    /// Every stage that depends on the stage, nearest first, without itself.
    pub downstream_stages: Vec<Id>,
}

impl Chain {
    /// The chain a [`Reach`] (of the same map) stands for, with ids.
    pub fn of_reach(map: &Map, r: &Reach) -> Chain {
        Chain {
            inputs: to_links(map, &r.input_flows),
            outputs: to_links(map, &r.output_flows),
            upstream_stages: stage_ids(map, &r.upstream),
            downstream_stages: stage_ids(map, &r.downstream),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
            && self.outputs.is_empty()
            && self.upstream_stages.is_empty()
            && self.downstream_stages.is_empty()
    }

    /// The direct inputs (depth 1).
    pub fn direct_inputs(&self) -> impl Iterator<Item = &Link> {
        self.inputs.iter().filter(|l| l.depth == 1)
    }

    /// The direct outputs (depth 1).
    pub fn direct_outputs(&self) -> impl Iterator<Item = &Link> {
        self.outputs.iter().filter(|l| l.depth == 1)
    }
}

#[derive(Clone, Copy)]
enum Dir {
    Up,
    Down,
}

/// The flow graph of one map, by stage position. Build it again whenever
/// the map changes; a stale index never panics, it just gives stale answers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChainIndex {
    stage_of: FastMap<Id, usize>,
    flows_in: Csr,
    flows_out: Csr,
    ends: Vec<Option<(usize, usize)>>,
}

/// Upstream and downstream of a stage by position only (no ids copied): for
/// highlighting on the canvas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reach {
    /// Positions in `map.stages`, nearest first, ties in file order.
    pub upstream: Vec<usize>,
    pub downstream: Vec<usize>,
    /// How many hand-offs away each stage of `upstream` (`downstream`) is,
    /// in the same order: 1 for a stage joined to this one by a flow.
    pub upstream_steps: Vec<usize>,
    pub downstream_steps: Vec<usize>,
    /// Positions in `map.flows`, in [`Chain::inputs`] / [`Chain::outputs`] order, with their depth.
    pub input_flows: Vec<(usize, usize)>,
    pub output_flows: Vec<(usize, usize)>,
}

impl ChainIndex {
    #[inline(never)] // a phase of its own (and in profiles)
    pub fn new(map: &Map) -> ChainIndex {
        let mut stage_of = FastMap::with_capacity_and_hasher(map.stages.len(), Default::default());
        for (i, s) in map.stages.iter().enumerate() {
            stage_of.entry(s.id.clone()).or_insert(i);
        }
        let n = map.stages.len();
        let ends: Vec<Option<(usize, usize)>> = map
            .flows
            .iter()
            .map(|flow| match (stage_of.get(&flow.from), stage_of.get(&flow.to)) {
                (Some(&a), Some(&b)) if a != b => Some((a, b)),
                _ => None,
            })
            .collect();
        let mut pairs: Vec<(usize, usize)> =
            ends.iter().enumerate().filter_map(|(f, e)| e.map(|(_, b)| (b, f))).collect();
        let flows_in = Csr::from_pairs(n, &pairs);
        pairs.clear();
        pairs.extend(ends.iter().enumerate().filter_map(|(f, e)| e.map(|(a, _)| (a, f))));
        let flows_out = Csr::from_pairs(n, &pairs);
        ChainIndex { stage_of, flows_in, flows_out, ends }
    }

    /// The position of a stage in `map.stages`.
    pub fn stage_index(&self, id: &Id) -> Option<usize> {
        self.stage_of.get(id).copied()
    }

    /// Positions in `map.flows` of the flows ending at a stage, in file order.
    pub fn flows_into(&self, stage_idx: usize) -> &[usize] {
        self.flows_in.row(stage_idx)
    }

    /// Positions in `map.flows` of the flows starting at a stage, in file order.
    pub fn flows_out_of(&self, stage_idx: usize) -> &[usize] {
        self.flows_out.row(stage_idx)
    }

    /// Number of stages the index was built for.
    pub fn stages(&self) -> usize {
        self.flows_in.rows()
    }

    pub fn chain_of(&self, map: &Map, stage: &Id) -> Chain {
        match self.stage_index(stage) {
            Some(i) => self.chain(map, i),
            None => Chain::default(),
        }
    }

    /// Upstream and downstream of the stage at `stage_idx`, by position;
    /// empty for a position out of range.
    #[inline(never)] // a phase of its own (and in profiles)
    pub fn reach(&self, stage_idx: usize) -> Reach {
        if stage_idx >= self.stages() {
            return Reach::default();
        }
        let (upstream, up_dist) = self.walk(stage_idx, Dir::Up);
        let (downstream, down_dist) = self.walk(stage_idx, Dir::Down);
        Reach {
            input_flows: self.links(stage_idx, &upstream, &up_dist, Dir::Up),
            output_flows: self.links(stage_idx, &downstream, &down_dist, Dir::Down),
            upstream_steps: steps(&upstream, &up_dist),
            downstream_steps: steps(&downstream, &down_dist),
            upstream,
            downstream,
        }
    }

    /// The chain of the stage at `stage_idx` (a position in `map.stages`);
    /// empty for a position out of range.
    pub fn chain(&self, map: &Map, stage_idx: usize) -> Chain {
        Chain::of_reach(map, &self.reach(stage_idx))
    }

    fn next(&self, flow: usize, dir: Dir) -> Option<usize> {
        self.ends.get(flow).copied().flatten().map(|(a, b)| match dir {
            Dir::Up => a,
            Dir::Down => b,
        })
    }

    fn adjacent(&self, stage: usize, dir: Dir) -> &[usize] {
        match dir {
            Dir::Up => self.flows_into(stage),
            Dir::Down => self.flows_out_of(stage),
        }
    }

    /// Breadth-first walk, one level at a time; each level in file order.
    /// Returns the stages reached (without the start) and the distance of
    /// every stage plus one (0 when not reached, 1 for the start: a table
    /// of zeros costs nothing to make).
    fn walk(&self, start: usize, dir: Dir) -> (Vec<usize>, Vec<u32>) {
        let n = self.stages();
        let mut dist = vec![0u32; n];
        if let Some(d) = dist.get_mut(start) {
            *d = 1;
        }
        let mut order = Vec::new();
        let mut frontier = vec![start];
        let mut level = Vec::new();
        let mut depth = 1;
        while !frontier.is_empty() {
            depth += 1;
            for &s in &frontier {
                for &f in self.adjacent(s, dir) {
                    let Some(t) = self.next(f, dir) else { continue };
                    if let Some(d) = dist.get_mut(t) {
                        if *d == 0 {
                            *d = depth;
                            level.push(t);
                        }
                    }
                }
            }
            level.sort_unstable();
            order.extend_from_slice(&level);
            std::mem::swap(&mut frontier, &mut level);
            level.clear();
        }
        (order, dist)
    }

    /// `(flow, depth)` for the flows at the near end of every reached stage
    /// (and the start): ending there for inputs, starting there for outputs;
    /// by depth, then flow file order.
    fn links(&self, start: usize, reached: &[usize], dist: &[u32], dir: Dir) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for &s in std::iter::once(&start).chain(reached) {
            // The distance plus one (see `walk`): the depth of the flows at `s`.
            let depth = dist.get(s).map_or(1, |&d| d.max(1) as usize);
            found.extend(self.adjacent(s, dir).iter().map(|&f| (depth, f)));
        }
        found.sort_unstable();
        found.into_iter().map(|(depth, f)| (f, depth)).collect()
    }
}

/// The walk's distances (plus one, see `walk`) of the reached stages, as hand-offs.
fn steps(reached: &[usize], dist: &[u32]) -> Vec<usize> {
    reached.iter().map(|&s| dist.get(s).map_or(1, |&d| d.saturating_sub(1).max(1) as usize)).collect()
}

fn to_links(map: &Map, flows: &[(usize, usize)]) -> Vec<Link> {
    flows
        .iter()
        .filter_map(|&(f, depth)| {
            let flow = map.flows.get(f)?;
            Some(Link {
                flow: flow.id.clone(),
                artifact: flow.artifact.clone(),
                from: flow.from.clone(),
                to: flow.to.clone(),
                depth,
            })
        })
        .collect()
}

fn stage_ids(map: &Map, positions: &[usize]) -> Vec<Id> {
    positions.iter().filter_map(|&s| map.stages.get(s)).map(|s| s.id.clone()).collect()
}

/// The chain of a stage; empty for an unknown id.
pub fn chain_of_stage(map: &Map, stage: &Id) -> Chain {
    ChainIndex::new(map).chain_of(map, stage)
}

/// The chain of a topic's stage; empty when the topic is unknown or unplaced.
pub fn chain_of_topic(map: &Map, topic: &Id) -> Chain {
    match map.topic(topic).and_then(|t| t.stage.as_ref()) {
        Some(stage) => chain_of_stage(map, stage),
        None => Chain::default(),
    }
}

/// The students with a topic at the stage: file order of the topics, each once.
pub fn people_at(map: &Map, stage: &Id) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    for t in map.topics.iter().filter(|t| t.stage.as_ref() == Some(stage)) {
        if !out.contains(&t.student) {
            out.push(t.student.clone());
        }
    }
    out
}

/// For every stage (by position), the students with a topic there, as
/// [`people_at`] gives them, in one pass: for cards and inspector lists.
pub fn people_by_stage(map: &Map) -> Vec<Vec<Id>> {
    let of = positions(&map.stages, |s| &s.id);
    let mut out = vec![Vec::<Id>::new(); map.stages.len()];
    for t in &map.topics {
        let Some(list) = t.stage.as_ref().and_then(|s| of.get(s)).and_then(|&i| out.get_mut(i)) else {
            continue;
        };
        if !list.contains(&t.student) {
            list.push(t.student.clone());
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::analysis::testing::map_from;

    fn names(ids: &[Id]) -> Vec<&str> {
        ids.iter().map(Id::as_str).collect()
    }

    fn flows(links: &[Link]) -> Vec<(&str, usize)> {
        links.iter().map(|l| (l.flow.as_str(), l.depth)).collect()
    }

    /// m1 ─f1→ cast ─f3→ heat ─f4→ part
    /// m2 ─f2→ cast            └f5→ qa
    /// src ─f0→ m2
    const LINE: &str = r#""project": {"title": "T"},
        "stages": [
            {"id": "part", "name": "Part"}, {"id": "heat", "name": "Heat"}, {"id": "cast", "name": "Cast"},
            {"id": "m2", "name": "M2"}, {"id": "m1", "name": "M1"}, {"id": "qa", "name": "QA"},
            {"id": "src", "name": "Source"}, {"id": "lone", "name": "Lone"}
        ],
        "flows": [
            {"id": "f4", "from": "heat", "to": "part", "artifact": "card"},
            {"id": "f0", "from": "src", "to": "m2", "artifact": "ore"},
            {"id": "f3", "from": "cast", "to": "heat", "artifact": "samples"},
            {"id": "f2", "from": "m2", "to": "cast", "artifact": "powder"},
            {"id": "f1", "from": "m1", "to": "cast", "artifact": "spec"},
            {"id": "f5", "from": "heat", "to": "qa", "artifact": ""}
        ],
        "people": [{"id": "a", "name": "A", "kind": "student"}, {"id": "b", "name": "B", "kind": "student"}],
        "topics": [
            {"id": "t1", "title": "One", "student": "b", "stage": "cast"},
            {"id": "t2", "title": "Two", "student": "a", "stage": "cast"},
            {"id": "t3", "title": "Three", "student": "b", "stage": "cast"},
            {"id": "t4", "title": "Four", "student": "a"}
        ]"#;

    #[test]
    fn chain_of_a_stage_direct_then_by_depth() {
        let m = map_from(LINE);
        let c = chain_of_stage(&m, &Id::new("cast"));
        // m2 (position 3) before m1 (position 4): ties in file order.
        assert_eq!(names(&c.upstream_stages), vec!["m2", "m1", "src"]);
        assert_eq!(names(&c.downstream_stages), vec!["heat", "part", "qa"]);
        // Direct inputs in flow file order (f2 before f1), then f0 at depth 2.
        assert_eq!(flows(&c.inputs), vec![("f2", 1), ("f1", 1), ("f0", 2)]);
        assert_eq!(flows(&c.outputs), vec![("f3", 1), ("f4", 2), ("f5", 2)]);
        let f2 = c.inputs.first().unwrap();
        assert_eq!((f2.from.as_str(), f2.to.as_str(), f2.artifact.as_str()), ("m2", "cast", "powder"));
        assert_eq!(c.direct_inputs().count(), 2);
        assert_eq!(c.direct_outputs().count(), 1);

        let c = chain_of_stage(&m, &Id::new("part"));
        assert_eq!(names(&c.upstream_stages), vec!["heat", "cast", "m2", "m1", "src"]);
        assert!(c.downstream_stages.is_empty() && c.outputs.is_empty());
        assert_eq!(flows(&c.inputs), vec![("f4", 1), ("f3", 2), ("f2", 3), ("f1", 3), ("f0", 4)]);

        let c = chain_of_stage(&m, &Id::new("lone"));
        assert!(c.is_empty());
    }

    #[test]
    fn unknown_and_unplaced_give_empty_chains() {
        let m = map_from(LINE);
        assert_eq!(chain_of_stage(&m, &Id::new("nope")), Chain::default());
        assert_eq!(chain_of_topic(&m, &Id::new("t4")), Chain::default());
        assert_eq!(chain_of_topic(&m, &Id::new("nope")), Chain::default());
        assert_eq!(chain_of_topic(&m, &Id::new("t1")), chain_of_stage(&m, &Id::new("cast")));
        let ix = ChainIndex::new(&m);
        assert_eq!(ix.chain(&m, 99), Chain::default());
        assert_eq!(ix.chain(&m, 2), chain_of_stage(&m, &Id::new("cast")));
        assert_eq!(ix.stage_index(&Id::new("qa")), Some(5));
        assert_eq!(ix.flows_into(2), &[3, 4]);
        assert_eq!(ix.flows_out_of(1), &[0, 5]);
        assert!(ix.flows_into(42).is_empty());
    }

    #[test]
    fn chain_on_a_cycle_terminates_and_excludes_the_start() {
        // a → b → c → a, and c → d.
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}, {"id": "d", "name": "D"}],
            "flows": [
                {"id": "ab", "from": "a", "to": "b", "artifact": "1"},
                {"id": "bc", "from": "b", "to": "c", "artifact": "2"},
                {"id": "ca", "from": "c", "to": "a", "artifact": "3"},
                {"id": "cd", "from": "c", "to": "d", "artifact": "4"}
            ]"#,
        );
        let c = chain_of_stage(&m, &Id::new("a"));
        assert_eq!(names(&c.upstream_stages), vec!["c", "b"]);
        assert_eq!(names(&c.downstream_stages), vec!["b", "c", "d"]);
        assert_eq!(flows(&c.inputs), vec![("ca", 1), ("bc", 2), ("ab", 3)]);
        assert_eq!(flows(&c.outputs), vec![("ab", 1), ("bc", 2), ("ca", 3), ("cd", 3)]);
        let d = chain_of_stage(&m, &Id::new("d"));
        assert_eq!(names(&d.upstream_stages), vec!["c", "b", "a"]);
        assert!(d.downstream_stages.is_empty());
        // ca ends at a, which is three hand-offs up from d.
        assert_eq!(flows(&d.inputs), vec![("cd", 1), ("bc", 2), ("ab", 3), ("ca", 4)]);
    }

    #[test]
    fn reach_gives_the_chain_by_position() {
        let m = map_from(LINE);
        let ix = ChainIndex::new(&m);
        assert_eq!(ix.stages(), 8);
        let r = ix.reach(2);
        assert_eq!(r.upstream, vec![3, 4, 6]);
        assert_eq!(r.downstream, vec![1, 0, 5]);
        // m2 and m1 feed cast directly, src feeds m2; heat takes from cast, part and qa from heat.
        assert_eq!(r.upstream_steps, vec![1, 1, 2]);
        assert_eq!(r.downstream_steps, vec![1, 2, 2]);
        assert_eq!(r.input_flows, vec![(3, 1), (4, 1), (1, 2)]);
        assert_eq!(r.output_flows, vec![(2, 1), (0, 2), (5, 2)]);
        assert_eq!(ix.reach(8), Reach::default());
    }

    #[test]
    fn parallel_flows_are_each_listed_once() {
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "flows": [{"id": "x", "from": "a", "to": "b", "artifact": "1"}, {"id": "y", "from": "a", "to": "b", "artifact": "2"}]"#,
        );
        let c = chain_of_stage(&m, &Id::new("b"));
        assert_eq!(flows(&c.inputs), vec![("x", 1), ("y", 1)]);
        assert_eq!(names(&c.upstream_stages), vec!["a"]);
    }

    #[test]
    fn people_at_a_stage_in_topic_order_without_repeats() {
        let m = map_from(LINE);
        assert_eq!(names(&people_at(&m, &Id::new("cast"))), vec!["b", "a"]);
        assert!(people_at(&m, &Id::new("heat")).is_empty());
        assert!(people_at(&m, &Id::new("nope")).is_empty());
        let all = people_by_stage(&m);
        assert_eq!(all.len(), m.stages.len());
        for (stage, people) in m.stages.iter().zip(&all) {
            assert_eq!(people, &people_at(&m, &stage.id));
        }
    }

    #[test]
    fn long_chain_does_not_overflow() {
        let n = 5000;
        let stages: Vec<String> = (0..n).map(|i| format!(r#"{{"id": "s{i}", "name": "S{i}"}}"#)).collect();
        let flows: Vec<String> = (1..n)
            .map(|i| format!(r#"{{"id": "f{i}", "from": "s{}", "to": "s{i}", "artifact": "x"}}"#, i - 1))
            .collect();
        let m = map_from(&format!(
            r#""project": {{"title": "T"}}, "stages": [{}], "flows": [{}]"#,
            stages.join(","),
            flows.join(",")
        ));
        let c = chain_of_stage(&m, &Id::new(format!("s{}", n - 1)));
        assert_eq!(c.upstream_stages.len(), n - 1);
        assert_eq!(c.inputs.last().map(|l| l.depth), Some(n - 1));
        assert_eq!(c.upstream_stages.last().map(Id::as_str), Some("s0"));
    }
}
