//! What a change to the map did, in words: announced to screen readers
//! after an edit, an Undo or a Redo, and named on the Undo and Redo buttons.

use super::Lang;
use crate::editor::{Announce, Change, Kind, Step, Verb};

fn kind_word(lang: Lang, kind: Kind) -> &'static str {
    match (lang, kind) {
        (Lang::En, Kind::Phase) => "phase",
        (Lang::En, Kind::Stage) => "stage",
        (Lang::En, Kind::Flow) => "flow",
        (Lang::En, Kind::Person) => "person",
        (Lang::En, Kind::Topic) => "topic",
        (Lang::Zh, Kind::Phase) => "阶段",
        (Lang::Zh, Kind::Stage) => "环节",
        (Lang::Zh, Kind::Flow) => "流转",
        (Lang::Zh, Kind::Person) => "人员",
        (Lang::Zh, Kind::Topic) => "课题",
    }
}

fn verb_word(lang: Lang, verb: Verb) -> &'static str {
    match (lang, verb) {
        (Lang::En, Verb::Added) => "added",
        (Lang::En, Verb::Renamed) => "renamed",
        (Lang::En, Verb::Changed) => "changed",
        (Lang::En, Verb::Moved) => "moved",
        (Lang::En, Verb::Removed) => "removed",
        (Lang::Zh, Verb::Added) => "添加了",
        (Lang::Zh, Verb::Renamed) => "重命名了",
        (Lang::Zh, Verb::Changed) => "修改了",
        (Lang::Zh, Verb::Moved) => "移动了",
        (Lang::Zh, Verb::Removed) => "删除了",
    }
}

/// "renamed stage “Casting trials”" / "重命名了环节“铸造试验”" (lower case in
/// English: it follows "Undo: " or is capitalised by `announcement`).
pub fn change_text(lang: Lang, c: &Change) -> String {
    match (lang, c) {
        (Lang::En, Change::One { verb, kind, name }) => {
            format!("{} {} \u{201c}{name}\u{201d}", verb_word(lang, *verb), kind_word(lang, *kind))
        }
        (Lang::Zh, Change::One { verb, kind, name }) => {
            format!("{}{}“{name}”", verb_word(lang, *verb), kind_word(lang, *kind))
        }
        (Lang::En, Change::Placed { topic, stage: Some(s) }) => {
            format!("placed topic \u{201c}{topic}\u{201d} at \u{201c}{s}\u{201d}")
        }
        (Lang::En, Change::Placed { topic, stage: None }) => {
            format!("took topic \u{201c}{topic}\u{201d} off its stage")
        }
        (Lang::Zh, Change::Placed { topic, stage: Some(s) }) => format!("把课题“{topic}”放到了“{s}”"),
        (Lang::Zh, Change::Placed { topic, stage: None }) => format!("把课题“{topic}”移出了环节"),
        (Lang::En, Change::Project) => "changed the project".into(),
        (Lang::Zh, Change::Project) => "修改了项目信息".into(),
        (Lang::En, Change::MovedStages(n)) => format!("moved {n} stages"),
        (Lang::Zh, Change::MovedStages(n)) => format!("移动了 {n} 个环节"),
        (Lang::En, Change::Removed(n)) => format!("removed {n} items"),
        (Lang::Zh, Change::Removed(n)) => format!("删除了 {n} 项"),
        (Lang::En, Change::Replaced { stages: 1 }) => "replaced the map (now 1 stage)".into(),
        (Lang::En, Change::Replaced { stages }) => format!("replaced the map (now {stages} stages)"),
        (Lang::Zh, Change::Replaced { stages }) => format!("替换了整张图（现有 {stages} 个环节）"),
        (Lang::En, Change::Several(n)) => format!("made {n} changes"),
        (Lang::Zh, Change::Several(n)) => format!("做了 {n} 处修改"),
    }
}

/// What the live region says: "Renamed stage “Casting trials”.",
/// "Undone: renamed stage “Casting trials”." / "已撤销：重命名了环节“铸造试验”。"
pub fn announcement(lang: Lang, a: &Announce) -> String {
    let what = change_text(lang, &a.change);
    match (lang, a.step) {
        // The words start with an English verb: ASCII (the full Unicode
        // case tables would add 13 KB to the download).
        (Lang::En, Step::Done) => {
            let mut chars = what.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase().to_string()).unwrap_or_default();
            format!("{first}{}.", chars.as_str())
        }
        (Lang::En, Step::Undone) => format!("Undone: {what}."),
        (Lang::En, Step::Redone) => format!("Redone: {what}."),
        (Lang::Zh, Step::Done) => format!("{what}。"),
        (Lang::Zh, Step::Undone) => format!("已撤销：{what}。"),
        (Lang::Zh, Step::Redone) => format!("已重做：{what}。"),
    }
}

/// The Undo or Redo button's tooltip: "Undo: renamed stage “Casting
/// trials” (Ctrl+Z)", or the shortcut alone when there is nothing to undo.
pub fn history_title(lang: Lang, undo: bool, c: Option<&Change>) -> String {
    let keys = if undo { "Ctrl+Z" } else { "Ctrl+Shift+Z" };
    match (lang, c) {
        (_, None) => keys.to_string(),
        (Lang::En, Some(c)) => format!("{}: {} ({keys})", if undo { "Undo" } else { "Redo" }, change_text(lang, c)),
        (Lang::Zh, Some(c)) => format!("{}：{}（{keys}）", if undo { "撤销" } else { "重做" }, change_text(lang, c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::{Edit, StageMove};
    use crate::model::Id;
    use crate::templates::{Lang as TLang, Template};

    fn id(s: &str) -> Id {
        Id::from(s)
    }

    #[test]
    fn an_edit_is_said_with_the_name_it_had_before() {
        let map = Template::Alloy.map(TLang::En);
        let said = |e: Edit| change_text(Lang::En, &Change::of(&map, &e));
        assert_eq!(
            said(Edit::RenameStage { id: id("cast"), name: "Casting".into() }),
            "renamed stage \u{201c}Casting trials\u{201d}"
        );
        assert_eq!(
            said(Edit::SetTopicStage { id: id("t-li"), stage: Some(id("comp")) }),
            "placed topic \u{201c}Casting process window\u{201d} at \u{201c}Composition design\u{201d}"
        );
        assert_eq!(
            said(Edit::SetTopicStage { id: id("t-li"), stage: None }),
            "took topic \u{201c}Casting process window\u{201d} off its stage"
        );
        assert_eq!(said(Edit::DeleteFlow { id: id("f1") }), "removed flow \u{201c}strengthening rules\u{201d}");
        let moves = |ids: &[&str]| {
            Edit::MoveStages(ids.iter().map(|i| StageMove { id: id(i), pos: Some((0.0, 0.0)), phase: None }).collect())
        };
        assert_eq!(said(moves(&["cast"])), "moved stage \u{201c}Casting trials\u{201d}");
        assert_eq!(said(moves(&["cast", "heat", "comp"])), "moved 3 stages");
        assert_eq!(
            said(Edit::Batch(vec![Edit::DeleteStage { id: id("cast") }, Edit::DeleteFlow { id: id("f1") }])),
            "removed 2 items"
        );
        assert_eq!(said(Edit::Replace(Box::new(Template::Sand.map(TLang::En)))), "replaced the map (now 5 stages)");
        let zh = Template::Alloy.map(TLang::Zh);
        assert_eq!(
            change_text(Lang::Zh, &Change::of(&zh, &Edit::DeleteTopic { id: id("t-li") })),
            "删除了课题“铸造工艺窗口”"
        );
    }

    #[test]
    fn announcements_and_button_names_say_the_step() {
        let c = Change::One { verb: Verb::Added, kind: Kind::Stage, name: "Stage 7".into() };
        let a = |step| Announce { step, change: c.clone(), revision: 1 };
        assert_eq!(announcement(Lang::En, &a(Step::Done)), "Added stage \u{201c}Stage 7\u{201d}.");
        assert_eq!(announcement(Lang::En, &a(Step::Undone)), "Undone: added stage \u{201c}Stage 7\u{201d}.");
        assert_eq!(announcement(Lang::Zh, &a(Step::Redone)), "已重做：添加了环节“Stage 7”。");
        assert_eq!(history_title(Lang::En, true, Some(&c)), "Undo: added stage \u{201c}Stage 7\u{201d} (Ctrl+Z)");
        assert_eq!(history_title(Lang::En, false, None), "Ctrl+Shift+Z");
        assert_eq!(history_title(Lang::Zh, true, Some(&c)), "撤销：添加了环节“Stage 7”（Ctrl+Z）");
    }
}
