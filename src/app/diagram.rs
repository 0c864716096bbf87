//! The chain diagram: phase lanes, stage cards with their students, and
//! flows labelled with their artifact, as SVG. Selecting a stage or topic
//! marks its upstream (dashed) and downstream (solid, heavier) and dims the rest.

use std::collections::HashSet;

use yew::prelude::*;

use super::{Derived, Dispatch, Shared};
use crate::analysis::{chain_of_stage, Chain};
use crate::editor::{Action, Selection};
use crate::i18n::{stage_card_label, t, Key, Lang};
use crate::layout::{Card, FlowPath, LANE_HEADER};
use crate::model::{Id, Map};

/// What to mark on the diagram for the current selection.
#[derive(Default, PartialEq)]
pub struct Highlight {
    pub focus: HashSet<Id>,
    pub up_stages: HashSet<Id>,
    pub down_stages: HashSet<Id>,
    pub up_flows: HashSet<Id>,
    pub down_flows: HashSet<Id>,
}

impl Highlight {
    pub fn of(map: &Map, selection: &[Selection]) -> Highlight {
        let mut h = Highlight::default();
        let Some(primary) = selection.last() else { return h };
        let stage = match primary {
            Selection::Stage(id) => Some(id.clone()),
            Selection::Topic(id) => map.topic(id).and_then(|t| t.stage.clone()),
            _ => None,
        };
        for s in selection {
            if let Selection::Stage(id) = s {
                h.focus.insert(id.clone());
            }
        }
        let Some(stage) = stage else { return h };
        h.focus.insert(stage.clone());
        let chain: Chain = chain_of_stage(map, &stage);
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

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub doc: Shared<Map>,
    pub derived: Shared<Derived>,
    pub selection: Vec<Selection>,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[component]
pub fn ChainDiagram(props: &DiagramProps) -> Html {
    let lang = props.lang;
    let map = &*props.doc;
    let d = &props.derived.diagram;
    let highlight = {
        let doc = props.doc.clone();
        use_memo((props.doc.clone(), props.selection.clone()), move |(_, sel)| Highlight::of(&doc, sel))
    };
    let on_background = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if e.target() == e.current_target() {
                dispatch.emit(Action::Select(None));
            }
        })
    };

    let lanes = d.lanes.iter().enumerate().map(|(i, lane)| {
        let name = match &lane.phase {
            Some(p) => map.phase(p).map_or(p.to_string(), |ph| ph.name.clone()),
            None => t(lang, Key::NoPhase).to_string(),
        };
        let class = classes!(
            "lane",
            if i % 2 == 0 { "lane-even" } else { "lane-odd" },
            lane.phase.is_none().then_some("lane-none")
        );
        let key = lane.phase.as_ref().map_or("~none".to_string(), |p| p.to_string());
        html! {
            <g {class} key={key}>
                <rect class="lane-bg" x={lane.x.to_string()} y="0" width={lane.width.to_string()}
                    height={d.height.to_string()} rx="10" />
                <text class="lane-title" x={(lane.x + 16.0).to_string()} y={(LANE_HEADER / 2.0 + 6.0).to_string()}>
                    {name}
                </text>
            </g>
        }
    });

    let flows = d.flows.iter().map(|f| flow_view(f, &highlight));
    let cards = d.cards.iter().map(|c| card_view(map, c, &highlight, &props.selection, lang, &props.dispatch));

    html! {
        <section class="canvas" aria-label={t(lang, Key::RegionDiagram)}>
            if map.stages.is_empty() {
                <p class="canvas-empty">{t(lang, Key::DiagramEmpty)}</p>
            }
            <svg class={classes!("chain", highlight.active().then_some("has-focus"))}
                width={d.width.to_string()} height={d.height.to_string()}
                viewBox={format!("0 0 {} {}", d.width, d.height)} onclick={on_background}>
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
            </svg>
        </section>
    }
}

fn flow_view(f: &FlowPath, h: &Highlight) -> Html {
    let up = h.up_flows.contains(&f.flow);
    let down = h.down_flows.contains(&f.flow);
    let class = classes!(
        "flow",
        f.back.then_some("back"),
        up.then_some("up"),
        down.then_some("down"),
        (h.active() && !up && !down).then_some("dim")
    );
    let marker = if up {
        "url(#arrow-up)"
    } else if down {
        "url(#arrow-down)"
    } else {
        "url(#arrow)"
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
        <g {class} key={f.flow.to_string()} data-flow={f.flow.to_string()}>
            <path class="flow-line" d={f.d.clone()} marker-end={marker} />
            {for label}
        </g>
    }
}

fn card_view(map: &Map, c: &Card, h: &Highlight, selection: &[Selection], lang: Lang, dispatch: &Dispatch) -> Html {
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
        (h.active() && !up && !down && !focus).then_some("dim")
    );
    let phase_name = stage.phase.as_ref().and_then(|p| map.phase(p)).map(|p| p.name.as_str());
    let students: Vec<&str> = c.chips.iter().map(|ch| map.person_name(&ch.student)).collect();
    let label = stage_card_label(lang, &stage.name, phase_name, &students);
    let onclick = {
        let dispatch = dispatch.clone();
        let sel = sel.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            if e.shift_key() {
                dispatch.emit(Action::ToggleSelect(sel.clone()));
            } else {
                dispatch.emit(Action::Select(Some(sel.clone())));
            }
        })
    };
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                if e.shift_key() {
                    dispatch.emit(Action::ToggleSelect(sel.clone()));
                } else {
                    dispatch.emit(Action::Select(Some(sel.clone())));
                }
            }
        })
    };
    let mut y = 10.0;
    let name_lines = c.name_lines.iter().map(|line| {
        y += 18.0;
        html! { <text class="stage-name" x="10" y={(y - 4.0).to_string()}>{line.clone()}</text> }
    });
    let name_lines: Html = name_lines.collect();
    let role = c.role_line.as_ref().map(|r| {
        y += 16.0;
        html! { <text class="stage-role" x="10" y={(y - 3.0).to_string()}>{r.clone()}</text> }
    });
    let chips = c.chips.iter().map(|chip| {
        html! {
            <g class="chip" key={chip.topic.to_string()}>
                <rect x={chip.x.to_string()} y={chip.y.to_string()} width={chip.w.to_string()} height="20" rx="10" />
                <text x={(chip.x + chip.w / 2.0).to_string()} y={(chip.y + 14.0).to_string()} text-anchor="middle">
                    {chip.text.clone()}
                </text>
            </g>
        }
    });
    html! {
        <g {class} key={c.stage.to_string()} data-stage={c.stage.to_string()}
            transform={format!("translate({},{})", c.x, c.y)}
            tabindex="0" role="button" aria-label={label} aria-pressed={selected.to_string()}
            {onclick} {onkeydown}>
            <rect class="card" width={c.w.to_string()} height={c.h.to_string()} rx="8" />
            if up { <text class="mark" x={(c.w - 8.0).to_string()} y="16" text-anchor="end" aria-hidden="true">{"↑"}</text> }
            if down { <text class="mark" x={(c.w - 8.0).to_string()} y="16" text-anchor="end" aria-hidden="true">{"↓"}</text> }
            {name_lines}
            {for role}
            {for chips}
        </g>
    }
}
