//! The stakeholder report's downloads carry the program's communication plan with its reach
//! and its lessons learned, added through the API, with hostile text escaped; the JSON stays
//! the evaluation alone.

use super::support::{Auth, demo_roster, upload};
use super::{Api, Reply, demo_api};
use axum::http::StatusCode;
use serde_json::{Value, json};
use wavegate_core::api::{Purpose, Reach};
use wavegate_core::i18n::Lang;

const DEMO: &str = "/api/v1/programs/demo";

async fn get(api: &Api, path: &str) -> Reply {
    api.call("GET", path, Auth::Viewer, None, Vec::new()).await
}

async fn post(api: &Api, path: &str, body: Value) -> Reply {
    let r = api
        .call(
            "POST",
            path,
            Auth::Planner,
            Some("application/json"),
            body.to_string(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    r
}

fn text(r: Reply) -> String {
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    String::from_utf8(r.bytes).unwrap()
}

#[tokio::test]
async fn the_html_and_markdown_reports_carry_the_plan_and_the_lessons_escaped_and_the_json_does_not()
 {
    let api = demo_api().await;
    // The day the report is about, so the message can have gone out before it.
    let day = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    api.clock.set(day.and_hms_opt(12, 0, 0).unwrap().and_utc());
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    let json_before = get(
        &api,
        &format!("{DEMO}/readiness.json?at=2027-02-01&lang=en"),
    )
    .await;
    assert_eq!(json_before.status, StatusCode::OK);
    let md = text(get(&api, &format!("{DEMO}/readiness.md?at=2027-02-01&lang=en")).await);
    assert!(
        md.contains("No communication plan has been recorded."),
        "{md}"
    );
    assert!(
        md.contains("No lessons learned have been recorded."),
        "{md}"
    );

    post(
        &api,
        &format!("{DEMO}/communications"),
        json!({
            "wave": "pilot",
            "channel": "email",
            "owner": "Communicatie | Anna",
            "purpose": "answer_survey",
            "planned_on": "2027-01-12",
            "sent_on": "2027-01-12",
            "subject": "<script>alert(1)</script> Vul de [vragenlijst](javascript:alert(1)) in",
            "note": "Concepttekst alleen voor het team",
        }),
    )
    .await;
    post(
        &api,
        &format!("{DEMO}/lessons"),
        json!({
            "wave": "pilot",
            "kind": "to_improve",
            "text": "Eerst de helpdesk <b>briefen</b> | daarna\nuitnodigen [x](javascript:alert(1))",
        }),
    )
    .await;

    let md = text(get(&api, &format!("{DEMO}/readiness.md?at=2027-02-01&lang=en")).await);
    let comms = md
        .find("## Communication and reach")
        .expect("the plan's section");
    let lessons = md.find("## Lessons learned").expect("the lessons' section");
    assert!(comms < lessons);
    let row = md[comms..lessons]
        .lines()
        .find(|l| l.contains("vragenlijst"))
        .expect("the planned message's row");
    assert!(
        row.starts_with("| 12 January 2027 · sent 12 January 2027 | wave pilot (Pilot IT) | E-mail | Communicatie \\| Anna | Answer a survey | &lt;script&gt;alert(1)&lt;/script&gt; Vul de \\[vragenlijst\\](javascript\\:alert(1)) in | "),
        "{row}"
    );
    // The reach is the one `GET …/communications` measures, in the core's sentence.
    let plan = get(&api, &format!("{DEMO}/communications?lang=en")).await;
    let reach: Reach = serde_json::from_value(plan.body[0]["reach"].clone()).unwrap();
    assert!(matches!(reach, Reach::Measured(_)), "{reach:?}");
    let sentence = wavegate_core::comms::text::reach(&reach, Purpose::AnswerSurvey, Lang::En);
    assert!(sentence.contains("answered a survey after the message"));
    assert!(row.ends_with(&format!("| {sentence} |")), "{row}");
    assert!(
        md[lessons..].contains("| pilot (Pilot IT) | To improve | Eerst de helpdesk &lt;b&gt;briefen&lt;/b&gt; \\| daarna<br>uitnodigen \\[x\\](javascript\\:alert(1)) |"),
        "{md}"
    );
    assert!(
        !md.contains("token:test-planner"),
        "no author in the report"
    );
    assert!(!md.contains("Concepttekst"), "no note in the report");

    let nl = text(get(&api, &format!("{DEMO}/readiness.md?at=2027-02-01&lang=nl")).await);
    assert!(nl.contains("## Communicatie en bereik"), "{nl}");
    assert!(
        nl.contains("| pilot (Pilot IT) | Kan beter | Eerst de helpdesk"),
        "{nl}"
    );

    let html = text(
        get(
            &api,
            &format!("{DEMO}/readiness.html?at=2027-02-01&lang=en"),
        )
        .await,
    );
    assert!(html.contains("<h2>Communication and reach</h2>"), "{html}");
    assert!(html.contains("<h2>Lessons learned</h2>"), "{html}");
    assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
    // Escaped (a table cell may break after a slash).
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/<wbr>script&gt; Vul de [vragenlijst]"));
    assert!(html.contains("Eerst de helpdesk &lt;b&gt;briefen&lt;/<wbr>b&gt; | daarna"));

    let json_after = get(
        &api,
        &format!("{DEMO}/readiness.json?at=2027-02-01&lang=en"),
    )
    .await;
    assert_eq!(
        json_after.bytes, json_before.bytes,
        "the JSON is what `wavegate score` prints, plan and lessons aside"
    );
}
