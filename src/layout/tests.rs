use super::*;
use crate::format::import_str;
use crate::templates::{Lang, Template};

fn overlaps(a: &Card, b: &Card) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

#[test]
fn lanes_follow_phase_order_and_cards_sit_in_their_lane() {
    let map = Template::Alloy.map(Lang::En);
    let d = diagram(&map);
    assert_eq!(d.lanes.len(), 3);
    for w in d.lanes.windows(2) {
        assert!(w[0].x + w[0].width <= w[1].x, "lanes overlap");
    }
    for c in &d.cards {
        let phase = map.stages[c.index].phase.clone();
        let lane = d.lanes.iter().find(|l| l.phase == phase).expect("lane of the stage");
        assert!(c.x >= lane.x && c.x + c.w <= lane.x + lane.width, "{} outside its lane", c.stage);
    }
}

#[test]
fn no_two_cards_overlap_in_the_templates() {
    for t in Template::ALL {
        for lang in [Lang::En, Lang::Zh] {
            let d = diagram(&t.map(lang));
            for (i, a) in d.cards.iter().enumerate() {
                for b in &d.cards[i + 1..] {
                    assert!(!overlaps(a, b), "{t:?} {lang:?}: {} overlaps {}", a.stage, b.stage);
                }
                assert!(a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= d.width && a.y + a.h <= d.height);
            }
        }
    }
}

#[test]
fn chain_reads_left_to_right_and_loops_are_back_arcs() {
    let map = Template::Sand.map(Lang::En);
    let d = diagram(&map);
    let card = |id: &str| d.cards.iter().find(|c| c.stage.as_str() == id).unwrap();
    assert!(card("binder").x < card("print").x);
    assert!(card("print").x < card("cast").x);
    let back: Vec<_> = d.flows.iter().filter(|f| f.back).map(|f| f.flow.as_str()).collect();
    assert_eq!(back, vec!["d"], "reclaim → binder goes back");
    // The unnamed flow has no label; named ones do.
    let e = d.flows.iter().find(|f| f.flow.as_str() == "e").unwrap();
    assert!(e.label.is_none());
    assert!(d.flows.iter().find(|f| f.flow.as_str() == "a").unwrap().label.is_some());
}

#[test]
fn cards_grow_to_their_text_and_show_students() {
    let map = Template::Sand.map(Lang::En);
    let d = diagram(&map);
    let reclaim = d.cards.iter().find(|c| c.stage.as_str() == "reclaim").unwrap();
    let names: Vec<_> = reclaim.chips.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(names, vec!["Ma", "Sun"]);
    for chip in &reclaim.chips {
        assert!(chip.x + chip.w <= reclaim.w && chip.y + 20.0 <= reclaim.h);
    }
    let long = import_str(
        r#"{"format":"chainmap","version":1,"project":{"title":"t"},"stages":[
        {"id":"a","name":"A very long stage name that certainly needs more than one line to be read"}]}"#,
    )
    .unwrap()
    .map;
    let d = diagram(&long);
    assert!(d.cards[0].name_lines.len() >= 2);
    assert!(d.cards[0].h > 48.0);
}

#[test]
fn layout_is_deterministic_and_survives_cycles_inside_a_lane() {
    let map = import_str(
        r#"{"format":"chainmap","version":1,"project":{"title":"t"},"stages":[
        {"id":"a","name":"A"},{"id":"b","name":"B"},{"id":"c","name":"C"}],
        "flows":[{"id":"1","from":"a","to":"b"},{"id":"2","from":"b","to":"c"},{"id":"3","from":"c","to":"a"}]}"#,
    )
    .unwrap()
    .map;
    let d1 = diagram(&map);
    assert_eq!(d1, diagram(&map));
    assert_eq!(d1.flows.iter().filter(|f| f.back).count(), 1);
    assert_eq!(d1.lanes.len(), 1, "only the no-phase lane");
}
