//! One module: an overview (what is done, what a new version asks to re-study, every lesson to
//! reread), its lessons one screen at a time, the quiz, the results per topic with a retry, and
//! the certificate.

use super::Session;
use super::certificate::CertificateView;
use super::next_attempt::{blocked, browser_time};
use super::quiz::QuizView;
pub use super::step::Step;
use super::wait;
use crate::i18n::{Msg, counted, fill, t, use_lang};
use crate::local;
use leptos::prelude::*;
use wavegate_core::i18n::Text;
use wavegate_core::training::Stage;
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

/// The lessons a step pages through: the study path ([`sequence`]) or, rereading, all of them.
fn lessons_of(m: &MyModule, step: &Step) -> Vec<String> {
    match step {
        Step::Reread(_) => m.module.lessons.iter().map(|l| l.id.clone()).collect(),
        _ => sequence(m),
    }
}

/// The lesson a step shows, if it shows one.
pub fn lesson_at(m: &MyModule, step: &Step) -> Option<String> {
    match step {
        Step::Lesson(i) | Step::Reread(i) => lessons_of(m, step).get(*i).cloned(),
        _ => None,
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
    // The module's title names the tab, on every screen of it (the certificate's printout too).
    let lang = use_lang();
    wavegate_ui::dom::name_page(move || {
        mine().map_or_else(String::new, |m| m.module.title.get(lang.get()).into())
    });
    Effect::new(move |_| {
        let s = step.get();
        focus_main();
        // A reread records a view as reading does: a view is a fact that only grows (the
        // first one is kept), so reading again never undoes what was recorded.
        if let Some(lesson) = mine().and_then(|m| lesson_at(&m, &s)) {
            session.view_lesson(&id.get_value(), &lesson);
        }
    });
    move || {
        let Some(m) = mine() else {
            return view! { <p>{t(Msg::LinkInvalid)}</p> }.into_any();
        };
        // The button goes with the module: focus to the top of the list that replaces it.
        let back_link = view! {
            <p class="no-print"><button type="button" class="link" on:click=move |_| { back.set(None); focus_main(); }>{t(Msg::Back)}</button></p>
        };
        let body = match step.get() {
            Step::Overview => overview(m, step).into_any(),
            Step::Lesson(i) => lesson(m, i, false, step).into_any(),
            Step::Reread(i) => lesson(m, i, true, step).into_any(),
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
    let module_id = m.module.id.clone();
    let done = m.status.done_at.is_some();
    let first_todo = todo
        .iter()
        .position(|l| m.status.restudy.lessons.contains(l))
        .unwrap_or(0);
    let lessons_left = !m.status.restudy.lessons.is_empty();
    // Nothing done yet: the trainee starts; else they go on where they stopped.
    let go_on = if m.status.stage == Stage::Assigned {
        Msg::Begin
    } else {
        Msg::ContinueReading
    };
    let size = about(&m);
    let list = lesson_list(&m, lessons_left, step);
    view! {
        <section class="card">
            <h1>{move || title.get(lang.get()).to_string()}</h1>
            {description.map(|d| view! { <p>{move || d.get(lang.get()).to_string()}</p> })}
            {(!done).then_some(size)}
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
                    {t(go_on)}
                </button>
            })}
            {(!lessons_left && can_quiz).then(|| quiz_button(module_id, Msg::StartQuiz, step))}
            {done.then(|| view! {
                <p class="done">{t(Msg::Done)}</p>
                <button type="button" class="secondary" on:click=move |_| step.set(Step::Certificate)>{t(Msg::ShowCertificate)}</button>
            })}
            {list}
        </section>
    }
}

/// What the module asks before it is begun: how many lessons, about how long, and the quiz's
/// pass mark.
fn about(m: &MyModule) -> impl IntoView + use<> {
    let lang = use_lang();
    let lessons = m.module.lessons.len();
    let minutes = m.module.estimate_minutes;
    let pass_mark = m
        .module
        .quiz
        .as_ref()
        .map(|q| (q.pass_mark * 100.0).round() as u32);
    view! {
        <p class="meta about">
            {move || {
                let lang = lang.get();
                let count = counted(lessons as u64, Msg::OneLesson, Msg::LessonCount, lang);
                format!("{count} · {}", fill(Msg::Minutes, lang, &[("n", minutes.to_string())]))
            }}
            {pass_mark.map(|n| view! {
                <br />{move || fill(Msg::QuizPassMark, lang.get(), &[("n", n.to_string())])}
            })}
        </p>
    }
}

/// Every lesson of the module, each opened on its own, in every stage: while enrolling one
/// rereads the steps, before a retry one restudies, after passing one looks something up.
fn lesson_list(m: &MyModule, lessons_left: bool, step: RwSignal<Step>) -> impl IntoView + use<> {
    let lang = use_lang();
    let heading = if lessons_left {
        Msg::AllLessons
    } else {
        Msg::RereadLessons
    };
    let items = m
        .module
        .lessons
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let title = l.title.clone();
            view! {
                <li><button type="button" class="link" on:click=move |_| step.set(Step::Reread(i))>
                    {move || title.get(lang.get()).to_string()}
                </button></li>
            }
        })
        .collect_view();
    view! {
        <nav class="lesson-list" aria-labelledby="lesson-list-title">
            <h2 id="lesson-list-title">{t(heading)}</h2>
            <ol>{items}</ol>
        </nav>
    }
}

/// The `i`-th lesson of the study path, or with `reread` of all the module's lessons (whose last
/// one leads back to the overview rather than to the quiz).
fn lesson(m: MyModule, i: usize, reread: bool, step: RwSignal<Step>) -> impl IntoView {
    let lang = use_lang();
    let at = move |j: usize| {
        if reread {
            Step::Reread(j)
        } else {
            Step::Lesson(j)
        }
    };
    let todo = lessons_of(&m, &at(i));
    let total = todo.len();
    let Some(lesson) = todo.get(i).and_then(|id| m.module.lesson(id)).cloned() else {
        return view! { <p>{t(Msg::LinkInvalid)}</p> }.into_any();
    };
    let has_quiz = m.module.quiz.is_some() && !m.status.restudy.topics.is_empty();
    let no_quiz_now = blocked(&m, local::now());
    let module_id = m.module.id.clone();
    let title = lesson.title.clone();
    let html = move || m.lesson_html(&lesson.id, lang.get()).to_string();
    view! {
        <article class="card lesson">
            <p class="meta">{move || fill(Msg::LessonOf, lang.get(), &[("n", (i + 1).to_string()), ("total", total.to_string())])}</p>
            <h1>{move || title.get(lang.get()).to_string()}</h1>
            <div class="lesson-body" inner_html=html></div>
            <nav class="steps">
                {(i > 0).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| step.set(at(i - 1))>{t(Msg::Previous)}</button>
                })}
                {if i + 1 < total {
                    view! { <button type="button" class="primary" on:click=move |_| step.set(at(i + 1))>{t(Msg::Next)}</button> }.into_any()
                } else if reread {
                    view! { <button type="button" class="primary" on:click=move |_| step.set(Step::Overview)>{t(Msg::BackToModule)}</button> }.into_any()
                } else if has_quiz && no_quiz_now.is_none() {
                    quiz_button(module_id, Msg::ToQuiz, step).into_any()
                } else if has_quiz {
                    // The quiz still stands between the trainee and done (a wait, or every
                    // attempt used): back to the module, never "done".
                    view! {
                        {quiz_button(module_id, Msg::ToQuiz, step)}
                        <button type="button" class="secondary" on:click=move |_| step.set(Step::Overview)>{t(Msg::BackToModule)}</button>
                    }.into_any()
                } else {
                    view! { <button type="button" class="primary" on:click=move |_| step.set(Step::Overview)>{t(Msg::Done)}</button> }.into_any()
                }}
            </nav>
        </article>
    }
    .into_any()
}

/// The button to the quiz (labelled `label`), or while no attempt can start, why not (known
/// on the device before the quiz is opened: better than a button that fails). A wait that ends
/// while the page shows brings the button.
fn quiz_button(module_id: String, label: Msg, step: RwSignal<Step>) -> impl IntoView {
    let lang = use_lang();
    let why = wait::followed(expect_context::<Session>(), module_id);
    move || {
        match why.get() {
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
}
