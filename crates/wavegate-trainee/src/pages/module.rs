//! One module: an overview (what is done, what a new version asks to re-study, every lesson to
//! reread, how the last failed attempt went), its lessons one screen at a time, the quiz, the
//! results per topic with a retry, and the certificate.

use super::Session;
use super::certificate::CertificateView;
use super::last_attempt::last_failed;
use super::next_attempt::{blocked, browser_time};
use super::pending::pending_line;
use super::quiz::QuizView;
pub use super::step::{Step, go};
use super::wait;
use crate::i18n::{Msg, UiMsg, both, counted, fill, said, t, tr, use_lang};
use crate::{local, quiz_draft};
use leptos::prelude::*;
use wavegate_core::i18n::Text;
use wavegate_core::training::wire::MyModule;
use wavegate_core::training::{Stage, full_attempt_size, pass_mark_text};
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
    /// Opens on the quiz when an attempt is in progress on the device (the page was reloaded
    /// mid-quiz).
    #[prop(optional)]
    resume: bool,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let id = StoredValue::new(module_id);
    let resumed = resume
        && session.training.with_untracked(|tr| {
            let token = session.token.get_value();
            (tr.modules.iter().find(|m| m.module.id == id.get_value()))
                .is_some_and(|m| quiz_draft::in_progress(&token, m, local::now()))
        });
    let step = RwSignal::new(if resumed { Step::Quiz } else { Step::Overview });
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
    // Each screen names the tab ("Lesson · Module"), so a screen reader says that the screen
    // changed and the certificate's printout carries the module's title.
    let lang = use_lang();
    wavegate_ui::dom::name_page(move || {
        let (lang, s) = (lang.get(), step.get());
        let Some(m) = mine() else {
            return String::new();
        };
        let screen = match &s {
            Step::Overview => None,
            Step::Lesson(_) | Step::Reread(_) => lesson_at(&m, &s)
                .and_then(|l| m.module.lesson(&l).map(|l| l.title.get(lang).to_string())),
            Step::Quiz => Some(Msg::Quiz.text(lang).to_string()),
            Step::Certificate => {
                Some(wavegate_core::training::Certificate::heading(lang).to_string())
            }
        };
        // The certificate's printout names the version it covers, as its card does: a kept
        // earlier certificate the title of that version, not the one a new version gave.
        let certified = matches!(s, Step::Certificate)
            .then(|| {
                session
                    .training
                    .with_untracked(|tr| m.certificate(&tr.name).ok())
            })
            .flatten();
        let title = certified.map_or_else(|| m.module.title.clone(), |c| c.title);
        let module = title.get(lang);
        screen.map_or_else(|| module.to_string(), |s| format!("{s} · {module}"))
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
    let body = move || {
        let invalid = || view! { <p>{t(UiMsg::LinkInvalid)}</p> }.into_any();
        let Some(m) = mine() else {
            return invalid();
        };
        match step.get() {
            Step::Overview => overview(m, step).into_any(),
            s @ (Step::Lesson(_) | Step::Reread(_)) => {
                lesson(m, s, step).map_or_else(invalid, IntoAny::into_any)
            }
            Step::Quiz => view! { <QuizView module_id=id.get_value() step=step /> }.into_any(),
            Step::Certificate => view! { <CertificateView module=m /> }.into_any(),
        }
    };
    // The button goes with the module: focus to the top of the list that replaces it.
    view! {
        <p class="no-print"><button type="button" class="link" on:click=move |_| { back.set(None); focus_main(); }>{t(Msg::Back)}</button></p>
        {pending_line()}
        {body}
    }
}

fn overview(m: MyModule, step: RwSignal<Step>) -> impl IntoView {
    let todo = sequence(&m);
    let title = m.module.title.clone();
    let description = m.module.description.clone();
    let changed = changed_lessons(&m);
    let can_quiz = m.module.quiz.is_some() && !m.status.restudy.topics.is_empty();
    let module_id = m.module.id.clone();
    let done = m.status.done_at.is_some();
    // Until a new version is done, the certificate of the one finished before stays at hand.
    let earlier = (m.earlier_done.as_ref())
        .filter(|_| !done)
        .map(|s| s.version.to_string());
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
    let (failed, reread) = last_failed(&m).unzip();
    // A quiz left halfway continues; after a failed attempt the next one is a retry.
    let token = expect_context::<Session>().token.get_value();
    let quiz_label = if quiz_draft::in_progress(&token, &m, local::now()) {
        Msg::ResumeQuiz
    } else if failed.is_some() {
        Msg::Retry
    } else {
        Msg::StartQuiz
    };
    let list = lesson_list(&m, lessons_left, reread, step);
    view! {
        <section class="card">
            <h1>{tr(title)}</h1>
            {description.map(|d| view! { <p>{tr(d)}</p> })}
            {(!done).then_some(size)}
            {(!changed.is_empty()).then(|| view! {
                <div class="updated" role="status">
                    <p>{t(Msg::Updated)}</p>
                    <ul class="restudy">
                        {changed.into_iter().map(|(title, note)| view! {
                            <li><strong>{tr(title)}</strong>" "{tr(note.unwrap_or_default())}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            // Shown as the description is, so it adds little to the bundle.
            {failed.map(|said| view! { <p>{tr(said)}</p> })}
            {lessons_left.then(|| go("primary", Step::Lesson(first_todo), said(go_on), step))}
            {(!lessons_left && can_quiz).then(|| quiz_button(module_id, quiz_label, step))}
            {done.then(|| view! {
                <p class="done">{t(Msg::Done)}</p>
                {go("secondary", Step::Certificate, said(Msg::ShowCertificate), step)}
            })}
            {earlier.map(|n| {
                let label = both(|l| fill(Msg::CertificateOfVersion, l, &[("n", n.clone())]));
                go("secondary", Step::Certificate, label, step)
            })}
            {list}
        </section>
    }
}

/// What the module asks before it is begun: how many lessons, about how long, and the quiz's
/// pass mark.
fn about(m: &MyModule) -> impl IntoView + use<> {
    let lessons = m.module.lessons.len();
    let minutes = m.module.estimate_minutes;
    let pass_mark = (m.module.quiz.as_ref()).map(|q| (q.pass_mark, full_attempt_size(q)));
    view! {
        <p class="meta about">
            {tr(both(|lang| {
                let count = counted(lessons as u64, Msg::OneLesson, Msg::LessonCount, lang);
                format!("{count} · {}", fill(Msg::Minutes, lang, &[("n", minutes.to_string())]))
            }))}
            {pass_mark.map(|(mark, asked)| view! {
                <br />{tr(both(|l| pass_mark_text(mark, asked, l)))}
            })}
        </p>
    }
}

/// The lessons of the module, each opened on its own, in every stage: while enrolling one
/// rereads the steps, after passing one looks something up; after a failed attempt those to
/// reread (`reread`, places in the module's list), the rest a "next" away.
fn lesson_list(
    m: &MyModule,
    lessons_left: bool,
    reread: Option<Vec<usize>>,
    step: RwSignal<Step>,
) -> impl IntoView + use<> {
    let heading = if lessons_left && reread.is_none() {
        Msg::AllLessons
    } else {
        Msg::RereadLessons
    };
    let every = reread.unwrap_or_else(|| (0..m.module.lessons.len()).collect());
    view! {
        <nav class="lesson-list" aria-labelledby="lesson-list-title">
            <h2 id="lesson-list-title">{t(heading)}</h2>
            {lesson_links(m, every, step)}
        </nav>
    }
}

/// The lessons `which` (places in the module's list), each a button that opens it to reread.
fn lesson_links(m: &MyModule, which: Vec<usize>, step: RwSignal<Step>) -> impl IntoView + use<> {
    let items = which
        .into_iter()
        .filter_map(|i| Some((i, m.module.lessons.get(i)?.title.clone())))
        .map(|(i, title)| {
            view! {
                <li><button type="button" class="link" on:click=move |_| step.set(Step::Reread(i))>
                    {tr(title)}
                </button></li>
            }
        })
        .collect_view();
    view! { <ol>{items}</ol> }
}

/// The lesson a step shows (`Lesson(i)`: the `i`-th of the study path; `Reread(i)`: of all the
/// module's lessons, whose last one leads back to the overview rather than to the quiz); none
/// when there is no such lesson.
fn lesson(m: MyModule, s: Step, step: RwSignal<Step>) -> Option<impl IntoView + use<>> {
    let lang = use_lang();
    let (i, reread) = match s {
        Step::Reread(i) => (i, true),
        Step::Lesson(i) => (i, false),
        _ => return None,
    };
    let at = move |j: usize| {
        if reread {
            Step::Reread(j)
        } else {
            Step::Lesson(j)
        }
    };
    let todo = lessons_of(&m, &at(i));
    let total = todo.len();
    let lesson = todo.get(i).and_then(|id| m.module.lesson(id)).cloned()?;
    let has_quiz = m.module.quiz.is_some() && !m.status.restudy.topics.is_empty();
    // At the end of the study path the quiz, if it is still to pass.
    let quiz = i + 1 >= total && !reread && has_quiz;
    let then = if i + 1 < total {
        Some(("primary", at(i + 1), Msg::Next))
    } else if reread {
        Some(("primary", Step::Overview, Msg::BackToModule))
    } else if quiz && blocked(&m, local::now(), false).is_some() {
        // The quiz still stands between the trainee and done (a wait, or every attempt
        // used): back to the module, never "done".
        Some(("secondary", Step::Overview, Msg::BackToModule))
    } else if quiz {
        None
    } else {
        Some(("primary", Step::Overview, Msg::Done))
    };
    let module_id = m.module.id.clone();
    let title = lesson.title.clone();
    let html = move || m.lesson_html(&lesson.id, lang.get()).to_string();
    Some(view! {
        <article class="card lesson">
            <p class="meta">{tr(both(|l| fill(Msg::LessonOf, l, &[("n", (i + 1).to_string()), ("total", total.to_string())])))}</p>
            <h1>{tr(title)}</h1>
            <div class="lesson-body" inner_html=html></div>
            <nav class="steps">
                {(i > 0).then(|| go("secondary", at(i - 1), said(Msg::Previous), step))}
                {quiz.then(|| quiz_button(module_id, Msg::ToQuiz, step))}
                {then.map(|(class, to, label)| go(class, to, said(label), step))}
            </nav>
        </article>
    })
}

/// The button to the quiz (labelled `label`), or while no attempt can start, why not (known
/// on the device before the quiz is opened: better than a button that fails). A wait that ends
/// while the page shows brings the button.
fn quiz_button(module_id: String, label: Msg, step: RwSignal<Step>) -> impl IntoView {
    let why = wait::followed(expect_context::<Session>(), module_id);
    move || {
        let why = why.get();
        (
            why.is_none().then(|| go("primary", Step::Quiz, said(label), step)),
            why.map(|why| view! {
                <p class="quiz-blocked" role="status">{tr(both(|l| why.text(l, browser_time)))}</p>
            }),
        )
    }
}
