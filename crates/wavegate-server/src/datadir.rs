//! A program's data directory, built in one place from the store: program.toml, the current
//! file of each kind, `responses.csv` (the imported file and the responses the server collected,
//! the collected ones winning) and `training.csv` (likewise, with the training records it
//! collected) and `invitations.csv` (the links not revoked: who the response rate counts as
//! asked), with the SHA-256 of each. The readiness
//! endpoints evaluate it; `export.zip` and `wavegate export-program` write it out; so the
//! server and `wavegate score` read the same bytes.

use crate::store::{AskedRow, ProgramSources, ResponseRow, SourcesStamp, Store, StoreError};
use crate::threads::Threads;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use wavegate_core::api::{FileKind, InputFile};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::SurveyInvitation;
use wavegate_core::readiness::import::{feeds_readiness, files, write_invitations};
use wavegate_core::readiness::{DataDir, DataSet, Program};
use wavegate_core::survey::merge::{Collected, Imported, MergeError, merge_long};
use wavegate_core::survey::response_id::exported_response_ids;
use wavegate_core::survey::{Attributes, Response, StoredResponse, Survey};
use wavegate_core::tabular::{InputError, guarded_copy};
use wavegate_core::training::{Record, join_training_csv};

/// A program's data directory and what goes with it.
#[derive(Clone, Debug)]
pub struct ProgramData {
    /// The files `wavegate score` reads.
    pub dir: DataDir,
    /// Each file's name, SHA-256 and size, in reading order.
    pub inputs: Vec<InputFile>,
    /// The program's stored evaluations (date, report JSON), oldest first: the history EXPAND
    /// reads, exported as `history/<date>.json` for `wavegate score --history`.
    pub history: Vec<(String, String)>,
    /// The stamp of the sources it was built from: while the store's stamp is the same, so is
    /// this directory.
    pub stamp: SourcesStamp,
    /// The directory parsed, once: an evaluation and the communication plan's reach read the
    /// same data set instead of parsing the files again (half a second at 100,000 people).
    parsed: Parsed,
}

/// A data directory's program and data set, parsed.
pub type Loaded = Arc<(Program, DataSet)>;

/// What parsing a data directory gave, shared by the clones of its `ProgramData`.
#[derive(Clone, Default)]
struct Parsed(Arc<OnceLock<Result<Loaded, InputError>>>);

impl std::fmt::Debug for Parsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.0.get() {
            None => "not yet",
            Some(Ok(_)) => "parsed",
            Some(Err(_)) => "refused",
        };
        f.debug_tuple("Parsed").field(&state).finish()
    }
}

/// Why a program's data directory could not be built.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// No program by that id.
    #[error("program not found")]
    NotFound,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored file or response could not be read back.
    #[error("stored data: {0}")]
    Corrupt(String),
    /// The imported responses and the collected ones could not be merged.
    #[error("{0}")]
    Merge(#[from] MergeError),
}

/// Where the subdirectory of earlier reports goes in an export.
pub const HISTORY_DIR: &str = "history";

/// SHA-256 of bytes, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Builds a program's data directory from what the store holds now.
pub async fn build(store: &Store, program_id: &str) -> Result<ProgramData, DataError> {
    let sources = store
        .program_sources(program_id)
        .await?
        .ok_or(DataError::NotFound)?;
    // Reading, merging and hashing tens of megabytes is blocking work.
    tokio::task::spawn_blocking(move || assemble(sources))
        .await
        .map_err(|e| DataError::Corrupt(format!("building the data directory: {e}")))?
}

fn assemble(sources: ProgramSources) -> Result<ProgramData, DataError> {
    let mut dir = DataDir::default();
    if let Some(toml) = sources.program_toml {
        dir.insert(files::PROGRAM, toml.into_bytes());
    }
    let mut imported_responses = None;
    let mut imported_training = None;
    for file in sources.files {
        let Some(kind) = FileKind::parse(&file.import.kind) else {
            continue;
        };
        let bytes = std::fs::read(&file.path)
            .map_err(|e| DataError::Corrupt(format!("stored file {}: {e}", file.import.sha256)))?;
        match kind {
            FileKind::Responses => imported_responses = Some(bytes),
            FileKind::Training => imported_training = Some(bytes),
            other => {
                dir.insert(other.file_name(), bytes);
            }
        }
    }
    let mut surveys = Vec::with_capacity(sources.surveys.len());
    let mut rows = Vec::with_capacity(sources.surveys.len());
    for s in sources.surveys {
        let survey: Survey = serde_json::from_str(&s.definition_json)
            .map_err(|e| DataError::Corrupt(format!("stored survey: {e}")))?;
        surveys.push(survey);
        rows.push(s.responses);
    }
    // Response ids unique across the program's surveys: responses.csv holds them all.
    let responses =
        stored_responses_of(surveys.iter().zip(rows).collect()).map_err(DataError::Corrupt)?;
    let collected: Vec<(Survey, Vec<StoredResponse>)> =
        surveys.into_iter().zip(responses).collect();
    if let Some(bytes) = responses_file(&collected, imported_responses)? {
        dir.insert(files::RESPONSES, bytes);
    }
    let collected_training = crate::training::records_of(&sources.modules, &sources.assignments)
        .map_err(DataError::Corrupt)?;
    if let Some(bytes) = training_file(&collected_training, imported_training)? {
        dir.insert(files::TRAINING, bytes);
    }
    if let Some(bytes) = invitations_file(&sources.invitations, &sources.attached)? {
        dir.insert(files::INVITATIONS, bytes);
    }
    let inputs = dir
        .files()
        .map(|(file, bytes)| InputFile {
            file: file.to_string(),
            sha256: sha256_hex(bytes),
            bytes: bytes.len() as u64,
        })
        .collect();
    let history = sources
        .history
        .into_iter()
        .map(|h| (h.at, h.report_json))
        .collect();
    Ok(ProgramData {
        dir,
        inputs,
        history,
        stamp: sources.stamp,
        parsed: Parsed::default(),
    })
}

/// About what one collected response takes in `responses.csv` (a pilot survey's 20-odd answer
/// rows), to size the merged file's buffer.
const COLLECTED_BYTES: usize = 2_000;

/// `responses.csv`: the imported file as uploaded when the server collected nothing (so its
/// hash is the import's), else the core's merge of both, the collected responses winning.
fn responses_file(
    collected: &[(Survey, Vec<StoredResponse>)],
    imported: Option<Vec<u8>>,
) -> Result<Option<Vec<u8>>, DataError> {
    if collected.is_empty() {
        return Ok(imported);
    }
    let sources: Vec<Collected<'_>> = collected
        .iter()
        .map(|(survey, responses)| Collected { survey, responses })
        .collect();
    let imported = imported.as_deref().map(|bytes| Imported {
        file: FileKind::Responses.file_name(),
        bytes,
    });
    // Room for the imported file and the collected rows at once: growing a buffer of tens of
    // megabytes step by step copies it over and over.
    let rows: usize = collected.iter().map(|(_, r)| r.len()).sum();
    let room = imported.map_or(0, |i| i.bytes.len()) + rows * COLLECTED_BYTES;
    Ok(Some(merge_long(
        &sources,
        imported,
        Vec::with_capacity(room),
        &Threads,
    )?))
}

/// `training.csv`: the imported file as uploaded when the server collected no training
/// records, else the core's join of both, a collected record replacing the imported row of the
/// same person and module (as collected responses join `responses.csv` above).
fn training_file(
    collected: &[crate::training::TraineeRecord],
    imported: Option<Vec<u8>>,
) -> Result<Option<Vec<u8>>, DataError> {
    let records: Vec<Record> = collected.iter().map(|t| t.record.clone()).collect();
    join_training_csv(&records, imported.as_deref()).map_err(|e| DataError::Corrupt(e.to_string()))
}

/// `invitations.csv`: the links not revoked of the surveys that ask readiness questions
/// (the core's `feeds_readiness`), who the response rate counts as asked; none when there are
/// no such links (then everyone rolled out counts as asked, as for a survey sent with another
/// tool).
fn invitations_file(
    rows: &[AskedRow],
    attached: &[(String, String)],
) -> Result<Option<Vec<u8>>, DataError> {
    let mut scored = std::collections::HashSet::new();
    for (survey_id, definition) in attached {
        let survey: Survey = serde_json::from_str(definition)
            .map_err(|e| DataError::Corrupt(format!("stored survey: {e}")))?;
        if feeds_readiness(&survey) {
            scored.insert(survey_id.as_str());
        }
    }
    let rows: Vec<&AskedRow> = rows
        .iter()
        .filter(|r| scored.contains(r.survey_id.as_str()))
        .collect();
    if rows.is_empty() {
        return Ok(None);
    }
    let invitations = rows
        .iter()
        .map(|row| {
            let invited_at = chrono::DateTime::parse_from_rfc3339(&row.created_at)
                .map_err(|e| DataError::Corrupt(format!("stored link time: {e}")))?
                .naive_utc();
            // A personal link's wave and segment are the person's on the roster.
            let attributes = match row.person_id {
                Some(_) => Vec::new(),
                None => serde_json::from_str::<Attributes>(&row.attributes_json)
                    .map_err(|e| DataError::Corrupt(format!("stored link attributes: {e}")))?
                    .into_iter()
                    .collect(),
            };
            Ok(SurveyInvitation {
                survey_id: row.survey_id.clone(),
                person_id: row.person_id.clone(),
                invited_at,
                attributes,
            })
        })
        .collect::<Result<Vec<_>, DataError>>()?;
    write_invitations(&invitations, Vec::new())
        .map(Some)
        .map_err(|e| DataError::Corrupt(format!("writing invitations.csv: {e}")))
}

/// Stored response rows of one survey as the core's [`StoredResponse`]s.
pub(crate) fn stored_responses(
    survey: &Survey,
    rows: Vec<ResponseRow>,
) -> Result<Vec<StoredResponse>, String> {
    Ok(stored_responses_of(vec![(survey, rows)])?
        .pop()
        .unwrap_or_default())
}

/// Stored response rows of several surveys as the core's [`StoredResponse`]s, each under the
/// id it is exported with: unique among all of them, though clients choose ids per link
/// ([`exported_response_ids`]).
fn stored_responses_of(
    surveys: Vec<(&Survey, Vec<ResponseRow>)>,
) -> Result<Vec<Vec<StoredResponse>>, String> {
    let keys: Vec<(&str, &str)> = surveys
        .iter()
        .flat_map(|(_, rows)| rows.iter())
        .map(|row| (row.id.as_str(), row.invitation_hash.as_str()))
        .collect();
    let mut ids = exported_response_ids(&keys).into_iter();
    surveys
        .into_iter()
        .map(|(survey, rows)| {
            rows.into_iter()
                .zip(ids.by_ref())
                .map(|(row, id)| stored_response(survey, row, id))
                .collect()
        })
        .collect()
}

fn stored_response(
    survey: &Survey,
    row: ResponseRow,
    id: String,
) -> Result<StoredResponse, String> {
    let answers =
        serde_json::from_str(&row.answers_json).map_err(|e| format!("stored answers: {e}"))?;
    let submitted_at = chrono::DateTime::parse_from_rfc3339(&row.submitted_at)
        .map_err(|e| format!("stored time: {e}"))?
        .with_timezone(&chrono::Utc);
    let attributes = serde_json::from_str(&row.attributes_json)
        .map_err(|e| format!("stored attributes: {e}"))?;
    Ok(StoredResponse {
        response: Response {
            id,
            survey_id: survey.id.clone(),
            survey_version: row.survey_version,
            language: Lang::parse(&row.language).unwrap_or_default(),
            answers,
        },
        person_id: row.person_id,
        submitted_at,
        attributes,
    })
}

impl ProgramData {
    /// The program and data set its files give, parsed on the first call (on threads, as
    /// `wavegate score` does) and kept as long as this directory is.
    pub fn load(&self) -> Result<Loaded, InputError> {
        self.parsed
            .0
            .get_or_init(|| self.dir.load(&Threads).map(Arc::new))
            .clone()
    }

    /// The files of an export, in order: the data directory's, then `history/<date>.json`.
    ///
    /// A CSV file in which a cell could run as a formula in the spreadsheet a viewer opens the
    /// export in (a ticket description typed by anyone, passed through as uploaded) goes as the
    /// core's guarded copy, which every importer reads as the file: `wavegate score` on the
    /// export decides as the server did. Judged here, not when the directory is built, so an
    /// evaluation never waits for it.
    pub fn export_files(&self) -> std::io::Result<Vec<(String, Cow<'_, [u8]>)>> {
        let mut out = Vec::new();
        for (name, bytes) in self.dir.files() {
            let copy = if name.ends_with(".csv") {
                guarded_copy(name, bytes).map_err(|e| std::io::Error::other(e.to_string()))?
            } else {
                None
            };
            let bytes = copy.map_or(Cow::Borrowed(bytes), Cow::Owned);
            out.push((name.to_string(), bytes));
        }
        out.extend(self.history.iter().map(|(at, json)| {
            (
                format!("{HISTORY_DIR}/{at}.json"),
                Cow::Borrowed(json.as_bytes()),
            )
        }));
        Ok(out)
    }

    /// Writes the export into `out`, which must be empty or absent: a file left from another
    /// export would be read by `wavegate score` as this program's.
    pub fn write_dir(&self, out: &Path) -> std::io::Result<()> {
        if out.exists() && std::fs::read_dir(out)?.next().is_some() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!(
                    "{0} is niet leeg; kies een nieuwe map / {0} is not empty; choose a new directory",
                    out.display()
                ),
            ));
        }
        std::fs::create_dir_all(out)?;
        for (name, bytes) in self.export_files()? {
            let path = out.join(&name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)?;
        }
        Ok(())
    }
}
