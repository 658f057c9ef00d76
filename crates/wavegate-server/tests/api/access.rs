//! Every planner-area route, from the table the router is built from, with every kind of
//! caller: nobody, a respondent's invitation token, a viewer, a planner, and a cookie session
//! with a wrong CSRF token.

use super::support::{Auth, PLANNER, VIEWER, demo_roster, upload};
use super::{Api, Reply, assert_error, demo_api};
use axum::http::StatusCode;
use serde_json::json;
use wavegate_server::PLANNER_ROUTES;

const PROGRAM_TOML: &str = "name = \"Access test\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n[[wave]]\nid = \"wave-1\"\nstart = 2027-02-08\nend = 2027-02-26\n[[wave]]\nid = \"wave-2\"\nstart = 2027-03-08\nend = 2027-03-26\n";

/// A request that succeeds for a planner, per route. A route missing here fails the test, so a
/// new endpoint cannot be added without being checked.
fn valid_request(method: &str, pattern: &str) -> (String, Option<&'static str>, Vec<u8>) {
    let path = pattern
        .replace("{program}", "demo")
        .replace("{survey}", "pilot-feedback")
        .replace("{kind}", "roster")
        .replace("{module}", "get-help");
    let (ct, body): (Option<&'static str>, Vec<u8>) = match (method, pattern) {
        ("GET", _) => (None, Vec::new()),
        ("POST", "/api/v1/programs") | ("PUT", "/api/v1/programs/{program}") => {
            let toml = if method == "PUT" {
                PROGRAM_TOML.replace("Access test", "Intune-uitrol 2027 (demo)")
            } else {
                PROGRAM_TOML.to_string()
            };
            (Some("application/toml"), toml.into_bytes())
        }
        ("PUT", "/api/v1/programs/{program}/support") => (
            Some("application/json"),
            json!({ "faq_url": "https://intranet.example.org/faq" })
                .to_string()
                .into_bytes(),
        ),
        ("PUT", "/api/v1/programs/{program}/files/{kind}") => {
            (Some("text/csv"), demo_roster().into_bytes())
        }
        ("POST", "/api/v1/programs/{program}/surveys") => (
            Some("application/json"),
            json!({ "template": "nps" }).to_string().into_bytes(),
        ),
        ("POST", "/api/v1/programs/{program}/surveys/{survey}/invitations") => (
            Some("application/json"),
            json!({ "invitations": [{ "person_id": "p013" }] })
                .to_string()
                .into_bytes(),
        ),
        ("POST", "/api/v1/programs/{program}/surveys/{survey}/invitations/from-roster") => (
            Some("application/json"),
            json!({ "wave": "wave-1" }).to_string().into_bytes(),
        ),
        ("POST", "/api/v1/programs/{program}/surveys/{survey}/invitations/revoke") => (
            Some("application/json"),
            json!({ "wave": "wave-2" }).to_string().into_bytes(),
        ),
        ("POST", "/api/v1/programs/{program}/surveys/{survey}/reminders") => (None, Vec::new()),
        ("POST", "/api/v1/programs/{program}/evaluations") => (None, Vec::new()),
        ("POST", "/api/v1/programs/{program}/modules")
        | ("POST", "/api/v1/programs/{program}/modules/{module}/versions") => (
            Some("application/json"),
            json!({ "builtin": "get-help" }).to_string().into_bytes(),
        ),
        ("POST", "/api/v1/programs/{program}/modules/{module}/assignments") => (
            Some("application/json"),
            json!({ "wave": "pilot" }).to_string().into_bytes(),
        ),
        ("POST", "/api/v1/programs/{program}/training/revoke") => (
            Some("application/json"),
            json!({ "wave": "wave-2" }).to_string().into_bytes(),
        ),
        ("POST", "/api/v1/programs/{program}/lessons") => (
            Some("application/json"),
            json!({ "wave": "pilot", "kind": "went_well", "text": "Early helpdesk briefing." })
                .to_string()
                .into_bytes(),
        ),
        ("DELETE", "/api/v1/programs/{program}/lessons/{lesson}") => (None, Vec::new()),
        ("POST", "/api/v1/programs/{program}/communications")
        | ("PUT", "/api/v1/programs/{program}/communications/{message}") => (
            Some("application/json"),
            json!({ "wave": "wave-1", "segment": { "platform": "iOS" }, "channel": "email",
                    "owner": "Communicatie", "purpose": "enroll", "planned_on": "2027-02-01",
                    "subject": "Schrijf je toestel in" })
            .to_string()
            .into_bytes(),
        ),
        ("DELETE", "/api/v1/programs/{program}/communications/{message}") => (None, Vec::new()),
        other => panic!("no test request for {other:?}: add one to access.rs"),
    };
    (path, ct, body)
}

async fn call(api: &Api, method: &str, pattern: &str, auth: Auth<'_>) -> Reply {
    let (path, ct, body) = valid_request(method, pattern);
    // The latest stored evaluation: a planner's POST before may have replaced the earlier one.
    let path = if path.contains("{evaluation}") {
        let listed = api
            .call(
                "GET",
                "/api/v1/programs/demo/evaluations",
                Auth::Planner,
                None,
                Vec::new(),
            )
            .await;
        let id = listed.body[0]["id"].as_u64().expect("a stored evaluation");
        path.replace("{evaluation}", &id.to_string())
    } else if path.contains("{lesson}") {
        // A lesson of its own per call: a planner's DELETE before removed the previous one.
        let (lessons, ..) = valid_request("POST", "/api/v1/programs/{program}/lessons");
        let (_, ct, body) = valid_request("POST", "/api/v1/programs/{program}/lessons");
        let added = api.call("POST", &lessons, Auth::Planner, ct, body).await;
        let id = added.body["id"].as_u64().expect("a stored lesson");
        path.replace("{lesson}", &id.to_string())
    } else if path.contains("{message}") {
        // A message of its own per call: a planner's DELETE before removed the previous one.
        let plan = "/api/v1/programs/{program}/communications";
        let (messages, ct, body) = valid_request("POST", plan);
        let added = api.call("POST", &messages, Auth::Planner, ct, body).await;
        let id = added.body["id"].as_u64().expect("a stored message");
        path.replace("{message}", &id.to_string())
    } else {
        path
    };
    api.call(method, &path, auth, ct, body).await
}

#[tokio::test]
async fn every_planner_route_admits_exactly_the_callers_it_should() {
    let api = demo_api().await;
    let invitation = api.invitation("respondent").await;
    // GET …/files/roster needs a roster, and from-roster too.
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    // GET …/evaluations/{evaluation} needs a stored evaluation.
    let stored = api
        .call(
            "POST",
            "/api/v1/programs/demo/evaluations",
            Auth::Planner,
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(stored.status, StatusCode::CREATED, "{:?}", stored.body);
    let planner = api.sign_in(PLANNER).await;
    let viewer = api.sign_in(VIEWER).await;
    for (method, pattern) in PLANNER_ROUTES {
        let what = format!("{method} {pattern}");
        let unsafe_method = *method != "GET";

        let r = call(&api, method, pattern, Auth::None).await;
        assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");

        let r = call(&api, method, pattern, Auth::Bearer(&invitation)).await;
        assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");

        // A viewer, by API token or by cookie session, reads but changes nothing; a file of
        // working links would let a viewer answer or train as its people.
        for (how, auth) in [("token", Auth::Viewer), ("session", Auth::Session(&viewer))] {
            let r = call(&api, method, pattern, auth).await;
            if unsafe_method || pattern.ends_with("/links.csv") {
                assert_eq!(
                    r.status,
                    StatusCode::FORBIDDEN,
                    "{what} as viewer ({how}): {:?}",
                    r.body
                );
                assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
            } else {
                assert!(
                    r.status.is_success(),
                    "{what} as viewer ({how}): {} {:?}",
                    r.status,
                    r.body
                );
            }
        }

        let r = call(
            &api,
            method,
            pattern,
            Auth::SessionCsrf(&planner, Some("wrong")),
        )
        .await;
        if unsafe_method {
            assert_error(&r, StatusCode::FORBIDDEN, "csrf_mismatch");
            let r = call(&api, method, pattern, Auth::SessionCsrf(&planner, None)).await;
            assert_error(&r, StatusCode::FORBIDDEN, "csrf_mismatch");
        } else {
            assert!(
                r.status.is_success(),
                "{what}: reads need no CSRF token: {:?}",
                r.body
            );
        }

        let r = call(&api, method, pattern, Auth::Planner).await;
        assert!(
            r.status.is_success(),
            "{what} as planner: {} {:?}",
            r.status,
            r.body
        );
        let r = call(&api, method, pattern, Auth::Session(&planner)).await;
        assert!(
            r.status.is_success(),
            "{what} in a planner session: {} {:?}",
            r.status,
            r.body
        );
    }
}

#[tokio::test]
async fn a_revoked_token_and_a_malformed_authorization_are_refused() {
    let api = demo_api().await;
    assert!(
        api.store
            .revoke_token("test-viewer", "2027-01-11T09:00:00Z")
            .await
            .unwrap()
    );
    let r = api
        .call("GET", "/api/v1/programs", Auth::Viewer, None, Vec::new())
        .await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    for bad in ["Basic abc", "Bearer", "Bearer wgt_short"] {
        let r = api
            .send(
                axum::http::Request::get("/api/v1/programs")
                    .header("Authorization", bad)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    }
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let api = demo_api().await;
    for scheme in ["Bearer", "bearer", "BEARER"] {
        let r = api
            .send(
                axum::http::Request::get("/api/v1/programs")
                    .header("Authorization", format!("{scheme} {}", api.planner_token))
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{scheme}: {:?}", r.body);
    }
}

#[tokio::test]
async fn a_viewer_sees_who_was_invited_and_who_answered_but_never_a_working_link() {
    let api = demo_api().await;
    let viewer = |path: String| {
        let api = &api;
        async move { api.call("GET", &path, Auth::Viewer, None, Vec::new()).await }
    };
    let invitations = "/api/v1/programs/demo/surveys/pilot-feedback/invitations";
    let listed = viewer(invitations.to_string()).await;
    assert_eq!(listed.status, StatusCode::OK, "{:?}", listed.body);
    let links = listed.body.as_array().unwrap();
    assert!(!links.is_empty());
    assert!(links.iter().all(|l| l["token"] == "" && l["url"] == ""));
    assert!(links.iter().any(|l| l["person_id"].is_string()));
    assert!(links.iter().any(|l| l["submitted_at"].is_string()));
    for csv in [
        format!("{invitations}?format=csv"),
        "/api/v1/programs/demo/surveys/pilot-feedback/reminders?format=csv".to_string(),
    ] {
        assert_error(&viewer(csv).await, StatusCode::FORBIDDEN, "forbidden");
    }
    // The reminders' counts stay readable.
    let counts = viewer("/api/v1/programs/demo/surveys/pilot-feedback/reminders".into()).await;
    assert_eq!(counts.status, StatusCode::OK, "{:?}", counts.body);
    // A planner's list has the links.
    let planner = api.get(invitations, true).await;
    assert!(
        planner
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["token"] != "")
    );
}
