//! The overview: a big map zoomed out past reading drawn as a few paths
//! (every card's box in one, every flow in another) instead of an element
//! per card, name and label. At such zooms no text can be read, and the
//! browser draws two paths of 10,000 pieces far faster than 10,000 cards.
//! A click is matched to the nearest card by geometry (`card_near`).

use super::paths::push_number;
use super::{Card, Diagram, FlowPath};

/// One path of the boxes of `cards`: `M x,y h w v h h -w z` each.
pub fn boxes_path<'a>(cards: impl IntoIterator<Item = &'a Card>) -> String {
    let mut d: Vec<u8> = Vec::new();
    for c in cards {
        d.push(b'M');
        push_number(&mut d, c.x);
        d.push(b',');
        push_number(&mut d, c.y);
        d.push(b'h');
        push_number(&mut d, c.w);
        d.push(b'v');
        push_number(&mut d, c.h);
        d.push(b'h');
        push_number(&mut d, -c.w);
        d.push(b'z');
    }
    // Only ASCII digits and letters were written.
    String::from_utf8(d).unwrap_or_default()
}

/// One path of the routes of `flows` (each route starts with its own `M`).
pub fn routes_path<'a>(flows: impl IntoIterator<Item = &'a FlowPath>) -> String {
    let mut d = String::new();
    for f in flows {
        if !d.is_empty() {
            d.push(' ');
        }
        d.push_str(&f.d);
    }
    d
}

/// The card at the diagram point (x, y), or else the nearest card whose box
/// is within `reach` of it (the closest edge wins; the first card on a tie).
pub fn card_near(d: &Diagram, x: f64, y: f64, reach: f64) -> Option<&Card> {
    let mut best: Option<(f64, &Card)> = None;
    for c in &d.cards {
        let dx = (c.x - x).max(x - (c.x + c.w)).max(0.0);
        let dy = (c.y - y).max(y - (c.y + c.h)).max(0.0);
        let dist = dx.hypot(dy);
        if dist <= reach && best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, c));
        }
    }
    best.map(|(_, c)| c)
}
