//! The exports of issue 5: the defense brief in Markdown, SVG, Graphviz DOT,
//! Mermaid, coverage CSV and JSON Canvas both ways. External checks: Graphviz
//! `dot` must accept every DOT export and `rsvg-convert` must render every
//! SVG export (skipped with a note only when the tool is not installed;
//! scripts/setup.sh installs both). Hostile text appears only escaped.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chainmap::analysis;
use chainmap::export::{
    all_briefs_markdown, brief_markdown, coverage_csv, dot, from_canvas, mermaid, svg, to_canvas, CanvasNote,
};
use chainmap::format::{import, import_str};
use chainmap::i18n::exchange::brief_words;
use chainmap::i18n::Lang;
use chainmap::model::{Id, Map};
use chainmap::templates::Template;
use common::xml;
use proptest::prelude::*;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every map the external tools are tried on: the templates in both
/// languages, the valid conformance files, and the hostile map.
fn sample_maps() -> Vec<(String, Map)> {
    let mut out = Vec::new();
    for t in Template::ALL {
        for lang in Lang::ALL {
            out.push((format!("{}-{}", t.key(), lang.tag()), t.map(lang)));
        }
    }
    let mut dirs = vec![root().join("tests/fixtures/conformance")];
    let shared = root().join("../shared/conformance");
    if shared.is_dir() {
        dirs.push(shared);
    }
    for (d, dir) in dirs.iter().enumerate() {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(dir).expect("conformance folder").filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            if name.starts_with("valid-") && name.ends_with(".chainmap.json") {
                let map = import(&std::fs::read(&f).expect("readable")).expect("valid case imports").map;
                out.push((format!("{d}-{}", name.trim_end_matches(".chainmap.json")), map));
            }
        }
    }
    out.push(("hostile".into(), hostile()));
    assert!(out.len() >= 10, "{} sample maps", out.len());
    out
}

const SCRIPT: &str = "<script>alert(1)</script>";
const BREAKOUT: &str = "\"><svg onload=alert(1)>";
const JS_URL: &str = "javascript:alert(1)";
const MD_LINK: &str = "[click](javascript:alert(1)) **b** _i_ `c` a|b";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"x\")";
const DOT_BREAK: &str = "\\N \\G \" ]; digraph x { a -> b";
const MERMAID_BREAK: &str = "end\"] --> x[\"%% click s0 call(1)";

/// A valid map with hostile text in every text field.
fn hostile() -> Map {
    let j = |s: &str| serde_json::to_string(s).expect("json string");
    let text = format!(
        r##"{{"format": "chainmap", "version": 1,
        "project": {{"title": {t}, "source": {js}, "background": {bg},
          "phases": [{{"id": "p1", "name": {br}}}, {{"id": "p2", "name": {db}}}]}},
        "stages": [
          {{"id": "a", "name": {t}, "phase": "p1", "role": {br}, "external_inputs": [{js}, {ml}]}},
          {{"id": "b", "name": {ml}, "phase": "p2", "role": {db}, "external_outputs": [{fm}]}},
          {{"id": "c", "name": {db}, "role": {mm}}},
          {{"id": "d", "name": {mm}, "phase": "p2"}},
          {{"id": "e", "name": "# heading\u3000-x", "phase": "p1"}}
        ],
        "flows": [
          {{"id": "f1", "from": "a", "to": "b", "artifact": {br}}},
          {{"id": "f2", "from": "b", "to": "c", "artifact": {db}}},
          {{"id": "f3", "from": "c", "to": "d", "artifact": {mm}}},
          {{"id": "f4", "from": "d", "to": "a", "artifact": {t}}},
          {{"id": "f5", "from": "a", "to": "e", "artifact": {ml}}}
        ],
        "people": [
          {{"id": "s1", "name": {fm}, "kind": "student", "affiliation": {br}}},
          {{"id": "s2", "name": "-2+3", "kind": "student"}},
          {{"id": "s3", "name": "@SUM(1)", "kind": "student"}},
          {{"id": "u1", "name": {t}, "kind": "academic_supervisor", "affiliation": {js}}},
          {{"id": "u2", "name": {ml}, "kind": "enterprise_supervisor"}}
        ],
        "topics": [
          {{"id": "t1", "title": {ml}, "student": "s1", "stage": "a", "supervisors": ["u1", "u2"], "notes": {bgn}}},
          {{"id": "t2", "title": {fm}, "student": "s2", "stage": "b", "supervisors": ["u1"]}},
          {{"id": "t3", "title": "+cmd|' /C calc'!A0", "student": "s3", "stage": "c"}}
        ]}}"##,
        t = j(SCRIPT),
        js = j(JS_URL),
        bg = j(&format!("{BREAKOUT}\n# not a heading\n- not a list\n1. nor this\n> nor a quote\n    nor code")),
        bgn = j(&format!("{SCRIPT}\nsee https://evil.example and www.evil.example")),
        br = j(BREAKOUT),
        db = j(DOT_BREAK),
        ml = j(MD_LINK),
        fm = j(FORMULA),
        mm = j(MERMAID_BREAK),
    );
    match import_str(&text) {
        Ok(i) => i.map,
        Err(p) => panic!("hostile map does not import: {p:?}"),
    }
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("exports");
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir.join(name)
}

/// Runs a tool; `None` when it is not installed.
fn tool(name: &str, args: &[&str]) -> Option<std::process::Output> {
    match Command::new(name).args(args).output() {
        Ok(o) => Some(o),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("note: {name} is not installed; its check is skipped (scripts/setup.sh installs it)");
            None
        }
        Err(e) => panic!("{name} could not run: {e}"),
    }
}

// ---- The brief ----------------------------------------------------------

#[test]
fn the_brief_says_what_a_student_needs_in_english() {
    let m = Template::Sand.map(Lang::En);
    let md = brief_markdown(&m, &Id::new("t-ma"), Lang::En).expect("a brief");
    for needle in [
        "# Defense brief: Thermal reclamation\n",
        "- **Student**: Ma\n",
        "- **Defense date**: not set yet\n",
        "## Project: Coated sand for 3D-printed casting cores",
        "**Source**: University–foundry joint lab; the reclamation work later became a start-up",
        "**Background**:\n\nFoundries print sand cores by selective laser sintering (SLS).",
        "- **Stage**: Used sand reclamation\n",
        "- **Phase**: Industrial production\n",
        "- **Role**: Cleans used sand so it can be coated again\n",
        "## Inputs\n\n- **used sand** — from stage \u{201c}Casting with printed cores\u{201d} (nobody works there yet)\n",
        "## Outputs\n\n- **reclaimed sand** — to stage \u{201c}Coated sand formulation\u{201d} (for He)\n",
        "- (unnamed) — to stage \u{201c}Reclaimed sand business\u{201d} (nobody works there yet)\n",
        "## Upstream chain\n\n- 1 step up: **Casting with printed cores** (Industrial production) — nobody works there yet\n",
        "- 3 steps up: **Coated sand formulation** (Lab research) — He\n",
        "## Downstream chain\n\n- 1 step down: **Coated sand formulation** (Lab research) — He\n",
        "- **Academic**: Prof. Xu (School of Materials)\n",
        "- **Enterprise**: none yet\n",
        "- **warning**: Topic \u{201c}Thermal reclamation\u{201d} takes input from stage \u{201c}Casting with printed cores\u{201d}, where nobody works.\n",
        "- **note**: Topic \u{201c}Thermal reclamation\u{201d} has no enterprise supervisor",
        "## Readiness checklist (4 of 7 ready)\n",
        "- [x] The topic is placed at a stage\n",
        "- [ ] The outputs are named, with who uses them\n",
        "- [ ] An enterprise supervisor is named\n",
        "- [ ] The defense date is set\n",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in\n{md}");
    }
    let sand = Template::Sand.map(Lang::En);
    let he = sand.topics.iter().find(|t| t.id.as_str() == "t-he").map(|t| t.title.clone()).unwrap_or_default();
    assert!(md.contains("(for He)") && !he.is_empty());
}

#[test]
fn the_brief_reads_in_chinese_and_agrees_with_the_checklist() {
    for t in Template::ALL {
        for lang in Lang::ALL {
            let m = t.map(lang);
            for topic in &m.topics {
                let md = brief_markdown(&m, &topic.id, lang).expect("a brief");
                let b = analysis::brief(&m, &topic.id).expect("brief data");
                let ticks = md.matches("- [x] ").count();
                let open = md.matches("- [ ] ").count();
                assert_eq!(ticks, b.checklist.iter().filter(|c| c.ok).count(), "{md}");
                assert_eq!(ticks + open, 7);
                assert!(md.matches("\n- **").count() >= 5);
                for g in &b.gaps {
                    let sev = chainmap::i18n::severity_name(g.severity(), lang);
                    assert!(md.contains(&format!("**{sev}**")), "gap {g:?} missing in\n{md}");
                }
            }
        }
    }
    let m = Template::Sand.map(Lang::Zh);
    let md = brief_markdown(&m, &Id::new("t-ma"), Lang::Zh).expect("a brief");
    for needle in [
        "# 开题简报：热法再生\n",
        "- **学生**：马同学\n",
        "- **开题日期**：尚未确定\n",
        "- **环节**：旧砂再生\n",
        "- **阶段**：产业化生产\n",
        "## 输入\n\n- **旧砂** — 来自环节“打印砂芯浇注”（那里还没有人负责）\n",
        "- **再生砂** — 交给环节“覆膜砂配方”（使用人：何同学）\n",
        "- 上游第 3 级：**覆膜砂配方**（实验室研究） — 何同学\n",
        "- **学术导师**：徐教授（材料学院）\n",
        "- **企业导师**：暂无\n",
        "## 准备情况清单（已完成 4/7 项）\n",
        "- [ ] 已有企业导师\n",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in\n{md}");
    }
    assert!(brief_markdown(&m, &Id::new("nope"), Lang::Zh).is_none());
}

#[test]
fn every_topic_in_one_document() {
    let m = Template::Alloy.map(Lang::En);
    let all = all_briefs_markdown(&m, Lang::En);
    assert!(all.starts_with("# Defense briefs: High-strength aluminium alloy"));
    for t in &m.topics {
        assert!(all.contains(&format!("## Defense brief: {}\n", t.title)), "{}", t.title);
    }
    assert_eq!(all.matches("\n---\n").count(), m.topics.len());
    let empty = all_briefs_markdown(&Template::Empty.map(Lang::Zh), Lang::Zh);
    assert!(empty.contains(brief_words(Lang::Zh).no_topics));
}

#[test]
fn an_unplaced_topic_says_so() {
    let mut m = Template::Alloy.map(Lang::En);
    m.topics[0].stage = None;
    let md = brief_markdown(&m, &m.topics[0].id.clone(), Lang::En).expect("brief");
    assert!(md.contains("- **Stage**: not placed at a stage yet\n"));
    assert!(md.contains("- [ ] The topic is placed at a stage"));
    assert!(!md.contains("## Inputs"));
}

/// Markdown that renders hostile text as the same characters: no raw `<`,
/// every `[`, `]`, `*`, `_`, backtick and `|` escaped (except the checklist
/// boxes and our own bold markers), no line that starts a block.
fn assert_inert_markdown(md: &str) {
    assert!(!md.contains('<') && !md.contains('>'), "raw angle bracket in\n{md}");
    for line in md.lines() {
        let body = line.strip_prefix("- [x] ").or_else(|| line.strip_prefix("- [ ] ")).unwrap_or(line);
        let chars: Vec<char> = body.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if matches!(c, '[' | ']' | '`' | '|' | '_') {
                assert!(i > 0 && chars[i - 1] == '\\', "unescaped {c:?} in line {line:?}");
            }
        }
        let bare = body.replace("\\*", "").replace("**", "");
        assert!(!bare.contains('*'), "stray * in {line:?}");
    }
    assert!(!md.contains("https://") && !md.contains("www.evil"), "an autolink survived");
    assert!(md.contains("\\# not a heading") && md.contains("\\- not a list") && md.contains("1\\. nor this"));
    assert!(md.contains("&gt; nor a quote"));
    assert!(!md.lines().any(|l| l.starts_with("    ")), "an indented code block");
}

#[test]
fn hostile_text_in_a_brief_is_only_ever_text() {
    let m = hostile();
    for lang in Lang::ALL {
        assert_inert_markdown(&all_briefs_markdown(&m, lang));
        for t in &m.topics {
            let md = brief_markdown(&m, &t.id, lang).expect("brief");
            assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assert!(md.contains("\\[click\\](javascript:alert(1)) \\*\\*b\\*\\* \\_i\\_ \\`c\\` a\\|b"), "{md}");
        }
    }
}

// ---- SVG ----------------------------------------------------------------

#[test]
fn every_svg_export_is_well_formed_safe_xml_and_renders() {
    for (name, m) in sample_maps() {
        for lang in Lang::ALL {
            let text = svg(&m, lang);
            assert_eq!(text, svg(&m, lang), "deterministic");
            let doc = xml::parse(&text).unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
            let bad = xml::unsafe_parts(&doc);
            assert!(bad.is_empty(), "{name}: {bad:?}");
            assert_eq!(doc.elements.first().map(|e| e.name.as_str()), Some("svg"));
            assert!(doc.elements.iter().any(|e| e.name == "style"));
            assert!(doc.style.contains("Noto Sans CJK SC") && doc.style.contains("sans-serif"));
            // Every stage's card, every flow's line, every lane.
            let count = |class: &str| {
                doc.elements.iter().filter(|e| e.attrs.iter().any(|(k, v)| k == "class" && v == class)).count()
            };
            assert_eq!(count("stage"), m.stages.len(), "{name}");
            assert_eq!(count("flow-line"), m.flows.len(), "{name}");
            // The project's title is written above the chain, for a slide.
            assert_eq!(count("doc-title"), 1, "{name}");
            // Where nobody works, the card says so (as on the canvas).
            let covered: std::collections::HashSet<_> = m.topics.iter().filter_map(|t| t.stage.as_ref()).collect();
            let uncovered = m.stages.iter().filter(|s| !covered.contains(&s.id)).count();
            assert_eq!(count("vacant"), uncovered, "{name}");
            let words = chainmap::i18n::t(lang, chainmap::i18n::Key::NoStudentYet);
            assert_eq!(doc.text.matches(words).count(), uncovered, "{name}: {words:?}");
            assert!(doc.text.contains(m.project.title.trim()), "{name}: the title is not drawn");
            for c in chainmap::layout::diagram(&m).cards {
                for line in c.name_lines.iter() {
                    assert!(doc.text.contains(line.as_str()), "{name}: stage name line {line:?} not drawn");
                }
            }
        }
        let path = tmp(&format!("{name}.svg"));
        std::fs::write(&path, svg(&m, Lang::Zh)).expect("write svg");
        let png = tmp(&format!("{name}.png"));
        let Some(out) = tool("rsvg-convert", &[path.to_str().unwrap_or(""), "-o", png.to_str().unwrap_or("")]) else {
            return;
        };
        assert!(out.status.success(), "{name}: rsvg-convert failed: {}", String::from_utf8_lossy(&out.stderr));
        let bytes = std::fs::read(&png).expect("png written");
        assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 60, "{name}: no picture");
    }
}

#[test]
fn hostile_text_in_the_svg_is_only_text() {
    let m = hostile();
    let text = svg(&m, Lang::En);
    let doc = xml::parse(&text).expect("XML");
    assert!(xml::unsafe_parts(&doc).is_empty());
    assert!(!text.contains("<script") && !text.contains("<svg onload"));
    assert!(text.contains("&lt;script&gt;"));
    // The text is there, as text: the title, a lane, a card, a label.
    assert!(doc.text.contains(SCRIPT));
    assert!(doc.text.contains(BREAKOUT));
    let names: Vec<&str> = doc.elements.iter().map(|e| e.name.as_str()).collect();
    for n in &names {
        assert!(
            ["svg", "title", "style", "defs", "marker", "path", "rect", "circle", "g", "text", "tspan"].contains(n),
            "element {n}"
        );
    }
}

// ---- DOT and Mermaid ----------------------------------------------------

#[test]
fn graphviz_accepts_every_dot_export() {
    for (name, m) in sample_maps() {
        let text = dot(&m);
        let edge_lines = text
            .lines()
            .filter(|l| {
                l.strip_prefix("  \"").and_then(|r| r.split_once("\" -> \"")).is_some_and(|(a, _)| !a.contains('"'))
            })
            .count();
        assert_eq!(edge_lines, m.flows.len(), "{name}");
        let path = tmp(&format!("{name}.dot"));
        std::fs::write(&path, &text).expect("write dot");
        let Some(out) = tool("dot", &["-Tsvg", path.to_str().unwrap_or("")]) else { return };
        assert!(out.status.success(), "{name}: dot refused it: {}\n{text}", String::from_utf8_lossy(&out.stderr));
        let svg_text = String::from_utf8_lossy(&out.stdout).to_string();
        let doc = xml::parse(&svg_text).unwrap_or_else(|e| panic!("{name}: dot's SVG is not XML: {e}"));
        assert!(xml::unsafe_parts(&doc).is_empty(), "{name}: {:?}", xml::unsafe_parts(&doc));
        // Exactly the graph we meant: one node per stage (plus a point per empty
        // phase), one edge per flow, one cluster per phase.
        let Some(plain) = tool("dot", &["-Tplain", path.to_str().unwrap_or("")]) else { return };
        let plain = String::from_utf8_lossy(&plain.stdout).to_string();
        let empty_phases =
            m.project.phases.iter().filter(|p| !m.stages.iter().any(|s| s.phase.as_ref() == Some(&p.id))).count();
        assert_eq!(plain.lines().filter(|l| l.starts_with("node ")).count(), m.stages.len() + empty_phases, "{name}");
        assert_eq!(plain.lines().filter(|l| l.starts_with("edge ")).count(), m.flows.len(), "{name}");
        let clusters =
            doc.elements.iter().filter(|e| e.attrs.iter().any(|(k, v)| k == "class" && v == "cluster")).count();
        assert_eq!(clusters, m.project.phases.len(), "{name}");
        if name == "hostile" {
            assert!(doc.text.contains(SCRIPT), "the label is drawn as text");
            assert!(doc.text.contains("\\N \\G \" ]; digraph x { a -> b"), "{}", doc.text);
        }
    }
}

/// A Mermaid flowchart line is one of the shapes we write; labels hold no
/// character Mermaid could read as syntax or markup.
fn assert_mermaid_shape(text: &str) {
    let label_ok = |s: &str| -> bool {
        let Some(inner) = s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) else { return false };
        !inner.contains(['"', '<', '>', '[', ']', '|', '`', '%', '(', ')', '{', '}', '\n'])
    };
    let node = |s: &str, prefix: char| -> bool {
        let Some(open) = s.find('[') else { return false };
        let (id, rest) = s.split_at(open);
        id.starts_with(prefix)
            && id[1..].chars().all(|c| c.is_ascii_digit())
            && rest.starts_with('[')
            && rest.ends_with(']')
            && label_ok(&rest[1..rest.len() - 1])
    };
    let sid = |s: &str| s.starts_with('s') && s.len() > 1 && s[1..].chars().all(|c| c.is_ascii_digit());
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    for line in lines {
        let ok = if let Some(rest) = line.strip_prefix("  subgraph ") {
            node(rest, 'p')
        } else if let Some(rest) = line.strip_prefix("    ") {
            node(rest, 's')
        } else if line == "  end" {
            true
        } else if let Some(rest) = line.strip_prefix("  ") {
            if let Some((a, b)) = rest.split_once(" --> ") {
                sid(a) && sid(b)
            } else if let Some((a, rest)) = rest.split_once(" -->|") {
                match rest.rsplit_once("| ") {
                    Some((label, b)) => sid(a) && sid(b) && label_ok(label),
                    None => false,
                }
            } else {
                node(rest, 's')
            }
        } else {
            false
        };
        assert!(ok, "unexpected Mermaid line {line:?}");
    }
}

#[test]
fn mermaid_has_a_subgraph_per_phase_and_nothing_unescaped() {
    for (name, m) in sample_maps() {
        let text = mermaid(&m);
        assert_mermaid_shape(&text);
        assert_eq!(text.matches(" -->").count(), m.flows.len(), "{name}");
        let used = m.project.phases.iter().filter(|p| m.stages.iter().any(|s| s.phase.as_ref() == Some(&p.id))).count();
        assert_eq!(text.matches("  subgraph ").count(), used, "{name}");
    }
    let text = mermaid(&hostile());
    assert!(text.contains("#60;script#62;alert#40;1#41;#60;/script#62;"), "{text}");
    let sand = mermaid(&Template::Sand.map(Lang::Zh));
    assert!(sand.contains("  s3 -->|\"再生砂\"| s0\n"), "{sand}");
}

// ---- CSV ----------------------------------------------------------------

/// RFC 4180: records end with CRLF, quoted fields double their quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => quoted = true,
            '"' => panic!("a quote inside an unquoted cell"),
            ',' => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
                continue;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_start = true;
                continue;
            }
            '\n' => panic!("a bare LF ends a record"),
            c => cell.push(c),
        }
        at_start = false;
    }
    assert!(!quoted, "unterminated quote");
    assert!(cell.is_empty() && row.is_empty(), "the last record has no CRLF");
    rows
}

#[test]
fn the_coverage_csv_opens_in_a_spreadsheet() {
    let m = Template::Sand.map(Lang::Zh);
    let text = coverage_csv(&m, Lang::Zh);
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let rows = parse_csv(body);
    assert_eq!(rows[0], vec!["环节", "阶段", "何同学", "马同学", "孙同学", "陆同学"]);
    assert_eq!(rows[4], vec!["旧砂再生", "产业化生产", "", "热法再生", "机械法再生", ""]);
    assert!(rows.iter().any(|r| r == &vec!["全部环节", "2", "5", "40%"]));
    assert!(rows.iter().any(|r| r == &vec!["中试", "0", "1", "0%"]));
    assert!(rows
        .iter()
        .any(|r| r.first().map(String::as_str) == Some("徐教授") && r.get(1).map(String::as_str) == Some("学术导师")));
    let cov = analysis::coverage(&m);
    assert_eq!(rows.iter().take_while(|r| !(r.len() == 1 && r[0].is_empty())).count(), 1 + cov.matrix.len());
    assert!(coverage_csv(&m, Lang::En).contains("Stage,Phase,"));
}

#[test]
fn no_csv_cell_is_a_formula() {
    let m = hostile();
    let text = coverage_csv(&m, Lang::En);
    let rows = parse_csv(text.strip_prefix('\u{feff}').expect("BOM"));
    for cell in rows.iter().flatten() {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "formula cell {cell:?}");
    }
    let cells: Vec<&String> = rows.iter().flatten().collect();
    assert!(cells.iter().any(|c| c.as_str() == format!("'{FORMULA}")), "{cells:?}");
    assert!(cells.iter().any(|c| c.as_str() == "'-2+3"));
    assert!(cells.iter().any(|c| c.as_str() == "'@SUM(1)"));
    assert!(cells.iter().any(|c| c.as_str() == SCRIPT), "text stays as it is otherwise");
}

// ---- JSON Canvas ----------------------------------------------------------

/// Structure of JSON Canvas 1.0: nodes with id, type and integer geometry,
/// edges between existing nodes, ids unique, groups holding their stages.
fn assert_canvas_shape(text: &str, m: &Map) {
    let v: serde_json::Value = serde_json::from_str(text).expect("canvas is JSON");
    let nodes = v["nodes"].as_array().expect("nodes");
    let edges = v["edges"].as_array().expect("edges");
    let mut ids = std::collections::HashSet::new();
    for n in nodes {
        assert!(ids.insert(n["id"].as_str().expect("node id").to_string()), "node ids are unique");
        assert!(matches!(n["type"].as_str(), Some("text" | "group")));
        for k in ["x", "y", "width", "height"] {
            assert!(n[k].is_i64(), "{k} is an integer: {n}");
        }
    }
    for e in edges {
        assert!(ids.insert(e["id"].as_str().expect("edge id").to_string()), "edge ids are unique");
        assert!(ids.contains(e["fromNode"].as_str().expect("from")) && ids.contains(e["toNode"].as_str().expect("to")));
    }
    assert_eq!(nodes.iter().filter(|n| n["type"] == "text").count(), m.stages.len());
    assert_eq!(nodes.iter().filter(|n| n["type"] == "group").count(), m.project.phases.len());
    assert_eq!(edges.len(), m.flows.len());
    // Groups come first, so they are drawn below the stages.
    let first_text = nodes.iter().position(|n| n["type"] == "text").unwrap_or(nodes.len());
    assert!(nodes.iter().skip(first_text).all(|n| n["type"] == "text"));
}

type Shape = (Vec<(String, String)>, Vec<(String, String, Option<String>)>, Vec<(String, String, String, String)>);

fn shape(m: &Map) -> Shape {
    let phases = m.project.phases.iter().map(|p| (p.id.to_string(), p.name.clone())).collect();
    let stages =
        m.stages.iter().map(|s| (s.id.to_string(), s.name.clone(), s.phase.as_ref().map(|p| p.to_string()))).collect();
    let flows =
        m.flows.iter().map(|f| (f.id.to_string(), f.from.to_string(), f.to.to_string(), f.artifact.clone())).collect();
    (phases, stages, flows)
}

#[test]
fn canvas_export_then_import_keeps_stages_phases_and_flows() {
    for (name, m) in sample_maps() {
        let text = to_canvas(&m);
        assert_eq!(text, to_canvas(&m), "deterministic");
        assert_canvas_shape(&text, &m);
        let back = from_canvas(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(back.notes.is_empty(), "{name}: {:?}", back.notes);
        assert_eq!(shape(&back.map), shape(&m), "{name}");
        for (a, b) in back.map.stages.iter().zip(&m.stages) {
            if !b.role.contains('\n') {
                assert_eq!(a.role, b.role.trim(), "{name}: role of {}", b.id);
            }
        }
        // And again: a second round trip gives the same canvas.
        let again = to_canvas(&back.map);
        let back2 = from_canvas(&again).expect("second import");
        assert_eq!(shape(&back2.map), shape(&m));
    }
}

#[test]
fn the_published_sample_imports_with_a_report() {
    let text = std::fs::read_to_string(root().join("../shared/interop/jsoncanvas-sample.canvas"))
        .or_else(|_| std::fs::read_to_string(root().join("tests/fixtures/jsoncanvas-sample.canvas")));
    let Ok(text) = text else {
        eprintln!("note: the JSON Canvas sample is not beside the repository; skipped");
        return;
    };
    let got = from_canvas(&text).expect("the sample imports");
    assert_eq!(got.map.stages.len(), 1);
    assert_eq!(got.map.stages[0].name, "Learn more:");
    assert!(got.map.stages[0].role.contains("[Apps](/docs/apps.md)"), "the rest of the text is kept as the role");
    assert!(got.map.project.phases.is_empty() && got.map.flows.is_empty());
    let files = got.notes.iter().filter(|n| matches!(n, CanvasNote::FileNode { .. })).count();
    assert_eq!(files, 3);
    assert!(got.notes.iter().any(|n| matches!(n, CanvasNote::EdgeEnd { edge, .. } if edge == "6fa11ab87f90b8af")));
    assert_eq!(got.notes.len(), 4);
    assert!(chainmap::format::validate::check(&got.map).is_empty());
}

#[test]
fn canvas_import_maps_groups_by_containment_and_reports_the_rest() {
    let text = r###"{
      "nodes": [
        {"id": "g2", "type": "group", "label": "Pilot", "x": 400, "y": 0, "width": 300, "height": 400},
        {"id": "g1", "type": "group", "label": "Lab", "x": 0, "y": 0, "width": 300, "height": 400},
        {"id": "inner", "type": "group", "label": "", "x": 10, "y": 200, "width": 200, "height": 150},
        {"id": "a", "type": "text", "text": "## Alloy design\n\nFinds the rules", "x": 20, "y": 20, "width": 200, "height": 60},
        {"id": "b", "type": "text", "text": "Casting", "x": 450, "y": 20, "width": 200, "height": 60},
        {"id": "c c", "type": "text", "text": "", "x": 20, "y": 250, "width": 100, "height": 60},
        {"id": "d", "type": "text", "text": "Outside", "x": 900, "y": 20, "width": 100, "height": 60},
        {"id": "l", "type": "link", "url": "javascript:alert(1)", "x": 0, "y": 0, "width": 1, "height": 1},
        {"id": "w", "type": "widget", "x": 0, "y": 0, "width": 1, "height": 1},
        {"id": "a", "type": "text", "text": "duplicate", "x": 0, "y": 0, "width": 1, "height": 1},
        42
      ],
      "edges": [
        {"id": "e1", "fromNode": "a", "toNode": "b", "label": "spec"},
        {"id": "e2", "fromNode": "b", "toNode": "a", "fromEnd": "arrow", "toEnd": "none", "label": "back?"},
        {"id": "e3", "fromNode": "a", "toNode": "l"},
        {"id": "e4", "fromNode": "b", "toNode": "b"},
        {"id": "e 5", "fromNode": "c c", "toNode": "d"},
        {"fromNode": "a"}
      ]
    }"###;
    let got = from_canvas(text).expect("imports");
    let m = &got.map;
    let phases: Vec<(&str, &str)> = m.project.phases.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    assert_eq!(phases, vec![("g1", "Lab"), ("inner", "inner"), ("g2", "Pilot")]);
    let stages: Vec<(&str, &str, Option<&str>, &str)> = m
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str(), s.phase.as_ref().map(Id::as_str), s.role.as_str()))
        .collect();
    assert_eq!(
        stages,
        vec![
            ("a", "Alloy design", Some("g1"), "Finds the rules"),
            ("b", "Casting", Some("g2"), ""),
            ("stage-3", "stage-3", Some("inner"), ""),
            ("d", "Outside", None, ""),
        ]
    );
    let flows: Vec<(&str, &str, &str, &str)> =
        m.flows.iter().map(|f| (f.id.as_str(), f.from.as_str(), f.to.as_str(), f.artifact.as_str())).collect();
    assert_eq!(flows, vec![("e1", "a", "b", "spec"), ("e2", "a", "b", "back?"), ("flow-5", "stage-3", "d", "")]);
    let notes: Vec<String> = got.notes.iter().map(|n| n.to_string()).collect();
    let want = [
        "Node l is a link (javascript:alert(1)); not mapped.",
        "Node w of type \u{201c}widget\u{201d} has no counterpart; not mapped.",
        "Node number 10 cannot be read (an id used twice); not mapped.",
        "Node number 11 cannot be read (not an object); not mapped.",
        "Text node inner has no text; named after its id.",
        "Node or edge c c has an id chainmap cannot use; it became stage-3.",
        "Text node c c has no text; named after its id.",
        "Edge e3 ends at node l, which is not a stage; not mapped.",
        "Edge e4 goes from a stage to itself; not mapped.",
        "Node or edge e 5 has an id chainmap cannot use; it became flow-5.",
        "Edge number 6 cannot be read (no id, fromNode or toNode); not mapped.",
    ];
    assert_eq!(notes, want);
    assert!(chainmap::i18n::exchange::canvas_note(&got.notes[0], Lang::Zh).contains("未导入"));
}

#[test]
fn a_file_that_is_not_a_canvas_is_refused_with_a_reason() {
    for (text, needle) in [
        ("", "empty"),
        ("[1, 2]", "not an object"),
        ("{\"nodes\": 3}", "nodes: must be a list"),
        ("{\"nodes\": [", "ends too early"),
        (&format!("{}1{}", "[".repeat(100), "]".repeat(100)), "nested"),
    ] {
        let e = from_canvas(text).expect_err("refused");
        let msg = e.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n");
        assert!(msg.contains(needle), "{text:?}: {msg}");
    }
    let empty = from_canvas("{}").expect("an empty canvas is an empty map");
    assert!(empty.map.stages.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any text, and any mangling of a real canvas: no panic, and what is
    /// imported is always a valid map.
    #[test]
    fn canvas_import_never_panics(garbage in ".{0,200}", cut in any::<u16>(), swap in any::<u8>(), noise in "[\\[\\]{}\",:0-9a-z\\\\ -]{0,12}") {
        let _ = from_canvas(&garbage);
        let real = to_canvas(&Template::Sand.map(Lang::En));
        let at = (cut as usize) % real.len();
        let at = (0..=at).rev().find(|&i| real.is_char_boundary(i)).unwrap_or(0);
        let mangled = format!("{}{}{}", &real[..at], noise, &real[at..]);
        for t in [mangled, real.replace("\"text\"", if swap % 2 == 0 { "\"group\"" } else { "\"file\"" }), real[..at].to_string()] {
            if let Ok(got) = from_canvas(&t) {
                prop_assert!(chainmap::format::validate::check(&got.map).is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Every export of any valid map: well-formed safe SVG, inert Markdown,
    /// Mermaid of the expected shape, CSV without formulas, and a canvas
    /// that imports back to the same stages, phases and flows.
    #[test]
    fn every_export_of_any_map_is_safe(m in common::gen::map(), zh in any::<bool>()) {
        let lang = if zh { Lang::Zh } else { Lang::En };
        let text = svg(&m, lang);
        let doc = xml::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(xml::unsafe_parts(&doc).is_empty());
        let md = all_briefs_markdown(&m, lang);
        prop_assert!(!md.contains('<') && !md.contains('>'), "{}", md);
        for t in &m.topics {
            let one = brief_markdown(&m, &t.id, lang).unwrap_or_default();
            prop_assert!(!one.contains('<'));
            prop_assert!(one.lines().all(|l| !l.starts_with('#') || l.starts_with("# ") || l.starts_with("## ")));
        }
        assert_mermaid_shape(&mermaid(&m));
        let csv_text = coverage_csv(&m, lang);
        let rows = parse_csv(csv_text.strip_prefix('\u{feff}').unwrap_or("no BOM"));
        prop_assert!(rows.iter().flatten().all(|c| !c.starts_with(['=', '+', '-', '@'])));
        let d = dot(&m);
        let whole = d.starts_with("digraph chainmap {\n") && d.ends_with("}\n");
        prop_assert!(whole, "not one graph");
        let back = from_canvas(&to_canvas(&m)).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(shape(&back.map), shape(&m));
    }
}
