//! The Brief region: a topic's one-page defense brief — the project, the
//! topic's position, each input and output with the people at the other
//! end, the chain up and down, supervisors, the gaps that touch it, and a
//! readiness checklist. Printable (one A4 page per brief, black and white),
//! exportable as Markdown, and all briefs can be printed in one go.

use yew::prelude::*;

use super::panel::{use_panel, Panel};
use super::{effects, Derived, Dispatch, Shared};
use crate::analysis::{brief_with, Brief, Handoff, Names, Reached};
use crate::editor::{Action, Selection};
use crate::export::brief_md::{all_briefs_markdown, brief_markdown};
use crate::i18n::exchange::{aside, brief_words, check_item, list_sep, ready_count, steps, who_there, BriefWords};
use crate::i18n::{and_more, colon, gap_message, severity_name, t, Key, Lang};
use crate::model::{Id, Map};

/// The stages drawn up and down the chain, nearest first; the count of the
/// rest follows ("and 12 more"). The Markdown export lists every one.
const CHAIN_SHOWN: usize = 20;
/// The direct hand-offs, and the gaps, drawn before the count of the rest.
const LIST_SHOWN: usize = 40;
/// The students named at one stage before the count of the others.
const PEOPLE_SHOWN: usize = 8;

/// Names, joined, the first few and the count of the others; `none` for nobody.
fn names(n: &Names, ids: &[Id], lang: Lang, none: &str) -> String {
    if ids.is_empty() {
        return none.to_string();
    }
    let mut text = ids.iter().take(PEOPLE_SHOWN).map(|i| n.person(i)).collect::<Vec<_>>().join(list_sep(lang));
    if ids.len() > PEOPLE_SHOWN {
        text.push_str(list_sep(lang));
        text.push_str(&and_more(lang, ids.len() - PEOPLE_SHOWN));
    }
    text
}

/// A text from the file as written, or "not written yet".
fn written(text: &str, w: &BriefWords) -> String {
    if text.trim().is_empty() {
        w.not_written.to_string()
    } else {
        text.to_string()
    }
}

/// The count of the items not drawn, as the list's last item.
fn rest(lang: Lang, total: usize, shown: usize) -> Html {
    if total > shown {
        html! { <li class="more hint">{and_more(lang, total - shown)}</li> }
    } else {
        html! {}
    }
}

/// A direct hand-off: "← used sand from Casting · nobody works there yet".
fn handoff(n: &Names, h: &Handoff, incoming: bool, w: &BriefWords, lang: Lang) -> Html {
    let artifact = if h.artifact.trim().is_empty() { w.unnamed.to_string() } else { h.artifact.clone() };
    let (arrow, dir, word) =
        if incoming { ("←", t(lang, Key::From), w.by) } else { ("→", t(lang, Key::To), w.for_whom) };
    let who = if h.people.is_empty() {
        w.nobody.to_string()
    } else {
        who_there(lang, word, &names(n, &h.people, lang, w.nobody))
    };
    html! {
        <li key={h.flow.to_string()}>
            <span aria-hidden="true">{arrow}{" "}</span>
            <strong>{artifact}</strong>{format!(" {dir} ")}{n.stage(&h.stage).to_string()}
            <span class="who">{format!(" · {who}")}</span>
        </li>
    }
}

/// The inputs (outputs) of the stage: its hand-offs, then what comes from
/// (leaves for) outside the project.
fn handoffs(n: &Names, b: &Brief, incoming: bool, w: &BriefWords, lang: Lang) -> Html {
    let (list, external, note, none) = if incoming {
        (&b.inputs, &b.external_inputs, w.external_input, w.no_inputs)
    } else {
        (&b.outputs, &b.external_outputs, w.external_output, w.no_outputs)
    };
    if b.stage.is_none() {
        return html! { <p>{w.place_first}</p> };
    }
    if list.is_empty() && external.is_empty() {
        return html! { <p>{none}</p> };
    }
    let ext_shown = LIST_SHOWN.saturating_sub(list.len());
    html! {
        <ul class="brief-links">
            {for list.iter().take(LIST_SHOWN).map(|h| handoff(n, h, incoming, w, lang))}
            {for external.iter().take(ext_shown).enumerate().map(|(i, x)| html! {
                <li key={format!("ext-{i}")}>
                    <span aria-hidden="true">{if incoming { "← " } else { "→ " }}</span>
                    <strong>{x.clone()}</strong><span class="who">{format!(" · {note}")}</span>
                </li>
            })}
            {rest(lang, list.len() + external.len(), LIST_SHOWN.min(list.len() + external.len()))}
        </ul>
    }
}

/// The stages up (down) the chain, nearest first: how far, which stage, its
/// phase and who works there — as the Markdown has them.
fn chain(names_index: &Names, list: &[Reached], up: bool, w: &BriefWords, lang: Lang) -> Html {
    let (title, none) = if up { (w.upstream, w.nothing_upstream) } else { (w.downstream, w.nothing_downstream) };
    if list.is_empty() {
        return html! { <p>{none.to_string()}</p> };
    }
    html! {
        <ol class={classes!("brief-chain", if up { "up" } else { "down" })} aria-label={title}>
            {for list.iter().take(CHAIN_SHOWN).map(|r| {
                let phase = r.phase.as_ref().map_or_else(|| w.no_phase.to_string(), |p| names_index.phase(p).to_string());
                html! {
                    <li key={r.stage.to_string()}>
                        <span class="steps">{steps(lang, r.steps, up)}{colon(lang)}</span>
                        <span class="where">
                            <strong>{names_index.stage(&r.stage).to_string()}</strong>
                            <span class="phase">{aside(lang, &phase)}</span>
                            <span class="who">{format!(" — {}", names(names_index, &r.people, lang, w.nobody))}</span>
                        </span>
                    </li>
                }
            })}
            {rest(lang, list.len(), CHAIN_SHOWN.min(list.len()))}
        </ol>
    }
}

/// Supervisors of one kind: "Prof. Xu (School of Materials), …", or "none yet".
fn supervisors(map: &Map, ids: &[Id], w: &BriefWords, lang: Lang) -> String {
    let list: Vec<String> = ids
        .iter()
        .filter_map(|id| map.person(id))
        .map(|p| {
            if p.affiliation.trim().is_empty() {
                p.name.clone()
            } else {
                format!("{}{}", p.name, aside(lang, &p.affiliation))
            }
        })
        .collect();
    if list.is_empty() {
        w.none_yet.to_string()
    } else {
        list.join(list_sep(lang))
    }
}

/// One brief, as shown and as printed: the same facts as its Markdown
/// (`export::brief_md`), read from the same [`Brief`].
fn brief_view(map: &Map, b: &Brief, all_names: &Names, lang: Lang) -> Html {
    let w: BriefWords = brief_words(lang);
    let Some(topic) = map.topic(&b.topic) else { return html! {} };
    let stage = b.stage.as_ref().and_then(|s| map.stage(s));
    let phase = b.phase.as_ref().map_or(w.no_phase.to_string(), |p| all_names.phase(p).to_string());
    let ok = b.checklist.iter().filter(|c| c.ok).count();
    let project = &map.project;
    html! {
        <article class="brief" aria-label={format!("{}{}{}", w.brief, colon(lang), topic.title)}>
            <header class="brief-head">
                <p class="brief-kicker">{w.brief}</p>
                <h3 class="brief-title" tabindex="-1">{topic.title.clone()}</h3>
                <p class="brief-meta">
                    {format!("{}{}{}", w.student, colon(lang), map.person_name(&topic.student))}
                    {" · "}
                    {format!("{}{}{}", w.defense_date, colon(lang), if topic.defense_date.trim().is_empty() { w.not_set } else { topic.defense_date.as_str() })}
                </p>
            </header>
            if !topic.notes.trim().is_empty() {
                <section class="brief-part">
                    <h4>{w.notes}</h4>
                    <p class="prose">{topic.notes.clone()}</p>
                </section>
            }
            <section class="brief-part">
                <h4>{w.project}</h4>
                <p><strong>{project.title.clone()}</strong></p>
                <dl class="prose-facts">
                    <dt>{w.source}</dt><dd class="prose">{written(&project.source, &w)}</dd>
                    <dt>{w.background}</dt><dd class="prose">{written(&project.background, &w)}</dd>
                </dl>
            </section>
            <section class="brief-part">
                <h4>{w.position}</h4>
                <dl class="facts">
                    <dt>{w.stage}</dt><dd>{stage.map_or(w.not_placed.to_string(), |s| s.name.clone())}</dd>
                    <dt>{w.phase}</dt><dd>{phase}</dd>
                    <dt>{w.role}</dt><dd>{stage.map_or(w.not_written.to_string(), |s| written(&s.role, &w))}</dd>
                </dl>
            </section>
            <section class="brief-part">
                <h4>{w.inputs}</h4>
                {handoffs(all_names, b, true, &w, lang)}
                <h4>{w.outputs}</h4>
                {handoffs(all_names, b, false, &w, lang)}
            </section>
            <section class="brief-part">
                <h4>{w.upstream}</h4>
                {chain(all_names, &b.upstream, true, &w, lang)}
                <h4>{w.downstream}</h4>
                {chain(all_names, &b.downstream, false, &w, lang)}
            </section>
            <section class="brief-part">
                <h4>{w.supervisors}</h4>
                <dl class="facts">
                    <dt>{w.academic}</dt><dd>{supervisors(map, &b.academic, &w, lang)}</dd>
                    <dt>{w.enterprise}</dt><dd>{supervisors(map, &b.enterprise, &w, lang)}</dd>
                </dl>
            </section>
            <section class="brief-part">
                <h4>{w.gaps}</h4>
                if b.gaps.is_empty() {
                    <p>{w.no_gaps}</p>
                } else {
                    <ul class="brief-gaps">
                        {for b.gaps.iter().take(LIST_SHOWN).map(|g| html! {
                            <li><strong class="sev">{severity_name(g.severity(), lang)}</strong>{colon(lang)}{gap_message(g, all_names, lang)}</li>
                        })}
                        {rest(lang, b.gaps.len(), LIST_SHOWN.min(b.gaps.len()))}
                    </ul>
                }
            </section>
            <section class="brief-part checklist">
                <h4>{format!("{}{}", w.checklist, aside(lang, &ready_count(lang, ok, b.checklist.len())))}</h4>
                <ul class="checks">
                    {for b.checklist.iter().map(|c| html! {
                        <li class={if c.ok { "check ok" } else { "check missing" }}>
                            <span class="box" aria-hidden="true">{if c.ok { "☑" } else { "☐" }}</span>
                            <span class="visually-hidden">{if c.ok { t(lang, Key::CheckDone) } else { t(lang, Key::CheckMissing) }}{colon(lang)}</span>
                            {check_item(c.item, lang)}
                        </li>
                    })}
                </ul>
            </section>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct BriefProps {
    pub doc: Shared<Map>,
    pub derived: Shared<Derived>,
    pub selection: Option<Selection>,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[component]
pub fn BriefPanel(p: &BriefProps) -> Html {
    let (open, toggle) = use_panel();
    let lang = p.lang;
    let map = &*p.doc;
    let chosen = use_state(|| None::<Id>);
    let print_all = use_state(|| false);
    // The brief follows the selected topic; otherwise the one chosen here, else the first.
    let topic: Option<Id> = match &p.selection {
        Some(Selection::Topic(id)) if map.topic(id).is_some() => Some(id.clone()),
        _ => chosen
            .as_ref()
            .filter(|id| map.topic(id).is_some())
            .cloned()
            .or_else(|| map.topics.first().map(|t| t.id.clone())),
    };
    let names_index = Names::kept(map, &p.derived.names);
    let gaps = &p.derived.analysis.gaps;
    let chains = &p.derived.chains;
    let brief = topic.as_ref().and_then(|id| brief_with(map, id, gaps, chains, &p.derived.people));

    // Print every brief: render them all into the print area, print, then drop them.
    {
        let print_all = print_all.clone();
        use_effect_with(*print_all, move |&on| {
            if on {
                let _ = gloo::utils::window().print();
                print_all.set(false);
            }
        });
    }

    // A programme-wide map can have thousands of topics: until the list
    // gets focus it holds only the chosen one (as the Inspector's lists do),
    // so that a change elsewhere does not build thousands of options.
    let focused = use_state(|| false);
    let onfocus = {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(true))
    };
    let every_option = *focused || map.topics.len() <= super::inspector::DRAW_ON_FOCUS_ABOVE;
    let options: Vec<Html> = map
        .topics
        .iter()
        .filter(|tp| every_option || topic.as_ref() == Some(&tp.id))
        .map(|tp| {
            let selected = topic.as_ref() == Some(&tp.id);
            let student = names_index.person(&tp.student);
            html! { <option value={tp.id.to_string()} {selected}>{format!("{} — {student}", tp.title)}</option> }
        })
        .collect();
    let onchange = {
        let chosen = chosen.clone();
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let id = Id::new(v);
            chosen.set(Some(id.clone()));
            d.emit(Action::Select(Some(Selection::Topic(id))));
        })
    };
    let export_md = {
        let doc = p.doc.clone();
        let topic = topic.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = &topic {
                if let Some(text) = brief_markdown(&doc, id, lang) {
                    let title = doc.topic(id).map_or(id.to_string(), |x| x.title.clone());
                    effects::download(&effects::file_name(&title, "brief.md"), "text/markdown", &text);
                }
            }
        })
    };
    let export_all_md = {
        let doc = p.doc.clone();
        Callback::from(move |_: MouseEvent| {
            let text = all_briefs_markdown(&doc, lang);
            effects::download(&effects::file_name(&doc.project.title, "briefs.md"), "text/markdown", &text);
        })
    };
    let print_one = Callback::from(move |_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let print_every = {
        let print_all = print_all.clone();
        Callback::from(move |_: MouseEvent| print_all.set(true))
    };
    html! {
        <Panel title={t(lang, Key::RegionBrief)} class="brief-panel" {lang} {open} ontoggle={toggle}>
            if open {
                if map.topics.is_empty() {
                    <p class="hint">{brief_words(lang).no_topics}</p>
                } else {
                    <div class="field">
                        <label for="brief-topic">{t(lang, Key::BriefTopicLabel)}</label>
                        <select id="brief-topic" {onchange} {onfocus}>{options}</select>
                    </div>
                    <div class="row">
                        <button type="button" onclick={export_md} disabled={brief.is_none()}>{t(lang, Key::ExportMarkdown)}</button>
                        <button type="button" onclick={print_one} disabled={brief.is_none()}>{t(lang, Key::PrintBrief)}</button>
                        <button type="button" onclick={print_every}>{t(lang, Key::PrintAllBriefs)}</button>
                        <button type="button" onclick={export_all_md}>{t(lang, Key::ExportAllMarkdown)}</button>
                    </div>
                    <div class={classes!("print-area", (*print_all).then_some("print-all"))}>
                        if *print_all {
                            {for map.topics.iter().filter_map(|tp| brief_with(map, &tp.id, gaps, chains, &p.derived.people)).map(|b| brief_view(map, &b, &names_index, lang))}
                        } else if let Some(b) = &brief {
                            {brief_view(map, b, &names_index, lang)}
                        }
                    </div>
                }
            }
        </Panel>
    }
}
