//! Show-if conditions on earlier answers or on the respondent's attributes, and their JSON shape
//! (one subject key and one test key), part of the survey model.

use serde::{Deserialize, Serialize};

/// A show-if condition on earlier answers or on the respondent's attributes.
///
/// JSON forms: `{"question": "q", "equals": 4}`, `{"attribute": "platform", "one_of": ["iOS"]}`,
/// `{"all": [..]}`, `{"any": [..]}`, `{"not": {..}}`. Tests: `equals`, `not_equals`, `one_of`,
/// `includes`, `at_least`, `at_most`, `answered`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawCondition", into = "RawCondition")]
pub enum Condition {
    /// Every condition holds (true when empty).
    All(Vec<Condition>),
    /// At least one condition holds (false when empty).
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// A test on the answer to an earlier question or matrix item.
    Answer {
        /// Question or matrix item id.
        question: String,
        /// The test.
        test: Test,
    },
    /// A test on an attribute carried by the invitation (compared case-insensitively).
    Attribute {
        /// Attribute name (e.g. `platform`).
        attribute: String,
        /// The test.
        test: Test,
    },
}

/// What a condition checks about an answer or attribute.
#[derive(Clone, Debug, PartialEq)]
pub enum Test {
    /// The value equals this (a choice id, a number, `true`/`false` or `"yes"`/`"no"`).
    Equals(Scalar),
    /// Answered (or present) and different from this.
    NotEquals(Scalar),
    /// The value is one of these.
    OneOf(Vec<Scalar>),
    /// A multiple-choice or ranking answer contains this choice id (`other` for the other text).
    Includes(String),
    /// A number at least this.
    AtLeast(i64),
    /// A number at most this.
    AtMost(i64),
    /// Answered (`true`) or not answered (`false`).
    Answered(bool),
}

/// A literal in a condition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string (choice id, attribute value, `yes`/`no`).
    Str(String),
}

impl Scalar {
    /// The value as an attribute would hold it.
    pub fn as_text(&self) -> String {
        match self {
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(i) => i.to_string(),
            Scalar::Str(s) => s.clone(),
        }
    }
}

/// The JSON shape of a condition: one subject key and one test key.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not: Option<Box<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    attribute: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    equals: Option<Scalar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not_equals: Option<Scalar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    one_of: Option<Vec<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    includes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_least: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_most: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answered: Option<bool>,
}

/// The subject keys of a condition object, for error messages and the key checker.
pub(crate) const CONDITION_KEYS: [&str; 12] = [
    "all",
    "any",
    "not",
    "question",
    "attribute",
    "equals",
    "not_equals",
    "one_of",
    "includes",
    "at_least",
    "at_most",
    "answered",
];

impl TryFrom<RawCondition> for Condition {
    type Error = String;

    fn try_from(raw: RawCondition) -> Result<Condition, String> {
        let mut tests = Vec::new();
        if let Some(v) = raw.equals {
            tests.push(Test::Equals(v));
        }
        if let Some(v) = raw.not_equals {
            tests.push(Test::NotEquals(v));
        }
        if let Some(v) = raw.one_of {
            tests.push(Test::OneOf(v));
        }
        if let Some(v) = raw.includes {
            tests.push(Test::Includes(v));
        }
        if let Some(v) = raw.at_least {
            tests.push(Test::AtLeast(v));
        }
        if let Some(v) = raw.at_most {
            tests.push(Test::AtMost(v));
        }
        if let Some(v) = raw.answered {
            tests.push(Test::Answered(v));
        }
        let mut subjects = Vec::new();
        if let Some(c) = raw.all {
            subjects.push(Condition::All(c));
        }
        if let Some(c) = raw.any {
            subjects.push(Condition::Any(c));
        }
        if let Some(c) = raw.not {
            subjects.push(Condition::Not(c));
        }
        let needs_test = raw.question.is_some() || raw.attribute.is_some();
        if needs_test && tests.len() != 1 {
            return Err(
                "a condition on a question or attribute needs exactly one test: equals, not_equals, one_of, includes, at_least, at_most or answered"
                    .to_string(),
            );
        }
        if !needs_test && !tests.is_empty() {
            return Err(
                "a test (equals, one_of, …) needs a `question` or `attribute` to test".to_string(),
            );
        }
        let test = tests.pop();
        if let (Some(question), Some(test)) = (raw.question, test.clone()) {
            subjects.push(Condition::Answer { question, test });
        }
        if let (Some(attribute), Some(test)) = (raw.attribute, test) {
            subjects.push(Condition::Attribute { attribute, test });
        }
        match subjects.len() {
            1 => Ok(subjects.remove(0)),
            0 => Err("a condition needs one of `question`, `attribute`, `all`, `any` or `not`".to_string()),
            _ => Err(
                "a condition has exactly one of `question`, `attribute`, `all`, `any` or `not`; combine several with `all` or `any`"
                    .to_string(),
            ),
        }
    }
}

impl From<Condition> for RawCondition {
    fn from(c: Condition) -> RawCondition {
        let mut raw = RawCondition::default();
        let test = match c {
            Condition::All(v) => {
                raw.all = Some(v);
                None
            }
            Condition::Any(v) => {
                raw.any = Some(v);
                None
            }
            Condition::Not(v) => {
                raw.not = Some(v);
                None
            }
            Condition::Answer { question, test } => {
                raw.question = Some(question);
                Some(test)
            }
            Condition::Attribute { attribute, test } => {
                raw.attribute = Some(attribute);
                Some(test)
            }
        };
        match test {
            Some(Test::Equals(v)) => raw.equals = Some(v),
            Some(Test::NotEquals(v)) => raw.not_equals = Some(v),
            Some(Test::OneOf(v)) => raw.one_of = Some(v),
            Some(Test::Includes(v)) => raw.includes = Some(v),
            Some(Test::AtLeast(v)) => raw.at_least = Some(v),
            Some(Test::AtMost(v)) => raw.at_most = Some(v),
            Some(Test::Answered(v)) => raw.answered = Some(v),
            None => {}
        }
        raw
    }
}

impl Condition {
    /// `question` equals `value`.
    pub fn answer_equals(question: &str, value: Scalar) -> Condition {
        Condition::Answer {
            question: question.to_string(),
            test: Test::Equals(value),
        }
    }

    /// Attribute `name` equals `value` (case-insensitively).
    pub fn attribute_equals(name: &str, value: &str) -> Condition {
        Condition::Attribute {
            attribute: name.to_string(),
            test: Test::Equals(Scalar::Str(value.to_string())),
        }
    }

    /// The question and matrix item ids this condition reads, in order of appearance.
    pub fn referenced_questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.collect_questions(out));
            }
            Condition::Not(c) => c.collect_questions(out),
            Condition::Answer { question, .. } => out.push(question),
            Condition::Attribute { .. } => {}
        }
    }
}
