//! Sifting of one column.

use super::super::proper::Proper;
use super::Scratch;

/// How many slots up and down sifting looks: after the sweeps a vertex is
/// rarely far from its best slot, and a window keeps wide columns linear.
const WINDOW: usize = 24;

/// Sifting (Matuszewski, Schönfeld and Molitor): each vertex of column `i`
/// in turn is taken out and put back where it crosses least among the
/// slots within `WINDOW` of its own, counting both neighbouring columns.
/// Without `slack`, ties keep the vertex where it was. With a slack of
/// `k`, the vertex goes to the best of the other slots when that adds at
/// most `k` crossings (of equal ones the lowest below it, else the highest
/// above): a walk over plateaus and out of shallow pits. Returns the
/// change in crossings.
pub fn sift_column(g: &mut Proper, s: &mut Scratch, i: usize, slack: Option<i64>) -> i64 {
    s.lists.build(g, i);
    let lists = &mut s.lists;
    let len = lists.slot.len();
    if len < 2 {
        return 0;
    }
    // The slot of each list, kept up to date as vertices move.
    let mut at: Vec<usize> = (0..len).collect();
    let (mut change, mut moved) = (0i64, false);
    // Without slack the vertex's own slot (no change) is the one to beat.
    let (start, take_ties) = match slack {
        None => (0, false),
        Some(_) => (i64::MAX, true),
    };
    let limit = slack.unwrap_or(-1);
    for who in 0..len {
        let Some(&from) = at.get(who) else { continue };
        let (vu, vd) = lists.sides(who);
        if vu.is_empty() && vd.is_empty() {
            continue;
        }
        // Change in crossings when moved up past each vertex above, then down past each below.
        let (mut best, mut best_at) = (start, from);
        let mut run = 0i64;
        for idx in (from.saturating_sub(WINDOW)..from).rev() {
            let Some(&other) = lists.slot.get(idx) else { break };
            let (above, below) = lists.cross(vu, vd, other);
            run += above as i64 - below as i64;
            if run < best || (take_ties && run == best) {
                (best, best_at) = (run, idx);
            }
        }
        run = 0;
        for idx in from + 1..(from + 1 + WINDOW).min(len) {
            let Some(&other) = lists.slot.get(idx) else { break };
            let (above, below) = lists.cross(vu, vd, other);
            run += below as i64 - above as i64;
            if run < best || (take_ties && run == best) {
                (best, best_at) = (run, idx);
            }
        }
        if best_at != from && best <= limit {
            change += best;
            moved = true;
            lists.slot.remove(from);
            lists.slot.insert(best_at, who);
            for idx in from.min(best_at)..=from.max(best_at) {
                if let Some(&k) = lists.slot.get(idx) {
                    if let Some(a) = at.get_mut(k) {
                        *a = idx;
                    }
                }
            }
        }
    }
    if moved {
        let Proper { layers, pos, .. } = g;
        if let Some(layer) = layers.get_mut(i) {
            let old = layer.clone();
            for (p, &k) in lists.slot.iter().enumerate() {
                if let (Some(place), Some(&v)) = (layer.get_mut(p), old.get(k)) {
                    *place = v;
                    if let Some(q) = pos.get_mut(v) {
                        *q = p;
                    }
                }
            }
        }
    }
    change
}
