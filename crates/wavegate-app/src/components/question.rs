//! One survey question, rendered by type.
//!
//! Every control is a native form element (radio, checkbox, text field, button) inside a
//! `fieldset` with a `legend`, so screen readers and keyboards work without ARIA tricks. Each
//! control reads the shared answers signal for its own state, so typing in one question never
//! re-renders another.

use crate::i18n::{Msg, fill, use_lang};
use leptos::prelude::*;
use wavegate_core::i18n::Lang;
use wavegate_core::survey::labels;
use wavegate_core::survey::logic::piped_text;
use wavegate_core::survey::validate::OTHER_TEXT_MAX;
use wavegate_core::survey::{
    Answer, Answers, Choice, ChoicesAnswer, Question, QuestionKind, Survey,
};
use wavegate_ui::reorder::{self, Way};

/// Sets or clears (`None`) the answer to one question.
fn set_answer(answers: RwSignal<Answers>, id: &str, answer: Option<Answer>) {
    answers.update(|a| match answer {
        Some(v) => {
            a.insert(id.to_string(), v);
        }
        None => {
            a.remove(id);
        }
    });
}

fn current(answers: RwSignal<Answers>, id: &str) -> Option<Answer> {
    answers.with(|a| a.get(id).cloned())
}

/// A question with its label, help text, control and error message.
#[component]
pub fn QuestionView(
    /// The survey (for piping earlier answers into the text).
    survey: StoredValue<Survey>,
    /// The question.
    question: Question,
    /// All answers of the response.
    answers: RwSignal<Answers>,
    /// The error shown under the question, in the current language.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// For a matrix: the statements still unanswered after the respondent tried to go on, each
    /// marked where it is.
    #[prop(optional, into)]
    missing_items: Signal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let q = StoredValue::new(question);
    let qid = q.with_value(|q| q.id.clone());
    let dom_id = format!("q-{qid}");
    let error_id = format!("{dom_id}-error");
    let help_id = format!("{dom_id}-help");
    let hint_id = format!("{dom_id}-hint");
    let required = q.with_value(|q| q.required);
    // A multiple choice's limits are read with the group, so a box disabled at the maximum is
    // not a mystery to a screen reader; said once, under the question.
    let limited = q.with_value(|q| match q.kind {
        QuestionKind::MultipleChoice { min, max, .. } => limits(min, max, Lang::En).is_some(),
        _ => false,
    });
    let text = move || {
        q.with_value(|q| {
            survey.with_value(|s| answers.with(|a| piped_text(s, &q.text, lang.get(), a)))
        })
    };
    let help = move || q.with_value(|q| q.help.as_ref().map(|h| h.get(lang.get()).to_string()));
    let described_by = {
        let (error_id, help_id) = (error_id.clone(), help_id.clone());
        move || {
            let mut ids = Vec::new();
            if help().is_some() {
                ids.push(help_id.clone());
            }
            if limited {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let control = q.with_value(|q| control(q, answers, lang, missing_items));
    view! {
        <fieldset
            class="question"
            class:has-error=move || error.get().is_some()
            id=dom_id.clone()
            aria-describedby=described_by
            aria-invalid=move || error.get().is_some().then_some("true")
            data-question=qid.clone()
        >
            <legend class="question-text" id=title_id(&qid)>
                {text}
                // Joined to the last word by a no-break space: a line may not end before it, so
                // the asterisk never wraps onto a line of its own under a long question.
                {required.then(|| view! {
                    <span class="required" aria-hidden="true">"\u{a0}*"</span>
                    <span class="visually-hidden">{move || format!(" ({})", Msg::Required.text(lang.get()))}</span>
                })}
            </legend>
            {move || help().map(|h| view! { <p class="question-help" id=help_id.clone()>{h}</p> })}
            {control}
            // Not a live region: the form's one summary alert announces that something is
            // missing, and focus goes to the first field with a problem; this text is read
            // with its field (the fieldset's `aria-describedby`), not all at once.
            <p class="question-error" id=error_id.clone() hidden=move || error.get().is_none()>
                {move || error.get().unwrap_or_default()}
            </p>
        </fieldset>
    }
}

fn control(
    q: &Question,
    answers: RwSignal<Answers>,
    lang: RwSignal<Lang>,
    missing_items: Signal<Vec<String>>,
) -> AnyView {
    let id = q.id.clone();
    match &q.kind {
        QuestionKind::Agreement { points } => {
            let points = *points;
            let options = (1..=i32::from(points))
                .map(|v| {
                    let label = move || {
                        labels::agreement_label(points, v, lang.get())
                            .unwrap_or_default()
                            .to_string()
                    };
                    (v, Signal::derive(label))
                })
                .collect();
            scale_radios(&id, options, answers, "scale scale-agreement").into_any()
        }
        QuestionKind::Rating {
            min,
            max,
            min_label,
            max_label,
        } => {
            let options = (*min..=*max)
                .map(|v| (v, Signal::derive(move || v.to_string())))
                .collect();
            let (min_label, max_label) = (min_label.clone(), max_label.clone());
            view! {
                <div class="rating">
                    {scale_radios(&id, options, answers, "scale scale-rating")}
                    <div class="rating-ends" aria-hidden="true">
                        <span>{move || min_label.as_ref().map(|t| t.get(lang.get()).to_string())}</span>
                        <span>{move || max_label.as_ref().map(|t| t.get(lang.get()).to_string())}</span>
                    </div>
                </div>
            }
            .into_any()
        }
        QuestionKind::YesNo => {
            let options = [true, false]
                .into_iter()
                .map(|v| {
                    let checked = {
                        let id = id.clone();
                        move || matches!(current(answers, &id), Some(Answer::YesNo(x)) if x == v)
                    };
                    let id2 = id.clone();
                    let input_id = format!("q-{id}-{v}");
                    view! {
                        <label class="option">
                            <input type="radio" id=input_id name=format!("q-{id}") value=v.to_string()
                                prop:checked=checked
                                on:change=move |_| set_answer(answers, &id2, Some(Answer::YesNo(v))) />
                            <span>{move || labels::yes_no(v, lang.get())}</span>
                        </label>
                    }
                })
                .collect_view();
            view! { <div class="options options-inline">{options}</div> }.into_any()
        }
        QuestionKind::SingleChoice { choices, other } => {
            single_choice(&id, choices, *other, answers, lang).into_any()
        }
        QuestionKind::MultipleChoice {
            choices,
            min,
            max,
            other,
        } => multiple_choice(&id, choices, *min, *max, *other, answers, lang).into_any(),
        QuestionKind::Text {
            multiline,
            max_length,
            ..
        } => text_input(&id, *multiline, *max_length, answers, lang).into_any(),
        QuestionKind::Matrix { points, items } => {
            matrix(&id, *points, items, answers, lang, missing_items).into_any()
        }
        QuestionKind::Ranking { choices } => ranking(&id, choices, answers, lang).into_any(),
    }
}

/// A matrix of agreement statements. On narrow screens each statement is one compact row of
/// numbered points under a key that names the scale's ends (the full label stays each point's
/// accessible name); a statement left unanswered is marked and says so beside it.
fn matrix(
    id: &str,
    points: u8,
    items: &[wavegate_core::survey::MatrixItem],
    answers: RwSignal<Answers>,
    lang: RwSignal<Lang>,
    missing_items: Signal<Vec<String>>,
) -> impl IntoView {
    let id = id.to_string();
    let rows = items
                .iter()
                .map(|item| {
                    let item = item.clone();
                    let qid = id.clone();
                    let item_id = item.id.clone();
                    let options: Vec<_> = (1..=i32::from(points))
                        .map(|v| {
                            let (qid, item_id) = (qid.clone(), item_id.clone());
                            let input_id = format!("q-{qid}-{item_id}-{v}");
                            let checked = {
                                let (qid, item_id) = (qid.clone(), item_id.clone());
                                move || matches!(current(answers, &qid), Some(Answer::Matrix(m)) if m.get(&item_id) == Some(&v))
                            };
                            view! {
                                <label class="option">
                                    <input type="radio" id=input_id name=format!("q-{qid}-{item_id}") value=v.to_string()
                                        prop:checked=checked
                                        on:change=move |_| {
                                            let mut m = match current(answers, &qid) {
                                                Some(Answer::Matrix(m)) => m,
                                                _ => Default::default(),
                                            };
                                            m.insert(item_id.clone(), v);
                                            set_answer(answers, &qid, Some(Answer::Matrix(m)));
                                        } />
                                    <span class="point-label">{move || labels::agreement_label(points, v, lang.get()).unwrap_or_default()}</span>
                                    <span class="point-number" aria-hidden="true">{v}</span>
                                </label>
                            }
                        })
                        .collect();
                    let is_missing = {
                        let item_id = item_id.clone();
                        Memo::new(move |_| missing_items.with(|m| m.contains(&item_id)))
                    };
                    let item_dom_id = format!("q-{qid}-item-{item_id}");
                    let item_error_id = format!("{item_dom_id}-error");
                    view! {
                        <fieldset class="matrix-item" class:item-missing=is_missing id=item_dom_id data-item=item.id.clone()
                            aria-invalid=move || is_missing.get().then_some("true")
                            aria-describedby=move || is_missing.get().then(|| item_error_id.clone())>
                            <legend>{move || item.text.get(lang.get()).to_string()}</legend>
                            {move || is_missing.get().then(|| view! {
                                <p class="item-error" id=format!("q-{qid}-item-{item_id}-error")>{move || Msg::MatrixItemMissing.text(lang.get())}</p>
                            })}
                            <div class="scale scale-agreement">{options}</div>
                        </fieldset>
                    }
                })
                .collect_view();
    let key = move || {
        let l = lang.get();
        let end = |v: i32| labels::agreement_label(points, v, l).unwrap_or_default();
        format!("1 = {} … {} = {}", end(1), points, end(i32::from(points)))
    };
    view! {
        <p class="matrix-key" aria-hidden="true">{key}</p>
        <div class="matrix">{rows}</div>
    }
}

/// A row of radio buttons for a numeric scale.
fn scale_radios(
    id: &str,
    options: Vec<(i32, Signal<String>)>,
    answers: RwSignal<Answers>,
    class: &'static str,
) -> impl IntoView {
    let items = options
        .into_iter()
        .map(|(v, label)| {
            let qid = id.to_string();
            let input_id = format!("q-{id}-{v}");
            let checked = {
                let qid = qid.clone();
                move || matches!(current(answers, &qid), Some(Answer::Scale(x)) if x == v)
            };
            view! {
                <label class="option">
                    <input type="radio" id=input_id name=format!("q-{qid}") value=v.to_string()
                        prop:checked=checked
                        on:change=move |_| set_answer(answers, &qid, Some(Answer::Scale(v))) />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class=class>{items}</div> }
}

/// The text in an "other" field. Choosing "other" again (after another option, or unchecking
/// it) takes what the field still shows, so the answer is what the person sees.
fn typed(field: NodeRef<leptos::html::Input>) -> String {
    field.get_untracked().map(|f| f.value()).unwrap_or_default()
}

fn single_choice(
    id: &str,
    choices: &[Choice],
    other: bool,
    answers: RwSignal<Answers>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let items = choices
        .iter()
        .map(|c| {
            let (qid, cid, text) = (id.to_string(), c.id.clone(), c.text.clone());
            let input_id = format!("q-{id}-{cid}");
            let checked = {
                let (qid, cid) = (qid.clone(), cid.clone());
                move || matches!(current(answers, &qid), Some(Answer::Choice(x)) if x == cid)
            };
            view! {
                <label class="option">
                    <input type="radio" id=input_id name=format!("q-{qid}") value=cid.clone()
                        prop:checked=checked
                        on:change=move |_| set_answer(answers, &qid, Some(Answer::Choice(cid.clone()))) />
                    <span>{move || text.get(lang.get()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    let other_view = other.then(|| {
        let qid = id.to_string();
        let input_id = format!("q-{id}-other");
        let text_id = format!("q-{id}-other-text");
        let is_other = {
            let qid = qid.clone();
            move || matches!(current(answers, &qid), Some(Answer::Other(_)))
        };
        let initial = match current(answers, &qid) {
            Some(Answer::Other(t)) => t,
            _ => String::new(),
        };
        let field = NodeRef::<leptos::html::Input>::new();
        let (qid2, qid3) = (qid.clone(), qid.clone());
        view! {
            <div class="option option-other">
                <label>
                    <input type="radio" id=input_id name=format!("q-{qid}") value="other"
                        prop:checked=is_other
                        on:change=move |_| {
                            if !matches!(current(answers, &qid2), Some(Answer::Other(_))) {
                                set_answer(answers, &qid2, Some(Answer::Other(typed(field))));
                            }
                        } />
                    <span>{move || labels::other(lang.get())}</span>
                </label>
                <input type="text" id=text_id class="other-text" maxlength=OTHER_TEXT_MAX node_ref=field
                    aria-label=move || labels::other(lang.get())
                    placeholder=move || Msg::OtherPlaceholder.text(lang.get())
                    prop:value=initial
                    on:input=move |ev| set_answer(answers, &qid3, Some(Answer::Other(event_target_value(&ev)))) />
            </div>
        }
    });
    view! { <div class="options">{items}{other_view}</div> }
}

fn multiple_choice(
    id: &str,
    choices: &[Choice],
    min: Option<u32>,
    max: Option<u32>,
    other: bool,
    answers: RwSignal<Answers>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let selection = {
        let qid = id.to_string();
        move || match current(answers, &qid) {
            Some(Answer::Choices(c)) => c,
            _ => ChoicesAnswer::default(),
        }
    };
    let update = {
        let qid = id.to_string();
        move |f: &dyn Fn(&mut ChoicesAnswer)| {
            let mut c = match current(answers, &qid) {
                Some(Answer::Choices(c)) => c,
                _ => ChoicesAnswer::default(),
            };
            f(&mut c);
            let empty = c.selected.is_empty() && c.other.is_none();
            set_answer(answers, &qid, (!empty).then_some(Answer::Choices(c)));
        }
    };
    // At the maximum the boxes left unticked are disabled, unticking one frees them again: the
    // limit is met as it is reached, not learnt from an error after "Next".
    let full = {
        let selection = selection.clone();
        move || selection().is_full(max)
    };
    let order: Vec<String> = choices.iter().map(|c| c.id.clone()).collect();
    let items = choices
        .iter()
        .map(|c| {
            let (cid, text) = (c.id.clone(), c.text.clone());
            let input_id = format!("q-{id}-{cid}");
            let checked = {
                let (cid, selection) = (cid.clone(), selection.clone());
                move || selection().selected.contains(&cid)
            };
            let (update, order) = (update.clone(), order.clone());
            let closed = {
                let (full, checked) = (full.clone(), checked.clone());
                move || full() && !checked()
            };
            view! {
                <label class="option">
                    <input type="checkbox" id=input_id value=cid.clone()
                        prop:checked=checked disabled=closed
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let cid = cid.clone();
                            let order = order.clone();
                            update(&move |c: &mut ChoicesAnswer| {
                                c.selected.retain(|s| *s != cid);
                                if on {
                                    c.selected.push(cid.clone());
                                    c.selected.sort_by_key(|s| order.iter().position(|o| o == s));
                                }
                            });
                        } />
                    <span>{move || text.get(lang.get()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    let other_view = other.then(|| {
        let input_id = format!("q-{id}-other");
        let initial = selection().other.unwrap_or_default();
        let has_other = {
            let selection = selection.clone();
            move || selection().other.is_some()
        };
        // Typing into the text ticks "other": closed with its box.
        let closed = {
            let (full, has_other) = (full.clone(), has_other.clone());
            move || full() && !has_other()
        };
        let (u1, u2) = (update.clone(), update.clone());
        let field = NodeRef::<leptos::html::Input>::new();
        view! {
            <div class="option option-other">
                <label>
                    <input type="checkbox" id=input_id value="other"
                        prop:checked=has_other disabled=closed.clone()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let text = typed(field);
                            u1(&move |c: &mut ChoicesAnswer| {
                                c.other = on.then(|| text.clone());
                            });
                        } />
                    <span>{move || labels::other(lang.get())}</span>
                </label>
                <input type="text" class="other-text" maxlength=OTHER_TEXT_MAX node_ref=field
                    aria-label=move || labels::other(lang.get())
                    placeholder=move || Msg::OtherPlaceholder.text(lang.get())
                    prop:value=initial disabled=closed
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        u2(&move |c: &mut ChoicesAnswer| c.other = Some(v.clone()));
                    } />
            </div>
        }
    });
    view! {
        <p class="question-hint" id=format!("q-{id}-hint")>{move || limits(min, max, lang.get())}</p>
        <div class="options">{items}{other_view}</div>
    }
}

/// What a multiple choice's `min` and `max` ask ("Kies 1 tot 2"), when it is worth saying.
fn limits(min: Option<u32>, max: Option<u32>, l: Lang) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) => Some(fill(
            Msg::ChooseBetween,
            l,
            &[("min", a.to_string()), ("max", b.to_string())],
        )),
        (Some(a), None) if a > 1 => Some(fill(Msg::ChooseAtLeast, l, &[("min", a.to_string())])),
        (None, Some(b)) => Some(fill(Msg::ChooseAtMost, l, &[("max", b.to_string())])),
        _ => None,
    }
}

/// The id of a question's legend: a text field names itself by it, because a legend names the
/// fieldset for a screen reader but not the field inside it.
fn title_id(question: &str) -> String {
    format!("q-{question}-title")
}

/// From how many characters left the counter under a text answer is read out as it changes.
pub const NEAR_LIMIT: usize = 20;

fn text_input(
    id: &str,
    multiline: bool,
    max_length: Option<u32>,
    answers: RwSignal<Answers>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let qid = id.to_string();
    let input_id = format!("q-{id}-input");
    // Set once: rewriting the value while typing would move the caret.
    let initial = match current(answers, &qid) {
        Some(Answer::Text(t)) => t,
        _ => String::new(),
    };
    let length = RwSignal::new(initial.chars().count());
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        length.set(v.chars().count());
        let answer = (!v.trim().is_empty()).then_some(Answer::Text(v));
        set_answer(answers, &qid, answer);
    };
    let max_attr = max_length.map(|m| m.to_string());
    let counter = max_length.map(|max| {
        let left = move || (max as usize).saturating_sub(length.get());
        // Live only near the limit: a count read out at every keystroke interrupts the typing.
        let live = move || {
            if left() <= NEAR_LIMIT {
                "polite"
            } else {
                "off"
            }
        };
        view! {
            <p class="char-count" aria-live=live>
                {move || fill(Msg::CharactersLeft, lang.get(), &[("n", left().to_string())])}
            </p>
        }
    });
    let field = if multiline {
        view! { <textarea id=input_id aria-labelledby=title_id(id) rows="4" maxlength=max_attr prop:value=initial on:input=on_input></textarea> }
            .into_any()
    } else {
        view! { <input type="text" id=input_id aria-labelledby=title_id(id) maxlength=max_attr prop:value=initial on:input=on_input /> }
            .into_any()
    };
    view! { {field}{counter} }
}

fn ranking(
    id: &str,
    choices: &[Choice],
    answers: RwSignal<Answers>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let qid = id.to_string();
    let default_order: Vec<String> = choices.iter().map(|c| c.id.clone()).collect();
    let labels_by_id: Vec<(String, wavegate_core::i18n::Text)> = choices
        .iter()
        .map(|c| (c.id.clone(), c.text.clone()))
        .collect();
    let order = {
        let (qid, default_order) = (qid.clone(), default_order.clone());
        move || match current(answers, &qid) {
            Some(Answer::Ranking(r)) => r,
            _ => default_order.clone(),
        }
    };
    let labels_by_id = StoredValue::new(labels_by_id);
    let label_of = move |cid: &str, l: Lang| {
        labels_by_id.with_value(|labels| {
            labels
                .iter()
                .find(|(id, _)| id == cid)
                .map(|(_, t)| t.get(l).to_string())
                .unwrap_or_default()
        })
    };
    // What a screen reader hears after a move: the item's new place.
    let said = RwSignal::new(String::new());
    let button_id = {
        let qid = qid.clone();
        move |cid: &str, up: bool| format!("rank-{qid}-{cid}-{}", if up { "up" } else { "down" })
    };
    // Swaps places `i` and `j`, then keeps focus on the moved item (the list is drawn anew,
    // so the pressed button is gone): on the same arrow, or the other one at either end.
    let swap = {
        let (qid, order, button_id) = (qid.clone(), order.clone(), button_id.clone());
        move |i: usize, j: usize| {
            let mut r = order();
            if i >= r.len() || j >= r.len() {
                return;
            }
            r.swap(i, j);
            let (moved, len) = (r[j].clone(), r.len());
            set_answer(answers, &qid, Some(Answer::Ranking(r)));
            let l = lang.get_untracked();
            said.set(fill(
                Msg::RankNowAt,
                l,
                &[
                    ("item", label_of(&moved, l)),
                    ("n", (j + 1).to_string()),
                    ("total", len.to_string()),
                ],
            ));
            let way = if j < i { Way::Up } else { Way::Down };
            let up = reorder::focus_after(j, len, way) == Way::Up;
            wavegate_ui::dom::focus_id_soon(button_id(&moved, up));
        }
    };
    let count = default_order.len();
    let list = move || {
        order()
            .into_iter()
            .enumerate()
            .map(|(i, cid)| {
                let l = lang.get();
                let label = label_of(&cid, l);
                let (up, down) = (swap.clone(), swap.clone());
                view! {
                    <li class="ranking-item" data-choice=cid.clone()>
                        <span class="rank">{i + 1}"."</span>
                        <span class="ranking-label">{label.clone()}</span>
                        <button type="button" class="icon-button" id=button_id(&cid, true) disabled=i == 0
                            aria-label=format!("{}: {label}", Msg::MoveUp.text(l))
                            on:click=move |_| up(i, i.saturating_sub(1))>"↑"</button>
                        <button type="button" class="icon-button" id=button_id(&cid, false) disabled=i + 1 == count
                            aria-label=format!("{}: {label}", Msg::MoveDown.text(l))
                            on:click=move |_| down(i, i + 1)>"↓"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <p class="question-hint">{move || labels::ranking_hint(lang.get())}</p>
        <ol class="ranking">{list}</ol>
        <p class="visually-hidden" aria-live="polite">{move || said.get()}</p>
    }
}
