//! What still needs the respondent's attention on the pages shown: one message per question and,
//! for a matrix, which statements are unanswered. The rules are the core's `validate_response`;
//! this module only arranges its findings for the page.

use std::collections::BTreeMap;
use wavegate_core::i18n::Lang;
use wavegate_core::survey::errors::ResponseProblem;
use wavegate_core::survey::{Attributes, QuestionKind, Response, Survey, validate_response};

/// The problems shown on the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problems {
    /// The message per question id.
    pub questions: BTreeMap<String, String>,
    /// Per matrix question, its unanswered statements in the survey's order.
    pub missing_items: BTreeMap<String, Vec<String>>,
}

impl Problems {
    /// The problems of `response` on the pages `page_ids`, in `lang`.
    pub fn of(
        survey: &Survey,
        response: &Response,
        attributes: &Attributes,
        page_ids: &[String],
        lang: Lang,
    ) -> Problems {
        let found = validate_response(survey, response, attributes)
            .err()
            .unwrap_or_default();
        let mut problems = Problems::default();
        for p in found {
            let Some(qid) = p.question.clone() else {
                continue;
            };
            let Some(question) = survey.question(&qid) else {
                continue;
            };
            if !survey
                .page_of(&qid)
                .is_some_and(|pg| page_ids.contains(&pg.id))
            {
                continue;
            }
            // A required matrix left empty: every statement is missing, each one is marked.
            let missing: Vec<String> = match (&p.problem, &question.kind) {
                (ResponseProblem::MissingItem { item }, _) => vec![item.clone()],
                (ResponseProblem::Required, QuestionKind::Matrix { items, .. }) => {
                    items.iter().map(|i| i.id.clone()).collect()
                }
                _ => Vec::new(),
            };
            if !missing.is_empty() {
                problems
                    .missing_items
                    .entry(qid.clone())
                    .or_default()
                    .extend(missing);
            }
            // The first problem of a question is the one it shows.
            problems
                .questions
                .entry(qid)
                .or_insert_with(|| p.message(lang));
        }
        for (qid, items) in &mut problems.missing_items {
            if let Some(QuestionKind::Matrix { items: order, .. }) =
                survey.question(qid).map(|q| &q.kind)
            {
                items.sort_by_key(|i| order.iter().position(|o| o.id == *i));
                items.dedup();
            }
        }
        problems
    }

    /// True when nothing needs attention.
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// What is left of the problems shown once the answers changed to give `now`: a shown
    /// problem disappears as soon as its answer is valid, and no new one appears before the
    /// respondent asks to go on (a half-typed answer is not an error yet).
    pub fn still_shown(&self, now: Problems) -> Problems {
        let questions = now
            .questions
            .into_iter()
            .filter(|(q, _)| self.questions.contains_key(q))
            .collect();
        let missing_items = now
            .missing_items
            .into_iter()
            .filter_map(|(q, items)| {
                let before = self.missing_items.get(&q)?;
                let left: Vec<String> = items.into_iter().filter(|i| before.contains(i)).collect();
                (!left.is_empty()).then_some((q, left))
            })
            .collect();
        Problems {
            questions,
            missing_items,
        }
    }

    /// Where focus goes: the first question with a problem in the survey's order, and in a
    /// matrix its first unanswered statement.
    pub fn first(&self, survey: &Survey) -> Option<(String, Option<String>)> {
        let q = survey
            .questions()
            .find(|q| self.questions.contains_key(&q.id))?;
        let item = self
            .missing_items
            .get(&q.id)
            .and_then(|items| items.first().cloned());
        Some((q.id.clone(), item))
    }
}
