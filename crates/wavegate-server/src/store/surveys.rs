//! Published survey versions and the surveys attached to programs.

use super::link_keys::LinkKeys;
use super::program_exists;
use super::{Store, StoreError, count};
use rusqlite::{Connection, OptionalExtension, params};

/// A survey attached to a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramSurveyRow {
    /// The program.
    pub program_id: String,
    /// The survey's stable id.
    pub survey_id: String,
    /// The version new respondents get.
    pub version: u32,
    /// Whether responses are stored without a person link.
    pub anonymous: bool,
    /// Responses received, all versions.
    pub responses: u64,
    /// Invitations created.
    pub invitations: u64,
}

impl Store {
    /// What `read` finds about a program's survey, in one transaction; `None` when the survey is
    /// not the program's. `read` gets the link keys, the program id and the survey id.
    pub(super) async fn read_program_survey<R, F>(
        &self,
        program_id: &str,
        survey_id: &str,
        read: F,
    ) -> Result<Option<R>, StoreError>
    where
        F: FnOnce(&Connection, &LinkKeys, &str, &str) -> Result<R, StoreError> + Send + 'static,
        R: Send + 'static,
    {
        let (p, s, keys) = (
            program_id.to_string(),
            survey_id.to_string(),
            self.keys.clone(),
        );
        self.call(move |c| {
            let tx = c.transaction()?;
            if program_survey(&tx, &p, &s)?.is_none() {
                return Ok(None);
            }
            read(&tx, &keys, &p, &s).map(Some)
        })
        .await
    }

    /// One survey of a program, with its counts; `None` when it is not attached.
    pub async fn program_survey(
        &self,
        program_id: &str,
        survey_id: &str,
    ) -> Result<Option<ProgramSurveyRow>, StoreError> {
        let (p, s) = (program_id.to_string(), survey_id.to_string());
        self.call(move |c| program_survey(c, &p, &s)).await
    }

    /// The definition JSON of a published survey version.
    pub async fn survey_version(
        &self,
        survey_id: &str,
        version: u32,
    ) -> Result<Option<String>, StoreError> {
        let s = survey_id.to_string();
        self.call(move |c| survey_version(c, &s, version)).await
    }

    /// The definition of a survey version that `program_id` published (another program's
    /// version of a shared survey id is none of its links' business).
    pub async fn program_survey_version(
        &self,
        program_id: &str,
        survey_id: &str,
        version: u32,
    ) -> Result<Option<String>, StoreError> {
        let (p, s) = (program_id.to_string(), survey_id.to_string());
        self.call(move |c| {
            Ok(c.query_row(
                "SELECT sv.definition FROM program_survey_versions pv
                 JOIN survey_versions sv ON sv.survey_id = pv.survey_id AND sv.version = pv.version
                 WHERE pv.program_id = ?1 AND pv.survey_id = ?2 AND pv.version = ?3",
                params![p, s, version],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }
}

impl Store {
    /// Every published version of a survey (any program), oldest first: `(version, definition)`.
    pub async fn survey_history(&self, survey_id: &str) -> Result<Vec<(u32, String)>, StoreError> {
        let s = survey_id.to_string();
        self.call(move |c| {
            let mut stmt = c.prepare(
                "SELECT version, definition FROM survey_versions WHERE survey_id = ?1 ORDER BY version",
            )?;
            let rows = stmt.query_map([s], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .await
    }

    /// Publishes a survey version (identical content again is a no-op; different content under
    /// a published version is [`StoreError::VersionImmutable`]) and makes it the version the
    /// program's respondents get. `anonymous` applies when the survey is new to the program.
    /// Returns the program's survey row, or `None` for an unknown program.
    pub async fn publish_survey(
        &self,
        program_id: &str,
        survey_id: &str,
        version: u32,
        definition_json: &str,
        anonymous: bool,
        now: &str,
    ) -> Result<Option<ProgramSurveyRow>, StoreError> {
        let (p, s, json, now) = (
            program_id.to_string(),
            survey_id.to_string(),
            definition_json.to_string(),
            now.to_string(),
        );
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            if !program_exists(&tx, &p)? {
                return Ok(None);
            }
            publish_version(&tx, &s, version, &json, &now)?;
            attach(&tx, &p, &s, version, anonymous, &now)?;
            let row = program_survey(&tx, &p, &s)?;
            tx.commit()?;
            Ok(row)
        })
        .await
    }
}

pub(super) fn program_survey(
    c: &Connection,
    program_id: &str,
    survey_id: &str,
) -> Result<Option<ProgramSurveyRow>, StoreError> {
    Ok(c.query_row(
        "SELECT ps.program_id, ps.survey_id, ps.version, ps.anonymous,
                (SELECT count(*) FROM responses r WHERE r.program_id = ps.program_id AND r.survey_id = ps.survey_id),
                (SELECT count(*) FROM invitations i WHERE i.program_id = ps.program_id AND i.survey_id = ps.survey_id)
         FROM program_surveys ps WHERE ps.program_id = ?1 AND ps.survey_id = ?2",
        params![program_id, survey_id],
        |r| {
            Ok(ProgramSurveyRow {
                program_id: r.get(0)?,
                survey_id: r.get(1)?,
                version: r.get(2)?,
                anonymous: r.get(3)?,
                responses: count(r.get(4)?),
                invitations: count(r.get(5)?),
            })
        },
    )
    .optional()?)
}

pub(super) fn survey_version(
    c: &Connection,
    survey_id: &str,
    version: u32,
) -> Result<Option<String>, StoreError> {
    Ok(c.query_row(
        "SELECT definition FROM survey_versions WHERE survey_id = ?1 AND version = ?2",
        params![survey_id, version],
        |r| r.get(0),
    )
    .optional()?)
}

/// Publishes a survey version. Publishing identical content again is a no-op; different
/// content under a published version is refused (published versions are immutable).
pub(super) fn publish_version(
    c: &Connection,
    survey_id: &str,
    version: u32,
    definition_json: &str,
    now: &str,
) -> Result<(), StoreError> {
    match survey_version(c, survey_id, version)? {
        Some(def) if def == definition_json => Ok(()),
        Some(_) => Err(StoreError::VersionImmutable {
            survey_id: survey_id.to_string(),
            version,
        }),
        None => {
            c.execute(
                "INSERT INTO survey_versions (survey_id, version, definition, published_at) VALUES (?1, ?2, ?3, ?4)",
                params![survey_id, version, definition_json, now],
            )?;
            Ok(())
        }
    }
}

/// Attaches a published survey version to a program (or moves it to a newer version).
pub(super) fn attach(
    c: &Connection,
    program_id: &str,
    survey_id: &str,
    version: u32,
    anonymous: bool,
    now: &str,
) -> Result<(), StoreError> {
    c.execute(
        "INSERT INTO program_surveys (program_id, survey_id, version, anonymous, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (program_id, survey_id) DO UPDATE SET version = excluded.version",
        params![program_id, survey_id, version, anonymous, now],
    )?;
    c.execute(
        "INSERT OR IGNORE INTO program_survey_versions (program_id, survey_id, version)
         VALUES (?1, ?2, ?3)",
        params![program_id, survey_id, version],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{NOW, seeded};

    #[tokio::test]
    async fn published_versions_are_immutable() {
        let store = seeded().await;
        store
            .call(|c| publish_version(c, "s", 1, "{}", NOW))
            .await
            .unwrap();
        let err = store
            .call(|c| publish_version(c, "s", 1, "{\"x\":1}", NOW))
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            StoreError::VersionImmutable { version: 1, .. }
        ));
        assert_eq!(
            store.survey_version("s", 1).await.unwrap().as_deref(),
            Some("{}")
        );
    }

    #[tokio::test]
    async fn a_survey_not_attached_to_the_program_is_not_found() {
        let store = seeded().await;
        assert!(store.program_survey("p", "s").await.unwrap().is_some());
        assert!(store.program_survey("p", "other").await.unwrap().is_none());
        assert!(store.program_survey("other", "s").await.unwrap().is_none());
    }
}
