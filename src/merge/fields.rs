//! Every entity seen as a list of named fields, so that one piece of code
//! compares, fills in and resolves them all. Known fields come first in the
//! order of FORMAT.md, then the unknown (`extra`) fields under their own key.

use crate::format::format_number;
use crate::json::Value;
use crate::model::{Extra, Flow, Id, Person, PersonKind, Phase, Pos, Stage, Topic};

/// The value of one field, typed enough to be put back.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    Id(Id),
    OptId(Option<Id>),
    Texts(Vec<String>),
    Ids(Vec<Id>),
    Pos(Option<Pos>),
    Kind(PersonKind),
    /// An unknown field: `None` when absent.
    Json(Option<Value>),
}

impl FieldValue {
    /// The same value for a reader: texts that differ only in the spaces
    /// around them (a name typed with a trailing space) say the same thing,
    /// as an all-space text says nothing (`is_empty`).
    pub fn same(&self, other: &FieldValue) -> bool {
        match (self, other) {
            (FieldValue::Text(a), FieldValue::Text(b)) => a.trim() == b.trim(),
            (FieldValue::Texts(a), FieldValue::Texts(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.trim() == y.trim())
            }
            _ => self == other,
        }
    }

    /// Empty or absent: the other side's value fills it in.
    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Text(s) => s.trim().is_empty(),
            FieldValue::Id(id) => id.as_str().is_empty(),
            FieldValue::OptId(v) => v.is_none(),
            FieldValue::Texts(v) => v.iter().all(|s| s.trim().is_empty()),
            FieldValue::Ids(v) => v.is_empty(),
            FieldValue::Pos(v) => v.is_none(),
            FieldValue::Kind(_) => false,
            FieldValue::Json(v) => v.is_none(),
        }
    }

    /// Plain text for showing the value side by side with another.
    pub fn display(&self) -> String {
        match self {
            FieldValue::Text(s) => s.clone(),
            FieldValue::Id(id) => id.to_string(),
            FieldValue::OptId(v) => v.as_ref().map_or_else(String::new, Id::to_string),
            FieldValue::Texts(v) => v.join("; "),
            FieldValue::Ids(v) => v.iter().map(Id::as_str).collect::<Vec<_>>().join(", "),
            FieldValue::Pos(None) => String::new(),
            FieldValue::Pos(Some(p)) => format!("{}, {}", format_number(p.x), format_number(p.y)),
            FieldValue::Kind(k) => k.as_str().to_string(),
            FieldValue::Json(None) => String::new(),
            FieldValue::Json(Some(v)) => {
                let mut s = String::new();
                compact(&mut s, v, 0);
                s
            }
        }
    }
}

/// One-line JSON text of a value (deep values are cut short, never recursed
/// into past the format's depth limit).
fn compact(out: &mut String, v: &Value, depth: usize) {
    if depth > crate::json::MAX_DEPTH + 1 {
        out.push('…');
        return;
    }
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => crate::json::write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                compact(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (k, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                crate::json::write_string(out, k);
                out.push_str(": ");
                compact(out, item, depth + 1);
            }
            out.push('}');
        }
    }
}

/// An entity with an id and named fields.
pub trait Fields {
    fn id(&self) -> &Id;
    /// The known fields, in FORMAT.md order.
    fn known(&self) -> Vec<(&'static str, FieldValue)>;
    fn extra(&self) -> &Extra;
    fn extra_mut(&mut self) -> &mut Extra;
    /// Sets a known field; a value of the wrong shape is ignored.
    fn set_known(&mut self, field: &str, v: FieldValue);

    /// Every field: known ones, then the unknown ones.
    fn fields(&self) -> Vec<(String, FieldValue)> {
        let mut out: Vec<(String, FieldValue)> = self.known().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        out.extend(self.extra().iter().map(|(k, v)| (k.clone(), FieldValue::Json(Some(v.clone())))));
        out
    }

    fn get(&self, field: &str) -> FieldValue {
        if let Some((_, v)) = self.known().into_iter().find(|(k, _)| *k == field) {
            return v;
        }
        FieldValue::Json(self.extra().iter().find(|(k, _)| k == field).map(|(_, v)| v.clone()))
    }

    fn set(&mut self, field: &str, v: FieldValue) {
        match v {
            FieldValue::Json(value) => set_extra(self.extra_mut(), field, value),
            other => self.set_known(field, other),
        }
    }
}

fn set_extra(extra: &mut Extra, key: &str, value: Option<Value>) {
    let at = extra.iter().position(|(k, _)| k == key);
    match (at, value) {
        (Some(i), Some(v)) => {
            if let Some(slot) = extra.get_mut(i) {
                slot.1 = v;
            }
        }
        (Some(i), None) => {
            extra.remove(i);
        }
        (None, Some(v)) => extra.push((key.to_string(), v)),
        (None, None) => {}
    }
}

fn text(v: FieldValue, slot: &mut String) {
    if let FieldValue::Text(s) = v {
        *slot = s;
    }
}

fn id(v: FieldValue, slot: &mut Id) {
    if let FieldValue::Id(s) = v {
        *slot = s;
    }
}

fn opt_id(v: FieldValue, slot: &mut Option<Id>) {
    if let FieldValue::OptId(s) = v {
        *slot = s;
    }
}

fn texts(v: FieldValue, slot: &mut Vec<String>) {
    if let FieldValue::Texts(s) = v {
        *slot = s;
    }
}

impl Fields for Phase {
    fn id(&self) -> &Id {
        &self.id
    }
    fn known(&self) -> Vec<(&'static str, FieldValue)> {
        vec![("name", FieldValue::Text(self.name.clone()))]
    }
    fn extra(&self) -> &Extra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
    fn set_known(&mut self, field: &str, v: FieldValue) {
        if field == "name" {
            text(v, &mut self.name);
        }
    }
}

impl Fields for Stage {
    fn id(&self) -> &Id {
        &self.id
    }
    fn known(&self) -> Vec<(&'static str, FieldValue)> {
        vec![
            ("name", FieldValue::Text(self.name.clone())),
            ("phase", FieldValue::OptId(self.phase.clone())),
            ("role", FieldValue::Text(self.role.clone())),
            ("external_inputs", FieldValue::Texts(self.external_inputs.clone())),
            ("external_outputs", FieldValue::Texts(self.external_outputs.clone())),
            ("pos", FieldValue::Pos(self.pos.clone())),
        ]
    }
    fn extra(&self) -> &Extra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
    fn set_known(&mut self, field: &str, v: FieldValue) {
        match field {
            "name" => text(v, &mut self.name),
            "phase" => opt_id(v, &mut self.phase),
            "role" => text(v, &mut self.role),
            "external_inputs" => texts(v, &mut self.external_inputs),
            "external_outputs" => texts(v, &mut self.external_outputs),
            "pos" => {
                if let FieldValue::Pos(p) = v {
                    self.pos = p;
                }
            }
            _ => {}
        }
    }
}

impl Fields for Flow {
    fn id(&self) -> &Id {
        &self.id
    }
    fn known(&self) -> Vec<(&'static str, FieldValue)> {
        vec![
            ("from", FieldValue::Id(self.from.clone())),
            ("to", FieldValue::Id(self.to.clone())),
            ("artifact", FieldValue::Text(self.artifact.clone())),
        ]
    }
    fn extra(&self) -> &Extra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
    fn set_known(&mut self, field: &str, v: FieldValue) {
        match field {
            "from" => id(v, &mut self.from),
            "to" => id(v, &mut self.to),
            "artifact" => text(v, &mut self.artifact),
            _ => {}
        }
    }
}

impl Fields for Person {
    fn id(&self) -> &Id {
        &self.id
    }
    fn known(&self) -> Vec<(&'static str, FieldValue)> {
        vec![
            ("name", FieldValue::Text(self.name.clone())),
            ("kind", FieldValue::Kind(self.kind)),
            ("affiliation", FieldValue::Text(self.affiliation.clone())),
        ]
    }
    fn extra(&self) -> &Extra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
    fn set_known(&mut self, field: &str, v: FieldValue) {
        match (field, v) {
            ("name", v) => text(v, &mut self.name),
            ("kind", FieldValue::Kind(k)) => self.kind = k,
            ("affiliation", v) => text(v, &mut self.affiliation),
            _ => {}
        }
    }
}

impl Fields for Topic {
    fn id(&self) -> &Id {
        &self.id
    }
    fn known(&self) -> Vec<(&'static str, FieldValue)> {
        vec![
            ("title", FieldValue::Text(self.title.clone())),
            ("student", FieldValue::Id(self.student.clone())),
            ("stage", FieldValue::OptId(self.stage.clone())),
            ("supervisors", FieldValue::Ids(self.supervisors.clone())),
            ("defense_date", FieldValue::Text(self.defense_date.clone())),
            ("notes", FieldValue::Text(self.notes.clone())),
        ]
    }
    fn extra(&self) -> &Extra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
    fn set_known(&mut self, field: &str, v: FieldValue) {
        match (field, v) {
            ("title", v) => text(v, &mut self.title),
            ("student", v) => id(v, &mut self.student),
            ("stage", v) => opt_id(v, &mut self.stage),
            ("supervisors", FieldValue::Ids(s)) => self.supervisors = s,
            ("defense_date", v) => text(v, &mut self.defense_date),
            ("notes", v) => text(v, &mut self.notes),
            _ => {}
        }
    }
}

/// The project's own fields (its phases are merged as a list).
pub fn project_known(p: &crate::model::Project) -> Vec<(&'static str, FieldValue)> {
    vec![
        ("title", FieldValue::Text(p.title.clone())),
        ("source", FieldValue::Text(p.source.clone())),
        ("background", FieldValue::Text(p.background.clone())),
    ]
}

pub fn project_fields(p: &crate::model::Project) -> Vec<(String, FieldValue)> {
    let mut out: Vec<(String, FieldValue)> = project_known(p).into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    out.extend(p.extra.iter().map(|(k, v)| (k.clone(), FieldValue::Json(Some(v.clone())))));
    out
}

pub fn project_get(p: &crate::model::Project, field: &str) -> FieldValue {
    if let Some((_, v)) = project_known(p).into_iter().find(|(k, _)| *k == field) {
        return v;
    }
    FieldValue::Json(p.extra.iter().find(|(k, _)| k == field).map(|(_, v)| v.clone()))
}

pub fn project_set(p: &mut crate::model::Project, field: &str, v: FieldValue) {
    match (field, v) {
        (_, FieldValue::Json(value)) => set_extra(&mut p.extra, field, value),
        ("title", v) => text(v, &mut p.title),
        ("source", v) => text(v, &mut p.source),
        ("background", v) => text(v, &mut p.background),
        _ => {}
    }
}

/// The top level of the file: only unknown fields.
pub fn document_fields(extra: &Extra) -> Vec<(String, FieldValue)> {
    extra.iter().map(|(k, v)| (k.clone(), FieldValue::Json(Some(v.clone())))).collect()
}

pub fn document_get(extra: &Extra, field: &str) -> FieldValue {
    FieldValue::Json(extra.iter().find(|(k, _)| k == field).map(|(_, v)| v.clone()))
}

pub fn document_set(extra: &mut Extra, field: &str, v: FieldValue) {
    if let FieldValue::Json(value) = v {
        set_extra(extra, field, value);
    }
}
