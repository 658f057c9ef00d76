//! Anonymous means anonymous: an anonymous link carries only split attributes of a segment of at
//! least 5, surveys do not mix link kinds, and exports keep only the day of anonymous answers.

use super::support::{demo_roster, upload};
use super::{Api, PILOT, assert_error, demo_api, valid_response};
use axum::http::StatusCode;
use serde_json::{Value, json};

const PULSE: &str = "/api/v1/programs/demo/surveys/om-pulse";

async fn anonymous_link(api: &Api, attributes: Value) -> super::Reply {
    api.post(
        &format!("{PULSE}/invitations"),
        json!({ "invitations": [{ "attributes": attributes }] }),
        true,
    )
    .await
}

#[tokio::test]
async fn an_anonymous_link_refuses_personal_attributes_and_small_segments() {
    let api = demo_api().await;
    let r = anonymous_link(&api, json!({ "platform": "iOS" })).await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    upload(&api, "roster", demo_roster(), "").await;
    let r = anonymous_link(
        &api,
        json!({ "email": "alice@example.org", "name": "Alice" }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
    assert_eq!(r.body["error"]["details"][0]["index"], 0);
    // Sales of wave-1 on iOS: p014, p016, p018 — three people.
    let r = anonymous_link(
        &api,
        json!({ "wave": "wave-1", "platform": "iOS", "department": "Sales" }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
    assert!(
        r.body["error"]["details"][0]["message"]
            .as_str()
            .unwrap()
            .contains("at least 5"),
        "{:?}",
        r.body
    );
    let r = anonymous_link(&api, json!({ "wave": "wave-1", "platform": "iOS" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let r = anonymous_link(&api, json!({})).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "a link carrying nothing is anonymous"
    );
}

#[tokio::test]
async fn personal_and_anonymous_surveys_do_not_mix_link_kinds() {
    let api = demo_api().await;
    let r = api
        .post(
            &format!("{PILOT}/invitations"),
            json!({ "invitations": [{ "attributes": { "wave": "pilot" } }] }),
            true,
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
    let r = api
        .post(
            &format!("{PULSE}/invitations"),
            json!({ "invitations": [{ "person_id": "p001" }] }),
            true,
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
}

#[tokio::test]
async fn the_export_keeps_the_day_of_anonymous_answers_and_the_time_of_personal_ones() {
    let api = demo_api().await;
    let listed = api.get(&format!("{PULSE}/invitations"), true).await;
    let token = listed.body[0]["token"].as_str().unwrap().to_string();
    let response = valid_response(&api, &token, "anon-export-01").await;
    let r = api
        .post(&format!("/api/v1/respond/{token}"), response, false)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let exact = r.body["submitted_at"].as_str().unwrap().to_string();
    let csv = api.get(&format!("{PULSE}/responses"), true).await;
    let text = String::from_utf8(csv.bytes).unwrap();
    let day = format!("{}T00:00:00Z", &exact[..10]);
    assert!(text.contains(&day), "{text}");
    let times: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(4))
        .collect();
    assert!(!times.is_empty());
    assert!(
        times.iter().all(|t| t.ends_with("T00:00:00Z")),
        "no anonymous answer keeps its time: {times:?}"
    );
    let personal = api.get(&format!("{PILOT}/responses"), true).await;
    let text = String::from_utf8(personal.bytes).unwrap();
    assert!(
        text.lines().skip(1).any(|l| !l.contains("T00:00:00Z")),
        "personal answers keep their time"
    );
}
