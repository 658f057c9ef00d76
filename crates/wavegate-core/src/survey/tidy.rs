//! A response's free text as it is stored: without the characters that change how a text reads
//! ([`crate::invisible`]), so the planner's results, the exports and the readiness report all
//! show what the respondent could see they typed.

use crate::invisible::without_invisible;
use crate::survey::model::{Answer, Response};

fn tidy(text: &mut String) {
    if let std::borrow::Cow::Owned(kept) = without_invisible(text) {
        *text = kept;
    }
}

impl Response {
    /// This response with every free text (text answers, "other" texts) without invisible
    /// characters; everything else as it was.
    pub fn without_invisible(mut self) -> Response {
        for answer in self.answers.values_mut() {
            match answer {
                Answer::Text(text) | Answer::Other(text) => tidy(text),
                Answer::Choices(c) => {
                    if let Some(text) = &mut c.other {
                        tidy(text);
                    }
                }
                Answer::Scale(_)
                | Answer::YesNo(_)
                | Answer::Choice(_)
                | Answer::Matrix(_)
                | Answer::Ranking(_) => {}
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::survey::model::{Answer, ChoicesAnswer, Response};

    #[test]
    fn free_texts_lose_their_invisible_characters_and_choices_stay() {
        let mut r = Response {
            id: "r-00000001".into(),
            survey_id: "s".into(),
            survey_version: 1,
            language: Default::default(),
            answers: Default::default(),
        };
        r.answers
            .insert("t".into(), Answer::Text("\u{202E}evil\u{202C}\nok".into()));
        r.answers
            .insert("o".into(), Answer::Other("a\u{0}\u{1b}b".into()));
        r.answers.insert(
            "m".into(),
            Answer::Choices(ChoicesAnswer {
                selected: vec!["x\u{200B}".into()],
                other: Some("\u{FEFF}Teams".into()),
            }),
        );
        let r = r.without_invisible();
        assert_eq!(r.answers["t"], Answer::Text("evil\nok".into()));
        assert_eq!(r.answers["o"], Answer::Other("ab".into()));
        assert_eq!(
            r.answers["m"],
            Answer::Choices(ChoicesAnswer {
                selected: vec!["x\u{200B}".into()],
                other: Some("Teams".into()),
            })
        );
    }
}
