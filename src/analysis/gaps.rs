//! The gap catalogue (PRODUCT.md, "The gap catalogue"): what is missing or
//! worth a second look in a map, each gap with a stable code, a severity and
//! the ids it concerns.
//!
//! Order of the output: catalogue order of the codes, and within one code the
//! file order of the first id (for `loop` and `island`, the earliest stage of
//! the set). The ids of one gap follow PRODUCT.md: the topic; the stage; the
//! flow; topic then upstream stage; the stages of a set (file order); the
//! phase; the person; the stage then its topics (file order).
//!
//! Linear in the size of the map (hash look-ups, one union-find pass, one
//! strongly-connected-components pass).

use petgraph::unionfind::UnionFind;

use super::index::{any_named, FastMap, MapIndex};
use crate::model::{Flow, Id, Map, PersonKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GapCode {
    UnplacedTopic,
    UnsupervisedTopic,
    UncoveredStage,
    UnsuppliedStage,
    DeadEndStage,
    UnnamedFlow,
    UpstreamUncovered,
    Island,
    UncoveredPhase,
    NoEnterpriseSupervisor,
    IdleStudent,
    CrowdedStage,
    Loop,
    EmptyPhase,
}

impl GapCode {
    /// Catalogue order (the table in PRODUCT.md), which is also output order.
    pub const ALL: [GapCode; 14] = [
        GapCode::UnplacedTopic,
        GapCode::UnsupervisedTopic,
        GapCode::UncoveredStage,
        GapCode::UnsuppliedStage,
        GapCode::DeadEndStage,
        GapCode::UnnamedFlow,
        GapCode::UpstreamUncovered,
        GapCode::Island,
        GapCode::UncoveredPhase,
        GapCode::NoEnterpriseSupervisor,
        GapCode::IdleStudent,
        GapCode::CrowdedStage,
        GapCode::Loop,
        GapCode::EmptyPhase,
    ];

    /// The stable code, as in files, `check --json` and PRODUCT.md.
    pub fn as_str(self) -> &'static str {
        match self {
            GapCode::UnplacedTopic => "unplaced-topic",
            GapCode::UnsupervisedTopic => "unsupervised-topic",
            GapCode::UncoveredStage => "uncovered-stage",
            GapCode::UnsuppliedStage => "unsupplied-stage",
            GapCode::DeadEndStage => "dead-end-stage",
            GapCode::UnnamedFlow => "unnamed-flow",
            GapCode::UpstreamUncovered => "upstream-uncovered",
            GapCode::Island => "island",
            GapCode::UncoveredPhase => "uncovered-phase",
            GapCode::NoEnterpriseSupervisor => "no-enterprise-supervisor",
            GapCode::IdleStudent => "idle-student",
            GapCode::CrowdedStage => "crowded-stage",
            GapCode::Loop => "loop",
            GapCode::EmptyPhase => "empty-phase",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            GapCode::UnplacedTopic | GapCode::UnsupervisedTopic => Severity::Error,
            GapCode::UncoveredStage
            | GapCode::UnsuppliedStage
            | GapCode::DeadEndStage
            | GapCode::UnnamedFlow
            | GapCode::UpstreamUncovered
            | GapCode::Island
            | GapCode::UncoveredPhase => Severity::Warning,
            GapCode::NoEnterpriseSupervisor
            | GapCode::IdleStudent
            | GapCode::CrowdedStage
            | GapCode::Loop
            | GapCode::EmptyPhase => Severity::Info,
        }
    }

    pub fn parse(s: &str) -> Option<GapCode> {
        GapCode::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Position in the catalogue (0-based).
    pub fn rank(self) -> usize {
        GapCode::ALL.iter().position(|&c| c == self).unwrap_or(GapCode::ALL.len())
    }
}

/// One gap: what kind, and the ids it concerns (in the order PRODUCT.md gives).
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub code: GapCode,
    pub ids: Vec<Id>,
}

impl Gap {
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Plain English, naming things by their display names (falling back to
    /// ids). Looks names up linearly; for many gaps use [`messages`] or
    /// [`Gap::message_with`] with one [`Names`].
    pub fn message(&self, map: &Map) -> String {
        self.message_with(&Names::linear(map))
    }

    pub fn message_with(&self, names: &Names) -> String {
        let first = self.ids.first();
        let second = self.ids.get(1);
        let rest = self.ids.get(1..).unwrap_or(&[]);
        let topic = |id: Option<&Id>| id.map_or_else(|| "?".to_string(), |id| quote(names.topic(id)));
        let stage = |id: Option<&Id>| id.map_or_else(|| "?".to_string(), |id| quote(names.stage(id)));
        let phase = |id: Option<&Id>| id.map_or_else(|| "?".to_string(), |id| quote(names.phase(id)));
        let stages = |ids: &[Id]| list(ids.iter().map(|id| quote(names.stage(id))).collect());
        match self.code {
            GapCode::UnplacedTopic => format!("Topic {} is not placed at any stage yet.", topic(first)),
            GapCode::UnsupervisedTopic => format!("Topic {} has no supervisor.", topic(first)),
            GapCode::UncoveredStage => format!("Nobody works at stage {}: no topic sits there.", stage(first)),
            GapCode::UnsuppliedStage => format!(
                "Stage {} has no incoming flow and no external input: where do its inputs come from?",
                stage(first)
            ),
            GapCode::DeadEndStage => {
                format!("Stage {} has no outgoing flow and no external output: who uses what it makes?", stage(first))
            }
            GapCode::UnnamedFlow => match first.and_then(|id| names.flow(id)) {
                Some(f) => format!(
                    "The flow from stage {} to stage {} has no artifact name: what is handed over?",
                    quote(names.stage(&f.from)),
                    quote(names.stage(&f.to))
                ),
                None => format!(
                    "Flow {} has no artifact name: what is handed over?",
                    first.map_or_else(|| "?".to_string(), |id| quote(id.as_str()))
                ),
            },
            GapCode::UpstreamUncovered => {
                format!("Topic {} takes input from stage {}, where nobody works.", topic(first), stage(second))
            }
            GapCode::Island if self.ids.len() == 1 => {
                format!("Stage {} is not connected to the main chain.", stage(first))
            }
            GapCode::Island => format!("Stages {} are not connected to the main chain.", stages(&self.ids)),
            GapCode::UncoveredPhase => {
                format!("Phase {} has stages, but nobody works at any of them.", phase(first))
            }
            GapCode::NoEnterpriseSupervisor => {
                format!("Topic {} has no enterprise supervisor (the dual-supervisor model asks for one).", topic(first))
            }
            GapCode::IdleStudent => format!(
                "Student {} has no topic yet.",
                first.map_or_else(|| "?".to_string(), |id| quote(names.person(id)))
            ),
            GapCode::CrowdedStage => format!(
                "Stage {} holds {} topics ({}): coordinate the split.",
                stage(first),
                rest.len(),
                list(rest.iter().map(|id| quote(names.topic(id))).collect())
            ),
            GapCode::Loop => format!("Stages {} form a loop of flows (feedback or recycling).", stages(&self.ids)),
            GapCode::EmptyPhase => format!("Phase {} has no stages.", phase(first)),
        }
    }

    /// `{"code", "severity", "ids", "message"}`, as in `chainmap check --json`.
    pub fn to_json(&self, names: &Names) -> serde_json::Value {
        serde_json::json!({
            "code": self.code.as_str(),
            "severity": self.severity().as_str(),
            "ids": self.ids.iter().map(|id| id.as_str()).collect::<Vec<_>>(),
            "message": self.message_with(names),
        })
    }
}

/// The messages of many gaps, with one look-up table.
pub fn messages(gaps: &[Gap], map: &Map) -> Vec<String> {
    let names = Names::new(map);
    gaps.iter().map(|g| g.message_with(&names)).collect()
}

fn quote(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

/// "a", "a and b", "a, b and c".
fn list(items: Vec<String>) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} and {last}", init.join(", ")),
    }
}

/// Display names of a map's things, falling back to the id.
pub struct Names<'a> {
    map: &'a Map,
    index: Index<'a>,
}

enum Index<'a> {
    /// The map's own look-ups (linear searches).
    Linear,
    /// Hash tables built for this `Names`.
    Own(NameIndex<'a>),
    /// Positions kept with the document (`NameTable`).
    Kept(&'a NameTable),
}

struct NameIndex<'a> {
    stage: FastMap<&'a Id, &'a str>,
    topic: FastMap<&'a Id, &'a str>,
    person: FastMap<&'a Id, &'a str>,
    phase: FastMap<&'a Id, &'a str>,
    flow: FastMap<&'a Id, &'a Flow>,
}

/// The position of every stage, topic, person, phase and flow by id, built
/// once per document (the app keeps it with the analysis) so that each
/// panel that names things does not build its own tables. A look-up checks
/// the id at the position, so a table older than the map can only make a
/// look-up slower (it falls back to a search), never give a wrong name.
#[derive(Debug, Default, PartialEq)]
pub struct NameTable {
    stage: FastMap<Id, usize>,
    topic: FastMap<Id, usize>,
    person: FastMap<Id, usize>,
    phase: FastMap<Id, usize>,
    flow: FastMap<Id, usize>,
}

fn positions<T>(items: &[T], id: impl Fn(&T) -> &Id) -> FastMap<Id, usize> {
    let mut out = FastMap::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        out.entry(id(item).clone()).or_insert(i);
    }
    out
}

impl NameTable {
    pub fn new(map: &Map) -> NameTable {
        NameTable {
            stage: positions(&map.stages, |s| &s.id),
            topic: positions(&map.topics, |t| &t.id),
            person: positions(&map.people, |p| &p.id),
            phase: positions(&map.project.phases, |p| &p.id),
            flow: positions(&map.flows, |f| &f.id),
        }
    }
}

/// The item at the kept position of `id`, when it still has that id.
fn kept<'a, T>(table: &FastMap<Id, usize>, items: &'a [T], id: &Id, id_of: impl Fn(&T) -> &Id) -> Option<&'a T> {
    table.get(id).and_then(|&i| items.get(i)).filter(|item| id_of(item) == id)
}

fn table<'a, T: 'a, V>(items: &'a [T], f: impl Fn(&'a T) -> (&'a Id, V)) -> FastMap<&'a Id, V> {
    let mut out = FastMap::with_capacity_and_hasher(items.len(), Default::default());
    for item in items {
        let (k, v) = f(item);
        out.entry(k).or_insert(v);
    }
    out
}

impl<'a> Names<'a> {
    /// With hash tables: for naming many things.
    pub fn new(map: &'a Map) -> Names<'a> {
        let index = NameIndex {
            stage: table(&map.stages, |s| (&s.id, s.name.as_str())),
            topic: table(&map.topics, |t| (&t.id, t.title.as_str())),
            person: table(&map.people, |p| (&p.id, p.name.as_str())),
            phase: table(&map.project.phases, |p| (&p.id, p.name.as_str())),
            flow: table(&map.flows, |f| (&f.id, f)),
        };
        Names { map, index: Index::Own(index) }
    }

    /// With the tables kept for this document: for naming many things often.
    pub fn kept(map: &'a Map, table: &'a NameTable) -> Names<'a> {
        Names { map, index: Index::Kept(table) }
    }

    /// Without tables: for naming one or two things.
    pub fn linear(map: &'a Map) -> Names<'a> {
        Names { map, index: Index::Linear }
    }

    fn pick<'b>(name: Option<&'b str>, id: &'b Id) -> &'b str {
        match name {
            Some(n) if !n.trim().is_empty() => n,
            _ => id.as_str(),
        }
    }

    pub fn stage<'b>(&'b self, id: &'b Id) -> &'b str {
        let name = match &self.index {
            Index::Own(ix) => ix.stage.get(id).copied(),
            Index::Kept(t) => {
                kept(&t.stage, &self.map.stages, id, |s| &s.id).or_else(|| self.map.stage(id)).map(|s| s.name.as_str())
            }
            Index::Linear => self.map.stage(id).map(|s| s.name.as_str()),
        };
        Self::pick(name, id)
    }

    pub fn topic<'b>(&'b self, id: &'b Id) -> &'b str {
        let name = match &self.index {
            Index::Own(ix) => ix.topic.get(id).copied(),
            Index::Kept(t) => {
                kept(&t.topic, &self.map.topics, id, |x| &x.id).or_else(|| self.map.topic(id)).map(|x| x.title.as_str())
            }
            Index::Linear => self.map.topic(id).map(|t| t.title.as_str()),
        };
        Self::pick(name, id)
    }

    pub fn person<'b>(&'b self, id: &'b Id) -> &'b str {
        let name = match &self.index {
            Index::Own(ix) => ix.person.get(id).copied(),
            Index::Kept(t) => kept(&t.person, &self.map.people, id, |x| &x.id)
                .or_else(|| self.map.person(id))
                .map(|x| x.name.as_str()),
            Index::Linear => self.map.person(id).map(|p| p.name.as_str()),
        };
        Self::pick(name, id)
    }

    pub fn phase<'b>(&'b self, id: &'b Id) -> &'b str {
        let name = match &self.index {
            Index::Own(ix) => ix.phase.get(id).copied(),
            Index::Kept(t) => kept(&t.phase, &self.map.project.phases, id, |x| &x.id)
                .or_else(|| self.map.phase(id))
                .map(|x| x.name.as_str()),
            Index::Linear => self.map.phase(id).map(|p| p.name.as_str()),
        };
        Self::pick(name, id)
    }

    pub fn flow(&self, id: &Id) -> Option<&'a Flow> {
        match &self.index {
            Index::Own(ix) => ix.flow.get(id).copied(),
            Index::Kept(t) => kept(&t.flow, &self.map.flows, id, |x| &x.id).or_else(|| self.map.flow(id)),
            Index::Linear => self.map.flow(id),
        }
    }
}

/// Every gap of the map, in catalogue order, then file order.
pub fn gaps(map: &Map) -> Vec<Gap> {
    gaps_with(map, &MapIndex::new(map))
}

#[inline(never)] // a phase of its own (and in profiles)
pub(crate) fn gaps_with(map: &Map, ix: &MapIndex) -> Vec<Gap> {
    let mut out = Vec::new();
    let mut push = |code: GapCode, ids: Vec<Id>| out.push(Gap { code, ids });
    let placed = |t: usize| ix.topic_stage.get(t).copied().flatten();

    // unplaced-topic
    for (t, topic) in map.topics.iter().enumerate() {
        if placed(t).is_none() {
            push(GapCode::UnplacedTopic, vec![topic.id.clone()]);
        }
    }
    // unsupervised-topic
    for (t, topic) in map.topics.iter().enumerate() {
        if !ix.has_supervisor(map, t, PersonKind::is_supervisor) {
            push(GapCode::UnsupervisedTopic, vec![topic.id.clone()]);
        }
    }
    // uncovered-stage
    for (s, stage) in map.stages.iter().enumerate() {
        if !ix.is_covered(s) {
            push(GapCode::UncoveredStage, vec![stage.id.clone()]);
        }
    }
    // unsupplied-stage
    for (s, stage) in map.stages.iter().enumerate() {
        let fed = !ix.flows_in.row(s).is_empty();
        if !fed && !any_named(&stage.external_inputs) {
            push(GapCode::UnsuppliedStage, vec![stage.id.clone()]);
        }
    }
    // dead-end-stage
    for (s, stage) in map.stages.iter().enumerate() {
        let feeds = !ix.flows_out.row(s).is_empty();
        if !feeds && !any_named(&stage.external_outputs) {
            push(GapCode::DeadEndStage, vec![stage.id.clone()]);
        }
    }
    // unnamed-flow
    for flow in &map.flows {
        if flow.artifact.trim().is_empty() {
            push(GapCode::UnnamedFlow, vec![flow.id.clone()]);
        }
    }
    // upstream-uncovered: one per topic and distinct direct upstream stage.
    for (t, topic) in map.topics.iter().enumerate() {
        let Some(s) = placed(t) else { continue };
        let mut ups: Vec<usize> = ix
            .flows_in
            .row(s)
            .iter()
            .filter_map(|&f| ix.flow_ends.get(f).copied().flatten())
            .map(|(from, _)| from)
            .filter(|&from| from != s && !ix.is_covered(from))
            .collect();
        ups.sort_unstable();
        ups.dedup();
        for u in ups {
            if let Some(up) = map.stages.get(u) {
                push(GapCode::UpstreamUncovered, vec![topic.id.clone(), up.id.clone()]);
            }
        }
    }
    // island
    for set in islands(map, ix) {
        push(GapCode::Island, stage_ids(map, &set));
    }
    // uncovered-phase
    let phase_count = map.project.phases.len();
    let mut phase_stages = vec![0usize; phase_count];
    let mut phase_covered = vec![0usize; phase_count];
    for (s, p) in ix.stage_phase.iter().enumerate() {
        if let Some(p) = *p {
            if let Some(n) = phase_stages.get_mut(p) {
                *n += 1;
            }
            if ix.is_covered(s) {
                if let Some(n) = phase_covered.get_mut(p) {
                    *n += 1;
                }
            }
        }
    }
    for ((phase, &total), &covered) in map.project.phases.iter().zip(&phase_stages).zip(&phase_covered) {
        if total > 0 && covered == 0 {
            push(GapCode::UncoveredPhase, vec![phase.id.clone()]);
        }
    }
    // no-enterprise-supervisor (also for topics with no supervisor at all)
    for (t, topic) in map.topics.iter().enumerate() {
        if !ix.has_supervisor(map, t, |k| k == PersonKind::EnterpriseSupervisor) {
            push(GapCode::NoEnterpriseSupervisor, vec![topic.id.clone()]);
        }
    }
    // idle-student
    let mut with_topic = vec![false; map.people.len()];
    for p in ix.topic_student.iter().flatten() {
        if let Some(w) = with_topic.get_mut(*p) {
            *w = true;
        }
    }
    for (person, &busy) in map.people.iter().zip(&with_topic) {
        if person.kind == PersonKind::Student && !busy {
            push(GapCode::IdleStudent, vec![person.id.clone()]);
        }
    }
    // crowded-stage
    for (s, stage) in map.stages.iter().enumerate() {
        let topics = ix.topics_at.row(s);
        if topics.len() > 1 {
            let mut ids = Vec::with_capacity(topics.len() + 1);
            ids.push(stage.id.clone());
            ids.extend(topics.iter().filter_map(|&t| map.topics.get(t)).map(|t| t.id.clone()));
            push(GapCode::CrowdedStage, ids);
        }
    }
    // loop
    for set in loops(map, ix) {
        push(GapCode::Loop, stage_ids(map, &set));
    }
    // empty-phase
    for (phase, &total) in map.project.phases.iter().zip(&phase_stages) {
        if total == 0 {
            push(GapCode::EmptyPhase, vec![phase.id.clone()]);
        }
    }
    out
}

fn stage_ids(map: &Map, set: &[usize]) -> Vec<Id> {
    set.iter().filter_map(|&s| map.stages.get(s)).map(|s| s.id.clone()).collect()
}

/// Weakly connected sets of stages other than the main chain, each in file
/// order, ordered by their earliest stage. The main chain is the largest set;
/// of equal ones, the one holding the earliest stage.
pub(crate) fn islands(map: &Map, ix: &MapIndex) -> Vec<Vec<usize>> {
    let n = map.stages.len();
    let mut uf = UnionFind::<usize>::new(n);
    for &(a, b) in ix.flow_ends.iter().flatten() {
        if a < n && b < n {
            uf.union(a, b);
        }
    }
    let labels = uf.into_labeling();
    // Sets in order of their earliest stage; stages in file order within.
    let mut set_of_root: FastMap<usize, usize> = FastMap::default();
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for (s, &root) in labels.iter().enumerate() {
        let k = *set_of_root.entry(root).or_insert_with(|| {
            sets.push(Vec::new());
            sets.len() - 1
        });
        if let Some(set) = sets.get_mut(k) {
            set.push(s);
        }
    }
    let mut main = 0;
    let mut best = 0;
    for (k, set) in sets.iter().enumerate() {
        if set.len() > best {
            best = set.len();
            main = k;
        }
    }
    sets.into_iter().enumerate().filter(|&(k, _)| k != main).map(|(_, set)| set).collect()
}

/// Strongly connected sets of two or more stages, each in file order,
/// ordered by their earliest stage. Iterative (Kosaraju), so a long chain
/// cannot overflow the stack.
pub(crate) fn loops(map: &Map, ix: &MapIndex) -> Vec<Vec<usize>> {
    let n = map.stages.len();
    let pairs = ix.flow_ends.iter().flatten().copied().filter(|&(a, b)| a != b);
    let mut sets: Vec<Vec<usize>> =
        crate::strongly_connected::sets(n, pairs).into_iter().filter(|c| c.len() >= 2).collect();
    crate::sorting::sort_by_key(&mut sets, |s| s.first().copied().unwrap_or(usize::MAX));
    sets
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::analysis::testing::map_from;

    fn ids(g: &Gap) -> Vec<&str> {
        g.ids.iter().map(Id::as_str).collect()
    }

    fn of(gaps: &[Gap], code: GapCode) -> Vec<Vec<&str>> {
        gaps.iter().filter(|g| g.code == code).map(ids).collect()
    }

    #[test]
    fn code_strings_round_trip_and_follow_the_catalogue() {
        let table = [
            ("unplaced-topic", Severity::Error),
            ("unsupervised-topic", Severity::Error),
            ("uncovered-stage", Severity::Warning),
            ("unsupplied-stage", Severity::Warning),
            ("dead-end-stage", Severity::Warning),
            ("unnamed-flow", Severity::Warning),
            ("upstream-uncovered", Severity::Warning),
            ("island", Severity::Warning),
            ("uncovered-phase", Severity::Warning),
            ("no-enterprise-supervisor", Severity::Info),
            ("idle-student", Severity::Info),
            ("crowded-stage", Severity::Info),
            ("loop", Severity::Info),
            ("empty-phase", Severity::Info),
        ];
        for (i, (code, (name, sev))) in GapCode::ALL.iter().zip(table).enumerate() {
            assert_eq!(code.as_str(), name);
            assert_eq!(code.severity(), sev, "{name}");
            assert_eq!(GapCode::parse(name), Some(*code));
            assert_eq!(code.rank(), i);
        }
        assert_eq!(GapCode::parse("Loop"), None);
        assert_eq!(Severity::Error.as_str(), "error");
        assert_eq!(Severity::Warning.as_str(), "warning");
        assert_eq!(Severity::Info.as_str(), "info");
        assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Info);
        assert_eq!(Severity::parse("info"), Some(Severity::Info));
    }

    #[test]
    fn empty_map_has_no_gaps() {
        assert!(gaps(&map_from("")).is_empty());
    }

    #[test]
    fn kept_names_agree_with_fresh_ones_even_when_the_table_is_older_than_the_map() {
        let mut map = map_from(BASE);
        let table = NameTable::new(&map);
        let ids: Vec<Id> = map.stages.iter().map(|s| s.id.clone()).collect();
        for id in &ids {
            assert_eq!(Names::kept(&map, &table).stage(id), Names::new(&map).stage(id));
        }
        assert_eq!(Names::kept(&map, &table).phase(&Id::new("prod")), "Production");
        // The map changes after the table was made: stages swap places and
        // one is renamed. The kept table must not give the other's name.
        map.stages.swap(0, 1);
        map.stages[0].name = "Renamed".into();
        let kept = Names::kept(&map, &table);
        assert_eq!(kept.stage(&Id::new("b")), "Renamed");
        assert_eq!(kept.stage(&Id::new("a")), "Alpha");
        assert_eq!(kept.stage(&Id::new("gone")), "gone", "an unknown id names itself");
    }

    const BASE: &str = r#"
        "project": {"title": "T", "phases": [{"id": "lab", "name": "Lab"}, {"id": "prod", "name": "Production"}]},
        "stages": [
            {"id": "a", "name": "Alpha", "phase": "lab", "external_inputs": ["ore"]},
            {"id": "b", "name": "Beta", "phase": "prod", "external_outputs": ["customer"]}
        ],
        "flows": [{"id": "f1", "from": "a", "to": "b", "artifact": "spec"}],
        "people": [
            {"id": "st", "name": "Stu", "kind": "student"},
            {"id": "ac", "name": "Prof", "kind": "academic_supervisor"},
            {"id": "en", "name": "Eng", "kind": "enterprise_supervisor"}
        ],
        "topics": [
            {"id": "t1", "title": "T one", "student": "st", "stage": "a", "supervisors": ["ac", "en"]},
            {"id": "t2", "title": "T two", "student": "st", "stage": "b", "supervisors": ["ac", "en"]}
        ]"#;

    #[test]
    fn a_complete_map_has_no_gaps() {
        let g = gaps(&map_from(BASE));
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn topic_gaps_unplaced_unsupervised_no_enterprise() {
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [{"id": "a", "name": "A", "external_inputs": ["x"], "external_outputs": ["y"]}],
            "people": [
                {"id": "st", "name": "Stu", "kind": "student"},
                {"id": "ac", "name": "Prof", "kind": "academic_supervisor"},
                {"id": "en", "name": "Eng", "kind": "enterprise_supervisor"}
            ],
            "topics": [
                {"id": "t1", "title": "One", "student": "st", "stage": null, "supervisors": ["en"]},
                {"id": "t2", "title": "Two", "student": "st", "stage": "a", "supervisors": []},
                {"id": "t3", "title": "Three", "student": "st", "supervisors": ["ac"]},
                {"id": "t4", "title": "Four", "student": "st", "stage": "a", "supervisors": ["ac", "en"]}
            ]"#,
        );
        let g = gaps(&m);
        assert_eq!(of(&g, GapCode::UnplacedTopic), vec![vec!["t1"], vec!["t3"]]);
        assert_eq!(of(&g, GapCode::UnsupervisedTopic), vec![vec!["t2"]]);
        assert_eq!(of(&g, GapCode::NoEnterpriseSupervisor), vec![vec!["t2"], vec!["t3"]]);
        assert_eq!(of(&g, GapCode::CrowdedStage), vec![vec!["a", "t2", "t4"]]);
        assert_eq!(g.len(), 6, "{g:?}");
        // unplaced topics never cause upstream gaps and do not cover anything
        assert!(of(&g, GapCode::UncoveredStage).is_empty());
    }

    #[test]
    fn stage_gaps_uncovered_unsupplied_dead_end() {
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [
                {"id": "a", "name": "A"},
                {"id": "b", "name": "B", "external_inputs": ["  "], "external_outputs": ["out"]},
                {"id": "c", "name": "C", "external_inputs": ["in"]},
                {"id": "d", "name": "D"}
            ],
            "flows": [{"id": "f", "from": "a", "to": "d", "artifact": "x"}]"#,
        );
        let g = gaps(&m);
        assert_eq!(of(&g, GapCode::UncoveredStage), vec![vec!["a"], vec!["b"], vec!["c"], vec!["d"]]);
        // a blank external input is no input
        assert_eq!(of(&g, GapCode::UnsuppliedStage), vec![vec!["a"], vec!["b"]]);
        assert_eq!(of(&g, GapCode::DeadEndStage), vec![vec!["c"], vec!["d"]]);
    }

    #[test]
    fn unnamed_flow_is_blank_after_trim() {
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "flows": [
                {"id": "f1", "from": "a", "to": "b", "artifact": "  "},
                {"id": "f2", "from": "a", "to": "b", "artifact": "x"},
                {"id": "f3", "from": "b", "to": "a"},
                {"id": "f4", "from": "b", "to": "a", "artifact": ""}
            ]"#,
        );
        let g = gaps(&m);
        assert_eq!(of(&g, GapCode::UnnamedFlow), vec![vec!["f1"], vec!["f3"], vec!["f4"]]);
        assert_eq!(of(&g, GapCode::Loop), vec![vec!["a", "b"]]);
    }

    #[test]
    fn upstream_uncovered_once_per_topic_and_stage_in_stage_order() {
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [
                {"id": "u2", "name": "Up two"},
                {"id": "x", "name": "X"},
                {"id": "cov", "name": "Covered"},
                {"id": "u1", "name": "Up one"}
            ],
            "flows": [
                {"id": "f1", "from": "u1", "to": "x", "artifact": "a"},
                {"id": "f2", "from": "u2", "to": "x", "artifact": "b"},
                {"id": "f3", "from": "u1", "to": "x", "artifact": "c"},
                {"id": "f4", "from": "cov", "to": "x", "artifact": "d"},
                {"id": "f5", "from": "x", "to": "cov", "artifact": "e"}
            ],
            "people": [{"id": "st", "name": "S", "kind": "student"}],
            "topics": [
                {"id": "t1", "title": "One", "student": "st", "stage": "x"},
                {"id": "t2", "title": "Two", "student": "st", "stage": "cov"},
                {"id": "t0", "title": "Zero", "student": "st", "stage": "x"}
            ]"#,
        );
        let g = gaps(&m);
        assert_eq!(
            of(&g, GapCode::UpstreamUncovered),
            vec![vec!["t1", "u2"], vec!["t1", "u1"], vec!["t0", "u2"], vec!["t0", "u1"]]
        );
        assert_eq!(
            g.iter().find(|g| g.code == GapCode::UpstreamUncovered).unwrap().message(&m),
            "Topic \u{201c}One\u{201d} takes input from stage \u{201c}Up two\u{201d}, where nobody works."
        );
    }

    #[test]
    fn islands_largest_set_is_main_ties_to_earliest() {
        // Sets: {p, q} (earliest p=0), {r, s} (r=2), {t, u, v} (largest) and {w}.
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [
                {"id": "p", "name": "P"}, {"id": "q", "name": "Q"}, {"id": "r", "name": "R"},
                {"id": "s", "name": "S"}, {"id": "v", "name": "V"}, {"id": "u", "name": "U"},
                {"id": "t", "name": "T"}, {"id": "w", "name": "W"}
            ],
            "flows": [
                {"id": "1", "from": "q", "to": "p", "artifact": "x"},
                {"id": "2", "from": "s", "to": "r", "artifact": "x"},
                {"id": "3", "from": "t", "to": "u", "artifact": "x"},
                {"id": "4", "from": "v", "to": "u", "artifact": "x"}
            ]"#,
        );
        let g = gaps(&m);
        assert_eq!(of(&g, GapCode::Island), vec![vec!["p", "q"], vec!["r", "s"], vec!["w"]]);

        // Tie: {b, c} and {a, d} both of size two: {a, d} holds the earliest stage.
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}, {"id": "d", "name": "D"}],
            "flows": [{"id": "1", "from": "c", "to": "b", "artifact": "x"}, {"id": "2", "from": "d", "to": "a", "artifact": "x"}]"#,
        );
        assert_eq!(of(&gaps(&m), GapCode::Island), vec![vec!["b", "c"]]);

        // No flows at all: the first stage is the main chain.
        let m = map_from(
            r#""project": {"title": "T"}, "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}]"#,
        );
        assert_eq!(of(&gaps(&m), GapCode::Island), vec![vec!["b"], vec!["c"]]);

        // One stage: no island.
        let m = map_from(r#""project": {"title": "T"}, "stages": [{"id": "a", "name": "A"}]"#);
        assert!(of(&gaps(&m), GapCode::Island).is_empty());
    }

    #[test]
    fn loops_are_strongly_connected_sets_in_file_order() {
        // Two loops: {c, e} (earliest c=2) and {a, b, d} (earliest a=0), written in mixed order.
        let m = map_from(
            r#""project": {"title": "T"},
            "stages": [
                {"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"},
                {"id": "d", "name": "D"}, {"id": "e", "name": "E"}, {"id": "z", "name": "Z"}
            ],
            "flows": [
                {"id": "1", "from": "e", "to": "c", "artifact": "x"},
                {"id": "2", "from": "c", "to": "e", "artifact": "x"},
                {"id": "3", "from": "d", "to": "b", "artifact": "x"},
                {"id": "4", "from": "b", "to": "a", "artifact": "x"},
                {"id": "5", "from": "a", "to": "d", "artifact": "x"},
                {"id": "6", "from": "d", "to": "c", "artifact": "x"},
                {"id": "7", "from": "e", "to": "z", "artifact": "x"}
            ]"#,
        );
        let g = gaps(&m);
        assert_eq!(of(&g, GapCode::Loop), vec![vec!["a", "b", "d"], vec!["c", "e"]]);
        assert!(of(&g, GapCode::Island).is_empty());
    }

    #[test]
    fn phases_uncovered_and_empty() {
        let m = map_from(
            r#""project": {"title": "T", "phases": [
                {"id": "p1", "name": "One"}, {"id": "p2", "name": "Two"}, {"id": "p3", "name": "Three"}, {"id": "p4", "name": "Four"}
            ]},
            "stages": [
                {"id": "a", "name": "A", "phase": "p3"},
                {"id": "b", "name": "B", "phase": "p1"},
                {"id": "c", "name": "C", "phase": "p3"},
                {"id": "d", "name": "D"}
            ],
            "people": [{"id": "st", "name": "S", "kind": "student"}],
            "topics": [{"id": "t", "title": "T", "student": "st", "stage": "c"}]"#,
        );
        let g = gaps(&m);
        assert_eq!(of(&g, GapCode::UncoveredPhase), vec![vec!["p1"]]);
        assert_eq!(of(&g, GapCode::EmptyPhase), vec![vec!["p2"], vec!["p4"]]);
    }

    #[test]
    fn idle_students_only_students() {
        let m = map_from(
            r#""project": {"title": "T"},
            "people": [
                {"id": "s1", "name": "A", "kind": "student"},
                {"id": "ac", "name": "P", "kind": "academic_supervisor"},
                {"id": "s2", "name": "B", "kind": "student"},
                {"id": "s3", "name": "C", "kind": "student"}
            ],
            "topics": [{"id": "t", "title": "T", "student": "s2", "supervisors": ["ac"]}]"#,
        );
        let g = gaps(&m);
        assert_eq!(of(&g, GapCode::IdleStudent), vec![vec!["s1"], vec!["s3"]]);
        assert_eq!(g.last().unwrap().message(&m), "Student \u{201c}C\u{201d} has no topic yet.");
    }

    #[test]
    fn output_is_in_catalogue_order() {
        let m = map_from(
            r#""project": {"title": "T", "phases": [{"id": "e", "name": "E"}]},
            "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "flows": [{"id": "f", "from": "a", "to": "b"}, {"id": "g", "from": "b", "to": "a", "artifact": "x"}],
            "people": [{"id": "s", "name": "S", "kind": "student"}, {"id": "i", "name": "I", "kind": "student"}],
            "topics": [
                {"id": "t1", "title": "T1", "student": "s", "stage": "b"},
                {"id": "t2", "title": "T2", "student": "s", "stage": "b"},
                {"id": "t3", "title": "T3", "student": "s"}
            ]"#,
        );
        let g = gaps(&m);
        let codes: Vec<&str> = g.iter().map(|g| g.code.as_str()).collect();
        assert_eq!(
            codes,
            vec![
                "unplaced-topic",
                "unsupervised-topic",
                "unsupervised-topic",
                "unsupervised-topic",
                "uncovered-stage",
                "unnamed-flow",
                "upstream-uncovered",
                "upstream-uncovered",
                "no-enterprise-supervisor",
                "no-enterprise-supervisor",
                "no-enterprise-supervisor",
                "idle-student",
                "crowded-stage",
                "loop",
                "empty-phase",
            ]
        );
        let ranks: Vec<usize> = g.iter().map(|g| g.code.rank()).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn messages_use_display_names_and_fall_back_to_ids() {
        let m = map_from(
            r#""project": {"title": "T", "phases": [{"id": "ph", "name": "Pilot"}]},
            "stages": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"}, {"id": "c", "name": "Gamma"}],
            "flows": [{"id": "f", "from": "a", "to": "b"}, {"id": "g", "from": "b", "to": "a", "artifact": "x"}],
            "people": [{"id": "s", "name": "Sun", "kind": "student"}],
            "topics": [
                {"id": "t1", "title": "First", "student": "s", "stage": "b"},
                {"id": "t2", "title": "Second", "student": "s", "stage": "b"}
            ]"#,
        );
        let g = gaps(&m);
        let all = messages(&g, &m);
        assert_eq!(all.len(), g.len());
        for (gap, msg) in g.iter().zip(&all) {
            assert_eq!(&gap.message(&m), msg, "indexed and linear names agree");
            assert!(!msg.is_empty());
        }
        let find = |code| all.get(g.iter().position(|g| g.code == code).unwrap()).unwrap().as_str();
        assert_eq!(find(GapCode::UnnamedFlow), "The flow from stage \u{201c}Alpha\u{201d} to stage \u{201c}Beta\u{201d} has no artifact name: what is handed over?");
        assert_eq!(find(GapCode::CrowdedStage), "Stage \u{201c}Beta\u{201d} holds 2 topics (\u{201c}First\u{201d} and \u{201c}Second\u{201d}): coordinate the split.");
        assert_eq!(
            find(GapCode::Loop),
            "Stages \u{201c}Alpha\u{201d} and \u{201c}Beta\u{201d} form a loop of flows (feedback or recycling)."
        );
        assert_eq!(find(GapCode::Island), "Stage \u{201c}Gamma\u{201d} is not connected to the main chain.");
        assert_eq!(find(GapCode::EmptyPhase), "Phase \u{201c}Pilot\u{201d} has no stages.");
        let ghost = Gap { code: GapCode::UncoveredStage, ids: vec![Id::new("nope")] };
        assert_eq!(ghost.message(&m), "Nobody works at stage \u{201c}nope\u{201d}: no topic sits there.");
        let empty = Gap { code: GapCode::UpstreamUncovered, ids: vec![] };
        assert!(!empty.message(&m).is_empty());
        let json = g.first().unwrap().to_json(&Names::new(&m));
        assert_eq!(json["code"], "unsupervised-topic");
        assert_eq!(json["severity"], "error");
        assert_eq!(json["ids"], serde_json::json!(["t1"]));
        assert_eq!(json["message"], "Topic \u{201c}First\u{201d} has no supervisor.");
    }

    fn listed(map: &Map) -> Vec<String> {
        gaps(map).iter().map(|g| format!("{} {}", g.code.as_str(), ids(g).join(" "))).collect()
    }

    #[test]
    fn sand_loop_in_exact_order() {
        let text = include_str!("../../tests/fixtures/conformance/valid-sand-loop.chainmap.json");
        let m = crate::format::import_str(text).unwrap().map;
        assert_eq!(
            listed(&m),
            vec![
                "unplaced-topic t4",
                "unsupervised-topic t3",
                "uncovered-stage print",
                "uncovered-stage cast",
                "uncovered-stage patent",
                "unsupplied-stage patent",
                "dead-end-stage patent",
                "unnamed-flow b",
                "upstream-uncovered t2 cast",
                "upstream-uncovered t3 cast",
                "island patent",
                "uncovered-phase pilot",
                "no-enterprise-supervisor t2",
                "no-enterprise-supervisor t3",
                "no-enterprise-supervisor t4",
                "crowded-stage reclaim t2 t3",
                "loop binder print cast reclaim",
                "empty-phase market",
            ]
        );
    }

    #[test]
    fn alloy_in_exact_order_with_messages() {
        let text = include_str!("../../tests/fixtures/conformance/valid-alloy.chainmap.json");
        let m = crate::format::import_str(text).unwrap().map;
        assert_eq!(
            listed(&m),
            vec![
                "uncovered-stage comp",
                "uncovered-stage heat",
                "uncovered-stage part",
                "upstream-uncovered t2 comp",
                "uncovered-phase production",
                "no-enterprise-supervisor t1",
                "idle-student zhao",
            ]
        );
        let g = gaps(&m);
        let up = g.iter().find(|g| g.code == GapCode::UpstreamUncovered).unwrap();
        assert_eq!(
            up.message(&m),
            "Topic \u{201c}Casting process window\u{201d} takes input from stage \u{201c}Composition design\u{201d}, where nobody works."
        );
    }

    #[test]
    fn broken_references_do_not_panic() {
        // Not a valid map (the editor may hold one mid-edit): nothing panics.
        let mut m = map_from(BASE);
        if let Some(f) = m.flows.first_mut() {
            f.to = Id::new("missing");
        }
        if let Some(t) = m.topics.first_mut() {
            t.stage = Some(Id::new("missing"));
            t.supervisors.push(Id::new("ghost"));
        }
        m.stages.push(m.stages.first().unwrap().clone());
        let g = gaps(&m);
        assert_eq!(of(&g, GapCode::UnplacedTopic), vec![vec!["t1"]]);
        let _ = messages(&g, &m);
    }
}
