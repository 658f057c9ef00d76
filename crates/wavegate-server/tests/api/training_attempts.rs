//! Quiz attempts as the server judges them: an attempt made offline and synced later is dated
//! by the device when that is plausible, so the wait between attempts is the one the trainee
//! kept; a version's attempt policy counts the attempts made in it only; an attempt refused in
//! a sync leaves no trace in it; nothing done in a version is dated before it was published.

use super::training::{
    MODULES, answers, assign_to_the_pilot, complete, get_help_first, links, next_version,
    publish_get_help, trainee_get, trainee_post, viewer_get,
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
    let mut module = get_help_first();
    module["quiz"]["attempts"] = attempts;
    assign_to_the_pilot(&api, json!({ "module": module })).await;
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
    let mut v1 = get_help_first();
    v1["quiz"]["attempts"] = json!({});
    let mut v2 = next_version(&v1, 2, true);
    v2["quiz"]["attempts"] = json!({ "max": 2, "wait_minutes": 10 });
    let r = publish_get_help(&api, &v2).await;
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

#[tokio::test]
async fn an_attempt_refused_in_a_sync_leaves_no_trace_and_the_next_one_takes_its_number() {
    let (api, token) = assigned_with(json!({})).await;
    let base = format!("/api/v1/train/{token}/modules/get-help");
    let device = on_device(&api, &token).await;
    let lesson = device.module.lessons[0].id.clone();
    let view = json!({ "id": "fact-shared-0001", "version": 1, "lesson": lesson,
                       "at": "2027-01-12T09:00:00Z" });
    let r = trainee_post(&api, &format!("{base}/sync"), json!({ "views": [view] })).await;
    assert_eq!(r.body["stored"], 1, "{:?}", r.body);
    let plan = trainee_post(&api, &format!("{base}/attempts"), json!({})).await;
    assert_eq!(plan.body["number"], 1, "{:?}", plan.body);
    let attempt = |id: &str, right: bool| {
        json!({ "id": id, "number": 1, "version": 1,
                "answers": answers(&device.module, &plan.body, right),
                "started_at": "2027-01-12T09:30:00Z" })
    };
    // A pass under the view's id is refused; the next attempt is the first.
    let r = trainee_post(
        &api,
        &format!("{base}/sync"),
        json!({ "attempts": [attempt("fact-shared-0001", true), attempt("attempt-next-0001", false)] }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let refused: Vec<&str> = r.body["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(refused, ["fact-shared-0001"], "{:?}", r.body);
    assert_eq!(r.body["stored"], 1);
    assert_eq!(
        r.body["status"]["passed_at"],
        Value::Null,
        "the refused pass does not count"
    );
    assert_eq!(r.body["status"]["attempts_used"], 1);
    let attempts = r.body["progress"]["attempts"].as_object().unwrap();
    assert_eq!(
        attempts.keys().collect::<Vec<_>>(),
        ["attempt-next-0001"],
        "{attempts:?}"
    );
    assert_eq!(attempts["attempt-next-0001"]["number"], 1);
    let stored = on_device(&api, &token).await;
    assert_eq!(
        serde_json::to_value(&stored.progress).unwrap(),
        r.body["progress"],
        "what the sync returned is what was stored"
    );
}

#[tokio::test]
async fn a_view_and_an_attempt_claimed_before_their_version_was_published_date_from_it() {
    let (api, token) = assigned_with(json!({})).await;
    let assigned_at = api.clock.now();
    let mut v1 = get_help_first();
    v1["quiz"]["attempts"] = json!({});
    let v2 = next_version(&v1, 2, true);
    // Version 2 comes out two days after the assignment.
    api.clock
        .advance(std::time::Duration::from_secs(2 * 86_400));
    let r = publish_get_help(&api, &v2).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let list = viewer_get(&api, MODULES).await;
    let published: DateTime<Utc> =
        serde_json::from_value(list.body[0]["versions"][1]["published_at"].clone()).unwrap();
    api.clock.advance(std::time::Duration::from_secs(3_600));

    // The device claims work on version 2 an hour after the assignment: before it existed.
    let claimed = assigned_at + Duration::hours(1);
    let base = format!("/api/v1/train/{token}/modules/get-help");
    let lesson = templates::builtin("get-help").unwrap().lessons[1]
        .id
        .clone();
    let view = json!({ "id": "early-view-0001", "version": 2, "lesson": lesson, "at": claimed });
    let plan = trainee_post(&api, &format!("{base}/attempts"), json!({})).await;
    assert_eq!(plan.body["version"], 2, "{:?}", plan.body);
    let device = on_device(&api, &token).await;
    let attempt = json!({ "id": "early-attempt-0001", "number": plan.body["number"],
                          "version": 2, "answers": answers(&device.module, &plan.body, true),
                          "started_at": claimed, "submitted_at": claimed + Duration::minutes(4) });
    let r = trainee_post(
        &api,
        &format!("{base}/sync"),
        json!({ "views": [view], "attempts": [attempt] }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["refused"], json!([]), "{:?}", r.body);
    let time = |v: &Value| serde_json::from_value::<DateTime<Utc>>(v.clone()).unwrap();
    let progress = &r.body["progress"];
    assert_eq!(time(&progress["views"]["2"][&lesson]), published);
    let a = &progress["attempts"]["early-attempt-0001"];
    assert_eq!(time(&a["submitted_at"]), published);
    assert_eq!(time(&a["started_at"]), published);
    assert_eq!(time(&r.body["status"]["passed_at"]), published);
}
