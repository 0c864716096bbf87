//! The coverage as CSV for a spreadsheet: UTF-8 with a byte-order mark (so
//! Excel reads Chinese correctly), CRLF line ends and RFC 4180 quoting, and
//! no cell that a spreadsheet would run as a formula.
//!
//! Three tables, one blank row apart: the stage × student matrix (rows in
//! chain order, a column per student, a cell lists the student's topics at
//! the stage); the coverage per phase and for all stages; the topics of each
//! supervisor, academic ones first.

use super::escape::csv;
use crate::analysis::coverage;
use crate::i18n::exchange::csv_words;
use crate::i18n::Lang;
use crate::model::{Map, PersonKind};

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| csv(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn percent(covered: usize, total: usize) -> String {
    if total == 0 {
        "0%".to_string()
    } else {
        format!("{}%", (covered as f64 * 100.0 / total as f64).round() as u64)
    }
}

pub fn coverage_csv(map: &Map, lang: Lang) -> String {
    let w = csv_words(lang);
    let c = coverage(map);
    let mut out = String::from("\u{feff}");
    let phase_name = |p: Option<&crate::model::Id>| match p {
        Some(id) => map.phase(id).map_or_else(|| id.to_string(), |ph| ph.name.clone()),
        None => w.no_phase.to_string(),
    };

    let mut head = vec![w.stage.to_string(), w.phase.to_string()];
    head.extend(c.students.iter().map(|s| map.person_name(s).to_string()));
    row(&mut out, &head);
    for r in &c.matrix {
        let mut cells = vec![map.stage_name(&r.stage).to_string(), phase_name(r.phase.as_ref())];
        for col in 0..c.students.len() {
            let titles: Vec<&str> =
                r.topics_of(col).iter().map(|t| map.topic(t).map_or(t.as_str(), |x| x.title.as_str())).collect();
            cells.push(titles.join("; "));
        }
        row(&mut out, &cells);
    }

    out.push_str("\r\n");
    row(&mut out, &[w.phase.to_string(), w.covered.to_string(), w.total.to_string(), w.share.to_string()]);
    for p in &c.phases {
        row(
            &mut out,
            &[phase_name(p.phase.as_ref()), p.covered.to_string(), p.total.to_string(), percent(p.covered, p.total)],
        );
    }
    row(
        &mut out,
        &[
            w.all_stages.to_string(),
            c.covered_stages.to_string(),
            c.total_stages.to_string(),
            percent(c.covered_stages, c.total_stages),
        ],
    );

    out.push_str("\r\n");
    row(&mut out, &[w.supervisor.to_string(), w.kind.to_string(), w.topics.to_string()]);
    for s in &c.supervisors {
        let kind = if s.kind == PersonKind::AcademicSupervisor { w.academic } else { w.enterprise };
        let titles: Vec<&str> =
            s.topics.iter().map(|t| map.topic(t).map_or(t.as_str(), |x| x.title.as_str())).collect();
        row(&mut out, &[map.person_name(&s.person).to_string(), kind.to_string(), titles.join("; ")]);
    }
    out
}
