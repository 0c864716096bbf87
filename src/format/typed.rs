//! The typed pass: turns a JSON value that passed the envelope into a
//! [`Map`], recording a problem (with its path) for every field of the wrong
//! type or missing, and a note for every unknown field. It never stops early:
//! a broken field gets a harmless default so the rest is still checked.
//!
//! It reads the parsed [`Document`](crate::json::Document) in place: only
//! the map's own strings are copied, and a field's JSON path is written out
//! only when a problem or a note is reported there.

use super::problem::{Note, Problem, ProblemKind};
use crate::json::{Fields, Raw, ValueRef};
use crate::model::{Extra, Flow, Id, Map, Person, PersonKind, Phase, Pos, Project, Stage, Topic};

pub struct Typed {
    pub map: Map,
    pub problems: Vec<Problem>,
    pub notes: Vec<Note>,
    /// For each list that lost an element the typed pass could not read
    /// (not an object), the file index of every element kept: the rules
    /// checked on the map report the file's indices, not the map's.
    pub origins: Vec<(&'static str, Vec<usize>)>,
}

/// The JSON path of a value, written out only when needed: `stages[3].pos.x`.
#[derive(Clone, Copy)]
enum Path<'p> {
    /// The top level (an empty path).
    Root,
    /// A path given whole, such as `project.phases`.
    Fixed(&'p str),
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Fixed(s) => s.to_string(),
            Path::Key(parent, key) => {
                let mut s = parent.render();
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(key);
                s
            }
            Path::Index(parent, i) => {
                let mut s = parent.render();
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
                s
            }
        }
    }
}

#[inline(never)] // a phase of its own (and in profiles)
pub fn read_map(root: Fields<'_>) -> Typed {
    let mut r = Reader { problems: Vec::new(), notes: Vec::new(), origins: Vec::new() };
    let mut map = Map::default();
    let mut have_project = false;
    for (key, v) in root {
        match key {
            "format" | "version" => {}
            "project" => {
                have_project = true;
                map.project = r.project(v);
            }
            "stages" => map.stages = r.list(v, "stages", Reader::stage),
            "flows" => map.flows = r.list(v, "flows", Reader::flow),
            "people" => map.people = r.list(v, "people", Reader::person),
            "topics" => map.topics = r.list(v, "topics", Reader::topic),
            _ => r.unknown(&mut map.extra, &Path::Root, key, v),
        }
    }
    if !have_project {
        r.problem(&Path::Fixed("project"), ProblemKind::Missing { what: "every map needs a \"project\" with a title" });
    }
    Typed { map, problems: r.problems, notes: r.notes, origins: r.origins }
}

struct Reader {
    problems: Vec<Problem>,
    notes: Vec<Note>,
    origins: Vec<(&'static str, Vec<usize>)>,
}

type Item<T> = fn(&mut Reader, ValueRef<'_>, &Path<'_>) -> Option<T>;

impl Reader {
    fn problem(&mut self, path: &Path<'_>, kind: ProblemKind) {
        self.problems.push(Problem::at(path.render(), kind));
    }

    fn wrong(&mut self, path: &Path<'_>, expected: &'static str, v: ValueRef<'_>) {
        self.problem(path, ProblemKind::WrongType { expected, found: v.kind_name() });
    }

    fn unknown(&mut self, extra: &mut Extra, parent: &Path<'_>, key: &str, v: ValueRef<'_>) {
        self.notes.push(Note { path: Path::Key(parent, key).render() });
        extra.push((key.to_string(), v.to_value()));
    }

    fn object<'d>(&mut self, v: ValueRef<'d>, path: &Path<'_>) -> Option<Fields<'d>> {
        match v.raw() {
            Raw::Object(fields) => Some(fields),
            _ => {
                self.wrong(path, "an object", v);
                None
            }
        }
    }

    fn list<T>(&mut self, v: ValueRef<'_>, path: &'static str, item: Item<T>) -> Vec<T> {
        match v.raw() {
            Raw::Null => Vec::new(),
            Raw::Array(items) => {
                let len = items.len();
                let mut kept = Vec::with_capacity(len);
                let mut origin: Option<Vec<usize>> = None;
                let list = Path::Fixed(path);
                for (i, it) in items.enumerate() {
                    match item(self, it, &Path::Index(&list, i)) {
                        Some(x) => {
                            kept.push(x);
                            if let Some(o) = &mut origin {
                                o.push(i);
                            }
                        }
                        None if origin.is_none() => origin = Some((0..i).collect()),
                        None => {}
                    }
                }
                if let Some(origin) = origin {
                    self.origins.push((path, origin));
                }
                kept
            }
            _ => {
                self.wrong(&Path::Fixed(path), "a list", v);
                Vec::new()
            }
        }
    }

    /// A text field; `null` counts as absent.
    fn text(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> String {
        match v.raw() {
            Raw::String(s) => s.to_string(),
            Raw::Null => String::new(),
            _ => {
                self.wrong(path, "text", v);
                String::new()
            }
        }
    }

    fn id(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Id {
        match v.raw() {
            Raw::String(s) => Id::new(s),
            _ => {
                self.wrong(path, "an id in quotes", v);
                Id::default()
            }
        }
    }

    fn opt_id(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Option<Id> {
        if v.is_null() {
            None
        } else {
            Some(self.id(v, path))
        }
    }

    fn texts(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Vec<String> {
        match v.raw() {
            Raw::Null => Vec::new(),
            Raw::Array(items) => items.enumerate().map(|(i, it)| self.text(it, &Path::Index(path, i))).collect(),
            _ => {
                self.wrong(path, "a list of texts", v);
                Vec::new()
            }
        }
    }

    fn require(&mut self, present: bool, path: &Path<'_>, key: &str, what: &'static str) {
        if !present {
            self.problem(&Path::Key(path, key), ProblemKind::Missing { what });
        }
    }

    fn project(&mut self, v: ValueRef<'_>) -> Project {
        let mut p = Project::default();
        let here = Path::Fixed("project");
        let Some(fields) = self.object(v, &here) else { return p };
        let mut has_title = false;
        for (key, fv) in fields {
            let path = Path::Key(&here, key);
            match key {
                "title" => {
                    has_title = true;
                    p.title = self.text(fv, &path);
                }
                "source" => p.source = self.text(fv, &path),
                "background" => p.background = self.text(fv, &path),
                "phases" => p.phases = self.list(fv, "project.phases", Reader::phase),
                _ => self.unknown(&mut p.extra, &here, key, fv),
            }
        }
        self.require(has_title, &here, "title", "the project needs a title");
        p
    }

    fn phase(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Option<Phase> {
        let fields = self.object(v, path)?;
        let mut ph = Phase { id: Id::default(), name: String::new(), extra: Vec::new() };
        let (mut has_id, mut has_name) = (false, false);
        for (key, fv) in fields {
            let fpath = Path::Key(path, key);
            match key {
                "id" => {
                    has_id = true;
                    ph.id = self.id(fv, &fpath);
                }
                "name" => {
                    has_name = true;
                    ph.name = self.text(fv, &fpath);
                }
                _ => self.unknown(&mut ph.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every phase needs an id");
        self.require(has_name, path, "name", "every phase needs a name");
        Some(ph)
    }

    fn stage(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Option<Stage> {
        let fields = self.object(v, path)?;
        let mut s = Stage {
            id: Id::default(),
            name: String::new(),
            phase: None,
            role: String::new(),
            external_inputs: Vec::new(),
            external_outputs: Vec::new(),
            pos: None,
            extra: Vec::new(),
        };
        let (mut has_id, mut has_name) = (false, false);
        for (key, fv) in fields {
            let fpath = Path::Key(path, key);
            match key {
                "id" => {
                    has_id = true;
                    s.id = self.id(fv, &fpath);
                }
                "name" => {
                    has_name = true;
                    s.name = self.text(fv, &fpath);
                }
                "phase" => s.phase = self.opt_id(fv, &fpath),
                "role" => s.role = self.text(fv, &fpath),
                "external_inputs" => s.external_inputs = self.texts(fv, &fpath),
                "external_outputs" => s.external_outputs = self.texts(fv, &fpath),
                "pos" => s.pos = self.pos(fv, &fpath),
                _ => self.unknown(&mut s.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every stage needs an id");
        self.require(has_name, path, "name", "every stage needs a name");
        Some(s)
    }

    fn pos(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Option<Pos> {
        if v.is_null() {
            return None;
        }
        let fields = self.object(v, path)?;
        let (mut x, mut y) = (None, None);
        let (mut has_x, mut has_y) = (false, false);
        let mut extra = Vec::new();
        for (key, fv) in fields {
            let fpath = Path::Key(path, key);
            match key {
                "x" => {
                    has_x = true;
                    x = self.coordinate(fv, &fpath);
                }
                "y" => {
                    has_y = true;
                    y = self.coordinate(fv, &fpath);
                }
                _ => self.unknown(&mut extra, path, key, fv),
            }
        }
        self.require(x.is_some() || has_x, path, "x", "a position needs x and y");
        self.require(y.is_some() || has_y, path, "y", "a position needs x and y");
        Some(Pos { x: x?, y: y?, extra })
    }

    fn coordinate(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Option<f64> {
        let Raw::Number(text) = v.raw() else {
            self.wrong(path, "a number", v);
            return None;
        };
        match crate::json::to_f64(text) {
            Some(x) if x.is_finite() && x.abs() <= super::MAX_COORDINATE => Some(x),
            Some(_) => {
                self.problem(path, ProblemKind::OutOfRange { value: text.to_string(), max: "10000000".into() });
                None
            }
            None => {
                self.problem(path, ProblemKind::BadNumber { found: text.to_string() });
                None
            }
        }
    }

    fn flow(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Option<Flow> {
        let fields = self.object(v, path)?;
        let mut f = Flow {
            id: Id::default(),
            from: Id::default(),
            to: Id::default(),
            artifact: String::new(),
            extra: Vec::new(),
        };
        let (mut has_id, mut has_from, mut has_to) = (false, false, false);
        for (key, fv) in fields {
            let fpath = Path::Key(path, key);
            match key {
                "id" => {
                    has_id = true;
                    f.id = self.id(fv, &fpath);
                }
                "from" => {
                    has_from = true;
                    f.from = self.id(fv, &fpath);
                }
                "to" => {
                    has_to = true;
                    f.to = self.id(fv, &fpath);
                }
                "artifact" => f.artifact = self.text(fv, &fpath),
                _ => self.unknown(&mut f.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every flow needs an id");
        self.require(has_from, path, "from", "a flow needs the stage it comes from");
        self.require(has_to, path, "to", "a flow needs the stage it goes to");
        Some(f)
    }

    fn person(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Option<Person> {
        let fields = self.object(v, path)?;
        let mut p = Person {
            id: Id::default(),
            name: String::new(),
            kind: PersonKind::Student,
            affiliation: String::new(),
            extra: Vec::new(),
        };
        let (mut has_id, mut has_name, mut has_kind) = (false, false, false);
        for (key, fv) in fields {
            let fpath = Path::Key(path, key);
            match key {
                "id" => {
                    has_id = true;
                    p.id = self.id(fv, &fpath);
                }
                "name" => {
                    has_name = true;
                    p.name = self.text(fv, &fpath);
                }
                "kind" => {
                    has_kind = true;
                    match fv.raw() {
                        Raw::String(s) => match PersonKind::parse(s) {
                            Some(k) => p.kind = k,
                            None => self.problem(&fpath, ProblemKind::BadPersonKind { found: s.to_string() }),
                        },
                        _ => self.wrong(&fpath, "text (student, academic_supervisor or enterprise_supervisor)", fv),
                    }
                }
                "affiliation" => p.affiliation = self.text(fv, &fpath),
                _ => self.unknown(&mut p.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every person needs an id");
        self.require(has_name, path, "name", "every person needs a name");
        self.require(
            has_kind,
            path,
            "kind",
            "say whether the person is a student, academic_supervisor or enterprise_supervisor",
        );
        Some(p)
    }

    fn topic(&mut self, v: ValueRef<'_>, path: &Path<'_>) -> Option<Topic> {
        let fields = self.object(v, path)?;
        let mut t = Topic {
            id: Id::default(),
            title: String::new(),
            student: Id::default(),
            stage: None,
            supervisors: Vec::new(),
            defense_date: String::new(),
            notes: String::new(),
            extra: Vec::new(),
        };
        let (mut has_id, mut has_title, mut has_student) = (false, false, false);
        for (key, fv) in fields {
            let fpath = Path::Key(path, key);
            match key {
                "id" => {
                    has_id = true;
                    t.id = self.id(fv, &fpath);
                }
                "title" => {
                    has_title = true;
                    t.title = self.text(fv, &fpath);
                }
                "student" => {
                    has_student = true;
                    t.student = self.id(fv, &fpath);
                }
                "stage" => t.stage = self.opt_id(fv, &fpath),
                "supervisors" => {
                    t.supervisors = match fv.raw() {
                        Raw::Null => Vec::new(),
                        Raw::Array(items) => {
                            items.enumerate().map(|(i, it)| self.id(it, &Path::Index(&fpath, i))).collect()
                        }
                        _ => {
                            self.wrong(&fpath, "a list of person ids", fv);
                            Vec::new()
                        }
                    }
                }
                "defense_date" => t.defense_date = self.text(fv, &fpath),
                "notes" => t.notes = self.text(fv, &fpath),
                _ => self.unknown(&mut t.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every topic needs an id");
        self.require(has_title, path, "title", "every topic needs a title");
        self.require(has_student, path, "student", "every topic belongs to a student");
        Some(t)
    }
}
