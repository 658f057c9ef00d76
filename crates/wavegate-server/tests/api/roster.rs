//! Invitations from the roster (personal and anonymous, idempotent) and response rates per
//! wave and segment.

use super::support::{
    Auth, demo_roster, demo_roster_with_five_in_windows_sales, demo_roster_with_ios_moved, upload,
};
use super::{Api, assert_error, demo_api};
use axum::http::StatusCode;
use serde_json::{Value, json};

async fn from_roster(api: &Api, survey: &str, body: Value) -> super::Reply {
    api.call(
        "POST",
        &format!("/api/v1/programs/demo/surveys/{survey}/invitations/from-roster"),
        Auth::Planner,
        Some("application/json"),
        body.to_string(),
    )
    .await
}

#[tokio::test]
async fn personal_links_for_a_wave_carry_the_roster_attributes_and_are_made_once() {
    let api = demo_api().await;
    let r = from_roster(&api, "pilot-feedback", json!({ "wave": "wave-1" })).await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    upload(&api, "roster", demo_roster(), "").await;

    let r = from_roster(
        &api,
        "pilot-feedback",
        json!({ "wave": "wave-1", "segment": { "department": "Sales" } }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(
        (
            r.body["people"].as_u64(),
            r.body["created"].as_u64(),
            r.body["existing"].as_u64()
        ),
        (Some(7), Some(7), Some(0))
    );
    let r = from_roster(&api, "pilot-feedback", json!({ "wave": "wave-1" })).await;
    assert_eq!(
        (r.body["created"].as_u64(), r.body["existing"].as_u64()),
        (Some(13), Some(7)),
        "idempotent per person"
    );
    let r = from_roster(&api, "pilot-feedback", json!({ "wave": "pilot" })).await;
    assert_eq!(
        (r.body["created"].as_u64(), r.body["existing"].as_u64()),
        (Some(0), Some(12)),
        "the demo's pilot people have links"
    );

    let links = api
        .get(
            "/api/v1/programs/demo/surveys/pilot-feedback/invitations",
            true,
        )
        .await;
    let p013 = links
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["person_id"] == "p013")
        .unwrap();
    assert_eq!(
        p013["attributes"],
        json!({ "department": "Sales", "platform": "Windows", "wave": "wave-1" })
    );
    assert_eq!(p013["language"], "en");

    let r = from_roster(&api, "pilot-feedback", json!({ "wave": "wave-9" })).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_selection");
    let r = from_roster(
        &api,
        "pilot-feedback",
        json!({ "segment": { "shoe_size": "44" } }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_selection");
}

#[tokio::test]
async fn an_anonymous_link_is_one_per_segment_of_split_attributes_with_at_least_five_people() {
    let api = demo_api().await;
    upload(&api, "roster", demo_roster(), "").await;
    let segment =
        json!({ "wave": "wave-1", "segment": { "platform": "iOS" }, "kind": "anonymous" });
    let r = from_roster(&api, "om-pulse", segment.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["people"], 10);
    let link = &r.body["links"][0];
    assert_eq!(
        link["attributes"],
        json!({ "platform": "iOS", "wave": "wave-1" })
    );
    assert!(link.get("person_id").is_none());
    let again = from_roster(&api, "om-pulse", segment).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["links"][0]["token"], link["token"]);

    // Language is not a split attribute of the demo program.
    let r = from_roster(
        &api,
        "om-pulse",
        json!({ "segment": { "language": "en" }, "kind": "anonymous" }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_selection");
    let r = from_roster(
        &api,
        "om-pulse",
        json!({ "wave": "pilot", "segment": { "platform": "iOS" }, "kind": "anonymous" }),
    )
    .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_selection");
    assert!(
        r.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("at least 5"),
        "{:?}",
        r.body
    );
    // Personal links on an anonymous survey are refused.
    let r = from_roster(&api, "om-pulse", json!({ "wave": "wave-1" })).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_selection");

    // The threshold is exactly 5: Sales of wave-1 on Windows is p013, p015, p017, p019 — four
    // people, refused; one more on the roster makes five, accepted.
    let sales_on_windows = json!({
        "wave": "wave-1",
        "segment": { "platform": "Windows", "department": "Sales" },
        "kind": "anonymous"
    });
    let r = from_roster(&api, "om-pulse", sales_on_windows.clone()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_selection");
    assert_eq!(
        r.body["error"]["message"],
        "only 4 people on the roster are in this segment; an anonymous link needs at least 5",
        "{:?}",
        r.body
    );
    let five = demo_roster_with_five_in_windows_sales();
    assert_eq!(
        upload(&api, "roster", five, "").await.status,
        StatusCode::OK
    );
    let r = from_roster(&api, "om-pulse", sales_on_windows).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["people"], 5);
}

#[tokio::test]
async fn an_anonymous_link_whose_group_a_new_roster_leaves_under_five_is_revoked_with_it() {
    let api = demo_api().await;
    upload(&api, "roster", demo_roster(), "").await;
    let segment =
        json!({ "wave": "wave-1", "segment": { "platform": "iOS" }, "kind": "anonymous" });
    let r = from_roster(&api, "om-pulse", segment).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let ios = r.body["links"][0]["token"].as_str().unwrap().to_string();
    let r = from_roster(
        &api,
        "om-pulse",
        json!({ "wave": "wave-1", "segment": { "platform": "Windows" }, "kind": "anonymous" }),
    )
    .await;
    let windows = r.body["links"][0]["token"].as_str().unwrap().to_string();
    // Six of wave-1's ten iOS users move to Android: four are left.
    let shrunk = demo_roster_with_ios_moved(6);
    let opens = |t: String| {
        let api = &api;
        async move { api.get(&format!("/api/v1/respond/{t}"), false).await }
    };
    let r = upload(&api, "roster", shrunk.clone(), "?dry_run=true&lang=en").await;
    let warnings: Vec<&str> = (r.body["warning_messages"].as_array().unwrap().iter())
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        warnings.contains(&"1 anonymous link is for a group with fewer than 5 people on this roster; it is revoked with this roster, so that no answer can point to a person."),
        "{warnings:?}"
    );
    assert_eq!(
        opens(ios.clone()).await.status,
        StatusCode::OK,
        "a preview changes nothing"
    );
    assert_eq!(
        upload(&api, "roster", shrunk, "").await.status,
        StatusCode::OK
    );
    assert_error(&opens(ios).await, StatusCode::GONE, "link_revoked");
    assert_eq!(
        opens(windows).await.status,
        StatusCode::OK,
        "a group still large enough keeps its link"
    );
}

#[tokio::test]
async fn a_roster_leaving_an_anonymous_group_under_five_revokes_its_link_when_the_roster_in_use_no_longer_reads()
 {
    let api = demo_api().await;
    // The roster in use has someone in wave-2, which the program then drops: it no longer reads.
    let with_wave_2 = demo_roster() + "p033;p033@example.org;wave-2;iOS;HR;en\r\n";
    assert_eq!(
        upload(&api, "roster", with_wave_2, "").await.status,
        StatusCode::OK
    );
    let r = from_roster(
        &api,
        "om-pulse",
        json!({ "wave": "wave-1", "segment": { "platform": "iOS" }, "kind": "anonymous" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let ios = r.body["links"][0]["token"].as_str().unwrap().to_string();
    let toml = "name = \"Intune-uitrol 2027 (demo)\"\nsplit_attributes = [\"platform\", \"department\"]\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n[[wave]]\nid = \"wave-1\"\nstart = 2027-02-08\nend = 2027-02-26\n";
    let r = api
        .call(
            "PUT",
            "/api/v1/programs/demo",
            Auth::Planner,
            Some("application/toml"),
            toml,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = from_roster(
        &api,
        "om-pulse",
        json!({ "wave": "wave-1", "kind": "anonymous" }),
    )
    .await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    // Seven of wave-1's ten iOS users move to Android: three are left.
    let shrunk = demo_roster_with_ios_moved(7);
    let told = "1 anonymous link is for a group with fewer than 5 people on this roster; it is revoked with this roster, so that no answer can point to a person.";
    let warnings = |r: &super::Reply| -> Vec<String> {
        (r.body["warning_messages"].as_array().unwrap().iter())
            .map(|w| w.as_str().unwrap().to_string())
            .collect()
    };
    let r = upload(&api, "roster", shrunk.clone(), "?dry_run=true&lang=en").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert!(warnings(&r).iter().any(|w| w == told), "{:?}", warnings(&r));
    assert!(
        r.body.get("roster_changes").is_none(),
        "nothing to compare with"
    );
    let opens = |t: &str| {
        let (api, path) = (&api, format!("/api/v1/respond/{t}"));
        async move { api.get(&path, false).await }
    };
    assert_eq!(
        opens(&ios).await.status,
        StatusCode::OK,
        "a preview changes nothing"
    );
    let r = upload(&api, "roster", shrunk, "?lang=en").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert!(warnings(&r).iter().any(|w| w == told), "{:?}", warnings(&r));
    assert_error(&opens(&ios).await, StatusCode::GONE, "link_revoked");
}

#[tokio::test]
async fn response_rates_per_wave_and_segment_suppress_small_groups_and_name_nobody() {
    let api = demo_api().await;
    let r = api
        .get("/api/v1/programs/demo/surveys/pilot-feedback/rates", true)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    // The demo: 12 pilot people, 8 answered.
    let groups = r.body["groups"].as_array().unwrap();
    let pilot = groups
        .iter()
        .find(|g| g["attribute"] == "wave" && g["value"] == "pilot")
        .unwrap();
    assert_eq!(
        (
            pilot["invited"].as_u64(),
            pilot["responded"].as_u64(),
            pilot["rate"].as_u64()
        ),
        (Some(12), Some(8), Some(67))
    );
    for g in groups {
        if g["suppressed"] == true {
            assert!(g["invited"].is_null() && g["rate"].is_null(), "{g}");
        } else {
            assert!(g["invited"].as_u64().unwrap() >= 5, "{g}");
        }
    }
    assert!(!r.body.to_string().contains("p00"), "no person ids");
    let anon = api
        .get("/api/v1/programs/demo/surveys/om-pulse/rates", true)
        .await;
    assert_eq!(anon.body["anonymous"], true);
    let g = &anon.body["groups"][0];
    assert_eq!(
        (g["attribute"].as_str(), g["responded"].as_u64()),
        (Some("wave"), Some(7))
    );
    assert!(g["rate"].is_null());
}

#[tokio::test]
async fn once_the_roster_is_in_personal_links_are_only_for_people_on_it() {
    let api = demo_api().await;
    let invite = |people: &[&str], lang: &str| {
        let body = json!({
            "invitations": people.iter().map(|p| json!({ "person_id": p })).collect::<Vec<_>>()
        });
        let path = format!("/api/v1/programs/demo/surveys/pilot-feedback/invitations?lang={lang}");
        let api = &api;
        async move {
            api.call(
                "POST",
                &path,
                Auth::Planner,
                Some("application/json"),
                body.to_string(),
            )
            .await
        }
    };
    // Before the roster is imported, a program may already collect answers.
    let r = invite(&["early-bird"], "en").await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);

    upload(&api, "roster", demo_roster(), "").await;
    let r = invite(&["p013", "stranger", "P014", "p999"], "nl").await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
    let refused: Vec<(u64, String)> = r.body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["index"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert_eq!((refused[0].0, refused[1].0), (1, 3));
    assert!(
        refused[0]
            .1
            .contains("\"stranger\" staat niet in de personeelslijst"),
        "{refused:?}"
    );
    let links = api
        .get(
            "/api/v1/programs/demo/surveys/pilot-feedback/invitations",
            true,
        )
        .await;
    assert!(
        !links
            .body
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["person_id"] == "p013"),
        "nothing of a refused list is created"
    );

    let r = invite(&["p013", "P014"], "en").await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
}

async fn groups(api: &Api, program: &str, auth: Auth<'_>) -> super::Reply {
    api.call(
        "GET",
        &format!("/api/v1/programs/{program}/roster/groups"),
        auth,
        None,
        Vec::new(),
    )
    .await
}

#[tokio::test]
async fn the_roster_groups_list_each_split_value_with_its_size_per_wave_never_a_small_count() {
    let api = demo_api().await;
    let r = groups(&api, "demo", Auth::Planner).await;
    assert_error(&r, StatusCode::CONFLICT, "no_roster");
    let r = groups(&api, "nope", Auth::Planner).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    upload(&api, "roster", demo_roster(), "").await;

    // A viewer reads them as a planner does.
    let r = groups(&api, "demo", Auth::Viewer).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let b = &r.body;
    assert_eq!(
        b["waves"],
        json!([
            { "wave": "pilot", "size": { "people": 12, "suppressed": false } },
            { "wave": "wave-1", "size": { "people": 20, "suppressed": false } },
            { "wave": "wave-2", "size": { "people": 0, "suppressed": false } },
        ])
    );
    assert_eq!(b["total"]["people"], 32);
    let attributes: Vec<&str> = (b["attributes"].as_array().unwrap().iter())
        .map(|a| a["attribute"].as_str().unwrap())
        .collect();
    assert_eq!(attributes, ["platform", "department"]);

    // Platform: Windows 6 + 10, iOS 3 + 10, Android 3 (pilot only): most people first.
    let platform = &b["attributes"][0]["values"];
    let fewer = json!({ "people": null, "suppressed": true });
    let shown = |n: u64| json!({ "people": n, "suppressed": false });
    assert_eq!(
        platform,
        &json!([
            { "value": "Windows", "per_wave": [shown(6), shown(10), shown(0)], "total": shown(16) },
            { "value": "iOS", "per_wave": [fewer, shown(10), shown(0)], "total": shown(13) },
            { "value": "Android", "per_wave": [fewer, shown(0), shown(0)], "total": fewer },
        ])
    );
    // The pilot's 3 iOS people and 3 Android people: listed, their number nowhere.
    let text = b.to_string();
    assert!(
        !text.contains("\"people\":3,") && !text.contains("\"people\":3}"),
        "{text}"
    );

    let department = &b["attributes"][1]["values"];
    let values: Vec<(&str, &Value)> = (department.as_array().unwrap().iter())
        .map(|v| (v["value"].as_str().unwrap(), &v["total"]))
        .collect();
    assert_eq!(
        values,
        [
            ("HR", &shown(13)),
            ("Finance", &shown(12)),
            ("Sales", &shown(7))
        ]
    );
}

#[tokio::test]
async fn the_groups_follow_a_new_roster_and_a_changed_program_at_once() {
    let api = demo_api().await;
    upload(&api, "roster", demo_roster(), "").await;
    let total = |r: &super::Reply| r.body["total"]["people"].as_u64();
    let r = groups(&api, "demo", Auth::Planner).await;
    assert_eq!(total(&r), Some(32));

    // Five more people in wave 1: the next list counts them (the parsed roster is kept by its
    // file, not by its program).
    let mut more = demo_roster();
    for i in 33..=37 {
        more.push_str(&format!(
            "p{i:03};p{i:03}@example.org;wave-1;macOS;IT;en\r\n"
        ));
    }
    upload(&api, "roster", more, "").await;
    let r = groups(&api, "demo", Auth::Planner).await;
    assert_eq!(total(&r), Some(37));
    let platforms = r.body["attributes"][0]["values"].to_string();
    assert!(platforms.contains("macOS"), "{platforms}");

    // A program split by department only: the same file, read with the new program.
    let program = api.get("/api/v1/programs/demo", true).await;
    let mut definition = program.body["program"].clone();
    definition["split_attributes"] = json!(["department"]);
    let r = api
        .call(
            "PUT",
            "/api/v1/programs/demo",
            Auth::Planner,
            Some("application/json"),
            definition.to_string(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = groups(&api, "demo", Auth::Planner).await;
    let attributes: Vec<&str> = (r.body["attributes"].as_array().unwrap().iter())
        .map(|a| a["attribute"].as_str().unwrap())
        .collect();
    assert_eq!(attributes, ["department"]);
}

#[tokio::test]
async fn a_new_roster_is_compared_with_the_one_in_use_and_says_which_links_stay_as_they_were() {
    let api = demo_api().await;
    // The first roster: nothing to compare with.
    let r = upload(&api, "roster", demo_roster(), "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert!(r.body.get("roster_changes").is_none(), "{:?}", r.body);
    let r = from_roster(&api, "pilot-feedback", json!({ "wave": "wave-1" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let modules = "/api/v1/programs/demo/modules";
    let r = super::training::planner_post(&api, modules, json!({ "builtin": "get-help" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let assign = format!("{modules}/get-help/assignments");
    let r = super::training::planner_post(&api, &assign, json!({ "wave": "wave-1" })).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    // p013 leaves, p014 moves to the pilot, p015 gets a new address, p099 joins wave-1.
    let changed = demo_roster()
        .lines()
        .filter(|l| !l.starts_with("p013;"))
        .map(|l| {
            if l.starts_with("p014;") {
                l.replace(";wave-1;", ";pilot;")
            } else if l.starts_with("p015;") {
                l.replace("p015@example.org", "p015.new@example.org")
            } else {
                l.to_string()
            }
        })
        .chain(["p099;p099@example.org;wave-1;iOS;HR;en".to_string()])
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n";
    let r = upload(&api, "roster", changed.clone(), "?dry_run=true&lang=en").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        r.body["roster_changes"],
        json!({"added": 1, "removed": 1, "moved": 1, "email_changed": 1})
    );
    let warnings: Vec<&str> = r.body["warning_messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        warnings.contains(&"Compared with the roster in use: 1 person new, 1 person no longer on the roster, 1 person in another wave, 1 other e-mail address."),
        "{warnings:?}"
    );
    // p013's and p014's wave-1 links were sent and are unanswered.
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("2 unanswered links belong to people")),
        "{warnings:?}"
    );
    // p013's training link still opens; p014's is theirs in any wave.
    assert!(
        warnings.contains(&"1 training link belongs to someone no longer on the roster; it keeps working until you revoke it."),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("1 new person has no link yet")),
        "{warnings:?}"
    );
    // Stored, then the first roster again: p014 moves back to the wave their link was made
    // for and p013 comes back to the link they had, so no link misfits and nobody lacks one.
    assert_eq!(
        upload(&api, "roster", changed, "").await.status,
        StatusCode::OK
    );
    let r = upload(&api, "roster", demo_roster(), "?dry_run=true&lang=en").await;
    assert_eq!(
        r.body["roster_changes"],
        json!({"added": 1, "removed": 1, "moved": 1, "email_changed": 1})
    );
    let warnings: Vec<&str> = (r.body["warning_messages"].as_array().unwrap().iter())
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        !warnings.iter().any(|w| w.contains("unanswered link")
            || w.contains("no link yet")
            || w.contains("training link")),
        "{warnings:?}"
    );
    // The same roster again changes nothing and says so by saying nothing.
    assert_eq!(
        upload(&api, "roster", demo_roster(), "").await.status,
        StatusCode::OK
    );
    let r = upload(&api, "roster", demo_roster(), "?dry_run=true&lang=en").await;
    assert_eq!(
        r.body["roster_changes"],
        json!({"added": 0, "removed": 0, "moved": 0, "email_changed": 0})
    );
}
