//! The toolbar: files, undo/redo, adding things, layout, language, help.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::exports::Kind;
use super::{commands, Dispatch, Shared};
use crate::editor::{Action, Editor};
use crate::i18n::{t, Key, Lang};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub editor: Shared<Editor>,
    pub dispatch: Dispatch,
    pub on_new: Callback<()>,
    pub on_open: Callback<()>,
    pub on_export: Callback<()>,
    pub on_merge: Callback<()>,
    pub on_export_as: Callback<Kind>,
    pub on_shortcuts: Callback<()>,
}

fn unit(cb: &Callback<()>) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_: MouseEvent| cb.emit(()))
}

#[component]
pub fn Toolbar(p: &ToolbarProps) -> Html {
    let ed = &*p.editor;
    let lang = ed.session.lang;
    let act = |a: Action| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(a.clone()))
    };
    let with_editor = |f: fn(&Editor) -> Option<Action>| {
        let d = p.dispatch.clone();
        let editor = p.editor.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = f(&editor) {
                d.emit(a);
            }
        })
    };
    let add_stage = {
        let d = p.dispatch.clone();
        let editor = p.editor.clone();
        Callback::from(move |_: MouseEvent| d.emit(commands::add_stage(&editor, commands::target_phase(&editor))))
    };
    let add_phase = {
        let d = p.dispatch.clone();
        let editor = p.editor.clone();
        Callback::from(move |_: MouseEvent| d.emit(commands::add_phase(&editor)))
    };
    let nothing_selected = ed.session.selection.is_empty();
    // "More exports" is a disclosure button and its menu. The menu closes on
    // a choice, on Escape, and on a press anywhere outside it.
    let menu_open = use_state(|| false);
    {
        let menu_open = menu_open.clone();
        use_effect_with(*menu_open, move |&open| {
            let listeners = open.then(|| {
                let doc = gloo::utils::document();
                let outside = {
                    let menu_open = menu_open.clone();
                    gloo::events::EventListener::new(&doc, "pointerdown", move |e| {
                        let inside = e
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .and_then(|el| el.closest(".more-exports").ok().flatten())
                            .is_some();
                        if !inside {
                            menu_open.set(false);
                        }
                    })
                };
                let escape = gloo::events::EventListener::new(&doc, "keydown", move |e| {
                    if e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
                        menu_open.set(false);
                    }
                });
                (outside, escape)
            });
            move || drop(listeners)
        });
    }
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let export = |k: Kind| {
        let cb = p.on_export_as.clone();
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| {
            menu_open.set(false);
            cb.emit(k)
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label={t(lang, Key::Toolbar)}>
            <div class="group" role="group" aria-label={t(lang, Key::FileGroup)}>
                <button type="button" onclick={unit(&p.on_new)}>{t(lang, Key::NewMap)}</button>
                <button type="button" class="open-file" onclick={unit(&p.on_open)}>{t(lang, Key::OpenFile)}</button>
                <button type="button" class="merge-file" onclick={unit(&p.on_merge)}>{t(lang, Key::MergeFile)}</button>
                <button type="button" onclick={unit(&p.on_export)}>{t(lang, Key::ExportJson)}</button>
                <button type="button" onclick={export(Kind::Svg)}>{t(lang, Key::ExportSvg)}</button>
                <button type="button" onclick={export(Kind::Png)}>{t(lang, Key::ExportPng)}</button>
                <div class="more-exports">
                    <button type="button" class="more-toggle" aria-expanded={menu_open.to_string()}
                        aria-controls="more-exports-menu" onclick={toggle_menu}>{t(lang, Key::MoreExports)}</button>
                    <div class="menu" id="more-exports-menu" hidden={!*menu_open}>
                        <button type="button" onclick={export(Kind::Csv)}>{t(lang, Key::ExportCsv)}</button>
                        <button type="button" onclick={export(Kind::Canvas)}>{t(lang, Key::ExportCanvas)}</button>
                        <button type="button" onclick={export(Kind::Dot)}>{t(lang, Key::ExportDot)}</button>
                        <button type="button" onclick={export(Kind::Mermaid)}>{t(lang, Key::ExportMermaid)}</button>
                    </div>
                </div>
            </div>
            <div class="group" role="group" aria-label={t(lang, Key::EditGroup)}>
                // The tooltips say what Undo and Redo would change.
                <button type="button" class="undo" onclick={act(Action::Undo)} disabled={!ed.history.can_undo()}
                    title={crate::i18n::history_title(lang, true, ed.history.undo_change())}>{t(lang, Key::Undo)}</button>
                <button type="button" class="redo" onclick={act(Action::Redo)} disabled={!ed.history.can_redo()}
                    title={crate::i18n::history_title(lang, false, ed.history.redo_change())}>{t(lang, Key::Redo)}</button>
                <button type="button" onclick={add_phase}>{t(lang, Key::AddPhase)}</button>
                <button type="button" onclick={add_stage}>{t(lang, Key::AddStage)}</button>
                <button type="button" onclick={with_editor(commands::delete_selection)} disabled={nothing_selected}
                    title="Delete">{t(lang, Key::Delete)}</button>
                <button type="button" onclick={with_editor(commands::auto_layout)}
                    title="L">{t(lang, Key::AutoLayout)}</button>
            </div>
            <div class="group" role="group" aria-label={t(lang, Key::Language)}>
                <button type="button" class="lang" aria-pressed={(lang == Lang::En).to_string()} lang="en"
                    onclick={act(Action::SetLang(Lang::En))}>{t(lang, Key::LangEnglish)}</button>
                <button type="button" class="lang" aria-pressed={(lang == Lang::Zh).to_string()} lang="zh-CN"
                    onclick={act(Action::SetLang(Lang::Zh))}>{t(lang, Key::LangChinese)}</button>
                <button type="button" class="help" aria-label={t(lang, Key::Shortcuts)} title={t(lang, Key::Shortcuts)}
                    onclick={unit(&p.on_shortcuts)}>{"?"}</button>
            </div>
        </div>
    }
}
