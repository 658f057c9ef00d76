//! Built-in modules, in our own Dutch and English: enrolling each platform, what changes for
//! you, where to get help, and daily operations for admins.
//!
//! Lessons are chunks of two to five minutes; every quiz topic is taught by a lesson. Platform
//! modules are targeted by platform, the admin module by role; the rest is for everyone.
//! Planners copy one (`wavegate module template ID`), adapt it to their organisation (the
//! helpdesk's number, the intranet page) and publish it as their own.
//!
//! A built-in is versioned like any module: a program keeps the versions it published, so a
//! published version never changes. The files here write the latest version; [`earlier`] keeps
//! what earlier versions said otherwise, and [`versions`] gives them all, which publishing a
//! built-in adds to a program in order. A test holds each version to its digest: a change to
//! a built-in is a new version, with its change notes, never an edit of a published one.

mod admin;
mod earlier;
mod enroll;
mod everyone;

use super::model::{
    AnswerOption, Completion, FORMAT, Lesson, Module, OrderItem, OrderingFeedback, Question,
    QuestionKind, Quiz, Targets, Topic, TrueFalseFeedback, both_languages,
};
use crate::builtin_titles::{self, Titled};
use crate::i18n::Text;
use std::collections::BTreeMap;

/// Every built-in module's id and title (Dutch, English), in one table: each module takes its
/// title from here, and [`catalogue`] lists them without building a module. A pick list that
/// built them would carry every lesson of every module into the planner's wasm.
const TITLES: [Titled; 7] = [
    (
        "enroll-windows",
        "Je Windows-pc inschrijven",
        "Enroll your Windows PC",
    ),
    (
        "enroll-android",
        "Je Android-telefoon inschrijven",
        "Enroll your Android phone",
    ),
    (
        "enroll-ios",
        "Je iPhone of iPad inschrijven",
        "Enroll your iPhone or iPad",
    ),
    ("enroll-macos", "Je Mac inschrijven", "Enroll your Mac"),
    (
        "what-changes",
        "Wat verandert er voor jou",
        "What changes for you",
    ),
    ("get-help", "Waar je hulp krijgt", "Where to get help"),
    (
        "admin-operations",
        "Dagelijks beheer in de console",
        "Daily operations in the console",
    ),
];

/// The ids of the built-in modules.
pub const IDS: [&str; 7] = builtin_titles::ids(&TITLES);

/// Every built-in module's id and title, in the order of [`IDS`].
pub fn catalogue() -> Vec<(String, Text)> {
    builtin_titles::catalogue(&TITLES)
}

/// The title of the built-in module `id`; `None` for any other module.
pub fn known_title(id: &str) -> Option<Text> {
    TITLES
        .iter()
        .find(|(i, ..)| *i == id)
        .map(|(_, nl, en)| Text::new(*nl, *en))
}

/// A built-in module's title from [`TITLES`].
fn title(id: &str) -> Text {
    builtin_titles::title(&TITLES, id)
}

/// A built-in module by id: its latest version, the one planners publish and
/// `wavegate module template` prints.
pub fn builtin(id: &str) -> Option<Module> {
    versions(id)?.pop()
}

/// Every version of a built-in module, oldest first: what publishing it adds to a program
/// that has none or only the earlier ones.
pub fn versions(id: &str) -> Option<Vec<Module>> {
    latest(id).map(earlier::versions)
}

/// What writes a built-in's latest version (numbered 1, without change notes).
fn latest(id: &str) -> Option<fn() -> Module> {
    match id {
        "enroll-windows" => Some(enroll::windows),
        "enroll-android" => Some(enroll::android),
        "enroll-ios" => Some(enroll::ios),
        "enroll-macos" => Some(enroll::macos),
        "what-changes" => Some(everyone::what_changes),
        "get-help" => Some(everyone::get_help),
        "admin-operations" => Some(admin::operations),
        _ => None,
    }
}

/// Every built-in module, in the order of [`IDS`].
pub fn all() -> Vec<Module> {
    IDS.iter().filter_map(|id| builtin(id)).collect()
}

fn t(nl: &str, en: &str) -> Text {
    Text::new(nl, en)
}

fn topic(id: &str, nl: &str, en: &str) -> Topic {
    Topic {
        id: id.into(),
        title: t(nl, en),
    }
}

fn lesson(id: &str, minutes: u32, topics: &[&str], title: Text, body: Text) -> Lesson {
    Lesson {
        id: id.into(),
        title,
        minutes: Some(minutes),
        topics: topics.iter().map(|s| s.to_string()).collect(),
        body: Text::new(body.nl.trim(), body.en.trim()),
    }
}

/// An option: id, whether it is right, the option, and the feedback on choosing it.
fn opt(id: &str, correct: bool, text: Text, feedback: Text) -> AnswerOption {
    AnswerOption {
        id: id.into(),
        text,
        correct,
        feedback,
    }
}

fn single(id: &str, topic: &str, text: Text, options: Vec<AnswerOption>) -> Question {
    Question {
        id: id.into(),
        topic: topic.into(),
        text,
        kind: QuestionKind::SingleChoice { options },
    }
}

fn multiple(id: &str, topic: &str, text: Text, options: Vec<AnswerOption>) -> Question {
    Question {
        id: id.into(),
        topic: topic.into(),
        text,
        kind: QuestionKind::MultipleChoice { options },
    }
}

/// A true/false statement with the feedback on answering true and on answering false.
fn truth(
    id: &str,
    topic: &str,
    text: Text,
    answer: bool,
    if_true: Text,
    if_false: Text,
) -> Question {
    Question {
        id: id.into(),
        topic: topic.into(),
        text,
        kind: QuestionKind::TrueFalse {
            answer,
            feedback: TrueFalseFeedback { if_true, if_false },
        },
    }
}

/// Items in the right order, with the feedback on a right and a wrong order.
fn ordering(
    id: &str,
    topic: &str,
    text: Text,
    items: Vec<(&str, Text)>,
    correct: Text,
    incorrect: Text,
) -> Question {
    Question {
        id: id.into(),
        topic: topic.into(),
        text,
        kind: QuestionKind::Ordering {
            items: items
                .into_iter()
                .map(|(id, text)| OrderItem {
                    id: id.into(),
                    text,
                })
                .collect(),
            feedback: OrderingFeedback { correct, incorrect },
        },
    }
}

fn targets(pairs: &[(&str, &[&str])]) -> Targets {
    pairs
        .iter()
        .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
        .collect()
}

/// The parts of a module that differ between modules.
struct Parts {
    id: &'static str,
    description: Text,
    estimate_minutes: u32,
    targets: Targets,
    topics: Vec<Topic>,
    lessons: Vec<Lesson>,
    draw: BTreeMap<String, u32>,
    questions: Vec<Question>,
}

fn module(p: Parts) -> Module {
    Module {
        format: FORMAT.into(),
        id: p.id.into(),
        version: 1,
        languages: both_languages(),
        title: title(p.id),
        description: Some(p.description),
        estimate_minutes: p.estimate_minutes,
        targets: p.targets,
        completion: Completion::CompletedAndPassed,
        topics: p.topics,
        lessons: p.lessons,
        quiz: Some(Quiz {
            pass_mark: 0.8,
            attempts: Default::default(),
            draw: p.draw,
            questions: p.questions,
        }),
        changes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::survey::Attributes;
    use crate::training::model::ChangeKind;

    #[test]
    fn the_catalogue_lists_each_module_by_the_title_it_has() {
        let built: Vec<(String, Text)> = all().into_iter().map(|m| (m.id, m.title)).collect();
        assert_eq!(catalogue(), built);
    }
    use crate::training::{assigned, validate_module};

    #[test]
    fn every_builtin_is_valid_in_both_languages() {
        for m in all() {
            assert_eq!(
                m.to_json_pretty(),
                Module::from_json(&m.to_json_pretty())
                    .unwrap()
                    .to_json_pretty()
            );
            validate_module(&m).unwrap_or_else(|e| panic!("{}: {e:?}", m.id));
            assert_eq!(m.languages, Lang::ALL);
            assert!(m.quiz.is_some(), "{}", m.id);
        }
        assert_eq!(all().len(), IDS.len());
        assert!(builtin("no-such-module").is_none());
    }

    /// Each version of each built-in as published: the SHA-1 of its compact JSON, what a
    /// program stores. A failing digest means a published version was edited. Put the edit in
    /// a new version instead (its change notes say what changed) and keep what the published
    /// one said in `earlier`; never change a digest here, only add the next version's.
    const DIGESTS: [&str; 21] = [
        "enroll-windows 1 786f95f5767a4affad43b3cb8f170f5973d69a9f",
        "enroll-windows 2 825bb41a32953bbec7ad8e8172816a22d10e3dc0",
        "enroll-windows 3 834467f22a4cb1f418115952931141b7246a696e",
        "enroll-android 1 5e1cc221b370e8241533ea85afd3da6eb219c345",
        "enroll-android 2 d7beabcd60286e2bd4463138c9bae02420751c1d",
        "enroll-android 3 a859b096faf784dbf0317a902b0c22a1f7ab24ac",
        "enroll-ios 1 146fb8b2b65fbbfc89c4e40579a728bccfa364da",
        "enroll-ios 2 4bac04e2d081fd5c081956a87925483c443e8284",
        "enroll-ios 3 e43f0c0eaff694909ee8f2b489460d5ef36967b5",
        "enroll-macos 1 8b3ea18bfc396bf411bc1a72d38eef02bc0ce7b6",
        "enroll-macos 2 1decf4d9959771631f368d81348cdda0d9f3f6b0",
        "enroll-macos 3 b9f912b2c21ace338b80c04ff89f4ba9f22b397b",
        "what-changes 1 154f71e8b4794471232503ef7f1b416c49818dd7",
        "what-changes 2 325fab15d69f4c3377d563d7f618ad2ddef5a2e2",
        "what-changes 3 fc9d9d9d8c0d6dc58e650175200e7764ed0a1be3",
        "get-help 1 c86e84a8f0e11eca2974f2942e002821be2cc030",
        "get-help 2 2fc47d9c68e824e6f04b356c8ff79f0e8aae89e3",
        "get-help 3 0216783ac0002ef9d155072546bdac20b9669128",
        "admin-operations 1 3eed474700cad6b3792ddd1c7253b793cd8c988d",
        "admin-operations 2 6c160c5d919d50fcbc3ce37412718df1ecd73203",
        "admin-operations 3 3cd99e11f0fc2e5929a15cad8d4385dbcf27c05f",
    ];

    #[test]
    fn a_published_version_of_a_builtin_never_changes() {
        use sha1::{Digest, Sha1};
        let mut published = Vec::new();
        for id in IDS {
            for m in versions(id).unwrap() {
                let json = serde_json::to_string(&m).unwrap();
                let digest: String = Sha1::digest(json.as_bytes())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                published.push(format!("{id} {} {digest}", m.version));
            }
        }
        assert_eq!(published, DIGESTS);
    }

    #[test]
    fn version_3_says_helpdesk_where_earlier_versions_said_service_desk() {
        let all = versions("get-help").unwrap();
        let (second, third) = (&all[1], &all[2]);
        let json = |m: &Module| serde_json::to_string(m).unwrap();
        assert!(json(second).contains("de servicedesk"));
        assert!(json(second).contains("the service desk"));
        // What it teaches and asks, without the note that says what changed.
        let taught = Module {
            changes: Vec::new(),
            ..third.clone()
        };
        assert!(!json(&taught).contains("servicedesk"));
        assert!(!json(&taught).contains("service desk"));
        assert!(json(&taught).contains("de helpdesk"));
        // Every lesson that names it says why it changed, and no one has to study it again.
        assert!(!third.changes.is_empty());
        assert!(
            third
                .changes
                .iter()
                .all(|c| c.kind == ChangeKind::Editorial)
        );
        for lesson in &third.lessons {
            if lesson.body.nl.contains("helpdesk") {
                assert!(third.change(&lesson.id).is_some(), "{}", lesson.id);
            }
        }
    }

    #[test]
    fn each_builtin_version_follows_the_one_before_and_keeps_what_trainees_learned() {
        use crate::training::ModuleHistory;
        for id in IDS {
            let all = versions(id).unwrap();
            let numbers: Vec<u32> = all.iter().map(|m| m.version).collect();
            assert_eq!(numbers, (1..=all.len() as u32).collect::<Vec<_>>(), "{id}");
            let history = ModuleHistory::from_published(all.clone())
                .unwrap_or_else(|e| panic!("{id}: {e:?}"));
            assert_eq!(history.latest(), builtin(id).as_ref());
            // Feedback reworded only: every lesson and topic still dates from version 1, so
            // nobody is asked to study anything again.
            let lineage = history.lineage().unwrap();
            assert!(
                lineage
                    .lessons
                    .values()
                    .chain(lineage.topics.values())
                    .all(|&v| v == 1),
                "{id}: {lineage:?}"
            );
            assert!(
                all.last()
                    .unwrap()
                    .changes
                    .iter()
                    .all(|c| c.kind == ChangeKind::Editorial),
                "{id}"
            );
        }
    }

    /// Words and phrases that say whether an answer was right. The app says that once, above
    /// the feedback; feedback that opens with one says it again, or, after an ordering's wrong
    /// answer, "almost" to an order that may be wholly wrong.
    const VERDICTS: [&str; 26] = [
        "goed",
        "goed zo",
        "fout",
        "juist",
        "onjuist",
        "bijna",
        "ja",
        "nee",
        "klopt",
        "precies",
        "helaas",
        "niet helemaal",
        "toch wel",
        "liever niet",
        "right",
        "wrong",
        "correct",
        "incorrect",
        "almost",
        "yes",
        "no",
        "exactly",
        "well done",
        "not quite",
        "sadly",
        "better not",
    ];

    /// The verdict a feedback text opens with: one of [`VERDICTS`] followed by `:`, `,`, `!`,
    /// `.` or nothing.
    fn opening_verdict(text: &str) -> Option<&'static str> {
        let lower = text.trim_start().to_lowercase();
        VERDICTS.into_iter().find(|v| {
            lower
                .strip_prefix(v)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', ',', '!', '.']))
        })
    }

    /// Every feedback text of a module, with where it is.
    fn feedback(m: &Module) -> Vec<(String, &Text)> {
        let mut out = Vec::new();
        for q in m.quiz.iter().flat_map(|quiz| &quiz.questions) {
            match &q.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options } => {
                    for o in options {
                        out.push((format!("{} {}", q.id, o.id), &o.feedback));
                    }
                }
                QuestionKind::TrueFalse { feedback, .. } => {
                    out.push((format!("{} true", q.id), &feedback.if_true));
                    out.push((format!("{} false", q.id), &feedback.if_false));
                }
                QuestionKind::Ordering { feedback, .. } => {
                    out.push((format!("{} correct", q.id), &feedback.correct));
                    out.push((format!("{} incorrect", q.id), &feedback.incorrect));
                }
            }
        }
        out
    }

    #[test]
    fn the_verdict_rule_reads_openers_not_words() {
        for text in [
            "Goed: dat kan even duren.",
            "No: a profile",
            "Bijna: begin",
            "Goed zo.",
            "Right.",
            "Ja",
            "  Klopt, nooit.",
        ] {
            assert!(opening_verdict(text).is_some(), "{text}");
        }
        for text in [
            "No one at the helpdesk asks",
            "Goede updates",
            "Nothing is wrong",
            "Rightly so, it",
        ] {
            assert_eq!(opening_verdict(text), None, "{text}");
        }
    }

    #[test]
    fn builtin_feedback_explains_and_leaves_the_verdict_to_the_app() {
        for m in all() {
            for (place, text) in feedback(&m) {
                for lang in Lang::ALL {
                    let text = text.get(lang);
                    assert_eq!(
                        opening_verdict(text),
                        None,
                        "{} {place} {lang:?} opens with a verdict: {text}",
                        m.id
                    );
                }
            }
        }
    }

    /// The words a reader reads: Markdown list markers, `|` and `>` are not words.
    fn words(markdown: &str) -> u32 {
        markdown
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count() as u32
    }

    #[test]
    fn lessons_are_chunks_of_two_to_five_minutes() {
        for m in all() {
            for l in &m.lessons {
                let minutes = l.minutes.unwrap_or(0);
                assert!((2..=5).contains(&minutes), "{} {}", m.id, l.id);
                // A lesson's text fills its minutes. Reading runs at 150 to 200 words a minute;
                // a lesson with steps is read more slowly, the steps done alongside. So at least
                // 60 words a minute (fewer and the minutes promise more than the lesson holds),
                // at most 150 (more and it does not fit in its minutes), in either language.
                let (nl, en) = (words(&l.body.nl), words(&l.body.en));
                for (lang, words) in [("nl", nl), ("en", en)] {
                    assert!(
                        (minutes * 60..=minutes * 150).contains(&words),
                        "{} {} {lang}: {words} words for {minutes} minutes",
                        m.id,
                        l.id
                    );
                }
                // One language is not a summary of the other.
                assert!(
                    nl * 4 >= en * 3 && en * 4 >= nl * 3,
                    "{} {}: {nl} words in Dutch, {en} in English",
                    m.id,
                    l.id
                );
            }
            // The estimate is the lessons plus the quiz: some time for it, yet no more than a
            // minute for each question an attempt asks.
            let lesson_minutes: u32 = m.lessons.iter().filter_map(|l| l.minutes).sum();
            let asked = crate::training::draw::draw(
                m.quiz.as_ref().unwrap(),
                &crate::training::draw::Seed::new("any", 1),
            )
            .len() as u32;
            assert!(
                (lesson_minutes + 1..=lesson_minutes + asked).contains(&m.estimate_minutes),
                "{}: {} minutes for {lesson_minutes} minutes of lessons and {asked} questions",
                m.id,
                m.estimate_minutes
            );
        }
    }

    #[test]
    fn modules_are_assigned_by_platform_and_role() {
        let person = |pairs: &[(&str, &str)]| -> Attributes {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let ids = |a: &Attributes| -> Vec<String> {
            assigned(&all(), a)
                .into_iter()
                .map(|m| m.id.clone())
                .collect()
        };
        assert_eq!(
            ids(&person(&[("platform", "iOS"), ("department", "Sales")])),
            ["enroll-ios", "what-changes", "get-help"]
        );
        assert_eq!(
            ids(&person(&[("platform", "windows"), ("role", "Beheerder")])),
            [
                "enroll-windows",
                "what-changes",
                "get-help",
                "admin-operations"
            ]
        );
        for platform in ["Windows", "Android", "iOS", "macOS"] {
            let got = ids(&person(&[("platform", platform)]));
            assert_eq!(
                got.iter().filter(|id| id.starts_with("enroll-")).count(),
                1,
                "{platform}"
            );
        }
    }

    #[test]
    fn enrollment_modules_name_the_failure_reasons_of_their_platform() {
        // The reasons the demo organisation's enrollment-failure export uses per platform.
        for (id, reasons) in [
            (
                "enroll-ios",
                &[
                    "UserAbandonment",
                    "EnrollmentRestrictionsEnforced",
                    "ClientDisconnected",
                ][..],
            ),
            ("enroll-android", &["Authentication", "DeviceNotSupported"]),
            ("enroll-macos", &["BadRequest"]),
            ("enroll-windows", &["Authentication", "BadRequest"]),
        ] {
            let m = builtin(id).unwrap();
            let trouble = m.lesson("trouble").unwrap();
            for r in reasons {
                assert!(
                    trouble.body.nl.contains(r) && trouble.body.en.contains(r),
                    "{id} {r}"
                );
            }
        }
    }

    /// Block quotes a lesson means: a line starting with `>` after a blank line (or first). A
    /// `>` line right after a paragraph line was meant as text (`(**Settings` + newline +
    /// `> General > About**)`), yet also starts a block quote.
    fn intended_quotes(markdown: &str) -> usize {
        let mut previous_blank = true;
        let mut count = 0;
        for line in markdown.lines() {
            let trimmed = line.trim_start();
            if trimmed.starts_with('>') && previous_blank {
                count += 1;
            }
            previous_blank = trimmed.is_empty();
        }
        count
    }

    #[test]
    fn every_builtin_lesson_renders_without_literal_markup_or_a_stray_quote() {
        for m in all() {
            for l in &m.lessons {
                for lang in Lang::ALL {
                    let body = l.body.get(lang);
                    let html = crate::training::markdown::render(body).html;
                    let place = format!("{} {} {lang:?}", m.id, l.id);
                    assert!(!html.contains("**"), "{place}: literal ** in {html}");
                    assert!(!html.contains("__"), "{place}: literal __ in {html}");
                    assert_eq!(
                        html.matches("<blockquote>").count(),
                        intended_quotes(body),
                        "{place}: a block quote nobody meant in {html}"
                    );
                }
            }
        }
    }
}
