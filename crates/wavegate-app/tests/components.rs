//! Component tests: real components mounted in headless Chromium (wasm-bindgen-test), clicked
//! like a respondent would, checked by what the respondent sees and what gets recorded.

#![allow(clippy::unwrap_used)]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wavegate_app::components::question::QuestionView;
use wavegate_app::errors::refusal_text;
use wavegate_app::i18n::{Msg, UiMsg};
use wavegate_app::outbox::{Flush, Outbox, SingleFlight};
use wavegate_app::pages::Page;
use wavegate_app::storage::{self, Queued};
use wavegate_core::api::{ErrorBody, ErrorCode, ErrorDetail};
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::survey::response_id::is_valid_response_id;
use wavegate_core::survey::validate::OTHER_TEXT_MAX;
use wavegate_core::survey::{
    Answer, Answers, Choice, ChoicesAnswer, Page as SurveyPage, Question, QuestionKind, Response,
    Survey,
};
use wavegate_ui::api::ApiError;

use wavegate_ui::test_support::{document, mount, settle, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn input(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlInputElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn survey_with(questions: Vec<Question>) -> Survey {
    Survey::new("t", Text::new("Test", "Test")).with_page(SurveyPage::new("p1", questions))
}

fn mount_question(
    survey: Survey,
    question_id: &str,
    lang: Lang,
    error: Option<String>,
) -> (
    web_sys::HtmlElement,
    impl Drop,
    RwSignal<Answers>,
    RwSignal<Lang>,
) {
    let answers = RwSignal::new(Answers::new());
    let lang_signal = RwSignal::new(lang);
    let question = survey.question(question_id).unwrap().clone();
    let survey = StoredValue::new(survey);
    let (host, handle) = mount(move || {
        provide_context(lang_signal);
        view! { <QuestionView survey=survey question=question answers=answers error=Signal::stored(error) /> }
    });
    (host, handle, answers, lang_signal)
}

#[wasm_bindgen_test]
async fn clicking_an_agreement_option_records_it_and_checks_only_that_option() {
    let survey = survey_with(vec![
        Question::new(
            "q",
            Text::new("Ging het goed?", "Did it go well?"),
            QuestionKind::Agreement { points: 5 },
        )
        .required(),
    ]);
    let (host, _h, answers, _) = mount_question(survey, "q", Lang::Nl, None);
    let labels: Vec<String> = (1..=5)
        .map(|v| text_of(&host, &format!("#q-q-{v} + span")))
        .collect();
    assert_eq!(labels[0], "Helemaal mee oneens");
    assert_eq!(labels[4], "Helemaal mee eens");

    input(&host, "#q-q-4").click();
    settle().await;
    assert_eq!(answers.get_untracked().get("q"), Some(&Answer::Scale(4)));
    input(&host, "#q-q-2").click();
    settle().await;
    assert_eq!(answers.get_untracked().get("q"), Some(&Answer::Scale(2)));
    assert!(input(&host, "#q-q-2").checked() && !input(&host, "#q-q-4").checked());
}

#[wasm_bindgen_test]
async fn a_required_question_announces_itself_and_its_error_in_the_current_language() {
    let survey = survey_with(vec![
        Question::new(
            "q",
            Text::new("Welk apparaat?", "Which device?"),
            QuestionKind::YesNo,
        )
        .required(),
    ]);
    let (host, _h, _answers, lang) =
        mount_question(survey, "q", Lang::Nl, Some("Beantwoord deze vraag.".into()));
    settle().await;
    let legend = text_of(&host, "legend");
    assert!(
        legend.starts_with("Welk apparaat?") && legend.contains("(verplicht)"),
        "{legend}"
    );
    let fieldset = host.query_selector("fieldset").unwrap().unwrap();
    assert_eq!(
        fieldset.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    // Read with its field, not announced on its own: the page's one summary alert does that,
    // so several unanswered questions do not announce over each other.
    assert!(host.query_selector("[role=alert]").unwrap().is_none());
    let error = host.query_selector(".question-error").unwrap().unwrap();
    assert_eq!(error.text_content().unwrap(), "Beantwoord deze vraag.");
    assert!(
        fieldset
            .get_attribute("aria-describedby")
            .unwrap()
            .contains(&error.id())
    );

    lang.set(Lang::En);
    settle().await;
    let legend = text_of(&host, "legend");
    assert!(
        legend.starts_with("Which device?") && legend.contains("(required)"),
        "{legend}"
    );
    assert_eq!(text_of(&host, "#q-q-true + span"), "Yes");
}

#[wasm_bindgen_test]
async fn multiple_choice_keeps_display_order_and_clears_when_nothing_is_picked() {
    let survey = survey_with(vec![Question::new(
        "apps",
        Text::new("Welke apps?", "Which apps?"),
        QuestionKind::MultipleChoice {
            choices: vec![
                Choice::new("mail", "Mail", "Mail"),
                Choice::new("teams", "Teams", "Teams"),
                Choice::new("word", "Word", "Word"),
            ],
            min: Some(1),
            max: Some(2),
            other: false,
        },
    )]);
    let (host, _h, answers, _) = mount_question(survey, "apps", Lang::Nl, None);
    settle().await;
    assert_eq!(text_of(&host, ".question-hint"), "Kies 1 tot 2");
    input(&host, "#q-apps-word").click();
    input(&host, "#q-apps-mail").click();
    settle().await;
    let expected = Answer::Choices(ChoicesAnswer {
        selected: vec!["mail".into(), "word".into()],
        other: None,
    });
    assert_eq!(answers.get_untracked().get("apps"), Some(&expected));
    input(&host, "#q-apps-word").click();
    input(&host, "#q-apps-mail").click();
    settle().await;
    assert_eq!(
        answers.get_untracked().get("apps"),
        None,
        "an empty selection is no answer"
    );
}

#[wasm_bindgen_test]
async fn at_the_maximum_the_boxes_left_unticked_are_disabled_until_one_is_unticked() {
    let survey = survey_with(vec![Question::new(
        "apps",
        Text::new("Welke apps?", "Which apps?"),
        QuestionKind::MultipleChoice {
            choices: vec![
                Choice::new("mail", "Mail", "Mail"),
                Choice::new("teams", "Teams", "Teams"),
                Choice::new("word", "Word", "Word"),
            ],
            min: None,
            max: Some(2),
            other: true,
        },
    )]);
    let (host, _h, answers, _) = mount_question(survey, "apps", Lang::Nl, None);
    settle().await;
    // The limit is said once, and read with the group wherever focus enters it.
    let hint = host.query_selector(".question-hint").unwrap().unwrap();
    assert_eq!(hint.text_content().unwrap(), "Kies er hoogstens 2");
    let fieldset = host.query_selector("fieldset").unwrap().unwrap();
    let described = fieldset.get_attribute("aria-describedby").unwrap();
    assert!(
        described.split(' ').any(|id| id == hint.id()),
        "{described}"
    );
    let closed = |host: &web_sys::HtmlElement| {
        [
            "#q-apps-mail",
            "#q-apps-teams",
            "#q-apps-word",
            "#q-apps-other",
            "input.other-text",
        ]
        .into_iter()
        .filter(|s| input(host, s).disabled())
        .collect::<Vec<_>>()
    };
    assert!(closed(&host).is_empty());

    input(&host, "#q-apps-mail").click();
    input(&host, "#q-apps-word").click();
    settle().await;
    assert_eq!(
        closed(&host),
        ["#q-apps-teams", "#q-apps-other", "input.other-text"],
        "the boxes left unticked, and the other text that would tick one"
    );
    // A disabled box takes no click: the answer stays within the maximum.
    input(&host, "#q-apps-teams").click();
    settle().await;
    let two = Answer::Choices(ChoicesAnswer {
        selected: vec!["mail".into(), "word".into()],
        other: None,
    });
    assert_eq!(answers.get_untracked().get("apps"), Some(&two));
    assert!(!input(&host, "#q-apps-teams").checked());

    // Unticking one frees them all again.
    input(&host, "#q-apps-mail").click();
    settle().await;
    assert!(closed(&host).is_empty());
    input(&host, "#q-apps-other").click();
    settle().await;
    assert_eq!(
        closed(&host),
        ["#q-apps-mail", "#q-apps-teams"],
        "other counts"
    );
}

#[wasm_bindgen_test]
async fn ranking_moves_with_buttons_and_records_the_order() {
    let survey = survey_with(vec![Question::new(
        "r",
        Text::new("Wat is belangrijk?", "What matters?"),
        QuestionKind::Ranking {
            choices: vec![
                Choice::new("a", "Snelheid", "Speed"),
                Choice::new("b", "Privacy", "Privacy"),
            ],
        },
    )]);
    let (host, _h, answers, _) = mount_question(survey, "r", Lang::En, None);
    settle().await;
    let down: web_sys::HtmlElement = host
        .query_selector("li[data-choice=a] button[aria-label^='Move down']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    down.click();
    settle().await;
    assert_eq!(
        answers.get_untracked().get("r"),
        Some(&Answer::Ranking(vec!["b".into(), "a".into()]))
    );
    assert_eq!(text_of(&host, "li:first-child .ranking-label"), "Privacy");
    // The list was drawn anew, yet focus stays with the moved item (now last: its "up"
    // button, "down" being disabled there), and its new place is said.
    let focused = || document().active_element().map(|e| e.id());
    until(|| focused().as_deref() == Some("rank-r-a-up")).await;
    assert_eq!(focused().as_deref(), Some("rank-r-a-up"));
    assert_eq!(
        text_of(&host, ".visually-hidden[aria-live=polite]"),
        "Speed is now in place 2 of 2."
    );
}

#[wasm_bindgen_test]
async fn a_text_question_pipes_earlier_answers_and_shows_the_characters_left() {
    let survey = survey_with(vec![
        Question::new(
            "nps",
            Text::new("Aanbevelen?", "Recommend?"),
            QuestionKind::Rating {
                min: 0,
                max: 10,
                min_label: None,
                max_label: None,
            },
        ),
        Question::new(
            "why",
            Text::new("Waarom een {nps}?", "Why a {nps}?"),
            QuestionKind::Text {
                multiline: true,
                min_length: None,
                max_length: Some(500),
            },
        ),
    ]);
    let (host, _h, answers, _) = mount_question(survey, "why", Lang::En, None);
    answers.update(|a| {
        a.insert("nps".into(), Answer::Scale(7));
    });
    settle().await;
    assert!(
        text_of(&host, "legend").starts_with("Why a 7?"),
        "{}",
        text_of(&host, "legend")
    );
    assert_eq!(text_of(&host, ".char-count"), "500 characters left");
}

#[wasm_bindgen_test]
async fn the_character_counter_is_read_out_only_near_the_limit() {
    let survey = survey_with(vec![Question::new(
        "why",
        Text::new("Waarom?", "Why?"),
        QuestionKind::Text {
            multiline: true,
            min_length: None,
            max_length: Some(30),
        },
    )]);
    let (host, _h, _answers, _) = mount_question(survey, "why", Lang::Nl, None);
    settle().await;
    let counter = host.query_selector(".char-count").unwrap().unwrap();
    assert_eq!(counter.get_attribute("aria-live").as_deref(), Some("off"));
    let field: web_sys::HtmlTextAreaElement = host
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // 11 typed, 19 left: from here each change is said.
    field.set_value("elf tekens!");
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(counter.text_content().unwrap(), "19 tekens over");
    assert_eq!(
        counter.get_attribute("aria-live").as_deref(),
        Some("polite")
    );
}

#[wasm_bindgen_test]
async fn the_language_switch_flips_the_language_and_remembers_it_on_this_device() {
    storage::remove(&storage::Key::Lang);
    let lang = RwSignal::new(Lang::Nl);
    let (host, _h) = mount(move || {
        provide_context(lang);
        view! { <wavegate_ui::lang_switch::LanguageSwitch /> }
    });
    let button: web_sys::HtmlElement = host
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "English");
    button.click();
    settle().await;
    assert_eq!(lang.get_untracked(), Lang::En);
    assert_eq!(button.text_content().unwrap(), "Nederlands");
    assert_eq!(storage::load::<Lang>(&storage::Key::Lang), Some(Lang::En));
    storage::remove(&storage::Key::Lang);
}

#[wasm_bindgen_test]
fn the_outbox_keeps_one_copy_per_response_until_acknowledged() {
    storage::remove(&storage::Key::Outbox);
    let survey = survey_with(vec![]);
    let item = |token: &str, id: &str| Queued {
        token: token.into(),
        response: Response::new(id, &survey, Lang::Nl),
    };
    assert!(storage::enqueue(item("t1", "r1")));
    assert!(storage::enqueue(item("t1", "r1")));
    assert!(storage::enqueue(item("t2", "r2")));
    assert_eq!(
        storage::outbox().len(),
        2,
        "a resend replaces, never duplicates"
    );
    storage::dequeue("r1");
    let left: Vec<String> = storage::outbox()
        .into_iter()
        .map(|q| q.response.id)
        .collect();
    assert_eq!(left, vec!["r2".to_string()]);
    storage::remove(&storage::Key::Outbox);
}

#[wasm_bindgen_test]
fn an_answered_anonymous_link_is_remembered_by_this_tab_only_until_the_device_is_cleared() {
    let token = "anonymous-answered-here";
    let key = storage::Key::AnsweredHere(token.into());
    storage::forget_invitation(token);
    assert_eq!(storage::answered_here(token), None);

    storage::mark_answered_here(token, "2027-01-12T08:00:00Z");
    assert_eq!(
        storage::answered_here(token).map(|m| m.submitted_at),
        Some("2027-01-12T08:00:00Z".to_string())
    );
    // In this tab's sessionStorage, never in the device's localStorage.
    assert_eq!(storage::load::<storage::AnsweredHere>(&key), None);
    // Clearing what an acknowledged response leaves keeps it: it is what a reload shows.
    storage::forget_answered(token);
    assert!(storage::answered_here(token).is_some());
    // "Not you? Clear this device" forgets it with everything else of the link.
    storage::forget_invitation(token);
    assert_eq!(storage::answered_here(token), None);
}

#[wasm_bindgen_test]
fn every_interface_message_exists_in_both_languages_with_the_same_placeholders() {
    assert_eq!(wavegate_ui::i18n::first_incomplete(Msg::ALL), None);
    assert_eq!(wavegate_ui::i18n::first_incomplete(UiMsg::ALL), None);
    assert_eq!(
        wavegate_ui::i18n::first_incomplete(RespondentMsg::ALL),
        None
    );
    assert_eq!(
        wavegate_ui::i18n::placeholders(Msg::PageOf.text(Lang::Nl)),
        vec!["n", "total"]
    );
}

#[wasm_bindgen_test]
fn the_page_follows_the_address_and_the_planner_is_never_one_of_them() {
    assert_eq!(Page::of("/"), Page::Home);
    assert_eq!(Page::of("/r/0123abcd"), Page::Respond("0123abcd".into()));
    assert_eq!(Page::of("/r/0123abcd/"), Page::Respond("0123abcd".into()));
    assert_eq!(Page::of(wavegate_app::pages::CLEARED), Page::Cleared);
    for other in ["/r/", "/r/a/b", "/planner", "/nope"] {
        assert_eq!(Page::of(other), Page::NotFound, "{other}");
    }
}

#[wasm_bindgen_test]
fn new_response_ids_are_random_and_follow_the_cores_response_id_rule() {
    let a = wavegate_app::pages::respond::new_response_id();
    let b = wavegate_app::pages::respond::new_response_id();
    assert_ne!(a, b);
    assert!(
        is_valid_response_id(&a) && is_valid_response_id(&b),
        "{a} {b}"
    );
}

/// A survey of two questions with an "other" option: `single` (one choice) and `many`
/// (several), each offering `choices`.
fn survey_with_others(single: &str, choices: Vec<Choice>) -> Survey {
    survey_with(vec![
        Question::new(
            single,
            Text::new("Welke?", "Which?"),
            QuestionKind::SingleChoice {
                choices: choices.clone(),
                other: true,
            },
        ),
        Question::new(
            "many",
            Text::new("Welke?", "Which?"),
            QuestionKind::MultipleChoice {
                choices,
                min: None,
                max: None,
                other: true,
            },
        ),
    ])
}

#[wasm_bindgen_test]
async fn the_other_text_takes_as_many_characters_as_the_core_validator_accepts() {
    let choices = vec![Choice::new("a", "A", "A"), Choice::new("b", "B", "B")];
    let survey = survey_with_others("one", choices);
    for id in ["one", "many"] {
        let (host, _h, _, _) = mount_question(survey.clone(), id, Lang::Nl, None);
        settle().await;
        let other = input(&host, "input.other-text");
        assert_eq!(
            other.get_attribute("maxlength"),
            Some(OTHER_TEXT_MAX.to_string()),
            "{id}"
        );
    }
}

/// An error answer from the server with an English message.
use wavegate_ui::i18n::RespondentMsg;

fn server_error(code: ErrorCode, details: Option<serde_json::Value>) -> ApiError {
    ApiError::answered(
        422,
        Some(ErrorBody {
            error: ErrorDetail {
                code,
                message: "ENGLISH TEXT FROM THE SERVER".into(),
                details,
            },
        }),
    )
}

#[wasm_bindgen_test]
fn a_refused_response_is_explained_in_the_respondents_language_whatever_the_code() {
    let dutch: Vec<&str> = Msg::ALL
        .iter()
        .map(|m| m.text(Lang::Nl))
        .chain(UiMsg::ALL.iter().map(|m| m.text(Lang::Nl)))
        .chain(RespondentMsg::ALL.iter().map(|m| m.text(Lang::Nl)))
        .collect();
    for code in ErrorCode::SENT.into_iter().chain([ErrorCode::Unknown]) {
        let text = refusal_text(&server_error(code, None), Lang::Nl);
        assert!(
            dutch.contains(&text.as_str()),
            "{code:?} reads as {text:?}, not as the app's Dutch"
        );
    }
    assert_eq!(
        refusal_text(&server_error(ErrorCode::UnknownVersion, None), Lang::En),
        RespondentMsg::ErrorUnknownVersion.text(Lang::En)
    );
}

#[wasm_bindgen_test]
fn invalid_answers_are_listed_with_the_messages_the_server_wrote_in_the_response_language() {
    let details = serde_json::json!([
        { "question": "nps", "code": "out_of_range", "message": "Kies een waarde van 0 tot en met 10." },
        { "question": "why", "code": "required", "message": "Deze vraag is verplicht." }
    ]);
    let text = refusal_text(
        &server_error(ErrorCode::InvalidResponse, Some(details)),
        Lang::Nl,
    );
    assert_eq!(
        text,
        "Kies een waarde van 0 tot en met 10. Deze vraag is verplicht."
    );
}

#[wasm_bindgen_test]
fn an_error_code_from_a_newer_server_gets_the_generic_message() {
    let body: ErrorBody =
        serde_json::from_str(r#"{"error":{"code":"teleported","message":"slow down"}}"#).unwrap();
    let e = ApiError::answered(429, Some(body));
    assert_eq!(wavegate_ui::errors::message(&e), UiMsg::ErrorUnknown);
    assert_eq!(
        wavegate_ui::errors::message(&ApiError::Network),
        UiMsg::ErrorOffline
    );
}

#[wasm_bindgen_test]
fn one_flight_at_a_time_and_the_next_may_start_when_it_ends() {
    let gate = SingleFlight::default();
    let first = gate.try_start().expect("the first flight starts");
    assert!(gate.is_busy());
    assert!(
        gate.try_start().is_none(),
        "no second flight while one runs"
    );
    drop(first);
    assert!(!gate.is_busy());
    assert!(
        gate.try_start().is_some(),
        "a new flight after the first ended"
    );
}

#[wasm_bindgen_test]
async fn a_second_flush_while_one_is_sending_sends_nothing() {
    storage::remove(&storage::Key::Outbox);
    let survey = survey_with(vec![]);
    storage::enqueue(Queued {
        token: "0123456789abcdef0123456789abcdef".into(),
        response: Response::new("flush-test-0001", &survey, Lang::Nl),
    });
    let outbox = Outbox::new();
    // Like the Retry button and the `online` watcher: two flushes started together. Whichever
    // runs first takes the flight before its first await and then waits on the network, so the
    // other finds the flight taken and returns at once, before the first one is done.
    let results = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    for _ in 0..2 {
        let results = results.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let flushed = outbox.flush().await;
            results.borrow_mut().push(flushed);
        });
    }
    while results.borrow().len() < 2 {
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    let results = results.borrow();
    assert_eq!(results[0], Flush::AlreadyRunning, "{results:?}");
    assert!(matches!(results[1], Flush::Done { .. }), "{results:?}");
    storage::remove(&storage::Key::Outbox);
}

#[wasm_bindgen_test]
fn resending_backs_off_quickly_at_first_and_never_beyond_thirty_seconds() {
    use wavegate_app::outbox::backoff_ms;
    let delays: Vec<f64> = (1..=8).map(backoff_ms).collect();
    assert_eq!(
        delays,
        vec![
            2000.0, 4000.0, 8000.0, 16000.0, 30000.0, 30000.0, 30000.0, 30000.0
        ]
    );
}

/// An invitation to `survey` as the server would describe it (anonymous: the device keeps the
/// draft, nothing is asked of a server that the tests do not run).
fn invitation_to(survey: Survey) -> wavegate_core::api::InvitationView {
    wavegate_core::api::InvitationView {
        program_name: "Pilot".into(),
        languages: vec![Lang::Nl, Lang::En],
        support: Default::default(),
        survey,
        attributes: Default::default(),
        language: Some(Lang::Nl),
        anonymous: true,
        submitted: None,
    }
}

/// The whole survey page of an invitation, in Dutch, starting without a draft.
fn mount_survey(token: &str, survey: Survey) -> (web_sys::HtmlElement, impl Drop) {
    storage::remove(&storage::Key::Draft(token.into()));
    let (token, view) = (token.to_string(), invitation_to(survey));
    mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <wavegate_app::pages::respond::Survey token=token view=view offline=false /> }
    })
}

fn has_class(host: &web_sys::HtmlElement, selector: &str, class: &str) -> bool {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .class_list()
        .contains(class)
}

fn is_hidden(host: &web_sys::HtmlElement, selector: &str) -> bool {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .has_attribute("hidden")
}

fn click_next(host: &web_sys::HtmlElement) {
    host.query_selector(".nav-buttons button.primary")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn an_error_clears_as_soon_as_its_answer_is_valid_and_the_summary_with_the_last_one() {
    let yes_no =
        |id: &str| Question::new(id, Text::new("Gelukt?", "Done?"), QuestionKind::YesNo).required();
    let survey = Survey::new("t", Text::new("Test", "Test"))
        .with_page(SurveyPage::new("p1", vec![yes_no("one"), yes_no("two")]))
        .with_page(SurveyPage::new(
            "p2",
            vec![Question::new(
                "three",
                Text::new("Nog iets?", "Anything else?"),
                QuestionKind::YesNo,
            )],
        ));
    let (host, _h) = mount_survey("errors-clear-token", survey);
    settle().await;
    assert!(
        host.query_selector(".required-legend").unwrap().is_some(),
        "a page with required questions explains the *"
    );

    click_next(&host);
    settle().await;
    assert!(has_class(&host, "#q-one", "has-error") && has_class(&host, "#q-two", "has-error"));
    assert!(!is_hidden(&host, ".form-error"));

    input(&host, "#q-one-true").click();
    settle().await;
    assert!(
        !has_class(&host, "#q-one", "has-error"),
        "fixed: no red box"
    );
    assert!(is_hidden(&host, "#q-one-error"), "fixed: no message");
    assert!(has_class(&host, "#q-two", "has-error"), "still missing");
    assert!(!is_hidden(&host, ".form-error"), "one error is left");

    input(&host, "#q-two-false").click();
    settle().await;
    assert!(!has_class(&host, "#q-two", "has-error"));
    assert!(
        is_hidden(&host, ".form-error"),
        "the summary goes with the last error"
    );

    click_next(&host);
    settle().await;
    assert!(
        host.query_selector("#q-three").unwrap().is_some(),
        "on page 2"
    );
    assert!(
        host.query_selector(".required-legend").unwrap().is_none(),
        "no legend on a page without required questions"
    );
}

#[wasm_bindgen_test]
async fn errors_shown_follow_the_language_switch() {
    let survey = Survey::new("t", Text::new("Test", "Test")).with_page(SurveyPage::new(
        "p1",
        vec![Question::new("one", Text::new("Gelukt?", "Done?"), QuestionKind::YesNo).required()],
    ));
    let token = "errors-language-token";
    storage::remove(&storage::Key::Draft(token.into()));
    let lang = RwSignal::new(Lang::Nl);
    let view = invitation_to(survey);
    let (host, _h) = mount(move || {
        provide_context(lang);
        view! { <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false /> }
    });
    settle().await;
    click_next(&host);
    settle().await;
    assert_eq!(text_of(&host, "#q-one-error"), "Deze vraag is verplicht.");
    let dutch_summary = text_of(&host, ".form-error");
    lang.set(Lang::En);
    settle().await;
    assert_eq!(text_of(&host, "#q-one-error"), "This question is required.");
    assert_ne!(text_of(&host, ".form-error"), dutch_summary);
    assert!(has_class(&host, "#q-one", "has-error"), "still missing");
}

#[wasm_bindgen_test]
async fn a_matrix_marks_each_missing_statement_and_focus_goes_to_the_first_missing_one() {
    use wavegate_core::survey::MatrixItem;
    let items = ["a", "b", "c"]
        .map(|id| MatrixItem::new(id, &format!("Stelling {id}"), &format!("Statement {id}")));
    let survey = survey_with(vec![
        Question::new(
            "sus",
            Text::new("Het systeem", "The system"),
            QuestionKind::Matrix {
                points: 5,
                items: items.to_vec(),
            },
        )
        .required(),
    ]);
    let (host, _h) = mount_survey("matrix-focus-token", survey);
    settle().await;
    input(&host, "#q-sus-a-3").click();
    settle().await;

    click_next(&host);
    settle().await;
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(
        focused.as_deref(),
        Some("q-sus-b-1"),
        "the first missing statement"
    );
    assert!(
        !has_class(&host, "#q-sus-item-a", "item-missing"),
        "answered"
    );
    assert!(has_class(&host, "#q-sus-item-b", "item-missing"));
    assert!(has_class(&host, "#q-sus-item-c", "item-missing"));
    assert_eq!(
        text_of(&host, "#q-sus-item-b .item-error"),
        "Kies een antwoord bij deze uitspraak.",
        "the message sits beside the statement"
    );
    assert_eq!(
        host.query_selector("#q-sus-item-b")
            .unwrap()
            .unwrap()
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("q-sus-item-b-error")
    );

    input(&host, "#q-sus-b-2").click();
    settle().await;
    assert!(
        !has_class(&host, "#q-sus-item-b", "item-missing"),
        "answered now"
    );
    assert!(
        has_class(&host, "#q-sus-item-c", "item-missing"),
        "still missing"
    );
    input(&host, "#q-sus-c-5").click();
    settle().await;
    assert!(!has_class(&host, "#q-sus", "has-error"));
    assert!(is_hidden(&host, ".form-error"));
}

/// The app's top bar and the survey page of an invitation in `language` to a survey written in
/// `languages`, as a respondent opens it.
fn mount_with_switch(
    token: &str,
    languages: Vec<Lang>,
    language: Lang,
) -> (web_sys::HtmlElement, impl Drop, RwSignal<Lang>) {
    storage::remove(&storage::Key::Draft(token.into()));
    storage::remove(&storage::Key::Lang);
    let survey = survey_with(vec![Question::new(
        "q",
        Text::new("Ging het goed?", "Did it go well?"),
        QuestionKind::Agreement { points: 5 },
    )]);
    let view = wavegate_core::api::InvitationView {
        languages,
        language: Some(language),
        ..invitation_to(survey)
    };
    let token = token.to_string();
    let lang = RwSignal::new(Lang::Nl);
    let (host, handle) = mount(move || {
        let provided = wavegate_ui::lang_switch::provide_lang();
        Effect::new(move |_| lang.set(provided.get()));
        view! {
            <wavegate_ui::lang_switch::LanguageSwitch />
            <wavegate_app::pages::respond::Survey token=token view=view offline=false />
        }
    });
    (host, handle, lang)
}

#[wasm_bindgen_test]
async fn an_english_only_survey_is_read_in_english_without_a_language_switch() {
    // The roster said Dutch; the survey is written in English only.
    let (host, _h, lang) = mount_with_switch("one-language-token", vec![Lang::En], Lang::Nl);
    settle().await;
    assert_eq!(lang.get_untracked(), Lang::En);
    assert!(
        host.query_selector(".lang-switch").unwrap().is_none(),
        "no switch to a language the questions are not written in"
    );
    assert_eq!(text_of(&host, ".nav-buttons button.primary"), "Submit");
    assert_eq!(text_of(&host, "#q-q-1 + span"), "Strongly disagree");
    assert_eq!(
        storage::load::<Lang>(&storage::Key::Lang),
        None,
        "the device's own preference is left alone"
    );
}

#[wasm_bindgen_test]
async fn a_dutch_only_survey_opened_through_an_english_link_is_read_in_dutch() {
    let (host, _h, lang) = mount_with_switch("nl-only-token", vec![Lang::Nl], Lang::En);
    settle().await;
    assert_eq!(lang.get_untracked(), Lang::Nl);
    assert!(host.query_selector(".lang-switch").unwrap().is_none());
    assert_eq!(text_of(&host, ".nav-buttons button.primary"), "Versturen");
}

#[wasm_bindgen_test]
async fn a_survey_in_both_languages_keeps_the_switch_and_the_persons_language() {
    let (host, _h, lang) =
        mount_with_switch("two-languages-token", vec![Lang::Nl, Lang::En], Lang::En);
    settle().await;
    assert_eq!(lang.get_untracked(), Lang::En);
    assert_eq!(text_of(&host, ".lang-switch"), "Nederlands");
}

#[wasm_bindgen_test]
fn a_response_waits_for_a_reason_the_respondent_is_told() {
    use wavegate_app::outbox::Wait;
    let status = |s: u16| ApiError::answered(s, None);
    assert_eq!(Wait::of(&ApiError::Network), Some(Wait::Offline));
    assert_eq!(Wait::of(&status(429)), Some(Wait::Busy), "not 'offline'");
    assert_eq!(Wait::of(&status(500)), Some(Wait::ServerProblem));
    assert_eq!(Wait::of(&status(503)), Some(Wait::ServerProblem));
    assert_eq!(Wait::of(&status(408)), Some(Wait::ServerProblem));
    assert_eq!(Wait::of(&status(409)), None, "refused for good");
    assert_eq!(Wait::of(&status(422)), None);
    // The messages say so, each under the same heading.
    assert!(
        Msg::QueuedBusy
            .text(Lang::Nl)
            .starts_with("Het is nu even erg druk")
    );
    assert!(!Msg::QueuedBusy.text(Lang::Nl).contains("offline"));
    assert!(!Msg::QueuedServerProblem.text(Lang::En).contains("offline"));
}

#[wasm_bindgen_test]
fn nothing_is_resent_before_the_servers_retry_after() {
    use wavegate_app::outbox::{must_wait, wait_after};
    let now = 1_000_000_000_000.0;
    assert!(!must_wait(now));
    wait_after(now, 3);
    assert!(must_wait(now + 2_999.0));
    assert!(!must_wait(now + 3_000.0));
    // A shorter wait given later never shortens one that holds.
    wait_after(now, 1);
    assert!(must_wait(now + 2_000.0));
}

#[wasm_bindgen_test]
fn turning_a_page_does_not_make_this_devices_draft_newer_than_answers_given_elsewhere() {
    use wavegate_app::draft_sync;
    use wavegate_core::survey::draft::DraftSync;
    let token = "page-turn-is-no-edit";
    let sync_key = storage::Key::DraftSync(token.into());
    let survey = survey_with(vec![Question::new(
        "q",
        Text::new("Gelukt?", "Done?"),
        QuestionKind::YesNo,
    )]);
    let mut answered = storage::Draft::new("r-0123456789".into(), &survey);
    answered.answers.insert("q".into(), Answer::YesNo(true));
    storage::save(&storage::Key::Draft(token.into()), &answered);
    let at = "2027-01-11T09:00:00Z";
    storage::save(
        &sync_key,
        &DraftSync {
            revision: Some(1),
            changed: true,
            answered: true,
            edited_at: at.into(),
            mine: true,
        },
    );

    let mut turned = answered.clone();
    turned.page = 1;
    draft_sync::record(token, &turned);
    let sync: DraftSync = storage::load(&sync_key).unwrap();
    assert!(sync.changed, "the page still goes to the server");
    assert_eq!(sync.edited_at, at, "a page turn is no edit");

    let mut edited = turned.clone();
    edited.answers.insert("q".into(), Answer::YesNo(false));
    draft_sync::record(token, &edited);
    let sync: DraftSync = storage::load(&sync_key).unwrap();
    assert_ne!(sync.edited_at, at, "a changed answer is");
    draft_sync::forget(token);
}

/// Types `text` in a text field as a person would (the field hears an `input` event).
fn type_into(field: &web_sys::HtmlInputElement, text: &str) {
    field.set_value(text);
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn other_chosen_with_nothing_said_takes_focus_to_its_text_field() {
    let choices = vec![Choice::new("windows", "Windows", "Windows")];
    let (host, _h, _, _) = mount_question(survey_with_others("os", choices), "os", Lang::Nl, None);
    settle().await;
    input(&host, "#q-os-other").click();
    settle().await;
    wavegate_app::dom::focus_question("os");
    let active = document().active_element().unwrap();
    assert!(
        active.class_list().contains("other-text"),
        "{}",
        active.outer_html()
    );
    // Said something: the question's first control, as for any other problem.
    type_into(&input(&host, "input.other-text"), "Chromebook");
    wavegate_app::dom::focus_question("os");
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "q-os-windows");
}

#[wasm_bindgen_test]
async fn the_other_text_still_shown_is_the_answer_when_other_is_chosen_again() {
    let choices = vec![
        Choice::new("windows", "Windows", "Windows"),
        Choice::new("mac", "Mac", "Mac"),
    ];
    let survey = survey_with_others("os", choices);
    let (host, _h, answers, _) = mount_question(survey.clone(), "os", Lang::Nl, None);
    settle().await;
    type_into(&input(&host, "input.other-text"), "Chromebook");
    settle().await;
    input(&host, "#q-os-windows").click();
    settle().await;
    assert_eq!(
        answers.get_untracked().get("os"),
        Some(&Answer::Choice("windows".into()))
    );
    input(&host, "#q-os-other").click();
    settle().await;
    assert_eq!(input(&host, "input.other-text").value(), "Chromebook");
    assert_eq!(
        answers.get_untracked().get("os"),
        Some(&Answer::Other("Chromebook".into())),
        "the text the field shows"
    );

    let (host, _h, answers, _) = mount_question(survey, "many", Lang::Nl, None);
    settle().await;
    type_into(&input(&host, "input.other-text"), "Chromebook");
    input(&host, "#q-many-windows").click();
    settle().await;
    input(&host, "#q-many-other").click();
    settle().await;
    assert_eq!(
        answers.get_untracked().get("many"),
        Some(&Answer::Choices(ChoicesAnswer {
            selected: vec!["windows".into()],
            other: None,
        })),
        "unchecked"
    );
    input(&host, "#q-many-other").click();
    settle().await;
    assert_eq!(
        answers.get_untracked().get("many"),
        Some(&Answer::Choices(ChoicesAnswer {
            selected: vec!["windows".into()],
            other: Some("Chromebook".into()),
        })),
        "checked again, with the text the field shows"
    );
}

#[wasm_bindgen_test]
fn clearing_the_device_forgets_the_language_the_last_person_chose() {
    let token = "clear-forgets-language";
    storage::save(&storage::Key::Lang, &Lang::En);
    storage::forget_invitation(token);
    assert_eq!(
        storage::load::<Lang>(&storage::Key::Lang),
        None,
        "the next link opens in its own language"
    );
}

fn helpdesk() -> wavegate_core::api::ProgramSupport {
    wavegate_core::api::ProgramSupport {
        helpdesk: Some(Text::new("Bel 020-1234567", "Call 020-1234567")),
        faq_url: None,
    }
}

#[wasm_bindgen_test]
async fn the_help_heading_sits_one_level_below_the_heading_it_follows() {
    // A closed link's page: the help follows the page's h1.
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! {
            <h1>"Deze link is verlopen"</h1>
            {wavegate_ui::support::help_contacts(helpdesk())}
        }
    });
    settle().await;
    assert_eq!(text_of(&host, "h2#help-title"), "Hulp nodig?");

    // The thank-you: the help follows its h2, under the survey's h1.
    let token = "help-under-thanks";
    let mut view = invitation_to(survey_with(vec![]));
    view.anonymous = false;
    view.support = helpdesk();
    view.submitted = Some(wavegate_core::api::SubmitAck {
        response_id: "r-0123456789".into(),
        submitted_at: "2027-01-12T08:00:00Z".into(),
        duplicate: true,
    });
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false /> }
    });
    settle().await;
    assert!(host.query_selector(".thanks h2").unwrap().is_some());
    assert_eq!(text_of(&host, ".thanks h3#help-title"), "Hulp nodig?");
}

#[wasm_bindgen_test]
async fn answering_an_anonymous_link_again_takes_focus_to_the_survey() {
    let token = "anonymous-again-focus";
    storage::mark_answered_here(token, "2027-01-12T08:00:00Z");
    let survey = survey_with(vec![Question::new(
        "q",
        Text::new("Gelukt?", "Done?"),
        QuestionKind::YesNo,
    )]);
    let view = invitation_to(survey);
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! {
            <main id="main" tabindex="-1">
                <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false />
            </main>
        }
    });
    settle().await;
    let again: web_sys::HtmlElement = host
        .query_selector(".thanks button")
        .unwrap()
        .expect("answer again")
        .unchecked_into();
    assert_eq!(
        again.text_content().unwrap(),
        "Iemand anders laten invullen"
    );
    again.focus().unwrap();
    again.click();
    settle().await;
    assert!(host.query_selector("fieldset.question").unwrap().is_some());
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("main"),
        "the survey, not the page's body"
    );
    storage::forget_invitation(token);
}

/// While it lives, every request the page makes answers `status` with the JSON `body`, as a
/// server would (the app's client calls the window's `fetch`).
struct EveryFetchAnswers;

impl EveryFetchAnswers {
    fn with(status: u16, body: &str) -> EveryFetchAnswers {
        js_sys::eval(&format!(
            "window.__realFetch = window.__realFetch || window.fetch; \
             window.fetch = () => Promise.resolve(new Response({body:?}, \
             {{ status: {status}, headers: {{ 'content-type': 'application/json' }} }}));"
        ))
        .unwrap();
        EveryFetchAnswers
    }
}

impl Drop for EveryFetchAnswers {
    fn drop(&mut self) {
        js_sys::eval("window.fetch = window.__realFetch || window.fetch;").unwrap();
    }
}

/// Lets the page catch up until `selector` shows under `host` (a request answered, say).
async fn until_shown(host: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..100 {
        if host.query_selector(selector).unwrap().is_some() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("{selector} never showed");
}

#[wasm_bindgen_test]
async fn answers_sent_after_another_device_answered_the_link_are_told_calmly_they_were_not_saved() {
    let token = "answered-on-another-device";
    let _server = EveryFetchAnswers::with(
        409,
        r#"{"error":{"code":"already_submitted","message":"this invitation has already been answered"}}"#,
    );
    let survey = survey_with(vec![Question::new(
        "q",
        Text::new("Gelukt?", "Done?"),
        QuestionKind::YesNo,
    )]);
    let mut view = invitation_to(survey);
    view.anonymous = false;
    storage::remove(&storage::Key::Draft(token.into()));
    let lang = RwSignal::new(Lang::Nl);
    let (host, _h) = mount(move || {
        provide_context(lang);
        view! {
            <main id="main" tabindex="-1">
                <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false />
            </main>
        }
    });
    settle().await;
    click_next(&host);
    until_shown(&host, ".answered-before").await;
    assert_eq!(
        text_of(&host, ".answered-before h2"),
        "Deze vragenlijst was al ingevuld"
    );
    assert!(
        text_of(&host, ".answered-before")
            .contains("De antwoorden die je hier gaf, zijn niet bewaard"),
        "{}",
        text_of(&host, ".answered-before")
    );
    assert!(
        host.query_selector(".thanks").unwrap().is_none(),
        "no thanks for answers not kept"
    );
    settle().await;
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("answered-before-title"),
        "the message is read first"
    );
    assert!(storage::load::<storage::Draft>(&storage::Key::Draft(token.into())).is_none());
    assert!(wavegate_app::outbox::pending_for(token).is_none());
    lang.set(Lang::En);
    settle().await;
    assert_eq!(
        text_of(&host, ".answered-before h2"),
        "This survey has already been answered"
    );
    assert!(text_of(&host, ".answered-before").contains("the first ones count"));
}

/// Lets the page catch up until `done` holds (a request answered, a history entry reached), or
/// gives up after about five seconds: what follows says what was expected.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

/// While it lives, the page's requests reach a draft store in the page itself that keeps one
/// draft of a link as the server does: revisions counted from 1, a save refused (`412
/// draft_changed`) unless its `If-Match` or `If-None-Match: *` holds. A save is stored at once
/// and answered after `answer_ms`, like a request still on its way back.
struct DraftServer;

impl DraftServer {
    fn holding(draft: Option<(&storage::Draft, u64)>, answer_ms: u32) -> DraftServer {
        let stored = draft.map_or("null".to_string(), |(d, _)| {
            serde_json::to_string(d).unwrap()
        });
        let revision = draft.map_or(0, |(_, r)| r);
        js_sys::eval(&format!(
            r#"window.__realFetch = window.__realFetch || window.fetch;
            window.__drafts = {{ draft: {stored}, rev: {revision}, edited_at: "" }};
            window.fetch = async (input, init) => {{
              const req = new Request(input, init);
              const s = window.__drafts;
              const json = (status, body) => new Response(JSON.stringify(body),
                {{ status, headers: {{ "content-type": "application/json" }} }});
              if (req.method === "GET") {{
                return s.draft
                  ? json(200, {{ draft: s.draft, revision: s.rev, saved_at: "2027-01-11T09:00:00Z", edited_at: s.edited_at }})
                  : json(404, {{ error: {{ code: "not_found", message: "no draft" }} }});
              }}
              const ifMatch = req.headers.get("If-Match");
              const holds = ifMatch !== null
                ? s.draft !== null && ifMatch === `"${{s.rev}}"`
                : req.headers.get("If-None-Match") !== "*" || s.draft === null;
              const body = JSON.parse(await req.text());
              if (!holds) return json(412, {{ error: {{ code: "draft_changed", message: "changed" }} }});
              s.edited_at = body.edited_at || "";
              delete body.edited_at;
              s.draft = body;
              const rev = ++s.rev;
              await new Promise((r) => setTimeout(r, {answer_ms}));
              return json(200, {{ revision: rev, saved_at: "2027-01-11T09:00:00Z" }});
            }};"#
        ))
        .unwrap();
        DraftServer
    }

    fn revision() -> u64 {
        js_sys::eval("window.__drafts.rev")
            .unwrap()
            .as_f64()
            .unwrap() as u64
    }

    fn draft() -> storage::Draft {
        let json = js_sys::eval("JSON.stringify(window.__drafts.draft)").unwrap();
        serde_json::from_str(&json.as_string().unwrap()).unwrap()
    }
}

impl Drop for DraftServer {
    fn drop(&mut self) {
        js_sys::eval("window.fetch = window.__realFetch || window.fetch;").unwrap();
    }
}

fn yes_no_survey() -> Survey {
    survey_with(vec![Question::new(
        "q",
        Text::new("Gelukt?", "Done?"),
        QuestionKind::YesNo,
    )])
}

/// A draft of [`yes_no_survey`], answered `answer` (`None`: not yet) on page `page`.
/// A device holding `draft` for `token`, answered and changed since it last heard of revision 1
/// of the server's copy.
fn device_changed_since_revision_1(token: &str, draft: &storage::Draft) {
    use wavegate_core::survey::draft::DraftSync;
    storage::save(&storage::Key::Draft(token.into()), draft);
    storage::save(
        &storage::Key::DraftSync(token.into()),
        &DraftSync {
            revision: Some(1),
            changed: true,
            answered: true,
            edited_at: "2020-01-01T00:00:00Z".into(),
            mine: true,
        },
    );
}

fn draft_of(answer: Option<bool>, page: usize) -> storage::Draft {
    let mut d = storage::Draft::new("r-0123456789".into(), &yes_no_survey());
    if let Some(a) = answer {
        d.answers.insert("q".into(), Answer::YesNo(a));
    }
    d.page = page;
    d
}

fn sync_of(token: &str) -> wavegate_core::survey::draft::DraftSync {
    storage::load(&storage::Key::DraftSync(token.into())).unwrap_or_default()
}

/// What the page would tell the person after a save met another device's, as it heard it.
fn told_into(heard: RwSignal<Vec<String>>) -> Callback<wavegate_app::draft_sync::Told> {
    Callback::new(move |t| heard.update(|h| h.push(format!("{t:?}"))))
}

fn leave_page() {
    let window = web_sys::window().unwrap();
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_link_opened_again_on_a_device_without_answers_continues_where_the_person_left_off() {
    use wavegate_app::draft_sync::{self, Origin};
    use wavegate_core::survey::draft::DraftSync;
    let token = "resume-after-not-you";
    let mut view = invitation_to(yes_no_survey());
    view.anonymous = false;
    // "Not you?" left nothing on this device; the server keeps the person's answers.
    storage::forget_invitation(token);
    draft_sync::forget(token);
    let server = DraftServer::holding(Some((&draft_of(Some(true), 0), 1)), 0);
    let origin = draft_sync::reconcile(token, &view).await;
    assert_eq!(
        origin,
        Some(Origin::Saved("2027-01-11T09:00:00Z".into())),
        "nothing says the answers came from another device"
    );
    drop(server);

    // A device with older answers of its own does know: a newer copy came from elsewhere.
    storage::save(
        &storage::Key::Draft(token.into()),
        &draft_of(Some(false), 0),
    );
    storage::save(
        &storage::Key::DraftSync(token.into()),
        &DraftSync {
            revision: Some(1),
            changed: false,
            answered: false,
            edited_at: "2027-01-11T08:00:00Z".into(),
            mine: true,
        },
    );
    let _server = DraftServer::holding(Some((&draft_of(Some(true), 0), 2)), 0);
    let origin = draft_sync::reconcile(token, &view).await;
    assert_eq!(
        origin,
        Some(Origin::OtherDevice("2027-01-11T09:00:00Z".into()))
    );
    draft_sync::forget(token);
    storage::forget_invitation(token);

    // The words the person reads.
    let saved_at = "2027-01-11T09:00:00Z".to_string();
    let view = invitation_to(yes_no_survey());
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false origin=Some(Origin::Saved(saved_at)) /> }
    });
    settle().await;
    let banner = text_of(&host, ".banner-info");
    assert!(
        banner.starts_with("Je gaat verder waar je was gebleven (bewaard op "),
        "{banner}"
    );
    assert!(!banner.contains("ander apparaat"), "{banner}");
    storage::forget_invitation(token);
}

#[wasm_bindgen_test]
async fn a_save_made_while_leaving_the_page_is_this_devices_own_not_news_from_another_device() {
    use wavegate_app::draft_sync;
    let token = "own-save-on-leaving";
    let _server = DraftServer::holding(Some((&draft_of(None, 0), 1)), 0);
    device_changed_since_revision_1(token, &draft_of(Some(true), 0));
    let heard = RwSignal::new(Vec::<String>::new());
    let (_host, _h) = mount(move || draft_sync::save_when_leaving(token.to_string()));
    // The phone switches apps: the draft goes out; its answer is never heard.
    leave_page();
    until(|| DraftServer::revision() == 2).await;
    assert_eq!(DraftServer::revision(), 2);

    // Back in the survey, the person changes the answer and turns the page; the save goes over
    // the revision this device last heard of, which its own save on leaving has moved on.
    let changed = draft_of(Some(false), 1);
    draft_sync::record(token, &changed);
    draft_sync::save_now(token.into(), told_into(heard)).await;
    // The refused save takes its own revision and goes again over it, shortly after.
    until(|| DraftServer::revision() == 3 && !sync_of(token).changed).await;
    assert_eq!(
        heard.get_untracked(),
        Vec::<String>::new(),
        "nothing to tell: no other device saved"
    );
    assert_eq!(DraftServer::revision(), 3);
    assert_eq!(DraftServer::draft(), changed);
    let sync = sync_of(token);
    assert_eq!((sync.revision, sync.changed), (Some(3), false));
    draft_sync::forget(token);
}

#[wasm_bindgen_test]
async fn a_save_under_way_and_the_save_on_leaving_do_not_refuse_each_other() {
    use wavegate_app::draft_sync;
    let token = "saves-in-a-row";
    // Every save is stored at once and answered a little later.
    let _server = DraftServer::holding(Some((&draft_of(None, 0), 1)), 150);
    device_changed_since_revision_1(token, &draft_of(Some(true), 1));
    let heard = RwSignal::new(Vec::<String>::new());
    let (_host, _h) = mount(move || draft_sync::save_when_leaving(token.to_string()));
    leptos::task::spawn_local(draft_sync::save_now(token.into(), told_into(heard)));
    until(|| DraftServer::revision() == 2).await;
    // While its answer is on the way, the person changes the answer and leaves the page.
    let latest = draft_of(Some(false), 1);
    draft_sync::record(token, &latest);
    leave_page();
    until(|| DraftServer::revision() == 3 && !sync_of(token).changed).await;
    assert_eq!(
        DraftServer::draft(),
        latest,
        "the last answers are on the server"
    );
    let sync = sync_of(token);
    assert_eq!((sync.revision, sync.changed), (Some(3), false));
    assert_eq!(heard.get_untracked(), Vec::<String>::new());
    draft_sync::forget(token);
}

/// A survey of three pages: a required multiple choice, then two questions of their own.
fn three_pages() -> Survey {
    let yes_no = |id: &str| Question::new(id, Text::new("Gelukt?", "Done?"), QuestionKind::YesNo);
    Survey::new("t", Text::new("Test", "Test"))
        .with_page(SurveyPage::new(
            "p1",
            vec![
                Question::new(
                    "apps",
                    Text::new("Welke apps?", "Which apps?"),
                    QuestionKind::MultipleChoice {
                        choices: vec![
                            Choice::new("mail", "Mail", "Mail"),
                            Choice::new("teams", "Teams", "Teams"),
                        ],
                        min: Some(1),
                        max: None,
                        other: false,
                    },
                )
                .required(),
            ],
        ))
        .with_page(
            SurveyPage::new("p2", vec![yes_no("two")])
                .titled(Text::new("Je apparaat", "Your device")),
        )
        .with_page(SurveyPage::new("p3", vec![yes_no("three")]))
}

fn shows(host: &web_sys::HtmlElement, question: &str) -> bool {
    host.query_selector(&format!("#q-{question}"))
        .unwrap()
        .is_some()
}

#[wasm_bindgen_test]
async fn back_and_forward_go_between_the_survey_pages_and_forward_only_as_far_as_next_would() {
    let (host, _h) = mount_survey("history-token", three_pages());
    let history = web_sys::window().unwrap().history().unwrap();
    settle().await;
    input(&host, "#q-apps-mail").click();
    settle().await;
    click_next(&host);
    settle().await;
    click_next(&host);
    settle().await;
    assert!(shows(&host, "three"));
    // "Previous" goes back in the tab's history too: Back then goes on to the page before.
    host.query_selector(".nav-buttons button.secondary")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert!(shows(&host, "two"));
    until(|| wavegate_app::history::page() == Some(1)).await;
    history.back().unwrap();
    until(|| shows(&host, "apps")).await;
    assert!(shows(&host, "apps"), "Back: the page before");
    history.forward().unwrap();
    until(|| shows(&host, "two")).await;
    assert!(shows(&host, "two"), "Forward: the page after");

    // With the first page's answer taken away, Forward stops there and says why.
    history.back().unwrap();
    until(|| shows(&host, "apps")).await;
    input(&host, "#q-apps-mail").click();
    settle().await;
    history.forward().unwrap();
    until(|| has_class(&host, "#q-apps", "has-error")).await;
    assert!(shows(&host, "apps") && !shows(&host, "two"));
    assert!(has_class(&host, "#q-apps", "has-error"));
    assert!(!is_hidden(&host, ".form-error"));
    assert_eq!(
        wavegate_app::history::page(),
        Some(0),
        "the entry says the page shown"
    );
}

#[wasm_bindgen_test]
async fn a_new_page_of_the_survey_takes_focus_at_its_heading_not_at_the_top_of_main() {
    let survey = three_pages();
    storage::remove(&storage::Key::Draft("focus-heading-token".into()));
    let view = invitation_to(survey);
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! {
            <main id="main" tabindex="-1">
                <wavegate_app::pages::respond::Survey token="focus-heading-token".to_string() view=view offline=false />
            </main>
        }
    });
    settle().await;
    input(&host, "#q-apps-mail").click();
    settle().await;
    click_next(&host);
    let focused = || document().active_element();
    let on = |tag: &str| focused().is_some_and(|e| e.id() == "page-heading" && e.tag_name() == tag);
    until(|| on("H2")).await;
    assert!(
        on("H2"),
        "the page's title: {:?}",
        focused().map(|e| e.id())
    );
    assert_eq!(text_of(&host, "#page-heading"), "Je apparaat");
    click_next(&host);
    until(|| on("P")).await;
    assert!(on("P"), "a page without a title: where the person is");
    assert_eq!(text_of(&host, "#page-heading"), "Pagina 3 van 3");
}

#[wasm_bindgen_test]
async fn not_you_asks_to_remove_the_survey_from_this_device_in_plain_dutch() {
    let token = "not-you-words";
    storage::forget_invitation(token);
    let mut view = invitation_to(yes_no_survey());
    view.anonymous = false;
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false /> }
    });
    settle().await;
    let ask: web_sys::HtmlElement = host
        .query_selector(".not-you button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        ask.text_content().unwrap(),
        "Niet jij? Verwijder deze vragenlijst van dit apparaat"
    );
    ask.click();
    settle().await;
    assert!(
        text_of(&host, "#clear-question")
            .starts_with("Alles van deze vragenlijst wordt van dit apparaat verwijderd."),
        "{}",
        text_of(&host, "#clear-question")
    );
    assert_eq!(
        text_of(&host, ".confirm-clear button:first-child"),
        "Ja, verwijderen"
    );
    assert_eq!(
        Msg::DeviceCleared.text(Lang::Nl),
        "De vragenlijst is van dit apparaat verwijderd"
    );
    wavegate_app::draft_sync::forget(token);
    storage::forget_invitation(token);
}

#[wasm_bindgen_test]
async fn only_an_anonymous_link_offers_to_answer_once_more_after_sending_and_then_for_someone_else()
{
    for anonymous in [false, true] {
        let token = if anonymous {
            "sent-anonymous"
        } else {
            "sent-personal"
        };
        storage::forget_invitation(token);
        storage::forget_answered_here(token);
        let _server = EveryFetchAnswers::with(
            201,
            r#"{"response_id":"r-0123456789","submitted_at":"2027-01-12T08:00:00Z","duplicate":false}"#,
        );
        let mut view = invitation_to(yes_no_survey());
        view.anonymous = anonymous;
        let (host, _h) = mount(move || {
            provide_context(RwSignal::new(Lang::Nl));
            view! { <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false /> }
        });
        settle().await;
        click_next(&host);
        until_shown(&host, ".thanks").await;
        assert_eq!(text_of(&host, ".thanks h2"), "Bedankt voor je antwoorden!");
        let offered = host.query_selector(".thanks button").unwrap();
        if anonymous {
            // The next person on a shared device, not the same person a second time.
            assert_eq!(
                offered.and_then(|b| b.text_content()).as_deref(),
                Some("Iemand anders laten invullen")
            );
        } else {
            assert!(
                offered.is_none(),
                "a personal link takes one response: nothing invites a second"
            );
        }
        storage::forget_answered_here(token);
        storage::forget_invitation(token);
    }
}

/// What the help section shows, in order: its heading, then each line's text.
fn help_in_order(host: &web_sys::HtmlElement) -> Vec<String> {
    let help = host
        .query_selector(".help")
        .unwrap()
        .expect("a help section");
    (0..help.child_element_count())
        .filter_map(|i| help.children().item(i))
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_faq_comes_before_the_helpdesk_after_sending_and_on_a_closed_link() {
    // Self-service first, then the helpdesk: on the thank-you page...
    let support = wavegate_core::api::ProgramSupport {
        faq_url: Some("https://intranet.example.org/faq".into()),
        ..helpdesk()
    };
    let token = "help-faq-first";
    let mut view = invitation_to(survey_with(vec![]));
    view.anonymous = false;
    view.support = support;
    view.submitted = Some(wavegate_core::api::SubmitAck {
        response_id: "r-0123456789".into(),
        submitted_at: "2027-01-12T08:00:00Z".into(),
        duplicate: true,
    });
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false /> }
    });
    settle().await;
    let shown = ["Hulp nodig?", "Veelgestelde vragen", "Bel 020-1234567"];
    assert_eq!(help_in_order(&host), shown);

    // ...and on the page of a link that no longer opens.
    let _server = EveryFetchAnswers::with(
        410,
        r#"{"error":{"code":"link_revoked","message":"this link was revoked","details":{"helpdesk":{"nl":"Bel 020-1234567","en":"Call 020-1234567"},"faq_url":"https://intranet.example.org/faq"}}}"#,
    );
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <wavegate_app::pages::respond::RespondPage token="help-faq-first-closed".to_string() /> }
    });
    until_shown(&host, "h1").await;
    settle().await;
    assert_eq!(help_in_order(&host), shown);
    let faq = host.query_selector(".help a.faq-link").unwrap().unwrap();
    assert_eq!(
        faq.get_attribute("href").as_deref(),
        Some("https://intranet.example.org/faq")
    );
}

#[wasm_bindgen_test]
async fn an_expired_link_names_its_survey_in_the_heading_and_the_tab() {
    let token = "expired-names-survey";
    let _server = EveryFetchAnswers::with(
        410,
        r#"{"error":{"code":"link_expired","message":"this link has expired","details":{"survey_title":{"nl":"Pilot-evaluatie","en":"Pilot evaluation"},"helpdesk":{"nl":"Bel 020-1234567","en":"Call 020-1234567"}}}}"#,
    );
    let lang = RwSignal::new(Lang::Nl);
    let (host, _h) = mount(move || {
        provide_context(lang);
        view! { <wavegate_app::pages::respond::RespondPage token=token.to_string() /> }
    });
    until_shown(&host, "h1").await;
    settle().await;
    assert_eq!(
        text_of(&host, "[role=alert] h1"),
        "Je link voor ‘Pilot-evaluatie’ is verlopen"
    );
    assert!(text_of(&host, ".helpdesk").contains("020-1234567"));
    assert!(
        document()
            .title()
            .starts_with("Je link voor ‘Pilot-evaluatie’ is verlopen"),
        "{}",
        document().title()
    );
    lang.set(Lang::En);
    settle().await;
    assert_eq!(
        text_of(&host, "h1"),
        "Your link for ‘Pilot evaluation’ has expired"
    );
}

#[wasm_bindgen_test]
async fn a_revoked_link_names_no_survey() {
    let token = "revoked-names-nothing";
    // Even were a title sent: a revoked link may be in hands it was not meant for.
    let _server = EveryFetchAnswers::with(
        410,
        r#"{"error":{"code":"link_revoked","message":"this link was revoked","details":{"survey_title":{"nl":"Pilot-evaluatie","en":"Pilot evaluation"}}}}"#,
    );
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <wavegate_app::pages::respond::RespondPage token=token.to_string() /> }
    });
    until_shown(&host, "h1").await;
    assert_eq!(text_of(&host, "h1"), "Deze link werkt niet meer");
    assert!(!text_of(&host, "[role=alert]").contains("Pilot"));
}

#[wasm_bindgen_test]
async fn an_unknown_link_and_the_start_page_say_what_to_do_next() {
    let _server = EveryFetchAnswers::with(
        404,
        r#"{"error":{"code":"not_found","message":"invitation not found"}}"#,
    );
    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::Nl));
        view! { <wavegate_app::pages::respond::RespondPage token="no-such-link".to_string() /> }
    });
    until_shown(&host, "h1").await;
    assert_eq!(text_of(&host, "h1"), "Deze link werkt niet");
    let said = text_of(&host, "[role=alert]");
    assert!(
        said.contains("Open de link uit je uitnodiging opnieuw")
            && said.contains("vraag de helpdesk van je organisatie om een nieuwe"),
        "{said}"
    );

    let (host, _h) = mount(move || {
        provide_context(RwSignal::new(Lang::En));
        wavegate_app::pages::home::HomePage()
    });
    settle().await;
    let said = text_of(&host, ".hero");
    assert!(
        said.contains("Open the link in your e-mail or message.")
            && said.contains("Ask your organisation's helpdesk for a new one."),
        "{said}"
    );
}

#[wasm_bindgen_test]
async fn the_required_asterisk_never_wraps_onto_a_line_of_its_own() {
    let survey = survey_with(vec![
        Question::new(
            "long",
            Text::new(
                "Hoe tevreden ben je over de manier waarop de helpdesk je hielp bij het inschrijven van je apparaat",
                "How satisfied are you with the way the helpdesk helped you enroll your device",
            ),
            QuestionKind::YesNo,
        )
        .required(),
    ]);
    let (_host, _h, _, _) = mount_question(survey, "long", Lang::Nl, None);
    settle().await;
    // At every width from a narrow phone's card up, the asterisk sits on the line of the
    // question's last word: the widths where it stands alone are listed.
    let alone = js_sys::eval(
        r#"(() => {
            const fieldset = document.getElementById("q-long");
            const legend = document.getElementById("q-long-title");
            const star = legend.querySelector(".required");
            const text = [...legend.childNodes].find((n) => n.nodeType === 3 && n.textContent.trim());
            const last = document.createRange();
            last.setStart(text, text.textContent.length - 1);
            last.setEnd(text, text.textContent.length);
            const alone = [];
            for (let w = 160; w <= 420; w++) {
                fieldset.style.width = w + "px";
                if (star.getBoundingClientRect().top > last.getBoundingClientRect().top + 2) alone.push(w);
            }
            return alone.join(",");
        })()"#,
    )
    .unwrap()
    .as_string()
    .unwrap();
    assert_eq!(alone, "", "widths (px) where the asterisk wrapped alone");
}

#[wasm_bindgen_test]
async fn not_you_says_what_happens_to_answers_on_the_server_as_clearing_does() {
    use wavegate_core::survey::draft::DraftSync;
    let token = "not-you-server-words";
    let ask = |sync: Option<DraftSync>| async move {
        wavegate_app::draft_sync::forget(token);
        storage::forget_invitation(token);
        if let Some(sync) = sync {
            storage::save(&storage::Key::Draft(token.into()), &draft_of(Some(true), 0));
            storage::save(&storage::Key::DraftSync(token.into()), &sync);
        }
        let mut view = invitation_to(yes_no_survey());
        view.anonymous = false;
        let (host, h) = mount(move || {
            provide_context(RwSignal::new(Lang::Nl));
            view! { <wavegate_app::pages::respond::Survey token=token.to_string() view=view offline=false /> }
        });
        settle().await;
        host.query_selector(".not-you button")
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
        settle().await;
        let said = text_of(&host, "#clear-question");
        drop(h);
        wavegate_app::draft_sync::forget(token);
        storage::forget_invitation(token);
        said
    };
    // Nothing of this device on the server: what is there (saved from another device) stays,
    // and opening the link again continues with it.
    assert_eq!(
        ask(None).await,
        "Alles van deze vragenlijst wordt van dit apparaat verwijderd. Antwoorden die al op de server bewaard zijn, blijven daar en staan weer klaar als je de link opnieuw opent."
    );
    // Answers typed since the other device's copy was taken: those are lost, that copy stays.
    let other_devices = DraftSync {
        revision: Some(1),
        changed: true,
        answered: true,
        edited_at: "2027-01-11T08:00:00Z".into(),
        mine: false,
    };
    assert_eq!(
        ask(Some(other_devices.clone())).await,
        "Op dit apparaat staan antwoorden die nog niet op de server bewaard zijn. Verwijder je de vragenlijst van dit apparaat, dan ben je die kwijt. Antwoorden die al op de server bewaard zijn, blijven daar en staan weer klaar als je de link opnieuw opent."
    );
    // This device saved the server's copy: clearing takes that back too (`take_back`).
    let mine = DraftSync {
        mine: true,
        ..other_devices
    };
    assert_eq!(
        ask(Some(mine)).await,
        "Op dit apparaat staan antwoorden die nog niet op de server bewaard zijn. Verwijder je de vragenlijst van dit apparaat, dan ben je die kwijt. Wat hier eerder is beantwoord, wordt ook van de server verwijderd."
    );
}
