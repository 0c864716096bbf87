//! The export buttons' effects: SVG, PNG (the SVG drawn on a canvas in the
//! browser, at 2× when the canvas can take it), coverage CSV, JSON Canvas,
//! Graphviz DOT and Mermaid — all built by the core's `export` module, so
//! the CLI writes the same bytes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::effects::{download, file_name};
use super::Dispatch;
use crate::editor::Action;
use crate::export::{self, PngSize};
use crate::i18n::{t, Key, Lang};
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

/// Runs an export; what goes wrong is told through `dispatch` as a notice.
pub fn run(kind: Kind, map: &Map, diagram: &Diagram, lang: Lang, dispatch: &Dispatch) {
    let title = &map.project.title;
    match kind {
        Kind::Svg => download(&file_name(title, "svg"), "image/svg+xml", &export::svg_of(map, diagram, lang)),
        Kind::Png => png(
            &export::svg_of(map, diagram, lang),
            export::svg_size(diagram),
            &file_name(title, "png"),
            lang,
            dispatch,
        ),
        Kind::Csv => {
            download(&file_name(title, "coverage.csv"), "text/csv;charset=utf-8", &export::coverage_csv(map, lang))
        }
        Kind::Canvas => download(&file_name(title, "canvas"), "application/json", &export::to_canvas(map)),
        Kind::Dot => download(&file_name(title, "dot"), "text/vnd.graphviz", &export::dot(map)),
        Kind::Mermaid => download(&file_name(title, "mmd"), "text/plain", &export::mermaid(map)),
    }
}

/// Draws the SVG, `width` × `height`, on a canvas (at 2×, or at the scale
/// that keeps the canvas within the browser's limits: `export::png_size`)
/// and offers the PNG. Says so when the browser cannot draw it, and when the PNG is
/// smaller than the map on screen.
fn png(svg: &str, (width, height): (f64, f64), name: &str, lang: Lang, dispatch: &Dispatch) {
    let size = export::png_size(width, height);
    let failed = {
        let dispatch = dispatch.clone();
        move || notice(&dispatch, t(lang, Key::PngFailed).to_string())
    };
    let blob = gloo::file::Blob::new_with_options(svg, Some("image/svg+xml"));
    let url = gloo::file::ObjectUrl::from(blob);
    let Ok(img) = web_sys::HtmlImageElement::new() else { return failed() };
    let src = url.to_string();
    let name = name.to_string();
    let img2 = img.clone();
    let dispatch = dispatch.clone();
    let on_error = failed.clone();
    // A big map takes seconds to draw: say so until the PNG is offered.
    notice(&dispatch, t(lang, Key::PngDrawing).to_string());
    let onload = Closure::once(move || {
        let _keep = &url;
        let Some(canvas) = draw(&img2, size, width, height) else { return failed() };
        let refused = failed.clone();
        let done = Closure::once(move |blob: Option<web_sys::Blob>| {
            let Some(blob) = blob else { return failed() };
            let url = gloo::file::ObjectUrl::from(gloo::file::Blob::from(blob));
            save_url(&url, &name);
            gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
            if size.scale < 1.0 {
                let percent = (size.scale * 100.0).round().max(1.0) as u32;
                notice(&dispatch, crate::i18n::exchange::png_scaled(lang, percent));
            } else {
                dispatch.emit(Action::Notice(None));
            }
        });
        if canvas.to_blob(done.as_ref().unchecked_ref()).is_err() {
            refused();
        }
        done.forget();
    });
    let onerror = Closure::once(on_error);
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    img.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onload.forget();
    onerror.forget();
    img.set_src(&src);
}

/// The image drawn on a white canvas of `size`, or nothing when the browser
/// gives no canvas, no context or no drawing. (A canvas past its limits may
/// still come with a context: then `toBlob` gives null.)
fn draw(img: &web_sys::HtmlImageElement, size: PngSize, width: f64, height: f64) -> Option<web_sys::HtmlCanvasElement> {
    let canvas =
        gloo::utils::document().create_element("canvas").ok()?.dyn_into::<web_sys::HtmlCanvasElement>().ok()?;
    canvas.set_width(size.px_width);
    canvas.set_height(size.px_height);
    let ctx = canvas.get_context("2d").ok()??.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(size.px_width), f64::from(size.px_height));
    ctx.scale(size.scale, size.scale).ok()?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, width, height).ok()?;
    Some(canvas)
}

fn notice(dispatch: &Dispatch, text: String) {
    dispatch.emit(Action::Notice(Some(text)));
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
