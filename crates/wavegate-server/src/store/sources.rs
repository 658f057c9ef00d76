//! What a program's data directory is made of, read in one transaction so the parts agree: its
//! program.toml, the current file of each kind, every survey's collected responses and the
//! reports of its stored evaluations.

use super::evaluations::{StoredReport, reports};
use super::files::NewImport;
use super::responses::{SurveyResponses, responses};
use super::surveys::survey_version;
use super::{Store, StoreError};
use rusqlite::{OptionalExtension, params};
use std::path::PathBuf;

/// A program's current file of one kind, and where its bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentFile {
    /// The import that made it current.
    pub import: NewImport,
    /// The stored bytes (named by their SHA-256, never changed).
    pub path: PathBuf,
}

/// Everything a program's data directory is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramSources {
    /// Its program.toml, when it has one.
    pub program_toml: Option<String>,
    /// The current file of each kind imported, by kind.
    pub files: Vec<CurrentFile>,
    /// Every survey with at least one response, by survey id: the definition respondents get
    /// now and every response of any version.
    pub surveys: Vec<SurveyResponses>,
    /// Its stored evaluations' reports, oldest date first.
    pub history: Vec<StoredReport>,
}

impl Store {
    /// A program's sources, read in one transaction; `None` for an unknown program.
    pub async fn program_sources(
        &self,
        program_id: &str,
    ) -> Result<Option<ProgramSources>, StoreError> {
        let p = program_id.to_string();
        let dir = self.files.dir.clone();
        self.call(move |c| {
            let tx = c.transaction()?;
            let Some(program_toml) = tx
                .query_row(
                    "SELECT program_toml FROM programs WHERE id = ?1",
                    [&p],
                    |r| r.get::<_, Option<String>>(0),
                )
                .optional()?
            else {
                return Ok(None);
            };
            let mut stmt = tx.prepare(
                "SELECT program_id, kind, file_name, bytes, sha256, rows, imported_by, imported_at
                 FROM imports i WHERE program_id = ?1
                   AND id = (SELECT max(j.id) FROM imports j WHERE j.program_id = i.program_id AND j.kind = i.kind)
                 ORDER BY kind",
            )?;
            let files = stmt
                .query_map([&p], super::files::import_row)?
                .map(|r| {
                    r.map(|import| CurrentFile {
                        path: dir.join(&import.sha256),
                        import,
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            let mut stmt = tx.prepare(
                "SELECT s.survey_id, s.version FROM program_surveys s
                 WHERE s.program_id = ?1
                   AND EXISTS (SELECT 1 FROM responses r WHERE r.program_id = s.program_id AND r.survey_id = s.survey_id)
                 ORDER BY s.survey_id",
            )?;
            let attached = stmt
                .query_map(params![p], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            let mut surveys = Vec::with_capacity(attached.len());
            for (survey_id, version) in attached {
                let definition_json = survey_version(&tx, &survey_id, version)?.ok_or_else(|| {
                    StoreError::Corrupt(format!(
                        "survey {survey_id} of program {p} has no published version {version}"
                    ))
                })?;
                surveys.push(SurveyResponses {
                    definition_json,
                    responses: responses(&tx, &p, &survey_id)?,
                });
            }
            let history = reports(&tx, &p)?;
            Ok(Some(ProgramSources {
                program_toml,
                files,
                surveys,
                history,
            }))
        })
        .await
    }
}
