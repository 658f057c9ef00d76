//! Component tests of the trainee app in headless Chromium (wasm-bindgen-test): its words, the
//! link it reads, what a device keeps and forgets, and how offline progress joins the server's.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen_test::*;
use wavegate_core::i18n::Lang;
use wavegate_core::training::templates;
use wavegate_core::training::wire::{MyModule, MyTraining, SyncView};
use wavegate_core::training::{Lineage, Progress, Stage};
use wavegate_trainee::i18n::{Msg, UiMsg, fill};
use wavegate_trainee::{Route, local, route, token_of};
use wavegate_ui::test_support::{mount, settle, text_of};

wasm_bindgen_test_configure!(run_in_browser);

const REGISTRATION: &str = "3f2a9c1e-7b4d-4e8a-9c6f-1a2b3c4d5e6f";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// One built-in module, assigned and untouched.
fn assigned() -> MyModule {
    let module = templates::all().into_iter().next().unwrap();
    let lineage = Lineage::first(&module);
    let progress = Progress::new(&module, REGISTRATION, at("2027-01-11T08:00:00Z")).unwrap();
    MyModule::new(module, lineage, progress)
}

fn training(modules: Vec<MyModule>) -> MyTraining {
    MyTraining {
        program_name: "Uitrol".into(),
        helpdesk: None,
        faq_url: None,
        name: "Anne de Vries".into(),
        language: None,
        modules,
    }
}

fn local_storage_keys() -> Vec<String> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .collect()
}

/// Nothing of the training link `token` is left on the device: no copy, no outbox, no key.
fn assert_nothing_left(token: &str) {
    assert_eq!(local::cached(token), None);
    assert!(local::outbox(token).is_empty());
    let left: Vec<String> = local_storage_keys()
        .into_iter()
        .filter(|k| k.contains(token))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[wasm_bindgen_test]
fn every_trainee_message_exists_in_both_languages_with_the_same_placeholders() {
    assert_eq!(wavegate_ui::i18n::first_incomplete(Msg::ALL), None);
    assert_eq!(wavegate_ui::i18n::first_incomplete(UiMsg::ALL), None);
}

#[wasm_bindgen_test]
fn only_a_training_link_of_one_token_opens_the_app() {
    assert_eq!(token_of("/t/Abc-123_x"), Some("Abc-123_x".to_string()));
    assert_eq!(token_of("/t/Abc-123_x/"), Some("Abc-123_x".to_string()));
    for path in ["/t/", "/t", "/r/Abc", "/t/a/b", "/"] {
        assert_eq!(token_of(path), None, "{path}");
        assert_eq!(route(path), Route::Invalid, "{path}");
    }
    assert_eq!(route("/t/Abc-123_x"), Route::Training("Abc-123_x".into()));
    assert_eq!(route("/t/cleared"), Route::Cleared);
    assert_eq!(route("/t/cleared/"), Route::Cleared);
}

#[wasm_bindgen_test]
fn not_you_leaves_nothing_of_the_link_on_the_device() {
    let token = "tok-not-you";
    let module = assigned();
    let lesson = module.module.lessons[0].id.clone();
    local::keep(token, &training(vec![module.clone()]));
    local::enqueue_view(
        token,
        &module.module.id,
        SyncView {
            id: "view-1".into(),
            version: module.module.version,
            lesson,
            at: at("2027-01-12T09:00:00Z"),
        },
    );
    // A quiz left halfway goes too.
    let draft = wavegate_core::training::wire::SubmitAnswers {
        id: "attempt-halfway".into(),
        number: 1,
        version: module.module.version,
        answers: Default::default(),
        started_at: at("2027-01-12T09:05:00Z"),
        submitted_at: None,
    };
    // With a choice made on its next question and not checked.
    let choosing = wavegate_core::training::wire::SubmitAnswers {
        answers: [("q1".to_string(), QuizAnswer::Choice("a".into()))].into(),
        ..draft.clone()
    };
    wavegate_trainee::quiz_draft::keep(token, &module.module.id, draft.clone(), Some(choosing));
    assert!(local::cached(token).is_some());
    assert_eq!(local::outbox(token).len(), 1, "never sent");
    assert_eq!(
        wavegate_trainee::quiz_draft::load_any(token),
        Some((module.module.id.clone(), draft))
    );

    local::clear(token);
    assert_nothing_left(token);
}

#[wasm_bindgen_test]
fn a_view_queued_twice_is_sent_once() {
    let token = "tok-once";
    local::clear(token);
    let module = assigned();
    let view = SyncView {
        id: "view-same".into(),
        version: module.module.version,
        lesson: module.module.lessons[0].id.clone(),
        at: at("2027-01-12T09:00:00Z"),
    };
    local::enqueue_view(token, &module.module.id, view.clone());
    local::enqueue_view(token, &module.module.id, view);
    assert_eq!(local::outbox(token).len(), 1);
    local::clear(token);
}

#[wasm_bindgen_test]
fn lessons_read_offline_stay_read_when_the_servers_older_copy_arrives() {
    let server_copy = assigned();
    let mut device_copy = server_copy.clone();
    let lessons: Vec<String> = (device_copy.module.lessons.iter())
        .map(|l| l.id.clone())
        .collect();
    for (i, lesson) in lessons.iter().enumerate() {
        let when = at("2027-01-12T09:00:00Z") + chrono::Duration::minutes(i as i64);
        (device_copy.progress)
            .view_lesson(&device_copy.module, lesson, when)
            .unwrap();
    }
    device_copy.status = device_copy
        .progress
        .status(&device_copy.module, &device_copy.lineage);
    assert_ne!(device_copy.status.stage, Stage::Assigned);

    let mut joined = training(vec![server_copy]);
    local::join(&mut joined, Some(&training(vec![device_copy.clone()])));
    assert_eq!(joined.modules[0].progress, device_copy.progress);
    assert_eq!(joined.modules[0].status, device_copy.status);
    // Nothing on the device: the server's copy as it was.
    let mut alone = training(vec![assigned()]);
    local::join(&mut alone, None);
    assert_eq!(alone.modules[0].status.stage, Stage::Assigned);
}

#[wasm_bindgen_test]
async fn a_link_without_a_token_says_it_is_not_valid_in_both_languages() {
    let (host, _keep) = mount(|| view! { <wavegate_trainee::App route=Route::Invalid /> });
    settle().await;
    let main = text_of(&host, "main");
    let nl = UiMsg::LinkInvalid.text(Lang::Nl);
    let en = UiMsg::LinkInvalid.text(Lang::En);
    assert!(main.contains(nl) || main.contains(en), "{main}");
    // A page of its own, with a heading like every page, as the respondent's is.
    let heading = text_of(&host, "main h1");
    assert!(
        [Lang::Nl, Lang::En]
            .map(|l| UiMsg::LinkInvalidTitle.text(l))
            .contains(&heading.as_str()),
        "{heading}"
    );
    // And a way on: the start page.
    let home = text_of(&host, "main a[href='/']");
    assert!(
        [Lang::Nl, Lang::En]
            .map(|l| UiMsg::BackHome.text(l))
            .contains(&home.as_str()),
        "{home}"
    );
}

/// The first module with its quiz's attempt policy set, after one attempt answered with nothing
/// (so failed) at 09:05.
fn failed_once(max: Option<u32>, wait_minutes: u32) -> MyModule {
    use wavegate_core::training::{QuizAnswers, Submission};
    let mut m = assigned();
    let quiz = m.module.quiz.as_mut().expect("the module has a quiz");
    quiz.attempts.max = max;
    quiz.attempts.wait_minutes = wait_minutes;
    let plan = (m.progress)
        .next_attempt(&m.module, &m.lineage, at("2027-01-12T09:00:00Z"))
        .unwrap();
    let submission = Submission {
        id: "attempt-one".into(),
        number: plan.number,
        answers: QuizAnswers::new(),
        started_at: at("2027-01-12T09:00:00Z"),
        submitted_at: None,
    };
    let result = (m.progress)
        .submit_attempt(
            &m.module,
            &m.lineage,
            submission,
            at("2027-01-12T09:05:00Z"),
        )
        .unwrap();
    assert!(!result.passed);
    m.status = m.progress.status(&m.module, &m.lineage);
    m
}

#[wasm_bindgen_test]
fn the_device_draws_the_questions_the_server_draws() {
    use wavegate_core::training::draw::{Seed, draw};
    // The server's draws of these attempts, as the core's native test
    // `the_draw_is_the_one_the_device_makes` asserts them: a device that drew others had its
    // attempts refused.
    let module = templates::builtin("enroll-android").unwrap();
    let quiz = module.quiz.as_ref().unwrap();
    let trouble = |n: u32| -> Vec<String> {
        draw(quiz, &Seed::new("f7815f2e-3656-4b5d-b5da-c0077d3e8849", n))
            .into_iter()
            .filter(|id| id.starts_with("trouble_"))
            .collect()
    };
    assert_eq!(trouble(1), ["trouble_unsupported", "trouble_space"]);
    assert_eq!(trouble(2), ["trouble_auth", "trouble_unsupported"]);
    assert_eq!(trouble(3), ["trouble_auth", "trouble_space"]);
}

#[wasm_bindgen_test]
fn an_attempt_the_server_refused_no_longer_counts_on_the_device() {
    let mut copy = training(vec![failed_once(None, 0)]);
    let id = copy.modules[0].module.id.clone();
    assert_eq!(copy.modules[0].status.attempts_used, 1);
    assert_eq!(local::drop_refused(&mut copy, &id, &["another".into()]), 0);
    assert_eq!(
        local::drop_refused(&mut copy, &id, &["attempt-one".into()]),
        1
    );
    assert_eq!(copy.modules[0].status.attempts_used, 0);
    assert!(copy.modules[0].progress.attempts.is_empty());
}

#[wasm_bindgen_test]
fn a_quiz_that_cannot_start_yet_says_until_when_in_local_time() {
    use wavegate_trainee::pages::next_attempt::{NoAttempt, blocked, browser_time};
    let waiting = failed_once(None, 30);
    let why = blocked(&waiting, at("2027-01-12T09:10:00Z"), false).unwrap();
    assert_eq!(why, NoAttempt::Wait(at("2027-01-12T09:35:00Z")));
    let utc = |t: DateTime<Utc>| t.naive_utc();
    assert_eq!(
        why.text(Lang::Nl, utc),
        "Een nieuwe poging kan vanaf 12 januari 2027, 09:35."
    );
    assert_eq!(
        why.text(Lang::En, utc),
        "You can try again from 12 January 2027, 09:35."
    );
    let shown = why.text(Lang::Nl, browser_time);
    assert!(
        !shown.contains("UTC") && !shown.contains("2027-01-12") && shown.contains("januari"),
        "in words, in the trainee's zone, not the server's stamp: {shown}"
    );
    assert_eq!(
        blocked(&waiting, at("2027-01-12T09:36:00Z"), false),
        None,
        "the wait is over"
    );
}

#[wasm_bindgen_test]
fn a_quiz_with_every_attempt_used_says_it_is_closed_and_whom_to_ask_only_when_there_is_one() {
    use wavegate_trainee::pages::next_attempt::{NoAttempt, blocked, browser_time};
    let used_up = failed_once(Some(1), 0);
    let why = blocked(&used_up, at("2027-01-12T09:10:00Z"), true).unwrap();
    assert_eq!(why, NoAttempt::NoneLeft(true));
    let nl = why.text(Lang::Nl, browser_time);
    assert!(
        nl.contains("alle pogingen") && nl.contains("gesloten") && nl.contains("helpdesk"),
        "{nl}"
    );
    assert!(why.text(Lang::En, browser_time).contains("helpdesk"));
    // A program without a helpdesk: no pointing to contact details that are not there.
    let why = blocked(&used_up, at("2027-01-12T09:10:00Z"), false).unwrap();
    for lang in [Lang::Nl, Lang::En] {
        let said = why.text(lang, browser_time);
        assert_eq!(said, Msg::NoAttemptsLeft.text(lang), "{said}");
        assert!(!said.contains("helpdesk") && !said.contains("helpdesk"));
    }
    // Unlimited attempts without a wait: the quiz opens.
    assert_eq!(
        blocked(&failed_once(None, 0), at("2027-01-12T09:06:00Z"), false),
        None
    );
}

// What a trainee notices on the module page and in the quiz: mounted with a session holding
// their modules (the copy a link opens), as the page does once the server answers.

use wavegate_core::training::{Question, QuestionKind, QuizAnswer, QuizAnswers, Submission};
use wavegate_trainee::pages::Session;
use wavegate_trainee::pages::module::ModuleView;
use wavegate_trainee::pages::quiz::QuizView;
use wavegate_trainee::pages::quiz_focus;
use wavegate_trainee::pages::step::Step;
use wavegate_ui::lang_switch::provide_lang;
use wavegate_ui::storage::{self, Key};
use wavegate_ui::test_support::document;

/// A built-in module, assigned and untouched.
fn assigned_of(id: &str) -> MyModule {
    let module = templates::builtin(id).unwrap();
    let lineage = Lineage::first(&module);
    let progress = Progress::new(&module, REGISTRATION, at("2027-01-11T08:00:00Z")).unwrap();
    MyModule::new(module, lineage, progress)
}

/// The built-in module `id` with its quiz cut down to the questions `keep` keeps, all asked.
fn quiz_of_only(id: &str, keep: impl Fn(&QuestionKind) -> bool) -> MyModule {
    let mut m = assigned_of(id);
    let quiz = m.module.quiz.as_mut().unwrap();
    quiz.questions.retain(|q| keep(&q.kind));
    quiz.draw.clear();
    m.status = m.progress.status(&m.module, &m.lineage);
    m
}

/// "Get help" with its quiz cut down to its ordering question (four items).
fn ordering_only() -> MyModule {
    let m = quiz_of_only("get-help", |k| matches!(k, QuestionKind::Ordering { .. }));
    assert_eq!(m.module.quiz.as_ref().unwrap().questions.len(), 1);
    m
}

/// The quiz of `module` (assigned to the link `token`) on its own page, in Dutch.
fn mount_quiz(token: &'static str, module: MyModule) -> (web_sys::HtmlElement, impl Drop) {
    let id = module.module.id.clone();
    mount_session(token, vec![module], Lang::Nl, None, move || {
        view! { <QuizView module_id=id step=RwSignal::new(Step::Quiz) /> }
    })
}

/// Mounts `page` with a session of `modules` under `token`, the page in `lang` (as the browser
/// would give it) before the link's copy arrives with `link_lang`.
fn mount_session<N: IntoView + 'static>(
    token: &'static str,
    modules: Vec<MyModule>,
    lang: Lang,
    link_lang: Option<Lang>,
    page: impl FnOnce() -> N + 'static,
) -> (web_sys::HtmlElement, impl Drop) {
    local::clear(token);
    mount_kept(token, modules, lang, link_lang, page)
}

/// As [`mount_session`], but with what the device keeps of `token` left as it is (a reload).
fn mount_kept<N: IntoView + 'static>(
    token: &'static str,
    modules: Vec<MyModule>,
    lang: Lang,
    link_lang: Option<Lang>,
    page: impl FnOnce() -> N + 'static,
) -> (web_sys::HtmlElement, impl Drop) {
    mount(move || {
        provide_lang().set(lang);
        let session = Session::new(token);
        provide_context(session);
        let mut copy = training(modules);
        copy.language = link_lang;
        session.open(copy);
        page()
    })
}

/// The buttons under `host` whose accessible name (label, else text) is `name`.
fn buttons_named(host: &web_sys::HtmlElement, name: &str) -> Vec<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let all = host.query_selector_all("button").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .filter(|b| {
            b.get_attribute("aria-label")
                .or_else(|| b.text_content())
                .is_some_and(|n| n.trim() == name)
        })
        .collect()
}

fn click(host: &web_sys::HtmlElement, name: &str) {
    let found = buttons_named(host, name);
    assert_eq!(found.len(), 1, "one button named {name:?}");
    found[0].click();
}

/// Clicks the one button named `name` in the part of the page `selector` finds.
fn click_in(host: &web_sys::HtmlElement, selector: &str, name: &str) {
    use wasm_bindgen::JsCast;
    let part: web_sys::HtmlElement = host
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    click(&part, name);
}

/// The focused element's accessible name (label, else text) and id.
fn focused() -> (String, String) {
    let el = document().active_element().unwrap();
    let name = el
        .get_attribute("aria-label")
        .or_else(|| el.text_content())
        .unwrap_or_default();
    (name.trim().to_string(), el.id())
}

/// The ordering's items as shown, top to bottom.
fn shown_order(host: &web_sys::HtmlElement) -> Vec<String> {
    let all = host.query_selector_all(".ordering-label").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i)?.text_content())
        .collect()
}

/// Lets the page redraw and the focus that waits for it move.
async fn redraw() {
    settle().await;
    settle().await;
}

#[wasm_bindgen_test]
async fn ordering_buttons_name_their_item_and_focus_and_the_announcement_follow_a_move() {
    let (host, _keep) = mount_quiz("tok-ordering", ordering_only());
    redraw().await;
    let before = shown_order(&host);
    assert_eq!(before.len(), 4, "{before:?}");
    // Every button names its item; numbers show each place.
    for item in &before {
        assert_eq!(buttons_named(&host, &format!("{item} omhoog")).len(), 1);
        assert_eq!(buttons_named(&host, &format!("{item} omlaag")).len(), 1);
    }
    assert_eq!(text_of(&host, ".ordering-item .rank"), "1.");
    assert!(buttons_named(&host, "Omhoog").is_empty());

    // The third item up: it is second now, focus on its own "up", and that is said.
    let third = before[2].clone();
    click(&host, &format!("{third} omhoog"));
    redraw().await;
    assert_eq!(shown_order(&host)[1], third);
    assert_eq!(focused().0, format!("{third} omhoog"));
    assert_eq!(
        text_of(&host, "[role=status]"),
        format!("{third} staat nu op plaats 2 van 4.")
    );

    // Up again to the top, where "up" is disabled: focus on its "down".
    click(&host, &format!("{third} omhoog"));
    redraw().await;
    assert_eq!(shown_order(&host)[0], third);
    assert_eq!(focused().0, format!("{third} omlaag"));
    assert_eq!(
        text_of(&host, "[role=status]"),
        format!("{third} staat nu op plaats 1 van 4.")
    );
    local::clear("tok-ordering");
}

/// The question's choice inputs (radio buttons, checkboxes), in order.
fn choice_inputs(host: &web_sys::HtmlElement) -> Vec<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    let all = host.query_selector_all("fieldset input").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlInputElement>())
        .collect()
}

/// Picks the question's first option, as a click does (an ordering is answered as shown).
fn pick_first(host: &web_sys::HtmlElement) {
    if let Some(first) = choice_inputs(host).first() {
        first.click();
    }
}

/// "Enroll your Android phone" with its quiz cut down to its single-choice questions.
fn single_choices_only() -> MyModule {
    let m = quiz_of_only("enroll-android", |k| {
        matches!(k, QuestionKind::SingleChoice { .. })
    });
    assert!(m.module.quiz.as_ref().unwrap().questions.len() >= 3);
    m
}

#[wasm_bindgen_test]
async fn each_question_shows_only_the_answer_given_to_it_and_asks_for_one_before_checking() {
    let (host, _keep) = mount_quiz("tok-answer", single_choices_only());
    redraw().await;
    let ask = Msg::ChooseFirst.text(Lang::Nl);
    for n in 1..=3 {
        let inputs = choice_inputs(&host);
        assert!(inputs.len() >= 2, "question {n} has options");
        // The first option of the question before is not shown as this one's answer.
        assert!(
            inputs.iter().all(|i| !i.checked()),
            "question {n} starts without an answer"
        );
        // Checked without an answer: asked for one, not marked wrong.
        click(&host, Msg::Check.text(Lang::Nl));
        redraw().await;
        assert_eq!(text_of(&host, "[role=alert]"), ask);
        assert!(host.query_selector(".feedback").unwrap().is_none());
        pick_first(&host);
        redraw().await;
        assert!(
            host.query_selector("[role=alert]").unwrap().is_none(),
            "the request goes once there is an answer"
        );
        click(&host, Msg::Check.text(Lang::Nl));
        redraw().await;
        assert!(host.query_selector(".feedback").unwrap().is_some());
        assert!(
            choice_inputs(&host)[0].checked(),
            "the answer given stays shown"
        );
        click(&host, Msg::Next.text(Lang::Nl));
        redraw().await;
    }
    local::clear("tok-answer");
}

/// The question shown, from the module, by its heading.
fn shown_question(host: &web_sys::HtmlElement, m: &MyModule) -> wavegate_core::training::Question {
    let heading = text_of(host, "legend h1");
    (m.module.quiz.as_ref().unwrap().questions.iter())
        .find(|q| q.text.nl == heading)
        .unwrap()
        .clone()
}

/// A question's options with their feedback, in the order shown.
fn options_of(q: &wavegate_core::training::Question) -> Vec<wavegate_core::training::AnswerOption> {
    match &q.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            options.clone()
        }
        _ => Vec::new(),
    }
}

/// The feedback's verdict and each line, as read.
fn feedback_read(host: &web_sys::HtmlElement) -> (String, Vec<String>) {
    let lines = host.query_selector_all(".feedback li").unwrap();
    let lines = (0..lines.length())
        .filter_map(|i| lines.item(i)?.text_content())
        .collect();
    (text_of(host, ".feedback > p"), lines)
}

#[wasm_bindgen_test]
async fn the_verdict_is_said_once_and_each_option_says_only_what_the_verdict_leaves_open() {
    let nl = |m: Msg| m.text(Lang::Nl);
    let line = |o: &wavegate_core::training::AnswerOption, label: Msg| {
        format!("{} ({}): {}", o.text.nl, nl(label), o.feedback.nl)
    };
    // A single choice answered right: "Goed", and the option only as the one picked.
    let m = single_choices_only();
    let (host, _keep) = mount_quiz("tok-verdict", m.clone());
    redraw().await;
    let q = shown_question(&host, &m);
    let options = options_of(&q);
    let right = options.iter().position(|o| o.correct).unwrap();
    choice_inputs(&host)[right].click();
    click(&host, nl(Msg::Check));
    redraw().await;
    assert_eq!(
        feedback_read(&host),
        (
            nl(Msg::Right).to_string(),
            vec![line(&options[right], Msg::Picked)]
        )
    );
    // Answered wrong: "Niet goed", the option picked, and the right one the trainee missed.
    click(&host, nl(Msg::Next));
    redraw().await;
    let q = shown_question(&host, &m);
    let options = options_of(&q);
    let wrong = options.iter().position(|o| !o.correct).unwrap();
    let right = options.iter().position(|o| o.correct).unwrap();
    choice_inputs(&host)[wrong].click();
    click(&host, nl(Msg::Check));
    redraw().await;
    assert_eq!(
        feedback_read(&host),
        (
            nl(Msg::Wrong).to_string(),
            vec![
                line(&options[wrong], Msg::Picked),
                line(&options[right], Msg::MissedRight)
            ]
        )
    );
    local::clear("tok-verdict");
    drop(_keep);

    // A multiple choice with one right and one wrong option picked: the verdict cannot say
    // which was which, so each line does.
    let m = quiz_of_only("what-changes", |k| {
        matches!(k, QuestionKind::MultipleChoice { .. })
    });
    let (host, _keep) = mount_quiz("tok-verdict-many", m.clone());
    redraw().await;
    let q = shown_question(&host, &m);
    let options = options_of(&q);
    let rights: Vec<usize> = (0..options.len()).filter(|&i| options[i].correct).collect();
    let wrong = options.iter().position(|o| !o.correct).unwrap();
    assert!(rights.len() >= 2, "{}", q.id);
    choice_inputs(&host)[rights[0]].click();
    choice_inputs(&host)[wrong].click();
    click(&host, nl(Msg::Check));
    redraw().await;
    let mut expected = vec![
        line(&options[rights[0]], Msg::PickedRight),
        line(&options[wrong], Msg::PickedWrong),
    ];
    // Picked lines come in the options' order.
    if wrong < rights[0] {
        expected.swap(0, 1);
    }
    expected.extend(
        rights[1..]
            .iter()
            .map(|&i| line(&options[i], Msg::MissedRight)),
    );
    assert_eq!(feedback_read(&host), (nl(Msg::Wrong).to_string(), expected));
    local::clear("tok-verdict-many");
}

#[wasm_bindgen_test]
async fn focus_moves_to_each_next_question_and_then_to_the_result() {
    let m = assigned_of("get-help");
    let total = m.module.quiz.as_ref().unwrap().questions.len();
    let (host, _keep) = mount_quiz("tok-focus", m);
    redraw().await;
    let mut seen = Vec::new();
    for n in 1..=total {
        let (heading, id) = focused();
        assert_eq!(
            id,
            quiz_focus::QUESTION,
            "question {n} starts at its heading"
        );
        assert_eq!(heading, text_of(&host, "legend h1"));
        assert!(!seen.contains(&heading), "a new question: {heading}");
        seen.push(heading);
        pick_first(&host);
        click(&host, Msg::Check.text(Lang::Nl));
        redraw().await;
        assert_eq!(
            focused().1,
            quiz_focus::FEEDBACK,
            "the feedback is read at once"
        );
        if n < total {
            click(&host, Msg::Next.text(Lang::Nl));
        } else {
            click(&host, Msg::SeeResults.text(Lang::Nl));
        }
        redraw().await;
    }
    let (heading, id) = focused();
    assert_eq!(id, quiz_focus::RESULT);
    assert_eq!(heading, Msg::NotPassed.text(Lang::Nl));
    local::clear("tok-focus");
}

#[wasm_bindgen_test]
async fn the_links_language_wins_over_the_browsers_but_not_over_the_persons_choice() {
    let m = assigned_of("get-help");
    let title = m.module.title.clone();
    storage::remove(&Key::Lang);
    let (host, keep) = mount_session(
        "tok-lang",
        vec![m.clone()],
        Lang::Nl,
        Some(Lang::En),
        || {
            view! { <ModuleView module_id="get-help".to_string() back=RwSignal::new(None) /> }
        },
    );
    redraw().await;
    assert_eq!(text_of(&host, "h1"), title.get(Lang::En));
    let html_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("en"));
    drop(keep);

    // Chosen on this device with the switch: that stays.
    storage::save(&Key::Lang, &Lang::Nl);
    let (host, _keep) = mount_session("tok-lang", vec![m], Lang::Nl, Some(Lang::En), || {
        view! { <ModuleView module_id="get-help".to_string() back=RwSignal::new(None) /> }
    });
    redraw().await;
    assert_eq!(text_of(&host, "h1"), title.get(Lang::Nl));
    storage::remove(&Key::Lang);
    local::clear("tok-lang");
}

/// The right answer to a question.
fn right(q: &Question) -> QuizAnswer {
    match &q.kind {
        QuestionKind::SingleChoice { options } => {
            QuizAnswer::Choice(options.iter().find(|o| o.correct).unwrap().id.clone())
        }
        QuestionKind::MultipleChoice { options } => QuizAnswer::Choices(
            (options.iter().filter(|o| o.correct))
                .map(|o| o.id.clone())
                .collect(),
        ),
        QuestionKind::TrueFalse { answer, .. } => QuizAnswer::TrueFalse(*answer),
        QuestionKind::Ordering { items, .. } => {
            QuizAnswer::Order(items.iter().map(|i| i.id.clone()).collect())
        }
    }
}

/// "Get help", every lesson read and the quiz passed.
fn passed() -> MyModule {
    let mut m = assigned_of("get-help");
    let lessons: Vec<String> = m.module.lessons.iter().map(|l| l.id.clone()).collect();
    for l in &lessons {
        (m.progress)
            .view_lesson(&m.module, l, at("2027-01-12T09:00:00Z"))
            .unwrap();
    }
    let plan = (m.progress)
        .next_attempt(&m.module, &m.lineage, at("2027-01-12T09:10:00Z"))
        .unwrap();
    let quiz = m.module.quiz.clone().unwrap();
    let answers: QuizAnswers = (plan.questions.iter())
        .map(|id| {
            let q = quiz.questions.iter().find(|q| &q.id == id).unwrap();
            (id.clone(), right(q))
        })
        .collect();
    let submission = Submission {
        id: "attempt-right".into(),
        number: plan.number,
        answers,
        started_at: at("2027-01-12T09:10:00Z"),
        submitted_at: None,
    };
    let result = (m.progress)
        .submit_attempt(
            &m.module,
            &m.lineage,
            submission,
            at("2027-01-12T09:15:00Z"),
        )
        .unwrap();
    assert!(result.passed);
    m.status = m.progress.status(&m.module, &m.lineage);
    assert_eq!(m.status.stage, Stage::Done);
    m
}

#[wasm_bindgen_test]
async fn every_lesson_can_be_reread_after_passing_and_progress_stays_as_it_was() {
    let m = passed();
    let lessons = m.module.lessons.clone();
    let before = m.progress.clone();
    let token = "tok-reread";
    let (host, _keep) = mount_session(token, vec![m], Lang::Nl, None, || {
        view! { <ModuleView module_id="get-help".to_string() back=RwSignal::new(None) /> }
    });
    redraw().await;
    assert_eq!(
        text_of(&host, ".lesson-list h2"),
        Msg::RereadLessons.text(Lang::Nl)
    );
    assert_eq!(
        buttons_named(&host, Msg::ShowCertificate.text(Lang::Nl)).len(),
        1
    );
    let last = lessons.last().unwrap();
    click(&host, last.title.get(Lang::Nl));
    redraw().await;
    assert_eq!(text_of(&host, "h1"), last.title.get(Lang::Nl));
    let n = lessons.len().to_string();
    assert_eq!(
        text_of(&host, ".lesson .meta"),
        fill(Msg::LessonOf, Lang::Nl, &[("n", n.clone()), ("total", n)])
    );
    // Back to the module, not to a quiz already passed; nothing recorded twice.
    click(&host, Msg::BackToModule.text(Lang::Nl));
    redraw().await;
    assert!(buttons_named(&host, Msg::StartQuiz.text(Lang::Nl)).is_empty());
    assert!(
        local::outbox(token).is_empty(),
        "{:?}",
        local::outbox(token)
    );
    let kept = local::cached(token).map(|t| t.modules[0].progress.clone());
    assert!(kept.is_none_or(|p| p == before));
    local::clear(token);
}

#[wasm_bindgen_test]
async fn lessons_can_be_reread_while_a_failed_quiz_waits() {
    let mut waiting = failed_once(None, 24 * 60);
    let lessons: Vec<String> = (waiting.module.lessons.iter())
        .map(|l| l.id.clone())
        .collect();
    for l in &lessons {
        (waiting.progress)
            .view_lesson(&waiting.module, l, at("2027-01-12T09:30:00Z"))
            .unwrap();
    }
    waiting.status = waiting.progress.status(&waiting.module, &waiting.lineage);
    let first = waiting.module.lessons[0].title.get(Lang::Nl).to_string();
    let id = waiting.module.id.clone();
    let (host, _keep) = mount_session("tok-wait", vec![waiting], Lang::Nl, None, move || {
        view! { <ModuleView module_id=id back=RwSignal::new(None) /> }
    });
    redraw().await;
    assert!(
        !text_of(&host, ".quiz-blocked").is_empty(),
        "the wait is said"
    );
    click_in(&host, ".lesson-list", &first);
    redraw().await;
    assert_eq!(text_of(&host, "h1"), first);
    local::clear("tok-wait");
}

#[wasm_bindgen_test]
async fn the_topics_of_the_results_follow_a_switch_of_language() {
    let m = assigned_of("get-help");
    let total = m.module.quiz.as_ref().unwrap().questions.len();
    let topics: Vec<(String, String)> = (m.module.topics.iter())
        .map(|t| (t.title.nl.clone(), t.title.en.clone()))
        .collect();
    let id = m.module.id.clone();
    let page_lang = std::rc::Rc::new(std::cell::Cell::new(None));
    let keep_lang = page_lang.clone();
    let (host, _keep) = mount_session("tok-topics", vec![m], Lang::Nl, None, move || {
        keep_lang.set(Some(wavegate_trainee::i18n::use_lang()));
        view! { <QuizView module_id=id step=RwSignal::new(Step::Quiz) /> }
    });
    redraw().await;
    for n in 1..=total {
        pick_first(&host);
        click(&host, Msg::Check.text(Lang::Nl));
        redraw().await;
        let next = if n < total {
            Msg::Next
        } else {
            Msg::SeeResults
        };
        click(&host, next.text(Lang::Nl));
        redraw().await;
    }
    let shown = text_of(&host, ".topics");
    assert!(
        topics.iter().all(|(nl, _)| shown.contains(nl.as_str())),
        "{shown}"
    );
    page_lang.get().unwrap().set(Lang::En);
    redraw().await;
    let shown = text_of(&host, ".topics");
    assert!(
        topics.iter().all(|(_, en)| shown.contains(en.as_str())),
        "{shown}"
    );
    assert_eq!(text_of(&host, ".results h2"), Msg::PerTopic.text(Lang::En));
    local::clear("tok-topics");
}

#[wasm_bindgen_test]
async fn the_last_lesson_leads_back_to_the_module_when_every_attempt_is_used_and_failed() {
    let m = failed_once(Some(1), 0);
    let lessons = m.module.lessons.len();
    let title = m.module.title.get(Lang::Nl).to_string();
    let id = m.module.id.clone();
    let (host, _keep) = mount_session("tok-used", vec![m], Lang::Nl, None, move || {
        view! { <ModuleView module_id=id back=RwSignal::new(None) /> }
    });
    redraw().await;
    click(&host, Msg::ContinueReading.text(Lang::Nl));
    redraw().await;
    for _ in 1..lessons {
        click(&host, Msg::Next.text(Lang::Nl));
        redraw().await;
    }
    assert!(!text_of(&host, ".quiz-blocked").is_empty(), "why no quiz");
    assert!(
        buttons_named(&host, Msg::Done.text(Lang::Nl)).is_empty(),
        "not done: the quiz was failed"
    );
    click(&host, Msg::BackToModule.text(Lang::Nl));
    redraw().await;
    assert_eq!(text_of(&host, "h1"), title, "the module's overview");
    local::clear("tok-used");
}

// "Not you?" on a shared device, and the page after it.

use wavegate_trainee::forgotten;
use wavegate_trainee::pages::not_you::{CLEAR_QUESTION, NOT_YOU, NotYou};

#[wasm_bindgen_test]
async fn the_cleared_page_has_a_heading_and_focus_starts_there() {
    let (host, _keep) = mount(|| view! { <wavegate_trainee::App route=Route::Cleared /> });
    redraw().await;
    let heading = text_of(&host, "main h1");
    assert!(
        [Lang::Nl, Lang::En]
            .map(|l| Msg::ClearedTitle.text(l))
            .contains(&heading.as_str()),
        "{heading}"
    );
    let (name, id) = focused();
    assert_eq!(id, wavegate_trainee::pages::CLEARED_TITLE);
    assert_eq!(name, heading);
}

/// Mounts "not you?" for the link `token` with a copy on the device and `waiting` lesson views
/// not yet sent; the returned count goes up each time the page moves on after clearing.
fn mount_not_you(
    token: &'static str,
    waiting: usize,
) -> (
    web_sys::HtmlElement,
    impl Drop,
    std::sync::Arc<std::sync::atomic::AtomicUsize>,
) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    local::clear(token);
    let module = assigned();
    local::keep(token, &training(vec![module.clone()]));
    for lesson in module.module.lessons.iter().take(waiting) {
        let view = SyncView {
            id: format!("view-{}", lesson.id),
            version: module.module.version,
            lesson: lesson.id.clone(),
            at: at("2027-01-12T09:00:00Z"),
        };
        local::enqueue_view(token, &module.module.id, view);
    }
    assert_eq!(local::outbox(token).len(), waiting);
    let moved_on = Arc::new(AtomicUsize::new(0));
    let count = moved_on.clone();
    let (host, keep) = mount(move || {
        provide_lang().set(Lang::Nl);
        let session = Session::new(token);
        provide_context(session);
        session.open(training(vec![module]));
        let cleared = move || {
            count.fetch_add(1, Ordering::SeqCst);
        };
        view! { <NotYou cleared=cleared /> }
    });
    (host, keep, moved_on)
}

#[wasm_bindgen_test]
async fn not_you_asks_first_saying_how_many_steps_would_be_lost_and_cancel_keeps_everything() {
    use std::sync::atomic::Ordering;
    let not_you = Msg::NotYou.text(Lang::Nl);
    let expected = [
        Msg::ClearKeepsSent.text(Lang::Nl).to_string(),
        "1 stap van je voortgang staat nog alleen op dit apparaat. Die wordt verstuurd zodra je weer verbinding hebt. Verwijder je de training nu, dan gaat die voortgang verloren. Wacht daarom liever tot je weer verbinding hebt.".to_string(),
        "2 stappen van je voortgang staan nog alleen op dit apparaat. Ze worden verstuurd zodra je weer verbinding hebt. Verwijder je de training nu, dan gaat die voortgang verloren. Wacht daarom liever tot je weer verbinding hebt.".to_string(),
    ];
    for (waiting, question) in expected.iter().enumerate() {
        let token = "tok-not-you-ask";
        let (host, keep, moved_on) = mount_not_you(token, waiting);
        redraw().await;
        let button = &buttons_named(&host, not_you)[0];
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        click(&host, not_you);
        redraw().await;
        assert_eq!(
            &text_of(&host, "[role=group] p"),
            question,
            "{waiting} waiting"
        );
        assert_eq!(focused().1, CLEAR_QUESTION, "the question is read first");
        let button = &buttons_named(&host, not_you)[0];
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("true")
        );

        // Cancel: nothing removed, the question gone, focus back where the trainee was.
        click(&host, Msg::ClearCancel.text(Lang::Nl));
        redraw().await;
        assert!(host.query_selector("[role=group]").unwrap().is_none());
        assert_eq!(focused().1, NOT_YOU);
        assert!(local::cached(token).is_some());
        assert_eq!(local::outbox(token).len(), waiting);
        assert_eq!(moved_on.load(Ordering::SeqCst), 0);
        drop(keep);
        local::clear(token);
    }
}

#[wasm_bindgen_test]
async fn not_you_confirmed_removes_the_link_from_the_device_and_moves_on() {
    use std::sync::atomic::Ordering;
    let token = "tok-not-you-yes";
    let (host, _keep, moved_on) = mount_not_you(token, 2);
    redraw().await;
    click(&host, Msg::NotYou.text(Lang::Nl));
    redraw().await;
    click(&host, Msg::ClearConfirm.text(Lang::Nl));
    redraw().await;
    assert_eq!(moved_on.load(Ordering::SeqCst), 1);
    assert_nothing_left(token);
    // Remembered as removed, by a marker that does not give the link away.
    assert!(forgotten::is_marked(token));
    let markers = storage_values();
    assert!(markers.iter().all(|v| !v.contains(token)), "{markers:?}");
    forgotten::unmark(token);
    assert!(!forgotten::is_marked(token));
}

/// Every value in the device's `localStorage`.
fn storage_values() -> Vec<String> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local_storage_keys()
        .into_iter()
        .filter_map(|k| storage.get_item(&k).unwrap())
        .collect()
}

// A failed attempt's wait ending while the page shows.

use wavegate_trainee::pages::next_attempt::{
    JUDGE_AT_LEAST_EVERY, NoAttempt, browser_time, judge_again_in,
};
use wavegate_trainee::pages::retry::RetryPolicy;

#[wasm_bindgen_test]
fn a_wait_is_judged_again_just_after_it_ends_and_at_least_every_minute() {
    use std::time::Duration;
    let now = at("2026-12-01T09:28:30Z");
    assert_eq!(
        judge_again_in(at("2026-12-01T09:29:00Z"), now),
        Duration::from_millis(30_001)
    );
    assert_eq!(
        judge_again_in(at("2026-12-02T09:29:00Z"), now),
        JUDGE_AT_LEAST_EVERY,
        "a phone that sleeps may hold a long timer back"
    );
    assert_eq!(
        judge_again_in(at("2026-12-01T09:00:00Z"), now),
        Duration::from_millis(1)
    );
}

/// The first module with a one-minute wait, failed once so that the wait ends in about
/// `seconds` from now by the browser's clock.
fn wait_ends_in(seconds: i64) -> MyModule {
    use wavegate_core::training::{QuizAnswers, Submission};
    let submitted = local::now() - chrono::Duration::seconds(60 - seconds);
    let module = templates::all().into_iter().next().unwrap();
    let lineage = Lineage::first(&module);
    let assigned_at = submitted - chrono::Duration::hours(1);
    let progress = Progress::new(&module, REGISTRATION, assigned_at).unwrap();
    let mut m = MyModule::new(module, lineage, progress);
    let quiz = m.module.quiz.as_mut().unwrap();
    quiz.attempts.max = None;
    quiz.attempts.wait_minutes = 1;
    let started = submitted - chrono::Duration::minutes(2);
    let plan = (m.progress)
        .next_attempt(&m.module, &m.lineage, started)
        .unwrap();
    let submission = Submission {
        id: "attempt-waiting".into(),
        number: plan.number,
        answers: QuizAnswers::new(),
        started_at: started,
        submitted_at: None,
    };
    let result = (m.progress)
        .submit_attempt(&m.module, &m.lineage, submission, submitted)
        .unwrap();
    assert!(!result.passed);
    m.status = m.progress.status(&m.module, &m.lineage);
    m
}

/// Lets the page run until `done` holds, or `seconds` have passed.
async fn until(seconds: f64, done: impl Fn() -> bool) {
    let deadline = js_sys::Date::now() + seconds * 1000.0;
    while !done() && js_sys::Date::now() < deadline {
        settle().await;
    }
}

#[wasm_bindgen_test]
async fn the_results_offer_a_retry_once_the_wait_ends_and_say_so_without_moving_focus() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let token = "tok-wait-ends";
    let m = wait_ends_in(3);
    let Some(NoAttempt::Wait(end)) =
        wavegate_trainee::pages::next_attempt::blocked(&m, local::now(), false)
    else {
        panic!("the wait runs");
    };
    let retried = Arc::new(AtomicUsize::new(0));
    let count = retried.clone();
    let shown = m.clone();
    let (host, _keep) = mount_session(token, vec![m], Lang::Nl, None, move || {
        let retry = move || {
            count.fetch_add(1, Ordering::SeqCst);
        };
        view! { <RetryPolicy module=shown asked=5 retry=retry /> }
    });
    redraw().await;
    let retry = Msg::Retry.text(Lang::Nl);
    let wait = NoAttempt::Wait(end).text(Lang::Nl, browser_time);
    assert!(
        text_of(&host, ".policy").contains(&wait),
        "{}",
        text_of(&host, ".policy")
    );
    assert!(
        buttons_named(&host, retry).is_empty(),
        "no retry while the wait runs"
    );
    assert_eq!(text_of(&host, "[role=status]"), "");
    let focus_before = document().active_element();

    until(10.0, || !buttons_named(&host, retry).is_empty()).await;
    assert_eq!(
        buttons_named(&host, retry).len(),
        1,
        "the retry, once the wait is over"
    );
    assert!(local::now() >= end);
    assert!(
        !text_of(&host, ".policy").contains(&wait),
        "the wait is no longer said"
    );
    let live = host.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(live.text_content().unwrap(), Msg::WaitOver.text(Lang::Nl));
    assert_eq!(document().active_element(), focus_before, "focus stays");
    click(&host, retry);
    assert_eq!(retried.load(Ordering::SeqCst), 1);
    local::clear(token);
}

#[wasm_bindgen_test]
async fn the_module_offers_the_quiz_once_the_wait_ends() {
    let token = "tok-wait-module";
    let m = wait_ends_in(2);
    let lessons: Vec<String> = m.module.lessons.iter().map(|l| l.id.clone()).collect();
    let mut m = m;
    for l in &lessons {
        let read = local::now() - chrono::Duration::minutes(1);
        (m.progress).view_lesson(&m.module, l, read).unwrap();
    }
    m.status = m.progress.status(&m.module, &m.lineage);
    let id = m.module.id.clone();
    let (host, _keep) = mount_session(token, vec![m], Lang::Nl, None, move || {
        view! { <ModuleView module_id=id back=RwSignal::new(None) /> }
    });
    redraw().await;
    // After a failed attempt the next one is a retry.
    let start = Msg::Retry.text(Lang::Nl);
    assert!(
        !text_of(&host, ".quiz-blocked").is_empty(),
        "the wait is said"
    );
    assert!(buttons_named(&host, start).is_empty());
    until(10.0, || !buttons_named(&host, start).is_empty()).await;
    assert_eq!(buttons_named(&host, start).len(), 1);
    assert!(host.query_selector(".quiz-blocked").unwrap().is_none());
    local::clear(token);
}

#[wasm_bindgen_test]
async fn a_module_names_the_tab_and_back_to_my_training_keeps_focus_on_the_page() {
    let m = assigned_of("get-help");
    let title = m.module.title.get(Lang::Nl).to_string();
    let back = RwSignal::new(Some("get-help".to_string()));
    let (host, _keep) = mount_session("tok-back", vec![m], Lang::Nl, None, move || {
        view! {
            <main id="main" tabindex="-1">
                {move || back.get().map(|id| view! { <ModuleView module_id=id back=back /> })}
            </main>
        }
    });
    redraw().await;
    assert_eq!(document().title(), format!("{title} — Wavegate"));
    click(&host, "Terug naar mijn training");
    redraw().await;
    assert_eq!(back.get_untracked(), None);
    // The button went with the module: focus is on the page, not on <body>.
    assert_eq!(focused().1, "main");
}

// A shared device: a link removed with "not you?" does not come back through the history.

use wavegate_trainee::pages::TrainingPage;

/// Sends the window an event the browser sends, `persisted` set on it when given (a
/// `pageshow` of a page restored from the back/forward cache).
fn window_event(name: &str, persisted: Option<bool>) {
    let event = web_sys::Event::new(name).unwrap();
    if let Some(p) = persisted {
        js_sys::Reflect::set(&event, &"persisted".into(), &p.into()).unwrap();
    }
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

/// Mounts the page of the link `token` as the app does, in Dutch.
fn mount_link(token: &'static str) -> (web_sys::HtmlElement, impl Drop) {
    mount(move || {
        provide_lang().set(Lang::Nl);
        view! { <TrainingPage token=token.to_string() /> }
    })
}

#[wasm_bindgen_test]
async fn a_link_removed_with_not_you_asks_before_it_loads_again() {
    let token = "tok-removed-reload";
    local::keep(token, &training(vec![assigned()]));
    forgotten::forget(token);
    let (host, _keep) = mount_link(token);
    redraw().await;
    let reopen = Msg::Reopen.text(Lang::Nl);
    assert_eq!(text_of(&host, "h1"), Msg::ClearedTitle.text(Lang::Nl));
    assert_eq!(buttons_named(&host, reopen).len(), 1);
    // Nothing loads meanwhile: the page stays, and the device still keeps nothing.
    until(1.0, || false).await;
    assert_eq!(buttons_named(&host, reopen).len(), 1);
    assert_eq!(local::cached(token), None);
    let shown = host.text_content().unwrap_or_default();
    assert!(!shown.contains("Anne"), "{shown}");

    // Theirs after all: opened again, the marker goes and the link loads (here, without a
    // server, to a page that is not the question).
    click(&host, reopen);
    assert!(!forgotten::is_marked(token));
    until(10.0, || {
        buttons_named(&host, reopen).is_empty() && !text_of(&host, "h1, p").is_empty()
    })
    .await;
    assert!(buttons_named(&host, reopen).is_empty());
    local::clear(token);
}

#[wasm_bindgen_test]
async fn back_to_a_removed_link_shows_the_cleared_page_and_a_restored_page_asks_first() {
    let token = "tok-removed-back";
    forgotten::unmark(token);
    let (host, _keep) = mount_link(token);
    // Loaded (without a server: whatever the page says then).
    until(10.0, || {
        text_of(&host, "p.status") != UiMsg::Loading.text(Lang::Nl)
    })
    .await;
    redraw().await;
    let before = text_of(&host, "section");
    assert!(!before.is_empty());
    // Not removed: "back" and a restored page change nothing.
    window_event("popstate", None);
    window_event("pageshow", Some(true));
    redraw().await;
    assert_eq!(text_of(&host, "section"), before);

    forgotten::forget(token);
    // A page shown again but not restored from the cache (a first load) is left alone here.
    window_event("pageshow", Some(false));
    redraw().await;
    assert_eq!(text_of(&host, "section"), before);
    // "Back" within the page: the cleared page, never the training.
    window_event("popstate", None);
    redraw().await;
    assert_eq!(text_of(&host, "h1"), Msg::ClearedTitle.text(Lang::Nl));
    assert!(text_of(&host, "section").contains(Msg::Cleared.text(Lang::Nl)));
    // Restored from the back/forward cache: the question first.
    window_event("pageshow", Some(true));
    redraw().await;
    assert_eq!(text_of(&host, "h1"), Msg::ClearedTitle.text(Lang::Nl));
    assert_eq!(buttons_named(&host, Msg::Reopen.text(Lang::Nl)).len(), 1);
    forgotten::unmark(token);
    local::clear(token);
}

// A quiz left halfway.

use wavegate_trainee::quiz_draft;

/// Answers the question shown with its first option and checks it.
async fn answer_and_check(host: &web_sys::HtmlElement) {
    pick_first(host);
    click(host, Msg::Check.text(Lang::Nl));
    redraw().await;
}

#[wasm_bindgen_test]
async fn a_reload_mid_quiz_continues_at_the_same_question_with_the_answers_kept() {
    let token = "tok-resume";
    let m = single_choices_only();
    let total = m.module.quiz.as_ref().unwrap().questions.len();
    let id = m.module.id.clone();
    let (host, keep) = mount_quiz(token, m.clone());
    redraw().await;
    answer_and_check(&host).await;
    click(&host, Msg::Next.text(Lang::Nl));
    redraw().await;
    answer_and_check(&host).await;
    let second = text_of(&host, "legend h1");
    let feedback = text_of(&host, ".feedback");
    let attempt = quiz_draft::load_any(token).unwrap().1.id;
    drop(keep);

    // The page again, opened at the module (as a reload with the module in the address).
    let shown = id.clone();
    let (host, keep) = mount_kept(token, vec![m.clone()], Lang::Nl, None, move || {
        view! { <ModuleView module_id=shown back=RwSignal::new(None) resume=true /> }
    });
    redraw().await;
    let of = |n: usize| {
        fill(
            Msg::QuestionOf,
            Lang::Nl,
            &[("n", n.to_string()), ("total", total.to_string())],
        )
    };
    assert_eq!(text_of(&host, ".quiz .meta"), of(2));
    assert_eq!(text_of(&host, "legend h1"), second);
    assert!(choice_inputs(&host)[0].checked(), "the answer given");
    assert_eq!(text_of(&host, ".feedback"), feedback, "it was checked");
    assert_eq!(
        quiz_draft::load_any(token).unwrap().1.id,
        attempt,
        "the same attempt"
    );
    click(&host, Msg::Next.text(Lang::Nl));
    redraw().await;
    assert_eq!(text_of(&host, ".quiz .meta"), of(3));
    drop(keep);

    // Opened from the list instead: the overview, the quiz to continue from there.
    let shown = id.clone();
    let (host, keep) = mount_kept(token, vec![m.clone()], Lang::Nl, None, move || {
        view! { <ModuleView module_id=shown back=RwSignal::new(None) /> }
    });
    redraw().await;
    assert_eq!(text_of(&host, "h1"), m.module.title.get(Lang::Nl));
    drop(keep);
    let (host, _keep) = mount_kept(token, vec![m], Lang::Nl, None, move || {
        view! { <QuizView module_id=id step=RwSignal::new(Step::Quiz) /> }
    });
    redraw().await;
    // Question 3 was shown but not checked: the last one checked, with its feedback, again.
    assert_eq!(text_of(&host, ".quiz .meta"), of(2));
    assert_eq!(text_of(&host, ".feedback"), feedback);
    click(&host, Msg::Next.text(Lang::Nl));
    redraw().await;
    assert_eq!(text_of(&host, ".quiz .meta"), of(3));
    for n in 3..=total {
        answer_and_check(&host).await;
        let next = if n < total {
            Msg::Next
        } else {
            Msg::SeeResults
        };
        click(&host, next.text(Lang::Nl));
        redraw().await;
    }
    assert_eq!(focused().1, quiz_focus::RESULT);
    assert_eq!(
        quiz_draft::load_any(token),
        None,
        "submitted: nothing to continue"
    );
    local::clear(token);
}

#[wasm_bindgen_test]
async fn the_overview_offers_to_continue_a_quiz_left_halfway() {
    let token = "tok-continue";
    let m = all_read(assigned_of("get-help"));
    let id = m.module.id.clone();
    let (host, keep) = mount_quiz(token, m.clone());
    redraw().await;
    answer_and_check(&host).await;
    drop(keep);
    let (host, _keep) = mount_kept(token, vec![m], Lang::Nl, None, move || {
        view! { <ModuleView module_id=id back=RwSignal::new(None) /> }
    });
    redraw().await;
    assert!(buttons_named(&host, Msg::StartQuiz.text(Lang::Nl)).is_empty());
    click(&host, Msg::ResumeQuiz.text(Lang::Nl));
    redraw().await;
    assert!(
        host.query_selector(".feedback").unwrap().is_some(),
        "as it was left"
    );
    local::clear(token);
}

#[wasm_bindgen_test]
async fn a_reload_keeps_the_choices_made_on_a_question_not_checked_yet() {
    let token = "tok-ticked";
    let reload = |m: &MyModule| {
        let (shown, m) = (m.module.id.clone(), m.clone());
        mount_kept(token, vec![m], Lang::Nl, None, move || {
            view! { <QuizView module_id=shown step=RwSignal::new(Step::Quiz) /> }
        })
    };
    let ticked = |host: &web_sys::HtmlElement| -> Vec<bool> {
        choice_inputs(host).iter().map(|i| i.checked()).collect()
    };

    // The first question checked, an option of the second picked: a reload shows the second
    // with that option picked, not checked yet.
    let m = single_choices_only();
    let (host, keep) = mount_quiz(token, m.clone());
    redraw().await;
    answer_and_check(&host).await;
    click(&host, Msg::Next.text(Lang::Nl));
    redraw().await;
    let second = text_of(&host, "legend h1");
    pick_first(&host);
    redraw().await;
    drop(keep);
    let (host, keep) = reload(&m);
    redraw().await;
    assert_eq!(text_of(&host, "legend h1"), second);
    assert!(ticked(&host)[0], "the option picked");
    assert!(
        host.query_selector(".feedback").unwrap().is_none(),
        "not checked yet"
    );
    assert_eq!(buttons_named(&host, Msg::Check.text(Lang::Nl)).len(), 1);
    drop(keep);

    // A multiple choice: two boxes ticked come back ticked.
    let m = quiz_of_only("what-changes", |k| {
        matches!(k, QuestionKind::MultipleChoice { .. })
    });
    let (host, keep) = mount_quiz(token, m.clone());
    redraw().await;
    // Ticked and unticked again: nothing to continue.
    pick_first(&host);
    redraw().await;
    pick_first(&host);
    redraw().await;
    assert_eq!(quiz_draft::load_any(token), None);
    choice_inputs(&host)[0].click();
    choice_inputs(&host)[1].click();
    redraw().await;
    let before = ticked(&host);
    drop(keep);
    let (host, keep) = reload(&m);
    redraw().await;
    assert_eq!(ticked(&host), before);
    assert!(
        host.query_selector(".feedback").unwrap().is_none(),
        "not checked yet"
    );
    click(&host, Msg::Check.text(Lang::Nl));
    redraw().await;
    let feedback = text_of(&host, ".feedback");
    drop(keep);
    // Checked, it is kept as checked: with its feedback after a reload.
    let (host, keep) = reload(&m);
    redraw().await;
    assert_eq!(ticked(&host), before);
    assert_eq!(text_of(&host, ".feedback"), feedback);
    drop(keep);

    // An ordering: the items as the trainee moved them.
    let m = ordering_only();
    let (host, keep) = mount_quiz(token, m.clone());
    redraw().await;
    let third = shown_order(&host)[2].clone();
    click(&host, &format!("{third} omhoog"));
    redraw().await;
    let moved = shown_order(&host);
    drop(keep);
    let (host, _keep) = reload(&m);
    redraw().await;
    assert_eq!(shown_order(&host), moved);
    assert!(
        host.query_selector(".feedback").unwrap().is_none(),
        "not checked yet"
    );
    local::clear(token);
}

/// `m` with every lesson read.
fn all_read(mut m: MyModule) -> MyModule {
    let lessons: Vec<String> = m.module.lessons.iter().map(|l| l.id.clone()).collect();
    for l in &lessons {
        (m.progress)
            .view_lesson(&m.module, l, at("2027-01-12T09:30:00Z"))
            .unwrap();
    }
    m.status = m.progress.status(&m.module, &m.lineage);
    m
}

// What the module's screens say while progress has not reached the server.

#[wasm_bindgen_test]
async fn the_module_screens_say_what_has_not_reached_the_server_yet() {
    let token = "tok-pending";
    local::clear(token);
    let m = assigned_of("get-help");
    for lesson in m.module.lessons.iter().take(2) {
        let view = SyncView {
            id: format!("view-{}", lesson.id),
            version: m.module.version,
            lesson: lesson.id.clone(),
            at: at("2027-01-12T09:00:00Z"),
        };
        local::enqueue_view(token, &m.module.id, view);
    }
    let id = m.module.id.clone();
    let (host, _keep) = mount_kept(token, vec![m], Lang::Nl, None, move || {
        view! { <ModuleView module_id=id back=RwSignal::new(None) /> }
    });
    redraw().await;
    let two = fill(Msg::Pending, Lang::Nl, &[("n", "2".into())]);
    assert_eq!(text_of(&host, ".pending"), two);
    assert_eq!(
        two,
        "2 stappen van je voortgang staan nog alleen op dit apparaat. Ze worden verstuurd zodra je weer verbinding hebt."
    );
    // On a lesson too (the lesson read now waits as well: no server here).
    click(&host, Msg::Begin.text(Lang::Nl));
    redraw().await;
    assert!(host.query_selector(".lesson").unwrap().is_some());
    until(5.0, || text_of(&host, ".pending").starts_with('3')).await;
    assert_eq!(
        text_of(&host, ".pending"),
        fill(Msg::Pending, Lang::Nl, &[("n", "3".into())])
    );
    local::clear(token);
}

#[wasm_bindgen_test]
fn the_pending_line_names_what_waits_in_one_and_many() {
    use wavegate_trainee::i18n::counted;
    let line = |n, l| counted(n, Msg::OnePending, Msg::Pending, l);
    assert_eq!(
        line(1, Lang::Nl),
        "1 stap van je voortgang staat nog alleen op dit apparaat. Die wordt verstuurd zodra je weer verbinding hebt."
    );
    assert_eq!(
        line(3, Lang::Nl),
        "3 stappen van je voortgang staan nog alleen op dit apparaat. Ze worden verstuurd zodra je weer verbinding hebt."
    );
    assert_eq!(
        line(1, Lang::En),
        "1 step of your progress is only on this device so far. It'll be sent once you're back online."
    );
    assert_eq!(
        line(3, Lang::En),
        "3 steps of your progress are only on this device so far. They'll be sent once you're back online."
    );
    // The offline notice above it: what can go on, what is kept, and what happens online.
    assert_eq!(
        Msg::OfflineCopy.text(Lang::Nl),
        "Je bent offline. Je kunt gewoon verder lezen en de quiz maken. Je voortgang wordt op dit apparaat bewaard en verstuurd zodra je weer verbinding hebt."
    );
    assert_eq!(
        Msg::OfflineCopy.text(Lang::En),
        "You're offline. You can keep reading and taking the quiz. Your progress is saved on this device and sent once you're back online."
    );
    assert_eq!(
        Msg::NotYou.text(Lang::Nl),
        "Niet jij? Verwijder deze training van dit apparaat"
    );
    assert_eq!(Msg::ClearConfirm.text(Lang::Nl), "Ja, verwijderen");
}

// A failed quiz leaves a trace on the module.

#[wasm_bindgen_test]
async fn a_failed_quiz_shows_how_it_went_and_links_the_lessons_to_reread() {
    let token = "tok-failed-trace";
    // Failed a few minutes ago by the browser's clock, so a retry can start now.
    let mut m = wait_ends_in(-60);
    let lessons: Vec<String> = m.module.lessons.iter().map(|l| l.id.clone()).collect();
    for l in &lessons {
        let read = local::now() - chrono::Duration::minutes(1);
        (m.progress).view_lesson(&m.module, l, read).unwrap();
    }
    m.status = m.progress.status(&m.module, &m.lineage);
    let id = m.module.id.clone();
    // Answered with nothing: every topic asked is one to read again, with its lessons.
    let asked: Vec<String> = (m.progress.attempts.values().next().unwrap().topics.iter())
        .map(|t| t.topic.clone())
        .collect();
    let said = fill(
        Msg::LastAttemptFailed,
        Lang::Nl,
        &[
            ("verdict", Msg::NotPassed.text(Lang::Nl).into()),
            ("percent", "0".into()),
        ],
    );
    let topic_titles: Vec<String> = (m.module.topics.iter())
        .filter(|t| asked.contains(&t.id))
        .map(|t| t.title.get(Lang::Nl).to_string())
        .collect();
    let weak_lesson = (m.module.lessons.iter())
        .find(|l| l.topics.iter().any(|t| asked.contains(t)))
        .unwrap()
        .title
        .get(Lang::Nl)
        .to_string();
    let (host, _keep) = mount_session(token, vec![m], Lang::Nl, None, move || {
        view! { <ModuleView module_id=id back=RwSignal::new(None) /> }
    });
    redraw().await;
    let page = host.text_content().unwrap();
    assert!(page.contains(&said), "{page}");
    // One list of the lessons to reread, by their titles: not the topics' names first.
    let outcome = page.split(&said).nth(1).unwrap();
    assert!(
        !topic_titles.iter().any(|t| outcome.starts_with(t)),
        "no topics named before the lessons: {page}"
    );
    assert_eq!(
        text_of(&host, ".lesson-list h2"),
        Msg::RereadLessons.text(Lang::Nl)
    );
    assert!(buttons_named(&host, Msg::StartQuiz.text(Lang::Nl)).is_empty());
    assert_eq!(buttons_named(&host, Msg::Retry.text(Lang::Nl)).len(), 1);
    let links = buttons_named(&host, &weak_lesson);
    assert_eq!(links.len(), 1, "the lesson is linked once");
    let list = host.query_selector(".lesson-list").unwrap().unwrap();
    assert!(list.contains(Some(&links[0])));
    links[0].click();
    redraw().await;
    assert_eq!(text_of(&host, "h1"), weak_lesson);
    local::clear(token);
}

#[wasm_bindgen_test]
async fn a_passed_quiz_leaves_no_failed_trace() {
    let m = passed();
    let (host, _keep) = mount_session("tok-passed-trace", vec![m], Lang::Nl, None, || {
        view! { <ModuleView module_id="get-help".to_string() back=RwSignal::new(None) /> }
    });
    redraw().await;
    let page = host.text_content().unwrap();
    assert!(
        !page.contains(Msg::NotPassed.text(Lang::Nl)) && !page.contains(Msg::Closed.text(Lang::Nl))
    );
    local::clear("tok-passed-trace");
}

// Each screen names the tab; the certificate says what its date is.

#[wasm_bindgen_test]
async fn each_screen_of_a_module_names_the_tab() {
    let m = passed();
    let module = m.module.title.get(Lang::Nl).to_string();
    let lesson = m.module.lessons[0].title.get(Lang::Nl).to_string();
    let (host, keep) = mount_session("tok-titles", vec![m], Lang::Nl, None, || {
        view! { <ModuleView module_id="get-help".to_string() back=RwSignal::new(None) /> }
    });
    redraw().await;
    assert_eq!(document().title(), format!("{module} — Wavegate"));
    click_in(&host, ".lesson-list", &lesson);
    redraw().await;
    assert_eq!(
        document().title(),
        format!("{lesson} · {module} — Wavegate")
    );
    click(&host, Msg::Next.text(Lang::Nl));
    redraw().await;
    let second = text_of(&host, "h1");
    assert_eq!(
        document().title(),
        format!("{second} · {module} — Wavegate")
    );
    drop(keep);

    let m = all_read(assigned_of("get-help"));
    let (host, keep) = mount_session("tok-titles", vec![m], Lang::Nl, None, || {
        view! { <ModuleView module_id="get-help".to_string() back=RwSignal::new(None) /> }
    });
    redraw().await;
    click(&host, Msg::StartQuiz.text(Lang::Nl));
    redraw().await;
    assert_eq!(document().title(), format!("Quiz · {module} — Wavegate"));
    drop(keep);

    let (host, _keep) = mount_session("tok-titles", vec![passed()], Lang::Nl, None, || {
        view! { <ModuleView module_id="get-help".to_string() back=RwSignal::new(None) /> }
    });
    redraw().await;
    click(&host, Msg::ShowCertificate.text(Lang::Nl));
    redraw().await;
    assert_eq!(
        document().title(),
        format!("Certificaat · {module} — Wavegate")
    );
    local::clear("tok-titles");
}

#[wasm_bindgen_test]
async fn the_certificate_says_what_its_date_is() {
    use wavegate_trainee::pages::certificate::CertificateView;
    let m = passed();
    let version = m.module.version;
    let (host, _keep) = mount_session(
        "tok-certificate",
        vec![m.clone()],
        Lang::Nl,
        None,
        move || {
            view! { <CertificateView module=m /> }
        },
    );
    redraw().await;
    assert_eq!(
        text_of(&host, ".version"),
        format!("Versie {version} · Afgerond op 12 januari 2027")
    );
    local::clear("tok-certificate");
}

/// A roster without names: the certificate has no blank where the name would be, and its
/// sentence stands on its own.
#[wasm_bindgen_test]
async fn a_certificate_without_a_name_has_no_blank_line_and_reads_whole() {
    use wavegate_trainee::pages::certificate::CertificateView;
    let m = passed();
    let token = "tok-certificate-nameless";
    local::clear(token);
    let (host, _keep) = mount(move || {
        provide_lang().set(Lang::Nl);
        let session = Session::new(token);
        provide_context(session);
        let mut copy = training(vec![m.clone()]);
        copy.name = String::new();
        session.open(copy);
        view! { <CertificateView module=m /> }
    });
    redraw().await;
    assert!(host.query_selector(".trainee").unwrap().is_none());
    assert_eq!(text_of(&host, ".statement"), "Zelfstudiemodule afgerond");
    local::clear(token);
}

// A substantive new version of a module the trainee had finished.

use wavegate_core::training::{Change, ChangeKind, ModuleHistory};
use wavegate_trainee::pages::updated::still_to_do;

/// "Get help" passed, then a substantive new version of its second lesson, as the server hands
/// it over: with the certificate of the version the trainee finished.
fn updated_after_passing() -> MyModule {
    let done = passed();
    // The server's history holds the modules whole; the trainee's copy (`done.module`) goes
    // without its lessons' Markdown.
    let mut versions = templates::versions("get-help").unwrap();
    let latest = versions.last().unwrap().clone();
    assert_eq!(
        (&latest.id, latest.version),
        (&done.module.id, done.module.version)
    );
    let mut next = latest;
    next.version += 1;
    let lesson = &mut next.lessons[1];
    lesson.body.nl.push_str("\n\nNieuw.");
    lesson.body.en.push_str("\n\nNew.");
    next.changes = vec![Change {
        lesson: lesson.id.clone(),
        kind: ChangeKind::Substantive,
        note: wavegate_core::i18n::Text::new("Aangevuld.", "Added to."),
    }];
    let lineage = done.lineage.next(&next);
    versions.push(next.clone());
    let m = MyModule::new(next, lineage, done.progress.clone())
        .with_earlier_done(&ModuleHistory::from_published(versions).unwrap());
    assert!(m.earlier_done.is_some() && m.status.done_at.is_none());
    m
}

#[wasm_bindgen_test]
fn a_module_updated_after_it_was_finished_says_what_is_left_not_a_share_done() {
    let mut m = updated_after_passing();
    assert_eq!(
        still_to_do(&m, Lang::Nl).as_deref(),
        Some("Bijgewerkt · nog te doen: 1 les en de vragen erover")
    );
    assert_eq!(
        still_to_do(&m, Lang::En).as_deref(),
        Some("Updated · still to do: 1 lesson and its questions")
    );
    // The changed lesson read again: only the questions are left.
    let changed = m.module.lessons[1].id.clone();
    (m.progress)
        .view_lesson(&m.module, &changed, at("2027-03-01T09:00:00Z"))
        .unwrap();
    m.status = m.progress.status(&m.module, &m.lineage);
    assert_eq!(
        still_to_do(&m, Lang::Nl).as_deref(),
        Some("Bijgewerkt · nog te doen: de vragen over wat er veranderde")
    );
    // Not updated, or done: the share done or "Done", as before.
    assert_eq!(still_to_do(&passed(), Lang::Nl), None);
    assert_eq!(still_to_do(&assigned_of("get-help"), Lang::Nl), None);
}

#[wasm_bindgen_test]
async fn until_a_new_version_is_done_the_certificate_of_the_version_finished_stays_at_hand() {
    let mut m = updated_after_passing();
    let finished = m.earlier_done.as_ref().unwrap().version;
    // The new version renames the module: the certificate still names the one finished.
    let title = m.module.title.clone();
    m.module.title = wavegate_core::i18n::Text::new("Hulp in 2028", "Help in 2028");
    let token = "tok-earlier-certificate";
    let (host, _keep) = mount_session(token, vec![m], Lang::Nl, None, || {
        view! { <ModuleView module_id="get-help".to_string() back=RwSignal::new(None) /> }
    });
    redraw().await;
    assert!(buttons_named(&host, Msg::ShowCertificate.text(Lang::Nl)).is_empty());
    click(&host, &format!("Certificaat voor versie {finished}"));
    redraw().await;
    assert_eq!(text_of(&host, "h1"), "Certificaat");
    assert_eq!(text_of(&host, ".trainee"), "Anne de Vries");
    assert_eq!(text_of(&host, ".module-title"), title.nl);
    // It states its own version and the day it was earned, not the new version's.
    assert_eq!(
        text_of(&host, ".version"),
        format!("Versie {finished} · Afgerond op 12 januari 2027")
    );
    assert!(text_of(&host, ".reference").contains(&format!("get-help v{finished}")));
    // The tab, which heads the printout, names it so too.
    assert_eq!(
        document().title(),
        format!("Certificaat · {} — Wavegate", title.nl)
    );
    local::clear(token);
}

#[wasm_bindgen_test]
async fn a_certificate_kept_for_an_earlier_version_is_written_in_that_versions_language() {
    // The version finished was written in English only; the new one adds Dutch. On a Dutch
    // page, that version's certificate reads in English, and says so to a screen reader.
    let mut m = updated_after_passing();
    let finished = m.earlier_done.as_ref().unwrap().version;
    m.earlier_languages = vec![Lang::En];
    let token = "tok-earlier-certificate-en";
    let open = RwSignal::new(Some("get-help".to_string()));
    let (host, _keep) = mount_session(token, vec![m], Lang::Nl, None, move || {
        move || match open.get() {
            Some(id) => view! { <ModuleView module_id=id back=open /> }.into_any(),
            None => view! {
                <MyTrainingList offline=false open=open cleared=Callback::new(|()| {}) />
            }
            .into_any(),
        }
    });
    redraw().await;
    click(&host, &format!("Certificaat voor versie {finished}"));
    redraw().await;
    let card = host.query_selector(".certificate").unwrap().unwrap();
    assert_eq!(card.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(text_of(&host, ".certificate h1"), "Certificate");
    assert_eq!(
        text_of(&host, ".version"),
        format!("Version {finished} · Completed on 12 January 2027")
    );
    assert!(text_of(&host, ".reference").starts_with("Reference:"));
    // Back on "My training", the page speaks Dutch again: the card's language was its own.
    click(&host, Msg::Back.text(Lang::Nl));
    redraw().await;
    assert_eq!(text_of(&host, "h1"), Msg::MyTraining.text(Lang::Nl));
    local::clear(token);
}

// "My training": which program it belongs to and where to get help.

use wavegate_core::api::ProgramSupport;
use wavegate_trainee::pages::MyTrainingList;

/// Mounts "My training" of a program with `support`, the page in `lang`.
fn mount_home(
    token: &'static str,
    support: ProgramSupport,
    lang: Lang,
) -> (web_sys::HtmlElement, impl Drop) {
    local::clear(token);
    mount(move || {
        provide_lang().set(lang);
        let session = Session::new(token);
        provide_context(session);
        let mut copy = training(vec![assigned()]);
        copy.program_name = "Intune-uitrol 2027".into();
        (copy.helpdesk, copy.faq_url) = (support.helpdesk, support.faq_url);
        session.open(copy);
        view! { <MyTrainingList offline=false open=RwSignal::new(None) cleared=Callback::new(|()| {}) /> }
    })
}

#[wasm_bindgen_test]
async fn my_training_names_its_program_and_offers_the_faq_before_the_helpdesk() {
    let support = ProgramSupport {
        helpdesk: Some(wavegate_core::i18n::Text::new(
            "Bel de helpdesk: 020-1234567",
            "Call the helpdesk: 020-1234567",
        )),
        faq_url: Some("https://intranet.example.org/intune-faq".into()),
    };
    let token = "tok-home-help";
    let (host, _keep) = mount_home(token, support.clone(), Lang::Nl);
    redraw().await;
    assert_eq!(
        text_of(&host, "h1 + p"),
        "Hallo Anne de Vries, dit is je training voor Intune-uitrol 2027."
    );
    assert_eq!(text_of(&host, ".help h2"), UiMsg::HelpTitle.text(Lang::Nl));
    // Self-service first: the FAQ, then the helpdesk, its number a link to call.
    let help = host.query_selector(".help").unwrap().unwrap();
    let faq = help.query_selector("a.faq-link").unwrap().unwrap();
    assert_eq!(
        faq.get_attribute("href").as_deref(),
        support.faq_url.as_deref()
    );
    let order: Vec<String> = (0..help.child_element_count())
        .filter_map(|i| help.children().item(i))
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        order,
        [
            UiMsg::HelpTitle.text(Lang::Nl),
            UiMsg::FaqLink.text(Lang::Nl),
            "Bel de helpdesk: 020-1234567"
        ]
    );
    let call = help.query_selector(".helpdesk a").unwrap().unwrap();
    assert_eq!(
        call.get_attribute("href").as_deref(),
        Some("tel:0201234567")
    );
    // Below the modules, above "not you?".
    let text = host.text_content().unwrap();
    let at = |s: &str| text.find(s).unwrap();
    let help_at = at(UiMsg::HelpTitle.text(Lang::Nl));
    assert!(at(Msg::Open.text(Lang::Nl)) < help_at && help_at < at(Msg::NotYou.text(Lang::Nl)));
    local::clear(token);
}

#[wasm_bindgen_test]
async fn my_training_shows_only_the_help_the_program_set_in_the_pages_language() {
    // Only a helpdesk: no FAQ link, in English.
    let support = ProgramSupport {
        helpdesk: Some(wavegate_core::i18n::Text::new(
            "Bel 020-1234567",
            "Call 020-1234567",
        )),
        faq_url: None,
    };
    let token = "tok-home-helpdesk";
    let (host, keep) = mount_home(token, support, Lang::En);
    redraw().await;
    assert_eq!(
        text_of(&host, "h1 + p"),
        "Hello Anne de Vries, this is your training for Intune-uitrol 2027."
    );
    assert_eq!(text_of(&host, ".help .helpdesk"), "Call 020-1234567");
    assert!(host.query_selector(".faq-link").unwrap().is_none());
    drop(keep);
    // Nothing set: no help section and no general hint (nothing here went wrong).
    let (host, _keep) = mount_home(token, ProgramSupport::default(), Lang::Nl);
    redraw().await;
    assert!(host.query_selector(".help").unwrap().is_none());
    assert!(
        !host
            .text_content()
            .unwrap()
            .contains(UiMsg::HelpHint.text(Lang::Nl))
    );
    local::clear(token);
}

// What a trainee with every attempt used reads, and a trainee the roster gives no name.

#[wasm_bindgen_test]
async fn my_training_greets_without_a_name_when_there_is_none_and_says_a_closed_quiz_is_closed() {
    let token = "tok-home-closed";
    local::clear(token);
    let (host, _keep) = mount(move || {
        provide_lang().set(Lang::Nl);
        let session = Session::new(token);
        provide_context(session);
        let mut copy = training(vec![failed_once(Some(1), 0)]);
        copy.name = String::new();
        copy.program_name = "Intune-uitrol 2027".into();
        session.open(copy);
        view! { <MyTrainingList offline=false open=RwSignal::new(None) cleared=Callback::new(|()| {}) /> }
    });
    redraw().await;
    assert_eq!(
        text_of(&host, "h1 + p"),
        "Hallo, dit is je training voor Intune-uitrol 2027."
    );
    let meta = text_of(&host, ".module-item .meta");
    assert!(meta.ends_with(" · quiz gesloten"), "{meta}");
    local::clear(token);
}

#[wasm_bindgen_test]
async fn a_closed_quiz_says_not_passed_without_yet_and_points_to_no_missing_helpdesk() {
    let token = "tok-closed-module";
    let mut m = failed_once(Some(1), 0);
    // Every lesson read: where the quiz button was, why there is none.
    let lessons: Vec<String> = m.module.lessons.iter().map(|l| l.id.clone()).collect();
    for l in &lessons {
        (m.progress)
            .view_lesson(&m.module, l, at("2027-01-12T09:06:00Z"))
            .unwrap();
    }
    m.status = m.progress.status(&m.module, &m.lineage);
    let id = m.module.id.clone();
    let (host, _keep) = mount_session(token, vec![m], Lang::Nl, None, move || {
        view! { <ModuleView module_id=id back=RwSignal::new(None) /> }
    });
    redraw().await;
    let page = host.text_content().unwrap();
    assert!(
        page.contains("Niet geslaagd: 0% goed bij je laatste poging."),
        "{page}"
    );
    assert!(
        !page.contains(Msg::NotPassed.text(Lang::Nl)),
        "no \"yet\": {page}"
    );
    assert!(page.contains(Msg::NoAttemptsLeft.text(Lang::Nl)), "{page}");
    assert!(
        !page.contains("helpdesk"),
        "the program set no helpdesk: {page}"
    );
    local::clear(token);
}

#[wasm_bindgen_test]
async fn the_module_says_how_many_questions_passing_takes() {
    let token = "tok-pass-mark";
    let m = assigned();
    let quiz = m.module.quiz.clone().unwrap();
    let asked = wavegate_core::training::full_attempt_size(&quiz);
    let id = m.module.id.clone();
    let (host, _keep) = mount_session(token, vec![m], Lang::Nl, None, move || {
        view! { <ModuleView module_id=id back=RwSignal::new(None) /> }
    });
    redraw().await;
    let about = text_of(&host, ".meta.about");
    let needed = wavegate_core::training::needed_to_pass(quiz.pass_mark, asked);
    assert!(
        about.contains(&format!("{needed} van de {asked} vragen goed")),
        "{about}"
    );
    local::clear(token);
}

#[wasm_bindgen_test]
async fn a_wrong_true_or_false_answer_says_which_was_right() {
    let is_tf = |k: &QuestionKind| matches!(k, QuestionKind::TrueFalse { .. });
    let with_tf = (templates::all().into_iter())
        .find(|m| {
            m.quiz
                .as_ref()
                .is_some_and(|q| q.questions.iter().any(|q| is_tf(&q.kind)))
        })
        .unwrap();
    let m = quiz_of_only(&with_tf.id, is_tf);
    let (host, _keep) = mount_quiz("tok-true-false", m.clone());
    redraw().await;
    let q = shown_question(&host, &m);
    let QuestionKind::TrueFalse { answer, .. } = q.kind else {
        unreachable!()
    };
    // The radios are "Waar" then "Niet waar": pick the wrong one.
    choice_inputs(&host)[usize::from(answer)].click();
    click(&host, Msg::Check.text(Lang::Nl));
    redraw().await;
    let right = if answer {
        Msg::TrueWord
    } else {
        Msg::FalseWord
    };
    assert_eq!(
        text_of(&host, ".feedback p.right"),
        format!(
            "{} ({})",
            right.text(Lang::Nl),
            Msg::MissedRight.text(Lang::Nl)
        )
    );
    assert_eq!(
        Msg::MissedRight.text(Lang::Nl),
        "juiste antwoord, niet gekozen"
    );
    local::clear("tok-true-false");
}

#[wasm_bindgen_test]
async fn a_module_done_by_reading_alone_reads_done_with_a_full_bar_though_the_quiz_is_left() {
    // Under the "completed" rule the quiz is practice: every lesson read is the module done.
    let token = "tok-home-completed";
    local::clear(token);
    let mut m = assigned_of("get-help");
    m.module.completion = wavegate_core::training::Completion::Completed;
    let lessons: Vec<String> = m.module.lessons.iter().map(|l| l.id.clone()).collect();
    for l in &lessons {
        (m.progress)
            .view_lesson(&m.module, l, at("2027-01-12T09:00:00Z"))
            .unwrap();
    }
    m.status = m.progress.status(&m.module, &m.lineage);
    assert!(
        !m.status.restudy.topics.is_empty(),
        "the quiz is not passed"
    );
    let (host, _keep) = mount(move || {
        provide_lang().set(Lang::Nl);
        let session = Session::new(token);
        provide_context(session);
        session.open(training(vec![m]));
        view! { <MyTrainingList offline=false open=RwSignal::new(None) cleared=Callback::new(|()| {}) /> }
    });
    redraw().await;
    let meta = text_of(&host, ".module-item .meta");
    assert!(meta.ends_with(" · Afgerond"), "{meta}");
    let bar = host
        .query_selector(".module-item progress")
        .unwrap()
        .unwrap();
    assert_eq!(bar.get_attribute("value").as_deref(), Some("100"));
    let open = host.query_selector(".module-item button").unwrap().unwrap();
    assert_eq!(open.class_name(), "secondary");
    local::clear(token);
}
