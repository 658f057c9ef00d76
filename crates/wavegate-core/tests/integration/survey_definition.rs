//! Survey definitions: the JSON format, and the validator's precise errors with JSON paths.

#![allow(clippy::unwrap_used)]

use wavegate_core::definition_errors::CommonProblem;
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::survey::*;

/// A small but complete definition in the documented JSON format.
const DEVICE_SURVEY: &str = r#"{
  "format": "wavegate.survey/1",
  "id": "device-check",
  "version": 1,
  "title": {"nl": "Je apparaat", "en": "Your device"},
  "pages": [
    {
      "id": "device",
      "questions": [
        {"id": "platform", "type": "single_choice", "required": true,
         "text": {"nl": "Welk apparaat gebruik je?", "en": "Which device do you use?"},
         "choices": [
           {"id": "ios", "text": {"nl": "iPhone", "en": "iPhone"}},
           {"id": "android", "text": {"nl": "Android", "en": "Android"}}
         ],
         "other": true},
        {"id": "ios_profile", "type": "agreement", "points": 5,
         "text": {"nl": "Het profiel installeren was duidelijk.", "en": "Installing the profile was clear."},
         "show_if": {"any": [
            {"question": "platform", "equals": "ios"},
            {"attribute": "platform", "equals": "iOS"}
         ]}},
        {"id": "nps", "type": "rating", "min": 0, "max": 10, "measures": "nps",
         "text": {"nl": "Zou je het aanraden?", "en": "Would you recommend it?"}}
      ]
    }
  ]
}"#;

fn parse(json: &str) -> Result<Survey, DefinitionErrors> {
    Survey::from_json(json)
}

/// Parses, expecting errors, and returns them as `(path, code)` pairs.
fn problems(json: &str) -> Vec<(String, &'static str)> {
    match parse(json) {
        Ok(_) => panic!("expected the definition to be rejected"),
        Err(errors) => errors.iter().map(|e| (e.path.clone(), e.code())).collect(),
    }
}

fn edited(find: &str, replace: &str) -> String {
    assert!(DEVICE_SURVEY.contains(find), "fixture lacks {find:?}");
    DEVICE_SURVEY.replacen(find, replace, 1)
}

#[test]
fn a_well_formed_definition_parses_with_its_types_and_conditions() {
    let survey = parse(DEVICE_SURVEY).unwrap();
    assert_eq!(survey.id, "device-check");
    let ios = survey.question("ios_profile").unwrap();
    assert_eq!(ios.kind, QuestionKind::Agreement { points: 5 });
    assert_eq!(
        ios.show_if,
        Some(Condition::Any(vec![
            Condition::answer_equals("platform", Scalar::Str("ios".into())),
            Condition::attribute_equals("platform", "iOS"),
        ]))
    );
    assert!(survey.question("platform").unwrap().required);
    assert_eq!(
        survey.question("nps").unwrap().measures.as_deref(),
        Some("nps")
    );
}

#[test]
fn serialising_and_parsing_again_gives_the_same_definition() {
    let survey = parse(DEVICE_SURVEY).unwrap();
    let again = parse(&survey.to_json_pretty()).unwrap();
    assert_eq!(survey, again);
}

#[test]
fn a_misspelt_key_is_an_error_at_its_path_with_a_suggestion() {
    let json = edited(r#""required": true"#, r#""requird": true"#);
    let errors = parse(&json).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(errors[0].path, "pages[0].questions[0].requird");
    assert_eq!(
        errors[0].problem,
        DefinitionProblem::Common(CommonProblem::UnknownField {
            field: "requird".into(),
            suggestion: Some("required".into())
        })
    );
    assert!(
        errors[0]
            .message(Lang::En)
            .contains("did you mean `required`")
    );
    assert!(
        errors[0]
            .message(Lang::Nl)
            .contains("bedoelde je `required`")
    );
}

#[test]
fn a_key_of_another_question_type_is_unknown_here() {
    let json = edited(r#""points": 5,"#, r#""points": 5, "choices": [],"#);
    assert_eq!(
        problems(&json),
        vec![("pages[0].questions[1].choices".into(), "unknown_field")]
    );
}

#[test]
fn misspelt_keys_inside_conditions_and_texts_are_found() {
    let json = edited(
        r#""attribute": "platform", "equals""#,
        r#""attribute": "platform", "equal""#,
    )
    .replacen(r#""en": "Your device""#, r#""eng": "Your device""#, 1);
    let found = problems(&json);
    assert!(
        found.contains(&("title.eng".into(), "unknown_field")),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "pages[0].questions[1].show_if.any[1].equal".into(),
            "unknown_field"
        )),
        "{found:?}"
    );
}

#[test]
fn an_unknown_question_type_is_named() {
    let json = edited(r#""type": "rating""#, r#""type": "slider""#);
    let errors = parse(&json).unwrap_err();
    assert_eq!(errors[0].path, "pages[0].questions[2].type");
    assert!(
        errors[0]
            .message(Lang::En)
            .contains("unknown question type `slider`")
    );
}

#[test]
fn invalid_json_reports_line_and_column() {
    let errors = parse("{\n  \"format\": \"wavegate.survey/1\",\n  \"id\" \"x\"\n}").unwrap_err();
    match &errors[0].problem {
        DefinitionProblem::Common(CommonProblem::Syntax { line, column, .. }) => {
            assert_eq!((*line, *column), (3, 8))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_value_of_the_wrong_json_type_is_reported_at_its_path() {
    let json = edited(r#""required": true"#, r#""required": "yes""#).replacen(
        r#""points": 5"#,
        r#""points": "five""#,
        1,
    );
    let errors = parse(&json).unwrap_err();
    let found: Vec<(&str, String)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.message(Lang::En)))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "pages[0].questions[0].required",
                "expected true or false".to_string()
            ),
            (
                "pages[0].questions[1].points",
                "expected a whole number".to_string()
            ),
        ]
    );
    assert_eq!(errors[1].message(Lang::Nl), "verwacht een geheel getal");
}

#[test]
fn a_missing_required_key_is_named() {
    let json = edited(r#""points": 5,"#, "");
    let errors = parse(&json).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(errors[0].path, "pages[0].questions[1]");
    assert_eq!(
        errors[0].message(Lang::En),
        "the required field `points` is missing"
    );
}

#[test]
fn a_condition_on_an_unknown_question_is_rejected() {
    let json = edited(r#""question": "platform""#, r#""question": "platfrom""#);
    assert_eq!(
        problems(&json),
        vec![(
            "pages[0].questions[1].show_if.any[0].question".into(),
            "unknown_question"
        )]
    );
}

#[test]
fn a_condition_on_a_later_question_is_rejected() {
    let json = edited(r#""question": "platform""#, r#""question": "nps""#);
    let errors = parse(&json).unwrap_err();
    assert_eq!(
        errors[0].problem,
        DefinitionProblem::NotEarlier { id: "nps".into() }
    );
}

#[test]
fn a_condition_on_a_choice_the_question_lacks_is_rejected() {
    let json = edited(r#""equals": "ios""#, r#""equals": "iphone""#);
    assert_eq!(
        problems(&json),
        vec![(
            "pages[0].questions[1].show_if.any[0].equals".into(),
            "unknown_choice"
        )]
    );
}

#[test]
fn a_numeric_test_on_a_choice_question_is_rejected() {
    let json = edited(r#""equals": "ios""#, r#""at_least": 3"#);
    let errors = parse(&json).unwrap_err();
    assert_eq!(errors[0].code(), "test_not_applicable");
    assert!(
        errors[0]
            .message(Lang::En)
            .contains("`at_least` cannot be used on `platform`")
    );
}

#[test]
fn duplicate_ids_name_where_the_id_was_first_used() {
    let json = edited(r#""id": "nps""#, r#""id": "platform""#);
    let errors = parse(&json).unwrap_err();
    assert_eq!(
        errors[0],
        DefinitionError::new(
            "pages[0].questions[2].id",
            DefinitionProblem::Common(CommonProblem::DuplicateId {
                id: "platform".into(),
                first: "pages[0].questions[0].id".into()
            })
        )
    );
}

#[test]
fn empty_choices_and_missing_translations_are_rejected() {
    let json = DEVICE_SURVEY
        .replacen(
            r#"[
           {"id": "ios", "text": {"nl": "iPhone", "en": "iPhone"}},
           {"id": "android", "text": {"nl": "Android", "en": "Android"}}
         ]"#,
            "[]",
            1,
        )
        .replacen(r#""en": "Would you recommend it?""#, r#""en": "  ""#, 1);
    let found = problems(&json);
    assert!(found.contains(&("pages[0].questions[0].choices".into(), "empty_choices")));
    assert!(found.contains(&(
        "pages[0].questions[2].text.en".into(),
        "missing_translation"
    )));
}

#[test]
fn a_text_that_reads_other_than_it_shows_is_refused() {
    let json = DEVICE_SURVEY.replacen(
        r#""en": "Would you recommend it?""#,
        r#""en": "Would you \u202Erecommend it?""#,
        1,
    );
    assert!(problems(&json).contains(&(
        "pages[0].questions[2].text.en".into(),
        "invisible_character"
    )));
}

#[test]
fn scoring_tags_must_fit_their_question() {
    let json = edited(r#""max": 10"#, r#""max": 5"#);
    let errors = parse(&json).unwrap_err();
    assert_eq!(errors[0].path, "pages[0].questions[2].measures");
    assert_eq!(
        errors[0].message(Lang::En),
        "measure `nps`: needs a 0–10 rating"
    );
}

#[test]
fn a_wrong_format_tag_is_rejected() {
    let json = DEVICE_SURVEY.replacen("wavegate.survey/1", "surveyjs", 1);
    assert_eq!(problems(&json), vec![("format".into(), "wrong_format")]);
}

#[test]
fn builder_definitions_validate_like_json_ones() {
    let survey = Survey::new("s", Text::new("T", "T")).with_page(Page::new(
        "p",
        vec![Question::new(
            "q",
            Text::new("Vraag", "Question"),
            QuestionKind::Agreement { points: 6 },
        )],
    ));
    let errors = validate_definition(&survey).unwrap_err();
    assert_eq!(errors[0].path, "pages[0].questions[0].points");
    assert_eq!(
        errors[0].problem,
        DefinitionProblem::InvalidPoints { points: 6 }
    );
}

#[test]
fn piping_must_name_an_earlier_question() {
    let json = edited(
        r#""en": "Would you recommend it?""#,
        r#""en": "You use {platform}; would you recommend it after {nps}?""#,
    );
    assert_eq!(
        problems(&json),
        vec![("pages[0].questions[2].text.en".into(), "not_earlier")]
    );
}

#[test]
fn a_survey_declares_its_languages_and_is_checked_in_those_only() {
    let english_only = r#"{"format": "wavegate.survey/1", "id": "s", "version": 1, "languages": ["en"],
        "title": {"en": "Feedback"},
        "pages": [{"id": "p", "questions": [{"id": "q", "type": "yes_no", "text": {"en": "Works?"}}]}]}"#;
    let survey = wavegate_core::survey::Survey::from_json(english_only).unwrap();
    assert_eq!(survey.languages, vec![wavegate_core::i18n::Lang::En]);

    // Without `languages`, both are asked.
    let both = english_only.replace(r#""languages": ["en"],"#, "");
    let problems = wavegate_core::survey::Survey::from_json(&both).unwrap_err();
    let paths: Vec<&str> = problems.0.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, vec!["title.nl", "pages[0].questions[0].text.nl"]);

    let none = english_only.replace(r#"["en"]"#, "[]");
    let problems = wavegate_core::survey::Survey::from_json(&none).unwrap_err();
    assert!(
        problems
            .0
            .iter()
            .any(|e| e.path == "languages" && e.code() == "no_languages"),
        "{problems:?}"
    );
    let unknown = english_only.replace(r#"["en"]"#, r#"["de"]"#);
    assert!(wavegate_core::survey::Survey::from_json(&unknown).is_err());
}
