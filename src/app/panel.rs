//! A side panel: a landmark region with a heading whose button collapses
//! and expands the panel's body. Whether it is open is kept by the
//! component that fills it (`use_panel`), which builds no body while it
//! is closed: a collapsed panel costs nothing on a big map.

use yew::prelude::*;

use crate::i18n::{t, Key, Lang};

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub title: AttrValue,
    pub class: AttrValue,
    pub lang: Lang,
    /// From `use_panel` in the component that fills the panel.
    pub open: bool,
    pub ontoggle: Callback<MouseEvent>,
    pub children: Html,
}

/// Whether a panel is open (at first it is), and what toggles it.
#[hook]
pub fn use_panel() -> (bool, Callback<MouseEvent>) {
    let open = use_state(|| true);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    (*open, toggle)
}

#[component]
pub fn Panel(p: &PanelProps) -> Html {
    let open = p.open;
    let toggle = p.ontoggle.clone();
    let body_id = format!("panel-{}", p.class);
    let state = if open { t(p.lang, Key::CollapsePanel) } else { t(p.lang, Key::ExpandPanel) };
    html! {
        <section class={classes!("panel", p.class.to_string(), (!open).then_some("collapsed"))} aria-label={p.title.clone()}
            id={format!("region-{}", p.class)}>
            <h2 class="panel-title">
                <button type="button" class="panel-toggle" aria-expanded={open.to_string()} aria-controls={body_id.clone()}
                    title={state} onclick={toggle}>
                    <span class="chevron" aria-hidden="true">{if open { "▾" } else { "▸" }}</span>
                    {p.title.clone()}
                </button>
            </h2>
            <div id={body_id} class="panel-body" hidden={!open}>
                if open {
                    {p.children.clone()}
                }
            </div>
        </section>
    }
}
