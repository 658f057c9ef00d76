//! The quiz: the questions the core draws for this attempt, one at a time, each checked at once
//! with the feedback of the options; then the results per topic, the attempt policy, and a
//! retry. Scored on the device by the core (so it works offline) and again by the server. The
//! attempt in progress is kept on the device ([`crate::quiz_draft`]), so a reload continues it.

use super::Session;
use super::next_attempt::{NoAttempt, browser_time, next_attempt};
use super::quiz_focus::{FEEDBACK, QUESTION, RESULT};
use super::retry::RetryPolicy;
use super::step::{Step, go};
use crate::i18n::{Msg, both, fill, said, t, tr, use_lang};
use crate::{local, quiz_draft};
use leptos::prelude::*;
use wavegate_core::i18n::Text;
use wavegate_core::training::wire::{MyModule, SubmitAnswers};
use wavegate_core::training::{
    AttemptPlan, ProgressError, Question, QuestionKind, QuestionResult, Quiz, QuizAnswer,
    QuizAnswers, QuizResult, score,
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
    let helpdesk = session.training.with_untracked(|tr| tr.helpdesk.is_some());
    next_attempt(&m, local::now(), helpdesk).map(|plan| Attempt {
        id: local::new_id(),
        plan,
        started_at: local::now(),
    })
}

/// The result of question `qid` with the answer `answers` give it; none without one.
fn check_one(quiz: &Quiz, qid: &String, answers: &QuizAnswers) -> Option<QuestionResult> {
    let mine: QuizAnswers = (answers.get(qid).filter(|x| x.is_given()))
        .map(|x| [(qid.clone(), x.clone())].into())
        .unwrap_or_default();
    if mine.is_empty() {
        return None;
    }
    let r = score(quiz, std::slice::from_ref(qid), &mine).ok()?;
    r.questions.into_iter().next()
}

/// The quiz of a module. An attempt in progress on the device continues at the question with a
/// choice made and not checked, else at the last question checked, with its feedback, and goes
/// on from there.
#[component]
pub fn QuizView(module_id: String, step: RwSignal<Step>) -> impl IntoView {
    let session = expect_context::<Session>();
    let lang = use_lang();
    let token = StoredValue::new(session.token.get_value());
    let mut given = QuizAnswers::new();
    let mut choosing = QuizAnswers::new();
    let first = plan(session, &module_id).map(|a| {
        let mut kept = token
            .with_value(|t| quiz_draft::matching(t, &module_id, &a.plan))
            .into_iter();
        match kept.next() {
            Some(d) => {
                given = d.answers;
                choosing = kept.next().map(|c| c.answers).unwrap_or_default();
                Attempt {
                    id: d.id,
                    started_at: d.started_at,
                    ..a
                }
            }
            None => a,
        }
    });
    let qs = first
        .as_ref()
        .map(|a| a.plan.questions.clone())
        .unwrap_or_default();
    // The last question checked, shown with its feedback, unless a choice was made on the next
    // one and not checked: that one, as it was left.
    let done = qs.iter().take_while(|q| given.contains_key(*q)).count();
    let at = match qs
        .get(done)
        .and_then(|q| Some((q.clone(), choosing.get(q)?.clone())))
    {
        Some((q, choice)) => {
            given.insert(q, choice);
            done
        }
        None => done.saturating_sub(1),
    };
    let restored = (at < done).then(|| {
        let quiz = module_of(session, &module_id)?.module.quiz?;
        check_one(&quiz, &qs[at], &given)
    });
    let id = StoredValue::new(module_id);
    let attempt = RwSignal::new(first);
    let index = RwSignal::new(at);
    let answers = RwSignal::new(given);
    let checked = RwSignal::new(restored.flatten());
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
    // The attempt with the answers so far, as it is sent (`submitted_at` set) or kept.
    let so_far = move |submitted_at| {
        attempt.get_untracked().ok().map(|a| SubmitAnswers {
            id: a.id,
            number: a.plan.number,
            version: a.plan.version,
            answers: answers.get_untracked(),
            started_at: a.started_at,
            submitted_at,
        })
    };
    // A choice made on question `qid` and not checked yet is kept as well, so a reload shows
    // the question as it was left; every box unticked again, only the checked answers are.
    let keep_choice = move |qid: &String| {
        let (Some(all), Some(mut checked)) = (so_far(None), so_far(None)) else {
            return;
        };
        checked.answers.clear();
        for (q, x) in all.answers.iter().filter(|(q, _)| *q != qid) {
            checked.answers.insert(q.clone(), x.clone());
        }
        let chosen = all.answers.get(qid).is_some_and(QuizAnswer::is_given);
        token.with_value(|t| match chosen {
            false if checked.answers.is_empty() => quiz_draft::remove(t),
            _ => quiz_draft::keep(t, &id.get_value(), checked, chosen.then_some(all)),
        });
    };
    // Opened on its first question (or where it was left): start there rather than at the top
    // of the page.
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
                    <section class="card quiz-blocked"><p role="status">{tr(both(|l| why.text(l, browser_time)))}</p>
                    {go("secondary", Step::Overview, said(Msg::Back), step)}</section>
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
        let check = move || {
            // Checked without an answer it would only be marked wrong: ask for one instead.
            let r = answers.with_untracked(|all| check_one(&quiz, &qid, all));
            missing.set(r.is_none());
            if r.is_some() {
                checked.set(r);
                focus_id_soon(FEEDBACK.into());
                // Every answer checked so far is kept: a reload shows this question's
                // feedback again and goes on from there.
                if let Some(a) = so_far(None) {
                    token.with_value(|t| quiz_draft::keep(t, &id.get_value(), a, None));
                }
            }
        };
        let finish = move || {
            // The device's time goes with it: if it waits offline, the server judges the wait
            // before the next attempt on when it was made, not when it arrived.
            let Some(body) = so_far(Some(local::now())) else {
                return;
            };
            // Submitted: nothing left to continue (recorded, it is in the progress).
            token.with_value(|t| quiz_draft::remove(t));
            result.set(session.record_attempt(&id.get_value(), body));
            focus_id_soon(RESULT.into());
        };
        // What the button does now.
        let now = move || match (checked.get().is_some(), i + 1 < total) {
            (false, _) => Msg::Check,
            (true, true) => Msg::Next,
            (true, false) => Msg::SeeResults,
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
                <p class="meta">{tr(both(|l| fill(Msg::QuestionOf, l, &[("n", (i + 1).to_string()), ("total", total.to_string())])))}</p>
                <fieldset disabled=move || checked.get().is_some()
                    aria-describedby={let unanswered = unanswered.clone(); move || unanswered().then_some(MISSING)}>
                    <legend><h1 id=QUESTION tabindex="-1">{tr(text)}</h1></legend>
                    <div class="options">{inputs(q.clone(), order, answers, keep_choice)}</div>
                </fieldset>
                {move || unanswered().then(|| view! {
                    <p class="question-error" id=MISSING role="alert">{t(Msg::ChooseFirst)}</p>
                })}
                {move || checked.get().map(|r| feedback(r, q_for_feedback.clone(), answers.with_untracked(|a| a.get(&q_for_feedback.id).cloned())))}
                // One button that checks, then goes on: its label follows, and focus is moved to
                // what each press brings (one view for the three, smaller to download).
                <nav class="steps">
                    <button type="button" class="primary" on:click=move |_| match now() {
                        Msg::Check => check(),
                        Msg::Next => { checked.set(None); index.set(i + 1); focus_id_soon(QUESTION.into()); }
                        _ => finish(),
                    }>{move || now().text(lang.get())}</button>
                </nav>
            </section>
        }
        .into_any()
    }
}

/// The inputs of one question, writing into `answers` and showing what it holds: the page
/// redraws the next question of the same kind into the same inputs, and a box the browser left
/// ticked would show an answer the quiz does not have. Each choice goes to `keep` as well.
fn inputs(
    q: Question,
    order: Vec<String>,
    answers: RwSignal<QuizAnswers>,
    keep: impl Fn(&String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let qid = q.id.clone();
    let name = format!("q-{}", q.id);
    let holds = move |qid: &String, is: &dyn Fn(&QuizAnswer) -> bool| {
        answers.with(|a| a.get(qid).is_some_and(is))
    };
    // A single choice and a true/false question are both a row of radio buttons: one view.
    let radios = |choices: Vec<(QuizAnswer, Text)>| {
        choices
            .into_iter()
            .map(|(answer, text)| {
                let (qid, name, mine) = (qid.clone(), name.clone(), answer.clone());
                let chosen = {
                    let qid = qid.clone();
                    move || holds(&qid, &|x| *x == mine)
                };
                view! {
                    <label class="option"><input type="radio" name=name prop:checked=chosen
                        on:change=move |_| { answers.update(|a| { a.insert(qid.clone(), answer.clone()); }); keep(&qid); } />
                    {tr(text)}</label>
                }
            })
            .collect_view()
    };
    match q.kind {
        QuestionKind::SingleChoice { options } => radios(
            (options.into_iter())
                .map(|o| (QuizAnswer::Choice(o.id), o.text))
                .collect(),
        )
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
                        on:change=move |_| { answers.update(|a| {
                            let entry = a.entry(qid.clone()).or_insert_with(|| QuizAnswer::Choices(Vec::new()));
                            if let QuizAnswer::Choices(list) = entry {
                                if let Some(p) = list.iter().position(|x| *x == oid) { list.remove(p); } else { list.push(oid.clone()); }
                            }
                        }); keep(&qid); } />
                    {tr(o.text)}</label>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::TrueFalse { .. } => radios(
            [(true, Msg::TrueWord), (false, Msg::FalseWord)]
                .map(|(value, word)| (QuizAnswer::TrueFalse(value), both(|l| word.text(l).into())))
                .into(),
        )
        .into_any(),
        QuestionKind::Ordering { items, .. } => {
            super::ordering::ordering(qid, items, order, answers, keep).into_any()
        }
    }
}

/// The feedback on a checked question: the verdict, once, then the module's feedback, which
/// says why. On a choice question each line names its option and says whether the trainee
/// picked it, so feedback on an option they missed does not read as if it were about their own
/// answer; and whether it was right to pick only where the verdict leaves that open (some of a
/// multiple choice's options picked rightly, some not), never saying the verdict again.
fn feedback(r: QuestionResult, q: Question, answer: Option<QuizAnswer>) -> impl IntoView {
    // After a right answer, or the one option of a single choice, the verdict says it all.
    let settled = r.correct || matches!(q.kind, QuestionKind::SingleChoice { .. });
    // A wrong true/false answer: which one was right, as a missed option is named.
    let right_word = match q.kind {
        QuestionKind::TrueFalse { answer, .. } if !r.correct => Some(if answer {
            Msg::TrueWord
        } else {
            Msg::FalseWord
        }),
        _ => None,
    };
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
            {right_word.map(|w| view! {
                <p class="right"><strong class="option-label">{t(w)}</strong>" "<span class="verdict">"("{t(Msg::MissedRight)}")"</span></p>
            })}
            <ul>
                {r.feedback.into_iter().map(|f| {
                    let option = f.option.as_ref().and_then(|id| options.iter().find(|o| &o.id == id)).cloned();
                    let label = option.map(|o| {
                        let picked = picked(answer.as_ref(), &o.id);
                        let verdict = match (picked, f.right) {
                            (true, _) if settled => Msg::Picked,
                            (true, true) => Msg::PickedRight,
                            (true, false) => Msg::PickedWrong,
                            (false, _) => Msg::MissedRight,
                        };
                        view! { <strong class="option-label">{tr(o.text)}</strong>" "<span class="verdict">"("{t(verdict)}")"</span>": " }
                    });
                    view! {
                        <li class=if f.right { "right" } else { "wrong" }>{label}{tr(f.text)}</li>
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
    // Failed with every attempt used, the quiz is closed: "not passed", not "not passed yet".
    let verdict = match (r.passed, m.status.attempts_left) {
        (true, _) => Msg::Passed,
        (false, Some(0)) => Msg::Closed,
        _ => Msg::NotPassed,
    };
    view! {
        <section class="card results">
            <h1 id=RESULT tabindex="-1">{t(verdict)}</h1>
            <p class="score">{tr(both(|l| fill(Msg::ScoreLinePercent, l, &[
                ("correct", r.correct.to_string()),
                ("asked", r.asked.to_string()),
                ("percent", percent.to_string()),
            ])))}</p>
            <h2>{t(Msg::PerTopic)}</h2>
            <ul class="topics">
                {topics.into_iter().map(|(name, c, a)| view! {
                    <li>{tr(name)}": "{tr(both(|l| fill(Msg::ScoreLine, l, &[("correct", c.to_string()), ("asked", a.to_string())])))}</li>
                }).collect_view()}
            </ul>
            {(!r.passed).then(|| view! {
                <RetryPolicy module=m.clone() asked=r.asked retry=retry />
                {go("secondary", Step::Reread(0), said(Msg::RereadLessons), step)}
            })}
            {done.then(|| view! {
                {go("primary", Step::Certificate, said(Msg::ShowCertificate), step)}
            })}
        </section>
    }
}
