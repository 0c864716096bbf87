//! The Coverage region: per phase, covered / total stages; the stage ×
//! student matrix; topics per supervisor; the share of stages covered.
//! Activating a cell selects the topic, a row header the stage.

use yew::prelude::*;

use super::dialogs::Modal;
use super::panel::{use_panel, Panel};
use super::{Derived, Dispatch, Shared};
use crate::analysis::Names;
use crate::editor::{Action, Selection};
use crate::i18n::{coverage_summary, t, topic_count, Key, Lang};
use crate::model::{Map, PersonKind};

/// Rows of the matrix (and supervisors of each kind) drawn before "Show … more".
const ROWS_SHOWN: usize = 120;
/// Topics listed under each supervisor before "Show … more".
const TOPICS_SHOWN: usize = 12;
/// Student columns drawn before "Show … more students" (a programme can
/// have hundreds: rows × columns cells would be drawn on every change).
const COLUMNS_SHOWN: usize = 40;

#[derive(Properties, PartialEq)]
pub struct CoverageProps {
    pub doc: Shared<Map>,
    pub derived: Shared<Derived>,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[component]
pub fn CoveragePanel(p: &CoverageProps) -> Html {
    let (open, toggle) = use_panel();
    let lang = p.lang;
    let map = &*p.doc;
    let c = &p.derived.analysis.coverage;
    let select = |sel: Selection| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Select(Some(sel.clone()))))
    };
    let phases = c.phases.iter().map(|ph| {
        let name = match &ph.phase {
            Some(id) => map.phase(id).map_or(id.to_string(), |x| x.name.clone()),
            None => t(lang, Key::NoPhase).to_string(),
        };
        let key = ph.phase.as_ref().map_or("~none".to_string(), |id| id.to_string());
        html! {
            <li key={key} class="phase-coverage">
                <span class="phase-name">{name.clone()}</span>
                <meter min="0" max={ph.total.max(1).to_string()} value={ph.covered.to_string()}
                    aria-label={format!("{name}: {} / {}", ph.covered, ph.total)} />
                <span class="ratio">{format!("{} / {}", ph.covered, ph.total)}</span>
            </li>
        }
    });
    // Names by id, once per render (the map's own look-ups are linear searches).
    let names = Names::kept(map, &p.derived.names);
    let full = use_state(|| false);
    let close = {
        let f = full.clone();
        Callback::from(move |()| f.set(false))
    };
    let all_supervisors = use_state(|| false);
    let supervisors = |kind: PersonKind| -> Html {
        let count = c.supervisors.iter().filter(|s| s.kind == kind).count();
        let shown = if *all_supervisors { count } else { count.min(ROWS_SHOWN) };
        let topics_shown = |n: usize| if *all_supervisors { n } else { n.min(TOPICS_SHOWN) };
        let hidden_topics: usize = c
            .supervisors
            .iter()
            .filter(|s| s.kind == kind)
            .take(shown)
            .map(|s| s.topics.len() - topics_shown(s.topics.len()))
            .sum();
        let more = if count > shown { count - shown } else { hidden_topics };
        let list: Vec<Html> = c
            .supervisors
            .iter()
            .filter(|s| s.kind == kind)
            .take(shown)
            .map(|s| {
                let hidden = s.topics.len() - topics_shown(s.topics.len());
                let topics = s.topics.iter().take(topics_shown(s.topics.len())).map(|tid| {
                    let title = names.topic(tid).to_string();
                    html! { <li key={tid.to_string()}><button type="button" class="link" onclick={select(Selection::Topic(tid.clone()))}>{title}</button></li> }
                });
                html! {
                    <li key={s.person.to_string()}>
                        <button type="button" class="link person-link" onclick={select(Selection::Person(s.person.clone()))}>
                            {names.person(&s.person).to_string()}
                        </button>
                        <span class="hint small">{format!(" · {}", topic_count(lang, s.topics.len()))}</span>
                        <ul class="plain">{for topics}</ul>
                        if hidden > 0 {
                            // Shows every supervisor's topics, as the button under the list does.
                            <button type="button" class="link hint small" onclick={{ let a = all_supervisors.clone(); Callback::from(move |_: MouseEvent| a.set(true)) }}>
                                {crate::i18n::and_more(lang, hidden)}
                            </button>
                        }
                    </li>
                }
            })
            .collect();
        if list.is_empty() {
            html! { <p class="hint small">{t(lang, Key::NoSupervisorsYet)}</p> }
        } else {
            html! {
                <>
                    <ul class="plain supervisors">{list}</ul>
                    if more > 0 {
                        <button type="button" class="more" onclick={{ let a = all_supervisors.clone(); Callback::from(move |e: MouseEvent| { super::focus::after_show_more(&e); a.set(true) }) }}>
                            {crate::i18n::show_more(lang, more)}
                        </button>
                    }
                </>
            }
        }
    };
    html! {
        <Panel title={t(lang, Key::RegionCoverage)} class="coverage" {lang} {open} ontoggle={toggle}>
            if open {
                <p class="coverage-summary">{coverage_summary(lang, c.covered_stages, c.total_stages)}</p>
                <h3 class="sub">{t(lang, Key::CoveragePhases)}</h3>
                <ul class="plain phases">{for phases}</ul>
                <h3 class="sub">{t(lang, Key::CoverageMatrix)}</h3>
                if c.students.is_empty() {
                    <p class="hint small">{t(lang, Key::NoStudentsYet)}</p>
                } else {
                    <Matrix doc={p.doc.clone()} derived={p.derived.clone()} {lang} dispatch={p.dispatch.clone()} full=false onpick={Callback::noop()} />
                    <button type="button" class="more" onclick={{ let f = full.clone(); Callback::from(move |_: MouseEvent| f.set(true)) }}>
                        {t(lang, Key::OpenFullTable)}
                    </button>
                    if *full {
                        <Modal title={t(lang, Key::CoverageMatrix)} class="matrix-full" onclose={close.clone()}>
                            <Matrix doc={p.doc.clone()} derived={p.derived.clone()} {lang} dispatch={p.dispatch.clone()} full=true onpick={close.clone()} />
                            <div class="row end">
                                <button type="button" onclick={close.reform(|_: MouseEvent| ())}>{t(lang, Key::Close)}</button>
                            </div>
                        </Modal>
                    }
                }
                <h3 class="sub">{t(lang, Key::CoverageSupervisors)}</h3>
                <h4 class="subsub">{t(lang, Key::AcademicSupervisors)}</h4>
                {supervisors(PersonKind::AcademicSupervisor)}
                <h4 class="subsub">{t(lang, Key::EnterpriseSupervisors)}</h4>
                {supervisors(PersonKind::EnterpriseSupervisor)}
            }
        </Panel>
    }
}

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub doc: Shared<Map>,
    pub derived: Shared<Derived>,
    pub lang: Lang,
    pub dispatch: Dispatch,
    /// The full-window table (in a dialog): more rows and columns at first.
    pub full: bool,
    /// Called after a cell or a row header selected something.
    pub onpick: Callback<()>,
}

/// The stage × student table. Its header row and stage column stay in view
/// while it scrolls (CSS `position: sticky`).
#[component]
pub fn Matrix(p: &MatrixProps) -> Html {
    let lang = p.lang;
    let map = &*p.doc;
    let c = &p.derived.analysis.coverage;
    let all_rows = use_state(|| false);
    let all_columns = use_state(|| false);
    let scale = if p.full { 3 } else { 1 };
    let select = |sel: Selection| {
        let (d, done) = (p.dispatch.clone(), p.onpick.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::Select(Some(sel.clone())));
            done.emit(());
        })
    };
    let names = Names::kept(map, &p.derived.names);
    let columns = if *all_columns { c.students.len() } else { c.students.len().min(COLUMNS_SHOWN * scale) };
    let students: Vec<&str> = c.students.iter().take(columns).map(|id| names.person(id)).collect();
    let shown = if *all_rows { c.matrix.len() } else { c.matrix.len().min(ROWS_SHOWN * scale) };
    let rows = c.matrix.iter().take(shown).map(|row| {
        let cells = (0..students.len()).map(|col| {
            let topics = row.topics_of(col);
            html! {
                <td>
                    {for topics.iter().map(|tid| {
                        let title = names.topic(tid).to_string();
                        html! {
                            <button type="button" class="cell-mark" title={title.clone()} aria-label={title}
                                onclick={select(Selection::Topic(tid.clone()))}>{"●"}</button>
                        }
                    })}
                </td>
            }
        });
        html! {
            <tr key={row.stage.to_string()} class={classes!((!row.is_covered()).then_some("uncovered"))}>
                <th scope="row">
                    <button type="button" class="link" onclick={select(Selection::Stage(row.stage.clone()))}>
                        {names.stage(&row.stage).to_string()}
                    </button>
                    // In words, not only in colour.
                    if !row.is_covered() { <span class="nobody-tag">{t(lang, Key::NoStudentYet)}</span> }
                </th>
                {for cells}
            </tr>
        }
    });
    html! {
        <>
            <div class={classes!("matrix-wrap", p.full.then_some("full"))}>
                <table class="matrix">
                    <caption class="visually-hidden">{t(lang, Key::CoverageMatrix)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::StageLabel)}</th>
                            {for students.iter().map(|s| html! { <th scope="col">{s.to_string()}</th> })}
                        </tr>
                    </thead>
                    <tbody>{for rows}</tbody>
                </table>
            </div>
            if columns < c.students.len() {
                <button type="button" class="more" onclick={{ let a = all_columns.clone(); Callback::from(move |e: MouseEvent| { super::focus::after_show_more(&e); a.set(true) }) }}>
                    {crate::i18n::show_more_students(lang, c.students.len() - columns)}
                </button>
            }
            if shown < c.matrix.len() {
                <button type="button" class="more" onclick={{ let a = all_rows.clone(); Callback::from(move |e: MouseEvent| { super::focus::after_show_more(&e); a.set(true) }) }}>
                    {crate::i18n::show_more(lang, c.matrix.len() - shown)}
                </button>
            }
        </>
    }
}
