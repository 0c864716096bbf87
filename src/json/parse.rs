//! Recursive-descent JSON parser with line/column errors, duplicate-key
//! detection and a hard depth limit.

use super::Value;
use crate::model::hash::FastSet;

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

/// Parses one JSON document into an owned [`Value`]. Stops at the first
/// syntax error. (The importer reads the [`Document`] of [`parse_document`]
/// directly, without building the owned tree.)
pub fn parse(text: &str) -> Result<ParseOutcome, ParseError> {
    let doc = parse_document(text)?;
    let value = doc.root().to_value();
    Ok(ParseOutcome { value, duplicates: doc.duplicates })
}

/// Parses one JSON document into a flat [`Document`] that borrows its
/// strings and numbers from `text`. Stops at the first syntax error; the
/// errors and duplicate keys are exactly those of [`parse`].
#[inline(never)] // a phase of its own (and in profiles)
pub fn parse_document(text: &str) -> Result<Document<'_>, ParseError> {
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        pos: 0,
        // About one node per eight bytes of a pretty-printed file: one allocation.
        nodes: Vec::with_capacity(text.len() / 8 + 16),
        owned: Vec::new(),
        duplicates: Vec::new(),
    };
    p.skip_ws();
    if p.pos >= p.src.len() {
        return Err(p.error(SyntaxKind::Empty));
    }
    p.value(1, &Seg::Root)?;
    p.skip_ws();
    if p.pos < p.src.len() {
        return Err(p.error(SyntaxKind::TrailingText));
    }
    Ok(Document { nodes: p.nodes, owned: p.owned, duplicates: p.duplicates })
}

/// A parsed document as one flat list of nodes in file order (a "tape"):
/// a container's node is followed by its contents (for an object, each key
/// then its value) and knows where its contents end. Strings without
/// escapes and numbers are borrowed from the text; only strings with
/// escapes are copied. Of a duplicated key only the first occurrence is kept.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    nodes: Vec<Node<'a>>,
    owned: Vec<String>,
    /// The duplicate keys found on the way, as [`ParseOutcome::duplicates`].
    pub duplicates: Vec<DuplicateKey>,
}

#[derive(Clone, Copy, Debug)]
enum Node<'a> {
    Null,
    True,
    False,
    /// The number's text.
    Number(&'a str),
    /// A string without escapes (the text between the quotes).
    Str(&'a str),
    /// A string with escapes: its index in `owned`.
    Owned(usize),
    /// `len` items; `end` is the index of the node after the array.
    Array {
        len: usize,
        end: usize,
    },
    /// `len` keys; `end` is the index of the node after the object.
    Object {
        len: usize,
        end: usize,
    },
}

impl<'a> Document<'a> {
    /// The top-level value.
    pub fn root(&self) -> ValueRef<'_> {
        ValueRef { doc: self, i: 0 }
    }

    #[inline(always)]
    fn node(&self, i: usize) -> Node<'a> {
        self.nodes.get(i).copied().unwrap_or(Node::Null)
    }

    /// The index of the node after the value at `i` (and its contents).
    #[inline(always)]
    fn after(&self, i: usize) -> usize {
        match self.node(i) {
            Node::Array { end, .. } | Node::Object { end, .. } => end,
            _ => i + 1,
        }
    }

    /// The text of a string node.
    #[inline(always)]
    fn text_of(&self, n: Node<'a>) -> &str {
        match n {
            Node::Str(s) => s,
            Node::Owned(k) => self.owned.get(k).map_or("", String::as_str),
            _ => "",
        }
    }
}

/// A value inside a [`Document`]: cheap to copy, read in place.
#[derive(Clone, Copy)]
pub struct ValueRef<'d> {
    doc: &'d Document<'d>,
    i: usize,
}

/// What a [`ValueRef`] holds, for matching on.
#[derive(Clone, Copy)]
pub enum Raw<'d> {
    Null,
    Bool(bool),
    /// The number's text exactly as it appeared.
    Number(&'d str),
    String(&'d str),
    Array(Items<'d>),
    Object(Fields<'d>),
}

impl<'d> ValueRef<'d> {
    #[inline]
    pub fn raw(self) -> Raw<'d> {
        let doc = self.doc;
        match doc.node(self.i) {
            Node::Null => Raw::Null,
            Node::True => Raw::Bool(true),
            Node::False => Raw::Bool(false),
            Node::Number(s) => Raw::Number(s),
            Node::Str(s) => Raw::String(s),
            n @ Node::Owned(_) => Raw::String(doc.text_of(n)),
            Node::Array { len, .. } => Raw::Array(Items { doc, next: self.i + 1, left: len }),
            Node::Object { len, .. } => Raw::Object(Fields { doc, next: self.i + 1, left: len }),
        }
    }

    pub fn is_null(self) -> bool {
        matches!(self.doc.node(self.i), Node::Null)
    }

    /// The text of a string value.
    pub fn as_str(self) -> Option<&'d str> {
        match self.raw() {
            Raw::String(s) => Some(s),
            _ => None,
        }
    }

    /// The fields of an object.
    pub fn as_object(self) -> Option<Fields<'d>> {
        match self.raw() {
            Raw::Object(f) => Some(f),
            _ => None,
        }
    }

    /// Plain words for the kind of value, as [`Value::kind_name`].
    pub fn kind_name(self) -> &'static str {
        match self.doc.node(self.i) {
            Node::Null => "null",
            Node::True | Node::False => "true/false",
            Node::Number(_) => "a number",
            Node::Str(_) | Node::Owned(_) => "text",
            Node::Array { .. } => "a list",
            Node::Object { .. } => "an object",
        }
    }

    /// Looks a key up in an object; `None` for other kinds.
    pub fn get(self, key: &str) -> Option<ValueRef<'d>> {
        self.as_object()?.find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The value as an owned [`Value`] (recursion as deep as the value,
    /// which the parser limited to [`MAX_DEPTH`]).
    pub fn to_value(self) -> Value {
        match self.raw() {
            Raw::Null => Value::Null,
            Raw::Bool(b) => Value::Bool(b),
            Raw::Number(n) => Value::Number(n.to_string()),
            Raw::String(s) => Value::String(s.to_string()),
            Raw::Array(items) => Value::Array(items.map(ValueRef::to_value).collect()),
            Raw::Object(fields) => Value::Object(fields.map(|(k, v)| (k.to_string(), v.to_value())).collect()),
        }
    }
}

/// The items of an array, in order.
#[derive(Clone, Copy)]
pub struct Items<'d> {
    doc: &'d Document<'d>,
    next: usize,
    left: usize,
}

impl<'d> Iterator for Items<'d> {
    type Item = ValueRef<'d>;
    fn next(&mut self) -> Option<ValueRef<'d>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let v = ValueRef { doc: self.doc, i: self.next };
        self.next = self.doc.after(self.next);
        Some(v)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Items<'_> {}

/// The keys and values of an object, in file order.
#[derive(Clone, Copy)]
pub struct Fields<'d> {
    doc: &'d Document<'d>,
    next: usize,
    left: usize,
}

impl<'d> Iterator for Fields<'d> {
    type Item = (&'d str, ValueRef<'d>);
    fn next(&mut self) -> Option<(&'d str, ValueRef<'d>)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let key = self.doc.text_of(self.doc.node(self.next));
        let v = ValueRef { doc: self.doc, i: self.next + 1 };
        self.next = self.doc.after(self.next + 1);
        Some((key, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Fields<'_> {}

/// Objects with fewer keys than this are checked for duplicates by
/// comparing with each earlier key; bigger ones with a hash set, so that
/// an object with very many keys is not checked in quadratic time.
const LINEAR_KEYS: usize = 16;

/// Where a value is: a list of these on the stack, each pointing to its
/// parent (nothing is allocated per value; the path is written out only
/// for a duplicate key).
enum Seg<'p> {
    Root,
    /// The node of the key.
    Key(&'p Seg<'p>, usize),
    Index(&'p Seg<'p>, usize),
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    nodes: Vec<Node<'a>>,
    owned: Vec<String>,
    duplicates: Vec<DuplicateKey>,
}

impl<'a> Parser<'a> {
    fn error(&self, kind: SyntaxKind) -> ParseError {
        let (line, column) = line_column(self.text, self.pos);
        ParseError { line, column, kind }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        let src = self.src;
        let mut p = self.pos;
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = src.get(p) {
            p += 1;
        }
        self.pos = p;
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

    #[inline(always)]
    fn push(&mut self, n: Node<'a>) {
        self.nodes.push(n);
    }

    /// The text of the string node at `i`.
    fn key_text(&self, i: usize) -> &str {
        match self.nodes.get(i) {
            Some(Node::Str(s)) => s,
            Some(Node::Owned(k)) => self.owned.get(*k).map_or("", String::as_str),
            _ => "",
        }
    }

    fn key_cow(&self, i: usize) -> std::borrow::Cow<'a, str> {
        match self.nodes.get(i) {
            Some(Node::Str(s)) => std::borrow::Cow::Borrowed(s),
            _ => std::borrow::Cow::Owned(self.key_text(i).to_string()),
        }
    }

    /// The index of the node after the value at `i` (complete values only).
    fn after(&self, i: usize) -> usize {
        match self.nodes.get(i) {
            Some(Node::Array { end, .. } | Node::Object { end, .. }) => *end,
            _ => i + 1,
        }
    }

    /// `depth` is the nesting level the value would have if it is a container.
    fn value(&mut self, depth: usize, at: &Seg<'_>) -> Result<(), ParseError> {
        match self.peek() {
            None => Err(self.error(SyntaxKind::UnexpectedEnd)),
            Some(b'{') => self.object(depth, at),
            Some(b'[') => self.array(depth, at),
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Node::True),
            Some(b'f') => self.literal("false", Node::False),
            Some(b'n') => self.literal("null", Node::Null),
            Some(_) => Err(self.error(SyntaxKind::Expected("a value"))),
        }
    }

    fn literal(&mut self, word: &'static str, node: Node<'a>) -> Result<(), ParseError> {
        let end = self.pos + word.len();
        if self.src.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            self.push(node);
            Ok(())
        } else if end > self.src.len() && word.as_bytes().starts_with(self.src.get(self.pos..).unwrap_or_default()) {
            self.pos = self.src.len();
            Err(self.error(SyntaxKind::UnexpectedEnd))
        } else {
            Err(self.error(SyntaxKind::Expected("a value")))
        }
    }

    fn object(&mut self, depth: usize, at: &Seg<'_>) -> Result<(), ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(SyntaxKind::TooDeep));
        }
        self.pos += 1; // '{'
        let me = self.nodes.len();
        self.push(Node::Object { len: 0, end: 0 });
        let mut count = 0usize;
        // Keys seen so far, once the object has many (see LINEAR_KEYS).
        let mut seen: Option<FastSet<std::borrow::Cow<'a, str>>> = None;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.close(me, 0);
            return Ok(());
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(SyntaxKind::Expected("a key in double quotes"))),
            }
            let key_pos = self.pos;
            let key_node = self.nodes.len();
            let owned_before = self.owned.len();
            self.string()?;
            self.skip_ws();
            self.expect_byte(b':', "':'")?;
            self.skip_ws();
            let duplicate = self.seen_before(me, key_node, count, &mut seen);
            let here = Seg::Key(at, key_node);
            // Only the first ones are placed (each place scans the text); the
            // import lists at most a hundred problems anyway.
            if duplicate && self.duplicates.len() <= 100 {
                let (line, column) = line_column(self.text, key_pos);
                self.duplicates.push(DuplicateKey { path: self.path_string(&here), line, column });
            }
            self.value(depth + 1, &here)?;
            if duplicate {
                // The value keeps the first occurrence: drop this one.
                self.nodes.truncate(key_node);
                self.owned.truncate(owned_before);
            } else {
                count += 1;
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.close(me, count);
                    return Ok(());
                }
                Some(_) => return Err(self.error(SyntaxKind::Expected("',' or '}'"))),
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
            }
        }
    }

    /// Whether the key at node `key` is one of the `count` keys the object
    /// at node `me` already holds; remembers it otherwise.
    fn seen_before(
        &self,
        me: usize,
        key: usize,
        count: usize,
        seen: &mut Option<FastSet<std::borrow::Cow<'a, str>>>,
    ) -> bool {
        if seen.is_none() {
            if count < LINEAR_KEYS {
                let k = self.key_text(key);
                let mut at = me + 1;
                for _ in 0..count {
                    if self.key_text(at) == k {
                        return true;
                    }
                    at = self.after(at + 1);
                }
                return false;
            }
            let mut set = crate::model::hash::set_with_capacity(2 * count);
            let mut at = me + 1;
            for _ in 0..count {
                set.insert(self.key_cow(at));
                at = self.after(at + 1);
            }
            *seen = Some(set);
        }
        match seen {
            Some(set) => !set.insert(self.key_cow(key)),
            None => false,
        }
    }

    fn close(&mut self, me: usize, count: usize) {
        let after = self.nodes.len();
        if let Some(Node::Array { len, end } | Node::Object { len, end }) = self.nodes.get_mut(me) {
            *len = count;
            *end = after;
        }
    }

    fn array(&mut self, depth: usize, at: &Seg<'_>) -> Result<(), ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(SyntaxKind::TooDeep));
        }
        self.pos += 1; // '['
        let me = self.nodes.len();
        self.push(Node::Array { len: 0, end: 0 });
        let mut count = 0usize;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.close(me, 0);
            return Ok(());
        }
        loop {
            self.skip_ws();
            self.value(depth + 1, &Seg::Index(at, count))?;
            count += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.close(me, count);
                    return Ok(());
                }
                Some(_) => return Err(self.error(SyntaxKind::Expected("',' or ']'"))),
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
            }
        }
    }

    fn number(&mut self) -> Result<(), ParseError> {
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
        let text: &'a str = self.text;
        self.push(Node::Number(text.get(start..self.pos).unwrap_or("0")));
        Ok(())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// Skips plain characters (not a quote, a backslash or a control character).
    #[inline(always)]
    fn plain_run(&mut self) {
        let src = self.src;
        let mut p = self.pos;
        while let Some(&c) = src.get(p) {
            if c == b'"' || c == b'\\' || c < 0x20 {
                break;
            }
            p += 1;
        }
        self.pos = p;
    }

    fn string(&mut self) -> Result<(), ParseError> {
        self.pos += 1; // opening quote
        let start = self.pos;
        self.plain_run();
        match self.peek() {
            None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
            Some(b'"') => {
                let text: &'a str = self.text;
                self.push(Node::Str(text.get(start..self.pos).unwrap_or("")));
                self.pos += 1;
                return Ok(());
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.error(SyntaxKind::ControlCharacterInString)),
        }
        // Escapes: the text is copied.
        let mut out = String::from(self.text.get(start..self.pos).unwrap_or(""));
        loop {
            match self.peek() {
                None => return Err(self.error(SyntaxKind::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    let at = self.owned.len();
                    self.owned.push(out);
                    self.push(Node::Owned(at));
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error(SyntaxKind::ControlCharacterInString)),
            }
            let run_start = self.pos;
            self.plain_run();
            out.push_str(self.text.get(run_start..self.pos).unwrap_or(""));
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

    fn path_string(&self, at: &Seg<'_>) -> String {
        let mut segs = Vec::new();
        let mut seg = at;
        loop {
            match seg {
                Seg::Root => break,
                Seg::Key(parent, _) | Seg::Index(parent, _) => {
                    segs.push(seg);
                    seg = parent;
                }
            }
        }
        let mut s = String::new();
        for seg in segs.into_iter().rev() {
            match seg {
                Seg::Root => {}
                Seg::Key(_, k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(self.key_text(*k));
                }
                Seg::Index(_, i) => {
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
