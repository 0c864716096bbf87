//! The file format as a user meets it: what imports, what is refused and
//! with which words, and what comes back out.

use chainmap::format::{export, import, import_str, Problem};
use chainmap::templates::{Lang, Template};

const BASE: &str = r#"{
  "format": "chainmap",
  "version": 1,
  "project": {"title": "Demo", "phases": [{"id": "lab", "name": "Lab"}, {"id": "pilot", "name": "Pilot"}]},
  "stages": [
    {"id": "s1", "name": "Mechanism", "phase": "lab"},
    {"id": "s2", "name": "Casting", "phase": "pilot"}
  ],
  "flows": [{"id": "f1", "from": "s1", "to": "s2", "artifact": "spec"}],
  "people": [
    {"id": "p1", "name": "Student A", "kind": "student"},
    {"id": "p2", "name": "Prof B", "kind": "academic_supervisor"}
  ],
  "topics": [{"id": "t1", "title": "Casting window", "student": "p1", "stage": "s2", "supervisors": ["p2"]}]
}"#;

fn errors(text: &str) -> Vec<String> {
    import_str(text).expect_err("should be refused").iter().map(Problem::to_string).collect()
}

fn has(errs: &[String], needle: &str) -> bool {
    errs.iter().any(|e| e.contains(needle))
}

#[test]
fn every_error_of_a_file_is_listed_with_its_path() {
    let text = BASE
        .replace(r#""phase": "pilot""#, r#""phase": "pilott""#)
        .replace(r#""to": "s2""#, r#""to": "s9""#)
        .replace(r#""supervisors": ["p2"]"#, r#""supervisors": ["p1"]"#);
    let errs = errors(&text);
    assert!(has(&errs, r#"stages[1].phase: there is no phase "pilott" (known: lab, pilot)"#), "{errs:#?}");
    assert!(has(&errs, r#"flows[0].to: there is no stage "s9""#), "{errs:#?}");
    assert!(has(&errs, r#"topics[0].supervisors[0]: "p1" is a student, not a supervisor"#), "{errs:#?}");
    assert_eq!(errs.len(), 3, "{errs:#?}");
}

#[test]
fn a_missing_id_names_the_known_ones_once_each() {
    // Two stages share the id "a": both problems are listed, and the stages
    // the file does have are named once.
    let text = r#"{"format": "chainmap", "version": 1, "project": {"title": "T"},
      "stages": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}, {"id": "b", "name": "C"}],
      "flows": [{"id": "f", "from": "a", "to": "zz"}]}"#;
    let errs = errors(text);
    assert!(has(&errs, r#"stages[1].id: there is already a stage with id "a" (stages[0])"#), "{errs:#?}");
    assert!(has(&errs, r#"flows[0].to: there is no stage "zz" (known: a, b)"#), "{errs:#?}");
}

#[test]
fn broken_json_is_reported_by_line_and_column() {
    let text = "{\n  \"format\": \"chainmap\",\n  \"version\": 1\n  \"project\": {}\n}";
    let errs = errors(text);
    assert_eq!(errs, vec!["(line 4, column 3): expected ',' or '}'".to_string()]);
    let cut = &BASE[..BASE.len() / 2];
    assert!(errors(cut)[0].contains("ends too early"));
}

#[test]
fn a_newer_file_is_called_newer_not_full_of_unknown_fields() {
    let text = BASE.replace(r#""version": 1"#, r#""version": 2"#).replace("\"stages\"", "\"stagez\"");
    let errs = errors(&text);
    assert_eq!(errs, vec!["version: this file was made by a newer chainmap (version 2); this one reads version 1"]);
}

#[test]
fn not_a_chainmap_file_says_so() {
    assert!(errors("[1, 2]")[0].contains("not a chainmap file"));
    assert!(errors(r#"{"format": "excalidraw", "version": 2}"#)[0].starts_with("format: this is not a chainmap file"));
    assert!(errors(r#"{"version": 1, "project": {"title": "x"}}"#)[0].starts_with("format:"));
    assert!(errors(r#"{"format": "chainmap", "project": {"title": "x"}}"#)[0].starts_with("version: missing"));
    assert!(errors(r#"{"format": "chainmap", "version": "1", "project": {"title": "x"}}"#)[0]
        .starts_with("version: must be a whole number"));
    assert!(errors(r#"{"format": "chainmap", "version": 1.5, "project": {"title": "x"}}"#)[0].starts_with("version:"));
    assert!(errors(r#"{"format": "chainmap", "version": 0, "project": {"title": "x"}}"#)[0].starts_with("version:"));
}

#[test]
fn duplicate_keys_are_errors_not_last_wins() {
    let text =
        BASE.replace(r#"{"id": "s1", "name": "Mechanism""#, r#"{"id": "s1", "name": "Mechanism", "name": "Other""#);
    let errs = errors(&text);
    assert_eq!(errs, vec![r#"stages[0].name: the key "name" appears twice in the same object"#]);
}

#[test]
fn encodings_other_than_utf8_are_named() {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(BASE.as_bytes());
    assert!(import(&bom).is_ok(), "a UTF-8 BOM is ignored");
    let utf16: Vec<u8> = b"\xFF\xFE".iter().copied().chain(BASE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let e = import(&utf16).unwrap_err();
    assert!(e[0].to_string().contains("UTF-16"), "{e:?}");
    let mut bad = BASE.as_bytes().to_vec();
    bad[40] = 0xFF;
    let e = import(&bad).unwrap_err();
    assert!(e[0].to_string().contains("not UTF-8") && e[0].to_string().contains("line"), "{e:?}");
}

#[test]
fn limits_are_enforced() {
    let long = "x".repeat(201);
    assert!(has(&errors(&BASE.replace("Mechanism", &long)), "stages[0].name: is 201 characters long"));
    assert!(has(
        &errors(&BASE.replace("\"Mechanism\"", "\"Mech\\nanism\"")),
        "stages[0].name: holds a control character"
    ));
    let deep = format!(
        r#"{{"format":"chainmap","version":1,"project":{{"title":"x","extra":{}{}}}}}"#,
        "[".repeat(40),
        "]".repeat(40)
    );
    assert!(errors(&deep)[0].contains("nested more than 32 levels"));
    let huge = vec![b' '; 21 * 1024 * 1024];
    assert!(import(&huge).unwrap_err()[0].to_string().contains("at most 20 MiB"));
    let pos = BASE.replace(r#""phase": "lab"}"#, r#""phase": "lab", "pos": {"x": 1e400, "y": 0}}"#);
    assert!(has(&errors(&pos), "stages[0].pos.x: 1e400 is out of range"));
    let date = BASE.replace(r#""supervisors": ["p2"]"#, r#""supervisors": ["p2"], "defense_date": "2027-02-29""#);
    assert!(has(&errors(&date), "topics[0].defense_date"));
}

#[test]
fn unknown_fields_are_kept_noted_and_written_back() {
    let text = BASE
        .replace(r#""title": "Demo""#, r#""title": "Demo", "x_color": {"a": [1.50, true, null]}"#)
        .replace(r#""artifact": "spec"}"#, r#""artifact": "spec", "weight": 12345678901234567890}"#);
    let imported = import_str(&text).expect("imports");
    let paths: Vec<_> = imported.notes.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(paths, ["project.x_color", "flows[0].weight"]);
    let out = export(&imported.map);
    assert!(out.contains("\"x_color\": {\n      \"a\": [\n        1.50,\n        true,\n        null"), "{out}");
    assert!(out.contains("\"weight\": 12345678901234567890"), "{out}");
    assert_eq!(export(&import_str(&out).unwrap().map), out, "export → import → export is byte-identical");
}

#[test]
fn export_is_canonical_and_deterministic() {
    let a = export(&import_str(BASE).unwrap().map);
    assert!(a.ends_with("}\n"));
    assert!(a.starts_with("{\n  \"format\": \"chainmap\",\n  \"version\": 1,\n  \"project\": {"));
    let order: Vec<usize> = ["\"project\"", "\"stages\"", "\"flows\"", "\"people\"", "\"topics\""]
        .iter()
        .map(|k| a.find(k).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "fields in FORMAT.md order");
    assert_eq!(a, export(&import_str(&a).unwrap().map));
    // Compact input gives the same canonical bytes.
    let compact: String = BASE.split('\n').map(str::trim).collect();
    assert_eq!(export(&import_str(&compact).unwrap().map), a);
}

#[test]
fn positions_round_trip_exactly() {
    let text = BASE.replace(r#""phase": "lab"}"#, r#""phase": "lab", "pos": {"x": 0.1, "y": -1234567.8912345678}}"#);
    let m = import_str(&text).unwrap().map;
    let p = m.stages[0].pos.as_ref().unwrap();
    assert_eq!((p.x, p.y), (0.1, -1234567.8912345678));
    let out = export(&m);
    let again = import_str(&out).unwrap().map;
    let q = again.stages[0].pos.as_ref().unwrap();
    assert_eq!((q.x.to_bits(), q.y.to_bits()), (p.x.to_bits(), p.y.to_bits()));
    assert_eq!(export(&again), out);
}

#[test]
fn markup_in_text_is_kept_as_text() {
    let text = BASE.replace("Mechanism", "<script>alert(1)</script> & \\\"x\\\"");
    let m = import_str(&text).unwrap().map;
    assert_eq!(m.stages[0].name, "<script>alert(1)</script> & \"x\"");
    assert!(export(&m).contains(r#""name": "<script>alert(1)</script> & \"x\"""#));
}

#[test]
fn the_error_list_is_capped_but_counted() {
    let stages: Vec<String> = (0..300).map(|i| format!(r#"{{"id": "s{i}", "name": "S", "phase": "nope"}}"#)).collect();
    let text =
        format!(r#"{{"format":"chainmap","version":1,"project":{{"title":"x"}},"stages":[{}]}}"#, stages.join(","));
    let errs = errors(&text);
    assert_eq!(errs.len(), 101);
    assert!(errs[100].contains("and 200 more problems"), "{}", errs[100]);
}

#[test]
fn templates_survive_a_round_trip_in_both_languages() {
    for t in Template::ALL {
        for lang in [Lang::En, Lang::Zh] {
            let text = t.source(lang);
            assert_eq!(export(&import_str(text).unwrap().map), text);
        }
    }
}

#[test]
fn a_broken_element_does_not_shift_the_paths_of_the_next_ones() {
    let text = r#"{"format":"chainmap","version":1,"project":{"title":"x","phases":[{"id":"a","name":"A"}]},
        "stages":[{"id":"s0","name":"S"}, 5, {"id":"s2","name":"T","phase":"zz"}]}"#;
    let errs = errors(text);
    assert!(has(&errs, "stages[1]: must be an object, not a number"), "{errs:#?}");
    assert!(has(&errs, r#"stages[2].phase: there is no phase "zz""#), "{errs:#?}");
}

#[test]
fn a_top_level_that_is_not_an_object_is_placed_where_it_starts() {
    assert_eq!(errors("\n  [1]")[0].split(':').next(), Some("(line 2, column 3)"));
}

#[test]
fn huge_objects_and_many_phases_are_checked_quickly() {
    // 200,000 distinct keys: duplicate detection must not be quadratic.
    let keys: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\":0")).collect();
    let text = format!(r#"{{"format":"chainmap","version":1,"project":{{"title":"x"}},"x":{{{}}}}}"#, keys.join(","));
    let t = std::time::Instant::now();
    assert!(import_str(&text).is_ok());
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
    // 20,000 phases and 5,000 stages naming none of them.
    let phases: Vec<String> = (0..20_000).map(|i| format!(r#"{{"id":"p{i}","name":"P"}}"#)).collect();
    let stages: Vec<String> = (0..5_000).map(|i| format!(r#"{{"id":"s{i}","name":"S","phase":"nope"}}"#)).collect();
    let text = format!(
        r#"{{"format":"chainmap","version":1,"project":{{"title":"x","phases":[{}]}},"stages":[{}]}}"#,
        phases.join(","),
        stages.join(",")
    );
    let t = std::time::Instant::now();
    let errs = errors(&text);
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
    assert!(errs[0].contains("known: p0, p1"), "{}", errs[0]);
}

#[test]
fn a_huge_value_is_quoted_short_in_messages() {
    let text = BASE.replace(r#""phase": "pilot""#, &format!(r#""phase": "{}""#, "q".repeat(100_000)));
    let errs = errors(&text);
    assert!(errs.iter().all(|e| e.chars().count() < 300), "{:?}", errs.iter().map(|e| e.len()).collect::<Vec<_>>());
    assert!(has(&errs, "qqqq…"), "{errs:?}");
}

#[test]
fn deep_unknown_data_is_written_on_one_line_and_still_round_trips() {
    let zeros = vec!["0"; 50_000].join(",");
    let text = format!(
        r#"{{"format":"chainmap","version":1,"project":{{"title":"x"}},"deep":{}{}{},"shallow":{{"a":[1,2]}}}}"#,
        "[".repeat(29),
        zeros,
        "]".repeat(29)
    );
    let out = export(&import_str(&text).unwrap().map);
    assert!(out.len() < text.len() + 200, "indenting deep data must not blow it up: {} → {}", text.len(), out.len());
    assert!(out.contains("\"shallow\": {\n    \"a\": [\n      1,"), "shallow unknown data stays indented");
    assert_eq!(export(&import_str(&out).unwrap().map), out);
}
