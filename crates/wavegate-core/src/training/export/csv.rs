//! `training.csv`: one row per person and module, in the columns `wavegate score` reads
//! (`readiness::import::read_training`), written through `csv_safe`.

use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use crate::training::model::Module;
use crate::training::progress::Progress;
use crate::training::status::Stage;
use crate::training::versions::Lineage;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::io::Write;

/// The columns, in order: those `wavegate score` reads.
pub use crate::readiness::import::TRAINING_COLUMNS as HEADER;

/// One row of `training.csv`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The roster `person_id`.
    pub person_id: String,
    /// The module.
    pub module_id: String,
    /// The version the trainee is judged on.
    pub module_version: u32,
    /// Assigned, started or done (`completed` in the file).
    pub status: Stage,
    /// Attempts in the latest version that has any (so a pass carried over an editorial change
    /// keeps its attempt count, and a retake after a substantive one starts again at 1).
    pub attempts: u32,
    /// The latest attempt's score, 0–1.
    pub score: Option<f64>,
    /// Whether the quiz of this version is passed; none before any attempt.
    pub passed: Option<bool>,
    /// When the module was done.
    pub completed_at: Option<DateTime<Utc>>,
    /// Per topic of this version's quiz, the share correct in the first attempt that asked
    /// about its current content.
    pub topics: Vec<(String, f64)>,
}

impl Record {
    /// The row of one person's progress on `module` (described by `lineage`).
    pub fn of(person_id: &str, progress: &Progress, module: &Module, lineage: &Lineage) -> Record {
        let status = progress.status(module, lineage);
        let latest_version = progress.attempts.values().map(|a| a.version).max();
        let attempts = latest_version.map_or(0, |v| progress.attempts_in(v).count() as u32);
        // Per topic, how the trainee first did on its current content: the first attempt
        // since the topic's last substantive change. Later attempts of the same person are
        // practice on questions they have seen; the first shows what the lessons taught.
        let mut by_time: Vec<_> = progress.attempts.values().collect();
        by_time.sort_by_key(|a| (a.submitted_at, a.number));
        let asked = module.quiz_topics();
        let topics = module
            .topics
            .iter()
            .filter(|t| asked.contains(&t.id))
            .filter_map(|t| {
                let since = lineage.topics.get(&t.id).copied().unwrap_or(module.version);
                by_time
                    .iter()
                    .filter(|a| (since..=module.version).contains(&a.version))
                    .find_map(|a| a.topics.iter().find(|r| r.topic == t.id))
                    .map(|r| (t.id.clone(), r.share()))
            })
            .collect();
        Record {
            person_id: person_id.to_string(),
            module_id: module.id.clone(),
            module_version: module.version,
            status: status.stage,
            attempts,
            score: status.last_score,
            passed: (!progress.attempts.is_empty()).then_some(status.passed_at.is_some()),
            completed_at: status.done_at,
            topics,
        }
    }
}

/// A share with at most four decimals and no trailing zeros (`0.75`, `1`, `0.6667`).
fn share(x: f64) -> String {
    let s = format!("{:.4}", x.clamp(0.0, 1.0));
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Writes `training.csv`.
pub fn write_training_csv<W: Write>(
    records: &[Record],
    out: W,
    options: CsvOptions,
) -> std::io::Result<W> {
    let mut w = SafeCsvWriter::new(out, options)?;
    w.row(HEADER)?;
    for r in records {
        let topics = r
            .topics
            .iter()
            .map(|(t, x)| format!("{t}={}", share(*x)))
            .collect::<Vec<_>>()
            .join(";");
        w.row([
            r.person_id.clone(),
            r.module_id.clone(),
            r.module_version.to_string(),
            r.status.csv().to_string(),
            r.attempts.to_string(),
            r.score.map(share).unwrap_or_default(),
            r.passed.map(|p| p.to_string()).unwrap_or_default(),
            r.completed_at
                .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                .unwrap_or_default(),
            topics,
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_short_and_plain() {
        assert_eq!(share(0.75), "0.75");
        assert_eq!(share(1.0), "1");
        assert_eq!(share(0.0), "0");
        assert_eq!(share(2.0 / 3.0), "0.6667");
    }
}
