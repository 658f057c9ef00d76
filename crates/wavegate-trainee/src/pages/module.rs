//! One module: an overview (what is done, what a new version asks to re-study), its lessons one
//! screen at a time, the quiz, the results per topic with a retry, and the certificate.

use super::Session;
use super::certificate::CertificateView;
use super::next_attempt::{NoAttempt, blocked, browser_time};
use super::quiz::QuizView;
pub use super::step::Step;
use crate::i18n::{Msg, fill, t, use_lang};
use crate::local;
use leptos::prelude::*;
use wavegate_core::i18n::Text;
use wavegate_core::training::wire::MyModule;
use wavegate_ui::dom::focus_main;

/// The lessons to go through: after a substantive change only the changed ones, else all.
pub fn sequence(m: &MyModule) -> Vec<String> {
    if m.status.updated {
        m.status.restudy.lessons.clone()
    } else {
        m.module.lessons.iter().map(|l| l.id.clone()).collect()
    }
}

/// After a substantive new version, the changed lessons still to re-read: each title with its
/// change note.
pub fn changed_lessons(m: &MyModule) -> Vec<(Text, Option<Text>)> {
    if !m.status.updated {
        return Vec::new();
    }
    m.status
        .restudy
        .lessons
        .iter()
        .filter_map(|l| {
            let lesson = m.module.lesson(l)?;
            let note = m.module.change(l).map(|c| c.note.clone());
            Some((lesson.title.clone(), note))
        })
        .collect()
}

/// A module of the trainee's.
#[component]
pub fn ModuleView(
    /// The module.
    module_id: String,
    /// Set to `None` to go back to "My training".
    back: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let step = RwSignal::new(Step::Overview);
    let id = StoredValue::new(module_id);
    // Read without tracking: the view changes with the step, not with every sync, so a quiz in
    // progress is not rebuilt when its attempt reaches the server.
    let mine = move || {
        session.training.with_untracked(|tr| {
            tr.modules
                .iter()
                .find(|m| m.module.id == id.get_value())
                .cloned()
        })
    };
    Effect::new(move |_| {
        let s = step.get();
        focus_main();
        if let Step::Lesson(i) = s
            && let Some(lesson) = mine().and_then(|m| sequence(&m).get(i).cloned())
        {
            session.view_lesson(&id.get_value(), &lesson);
        }
    });
    move || {
        let Some(m) = mine() else {
            return view! { <p>{t(Msg::LinkInvalid)}</p> }.into_any();
        };
        let back_link = view! {
            <p class="no-print"><button type="button" class="link" on:click=move |_| back.set(None)>{t(Msg::Back)}</button></p>
        };
        let body = match step.get() {
            Step::Overview => overview(m, step).into_any(),
            Step::Lesson(i) => lesson(m, i, step).into_any(),
            Step::Quiz => view! { <QuizView module_id=id.get_value() step=step /> }.into_any(),
            Step::Certificate => view! { <CertificateView module=m /> }.into_any(),
        };
        view! { {back_link} {body} }.into_any()
    }
}

fn overview(m: MyModule, step: RwSignal<Step>) -> impl IntoView {
    let lang = use_lang();
    let todo = sequence(&m);
    let title = m.module.title.clone();
    let description = m.module.description.clone();
    let changed = changed_lessons(&m);
    let can_quiz = m.module.quiz.is_some() && !m.status.restudy.topics.is_empty();
    // Known on the device before the quiz is opened: say why instead of a button that fails.
    let no_quiz_now = blocked(&m, local::now());
    let done = m.status.done_at.is_some();
    let first_todo = todo
        .iter()
        .position(|l| m.status.restudy.lessons.contains(l))
        .unwrap_or(0);
    let lessons_left = !m.status.restudy.lessons.is_empty();
    view! {
        <section class="card">
            <h1>{move || title.get(lang.get()).to_string()}</h1>
            {description.map(|d| view! { <p>{move || d.get(lang.get()).to_string()}</p> })}
            {(!changed.is_empty()).then(|| view! {
                <div class="updated" role="status">
                    <p>{t(Msg::Updated)}</p>
                    <ul class="restudy">
                        {changed.into_iter().map(|(title, note)| view! {
                            <li><strong>{move || title.get(lang.get()).to_string()}</strong>" "{move || note.as_ref().map(|n| n.get(lang.get()).to_string())}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {lessons_left.then(|| view! {
                <button type="button" class="primary" on:click=move |_| step.set(Step::Lesson(first_todo))>
                    {t(Msg::Next)}
                </button>
            })}
            {(!lessons_left && can_quiz).then(|| quiz_button(no_quiz_now, Msg::StartQuiz, step))}
            {done.then(|| view! {
                <p class="done">{t(Msg::Done)}</p>
                <button type="button" on:click=move |_| step.set(Step::Certificate)>{t(Msg::ShowCertificate)}</button>
            })}
        </section>
    }
}

fn lesson(m: MyModule, i: usize, step: RwSignal<Step>) -> impl IntoView {
    let lang = use_lang();
    let todo = sequence(&m);
    let total = todo.len();
    let Some(lesson) = todo.get(i).and_then(|id| m.module.lesson(id)).cloned() else {
        return view! { <p>{t(Msg::LinkInvalid)}</p> }.into_any();
    };
    let has_quiz = m.module.quiz.is_some() && !m.status.restudy.topics.is_empty();
    let no_quiz_now = blocked(&m, local::now());
    let title = lesson.title.clone();
    let html = move || m.lesson_html(&lesson.id, lang.get()).to_string();
    view! {
        <article class="card lesson">
            <p class="meta">{move || fill(Msg::LessonOf, lang.get(), &[("n", (i + 1).to_string()), ("total", total.to_string())])}</p>
            <h1>{move || title.get(lang.get()).to_string()}</h1>
            <div class="lesson-body" inner_html=html></div>
            <nav class="steps">
                {(i > 0).then(|| view! {
                    <button type="button" on:click=move |_| step.set(Step::Lesson(i - 1))>{t(Msg::Previous)}</button>
                })}
                {if i + 1 < total {
                    view! { <button type="button" class="primary" on:click=move |_| step.set(Step::Lesson(i + 1))>{t(Msg::Next)}</button> }.into_any()
                } else if has_quiz && no_quiz_now.is_none() {
                    quiz_button(None, Msg::ToQuiz, step).into_any()
                } else if let Some(why) = no_quiz_now.filter(|_| has_quiz) {
                    view! {
                        {quiz_button(Some(why), Msg::ToQuiz, step)}
                        <button type="button" on:click=move |_| step.set(Step::Overview)>{t(Msg::Done)}</button>
                    }.into_any()
                } else {
                    view! { <button type="button" class="primary" on:click=move |_| step.set(Step::Overview)>{t(Msg::Done)}</button> }.into_any()
                }}
            </nav>
        </article>
    }
    .into_any()
}

/// The button to the quiz (labelled `label`), or while no attempt can start, why not.
fn quiz_button(why: Option<NoAttempt>, label: Msg, step: RwSignal<Step>) -> impl IntoView {
    let lang = use_lang();
    match why {
        None => view! {
            <button type="button" class="primary" on:click=move |_| step.set(Step::Quiz)>{t(label)}</button>
        }
        .into_any(),
        Some(why) => view! {
            <p class="quiz-blocked" role="status">{move || why.text(lang.get(), browser_time)}</p>
        }
        .into_any(),
    }
}
