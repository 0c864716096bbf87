//! What can be wrong with a file, with the place it is wrong at.
//!
//! Each problem is data (a [`ProblemKind`] with its parameters) so the app
//! can say it in Chinese or English; [`Problem::message`] gives the English
//! words used by the command line.

use std::fmt;

use crate::json::SyntaxKind;

/// Where a problem is: a JSON path such as `stages[3].phase`, a place in the
/// text (`line 14, column 7`) for broken JSON, or the whole file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    File,
    Text { line: usize, column: usize },
    Path(String),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => f.write_str("file"),
            Place::Text { line, column } => write!(f, "line {line}, column {column}"),
            Place::Path(p) if p.is_empty() => f.write_str("(top level)"),
            Place::Path(p) => f.write_str(&short(p, 160)),
        }
    }
}

/// The kinds of entity, for messages such as "there is no stage "s9"".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Phase,
    Stage,
    Flow,
    Person,
    Topic,
}

impl Entity {
    pub fn word(self) -> &'static str {
        match self {
            Entity::Phase => "phase",
            Entity::Stage => "stage",
            Entity::Flow => "flow",
            Entity::Person => "person",
            Entity::Topic => "topic",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    Unreadable { why: String },
    TooLarge { bytes: usize, max: usize },
    Utf16,
    NotUtf8,
    Syntax(SyntaxKind),
    DuplicateKey { key: String },
    NotAnObject { found: &'static str },
    NotChainmap { found: Option<String> },
    VersionMissing,
    VersionNotWhole { found: String },
    VersionNewer { version: String },
    VersionUnknown { version: String },
    Missing { what: &'static str },
    WrongType { expected: &'static str, found: &'static str },
    Blank,
    TooLong { len: usize, max: usize },
    ControlCharacter,
    BadId,
    DuplicateId { entity: Entity, id: String, first: String },
    NoSuch { entity: Entity, id: String, known: Vec<String> },
    SelfFlow { stage: String },
    NotAStudent { id: String, kind: &'static str },
    NotASupervisor { id: String },
    RepeatedSupervisor { id: String },
    BadPersonKind { found: String },
    BadDate { found: String },
    BadNumber { found: String },
    OutOfRange { value: String, max: String },
    TooMany { entity: Entity, count: usize, max: usize },
    MoreProblems { more: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub place: Place,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn at(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { place: Place::Path(path.into()), kind }
    }

    /// The place as shown to people and in `check --json`'s `path`.
    pub fn path(&self) -> String {
        self.place.to_string()
    }

    /// Plain English words for what is wrong.
    pub fn message(&self) -> String {
        english(&self.kind.shortened())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Text { .. } => write!(f, "({}): {}", self.place, self.message()),
            _ => write!(f, "{}: {}", self.place, self.message()),
        }
    }
}

/// An unknown field, kept and written back; reported so people know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub path: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: unknown field, kept as it is", short(&self.path, 160))
    }
}

/// `s` cut to `max` characters with "…": a file's values are quoted in
/// messages, and a hostile file can hold megabytes in one of them.
pub fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

const SHOWN: usize = 60;

impl ProblemKind {
    /// The same problem with every value from the file cut short for showing.
    pub fn shortened(&self) -> ProblemKind {
        use ProblemKind::*;
        let s = |x: &String| short(x, SHOWN);
        match self {
            Unreadable { why } => Unreadable { why: s(why) },
            DuplicateKey { key } => DuplicateKey { key: s(key) },
            NotChainmap { found } => NotChainmap { found: found.as_ref().map(s) },
            VersionNotWhole { found } => VersionNotWhole { found: s(found) },
            VersionNewer { version } => VersionNewer { version: s(version) },
            VersionUnknown { version } => VersionUnknown { version: s(version) },
            DuplicateId { entity, id, first } => DuplicateId { entity: *entity, id: s(id), first: first.clone() },
            NoSuch { entity, id, known } => {
                NoSuch { entity: *entity, id: s(id), known: known.iter().map(|k| short(k, SHOWN)).collect() }
            }
            SelfFlow { stage } => SelfFlow { stage: s(stage) },
            NotAStudent { id, kind } => NotAStudent { id: s(id), kind },
            NotASupervisor { id } => NotASupervisor { id: s(id) },
            RepeatedSupervisor { id } => RepeatedSupervisor { id: s(id) },
            BadPersonKind { found } => BadPersonKind { found: s(found) },
            BadDate { found } => BadDate { found: s(found) },
            BadNumber { found } => BadNumber { found: s(found) },
            OutOfRange { value, max } => OutOfRange { value: s(value), max: max.clone() },
            other => other.clone(),
        }
    }
}

fn quoted_list(items: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut s = items.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > SHOWN {
        s.push_str(&format!(", … {} more", items.len() - SHOWN));
    }
    s
}

pub fn syntax_english(k: &SyntaxKind) -> String {
    match k {
        SyntaxKind::UnexpectedEnd => "the file ends too early: it looks cut off".into(),
        SyntaxKind::Expected(what) => format!("expected {what}"),
        SyntaxKind::TrailingText => "unexpected text after the end of the map".into(),
        SyntaxKind::InvalidNumber => "this is not a valid number".into(),
        SyntaxKind::InvalidEscape => "invalid escape sequence after a backslash".into(),
        SyntaxKind::ControlCharacterInString => {
            "a line break or other control character inside quotes (write it as \\n)".into()
        }
        SyntaxKind::LoneSurrogate => "a \\u escape that is only half of a character".into(),
        SyntaxKind::TooDeep => {
            format!("the data is nested more than {} levels deep, which no chainmap file needs", crate::json::MAX_DEPTH)
        }
        SyntaxKind::Empty => "the file is empty".into(),
    }
}

fn english(k: &ProblemKind) -> String {
    use ProblemKind::*;
    match k {
        Unreadable { why } => format!("cannot read the file: {why}"),
        TooLarge { bytes, max } => format!(
            "the file is {:.1} MiB; a chainmap file is at most {} MiB",
            *bytes as f64 / 1048576.0,
            max / 1048576
        ),
        Utf16 => "the file is UTF-16 text; save it as UTF-8 and open it again".into(),
        NotUtf8 => "the file is not UTF-8 text (it holds bytes that are not valid UTF-8)".into(),
        Syntax(s) => syntax_english(s),
        DuplicateKey { key } => format!("the key \"{key}\" appears twice in the same object"),
        NotAnObject { found } => {
            format!("this is not a chainmap file: it holds {found}, not an object with \"format\": \"chainmap\"")
        }
        NotChainmap { found: None } => "this is not a chainmap file: it has no \"format\": \"chainmap\"".into(),
        NotChainmap { found: Some(f) } => {
            format!("this is not a chainmap file: \"format\" is {f}, not \"chainmap\"")
        }
        VersionMissing => "missing: a chainmap file says which version of the format it uses (\"version\": 1)".into(),
        VersionNotWhole { found } => {
            format!("must be a whole number such as 1, not {found}")
        }
        VersionNewer { version } => format!(
            "this file was made by a newer chainmap (version {version}); this one reads version {}",
            crate::format::VERSION
        ),
        VersionUnknown { version } => {
            format!("there is no chainmap format version {version}; this one reads version {}", crate::format::VERSION)
        }
        Missing { what } => format!("missing: {what}"),
        WrongType { expected, found } => format!("must be {expected}, not {found}"),
        Blank => "must not be empty".into(),
        TooLong { len, max } => format!("is {len} characters long; at most {max} are allowed"),
        ControlCharacter => "holds a control character (such as a line break), which is not allowed here".into(),
        BadId => "is not a valid id: use 1–64 characters from A–Z, a–z, 0–9, _, - and .".into(),
        DuplicateId { entity, id, first } => {
            format!("there is already a {} with id \"{id}\" ({first})", entity.word())
        }
        NoSuch { entity, id, known } if known.is_empty() => {
            format!("there is no {} \"{id}\" (the map has none)", entity.word())
        }
        NoSuch { entity, id, known } => {
            format!("there is no {} \"{id}\" (known: {})", entity.word(), quoted_list(known))
        }
        SelfFlow { stage } => format!("a flow cannot go from stage \"{stage}\" to itself"),
        NotAStudent { id, kind } => format!("\"{id}\" is {kind}, not a student"),
        NotASupervisor { id } => format!("\"{id}\" is a student, not a supervisor"),
        RepeatedSupervisor { id } => format!("\"{id}\" is listed as a supervisor twice"),
        BadPersonKind { found } => {
            format!("\"{found}\" is not a kind of person; use student, academic_supervisor or enterprise_supervisor")
        }
        BadDate { found } => format!("\"{found}\" is not a real date in the form YYYY-MM-DD"),
        BadNumber { found } => format!("{found} is not a usable number"),
        OutOfRange { value, max } => format!("{value} is out of range (at most {max} either way)"),
        TooMany { entity, count, max } => {
            format!("the file has {count} {}s; at most {max} are allowed", entity.word())
        }
        MoreProblems { more } => format!("… and {more} more problems"),
    }
}
