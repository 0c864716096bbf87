//! The Inspector's "Gaps here": the gaps that concern the selection, and a
//! "Next gap" button that selects the next element with a gap, so that a
//! supervisor goes through every gap without going back to the Gaps list.

use yew::prelude::*;

use crate::analysis::Names;
use crate::app::{Derived, Dispatch, Shared};
use crate::editor::{gap_walk, Action, Selection};
use crate::i18n::{colon, gap_message, gap_title, severity_name, t, Key, Lang};
use crate::model::Map;

/// Listed at most; the Gaps list has them all.
const HERE_SHOWN: usize = 8;

pub fn gaps_here(map: &Map, derived: &Shared<Derived>, sel: &Selection, lang: Lang, d: &Dispatch) -> Html {
    let gaps = &derived.analysis.gaps;
    let here = gap_walk::about(gaps, sel);
    if here.is_empty() {
        return Html::default();
    }
    let names = Names::kept(map, &derived.names);
    // The next element is found when the button is pressed, not on every
    // render of the Inspector (a walk over all the gaps of a big map); here
    // it is enough that another element has a gap.
    let elsewhere = gaps.iter().any(|g| gap_walk::target(g).as_ref() != Some(sel));
    let next = elsewhere.then(|| {
        let onclick = {
            let (d, derived, sel) = (d.clone(), derived.clone(), sel.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(n) = gap_walk::next(&derived.analysis.gaps, Some(&sel)) {
                    d.emit(Action::Select(Some(n)));
                }
            })
        };
        html! { <button type="button" class="next-gap" {onclick}>{t(lang, Key::NextGap)}{" →"}</button> }
    });
    let items = here.iter().take(HERE_SHOWN).map(|g| {
        html! {
            <li class={classes!("gap-here", format!("sev-{}", g.severity().as_str()))}>
                <span class="sev-badge">{severity_name(g.severity(), lang)}</span>
                <strong class="gap-title">{gap_title(g.code, lang)}</strong>
                {colon(lang)}
                <span class="gap-message">{gap_message(g, &names, lang)}</span>
            </li>
        }
    });
    html! {
        // Not a landmark of its own: the page's "Gaps" region is the list of
        // them all. The list is named by its heading.
        <div class="gaps-here">
            <h4 class="sub" id="gaps-here-title">{format!("{} ({})", t(lang, Key::GapsHere), here.len())}</h4>
            <ul class="plain-list" aria-labelledby="gaps-here-title">{for items}</ul>
            {for next}
        </div>
    }
}
