//! Side effects the reducer must not do: new random ids, downloads, reading
//! files, the browser's storage, the clock.

use wasm_bindgen::JsCast;

use crate::model::{Id, IdSource, Map};

/// New ids from the browser's random numbers.
pub struct BrowserIds;

impl IdSource for BrowserIds {
    fn next_u64(&mut self) -> u64 {
        let hi = (js_sys::Math::random() * 4294967296.0) as u64;
        let lo = (js_sys::Math::random() * 4294967296.0) as u64;
        (hi << 32) ^ lo
    }
}

/// A fresh id for a new entity of a map, e.g. `stage-k3v9q2mx`.
pub fn new_id(map: &Map, prefix: &str) -> Id {
    let taken = |id: &Id| {
        map.stage(id).is_some()
            || map.flow(id).is_some()
            || map.person(id).is_some()
            || map.topic(id).is_some()
            || map.phase(id).is_some()
    };
    BrowserIds.fresh(prefix, &taken)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let doc = gloo::utils::document();
    let Ok(a) = doc.create_element("a") else { return };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else { return };
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // Keep the object URL alive until the browser has taken the download.
    let keep = url;
    gloo::timers::callback::Timeout::new(60_000, move || drop(keep)).forget();
}

/// A file name from the map's title: `TITLE.chainmap.json`, without
/// characters that file systems refuse.
pub fn file_name(title: &str, ext: &str) -> String {
    let cleaned: String = title
        .trim()
        .chars()
        .map(|c| if c.is_control() || "\\/:*?\"<>|".contains(c) { '_' } else { c })
        .take(80)
        .collect();
    let base = if cleaned.trim().is_empty() { "chainmap".to_string() } else { cleaned.trim().to_string() };
    format!("{base}.{ext}")
}

/// A JSON Canvas file rather than a chainmap one: by its name, or by its
/// content (`nodes`/`edges` and no `"format": "chainmap"`).
pub fn looks_like_canvas(name: &str, bytes: &[u8]) -> bool {
    if name.to_ascii_lowercase().ends_with(".canvas") {
        return true;
    }
    // Keys may come in any order: look at the parsed top level.
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    match crate::json::parse(&text) {
        Ok(parsed) => {
            let v = &parsed.value;
            v.get("format").is_none() && (v.get("nodes").is_some() || v.get("edges").is_some())
        }
        Err(_) => false,
    }
}

/// The local time as `HH:MM`.
pub fn now_hhmm() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

pub mod storage {
    #![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
    //! Autosave in localStorage: one key holds `{"rev": N, "map": TEXT}`,
    //! written in one step. `rev` grows with every save from any tab, so a
    //! tab can tell that another one saved a newer map since it last looked.
    use crate::json::{self, Value};
    use wasm_bindgen::{JsCast, JsValue};

    pub const KEY: &str = "chainmap.autosave.v2";

    fn store() -> Option<web_sys::Storage> {
        gloo::utils::window().local_storage().ok().flatten()
    }

    /// The saved map text and its revision.
    pub fn load() -> Option<(String, u64)> {
        parse(&store()?.get_item(KEY).ok().flatten()?)
    }

    /// Reads an autosave entry (also what a `storage` event carries).
    pub fn parse(raw: &str) -> Option<(String, u64)> {
        let v = json::parse(raw).ok()?.value;
        let (Some(Value::String(map)), Some(Value::Number(rev))) = (v.get("map"), v.get("rev")) else { return None };
        Some((map.clone(), rev.parse().ok()?))
    }

    /// The revision of an autosave entry without reading the map in it:
    /// entries are written as `{"rev":N,"map":…}`, so N is read off the
    /// front (anything else is parsed in full).
    fn rev_of(raw: &str) -> u64 {
        rev_in_front(raw).or_else(|| parse(raw).map(|(_, rev)| rev)).unwrap_or(0)
    }

    fn rev_in_front(raw: &str) -> Option<u64> {
        let rest = raw.strip_prefix("{\"rev\":")?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (n, after) = (rest.get(..digits)?, rest.get(digits..)?);
        after.starts_with(",\"map\":").then(|| n.parse().ok()).flatten()
    }

    /// An entry is its head, which carries the revision, then its body.
    fn entry_head(rev: u64) -> String {
        format!("{{\"rev\":{rev}")
    }

    fn entry_body(text: &str) -> String {
        let mut body = String::with_capacity(text.len() + text.len() / 8 + 16);
        body.push_str(",\"map\":");
        json::write_string(&mut body, text);
        body.push('}');
        body
    }

    /// The stored entry as a JavaScript string: a map of thousands of
    /// stages is megabytes, and only its first characters are read here.
    fn stored(s: &web_sys::Storage) -> Option<js_sys::JsString> {
        let get: js_sys::Function = js_sys::Reflect::get(s, &"getItem".into()).ok()?.dyn_into().ok()?;
        get.call1(s, &KEY.into()).ok()?.dyn_into().ok()
    }

    /// The revision of a stored entry, read off its first characters
    /// (an entry of another layout is read whole).
    fn stored_rev(raw: &js_sys::JsString) -> u64 {
        rev_in_front(&String::from(raw.slice(0, 48))).unwrap_or_else(|| rev_of(&String::from(raw)))
    }

    pub fn current_rev() -> u64 {
        store().and_then(|s| stored(&s)).map_or(0, |raw| stored_rev(&raw))
    }

    pub enum Saved {
        /// Saved as this revision.
        Ok(u64),
        /// Another tab saved revision `theirs` after this tab's `known`: nothing written.
        Newer { theirs: u64 },
        /// The browser refused (storage full or disabled).
        Refused,
    }

    /// Saves unless another tab saved a newer map since revision `known`.
    /// The map's text crosses into JavaScript once: the stored entry is
    /// compared and replaced there (a 10,000-stage map is 3 MB).
    pub fn save(text: &str, known: u64, force: bool) -> Saved {
        let Some(s) = store() else { return Saved::Refused };
        let stored = stored(&s);
        let theirs = stored.as_ref().map_or(0, stored_rev);
        let body = js_sys::JsString::from(entry_body(text));
        let entry_as = |rev: u64| js_sys::JsString::from(entry_head(rev)).concat(&body);
        // The same map is already saved (e.g. just loaded from the other tab).
        if stored.as_ref().is_some_and(|raw| JsValue::from(raw) == JsValue::from(entry_as(theirs))) {
            return Saved::Ok(theirs);
        }
        if theirs > known && !force {
            return Saved::Newer { theirs };
        }
        let rev = theirs.max(known) + 1;
        let set = js_sys::Reflect::get(&s, &"setItem".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match set.map(|f| f.call2(&s, &KEY.into(), &entry_as(rev))) {
            Some(Ok(_)) => Saved::Ok(rev),
            _ => Saved::Refused,
        }
    }
}
