//! Reminders: the CSV lists exactly the people who have not answered, counts the reminders
//! sent, keeps the minimum gap, and anonymous surveys show only counts.

use super::support::Auth;
use super::{Api, PILOT, assert_error, demo_api, valid_response};
use axum::http::StatusCode;
use serde_json::json;
use std::collections::BTreeSet;

/// `person_id → reminders_sent` of a reminder CSV.
fn people(csv: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8(csv.to_vec()).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0].to_string(), cells[4].to_string())
        })
        .collect()
}

async fn send(api: &Api, query: &str) -> super::Reply {
    api.call(
        "POST",
        &format!("{PILOT}/reminders{query}"),
        Auth::Planner,
        None,
        Vec::new(),
    )
    .await
}

#[tokio::test]
async fn the_reminder_csv_lists_exactly_the_non_responders_and_counts_each_reminder() {
    let api = demo_api().await;
    let r = api
        .post(
            &format!("{PILOT}/invitations"),
            json!({ "invitations": [
                { "person_id": "r-1", "attributes": { "wave": "pilot" } },
                { "person_id": "r-2", "attributes": { "wave": "pilot" } },
                { "person_id": "r-3", "attributes": { "wave": "wave-1" } } ] }),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let answered = r.body[1]["token"].as_str().unwrap().to_string();
    let response = valid_response(&api, &answered, "reminder-0001").await;
    api.post(&format!("/api/v1/respond/{answered}"), response, false)
        .await;
    let listed = api.get(&format!("{PILOT}/invitations"), true).await;
    let expected: BTreeSet<String> = listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["submitted_at"].is_null() && l["attributes"]["wave"] == "pilot")
        .map(|l| l["person_id"].as_str().unwrap().to_string())
        .collect();
    assert!(expected.contains("r-1") && !expected.contains("r-2") && !expected.contains("r-3"));

    let preview = api
        .get(&format!("{PILOT}/reminders?wave=pilot&format=csv"), true)
        .await;
    assert_eq!(preview.status, StatusCode::OK);
    let listed: BTreeSet<String> = people(&preview.bytes).into_iter().map(|p| p.0).collect();
    assert_eq!(listed, expected, "exactly the non-responders of the wave");

    let first = send(&api, "?wave=pilot").await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let sent = people(&first.bytes);
    assert_eq!(sent.len(), expected.len());
    assert!(sent.iter().all(|(_, n)| n == "1"), "{sent:?}");
    let again = send(&api, "?wave=pilot").await;
    assert!(
        people(&again.bytes).is_empty(),
        "within the minimum gap nobody is due"
    );
    let counts = api
        .get(&format!("{PILOT}/reminders?wave=pilot"), true)
        .await;
    assert_eq!(counts.body["non_responders"], expected.len());
    assert_eq!(counts.body["due"], 0);

    api.clock
        .advance(std::time::Duration::from_secs(4 * 86_400));
    let later = send(&api, "?wave=pilot&min_gap_days=3").await;
    let sent = people(&later.bytes);
    assert_eq!(sent.len(), expected.len());
    assert!(sent.iter().all(|(_, n)| n == "2"), "{sent:?}");

    let r = api
        .get(&format!("{PILOT}/reminders?attribute=platform"), true)
        .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_query");
}

#[tokio::test]
async fn an_anonymous_survey_shows_only_counts() {
    let api = demo_api().await;
    let pulse = "/api/v1/programs/demo/surveys/om-pulse";
    let r = api.get(&format!("{pulse}/reminders"), true).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["anonymous"], true);
    assert!(r.body["responses"].as_u64().unwrap() > 0);
    assert_eq!(r.body["non_responders"], 0);
    let r = api
        .get(&format!("{pulse}/reminders?format=csv"), true)
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_selection");
    let r = api
        .call(
            "POST",
            &format!("{pulse}/reminders"),
            Auth::Planner,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_selection");
}
