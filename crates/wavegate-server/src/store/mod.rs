//! The store: every use case of the API as one method that owns its transaction.
//!
//! Handlers call these methods with plain values and get plain rows back; no SQLite type leaves
//! this module, so another backend (PostgreSQL) can implement the same methods later.
//!
//! One SQLite connection behind a mutex, used from blocking tasks: Wavegate's write volume
//! (survey responses from a few thousand people) is far below what one SQLite writer handles,
//! and a single connection keeps transactions simple. The database runs in WAL mode with
//! `synchronous = FULL`, so a response is on disk before the server acknowledges it; responses
//! submitted at the same time share one transaction and so one fsync (`writer`).
//!
//! The store keeps survey definitions, answers and attributes as JSON text; it does not interpret
//! them. Parsing and validation happen in the API layer with `wavegate-core`.

mod accounts;
mod comms;
mod drafts;
mod evaluations;
mod files;
mod invitations;
mod lessons;
pub mod link_keys;
mod migrations;
mod programs;
mod reminders;
mod responses;
mod sessions;
mod sources;
mod surveys;
mod training;
mod writer;

pub use accounts::{TokenRow, UserRow};
pub use comms::{MessageAdded, MessageFields, MessageRow};
pub use drafts::{DraftOwner, DraftRow, DraftSave, DraftSaved};
pub use evaluations::{
    EvaluationFields, EvaluationRow, EvaluationWithSegments, NewEvaluation, StoredOutcome,
    StoredReport,
};
pub use files::{ImportRow, NewImport, StagedFile};
pub use invitations::{
    InvitationRow, ListedInvitation, NewInvitationRow, OpenedInvitation, Revocation,
};
pub use lessons::{LessonAdded, LessonRow, NewLessonRow};
pub use programs::{
    NewProgram, ProgramOverviewRow, ProgramRecord, ProgramRow, ProgramSeed, SurveyOverviewRow,
    SurveySeed,
};
pub use reminders::RemindedInvitation;
pub use responses::{InsertOutcome, NewResponse, ResponseRow, SurveyResponses};
pub use sessions::SessionRow;
pub use sources::{AskedRow, CurrentFile, ProgramSources, SourcesStamp};
pub use surveys::ProgramSurveyRow;
pub use training::{
    AssignmentRecord, FactOutcome, ModuleStored, ModuleVersions, NewTrainee, TraineeRevocation,
    TraineeRow,
};

use rusqlite::Connection;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Something went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database reported an error.
    #[error("database error: {0}")]
    Database(Box<dyn std::error::Error + Send + Sync>),
    /// Stored data could not be read back (the database was edited by hand, or is newer).
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// A published survey version was submitted again with different content.
    #[error(
        "survey {survey_id} version {version} is already published with different content; publish a new version instead"
    )]
    VersionImmutable {
        /// The survey.
        survey_id: String,
        /// The version that exists.
        version: u32,
    },
    /// A module version that is published with other content, or does not follow the latest
    /// (another planner published first).
    #[error(
        "module {module_id} version {version} cannot be published: it exists with different content or does not follow the latest version"
    )]
    ModuleVersionTaken {
        /// The module.
        module_id: String,
        /// The version asked for.
        version: u32,
    },
    /// A unique name (an account's e-mail, a token's name) is taken.
    #[error("{0} exists already")]
    Exists(String),
    /// The files directory could not be written or read.
    #[error("file storage: {0}")]
    Files(String),
    /// The blocking task running the query panicked or was cancelled.
    #[error("database task failed: {0}")]
    Task(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Database(Box::new(e))
    }
}

/// A shared handle to the database.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    files: Arc<files::FilesDir>,
    keys: Arc<link_keys::LinkKeys>,
    writer: Arc<writer::Writer>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and applies pending migrations. The
    /// secret of its invitation links is read (or made) beside it: see [`link_keys`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let keys = link_keys::LinkKeys::for_database(path)?;
        let conn = Connection::open(path)?;
        Store::init(conn, files::FilesDir::beside(path)?, keys)
    }

    /// An in-memory database (with files in a temporary directory), for tests.
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::init(
            Connection::open_in_memory()?,
            files::FilesDir::temporary()?,
            link_keys::LinkKeys::random(),
        )
    }

    fn init(
        mut conn: Connection,
        files: files::FilesDir,
        keys: link_keys::LinkKeys,
    ) -> Result<Store, StoreError> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: an acknowledged response must survive a crash of the process or the machine.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted content is overwritten, so a sealed token leaves no plain copy in free pages.
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations::migrate(&mut conn)?;
        invitations::seal_plain_tokens(&mut conn, &keys)?;
        let (conn, keys) = (Arc::new(Mutex::new(conn)), Arc::new(keys));
        Ok(Store {
            writer: Arc::new(writer::Writer::new(conn.clone(), keys.clone())),
            conn,
            files: Arc::new(files),
            keys,
        })
    }

    /// The mark of a sign-in device cookie for an account digest and the cookie's payload
    /// (keyed with the database's secret, so cookies outlive a restart): see `auth::device`.
    pub fn device_mark(&self, account: &[u8; 32], payload: &[u8]) -> [u8; 32] {
        self.keys.device_mark(account, payload)
    }

    /// The keyed hash a link's token is stored and found by (see [`link_keys`]): what to
    /// remember a link by in memory instead of its token.
    pub fn link_hash(&self, token: &str) -> String {
        self.keys.lookup(token)
    }

    /// Runs `f` with the connection on a blocking thread: every use case goes through here.
    async fn call<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        F: FnOnce(&mut Connection) -> Result<R, StoreError> + Send + 'static,
        R: Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock poisons it; the connection itself is still sound
            // (SQLite rolls back the open transaction), so keep serving.
            let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| StoreError::Task(e.to_string()))?
    }
}

use wavegate_core::invitation::{LinkStatus, link_status};

/// A count from SQLite (an `i64`) as the `u64` the API reports; never negative.
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Whether a stored link (its `expires_on` and whether it was revoked) still opens at `at`, a
/// UTC timestamp, by the core's rule ([`link_status`]).
fn opens_at(expires_on: Option<&str>, revoked: bool, at: &str) -> bool {
    let last = expires_on.and_then(|d| d.parse().ok());
    match at.get(..10).and_then(|d| d.parse().ok()) {
        Some(today) => link_status(last, revoked, today) == LinkStatus::Open,
        None => !revoked,
    }
}

/// Runs a revoking `UPDATE … RETURNING expires_on` and counts the links it revoked that still
/// opened at `at`: an expired link is marked revoked too, so its page says so, but it was not
/// open, and the planner's confirmation did not count it either.
fn revoked_open(
    tx: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
    at: &str,
) -> Result<u64, StoreError> {
    let mut stmt = tx.prepare(sql)?;
    let mut n = 0;
    for last_day in stmt.query_map(params, |r| r.get::<_, Option<String>>(0))? {
        if opens_at(last_day?.as_deref(), false, at) {
            n += 1;
        }
    }
    Ok(n)
}

/// The person ids a `SELECT person_id …` finds, by the key they match by
/// (`invitation::person_key`: ignoring ASCII case, as links are made), so that a revocation
/// naming `P010` reaches the link stored for `p010`, by the index on the stored id.
fn people_by_key(
    tx: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<std::collections::HashMap<String, Vec<String>>, StoreError> {
    let mut stmt = tx.prepare(sql)?;
    let mut out: std::collections::HashMap<String, Vec<String>> = Default::default();
    for id in stmt.query_map(params, |r| r.get::<_, String>(0))? {
        let id = id?;
        out.entry(wavegate_core::invitation::person_key(&id))
            .or_default()
            .push(id);
    }
    Ok(out)
}

/// Whether a program with this id exists (every store that keeps something of a program asks
/// before it writes, inside its own transaction).
fn program_exists(c: &Connection, program_id: &str) -> Result<bool, StoreError> {
    Ok(c.query_row(
        "SELECT EXISTS (SELECT 1 FROM programs WHERE id = ?1)",
        [program_id],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
pub(crate) mod test_support {
    //! A small program to run store tests against.

    use super::*;

    pub const NOW: &str = "2027-01-11T09:00:00Z";

    /// Stores an empty Dutch response `id` through the link `token`, as the respondent app does.
    pub async fn submit(store: &Store, token: &str, id: &str) -> InsertOutcome {
        let invitation = store.invitation(token).await.unwrap().unwrap();
        store
            .insert_response(NewResponse {
                id: id.into(),
                invitation,
                survey_version: 1,
                language: "nl".into(),
                answers_json: "{}".into(),
                submitted_at: NOW.into(),
            })
            .await
            .unwrap()
    }

    /// A personal invitation row of program `p`, survey `s`.
    pub fn invitation(token: &str, person: Option<&str>) -> InvitationRow {
        InvitationRow {
            token: token.into(),
            program_id: "p".into(),
            survey_id: "s".into(),
            person_id: person.map(String::from),
            attributes_json: "{}".into(),
            language: None,
            created_at: NOW.into(),
            wave: None,
            expires_on: None,
            revoked_at: None,
        }
    }

    /// A store with program `p` and survey `s` (version 1, `{}`), a personal invitation `t1`
    /// for alice and an anonymous one `anon`.
    pub async fn seeded() -> Store {
        let store = Store::in_memory().unwrap();
        let seeded = store
            .seed_program(ProgramSeed {
                id: "p".into(),
                name: "Pilot".into(),
                program_toml: None,
                created_at: NOW.into(),
                surveys: vec![SurveySeed {
                    survey_id: "s".into(),
                    version: 1,
                    definition_json: "{}".into(),
                    anonymous: false,
                }],
                invitations: vec![invitation("t1", Some("alice")), invitation("anon", None)],
                responses: Vec::new(),
            })
            .await
            .unwrap();
        assert!(seeded);
        store
    }
}
