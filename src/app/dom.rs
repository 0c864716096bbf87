//! Small browser helpers: the address, the browser's languages, `<html lang>`.

use crate::i18n::Lang;

/// `?lang=zh` / `?lang=en` in the address, if present.
pub fn forced_lang() -> Option<Lang> {
    let search = gloo::utils::window().location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        if k == "lang" {
            Lang::from_tag(v)
        } else {
            None
        }
    })
}

/// The language to start in: the address, else the browser's preferences.
pub fn initial_lang() -> Lang {
    if let Some(l) = forced_lang() {
        return l;
    }
    let nav = gloo::utils::window().navigator();
    let langs: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    let mut prefs: Vec<&str> = langs.iter().map(String::as_str).collect();
    let first = nav.language();
    if let Some(f) = first.as_deref() {
        prefs.push(f);
    }
    Lang::negotiate(prefs)
}

pub fn set_document_lang(lang: Lang) {
    if let Some(el) = gloo::utils::document().document_element() {
        let _ = el.set_attribute("lang", lang.tag());
    }
}

pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

/// Runs `f` once the next frame has been painted: in a task after the
/// animation frame that follows now, so that what the current render drew
/// is on screen before `f`'s work begins. (A page in a background tab gets
/// no frames: `f` then runs when the page is shown.)
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, f).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}
