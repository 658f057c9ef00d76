//! Built-in modules, in our own Dutch and English: enrolling each platform, what changes for
//! you, where to get help, and daily operations for admins.
//!
//! Lessons are chunks of two to five minutes; every quiz topic is taught by a lesson. Platform
//! modules are targeted by platform, the admin module by role; the rest is for everyone.
//! Planners copy one (`wavegate module template ID`), adapt it to their organisation (the
//! helpdesk's number, the intranet page) and publish it as their own.

mod admin;
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

/// A built-in module by id.
pub fn builtin(id: &str) -> Option<Module> {
    match id {
        "enroll-windows" => Some(enroll::windows()),
        "enroll-android" => Some(enroll::android()),
        "enroll-ios" => Some(enroll::ios()),
        "enroll-macos" => Some(enroll::macos()),
        "what-changes" => Some(everyone::what_changes()),
        "get-help" => Some(everyone::get_help()),
        "admin-operations" => Some(admin::operations()),
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
