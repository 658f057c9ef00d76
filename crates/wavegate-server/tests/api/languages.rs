//! Messages a person reads follow the request's language (`?lang=`, else `Accept-Language`),
//! including a file problem's place ("regel 14, kolom 3") inside them, never English inside
//! Dutch.

use super::support::{Auth, demo_roster, upload};
use super::{Api, assert_error, demo_api};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

const DEMO: &str = "/api/v1/programs/demo";

/// The error message of an answer.
fn message(r: &super::Reply) -> &str {
    r.body["error"]["message"].as_str().unwrap()
}

/// Dutch through and through: no English place words inside.
fn dutch(text: &str) {
    assert!(
        !text.contains("line") && !text.contains("column") && !text.contains("expected"),
        "English inside Dutch: {text}"
    );
}

#[tokio::test]
async fn an_invalid_program_is_refused_in_the_requests_language() {
    let api = demo_api().await;
    let toml = "name = \"x\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-02-01\nend = 2027-01-01\n";
    let r = api
        .call(
            "POST",
            "/api/v1/programs?lang=nl",
            Auth::Planner,
            Some("application/toml"),
            toml,
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_program");
    assert!(
        message(&r).starts_with("Het programma is niet geldig: program.toml"),
        "{}",
        message(&r)
    );
    dutch(message(&r));

    let req = Request::post("/api/v1/programs")
        .header(header::CONTENT_TYPE, "application/toml")
        .header(header::ACCEPT_LANGUAGE, "nl-NL,nl;q=0.9,en;q=0.8")
        .header(
            header::AUTHORIZATION,
            format!("Bearer {}", api.planner_token),
        )
        .body(Body::from(toml))
        .unwrap();
    let r = api.send(req).await;
    assert!(
        message(&r).starts_with("Het programma is niet geldig"),
        "{}",
        message(&r)
    );

    let r = api
        .call(
            "POST",
            "/api/v1/programs",
            Auth::Planner,
            Some("application/toml"),
            toml,
        )
        .await;
    assert!(
        message(&r).starts_with("The program is not valid: program.toml"),
        "{}",
        message(&r)
    );
}

/// The demo with its roster, and then a program that lost the roster's wave-1.
async fn roster_that_no_longer_fits() -> Api {
    let api = demo_api().await;
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    let toml = "name = \"Intune-uitrol 2027 (demo)\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n[[wave]]\nid = \"wave-2\"\nstart = 2027-03-08\nend = 2027-03-26\n";
    let r = api
        .call("PUT", DEMO, Auth::Planner, Some("application/toml"), toml)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    api
}

#[tokio::test]
async fn a_stored_roster_that_no_longer_fits_is_told_in_dutch_with_its_place_in_dutch() {
    let api = roster_that_no_longer_fits().await;

    let r = api
        .get(&format!("{DEMO}/readiness?at=2027-02-01&lang=nl"), true)
        .await;
    assert_error(&r, StatusCode::CONFLICT, "inputs_rejected");
    assert!(
        message(&r).contains("roster.csv, regel 14, kolom 3"),
        "{}",
        message(&r)
    );
    dutch(message(&r));

    let r = api
        .call(
            "POST",
            &format!("{DEMO}/surveys/pilot-feedback/invitations/from-roster?lang=nl"),
            Auth::Planner,
            Some("application/json"),
            json!({ "wave": "pilot" }).to_string(),
        )
        .await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    assert!(
        message(&r).starts_with("De opgeslagen personeelslijst past niet meer bij het programma"),
        "{}",
        message(&r)
    );
    dutch(message(&r));

    let devices =
        "Primary user UPN,Compliance,Enrollment date\np001@example.org,Compliant,2027-01-12\n";
    let r = upload(&api, "devices", devices, "?dry_run=true&lang=nl").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let warnings = r.body["warning_messages"].as_array().unwrap();
    let roster_warning = warnings
        .iter()
        .filter_map(|w| w.as_str())
        .find(|w| w.starts_with("De opgeslagen personeelslijst past niet meer"))
        .unwrap_or_else(|| panic!("{warnings:?}"));
    assert!(roster_warning.contains("regel 14"), "{roster_warning}");
    dutch(roster_warning);
}

#[tokio::test]
async fn inviting_or_assigning_without_a_roster_is_told_in_the_requests_language() {
    let api = demo_api().await;
    let r = api
        .call(
            "POST",
            &format!("{DEMO}/surveys/pilot-feedback/invitations/from-roster?lang=nl"),
            Auth::Planner,
            Some("application/json"),
            json!({ "wave": "wave-1" }).to_string(),
        )
        .await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    assert!(
        message(&r).starts_with("Er is nog geen roster.csv"),
        "{}",
        message(&r)
    );
    let r = api
        .call(
            "POST",
            &format!("{DEMO}/surveys/om-pulse/invitations?lang=nl"),
            Auth::Planner,
            Some("application/json"),
            json!({ "invitations": [{ "attributes": { "wave": "pilot" } }] }).to_string(),
        )
        .await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    assert!(
        message(&r).starts_with("Een anonieme link"),
        "{}",
        message(&r)
    );
}
