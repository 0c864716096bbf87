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
    // It is marked "?" instead, near it (between its two stages); named
    // flows are not.
    let (mx, _) = e.unnamed_at.expect("the unnamed flow's mark");
    let f = &map.flows[e.index];
    let (from, to) = (card(f.from.as_str()), card(f.to.as_str()));
    let (lo, hi) = (from.x.min(to.x), (from.x + from.w).max(to.x + to.w));
    assert!(mx > lo && mx < hi, "{mx} not between {lo} and {hi}");
    assert!(d.flows.iter().filter(|f| f.flow.as_str() != "e").all(|f| f.unnamed_at.is_none()));
}

#[test]
fn the_mark_of_an_unnamed_flow_covers_no_label_and_no_card() {
    // A loop of two stages, one way named and the other not (the hostile
    // suite's base map), and the sand example.
    let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/cycle-ok.chainmap.json"))
        .expect("the hostile base map");
    let maps = [import_str(&base).unwrap().map, Template::Sand.map(Lang::En), Template::Sand.map(Lang::Zh)];
    for map in maps {
        let d = diagram(&map);
        let marks: Vec<_> = d.flows.iter().filter_map(|f| f.unnamed_at).collect();
        assert_eq!(marks.len(), map.flows.iter().filter(|f| f.artifact.trim().is_empty()).count());
        for (x, y) in marks {
            let (x0, y0, x1, y1) = (x - 9.0, y - 9.0, x + 9.0, y + 9.0);
            for f in &d.flows {
                if let Some((cx, top, w, h)) = f.label {
                    let apart = x1 <= cx - w / 2.0 || x0 >= cx + w / 2.0 || y1 <= top || y0 >= top + h;
                    assert!(apart, "the ? at ({x}, {y}) covers the label of {}", f.flow);
                }
            }
            for c in &d.cards {
                let apart = x1 <= c.x || x0 >= c.x + c.w || y1 <= c.y || y0 >= c.y + c.h;
                assert!(apart, "the ? at ({x}, {y}) covers the card of {}", c.stage);
            }
        }
    }
}

#[test]
fn cards_grow_to_their_text_and_show_students() {
    let map = Template::Sand.map(Lang::En);
    let d = diagram(&map);
    let reclaim = d.cards.iter().find(|c| c.stage.as_str() == "reclaim").unwrap();
    let names: Vec<_> = reclaim.chips.iter().map(|c| c.lines.join(" ")).collect();
    assert_eq!(names, vec!["Ma", "Sun"]);
    for chip in reclaim.chips.iter() {
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
fn a_stage_nobody_works_at_shows_a_vacant_chip_and_keeps_its_height_when_a_student_comes() {
    // The alloy example: "Composition design" has nobody, "Casting trials" has Li.
    let mut map = Template::Alloy.map(Lang::En);
    let d = diagram(&map);
    let card = |d: &Diagram, id: &str| d.cards.iter().find(|c| c.stage.as_str() == id).unwrap().clone();
    let empty = card(&d, "comp");
    let staffed = card(&d, "cast");
    assert!(staffed.vacant.is_none() && !staffed.chips.is_empty());
    let (x, y, w, h) = empty.vacant.expect("the uncovered stage has a vacant chip");
    assert!(empty.chips.is_empty());
    assert!(x >= 0.0 && x + w <= empty.w && y + h <= empty.h, "{:?} inside {}×{}", empty.vacant, empty.w, empty.h);
    // The words fit in both languages, and the chip is below the name and role.
    for lang in [Lang::En, Lang::Zh] {
        let words = crate::i18n::t(lang, crate::i18n::Key::NoStudentYet);
        assert!(text::width(words, CHIP_PX) + 16.0 <= w + 0.01, "{words}");
    }
    assert!(y >= 24.0 + empty.name_lines.len() as f64 * 18.0 - 1.0);
    // Placing a topic there turns the vacant chip into a student's chip of
    // the same height: the card does not grow.
    let topic = map.topics.iter().position(|t| t.stage.as_ref().is_some_and(|s| s.as_str() == "cast")).unwrap();
    map.topics[topic].stage = Some(crate::model::Id::from("comp"));
    let d2 = diagram(&map);
    let now = card(&d2, "comp");
    assert!(now.vacant.is_none() && now.chips.len() == 1);
    assert_eq!(now.h, empty.h);
    assert!(card(&d2, "cast").vacant.is_some());
}

#[test]
fn a_students_chip_marks_the_kinds_of_the_topics_supervisors() {
    // Gao's topic has an academic supervisor; Li's an academic and an
    // enterprise one.
    let mut map = Template::Alloy.map(Lang::En);
    let chip_at = |map: &crate::model::Map, stage: &str| {
        diagram(map).cards.iter().find(|c| c.stage.as_str() == stage).unwrap().chips[0].clone()
    };
    let gao = chip_at(&map, "mech");
    let li = chip_at(&map, "cast");
    assert!(gao.academic && !gao.enterprise);
    assert!(li.academic && li.enterprise);
    assert!(matches!(gao.marks(), [Some(_), None]) && matches!(li.marks(), [Some(_), Some(_)]));
    // The marks sit inside the chip, after the name, apart from each other.
    let [Some(a), Some(e)] = li.marks() else { panic!() };
    assert!(li.x + text::width("Li", CHIP_PX) < a - 6.5 && a + 6.5 <= e - 6.5 + 4.0 && e + 6.5 <= li.x + li.w);
    assert!(li.w > gao.w - text::width("Gao", CHIP_PX) + text::width("Li", CHIP_PX));
    // Taking the enterprise supervisor off Li's topic takes the mark away
    // (the card is not served stale from the cache).
    let mut cache = LayoutCache::default();
    let before = diagram_with(&map, &mut cache);
    let t = map.topics.iter_mut().find(|t| t.id.as_str() == "t-li").unwrap();
    t.supervisors.retain(|s| s.as_str() != "wang");
    let after = diagram_with(&map, &mut cache);
    let li_after = &after.cards.iter().find(|c| c.stage.as_str() == "cast").unwrap().chips[0];
    assert!(li_after.academic && !li_after.enterprise);
    assert!(li_after.w < before.cards.iter().find(|c| c.stage.as_str() == "cast").unwrap().chips[0].w);
}

#[test]
fn no_name_is_cut_short_on_a_card_however_long() {
    // PRODUCT.md: "Chinese and English text both fit without clipping:
    // cards grow to their text." The longest names the format allows (200
    // characters), in English and Chinese, for a stage and for a student.
    let en = "Ultra-long stage name describing the complete high-temperature precipitation strengthening \
              characterisation workflow including TEM APT and SAXS measurements for the new alloy and more"
        .replace("  ", "");
    let zh = "超长环节名称新型高强铝合金在二百五十摄氏度下析出强化机理的透射电镜原子探针与小角散射综合表征流程及其数据归档与共享".repeat(3);
    let zh: String = zh.chars().take(200).collect();
    let student = "Alexandra Konstantinopoulou-Papadimitriou";
    let text = format!(
        r#"{{"format":"chainmap","version":1,"project":{{"title":"t"}},
        "stages":[{{"id":"a","name":"{en}"}},{{"id":"b","name":"{zh}"}}],
        "people":[{{"id":"p","name":"{student}","kind":"student"}},{{"id":"q","name":"欧阳小明","kind":"student"}}],
        "topics":[{{"id":"t","title":"T","student":"p","stage":"a"}},{{"id":"u","title":"U","student":"q","stage":"a"}},
                  {{"id":"v","title":"V","student":"p","stage":"b"}}]}}"#
    );
    let map = import_str(&text).unwrap().map;
    let d = diagram(&map);
    for (card, name) in d.cards.iter().zip([en.as_str(), zh.as_str()]) {
        // Every character of the name is on the card, in order.
        let shown: String = card.name_lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
        let whole: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(shown, whole);
        assert!(card.name_lines.iter().all(|l| text::width(l, crate::layout::NAME_PX) <= card.w));
        for chip in card.chips.iter() {
            let person = map.person_name(&chip.student);
            let shown: String = chip.lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(shown, person.chars().filter(|c| !c.is_whitespace()).collect::<String>());
            // The chip is inside the card, and as tall as its lines.
            assert!(chip.x + chip.w <= card.w + 0.01 && chip.y + chip.h <= card.h + 0.01, "{chip:?} in {card:?}");
            assert!(chip.h >= 20.0 + 15.0 * (chip.lines.len() as f64 - 1.0));
        }
        // Chips do not overlap one another.
        for (i, p) in card.chips.iter().enumerate() {
            for q in card.chips.iter().skip(i + 1) {
                assert!(p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y, "{p:?} {q:?}");
            }
        }
    }
    assert!(d.cards[0].chips.iter().any(|c| c.lines.len() >= 2), "the long student name wraps in its chip");
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

#[test]
fn path_data_has_one_decimal_at_most_and_curves_keep_horizontal_tangents() {
    let p = paths::Path::through(&[(0.0, 10.0), (20.0, 10.0), (60.0, 30.25), (80.0, 30.25)]);
    assert_eq!(p.svg(), "M0,10 L20,10 C40,10 40,30.3 60,30.3 L80,30.3");
    let mut s = Vec::new();
    for v in [-0.5, 12.0, 3.44, -1234.56, f64::NAN, 0.0, -0.04, 10.05, 1_000_000.0, 9_999_999.96] {
        paths::push_number(&mut s, v);
        s.push(b' ');
    }
    assert_eq!(String::from_utf8(s).unwrap(), "-0.5 12 3.4 -1234.6 0 0 0 10.1 1000000 10000000 ");
    let mut q = p.clone();
    q.shorten_end(2.0);
    assert!(q.svg().ends_with("L78,30.3"), "{}", q.svg());
}

#[test]
fn labels_in_one_gap_are_spread_without_overlap_and_stay_near_their_flows() {
    let req = |cy: f64| labels::Request {
        w: 80.0,
        h: 21.0,
        anchors: vec![labels::Anchor { cx: 300.0, cy, gap: Some(300f64.to_bits()) }],
    };
    let requests: Vec<_> = [100.0, 104.0, 108.0, 300.0].into_iter().map(req).collect();
    let boxes = labels::place(&requests, 50.0);
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1, "{a:?} {b:?}");
        }
    }
    // The three crowded ones are centred on where they wanted to be; the lone one stays.
    let mid = (boxes[0].1 + boxes[2].1 + boxes[2].3) / 2.0;
    assert!((mid - 104.0).abs() < 1.0, "{boxes:?}");
    assert_eq!(boxes[3].1, 300.0 - 10.5);
    // A second gap choice is taken when the first is crowded.
    let two = labels::Request {
        w: 80.0,
        h: 21.0,
        anchors: vec![
            labels::Anchor { cx: 300.0, cy: 104.0, gap: Some(300f64.to_bits()) },
            labels::Anchor { cx: 600.0, cy: 104.0, gap: Some(600f64.to_bits()) },
        ],
    };
    let mut more: Vec<_> = [100.0].into_iter().map(req).collect();
    more.push(two);
    assert_eq!(labels::place(&more, 0.0)[1].0, 600.0);
}

#[test]
fn loose_labels_are_pushed_down_as_by_comparing_every_pair() {
    // Labels of flows placed by hand sit where their paths are, and each
    // goes down past the labels it touches. The grid that finds them must
    // give exactly what comparing every pair gives: crowded heaps, spread
    // ones, gap labels among them, labels far apart and far off.
    for seed in 1..40u32 {
        let mut rnd = crate::seeded::mulberry32(seed);
        let n = 1 + (rnd() * 300.0) as usize;
        let spread = [40.0, 300.0, 3000.0, 1e7][seed as usize % 4];
        let mut chosen = Vec::new();
        let mut out = Vec::new();
        for _ in 0..n {
            let (cx, top) = ((rnd() - 0.5) * spread, (rnd() - 0.3) * spread / 2.0);
            let (w, h) = (18.0 + (rnd() * 160.0).round(), [18.0, 21.0, 35.0, 49.0][(rnd() * 4.0) as usize % 4]);
            let kind = rnd();
            chosen.push(if kind < 0.1 {
                None
            } else {
                Some(labels::Anchor { cx, cy: top + h / 2.0, gap: (kind < 0.3).then_some(cx.to_bits()) })
            });
            out.push((cx, top, w, h));
        }
        let mut naive = out.clone();
        labels::push_loose_down_naive(n, &chosen, &mut naive);
        labels::push_loose_down(n, &chosen, &mut out);
        assert_eq!(out, naive, "seed {seed}");
        if spread < 100.0 {
            assert!(out.iter().zip(&naive).any(|(a, _)| a.1 > spread), "seed {seed}: the heap was not pushed down");
        }
    }
}

#[test]
fn detours_go_around_boxes_in_the_way() {
    let r = |x: f64, y: f64| paths::Rect { x, y, w: 140.0, h: 60.0 };
    // a → b with c right in between.
    let rects = vec![r(0.0, 100.0), r(600.0, 100.0), r(300.0, 90.0)];
    let boxes = paths::Obstacles::new(rects.iter().copied().enumerate().map(|(i, b)| (b, i)).collect(), 2.0);
    let (p, _) = detour::route(0, 1, &rects, &boxes);
    assert!(boxes.path_hits(&p, &[0, 1]).is_empty(), "{}", p.svg());
    // Stacked boxes: a bracket on the side.
    let stacked = vec![r(0.0, 0.0), r(0.0, 200.0), r(0.0, 100.0)];
    let boxes = paths::Obstacles::new(stacked.iter().copied().enumerate().map(|(i, b)| (b, i)).collect(), 2.0);
    let (p, _) = detour::route(0, 1, &stacked, &boxes);
    assert!(boxes.path_hits(&p, &[0, 1]).is_empty(), "{}", p.svg());
}

#[test]
fn a_stage_placed_by_hand_gets_detours_and_the_others_keep_their_routes() {
    let mut map = Template::Alloy.map(Lang::En);
    let auto = diagram(&map);
    // Move the second stage far below the chain.
    let id = map.stages[1].id.clone();
    map.stages[1].pos = Some(crate::model::Pos { x: 40.0, y: 600.0, extra: Vec::new() });
    let d = diagram(&map);
    let card = d.cards.iter().find(|c| c.stage == id).unwrap();
    assert_eq!((card.x, card.y), (40.0, 600.0));
    for (f, a) in d.flows.iter().zip(&auto.flows) {
        let flow = &map.flows[f.index];
        if flow.from != id && flow.to != id {
            assert_eq!(f.d, a.d, "flow {} was not touched", f.flow);
        } else {
            assert_ne!(f.d, a.d, "flow {} follows the stage", f.flow);
        }
    }
    assert!(d.height >= 600.0 + card.h);
}

#[test]
fn positions_written_back_reproduce_the_diagram() {
    for t in Template::ALL {
        let map = t.map(Lang::En);
        let d = diagram(&map);
        let mut placed = map.clone();
        for (s, (id, x, y)) in placed.stages.iter_mut().zip(auto_positions(&map, false)) {
            assert_eq!(s.id, id);
            s.pos = Some(crate::model::Pos { x, y, extra: Vec::new() });
        }
        assert_eq!(diagram(&placed), d, "{t:?}");
        assert_eq!(auto_positions(&placed, true), auto_positions(&map, false));
    }
}

#[test]
fn a_stage_placed_above_and_left_of_the_chain_moves_the_drawing_not_the_others() {
    let mut map = Template::Alloy.map(Lang::En);
    let auto = diagram(&map);
    assert_eq!(auto.shift, (0.0, 0.0));
    let id = map.stages[1].id.clone();
    map.stages[1].pos = Some(crate::model::Pos { x: -200.0, y: -100.5, extra: Vec::new() });
    let d = diagram(&map);
    // Everything is drawn at 0 or beyond: the card is not cut off.
    let card = d.cards.iter().find(|c| c.stage == id).unwrap();
    assert!(d.cards.iter().all(|c| c.x >= 0.0 && c.y >= 0.0));
    assert!(d.lanes.iter().all(|l| l.x >= 0.0));
    // The drawing moves by what the card is before 0 on the left, and above
    // the lanes' titles on the top (whole units); the lane stretched to
    // hold it stops at the drawing's edge.
    assert_eq!(d.shift, (200.0, 101.0 + LANE_HEADER));
    assert_eq!(card.y, LANE_HEADER + 0.5, "below the titles");
    assert_eq!(d.lanes[0].x, 0.0);
    assert_eq!((card.x, card.y), (-200.0 + d.shift.0, -100.5 + d.shift.1));
    assert_eq!(d.map_point(card.x, card.y), (-200.0, -100.5));
    // The other cards keep their places relative to the map's origin.
    for (c, a) in d.cards.iter().zip(&auto.cards).filter(|(c, _)| c.stage != id) {
        assert_eq!(d.map_point(c.x, c.y), (a.x, a.y), "{}", c.stage);
    }
    // Positions written back are map positions: they give the same drawing.
    let mut placed = map.clone();
    for (s, (_, x, y)) in placed.stages.iter_mut().zip(auto_positions(&map, true)) {
        s.pos = Some(crate::model::Pos { x, y, extra: Vec::new() });
    }
    assert_eq!(placed.stages[1].pos.as_ref().map(|p| (p.x, p.y)), Some((-200.0, -100.5)));
    assert_eq!(diagram(&placed), d);
}

#[test]
fn the_overview_draws_every_card_box_and_every_route_and_finds_the_card_clicked() {
    let map = Template::Alloy.map(Lang::En);
    let d = diagram(&map);
    let boxes = overview::boxes_path(&d.cards);
    assert_eq!(boxes.matches('M').count(), d.cards.len());
    assert_eq!(boxes.matches('z').count(), d.cards.len());
    // The first box, as the card is placed (one decimal at most).
    let c = &d.cards[0];
    let first = boxes.split('z').next().unwrap();
    let nums: Vec<f64> =
        first.trim_start_matches('M').split(['h', 'v', ',']).map(|n| n.parse::<f64>().unwrap()).collect();
    let close = |a: f64, b: f64| (a - b).abs() <= 0.05;
    assert!(close(nums[0], c.x) && close(nums[1], c.y) && close(nums[2], c.w) && close(nums[3], c.h), "{first}");
    assert!(close(nums[4], -c.w));
    let routes = overview::routes_path(&d.flows);
    let moves = d.flows.iter().map(|f| f.d.matches('M').count()).sum::<usize>();
    assert_eq!(routes.matches('M').count(), moves);
    assert!(moves >= d.flows.len());

    // A point inside a card finds it; a point just beside it finds it
    // within reach and not beyond; empty canvas far away finds nothing.
    let (cx, cy) = (c.x + c.w / 2.0, c.y + c.h / 2.0);
    assert_eq!(overview::card_near(&d, cx, cy, 0.0).map(|k| &k.stage), Some(&c.stage));
    let beside = (c.x - 5.0, cy);
    let nearest_other = d
        .cards
        .iter()
        .filter(|k| k.stage != c.stage)
        .map(|k| {
            (k.x - beside.0)
                .max(beside.0 - (k.x + k.w))
                .max(0.0)
                .hypot((k.y - beside.1).max(beside.1 - (k.y + k.h)).max(0.0))
        })
        .fold(f64::INFINITY, f64::min);
    assert!(nearest_other > 5.0);
    assert_eq!(overview::card_near(&d, beside.0, beside.1, 6.0).map(|k| &k.stage), Some(&c.stage));
    assert!(overview::card_near(&d, beside.0, beside.1, 4.0).is_none());
    assert!(overview::card_near(&d, -10_000.0, -10_000.0, 50.0).is_none());
    // Anywhere on the drawing, the card found is one of the nearest.
    let dist = |k: &Card, x: f64, y: f64| {
        (k.x - x).max(x - (k.x + k.w)).max(0.0).hypot((k.y - y).max(y - (k.y + k.h)).max(0.0))
    };
    for i in 0..40 {
        for j in 0..20 {
            let (x, y) = (d.width * i as f64 / 39.0, d.height * j as f64 / 19.0);
            let least = d.cards.iter().map(|k| dist(k, x, y)).fold(f64::INFINITY, f64::min);
            let found = overview::card_near(&d, x, y, 1e6).expect("some card");
            assert_eq!(dist(found, x, y), least, "at ({x}, {y})");
            if least > 0.5 {
                assert!(overview::card_near(&d, x, y, least - 0.5).is_none());
            }
        }
    }
}
