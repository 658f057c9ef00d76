//! `wavegate training export`: the training records in a server's database as `training.csv`
//! (read back by the readiness importer) and as xAPI statements, with the registration, the
//! module version and the actor as an account or `mbox_sha1sum`.

#![allow(clippy::unwrap_used)]

mod cli_support;

use chrono::{TimeZone, Utc};
use cli_support::wavegate;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;
use wavegate_core::training::{Lineage, Progress, QuestionKind, QuizAnswer, Submission, templates};
use wavegate_server::Store;
use wavegate_server::store::NewTrainee;

const REGISTRATION: &str = "6f1c2d3e-4f50-4617-8899-aabbccddeeff";

/// A database with the demo program, `get-help` published (version 1) and assigned to p001,
/// who viewed every lesson and passed the quiz at the first attempt.
fn database(dir: &Path) -> String {
    let db = dir.join("wavegate.db");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = Store::open(&db).unwrap();
        wavegate_server::seed_demo(&store, "http://wavegate.test")
            .await
            .unwrap();
        // Its first version, which the records below are of.
        let module = templates::versions("get-help").unwrap().remove(0);
        store
            .publish_module_version(
                "demo",
                &module.id,
                module.version,
                &serde_json::to_string(&module).unwrap(),
                "2027-01-11T09:00:00Z",
            )
            .await
            .unwrap();
        store
            .assign_module(
                "demo",
                &module.id,
                vec![NewTrainee {
                    token: "0123456789abcdef0123456789abcdef".into(),
                    person_id: "p001".into(),
                    name: "Ann de Vries".into(),
                    email: Some("p001@example.org".into()),
                    attributes_json: "{\"wave\":\"pilot\"}".into(),
                    language: Some("nl".into()),
                    wave: Some("pilot".into()),
                    expires_on: None,
                    registration: REGISTRATION.into(),
                }],
                "2027-01-11T09:00:00Z",
            )
            .await
            .unwrap();
        let at = |m: u32| Utc.with_ymd_and_hms(2027, 1, 12, 9, m, 0).unwrap();
        let mut progress = Progress::new(&module, REGISTRATION, at(0)).unwrap();
        for (i, l) in module.lessons.iter().enumerate() {
            progress
                .view_lesson(&module, &l.id, at(i as u32 + 1))
                .unwrap();
        }
        let lineage = Lineage::first(&module);
        let plan = progress.next_attempt(&module, &lineage, at(20)).unwrap();
        let answers: BTreeMap<String, QuizAnswer> = plan
            .questions
            .iter()
            .map(|id| {
                let q = module.question(id).unwrap();
                let a = match &q.kind {
                    QuestionKind::SingleChoice { options } => {
                        QuizAnswer::Choice(options.iter().find(|o| o.correct).unwrap().id.clone())
                    }
                    QuestionKind::MultipleChoice { options } => QuizAnswer::Choices(
                        options
                            .iter()
                            .filter(|o| o.correct)
                            .map(|o| o.id.clone())
                            .collect(),
                    ),
                    QuestionKind::TrueFalse { answer, .. } => QuizAnswer::TrueFalse(*answer),
                    QuestionKind::Ordering { items, .. } => {
                        QuizAnswer::Order(items.iter().map(|i| i.id.clone()).collect())
                    }
                };
                (id.clone(), a)
            })
            .collect();
        let submission = Submission {
            id: "attempt-cli-0001".into(),
            number: plan.number,
            answers,
            started_at: at(15),
            submitted_at: None,
        };
        assert!(
            progress
                .submit_attempt(&module, &lineage, submission, at(20))
                .unwrap()
                .passed
        );
        for (id, fact) in progress.facts() {
            store
                .insert_fact(
                    "demo",
                    REGISTRATION,
                    &id,
                    &serde_json::to_string(&fact).unwrap(),
                    "2027-01-12T09:30:00Z",
                )
                .await
                .unwrap();
        }
    });
    db.to_str().unwrap().to_string()
}

/// `wavegate training export` of the demo program in `db` with `args`; it must succeed.
fn export(db: &str, args: &[&str]) -> Output {
    let mut all = vec!["training", "export", "--db", db, "--program", "demo"];
    all.extend_from_slice(args);
    let out = wavegate(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn csv_export_is_the_training_file_wavegate_score_reads() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let out = export(&db, &["--format", "csv"]);
    let records = wavegate_core::readiness::import::read_training(out.stdout.as_slice()).unwrap();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!((r.person_id.as_str(), &*r.module_id), ("p001", "get-help"));
    assert_eq!(r.passed, Some(true));
    assert_eq!(r.attempts, 1);
    assert!(r.completed_at.is_some());
    assert!(!r.topics.is_empty());
}

#[test]
fn xapi_export_names_the_registration_version_verbs_and_a_hashed_mailbox() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let file = dir.path().join("statements.json");
    export(
        &db,
        &[
            "--format",
            "xapi",
            "--actor",
            "email",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let statements: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let statements = statements.as_array().unwrap();
    let verbs: Vec<&str> = statements
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect();
    for verb in [
        "initialized",
        "experienced",
        "answered",
        "passed",
        "completed",
    ] {
        assert!(verbs.contains(&verb), "{verb} in {verbs:?}");
    }
    for s in statements {
        assert_eq!(s["context"]["registration"], REGISTRATION);
        assert_eq!(
            s["actor"]["mbox_sha1sum"],
            wavegate_core::training::export::xapi::mbox_sha1sum("p001@example.org")
        );
        assert!(
            s["actor"]["mbox"].is_null(),
            "the address itself is never sent"
        );
    }
    for s in statements {
        assert_eq!(
            s["context"]["extensions"]["https://wavegate.example.org/xapi/extensions/module-version"],
            1,
            "the module version is in the context"
        );
    }

    let out = wavegate(&[
        "training",
        "export",
        "--db",
        &db,
        "--program",
        "nope",
        "--format",
        "csv",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no program"));
}

#[test]
fn a_missing_database_or_program_is_said_in_dutch_when_asked() {
    // A Dutch CSV export of `program` from `db`, which must fail; what it said.
    let refused = |db: &str, program: &str| {
        let out = wavegate(&[
            "training",
            "export",
            "--db",
            db,
            "--program",
            program,
            "--format",
            "csv",
            "--lang",
            "nl",
        ]);
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = refused("/no/such/w.sqlite", "demo");
    assert!(err.contains("/no/such/w.sqlite bestaat niet"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let err = refused(&db, "elders");
    assert!(err.contains("er is geen programma \"elders\""), "{err}");
}

#[test]
fn an_xapi_base_or_home_page_that_is_no_web_address_is_refused_in_the_language_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    // A Dutch or English xAPI export with `flag` set to `value`, which must fail; what it said.
    let refused = |flag: &str, value: &str, lang: &str| {
        let out = wavegate(&[
            "training",
            "export",
            "--db",
            &db,
            "--program",
            "demo",
            "--format",
            "xapi",
            flag,
            value,
            "--lang",
            lang,
        ]);
        assert!(!out.status.success(), "{flag} {value} was accepted");
        assert!(out.stdout.is_empty(), "no statements are written");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = refused("--base", "not an iri", "en");
    assert!(
        err.contains(
            "--base: the activity ids' base `not an iri` is not an absolute http or https address"
        ),
        "{err}"
    );
    let err = refused("--base", "javascript:alert(1)/", "nl");
    assert!(
        err.contains("is geen absoluut http- of https-adres"),
        "{err}"
    );
    let err = refused("--base", "https://x.example/a b/", "en");
    assert!(err.contains("without spaces"), "{err}");
    let err = refused("--home-page", "x", "nl");
    assert!(
        err.contains("--home-page: de startpagina van de accounts `x`"),
        "{err}"
    );
    // A web address is taken.
    export(
        &db,
        &[
            "--format",
            "xapi",
            "--home-page",
            "https://login.example.org/",
        ],
    );
}
