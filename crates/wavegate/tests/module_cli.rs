//! `wavegate module …` as an author runs it.

#![allow(clippy::unwrap_used)]

mod cli_support;

use cli_support::{stderr, stdout, wavegate, write};

#[test]
fn a_printed_template_validates_with_an_outline() {
    let dir = tempfile::tempdir().unwrap();
    let template = wavegate(&["module", "template", "enroll-ios"]);
    assert!(template.status.success(), "{}", stderr(&template));
    let file = write(dir.path(), "ios.json", &stdout(&template));
    let out = wavegate(&["module", "validate", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "OK: enroll-ios v3, \"Enroll your iPhone or iPad\" (3 lessons, 8 questions, ~15 min)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("for: platform = iOS; done when: completed_and_passed"),
        "{text}"
    );
    assert!(
        text.contains("    trouble            2 of 3 questions"),
        "{text}"
    );
    // The latest version, whose change notes say it only renamed the helpdesk.
    assert!(
        text.contains("  changes:\n    trouble            editorial: The service desk is now called the helpdesk"),
        "{text}"
    );
    let dutch = stdout(&wavegate(&["module", "validate", &file, "--lang", "nl"]));
    assert!(
        dutch.contains("3 lessen") && dutch.contains("2 van 3 vragen"),
        "{dutch}"
    );
}

#[test]
fn problems_are_listed_with_paths_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let json = stdout(&wavegate(&["module", "template", "get-help"]))
        .replacen("\"minutes\"", "\"minuts\"", 1)
        .replacen("\"correct\": true", "\"correct\": false", 1);
    let file = write(dir.path(), "help.json", &json);
    let out = wavegate(&["module", "validate", &file]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("2 problems found"), "{err}");
    assert!(
        err.contains("  lessons[0].minuts: unknown field `minuts`; did you mean `minutes`?"),
        "{err}"
    );
    assert!(
        err.contains("  quiz.questions[1].options: no option is correct"),
        "{err}"
    );
    let dutch = stderr(&wavegate(&["module", "validate", &file, "--lang", "nl"]));
    assert!(dutch.contains("2 problemen gevonden"), "{dutch}");
    assert!(dutch.contains("bedoelde je `minutes`?"), "{dutch}");

    let broken = write(dir.path(), "broken.json", "{\"format\": ");
    let out = wavegate(&["module", "validate", &broken]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("(file): not valid JSON at line 1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn templates_are_listed_and_an_unknown_one_is_refused() {
    let list = stdout(&wavegate(&["module", "template"]));
    for id in [
        "enroll-windows",
        "enroll-android",
        "enroll-ios",
        "enroll-macos",
        "what-changes",
        "get-help",
        "admin-operations",
    ] {
        assert!(list.contains(id), "{id} in {list}");
    }
    assert!(
        list.contains("Waar je hulp krijgt / Where to get help"),
        "{list}"
    );
    let out = wavegate(&["module", "template", "enroll-blackberry"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no built-in module `enroll-blackberry`"),
        "{}",
        stderr(&out)
    );
    let out = wavegate(&["module", "template", "enroll-blackberry", "--lang", "nl"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out)
            .contains("er is geen ingebouwde module `enroll-blackberry`; kies uit: enroll-windows"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unreadable_definition_is_reported_in_the_language_asked() {
    let out = wavegate(&["--lang", "nl", "module", "validate", "/no/such/module.json"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("/no/such/module.json kan niet gelezen worden"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_module_the_server_would_refuse_for_its_size_or_policy_is_no_ok() {
    let dir = tempfile::tempdir().unwrap();
    let template: serde_json::Value =
        serde_json::from_str(&stdout(&wavegate(&["module", "template", "get-help"]))).unwrap();
    // A lesson of 300,000 bytes, a wait of 1,900 years and more attempts than the server keeps.
    let mut m = template.clone();
    m["lessons"][0]["body"]["en"] = serde_json::json!("word ".repeat(60_000));
    m["quiz"]["attempts"] = serde_json::json!({ "max": 100_000, "wait_minutes": 1_000_000_000u32 });
    let file = write(dir.path(), "huge.json", &m.to_string());
    let out = wavegate(&["module", "validate", &file]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    // The size is the built-in's plus the lesson: only the limit is fixed.
    assert!(err.contains("  (file): the module is "), "{err}");
    assert!(
        err.contains(" KiB as compact JSON; at most 256 KiB is published"),
        "{err}"
    );
    assert!(
        err.contains("  quiz.attempts.max: `max` 100,000: at most 1000 attempts"),
        "{err}"
    );
    assert!(
        err.contains("  quiz.attempts.wait_minutes: a wait of 1,000,000,000 minutes"),
        "{err}"
    );
    let dutch = stderr(&wavegate(&["module", "validate", &file, "--lang", "nl"]));
    assert!(
        dutch.contains("  (file): de module is ")
            && dutch.contains(" KiB als compacte JSON; hooguit 256 KiB wordt gepubliceerd"),
        "{dutch}"
    );

    // An estimate far below the lessons' minutes.
    let mut m = template;
    m["estimate_minutes"] = serde_json::json!(1);
    let file = write(dir.path(), "quick.json", &m.to_string());
    let out = wavegate(&["module", "validate", &file]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("  estimate_minutes: 1 minutes, while the lessons alone take"),
        "{}",
        stderr(&out)
    );
}
