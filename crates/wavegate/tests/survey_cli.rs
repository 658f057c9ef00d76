//! `wavegate survey …` as a planner runs it.

#![allow(clippy::unwrap_used)]

mod cli_support;

use cli_support::{stderr, stdout, wavegate, write};

const RESPONSES: &str = r#"[
  {"response": {"id": "r1", "survey_id": "nps", "survey_version": 1, "language": "nl",
                "answers": {"nps": {"scale": 9}, "nps_reason": {"text": "=1+1 werkt"}}},
   "person_id": "p-001", "submitted_at": "2027-01-12T09:30:00Z", "attributes": {}},
  {"response": {"id": "r2", "survey_id": "nps", "survey_version": 1, "language": "en",
                "answers": {"nps": {"scale": 4}}},
   "submitted_at": "2027-01-13T10:00:00Z", "attributes": {"platform": "iOS"}}
]"#;

#[test]
fn a_printed_template_validates_with_an_outline() {
    let dir = tempfile::tempdir().unwrap();
    let template = wavegate(&["survey", "template", "pilot-feedback"]);
    assert!(template.status.success(), "{}", stderr(&template));
    let file = write(dir.path(), "pilot.json", &stdout(&template));
    let out = wavegate(&["survey", "validate", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("OK: pilot-feedback v1"), "{text}");
    assert!(text.contains("adkar_awareness"), "{text}");
    assert!(text.contains("matrix 5 × 10"), "{text}");
    let dutch = stdout(&wavegate(&["survey", "validate", &file, "--lang", "nl"]));
    assert!(dutch.contains("verplicht"), "{dutch}");
}

#[test]
fn validation_errors_are_listed_with_paths_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let json = stdout(&wavegate(&["survey", "template", "nps"]))
        .replacen("\"required\"", "\"requird\"", 1)
        .replacen("\"measures\": \"nps\"", "\"measures\": \"adkar.joy\"", 1);
    let file = write(dir.path(), "nps.json", &json);
    let out = wavegate(&["survey", "validate", &file]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("2 problems found"), "{err}");
    assert!(
        err.contains(
            "pages[0].questions[0].requird: unknown field `requird`; did you mean `required`?"
        ),
        "{err}"
    );
    assert!(err.contains("pages[0].questions[0].measures"), "{err}");
}

#[test]
fn text_from_a_definition_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let template = stdout(&wavegate(&["survey", "template", "nps"]));
    let titled = template.replacen("\"en\": \"", "\"en\": \"\\u001b]0;owned\\u0007\\u202e", 1);
    let file = write(dir.path(), "titled.json", &titled);
    // Refused by the validator (a text that reads other than it shows), named by its code
    // point, never written to the terminal.
    let out = wavegate(&["survey", "validate", &file]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains("title.en: contains U+001B"), "{text}");

    let keyed = template.replacen("\"required\"", "\"\\u001b[2Jrequird\"", 1);
    let file = write(dir.path(), "keyed.json", &keyed);
    let out = wavegate(&["survey", "validate", &file]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("unknown field `\\u{1b}[2Jrequird`"), "{err}");
    for out in [text, err] {
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{out:?}"
        );
    }
}

#[test]
fn a_huge_unknown_key_is_reported_at_once_and_short() {
    let dir = tempfile::tempdir().unwrap();
    let template = stdout(&wavegate(&["survey", "template", "nps"]));
    let key = "k".repeat(4_000_000);
    let json = template.replacen('{', &format!("{{\"{key}\": 1,"), 1);
    let file = write(dir.path(), "big.json", &json);
    let started = std::time::Instant::now();
    let out = wavegate(&["survey", "validate", &file]);
    // The suggestion's edit distance ran over the whole key (a 48 MB key took 7.5 s in a
    // release build) and the key was printed twice; now no suggestion is looked for past 64
    // characters and the key is cut there.
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.len() < 1_000, "{} bytes of errors", err.len());
    assert!(err.contains("unknown field `kkkk"), "{err}");
}

#[test]
fn templates_are_listed_and_an_unknown_one_is_refused() {
    let list = stdout(&wavegate(&["survey", "template"]));
    for id in [
        "pilot-feedback",
        "sus",
        "nps",
        "enps",
        "post-enrollment-pulse",
        "om-pulse",
    ] {
        assert!(list.contains(id), "{list}");
    }
    let out = wavegate(&["survey", "template", "nope"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("choose one of"));
}

#[test]
fn errors_are_in_dutch_when_asked_and_a_bad_flag_value_in_both_languages() {
    let out = wavegate(&["survey", "template", "nope", "--lang", "nl"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("er is geen ingebouwde vragenlijst `nope`; kies uit: pilot-feedback"),
        "{err}"
    );
    assert!(!err.contains("choose one of"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let responses = write(dir.path(), "responses.json", RESPONSES);
    // A Dutch summary of `survey` over the responses, which must fail; what it said.
    let refused = |survey: &str| {
        let out = wavegate(&[
            "survey",
            "summary",
            "--survey",
            survey,
            "--responses",
            &responses,
            "--lang",
            "nl",
        ]);
        assert!(!out.status.success());
        stderr(&out)
    };
    let err = refused("nope");
    assert!(
        err.contains("`nope` is geen bestand en geen ingebouwde vragenlijst"),
        "{err}"
    );
    let err = refused("sus");
    assert!(
        err.contains("antwoord `r1` hoort bij vragenlijst `nps`, niet bij `sus`"),
        "{err}"
    );

    // The language is not known yet while flags are read: both are said.
    let out = wavegate(&["survey", "template", "--lang", "fr"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("expected nl or en, found \"fr\""), "{err}");
    assert!(err.contains("verwacht nl of en, gevonden \"fr\""), "{err}");
}

#[test]
fn responses_export_long_for_dutch_excel_and_back_to_wide() {
    let dir = tempfile::tempdir().unwrap();
    let responses = write(dir.path(), "responses.json", RESPONSES);
    let long = dir.path().join("long.csv");
    let out = wavegate(&[
        "survey",
        "export",
        "--survey",
        "nps",
        "--responses",
        &responses,
        "--format",
        "long",
        "--delimiter",
        ";",
        "--bom",
        "--out",
        &long.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&long).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with(
        "\u{FEFF}response_id;survey_id;survey_version;person_id;submitted_at;language;question_id;value;platform\r\n"
    ));
    assert!(
        text.contains("r1;nps;1;p-001;2027-01-12T09:30:00Z;nl;nps_reason;'=1+1 werkt;\r\n"),
        "{text}"
    );
    // An anonymous response keeps only its day, in every export.
    assert!(
        text.contains("r2;nps;1;;2027-01-13T00:00:00Z;en;nps;4;iOS\r\n"),
        "{text}"
    );

    // The long CSV is read back and written wide.
    let out = wavegate(&[
        "survey",
        "export",
        "--survey",
        "nps",
        "--responses",
        &long.to_string_lossy(),
        "--format",
        "wide",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let wide = stdout(&out);
    let mut lines = wide.lines();
    assert_eq!(
        lines.next(),
        Some(
            "response_id,survey_id,survey_version,person_id,submitted_at,language,attribute:platform,nps,nps_reason"
        )
    );
    assert_eq!(
        lines.next(),
        Some("r1,nps,1,p-001,2027-01-12T09:30:00Z,nl,,9,'=1+1 werkt")
    );
}

#[test]
fn a_summary_reports_nps_and_withholds_small_groups() {
    let dir = tempfile::tempdir().unwrap();
    let summary = |file: &str| -> serde_json::Value {
        let out = wavegate(&["survey", "summary", "--survey", "nps", "--responses", file]);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Two responses are below the privacy threshold: only the count is shown.
    let small = summary(&write(dir.path(), "two.json", RESPONSES));
    assert_eq!(small["n"], 2);
    assert_eq!(small["free_text_withheld"], true);
    assert!(
        small["nps"].as_array().is_none_or(|a| a.is_empty()),
        "{small}"
    );

    // Five responses: scores 10, 9, 8, 6, 3 → 2 promoters, 2 detractors: (2 − 2) / 5 = 0. Only
    // the first explains their score.
    let five: Vec<serde_json::Value> = [10, 9, 8, 6, 3]
        .iter()
        .enumerate()
        .map(|(i, score)| {
            let mut answers = serde_json::json!({"nps": {"scale": score}});
            if i == 0 {
                answers["nps_reason"] = serde_json::json!({"text": "alleen ik schreef dit"});
            }
            serde_json::json!({
                "response": {"id": format!("r{i}"), "survey_id": "nps", "survey_version": 1,
                             "language": "nl", "answers": answers},
                "submitted_at": "2027-01-12T09:30:00Z", "attributes": {}
            })
        })
        .collect();
    let file = write(
        dir.path(),
        "five.json",
        &serde_json::to_string(&five).unwrap(),
    );
    let s = summary(&file);
    assert_eq!(s["n"], 5);
    assert_eq!(s["nps"][0]["promoters"], 2);
    assert_eq!(s["nps"][0]["detractors"], 2);
    assert_eq!(s["nps"][0]["score"], 0.0);
    // The one explanation is one person's: withheld, marked, and not printed.
    let reason = s["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "nps_reason")
        .unwrap();
    assert_eq!(reason["suppressed"], "few_answers", "{reason}");
    assert_eq!(reason["answered"], 0);
    assert!(!s.to_string().contains("alleen ik"), "{s}");
}

#[test]
fn a_bad_responses_file_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "responses.csv",
        "response_id,survey_id,survey_version,submitted_at,question_id,value\nr1,nps,1,2027-01-12,nps,tien\n",
    );
    let out = wavegate(&[
        "survey",
        "export",
        "--survey",
        "nps",
        "--responses",
        &csv,
        "--format",
        "long",
    ]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("responses.csv, line 2, column 6 (value)"),
        "{err}"
    );
}

#[test]
fn a_surveyjs_file_is_converted_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "Old Survey.json",
        r#"{"locale": "nl", "title": "Oud", "elements": [
            {"type": "boolean", "name": "ok", "title": "Alles goed?"},
            {"type": "signaturepad", "name": "sig"}
        ]}"#,
    );
    let out = wavegate(&["survey", "import-surveyjs", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let survey: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(survey["id"], "old_survey");
    assert_eq!(survey["pages"][0]["questions"][0]["type"], "yes_no");
    let err = stderr(&out);
    assert!(err.contains("signaturepad"), "{err}");
    // Written in Dutch only: a Dutch survey, with nothing left to translate.
    assert_eq!(survey["languages"], serde_json::json!(["nl"]));
    assert!(!err.contains("text is missing"), "{err}");
}

#[test]
fn output_cut_short_by_its_reader_is_no_error() {
    // `wavegate survey template pilot-feedback | head -1`: the reader closes the pipe early.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wavegate"))
        .args(["survey", "template", "pilot-feedback"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
