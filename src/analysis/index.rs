//! Look-up tables built once per analysis: id → position, flows by stage,
//! topics by stage, supervisors by topic. Everything in `analysis` goes
//! through these so that no pass is quadratic.
//!
//! Robustness: the analysis must not panic on any map, valid or not (the
//! editor may hand over a map mid-edit). A reference that names nothing is
//! treated as absent; of two entities with the same id the first one wins.
//!
//! Speed: the tables are flat (one allocation per table, see [`Csr`]) and the
//! id hash is a fast multiplicative one with a per-table random seed, so a
//! hostile file cannot choose ids that all collide.

pub(crate) use crate::model::hash::{FastMap, Seeded};

use crate::model::{Id, Map, PersonKind};

/// Position of every id (first one wins).
pub(crate) fn positions<'a, T: 'a>(items: &'a [T], id: impl Fn(&'a T) -> &'a Id) -> FastMap<&'a Id, usize> {
    let mut out = FastMap::with_capacity_and_hasher(items.len(), Seeded::default());
    for (i, item) in items.iter().enumerate() {
        out.entry(id(item)).or_insert(i);
    }
    out
}

/// Rows of positions in one flat list (compressed sparse rows): row `r`
/// holds the items given for it, in the order they were given.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Csr {
    start: Vec<usize>,
    items: Vec<usize>,
}

impl Csr {
    /// `rows` rows from `(row, item)` pairs; pairs naming a row out of range are dropped.
    pub fn from_pairs(rows: usize, pairs: &[(usize, usize)]) -> Csr {
        let mut start = vec![0usize; rows + 1];
        for &(r, _) in pairs {
            if let Some(c) = start.get_mut(r + 1) {
                *c += 1;
            }
        }
        for r in 1..start.len() {
            let before = start.get(r - 1).copied().unwrap_or(0);
            if let Some(c) = start.get_mut(r) {
                *c += before;
            }
        }
        let total = start.last().copied().unwrap_or(0);
        let mut items = vec![0usize; total];
        let mut next = start.clone();
        for &(r, item) in pairs {
            if r < rows {
                if let Some(at) = next.get_mut(r) {
                    if let Some(slot) = items.get_mut(*at) {
                        *slot = item;
                    }
                    *at += 1;
                }
            }
        }
        Csr { start, items }
    }

    pub fn row(&self, r: usize) -> &[usize] {
        match (self.start.get(r), self.start.get(r + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn rows(&self) -> usize {
        self.start.len().saturating_sub(1)
    }
}

pub(crate) struct MapIndex {
    /// Per stage: flows ending at it, in file order.
    pub flows_in: Csr,
    /// Per stage: flows starting at it, in file order.
    pub flows_out: Csr,
    /// Per flow: (from, to) stage positions, `None` when either end names no stage.
    pub flow_ends: Vec<Option<(usize, usize)>>,
    /// Per topic: the position of its stage, `None` when unplaced (or the stage is unknown).
    pub topic_stage: Vec<Option<usize>>,
    /// Per topic: the position of its student among the people.
    pub topic_student: Vec<Option<usize>>,
    /// Per topic: positions of its supervisors among the people (known ones, each once).
    pub topic_supervisors: Csr,
    /// Per stage: topics sitting at it, in file order.
    pub topics_at: Csr,
    /// Per stage: the position of its phase, `None` without (or with an unknown) phase.
    pub stage_phase: Vec<Option<usize>>,
}

impl MapIndex {
    #[inline(never)] // a phase of its own (and in profiles)
    pub fn new(map: &Map) -> MapIndex {
        let stage = positions(&map.stages, |s| &s.id);
        let phase = positions(&map.project.phases, |p| &p.id);
        let person = positions(&map.people, |p| &p.id);
        let n = map.stages.len();

        let flow_ends: Vec<Option<(usize, usize)>> = map
            .flows
            .iter()
            .map(|f| match (stage.get(&f.from), stage.get(&f.to)) {
                (Some(&a), Some(&b)) => Some((a, b)),
                _ => None,
            })
            .collect();
        let mut pairs: Vec<(usize, usize)> =
            flow_ends.iter().enumerate().filter_map(|(f, e)| e.map(|(_, b)| (b, f))).collect();
        let flows_in = Csr::from_pairs(n, &pairs);
        pairs.clear();
        pairs.extend(flow_ends.iter().enumerate().filter_map(|(f, e)| e.map(|(a, _)| (a, f))));
        let flows_out = Csr::from_pairs(n, &pairs);

        let topic_stage: Vec<Option<usize>> =
            map.topics.iter().map(|t| t.stage.as_ref().and_then(|id| stage.get(id).copied())).collect();
        pairs.clear();
        pairs.extend(topic_stage.iter().enumerate().filter_map(|(t, s)| s.map(|s| (s, t))));
        let topics_at = Csr::from_pairs(n, &pairs);

        let topic_student = map.topics.iter().map(|t| person.get(&t.student).copied()).collect();
        pairs.clear();
        for (t, topic) in map.topics.iter().enumerate() {
            let first = pairs.len();
            for s in &topic.supervisors {
                if let Some(&p) = person.get(s) {
                    if !pairs.get(first..).unwrap_or(&[]).iter().any(|&(_, q)| q == p) {
                        pairs.push((t, p));
                    }
                }
            }
        }
        let topic_supervisors = Csr::from_pairs(map.topics.len(), &pairs);

        let stage_phase = map.stages.iter().map(|s| s.phase.as_ref().and_then(|p| phase.get(p).copied())).collect();
        MapIndex {
            flows_in,
            flows_out,
            flow_ends,
            topic_stage,
            topic_student,
            topic_supervisors,
            topics_at,
            stage_phase,
        }
    }

    pub fn is_covered(&self, stage: usize) -> bool {
        !self.topics_at.row(stage).is_empty()
    }

    /// Some supervisor of the topic is of a kind that `want` accepts.
    pub fn has_supervisor(&self, map: &Map, topic: usize, want: impl Fn(PersonKind) -> bool) -> bool {
        self.topic_supervisors.row(topic).iter().any(|&p| map.people.get(p).is_some_and(|p| want(p.kind)))
    }
}

/// Some entry of the list holds more than blanks.
pub(crate) fn any_named(items: &[String]) -> bool {
    items.iter().any(|s| !s.trim().is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn csr_rows_keep_order_and_drop_out_of_range() {
        let c = Csr::from_pairs(3, &[(2, 10), (0, 11), (2, 12), (5, 13), (0, 14)]);
        assert_eq!(c.rows(), 3);
        assert_eq!(c.row(0), &[11, 14]);
        assert!(c.row(1).is_empty());
        assert_eq!(c.row(2), &[10, 12]);
        assert!(c.row(3).is_empty());
        assert!(Csr::from_pairs(0, &[(0, 1)]).row(0).is_empty());
        assert!(Csr::default().row(0).is_empty());
    }
}
