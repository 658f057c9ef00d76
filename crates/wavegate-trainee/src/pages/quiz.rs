//! The quiz: the questions the core draws for this attempt, one at a time, each checked at once
//! with the feedback of the options; then the results per topic, the attempt policy, and a
//! retry. Scored on the device by the core (so it works offline) and again by the server.

use super::Session;
use super::next_attempt::{NoAttempt, browser_time, next_attempt};
use super::quiz_focus::{FEEDBACK, QUESTION, RESULT};
use super::retry::RetryPolicy;
use super::step::Step;
use crate::i18n::{Msg, fill, t, use_lang};
use crate::local;
use leptos::prelude::*;
use wavegate_core::i18n::Text;
use wavegate_core::training::wire::{MyModule, SubmitAnswers};
use wavegate_core::training::{
    AttemptPlan, ProgressError, Question, QuestionKind, QuestionResult, QuizAnswer, QuizAnswers,
    QuizResult, score,
};
use wavegate_ui::dom::focus_id_soon;

/// The id of the request for an answer, which describes the question's inputs while it shows.
const MISSING: &str = "quiz-missing";

/// The attempt under way.
#[derive(Clone, Debug, PartialEq)]
struct Attempt {
    id: String,
    plan: AttemptPlan,
    started_at: chrono::DateTime<chrono::Utc>,
}

fn module_of(session: Session, id: &str) -> Option<MyModule> {
    session
        .training
        .with_untracked(|tr| tr.modules.iter().find(|m| m.module.id == id).cloned())
}

/// The next attempt, or why there is none now.
fn plan(session: Session, id: &str) -> Result<Attempt, NoAttempt> {
    let m = module_of(session, id).ok_or(NoAttempt::Other(ProgressError::NoQuiz))?;
    next_attempt(&m, local::now()).map(|plan| Attempt {
        id: local::new_id(),
        plan,
        started_at: local::now(),
    })
}

/// The quiz of a module.
#[component]
pub fn QuizView(module_id: String, step: RwSignal<Step>) -> impl IntoView {
    let session = expect_context::<Session>();
    let lang = use_lang();
    let id = StoredValue::new(module_id);
    let attempt = RwSignal::new(plan(session, &id.get_value()));
    let index = RwSignal::new(0usize);
    let answers = RwSignal::new(QuizAnswers::new());
    let checked = RwSignal::new(None::<QuestionResult>);
    // "Check" was pressed on the question shown without an answer.
    let missing = RwSignal::new(false);
    let result = RwSignal::new(None::<QuizResult>);
    let retry = move || {
        attempt.set(plan(session, &id.get_value()));
        index.set(0);
        answers.set(QuizAnswers::new());
        checked.set(None);
        missing.set(false);
        result.set(None);
        focus_id_soon(QUESTION.into());
    };
    // Opened on its first question: start there rather than at the top of the page.
    focus_id_soon(QUESTION.into());
    move || {
        let Some(m) = module_of(session, &id.get_value()) else {
            return ().into_any();
        };
        if let Some(r) = result.get() {
            return results(m, r, retry, step).into_any();
        }
        let a = match attempt.get() {
            Ok(a) => a,
            Err(why) => {
                return view! {
                    <section class="card quiz-blocked"><p role="status">{move || why.text(lang.get(), browser_time)}</p>
                    <button type="button" class="secondary" on:click=move |_| step.set(Step::Overview)>{t(Msg::Back)}</button></section>
                }
                .into_any();
            }
        };
        let total = a.plan.questions.len();
        let i = index.get();
        let Some(q) = a
            .plan
            .questions
            .get(i)
            .and_then(|q| m.module.question(q))
            .cloned()
        else {
            return ().into_any();
        };
        let Some(quiz) = m.module.quiz.clone() else {
            return ().into_any();
        };
        let order = a.plan.orders.get(&q.id).cloned().unwrap_or_default();
        let qid = q.id.clone();
        let check = move |_| {
            let mine: QuizAnswers = answers.with_untracked(|all| {
                all.get(&qid)
                    .filter(|x| x.is_given())
                    .map(|x| [(qid.clone(), x.clone())].into())
                    .unwrap_or_default()
            });
            // Checked without an answer it would only be marked wrong: ask for one instead.
            if mine.is_empty() {
                missing.set(true);
                return;
            }
            missing.set(false);
            if let Ok(r) = score(&quiz, std::slice::from_ref(&qid), &mine) {
                checked.set(r.questions.into_iter().next());
                focus_id_soon(FEEDBACK.into());
            }
        };
        let finish = move |_| {
            let a = attempt.get_untracked();
            let Ok(a) = a else { return };
            let body = SubmitAnswers {
                id: a.id.clone(),
                number: a.plan.number,
                version: a.plan.version,
                answers: answers.get_untracked(),
                started_at: a.started_at,
                // The device's time goes with it: if it waits offline, the server judges the
                // wait before the next attempt on when it was made, not when it arrived.
                submitted_at: Some(local::now()),
            };
            result.set(session.record_attempt(&id.get_value(), body));
            focus_id_soon(RESULT.into());
        };
        let text = q.text.clone();
        let q_for_feedback = q.clone();
        // The request for an answer goes as soon as there is one.
        let unanswered = {
            let qid = q.id.clone();
            move || {
                missing.get() && !answers.with(|a| a.get(&qid).is_some_and(QuizAnswer::is_given))
            }
        };
        view! {
            <section class="card quiz">
                <p class="meta">{move || fill(Msg::QuestionOf, lang.get(), &[("n", (i + 1).to_string()), ("total", total.to_string())])}</p>
                <fieldset disabled=move || checked.get().is_some()
                    aria-describedby={let unanswered = unanswered.clone(); move || unanswered().then_some(MISSING)}>
                    <legend><h1 id=QUESTION tabindex="-1">{move || text.get(lang.get()).to_string()}</h1></legend>
                    <div class="options">{inputs(q.clone(), order, answers)}</div>
                </fieldset>
                {move || unanswered().then(|| view! {
                    <p class="question-error" id=MISSING role="alert">{t(Msg::ChooseFirst)}</p>
                })}
                {move || checked.get().map(|r| feedback(r, q_for_feedback.clone(), answers.with_untracked(|a| a.get(&q_for_feedback.id).cloned())))}
                <nav class="steps">
                    {move || match (checked.get().is_some(), i + 1 < total) {
                        (false, _) => view! { <button type="button" class="primary" on:click=check.clone()>{t(Msg::Check)}</button> }.into_any(),
                        (true, true) => view! { <button type="button" class="primary" on:click=move |_| { checked.set(None); index.set(i + 1); focus_id_soon(QUESTION.into()); }>{t(Msg::Next)}</button> }.into_any(),
                        (true, false) => view! { <button type="button" class="primary" on:click=finish>{t(Msg::SeeResults)}</button> }.into_any(),
                    }}
                </nav>
            </section>
        }
        .into_any()
    }
}

/// The inputs of one question, writing into `answers` and showing what it holds: the page
/// redraws the next question of the same kind into the same inputs, and a box the browser left
/// ticked would show an answer the quiz does not have.
fn inputs(q: Question, order: Vec<String>, answers: RwSignal<QuizAnswers>) -> impl IntoView {
    let lang = use_lang();
    let qid = q.id.clone();
    let name = format!("q-{}", q.id);
    let holds = move |qid: &String, is: &dyn Fn(&QuizAnswer) -> bool| {
        answers.with(|a| a.get(qid).is_some_and(is))
    };
    match q.kind {
        QuestionKind::SingleChoice { options } => options
            .into_iter()
            .map(|o| {
                let (qid, oid, name) = (qid.clone(), o.id.clone(), name.clone());
                let chosen = {
                    let (qid, oid) = (qid.clone(), oid.clone());
                    move || holds(&qid, &|x| picked(Some(x), &oid))
                };
                view! {
                    <label class="option"><input type="radio" name=name prop:checked=chosen
                        on:change=move |_| answers.update(|a| { a.insert(qid.clone(), QuizAnswer::Choice(oid.clone())); }) />
                    {move || o.text.get(lang.get()).to_string()}</label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::MultipleChoice { options } => options
            .into_iter()
            .map(|o| {
                let (qid, oid) = (qid.clone(), o.id.clone());
                let chosen = {
                    let (qid, oid) = (qid.clone(), oid.clone());
                    move || holds(&qid, &|x| picked(Some(x), &oid))
                };
                view! {
                    <label class="option"><input type="checkbox" prop:checked=chosen
                        on:change=move |_| answers.update(|a| {
                            let entry = a.entry(qid.clone()).or_insert_with(|| QuizAnswer::Choices(Vec::new()));
                            if let QuizAnswer::Choices(list) = entry {
                                if let Some(p) = list.iter().position(|x| *x == oid) { list.remove(p); } else { list.push(oid.clone()); }
                            }
                        }) />
                    {move || o.text.get(lang.get()).to_string()}</label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::TrueFalse { .. } => [(true, Msg::TrueWord), (false, Msg::FalseWord)]
            .into_iter()
            .map(|(value, word)| {
                let (qid, name) = (qid.clone(), name.clone());
                let chosen = {
                    let qid = qid.clone();
                    move || holds(&qid, &|x| *x == QuizAnswer::TrueFalse(value))
                };
                view! {
                    <label class="option"><input type="radio" name=name prop:checked=chosen
                        on:change=move |_| answers.update(|a| { a.insert(qid.clone(), QuizAnswer::TrueFalse(value)); }) />
                    {t(word)}</label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Ordering { items, .. } => {
            super::ordering::ordering(qid, items, order, answers).into_any()
        }
    }
}

/// The feedback on a checked question. On a choice question each line names its option and
/// says whether the trainee picked it and whether it was right to pick, so feedback on an
/// option they missed does not read as if it were about their own answer.
fn feedback(r: QuestionResult, q: Question, answer: Option<QuizAnswer>) -> impl IntoView {
    let lang = use_lang();
    let options = match q.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            options
        }
        _ => Vec::new(),
    };
    view! {
        // Focused once checked (the Check button it replaces took focus with it), so it is read
        // at once; a live region as well would read it twice.
        <div class=if r.correct { "feedback right" } else { "feedback wrong" } id=FEEDBACK tabindex="-1">
            <p><strong>{if r.correct { t(Msg::Right) } else { t(Msg::Wrong) }}</strong></p>
            <ul>
                {r.feedback.into_iter().map(|f| {
                    let option = f.option.as_ref().and_then(|id| options.iter().find(|o| &o.id == id)).cloned();
                    let label = option.map(|o| {
                        let picked = picked(answer.as_ref(), &o.id);
                        let verdict = match (picked, f.right) {
                            (true, true) => Msg::PickedRight,
                            (true, false) => Msg::PickedWrong,
                            (false, _) => Msg::MissedRight,
                        };
                        view! { <strong class="option-label">{move || o.text.get(lang.get()).to_string()}</strong>" "<span class="verdict">"("{t(verdict)}")"</span>": " }
                    });
                    view! {
                        <li class=if f.right { "right" } else { "wrong" }>{label}{move || f.text.get(lang.get()).to_string()}</li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Whether `answer` picks the option `id`.
fn picked(answer: Option<&QuizAnswer>, id: &str) -> bool {
    match answer {
        Some(QuizAnswer::Choice(c)) => c == id,
        Some(QuizAnswer::Choices(cs)) => cs.iter().any(|c| c == id),
        _ => false,
    }
}

/// The results of an attempt: passed or not, per topic, the attempt policy and a retry.
fn results(
    m: MyModule,
    r: QuizResult,
    retry: impl Fn() + Send + Sync + 'static,
    step: RwSignal<Step>,
) -> impl IntoView {
    let lang = use_lang();
    // Each topic's title in both languages, read in the page's language as it changes.
    let topics: Vec<(Text, u32, u32)> = r
        .topics
        .iter()
        .map(|tr| {
            let name = m
                .module
                .topic(&tr.topic)
                .map(|tp| tp.title.clone())
                .unwrap_or_else(|| Text::new(tr.topic.clone(), tr.topic.clone()));
            (name, tr.correct, tr.asked)
        })
        .collect();
    let done = m.status.done_at.is_some();
    let percent = r.percent();
    view! {
        <section class="card results">
            <h1 id=RESULT tabindex="-1">{if r.passed { t(Msg::Passed) } else { t(Msg::NotPassed) }}</h1>
            <p class="score">{move || fill(Msg::ScoreLinePercent, lang.get(), &[
                ("correct", r.correct.to_string()),
                ("asked", r.asked.to_string()),
                ("percent", percent.to_string()),
            ])}</p>
            <h2>{t(Msg::PerTopic)}</h2>
            <ul class="topics">
                {topics.into_iter().map(|(name, c, a)| view! {
                    <li>{move || name.get(lang.get()).to_string()}": "{move || fill(Msg::ScoreLine, lang.get(), &[("correct", c.to_string()), ("asked", a.to_string())])}</li>
                }).collect_view()}
            </ul>
            {(!r.passed).then(|| view! {
                <RetryPolicy module=m.clone() asked=r.asked retry=retry />
                <button type="button" class="secondary" on:click=move |_| step.set(Step::Reread(0))>{t(Msg::RereadLessons)}</button>
            })}
            {done.then(|| view! {
                <button type="button" class="primary" on:click=move |_| step.set(Step::Certificate)>{t(Msg::ShowCertificate)}</button>
            })}
        </section>
    }
}
