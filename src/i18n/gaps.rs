//! Gap titles and messages in both languages, with the map's own names.

use super::Lang;
use crate::analysis::{Gap, GapCode, Severity};
use crate::model::{Id, Map};

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
        UpstreamUncovered => ("Upstream nobody works on", "上游无人负责"),
        Island => ("Not connected to the chain", "与主链不相连"),
        UncoveredPhase => ("Phase nobody works in", "阶段无人覆盖"),
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

struct Names<'a> {
    map: &'a Map,
    lang: Lang,
}

impl Names<'_> {
    fn q(&self, s: &str) -> String {
        match self.lang {
            Lang::En => format!("“{s}”"),
            Lang::Zh => format!("“{s}”"),
        }
    }
    fn stage(&self, id: Option<&Id>) -> String {
        id.map_or_else(String::new, |id| self.q(self.map.stage_name(id)))
    }
    fn topic(&self, id: Option<&Id>) -> String {
        id.map_or_else(String::new, |id| self.q(self.map.topic(id).map_or(id.as_str(), |t| t.title.as_str())))
    }
    fn person(&self, id: Option<&Id>) -> String {
        id.map_or_else(String::new, |id| self.q(self.map.person_name(id)))
    }
    fn phase(&self, id: Option<&Id>) -> String {
        id.map_or_else(String::new, |id| self.q(self.map.phase(id).map_or(id.as_str(), |p| p.name.as_str())))
    }
    fn flow(&self, id: Option<&Id>) -> String {
        let Some(f) = id.and_then(|id| self.map.flow(id)) else { return String::new() };
        format!("{} → {}", self.q(self.map.stage_name(&f.from)), self.q(self.map.stage_name(&f.to)))
    }
    fn stages(&self, ids: &[Id]) -> String {
        let sep = if self.lang == Lang::Zh { "、" } else { ", " };
        ids.iter().map(|i| self.stage(Some(i))).collect::<Vec<_>>().join(sep)
    }
    fn topics(&self, ids: &[Id]) -> String {
        let sep = if self.lang == Lang::Zh { "、" } else { ", " };
        ids.iter().map(|i| self.topic(Some(i))).collect::<Vec<_>>().join(sep)
    }
}

/// A plain sentence saying what the gap is, naming things by their names.
pub fn gap_message(gap: &Gap, map: &Map, lang: Lang) -> String {
    use GapCode::*;
    let n = Names { map, lang };
    let first = gap.ids.first();
    let second = gap.ids.get(1);
    let zh = lang == Lang::Zh;
    match gap.code {
        UnplacedTopic if zh => format!("课题{}还没有放到任何环节上。", n.topic(first)),
        UnplacedTopic => format!("Topic {} is not placed at any stage yet.", n.topic(first)),
        UnsupervisedTopic if zh => format!("课题{}没有导师。", n.topic(first)),
        UnsupervisedTopic => format!("Topic {} has no supervisor.", n.topic(first)),
        UncoveredStage if zh => format!("没有课题落在环节{}上：这里无人负责。", n.stage(first)),
        UncoveredStage => format!("No topic sits at stage {}: nobody works on it.", n.stage(first)),
        UnsuppliedStage if zh => {
            format!("环节{}既没有上游流入，也没有外部输入：它需要的东西从哪里来？", n.stage(first))
        }
        UnsuppliedStage => format!(
            "Stage {} has no incoming flow and no external input: where do its inputs come from?",
            n.stage(first)
        ),
        DeadEndStage if zh => format!("环节{}既没有下游流出，也没有外部输出：谁来使用它的产出？", n.stage(first)),
        DeadEndStage => {
            format!("Stage {} has no outgoing flow and no external output: who uses what it makes?", n.stage(first))
        }
        UnnamedFlow if zh => format!("交接 {} 没有写明交付物。", n.flow(first)),
        UnnamedFlow => format!("The hand-off {} does not name its artifact.", n.flow(first)),
        UpstreamUncovered if zh => {
            format!("课题{}依赖上游环节{}的输入，但那里无人负责。", n.topic(first), n.stage(second))
        }
        UpstreamUncovered => {
            format!("Topic {} takes input from stage {}, where nobody works.", n.topic(first), n.stage(second))
        }
        Island if zh => format!("{}与主链不相连。", n.stages(&gap.ids)),
        Island if gap.ids.len() == 1 => format!("Stage {} is not connected to the main chain.", n.stages(&gap.ids)),
        Island => format!("Stages {} are not connected to the main chain.", n.stages(&gap.ids)),
        UncoveredPhase if zh => format!("阶段{}有环节，但没有一个有人负责。", n.phase(first)),
        UncoveredPhase => format!("Phase {} has stages, but nobody works on any of them.", n.phase(first)),
        NoEnterpriseSupervisor if zh => format!("课题{}没有企业导师（双导师制）。", n.topic(first)),
        NoEnterpriseSupervisor => {
            format!("Topic {} has no enterprise supervisor (dual-supervisor model).", n.topic(first))
        }
        IdleStudent if zh => format!("学生{}还没有课题。", n.person(first)),
        IdleStudent => format!("Student {} has no topic yet.", n.person(first)),
        CrowdedStage if zh => format!(
            "环节{}上有 {} 个课题（{}）：请协调分工。",
            n.stage(first),
            gap.ids.len().saturating_sub(1),
            n.topics(gap.ids.get(1..).unwrap_or(&[]))
        ),
        CrowdedStage => format!(
            "Stage {} has {} topics ({}): coordinate the split.",
            n.stage(first),
            gap.ids.len().saturating_sub(1),
            n.topics(gap.ids.get(1..).unwrap_or(&[]))
        ),
        Loop if zh => format!("{}构成一个循环（反馈或回收）。", n.stages(&gap.ids)),
        Loop => format!("Stages {} form a loop (feedback or recycling).", n.stages(&gap.ids)),
        EmptyPhase if zh => format!("阶段{}还没有环节。", n.phase(first)),
        EmptyPhase => format!("Phase {} has no stages yet.", n.phase(first)),
    }
}
