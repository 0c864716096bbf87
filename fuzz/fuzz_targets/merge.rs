//! Two maps → `merge::merge`, both ways. The input is split at its first NUL
//! byte (a byte no JSON text holds) into two files; without one, the map is
//! merged with itself. When both import, every way of settling the
//! conflicts gives a map that passes `format::validate::check` and exports
//! to a file that opens again; merging a map with itself changes nothing.
#![no_main]

use chainmap::format::{export, import, validate};
use chainmap::merge::{merge, Choice};
use chainmap::model::Map;
use libfuzzer_sys::fuzz_target;

fn settled_ok(mine: &Map, theirs: &Map, pattern: u8) {
    let r = merge(mine, theirs);
    let alternating: Vec<Choice> = (0..r.conflicts.len())
        .map(|i| if (pattern >> (i % 8)) & 1 == 1 { Choice::TakeTheirs } else { Choice::KeepMine })
        .collect();
    for resolved in
        [r.resolve_all(Choice::KeepMine), r.resolve_all(Choice::TakeTheirs), r.resolve(&alternating), r.preview()]
    {
        let problems = validate::check(&resolved.map);
        assert!(problems.is_empty(), "merge gave an invalid map: {problems:?}");
        let text = export(&resolved.map);
        let again = import(text.as_bytes()).expect("a merged map's export imports");
        assert_eq!(export(&again.map), text, "a merged map does not round-trip");
    }
}

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&c| c == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let (Ok(a), Ok(b)) = (import(a), import(b)) else { return };
    let (a, b) = (a.map, b.map);
    assert!(merge(&a, &a).is_noop(), "merging a map with itself is not a no-op");
    let pattern = data.first().copied().unwrap_or(0) ^ data.last().copied().unwrap_or(0);
    settled_ok(&a, &b, pattern);
    settled_ok(&b, &a, !pattern);
});
