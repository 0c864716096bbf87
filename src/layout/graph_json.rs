//! The benchmark's generic graph format, laid out by the same layered code
//! as the map: `{nodes:[{id,w,h}], edges:[{source,target}]}` in,
//! `{nodes:[{id,x,y,w,h}], edges:[{source,target,points:[[x,y],…]}]}` out,
//! with `x, y` the centre of a box (see ../shared/bench/README.md). There
//! are no phases in this format: one band. Ids may be strings or numbers;
//! a missing or non-positive size is 120 × 48, as the bench's loader has it.

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::Value;

use super::layered::{self, Input, RouteKind, Size, Spacing};

/// Spacing of the benchmark layouts (no labels to make room for).
pub const SPACING: Spacing =
    Spacing { node_gap: 30.0, edge_gap: 12.0, column_gap: 60.0, band_gap: 60.0, min_column_w: 0.0 };

/// Lays out a graph given as JSON text; the layout as JSON text, or why the input is unusable.
pub fn layout_graph_json(input: &str) -> Result<String, String> {
    let doc: Value = serde_json::from_str(input).map_err(|e| format!("not JSON: {e}"))?;
    let nodes = doc.get("nodes").and_then(Value::as_array).ok_or("no \"nodes\" array")?;
    let edges = doc.get("edges").and_then(Value::as_array).ok_or("no \"edges\" array")?;
    let mut ids: Vec<String> = Vec::with_capacity(nodes.len());
    let mut sizes = Vec::with_capacity(nodes.len());
    let mut index: HashMap<String, usize> = HashMap::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let id = n.get("id").and_then(id_text).ok_or_else(|| format!("nodes[{i}] has no id"))?;
        if index.insert(id.clone(), i).is_some() {
            return Err(format!("nodes[{i}]: id {id:?} is used twice"));
        }
        let dim = |k: &str, default: f64| {
            n.get(k).and_then(Value::as_f64).filter(|v| v.is_finite() && *v > 0.0 && *v < 1.0e6).unwrap_or(default)
        };
        sizes.push(Size { w: dim("w", 120.0), h: dim("h", 48.0) });
        ids.push(id);
    }
    let mut pairs = Vec::with_capacity(edges.len());
    let mut ends: Vec<(String, String)> = Vec::with_capacity(edges.len());
    for (i, e) in edges.iter().enumerate() {
        let end = |k: &str| -> Result<(String, usize), String> {
            let id = e.get(k).and_then(id_text).ok_or_else(|| format!("edges[{i}] has no {k}"))?;
            let at = *index.get(&id).ok_or_else(|| format!("edges[{i}].{k}: no node {id:?}"))?;
            Ok((id, at))
        };
        let (s, a) = end("source")?;
        let (t, b) = end("target")?;
        pairs.push((a, b));
        ends.push((s, t));
    }
    let out = layered::layout(&Input { sizes: sizes.clone(), band: Vec::new(), bands: 1, edges: pairs }, &SPACING);

    let mut s = String::with_capacity(64 * (ids.len() + 2 * ends.len()));
    s.push_str("{\"nodes\":[");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        let (x, y) = (out.x.get(i).copied().unwrap_or(0.0), out.y.get(i).copied().unwrap_or(0.0));
        let Size { w, h } = sizes.get(i).copied().unwrap_or(Size { w: 0.0, h: 0.0 });
        let _ = write!(s, "{{\"id\":{},\"x\":", quote(id));
        push_exact(&mut s, x + w / 2.0);
        s.push_str(",\"y\":");
        push_exact(&mut s, y + h / 2.0);
        s.push_str(",\"w\":");
        push_exact(&mut s, w);
        s.push_str(",\"h\":");
        push_exact(&mut s, h);
        s.push('}');
    }
    s.push_str("],\"edges\":[");
    for (i, (src, tgt)) in ends.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(s, "{{\"source\":{},\"target\":{},\"points\":[", quote(src), quote(tgt));
        if let Some(r) = out.routes.get(i).filter(|r| r.kind != RouteKind::Invalid) {
            for (k, (x, y)) in r.points.iter().enumerate() {
                if k > 0 {
                    s.push(',');
                }
                s.push('[');
                push_exact(&mut s, *x);
                s.push(',');
                push_exact(&mut s, *y);
                s.push(']');
            }
        }
        s.push_str("]}");
    }
    let _ = write!(s, "],\"crossings\":{}}}", out.crossings);
    Ok(s)
}

/// A number exactly as computed: whole numbers (most coordinates) without
/// float formatting, which is slow in a cold wasm module.
fn push_exact(s: &mut String, v: f64) {
    if !v.is_finite() {
        s.push('0');
    } else if v == v.trunc() && v.abs() < 1.0e15 {
        let _ = write!(s, "{}", v as i64);
    } else {
        let _ = write!(s, "{v}");
    }
}

fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}
