//! A response the server acknowledged survives `kill -9` of the server process.
//!
//! Runs the real `wavegate serve` binary on a temporary database, submits a response over HTTP,
//! kills the process with SIGKILL right after the acknowledgement (no graceful shutdown, no
//! checkpoint), starts a new server on the same file and checks the response is there.

#![allow(clippy::unwrap_used)]

mod serve_support;

use serve_support::{Server, planner_token, serve_command};

fn start(db: &std::path::Path, dist: &std::path::Path) -> Server {
    Server::start(serve_command(db, dist))
}

fn responses(server: &Server, token: &str) -> u64 {
    let (status, programs) = server.request("GET", "/api/v1/programs", None, Some(token));
    assert_eq!(status, 200, "{programs}");
    let demo = programs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "demo")
        .unwrap();
    demo["surveys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["survey_id"] == "pilot-feedback")
        .unwrap()["responses"]
        .as_u64()
        .unwrap()
}

#[test]
fn an_acknowledged_response_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wavegate.sqlite");
    let server = start(&db, dir.path());
    let token = planner_token(&db);
    let before = responses(&server, &token);

    let (status, links) = server.request(
        "POST",
        "/api/v1/programs/demo/surveys/pilot-feedback/invitations",
        Some(r#"{"invitations":[{"person_id":"kill-9","attributes":{"platform":"Android","wave":"pilot"}}]}"#),
        Some(&token),
    );
    assert_eq!(status, 201);
    let invitation = links[0]["token"].as_str().unwrap().to_string();
    let (_, view) = server.request("GET", &format!("/api/v1/respond/{invitation}"), None, None);
    let survey: wavegate_core::survey::Survey =
        serde_json::from_value(view["survey"].clone()).unwrap();
    let attributes: wavegate_core::survey::Attributes =
        serde_json::from_value(view["attributes"].clone()).unwrap();
    let response = wavegate_core::survey::sample::complete_response(
        &survey,
        &attributes,
        "0badc0ffee0badc0ffee0badc0ffee00",
        42,
    );
    let body = serde_json::to_string(&response).unwrap();
    let (status, ack) = server.request(
        "POST",
        &format!("/api/v1/respond/{invitation}"),
        Some(&body),
        None,
    );
    assert_eq!(status, 201, "{ack}");
    server.kill_9();

    let server = start(&db, dir.path());
    assert_eq!(
        responses(&server, &token),
        before + 1,
        "the acknowledged response is stored"
    );
    let (_, view) = server.request("GET", &format!("/api/v1/respond/{invitation}"), None, None);
    assert_eq!(view["submitted"]["response_id"], ack["response_id"]);
    // The app resends after a lost acknowledgement: still exactly one response.
    let (status, again) = server.request(
        "POST",
        &format!("/api/v1/respond/{invitation}"),
        Some(&body),
        None,
    );
    assert_eq!(
        (status, &again["duplicate"]),
        (200, &serde_json::Value::Bool(true))
    );
    assert_eq!(responses(&server, &token), before + 1);
    server.kill_9();
}
