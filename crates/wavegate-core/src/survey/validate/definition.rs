//! The definition rules of the format (docs/survey-format.md): ids, question settings,
//! conditions, piping and scoring tags, each problem at its JSON path.

use crate::definition_errors::CommonProblem;
use crate::i18n::Text;
use crate::survey::errors::{DefinitionError, DefinitionProblem as DP, MeasureNeed};
use crate::survey::logic::{piped_ids, yes_no_text};
use crate::survey::model::{
    Condition, FORMAT, Question, QuestionKind, Scalar, Survey, Test, is_valid_id,
};
use std::collections::BTreeMap;

use crate::definition_errors::{invisible_in, join};

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

    /// A text must be there in every language the survey declares, and only in those.
    fn text(&mut self, text: &Text, path: &str) {
        for (at, problem) in invisible_in(text, path) {
            self.err(at, DP::Common(problem));
        }
        let declared = &self.survey.languages;
        for lang in text.missing().into_iter().filter(|l| declared.contains(l)) {
            self.err(
                format!("{path}.{}", lang.code()),
                DP::Common(CommonProblem::MissingTranslation { lang }),
            );
        }
    }

    fn check(&mut self) {
        let s = self.survey;
        if s.format != FORMAT {
            self.err(
                "format",
                DP::Common(CommonProblem::WrongFormat {
                    found: s.format.clone(),
                }),
            );
        }
        if !is_valid_id(&s.id) {
            self.err(
                "id",
                DP::Common(CommonProblem::InvalidId { id: s.id.clone() }),
            );
        }
        if s.version == 0 {
            self.err("version", DP::Common(CommonProblem::InvalidVersion));
        }
        if s.languages.is_empty() {
            self.err("languages", DP::Common(CommonProblem::NoLanguages));
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
                    DP::Common(CommonProblem::InvalidId {
                        id: page.id.clone(),
                    }),
                );
            } else if let Some(first) = page_ids.get(page.id.as_str()) {
                self.err(
                    join(&pp, "id"),
                    DP::Common(CommonProblem::DuplicateId {
                        id: page.id.clone(),
                        first: first.clone(),
                    }),
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
            self.err(
                path,
                DP::Common(CommonProblem::InvalidId { id: id.to_string() }),
            );
            return;
        }
        if let Some(first) = self.ids.get(id) {
            let first = first.path.clone();
            self.err(
                path,
                DP::Common(CommonProblem::DuplicateId {
                    id: id.to_string(),
                    first,
                }),
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

    fn choices(&mut self, choices: &[crate::survey::model::Choice], other: bool, path: &str) {
        if choices.is_empty() {
            self.err(join(path, "choices"), DP::EmptyChoices);
        }
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        for (i, choice) in choices.iter().enumerate() {
            let cp = format!("{path}.choices[{i}]");
            if !is_valid_id(&choice.id) {
                self.err(
                    join(&cp, "id"),
                    DP::Common(CommonProblem::InvalidId {
                        id: choice.id.clone(),
                    }),
                );
            } else if let Some(first) = seen.get(choice.id.as_str()) {
                self.err(
                    join(&cp, "id"),
                    DP::Common(CommonProblem::DuplicateId {
                        id: choice.id.clone(),
                        first: first.clone(),
                    }),
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
