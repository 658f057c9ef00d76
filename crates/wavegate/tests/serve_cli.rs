//! `wavegate serve` on the command line: the demo accounts, and that the old start-up planner
//! token is gone.

#![allow(clippy::unwrap_used)]

mod serve_support;

use serve_support::{Server, planner_token, serve_command};

const PASSWORD: &str = "e2e demo password 0123";

fn sign_in(server: &Server, email: &str, password: &str) -> u16 {
    let body = serde_json::json!({ "email": email, "password": password }).to_string();
    server
        .request("POST", "/api/v1/session", Some(&body), None)
        .0
}

#[test]
fn the_banner_speaks_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = serve_command(&dir.path().join("w.sqlite"), dir.path());
    cmd.env("WAVEGATE_LANG", "nl");
    let server = Server::start(cmd);
    let banner = server.banner.join("\n");
    assert!(banner.starts_with("Wavegate draait op http://"), "{banner}");
    for dutch in [
        "plannerpagina:",
        "demo-planner:",
        "demo-wachtwoord:",
        "let op:",
        "Druk op Ctrl-C om te stoppen.",
    ] {
        assert!(banner.contains(dutch), "{dutch}: {banner}");
    }
    for english in ["running at", "planner page", "password", "Press"] {
        assert!(!banner.contains(english), "{english}: {banner}");
    }
    // The Dutch labels are longer than the English: still a space before each link.
    for line in banner
        .lines()
        .filter(|l| l.trim_start().starts_with("demo:"))
    {
        assert!(line.contains(" http"), "{line}");
    }
}

#[test]
fn demo_prints_the_demo_accounts_and_their_password_signs_in() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(serve_command(&dir.path().join("w.sqlite"), dir.path()));
    let line = |label: &str| {
        server
            .banner
            .iter()
            .find_map(|l| l.trim().strip_prefix(label))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("{label} {:?}", server.banner))
    };
    // Without --public-url the links point at the listen address, which the banner says.
    assert!(
        line("note:").starts_with("links in invitations point at http://127.0.0.1:"),
        "{:?}",
        server.banner
    );
    assert_eq!(line("demo planner:"), "planner@demo.invalid");
    assert_eq!(line("demo viewer:"), "viewer@demo.invalid");
    let password = line("demo password:");
    assert_eq!(password.len(), 20);
    assert_eq!(sign_in(&server, "planner@demo.invalid", &password), 200);
    assert_eq!(sign_in(&server, "viewer@demo.invalid", &password), 200);
    assert_eq!(
        sign_in(&server, "planner@demo.invalid", "not the password"),
        401
    );
    // Without credentials the planner area stays closed.
    assert_eq!(server.request("GET", "/api/v1/programs", None, None).0, 401);
    server.kill_9();
}

#[test]
fn the_demo_password_can_be_fixed_for_tests_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    for _ in 0..2 {
        let mut cmd = serve_command(&db, dir.path());
        cmd.env("WAVEGATE_DEMO_PASSWORD", PASSWORD);
        let server = Server::start(cmd);
        assert!(
            server.banner.iter().any(|l| l.contains(PASSWORD)),
            "{:?}",
            server.banner
        );
        assert_eq!(sign_in(&server, "planner@demo.invalid", PASSWORD), 200);
        server.kill_9();
    }
}

#[test]
fn the_old_planner_token_flags_are_gone() {
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--planner-token", "--admin-token"] {
        let out = serve_command(&dir.path().join("w.sqlite"), dir.path())
            .args([flag, "some-token-0123456789"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{flag} must be refused");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("unexpected argument"), "{err}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wavegate"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(!help.contains("token"), "{help}");
    assert!(help.contains("WAVEGATE_DEMO_PASSWORD"), "{help}");
}

#[test]
fn a_short_demo_password_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = serve_command(&dir.path().join("w.sqlite"), dir.path())
        .env("WAVEGATE_DEMO_PASSWORD", "short")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 12"));
}

#[test]
fn the_demo_brings_an_organisation_whose_readiness_holds_its_ios_people_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let server = Server::start(serve_command(&db, dir.path()));
    let token = planner_token(&db);
    let (status, files) =
        server.request("GET", "/api/v1/programs/contoso/files", None, Some(&token));
    assert_eq!(status, 200, "{files}");
    let mut kinds: Vec<&str> = files
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["current"] == true && f["rows"].as_u64() > Some(0))
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "devices",
            "enrollment_failures",
            "responses",
            "roster",
            "tickets",
            "training"
        ]
    );
    // The planted problem: the next wave is split, its iOS people held.
    let (status, report) = server.request(
        "GET",
        "/api/v1/programs/contoso/readiness?lang=nl",
        None,
        Some(&token),
    );
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        report["decision"]["kind"], "split",
        "{}",
        report["decision"]
    );
    assert!(
        report["decision"]["hold"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["platform"] == "iOS"),
        "{}",
        report["decision"]
    );
    server.kill_9();
    // Started again on the same database, the demo adds nothing.
    let server = Server::start(serve_command(&db, dir.path()));
    let (_, programs) = server.request("GET", "/api/v1/programs", None, Some(&token));
    assert_eq!(programs.as_array().unwrap().len(), 2, "{programs}");
    server.kill_9();
}

#[test]
fn a_demo_password_that_would_be_refused_stops_the_start_before_any_database_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let out = serve_command(&db, dir.path())
        .args(["--demo-password", "too short"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the demo password: the password must be at least 12 characters"),
        "{stderr}"
    );
    assert!(!db.exists(), "nothing half-made is left behind");
}
