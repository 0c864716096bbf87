//! A topic's defense brief as Markdown (PRODUCT.md item 7), for pasting into
//! the 开题 report: the same content as the Brief region, in either language.
//! Every piece of user text is escaped (`escape::md`), so nothing in a map
//! turns into a link, a heading, HTML or any other markup.

use super::escape::{md, md_block};
use crate::analysis::{brief_from, brief_with, gaps, people_by_stage, Brief, ChainIndex, CheckItem, Names};
use crate::i18n::exchange::{
    aside, brief_words, check_item, from_stage, list_sep, ready_count, steps, to_stage, who_there, BriefWords,
};
use crate::i18n::{gap_message, severity_name, Lang};
use crate::model::{Id, Map};

/// The brief of one topic; `None` when the map has no such topic.
pub fn brief_markdown(map: &Map, topic: &Id, lang: Lang) -> Option<String> {
    let all = gaps(map);
    let b = brief_from(map, topic, &all)?;
    let names = Names::new(map);
    Some(render(map, &b, &names, lang, 1))
}

/// Every topic's brief in one document, in topic file order, under the
/// project's title.
pub fn all_briefs_markdown(map: &Map, lang: Lang) -> String {
    let w = brief_words(lang);
    let all = gaps(map);
    let names = Names::new(map);
    let mut out = format!("# {}: {}\n", w.all_briefs, md(&map.project.title));
    if map.topics.is_empty() {
        out.push('\n');
        out.push_str(w.no_topics);
        out.push('\n');
        return out;
    }
    let index = ChainIndex::new(map);
    let people = people_by_stage(map);
    for t in &map.topics {
        if let Some(b) = brief_with(map, &t.id, &all, &index, &people) {
            out.push_str("\n---\n\n");
            out.push_str(&render(map, &b, &names, lang, 2));
        }
    }
    out
}

fn quoted(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => format!("\u{201c}{}\u{201d}", md(s)),
        Lang::Zh => format!("“{}”", md(s)),
    }
}

fn colon(lang: Lang) -> &'static str {
    crate::i18n::colon(lang)
}

/// The students at a stage, by name, or "nobody works there yet".
fn people(map: &Map, who: &[Id], w: &BriefWords, lang: Lang) -> String {
    if who.is_empty() {
        w.nobody.to_string()
    } else {
        who.iter().map(|p| md(map.person_name(p))).collect::<Vec<_>>().join(list_sep(lang))
    }
}

/// "by Li, Wang" / "负责人：李、王", or "nobody works there yet".
fn who_label(map: &Map, who: &[Id], word: &str, w: &BriefWords, lang: Lang) -> String {
    if who.is_empty() {
        return w.nobody.to_string();
    }
    who_there(lang, word, &people(map, who, w, lang))
}

fn artifact(a: &str, w: &BriefWords) -> String {
    if a.trim().is_empty() {
        w.unnamed.to_string()
    } else {
        format!("**{}**", md(a))
    }
}

/// `level` is the heading level of the brief's title (1 alone, 2 in the
/// all-briefs document).
fn render(map: &Map, b: &Brief, names: &Names, lang: Lang, level: usize) -> String {
    let w = brief_words(lang);
    let h1 = "#".repeat(level);
    let h2 = "#".repeat(level + 1);
    let c = colon(lang);
    let mut o = String::new();
    let Some(topic) = map.topic(&b.topic) else { return o };
    let stage = b.stage.as_ref().and_then(|s| map.stage(s));

    o.push_str(&format!("{h1} {}{c}{}\n\n", w.brief, md(&topic.title)));
    o.push_str(&format!("- **{}**{c}{}\n", w.student, md(map.person_name(&topic.student))));
    let date = if topic.defense_date.trim().is_empty() { w.not_set.to_string() } else { md(&topic.defense_date) };
    o.push_str(&format!("- **{}**{c}{date}\n", w.defense_date));
    if !topic.notes.trim().is_empty() {
        o.push_str(&format!("\n**{}**{}\n\n{}\n", w.notes, c.trim_end(), md_block(&topic.notes)));
    }

    // The project.
    let p = &map.project;
    o.push_str(&format!("\n{h2} {}{c}{}\n\n", w.project, md(&p.title)));
    let source = if p.source.trim().is_empty() { w.not_written.to_string() } else { md_block(&p.source) };
    o.push_str(&format!("**{}**{c}{source}\n\n", w.source));
    let background = if p.background.trim().is_empty() { w.not_written.to_string() } else { md_block(&p.background) };
    o.push_str(&format!("**{}**{}\n\n{background}\n", w.background, c.trim_end()));

    // Position.
    o.push_str(&format!("\n{h2} {}\n\n", w.position));
    match stage {
        None => o.push_str(&format!("- **{}**{c}{}\n", w.stage, w.not_placed)),
        Some(s) => {
            o.push_str(&format!("- **{}**{c}{}\n", w.stage, md(&s.name)));
            let phase = b.phase.as_ref().map_or_else(|| w.no_phase.to_string(), |ph| md(names.phase(ph)));
            o.push_str(&format!("- **{}**{c}{phase}\n", w.phase));
            let role = if s.role.trim().is_empty() { w.not_written.to_string() } else { md(&s.role) };
            o.push_str(&format!("- **{}**{c}{role}\n", w.role));
        }
    }

    // Inputs and outputs.
    if stage.is_some() {
        for (title, handoffs, external, note, incoming, none) in [
            (w.inputs, &b.inputs, &b.external_inputs, w.external_input, true, w.no_inputs),
            (w.outputs, &b.outputs, &b.external_outputs, w.external_output, false, w.no_outputs),
        ] {
            o.push_str(&format!("\n{h2} {title}\n\n"));
            for h in handoffs {
                let other = quoted(lang, names.stage(&h.stage));
                let (where_, who) = if incoming {
                    (from_stage(lang, &other), who_label(map, &h.people, w.by, &w, lang))
                } else {
                    (to_stage(lang, &other), who_label(map, &h.people, w.for_whom, &w, lang))
                };
                o.push_str(&format!("- {} — {where_}{}\n", artifact(&h.artifact, &w), aside(lang, &who)));
            }
            for x in external {
                o.push_str(&format!("- **{}** — {note}\n", md(x)));
            }
            if handoffs.is_empty() && external.is_empty() {
                o.push_str(&format!("{none}\n"));
            }
        }

        // The chain beyond: every upstream and downstream stage with its distance.
        for (title, list, up, none) in [
            (w.upstream, &b.upstream, true, w.nothing_upstream),
            (w.downstream, &b.downstream, false, w.nothing_downstream),
        ] {
            o.push_str(&format!("\n{h2} {title}\n\n"));
            if list.is_empty() {
                o.push_str(&format!("{none}\n"));
            }
            for r in list {
                let phase = r.phase.as_ref().map_or_else(|| w.no_phase.to_string(), |ph| md(names.phase(ph)));
                o.push_str(&format!(
                    "- {}{c}**{}**{} — {}\n",
                    steps(lang, r.steps, up),
                    md(names.stage(&r.stage)),
                    aside(lang, &phase),
                    people(map, &r.people, &w, lang)
                ));
            }
        }
    }

    // Supervisors, academic and enterprise apart.
    o.push_str(&format!("\n{h2} {}\n\n", w.supervisors));
    for (ids, label) in [(&b.academic, w.academic), (&b.enterprise, w.enterprise)] {
        let list: Vec<String> = ids
            .iter()
            .filter_map(|id| map.person(id))
            .map(|p| {
                if p.affiliation.trim().is_empty() {
                    md(&p.name)
                } else {
                    format!("{}{}", md(&p.name), aside(lang, &md(&p.affiliation)))
                }
            })
            .collect();
        let list = if list.is_empty() { w.none_yet.to_string() } else { list.join(list_sep(lang)) };
        o.push_str(&format!("- **{label}**{c}{list}\n"));
    }

    // Gaps.
    o.push_str(&format!("\n{h2} {}\n\n", w.gaps));
    if b.gaps.is_empty() {
        o.push_str(&format!("{}\n", w.no_gaps));
    }
    for g in &b.gaps {
        o.push_str(&format!("- **{}**{c}{}\n", severity_name(g.severity(), lang), md(&gap_message(g, names, lang))));
    }

    // Readiness checklist.
    let ok = b.checklist.iter().filter(|c| c.ok).count();
    o.push_str(&format!("\n{h2} {}{}\n\n", w.checklist, aside(lang, &ready_count(lang, ok, CheckItem::ALL.len()))));
    for check in &b.checklist {
        let mark = if check.ok { "x" } else { " " };
        o.push_str(&format!("- [{mark}] {}\n", check_item(check.item, lang)));
    }
    o
}
