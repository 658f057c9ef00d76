//! What can be wrong with a module definition, at its JSON path, in Dutch and English.

use super::markdown::Dropped;
use crate::definition_errors::{CommonProblem, PathError, PathErrors, Problem, cut};
use crate::i18n::{Lang, Text, count};
use serde::{Deserialize, Serialize};

pub use crate::definition_errors::{Expected, Words};

/// A problem in a module definition, at a JSON path such as `quiz.questions[2].options`.
pub type ModuleError = PathError<ModuleProblem>;

/// Every problem found in a module definition, in document order.
pub type ModuleErrors = PathErrors<ModuleProblem>;

/// The kinds of module problem; `code` in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ModuleProblem {
    /// The module has no lessons.
    NoLessons,
    /// Minutes (of a lesson or the module) outside 1–600.
    InvalidMinutes {
        /// As written.
        minutes: u32,
    },
    /// Markdown that is not shown: raw HTML, an unsafe link, an image from elsewhere.
    UnsafeContent {
        /// What is dropped.
        dropped: Dropped,
    },
    /// A quiz without questions.
    NoQuestions,
    /// A choice question with fewer than two options, or an ordering with fewer than two items.
    TooFewOptions,
    /// A choice question without a correct option.
    NoCorrectOption,
    /// A single-choice question with more than one correct option.
    SeveralCorrectOptions,
    /// A lesson, question or draw names a topic the module does not declare.
    UnknownTopic {
        /// The topic as written.
        topic: String,
    },
    /// A declared topic that no quiz question asks about.
    TopicWithoutQuestions {
        /// The topic.
        topic: String,
    },
    /// A topic of the quiz that no lesson teaches (so no change could ask to retake it).
    UntaughtTopic {
        /// The topic.
        topic: String,
    },
    /// A draw of 0 questions, or of more questions than the topic has.
    InvalidDraw {
        /// The topic.
        topic: String,
        /// How many the draw asks.
        draw: u32,
        /// How many questions the topic has.
        available: u32,
    },
    /// A pass mark outside 0–1.
    PassMarkOutOfRange {
        /// As written.
        value: f64,
    },
    /// `attempts.max` of 0.
    NoAttempts,
    /// `attempts.max` above the attempts a registration holds at most (`MAX_ATTEMPTS`), so
    /// the module would promise more than the server allows.
    TooManyAttempts {
        /// As written.
        max: u32,
        /// The most allowed.
        limit: u32,
    },
    /// `attempts.wait_minutes` above a year (`MAX_WAIT_MINUTES`).
    WaitTooLong {
        /// As written.
        minutes: u32,
        /// The most allowed.
        limit: u32,
    },
    /// A definition larger than `MAX_MODULE_BYTES` as compact JSON.
    TooLarge {
        /// Its size in bytes, as compact JSON.
        bytes: usize,
        /// The most allowed.
        limit: usize,
    },
    /// `estimate_minutes` under half the minutes its lessons claim: trainees would plan far
    /// too little time.
    EstimateTooLow {
        /// As written.
        estimate: u32,
        /// The lessons' minutes together.
        lessons: u32,
    },
    /// A completion rule that needs a passed quiz, in a module without one.
    NoQuizToPass,
    /// A target attribute without values, or with a blank one.
    EmptyTarget {
        /// The attribute.
        attribute: String,
    },
    /// Change notes in version 1, which has nothing to change from.
    ChangesInFirstVersion,
    /// A change note names a lesson this version does not have.
    UnknownLesson {
        /// The lesson as written.
        id: String,
    },
    /// A problem every definition format can have.
    #[serde(untagged)]
    Common(CommonProblem),
}

impl From<CommonProblem> for ModuleProblem {
    fn from(c: CommonProblem) -> ModuleProblem {
        ModuleProblem::Common(c)
    }
}

impl Problem for ModuleProblem {
    const DEFINES: &'static str = "module";

    /// Cuts every value the problem repeats from the definition to 64 characters, as a survey
    /// definition's problems are cut: a 20 MB topic must not become 20 MB of messages.
    fn cut_echoes(&mut self) {
        use ModuleProblem as P;
        match self {
            P::Common(c) => c.cut_echoes(),
            P::UnsafeContent { dropped } => match dropped {
                Dropped::Html { snippet } => cut(snippet),
                Dropped::Link { url } => cut(url),
                Dropped::Image { src } => cut(src),
            },
            P::UnknownTopic { topic }
            | P::TopicWithoutQuestions { topic }
            | P::UntaughtTopic { topic }
            | P::InvalidDraw { topic, .. } => cut(topic),
            P::EmptyTarget { attribute } => cut(attribute),
            P::UnknownLesson { id } => cut(id),
            _ => {}
        }
    }

    fn common(&self) -> Option<&CommonProblem> {
        match self {
            ModuleProblem::Common(c) => Some(c),
            _ => None,
        }
    }

    /// The machine-readable code (`unknown_field`, `invalid_draw`, …).
    fn code(&self) -> &'static str {
        use ModuleProblem as P;
        match self {
            P::Common(c) => c.code(),
            P::NoLessons => "no_lessons",
            P::InvalidMinutes { .. } => "invalid_minutes",
            P::UnsafeContent { .. } => "unsafe_content",
            P::NoQuestions => "no_questions",
            P::TooFewOptions => "too_few_options",
            P::NoCorrectOption => "no_correct_option",
            P::SeveralCorrectOptions => "several_correct_options",
            P::UnknownTopic { .. } => "unknown_topic",
            P::TopicWithoutQuestions { .. } => "topic_without_questions",
            P::UntaughtTopic { .. } => "untaught_topic",
            P::InvalidDraw { .. } => "invalid_draw",
            P::PassMarkOutOfRange { .. } => "pass_mark_out_of_range",
            P::NoAttempts => "no_attempts",
            P::TooManyAttempts { .. } => "too_many_attempts",
            P::WaitTooLong { .. } => "wait_too_long",
            P::TooLarge { .. } => "too_large",
            P::EstimateTooLow { .. } => "estimate_too_low",
            P::NoQuizToPass => "no_quiz_to_pass",
            P::EmptyTarget { .. } => "empty_target",
            P::ChangesInFirstVersion => "changes_in_first_version",
            P::UnknownLesson { .. } => "unknown_lesson",
        }
    }

    /// The problem in words, without the path.
    fn message(&self, lang: Lang) -> String {
        use ModuleProblem as P;
        let nl = lang == Lang::Nl;
        let pick = |d: String, e: String| if nl { d } else { e };
        match self {
            P::Common(c) => c.message(lang, super::model::FORMAT, &super::model::QuestionKind::TYPES),
            P::NoLessons => pick(
                "de module heeft geen lessen".into(),
                "the module has no lessons".into(),
            ),
            P::InvalidMinutes { minutes } => pick(
                format!("{minutes} minuten; verwacht 1 tot 600"),
                format!("{minutes} minutes; expected 1 to 600"),
            ),
            P::UnsafeContent { dropped } => dropped.message(lang),
            P::NoQuestions => pick(
                "de quiz heeft geen vragen".into(),
                "the quiz has no questions".into(),
            ),
            P::TooFewOptions => pick(
                "een vraag heeft minstens twee opties of items nodig".into(),
                "a question needs at least two options or items".into(),
            ),
            P::NoCorrectOption => pick(
                "geen enkele optie is goed; markeer het goede antwoord met \"correct\": true".into(),
                "no option is correct; mark the right answer with \"correct\": true".into(),
            ),
            P::SeveralCorrectOptions => pick(
                "bij één keuze mag maar één optie goed zijn; gebruik multiple_choice voor meer".into(),
                "a single-choice question has exactly one correct option; use multiple_choice for more".into(),
            ),
            P::UnknownTopic { topic } => pick(
                format!("onderwerp `{topic}` staat niet in `topics`"),
                format!("topic `{topic}` is not declared in `topics`"),
            ),
            P::TopicWithoutQuestions { topic } => pick(
                format!("geen enkele quizvraag gaat over onderwerp `{topic}`"),
                format!("no quiz question is about topic `{topic}`"),
            ),
            P::UntaughtTopic { topic } => pick(
                format!(
                    "geen enkele les behandelt onderwerp `{topic}`; noem het bij de `topics` van een les"
                ),
                format!("no lesson teaches topic `{topic}`; list it in a lesson's `topics`"),
            ),
            // Nothing to choose from: a range "1 to 0" would be nonsense.
            P::InvalidDraw {
                topic,
                available: 0,
                ..
            } => pick(
                format!("onderwerp `{topic}` heeft geen vragen om uit te trekken"),
                format!("topic `{topic}` has no questions to draw from"),
            ),
            P::InvalidDraw {
                topic,
                draw,
                available,
            } => {
                let draws = Text::counted(
                    u64::from(*draw),
                    ("trekt 1 vraag", "draws 1 question"),
                    ("trekt {n} vragen", "draws {n} questions"),
                );
                let has = Text::counted(
                    u64::from(*available),
                    ("dat er 1 heeft; kies 1", "which has 1; choose 1"),
                    (
                        "dat er {n} heeft; kies 1 tot {n}",
                        "which has {n}; choose 1 to {n}",
                    ),
                );
                pick(
                    format!("{} over `{topic}`, {}", draws.nl, has.nl),
                    format!("{} about `{topic}`, {}", draws.en, has.en),
                )
            }
            P::PassMarkOutOfRange { value } => pick(
                format!(
                    "slaaggrens {value}; verwacht een deel groter dan 0 en hooguit 1, zoals 0.8"
                ),
                format!("pass mark {value}; expected a share above 0 and at most 1, such as 0.8"),
            ),
            P::NoAttempts => pick(
                "`max` 0 laat geen enkele poging toe; laat het weg voor onbeperkt".into(),
                "`max` 0 allows no attempt at all; leave it out for unlimited".into(),
            ),
            P::TooManyAttempts { max, limit } => pick(
                format!(
                    "`max` {}: per cursist worden hooguit {} pogingen bewaard; kies 1 tot {}",
                    count(u64::from(*max), lang),
                    count(u64::from(*limit), lang),
                    count(u64::from(*limit), lang)
                ),
                format!(
                    "`max` {}: at most {} attempts are kept per trainee; choose 1 to {}",
                    count(u64::from(*max), lang),
                    count(u64::from(*limit), lang),
                    count(u64::from(*limit), lang)
                ),
            ),
            P::WaitTooLong { minutes, limit } => pick(
                format!(
                    "een wachttijd van {} minuten is langer dan een jaar; kies 0 tot {}",
                    count(u64::from(*minutes), lang),
                    count(u64::from(*limit), lang)
                ),
                format!(
                    "a wait of {} minutes is longer than a year; choose 0 to {}",
                    count(u64::from(*minutes), lang),
                    count(u64::from(*limit), lang)
                ),
            ),
            P::TooLarge { bytes, limit } => {
                let kib = |b: usize| count(b.div_ceil(1024) as u64, lang);
                pick(
                    format!(
                        "de module is {} KiB als compacte JSON; hooguit {} KiB wordt gepubliceerd: kort lessen in of verdeel ze over meer modules",
                        kib(*bytes),
                        kib(*limit)
                    ),
                    format!(
                        "the module is {} KiB as compact JSON; at most {} KiB is published: shorten lessons or split them over more modules",
                        kib(*bytes),
                        kib(*limit)
                    ),
                )
            }
            P::EstimateTooLow { estimate, lessons } => {
                let least = (*lessons).min(super::model::MAX_MINUTES);
                pick(
                    format!(
                        "{estimate} minuten, terwijl de lessen alleen al {lessons} minuten duren; geef minstens {least} (lessen en quiz samen)"
                    ),
                    format!(
                        "{estimate} minutes, while the lessons alone take {lessons} minutes; give at least {least} (lessons and quiz together)"
                    ),
                )
            }
            P::NoQuizToPass => pick(
                "deze afrondingsregel vraagt een gehaalde quiz, maar de module heeft geen quiz".into(),
                "this completion rule needs a passed quiz, but the module has no quiz".into(),
            ),
            P::EmptyTarget { attribute } => pick(
                format!("`{attribute}` noemt geen (of een lege) waarde; laat het weg voor iedereen"),
                format!("`{attribute}` lists no (or a blank) value; leave it out for everyone"),
            ),
            P::ChangesInFirstVersion => pick(
                "versie 1 heeft geen vorige versie om wijzigingen tegenover te noemen".into(),
                "version 1 has no earlier version to list changes against".into(),
            ),
            P::UnknownLesson { id } => pick(
                format!("les `{id}` bestaat niet in deze versie"),
                format!("lesson `{id}` does not exist in this version"),
            ),
        }
    }
}
