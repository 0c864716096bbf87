//! The Inspector: edits the selection with labelled fields and shows what
//! comes in and from whom, what goes out and to whom.

mod chain;
mod entities;
mod fields;
mod gaps_here;

pub use fields::{Choices, DRAW_ON_FOCUS_ABOVE};

use yew::prelude::*;

use super::panel::{use_panel, Panel};
use super::{Derived, Dispatch, Shared};
use crate::editor::{Editor, Selection};
use crate::i18n::{refusal_message, t, Key};

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub editor: Shared<Editor>,
    pub derived: Shared<Derived>,
    pub dispatch: Dispatch,
}

#[component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let (open, toggle) = use_panel();
    let ed = &*props.editor;
    let lang = ed.session.lang;
    let map = ed.map();
    let fresh = ed.session.fresh;
    let ask = ed.session.ask;
    // The field the refused edit came from, marked with the reason.
    let bad: entities::Refused = match (&ed.session.refused_field, &ed.session.refusal) {
        (Some(field), Some(r)) => Some((
            field.clone(),
            format!("{}{}{}", t(lang, Key::FieldRefused), crate::i18n::colon(lang), refusal_message(r, map, lang))
                .into(),
        )),
        _ => None,
    };
    let d = &props.dispatch;
    let count = ed.session.selection.len();
    let here = |sel: &Selection| gaps_here::gaps_here(map, &props.derived, sel, lang, d);
    let body = if !open {
        Html::default()
    } else {
        match ed.session.primary() {
            Some(sel @ Selection::Stage(id)) if map.stage(id).is_some() => {
                entities::stage(&Shared::from(ed.doc.clone()), &props.derived, id, lang, fresh, &bad, d, here(sel))
            }
            Some(sel @ Selection::Flow(id)) if map.flow(id).is_some() => {
                entities::flow(map, &props.derived, id, lang, fresh, &bad, d, here(sel))
            }
            Some(sel @ Selection::Topic(id)) if map.topic(id).is_some() => {
                entities::topic(map, &props.derived, id, lang, fresh, ask, &bad, d, here(sel))
            }
            Some(sel @ Selection::Person(id)) if map.person(id).is_some() => {
                entities::person(map, id, lang, fresh, &bad, d, here(sel))
            }
            Some(sel @ Selection::Phase(id)) if map.phase(id).is_some() => {
                entities::phase(map, id, lang, fresh, &bad, d, here(sel))
            }
            _ => entities::project(map, lang, &bad, d),
        }
    };
    html! {
        <Panel title={t(lang, Key::RegionInspector)} class="inspector" {lang} {open} ontoggle={toggle}>
            if open {
                if count > 1 {
                    <p class="hint multi">{format!("{count} {}", t(lang, Key::MultiSelected))}</p>
                }
                {body}
            }
        </Panel>
    }
}
