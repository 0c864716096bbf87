//! chainmap: value-chain maps for university–enterprise R&D projects.
//!
//! The pure core (`json`, `model`, `format`, `analysis`, `templates`,
//! `i18n`, `cli`) is plain Rust, tested natively; `app` is the Yew web app
//! and exists only on wasm32. See ARCHITECTURE.md for the codemap.

pub mod analysis;
pub mod cli;
pub mod editor;
pub mod export;
pub mod format;
pub mod i18n;
pub mod json;
pub mod layout;
pub mod merge;
pub mod model;
pub mod seeded;
pub mod sorting;
pub mod strongly_connected;
pub mod templates;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod bench_api;
