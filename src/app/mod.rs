//! The Yew web app: renders the editor's state and sends it actions.
//!
//! Components hold no document logic: they read the `Editor` (through
//! [`Store`]) and the data derived from it ([`Derived`]: analysis and
//! diagram geometry, computed once per document change), and dispatch
//! `editor::Action`s. Side effects (files, storage, ids, the clock) live in
//! `effects` and in the effect hooks of [`App`].

mod autosave;
mod brief_panel;
mod commands;
mod coverage_panel;
mod diagram;
mod dialogs;
mod dom;
pub mod effects;
mod exports;
mod focus;
mod gaps_panel;
mod inspector;
mod keys;
mod merge_dialog;
mod panel;
mod shared;
mod team;
mod toolbar;

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::analysis::{self, Analysis};
use crate::editor::{self, Action, Edit, Editor};
use crate::format::{self, Problem};
use crate::i18n::{refusal_message, t, Key, Lang};
use crate::layout::{self, Diagram};
use crate::model::Map;
use crate::templates::Template;
pub use shared::Shared;

/// Mounts the app on `<body>`.
pub fn start() {
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<App>::new().render();
}

/// The editor state as a Yew reducer.
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub Shared<Editor>);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(Shared::new(editor::reduce(&self.0, action))))
    }
}

/// Everything computed from one version of the document.
pub struct Derived {
    pub analysis: Analysis,
    pub diagram: Diagram,
    /// The flow graph, for the upstream and downstream of a selection on demand.
    pub chains: Rc<analysis::ChainIndex>,
    /// The students at each stage, by stage position.
    pub people: Rc<Vec<Vec<crate::model::Id>>>,
    /// Where each thing is, by id, for the panels' names (`Names::kept`).
    pub names: Rc<analysis::NameTable>,
    /// Every stage as a list option (id, name), for the Inspector's lists.
    pub stage_choices: inspector::Choices,
}

/// What one version of the document leaves for the next one's `Derived`.
#[derive(Default)]
pub struct DerivedCache {
    /// The last layered layout: an edit which leaves its input alone (a
    /// drag, a new topic, a note) does not lay out again.
    layout: layout::LayoutCache,
    /// The last map and its indexes, carried over when what they are built
    /// from is unchanged (`analysis::kept`).
    last: Option<(Rc<Map>, analysis::kept::Indexes)>,
}

impl Derived {
    pub fn of(map: &Rc<Map>, cache: &mut DerivedCache) -> Derived {
        let indexes = match &cache.last {
            Some((before, kept)) => analysis::kept::Indexes::renewed(map, before, kept),
            None => analysis::kept::Indexes::of(map),
        };
        cache.last = Some((Rc::clone(map), indexes.clone()));
        Derived {
            analysis: analysis::analyse(map),
            diagram: layout::diagram_with(map, &mut cache.layout),
            chains: indexes.chains,
            people: indexes.people,
            names: indexes.names,
            stage_choices: inspector::Choices(map.stages.iter().map(|s| (s.id.to_string(), s.name.clone())).collect()),
        }
    }

    /// The upstream and downstream of a stage (empty for an unknown id).
    pub fn chain_of(&self, map: &Map, stage: &crate::model::Id) -> analysis::Chain {
        self.chains.chain_of(map, stage)
    }

    /// The students with a topic at the stage.
    pub fn people_at(&self, stage: &crate::model::Id) -> &[crate::model::Id] {
        self.chains.stage_index(stage).and_then(|i| self.people.get(i)).map_or(&[], |v| v.as_slice())
    }

    /// The name of a stage, or its id when there is no such stage.
    pub fn stage_name<'a>(&self, map: &'a Map, stage: &'a crate::model::Id) -> &'a str {
        self.chains.stage_index(stage).and_then(|i| map.stages.get(i)).map_or(stage.as_str(), |s| s.name.as_str())
    }
}

pub type Dispatch = Callback<Action>;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Start on this map instead of the autosave or the example (tests).
    #[prop_or_default]
    pub initial: Option<Shared<Map>>,
    /// Start in this language instead of the browser's (tests).
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// Keep nothing in the browser's storage (tests).
    #[prop_or_default]
    pub no_storage: bool,
}

/// The map to start with and the autosave revision it came from: the last
/// autosave if there is a readable one, else the example.
fn initial_map(lang: Lang, use_storage: bool) -> (Map, Option<u64>) {
    if use_storage {
        if let Some((text, rev)) = effects::storage::load() {
            if let Ok(imported) = format::import_str(&text) {
                return (imported.map, Some(rev));
            }
        }
    }
    (Template::Alloy.map(lang), None)
}

/// Does what a key press asks on the page; whether it took the key (and
/// the browser's own action for it should not happen).
fn handle_key(
    press: &keys::Press,
    latest: &(Shared<Editor>, Shared<Derived>),
    dispatch: &Dispatch,
    new_open: &UseStateHandle<bool>,
) -> bool {
    let (ed, derived) = latest;
    match keys::action_for(&press.key, press.ctrl, press.shift, press.in_field, ed, derived) {
        Some(keys::KeyAction::Do(a)) => {
            dispatch.emit(a);
            true
        }
        Some(keys::KeyAction::Help) => {
            dispatch.emit(Action::ShowShortcuts(true));
            true
        }
        Some(keys::KeyAction::Escape) => {
            if ed.session.shortcuts_open {
                dispatch.emit(Action::ShowShortcuts(false));
            } else if **new_open {
                new_open.set(false);
            } else if !press.in_field {
                dispatch.emit(Action::Select(None));
            }
            false
        }
        None => false,
    }
}

fn in_text_field(target: Option<web_sys::EventTarget>) -> bool {
    target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.closest("dialog").ok().flatten().is_some()
    })
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let use_storage = !props.no_storage;
    let restored = use_state(|| None::<u64>);
    let store = {
        let initial = props.initial.clone();
        let forced = props.lang;
        let restored = restored.clone();
        use_reducer(move || {
            let lang = forced.unwrap_or_else(dom::initial_lang);
            let map = match initial {
                Some(m) => (*m.0).clone(),
                None => {
                    let (map, rev) = initial_map(lang, use_storage);
                    restored.set(rev);
                    map
                }
            };
            Store(Shared::new(Editor::new(map, lang)))
        })
    };
    let ed: Shared<Editor> = store.0.clone();
    let lang = ed.session.lang;
    let doc: Shared<Map> = Rc::clone(&ed.doc).into();
    let derived_cache = use_mut_ref(DerivedCache::default);
    let derived: Shared<Derived> =
        use_memo(doc.clone(), move |d| Derived::of(&d.0, &mut derived_cache.borrow_mut())).into();
    // The latest state, for listeners registered once. `stale` is set from
    // a dispatch until the render that puts its state here: Yew renders in
    // a later task when the work is long, and an event that comes first
    // must not act on the state before it (keys wait for the render).
    let latest = use_mut_ref(|| (ed.clone(), derived.clone()));
    *latest.borrow_mut() = (ed.clone(), derived.clone());
    let stale = use_mut_ref(|| false);
    *stale.borrow_mut() = false;
    let waiting_keys = use_mut_ref(std::collections::VecDeque::<keys::Press>::new);
    // One callback for the app's whole life, so that components that take
    // it as a property are not rendered again just because the app was.
    // An action that takes the focus away (a deletion, Undo, a disabled
    // button) gives it to a neighbour after the render (`focus::plan`).
    let dispatch: Dispatch = {
        let dispatcher = store.dispatcher();
        let latest = latest.clone();
        let stale = stale.clone();
        (*use_memo((), move |_| {
            Callback::from(move |a: Action| {
                let places = match latest.try_borrow() {
                    Ok(l) => focus::plan(&l.0, &a, focus::current().as_ref()),
                    Err(_) => Vec::new(),
                };
                focus::rescue(places);
                if let Ok(mut s) = stale.try_borrow_mut() {
                    *s = true;
                }
                dispatcher.dispatch(a);
            })
        }))
        .clone()
    };
    // The side panels are drawn after the diagram's first frame is on
    // screen: on a slow device the chain appears first and the panels a
    // moment later, instead of everything at once, later.
    let panels_drawn = use_state(|| false);
    {
        let panels_drawn = panels_drawn.clone();
        use_effect_with((), move |_| dom::after_next_paint(move || panels_drawn.set(true)));
    }
    let new_open = use_state(|| false);
    let shortcuts_open = ed.session.shortcuts_open;
    let file_error = use_state(|| None::<(String, Vec<Problem>)>);
    let file_input = use_node_ref();
    // What the chosen file is for: opening it, or merging it into this map.
    let merging = use_mut_ref(|| false);
    let merge_state = use_state(|| None::<(String, Shared<crate::merge::MergeResult>)>);
    // The name of a file being read, while it is.
    let busy = use_state(|| None::<String>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);

    use_effect_with(lang, |&lang| dom::set_document_lang(lang));
    use_effect_with(doc.project.title.clone(), |title| dom::set_title(&format!("{title} · chainmap")));

    // Read once: the autosave hook only needs it when it starts (reading it
    // on every render would parse the whole saved map each time).
    let initial_rev = *use_memo((), move |_| if use_storage { effects::storage::current_rev() } else { 0 });
    let saving = autosave::use_autosave(
        use_storage && props.initial.is_none(),
        restored.unwrap_or(initial_rev),
        ed.clone(),
        dispatch.clone(),
    );

    let on_export = {
        let latest = latest.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: ()| {
            let ed = latest.borrow().0.clone();
            let text = format::export(ed.map());
            effects::download(&effects::file_name(&ed.map().project.title, "chainmap.json"), "application/json", &text);
            dispatch.emit(Action::Exported(effects::now_hhmm()));
        })
    };
    // Open file and Merge file share the file chooser; `merging` says which it was.
    let choose_file = |merge: bool| {
        let file_input = file_input.clone();
        let merging = merging.clone();
        Callback::from(move |_: ()| {
            *merging.borrow_mut() = merge;
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.set_value("");
                input.click();
            }
        })
    };
    let on_open = choose_file(false);
    let on_merge = choose_file(true);
    let on_export_as = {
        let latest = latest.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |k: exports::Kind| {
            let (ed, derived) = latest.borrow().clone();
            exports::run(k, ed.map(), &derived.diagram, ed.session.lang, &dispatch);
        })
    };
    let on_file_chosen = {
        let reader = reader.clone();
        let dispatch = dispatch.clone();
        let file_error = file_error.clone();
        let merging = merging.clone();
        let merge_state = merge_state.clone();
        let latest = latest.clone();
        let busy = busy.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            let file = gloo::file::File::from(file);
            let name = file.name();
            let dispatch = dispatch.clone();
            let file_error = file_error.clone();
            let merge_into = (*merging.borrow()).then(|| latest.borrow().0.doc.clone());
            let merge_state = merge_state.clone();
            let busy = busy.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |res| {
                let bytes = match res {
                    Ok(b) => b,
                    Err(err) => {
                        let kind = format::ProblemKind::Unreadable { why: err.to_string() };
                        file_error.set(Some((name, vec![Problem { place: format::Place::File, kind }])));
                        return;
                    }
                };
                // A big file takes a moment: say so first, let the page paint,
                // then read it.
                busy.set(Some(name.clone()));
                let busy = busy.clone();
                gloo::timers::callback::Timeout::new(30, move || {
                    let outcome = if effects::looks_like_canvas(&name, &bytes) {
                        let stem = name.trim_end_matches(".canvas").to_string();
                        let text = String::from_utf8_lossy(&bytes);
                        crate::export::from_canvas_titled(&text, &stem).map(|c| {
                            let notes: Vec<String> =
                                c.notes.iter().map(|n| crate::i18n::exchange::canvas_note(n, lang)).collect();
                            (c.map, notes)
                        })
                    } else {
                        format::import(&bytes).map(|i| (i.map, Vec::new()))
                    };
                    match outcome {
                        Err(problems) => file_error.set(Some((name, problems))),
                        Ok((map, notes)) => {
                            file_error.set(None);
                            match &merge_into {
                                Some(mine) => {
                                    let r = crate::merge::merge(mine, &map);
                                    if r.is_noop() {
                                        dispatch.emit(Action::Notice(Some(t(lang, Key::NothingToMerge).to_string())));
                                    } else {
                                        merge_state.set(Some((name, Shared::new(r))));
                                    }
                                }
                                None => {
                                    dispatch.emit(Action::Edit(Edit::Replace(Box::new(map))));
                                    if !notes.is_empty() {
                                        let head = t(lang, Key::CanvasImported);
                                        dispatch.emit(Action::Notice(Some(format!(
                                            "{head}{}{}",
                                            crate::i18n::colon(lang),
                                            notes.join(" · ")
                                        ))));
                                    }
                                }
                            }
                        }
                    }
                    busy.set(None);
                })
                .forget();
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    // Keyboard shortcuts for the whole page.
    {
        let latest = latest.clone();
        let dispatch = dispatch.clone();
        let new_open = new_open.clone();
        let stale = stale.clone();
        let waiting_keys = waiting_keys.clone();
        use_effect_with((), move |_| {
            // Not passive: Ctrl+Z must stop the browser's own text undo.
            let opts = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(&gloo::utils::document(), "keydown", opts, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let press = keys::Press {
                    key: e.key(),
                    ctrl: e.ctrl_key() || e.meta_key(),
                    shift: e.shift_key(),
                    in_field: in_text_field(e.target()),
                };
                // The last action is not drawn yet: this key is for the
                // state it makes (a stage just selected, then an arrow).
                if *stale.borrow() && keys::claims(&press) {
                    e.prevent_default();
                    waiting_keys.borrow_mut().push_back(press);
                    return;
                }
                if handle_key(&press, &latest.borrow(), &dispatch, &new_open) {
                    e.prevent_default();
                }
            });
            move || drop(listener)
        });
    }

    // Keys pressed before the last render, one per render, in order.
    {
        let latest = latest.clone();
        let dispatch = dispatch.clone();
        let new_open = new_open.clone();
        let stale = stale.clone();
        let waiting_keys = waiting_keys.clone();
        use_effect(move || {
            while !*stale.borrow() {
                let Some(press) = waiting_keys.borrow_mut().pop_front() else { break };
                handle_key(&press, &latest.borrow(), &dispatch, &new_open);
            }
        });
    }

    let choose_template = {
        let dispatch = dispatch.clone();
        let new_open = new_open.clone();
        Callback::from(move |tpl: Template| {
            new_open.set(false);
            dispatch.emit(Action::Edit(Edit::Replace(Box::new(tpl.map(lang)))));
        })
    };

    let refusal = ed.session.refusal.as_ref().map(|r| refusal_message(r, &doc, lang));
    let dismiss_refusal = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissRefusal))
    };
    let exported = match &ed.session.last_exported {
        Some(when) if ed.session.exported_revision != Some(ed.revision) => format!(
            "{}{}{when} · {}",
            t(lang, Key::LastExported),
            crate::i18n::colon(lang),
            t(lang, Key::ChangedSinceExport)
        ),
        Some(when) => format!("{}{}{when}", t(lang, Key::LastExported), crate::i18n::colon(lang)),
        None => t(lang, Key::NeverExported).to_string(),
    };

    // Skip links: past the toolbar and the Team, straight to the work.
    let skip = |place: focus::Place| {
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            focus::to_first(std::slice::from_ref(&place));
        })
    };

    html! {
        <div class="app">
            <div class="skip-links">
                <a class="skip-link" href="#region-diagram" onclick={skip(focus::Place::Diagram)}>{t(lang, Key::SkipToDiagram)}</a>
                <a class="skip-link" href="#region-inspector" onclick={skip(focus::Place::Inspector)}>{t(lang, Key::SkipToInspector)}</a>
                <a class="skip-link" href="#region-gaps" onclick={skip(focus::Place::Gaps)}>{t(lang, Key::SkipToGaps)}</a>
                <a class="skip-link" href="#region-team" onclick={skip(focus::Place::Team)}>{t(lang, Key::SkipToTeam)}</a>
                <a class="skip-link" href="#region-coverage" onclick={skip(focus::Place::Coverage)}>{t(lang, Key::SkipToCoverage)}</a>
                <a class="skip-link" href="#region-brief-panel" onclick={skip(focus::Place::Brief)}>{t(lang, Key::SkipToBrief)}</a>
            </div>
            <header class="topbar">
                <div class="brand">
                    <svg class="logo" viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
                        <rect x="2" y="9" width="11" height="14" rx="3" class="logo-a" />
                        <rect x="19" y="9" width="11" height="14" rx="3" class="logo-b" />
                        <path d="M13 16h6" class="logo-link" />
                    </svg>
                    <span class="app-name">{t(lang, Key::AppName)}</span>
                </div>
                <h1 class="project-title">{doc.project.title.clone()}</h1>
                <toolbar::Toolbar editor={ed.clone()} dispatch={dispatch.clone()}
                    on_new={{ let n = new_open.clone(); Callback::from(move |_| n.set(true)) }}
                    {on_open} {on_export} {on_merge} {on_export_as}
                    on_shortcuts={{ let d = dispatch.clone(); Callback::from(move |_| d.emit(Action::ShowShortcuts(true))) }} />
                <input ref={file_input} type="file" class="visually-hidden" tabindex="-1" aria-hidden="true"
                    accept=".json,.canvas,application/json" onchange={on_file_chosen} />
            </header>
            <div class="statusbar">
                <span class="exported">{exported}</span>
                // Not while the browser refuses to keep the changes (the
                // banner below says so): the two would contradict each other.
                if !ed.session.save_failed {
                    <span class="autosave-note">{t(lang, Key::AutosaveOn)}</span>
                }
            </div>
            if let Some(name) = &*busy {
                <div class="banner info busy" role="status" aria-busy="true">{format!("{} {name}…", t(lang, Key::Opening))}</div>
            }
            if ed.session.save_failed {
                <div class="banner warning" role="alert">{t(lang, Key::AutosaveFailed)}</div>
            }
            if let Some((name, problems)) = &*file_error {
                <dialogs::FileError {lang} file={name.clone()} problems={problems.clone()}
                    ondismiss={{
                        let fe = file_error.clone();
                        // Back to Open file, to choose another file.
                        Callback::from(move |_| {
                            focus::rescue(vec![focus::Place::Css(".toolbar button.open-file")]);
                            fe.set(None);
                        })
                    }} />
            }
            if let Some(msg) = refusal {
                <div class="banner notice" role="status">
                    <span>{format!("{}{}{msg}", t(lang, Key::Refused), crate::i18n::colon(lang))}</span>
                    <button type="button" class="dismiss" onclick={dismiss_refusal}>{t(lang, Key::Dismiss)}</button>
                </div>
            }
            if let Some(c) = &saving.conflict {
                <div class="banner warning conflict" role="alert">
                    <span>{t(lang, Key::OtherTabSaved)}{format!(" (#{})", c.rev)}</span>
                    // The banner goes with either choice: the focus goes to the diagram.
                    <button type="button" onclick={{ let cb = saving.load_theirs.clone(); Callback::from(move |_: MouseEvent| { focus::rescue(vec![focus::Place::Diagram]); cb.emit(()) }) }}>
                        {t(lang, Key::LoadTheirs)}
                    </button>
                    <button type="button" onclick={{ let cb = saving.keep_mine.clone(); Callback::from(move |_: MouseEvent| { focus::rescue(vec![focus::Place::Diagram]); cb.emit(()) }) }}>
                        {t(lang, Key::KeepMine)}
                    </button>
                </div>
            }
            if let Some(note) = &ed.session.notice {
                <div class="banner info notice-banner" role="status">
                    <span>{note.clone()}</span>
                    // The way back it names, at hand.
                    if ed.session.notice_undo && ed.history.can_undo() {
                        <button type="button" class="undo-notice" onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.emit(Action::Undo)) }}>
                            {t(lang, Key::UndoRemoval)}
                        </button>
                    }
                    <button type="button" class="dismiss" onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.emit(Action::Notice(None))) }}>
                        {t(lang, Key::Dismiss)}
                    </button>
                </div>
            }
            // Every change to the map, said to screen readers ("Undone:
            // renamed stage …"); a new revision is a new node, so the same
            // words twice are said twice.
            <div class="visually-hidden" id="announcer" aria-live="polite" aria-atomic="true">
                if let Some(a) = &ed.session.announce {
                    <span key={a.revision.to_string()}>{crate::i18n::announcement(lang, a)}</span>
                }
            </div>
            if restored.is_some() && ed.revision == 0 {
                <div class="banner info" role="status">{t(lang, Key::Restored)}</div>
            }
            <main class="workspace">
                <aside class="side left">
                    if *panels_drawn {
                        <team::Team editor={ed.clone()} latest={Shared::from(latest.clone())} dispatch={dispatch.clone()} />
                        <coverage_panel::CoveragePanel doc={doc.clone()} derived={derived.clone()} {lang}
                            dispatch={dispatch.clone()} />
                    }
                </aside>
                <diagram::ChainDiagram editor={ed.clone()} derived={derived.clone()} dispatch={dispatch.clone()} />
                <aside class="side right">
                    if *panels_drawn {
                        <inspector::Inspector editor={ed.clone()} derived={derived.clone()} dispatch={dispatch.clone()} />
                        // The gaps before the long brief, where they can be found.
                        <gaps_panel::GapsPanel doc={doc.clone()} derived={derived.clone()} {lang}
                            dispatch={dispatch.clone()} />
                        <brief_panel::BriefPanel doc={doc.clone()} derived={derived.clone()}
                            selection={ed.session.primary().filter(|s| matches!(s, editor::Selection::Topic(_))).cloned()}
                            {lang} dispatch={dispatch.clone()} />
                    }
                </aside>
            </main>
            if let Some((name, result)) = &*merge_state {
                <merge_dialog::MergeDialog {lang} file={name.clone()} mine={doc.clone()} result={result.clone()}
                    oncancel={{ let m = merge_state.clone(); Callback::from(move |_| m.set(None)) }}
                    onapply={{
                        let m = merge_state.clone();
                        let d = dispatch.clone();
                        let result = result.clone();
                        Callback::from(move |choices: Vec<crate::merge::Choice>| {
                            let resolved = result.resolve(&choices);
                            let summary = crate::i18n::exchange::merged_summary(&result, &choices, &resolved, lang);
                            m.set(None);
                            d.emit(Action::Edit(Edit::Replace(Box::new(resolved.map))));
                            d.emit(Action::Notice(Some(format!("{}{}{summary}", t(lang, Key::Merged), crate::i18n::colon(lang)))));
                        })
                    }} />
            }
            if *new_open {
                <dialogs::NewMapDialog {lang} onchoose={choose_template}
                    onclose={{ let n = new_open.clone(); Callback::from(move |_| n.set(false)) }} />
            }
            if shortcuts_open {
                <dialogs::ShortcutsDialog {lang}
                    onclose={{ let d = dispatch.clone(); Callback::from(move |_| d.emit(Action::ShowShortcuts(false))) }} />
            }
        </div>
    }
}
