//! The chain as graph text for slides and reports: Graphviz DOT and a
//! Mermaid flowchart. One cluster (subgraph) per phase, in phase order;
//! stages in file order; one labelled edge per flow. User text is only ever
//! inside quoted strings, escaped for the language.

use super::escape;
use crate::analysis::chain::people_by_stage;
use crate::model::Map;

/// The students at each stage, by name, joined: for a second line on a node.
fn students(map: &Map) -> Vec<String> {
    people_by_stage(map)
        .iter()
        .map(|ids| ids.iter().map(|p| map.person_name(p)).collect::<Vec<_>>().join(", "))
        .collect()
}

/// Graphviz DOT: `dot -Tsvg` draws it left to right.
pub fn dot(map: &Map) -> String {
    let q = |s: &str| format!("\"{}\"", escape::dot(s));
    let who = students(map);
    let mut o = String::new();
    o.push_str("digraph chainmap {\n");
    o.push_str(&format!(
        "  graph [rankdir=LR, labelloc=t, fontsize=16, fontname=\"sans-serif\", nodesep=0.4, ranksep=0.7, label={}];\n",
        q(&map.project.title)
    ));
    o.push_str(
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#aeb7c6\", fontname=\"sans-serif\", fontsize=12];\n",
    );
    o.push_str("  edge [color=\"#7a8396\", fontname=\"sans-serif\", fontsize=10];\n");
    let node = |o: &mut String, i: usize, indent: &str| {
        let Some(s) = map.stages.get(i) else { return };
        let mut label = s.name.clone();
        if !s.role.trim().is_empty() {
            label.push('\n');
            label.push_str(s.role.lines().next().unwrap_or("").trim());
        }
        if let Some(w) = who.get(i).filter(|w| !w.is_empty()) {
            label.push_str("\n[");
            label.push_str(w);
            label.push(']');
        }
        o.push_str(&format!("{indent}{} [label={}];\n", q(s.id.as_str()), q(&label)));
    };
    let colours = ["#eef2f8", "#f3f0f8"];
    for (pi, ph) in map.project.phases.iter().enumerate() {
        o.push_str(&format!("  subgraph cluster_{pi} {{\n"));
        o.push_str(&format!(
            "    label={}; style=\"rounded,filled\"; color=\"{}\"; fillcolor=\"{}\"; fontcolor=\"#4a5468\";\n",
            q(&ph.name),
            colours[pi % 2],
            colours[pi % 2]
        ));
        let members: Vec<usize> = (0..map.stages.len())
            .filter(|&i| map.stages.get(i).is_some_and(|s| s.phase.as_ref() == Some(&ph.id)))
            .collect();
        if members.is_empty() {
            // An empty cluster is not drawn; an invisible point keeps the phase visible.
            o.push_str(&format!("    {} [shape=point, style=invis, label=\"\"];\n", q(&format!("phase {}", ph.id))));
        }
        for i in members {
            node(&mut o, i, "    ");
        }
        o.push_str("  }\n");
    }
    for (i, s) in map.stages.iter().enumerate() {
        let in_phase = s.phase.as_ref().is_some_and(|p| map.phase(p).is_some());
        if !in_phase {
            node(&mut o, i, "  ");
        }
    }
    for f in &map.flows {
        let label = if f.artifact.trim().is_empty() { String::new() } else { format!(" [label={}]", q(&f.artifact)) };
        o.push_str(&format!("  {} -> {}{label};\n", q(f.from.as_str()), q(f.to.as_str())));
    }
    o.push_str("}\n");
    o
}

/// A Mermaid flowchart, left to right. Mermaid ids are `s0`, `s1`… (stages
/// by position) and `p0`, `p1`… (phases), so no id from the map is ever read
/// as Mermaid syntax; labels are escaped with entity codes.
pub fn mermaid(map: &Map) -> String {
    let q = |s: &str| format!("\"{}\"", escape::mermaid(s));
    let index: std::collections::HashMap<&str, usize> =
        map.stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut o = String::from("flowchart LR\n");
    for (pi, ph) in map.project.phases.iter().enumerate() {
        let members: Vec<usize> = (0..map.stages.len())
            .filter(|&i| map.stages.get(i).is_some_and(|s| s.phase.as_ref() == Some(&ph.id)))
            .collect();
        if members.is_empty() {
            continue;
        }
        o.push_str(&format!("  subgraph p{pi}[{}]\n", q(&ph.name)));
        for i in members {
            if let Some(s) = map.stages.get(i) {
                o.push_str(&format!("    s{i}[{}]\n", q(&s.name)));
            }
        }
        o.push_str("  end\n");
    }
    for (i, s) in map.stages.iter().enumerate() {
        let in_phase = s.phase.as_ref().is_some_and(|p| map.phase(p).is_some());
        if !in_phase {
            o.push_str(&format!("  s{i}[{}]\n", q(&s.name)));
        }
    }
    for f in &map.flows {
        let (Some(a), Some(b)) = (index.get(f.from.as_str()), index.get(f.to.as_str())) else { continue };
        if f.artifact.trim().is_empty() {
            o.push_str(&format!("  s{a} --> s{b}\n"));
        } else {
            o.push_str(&format!("  s{a} -->|{}| s{b}\n", q(&f.artifact)));
        }
    }
    o
}
