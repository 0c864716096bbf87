//! The chain diagram: phase lanes, stage cards with their students, and
//! flows labelled with their artifact, as SVG — with pan (drag the
//! background), zoom (wheel, buttons), drag a stage (its phase follows the
//! lane it is dropped in), and connect two stages by dragging from a card's
//! handle. Selecting a stage or topic marks its upstream (dashed, ↑) and
//! downstream (solid, ↓) and dims the rest.

mod beyond;
mod card;
mod flow;
mod overview;
mod view;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use view::Window;
pub use view::{fit_all, live_view, opening_view, Highlight};

use super::{commands, Derived, Dispatch, Shared};
use crate::editor::{Action, Edit, Editor, Selection, StageMove};
use crate::i18n::{stage_card_label, t, CardStudent, Key};
use crate::layout::LANE_HEADER;
use crate::model::Id;

/// Above this many stages only the cards near the visible part are drawn.
const CULL_ABOVE: usize = 300;

#[derive(Clone, Debug, PartialEq)]
pub enum Gesture {
    Idle,
    Pan {
        start: (f64, f64),
        scroll: (i32, i32),
    },
    /// `drawn`: the dragged cards' elements and where the last render put
    /// them, looked up once when the drag starts moving.
    Drag {
        ids: Vec<Id>,
        start: (f64, f64),
        moved: bool,
        drawn: Vec<(web_sys::Element, f64, f64)>,
    },
    Connect {
        from: Id,
    },
}

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub editor: Shared<Editor>,
    pub derived: Shared<Derived>,
    pub dispatch: Dispatch,
}

fn element(node: &NodeRef) -> Option<web_sys::Element> {
    node.cast::<web_sys::Element>()
}

/// The drawn cards of `ids` and where the last render put them.
fn drawn_cards(derived: &Derived, ids: &[Id]) -> Vec<(web_sys::Element, f64, f64)> {
    let doc = gloo::utils::document();
    ids.iter()
        .filter_map(|id| {
            let c = derived.diagram.cards.iter().find(|c| &c.stage == id)?;
            let sel = format!("g.stage[data-stage=\"{}\"]", id.as_str());
            let el = doc.query_selector(&sel).ok().flatten()?;
            Some((el, c.x, c.y))
        })
        .collect()
}

/// Moves the drawn cards by (dx, dy) without a render: during a drag only
/// what moves is written, one attribute per card and move.
fn move_cards(drawn: &[(web_sys::Element, f64, f64)], dx: f64, dy: f64) {
    for (el, x, y) in drawn {
        let _ = el.set_attribute("transform", &format!("translate({},{})", x + dx, y + dy));
    }
}

/// The zoom as a percentage: whole above 10 %, with a tenth below (a
/// fitted overview of thousands of stages is under 1 %).
fn zoom_text(zoom: f64) -> String {
    let pc = zoom * 100.0;
    if pc < 9.95 {
        format!("{pc:.1}%")
    } else {
        format!("{pc:.0}%")
    }
}

/// A resize observer and the callback it calls (kept alive together).
type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

#[component]
pub fn ChainDiagram(props: &DiagramProps) -> Html {
    let ed = &*props.editor;
    let lang = ed.session.lang;
    let map = ed.map();
    let d = &props.derived.diagram;
    let vp = ed.session.viewport;
    let svg_ref = use_node_ref();
    let scroller = use_node_ref();
    let connect_ref = use_node_ref();
    let size = use_state(|| (0.0f64, 0.0f64));
    // The window the scroll listener measured, and the zoom it measured it at.
    let window = use_state(|| (Window::everything(), 0u64));
    // The stage under the pointer in the overview (its name is shown there).
    let hover = use_state(|| None::<Id>);
    let gesture: Shared<RefCell<Gesture>> = use_memo((), |_| RefCell::new(Gesture::Idle)).into();
    let suppress_click: Shared<RefCell<bool>> = use_memo((), |_| RefCell::new(false)).into();
    let selected_stages: Shared<RefCell<Vec<Id>>> = use_memo((), |_| RefCell::new(Vec::new())).into();
    *selected_stages.borrow_mut() = ed.session.selection.iter().filter_map(|s| s.stage().cloned()).collect();
    let latest = use_mut_ref(|| props.derived.clone());
    *latest.borrow_mut() = props.derived.clone();
    let cull = d.cards.len() > CULL_ABOVE;
    // Zoomed out past reading, a big map is drawn as an overview.
    let overview_on = cull && vp.zoom < overview::OVERVIEW_BELOW;

    // Track the canvas size (window resizes, panels collapsing).
    {
        let scroller = scroller.clone();
        let size = size.clone();
        use_effect_with((), move |_| {
            let holder: Rc<RefCell<Option<Observer>>> = Rc::new(RefCell::new(None));
            if let Some(el) = element(&scroller) {
                let measure = {
                    let el = el.clone();
                    // The inner size: what the drawing and its pads fit in
                    // (scrollbars left out). An element taken out of the
                    // page measures 0 × 0: that is no size to lay out in.
                    move || {
                        let now = (el.client_width() as f64, el.client_height() as f64);
                        if now.0 > 0.0 && now.1 > 0.0 {
                            size.set(now);
                        }
                    }
                };
                measure();
                let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| measure());
                if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                    obs.observe(&el);
                    *holder.borrow_mut() = Some((obs, cb));
                }
            }
            move || {
                if let Some((obs, _cb)) = holder.borrow_mut().take() {
                    obs.disconnect();
                }
            }
        });
    }

    // The visible window, for drawing only what is near it on big maps. It
    // is renewed when the view has moved half a screen, not on every scroll.
    {
        let scroller = scroller.clone();
        let window = window.clone();
        let size = *size;
        use_effect_with((cull, vp.zoom.to_bits(), size.0.to_bits(), size.1.to_bits()), move |_| {
            let listener = cull.then(|| element(&scroller)).flatten().map(|el| {
                let last = std::cell::Cell::new(Window::everything());
                let update = {
                    let el = el.clone();
                    let window = window.clone();
                    move |force: bool| {
                        let (sx, sy) = (el.scroll_left() as f64, el.scroll_top() as f64);
                        let next = Window::around(sx, sy, size.0, size.1, vp.zoom);
                        let cur = last.get();
                        let moved = (next.x0 - cur.x0).abs() * vp.zoom > size.0 / 2.0
                            || (next.y0 - cur.y0).abs() * vp.zoom > size.1 / 2.0;
                        if force || moved {
                            last.set(next);
                            window.set((next, vp.zoom.to_bits()));
                        }
                    }
                };
                update(true);
                gloo::events::EventListener::new(&el, "scroll", move |_| update(false))
            });
            if !cull {
                window.set((Window::everything(), 0));
            }
            move || drop(listener)
        });
    }

    // Fit the map into view when it was opened or replaced.
    {
        let dispatch = props.dispatch.clone();
        let derived = props.derived.clone();
        let pending = ed.session.fit_pending;
        use_effect_with((pending, *size), move |(pending, (w, h))| {
            if *pending && *w > 0.0 && *h > 0.0 {
                dispatch.emit(Action::SetViewport(opening_view(&derived.diagram, *w, *h)));
            }
        });
    }

    // A centred drawing stays centred when the canvas resizes (a window
    // resize, a side column collapsing).
    {
        let dispatch = props.dispatch.clone();
        let before = use_mut_ref(|| (0.0f64, 0.0f64));
        let pending = ed.session.fit_pending;
        use_effect_with(*size, move |now| {
            let was = std::mem::replace(&mut *before.borrow_mut(), *now);
            if !pending && was.0 > 0.0 && was.1 > 0.0 && was != *now {
                dispatch.emit(Action::SetViewport(vp.resized(was, *now)));
            }
        });
    }

    // A stage dropped above or left of the drawing moves the drawing's
    // origin (`Diagram::shift`, so an undo or a later move too): the view
    // follows, so that nothing on screen moves. And when an edit moves the
    // selected stage's card (the arrow keys, an undo, auto layout) out of
    // the view, the view follows the card. Neither when the view was just
    // set (a map opened, a zoom), which places the drawing itself.
    {
        type Seen = ((f64, f64), crate::editor::Viewport, (f64, f64), Option<(Id, (f64, f64, f64, f64))>);
        let dispatch = props.dispatch.clone();
        let shown = vp.shown_pads((d.width, d.height), *size);
        let before = use_mut_ref(|| None::<Seen>);
        let (shift, diagram_size) = (d.shift, (d.width, d.height));
        // The selected card where the map has it (a drawn place less the
        // shift: a card that moves left of the drawing keeps its drawn place).
        let selected = match ed.session.primary() {
            Some(Selection::Stage(id)) => {
                d.cards.iter().find(|c| &c.stage == id).map(|c| (id.clone(), (c.x - shift.0, c.y - shift.1, c.w, c.h)))
            }
            _ => None,
        };
        let pending = ed.session.fit_pending;
        use_effect(move || {
            let was = before.borrow_mut().replace((shift, vp, shown, selected.clone()));
            let Some((old_shift, old_vp, old_shown, old_selected)) = was else { return };
            if pending || old_vp != vp {
                return;
            }
            let delta = (shift.0 - old_shift.0, shift.1 - old_shift.1);
            let moved = match (&selected, &old_selected) {
                (Some((id, now)), Some((old_id, then))) if id == old_id && now != then => {
                    Some((now.0 + shift.0, now.1 + shift.1, now.2, now.3))
                }
                _ => None,
            };
            if delta == (0.0, 0.0) && moved.is_none() {
                return;
            }
            let (live, w, h) = live_view(vp);
            let mut next = if delta == (0.0, 0.0) { live } else { live.shifted(delta, old_shown) };
            if let Some(card) = moved {
                next = next.reveal(card, diagram_size, (w, h), 24.0);
            }
            if next != live {
                dispatch.emit(Action::SetViewport(next));
            }
        });
    }

    // Apply the session's scroll position when an action changed the view.
    {
        let scroller = scroller.clone();
        use_effect_with(vp, move |vp| {
            if let Some(el) = element(&scroller) {
                el.set_scroll_left((vp.x * vp.zoom).round() as i32);
                el.set_scroll_top((vp.y * vp.zoom).round() as i32);
            }
        });
    }

    // Reveal the selected stage (or the stage of the selected topic) when it
    // was selected from elsewhere: the Gaps list, the Inspector, the Team.
    {
        let target = match ed.session.primary() {
            Some(Selection::Stage(id)) => Some(id.clone()),
            Some(Selection::Topic(id)) => map.topic(id).and_then(|t| t.stage.clone()),
            _ => None,
        };
        let scroller = scroller.clone();
        let derived = props.derived.clone();
        use_effect_with(target, move |target| {
            let Some(id) = target else { return };
            let Some(el) = element(&scroller) else { return };
            let Some(c) = derived.diagram.cards.iter().find(|c| &c.stage == id) else { return };
            let (sx, sy) = (el.scroll_left() as f64, el.scroll_top() as f64);
            let (w, h) = (el.client_width() as f64, el.client_height() as f64);
            // Where the card is in the scrolled area (a drawing smaller than
            // the canvas is centred in it).
            let (ox, oy) = vp.shown_pads((derived.diagram.width, derived.diagram.height), (w, h));
            let (x0, y0) = (ox + c.x * vp.zoom, oy + c.y * vp.zoom);
            let (x1, y1) = (x0 + c.w * vp.zoom, y0 + c.h * vp.zoom);
            // A card wholly out of view (picked in a panel, far away) is
            // brought to the middle, where the eye goes after the jump; one
            // partly in view moves as little as it takes (it may be under
            // the pointer). The bottom margin clears the zoom buttons.
            let (margin, bottom) = (24.0, 72.0);
            let away = x1 < sx || x0 > sx + w || y1 < sy || y0 > sy + h;
            let (nx, ny) = if away {
                ((x0 + x1 - w) / 2.0, (y0 + y1 - h) / 2.0)
            } else {
                let nx = if x0 < sx {
                    x0 - margin
                } else if x1 > sx + w {
                    x1 - w + margin
                } else {
                    sx
                };
                let ny = if y0 < sy {
                    y0 - margin
                } else if y1 > sy + h - bottom {
                    (y1 - h + bottom).min(y0 - margin)
                } else {
                    sy
                };
                (nx, ny)
            };
            if nx != sx || ny != sy {
                el.set_scroll_left(nx.max(0.0) as i32);
                el.set_scroll_top(ny.max(0.0) as i32);
            }
        });
    }

    // Ctrl (or ⌘) with the wheel, and a trackpad's pinch (which the browser
    // sends as a wheel with Ctrl), zoom around the pointer. The wheel alone
    // scrolls, as everywhere else: a laptop's two-finger scroll moves along
    // the chain. A chain that is wider than the canvas but not taller turns
    // an up-and-down wheel into a sideways scroll, the only way it can go.
    {
        let scroller = scroller.clone();
        let dispatch = props.dispatch.clone();
        let latest = latest.clone();
        use_effect_with(vp, move |vp| {
            let vp = *vp;
            let listener = element(&scroller).map(|el| {
                let opts = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&el.clone(), "wheel", opts, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else { return };
                    if !(e.ctrl_key() || e.meta_key()) {
                        let sideways_only =
                            el.scroll_height() <= el.client_height() && el.scroll_width() > el.client_width();
                        if sideways_only && !e.shift_key() && e.delta_y().abs() > e.delta_x().abs() {
                            e.prevent_default();
                            // Lines or pages (Firefox, some mice) in pixels.
                            let unit = match e.delta_mode() {
                                1 => 40.0,
                                2 => el.client_width() as f64,
                                _ => 1.0,
                            };
                            el.set_scroll_left(el.scroll_left() + (e.delta_y() * unit) as i32);
                        }
                        return;
                    }
                    e.prevent_default();
                    let factor = (-e.delta_y() * 0.002).exp();
                    let size = {
                        let d = &latest.borrow().diagram;
                        (d.width, d.height)
                    };
                    let at = (e.client_x() as f64, e.client_y() as f64);
                    dispatch.emit(Action::SetViewport(view::zoom_about_pointer(&el, vp, at, size, |_| factor)));
                })
            });
            move || drop(listener)
        });
    }

    let highlight = {
        let doc = ed.doc.clone();
        let derived = props.derived.clone();
        use_memo((Shared::from(ed.doc.clone()), ed.session.selection.clone()), move |(_, sel)| {
            Highlight::of(&doc, &derived.chains, sel)
        })
    };

    // The pads as drawn: they centre a drawing smaller than the canvas. The
    // SVG fills the canvas at least, so a card dragged into the empty canvas
    // around the drawing stays visible.
    let (pad_x, pad_y) = vp.shown_pads((d.width, d.height), *size);
    // It also reaches as far as the view is scrolled: after a drop that
    // grew the drawing leftwards or upwards, the view scrolls by what the
    // pad could not absorb (`Viewport::shifted`), and the room on the far
    // side that the drawing no longer fills must still be there.
    let svg_w = (pad_x + vp.drawn(d.width)).max(size.0.floor() + vp.drawn(vp.x).max(0.0));
    let svg_h = (pad_y + vp.drawn(d.height)).max(size.1.floor() + vp.drawn(vp.y).max(0.0));
    // Client point → diagram point.
    let to_diagram = {
        let svg_ref = svg_ref.clone();
        move |cx: f64, cy: f64| -> (f64, f64) {
            match element(&svg_ref) {
                Some(el) => {
                    let r = el.get_bounding_client_rect();
                    ((cx - r.left() - pad_x) / vp.zoom, (cy - r.top() - pad_y) / vp.zoom)
                }
                None => (cx, cy),
            }
        }
    };
    let capture = {
        let svg_ref = svg_ref.clone();
        move |pointer: i32| {
            if let Some(el) = element(&svg_ref) {
                let _ = el.set_pointer_capture(pointer);
            }
        }
    };

    let onpointerdown = {
        let gesture = gesture.clone();
        let scroller = scroller.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let Some(el) = element(&scroller) else { return };
            // The canvas around a centred drawing pans too; its scrollbars
            // are the browser's.
            let r = el.get_bounding_client_rect();
            let (x, y) = (e.client_x() as f64 - r.left(), e.client_y() as f64 - r.top());
            if x >= (el.client_left() + el.client_width()) as f64 || y >= (el.client_top() + el.client_height()) as f64
            {
                return;
            }
            // Pointer capture starts with the first move, so that a plain
            // click still reaches the element under the pointer.
            let scroll = (el.scroll_left(), el.scroll_top());
            *gesture.borrow_mut() = Gesture::Pan { start: (e.client_x() as f64, e.client_y() as f64), scroll };
        })
    };
    // In the overview, the stage whose box is nearest a client point, within
    // a few pixels (the boxes are too small to aim at).
    let pick = {
        let latest = latest.clone();
        let to_diagram = to_diagram.clone();
        move |cx: f64, cy: f64| -> Option<Id> {
            let (x, y) = to_diagram(cx, cy);
            let derived = latest.borrow();
            crate::layout::overview::card_near(&derived.diagram, x, y, 6.0 / vp.zoom).map(|c| c.stage.clone())
        }
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let hover = hover.clone();
        let pick = pick.clone();
        let capture = capture.clone();
        let to_diagram = to_diagram.clone();
        let scroller = scroller.clone();
        let svg_ref = svg_ref.clone();
        let connect_ref = connect_ref.clone();
        let latest = latest.clone();
        Callback::from(move |e: PointerEvent| {
            let (cx, cy) = (e.client_x() as f64, e.client_y() as f64);
            let mut g = gesture.borrow_mut();
            match &mut *g {
                Gesture::Idle => {
                    if overview_on {
                        let id = pick(cx, cy);
                        if *hover != id {
                            hover.set(id);
                        }
                    }
                }
                Gesture::Pan { start, scroll } => {
                    capture(e.pointer_id());
                    if let Some(el) = element(&scroller) {
                        el.set_scroll_left(scroll.0 - (cx - start.0) as i32);
                        el.set_scroll_top(scroll.1 - (cy - start.1) as i32);
                    }
                }
                Gesture::Drag { ids, start, moved, drawn } => {
                    let (dx, dy) = ((cx - start.0) / vp.zoom, (cy - start.1) / vp.zoom);
                    if !*moved && dx.abs() + dy.abs() < 4.0 / vp.zoom {
                        return;
                    }
                    if !*moved {
                        capture(e.pointer_id());
                        if let Some(svg) = element(&svg_ref) {
                            let _ = svg.class_list().add_1("dragging");
                        }
                        *drawn = drawn_cards(&latest.borrow(), ids);
                    }
                    *moved = true;
                    move_cards(drawn, dx, dy);
                }
                Gesture::Connect { from } => {
                    capture(e.pointer_id());
                    let (x, y) = to_diagram(cx, cy);
                    let derived = latest.borrow();
                    if let (Some(c), Some(path)) =
                        (derived.diagram.cards.iter().find(|c| &c.stage == from), element(&connect_ref))
                    {
                        let _ = path.set_attribute("d", &format!("M{},{} L{},{}", c.x + c.w, c.y + c.h / 2.0, x, y));
                        let _ = path.set_attribute("visibility", "visible");
                    }
                }
            }
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        let dispatch = props.dispatch.clone();
        let editor = props.editor.clone();
        let suppress_click = suppress_click.clone();
        let to_diagram = to_diagram.clone();
        let svg_ref = svg_ref.clone();
        let connect_ref = connect_ref.clone();
        let latest = latest.clone();
        Callback::from(move |e: PointerEvent| {
            let g = std::mem::replace(&mut *gesture.borrow_mut(), Gesture::Idle);
            let derived = latest.borrow().clone();
            let d = &derived.diagram;
            match g {
                Gesture::Drag { ids, start, moved: true, drawn } => {
                    *suppress_click.borrow_mut() = true;
                    // Put the cards back where the last render drew them; the
                    // edit below draws them at their new place.
                    move_cards(&drawn, 0.0, 0.0);
                    if let Some(svg) = element(&svg_ref) {
                        let _ = svg.class_list().remove_1("dragging");
                    }
                    let (dx, dy) =
                        ((e.client_x() as f64 - start.0) / vp.zoom, (e.client_y() as f64 - start.1) / vp.zoom);
                    let moves: Vec<StageMove> = ids
                        .iter()
                        .filter_map(|id| d.cards.iter().find(|c| &c.stage == id))
                        .map(|c| {
                            let (x, y) = (c.x + dx, c.y + dy);
                            let centre = x + c.w / 2.0;
                            let lane = d.lanes.iter().find(|l| centre >= l.x && centre <= l.x + l.width);
                            let old = editor.map().stages.get(c.index).and_then(|s| s.phase.clone());
                            let phase = lane.map(|l| l.phase.clone()).filter(|p| *p != old);
                            StageMove { id: c.stage.clone(), pos: Some(d.map_point(x, y)), phase }
                        })
                        .collect();
                    if !moves.is_empty() {
                        dispatch.emit(Action::Edit(Edit::MoveStages(moves)));
                    }
                }
                Gesture::Connect { from } => {
                    if let Some(path) = element(&connect_ref) {
                        let _ = path.set_attribute("visibility", "hidden");
                    }
                    let (x, y) = to_diagram(e.client_x() as f64, e.client_y() as f64);
                    *suppress_click.borrow_mut() = true;
                    if let Some(target) =
                        d.cards.iter().find(|c| x >= c.x && x <= c.x + c.w && y >= c.y && y <= c.y + c.h)
                    {
                        if target.stage != from {
                            dispatch.emit(commands::add_flow(&editor, from, target.stage.clone(), String::new()));
                        }
                    }
                }
                _ => {}
            }
        })
    };
    // The browser took the pointer (a touch that scrolls the canvas
    // natively, a lost window): the gesture ends without an edit.
    let onpointercancel = {
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        let connect_ref = connect_ref.clone();
        Callback::from(move |_: PointerEvent| match std::mem::replace(&mut *gesture.borrow_mut(), Gesture::Idle) {
            Gesture::Drag { drawn, .. } => {
                move_cards(&drawn, 0.0, 0.0);
                if let Some(svg) = element(&svg_ref) {
                    let _ = svg.class_list().remove_1("dragging");
                }
            }
            Gesture::Connect { .. } => {
                if let Some(path) = element(&connect_ref) {
                    let _ = path.set_attribute("visibility", "hidden");
                }
            }
            _ => {}
        })
    };
    let onclick_background = {
        let dispatch = props.dispatch.clone();
        let suppress_click = suppress_click.clone();
        let pick = pick.clone();
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut *suppress_click.borrow_mut()) {
                return;
            }
            // In the overview a click picks the nearest card.
            if let Some(id) = overview_on.then(|| pick(e.client_x() as f64, e.client_y() as f64)).flatten() {
                card::select(&dispatch, Selection::Stage(id), e.shift_key());
                return;
            }
            let on_background = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".stage, .flow, .lane-title").ok().flatten().is_none());
            if on_background {
                dispatch.emit(Action::Select(None));
            }
        })
    };
    let ondblclick = {
        let dispatch = props.dispatch.clone();
        let editor = props.editor.clone();
        let latest = latest.clone();
        let to_diagram = to_diagram.clone();
        let scroller = scroller.clone();
        Callback::from(move |e: MouseEvent| {
            // In the overview a double click zooms in there, to where names
            // can be read (the buttons take 15 steps from a fitted big map).
            if overview_on {
                let Some(el) = element(&scroller) else { return };
                let size = {
                    let d = &latest.borrow().diagram;
                    (d.width, d.height)
                };
                let at = (e.client_x() as f64, e.client_y() as f64);
                let to_readable = |zoom: f64| view::MIN_READABLE_ZOOM / zoom.max(1e-6);
                dispatch.emit(Action::SetViewport(view::zoom_about_pointer(&el, vp, at, size, to_readable)));
                return;
            }
            let on_lane = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".stage, .flow, .overview").ok().flatten().is_none());
            if !on_lane {
                return;
            }
            let (x, y) = to_diagram(e.client_x() as f64, e.client_y() as f64);
            let derived = latest.borrow();
            // A lane, not the empty canvas around the drawing.
            let inside = (0.0..=derived.diagram.height).contains(&y);
            if let Some(lane) = derived.diagram.lanes.iter().find(|l| inside && x >= l.x && x <= l.x + l.width) {
                dispatch.emit(commands::add_stage(&editor, lane.phase.clone()));
            }
        })
    };

    let phase_names: std::collections::HashMap<&Id, &str> =
        map.project.phases.iter().map(|ph| (&ph.id, ph.name.as_str())).collect();
    let lane_names: Vec<String> = d
        .lanes
        .iter()
        .map(|lane| match &lane.phase {
            Some(p) => phase_names.get(p).map_or(p.to_string(), |name| name.to_string()),
            None => t(lang, Key::NoPhase).to_string(),
        })
        .collect();
    let mut over_titles: Vec<Html> = Vec::new();
    let lanes: Vec<Html> = d
        .lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| {
            let name = lane_names.get(i).cloned().unwrap_or_default();
            let selected = lane.phase.as_ref().is_some_and(|p| ed.session.is_selected(&Selection::Phase(p.clone())));
            let class = classes!(
                "lane",
                if i % 2 == 0 { "lane-even" } else { "lane-odd" },
                lane.phase.is_none().then_some("lane-none"),
                selected.then_some("selected")
            );
            let key = lane.phase.as_ref().map_or("~none".to_string(), |p| p.to_string());
            let onclick = lane.phase.clone().map(|p| {
                let dispatch = props.dispatch.clone();
                Callback::from(move |e: MouseEvent| {
                    e.stop_propagation();
                    dispatch.emit(Action::Select(Some(Selection::Phase(p.clone()))));
                })
            });
            // In the overview the title keeps its size on screen (scaled by
            // the inverse of the zoom): above the lane when the drawing is
            // centred with room above it (a long chain fitted by its width,
            // whose lanes are thinner than a title), else over the top of
            // the lane and over the overview's paths (drawn after them).
            let title = if overview_on {
                let k = 1.0 / vp.zoom;
                let y = if pad_y >= 30.0 { -8.0 * k } else { 22.0 * k };
                let at = format!("translate({},{}) scale({k})", lane.x + 8.0 * k, y);
                // A lane narrower on screen than its title gets the title
                // cut to fit, whole on hover (or none, when not even a
                // letter fits), so that neighbouring titles never run together.
                let bold = crate::layout::NAME_PX * 1.1;
                let room = lane.width * vp.zoom - 12.0;
                let cut = crate::layout::text::width(&name, bold) > room;
                let shown = match (cut, room >= 24.0) {
                    (false, _) => name.clone(),
                    (true, true) => crate::layout::text::one_line(&name, bold, room),
                    (true, false) => String::new(),
                };
                over_titles.push(html! {
                    <text class="lane-title over" key={key.clone()} transform={at} {onclick}>
                        if cut { <title>{name.clone()}</title> }
                        {shown}
                    </text>
                });
                Html::default()
            } else {
                html! {
                    <text class="lane-title" x={(lane.x + 16.0).to_string()} y={(LANE_HEADER / 2.0 + 6.0).to_string()}
                        {onclick}>{name}</text>
                }
            };
            html! {
                <g {class} key={key}>
                    <rect class="lane-bg" x={lane.x.to_string()} y="0" width={lane.width.to_string()}
                        height={d.height.to_string()} rx="10" />
                    {title}
                </g>
            }
        })
        .collect();

    // Before the scroll listener has measured a window (a big map was just
    // opened), or when it measured it at another zoom (its effect runs after
    // this render), draw around the session's view rather than what the
    // old window holds: zooming in from the overview of 10,000 stages, the
    // old window held all of them, and drawing them for one frame froze
    // the page for seconds.
    let (measured, at) = *window;
    let win = match (cull, measured == Window::everything() || at != vp.zoom.to_bits()) {
        (false, _) => Window::everything(),
        (true, false) => measured,
        (true, true) => {
            let (w, h) = if size.0 > 0.0 { *size } else { (1600.0, 1000.0) };
            Window::around(vp.x * vp.zoom, vp.y * vp.zoom, w, h, vp.zoom)
        }
    };
    let active = highlight.active();
    // Cards are in stage order, one per stage: a flow's cards are found by
    // the document's stage index instead of a table built on every render.
    let chains = &props.derived.chains;
    let card_of = |id: &Id| chains.stage_index(id).and_then(|i| d.cards.get(i)).filter(|c| c.stage == *id);
    let flows = d
        .flows
        .iter()
        .filter(|f| {
            if !cull {
                return true;
            }
            let (Some(a), Some(b)) = (
                map.flows.get(f.index).and_then(|fl| card_of(&fl.from)),
                map.flows.get(f.index).and_then(|fl| card_of(&fl.to)),
            ) else {
                return false;
            };
            win.meets(a.x.min(b.x), a.y.min(b.y) - 200.0, (a.x + a.w).max(b.x + b.w), (a.y + a.h).max(b.y + b.h))
        })
        .map(|f| {
            let up = highlight.up_flows.contains(&f.flow);
            let down = highlight.down_flows.contains(&f.flow);
            // An artifact cut short on its label ("…") is shown whole on hover.
            let tooltip = map
                .flows
                .get(f.index)
                .filter(|fl| {
                    f.label_lines.last().is_some_and(|l| l.ends_with('…') && !fl.artifact.trim_end().ends_with('…'))
                })
                .map(|fl| AttrValue::from(fl.artifact.clone()));
            html! {
                <flow::FlowLine key={f.flow.to_string()} flow={f.clone()} {up} {down} {tooltip}
                    selected={highlight.flows.contains(&f.flow)} dim={active && !up && !down}
                    {lang} dispatch={props.dispatch.clone()} />
            }
        });
    let names = crate::analysis::Names::kept(map, &props.derived.names);
    let cards = d.cards.iter().filter(|c| win.meets(c.x, c.y, c.x + c.w, c.y + c.h)).map(|c| {
        let stage = map.stages.get(c.index);
        let phase_name = stage.and_then(|s| s.phase.as_ref()).and_then(|p| phase_names.get(p).copied());
        let students: Vec<CardStudent> = c
            .chips
            .iter()
            .map(|ch| CardStudent { name: names.person(&ch.student), academic: ch.academic, enterprise: ch.enterprise })
            .collect();
        let label = stage_card_label(lang, stage.map_or("", |s| s.name.as_str()), phase_name, &students);
        // A name or role cut short on the card ("…") is shown whole on hover.
        let cut = |shown: Option<&str>, full: &str| {
            shown.is_some_and(|l| l.ends_with('…') && !full.trim_end().ends_with('…'))
        };
        let tooltip = stage
            .filter(|s| cut(c.name_lines.last().map(String::as_str), &s.name) || cut(c.role_line.as_deref(), &s.role))
            .map(|s| {
                let role = s.role.trim();
                AttrValue::from(if role.is_empty() { s.name.clone() } else { format!("{}\n{role}", s.name) })
            });
        let up = highlight.up_stages.contains(&c.stage);
        let down = highlight.down_stages.contains(&c.stage);
        let focus = highlight.focus.contains(&c.stage);
        html! {
            <card::StageCard key={c.stage.to_string()} card={c.clone()} label={label} {tooltip}
                selected={ed.session.is_selected(&Selection::Stage(c.stage.clone()))}
                {up} {down} dim={active && !up && !down && !focus} {focus} {lang}
                dispatch={props.dispatch.clone()} gesture={gesture.clone()}
                suppress_click={suppress_click.clone()} selected_stages={selected_stages.clone()} />
        }
    });

    let zoom_btn = |factor: f64| {
        let dispatch = props.dispatch.clone();
        let size = (d.width, d.height);
        Callback::from(move |_: MouseEvent| {
            let (v, cw, ch) = live_view(vp);
            dispatch.emit(Action::SetViewport(v.zoom_at(factor, (cw / 2.0, ch / 2.0), size, (cw, ch))))
        })
    };
    let onpointerleave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| {
            if hover.is_some() {
                hover.set(None);
            }
        })
    };
    // In the overview, the name of the stage under the pointer, over its
    // box, at its size on screen.
    let hovered = hover.as_ref().filter(|_| overview_on).and_then(card_of).map(|c| {
        let k = 1.0 / vp.zoom;
        let name = map.stages.get(c.index).map_or("", |s| s.name.as_str()).to_string();
        let at = format!("translate({},{}) scale({k})", c.x + c.w / 2.0, c.y - 4.0 * k);
        html! {
            <g class="ov-hover" aria-hidden="true">
                <rect x={c.x.to_string()} y={c.y.to_string()} width={c.w.to_string()} height={c.h.to_string()} />
                <text transform={at} text-anchor="middle">{name}</text>
            </g>
        }
    });
    // The overview's key to its colours, while no selection recolours it.
    // The element is always there (hidden when not wanted): a node that
    // comes and goes among the canvas's children made Yew rebuild the
    // scroller after it, and its size observer with it.
    let legend_on = overview_on && !active;
    let nobody = if legend_on { overview::nobody_count(&props.derived) } else { 0 };
    let drawing = if overview_on {
        let label = crate::i18n::overview_label(lang, d.cards.len());
        html! {
            <>
                <overview::Overview derived={props.derived.clone()} highlight={Shared::from(highlight.clone())}
                    zoom={vp.zoom} label={label} />
                <g class="lane-titles">{for over_titles}</g>
                {for hovered}
            </>
        }
    } else {
        html! {
            <>
                <g class="flows">{for flows}</g>
                <g class="cards">{for cards}</g>
            </>
        }
    };
    let fit_btn = {
        let dispatch = props.dispatch.clone();
        let derived = props.derived.clone();
        let (w, h) = *size;
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetViewport(fit_all(&derived.diagram, w, h))))
    };

    html! {
        <section class="canvas" id="region-diagram" tabindex="-1" aria-label={t(lang, Key::RegionDiagram)}>
            if map.stages.is_empty() {
                <p class="canvas-empty">{t(lang, Key::DiagramEmpty)}</p>
            }
            // Pan, drag and click-to-deselect listen on the scroller, so
            // that the canvas around a centred drawing is background too.
            <div class="scroller" ref={scroller.clone()}
                {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onpointerleave} onclick={onclick_background}>
            <svg ref={svg_ref} class={classes!("chain", active.then_some("has-focus"))}
                width={svg_w.to_string()} height={svg_h.to_string()}
                viewBox={format!("{} {} {} {}", (0.0 - pad_x) / vp.zoom + 0.0, (0.0 - pad_y) / vp.zoom + 0.0, svg_w / vp.zoom, svg_h / vp.zoom)}
                {ondblclick}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
                    </marker>
                    <marker id="arrow-up" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="arrow-head up" />
                    </marker>
                    <marker id="arrow-down" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="arrow-head down" />
                    </marker>
                </defs>
                <g class="lanes">{for lanes}</g>
                {drawing}
                <path ref={connect_ref} class="connect-preview" d="M0,0" visibility="hidden" />
            </svg>
            </div>
            <beyond::BeyondEdges derived={props.derived.clone()} {lane_names} zoom={vp.zoom} {pad_x}
                size={*size} scroller={scroller.clone()} {lang} />
            <p class="ov-legend" hidden={!legend_on}>
                <span class="swatch someone" aria-hidden="true"></span>{t(lang, Key::LegendSomeone)}
                <span class="swatch nobody" aria-hidden="true"></span>{crate::i18n::legend_nobody(lang, nobody)}
                <span class="legend-hint">{t(lang, Key::LegendZoom)}</span>
            </p>
            <div class="zoom-controls" role="group" aria-label={t(lang, Key::ViewGroup)}>
                <button type="button" aria-label={t(lang, Key::ZoomOut)} title={t(lang, Key::ZoomOut)} onclick={zoom_btn(1.0 / 1.25)}>{"−"}</button>
                <span class="zoom-level" aria-live="polite">{zoom_text(vp.zoom)}</span>
                <button type="button" aria-label={t(lang, Key::ZoomIn)} title={t(lang, Key::ZoomIn)} onclick={zoom_btn(1.25)}>{"+"}</button>
                <button type="button" class="fit" aria-label={t(lang, Key::FitView)} title={t(lang, Key::FitView)} onclick={fit_btn}>{"⤢"}</button>
            </div>
        </section>
    }
}
