//! Why an edit was not made, in words.

use super::{problem_message, Lang};
use crate::editor::Refusal;
use crate::format::ProblemKind;
use crate::model::Map;

pub fn refusal_message(r: &Refusal, map: &Map, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match r {
        Refusal::NotFound(id) if zh => format!("“{id}”已不在地图上。"),
        Refusal::NotFound(id) => format!("“{id}” is no longer on the map."),
        Refusal::StudentHasTopics(id) if zh => {
            format!("{}还有课题，不能改为导师：请先删除或转交其课题。", map.person_name(id))
        }
        Refusal::StudentHasTopics(id) => format!(
            "{} still has topics, so cannot become a supervisor: delete or hand over the topics first.",
            map.person_name(id)
        ),
        Refusal::SupervisesTopics(id) if zh => {
            format!("{}仍在指导课题，不能改为学生：请先把其从这些课题的导师中移除。", map.person_name(id))
        }
        Refusal::SupervisesTopics(id) => format!(
            "{} still supervises topics, so cannot become a student: remove them from those topics first.",
            map.person_name(id)
        ),
        Refusal::Invalid(p) => match (&p.kind, lang) {
            (ProblemKind::Blank, Lang::En) => "A name or title cannot be empty.".to_string(),
            (ProblemKind::Blank, Lang::Zh) => "名称或题目不能为空。".to_string(),
            (ProblemKind::SelfFlow { .. }, Lang::En) => "A flow cannot go from a stage to itself.".to_string(),
            (ProblemKind::SelfFlow { .. }, Lang::Zh) => "流转不能从一个环节指向它自己。".to_string(),
            _ => problem_message(p, lang),
        },
    }
}
