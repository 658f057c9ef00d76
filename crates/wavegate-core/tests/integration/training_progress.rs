//! A trainee's way through a module: studying, quizzes under the attempt policy, certificates,
//! new versions that keep what they learned, and copies of progress made offline.

use crate::training_support::{Trainee, at, builtin, registration, right, wrong};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::training::wire::MyModule;
use wavegate_core::training::{
    Attempt, AttemptPolicy, Certificate, Change, ChangeKind, Lineage, Module, ModuleHistory,
    Position, Progress, ProgressError, QuizAnswer, QuizAnswers, ScoreError, Stage, Submission,
    TopicResult, restudy, templates,
};

#[test]
fn under_the_completed_rule_reading_every_lesson_is_all_the_way_done() {
    // The quiz is practice here: its open topics do not hold the progress bar at 75%.
    let (mut m, lineage) = builtin("enroll-ios");
    m.completion = wavegate_core::training::Completion::Completed;
    let mut t = Trainee::new(1, &m, "2027-01-11 08:00");
    t.study(&m, "2027-01-14 09:00");
    let s = t.progress.status(&m, &lineage);
    assert_eq!(s.stage, Stage::Done);
    assert_eq!(s.done_at, Some(at("2027-01-14 09:02")));
    assert_eq!(s.restudy.topics, ["why", "steps", "trouble"]);
    assert_eq!(s.share_done, 1.0);
}

#[test]
fn a_trainee_studies_passes_and_gets_a_certificate() {
    let (m, lineage) = builtin("enroll-ios");
    let mut t = Trainee::new(1, &m, "2027-01-11 08:00");
    assert_eq!(t.progress.status(&m, &lineage).stage, Stage::Assigned);
    assert!(Certificate::issue(&t.progress, &m, &lineage, "Ann").is_err());

    t.study(&m, "2027-01-14 09:00");
    let s = t.progress.status(&m, &lineage);
    assert_eq!(s.stage, Stage::Started);
    assert_eq!(s.completed_at, Some(at("2027-01-14 09:02")));
    assert_eq!(s.restudy.lessons, Vec::<String>::new());
    assert_eq!(s.restudy.topics, ["why", "steps", "trouble"]);
    assert!((s.share_done - 0.75).abs() < 1e-9);

    let result = t.quiz(&m, &lineage, "2027-01-15 10:00", &[]);
    assert!(result.passed);
    assert_eq!((result.correct, result.asked), (7, 7));
    let s = t.progress.status(&m, &lineage);
    assert_eq!(
        (s.stage, s.done_at),
        (Stage::Done, Some(at("2027-01-15 10:00")))
    );
    assert_eq!(s.share_done, 1.0);

    let c = Certificate::issue(&t.progress, &m, &lineage, " Ann de Vries ").unwrap();
    assert_eq!(
        c.to_text(Lang::Nl),
        format!(
            "Certificaat\n\nJe iPhone of iPad inschrijven\n\nAnn de Vries heeft de zelfstudiemodule \u{201c}Je iPhone of iPad inschrijven\u{201d} (versie 1) afgerond op 15 januari 2027.\n\nKenmerk: enroll-ios v1 · {}\n",
            registration(1)
        )
    );
    assert!(
        c.to_text(Lang::En)
            .contains("(version 1) on 15 January 2027.")
    );
    // A roster without names (or only an address as one): no name, and no blank where it was.
    let nameless = Certificate::issue(&t.progress, &m, &lineage, "ann@example.org").unwrap();
    assert_eq!(nameless.trainee, "");
    assert!(
        nameless
            .statement(Lang::Nl)
            .starts_with("De zelfstudiemodule \u{201c}Je iPhone of iPad inschrijven\u{201d} (versie 1) is afgerond op 15 januari 2027."),
        "{}",
        nameless.statement(Lang::Nl)
    );
    assert!(
        nameless
            .statement(Lang::En)
            .starts_with("The self-study module")
    );
}

#[test]
fn scoring_gives_per_topic_results_and_the_feedback_of_each_option() {
    let (m, lineage) = builtin("enroll-ios");
    let mut t = Trainee::new(2, &m, "2027-01-11 08:00");
    let result = t.quiz(&m, &lineage, "2027-01-15 10:00", &["trouble"]);
    assert!(!result.passed);
    assert_eq!((result.correct, result.asked), (5, 7));
    let trouble = result.topics.iter().find(|r| r.topic == "trouble").unwrap();
    assert_eq!(
        (trouble.correct, trouble.asked, trouble.share()),
        (0, 2, 0.0)
    );
    let steps = result.topics.iter().find(|r| r.topic == "steps").unwrap();
    assert_eq!(steps.share(), 1.0);
    // A wrong single choice shows why that option is wrong and why the right one is right.
    let account = result
        .questions
        .iter()
        .find(|q| q.id == "why_account")
        .unwrap();
    assert!(account.correct);
    assert_eq!(account.feedback.len(), 1);
    let wrong_one = result
        .questions
        .iter()
        .find(|q| q.topic == "trouble" && q.feedback.len() == 2)
        .unwrap();
    assert!(!wrong_one.feedback[0].right && wrong_one.feedback[1].right);
    // The order question, answered right, gives the feedback written for the right order.
    let order = result
        .questions
        .iter()
        .find(|q| q.id == "steps_order")
        .unwrap();
    let wavegate_core::training::QuestionKind::Ordering { feedback, .. } =
        &m.question("steps_order").unwrap().kind
    else {
        panic!("steps_order is an ordering");
    };
    assert!(order.correct && order.feedback[0].right);
    assert_eq!(order.feedback[0].text, feedback.correct);
}

#[test]
fn answers_to_questions_not_drawn_are_refused() {
    let (m, lineage) = builtin("enroll-ios");
    let mut p = Progress::new(&m, &registration(3), at("2027-01-11 08:00")).unwrap();
    let now = at("2027-01-12 10:00");
    let plan = p.next_attempt(&m, &lineage, now).unwrap();
    let trouble: Vec<&str> = ["trouble_abandoned", "trouble_restricted", "trouble_wifi"].into();
    let not_drawn = trouble
        .iter()
        .find(|q| !plan.questions.iter().any(|d| d == *q))
        .unwrap();
    let mut answers: QuizAnswers = plan
        .questions
        .iter()
        .map(|q| (q.clone(), right(&m, q)))
        .collect();
    answers.insert(not_drawn.to_string(), right(&m, not_drawn));
    let submission = Submission {
        id: "attempt-not-drawn".into(),
        number: plan.number,
        answers: answers.clone(),
        started_at: now,
        submitted_at: None,
    };
    assert_eq!(
        p.submit_attempt(&m, &lineage, submission, now),
        Err(ProgressError::Answers(ScoreError::NotDrawn {
            id: not_drawn.to_string()
        }))
    );
    answers.remove(*not_drawn);
    answers.insert("why_account".into(), QuizAnswer::TrueFalse(true));
    let submission = Submission {
        id: "attempt-wrong-type".into(),
        number: plan.number,
        answers,
        started_at: now,
        submitted_at: None,
    };
    let err = p.submit_attempt(&m, &lineage, submission, now).unwrap_err();
    assert_eq!(
        err.message(Lang::Nl),
        "vraag `why_account` vraagt een antwoord van het soort choice"
    );
    assert!(p.attempts.is_empty());
}

#[test]
fn the_attempt_policy_is_enforced_with_the_callers_clock() {
    let (m, lineage) = builtin("admin-operations");
    let mut t = Trainee::new(4, &m, "2027-01-11 08:00");
    t.quiz(&m, &lineage, "2027-01-12 10:00", &["alerts"]);
    assert_eq!(
        t.progress
            .next_attempt(&m, &lineage, at("2027-01-12 10:10")),
        Err(ProgressError::TooSoon {
            next_at: at("2027-01-12 10:30")
        })
    );
    let s = t.progress.status(&m, &lineage);
    assert_eq!((s.attempts_used, s.attempts_left), (1, Some(2)));
    assert_eq!(s.next_attempt_at, Some(at("2027-01-12 10:30")));
    t.quiz(&m, &lineage, "2027-01-12 10:30", &["alerts"]);
    t.quiz(&m, &lineage, "2027-01-12 11:00", &["alerts"]);
    let err = t
        .progress
        .next_attempt(&m, &lineage, at("2027-01-13 09:00"))
        .unwrap_err();
    assert_eq!(err, ProgressError::NoAttemptsLeft { max: 3 });
    assert_eq!(err.message(Lang::Nl), "alle 3 pogingen zijn gebruikt");

    let mut passer = Trainee::new(5, &m, "2027-01-11 08:00");
    passer.quiz(&m, &lineage, "2027-01-12 10:00", &[]);
    assert_eq!(
        passer
            .progress
            .next_attempt(&m, &lineage, at("2027-01-13 10:00")),
        Err(ProgressError::AlreadyPassed)
    );
}

/// Submits attempt `number` of `p` at `now` with every answer wrong, reported as started at
/// `started_at`; returns the recorded start.
fn wrong_attempt(
    p: &mut Progress,
    m: &Module,
    lineage: &Lineage,
    now: &str,
    started_at: chrono::DateTime<chrono::Utc>,
) -> chrono::DateTime<chrono::Utc> {
    let now = at(now);
    let plan = p.next_attempt(m, lineage, now).unwrap();
    let answers: QuizAnswers = plan
        .questions
        .iter()
        .map(|q| (q.clone(), wrong(m, q)))
        .collect();
    let id = format!("attempt-{:04}", plan.number);
    let submission = Submission {
        id: id.clone(),
        number: plan.number,
        answers,
        started_at,
        submitted_at: None,
    };
    p.submit_attempt(m, lineage, submission, now).unwrap();
    p.attempts[&id].started_at
}

#[test]
fn a_start_or_view_dated_before_it_could_have_happened_is_taken_as_the_earliest_it_could() {
    // Admin operations waits 30 minutes between attempts.
    let (m, lineage) = builtin("admin-operations");
    let mut p = Progress::new(&m, &registration(7), at("2027-01-11 08:00")).unwrap();
    let long_ago = at("2000-01-01 00:00");
    // Not before the assignment…
    let first = wrong_attempt(&mut p, &m, &lineage, "2027-01-12 10:00", long_ago);
    assert_eq!(first, at("2027-01-11 08:00"));
    // …nor, for a retry, before the wait after the previous attempt was over…
    let second = wrong_attempt(&mut p, &m, &lineage, "2027-01-12 10:45", long_ago);
    assert_eq!(second, at("2027-01-12 10:30"));
    // …nor after it was submitted; a plausible start stays as reported.
    let third = wrong_attempt(
        &mut p,
        &m,
        &lineage,
        "2027-01-12 11:30",
        at("2027-01-12 11:20"),
    );
    assert_eq!(third, at("2027-01-12 11:20"));
    // A lesson view on the device before the assignment is dated at the assignment.
    p.view_lesson(&m, &m.lessons[0].id, at("2020-01-01 00:00"))
        .unwrap();
    assert_eq!(
        p.views[&m.version][&m.lessons[0].id],
        at("2027-01-11 08:00")
    );
}

/// `get-help` with at most two attempts a minute apart.
fn two_attempts_a_minute_apart() -> (Module, Lineage) {
    let (mut m, _) = builtin("get-help");
    m.quiz.as_mut().unwrap().attempts = AttemptPolicy {
        max: Some(2),
        wait_minutes: 1,
    };
    let lineage = Lineage::first(&m);
    (m, lineage)
}

/// Submits the next attempt of `p` as a device does: started and submitted by its clock
/// (`made` is the submission; the start two minutes before), received at `now`. Returns the
/// attempt's id, or the refusal.
fn device_attempt(
    p: &mut Progress,
    m: &Module,
    lineage: &Lineage,
    made: &str,
    now: &str,
    right_answers: bool,
) -> Result<String, ProgressError> {
    let made = at(made);
    // The device plans on its own clock, as the app does offline.
    let plan = p.next_attempt(m, lineage, made)?;
    let answers: QuizAnswers = plan
        .questions
        .iter()
        .map(|q| {
            let a = if right_answers {
                right(m, q)
            } else {
                wrong(m, q)
            };
            (q.clone(), a)
        })
        .collect();
    let id = format!("device-attempt-{:04}", plan.number);
    let submission = Submission {
        id: id.clone(),
        number: plan.number,
        answers,
        started_at: made - chrono::Duration::minutes(2),
        submitted_at: Some(made),
    };
    p.submit_attempt(m, lineage, submission, at(now))?;
    Ok(id)
}

#[test]
fn attempts_made_offline_are_judged_on_the_devices_times_and_the_pass_is_kept() {
    let (m, lineage) = two_attempts_a_minute_apart();
    let assigned = "2027-01-11 08:00";
    // Two attempts six minutes apart on the phone, offline; both reach the server at 10:00.
    let mut device = Progress::new(&m, &registration(20), at(assigned)).unwrap();
    let mut server = device.clone();
    for (made, right_answers) in [("2027-01-12 09:02", false), ("2027-01-12 09:08", true)] {
        let id = device_attempt(&mut device, &m, &lineage, made, made, right_answers).unwrap();
        let a = &device.attempts[&id];
        let received = Submission {
            id: id.clone(),
            number: a.number,
            answers: a.answers.clone(),
            started_at: a.started_at,
            submitted_at: Some(a.submitted_at),
        };
        server
            .submit_attempt(&m, &lineage, received, at("2027-01-12 10:00"))
            .unwrap();
    }
    let s = server.status(&m, &lineage);
    assert_eq!(
        s.passed_at,
        Some(at("2027-01-12 09:08")),
        "the pass is kept"
    );
    assert_eq!(s.attempts_used, 2);
    assert_eq!(
        server.attempts, device.attempts,
        "the server dates them as the device did"
    );
    let second = &server.attempts["device-attempt-0002"];
    assert_eq!(
        (second.started_at, second.submitted_at),
        (at("2027-01-12 09:06"), at("2027-01-12 09:08"))
    );
}

#[test]
fn a_device_time_that_cannot_be_true_is_replaced_by_the_servers() {
    let (m, lineage) = two_attempts_a_minute_apart();
    let now = "2027-03-01 10:00";
    let submitted = |made: &str| {
        let mut p = Progress::new(&m, &registration(21), at("2027-01-11 08:00")).unwrap();
        let id = device_attempt(&mut p, &m, &lineage, made, now, false).unwrap();
        p.attempts[&id].submitted_at
    };
    // Plausible: kept.
    assert_eq!(submitted("2027-03-01 09:00"), at("2027-03-01 09:00"));
    // In the future (a clock running ahead), before the assignment, or more than 30 days ago.
    assert_eq!(submitted("2027-03-01 10:05"), at(now));
    assert_eq!(submitted("2027-01-10 09:00"), at(now));
    assert_eq!(submitted("2027-01-20 09:00"), at(now));

    // Not before the previous attempt (attempts are numbered in time): the server's time.
    let mut p = Progress::new(&m, &registration(22), at("2027-01-11 08:00")).unwrap();
    device_attempt(&mut p, &m, &lineage, "2027-03-01 09:58", now, false).unwrap();
    let submission = |id: &str, made: Option<chrono::DateTime<chrono::Utc>>| Submission {
        id: id.into(),
        number: 2,
        answers: QuizAnswers::new(),
        started_at: at("2027-03-01 09:00"),
        submitted_at: made,
    };
    let mut before = p.clone();
    before
        .submit_attempt(
            &m,
            &lineage,
            submission("device-attempt-before", Some(at("2027-03-01 09:30"))),
            at("2027-03-01 10:30"),
        )
        .unwrap();
    assert_eq!(
        before.attempts["device-attempt-before"].submitted_at,
        at("2027-03-01 10:30")
    );
    // Without a device time, the server's is the submission.
    let mut untimed = p.clone();
    untimed
        .submit_attempt(
            &m,
            &lineage,
            submission("device-attempt-untimed", None),
            at("2027-03-01 10:30"),
        )
        .unwrap();
    assert_eq!(
        untimed.attempts["device-attempt-untimed"].submitted_at,
        at("2027-03-01 10:30")
    );
    // A plausible device time within the wait is refused, though it arrives after it.
    let within = at("2027-03-01 09:58") + chrono::Duration::seconds(30);
    assert_eq!(
        p.submit_attempt(
            &m,
            &lineage,
            submission("device-attempt-within", Some(within)),
            at(now)
        ),
        Err(ProgressError::TooSoon {
            next_at: at("2027-03-01 09:59")
        })
    );
}

#[test]
fn a_resent_attempt_is_recorded_once() {
    let (m, lineage) = builtin("get-help");
    let mut p = Progress::new(&m, &registration(6), at("2027-01-11 08:00")).unwrap();
    let now = at("2027-01-12 10:00");
    let plan = p.next_attempt(&m, &lineage, now).unwrap();
    let answers: QuizAnswers = plan
        .questions
        .iter()
        .map(|q| (q.clone(), wrong(&m, q)))
        .collect();
    let submission = Submission {
        id: "0123456789abcdef".into(),
        number: plan.number,
        answers,
        started_at: now,
        submitted_at: None,
    };
    let first = p
        .submit_attempt(&m, &lineage, submission.clone(), now)
        .unwrap();
    let again = p
        .submit_attempt(&m, &lineage, submission.clone(), at("2027-01-12 10:05"))
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(p.attempts.len(), 1);
    let mut changed = submission.clone();
    changed.answers.clear();
    assert_eq!(
        p.submit_attempt(&m, &lineage, changed, now),
        Err(ProgressError::AttemptIdReused {
            id: "0123456789abcdef".into()
        })
    );
    let stale = Submission {
        id: "another-attempt".into(),
        ..submission
    };
    assert_eq!(
        p.submit_attempt(&m, &lineage, stale, now),
        Err(ProgressError::StaleAttempt {
            expected: 2,
            found: 1
        })
    );
}

#[test]
fn a_retry_draws_other_questions_from_the_pool() {
    let (m, lineage) = builtin("what-changes");
    let mut t = Trainee::new(7, &m, "2027-01-11 08:00");
    t.quiz(&m, &lineage, "2027-01-12 10:00", &["privacy"]);
    t.quiz(&m, &lineage, "2027-01-12 11:00", &["privacy"]);
    let privacy = |a: &Attempt| -> BTreeSet<String> {
        a.questions
            .iter()
            .filter(|q| q.starts_with("privacy"))
            .cloned()
            .collect()
    };
    let mut attempts: Vec<&Attempt> = t.progress.attempts.values().collect();
    attempts.sort_by_key(|a| a.number);
    let (first, second) = (privacy(attempts[0]), privacy(attempts[1]));
    assert_eq!((first.len(), second.len()), (3, 3));
    assert_ne!(first, second);
    // Five questions over two attempts of three: all five asked, one twice.
    assert_eq!(first.union(&second).count(), 5);
}

/// A next version of a built-in with one change note.
fn changed(v1: &Module, lesson: &str, kind: ChangeKind) -> Module {
    let mut v2 = v1.clone();
    v2.version += 1;
    let l = v2.lessons.iter_mut().find(|l| l.id == lesson).unwrap();
    l.body.nl.push_str("\n\nNieuw.");
    l.body.en.push_str("\n\nNew.");
    v2.changes = vec![Change {
        lesson: lesson.into(),
        kind,
        note: Text::new("Aangevuld.", "Added to."),
    }];
    v2
}

fn passed_v1(m: &Module, lineage: &Lineage) -> Trainee {
    let mut t = Trainee::new(8, m, "2027-01-11 08:00");
    t.study(m, "2027-01-14 09:00");
    t.quiz(m, lineage, "2027-01-15 10:00", &[]);
    assert_eq!(t.progress.status(m, lineage).stage, Stage::Done);
    t
}

#[test]
fn an_editorial_change_keeps_the_pass_and_the_certificate_follows_the_version() {
    let (v1, l1) = builtin("enroll-ios");
    let t = passed_v1(&v1, &l1);
    let v2 = changed(&v1, "steps", ChangeKind::Editorial);
    let r = restudy(&t.progress, &v1, &v2).unwrap();
    assert!(r.is_empty(), "{r:?}");
    let l2 = l1.next(&v2);
    let s = t.progress.status(&v2, &l2);
    assert_eq!((s.stage, s.updated), (Stage::Done, false));
    let c = Certificate::issue(&t.progress, &v2, &l2, "Ann").unwrap();
    assert_eq!(
        (c.version, c.earned_on.to_string()),
        (2, "2027-01-15".to_string())
    );
}

#[test]
fn a_new_versions_attempt_policy_counts_only_the_attempts_made_in_it() {
    let (v1, l1) = builtin("enroll-ios");
    // Passed at 2027-01-15 10:00 under version 1, which has no wait.
    let mut t = passed_v1(&v1, &l1);
    let mut v2 = changed(&v1, "trouble", ChangeKind::Substantive);
    v2.quiz.as_mut().unwrap().attempts = AttemptPolicy {
        max: Some(2),
        wait_minutes: 10,
    };
    let l2 = l1.next(&v2);
    // The retake can start at once: version 2's wait follows version 2's attempts.
    assert!(
        t.progress
            .next_attempt(&v2, &l2, at("2027-01-15 10:01"))
            .is_ok()
    );
    let s = t.progress.status(&v2, &l2);
    assert_eq!(
        (s.attempts_used, s.attempts_left, s.next_attempt_at),
        (0, Some(2), None)
    );
    // A failed retake starts version 2's wait and uses one of its two attempts.
    t.quiz(&v2, &l2, "2027-01-15 10:02", &["trouble"]);
    assert_eq!(
        t.progress.next_attempt(&v2, &l2, at("2027-01-15 10:05")),
        Err(ProgressError::TooSoon {
            next_at: at("2027-01-15 10:12")
        })
    );
    let s = t.progress.status(&v2, &l2);
    assert_eq!(
        (s.attempts_used, s.attempts_left, s.next_attempt_at),
        (1, Some(1), Some(at("2027-01-15 10:12")))
    );
    t.quiz(&v2, &l2, "2027-01-15 10:12", &["trouble"]);
    assert_eq!(
        t.progress.next_attempt(&v2, &l2, at("2027-01-16 09:00")),
        Err(ProgressError::NoAttemptsLeft { max: 2 })
    );
}

#[test]
fn a_substantive_change_asks_for_the_changed_lessons_and_their_topics_only() {
    let (v1, l1) = builtin("enroll-ios");
    let mut t = passed_v1(&v1, &l1);
    let v2 = changed(&v1, "trouble", ChangeKind::Substantive);
    let r = restudy(&t.progress, &v1, &v2).unwrap();
    assert_eq!(
        (r.lessons, r.topics),
        (vec!["trouble".to_string()], vec!["trouble".to_string()])
    );

    let l2 = l1.next(&v2);
    let s = t.progress.status(&v2, &l2);
    assert_eq!((s.stage, s.updated), (Stage::Started, true));
    let trouble = s.lessons.iter().find(|l| l.id == "trouble").unwrap();
    assert!(trouble.changed && trouble.viewed_at.is_none());
    assert!(Certificate::issue(&t.progress, &v2, &l2, "Ann").is_err());
    // The old certificate still stands for version 1.
    assert_eq!(
        Certificate::issue(&t.progress, &v1, &l1, "Ann")
            .unwrap()
            .version,
        1
    );

    // The retake asks about the changed topic only.
    let plan = t
        .progress
        .next_attempt(&v2, &l2, at("2027-03-01 09:00"))
        .unwrap();
    assert_eq!(plan.topics, ["trouble"]);
    assert_eq!(plan.questions.len(), 2);
    assert!(plan.questions.iter().all(|q| q.starts_with("trouble_")));

    t.progress
        .view_lesson(&v2, "trouble", at("2027-03-01 09:05"))
        .unwrap();
    let result = t.quiz(&v2, &l2, "2027-03-01 09:10", &[]);
    assert!(result.passed && result.asked == 2);
    let s = t.progress.status(&v2, &l2);
    assert_eq!((s.stage, s.updated), (Stage::Done, false));
    assert_eq!(s.done_at, Some(at("2027-03-01 09:10")));
    let c = Certificate::issue(&t.progress, &v2, &l2, "Ann").unwrap();
    assert_eq!(
        (c.version, c.earned_on.to_string()),
        (2, "2027-03-01".to_string())
    );
    assert!(c.to_text(Lang::En).contains("(version 2) on 1 March 2027."));
}

/// The certificate the trainee app shows for a module, as the server hands it the module.
fn shown_certificate(history: &ModuleHistory, t: &Trainee) -> Option<Certificate> {
    let latest = history.latest().unwrap().clone();
    MyModule::new(latest, history.lineage().unwrap(), t.progress.clone())
        .with_earlier_done(history)
        .certificate("Ann")
        .ok()
}

#[test]
fn a_substantive_change_keeps_the_certificate_of_the_version_finished_until_the_new_one_is_earned()
{
    let (v1, l1) = builtin("enroll-ios");
    let mut t = passed_v1(&v1, &l1);
    let v2 = changed(&v1, "steps", ChangeKind::Editorial);
    let v3 = changed(&v2, "trouble", ChangeKind::Substantive);
    let history = ModuleHistory::from_published(vec![v1, v2, v3.clone()]).unwrap();

    // Version 2 asked nothing new of them, so it is the latest they finished, on the day they
    // passed version 1.
    let kept = t.progress.earlier_done(&history).unwrap();
    assert_eq!(
        (kept.version, kept.done_at),
        (2, Some(at("2027-01-15 10:00")))
    );
    let shown = shown_certificate(&history, &t).unwrap();
    assert_eq!(
        shown.to_text(Lang::En),
        format!(
            "Certificate\n\nEnroll your iPhone or iPad\n\nAnn completed the self-study module \u{201c}Enroll your iPhone or iPad\u{201d} (version 2) on 15 January 2027.\n\nReference: enroll-ios v2 · {}\n",
            registration(8)
        )
    );

    // Re-studied: the new version's certificate, with the new date, replaces it.
    let l3 = history.lineage().unwrap();
    t.progress
        .view_lesson(&v3, "trouble", at("2027-03-01 09:05"))
        .unwrap();
    assert_eq!(shown_certificate(&history, &t), Some(shown));
    t.quiz(&v3, &l3, "2027-03-01 09:10", &[]);
    let shown = shown_certificate(&history, &t).unwrap();
    assert_eq!(
        (shown.version, shown.earned_on.to_string()),
        (3, "2027-03-01".to_string())
    );
}

#[test]
fn a_certificate_kept_for_an_earlier_version_names_the_module_as_that_version_did() {
    // Version 2 renames the module and changes a lesson substantively: while the trainee
    // re-studies, their certificate for version 1 names the module they finished, in both
    // languages, on the device (what the server handed over) and from the server alike.
    let (v1, l1) = builtin("enroll-ios");
    let mut t = passed_v1(&v1, &l1);
    let mut v2 = changed(&v1, "trouble", ChangeKind::Substantive);
    v2.title = Text::new("iPhone aanmelden (2028)", "Enroll an iPhone (2028)");
    let history = ModuleHistory::from_published(vec![v1.clone(), v2.clone()]).unwrap();

    let shown = shown_certificate(&history, &t).unwrap();
    assert_eq!((shown.version, &shown.title), (1, &v1.title));
    assert!(
        shown
            .to_text(Lang::Nl)
            .contains("\u{201c}Je iPhone of iPad inschrijven\u{201d} (versie 1)")
    );
    assert!(!shown.to_text(Lang::En).contains("2028"));
    assert_eq!(
        Certificate::held_in(&t.progress, &history, "Ann"),
        Ok(shown)
    );

    // Re-studied: version 2's certificate, under its own title.
    let l2 = history.lineage().unwrap();
    t.progress
        .view_lesson(&v2, "trouble", at("2027-03-01 09:05"))
        .unwrap();
    t.quiz(&v2, &l2, "2027-03-01 09:10", &[]);
    let shown = shown_certificate(&history, &t).unwrap();
    assert_eq!((shown.version, &shown.title), (2, &v2.title));
    assert_eq!(
        Certificate::held_in(&t.progress, &history, "Ann"),
        Ok(shown)
    );
}

#[test]
fn a_certificate_kept_for_an_earlier_version_is_written_in_that_versions_languages() {
    // Version 1 was written in English only; version 2 adds Dutch and changes a lesson
    // substantively. While the trainee re-studies, their certificate for version 1 is in
    // English, for a Dutch reader too (Dutch words around an English title would not be that
    // version's certificate), on the device and from the server alike.
    let (mut v1, _) = builtin("enroll-ios");
    v1.languages = vec![Lang::En];
    let l1 = Lineage::first(&v1);
    let mut t = passed_v1(&v1, &l1);
    let mut v2 = changed(&v1, "trouble", ChangeKind::Substantive);
    v2.languages = vec![Lang::Nl, Lang::En];
    let history = ModuleHistory::from_published(vec![v1.clone(), v2.clone()]).unwrap();

    let shown = shown_certificate(&history, &t).unwrap();
    assert_eq!((shown.version, &shown.languages), (1, &vec![Lang::En]));
    assert_eq!(shown.only_language(), Some(Lang::En));
    assert_eq!(
        Certificate::held_in(&t.progress, &history, "Ann"),
        Ok(shown.clone())
    );

    // A copy the device kept before the server handed over the version's languages shows no
    // earlier certificate (rather than one in the latest version's), until the server's
    // copy arrives.
    let latest = history.latest().unwrap().clone();
    let mine = MyModule::new(latest, history.lineage().unwrap(), t.progress.clone())
        .with_earlier_done(&history);
    let mut kept = serde_json::to_value(&mine).unwrap();
    assert_eq!(kept["earlier_languages"], serde_json::json!(["en"]));
    kept.as_object_mut().unwrap().remove("earlier_languages");
    let kept: MyModule = serde_json::from_value(kept).unwrap();
    assert!(kept.certificate("Ann").is_err());

    // Re-studied: version 2's certificate, in the reader's language.
    let l2 = history.lineage().unwrap();
    t.progress
        .view_lesson(&v2, "trouble", at("2027-03-01 09:05"))
        .unwrap();
    t.quiz(&v2, &l2, "2027-03-01 09:10", &[]);
    let shown = shown_certificate(&history, &t).unwrap();
    assert_eq!((shown.version, &shown.languages), (2, &v2.languages));
    assert_eq!(shown.only_language(), None);
    assert_eq!(
        Certificate::held_in(&t.progress, &history, "Ann"),
        Ok(shown)
    );
}

#[test]
fn an_earlier_version_is_certified_only_on_what_was_done_in_it() {
    let (v1, l1) = builtin("enroll-ios");
    // Every lesson of version 1 read, its quiz never passed.
    let mut t = Trainee::new(9, &v1, "2027-01-11 08:00");
    t.study(&v1, "2027-01-14 09:00");
    let v2 = changed(&v1, "trouble", ChangeKind::Substantive);
    let l2 = l1.next(&v2);
    // The quiz passed in version 2, its changed lesson not read yet: neither version is done,
    // and version 2's pass does not finish version 1.
    assert!(t.quiz(&v2, &l2, "2027-03-01 09:10", &[]).passed);
    let history = ModuleHistory::from_published(vec![v1, v2]).unwrap();
    assert_eq!(t.progress.earlier_done(&history), None);
    assert_eq!(shown_certificate(&history, &t), None);
    // A module with one version has nothing earlier to certify.
    let (v1, l1) = builtin("enroll-ios");
    let done = passed_v1(&v1, &l1);
    let history = ModuleHistory::from_published(vec![v1]).unwrap();
    assert_eq!(done.progress.earlier_done(&history), None);
}

#[test]
fn a_trainee_several_versions_behind_is_judged_on_the_whole_history() {
    let (v1, l1) = builtin("enroll-android");
    let t = passed_v1(&v1, &l1);
    let v2 = changed(&v1, "steps", ChangeKind::Editorial);
    let v3 = changed(&v2, "before", ChangeKind::Substantive);
    let history = ModuleHistory::from_published(vec![v1, v2, v3.clone()]).unwrap();
    let lineage = history.lineage().unwrap();
    assert_eq!(
        lineage.lessons,
        BTreeMap::from([
            ("before".to_string(), 3),
            ("steps".to_string(), 1),
            ("trouble".to_string(), 1)
        ])
    );
    let r = t.progress.restudy(&v3, &lineage);
    assert_eq!(
        (r.lessons, r.topics),
        (vec!["before".to_string()], vec!["why".to_string()])
    );
}

#[test]
fn two_devices_offline_make_one_whole() {
    let (m, lineage) = builtin("get-help");
    let mut phone = Trainee::new(9, &m, "2027-01-11 08:00");
    let mut laptop = Trainee {
        progress: phone.progress.clone(),
        attempt_ids: 0,
        device: "laptop",
    };
    phone
        .progress
        .view_lesson(&m, "self", at("2027-01-12 08:00"))
        .unwrap();
    laptop
        .progress
        .view_lesson(&m, "desk", at("2027-01-13 12:00"))
        .unwrap();
    laptop.quiz(&m, &lineage, "2027-01-13 12:10", &[]);
    for copy in [&phone.progress, &laptop.progress] {
        assert_eq!(copy.status(&m, &lineage).stage, Stage::Started);
    }
    let merged = phone.progress.merge(&laptop.progress).unwrap();
    assert_eq!(merged, laptop.progress.merge(&phone.progress).unwrap());
    let s = merged.status(&m, &lineage);
    assert_eq!(
        (s.stage, s.done_at),
        (Stage::Done, Some(at("2027-01-13 12:10")))
    );
    assert_eq!(merged.resume.as_ref().unwrap().lesson, "desk");
    let other = Progress::new(&m, &registration(10), at("2027-01-11 08:00")).unwrap();
    assert!(matches!(
        merged.merge(&other),
        Err(ProgressError::DifferentRegistration { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Merge properties over arbitrary copies of one registration's progress.

const LESSONS: [&str; 3] = ["before", "steps", "trouble"];

fn minute(n: i64) -> chrono::DateTime<chrono::Utc> {
    at("2027-01-11 08:00") + chrono::Duration::minutes(n)
}

fn arb_attempt() -> impl Strategy<Value = (String, Attempt)> {
    (0u8..4, 1u32..3, 1u32..4, any::<bool>(), 0i64..600, 0u32..3).prop_map(
        |(id, version, number, passed, t, correct)| {
            let attempt = Attempt {
                version,
                number,
                questions: vec!["q1".into(), "q2".into()],
                answers: BTreeMap::from([("q1".to_string(), QuizAnswer::TrueFalse(passed))]),
                correct: (0..correct.min(2)).map(|i| format!("q{}", i + 1)).collect(),
                topics: vec![TopicResult {
                    topic: "steps".into(),
                    correct: correct.min(2),
                    asked: 2,
                }],
                passed,
                started_at: minute(t),
                submitted_at: minute(t + 5),
            };
            (format!("attempt-id-{id}"), attempt)
        },
    )
}

fn arb_progress() -> impl Strategy<Value = Progress> {
    (
        1u32..4,
        0i64..100,
        prop::collection::vec((1u32..4, 0usize..3, 0i64..600), 0..6),
        prop::collection::vec(arb_attempt(), 0..4),
        prop::option::of((0i64..600, 1u32..4, 0usize..3)),
    )
        .prop_map(|(version, assigned, views, attempts, resume)| {
            let m = templates::builtin("enroll-ios").unwrap();
            let mut p = Progress::new(&m, &registration(42), minute(assigned)).unwrap();
            p.version = version;
            for (v, l, t) in views {
                let first = p
                    .views
                    .entry(v)
                    .or_default()
                    .entry(LESSONS[l].to_string())
                    .or_insert(minute(t));
                *first = (*first).min(minute(t));
            }
            p.attempts.extend(attempts);
            p.resume = resume.map(|(t, version, l)| Position {
                at: minute(t),
                version,
                lesson: LESSONS[l].to_string(),
            });
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_is_commutative_associative_and_idempotent(
        a in arb_progress(), b in arb_progress(), c in arb_progress()
    ) {
        let ab = a.merge(&b).unwrap();
        prop_assert_eq!(&ab, &b.merge(&a).unwrap());
        prop_assert_eq!(
            ab.merge(&c).unwrap(),
            a.merge(&b.merge(&c).unwrap()).unwrap()
        );
        prop_assert_eq!(&a.merge(&a).unwrap(), &a);
        prop_assert_eq!(&ab.merge(&b).unwrap(), &ab);
        // Nothing either copy knew is lost.
        for id in a.attempts.keys().chain(b.attempts.keys()) {
            prop_assert!(ab.attempts.contains_key(id));
        }
        prop_assert_eq!(ab.version, a.version.max(b.version));
    }
}

#[test]
fn a_multiple_choice_answer_with_every_box_unticked_again_is_no_answer() {
    use wavegate_core::training::{QuestionKind, score};
    let (m, q) = templates::all()
        .into_iter()
        .find_map(|m| {
            let q = (m.quiz.as_ref()?.questions.iter())
                .find(|q| matches!(q.kind, QuestionKind::MultipleChoice { .. }))?
                .clone();
            Some((m, q))
        })
        .expect("a built-in module asks a multiple-choice question");
    let quiz = m.quiz.as_ref().unwrap();
    let answered = |answer: QuizAnswer| {
        assert_eq!(
            answer.is_given(),
            !matches!(&answer, QuizAnswer::Choices(c) if c.is_empty())
        );
        let answers: QuizAnswers = [(q.id.clone(), answer)].into();
        let r = score(quiz, std::slice::from_ref(&q.id), &answers).unwrap();
        (r.questions[0].answered, r.questions[0].correct)
    };
    assert_eq!(answered(QuizAnswer::Choices(Vec::new())), (false, false));
    let QuestionKind::MultipleChoice { options } = &q.kind else {
        unreachable!()
    };
    let one = QuizAnswer::Choices(vec![options[0].id.clone()]);
    assert!(answered(one).0);
}
