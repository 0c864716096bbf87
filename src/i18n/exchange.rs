//! Words for merging files, the defense brief in Markdown and the exports,
//! in English and Chinese. The app and the command line use the same ones.

use super::Lang;
use crate::analysis::CheckItem;
use crate::export::canvas::CanvasNote;
use crate::merge::{
    AddedName, Choice, Conflict, Dangling, EntityKind, FieldValue, Filled, Fix, MergeResult, ProjectTitles, Resolved,
    Why,
};
use crate::model::{Id, Map};

fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// A readiness checklist item, as the brief shows it.
pub fn check_item(item: CheckItem, lang: Lang) -> &'static str {
    match lang {
        Lang::En => item.english(),
        Lang::Zh => match item {
            CheckItem::StageSet => "课题已放到一个环节上",
            CheckItem::RoleWritten => "环节的作用已写明",
            CheckItem::InputsNamed => "输入已写明，并注明来自哪里",
            CheckItem::OutputsNamed => "输出已写明，并注明给谁使用",
            CheckItem::AcademicSupervisor => "已有学术导师",
            CheckItem::EnterpriseSupervisor => "已有企业导师",
            CheckItem::DefenseDate => "开题日期已确定",
        },
    }
}

/// The fixed words of a defense brief.
#[derive(Clone, Copy, Debug)]
pub struct BriefWords {
    pub brief: &'static str,
    pub all_briefs: &'static str,
    pub student: &'static str,
    pub defense_date: &'static str,
    pub not_set: &'static str,
    pub project: &'static str,
    pub source: &'static str,
    pub background: &'static str,
    pub position: &'static str,
    pub stage: &'static str,
    pub phase: &'static str,
    pub role: &'static str,
    pub not_placed: &'static str,
    pub no_phase: &'static str,
    pub not_written: &'static str,
    pub inputs: &'static str,
    pub outputs: &'static str,
    pub external_input: &'static str,
    pub external_output: &'static str,
    pub by: &'static str,
    pub for_whom: &'static str,
    pub nobody: &'static str,
    pub unnamed: &'static str,
    pub no_inputs: &'static str,
    pub no_outputs: &'static str,
    /// Where the inputs and outputs would be, for a topic at no stage.
    pub place_first: &'static str,
    pub upstream: &'static str,
    pub downstream: &'static str,
    pub nothing_upstream: &'static str,
    pub nothing_downstream: &'static str,
    pub supervisors: &'static str,
    pub academic: &'static str,
    pub enterprise: &'static str,
    pub none_yet: &'static str,
    pub gaps: &'static str,
    pub no_gaps: &'static str,
    pub checklist: &'static str,
    pub no_topics: &'static str,
    pub notes: &'static str,
}

pub fn brief_words(lang: Lang) -> BriefWords {
    match lang {
        Lang::En => BriefWords {
            brief: "Defense brief",
            all_briefs: "Defense briefs",
            student: "Student",
            defense_date: "Defense date",
            not_set: "not set yet",
            project: "Project",
            source: "Source",
            background: "Background",
            position: "Position in the chain",
            stage: "Stage",
            phase: "Phase",
            role: "Role",
            not_placed: "not placed at a stage yet",
            no_phase: "no phase",
            not_written: "not written yet",
            inputs: "Inputs",
            outputs: "Outputs",
            external_input: "from outside the project",
            external_output: "leaves the project",
            by: "by",
            for_whom: "for",
            nobody: "nobody works there yet",
            unnamed: "(unnamed)",
            no_inputs: "No inputs: where does this stage get what it needs?",
            no_outputs: "No outputs: who uses what this stage makes?",
            place_first: "Not at a stage yet: place the topic at its stage to see what comes in and what goes out.",
            upstream: "Upstream chain",
            downstream: "Downstream chain",
            nothing_upstream: "Nothing upstream.",
            nothing_downstream: "Nothing downstream.",
            supervisors: "Supervisors",
            academic: "Academic",
            enterprise: "Enterprise",
            none_yet: "none yet",
            gaps: "Open gaps",
            no_gaps: "No gaps touch this topic.",
            checklist: "Readiness checklist",
            no_topics: "The map has no topics yet.",
            notes: "Notes",
        },
        Lang::Zh => BriefWords {
            brief: "开题简报",
            all_briefs: "开题简报汇总",
            student: "学生",
            defense_date: "开题日期",
            not_set: "尚未确定",
            project: "项目",
            source: "来源",
            background: "背景",
            position: "在价值链中的位置",
            stage: "环节",
            phase: "阶段",
            role: "作用",
            not_placed: "尚未放到任何环节",
            no_phase: "未分阶段",
            not_written: "尚未填写",
            inputs: "输入",
            outputs: "输出",
            external_input: "来自项目外部",
            external_output: "离开项目",
            by: "负责人",
            for_whom: "使用人",
            nobody: "那里还没有人负责",
            unnamed: "（未命名）",
            no_inputs: "没有输入：这个环节需要的东西从哪里来？",
            no_outputs: "没有输出：这个环节的产出给谁用？",
            place_first: "尚未放到环节上：把课题放到它的环节后，可看到输入和输出。",
            upstream: "上游链",
            downstream: "下游链",
            nothing_upstream: "没有上游环节。",
            nothing_downstream: "没有下游环节。",
            supervisors: "导师",
            academic: "学术导师",
            enterprise: "企业导师",
            none_yet: "暂无",
            gaps: "相关缺口",
            no_gaps: "没有与本课题相关的缺口。",
            checklist: "准备情况清单",
            no_topics: "地图中还没有课题。",
            notes: "备注",
        },
    }
}

/// "from stage X" / "来自环节X" (X already formatted by the caller).
pub fn from_stage(lang: Lang, stage: &str) -> String {
    match lang {
        Lang::En => format!("from stage {stage}"),
        Lang::Zh => format!("来自环节{stage}"),
    }
}

pub fn to_stage(lang: Lang, stage: &str) -> String {
    match lang {
        Lang::En => format!("to stage {stage}"),
        Lang::Zh => format!("交给环节{stage}"),
    }
}

/// Between the items of a list of names: ", " / "、".
pub fn list_sep(lang: Lang) -> &'static str {
    pick(lang, ", ", "、")
}

/// A remark after a name, brackets and all: " (x)" / "（x）" (x already
/// formatted by the caller).
pub fn aside(lang: Lang, x: &str) -> String {
    match lang {
        Lang::En => format!(" ({x})"),
        Lang::Zh => format!("（{x}）"),
    }
}

/// Who works at the other end of a hand-off: "by Li, Wang" / "负责人：李、王"
/// (`word` is [`BriefWords::by`] or [`BriefWords::for_whom`]; the names
/// already joined by the caller).
pub fn who_there(lang: Lang, word: &str, names: &str) -> String {
    match lang {
        Lang::En => format!("{word} {names}"),
        Lang::Zh => format!("{word}：{names}"),
    }
}

/// "1 step up", "2 steps down".
pub fn steps(lang: Lang, n: usize, up: bool) -> String {
    match (lang, up) {
        (Lang::En, true) if n == 1 => "1 step up".into(),
        (Lang::En, true) => format!("{n} steps up"),
        (Lang::En, false) if n == 1 => "1 step down".into(),
        (Lang::En, false) => format!("{n} steps down"),
        (Lang::Zh, true) => format!("上游第 {n} 级"),
        (Lang::Zh, false) => format!("下游第 {n} 级"),
    }
}

/// After a PNG export of a map too big for the browser's canvas at full size.
pub fn png_scaled(lang: Lang, percent: u32) -> String {
    match lang {
        Lang::En => {
            format!("The map is large, so the PNG is drawn at {percent}% of its size. Export SVG keeps every detail.")
        }
        Lang::Zh => format!("这张图很大，PNG 按原尺寸的 {percent}% 绘制。导出 SVG 可以保留全部细节。"),
    }
}

/// "5 of 7 ready" / "已完成 5/7 项".
pub fn ready_count(lang: Lang, ok: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("{ok} of {total} ready"),
        Lang::Zh => format!("已完成 {ok}/{total} 项"),
    }
}

/// "Topic “X” is not in the map." for a brief asked for an unknown topic.
pub fn unknown_topic(lang: Lang, id: &str) -> String {
    match lang {
        Lang::En => format!("There is no topic \u{201c}{id}\u{201d} in the map."),
        Lang::Zh => format!("地图中没有课题“{id}”。"),
    }
}

/// The word for a kind of entity.
pub fn entity_word(kind: EntityKind, lang: Lang) -> &'static str {
    match kind {
        EntityKind::Document => pick(lang, "file", "文件"),
        EntityKind::Project => pick(lang, "project", "项目"),
        EntityKind::Phase => pick(lang, "phase", "阶段"),
        EntityKind::Stage => pick(lang, "stage", "环节"),
        EntityKind::Flow => pick(lang, "flow", "流转"),
        EntityKind::Person => pick(lang, "person", "人员"),
        EntityKind::Topic => pick(lang, "topic", "课题"),
    }
}

/// A field's label; unknown fields keep their key.
pub fn field_label(field: &str, lang: Lang) -> String {
    let (en, zh) = match field {
        "title" => ("title", "题目"),
        "source" => ("source", "来源"),
        "background" => ("background", "背景"),
        "name" => ("name", "名称"),
        "phase" => ("phase", "阶段"),
        "role" => ("role", "作用"),
        "external_inputs" => ("external inputs", "外部输入"),
        "external_outputs" => ("external outputs", "外部输出"),
        "pos" => ("position", "位置"),
        "from" => ("from stage", "来自环节"),
        "to" => ("to stage", "流向环节"),
        "artifact" => ("artifact", "交付物"),
        "kind" => ("kind", "类别"),
        "affiliation" => ("affiliation", "单位"),
        "student" => ("student", "学生"),
        "stage" => ("stage", "环节"),
        "supervisors" => ("supervisors", "导师"),
        "defense_date" => ("defense date", "开题日期"),
        "notes" => ("notes", "备注"),
        other => return other.to_string(),
    };
    pick(lang, en, zh).to_string()
}

/// “Name” (id) of an entity of `map`, or the id alone when it has no name there.
pub fn entity_label(map: &Map, kind: EntityKind, id: &Id, lang: Lang) -> String {
    let name = match kind {
        EntityKind::Document | EntityKind::Project => return entity_word(kind, lang).to_string(),
        EntityKind::Phase => map.phase(id).map(|p| p.name.as_str()),
        EntityKind::Stage => map.stage(id).map(|s| s.name.as_str()),
        EntityKind::Flow => map.flow(id).map(|f| f.artifact.as_str()).filter(|a| !a.trim().is_empty()),
        EntityKind::Person => map.person(id).map(|p| p.name.as_str()),
        EntityKind::Topic => map.topic(id).map(|t| t.title.as_str()),
    };
    let word = entity_word(kind, lang);
    match (name, lang) {
        (Some(n), Lang::En) => format!("{word} {}", quoted(n, id, lang)),
        (Some(n), Lang::Zh) => format!("{word}{}", quoted(n, id, lang)),
        (None, _) => format!("{word} {id}"),
    }
}

/// "“Eng. Wang” (wang)": a name with its id.
fn quoted(name: &str, id: &Id, lang: Lang) -> String {
    match lang {
        Lang::En => format!("\u{201c}{name}\u{201d} ({id})"),
        Lang::Zh => format!("“{name}”（{id}）"),
    }
}

/// One line of the summary: "Added 2 stages, 5 people, 5 topics; filled in 5 fields; 1 conflict."
/// "1 stage", "3 flows", "2 people".
fn entities_en(k: EntityKind, n: usize) -> String {
    match (k, n) {
        (EntityKind::Person, 1) => "1 person".to_string(),
        (EntityKind::Person, n) => format!("{n} people"),
        (k, 1) => format!("1 {}", k.as_str()),
        (k, n) => format!("{n} {}s", k.as_str()),
    }
}

/// How many entities of each kind their file adds and the settling in
/// `resolved` keeps, kinds in report order, kinds with none skipped.
fn added_counts(r: &MergeResult, resolved: &Resolved) -> Vec<(EntityKind, usize)> {
    let kinds = [EntityKind::Phase, EntityKind::Stage, EntityKind::Flow, EntityKind::Person, EntityKind::Topic];
    let mut counts = [0usize; 5];
    for a in r.added_kept(resolved) {
        if let Some(i) = kinds.iter().position(|&k| k == a.kind) {
            if let Some(n) = counts.get_mut(i) {
                *n += 1;
            }
        }
    }
    kinds.into_iter().zip(counts).filter(|&(_, n)| n > 0).collect()
}

/// The merge dialog's summary (and the CLI's line per file), with the
/// conflicts settled as in `resolved` (the dialog: as chosen so far).
pub fn merge_summary(r: &MergeResult, resolved: &Resolved, lang: Lang) -> String {
    let counts = added_counts(r, resolved);
    let (filled, conflicts, left_out) = (r.filled.len(), r.conflicts.len(), r.left_out.len());
    match lang {
        Lang::En => {
            let added = if counts.is_empty() {
                "Nothing added".to_string()
            } else {
                format!("Added {}", counts.iter().map(|&(k, n)| entities_en(k, n)).collect::<Vec<_>>().join(", "))
            };
            let fields = if filled == 1 { "1 field".to_string() } else { format!("{filled} fields") };
            let conf = if conflicts == 1 { "1 conflict".to_string() } else { format!("{conflicts} conflicts") };
            let mut s = format!("{added}; filled in {fields}; {conf}");
            if left_out > 0 {
                s.push_str(&format!("; {left_out} left out (the file limits)"));
            }
            s.push('.');
            s
        }
        Lang::Zh => {
            let added = if counts.is_empty() {
                "没有新增内容".to_string()
            } else {
                format!(
                    "新增 {}",
                    counts
                        .iter()
                        .map(|&(k, n)| format!("{n} 个{}", entity_word(k, lang)))
                        .collect::<Vec<_>>()
                        .join("、")
                )
            };
            let mut s = format!("{added}；补全 {filled} 个字段；{conflicts} 处冲突");
            if left_out > 0 {
                s.push_str(&format!("；{left_out} 项因超出文件上限未加入"));
            }
            s.push('。');
            s
        }
    }
}

/// What a merge did once its conflicts were settled (the notice after
/// Apply): only what is in the merged map counts as added (a topic whose
/// student was kept as a supervisor is left out), and the conflicts are
/// said settled, with how.
pub fn merged_summary(r: &MergeResult, choices: &[Choice], resolved: &Resolved, lang: Lang) -> String {
    let counts = added_counts(r, resolved);
    let conflicts = r.conflicts.len();
    let taken = (0..conflicts).filter(|&i| choices.get(i) == Some(&Choice::TakeTheirs)).count();
    let (filled, kept, dropped) = (r.filled.len(), conflicts - taken, resolved.dangling.len());
    match lang {
        Lang::En => {
            let mut parts = vec![if counts.is_empty() {
                "Nothing added".to_string()
            } else {
                format!("Added {}", counts.iter().map(|&(k, n)| entities_en(k, n)).collect::<Vec<_>>().join(", "))
            }];
            if filled > 0 {
                parts.push(format!(
                    "filled in {}",
                    if filled == 1 { "1 field".into() } else { format!("{filled} fields") }
                ));
            }
            if conflicts > 0 {
                let n = if conflicts == 1 { "1 conflict".into() } else { format!("{conflicts} conflicts") };
                parts.push(format!("{n} settled ({taken} from their file, {kept} kept)"));
            }
            if dropped > 0 {
                parts.push(format!("{dropped} left out or cleared"));
            }
            format!("{}.", parts.join("; "))
        }
        Lang::Zh => {
            let mut parts = vec![if counts.is_empty() {
                "没有新增内容".to_string()
            } else {
                let list: Vec<String> =
                    counts.iter().map(|&(k, n)| format!("{n} 个{}", entity_word(k, lang))).collect();
                format!("新增 {}", list.join("、"))
            }];
            if filled > 0 {
                parts.push(format!("补全 {filled} 个字段"));
            }
            if conflicts > 0 {
                parts.push(format!("{conflicts} 处冲突已处理（采用对方 {taken} 处，保留本方 {kept} 处）"));
            }
            if dropped > 0 {
                parts.push(format!("{dropped} 项未加入或已清除"));
            }
            format!("{}。", parts.join("；"))
        }
    }
}

/// How many entities of a kind the merge dialog names before "and N more".
pub const ADDED_LISTED: usize = 50;

/// The heading of the list of what a merge adds: "Added" / "新增".
pub fn added_heading(lang: Lang) -> &'static str {
    pick(lang, "Added", "新增")
}

/// The heading of the entities of one kind a merge adds: "Stages (3)" / "环节（3）".
pub fn added_kind_heading(kind: EntityKind, n: usize, lang: Lang) -> String {
    let en = match kind {
        EntityKind::Document => "File",
        EntityKind::Project => "Project",
        EntityKind::Phase => "Phases",
        EntityKind::Stage => "Stages",
        EntityKind::Flow => "Flows",
        EntityKind::Person => "People",
        EntityKind::Topic => "Topics",
    };
    match lang {
        Lang::En => format!("{en} ({n})"),
        Lang::Zh => format!("{}（{n}）", entity_word(kind, lang)),
    }
}

/// An added entity in words: a phase or stage by its name, a person with
/// their kind, a flow as "artifact: From → To", a topic with its student.
pub fn added_name(a: &AddedName, lang: Lang) -> String {
    match a {
        AddedName::Phase { name } | AddedName::Stage { name } => name.clone(),
        AddedName::Person { name, kind } => format!("{name}{}", aside(lang, super::kind_word(*kind, lang))),
        AddedName::Flow { artifact, from, to } if artifact.is_empty() => format!("{from} \u{2192} {to}"),
        AddedName::Flow { artifact, from, to } => format!("{artifact}{}{from} \u{2192} {to}", super::colon(lang)),
        AddedName::Topic { title, student } => match lang {
            Lang::En => format!("{title} (student: {student})"),
            Lang::Zh => format!("{title}（学生：{student}）"),
        },
    }
}

/// The warning over a merge of a file whose project title is not this map's.
pub fn other_project_warning(t: &ProjectTitles, lang: Lang) -> String {
    let (mine, theirs) = (&t.mine, &t.theirs);
    match lang {
        Lang::En => format!(
            "This file is for another project: \u{201c}{theirs}\u{201d} (this map: \u{201c}{mine}\u{201d}). Merge it only if it belongs here."
        ),
        Lang::Zh => format!("这个文件属于另一个项目：“{theirs}”（本图：“{mine}”）。请确认它属于本项目后再合并。"),
    }
}

/// The note over a merge of a file that has no id in common with this map.
pub fn no_common_ids_note(lang: Lang) -> &'static str {
    pick(
        lang,
        "Nothing in this file has the id of anything in this map, so all of it is added beside what is here: a stage or person both files describe under different ids will appear twice.",
        "这个文件中没有任何内容与本图的 id 相同，因此其全部内容都会加在现有内容旁边：两个文件以不同 id 描述的同一环节或人员会出现两次。",
    )
}

/// "stage “Casting” (s2): role filled in: “…”".
pub fn filled_message(f: &Filled, map: &Map, lang: Lang) -> String {
    let what = entity_label(map, f.kind, &f.id, lang);
    let field = field_label(&f.field, lang);
    let value = f.value.display();
    match lang {
        Lang::En => format!("{what}: {field} filled in: \u{201c}{value}\u{201d}"),
        Lang::Zh => format!("{what}：补全{field}：“{value}”"),
    }
}

/// "stage “Casting” (s2), role: mine “…”, theirs “…”".
/// A field's value in words: a person's kind as the app names it, and a
/// reference as the name of what it refers to in `map` (the id when the
/// map has no such thing, e.g. a stage only their file has).
pub fn value_words(v: &FieldValue, field: &str, map: &Map, lang: Lang) -> String {
    let name = |id: &Id| -> String {
        let found = match field {
            "stage" | "from" | "to" => map.stage(id).map(|s| s.name.as_str()),
            "phase" => map.phase(id).map(|p| p.name.as_str()),
            "student" | "supervisors" => map.person(id).map(|p| p.name.as_str()),
            _ => None,
        };
        found.map_or_else(|| id.to_string(), str::to_string)
    };
    match v {
        FieldValue::Kind(k) => super::kind_word(*k, lang).to_string(),
        FieldValue::Id(id) => name(id),
        FieldValue::OptId(Some(id)) => name(id),
        FieldValue::Ids(ids) => {
            ids.iter().map(name).collect::<Vec<_>>().join(if lang == Lang::Zh { "、" } else { ", " })
        }
        other => other.display(),
    }
}

pub fn conflict_message(c: &Conflict, map: &Map, lang: Lang) -> String {
    let what = entity_label(map, c.kind, &c.id, lang);
    let field = field_label(&c.field, lang);
    let (m, t) = (value_words(&c.mine, &c.field, map, lang), value_words(&c.theirs, &c.field, map, lang));
    match lang {
        Lang::En => format!("{what}, {field}: mine \u{201c}{m}\u{201d}, theirs \u{201c}{t}\u{201d}"),
        Lang::Zh => format!("{what}，{field}：我的“{m}”，对方的“{t}”"),
    }
}

/// A conflict's heading in the merge dialog: what and which field (the two
/// values are the choices under it).
pub fn conflict_heading(c: &Conflict, map: &Map, lang: Lang) -> String {
    let what = entity_label(map, c.kind, &c.id, lang);
    let field = field_label(&c.field, lang);
    match lang {
        Lang::En => format!("{what}, {field}"),
        Lang::Zh => format!("{what}，{field}"),
    }
}

pub fn keep_mine(lang: Lang) -> &'static str {
    pick(lang, "Keep mine", "保留我的")
}

pub fn take_theirs(lang: Lang) -> &'static str {
    pick(lang, "Take theirs", "采用对方的")
}

pub fn keep_all_mine(lang: Lang) -> &'static str {
    pick(lang, "Keep mine for all", "全部保留我的")
}

pub fn take_all_theirs(lang: Lang) -> &'static str {
    pick(lang, "Take theirs for all", "全部采用对方的")
}

/// A repair the merge made, in words: what, why, and what was done. `map`
/// gives the names: [`MergeResult::names`] knows everything either file
/// holds, including what the repair left out.
pub fn dangling_message(d: &Dangling, map: &Map, lang: Lang) -> String {
    let what = entity_label(map, d.kind, &d.id, lang);
    let field = field_label(&d.field, lang);
    // A person or stage the map knows is named, with its id; else the id.
    // Only the kind the reason names is looked up (each lookup scans a list).
    let name = match d.why {
        Why::NotAStudent | Why::NotASupervisor | Why::Repeated => map.person(&d.target).map(|p| p.name.as_str()),
        Why::SameStage => map.stage(&d.target).map(|s| s.name.as_str()),
        Why::Missing(_) | Why::TooMany => None,
    };
    let target = match name {
        Some(n) if !n.trim().is_empty() => quoted(n, &d.target, lang),
        _ => d.target.to_string(),
    };
    let why = match (&d.why, lang) {
        (Why::Missing(k), Lang::En) => {
            format!("its {field} names {} {target}, which is not in the merged map", entity_word(*k, lang))
        }
        (Why::Missing(k), Lang::Zh) => format!("其{field}指向的{} {target} 不在合并后的地图中", entity_word(*k, lang)),
        (Why::NotAStudent, Lang::En) => format!("its student {target} is not a student in the merged map"),
        (Why::NotAStudent, Lang::Zh) => format!("其学生 {target} 在合并后的地图中不是学生"),
        (Why::NotASupervisor, Lang::En) => format!("{target} is not a supervisor in the merged map"),
        (Why::NotASupervisor, Lang::Zh) => format!("{target} 在合并后的地图中不是导师"),
        (Why::SameStage, Lang::En) => format!("it would go from stage {target} to itself"),
        (Why::SameStage, Lang::Zh) => format!("它会从环节 {target} 流向自身"),
        (Why::Repeated, Lang::En) => format!("{target} is listed twice"),
        (Why::Repeated, Lang::Zh) => format!("{target} 被列了两次"),
        (Why::TooMany, Lang::En) => "the merged map would hold more than a file may".to_string(),
        (Why::TooMany, Lang::Zh) => "合并后的数量会超出文件上限".to_string(),
    };
    let fix = match (d.fix, lang) {
        (Fix::LeftOut, Lang::En) => "left out".to_string(),
        (Fix::LeftOut, Lang::Zh) => "未加入".to_string(),
        (Fix::Cleared, Lang::En) => format!("{field} cleared"),
        (Fix::Cleared, Lang::Zh) => format!("已清空{field}"),
        (Fix::Removed, Lang::En) => format!("taken out of its {field}"),
        (Fix::Removed, Lang::Zh) => format!("已从{field}中移除"),
    };
    match lang {
        Lang::En => format!("{what}: {why}; {fix}."),
        Lang::Zh => format!("{what}：{why}；{fix}。"),
    }
}

/// What could not be brought over from a JSON Canvas file.
pub fn canvas_note(n: &CanvasNote, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match n {
        CanvasNote::FileNode { node, file } if zh => format!("节点 {node} 是文件（{file}），未导入。"),
        CanvasNote::FileNode { node, file } => format!("Node {node} is a file ({file}); not mapped."),
        CanvasNote::LinkNode { node, url } if zh => format!("节点 {node} 是链接（{url}），未导入。"),
        CanvasNote::LinkNode { node, url } => format!("Node {node} is a link ({url}); not mapped."),
        CanvasNote::OtherNode { node, kind } if zh => format!("节点 {node} 的类型“{kind}”无法对应，未导入。"),
        CanvasNote::OtherNode { node, kind } => {
            format!("Node {node} of type \u{201c}{kind}\u{201d} has no counterpart; not mapped.")
        }
        CanvasNote::BadNode { index, why } if zh => format!("第 {} 个节点无法读取（{why}），未导入。", index + 1),
        CanvasNote::BadNode { index, why } => format!("Node number {} cannot be read ({why}); not mapped.", index + 1),
        CanvasNote::BadEdge { index, why } if zh => format!("第 {} 条连线无法读取（{why}），未导入。", index + 1),
        CanvasNote::BadEdge { index, why } => format!("Edge number {} cannot be read ({why}); not mapped.", index + 1),
        CanvasNote::EdgeEnd { edge, node } if zh => format!("连线 {edge} 连到的节点 {node} 不是环节，未导入。"),
        CanvasNote::EdgeEnd { edge, node } => {
            format!("Edge {edge} ends at node {node}, which is not a stage; not mapped.")
        }
        CanvasNote::SelfEdge { edge } if zh => format!("连线 {edge} 从一个环节连回自身，未导入。"),
        CanvasNote::SelfEdge { edge } => format!("Edge {edge} goes from a stage to itself; not mapped."),
        CanvasNote::Untitled { node } if zh => format!("文本节点 {node} 没有文字，以其编号命名。"),
        CanvasNote::Untitled { node } => format!("Text node {node} has no text; named after its id."),
        CanvasNote::NewId { node, id } if zh => format!("节点或连线 {node} 的编号不能用作 id，改用 {id}。"),
        CanvasNote::NewId { node, id } => format!("Node or edge {node} has an id chainmap cannot use; it became {id}."),
        CanvasNote::Shortened { node } if zh => format!("{node} 的文字过长，已截短。"),
        CanvasNote::Shortened { node } => format!("The text of {node} was too long and was shortened."),
        CanvasNote::TooMany { what, max } if zh => format!("{what} 超过 {max} 个，多出的未导入。"),
        CanvasNote::TooMany { what, max } => format!("More than {max} {what}; the rest were not mapped."),
    }
}

/// The headings of the coverage CSV.
#[derive(Clone, Copy, Debug)]
pub struct CsvWords {
    pub stage: &'static str,
    pub phase: &'static str,
    pub no_phase: &'static str,
    pub covered: &'static str,
    pub total: &'static str,
    pub share: &'static str,
    pub all_stages: &'static str,
    pub supervisor: &'static str,
    pub kind: &'static str,
    pub topics: &'static str,
    pub academic: &'static str,
    pub enterprise: &'static str,
}

pub fn csv_words(lang: Lang) -> CsvWords {
    match lang {
        Lang::En => CsvWords {
            stage: "Stage",
            phase: "Phase",
            no_phase: "No phase",
            covered: "Stages covered",
            total: "Stages",
            share: "Share covered",
            all_stages: "All stages",
            supervisor: "Supervisor",
            kind: "Kind",
            topics: "Topics",
            academic: "Academic supervisor",
            enterprise: "Enterprise supervisor",
        },
        Lang::Zh => CsvWords {
            stage: "环节",
            phase: "阶段",
            no_phase: "未分阶段",
            covered: "有人负责的环节",
            total: "环节数",
            share: "覆盖率",
            all_stages: "全部环节",
            supervisor: "导师",
            kind: "类别",
            topics: "课题",
            academic: "学术导师",
            enterprise: "企业导师",
        },
    }
}
