//! The chain diagram as a self-contained SVG file: the same picture as the
//! screen (`app/diagram.rs` draws the same `layout::Diagram` with the same
//! numbers), without the interactive parts. Every text is XML-escaped; the
//! styles are embedded, with system fonts and a CJK fallback; there is no
//! script, no event attribute and no reference to anything outside the file
//! (the arrowheads are referenced by internal `#id`).

use super::escape::xml;
use crate::i18n::{t, Key, Lang};
use crate::layout::{self, Diagram, LANE_HEADER};
use crate::model::Map;

/// The font list of `styles/app.css`: system fonts, then CJK-capable ones.
pub const FONTS: &str = "system-ui, -apple-system, \"Segoe UI\", \"Noto Sans\", \"Noto Sans CJK SC\", \
\"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif";

/// Room above the chain for the project's title.
const TITLE_BAND: f64 = 44.0;

/// The colours and type of `styles/app.css`, resolved (no CSS variables, so
/// that every SVG renderer draws the same).
const STYLE: &str = "
svg { font-family: FONTS; }
.paper { fill: #f6f7f9; }
.lane-even .lane-bg { fill: #eef2f8; }
.lane-odd .lane-bg { fill: #f3f0f8; }
.lane-none .lane-bg { fill: #f1f1f1; }
.lane-title { font-size: 14px; font-weight: 700; fill: #4a5468; }
.doc-title { font-size: 18px; font-weight: 700; fill: #1d2433; }
.flow-line { fill: none; stroke: #7a8396; stroke-width: 1.6; }
.flow.back .flow-line { stroke-dasharray: 2 3; }
.arrow-head { fill: #7a8396; }
.flow-label rect { fill: #ffffff; stroke: #cfd5df; }
.flow-label-text { font-size: 12px; fill: #1d2433; }
.card { fill: #ffffff; stroke: #aeb7c6; stroke-width: 1.2; }
.stage-name { font-size: 14px; font-weight: 650; fill: #1d2433; }
.stage-role { font-size: 12px; fill: #4a5468; }
.chip rect { fill: #e9eef7; stroke: #b8c4da; }
.chip text { font-size: 12px; fill: #1d2433; }
.sup-mark circle { fill: #1f5fbf; }
.sup-mark.enterprise circle { fill: #0b6b4f; }
.chip .sup-mark text { font-size: 9px; font-weight: 700; fill: #ffffff; }
.flow-unnamed circle { fill: #fff4d6; stroke: #8a5a00; stroke-dasharray: 3 2; }
.flow-unnamed text { font-size: 11px; font-weight: 700; fill: #8a5a00; }
.vacant rect { fill: #fff4d6; stroke: #8a5a00; stroke-dasharray: 4 3; }
.vacant text { font-size: 12px; fill: #8a5a00; }
";

/// A number for an attribute: finite, at most two decimals, no trailing zeros.
fn n(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// The diagram of `map` as an SVG document.
pub fn svg(map: &Map, lang: Lang) -> String {
    svg_of(map, &layout::diagram(map), lang)
}

/// The width and height of the SVG of `d`: the diagram, with the band for
/// the project's title above it (for a slide).
pub fn svg_size(d: &Diagram) -> (f64, f64) {
    (d.width.max(1.0), d.height.max(1.0) + TITLE_BAND)
}

/// The SVG of a diagram already laid out for `map`.
pub fn svg_of(map: &Map, d: &Diagram, lang: Lang) -> String {
    let (w, full_h) = svg_size(d);
    let h = d.height.max(1.0);
    let mut o = String::with_capacity(4096 + map.stages.len() * 600 + map.flows.len() * 300);
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" xml:lang=\"{}\" role=\"img\">\n",
        n(w),
        n(full_h),
        n(w),
        n(full_h),
        lang.tag()
    ));
    o.push_str(&format!("<title>{}</title>\n", xml(&map.project.title)));
    o.push_str("<style>");
    o.push_str(&xml_text_css(&STYLE.replace("FONTS", FONTS)));
    o.push_str("</style>\n");
    o.push_str(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" \
         orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head\"/></marker></defs>\n",
    );
    o.push_str(&format!("<rect class=\"paper\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\"/>\n", n(w), n(full_h)));
    o.push_str(&format!("<text class=\"doc-title\" x=\"20\" y=\"29\">{}</text>\n", xml(&map.project.title)));
    o.push_str(&format!("<g class=\"chain\" transform=\"translate(0,{})\">\n", n(TITLE_BAND)));

    o.push_str("<g class=\"lanes\">\n");
    let phase_names: std::collections::HashMap<&crate::model::Id, &str> =
        map.project.phases.iter().map(|ph| (&ph.id, ph.name.as_str())).collect();
    for (i, lane) in d.lanes.iter().enumerate() {
        let name = match &lane.phase {
            Some(p) => phase_names.get(p).map_or_else(|| p.to_string(), |name| name.to_string()),
            None => t(lang, Key::NoPhase).to_string(),
        };
        let class = match (&lane.phase, i % 2) {
            (None, _) => "lane lane-none",
            (_, 0) => "lane lane-even",
            _ => "lane lane-odd",
        };
        o.push_str(&format!(
            "<g class=\"{class}\"><rect class=\"lane-bg\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\" rx=\"10\"/>\
             <text class=\"lane-title\" x=\"{}\" y=\"{}\">{}</text></g>\n",
            n(lane.x),
            n(lane.width),
            n(h),
            n(lane.x + 16.0),
            n(LANE_HEADER / 2.0 + 6.0),
            xml(&name)
        ));
    }
    o.push_str("</g>\n<g class=\"flows\">\n");
    for f in &d.flows {
        let class = if f.back { "flow back" } else { "flow" };
        o.push_str(&format!(
            "<g class=\"{class}\"><path class=\"flow-line\" d=\"{}\" marker-end=\"url(#arrow)\"/>",
            xml(&f.d)
        ));
        if let Some((cx, top, lw, lh)) = f.label {
            o.push_str(&format!(
                "<g class=\"flow-label\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\"/>",
                n(cx - lw / 2.0),
                n(top),
                n(lw),
                n(lh)
            ));
            for (i, line) in f.label_lines.iter().enumerate() {
                o.push_str(&format!(
                    "<text class=\"flow-label-text\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                    n(cx),
                    n(top + 15.0 + i as f64 * 15.0),
                    xml(line)
                ));
            }
            o.push_str("</g>");
        }
        if let Some((x, y)) = f.unnamed_at {
            o.push_str(&format!(
                "<g class=\"flow-unnamed\"><circle cx=\"{}\" cy=\"{}\" r=\"8\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">?</text></g>",
                n(x),
                n(y),
                n(x),
                n(y + 4.0)
            ));
        }
        o.push_str("</g>\n");
    }
    o.push_str("</g>\n<g class=\"cards\">\n");
    for c in &d.cards {
        o.push_str(&format!("<g class=\"stage\" transform=\"translate({},{})\">", n(c.x), n(c.y)));
        o.push_str(&format!("<rect class=\"card\" width=\"{}\" height=\"{}\" rx=\"8\"/>", n(c.w), n(c.h)));
        o.push_str("<text class=\"stage-name\">");
        let last = c.name_lines.len().saturating_sub(1);
        for (i, line) in c.name_lines.iter().enumerate() {
            let text =
                if i < last && !line.ends_with(layout::text::is_wide) { format!("{line} ") } else { line.clone() };
            o.push_str(&format!("<tspan x=\"10\" y=\"{}\">{}</tspan>", n(24.0 + i as f64 * 18.0), xml(&text)));
        }
        o.push_str("</text>");
        if let Some(r) = &c.role_line {
            let y = 24.0 + c.name_lines.len() as f64 * 18.0 - 1.0;
            o.push_str(&format!("<text class=\"stage-role\" x=\"10\" y=\"{}\">{}</text>", n(y), xml(r)));
        }
        for chip in c.chips.iter() {
            o.push_str(&format!(
                "<g class=\"chip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\"/>",
                n(chip.x),
                n(chip.y),
                n(chip.w),
                n(chip.h)
            ));
            let cx = n(chip.x + chip.text_w() / 2.0);
            let letters = [t(lang, Key::SupervisorAcademicLetter), t(lang, Key::SupervisorEnterpriseLetter)];
            for ((at, letter), kind) in chip.marks().into_iter().zip(letters).zip(["academic", "enterprise"]) {
                let Some(at) = at else { continue };
                o.push_str(&format!(
                    "<g class=\"sup-mark {kind}\"><circle cx=\"{}\" cy=\"{}\" r=\"6.5\"/>\
                     <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
                    n(at),
                    n(chip.y + 10.0),
                    n(at),
                    n(chip.y + 13.5),
                    xml(letter)
                ));
            }
            if let [line] = chip.lines.as_slice() {
                let y = n(chip.y + 14.0);
                o.push_str(&format!("<text x=\"{cx}\" y=\"{y}\" text-anchor=\"middle\">{}</text></g>", xml(line)));
                continue;
            }
            // A wrapped name: a line per tspan, as the stage's name.
            o.push_str("<text text-anchor=\"middle\">");
            let last = chip.lines.len().saturating_sub(1);
            for (i, line) in chip.lines.iter().enumerate() {
                let text =
                    if i < last && !line.ends_with(layout::text::is_wide) { format!("{line} ") } else { line.clone() };
                let y = n(chip.y + 14.0 + i as f64 * layout::CHIP_LINE);
                o.push_str(&format!("<tspan x=\"{cx}\" y=\"{y}\">{}</tspan>", xml(&text)));
            }
            o.push_str("</text></g>");
        }
        if let Some((x, y, w, h)) = c.vacant {
            o.push_str(&format!(
                "<g class=\"vacant\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
                n(x),
                n(y),
                n(w),
                n(h),
                n(x + w / 2.0),
                n(y + 14.0),
                xml(t(lang, Key::NoStudentYet))
            ));
        }
        o.push_str("</g>\n");
    }
    o.push_str("</g>\n</g>\n</svg>\n");
    o
}

/// CSS inside `<style>` is character data: only `&`, `<` and `>` need care
/// (the style sheet holds none, but it is written safely all the same).
fn xml_text_css(css: &str) -> String {
    css.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::n;

    #[test]
    fn numbers_are_short_and_finite() {
        assert_eq!(n(10.0), "10");
        assert_eq!(n(10.25), "10.25");
        assert_eq!(n(10.5), "10.5");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(f64::NAN), "0");
    }
}
