//! Gap titles and messages in both languages, with the map's own names.

use super::Lang;
use crate::analysis::{Gap, GapCode, Names, Severity};
use crate::model::Id;

pub fn severity_name(sev: Severity, lang: Lang) -> &'static str {
    match (sev, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Info, Lang::En) => "note",
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Info, Lang::Zh) => "提示",
    }
}

/// A short title for a kind of gap.
pub fn gap_title(code: GapCode, lang: Lang) -> &'static str {
    use GapCode::*;
    let (en, zh) = match code {
        UnplacedTopic => ("Unplaced topic", "课题未定位"),
        UnsupervisedTopic => ("Topic without a supervisor", "课题无导师"),
        UncoveredStage => ("Nobody works here", "环节无人负责"),
        UnsuppliedStage => ("No inputs", "缺少输入"),
        DeadEndStage => ("No outputs", "缺少输出"),
        UnnamedFlow => ("Unnamed hand-off", "交接物未命名"),
        UpstreamUncovered => ("Nobody works upstream", "上游环节无人负责"),
        Island => ("Not connected to the chain", "与主链不相连"),
        UncoveredPhase => ("Nobody works in this phase", "整个阶段无人负责"),
        NoEnterpriseSupervisor => ("No enterprise supervisor", "缺少企业导师"),
        IdleStudent => ("Student without a topic", "学生没有课题"),
        CrowdedStage => ("Several topics at one stage", "多个课题在同一环节"),
        Loop => ("Loop", "循环"),
        EmptyPhase => ("Empty phase", "空阶段"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

fn q(s: &str) -> String {
    format!("“{s}”")
}

struct Zh<'a, 'n> {
    names: &'n Names<'a>,
}

impl Zh<'_, '_> {
    fn stage(&self, id: Option<&Id>) -> String {
        id.map_or_else(String::new, |id| q(self.names.stage(id)))
    }
    fn topic(&self, id: Option<&Id>) -> String {
        id.map_or_else(String::new, |id| q(self.names.topic(id)))
    }
    fn person(&self, id: Option<&Id>) -> String {
        id.map_or_else(String::new, |id| q(self.names.person(id)))
    }
    fn phase(&self, id: Option<&Id>) -> String {
        id.map_or_else(String::new, |id| q(self.names.phase(id)))
    }
    fn flow(&self, id: Option<&Id>) -> String {
        match id.and_then(|id| self.names.flow(id)) {
            Some(f) => format!("{} → {}", q(self.names.stage(&f.from)), q(self.names.stage(&f.to))),
            None => id.map_or_else(String::new, |id| q(id.as_str())),
        }
    }
    fn stages(&self, ids: &[Id]) -> String {
        ids.iter().map(|i| self.stage(Some(i))).collect::<Vec<_>>().join("、")
    }
    fn topics(&self, ids: &[Id]) -> String {
        ids.iter().map(|i| self.topic(Some(i))).collect::<Vec<_>>().join("、")
    }
}

/// A plain sentence saying what the gap is, naming things by their names.
/// English comes from `analysis` (the command line prints the same words).
pub fn gap_message(gap: &Gap, names: &Names, lang: Lang) -> String {
    use GapCode::*;
    if lang == Lang::En {
        return gap.message_with(names);
    }
    let n = Zh { names };
    let first = gap.ids.first();
    let second = gap.ids.get(1);
    match gap.code {
        UnplacedTopic => format!("课题{}还没有放到任何环节上。", n.topic(first)),
        UnsupervisedTopic => format!("课题{}没有导师。", n.topic(first)),
        UncoveredStage => format!("没有课题落在环节{}上：这里无人负责。", n.stage(first)),
        UnsuppliedStage => format!("环节{}既没有上游流入，也没有外部输入：它需要的东西从哪里来？", n.stage(first)),
        DeadEndStage => format!("环节{}既没有下游流出，也没有外部输出：谁来使用它的产出？", n.stage(first)),
        UnnamedFlow => format!("交接 {} 没有写明交付物：交的是什么？", n.flow(first)),
        UpstreamUncovered => format!("课题{}依赖上游环节{}的输入，但那里无人负责。", n.topic(first), n.stage(second)),
        Island => format!("{}与主链不相连。", n.stages(&gap.ids)),
        UncoveredPhase => format!("阶段{}有环节，但没有一个有人负责。", n.phase(first)),
        NoEnterpriseSupervisor => format!("课题{}没有企业导师（双导师制）。", n.topic(first)),
        IdleStudent => format!("学生{}还没有课题。", n.person(first)),
        CrowdedStage => format!(
            "环节{}上有 {} 个课题（{}）：请协调分工。",
            n.stage(first),
            gap.ids.len().saturating_sub(1),
            n.topics(gap.ids.get(1..).unwrap_or(&[]))
        ),
        Loop => format!("{}构成一个循环（反馈或回收）。", n.stages(&gap.ids)),
        EmptyPhase => format!("阶段{}还没有环节。", n.phase(first)),
    }
}
