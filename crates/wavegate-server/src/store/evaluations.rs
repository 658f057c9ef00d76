//! Stored readiness evaluations: one per program and evaluation date (a second one at the same
//! date replaces the first, unless it is the same), listed for the history (with each
//! segment's readiness when asked), read back whole; their reports are EXPAND's history.

use super::program_exists;
use super::{Store, StoreError, count};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use wavegate_core::api::SegmentReadiness;

/// What the list of evaluations shows of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvaluationFields {
    /// The program.
    pub program_id: String,
    /// The evaluation date, `YYYY-MM-DD`.
    pub at: String,
    /// The report's language.
    pub lang: String,
    /// When it was computed and stored.
    pub created_at: String,
    /// Who asked for it.
    pub created_by: String,
    /// The wave it decided on.
    pub next_wave: Option<String>,
    /// The decision's kind (its snake_case code).
    pub decision: Option<String>,
    /// Readiness from the posterior means.
    pub readiness_estimate: Option<u32>,
    /// Readiness from the pessimistic percentiles.
    pub readiness_conservative: Option<u32>,
    /// Everything passed with high confidence.
    pub everything_passes: bool,
    /// The input files (JSON list of name, SHA-256 and size).
    pub inputs_json: String,
}

/// An evaluation to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEvaluation {
    /// What the list shows.
    pub fields: EvaluationFields,
    /// The report's segments with their readiness (JSON of the core's `SegmentReadiness::of`),
    /// what the list shows when asked for segments.
    pub segments_json: String,
    /// The report, exactly as `wavegate score --format json` prints it.
    pub report_json: String,
}

/// A stored evaluation as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvaluationRow {
    /// Its id.
    pub id: u64,
    /// What the list shows.
    pub fields: EvaluationFields,
}

/// A stored evaluation as listed with its segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvaluationWithSegments {
    /// What the list shows.
    pub row: EvaluationRow,
    /// Its segments' readiness (JSON list); `None` only when its report did not read as a
    /// report when the column was filled in.
    pub segments_json: Option<String>,
}

/// A stored evaluation's date and report, for EXPAND and for exports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredReport {
    /// The evaluation date, `YYYY-MM-DD`.
    pub at: String,
    /// The report JSON.
    pub report_json: String,
}

/// What storing an evaluation did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredOutcome {
    /// Stored now; `replaced` is the id of the evaluation at the same date it took the place of.
    Stored {
        /// The new row.
        row: EvaluationRow,
        /// The earlier evaluation at that date, now gone.
        replaced: Option<u64>,
    },
    /// The evaluation at that date has the same report and inputs: nothing changed.
    Unchanged(EvaluationRow),
}

const FIELDS: &str = "id, program_id, at, lang, created_at, created_by, next_wave, decision,
    readiness_estimate, readiness_conservative, everything_passes, inputs";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EvaluationRow> {
    let id: i64 = r.get(0)?;
    Ok(EvaluationRow {
        id: count(id),
        fields: EvaluationFields {
            program_id: r.get(1)?,
            at: r.get(2)?,
            lang: r.get(3)?,
            created_at: r.get(4)?,
            created_by: r.get(5)?,
            next_wave: r.get(6)?,
            decision: r.get(7)?,
            readiness_estimate: r.get(8)?,
            readiness_conservative: r.get(9)?,
            everything_passes: r.get(10)?,
            inputs_json: r.get(11)?,
        },
    })
}

impl Store {
    /// Stores an evaluation as the program's one for its date, in one transaction; `None` for
    /// an unknown program. The same report and inputs again change nothing (a retried request,
    /// or a second look at unchanged data); anything else replaces the earlier evaluation.
    pub async fn store_evaluation(
        &self,
        new: NewEvaluation,
    ) -> Result<Option<StoredOutcome>, StoreError> {
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let f = &new.fields;
            if !program_exists(&tx, &f.program_id)? {
                return Ok(None);
            }
            let existing: Option<(EvaluationRow, String)> = tx
                .query_row(
                    &format!(
                        "SELECT {FIELDS}, report FROM evaluations WHERE program_id = ?1 AND at = ?2"
                    ),
                    params![f.program_id, f.at],
                    |r| Ok((row(r)?, r.get(12)?)),
                )
                .optional()?;
            if let Some((old, report)) = &existing
                && *report == new.report_json
                && old.fields.inputs_json == f.inputs_json
            {
                return Ok(Some(StoredOutcome::Unchanged(old.clone())));
            }
            let replaced = existing.map(|(old, _)| old.id);
            if let Some(id) = replaced {
                tx.execute(
                    "DELETE FROM evaluations WHERE id = ?1",
                    [i64::try_from(id).unwrap_or(i64::MAX)],
                )?;
            }
            tx.execute(
                "INSERT INTO evaluations (program_id, at, lang, created_at, created_by, next_wave,
                    decision, readiness_estimate, readiness_conservative, everything_passes,
                    inputs, report, segments)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    f.program_id,
                    f.at,
                    f.lang,
                    f.created_at,
                    f.created_by,
                    f.next_wave,
                    f.decision,
                    f.readiness_estimate,
                    f.readiness_conservative,
                    f.everything_passes,
                    f.inputs_json,
                    new.report_json,
                    new.segments_json
                ],
            )?;
            let id = count(tx.last_insert_rowid());
            tx.commit()?;
            Ok(Some(StoredOutcome::Stored {
                row: EvaluationRow {
                    id,
                    fields: new.fields,
                },
                replaced,
            }))
        })
        .await
    }

    /// A program's evaluations, latest date first; `None` for an unknown program.
    pub async fn evaluations(
        &self,
        program_id: &str,
    ) -> Result<Option<Vec<EvaluationRow>>, StoreError> {
        self.listed(program_id, FIELDS.to_string(), row).await
    }

    /// A program's evaluations with each one's segments, latest date first; `None` for an
    /// unknown program. No report is read.
    pub async fn evaluations_with_segments(
        &self,
        program_id: &str,
    ) -> Result<Option<Vec<EvaluationWithSegments>>, StoreError> {
        self.listed(program_id, format!("{FIELDS}, segments"), |r| {
            Ok(EvaluationWithSegments {
                row: row(r)?,
                segments_json: r.get(12)?,
            })
        })
        .await
    }

    /// A program's evaluations as `read` takes them from `columns`, latest date first; `None`
    /// for an unknown program.
    async fn listed<T: Send + 'static>(
        &self,
        program_id: &str,
        columns: String,
        read: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<Vec<T>>, StoreError> {
        let p = program_id.to_string();
        self.call(move |c| {
            let tx = c.transaction()?;
            if !program_exists(&tx, &p)? {
                return Ok(None);
            }
            let mut stmt = tx.prepare(&format!(
                "SELECT {columns} FROM evaluations WHERE program_id = ?1 ORDER BY at DESC"
            ))?;
            let rows = stmt.query_map([&p], read)?.collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            Ok(Some(rows))
        })
        .await
    }

    /// One evaluation of a program with its report; `None` when the program has none by that id.
    pub async fn evaluation(
        &self,
        program_id: &str,
        id: u64,
    ) -> Result<Option<(EvaluationRow, String)>, StoreError> {
        let p = program_id.to_string();
        let id = i64::try_from(id).unwrap_or(i64::MAX);
        self.call(move |c| {
            Ok(c.query_row(
                &format!(
                    "SELECT {FIELDS}, report FROM evaluations WHERE program_id = ?1 AND id = ?2"
                ),
                params![p, id],
                |r| Ok((row(r)?, r.get(12)?)),
            )
            .optional()?)
        })
        .await
    }
}

/// A program's stored reports, oldest date first (inside the caller's transaction).
pub(super) fn reports(c: &Connection, program_id: &str) -> Result<Vec<StoredReport>, StoreError> {
    let mut stmt =
        c.prepare("SELECT at, report FROM evaluations WHERE program_id = ?1 ORDER BY at")?;
    let rows = stmt.query_map([program_id], |r| {
        Ok(StoredReport {
            at: r.get(0)?,
            report_json: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Fills in the segments of evaluations stored before they were kept (schema migration 12),
/// from each one's report by the core's reading of it. A report that does not read as one
/// keeps none, and the list shows it without segments.
pub(super) fn backfill_segments(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let mut stmt = tx.prepare("SELECT id, report FROM evaluations WHERE segments IS NULL")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    drop(stmt);
    for (id, report) in rows {
        match SegmentReadiness::from_report_json(&report) {
            Ok(segments) => {
                let json = serde_json::to_string(&segments)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                tx.execute(
                    "UPDATE evaluations SET segments = ?1 WHERE id = ?2",
                    params![json, id],
                )?;
            }
            Err(e) => tracing::warn!(id, %e, "stored evaluation without segments"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{NOW, seeded};

    fn evaluation(at: &str, report: &str) -> NewEvaluation {
        NewEvaluation {
            fields: EvaluationFields {
                program_id: "p".into(),
                at: at.into(),
                lang: "en".into(),
                created_at: NOW.into(),
                created_by: "ann@example.org".into(),
                next_wave: Some("wave-1".into()),
                decision: Some("proceed".into()),
                readiness_estimate: Some(90),
                readiness_conservative: Some(80),
                everything_passes: true,
                inputs_json: "[]".into(),
            },
            segments_json: "[]".into(),
            report_json: report.into(),
        }
    }

    #[tokio::test]
    async fn one_evaluation_per_date_the_same_again_changes_nothing_another_replaces_it() {
        let store = seeded().await;
        let first = store
            .store_evaluation(evaluation("2027-02-01", "{1}"))
            .await
            .unwrap()
            .unwrap();
        let StoredOutcome::Stored {
            row,
            replaced: None,
        } = first
        else {
            panic!("{first:?}")
        };
        let again = store
            .store_evaluation(evaluation("2027-02-01", "{1}"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(again, StoredOutcome::Unchanged(row.clone()));
        let other = store
            .store_evaluation(evaluation("2027-02-01", "{2}"))
            .await
            .unwrap()
            .unwrap();
        let StoredOutcome::Stored {
            row: newer,
            replaced,
        } = other
        else {
            panic!("{other:?}")
        };
        assert_eq!(replaced, Some(row.id));
        assert!(newer.id > row.id, "ids are never reused");
        assert_eq!(store.evaluation("p", row.id).await.unwrap(), None);
        store
            .store_evaluation(evaluation("2027-02-08", "{3}"))
            .await
            .unwrap();
        let listed: Vec<String> = store
            .evaluations("p")
            .await
            .unwrap()
            .unwrap()
            .into_iter()
            .map(|r| r.fields.at)
            .collect();
        assert_eq!(listed, vec!["2027-02-08", "2027-02-01"]);
        let (_, report) = store.evaluation("p", newer.id).await.unwrap().unwrap();
        assert_eq!(report, "{2}");
        assert_eq!(store.evaluations("nope").await.unwrap(), None);
        let mut unknown = evaluation("2027-02-01", "{}");
        unknown.fields.program_id = "nope".into();
        assert_eq!(store.store_evaluation(unknown).await.unwrap(), None);
    }
}
