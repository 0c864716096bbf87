//! The Yew web app: renders the editor's state and sends it actions.
//!
//! Components hold no document logic: they read `Editor` (through [`Store`])
//! and the data derived from it ([`Derived`]: analysis and diagram geometry,
//! computed once per document change), and dispatch `editor::Action`s.

mod diagram;
mod dom;
mod gaps_panel;
mod inspector;
mod shared;

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::{self, Analysis};
use crate::editor::{self, Action, Editor};
use crate::i18n::{t, Key, Lang};
use crate::layout::{self, Diagram};
use crate::model::Map;
use crate::templates::Template;
pub use shared::Shared;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}

/// The editor state as a Yew reducer.
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub Editor);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(editor::reduce(&self.0, action)))
    }
}

/// Everything computed from one version of the document.
pub struct Derived {
    pub analysis: Analysis,
    pub diagram: Diagram,
}

impl Derived {
    pub fn of(map: &Map) -> Derived {
        Derived { analysis: analysis::analyse(map), diagram: layout::diagram(map) }
    }
}

pub type Dispatch = Callback<Action>;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Start on this map instead of the example (tests).
    #[prop_or_default]
    pub initial: Option<Shared<Map>>,
    /// Start in this language instead of the browser's (tests).
    #[prop_or_default]
    pub lang: Option<Lang>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let forced = props.lang;
    let store = use_reducer(move || {
        let lang = forced.unwrap_or_else(dom::initial_lang);
        let map = initial.map(|m| (*m.0).clone()).unwrap_or_else(|| Template::Alloy.map(lang));
        Store(Editor::new(map, lang))
    });
    let ed = &store.0;
    let lang = ed.session.lang;
    let doc: Shared<Map> = Rc::clone(&ed.doc).into();
    let derived: Shared<Derived> = use_memo(doc.clone(), |d| Derived::of(d)).into();
    let dispatch: Dispatch = {
        let store = store.clone();
        Callback::from(move |a: Action| store.dispatch(a))
    };

    use_effect_with(lang, |&lang| dom::set_document_lang(lang));
    {
        let title = doc.project.title.clone();
        use_effect_with(title, |title| dom::set_title(&format!("{title} · chainmap")));
    }

    let set_lang = |l: Lang| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetLang(l)))
    };

    html! {
        <div class="app">
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{"⛓"}</span>
                    <span class="app-name">{t(lang, Key::AppName)}</span>
                </div>
                <h1 class="project-title">{doc.project.title.clone()}</h1>
                <div class="lang-switch" role="group" aria-label={t(lang, Key::Language)}>
                    <button type="button" class="lang" aria-pressed={(lang == Lang::En).to_string()}
                        lang="en" onclick={set_lang(Lang::En)}>{t(lang, Key::LangEnglish)}</button>
                    <button type="button" class="lang" aria-pressed={(lang == Lang::Zh).to_string()}
                        lang="zh-CN" onclick={set_lang(Lang::Zh)}>{t(lang, Key::LangChinese)}</button>
                </div>
            </header>
            <main class="workspace">
                <diagram::ChainDiagram doc={doc.clone()} derived={derived.clone()}
                    selection={ed.session.selection.clone()} {lang} dispatch={dispatch.clone()} />
                <aside class="side">
                    <inspector::Inspector doc={doc.clone()} selection={ed.session.primary().cloned()}
                        {lang} dispatch={dispatch.clone()} />
                    <gaps_panel::GapsPanel doc={doc.clone()} derived={derived.clone()} {lang}
                        dispatch={dispatch.clone()} />
                </aside>
            </main>
        </div>
    }
}
