//! A small JSON reader and writer that the file format is built on.
//!
//! serde_json cannot do three things the format needs: report duplicate keys
//! (FORMAT.md makes them an error, not "last wins"), keep a number exactly as
//! it was written (unknown fields are written back unchanged), and stop at a
//! nesting depth with a clear message. This module does all three, and never
//! recurses deeper than [`MAX_DEPTH`] + 1 frames.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod number;
mod parse;
mod write;

pub use number::to_f64;

pub use parse::{
    line_column, parse, parse_document, Document, DuplicateKey, Fields, Items, ParseError, ParseOutcome, Raw,
    SyntaxKind, ValueRef, MAX_DEPTH,
};
pub use write::{write_compact, write_pretty, write_string};

/// A JSON value as read from a file. Objects keep their keys in file order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's text exactly as it appeared (already checked to be valid JSON).
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Plain words for the kind of value, used in error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }

    /// Looks a key up in an object (first occurrence); `None` for other kinds.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Nesting depth: scalars are 0, `[]` is 1, `[[1]]` is 2.
    /// Iterative so that it cannot overflow the stack on any value.
    pub fn depth(&self) -> usize {
        let mut max = 0;
        let mut stack = vec![(self, 0usize)];
        while let Some((v, d)) = stack.pop() {
            match v {
                Value::Array(items) => {
                    max = max.max(d + 1);
                    stack.extend(items.iter().map(|i| (i, d + 1)));
                }
                Value::Object(fields) => {
                    max = max.max(d + 1);
                    stack.extend(fields.iter().map(|(_, i)| (i, d + 1)));
                }
                _ => max = max.max(d),
            }
        }
        max
    }
}
