//! One layer-by-layer sweep: each column sorted by the median or the
//! barycenter of its neighbours in the column just placed.

use super::super::proper::Proper;
use super::Scratch;

/// One sweep over all columns.
pub fn sweep(g: &mut Proper, s: &mut Scratch, left_to_right: bool) {
    let n = g.layers.len();
    if left_to_right {
        for i in 1..n {
            reorder(g, s, i, true);
        }
    } else {
        for i in (0..n.saturating_sub(1)).rev() {
            reorder(g, s, i, false);
        }
    }
}

/// Sorts column `i` by the median position of each vertex's neighbours in
/// the previous column (`by_up`) or the next one.
fn reorder(g: &mut Proper, s: &mut Scratch, i: usize, by_up: bool) {
    let Proper { layers, pos, up, down, back_dummy, .. } = g;
    let Some(layer) = layers.get_mut(i) else { return };
    let adj = if by_up { &*up } else { &*down };
    s.keys.clear();
    s.slot_fixed.clear();
    for (slot, &v) in layer.iter().enumerate() {
        let nb = adj.of(v);
        if nb.is_empty() {
            s.slot_fixed.push(true);
            continue;
        }
        s.slot_fixed.push(false);
        s.a.clear();
        s.a.extend(nb.iter().map(|&u| pos.get(u).copied().unwrap_or(0)));
        let key = if s.median { median(&mut s.a) } else { s.a.iter().sum::<usize>() as f64 / s.a.len() as f64 };
        // Back-flow dummies first among equal keys, then by slot (unique:
        // the vertex below it is only carried along).
        let class = if back_dummy.get(v).copied().unwrap_or(false) { 0 } else { 1 << 31 };
        s.keys.push(super::float_key(key, super::pair_bits(class | slot, v)));
    }
    s.keys.sort_unstable();
    let mut next = s.keys.iter();
    for (slot, &fixed) in s.slot_fixed.iter().enumerate() {
        if !fixed {
            if let (Some(k), Some(place)) = (next.next(), layer.get_mut(slot)) {
                *place = (*k as u64 & 0xFFFF_FFFF) as usize;
            }
        }
    }
    for (p, &v) in layer.iter().enumerate() {
        if let Some(q) = pos.get_mut(v) {
            *q = p;
        }
    }
}

/// The weighted median of Graphviz dot: the middle value, or between the
/// two middle ones weighted towards the side where the values are packed.
fn median(p: &mut [usize]) -> f64 {
    p.sort_unstable();
    let n = p.len();
    let m = n / 2;
    let at = |k: usize| p.get(k).copied().unwrap_or(0) as f64;
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        at(m)
    } else if n == 2 {
        (at(0) + at(1)) / 2.0
    } else {
        let left = at(m - 1) - at(0);
        let right = at(n - 1) - at(m);
        if left + right > 0.0 {
            (at(m - 1) * right + at(m) * left) / (left + right)
        } else {
            (at(m - 1) + at(m)) / 2.0
        }
    }
}
