//! Stage cards sized to their text: the name (bold, up to three lines), the
//! role (one line) and a chip per student working at the stage.

use std::collections::HashMap;

use super::text;
use super::{Card, Chip, CARD_MAX_W, CARD_MIN_W, CHIP_PX, NAME_PX, ROLE_PX};
use crate::model::{Id, Map, Topic};

/// Stage names are bold, which is wider than the regular widths of `text`.
const BOLD: f64 = 1.1;
const PAD: f64 = 10.0;
const NAME_LINE: f64 = 18.0;
const ROLE_LINE: f64 = 16.0;
const CHIP_H: f64 = 20.0;
const CHIP_GAP: f64 = 4.0;

/// Every stage's card, in stage order, at (0, 0).
pub fn cards(map: &Map) -> Vec<Card> {
    // Topics by stage and names by person, once (the map's own look-ups
    // are linear searches: per card, they made big maps quadratic).
    let mut topics_at: HashMap<&Id, Vec<&Topic>> = HashMap::new();
    for t in &map.topics {
        if let Some(s) = &t.stage {
            topics_at.entry(s).or_default().push(t);
        }
    }
    let mut names: HashMap<&Id, &str> = HashMap::new();
    for p in &map.people {
        names.entry(&p.id).or_insert(p.name.as_str());
    }
    let none: Vec<&Topic> = Vec::new();
    (0..map.stages.len())
        .filter_map(|i| {
            let s = map.stages.get(i)?;
            card_for(map, i, topics_at.get(&s.id).unwrap_or(&none), &names)
        })
        .collect()
}

/// The card of stage `index`, at (0, 0): `topics` are the topics at the
/// stage in file order, `names` the people's names by id.
fn card_for(map: &Map, index: usize, topics: &[&Topic], names: &HashMap<&Id, &str>) -> Option<Card> {
    let s = map.stages.get(index)?;
    let inner_max = (CARD_MAX_W - 2.0 * PAD - 4.0) / 1.04;
    let name_lines = text::wrap(&s.name, NAME_PX * BOLD, inner_max, 3);
    let role_line = (!s.role.trim().is_empty()).then(|| text::one_line(&s.role, ROLE_PX, inner_max));
    let mut w = name_lines.iter().map(|l| text::width(l, NAME_PX * BOLD)).fold(0.0, f64::max);
    if let Some(r) = &role_line {
        w = w.max(text::width(r, ROLE_PX));
    }
    let chip_texts: Vec<(Id, Id, String, f64)> = topics
        .iter()
        .map(|t| {
            let person = names.get(&t.student).copied().unwrap_or(t.student.as_str());
            let name = text::one_line(person, CHIP_PX, inner_max - 16.0);
            let cw = text::width(&name, CHIP_PX) + 16.0;
            (t.id.clone(), t.student.clone(), name, cw)
        })
        .collect();
    for (_, _, _, cw) in &chip_texts {
        w = w.max(*cw);
    }
    let w = (w * 1.04 + 2.0 * PAD + 4.0).clamp(CARD_MIN_W, CARD_MAX_W).ceil();
    let mut y = PAD + name_lines.len() as f64 * NAME_LINE;
    if role_line.is_some() {
        y += ROLE_LINE;
    }
    let mut chips = Vec::new();
    if !chip_texts.is_empty() {
        y += 6.0;
        let mut x = PAD;
        for (topic, student, text, cw) in chip_texts {
            if x + cw > w - PAD + 0.01 && x > PAD {
                x = PAD;
                y += CHIP_H + CHIP_GAP;
            }
            chips.push(Chip { topic, student, text, x, y, w: cw });
            x += cw + CHIP_GAP;
        }
        y += CHIP_H;
    }
    let h = (y + PAD).max(48.0).ceil();
    Some(Card { stage: s.id.clone(), index, x: 0.0, y: 0.0, w, h, name_lines, role_line, chips })
}
