//! One stage card. A component of its own so that, when one card changes
//! (selected, marked, moved), only that card is rendered again.

use std::cell::RefCell;

use yew::prelude::*;

use super::Gesture;
use crate::app::{Dispatch, Shared};
use crate::editor::{Action, Selection};
use crate::i18n::{t, Key, Lang};
use crate::layout::Card;
use crate::model::Id;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub card: Card,
    pub label: AttrValue,
    /// The whole name (and role) when the card shows them cut short.
    #[prop_or_default]
    pub tooltip: Option<AttrValue>,
    pub selected: bool,
    pub up: bool,
    pub down: bool,
    pub dim: bool,
    /// The stage the selection is about (e.g. the stage of a selected topic).
    pub focus: bool,
    pub lang: Lang,
    pub dispatch: Dispatch,
    pub gesture: Shared<RefCell<Gesture>>,
    pub suppress_click: Shared<RefCell<bool>>,
    /// The selected stages at the moment a drag starts (read then, not rendered).
    pub selected_stages: Shared<RefCell<Vec<Id>>>,
}

/// Selects `sel`, or with `add` (Shift held) adds it to or takes it out of the selection.
pub(super) fn select(dispatch: &Dispatch, sel: Selection, add: bool) {
    dispatch.emit(if add { Action::ToggleSelect(sel) } else { Action::Select(Some(sel)) });
}

#[component]
pub fn StageCard(p: &CardProps) -> Html {
    let c = &p.card;
    let sel = Selection::Stage(c.stage.clone());
    let class = classes!(
        "stage",
        p.selected.then_some("selected"),
        p.up.then_some("up"),
        p.down.then_some("down"),
        p.dim.then_some("dim"),
        (p.focus && !p.selected).then_some("focus")
    );
    let onclick = {
        let dispatch = p.dispatch.clone();
        let sel = sel.clone();
        let suppress = p.suppress_click.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            if std::mem::take(&mut *suppress.borrow_mut()) {
                return;
            }
            select(&dispatch, sel.clone(), e.shift_key());
        })
    };
    let onkeydown = {
        let dispatch = p.dispatch.clone();
        let sel = sel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                e.stop_propagation();
                select(&dispatch, sel.clone(), e.shift_key());
            }
        })
    };
    let onpointerdown = {
        let gesture = p.gesture.clone();
        let selected = p.selected_stages.clone();
        let id = c.stage.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            e.stop_propagation();
            // Dragging a selected stage drags the whole selection.
            let current = selected.borrow().clone();
            let ids = if current.contains(&id) { current } else { vec![id.clone()] };
            *gesture.borrow_mut() = Gesture::Drag {
                ids,
                start: (e.client_x() as f64, e.client_y() as f64),
                moved: false,
                drawn: Vec::new(),
            };
        })
    };
    let onhandle = {
        let gesture = p.gesture.clone();
        let id = c.stage.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            e.stop_propagation();
            *gesture.borrow_mut() = Gesture::Connect { from: id.clone() };
        })
    };
    // The name is one text element (a line per tspan, keeping the space at
    // each soft break) so that the button's visible text reads as the name.
    let last = c.name_lines.len().saturating_sub(1);
    let name_lines: Html = c
        .name_lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let soft_break = i < last && !line.ends_with(crate::layout::text::is_wide);
            let text = if soft_break { format!("{line} ") } else { line.clone() };
            html! { <tspan x="10" y={(24.0 + i as f64 * 18.0).to_string()}>{text}</tspan> }
        })
        .collect();
    let role_y = 24.0 + c.name_lines.len() as f64 * 18.0 - 1.0;
    let role = c.role_line.as_ref().map(|r| {
        html! { <text class="stage-role" x="10" y={role_y.to_string()}>{r.clone()}</text> }
    });
    let letters = [t(p.lang, Key::SupervisorAcademicLetter), t(p.lang, Key::SupervisorEnterpriseLetter)];
    let chips = c.chips.iter().map(|chip| {
        let cx = (chip.x + chip.text_w() / 2.0).to_string();
        // The topic's supervisors: a small mark per kind (academic, enterprise).
        let marks = chip.marks().into_iter().zip(letters).zip(["academic", "enterprise"]).filter_map(|((at, letter), kind)| {
            let at = at?;
            Some(html! {
                <g class={classes!("sup-mark", kind)}>
                    <circle cx={at.to_string()} cy={(chip.y + 10.0).to_string()} r="6.5" />
                    <text x={at.to_string()} y={(chip.y + 13.5).to_string()} text-anchor="middle">{letter}</text>
                </g>
            })
        });
        // A wrapped name: a line per tspan, a space kept at each soft break
        // so that the text reads as the name.
        let last = chip.lines.len().saturating_sub(1);
        let lines = chip.lines.iter().enumerate().map(|(i, line)| {
            let soft_break = i < last && !line.ends_with(crate::layout::text::is_wide);
            let text = if soft_break { format!("{line} ") } else { line.clone() };
            let y = chip.y + 14.0 + i as f64 * crate::layout::CHIP_LINE;
            html! { <tspan x={cx.clone()} y={y.to_string()}>{text}</tspan> }
        });
        html! {
            <g class="chip" key={chip.topic.to_string()} data-topic={chip.topic.to_string()}>
                <rect x={chip.x.to_string()} y={chip.y.to_string()} width={chip.w.to_string()} height={chip.h.to_string()} rx="10" />
                <text text-anchor="middle">{for lines}</text>
                {for marks}
            </g>
        }
    });
    // A stage nobody works at says so on the card, in words and a dashed
    // outline (not colour alone); its accessible name says it too.
    let vacant = c.vacant.map(|(x, y, w, h)| {
        html! {
            <g class="vacant">
                <rect x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="10" />
                <text x={(x + w / 2.0).to_string()} y={(y + 14.0).to_string()} text-anchor="middle">{t(p.lang, Key::NoStudentYet)}</text>
            </g>
        }
    });
    // The button holds the card and the name only; the role line and the
    // student chips are drawn over it, outside the button (they are in its
    // accessible name already).
    html! {
        <g {class} data-stage={c.stage.to_string()} transform={format!("translate({},{})", c.x, c.y)}>
            <g class="stage-button" tabindex="0" role="button" aria-label={p.label.clone()} aria-pressed={p.selected.to_string()}
                {onclick} {onkeydown} {onpointerdown}>
                <rect class="card" width={c.w.to_string()} height={c.h.to_string()} rx="8">
                    if let Some(text) = &p.tooltip { <title>{text.clone()}</title> }
                </rect>
                <text class="stage-name">
                    if let Some(text) = &p.tooltip { <title>{text.clone()}</title> }
                    {name_lines}
                </text>
                <circle class="handle" cx={c.w.to_string()} cy={(c.h / 2.0).to_string()} r="7" onpointerdown={onhandle}>
                    <title>{t(p.lang, Key::AddFlow)}</title>
                </circle>
            </g>
            // The keyboard focus: a ring around the button's card, apart from
            // it, so that it never looks like the selection (the card's own
            // outline and fill). Outside the button, it leaves its box alone.
            <rect class="focus-ring" x="-6" y="-6" width={(c.w + 12.0).to_string()} height={(c.h + 12.0).to_string()} rx="12" />
            <g class="stage-extra" aria-hidden="true">
                if p.up { <text class="mark" x={(c.w - 8.0).to_string()} y="16" text-anchor="end">{"↑"}</text> }
                if p.down { <text class="mark" x={(c.w - 8.0).to_string()} y="16" text-anchor="end">{"↓"}</text> }
                {for role}
                {for chips}
                {for vacant}
            </g>
        </g>
    }
}
