//! What can be wrong with a submitted response, per question, in Dutch and English.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem with a response, tied to a question when it concerns one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseError {
    /// The question (or the question holding the matrix item); `None` for the response as a whole.
    pub question: Option<String>,
    /// What.
    pub problem: ResponseProblem,
}

/// The kinds of response problem; `code` in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ResponseProblem {
    /// The response belongs to another survey.
    WrongSurvey {
        /// The definition's id.
        expected: String,
        /// The response's survey id.
        found: String,
    },
    /// The response answers another version.
    WrongVersion {
        /// The definition's version.
        expected: u32,
        /// The response's version.
        found: u32,
    },
    /// An answer to a question the survey does not have.
    UnknownQuestion,
    /// A required visible question has no answer.
    Required,
    /// An answer to a question that is not shown to this respondent.
    Hidden,
    /// An answer of the wrong kind (e.g. text for a rating).
    WrongType {
        /// The answer kind the question takes.
        expected: String,
        /// The answer kind received.
        found: String,
    },
    /// An answer of no shape any question takes (an unknown key such as `{"kind": …}`, a value
    /// of the wrong JSON type, not an object at all).
    MalformedAnswer {
        /// The answer kind the question takes.
        expected: String,
    },
    /// A number outside the scale.
    OutOfRange {
        /// Lowest allowed.
        min: i32,
        /// Highest allowed.
        max: i32,
        /// Received.
        value: i32,
    },
    /// A choice id the question does not have.
    UnknownChoice {
        /// The id received.
        choice: String,
    },
    /// The same choice twice.
    DuplicateChoice {
        /// The id.
        choice: String,
    },
    /// An "other" answer to a question that does not offer "other".
    OtherNotOffered,
    /// Fewer selections than the question asks for.
    TooFewSelections {
        /// Least selections.
        min: u32,
    },
    /// More selections than allowed.
    TooManySelections {
        /// Most selections.
        max: u32,
    },
    /// An empty answer (blank text, no selection, no matrix item): leave the question out instead.
    Blank,
    /// "Other" chosen with its text left empty.
    OtherBlank,
    /// A text shorter than allowed.
    TooShort {
        /// Least characters.
        min: u32,
    },
    /// A text longer than allowed.
    TooLong {
        /// Most characters.
        max: u32,
    },
    /// A matrix item the question does not have.
    UnknownItem {
        /// The item id received.
        item: String,
    },
    /// A required matrix with an item left unanswered.
    MissingItem {
        /// The item id.
        item: String,
    },
    /// A ranking that does not hold every choice exactly once.
    IncompleteRanking,
}

impl ResponseError {
    /// A problem with the answer to `question`.
    pub fn at(question: &str, problem: ResponseProblem) -> ResponseError {
        ResponseError {
            question: Some(question.to_string()),
            problem,
        }
    }

    /// The machine-readable code (`required`, `out_of_range`, …).
    pub fn code(&self) -> &'static str {
        use ResponseProblem as P;
        match &self.problem {
            P::WrongSurvey { .. } => "wrong_survey",
            P::WrongVersion { .. } => "wrong_version",
            P::UnknownQuestion => "unknown_question",
            P::Required => "required",
            P::Hidden => "hidden",
            P::WrongType { .. } => "wrong_type",
            P::MalformedAnswer { .. } => "malformed_answer",
            P::OutOfRange { .. } => "out_of_range",
            P::UnknownChoice { .. } => "unknown_choice",
            P::DuplicateChoice { .. } => "duplicate_choice",
            P::OtherNotOffered => "other_not_offered",
            P::TooFewSelections { .. } => "too_few_selections",
            P::TooManySelections { .. } => "too_many_selections",
            P::Blank => "blank",
            P::OtherBlank => "other_blank",
            P::TooShort { .. } => "too_short",
            P::TooLong { .. } => "too_long",
            P::UnknownItem { .. } => "unknown_item",
            P::MissingItem { .. } => "missing_item",
            P::IncompleteRanking => "incomplete_ranking",
        }
    }

    /// The problem in words a respondent understands (the app shows it under the question).
    pub fn message(&self, lang: Lang) -> String {
        use ResponseProblem as P;
        let nl = lang == Lang::Nl;
        let pick = |n: String, e: String| if nl { n } else { e };
        match &self.problem {
            P::WrongSurvey { expected, found } => pick(
                format!("dit antwoord hoort bij vragenlijst `{found}`, niet bij `{expected}`"),
                format!("this response belongs to survey `{found}`, not `{expected}`"),
            ),
            P::WrongVersion { expected, found } => pick(
                format!("dit antwoord hoort bij versie {found}, niet bij versie {expected}"),
                format!("this response answers version {found}, not version {expected}"),
            ),
            P::UnknownQuestion => pick(
                "deze vraag staat niet in de vragenlijst".into(),
                "this question is not in the survey".into(),
            ),
            P::Required => pick(
                "Deze vraag is verplicht.".into(),
                "This question is required.".into(),
            ),
            P::Hidden => pick(
                "Deze vraag is niet van toepassing op basis van je eerdere antwoorden.".into(),
                "This question doesn't apply, given your earlier answers.".into(),
            ),
            P::WrongType { expected, found } => pick(
                format!("verwacht een antwoord van het soort `{expected}`, kreeg `{found}`"),
                format!("expected an answer of kind `{expected}`, got `{found}`"),
            ),
            P::MalformedAnswer { expected } => pick(
                format!(
                    "dit antwoord heeft een vorm die deze vraag niet aanneemt; verwacht een antwoord van het soort `{expected}`"
                ),
                format!(
                    "this answer has a form this question does not take; expected an answer of kind `{expected}`"
                ),
            ),
            P::OutOfRange { min, max, value } => pick(
                format!("Kies een waarde van {min} tot en met {max} ({value} kan niet)."),
                format!("Choose a value from {min} to {max} ({value} isn't possible)."),
            ),
            P::UnknownChoice { choice } => pick(
                format!("`{choice}` is geen keuzemogelijkheid bij deze vraag."),
                format!("`{choice}` is not an option for this question."),
            ),
            P::DuplicateChoice { choice } => pick(
                format!("`{choice}` is meer dan eens gekozen."),
                format!("`{choice}` was chosen more than once."),
            ),
            P::OtherNotOffered => pick(
                "Bij deze vraag kun je geen eigen antwoord invullen.".into(),
                "This question doesn't take an answer of your own.".into(),
            ),
            P::TooFewSelections { min } => pick(
                format!("Kies er minstens {min}."),
                format!("Choose at least {min}."),
            ),
            P::TooManySelections { max } => pick(
                format!(
                    "Je hebt er te veel gekozen: vink er uit tot er hoogstens {max} over zijn."
                ),
                format!("You've chosen too many: untick some until at most {max} are left."),
            ),
            P::Blank => pick(
                "Dit antwoord is leeg; vul iets in of sla de vraag over.".into(),
                "This answer is empty; fill something in or skip the question.".into(),
            ),
            P::OtherBlank => pick(
                "Je koos ‘Anders’: vul in wat je bedoelt, of kies een ander antwoord.".into(),
                "You chose ‘Other’: please specify, or choose another answer.".into(),
            ),
            P::TooShort { min } => pick(
                format!("Gebruik minstens {min} tekens."),
                format!("Use at least {min} characters."),
            ),
            P::TooLong { max } => pick(
                format!("Gebruik hoogstens {max} tekens."),
                format!("Use at most {max} characters."),
            ),
            P::UnknownItem { item } => pick(
                format!("`{item}` is geen onderdeel van deze vraag."),
                format!("`{item}` is not part of this question."),
            ),
            P::MissingItem { .. } => pick(
                "Beantwoord elke uitspraak.".into(),
                "Please answer every statement.".into(),
            ),
            P::IncompleteRanking => pick(
                "Zet elke keuze precies één keer op volgorde.".into(),
                "Put every option in order exactly once.".into(),
            ),
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.question {
            Some(q) => write!(f, "{q}: {}", self.message(Lang::En)),
            None => f.write_str(&self.message(Lang::En)),
        }
    }
}

impl std::error::Error for ResponseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_many_ticked_says_what_is_wrong_not_the_questions_hint_again() {
        let e = ResponseError::at("q", ResponseProblem::TooManySelections { max: 2 });
        // The app shows "Kies er hoogstens 2" under the question already.
        assert_eq!(
            e.message(Lang::Nl),
            "Je hebt er te veel gekozen: vink er uit tot er hoogstens 2 over zijn."
        );
        assert_eq!(
            e.message(Lang::En),
            "You've chosen too many: untick some until at most 2 are left."
        );
    }
}
