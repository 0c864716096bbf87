//! Writing a map: fields in the order of FORMAT.md, unknown fields after the
//! known ones in the order they were read, two-space indentation, a final
//! newline. The same map always gives the same bytes, and an exported file
//! imports and exports to the same bytes again.
//!
//! Optional fields are left out when empty, except the ones whose absence
//! would read oddly in a diff: a topic always shows `stage` (null when not
//! placed) and `supervisors`, a flow always shows `artifact`.

use crate::json::{write_compact, write_pretty, write_string};

/// Unknown values nested deeper than this are written on one line.
pub const PRETTY_DEPTH: usize = 3;
use crate::model::{Extra, Flow, Map, Person, Phase, Pos, Stage, Topic};

pub fn export(map: &Map) -> String {
    let mut out = Out::new(true);
    write_map(&mut out, map);
    out.text.push('\n');
    out.text
}

/// The same map on one line, without spaces: what the app keeps in the
/// browser's storage (a third smaller than the export, and quicker to write
/// on big maps). It imports to the same map as [`export`]'s text.
pub fn export_compact(map: &Map) -> String {
    let mut out = Out::new(false);
    write_map(&mut out, map);
    out.text
}

/// JSON written as it goes, straight from the map (no value tree: a
/// 10,000-stage map's strings are not copied first), pretty — two-space
/// indentation, as `json::write_pretty` writes — or on one line.
struct Out {
    text: String,
    pretty: bool,
    /// Containers open around the next item.
    depth: usize,
    /// Whether the innermost open container has no item yet.
    empty: bool,
}

impl Out {
    fn new(pretty: bool) -> Out {
        Out { text: String::new(), pretty, depth: 0, empty: true }
    }

    fn open(&mut self, bracket: char) {
        self.text.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    /// Closes the innermost container; `{}` or `[]` when it stayed empty.
    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.empty && self.pretty {
            self.newline();
        }
        self.text.push(bracket);
        // The container closed was an item of the one around it.
        self.empty = false;
    }

    fn newline(&mut self) {
        self.text.push('\n');
        for _ in 0..self.depth {
            self.text.push_str("  ");
        }
    }

    /// Starts the next item of the innermost container.
    fn item(&mut self) {
        if !self.empty {
            self.text.push(',');
        }
        if self.pretty {
            self.newline();
        }
        self.empty = false;
    }

    fn key(&mut self, k: &str) {
        self.item();
        write_string(&mut self.text, k);
        self.text.push_str(if self.pretty { ": " } else { ":" });
    }

    fn string(&mut self, k: &str, v: &str) {
        self.key(k);
        write_string(&mut self.text, v);
    }

    /// A text field left out when empty.
    fn text(&mut self, k: &str, v: &str) {
        if !v.is_empty() {
            self.string(k, v);
        }
    }

    fn raw(&mut self, k: &str, v: &str) {
        self.key(k);
        self.text.push_str(v);
    }

    /// A list of strings (left out when empty unless `always`).
    fn strings<'a>(&mut self, k: &str, v: impl ExactSizeIterator<Item = &'a str>, always: bool) {
        if v.len() == 0 && !always {
            return;
        }
        self.key(k);
        self.open('[');
        for x in v {
            self.item();
            write_string(&mut self.text, x);
        }
        self.close(']');
    }

    /// A list of objects, left out when empty.
    fn objects<T>(&mut self, k: &str, v: &[T], each: impl Fn(&mut Out, &T)) {
        if v.is_empty() {
            return;
        }
        self.key(k);
        self.open('[');
        for x in v {
            self.item();
            self.open('{');
            each(self, x);
            self.close('}');
        }
        self.close(']');
    }

    /// Unknown fields, as they came. One nested deeper than
    /// [`PRETTY_DEPTH`] is written on one line: indenting deep data can
    /// multiply its size, and the export must stay a file that opens.
    fn extra(&mut self, extra: &Extra) {
        for (k, v) in extra {
            self.key(k);
            if self.pretty && v.depth() <= PRETTY_DEPTH {
                write_pretty(&mut self.text, v, self.depth);
            } else {
                write_compact(&mut self.text, v);
            }
        }
    }
}

fn write_map(o: &mut Out, map: &Map) {
    let p = &map.project;
    o.open('{');
    o.string("format", "chainmap");
    o.raw("version", &super::VERSION.to_string());
    o.key("project");
    o.open('{');
    o.string("title", &p.title);
    o.text("source", &p.source);
    o.text("background", &p.background);
    o.objects("phases", &p.phases, phase);
    o.extra(&p.extra);
    o.close('}');
    o.objects("stages", &map.stages, stage);
    o.objects("flows", &map.flows, flow);
    o.objects("people", &map.people, person);
    o.objects("topics", &map.topics, topic);
    o.extra(&map.extra);
    o.close('}');
}

fn phase(o: &mut Out, p: &Phase) {
    o.string("id", p.id.as_str());
    o.string("name", &p.name);
    o.extra(&p.extra);
}

fn stage(o: &mut Out, st: &Stage) {
    o.string("id", st.id.as_str());
    o.string("name", &st.name);
    if let Some(ph) = &st.phase {
        o.string("phase", ph.as_str());
    }
    o.text("role", &st.role);
    o.strings("external_inputs", st.external_inputs.iter().map(String::as_str), false);
    o.strings("external_outputs", st.external_outputs.iter().map(String::as_str), false);
    if let Some(p) = &st.pos {
        o.key("pos");
        o.open('{');
        pos(o, p);
        o.close('}');
    }
    o.extra(&st.extra);
}

fn pos(o: &mut Out, p: &Pos) {
    o.raw("x", &format_number(p.x));
    o.raw("y", &format_number(p.y));
    o.extra(&p.extra);
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

fn flow(o: &mut Out, f: &Flow) {
    o.string("id", f.id.as_str());
    o.string("from", f.from.as_str());
    o.string("to", f.to.as_str());
    o.string("artifact", &f.artifact);
    o.extra(&f.extra);
}

fn person(o: &mut Out, p: &Person) {
    o.string("id", p.id.as_str());
    o.string("name", &p.name);
    o.string("kind", p.kind.as_str());
    o.text("affiliation", &p.affiliation);
    o.extra(&p.extra);
}

fn topic(o: &mut Out, t: &Topic) {
    o.string("id", t.id.as_str());
    o.string("title", &t.title);
    o.string("student", t.student.as_str());
    match &t.stage {
        Some(x) => o.string("stage", x.as_str()),
        None => o.raw("stage", "null"),
    }
    o.strings("supervisors", t.supervisors.iter().map(|x| x.as_str()), true);
    o.text("defense_date", &t.defense_date);
    o.text("notes", &t.notes);
    o.extra(&t.extra);
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::{export, export_compact, format_number, PRETTY_DEPTH};
    use crate::format::import;

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

    #[test]
    fn unknown_fields_are_indented_down_to_a_depth_then_written_on_one_line() {
        // An unknown field of `depth` nested arrays around a number.
        let field = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        for depth in [PRETTY_DEPTH, PRETTY_DEPTH + 1] {
            let text = format!(
                r#"{{"format":"chainmap","version":1,"project":{{"title":"T"}},"stages":[{{"id":"s","name":"S","x":{}}}]}}"#,
                field(depth)
            );
            let map = import(text.as_bytes()).unwrap().map;
            let pretty = export(&map);
            let line = pretty.lines().find(|l| l.contains("\"x\"")).unwrap();
            if depth <= PRETTY_DEPTH {
                // Indented: the key opens the first array, the number is on a line of its own.
                assert_eq!(line, "      \"x\": [", "{pretty}");
                assert!(pretty.contains(&format!("\n{}1\n", "  ".repeat(3 + depth))), "{pretty}");
            } else {
                assert_eq!(line, format!("      \"x\": {}", field(depth)), "{pretty}");
            }
            // Compact, it is on the one line; both read back to the same map.
            let compact = export_compact(&map);
            assert!(compact.contains(&format!("\"x\":{}", field(depth))), "{compact}");
            assert!(!compact.contains('\n'));
            assert_eq!(import(compact.as_bytes()).unwrap().map, map);
            assert_eq!(import(pretty.as_bytes()).unwrap().map, map);
        }
    }
}
