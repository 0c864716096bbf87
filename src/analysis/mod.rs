//! Everything derived from a map: the gap catalogue, upstream and downstream
//! chains, coverage and the data of a defense brief. Pure functions of a
//! [`Map`], with no knowledge of the web app or the command line.
//!
//! Guarantees: nothing here panics on any map (valid or mid-edit: an
//! unknown reference is treated as absent), and every pass is linear or
//! n·log n in the size of the map, so a map at the format's limits (10,000
//! stages, 50,000 flows, 10,000 topics) is analysed in a few milliseconds.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

pub mod brief;
pub mod chain;
pub mod coverage;
pub mod gaps;
mod index;
pub mod kept;

pub use brief::{brief, brief_from, brief_with, Brief, Check, CheckItem, Handoff, Reached};
pub use chain::{chain_of_stage, chain_of_topic, people_at, people_by_stage, Chain, ChainIndex, Link, Reach};
pub use coverage::{coverage, Coverage, MatrixRow, PhaseCoverage, SupervisorLoad};
pub use gaps::{gaps, messages, Gap, GapCode, NameTable, Names, Severity};

use crate::model::Map;

/// Everything derived from one map, computed once per document change.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub gaps: Vec<Gap>,
    pub coverage: Coverage,
}

impl Analysis {
    /// How many gaps of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.gaps.iter().filter(|g| g.severity() == severity).count()
    }
}

pub fn analyse(map: &Map) -> Analysis {
    let index = index::MapIndex::new(map);
    Analysis { gaps: gaps::gaps_with(map, &index), coverage: coverage::coverage_with(map, &index) }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
pub(crate) mod testing {
    use crate::model::Map;

    /// A map from the inside of a chainmap file's top-level object (the
    /// `format` and `version` are added); an empty body gives an empty map.
    pub fn map_from(body: &str) -> Map {
        let body = if body.trim().is_empty() { r#""project": {"title": "Empty"}"# } else { body };
        let text = format!(r#"{{"format": "chainmap", "version": 1, {body}}}"#);
        match crate::format::import_str(&text) {
            Ok(imported) => imported.map,
            Err(problems) => {
                let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                panic!("test map does not import:\n{}", list.join("\n"))
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::model::{Flow, Id, Person, PersonKind, Project, Stage, Topic};
    use std::time::Instant;

    #[test]
    fn analyse_agrees_with_the_parts() {
        let m = testing::map_from(
            r#""project": {"title": "T", "phases": [{"id": "p", "name": "P"}]},
            "stages": [{"id": "a", "name": "A", "phase": "p"}, {"id": "b", "name": "B"}],
            "flows": [{"id": "f", "from": "a", "to": "b"}],
            "people": [{"id": "s", "name": "S", "kind": "student"}],
            "topics": [{"id": "t", "title": "T", "student": "s", "stage": "b"}]"#,
        );
        let a = analyse(&m);
        assert_eq!(a.gaps, gaps(&m));
        assert_eq!(a.coverage, coverage(&m));
        assert_eq!(a.count(Severity::Error), 1);
        assert_eq!(a.count(Severity::Warning), 6, "{:?}", a.gaps);
        assert_eq!(a.count(Severity::Info), 1);
    }

    /// A map at the format's limits: 10,000 stages in 10 phases, 50,000
    /// flows (a long chain, cross links and feedback loops), 10,000 topics
    /// by 5,000 students. Built directly, without the importer.
    pub(crate) fn big_map() -> Map {
        let id = |p: &str, i: usize| Id::new(format!("{p}{i}"));
        let phases: Vec<crate::model::Phase> = (0..10)
            .map(|i| crate::model::Phase { id: id("ph", i), name: format!("Phase {i}"), extra: vec![] })
            .collect();
        let n = 10_000;
        let stages: Vec<Stage> = (0..n)
            .map(|i| Stage {
                id: id("s", i),
                name: format!("Stage {i}"),
                phase: if i % 97 == 0 { None } else { Some(id("ph", i * 10 / n)) },
                role: String::new(),
                external_inputs: vec![],
                external_outputs: vec![],
                pos: None,
                extra: vec![],
            })
            .collect();
        let mut flows = Vec::with_capacity(50_000);
        let mut k = 0;
        let mut flow = |from: usize, to: usize, flows: &mut Vec<Flow>| {
            if from != to {
                flows.push(Flow {
                    id: id("f", k),
                    from: id("s", from),
                    to: id("s", to),
                    artifact: if k % 7 == 0 { String::new() } else { format!("artifact {k}") },
                    extra: vec![],
                });
                k += 1;
            }
        };
        // A chain over the first 9,000 stages, leaving 1,000 in small islands.
        for i in 1..9_000 {
            flow(i - 1, i, &mut flows);
        }
        let mut x: u64 = 12345;
        while flows.len() < 49_500 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let a = (x >> 33) as usize % 9_000;
            let b = (x >> 13) as usize % 9_000;
            // Mostly forward, some back links make loops.
            let (from, to) = if (x >> 7).is_multiple_of(10) { (a.max(b), a.min(b)) } else { (a.min(b), a.max(b)) };
            flow(from, to, &mut flows);
        }
        for i in (9_000..n).step_by(2) {
            flow(i, i + 1, &mut flows);
        }
        let mut people: Vec<Person> = (0..5_000)
            .map(|i| Person {
                id: id("st", i),
                name: format!("Student {i}"),
                kind: PersonKind::Student,
                affiliation: String::new(),
                extra: vec![],
            })
            .collect();
        people.extend((0..100).map(|i| Person {
            id: id("sup", i),
            name: format!("Supervisor {i}"),
            kind: if i % 2 == 0 { PersonKind::AcademicSupervisor } else { PersonKind::EnterpriseSupervisor },
            affiliation: String::new(),
            extra: vec![],
        }));
        let topics: Vec<Topic> = (0..10_000)
            .map(|i| Topic {
                id: id("t", i),
                title: format!("Topic {i}"),
                student: id("st", (i * 7) % 4_999),
                stage: if i % 50 == 0 { None } else { Some(id("s", (i * 13) % n)) },
                supervisors: if i % 11 == 0 { vec![] } else { vec![id("sup", i % 100)] },
                defense_date: String::new(),
                notes: String::new(),
                extra: vec![],
            })
            .collect();
        Map {
            project: Project { title: "Big".into(), phases, ..Project::default() },
            stages,
            flows,
            people,
            topics,
            extra: vec![],
        }
    }

    #[test]
    fn a_map_at_the_limits_is_analysed() {
        let m = big_map();
        let problems = crate::format::validate::check(&m);
        assert!(problems.is_empty(), "the big map is valid: {:?}", problems.first());
        let start = Instant::now();
        let a = analyse(&m);
        let took = start.elapsed();
        eprintln!("analyse of a map at the limits: {took:?} ({} gaps)", a.gaps.len());
        assert_eq!(a.coverage.total_stages, 10_000);
        assert_eq!(a.coverage.matrix.len(), 10_000);
        let islands = a.gaps.iter().filter(|g| g.code == GapCode::Island).count();
        assert_eq!(islands, 500);
        assert!(a.gaps.iter().any(|g| g.code == GapCode::Loop));
        let ranks: Vec<usize> = a.gaps.iter().map(|g| g.code.rank()).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
        let start = Instant::now();
        let index = ChainIndex::new(&m);
        let chain = index.chain(&m, 8_999);
        eprintln!("chain index and one chain: {:?}", start.elapsed());
        assert!(chain.upstream_stages.len() >= 8_998);
        let start = Instant::now();
        let msgs = messages(&a.gaps, &m);
        eprintln!("{} messages: {:?}", msgs.len(), start.elapsed());
        let b = brief_from(&m, &Id::new("t1"), &a.gaps).unwrap();
        assert!(b.check(CheckItem::StageSet));
        // Generous even for an unoptimised build; release is far below 50 ms.
        assert!(took.as_secs() < 10, "analyse took {took:?}");
    }
}
