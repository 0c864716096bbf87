//! The chain diagram: phase lanes, stage cards with their students, and
//! flows labelled with their artifact, as SVG — with pan (drag the
//! background), zoom (wheel, buttons), drag a stage (its phase follows the
//! lane it is dropped in), and connect two stages by dragging from a card's
//! handle. Selecting a stage or topic marks its upstream (dashed, ↑) and
//! downstream (solid, ↓) and dims the rest.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{commands, Derived, Dispatch, Shared};
use crate::analysis::chain_of_stage;
use crate::editor::{Action, Edit, Editor, Selection, StageMove, Viewport};
use crate::i18n::{stage_card_label, t, Key, Lang};
use crate::layout::{Card, Diagram, FlowPath, LANE_HEADER};
use crate::model::{Id, Map};

/// What to mark on the diagram for the current selection.
#[derive(Default, PartialEq)]
pub struct Highlight {
    pub focus: HashSet<Id>,
    pub up_stages: HashSet<Id>,
    pub down_stages: HashSet<Id>,
    pub up_flows: HashSet<Id>,
    pub down_flows: HashSet<Id>,
    pub flows: HashSet<Id>,
}

impl Highlight {
    pub fn of(map: &Map, selection: &[Selection]) -> Highlight {
        let mut h = Highlight::default();
        for s in selection {
            match s {
                Selection::Stage(id) => {
                    h.focus.insert(id.clone());
                }
                Selection::Flow(id) => {
                    h.flows.insert(id.clone());
                }
                _ => {}
            }
        }
        let stage = match selection.last() {
            Some(Selection::Stage(id)) => Some(id.clone()),
            Some(Selection::Topic(id)) => map.topic(id).and_then(|t| t.stage.clone()),
            _ => None,
        };
        let Some(stage) = stage else { return h };
        h.focus.insert(stage.clone());
        let chain = chain_of_stage(map, &stage);
        h.up_stages.extend(chain.upstream_stages.iter().cloned());
        h.down_stages.extend(chain.downstream_stages.iter().cloned());
        h.up_flows.extend(chain.inputs.iter().map(|l| l.flow.clone()));
        h.down_flows.extend(chain.outputs.iter().map(|l| l.flow.clone()));
        h
    }

    pub fn active(&self) -> bool {
        !self.focus.is_empty()
    }
}

/// Below this zoom, 14 px names shrink under 10 px.
pub const MIN_READABLE_ZOOM: f64 = 0.72;

/// The zoom that shows the whole diagram in a `w` × `h` canvas, but never
/// so small that names cannot be read (then the canvas scrolls), with the
/// view at the start of the chain.
pub fn fit(d: &Diagram, w: f64, h: f64) -> Viewport {
    let pad = 16.0;
    let whole = ((w - pad) / d.width.max(1.0)).min((h - pad) / d.height.max(1.0));
    Viewport { x: 0.0, y: 0.0, zoom: whole.clamp(MIN_READABLE_ZOOM, 1.0) }
}

/// Zooms by `factor` keeping the diagram point under (sx, sy) (pixels from
/// the canvas's top-left corner) still. `v.x`, `v.y` are the scroll
/// position in diagram units.
pub fn zoom_at(v: Viewport, factor: f64, sx: f64, sy: f64) -> Viewport {
    let zoom = (v.zoom * factor).clamp(0.1, 4.0);
    let px = v.x + sx / v.zoom;
    let py = v.y + sy / v.zoom;
    Viewport { x: (px - sx / zoom).max(0.0), y: (py - sy / zoom).max(0.0), zoom }
}

/// The view as the user left it: the zoom of the session and the scroll
/// position of the canvas (which the user changes without actions).
pub fn live_view(zoom: f64) -> (Viewport, f64, f64) {
    let el = gloo::utils::document().query_selector(".canvas .scroller").ok().flatten();
    match el {
        Some(el) => {
            let v = Viewport { x: el.scroll_left() as f64 / zoom, y: el.scroll_top() as f64 / zoom, zoom };
            (v, el.client_width() as f64, el.client_height() as f64)
        }
        None => (Viewport { x: 0.0, y: 0.0, zoom }, 800.0, 600.0),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Gesture {
    Idle,
    Pan { start: (f64, f64), scroll: (i32, i32) },
    Drag { ids: Vec<Id>, start: (f64, f64), moved: bool },
    Connect { from: Id },
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Preview {
    /// Offset of the dragged cards, in diagram units.
    drag: Option<(Vec<Id>, f64, f64)>,
    /// The end of the line being drawn from a stage's handle.
    connect: Option<(Id, f64, f64)>,
}

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub editor: Shared<Editor>,
    pub derived: Shared<Derived>,
    pub dispatch: Dispatch,
}

#[component]
pub fn ChainDiagram(props: &DiagramProps) -> Html {
    let ed = &*props.editor;
    let lang = ed.session.lang;
    let map = ed.map();
    let d = &props.derived.diagram;
    let vp = ed.session.viewport;
    let svg_ref = use_node_ref();
    let scroller = use_node_ref();
    let size = use_state(|| (0.0f64, 0.0f64));
    let gesture = use_mut_ref(|| Gesture::Idle);
    let suppress_click = use_mut_ref(|| false);
    let preview = use_state(Preview::default);

    // Track the canvas size (window resizes, panels collapsing).
    {
        let scroller = scroller.clone();
        let size = size.clone();
        use_effect_with((), move |_| {
            let holder: Rc<RefCell<Option<(web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)>>> =
                Rc::new(RefCell::new(None));
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let measure = {
                    let el = el.clone();
                    move || {
                        let r = el.get_bounding_client_rect();
                        size.set((r.width(), r.height()));
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

    // Fit the map into view when it was opened or replaced.
    {
        let dispatch = props.dispatch.clone();
        let derived = props.derived.clone();
        let pending = ed.session.fit_pending;
        use_effect_with((pending, *size), move |(pending, (w, h))| {
            if *pending && *w > 0.0 && *h > 0.0 {
                dispatch.emit(Action::SetViewport(fit(&derived.diagram, *w, *h)));
            }
        });
    }

    // Apply the session's scroll position when an action changed the view.
    {
        let scroller = scroller.clone();
        use_effect_with(vp, move |vp| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
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
        use_effect_with(target, move |target| {
            if let Some(id) = target {
                let sel = format!("[data-stage=\"{}\"]", id.as_str());
                if let Ok(Some(el)) = gloo::utils::document().query_selector(&sel) {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            }
        });
    }

    let highlight = {
        let doc = ed.doc.clone();
        use_memo((Shared::from(ed.doc.clone()), ed.session.selection.clone()), move |(_, sel)| Highlight::of(&doc, sel))
    };

    // Client point → diagram point.
    let to_diagram = {
        let svg_ref = svg_ref.clone();
        move |cx: f64, cy: f64| -> (f64, f64) {
            match svg_ref.cast::<web_sys::Element>() {
                Some(el) => {
                    let r = el.get_bounding_client_rect();
                    ((cx - r.left()) / vp.zoom, (cy - r.top()) / vp.zoom)
                }
                None => (cx, cy),
            }
        }
    };
    let capture = {
        let svg_ref = svg_ref.clone();
        move |pointer: i32| {
            if let Some(el) = svg_ref.cast::<web_sys::Element>() {
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
            let scroll = scroller.cast::<web_sys::Element>().map_or((0, 0), |el| (el.scroll_left(), el.scroll_top()));
            // Pointer capture starts with the first move, so that a plain
            // click still reaches the element under the pointer.
            *gesture.borrow_mut() = Gesture::Pan { start: (e.client_x() as f64, e.client_y() as f64), scroll };
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let capture = capture.clone();
        let preview = preview.clone();
        let to_diagram = to_diagram.clone();
        let scroller = scroller.clone();
        Callback::from(move |e: PointerEvent| {
            let (cx, cy) = (e.client_x() as f64, e.client_y() as f64);
            let mut g = gesture.borrow_mut();
            match &mut *g {
                Gesture::Idle => {}
                Gesture::Pan { start, scroll } => {
                    capture(e.pointer_id());
                    if let Some(el) = scroller.cast::<web_sys::Element>() {
                        el.set_scroll_left(scroll.0 - (cx - start.0) as i32);
                        el.set_scroll_top(scroll.1 - (cy - start.1) as i32);
                    }
                }
                Gesture::Drag { ids, start, moved } => {
                    let (dx, dy) = ((cx - start.0) / vp.zoom, (cy - start.1) / vp.zoom);
                    if !*moved && dx.abs() + dy.abs() < 4.0 / vp.zoom {
                        return;
                    }
                    if !*moved {
                        capture(e.pointer_id());
                    }
                    *moved = true;
                    preview.set(Preview { drag: Some((ids.clone(), dx, dy)), connect: None });
                }
                Gesture::Connect { from } => {
                    let (x, y) = to_diagram(cx, cy);
                    preview.set(Preview { drag: None, connect: Some((from.clone(), x, y)) });
                }
            }
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        let dispatch = props.dispatch.clone();
        let preview = preview.clone();
        let editor = props.editor.clone();
        let derived = props.derived.clone();
        let suppress_click = suppress_click.clone();
        let to_diagram = to_diagram.clone();
        Callback::from(move |e: PointerEvent| {
            let g = std::mem::replace(&mut *gesture.borrow_mut(), Gesture::Idle);
            let d = &derived.diagram;
            match g {
                Gesture::Drag { ids, start, moved: true } => {
                    *suppress_click.borrow_mut() = true;
                    let (dx, dy) =
                        ((e.client_x() as f64 - start.0) / vp.zoom, (e.client_y() as f64 - start.1) / vp.zoom);
                    let moves: Vec<StageMove> = ids
                        .iter()
                        .filter_map(|id| d.cards.iter().find(|c| &c.stage == id))
                        .map(|c| {
                            let (x, y) = ((c.x + dx).max(0.0), (c.y + dy).max(0.0));
                            let centre = x + c.w / 2.0;
                            let lane = d.lanes.iter().find(|l| centre >= l.x && centre <= l.x + l.width);
                            let old = editor.map().stages.get(c.index).and_then(|s| s.phase.clone());
                            let phase = lane.map(|l| l.phase.clone()).filter(|p| *p != old);
                            StageMove { id: c.stage.clone(), pos: Some((x, y)), phase }
                        })
                        .collect();
                    preview.set(Preview::default());
                    if !moves.is_empty() {
                        dispatch.emit(Action::Edit(Edit::MoveStages(moves)));
                    }
                }
                Gesture::Connect { from } => {
                    let (x, y) = to_diagram(e.client_x() as f64, e.client_y() as f64);
                    preview.set(Preview::default());
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
    // The wheel zooms around the pointer.
    {
        let scroller = scroller.clone();
        let dispatch = props.dispatch.clone();
        use_effect_with(vp.zoom.to_bits(), move |bits| {
            let zoom = f64::from_bits(*bits);
            let listener = scroller.cast::<web_sys::Element>().map(|el| {
                let opts = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&el.clone(), "wheel", opts, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else { return };
                    // A sideways scroll pans; up and down zoom.
                    if e.delta_x().abs() > e.delta_y().abs() {
                        return;
                    }
                    e.prevent_default();
                    let r = el.get_bounding_client_rect();
                    let (v, _, _) = live_view(zoom);
                    let factor = (-e.delta_y() * 0.002).exp();
                    dispatch.emit(Action::SetViewport(zoom_at(
                        v,
                        factor,
                        e.client_x() as f64 - r.left(),
                        e.client_y() as f64 - r.top(),
                    )));
                })
            });
            move || drop(listener)
        });
    }
    let onclick_background = {
        let dispatch = props.dispatch.clone();
        let suppress_click = suppress_click.clone();
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut *suppress_click.borrow_mut()) {
                return;
            }
            let on_background = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".stage, .flow").ok().flatten().is_none());
            if on_background {
                dispatch.emit(Action::Select(None));
            }
        })
    };
    let ondblclick = {
        let dispatch = props.dispatch.clone();
        let editor = props.editor.clone();
        let derived = props.derived.clone();
        let to_diagram = to_diagram.clone();
        Callback::from(move |e: MouseEvent| {
            let on_lane = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".stage, .flow").ok().flatten().is_none());
            if !on_lane {
                return;
            }
            let (x, _) = to_diagram(e.client_x() as f64, e.client_y() as f64);
            if let Some(lane) = derived.diagram.lanes.iter().find(|l| x >= l.x && x <= l.x + l.width) {
                dispatch.emit(commands::add_stage(&editor, lane.phase.clone()));
            }
        })
    };

    let (w, h) = *size;

    let lanes = d.lanes.iter().enumerate().map(|(i, lane)| {
        let name = match &lane.phase {
            Some(p) => map.phase(p).map_or(p.to_string(), |ph| ph.name.clone()),
            None => t(lang, Key::NoPhase).to_string(),
        };
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
        html! {
            <g {class} key={key}>
                <rect class="lane-bg" x={lane.x.to_string()} y="0" width={lane.width.to_string()}
                    height={d.height.to_string()} rx="10" />
                <text class="lane-title" x={(lane.x + 16.0).to_string()} y={(LANE_HEADER / 2.0 + 6.0).to_string()}
                    onclick={onclick}>{name}</text>
            </g>
        }
    });

    let drag = preview.drag.clone();
    let flows = d.flows.iter().map(|f| flow_view(f, &highlight, &props.dispatch, drag.is_some()));
    let cards = d.cards.iter().map(|c| {
        let offset = drag.as_ref().filter(|(ids, _, _)| ids.contains(&c.stage)).map(|(_, dx, dy)| (*dx, *dy));
        card_view(CardCtx {
            map,
            c,
            h: &highlight,
            selection: &ed.session.selection,
            lang,
            dispatch: &props.dispatch,
            gesture: &gesture,
            suppress_click: &suppress_click,
            capture: &capture,
            offset,
        })
    });
    let connect_line = preview.connect.as_ref().and_then(|(from, x, y)| {
        let c = d.cards.iter().find(|c| &c.stage == from)?;
        Some(html! {
            <path class="connect-preview" d={format!("M{},{} L{},{}", c.x + c.w, c.y + c.h / 2.0, x, y)} />
        })
    });

    let zoom_btn = |factor: f64| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let (v, cw, ch) = live_view(vp.zoom);
            dispatch.emit(Action::SetViewport(zoom_at(v, factor, cw / 2.0, ch / 2.0)))
        })
    };
    let fit_btn = {
        let dispatch = props.dispatch.clone();
        let derived = props.derived.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetViewport(fit(&derived.diagram, w, h))))
    };

    html! {
        <section class="canvas" aria-label={t(lang, Key::RegionDiagram)}>
            if map.stages.is_empty() {
                <p class="canvas-empty">{t(lang, Key::DiagramEmpty)}</p>
            }
            <div class="scroller" ref={scroller}>
            <svg ref={svg_ref} class={classes!("chain", highlight.active().then_some("has-focus"))}
                width={(d.width * vp.zoom).round().to_string()} height={(d.height * vp.zoom).round().to_string()}
                viewBox={format!("0 0 {} {}", d.width, d.height)}
                {onpointerdown} {onpointermove} {onpointerup} onclick={onclick_background} {ondblclick}>
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
                <g class="flows">{for flows}</g>
                <g class="cards">{for cards}</g>
                {for connect_line}
            </svg>
            </div>
            <div class="zoom-controls" role="group" aria-label={t(lang, Key::ViewGroup)}>
                <button type="button" aria-label={t(lang, Key::ZoomOut)} title={t(lang, Key::ZoomOut)} onclick={zoom_btn(1.0 / 1.25)}>{"−"}</button>
                <span class="zoom-level" aria-live="polite">{format!("{:.0}%", vp.zoom * 100.0)}</span>
                <button type="button" aria-label={t(lang, Key::ZoomIn)} title={t(lang, Key::ZoomIn)} onclick={zoom_btn(1.25)}>{"+"}</button>
                <button type="button" class="fit" aria-label={t(lang, Key::FitView)} title={t(lang, Key::FitView)} onclick={fit_btn}>{"⤢"}</button>
            </div>
        </section>
    }
}

fn flow_view(f: &FlowPath, h: &Highlight, dispatch: &Dispatch, dragging: bool) -> Html {
    let up = h.up_flows.contains(&f.flow);
    let down = h.down_flows.contains(&f.flow);
    let selected = h.flows.contains(&f.flow);
    let class = classes!(
        "flow",
        f.back.then_some("back"),
        up.then_some("up"),
        down.then_some("down"),
        selected.then_some("selected"),
        (h.active() && !up && !down).then_some("dim"),
        dragging.then_some("stale")
    );
    let marker = if up {
        "url(#arrow-up)"
    } else if down {
        "url(#arrow-down)"
    } else {
        "url(#arrow)"
    };
    let onclick = {
        let dispatch = dispatch.clone();
        let id = f.flow.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let sel = Selection::Flow(id.clone());
            dispatch.emit(if e.shift_key() { Action::ToggleSelect(sel) } else { Action::Select(Some(sel)) });
        })
    };
    let label = f.label.map(|(cx, top, w, hgt)| {
        let lines = f.label_lines.iter().enumerate().map(|(i, line)| {
            html! {
                <text class="flow-label-text" x={cx.to_string()} y={(top + 15.0 + i as f64 * 15.0).to_string()}
                    text-anchor="middle">{line.clone()}</text>
            }
        });
        html! {
            <g class="flow-label">
                <rect x={(cx - w / 2.0).to_string()} y={top.to_string()} width={w.to_string()}
                    height={hgt.to_string()} rx="6" />
                {for lines}
            </g>
        }
    });
    html! {
        <g {class} key={f.flow.to_string()} data-flow={f.flow.to_string()} {onclick}>
            <path class="flow-hit" d={f.d.clone()} />
            <path class="flow-line" d={f.d.clone()} marker-end={marker} />
            {for label}
        </g>
    }
}

struct CardCtx<'a, C: Fn(i32) + Clone + 'static> {
    map: &'a Map,
    c: &'a Card,
    h: &'a Highlight,
    selection: &'a [Selection],
    lang: Lang,
    dispatch: &'a Dispatch,
    gesture: &'a Rc<RefCell<Gesture>>,
    suppress_click: &'a Rc<RefCell<bool>>,
    capture: &'a C,
    offset: Option<(f64, f64)>,
}

fn card_view<C: Fn(i32) + Clone + 'static>(cx: CardCtx<'_, C>) -> Html {
    let CardCtx { map, c, h, selection, lang, dispatch, gesture, suppress_click, capture, offset } = cx;
    let Some(stage) = map.stages.get(c.index) else { return html! {} };
    let sel = Selection::Stage(c.stage.clone());
    let selected = selection.contains(&sel);
    let up = h.up_stages.contains(&c.stage);
    let down = h.down_stages.contains(&c.stage);
    let focus = h.focus.contains(&c.stage);
    let class = classes!(
        "stage",
        selected.then_some("selected"),
        up.then_some("up"),
        down.then_some("down"),
        (h.active() && !up && !down && !focus).then_some("dim"),
        offset.is_some().then_some("dragging")
    );
    let phase_name = stage.phase.as_ref().and_then(|p| map.phase(p)).map(|p| p.name.as_str());
    let students: Vec<&str> = c.chips.iter().map(|ch| map.person_name(&ch.student)).collect();
    let label = stage_card_label(lang, &stage.name, phase_name, &students);
    let onclick = {
        let dispatch = dispatch.clone();
        let sel = sel.clone();
        let suppress_click = suppress_click.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            if std::mem::take(&mut *suppress_click.borrow_mut()) {
                return;
            }
            dispatch.emit(if e.shift_key() {
                Action::ToggleSelect(sel.clone())
            } else {
                Action::Select(Some(sel.clone()))
            });
        })
    };
    let onkeydown = {
        let dispatch = dispatch.clone();
        let sel = sel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                e.stop_propagation();
                dispatch.emit(if e.shift_key() {
                    Action::ToggleSelect(sel.clone())
                } else {
                    Action::Select(Some(sel.clone()))
                });
            }
        })
    };
    let onpointerdown = {
        let gesture = gesture.clone();
        let id = c.stage.clone();
        let selection: Vec<Id> = selection.iter().filter_map(|s| s.stage().cloned()).collect();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            e.stop_propagation();
            // Dragging a selected stage drags the whole selection.
            let ids = if selection.contains(&id) { selection.clone() } else { vec![id.clone()] };
            *gesture.borrow_mut() =
                Gesture::Drag { ids, start: (e.client_x() as f64, e.client_y() as f64), moved: false };
        })
    };
    let onhandle = {
        let gesture = gesture.clone();
        let capture = capture.clone();
        let id = c.stage.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            e.stop_propagation();
            *gesture.borrow_mut() = Gesture::Connect { from: id.clone() };
            capture(e.pointer_id());
        })
    };
    let (ox, oy) = offset.unwrap_or((0.0, 0.0));
    // The name is one text element (a line per tspan, with the space kept
    // at each soft break) so that its text reads as the name; the role and
    // the chips are in the accessible name already and hidden from it here.
    let last = c.name_lines.len().saturating_sub(1);
    let name_lines: Html = c
        .name_lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let text = if i < last && !line.ends_with(|ch: char| crate::layout::text::is_wide(ch)) {
                format!("{line} ")
            } else {
                line.clone()
            };
            html! { <tspan x="10" y={(24.0 + i as f64 * 18.0).to_string()}>{text}</tspan> }
        })
        .collect();
    let role_y = 24.0 + c.name_lines.len() as f64 * 18.0 - 1.0;
    let role = c.role_line.as_ref().map(|r| {
        html! { <text class="stage-role" x="10" y={role_y.to_string()}>{r.clone()}</text> }
    });
    let chips = c.chips.iter().map(|chip| {
        html! {
            <g class="chip" key={chip.topic.to_string()} data-topic={chip.topic.to_string()}>
                <rect x={chip.x.to_string()} y={chip.y.to_string()} width={chip.w.to_string()} height="20" rx="10" />
                <text x={(chip.x + chip.w / 2.0).to_string()} y={(chip.y + 14.0).to_string()} text-anchor="middle">
                    {chip.text.clone()}
                </text>
            </g>
        }
    });
    // The button holds the card and the name only, so that its visible text
    // is its name; the role line and the student chips are drawn over it,
    // outside the button (they are in its accessible name already).
    html! {
        <g {class} key={c.stage.to_string()} data-stage={c.stage.to_string()}
            transform={format!("translate({},{})", c.x + ox, c.y + oy)}>
            <g class="stage-button" tabindex="0" role="button" aria-label={label} aria-pressed={selected.to_string()}
                {onclick} {onkeydown} {onpointerdown}>
                <rect class="card" width={c.w.to_string()} height={c.h.to_string()} rx="8" />
                <text class="stage-name">{name_lines}</text>
                <circle class="handle" cx={c.w.to_string()} cy={(c.h / 2.0).to_string()} r="7" onpointerdown={onhandle}>
                    <title>{t(lang, Key::AddFlow)}</title>
                </circle>
            </g>
            <g class="stage-extra" aria-hidden="true">
                if up { <text class="mark" x={(c.w - 8.0).to_string()} y="16" text-anchor="end">{"↑"}</text> }
                if down { <text class="mark" x={(c.w - 8.0).to_string()} y="16" text-anchor="end">{"↓"}</text> }
                {for role}
                {for chips}
            </g>
        </g>
    }
}
