//! In-browser tests (wasm-bindgen-test, headless chromium):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
//! Placeholder that proves the harness: the file format round-trips inside
//! the browser's wasm runtime exactly as it does natively.
#![cfg(target_arch = "wasm32")]

use chainmap::format::{export, import_str};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOC: &str = r#"{
  "format": "chainmap",
  "version": 1,
  "project": {
    "title": "铝合金 / Al alloy",
    "phases": [{ "id": "lab", "name": "实验室研究" }, { "id": "pilot", "name": "中试" }]
  },
  "stages": [
    { "id": "comp", "name": "Composition design", "phase": "lab", "pos": { "x": 0.1, "y": -12.5 } },
    { "id": "cast", "name": "Casting trials", "phase": "pilot", "x_newer_field": [1, 2, 3] }
  ],
  "flows": [{ "id": "f1", "from": "comp", "to": "cast", "artifact": "alloy recipe" }]
}
"#;

#[wasm_bindgen_test]
fn import_export_round_trip_in_the_browser() {
    let first = import_str(DOC).expect("the document imports");
    assert_eq!(first.map.project.title, "铝合金 / Al alloy");
    assert_eq!(first.map.stages.len(), 2);
    let out = export(&first.map);
    let second = import_str(&out).expect("the export imports again");
    assert_eq!(second.map, first.map);
    assert_eq!(export(&second.map), out, "export is deterministic");
    assert!(out.contains("x_newer_field"), "unknown fields are kept");
}

#[wasm_bindgen_test]
fn broken_file_is_rejected_in_the_browser() {
    assert!(import_str("{\"format\": \"chainmap\", ").is_err());
}

// ---- Components, mounted in the real browser DOM ----

mod components {
    use chainmap::app::{App, Shared};
    use chainmap::i18n::Lang;
    use chainmap::templates::Template;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::{Element, HtmlElement};

    async fn mount(template: Template, lang: Lang) -> Element {
        let doc = gloo::utils::document();
        let root = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&root).unwrap();
        let props = chainmap::app::AppProps {
            initial: Some(Shared::new(template.map(lang))),
            lang: Some(lang),
            no_storage: true,
        };
        yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        // The side panels follow the diagram's first painted frame.
        for _ in 0..200 {
            if root.query_selector("section[aria-label=\"Inspector\"], section[aria-label=\"详情\"]").unwrap().is_some()
            {
                break;
            }
            tick().await;
        }
        root
    }

    async fn tick() {
        yew::platform::time::sleep(std::time::Duration::from_millis(30)).await;
    }

    /// Waits (up to 3 s, a tick at a time) until `ready` holds, for what
    /// the app draws after more than one frame (a loaded machine can take
    /// longer than a tick to draw the Inspector after a click).
    async fn until(mut ready: impl FnMut() -> bool) {
        for _ in 0..100 {
            if ready() {
                return;
            }
            tick().await;
        }
    }

    fn all(root: &Element, sel: &str) -> Vec<Element> {
        let list = root.query_selector_all(sel).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
    }

    fn region(root: &Element, name: &str) -> Element {
        root.query_selector(&format!("section[aria-label=\"{name}\"]")).unwrap().expect("region")
    }

    fn button(root: &Element, text: &str) -> HtmlElement {
        all(root, "button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button {text}"))
            .dyn_into()
            .unwrap()
    }

    #[wasm_bindgen_test]
    async fn the_diagram_draws_lanes_cards_and_labels() {
        let root = mount(Template::Sand, Lang::En).await;
        tick().await;
        let lanes: Vec<String> = all(&root, ".lane-title").iter().map(|e| e.text_content().unwrap()).collect();
        assert_eq!(lanes, ["Lab research", "Pilot test", "Industrial production", "Market"]);
        assert_eq!(all(&root, "g.stage").len(), 5);
        assert_eq!(all(&root, "g.flow").len(), 5);
        assert_eq!(all(&root, "g.flow.back").len(), 1, "the recycling flow arcs back");
        let reclaim = root.query_selector("g.stage[data-stage=reclaim] [role=button]").unwrap().unwrap();
        assert_eq!(
            reclaim.get_attribute("aria-label").unwrap(),
            "Used sand reclamation (stage, Industrial production; 2 students: Ma with an academic supervisor, Sun)"
        );
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn clicking_a_card_fills_the_inspector_and_marks_the_chain() {
        let root = mount(Template::Alloy, Lang::En).await;
        tick().await;
        let card: HtmlElement =
            root.query_selector("g.stage[data-stage=cast] [role=button]").unwrap().unwrap().unchecked_into();
        card.dispatch_event(&web_sys::MouseEvent::new("click").unwrap()).unwrap();
        until(|| all(&root, "g.stage.down").len() == 3).await;
        let inspector = region(&root, "Inspector");
        let text = inspector.text_content().unwrap();
        assert!(text.contains("alloy specification"), "{text}");
        assert!(text.contains("Composition design"), "{text}");
        assert!(text.contains("cast samples"), "{text}");
        assert_eq!(all(&root, "g.stage.up").len(), 2, "mech and comp are upstream");
        assert_eq!(all(&root, "g.stage.down").len(), 3, "heat, part and cert are downstream");
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn add_stage_then_undo_and_redo() {
        let root = mount(Template::Empty, Lang::En).await;
        tick().await;
        assert_eq!(all(&root, "g.stage").len(), 0);
        button(&root, "Add stage").click();
        until(|| all(&root, "g.stage").len() == 1).await;
        assert_eq!(all(&root, "g.stage").len(), 1);
        let gaps = region(&root, "Gaps").text_content().unwrap();
        assert!(gaps.contains("New stage"), "the new stage has gaps: {gaps}");
        button(&root, "Undo").click();
        until(|| all(&root, "g.stage").is_empty()).await;
        assert_eq!(all(&root, "g.stage").len(), 0);
        button(&root, "Redo").click();
        until(|| all(&root, "g.stage").len() == 1).await;
        assert_eq!(all(&root, "g.stage").len(), 1);
        root.remove();
    }

    /// Every Inspector label names its own control, in Chinese too (the ids
    /// were once made from the ASCII letters of the label only, so every
    /// Chinese label pointed at the first field).
    #[wasm_bindgen_test]
    async fn every_inspector_label_names_its_own_control_in_chinese() {
        let root = mount(Template::Alloy, Lang::Zh).await;
        tick().await;
        for selector in ["g.stage[data-stage=cast] [role=button]", "g.stage[data-stage=heat] [role=button]"] {
            let card: HtmlElement = root.query_selector(selector).unwrap().unwrap().unchecked_into();
            card.dispatch_event(&web_sys::MouseEvent::new("click").unwrap()).unwrap();
            tick().await;
            until(|| all(&region(&root, "详情"), "label[for]").len() >= 4).await;
            let inspector = region(&root, "详情");
            let labels = all(&inspector, "label[for]");
            assert!(labels.len() >= 4, "the stage form has its fields: {}", labels.len());
            let mut ids: Vec<String> = labels.iter().map(|l| l.get_attribute("for").unwrap()).collect();
            for (label, id) in labels.iter().zip(&ids) {
                let control = gloo::utils::document().get_element_by_id(id);
                let text = label.text_content().unwrap_or_default();
                let control = control.unwrap_or_else(|| panic!("label {text} names no control ({id})"));
                assert!(
                    matches!(control.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"),
                    "label {text} names a {}",
                    control.tag_name()
                );
            }
            let count = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), count, "two labels share an id: {ids:?}");
        }
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn switching_language_changes_every_label() {
        let root = mount(Template::Alloy, Lang::En).await;
        tick().await;
        button(&root, "中文").click();
        // The page's own `lang` is set by an effect after the render.
        let page_lang = || gloo::utils::document().document_element().and_then(|e| e.get_attribute("lang"));
        until(|| {
            root.query_selector("section[aria-label=\"缺口\"]").ok().flatten().is_some()
                && page_lang().as_deref() == Some("zh-CN")
        })
        .await;
        assert!(root.query_selector("section[aria-label=\"缺口\"]").unwrap().is_some());
        assert!(root.query_selector("section[aria-label=\"Gaps\"]").unwrap().is_none());
        assert_eq!(gloo::utils::document().document_element().unwrap().get_attribute("lang").unwrap(), "zh-CN");
        button(&root, "English").click();
        until(|| page_lang().as_deref() == Some("en")).await;
        assert_eq!(page_lang().as_deref(), Some("en"));
        root.remove();
    }
}
