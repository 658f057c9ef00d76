//! Quiz attempts as the server judges them: an attempt made offline and synced later is dated
//! by the device when that is plausible, so the wait between attempts is the one the trainee
//! kept; a version's attempt policy counts the attempts made in it only.

use super::support::{demo_roster, upload};
use super::training::{
    MODULES, answers, complete, links, next_version, planner_post, trainee_get, trainee_post,
};
use super::{Api, demo_api};
use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use wavegate_core::training::Submission;
use wavegate_core::training::templates;
use wavegate_core::training::wire::{MyModule, SubmitAnswers};

/// The demo program with `get-help` published with the attempt policy `attempts` and assigned
/// to the pilot wave; the first trainee's token.
async fn assigned_with(attempts: Value) -> (Api, String) {
    let api = demo_api().await;
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    let mut module = serde_json::to_value(templates::builtin("get-help").unwrap()).unwrap();
    module["quiz"]["attempts"] = attempts;
    let r = planner_post(&api, MODULES, json!({ "module": module })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let r = planner_post(
        &api,
        &format!("{MODULES}/get-help/assignments"),
        json!({ "wave": "pilot" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let (_, token) = links(&api).await.remove(0);
    (api, token)
}

/// The trainee's module as the app keeps it on the device.
async fn on_device(api: &Api, token: &str) -> MyModule {
    let r = trainee_get(api, &format!("/api/v1/train/{token}")).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    serde_json::from_value(r.body["modules"][0].clone()).unwrap()
}

/// An attempt as the app makes it offline: planned and scored on the device's copy by its own
/// clock, submitted at `made` and started two minutes before; the body it syncs later.
fn offline_attempt(m: &mut MyModule, id: &str, made: DateTime<Utc>, right: bool) -> Value {
    let plan = m
        .progress
        .next_attempt(&m.module, &m.lineage, made)
        .unwrap();
    let body = SubmitAnswers {
        id: id.into(),
        number: plan.number,
        version: plan.version,
        answers: serde_json::from_value(answers(
            &m.module,
            &serde_json::to_value(&plan).unwrap(),
            right,
        ))
        .unwrap(),
        started_at: made - Duration::minutes(2),
        submitted_at: Some(made),
    };
    let submission = Submission {
        id: body.id.clone(),
        number: body.number,
        answers: body.answers.clone(),
        started_at: body.started_at,
        submitted_at: body.submitted_at,
    };
    m.progress
        .submit_attempt(&m.module, &m.lineage, submission, made)
        .unwrap();
    serde_json::to_value(body).unwrap()
}

#[tokio::test]
async fn two_attempts_made_offline_minutes_apart_are_both_kept_with_the_pass() {
    let (api, token) = assigned_with(json!({ "max": 2, "wait_minutes": 1 })).await;
    let mut device = on_device(&api, &token).await;
    // An hour later the phone is back online with two attempts made six minutes apart.
    api.clock.advance(std::time::Duration::from_secs(3_600));
    let now = api.clock.now();
    let (failed_at, passed_at) = (now - Duration::minutes(20), now - Duration::minutes(14));
    let failed = offline_attempt(&mut device, "offline-attempt-1", failed_at, false);
    let passed = offline_attempt(&mut device, "offline-attempt-2", passed_at, true);
    let r = trainee_post(
        &api,
        &format!("/api/v1/train/{token}/modules/get-help/sync"),
        json!({ "attempts": [failed, passed] }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["refused"], json!([]), "{:?}", r.body);
    assert_eq!(r.body["stored"], 2);
    assert_eq!(
        r.body["status"]["passed_at"],
        json!(passed_at),
        "the pass is kept"
    );
    assert_eq!(
        r.body["progress"]["attempts"]["offline-attempt-2"]["submitted_at"],
        json!(passed_at),
        "dated when it was made, not when it arrived"
    );
    let stored = on_device(&api, &token).await;
    assert_eq!(stored.progress.attempts, device.progress.attempts);
}

#[tokio::test]
async fn a_trainee_who_passed_an_earlier_version_retakes_at_once_despite_the_new_wait() {
    let (api, token) = assigned_with(json!({})).await;
    complete(&api, &token, 1, "attempt-pass-v1-1").await;
    let mut v1 = serde_json::to_value(templates::builtin("get-help").unwrap()).unwrap();
    v1["quiz"]["attempts"] = json!({});
    let mut v2 = next_version(&v1, 2, true);
    v2["quiz"]["attempts"] = json!({ "max": 2, "wait_minutes": 10 });
    let r = planner_post(
        &api,
        &format!("{MODULES}/get-help/versions"),
        json!({ "module": v2 }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let status = &trainee_get(&api, &format!("/api/v1/train/{token}"))
        .await
        .body["modules"][0]["status"];
    assert_eq!(
        (
            &status["next_attempt_at"],
            &status["attempts_used"],
            &status["attempts_left"]
        ),
        (&Value::Null, &json!(0), &json!(2)),
        "{status:?}"
    );
    let plan = trainee_post(
        &api,
        &format!("/api/v1/train/{token}/modules/get-help/attempts"),
        json!({}),
    )
    .await;
    assert_eq!(plan.status, StatusCode::OK, "{:?}", plan.body);
    assert_eq!(
        (&plan.body["number"], &plan.body["version"]),
        (&json!(2), &json!(2))
    );
}
