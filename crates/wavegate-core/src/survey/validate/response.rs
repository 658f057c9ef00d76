//! Checking a response against the definition version it answers: visibility, required
//! answers, kinds, ranges, choices and length limits.

use crate::invisible::without_invisible;
use crate::survey::errors::{ResponseError, ResponseProblem as RP};
use crate::survey::logic::visibility;
use crate::survey::model::{Answer, Attributes, Question, QuestionKind, Response, Survey};
use std::collections::BTreeSet;

/// Longest free-text answer taken when a question sets no `max_length`, so storage stays bounded.
pub const DEFAULT_TEXT_MAX: u32 = 10_000;
/// Longest "other" text of a choice question.
pub const OTHER_TEXT_MAX: u32 = 500;

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
                check_other(text, &mut push);
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
                    check_other(text, &mut push);
                }
            }
            let count = c.count();
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

/// Whether a text shows nothing: only white space and characters that do not show themselves.
fn is_blank(text: &str) -> bool {
    without_invisible(text).trim().is_empty()
}

/// The text of a chosen "other": chosen but left empty asks for the text or another choice.
fn check_other(text: &str, push: &mut impl FnMut(RP)) {
    if is_blank(text) {
        push(RP::OtherBlank);
    } else {
        check_text(text, None, Some(OTHER_TEXT_MAX), push);
    }
}

fn check_text(text: &str, min: Option<u32>, max: Option<u32>, push: &mut impl FnMut(RP)) {
    if is_blank(text) {
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
