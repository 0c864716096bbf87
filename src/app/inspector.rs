//! The Inspector: what the selection is, what comes in and from whom, what
//! goes out and to whom — direct first, then the rest of the chain.

use yew::prelude::*;

use super::{Dispatch, Shared};
use crate::analysis::{chain::people_at, chain_of_stage, Chain, Link};
use crate::editor::{Action, Selection};
use crate::i18n::{t, Key, Lang};
use crate::model::{Id, Map};

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub doc: Shared<Map>,
    pub selection: Option<Selection>,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let lang = props.lang;
    let map = &*props.doc;
    let body = match &props.selection {
        Some(Selection::Stage(id)) => match map.stage(id) {
            Some(_) => stage_view(map, id, lang, &props.dispatch),
            None => empty(lang),
        },
        Some(Selection::Topic(id)) => topic_view(map, id, lang, &props.dispatch),
        _ => empty(lang),
    };
    html! {
        <section class="panel inspector" aria-label={t(lang, Key::RegionInspector)}>
            <h2 class="panel-title">{t(lang, Key::RegionInspector)}</h2>
            {body}
        </section>
    }
}

fn empty(lang: Lang) -> Html {
    html! { <p class="hint">{t(lang, Key::NothingSelected)}</p> }
}

fn names(map: &Map, ids: &[Id], lang: Lang) -> String {
    if ids.is_empty() {
        t(lang, Key::NoOne).to_string()
    } else {
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        ids.iter().map(|i| map.person_name(i).to_string()).collect::<Vec<_>>().join(sep)
    }
}

fn stage_link(map: &Map, id: &Id, dispatch: &Dispatch) -> Html {
    let onclick = {
        let dispatch = dispatch.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Select(Some(Selection::Stage(id.clone())))))
    };
    html! { <button type="button" class="link" {onclick}>{map.stage_name(id).to_string()}</button> }
}

fn artifact(a: &str, lang: Lang) -> Html {
    if a.trim().is_empty() {
        html! { <span class="artifact unnamed">{t(lang, Key::Unnamed)}</span> }
    } else {
        html! { <span class="artifact">{a.to_string()}</span> }
    }
}

fn link_item(map: &Map, l: &Link, incoming: bool, lang: Lang, dispatch: &Dispatch) -> Html {
    let other = if incoming { &l.from } else { &l.to };
    let people = people_at(map, other);
    let (arrow, dir, who) = if incoming {
        ("←", t(lang, Key::From), t(lang, Key::By))
    } else {
        ("→", t(lang, Key::To), t(lang, Key::For))
    };
    html! {
        <li class={classes!("link-item", (l.depth > 1).then_some("further"))} key={l.flow.to_string()}>
            <span class="glyph" aria-hidden="true">{arrow}</span>
            {artifact(&l.artifact, lang)}
            <span class="dir">{format!(" {dir} ")}</span>
            {stage_link(map, other, dispatch)}
            <span class="who">{format!(" · {who} {}", names(map, &people, lang))}</span>
        </li>
    }
}

fn chain_lists(
    map: &Map,
    chain: &Chain,
    ext_in: &[String],
    ext_out: &[String],
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let direct_in: Vec<&Link> = chain.inputs.iter().filter(|l| l.depth == 1).collect();
    let further_in: Vec<&Link> = chain.inputs.iter().filter(|l| l.depth > 1).collect();
    let direct_out: Vec<&Link> = chain.outputs.iter().filter(|l| l.depth == 1).collect();
    let further_out: Vec<&Link> = chain.outputs.iter().filter(|l| l.depth > 1).collect();
    let ext = |items: &[String], incoming: bool| -> Html {
        items
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let (glyph, note) = if incoming { ("←", Key::ExternalInput) } else { ("→", Key::ExternalOutput) };
                html! {
                    <li class="link-item external" key={format!("ext-{i}")}>
                        <span class="glyph" aria-hidden="true">{glyph}</span>
                        <span class="artifact">{x.clone()}</span>
                        <span class="who">{format!(" · {}", t(lang, note))}</span>
                    </li>
                }
            })
            .collect()
    };
    let no_in = direct_in.is_empty() && ext_in.is_empty();
    let no_out = direct_out.is_empty() && ext_out.is_empty();
    html! {
        <>
            <h4 class="sub">{t(lang, Key::Inputs)}</h4>
            if no_in {
                <p class="hint warn">{t(lang, Key::NoInputs)}</p>
            } else {
                <ul class="links inputs" aria-label={t(lang, Key::DirectInputs)}>
                    {for direct_in.iter().map(|l| link_item(map, l, true, lang, dispatch))}
                    {ext(ext_in, true)}
                </ul>
            }
            if !further_in.is_empty() {
                <h5 class="subsub">{t(lang, Key::FurtherUpstream)}</h5>
                <ul class="links inputs further" aria-label={t(lang, Key::FurtherUpstream)}>
                    {for further_in.iter().map(|l| link_item(map, l, true, lang, dispatch))}
                </ul>
            }
            <h4 class="sub">{t(lang, Key::Outputs)}</h4>
            if no_out {
                <p class="hint warn">{t(lang, Key::NoOutputs)}</p>
            } else {
                <ul class="links outputs" aria-label={t(lang, Key::DirectOutputs)}>
                    {for direct_out.iter().map(|l| link_item(map, l, false, lang, dispatch))}
                    {ext(ext_out, false)}
                </ul>
            }
            if !further_out.is_empty() {
                <h5 class="subsub">{t(lang, Key::FurtherDownstream)}</h5>
                <ul class="links outputs further" aria-label={t(lang, Key::FurtherDownstream)}>
                    {for further_out.iter().map(|l| link_item(map, l, false, lang, dispatch))}
                </ul>
            }
        </>
    }
}

fn stage_view(map: &Map, id: &Id, lang: Lang, dispatch: &Dispatch) -> Html {
    let Some(s) = map.stage(id) else { return html! {} };
    let chain = chain_of_stage(map, id);
    let phase =
        s.phase.as_ref().and_then(|p| map.phase(p)).map_or(t(lang, Key::NoPhase).to_string(), |p| p.name.clone());
    let students = people_at(map, id);
    html! {
        <div class="selection stage-details">
            <p class="kind">{t(lang, Key::StageHeading)}</p>
            <h3 class="name">{s.name.clone()}</h3>
            <dl class="facts">
                <dt>{t(lang, Key::PhaseLabel)}</dt><dd>{phase}</dd>
                if !s.role.trim().is_empty() {
                    <dt>{t(lang, Key::RoleLabel)}</dt><dd class="role">{s.role.clone()}</dd>
                }
                <dt>{t(lang, Key::StudentsHere)}</dt>
                <dd>{if students.is_empty() { t(lang, Key::NobodyHere).to_string() } else { names(map, &students, lang) }}</dd>
            </dl>
            {chain_lists(map, &chain, &s.external_inputs, &s.external_outputs, lang, dispatch)}
        </div>
    }
}

fn topic_view(map: &Map, id: &Id, lang: Lang, dispatch: &Dispatch) -> Html {
    let Some(topic) = map.topic(id) else { return empty(lang) };
    let stage = topic.stage.as_ref().and_then(|s| map.stage(s));
    html! {
        <div class="selection topic-details">
            <p class="kind">{t(lang, Key::TopicHeading)}</p>
            <h3 class="name">{topic.title.clone()}</h3>
            <dl class="facts">
                <dt>{t(lang, Key::StageHeading)}</dt>
                <dd>{match stage { Some(s) => stage_link(map, &s.id, dispatch), None => html! { {t(lang, Key::NoOne)} } }}</dd>
            </dl>
            if let Some(s) = stage {
                {chain_lists(map, &chain_of_stage(map, &s.id), &s.external_inputs, &s.external_outputs, lang, dispatch)}
            }
        </div>
    }
}
