//! The server and the command line read the same data and say the same: a program imported
//! through the API, with responses collected by the server, evaluated by the readiness endpoint,
//! exported with `wavegate export-program`, scored with `wavegate score`: the same JSON, byte
//! for byte. The API's `export.zip` holds the same files as the exported directory.

#![allow(clippy::unwrap_used)]

mod cli_support;

use cli_support::wavegate;
mod serve_support;

use serde_json::{Value, json};
use serve_support::{Server, planner_token, serve_command};
use std::io::Read;
use std::path::Path;
use std::process::Output;

const AT: &str = "2027-03-01";

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A JSON request with the planner's token; the status and body.
fn call(server: &Server, token: &str, method: &str, path: &str, body: Value) -> (u16, Value) {
    server.request(method, path, Some(&body.to_string()), Some(token))
}

/// Answers a survey through an invitation link the way the app does, with the core's sampler.
fn answer(server: &Server, link: &Value, id: &str, seed: u64) {
    let token = link["token"].as_str().unwrap();
    let (status, view) = server.request("GET", &format!("/api/v1/respond/{token}"), None, None);
    assert_eq!(status, 200, "{view}");
    let survey: wavegate_core::survey::Survey =
        serde_json::from_value(view["survey"].clone()).unwrap();
    let attributes: wavegate_core::survey::Attributes =
        serde_json::from_value(view["attributes"].clone()).unwrap();
    let response = wavegate_core::survey::sample::complete_response(&survey, &attributes, id, seed);
    let body = serde_json::to_string(&response).unwrap();
    let (status, ack) = server.request(
        "POST",
        &format!("/api/v1/respond/{token}"),
        Some(&body),
        None,
    );
    assert_eq!(status, 201, "{ack}");
}

/// Stores `report` (the readiness endpoint's bytes) as the program's evaluation of its date, as
/// `POST …/evaluations` does on that day.
fn store_evaluation(db: &Path, program_id: &str, report: &[u8]) {
    let parsed: Value = serde_json::from_slice(report).unwrap();
    let decision = &parsed["decision"];
    let figure = |key: &str| {
        decision["readiness"][key]
            .as_u64()
            .map(|v| u32::try_from(v).unwrap())
    };
    let new = wavegate_server::store::NewEvaluation {
        fields: wavegate_server::store::EvaluationFields {
            program_id: program_id.to_string(),
            at: parsed["evaluated_at"].as_str().unwrap().to_string(),
            lang: parsed["lang"].as_str().unwrap().to_string(),
            created_at: "2027-02-20T09:00:00Z".to_string(),
            created_by: "token:tests".to_string(),
            next_wave: parsed["next_wave"].as_str().map(String::from),
            decision: decision["kind"].as_str().map(String::from),
            readiness_estimate: figure("estimate"),
            readiness_conservative: figure("conservative"),
            everything_passes: decision["everything_passes"].as_bool().unwrap_or(false),
            inputs_json: "[]".to_string(),
        },
        segments_json: serde_json::to_string(
            &wavegate_core::api::SegmentReadiness::from_report_json(
                std::str::from_utf8(report).unwrap(),
            )
            .unwrap(),
        )
        .unwrap(),
        report_json: String::from_utf8(report.to_vec()).unwrap(),
    };
    let store = wavegate_server::Store::open(db).unwrap();
    let stored = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(store.store_evaluation(new))
        .unwrap();
    assert!(stored.is_some(), "the program exists");
}

#[test]
fn score_on_the_exported_directory_prints_the_bytes_the_readiness_endpoint_sends() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&wavegate(&[
        "demo-data",
        "--out",
        path_str(&data),
        "--people",
        "400",
        "--seed",
        "5",
        "--at",
        AT,
    ]));
    let db = dir.path().join("w.sqlite");
    let server = Server::start(serve_command(&db, dir.path()));
    let token = planner_token(&db);

    // The program and every file, as a planner's script imports them.
    let toml = std::fs::read(data.join("program.toml")).unwrap();
    let (status, _, body) = server.request_raw(
        "POST",
        "/api/v1/programs",
        "application/toml",
        &toml,
        &token,
    );
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let created: Value = serde_json::from_slice(&body).unwrap();
    let program = format!("/api/v1/programs/{}", created["id"].as_str().unwrap());
    for (kind, file) in [
        ("roster", "roster.csv"),
        ("devices", "devices.csv"),
        ("enrollment_failures", "enrollment_failures.csv"),
        ("tickets", "tickets.csv"),
        ("responses", "responses.csv"),
        ("training", "training.csv"),
    ] {
        let bytes = std::fs::read(data.join(file)).unwrap();
        let (status, _, body) = server.request_raw(
            "PUT",
            &format!("{program}/files/{kind}"),
            "text/csv",
            &bytes,
            &token,
        );
        assert_eq!(status, 200, "{kind}: {}", String::from_utf8_lossy(&body));
    }

    // Responses the server collects itself: two personal ones, one of them under the id of an
    // imported response of another person and survey (both stay), and anonymous ones carrying
    // their segment.
    let (status, r) = call(
        &server,
        &token,
        "POST",
        &format!("{program}/surveys"),
        json!({ "template": "pilot-feedback" }),
    );
    // 200: the demo published the same version before (versions are shared by programs).
    assert!(status == 200 || status == 201, "{r}");
    let (status, links) = call(
        &server,
        &token,
        "POST",
        &format!("{program}/surveys/pilot-feedback/invitations"),
        json!({ "invitations": [
            { "person_id": "E000001", "attributes": { "wave": "pilot", "platform": "Windows" } },
            { "person_id": "E000002", "attributes": { "wave": "pilot", "platform": "iOS" } }
        ] }),
    );
    assert_eq!(status, 201, "{links}");
    answer(&server, &links[0], "R00000001", 1);
    answer(&server, &links[1], "collected-0002", 2);
    let (status, r) = call(
        &server,
        &token,
        "POST",
        &format!("{program}/surveys"),
        json!({ "template": "om-pulse", "anonymous": true }),
    );
    assert!(status == 200 || status == 201, "{r}");
    let (status, links) = call(
        &server,
        &token,
        "POST",
        &format!("{program}/surveys/om-pulse/invitations"),
        json!({ "invitations": [
            { "attributes": { "wave": "wave-1", "department": "Operations" } }
        ] }),
    );
    assert_eq!(status, 201, "{links}");
    for i in 0..6 {
        answer(&server, &links[0], &format!("pulse-000{i}"), 10 + i);
    }

    // An evaluation stored a week earlier is history the engine reads. The server stores an
    // evaluation on its own day only, so it is written as the server wrote it that day.
    let (status, _, week_earlier) = server.request_raw(
        "GET",
        &format!("{program}/readiness?at=2027-02-20&lang=nl"),
        "application/json",
        b"",
        &token,
    );
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&week_earlier));
    store_evaluation(&db, created["id"].as_str().unwrap(), &week_earlier);
    let (status, listed) = call(
        &server,
        &token,
        "GET",
        &format!("{program}/evaluations"),
        Value::Null,
    );
    assert_eq!(status, 200, "{listed}");
    assert_eq!(listed[0]["at"], "2027-02-20", "{listed}");
    let (status, headers, served) = server.request_raw(
        "GET",
        &format!("{program}/readiness?at={AT}&lang=nl"),
        "application/json",
        b"",
        &token,
    );
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&served));
    let report: Value = serde_json::from_slice(&served).unwrap();
    let imported: std::collections::BTreeSet<String> =
        std::fs::read_to_string(data.join("responses.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect();
    assert!(imported.contains("R00000001"));
    assert_eq!(
        report["data"]["responses"].as_u64(),
        Some(imported.len() as u64 + 2 + 6),
        "the imported, two new personal and six anonymous; R00000001 twice"
    );

    let out = dir.path().join("export");
    let exported = wavegate(&[
        "export-program",
        "--db",
        path_str(&db),
        "--program",
        created["id"].as_str().unwrap(),
        "--out",
        path_str(&out),
    ]);
    ok(&exported);
    let scored = wavegate(&[
        "score",
        "--data",
        path_str(&out),
        "--at",
        AT,
        "--lang",
        "nl",
        "--format",
        "json",
        "--history",
        path_str(&out.join("history")),
    ]);
    ok(&scored);
    assert!(
        scored.stdout == served,
        "wavegate score and the readiness endpoint differ:\n{}\n---\n{}",
        String::from_utf8_lossy(&scored.stdout),
        String::from_utf8_lossy(&served)
    );

    // The hashes the endpoint names are those of the exported files.
    let inputs = headers
        .iter()
        .find(|(k, _)| k == "wavegate-inputs")
        .map(|(_, v)| v.clone())
        .unwrap();
    for pair in inputs.split(", ") {
        let (file, sha) = pair.split_once('=').unwrap();
        let listed = String::from_utf8_lossy(&exported.stdout).into_owned();
        assert!(
            listed
                .lines()
                .any(|l| l.starts_with(file) && l.ends_with(sha)),
            "{file} {sha} not in {listed}"
        );
    }
    // The collected response is no copy of the imported one of the same id (another person,
    // another survey): the imported one stays, under its id with `.import`, and every collected
    // and imported response is in.
    let responses = std::fs::read_to_string(out.join("responses.csv")).unwrap();
    assert!(
        responses
            .lines()
            .filter(|l| l.starts_with("R00000001,"))
            .all(|l| l.contains(",pilot-feedback,")),
        "R00000001 is the collected response"
    );
    assert!(
        responses
            .lines()
            .any(|l| l.starts_with("R00000001.import,readiness-pulse,")),
        "the imported R00000001 stays"
    );
    assert!(responses.contains("\r\npulse-0005,om-pulse,"));

    // export.zip holds the same files, in the same order as the directory listing says.
    let (status, _, zip) = server.request_raw(
        "GET",
        &format!("{program}/export.zip"),
        "application/json",
        b"",
        &token,
    );
    assert_eq!(status, 200);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes, std::fs::read(out.join(&name)).unwrap(), "{name}");
        names.push(name);
    }
    assert_eq!(
        names,
        vec![
            "program.toml",
            "roster.csv",
            "devices.csv",
            "enrollment_failures.csv",
            "tickets.csv",
            "responses.csv",
            "training.csv",
            "invitations.csv",
            "history/2027-02-20.json"
        ]
    );
    // A second export into the same, now full, directory is refused rather than mixed.
    let again = wavegate(&[
        "export-program",
        "--db",
        path_str(&db),
        "--program",
        created["id"].as_str().unwrap(),
        "--out",
        path_str(&out),
    ]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("is not empty"));

    // The exported history is the evaluation stored a week earlier, and `score --history` on
    // the export reads it: garbled, the same run is refused, naming the file.
    let stored = out.join("history").join("2027-02-20.json");
    assert_eq!(
        serde_json::from_slice::<Value>(&std::fs::read(&stored).unwrap()).unwrap(),
        serde_json::from_slice::<Value>(&week_earlier).unwrap()
    );
    std::fs::write(&stored, "{").unwrap();
    let garbled = wavegate(&[
        "score",
        "--data",
        path_str(&out),
        "--at",
        AT,
        "--format",
        "json",
        "--history",
        path_str(&out.join("history")),
    ]);
    assert!(!garbled.status.success());
    let err = String::from_utf8_lossy(&garbled.stderr);
    assert!(
        err.contains("2027-02-20.json is not a report of wavegate score"),
        "{err}"
    );
    server.kill_9();
}
