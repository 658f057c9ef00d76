//! Training links that expire and can be revoked: every trainee endpoint answers `410
//! link_expired` / `410 link_revoked` with the program's helpdesk, as survey links do; planners
//! revoke per person or per wave, and the links file shows each link's last day and revocation.

use super::support::{Auth, demo_roster, put_support, upload};
use super::training::{
    MODULES, assign_get_help_to_the_pilot, links, planner_post, trainee_get, trainee_post,
};
use super::{Api, Reply, assert_error, demo_api};
use axum::http::StatusCode;
use serde_json::{Value, json};

const REVOKE: &str = "/api/v1/programs/demo/training/revoke";

/// Every trainee endpoint of a link, as `(method, path, body)`.
fn every_endpoint(token: &str) -> Vec<(&'static str, String, Value)> {
    let base = format!("/api/v1/train/{token}");
    let module = format!("{base}/modules/get-help");
    vec![
        ("GET", base, Value::Null),
        ("GET", format!("{module}/lessons/self"), Value::Null),
        ("POST", format!("{module}/attempts"), json!({})),
        (
            "POST",
            format!("{module}/answers"),
            json!({ "id": "a1", "number": 1, "version": 1, "answers": {},
                    "started_at": "2027-01-12T09:30:00Z" }),
        ),
        ("POST", format!("{module}/sync"), json!({ "views": [] })),
        ("GET", format!("{module}/certificate"), Value::Null),
    ]
}

async fn send(api: &Api, method: &str, path: &str, body: &Value) -> Reply {
    match method {
        "GET" => trainee_get(api, path).await,
        _ => trainee_post(api, path, body.clone()).await,
    }
}

/// Asserts every trainee endpoint of `token` answers 410 `code` naming the helpdesk.
async fn assert_closed(api: &Api, token: &str, code: &str) {
    for (method, path, body) in every_endpoint(token) {
        let r = send(api, method, &path, &body).await;
        assert_error(&r, StatusCode::GONE, code);
        assert_eq!(
            r.body["error"]["details"]["helpdesk"]["nl"], "Bel 020-1234567",
            "{method} {path}: the page can name the helpdesk: {:?}",
            r.body
        );
    }
}

async fn with_helpdesk() -> Api {
    let api = demo_api().await;
    let support = json!({ "helpdesk": { "nl": "Bel 020-1234567", "en": "Call 020-1234567" } });
    assert_eq!(put_support(&api, &support).await.status, StatusCode::OK);
    api
}

/// [`with_helpdesk`] with the demo roster imported and the built-in get-help module published.
async fn get_help_published() -> Api {
    let api = with_helpdesk().await;
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    let r = planner_post(&api, MODULES, json!({ "builtin": "get-help" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    api
}

async fn revoke(api: &Api, body: Value) -> u64 {
    let r = planner_post(api, REVOKE, body).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body["revoked"].as_u64().unwrap()
}

/// The links file as rows of `column → cell`, by person id.
async fn link_rows(api: &Api) -> Vec<std::collections::BTreeMap<String, String>> {
    let r = api
        .get(&format!("{MODULES}/get-help/links.csv"), true)
        .await;
    let text = String::from_utf8(r.bytes).unwrap();
    let mut lines = text.lines();
    let head: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    lines
        .map(|l| {
            head.iter()
                .cloned()
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn training_links_expire_thirty_days_after_the_trainees_wave_by_default() {
    let api = with_helpdesk().await;
    // Before the waves end (the default never lies before today plus the grace).
    api.clock.set(day("2027-01-04"));
    assign_get_help_to_the_pilot(&api).await;
    let r = planner_post(
        &api,
        &format!("{MODULES}/get-help/assignments"),
        json!({ "wave": "wave-1" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let rows = link_rows(&api).await;
    let of = |person: &str| rows.iter().find(|r| r["person_id"] == person).unwrap();
    // The demo program's pilot ends 2027-01-29 and wave-1 2027-02-26.
    assert_eq!(of("p001")["expires_on"], "2027-02-28");
    assert_eq!(of("p013")["expires_on"], "2027-03-28");
    assert_eq!(of("p013")["revoked_at"], "");
}

/// Noon (UTC) of a day `YYYY-MM-DD`.
fn day(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
}

#[tokio::test]
async fn a_last_day_already_past_is_refused_and_the_default_is_never_past() {
    let api = get_help_published().await;
    let assign = |body: Value| {
        let api = &api;
        async move {
            planner_post(
                api,
                &format!("{MODULES}/get-help/assignments?lang=nl"),
                body,
            )
            .await
        }
    };
    let r = assign(json!({ "wave": "wave-1", "expires_on": "2020-01-01" })).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_date");
    assert_eq!(r.body["error"]["details"]["field"], "expires_on");
    assert!(
        r.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("1 januari 2020 is al voorbij"),
        "{:?}",
        r.body
    );
    assert!(link_rows(&api).await.is_empty(), "nothing was assigned");

    // Months after wave-1 ended (2027-02-26), its links get 30 days from today.
    api.clock.set(day("2027-09-01"));
    let r = assign(json!({ "wave": "wave-1" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let rows = link_rows(&api).await;
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r["expires_on"] == "2027-10-01"),
        "{rows:?}"
    );
    // Today is the earliest last day asked for.
    let r = assign(json!({ "wave": "pilot", "expires_on": "2027-09-01" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
}

#[tokio::test]
async fn an_expired_training_link_answers_expired_with_the_helpdesk_on_every_endpoint() {
    let api = get_help_published().await;
    let today = api.clock.now().date_naive().format("%Y-%m-%d").to_string();
    let r = planner_post(
        &api,
        &format!("{MODULES}/get-help/assignments"),
        json!({ "wave": "pilot", "expires_on": today }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert!(
        link_rows(&api)
            .await
            .iter()
            .all(|r| r["expires_on"] == today)
    );
    let (_, token) = links(&api).await.remove(0);
    let r = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    assert_eq!(r.status, StatusCode::OK, "it opens through its last day");
    api.clock
        .advance(std::time::Duration::from_secs(2 * 86_400));
    assert_closed(&api, &token, "link_expired").await;
}

#[tokio::test]
async fn revoked_training_links_answer_revoked_and_revoking_again_changes_nothing() {
    let api = with_helpdesk().await;
    assign_get_help_to_the_pilot(&api).await;
    let r = planner_post(
        &api,
        &format!("{MODULES}/get-help/assignments"),
        json!({ "wave": "wave-1" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let tokens = links(&api).await;
    let token_of = |person: &str| {
        tokens
            .iter()
            .find(|(p, _)| p == person)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    assert_eq!(revoke(&api, json!({ "wave": "pilot" })).await, 12);
    assert_eq!(
        revoke(&api, json!({ "wave": "pilot" })).await,
        0,
        "twice is once"
    );
    assert_closed(&api, &token_of("p001"), "link_revoked").await;
    let wave_1 = trainee_get(&api, &format!("/api/v1/train/{}", token_of("p013"))).await;
    assert_eq!(wave_1.status, StatusCode::OK, "wave-1 still opens");
    assert_eq!(
        revoke(&api, json!({ "person_ids": ["P013", "p001", "nobody"] })).await,
        1,
        "ids match ignoring case, as links are made"
    );
    assert_closed(&api, &token_of("p013"), "link_revoked").await;
    let rows = link_rows(&api).await;
    let revoked = rows.iter().filter(|r| !r["revoked_at"].is_empty()).count();
    assert_eq!(revoked, 13, "the links file shows the revocations");
    let p014 = trainee_get(&api, &format!("/api/v1/train/{}", token_of("p014"))).await;
    assert_eq!(p014.status, StatusCode::OK, "other people keep their link");
}

#[tokio::test]
async fn an_old_training_link_given_anew_answers_revoked_on_every_endpoint() {
    let api = with_helpdesk().await;
    assign_get_help_to_the_pilot(&api).await;
    let token_of = |tokens: &[(String, String)], person: &str| {
        tokens
            .iter()
            .find(|(p, _)| p == person)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    let old = token_of(&links(&api).await, "p001");
    assert_eq!(revoke(&api, json!({ "person_ids": ["p001"] })).await, 1);
    let r = planner_post(
        &api,
        &format!("{MODULES}/get-help/assignments"),
        json!({ "wave": "pilot" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        (r.body["created"].as_u64(), r.body["renewed"].as_u64()),
        (Some(0), Some(1)),
        "{:?}",
        r.body
    );
    let fresh = token_of(&links(&api).await, "p001");
    assert_ne!(fresh, old, "the revoked link is given anew");
    let r = trainee_get(&api, &format!("/api/v1/train/{fresh}")).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    // Whoever still has the old mail is told the link was withdrawn, with the helpdesk.
    assert_closed(&api, &old, "link_revoked").await;
}

#[tokio::test]
async fn only_a_planner_revokes_with_one_of_people_or_wave_and_a_session_needs_its_csrf_token() {
    let api = with_helpdesk().await;
    assign_get_help_to_the_pilot(&api).await;
    let (_, token) = links(&api).await.remove(0);
    let pilot = json!({ "wave": "pilot" }).to_string();
    let r = api
        .call(
            "POST",
            REVOKE,
            Auth::Viewer,
            Some("application/json"),
            pilot.clone(),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    let planner = api.sign_in(super::support::PLANNER).await;
    let wrong = Auth::SessionCsrf(&planner, Some("wrong"));
    let r = api
        .call(
            "POST",
            REVOKE,
            wrong,
            Some("application/json"),
            pilot.clone(),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, "csrf_mismatch");
    let opens = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    assert_eq!(opens.status, StatusCode::OK, "nothing was revoked");
    // Nothing, both (also with the list empty), nobody, or a survey link's `tokens`: refused,
    // and nothing revoked.
    for bad in [
        json!({}),
        json!({ "wave": "pilot", "person_ids": ["p001"] }),
        json!({ "wave": "pilot", "person_ids": [] }),
        json!({ "person_ids": [] }),
        json!({ "tokens": [token] }),
    ] {
        let r = planner_post(&api, REVOKE, bad.clone()).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    let r = planner_post(
        &api,
        "/api/v1/programs/nope/training/revoke",
        json!({ "wave": "pilot" }),
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = api
        .call(
            "POST",
            REVOKE,
            Auth::Session(&planner),
            Some("application/json"),
            pilot,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["revoked"], 12, "no refused call revoked anything");
    let r = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    assert_error(&r, StatusCode::GONE, "link_revoked");
}

#[tokio::test]
async fn re_assigning_counts_the_expired_links_it_renews() {
    let api = get_help_published().await;
    let today = api.clock.now().date_naive().format("%Y-%m-%d").to_string();
    let assign = |expires_on: String| {
        let api = &api;
        async move {
            planner_post(
                api,
                &format!("{MODULES}/get-help/assignments"),
                json!({ "wave": "pilot", "expires_on": expires_on }),
            )
            .await
        }
    };
    let r = assign(today).await;
    assert_eq!(r.body["renewed"], 0, "{:?}", r.body);
    let (_, old) = links(&api).await.remove(0);
    api.clock
        .advance(std::time::Duration::from_secs(2 * 86_400));
    let later = (api.clock.now().date_naive() + chrono::Days::new(60))
        .format("%Y-%m-%d")
        .to_string();
    let r = assign(later.clone()).await;
    assert_eq!(
        (
            r.body["created"].as_u64(),
            r.body["existing"].as_u64(),
            r.body["renewed"].as_u64()
        ),
        (Some(0), Some(12), Some(12)),
        "{:?}",
        r.body
    );
    assert_closed(&api, &old, "link_revoked").await;
    // Links that open are kept: assigning once more renews nothing.
    let r = assign(later).await;
    assert_eq!(r.body["renewed"], 0, "{:?}", r.body);
}
