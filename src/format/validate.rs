//! The rules of FORMAT.md that hold between fields: ids, uniqueness,
//! references, string limits, dates and counts. Works on a typed [`Map`], so
//! it checks imported files and, in tests, every map the editor produces.

use crate::model::hash::{self, FastMap};

use super::problem::{Entity, Problem, ProblemKind};
use crate::model::{Id, Map, PersonKind};

pub const MAX_TEXT: usize = 200;
pub const MAX_LONG_TEXT: usize = 10_000;
pub const MAX_STAGES: usize = 10_000;
pub const MAX_FLOWS: usize = 50_000;
pub const MAX_PEOPLE: usize = 10_000;
pub const MAX_TOPICS: usize = 10_000;

/// How a text field is checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Text {
    /// Names, titles: 1–200 characters after trimming, one line.
    Required,
    /// Artifacts, affiliations, external inputs: ≤ 200, one line.
    Short,
    /// Role and source: ≤ 200, may hold line breaks and tabs.
    ShortLines,
    /// Background and notes: ≤ 10,000, may hold line breaks and tabs.
    Long,
}

/// Every problem of the map, in file order.
#[inline(never)] // a phase of its own (and in profiles)
pub fn check(map: &Map) -> Vec<Problem> {
    let mut v = Validator { out: Vec::new() };
    v.run(map);
    v.out
}

struct Validator {
    out: Vec<Problem>,
}

impl Validator {
    fn push(&mut self, path: String, kind: ProblemKind) {
        self.out.push(Problem::at(path, kind));
    }

    fn text(&mut self, s: &str, path: impl FnOnce() -> String, rule: Text) {
        if let Some(kind) = text_problem(s, rule) {
            self.push(path(), kind);
        }
    }

    /// Checks the ids of one kind of entity; returns id → index of first use.
    fn ids<'m>(
        &mut self,
        entity: Entity,
        list: &str,
        ids: impl ExactSizeIterator<Item = &'m Id>,
    ) -> FastMap<&'m Id, usize> {
        let mut seen: FastMap<&Id, usize> = hash::map_with_capacity(ids.len());
        for (i, id) in ids.enumerate() {
            let path = || format!("{list}[{i}].id");
            if !id.is_valid() {
                self.push(path(), ProblemKind::BadId);
                continue;
            }
            match seen.get(id) {
                Some(&first) => self.push(
                    path(),
                    ProblemKind::DuplicateId { entity, id: id.to_string(), first: format!("{list}[{first}]") },
                ),
                None => {
                    seen.insert(id, i);
                }
            }
        }
        seen
    }

    fn count(&mut self, entity: Entity, list: &str, count: usize, max: usize) {
        if count > max {
            self.push(list.to_string(), ProblemKind::TooMany { entity, count, max });
        }
    }

    fn run(&mut self, map: &Map) {
        self.count(Entity::Stage, "stages", map.stages.len(), MAX_STAGES);
        self.count(Entity::Flow, "flows", map.flows.len(), MAX_FLOWS);
        self.count(Entity::Person, "people", map.people.len(), MAX_PEOPLE);
        self.count(Entity::Topic, "topics", map.topics.len(), MAX_TOPICS);

        let p = &map.project;
        self.text(&p.title, || "project.title".into(), Text::Required);
        self.text(&p.source, || "project.source".into(), Text::ShortLines);
        self.text(&p.background, || "project.background".into(), Text::Long);
        let phases = self.ids(Entity::Phase, "project.phases", p.phases.iter().map(|x| &x.id));
        for (i, ph) in p.phases.iter().enumerate() {
            self.text(&ph.name, || format!("project.phases[{i}].name"), Text::Required);
        }
        // Shown in "there is no phase …" messages: computed once, and only
        // the first few (the message lists at most eight).
        let known_phases = distinct(p.phases.iter().take(9).map(|x| &x.id));
        let phase_names = || known_phases.clone();

        let stages = self.ids(Entity::Stage, "stages", map.stages.iter().map(|x| &x.id));
        for (i, s) in map.stages.iter().enumerate() {
            self.text(&s.name, || format!("stages[{i}].name"), Text::Required);
            if let Some(ph) = &s.phase {
                if !phases.contains_key(ph) {
                    let kind = ProblemKind::NoSuch { entity: Entity::Phase, id: ph.to_string(), known: phase_names() };
                    self.push(format!("stages[{i}].phase"), kind);
                }
            }
            self.text(&s.role, || format!("stages[{i}].role"), Text::ShortLines);
            for (j, x) in s.external_inputs.iter().enumerate() {
                self.text(x, || format!("stages[{i}].external_inputs[{j}]"), Text::Short);
            }
            for (j, x) in s.external_outputs.iter().enumerate() {
                self.text(x, || format!("stages[{i}].external_outputs[{j}]"), Text::Short);
            }
            if let Some(pos) = &s.pos {
                for (axis, v) in [("x", pos.x), ("y", pos.y)] {
                    if !coordinate_passes(v) {
                        let kind = ProblemKind::OutOfRange { value: v.to_string(), max: "10000000".into() };
                        self.push(format!("stages[{i}].pos.{axis}"), kind);
                    }
                }
            }
        }
        let stage_known = |limit: usize| {
            if map.stages.len() > limit {
                Vec::new()
            } else {
                distinct(map.stages.iter().map(|x| &x.id))
            }
        };

        let _ = self.ids(Entity::Flow, "flows", map.flows.iter().map(|x| &x.id));
        for (i, f) in map.flows.iter().enumerate() {
            for (end, id) in [("from", &f.from), ("to", &f.to)] {
                if !stages.contains_key(id) {
                    let kind = ProblemKind::NoSuch { entity: Entity::Stage, id: id.to_string(), known: stage_known(8) };
                    self.push(format!("flows[{i}].{end}"), kind);
                }
            }
            if f.from == f.to && stages.contains_key(&f.from) {
                self.push(format!("flows[{i}].to"), ProblemKind::SelfFlow { stage: f.from.to_string() });
            }
            self.text(&f.artifact, || format!("flows[{i}].artifact"), Text::Short);
        }

        let people = self.ids(Entity::Person, "people", map.people.iter().map(|x| &x.id));
        for (i, p) in map.people.iter().enumerate() {
            self.text(&p.name, || format!("people[{i}].name"), Text::Required);
            self.text(&p.affiliation, || format!("people[{i}].affiliation"), Text::Short);
        }
        let kind_of = |id: &Id| people.get(id).and_then(|&i| map.people.get(i)).map(|p| p.kind);

        let _ = self.ids(Entity::Topic, "topics", map.topics.iter().map(|x| &x.id));
        for (i, t) in map.topics.iter().enumerate() {
            self.text(&t.title, || format!("topics[{i}].title"), Text::Required);
            let path = || format!("topics[{i}].student");
            match kind_of(&t.student) {
                None => self.push(
                    path(),
                    ProblemKind::NoSuch { entity: Entity::Person, id: t.student.to_string(), known: vec![] },
                ),
                Some(PersonKind::Student) => {}
                Some(k) => self.push(
                    path(),
                    ProblemKind::NotAStudent {
                        id: t.student.to_string(),
                        kind: if k == PersonKind::AcademicSupervisor {
                            "an academic supervisor"
                        } else {
                            "an enterprise supervisor"
                        },
                    },
                ),
            }
            if let Some(st) = &t.stage {
                if !stages.contains_key(st) {
                    let kind = ProblemKind::NoSuch { entity: Entity::Stage, id: st.to_string(), known: stage_known(8) };
                    self.push(format!("topics[{i}].stage"), kind);
                }
            }
            // Repeats: a few supervisors are compared with each other, many
            // go through a set (linear time on any file).
            let mut seen = (t.supervisors.len() > 16).then(|| hash::set_with_capacity(t.supervisors.len()));
            for (j, s) in t.supervisors.iter().enumerate() {
                let path = || format!("topics[{i}].supervisors[{j}]");
                let repeated = match &mut seen {
                    Some(set) => !set.insert(s),
                    None => t.supervisors.get(..j).is_some_and(|before| before.contains(s)),
                };
                if repeated {
                    self.push(path(), ProblemKind::RepeatedSupervisor { id: s.to_string() });
                    continue;
                }
                match kind_of(s) {
                    None => self
                        .push(path(), ProblemKind::NoSuch { entity: Entity::Person, id: s.to_string(), known: vec![] }),
                    Some(PersonKind::Student) => self.push(path(), ProblemKind::NotASupervisor { id: s.to_string() }),
                    Some(_) => {}
                }
            }
            if !t.defense_date.is_empty() && !is_real_date(&t.defense_date) {
                self.push(format!("topics[{i}].defense_date"), ProblemKind::BadDate { found: t.defense_date.clone() });
            }
            self.text(&t.notes, || format!("topics[{i}].notes"), Text::Long);
        }
    }
}

/// What is wrong with a text under `rule`, if anything.
fn text_problem(s: &str, rule: Text) -> Option<ProblemKind> {
    let trimmed = trim(s);
    let (max, lines) = match rule {
        Text::Required | Text::Short => (MAX_TEXT, false),
        Text::ShortLines => (MAX_TEXT, true),
        Text::Long => (MAX_LONG_TEXT, true),
    };
    // The control characters (U+0000–U+001F, U+007F) are single bytes in
    // UTF-8, and those bytes occur in no other character.
    let bad_control = s.bytes().any(|b| {
        let control = b < 0x20 || b == 0x7f;
        control && !(lines && matches!(b, b'\n' | b'\r' | b'\t'))
    });
    // No more characters than bytes: most texts need no counting.
    let too_long = trimmed.len() > max && trimmed.chars().count() > max;
    if matches!(rule, Text::Required) && trimmed.is_empty() {
        Some(ProblemKind::Blank)
    } else if too_long {
        Some(ProblemKind::TooLong { len: trimmed.chars().count(), max })
    } else if bad_control {
        Some(ProblemKind::ControlCharacter)
    } else {
        None
    }
}

/// Whether a text passes `rule`: what `check` asks of a field of that kind.
pub fn text_passes(s: &str, rule: Text) -> bool {
    text_problem(s, rule).is_none()
}

/// Whether a coordinate of a position passes: finite, within the limit.
pub fn coordinate_passes(v: f64) -> bool {
    v.is_finite() && v.abs() <= super::MAX_COORDINATE
}

/// `s.trim()`, without looking for Unicode spaces when the text begins
/// and ends with a visible ASCII character (nearly every name and title).
fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic());
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// `YYYY-MM-DD` naming a day that exists (leap years included).
pub fn is_real_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

/// The ids a "there is no …" message lists: each once (a file with a
/// duplicate id would otherwise list it twice), in file order.
fn distinct<'m>(ids: impl Iterator<Item = &'m Id>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.iter().any(|o| o == id.as_str()) {
            out.push(id.to_string());
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::is_real_date;

    #[test]
    fn dates() {
        assert!(is_real_date("2026-02-28"));
        assert!(is_real_date("2024-02-29"));
        assert!(is_real_date("2000-02-29"));
        assert!(!is_real_date("1900-02-29"));
        assert!(!is_real_date("2026-02-30"));
        assert!(!is_real_date("2026-13-01"));
        assert!(!is_real_date("2026-1-01"));
        assert!(!is_real_date("２０２６-01-01"));
        assert!(!is_real_date("0000-01-01"));
    }
}
