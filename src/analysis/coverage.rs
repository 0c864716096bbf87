//! Coverage (PRODUCT.md item 6): per phase, stages covered out of all; the
//! stage × student matrix; the topics of every supervisor; the share of
//! stages with a student. A stage is covered when a topic sits at it.
//!
//! The matrix is sparse: a map may hold 10,000 stages and thousands of
//! students, and a dense table of that size would not fit in memory. Each
//! row lists only the student columns that hold a topic.

use super::index::{Csr, MapIndex};
use crate::model::{Id, Map, PersonKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseCoverage {
    /// `None`: the stages without a phase.
    pub phase: Option<Id>,
    pub covered: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupervisorLoad {
    pub person: Id,
    pub kind: PersonKind,
    /// Topics naming this supervisor, in file order.
    pub topics: Vec<Id>,
}

/// One stage's row of the stage × student matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    pub stage: Id,
    /// The stage's phase (`None` without one).
    pub phase: Option<Id>,
    /// `(column in Coverage::students, topic ids of that student at this stage in file order)`,
    /// only for columns holding a topic, columns ascending.
    pub cells: Vec<(usize, Vec<Id>)>,
}

impl MatrixRow {
    /// The topics at this stage by the student in `column`; empty when none.
    pub fn topics_of(&self, column: usize) -> &[Id] {
        match self.cells.binary_search_by_key(&column, |(c, _)| *c) {
            Ok(i) => self.cells.get(i).map_or(&[], |(_, t)| t.as_slice()),
            Err(_) => &[],
        }
    }

    /// The row with one entry per student column (`columns` = number of students).
    pub fn dense(&self, columns: usize) -> Vec<Vec<Id>> {
        let mut out = vec![Vec::new(); columns];
        for (c, topics) in &self.cells {
            if let Some(cell) = out.get_mut(*c) {
                cell.clone_from(topics);
            }
        }
        out
    }

    pub fn is_covered(&self) -> bool {
        !self.cells.is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    /// Phases in order, then a `None` row only if some stage has no phase.
    pub phases: Vec<PhaseCoverage>,
    /// Students in people file order: the matrix columns.
    pub students: Vec<Id>,
    /// Stages in chain order: phase order, file order within a phase, the
    /// stages without a phase last.
    pub matrix: Vec<MatrixRow>,
    /// Every supervisor: academic ones first, then enterprise, each in file order.
    pub supervisors: Vec<SupervisorLoad>,
    pub covered_stages: usize,
    pub total_stages: usize,
}

impl Coverage {
    /// Covered stages / all stages; 0.0 when there are no stages.
    pub fn share(&self) -> f64 {
        if self.total_stages == 0 {
            0.0
        } else {
            self.covered_stages as f64 / self.total_stages as f64
        }
    }

    /// The topics at matrix row `row` by the student in `column`.
    pub fn cell(&self, row: usize, column: usize) -> &[Id] {
        self.matrix.get(row).map_or(&[], |r| r.topics_of(column))
    }

    /// The stable JSON shape used by `chainmap check --json`:
    /// `{"stages_covered", "stages_total", "share", "phases": [{"phase", "covered", "total"}],
    /// "students", "matrix": [{"stage", "topics": [[ids per student]]}],
    /// "supervisors": [{"person", "kind", "topics"}]}`.
    /// The matrix is written out in full: one list per student in every row.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{json, Value};
        let ids = |v: &[Id]| Value::Array(v.iter().map(|id| Value::String(id.as_str().to_string())).collect());
        let columns = self.students.len();
        json!({
            "stages_covered": self.covered_stages,
            "stages_total": self.total_stages,
            "share": self.share(),
            "phases": self.phases.iter().map(|p| json!({
                "phase": p.phase.as_ref().map(|id| id.as_str()),
                "covered": p.covered,
                "total": p.total,
            })).collect::<Vec<_>>(),
            "students": ids(&self.students),
            "matrix": self.matrix.iter().map(|r| json!({
                "stage": r.stage.as_str(),
                "topics": Value::Array(r.dense(columns).iter().map(|c| ids(c)).collect()),
            })).collect::<Vec<_>>(),
            "supervisors": self.supervisors.iter().map(|s| json!({
                "person": s.person.as_str(),
                "kind": s.kind.as_str(),
                "topics": ids(&s.topics),
            })).collect::<Vec<_>>(),
        })
    }
}

pub fn coverage(map: &Map) -> Coverage {
    coverage_with(map, &MapIndex::new(map))
}

#[inline(never)] // a phase of its own (and in profiles)
pub(crate) fn coverage_with(map: &Map, ix: &MapIndex) -> Coverage {
    let phase_count = map.project.phases.len();
    // Stages grouped by phase (the last group: no phase), file order within.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); phase_count + 1];
    for (s, p) in ix.stage_phase.iter().enumerate() {
        let g = p.unwrap_or(phase_count);
        if let Some(group) = groups.get_mut(g) {
            group.push(s);
        }
    }

    let mut phases: Vec<PhaseCoverage> = Vec::with_capacity(phase_count + 1);
    for (g, group) in groups.iter().enumerate() {
        let phase = map.project.phases.get(g).map(|p| p.id.clone());
        if phase.is_none() && group.is_empty() {
            continue;
        }
        let covered = group.iter().filter(|&&s| ix.is_covered(s)).count();
        phases.push(PhaseCoverage { phase, covered, total: group.len() });
    }

    // Matrix columns: the students, in people order.
    let mut column: Vec<Option<usize>> = vec![None; map.people.len()];
    let mut students = Vec::new();
    for (p, person) in map.people.iter().enumerate() {
        if person.kind == PersonKind::Student {
            if let Some(c) = column.get_mut(p) {
                *c = Some(students.len());
            }
            students.push(person.id.clone());
        }
    }
    let column_of_topic =
        |t: usize| ix.topic_student.get(t).copied().flatten().and_then(|p| column.get(p).copied().flatten());

    let mut matrix = Vec::with_capacity(map.stages.len());
    let mut placed: Vec<(usize, usize)> = Vec::new();
    for &s in groups.iter().flatten() {
        let Some(stage) = map.stages.get(s) else { continue };
        // (column, topic) in file order, then grouped by column (stable sort).
        placed.clear();
        placed.extend(ix.topics_at.row(s).iter().filter_map(|&t| column_of_topic(t).map(|c| (c, t))));
        crate::sorting::sort_by_key(&mut placed, |&(c, _)| c);
        let mut cells: Vec<(usize, Vec<Id>)> = Vec::new();
        for &(c, t) in &placed {
            let Some(topic) = map.topics.get(t) else { continue };
            match cells.last_mut() {
                Some((col, list)) if *col == c => list.push(topic.id.clone()),
                _ => cells.push((c, vec![topic.id.clone()])),
            }
        }
        let phase =
            ix.stage_phase.get(s).copied().flatten().and_then(|p| map.project.phases.get(p)).map(|p| p.id.clone());
        matrix.push(MatrixRow { stage: stage.id.clone(), phase, cells });
    }

    // Topics per supervisor: (person, topic) pairs in topic file order.
    let pairs: Vec<(usize, usize)> =
        (0..map.topics.len()).flat_map(|t| ix.topic_supervisors.row(t).iter().map(move |&p| (p, t))).collect();
    let load = Csr::from_pairs(map.people.len(), &pairs);
    let mut supervisors = Vec::new();
    for kind in [PersonKind::AcademicSupervisor, PersonKind::EnterpriseSupervisor] {
        for (p, person) in map.people.iter().enumerate().filter(|(_, person)| person.kind == kind) {
            let topics = load.row(p).iter().filter_map(|&t| map.topics.get(t)).map(|t| t.id.clone()).collect();
            supervisors.push(SupervisorLoad { person: person.id.clone(), kind, topics });
        }
    }

    let total_stages = map.stages.len();
    let covered_stages = (0..total_stages).filter(|&s| ix.is_covered(s)).count();
    Coverage { phases, students, matrix, supervisors, covered_stages, total_stages }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::analysis::testing::map_from;

    fn names(ids: &[Id]) -> Vec<&str> {
        ids.iter().map(Id::as_str).collect()
    }

    const MAP: &str = r#""project": {"title": "T", "phases": [
            {"id": "lab", "name": "Lab"}, {"id": "pilot", "name": "Pilot"}, {"id": "market", "name": "Market"}
        ]},
        "stages": [
            {"id": "p1", "name": "P1", "phase": "pilot"},
            {"id": "x", "name": "X"},
            {"id": "l1", "name": "L1", "phase": "lab"},
            {"id": "p2", "name": "P2", "phase": "pilot"},
            {"id": "l2", "name": "L2", "phase": "lab"}
        ],
        "people": [
            {"id": "en", "name": "E", "kind": "enterprise_supervisor"},
            {"id": "s2", "name": "B", "kind": "student"},
            {"id": "ac2", "name": "A2", "kind": "academic_supervisor"},
            {"id": "s1", "name": "A", "kind": "student"},
            {"id": "ac1", "name": "A1", "kind": "academic_supervisor"}
        ],
        "topics": [
            {"id": "t1", "title": "1", "student": "s1", "stage": "p2", "supervisors": ["ac1", "en"]},
            {"id": "t2", "title": "2", "student": "s2", "stage": "p2", "supervisors": ["ac1"]},
            {"id": "t3", "title": "3", "student": "s1", "stage": "p2", "supervisors": ["en"]},
            {"id": "t4", "title": "4", "student": "s2", "stage": "x", "supervisors": ["ac1"]},
            {"id": "t5", "title": "5", "student": "s1", "stage": null, "supervisors": ["ac1"]}
        ]"#;

    #[test]
    fn rows_in_chain_order_and_phase_counts() {
        let m = map_from(MAP);
        let c = coverage(&m);
        let rows: Vec<&str> = c.matrix.iter().map(|r| r.stage.as_str()).collect();
        assert_eq!(rows, vec!["l1", "l2", "p1", "p2", "x"]);
        assert_eq!(
            c.phases,
            vec![
                PhaseCoverage { phase: Some(Id::new("lab")), covered: 0, total: 2 },
                PhaseCoverage { phase: Some(Id::new("pilot")), covered: 1, total: 2 },
                PhaseCoverage { phase: Some(Id::new("market")), covered: 0, total: 0 },
                PhaseCoverage { phase: None, covered: 1, total: 1 },
            ]
        );
        assert_eq!((c.covered_stages, c.total_stages), (2, 5));
        assert!((c.share() - 0.4).abs() < 1e-12);
        assert_eq!(c.matrix.get(3).and_then(|r| r.phase.as_ref()).map(Id::as_str), Some("pilot"));
        assert_eq!(c.matrix.get(4).and_then(|r| r.phase.as_ref()), None);
    }

    #[test]
    fn matrix_columns_are_students_in_file_order() {
        let m = map_from(MAP);
        let c = coverage(&m);
        assert_eq!(names(&c.students), vec!["s2", "s1"]);
        // Row p2 (index 3): s2 holds t2, s1 holds t1 and t3.
        assert_eq!(names(c.cell(3, 0)), vec!["t2"]);
        assert_eq!(names(c.cell(3, 1)), vec!["t1", "t3"]);
        assert!(c.cell(0, 0).is_empty());
        assert!(c.cell(99, 0).is_empty());
        assert!(c.cell(3, 9).is_empty());
        let p2 = c.matrix.get(3).unwrap();
        assert_eq!(p2.dense(2), vec![vec![Id::new("t2")], vec![Id::new("t1"), Id::new("t3")]]);
        assert!(p2.is_covered());
        assert!(!c.matrix.first().unwrap().is_covered());
        // The unplaced t5 is in no row.
        assert!(c.matrix.iter().all(|r| r.cells.iter().all(|(_, t)| !t.contains(&Id::new("t5")))));
    }

    #[test]
    fn supervisors_academic_first_then_enterprise() {
        let m = map_from(MAP);
        let c = coverage(&m);
        let got: Vec<(&str, PersonKind, Vec<&str>)> =
            c.supervisors.iter().map(|s| (s.person.as_str(), s.kind, names(&s.topics))).collect();
        assert_eq!(
            got,
            vec![
                ("ac2", PersonKind::AcademicSupervisor, vec![]),
                ("ac1", PersonKind::AcademicSupervisor, vec!["t1", "t2", "t4", "t5"]),
                ("en", PersonKind::EnterpriseSupervisor, vec!["t1", "t3"]),
            ]
        );
    }

    #[test]
    fn no_phaseless_row_when_every_stage_has_a_phase_and_empty_map() {
        let m = map_from(
            r#""project": {"title": "T", "phases": [{"id": "a", "name": "A"}]}, "stages": [{"id": "s", "name": "S", "phase": "a"}]"#,
        );
        let c = coverage(&m);
        assert_eq!(c.phases, vec![PhaseCoverage { phase: Some(Id::new("a")), covered: 0, total: 1 }]);
        let e = coverage(&map_from(""));
        assert_eq!(e.share(), 0.0);
        assert!(e.phases.is_empty() && e.matrix.is_empty() && e.students.is_empty());
    }

    #[test]
    fn json_shape_is_stable() {
        let m = map_from(MAP);
        let j = coverage(&m).to_json();
        assert_eq!(j["stages_covered"], 2);
        assert_eq!(j["stages_total"], 5);
        assert_eq!(j["share"], 0.4);
        assert_eq!(j["phases"][0], serde_json::json!({"phase": "lab", "covered": 0, "total": 2}));
        assert_eq!(j["phases"][3], serde_json::json!({"phase": null, "covered": 1, "total": 1}));
        assert_eq!(j["students"], serde_json::json!(["s2", "s1"]));
        assert_eq!(j["matrix"][3], serde_json::json!({"stage": "p2", "topics": [["t2"], ["t1", "t3"]]}));
        assert_eq!(j["matrix"][0], serde_json::json!({"stage": "l1", "topics": [[], []]}));
        assert_eq!(
            j["supervisors"][2],
            serde_json::json!({"person": "en", "kind": "enterprise_supervisor", "topics": ["t1", "t3"]})
        );
        let keys: Vec<&String> = j.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 7);
    }
}
