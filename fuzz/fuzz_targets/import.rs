//! Any bytes → `format::import`. Never panics; a rejection names its place;
//! an accepted map is valid, exports canonically (export → import → export
//! is byte-identical), and analysis, layout and the exports do not panic.
#![no_main]

use chainmap::format::{self, export, import, validate, Place, ProblemKind};
use chainmap::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match import(data) {
        Err(problems) => {
            assert!(!problems.is_empty(), "rejected without a problem");
            assert!(problems.len() <= format::MAX_PROBLEMS + 1, "{} problems", problems.len());
            for p in &problems {
                let placed = match &p.place {
                    Place::Text { line, column } => *line >= 1 && *column >= 1,
                    Place::Path(_) => true,
                    Place::File => matches!(
                        p.kind,
                        ProblemKind::TooLarge { .. } | ProblemKind::Utf16 | ProblemKind::MoreProblems { .. }
                    ),
                };
                assert!(placed, "a problem without a place: {p:?}");
                let _ = p.to_string();
            }
        }
        Ok(imported) => {
            let map = imported.map;
            let problems = validate::check(&map);
            assert!(problems.is_empty(), "accepted an invalid map: {problems:?}");
            let first = export(&map);
            let again = import(first.as_bytes()).expect("the export of an accepted map imports");
            assert_eq!(again.map, map, "export → import changes the map");
            let second = export(&again.map);
            assert_eq!(first, second, "export → import → export is not byte-identical");
            let _ = chainmap::analysis::analyse(&map);
            let _ = chainmap::layout::diagram(&map);
            let _ = chainmap::export::svg(&map, Lang::En);
            let _ = chainmap::export::all_briefs_markdown(&map, Lang::Zh);
            let _ = chainmap::export::to_canvas(&map);
        }
    }
});
