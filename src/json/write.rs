//! Deterministic pretty printer: two-space indentation, keys in the given
//! order, non-ASCII text written as is, the same escapes as serde_json.

use super::Value;

/// Appends `v` at indentation level `indent` (in steps of two spaces).
pub fn write_pretty(out: &mut String, v: &Value, indent: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent + 1);
                write_pretty(out, item, indent + 1);
            }
            newline(out, indent);
            out.push(']');
        }
        Value::Object(fields) => {
            if fields.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent + 1);
                write_string(out, k);
                out.push_str(": ");
                write_pretty(out, item, indent + 1);
            }
            newline(out, indent);
            out.push('}');
        }
    }
}

/// Appends `v` on one line, without spaces.
pub fn write_compact(out: &mut String, v: &Value) {
    match v {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(out, item);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (k, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k);
                out.push(':');
                write_compact(out, item);
            }
            out.push('}');
        }
        scalar => write_pretty(out, scalar, 0),
    }
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    for _ in 0..indent {
        out.push_str("  ");
    }
}

/// Appends `s` as a JSON string literal.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn pretty_output_reparses_to_the_same_value_and_bytes() {
        let src = "{\"a\": [1, {\"b\": \"x\\\"y\\u0001\"}, [], {}], \"c\": 2.50}";
        let v = parse(src).unwrap().value;
        let mut once = String::new();
        write_pretty(&mut once, &v, 0);
        assert_eq!(
            once,
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": \"x\\\"y\\u0001\"\n    },\n    [],\n    {}\n  ],\n  \"c\": 2.50\n}"
        );
        let again = parse(&once).unwrap().value;
        assert_eq!(again, v);
    }
}
