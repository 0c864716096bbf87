//! The typed pass: turns a JSON value that passed the envelope into a
//! [`Map`], recording a problem (with its path) for every field of the wrong
//! type or missing, and a note for every unknown field. It never stops early:
//! a broken field gets a harmless default so the rest is still checked.

use super::problem::{Note, Problem, ProblemKind};
use crate::json::Value;
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

pub fn read_map(root: &[(String, Value)]) -> Typed {
    let mut r = Reader { problems: Vec::new(), notes: Vec::new(), origins: Vec::new() };
    let mut map = Map::default();
    let mut have_project = false;
    for (key, v) in root {
        match key.as_str() {
            "format" | "version" => {}
            "project" => {
                have_project = true;
                map.project = r.project(v);
            }
            "stages" => map.stages = r.list(v, "stages", Reader::stage),
            "flows" => map.flows = r.list(v, "flows", Reader::flow),
            "people" => map.people = r.list(v, "people", Reader::person),
            "topics" => map.topics = r.list(v, "topics", Reader::topic),
            _ => r.unknown(&mut map.extra, "", key, v),
        }
    }
    if !have_project {
        r.problem("project", ProblemKind::Missing { what: "every map needs a \"project\" with a title" });
    }
    Typed { map, problems: r.problems, notes: r.notes, origins: r.origins }
}

struct Reader {
    problems: Vec<Problem>,
    notes: Vec<Note>,
    origins: Vec<(&'static str, Vec<usize>)>,
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

impl Reader {
    fn problem(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::at(path, kind));
    }

    fn wrong(&mut self, path: String, expected: &'static str, v: &Value) {
        self.problem(path, ProblemKind::WrongType { expected, found: v.kind_name() });
    }

    fn unknown(&mut self, extra: &mut Extra, parent: &str, key: &str, v: &Value) {
        self.notes.push(Note { path: join(parent, key) });
        extra.push((key.to_string(), v.clone()));
    }

    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v [(String, Value)]> {
        match v {
            Value::Object(fields) => Some(fields),
            _ => {
                self.wrong(path.to_string(), "an object", v);
                None
            }
        }
    }

    fn list<T>(&mut self, v: &Value, path: &'static str, item: fn(&mut Reader, &Value, &str) -> Option<T>) -> Vec<T> {
        match v {
            Value::Null => Vec::new(),
            Value::Array(items) => {
                let mut kept = Vec::with_capacity(items.len());
                let mut origin = Vec::with_capacity(items.len());
                for (i, it) in items.iter().enumerate() {
                    if let Some(x) = item(self, it, &format!("{path}[{i}]")) {
                        kept.push(x);
                        origin.push(i);
                    }
                }
                if origin.len() < items.len() {
                    self.origins.push((path, origin));
                }
                kept
            }
            _ => {
                self.wrong(path.to_string(), "a list", v);
                Vec::new()
            }
        }
    }

    /// A text field; `null` counts as absent.
    fn text(&mut self, v: &Value, path: String) -> String {
        match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            _ => {
                self.wrong(path, "text", v);
                String::new()
            }
        }
    }

    fn id(&mut self, v: &Value, path: String) -> Id {
        match v {
            Value::String(s) => Id::new(s.as_str()),
            _ => {
                self.wrong(path, "an id in quotes", v);
                Id::default()
            }
        }
    }

    fn opt_id(&mut self, v: &Value, path: String) -> Option<Id> {
        match v {
            Value::Null => None,
            _ => Some(self.id(v, path)),
        }
    }

    fn texts(&mut self, v: &Value, path: String) -> Vec<String> {
        match v {
            Value::Null => Vec::new(),
            Value::Array(items) => {
                items.iter().enumerate().map(|(i, it)| self.text(it, format!("{path}[{i}]"))).collect()
            }
            _ => {
                self.wrong(path, "a list of texts", v);
                Vec::new()
            }
        }
    }

    fn require(&mut self, present: bool, path: &str, key: &str, what: &'static str) {
        if !present {
            self.problem(join(path, key), ProblemKind::Missing { what });
        }
    }

    fn project(&mut self, v: &Value) -> Project {
        let mut p = Project::default();
        let Some(fields) = self.object(v, "project") else { return p };
        let mut has_title = false;
        for (key, fv) in fields {
            let path = format!("project.{key}");
            match key.as_str() {
                "title" => {
                    has_title = true;
                    p.title = self.text(fv, path);
                }
                "source" => p.source = self.text(fv, path),
                "background" => p.background = self.text(fv, path),
                "phases" => p.phases = self.list(fv, "project.phases", Reader::phase),
                _ => self.unknown(&mut p.extra, "project", key, fv),
            }
        }
        self.require(has_title, "project", "title", "the project needs a title");
        p
    }

    fn phase(&mut self, v: &Value, path: &str) -> Option<Phase> {
        let fields = self.object(v, path)?;
        let mut ph = Phase { id: Id::default(), name: String::new(), extra: Vec::new() };
        let (mut has_id, mut has_name) = (false, false);
        for (key, fv) in fields {
            let fpath = join(path, key);
            match key.as_str() {
                "id" => {
                    has_id = true;
                    ph.id = self.id(fv, fpath);
                }
                "name" => {
                    has_name = true;
                    ph.name = self.text(fv, fpath);
                }
                _ => self.unknown(&mut ph.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every phase needs an id");
        self.require(has_name, path, "name", "every phase needs a name");
        Some(ph)
    }

    fn stage(&mut self, v: &Value, path: &str) -> Option<Stage> {
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
            let fpath = join(path, key);
            match key.as_str() {
                "id" => {
                    has_id = true;
                    s.id = self.id(fv, fpath);
                }
                "name" => {
                    has_name = true;
                    s.name = self.text(fv, fpath);
                }
                "phase" => s.phase = self.opt_id(fv, fpath),
                "role" => s.role = self.text(fv, fpath),
                "external_inputs" => s.external_inputs = self.texts(fv, fpath),
                "external_outputs" => s.external_outputs = self.texts(fv, fpath),
                "pos" => s.pos = self.pos(fv, &fpath),
                _ => self.unknown(&mut s.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every stage needs an id");
        self.require(has_name, path, "name", "every stage needs a name");
        Some(s)
    }

    fn pos(&mut self, v: &Value, path: &str) -> Option<Pos> {
        if *v == Value::Null {
            return None;
        }
        let fields = self.object(v, path)?;
        let (mut x, mut y) = (None, None);
        let mut extra = Vec::new();
        for (key, fv) in fields {
            let fpath = join(path, key);
            match key.as_str() {
                "x" => x = self.coordinate(fv, fpath),
                "y" => y = self.coordinate(fv, fpath),
                _ => self.unknown(&mut extra, path, key, fv),
            }
        }
        self.require(x.is_some() || fields.iter().any(|(k, _)| k == "x"), path, "x", "a position needs x and y");
        self.require(y.is_some() || fields.iter().any(|(k, _)| k == "y"), path, "y", "a position needs x and y");
        Some(Pos { x: x?, y: y?, extra })
    }

    fn coordinate(&mut self, v: &Value, path: String) -> Option<f64> {
        let Value::Number(text) = v else {
            self.wrong(path, "a number", v);
            return None;
        };
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= super::MAX_COORDINATE => Some(x),
            Ok(_) => {
                self.problem(path, ProblemKind::OutOfRange { value: text.clone(), max: "10000000".into() });
                None
            }
            Err(_) => {
                self.problem(path, ProblemKind::BadNumber { found: text.clone() });
                None
            }
        }
    }

    fn flow(&mut self, v: &Value, path: &str) -> Option<Flow> {
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
            let fpath = join(path, key);
            match key.as_str() {
                "id" => {
                    has_id = true;
                    f.id = self.id(fv, fpath);
                }
                "from" => {
                    has_from = true;
                    f.from = self.id(fv, fpath);
                }
                "to" => {
                    has_to = true;
                    f.to = self.id(fv, fpath);
                }
                "artifact" => f.artifact = self.text(fv, fpath),
                _ => self.unknown(&mut f.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every flow needs an id");
        self.require(has_from, path, "from", "a flow needs the stage it comes from");
        self.require(has_to, path, "to", "a flow needs the stage it goes to");
        Some(f)
    }

    fn person(&mut self, v: &Value, path: &str) -> Option<Person> {
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
            let fpath = join(path, key);
            match key.as_str() {
                "id" => {
                    has_id = true;
                    p.id = self.id(fv, fpath);
                }
                "name" => {
                    has_name = true;
                    p.name = self.text(fv, fpath);
                }
                "kind" => {
                    has_kind = true;
                    match fv {
                        Value::String(s) => match PersonKind::parse(s) {
                            Some(k) => p.kind = k,
                            None => self.problem(fpath, ProblemKind::BadPersonKind { found: s.clone() }),
                        },
                        _ => self.wrong(fpath, "text (student, academic_supervisor or enterprise_supervisor)", fv),
                    }
                }
                "affiliation" => p.affiliation = self.text(fv, fpath),
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

    fn topic(&mut self, v: &Value, path: &str) -> Option<Topic> {
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
            let fpath = join(path, key);
            match key.as_str() {
                "id" => {
                    has_id = true;
                    t.id = self.id(fv, fpath);
                }
                "title" => {
                    has_title = true;
                    t.title = self.text(fv, fpath);
                }
                "student" => {
                    has_student = true;
                    t.student = self.id(fv, fpath);
                }
                "stage" => t.stage = self.opt_id(fv, fpath),
                "supervisors" => {
                    t.supervisors = match fv {
                        Value::Null => Vec::new(),
                        Value::Array(items) => {
                            items.iter().enumerate().map(|(i, it)| self.id(it, format!("{fpath}[{i}]"))).collect()
                        }
                        _ => {
                            self.wrong(fpath, "a list of person ids", fv);
                            Vec::new()
                        }
                    }
                }
                "defense_date" => t.defense_date = self.text(fv, fpath),
                "notes" => t.notes = self.text(fv, fpath),
                _ => self.unknown(&mut t.extra, path, key, fv),
            }
        }
        self.require(has_id, path, "id", "every topic needs an id");
        self.require(has_title, path, "title", "every topic needs a title");
        self.require(has_student, path, "student", "every topic belongs to a student");
        Some(t)
    }
}
