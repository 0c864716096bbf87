//! The benchmark's generic graph format, laid out by the same layered code
//! as the map: `{nodes:[{id,w,h}], edges:[{source,target}]}` in,
//! `{nodes:[{id,x,y,w,h}], edges:[{source,target,points:[[x,y],…]}]}` out,
//! with `x, y` the centre of a box (see ../shared/bench/README.md). There
//! are no phases in this format: one band. Ids may be strings or numbers;
//! a missing, non-numeric or non-positive size is 120 × 48, as the bench's
//! loader has it. Other fields are ignored.
//!
//! Reading goes straight into typed values (ids borrowed from the input
//! where they need no unescaping) and writing avoids float formatting for
//! whole numbers: both matter for the first call of a cold wasm module.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::{self, Write};

use serde::de::{Deserialize, Deserializer, IgnoredAny, Visitor};

use super::layered::{self, Input, RouteKind, Size, Spacing};

/// Spacing of the benchmark layouts (no labels to make room for).
pub const SPACING: Spacing =
    Spacing { node_gap: 30.0, edge_gap: 12.0, column_gap: 60.0, band_gap: 60.0, min_column_w: 0.0 };

#[derive(serde::Deserialize)]
struct Graph<'a> {
    #[serde(borrow)]
    nodes: Vec<NodeIn<'a>>,
    #[serde(borrow)]
    edges: Vec<EdgeIn<'a>>,
}

#[derive(serde::Deserialize)]
struct NodeIn<'a> {
    #[serde(borrow, default)]
    id: Option<Key<'a>>,
    #[serde(default)]
    w: Lenient,
    #[serde(default)]
    h: Lenient,
}

#[derive(serde::Deserialize)]
struct EdgeIn<'a> {
    #[serde(borrow, default)]
    source: Option<Key<'a>>,
    #[serde(borrow, default)]
    target: Option<Key<'a>>,
}

/// An id: a string, or a number written as text.
struct Key<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

/// A size: a usable number, or nothing for anything else.
#[derive(Default)]
struct Lenient(Option<f64>);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Lenient;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a size")
            }
            fn visit_f64<E>(self, v: f64) -> Result<Lenient, E> {
                Ok(Lenient(Some(v).filter(|v| v.is_finite() && *v > 0.0 && *v < 1.0e6)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Lenient, E> {
                self.visit_f64(v as f64)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Lenient, E> {
                self.visit_f64(v as f64)
            }
            fn visit_str<E>(self, _: &str) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_unit<E>(self) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Lenient, A::Error> {
                IgnoredAny.visit_seq(seq).map(|_| Lenient(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Lenient, A::Error> {
                IgnoredAny.visit_map(map).map(|_| Lenient(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// Lays out a graph given as JSON text; the layout as JSON text, or why the input is unusable.
pub fn layout_graph_json(input: &str) -> Result<String, String> {
    let g: Graph = serde_json::from_str(input).map_err(|e| format!("not a graph: {e}"))?;
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(g.nodes.len());
    let mut sizes = Vec::with_capacity(g.nodes.len());
    for (i, n) in g.nodes.iter().enumerate() {
        let id = n.id.as_ref().ok_or_else(|| format!("nodes[{i}] has no id"))?;
        if index.insert(&id.0, i).is_some() {
            return Err(format!("nodes[{i}]: id {:?} is used twice", id.0));
        }
        sizes.push(Size { w: n.w.0.unwrap_or(120.0), h: n.h.0.unwrap_or(48.0) });
    }
    let mut pairs = Vec::with_capacity(g.edges.len());
    for (i, e) in g.edges.iter().enumerate() {
        let end = |k: &str, key: &Option<Key>| -> Result<usize, String> {
            let id = key.as_ref().ok_or_else(|| format!("edges[{i}] has no {k}"))?;
            index.get(&*id.0).copied().ok_or_else(|| format!("edges[{i}].{k}: no node {:?}", id.0))
        };
        pairs.push((end("source", &e.source)?, end("target", &e.target)?));
    }
    let out = layered::layout(&Input { sizes: sizes.clone(), band: Vec::new(), bands: 1, edges: pairs }, &SPACING);

    let mut s = String::with_capacity(64 * (g.nodes.len() + 2 * g.edges.len()));
    s.push_str("{\"nodes\":[");
    for (i, (n, size)) in g.nodes.iter().zip(&sizes).enumerate() {
        if i > 0 {
            s.push(',');
        }
        let (x, y) = (out.x.get(i).copied().unwrap_or(0.0), out.y.get(i).copied().unwrap_or(0.0));
        s.push_str("{\"id\":");
        push_text(&mut s, n.id.as_ref().map_or("", |k| &k.0));
        for (key, v) in [("x", x + size.w / 2.0), ("y", y + size.h / 2.0), ("w", size.w), ("h", size.h)] {
            let _ = write!(s, ",\"{key}\":");
            push_exact(&mut s, v);
        }
        s.push('}');
    }
    s.push_str("],\"edges\":[");
    for (i, e) in g.edges.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str("{\"source\":");
        push_text(&mut s, e.source.as_ref().map_or("", |k| &k.0));
        s.push_str(",\"target\":");
        push_text(&mut s, e.target.as_ref().map_or("", |k| &k.0));
        s.push_str(",\"points\":[");
        if let Some(r) = out.routes.get(i).filter(|r| r.kind != RouteKind::Invalid) {
            for (k, &(x, y)) in r.points.iter().enumerate() {
                s.push_str(if k > 0 { ",[" } else { "[" });
                push_exact(&mut s, x);
                s.push(',');
                push_exact(&mut s, y);
                s.push(']');
            }
        }
        s.push_str("]}");
    }
    let _ = write!(s, "],\"crossings\":{}}}", out.crossings);
    Ok(s)
}

/// A number exactly as computed: whole numbers (most coordinates) without
/// float formatting.
fn push_exact(s: &mut String, v: f64) {
    if !v.is_finite() {
        s.push('0');
    } else if v == v.trunc() && v.abs() < 1.0e15 {
        let _ = write!(s, "{}", v as i64);
    } else {
        let _ = write!(s, "{v}");
    }
}

/// A JSON string.
fn push_text(s: &mut String, t: &str) {
    s.push('"');
    for c in t.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(s, "\\u{:04x}", c as u32);
            }
            c => s.push(c),
        }
    }
    s.push('"');
}
