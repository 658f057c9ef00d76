//! What can be wrong with a survey definition, at its JSON path, in Dutch and English.

use crate::definition_errors::{CommonProblem, PathError, PathErrors, Problem, cut};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

pub use crate::definition_errors::Expected;

/// A problem in a survey definition, at a JSON path such as `pages[0].questions[2].required`.
pub type DefinitionError = PathError<DefinitionProblem>;

/// Every problem found in a survey definition, in document order.
pub type DefinitionErrors = PathErrors<DefinitionProblem>;

/// The kinds of definition problem; `code` in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DefinitionProblem {
    /// The survey has no pages.
    NoPages,
    /// A page without questions.
    EmptyPage,
    /// A choice or ranking question without choices, or a matrix without items.
    EmptyChoices,
    /// A choice id of `other` on a question that also offers "other".
    ReservedChoiceId {
        /// The id.
        id: String,
    },
    /// An agreement scale or matrix that is not 5- or 7-point.
    InvalidPoints {
        /// The points as written.
        points: u8,
    },
    /// A rating whose `min` is not below `max`, or that spans more than 0–100.
    InvalidRange {
        /// Lowest.
        min: i32,
        /// Highest.
        max: i32,
    },
    /// `min`/`max` selections that cannot be satisfied.
    InvalidSelectionLimits {
        /// Least selections.
        min: Option<u32>,
        /// Most selections.
        max: Option<u32>,
        /// How many can be selected at all (choices plus "other").
        available: u32,
    },
    /// `min_length` above `max_length`, or a `max_length` of 0.
    InvalidLengthLimits {
        /// Least characters.
        min: Option<u32>,
        /// Most characters.
        max: Option<u32>,
    },
    /// A condition or piped text names a question or item that does not exist.
    UnknownQuestion {
        /// The id as written.
        id: String,
    },
    /// A condition or piped text names a question that is not asked before this point.
    NotEarlier {
        /// The id as written.
        id: String,
    },
    /// A condition test that cannot apply to that question's type (e.g. `at_least` on text).
    TestNotApplicable {
        /// The question or item.
        id: String,
        /// The test key (`at_least`, `includes`, …).
        test: String,
        /// The question's type.
        question_type: String,
    },
    /// A condition compares with a choice id the question does not have.
    UnknownChoice {
        /// The question.
        id: String,
        /// The choice as written.
        choice: String,
    },
    /// A condition or test with nothing in it (empty attribute name, empty `one_of`).
    EmptyCondition,
    /// A `measures` tag used on a question that cannot carry it.
    InvalidMeasure {
        /// The tag.
        measures: String,
        /// What it needs (English, for the message).
        needs: MeasureNeed,
    },
    /// A scoring tag that must be unique (`nps`, `sus.3`, `adkar.desire`) used twice.
    DuplicateMeasure {
        /// The tag.
        measures: String,
        /// Where it was first used.
        first: String,
    },
    /// A problem every definition format can have.
    #[serde(untagged)]
    Common(CommonProblem),
}

impl From<CommonProblem> for DefinitionProblem {
    fn from(c: CommonProblem) -> DefinitionProblem {
        DefinitionProblem::Common(c)
    }
}

/// What a scoring tag requires of its question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureNeed {
    /// A tag of lowercase words separated by dots.
    WellFormed,
    /// A 0–10 rating (`nps`, `enps`).
    ZeroToTenRating,
    /// A 5-point agreement question or matrix item (`adkar.*`, `sus.N`).
    FivePointAgreement,
    /// A 5-point matrix with exactly 10 items, or items tagged `sus.1`…`sus.10` (`sus`).
    SusMatrix,
    /// One of the five ADKAR elements.
    AdkarElement,
    /// An item number from 1 to 10 (`sus.N`).
    SusItemNumber,
}

impl Problem for DefinitionProblem {
    const DEFINES: &'static str = "survey";

    /// Cuts every value the problem repeats from the definition to 64 characters: a 20 MB id
    /// is recognisable from its start, and must not become 20 MB of messages.
    fn cut_echoes(&mut self) {
        use DefinitionProblem as P;
        match self {
            P::Common(c) => c.cut_echoes(),
            P::ReservedChoiceId { id } | P::UnknownQuestion { id } | P::NotEarlier { id } => {
                cut(id)
            }
            P::TestNotApplicable { id, test, .. } => {
                cut(id);
                cut(test);
            }
            P::UnknownChoice { id, choice } => {
                cut(id);
                cut(choice);
            }
            P::InvalidMeasure { measures, .. } => cut(measures),
            P::DuplicateMeasure { measures, first } => {
                cut(measures);
                cut(first);
            }
            _ => {}
        }
    }

    fn common(&self) -> Option<&CommonProblem> {
        match self {
            DefinitionProblem::Common(c) => Some(c),
            _ => None,
        }
    }

    /// The machine-readable code (`unknown_field`, `duplicate_id`, …).
    fn code(&self) -> &'static str {
        use DefinitionProblem as P;
        match self {
            P::Common(c) => c.code(),
            P::NoPages => "no_pages",
            P::EmptyPage => "empty_page",
            P::EmptyChoices => "empty_choices",
            P::ReservedChoiceId { .. } => "reserved_choice_id",
            P::InvalidPoints { .. } => "invalid_points",
            P::InvalidRange { .. } => "invalid_range",
            P::InvalidSelectionLimits { .. } => "invalid_selection_limits",
            P::InvalidLengthLimits { .. } => "invalid_length_limits",
            P::UnknownQuestion { .. } => "unknown_question",
            P::NotEarlier { .. } => "not_earlier",
            P::TestNotApplicable { .. } => "test_not_applicable",
            P::UnknownChoice { .. } => "unknown_choice",
            P::EmptyCondition => "empty_condition",
            P::InvalidMeasure { .. } => "invalid_measure",
            P::DuplicateMeasure { .. } => "duplicate_measure",
        }
    }

    /// The problem in words, without the path.
    fn message(&self, lang: Lang) -> String {
        use DefinitionProblem as P;
        let nl = lang == Lang::Nl;
        match self {
            P::Common(c) => {
                let types: Vec<&str> = crate::survey::model::QuestionType::ALL
                    .iter()
                    .map(|t| t.name())
                    .collect();
                c.message(lang, crate::survey::model::FORMAT, &types)
            }
            P::NoPages => {
                if nl {
                    "de vragenlijst heeft geen pagina's".to_string()
                } else {
                    "the survey has no pages".to_string()
                }
            }
            P::EmptyPage => {
                if nl {
                    "deze pagina heeft geen vragen".to_string()
                } else {
                    "this page has no questions".to_string()
                }
            }
            P::EmptyChoices => {
                if nl {
                    "er zijn geen keuzes of items; voeg er minstens één toe".to_string()
                } else {
                    "there are no choices or items; add at least one".to_string()
                }
            }
            P::ReservedChoiceId { id } => {
                if nl {
                    format!(
                        "keuze-id `{id}` is gereserveerd voor het antwoord \"anders\"; kies een ander id"
                    )
                } else {
                    format!(
                        "choice id `{id}` is reserved for the \"other\" answer; pick another id"
                    )
                }
            }
            P::InvalidPoints { points } => {
                if nl {
                    format!("een schaal van {points} punten; verwacht 5 of 7")
                } else {
                    format!("a {points}-point scale; expected 5 or 7")
                }
            }
            P::InvalidRange { min, max } => {
                if nl {
                    format!("bereik {min}–{max}: `min` moet kleiner zijn dan `max`, binnen 0–100")
                } else {
                    format!("range {min}–{max}: `min` must be below `max`, within 0–100")
                }
            }
            P::InvalidSelectionLimits {
                min,
                max,
                available,
            } => {
                let show = |v: &Option<u32>| v.map_or("-".to_string(), |v| v.to_string());
                if nl {
                    format!(
                        "selectiegrenzen min {} / max {} passen niet bij {available} keuzemogelijkheden",
                        show(min),
                        show(max)
                    )
                } else {
                    format!(
                        "selection limits min {} / max {} do not fit {available} options",
                        show(min),
                        show(max)
                    )
                }
            }
            P::InvalidLengthLimits { min, max } => {
                let show = |v: &Option<u32>| v.map_or("-".to_string(), |v| v.to_string());
                if nl {
                    format!(
                        "lengtegrenzen min {} / max {}: max moet minstens 1 zijn en niet kleiner dan min",
                        show(min),
                        show(max)
                    )
                } else {
                    format!(
                        "length limits min {} / max {}: max must be at least 1 and not below min",
                        show(min),
                        show(max)
                    )
                }
            }
            P::UnknownQuestion { id } => {
                if nl {
                    format!("verwijst naar vraag `{id}`, die niet bestaat")
                } else {
                    format!("refers to question `{id}`, which does not exist")
                }
            }
            P::NotEarlier { id } => {
                if nl {
                    format!(
                        "verwijst naar vraag `{id}`, die niet eerder in de vragenlijst staat; alleen eerdere antwoorden kunnen worden gebruikt"
                    )
                } else {
                    format!(
                        "refers to question `{id}`, which does not come earlier in the survey; only earlier answers can be used"
                    )
                }
            }
            P::TestNotApplicable {
                id,
                test,
                question_type,
            } => {
                if nl {
                    format!("`{test}` kan niet worden gebruikt op `{id}` (type {question_type})")
                } else {
                    format!("`{test}` cannot be used on `{id}` (type {question_type})")
                }
            }
            P::UnknownChoice { id, choice } => {
                if nl {
                    format!("vraag `{id}` heeft geen keuze `{choice}`")
                } else {
                    format!("question `{id}` has no choice `{choice}`")
                }
            }
            P::EmptyCondition => {
                if nl {
                    "deze voorwaarde is leeg".to_string()
                } else {
                    "this condition is empty".to_string()
                }
            }
            P::InvalidMeasure { measures, needs } => {
                let need = match (needs, nl) {
                    (MeasureNeed::WellFormed, true) => {
                        "gebruik kleine letters, cijfers en `_`, gescheiden door punten"
                    }
                    (MeasureNeed::WellFormed, false) => {
                        "use lowercase letters, digits and `_`, separated by dots"
                    }
                    (MeasureNeed::ZeroToTenRating, true) => "vereist een waardering van 0 tot 10",
                    (MeasureNeed::ZeroToTenRating, false) => "needs a 0–10 rating",
                    (MeasureNeed::FivePointAgreement, true) => {
                        "vereist een 5-puntsschaal (eens/oneens)"
                    }
                    (MeasureNeed::FivePointAgreement, false) => "needs a 5-point agreement scale",
                    (MeasureNeed::SusMatrix, true) => {
                        "vereist een matrix met 5 punten en precies 10 items"
                    }
                    (MeasureNeed::SusMatrix, false) => {
                        "needs a 5-point matrix with exactly 10 items"
                    }
                    (MeasureNeed::AdkarElement, true) => {
                        "ADKAR kent awareness, desire, knowledge, ability en reinforcement"
                    }
                    (MeasureNeed::AdkarElement, false) => {
                        "ADKAR has awareness, desire, knowledge, ability and reinforcement"
                    }
                    (MeasureNeed::SusItemNumber, true) => "SUS-items lopen van 1 tot 10",
                    (MeasureNeed::SusItemNumber, false) => "SUS items run from 1 to 10",
                };
                if nl {
                    format!("meting `{measures}`: {need}")
                } else {
                    format!("measure `{measures}`: {need}")
                }
            }
            P::DuplicateMeasure { measures, first } => {
                if nl {
                    format!(
                        "meting `{measures}` staat al bij {first}; een score kan maar één bron hebben"
                    )
                } else {
                    format!(
                        "measure `{measures}` is already used at {first}; a score can only have one source"
                    )
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_id_is_repeated_short() {
        let e = DefinitionError::new(
            "pages[0].id",
            CommonProblem::InvalidId {
                id: "P".repeat(1_000_000),
            }
            .into(),
        );
        for lang in Lang::ALL {
            assert!(e.message(lang).len() < 300, "{}", e.message(lang));
        }
        assert!(e.to_string().contains(&format!("`{}…`", "P".repeat(64))));
    }
}
