//! Importing program files: a good file's summary, a bad one refused at its line with nothing
//! changed, the atomic replace, the dry-run preview, the listing and the byte-exact download.

use super::support::{Auth, demo_roster, upload};
use super::{Api, Reply, assert_error, demo_api};
use axum::http::{HeaderName, StatusCode, header};

const DEVICES: &str = "Device name,Primary user UPN,OS,Compliance,Enrollment date\r\n\
PC1,p001@example.org,Windows,Compliant,2027-01-12 09:31:20.0000000\r\n\
PH2,P002@EXAMPLE.ORG,iOS,Noncompliant,2027-01-13 10:00:00\r\n\
PH3,stranger@example.org,iOS,Compliant,2027-01-13 10:00:00\r\n\
KIOSK,,Windows,Compliant,2027-01-12 09:31:20\r\n";

#[tokio::test]
async fn a_roster_import_summarises_what_it_found_and_is_stored() {
    let api = demo_api().await;
    let r = upload(&api, "roster", demo_roster(), "?name=Gebruikers%20jan.csv").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let b = &r.body;
    assert_eq!(b["rows"], 32);
    assert_eq!(
        (b["encoding"].as_str(), b["delimiter"].as_str()),
        (Some("utf8_bom"), Some("semicolon"))
    );
    assert_eq!(b["file_name"], "Gebruikers jan.csv");
    assert_eq!(
        b["waves"][0],
        serde_json::json!({ "wave": "pilot", "people": 12 })
    );
    assert_eq!(b["stored"], true);
    assert!(b.get("preview").is_none());
    // The demo program has a wave-2 with nobody in it.
    assert_eq!(
        b["warnings"][0]["en"],
        "Wave `wave-2` has nobody on the roster."
    );
    assert_eq!(
        b["warning_messages"][0],
        "Wave `wave-2` has nobody on the roster."
    );
}

#[tokio::test]
async fn a_device_export_is_matched_to_the_roster_with_warnings_in_the_request_language() {
    let api = demo_api().await;
    upload(&api, "roster", demo_roster(), "").await;
    let r = api
        .call(
            "PUT",
            "/api/v1/programs/demo/files/devices",
            Auth::Planner,
            Some("text/csv; charset=utf-8"),
            DEVICES,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let b = &r.body;
    assert_eq!(
        (b["rows"].as_u64(), b["people_matched"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(
        (b["unmatched_rows"].as_u64(), b["without_user"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(b["header_generation"]["code"], "intune_console");
    let r = upload_with(
        &api,
        "/api/v1/programs/demo/files/devices?dry_run=true",
        (header::ACCEPT_LANGUAGE, "nl-NL,nl;q=0.9,en;q=0.8"),
        DEVICES,
    )
    .await;
    assert_eq!(
        r.body["warning_messages"][1],
        "1 apparaat heeft geen primaire gebruiker."
    );
}

#[tokio::test]
async fn a_preview_parses_without_storing() {
    let api = demo_api().await;
    let r = upload(&api, "roster", demo_roster(), "?dry_run=true").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["stored"], false);
    let p = &r.body["preview"];
    // The standard columns by their keys (the planner labels them); every other column as the
    // file spells its header, which is what the planner recognises.
    assert_eq!(
        p["columns"],
        serde_json::json!([
            "person_id",
            "email",
            "wave",
            "Platform",
            "Department",
            "Language"
        ])
    );
    assert_eq!(p["rows"].as_array().unwrap().len(), 20);
    assert_eq!(p["rows"][0][0], "p001");
    let listed = api.get("/api/v1/programs/demo/files", true).await;
    assert_eq!(listed.body, serde_json::json!([]));
    let r = api.get("/api/v1/programs/demo/files/roster", true).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_bad_file_is_refused_with_its_line_and_what_was_stored_stays() {
    let api = demo_api().await;
    let good = demo_roster();
    assert_eq!(
        upload(&api, "roster", good.clone(), "").await.status,
        StatusCode::OK
    );

    let no_wave = "person_id;platform\r\np1;iOS\r\n";
    let r = upload(&api, "roster", no_wave, "").await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_file");
    let d = &r.body["error"]["details"];
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64()),
        (Some("roster.csv"), Some(1))
    );
    assert!(d["message"].as_str().unwrap().contains("wave"), "{d}");
    // Named as the planner picked it, in the message too.
    let r = upload(&api, "roster", no_wave, "?name=HR-export%20maart.csv").await;
    let d = &r.body["error"]["details"];
    assert_eq!(d["file"].as_str(), Some("HR-export maart.csv"));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("HR-export maart.csv"),
        "{d}"
    );

    // A device export with a broken date on line 9,000.
    let mut devices = String::from("Primary user UPN,Compliance,Enrollment date\n");
    for i in 2..9000 {
        devices.push_str(&format!("u{i}@example.org,Compliant,2027-01-12\n"));
    }
    devices.push_str("u9000@example.org,Compliant,2027-13-45\n");
    assert_eq!(
        upload(&api, "devices", DEVICES, "").await.status,
        StatusCode::OK
    );
    let r = upload(&api, "devices", devices, "").await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_file");
    let d = &r.body["error"]["details"];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(9000), Some(3))
    );

    let roster = api.get("/api/v1/programs/demo/files/roster", true).await;
    assert_eq!(
        roster.bytes,
        good.as_bytes(),
        "the earlier roster is unchanged"
    );
    let devices = api.get("/api/v1/programs/demo/files/devices", true).await;
    assert_eq!(devices.bytes, DEVICES.as_bytes());
    let listed = api.get("/api/v1/programs/demo/files", true).await;
    assert_eq!(
        listed.body.as_array().unwrap().len(),
        2,
        "no import was recorded for the refused files"
    );
}

#[tokio::test]
async fn a_stray_quote_that_would_swallow_people_is_refused_and_the_roster_in_use_stays() {
    let api = demo_api().await;
    let good = demo_roster();
    assert_eq!(
        upload(&api, "roster", good.clone(), "").await.status,
        StatusCode::OK
    );
    // p005's department opens a quote that only p020's line closes: read as CSV, fifteen
    // people would vanish into one cell and the roster would pass with 17 people.
    let broken = good
        .replace(
            "p005;p005@example.org;pilot;iOS;Finance",
            "p005;p005@example.org;pilot;iOS;\"Finance",
        )
        .replace(
            "p020;p020@example.org;wave-1;iOS;HR",
            "p020;p020@example.org;wave-1;iOS;HR\"",
        );
    for query in ["?dry_run=true&lang=nl", ""] {
        let r = upload(&api, "roster", broken.clone(), query).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_file");
        let d = &r.body["error"]["details"];
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(6), Some(5)),
            "{d}"
        );
        let message = d["message"].as_str().unwrap();
        assert!(
            message.contains("regel 6") && message.contains("regel 21")
                || message.contains("line 6") && message.contains("line 21"),
            "{message}"
        );
    }
    let roster = api.get("/api/v1/programs/demo/files/roster", true).await;
    assert_eq!(
        roster.bytes,
        good.as_bytes(),
        "the roster in use is unchanged"
    );
    let listed = api.get("/api/v1/programs/demo/files", true).await;
    assert_eq!(
        listed.body.as_array().unwrap().len(),
        1,
        "no import recorded"
    );
}

#[tokio::test]
async fn a_new_import_replaces_the_old_one_and_every_import_is_listed() {
    let api = demo_api().await;
    let first = demo_roster();
    let second = first.replace("Finance", "Financiën");
    upload(&api, "roster", first, "").await;
    let r = upload_with(
        &api,
        "/api/v1/programs/demo/files/roster",
        (
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"roster februari.csv\"",
        ),
        second.clone(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let listed = api.get("/api/v1/programs/demo/files", true).await;
    let rows = listed.body.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["file_name"].as_str(), rows[0]["current"].as_bool()),
        (Some("roster februari.csv"), Some(true))
    );
    assert_eq!(rows[1]["current"], false);
    assert_eq!(rows[0]["imported_by"], "token:test-planner");
    assert_eq!(rows[0]["rows"], 32);
    assert_eq!(rows[0]["sha256"].as_str().unwrap().len(), 64);

    let file = api.get("/api/v1/programs/demo/files/roster", true).await;
    assert_eq!(
        file.bytes,
        second.as_bytes(),
        "BOM, CRLF and UTF-8 as uploaded"
    );
    assert_eq!(file.content_type, "text/csv");
    assert!(
        file.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("filename=\"roster februari.csv\"")
    );
    let overview = api.get("/api/v1/programs", true).await;
    assert_eq!(overview.body[0]["files"], serde_json::json!(["roster"]));
}

#[tokio::test]
async fn windows_1252_files_are_read_and_kept_as_they_are() {
    let api = demo_api().await;
    let mut bytes = b"person_id;wave;department\r\n".to_vec();
    bytes.extend_from_slice(b"p1;pilot;Financi\xebn\r\np2;wave-1;HR\r\n");
    let r = upload(&api, "roster", bytes.clone(), "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["encoding"], "windows1252");
    assert_eq!(
        api.get("/api/v1/programs/demo/files/roster", true)
            .await
            .bytes,
        bytes
    );
}

#[tokio::test]
async fn a_roster_saved_as_unicode_text_is_read_as_utf16() {
    // Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tab-separated.
    let api = demo_api().await;
    let text = demo_roster()
        .trim_start_matches('\u{FEFF}')
        .replace(';', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let r = upload(&api, "roster", bytes.clone(), "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["rows"], 32);
    assert_eq!(
        (r.body["encoding"].as_str(), r.body["delimiter"].as_str()),
        (Some("utf16_le"), Some("tab"))
    );
    assert_eq!(
        r.body["waves"][0],
        serde_json::json!({ "wave": "pilot", "people": 12 })
    );
    // Kept as uploaded, byte for byte.
    let stored = api.get("/api/v1/programs/demo/files/roster", true).await;
    assert_eq!(stored.bytes, bytes);
}

#[tokio::test]
async fn uploads_need_a_csv_body_a_known_kind_and_a_known_program() {
    let api = demo_api().await;
    let r = api
        .call(
            "PUT",
            "/api/v1/programs/demo/files/roster",
            Auth::Planner,
            Some("application/json"),
            "{}",
        )
        .await;
    assert_error(
        &r,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let r = upload(&api, "program", "x", "").await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_path");
    let r = api
        .call(
            "PUT",
            "/api/v1/programs/nope/files/roster",
            Auth::Planner,
            Some("text/csv"),
            "x",
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = upload_with(
        &api,
        "/api/v1/programs/demo/files/roster",
        (header::CONTENT_LENGTH, &(201u64 * 1024 * 1024).to_string()),
        "x",
    )
    .await;
    assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

/// A planner's CSV upload to `path` with one more header (a language, a file name, a length).
async fn upload_with(
    api: &Api,
    path: &str,
    (name, value): (HeaderName, &str),
    body: impl Into<axum::body::Body>,
) -> Reply {
    api.send(
        axum::http::Request::put(path)
            .header(
                header::AUTHORIZATION,
                format!("Bearer {}", api.planner_token),
            )
            .header(header::CONTENT_TYPE, "text/csv")
            .header(name, value)
            .body(body.into())
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn a_bidi_override_in_an_upload_name_never_reaches_the_download_name() {
    let api = demo_api().await;
    let r = upload(
        &api,
        "roster",
        demo_roster(),
        "?name=x%E2%80%AEcsv.exe%E2%80%8B",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["file_name"], "xcsv.exe");
    let file = api.get("/api/v1/programs/demo/files/roster", true).await;
    assert_eq!(
        file.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"xcsv.exe\"; filename*=UTF-8''xcsv.exe"
    );
}

/// A roster of the demo program with `extra` more people of wave-1: large enough that a
/// download takes many reads.
fn large_roster(extra: usize) -> String {
    let mut csv = demo_roster();
    for i in 0..extra {
        csv.push_str(&format!(
            "q{i:05};q{i:05}@example.org;wave-1;Windows;Sales;en\r\n"
        ));
    }
    csv
}

#[tokio::test]
async fn a_large_file_downloads_byte_for_byte_and_its_guarded_copy_whole() {
    let api = demo_api().await;
    let roster = large_roster(6_000);
    assert!(roster.len() > 4 * 64 * 1024);
    assert_eq!(
        upload(&api, "roster", roster.clone(), "").await.status,
        StatusCode::OK
    );
    let file = api.get("/api/v1/programs/demo/files/roster", true).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.content_type, "text/csv");
    assert!(file.bytes == roster.as_bytes(), "the bytes as uploaded");

    // One department far down the file starts a formula: the whole file comes guarded.
    let formula = roster.replace(
        "q05990@example.org;wave-1;Windows;Sales",
        "q05990@example.org;wave-1;Windows;=HYPERLINK(\"http://evil.example\")",
    );
    assert_ne!(formula, roster);
    let r = upload(&api, "roster", formula.clone(), "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let file = api.get("/api/v1/programs/demo/files/roster", true).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.content_type, "text/csv; charset=utf-8");
    let copy = wavegate_core::tabular::guarded_copy("roster.csv", formula.as_bytes())
        .unwrap()
        .expect("a guarded copy");
    assert!(file.bytes == copy, "the core's guarded copy, whole");
    let text = String::from_utf8(file.bytes).unwrap();
    assert!(text.contains("\"'=HYPERLINK("), "guarded");
    assert!(text.ends_with("q05999@example.org;wave-1;Windows;Sales;en\r\n"));
}

/// The demo's API with at most `slots` large downloads at once, each waiting briefly.
async fn with_download_slots(slots: usize) -> Api {
    let store = wavegate_server::Store::in_memory().unwrap();
    wavegate_server::seed_demo(&store, "http://wavegate.test")
        .await
        .unwrap();
    Api::over_with(store, tempfile::tempdir().unwrap(), |s| {
        s.with_downloads(slots, std::time::Duration::from_millis(200))
    })
    .await
}

#[tokio::test]
async fn downloads_past_their_slots_are_busy_until_one_has_been_sent() {
    use axum::body::Body;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let api = with_download_slots(2).await;
    let roster = large_roster(3_000);
    assert_eq!(
        upload(&api, "roster", roster.clone(), "").await.status,
        StatusCode::OK
    );
    let tickets = "number,opened_at,caller,category,priority,short_description\n\
                   INC001,2027-01-12 09:00,p001@example.org,Intune,3,=1+1\n";
    assert_eq!(
        upload(&api, "tickets", tickets, "").await.status,
        StatusCode::OK
    );
    // An answer whose body nobody reads yet: a client that is slow to take it.
    let started = |path: &'static str| {
        let api = &api;
        async move {
            let req = Auth::Planner
                .apply(axum::http::Request::builder().uri(path), api)
                .body(Body::empty())
                .unwrap();
            api.router.clone().oneshot(req).await.unwrap()
        }
    };
    let roster_file = started("/api/v1/programs/demo/files/roster").await;
    assert_eq!(roster_file.status(), StatusCode::OK);
    let guarded = started("/api/v1/programs/demo/files/tickets").await;
    assert_eq!(guarded.status(), StatusCode::OK);
    for path in [
        "/api/v1/programs/demo/files/roster",
        "/api/v1/programs/demo/export.zip",
    ] {
        let r = api.get(path, true).await;
        assert_error(&r, StatusCode::SERVICE_UNAVAILABLE, "busy");
        assert_eq!(r.headers[header::RETRY_AFTER], "5", "{path}");
    }
    let viewer = api
        .call(
            "GET",
            "/api/v1/programs/demo/files/roster?lang=nl",
            Auth::Viewer,
            None,
            Body::empty(),
        )
        .await;
    assert_error(&viewer, StatusCode::SERVICE_UNAVAILABLE, "busy");

    // The first is read to its end: its slot is free for the next.
    let bytes = roster_file.into_body().collect().await.unwrap().to_bytes();
    assert!(bytes == roster.as_bytes(), "the bytes as uploaded");
    let zip = api.get("/api/v1/programs/demo/export.zip", true).await;
    assert_eq!(zip.status, StatusCode::OK, "{:?}", zip.body);
    assert_eq!(zip.content_type, "application/zip");
    // A client that leaves gives its slot back too.
    drop(guarded);
    let again = started("/api/v1/programs/demo/files/tickets").await;
    let other = started("/api/v1/programs/demo/files/roster").await;
    assert_eq!(
        (again.status(), other.status()),
        (StatusCode::OK, StatusCode::OK)
    );
    let copy = again.into_body().collect().await.unwrap().to_bytes();
    let expected = wavegate_core::tabular::guarded_copy("tickets.csv", tickets.as_bytes())
        .unwrap()
        .unwrap();
    assert!(copy == expected, "{copy:?}");
}
