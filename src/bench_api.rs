//! Entry points for the side-by-side benchmarks (../shared/bench and
//! bench/ in this repository), exported from the app's wasm module.
//! Outside the pure core: it names wasm_bindgen.

/// Lays out a bench graph (`{nodes:[{id,w,h}], edges:[{source,target}]}`)
/// with the diagram's layered layout and returns the layout as JSON text
/// (`{nodes:[{id,x,y,w,h}], edges:[{source,target,points}]}`, x and y the
/// centre). Bad input gives `{"error": "…"}`; it never panics.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn layout_json(graph: &str) -> String {
    match crate::layout::layout_graph_json(graph) {
        Ok(layout) => layout,
        Err(why) => error(&why),
    }
}

/// Imports a chainmap file and analyses it as the app does on opening it
/// (every gap, coverage), then takes the upstream and downstream of 100
/// stages picked as `bench/analysis` picks them (mulberry32, seed 42).
/// Returns counts as JSON text, or `{"error": "…"}`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyse_json(map: &str) -> String {
    let imported = match crate::format::import_str(map) {
        Ok(i) => i,
        Err(problems) => return error(&format!("invalid map: {}", problems.len())),
    };
    let m = &imported.map;
    let analysis = crate::analysis::analyse(m);
    let index = crate::analysis::ChainIndex::new(m);
    let (mut up, mut down) = (0usize, 0usize);
    let mut next = mulberry32(42);
    let picks = 100;
    for _ in 0..picks {
        let i = (next() * m.stages.len() as f64) as usize;
        let r = index.reach(i);
        up += r.upstream.len();
        down += r.downstream.len();
    }
    format!(
        "{{\"stages\":{},\"flows\":{},\"gaps\":{},\"mean_upstream\":{:.1},\"mean_downstream\":{:.1}}}",
        m.stages.len(),
        m.flows.len(),
        analysis.gaps.len(),
        up as f64 / picks as f64,
        down as f64 / picks as f64
    )
}

/// The bench harness's seeded generator (lib/common.js), bit for bit.
#[cfg(target_arch = "wasm32")]
fn mulberry32(seed: u32) -> impl FnMut() -> f64 {
    let mut a = seed;
    move || {
        a = a.wrapping_add(0x6D2B_79F5);
        let mut t = a;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}

#[cfg(target_arch = "wasm32")]
fn error(why: &str) -> String {
    format!("{{\"error\":{}}}", serde_json::to_string(why).unwrap_or_else(|_| "\"?\"".into()))
}
