//! The export buttons' effects: SVG, PNG (the SVG drawn at 2× on a canvas
//! in the browser), coverage CSV, JSON Canvas, Graphviz DOT and Mermaid —
//! all built by the core's `export` module, so the CLI writes the same bytes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::effects::{download, file_name};
use crate::export;
use crate::i18n::Lang;
use crate::layout::Diagram;
use crate::model::Map;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Svg,
    Png,
    Csv,
    Canvas,
    Dot,
    Mermaid,
}

pub fn run(kind: Kind, map: &Map, diagram: &Diagram, lang: Lang) {
    let title = &map.project.title;
    match kind {
        Kind::Svg => download(&file_name(title, "svg"), "image/svg+xml", &export::svg_of(map, diagram, lang)),
        Kind::Png => png(&export::svg_of(map, diagram, lang), diagram.width, diagram.height, &file_name(title, "png")),
        Kind::Csv => {
            download(&file_name(title, "coverage.csv"), "text/csv;charset=utf-8", &export::coverage_csv(map, lang))
        }
        Kind::Canvas => download(&file_name(title, "canvas"), "application/json", &export::to_canvas(map)),
        Kind::Dot => download(&file_name(title, "dot"), "text/vnd.graphviz", &export::dot(map)),
        Kind::Mermaid => download(&file_name(title, "mmd"), "text/plain", &export::mermaid(map)),
    }
}

/// Draws the SVG on a canvas at twice its size and offers the PNG.
fn png(svg: &str, width: f64, height: f64, name: &str) {
    let blob = gloo::file::Blob::new_with_options(svg, Some("image/svg+xml"));
    let url = gloo::file::ObjectUrl::from(blob);
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let src = url.to_string();
    let name = name.to_string();
    let img2 = img.clone();
    let onload = Closure::once(move || {
        let _keep = &url;
        let doc = gloo::utils::document();
        let Some(canvas) =
            doc.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        let scale = 2.0;
        canvas.set_width((width * scale).ceil() as u32);
        canvas.set_height((height * scale).ceil() as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, width * scale, height * scale);
        let _ = ctx.scale(scale, scale);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, width, height);
        let done = Closure::once(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                let url = gloo::file::ObjectUrl::from(gloo::file::Blob::from(blob));
                save_url(&url, &name);
                gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
            }
        });
        let _ = canvas.to_blob(done.as_ref().unchecked_ref());
        done.forget();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&src);
}

fn save_url(url: &str, name: &str) {
    let doc = gloo::utils::document();
    let Some(a) = doc.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}
