//! Responses and drafts as they arrive over the wire: each answer stays raw JSON until it is read
//! against the survey, so an answer of a shape no question takes (`{"kind": "nonsense"}`,
//! `{"scale": "high"}`, `7`) is a problem at its question like any other invalid answer, with the
//! question's id and a message in Dutch or English, rather than an unreadable request body.

use super::draft::{Draft, DraftProblem};
use super::errors::{ResponseError, ResponseProblem};
use super::model::{Answer, Answers, Response, Survey};
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Answers as sent: question id → the answer's JSON, not read yet.
pub type RawAnswers = BTreeMap<String, serde_json::Value>;

/// A [`Response`] as it arrives, its answers not read yet.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct IncomingResponse {
    /// See [`Response::id`].
    pub id: String,
    /// See [`Response::survey_id`].
    pub survey_id: String,
    /// See [`Response::survey_version`].
    pub survey_version: u32,
    /// See [`Response::language`].
    #[serde(default)]
    pub language: Lang,
    /// See [`Response::answers`].
    #[serde(default)]
    pub answers: RawAnswers,
}

impl IncomingResponse {
    /// The response, every answer read for `survey` (the version it answers); otherwise one
    /// problem per answer that is no answer at all (see [`read_answers`]).
    pub fn read(self, survey: &Survey) -> Result<Response, Vec<ResponseError>> {
        Ok(Response {
            answers: read_answers(survey, self.answers)?,
            id: self.id,
            survey_id: self.survey_id,
            survey_version: self.survey_version,
            language: self.language,
        })
    }
}

/// A [`Draft`] as it arrives, its answers not read yet.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct IncomingDraft {
    /// See [`Draft::response_id`].
    pub response_id: String,
    /// See [`Draft::survey_version`].
    pub survey_version: u32,
    /// See [`Draft::page`].
    pub page: usize,
    /// See [`Draft::answers`].
    pub answers: RawAnswers,
    /// When the answers last changed on the sending device (see
    /// [`DraftUpload`](super::draft::DraftUpload)); the server keeps it by
    /// [`edit_time`](super::draft::edit_time).
    #[serde(default)]
    pub edited_at: Option<String>,
}

impl IncomingDraft {
    /// The draft, every answer read for `survey` (the version the link opens); otherwise
    /// [`DraftProblem::Answers`] with one problem per answer that is no answer at all.
    pub fn read(self, survey: &Survey) -> Result<Draft, DraftProblem> {
        Ok(Draft {
            answers: read_answers(survey, self.answers).map_err(DraftProblem::Answers)?,
            response_id: self.response_id,
            survey_version: self.survey_version,
            page: self.page,
        })
    }
}

/// Reads each raw answer as an [`Answer`]. One that is none (an unknown key, a value of the wrong
/// JSON type, not an object) is [`ResponseProblem::MalformedAnswer`] at its question, saying the
/// kind the question takes, or [`ResponseProblem::UnknownQuestion`] when `survey` has no such
/// question. Every such answer is reported, in question id order.
pub fn read_answers(survey: &Survey, raw: RawAnswers) -> Result<Answers, Vec<ResponseError>> {
    let mut answers = Answers::new();
    let mut errors = Vec::new();
    for (id, value) in raw {
        match serde_json::from_value::<Answer>(value) {
            Ok(answer) => {
                answers.insert(id, answer);
            }
            Err(_) => {
                let problem = match survey.question(&id) {
                    Some(q) => ResponseProblem::MalformedAnswer {
                        expected: q.kind.question_type().answer_key().to_string(),
                    },
                    None => ResponseProblem::UnknownQuestion,
                };
                errors.push(ResponseError::at(&id, problem));
            }
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::templates;
    use serde_json::json;

    fn pilot() -> Survey {
        templates::builtin("pilot-feedback").expect("built-in survey")
    }

    fn incoming(answers: serde_json::Value) -> IncomingResponse {
        serde_json::from_value(json!({
            "id": "0123456789abcdef",
            "survey_id": "pilot-feedback",
            "survey_version": 1,
            "language": "nl",
            "answers": answers,
        }))
        .expect("the body itself is well formed")
    }

    #[test]
    fn well_formed_answers_read_as_the_typed_response() {
        let r = incoming(json!({ "nps": { "scale": 8 }, "improve": { "text": "meer uitleg" } }))
            .read(&pilot())
            .expect("readable");
        assert_eq!(r.answers["nps"], Answer::Scale(8));
        assert_eq!(r.answers["improve"], Answer::Text("meer uitleg".into()));
        assert_eq!(r.language, Lang::Nl);
        assert_eq!(r.id, "0123456789abcdef");
    }

    #[test]
    fn an_answer_of_no_known_shape_is_a_problem_at_its_question_naming_the_kind_it_takes() {
        let errors = incoming(json!({
            "nps": { "kind": "nonsense" },
            "improve": { "text": "fine" },
            "adkar_awareness": { "scale": "high" },
            "not_a_question": 7,
        }))
        .read(&pilot())
        .expect_err("three answers are unreadable");
        let found: Vec<(Option<&str>, &str)> = errors
            .iter()
            .map(|e| (e.question.as_deref(), e.code()))
            .collect();
        assert_eq!(
            found,
            [
                (Some("adkar_awareness"), "malformed_answer"),
                (Some("not_a_question"), "unknown_question"),
                (Some("nps"), "malformed_answer"),
            ]
        );
        let nps = &errors[2];
        assert!(nps.message(Lang::En).contains("`scale`"), "{nps}");
        assert!(nps.message(Lang::Nl).contains("`scale`"));
        assert_ne!(nps.message(Lang::Nl), nps.message(Lang::En));
    }

    #[test]
    fn a_draft_with_an_unreadable_answer_is_refused_for_its_answers() {
        let draft: IncomingDraft = serde_json::from_value(json!({
            "response_id": "0123456789abcdef",
            "survey_version": 1,
            "page": 0,
            "answers": { "nps": [8] },
        }))
        .expect("the body itself is well formed");
        match draft.read(&pilot()) {
            Err(DraftProblem::Answers(errors)) => {
                assert_eq!(errors.len(), 1);
                assert_eq!(errors[0].question.as_deref(), Some("nps"));
                assert_eq!(errors[0].code(), "malformed_answer");
            }
            other => panic!("expected an answer problem, got {other:?}"),
        }
    }

    #[test]
    fn a_readable_draft_keeps_its_page_and_answers() {
        let draft: IncomingDraft = serde_json::from_value(json!({
            "response_id": "0123456789abcdef",
            "survey_version": 1,
            "page": 1,
            "answers": { "nps": { "scale": 3 } },
        }))
        .expect("well formed");
        let d = draft.read(&pilot()).expect("readable");
        assert_eq!((d.page, d.answers["nps"].clone()), (1, Answer::Scale(3)));
    }
}
