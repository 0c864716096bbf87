//! The benchmark harness's seeded generator (`../shared/bench/lib/common.js`),
//! bit for bit: how the benchmarks pick the stages whose upstream and
//! downstream they walk (the wasm bench entry and the examples).

/// Numbers in [0, 1), the same sequence as mulberry32 in JavaScript.
pub fn mulberry32(seed: u32) -> impl FnMut() -> f64 {
    let mut a = seed;
    move || {
        a = a.wrapping_add(0x6D2B_79F5);
        let mut t = a;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}
