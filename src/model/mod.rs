//! The map: project, phases, stages, flows, people and topics, as FORMAT.md
//! defines them. Plain data with no behaviour beyond look-ups; the rules that
//! make a map valid live in `format::validate`, and everything derived from a
//! map (gaps, coverage, chains) lives in `analysis`.
//!
//! Invariant: a `Map` that came out of `format::import` (or out of the editor)
//! passes `format::validate::check` — every reference names an existing
//! entity, ids are unique per kind, strings respect the limits.

pub(crate) mod hash;
mod id;

pub use id::{Id, IdSource, SeqIds};

use crate::json::Value;

/// Fields a newer chainmap (or another tool) wrote that this one does not
/// know. Kept in file order and written back unchanged.
pub type Extra = Vec<(String, Value)>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map {
    pub project: Project,
    pub stages: Vec<Stage>,
    pub flows: Vec<Flow>,
    pub people: Vec<Person>,
    pub topics: Vec<Topic>,
    pub extra: Extra,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Project {
    pub title: String,
    pub source: String,
    pub background: String,
    /// Left-to-right order of the lanes.
    pub phases: Vec<Phase>,
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    pub id: Id,
    pub name: String,
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub id: Id,
    pub name: String,
    pub phase: Option<Id>,
    pub role: String,
    pub external_inputs: Vec<String>,
    pub external_outputs: Vec<String>,
    /// Manual position; `None` means "lay me out".
    pub pos: Option<Pos>,
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pos {
    pub x: f64,
    pub y: f64,
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    /// Empty means "not named yet" (reported as the `unnamed-flow` gap).
    pub artifact: String,
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonKind {
    Student,
    AcademicSupervisor,
    EnterpriseSupervisor,
}

impl PersonKind {
    pub const ALL: [PersonKind; 3] =
        [PersonKind::Student, PersonKind::AcademicSupervisor, PersonKind::EnterpriseSupervisor];

    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonKind::Student => "student",
            PersonKind::AcademicSupervisor => "academic_supervisor",
            PersonKind::EnterpriseSupervisor => "enterprise_supervisor",
        }
    }

    pub fn parse(s: &str) -> Option<PersonKind> {
        PersonKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn is_supervisor(self) -> bool {
        self != PersonKind::Student
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub kind: PersonKind,
    pub affiliation: String,
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    pub id: Id,
    pub title: String,
    pub student: Id,
    pub stage: Option<Id>,
    pub supervisors: Vec<Id>,
    /// `YYYY-MM-DD` or empty.
    pub defense_date: String,
    pub notes: String,
    pub extra: Extra,
}

impl Map {
    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }
    pub fn stage_index(&self, id: &Id) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }
    pub fn phase(&self, id: &Id) -> Option<&Phase> {
        self.project.phases.iter().find(|p| &p.id == id)
    }
    pub fn flow(&self, id: &Id) -> Option<&Flow> {
        self.flows.iter().find(|f| &f.id == id)
    }
    pub fn person(&self, id: &Id) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }
    pub fn topic(&self, id: &Id) -> Option<&Topic> {
        self.topics.iter().find(|t| &t.id == id)
    }
    /// Topics placed at a stage, in file order.
    pub fn topics_at<'a>(&'a self, stage: &'a Id) -> impl Iterator<Item = &'a Topic> + 'a {
        self.topics.iter().filter(move |t| t.stage.as_ref() == Some(stage))
    }
    /// The display name of a person, or the id when the person is unknown.
    pub fn person_name<'a>(&'a self, id: &'a Id) -> &'a str {
        self.person(id).map_or(id.as_str(), |p| p.name.as_str())
    }
    pub fn stage_name<'a>(&'a self, id: &'a Id) -> &'a str {
        self.stage(id).map_or(id.as_str(), |s| s.name.as_str())
    }
}
