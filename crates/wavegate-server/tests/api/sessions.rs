//! Signing in and out: the cookie, the CSRF token, expiry, revocation, throttling, and that
//! nobody learns which e-mail addresses have an account.

use super::support::{Auth, PLANNER, TEST_PASSWORD, VIEWER};
use super::{Api, assert_error, demo_api};
use axum::http::{StatusCode, header};
use serde_json::json;
use std::time::Duration;

async fn attempt(api: &Api, email: &str, password: &str) -> super::Reply {
    api.call(
        "POST",
        "/api/v1/session",
        Auth::None,
        Some("application/json"),
        json!({ "email": email, "password": password }).to_string(),
    )
    .await
}

async fn programs(api: &Api, auth: Auth<'_>) -> StatusCode {
    api.call("GET", "/api/v1/programs", auth, None, Vec::new())
        .await
        .status
}

#[tokio::test]
async fn signing_in_sets_a_strict_http_only_cookie_and_answers_with_the_csrf_token() {
    let api = demo_api().await;
    let r = attempt(&api, "Planner@Example.org", TEST_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["email"], PLANNER);
    assert_eq!(r.body["role"], "planner");
    assert_eq!(r.body["csrf_token"].as_str().unwrap().len(), 43);
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("wavegate_session="), "{cookie}");
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=604800"] {
        assert!(cookie.contains(flag), "{cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http: no Secure flag: {cookie}"
    );
    // The session id is stored only as a hash.
    let id = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("wavegate_session=");
    assert!(api.store.session(id).await.unwrap().is_none());
}

#[tokio::test]
async fn the_app_learns_who_is_signed_in_after_a_reload() {
    let api = demo_api().await;
    let s = api.sign_in(VIEWER).await;
    let r = api
        .call(
            "GET",
            "/api/v1/session",
            Auth::SessionCsrf(&s, None),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        (r.body["email"].as_str(), r.body["role"].as_str()),
        (Some(VIEWER), Some("viewer"))
    );
    assert_eq!(r.body["csrf_token"], s.csrf);
    let r = api
        .call("GET", "/api/v1/session", Auth::None, None, Vec::new())
        .await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
}

#[tokio::test]
async fn an_address_beyond_ascii_signs_in_in_any_case_and_has_one_account() {
    let api = demo_api().await;
    let hash = wavegate_server::auth::password::hash_password(TEST_PASSWORD).unwrap();
    let at = "2027-01-11T09:00:00Z";
    let typed = "Ä.Jansen@Example.nl";
    api.store
        .create_user(typed, "viewer", &hash, at)
        .await
        .unwrap();
    for spelling in [typed, "ä.jansen@example.nl", " Ä.JANSEN@example.NL "] {
        let r = attempt(&api, spelling, TEST_PASSWORD).await;
        assert_eq!(r.status, StatusCode::OK, "{spelling}: {:?}", r.body);
        assert_eq!(r.body["email"], "ä.jansen@example.nl", "{spelling}");
    }
    let r = attempt(&api, "a.jansen@example.nl", TEST_PASSWORD).await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "invalid_credentials");
    for again in ["ä.jansen@example.nl", "Ä.JANSEN@EXAMPLE.NL"] {
        let created = api.store.create_user(again, "planner", &hash, at).await;
        assert!(
            matches!(created, Err(wavegate_server::store::StoreError::Exists(_))),
            "{again}: {created:?}"
        );
    }
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let api = demo_api().await;
    let s = api.sign_in(PLANNER).await;
    let r = api
        .call(
            "DELETE",
            "/api/v1/session",
            Auth::SessionCsrf(&s, Some("nope")),
            None,
            Vec::new(),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, "csrf_mismatch");
    assert_eq!(programs(&api, Auth::Session(&s)).await, StatusCode::OK);
    let r = api
        .call(
            "DELETE",
            "/api/v1/session",
            Auth::Session(&s),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(
        r.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    // The old cookie, replayed, opens nothing.
    assert_eq!(
        programs(&api, Auth::Session(&s)).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_session_ends_after_8_idle_hours_and_after_7_days_whatever_the_use() {
    let api = demo_api().await;
    let s = api.sign_in(PLANNER).await;
    api.clock.advance(Duration::from_secs(7 * 3600));
    assert_eq!(
        programs(&api, Auth::Session(&s)).await,
        StatusCode::OK,
        "7 h idle is fine"
    );
    api.clock.advance(Duration::from_secs(8 * 3600 + 60));
    assert_eq!(
        programs(&api, Auth::Session(&s)).await,
        StatusCode::UNAUTHORIZED,
        "8 h idle is not"
    );

    let s = api.sign_in(PLANNER).await;
    for _ in 0..(7 * 24 / 6) {
        assert_eq!(programs(&api, Auth::Session(&s)).await, StatusCode::OK);
        api.clock.advance(Duration::from_secs(6 * 3600));
    }
    assert_eq!(
        programs(&api, Auth::Session(&s)).await,
        StatusCode::UNAUTHORIZED,
        "7 days is the end"
    );
}

#[tokio::test]
async fn disabling_an_account_or_resetting_its_password_ends_its_sessions() {
    let api = demo_api().await;
    let s = api.sign_in(VIEWER).await;
    assert!(
        api.store
            .disable_user(VIEWER, "2027-01-11T09:00:00Z")
            .await
            .unwrap()
    );
    assert_eq!(
        programs(&api, Auth::Session(&s)).await,
        StatusCode::UNAUTHORIZED
    );
    let r = attempt(&api, VIEWER, TEST_PASSWORD).await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "invalid_credentials");

    let s = api.sign_in(PLANNER).await;
    let hash = wavegate_server::auth::password::hash_password("another long password").unwrap();
    assert!(api.store.reset_password(PLANNER, &hash).await.unwrap());
    assert_eq!(
        programs(&api, Auth::Session(&s)).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_unknown_address_and_a_wrong_password_get_the_same_answer() {
    let api = demo_api().await;
    let unknown = attempt(&api, "nobody@example.org", "whatever password").await;
    let wrong = attempt(&api, PLANNER, "whatever password").await;
    assert_error(&unknown, StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!((unknown.status, &unknown.body), (wrong.status, &wrong.body));
    assert_eq!(unknown.headers.get(header::SET_COOKIE), None);
    // In similar time: both run one Argon2 verification (generous bounds: a shared machine).
    // The fastest of four each (the account limit is five), taken in turn: one slow run on a busy machine says nothing
    // about the server, and a burst of load then slows both sides alike.
    let (mut a, mut b) = (std::time::Duration::MAX, std::time::Duration::MAX);
    for _ in 0..4 {
        for (email, fastest) in [("nobody2@example.org", &mut a), (VIEWER, &mut b)] {
            let t = std::time::Instant::now();
            attempt(&api, email, "whatever password").await;
            *fastest = (*fastest).min(t.elapsed());
        }
    }
    let ratio = a.as_secs_f64() / b.as_secs_f64();
    assert!((0.3..3.0).contains(&ratio), "unknown {a:?} vs known {b:?}");
}

#[tokio::test]
async fn repeated_failures_are_refused_with_429_and_retry_after_per_account() {
    let api = demo_api().await;
    for _ in 0..wavegate_server::auth::throttle::PER_ACCOUNT {
        let r = attempt(&api, PLANNER, "wrong password!").await;
        assert_error(&r, StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    let r = attempt(&api, PLANNER, TEST_PASSWORD).await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    let wait: u64 = r.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&wait), "{wait}");
    // Unknown addresses are limited the same way (nothing to learn from a 429 either).
    for _ in 0..wavegate_server::auth::throttle::PER_ACCOUNT {
        attempt(&api, "ghost@example.org", "wrong password!").await;
    }
    let r = attempt(&api, "ghost@example.org", "wrong password!").await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    // The viewer is not blocked by the planner's failures; after the window the planner is back.
    assert_eq!(
        attempt(&api, VIEWER, TEST_PASSWORD).await.status,
        StatusCode::OK
    );
    api.clock.advance(Duration::from_secs(15 * 60));
    assert_eq!(
        attempt(&api, PLANNER, TEST_PASSWORD).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_burst_of_concurrent_guesses_gets_no_further_than_guesses_in_a_row() {
    let api = std::sync::Arc::new(demo_api().await);
    // All sent before any is answered: the ones past the limit are refused unchecked, and the
    // right password last in the burst does not get in.
    let mut burst = tokio::task::JoinSet::new();
    for i in 0..40 {
        let api = api.clone();
        let password = if i == 39 {
            TEST_PASSWORD
        } else {
            "a wrong guess!"
        };
        burst.spawn(async move { (i, attempt(&api, PLANNER, password).await) });
    }
    let mut replies = burst.join_all().await;
    replies.sort_by_key(|(i, _)| *i);
    let replies: Vec<_> = replies.into_iter().map(|(_, r)| r).collect();
    let checked = replies
        .iter()
        .filter(|r| r.status == StatusCode::UNAUTHORIZED)
        .count();
    let refused = replies
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked, wavegate_server::auth::throttle::PER_ACCOUNT);
    assert_eq!(refused, 40 - checked);
    assert_ne!(replies[39].status, StatusCode::OK);
    assert!(
        replies
            .iter()
            .all(|r| r.headers.get(header::SET_COOKIE).is_none())
    );
}

/// A sign-in carrying `device` (a `wavegate_device=…` cookie) when given.
async fn attempt_on(api: &Api, device: Option<&str>, email: &str, password: &str) -> super::Reply {
    let mut req = axum::http::Request::post("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(cookie) = device {
        req = req.header(header::COOKIE, cookie);
    }
    api.send(
        req.body(axum::body::Body::from(
            json!({ "email": email, "password": password }).to_string(),
        ))
        .unwrap(),
    )
    .await
}

/// The device cookie a successful sign-in set, as a `Cookie` header value.
fn device_cookie(r: &super::Reply) -> String {
    let set = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("wavegate_device="))
        .expect("a device cookie");
    for flag in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/v1/session",
        "Max-Age=15552000",
    ] {
        assert!(set.contains(flag), "{set}");
    }
    set.split(';').next().unwrap().to_string()
}

#[tokio::test]
async fn guessing_an_account_elsewhere_does_not_lock_out_the_browsers_it_signed_in_with() {
    let api = demo_api().await;
    let mine = device_cookie(&attempt(&api, PLANNER, TEST_PASSWORD).await);
    let viewers = device_cookie(&attempt(&api, VIEWER, TEST_PASSWORD).await);
    for _ in 0..wavegate_server::auth::throttle::PER_ACCOUNT {
        let r = attempt(&api, PLANNER, "a guess!!!!!").await;
        assert_error(&r, StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    // Locked for a browser it never signed in with, even one carrying another account's cookie.
    let r = attempt(&api, PLANNER, TEST_PASSWORD).await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    let r = attempt_on(&api, Some(&viewers), PLANNER, TEST_PASSWORD).await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    let at = mine.len() - 10;
    let other = if &mine[at..=at] == "A" { "B" } else { "A" };
    let forged = format!("{}{other}{}", &mine[..at], &mine[at + 1..]);
    let r = attempt_on(&api, Some(&forged), PLANNER, TEST_PASSWORD).await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    // The planner's own browser signs in.
    let r = attempt_on(&api, Some(&mine), PLANNER, TEST_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let renewed = device_cookie(&r);
    // A recognised browser has a limit of its own: failures on it lock it, not the others.
    for _ in 0..wavegate_server::auth::throttle::PER_DEVICE {
        let r = attempt_on(&api, Some(&renewed), PLANNER, "a typo!!!!!!").await;
        assert_error(&r, StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    let r = attempt_on(&api, Some(&renewed), PLANNER, TEST_PASSWORD).await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    let r = attempt_on(&api, Some(&mine), PLANNER, TEST_PASSWORD).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "another recognised browser: {:?}",
        r.body
    );
    // Half a year without signing in, a browser is no longer recognised.
    api.clock.advance(Duration::from_secs(181 * 24 * 3600));
    for _ in 0..wavegate_server::auth::throttle::PER_ACCOUNT {
        attempt(&api, PLANNER, "a guess!!!!!").await;
    }
    let r = attempt_on(&api, Some(&mine), PLANNER, TEST_PASSWORD).await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
}

#[tokio::test]
async fn repeated_failures_from_one_address_are_refused_across_accounts() {
    let api = demo_api().await;
    let from = |email: String| {
        let mut req = axum::http::Request::post("/api/v1/session")
            .header(header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(
                json!({ "email": email, "password": "wrong password!" }).to_string(),
            ))
            .unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [203, 0, 113, 7],
                40000,
            ))));
        req
    };
    for i in 0..wavegate_server::auth::throttle::PER_ADDRESS {
        let r = api.send(from(format!("user{i}@example.org"))).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = api.send(from("fresh@example.org".into())).await;
    assert_error(&r, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    assert!(r.headers.contains_key(header::RETRY_AFTER));
}

#[tokio::test]
async fn cookies_are_secure_when_the_public_url_is_https() {
    let store = wavegate_server::Store::in_memory().unwrap();
    super::support::accounts(&store).await;
    let state = wavegate_server::AppState::new(store, "https://wavegate.example.org/")
        .with_login_delay(Duration::ZERO);
    let router = wavegate_server::router(
        state,
        wavegate_server::Assets::load(std::path::Path::new("/nonexistent")),
    );
    use tower::ServiceExt;
    let res = router
        .clone()
        .oneshot(
            axum::http::Request::post("/api/v1/session")
                .header(header::CONTENT_TYPE, "application/json")
                .body(axum::body::Body::from(
                    json!({ "email": PLANNER, "password": TEST_PASSWORD }).to_string(),
                ))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookies: Vec<_> = res.headers().get_all(header::SET_COOKIE).iter().collect();
    assert_eq!(cookies.len(), 2, "the session's and the device's");
    for cookie in &cookies {
        assert!(cookie.to_str().unwrap().ends_with("; Secure"), "{cookie:?}");
    }
    // Prefixed, so a browser refuses either cookie unless Secure (and the session's unless for
    // this host and every path): a sibling subdomain or a plain-http page cannot plant one.
    let session = cookies[0].to_str().unwrap();
    assert!(
        session.starts_with("__Host-wavegate_session=") && session.contains("; Path=/;"),
        "{session}"
    );
    assert!(!session.contains("Domain"), "{session}");
    assert!(
        cookies[1]
            .to_str()
            .unwrap()
            .starts_with("__Secure-wavegate_device="),
        "{:?}",
        cookies[1]
    );
    // The session is read under its prefixed name, and only under it.
    let id = session
        .split_once('=')
        .and_then(|(_, v)| v.split(';').next())
        .unwrap();
    let me = |cookie: String| {
        router.clone().oneshot(
            axum::http::Request::get("/api/v1/session")
                .header(header::COOKIE, cookie)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
    };
    assert_eq!(
        me(format!("__Host-wavegate_session={id}"))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        me(format!("wavegate_session={id}")).await.unwrap().status(),
        StatusCode::UNAUTHORIZED,
        "an unprefixed cookie could have been planted over plain http"
    );
}

#[tokio::test]
async fn an_over_long_address_is_refused_like_a_wrong_password_and_never_counted() {
    let api = demo_api().await;
    let long = format!("{}@example.org", "a".repeat(250_000));
    let wrong = attempt(&api, "nobody@example.org", "whatever password").await;
    // More attempts than an account may fail: had they been recorded, the last would be a 429.
    for _ in 0..=wavegate_server::auth::throttle::PER_ACCOUNT {
        let r = attempt(&api, &long, "whatever password").await;
        assert_error(&r, StatusCode::UNAUTHORIZED, "invalid_credentials");
        assert_eq!(r.body, wrong.body);
    }
}
