//! The lessons-learned log through the API: planners record, list and delete lessons per wave;
//! viewers read; what breaks a rule is refused at its field in the request's language.

use super::support::{Auth, PLANNER};
use super::{Api, Reply, assert_error, demo_api};
use axum::http::StatusCode;
use serde_json::{Value, json};

const LESSONS: &str = "/api/v1/programs/demo/lessons";

async fn add(api: &Api, path: &str, body: Value, auth: Auth<'_>) -> Reply {
    api.call(
        "POST",
        path,
        auth,
        Some("application/json"),
        body.to_string(),
    )
    .await
}

async fn listed(api: &Api, auth: Auth<'_>) -> Vec<Value> {
    let r = api.call("GET", LESSONS, auth, None, Vec::new()).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_planner_records_lists_and_deletes_lessons_and_a_viewer_reads_them() {
    let api = demo_api().await;
    assert!(listed(&api, Auth::Viewer).await.is_empty());
    let pilot = add(
        &api,
        LESSONS,
        json!({ "wave": "pilot", "kind": "to_improve",
                "text": "  Brief the helpdesk a week earlier.\r\nThe first day brought 40 tickets.  " }),
        Auth::Planner,
    )
    .await;
    assert_eq!(pilot.status, StatusCode::CREATED, "{:?}", pilot.body);
    assert_eq!(
        pilot.body["text"],
        "Brief the helpdesk a week earlier.\nThe first day brought 40 tickets."
    );
    assert_eq!(pilot.body["wave"], "pilot");
    assert_eq!(pilot.body["kind"], "to_improve");
    assert_eq!(pilot.body["author"], "token:test-planner");
    assert!(
        chrono::DateTime::parse_from_rfc3339(pilot.body["created_at"].as_str().unwrap()).is_ok()
    );
    let planner = api.sign_in(PLANNER).await;
    let whole = add(
        &api,
        LESSONS,
        json!({ "kind": "went_well", "text": "Dutch and English invitations worked." }),
        Auth::Session(&planner),
    )
    .await;
    assert_eq!(whole.status, StatusCode::CREATED, "{:?}", whole.body);
    assert_eq!(whole.body["wave"], Value::Null);
    assert_eq!(
        whole.body["author"], PLANNER,
        "the signed-in planner's e-mail"
    );

    let seen = listed(&api, Auth::Viewer).await;
    assert_eq!(
        seen,
        [whole.body.clone(), pilot.body.clone()],
        "newest first"
    );

    let id = pilot.body["id"].as_u64().unwrap();
    let one = format!("{LESSONS}/{id}");
    let r = api
        .call("DELETE", &one, Auth::Viewer, None, Vec::new())
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    let r = api
        .call(
            "DELETE",
            &one,
            Auth::SessionCsrf(&planner, Some("wrong")),
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, "csrf_mismatch");
    let r = api.call("DELETE", &one, Auth::None, None, Vec::new()).await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    let r = api
        .call("DELETE", &one, Auth::Planner, None, Vec::new())
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    assert_eq!(listed(&api, Auth::Planner).await, [whole.body]);
    let again = api
        .call("DELETE", &one, Auth::Planner, None, Vec::new())
        .await;
    assert_error(&again, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn viewers_and_strangers_cannot_record_a_lesson() {
    let api = demo_api().await;
    let body = json!({ "kind": "went_well", "text": "x" });
    let r = add(&api, LESSONS, body.clone(), Auth::Viewer).await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    let r = add(&api, LESSONS, body.clone(), Auth::None).await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    let r = api.call("GET", LESSONS, Auth::None, None, Vec::new()).await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    let planner = api.sign_in(PLANNER).await;
    let r = add(&api, LESSONS, body, Auth::SessionCsrf(&planner, None)).await;
    assert_error(&r, StatusCode::FORBIDDEN, "csrf_mismatch");
    assert!(listed(&api, Auth::Planner).await.is_empty());
}

#[tokio::test]
async fn a_lesson_that_breaks_a_rule_is_refused_at_its_field_in_the_requests_language() {
    let api = demo_api().await;
    let cases = [
        (
            json!({ "wave": "wave-9", "kind": "went_well", "text": "x" }),
            "wave",
            "unknown_wave",
        ),
        (
            json!({ "kind": "went_well", "text": " \n " }),
            "text",
            "text_empty",
        ),
        (
            json!({ "kind": "went_well", "text": "x".repeat(2_001) }),
            "text",
            "text_too_long",
        ),
        (
            json!({ "kind": "went_well", "text": "ok\u{1b}[2J" }),
            "text",
            "text_unsafe",
        ),
        (
            json!({ "kind": "went_well", "text": "abc\u{202e}fed" }),
            "text",
            "text_unsafe",
        ),
        (
            json!({ "kind": "went_well", "text": "bell\u{7}" }),
            "text",
            "text_unsafe",
        ),
    ];
    for (body, field, code) in cases {
        let r = add(
            &api,
            &format!("{LESSONS}?lang=nl"),
            body.clone(),
            Auth::Planner,
        )
        .await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_lesson");
        let details = &r.body["error"]["details"];
        assert_eq!(details["field"], field, "{body}");
        assert_eq!(details["code"], code, "{body}");
        let dutch = details["message"].as_str().unwrap();
        let r = add(&api, LESSONS, body.clone(), Auth::Planner).await;
        let english = r.body["error"]["details"]["message"].as_str().unwrap();
        assert_ne!(dutch, english, "{code} speaks both languages");
        assert_eq!(r.body["error"]["message"], english);
    }
    let exactly = add(
        &api,
        LESSONS,
        json!({ "kind": "went_well", "text": "é".repeat(2_000) }),
        Auth::Planner,
    )
    .await;
    assert_eq!(exactly.status, StatusCode::CREATED, "2,000 characters fit");
    for bad in [
        json!({ "kind": "great", "text": "x" }),
        json!({ "kind": "went_well", "text": "x", "author": "someone@else" }),
    ] {
        let r = add(&api, LESSONS, bad, Auth::Planner).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    let huge = json!({ "kind": "went_well", "text": "x".repeat(40_000) });
    let r = add(&api, LESSONS, huge, Auth::Planner).await;
    assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert_eq!(
        listed(&api, Auth::Planner).await.len(),
        1,
        "only the valid one"
    );
}

#[tokio::test]
async fn another_programs_lesson_and_unknown_programs_are_not_found() {
    let api = demo_api().await;
    let other = super::support::other_program(&api, "Other").await;
    let other_lessons = format!("/api/v1/programs/{}/lessons", other);
    let theirs = add(
        &api,
        &other_lessons,
        json!({ "wave": "pilot", "kind": "went_well", "text": "Theirs." }),
        Auth::Planner,
    )
    .await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{:?}", theirs.body);
    let id = theirs.body["id"].as_u64().unwrap();
    let r = api
        .call(
            "DELETE",
            &format!("{LESSONS}/{id}"),
            Auth::Planner,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let still = api
        .call("GET", &other_lessons, Auth::Planner, None, Vec::new())
        .await;
    assert_eq!(still.body.as_array().unwrap().len(), 1, "left alone");
    assert!(
        listed(&api, Auth::Planner).await.is_empty(),
        "not in demo's list"
    );

    let r = api
        .call(
            "GET",
            "/api/v1/programs/nope/lessons",
            Auth::Planner,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = add(
        &api,
        "/api/v1/programs/nope/lessons",
        json!({ "kind": "went_well", "text": "x" }),
        Auth::Planner,
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = api
        .call(
            "DELETE",
            &format!("{LESSONS}/abc"),
            Auth::Planner,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_path");
}

#[tokio::test]
async fn a_program_keeps_at_most_a_thousand_lessons() {
    let api = demo_api().await;
    for i in 0..1_000 {
        let row = wavegate_server::store::NewLessonRow {
            program_id: "demo".into(),
            wave: None,
            kind: "went_well".into(),
            text: format!("lesson {i}"),
            author: PLANNER.into(),
            created_at: "2027-01-11T09:00:00Z".into(),
        };
        api.store.add_lesson(row, |_| true).await.unwrap();
    }
    let r = add(
        &api,
        &format!("{LESSONS}?lang=en"),
        json!({ "kind": "to_improve", "text": "One too many." }),
        Auth::Planner,
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_lesson");
    assert_eq!(r.body["error"]["details"]["code"], "too_many");
    assert_eq!(listed(&api, Auth::Viewer).await.len(), 1_000);
}

#[tokio::test]
async fn a_viewer_downloads_the_log_as_csv_per_wave_in_their_language_formula_safe() {
    let api = demo_api().await;
    for (wave, text) in [
        (json!("wave-1"), "Later wave."),
        (json!("pilot"), "=cmd|' /C calc'!A0"),
        (Value::Null, "Whole program."),
    ] {
        let body = json!({ "wave": wave, "kind": "went_well", "text": text });
        assert_eq!(add(&api, LESSONS, body, Auth::Planner).await.status, 201);
    }
    let r = api
        .call(
            "GET",
            &format!("{LESSONS}.csv?lang=nl&delimiter=semicolon&bom=true"),
            Auth::Viewer,
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.content_type, "text/csv; charset=utf-8");
    let disposition = r.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.contains("demo-lessons.csv"), "{disposition}");
    let text = String::from_utf8(r.bytes).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "golf;soort;les;auteur;vastgelegd_op");
    assert!(lines[1].starts_with("(het programma als geheel);Ging goed;Whole program.;"));
    // Each wave named as people know it, as the lessons page names it.
    assert!(
        lines[2].starts_with("pilot (Pilot IT);Ging goed;'=cmd|"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("wave-1"),
        "the waves in the program's order"
    );
    let r = api
        .call(
            "GET",
            &format!("{LESSONS}.csv?format=xlsx"),
            Auth::Viewer,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_query");
}
