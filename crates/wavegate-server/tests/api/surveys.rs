//! Publishing surveys: templates, definitions, SurveyJS (English-only, `value|text` choices),
//! validation problems with their paths, and versions that never change.

use super::support::{Auth, problem_paths};
use super::{Api, assert_error, demo_api};
use axum::http::StatusCode;
use serde_json::{Value, json};

async fn publish(api: &Api, body: Value) -> super::Reply {
    api.call(
        "POST",
        "/api/v1/programs/demo/surveys",
        Auth::Planner,
        Some("application/json"),
        body.to_string(),
    )
    .await
}

const PRODUCT_FEEDBACK: &str = r#"{
  "title": "Product Feedback Survey",
  "pages": [{ "elements": [
    { "type": "rating", "name": "satisfaction", "title": "How satisfied are you with the product?" },
    { "type": "radiogroup", "name": "price", "title": "Do you feel our current price is merited by our product?",
      "choices": ["correct|Yes, the price is about right", "low|No, the price is too low for your product",
                  "high|No, the price is too high for your product"] },
    { "type": "comment", "name": "suggestions", "title": "What would make you recommend it?" }
  ]}]
}"#;

#[tokio::test]
async fn a_template_is_published_once_and_again_is_the_same_version() {
    let api = demo_api().await;
    let r = publish(&api, json!({ "template": "enps", "anonymous": true })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(
        (r.body["survey_id"].as_str(), r.body["version"].as_u64()),
        (Some("enps"), Some(1))
    );
    assert_eq!(r.body["anonymous"], true);
    let again = publish(&api, json!({ "template": "enps" })).await;
    assert_eq!(again.status, StatusCode::OK);
    // The planner's page says "nothing changed" rather than "published" from this flag.
    assert_eq!(
        (r.body["created"].as_bool(), again.body["created"].as_bool()),
        (Some(true), Some(false))
    );
    // The same version is new to another program all the same (versions are shared).
    let other = super::support::other_program(&api, "Elsewhere").await;
    let there = api
        .call(
            "POST",
            &format!("/api/v1/programs/{other}/surveys"),
            Auth::Planner,
            Some("application/json"),
            json!({ "template": "enps" }).to_string(),
        )
        .await;
    assert_eq!(
        (there.status, there.body["created"].as_bool()),
        (StatusCode::OK, Some(true))
    );
    assert_eq!(
        (
            again.body["version"].as_u64(),
            again.body["anonymous"].as_bool()
        ),
        (Some(1), Some(true))
    );
    let overview = api.get("/api/v1/programs", true).await;
    let surveys: Vec<&str> = overview.body[0]["surveys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["survey_id"].as_str().unwrap())
        .collect();
    assert!(surveys.contains(&"enps"), "{surveys:?}");
    let r = publish(&api, json!({ "template": "nope" })).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_survey");
}

#[tokio::test]
async fn an_english_only_surveyjs_survey_is_published_and_respondents_get_one_language() {
    let api = demo_api().await;
    let surveyjs: Value = serde_json::from_str(PRODUCT_FEEDBACK).unwrap();
    let r = publish(&api, json!({ "surveyjs": surveyjs, "anonymous": true })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["survey_id"], "product_feedback_survey");
    assert_eq!(r.body["languages"], json!(["en"]));
    assert_eq!(
        r.body["warnings"],
        json!([]),
        "every name was a valid id already"
    );

    let link = api
        .call(
            "POST",
            "/api/v1/programs/demo/surveys/product_feedback_survey/invitations",
            Auth::Planner,
            Some("application/json"),
            json!({ "invitations": [{}] }).to_string(),
        )
        .await;
    assert_eq!(link.status, StatusCode::CREATED, "{:?}", link.body);
    let token = link.body[0]["token"].as_str().unwrap();
    let view = api.get(&format!("/api/v1/respond/{token}"), false).await;
    assert_eq!(view.body["languages"], json!(["en"]));
    let price = &view.body["survey"]["pages"][0]["questions"][1];
    assert_eq!(
        price["choices"][1],
        json!({ "id": "low", "text": { "nl": "", "en": "No, the price is too low for your product" } })
    );
}

/// A personal link for `person` in `language` to the demo program's `survey`.
async fn personal_link(api: &Api, survey: &str, person: &str, language: &str) -> String {
    let link = api
        .call(
            "POST",
            &format!("/api/v1/programs/demo/surveys/{survey}/invitations"),
            Auth::Planner,
            Some("application/json"),
            json!({ "invitations": [{ "person_id": person, "language": language }] }).to_string(),
        )
        .await;
    assert_eq!(link.status, StatusCode::CREATED, "{:?}", link.body);
    link.body[0]["token"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn a_surveyjs_problem_is_shown_at_its_place_in_the_uploaded_file() {
    let api = demo_api().await;
    // A half-translated choice in a panel on the second page, after an HTML element.
    let surveyjs = json!({ "title": { "nl": "Tevredenheid", "en": "Satisfaction" }, "pages": [
        { "name": "intro", "elements": [{ "type": "html", "html": "<p>Hoi</p>" }] },
        { "name": "main", "elements": [
            { "type": "html", "html": "<p>Uitleg</p>" },
            { "type": "panel", "name": "p", "elements": [
                { "type": "radiogroup", "name": "ok", "title": { "nl": "Gaat het?", "en": "All well?" },
                  "choices": [{ "value": "y", "text": { "nl": "Ja", "en": "Yes" } },
                              { "value": "n", "text": { "en": "No" } }] }
            ] }
        ] }
    ] });
    let r = publish(&api, json!({ "surveyjs": surveyjs })).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", r.body);
    let paths: Vec<&str> = r.body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(
        paths,
        ["pages[1].elements[1].elements[0].choices[1].text.nl"]
    );
}

#[tokio::test]
async fn a_one_language_survey_opens_in_its_language_whatever_the_person_was_given() {
    let api = demo_api().await;
    let surveyjs: Value = serde_json::from_str(PRODUCT_FEEDBACK).unwrap();
    let r = publish(&api, json!({ "surveyjs": surveyjs })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let token = personal_link(&api, "product_feedback_survey", "p-nl", "nl").await;
    let view = api.get(&format!("/api/v1/respond/{token}"), false).await;
    assert_eq!(
        (&view.body["language"], &view.body["languages"]),
        (&json!("en"), &json!(["en"])),
        "no Dutch buttons around English questions"
    );
    // The mail merge says the language the person will read.
    let csv = api
        .get(
            "/api/v1/programs/demo/surveys/product_feedback_survey/invitations?format=csv",
            true,
        )
        .await;
    let text = String::from_utf8(csv.bytes).unwrap();
    let row = text.lines().find(|l| l.starts_with("p-nl,")).unwrap();
    assert!(row.starts_with("p-nl,,en,"), "{text}");

    // And the other way round: a Dutch-only survey through a link given in English.
    let mut def: Value =
        serde_json::to_value(wavegate_core::survey::templates::builtin("nps").unwrap()).unwrap();
    def["id"] = json!("nps-nl");
    def["languages"] = json!(["nl"]);
    let r = publish(&api, json!({ "definition": def })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let token = personal_link(&api, "nps-nl", "p-en", "en").await;
    let view = api.get(&format!("/api/v1/respond/{token}"), false).await;
    assert_eq!(view.body["language"], json!("nl"));
    let links = api
        .get("/api/v1/programs/demo/surveys/nps-nl/invitations", true)
        .await;
    assert_eq!(links.body[0]["language"], json!("nl"), "{:?}", links.body);
}

#[tokio::test]
async fn a_definition_with_problems_is_refused_with_their_paths() {
    let api = demo_api().await;
    let mut def: Value =
        serde_json::to_value(wavegate_core::survey::templates::builtin("nps").unwrap()).unwrap();
    def["id"] = json!("my-nps");
    def["pages"][0]["questions"][0]["text"]["nl"] = json!("");
    def["pages"][0]["questions"][0]["requird"] = json!(true);
    let r = api
        .call(
            "POST",
            "/api/v1/programs/demo/surveys?lang=nl",
            Auth::Planner,
            Some("application/json"),
            json!({ "definition": def }).to_string(),
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_survey");
    let paths = problem_paths(&r);
    assert!(
        paths.contains(&"pages[0].questions[0].requird"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"pages[0].questions[0].text.nl"),
        "{paths:?}"
    );
    let missing = r.body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "missing_translation")
        .unwrap();
    assert_eq!(
        missing["message"], "de Nederlandse tekst ontbreekt",
        "in the request's language"
    );
}

#[tokio::test]
async fn a_published_version_never_changes_and_an_edit_is_the_next_version() {
    let api = demo_api().await;
    let mut def: Value =
        serde_json::to_value(wavegate_core::survey::templates::builtin("nps").unwrap()).unwrap();
    def["id"] = json!("my-nps");
    assert_eq!(
        publish(&api, json!({ "definition": def })).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        publish(&api, json!({ "definition": def })).await.status,
        StatusCode::OK
    );
    def["title"]["en"] = json!("A reworded title");
    let r = publish(&api, json!({ "definition": def })).await;
    assert_error(&r, StatusCode::CONFLICT, "version_published");
    def["version"] = json!(3);
    let r = publish(&api, json!({ "definition": def })).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_survey");
    def["version"] = json!(2);
    let r = publish(&api, json!({ "definition": def })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["version"], 2);
    let r = publish(&api, json!({ "template": "nps", "definition": def })).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
}

#[tokio::test]
async fn a_link_takes_answers_only_to_versions_its_own_program_published() {
    let api = demo_api().await;
    let mut def: Value =
        serde_json::to_value(wavegate_core::survey::templates::builtin("nps").unwrap()).unwrap();
    def["id"] = json!("shared-nps");
    assert_eq!(
        publish(&api, json!({ "definition": def })).await.status,
        StatusCode::CREATED
    );
    let token = personal_link(&api, "shared-nps", "p001", "nl").await;
    let v1 = super::valid_response(&api, &token, "version-one-01").await;
    // Another program on the server publishes the next version of the same survey id.
    let other = super::support::other_program(&api, "Elsewhere").await;
    def["version"] = json!(2);
    def["title"]["en"] = json!("Elsewhere's own wording");
    let r = api
        .call(
            "POST",
            &format!("/api/v1/programs/{other}/surveys"),
            Auth::Planner,
            Some("application/json"),
            json!({ "definition": def }).to_string(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);

    let mut v2 = v1.clone();
    v2["id"] = json!("version-two-01");
    v2["survey_version"] = json!(2);
    let r = api
        .post(&format!("/api/v1/respond/{token}"), v2, false)
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "unknown_version");
    let r = api
        .post(&format!("/api/v1/respond/{token}"), v1, false)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
}
