use super::*;
use crate::format::{export, validate};
use crate::model::{Id, IdSource, PersonKind, SeqIds};
use crate::templates::Template;

fn id(s: &str) -> Id {
    Id::from(s)
}

fn alloy() -> Editor {
    Editor::new(Template::Alloy.map(Lang::En), Lang::En)
}

fn edit(e: &Editor, edit: Edit) -> Editor {
    reduce(e, Action::Edit(edit))
}

#[test]
fn adding_a_stage_is_one_undoable_step() {
    let e0 = alloy();
    let e1 =
        edit(&e0, Edit::AddStage { id: id("new"), name: "Fatigue tests".into(), phase: Some(id("pilot")), pos: None });
    assert_eq!(e1.map().stages.len(), e0.map().stages.len() + 1);
    assert_eq!(e1.revision, 1);
    let back = reduce(&e1, Action::Undo);
    assert_eq!(*back.doc, *e0.doc);
    let again = reduce(&back, Action::Redo);
    assert_eq!(*again.doc, *e1.doc);
}

#[test]
fn every_change_is_announced_and_undo_and_redo_say_what_they_took_back() {
    let e0 = alloy();
    assert_eq!(e0.session.announce, None);
    assert_eq!(e0.history.undo_change(), None);
    let renamed = Change::One { verb: Verb::Renamed, kind: Kind::Stage, name: "Casting trials".into() };
    let e1 = edit(&e0, Edit::RenameStage { id: id("cast"), name: "Casting".into() });
    let said = e1.session.announce.clone().expect("announced");
    assert_eq!((said.step, &said.change, said.revision), (Step::Done, &renamed, 1));
    assert_eq!(e1.history.undo_change(), Some(&renamed));
    // Selecting or zooming changes nothing to announce.
    let selected = reduce(&e1, Action::Select(Some(Selection::Stage(id("cast")))));
    assert_eq!(selected.session.announce, e1.session.announce);
    let back = reduce(&e1, Action::Undo);
    let said = back.session.announce.clone().expect("announced");
    assert_eq!((said.step, &said.change), (Step::Undone, &renamed));
    assert_eq!(back.history.undo_change(), None);
    assert_eq!(back.history.redo_change(), Some(&renamed));
    let again = reduce(&back, Action::Redo);
    assert_eq!(again.session.announce.as_ref().map(|a| a.step), Some(Step::Redone));
    assert_ne!(again.session.announce.as_ref().map(|a| a.revision), back.session.announce.as_ref().map(|a| a.revision));
    // A refused edit announces nothing new.
    let refused = edit(&again, Edit::RenameStage { id: id("cast"), name: "  ".into() });
    assert_eq!(refused.session.announce, again.session.announce);
}

#[test]
fn an_edit_that_would_break_the_map_is_refused_and_changes_nothing() {
    let e0 = alloy();
    for bad in [
        Edit::RenameStage { id: id("cast"), name: "   ".into() },
        Edit::AddFlow { id: id("fx"), from: id("cast"), to: id("cast"), artifact: "x".into() },
        Edit::AddFlow { id: id("fx"), from: id("cast"), to: id("nowhere"), artifact: "x".into() },
        Edit::AddStage { id: id("cast"), name: "Duplicate".into(), phase: None, pos: None },
        Edit::AddStage { id: id("bad id"), name: "x".into(), phase: None, pos: None },
        Edit::SetStagePhase { id: id("cast"), phase: Some(id("market")) },
        Edit::SetDefenseDate { id: id("t-li"), date: "2027-02-30".into() },
        Edit::RenameStage { id: id("gone"), name: "x".into() },
        Edit::SetPersonKind { id: id("li"), kind: PersonKind::AcademicSupervisor },
        Edit::SetPersonKind { id: id("wang"), kind: PersonKind::Student },
        Edit::MoveStages(vec![StageMove { id: id("cast"), pos: Some((f64::NAN, 0.0)), phase: None }]),
    ] {
        let e1 = edit(&e0, bad.clone());
        assert_eq!(e1.doc, e0.doc, "{bad:?} changed the map");
        assert_eq!(e1.revision, 0);
        assert!(e1.session.refusal.is_some(), "{bad:?} gave no reason");
        assert!(!e1.history.can_undo());
    }
}

#[test]
fn deleting_a_stage_takes_its_flows_and_unplaces_its_topics_undoably() {
    let e0 = alloy();
    let e1 = edit(&e0, Edit::DeleteStage { id: id("cast") });
    let m = e1.map();
    assert!(m.stage(&id("cast")).is_none());
    assert!(m.flows.iter().all(|f| f.from != id("cast") && f.to != id("cast")));
    assert_eq!(m.topic(&id("t-li")).unwrap().stage, None);
    assert!(validate::check(m).is_empty());
    assert_eq!(export(&reduce(&e1, Action::Undo).doc), export(&e0.doc));
}

#[test]
fn deleting_a_person_cascades() {
    let e0 = alloy();
    let m = edit(&e0, Edit::DeletePerson { id: id("li") });
    assert!(m.map().topic(&id("t-li")).is_none(), "a student's topics go with them");
    let m = edit(&e0, Edit::DeletePerson { id: id("wang") });
    assert!(m.map().topics.iter().all(|t| !t.supervisors.contains(&id("wang"))));
}

#[test]
fn undo_reaches_at_least_200_steps_and_redo_returns_every_one() {
    let mut e = Editor::new(Template::Empty.map(Lang::En), Lang::En);
    let mut ids = SeqIds(1);
    let mut exports = vec![export(&e.doc)];
    for i in 0..250 {
        let sid = ids.fresh("stage", &|_| false);
        e = edit(&e, Edit::AddStage { id: sid, name: format!("Stage {i}"), phase: None, pos: None });
        exports.push(export(&e.doc));
    }
    for i in (0..250).rev() {
        e = reduce(&e, Action::Undo);
        assert_eq!(export(&e.doc), exports[i]);
    }
    for want in exports.iter().skip(1) {
        e = reduce(&e, Action::Redo);
        assert_eq!(&export(&e.doc), want);
    }
}

#[test]
fn a_new_edit_clears_redo() {
    let e0 = alloy();
    let e1 = edit(&e0, Edit::RenameStage { id: id("cast"), name: "Casting".into() });
    let e2 = reduce(&e1, Action::Undo);
    let e3 = edit(&e2, Edit::RenameStage { id: id("heat"), name: "Heat".into() });
    assert!(!e3.history.can_redo());
}

#[test]
fn selection_only_names_things_that_exist() {
    let e0 = alloy();
    let e1 = reduce(&e0, Action::Select(Some(Selection::Stage(id("cast")))));
    let e2 = reduce(&e1, Action::ToggleSelect(Selection::Stage(id("heat"))));
    assert_eq!(e2.session.selection.len(), 2);
    let e3 = edit(&e2, Edit::DeleteStage { id: id("cast") });
    assert_eq!(e3.session.selection, vec![Selection::Stage(id("heat"))]);
    let e4 = reduce(&e3, Action::ToggleSelect(Selection::Stage(id("heat"))));
    assert!(e4.session.selection.is_empty());
}

#[test]
fn session_changes_are_not_undo_steps() {
    let e0 = alloy();
    let e1 = reduce(&e0, Action::Select(Some(Selection::Stage(id("cast")))));
    let e2 = reduce(&e1, Action::SetLang(Lang::Zh));
    let e3 = reduce(&e2, Action::SetViewport(Viewport { x: 10.0, y: 5.0, zoom: 99.0, ..Viewport::default() }));
    assert!(!e3.history.can_undo());
    assert_eq!(e3.revision, 0);
    assert_eq!(e3.session.viewport.zoom, session::MAX_ZOOM);
}

#[test]
fn moving_phases_reorders_lanes_and_deleting_keeps_stages() {
    let e0 = alloy();
    let e1 = edit(&e0, Edit::MovePhase { id: id("production"), to: 0 });
    let order: Vec<_> = e1.map().project.phases.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(order, ["production", "lab", "pilot"]);
    let e2 = edit(&e1, Edit::DeletePhase { id: id("pilot") });
    assert_eq!(e2.map().stages.len(), e0.map().stages.len());
    assert_eq!(e2.map().stage(&id("cast")).unwrap().phase, None);
}

#[test]
fn a_batch_is_one_step_and_all_or_nothing() {
    let e0 = alloy();
    let e1 = edit(&e0, Edit::Batch(vec![Edit::DeleteFlow { id: id("f1") }, Edit::DeleteStage { id: id("mech") }]));
    assert_eq!(e1.history.undo_len(), 1);
    let bad = edit(&e0, Edit::Batch(vec![Edit::DeleteFlow { id: id("f1") }, Edit::DeleteFlow { id: id("f1") }]));
    assert_eq!(bad.doc, e0.doc);
}

#[test]
fn creating_something_selects_it_and_marks_it_fresh() {
    let e0 = alloy();
    let sid = id("stage-new");
    let e1 = reduce(
        &e0,
        Action::EditAndSelect(
            Edit::AddStage { id: sid.clone(), name: "New stage".into(), phase: Some(id("lab")), pos: None },
            Selection::Stage(sid.clone()),
        ),
    );
    assert_eq!(e1.session.selection, vec![Selection::Stage(sid)]);
    assert!(e1.session.fresh);
    let refused = reduce(
        &e0,
        Action::EditAndSelect(
            Edit::AddStage { id: id("cast"), name: "dup".into(), phase: None, pos: None },
            Selection::Stage(id("cast")),
        ),
    );
    assert!(refused.session.selection.is_empty(), "a refused creation selects nothing");
}

#[test]
fn replacing_the_map_asks_for_a_fit_and_clears_the_selection() {
    let e0 = reduce(&alloy(), Action::SetViewport(Viewport::default()));
    assert!(!e0.session.fit_pending);
    let e1 = reduce(&e0, Action::Select(Some(Selection::Stage(id("cast")))));
    let e2 = edit(&e1, Edit::Replace(Box::new(Template::Sand.map(Lang::En))));
    assert!(e2.session.fit_pending);
    assert!(e2.session.selection.is_empty());
    assert_eq!(*reduce(&e2, Action::Undo).doc, *e0.doc, "opening a file is undoable");
}

#[test]
fn an_edit_after_export_json_is_known_as_not_exported() {
    let e0 = alloy();
    let exported = reduce(&e0, Action::Exported("10:00".into()));
    assert_eq!(exported.session.exported_revision, Some(exported.revision));
    // Session actions do not change the document: still as exported.
    let looked = reduce(&exported, Action::Select(None));
    assert_eq!(looked.session.exported_revision, Some(looked.revision));
    // An edit does.
    let added = edit(
        &looked,
        Edit::AddStage { id: id("new"), name: "Fatigue tests".into(), phase: Some(id("pilot")), pos: None },
    );
    assert_ne!(added.session.exported_revision, Some(added.revision));
    assert_eq!(added.session.last_exported.as_deref(), Some("10:00"));
}

#[test]
fn a_drawing_smaller_than_the_canvas_is_centred_and_a_larger_one_starts_at_the_edge() {
    assert_eq!(centre_offset(600.0, 800.0), 100.0);
    assert_eq!(centre_offset(800.0, 800.0), 0.0);
    assert_eq!(centre_offset(1200.0, 800.0), 0.0);
    assert_eq!(centre_offset(f64::NAN, 800.0), 0.0);
    assert_eq!(centre_offset(100.0, 0.0), 0.0);
}

/// A view scrolled to (x, y) at `zoom`, without pads.
fn at(x: f64, y: f64, zoom: f64) -> Viewport {
    Viewport { x, y, zoom, ..Viewport::default() }
}

/// Where diagram point `p` is drawn (pixels from the canvas's corner), as
/// the canvas lays out the drawing and its pads.
fn on_screen(v: Viewport, p: (f64, f64), size: (f64, f64), view: (f64, f64)) -> (f64, f64) {
    let (px, py) = v.shown_pads(size, view);
    (px + (p.0 - v.x) * v.zoom, py + (p.1 - v.y) * v.zoom)
}

#[test]
fn zooming_a_large_diagram_keeps_the_point_under_the_pointer() {
    let (size, view) = ((4000.0, 3000.0), (800.0, 600.0));
    let v = at(100.0, 50.0, 1.0);
    let z = v.zoom_at(1.25, (200.0, 100.0), size, view);
    assert_eq!(z, at(140.0, 70.0, 1.25));
    let z = v.zoom_at(0.8, (200.0, 100.0), size, view);
    // (300, 150) stays at (200, 100).
    let (x, y) = on_screen(z, (300.0, 150.0), size, view);
    assert!((x - 200.0).abs() < 1e-9 && (y - 100.0).abs() < 1e-9, "{x} {y}");
}

#[test]
fn zooming_out_until_the_diagram_fits_centres_it() {
    let (size, view) = ((1000.0, 200.0), (800.0, 600.0));
    let z = at(100.0, 0.0, 1.0).zoom_at(0.5, (400.0, 300.0), size, view);
    assert_eq!(z, Viewport { x: 0.0, y: 0.0, zoom: 0.5, pad_x: 150.0, pad_y: 250.0 });
    assert_eq!(z.shown_pads(size, view), (150.0, 250.0));
}

#[test]
fn zooming_out_stops_at_ten_percent_or_where_a_bigger_diagram_fits_whole() {
    let view = (800.0, 600.0);
    let out = |size: (f64, f64)| {
        let mut v = at(0.0, 0.0, 1.0);
        for _ in 0..200 {
            v = v.zoom_at(0.8, (400.0, 300.0), size, view);
        }
        v
    };
    // A map that fits at 10 % and more stops at 10 %.
    assert_eq!(out((3000.0, 2000.0)).zoom, MIN_ZOOM);
    // 2,000 stages of the bench (2,056 × 33,355): it fits at 1.75 %, and
    // zoomed out as far as it goes, all of it is on screen, centred.
    let size = (2056.0, 33355.0);
    let z = out(size);
    assert!((z.zoom - (600.0 - 16.0) / 33355.0).abs() < 1e-12, "{}", z.zoom);
    assert_eq!(z.zoom, Viewport::fit_zoom(size, view));
    assert!(z.drawn(size.1) <= 600.0 && z.drawn(size.0) <= 800.0);
    assert_eq!((z.x, z.y), (0.0, 0.0));
    assert!(z.pad_x > 300.0);
    // Zooming in from there works as before.
    assert!(z.zoom_at(1.25, (400.0, 300.0), size, view).zoom > z.zoom);
    // A degenerate drawing or canvas never gives a zoom outside the bounds.
    for (size, view) in [((0.0, 0.0), view), ((1e12, 1e12), view), (size, (0.0, 0.0)), (size, (f64::NAN, 5.0))] {
        let f = Viewport::fit_zoom(size, view);
        assert!((ZOOM_FLOOR..=1.0).contains(&f), "{size:?} {view:?}: {f}");
    }
    assert_eq!(Viewport { zoom: 1e-9, ..at(0.0, 0.0, 1.0) }.clamped().zoom, ZOOM_FLOOR);
}

#[test]
fn zooming_in_from_a_centred_diagram_keeps_the_point_under_the_pointer() {
    let (size, view) = ((1000.0, 200.0), (800.0, 600.0));
    let v = Viewport::centred(0.0, 0.0, 0.5, size, view);
    // The pointer at (500, 300) is over diagram point (700, 100): the
    // drawing (500 × 100) starts 150 px right and 250 px down.
    assert_eq!(on_screen(v, (700.0, 100.0), size, view), (500.0, 300.0));
    let z = v.zoom_at(2.0, (500.0, 300.0), size, view);
    assert_eq!(z.zoom, 1.0);
    assert!((on_screen(z, (700.0, 100.0), size, view).0 - 500.0).abs() < 1e-9);
    // Still shorter than the canvas: centred, not scrolled.
    assert_eq!((z.y, z.pad_y), (0.0, 200.0));
}

#[test]
fn zooming_never_scrolls_past_the_drawing() {
    let (size, view) = ((2000.0, 2000.0), (800.0, 600.0));
    // Scrolled to the far end, zooming out about the left edge.
    let z = at(1200.0, 1400.0, 1.0).zoom_at(0.8, (0.0, 0.0), size, view);
    assert_eq!(z.x, (1600.0 - 800.0) / 0.8);
    assert_eq!(z.y, (1600.0 - 600.0) / 0.8);
    // And never before its start.
    let z = at(10.0, 10.0, 1.0).zoom_at(0.9, (800.0, 600.0), size, view);
    assert!(z.x >= 0.0 && z.y >= 0.0);
    assert_eq!(at(0.0, 0.0, 1.0).zoom_at(0.9, (800.0, 600.0), size, view).x, 0.0);
}

#[test]
fn a_centred_drawing_stays_put_while_it_grows_until_it_meets_the_far_edge() {
    let view = (800.0, 600.0);
    let v = Viewport::centred(0.0, 0.0, 1.0, (400.0, 200.0), view);
    assert_eq!((v.pad_x, v.pad_y), (200.0, 200.0));
    // A card dropped 150 px below the others: the drawing grows downwards
    // and nothing already drawn moves.
    assert_eq!(v.shown_pads((400.0, 350.0), view), (200.0, 200.0));
    assert_eq!(on_screen(v, (10.0, 10.0), (400.0, 350.0), view), on_screen(v, (10.0, 10.0), (400.0, 200.0), view));
    // Grown past the canvas's bottom edge: the drawing ends at that edge…
    assert_eq!(v.shown_pads((400.0, 500.0), view), (200.0, 100.0));
    // …and once longer than the canvas it starts at the top and scrolls.
    assert_eq!(v.shown_pads((400.0, 700.0), view), (200.0, 0.0));
    // A drawing that shrinks keeps its place too.
    assert_eq!(v.shown_pads((300.0, 100.0), view), (200.0, 200.0));
}

#[test]
fn a_centred_drawing_stays_centred_when_the_canvas_resizes() {
    let size = (400.0, 200.0);
    let v = Viewport::centred(0.0, 0.0, 1.0, size, (800.0, 600.0));
    let r = v.resized((800.0, 600.0), (1000.0, 500.0));
    assert_eq!((r.pad_x, r.pad_y), (300.0, 150.0));
    assert_eq!(
        r.shown_pads(size, (1000.0, 500.0)),
        Viewport::centred(0.0, 0.0, 1.0, size, (1000.0, 500.0)).shown_pads(size, (1000.0, 500.0))
    );
    // A drawing that starts at the edge (no pad) stays there.
    let big = at(0.0, 0.0, 1.0).resized((800.0, 600.0), (1000.0, 500.0));
    assert_eq!((big.pad_x, big.pad_y), (0.0, 0.0));
}

#[test]
fn pads_from_a_bad_source_are_made_harmless() {
    let v = Viewport { pad_x: f64::NAN, pad_y: -5.0, ..Viewport::default() }.clamped();
    assert_eq!((v.pad_x, v.pad_y), (0.0, 0.0));
}

#[test]
fn when_the_drawing_grows_left_or_up_the_view_keeps_everything_on_screen_in_place() {
    // Zoom 0.5, a pad of 100 px before the drawing on the left, none above
    // (the view is scrolled 40 units down).
    let v = Viewport { x: 0.0, y: 40.0, zoom: 0.5, pad_x: 100.0, pad_y: 0.0 };
    // The origin moves 60 units right (a card dropped 60 units left of the
    // drawing) and 30 down: the pad absorbs 30 px, the scroll takes 15 px more.
    let s = v.shifted((60.0, 30.0), (100.0, 0.0));
    assert_eq!((s.pad_x, s.x), (70.0, 0.0));
    assert_eq!((s.pad_y, s.y), (0.0, 70.0));
    // A screen point of the old drawing: pad + (point - scroll) * zoom.
    let screen = |pad: f64, scroll: f64, zoom: f64, p: f64| pad + (p - scroll) * zoom;
    assert_eq!(screen(100.0, 0.0, 0.5, 10.0), screen(s.pad_x, s.x, 0.5, 10.0 + 60.0));
    assert_eq!(screen(0.0, 40.0, 0.5, 90.0), screen(s.pad_y, s.y, 0.5, 90.0 + 30.0));
    // More than the pad can take: the rest is scrolled.
    let far = v.shifted((500.0, 0.0), (100.0, 0.0));
    assert_eq!((far.pad_x, far.x), (0.0, 300.0));
    // The drawing shrinks back (Undo): the scroll, then the pad, give it back.
    let back = s.shifted((-60.0, -30.0), (s.pad_x, 0.0));
    assert_eq!((back.pad_x, back.x, back.pad_y, back.y), (100.0, 0.0, 0.0, 40.0));
}

#[test]
fn checking_only_what_an_edit_changed_agrees_with_checking_the_whole_map() {
    // Texts that pass and texts that break each rule, positions in and out
    // of range, lanes that exist and one that does not.
    let long = "x".repeat(201);
    let very_long = "y".repeat(10_001);
    let texts: Vec<String> =
        ["", "   ", "ok", "两行\n文本", "tab\there", "bell\u{7}", "del\u{7f}", "  padded  ", "中文名称"]
            .iter()
            .map(|s| s.to_string())
            .chain([long, very_long])
            .collect();
    let coords = [0.0, -40.5, 1.0e7, -1.0e7, 1.0e7 + 1.0, f64::NAN, f64::INFINITY, 123.4];
    let mut seed = 7u64;
    let mut next = move |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    for t in Template::ALL {
        let mut map = t.map(Lang::En);
        assert!(validate::check(&map).is_empty());
        for _ in 0..400 {
            let text = texts[next(texts.len())].clone();
            let pick = |ids: Vec<Id>, k: usize| ids.get(k % ids.len().max(1)).cloned().unwrap_or_else(|| id("none"));
            let stage = pick(map.stages.iter().map(|s| s.id.clone()).collect(), next(50));
            let e = match next(13) {
                0 => Edit::SetTitle(text),
                1 => Edit::SetSource(text),
                2 => Edit::SetBackground(text),
                3 => Edit::RenamePhase {
                    id: pick(map.project.phases.iter().map(|p| p.id.clone()).collect(), next(9)),
                    name: text,
                },
                4 => Edit::RenameStage { id: stage, name: text },
                5 => Edit::SetStageRole { id: stage, role: text },
                6 => Edit::SetFlowArtifact {
                    id: pick(map.flows.iter().map(|f| f.id.clone()).collect(), next(50)),
                    artifact: text,
                },
                7 => Edit::RenamePerson {
                    id: pick(map.people.iter().map(|p| p.id.clone()).collect(), next(50)),
                    name: text,
                },
                8 => Edit::SetAffiliation {
                    id: pick(map.people.iter().map(|p| p.id.clone()).collect(), next(50)),
                    affiliation: text,
                },
                9 => Edit::SetTopicTitle {
                    id: pick(map.topics.iter().map(|t| t.id.clone()).collect(), next(50)),
                    title: text,
                },
                10 => Edit::SetTopicNotes {
                    id: pick(map.topics.iter().map(|t| t.id.clone()).collect(), next(50)),
                    notes: text,
                },
                _ => {
                    let phases: Vec<Id> = map.project.phases.iter().map(|p| p.id.clone()).chain([id("nope")]).collect();
                    let moves = (0..1 + next(3))
                        .map(|k| StageMove {
                            id: if k == 0 {
                                stage.clone()
                            } else {
                                pick(map.stages.iter().map(|s| s.id.clone()).collect(), next(50))
                            },
                            pos: (next(4) > 0).then(|| (coords[next(coords.len())], coords[next(coords.len())])),
                            phase: match next(3) {
                                0 => None,
                                1 => Some(None),
                                _ => Some(Some(phases[next(phases.len())].clone())),
                            },
                        })
                        .collect();
                    Edit::MoveStages(moves)
                }
            };
            let quick = apply(&map, e.clone());
            let whole = apply::apply_checking_all(&map, e.clone());
            assert_eq!(quick, whole, "{t:?}: {e:?}");
            if let Ok(next_map) = quick {
                map = next_map;
                assert!(validate::check(&map).is_empty());
            }
        }
    }
}

#[test]
fn revealing_a_box_scrolls_as_little_as_it_takes() {
    // A drawing of 4,000 × 3,000 units at zoom 0.5 in an 800 × 600 view,
    // scrolled to (1,000, 1,000) units: the view shows x 1,000–2,600.
    let size = (4000.0, 3000.0);
    let view = (800.0, 600.0);
    let v = Viewport { x: 1000.0, y: 1000.0, zoom: 0.5, pad_x: 0.0, pad_y: 0.0 };
    // A box in view: nothing moves.
    assert_eq!(v.reveal((1200.0, 1200.0, 100.0, 50.0), size, view, 24.0), v);
    // Left of the view: scrolled until it is 24 px from the left edge.
    let left = v.reveal((500.0, 1200.0, 100.0, 50.0), size, view, 24.0);
    assert_eq!((left.x, left.y), ((250.0 - 24.0) / 0.5, 1000.0));
    // Below the view: scrolled until its bottom is 24 px above the bottom edge.
    let below = v.reveal((1200.0, 2300.0, 100.0, 100.0), size, view, 24.0);
    assert_eq!(below.y, (1200.0 - 600.0 + 24.0) / 0.5);
    // Never past the drawing's ends.
    let corner = v.reveal((0.0, 0.0, 10.0, 10.0), size, view, 24.0);
    assert_eq!((corner.x, corner.y), (0.0, 0.0));
    // A drawing smaller than the view is all in view: nothing moves.
    let small = Viewport::centred(0.0, 0.0, 1.0, (300.0, 200.0), view);
    assert_eq!(small.reveal((250.0, 150.0, 40.0, 40.0), (300.0, 200.0), view, 24.0), small);
}

#[test]
fn a_notice_lasts_until_the_document_changes() {
    // A merge is an edit followed by its notice ("Merged: …"); the notice
    // goes at the next change of the document (an edit, an undo, a redo),
    // not at a session change or an edit that changes nothing.
    let merged = edit(&alloy(), Edit::RenameStage { id: id("cast"), name: "Casting".into() });
    let shown = reduce(&merged, Action::Notice(Some("Merged: 1 stage".into())));
    // Said by the app after its edit: the banner does not offer Undo.
    assert!(!shown.session.notice_undo);
    assert_eq!(
        reduce(&shown, Action::Select(Some(Selection::Stage(id("cast"))))).session.notice.as_deref(),
        Some("Merged: 1 stage")
    );
    assert!(reduce(&shown, Action::SetLang(Lang::Zh)).session.notice.is_some());
    assert!(edit(&shown, Edit::RenameStage { id: id("cast"), name: "Casting".into() }).session.notice.is_some());
    assert_eq!(reduce(&shown, Action::Undo).session.notice, None);
    assert_eq!(edit(&shown, Edit::RenameStage { id: id("cast"), name: "Casting trials".into() }).session.notice, None);
    let undone = reduce(&reduce(&shown, Action::Undo), Action::Notice(Some("x".into())));
    assert_eq!(reduce(&undone, Action::Redo).session.notice, None);
    // An edit that is refused changes nothing, and leaves the notice.
    let refused = edit(&shown, Edit::RenameStage { id: id("cast"), name: "  ".into() });
    assert!(refused.session.notice.is_some() && refused.session.refusal.is_some());
}

#[test]
fn what_a_deletion_leaves_next_to_it() {
    let map = Template::Alloy.map(Lang::En);
    let stage = |s: &str| Selection::Stage(id(s));
    let person = |s: &str| Selection::Person(id(s));
    let left = |edit: Edit| neighbour(&map, &deleted(&edit));
    // A stage: the next card in the diagram's order, else the one before.
    assert_eq!(left(Edit::DeleteStage { id: id("cast") }), Some(stage("heat")));
    assert_eq!(left(Edit::DeleteStage { id: id("cert") }), Some(stage("part")));
    // Several: the next one that is left after the last of them.
    let batch = Edit::Batch(vec![Edit::DeleteStage { id: id("heat") }, Edit::DeleteStage { id: id("cast") }]);
    assert_eq!(deleted(&batch), vec![stage("heat"), stage("cast")]);
    assert_eq!(left(batch), Some(stage("part")));
    let all: Vec<Selection> = map.stages.iter().map(|s| Selection::Stage(s.id.clone())).collect();
    assert_eq!(neighbour(&map, &all), None);
    // A flow: the stage it comes from, else the one it goes to.
    assert_eq!(left(Edit::DeleteFlow { id: id("f3") }), Some(stage("cast")));
    assert_eq!(neighbour(&map, &[stage("cast"), Selection::Flow(id("f3"))]), Some(stage("heat")));
    // A phase: its first stage, which stays.
    assert_eq!(left(Edit::DeletePhase { id: id("pilot") }), Some(stage("cast")));
    // A topic: its student; a person: the next one in the same list.
    assert_eq!(left(Edit::DeleteTopic { id: id("t-li") }), Some(person("li")));
    assert_eq!(left(Edit::DeletePerson { id: id("li") }), Some(person("chen")));
    assert_eq!(left(Edit::DeletePerson { id: id("zhao") }), Some(person("chen")));
    assert_eq!(left(Edit::DeletePerson { id: id("zhang") }), Some(person("wang")));
    // Not a deletion, or nothing known: nothing.
    assert_eq!(left(Edit::RenameStage { id: id("cast"), name: "x".into() }), None);
    assert_eq!(left(Edit::DeleteStage { id: id("gone") }), None);
}

#[test]
fn a_deletion_that_takes_more_than_it_names_says_so_until_the_next_change() {
    let e0 = alloy();
    let e1 = edit(&e0, Edit::DeletePerson { id: id("li") });
    assert!(e1.map().topic(&id("t-li")).is_none());
    assert_eq!(e1.session.notice.as_deref(), Some("Removed Li and 1 topic. Undo brings it all back."));
    // The banner offers Undo for it (it is about the last change).
    assert!(e1.session.notice_undo);
    // Undo brings the topic back, and the notice goes (it is about the last thing done).
    let back = reduce(&e1, Action::Undo);
    assert!(back.map().topic(&id("t-li")).is_some());
    assert_eq!(back.session.notice, None);
    // The next edit clears it too.
    let next = edit(&e1, Edit::RenameStage { id: id("cast"), name: "Casting".into() });
    assert_eq!(next.session.notice, None);
    // A stage with flows and a topic; a phase with stages; in Chinese.
    let e2 = edit(&e0, Edit::DeleteStage { id: id("cast") });
    assert!(e2.session.notice.as_deref().is_some_and(|n| n.contains("1 topic is no longer placed")));
    let e3 = edit(&reduce(&e0, Action::SetLang(Lang::Zh)), Edit::DeletePhase { id: id("pilot") });
    assert_eq!(
        e3.session.notice.as_deref(),
        Some("已移除阶段“Pilot test”；2 个环节现在不属于任何阶段。可用“撤销”全部恢复。")
    );
    // What takes nothing along leaves no notice; nor does a refused deletion.
    assert_eq!(edit(&e0, Edit::DeleteTopic { id: id("t-li") }).session.notice, None);
    assert_eq!(edit(&e0, Edit::DeletePerson { id: id("zhao") }).session.notice, None);
    assert_eq!(edit(&e0, Edit::DeleteStage { id: id("gone") }).session.notice, None);
}

#[test]
fn a_refused_text_edit_names_its_field_until_the_next_edit_is_made() {
    let e0 = alloy();
    let refused = edit(&e0, Edit::RenameStage { id: id("cast"), name: "  ".into() });
    assert_eq!(refused.session.refused_field, Some(Field::StageName(id("cast"))));
    assert!(refused.session.refusal.is_some());
    // A session change keeps the mark; a made edit clears it; so does Dismiss.
    let selected = reduce(&refused, Action::Select(Some(Selection::Stage(id("heat")))));
    assert_eq!(selected.session.refused_field, Some(Field::StageName(id("cast"))));
    let fixed = edit(&refused, Edit::RenameStage { id: id("cast"), name: "Casting".into() });
    assert_eq!(fixed.session.refused_field, None);
    assert_eq!(fixed.session.refusal, None);
    assert_eq!(reduce(&refused, Action::DismissRefusal).session.refused_field, None);
    // A refused edit that is not of one text marks no field.
    let kind = edit(&refused, Edit::SetPersonKind { id: id("li"), kind: PersonKind::AcademicSupervisor });
    assert!(kind.session.refusal.is_some());
    assert_eq!(kind.session.refused_field, None);
    let date = edit(&e0, Edit::SetDefenseDate { id: id("t-li"), date: "2027-02-30".into() });
    assert_eq!(date.session.refused_field, Some(Field::DefenseDate(id("t-li"))));
    // Undo and Redo change the map the refusal was about: the mark and the
    // banner go (a refusal with nothing to undo stays).
    let renamed = edit(&e0, Edit::RenameStage { id: id("heat"), name: "Ageing".into() });
    let refused = edit(&renamed, Edit::RenameStage { id: id("cast"), name: "  ".into() });
    let undone = reduce(&refused, Action::Undo);
    assert_eq!((undone.session.refusal.clone(), undone.session.refused_field.clone()), (None, None));
    let refused_again = edit(&undone, Edit::RenameStage { id: id("cast"), name: "  ".into() });
    let redone = reduce(&refused_again, Action::Redo);
    assert_eq!((redone.session.refusal.clone(), redone.session.refused_field.clone()), (None, None));
    assert!(reduce(&refused_on(&e0), Action::Undo).session.refusal.is_some());
}

fn refused_on(e: &Editor) -> Editor {
    edit(e, Edit::RenameStage { id: id("cast"), name: "  ".into() })
}

#[test]
fn a_new_topic_takes_its_student_and_stage_from_the_selection_or_asks() {
    let map = Template::Alloy.map(Lang::En);
    let topic = |sel: &[Selection]| {
        new_topic(&map, sel).map(|n| (n.student.to_string(), n.stage.map(|s| s.to_string()), n.guessed))
    };
    let s = |x: &str| Some(x.to_string());
    // The selected student; the student of the selected topic.
    assert_eq!(topic(&[Selection::Person(id("chen"))]), Some(("chen".into(), None, false)));
    assert_eq!(topic(&[Selection::Topic(id("t-li"))]), Some(("li".into(), None, false)));
    // A stage: placed there; a student selected with it gives the student.
    assert_eq!(topic(&[Selection::Stage(id("cast"))]), Some(("gao".into(), s("cast"), true)));
    assert_eq!(
        topic(&[Selection::Person(id("zhao")), Selection::Stage(id("cast"))]),
        Some(("zhao".into(), s("cast"), false))
    );
    // Nothing that says whose: the first student, and the user is asked.
    assert_eq!(topic(&[]), Some(("gao".into(), None, true)));
    assert_eq!(topic(&[Selection::Person(id("zhang"))]), Some(("gao".into(), None, true)));
    // Selected supervisors supervise it (the student is still asked for).
    let with = |sel: &[Selection]| new_topic(&map, sel).map(|n| (n.student.to_string(), n.supervisors, n.guessed));
    assert_eq!(with(&[Selection::Person(id("zhang"))]), Some(("gao".into(), vec![id("zhang")], true)));
    assert_eq!(
        with(&[Selection::Person(id("wang")), Selection::Person(id("chen")), Selection::Person(id("zhang"))]),
        Some(("chen".into(), vec![id("wang"), id("zhang")], false))
    );
    assert_eq!(with(&[Selection::Person(id("chen"))]), Some(("chen".into(), vec![], false)));
    // No student at all: no topic.
    let empty = Template::Empty.map(Lang::En);
    assert_eq!(new_topic(&empty, &[]), None);
}

#[test]
fn a_topic_made_with_a_guess_asks_until_the_next_action() {
    let e0 = alloy();
    let add = Edit::AddTopic {
        id: id("t-new"),
        title: "New topic".into(),
        student: id("gao"),
        stage: None,
        supervisors: vec![],
    };
    let asked = reduce(&e0, Action::EditAndAsk(add.clone(), Selection::Topic(id("t-new"))));
    assert!(asked.session.fresh && asked.session.ask);
    assert_eq!(asked.session.selection, vec![Selection::Topic(id("t-new"))]);
    let chosen = edit(&asked, Edit::SetTopicStudent { id: id("t-new"), student: id("zhao") });
    assert!(!chosen.session.ask && !chosen.session.fresh);
    assert!(!reduce(&asked, Action::Select(None)).session.ask);
    let plain = reduce(&e0, Action::EditAndSelect(add, Selection::Topic(id("t-new"))));
    assert!(plain.session.fresh && !plain.session.ask);
}

#[test]
fn moving_many_stages_at_once_moves_each_and_refuses_an_unknown_one() {
    // Auto layout moves every stage in one edit; above a few moves the
    // stages are found through an index, which must agree with a search.
    let e0 = alloy();
    let all: Vec<StageMove> = e0
        .map()
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| StageMove { id: s.id.clone(), pos: Some((10.0 * i as f64, 5.0)), phase: None })
        .collect();
    let many: Vec<StageMove> = all.iter().cycle().take(12).cloned().collect();
    let moved = edit(&e0, Edit::MoveStages(many));
    for (i, s) in moved.map().stages.iter().enumerate() {
        let p = s.pos.as_ref().expect("placed");
        assert_eq!((p.x, p.y), (10.0 * i as f64, 5.0), "{}", s.id);
    }
    let mut bad = all.iter().cycle().take(11).cloned().collect::<Vec<_>>();
    bad.push(StageMove { id: id("nowhere"), pos: Some((0.0, 0.0)), phase: None });
    let refused = edit(&e0, Edit::MoveStages(bad));
    assert_eq!(*refused.doc, *e0.doc);
    assert_eq!(refused.session.refusal, Some(Refusal::NotFound(id("nowhere"))));
}
