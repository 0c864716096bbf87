//! Every word the interface shows, in English and Simplified Chinese.
//!
//! Components never hold user-facing string literals: they ask [`t`] for a
//! [`Key`], or use one of the message builders here for text with data in
//! it. A test checks that every key has text in both languages.

mod changes;
pub mod exchange;
mod gaps;
mod problems;
mod refusals;
mod removal;

pub use changes::{announcement, change_text, history_title};
pub use gaps::{gap_message, gap_title, severity_name};
pub use problems::problem_message;
pub use refusals::refusal_message;
pub use removal::{removal_note, removed_notice};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Picks a language from a browser tag such as `zh-CN` or `en-GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") {
            Some(Lang::Zh)
        } else if t == "en" || t.starts_with("en-") || t.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The first supported language among the browser's preferences; English otherwise.
    pub fn negotiate<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        prefs.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }
}

macro_rules! catalogue {
    ($($key:ident => $en:expr, $zh:expr;)*) => {
        /// A piece of interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }

        /// The text of `key` in `lang`.
        pub fn t(lang: Lang, key: Key) -> &'static str {
            match (key, lang) {
                $((Key::$key, Lang::En) => $en, (Key::$key, Lang::Zh) => $zh,)*
            }
        }
    };
}

catalogue! {
    AppName => "chainmap", "chainmap";
    Tagline => "Value chain of the project: who works where, what flows in and out", "项目价值链：谁在哪个环节，输入什么、输出什么";
    // Regions (landmark names of PRODUCT.md).
    RegionDiagram => "Chain diagram", "价值链图";
    RegionInspector => "Inspector", "详情";
    RegionGaps => "Gaps", "缺口";
    RegionTeam => "Team", "团队";
    RegionCoverage => "Coverage", "覆盖情况";
    RegionBrief => "Brief", "开题简报";
    Toolbar => "Toolbar", "工具栏";
    // Skip links, the first things on the page.
    SkipToDiagram => "Skip to the diagram", "跳到价值链图";
    SkipToInspector => "Skip to the Inspector", "跳到详情";
    SkipToGaps => "Skip to the gaps", "跳到缺口";
    SkipToTeam => "Skip to the Team", "跳到团队";
    SkipToCoverage => "Skip to the coverage", "跳到覆盖情况";
    SkipToBrief => "Skip to the brief", "跳到开题简报";
    // Buttons.
    NewMap => "New map", "新建";
    OpenFile => "Open file", "打开文件";
    MergeFile => "Merge file", "合并文件";
    ExportJson => "Export JSON", "导出 JSON";
    ExportSvg => "Export SVG", "导出 SVG";
    ExportPng => "Export PNG", "导出 PNG";
    Undo => "Undo", "撤销";
    Redo => "Redo", "重做";
    AutoLayout => "Auto layout", "自动布局";
    LegendSomeone => "someone works here", "有人负责";
    LegendZoom => "double-click to zoom in there", "双击即在该处放大";
    AlreadyLaidOut => "The map is laid out already: no stage was placed by hand.", "地图已经是自动布局：没有手动摆放的环节。";
    AddPhase => "Add phase", "添加阶段";
    AddStage => "Add stage", "添加环节";
    AddPerson => "Add person", "添加人员";
    AddTopic => "Add topic", "添加课题";
    Delete => "Delete", "删除";
    RemoveFromMap => "Remove from the map", "从地图中移除";
    // Next to a text field whose change was refused (the reason follows).
    FieldRefused => "Not changed", "未修改";
    EditHeading => "Edit", "编辑";
    CoveragePhases => "Stages covered per phase", "各阶段的环节覆盖";
    CoverageMatrix => "Who works at which stage", "谁在哪个环节";
    OpenFullTable => "Open as a full table", "以完整表格打开";
    CoverageSupervisors => "Topics per supervisor", "每位导师的课题";
    AcademicSupervisors => "Academic supervisors", "学术导师";
    EnterpriseSupervisors => "Enterprise supervisors", "企业导师";
    NoSupervisorsYet => "No supervisors yet.", "还没有导师。";
    NoStudentsYet => "No students yet.", "还没有学生。";
    BriefTopicLabel => "Brief for topic", "简报对应的课题";
    ExportMarkdown => "Export Markdown", "导出 Markdown";
    ExportAllMarkdown => "Export all briefs as Markdown", "把全部简报导出为 Markdown";
    PrintBrief => "Print brief", "打印简报";
    PrintAllBriefs => "Print all briefs", "打印全部简报";
    CheckDone => "done", "已满足";
    CheckMissing => "not yet", "未满足";
    Conflicts => "Conflicts", "冲突";
    FilledIn => "Filled in", "已补全";
    Repairs => "Left out or cleared", "未加入或已清空";
    ApplyMerge => "Apply merge", "执行合并";
    Merged => "Merged", "已合并";
    MoreExports => "More exports", "更多导出";
    ExportCsv => "Export coverage CSV", "导出覆盖情况 CSV";
    ExportCanvas => "Export JSON Canvas", "导出 JSON Canvas";
    ExportDot => "Export Graphviz DOT", "导出 Graphviz DOT";
    ExportMermaid => "Export Mermaid", "导出 Mermaid";
    CanvasImported => "Imported from JSON Canvas", "已从 JSON Canvas 导入";
    NothingToMerge => "The other file brings nothing new.", "对方文件没有新内容。";
    PngDrawing => "Drawing the PNG…", "正在生成 PNG…";
    PngFailed => "The browser could not draw this map as a PNG. Export SVG keeps the whole map.", "浏览器无法把这张图绘制成 PNG。导出 SVG 可以保留整张图。";
    Opening => "Opening", "正在打开";
    Language => "Language", "语言";
    LangEnglish => "English", "English";
    LangChinese => "中文", "中文";
    // Inspector.
    NothingSelected => "Select a stage (click it, or Tab to it and press Enter) to see what comes in and what goes out.", "选择一个环节（点击，或用 Tab 移到它上面再按 Enter），查看它的输入和输出。";
    StageHeading => "Stage", "环节";
    TopicHeading => "Topic", "课题";
    PhaseLabel => "Phase", "阶段";
    NoPhase => "No phase", "未分阶段";
    RoleLabel => "Role", "作用";
    StudentsHere => "Students here", "在此环节的学生";
    NobodyHere => "Nobody works here yet.", "还没有人负责这个环节。";
    Inputs => "Inputs", "输入";
    Outputs => "Outputs", "输出";
    DirectInputs => "Direct inputs", "直接输入";
    DirectOutputs => "Direct outputs", "直接输出";
    FurtherUpstream => "Further upstream", "更上游";
    FurtherDownstream => "Further downstream", "更下游";
    NoInputs => "No inputs: where does this stage get what it needs?", "没有输入：这个环节需要的东西从哪里来？";
    NoOutputs => "No outputs: who uses what this stage makes?", "没有输出：这个环节的产出给谁用？";
    ExternalInput => "from outside the project", "来自项目外部";
    ExternalOutput => "leaves the project", "离开项目";
    From => "from", "来自";
    To => "to", "交给";
    By => "by", "负责人";
    For => "for", "使用人";
    NoOne => "nobody yet", "尚无人";
    Unnamed => "(unnamed)", "（未命名）";
    CloseSelection => "Clear selection", "取消选择";
    // Gaps.
    NoGaps => "No gaps: every stage is covered and every hand-off is defined.", "没有缺口：每个环节都有人负责，每次交接都已定义。";
    SeverityError => "Errors", "错误";
    SeverityWarning => "Warnings", "警告";
    SeverityInfo => "Notes", "提示";
    // Diagram.
    DiagramEmpty => "The map has no stages yet: add one with “Add stage”.", "图中还没有环节：用“添加环节”添加一个。";
    StageCardLabel => "Stage", "环节";
    FlowLabel => "Flow", "流转";
    StudentsLabel => "students", "名学生";
    SupervisorAcademicMark => "academic supervisor", "学术导师";
    SupervisorEnterpriseMark => "enterprise supervisor", "企业导师";
    SupervisorAcademicLetter => "A", "学";
    SupervisorEnterpriseLetter => "E", "企";
    ErrorTitle => "This file cannot be opened", "无法打开此文件";
    Dismiss => "Dismiss", "关闭";
    // Toolbar and status.
    FileGroup => "File", "文件";
    EditGroup => "Edit", "编辑";
    ViewGroup => "View", "视图";
    ZoomIn => "Zoom in", "放大";
    ZoomOut => "Zoom out", "缩小";
    FitView => "Fit to view", "适应窗口";
    Shortcuts => "Keyboard shortcuts", "键盘快捷键";
    NeverExported => "Not exported yet", "尚未导出";
    LastExported => "Last exported", "上次导出";
    ChangedSinceExport => "changed since: export again to share the latest", "之后有修改：请再次导出以分享最新版本";
    AutosaveOn => "Changes are kept in this browser as you work (not a backup: use Export JSON).", "修改会自动保存在本浏览器中（这不是备份：请用“导出 JSON”）。";
    AutosaveFailed => "This browser refused to keep your changes (storage full or blocked). Export JSON now to keep your work.", "浏览器无法保存您的修改（存储已满或被禁止）。请立即“导出 JSON”以保留工作。";
    Restored => "Your last map was restored from this browser.", "已从本浏览器恢复上次的地图。";
    OtherTabSaved => "This map was changed and saved in another tab. Nothing here was saved over it; choose which version to keep.", "此地图已在另一个标签页中修改并保存。本页没有覆盖它；请选择保留哪个版本。";
    LoadTheirs => "Load the other tab's version", "载入另一标签页的版本";
    KeepMine => "Keep this tab's version", "保留本页的版本";
    // New map dialog.
    NewMapTitle => "Start a new map", "新建地图";
    NewMapHint => "The current map is replaced; Undo brings it back.", "当前地图将被替换；可用“撤销”恢复。";
    TemplateEmpty => "Empty chain: lab → pilot → production", "空白链：实验室 → 中试 → 产业化";
    TemplateAlloy => "Example: high-strength aluminium alloy", "示例：高强铝合金";
    TemplateSand => "Example: 3D-printing sand with recycling", "示例：3D 打印覆膜砂及回收";
    Cancel => "Cancel", "取消";
    Close => "Close", "关闭";
    // Forms.
    NameLabel => "Name", "名称";
    ExternalInputsLabel => "External inputs", "外部输入";
    ExternalOutputsLabel => "External outputs", "外部输出";
    OnePerLine => "one per line", "每行一项";
    AddFlow => "Add flow", "添加流转";
    ToStage => "To stage", "流向环节";
    FromStage => "From stage", "来自环节";
    ArtifactLabel => "Artifact", "交付物";
    FlowHeading => "Flow", "流转";
    TitleLabel => "Title", "题目";
    StudentLabel => "Student", "学生";
    StageLabel => "Stage", "环节";
    SupervisorsLabel => "Supervisors", "导师";
    DefenseDateLabel => "Defense date", "开题日期";
    NotesLabel => "Notes", "备注";
    KindLabel => "Kind", "类别";
    AffiliationLabel => "Affiliation", "单位";
    PersonHeading => "Person", "人员";
    PhaseHeading => "Phase", "阶段";
    ProjectHeading => "Project", "项目";
    ProjectTitleLabel => "Project title", "项目名称";
    SourceLabel => "Source", "来源";
    BackgroundLabel => "Background", "背景";
    KindStudent => "Student", "学生";
    KindAcademic => "Academic supervisor", "学术导师";
    KindEnterprise => "Enterprise supervisor", "企业导师";
    NotPlaced => "Not placed", "未放置";
    TopicAt => "At", "所在环节";
    GapsHere => "Gaps here", "此处的缺口";
    ReadBrief => "Read its defense brief", "查看开题简报";
    UndoRemoval => "Undo the removal", "撤销这次删除";
    UnnamedFlowMark => "Unnamed hand-off: select it and name its artifact", "交接物未命名：选中它并填写交付物";
    NextGap => "Next gap", "下一个缺口";
    TopicNotPlacedYet => "Not placed at a stage yet: choose its Stage below, or drag the topic onto a stage.", "尚未放到环节上：在下方选择“环节”，或把课题拖到环节上。";
    NoStudentYet => "no student yet", "暂无学生";
    ChooseStage => "Choose a stage", "选择环节";
    MoveLeft => "Move left", "左移";
    MoveRight => "Move right", "右移";
    SelectFlow => "Select this flow", "选中此流转";
    StagesInPhase => "Stages in this phase", "本阶段的环节";
    Topics => "Topics", "课题";
    Students => "Students", "学生";
    SupervisorsHeading => "Supervisors", "导师";
    NoTopicYet => "no topic yet", "尚无课题";
    NewStageName => "New stage", "新环节";
    NewPhaseName => "New phase", "新阶段";
    NewPersonName => "New person", "新成员";
    NewTopicTitle => "New topic", "新课题";
    DragToStage => "Drag onto a stage to place it", "拖到环节上即可放置";
    ChooseStudentHint => "No student was selected, so the topic went to the first student for now: choose whose topic it is.", "没有选中学生，新课题暂时给了第一位学生：请选择它属于哪位学生。";
    MultiSelected => "items selected", "项已选中";
    Refused => "That change was not made", "未做此修改";
    SelectStudentFirst => "Add a student first.", "请先添加学生。";
    NoStagesYet => "Add a stage first.", "请先添加环节。";
    // The "?" dialog: a short how-to, then the shortcuts.
    HelpTitle => "Help and keyboard shortcuts", "帮助与键盘快捷键";
    HowToHeading => "How to", "怎么做";
    HowToStage => "Add a stage: “Add stage” puts one in the selected phase; name it and give its role in the Inspector.", "添加环节：“添加环节”会在选中的阶段里加一个环节；在详情中填写名称和作用。";
    HowToFlow => "Connect a flow: select the stage that delivers, then under “Add flow” in the Inspector choose “To stage”, name the artifact and press “Add flow”.", "连接流转：选中交付的环节，在详情的“添加流转”中选择“流向环节”，填写交付物，再按“添加流转”。";
    HowToPeople => "Add the team: “Add person” in the Team, then set each person’s kind (student, academic or enterprise supervisor).", "添加团队：在团队中按“添加人员”，再设定每个人的类别（学生、学术导师或企业导师）。";
    HowToTopic => "Place a topic: select a student (or a stage) and press “Add topic”; choose its stage in the Inspector, or drag the topic onto a stage.", "放置课题：选中一位学生（或一个环节）后按“添加课题”；在详情中选择环节，或把课题拖到环节上。";
    HowToChain => "Read the chain: select a stage or topic to see its inputs and outputs, upstream and downstream, and who works there.", "查看链条：选中环节或课题，查看它的输入输出、上下游以及负责的人。";
    HowToGaps => "Read the gaps: the Gaps panel lists what is missing, errors first; click a gap to select what it is about.", "查看缺口：缺口面板列出缺少的内容，错误在前；点击某个缺口即选中相关内容。";
    HowToShare => "Share: “Export JSON” writes the file to send; “Merge file” brings a file sent back into this map, conflicts settled one by one. Undo takes back any change.", "分享：“导出 JSON”生成要发送的文件；“合并文件”把收回的文件并入本图，冲突逐一处理。任何修改都可以“撤销”。";
    // Shortcuts.
    KeyNavigate => "Tab / Shift+Tab: go from stage to stage", "Tab / Shift+Tab：在环节之间移动";
    KeySelect => "Enter: select the focused stage (Shift+Enter adds to the selection)", "Enter：选中当前环节（Shift+Enter 加入选择）";
    KeyMove => "Arrow keys: move the selected stage (Shift: further)", "方向键：移动选中的环节（按住 Shift 移动更多）";
    KeyDelete => "Delete: delete the selection", "Delete：删除所选内容";
    KeyEscape => "Escape: clear the selection, close a dialog", "Escape：取消选择、关闭对话框";
    KeyUndo => "Ctrl/Cmd+Z: undo", "Ctrl/Cmd+Z：撤销";
    KeyRedo => "Ctrl+Shift+Z or Ctrl+Y: redo", "Ctrl+Shift+Z 或 Ctrl+Y：重做";
    KeyZoom => "+ / −, Ctrl + the mouse wheel or a trackpad pinch: zoom in and out; 0: fit to view (a big map zoomed out is an overview: click a stage there to select it); the wheel, or dragging the background: pan", "+ / −、Ctrl + 鼠标滚轮或触控板双指缩放：放大缩小；0：适应窗口（大图缩小后显示为概览，可点击其中的环节选中它）；滚轮或拖动背景：平移";
    KeySupervisors => "Supervisors: a topic can have several; tick each one in the Inspector (Space ticks the focused box)", "导师：一个课题可以有多位导师；在详情中逐一勾选（空格键勾选当前复选框）";
    KeyHelp => "?: show this help", "?：显示此帮助";
    KeyLayout => "L: auto layout", "L：自动布局";
    CollapsePanel => "Collapse", "收起";
    ExpandPanel => "Expand", "展开";
}

/// One student on a stage card, with the kinds of the topic's supervisors
/// that the chip marks ("A" / "E", "学" / "企").
pub struct CardStudent<'a> {
    pub name: &'a str,
    pub academic: bool,
    pub enterprise: bool,
}

/// "Casting trials (stage, Pilot test; 1 student: Li with academic and
/// enterprise supervisors)" — the accessible name of a stage card: what the
/// card shows, its marks included. It starts with the visible name (WCAG
/// "label in name").
pub fn stage_card_label(lang: Lang, name: &str, phase: Option<&str>, students: &[CardStudent]) -> String {
    let phase = phase.unwrap_or(t(lang, Key::NoPhase));
    // What a student's chip marks: none, academic, enterprise, both.
    let marks: [&str; 4] = match lang {
        Lang::En => [
            "",
            " with an academic supervisor",
            " with an enterprise supervisor",
            " with academic and enterprise supervisors",
        ],
        Lang::Zh => ["", "（学术导师）", "（企业导师）", "（学术导师、企业导师）"],
    };
    let one = |s: &CardStudent| {
        let k = usize::from(s.academic) + 2 * usize::from(s.enterprise);
        format!("{}{}", s.name, marks.get(k).copied().unwrap_or_default())
    };
    let all: Vec<String> = students.iter().map(one).collect();
    match (lang, students.len()) {
        (Lang::En, 0) => format!("{name} (stage, {phase}; nobody works here)"),
        (Lang::En, 1) => format!("{name} (stage, {phase}; 1 student: {})", all.concat()),
        (Lang::En, n) => format!("{name} (stage, {phase}; {n} students: {})", all.join(", ")),
        (Lang::Zh, 0) => format!("{name}（环节，{phase}；暂无学生）"),
        (Lang::Zh, n) => format!("{name}（环节，{phase}；{n} 名学生：{}）", all.join("、")),
    }
}

/// Who works at the other end of a hand-off in the Inspector's lists:
/// "by Gao" / "负责人：高同学" for an input, "for Li" / "使用人：李同学" for an
/// output; `None` when nobody works there ("by nobody yet" / "尚无人负责").
pub fn who_at_other_end(lang: Lang, incoming: bool, names: Option<String>) -> String {
    match (lang, names) {
        (Lang::En, Some(n)) => format!("{} {n}", t(lang, if incoming { Key::By } else { Key::For })),
        (Lang::En, None) => format!("{} {}", t(lang, if incoming { Key::By } else { Key::For }), t(lang, Key::NoOne)),
        (Lang::Zh, Some(n)) => format!("{}：{n}", t(lang, if incoming { Key::By } else { Key::For })),
        (Lang::Zh, None) => if incoming { "尚无人负责" } else { "尚无人使用" }.to_string(),
    }
}

/// The accessible name of the overview a big map is drawn as when zoomed
/// out past reading.
pub fn overview_label(lang: Lang, stages: usize) -> String {
    match lang {
        Lang::En => format!(
            "Overview of {stages} stages: zoom in to read and move them (a double click zooms in there), or click one to select it"
        ),
        Lang::Zh => format!("{stages} 个环节的概览：放大后可阅读和移动（双击即在该处放大），或点击某个环节选中它"),
    }
}

/// The words of a button at the canvas's edge that scrolls to what of the
/// chain is out of view on that side. It shows the phase over `count`; its
/// accessible name is `prefix` and then those two lines.
pub struct BeyondWords {
    /// "Scroll right: ".
    pub prefix: &'static str,
    /// "2 more stages", under the phase's name.
    pub count: String,
}

/// The words for `stages` stages out of view to the right (or left).
pub fn beyond_words(lang: Lang, right: bool, stages: usize) -> BeyondWords {
    match lang {
        Lang::En => BeyondWords {
            prefix: if right { "Scroll right: " } else { "Scroll left: " },
            count: if stages == 1 { "1 more stage".to_string() } else { format!("{stages} more stages") },
        },
        Lang::Zh => BeyondWords {
            prefix: if right { "向右滚动：" } else { "向左滚动：" },
            count: format!("还有 {stages} 个环节"),
        },
    }
}

/// A person's kind, as the app names it.
pub fn kind_word(kind: crate::model::PersonKind, lang: Lang) -> &'static str {
    use crate::model::PersonKind;
    t(
        lang,
        match kind {
            PersonKind::Student => Key::KindStudent,
            PersonKind::AcademicSupervisor => Key::KindAcademic,
            PersonKind::EnterpriseSupervisor => Key::KindEnterprise,
        },
    )
}

/// The overview legend's second entry.
pub fn legend_nobody(lang: Lang, stages: usize) -> String {
    match lang {
        Lang::En if stages == 1 => "nobody works here (1 stage)".to_string(),
        Lang::En => format!("nobody works here ({stages} stages)"),
        Lang::Zh => format!("无人负责（{stages} 个环节）"),
    }
}

pub fn gap_counts(lang: Lang, errors: usize, warnings: usize, infos: usize) -> String {
    match lang {
        Lang::En => {
            let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
            format!(
                "{} · {} · {}",
                n(errors, "error", "errors"),
                n(warnings, "warning", "warnings"),
                n(infos, "note", "notes")
            )
        }
        Lang::Zh => format!("{errors} 个错误 · {warnings} 个警告 · {infos} 条提示"),
    }
}

/// The colon between a label and its value: ": " in English, the
/// full-width "：" in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

pub fn coverage_summary(lang: Lang, covered: usize, total: usize) -> String {
    if total == 0 {
        return match lang {
            Lang::En => "No stages yet: coverage is counted once there are some.",
            Lang::Zh => "还没有环节：有了环节才计算覆盖情况。",
        }
        .to_string();
    }
    let share = (covered * 100 + total / 2).checked_div(total).unwrap_or(0);
    match lang {
        Lang::En => format!("{covered} of {total} stages have a student ({share}%)"),
        Lang::Zh => format!("{total} 个环节中有 {covered} 个有学生负责（{share}%）"),
    }
}

pub fn topic_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "1 topic".into(),
        Lang::En => format!("{n} topics"),
        Lang::Zh => format!("{n} 个课题"),
    }
}

pub fn more_links(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("… and {n} more hand-offs further along the chain"),
        Lang::Zh => format!("……链上更远处还有 {n} 次交接"),
    }
}

pub fn show_more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Show {n} more"),
        Lang::Zh => format!("再显示 {n} 项"),
    }
}

/// Under a list cut short: how many items are not drawn (the panel's
/// "Show … more" button draws them).
pub fn and_more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("and {n} more"),
        Lang::Zh => format!("另有 {n} 项"),
    }
}

/// The coverage matrix's button for the student columns not drawn yet.
pub fn show_more_students(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "Show 1 more student".into(),
        Lang::En => format!("Show {n} more students"),
        Lang::Zh => format!("再显示 {n} 名学生"),
    }
}

pub fn problems_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "1 problem was found; nothing was changed.".into(),
        Lang::En => format!("{n} problems were found; nothing was changed."),
        Lang::Zh => format!("发现 {n} 个问题；地图没有任何改动。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coverage_summary_of_a_map_without_stages_says_so() {
        assert_eq!(coverage_summary(Lang::En, 3, 6), "3 of 6 stages have a student (50%)");
        assert_eq!(coverage_summary(Lang::En, 0, 0), "No stages yet: coverage is counted once there are some.");
        assert!(!coverage_summary(Lang::Zh, 0, 0).contains('%'));
    }

    #[test]
    fn counts_of_one_are_singular_in_english() {
        assert_eq!(gap_counts(Lang::En, 1, 8, 0), "1 error · 8 warnings · 0 notes");
        assert_eq!(gap_counts(Lang::En, 2, 1, 1), "2 errors · 1 warning · 1 note");
        assert_eq!(legend_nobody(Lang::En, 1), "nobody works here (1 stage)");
        assert_eq!(gap_counts(Lang::Zh, 1, 8, 0), "1 个错误 · 8 个警告 · 0 条提示");
    }

    #[test]
    fn who_is_at_the_other_end_of_a_hand_off_reads_naturally() {
        assert_eq!(who_at_other_end(Lang::En, true, Some("Gao".into())), "by Gao");
        assert_eq!(who_at_other_end(Lang::En, false, None), "for nobody yet");
        assert_eq!(who_at_other_end(Lang::Zh, false, Some("李同学".into())), "使用人：李同学");
        assert_eq!(who_at_other_end(Lang::Zh, true, None), "尚无人负责");
        assert_eq!(who_at_other_end(Lang::Zh, false, None), "尚无人使用");
    }

    #[test]
    fn every_key_has_text_in_both_languages() {
        for &k in Key::ALL {
            for lang in Lang::ALL {
                assert!(!t(lang, k).trim().is_empty(), "{k:?} has no {lang:?} text");
            }
        }
    }

    #[test]
    fn chinese_is_really_translated() {
        // Names that are the same in both languages on purpose.
        let same = [Key::AppName, Key::LangEnglish, Key::LangChinese];
        for &k in Key::ALL {
            if !same.contains(&k) {
                assert_ne!(t(Lang::En, k), t(Lang::Zh, k), "{k:?} is not translated");
            }
        }
    }

    #[test]
    fn language_negotiation() {
        assert_eq!(Lang::negotiate(["fr-FR", "zh-CN", "en"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["en-GB"]), Lang::En);
        assert_eq!(Lang::negotiate(["de"]), Lang::En);
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("ZH"), Some(Lang::Zh));
    }

    #[test]
    fn a_stage_card_names_what_its_chips_mark() {
        let st = |name, academic, enterprise| CardStudent { name, academic, enterprise };
        assert_eq!(
            stage_card_label(Lang::En, "Casting trials", Some("Pilot test"), &[st("Li", true, true)]),
            "Casting trials (stage, Pilot test; 1 student: Li with academic and enterprise supervisors)"
        );
        assert_eq!(
            stage_card_label(Lang::En, "Rolling", None, &[st("Gao", true, false), st("Li", false, true), st("Wu", false, false)]),
            "Rolling (stage, No phase; 3 students: Gao with an academic supervisor, Li with an enterprise supervisor, Wu)"
        );
        assert_eq!(stage_card_label(Lang::En, "Rolling", Some("Lab"), &[]), "Rolling (stage, Lab; nobody works here)");
        assert_eq!(
            stage_card_label(Lang::Zh, "铸造试验", Some("中试"), &[st("李", true, true), st("高", false, true)]),
            "铸造试验（环节，中试；2 名学生：李（学术导师、企业导师）、高（企业导师））"
        );
    }
}
