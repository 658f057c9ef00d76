//! `wavegate admin`: accounts and API tokens on the database, and that they work against a
//! running server.

#![allow(clippy::unwrap_used)]

mod serve_support;

use serve_support::{Server, serve_command};
use std::io::Write;
use std::process::{Command, Stdio};

fn admin(db: &std::path::Path, args: &[&str], stdin: Option<&str>) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wavegate"))
        .arg("admin")
        .args(args)
        .arg("--db")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn sign_in(server: &Server, email: &str, password: &str) -> u16 {
    let body = serde_json::json!({ "email": email, "password": password }).to_string();
    server
        .request("POST", "/api/v1/session", Some(&body), None)
        .0
}

#[test]
fn accounts_are_created_listed_reset_and_disabled() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let (ok, _, err) = admin(&db, &["list-users"], None);
    assert!(
        !ok && err.contains("does not exist"),
        "no new database by a typo: {err}"
    );
    let server = Server::start(serve_command(&db, dir.path()));

    let (ok, out, err) = admin(
        &db,
        &[
            "create-user",
            "--email",
            "ann@example.org",
            "--role",
            "planner",
        ],
        Some("a chosen password 123\n"),
    );
    assert!(ok, "{err}");
    assert_eq!(
        out, "created planner account ann@example.org\n",
        "a given password is not echoed"
    );
    assert_eq!(
        sign_in(&server, "ann@example.org", "a chosen password 123"),
        200
    );

    let (ok, out, _) = admin(
        &db,
        &[
            "create-user",
            "--email",
            "bob@example.org",
            "--role",
            "viewer",
        ],
        Some(""),
    );
    assert!(ok);
    let generated = out
        .lines()
        .find_map(|l| l.strip_prefix("password: "))
        .unwrap()
        .to_string();
    assert_eq!(generated.len(), 20);
    assert_eq!(sign_in(&server, "bob@example.org", &generated), 200);

    let (ok, _, err) = admin(
        &db,
        &[
            "create-user",
            "--email",
            "ANN@example.org",
            "--role",
            "viewer",
        ],
        Some(""),
    );
    assert!(!ok && err.contains("exists already"), "{err}");
    let (ok, _, err) = admin(
        &db,
        &[
            "create-user",
            "--email",
            "c@example.org",
            "--role",
            "planner",
        ],
        Some("short\n"),
    );
    assert!(!ok && err.contains("at least 12"), "{err}");
    let (ok, _, _) = admin(
        &db,
        &["create-user", "--email", "d@example.org", "--role", "admin"],
        Some(""),
    );
    assert!(!ok, "only planner and viewer");

    // Stored under its key, lowercased, and found however it is typed; in Dutch on request.
    let (ok, out, err) = admin(
        &db,
        &[
            "create-user",
            "--email",
            "Ä.Jansen@Example.nl",
            "--role",
            "viewer",
            "--lang",
            "nl",
        ],
        Some(""),
    );
    assert!(ok, "{err}");
    let (said, password) = out.split_once('\n').unwrap();
    assert_eq!(
        said,
        "account ä.jansen@example.nl aangemaakt met de rol viewer"
    );
    let password = password.strip_prefix("wachtwoord: ").unwrap().trim_end();
    assert_eq!(password.len(), 20);
    for spelling in ["Ä.Jansen@Example.nl", "ä.jansen@example.nl"] {
        assert_eq!(sign_in(&server, spelling, password), 200, "{spelling}");
    }
    let (ok, _, err) = admin(
        &db,
        &[
            "create-user",
            "--email",
            "ä.jansen@EXAMPLE.nl",
            "--role",
            "planner",
            "--lang",
            "nl",
        ],
        Some(""),
    );
    assert!(
        !ok && err.contains("er is al een account ä.jansen@example.nl"),
        "{err}"
    );
    let (ok, out, _) = admin(
        &db,
        &["reset-password", "--email", "Ä.JANSEN@example.nl"],
        Some("a third password 789\n"),
    );
    assert!(ok);
    assert_eq!(
        out,
        "new password set for ä.jansen@example.nl; its sessions have ended\n"
    );
    assert_eq!(
        sign_in(&server, "Ä.Jansen@Example.nl", "a third password 789"),
        200
    );

    let (ok, out, _) = admin(&db, &["list-users"], None);
    assert!(ok);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows[0], "email\trole\tcreated_at\tdisabled_at");
    assert!(rows[1].starts_with("ann@example.org\tplanner\t"), "{out}");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("planner@demo.invalid\tplanner")),
        "{out}"
    );

    let (ok, _, _) = admin(
        &db,
        &["reset-password", "--email", "ann@example.org"],
        Some("another password 456\n"),
    );
    assert!(ok);
    assert_eq!(
        sign_in(&server, "ann@example.org", "a chosen password 123"),
        401
    );
    assert_eq!(
        sign_in(&server, "ann@example.org", "another password 456"),
        200
    );

    let (ok, out, _) = admin(&db, &["disable-user", "--email", "Bob@example.org"], None);
    assert!(ok, "{out}");
    assert_eq!(out, "disabled bob@example.org; its sessions have ended\n");
    assert_eq!(sign_in(&server, "bob@example.org", &generated), 401);
    let (_, out, _) = admin(&db, &["list-users"], None);
    let bob = out.lines().find(|l| l.starts_with("bob@")).unwrap();
    assert!(bob.ends_with('Z'), "disabled_at is set: {bob}");
    let (ok, _, err) = admin(
        &db,
        &["disable-user", "--email", "nobody@example.org"],
        None,
    );
    assert!(!ok && err.contains("no account"), "{err}");
    server.kill_9();
}

#[test]
fn an_api_token_is_printed_once_works_as_bearer_and_can_be_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let server = Server::start(serve_command(&db, dir.path()));
    let (ok, out, err) = admin(
        &db,
        &["create-token", "--role", "viewer", "--name", "dashboard"],
        None,
    );
    assert!(ok, "{err}");
    let token = out.trim();
    assert!(token.starts_with("wgt_") && token.len() == 47, "{token}");
    assert!(err.contains("shown only this once"));
    assert_eq!(
        server
            .request("GET", "/api/v1/programs", None, Some(token))
            .0,
        200
    );
    let (status, body) = server.request(
        "POST",
        "/api/v1/programs/demo/surveys/pilot-feedback/invitations",
        Some(r#"{"invitations":[{"person_id":"x"}]}"#),
        Some(token),
    );
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("forbidden"))
    );

    let (ok, _, _) = admin(
        &db,
        &["create-token", "--role", "planner", "--name", "dashboard"],
        None,
    );
    assert!(!ok, "names are unique");
    let (_, out, _) = admin(&db, &["list-tokens"], None);
    assert!(
        out.lines().any(|l| l.starts_with("dashboard\tviewer\t")),
        "{out}"
    );
    assert!(
        !out.contains(token),
        "the token itself is never shown again"
    );

    let (ok, out, _) = admin(
        &db,
        &["revoke-token", "--name", "dashboard", "--lang", "nl"],
        None,
    );
    assert!(ok);
    assert_eq!(out, "token dashboard ingetrokken\n");
    assert_eq!(
        server
            .request("GET", "/api/v1/programs", None, Some(token))
            .0,
        401
    );
    server.kill_9();
}

#[test]
fn a_token_name_is_counted_in_characters_and_may_not_hide_any() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let server = Server::start(serve_command(&db, dir.path()));
    server.kill_9();
    let accents = "é".repeat(40);
    let (ok, out, err) = admin(
        &db,
        &[
            "create-token",
            "--role",
            "viewer",
            "--name",
            &accents,
            "--lang",
            "nl",
        ],
        None,
    );
    assert!(ok, "40 characters, 80 bytes: {err}");
    assert!(
        out.trim().starts_with("wgt_") && out.lines().count() == 1,
        "{out}"
    );
    assert_eq!(
        err.trim_end(),
        format!("token {accents} aangemaakt met de rol viewer; het wordt alleen deze keer getoond")
    );
    for (name, en, nl) in [
        (
            "ci\u{202E}prod",
            "the token's name contains U+202E",
            "de naam van het token bevat U+202E",
        ),
        (
            "  ",
            "the token's name is empty",
            "de naam van het token is leeg",
        ),
    ] {
        for (lang, said) in [("en", en), ("nl", nl)] {
            let (ok, out, err) = admin(
                &db,
                &[
                    "create-token",
                    "--role",
                    "viewer",
                    "--name",
                    name,
                    "--lang",
                    lang,
                ],
                None,
            );
            assert!(
                !ok && out.is_empty() && err.contains(said),
                "{name:?}: {err}"
            );
        }
    }
    let (ok, _, err) = admin(
        &db,
        &[
            "create-token",
            "--role",
            "planner",
            "--name",
            &"é".repeat(65),
        ],
        None,
    );
    assert!(!ok && err.contains("longer than 64 characters"), "{err}");
    let (_, out, _) = admin(&db, &["list-tokens"], None);
    assert_eq!(
        out.lines().count(),
        2,
        "only the one refused nothing: {out}"
    );
}
