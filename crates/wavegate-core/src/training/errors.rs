//! What can be wrong with a module definition, at its JSON path, in Dutch and English.

use super::markdown::Dropped;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem in a module definition, at a JSON path such as `quiz.questions[2].options`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleError {
    /// Where: a JSON path (`lessons[1].body.nl`); empty for the whole file.
    pub path: String,
    /// What.
    pub problem: ModuleProblem,
}

/// The kinds of module problem; `code` in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ModuleProblem {
    /// The file is not valid JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        detail: String,
    },
    /// A value the format cannot read (the parser's fallback when no key check explains it).
    Structure {
        /// The parser's description.
        detail: String,
    },
    /// A required key is missing.
    MissingField {
        /// The key.
        field: String,
    },
    /// A value of the wrong JSON type (`"pass_mark": "80%"`).
    InvalidValue {
        /// What the key takes.
        expected: Expected,
    },
    /// A key the format does not know (often a typo).
    UnknownField {
        /// The key as written.
        field: String,
        /// The closest known key, when one is close.
        suggestion: Option<String>,
    },
    /// A question `type` the format does not know.
    UnknownType {
        /// The type as written.
        found: String,
    },
    /// `format` is not `wavegate.module/1`.
    WrongFormat {
        /// What the file says.
        found: String,
    },
    /// `version` is 0.
    InvalidVersion,
    /// An id with characters other than lowercase letters, digits, `_` and `-`.
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// An id used twice where it must be unique.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// `languages` lists no language.
    NoLanguages,
    /// A text lacks one of the module's languages.
    MissingTranslation {
        /// The missing language.
        lang: Lang,
    },
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
}

/// The kind of JSON value a key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// A string.
    String,
    /// A whole number.
    WholeNumber,
    /// A number (a fraction is fine).
    Number,
    /// `true` or `false`.
    Bool,
    /// A text object `{"nl": …, "en": …}`.
    Text,
    /// A list.
    List,
    /// An object.
    Object,
    /// One of a fixed set of words.
    Word(Words),
}

/// The fixed vocabularies of the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Words {
    /// `completion`.
    Completion,
    /// A change's `kind`.
    ChangeKind,
    /// `languages` entries.
    Language,
}

impl Words {
    fn list(self) -> &'static str {
        match self {
            Words::Completion => "completed, passed, completed_and_passed, completed_or_passed",
            Words::ChangeKind => "editorial, substantive",
            Words::Language => "nl, en",
        }
    }
}

impl Expected {
    fn describe(self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            Expected::String if nl => "een tekst tussen aanhalingstekens".into(),
            Expected::String => "a string in quotes".into(),
            Expected::WholeNumber if nl => "een geheel getal".into(),
            Expected::WholeNumber => "a whole number".into(),
            Expected::Number if nl => "een getal".into(),
            Expected::Number => "a number".into(),
            Expected::Bool if nl => "true of false".into(),
            Expected::Bool => "true or false".into(),
            Expected::Text if nl => "een tekst als {\"nl\": \"…\", \"en\": \"…\"}".into(),
            Expected::Text => "a text like {\"nl\": \"…\", \"en\": \"…\"}".into(),
            Expected::List if nl => "een lijst [ … ]".into(),
            Expected::List => "a list [ … ]".into(),
            Expected::Object if nl => "een object { … }".into(),
            Expected::Object => "an object { … }".into(),
            Expected::Word(w) if nl => format!("een van: {}", w.list()),
            Expected::Word(w) => format!("one of: {}", w.list()),
        }
    }
}

impl ModuleError {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, problem: ModuleProblem) -> ModuleError {
        ModuleError {
            path: path.into(),
            problem,
        }
    }

    /// The machine-readable code (`unknown_field`, `invalid_draw`, …).
    pub fn code(&self) -> &'static str {
        use ModuleProblem as P;
        match &self.problem {
            P::Syntax { .. } => "syntax",
            P::Structure { .. } => "structure",
            P::MissingField { .. } => "missing_field",
            P::InvalidValue { .. } => "invalid_value",
            P::UnknownField { .. } => "unknown_field",
            P::UnknownType { .. } => "unknown_type",
            P::WrongFormat { .. } => "wrong_format",
            P::InvalidVersion => "invalid_version",
            P::InvalidId { .. } => "invalid_id",
            P::DuplicateId { .. } => "duplicate_id",
            P::NoLanguages => "no_languages",
            P::MissingTranslation { .. } => "missing_translation",
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
            P::NoQuizToPass => "no_quiz_to_pass",
            P::EmptyTarget { .. } => "empty_target",
            P::ChangesInFirstVersion => "changes_in_first_version",
            P::UnknownLesson { .. } => "unknown_lesson",
        }
    }

    /// The problem in words, without the path.
    pub fn message(&self, lang: Lang) -> String {
        use ModuleProblem as P;
        let nl = lang == Lang::Nl;
        let pick = |d: String, e: String| if nl { d } else { e };
        match &self.problem {
            P::Syntax {
                line,
                column,
                detail,
            } => pick(
                format!("geen geldige JSON op regel {line}, kolom {column}: {detail}"),
                format!("not valid JSON at line {line}, column {column}: {detail}"),
            ),
            P::Structure { detail } => pick(
                format!("onverwachte waarde: {detail}"),
                format!("unexpected value: {detail}"),
            ),
            P::MissingField { field } => pick(
                format!("het verplichte veld `{field}` ontbreekt"),
                format!("the required field `{field}` is missing"),
            ),
            P::InvalidValue { expected } => pick(
                format!("verwacht {}", expected.describe(lang)),
                format!("expected {}", expected.describe(lang)),
            ),
            P::UnknownField { field, suggestion } => {
                let hint = match suggestion {
                    Some(s) => pick(format!("; bedoelde je `{s}`?"), format!("; did you mean `{s}`?")),
                    None => String::new(),
                };
                pick(
                    format!("onbekend veld `{field}`{hint}"),
                    format!("unknown field `{field}`{hint}"),
                )
            }
            P::UnknownType { found } => {
                let types = super::model::QuestionKind::TYPES.join(", ");
                pick(
                    format!("onbekend vraagtype `{found}`; verwacht een van: {types}"),
                    format!("unknown question type `{found}`; expected one of: {types}"),
                )
            }
            P::WrongFormat { found } => pick(
                format!("`format` is `{found}`; verwacht `{}`", super::model::FORMAT),
                format!("`format` is `{found}`; expected `{}`", super::model::FORMAT),
            ),
            P::InvalidVersion => pick(
                "de versie moet 1 of hoger zijn".into(),
                "the version must be 1 or higher".into(),
            ),
            P::InvalidId { id } => pick(
                format!(
                    "ongeldig id `{id}`: gebruik kleine letters, cijfers, `_` en `-`, beginnend met een letter"
                ),
                format!(
                    "invalid id `{id}`: use lowercase letters, digits, `_` and `-`, starting with a letter"
                ),
            ),
            P::DuplicateId { id, first } => pick(
                format!("id `{id}` wordt al gebruikt bij {first}; ids moeten uniek zijn"),
                format!("id `{id}` is already used at {first}; ids must be unique"),
            ),
            P::NoLanguages => pick(
                "noem minstens één taal (nl of en)".into(),
                "name at least one language (nl or en)".into(),
            ),
            P::MissingTranslation { lang: missing } => match (missing, nl) {
                (Lang::Nl, true) => "de Nederlandse tekst ontbreekt".into(),
                (Lang::En, true) => "de Engelse tekst ontbreekt".into(),
                (Lang::Nl, false) => "the Dutch text is missing".into(),
                (Lang::En, false) => "the English text is missing".into(),
            },
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
            P::InvalidDraw {
                topic,
                draw,
                available,
            } => pick(
                format!(
                    "trekt {draw} vragen over `{topic}`, dat er {available} heeft; kies 1 tot {available}"
                ),
                format!(
                    "draws {draw} questions about `{topic}`, which has {available}; choose 1 to {available}"
                ),
            ),
            P::PassMarkOutOfRange { value } => pick(
                format!("slaaggrens {value}; verwacht een deel van 0 tot 1, zoals 0.8"),
                format!("pass mark {value}; expected a share from 0 to 1, such as 0.8"),
            ),
            P::NoAttempts => pick(
                "`max` 0 laat geen enkele poging toe; laat het weg voor onbeperkt".into(),
                "`max` 0 allows no attempt at all; leave it out for unlimited".into(),
            ),
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

impl fmt::Display for ModuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message(Lang::En))
        } else {
            write!(f, "{}: {}", self.path, self.message(Lang::En))
        }
    }
}

impl std::error::Error for ModuleError {}

/// Every problem found in a module definition, in document order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(transparent)]
pub struct ModuleErrors(pub Vec<ModuleError>);

impl fmt::Display for ModuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "the module definition has {n} problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

impl std::ops::Deref for ModuleErrors {
    type Target = [ModuleError];
    fn deref(&self) -> &[ModuleError] {
        &self.0
    }
}
