//! Abuse limits: a flood through one anonymous link gets 429 while other links keep working,
//! guessing tokens is refused on every link-token route, and one address cannot take more than
//! its share of requests. (Slow clients: `slow_clients`.)

use super::{Api, PILOT, assert_error, valid_response};
use axum::http::StatusCode;
use serde_json::json;
use std::time::Duration;
use wavegate_server::Store;
use wavegate_server::limits::RateLimits;

const PULSE: &str = "/api/v1/programs/demo/surveys/om-pulse";

async fn limited(limits: RateLimits) -> Api {
    let store = Store::in_memory().unwrap();
    wavegate_server::seed_demo(&store, "http://wavegate.test")
        .await
        .unwrap();
    Api::over_with(store, tempfile::tempdir().unwrap(), |s| {
        s.with_rate_limits(limits)
    })
    .await
}

#[tokio::test]
async fn a_flood_through_one_anonymous_link_gets_429_while_other_links_keep_working() {
    let api = limited(RateLimits {
        per_anonymous_link: (5, Duration::from_secs(60)),
        ..RateLimits::default()
    })
    .await;
    let listed = api.get(&format!("{PULSE}/invitations"), true).await;
    let anon = listed.body[0]["token"].as_str().unwrap().to_string();
    let mut statuses = Vec::new();
    let mut last = None;
    for i in 0..8 {
        let response = valid_response(&api, &anon, &format!("flood-{i:04}")).await;
        let r = api
            .post(&format!("/api/v1/respond/{anon}"), response, false)
            .await;
        statuses.push(r.status.as_u16());
        last = Some(r);
    }
    assert_eq!(statuses, vec![201, 201, 201, 201, 201, 429, 429, 429]);
    let last = last.unwrap();
    assert_error(&last, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    let wait: u64 = last.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
    let r = api
        .post(
            &format!("{PILOT}/invitations"),
            json!({ "invitations": [{ "person_id": "flood-bystander", "attributes": { "wave": "pilot" } }] }),
            true,
        )
        .await;
    let personal = r.body[0]["token"].as_str().unwrap().to_string();
    let response = valid_response(&api, &personal, "bystander-01").await;
    let r = api
        .post(&format!("/api/v1/respond/{personal}"), response, false)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
}

#[tokio::test]
async fn guessing_tokens_gets_the_address_refused_even_for_a_right_token() {
    let api = limited(RateLimits {
        failed_lookups: (10, Duration::from_secs(60)),
        ..RateLimits::default()
    })
    .await;
    let listed = api.get(&format!("{PULSE}/invitations"), true).await;
    let real = listed.body[0]["token"].as_str().unwrap().to_string();
    let mut statuses = Vec::new();
    for i in 0..12 {
        let r = api.get(&format!("/api/v1/respond/{i:032x}"), false).await;
        statuses.push(r.status.as_u16());
    }
    assert_eq!(&statuses[..10], &[404; 10]);
    assert_eq!(statuses[11], 429);
    let r = api.get(&format!("/api/v1/respond/{real}"), false).await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert!(r.headers.contains_key("retry-after"));
}

#[tokio::test]
async fn one_address_cannot_take_more_than_its_share_of_requests() {
    let api = limited(RateLimits {
        per_address: (3, Duration::from_secs(60)),
        ..RateLimits::default()
    })
    .await;
    let listed = api.get(&format!("{PULSE}/invitations"), true).await;
    let token = listed.body[0]["token"].as_str().unwrap().to_string();
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(
            api.get(&format!("/api/v1/respond/{token}"), false)
                .await
                .status
                .as_u16(),
        );
    }
    assert_eq!(statuses, vec![200, 200, 200, 429]);
    assert_eq!(
        api.get("/api/v1/health", false).await.status,
        StatusCode::OK,
        "only respondent endpoints are limited per address"
    );
}

/// A draft of the right shape, so a guess is not refused for its body before the token is read.
const DRAFT: &str =
    r#"{"response_id":"0123456789abcdef","survey_version":1,"page":0,"answers":{}}"#;

#[tokio::test]
async fn guessing_tokens_through_drafts_or_training_links_gets_the_address_refused_too() {
    for (kind, guess) in [
        ("draft read", "GET /api/v1/respond/{t}/draft"),
        ("draft save", "PUT /api/v1/respond/{t}/draft"),
        ("training", "GET /api/v1/train/{t}"),
        ("lesson", "GET /api/v1/train/{t}/modules/m/lessons/l"),
        ("attempt", "POST /api/v1/train/{t}/modules/m/attempts"),
    ] {
        let api = limited(RateLimits {
            failed_lookups: (10, Duration::from_secs(60)),
            ..RateLimits::default()
        })
        .await;
        let (method, path) = guess.split_once(' ').unwrap();
        let mut statuses = Vec::new();
        for i in 0..12 {
            let r = api
                .call(
                    method,
                    &path.replace("{t}", &format!("{i:032x}")),
                    crate::support::Auth::None,
                    Some("application/json"),
                    DRAFT,
                )
                .await;
            statuses.push(r.status.as_u16());
        }
        assert_eq!(&statuses[..10], &[404; 10], "{kind}");
        assert_eq!(statuses[11], 429, "{kind}: {statuses:?}");
        // The address is refused every link lookup, a survey link's too.
        let listed = api.get(&format!("{PULSE}/invitations"), true).await;
        let real = listed.body[0]["token"].as_str().unwrap().to_string();
        let r = api.get(&format!("/api/v1/respond/{real}"), false).await;
        assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
        assert!(r.headers.contains_key("retry-after"), "{kind}");
    }
}

#[tokio::test]
async fn drafts_and_training_links_share_the_per_address_limit_of_survey_links() {
    let api = limited(RateLimits {
        per_address: (3, Duration::from_secs(60)),
        ..RateLimits::default()
    })
    .await;
    let listed = api.get(&format!("{PULSE}/invitations"), true).await;
    let token = listed.body[0]["token"].as_str().unwrap().to_string();
    let mut statuses = Vec::new();
    for path in [
        format!("/api/v1/respond/{token}"),
        format!("/api/v1/respond/{token}/draft"),
        format!("/api/v1/train/{token}"),
        format!("/api/v1/train/{token}/modules/m/certificate"),
        format!("/api/v1/respond/{token}/draft"),
    ] {
        let r = api.get(&path, false).await;
        statuses.push(r.status.as_u16());
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "rate_limited");
            assert!(r.headers.contains_key("retry-after"));
        }
    }
    assert_eq!(&statuses[3..], &[429, 429], "{statuses:?}");
    assert!(statuses[..3].iter().all(|s| *s != 429), "{statuses:?}");
}
