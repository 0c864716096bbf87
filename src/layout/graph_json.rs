//! The benchmark's generic graph format, laid out by the same layered code
//! as the map: `{nodes:[{id,w,h}], edges:[{source,target}]}` in,
//! `{nodes:[{id,x,y,w,h}], edges:[{source,target,points:[[x,y],…]}]}` out,
//! with `x, y` the centre of a box (see ../shared/bench/README.md). There
//! are no phases in this format: one band. Ids may be strings or numbers;
//! a missing, non-numeric or non-positive size is 120 × 48, as the bench's
//! loader has it. Other fields are ignored.
//!
//! Reading uses the crate's own JSON reader ([`crate::json::parse_document`]:
//! ids are borrowed from the input where they need no unescaping), so the
//! web app's module carries no second JSON library; writing avoids float
//! formatting for whole numbers. Both matter for the first call of a cold
//! wasm module.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;

use super::layered::{self, Input, RouteKind, Size, Spacing};
use crate::json::{self, Raw, ValueRef};

/// Spacing of the benchmark layouts (no labels to make room for).
pub const SPACING: Spacing =
    Spacing { node_gap: 30.0, edge_gap: 12.0, column_gap: 60.0, band_gap: 60.0, min_column_w: 0.0 };

/// An id: a string, or a number written as text (as a whole number when it
/// is one, as serde_json and JavaScript's `String(id)` mostly agree).
fn key(v: ValueRef<'_>) -> Option<Cow<'_, str>> {
    match v.raw() {
        Raw::String(s) => Some(Cow::Borrowed(s)),
        Raw::Number(n) => {
            let whole = !n.contains(['.', 'e', 'E']);
            let text = match (whole, n.parse::<u64>(), n.parse::<i64>()) {
                (true, Ok(u), _) => u.to_string(),
                (true, _, Ok(i)) => i.to_string(),
                _ => json::to_f64(n).map_or_else(|| n.to_string(), |f| f.to_string()),
            };
            Some(Cow::Owned(text))
        }
        _ => None,
    }
}

/// A size: a usable number, or nothing for anything else.
fn size(v: Option<ValueRef<'_>>) -> Option<f64> {
    match v.map(ValueRef::raw) {
        Some(Raw::Number(n)) => json::to_f64(n).filter(|v| v.is_finite() && *v > 0.0 && *v < 1.0e6),
        _ => None,
    }
}

struct NodeIn<'a> {
    id: Option<Cow<'a, str>>,
    w: Option<f64>,
    h: Option<f64>,
}

struct EdgeIn<'a> {
    source: Option<Cow<'a, str>>,
    target: Option<Cow<'a, str>>,
}

const SHAPE: &str = "not a graph: expected an object with \"nodes\" and \"edges\" lists of objects";

/// The `nodes` and `edges` of the graph, or why it is not one.
fn read<'d>(doc: &'d json::Document<'_>) -> Result<(Vec<NodeIn<'d>>, Vec<EdgeIn<'d>>), String> {
    if let Some(d) = doc.duplicates.first() {
        return Err(format!("not a graph: the key {:?} appears twice (line {}, column {})", d.path, d.line, d.column));
    }
    let root = doc.root();
    let (Some(Raw::Array(nodes)), Some(Raw::Array(edges))) =
        (root.get("nodes").map(ValueRef::raw), root.get("edges").map(ValueRef::raw))
    else {
        return Err(SHAPE.into());
    };
    let mut nodes_in = Vec::with_capacity(nodes.len());
    for n in nodes {
        let Raw::Object(fields) = n.raw() else { return Err(SHAPE.into()) };
        let (mut id, mut w, mut h) = (None, None, None);
        for (k, v) in fields {
            match k {
                "id" => id = Some(v),
                "w" => w = Some(v),
                "h" => h = Some(v),
                _ => {}
            }
        }
        nodes_in.push(NodeIn { id: id.and_then(key), w: size(w), h: size(h) });
    }
    let mut edges_in = Vec::with_capacity(edges.len());
    for e in edges {
        let Raw::Object(fields) = e.raw() else { return Err(SHAPE.into()) };
        let (mut source, mut target) = (None, None);
        for (k, v) in fields {
            match k {
                "source" => source = key(v),
                "target" => target = key(v),
                _ => {}
            }
        }
        edges_in.push(EdgeIn { source, target });
    }
    Ok((nodes_in, edges_in))
}

/// Lays out a graph given as JSON text; the layout as JSON text, or why the input is unusable.
pub fn layout_graph_json(input: &str) -> Result<String, String> {
    let doc = json::parse_document(input).map_err(|e| {
        format!("not a graph: (line {}, column {}): {}", e.line, e.column, crate::format::syntax_english(&e.kind))
    })?;
    let (nodes, edges) = read(&doc)?;
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
    let mut sizes = Vec::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let id = n.id.as_ref().ok_or_else(|| format!("nodes[{i}] has no id"))?;
        if index.insert(id, i).is_some() {
            return Err(format!("nodes[{i}]: id {id:?} is used twice"));
        }
        sizes.push(Size { w: n.w.unwrap_or(120.0), h: n.h.unwrap_or(48.0) });
    }
    let mut pairs = Vec::with_capacity(edges.len());
    for (i, e) in edges.iter().enumerate() {
        let end = |k: &str, key: &Option<Cow<str>>| -> Result<usize, String> {
            let id = key.as_ref().ok_or_else(|| format!("edges[{i}] has no {k}"))?;
            index.get(&**id).copied().ok_or_else(|| format!("edges[{i}].{k}: no node {id:?}"))
        };
        pairs.push((end("source", &e.source)?, end("target", &e.target)?));
    }
    let out = layered::layout(
        &Input { sizes: sizes.clone(), band: Vec::new(), bands: 1, edges: pairs, band_min_w: Vec::new() },
        &SPACING,
    );

    let mut s = String::with_capacity(64 * (nodes.len() + 2 * edges.len()));
    s.push_str("{\"nodes\":[");
    for (i, (n, size)) in nodes.iter().zip(&sizes).enumerate() {
        if i > 0 {
            s.push(',');
        }
        let (x, y) = (out.x.get(i).copied().unwrap_or(0.0), out.y.get(i).copied().unwrap_or(0.0));
        s.push_str("{\"id\":");
        push_text(&mut s, n.id.as_deref().unwrap_or(""));
        for (key, v) in [("x", x + size.w / 2.0), ("y", y + size.h / 2.0), ("w", size.w), ("h", size.h)] {
            let _ = write!(s, ",\"{key}\":");
            push_exact(&mut s, v);
        }
        s.push('}');
    }
    s.push_str("],\"edges\":[");
    for (i, e) in edges.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str("{\"source\":");
        push_text(&mut s, e.source.as_deref().unwrap_or(""));
        s.push_str(",\"target\":");
        push_text(&mut s, e.target.as_deref().unwrap_or(""));
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
