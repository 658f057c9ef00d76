//! Surveys: definitions, question types, conditions, responses, templates, scoring and exports.
//!
//! - [`model`]: the versioned JSON format (`wavegate.survey/1`) and the response wire format.
//! - [`validate`]: the definition validator (JSON paths) and the response validator.
//! - [`logic`]: show-if conditions, visibility and piping, as the app evaluates them live.
//! - [`labels`]: the fixed Dutch and English words (scale labels, yes/no, other).
//! - [`versions`]: immutable published versions, drafts, and the stable-id compatibility rule.
//! - [`draft`]: a respondent's answers so far, and how they carry over to another version.
//! - [`wire`]: responses and drafts as they arrive, each answer read against the survey.
//! - `tidy`: a response's free text as stored, without characters that change how it reads.
//! - [`response_id`]: the idempotency key a client makes once per draft, and its rule.
//! - [`templates`]: the built-in surveys (pilot feedback, SUS, NPS, eNPS, pulses).
//! - [`attributed`]: questions the invitation answers, summarised by its attribute.
//! - [`scoring`]: distributions, medians, top-2 box, SUS, NPS, ADKAR barriers, per segment.
//! - `withhold`: results fewer people answered than the smallest group shown, withheld.
//! - [`export`]: long and wide CSV exports of responses, and reading them back.
//! - [`merge`]: one `responses.csv` from the collected responses and an imported file.
//! - [`surveyjs`]: importing SurveyJS definitions.
//! - [`publishing`]: reading an uploaded survey file up to the validator (server and preview).
//!
//! The format is documented for authors in `docs/survey-format.md`.

pub mod attributed;
mod condition;
mod counts;
pub mod draft;
pub mod errors;
pub mod export;
pub mod imported;
pub mod labels;
pub mod logic;
pub mod merge;
pub mod model;
pub mod publishing;
pub mod response_id;
pub mod sample;
pub mod scoring;
mod summary;
pub mod surveyjs;
pub mod templates;
mod tidy;
pub mod validate;
pub mod versions;
pub mod wire;
mod withhold;

pub use errors::{
    DefinitionError, DefinitionErrors, DefinitionProblem, Expected, MeasureNeed, ResponseError,
    ResponseProblem,
};
pub use export::{
    ExportError, StoredResponse, encode_answers, export_long, export_wide, import_csv, import_long,
    import_wide, in_export_order,
};
pub use logic::{
    Visibility, answer_text, evaluate, generic_text, piped_ids, piped_text, visibility,
    visible_pages, visible_questions,
};
pub use model::is_valid_id;
pub use model::{
    Answer, Answers, Attributes, Choice, ChoicesAnswer, Condition, FORMAT, MatrixItem, Page,
    Question, QuestionKind, QuestionType, Response, Scalar, Survey, Test,
};
pub use scoring::{Summary, SummaryOptions, summarize, summarize_with};
pub use validate::{validate_definition, validate_response};
pub use versions::{SurveyVersions, VersionDiff, VersionError, check_next_version, diff};
