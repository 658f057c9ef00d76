//! Self-study training served: publishing modules and versions, assigning them from the roster,
//! a trainee studying, failing and passing the quiz, offline facts synced once, certificates,
//! re-study after a substantive version only, results per group, and readiness.

use super::support::{Auth, database_bytes, demo_roster, problem_paths, put_support, upload};
use super::{Api, Reply, assert_error, demo_api};
use axum::http::StatusCode;
use serde_json::{Value, json};
use wavegate_core::training::{Module, QuestionKind, QuizAnswer, templates};

pub(super) const MODULES: &str = "/api/v1/programs/demo/modules";

/// Publishes `module` as the next version of the built-in module `get-help`.
pub(super) async fn publish_get_help(api: &Api, module: &Value) -> Reply {
    let path = format!("{MODULES}/get-help/versions");
    planner_post(api, &path, json!({ "module": module })).await
}

pub(super) async fn planner_post(api: &Api, path: &str, body: Value) -> Reply {
    api.call(
        "POST",
        path,
        Auth::Planner,
        Some("application/json"),
        body.to_string(),
    )
    .await
}

pub(super) async fn viewer_get(api: &Api, path: &str) -> Reply {
    api.call("GET", path, Auth::Viewer, None, Vec::new()).await
}

pub(super) async fn trainee_get(api: &Api, path: &str) -> Reply {
    api.call("GET", path, Auth::None, None, Vec::new()).await
}

pub(super) async fn trainee_post(api: &Api, path: &str, body: Value) -> Reply {
    api.call(
        "POST",
        path,
        Auth::None,
        Some("application/json"),
        body.to_string(),
    )
    .await
}

/// Imports the demo roster, publishes `get-help` and assigns it to the pilot wave; returns the
/// assignment's reply.
pub(super) async fn assign_get_help_to_the_pilot(api: &Api) -> Reply {
    assign_to_the_pilot(api, json!({ "builtin": "get-help" })).await
}

/// Imports the demo roster, publishes what `publish` asks for (a version of `get-help`) and
/// assigns `get-help` to the pilot wave; returns the assignment's reply.
pub(super) async fn assign_to_the_pilot(api: &Api, publish: Value) -> Reply {
    assert_eq!(
        upload(api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    let r = planner_post(api, MODULES, publish).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let r = planner_post(
        api,
        &format!("{MODULES}/get-help/assignments"),
        json!({ "wave": "pilot" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    r
}

/// The demo program with its roster, `get-help` published and assigned to the pilot wave;
/// returns person id → training link token.
async fn assigned() -> (Api, Vec<(String, String)>) {
    let api = demo_api().await;
    let r = assign_get_help_to_the_pilot(&api).await;
    assert_eq!(
        (r.body["people"].as_u64(), r.body["created"].as_u64()),
        (Some(12), Some(12))
    );
    let tokens = links(&api).await;
    (api, tokens)
}

/// Person id → token, from the links CSV.
pub(super) async fn links(api: &Api) -> Vec<(String, String)> {
    let r = api
        .get(&format!("{MODULES}/get-help/links.csv"), true)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert!(r.content_type.starts_with("text/csv"), "{}", r.content_type);
    let text = String::from_utf8(r.bytes).unwrap();
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let (person, link) = (
        head.iter().position(|h| *h == "person_id").unwrap(),
        head.iter().position(|h| *h == "link").unwrap(),
    );
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            let token = cells[link].rsplit("/t/").next().unwrap().to_string();
            (cells[person].to_string(), token)
        })
        .collect()
}

fn module(v: &Value) -> Module {
    serde_json::from_value(v.clone()).unwrap()
}

/// The first version of the built-in `get-help`, as a program that published it early holds it.
pub(super) fn get_help_first() -> Value {
    serde_json::to_value(&templates::versions("get-help").unwrap()[0]).unwrap()
}

/// The built-in `get-help` as publishing it gives it to trainees: its latest version.
fn get_help() -> Module {
    templates::builtin("get-help").unwrap()
}

/// Views every lesson of the module's latest version through sync.
async fn study(api: &Api, token: &str, lessons: &[&str], version: u32) -> Reply {
    let views: Vec<Value> = lessons
        .iter()
        .map(|l| json!({ "id": format!("view-{version}-{l}"), "version": version, "lesson": l, "at": "2027-01-12T09:00:00Z" }))
        .collect();
    let r = trainee_post(
        api,
        &format!("/api/v1/train/{token}/modules/get-help/sync"),
        json!({ "views": views }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r
}

/// Answers to a plan: right ones, or every one wrong.
pub(super) fn answers(module: &Module, plan: &Value, right: bool) -> Value {
    let mut out = serde_json::Map::new();
    for id in plan["questions"].as_array().unwrap() {
        let q = module.question(id.as_str().unwrap()).unwrap();
        let a = match &q.kind {
            QuestionKind::SingleChoice { options } => QuizAnswer::Choice(
                options
                    .iter()
                    .find(|o| o.correct == right)
                    .unwrap()
                    .id
                    .clone(),
            ),
            QuestionKind::MultipleChoice { options } => QuizAnswer::Choices(
                options
                    .iter()
                    .filter(|o| o.correct == right)
                    .map(|o| o.id.clone())
                    .collect(),
            ),
            QuestionKind::TrueFalse { answer, .. } => QuizAnswer::TrueFalse(*answer == right),
            QuestionKind::Ordering { items, .. } => {
                let mut ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
                if !right {
                    ids.reverse();
                }
                QuizAnswer::Order(ids)
            }
        };
        out.insert(q.id.clone(), serde_json::to_value(a).unwrap());
    }
    Value::Object(out)
}

/// Starts and submits an attempt; returns the answer.
async fn attempt(api: &Api, token: &str, module: &Module, right: bool, id: &str) -> Reply {
    let base = format!("/api/v1/train/{token}/modules/get-help");
    let plan = trainee_post(api, &format!("{base}/attempts"), json!({})).await;
    assert_eq!(plan.status, StatusCode::OK, "{:?}", plan.body);
    trainee_post(
        api,
        &format!("{base}/answers"),
        json!({
            "id": id,
            "number": plan.body["number"],
            "version": plan.body["version"],
            "answers": answers(module, &plan.body, right),
            "started_at": "2027-01-12T09:30:00Z",
        }),
    )
    .await
}

/// A trainee does the whole module (every lesson, the quiz passed).
pub(super) async fn complete(api: &Api, token: &str, version: u32, id: &str) {
    let mine = trainee_get(api, &format!("/api/v1/train/{token}")).await;
    let m = module(&mine.body["modules"][0]["module"]);
    let lessons: Vec<&str> = m.lessons.iter().map(|l| l.id.as_str()).collect();
    study(api, token, &lessons, version).await;
    let r = attempt(api, token, &m, true, id).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["result"]["passed"], true);
}

#[tokio::test]
async fn a_module_is_validated_with_json_paths_and_a_published_version_never_changes() {
    let api = demo_api().await;
    let mut bad = serde_json::to_value(templates::builtin("get-help").unwrap()).unwrap();
    bad["lessons"][1]["title"] = json!({ "nl": "", "en": "" });
    bad["estimate_minutes"] = json!("eight");
    let r = planner_post(&api, MODULES, json!({ "module": bad })).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_module");
    let paths = problem_paths(&r);
    assert!(paths.contains(&"estimate_minutes"), "{paths:?}");

    let r = planner_post(
        &api,
        &format!("{MODULES}?lang=nl"),
        json!({ "builtin": "no-such-module" }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_module");
    // Shown under the planner's Dutch heading, so in Dutch too.
    let message = r.body["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("er is geen ingebouwde module `no-such-module`; er zijn: "),
        "{message}"
    );
    let r = planner_post(&api, MODULES, json!({ "builtin": "get-help" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    // Named for the planner by its title, as the module list names it.
    assert_eq!(r.body["title"]["nl"], "Waar je hulp krijgt");
    let r = planner_post(&api, MODULES, json!({ "builtin": "get-help" })).await;
    assert_eq!(
        (r.status, &r.body["created"]),
        (StatusCode::OK, &json!(false))
    );

    // The same version number with other content is refused: publish the next version.
    let mut changed = serde_json::to_value(templates::builtin("get-help").unwrap()).unwrap();
    changed["estimate_minutes"] = json!(9);
    let r = planner_post(&api, MODULES, json!({ "module": changed })).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_module");

    // Every version of the built-in, in order: the latest is what trainees get.
    let list = viewer_get(&api, MODULES).await;
    assert_eq!(list.body[0]["id"], "get-help");
    assert_eq!(list.body[0]["version"], get_help().version);
    let versions: Vec<&Value> = (list.body[0]["versions"].as_array().unwrap().iter())
        .map(|v| &v["version"])
        .collect();
    assert_eq!(versions, [&json!(1), &json!(2), &json!(3)]);
    let r = planner_post(
        &api,
        "/api/v1/programs/nope/modules",
        json!({ "builtin": "get-help" }),
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_builtin_published_at_its_first_version_takes_the_next_and_keeps_every_pass() {
    let api = demo_api().await;
    // A program that published get-help while version 1 was the latest, and a trainee who
    // passed it.
    assign_to_the_pilot(&api, json!({ "module": get_help_first() })).await;
    let tokens = links(&api).await;
    let token = &tokens[0].1;
    complete(&api, token, 1, "attempt-first-0001").await;

    // Publishing the built-in now adds what came after: version 1 stays as it was.
    let r = planner_post(&api, MODULES, json!({ "builtin": "get-help" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(
        (&r.body["version"], &r.body["must_restudy"]),
        (&json!(get_help().version), &json!(0))
    );
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    let status = &mine.body["modules"][0]["status"];
    assert_eq!(
        (&status["version"], &status["stage"], &status["updated"]),
        (&json!(get_help().version), &json!("done"), &json!(false))
    );
    // The module as published, its lessons going out rendered (`lesson_html`), not twice.
    let mut published = get_help();
    for lesson in &mut published.lessons {
        lesson.body = Default::default();
    }
    assert_eq!(module(&mine.body["modules"][0]["module"]), published);
    let cert = trainee_get(
        &api,
        &format!("/api/v1/train/{token}/modules/get-help/certificate"),
    )
    .await;
    assert_eq!(cert.body["version"], get_help().version);
    // Again: nothing new.
    let r = planner_post(&api, MODULES, json!({ "builtin": "get-help" })).await;
    assert_eq!(
        (r.status, &r.body["created"]),
        (StatusCode::OK, &json!(false))
    );
}

#[tokio::test]
async fn a_module_too_large_to_publish_is_refused_with_its_reason_in_both_languages() {
    let api = demo_api().await;
    let mut big = serde_json::to_value(templates::builtin("get-help").unwrap()).unwrap();
    let limit = wavegate_core::training::MAX_MODULE_BYTES;
    big["lessons"][0]["body"]["en"] = json!("x".repeat(limit));
    let r = planner_post(
        &api,
        &format!("{MODULES}?lang=nl"),
        json!({ "module": big }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_module");
    assert_eq!(
        r.body["error"]["message"],
        "1 probleem; er is niets gepubliceerd"
    );
    let detail = &r.body["error"]["details"][0];
    assert_eq!(
        (&detail["path"], &detail["code"]),
        (&json!(""), &json!("too_large"))
    );
    assert!(
        detail["message"]
            .as_str()
            .unwrap()
            .contains("KiB als compacte JSON; hooguit 256 KiB wordt gepubliceerd"),
        "{detail:?}"
    );
    // Far beyond what any module may be, the body is not read at all.
    big["lessons"][0]["body"]["en"] = json!("x".repeat(2 * limit));
    let r = planner_post(&api, MODULES, json!({ "module": big })).await;
    assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

#[tokio::test]
async fn a_version_refused_for_its_change_notes_names_the_note_at_fault() {
    let api = demo_api().await;
    let r = planner_post(&api, MODULES, json!({ "builtin": "get-help" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let latest = serde_json::to_value(get_help()).unwrap();
    // A note on a lesson that did not change, beside the one that did.
    let mut next = next_version(&latest, get_help().version + 1, true);
    let unchanged = latest["lessons"][0]["id"].clone();
    next["changes"].as_array_mut().unwrap().insert(
        0,
        json!({ "lesson": unchanged, "kind": "editorial",
                "note": { "nl": "Niets.", "en": "Nothing." } }),
    );
    let r = publish_get_help(&api, &next).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_module");
    assert_eq!(problem_paths(&r), ["changes[0]"]);
    assert_eq!(r.body["error"]["details"][0]["code"], "nothing_changed");
}

#[tokio::test]
async fn a_trainee_studies_fails_the_quiz_then_passes_it_and_gets_a_certificate() {
    let (api, tokens) = assigned().await;
    let token = &tokens[0].1;
    let base = format!("/api/v1/train/{token}/modules/get-help");
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    assert_eq!(mine.status, StatusCode::OK, "{:?}", mine.body);
    assert_eq!(mine.body["modules"][0]["status"]["stage"], "assigned");
    let m = module(&mine.body["modules"][0]["module"]);

    let lesson = trainee_get(&api, &format!("{base}/lessons/{}", m.lessons[0].id)).await;
    assert_eq!(lesson.status, StatusCode::OK, "{:?}", lesson.body);
    assert!(lesson.body["html"]["nl"].as_str().unwrap().contains("<p>"));

    let lessons: Vec<&str> = m.lessons.iter().map(|l| l.id.as_str()).collect();
    let synced = study(&api, token, &lessons, m.version).await;
    assert_eq!(synced.body["stored"], lessons.len());
    let again = study(&api, token, &lessons, m.version).await;
    assert_eq!(
        (&again.body["stored"], &again.body["duplicates"]),
        (&json!(0), &json!(lessons.len())),
        "a resend stores nothing twice"
    );
    assert!(again.body["status"]["completed_at"].is_string());

    let r = trainee_get(&api, &format!("{base}/certificate")).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "training_refused");

    let failed = attempt(&api, token, &m, false, "attempt-one-0001").await;
    assert_eq!(failed.status, StatusCode::CREATED, "{:?}", failed.body);
    assert_eq!(failed.body["result"]["passed"], false);
    assert!(
        !failed.body["result"]["topics"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Answers to questions the server did not draw are refused.
    let plan = trainee_post(&api, &format!("{base}/attempts"), json!({})).await;
    assert_eq!(plan.body["number"], 2);
    let r = trainee_post(
        &api,
        &format!("{base}/answers"),
        json!({ "id": "attempt-bad-0002", "number": 2, "version": m.version,
                "answers": { "not-a-question": { "choice": "a" } },
                "started_at": "2027-01-12T09:30:00Z" }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "training_refused");

    let passed = attempt(&api, token, &m, true, "attempt-two-0002").await;
    assert_eq!(passed.status, StatusCode::CREATED, "{:?}", passed.body);
    assert_eq!(passed.body["result"]["passed"], true);
    assert_eq!(passed.body["status"]["stage"], "done");

    // Passed: there is no next attempt.
    let r = trainee_post(&api, &format!("{base}/attempts"), json!({})).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "training_refused");

    let cert = trainee_get(&api, &format!("{base}/certificate")).await;
    assert_eq!(cert.status, StatusCode::OK, "{:?}", cert.body);
    assert_eq!(cert.body["version"], m.version);
    assert_eq!(cert.body["module_id"], "get-help");
    // The roster names nobody: no name on the certificate rather than an e-mail address.
    assert_eq!(cert.body["trainee"], "");

    // Another device sees the same progress.
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    assert_eq!(mine.body["modules"][0]["status"]["stage"], "done");
    assert_eq!(
        mine.body["modules"][0]["progress"]["attempts"]
            .as_object()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn times_a_trainee_client_dates_before_the_assignment_are_taken_as_the_assignment() {
    let (api, tokens) = assigned().await;
    let token = &tokens[1].1;
    let base = format!("/api/v1/train/{token}/modules/get-help");
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    let m = module(&mine.body["modules"][0]["module"]);
    let assigned_at = mine.body["modules"][0]["progress"]["assigned_at"].clone();
    let lesson = m.lessons[0].id.clone();
    let r = trainee_post(
        &api,
        &format!("{base}/sync"),
        json!({ "views": [{ "id": format!("view-1-{lesson}"), "version": 1, "lesson": lesson,
                            "at": "2020-01-01T00:00:00Z" }] }),
    )
    .await;
    assert_eq!(r.body["stored"], 1, "{:?}", r.body);
    let plan = trainee_post(&api, &format!("{base}/attempts"), json!({})).await;
    let r = trainee_post(
        &api,
        &format!("{base}/answers"),
        json!({ "id": "attempt-old-0001", "number": plan.body["number"],
                "version": plan.body["version"], "answers": answers(&m, &plan.body, false),
                "started_at": "2000-01-01T00:00:00Z" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let progress = &trainee_get(&api, &format!("/api/v1/train/{token}"))
        .await
        .body["modules"][0]["progress"];
    assert_eq!(progress["views"]["1"][&lesson], assigned_at);
    assert_eq!(
        progress["attempts"]["attempt-old-0001"]["started_at"],
        assigned_at
    );
}

#[tokio::test]
async fn a_resent_attempt_is_recorded_once_and_unknown_links_are_not_found() {
    let (api, tokens) = assigned().await;
    let token = &tokens[1].1;
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    let m = module(&mine.body["modules"][0]["module"]);
    let base = format!("/api/v1/train/{token}/modules/get-help");
    let plan = trainee_post(&api, &format!("{base}/attempts"), json!({})).await;
    let body = json!({
        "id": "attempt-resent-01", "number": plan.body["number"], "version": plan.body["version"],
        "answers": answers(&m, &plan.body, true), "started_at": "2027-01-12T09:30:00Z",
    });
    let first = trainee_post(&api, &format!("{base}/answers"), body.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
    let second = trainee_post(&api, &format!("{base}/answers"), body).await;
    assert_eq!(second.status, StatusCode::OK, "{:?}", second.body);
    assert_eq!(second.body["created"], false);
    assert_eq!(second.body["result"], first.body["result"]);
    assert_eq!(second.body["status"]["attempts_used"], 1);

    for bad in ["0123456789abcdef0123456789abcdef", "junk"] {
        let r = trainee_get(&api, &format!("/api/v1/train/{bad}")).await;
        assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    }
    let r = trainee_get(
        &api,
        &format!("/api/v1/train/{token}/modules/enroll-ios/certificate"),
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_lesson_view_is_stored_once_however_many_ids_a_client_makes_up() {
    let (api, tokens) = assigned().await;
    let (person, token) = &tokens[1];
    let base = format!("/api/v1/train/{token}/modules/get-help");
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    let lesson = module(&mine.body["modules"][0]["module"]).lessons[0]
        .id
        .clone();
    let views = |round: usize| -> Vec<Value> {
        (0..200)
            .map(|i| {
                json!({ "id": format!("view-{round:02}-{i:05}"), "version": 1, "lesson": lesson,
                        "at": "2027-01-12T09:00:00Z" })
            })
            .collect()
    };
    for round in 0..5 {
        let r = trainee_post(
            &api,
            &format!("{base}/sync"),
            json!({ "views": views(round) }),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let expected = if round == 0 { (1, 199) } else { (0, 200) };
        assert_eq!(
            (
                r.body["stored"].as_u64(),
                r.body["refused"].as_array().unwrap().len()
            ),
            (Some(expected.0), expected.1),
            "round {round}"
        );
    }
    // A lesson or version the module does not have is refused, not stored.
    let r = trainee_post(
        &api,
        &format!("{base}/sync"),
        json!({ "views": [
            { "id": "view-x-nolesson", "version": 1, "lesson": "no-such-lesson", "at": "2027-01-12T09:00:00Z" },
            { "id": "view-x-noversion", "version": 7, "lesson": lesson, "at": "2027-01-12T09:00:00Z" },
        ] }),
    )
    .await;
    assert_eq!(
        r.body["refused"].as_array().unwrap().len(),
        2,
        "{:?}",
        r.body
    );
    // The view that was stored, sent again, is a duplicate, not refused.
    let again = json!({ "views": [{ "id": "view-00-00000", "version": 1, "lesson": lesson,
                                     "at": "2027-01-12T09:05:00Z" }] });
    let r = trainee_post(&api, &format!("{base}/sync"), again).await;
    assert_eq!(
        (r.body["stored"].as_u64(), r.body["duplicates"].as_u64()),
        (Some(0), Some(1)),
        "{:?}",
        r.body
    );
    assert_eq!(r.body["refused"], json!([]));
    let facts: usize = api
        .store
        .assignments("demo", Some("get-help"))
        .await
        .unwrap()
        .iter()
        .filter(|a| a.trainee.person_id == *person)
        .map(|a| a.facts.len())
        .sum();
    assert_eq!(facts, 1);
}

/// The version after `base` (a `get-help` definition) with one change note on its first
/// (editorial) or second (substantive) lesson, and that lesson's text changed.
pub(super) fn next_version(base: &Value, version: u32, substantive: bool) -> Value {
    let m = module(base);
    let mut v = base.clone();
    let i = usize::from(substantive);
    let lesson = m.lessons[i].id.clone();
    v["version"] = json!(version);
    let body = v["lessons"][i]["body"]["nl"].as_str().unwrap().to_string();
    v["lessons"][i]["body"]["nl"] = json!(format!("{body}\n\nBijgewerkt in versie {version}."));
    let en = v["lessons"][i]["body"]["en"].as_str().unwrap().to_string();
    v["lessons"][i]["body"]["en"] = json!(format!("{en}\n\nUpdated in version {version}."));
    v["changes"] = json!([{
        "lesson": lesson,
        "kind": if substantive { "substantive" } else { "editorial" },
        "note": { "nl": "Bijgewerkt.", "en": "Updated." },
    }]);
    v
}

#[tokio::test]
async fn after_an_editorial_version_nobody_restudies_and_after_a_substantive_one_only_its_lesson() {
    let (api, tokens) = assigned().await;
    let token = &tokens[0].1;
    let n = get_help().version;
    complete(&api, token, n, "attempt-pass-v1-1").await;

    let latest = serde_json::to_value(get_help()).unwrap();
    let editorial = next_version(&latest, n + 1, false);
    let substantive = next_version(&editorial, n + 2, true);
    let r = publish_get_help(&api, &editorial).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["must_restudy"], 0);
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    let status = &mine.body["modules"][0]["status"];
    assert_eq!(
        (&status["version"], &status["stage"]),
        (&json!(n + 1), &json!("done"))
    );
    assert_eq!(status["restudy"]["lessons"], json!([]));
    let cert = trainee_get(
        &api,
        &format!("/api/v1/train/{token}/modules/get-help/certificate"),
    )
    .await;
    assert_eq!(
        cert.body["version"],
        n + 1,
        "the pass carries over an editorial change"
    );

    let r = publish_get_help(&api, &substantive).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["must_restudy"], 1);
    let changed = get_help().lessons[1].id.clone();
    let who = viewer_get(&api, &format!("{MODULES}/get-help/restudy")).await;
    assert_eq!(who.body["version"], n + 2);
    assert_eq!(who.body["people"][0]["person_id"], tokens[0].0.as_str());
    assert_eq!(
        who.body["people"][0]["restudy"]["lessons"],
        json!([changed])
    );
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    let status = &mine.body["modules"][0]["status"];
    assert_eq!(status["restudy"]["lessons"], json!([changed]));
    assert_eq!(status["updated"], true);
    // While they re-study, the certificate is the one of the (editorial) version they finished.
    let r = trainee_get(
        &api,
        &format!("/api/v1/train/{token}/modules/get-help/certificate"),
    )
    .await;
    assert_eq!(
        (r.status, &r.body["version"]),
        (StatusCode::OK, &json!(n + 1)),
        "{:?}",
        r.body
    );

    // A version that skips a number, or is of another module, is refused.
    let r = publish_get_help(&api, &next_version(&substantive, n + 4, true)).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_module");
    let r = planner_post(
        &api,
        &format!("{MODULES}/what-changes/versions"),
        json!({ "builtin": "get-help" }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_module");
}

#[tokio::test]
async fn a_pass_made_before_an_editorial_version_appeared_counts_and_one_made_after_is_stale() {
    let (api, tokens) = assigned().await;
    let token = &tokens[0].1;
    let m = get_help();
    let lessons: Vec<&str> = m.lessons.iter().map(|l| l.id.as_str()).collect();
    study(&api, token, &lessons, m.version).await;
    let base = format!("/api/v1/train/{token}/modules/get-help");
    let plan = trainee_post(&api, &format!("{base}/attempts"), json!({})).await;
    assert_eq!(plan.body["version"], m.version);
    // The trainee answers offline (or on a page left open) while the planner publishes an
    // editorial change of the wording.
    let t0 = api.clock.now();
    api.clock.set(t0 + chrono::Duration::hours(1));
    let editorial = next_version(&serde_json::to_value(&m).unwrap(), m.version + 1, false);
    let r = publish_get_help(&api, &editorial).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let submit = |id: &str, submitted: chrono::DateTime<chrono::Utc>| {
        json!({
            "id": id,
            "number": plan.body["number"],
            "version": m.version,
            "answers": answers(&m, &plan.body, true),
            "started_at": t0 + chrono::Duration::minutes(10),
            "submitted_at": submitted,
        })
    };
    let r = trainee_post(
        &api,
        &format!("{base}/answers"),
        submit("attempt-before-v2", t0 + chrono::Duration::minutes(20)),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["result"]["passed"], true);
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    let status = &mine.body["modules"][0]["status"];
    assert_eq!(
        (&status["version"], &status["stage"]),
        (&json!(m.version + 1), &json!("done")),
        "an editorial change keeps the pass made before it"
    );
    // Answers to the old version made after the new one appeared are stale.
    let r = trainee_post(
        &api,
        &format!("{base}/answers"),
        submit("attempt-after-v2", t0 + chrono::Duration::minutes(90)),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "training_refused");
    let message = r.body["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("is not current"), "{message}");
}

#[tokio::test]
async fn a_substantive_version_leaves_the_trainee_their_certificate_until_they_restudy() {
    let (api, tokens) = assigned().await;
    let token = &tokens[0].1;
    let n = get_help().version;
    complete(&api, token, n, "attempt-keep-v1-1").await;
    let certificate = format!("/api/v1/train/{token}/modules/get-help/certificate");
    let earned = trainee_get(&api, &certificate).await;
    assert_eq!(earned.status, StatusCode::OK, "{:?}", earned.body);

    // The new version is substantive and renames the module.
    let mut substantive = next_version(&serde_json::to_value(get_help()).unwrap(), n + 1, true);
    substantive["title"] =
        json!({ "nl": "Hulp bij je nieuwe laptop", "en": "Help with your new laptop" });
    let r = publish_get_help(&api, &substantive).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    // The app works from this copy: where they stood in the version they finished comes with
    // it, and that version's title, for the app to show that version's certificate, dated as
    // it was and named as it read, while the new version waits to be re-studied.
    let mine = trainee_get(&api, &format!("/api/v1/train/{token}")).await;
    let m = &mine.body["modules"][0];
    assert_eq!(m["status"]["stage"], "started");
    let earlier = &m["earlier_done"];
    assert_eq!(
        (&earlier["version"], &earlier["stage"]),
        (&json!(n), &json!("done"))
    );
    let done_on = earlier["done_at"].as_str().unwrap().get(..10);
    assert_eq!(done_on, earned.body["earned_on"].as_str());
    assert_eq!(m["earlier_title"], earned.body["title"]);
    assert_eq!(m["earlier_languages"], earned.body["languages"]);
    // The server hands out the same certificate the app shows: the one they earned, under the
    // title it had, not the new version's.
    let r = trainee_get(&api, &certificate).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body, earned.body);
    assert_eq!(r.body["title"]["nl"], get_help().title.nl.as_str());

    // Re-studied: the new version's certificate.
    let changed = get_help().lessons[1].id.clone();
    study(&api, token, &[changed.as_str()], n + 1).await;
    let r = attempt(
        &api,
        token,
        &module(&substantive),
        true,
        "attempt-keep-v2-1",
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let renewed = trainee_get(&api, &certificate).await;
    assert_eq!(renewed.body["version"], n + 1, "{:?}", renewed.body);
    assert_eq!(renewed.body["title"], substantive["title"]);
}

#[tokio::test]
async fn a_trainees_training_names_its_program_and_where_to_get_help() {
    // No help set: the program's name alone, no empty help.
    let (api, tokens) = assigned().await;
    let mine = format!("/api/v1/train/{}", tokens[0].1);
    let r = trainee_get(&api, &mine).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let program = viewer_get(&api, "/api/v1/programs/demo").await;
    assert_eq!(r.body["program_name"], program.body["name"]);
    assert!(
        r.body["program_name"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );
    assert!(r.body.get("helpdesk").is_none() && r.body.get("faq_url").is_none());
    // The roster has no name column: the trainee is greeted without a name, never by their
    // e-mail address.
    assert_eq!(r.body["name"], "", "{:?}", r.body["name"]);

    // The FAQ and helpdesk the planner set, the ones respondents see after answering.
    let support = json!({
        "helpdesk": { "nl": "Bel 020-1234567 (werkdagen)", "en": "Call 020-1234567 (weekdays)" },
        "faq_url": "https://intranet.example.org/intune-faq",
    });
    assert_eq!(put_support(&api, &support).await.status, StatusCode::OK);
    let r = trainee_get(&api, &mine).await;
    assert_eq!(
        (&r.body["helpdesk"], &r.body["faq_url"]),
        (&support["helpdesk"], &support["faq_url"])
    );
    // Only what was set.
    let faq_only = json!({ "faq_url": "https://intranet.example.org/intune-faq" });
    assert_eq!(put_support(&api, &faq_only).await.status, StatusCode::OK);
    let r = trainee_get(&api, &mine).await;
    assert_eq!(r.body["faq_url"], faq_only["faq_url"]);
    assert!(r.body.get("helpdesk").is_none(), "{:?}", r.body["helpdesk"]);
}

#[tokio::test]
async fn results_per_group_hide_groups_under_five() {
    let (api, tokens) = assigned().await;
    for (i, (_, token)) in tokens.iter().enumerate().take(6) {
        complete(&api, token, 1, &format!("attempt-group-{i:04}")).await;
    }
    let r = viewer_get(&api, &format!("{MODULES}/get-help/results")).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["assigned"], 12);
    let group = |attr: &str, value: &str| {
        r.body["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["attribute"] == attr && g["value"] == value)
            .unwrap()
            .clone()
    };
    let pilot = group("wave", "pilot");
    assert_eq!(
        (&pilot["assigned"], &pilot["done"]),
        (&json!(12), &json!(6))
    );
    assert_eq!(pilot["done_percent"], 50);
    assert!(!pilot["topics"].as_array().unwrap().is_empty());
    // The pilot's 12 people are on Windows (6), iOS (3) and Android (3).
    assert_eq!(group("platform", "iOS")["suppressed"], true);
    assert_eq!(group("platform", "iOS")["done"], Value::Null);
    assert_eq!(group("platform", "Windows")["assigned"], 6);
    let csv = String::from_utf8(
        api.get(&format!("{MODULES}/get-help/links.csv"), true)
            .await
            .bytes,
    )
    .unwrap();
    let head: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let done_column = head.iter().position(|h| *h == "submitted_at").unwrap();
    let done = csv
        .lines()
        .skip(1)
        .filter(|l| !l.split(',').nth(done_column).unwrap().is_empty())
        .count();
    assert_eq!(done, 6, "the links file says who is done: {csv}");
}

/// The readiness report of 1 February, when the pilot's 12 have rolled out and wave 1 is next.
async fn readiness(api: &Api) -> Value {
    let r = viewer_get(api, "/api/v1/programs/demo/readiness?at=2027-02-01").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body
}

/// Of the whole next wave (judged on the pilot's people): the Knowledge dimension and the
/// training_completion metric.
fn wave_knowledge(report: &Value) -> (Value, Value) {
    let wave = &report["segments"][0];
    assert_eq!(wave["segment"], json!({ "wave": "wave-1" }));
    let completion = (wave["metrics"].as_array().unwrap().iter())
        .find(|m| m["id"] == "training_completion")
        .unwrap()
        .clone();
    (wave["dimensions"]["knowledge"].clone(), completion)
}

#[tokio::test]
async fn training_records_the_server_collected_change_the_readiness_knowledge_dimension() {
    let (api, tokens) = assigned().await;
    assert_eq!(tokens.len(), 12);
    let before = readiness(&api).await;
    for (i, (_, token)) in tokens.iter().enumerate() {
        complete(&api, token, 1, &format!("attempt-ready-{i:04}")).await;
    }
    let after = readiness(&api).await;
    // One record per assigned pilot person, finished or not.
    assert_eq!(
        before["data"]["training_records"], 12,
        "{:?}",
        before["data"]
    );
    assert_eq!(after["data"]["training_records"], 12, "{:?}", after["data"]);
    let (knowledge_before, completion_before) = wave_knowledge(&before);
    let (knowledge_after, completion_after) = wave_knowledge(&after);
    // 0 of 12 done (the 90% Wilson interval starts at 0 only for none), then 12 of 12 (it
    // ends at 1 only for all).
    assert_eq!(completion_before["n"], 12);
    assert_eq!(
        completion_before["wilson90"][0], 0.0,
        "{completion_before:?}"
    );
    assert!(
        completion_before["wilson90"][1].as_f64().unwrap() < 1.0,
        "{completion_before:?}"
    );
    assert_eq!(completion_before["state"], "fail");
    assert_eq!(completion_after["n"], 12);
    assert_eq!(completion_after["wilson90"][1], 1.0, "{completion_after:?}");
    assert!(
        completion_after["wilson90"][0].as_f64().unwrap() > 0.0,
        "{completion_after:?}"
    );
    assert_eq!(completion_after["state"], "pass");
    // Knowledge rises: from failing at 0 to passing at 100.
    assert_eq!(
        knowledge_before,
        json!({ "state": "fail", "score": { "estimate": 0, "conservative": 0 } })
    );
    assert_eq!(
        knowledge_after,
        json!({ "state": "pass", "score": { "estimate": 100, "conservative": 100 } })
    );
    let exported = viewer_get(&api, "/api/v1/programs/demo/export.zip").await;
    assert_eq!(exported.status, StatusCode::OK);
}

#[tokio::test]
async fn the_database_files_hold_no_training_token_yet_every_link_opens_and_exports_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = wavegate_server::store::Store::open(&dir.path().join("w.db")).unwrap();
    wavegate_server::seed_demo(&store, "http://wavegate.test")
        .await
        .unwrap();
    let api = Api::over(store, tempfile::tempdir().unwrap()).await;
    assign_get_help_to_the_pilot(&api).await;
    // The links file can be made again, and each link opens.
    let tokens = links(&api).await;
    assert_eq!(tokens.len(), 12);
    let (_, token) = &tokens[0];
    assert_eq!(
        trainee_get(&api, &format!("/api/v1/train/{token}"))
            .await
            .status,
        StatusCode::OK
    );
    // A token one character off opens nothing.
    let mut wrong = token.clone();
    let last = wrong.pop().unwrap();
    wrong.push(if last == 'a' { 'b' } else { 'a' });
    assert_eq!(
        trainee_get(&api, &format!("/api/v1/train/{wrong}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let every_byte = database_bytes(dir.path());
    let text = String::from_utf8_lossy(&every_byte);
    for (_, token) in &tokens {
        assert!(
            !text.contains(token.as_str()),
            "a training token is in the database files"
        );
    }
}

#[tokio::test]
async fn the_links_file_opens_in_dutch_excel_when_asked_for_semicolons_and_a_byte_order_mark() {
    let (api, tokens) = assigned().await;
    let r = api
        .get(
            &format!("{MODULES}/get-help/links.csv?delimiter=semicolon&bom=true"),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let text = String::from_utf8(r.bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let head: Vec<&str> = text.lines().next().unwrap().split(';').collect();
    assert!(
        head.contains(&"person_id") && head.contains(&"link"),
        "{head:?}"
    );
    assert_eq!(text.lines().count(), tokens.len() + 1);
    let bad = api
        .get(&format!("{MODULES}/get-help/links.csv?delimiter=tab"), true)
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{:?}", bad.body);
}

#[tokio::test]
async fn a_module_for_admins_says_whom_it_targets_in_the_list_and_when_assigned() {
    let api = demo_api().await;
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    let r = planner_post(&api, MODULES, json!({ "builtin": "admin-operations" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let role = json!({ "role": ["admin", "beheerder", "it-admin"] });
    let list = api.get(MODULES, true).await;
    let listed = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "admin-operations");
    assert_eq!(listed.map(|m| &m["targets"]), Some(&role));
    let r = planner_post(
        &api,
        &format!("{MODULES}/admin-operations/assignments"),
        json!({ "wave": "pilot" }),
    )
    .await;
    assert!(r.status.is_success(), "{:?}", r.body);
    assert_eq!(r.body["targets"], role);
    assert!(
        r.body["targeted"].as_u64() < r.body["people"].as_u64(),
        "{:?}",
        r.body
    );
}
