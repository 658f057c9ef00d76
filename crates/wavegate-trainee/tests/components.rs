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
use wavegate_trainee::i18n::{Msg, UiMsg};
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
    assert!(local::cached(token).is_some());
    assert_eq!(local::outbox(token).len(), 1);

    local::clear(token);
    assert_eq!(local::cached(token), None);
    assert!(local::outbox(token).is_empty());
    let left: Vec<String> = local_storage_keys()
        .into_iter()
        .filter(|k| k.contains(token))
        .collect();
    assert!(left.is_empty(), "{left:?}");
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
    let nl = Msg::LinkInvalid.text(Lang::Nl);
    let en = Msg::LinkInvalid.text(Lang::En);
    assert!(main.contains(nl) || main.contains(en), "{main}");
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
fn a_quiz_that_cannot_start_yet_says_until_when_in_local_time() {
    use wavegate_trainee::pages::next_attempt::{NoAttempt, blocked, browser_time};
    let waiting = failed_once(None, 30);
    let why = blocked(&waiting, at("2027-01-12T09:10:00Z")).unwrap();
    assert_eq!(why, NoAttempt::Wait(at("2027-01-12T09:35:00Z")));
    let utc = |t: DateTime<Utc>| t.naive_utc();
    assert_eq!(
        why.text(Lang::Nl, utc),
        "Een nieuwe poging kan vanaf 12 januari 2027, 09:35."
    );
    assert_eq!(
        why.text(Lang::En, utc),
        "A new attempt is possible from 12 January 2027, 09:35."
    );
    let shown = why.text(Lang::Nl, browser_time);
    assert!(
        !shown.contains("UTC") && !shown.contains("2027-01-12") && shown.contains("januari"),
        "in words, in the trainee's zone, not the server's stamp: {shown}"
    );
    assert_eq!(
        blocked(&waiting, at("2027-01-12T09:36:00Z")),
        None,
        "the wait is over"
    );
}

#[wasm_bindgen_test]
fn a_quiz_with_every_attempt_used_says_whom_to_ask() {
    use wavegate_trainee::pages::next_attempt::{NoAttempt, blocked, browser_time};
    let used_up = failed_once(Some(1), 0);
    let why = blocked(&used_up, at("2027-01-12T09:10:00Z")).unwrap();
    assert_eq!(why, NoAttempt::NoneLeft);
    let nl = why.text(Lang::Nl, browser_time);
    assert!(
        nl.contains("alle pogingen") && nl.contains("servicedesk"),
        "{nl}"
    );
    assert!(why.text(Lang::En, browser_time).contains("service desk"));
    // Unlimited attempts without a wait: the quiz opens.
    assert_eq!(
        blocked(&failed_once(None, 0), at("2027-01-12T09:06:00Z")),
        None
    );
}
