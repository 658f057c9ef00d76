//! A respondent's draft: the answers so far, and how they carry over to another survey version.

use super::model::{Answers, Survey};
use serde::{Deserialize, Serialize};

/// Work in progress on one invitation, as the app keeps it on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The response id, fixed when the draft starts so every resend is the same submission.
    pub response_id: String,
    /// The survey version being answered.
    pub survey_version: u32,
    /// The index of the shown page the respondent is on.
    pub page: usize,
    /// Answers so far.
    pub answers: Answers,
}

impl Draft {
    /// An empty draft of `survey`, under a response id made by the caller.
    pub fn new(response_id: String, survey: &Survey) -> Draft {
        Draft {
            response_id,
            survey_version: survey.version,
            page: 0,
            answers: Answers::new(),
        }
    }

    /// The draft as it continues on `survey`, the version the link now opens. The same version
    /// keeps everything. Another version keeps the answers to questions it still has (stable ids
    /// keep their meaning across versions) and starts again at the first page, since pages may
    /// have moved; the response id stays, so a resend is still recognised.
    pub fn carried_to(mut self, survey: &Survey) -> Draft {
        if self.survey_version != survey.version {
            self.survey_version = survey.version;
            self.answers.retain(|id, _| survey.question(id).is_some());
            self.page = 0;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;
    use crate::survey::{Answer, Page, Question, QuestionKind};

    fn survey(version: u32, question_ids: &[&str]) -> Survey {
        let questions = question_ids
            .iter()
            .map(|id| Question::new(id, Text::new("Vraag", "Question"), QuestionKind::YesNo))
            .collect();
        let mut s =
            Survey::new("s", Text::new("Test", "Test")).with_page(Page::new("p1", questions));
        s.version = version;
        s
    }

    fn draft_on(survey: &Survey, answered: &[&str], page: usize) -> Draft {
        let mut d = Draft::new("r-0123456789".into(), survey);
        d.page = page;
        for id in answered {
            d.answers.insert(id.to_string(), Answer::YesNo(true));
        }
        d
    }

    #[test]
    fn a_draft_of_the_same_version_is_kept_as_it_is() {
        let v1 = survey(1, &["a", "b"]);
        let d = draft_on(&v1, &["a", "b"], 1);
        assert_eq!(d.clone().carried_to(&v1), d);
    }

    #[test]
    fn a_draft_of_another_version_keeps_answers_to_questions_still_asked_from_the_first_page() {
        let v1 = survey(1, &["a", "gone"]);
        let v2 = survey(2, &["a", "new"]);
        let carried = draft_on(&v1, &["a", "gone"], 1).carried_to(&v2);
        assert_eq!(carried.survey_version, 2);
        assert_eq!(carried.page, 0);
        assert_eq!(carried.answers.keys().collect::<Vec<_>>(), vec!["a"]);
        assert_eq!(carried.response_id, "r-0123456789");
    }

    #[test]
    fn a_stored_draft_reads_back_in_the_format_the_app_wrote_before() {
        let json = r#"{"response_id":"abc12345","survey_version":3,"page":2,"answers":{"q":{"yes_no":true}}}"#;
        let d: Draft = serde_json::from_str(json).expect("the stored format");
        assert_eq!((d.survey_version, d.page), (3, 2));
        assert_eq!(serde_json::to_string(&d).expect("serializes"), json);
    }
}
