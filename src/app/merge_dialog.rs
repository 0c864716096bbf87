//! Merge file: what the other file adds and fills in, and its conflicts side
//! by side, to settle one by one or all at once before the merge is applied
//! (as one undo step). What it adds is listed by name; a file that looks
//! like another project's is said so at the top.

use yew::prelude::*;

use super::dialogs::Modal;

use crate::i18n::exchange::{
    added_heading, added_kind_heading, added_name, conflict_heading, dangling_message, filled_message, keep_all_mine,
    keep_mine, merge_summary, no_common_ids_note, other_project_warning, take_all_theirs, take_theirs, value_words,
    ADDED_LISTED,
};
use crate::i18n::{and_more, t, Key, Lang};
use crate::merge::{Choice, MergeResult};
use crate::model::Map;

#[derive(Properties, PartialEq)]
pub struct MergeProps {
    pub lang: Lang,
    pub file: AttrValue,
    pub mine: crate::app::Shared<Map>,
    pub result: crate::app::Shared<MergeResult>,
    pub onapply: Callback<Vec<Choice>>,
    pub oncancel: Callback<()>,
}

#[component]
pub fn MergeDialog(p: &MergeProps) -> Html {
    let lang = p.lang;
    let r = &*p.result;
    let choices = use_state(|| vec![Choice::KeepMine; r.conflicts.len()]);
    let set_all = |c: Choice| {
        let choices = choices.clone();
        let n = r.conflicts.len();
        Callback::from(move |_: MouseEvent| choices.set(vec![c; n]))
    };
    let apply = {
        let choices = choices.clone();
        let cb = p.onapply.clone();
        Callback::from(move |_: MouseEvent| cb.emit((*choices).clone()))
    };
    let cancel = {
        let cb = p.oncancel.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let conflicts = r.conflicts.iter().enumerate().map(|(i, c)| {
        let pick = |choice: Choice| {
            let choices = choices.clone();
            Callback::from(move |_: Event| {
                let mut v = (*choices).clone();
                if let Some(slot) = v.get_mut(i) {
                    *slot = choice;
                }
                choices.set(v);
            })
        };
        let current = choices.get(i).copied().unwrap_or(Choice::KeepMine);
        let name = format!("conflict-{i}");
        html! {
            <li class="conflict" key={i}>
                <fieldset>
                    <legend>{conflict_heading(c, &p.mine, lang)}</legend>
                    <div class="sides">
                        <label class="side-choice">
                            <input type="radio" name={name.clone()} checked={current == Choice::KeepMine} onchange={pick(Choice::KeepMine)} />
                            <span class="side-name">{keep_mine(lang)}{crate::i18n::colon(lang)}</span><q>{value_words(&c.mine, &c.field, &p.mine, lang)}</q>
                        </label>
                        <label class="side-choice">
                            <input type="radio" name={name} checked={current == Choice::TakeTheirs} onchange={pick(Choice::TakeTheirs)} />
                            <span class="side-name">{take_theirs(lang)}{crate::i18n::colon(lang)}</span><q>{value_words(&c.theirs, &c.field, &p.mine, lang)}</q>
                        </label>
                    </div>
                </fieldset>
            </li>
        }
    });
    // Everything below follows the choices made so far: what Apply does.
    let preview = r.resolve(&choices);
    let added = r.added_by_kind(ADDED_LISTED, &preview);
    let added_total: usize = added.iter().map(|g| g.total).sum();
    let added_groups = added.iter().map(|g| {
        let heading = format!("merge-added-{}", g.kind.as_str());
        let more = g.total.saturating_sub(g.items.len());
        html! {
            <section class="added-kind" key={g.kind.as_str()}>
                <h4 id={heading.clone()}>{added_kind_heading(g.kind, g.total, lang)}</h4>
                <ul class="plain added-list" aria-labelledby={heading}>
                    {for g.items.iter().map(|(id, name)| html! { <li key={id.to_string()}>{added_name(name, lang)}</li> })}
                </ul>
                if more > 0 {
                    <p class="more">{and_more(lang, more)}</p>
                }
            </section>
        }
    });
    html! {
        <Modal title={format!("{} — {}", t(lang, Key::MergeFile), p.file)} onclose={p.oncancel.clone()} class="merge">
            if let Some(titles) = &r.other_project {
                <p class="merge-warning" role="alert">{other_project_warning(titles, lang)}</p>
            } else if r.no_common_ids {
                <p class="merge-note">{no_common_ids_note(lang)}</p>
            }
            <p class="merge-summary" role="status">{merge_summary(r, &preview, lang)}</p>
            if !r.conflicts.is_empty() {
                <h3 class="sub">{t(lang, Key::Conflicts)}</h3>
                <div class="row">
                    <button type="button" onclick={set_all(Choice::KeepMine)}>{keep_all_mine(lang)}</button>
                    <button type="button" onclick={set_all(Choice::TakeTheirs)}>{take_all_theirs(lang)}</button>
                </div>
                <ul class="conflicts plain">{for conflicts}</ul>
            }
            if added_total > 0 {
                <details open=true class="merge-added">
                    <summary>{added_heading(lang)}{format!(" ({added_total})")}</summary>
                    {for added_groups}
                </details>
            }
            if !r.filled.is_empty() {
                <details>
                    <summary>{t(lang, Key::FilledIn)}{format!(" ({})", r.filled.len())}</summary>
                    <ul class="plain">{for r.filled.iter().map(|f| html! { <li>{filled_message(f, &p.mine, lang)}</li> })}</ul>
                </details>
            }
            if !preview.dangling.is_empty() {
                <details open=true>
                    <summary>{t(lang, Key::Repairs)}{format!(" ({})", preview.dangling.len())}</summary>
                    <ul class="plain">{for preview.dangling.iter().map(|d| html! { <li>{dangling_message(d, r.names(), lang)}</li> })}</ul>
                </details>
            }
            <div class="row end merge-actions">
                <button type="button" onclick={cancel}>{t(lang, Key::Cancel)}</button>
                <button type="button" class="primary" onclick={apply}>{t(lang, Key::ApplyMerge)}</button>
            </div>
        </Modal>
    }
}
