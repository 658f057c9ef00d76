//! Anonymous means anonymous: an anonymous link carries only split attributes of a segment of at
//! least 5, surveys do not mix link kinds, and exports keep only the day of anonymous answers.

use super::support::{demo_roster, demo_roster_with_five_in_windows_sales, upload};
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
    // The threshold is exactly 5: Sales of wave-1 on Windows is p013, p015, p017, p019 — four
    // people, refused; one more on the roster makes five, accepted.
    let sales_on_windows =
        json!({ "wave": "wave-1", "platform": "Windows", "department": "Sales" });
    let r = anonymous_link(&api, sales_on_windows.clone()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
    assert_eq!(
        r.body["error"]["details"][0]["message"],
        "only 4 people on the roster are in this segment; an anonymous link needs at least 5",
        "{:?}",
        r.body
    );
    let five = demo_roster_with_five_in_windows_sales();
    assert_eq!(
        upload(&api, "roster", five, "").await.status,
        StatusCode::OK
    );
    let r = anonymous_link(&api, sales_on_windows).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
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

/// Answers `count` times through the anonymous link `token`; the status of each.
async fn answer_times(api: &Api, token: &str, from: usize, count: usize) -> Vec<StatusCode> {
    let mut out = Vec::new();
    for i in from..from + count {
        let response = valid_response(api, token, &format!("anon-full-{i:04}")).await;
        let r = api
            .post(&format!("/api/v1/respond/{token}"), response, false)
            .await;
        out.push(r.status);
    }
    out
}

/// The pulse survey's anonymous link for wave 1's Windows users, made or found.
async fn windows_of_wave_1(api: &Api) -> super::Reply {
    api.post(
        &format!("{PULSE}/invitations/from-roster"),
        json!({ "kind": "anonymous", "wave": "wave-1", "segment": { "platform": "Windows" } }),
        true,
    )
    .await
}

#[tokio::test]
async fn an_anonymous_link_takes_no_more_answers_than_its_segment_has_people() {
    let api = demo_api().await;
    upload(&api, "roster", demo_roster(), "").await;
    // Wave 1's Windows users: p013, p015, …, p031: ten people.
    let r = windows_of_wave_1(&api).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["people"], 10);
    let token = r.body["links"][0]["token"].as_str().unwrap().to_string();
    assert!(
        answer_times(&api, &token, 0, 10)
            .await
            .iter()
            .all(|s| *s == StatusCode::CREATED)
    );
    // The eleventh can only be someone answering again: refused, nothing stored, and the
    // helpdesk named for a person who has not answered yet.
    let response = valid_response(&api, &token, "anon-full-0010").await;
    let r = api
        .post(&format!("/api/v1/respond/{token}"), response.clone(), false)
        .await;
    assert_error(&r, StatusCode::CONFLICT, "link_full");
    assert!(r.body["error"]["details"].is_object(), "{:?}", r.body);
    let summary = api.get(&format!("{PULSE}/summary"), true).await;
    let before = summary.body["summary"]["n"].as_u64().unwrap();
    // A retry of an answer already stored is still acknowledged as stored.
    let retry = valid_response(&api, &token, "anon-full-0003").await;
    let r = api
        .post(&format!("/api/v1/respond/{token}"), retry, false)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["duplicate"], true);

    // The roster grows by ten Windows users in wave 1; asking for the segment's link again
    // gives the same link, now taking twenty answers.
    let mut roster = demo_roster();
    for i in 33..=42 {
        roster.push_str(&format!(
            "p{i:03};p{i:03}@example.org;wave-1;Windows;HR;en\r\n"
        ));
    }
    assert_eq!(
        upload(&api, "roster", roster, "").await.status,
        StatusCode::OK
    );
    let again = windows_of_wave_1(&api).await;
    assert_eq!(again.body["links"][0]["token"], token.as_str());
    assert_eq!(again.body["people"], 20);
    let r = api
        .post(&format!("/api/v1/respond/{token}"), response, false)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let after = api.get(&format!("{PULSE}/summary"), true).await;
    assert_eq!(after.body["summary"]["n"].as_u64().unwrap(), before + 1);
}

/// A roster of `people` people, all in wave 1 on Windows.
fn roster_of(people: usize) -> String {
    let mut csv = String::from("Person ID;E-mail;Wave;Platform;Department;Language\r\n");
    for i in 1..=people {
        csv.push_str(&format!(
            "q{i:03};q{i:03}@example.org;wave-1;Windows;HR;en\r\n"
        ));
    }
    csv
}

#[tokio::test]
async fn a_link_carrying_nothing_needs_five_on_the_roster_and_takes_no_more_answers_than_it_has() {
    let api = demo_api().await;
    // Made before any roster: nobody to count yet.
    let r = anonymous_link(&api, json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let early = r.body[0]["token"].as_str().unwrap().to_string();

    // A roster of six binds it to six answers.
    assert_eq!(
        upload(&api, "roster", roster_of(6), "").await.status,
        StatusCode::OK
    );
    assert!(
        answer_times(&api, &early, 100, 6)
            .await
            .iter()
            .all(|s| *s == StatusCode::CREATED)
    );
    let seventh = valid_response(&api, &early, "anon-full-0106").await;
    let r = api
        .post(&format!("/api/v1/respond/{early}"), seventh, false)
        .await;
    assert_error(&r, StatusCode::CONFLICT, "link_full");

    // On a roster of three, everyone's answers are those of three known people: no such link
    // is made, and the one made before is revoked with that roster.
    let r = anonymous_link(&api, json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let later = r.body[0]["token"].as_str().unwrap().to_string();
    assert_eq!(
        upload(&api, "roster", roster_of(3), "").await.status,
        StatusCode::OK
    );
    let r = api.get(&format!("/api/v1/respond/{later}"), false).await;
    assert_error(&r, StatusCode::GONE, "link_revoked");
    let r = anonymous_link(&api, json!({})).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
}
