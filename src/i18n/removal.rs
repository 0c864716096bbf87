//! What a deletion takes with it, in words: before it, next to "Remove
//! from the map" ("Removing Wang Wei also removes 3 topics: …"), and after
//! it, in the notice ("Removed Wang Wei and 3 topics. Undo brings them
//! back.").

use super::Lang;
use crate::editor::{Removal, Selection};
use crate::model::Map;

/// Titles of the topics that go along, listed before "and N more".
const TITLES_LISTED: usize = 3;

fn en_count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "a, b and c" / "a、b 和 c".
fn join(lang: Lang, parts: &[String]) -> String {
    let (sep, and) = match lang {
        Lang::En => (", ", " and "),
        Lang::Zh => ("、", "和"),
    };
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        // "和 1 个课题": a count after 和 is set off by a space.
        Some((last, rest)) if lang == Lang::Zh && last.starts_with(|c: char| c.is_ascii_digit()) => {
            format!("{}{and} {last}", rest.join(sep))
        }
        Some((last, rest)) => format!("{}{and}{last}", rest.join(sep)),
    }
}

/// The thing named, when it is one ("Wang Wei", "stage “Casting trials”"),
/// else how many of each kind ("2 stages and 1 student").
fn what(lang: Lang, map: &Map, r: &Removal) -> String {
    let zh = lang == Lang::Zh;
    if let [one] = r.named.as_slice() {
        return match one {
            Selection::Person(id) => map.person_name(id).to_string(),
            Selection::Stage(id) if zh => format!("环节“{}”", map.stage_name(id)),
            Selection::Stage(id) => format!("stage “{}”", map.stage_name(id)),
            Selection::Phase(id) => {
                let name = map.phase(id).map_or(id.as_str(), |p| p.name.as_str());
                if zh {
                    format!("阶段“{name}”")
                } else {
                    format!("phase “{name}”")
                }
            }
            Selection::Topic(id) => {
                let title = map.topic(id).map_or(id.as_str(), |t| t.title.as_str());
                if zh {
                    format!("课题“{title}”")
                } else {
                    format!("topic “{title}”")
                }
            }
            Selection::Flow(_) if zh => "该流转".to_string(),
            Selection::Flow(_) => "the flow".to_string(),
        };
    }
    let n = r.counts(map);
    let words: [(&str, &str, &str); 6] = [
        ("phase", "phases", "个阶段"),
        ("stage", "stages", "个环节"),
        ("flow", "flows", "条流转"),
        ("student", "students", "名学生"),
        ("supervisor", "supervisors", "位导师"),
        ("topic", "topics", "个课题"),
    ];
    let parts: Vec<String> = n
        .iter()
        .zip(words)
        .filter(|(k, _)| **k > 0)
        .map(|(&k, (one, many, zh_word))| if zh { format!("{k} {zh_word}") } else { en_count(k, one, many) })
        .collect();
    // Counts are set off by spaces in Chinese text too ("移除 2 个环节").
    if zh {
        format!(" {}", join(lang, &parts))
    } else {
        join(lang, &parts)
    }
}

/// What goes with the named things: "2 flows and 3 topics".
fn taken(lang: Lang, r: &Removal) -> Vec<String> {
    let mut out = Vec::new();
    let zh = lang == Lang::Zh;
    if r.flows > 0 {
        out.push(if zh { format!("{} 条流转", r.flows) } else { en_count(r.flows, "flow", "flows") });
    }
    if !r.topics.is_empty() {
        let n = r.topics.len();
        out.push(if zh { format!("{n} 个课题") } else { en_count(n, "topic", "topics") });
    }
    out
}

/// What is changed and stays: "1 topic will no longer be placed".
fn changed(lang: Lang, r: &Removal, after: bool) -> Vec<String> {
    let mut out = Vec::new();
    let topics = |n: usize| if lang == Lang::Zh { format!("{n} 个课题") } else { en_count(n, "topic", "topics") };
    let is = |n: usize| if n == 1 { "is" } else { "are" };
    let has = |n: usize| if n == 1 { "has" } else { "have" };
    if r.unplaced > 0 {
        let n = r.unplaced;
        out.push(match (lang, after) {
            (Lang::En, false) => format!("{} will no longer be placed at a stage", topics(n)),
            (Lang::En, true) => format!("{} {} no longer placed at a stage", topics(n), is(n)),
            (Lang::Zh, false) => format!("{}将变为未放置", topics(n)),
            (Lang::Zh, true) => format!("{}已变为未放置", topics(n)),
        });
    }
    if r.unsupervised > 0 {
        let n = r.unsupervised;
        out.push(match (lang, after) {
            (Lang::En, false) => format!("{} will lose a supervisor", topics(n)),
            (Lang::En, true) => format!("{} lost a supervisor", topics(n)),
            (Lang::Zh, false) => format!("{}将少一位导师", topics(n)),
            (Lang::Zh, true) => format!("{}少了一位导师", topics(n)),
        });
    }
    if r.unphased > 0 {
        let n = r.unphased;
        let stages = if lang == Lang::Zh { format!("{n} 个环节") } else { en_count(n, "stage", "stages") };
        out.push(match (lang, after) {
            (Lang::En, false) => format!("{stages} will stay on the map without a phase"),
            (Lang::En, true) => format!("{stages} {} no phase now", has(n)),
            (Lang::Zh, false) => format!("{stages}将留在图中，不属于任何阶段"),
            (Lang::Zh, true) => format!("{stages}现在不属于任何阶段"),
        });
    }
    out
}

/// The titles of the topics that go along, the first few: " (“A”, “B”
/// and 2 more)".
fn titles(lang: Lang, map: &Map, r: &Removal) -> String {
    if r.topics.is_empty() {
        return String::new();
    }
    let mut parts: Vec<String> = r
        .topics
        .iter()
        .take(TITLES_LISTED)
        .map(|id| format!("“{}”", map.topic(id).map_or(id.as_str(), |t| t.title.as_str())))
        .collect();
    let more = r.topics.len().saturating_sub(TITLES_LISTED);
    if more > 0 {
        parts.push(match lang {
            Lang::En => format!("{more} more"),
            Lang::Zh => format!("另外 {more} 个"),
        });
    }
    match lang {
        Lang::En => format!(" ({})", join(lang, &parts)),
        Lang::Zh => format!("（{}）", join(lang, &parts)),
    }
}

/// Before: what removing takes with it, for the Inspector's "Remove from
/// the map"; `None` when it takes nothing it does not name.
pub fn removal_note(lang: Lang, map: &Map, r: &Removal) -> Option<String> {
    if !r.has_consequences() {
        return None;
    }
    let what = what(lang, map, r);
    let taken = taken(lang, r);
    let changed = changed(lang, r, false);
    let titles = titles(lang, map, r);
    Some(match lang {
        Lang::En => {
            let mut s = format!("Removing {what}");
            if !taken.is_empty() {
                s.push_str(&format!(" also removes {}{titles}", join(lang, &taken)));
            }
            if !changed.is_empty() {
                s.push_str(if taken.is_empty() { ": " } else { "; " });
                s.push_str(&join(lang, &changed));
            }
            s.push_str(". Undo brings it all back.");
            s
        }
        Lang::Zh => {
            let mut s = format!("移除{what}");
            if !taken.is_empty() {
                s.push_str(&format!("将同时移除 {}{titles}", join(lang, &taken)));
            }
            if !changed.is_empty() {
                s.push_str(if taken.is_empty() { "：" } else { "；" });
                s.push_str(&join(lang, &changed));
            }
            s.push_str("。可用“撤销”全部恢复。");
            s
        }
    })
}

/// After: the notice of a deletion that took or changed more than it
/// named, with the way back.
pub fn removed_notice(lang: Lang, map: &Map, r: &Removal) -> String {
    let what = what(lang, map, r);
    let taken = taken(lang, r);
    let changed = changed(lang, r, true);
    match lang {
        Lang::En => {
            let mut s = format!("Removed {what}");
            if !taken.is_empty() {
                let with = if r.named.len() == 1 { " and" } else { ", along with" };
                s.push_str(&format!("{with} {}", join(lang, &taken)));
            }
            if !changed.is_empty() {
                s.push_str("; ");
                s.push_str(&join(lang, &changed));
            }
            s.push_str(". Undo brings it all back.");
            s
        }
        Lang::Zh => {
            let mut s = format!("已移除{what}");
            if !taken.is_empty() {
                let with = if r.named.len() == 1 { "及" } else { "，连同" };
                s.push_str(&format!("{with} {}", join(lang, &taken)));
            }
            if !changed.is_empty() {
                s.push('；');
                s.push_str(&join(lang, &changed));
            }
            s.push_str("。可用“撤销”全部恢复。");
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Edit;
    use crate::model::Id;
    use crate::templates::Template;

    fn note(map: &Map, edit: Edit, lang: Lang) -> (Option<String>, String) {
        let r = Removal::of(map, &edit);
        (removal_note(lang, map, &r), removed_notice(lang, map, &r))
    }

    #[test]
    fn a_student_goes_with_their_topics_and_says_so() {
        let map = Template::Alloy.map(Lang::En);
        let li = map.people.iter().find(|p| p.id.as_str() == "li").unwrap();
        let titles: Vec<&str> = map.topics.iter().filter(|t| t.student == li.id).map(|t| t.title.as_str()).collect();
        assert_eq!(titles.len(), 1);
        let (before, after) = note(&map, Edit::DeletePerson { id: Id::from("li") }, Lang::En);
        assert_eq!(
            before.unwrap(),
            format!("Removing {} also removes 1 topic (“{}”). Undo brings it all back.", li.name, titles[0])
        );
        assert_eq!(after, format!("Removed {} and 1 topic. Undo brings it all back.", li.name));
        let (before, after) = note(&map, Edit::DeletePerson { id: Id::from("li") }, Lang::Zh);
        assert!(before.unwrap().contains("将同时移除 1 个课题"));
        assert!(after.starts_with(&format!("已移除{}及 1 个课题", li.name)), "{after}");
    }

    #[test]
    fn a_stage_goes_with_its_flows_and_leaves_its_topics_unplaced() {
        let map = Template::Alloy.map(Lang::En);
        let cast = Id::from("cast");
        let flows = map.flows.iter().filter(|f| f.from == cast || f.to == cast).count();
        let here = map.topics.iter().filter(|t| t.stage.as_ref() == Some(&cast)).count();
        assert!(flows > 1 && here == 1, "the template changed: {flows} flows, {here} topics");
        let (before, after) = note(&map, Edit::DeleteStage { id: cast.clone() }, Lang::En);
        assert_eq!(
            before.unwrap(),
            format!(
                "Removing stage “Casting trials” also removes {flows} flows; 1 topic will no longer be placed at a stage. Undo brings it all back."
            )
        );
        assert_eq!(
            after,
            format!(
                "Removed stage “Casting trials” and {flows} flows; 1 topic is no longer placed at a stage. Undo brings it all back."
            )
        );
    }

    #[test]
    fn a_phase_leaves_its_stages_and_a_supervisor_their_topics() {
        let map = Template::Alloy.map(Lang::En);
        let phase = &map.project.phases[0];
        let n = map.stages.iter().filter(|s| s.phase.as_ref() == Some(&phase.id)).count();
        let (before, after) = note(&map, Edit::DeletePhase { id: phase.id.clone() }, Lang::En);
        assert_eq!(
            before.unwrap(),
            format!(
                "Removing phase “{}”: {n} stages will stay on the map without a phase. Undo brings it all back.",
                phase.name
            )
        );
        assert_eq!(
            after,
            format!("Removed phase “{}”; {n} stages have no phase now. Undo brings it all back.", phase.name)
        );
        let wang = map.person(&Id::from("wang")).unwrap();
        let (before, _) = note(&map, Edit::DeletePerson { id: wang.id.clone() }, Lang::En);
        assert!(before.unwrap().starts_with(&format!("Removing {}: ", wang.name)));
    }

    #[test]
    fn what_takes_nothing_along_says_nothing_before() {
        let map = Template::Alloy.map(Lang::En);
        let flow = map.flows[0].id.clone();
        let topic = map.topics[0].id.clone();
        for edit in [
            Edit::DeleteFlow { id: flow },
            Edit::DeleteTopic { id: topic },
            Edit::RenameStage { id: Id::from("cast"), name: "x".into() },
        ] {
            let r = Removal::of(&map, &edit);
            assert!(!r.has_consequences(), "{edit:?}");
            assert_eq!(removal_note(Lang::En, &map, &r), None);
        }
    }

    #[test]
    fn a_batch_counts_by_kind_and_a_flow_named_with_its_stage_is_not_counted_twice() {
        let map = Template::Alloy.map(Lang::En);
        let cast = Id::from("cast");
        let f = map.flows.iter().find(|f| f.from == cast || f.to == cast).unwrap().id.clone();
        let all = map.flows.iter().filter(|f| f.from == cast || f.to == cast).count();
        let edit = Edit::Batch(vec![
            Edit::DeleteStage { id: cast.clone() },
            Edit::DeleteFlow { id: f },
            Edit::DeletePerson { id: Id::from("li") },
        ]);
        let r = Removal::of(&map, &edit);
        assert_eq!((all, r.flows), (2, 1));
        // Li's topic was at the stage: it goes with Li, and is not counted as unplaced.
        assert_eq!((r.topics.len(), r.unplaced), (1, 0));
        assert_eq!(
            removed_notice(Lang::En, &map, &r),
            "Removed 1 stage, 1 flow and 1 student, along with 1 flow and 1 topic. Undo brings it all back."
        );
        assert_eq!(
            removed_notice(Lang::Zh, &map, &r),
            "已移除 1 个环节、1 条流转和 1 名学生，连同 1 条流转和 1 个课题。可用“撤销”全部恢复。"
        );
    }
}
