//! Drafts of personal links on the server (`GET/PUT /api/v1/respond/{token}/draft`): saved from
//! one device, read on another, checked against the survey, bounded, never for anonymous links,
//! and gone once the response is stored; a save with `If-Match` / `If-None-Match: *` never
//! overwrites a save its device has not seen.

use super::{Api, assert_error, demo_api, valid_response};
use crate::support::Auth;
use axum::http::StatusCode;
use serde_json::{Value, json};

const RESPONSE_ID: &str = "0123456789abcdef0123456789abcdef";

async fn put(api: &Api, token: &str, body: impl Into<axum::body::Body>) -> super::Reply {
    api.call(
        "PUT",
        &format!("/api/v1/respond/{token}/draft"),
        Auth::None,
        Some("application/json"),
        body,
    )
    .await
}

/// A save with one precondition header (`If-Match` or `If-None-Match`).
async fn put_if(api: &Api, token: &str, name: &str, value: &str, body: &Value) -> super::Reply {
    let req = axum::http::Request::builder()
        .method("PUT")
        .uri(format!("/api/v1/respond/{token}/draft"))
        .header("content-type", "application/json")
        .header(name, value)
        .body(axum::body::Body::from(body.to_string()))
        .unwrap();
    api.send(req).await
}

async fn get(api: &Api, token: &str) -> super::Reply {
    api.get(&format!("/api/v1/respond/{token}/draft"), false)
        .await
}

/// A draft of the pilot survey on `page` with the first `n` answers of a complete response.
async fn half_draft(api: &Api, token: &str, n: usize, page: usize) -> Value {
    let complete = valid_response(api, token, RESPONSE_ID).await;
    let answers: serde_json::Map<String, Value> = complete["answers"]
        .as_object()
        .unwrap()
        .iter()
        .take(n)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    json!({
        "response_id": RESPONSE_ID,
        "survey_version": complete["survey_version"],
        "page": page,
        "answers": answers,
    })
}

#[tokio::test]
async fn a_draft_saved_on_one_device_is_read_on_another_with_a_rising_revision() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    assert_error(&get(&api, &token).await, StatusCode::NOT_FOUND, "not_found");

    let phone = half_draft(&api, &token, 2, 1).await;
    let saved = put(&api, &token, phone.to_string()).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert_eq!(saved.body["revision"], 1);

    let desktop = get(&api, &token).await;
    assert_eq!(desktop.status, StatusCode::OK, "{:?}", desktop.body);
    assert_eq!(desktop.body["draft"], phone);
    assert_eq!(desktop.body["revision"], 1);
    assert_eq!(desktop.body["saved_at"], saved.body["saved_at"]);

    let more = half_draft(&api, &token, 4, 2).await;
    let again = put(&api, &token, more.to_string()).await;
    assert_eq!(again.body["revision"], 2, "{:?}", again.body);
    assert_eq!(get(&api, &token).await.body["draft"], more);
    // Another person's link sees nothing of it.
    let bob = api.invitation("bob").await;
    assert_error(&get(&api, &bob).await, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_draft_no_response_could_hold_is_refused_and_nothing_is_kept() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    let good = half_draft(&api, &token, 2, 0).await;

    let mut unknown = good.clone();
    unknown["answers"]["email"] = json!({ "text": "alice@example.org" });
    let r = put(&api, &token, unknown.to_string()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_response");
    assert_eq!(r.body["error"]["details"][0]["question"], "email");

    let mut version = good.clone();
    version["survey_version"] = json!(99);
    let r = put(&api, &token, version.to_string()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "unknown_version");

    let mut page = good.clone();
    page["page"] = json!(1000);
    let r = put(&api, &token, page.to_string()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");

    let mut id = good.clone();
    id["response_id"] = json!("x");
    let r = put(&api, &token, id.to_string()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_response_id");

    let huge = json!({ "pad": "x".repeat(80 * 1024) });
    let r = put(&api, &token, huge.to_string()).await;
    assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");

    assert_error(&get(&api, &token).await, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn an_anonymous_link_keeps_its_draft_on_the_device_only() {
    let api = demo_api().await;
    let links = api
        .get("/api/v1/programs/demo/surveys/om-pulse/invitations", true)
        .await;
    assert_eq!(links.status, StatusCode::OK, "{:?}", links.body);
    let anonymous = links
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l.get("person_id").is_none_or(Value::is_null))
        .expect("the demo has an anonymous link");
    let token = anonymous["token"].as_str().unwrap();
    let draft =
        json!({ "response_id": RESPONSE_ID, "survey_version": 1, "page": 0, "answers": {} });
    assert_error(
        &put(&api, token, draft.to_string()).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    );
    assert_error(&get(&api, token).await, StatusCode::FORBIDDEN, "forbidden");
    assert_error(
        &get(&api, "unknown-token-0000000000").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn the_draft_goes_once_the_response_is_stored_and_no_new_one_is_taken() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    let draft = half_draft(&api, &token, 2, 0).await;
    assert_eq!(
        put(&api, &token, draft.to_string()).await.status,
        StatusCode::OK
    );

    let response = valid_response(&api, &token, RESPONSE_ID).await;
    let sent = api
        .post(&format!("/api/v1/respond/{token}"), response, false)
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{:?}", sent.body);
    let stored: u64 = api.store.draft_count().await.unwrap();
    assert_eq!(stored, 0, "the answers are kept once, in the response");

    assert_error(
        &put(&api, &token, draft.to_string()).await,
        StatusCode::CONFLICT,
        "already_submitted",
    );
    assert_error(
        &get(&api, &token).await,
        StatusCode::CONFLICT,
        "already_submitted",
    );
}

/// The stored value of `question` in the pilot survey's long export, for the response `id`.
async fn exported_value(api: &Api, id: &str, question: &str) -> Vec<String> {
    let csv = api
        .get(
            "/api/v1/programs/demo/surveys/pilot-feedback/responses?layout=long",
            true,
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    String::from_utf8(csv.bytes)
        .unwrap()
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|cells| cells[0] == id && cells[6] == question)
        .map(|cells| cells[7].to_string())
        .collect()
}

/// Two devices continue one draft, so both send its response id. The first to send is stored;
/// the other's different answers are no retry: refused (the first answers count), never
/// acknowledged as if they were stored. The first device's own resend still is.
#[tokio::test]
async fn other_answers_under_a_shared_response_id_are_refused_and_the_first_ones_kept() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    let first = valid_response(&api, &token, RESPONSE_ID).await;
    let sent = api
        .post(&format!("/api/v1/respond/{token}"), first.clone(), false)
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{:?}", sent.body);
    let nps = first["answers"]["nps"]["scale"].as_i64().unwrap();
    let mut second = first.clone();
    second["answers"]["nps"] = json!({ "scale": if nps == 3 { 2 } else { 3 } });

    let other = api
        .post(&format!("/api/v1/respond/{token}"), second, false)
        .await;
    assert_error(&other, StatusCode::CONFLICT, "already_submitted");
    assert_eq!(
        exported_value(&api, RESPONSE_ID, "nps").await,
        vec![nps.to_string()],
        "the first answers are the stored ones"
    );

    let mut resend = first;
    resend["language"] = json!("en");
    let again = api
        .post(&format!("/api/v1/respond/{token}"), resend, false)
        .await;
    assert_eq!(
        (again.status, again.body["duplicate"].as_bool()),
        (StatusCode::OK, Some(true)),
        "the same answers again are a retry: {:?}",
        again.body
    );
    assert_eq!(again.body["submitted_at"], sent.body["submitted_at"]);
}

#[tokio::test]
async fn a_save_over_a_revision_its_device_has_not_seen_is_refused_and_changes_nothing() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    let phone = half_draft(&api, &token, 1, 0).await;
    let desktop = half_draft(&api, &token, 4, 2).await;

    // The first save of a device that saw no draft: If-None-Match: *.
    let first = put_if(&api, &token, "If-None-Match", "*", &phone).await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    assert_eq!(first.body["revision"], 1);
    // A second device that also believed there was none is refused.
    let r = put_if(&api, &token, "If-None-Match", "*", &desktop).await;
    assert_error(&r, StatusCode::PRECONDITION_FAILED, "draft_changed");

    // GET tags the draft with its revision.
    let seen = get(&api, &token).await;
    assert_eq!(seen.headers["etag"], "\"1\"");
    // The desktop saves over the revision it read: the next revision.
    let saved = put_if(&api, &token, "If-Match", "\"1\"", &desktop).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert_eq!(saved.body["revision"], 2);
    let now = get(&api, &token).await;
    assert_eq!(now.headers["etag"], "\"2\"");
    assert_eq!(now.body["revision"], 2);

    // The phone, still at revision 1, is refused and the desktop's answers stay.
    let stale = put_if(&api, &token, "If-Match", "\"1\"", &phone).await;
    assert_error(&stale, StatusCode::PRECONDITION_FAILED, "draft_changed");
    // So is a precondition the server cannot read.
    for bad in ["2", "W/\"2\"", "*", "\"two\""] {
        let r = put_if(&api, &token, "If-Match", bad, &phone).await;
        assert_error(&r, StatusCode::PRECONDITION_FAILED, "draft_changed");
    }
    let kept = get(&api, &token).await;
    assert_eq!(
        (kept.body["revision"].clone(), kept.body["draft"].clone()),
        (json!(2), desktop)
    );
    assert_eq!(kept.body["saved_at"], saved.body["saved_at"]);
}

#[tokio::test]
async fn a_save_without_a_precondition_is_stored_as_before() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    let one = half_draft(&api, &token, 1, 0).await;
    let two = half_draft(&api, &token, 2, 1).await;
    assert_eq!(put(&api, &token, one.to_string()).await.body["revision"], 1);
    let r = put(&api, &token, two.to_string()).await;
    assert_eq!(
        (r.status, r.body["revision"].clone()),
        (StatusCode::OK, json!(2))
    );
    assert_eq!(get(&api, &token).await.body["draft"], two);
}

/// A phone that answered offline saves hours later: the draft keeps when the answers were given
/// (another device's edits are set against that), but never a time after the save itself.
#[tokio::test]
async fn a_draft_keeps_when_its_answers_were_given_never_later_than_its_save() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    let mut phone = half_draft(&api, &token, 2, 1).await;
    phone["edited_at"] = json!("2001-02-03T04:05:06.789Z");
    let saved = put(&api, &token, phone.to_string()).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let read = get(&api, &token).await;
    assert_eq!(read.body["edited_at"], "2001-02-03T04:05:06Z");
    assert!(
        read.body["draft"].get("edited_at").is_none(),
        "the time is kept beside the draft, not in it"
    );

    for claimed in [json!("2999-01-01T00:00:00Z"), json!("soon"), json!(null)] {
        phone["edited_at"] = claimed.clone();
        let again = put(&api, &token, phone.to_string()).await;
        assert_eq!(again.status, StatusCode::OK, "{claimed}: {:?}", again.body);
        let read = get(&api, &token).await;
        assert_eq!(read.body["edited_at"], again.body["saved_at"], "{claimed}");
    }
}

/// A revoked or expired link neither reads nor writes the draft: revoking a forwarded link
/// keeps what the person saved from its holder, who could otherwise also plant answers the
/// person's new link would load. Before, both answered 200 while the link itself answered 410.
#[tokio::test]
async fn a_revoked_or_expired_link_neither_reads_nor_writes_the_draft() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    let draft = half_draft(&api, &token, 2, 0).await;
    let planted = half_draft(&api, &token, 4, 1).await;
    assert_eq!(
        put(&api, &token, draft.to_string()).await.status,
        StatusCode::OK
    );
    let revoked = api
        .post(
            "/api/v1/programs/demo/surveys/pilot-feedback/invitations/revoke",
            json!({ "person_ids": ["alice"] }),
            true,
        )
        .await;
    assert_eq!(revoked.body["revoked"], 1, "{:?}", revoked.body);
    assert_error(&get(&api, &token).await, StatusCode::GONE, "link_revoked");
    assert_error(
        &put(&api, &token, planted.to_string()).await,
        StatusCode::GONE,
        "link_revoked",
    );

    let bob = api.invitation("bob").await;
    let draft = half_draft(&api, &bob, 2, 0).await;
    assert_eq!(
        put(&api, &bob, draft.to_string()).await.status,
        StatusCode::OK
    );
    // Far past any last day a demo link has.
    api.clock
        .advance(std::time::Duration::from_secs(3 * 365 * 24 * 3600));
    assert_error(&get(&api, &bob).await, StatusCode::GONE, "link_expired");
    assert_error(
        &put(&api, &bob, draft.to_string()).await,
        StatusCode::GONE,
        "link_expired",
    );
}

/// "Not you?": a `DELETE` with the revision its device saved.
async fn delete_if(api: &Api, token: &str, revision: u64) -> super::Reply {
    let req = axum::http::Request::builder()
        .method("DELETE")
        .uri(format!("/api/v1/respond/{token}/draft"))
        .header("if-match", format!("\"{revision}\""))
        .body(axum::body::Body::empty())
        .unwrap();
    api.send(req).await
}

#[tokio::test]
async fn not_you_takes_back_only_the_draft_its_own_device_saved() {
    let api = demo_api().await;
    let token = api.invitation("alice").await;
    // Someone else opened Alice's link on a shared computer and answered a page.
    let theirs = half_draft(&api, &token, 2, 1).await;
    let saved = put(&api, &token, theirs.to_string()).await;
    assert_eq!(saved.body["revision"], 1);
    // Meanwhile Alice saved from her phone: "not you?" on the computer leaves her draft alone.
    let hers = half_draft(&api, &token, 3, 1).await;
    assert_eq!(
        put_if(&api, &token, "If-Match", "\"1\"", &hers).await.body["revision"],
        2
    );
    let r = delete_if(&api, &token, 1).await;
    assert_error(&r, StatusCode::PRECONDITION_FAILED, "draft_changed");
    assert_eq!(get(&api, &token).await.body["draft"], hers);
    // The revision the device saved itself is taken back: Alice is not greeted with it.
    let again = put_if(&api, &token, "If-Match", "\"2\"", &theirs).await;
    assert_eq!(again.body["revision"], 3);
    assert_eq!(
        delete_if(&api, &token, 3).await.status,
        StatusCode::NO_CONTENT
    );
    assert_error(&get(&api, &token).await, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        delete_if(&api, &token, 3).await.status,
        StatusCode::NO_CONTENT,
        "gone is gone"
    );
}
