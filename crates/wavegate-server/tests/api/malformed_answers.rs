//! Answers of a shape no question takes (`{"kind": "nonsense"}`, a bare number) through the
//! respondent endpoints: `422 invalid_response` naming each question, with a message in the
//! response's (a draft: the person's) language, like any other invalid answer. A body that is not
//! JSON at all stays `400 invalid_json`. Nothing is stored either way.

use super::{assert_error, demo_api, valid_response};
use crate::support::Auth;
use axum::http::StatusCode;
use serde_json::{Value, json};

const RESPONSE_ID: &str = "0123456789abcdef0123456789abcdef";

/// `(question, code)` of each detail of an `invalid_response`.
fn problems(body: &Value) -> Vec<(String, String)> {
    body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| {
            (
                d["question"].as_str().unwrap_or_default().to_string(),
                d["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The message of the detail about `question`.
fn message_about(body: &Value, question: &str) -> String {
    body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .find(|d| d["question"] == question)
        .and_then(|d| d["message"].as_str())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn a_response_with_an_answer_of_no_known_shape_is_an_invalid_response_naming_its_question() {
    let api = demo_api().await;
    let before = api.responses().await;
    let token = api.invitation("erin").await;
    let path = format!("/api/v1/respond/{token}");
    let mut body = valid_response(&api, &token, RESPONSE_ID).await;
    body["answers"]["nps"] = json!({ "kind": "nonsense" });
    body["answers"]["improve"] = json!(7);
    for (lang, says) in [
        ("nl", "verwacht een antwoord van het soort `scale`"),
        ("en", "expected an answer of kind `scale`"),
    ] {
        body["language"] = json!(lang);
        let r = api.post(&path, body.clone(), false).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_response");
        assert_eq!(
            problems(&r.body),
            [
                ("improve".to_string(), "malformed_answer".to_string()),
                ("nps".to_string(), "malformed_answer".to_string()),
            ]
        );
        let nps = message_about(&r.body, "nps");
        assert!(nps.contains(says), "{lang}: {nps}");
    }

    // A body that is not JSON at all is still a 400.
    let r = api
        .post_raw(&path, r#"{"answers": {"nps": {"kind": "#, false)
        .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_json");
    assert_eq!(api.responses().await, before);

    // Nothing used the personal link up: the readable response is stored.
    let good = valid_response(&api, &token, RESPONSE_ID).await;
    let r = api.post(&path, good, false).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(api.responses().await, before + 1);
}

#[tokio::test]
async fn a_draft_with_an_answer_of_no_known_shape_is_refused_naming_its_question() {
    let api = demo_api().await;
    let token = api.invitation("frank").await;
    let path = format!("/api/v1/respond/{token}/draft");
    let put = |body: String| {
        let (api, path) = (&api, &path);
        async move {
            api.call("PUT", path, Auth::None, Some("application/json"), body)
                .await
        }
    };
    let complete = valid_response(&api, &token, RESPONSE_ID).await;
    let draft = json!({
        "response_id": RESPONSE_ID,
        "survey_version": complete["survey_version"],
        "page": 0,
        "answers": { "nps": { "kind": "nonsense" }, "improve": { "text": "meer uitleg" } },
    });
    let r = put(draft.to_string()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_response");
    assert_eq!(
        problems(&r.body),
        [("nps".to_string(), "malformed_answer".to_string())]
    );
    // The person's language (the invitation says Dutch).
    let nps = message_about(&r.body, "nps");
    assert!(
        nps.contains("verwacht een antwoord van het soort `scale`"),
        "{nps}"
    );

    let r = put(r#"{"response_id": "#.to_string()).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_json");

    // Nothing was kept.
    let r = api.get(&path, false).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}
