//! Protected invitation links: no usable token in the database files, expiry and revocation
//! answered with their own codes and the helpdesk, and response ids scoped to their link.

use super::support::{Auth, database_bytes, demo_roster, put_support, upload};
use super::{Api, PILOT, assert_error, demo_api, valid_response};
use axum::http::StatusCode;
use serde_json::{Value, json};
use wavegate_server::Store;

async fn create(api: &Api, body: Value) -> Vec<Value> {
    let r = api.post(&format!("{PILOT}/invitations"), body, true).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    r.body.as_array().unwrap().clone()
}

async fn revoke(api: &Api, body: Value) -> u64 {
    let r = api
        .post(&format!("{PILOT}/invitations/revoke"), body, true)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body["revoked"].as_u64().unwrap()
}

fn person(id: &str, wave: &str) -> Value {
    json!({ "person_id": id, "language": "nl",
            "attributes": { "platform": "iOS", "department": "Finance", "wave": wave } })
}

#[tokio::test]
async fn the_database_files_hold_no_token_yet_every_link_opens_and_exports_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let store = Store::open(&db).unwrap();
    wavegate_server::seed_demo(&store, "http://wavegate.test")
        .await
        .unwrap();
    let api = Api::over(store, tempfile::tempdir().unwrap()).await;
    let links = create(&api, json!({ "invitations": [person("p-9001", "pilot")] })).await;
    let token = links[0]["token"].as_str().unwrap().to_string();
    assert_eq!(
        api.get(&format!("/api/v1/respond/{token}"), false)
            .await
            .status,
        StatusCode::OK
    );
    let listed = api
        .get(&format!("{PILOT}/invitations?format=csv"), true)
        .await;
    let csv = String::from_utf8(listed.bytes).unwrap();
    assert!(
        csv.contains(&token),
        "the mail merge can be made again: {csv}"
    );
    let every_byte = database_bytes(dir.path());
    let text = String::from_utf8_lossy(&every_byte);
    assert!(!text.contains(&token), "a token is in the database files");
    let secret = dir.path().join("w.db.secret");
    assert!(secret.exists(), "the secret lives beside the database");
}

#[tokio::test]
async fn a_link_opens_through_its_last_day_then_answers_expired_with_the_helpdesk() {
    let api = demo_api().await;
    let support = json!({ "helpdesk": { "nl": "Bel 020-1234567", "en": "Call 020-1234567" } });
    let r = put_support(&api, &support).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let today = api.clock.now().date_naive().format("%Y-%m-%d").to_string();
    let links = create(
        &api,
        json!({ "invitations": [person("p-9002", "pilot")], "expires_on": today }),
    )
    .await;
    assert_eq!(links[0]["expires_on"], today);
    let token = links[0]["token"].as_str().unwrap();
    let response = valid_response(&api, token, "expiry-test-1").await;
    let before = api.responses().await;
    api.clock
        .advance(std::time::Duration::from_secs(2 * 86_400));
    let r = api.get(&format!("/api/v1/respond/{token}"), false).await;
    assert_error(&r, StatusCode::GONE, "link_expired");
    assert!(
        r.body["error"]["details"]["helpdesk"]["nl"] == "Bel 020-1234567",
        "the page can name the helpdesk: {:?}",
        r.body
    );
    let r = api
        .post(&format!("/api/v1/respond/{token}"), response, false)
        .await;
    assert_error(&r, StatusCode::GONE, "link_expired");
    assert_eq!(
        api.responses().await,
        before,
        "nothing stored through an expired link"
    );
}

#[tokio::test]
async fn an_expired_link_names_its_survey_and_nothing_more_while_a_revoked_one_names_none() {
    let api = demo_api().await;
    let today = api.clock.now().date_naive().format("%Y-%m-%d").to_string();
    let links = create(
        &api,
        json!({ "invitations": [person("p-9010", "pilot"), person("p-9011", "pilot")], "expires_on": today }),
    )
    .await;
    let (expiring, revoked) = (
        links[0]["token"].as_str().unwrap(),
        links[1]["token"].as_str().unwrap(),
    );
    let opened = api.get(&format!("/api/v1/respond/{expiring}"), false).await;
    let title = opened.body["survey"]["title"].clone();
    assert!(title["nl"].is_string(), "{:?}", opened.body);
    assert_eq!(revoke(&api, json!({ "tokens": [revoked] })).await, 1);
    api.clock
        .advance(std::time::Duration::from_secs(2 * 86_400));

    let r = api.get(&format!("/api/v1/respond/{expiring}"), false).await;
    assert_error(&r, StatusCode::GONE, "link_expired");
    let details = r.body["error"]["details"].as_object().unwrap();
    assert_eq!(
        details["survey_title"], title,
        "the page can name the survey"
    );
    assert!(
        details
            .keys()
            .all(|k| ["survey_title", "helpdesk", "faq_url"].contains(&k.as_str())),
        "only the title and the helpdesk: {details:?}"
    );

    let r = api.get(&format!("/api/v1/respond/{revoked}"), false).await;
    assert_error(&r, StatusCode::GONE, "link_revoked");
    assert!(
        r.body["error"]["details"].get("survey_title").is_none(),
        "{:?}",
        r.body
    );
}

#[tokio::test]
async fn links_expire_by_default_thirty_days_after_their_wave() {
    let api = demo_api().await;
    let links = create(
        &api,
        json!({ "invitations": [person("p-9003", "pilot"), person("p-9004", "wave-1")] }),
    )
    .await;
    let days: Vec<&str> = links
        .iter()
        .map(|l| l["expires_on"].as_str().unwrap())
        .collect();
    assert_eq!(days, vec!["2027-02-28", "2027-03-28"]);
    assert_eq!(links[1]["wave"], "wave-1");
}

#[tokio::test]
async fn revoked_links_and_waves_answer_revoked_while_other_links_keep_working() {
    let api = demo_api().await;
    let links = create(
        &api,
        json!({ "invitations": [person("a-1", "pilot"), person("a-2", "wave-1"), person("a-3", "wave-1"), person("a-4", "wave-2")] }),
    )
    .await;
    let token = |i: usize| links[i]["token"].as_str().unwrap().to_string();
    let opens = |t: String| {
        let api = &api;
        async move { api.get(&format!("/api/v1/respond/{t}"), false).await }
    };
    assert_eq!(revoke(&api, json!({ "tokens": [token(0)] })).await, 1);
    assert_eq!(
        revoke(&api, json!({ "tokens": [token(0)] })).await,
        0,
        "twice is once"
    );
    assert_error(&opens(token(0)).await, StatusCode::GONE, "link_revoked");
    assert_eq!(revoke(&api, json!({ "wave": "wave-1" })).await, 2);
    assert_error(&opens(token(1)).await, StatusCode::GONE, "link_revoked");
    assert_error(&opens(token(2)).await, StatusCode::GONE, "link_revoked");
    assert_eq!(
        opens(token(3)).await.status,
        StatusCode::OK,
        "wave-2 still opens"
    );
    // Named in another case than the link was made with, as links are made.
    assert_eq!(revoke(&api, json!({ "person_ids": ["A-4"] })).await, 1);
    assert_error(&opens(token(3)).await, StatusCode::GONE, "link_revoked");
    let listed = api.get(&format!("{PILOT}/invitations"), true).await;
    let revoked = listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["revoked_at"].is_string())
        .count();
    assert_eq!(revoked, 4);
    let r = api
        .post(
            &format!("{PILOT}/invitations/revoke"),
            json!({ "wave": "w", "tokens": ["x"] }),
            true,
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    // An empty list still names its field: with a wave it is two, never the wave's revocation;
    // alone it names nobody.
    for body in [
        json!({ "wave": "pilot", "person_ids": [] }),
        json!({ "wave": "pilot", "tokens": [] }),
        json!({ "person_ids": [] }),
    ] {
        let r = api
            .post(&format!("{PILOT}/invitations/revoke"), body.clone(), true)
            .await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    let r = api
        .call(
            "POST",
            &format!("{PILOT}/invitations/revoke"),
            Auth::Viewer,
            Some("application/json"),
            json!({ "wave": "pilot" }).to_string(),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn an_old_link_given_anew_answers_revoked_with_the_helpdesk_and_the_new_one_opens() {
    let api = demo_api().await;
    let support = json!({ "helpdesk": { "nl": "Bel 020-1234567", "en": "Call 020-1234567" } });
    assert_eq!(put_support(&api, &support).await.status, StatusCode::OK);
    let old = create(&api, json!({ "invitations": [person("r-1", "pilot")] })).await;
    let old = old[0]["token"].as_str().unwrap().to_string();
    assert_eq!(revoke(&api, json!({ "person_ids": ["r-1"] })).await, 1);
    let fresh = create(&api, json!({ "invitations": [person("r-1", "pilot")] })).await;
    let fresh = fresh[0]["token"].as_str().unwrap().to_string();
    assert_ne!(fresh, old);
    assert_eq!(
        api.get(&format!("/api/v1/respond/{fresh}"), false)
            .await
            .status,
        StatusCode::OK
    );
    // The person who only has the old mail reads that the link was withdrawn, to use the new
    // one or ask the helpdesk, not that the link is unknown.
    let r = api.get(&format!("/api/v1/respond/{old}"), false).await;
    assert_error(&r, StatusCode::GONE, "link_revoked");
    assert_eq!(
        r.body["error"]["details"]["helpdesk"]["nl"],
        "Bel 020-1234567"
    );
    let r = api
        .post(
            &format!("/api/v1/respond/{old}"),
            valid_response(&api, &fresh, "replaced-1").await,
            false,
        )
        .await;
    assert_error(&r, StatusCode::GONE, "link_revoked");
    // A token that never was a link stays unknown.
    let r = api
        .get(&format!("/api/v1/respond/{}", "z".repeat(32)), false)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_response_id_used_through_one_link_never_blocks_another_persons_link() {
    let api = demo_api().await;
    let links = create(
        &api,
        json!({ "invitations": [person("b-1", "pilot"), person("b-2", "pilot")] }),
    )
    .await;
    for link in &links {
        let token = link["token"].as_str().unwrap();
        let response = valid_response(&api, token, "same-id-0001").await;
        let r = api
            .post(&format!("/api/v1/respond/{token}"), response.clone(), false)
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        let again = api
            .post(&format!("/api/v1/respond/{token}"), response, false)
            .await;
        assert_eq!(
            (again.status, again.body["duplicate"].as_bool()),
            (StatusCode::OK, Some(true))
        );
    }
    // Two people's responses keep two ids wherever they go: in the export, and in readiness,
    // which would otherwise read them as one response given by two people and refuse it.
    let csv = api.get(&format!("{PILOT}/responses"), true).await;
    let text = String::from_utf8(csv.bytes).unwrap();
    let mut ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split(',').next())
        .filter(|id| id.starts_with("same-id-0001"))
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), 2, "{text}");
    assert!(
        ids.iter().all(|id| id.starts_with("same-id-0001.")),
        "{ids:?}"
    );
    let roster = upload(&api, "roster", demo_roster(), "").await;
    assert_eq!(roster.status, StatusCode::OK);
    let r = api
        .get("/api/v1/programs/demo/readiness?at=2027-02-01", true)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

#[tokio::test]
async fn a_person_id_in_another_case_is_the_same_person_with_the_same_link() {
    let api = demo_api().await;
    let first = create(
        &api,
        json!({ "invitations": [person("Case-0001", "pilot")] }),
    )
    .await;
    let again = create(
        &api,
        json!({ "invitations": [person("case-0001", "pilot")] }),
    )
    .await;
    assert_eq!(first[0]["token"], again[0]["token"], "one person, one link");
    let both =
        json!({ "invitations": [person("Case-0002", "pilot"), person("CASE-0002", "pilot")] });
    let r = api.post(&format!("{PILOT}/invitations"), both, true).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
}

#[tokio::test]
async fn a_person_id_or_attribute_with_an_invisible_or_direction_character_is_refused() {
    let api = demo_api().await;
    create(&api, json!({ "invitations": [person("p012", "pilot")] })).await;
    let before = api.invitation_count().await;
    for (id, platform) in [
        ("p012\u{200b}", "iOS"),
        ("p012\u{202c}", "iOS"),
        ("p013", "iOS\u{202e}"),
    ] {
        let mut entry = person(id, "pilot");
        entry["attributes"]["platform"] = json!(platform);
        let body = json!({ "invitations": [person("p020", "pilot"), entry] });
        let r = api
            .post(&format!("{PILOT}/invitations?lang=en"), body, true)
            .await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
        let details = r.body["error"]["details"].as_array().unwrap();
        assert_eq!(details.len(), 1, "{:?}", r.body);
        assert_eq!(details[0]["index"], 1);
        let message = details[0]["message"].as_str().unwrap();
        assert!(
            message.contains("invisible or text-direction character"),
            "{message}"
        );
    }
    assert_eq!(api.invitation_count().await, before, "nothing was created");
}

#[tokio::test]
async fn the_demo_pilots_links_can_be_revoked_by_wave() {
    // The demo's people are all in the pilot: its survey page offers revoking that wave.
    let api = demo_api().await;
    let links = api.get(&format!("{PILOT}/invitations"), true).await;
    let personal: Vec<&Value> = links
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| !l["person_id"].is_null())
        .collect();
    assert!(!personal.is_empty());
    assert!(
        personal.iter().all(|l| l["wave"] == "pilot"),
        "{personal:?}"
    );
    assert_eq!(
        revoke(&api, json!({ "wave": "pilot" })).await,
        personal.len() as u64
    );
}

#[tokio::test]
async fn an_expired_anonymous_link_is_not_given_again_from_the_roster_a_new_one_is_made() {
    let api = demo_api().await;
    upload(&api, "roster", demo_roster(), "").await;
    let ask = |expires_on: String| {
        let api = &api;
        async move {
            api.call(
                "POST",
                "/api/v1/programs/demo/surveys/om-pulse/invitations/from-roster",
                Auth::Planner,
                Some("application/json"),
                json!({ "wave": "wave-1", "segment": { "platform": "iOS" },
                        "kind": "anonymous", "expires_on": expires_on })
                .to_string(),
            )
            .await
        }
    };
    let day = |api: &Api| api.clock.now().date_naive();
    let r = ask(day(&api).to_string()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let old = r.body["links"][0]["token"].as_str().unwrap().to_string();
    let r = ask((day(&api) + chrono::Days::new(5)).to_string()).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "open through its last day: the same link"
    );
    assert_eq!(r.body["links"][0]["token"], old.as_str());

    api.clock
        .advance(std::time::Duration::from_secs(2 * 86_400));
    let r = api.get(&format!("/api/v1/respond/{old}"), false).await;
    assert_error(&r, StatusCode::GONE, "link_expired");
    let last_day = (day(&api) + chrono::Days::new(10)).to_string();
    let r = ask(last_day.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(
        (r.body["created"].as_u64(), r.body["existing"].as_u64()),
        (Some(1), Some(0))
    );
    let link = &r.body["links"][0];
    let new = link["token"].as_str().unwrap();
    assert_ne!(new, old, "{:?}", r.body);
    assert_eq!(link["expires_on"], last_day.as_str(), "the day asked for");
    let opened = api.get(&format!("/api/v1/respond/{new}"), false).await;
    assert_eq!(opened.status, StatusCode::OK, "{:?}", opened.body);
}
