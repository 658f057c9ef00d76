//! Self-study training: modules of short lessons and a quiz, progress, versions that respect what
//! trainees already learned, certificates, and the records that feed readiness.
//!
//! - [`model`]: the versioned JSON format (`wavegate.module/1`) and quiz answers.
//! - [`validate`]: the module validator (JSON paths, Dutch and English messages, [`errors`]).
//! - [`markdown`]: lesson Markdown to HTML safe to set as inner HTML.
//! - [`targeting`]: which modules a person's roster attributes assign.
//! - [`draw`]: which questions an attempt asks (N of M per topic, seeded, re-derivable).
//! - [`scoring`]: right or wrong, per-topic results, score, pass and feedback.
//! - [`versions`]: immutable published versions, change notes, and each version's [`Lineage`].
//! - [`progress`]: a trainee's facts (views, attempts) and the transitions that add them.
//! - [`restudy`]: what a version asks of a trainee given what they did before.
//! - [`status`]: where a trainee stands (completed, passed, done, attempts left).
//! - [`merge`]: joining two copies of progress made offline.
//! - [`facts`]: progress as stored facts (views, attempts), each once by id, and back.
//! - [`assign`]: a module's trainees among the people of a wave or segment.
//! - [`groups`]: completion and per-topic results per group, small groups suppressed.
//! - [`imported`]: what a `training.csv` from another tool holds, per module.
//! - [`certificate`]: the completion certificate.
//! - [`export`]: `training.csv` for `wavegate score`, and xAPI statements.
//! - [`templates`]: the built-in modules.
//! - [`wire`]: the training API's request and answer bodies.
//!
//! The format is documented for authors in `docs/module-format.md`.

pub mod assign;
pub mod certificate;
pub mod draw;
pub mod errors;
pub mod export;
pub mod facts;
pub mod groups;
pub mod imported;
pub mod markdown;
pub mod merge;
pub mod model;
pub mod progress;
pub mod quiz_changes;
pub mod restudy;
pub mod scoring;
pub mod status;
pub mod targeting;
pub mod templates;
pub mod validate;
pub mod versions;
pub mod wire;

pub use assign::{Trainee, trainees};
pub use certificate::{Certificate, CertificateError, CoveredVersion};
pub use draw::{Seed, draw, draw_topics, full_attempt_size, shown_order};
pub use errors::{ModuleError, ModuleErrors, ModuleProblem};
pub use export::csv::{Record, write_training_csv};
pub use export::joined::{JoinError, join_training_csv};
pub use export::xapi::{
    Actor, AddressError, AddressRole, Statement, XapiOptions, check_address, statements,
};
pub use facts::{Fact, is_valid_fact_id, view_fact_id};
pub use groups::{GroupResult, results_by_group};
pub use markdown::{Dropped, Rendered, render};
pub use model::{
    AnswerOption, AttemptPolicy, Change, ChangeKind, Completion, FORMAT, Lesson, MAX_MINUTES,
    MAX_MODULE_BYTES, MAX_WAIT_MINUTES, Module, OrderItem, Question, QuestionKind, Quiz,
    QuizAnswer, QuizAnswers, Targets, Topic,
};
pub use progress::{
    Attempt, AttemptPlan, DEVICE_TIME_MAX_AGE_DAYS, MAX_ATTEMPTS, Position, Progress,
    ProgressError, Submission, registration_from_bytes, submitted_time,
};
pub use restudy::{Restudy, restudy};
pub use scoring::{
    Feedback, QuestionResult, QuizResult, ScoreError, TopicResult, needed_to_pass, pass_mark_text,
    score,
};
pub use status::{LessonState, Stage, Status};
pub use targeting::assigned;
pub use validate::{validate_definition, validate_module};
pub use versions::{Lineage, ModuleHistory, Published, VersionError, check_next_version};
