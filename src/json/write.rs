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

/// Appends `s` as a JSON string literal. Runs of characters that need no
/// escape are copied at once (every character to escape is ASCII, so the
/// runs end on character boundaries).
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(start..i).unwrap_or(""));
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            for d in [b >> 4, b & 0xf] {
                out.push(char::from(HEX.get(usize::from(d)).copied().unwrap_or(b'0')));
            }
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or(""));
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

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "",
            "plain",
            "中文 and ünï",
            "q\"b\\n\nr\rt\tb\u{8}f\u{c}",
            "\u{1}\u{1f}\u{7f}",
            "end\u{0}",
            "\"\"",
            "a\u{2028}b",
        ] {
            let mut ours = String::new();
            write_string(&mut ours, s);
            assert_eq!(ours, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }
}
