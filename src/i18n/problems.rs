//! File problems in both languages. English comes from the format module
//! (the command line uses it too); Chinese is written here.

use super::Lang;
use crate::format::{Entity, Place, Problem, ProblemKind};
use crate::json::SyntaxKind;

fn entity_zh(e: Entity) -> &'static str {
    match e {
        Entity::Phase => "阶段",
        Entity::Stage => "环节",
        Entity::Flow => "流转",
        Entity::Person => "人员",
        Entity::Topic => "课题",
    }
}

fn syntax_zh(k: &SyntaxKind) -> String {
    match k {
        SyntaxKind::UnexpectedEnd => "文件提前结束，看起来被截断了".into(),
        SyntaxKind::Expected(what) => format!("此处应为 {what}"),
        SyntaxKind::TrailingText => "地图结束后还有多余的文字".into(),
        SyntaxKind::InvalidNumber => "这不是有效的数字".into(),
        SyntaxKind::InvalidEscape => "反斜杠后的转义无效".into(),
        SyntaxKind::ControlCharacterInString => "引号内有换行或其他控制字符（请写作 \\n）".into(),
        SyntaxKind::LoneSurrogate => "\\u 转义只有半个字符".into(),
        SyntaxKind::TooDeep => format!("数据嵌套超过 {} 层，chainmap 文件不需要这么深", crate::json::MAX_DEPTH),
        SyntaxKind::Empty => "文件是空的".into(),
    }
}

/// "path: message" in the given language.
pub fn problem_message(p: &Problem, lang: Lang) -> String {
    let place = match (&p.place, lang) {
        (Place::Text { line, column }, Lang::Zh) => format!("（第 {line} 行，第 {column} 列）"),
        (Place::File, Lang::Zh) => "文件".to_string(),
        (Place::Text { .. }, Lang::En) => format!("({})", p.place),
        _ => p.place.to_string(),
    };
    let msg = match lang {
        Lang::En => p.message(),
        Lang::Zh => zh(&p.kind.shortened()),
    };
    format!("{place}: {msg}")
}

fn zh(k: &ProblemKind) -> String {
    use ProblemKind::*;
    match k {
        Unreadable { why } => format!("无法读取文件：{why}"),
        TooLarge { bytes, max } => {
            format!("文件大小为 {:.1} MiB；chainmap 文件最大 {} MiB", *bytes as f64 / 1048576.0, max / 1048576)
        }
        Utf16 => "文件是 UTF-16 编码；请另存为 UTF-8 后再打开".into(),
        NotUtf8 => "文件不是 UTF-8 文本（含有无效字节）".into(),
        Syntax(s) => syntax_zh(s),
        DuplicateKey { key } => format!("同一对象中键 \"{key}\" 出现了两次"),
        NotAnObject { .. } => "这不是 chainmap 文件：顶层不是带有 \"format\": \"chainmap\" 的对象".into(),
        NotChainmap { .. } => "这不是 chainmap 文件：缺少 \"format\": \"chainmap\"".into(),
        VersionMissing => "缺少版本号：chainmap 文件需要写明格式版本（\"version\": 1）".into(),
        VersionNotWhole { found } => format!("应为整数（例如 1），而不是 {found}"),
        VersionNewer { version } => {
            format!("此文件由更新版本的 chainmap 创建（版本 {version}）；本程序只能读取版本 {}", crate::format::VERSION)
        }
        VersionUnknown { version } => {
            format!("不存在 chainmap 格式版本 {version}；本程序读取版本 {}", crate::format::VERSION)
        }
        Missing { .. } => "缺少必填项".into(),
        WrongType { expected, found } => format!("类型不对：应为 {expected}，实际是 {found}"),
        Blank => "不能为空".into(),
        TooLong { len, max } => format!("长度为 {len} 个字符；最多 {max} 个"),
        ControlCharacter => "含有控制字符（例如换行），此处不允许".into(),
        BadId => "不是有效的 ID：请使用 1–64 个 A–Z、a–z、0–9、_、-、. 字符".into(),
        DuplicateId { entity, id, first } => format!("已经有一个 ID 为 \"{id}\" 的{}（{first}）", entity_zh(*entity)),
        NoSuch { entity, id, known } if known.is_empty() => format!("不存在{} \"{id}\"", entity_zh(*entity)),
        NoSuch { entity, id, known } => {
            format!("不存在{} \"{id}\"（已有：{}）", entity_zh(*entity), known.join(", "))
        }
        SelfFlow { stage } => format!("流转不能从环节 \"{stage}\" 指向它自己"),
        NotAStudent { id, .. } => format!("\"{id}\" 是导师，不是学生"),
        NotASupervisor { id } => format!("\"{id}\" 是学生，不是导师"),
        RepeatedSupervisor { id } => format!("导师 \"{id}\" 被列了两次"),
        BadPersonKind { found } => {
            format!("\"{found}\" 不是有效的人员类型；请用 student、academic_supervisor 或 enterprise_supervisor")
        }
        BadDate { found } => format!("\"{found}\" 不是 YYYY-MM-DD 格式的真实日期"),
        BadNumber { found } => format!("{found} 不是可用的数字"),
        OutOfRange { value, max } => format!("{value} 超出范围（绝对值最大 {max}）"),
        TooMany { entity, count, max } => format!("文件中有 {count} 个{}；最多允许 {max} 个", entity_zh(*entity)),
        MoreProblems { more } => format!("……另有 {more} 个问题"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_problem_keeps_the_path() {
        let err =
            crate::format::import_str(r#"{"format":"chainmap","version":7,"project":{"title":"x"}}"#).unwrap_err();
        let zh = problem_message(&err[0], Lang::Zh);
        assert!(zh.starts_with("version: "), "{zh}");
        assert!(zh.contains("更新版本"), "{zh}");
        let en = problem_message(&err[0], Lang::En);
        assert!(en.contains("made by a newer chainmap (version 7)"), "{en}");
    }
}
