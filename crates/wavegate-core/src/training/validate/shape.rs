//! Reading a module's JSON: syntax errors with line and column, then every object checked
//! against the keys its place in the format allows (unknown with a suggestion, missing, wrong
//! JSON type), before serde reads it and the format's rules run.

use super::rules::validate_definition;
use crate::definition_errors::{self, CommonProblem, PathErrors, join};
use crate::suggest::closest;
use crate::training::errors::{Expected, ModuleError, ModuleErrors, ModuleProblem as P, Words};
use crate::training::model::{MAX_MODULE_BYTES, Module, QuestionKind};
use serde_json::{Map, Value};

impl Module {
    /// Parses and validates a definition; every problem is reported with its JSON path.
    pub fn from_json(json: &str) -> Result<Module, ModuleErrors> {
        Module::from_value(definition_errors::parse(json)?)
    }

    /// Like [`Module::from_json`], from an already parsed JSON value. A definition larger than
    /// [`MAX_MODULE_BYTES`] as compact JSON is reported first, at the whole document (`""`):
    /// measured compactly, so a file's indentation does not count and the size is the one a
    /// server receives it in.
    pub fn from_value(value: Value) -> Result<Module, ModuleErrors> {
        let bytes = compact_len(&value);
        let too_large = (bytes > MAX_MODULE_BYTES).then(|| {
            ModuleError::new(
                "",
                P::TooLarge {
                    bytes,
                    limit: MAX_MODULE_BYTES,
                },
            )
        });
        let read = definition_errors::read(value, check_module, validate_definition);
        match (read, too_large) {
            (read, None) => read,
            (Ok(_), Some(e)) => Err(PathErrors(vec![e])),
            (Err(PathErrors(mut errors)), Some(e)) => {
                errors.insert(0, e);
                Err(PathErrors(errors))
            }
        }
    }
}

/// The length of a JSON value written compactly, without writing it anywhere.
fn compact_len(value: &Value) -> usize {
    struct Counter(usize);
    impl std::io::Write for Counter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut counter = Counter(0);
    // A parsed value always serialises, and a counter never fails to take bytes.
    let _ = serde_json::to_writer(&mut counter, value);
    counter.0
}

/// A key of an object: its name, what value it takes and whether it must be there.
type Key = (&'static str, Expected, bool);

const REQ: bool = true;
const OPT: bool = false;

const MODULE: &[Key] = &[
    ("format", Expected::String, REQ),
    ("id", Expected::String, REQ),
    ("version", Expected::WholeNumber, REQ),
    ("languages", Expected::List, OPT),
    ("title", Expected::Text, REQ),
    ("description", Expected::Text, OPT),
    ("estimate_minutes", Expected::WholeNumber, REQ),
    ("targets", Expected::Object, OPT),
    ("completion", Expected::Word(Words::Completion), OPT),
    ("topics", Expected::List, OPT),
    ("lessons", Expected::List, REQ),
    ("quiz", Expected::Object, OPT),
    ("changes", Expected::List, OPT),
];
const TOPIC: &[Key] = &[
    ("id", Expected::String, REQ),
    ("title", Expected::Text, REQ),
];
const LESSON: &[Key] = &[
    ("id", Expected::String, REQ),
    ("title", Expected::Text, REQ),
    ("minutes", Expected::WholeNumber, OPT),
    ("topics", Expected::List, OPT),
    ("body", Expected::Text, REQ),
];
const QUIZ: &[Key] = &[
    ("pass_mark", Expected::Number, REQ),
    ("attempts", Expected::Object, OPT),
    ("draw", Expected::Object, OPT),
    ("questions", Expected::List, REQ),
];
const ATTEMPTS: &[Key] = &[
    ("max", Expected::WholeNumber, OPT),
    ("wait_minutes", Expected::WholeNumber, OPT),
];
const QUESTION: &[Key] = &[
    ("id", Expected::String, REQ),
    ("type", Expected::String, REQ),
    ("topic", Expected::String, REQ),
    ("text", Expected::Text, REQ),
];
const CHOICES: &[Key] = &[("options", Expected::List, REQ)];
const TRUE_FALSE: &[Key] = &[
    ("answer", Expected::Bool, REQ),
    ("feedback", Expected::Object, REQ),
];
const ORDERING: &[Key] = &[
    ("items", Expected::List, REQ),
    ("feedback", Expected::Object, REQ),
];
const OPTION: &[Key] = &[
    ("id", Expected::String, REQ),
    ("text", Expected::Text, REQ),
    ("correct", Expected::Bool, OPT),
    ("feedback", Expected::Text, REQ),
];
const ITEM: &[Key] = &[("id", Expected::String, REQ), ("text", Expected::Text, REQ)];
const TRUE_FALSE_FEEDBACK: &[Key] = &[
    ("true", Expected::Text, REQ),
    ("false", Expected::Text, REQ),
];
const ORDERING_FEEDBACK: &[Key] = &[
    ("correct", Expected::Text, REQ),
    ("incorrect", Expected::Text, REQ),
];
const CHANGE: &[Key] = &[
    ("lesson", Expected::String, REQ),
    ("kind", Expected::Word(Words::ChangeKind), REQ),
    ("note", Expected::Text, REQ),
];
const TEXT: &[Key] = &[("nl", Expected::String, OPT), ("en", Expected::String, OPT)];

fn has_type(value: &Value, expected: Expected) -> bool {
    match expected {
        Expected::String => value.is_string(),
        Expected::WholeNumber => value.is_u64(),
        Expected::Number => value.is_number(),
        Expected::Bool => value.is_boolean(),
        Expected::Text | Expected::Object => value.is_object(),
        Expected::List => value.is_array(),
        Expected::Word(words) => value.as_str().is_some_and(|s| words.words().contains(&s)),
        // Kinds of the survey format only.
        Expected::Condition | Expected::Value => false,
    }
}

/// Checks an object's keys; returns the object when `value` is one.
fn check<'v>(
    value: &'v Value,
    path: &str,
    keys: &[Key],
    errors: &mut Vec<ModuleError>,
) -> Option<&'v Map<String, Value>> {
    let Some(obj) = value.as_object() else {
        errors.push(ModuleError::new(
            path,
            P::Common(CommonProblem::InvalidValue {
                expected: Expected::Object,
            }),
        ));
        return None;
    };
    for (key, v) in obj {
        match keys.iter().find(|k| k.0 == key) {
            None => {
                let names: Vec<&str> = keys.iter().map(|k| k.0).collect();
                errors.push(ModuleError::new(
                    join(path, key),
                    P::Common(CommonProblem::UnknownField {
                        field: key.clone(),
                        suggestion: closest(key, &names),
                    }),
                ));
            }
            Some(&(_, expected, _)) => {
                if !has_type(v, expected) {
                    errors.push(ModuleError::new(
                        join(path, key),
                        P::Common(CommonProblem::InvalidValue { expected }),
                    ));
                } else if expected == Expected::Text {
                    check(v, &join(path, key), TEXT, errors);
                }
            }
        }
    }
    for (key, _, required) in keys {
        if *required && !obj.contains_key(*key) {
            errors.push(ModuleError::new(
                path,
                P::Common(CommonProblem::MissingField {
                    field: key.to_string(),
                }),
            ));
        }
    }
    Some(obj)
}

fn each<'v>(obj: &'v Map<String, Value>, key: &str) -> impl Iterator<Item = (usize, &'v Value)> {
    obj.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

fn check_module(value: &Value, errors: &mut Vec<ModuleError>) {
    let Some(module) = check(value, "", MODULE, errors) else {
        return;
    };
    for (i, lang) in each(module, "languages") {
        if !has_type(lang, Expected::Word(Words::Language)) {
            errors.push(ModuleError::new(
                format!("languages[{i}]"),
                P::Common(CommonProblem::InvalidValue {
                    expected: Expected::Word(Words::Language),
                }),
            ));
        }
    }
    if let Some(targets) = module.get("targets").and_then(Value::as_object) {
        for (attribute, values) in targets {
            let ok = values
                .as_array()
                .is_some_and(|list| list.iter().all(Value::is_string));
            if !ok {
                errors.push(ModuleError::new(
                    join("targets", attribute),
                    P::Common(CommonProblem::InvalidValue {
                        expected: Expected::List,
                    }),
                ));
            }
        }
    }
    for (i, topic) in each(module, "topics") {
        check(topic, &format!("topics[{i}]"), TOPIC, errors);
    }
    for (i, lesson) in each(module, "lessons") {
        let path = format!("lessons[{i}]");
        if let Some(lesson) = check(lesson, &path, LESSON, errors) {
            for (j, topic) in each(lesson, "topics") {
                if !topic.is_string() {
                    errors.push(ModuleError::new(
                        format!("{path}.topics[{j}]"),
                        P::Common(CommonProblem::InvalidValue {
                            expected: Expected::String,
                        }),
                    ));
                }
            }
        }
    }
    if let Some(quiz) = module.get("quiz").filter(|q| q.is_object()) {
        check_quiz(quiz, errors);
    }
    for (i, change) in each(module, "changes") {
        check(change, &format!("changes[{i}]"), CHANGE, errors);
    }
}

fn check_quiz(quiz: &Value, errors: &mut Vec<ModuleError>) {
    let Some(quiz) = check(quiz, "quiz", QUIZ, errors) else {
        return;
    };
    if let Some(attempts) = quiz.get("attempts").filter(|a| a.is_object()) {
        check(attempts, "quiz.attempts", ATTEMPTS, errors);
    }
    if let Some(draw) = quiz.get("draw").and_then(Value::as_object) {
        for (topic, n) in draw {
            if !n.is_u64() {
                errors.push(ModuleError::new(
                    join("quiz.draw", topic),
                    P::Common(CommonProblem::InvalidValue {
                        expected: Expected::WholeNumber,
                    }),
                ));
            }
        }
    }
    for (i, question) in each(quiz, "questions") {
        check_question(question, &format!("quiz.questions[{i}]"), errors);
    }
}

fn check_question(question: &Value, path: &str, errors: &mut Vec<ModuleError>) {
    let type_name = question.get("type").and_then(Value::as_str);
    let extra: &[Key] = match type_name {
        Some("single_choice" | "multiple_choice") => CHOICES,
        Some("true_false") => TRUE_FALSE,
        Some("ordering") => ORDERING,
        Some(other) => {
            errors.push(ModuleError::new(
                join(path, "type"),
                P::Common(CommonProblem::UnknownType {
                    found: other.to_string(),
                }),
            ));
            return;
        }
        None => &[],
    };
    debug_assert!(type_name.is_none_or(|t| QuestionKind::TYPES.contains(&t)));
    let keys: Vec<Key> = QUESTION.iter().chain(extra).copied().collect();
    let Some(q) = check(question, path, &keys, errors) else {
        return;
    };
    for (i, option) in each(q, "options") {
        check(option, &format!("{path}.options[{i}]"), OPTION, errors);
    }
    for (i, item) in each(q, "items") {
        check(item, &format!("{path}.items[{i}]"), ITEM, errors);
    }
    if let Some(feedback) = q.get("feedback").filter(|f| f.is_object()) {
        let keys = if type_name == Some("true_false") {
            TRUE_FALSE_FEEDBACK
        } else {
            ORDERING_FEEDBACK
        };
        check(feedback, &join(path, "feedback"), keys, errors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_keys_get_a_suggestion() {
        let names: Vec<&str> = QUIZ.iter().map(|k| k.0).collect();
        assert_eq!(closest("pass_mrak", &names), Some("pass_mark".into()));
        assert_eq!(closest("qestions", &names), Some("questions".into()));
        assert_eq!(closest("colour", &names), None);
    }
}
