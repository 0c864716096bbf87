//! Modal dialogs (native `<dialog>`: focus stays inside, Escape closes):
//! the New map templates and the help (a short how-to and the keyboard
//! shortcuts); and the alert
//! that lists every problem of a file that could not be opened.

use yew::prelude::*;

use crate::format::Problem;
use crate::i18n::{problem_message, problems_heading, t, Key, Lang};
use crate::templates::Template;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    pub title: AttrValue,
    pub onclose: Callback<()>,
    pub children: Html,
    pub class: AttrValue,
}

/// A native modal `<dialog>`, opened when it is drawn. When it goes, the
/// focus goes back to the control that had it when the dialog came (the
/// button that opened it), however the dialog was closed.
#[component]
pub fn Modal(p: &ModalProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let opener = super::focus::current();
            if let Some(d) = node.cast::<web_sys::HtmlDialogElement>() {
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
            move || {
                if let Some(el) = opener {
                    super::focus::return_to(el);
                }
            }
        });
    }
    let onclose = {
        let cb = p.onclose.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    let title_id = format!("dlg-{}", p.class);
    html! {
        <dialog ref={node} class={classes!("modal", p.class.to_string())} aria-labelledby={title_id.clone()} {onclose}>
            <h2 id={title_id}>{p.title.clone()}</h2>
            {p.children.clone()}
        </dialog>
    }
}

#[derive(Properties, PartialEq)]
pub struct NewMapProps {
    pub lang: Lang,
    pub onchoose: Callback<Template>,
    pub onclose: Callback<()>,
}

#[component]
pub fn NewMapDialog(p: &NewMapProps) -> Html {
    let lang = p.lang;
    let choice = |tpl: Template, key: Key| {
        let cb = p.onchoose.clone();
        html! {
            <li><button type="button" class="template" onclick={Callback::from(move |_: MouseEvent| cb.emit(tpl))}>{t(lang, key)}</button></li>
        }
    };
    let cancel = {
        let cb = p.onclose.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <Modal title={t(lang, Key::NewMapTitle)} onclose={p.onclose.clone()} class="new-map">
            <p class="hint">{t(lang, Key::NewMapHint)}</p>
            <ul class="templates">
                {choice(Template::Empty, Key::TemplateEmpty)}
                {choice(Template::Alloy, Key::TemplateAlloy)}
                {choice(Template::Sand, Key::TemplateSand)}
            </ul>
            <div class="row end"><button type="button" onclick={cancel}>{t(lang, Key::Cancel)}</button></div>
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShortcutsProps {
    pub lang: Lang,
    pub onclose: Callback<()>,
}

#[component]
pub fn ShortcutsDialog(p: &ShortcutsProps) -> Html {
    let lang = p.lang;
    let keys = [
        Key::KeyNavigate,
        Key::KeySelect,
        Key::KeyMove,
        Key::KeyDelete,
        Key::KeyEscape,
        Key::KeyUndo,
        Key::KeyRedo,
        Key::KeyZoom,
        Key::KeyLayout,
        Key::KeySupervisors,
        Key::KeyHelp,
    ];
    // A short how-to first: the steps of making a map, in the order a
    // supervisor takes them.
    let steps = [
        Key::HowToStage,
        Key::HowToFlow,
        Key::HowToPeople,
        Key::HowToTopic,
        Key::HowToChain,
        Key::HowToGaps,
        Key::HowToShare,
    ];
    let close = {
        let cb = p.onclose.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <Modal title={t(lang, Key::HelpTitle)} onclose={p.onclose.clone()} class="shortcuts">
            <div class="help-columns">
                <section class="how-to" aria-labelledby="help-how-to">
                    <h3 id="help-how-to" class="sub">{t(lang, Key::HowToHeading)}</h3>
                    <ol class="how-to-steps">{for steps.iter().map(|k| html! { <li>{t(lang, *k)}</li> })}</ol>
                </section>
                <section class="keys" aria-labelledby="help-keys">
                    <h3 id="help-keys" class="sub">{t(lang, Key::Shortcuts)}</h3>
                    <ul class="shortcut-list">{for keys.iter().map(|k| html! { <li>{t(lang, *k)}</li> })}</ul>
                </section>
            </div>
            <div class="row end"><button type="button" onclick={close}>{t(lang, Key::Close)}</button></div>
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
pub struct FileErrorProps {
    pub lang: Lang,
    pub file: AttrValue,
    pub problems: Vec<Problem>,
    pub ondismiss: Callback<()>,
}

/// Every problem of a file that was refused, with its place.
#[component]
pub fn FileError(p: &FileErrorProps) -> Html {
    let lang = p.lang;
    let dismiss = {
        let cb = p.ondismiss.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="alert file-error" role="alert">
            <div class="alert-head">
                <strong>{format!("{} — {}", t(lang, Key::ErrorTitle), p.file)}</strong>
                <button type="button" class="dismiss" onclick={dismiss}>{t(lang, Key::Dismiss)}</button>
            </div>
            <p>{problems_heading(lang, p.problems.iter().filter(|x| !matches!(x.kind, crate::format::ProblemKind::MoreProblems { .. })).count())}</p>
            <ul class="problems">
                {for p.problems.iter().map(|pr| html! { <li><code>{problem_message(pr, lang)}</code></li> })}
            </ul>
        </div>
    }
}
