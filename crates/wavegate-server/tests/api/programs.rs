//! Programs: created from program.toml or JSON, read, replaced, downloaded as program.toml
//! (which reads back as the same program), and the support details respondents see.

use super::support::{Auth, put_support, upload};
use super::{Api, assert_error, demo_api};
use axum::http::{StatusCode, header};
use serde_json::json;
use wavegate_core::readiness::Program;

const TOML: &str = r#"# Our rollout
name = "Intune rollout 2027"
split_attributes = ["platform", "region"]
helpdesk_capacity_per_day = 5

[[wave]]
id = "pilot"
start = 2027-01-11
end = 2027-01-29
planned_size = 60

[[wave]]
id = "wave-1"
start = 2027-02-08
end = 2027-02-26

[thresholds.enrollment_completion]
fail = 0.80
pass = 0.95
"#;

async fn create(api: &Api, ct: &str, body: impl Into<Vec<u8>>) -> super::Reply {
    api.call(
        "POST",
        "/api/v1/programs",
        Auth::Planner,
        Some(ct),
        body.into(),
    )
    .await
}

#[tokio::test]
async fn a_program_from_toml_downloads_as_the_same_bytes_and_reads_back() {
    let api = demo_api().await;
    let r = create(&api, "application/toml", TOML).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["id"], "intune-rollout-2027");
    let again = create(&api, "application/toml", TOML).await;
    assert_eq!(
        again.body["id"], "intune-rollout-2027-2",
        "a free id, nothing overwritten"
    );

    let detail = api.get("/api/v1/programs/intune-rollout-2027", true).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert_eq!(detail.body["name"], "Intune rollout 2027");
    assert_eq!(detail.body["program"]["waves"][1]["id"], "wave-1");

    let file = api
        .get("/api/v1/programs/intune-rollout-2027/program.toml", true)
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.content_type.starts_with("application/toml"));
    assert_eq!(
        file.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"program.toml\"; filename*=UTF-8''program.toml"
    );
    assert_eq!(
        file.bytes,
        TOML.as_bytes(),
        "comments and all, byte for byte"
    );

    let listed = api.get("/api/v1/programs", true).await;
    let ours = listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "intune-rollout-2027")
        .unwrap();
    assert_eq!(ours["has_program"], true);
}

#[tokio::test]
async fn a_program_as_json_is_kept_as_program_toml_the_cli_reads() {
    let api = demo_api().await;
    let program = Program::parse(TOML).unwrap();
    let r = create(
        &api,
        "application/json",
        serde_json::to_vec(&program).unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let id = r.body["id"].as_str().unwrap();
    let file = api
        .get(&format!("/api/v1/programs/{id}/program.toml"), true)
        .await;
    let text = String::from_utf8(file.bytes).unwrap();
    assert_eq!(Program::parse(&text).unwrap(), program, "{text}");
    let detail = api.get(&format!("/api/v1/programs/{id}"), true).await;
    let back: Program = serde_json::from_value(detail.body["program"].clone()).unwrap();
    assert_eq!(back, program);
}

#[tokio::test]
async fn json_may_leave_out_defaults_but_a_misspelt_key_is_refused() {
    let api = demo_api().await;
    let minimal = json!({ "name": "Uitrol",
        "waves": [{ "id": "pilot", "start": "2027-01-11", "end": "2027-01-22" }] });
    let r = create(&api, "application/json", minimal.to_string()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let id = r.body["id"].as_str().unwrap();
    let detail = api.get(&format!("/api/v1/programs/{id}"), true).await;
    assert_eq!(detail.body["program"]["confidence"], json!(0.8));
    // Silently dropping a misspelt capacity would leave the capacity gate off.
    let mut typo = minimal.clone();
    typo["helpdesk_capacity"] = json!(40);
    let r = create(&api, "application/json", typo.to_string()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let message = r.body["error"]["message"].as_str().unwrap();
    assert!(message.contains("helpdesk_capacity"), "{message}");
    let mut typo = minimal;
    typo["waves"][0]["size"] = json!(40);
    let r = create(&api, "application/json", typo.to_string()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
}

#[tokio::test]
async fn every_problem_of_a_program_comes_back_at_once_with_its_line() {
    let api = demo_api().await;
    let bad = TOML
        .replace("end = 2027-01-29", "end = 2026-01-29")
        .replace(
            "helpdesk_capacity_per_day = 5",
            "helpdesk_capacity_per_day = -5",
        )
        .replace("pass = 0.95", "pass = 0.5");
    let r = create(&api, "application/toml", bad).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_program");
    let details = &r.body["error"]["details"];
    // The first problem where older clients read it, the others after it.
    let mut lines = vec![details["line"].clone()];
    lines.extend(
        details["more"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["line"].clone()),
    );
    let messages: Vec<&str> = std::iter::once(details)
        .chain(details["more"].as_array().unwrap())
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 3, "{details}");
    assert!(
        lines.contains(&json!(9)),
        "the wave's end on line 9: {details}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("helpdesk_capacity_per_day")),
        "{details}"
    );
    let message = |r: &super::Reply| r.body["error"]["message"].as_str().unwrap().to_string();
    assert!(
        message(&r).ends_with("(And 2 other problems.)"),
        "{}",
        message(&r)
    );
    // One problem: no `more`, no count.
    let one = TOML.replace("end = 2027-01-29", "end = 2026-01-29");
    let r = create(&api, "application/toml", one).await;
    assert!(
        r.body["error"]["details"].get("more").is_none(),
        "{:?}",
        r.body
    );
    assert!(!message(&r).contains("more"), "{}", message(&r));
}

#[tokio::test]
async fn an_invalid_program_is_refused_with_its_line_and_nothing_is_created() {
    let api = demo_api().await;
    let before = api
        .get("/api/v1/programs", true)
        .await
        .body
        .as_array()
        .unwrap()
        .len();
    let bad = TOML.replace("end = 2027-01-29", "end = 2026-01-29");
    let r = create(&api, "application/toml", bad).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_program");
    assert_eq!(r.body["error"]["details"]["file"], "program.toml");
    assert_eq!(r.body["error"]["details"]["line"], 9);
    let mut json = serde_json::to_value(Program::parse(TOML).unwrap()).unwrap();
    json["confidence"] = json!(3.0);
    let r = create(&api, "application/json", json.to_string()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_program");
    let r = create(&api, "application/json", "{\"name\": 1}").await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    // A blank, garbled or huge name: refused on the name's line, which the form's name field
    // shows (a JSON body's lines are those of its program.toml, the name's being the first).
    for name in ["", "   ", "a\u{0}b\u{202e}", &"x".repeat(100_000)] {
        let mut json = serde_json::to_value(Program::parse(TOML).unwrap()).unwrap();
        json["name"] = json!(name);
        let r = create(&api, "application/json", json.to_string()).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_program");
        assert_eq!(r.body["error"]["details"]["line"], 1, "{:?}", r.body);
        let toml = TOML.replace("\"Intune rollout 2027\"", &format!("{:?}", name));
        let r = create(&api, "application/toml", toml).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_program");
        assert_eq!(r.body["error"]["details"]["line"], 2, "{:?}", r.body);
    }
    let r = create(&api, "text/plain", TOML).await;
    assert_error(
        &r,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    assert_eq!(
        api.get("/api/v1/programs", true)
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        before
    );
}

#[tokio::test]
async fn a_program_is_replaced_by_put_and_unknown_ones_are_404() {
    let api = demo_api().await;
    let renamed = TOML.replace("Intune rollout 2027", "Uitrol 2027");
    let r = api
        .call(
            "PUT",
            "/api/v1/programs/demo",
            Auth::Planner,
            Some("application/toml"),
            renamed,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["name"], "Uitrol 2027");
    assert!(r.body["updated_at"].is_string());
    let r = api
        .call(
            "PUT",
            "/api/v1/programs/nope",
            Auth::Planner,
            Some("application/toml"),
            TOML,
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    assert_error(
        &api.get("/api/v1/programs/nope", true).await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn a_wave_renamed_under_the_roster_is_saved_and_says_where_the_roster_no_longer_fits() {
    let api = demo_api().await;
    let put = |toml: String| {
        let api = &api;
        async move {
            api.call(
                "PUT",
                "/api/v1/programs/demo?lang=en",
                Auth::Planner,
                Some("application/toml"),
                toml,
            )
            .await
        }
    };
    let r = put(TOML.to_string()).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let roster = "person_id,wave\np1,pilot\np2,wave-1\n";
    // An older import of another name: the problem names the file in use.
    upload(&api, "roster", roster, "").await;
    let r = upload(&api, "roster", roster, "?name=Medewerkers%202027.csv").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert!(r.body.get("roster_problem").is_none());
    // Saved all the same: the roster with the new id can only be imported afterwards.
    let r = put(TOML.replace("\"wave-1\"", "\"golf-1\"")).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["program"]["waves"][1]["id"], "golf-1");
    let problem = &r.body["roster_problem"];
    assert_eq!(
        (&problem["file"], &problem["line"], &problem["column"]),
        (&json!("Medewerkers 2027.csv"), &json!(3), &json!(2))
    );
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("a wave of the program (pilot, golf-1)"),
        "{problem}"
    );
    // Readiness names it so too.
    let r = api
        .get(
            "/api/v1/programs/demo/readiness?at=2027-01-20&lang=en",
            true,
        )
        .await;
    assert_eq!(r.body["error"]["code"], "inputs_rejected", "{:?}", r.body);
    assert_eq!(r.body["error"]["details"]["file"], "Medewerkers 2027.csv");
    assert!(
        (r.body["error"]["message"].as_str().unwrap()).contains("Medewerkers 2027.csv, line 3"),
        "{:?}",
        r.body
    );
    // Put back, it fits again.
    let r = put(TOML.to_string()).await;
    assert!(r.body.get("roster_problem").is_none(), "{:?}", r.body);
}

#[tokio::test]
async fn support_details_reach_the_respondent_and_bad_links_are_refused() {
    let api = demo_api().await;
    let body = json!({ "helpdesk": { "nl": "Bel de helpdesk: 020-1234567", "en": "Call the helpdesk: 020-1234567" },
                       "faq_url": "https://intranet.example.org/intune-faq" });
    let r = put_support(&api, &body).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let token = api.invitation("help-seeker").await;
    let view = api.get(&format!("/api/v1/respond/{token}"), false).await;
    assert_eq!(
        view.body["support"]["faq_url"],
        "https://intranet.example.org/intune-faq"
    );
    assert_eq!(view.body["languages"], json!(["nl", "en"]));

    let r = api
        .call(
            "PUT",
            "/api/v1/programs/demo/support?lang=nl",
            Auth::Planner,
            Some("application/json"),
            json!({ "faq_url": "javascript:alert(1)" }).to_string(),
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_support");
    assert!(
        r.body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("de FAQ-link")
    );
}

#[tokio::test]
async fn an_oversized_program_or_a_method_a_path_does_not_take_gets_a_json_error() {
    let api = demo_api().await;
    let huge = format!("{TOML}# {}\n", "x".repeat(300 * 1024));
    for (method, path) in [
        ("POST", "/api/v1/programs"),
        ("PUT", "/api/v1/programs/demo"),
    ] {
        let r = api
            .call(
                method,
                path,
                Auth::Planner,
                Some("application/toml"),
                huge.clone(),
            )
            .await;
        assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    }
    for (method, path, allowed) in [
        ("PATCH", "/api/v1/programs/demo", "GET,HEAD,PUT"),
        ("DELETE", "/api/v1/programs/demo", "GET,HEAD,PUT"),
        ("POST", "/api/v1/health", "GET,HEAD"),
        (
            "DELETE",
            "/api/v1/respond/0123456789abcdef0123456789abcdef",
            "GET,HEAD,POST",
        ),
        (
            "POST",
            "/api/v1/train/0123456789abcdef0123456789abcdef",
            "GET,HEAD",
        ),
    ] {
        let r = api
            .call(method, path, Auth::Planner, None, axum::body::Body::empty())
            .await;
        assert_error(&r, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
        assert_eq!(r.headers[header::ALLOW], allowed, "{method} {path}");
    }
}

#[tokio::test]
async fn wave_names_are_kept_from_toml_and_json_and_checked_at_their_line() {
    let api = demo_api().await;
    let named = TOML.replace(
        "id = \"wave-1\"\n",
        "id = \"wave-1\"\nname = \"Golf 1 – Finance en HR\"\n",
    );
    let r = create(&api, "application/toml", named.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let id = r.body["id"].as_str().unwrap().to_string();
    let detail = api.get(&format!("/api/v1/programs/{id}"), true).await;
    let waves = &detail.body["program"]["waves"];
    assert_eq!(waves[1]["name"], "Golf 1 – Finance en HR");
    assert!(waves[0].get("name").is_none(), "{waves}");
    let file = api
        .get(&format!("/api/v1/programs/{id}/program.toml"), true)
        .await;
    assert_eq!(file.bytes, named.as_bytes());

    let json = json!({ "name": "Regio's",
        "waves": [
            { "id": "pilot", "name": "Pilot IT", "start": "2027-01-11", "end": "2027-01-22" },
            { "id": "wave-2", "name": "Regio Noord", "start": "2027-02-01", "end": "2027-02-12" }
        ] });
    let r = create(&api, "application/json", json.to_string()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let id = r.body["id"].as_str().unwrap().to_string();
    let detail = api.get(&format!("/api/v1/programs/{id}"), true).await;
    let back: Program = serde_json::from_value(detail.body["program"].clone()).unwrap();
    assert_eq!(back.waves[1].label(), "wave-2 (Regio Noord)");
    let file = api
        .get(&format!("/api/v1/programs/{id}/program.toml"), true)
        .await;
    let text = String::from_utf8(file.bytes).unwrap();
    assert!(text.contains("name = \"Regio Noord\""), "{text}");

    // A blank or garbled wave name is refused on its own line of the program.toml the JSON
    // makes (the form shows it under that wave's name), in the request's language.
    for name in [" ", "Noord\u{202e}Zuid"] {
        let mut bad = json.clone();
        bad["waves"][1]["name"] = json!(name);
        let r = api
            .call(
                "POST",
                "/api/v1/programs?lang=nl",
                Auth::Planner,
                Some("application/json"),
                bad.to_string().into_bytes(),
            )
            .await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_program");
        let input = wavegate_core::readiness::program_toml::ProgramInput::from_json(
            bad.to_string().as_bytes(),
        )
        .unwrap();
        let line = r.body["error"]["details"]["line"].as_u64().unwrap() as usize;
        assert_eq!(
            input.to_toml().lines().nth(line - 1).unwrap(),
            format!("name = \"{name}\""),
            "{:?}",
            r.body
        );
        let message = r.body["error"]["details"]["message"].as_str().unwrap();
        assert!(
            message.contains(": verwacht een naam") || message.contains(": de naam is leeg"),
            "{message}"
        );
    }
}
