//! Recursive-descent JSON parser with line/column errors, duplicate-key
//! detection and a hard depth limit.

use super::Value;

/// Deepest nesting accepted (FORMAT.md: "more than 32 levels deep is rejected").
pub const MAX_DEPTH: usize = 32;

/// What went wrong in the JSON text itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// The text ended in the middle of a value.
    UnexpectedEnd,
    /// Something else stood where one of these was expected (e.g. "',' or '}'").
    Expected(&'static str),
    /// A value was complete but more text followed it.
    TrailingText,
    InvalidNumber,
    InvalidEscape,
    /// A raw control character (tab, line break, …) inside a string.
    ControlCharacterInString,
    /// A `\uD800`-style escape that is half of a character.
    LoneSurrogate,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The file contains nothing (or only spaces).
    Empty,
}

/// A syntax error with its place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub kind: SyntaxKind,
}

/// A key that appears twice in one object. `path` is the JSON path of the
/// object's second occurrence of the key (e.g. `stages[0].name`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    pub path: String,
    pub line: usize,
    pub column: usize,
}

/// A parsed document with the duplicate keys found on the way (the value
/// keeps the first occurrence of each).
#[derive(Clone, Debug, PartialEq)]
pub struct ParseOutcome {
    pub value: Value,
    pub duplicates: Vec<DuplicateKey>,
}

/// Parses one JSON document. Stops at the first syntax error.
pub fn parse(text: &str) -> Result<ParseOutcome, ParseError> {
    let mut p = Parser { src: text.as_bytes(), text, pos: 0, path: Vec::new(), duplicates: Vec::new() };
    p.skip_ws();
    if p.pos >= p.src.len() {
        return Err(p.error(SyntaxKind::Empty));
    }
    let value = p.value(1)?;
    p.skip_ws();
    if p.pos < p.src.len() {
        return Err(p.error(SyntaxKind::TrailingText));
    }
    Ok(ParseOutcome { value, duplicates: p.duplicates })
}

enum Seg {
    Key(String),
    Index(usize),
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    path: Vec<Seg>,
    duplicates: Vec<DuplicateKey>,
}

impl Parser<'_> {
    fn error(&self, kind: SyntaxKind) -> ParseError {
        let (line, column) = line_column(self.text, self.pos);
        ParseError { line, column, kind }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_byte(&mut self, b: u8, what: &'static str) -> Result<(), ParseError> {
        match self.peek() {
            Some(c) if c == b => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.error(SyntaxKind::Expected(what))),
            None => Err(self.error(SyntaxKind::UnexpectedEnd)),
        }
    }

    /// `depth` is the nesting level the value would have if it is a container.
    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        match self.peek() {
            None => Err(self.error(SyntaxKind::UnexpectedEnd)),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(_) => Err(self.error(SyntaxKind::Expected("a value"))),
        }
    }

    fn literal(&mut self, word: &'static str, v: Value) -> Result<Value, ParseError> {
        let end = self.pos + word.len();
        if self.src.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(v)
        } else if end > self.src.len() && word.as_bytes().starts_with(self.src.get(self.pos..).unwrap_or_default()) {
            self.pos = self.src.len();
            Err(self.error(SyntaxKind::UnexpectedEnd))
        } else {
            Err(self.error(SyntaxKind::Expected("a value")))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(SyntaxKind::TooDeep));
        }
        self.pos += 1; // '{'
        let mut fields: Vec<(String, Value)> = Vec::new();
        // Keys seen so far, so that an object with very many keys is not
        // checked for duplicates in quadratic time.
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(SyntaxKind::Expected("a key in double quotes"))),
            }
            let key_pos = self.pos;
            let key = self.string()?;
            self.skip_ws();
            self.expect_byte(b':', "':'")?;
            self.skip_ws();
            let duplicate = !seen.insert(key.clone());
            self.path.push(Seg::Key(key.clone()));
            // Only the first ones are placed (each place scans the text); the
            // import lists at most a hundred problems anyway.
            if duplicate && self.duplicates.len() <= 100 {
                let (line, column) = line_column(self.text, key_pos);
                self.duplicates.push(DuplicateKey { path: self.path_string(), line, column });
            }
            let v = self.value(depth + 1)?;
            self.path.pop();
            if !duplicate {
                fields.push((key, v));
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(fields));
                }
                Some(_) => return Err(self.error(SyntaxKind::Expected("',' or '}'"))),
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(SyntaxKind::TooDeep));
        }
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            self.path.push(Seg::Index(items.len()));
            let v = self.value(depth + 1)?;
            self.path.pop();
            items.push(v);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) => return Err(self.error(SyntaxKind::Expected("',' or ']'"))),
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
            }
        }
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
            Some(_) => return Err(self.error(SyntaxKind::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxKind::InvalidNumber));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(SyntaxKind::InvalidNumber));
            }
            self.digits();
        }
        Ok(Value::Number(self.text[start..self.pos].to_string()))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            // Copy the longest run of plain characters in one go.
            let run_start = self.pos;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error(SyntaxKind::ControlCharacterInString)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let c = match self.peek() {
            None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
            Some(c) => c,
        };
        self.pos += 1;
        match c {
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'/' => out.push('/'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let first = self.hex4()?;
                let ch = if (0xD800..0xDC00).contains(&first) {
                    if self.src.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.error(SyntaxKind::LoneSurrogate));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error(SyntaxKind::LoneSurrogate));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else if (0xDC00..0xE000).contains(&first) {
                    return Err(self.error(SyntaxKind::LoneSurrogate));
                } else {
                    first
                };
                match char::from_u32(ch) {
                    Some(ch) => out.push(ch),
                    None => return Err(self.error(SyntaxKind::InvalidEscape)),
                }
            }
            _ => {
                self.pos -= 1;
                return Err(self.error(SyntaxKind::InvalidEscape));
            }
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
                Some(c) => match (c as char).to_digit(16) {
                    Some(d) => d,
                    None => return Err(self.error(SyntaxKind::InvalidEscape)),
                },
            };
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }

    fn path_string(&self) -> String {
        let mut s = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(k);
                }
                Seg::Index(i) => {
                    s.push('[');
                    s.push_str(&i.to_string());
                    s.push(']');
                }
            }
        }
        s
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn err(text: &str) -> ParseError {
        parse(text).expect_err("should fail")
    }

    #[test]
    fn parses_nested_values_in_key_order() {
        let out = parse(r#"{"b": [1, -2.5e3, true, null], "a": {"x": "y\u00e9\n"}}"#).unwrap();
        let Value::Object(fields) = &out.value else { panic!("not an object") };
        assert_eq!(fields[0].0, "b");
        assert_eq!(fields[1].0, "a");
        assert_eq!(
            fields[0].1,
            Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Null
            ])
        );
        assert_eq!(out.value.get("a").unwrap().get("x"), Some(&Value::String("yé\n".into())));
    }

    #[test]
    fn reports_line_and_column_of_a_missing_comma() {
        let e = err("{\n  \"a\": 1\n  \"b\": 2\n}");
        assert_eq!((e.line, e.column), (3, 3));
        assert_eq!(e.kind, SyntaxKind::Expected("',' or '}'"));
    }

    #[test]
    fn truncated_and_trailing_text_are_errors() {
        assert_eq!(err("{\"a\": [1, 2").kind, SyntaxKind::UnexpectedEnd);
        assert_eq!(err("{} x").kind, SyntaxKind::TrailingText);
        assert_eq!(err("").kind, SyntaxKind::Empty);
        assert_eq!(err("tru").kind, SyntaxKind::UnexpectedEnd);
    }

    #[test]
    fn duplicate_keys_are_reported_with_their_path() {
        let out = parse(r#"{"stages": [{"id": "a", "id": "b"}]}"#).unwrap();
        assert_eq!(out.duplicates.len(), 1);
        assert_eq!(out.duplicates[0].path, "stages[0].id");
        assert_eq!(
            out.value.get("stages").unwrap(),
            &Value::Array(vec![Value::Object(vec![("id".into(), Value::String("a".into()))])])
        );
    }

    #[test]
    fn depth_is_limited_without_overflowing_the_stack() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(err(&deep).kind, SyntaxKind::TooDeep);
        let very_deep = "[".repeat(200_000);
        assert_eq!(err(&very_deep).kind, SyntaxKind::TooDeep);
    }

    #[test]
    fn numbers_keep_their_text_and_bad_ones_fail() {
        let out = parse("[1.000, 1E400, -0]").unwrap();
        assert_eq!(
            out.value,
            Value::Array(vec![
                Value::Number("1.000".into()),
                Value::Number("1E400".into()),
                Value::Number("-0".into())
            ])
        );
        for bad in ["[01]", "[1.]", "[-]", "[1e]", "[.5]", "[NaN]", "[Infinity]"] {
            assert!(parse(bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn strings_reject_raw_control_characters_and_lone_surrogates() {
        assert_eq!(err("[\"a\tb\"]").kind, SyntaxKind::ControlCharacterInString);
        assert_eq!(err(r#"["\ud800"]"#).kind, SyntaxKind::LoneSurrogate);
        assert_eq!(err(r#"["\udc00"]"#).kind, SyntaxKind::LoneSurrogate);
        assert_eq!(err(r#"["\x"]"#).kind, SyntaxKind::InvalidEscape);
        let out = parse(r#"["\ud83d\ude00"]"#).unwrap();
        assert_eq!(out.value, Value::Array(vec![Value::String("😀".into())]));
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let e = err("{\"名字\": x}");
        assert_eq!((e.line, e.column), (1, 8));
    }
}
