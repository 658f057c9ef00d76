//! Show-if conditions, visibility and piping: what the respondent sees, given what they answered.
//!
//! Visibility is evaluated in document order and only answers to *visible* earlier questions
//! count, so an answer left behind on a question that was later hidden cannot steer the survey.

use super::labels;
use super::model::{
    Answer, Answers, Attributes, Condition, Page, Question, QuestionKind, Scalar, Survey, Test,
};
use crate::i18n::{Lang, Text};

/// What is visible for a given set of answers and attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visibility {
    /// Per page, in order: shown or not.
    pub pages: Vec<bool>,
    /// Ids of the visible questions, in order.
    pub questions: Vec<String>,
}

impl Visibility {
    /// Whether the question with this id is shown.
    pub fn shows(&self, question_id: &str) -> bool {
        self.questions.iter().any(|q| q == question_id)
    }

    /// The pages shown that have at least one visible question, in order.
    pub fn pages_shown<'a>(&self, survey: &'a Survey) -> Vec<&'a Page> {
        survey
            .pages
            .iter()
            .zip(&self.pages)
            .filter(|(p, shown)| **shown && p.questions.iter().any(|q| self.shows(&q.id)))
            .map(|(p, _)| p)
            .collect()
    }

    /// The answers to visible questions only: what a respondent submits after changing an
    /// earlier answer hid a question they had already answered (the validator refuses those).
    pub fn keep_shown(&self, answers: &Answers) -> Answers {
        answers
            .iter()
            .filter(|(id, _)| self.shows(id))
            .map(|(id, a)| (id.clone(), a.clone()))
            .collect()
    }
}

/// Works out which pages and questions are shown.
pub fn visibility(survey: &Survey, answers: &Answers, attributes: &Attributes) -> Visibility {
    let mut seen = Answers::new();
    let mut pages = Vec::with_capacity(survey.pages.len());
    let mut questions = Vec::new();
    for page in &survey.pages {
        let page_shown = page
            .show_if
            .as_ref()
            .is_none_or(|c| evaluate(c, &seen, attributes));
        pages.push(page_shown);
        if !page_shown {
            continue;
        }
        for q in &page.questions {
            let shown = q
                .show_if
                .as_ref()
                .is_none_or(|c| evaluate(c, &seen, attributes));
            if !shown {
                continue;
            }
            questions.push(q.id.clone());
            if let Some(a) = answers.get(&q.id) {
                if let Answer::Matrix(items) = a {
                    for (item, v) in items {
                        seen.insert(item.clone(), Answer::Scale(*v));
                    }
                }
                seen.insert(q.id.clone(), a.clone());
            }
        }
    }
    Visibility { pages, questions }
}

/// The questions shown, in order (re-evaluate as the respondent answers).
pub fn visible_questions<'a>(
    survey: &'a Survey,
    answers: &Answers,
    attributes: &Attributes,
) -> Vec<&'a Question> {
    let v = visibility(survey, answers, attributes);
    survey.questions().filter(|q| v.shows(&q.id)).collect()
}

/// The pages shown that have at least one visible question, in order.
pub fn visible_pages<'a>(
    survey: &'a Survey,
    answers: &Answers,
    attributes: &Attributes,
) -> Vec<&'a Page> {
    visibility(survey, answers, attributes).pages_shown(survey)
}

/// Evaluates a condition against answers already given (matrix items by their own id).
///
/// Every test except `answered: false` is false for a question without an answer, so a follow-up
/// question does not appear before the question it follows up on is answered.
pub fn evaluate(condition: &Condition, answers: &Answers, attributes: &Attributes) -> bool {
    match condition {
        Condition::All(cs) => cs.iter().all(|c| evaluate(c, answers, attributes)),
        Condition::Any(cs) => cs.iter().any(|c| evaluate(c, answers, attributes)),
        Condition::Not(c) => !evaluate(c, answers, attributes),
        Condition::Answer { question, test } => {
            let answer = answers
                .get(question)
                .cloned()
                .or_else(|| matrix_item_answer(answers, question));
            test_answer(test, answer.as_ref())
        }
        Condition::Attribute { attribute, test } => {
            let value = attributes
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(attribute))
                .map(|(_, v)| v.trim())
                .filter(|v| !v.is_empty());
            test_attribute(test, value)
        }
    }
}

fn matrix_item_answer(answers: &Answers, item: &str) -> Option<Answer> {
    answers.values().find_map(|a| match a {
        Answer::Matrix(items) => items.get(item).map(|v| Answer::Scale(*v)),
        _ => None,
    })
}

fn test_answer(test: &Test, answer: Option<&Answer>) -> bool {
    let Some(answer) = answer else {
        return matches!(test, Test::Answered(false));
    };
    match test {
        Test::Answered(b) => *b,
        Test::Equals(s) => answer_matches(answer, s),
        Test::NotEquals(s) => !answer_matches(answer, s),
        Test::OneOf(ss) => ss.iter().any(|s| answer_matches(answer, s)),
        Test::Includes(id) => match answer {
            Answer::Choices(c) => {
                c.selected.iter().any(|s| s == id) || (id == "other" && c.other.is_some())
            }
            Answer::Ranking(r) => r.iter().any(|s| s == id),
            Answer::Choice(c) => c == id,
            Answer::Other(_) => id == "other",
            _ => false,
        },
        Test::AtLeast(n) => matches!(answer, Answer::Scale(v) if i64::from(*v) >= *n),
        Test::AtMost(n) => matches!(answer, Answer::Scale(v) if i64::from(*v) <= *n),
    }
}

fn answer_matches(answer: &Answer, s: &Scalar) -> bool {
    match (answer, s) {
        (Answer::Scale(v), Scalar::Int(i)) => i64::from(*v) == *i,
        (Answer::Scale(v), Scalar::Str(t)) => t.trim().parse::<i64>() == Ok(i64::from(*v)),
        (Answer::YesNo(b), Scalar::Bool(c)) => b == c,
        (Answer::YesNo(b), Scalar::Str(t)) => yes_no_text(t) == Some(*b),
        (Answer::Choice(c), Scalar::Str(t)) => c == t,
        (Answer::Other(_), Scalar::Str(t)) => t == "other",
        (Answer::Choices(c), Scalar::Str(t)) => {
            c.selected.iter().any(|s| s == t) || (t == "other" && c.other.is_some())
        }
        (Answer::Text(x), Scalar::Str(t)) => x.trim().eq_ignore_ascii_case(t.trim()),
        _ => false,
    }
}

/// Reads `yes`/`no` (and `true`/`false`, `ja`/`nee`) as a yes/no value.
pub(crate) fn yes_no_text(t: &str) -> Option<bool> {
    match t.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "ja" => Some(true),
        "no" | "false" | "nee" => Some(false),
        _ => None,
    }
}

fn test_attribute(test: &Test, value: Option<&str>) -> bool {
    let Some(value) = value else {
        return matches!(test, Test::Answered(false));
    };
    let same = |s: &Scalar| s.as_text().trim().to_lowercase() == value.to_lowercase();
    match test {
        Test::Answered(b) => *b,
        Test::Equals(s) => same(s),
        Test::NotEquals(s) => !same(s),
        Test::OneOf(ss) => ss.iter().any(same),
        Test::Includes(id) => value
            .split(['|', ';', ','])
            .any(|part| part.trim().eq_ignore_ascii_case(id.trim())),
        Test::AtLeast(n) => value.parse::<i64>().is_ok_and(|v| v >= *n),
        Test::AtMost(n) => value.parse::<i64>().is_ok_and(|v| v <= *n),
    }
}

/// The ids piped into a text with `{question_id}`, in order of appearance.
pub fn piped_ids(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if super::model::is_valid_id(&after[..end]) => {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// A text in `lang` with every `{question_id}` replaced by how that answer reads.
///
/// An unanswered piped question reads as `…`, so a sentence never shows a raw placeholder.
pub fn piped_text(survey: &Survey, text: &Text, lang: Lang, answers: &Answers) -> String {
    replace_placeholders(text.get(lang), |id, rest| {
        let shown = answers
            .get(id)
            .cloned()
            .or_else(|| matrix_item_answer(answers, id))
            .map(|a| answer_text(survey, id, &a, lang))
            .unwrap_or_else(|| "…".to_string());
        (shown, rest)
    })
}

/// A text in `lang` as it reads for every respondent at once (a results title): each
/// `{question_id}` becomes `…`, since the piped answer differs per person, and a full stop right
/// after it is dropped, as the ellipsis already ends the phrase ("Je gaf een … Wat is …?").
pub fn generic_text(text: &Text, lang: Lang) -> String {
    replace_placeholders(text.get(lang), |_, rest| {
        ("…".to_string(), rest.strip_prefix('.').unwrap_or(rest))
    })
}

/// `source` with every placeholder `{question_id}` (a valid id in braces; other braces stay as
/// written) replaced: `replace` gets the id and the text after the placeholder, and gives what
/// the placeholder reads as and where to go on.
fn replace_placeholders<'s>(
    source: &'s str,
    mut replace: impl FnMut(&str, &'s str) -> (String, &'s str),
) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if super::model::is_valid_id(&after[..end]) => {
                let (shown, next) = replace(&after[..end], &after[end + 1..]);
                out.push_str(&shown);
                rest = next;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// How an answer reads in a sentence: choice labels, scale labels, "Yes"/"Ja", the text itself.
pub fn answer_text(survey: &Survey, question_id: &str, answer: &Answer, lang: Lang) -> String {
    let kind = survey
        .question(question_id)
        .map(|q| &q.kind)
        .or_else(|| survey.matrix_item(question_id).map(|(q, _)| &q.kind));
    let label = |id: &str| -> String {
        kind.and_then(|k| k.choices().iter().find(|c| c.id == id))
            .map_or_else(|| id.to_string(), |c| c.text.get(lang).to_string())
    };
    match answer {
        Answer::Scale(v) => match kind {
            Some(QuestionKind::Agreement { points } | QuestionKind::Matrix { points, .. }) => {
                labels::agreement_label(*points, *v, lang)
                    .map_or_else(|| v.to_string(), str::to_string)
            }
            _ => v.to_string(),
        },
        Answer::YesNo(b) => labels::yes_no(*b, lang).to_string(),
        Answer::Choice(c) => label(c),
        Answer::Other(t) | Answer::Text(t) => t.clone(),
        Answer::Choices(c) => c
            .selected
            .iter()
            .map(|s| label(s))
            .chain(c.other.clone())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Matrix(items) => items
            .values()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Ranking(r) => r.iter().map(|s| label(s)).collect::<Vec<_>>().join(", "),
    }
}
