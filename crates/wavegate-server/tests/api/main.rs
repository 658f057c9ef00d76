//! The HTTP API as a client sees it, through the real router and an in-memory database.

#![allow(clippy::unwrap_used)]

mod abuse;
mod access;
mod anonymity;
mod assets;
mod comms;
mod drafts;
mod imports;
mod languages;
mod lessons;
mod links;
mod malformed_answers;
mod programs;
mod readiness;
mod reminders;
mod report_appendix;
mod roster;
mod sessions;
mod slow_clients;
mod support;
mod surveys;
mod training;
mod training_attempts;
mod training_links;

use support::Auth;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use wavegate_server::{AppState, Assets, Store, router};

const PILOT: &str = "/api/v1/programs/demo/surveys/pilot-feedback";

/// The API over a store, with a planner and a viewer (accounts and API tokens) and a clock the
/// test can move.
pub struct Api {
    router: Router,
    /// The app's files; kept for the router's lifetime, since it serves from this directory.
    _dist: tempfile::TempDir,
    /// The store behind the router.
    pub store: Store,
    /// The router's clock.
    pub clock: wavegate_server::Clock,
    /// An API token of the planner role.
    pub planner_token: String,
    /// An API token of the viewer role.
    pub viewer_token: String,
}

/// An answer, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: axum::http::HeaderMap,
    pub bytes: Vec<u8>,
    pub body: Value,
}

impl Api {
    /// An API over `store`, serving the app built into `dist`.
    async fn over(store: Store, dist: tempfile::TempDir) -> Api {
        Api::over_with(store, dist, |s| s).await
    }

    /// Like [`Api::over`], with the state changed by `configure`.
    async fn over_with(
        store: Store,
        dist: tempfile::TempDir,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> Api {
        let clock = wavegate_server::Clock::system();
        let state = configure(
            AppState::new(store.clone(), "http://wavegate.test")
                .with_clock(clock.clone())
                .with_login_delay(std::time::Duration::ZERO),
        );
        let router = router(state, Assets::load(dist.path()));
        let (planner_token, viewer_token) = support::accounts(&store).await;
        Api {
            router,
            _dist: dist,
            store,
            clock,
            planner_token,
            viewer_token,
        }
    }

    async fn new() -> Api {
        Api::over(Store::in_memory().unwrap(), tempfile::tempdir().unwrap()).await
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        Reply {
            status,
            content_type,
            headers,
            bytes,
            body,
        }
    }

    /// Any request: `auth` says who sends it, `content_type` what the body is.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        auth: Auth<'_>,
        content_type: Option<&str>,
        body: impl Into<Body>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        req = auth.apply(req, self);
        self.send(req.body(body.into()).unwrap()).await
    }

    async fn get(&self, path: &str, planner: bool) -> Reply {
        let auth = if planner { Auth::Planner } else { Auth::None };
        self.call("GET", path, auth, None, Body::empty()).await
    }

    async fn post_raw(&self, path: &str, body: impl Into<Body>, planner: bool) -> Reply {
        let auth = if planner { Auth::Planner } else { Auth::None };
        self.call("POST", path, auth, Some("application/json"), body)
            .await
    }

    async fn post(&self, path: &str, body: Value, planner: bool) -> Reply {
        self.post_raw(path, body.to_string(), planner).await
    }

    /// Creates a personal invitation to the demo pilot survey and returns its token.
    async fn invitation(&self, person: &str) -> String {
        let r = self
            .post(
                &format!("{PILOT}/invitations"),
                json!({ "invitations": [{ "person_id": person, "language": "nl",
                        "attributes": { "platform": "iOS", "department": "Finance", "wave": "pilot" } }] }),
                true,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        r.body[0]["token"].as_str().unwrap().to_string()
    }

    /// The number of links of the demo pilot survey.
    async fn invitation_count(&self) -> usize {
        let r = self.get(&format!("{PILOT}/invitations"), true).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        r.body.as_array().unwrap().len()
    }

    async fn responses(&self) -> u64 {
        let r = self.get("/api/v1/programs", true).await;
        r.body[0]["surveys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["survey_id"] == "pilot-feedback")
            .unwrap()["responses"]
            .as_u64()
            .unwrap()
    }
}

/// A new API over a database seeded like `serve --demo`.
pub async fn demo_api() -> Api {
    let store = Store::in_memory().unwrap();
    wavegate_server::seed_demo(&store, "http://wavegate.test")
        .await
        .unwrap();
    Api::over(store, tempfile::tempdir().unwrap()).await
}

/// A complete, valid answer set for the built-in pilot survey, made by the core's own sampler.
async fn valid_response(api: &Api, token: &str, id: &str) -> Value {
    let view = api.get(&format!("/api/v1/respond/{token}"), false).await;
    assert_eq!(view.status, StatusCode::OK, "{:?}", view.body);
    let survey: wavegate_core::survey::Survey =
        serde_json::from_value(view.body["survey"].clone()).unwrap();
    let attributes: wavegate_core::survey::Attributes =
        serde_json::from_value(view.body["attributes"].clone()).unwrap();
    let response = wavegate_core::survey::sample::complete_response(&survey, &attributes, id, 7);
    serde_json::to_value(response).unwrap()
}

/// Asserts a JSON error answer with this status and code.
pub fn assert_error(r: &Reply, status: StatusCode, code: &str) {
    assert_eq!(r.status, status, "{:?}", r.body);
    assert!(
        r.content_type.starts_with("application/json"),
        "{}: {:?}",
        r.content_type,
        r.body
    );
    assert_eq!(r.body["error"]["code"], code, "{:?}", r.body);
}

#[tokio::test]
async fn health_answers_ok() {
    let r = Api::new().await.get("/api/v1/health", false).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, json!({ "status": "ok" }));
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_not_the_app_page() {
    let r = Api::new().await.get("/api/v1/nope", false).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

/// An app page with one inline loader script.
fn app_page(script: &str) -> String {
    format!(
        "<!doctype html><html><head><script type=\"module\">{script}</script></head><body></body></html>"
    )
}

#[tokio::test]
async fn each_app_gets_its_own_index_page_and_the_policy_allows_both_loaders_by_hash() {
    let respondent = "import init from '/wavegate-app-0123456789abcdef.js'; init();";
    let planner = "import init from '/planner/wavegate-planner-0123456789abcdef.js'; init();";
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), app_page(respondent)).unwrap();
    std::fs::create_dir(dist.path().join("planner")).unwrap();
    std::fs::write(dist.path().join("planner/index.html"), app_page(planner)).unwrap();
    let trainee = "import init from '/training/wavegate-trainee-0123456789abcdef.js'; init();";
    std::fs::create_dir(dist.path().join("training")).unwrap();
    std::fs::write(dist.path().join("training/index.html"), app_page(trainee)).unwrap();
    let api = Api::over(Store::in_memory().unwrap(), dist).await;
    let page = |path: &'static str| {
        let router = api.router.clone();
        async move {
            let res = router
                .oneshot(Request::get(path).body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            assert_eq!(res.headers()[header::REFERRER_POLICY], "no-referrer");
            let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .to_string();
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            (String::from_utf8(bytes.to_vec()).unwrap(), csp)
        }
    };
    for path in ["/", "/r/abc", "/plannerx"] {
        let (body, _) = page(path).await;
        assert!(
            body.contains(respondent),
            "{path} is the respondent app: {body}"
        );
    }
    for path in ["/planner", "/planner/", "/planner/programs/demo/files"] {
        let (body, _) = page(path).await;
        assert!(body.contains(planner), "{path} is the planner app: {body}");
    }
    for path in ["/t/0123456789abcdef0123456789abcdef", "/t/"] {
        let (body, _) = page(path).await;
        assert!(body.contains(trainee), "{path} is the trainee app: {body}");
    }

    let (_, csp) = page("/r/abc").await;
    let hash =
        |s: &str| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()));
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap();
    assert_eq!(
        script_src,
        format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{}' 'sha256-{}' 'sha256-{}'",
            hash(respondent),
            hash(planner),
            hash(trainee)
        ),
        "{csp}"
    );
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn static_files_are_served_precompressed_when_the_build_wrote_a_gzip_beside_them() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), app_page("init()")).unwrap();
    std::fs::write(dist.path().join("app-0123456789abcdef.js"), "plain").unwrap();
    std::fs::write(
        dist.path().join("app-0123456789abcdef.js.gz"),
        b"\x1f\x8bprecompressed",
    )
    .unwrap();
    let api = Api::over(Store::in_memory().unwrap(), dist).await;
    let res = api
        .router
        .clone()
        .oneshot(
            Request::get("/app-0123456789abcdef.js")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&bytes[..], b"\x1f\x8bprecompressed");
}

#[tokio::test]
async fn a_response_is_validated_stored_once_and_acknowledged_again_on_retry() {
    let api = demo_api().await;
    let before = api.responses().await;
    let token = api.invitation("alice").await;
    let body = valid_response(&api, &token, "0123456789abcdef0123456789abcdef").await;

    let first = api
        .post(&format!("/api/v1/respond/{token}"), body.clone(), false)
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
    assert_eq!(first.body["duplicate"], false);

    let retry = api
        .post(&format!("/api/v1/respond/{token}"), body.clone(), false)
        .await;
    assert_eq!(retry.status, StatusCode::OK);
    assert_eq!(retry.body["duplicate"], true);
    assert_eq!(retry.body["submitted_at"], first.body["submitted_at"]);

    let mut other = body;
    other["id"] = json!("ffffffffffffffffffffffffffffffff");
    let second = api
        .post(&format!("/api/v1/respond/{token}"), other, false)
        .await;
    assert_error(&second, StatusCode::CONFLICT, "already_submitted");
    assert_eq!(api.responses().await, before + 1);

    let view = api.get(&format!("/api/v1/respond/{token}"), false).await;
    assert_eq!(
        view.body["submitted"]["response_id"],
        first.body["response_id"]
    );
}

#[tokio::test]
async fn an_invalid_response_is_refused_with_reasons_and_nothing_is_stored() {
    let api = demo_api().await;
    let before = api.responses().await;
    let token = api.invitation("bob").await;
    let mut body = valid_response(&api, &token, "0123456789abcdef0123456789abcdef").await;
    body["answers"]["nps"] = json!({ "scale": 11 });
    body["answers"]
        .as_object_mut()
        .unwrap()
        .remove("adkar_awareness");
    let r = api
        .post(&format!("/api/v1/respond/{token}"), body, false)
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_response");
    let questions: Vec<&str> = r.body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["question"].as_str())
        .collect();
    assert!(
        questions.contains(&"nps") && questions.contains(&"adkar_awareness"),
        "{questions:?}"
    );
    assert_eq!(api.responses().await, before);
}

#[tokio::test]
async fn typed_text_is_stored_as_it_reads_and_invisible_only_text_is_blank() {
    let api = demo_api().await;
    let token = api.invitation("mallory").await;
    let mut body = valid_response(&api, &token, "0123456789abcdef0123456789abcdee").await;
    // Zero-width spaces only: nothing a planner could read.
    body["answers"]["improve"] = json!({ "text": "\u{200B}\u{200B}\u{202E}" });
    let r = api
        .post(&format!("/api/v1/respond/{token}"), body.clone(), false)
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_response");
    assert_eq!(
        r.body["error"]["details"][0]["code"], "blank",
        "{:?}",
        r.body
    );

    // A right-to-left override would show "evil" as "live" on the results page; a bell and an
    // escape would show as boxes. Five people write it, so the results show free text.
    for (i, person) in ["mallory", "m2", "m3", "m4", "m5"].into_iter().enumerate() {
        let token = if i == 0 {
            token.clone()
        } else {
            api.invitation(person).await
        };
        let mut body = valid_response(
            &api,
            &token,
            &format!("0123456789abcdef0123456789abcd{i:02}"),
        )
        .await;
        body["answers"]["improve"] = json!({ "text": "\u{202E}evil\u{202C} \u{7}\u{1b}[31mred" });
        let r = api
            .post(&format!("/api/v1/respond/{token}"), body, false)
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    }
    let summary = api
        .get("/api/v1/programs/demo/surveys/pilot-feedback/summary", true)
        .await;
    let texts = summary.body.to_string();
    let i = texts.find("\"improve\"").unwrap();
    assert!(
        texts.contains("evil [31mred"),
        "stored as it reads: {}",
        &texts[i..][..300]
    );
    assert!(!texts.contains('\u{202E}'));
}

#[tokio::test]
async fn malformed_and_oversized_requests_get_json_4xx_and_store_nothing() {
    let api = demo_api().await;
    let before = api.responses().await;
    let token = api.invitation("carol").await;
    let path = format!("/api/v1/respond/{token}");

    let r = api.post_raw(&path, "{not json", false).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_json");

    let r = api.post(&path, json!({ "id": 3 }), false).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");

    let huge = format!(
        "{{\"id\":\"0123456789abcdef\",\"survey_id\":\"pilot-feedback\",\"survey_version\":1,\"answers\":{{\"q\":{{\"text\":\"{}\"}}}}}}",
        "x".repeat(wavegate_server::BODY_LIMIT + 1)
    );
    let r = api.post_raw(&path, huge, false).await;
    assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");

    let mut body = valid_response(&api, &token, "0123456789abcdef0123456789abcdef").await;
    body["id"] = json!("=cmd|x");
    let r = api.post(&path, body, false).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_response_id");

    assert_eq!(api.responses().await, before);
}

#[tokio::test]
async fn unknown_and_malformed_tokens_look_the_same() {
    let api = demo_api().await;
    let unknown = api
        .get("/api/v1/respond/0123456789abcdef0123456789abcdef", false)
        .await;
    let malformed = api.get("/api/v1/respond/..%2F..%2Fetc", false).await;
    assert_error(&unknown, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        (unknown.status, &unknown.content_type, &unknown.body),
        (malformed.status, &malformed.content_type, &malformed.body),
        "nothing tells a well-formed unknown token from a malformed one"
    );
}

#[tokio::test]
async fn a_path_parameter_that_is_not_text_gets_a_json_invalid_path() {
    let api = demo_api().await;
    let r = api.get("/api/v1/respond/%FF", false).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_path");
    let r = api.post("/api/v1/respond/%FF", json!({}), false).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "invalid_path");
    for endpoint in ["summary", "responses", "invitations"] {
        let r = api
            .get(&format!("/api/v1/programs/%FF/surveys/x/{endpoint}"), true)
            .await;
        assert_error(&r, StatusCode::BAD_REQUEST, "invalid_path");
    }
}

#[tokio::test]
async fn bad_or_unknown_query_parameters_get_a_json_invalid_query() {
    let api = demo_api().await;
    let bad = [
        format!("{PILOT}/invitations?format=xml"),
        format!("{PILOT}/invitations?delimiter=tab"),
        format!("{PILOT}/invitations?layout=wide"),
        format!("{PILOT}/responses?layout=tall"),
        format!("{PILOT}/responses?delimiter=tab"),
        format!("{PILOT}/responses?bom=maybe"),
        format!("{PILOT}/responses?format=csv"),
    ];
    for path in &bad {
        let r = api.get(path, true).await;
        assert_error(&r, StatusCode::BAD_REQUEST, "invalid_query");
    }
    for good in [
        format!("{PILOT}/invitations?format=csv&delimiter=semicolon"),
        format!("{PILOT}/invitations?format=json"),
        format!("{PILOT}/responses?layout=wide&delimiter=%3B&bom=true"),
    ] {
        assert_eq!(api.get(&good, true).await.status, StatusCode::OK, "{good}");
    }
}

#[tokio::test]
async fn an_answer_to_a_hidden_question_is_rejected() {
    let api = demo_api().await;
    let before = api.responses().await;
    let token = api.invitation("dave").await;
    let mut body = valid_response(&api, &token, "0123456789abcdef0123456789abcdef").await;
    // The invitation says the platform (iOS), so the "which device" question is hidden.
    body["answers"]["platform"] = json!({ "choice": "windows" });
    let r = api
        .post(&format!("/api/v1/respond/{token}"), body, false)
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_response");
    let details = r.body["error"]["details"].as_array().unwrap();
    assert!(
        details.iter().any(|d| d["question"] == "platform"),
        "{details:?}"
    );
    assert_eq!(api.responses().await, before);
}

#[tokio::test]
async fn an_invitation_list_with_a_bad_entry_creates_nothing_and_names_the_entry() {
    let api = demo_api().await;
    let before = api.invitation_count().await;
    let r = api
        .post(
            &format!("{PILOT}/invitations"),
            json!({ "invitations": [{ "person_id": "ok-1" }, { "person_id": "x", "attributes": { "Bad Key": "v" } }] }),
            true,
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
    assert_eq!(r.body["error"]["details"][0]["index"], 1);
    assert_eq!(
        api.invitation_count().await,
        before,
        "the good entry was not created either"
    );
}

#[tokio::test]
async fn the_same_person_twice_in_one_list_is_refused_naming_the_second_entry() {
    let api = demo_api().await;
    let before = api.invitation_count().await;
    let r = api
        .post(
            &format!("{PILOT}/invitations"),
            json!({ "invitations": [{ "person_id": "twice" }, { "person_id": "once" }, { "person_id": "twice" }] }),
            true,
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_invitations");
    let details = r.body["error"]["details"].as_array().unwrap();
    assert_eq!(details.len(), 1, "{details:?}");
    assert_eq!(details[0]["index"], 2);
    assert!(
        details[0]["message"].as_str().unwrap().contains("twice"),
        "{details:?}"
    );
    assert_eq!(api.invitation_count().await, before);
}

#[tokio::test]
async fn a_person_who_has_a_link_gets_the_same_link_again() {
    let api = demo_api().await;
    let before = api.invitation_count().await;
    let first = api.invitation("erin").await;
    assert_eq!(api.invitation("erin").await, first);
    assert_eq!(api.invitation_count().await, before + 1);
}

#[tokio::test]
async fn the_mail_merge_csv_has_a_row_per_link_and_the_time_each_was_submitted() {
    let api = demo_api().await;
    let token = api.invitation("frank").await;
    let body = valid_response(&api, &token, "0123456789abcdef0123456789abcdef").await;
    let ack = api
        .post(&format!("/api/v1/respond/{token}"), body, false)
        .await;
    assert_eq!(ack.status, StatusCode::CREATED, "{:?}", ack.body);

    let json = api.get(&format!("{PILOT}/invitations"), true).await;
    let frank = json
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["person_id"] == "frank")
        .unwrap();
    assert_eq!(frank["submitted_at"], ack.body["submitted_at"]);

    let csv = api
        .get(
            &format!("{PILOT}/invitations?format=csv&delimiter=semicolon"),
            true,
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type.starts_with("text/csv"));
    let text = csv.body.as_str().unwrap();
    assert!(
        text.starts_with("person_id;email;language;link;submitted_at;department;platform;wave\r\n"),
        "{text}"
    );
    let row = format!(
        "frank;;nl;http://wavegate.test/r/{token};{}",
        ack.body["submitted_at"].as_str().unwrap()
    );
    assert!(text.contains(&row), "{text}");
    assert_eq!(text.lines().count(), 1 + api.invitation_count().await);
}

#[tokio::test]
async fn downloads_are_attachments_and_keep_the_byte_order_mark_for_dutch_excel() {
    let api = demo_api().await;
    let r = api
        .get(
            &format!("{PILOT}/responses?layout=wide&delimiter=semicolon&bom=true"),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.content_type, "text/csv; charset=utf-8");
    assert!(
        r.bytes.starts_with(b"\xEF\xBB\xBFresponse_id;"),
        "{:?}",
        &r.bytes[..20]
    );
    assert_eq!(
        r.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"pilot-feedback-responses.csv\"; filename*=UTF-8''pilot-feedback-responses.csv"
    );
    let r = api.get(&format!("{PILOT}/responses"), true).await;
    assert!(!r.bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM unless asked");
    let r = api
        .get(&format!("{PILOT}/invitations?format=csv"), true)
        .await;
    assert_eq!(
        r.headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"invitations.csv\"; filename*=UTF-8''invitations.csv"
    );
    assert!(!r.bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM unless asked");
    let r = api
        .get(
            &format!("{PILOT}/invitations?format=csv&delimiter=semicolon&bom=true"),
            true,
        )
        .await;
    assert!(
        r.bytes
            .starts_with(b"\xEF\xBB\xBFperson_id;email;language;link;"),
        "the mail merge opens in Dutch Excel and Word: {:?}",
        &r.bytes[..20]
    );
}

#[tokio::test]
async fn responses_and_drafts_are_stamped_by_the_servers_clock() {
    let api = demo_api().await;
    // Two days on: a stamp of the system's own clock would show (the link opens still).
    api.clock
        .advance(std::time::Duration::from_secs(2 * 24 * 3600));
    let today = api.clock.now().format("%Y-%m-%d").to_string();
    let token = api.invitation("time-traveller").await;
    let response = valid_response(&api, &token, "0123456789abcdef0123456789abcdef").await;
    let draft = json!({ "response_id": response["id"], "survey_version": response["survey_version"],
                        "page": 0, "answers": {} });
    let saved = api
        .call(
            "PUT",
            &format!("/api/v1/respond/{token}/draft"),
            support::Auth::None,
            Some("application/json"),
            draft.to_string(),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert!(
        saved.body["saved_at"].as_str().unwrap().starts_with(&today),
        "{:?}",
        saved.body
    );
    let ack = api
        .post(&format!("/api/v1/respond/{token}"), response, false)
        .await;
    assert_eq!(ack.status, StatusCode::CREATED, "{:?}", ack.body);
    assert!(
        ack.body["submitted_at"]
            .as_str()
            .unwrap()
            .starts_with(&today),
        "{:?}",
        ack.body
    );
}
