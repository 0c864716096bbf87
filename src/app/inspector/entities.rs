//! One form per kind of thing that can be selected.

use yew::prelude::*;

use super::chain::{chain_lists, names, select_button};
use super::fields::{CheckGroup, Choices, SelectField, TextArea, TextField};
use crate::app::effects::new_id;
use crate::app::Derived;
use crate::app::Dispatch;
use crate::editor::{Action, Edit, Field, Removal, Selection};
use crate::i18n::{colon, t, Key, Lang};
use crate::model::{Id, Map, PersonKind};

fn edit<T: 'static>(d: &Dispatch, f: impl Fn(T) -> Edit + 'static) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |v: T| d.emit(Action::Edit(f(v))))
}

fn opt_id(v: String) -> Option<Id> {
    (!v.is_empty()).then(|| Id::new(v))
}

fn lines(v: &str) -> Vec<String> {
    v.lines().map(str::to_string).collect()
}

/// The field whose last change was refused, and why ("Not changed: …").
pub type Refused = Option<(Field, AttrValue)>;

/// Why the last change of `field` was refused, if it was.
fn refused(r: &Refused, field: Field) -> Option<AttrValue> {
    r.as_ref().filter(|(f, _)| *f == field).map(|(_, why)| why.clone())
}

/// "Remove from the map", and under it what goes with the thing or is
/// changed by its going (a student's topics, a stage's flows), when
/// anything is: the button's description.
fn delete_button(lang: Lang, map: &Map, d: &Dispatch, e: Edit) -> Html {
    let note = crate::i18n::removal_note(lang, map, &Removal::of(map, &e));
    let note_id = note.as_ref().map(|_| "remove-note".to_string());
    let onclick = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Edit(e.clone())))
    };
    // Not called "Delete": the toolbar's Delete is the one button of that name.
    html! {
        <>
            <button type="button" class="danger" {onclick} aria-describedby={note_id}>{t(lang, Key::RemoveFromMap)}</button>
            if let Some(note) = note { <p class="hint remove-note" id="remove-note">{note}</p> }
        </>
    }
}

pub fn kind_name(kind: PersonKind, lang: Lang) -> &'static str {
    crate::i18n::kind_word(kind, lang)
}

#[allow(clippy::too_many_arguments)]
pub fn stage(
    doc: &crate::app::Shared<Map>,
    derived: &Derived,
    id: &Id,
    lang: Lang,
    fresh: bool,
    bad: &Refused,
    d: &Dispatch,
    here: Html,
) -> Html {
    let map: &Map = doc;
    let Some(s) = map.stage(id) else { return html! {} };
    let key = s.id.to_string();
    let mut phases = vec![(String::new(), t(lang, Key::NoPhase).to_string())];
    phases.extend(map.project.phases.iter().map(|p| (p.id.to_string(), p.name.clone())));
    let chain = derived.chain_of(map, id);
    let students = derived.people_at(id);
    let i = id.clone();
    html! {
        <div class="selection stage-details" key={format!("stage-{key}")}>
            <p class="kind">{t(lang, Key::StageHeading)}</p>
            <h3 class="name" tabindex="-1">{s.name.clone()}</h3>
            <p class="students-here">
                <span class="label">{t(lang, Key::StudentsHere)}{": "}</span>
                {if students.is_empty() { t(lang, Key::NobodyHere).to_string() } else { names(map, students, lang) }}
            </p>
            {here}
            {chain_lists(map, derived, &chain, &s.external_inputs, &s.external_outputs, lang, d)}
            <h4 class="sub edit-heading">{t(lang, Key::EditHeading)}</h4>
            <TextField label={t(lang, Key::NameLabel)} entity={key.clone()} value={s.name.clone()} autofocus={fresh}
                error={refused(bad, Field::StageName(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |name| Edit::RenameStage { id: i.clone(), name } })} />
            <SelectField label={t(lang, Key::PhaseLabel)} entity={key.clone()} options={Choices::from(phases)}
                value={s.phase.as_ref().map_or(String::new(), |p| p.to_string())}
                onchange={edit(d, { let i = i.clone(); move |v| Edit::SetStagePhase { id: i.clone(), phase: opt_id(v) } })} />
            <TextArea label={t(lang, Key::RoleLabel)} entity={key.clone()} value={s.role.clone()} rows={2}
                error={refused(bad, Field::StageRole(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |role| Edit::SetStageRole { id: i.clone(), role } })} />
            <TextArea label={t(lang, Key::ExternalInputsLabel)} entity={key.clone()} value={s.external_inputs.join("\n")}
                maxlength={5000} hint={t(lang, Key::OnePerLine)} error={refused(bad, Field::ExternalInputs(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |v: String| Edit::SetExternalInputs { id: i.clone(), items: lines(&v) } })} />
            <TextArea label={t(lang, Key::ExternalOutputsLabel)} entity={key.clone()} value={s.external_outputs.join("\n")}
                maxlength={5000} hint={t(lang, Key::OnePerLine)} error={refused(bad, Field::ExternalOutputs(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |v: String| Edit::SetExternalOutputs { id: i.clone(), items: lines(&v) } })} />
            <AddFlow map={doc.clone()} stages={derived.stage_choices.clone()} from={id.clone()} {lang} dispatch={d.clone()} />
            <div class="actions">{delete_button(lang, map, d, Edit::DeleteStage { id: id.clone() })}</div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AddFlowProps {
    map: crate::app::Shared<Map>,
    /// Every stage (the one the flow starts from is left out of the list).
    stages: Choices,
    from: Id,
    lang: Lang,
    dispatch: Dispatch,
}

/// "Add flow": choose the stage it goes to and name the artifact.
#[component]
fn AddFlow(p: &AddFlowProps) -> Html {
    let lang = p.lang;
    let to = use_state(String::new);
    let artifact = use_state(String::new);
    let key = format!("addflow-{}", p.from);
    let onsubmit = {
        let to = to.clone();
        let artifact = artifact.clone();
        let map = p.map.clone();
        let from = p.from.clone();
        let d = p.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if to.is_empty() {
                return;
            }
            let id = new_id(&map, "flow");
            d.emit(Action::Edit(Edit::AddFlow {
                id,
                from: from.clone(),
                to: Id::new(to.as_str()),
                artifact: (*artifact).clone(),
            }));
            artifact.set(String::new());
            to.set(String::new());
        })
    };
    html! {
        <form class="add-flow" {onsubmit} aria-label={t(lang, Key::AddFlow)}>
            <fieldset>
                <legend>{t(lang, Key::AddFlow)}</legend>
                <SelectField label={t(lang, Key::ToStage)} entity={key.clone()} none={AttrValue::from(t(lang, Key::ChooseStage))}
                    options={p.stages.clone()} exclude={AttrValue::from(p.from.to_string())} value={(*to).clone()}
                    onchange={{ let to = to.clone(); Callback::from(move |v| to.set(v)) }} />
                <TextField label={t(lang, Key::ArtifactLabel)} entity={key.clone()} value={(*artifact).clone()}
                    onchange={{ let a = artifact.clone(); Callback::from(move |v| a.set(v)) }} />
                <button type="submit" disabled={to.is_empty()}>{t(lang, Key::AddFlow)}</button>
            </fieldset>
        </form>
    }
}

#[allow(clippy::too_many_arguments)]
pub fn flow(
    map: &Map,
    derived: &Derived,
    id: &Id,
    lang: Lang,
    fresh: bool,
    bad: &Refused,
    d: &Dispatch,
    here: Html,
) -> Html {
    let Some(f) = map.flow(id) else { return html! {} };
    let key = f.id.to_string();
    let stages = derived.stage_choices.clone();
    let (from, to) = (f.from.clone(), f.to.clone());
    let i = id.clone();
    html! {
        <div class="selection flow-details" key={format!("flow-{key}")}>
            <p class="kind">{t(lang, Key::FlowHeading)}</p>
            <h3 class="name" tabindex="-1">{format!("{} → {}", map.stage_name(&f.from), map.stage_name(&f.to))}</h3>
            {here}
            <TextField label={t(lang, Key::ArtifactLabel)} entity={key.clone()} value={f.artifact.clone()} autofocus={fresh}
                error={refused(bad, Field::Artifact(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |artifact| Edit::SetFlowArtifact { id: i.clone(), artifact } })} />
            <SelectField label={t(lang, Key::FromStage)} entity={key.clone()} options={stages.clone()} value={f.from.to_string()}
                onchange={edit(d, { let i = i.clone(); let to = to.clone(); move |v: String| Edit::SetFlowEnds { id: i.clone(), from: Id::new(v), to: to.clone() } })} />
            <SelectField label={t(lang, Key::ToStage)} entity={key.clone()} options={stages} value={f.to.to_string()}
                onchange={edit(d, { let i = i.clone(); let from = from.clone(); move |v: String| Edit::SetFlowEnds { id: i.clone(), from: from.clone(), to: Id::new(v) } })} />
            <p class="flow-people">
                {select_button(map.stage_name(&f.from).to_string(), Selection::Stage(f.from.clone()), d, "stage-link")}
                {format!(" ({}) → ", names(map, derived.people_at(&f.from), lang))}
                {select_button(map.stage_name(&f.to).to_string(), Selection::Stage(f.to.clone()), d, "stage-link")}
                {format!(" ({})", names(map, derived.people_at(&f.to), lang))}
            </p>
            <div class="actions">{delete_button(lang, map, d, Edit::DeleteFlow { id: id.clone() })}</div>
        </div>
    }
}

/// `ask`: the topic was given to the first student for now (nothing
/// selected said whose it is): the cursor goes to Student, which says so.
#[allow(clippy::too_many_arguments)]
pub fn topic(
    map: &Map,
    derived: &Derived,
    id: &Id,
    lang: Lang,
    fresh: bool,
    ask: bool,
    bad: &Refused,
    d: &Dispatch,
    here: Html,
) -> Html {
    let Some(tp) = map.topic(id) else { return html! {} };
    let key = tp.id.to_string();
    let students: Vec<(String, String)> = map
        .people
        .iter()
        .filter(|p| p.kind == PersonKind::Student)
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    // Option texts are the names alone; the kind is the group's heading.
    let group = |kind: PersonKind| -> (String, Vec<(String, String)>) {
        let heading = t(
            lang,
            if kind == PersonKind::AcademicSupervisor { Key::AcademicSupervisors } else { Key::EnterpriseSupervisors },
        );
        let options =
            map.people.iter().filter(|p| p.kind == kind).map(|p| (p.id.to_string(), p.name.clone())).collect();
        (heading.to_string(), options)
    };
    let supervisors = vec![group(PersonKind::AcademicSupervisor), group(PersonKind::EnterpriseSupervisor)];
    let stage = tp.stage.as_ref().and_then(|s| map.stage(s));
    let i = id.clone();
    // Where the topic sits and who is on it, first: what a student states at
    // the defense before its inputs and outputs.
    let place = match stage {
        Some(s) => {
            let phase = s.phase.as_ref().and_then(|p| map.phase(p)).map_or(t(lang, Key::NoPhase), |p| p.name.as_str());
            html! {
                <>
                    <p class="topic-where">
                        <span class="label">{t(lang, Key::TopicAt)}{colon(lang)}</span>
                        {select_button(s.name.clone(), Selection::Stage(s.id.clone()), d, "stage-link")}
                        {format!(" · {phase}")}
                    </p>
                    if !s.role.trim().is_empty() { <p class="topic-role">{s.role.clone()}</p> }
                </>
            }
        }
        None => html! { <p class="topic-where unplaced">{t(lang, Key::TopicNotPlacedYet)}</p> },
    };
    let student_name = map.person_name(&tp.student).to_string();
    let people = html! {
        <p class="topic-people">
            <span class="label">{t(lang, Key::StudentLabel)}{colon(lang)}</span>{student_name}
            {" · "}
            <span class="label">{t(lang, Key::SupervisorsLabel)}{colon(lang)}</span>{names(map, &tp.supervisors, lang)}
        </p>
    };
    // The Brief (further down the column) follows the selected topic: this
    // takes the reader there, to its title.
    let read_brief = Callback::from(|_: MouseEvent| {
        use crate::app::focus::{to_first, Place};
        to_first(&[Place::Css(".panel.brief-panel .brief-title"), Place::Brief]);
    });
    html! {
        <div class="selection topic-details" key={format!("topic-{key}")}>
            <p class="kind">{t(lang, Key::TopicHeading)}</p>
            <h3 class="name" tabindex="-1">{tp.title.clone()}</h3>
            {place}
            {people}
            <p class="read-brief"><button type="button" class="link" onclick={read_brief}>{t(lang, Key::ReadBrief)}{" ↓"}</button></p>
            {here}
            if let Some(s) = stage {
                {chain_lists(map, derived, &derived.chain_of(map, &s.id), &s.external_inputs, &s.external_outputs, lang, d)}
            }
            <h4 class="sub edit-heading">{t(lang, Key::EditHeading)}</h4>
            <TextField label={t(lang, Key::TitleLabel)} entity={key.clone()} value={tp.title.clone()} autofocus={fresh && !ask}
                error={refused(bad, Field::TopicTitle(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |title| Edit::SetTopicTitle { id: i.clone(), title } })} />
            <SelectField label={t(lang, Key::StudentLabel)} entity={key.clone()} options={Choices::from(students)} value={tp.student.to_string()}
                autofocus={fresh && ask} hint={(fresh && ask).then(|| AttrValue::from(t(lang, Key::ChooseStudentHint)))}
                onchange={edit(d, { let i = i.clone(); move |v: String| Edit::SetTopicStudent { id: i.clone(), student: Id::new(v) } })} />
            <SelectField label={t(lang, Key::StageLabel)} entity={key.clone()} none={AttrValue::from(t(lang, Key::NotPlaced))} options={derived.stage_choices.clone()}
                value={tp.stage.as_ref().map_or(String::new(), |s| s.to_string())}
                onchange={edit(d, { let i = i.clone(); move |v| Edit::SetTopicStage { id: i.clone(), stage: opt_id(v) } })} />
            <CheckGroup label={t(lang, Key::SupervisorsLabel)} entity={key.clone()} groups={supervisors}
                values={tp.supervisors.iter().map(|s| s.to_string()).collect::<Vec<_>>()}
                onchange={edit(d, { let i = i.clone(); move |v: Vec<String>| Edit::SetTopicSupervisors { id: i.clone(), supervisors: v.into_iter().map(Id::new).collect() } })} />
            <TextField label={t(lang, Key::DefenseDateLabel)} entity={key.clone()} kind={"date"} value={tp.defense_date.clone()}
                error={refused(bad, Field::DefenseDate(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |date| Edit::SetDefenseDate { id: i.clone(), date } })} />
            <TextArea label={t(lang, Key::NotesLabel)} entity={key.clone()} value={tp.notes.clone()} maxlength={10000} rows={3}
                error={refused(bad, Field::TopicNotes(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |notes| Edit::SetTopicNotes { id: i.clone(), notes } })} />
            <div class="actions">{delete_button(lang, map, d, Edit::DeleteTopic { id: id.clone() })}</div>
        </div>
    }
}

pub fn person(map: &Map, id: &Id, lang: Lang, fresh: bool, bad: &Refused, d: &Dispatch, here: Html) -> Html {
    let Some(p) = map.person(id) else { return html! {} };
    let key = p.id.to_string();
    let kinds: Vec<(String, String)> =
        PersonKind::ALL.iter().map(|k| (k.as_str().to_string(), kind_name(*k, lang).to_string())).collect();
    let topics: Vec<Html> = map
        .topics
        .iter()
        .filter(|tp| tp.student == *id || tp.supervisors.contains(id))
        .map(|tp| html! { <li key={tp.id.to_string()}>{select_button(tp.title.clone(), Selection::Topic(tp.id.clone()), d, "topic-link")}</li> })
        .collect();
    let i = id.clone();
    html! {
        <div class="selection person-details" key={format!("person-{key}")}>
            <p class="kind">{t(lang, Key::PersonHeading)}</p>
            <h3 class="name" tabindex="-1">{p.name.clone()}</h3>
            {here}
            <TextField label={t(lang, Key::NameLabel)} entity={key.clone()} value={p.name.clone()} autofocus={fresh}
                error={refused(bad, Field::PersonName(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |name| Edit::RenamePerson { id: i.clone(), name } })} />
            <SelectField label={t(lang, Key::KindLabel)} entity={key.clone()} options={Choices::from(kinds)} value={p.kind.as_str()}
                onchange={edit(d, { let i = i.clone(); move |v: String| Edit::SetPersonKind { id: i.clone(), kind: PersonKind::parse(&v).unwrap_or(PersonKind::Student) } })} />
            <TextField label={t(lang, Key::AffiliationLabel)} entity={key.clone()} value={p.affiliation.clone()}
                error={refused(bad, Field::Affiliation(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |affiliation| Edit::SetAffiliation { id: i.clone(), affiliation } })} />
            if !topics.is_empty() {
                <h4 class="sub">{t(lang, Key::Topics)}</h4>
                <ul class="plain">{topics}</ul>
            }
            <div class="actions">{delete_button(lang, map, d, Edit::DeletePerson { id: id.clone() })}</div>
        </div>
    }
}

pub fn phase(map: &Map, id: &Id, lang: Lang, fresh: bool, bad: &Refused, d: &Dispatch, here: Html) -> Html {
    let Some(p) = map.phase(id) else { return html! {} };
    let key = p.id.to_string();
    let index = map.project.phases.iter().position(|x| x.id == *id).unwrap_or(0);
    let last = map.project.phases.len().saturating_sub(1);
    let mover = |to: usize| {
        let d = d.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Edit(Edit::MovePhase { id: id.clone(), to })))
    };
    let stages: Vec<Html> = map
        .stages
        .iter()
        .filter(|s| s.phase.as_ref() == Some(id))
        .map(|s| html! { <li key={s.id.to_string()}>{select_button(s.name.clone(), Selection::Stage(s.id.clone()), d, "stage-link")}</li> })
        .collect();
    let i = id.clone();
    html! {
        <div class="selection phase-details" key={format!("phase-{key}")}>
            <p class="kind">{t(lang, Key::PhaseHeading)}</p>
            <h3 class="name" tabindex="-1">{p.name.clone()}</h3>
            {here}
            <TextField label={t(lang, Key::NameLabel)} entity={key.clone()} value={p.name.clone()} autofocus={fresh}
                error={refused(bad, Field::PhaseName(id.clone()))}
                onchange={edit(d, { let i = i.clone(); move |name| Edit::RenamePhase { id: i.clone(), name } })} />
            <div class="row">
                <button type="button" class="phase-move" disabled={index == 0} onclick={mover(index.saturating_sub(1))}>{"← "}{t(lang, Key::MoveLeft)}</button>
                <button type="button" class="phase-move" disabled={index >= last} onclick={mover(index + 1)}>{t(lang, Key::MoveRight)}{" →"}</button>
            </div>
            if !stages.is_empty() {
                <h4 class="sub">{t(lang, Key::StagesInPhase)}</h4>
                <ul class="plain">{stages}</ul>
            }
            <div class="actions">{delete_button(lang, map, d, Edit::DeletePhase { id: id.clone() })}</div>
        </div>
    }
}

pub fn project(map: &Map, lang: Lang, bad: &Refused, d: &Dispatch) -> Html {
    let p = &map.project;
    html! {
        <div class="selection project-details" key="project">
            <p class="hint">{t(lang, Key::NothingSelected)}</p>
            <p class="kind">{t(lang, Key::ProjectHeading)}</p>
            <TextField label={t(lang, Key::ProjectTitleLabel)} entity="project" value={p.title.clone()}
                error={refused(bad, Field::Title)} onchange={edit(d, Edit::SetTitle)} />
            <TextField label={t(lang, Key::SourceLabel)} entity="project" value={p.source.clone()}
                error={refused(bad, Field::Source)} onchange={edit(d, Edit::SetSource)} />
            <TextArea label={t(lang, Key::BackgroundLabel)} entity="project" value={p.background.clone()} maxlength={10000} rows={4}
                error={refused(bad, Field::Background)} onchange={edit(d, Edit::SetBackground)} />
        </div>
    }
}
