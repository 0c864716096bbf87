//! Everything a map is exported as besides its own JSON (issue 5): the
//! defense brief as Markdown, the diagram as SVG, the chain as Graphviz DOT
//! and Mermaid text, the coverage as CSV, and JSON Canvas both ways.
//!
//! Pure functions of a map, shared by the app (download buttons) and the
//! command line. Every piece of user text is escaped for the output's
//! language (`escape`): a map is data, never markup, a link or a formula.
//! Every output is deterministic: the same map gives the same bytes.

pub mod brief_md;
pub mod canvas;
mod csv;
pub mod escape;
mod graph;
pub mod png;
mod svg;

pub use brief_md::{all_briefs_markdown, brief_markdown};
pub use canvas::{from_canvas, from_canvas_titled, to_canvas, CanvasNote, FromCanvas};
pub use csv::coverage_csv;
pub use graph::{dot, mermaid};
pub use png::{png_size, PngSize};
pub use svg::{svg, svg_of, svg_size, FONTS};
