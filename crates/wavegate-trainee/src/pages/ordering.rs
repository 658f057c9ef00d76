//! An ordering question: its items in the trainee's order, numbered, each moved by an up and a
//! down button that name the item. After a move focus stays with the moved item (its same
//! button, or the other one once it reaches an edge and its own is disabled) and a polite live
//! region says where it now stands: otherwise a screen reader user hears nothing of what a press
//! did and is left on a button that now belongs to another item.

use crate::i18n::{Lang, Msg, fill, use_lang};
use leptos::prelude::*;
use wavegate_core::training::{OrderItem, QuizAnswer, QuizAnswers};
use wavegate_ui::dom::focus_id_soon;
use wavegate_ui::reorder::{Way, focus_after, target};

/// The label of a button moving an item `way`.
fn move_label(way: Way) -> Msg {
    match way {
        Way::Up => Msg::MoveUp,
        Way::Down => Msg::MoveDown,
    }
}

/// The id of an item's button, so focus can find it in the redrawn list.
fn button_id(question: &str, item: &str, way: Way) -> String {
    format!("order-{question}-{item}-{}", way.name())
}

/// The inputs of an ordering question `question` with `items`, first shown in `order`, writing
/// the trainee's order into `answers`; each move goes to `keep` as well.
pub fn ordering(
    question: String,
    items: Vec<OrderItem>,
    order: Vec<String>,
    answers: RwSignal<QuizAnswers>,
    keep: impl Fn(&String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    answers.update(|a| {
        a.entry(question.clone())
            .or_insert_with(|| QuizAnswer::Order(order));
    });
    let said = RwSignal::new(String::new());
    let items = StoredValue::new(items);
    let question = StoredValue::new(question);
    let label = move |item: &str, lang: Lang| {
        items.with_value(|xs| {
            xs.iter()
                .find(|x| x.id == item)
                .map(|x| x.text.get(lang).to_string())
                .unwrap_or_default()
        })
    };
    let current = move || {
        answers.with(|a| match a.get(&question.get_value()) {
            Some(QuizAnswer::Order(o)) => o.clone(),
            _ => Vec::new(),
        })
    };
    let move_item = move |from: usize, way: Way| {
        let mut moved = None;
        answers.update(|a| {
            if let Some(QuizAnswer::Order(o)) = a.get_mut(&question.get_value())
                && let Some(to) = target(from, o.len(), way)
            {
                o.swap(from, to);
                moved = Some((o[to].clone(), to, o.len()));
            }
        });
        let Some((item, to, len)) = moved else { return };
        keep(&question.get_value());
        let l = lang.get_untracked();
        said.set(fill(
            Msg::NowAt,
            l,
            &[
                ("item", label(&item, l)),
                ("n", (to + 1).to_string()),
                ("total", len.to_string()),
            ],
        ));
        let way = focus_after(to, len, way);
        focus_id_soon(button_id(&question.get_value(), &item, way));
    };
    let list = move || {
        let now = current();
        let len = now.len();
        let l = lang.get();
        now.into_iter()
            .enumerate()
            .map(|(i, item)| {
                let name = label(&item, l);
                let button = |way: Way, arrow: &'static str| {
                    view! {
                        <button type="button" class="icon-button"
                            id=button_id(&question.get_value(), &item, way)
                            disabled=target(i, len, way).is_none()
                            aria-label=fill(move_label(way), l, &[("item", name.clone())])
                            on:click=move |_| move_item(i, way)>
                            <span aria-hidden="true">{arrow}</span>
                        </button>
                    }
                };
                view! {
                    <li class="ordering-item">
                        <span class="rank">{i + 1}"."</span>
                        <span class="ordering-label">{name.clone()}</span>
                        <span class="ordering-moves">
                            {button(Way::Up, "↑")}
                            {button(Way::Down, "↓")}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ol class="ordering">{list}</ol>
        <p class="visually-hidden" role="status" aria-live="polite">{move || said.get()}</p>
    }
}
