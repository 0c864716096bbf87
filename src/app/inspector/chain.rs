//! The read-only part of the Inspector: each input (artifact, from which
//! stage, by whom) and each output (artifact, to which stage, for whom),
//! direct first, then the rest of the chain.

use yew::prelude::*;

use crate::analysis::{Chain, Link};
use crate::app::{Derived, Dispatch};
use crate::editor::{Action, Selection};
use crate::i18n::{more_links, t, Key, Lang};

/// Hand-offs listed beyond the direct ones, nearest first.
const FURTHER_SHOWN: usize = 40;
use crate::model::{Id, Map};

pub fn names(map: &Map, ids: &[Id], lang: Lang) -> String {
    if ids.is_empty() {
        t(lang, Key::NoOne).to_string()
    } else {
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        ids.iter().map(|i| map.person_name(i).to_string()).collect::<Vec<_>>().join(sep)
    }
}

pub fn select_button(text: String, sel: Selection, dispatch: &Dispatch, class: &'static str) -> Html {
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Select(Some(sel.clone()))))
    };
    html! { <button type="button" class={classes!("link", class)} {onclick}>{text}</button> }
}

fn link_item(map: &Map, derived: &Derived, l: &Link, incoming: bool, lang: Lang, dispatch: &Dispatch) -> Html {
    let other = if incoming { &l.from } else { &l.to };
    let people = derived.people_at(other);
    let (arrow, dir) = if incoming { ("←", t(lang, Key::From)) } else { ("→", t(lang, Key::To)) };
    let who = crate::i18n::who_at_other_end(lang, incoming, (!people.is_empty()).then(|| names(map, people, lang)));
    let artifact = if l.artifact.trim().is_empty() {
        select_button(t(lang, Key::Unnamed).to_string(), Selection::Flow(l.flow.clone()), dispatch, "artifact unnamed")
    } else {
        select_button(l.artifact.clone(), Selection::Flow(l.flow.clone()), dispatch, "artifact")
    };
    html! {
        <li class={classes!("link-item", (l.depth > 1).then_some("further"))} key={l.flow.to_string()} data-flow={l.flow.to_string()}>
            <span class="glyph" aria-hidden="true">{arrow}</span>
            {artifact}
            // Further up or down the chain, the hand-off's near end is not the
            // selection: both ends are named ("from Heat treatment window to
            // Engine part production").
            if l.depth > 1 {
                <span class="dir">{format!(" {} ", t(lang, Key::From))}</span>
                {select_button(derived.stage_name(map, &l.from).to_string(), Selection::Stage(l.from.clone()), dispatch, "stage-link")}
                <span class="dir">{format!(" {} ", t(lang, Key::To))}</span>
                {select_button(derived.stage_name(map, &l.to).to_string(), Selection::Stage(l.to.clone()), dispatch, "stage-link")}
            } else {
                <span class="dir">{format!(" {dir} ")}</span>
                {select_button(derived.stage_name(map, other).to_string(), Selection::Stage(other.clone()), dispatch, "stage-link")}
            }
            <span class="who">{format!(" · {who}")}</span>
        </li>
    }
}

pub fn chain_lists(
    map: &Map,
    derived: &Derived,
    chain: &Chain,
    ext_in: &[String],
    ext_out: &[String],
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let direct_in: Vec<&Link> = chain.inputs.iter().filter(|l| l.depth == 1).collect();
    // The rest of the chain can be thousands of hand-offs on a big map: the
    // nearest ones are listed, the count of the others is given.
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
        <div class="chain-lists">
            <h4 class="sub">{t(lang, Key::Inputs)}</h4>
            if no_in {
                <p class="hint warn">{t(lang, Key::NoInputs)}</p>
            } else {
                <ul class="links inputs" aria-label={t(lang, Key::DirectInputs)}>
                    {for direct_in.iter().map(|l| link_item(map, derived, l, true, lang, dispatch))}
                    {ext(ext_in, true)}
                </ul>
            }
            if !further_in.is_empty() {
                <h5 class="subsub">{t(lang, Key::FurtherUpstream)}</h5>
                <ul class="links inputs further" aria-label={t(lang, Key::FurtherUpstream)}>
                    {for further_in.iter().take(FURTHER_SHOWN).map(|l| link_item(map, derived, l, true, lang, dispatch))}
                </ul>
                if further_in.len() > FURTHER_SHOWN {
                    <p class="hint">{more_links(lang, further_in.len() - FURTHER_SHOWN)}</p>
                }
            }
            <h4 class="sub">{t(lang, Key::Outputs)}</h4>
            if no_out {
                <p class="hint warn">{t(lang, Key::NoOutputs)}</p>
            } else {
                <ul class="links outputs" aria-label={t(lang, Key::DirectOutputs)}>
                    {for direct_out.iter().map(|l| link_item(map, derived, l, false, lang, dispatch))}
                    {ext(ext_out, false)}
                </ul>
            }
            if !further_out.is_empty() {
                <h5 class="subsub">{t(lang, Key::FurtherDownstream)}</h5>
                <ul class="links outputs further" aria-label={t(lang, Key::FurtherDownstream)}>
                    {for further_out.iter().take(FURTHER_SHOWN).map(|l| link_item(map, derived, l, false, lang, dispatch))}
                </ul>
                if further_out.len() > FURTHER_SHOWN {
                    <p class="hint">{more_links(lang, further_out.len() - FURTHER_SHOWN)}</p>
                }
            }
        </div>
    }
}
