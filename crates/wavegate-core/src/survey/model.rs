//! The survey model: definitions, conditions, answers and responses, and their JSON wire format.
//!
//! `docs/survey-format.md` documents the format for survey authors; this module is its source of
//! truth. Definitions are versioned: a published `(id, version)` never changes, and responses say
//! which version they answered, so results join across versions on stable question ids.

pub use crate::i18n::both_languages;
use crate::i18n::{Lang, Text, is_both_languages};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub(crate) use super::condition::CONDITION_KEYS;
pub use super::condition::{Condition, Scalar, Test};

/// The `format` every definition carries; a later incompatible format gets a new number.
pub const FORMAT: &str = "wavegate.survey/1";

/// What the invitation link knows about a respondent (platform, department, wave …).
pub type Attributes = BTreeMap<String, String>;

/// The answers of one response, keyed by question id.
pub type Answers = BTreeMap<String, Answer>;

/// One version of a survey definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    /// Always [`FORMAT`].
    pub format: String,
    /// Stable id, shared by all versions (e.g. `pilot-feedback`).
    pub id: String,
    /// Version number, starting at 1; a published version is never changed.
    pub version: u32,
    /// The languages the survey is written in (default: Dutch and English). The validator asks
    /// every text in each of these; a survey in one language is offered without a language switch.
    #[serde(default = "both_languages", skip_serializing_if = "is_both_languages")]
    pub languages: Vec<Lang>,
    /// Title shown above the survey.
    pub title: Text,
    /// Introduction shown before the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Thank-you text shown after submission (where to get help, what happens next).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thanks: Option<Text>,
    /// Pages in order; the app shows one page at a time.
    pub pages: Vec<Page>,
}

/// A page: a few questions shown together (keep it short for phones).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Id unique within the survey.
    pub id: String,
    /// Heading of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The page (and every question on it) is shown only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// Questions in order.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id: unique within the survey and kept across versions for the same question.
    pub id: String,
    /// The question; may pipe earlier answers in with `{question_id}`.
    pub text: Text,
    /// Extra explanation under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// A visible required question must be answered.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// What the question measures, for scoring (`sus`, `nps`, `adkar.awareness`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// The question is shown only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// The question type and its settings, tagged by `"type"`.
    #[serde(flatten)]
    pub kind: QuestionKind,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A question type with its settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Labelled agreement scale, 1 = strongly disagree … `points` = strongly agree.
    Agreement {
        /// 5 or 7.
        points: u8,
    },
    /// Numeric rating from `min` to `max` (0–10 for NPS).
    Rating {
        /// Lowest value.
        min: i32,
        /// Highest value.
        max: i32,
        /// Label under the lowest value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_label: Option<Text>,
        /// Label under the highest value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_label: Option<Text>,
    },
    /// Pick one choice, or type an "other" answer when allowed.
    SingleChoice {
        /// The choices in display order.
        choices: Vec<Choice>,
        /// Offer "Other, namely …" with a text field.
        #[serde(default, skip_serializing_if = "is_false")]
        other: bool,
    },
    /// Pick several choices.
    MultipleChoice {
        /// The choices in display order.
        choices: Vec<Choice>,
        /// Least number of selections (counting "other") when answered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u32>,
        /// Most selections (counting "other").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
        /// Offer "Other, namely …" with a text field.
        #[serde(default, skip_serializing_if = "is_false")]
        other: bool,
    },
    /// Yes or no.
    YesNo,
    /// Free text.
    Text {
        /// A text area rather than one line.
        #[serde(default, skip_serializing_if = "is_false")]
        multiline: bool,
        /// Least number of characters when answered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_length: Option<u32>,
        /// Most characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    /// Several items rated on one agreement scale (e.g. the ten SUS items).
    Matrix {
        /// 5 or 7.
        points: u8,
        /// The items; each id is a stable id like a question's.
        items: Vec<MatrixItem>,
    },
    /// Put all choices in order of preference.
    Ranking {
        /// The choices to rank.
        choices: Vec<Choice>,
    },
}

/// The type of a question without its settings: the one list of the `type` tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionType {
    /// `agreement`.
    Agreement,
    /// `rating`.
    Rating,
    /// `single_choice`.
    SingleChoice,
    /// `multiple_choice`.
    MultipleChoice,
    /// `yes_no`.
    YesNo,
    /// `text`.
    Text,
    /// `matrix`.
    Matrix,
    /// `ranking`.
    Ranking,
}

impl QuestionType {
    /// Every type, in the order the format documents them.
    pub const ALL: [QuestionType; 8] = [
        QuestionType::Agreement,
        QuestionType::Rating,
        QuestionType::SingleChoice,
        QuestionType::MultipleChoice,
        QuestionType::YesNo,
        QuestionType::Text,
        QuestionType::Matrix,
        QuestionType::Ranking,
    ];

    /// The `type` tag as written in JSON.
    pub fn name(self) -> &'static str {
        match self {
            QuestionType::Agreement => "agreement",
            QuestionType::Rating => "rating",
            QuestionType::SingleChoice => "single_choice",
            QuestionType::MultipleChoice => "multiple_choice",
            QuestionType::YesNo => "yes_no",
            QuestionType::Text => "text",
            QuestionType::Matrix => "matrix",
            QuestionType::Ranking => "ranking",
        }
    }

    /// The type with that tag.
    pub fn parse(name: &str) -> Option<QuestionType> {
        QuestionType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The key of the answer this type takes (see [`Answer::kind_name`]).
    pub fn answer_key(self) -> &'static str {
        match self {
            QuestionType::Agreement | QuestionType::Rating => "scale",
            QuestionType::SingleChoice => "choice",
            QuestionType::MultipleChoice => "choices",
            QuestionType::YesNo => "yes_no",
            QuestionType::Text => "text",
            QuestionType::Matrix => "matrix",
            QuestionType::Ranking => "ranking",
        }
    }
}

/// Whether `id` is a valid id: lowercase ASCII letters, digits, `_` and `-`, starting with a letter.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

impl QuestionKind {
    /// The type without its settings.
    pub fn question_type(&self) -> QuestionType {
        match self {
            QuestionKind::Agreement { .. } => QuestionType::Agreement,
            QuestionKind::Rating { .. } => QuestionType::Rating,
            QuestionKind::SingleChoice { .. } => QuestionType::SingleChoice,
            QuestionKind::MultipleChoice { .. } => QuestionType::MultipleChoice,
            QuestionKind::YesNo => QuestionType::YesNo,
            QuestionKind::Text { .. } => QuestionType::Text,
            QuestionKind::Matrix { .. } => QuestionType::Matrix,
            QuestionKind::Ranking { .. } => QuestionType::Ranking,
        }
    }

    /// The `type` tag as written in JSON.
    pub fn type_name(&self) -> &'static str {
        self.question_type().name()
    }

    /// The lowest and highest value of a scale question (agreement, rating, matrix).
    pub fn scale(&self) -> Option<(i32, i32)> {
        match self {
            QuestionKind::Agreement { points } | QuestionKind::Matrix { points, .. } => {
                Some((1, i32::from(*points)))
            }
            QuestionKind::Rating { min, max, .. } => Some((*min, *max)),
            _ => None,
        }
    }

    /// The choices of a choice or ranking question.
    pub fn choices(&self) -> &[Choice] {
        match self {
            QuestionKind::SingleChoice { choices, .. }
            | QuestionKind::MultipleChoice { choices, .. }
            | QuestionKind::Ranking { choices } => choices,
            _ => &[],
        }
    }

    /// Whether an "other" text answer is offered.
    pub fn has_other(&self) -> bool {
        matches!(
            self,
            QuestionKind::SingleChoice { other: true, .. }
                | QuestionKind::MultipleChoice { other: true, .. }
        )
    }
}

/// A choice of a choice or ranking question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable id, written to exports (e.g. `ios`).
    pub id: String,
    /// Label shown to the respondent.
    pub text: Text,
}

/// An item of a matrix question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixItem {
    /// Stable id, unique among all question and item ids (e.g. `sus_1`).
    pub id: String,
    /// The statement rated.
    pub text: Text,
    /// What the item measures (e.g. `adkar.knowledge`, `sus.4`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
}

/// An answer to one question; the JSON key says which kind (`{"scale": 4}`, `{"choice": "ios"}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A point on an agreement or rating scale.
    Scale(i32),
    /// Yes (`true`) or no.
    YesNo(bool),
    /// The id of the chosen choice of a single-choice question.
    Choice(String),
    /// The "other" text of a single-choice question.
    Other(String),
    /// The selections of a multiple-choice question.
    Choices(ChoicesAnswer),
    /// A free-text answer.
    Text(String),
    /// Item id → point, for a matrix question.
    Matrix(BTreeMap<String, i32>),
    /// Every choice id of a ranking question, most preferred first.
    Ranking(Vec<String>),
}

impl Answer {
    /// The answer kind's JSON key, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Answer::Scale(_) => "scale",
            Answer::YesNo(_) => "yes_no",
            Answer::Choice(_) => "choice",
            Answer::Other(_) => "other",
            Answer::Choices(_) => "choices",
            Answer::Text(_) => "text",
            Answer::Matrix(_) => "matrix",
            Answer::Ranking(_) => "ranking",
        }
    }
}

/// The selections of a multiple-choice question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoicesAnswer {
    /// Chosen choice ids, in display order.
    pub selected: Vec<String>,
    /// The "other" text, when the respondent gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

impl ChoicesAnswer {
    /// How many are chosen, as a question's `min` and `max` count them: every choice ticked,
    /// and "other" when given.
    pub fn count(&self) -> u32 {
        u32::try_from(self.selected.len())
            .unwrap_or(u32::MAX)
            .saturating_add(u32::from(self.other.is_some()))
    }

    /// Whether `max` allows no further choice: the app disables the boxes left unticked.
    pub fn is_full(&self, max: Option<u32>) -> bool {
        max.is_some_and(|m| self.count() >= m)
    }
}

/// One respondent's submitted answers to one survey version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// Generated by the client, so a resubmission after a lost connection is recognised.
    pub id: String,
    /// The survey's id.
    pub survey_id: String,
    /// The version answered.
    pub survey_version: u32,
    /// The language the respondent used.
    #[serde(default)]
    pub language: Lang,
    /// Question id → answer; unanswered questions are absent.
    #[serde(default)]
    pub answers: Answers,
}

impl Survey {
    /// An empty definition (version 1) to build on.
    pub fn new(id: &str, title: Text) -> Survey {
        Survey {
            format: FORMAT.to_string(),
            id: id.to_string(),
            version: 1,
            languages: both_languages(),
            title,
            description: None,
            thanks: None,
            pages: Vec::new(),
        }
    }

    /// The language a person given `wanted` reads this survey in (see
    /// [`crate::i18n::reading_language`]): never one the survey is not written in.
    pub fn reading_language(&self, wanted: Option<Lang>) -> Option<Lang> {
        crate::i18n::reading_language(&self.languages, wanted)
    }

    /// Adds a page (builder style).
    pub fn with_page(mut self, page: Page) -> Survey {
        self.pages.push(page);
        self
    }

    /// Every question in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.pages.iter().flat_map(|p| p.questions.iter())
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// The page holding the question with this id.
    pub fn page_of(&self, question_id: &str) -> Option<&Page> {
        self.pages
            .iter()
            .find(|p| p.questions.iter().any(|q| q.id == question_id))
    }

    /// The matrix question and item with this item id.
    pub fn matrix_item(&self, item_id: &str) -> Option<(&Question, &MatrixItem)> {
        self.questions().find_map(|q| match &q.kind {
            QuestionKind::Matrix { items, .. } => {
                items.iter().find(|i| i.id == item_id).map(|i| (q, i))
            }
            _ => None,
        })
    }

    /// Serialises the definition as pretty JSON (the documented file format).
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain data structs cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Page {
    /// A page with questions and no title.
    pub fn new(id: &str, questions: Vec<Question>) -> Page {
        Page {
            id: id.to_string(),
            title: None,
            show_if: None,
            questions,
        }
    }

    /// Sets the title (builder style).
    pub fn titled(mut self, title: Text) -> Page {
        self.title = Some(title);
        self
    }

    /// Shows the page only when `condition` holds (builder style).
    pub fn shown_if(mut self, condition: Condition) -> Page {
        self.show_if = Some(condition);
        self
    }
}

impl Question {
    /// An optional question without help, measures or condition.
    pub fn new(id: &str, text: Text, kind: QuestionKind) -> Question {
        Question {
            id: id.to_string(),
            text,
            help: None,
            required: false,
            measures: None,
            show_if: None,
            kind,
        }
    }

    /// Makes the question required (builder style).
    pub fn required(mut self) -> Question {
        self.required = true;
        self
    }

    /// Tags what the question measures (builder style).
    pub fn measuring(mut self, measures: &str) -> Question {
        self.measures = Some(measures.to_string());
        self
    }

    /// Shows the question only when `condition` holds (builder style).
    pub fn shown_if(mut self, condition: Condition) -> Question {
        self.show_if = Some(condition);
        self
    }

    /// Sets the help text (builder style).
    pub fn with_help(mut self, help: Text) -> Question {
        self.help = Some(help);
        self
    }
}

impl Choice {
    /// A choice with its id and label.
    pub fn new(id: &str, nl: &str, en: &str) -> Choice {
        Choice {
            id: id.to_string(),
            text: Text::new(nl, en),
        }
    }
}

impl MatrixItem {
    /// An item with its id and statement.
    pub fn new(id: &str, nl: &str, en: &str) -> MatrixItem {
        MatrixItem {
            id: id.to_string(),
            text: Text::new(nl, en),
            measures: None,
        }
    }
}

impl Response {
    /// An empty response to a survey version.
    pub fn new(id: &str, survey: &Survey, language: Lang) -> Response {
        Response {
            id: id.to_string(),
            survey_id: survey.id.clone(),
            survey_version: survey.version,
            language,
            answers: Answers::new(),
        }
    }

    /// Adds an answer (builder style).
    pub fn with(mut self, question: &str, answer: Answer) -> Response {
        self.answers.insert(question.to_string(), answer);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words() {
        for ok in ["sus_1", "adkar_awareness", "pilot-feedback", "q2"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "1q", "Sus", "a.b", "a|b", "a b", "é"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn other_counts_as_a_choice_and_a_maximum_reached_allows_no_more() {
        let two = ChoicesAnswer {
            selected: vec!["mail".into()],
            other: Some("Slack".into()),
        };
        assert_eq!(two.count(), 2);
        assert!(two.is_full(Some(2)));
        assert!(!two.is_full(Some(3)));
        assert!(!two.is_full(None), "no maximum is never full");
    }
}
