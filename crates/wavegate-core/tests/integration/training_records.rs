//! Training records out of Wavegate: `training.csv` read back by the readiness importer and
//! moving the Knowledge and Reach dimensions, and xAPI statements with the properties the
//! specification requires.

use crate::readiness_support::program_toml;
use crate::training_support::{Trainee, builtin};
use chrono::NaiveDate;
use serde_json::Value;
use wavegate_core::csv_safe::CsvOptions;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::{Inputs, TrainingStatus};
use wavegate_core::readiness::import::{read_roster, read_training};
use wavegate_core::readiness::metric::{Dimension, MetricId};
use wavegate_core::readiness::report::{MetricReport, SegmentReport};
use wavegate_core::readiness::{DataSet, Program, Report, evaluate};
use wavegate_core::training::export::xapi::{Actor, XapiOptions, mbox_sha1sum, statements};
use wavegate_core::training::{ModuleHistory, Progress, Record, write_training_csv};

fn program() -> String {
    program_toml(
        "Training",
        &["platform"],
        None,
        &[
            ("pilot", "2027-01-11", "2027-01-29", Some(40)),
            ("wave-1", "2027-02-08", "2027-02-26", Some(100)),
        ],
    )
}

/// The pilot: 20 Windows and 20 iOS users; 100 people wait in wave 1.
fn roster() -> String {
    let mut csv = String::from("person_id,email,wave,platform\n");
    for i in 0..40 {
        let platform = if i < 20 { "Windows" } else { "iOS" };
        csv.push_str(&format!("p{i:03},p{i:03}@example.org,pilot,{platform}\n"));
    }
    for i in 40..140 {
        csv.push_str(&format!("p{i:03},p{i:03}@example.org,wave-1,Windows\n"));
    }
    csv
}

/// Every pilot user's progress on their platform module and on "what changes"; the first
/// attempt of "what changes" goes wrong on `weak` for `weak_people` of them (they pass on a
/// retry), and the last `idle` people start neither module.
fn pilot_records(weak: &str, weak_people: usize, idle: usize) -> Vec<Record> {
    let (what, what_lineage) = builtin("what-changes");
    let mut records = Vec::new();
    for i in 0..40usize {
        let person = format!("p{i:03}");
        let platform = if i < 20 {
            "enroll-windows"
        } else {
            "enroll-ios"
        };
        let (enroll, enroll_lineage) = builtin(platform);
        let active = i < 40 - idle;
        let mut t = Trainee::new(i as u32, &enroll, "2027-01-11 08:00");
        if active {
            t.study(&enroll, "2027-01-12 09:00");
            t.quiz(&enroll, &enroll_lineage, "2027-01-12 09:20", &[]);
        }
        records.push(Record::of(&person, &t.progress, &enroll, &enroll_lineage));

        let lineage = &what_lineage;
        let mut t = Trainee::new(100 + i as u32, &what, "2027-01-11 08:00");
        if active {
            t.study(&what, "2027-01-13 09:00");
            if i < weak_people {
                t.quiz(&what, lineage, "2027-01-13 09:15", &[weak]);
            }
            t.quiz(&what, lineage, "2027-01-13 10:15", &[]);
        }
        records.push(Record::of(&person, &t.progress, &what, lineage));
    }
    records
}

fn csv(records: &[Record]) -> Vec<u8> {
    write_training_csv(records, Vec::new(), CsvOptions::default()).unwrap()
}

fn score(training_csv: &[u8]) -> Report {
    let program = Program::parse(&program()).unwrap();
    let roster = read_roster(roster().as_bytes(), &program).unwrap();
    let inputs = Inputs {
        training: Some(read_training(training_csv).unwrap()),
        ..Inputs::default()
    };
    let data = DataSet::new(&program, roster, inputs);
    evaluate(
        &data,
        &program,
        NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
        Lang::En,
        &[],
    )
}

fn wave(r: &Report) -> &SegmentReport {
    &r.segments[0]
}

fn metric(r: &Report, id: MetricId) -> &MetricReport {
    wave(r).metrics.iter().find(|m| m.id == id).unwrap()
}

#[test]
fn the_export_is_read_back_by_the_readiness_importer() {
    let records = pilot_records("privacy", 10, 5);
    let bytes = csv(&records);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with(
        "person_id,module_id,module_version,status,attempts,score,passed,completed_at,topic_results\r\n"
    ));
    assert!(
        text.contains("p000,what-changes,1,completed,2,1,true,2027-01-13T10:15:00Z,privacy=0;rules=1;leaving=1\r\n"),
        "{text}"
    );
    assert!(
        text.contains("p039,what-changes,1,assigned,0,,,,\r\n"),
        "{text}"
    );
    let read = read_training(bytes.as_slice()).unwrap();
    assert_eq!(read.len(), records.len());
    for (r, back) in records.iter().zip(&read) {
        assert_eq!(back.person_id, r.person_id);
        assert_eq!(&*back.module_id, r.module_id);
        assert_eq!(back.attempts, r.attempts);
        assert_eq!(back.passed, r.passed);
        assert_eq!(back.completed_at, r.completed_at.map(|t| t.naive_utc()));
        let topics: Vec<(String, f64)> = back
            .topics
            .iter()
            .map(|(t, x)| (t.to_string(), *x))
            .collect();
        assert_eq!(topics, r.topics);
    }
    assert_eq!(read[1].status, TrainingStatus::Completed);
    assert_eq!(read[79].status, TrainingStatus::Assigned);
    // Dutch Excel settings read back the same.
    let nl = write_training_csv(&records, Vec::new(), CsvOptions::excel_nl()).unwrap();
    assert_eq!(read_training(nl.as_slice()).unwrap(), read);
}

#[test]
fn quiz_results_move_the_knowledge_dimension_and_starts_move_reach() {
    let good = score(&csv(&pilot_records("privacy", 0, 0)));
    let weak = score(&csv(&pilot_records("privacy", 30, 8)));

    // Three in four failed "what changes" at first: fewer first-attempt passes.
    let (g, w) = (
        metric(&good, MetricId::QuizFirstAttempt),
        metric(&weak, MetricId::QuizFirstAttempt),
    );
    // People, not quizzes: 40 and 32 people took two quizzes each.
    assert_eq!((g.n, w.n), (40, 32));
    assert!(
        g.estimate.unwrap() > 0.9 && w.estimate.unwrap() < 0.7,
        "{g:?} {w:?}"
    );

    // Their first answers on privacy were all wrong: it is the weakest topic.
    let w = metric(&weak, MetricId::WeakestTopic);
    assert_eq!(w.detail.topic.as_deref(), Some("privacy"), "{w:?}");
    assert!(w.estimate.unwrap() < 0.3, "{w:?}");
    assert!(w.detail.modules.contains(&"what-changes".to_string()));
    assert!(metric(&good, MetricId::WeakestTopic).estimate.unwrap() > 0.9);

    let knowledge = |r: &Report| {
        wave(r).dimensions[&Dimension::Knowledge]
            .score
            .unwrap()
            .estimate
    };
    assert!(
        knowledge(&good) > knowledge(&weak),
        "{} {}",
        knowledge(&good),
        knowledge(&weak)
    );

    // Eight people never started: Reach sees fewer starts.
    let (g, w) = (
        metric(&good, MetricId::TrainingStarted),
        metric(&weak, MetricId::TrainingStarted),
    );
    assert_eq!(g.n, 40);
    assert!(g.estimate.unwrap() > w.estimate.unwrap(), "{g:?} {w:?}");
    assert!(wave(&weak).dimensions.contains_key(&Dimension::Reach));
}

#[test]
fn quiz_metrics_count_people_however_many_quizzes_each_took() {
    use wavegate_core::readiness::metric::State;
    // Four people took two quizzes each: eight results, but a group of four is not shown.
    let four = score(&csv(&pilot_records("privacy", 0, 36)));
    for id in [MetricId::QuizFirstAttempt, MetricId::WeakestTopic] {
        let m = metric(&four, id);
        assert!(m.suppressed && m.estimate.is_none(), "{m:?}");
    }
    // Eight people, sixteen quizzes all passed at once: too few people (min_n 10) to pass.
    let eight = score(&csv(&pilot_records("privacy", 0, 32)));
    for id in [MetricId::QuizFirstAttempt, MetricId::WeakestTopic] {
        let m = metric(&eight, id);
        assert_eq!((m.n, m.state), (8, State::Insufficient), "{m:?}");
    }
    let ten = score(&csv(&pilot_records("privacy", 0, 30)));
    assert_eq!(metric(&ten, MetricId::QuizFirstAttempt).state, State::Pass);
}

// ---------------------------------------------------------------------------------------------
// xAPI

fn studied() -> (Progress, ModuleHistory) {
    let (m, lineage) = builtin("enroll-macos");
    let mut t = Trainee::new(7, &m, "2027-01-11 08:00");
    t.study(&m, "2027-01-12 09:00");
    t.quiz(&m, &lineage, "2027-01-12 09:20", &["trouble"]);
    t.quiz(&m, &lineage, "2027-01-12 09:40", &[]);
    let history = ModuleHistory::from_published(vec![m]).unwrap();
    (t.progress, history)
}

fn options() -> XapiOptions {
    XapiOptions {
        base: "https://wavegate.example.org/xapi".into(),
    }
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

#[test]
fn statements_have_the_properties_xapi_requires() {
    let (progress, history) = studied();
    let actor = Actor::Account {
        home_page: "https://login.example.org".into(),
        name: "p007".into(),
    };
    let all = statements(&progress, &history, &actor, &options());
    let json: Vec<Value> = all
        .iter()
        .map(|s| serde_json::to_value(s).unwrap())
        .collect();
    let verbs: Vec<&str> = json
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
    assert_eq!(verbs.first(), Some(&"initialized"));
    assert_eq!(verbs.iter().filter(|v| **v == "experienced").count(), 3);
    assert_eq!(verbs.iter().filter(|v| **v == "answered").count(), 14);
    assert_eq!(
        verbs
            .iter()
            .filter(|v| ["passed", "failed"].contains(v))
            .collect::<Vec<_>>(),
        [&"failed", &"passed"]
    );
    assert_eq!(verbs.iter().filter(|v| **v == "completed").count(), 1);

    let mut ids = std::collections::BTreeSet::new();
    for s in &json {
        assert!(is_uuid(s["id"].as_str().unwrap()), "{s}");
        assert!(
            ids.insert(s["id"].as_str().unwrap().to_string()),
            "duplicate id {s}"
        );
        assert_eq!(s["actor"]["objectType"], "Agent");
        assert_eq!(
            s["actor"]["account"]["homePage"],
            "https://login.example.org"
        );
        assert_eq!(s["actor"]["account"]["name"], "p007");
        assert!(s["actor"].get("mbox_sha1sum").is_none());
        let verb = s["verb"]["id"].as_str().unwrap();
        assert!(
            verb.starts_with("http://adlnet.gov/expapi/verbs/"),
            "{verb}"
        );
        assert!(s["verb"]["display"]["en-US"].is_string());
        assert_eq!(s["object"]["objectType"], "Activity");
        let object = s["object"]["id"].as_str().unwrap();
        assert!(
            object.starts_with("https://wavegate.example.org/xapi/modules/enroll-macos"),
            "{object}"
        );
        let ts = s["timestamp"].as_str().unwrap();
        assert!(chrono::DateTime::parse_from_rfc3339(ts).is_ok(), "{ts}");
        assert!(ts.ends_with('Z'));
        // xAPI 1.0.3 §2.4.10: a Learning Record Provider should not set the statement version
        // (the record store sets it; 1.0.3 belongs in the request's header).
        assert!(s.get("version").is_none(), "{s}");
        assert!(is_uuid(s["context"]["registration"].as_str().unwrap()));
        assert_eq!(s["context"]["registration"], progress.registration.as_str());
        assert_eq!(
            s["context"]["extensions"]["https://wavegate.example.org/xapi/extensions/module-version"],
            1
        );
        if let Some(scaled) = s["result"]["score"]["scaled"].as_f64() {
            assert!((-1.0..=1.0).contains(&scaled), "{s}");
            assert!(
                s["result"]["score"]["raw"].as_f64().unwrap()
                    <= s["result"]["score"]["max"].as_f64().unwrap()
            );
        }
        if let Some(d) = s["result"]["duration"].as_str() {
            assert!(d.starts_with("PT") && d.ends_with('S'), "{d}");
        }
        if object.contains("/lessons/") || object.contains("/questions/") {
            assert_eq!(
                s["context"]["contextActivities"]["parent"][0]["id"],
                "https://wavegate.example.org/xapi/modules/enroll-macos"
            );
        }
    }
    let failed = json
        .iter()
        .find(|s| s["verb"]["id"].as_str().unwrap().ends_with("failed"))
        .unwrap();
    assert_eq!(failed["result"]["success"], false);
    assert_eq!(failed["result"]["duration"], "PT4M30S");
    let scaled = failed["result"]["score"]["scaled"].as_f64().unwrap();
    assert!((scaled - 5.0 / 7.0).abs() < 1e-9);
    let completed = json
        .iter()
        .find(|s| s["verb"]["id"].as_str().unwrap().ends_with("completed"))
        .unwrap();
    assert_eq!(completed["result"]["completion"], true);
    assert_eq!(completed["timestamp"], "2027-01-12T09:02:00.000Z");
    assert_eq!(
        completed["object"]["definition"]["name"]["nl-NL"],
        "Je Mac inschrijven"
    );
    let answered = json
        .iter()
        .find(|s| {
            s["object"]["id"]
                .as_str()
                .unwrap()
                .ends_with("/questions/steps_profile")
        })
        .unwrap();
    assert_eq!(
        answered["object"]["definition"]["interactionType"],
        "choice"
    );
    assert_eq!(
        answered["object"]["definition"]["correctResponsesPattern"][0],
        "settings"
    );
    assert_eq!(answered["result"]["response"], "settings");
    // Every "answered" states its response, and names read as text, not Markdown.
    for s in json
        .iter()
        .filter(|s| s["verb"]["id"].as_str().unwrap().ends_with("answered"))
    {
        assert!(s["result"]["response"].is_string(), "{s}");
        let name = s["object"]["definition"]["name"].to_string();
        assert!(!name.contains('*') && !name.contains('`'), "{name}");
    }
    // Statements are in time order, and the same progress gives the same statements.
    let times: Vec<&str> = json
        .iter()
        .map(|s| s["timestamp"].as_str().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(statements(&progress, &history, &actor, &options()), all);
}

#[test]
fn a_completion_stays_on_record_after_a_substantive_new_version() {
    let (mut progress, mut history) = studied();
    let mut v2 = history.latest().unwrap().clone();
    v2.version = 2;
    v2.lessons[0].body.en.push_str("\n\nNew step.");
    v2.lessons[0].body.nl.push_str("\n\nNieuwe stap.");
    let lesson = v2.lessons[0].id.clone();
    v2.changes = vec![
        serde_json::from_value(serde_json::json!({"lesson": lesson, "kind": "substantive",
            "note": {"nl": "Nieuwe stap.", "en": "New step."}}))
        .unwrap(),
    ];
    history.publish(v2).unwrap();
    // The trainee opened version 2 and has not re-studied yet.
    progress.version = 2;
    let all = statements(
        &progress,
        &history,
        &Actor::Email("p@example.org".into()),
        &options(),
    );
    let completed: Vec<Value> = all
        .iter()
        .map(|s| serde_json::to_value(s).unwrap())
        .filter(|s| s["verb"]["id"].as_str().unwrap().ends_with("completed"))
        .collect();
    assert_eq!(completed.len(), 1, "version 1's completion is still a fact");
    assert_eq!(
        completed[0]["context"]["extensions"]["https://wavegate.example.org/xapi/extensions/module-version"],
        1
    );
}

#[test]
fn an_email_actor_is_sent_as_its_sha1_sum_only() {
    let (progress, history) = studied();
    let all = statements(
        &progress,
        &history,
        &Actor::Email("Ann@Example.org".into()),
        &options(),
    );
    let s = serde_json::to_value(&all[0]).unwrap();
    let sum = s["actor"]["mbox_sha1sum"].as_str().unwrap();
    assert_eq!(sum, mbox_sha1sum("ann@example.org"));
    assert_eq!(sum.len(), 40);
    assert!(
        sum.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    let text = serde_json::to_string(&all).unwrap();
    assert!(!text.to_lowercase().contains("ann@example.org"));
    assert!(s["actor"].get("account").is_none());
}
