//! Readiness and stored evaluations: the query, the report with its inputs, the list entries.

use super::query_string;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

pub use crate::readiness::provenance::InputFile;

/// Query of the readiness endpoints and of `POST …/evaluations`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessQuery {
    /// The evaluation date, `YYYY-MM-DD` (`wavegate score --at`; default: today, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<chrono::NaiveDate>,
    /// The language of the report's sentences (default: the request's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

impl ReadinessQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        let at = self.at.map(|d| d.format("%Y-%m-%d").to_string());
        query_string(&[("at", at.as_deref()), ("lang", self.lang.map(Lang::code))])
    }
}

/// `GET …/readiness/evaluation`: the readiness report with what it speaks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The evaluation date.
    pub at: chrono::NaiveDate,
    /// The language of the report's sentences.
    pub lang: Lang,
    /// When the server computed the report (RFC 3339, UTC); a report served again from the
    /// server's cache keeps the time it was computed.
    pub computed_at: String,
    /// The files of the program's data directory it was computed from, in reading order.
    pub inputs: Vec<InputFile>,
    /// The report, as `wavegate score --format json` writes it for the same files.
    pub report: crate::readiness::Report,
}

/// Readiness as a list shows it: the decision's two figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessScore {
    /// From the posterior means, 0–100; `None` when readiness is not a number.
    pub estimate: Option<u32>,
    /// From the pessimistic percentiles (what decisions use), 0–100; `None` likewise.
    pub conservative: Option<u32>,
}

/// `GET …/evaluations`: a stored evaluation without its report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationSummary {
    /// Its id (never reused, also after it was replaced).
    pub id: u64,
    /// The evaluation date; one stored evaluation per program and date.
    pub at: chrono::NaiveDate,
    /// The language of its report.
    pub lang: Lang,
    /// When it was computed and stored (RFC 3339, UTC).
    pub created_at: String,
    /// Who asked for it: an account's e-mail, or `token:<name>`.
    pub created_by: String,
    /// The wave it decided on; `None` when every wave had started.
    pub next_wave: Option<String>,
    /// The decision's kind; `None` without a next wave.
    pub decision: Option<crate::readiness::report::DecisionKind>,
    /// The decision's readiness (its figures `None` when readiness is no number); `None`
    /// without a decision.
    pub readiness: Option<ReadinessScore>,
    /// Everything passed with high confidence: what EXPAND looks for in earlier evaluations.
    pub everything_passes: bool,
    /// The files it was computed from.
    pub inputs: Vec<InputFile>,
}

/// `GET …/evaluations/{evaluation}` and `POST …/evaluations`: a stored evaluation with its report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvaluation {
    /// Everything the list shows.
    #[serde(flatten)]
    pub summary: EvaluationSummary,
    /// The report as it was computed.
    pub report: crate::readiness::Report,
}
