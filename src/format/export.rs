//! Writing a map: fields in the order of FORMAT.md, unknown fields after the
//! known ones in the order they were read, two-space indentation, a final
//! newline. The same map always gives the same bytes, and an exported file
//! imports and exports to the same bytes again.
//!
//! Optional fields are left out when empty, except the ones whose absence
//! would read oddly in a diff: a topic always shows `stage` (null when not
//! placed) and `supervisors`, a flow always shows `artifact`.

use crate::json::{write_compact, write_pretty, Value};

/// Unknown values nested deeper than this are written on one line.
pub const PRETTY_DEPTH: usize = 3;
use crate::model::{Extra, Flow, Map, Person, Phase, Pos, Stage, Topic};

pub fn export(map: &Map) -> String {
    let mut out = String::new();
    write_pretty(&mut out, &to_value(map), 0);
    out.push('\n');
    out
}

/// The same map on one line, without spaces: what the app keeps in the
/// browser's storage (a third smaller than the export, and quicker to write
/// on big maps). It imports to the same map as [`export`]'s text.
pub fn export_compact(map: &Map) -> String {
    let mut out = String::new();
    write_compact(&mut out, &to_value(map));
    out
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

struct Obj(Vec<(String, Value)>);

impl Obj {
    fn new() -> Obj {
        Obj(Vec::new())
    }
    fn put(mut self, k: &str, v: Value) -> Obj {
        self.0.push((k.to_string(), v));
        self
    }
    fn text(self, k: &str, v: &str) -> Obj {
        if v.is_empty() {
            self
        } else {
            self.put(k, s(v))
        }
    }
    fn texts(self, k: &str, v: &[String]) -> Obj {
        if v.is_empty() {
            self
        } else {
            self.put(k, Value::Array(v.iter().map(|x| s(x)).collect()))
        }
    }
    fn list(self, k: &str, v: Vec<Value>) -> Obj {
        if v.is_empty() {
            self
        } else {
            self.put(k, Value::Array(v))
        }
    }
    /// Unknown fields, as they came. One nested deeper than
    /// [`PRETTY_DEPTH`] is written on one line: indenting deep data can
    /// multiply its size, and the export must stay a file that opens.
    fn extra(mut self, extra: &Extra) -> Obj {
        self.0.extend(extra.iter().map(|(k, v)| {
            if v.depth() > PRETTY_DEPTH {
                let mut line = String::new();
                write_compact(&mut line, v);
                // Written verbatim by the printer (a number's text is).
                (k.clone(), Value::Number(line))
            } else {
                (k.clone(), v.clone())
            }
        }));
        self
    }
    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

fn to_value(map: &Map) -> Value {
    let p = &map.project;
    let project = Obj::new()
        .put("title", s(&p.title))
        .text("source", &p.source)
        .text("background", &p.background)
        .list("phases", p.phases.iter().map(phase).collect())
        .extra(&p.extra)
        .done();
    Obj::new()
        .put("format", s("chainmap"))
        .put("version", Value::Number(super::VERSION.to_string()))
        .put("project", project)
        .list("stages", map.stages.iter().map(stage).collect())
        .list("flows", map.flows.iter().map(flow).collect())
        .list("people", map.people.iter().map(person).collect())
        .list("topics", map.topics.iter().map(topic).collect())
        .extra(&map.extra)
        .done()
}

fn phase(p: &Phase) -> Value {
    Obj::new().put("id", s(p.id.as_str())).put("name", s(&p.name)).extra(&p.extra).done()
}

fn stage(st: &Stage) -> Value {
    let mut o = Obj::new().put("id", s(st.id.as_str())).put("name", s(&st.name));
    if let Some(ph) = &st.phase {
        o = o.put("phase", s(ph.as_str()));
    }
    o = o
        .text("role", &st.role)
        .texts("external_inputs", &st.external_inputs)
        .texts("external_outputs", &st.external_outputs);
    if let Some(p) = &st.pos {
        o = o.put("pos", pos(p));
    }
    o.extra(&st.extra).done()
}

fn pos(p: &Pos) -> Value {
    Obj::new()
        .put("x", Value::Number(format_number(p.x)))
        .put("y", Value::Number(format_number(p.y)))
        .extra(&p.extra)
        .done()
}

/// The shortest text that reads back as exactly `x`. Whole numbers are
/// written without a fraction. Non-finite values cannot be written (the
/// format has no spelling for them); they become 0, and `validate` keeps
/// them out of maps in the first place.
pub fn format_number(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    if x == x.trunc() && x.abs() < 1e15 {
        // -0.0 is written as 0: the format does not tell the two apart.
        return format!("{}", x as i64);
    }
    format!("{x}")
}

fn flow(f: &Flow) -> Value {
    Obj::new()
        .put("id", s(f.id.as_str()))
        .put("from", s(f.from.as_str()))
        .put("to", s(f.to.as_str()))
        .put("artifact", s(&f.artifact))
        .extra(&f.extra)
        .done()
}

fn person(p: &Person) -> Value {
    Obj::new()
        .put("id", s(p.id.as_str()))
        .put("name", s(&p.name))
        .put("kind", s(p.kind.as_str()))
        .text("affiliation", &p.affiliation)
        .extra(&p.extra)
        .done()
}

fn topic(t: &Topic) -> Value {
    Obj::new()
        .put("id", s(t.id.as_str()))
        .put("title", s(&t.title))
        .put("student", s(t.student.as_str()))
        .put("stage", t.stage.as_ref().map_or(Value::Null, |x| s(x.as_str())))
        .put("supervisors", Value::Array(t.supervisors.iter().map(|x| s(x.as_str())).collect()))
        .text("defense_date", &t.defense_date)
        .text("notes", &t.notes)
        .extra(&t.extra)
        .done()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::format_number;

    #[test]
    fn numbers_round_trip_exactly() {
        for x in [0.0, 1.0, -3.0, 0.1, 1.0 / 3.0, 123456.789, -9999999.999999, 1e-7, 5e-324, 9_999_999.0] {
            let text = format_number(x);
            let back: f64 = text.parse().unwrap();
            assert_eq!(back.to_bits(), if x == 0.0 { 0.0f64.to_bits() } else { x.to_bits() }, "{x} -> {text}");
        }
        assert_eq!(format_number(100.0), "100");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(f64::NAN), "0");
        assert_eq!(format_number(f64::INFINITY), "0");
    }
}
