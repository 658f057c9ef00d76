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
            "OK: enroll-ios v1, \"Enroll your iPhone or iPad\" (3 lessons, 8 questions, ~15 min)\n"
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
