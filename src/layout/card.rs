//! Stage cards sized to their text: the name (bold, on as many lines as it
//! takes), the role (its first line) and a chip per student working at the
//! stage (a long name wraps inside its chip), or, where nobody works, a
//! dashed "no student yet" chip. Nothing is cut short but the role, which
//! the Inspector shows whole.

use std::rc::Rc;

use super::kept::Kept;
use super::text;
use super::{Card, Chip, CARD_MAX_W, CARD_MIN_W, CHIP_H, CHIP_LINE, CHIP_PX, MARK_W, NAME_PX, ROLE_PX};
use crate::i18n::{t, Key, Lang};
use crate::model::hash::FastMap;
use crate::model::{Id, Map, PersonKind, Topic};

/// Stage names are bold, which is wider than the regular widths of `text`.
const BOLD: f64 = 1.1;
const PAD: f64 = 10.0;
const NAME_LINE: f64 = 18.0;
const ROLE_LINE: f64 = 16.0;
const CHIP_GAP: f64 = 4.0;

/// The cards of the last diagram, by stage id, with what each was made
/// from. A card depends only on its stage's name and role and on the
/// topics at the stage with their students' names, so an edit elsewhere
/// reuses it instead of wrapping and measuring its text again (on a map
/// of 10,000 stages that is most of what the cards cost).
#[derive(Default)]
pub struct CardCache {
    by_stage: Kept<(Made, Card)>,
}

/// What a card was made from.
struct Made {
    name: String,
    role: String,
    /// Per chip: the topic, its student, the name shown and its marks.
    chips: Vec<(Id, Id, String, Marks)>,
}

/// Whether a topic has an academic and an enterprise supervisor.
type Marks = (bool, bool);

fn marks(t: &Topic, kinds: &FastMap<&Id, PersonKind>) -> Marks {
    let has = |k: PersonKind| t.supervisors.iter().any(|s| kinds.get(s) == Some(&k));
    (has(PersonKind::AcademicSupervisor), has(PersonKind::EnterpriseSupervisor))
}

impl Made {
    fn matches(&self, name: &str, role: &str, topics: &[&Topic], people: &People) -> bool {
        self.name == name
            && self.role == role
            && self.chips.len() == topics.len()
            && self.chips.iter().zip(topics).all(|((topic, student, shown, m), t)| {
                *topic == t.id
                    && *student == t.student
                    && shown == shown_name(&people.names, t)
                    && *m == marks(t, &people.kinds)
            })
    }
}

fn shown_name<'a>(names: &FastMap<&Id, &'a str>, t: &'a Topic) -> &'a str {
    names.get(&t.student).copied().unwrap_or(t.student.as_str())
}

/// Every stage's card, in stage order, at (0, 0).
#[inline(never)] // a phase of its own (and in profiles)
pub fn cards(map: &Map, cache: &mut CardCache) -> Vec<Card> {
    // Topics by stage and names by person, once (the map's own look-ups
    // are linear searches: per card, they made big maps quadratic).
    let mut topics_at: FastMap<&Id, Vec<&Topic>> = FastMap::default();
    for t in &map.topics {
        if let Some(s) = &t.stage {
            topics_at.entry(s).or_default().push(t);
        }
    }
    let mut people = People { names: FastMap::default(), kinds: FastMap::default() };
    for p in &map.people {
        people.names.entry(&p.id).or_insert(p.name.as_str());
        people.kinds.entry(&p.id).or_insert(p.kind);
    }
    let none: Vec<&Topic> = Vec::new();
    let mut fresh: Kept<(Made, Card)> = Kept::with_capacity(map.stages.len());
    let mut cards = Vec::with_capacity(map.stages.len());
    for (i, s) in map.stages.iter().enumerate() {
        let topics = topics_at.get(&s.id).unwrap_or(&none);
        let card = match cache.by_stage.take(i, &s.id) {
            Some((made, mut card)) if made.matches(&s.name, &s.role, topics, &people) => {
                card.index = i;
                fresh.push(s.id.clone(), (made, card.clone()));
                card
            }
            _ => {
                let Some(card) = card_for(map, i, topics, &people) else {
                    fresh.skip();
                    continue;
                };
                let made = Made {
                    name: s.name.clone(),
                    role: s.role.clone(),
                    chips: topics
                        .iter()
                        .map(|t| {
                            let shown = shown_name(&people.names, t).to_string();
                            (t.id.clone(), t.student.clone(), shown, marks(t, &people.kinds))
                        })
                        .collect(),
                };
                fresh.push(s.id.clone(), (made, card.clone()));
                card
            }
        };
        cards.push(card);
    }
    cache.by_stage = fresh;
    cards
}

/// The people's names and kinds by id (the first of an id, as the map's
/// own look-ups).
struct People<'a> {
    names: FastMap<&'a Id, &'a str>,
    kinds: FastMap<&'a Id, PersonKind>,
}

/// The card of stage `index`, at (0, 0): `topics` are the topics at the
/// stage in file order.
fn card_for(map: &Map, index: usize, topics: &[&Topic], people: &People) -> Option<Card> {
    let s = map.stages.get(index)?;
    let inner_max = (CARD_MAX_W - 2.0 * PAD - 4.0) / 1.04;
    let name_lines = text::wrap(&s.name, NAME_PX * BOLD, inner_max, usize::MAX);
    let role_line = (!s.role.trim().is_empty()).then(|| text::one_line(&s.role, ROLE_PX, inner_max));
    let mut w = name_lines.iter().map(|l| text::width(l, NAME_PX * BOLD)).fold(0.0, f64::max);
    if let Some(r) = &role_line {
        w = w.max(text::width(r, ROLE_PX));
    }
    let chip_texts: Vec<(Id, Id, Vec<String>, f64, Marks)> = topics
        .iter()
        .map(|t| {
            let m = marks(t, &people.kinds);
            let marks_w = MARK_W * (m.0 as u8 + m.1 as u8) as f64;
            let lines = text::wrap(shown_name(&people.names, t), CHIP_PX, inner_max - 16.0 - marks_w, usize::MAX);
            let cw = lines.iter().map(|l| text::width(l, CHIP_PX)).fold(0.0, f64::max) + 16.0 + marks_w;
            (t.id.clone(), t.student.clone(), lines, cw, m)
        })
        .collect();
    for (_, _, _, cw, _) in &chip_texts {
        w = w.max(*cw);
    }
    let vacant_w = chip_texts.is_empty().then(vacant_width);
    if let Some(vw) = vacant_w {
        w = w.max(vw);
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
        // The height of the row of chips so far (a wrapped name makes its
        // chip, and so its row, taller).
        let mut row_h: f64 = 0.0;
        for (topic, student, lines, cw, (academic, enterprise)) in chip_texts {
            if x + cw > w - PAD + 0.01 && x > PAD {
                x = PAD;
                y += row_h + CHIP_GAP;
                row_h = 0.0;
            }
            let h = CHIP_H + lines.len().saturating_sub(1) as f64 * CHIP_LINE;
            row_h = row_h.max(h);
            chips.push(Chip { topic, student, lines, academic, enterprise, x, y, w: cw, h });
            x += cw + CHIP_GAP;
        }
        y += row_h;
    }
    let mut vacant = None;
    if let Some(vw) = vacant_w {
        y += 6.0;
        vacant = Some((PAD, y, vw, CHIP_H));
        y += CHIP_H;
    }
    let h = (y + PAD).max(48.0).ceil();
    Some(Card {
        stage: s.id.clone(),
        index,
        x: 0.0,
        y: 0.0,
        w,
        h,
        name_lines: name_lines.into(),
        role_line: role_line.map(Rc::from),
        chips: chips.into(),
        vacant,
    })
}

/// The width of the "no student yet" chip: the same in every language, so
/// that switching language moves nothing.
fn vacant_width() -> f64 {
    [Lang::En, Lang::Zh].into_iter().map(|lang| text::width(t(lang, Key::NoStudentYet), CHIP_PX)).fold(0.0, f64::max)
        + 16.0
}
