//! Entry points for the side-by-side benchmarks (../shared/bench and
//! bench/ in this repository), exported from the app's wasm module.
//! Outside the pure core: it names wasm_bindgen and js_sys.
//!
//! The text of a file comes in as a JavaScript string and is turned into
//! UTF-8 bytes by the browser's `TextEncoder` inside the timed call (the
//! app reads files as bytes; wasm-bindgen's own conversion of a `&str`
//! argument copies a 3 MB file one character at a time in JavaScript).

#[cfg(target_arch = "wasm32")]
use js_sys::JsString;

/// Lays out a bench graph (`{nodes:[{id,w,h}], edges:[{source,target}]}`)
/// with the diagram's layered layout and returns the layout as JSON text
/// (`{nodes:[{id,x,y,w,h}], edges:[{source,target,points}]}`, x and y the
/// centre). Bad input gives `{"error": "…"}`; it never panics.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn layout_json(graph: &JsString) -> String {
    let text = match String::from_utf8(utf8_of(graph)) {
        Ok(text) => text,
        Err(_) => return error("not UTF-8 text"),
    };
    match crate::layout::layout_graph_json(&text) {
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
pub fn analyse_json(map: &JsString) -> String {
    let bytes = utf8_of(map);
    let imported = match crate::format::import(&bytes) {
        Ok(i) => i,
        Err(problems) => return error(&format!("invalid map: {}", problems.len())),
    };
    let m = &imported.map;
    let analysis = crate::analysis::analyse(m);
    let index = crate::analysis::ChainIndex::new(m);
    let (mut up, mut down) = (0usize, 0usize);
    let mut next = crate::seeded::mulberry32(42);
    let picks = 100;
    for _ in 0..picks {
        let i = (next() * m.stages.len() as f64) as usize;
        let r = index.reach(i);
        up += r.upstream.len();
        down += r.downstream.len();
    }
    // Gaps by code, in catalogue order: bench/run-analysis.js checks them
    // against the same workload written on graphology.
    let by_code: Vec<String> = crate::analysis::GapCode::ALL
        .iter()
        .map(|&code| (code, analysis.gaps.iter().filter(|g| g.code == code).count()))
        .filter(|&(_, n)| n > 0)
        .map(|(code, n)| format!("\"{}\":{n}", code.as_str()))
        .collect();
    format!(
        "{{\"stages\":{},\"flows\":{},\"gaps\":{},\"by_code\":{{{}}},\"mean_upstream\":{:.1},\"mean_downstream\":{:.1}}}",
        m.stages.len(),
        m.flows.len(),
        analysis.gaps.len(),
        by_code.join(","),
        up as f64 / picks as f64,
        down as f64 / picks as f64
    )
}

/// The UTF-8 bytes of a JavaScript string, written straight into wasm
/// memory by `TextEncoder.encodeInto` (wasm-bindgen's conversion where
/// that is not there).
#[cfg(target_arch = "wasm32")]
fn utf8_of(s: &JsString) -> Vec<u8> {
    let units = s.length() as usize;
    // One byte per UTF-16 unit for ASCII text; at most three for any text.
    for room in [units, 3 * units] {
        let mut buf = vec![0u8; room];
        match encode_into(s, &mut buf) {
            Some((read, written)) if read == units && written <= room => {
                buf.truncate(written);
                return buf;
            }
            Some(_) => continue,
            None => break,
        }
    }
    String::from(s).into_bytes()
}

/// `new TextEncoder().encodeInto(s, buf)`: the UTF-16 units read and the bytes written.
#[cfg(target_arch = "wasm32")]
fn encode_into(s: &JsString, buf: &mut [u8]) -> Option<(usize, usize)> {
    use js_sys::{Array, Function, Reflect, Uint8Array, WebAssembly};
    use wasm_bindgen::JsCast;
    let ctor = Reflect::get(&js_sys::global(), &"TextEncoder".into()).ok()?.dyn_into::<Function>().ok()?;
    let encoder = Reflect::construct(&ctor, &Array::new()).ok()?;
    let encode_into = Reflect::get(&encoder, &"encodeInto".into()).ok()?.dyn_into::<Function>().ok()?;
    // A view of `buf` in wasm memory (taken after `buf` was allocated, which may have grown the memory).
    let memory = wasm_bindgen::memory().dyn_into::<WebAssembly::Memory>().ok()?;
    let view = Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), buf.as_mut_ptr() as u32, buf.len() as u32);
    let result = encode_into.call2(&encoder, s, &view).ok()?;
    let field = |name: &str| Reflect::get(&result, &name.into()).ok().and_then(|v| v.as_f64()).map(|v| v as usize);
    Some((field("read")?, field("written")?))
}

/// `{"error": "…"}` with the reason as a JSON string.
#[cfg(target_arch = "wasm32")]
fn error(why: &str) -> String {
    let mut out = String::from("{\"error\":");
    crate::json::write_string(&mut out, why);
    out.push('}');
    out
}
