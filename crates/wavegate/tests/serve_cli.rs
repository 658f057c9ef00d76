//! `wavegate serve` on the command line: how the planner token is given.

#![allow(clippy::unwrap_used)]

mod serve_support;

use serve_support::{Server, serve_command};

const TOKEN: &str = "cli-planner-token-0123456789";

/// Starts a server with the token given by `how`, checks the token opens the planner API and
/// another does not, and that the banner does not print a token the operator chose.
fn check_token_given(how: impl FnOnce(&mut std::process::Command)) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = serve_command(&dir.path().join("w.sqlite"), dir.path());
    how(&mut cmd);
    let server = Server::start(cmd);
    let (status, _) = server.request("GET", "/api/v1/programs", None, Some(TOKEN));
    assert_eq!(status, 200, "{:?}", server.banner);
    let (status, _) = server.request(
        "GET",
        "/api/v1/programs",
        None,
        Some("another-token-0123456789"),
    );
    assert_eq!(status, 401);
    assert!(
        !server.banner.iter().any(|l| l.contains("planner token:")),
        "{:?}",
        server.banner
    );
    server.kill_9();
}

#[test]
fn the_planner_token_is_given_by_flag_or_environment() {
    check_token_given(|c| {
        c.args(["--planner-token", TOKEN]);
    });
    check_token_given(|c| {
        c.env("WAVEGATE_PLANNER_TOKEN", TOKEN);
    });
}

#[test]
fn the_old_admin_token_names_still_work_for_existing_scripts() {
    check_token_given(|c| {
        c.args(["--admin-token", TOKEN]);
    });
    check_token_given(|c| {
        c.env("WAVEGATE_ADMIN_TOKEN", TOKEN);
    });
}

#[test]
fn without_a_token_a_random_one_is_made_and_printed() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(serve_command(&dir.path().join("w.sqlite"), dir.path()));
    let printed = server
        .banner
        .iter()
        .find_map(|l| l.trim().strip_prefix("planner token:"))
        .map(str::trim)
        .unwrap_or_else(|| panic!("{:?}", server.banner))
        .to_string();
    assert_eq!(printed.len(), 32);
    let (status, _) = server.request("GET", "/api/v1/programs", None, Some(&printed));
    assert_eq!(status, 200);
    server.kill_9();
}

#[test]
fn two_different_planner_tokens_are_refused_rather_than_one_silently_winning() {
    let dir = tempfile::tempdir().unwrap();
    let out = serve_command(&dir.path().join("w.sqlite"), dir.path())
        .args(["--planner-token", TOKEN])
        .env("WAVEGATE_ADMIN_TOKEN", "some-older-token-0123456789")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("two different planner tokens"), "{err}");
}

#[test]
fn help_names_the_planner_token_and_hides_the_old_name() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wavegate"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--planner-token"), "{help}");
    assert!(help.contains("WAVEGATE_PLANNER_TOKEN"), "{help}");
    assert!(!help.contains("admin"), "{help}");
}
