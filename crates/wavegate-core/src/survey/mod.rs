//! Surveys: definitions, question types, conditions, responses, templates, scoring and exports.
//!
//! - [`model`]: the versioned JSON format (`wavegate.survey/1`) and the response wire format.
//! - [`validate`]: the definition validator (JSON paths) and the response validator.
//! - [`logic`]: show-if conditions, visibility and piping, as the app evaluates them live.
//! - [`labels`]: the fixed Dutch and English words (scale labels, yes/no, other).
//!
//! The format is documented for authors in `docs/survey-format.md`.

pub mod errors;
pub mod labels;
pub mod logic;
pub mod model;
pub mod validate;

pub use errors::{
    DefinitionError, DefinitionErrors, DefinitionProblem, MeasureNeed, ResponseError,
    ResponseProblem,
};
pub use logic::{
    Visibility, answer_text, evaluate, piped_text, visibility, visible_pages, visible_questions,
};
pub use model::{
    Answer, Answers, Attributes, Choice, ChoicesAnswer, Condition, FORMAT, MatrixItem, Page,
    Question, QuestionKind, Response, Scalar, Survey, Test,
};
pub use validate::{is_valid_id, validate_definition, validate_response};
