//! One flow: its path, arrowhead and artifact label, as its own component.

use yew::prelude::*;

use crate::app::Dispatch;
use crate::editor::Selection;
use crate::i18n::{t, Key, Lang};
use crate::layout::FlowPath;

#[derive(Properties, PartialEq)]
pub struct FlowProps {
    pub flow: FlowPath,
    pub up: bool,
    pub down: bool,
    pub selected: bool,
    pub dim: bool,
    /// The whole artifact, when the label had to cut it short.
    pub tooltip: Option<AttrValue>,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[component]
pub fn FlowLine(p: &FlowProps) -> Html {
    let f = &p.flow;
    let class = classes!(
        "flow",
        f.back.then_some("back"),
        p.up.then_some("up"),
        p.down.then_some("down"),
        p.selected.then_some("selected"),
        p.dim.then_some("dim")
    );
    let marker = if p.up {
        "url(#arrow-up)"
    } else if p.down {
        "url(#arrow-down)"
    } else {
        "url(#arrow)"
    };
    let onclick = {
        let dispatch = p.dispatch.clone();
        let id = f.flow.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            super::card::select(&dispatch, Selection::Flow(id.clone()), e.shift_key());
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
                if let Some(text) = &p.tooltip { <title>{text.clone()}</title> }
                <rect x={(cx - w / 2.0).to_string()} y={top.to_string()} width={w.to_string()}
                    height={hgt.to_string()} rx="6" />
                {for lines}
            </g>
        }
    });
    // No artifact name (a gap): a small "?" halfway along, which says so on hover.
    let unnamed = f.unnamed_at.map(|(x, y)| {
        html! {
            <g class="flow-unnamed">
                <title>{t(p.lang, Key::UnnamedFlowMark)}</title>
                <circle cx={x.to_string()} cy={y.to_string()} r="8" />
                <text x={x.to_string()} y={(y + 4.0).to_string()} text-anchor="middle">{"?"}</text>
            </g>
        }
    });
    html! {
        <g {class} data-flow={f.flow.to_string()} {onclick}>
            <path class="flow-hit" d={f.d.clone()} />
            <path class="flow-line" d={f.d.clone()} marker-end={marker} />
            {for label}
            {for unnamed}
        </g>
    }
}
