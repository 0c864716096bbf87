//! Walking through the gaps: the element a gap is about (what clicking it in
//! the Gaps list selects), the gaps that concern a selection (the
//! Inspector's "Gaps here"), and the next element with a gap ("Next gap"),
//! so that a supervisor can go through every gap from the Inspector without
//! scrolling back to the list.

use super::Selection;
use crate::analysis::{Gap, GapCode};

/// The element a gap is about, for selecting it: its first id, as a topic,
/// stage, flow, phase or person according to the gap's code.
pub fn target(gap: &Gap) -> Option<Selection> {
    use GapCode::*;
    let first = gap.ids.first()?.clone();
    Some(match gap.code {
        UnplacedTopic | UnsupervisedTopic | NoEnterpriseSupervisor | UpstreamUncovered => Selection::Topic(first),
        UncoveredStage | UnsuppliedStage | DeadEndStage | Island | CrowdedStage | Loop => Selection::Stage(first),
        UnnamedFlow => Selection::Flow(first),
        UncoveredPhase | EmptyPhase => Selection::Phase(first),
        IdleStudent => Selection::Person(first),
    })
}

/// The gaps that concern `sel`, in list order: those it is the target of,
/// and those that name it among their ids (the uncovered stage upstream of
/// a topic, a stage of a loop or of an island).
pub fn about<'a>(gaps: &'a [Gap], sel: &Selection) -> Vec<&'a Gap> {
    let id = sel.id();
    gaps.iter().filter(|g| target(g).as_ref() == Some(sel) || (kind_matches(g, sel) && g.ids.contains(id))).collect()
}

/// Whether `sel` is of a kind the gap's ids can name (all the ids of a gap
/// after the first are stages, except `crowded-stage`'s topics).
fn kind_matches(gap: &Gap, sel: &Selection) -> bool {
    use GapCode::*;
    match sel {
        Selection::Stage(_) => matches!(gap.code, UpstreamUncovered | Island | Loop | CrowdedStage),
        Selection::Topic(_) => matches!(gap.code, CrowdedStage),
        _ => false,
    }
}

/// The next element with a gap after `sel`: the elements gaps are about,
/// each once, in the order the Gaps list first names them, wrapping round
/// at the end. From an element no gap is about, the first of them. `None`
/// when there is no gap, or `sel` is the only element with one.
pub fn next(gaps: &[Gap], sel: Option<&Selection>) -> Option<Selection> {
    let mut seen = std::collections::HashSet::new();
    let mut first: Option<Selection> = None;
    let mut passed = false;
    for g in gaps {
        let Some(t) = target(g) else { continue };
        if !seen.insert(t.clone()) {
            continue;
        }
        if passed {
            return Some(t);
        }
        if Some(&t) == sel {
            passed = true;
        } else if first.is_none() {
            first = Some(t);
        }
    }
    // Past the end (or `sel` has no gap): round to the first.
    first.filter(|f| Some(f) != sel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::templates::{Lang, Template};

    #[test]
    fn next_visits_every_element_with_a_gap_once_then_wraps() {
        for t in Template::ALL {
            let map = t.map(Lang::En);
            let gaps = analyse(&map).gaps;
            let mut targets: Vec<Selection> = Vec::new();
            for g in &gaps {
                let s = target(g).unwrap();
                if !targets.contains(&s) {
                    targets.push(s);
                }
            }
            let mut walked = Vec::new();
            let mut at = None;
            for _ in 0..targets.len() {
                let n = next(&gaps, at.as_ref()).expect("a next gap");
                walked.push(n.clone());
                at = Some(n);
            }
            assert_eq!(walked, targets, "{t:?}");
            // Round again from the last.
            if targets.len() > 1 {
                assert_eq!(next(&gaps, at.as_ref()), targets.first().cloned());
            }
        }
    }

    #[test]
    fn a_stage_with_several_gaps_is_one_stop_and_lists_them_all() {
        let map = Template::Alloy.map(Lang::En);
        let gaps = analyse(&map).gaps;
        let comp = Selection::Stage(crate::model::Id::from("comp"));
        let here = about(&gaps, &comp);
        let codes: Vec<_> = here.iter().map(|g| g.code).collect();
        // Nobody works at it, and it is upstream of Li's topic.
        assert!(codes.contains(&GapCode::UncoveredStage), "{codes:?}");
        assert!(codes.contains(&GapCode::UpstreamUncovered), "{codes:?}");
        // The next stop is another element, never itself.
        let n = next(&gaps, Some(&comp)).unwrap();
        assert_ne!(n, comp);
    }

    #[test]
    fn no_gap_no_next_and_a_single_one_has_nowhere_else_to_go() {
        assert_eq!(next(&[], None), None);
        let one = [Gap { code: GapCode::EmptyPhase, ids: vec![crate::model::Id::from("p")] }];
        let p = Selection::Phase(crate::model::Id::from("p"));
        assert_eq!(next(&one, None), Some(p.clone()));
        assert_eq!(next(&one, Some(&p)), None);
    }
}
