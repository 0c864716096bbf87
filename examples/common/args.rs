//! The command line of the examples: one input file and numeric options
//! such as `--runs 5` (shared by `analyse_file`, `edit_big` and `reach_big`).

pub struct Args {
    list: Vec<String>,
}

impl Args {
    pub fn from_env() -> Args {
        Args { list: std::env::args().skip(1).collect() }
    }

    /// The first argument that is neither an option nor an option's value;
    /// without one, prints `usage` and exits.
    pub fn file(&self, usage: &str) -> String {
        let mut rest = self.list.iter();
        while let Some(a) = rest.next() {
            if a.starts_with("--") {
                rest.next();
            } else {
                return a.clone();
            }
        }
        eprintln!("usage: {usage}");
        std::process::exit(2);
    }

    /// The number after `--name`, or `default`.
    pub fn number(&self, name: &str, default: usize) -> usize {
        let flag = format!("--{name}");
        self.list
            .iter()
            .position(|a| *a == flag)
            .and_then(|i| self.list.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    /// The bytes of `file`; when it cannot be read, says why and exits.
    pub fn read(file: &str) -> Vec<u8> {
        std::fs::read(file).unwrap_or_else(|e| {
            eprintln!("{file}: {e}");
            std::process::exit(2);
        })
    }
}
