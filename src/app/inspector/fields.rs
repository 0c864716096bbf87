//! Labelled form fields that commit when the user is done (on `change`:
//! leaving the field or pressing Enter), so a typed name is one undo step.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The id that ties a field's label to its control: the entity and the
/// label, every character other than an ASCII letter or digit written as its
/// code point, so that two labels never share an id (Chinese labels once all
/// became the same run of dashes, and every label named the first field).
fn field_id(label: &str, key: &str) -> String {
    let mut id = format!("f-{key}-");
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else {
            id.push_str(&format!("_{:x}", u32::from(c)));
        }
    }
    id
}

/// The ids of the texts that describe a field (its hint, why its last
/// change was refused), for `aria-describedby`.
fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(hint, "hint"), (error, "error")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, what)| format!("{id}-{what}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A field whose change was refused: after the render that marks it, it
/// shows the value it keeps (the refused text goes) and takes the focus
/// back, so the user corrects it there. Only when the mark comes, not when
/// a field that is marked already is drawn again (the selection came back
/// to it).
#[hook]
fn use_refused<T: AsRef<web_sys::Node> + From<wasm_bindgen::JsValue> + 'static>(
    node: &NodeRef,
    error: &Option<AttrValue>,
    value: &AttrValue,
    set: fn(&T, &str),
) {
    let before = use_mut_ref(|| error.clone());
    let came = error.is_some() && before.borrow().is_none();
    *before.borrow_mut() = error.clone();
    let node = node.clone();
    let value = value.clone();
    use_effect_with((came, error.clone()), move |(came, _)| {
        if *came {
            if let Some(el) = node.cast::<T>() {
                set(&el, &value);
                if let Some(h) = node.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
    });
}

/// Why the field's last change was refused ("Not changed: A name or
/// title cannot be empty.").
fn error_text(error: &Option<AttrValue>, id: &str) -> Html {
    match error {
        Some(e) => html! { <span class="field-error" id={format!("{id}-error")}>{e.clone()}</span> },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct TextProps {
    pub label: AttrValue,
    /// Identifies the edited entity, so the field resets when the selection changes.
    pub entity: AttrValue,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub autofocus: bool,
    #[prop_or(200)]
    pub maxlength: u32,
    #[prop_or_default]
    pub kind: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Why the last change of this field was refused ("Not changed: …").
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn TextField(p: &TextProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((p.autofocus, p.entity.clone()), move |(focus, _)| {
            if *focus {
                if let Some(el) = node.cast::<HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        });
    }
    use_refused::<HtmlInputElement>(&node, &p.error, &p.value, |el, v| el.set_value(v));
    let id = field_id(&p.label, &p.entity);
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let describedby = described_by(&id, p.hint.is_some(), p.error.is_some());
    html! {
        <div class={classes!("field", p.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{p.label.clone()}</label>
            <input id={id.clone()} ref={node} type={p.kind.clone().unwrap_or("text".into())} value={p.value.clone()}
                maxlength={p.maxlength.to_string()} {onchange}
                aria-invalid={p.error.is_some().then_some("true")} aria-describedby={describedby} />
            if let Some(h) = &p.hint { <span class="field-hint" id={format!("{id}-hint")}>{h.clone()}</span> }
            {error_text(&p.error, &id)}
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AreaProps {
    pub label: AttrValue,
    pub entity: AttrValue,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or(200)]
    pub maxlength: u32,
    #[prop_or(3)]
    pub rows: u32,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Why the last change of this field was refused.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn TextArea(p: &AreaProps) -> Html {
    let node = use_node_ref();
    use_refused::<HtmlTextAreaElement>(&node, &p.error, &p.value, |el, v| el.set_value(v));
    let id = field_id(&p.label, &p.entity);
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let describedby = described_by(&id, p.hint.is_some(), p.error.is_some());
    html! {
        <div class={classes!("field", p.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{p.label.clone()}</label>
            <textarea id={id.clone()} ref={node} rows={p.rows.to_string()} maxlength={p.maxlength.to_string()} value={p.value.clone()} {onchange}
                aria-invalid={p.error.is_some().then_some("true")} aria-describedby={describedby} />
            if let Some(h) = &p.hint { <span class="field-hint" id={format!("{id}-hint")}>{h.clone()}</span> }
            {error_text(&p.error, &id)}
        </div>
    }
}

/// The (value, text) options of a list, shared: the list of every stage is
/// made once per document (`Derived::stage_choices`), and two renders that
/// pass the same list compare it by pointer, not option by option.
#[derive(Clone, Debug)]
pub struct Choices(pub std::rc::Rc<[(String, String)]>);

impl PartialEq for Choices {
    fn eq(&self, o: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &o.0) || self.0 == o.0
    }
}

impl From<Vec<(String, String)>> for Choices {
    fn from(v: Vec<(String, String)>) -> Choices {
        Choices(v.into())
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub label: AttrValue,
    pub entity: AttrValue,
    /// The text of a first option with the value "" ("none"), if any.
    #[prop_or_default]
    pub none: Option<AttrValue>,
    /// (value, text) pairs; the value "" stands for "none".
    pub options: Choices,
    /// An option not offered (e.g. the stage a new flow starts from).
    #[prop_or_default]
    pub exclude: Option<AttrValue>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    /// Put the cursor here when drawn (a choice the user is asked to make).
    #[prop_or_default]
    pub autofocus: bool,
    /// A line under the list that says what to choose and why.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// Above this many options a list holds only the "none" and the chosen
/// option until it gets focus, when the others are drawn: a "to stage"
/// list would otherwise build an element per stage each time a stage is
/// selected (on a 100-stage map, 400 of the 660 DOM changes of a click).
pub const DRAW_ON_FOCUS_ABOVE: usize = 40;

#[component]
pub fn SelectField(p: &SelectProps) -> Html {
    let id = field_id(&p.label, &p.entity);
    let focused = use_state(|| false);
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((p.autofocus, p.entity.clone()), move |(focus, _)| {
            if *focus {
                if let Some(el) = node.cast::<HtmlSelectElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    // The value of the last render. A choice the editor refuses (a
    // supervisor made a student while they supervise topics) changes no
    // prop, so nothing renders again and the list would go on showing it:
    // after the next paint the list is set back to the value it was drawn
    // with last (the new one, when the choice was taken).
    let drawn = use_mut_ref(|| p.value.clone());
    *drawn.borrow_mut() = p.value.clone();
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            let sel = e.target_unchecked_into::<HtmlSelectElement>();
            cb.emit(sel.value());
            let drawn = drawn.clone();
            crate::app::dom::after_next_paint(move || {
                let now = drawn.borrow().clone();
                if sel.value() != *now {
                    sel.set_value(&now);
                }
            });
        })
    };
    // Focus comes before the list opens (mouse) or before the arrow keys
    // move through it (keyboard), so every option is there when needed.
    let onfocus = {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(true))
    };
    let all = *focused || p.options.0.len() <= DRAW_ON_FOCUS_ABOVE;
    let excluded = |v: &str| p.exclude.as_deref() == Some(v);
    let describedby = described_by(&id, p.hint.is_some(), false);
    html! {
        <div class={classes!("field", p.hint.is_some().then_some("asked"))}>
            <label for={id.clone()}>{p.label.clone()}</label>
            <select id={id.clone()} ref={node} {onchange} {onfocus} aria-describedby={describedby}>
                if let Some(none) = &p.none {
                    <option key="" value="" selected={p.value.is_empty()}>{none.clone()}</option>
                }
                {for p.options.0.iter().filter(|(v, _)| (all || v.is_empty() || *v == *p.value) && !excluded(v)).map(|(v, text)| html! {
                    <option key={v.clone()} value={v.clone()} selected={*v == *p.value}>{text.clone()}</option>
                })}
            </select>
            if let Some(h) = &p.hint { <span class="field-hint" id={format!("{id}-hint")}>{h.clone()}</span> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MultiProps {
    pub label: AttrValue,
    pub entity: AttrValue,
    /// Groups of (value, text) options, each under its heading.
    pub groups: Vec<(String, Vec<(String, String)>)>,
    pub values: Vec<String>,
    pub onchange: Callback<Vec<String>>,
}

/// Several choices as a group of checkboxes, one per option under its
/// group's heading: a click or Space on one changes that one only (a
/// multiple list box dropped every other choice on a plain click).
#[component]
pub fn CheckGroup(p: &MultiProps) -> Html {
    let groups = p.groups.iter().filter(|(_, options)| !options.is_empty()).map(|(heading, options)| {
        let boxes = options.iter().map(|(v, text)| {
            let onchange = {
                let (cb, values, v) = (p.onchange.clone(), p.values.clone(), v.clone());
                // The others keep their order; a new choice comes last.
                Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    let mut next: Vec<String> = values.iter().filter(|x| **x != v).cloned().collect();
                    if on {
                        next.push(v.clone());
                    }
                    cb.emit(next)
                })
            };
            html! {
                <label class="check" key={v.clone()}>
                    <input type="checkbox" value={v.clone()} checked={p.values.contains(v)} {onchange} />
                    {text.clone()}
                </label>
            }
        });
        html! {
            <div class="check-group" role="group" aria-label={heading.clone()}>
                <span class="check-heading" aria-hidden="true">{heading.clone()}</span>
                {for boxes}
            </div>
        }
    });
    html! {
        <fieldset class="field checks" key={p.entity.to_string()}>
            <legend>{p.label.clone()}</legend>
            {for groups}
        </fieldset>
    }
}
