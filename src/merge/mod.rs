//! Merging a map that someone else exported into this one, by id (issue 5,
//! PRODUCT.md item 8): the supervisor sends a template to the students, each
//! adds a topic and edits a stage, the supervisor merges the files back.
//!
//! - An entity only in theirs is added, next to the entity it follows in
//!   their file (see [`merge`] for the order).
//! - Identical entities are left alone.
//! - A field empty or absent on one side and filled on the other is filled
//!   in, and listed in [`MergeResult::filled`].
//! - A field filled on both sides with different values is a [`Conflict`],
//!   resolved one by one or all at once with [`MergeResult::resolve`].
//!   Texts that differ only in the spaces around them are the same value
//!   (mine is kept): a conflict between "Casting" and "Casting " would show
//!   two sides that look alike.
//! - References that would dangle in the result (a flow whose stage is not
//!   there, a topic whose student became a supervisor in the other file…)
//!   are repaired by leaving the thing out or clearing the field, and every
//!   such repair is listed ([`Dangling`]); nothing is dropped silently.
//!
//! - What is added is listed by name ([`MergeResult::added_by_kind`]), and a
//!   file that looks like another project's (a different title, or no id in
//!   common) is said so ([`MergeResult::other_project`],
//!   [`MergeResult::no_common_ids`]) so that nobody merges the wrong file
//!   unawares; the merge itself is the same.
//!
//! Guarantee: when both maps pass `format::validate::check`, every resolved
//! map passes it too. Nothing here panics on any input. The merge is
//! deterministic, and merging files that do not conflict gives the same map
//! whatever the order they are merged in (for the usual case of files that
//! each add their own entities; see the property tests).

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod fields;

pub use fields::FieldValue;
use fields::{document_fields, document_get, document_set, project_fields, project_get, project_set, Fields};

use std::collections::{HashMap, HashSet};

use crate::format::validate::{MAX_FLOWS, MAX_PEOPLE, MAX_STAGES, MAX_TOPICS};
use crate::model::{Id, Map, PersonKind};

/// What kind of thing a merge report line is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// The top level of the file (only unknown fields live there).
    Document,
    Project,
    Phase,
    Stage,
    Flow,
    Person,
    Topic,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Document => "file",
            EntityKind::Project => "project",
            EntityKind::Phase => "phase",
            EntityKind::Stage => "stage",
            EntityKind::Flow => "flow",
            EntityKind::Person => "person",
            EntityKind::Topic => "topic",
        }
    }
}

/// An entity that was only in their file and is now in the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    pub kind: EntityKind,
    pub id: Id,
}

/// A field that was empty (or absent) in mine and filled in from theirs.
#[derive(Clone, Debug, PartialEq)]
pub struct Filled {
    pub kind: EntityKind,
    /// Empty for the project and the file's top level.
    pub id: Id,
    pub field: String,
    pub value: FieldValue,
}

/// A field filled on both sides with different values.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub kind: EntityKind,
    /// Empty for the project and the file's top level.
    pub id: Id,
    /// The field's name as in the file (`role`, `artifact`, an unknown key…).
    pub field: String,
    pub mine: FieldValue,
    pub theirs: FieldValue,
}

/// How to settle a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    KeepMine,
    TakeTheirs,
}

/// Why a reference could not stay as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// It names an entity of this kind that is not in the merged map.
    Missing(EntityKind),
    /// A topic's student is not (any more) a student.
    NotAStudent,
    /// A topic's supervisor is not (any more) a supervisor.
    NotASupervisor,
    /// A flow would go from a stage to itself.
    SameStage,
    /// A supervisor is listed twice.
    Repeated,
    /// The merged map would hold more of this kind than a file may (FORMAT.md limits).
    TooMany,
}

/// What was done about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fix {
    /// The whole entity was left out of the merged map.
    LeftOut,
    /// The field was cleared (a stage without a phase, a topic not placed).
    Cleared,
    /// The entry was taken out of the list (a topic's supervisors).
    Removed,
}

/// A reference that would have dangled, and what was done about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dangling {
    pub kind: EntityKind,
    pub id: Id,
    /// The field holding the reference; empty when the entity itself was left out for [`Why::TooMany`].
    pub field: String,
    /// The id the field named.
    pub target: Id,
    pub why: Why,
    pub fix: Fix,
}

/// An entity their file adds, by its names in the merged map (an empty
/// name gives the id; a reference to nothing there gives the id it names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddedName {
    Phase {
        name: String,
    },
    Stage {
        name: String,
    },
    /// The artifact may be empty; `from` and `to` are the stages' names.
    Flow {
        artifact: String,
        from: String,
        to: String,
    },
    Person {
        name: String,
        kind: PersonKind,
    },
    /// `student` is the student's name.
    Topic {
        title: String,
        student: String,
    },
}

/// The entities of one kind their file adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedGroup {
    pub kind: EntityKind,
    /// How many are added, named or not.
    pub total: usize,
    /// The first of them, in report order, with their names.
    pub items: Vec<(Id, AddedName)>,
}

/// The two project titles, when they tell of two projects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectTitles {
    pub mine: String,
    pub theirs: String,
}

/// The outcome of [`merge`], before conflicts are resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeResult {
    /// Mine, with theirs' additions and fill-ins, every conflict still as mine.
    base: Map,
    /// Entities added from theirs, in report order (project phases, stages, flows, people, topics).
    pub added: Vec<Added>,
    pub filled: Vec<Filled>,
    pub conflicts: Vec<Conflict>,
    /// Entities of theirs that could not be added (the file limits).
    pub left_out: Vec<Dangling>,
    /// Set when both files have a project title and they differ (trimmed,
    /// ignoring case): their file is most likely for another project.
    pub other_project: Option<ProjectTitles>,
    /// Both files hold entities (phases, stages, flows, people, topics) and
    /// no id of theirs is in mine: everything of theirs is added beside
    /// mine, and whatever both describe under different ids appears twice.
    pub no_common_ids: bool,
}

/// A merge with its conflicts settled: a valid map and the repairs made.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub map: Map,
    /// Everything left out or cleared, in report order.
    pub dangling: Vec<Dangling>,
}

impl MergeResult {
    pub fn has_conflicts(&self) -> bool {
        !self.conflicts.is_empty()
    }

    /// Mine with everything of theirs added, before any repair: the map
    /// whose names the report's lines use (what a repair leaves out is
    /// still named there).
    pub fn names(&self) -> &Map {
        &self.base
    }

    /// Nothing to add, fill in or settle: their file brings nothing new.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.filled.is_empty() && self.conflicts.is_empty() && self.left_out.is_empty()
    }

    /// The entities their file adds that are still in the map once the
    /// conflicts are settled as in `resolved` (a flow or topic added from
    /// their file can be left out by the repair, e.g. when a person it names
    /// took their kind), in report order.
    pub fn added_kept<'a>(&'a self, resolved: &Resolved) -> impl Iterator<Item = &'a Added> + 'a {
        let gone: HashSet<(EntityKind, Id)> =
            resolved.dangling.iter().filter(|d| d.fix == Fix::LeftOut).map(|d| (d.kind, d.id.clone())).collect();
        self.added.iter().filter(move |a| gone.is_empty() || !gone.contains(&(a.kind, a.id.clone())))
    }

    /// What their file adds, kind by kind in report order (phases, stages,
    /// flows, people, topics; kinds with nothing added are skipped), each
    /// with at most `limit` entities named; the names are those of the
    /// merged map before any conflict is settled. What the settling in
    /// `resolved` leaves out is not listed (it is listed with the repairs).
    pub fn added_by_kind(&self, limit: usize, resolved: &Resolved) -> Vec<AddedGroup> {
        let m = &self.base;
        let named = |name: &str, id: &Id| if name.trim().is_empty() { id.to_string() } else { name.to_string() };
        let mut groups: Vec<AddedGroup> = Vec::new();
        // Looked up once, and only for the kinds a flow or topic needs.
        let added: Vec<&Added> = self.added_kept(resolved).collect();
        let needs = |k: EntityKind| added.iter().any(|a| a.kind == k);
        let stages: HashMap<&Id, &str> = if needs(EntityKind::Flow) {
            m.stages.iter().map(|s| (&s.id, s.name.as_str())).collect()
        } else {
            HashMap::new()
        };
        let people: HashMap<&Id, &str> = if needs(EntityKind::Topic) {
            m.people.iter().map(|p| (&p.id, p.name.as_str())).collect()
        } else {
            HashMap::new()
        };
        let stage_name = |id: &Id| named(stages.get(id).copied().unwrap_or(""), id);
        let mut positions = Positions::default();
        for a in added {
            let fresh = groups.last().is_none_or(|g| g.kind != a.kind);
            if fresh {
                groups.push(AddedGroup { kind: a.kind, total: 0, items: Vec::new() });
            }
            let Some(g) = groups.last_mut() else { continue };
            g.total += 1;
            if g.items.len() >= limit {
                continue;
            }
            let name = match a.kind {
                EntityKind::Phase => positions
                    .of(a.kind, &m.project.phases, &a.id)
                    .and_then(|i| m.project.phases.get(i))
                    .map(|p| AddedName::Phase { name: named(&p.name, &p.id) }),
                EntityKind::Stage => positions
                    .of(a.kind, &m.stages, &a.id)
                    .and_then(|i| m.stages.get(i))
                    .map(|s| AddedName::Stage { name: named(&s.name, &s.id) }),
                EntityKind::Flow => {
                    positions.of(a.kind, &m.flows, &a.id).and_then(|i| m.flows.get(i)).map(|f| AddedName::Flow {
                        artifact: f.artifact.trim().to_string(),
                        from: stage_name(&f.from),
                        to: stage_name(&f.to),
                    })
                }
                EntityKind::Person => positions
                    .of(a.kind, &m.people, &a.id)
                    .and_then(|i| m.people.get(i))
                    .map(|p| AddedName::Person { name: named(&p.name, &p.id), kind: p.kind }),
                EntityKind::Topic => {
                    positions.of(a.kind, &m.topics, &a.id).and_then(|i| m.topics.get(i)).map(|t| AddedName::Topic {
                        title: named(&t.title, &t.id),
                        student: named(people.get(&t.student).copied().unwrap_or(""), &t.student),
                    })
                }
                EntityKind::Document | EntityKind::Project => None,
            };
            if let Some(name) = name {
                g.items.push((a.id.clone(), name));
            }
        }
        groups
    }

    /// Settles the conflicts one by one: `choices[i]` for `conflicts[i]`;
    /// a conflict without a choice keeps mine.
    pub fn resolve(&self, choices: &[Choice]) -> Resolved {
        let mut map = self.base.clone();
        let mut index = Positions::default();
        for (i, c) in self.conflicts.iter().enumerate() {
            if choices.get(i).copied() == Some(Choice::TakeTheirs) {
                set_field(&mut map, &mut index, c.kind, &c.id, &c.field, c.theirs.clone());
            }
        }
        let mut dangling = self.left_out.clone();
        dangling.extend(repair(&mut map));
        Resolved { map, dangling }
    }

    /// Settles every conflict the same way.
    pub fn resolve_all(&self, choice: Choice) -> Resolved {
        self.resolve(&vec![choice; self.conflicts.len()])
    }

    /// The map as it is before any conflict is settled (every conflict keeps
    /// mine), for a preview; the same as `resolve_all(Choice::KeepMine).map`.
    pub fn preview(&self) -> Resolved {
        self.resolve(&[])
    }
}

/// Brings `theirs` into `mine` by id. See the module documentation.
///
/// Order of what is added: each new entity goes right after the entity that
/// precedes it in their file (the start of the list when none does), past
/// any entities of mine that their file does not know and whose id sorts
/// before the new one. So a new stage stays next to its neighbours, and
/// several files adding at the same place give one order whichever is
/// merged first.
pub fn merge(mine: &Map, theirs: &Map) -> MergeResult {
    let mut r = Report::default();
    let mut base = mine.clone();

    // The top level's unknown fields.
    let fills = r.fields(
        EntityKind::Document,
        &Id::default(),
        document_fields(&mine.extra),
        &|f| document_get(&mine.extra, f),
        &|f| document_get(&theirs.extra, f),
        document_fields(&theirs.extra),
    );
    for (f, v) in fills {
        document_set(&mut base.extra, &f, v);
    }

    // The project's own fields, then its phases.
    let fills = r.fields(
        EntityKind::Project,
        &Id::default(),
        project_fields(&mine.project),
        &|f| project_get(&mine.project, f),
        &|f| project_get(&theirs.project, f),
        project_fields(&theirs.project),
    );
    for (f, v) in fills {
        project_set(&mut base.project, &f, v);
    }
    base.project.phases = r.list(EntityKind::Phase, &mine.project.phases, &theirs.project.phases, usize::MAX);
    base.stages = r.list(EntityKind::Stage, &mine.stages, &theirs.stages, MAX_STAGES);
    base.flows = r.list(EntityKind::Flow, &mine.flows, &theirs.flows, MAX_FLOWS);
    base.people = r.list(EntityKind::Person, &mine.people, &theirs.people, MAX_PEOPLE);
    base.topics = r.list(EntityKind::Topic, &mine.topics, &theirs.topics, MAX_TOPICS);

    let other_project = {
        let (a, b) = (mine.project.title.trim(), theirs.project.title.trim());
        // Case is ignored in ASCII only: titles differing in the case of
        // another script's letters are rare, and the full Unicode case
        // tables would add 5 KB to the download.
        (!a.is_empty() && !b.is_empty() && !a.eq_ignore_ascii_case(b))
            .then(|| ProjectTitles { mine: a.to_string(), theirs: b.to_string() })
    };
    let no_common_ids = has_entities(mine) && has_entities(theirs) && !shares_an_id(mine, theirs);

    MergeResult {
        base,
        added: r.added,
        filled: r.filled,
        conflicts: r.conflicts,
        left_out: r.left_out,
        other_project,
        no_common_ids,
    }
}

fn has_entities(m: &Map) -> bool {
    !(m.project.phases.is_empty()
        && m.stages.is_empty()
        && m.flows.is_empty()
        && m.people.is_empty()
        && m.topics.is_empty())
}

/// Whether an entity of theirs has the id of an entity of mine of the same kind.
fn shares_an_id(mine: &Map, theirs: &Map) -> bool {
    fn any<T: Fields>(mine: &[T], theirs: &[T]) -> bool {
        let ids: HashSet<&Id> = mine.iter().map(|e| e.id()).collect();
        theirs.iter().any(|e| ids.contains(e.id()))
    }
    any(&mine.project.phases, &theirs.project.phases)
        || any(&mine.stages, &theirs.stages)
        || any(&mine.flows, &theirs.flows)
        || any(&mine.people, &theirs.people)
        || any(&mine.topics, &theirs.topics)
}

#[derive(Default)]
struct Report {
    added: Vec<Added>,
    filled: Vec<Filled>,
    conflicts: Vec<Conflict>,
    left_out: Vec<Dangling>,
}

impl Report {
    /// Compares two entities field by field; returns the fill-ins to apply to mine.
    fn fields(
        &mut self,
        kind: EntityKind,
        id: &Id,
        mine_fields: Vec<(String, FieldValue)>,
        mine_get: &dyn Fn(&str) -> FieldValue,
        theirs_get: &dyn Fn(&str) -> FieldValue,
        theirs_fields: Vec<(String, FieldValue)>,
    ) -> Vec<(String, FieldValue)> {
        let mut names: Vec<String> = mine_fields.into_iter().map(|(k, _)| k).collect();
        for (k, _) in theirs_fields {
            if !names.contains(&k) {
                names.push(k);
            }
        }
        let mut fills = Vec::new();
        for name in names {
            let (m, t) = (mine_get(&name), theirs_get(&name));
            if m.same(&t) || t.is_empty() {
                continue;
            }
            if m.is_empty() {
                self.filled.push(Filled { kind, id: id.clone(), field: name.clone(), value: t.clone() });
                fills.push((name, t));
            } else {
                self.conflicts.push(Conflict { kind, id: id.clone(), field: name, mine: m, theirs: t });
            }
        }
        fills
    }

    /// Merges one list of entities by id.
    fn list<T: Fields + Clone>(&mut self, kind: EntityKind, mine: &[T], theirs: &[T], max: usize) -> Vec<T> {
        let mut nodes: Vec<T> = mine.to_vec();
        let mut at: HashMap<&Id, usize> = HashMap::with_capacity(mine.len());
        for (i, e) in mine.iter().enumerate() {
            at.entry(e.id()).or_insert(i);
        }
        let theirs_ids: HashSet<&Id> = theirs.iter().map(|e| e.id()).collect();
        let mut known: HashSet<Id> = mine.iter().map(|e| e.id().clone()).collect();
        // A linked list over slots: slot 0 is the head, slot i + 1 holds nodes[i].
        let mut next: Vec<Option<usize>> = (0..=mine.len()).map(|s| (s < mine.len()).then_some(s + 1)).collect();
        let mut foreign: Vec<bool> = mine.iter().map(|e| !theirs_ids.contains(e.id())).collect();
        let mut count = mine.len();
        let mut anchor = 0usize;
        let mut seen: HashSet<&Id> = HashSet::new();
        for t in theirs {
            if !seen.insert(t.id()) {
                continue; // a repeated id in their file: the first one counts
            }
            if let Some(&i) = at.get(t.id()) {
                if let Some(m) = nodes.get(i) {
                    let fills = self.fields(kind, t.id(), m.fields(), &|f| m.get(f), &|f| t.get(f), t.fields());
                    if let Some(m) = nodes.get_mut(i) {
                        for (f, v) in fills {
                            m.set(&f, v);
                        }
                    }
                }
                anchor = i + 1;
                continue;
            }
            if known.contains(t.id()) {
                continue;
            }
            if count >= max {
                self.left_out.push(Dangling {
                    kind,
                    id: t.id().clone(),
                    field: String::new(),
                    target: t.id().clone(),
                    why: Why::TooMany,
                    fix: Fix::LeftOut,
                });
                continue;
            }
            count += 1;
            known.insert(t.id().clone());
            nodes.push(t.clone());
            foreign.push(false);
            next.push(None);
            let slot = nodes.len();
            // Past the entities their file does not know whose id sorts first.
            let mut prev = anchor;
            while let Some(n) = next.get(prev).copied().flatten() {
                let skip =
                    foreign.get(n - 1).copied().unwrap_or(false) && nodes.get(n - 1).is_some_and(|e| e.id() < t.id());
                if !skip {
                    break;
                }
                prev = n;
            }
            let after = next.get(prev).copied().flatten();
            if let Some(s) = next.get_mut(slot) {
                *s = after;
            }
            if let Some(s) = next.get_mut(prev) {
                *s = Some(slot);
            }
            anchor = slot;
            self.added.push(Added { kind, id: t.id().clone() });
        }
        let mut order = Vec::with_capacity(nodes.len());
        let mut cur = next.first().copied().flatten();
        while let Some(s) = cur {
            order.push(s - 1);
            cur = next.get(s).copied().flatten();
            if order.len() > nodes.len() {
                break; // cannot happen; never loop forever
            }
        }
        let mut slots: Vec<Option<T>> = nodes.into_iter().map(Some).collect();
        order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)).collect()
    }
}

/// Positions of entities by id, built on first use (a merge of big maps may
/// settle thousands of conflicts; ids never change while they are settled).
#[derive(Default)]
struct Positions {
    lists: HashMap<EntityKind, HashMap<Id, usize>>,
}

impl Positions {
    fn of<T: Fields>(&mut self, kind: EntityKind, list: &[T], id: &Id) -> Option<usize> {
        let table = self.lists.entry(kind).or_insert_with(|| {
            let mut t = HashMap::with_capacity(list.len());
            for (i, e) in list.iter().enumerate() {
                t.entry(e.id().clone()).or_insert(i);
            }
            t
        });
        table.get(id).copied()
    }
}

fn set_field(map: &mut Map, index: &mut Positions, kind: EntityKind, id: &Id, field: &str, v: FieldValue) {
    fn put<T: Fields>(index: &mut Positions, kind: EntityKind, list: &mut [T], id: &Id, field: &str, v: FieldValue) {
        if let Some(e) = index.of(kind, list, id).and_then(|i| list.get_mut(i)) {
            e.set(field, v);
        }
    }
    match kind {
        EntityKind::Document => document_set(&mut map.extra, field, v),
        EntityKind::Project => project_set(&mut map.project, field, v),
        EntityKind::Phase => put(index, kind, &mut map.project.phases, id, field, v),
        EntityKind::Stage => put(index, kind, &mut map.stages, id, field, v),
        EntityKind::Flow => put(index, kind, &mut map.flows, id, field, v),
        EntityKind::Person => put(index, kind, &mut map.people, id, field, v),
        EntityKind::Topic => put(index, kind, &mut map.topics, id, field, v),
    }
}

/// Makes every reference of a map name an entity of the right kind: a
/// stage's unknown phase and a topic's unknown stage are cleared, a flow
/// with an unknown end (or from a stage to itself) and a topic whose student
/// is not a student are left out, a topic's supervisors that are not
/// supervisors (or repeated) are taken out. Returns what was done, in file
/// order. A map that passes `format::validate::check` is left unchanged.
pub fn repair(map: &mut Map) -> Vec<Dangling> {
    let mut out = Vec::new();
    let phases: HashSet<Id> = map.project.phases.iter().map(|p| p.id.clone()).collect();
    for s in &mut map.stages {
        if let Some(p) = s.phase.clone() {
            if !phases.contains(&p) {
                out.push(Dangling {
                    kind: EntityKind::Stage,
                    id: s.id.clone(),
                    field: "phase".into(),
                    target: p,
                    why: Why::Missing(EntityKind::Phase),
                    fix: Fix::Cleared,
                });
                s.phase = None;
            }
        }
    }
    let stages: HashSet<Id> = map.stages.iter().map(|s| s.id.clone()).collect();
    map.flows.retain(|f| {
        let problem = if !stages.contains(&f.from) {
            Some(("from", f.from.clone(), Why::Missing(EntityKind::Stage)))
        } else if !stages.contains(&f.to) {
            Some(("to", f.to.clone(), Why::Missing(EntityKind::Stage)))
        } else if f.from == f.to {
            Some(("to", f.to.clone(), Why::SameStage))
        } else {
            None
        };
        match problem {
            Some((field, target, why)) => {
                out.push(Dangling {
                    kind: EntityKind::Flow,
                    id: f.id.clone(),
                    field: field.into(),
                    target,
                    why,
                    fix: Fix::LeftOut,
                });
                false
            }
            None => true,
        }
    });
    let kinds: HashMap<Id, PersonKind> = map.people.iter().map(|p| (p.id.clone(), p.kind)).collect();
    map.topics.retain(|t| {
        let why = match kinds.get(&t.student) {
            None => Some(Why::Missing(EntityKind::Person)),
            Some(PersonKind::Student) => None,
            Some(_) => Some(Why::NotAStudent),
        };
        match why {
            Some(why) => {
                out.push(Dangling {
                    kind: EntityKind::Topic,
                    id: t.id.clone(),
                    field: "student".into(),
                    target: t.student.clone(),
                    why,
                    fix: Fix::LeftOut,
                });
                false
            }
            None => true,
        }
    });
    for t in &mut map.topics {
        if let Some(st) = t.stage.clone() {
            if !stages.contains(&st) {
                out.push(Dangling {
                    kind: EntityKind::Topic,
                    id: t.id.clone(),
                    field: "stage".into(),
                    target: st,
                    why: Why::Missing(EntityKind::Stage),
                    fix: Fix::Cleared,
                });
                t.stage = None;
            }
        }
        let mut kept: Vec<Id> = Vec::with_capacity(t.supervisors.len());
        for s in std::mem::take(&mut t.supervisors) {
            let why = match kinds.get(&s) {
                _ if kept.contains(&s) => Some(Why::Repeated),
                None => Some(Why::Missing(EntityKind::Person)),
                Some(k) if k.is_supervisor() => None,
                Some(_) => Some(Why::NotASupervisor),
            };
            match why {
                Some(why) => out.push(Dangling {
                    kind: EntityKind::Topic,
                    id: t.id.clone(),
                    field: "supervisors".into(),
                    target: s,
                    why,
                    fix: Fix::Removed,
                }),
                None => kept.push(s),
            }
        }
        t.supervisors = kept;
    }
    out
}
