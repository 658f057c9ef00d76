//! What can be wrong with a survey definition, at its JSON path, in Dutch and English.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem in a survey definition, at a JSON path such as `pages[0].questions[2].required`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinitionError {
    /// Where: a JSON path (`pages[1].questions[0].show_if.question`); empty for the whole file.
    pub path: String,
    /// What.
    pub problem: DefinitionProblem,
}

/// The kinds of definition problem; `code` in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DefinitionProblem {
    /// The file is not valid JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        detail: String,
    },
    /// A value has the wrong JSON type or a required key is missing.
    Structure {
        /// The parser's description.
        detail: String,
    },
    /// A required key is missing.
    MissingField {
        /// The key.
        field: String,
    },
    /// A value of the wrong JSON type (e.g. `"points": "five"`).
    InvalidValue {
        /// What the key takes.
        expected: Expected,
    },
    /// A key the format does not know (often a typo).
    UnknownField {
        /// The key as written.
        field: String,
        /// The closest known key, when one is close.
        suggestion: Option<String>,
    },
    /// A question `type` the format does not know.
    UnknownType {
        /// The type as written.
        found: String,
    },
    /// `format` is not `wavegate.survey/1`.
    WrongFormat {
        /// What the file says.
        found: String,
    },
    /// `version` is 0.
    InvalidVersion,
    /// An id with characters other than lowercase letters, digits, `_` and `-`.
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// An id used twice.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// The survey has no pages.
    NoPages,
    /// `languages` lists no language.
    NoLanguages,
    /// A page without questions.
    EmptyPage,
    /// A text lacks one language.
    MissingTranslation {
        /// The missing language.
        lang: Lang,
    },
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
}

/// The kind of JSON value a key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// A string.
    String,
    /// A whole number.
    WholeNumber,
    /// `true` or `false`.
    Bool,
    /// A text object `{"nl": …, "en": …}`.
    Text,
    /// A list.
    List,
    /// An object.
    Object,
    /// A condition object.
    Condition,
    /// A string, number or `true`/`false`.
    Value,
}

impl Expected {
    fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::String, Lang::Nl) => "een tekst tussen aanhalingstekens",
            (Expected::String, Lang::En) => "a string in quotes",
            (Expected::WholeNumber, Lang::Nl) => "een geheel getal",
            (Expected::WholeNumber, Lang::En) => "a whole number",
            (Expected::Bool, Lang::Nl) => "true of false",
            (Expected::Bool, Lang::En) => "true or false",
            (Expected::Text, Lang::Nl) => "een tekst als {\"nl\": \"…\", \"en\": \"…\"}",
            (Expected::Text, Lang::En) => "a text like {\"nl\": \"…\", \"en\": \"…\"}",
            (Expected::List, Lang::Nl) => "een lijst [ … ]",
            (Expected::List, Lang::En) => "a list [ … ]",
            (Expected::Object, Lang::Nl) => "een object { … }",
            (Expected::Object, Lang::En) => "an object { … }",
            (Expected::Condition, Lang::Nl) => "een voorwaarde { … }",
            (Expected::Condition, Lang::En) => "a condition { … }",
            (Expected::Value, Lang::Nl) => "een tekst, getal of true/false",
            (Expected::Value, Lang::En) => "a string, number or true/false",
        }
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

/// How many characters of a value from the definition a problem repeats: a 20 MB id is
/// recognisable from its start, and must not become 20 MB of messages.
const ECHO_CHARS: usize = 64;

fn cut(value: &mut String) {
    if let Some((end, _)) = value.char_indices().nth(ECHO_CHARS) {
        value.truncate(end);
        value.push('…');
    }
}

impl DefinitionProblem {
    /// Cuts every value the problem repeats from the definition to [`ECHO_CHARS`].
    fn cut_echoes(&mut self) {
        use DefinitionProblem as P;
        match self {
            P::MissingField { field } => cut(field),
            P::UnknownField { field, .. } => cut(field),
            P::UnknownType { found } | P::WrongFormat { found } => cut(found),
            P::InvalidId { id }
            | P::ReservedChoiceId { id }
            | P::UnknownQuestion { id }
            | P::NotEarlier { id } => cut(id),
            P::DuplicateId { id, first } => {
                cut(id);
                cut(first);
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
}

impl DefinitionError {
    /// A problem at `path`; values the problem repeats from the definition are cut to 64
    /// characters.
    pub fn new(path: impl Into<String>, mut problem: DefinitionProblem) -> DefinitionError {
        problem.cut_echoes();
        DefinitionError {
            path: path.into(),
            problem,
        }
    }

    /// The machine-readable code (`unknown_field`, `duplicate_id`, …).
    pub fn code(&self) -> &'static str {
        use DefinitionProblem as P;
        match &self.problem {
            P::Syntax { .. } => "syntax",
            P::Structure { .. } => "structure",
            P::MissingField { .. } => "missing_field",
            P::InvalidValue { .. } => "invalid_value",
            P::UnknownField { .. } => "unknown_field",
            P::UnknownType { .. } => "unknown_type",
            P::WrongFormat { .. } => "wrong_format",
            P::InvalidVersion => "invalid_version",
            P::InvalidId { .. } => "invalid_id",
            P::DuplicateId { .. } => "duplicate_id",
            P::NoPages => "no_pages",
            P::NoLanguages => "no_languages",
            P::EmptyPage => "empty_page",
            P::MissingTranslation { .. } => "missing_translation",
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
    pub fn message(&self, lang: Lang) -> String {
        use DefinitionProblem as P;
        let nl = lang == Lang::Nl;
        match &self.problem {
            P::Syntax {
                line,
                column,
                detail,
            } => {
                if nl {
                    format!("geen geldige JSON op regel {line}, kolom {column}: {detail}")
                } else {
                    format!("not valid JSON at line {line}, column {column}: {detail}")
                }
            }
            P::Structure { detail } => {
                if nl {
                    format!("onverwachte waarde: {detail}")
                } else {
                    format!("unexpected value: {detail}")
                }
            }
            P::MissingField { field } => {
                if nl {
                    format!("het verplichte veld `{field}` ontbreekt")
                } else {
                    format!("the required field `{field}` is missing")
                }
            }
            P::InvalidValue { expected } => {
                if nl {
                    format!("verwacht {}", expected.describe(lang))
                } else {
                    format!("expected {}", expected.describe(lang))
                }
            }
            P::UnknownField { field, suggestion } => {
                let hint = match (suggestion, nl) {
                    (Some(s), true) => format!("; bedoelde je `{s}`?"),
                    (Some(s), false) => format!("; did you mean `{s}`?"),
                    (None, _) => String::new(),
                };
                if nl {
                    format!("onbekend veld `{field}`{hint}")
                } else {
                    format!("unknown field `{field}`{hint}")
                }
            }
            P::UnknownType { found } => {
                let types: Vec<&str> = crate::survey::model::QuestionType::ALL
                    .iter()
                    .map(|t| t.name())
                    .collect();
                let types = types.join(", ");
                if nl {
                    format!("onbekend vraagtype `{found}`; verwacht een van: {types}")
                } else {
                    format!("unknown question type `{found}`; expected one of: {types}")
                }
            }
            P::WrongFormat { found } => {
                if nl {
                    format!(
                        "`format` is `{found}`; verwacht `{}`",
                        crate::survey::model::FORMAT
                    )
                } else {
                    format!(
                        "`format` is `{found}`; expected `{}`",
                        crate::survey::model::FORMAT
                    )
                }
            }
            P::InvalidVersion => {
                if nl {
                    "de versie moet 1 of hoger zijn".to_string()
                } else {
                    "the version must be 1 or higher".to_string()
                }
            }
            P::InvalidId { id } => {
                if nl {
                    format!(
                        "ongeldig id `{id}`: gebruik kleine letters, cijfers, `_` en `-`, beginnend met een letter"
                    )
                } else {
                    format!(
                        "invalid id `{id}`: use lowercase letters, digits, `_` and `-`, starting with a letter"
                    )
                }
            }
            P::DuplicateId { id, first } => {
                if nl {
                    format!("id `{id}` wordt al gebruikt bij {first}; ids moeten uniek zijn")
                } else {
                    format!("id `{id}` is already used at {first}; ids must be unique")
                }
            }
            P::NoPages => {
                if nl {
                    "de vragenlijst heeft geen pagina's".to_string()
                } else {
                    "the survey has no pages".to_string()
                }
            }
            P::NoLanguages => {
                if nl {
                    "noem minstens één taal (nl of en)".to_string()
                } else {
                    "name at least one language (nl or en)".to_string()
                }
            }
            P::EmptyPage => {
                if nl {
                    "deze pagina heeft geen vragen".to_string()
                } else {
                    "this page has no questions".to_string()
                }
            }
            P::MissingTranslation { lang: missing } => match (missing, nl) {
                (Lang::Nl, true) => "de Nederlandse tekst ontbreekt".to_string(),
                (Lang::En, true) => "de Engelse tekst ontbreekt".to_string(),
                (Lang::Nl, false) => "the Dutch text is missing".to_string(),
                (Lang::En, false) => "the English text is missing".to_string(),
            },
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

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message(Lang::En))
        } else {
            write!(f, "{}: {}", self.path, self.message(Lang::En))
        }
    }
}

impl std::error::Error for DefinitionError {}

/// Every problem found in a definition, in document order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(transparent)]
pub struct DefinitionErrors(pub Vec<DefinitionError>);

impl fmt::Display for DefinitionErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "the survey definition has {n} problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

impl std::ops::Deref for DefinitionErrors {
    type Target = [DefinitionError];
    fn deref(&self) -> &[DefinitionError] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_id_is_repeated_short() {
        let e = DefinitionError::new(
            "pages[0].id",
            DefinitionProblem::InvalidId {
                id: "P".repeat(1_000_000),
            },
        );
        for lang in Lang::ALL {
            assert!(e.message(lang).len() < 300, "{}", e.message(lang));
        }
        assert!(e.to_string().contains(&format!("`{}…`", "P".repeat(64))));
    }
}
