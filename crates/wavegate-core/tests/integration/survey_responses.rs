//! Responses: what a respondent sees (show-if, piping) and which submissions are accepted;
//! versions: published versions are frozen and stable ids keep their meaning.

#![allow(clippy::unwrap_used)]

use wavegate_core::i18n::{Lang, Text};
use wavegate_core::survey::*;

fn attrs(pairs: &[(&str, &str)]) -> Attributes {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn pilot() -> Survey {
    templates::builtin("pilot-feedback").unwrap()
}

fn sus_all(v: i32) -> Answer {
    Answer::Matrix((1..=10).map(|i| (format!("sus_{i}"), v)).collect())
}

/// A complete, valid pilot-feedback response from a Windows user whose link says so.
fn windows_response() -> Response {
    Response::new("r1", &pilot(), Lang::Nl)
        .with("enroll_experience", Answer::Scale(5))
        .with("adkar_awareness", Answer::Scale(4))
        .with("adkar_desire", Answer::Scale(4))
        .with("adkar_knowledge", Answer::Scale(5))
        .with("adkar_ability", Answer::Scale(4))
        .with("adkar_reinforcement", Answer::Scale(5))
        .with("sus", sus_all(3))
        .with("nps", Answer::Scale(9))
}

fn codes(result: Result<(), Vec<ResponseError>>) -> Vec<(Option<String>, &'static str)> {
    result
        .unwrap_err()
        .iter()
        .map(|e| (e.question.clone(), e.code()))
        .collect()
}

fn windows() -> Attributes {
    attrs(&[("platform", "Windows")])
}

#[test]
fn a_complete_response_is_accepted() {
    assert_eq!(
        validate_response(&pilot(), &windows_response(), &windows()),
        Ok(())
    );
}

#[test]
fn every_required_visible_question_must_be_answered() {
    let mut r = windows_response();
    r.answers.remove("adkar_desire");
    r.answers.remove("nps");
    assert_eq!(
        codes(validate_response(&pilot(), &r, &windows())),
        vec![
            (Some("adkar_desire".into()), "required"),
            (Some("nps".into()), "required")
        ]
    );
}

#[test]
fn the_platform_question_appears_only_when_the_invitation_does_not_say() {
    let survey = pilot();
    let r = windows_response();
    let shown = |a: &Attributes| {
        visible_questions(&survey, &r.answers, a)
            .iter()
            .any(|q| q.id == "platform")
    };
    assert!(!shown(&windows()));
    assert!(shown(&Attributes::new()));
    // Anonymous link without platform: the required platform question must now be answered.
    assert_eq!(
        codes(validate_response(&survey, &r, &Attributes::new())),
        vec![(Some("platform".into()), "required")]
    );
}

#[test]
fn only_ios_users_see_the_ios_question() {
    let survey = pilot();
    let ios_question = |answers: &Answers, a: &Attributes| {
        visibility(&survey, answers, a).shows("ios_profile_clear")
    };
    let none = Answers::new();
    assert!(ios_question(&none, &attrs(&[("platform", "iOS")])));
    assert!(
        ios_question(&none, &attrs(&[("Platform", "ios")])),
        "attribute names and values ignore case"
    );
    assert!(!ios_question(&none, &windows()));
    let chose_ios: Answers = [("platform".to_string(), Answer::Choice("ios".into()))].into();
    assert!(ios_question(&chose_ios, &Attributes::new()));
}

#[test]
fn an_answer_to_a_hidden_question_is_rejected() {
    let r = windows_response().with("ios_profile_clear", Answer::Scale(4));
    assert_eq!(
        codes(validate_response(&pilot(), &r, &windows())),
        vec![(Some("ios_profile_clear".into()), "hidden")]
    );
}

#[test]
fn dropping_answers_to_questions_that_became_hidden_makes_the_response_valid() {
    // An iOS user first picked a platform by hand, then the invitation's attribute hides that
    // question: the app keeps only what is shown, and the server accepts the result.
    let survey = pilot();
    let mut r = windows_response();
    r.answers
        .insert("platform".into(), Answer::Choice("windows".into()));
    assert!(validate_response(&survey, &r, &windows()).is_err());
    let shown = visibility(&survey, &r.answers, &windows());
    r.answers = shown.keep_shown(&r.answers);
    assert!(!r.answers.contains_key("platform"));
    assert_eq!(validate_response(&survey, &r, &windows()), Ok(()));
    let pages: Vec<&str> = shown
        .pages_shown(&survey)
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        pages,
        visible_pages(&survey, &r.answers, &windows())
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
    );
}

#[test]
fn follow_up_questions_open_on_the_answer_they_follow() {
    let survey = pilot();
    let mut r = windows_response().with("enroll_experience", Answer::Scale(2));
    assert!(visibility(&survey, &r.answers, &windows()).shows("enroll_problems"));
    r = r.with(
        "enroll_problems",
        Answer::Choices(ChoicesAnswer {
            selected: vec!["sign_in".into()],
            other: Some("Mijn wachtwoord verliep halverwege".into()),
        }),
    );
    assert_eq!(validate_response(&survey, &r, &windows()), Ok(()));
    // Raising the score hides the follow-up again, and its answer becomes invalid.
    r = r.with("enroll_experience", Answer::Scale(4));
    assert_eq!(
        codes(validate_response(&survey, &r, &windows())),
        vec![(Some("enroll_problems".into()), "hidden")]
    );
}

#[test]
fn answers_of_hidden_questions_do_not_steer_later_questions() {
    let survey = Survey::new("chain", Text::new("K", "C")).with_page(Page::new(
        "p",
        vec![
            Question::new("a", Text::new("A", "A"), QuestionKind::YesNo),
            Question::new("b", Text::new("B", "B"), QuestionKind::YesNo)
                .shown_if(Condition::answer_equals("a", Scalar::Bool(true))),
            Question::new("c", Text::new("C", "C"), QuestionKind::YesNo)
                .shown_if(Condition::answer_equals("b", Scalar::Bool(true))),
        ],
    ));
    let answers: Answers = [
        ("a".to_string(), Answer::YesNo(false)),
        ("b".to_string(), Answer::YesNo(true)),
    ]
    .into();
    let v = visibility(&survey, &answers, &Attributes::new());
    assert_eq!(v.questions, vec!["a".to_string()]);
}

#[test]
fn wrong_kinds_ranges_and_choices_are_reported_per_question() {
    let r = windows_response()
        .with("enroll_experience", Answer::Scale(6))
        .with("adkar_desire", Answer::Text("ja".into()))
        .with("nps", Answer::Scale(-1))
        .with(
            "sus",
            Answer::Matrix([("sus_1".to_string(), 0), ("sus_11".to_string(), 3)].into()),
        )
        .with("shoe_size", Answer::Scale(44));
    let errors = validate_response(&pilot(), &r, &windows()).unwrap_err();
    let by_code: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.question.as_deref().unwrap_or(""), e.code()))
        .collect();
    assert_eq!(
        by_code,
        vec![
            ("enroll_experience", "out_of_range"),
            ("adkar_desire", "wrong_type"),
            ("sus", "out_of_range"),
            ("sus", "unknown_item"),
            ("sus", "missing_item"),
            ("sus", "missing_item"),
            ("sus", "missing_item"),
            ("sus", "missing_item"),
            ("sus", "missing_item"),
            ("sus", "missing_item"),
            ("sus", "missing_item"),
            ("sus", "missing_item"),
            ("sus", "missing_item"),
            ("nps", "out_of_range"),
            ("shoe_size", "unknown_question"),
        ]
    );
    assert_eq!(
        errors[0].message(Lang::Nl),
        "Kies een waarde van 1 tot en met 5 (6 kan niet)."
    );
    assert_eq!(
        errors[0].message(Lang::En),
        "Choose a value from 1 to 5 (6 isn't possible)."
    );
}

fn choice_survey() -> Survey {
    let choices = vec![
        Choice::new("mail", "Mail", "Mail"),
        Choice::new("apps", "Apps", "Apps"),
        Choice::new("vpn", "VPN", "VPN"),
    ];
    Survey::new("choices", Text::new("K", "C")).with_page(Page::new(
        "p",
        vec![
            Question::new(
                "problems",
                Text::new("Welke?", "Which?"),
                QuestionKind::MultipleChoice {
                    choices: choices.clone(),
                    min: Some(2),
                    max: Some(3),
                    other: false,
                },
            ),
            Question::new(
                "order",
                Text::new("Volgorde", "Order"),
                QuestionKind::Ranking {
                    choices: choices.clone(),
                },
            ),
            Question::new(
                "tool",
                Text::new("Welk middel?", "Which tool?"),
                QuestionKind::SingleChoice {
                    choices,
                    other: true,
                },
            ),
            Question::new(
                "note",
                Text::new("Toelichting", "Note"),
                QuestionKind::Text {
                    multiline: false,
                    min_length: Some(3),
                    max_length: Some(10),
                },
            ),
        ],
    ))
}

fn check(answers: &[(&str, Answer)]) -> Vec<&'static str> {
    let survey = choice_survey();
    let mut r = Response::new("r", &survey, Lang::En);
    for (q, a) in answers {
        r = r.with(q, a.clone());
    }
    match validate_response(&survey, &r, &Attributes::new()) {
        Ok(()) => vec![],
        Err(e) => e.iter().map(ResponseError::code).collect(),
    }
}

fn picks(ids: &[&str], other: Option<&str>) -> Answer {
    Answer::Choices(ChoicesAnswer {
        selected: ids.iter().map(|s| s.to_string()).collect(),
        other: other.map(str::to_string),
    })
}

#[test]
fn selection_limits_duplicates_and_other_are_enforced() {
    assert_eq!(
        check(&[("problems", picks(&["mail", "vpn"], None))]),
        Vec::<&str>::new()
    );
    assert_eq!(
        check(&[("problems", picks(&["mail"], None))]),
        vec!["too_few_selections"]
    );
    assert_eq!(
        check(&[("problems", picks(&["mail", "mail"], None))]),
        vec!["duplicate_choice"]
    );
    assert_eq!(
        check(&[("problems", picks(&["mail", "fax"], None))]),
        vec!["unknown_choice"]
    );
    assert_eq!(
        check(&[("problems", picks(&["mail"], Some("Teams")))]),
        vec!["other_not_offered"]
    );
    assert_eq!(check(&[("problems", picks(&[], None))]), vec!["blank"]);
}

#[test]
fn a_ranking_holds_every_choice_exactly_once() {
    let rank = |ids: &[&str]| Answer::Ranking(ids.iter().map(|s| s.to_string()).collect());
    assert!(check(&[("order", rank(&["vpn", "mail", "apps"]))]).is_empty());
    assert_eq!(
        check(&[("order", rank(&["vpn", "mail"]))]),
        vec!["incomplete_ranking"]
    );
    assert_eq!(
        check(&[("order", rank(&["vpn", "vpn", "mail"]))]),
        vec!["duplicate_choice", "incomplete_ranking"]
    );
}

#[test]
fn text_length_limits_count_characters_not_bytes() {
    assert!(check(&[("note", Answer::Text("één".into()))]).is_empty());
    assert_eq!(
        check(&[("note", Answer::Text("ok".into()))]),
        vec!["too_short"]
    );
    assert_eq!(
        check(&[("note", Answer::Text("à".repeat(11)))]),
        vec!["too_long"]
    );
    assert_eq!(
        check(&[("note", Answer::Text("   ".into()))]),
        vec!["blank"]
    );
}

#[test]
fn a_text_of_only_invisible_characters_is_blank_and_an_empty_other_asks_for_its_text() {
    assert_eq!(
        check(&[("note", Answer::Text("\u{202E}\u{200B} \u{7}".into()))]),
        vec!["blank"]
    );
    for empty in ["  ", "\u{200B}\u{FEFF}"] {
        assert_eq!(
            check(&[("tool", Answer::Other(empty.into()))]),
            vec!["other_blank"]
        );
    }
    let e = ResponseError::at("tool", ResponseProblem::OtherBlank);
    assert!(!e.message(Lang::Nl).contains("sla de vraag over"));
    assert!(e.message(Lang::En).contains("‘Other’"));
    assert!(check(&[("tool", Answer::Other("Teams".into()))]).is_empty());
}

#[test]
fn a_response_to_another_survey_or_version_is_rejected_whole() {
    let mut r = windows_response();
    r.survey_version = 2;
    assert_eq!(
        codes(validate_response(&pilot(), &r, &windows())),
        vec![(None, "wrong_version")]
    );
    r.survey_id = "other".into();
    assert_eq!(
        codes(validate_response(&pilot(), &r, &windows())),
        vec![(None, "wrong_survey")]
    );
}

#[test]
fn the_answer_wire_format_is_explicit() {
    let r = Response::new("r9", &pilot(), Lang::En)
        .with("nps", Answer::Scale(9))
        .with("training_used", Answer::YesNo(true))
        .with("platform", Answer::Other("BlackBerry".into()))
        .with("sus", Answer::Matrix([("sus_1".to_string(), 4)].into()));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "id": "r9", "survey_id": "pilot-feedback", "survey_version": 1, "language": "en",
            "answers": {
                "nps": {"scale": 9},
                "platform": {"other": "BlackBerry"},
                "sus": {"matrix": {"sus_1": 4}},
                "training_used": {"yes_no": true}
            }
        })
    );
    assert_eq!(serde_json::from_value::<Response>(json).unwrap(), r);
}

#[test]
fn piping_shows_earlier_answers_in_the_respondents_language() {
    let survey = pilot();
    let q = survey.question("nps_reason").unwrap();
    let answers: Answers = [("nps".to_string(), Answer::Scale(8))].into();
    assert_eq!(
        piped_text(&survey, &q.text, Lang::En, &answers),
        "You gave a 8. What is the main reason for this score?"
    );
    assert_eq!(
        piped_text(&survey, &q.text, Lang::Nl, &Answers::new()),
        "Je gaf een …. Wat is de belangrijkste reden voor dit cijfer?"
    );
    let text = Text::new("Je koos {platform} en {enroll_experience}.", "");
    let answers: Answers = [
        ("platform".to_string(), Answer::Choice("ios".into())),
        ("enroll_experience".to_string(), Answer::Scale(5)),
    ]
    .into();
    assert_eq!(
        piped_text(&survey, &text, Lang::Nl, &answers),
        "Je koos iPhone of iPad en Helemaal mee eens."
    );
}

// ---------------------------------------------------------------------------------------------
// Versions.

fn published_pilot() -> SurveyVersions {
    let mut v = SurveyVersions::with_draft(pilot()).unwrap();
    v.publish().unwrap();
    v
}

#[test]
fn editing_a_published_survey_makes_the_next_version() {
    let mut history = published_pilot();
    let draft = history.edit().unwrap();
    assert_eq!(draft.version, 2);
    draft.pages[0].questions[1].text.en = "Enrolling went well.".into();
    let published = history.publish().unwrap().clone();
    assert_eq!(published.version, 2);
    assert_eq!(
        history.get(1).unwrap().pages[0].questions[1].text.en,
        "Enrolling my device went smoothly."
    );
    let d = diff(history.get(1).unwrap(), &published);
    assert_eq!(d.changed, vec!["enroll_experience".to_string()]);
    assert!(d.added.is_empty() && d.removed.is_empty() && d.incompatible.is_empty());
}

#[test]
fn a_published_version_cannot_be_saved_over() {
    let mut history = published_pilot();
    let mut again = pilot();
    again.title.en = "Changed".into();
    assert_eq!(
        history.save_draft(again),
        Err(VersionError::AlreadyPublished { version: 1 })
    );
}

#[test]
fn a_stable_id_cannot_change_its_kind_of_answer() {
    let mut history = published_pilot();
    let draft = history.edit().unwrap();
    draft.pages[5].questions[0].kind = QuestionKind::Rating {
        min: 1,
        max: 5,
        min_label: None,
        max_label: None,
    };
    draft.pages[5].questions[0].measures = None;
    let err = history.publish().unwrap_err();
    assert_eq!(
        err,
        VersionError::IncompatibleId {
            id: "nps".into(),
            version: 1
        }
    );
    assert!(
        err.message(Lang::Nl)
            .contains("geef de gewijzigde vraag een nieuw id")
    );
}

#[test]
fn an_invalid_draft_is_not_published() {
    let mut history = published_pilot();
    history.edit().unwrap().pages[0].questions[1].text.nl = String::new();
    match history.publish() {
        Err(VersionError::Invalid { errors }) => {
            assert_eq!(errors[0].path, "pages[0].questions[1].text.nl");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(history.published().len(), 1);
}

#[test]
fn a_question_may_move_into_a_matrix_and_keep_its_id() {
    let v1 = Survey::new("s", Text::new("T", "T")).with_page(Page::new(
        "p",
        vec![Question::new(
            "sus_1",
            Text::new("A", "A"),
            QuestionKind::Agreement { points: 5 },
        )],
    ));
    let mut v2 = Survey::new("s", Text::new("T", "T")).with_page(Page::new(
        "p",
        vec![Question::new(
            "grid",
            Text::new("G", "G"),
            QuestionKind::Matrix {
                points: 5,
                items: vec![MatrixItem::new("sus_1", "A", "A")],
            },
        )],
    ));
    v2.version = 2;
    assert_eq!(check_next_version(std::slice::from_ref(&v1), &v2), Ok(()));
    let restored = SurveyVersions::from_published(vec![v2.clone(), v1.clone()]).unwrap();
    assert_eq!(restored.latest().map(|s| s.version), Some(2));
    let mut gap = v2;
    gap.version = 3;
    assert_eq!(
        check_next_version(&[v1], &gap),
        Err(VersionError::NotNextVersion {
            expected: 2,
            found: 3
        })
    );
}
