//! The Brief region: a topic's one-page defense brief — the project, the
//! topic's position, each input and output with the people at the other
//! end, the chain up and down, supervisors, the gaps that touch it, and a
//! readiness checklist. Printable (one A4 page per brief, black and white),
//! exportable as Markdown, and all briefs can be printed in one go.

use yew::prelude::*;

use super::panel::{use_panel, Panel};
use super::{effects, Derived, Dispatch, Shared};
use crate::analysis::{brief_with, people_at, Brief, Names};
use crate::editor::{Action, Selection};
use crate::export::brief_md::{all_briefs_markdown, brief_markdown};
use crate::i18n::exchange::{brief_words, check_item, ready_count, BriefWords};
use crate::i18n::{colon, gap_message, t, Key, Lang};
use crate::model::{Id, Map, PersonKind};

fn names(map: &Map, ids: &[Id], sep: &str, none: &str) -> String {
    if ids.is_empty() {
        none.to_string()
    } else {
        ids.iter().map(|i| map.person_name(i).to_string()).collect::<Vec<_>>().join(sep)
    }
}

/// One brief, as shown and as printed.
fn brief_view(map: &Map, b: &Brief, all_names: &Names, lang: Lang) -> Html {
    let w: BriefWords = brief_words(lang);
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let Some(topic) = map.topic(&b.topic) else { return html! {} };
    let stage = b.stage.as_ref().and_then(|s| map.stage(s));
    let phase = b.phase.as_ref().and_then(|p| map.phase(p)).map_or(w.no_phase.to_string(), |p| p.name.clone());
    let direct = |incoming: bool| -> Vec<Html> {
        let links = if incoming { &b.chain.inputs } else { &b.chain.outputs };
        let mut items: Vec<Html> = links
            .iter()
            .filter(|l| l.depth == 1)
            .map(|l| {
                let other = if incoming { &l.from } else { &l.to };
                let artifact = if l.artifact.trim().is_empty() { w.unnamed.to_string() } else { l.artifact.clone() };
                let (arrow, dir, by) =
                    if incoming { ("←", t(lang, Key::From), w.by) } else { ("→", t(lang, Key::To), w.for_whom) };
                // "by Li" / "负责人：李", or "nobody works there yet" on its own.
                let people = people_at(map, other);
                let who = if people.is_empty() {
                    w.nobody.to_string()
                } else if lang == Lang::Zh {
                    format!("{by}：{}", names(map, &people, sep, w.nobody))
                } else {
                    format!("{by} {}", names(map, &people, sep, w.nobody))
                };
                html! {
                    <li key={l.flow.to_string()}>
                        <span aria-hidden="true">{arrow}{" "}</span>
                        <strong>{artifact}</strong>{format!(" {dir} ")}{map.stage_name(other).to_string()}
                        {format!(" · {who}")}
                    </li>
                }
            })
            .collect();
        if let Some(s) = stage {
            let (list, note) = if incoming {
                (&s.external_inputs, w.external_input)
            } else {
                (&s.external_outputs, w.external_output)
            };
            items.extend(list.iter().enumerate().map(|(i, x)| {
                html! { <li key={format!("ext-{i}")}><strong>{x.clone()}</strong>{format!(" · {note}")}</li> }
            }));
        }
        items
    };
    let inputs = direct(true);
    let outputs = direct(false);
    let chain_list = |ids: &[Id], none: &str| -> Html {
        if ids.is_empty() {
            html! { <p>{none.to_string()}</p> }
        } else {
            let shown: Vec<String> = ids.iter().take(30).map(|id| map.stage_name(id).to_string()).collect();
            let more = ids.len().saturating_sub(30);
            let mut text = shown.join(" · ");
            if more > 0 {
                text.push_str(&format!(" … (+{more})"));
            }
            html! { <p>{text}</p> }
        }
    };
    let sups = |kind: PersonKind| -> String {
        let ids: Vec<Id> =
            b.supervisors.iter().filter(|s| map.person(s).is_some_and(|p| p.kind == kind)).cloned().collect();
        names(map, &ids, sep, w.none_yet)
    };
    let ok = b.checklist.iter().filter(|c| c.ok).count();
    html! {
        <article class="brief" aria-label={format!("{}{}{}", w.brief, colon(lang), topic.title)}>
            <header class="brief-head">
                <p class="brief-kicker">{w.brief}</p>
                <h3 class="brief-title">{topic.title.clone()}</h3>
                <p class="brief-meta">
                    {format!("{}{}{}", w.student, colon(lang), map.person_name(&topic.student))}
                    {" · "}
                    {format!("{}{}{}", w.defense_date, colon(lang), if topic.defense_date.is_empty() { w.not_set } else { topic.defense_date.as_str() })}
                </p>
            </header>
            <section class="brief-part">
                <h4>{w.project}</h4>
                <p><strong>{map.project.title.clone()}</strong></p>
                if !map.project.source.is_empty() { <p>{format!("{}{}{}", w.source, colon(lang), map.project.source)}</p> }
                if !map.project.background.is_empty() { <p class="background">{format!("{}{}{}", w.background, colon(lang), map.project.background)}</p> }
            </section>
            <section class="brief-part">
                <h4>{w.position}</h4>
                <dl class="facts">
                    <dt>{w.stage}</dt><dd>{stage.map_or(w.not_placed.to_string(), |s| s.name.clone())}</dd>
                    <dt>{w.phase}</dt><dd>{phase}</dd>
                    <dt>{w.role}</dt><dd>{stage.filter(|s| !s.role.trim().is_empty()).map_or(w.not_written.to_string(), |s| s.role.clone())}</dd>
                </dl>
            </section>
            <section class="brief-part">
                <h4>{w.inputs}</h4>
                if stage.is_none() { <p>{w.place_first}</p> }
                else if inputs.is_empty() { <p>{w.no_inputs}</p> } else { <ul class="brief-links">{inputs}</ul> }
                <h4>{w.outputs}</h4>
                if stage.is_none() { <p>{w.place_first}</p> }
                else if outputs.is_empty() { <p>{w.no_outputs}</p> } else { <ul class="brief-links">{outputs}</ul> }
            </section>
            <section class="brief-part">
                <h4>{w.upstream}</h4>
                {chain_list(&b.chain.upstream_stages, w.nothing_upstream)}
                <h4>{w.downstream}</h4>
                {chain_list(&b.chain.downstream_stages, w.nothing_downstream)}
            </section>
            <section class="brief-part">
                <h4>{w.supervisors}</h4>
                <dl class="facts">
                    <dt>{w.academic}</dt><dd>{sups(PersonKind::AcademicSupervisor)}</dd>
                    <dt>{w.enterprise}</dt><dd>{sups(PersonKind::EnterpriseSupervisor)}</dd>
                </dl>
            </section>
            <section class="brief-part">
                <h4>{w.gaps}</h4>
                if b.gaps.is_empty() {
                    <p>{w.no_gaps}</p>
                } else {
                    <ul>{for b.gaps.iter().map(|g| html! { <li>{gap_message(g, all_names, lang)}</li> })}</ul>
                }
            </section>
            <section class="brief-part checklist">
                <h4>{format!("{} ({})", w.checklist, ready_count(lang, ok, b.checklist.len()))}</h4>
                <ul class="checks">
                    {for b.checklist.iter().map(|c| html! {
                        <li class={if c.ok { "check ok" } else { "check missing" }}>
                            <span class="box" aria-hidden="true">{if c.ok { "☑" } else { "☐" }}</span>
                            <span class="visually-hidden">{if c.ok { t(lang, Key::CheckDone) } else { t(lang, Key::CheckMissing) }}{": "}</span>
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
