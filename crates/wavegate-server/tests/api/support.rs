//! Who sends a test request, the accounts and files the tests share, and what they read back.

use super::Api;
use axum::http::{header, request::Builder};
use std::sync::OnceLock;
use wavegate_server::Store;
use wavegate_server::auth::password::hash_password;
use wavegate_server::auth::{new_api_token, secret_hash};

/// The test accounts' password.
pub const TEST_PASSWORD: &str = "correct horse battery staple";
/// The planner account.
pub const PLANNER: &str = "planner@example.org";
/// The viewer account.
pub const VIEWER: &str = "viewer@example.org";

/// A cookie session: the cookie to send and its CSRF token.
#[derive(Clone, Debug)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// Who sends a request.
pub enum Auth<'a> {
    /// Nobody.
    None,
    /// The planner's API token.
    Planner,
    /// The viewer's API token.
    Viewer,
    /// Any `Authorization: Bearer` value.
    Bearer(&'a str),
    /// A cookie session with its own CSRF token.
    Session(&'a Session),
    /// A cookie session with this `X-CSRF-Token` (or none).
    SessionCsrf(&'a Session, Option<&'a str>),
}

impl Auth<'_> {
    pub fn apply(&self, req: Builder, api: &Api) -> Builder {
        match self {
            Auth::None => req,
            Auth::Planner => req.header(
                header::AUTHORIZATION,
                format!("Bearer {}", api.planner_token),
            ),
            Auth::Viewer => req.header(
                header::AUTHORIZATION,
                format!("Bearer {}", api.viewer_token),
            ),
            Auth::Bearer(t) => req.header(header::AUTHORIZATION, format!("Bearer {t}")),
            Auth::Session(s) => req
                .header(header::COOKIE, &s.cookie)
                .header("X-CSRF-Token", &s.csrf),
            Auth::SessionCsrf(s, csrf) => {
                let req = req.header(header::COOKIE, &s.cookie);
                match csrf {
                    Some(c) => req.header("X-CSRF-Token", *c),
                    None => req,
                }
            }
        }
    }
}

/// One hash for every test account (hashing is deliberately slow).
fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password(TEST_PASSWORD).unwrap())
}

/// Creates the planner and viewer accounts and an API token for each; returns the tokens.
pub async fn accounts(store: &Store) -> (String, String) {
    let now = "2027-01-11T09:00:00Z";
    store
        .create_user(PLANNER, "planner", password_hash(), now)
        .await
        .unwrap();
    store
        .create_user(VIEWER, "viewer", password_hash(), now)
        .await
        .unwrap();
    let (p, v) = (new_api_token(), new_api_token());
    store
        .create_token("test-planner", "planner", &secret_hash(&p), now)
        .await
        .unwrap();
    store
        .create_token("test-viewer", "viewer", &secret_hash(&v), now)
        .await
        .unwrap();
    (p, v)
}

impl Api {
    /// Signs in; panics unless it works.
    pub async fn sign_in(&self, email: &str) -> Session {
        let r = self
            .call(
                "POST",
                "/api/v1/session",
                Auth::None,
                Some("application/json"),
                serde_json::json!({ "email": email, "password": TEST_PASSWORD }).to_string(),
            )
            .await;
        assert_eq!(r.status, 200, "{:?}", r.body);
        let set = r.headers[header::SET_COOKIE].to_str().unwrap();
        let cookie = set.split(';').next().unwrap().to_string();
        Session {
            cookie,
            csrf: r.body["csrf_token"].as_str().unwrap().to_string(),
        }
    }
}

/// A roster for the demo program: its 12 pilot people (p001…p012, as the demo invitations)
/// and 20 people of wave-1, semicolon separated with a byte-order mark as Dutch Excel writes.
pub fn demo_roster() -> String {
    let mut csv = String::from("\u{FEFF}Person ID;E-mail;Wave;Platform;Department;Language\r\n");
    let platforms = ["Windows", "iOS", "Android", "Windows"];
    for i in 1..=12 {
        csv.push_str(&format!(
            "p{i:03};p{i:03}@example.org;pilot;{};Finance;nl\r\n",
            platforms[i % 4]
        ));
    }
    for i in 13..=32 {
        csv.push_str(&format!(
            "p{i:03};p{i:03}@example.org;wave-1;{};{};en\r\n",
            if i % 2 == 0 { "iOS" } else { "Windows" },
            if i < 20 { "Sales" } else { "HR" }
        ));
    }
    csv
}

/// The demo roster with `moved` of wave-1's ten iOS users on Android instead.
pub fn demo_roster_with_ios_moved(moved: usize) -> String {
    let mut left = moved;
    (demo_roster().lines())
        .map(|l| {
            if l.contains(";wave-1;iOS;") && left > 0 {
                left -= 1;
                l.replace(";iOS;", ";Android;")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

/// The demo roster with a fifth person in wave-1's Windows Sales group (which has four).
pub fn demo_roster_with_five_in_windows_sales() -> String {
    demo_roster() + "p033;p033@example.org;wave-1;Windows;Sales;en\r\n"
}

/// Uploads `csv` as the demo program's file of `kind` (by the planner's token).
pub async fn upload(api: &Api, kind: &str, csv: impl Into<Vec<u8>>, query: &str) -> super::Reply {
    api.call(
        "PUT",
        &format!("/api/v1/programs/demo/files/{kind}{query}"),
        Auth::Planner,
        Some("text/csv"),
        csv.into(),
    )
    .await
}

/// Every byte of the database's files in `dir` (the database, its journal, the program files),
/// but the link secret: what a stolen copy of the database would hold. Asserts there is a
/// database.
pub fn database_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut every_byte = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() && !path.to_string_lossy().ends_with(".secret") {
            every_byte.extend(std::fs::read(&path).unwrap());
        }
    }
    assert!(every_byte.len() > 10_000, "the database was written");
    every_byte
}

/// The JSON paths of a refused definition's problems (`error.details[].path`).
pub fn problem_paths(reply: &super::Reply) -> Vec<&str> {
    reply.body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect()
}

/// A planner sets the demo program's support details (what respondents see for help).
pub async fn put_support(api: &Api, support: &serde_json::Value) -> super::Reply {
    api.call(
        "PUT",
        "/api/v1/programs/demo/support",
        Auth::Planner,
        Some("application/json"),
        support.to_string(),
    )
    .await
}

/// A second program beside the demo (one pilot wave, no files), for what one program must not
/// reach of another's; its id.
pub async fn other_program(api: &Api, name: &str) -> String {
    let created = api
        .call(
            "POST",
            "/api/v1/programs",
            Auth::Planner,
            Some("application/toml"),
            format!(
                "name = \"{name}\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n"
            ),
        )
        .await;
    assert_eq!(
        created.status,
        axum::http::StatusCode::CREATED,
        "{:?}",
        created.body
    );
    created.body["id"].as_str().unwrap().to_string()
}
