//! The module model: lessons, topics, the quiz, targets and change notes, and their JSON format.
//!
//! `docs/module-format.md` documents `wavegate.module/1` for authors; this module is its source
//! of truth. A published `(id, version)` never changes; a later version says per lesson what
//! changed and whether it matters for what trainees learned.

pub use crate::i18n::both_languages;
use crate::i18n::{Lang, Text, is_both_languages};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The `format` every module carries; a later incompatible format gets a new number.
pub const FORMAT: &str = "wavegate.module/1";

/// The largest module definition published, in bytes of compact JSON: the validator refuses a
/// larger one, and the server reads no body much larger to publish one. A trainee's app loads
/// the whole definition to work offline, on a phone, so it must stay small.
pub const MAX_MODULE_BYTES: usize = 256 * 1024;

/// The most minutes a lesson or a module may claim (ten hours: self-study comes in chunks).
pub const MAX_MINUTES: u32 = 600;

/// The longest wait between attempts a quiz may ask, in minutes: a year. A longer one locks
/// out a trainee who failed for good, which no module means.
pub const MAX_WAIT_MINUTES: u32 = 365 * 24 * 60;

/// Which people a module is for: roster attribute → allowed values (all must match; empty =
/// everyone). Names and values compare case-insensitively, as survey conditions do.
pub type Targets = BTreeMap<String, Vec<String>>;

/// One version of a self-study module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Module {
    /// Always [`FORMAT`].
    pub format: String,
    /// Stable id shared by all versions (e.g. `enroll-ios`); the `module_id` of `training.csv`.
    pub id: String,
    /// Version number from 1; a published version never changes.
    pub version: u32,
    /// The languages the module is written in (default: Dutch and English).
    #[serde(default = "both_languages", skip_serializing_if = "is_both_languages")]
    pub languages: Vec<Lang>,
    /// Title on the trainee's list and on the certificate.
    pub title: Text,
    /// One or two sentences on the list: what the trainee will be able to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// How long the whole module takes, lessons and quiz, in minutes.
    pub estimate_minutes: u32,
    /// Who the module is assigned to.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: Targets,
    /// When the module counts as done, in cmi5's vocabulary.
    #[serde(default, skip_serializing_if = "Completion::is_default")]
    pub completion: Completion,
    /// The topics the lessons teach and the quiz asks about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    /// The lessons, in study order.
    pub lessons: Vec<Lesson>,
    /// The quiz; a module whose completion is `completed` may do without.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<Quiz>,
    /// What changed since the previous version, per lesson (none in version 1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// A topic: what a group of questions checks and a lesson teaches (`privacy`, `steps`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Id unique among the module's topics; the key of `topic_results` in `training.csv`.
    pub id: String,
    /// The topic's name in per-topic results.
    pub title: Text,
}

/// A lesson: a short chunk of Markdown, read in one go.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    /// Stable id: kept across versions for the same lesson, so views carry over.
    pub id: String,
    /// Heading of the lesson.
    pub title: Text,
    /// Minutes it takes, doing included (keep lessons to 2–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// The topics this lesson teaches; a substantive change asks to retake exactly these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// The lesson in Markdown (see `markdown` for what is kept). Left out of what a trainee
    /// downloads (`MyModule` carries it rendered), so absent reads as empty; a module without
    /// it is refused by the validator, at its path.
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub body: Text,
}

/// The quiz of a module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    /// The share of drawn questions to answer correctly to pass, 0–1.
    pub pass_mark: f64,
    /// How often and how soon the quiz may be retaken.
    #[serde(default, skip_serializing_if = "AttemptPolicy::is_default")]
    pub attempts: AttemptPolicy,
    /// Per topic, how many of its questions an attempt draws; a topic not named is asked in full.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub draw: BTreeMap<String, u32>,
    /// The questions, in the order they are shown.
    pub questions: Vec<Question>,
}

/// How often and how soon a quiz may be taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptPolicy {
    /// At most this many attempts per version (none: unlimited).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// Minutes to wait after an attempt before the next one.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub wait_minutes: u32,
}

/// One quiz question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Id unique within the quiz.
    pub id: String,
    /// The topic the question checks.
    pub topic: String,
    /// The question.
    pub text: Text,
    /// The type and its options, tagged by `"type"`.
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// A question type with its options, right answer and feedback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Pick the one correct option.
    SingleChoice {
        /// The options, exactly one of them correct.
        options: Vec<AnswerOption>,
    },
    /// Pick every correct option (and no other).
    MultipleChoice {
        /// The options, at least one of them correct.
        options: Vec<AnswerOption>,
    },
    /// Say whether the statement is true.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
        /// What the trainee reads after answering true or false.
        feedback: TrueFalseFeedback,
    },
    /// Put the items in order; they are listed here in the right order and shown shuffled.
    Ordering {
        /// The items, in the right order.
        items: Vec<OrderItem>,
        /// What the trainee reads after a right or wrong order.
        feedback: OrderingFeedback,
    },
}

/// An option of a choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerOption {
    /// Id unique within the question.
    pub id: String,
    /// The option.
    pub text: Text,
    /// Whether choosing it is right.
    #[serde(default, skip_serializing_if = "is_false")]
    pub correct: bool,
    /// Why it is right or wrong, shown after answering under the app's own verdict (so it
    /// explains, and does not open with "Goed:" or "No:").
    pub feedback: Text,
}

/// Feedback on a true/false answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrueFalseFeedback {
    /// Shown to a trainee who answered "true".
    #[serde(rename = "true")]
    pub if_true: Text,
    /// Shown to a trainee who answered "false".
    #[serde(rename = "false")]
    pub if_false: Text,
}

/// An item of an ordering question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderItem {
    /// Id unique within the question.
    pub id: String,
    /// The item.
    pub text: Text,
}

/// Feedback on an ordering answer, shown under the app's verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderingFeedback {
    /// Shown after the right order: why it is right.
    pub correct: Text,
    /// Shown after any wrong order, two items swapped or the list reversed: what the right
    /// order is and why, never how close the trainee came.
    pub incorrect: Text,
}

/// When a module counts as done: cmi5's `moveOn` values. "Completed" is every lesson viewed;
/// "passed" is the quiz passed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// Every lesson viewed.
    Completed,
    /// The quiz passed.
    Passed,
    /// Every lesson viewed and the quiz passed (the default).
    #[default]
    CompletedAndPassed,
    /// Every lesson viewed, or the quiz passed.
    CompletedOrPassed,
}

/// What changed in one lesson since the previous version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The lesson (in this version).
    pub lesson: String,
    /// Whether the change matters for what trainees learned.
    pub kind: ChangeKind,
    /// What changed, for trainees asked to re-study it.
    pub note: Text,
}

/// Whether a change alters what a trainee should know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Wording, typos, a clearer picture: trainees keep what they earned.
    Editorial,
    /// New or different content: trainees re-study the lesson and retake its topics.
    Substantive,
}

/// An answer to one quiz question, as the app sends it: `{"choice": "b"}`, `{"choices": ["a",
/// "c"]}`, `{"true_false": false}` or `{"order": ["x", "y", "z"]}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuizAnswer {
    /// The option chosen (single choice).
    Choice(String),
    /// The options chosen (multiple choice).
    Choices(Vec<String>),
    /// True or false.
    TrueFalse(bool),
    /// The items in the trainee's order (ordering).
    Order(Vec<String>),
}

impl QuizAnswer {
    /// Whether it answers anything: a multiple-choice answer with every box unticked again
    /// (or an empty order) is no answer, and the app asks for one before checking it.
    pub fn is_given(&self) -> bool {
        match self {
            QuizAnswer::Choices(list) | QuizAnswer::Order(list) => !list.is_empty(),
            QuizAnswer::Choice(_) | QuizAnswer::TrueFalse(_) => true,
        }
    }
}

/// The answers of one attempt, keyed by question id.
pub type QuizAnswers = BTreeMap<String, QuizAnswer>;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Completion {
    fn is_default(&self) -> bool {
        *self == Completion::default()
    }

    /// The JSON name (`completed_and_passed`).
    pub fn name(self) -> &'static str {
        match self {
            Completion::Completed => "completed",
            Completion::Passed => "passed",
            Completion::CompletedAndPassed => "completed_and_passed",
            Completion::CompletedOrPassed => "completed_or_passed",
        }
    }

    /// Whether the rule needs a quiz to be satisfiable at all.
    pub fn needs_quiz(self) -> bool {
        matches!(self, Completion::Passed | Completion::CompletedAndPassed)
    }

    /// Whether a trainee with these two facts is done.
    pub fn satisfied(self, completed: bool, passed: bool) -> bool {
        match self {
            Completion::Completed => completed,
            Completion::Passed => passed,
            Completion::CompletedAndPassed => completed && passed,
            Completion::CompletedOrPassed => completed || passed,
        }
    }
}

impl AttemptPolicy {
    fn is_default(&self) -> bool {
        *self == AttemptPolicy::default()
    }
}

impl QuestionKind {
    /// The `type` tag.
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultipleChoice { .. } => "multiple_choice",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::Ordering { .. } => "ordering",
        }
    }

    /// Every `type` tag, in the order the format documents them.
    pub const TYPES: [&'static str; 4] =
        ["single_choice", "multiple_choice", "true_false", "ordering"];
}

impl Module {
    /// A lesson by id.
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    /// A topic by id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// A quiz question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.quiz
            .as_ref()
            .and_then(|q| q.questions.iter().find(|x| x.id == id))
    }

    /// The topics the quiz asks about, in declaration order.
    pub fn quiz_topics(&self) -> BTreeSet<String> {
        self.quiz
            .iter()
            .flat_map(|q| &q.questions)
            .map(|q| q.topic.clone())
            .collect()
    }

    /// The change note of a lesson, in this version.
    pub fn change(&self, lesson: &str) -> Option<&Change> {
        self.changes.iter().find(|c| c.lesson == lesson)
    }

    /// The definition as pretty JSON (two-space indents), as `wavegate module template` prints it.
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain data structs cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
