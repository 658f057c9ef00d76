//! Scoring an attempt: each drawn question right or wrong, per-topic results, the score, the
//! pass against the pass mark, and the feedback to show. Answers to questions that were not
//! drawn are refused.

use super::model::{QuestionKind, Quiz, QuizAnswer, QuizAnswers};
use crate::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The result of one attempt, with the feedback to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizResult {
    /// Per drawn question, in the order asked.
    pub questions: Vec<QuestionResult>,
    /// Per topic asked, in quiz order of first appearance.
    pub topics: Vec<TopicResult>,
    /// Questions answered correctly.
    pub correct: u32,
    /// Questions asked.
    pub asked: u32,
    /// `correct / asked`, 0–1.
    pub score: f64,
    /// Whether the score reaches the pass mark.
    pub passed: bool,
}

impl QuizResult {
    /// The share right in whole percent, rounded as every percentage is
    /// ([`crate::i18n::percent_of`]).
    pub fn percent(&self) -> u32 {
        crate::i18n::percent_of(u64::from(self.correct), u64::from(self.asked)) as u32
    }
}

/// One question's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    /// The question.
    pub id: String,
    /// Its topic.
    pub topic: String,
    /// Whether it was answered at all (an unanswered question counts as wrong).
    pub answered: bool,
    /// Whether the answer was right.
    pub correct: bool,
    /// What to show: the feedback of each option chosen, then of each right option missed; for
    /// true/false the feedback of the answer given; for ordering, right or wrong.
    pub feedback: Vec<Feedback>,
}

/// One piece of feedback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// The option (or `true`/`false`) it belongs to; none for an ordering.
    pub option: Option<String>,
    /// Whether that option is a right one (for an ordering: whether the order was right).
    pub right: bool,
    /// The text.
    pub text: Text,
}

/// How a trainee did on one topic in one attempt.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TopicResult {
    /// The topic.
    pub topic: String,
    /// Questions on it answered correctly.
    pub correct: u32,
    /// Questions on it asked.
    pub asked: u32,
}

impl TopicResult {
    /// The share answered correctly, 0–1.
    pub fn share(&self) -> f64 {
        if self.asked == 0 {
            0.0
        } else {
            f64::from(self.correct) / f64::from(self.asked)
        }
    }
}

/// Why an attempt's answers cannot be scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ScoreError {
    /// An answer to a question the quiz does not have.
    #[error("question `{id}` is not in this quiz")]
    UnknownQuestion {
        /// The question id as sent.
        id: String,
    },
    /// An answer to a question of the quiz that this attempt did not draw.
    #[error("question `{id}` was not drawn for this attempt")]
    NotDrawn {
        /// The question.
        id: String,
    },
    /// An answer of the wrong kind (`{"choice": …}` to an ordering question).
    #[error("question `{id}` takes a {expected} answer")]
    WrongAnswerType {
        /// The question.
        id: String,
        /// The answer key the question takes (`choice`, `choices`, `true_false`, `order`).
        expected: String,
    },
    /// An option or item the question does not have.
    #[error("question `{id}` has no option `{option}`")]
    UnknownOption {
        /// The question.
        id: String,
        /// The option as sent.
        option: String,
    },
    /// The same option or item twice.
    #[error("question `{id}` lists option `{option}` twice")]
    DuplicateOption {
        /// The question.
        id: String,
        /// The option.
        option: String,
    },
    /// An ordering that leaves out items.
    #[error("question `{id}` needs every item in the order")]
    IncompleteOrder {
        /// The question.
        id: String,
    },
}

impl ScoreError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Nl => match self {
                ScoreError::UnknownQuestion { id } => {
                    format!("vraag `{id}` staat niet in deze quiz")
                }
                ScoreError::NotDrawn { id } => {
                    format!("vraag `{id}` hoort niet bij deze poging")
                }
                ScoreError::WrongAnswerType { id, expected } => {
                    format!("vraag `{id}` vraagt een antwoord van het soort {expected}")
                }
                ScoreError::UnknownOption { id, option } => {
                    format!("vraag `{id}` heeft geen optie `{option}`")
                }
                ScoreError::DuplicateOption { id, option } => {
                    format!("vraag `{id}` noemt optie `{option}` twee keer")
                }
                ScoreError::IncompleteOrder { id } => {
                    format!("vraag `{id}` vraagt alle items in een volgorde")
                }
            },
        }
    }
}

/// Scores the answers to the drawn questions. Unanswered drawn questions count as wrong; an
/// answer to anything not drawn, or malformed, is refused.
pub fn score(
    quiz: &Quiz,
    drawn: &[String],
    answers: &QuizAnswers,
) -> Result<QuizResult, ScoreError> {
    let drawn_set: BTreeSet<&str> = drawn.iter().map(String::as_str).collect();
    for id in answers.keys() {
        if !quiz.questions.iter().any(|q| &q.id == id) {
            return Err(ScoreError::UnknownQuestion { id: id.clone() });
        }
        if !drawn_set.contains(id.as_str()) {
            return Err(ScoreError::NotDrawn { id: id.clone() });
        }
    }
    let mut questions = Vec::new();
    for id in drawn {
        let q = quiz
            .questions
            .iter()
            .find(|q| &q.id == id)
            .ok_or_else(|| ScoreError::UnknownQuestion { id: id.clone() })?;
        let (correct, feedback) = judge(&q.id, &q.kind, answers.get(id))?;
        questions.push(QuestionResult {
            id: q.id.clone(),
            topic: q.topic.clone(),
            answered: answers.get(id).is_some_and(QuizAnswer::is_given),
            correct,
            feedback,
        });
    }
    let mut topics: Vec<TopicResult> = Vec::new();
    for r in &questions {
        let i = match topics.iter().position(|t| t.topic == r.topic) {
            Some(i) => i,
            None => {
                topics.push(TopicResult {
                    topic: r.topic.clone(),
                    correct: 0,
                    asked: 0,
                });
                topics.len() - 1
            }
        };
        topics[i].asked += 1;
        topics[i].correct += u32::from(r.correct);
    }
    let asked = questions.len() as u32;
    let correct = questions.iter().filter(|r| r.correct).count() as u32;
    Ok(QuizResult {
        score: if asked == 0 {
            0.0
        } else {
            f64::from(correct) / f64::from(asked)
        },
        passed: passes(quiz.pass_mark, correct, asked),
        questions,
        topics,
        correct,
        asked,
    })
}

/// Whether `correct` of `asked` reaches the pass mark (exactly, without float rounding: 4 of 5
/// passes a mark of 0.8).
pub fn passes(pass_mark: f64, correct: u32, asked: u32) -> bool {
    asked > 0 && f64::from(correct) + 1e-9 >= pass_mark * f64::from(asked)
}

/// The fewest right answers of `asked` that pass (what a trainee who failed is told to aim
/// for): the smallest count [`passes`] accepts.
pub fn needed_to_pass(pass_mark: f64, asked: u32) -> u32 {
    (0..=asked)
        .find(|&c| passes(pass_mark, c, asked))
        .unwrap_or(asked)
}

/// What passing takes, for the trainee: how many of the `asked` questions right and the pass
/// mark as a percentage (75% of 3 questions is all 3, which a percentage alone hides). The
/// one sentence the module's overview (before a full attempt) and a failed attempt's results
/// say it in.
pub fn pass_mark_text(pass_mark: f64, asked: u32, lang: Lang) -> String {
    let needed = needed_to_pass(pass_mark, asked);
    let percent = crate::i18n::percent(pass_mark);
    match lang {
        Lang::Nl => format!(
            "Om te slagen heb je {needed} van de {asked} vragen goed nodig (minstens {percent}%)."
        ),
        Lang::En => format!(
            "To pass, you need {needed} of the {asked} questions right (at least {percent}%)."
        ),
    }
}

fn wrong_type(id: &str, expected: &str) -> ScoreError {
    ScoreError::WrongAnswerType {
        id: id.to_string(),
        expected: expected.to_string(),
    }
}

/// Whether an answer is right, and the feedback to show.
fn judge(
    id: &str,
    kind: &QuestionKind,
    answer: Option<&QuizAnswer>,
) -> Result<(bool, Vec<Feedback>), ScoreError> {
    match kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            let single = matches!(kind, QuestionKind::SingleChoice { .. });
            let chosen: Vec<&String> = match (answer, single) {
                (None, _) => Vec::new(),
                (Some(QuizAnswer::Choice(c)), true) => vec![c],
                (Some(QuizAnswer::Choices(cs)), false) => cs.iter().collect(),
                (Some(_), true) => return Err(wrong_type(id, "choice")),
                (Some(_), false) => return Err(wrong_type(id, "choices")),
            };
            let mut seen = BTreeSet::new();
            for c in &chosen {
                if !options.iter().any(|o| &o.id == *c) {
                    return Err(ScoreError::UnknownOption {
                        id: id.to_string(),
                        option: (*c).clone(),
                    });
                }
                if !seen.insert(c.as_str()) {
                    return Err(ScoreError::DuplicateOption {
                        id: id.to_string(),
                        option: (*c).clone(),
                    });
                }
            }
            let right: BTreeSet<&str> = options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.id.as_str())
                .collect();
            let correct = !seen.is_empty() && seen == right;
            let mut feedback: Vec<Feedback> = options
                .iter()
                .filter(|o| seen.contains(o.id.as_str()))
                .map(|o| Feedback {
                    option: Some(o.id.clone()),
                    right: o.correct,
                    text: o.feedback.clone(),
                })
                .collect();
            feedback.extend(
                options
                    .iter()
                    .filter(|o| o.correct && !seen.contains(o.id.as_str()))
                    .map(|o| Feedback {
                        option: Some(o.id.clone()),
                        right: true,
                        text: o.feedback.clone(),
                    }),
            );
            Ok((correct, feedback))
        }
        QuestionKind::TrueFalse {
            answer: truth,
            feedback,
        } => {
            let given = match answer {
                None => None,
                Some(QuizAnswer::TrueFalse(b)) => Some(*b),
                Some(_) => return Err(wrong_type(id, "true_false")),
            };
            // Unanswered: show why the right answer is right.
            let shown = given.unwrap_or(*truth);
            let text = if shown {
                &feedback.if_true
            } else {
                &feedback.if_false
            };
            Ok((
                given == Some(*truth),
                vec![Feedback {
                    option: Some(shown.to_string()),
                    right: shown == *truth,
                    text: text.clone(),
                }],
            ))
        }
        QuestionKind::Ordering { items, feedback } => {
            let order: &[String] = match answer {
                None => &[],
                Some(QuizAnswer::Order(o)) => o,
                Some(_) => return Err(wrong_type(id, "order")),
            };
            let mut seen = BTreeSet::new();
            for o in order {
                if !items.iter().any(|i| &i.id == o) {
                    return Err(ScoreError::UnknownOption {
                        id: id.to_string(),
                        option: o.clone(),
                    });
                }
                if !seen.insert(o.as_str()) {
                    return Err(ScoreError::DuplicateOption {
                        id: id.to_string(),
                        option: o.clone(),
                    });
                }
            }
            if answer.is_some() && order.len() != items.len() {
                return Err(ScoreError::IncompleteOrder { id: id.to_string() });
            }
            let correct = answer.is_some() && order.iter().zip(items).all(|(o, i)| *o == i.id);
            let text = if correct {
                &feedback.correct
            } else {
                &feedback.incorrect
            };
            Ok((
                correct,
                vec![Feedback {
                    option: None,
                    right: correct,
                    text: text.clone(),
                }],
            ))
        }
    }
}

impl fmt::Display for TopicResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}/{}", self.topic, self.correct, self.asked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pass_mark_says_how_many_questions_it_takes() {
        assert_eq!(
            pass_mark_text(0.75, 3, Lang::Nl),
            "Om te slagen heb je 3 van de 3 vragen goed nodig (minstens 75%)."
        );
        assert_eq!(
            pass_mark_text(0.75, 8, Lang::En),
            "To pass, you need 6 of the 8 questions right (at least 75%)."
        );
    }

    #[test]
    fn the_count_needed_to_pass_is_the_smallest_that_passes() {
        assert_eq!(needed_to_pass(0.8, 5), 4);
        assert_eq!(needed_to_pass(0.8, 7), 6);
        assert_eq!(needed_to_pass(0.75, 8), 6);
        assert_eq!(needed_to_pass(1.0, 3), 3);
        assert_eq!(needed_to_pass(0.0, 3), 0);
    }

    #[test]
    fn the_percentage_right_is_rounded_half_up() {
        let result = |correct, asked| QuizResult {
            questions: Vec::new(),
            topics: Vec::new(),
            correct,
            asked,
            score: 0.0,
            passed: false,
        };
        assert_eq!(result(2, 7).percent(), 29);
        assert_eq!(result(1, 8).percent(), 13);
        assert_eq!(result(0, 0).percent(), 0);
    }
}
