//! The HTTP API as a client sees it, through the real router and an in-memory database.

#![allow(clippy::unwrap_used)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use wavegate_server::{AppState, Assets, Store, router};

const TOKEN: &str = "test-planner-token-0123456789";

struct Api {
    router: Router,
}

struct Reply {
    status: StatusCode,
    content_type: String,
    body: Value,
}

impl Api {
    fn new() -> Api {
        let store = Store::in_memory().unwrap();
        let state = AppState::new(store, TOKEN, "http://wavegate.test");
        let dist = tempfile::tempdir().unwrap();
        let router = router(state, Assets::load(dist.path()));
        Api { router }
    }

    async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let content_type = res
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        Reply {
            status,
            content_type,
            body,
        }
    }

    async fn get(&self, path: &str, planner: bool) -> Reply {
        let mut req = Request::get(path);
        if planner {
            req = req.header(header::AUTHORIZATION, format!("Bearer {TOKEN}"));
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    async fn post_raw(&self, path: &str, body: impl Into<Body>, planner: bool) -> Reply {
        let mut req = Request::post(path).header(header::CONTENT_TYPE, "application/json");
        if planner {
            req = req.header(header::AUTHORIZATION, format!("Bearer {TOKEN}"));
        }
        self.send(req.body(body.into()).unwrap()).await
    }

    async fn post(&self, path: &str, body: Value, planner: bool) -> Reply {
        self.post_raw(path, body.to_string(), planner).await
    }

    /// Seeds the demo program and returns a fresh personal invitation token.
    async fn invitation(&self, person: &str) -> String {
        let r = self
            .post(
                "/api/v1/programs/demo/surveys/pilot-feedback/invitations",
                json!({ "invitations": [{ "person_id": person, "language": "nl",
                        "attributes": { "platform": "iOS", "department": "Finance", "wave": "pilot" } }] }),
                true,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        r.body[0]["token"].as_str().unwrap().to_string()
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
async fn demo_api() -> Api {
    let store = Store::in_memory().unwrap();
    wavegate_server::seed_demo(&store, "http://wavegate.test")
        .await
        .unwrap();
    let state = AppState::new(store, TOKEN, "http://wavegate.test");
    let dist = tempfile::tempdir().unwrap();
    Api {
        router: router(state, Assets::load(dist.path())),
    }
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

#[tokio::test]
async fn health_answers_ok() {
    let r = Api::new().get("/api/v1/health", false).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, json!({ "status": "ok" }));
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_not_the_app_page() {
    let r = Api::new().get("/api/v1/nope", false).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.body["error"]["code"], "not_found");
}

#[tokio::test]
async fn app_routes_get_the_index_page_with_a_strict_policy() {
    let api = Api::new();
    let res = api
        .router
        .clone()
        .oneshot(Request::get("/r/abc").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        csp.contains("default-src 'self'") && !csp.contains("script-src 'self' 'unsafe-inline'")
    );
    assert_eq!(res.headers()[header::REFERRER_POLICY], "no-referrer");
}

#[tokio::test]
async fn planner_endpoints_need_the_token() {
    let api = demo_api().await;
    let r = api.get("/api/v1/programs", false).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.body["error"]["code"], "unauthorized");
    let mut req = Request::get("/api/v1/programs");
    req = req.header(header::AUTHORIZATION, "Bearer wrong-token");
    let r = api.send(req.body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
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
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert_eq!(second.body["error"]["code"], "already_submitted");
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
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["code"], "invalid_response");
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
async fn malformed_and_oversized_requests_get_json_4xx_and_store_nothing() {
    let api = demo_api().await;
    let before = api.responses().await;
    let token = api.invitation("carol").await;
    let path = format!("/api/v1/respond/{token}");

    let r = api.post_raw(&path, "{not json", false).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.body["error"]["code"], "invalid_json");
    assert!(r.content_type.starts_with("application/json"));

    let r = api.post(&path, json!({ "id": 3 }), false).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["code"], "invalid_body");

    let huge = format!(
        "{{\"id\":\"0123456789abcdef\",\"survey_id\":\"pilot-feedback\",\"survey_version\":1,\"answers\":{{\"q\":{{\"text\":\"{}\"}}}}}}",
        "x".repeat(wavegate_server::BODY_LIMIT + 1)
    );
    let r = api.post_raw(&path, huge, false).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.body["error"]["code"], "payload_too_large");

    let mut body = valid_response(&api, &token, "0123456789abcdef0123456789abcdef").await;
    body["id"] = json!("=cmd|x");
    let r = api.post(&path, body, false).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["code"], "invalid_response_id");

    assert_eq!(api.responses().await, before);
}

#[tokio::test]
async fn unknown_and_malformed_tokens_look_the_same() {
    let api = demo_api().await;
    for path in [
        "/api/v1/respond/0123456789abcdef0123456789abcdef",
        "/api/v1/respond/..%2F..%2Fetc",
    ] {
        let r = api.get(path, false).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(r.body["error"]["code"], "not_found");
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
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", r.body);
    assert_eq!(api.responses().await, before);
}

#[tokio::test]
async fn invitations_are_validated_all_or_nothing_and_idempotent_per_person() {
    let api = demo_api().await;
    let path = "/api/v1/programs/demo/surveys/pilot-feedback/invitations";
    let r = api
        .post(
            path,
            json!({ "invitations": [{ "person_id": "ok-1" }, { "person_id": "x", "attributes": { "Bad Key": "v" } }] }),
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["details"][0]["index"], 1);
    let before = api.get(path, true).await.body.as_array().unwrap().len();
    let again = api.invitation("erin").await;
    assert_eq!(
        api.invitation("erin").await,
        again,
        "the same person gets the same link"
    );
    assert_eq!(
        api.get(path, true).await.body.as_array().unwrap().len(),
        before + 1
    );

    let csv = api
        .get(&format!("{path}?format=csv&delimiter=semicolon"), true)
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type.starts_with("text/csv"));
    let text = csv.body.as_str().unwrap();
    assert!(
        text.starts_with("person_id;language;link;submitted_at"),
        "{text}"
    );
    assert!(text.contains(&format!("http://wavegate.test/r/{again}")));
}
