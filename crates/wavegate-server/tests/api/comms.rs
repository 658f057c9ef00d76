//! The communication plan through the API: planners plan, change, mark sent and delete
//! messages per target group; viewers read the plan with each message's reach measured on the
//! program's data; what breaks a rule is refused at its field in the request's language.

use super::support::{Auth, PLANNER, demo_roster, upload};
use super::{Api, Reply, assert_error, demo_api};
use axum::http::StatusCode;
use serde_json::{Value, json};

const PLAN: &str = "/api/v1/programs/demo/communications";

async fn send(api: &Api, method: &str, path: &str, body: Value, auth: Auth<'_>) -> Reply {
    api.call(
        method,
        path,
        auth,
        Some("application/json"),
        body.to_string(),
    )
    .await
}

async fn listed(api: &Api, auth: Auth<'_>) -> Vec<Value> {
    let r = api.call("GET", PLAN, auth, None, Vec::new()).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body.as_array().unwrap().clone()
}

fn today(api: &Api) -> chrono::NaiveDate {
    api.clock.now().date_naive()
}

/// A message to the pilot that asks people to answer the survey.
fn survey_message(sent_on: Option<String>) -> Value {
    json!({
        "wave": "pilot",
        "channel": "email",
        "owner": "Communicatie – Anna",
        "purpose": "answer_survey",
        "planned_on": "2027-01-12",
        "sent_on": sent_on,
        "subject": "Vul de pilotvragenlijst in",
        "note": "Herinnering\nvoor de pilot",
    })
}

#[tokio::test]
async fn a_planner_plans_marks_sent_and_deletes_and_a_viewer_reads_the_plan() {
    let api = demo_api().await;
    assert!(listed(&api, Auth::Viewer).await.is_empty());
    let planned = send(&api, "POST", PLAN, survey_message(None), Auth::Planner).await;
    assert_eq!(planned.status, StatusCode::CREATED, "{:?}", planned.body);
    assert_eq!(planned.body["reach"]["status"], "not_sent");
    assert_eq!(planned.body["owner"], "Communicatie – Anna");
    assert_eq!(planned.body["created_by"], "token:test-planner");
    let early = json!({
        "channel": "intranet", "owner": "HR", "purpose": "none",
        "planned_on": "2027-01-05", "subject": "De uitrol begint",
    });
    let informing = send(&api, "POST", PLAN, early, Auth::Planner).await;
    assert_eq!(
        informing.status,
        StatusCode::CREATED,
        "{:?}",
        informing.body
    );
    assert_eq!(informing.body["reach"]["status"], "no_purpose");
    assert_eq!(
        informing.body["wave"],
        Value::Null,
        "everyone on the roster"
    );

    let seen = listed(&api, Auth::Viewer).await;
    let ids: Vec<u64> = seen.iter().map(|m| m["id"].as_u64().unwrap()).collect();
    let (first, second) = (
        planned.body["id"].as_u64().unwrap(),
        informing.body["id"].as_u64().unwrap(),
    );
    assert_eq!(ids, [second, first], "by planned day");

    // Marked sent before the program has a roster: there is nothing to measure it on yet.
    let one = format!("{PLAN}/{first}");
    let sent_on = today(&api).to_string();
    let r = send(
        &api,
        "PUT",
        &one,
        survey_message(Some(sent_on.clone())),
        Auth::Viewer,
    )
    .await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    let sent = send(
        &api,
        "PUT",
        &one,
        survey_message(Some(sent_on.clone())),
        Auth::Planner,
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK, "{:?}", sent.body);
    assert_eq!(sent.body["sent_on"], sent_on.as_str());
    assert_eq!(sent.body["reach"]["status"], "no_roster");
    assert_eq!(sent.body["created_at"], planned.body["created_at"], "kept");

    let r = api
        .call(
            "DELETE",
            &format!("{PLAN}/{second}"),
            Auth::Viewer,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    let r = api
        .call(
            "DELETE",
            &format!("{PLAN}/{second}"),
            Auth::None,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    let planner = api.sign_in(PLANNER).await;
    let r = api
        .call(
            "DELETE",
            &format!("{PLAN}/{second}"),
            Auth::SessionCsrf(&planner, Some("wrong")),
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, "csrf_mismatch");
    let r = api
        .call(
            "DELETE",
            &format!("{PLAN}/{second}"),
            Auth::Session(&planner),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    let again = api
        .call(
            "DELETE",
            &format!("{PLAN}/{second}"),
            Auth::Planner,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&again, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(listed(&api, Auth::Viewer).await.len(), 1);
    let r = send(&api, "POST", PLAN, survey_message(None), Auth::None).await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
}

#[tokio::test]
async fn reach_is_measured_on_the_demo_programs_data_and_small_groups_stay_hidden() {
    let api = demo_api().await;
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    let sent_on = today(&api).to_string();
    let r = send(
        &api,
        "POST",
        PLAN,
        survey_message(Some(sent_on.clone())),
        Auth::Planner,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    // The demo's eight pilot answers were collected today, on the day the message went out.
    let reach = &r.body["reach"];
    assert_eq!(reach["status"], "measured", "{reach}");
    assert_eq!(
        (
            &reach["group"],
            &reach["already"],
            &reach["out_of"],
            &reach["reached"]
        ),
        (&json!(12), &json!(0), &json!(12), &json!(8))
    );
    let [lo, hi] = [
        reach["interval"][0].as_f64().unwrap(),
        reach["interval"][1].as_f64().unwrap(),
    ];
    assert!(lo < 8.0 / 12.0 && 8.0 / 12.0 < hi, "{reach}");
    // At the demo program's confidence, the core's default, which the reach names.
    assert_eq!(reach["level"], json!(0.8), "{reach}");

    // Three pilot people use iOS: too few to show, their number neither.
    let mut ios = survey_message(Some(sent_on.clone()));
    ios["segment"] = json!({ "platform": "iOS" });
    let r = send(&api, "POST", PLAN, ios, Auth::Planner).await;
    assert_eq!(r.body["reach"], json!({ "status": "suppressed" }));

    let mut enroll = survey_message(Some(sent_on));
    enroll["purpose"] = json!("enroll");
    let r = send(&api, "POST", PLAN, enroll, Auth::Planner).await;
    assert_eq!(
        r.body["reach"],
        json!({ "status": "no_data", "file": "devices.csv" })
    );

    let statuses: Vec<Value> = listed(&api, Auth::Viewer)
        .await
        .iter()
        .map(|m| m["reach"]["status"].clone())
        .collect();
    assert_eq!(
        statuses,
        [json!("measured"), json!("suppressed"), json!("no_data")]
    );

    let csv = api
        .call(
            "GET",
            &format!("{PLAN}.csv?lang=nl&delimiter=semicolon&bom=true"),
            Auth::Viewer,
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let disposition = csv.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.contains("demo-communications.csv"),
        "{disposition}"
    );
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(text.starts_with('\u{feff}'));
    // The pilot as the demo program names it.
    assert!(text.contains(";golf pilot (Pilot IT);"), "{text}");
    assert!(
        text.contains("8 van de 12 die het nog moesten doen ("),
        "{text}"
    );
    assert!(
        text.contains("Niet getoond: de doelgroep telt minder dan 5 mensen."),
        "{text}"
    );
}

#[tokio::test]
async fn a_message_that_breaks_a_rule_is_refused_at_its_field_in_the_requests_language() {
    let api = demo_api().await;
    let tomorrow = today(&api).succ_opt().unwrap().to_string();
    let with = |key: &str, value: Value| {
        let mut m = survey_message(None);
        m[key] = value;
        m
    };
    let cases = [
        (with("wave", json!("wave-9")), "wave", "unknown_wave"),
        (
            with("segment", json!({ "shoe_size": "42" })),
            "segment",
            "unknown_attribute",
        ),
        (
            with("segment", json!({ "platform": "i\u{202e}OS" })),
            "segment",
            "bad_value",
        ),
        (with("owner", json!("  ")), "owner", "owner_empty"),
        (
            with("owner", json!("Anna\u{1b}[2J")),
            "owner",
            "owner_invalid",
        ),
        (
            with("subject", json!("x".repeat(201))),
            "subject",
            "subject_invalid",
        ),
        (with("note", json!("bell\u{7}")), "note", "note_unsafe"),
        (
            with("sent_on", json!(tomorrow)),
            "sent_on",
            "sent_in_future",
        ),
        (
            with("planned_on", json!("2999-01-01")),
            "planned_on",
            "planned_out_of_range",
        ),
    ];
    for (body, field, code) in cases {
        let r = send(
            &api,
            "POST",
            &format!("{PLAN}?lang=nl"),
            body.clone(),
            Auth::Planner,
        )
        .await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_message");
        let details = &r.body["error"]["details"];
        assert_eq!(
            (details["field"].as_str(), details["code"].as_str()),
            (Some(field), Some(code)),
            "{body}"
        );
        assert!(
            details.get("more").is_none(),
            "one fault, one problem: {details}"
        );
        let dutch = details["message"].as_str().unwrap().to_string();
        let r = send(
            &api,
            "POST",
            &format!("{PLAN}?lang=en"),
            body,
            Auth::Planner,
        )
        .await;
        assert_ne!(
            r.body["error"]["details"]["message"].as_str().unwrap(),
            dutch,
            "{code}"
        );
    }
    for bad in [
        with("channel", json!("fax")),
        with("created_by", json!("me")),
    ] {
        let r = send(&api, "POST", PLAN, bad, Auth::Planner).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    let huge = with("note", json!("x".repeat(40_000)));
    let r = send(&api, "POST", PLAN, huge, Auth::Planner).await;
    assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert!(
        listed(&api, Auth::Planner).await.is_empty(),
        "nothing stored"
    );
}

#[tokio::test]
async fn a_message_with_several_faults_is_refused_with_every_one_the_first_where_it_always_was() {
    let api = demo_api().await;
    let mut m = survey_message(None);
    m["wave"] = json!("wave-9");
    m["owner"] = json!(" ");
    m["subject"] = json!("");
    let r = send(&api, "POST", &format!("{PLAN}?lang=en"), m, Auth::Planner).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_message");
    let details = &r.body["error"]["details"];
    // A client that reads only the first problem reads it where it always was.
    assert_eq!(
        (&details["field"], &details["code"]),
        (&json!("wave"), &json!("unknown_wave"))
    );
    let more: Vec<(&str, &str)> = details["more"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["field"].as_str().unwrap(), p["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        more,
        [("owner", "owner_empty"), ("subject", "subject_empty")]
    );
    assert_eq!(
        details["more"][0]["message"],
        json!("Fill in who sends the message.")
    );
    assert_eq!(
        r.body["error"]["message"],
        json!("The wave is not one of this program's waves. (And 2 other problems.)")
    );
    assert!(
        listed(&api, Auth::Planner).await.is_empty(),
        "nothing stored"
    );
}

#[tokio::test]
async fn another_programs_message_and_unknown_programs_are_not_found() {
    let api = demo_api().await;
    let other = super::support::other_program(&api, "Other").await;
    let theirs_path = format!("/api/v1/programs/{}/communications", other);
    let theirs = send(
        &api,
        "POST",
        &theirs_path,
        survey_message(None),
        Auth::Planner,
    )
    .await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{:?}", theirs.body);
    let id = theirs.body["id"].as_u64().unwrap();
    let r = send(
        &api,
        "PUT",
        &format!("{PLAN}/{id}"),
        survey_message(None),
        Auth::Planner,
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = api
        .call(
            "DELETE",
            &format!("{PLAN}/{id}"),
            Auth::Planner,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let still = api
        .call("GET", &theirs_path, Auth::Planner, None, Vec::new())
        .await;
    assert_eq!(still.body.as_array().unwrap().len(), 1, "left alone");
    let r = api
        .call(
            "GET",
            "/api/v1/programs/nope/communications",
            Auth::Planner,
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = send(
        &api,
        "POST",
        "/api/v1/programs/nope/communications",
        survey_message(None),
        Auth::Planner,
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_program_plans_at_most_five_hundred_messages() {
    let api = demo_api().await;
    for i in 0..500 {
        let fields = wavegate_server::store::MessageFields {
            wave: None,
            segment: "{}".into(),
            channel: "email".into(),
            owner: "HR".into(),
            purpose: "none".into(),
            planned_on: "2027-01-11".into(),
            sent_on: None,
            subject: format!("message {i}"),
            note: String::new(),
        };
        api.store
            .add_message(
                "demo",
                fields,
                PLANNER.into(),
                "2027-01-11T09:00:00Z".into(),
                |_| true,
            )
            .await
            .unwrap();
    }
    let r = send(&api, "POST", PLAN, survey_message(None), Auth::Planner).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_message");
    assert_eq!(r.body["error"]["details"]["code"], "too_many");
}
