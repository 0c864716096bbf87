//! JSON Canvas 1.0 (the open `.canvas` format of Obsidian and other canvas
//! tools), both ways.
//!
//! Export: each phase is a group node (the lane of the diagram), each stage
//! a text node (its name, and its role after a blank line) placed where the
//! automatic layout places its card, each flow an edge labelled with its
//! artifact.
//! Ids are stable: a stage node has the stage's id, a group `phase:ID`, an
//! edge `flow:ID`.
//!
//! Import: text nodes become stages, groups become phases (a stage belongs to
//! the smallest group holding its centre; phases go left to right), edges
//! between two text nodes become flows (the label is the artifact). What has
//! no counterpart (file and link nodes, edges to them, …) is listed in a
//! report, never dropped silently. The importer never panics: the JSON is
//! read with the same parser as chainmap files (size and depth limits), and
//! the result always passes `format::validate::check`.

use std::collections::{HashMap, HashSet};

use super::escape;
use crate::format::validate::{self, MAX_FLOWS, MAX_STAGES, MAX_TEXT};
use crate::format::{format_number, Place, Problem, ProblemKind, MAX_FILE_BYTES};
use crate::json::{self, Value};
use crate::layout;
use crate::model::{Flow, Id, Map, Phase, Stage};

/// Something of a canvas file that could not be brought over as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CanvasNote {
    FileNode {
        node: String,
        file: String,
    },
    LinkNode {
        node: String,
        url: String,
    },
    OtherNode {
        node: String,
        kind: String,
    },
    /// A node that is not an object, or has no id or type (`index` counts from 0).
    BadNode {
        index: usize,
        why: &'static str,
    },
    BadEdge {
        index: usize,
        why: &'static str,
    },
    /// An edge with an end that is not a stage (a file node, an unknown id).
    EdgeEnd {
        edge: String,
        node: String,
    },
    SelfEdge {
        edge: String,
    },
    /// A text node without text: the stage is named after the node's id.
    Untitled {
        node: String,
    },
    /// A node or edge whose id is not a valid chainmap id got a new one.
    NewId {
        node: String,
        id: String,
    },
    /// Text longer than a chainmap field may hold was shortened.
    Shortened {
        node: String,
    },
    TooMany {
        what: &'static str,
        max: usize,
    },
}

impl std::fmt::Display for CanvasNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::exchange::canvas_note(self, crate::i18n::Lang::En))
    }
}

/// The title an imported canvas gets when no other is given.
pub const IMPORTED_TITLE: &str = "Imported canvas";

const GROUP_PREFIX: &str = "phase:";
const EDGE_PREFIX: &str = "flow:";
/// At most this many groups are read as phases.
const MAX_PHASES: usize = 10_000;

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn num(x: f64) -> Value {
    Value::Number(format_number(x.round()))
}

/// The map as a JSON Canvas document.
///
/// Positions come from the automatic layout, ignoring positions placed by
/// hand: a card dragged out of its lane would otherwise land in another
/// phase's group and come back in the wrong phase.
pub fn to_canvas(map: &Map) -> String {
    let mut auto = map.clone();
    for st in &mut auto.stages {
        st.pos = None;
    }
    let d = layout::diagram(&auto);
    let mut nodes = Vec::new();
    let mut right = 0.0f64;
    for lane in &d.lanes {
        right = right.max(lane.x + lane.width);
        let Some(pid) = &lane.phase else { continue };
        let Some(ph) = map.phase(pid) else { continue };
        nodes.push(group(ph, lane.x, lane.width, d.height));
    }
    // A phase the layout drew no lane for still gets its group, to the right.
    for ph in &map.project.phases {
        if !d.lanes.iter().any(|l| l.phase.as_ref() == Some(&ph.id)) {
            nodes.push(group(ph, right + 40.0, 240.0, d.height.max(200.0)));
            right += 280.0;
        }
    }
    for c in &d.cards {
        let Some(st) = map.stages.get(c.index) else { continue };
        let mut text = escape::md(&st.name);
        if !st.role.trim().is_empty() {
            text.push_str("\n\n");
            text.push_str(&escape::md_block(&st.role));
        }
        nodes.push(Value::Object(vec![
            ("id".into(), s(st.id.as_str())),
            ("type".into(), s("text")),
            ("text".into(), Value::String(text)),
            ("x".into(), num(c.x)),
            ("y".into(), num(c.y)),
            ("width".into(), num(c.w)),
            ("height".into(), num(c.h)),
        ]));
    }
    let back: HashSet<&Id> = d.flows.iter().filter(|f| f.back).map(|f| &f.flow).collect();
    let known: HashSet<&Id> = map.stages.iter().map(|s| &s.id).collect();
    let mut edges = Vec::new();
    for f in &map.flows {
        if !known.contains(&f.from) || !known.contains(&f.to) {
            continue;
        }
        let (from_side, to_side) = if back.contains(&f.id) { ("top", "top") } else { ("right", "left") };
        let mut e = vec![
            ("id".to_string(), s(&format!("{EDGE_PREFIX}{}", f.id))),
            ("fromNode".to_string(), s(f.from.as_str())),
            ("fromSide".to_string(), s(from_side)),
            ("toNode".to_string(), s(f.to.as_str())),
            ("toSide".to_string(), s(to_side)),
        ];
        if !f.artifact.trim().is_empty() {
            e.push(("label".to_string(), s(&f.artifact)));
        }
        edges.push(Value::Object(e));
    }
    let doc = Value::Object(vec![("nodes".into(), Value::Array(nodes)), ("edges".into(), Value::Array(edges))]);
    let mut out = String::new();
    json::write_pretty(&mut out, &doc, 0);
    out.push('\n');
    out
}

fn group(ph: &Phase, x: f64, width: f64, height: f64) -> Value {
    Value::Object(vec![
        ("id".into(), s(&format!("{GROUP_PREFIX}{}", ph.id))),
        ("type".into(), s("group")),
        ("label".into(), s(&ph.name)),
        ("x".into(), num(x)),
        ("y".into(), num(0.0)),
        ("width".into(), num(width)),
        ("height".into(), num(height)),
    ])
}

/// A map read from a canvas, with a report of what could not be mapped.
#[derive(Clone, Debug, PartialEq)]
pub struct FromCanvas {
    pub map: Map,
    pub notes: Vec<CanvasNote>,
}

/// Reads a JSON Canvas document. Fails (with problems placed like those of
/// a chainmap file) only when the text is not a JSON Canvas document at all.
pub fn from_canvas(text: &str) -> Result<FromCanvas, Vec<Problem>> {
    from_canvas_titled(text, IMPORTED_TITLE)
}

/// [`from_canvas`], giving the project a title (a canvas has none; the file
/// name is a good one).
pub fn from_canvas_titled(text: &str, title: &str) -> Result<FromCanvas, Vec<Problem>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Problem {
            place: Place::File,
            kind: ProblemKind::TooLarge { bytes: text.len(), max: MAX_FILE_BYTES },
        }]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = json::parse(text).map_err(|e| {
        vec![Problem { place: Place::Text { line: e.line, column: e.column }, kind: ProblemKind::Syntax(e.kind) }]
    })?;
    let root = &parsed.value;
    if !matches!(root, Value::Object(_)) {
        let start = text.len() - text.trim_start().len();
        let (line, column) = json::line_column(text, start);
        return Err(vec![Problem {
            place: Place::Text { line, column },
            kind: ProblemKind::NotAnObject { found: root.kind_name() },
        }]);
    }
    let list = |key: &str| -> Result<&[Value], Problem> {
        match root.get(key) {
            None | Some(Value::Null) => Ok(&[]),
            Some(Value::Array(items)) => Ok(items.as_slice()),
            Some(other) => {
                Err(Problem::at(key, ProblemKind::WrongType { expected: "a list", found: other.kind_name() }))
            }
        }
    };
    let (nodes, edges) = match (list("nodes"), list("edges")) {
        (Ok(n), Ok(e)) => (n, e),
        (n, e) => return Err(n.err().into_iter().chain(e.err()).collect()),
    };
    let mut r = Reader::default();
    let map = r.read(nodes, edges, title);
    let problems = validate::check(&map);
    if problems.is_empty() {
        Ok(FromCanvas { map, notes: r.notes })
    } else {
        Err(problems)
    }
}

#[derive(Default)]
struct Reader {
    notes: Vec<CanvasNote>,
    next_free: HashMap<String, usize>,
}

/// A box on the canvas.
#[derive(Clone, Copy, Default)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Rect {
    fn of(v: &Value) -> Rect {
        let f = |k: &str| match v.get(k) {
            Some(Value::Number(t)) => json::to_f64(t).filter(|x| x.is_finite()).unwrap_or(0.0).clamp(-1e12, 1e12),
            _ => 0.0,
        };
        Rect { x: f("x"), y: f("y"), w: f("width").max(0.0), h: f("height").max(0.0) }
    }
    fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
    fn holds(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

fn text_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    match v.get(key) {
        Some(Value::String(t)) => Some(t.as_str()),
        _ => None,
    }
}

/// Shown in a note: at most 80 characters, on one line.
fn shown(t: &str) -> String {
    let one: String = t.chars().map(|c| if c.is_control() { ' ' } else { c }).take(80).collect();
    if t.chars().count() > 80 {
        format!("{one}…")
    } else {
        one
    }
}

/// Undoes the Markdown escapes and entities chainmap writes (and the common
/// ones of other tools): `\#` → `#`, `&lt;` → `<`.
fn unmarkdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&n) if n.is_ascii_punctuation() => {
                    out.push(n);
                    chars.next();
                }
                _ => out.push('\\'),
            },
            c => out.push(c),
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

impl Reader {
    fn note(&mut self, n: CanvasNote) {
        // A hostile file could ask for millions of notes; a few thousand say enough.
        if self.notes.len() < 5_000 {
            self.notes.push(n);
        }
    }

    /// One line of at most 200 characters, without control characters.
    fn line(&mut self, t: &str, node: &str) -> String {
        let one: String = t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let one = one.trim();
        if one.chars().count() > MAX_TEXT {
            self.note(CanvasNote::Shortened { node: shown(node) });
            one.chars().take(MAX_TEXT).collect::<String>().trim().to_string()
        } else {
            one.to_string()
        }
    }

    /// A new id: the canvas id (without our prefix) when it is a valid,
    /// unused chainmap id, else `PREFIX-N` with N the place of the node
    /// among its kind (counted from 1; the next free number if taken).
    fn id(&mut self, raw: &str, strip: &str, prefix: &str, ordinal: usize, used: &mut HashSet<String>) -> Id {
        let bare = raw.strip_prefix(strip).unwrap_or(raw);
        if crate::model::Id::new(bare).is_valid() && !used.contains(bare) {
            used.insert(bare.to_string());
            return Id::new(bare);
        }
        // Counting on from the last number handed out for this prefix keeps
        // this linear when many made-up ids are taken.
        let mut k = ordinal.max(self.next_free.get(prefix).copied().unwrap_or(0));
        let id = loop {
            let candidate = format!("{prefix}-{k}");
            if !used.contains(&candidate) {
                break candidate;
            }
            k += 1;
        };
        self.next_free.insert(prefix.to_string(), k + 1);
        used.insert(id.clone());
        self.note(CanvasNote::NewId { node: shown(raw), id: id.clone() });
        Id::new(id)
    }

    fn read(&mut self, nodes: &[Value], edges: &[Value], title: &str) -> Map {
        let mut map = Map::default();
        map.project.title = {
            let t = self.line(title, "title");
            if t.is_empty() {
                IMPORTED_TITLE.to_string()
            } else {
                t
            }
        };

        // Nodes by kind, in file order.
        let mut seen_ids: HashSet<&str> = HashSet::new();
        let mut groups: Vec<(&str, Rect, String)> = Vec::new();
        let mut texts: Vec<(&str, Rect, &str)> = Vec::new();
        for (index, v) in nodes.iter().enumerate() {
            let (Some(id), Some(kind)) = (text_of(v, "id"), text_of(v, "type")) else {
                let why = if matches!(v, Value::Object(_)) { "no id or type" } else { "not an object" };
                self.note(CanvasNote::BadNode { index, why });
                continue;
            };
            if !seen_ids.insert(id) {
                self.note(CanvasNote::BadNode { index, why: "an id used twice" });
                continue;
            }
            match kind {
                "text" => texts.push((id, Rect::of(v), text_of(v, "text").unwrap_or(""))),
                "group" => groups.push((id, Rect::of(v), text_of(v, "label").unwrap_or("").to_string())),
                "file" => {
                    self.note(CanvasNote::FileNode { node: shown(id), file: shown(text_of(v, "file").unwrap_or("")) })
                }
                "link" => {
                    self.note(CanvasNote::LinkNode { node: shown(id), url: shown(text_of(v, "url").unwrap_or("")) })
                }
                other => self.note(CanvasNote::OtherNode { node: shown(id), kind: shown(other) }),
            }
        }

        // Groups → phases, left to right (then top to bottom, then file order).
        if groups.len() > MAX_PHASES {
            self.note(CanvasNote::TooMany { what: "groups", max: MAX_PHASES });
            groups.truncate(MAX_PHASES);
        }
        let mut order: Vec<usize> = (0..groups.len()).collect();
        crate::sorting::sort_by(&mut order, |&a, &b| {
            let rect = |i: usize| groups.get(i).map(|g| g.1).unwrap_or_default();
            let (ra, rb) = (rect(a), rect(b));
            ra.x.total_cmp(&rb.x).then(ra.y.total_cmp(&rb.y)).then(a.cmp(&b))
        });
        let mut used: HashSet<String> = HashSet::new();
        let mut phase_of_group: Vec<Option<Id>> = vec![None; groups.len()];
        for (n, &g) in order.iter().enumerate() {
            let Some((raw, _, label)) = groups.get(g) else { continue };
            let id = self.id(raw, GROUP_PREFIX, "phase", n + 1, &mut used);
            let mut name = self.line(label, raw);
            if name.is_empty() {
                self.note(CanvasNote::Untitled { node: shown(raw) });
                name = id.to_string();
            }
            if let Some(slot) = phase_of_group.get_mut(g) {
                *slot = Some(id.clone());
            }
            map.project.phases.push(Phase { id, name, extra: vec![] });
        }

        // Text nodes → stages, in file order.
        if texts.len() > MAX_STAGES {
            self.note(CanvasNote::TooMany { what: "text nodes", max: MAX_STAGES });
            texts.truncate(MAX_STAGES);
        }
        let mut used: HashSet<String> = HashSet::new();
        let mut stage_of_node: HashMap<&str, Id> = HashMap::new();
        for (n, (raw, rect, text)) in texts.iter().enumerate() {
            let id = self.id(raw, "", "stage", n + 1, &mut used);
            let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
            let first = lines.next().unwrap_or("");
            let first = first.trim_start_matches('#').trim();
            let mut name = self.line(&unmarkdown(first), raw);
            if name.is_empty() {
                self.note(CanvasNote::Untitled { node: shown(raw) });
                name = id.to_string();
            }
            let rest: Vec<String> = lines.map(unmarkdown).collect();
            let rest = rest.join("\n");
            let rest: String = rest.chars().filter(|&c| !c.is_control() || c == '\n' || c == '\t').collect();
            let mut role = rest.trim().to_string();
            if role.chars().count() > MAX_TEXT {
                self.note(CanvasNote::Shortened { node: shown(raw) });
                role = role.chars().take(MAX_TEXT).collect::<String>().trim().to_string();
            }
            // The smallest group holding the node's centre.
            let centre = rect.centre();
            let phase = groups
                .iter()
                .enumerate()
                .filter(|(_, (_, g, _))| g.holds(centre))
                .min_by(|(a, (_, ga, _)), (b, (_, gb, _))| (ga.w * ga.h).total_cmp(&(gb.w * gb.h)).then(a.cmp(b)))
                .and_then(|(i, _)| phase_of_group.get(i).cloned().flatten());
            stage_of_node.insert(raw, id.clone());
            map.stages.push(Stage {
                id,
                name,
                phase,
                role,
                external_inputs: vec![],
                external_outputs: vec![],
                pos: None,
                extra: vec![],
            });
        }

        // Edges between stages → flows, in file order.
        let mut used: HashSet<String> = HashSet::new();
        for (index, v) in edges.iter().enumerate() {
            if map.flows.len() >= MAX_FLOWS {
                self.note(CanvasNote::TooMany { what: "edges", max: MAX_FLOWS });
                break;
            }
            let (Some(raw), Some(from), Some(to)) = (text_of(v, "id"), text_of(v, "fromNode"), text_of(v, "toNode"))
            else {
                let why = if matches!(v, Value::Object(_)) { "no id, fromNode or toNode" } else { "not an object" };
                self.note(CanvasNote::BadEdge { index, why });
                continue;
            };
            let (a, b) = match (stage_of_node.get(from), stage_of_node.get(to)) {
                (Some(a), Some(b)) => (a.clone(), b.clone()),
                (None, _) => {
                    self.note(CanvasNote::EdgeEnd { edge: shown(raw), node: shown(from) });
                    continue;
                }
                (_, None) => {
                    self.note(CanvasNote::EdgeEnd { edge: shown(raw), node: shown(to) });
                    continue;
                }
            };
            if a == b {
                self.note(CanvasNote::SelfEdge { edge: shown(raw) });
                continue;
            }
            // The arrow shows the direction: only at the start means backwards.
            let reversed = text_of(v, "fromEnd") == Some("arrow") && text_of(v, "toEnd") == Some("none");
            let (from, to) = if reversed { (b, a) } else { (a, b) };
            let id = self.id(raw, EDGE_PREFIX, "flow", index + 1, &mut used);
            let artifact = self.line(text_of(v, "label").unwrap_or(""), raw);
            map.flows.push(Flow { id, from, to, artifact, extra: vec![] });
        }
        map
    }
}
