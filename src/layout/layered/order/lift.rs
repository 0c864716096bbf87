//! Loops above the chain: the dummies of reversed edges go to the top of
//! their columns wherever that adds no crossing.

use super::super::crossings;
use super::super::proper::Proper;
use super::{sync_pos, Scratch};

/// Loops are lifted above the chain in graphs up to this many vertices.
const LIFT_MAX_VERTICES: usize = 4000;

/// Lifts each reversed edge's dummies to the top of their columns (below
/// the dummies already lifted) when that adds no crossing, so that loops
/// run above the chain rather than through the middle or under it.
pub fn lift_back_dummies(g: &mut Proper, s: &mut Scratch) {
    if g.len() > LIFT_MAX_VERTICES {
        return;
    }
    let chains: Vec<Vec<usize>> = g
        .chains
        .iter()
        .map(|c| c.iter().copied().filter(|&v| g.back_dummy.get(v).copied().unwrap_or(false)).collect::<Vec<_>>())
        .filter(|d| !d.is_empty())
        .collect();
    let mut lifted = vec![0usize; g.layers.len()];
    for dummies in chains {
        let cols: Vec<usize> = dummies.iter().filter_map(|&d| g.layer.get(d).copied()).collect();
        let (Some(&lo), Some(&hi)) = (cols.iter().min(), cols.iter().max()) else { continue };
        let range = lo.saturating_sub(1)..hi + 1;
        let count =
            |g: &Proper, tree: &mut Vec<u32>| range.clone().map(|i| crossings::between(g, i, tree)).sum::<u64>();
        let before = count(g, &mut s.tree);
        let saved: Vec<(usize, Vec<usize>)> =
            cols.iter().filter_map(|&c| g.layers.get(c).map(|l| (c, l.clone()))).collect();
        for (&d, &c) in dummies.iter().zip(&cols) {
            let top = lifted.get(c).copied().unwrap_or(0);
            if let Some(layer) = g.layers.get_mut(c) {
                if let Some(at) = layer.iter().position(|&v| v == d) {
                    if at > top {
                        layer.remove(at);
                        layer.insert(top, d);
                    }
                }
            }
        }
        sync_pos(g);
        if count(g, &mut s.tree) > before {
            for (c, l) in saved {
                if let Some(layer) = g.layers.get_mut(c) {
                    *layer = l;
                }
            }
            sync_pos(g);
        } else {
            for &c in &cols {
                if let Some(t) = lifted.get_mut(c) {
                    *t += 1;
                }
            }
        }
    }
}
