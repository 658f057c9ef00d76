//! What a program's data directory is made of, read in one transaction so the parts agree: its
//! program.toml, the current file of each kind, every survey's collected responses and the
//! reports of its stored evaluations; and a stamp of all that, cheap to read, that changes
//! whenever any of it does.

use super::evaluations::{StoredReport, reports};
use super::files::NewImport;
use super::responses::{SurveyResponses, responses};
use super::surveys::survey_version;
use super::training::{AssignmentRecord, ModuleVersions, assignments, modules, training_stamp};
use super::{Store, StoreError};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::PathBuf;

/// A program's current file of one kind, and where its bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentFile {
    /// The import that made it current.
    pub import: NewImport,
    /// The stored bytes (named by their SHA-256, never changed).
    pub path: PathBuf,
}

/// What a program's data directory depends on, in a form cheap to read and compare: equal
/// stamps mean equal sources. It holds the program.toml, each current import (its row and
/// SHA-256: stored bytes never change), each survey's current version with the count and last
/// row of its responses (responses are only ever added, and published versions never change),
/// the ids of the stored evaluations (never reused), the counts of training facts, module
/// versions and assignments with the last fact (all only ever added), and of the invitation
/// links: how many, the last made, how many revoked and the latest time any was made (a link
/// given anew keeps its row but gets a new time).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourcesStamp {
    program_toml: Option<String>,
    imports: Vec<(i64, String)>,
    surveys: Vec<(String, u32, i64, i64)>,
    evaluations: Vec<i64>,
    training: (i64, i64, i64, i64),
    invitations: (i64, i64, i64, String),
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
    /// Its training modules with every published version.
    pub modules: Vec<ModuleVersions>,
    /// Every training assignment with its progress facts.
    pub assignments: Vec<AssignmentRecord>,
    /// Every invitation link not revoked, oldest first: who was asked to answer.
    pub invitations: Vec<AskedRow>,
    /// Every survey attached to the program with the definition respondents get now, by
    /// survey id (whether its invitations ask readiness questions is read from it).
    pub attached: Vec<(String, String)>,
    /// The stamp of all this, read in the same transaction.
    pub stamp: SourcesStamp,
}

/// An invitation link as `invitations.csv` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AskedRow {
    /// The survey.
    pub survey_id: String,
    /// The invited person; `None` for an anonymous link.
    pub person_id: Option<String>,
    /// The segment an anonymous link carries (JSON object).
    pub attributes_json: String,
    /// When the link was made (RFC 3339).
    pub created_at: String,
}

/// The stamp of a program's sources, inside the caller's transaction; `None` for an unknown
/// program.
fn stamp(c: &Connection, program_id: &str) -> Result<Option<SourcesStamp>, StoreError> {
    let Some(program_toml) = c
        .query_row(
            "SELECT program_toml FROM programs WHERE id = ?1",
            [program_id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = c.prepare(
        "SELECT i.id, i.sha256 FROM imports i WHERE i.program_id = ?1
           AND i.id = (SELECT max(j.id) FROM imports j WHERE j.program_id = i.program_id AND j.kind = i.kind)
         ORDER BY i.id",
    )?;
    let imports = stmt
        .query_map([program_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    drop(stmt);
    let mut stmt = c.prepare(
        "SELECT s.survey_id, s.version, count(r.rowid), coalesce(max(r.rowid), 0)
         FROM program_surveys s
         LEFT JOIN responses r ON r.program_id = s.program_id AND r.survey_id = s.survey_id
         WHERE s.program_id = ?1 GROUP BY s.survey_id, s.version ORDER BY s.survey_id",
    )?;
    let surveys = stmt
        .query_map([program_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    drop(stmt);
    let mut stmt = c.prepare("SELECT id FROM evaluations WHERE program_id = ?1 ORDER BY id")?;
    let evaluations = stmt
        .query_map([program_id], |r| r.get(0))?
        .collect::<Result<Vec<_>, _>>()?;
    drop(stmt);
    let invitations = c.query_row(
        "SELECT count(*), coalesce(max(rowid), 0), count(revoked_at), coalesce(max(created_at), '')
         FROM invitations WHERE program_id = ?1",
        [program_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    Ok(Some(SourcesStamp {
        program_toml,
        imports,
        surveys,
        evaluations,
        training: training_stamp(c, program_id)?,
        invitations,
    }))
}

impl Store {
    /// A program's sources, read in one transaction; `None` for an unknown program.
    pub async fn program_sources(
        &self,
        program_id: &str,
    ) -> Result<Option<ProgramSources>, StoreError> {
        let p = program_id.to_string();
        let (dir, keys) = (self.files.dir.clone(), self.keys.clone());
        self.call(move |c| {
            let tx = c.transaction()?;
            let Some(stamp) = stamp(&tx, &p)? else {
                return Ok(None);
            };
            let program_toml = stamp.program_toml.clone();
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
            let modules = modules(&tx, &p, None)?;
            let assignments = assignments(&tx, &keys, &p, None, None)?;
            let mut stmt = tx.prepare(
                "SELECT survey_id, person_id, attributes, created_at FROM invitations
                 WHERE program_id = ?1 AND revoked_at IS NULL ORDER BY created_at, rowid",
            )?;
            let invitations = stmt
                .query_map([&p], |r| {
                    Ok(AskedRow {
                        survey_id: r.get(0)?,
                        person_id: r.get(1)?,
                        attributes_json: r.get(2)?,
                        created_at: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            let mut stmt = tx.prepare(
                "SELECT survey_id, version FROM program_surveys WHERE program_id = ?1 ORDER BY survey_id",
            )?;
            let versions = stmt
                .query_map([&p], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            let mut attached = Vec::with_capacity(versions.len());
            for (survey_id, version) in versions {
                if let Some(definition) = survey_version(&tx, &survey_id, version)? {
                    attached.push((survey_id, definition));
                }
            }
            Ok(Some(ProgramSources {
                program_toml,
                files,
                surveys,
                history,
                modules,
                assignments,
                invitations,
                attached,
                stamp,
            }))
        })
        .await
    }

    /// The stamp of a program's sources alone; `None` for an unknown program.
    pub async fn sources_stamp(
        &self,
        program_id: &str,
    ) -> Result<Option<SourcesStamp>, StoreError> {
        let p = program_id.to_string();
        self.call(move |c| {
            let tx = c.transaction()?;
            stamp(&tx, &p)
        })
        .await
    }
}
