//! The Team region: students with their topics, and the supervisors.
//! A topic can be dragged onto a stage on the diagram to place it there.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::panel::{use_panel, Panel};
use std::cell::RefCell;

use super::{commands, Derived, Dispatch, Shared};
use crate::editor::{Action, Edit, Editor, Selection};
use crate::i18n::{t, Key};
use crate::model::{Id, PersonKind};

/// Students (and supervisors) drawn before "Show … more".
const PEOPLE_SHOWN: usize = 150;
/// Topics drawn before "Show … more": a student stops the list once this
/// many are drawn, and a student's own list stops there too (a programme's
/// map can give one student hundreds of topics).
const TOPICS_SHOWN: usize = 300;

#[derive(Properties)]
pub struct TeamProps {
    pub editor: Shared<Editor>,
    /// The editor as of the app's last render: the buttons act on it, since
    /// the Team is not drawn again when a stage is selected (and "Add topic"
    /// places the new topic at the selected stage).
    pub latest: Shared<RefCell<(Shared<Editor>, Shared<Derived>)>>,
    pub dispatch: Dispatch,
}

/// What of the session the Team shows or acts on: the selected people and
/// topics, and whether the primary selection is a person (new topics go to
/// that student).
fn team_selection(ed: &Editor) -> (Vec<&Selection>, Option<&Selection>) {
    let mine = |s: &&Selection| matches!(s, Selection::Person(_) | Selection::Topic(_));
    (ed.session.selection.iter().filter(mine).collect(), ed.session.primary().filter(mine))
}

/// The Team is drawn again when the map, the language or its part of the
/// selection changes, not when a stage or a flow is selected.
impl PartialEq for TeamProps {
    fn eq(&self, o: &Self) -> bool {
        self.dispatch == o.dispatch
            && self.latest == o.latest
            && std::rc::Rc::ptr_eq(&self.editor.doc, &o.editor.doc)
            && self.editor.session.lang == o.editor.session.lang
            && team_selection(&self.editor) == team_selection(&o.editor)
    }
}

/// Starts dragging a topic: on release over a stage card, the topic is placed there.
fn start_topic_drag(topic: Id, dispatch: Dispatch) {
    let doc = gloo::utils::document();
    if let Some(body) = doc.body() {
        let _ = body.class_list().add_1("topic-drag");
    }
    let up: std::rc::Rc<std::cell::RefCell<Option<EventListener>>> = Default::default();
    let holder = up.clone();
    let listener = EventListener::new(&doc, "pointerup", move |e| {
        let doc = gloo::utils::document();
        if let Some(body) = doc.body() {
            let _ = body.class_list().remove_1("topic-drag");
        }
        if let Some(e) = e.dyn_ref::<web_sys::PointerEvent>() {
            let stage = doc
                .element_from_point(e.client_x() as f32, e.client_y() as f32)
                .and_then(|el| el.closest("[data-stage]").ok().flatten())
                .and_then(|el| el.get_attribute("data-stage"));
            if let Some(stage) = stage {
                dispatch.emit(Action::Edit(Edit::SetTopicStage { id: topic.clone(), stage: Some(Id::new(stage)) }));
            }
        }
        holder.borrow_mut().take();
    });
    *up.borrow_mut() = Some(listener);
}

#[component]
pub fn Team(props: &TeamProps) -> Html {
    let (open, toggle) = use_panel();
    let ed = &*props.editor;
    let lang = ed.session.lang;
    let map = ed.map();
    let d = &props.dispatch;
    let select = |sel: Selection| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Select(Some(sel.clone()))))
    };
    let selected = |sel: &Selection| ed.session.is_selected(sel);
    // A programme-wide map can list hundreds of students: the first ones are
    // drawn, the rest on request.
    let all = use_state(|| false);
    let student_count = map.people.iter().filter(|p| p.kind == PersonKind::Student).count();
    // Names by the tables kept with the document (a table older than the
    // map only makes a look-up slower, never wrong).
    let derived = props.latest.try_borrow().ok().map(|latest| latest.1.clone());
    let names = match &derived {
        Some(derived) => crate::analysis::Names::kept(map, &derived.names),
        None => crate::analysis::Names::new(map),
    };
    let mut topics_of: crate::model::hash::FastMap<&str, Vec<&crate::model::Topic>> = Default::default();
    for tp in &map.topics {
        topics_of.entry(tp.student.as_str()).or_default().push(tp);
    }
    let no_topics = Vec::new();
    let topics_of_person = |p: &crate::model::Person| topics_of.get(p.id.as_str()).unwrap_or(&no_topics);
    // Students are drawn until PEOPLE_SHOWN of them or TOPICS_SHOWN topics
    // are: each student drawn gets what is left of the topic budget.
    let mut budget = if *all { usize::MAX } else { TOPICS_SHOWN };
    let mut drawn: Vec<(&crate::model::Person, usize)> = Vec::new();
    for p in map.people.iter().filter(|p| p.kind == PersonKind::Student) {
        if !*all && (drawn.len() == PEOPLE_SHOWN || budget == 0) {
            break;
        }
        let n = topics_of_person(p).len().min(budget);
        budget -= n;
        drawn.push((p, n));
    }
    let shown = drawn.len();
    // What "Show … more" would add: the students not drawn, else their topics.
    let hidden_topics: usize = drawn.iter().map(|(p, n)| topics_of_person(p).len() - n).sum();
    let more = if student_count > shown { student_count - shown } else { hidden_topics };
    let students = drawn.iter().map(|&(p, topics_shown)| {
        let mine = topics_of_person(p);
        let hidden_topics = mine.len() - topics_shown;
        let topics = mine.iter().take(topics_shown).map(|tp| {
            let sel = Selection::Topic(tp.id.clone());
            let onpointerdown = {
                let d = d.clone();
                let id = tp.id.clone();
                Callback::from(move |e: PointerEvent| {
                    if e.button() == 0 {
                        start_topic_drag(id.clone(), d.clone());
                    }
                })
            };
            let place = tp.stage.as_ref().map_or(t(lang, Key::NotPlaced).to_string(), |s| names.stage(s).to_string());
            html! {
                <li key={tp.id.to_string()} class="topic-item">
                    <button type="button" class={classes!("topic", selected(&sel).then_some("selected"))}
                        aria-pressed={selected(&sel).to_string()} title={t(lang, Key::DragToStage)}
                        data-topic={tp.id.to_string()} {onpointerdown} onclick={select(sel.clone())}>
                        <span class="topic-title">{tp.title.clone()}</span>
                        <span class={classes!("topic-place", tp.stage.is_none().then_some("unplaced"))}>{place}</span>
                    </button>
                </li>
            }
        });
        let topics: Vec<Html> = topics.collect();
        let sel = Selection::Person(p.id.clone());
        html! {
            <li key={p.id.to_string()} class="person student">
                <button type="button" class={classes!("person-name", selected(&sel).then_some("selected"))}
                    aria-pressed={selected(&sel).to_string()} data-person={p.id.to_string()} onclick={select(sel.clone())}>{p.name.clone()}</button>
                if topics.is_empty() {
                    <span class="hint small">{t(lang, Key::NoTopicYet)}</span>
                } else {
                    <ul class="topics">{topics}</ul>
                }
                if hidden_topics > 0 {
                    <span class="hint small">{crate::i18n::and_more(lang, hidden_topics)}</span>
                }
            </li>
        }
    });
    let all_supervisors = use_state(|| false);
    let supervisor_count = map.people.iter().filter(|p| p.kind.is_supervisor()).count();
    let supervisors_shown = if *all_supervisors { supervisor_count } else { supervisor_count.min(PEOPLE_SHOWN) };
    let supervisors = map.people.iter().filter(|p| p.kind.is_supervisor()).take(supervisors_shown).map(|p| {
        let sel = Selection::Person(p.id.clone());
        // The mark is the kind's first letter in the page's language
        // (A / E, 学 / 企); the kind in words is its tooltip and, for a
        // screen reader, part of the name.
        let academic = p.kind == PersonKind::AcademicSupervisor;
        let (mark, kind) = if academic {
            (t(lang, Key::SupervisorAcademicLetter), t(lang, Key::SupervisorAcademicMark))
        } else {
            (t(lang, Key::SupervisorEnterpriseLetter), t(lang, Key::SupervisorEnterpriseMark))
        };
        html! {
            <li key={p.id.to_string()} class="person supervisor">
                <button type="button" class={classes!("person-name", selected(&sel).then_some("selected"))}
                    aria-pressed={selected(&sel).to_string()} data-person={p.id.to_string()} onclick={select(sel.clone())}>
                    <span class={classes!("mark", if academic { "academic" } else { "enterprise" })} title={kind} aria-hidden="true">{mark}</span>
                    {p.name.clone()}
                    <span class="visually-hidden">{format!(" ({kind})")}</span>
                </button>
            </li>
        }
    });
    let add_person = {
        let d = d.clone();
        let latest = props.latest.clone();
        Callback::from(move |_: MouseEvent| {
            let editor = latest.borrow().0.clone();
            d.emit(commands::add_person(&editor, String::new(), PersonKind::Student))
        })
    };
    let has_student = map.people.iter().any(|p| p.kind == PersonKind::Student);
    let add_topic = {
        let d = d.clone();
        let latest = props.latest.clone();
        Callback::from(move |_: MouseEvent| {
            let editor = latest.borrow().0.clone();
            if let Some(a) = commands::add_topic(&editor, String::new(), None, None) {
                d.emit(a);
            }
        })
    };
    html! {
        <Panel title={t(lang, Key::RegionTeam)} class="team" {lang} {open} ontoggle={toggle}>
            if open {
                <div class="row">
                    <button type="button" class="add-person" onclick={add_person}>{t(lang, Key::AddPerson)}</button>
                    <button type="button" onclick={add_topic} disabled={!has_student}
                        title={if has_student { t(lang, Key::AddTopic) } else { t(lang, Key::SelectStudentFirst) }}>
                        {t(lang, Key::AddTopic)}
                    </button>
                </div>
                <h3 class="sub">{t(lang, Key::Students)}</h3>
                <ul class="people">{for students}</ul>
                if more > 0 {
                    <button type="button" class="more" onclick={{ let a = all.clone(); Callback::from(move |e: MouseEvent| { super::focus::after_show_more(&e); a.set(true) }) }}>
                        {crate::i18n::show_more(lang, more)}
                    </button>
                }
                <h3 class="sub">{t(lang, Key::SupervisorsHeading)}</h3>
                <ul class="people">{for supervisors}</ul>
                if supervisors_shown < supervisor_count {
                    <button type="button" class="more" onclick={{ let a = all_supervisors.clone(); Callback::from(move |e: MouseEvent| { super::focus::after_show_more(&e); a.set(true) }) }}>
                        {crate::i18n::show_more(lang, supervisor_count - supervisors_shown)}
                    </button>
                }
            }
        </Panel>
    }
}
