//! The two validators: a definition against the format's rules, a response against a definition.

use super::errors::{
    DefinitionError, DefinitionErrors, DefinitionProblem as DP, Expected, MeasureNeed,
    ResponseError, ResponseProblem as RP,
};
use super::logic::{piped_ids, visibility, yes_no_text};
use super::model::{
    Answer, Attributes, CONDITION_KEYS, Condition, FORMAT, Question, QuestionKind, QuestionType,
    Response, Scalar, Survey, Test,
};
use crate::i18n::Text;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Longest free-text answer taken when a question sets no `max_length`, so storage stays bounded.
pub const DEFAULT_TEXT_MAX: u32 = 10_000;
/// Longest "other" text of a choice question.
pub const OTHER_TEXT_MAX: u32 = 500;
/// Whether `id` is a valid id: lowercase ASCII letters, digits, `_` and `-`, starting with a letter.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

impl Survey {
    /// Parses and validates a definition; every problem is reported with its JSON path.
    pub fn from_json(json: &str) -> Result<Survey, DefinitionErrors> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            DefinitionErrors(vec![DefinitionError::new(
                "",
                DP::Syntax {
                    line: e.line(),
                    column: e.column(),
                    detail: syntax_detail(&e),
                },
            )])
        })?;
        Survey::from_value(value)
    }

    /// Like [`Survey::from_json`], from an already parsed JSON value.
    pub fn from_value(value: Value) -> Result<Survey, DefinitionErrors> {
        let mut errors = Vec::new();
        check_survey_keys(&value, &mut errors);
        match serde_path_to_error::deserialize::<_, Survey>(value) {
            Ok(survey) => {
                if let Err(mut more) = validate_definition(&survey) {
                    errors.append(&mut more);
                }
                if errors.is_empty() {
                    Ok(survey)
                } else {
                    Err(DefinitionErrors(errors))
                }
            }
            Err(e) => {
                // The key checker reports wrong and missing keys precisely; serde's message is the
                // fallback for anything it does not know about.
                if errors.is_empty() {
                    let path = e.path().to_string();
                    errors.push(DefinitionError::new(
                        if path == "." { String::new() } else { path },
                        DP::Structure {
                            detail: e.inner().to_string(),
                        },
                    ));
                }
                Err(DefinitionErrors(errors))
            }
        }
    }
}

fn syntax_detail(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the problem carries those separately.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
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
        "choices" | "items" | "pages" | "questions" | "all" | "any" | "one_of" => Expected::List,
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
            DP::InvalidValue {
                expected: Expected::Object,
            },
        ));
        return false;
    };
    for (key, v) in obj {
        if !allowed.contains(&key.as_str()) {
            errors.push(DefinitionError::new(
                join(path, key),
                DP::UnknownField {
                    field: key.clone(),
                    suggestion: closest(key, allowed),
                },
            ));
        } else if let Some(expected) = expected_type(key)
            && !has_type(v, expected)
        {
            errors.push(DefinitionError::new(
                join(path, key),
                DP::InvalidValue { expected },
            ));
        }
    }
    for key in required {
        if !obj.contains_key(*key) {
            errors.push(DefinitionError::new(
                path,
                DP::MissingField {
                    field: key.to_string(),
                },
            ));
        }
    }
    true
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
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

fn check_survey_keys(survey: &Value, errors: &mut Vec<DefinitionError>) {
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
                    DP::UnknownType {
                        found: t.to_string(),
                    },
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

/// The allowed key closest to a misspelt one, when it is close enough to be the likely intent.
fn closest(key: &str, allowed: &[&str]) -> Option<String> {
    allowed
        .iter()
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 4) && *d < a.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

// ---------------------------------------------------------------------------------------------
// Definition rules.

/// Where an id is defined, and where in the question order it is answered.
struct IdSite {
    path: String,
    order: usize,
    kind: QuestionKind,
    is_item: bool,
}

struct Checker<'a> {
    survey: &'a Survey,
    errors: Vec<DefinitionError>,
    ids: BTreeMap<String, IdSite>,
    unique_measures: BTreeMap<String, String>,
}

/// Checks a definition against every rule of the format (docs/survey-format.md).
pub fn validate_definition(survey: &Survey) -> Result<(), Vec<DefinitionError>> {
    let mut c = Checker {
        survey,
        errors: Vec::new(),
        ids: BTreeMap::new(),
        unique_measures: BTreeMap::new(),
    };
    c.check();
    if c.errors.is_empty() {
        Ok(())
    } else {
        Err(c.errors)
    }
}

impl Checker<'_> {
    fn err(&mut self, path: impl Into<String>, problem: DP) {
        self.errors.push(DefinitionError::new(path, problem));
    }

    fn text(&mut self, text: &Text, path: &str) {
        for lang in text.missing() {
            self.err(
                format!("{path}.{}", lang.code()),
                DP::MissingTranslation { lang },
            );
        }
    }

    fn check(&mut self) {
        let s = self.survey;
        if s.format != FORMAT {
            self.err(
                "format",
                DP::WrongFormat {
                    found: s.format.clone(),
                },
            );
        }
        if !is_valid_id(&s.id) {
            self.err("id", DP::InvalidId { id: s.id.clone() });
        }
        if s.version == 0 {
            self.err("version", DP::InvalidVersion);
        }
        self.text(&s.title, "title");
        if let Some(t) = &s.description {
            self.text(t, "description");
        }
        if let Some(t) = &s.thanks {
            self.text(t, "thanks");
        }
        if s.pages.is_empty() {
            self.err("pages", DP::NoPages);
        }
        self.collect_ids();
        let mut order = 0;
        let mut page_ids: BTreeMap<&str, String> = BTreeMap::new();
        for (p, page) in s.pages.iter().enumerate() {
            let pp = format!("pages[{p}]");
            if !is_valid_id(&page.id) {
                self.err(
                    join(&pp, "id"),
                    DP::InvalidId {
                        id: page.id.clone(),
                    },
                );
            } else if let Some(first) = page_ids.get(page.id.as_str()) {
                self.err(
                    join(&pp, "id"),
                    DP::DuplicateId {
                        id: page.id.clone(),
                        first: first.clone(),
                    },
                );
            } else {
                page_ids.insert(&page.id, join(&pp, "id"));
            }
            if let Some(t) = &page.title {
                self.text(t, &join(&pp, "title"));
            }
            if let Some(c) = &page.show_if {
                self.condition(c, &join(&pp, "show_if"), order);
            }
            if page.questions.is_empty() {
                self.err(join(&pp, "questions"), DP::EmptyPage);
            }
            for (q, question) in page.questions.iter().enumerate() {
                self.question(question, &format!("{pp}.questions[{q}]"), order);
                order += 1;
            }
        }
    }

    /// Registers every question and item id first, so conditions can tell "unknown" from "later".
    fn collect_ids(&mut self) {
        let mut order = 0;
        for (p, page) in self.survey.pages.iter().enumerate() {
            for (q, question) in page.questions.iter().enumerate() {
                let qp = format!("pages[{p}].questions[{q}]");
                self.register(&question.id, join(&qp, "id"), order, &question.kind, false);
                if let QuestionKind::Matrix { items, .. } = &question.kind {
                    for (i, item) in items.iter().enumerate() {
                        let ip = format!("{qp}.items[{i}].id");
                        self.register(&item.id, ip, order, &question.kind, true);
                    }
                }
                order += 1;
            }
        }
    }

    fn register(&mut self, id: &str, path: String, order: usize, kind: &QuestionKind, item: bool) {
        if !is_valid_id(id) {
            self.err(path, DP::InvalidId { id: id.to_string() });
            return;
        }
        if let Some(first) = self.ids.get(id) {
            let first = first.path.clone();
            self.err(
                path,
                DP::DuplicateId {
                    id: id.to_string(),
                    first,
                },
            );
            return;
        }
        self.ids.insert(
            id.to_string(),
            IdSite {
                path,
                order,
                kind: kind.clone(),
                is_item: item,
            },
        );
    }

    fn question(&mut self, q: &Question, path: &str, order: usize) {
        self.text(&q.text, &join(path, "text"));
        self.pipes(&q.text, &join(path, "text"), order);
        if let Some(h) = &q.help {
            self.text(h, &join(path, "help"));
            self.pipes(h, &join(path, "help"), order);
        }
        if let Some(c) = &q.show_if {
            self.condition(c, &join(path, "show_if"), order);
        }
        if let Some(m) = &q.measures {
            self.measure(m, &q.kind, false, &join(path, "measures"));
        }
        match &q.kind {
            QuestionKind::Agreement { points } => self.points(*points, path),
            QuestionKind::Rating {
                min,
                max,
                min_label,
                max_label,
            } => {
                if min >= max || *min < 0 || *max > 100 {
                    self.err(
                        join(path, "max"),
                        DP::InvalidRange {
                            min: *min,
                            max: *max,
                        },
                    );
                }
                if let Some(t) = min_label {
                    self.text(t, &join(path, "min_label"));
                }
                if let Some(t) = max_label {
                    self.text(t, &join(path, "max_label"));
                }
            }
            QuestionKind::SingleChoice { choices, other } => {
                self.choices(choices, *other, path);
            }
            QuestionKind::MultipleChoice {
                choices,
                min,
                max,
                other,
            } => {
                self.choices(choices, *other, path);
                let available = u32::try_from(choices.len())
                    .unwrap_or(u32::MAX)
                    .saturating_add(u32::from(*other));
                let bad = max.is_some_and(|m| m == 0)
                    || min.is_some_and(|m| m > available)
                    || matches!((min, max), (Some(a), Some(b)) if a > b);
                if bad && !choices.is_empty() {
                    self.err(
                        join(path, "min"),
                        DP::InvalidSelectionLimits {
                            min: *min,
                            max: *max,
                            available,
                        },
                    );
                }
            }
            QuestionKind::YesNo => {}
            QuestionKind::Text {
                min_length,
                max_length,
                ..
            } => {
                let bad = max_length.is_some_and(|m| m == 0)
                    || matches!((min_length, max_length), (Some(a), Some(b)) if a > b);
                if bad {
                    self.err(
                        join(path, "max_length"),
                        DP::InvalidLengthLimits {
                            min: *min_length,
                            max: *max_length,
                        },
                    );
                }
            }
            QuestionKind::Matrix { points, items } => {
                self.points(*points, path);
                if items.is_empty() {
                    self.err(join(path, "items"), DP::EmptyChoices);
                }
                for (i, item) in items.iter().enumerate() {
                    let ip = format!("{path}.items[{i}]");
                    self.text(&item.text, &join(&ip, "text"));
                    if let Some(m) = &item.measures {
                        self.measure(m, &q.kind, true, &join(&ip, "measures"));
                    }
                }
            }
            QuestionKind::Ranking { choices } => self.choices(choices, false, path),
        }
    }

    fn points(&mut self, points: u8, path: &str) {
        if points != 5 && points != 7 {
            self.err(join(path, "points"), DP::InvalidPoints { points });
        }
    }

    fn choices(&mut self, choices: &[super::model::Choice], other: bool, path: &str) {
        if choices.is_empty() {
            self.err(join(path, "choices"), DP::EmptyChoices);
        }
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        for (i, choice) in choices.iter().enumerate() {
            let cp = format!("{path}.choices[{i}]");
            if !is_valid_id(&choice.id) {
                self.err(
                    join(&cp, "id"),
                    DP::InvalidId {
                        id: choice.id.clone(),
                    },
                );
            } else if let Some(first) = seen.get(choice.id.as_str()) {
                self.err(
                    join(&cp, "id"),
                    DP::DuplicateId {
                        id: choice.id.clone(),
                        first: first.clone(),
                    },
                );
            } else if other && choice.id == "other" {
                self.err(
                    join(&cp, "id"),
                    DP::ReservedChoiceId {
                        id: choice.id.clone(),
                    },
                );
            } else {
                seen.insert(&choice.id, join(&cp, "id"));
            }
            self.text(&choice.text, &join(&cp, "text"));
        }
    }

    fn pipes(&mut self, text: &Text, path: &str, order: usize) {
        for (lang_text, lang) in [(&text.nl, "nl"), (&text.en, "en")] {
            for id in piped_ids(lang_text) {
                let p = format!("{path}.{lang}");
                match self.ids.get(id) {
                    None => self.err(p, DP::UnknownQuestion { id: id.to_string() }),
                    Some(site) if site.order >= order => {
                        self.err(p, DP::NotEarlier { id: id.to_string() });
                    }
                    Some(_) => {}
                }
            }
        }
    }

    /// Checks a condition; `before` is the order of the first question it may not refer to.
    fn condition(&mut self, c: &Condition, path: &str, before: usize) {
        match c {
            Condition::All(cs) | Condition::Any(cs) => {
                let key = if matches!(c, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if cs.is_empty() {
                    self.err(join(path, key), DP::EmptyCondition);
                }
                for (i, inner) in cs.iter().enumerate() {
                    self.condition(inner, &format!("{path}.{key}[{i}]"), before);
                }
            }
            Condition::Not(inner) => self.condition(inner, &join(path, "not"), before),
            Condition::Attribute { attribute, test } => {
                if attribute.trim().is_empty() {
                    self.err(join(path, "attribute"), DP::EmptyCondition);
                }
                if matches!(test, Test::OneOf(v) if v.is_empty()) {
                    self.err(join(path, "one_of"), DP::EmptyCondition);
                }
            }
            Condition::Answer { question, test } => {
                let qp = join(path, "question");
                let Some(site) = self.ids.get(question.as_str()) else {
                    self.err(
                        qp,
                        DP::UnknownQuestion {
                            id: question.clone(),
                        },
                    );
                    return;
                };
                if site.order >= before {
                    self.err(
                        qp,
                        DP::NotEarlier {
                            id: question.clone(),
                        },
                    );
                    return;
                }
                let kind = site.kind.clone();
                let is_item = site.is_item;
                self.test(question, &kind, is_item, test, path);
            }
        }
    }

    fn test(&mut self, id: &str, kind: &QuestionKind, is_item: bool, test: &Test, path: &str) {
        let scale =
            is_item || !matches!(kind, QuestionKind::Matrix { .. }) && kind.scale().is_some();
        let type_name = if is_item {
            "matrix item"
        } else {
            kind.type_name()
        };
        let not_applicable = |key: &str| DP::TestNotApplicable {
            id: id.to_string(),
            test: key.to_string(),
            question_type: type_name.to_string(),
        };
        let values: Vec<&Scalar> = match test {
            Test::Answered(_) => return,
            Test::AtLeast(_) | Test::AtMost(_) => {
                if !scale {
                    let key = if matches!(test, Test::AtLeast(_)) {
                        "at_least"
                    } else {
                        "at_most"
                    };
                    self.err(join(path, key), not_applicable(key));
                }
                return;
            }
            Test::Includes(choice) => {
                let applies = matches!(
                    kind,
                    QuestionKind::MultipleChoice { .. }
                        | QuestionKind::SingleChoice { .. }
                        | QuestionKind::Ranking { .. }
                ) && !is_item;
                if !applies {
                    self.err(join(path, "includes"), not_applicable("includes"));
                } else if !knows_choice(kind, choice) {
                    self.err(
                        join(path, "includes"),
                        DP::UnknownChoice {
                            id: id.to_string(),
                            choice: choice.clone(),
                        },
                    );
                }
                return;
            }
            Test::Equals(v) | Test::NotEquals(v) => vec![v],
            Test::OneOf(vs) => {
                if vs.is_empty() {
                    self.err(join(path, "one_of"), DP::EmptyCondition);
                }
                vs.iter().collect()
            }
        };
        let key = match test {
            Test::Equals(_) => "equals",
            Test::NotEquals(_) => "not_equals",
            _ => "one_of",
        };
        for v in values {
            let problem = if scale {
                let ok = match v {
                    Scalar::Int(_) => true,
                    Scalar::Str(s) => s.trim().parse::<i64>().is_ok(),
                    Scalar::Bool(_) => false,
                };
                (!ok).then(|| not_applicable(key))
            } else {
                match kind {
                    QuestionKind::YesNo => {
                        let ok = match v {
                            Scalar::Bool(_) => true,
                            Scalar::Str(s) => yes_no_text(s).is_some(),
                            Scalar::Int(_) => false,
                        };
                        (!ok).then(|| not_applicable(key))
                    }
                    QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. } => {
                        match v {
                            Scalar::Str(s) if knows_choice(kind, s) => None,
                            other => Some(DP::UnknownChoice {
                                id: id.to_string(),
                                choice: other.as_text(),
                            }),
                        }
                    }
                    QuestionKind::Text { .. } => {
                        (!matches!(v, Scalar::Str(_))).then(|| not_applicable(key))
                    }
                    _ => Some(not_applicable(key)),
                }
            };
            if let Some(p) = problem {
                self.err(join(path, key), p);
            }
        }
    }

    fn measure(&mut self, tag: &str, kind: &QuestionKind, is_item: bool, path: &str) {
        let well_formed = !tag.is_empty()
            && tag.split('.').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            });
        let invalid = |needs| DP::InvalidMeasure {
            measures: tag.to_string(),
            needs,
        };
        if !well_formed {
            self.err(path, invalid(MeasureNeed::WellFormed));
            return;
        }
        let five_point = match kind {
            QuestionKind::Agreement { points } => *points == 5 && !is_item,
            QuestionKind::Matrix { points, .. } => *points == 5 && is_item,
            _ => false,
        };
        let (unique, problem) = match tag.split_once('.') {
            None if tag == "nps" || tag == "enps" => {
                let ok = !is_item
                    && matches!(
                        kind,
                        QuestionKind::Rating {
                            min: 0,
                            max: 10,
                            ..
                        }
                    );
                (true, (!ok).then(|| invalid(MeasureNeed::ZeroToTenRating)))
            }
            None if tag == "sus" => {
                let ok = match kind {
                    QuestionKind::Matrix { points: 5, items } if !is_item => {
                        items.len() == 10
                            || items.iter().all(|i| {
                                i.measures.as_deref().is_some_and(|m| m.starts_with("sus."))
                            })
                    }
                    _ => false,
                };
                (true, (!ok).then(|| invalid(MeasureNeed::SusMatrix)))
            }
            None if tag == "adkar" => (false, Some(invalid(MeasureNeed::AdkarElement))),
            Some(("adkar", element)) => {
                if crate::measures::Element::parse(element).is_none() {
                    (false, Some(invalid(MeasureNeed::AdkarElement)))
                } else {
                    (
                        true,
                        (!five_point).then(|| invalid(MeasureNeed::FivePointAgreement)),
                    )
                }
            }
            Some(("sus", n)) => {
                if !n.parse::<u8>().is_ok_and(|n| (1..=10).contains(&n)) {
                    (false, Some(invalid(MeasureNeed::SusItemNumber)))
                } else {
                    (
                        true,
                        (!five_point).then(|| invalid(MeasureNeed::FivePointAgreement)),
                    )
                }
            }
            _ => (false, None),
        };
        if let Some(p) = problem {
            self.err(path, p);
        } else if unique {
            if let Some(first) = self.unique_measures.get(tag) {
                let first = first.clone();
                self.err(
                    path,
                    DP::DuplicateMeasure {
                        measures: tag.to_string(),
                        first,
                    },
                );
            } else {
                self.unique_measures
                    .insert(tag.to_string(), path.to_string());
            }
        }
    }
}

fn knows_choice(kind: &QuestionKind, id: &str) -> bool {
    kind.choices().iter().any(|c| c.id == id) || (id == "other" && kind.has_other())
}

// ---------------------------------------------------------------------------------------------
// Responses.

/// Checks a response against the definition version it answers, given the invitation's attributes.
///
/// Reports every problem, in question order: wrong survey or version, unknown questions, answers
/// to questions hidden for this respondent, missing required answers, wrong kinds, values out of
/// range, unknown choices, selection and length limits.
pub fn validate_response(
    survey: &Survey,
    response: &Response,
    attributes: &Attributes,
) -> Result<(), Vec<ResponseError>> {
    if response.survey_id != survey.id {
        return Err(vec![ResponseError {
            question: None,
            problem: RP::WrongSurvey {
                expected: survey.id.clone(),
                found: response.survey_id.clone(),
            },
        }]);
    }
    if response.survey_version != survey.version {
        return Err(vec![ResponseError {
            question: None,
            problem: RP::WrongVersion {
                expected: survey.version,
                found: response.survey_version,
            },
        }]);
    }
    let shown = visibility(survey, &response.answers, attributes);
    let mut errors = Vec::new();
    let mut known = BTreeSet::new();
    for q in survey.questions() {
        known.insert(q.id.as_str());
        let visible = shown.shows(&q.id);
        match response.answers.get(&q.id) {
            Some(_) if !visible => errors.push(ResponseError::at(&q.id, RP::Hidden)),
            Some(answer) => check_answer(q, answer, &mut errors),
            None if visible && q.required => errors.push(ResponseError::at(&q.id, RP::Required)),
            None => {}
        }
    }
    for id in response.answers.keys() {
        if !known.contains(id.as_str()) {
            errors.push(ResponseError::at(id, RP::UnknownQuestion));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn char_count(s: &str) -> u32 {
    u32::try_from(s.chars().count()).unwrap_or(u32::MAX)
}

fn check_answer(q: &Question, answer: &Answer, errors: &mut Vec<ResponseError>) {
    let mut push = |p| errors.push(ResponseError::at(&q.id, p));
    let wrong = || RP::WrongType {
        expected: q.kind.question_type().answer_key().to_string(),
        found: answer.kind_name().to_string(),
    };
    match (&q.kind, answer) {
        (QuestionKind::Agreement { .. } | QuestionKind::Rating { .. }, Answer::Scale(v)) => {
            if let Some((min, max)) = q.kind.scale()
                && !(min..=max).contains(v)
            {
                push(RP::OutOfRange {
                    min,
                    max,
                    value: *v,
                });
            }
        }
        (QuestionKind::Agreement { .. } | QuestionKind::Rating { .. }, _) => push(wrong()),
        (QuestionKind::YesNo, Answer::YesNo(_)) => {}
        (QuestionKind::YesNo, _) => push(wrong()),
        (QuestionKind::SingleChoice { choices, .. }, Answer::Choice(c)) => {
            if !choices.iter().any(|x| x.id == *c) {
                push(RP::UnknownChoice { choice: c.clone() });
            }
        }
        (QuestionKind::SingleChoice { other, .. }, Answer::Other(text)) => {
            if !other {
                push(RP::OtherNotOffered);
            } else {
                check_text(text, None, Some(OTHER_TEXT_MAX), &mut push);
            }
        }
        (QuestionKind::SingleChoice { .. }, _) => push(wrong()),
        (
            QuestionKind::MultipleChoice {
                choices,
                min,
                max,
                other,
            },
            Answer::Choices(c),
        ) => {
            let mut seen = BTreeSet::new();
            for s in &c.selected {
                if !choices.iter().any(|x| x.id == *s) {
                    push(RP::UnknownChoice { choice: s.clone() });
                } else if !seen.insert(s) {
                    push(RP::DuplicateChoice { choice: s.clone() });
                }
            }
            if let Some(text) = &c.other {
                if !other {
                    push(RP::OtherNotOffered);
                } else {
                    check_text(text, None, Some(OTHER_TEXT_MAX), &mut push);
                }
            }
            let count = u32::try_from(c.selected.len())
                .unwrap_or(u32::MAX)
                .saturating_add(u32::from(c.other.is_some()));
            if count == 0 {
                push(if q.required { RP::Required } else { RP::Blank });
            } else if let Some(min) = min.filter(|m| count < *m) {
                push(RP::TooFewSelections { min });
            } else if let Some(max) = max.filter(|m| count > *m) {
                push(RP::TooManySelections { max });
            }
        }
        (QuestionKind::MultipleChoice { .. }, _) => push(wrong()),
        (
            QuestionKind::Text {
                min_length,
                max_length,
                ..
            },
            Answer::Text(text),
        ) => check_text(
            text,
            *min_length,
            Some(max_length.unwrap_or(DEFAULT_TEXT_MAX)),
            &mut push,
        ),
        (QuestionKind::Text { .. }, _) => push(wrong()),
        (QuestionKind::Matrix { points, items }, Answer::Matrix(values)) => {
            for (item, v) in values {
                if !items.iter().any(|i| i.id == *item) {
                    push(RP::UnknownItem { item: item.clone() });
                } else if !(1..=i32::from(*points)).contains(v) {
                    push(RP::OutOfRange {
                        min: 1,
                        max: i32::from(*points),
                        value: *v,
                    });
                }
            }
            if values.is_empty() {
                push(if q.required { RP::Required } else { RP::Blank });
            } else if q.required {
                {
                    for item in items.iter().filter(|i| !values.contains_key(&i.id)) {
                        push(RP::MissingItem {
                            item: item.id.clone(),
                        });
                    }
                }
            }
        }
        (QuestionKind::Matrix { .. }, _) => push(wrong()),
        (QuestionKind::Ranking { choices }, Answer::Ranking(order)) => {
            let mut seen = BTreeSet::new();
            for s in order {
                if !choices.iter().any(|x| x.id == *s) {
                    push(RP::UnknownChoice { choice: s.clone() });
                } else if !seen.insert(s) {
                    push(RP::DuplicateChoice { choice: s.clone() });
                }
            }
            if seen.len() != choices.len() {
                push(RP::IncompleteRanking);
            }
        }
        (QuestionKind::Ranking { .. }, _) => push(wrong()),
    }
}

fn check_text(text: &str, min: Option<u32>, max: Option<u32>, push: &mut impl FnMut(RP)) {
    if text.trim().is_empty() {
        push(RP::Blank);
        return;
    }
    let n = char_count(text.trim());
    if let Some(min) = min.filter(|m| n < *m) {
        push(RP::TooShort { min });
    }
    if let Some(max) = max.filter(|m| char_count(text) > *m) {
        push(RP::TooLong { max });
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
    fn misspelt_keys_get_a_suggestion() {
        assert_eq!(closest("requird", QUESTION_KEYS), Some("required".into()));
        assert_eq!(closest("show_iff", QUESTION_KEYS), Some("show_if".into()));
        assert_eq!(closest("colour", QUESTION_KEYS), None);
    }
}
