//! The keyboard focus: where it goes when an action takes away the element
//! that had it (a deleted card, a button that became disabled, a closed
//! dialog, an Inspector form drawn for another selection), and where the
//! skip links take it. Never to the page itself, from where a keyboard
//! user would have to Tab through the toolbar and the Team again.
//!
//! A move happens after the render the action caused, and only when the
//! focus was on an element before the action and is on none after it: a
//! focus that is still somewhere (the user's, or a field's autofocus) is
//! left alone. Where to go is worked out before the action, from the
//! editor as it was (`plan`); what is next to a deleted thing comes from
//! the pure core (`editor::neighbour`).

use wasm_bindgen::JsCast;

use super::dom;
use crate::editor::{self, Action, Edit, Editor, Selection};
use crate::model::Id;

/// A place the focus can go to.
#[derive(Clone, Debug)]
pub enum Place {
    /// A stage's card on the diagram, when it is drawn.
    Stage(Id),
    /// A person's button in the Team.
    Person(Id),
    /// The link to a flow in the Inspector's lists of inputs and outputs.
    InspectorFlow(Id),
    /// The Inspector: the heading of what it shows, else its title button.
    Inspector,
    /// The Gaps: the first gap, else the panel's title button.
    Gaps,
    /// The Team: the first person, else "Add person", else the panel's
    /// title button.
    Team,
    /// The Coverage: its first control (a stage of the matrix), else the
    /// panel's title button.
    Coverage,
    /// The Brief: its first control (the topic chooser), else the panel's
    /// title button.
    Brief,
    /// The first element of a fixed selector that takes the focus.
    Css(&'static str),
    /// An element kept from before (the control that opened a dialog).
    Element(web_sys::Element),
    /// The first control in the `n`th item of a list.
    Item(web_sys::Element, u32),
    /// The first control inside an element.
    Inside(web_sys::Element),
    /// The diagram: the selected stage's card, else the first card in view,
    /// else the canvas region itself.
    Diagram,
}

/// A selector for the element with `attr` equal to an id: ids hold only
/// ASCII letters, digits, `_`, `-` and `.` (the format's rule), so the id
/// can be quoted as it is; any other id names no element.
fn by_id(prefix: &str, attr: &str, id: &Id, suffix: &str) -> Option<String> {
    let plain = id.as_str().bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    plain.then(|| format!("{prefix}[{attr}=\"{}\"]{suffix}", id.as_str()))
}

fn query_all(selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = gloo::utils::document().query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()).collect()
}

fn query(selector: &str) -> Option<web_sys::Element> {
    gloo::utils::document().query_selector(selector).ok().flatten()
}

/// Whether nothing has the focus (it is on the page itself), or only a
/// button that was disabled while it had it (the browser moves the focus
/// from it to the page a moment later).
pub fn lost() -> bool {
    let doc = gloo::utils::document();
    match doc.active_element() {
        None => true,
        Some(el) => {
            doc.body().is_some_and(|b| b.is_same_node(Some(&el)))
                || el.tag_name() == "HTML"
                || !el.is_connected()
                || el.matches(":disabled").unwrap_or(false)
        }
    }
}

/// Focuses `el` if it can take the focus; true when it did.
fn take(el: &web_sys::Element) -> bool {
    if !el.is_connected() || el.matches(":disabled").unwrap_or(true) {
        return false;
    }
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = s.focus();
    }
    gloo::utils::document().active_element().is_some_and(|a| a.is_same_node(Some(el)))
}

/// The drawn cards whose box is in the canvas's view, in the page's order.
fn cards_in_view() -> Vec<web_sys::Element> {
    let Some(view) = query(".canvas .scroller") else { return Vec::new() };
    let v = view.get_bounding_client_rect();
    query_all(".canvas g.stage-button")
        .into_iter()
        .filter(|el| {
            let r = el.get_bounding_client_rect();
            r.right() > v.left() && r.left() < v.right() && r.bottom() > v.top() && r.top() < v.bottom()
        })
        .collect()
}

/// Focuses the first control inside `el`; true when one took the focus.
fn first_inside(el: &web_sys::Element) -> bool {
    let Ok(list) = el.query_selector_all("button, a[href], input, select, textarea, [tabindex]") else { return false };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .any(|el| take(&el))
}

/// Focuses `place`; true when it took the focus.
fn put(place: &Place) -> bool {
    let first = |selector: &str| query_all(selector).iter().any(take);
    match place {
        Place::Stage(id) => by_id(".canvas g.stage", "data-stage", id, " > .stage-button").is_some_and(|s| first(&s)),
        Place::Person(id) => by_id(".panel.team button", "data-person", id, "").is_some_and(|s| first(&s)),
        Place::InspectorFlow(id) => {
            by_id(".panel.inspector li", "data-flow", id, " button.artifact").is_some_and(|s| first(&s))
        }
        Place::Inspector => first(".panel.inspector .selection h3.name") || first(".panel.inspector .panel-toggle"),
        Place::Gaps => first(".panel.gaps .gap-button") || first(".panel.gaps .panel-toggle"),
        Place::Team => {
            first(".panel.team .person-name") || first(".panel.team .add-person") || first(".panel.team .panel-toggle")
        }
        Place::Coverage => {
            query(".panel.coverage .panel-body").is_some_and(|body| first_inside(&body))
                || first(".panel.coverage .panel-toggle")
        }
        Place::Brief => {
            query(".panel.brief-panel .panel-body").is_some_and(|body| first_inside(&body))
                || first(".panel.brief-panel .panel-toggle")
        }
        Place::Css(selector) => first(selector),
        Place::Element(el) => take(el),
        Place::Item(list, n) => list.children().item(*n).is_some_and(|li| first_inside(&li)),
        Place::Inside(el) => first_inside(el),
        Place::Diagram => {
            first(".canvas g.stage.selected > .stage-button")
                || cards_in_view().iter().any(take)
                || first("section.canvas")
        }
    }
}

/// Focuses the first of `places` that takes the focus, else the diagram.
pub fn to_first(places: &[Place]) {
    if !places.iter().any(put) {
        put(&Place::Diagram);
    }
}

/// After the coming render: if the focus was on an element now and is on
/// none then, to the first of `places` that takes it (else the diagram).
/// Nothing when `places` is empty or the focus is on no element now. Called
/// before the action is sent: Yew may render it at once.
pub fn rescue(places: Vec<Place>) {
    if places.is_empty() || lost() {
        return;
    }
    dom::after_next_paint(move || {
        if lost() {
            to_first(&places);
        }
    });
}

/// After the coming render, back to `opener` (a dialog's) if the focus is
/// on no element then.
pub fn return_to(opener: web_sys::Element) {
    dom::after_next_paint(move || {
        if lost() {
            to_first(&[Place::Element(opener)]);
        }
    });
}

/// For a "Show … more" button, which goes once it is pressed: after the
/// render, the first of the items it brought (the button follows their
/// list), else the last item before them, else the next button (a table's
/// other "more"), else the first control before it.
pub fn after_show_more(e: &web_sys::MouseEvent) {
    // Yew listens at the root: the target is the button, or inside it.
    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(button) = target.and_then(|t| t.closest("button").ok().flatten()) else { return };
    let mut places = Vec::new();
    if let Some(before) = button.previous_element_sibling() {
        if matches!(before.tag_name().as_str(), "UL" | "OL") {
            let n = before.child_element_count();
            places.push(Place::Item(before.clone(), n));
            places.push(Place::Item(before.clone(), n.saturating_sub(1)));
        }
        if let Some(next) = button.next_element_sibling() {
            places.push(Place::Element(next));
        }
        places.push(Place::Inside(before));
    }
    rescue(places);
}

/// The element that has the focus, when one has.
pub fn current() -> Option<web_sys::Element> {
    if lost() {
        None
    } else {
        gloo::utils::document().active_element()
    }
}

/// Where the focus goes if `action`, applied to `before` while `had` has
/// the focus, takes it away. Empty when the action cannot (or the element
/// that could lose it has its own way back, as a dialog has).
pub fn plan(before: &Editor, action: &Action, had: Option<&web_sys::Element>) -> Vec<Place> {
    let inside = |selector: &str| had.is_some_and(|el| el.closest(selector).ok().flatten().is_some());
    match action {
        Action::Edit(Edit::AddFlow { id, .. }) => vec![Place::InspectorFlow(id.clone()), Place::Inspector],
        Action::Edit(Edit::MovePhase { .. }) => vec![Place::Css(".panel.inspector .phase-move")],
        Action::Edit(edit) => {
            let deleted = editor::deleted(edit);
            let Some(last) = deleted.last() else { return Vec::new() };
            let mut places: Vec<Place> = match editor::neighbour(before.map(), &deleted) {
                Some(Selection::Stage(id)) => vec![Place::Stage(id)],
                Some(Selection::Person(id)) => vec![Place::Person(id)],
                _ => Vec::new(),
            };
            // Nothing of its kind is left: the list it was in.
            if matches!(last, Selection::Person(_) | Selection::Topic(_)) {
                places.push(Place::Css(".panel.team .add-person"));
                places.push(Place::Css(".panel.team .panel-toggle"));
            }
            places.push(Place::Diagram);
            places
        }
        Action::Undo | Action::Redo if inside(".toolbar") => {
            vec![Place::Css(".toolbar button.undo"), Place::Css(".toolbar button.redo")]
        }
        Action::Undo | Action::Redo | Action::Select(_) | Action::ToggleSelect(_) if inside(".panel.inspector") => {
            vec![Place::Inspector]
        }
        Action::Undo | Action::Redo | Action::Select(_) | Action::ToggleSelect(_) => vec![Place::Diagram],
        // A dismissed message: the work it was about.
        Action::Notice(None) | Action::DismissRefusal => vec![Place::Diagram],
        _ => Vec::new(),
    }
}
