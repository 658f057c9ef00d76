//! Self-study training: modules of short lessons and a quiz, progress, versions that respect what
//! trainees already learned, certificates, and the records that feed readiness.
//!
//! - [`model`]: the versioned JSON format (`wavegate.module/1`) and quiz answers.
//! - [`validate`]: the module validator (JSON paths, Dutch and English messages, [`errors`]).
//! - [`markdown`]: lesson Markdown to HTML safe to set as inner HTML.
//! - [`targeting`]: which modules a person's roster attributes assign.
//!
//! The format is documented for authors in `docs/module-format.md`.

pub mod errors;
pub mod markdown;
pub mod model;
pub mod targeting;
pub mod validate;

pub use errors::{ModuleError, ModuleErrors, ModuleProblem};
pub use markdown::{Dropped, Rendered, render};
pub use model::{
    AnswerOption, AttemptPolicy, Change, ChangeKind, Completion, FORMAT, Lesson, Module, OrderItem,
    Question, QuestionKind, Quiz, QuizAnswer, QuizAnswers, Targets, Topic,
};
pub use targeting::assigned;
pub use validate::validate_module;
