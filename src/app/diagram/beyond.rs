//! The buttons at the canvas's left and right edges that say what of the
//! chain is out of view ("Industrial production · 2 more stages →") and
//! scroll there. They follow the scroll position on their own (their own
//! state and listener), so panning re-renders two buttons, not the diagram.

use gloo::events::EventListener;
use yew::prelude::*;

use super::element;
use crate::app::{Derived, Shared};
use crate::i18n::{beyond_words, Lang};
use crate::layout::beyond::{beyond, scroll_target, Beyond, Sides};

#[derive(Properties, PartialEq)]
pub struct BeyondProps {
    pub derived: Shared<Derived>,
    /// The title of each lane of the diagram, in its order.
    pub lane_names: Vec<String>,
    pub zoom: f64,
    /// Where the drawing starts in the scrolled area (its centring pad).
    pub pad_x: f64,
    /// The canvas's inner size: the view changes with it.
    pub size: (f64, f64),
    pub scroller: NodeRef,
    pub lang: Lang,
}

/// The diagram x shown at the scroller's left and right edges.
fn shown(el: &web_sys::Element, zoom: f64, pad_x: f64) -> (f64, f64) {
    let sx = el.scroll_left() as f64;
    let w = el.client_width() as f64;
    ((sx - pad_x) / zoom, (sx + w - pad_x) / zoom)
}

#[component]
pub fn BeyondEdges(p: &BeyondProps) -> Html {
    let sides = use_state_eq(Sides::default);
    {
        let sides = sides.clone();
        let scroller = p.scroller.clone();
        let derived = p.derived.clone();
        let (zoom, pad_x) = (p.zoom, p.pad_x);
        let deps = (p.derived.clone(), zoom.to_bits(), pad_x.to_bits(), p.size.0.to_bits(), p.size.1.to_bits());
        use_effect_with(deps, move |_| {
            let listener = element(&scroller).map(|el| {
                let update = {
                    let el = el.clone();
                    move || {
                        let (x0, x1) = shown(&el, zoom, pad_x);
                        sides.set(beyond(&derived.diagram, x0, x1));
                    }
                };
                update();
                EventListener::new(&el, "scroll", move |_| update())
            });
            move || drop(listener)
        });
    }
    let button = |right: bool, b: Option<Beyond>| {
        let b = b?;
        let phase = b.lane.and_then(|i| p.lane_names.get(i)).map(String::as_str);
        let words = beyond_words(p.lang, right, b.stages);
        // The visible lines, in order and whole, after what the button does
        // (a name that holds the visible words, for speech input).
        let name = match phase {
            Some(ph) => format!("{}{ph} {}", words.prefix, words.count),
            None => format!("{}{}", words.prefix, words.count),
        };
        let onclick = {
            let scroller = p.scroller.clone();
            let derived = p.derived.clone();
            let (zoom, pad_x) = (p.zoom, p.pad_x);
            Callback::from(move |_: MouseEvent| {
                let Some(el) = element(&scroller) else { return };
                let (x0, x1) = shown(&el, zoom, pad_x);
                let at = scroll_target(&derived.diagram, right, b, x0, x1);
                el.set_scroll_left((at * zoom + pad_x).round() as i32);
            })
        };
        let class = classes!("beyond", if right { "beyond-right" } else { "beyond-left" });
        Some(html! {
            // The title shows the name whole on hover (a long phase name is
            // cut to the button's width).
            <button type="button" {class} aria-label={name.clone()} title={name} {onclick}>
                if !right {
                    <span class="beyond-arrow" aria-hidden="true">{"←"}</span>
                }
                // The space between the lines is not drawn (they are flex
                // items), but it is in the text that is matched with the name.
                <span class="beyond-text">
                    if let Some(phase) = phase {
                        <span class="beyond-phase">{phase.to_string()}</span>{" "}
                    }
                    <span class="beyond-count">{words.count}</span>
                </span>
                if right {
                    <span class="beyond-arrow" aria-hidden="true">{"→"}</span>
                }
            </button>
        })
    };
    html! {
        <>
            {for button(false, sides.left)}
            {for button(true, sides.right)}
        </>
    }
}
