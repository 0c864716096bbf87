//! Entry points for the side-by-side benchmarks (../shared/bench), exported
//! from the app's wasm module. Outside the pure core: it names wasm_bindgen.

/// Lays out a bench graph (`{nodes:[{id,w,h}], edges:[{source,target}]}`)
/// with the diagram's layered layout and returns the layout as JSON text
/// (`{nodes:[{id,x,y,w,h}], edges:[{source,target,points}]}`, x and y the
/// centre). Bad input gives `{"error": "…"}`; it never panics.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn layout_json(graph: &str) -> String {
    match crate::layout::layout_graph_json(graph) {
        Ok(layout) => layout,
        Err(why) => format!("{{\"error\":{}}}", serde_json::to_string(&why).unwrap_or_else(|_| "\"?\"".into())),
    }
}
