//! The Gaps region: counts by severity and one list item per gap; activating
//! an item selects the element it concerns.

use yew::prelude::*;

use super::panel::{use_panel, Panel};
use super::{Derived, Dispatch, Shared};
use crate::analysis::{Names, Severity};
use crate::editor::{gap_walk, Action};
use crate::i18n::{gap_counts, gap_message, gap_title, severity_name, show_more, t, Key, Lang};

/// How many gaps are listed before "Show … more".
const GAPS_SHOWN: usize = 300;
use crate::model::Map;

#[derive(Properties, PartialEq)]
pub struct GapsProps {
    pub doc: Shared<Map>,
    pub derived: Shared<Derived>,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

/// Scrolls the right-hand column to the Inspector, which now shows what the
/// clicked gap is about (the Gaps list sits further down the column).
fn show_inspector() {
    let Some(el) = gloo::utils::document().query_selector(".side.right .panel.inspector").ok().flatten() else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

#[component]
pub fn GapsPanel(props: &GapsProps) -> Html {
    let (open, toggle) = use_panel();
    let lang = props.lang;
    let gaps = &props.derived.analysis.gaps;
    let count = |s: Severity| gaps.iter().filter(|g| g.severity() == s).count();
    let names = Names::kept(&props.doc, &props.derived.names);
    // A huge map can have thousands of gaps: the first ones are listed and
    // the rest on request, so the page stays quick.
    let show_all = use_state(|| false);
    let shown = if *show_all { gaps.len() } else { gaps.len().min(GAPS_SHOWN) };
    let items = gaps.iter().take(shown).enumerate().map(|(i, g)| {
        let sev = g.severity();
        let onclick = {
            let dispatch = props.dispatch.clone();
            let target = gap_walk::target(g);
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::Select(target.clone()));
                show_inspector();
            })
        };
        let key = format!("{}:{}", g.code.as_str(), g.ids.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(","));
        html! {
            <li class={classes!("gap", format!("sev-{}", sev.as_str()))} key={format!("{key}#{i}")} data-code={g.code.as_str()}>
                <button type="button" class="gap-button" {onclick}>
                    <span class="sev-badge">{severity_name(sev, lang)}</span>
                    <span class="gap-title">{gap_title(g.code, lang)}</span>
                    <span class="gap-message">{gap_message(g, &names, lang)}</span>
                </button>
            </li>
        }
    });
    html! {
        <Panel title={t(lang, Key::RegionGaps)} class="gaps" {lang} {open} ontoggle={toggle}>
            if open {
                <p class="gap-counts">
                    {gap_counts(lang, count(Severity::Error), count(Severity::Warning), count(Severity::Info))}
                </p>
                if gaps.is_empty() {
                    <p class="hint">{t(lang, Key::NoGaps)}</p>
                } else {
                    <ul class="gap-list">{for items}</ul>
                    if shown < gaps.len() {
                        <button type="button" class="more" onclick={{ let s = show_all.clone(); Callback::from(move |e: MouseEvent| { super::focus::after_show_more(&e); s.set(true) }) }}>
                            {show_more(lang, gaps.len() - shown)}
                        </button>
                    }
                }
            }
        </Panel>
    }
}
