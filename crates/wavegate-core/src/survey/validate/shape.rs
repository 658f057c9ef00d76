//! Reading a definition's JSON: syntax errors with line and column, then every object checked
//! against the keys its place in the format allows (unknown, misspelt, missing, wrong JSON type).

use crate::definition_errors::{self, CommonProblem, join};
use crate::suggest::{MAX_KEY_CHARS, closest};
use crate::survey::errors::{DefinitionError, DefinitionErrors, DefinitionProblem as DP, Expected};
use crate::survey::model::{CONDITION_KEYS, QuestionType, Survey};
use serde_json::Value;

use super::definition::validate_definition;

impl Survey {
    /// Parses and validates a definition; every problem is reported with its JSON path.
    pub fn from_json(json: &str) -> Result<Survey, DefinitionErrors> {
        Survey::from_value(definition_errors::parse(json)?)
    }

    /// Like [`Survey::from_json`], from an already parsed JSON value.
    pub fn from_value(value: Value) -> Result<Survey, DefinitionErrors> {
        definition_errors::read(value, check_survey_keys, validate_definition)
    }
}

// ---------------------------------------------------------------------------------------------
// Unknown keys. `#[serde(flatten)]` on the question type makes serde ignore unknown keys, and a
// misspelt optional key (`requird`) would silently change the survey, so every object is checked
// against the keys its place in the format allows.

const SURVEY_KEYS: &[&str] = &[
    "format",
    "id",
    "version",
    "languages",
    "title",
    "description",
    "thanks",
    "pages",
];
const TEXT_KEYS: &[&str] = &["nl", "en"];
const PAGE_KEYS: &[&str] = &["id", "title", "show_if", "questions"];
const QUESTION_KEYS: &[&str] = &[
    "id", "text", "help", "required", "measures", "show_if", "type",
];
const CHOICE_KEYS: &[&str] = &["id", "text"];
const ITEM_KEYS: &[&str] = &["id", "text", "measures"];

const SURVEY_REQUIRED: &[&str] = &["format", "id", "version", "title", "pages"];

/// The keys of a question type, and which of them are required.
fn type_keys(t: QuestionType) -> (&'static [&'static str], &'static [&'static str]) {
    match t {
        QuestionType::Agreement => (&["points"], &["points"]),
        QuestionType::Rating => (&["min", "max", "min_label", "max_label"], &["min", "max"]),
        QuestionType::SingleChoice => (&["choices", "other"], &["choices"]),
        QuestionType::MultipleChoice => (&["choices", "min", "max", "other"], &["choices"]),
        QuestionType::YesNo => (&[], &[]),
        QuestionType::Text => (&["multiline", "min_length", "max_length"], &[]),
        QuestionType::Matrix => (&["points", "items"], &["points", "items"]),
        QuestionType::Ranking => (&["choices"], &["choices"]),
    }
}

/// What JSON value a key takes, wherever it appears in the format.
fn expected_type(key: &str) -> Option<Expected> {
    Some(match key {
        "id" | "measures" | "type" | "format" | "nl" | "en" | "question" | "attribute"
        | "includes" => Expected::String,
        "version" | "points" | "min" | "max" | "min_length" | "max_length" | "at_least"
        | "at_most" => Expected::WholeNumber,
        "required" | "other" | "multiline" | "answered" => Expected::Bool,
        "text" | "help" | "title" | "description" | "thanks" | "min_label" | "max_label" => {
            Expected::Text
        }
        "choices" | "items" | "pages" | "questions" | "all" | "any" | "one_of" | "languages" => {
            Expected::List
        }
        "show_if" | "not" => Expected::Condition,
        "equals" | "not_equals" => Expected::Value,
        _ => return None,
    })
}

fn has_type(value: &Value, expected: Expected) -> bool {
    match expected {
        Expected::String => value.is_string(),
        Expected::WholeNumber => value.is_i64() || value.is_u64(),
        Expected::Bool => value.is_boolean(),
        Expected::Text | Expected::Condition | Expected::Object => value.is_object(),
        Expected::List => value.is_array(),
        Expected::Value => value.is_string() || value.is_boolean() || value.is_i64(),
        // Kinds of the module format only.
        Expected::Number | Expected::Word(_) => false,
    }
}

/// Checks an object's keys: unknown ones (with a suggestion), missing required ones, and the JSON
/// type of each known value. Returns whether `value` is an object at all.
fn check_keys(
    value: &Value,
    path: &str,
    allowed: &[&str],
    required: &[&str],
    errors: &mut Vec<DefinitionError>,
) -> bool {
    let Some(obj) = value.as_object() else {
        errors.push(DefinitionError::new(
            path,
            DP::Common(CommonProblem::InvalidValue {
                expected: Expected::Object,
            }),
        ));
        return false;
    };
    for (key, v) in obj {
        if !allowed.contains(&key.as_str()) {
            let field = shown_key(key);
            errors.push(DefinitionError::new(
                join(path, &field),
                DP::Common(CommonProblem::UnknownField {
                    suggestion: closest(key, allowed),
                    field,
                }),
            ));
        } else if let Some(expected) = expected_type(key)
            && !has_type(v, expected)
        {
            errors.push(DefinitionError::new(
                join(path, key),
                DP::Common(CommonProblem::InvalidValue { expected }),
            ));
        }
    }
    for key in required {
        if !obj.contains_key(*key) {
            errors.push(DefinitionError::new(
                path,
                DP::Common(CommonProblem::MissingField {
                    field: key.to_string(),
                }),
            ));
        }
    }
    true
}

fn each(value: Option<&Value>) -> impl Iterator<Item = (usize, &Value)> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

fn check_text_keys(value: Option<&Value>, path: &str, errors: &mut Vec<DefinitionError>) {
    if let Some(v) = value.filter(|v| v.is_object()) {
        check_keys(v, path, TEXT_KEYS, &[], errors);
    }
}

pub(super) fn check_survey_keys(survey: &Value, errors: &mut Vec<DefinitionError>) {
    if !check_keys(survey, "", SURVEY_KEYS, SURVEY_REQUIRED, errors) {
        return;
    }
    for key in ["title", "description", "thanks"] {
        check_text_keys(survey.get(key), key, errors);
    }
    for (p, page) in each(survey.get("pages")) {
        let pp = format!("pages[{p}]");
        if !check_keys(page, &pp, PAGE_KEYS, &["id", "questions"], errors) {
            continue;
        }
        check_text_keys(page.get("title"), &join(&pp, "title"), errors);
        check_condition_keys(page.get("show_if"), &join(&pp, "show_if"), errors);
        for (q, question) in each(page.get("questions")) {
            check_question_keys(question, &format!("{pp}.questions[{q}]"), errors);
        }
    }
}

fn check_question_keys(question: &Value, path: &str, errors: &mut Vec<DefinitionError>) {
    let type_name = question.get("type").and_then(Value::as_str);
    let (extra, extra_required): (&[&str], &[&str]) = match type_name {
        Some(t) => match QuestionType::parse(t).map(type_keys) {
            Some(keys) => keys,
            None => {
                errors.push(DefinitionError::new(
                    join(path, "type"),
                    DP::Common(CommonProblem::UnknownType {
                        found: shown_key(t),
                    }),
                ));
                return;
            }
        },
        None => (&[], &[]),
    };
    let allowed: Vec<&str> = QUESTION_KEYS.iter().chain(extra).copied().collect();
    let required: Vec<&str> = ["id", "type", "text"]
        .iter()
        .chain(extra_required)
        .copied()
        .collect();
    if !check_keys(question, path, &allowed, &required, errors) {
        return;
    }
    for key in ["text", "help", "min_label", "max_label"] {
        check_text_keys(question.get(key), &join(path, key), errors);
    }
    check_condition_keys(question.get("show_if"), &join(path, "show_if"), errors);
    for (i, choice) in each(question.get("choices")) {
        let cp = format!("{path}.choices[{i}]");
        if check_keys(choice, &cp, CHOICE_KEYS, &["id", "text"], errors) {
            check_text_keys(choice.get("text"), &join(&cp, "text"), errors);
        }
    }
    for (i, item) in each(question.get("items")) {
        let ip = format!("{path}.items[{i}]");
        if check_keys(item, &ip, ITEM_KEYS, &["id", "text"], errors) {
            check_text_keys(item.get("text"), &join(&ip, "text"), errors);
        }
    }
}

fn check_condition_keys(value: Option<&Value>, path: &str, errors: &mut Vec<DefinitionError>) {
    let Some(value) = value.filter(|v| v.is_object()) else {
        return;
    };
    check_keys(value, path, &CONDITION_KEYS, &[], errors);
    for key in ["all", "any"] {
        for (i, c) in each(value.get(key)) {
            check_condition_keys(Some(c), &format!("{path}.{key}[{i}]"), errors);
        }
    }
    check_condition_keys(value.get("not"), &join(path, "not"), errors);
}

/// A key as errors repeat it: whole up to [`MAX_KEY_CHARS`] characters, else cut with `…`.
fn shown_key(key: &str) -> String {
    match key.char_indices().nth(MAX_KEY_CHARS) {
        Some((cut, _)) => format!("{}…", &key[..cut]),
        None => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_keys_get_a_suggestion() {
        assert_eq!(closest("requird", QUESTION_KEYS), Some("required".into()));
        assert_eq!(closest("show_iff", QUESTION_KEYS), Some("show_if".into()));
        assert_eq!(closest("colour", QUESTION_KEYS), None);
    }

    #[test]
    fn a_huge_unknown_key_is_reported_short_and_without_a_suggestion() {
        let key = "k".repeat(1_000_000);
        let survey = serde_json::json!({ key.clone(): 1 });
        let mut errors = Vec::new();
        check_survey_keys(&survey, &mut errors);
        let unknown = errors
            .iter()
            .find(|e| matches!(e.problem, DP::Common(CommonProblem::UnknownField { .. })))
            .unwrap();
        assert_eq!(unknown.path.chars().count(), MAX_KEY_CHARS + 1);
        assert!(unknown.path.ends_with('…'));
        assert!(matches!(
            &unknown.problem,
            DP::Common(CommonProblem::UnknownField {
                suggestion: None,
                ..
            })
        ));
        assert_eq!(
            closest(&format!("required{}", "x".repeat(60)), QUESTION_KEYS),
            None
        );
    }
}
