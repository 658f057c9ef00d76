//! The SQLite store: schema migrations and every query the API runs.
//!
//! One connection behind a mutex, used from blocking tasks: Wavegate's write volume (survey
//! responses from a few thousand people) is far below what one SQLite writer handles, and a
//! single connection keeps transactions simple. The database runs in WAL mode with
//! `synchronous = FULL`, so a response is on disk before the server acknowledges it.
//!
//! The store keeps survey definitions, answers and attributes as JSON text; it does not interpret
//! them. Parsing and validation happen in the API layer with `wavegate-core`.

use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Something went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Stored JSON could not be read back (the database was edited by hand?).
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
    /// The blocking task running the query panicked or was cancelled.
    #[error("database task failed: {0}")]
    Task(String),
}

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
/// Never edit a released migration: append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: programs, published survey versions, invitations and responses.
    r#"
    CREATE TABLE programs (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    CREATE TABLE survey_versions (
        survey_id    TEXT NOT NULL,
        version      INTEGER NOT NULL,
        definition   TEXT NOT NULL,
        published_at TEXT NOT NULL,
        PRIMARY KEY (survey_id, version)
    );
    CREATE TABLE program_surveys (
        program_id  TEXT NOT NULL REFERENCES programs(id),
        survey_id   TEXT NOT NULL,
        version     INTEGER NOT NULL,
        anonymous   INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (program_id, survey_id),
        FOREIGN KEY (survey_id, version) REFERENCES survey_versions(survey_id, version)
    );
    CREATE TABLE invitations (
        token       TEXT PRIMARY KEY,
        program_id  TEXT NOT NULL,
        survey_id   TEXT NOT NULL,
        person_id   TEXT,
        attributes  TEXT NOT NULL DEFAULT '{}',
        language    TEXT,
        created_at  TEXT NOT NULL,
        FOREIGN KEY (program_id, survey_id) REFERENCES program_surveys(program_id, survey_id)
    );
    CREATE UNIQUE INDEX invitations_one_per_person
        ON invitations(program_id, survey_id, person_id) WHERE person_id IS NOT NULL;
    CREATE TABLE responses (
        id               TEXT PRIMARY KEY,
        invitation_token TEXT NOT NULL REFERENCES invitations(token),
        program_id       TEXT NOT NULL,
        survey_id        TEXT NOT NULL,
        survey_version   INTEGER NOT NULL,
        person_id        TEXT,
        language         TEXT NOT NULL,
        attributes       TEXT NOT NULL,
        answers          TEXT NOT NULL,
        submitted_at     TEXT NOT NULL
    );
    -- A personal invitation is answered exactly once; an anonymous link many times.
    CREATE UNIQUE INDEX responses_once_per_invitation
        ON responses(invitation_token) WHERE person_id IS NOT NULL;
    CREATE INDEX responses_by_survey ON responses(program_id, survey_id);
    "#,
];

/// A shared handle to the database.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
}

/// A program as listed for planners.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramRow {
    /// Stable id (slug).
    pub id: String,
    /// Display name.
    pub name: String,
}

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

/// An invitation, looked up by its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvitationRow {
    /// The secret token in the link.
    pub token: String,
    /// The program.
    pub program_id: String,
    /// The survey.
    pub survey_id: String,
    /// The invited person; `None` for an anonymous link.
    pub person_id: Option<String>,
    /// Segment attributes the link carries (JSON object).
    pub attributes_json: String,
    /// Preferred language, when known.
    pub language: Option<String>,
    /// When the invitation was created.
    pub created_at: String,
}

/// A response as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseRow {
    /// Client-generated id (idempotency key).
    pub id: String,
    /// The invitation it came through.
    pub invitation_token: String,
    /// The survey version answered.
    pub survey_version: u32,
    /// The person, unless anonymous.
    pub person_id: Option<String>,
    /// The language it was answered in.
    pub language: String,
    /// Segment attributes (JSON object).
    pub attributes_json: String,
    /// Answers (JSON object keyed by question id).
    pub answers_json: String,
    /// RFC 3339 UTC.
    pub submitted_at: String,
}

/// What happened to a submitted response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InsertOutcome {
    /// Stored now.
    Stored {
        /// RFC 3339 UTC.
        submitted_at: String,
    },
    /// The same response id was stored before (a retry): nothing changed.
    AlreadyStored {
        /// When it was first stored.
        submitted_at: String,
    },
    /// This personal invitation was already answered with another response.
    InvitationUsed,
}

/// A new response to store.
#[derive(Clone, Debug)]
pub struct NewResponse<'a> {
    /// Client-generated id.
    pub id: &'a str,
    /// The invitation.
    pub invitation: &'a InvitationRow,
    /// The version answered.
    pub survey_version: u32,
    /// The language answered in.
    pub language: &'a str,
    /// Answers JSON.
    pub answers_json: &'a str,
    /// RFC 3339 UTC.
    pub submitted_at: &'a str,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        Store::init(conn)
    }

    /// An in-memory database, for tests.
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: an acknowledged response must survive a crash of the process or the machine.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection on a blocking thread.
    pub async fn call<R, F>(&self, f: F) -> Result<R, StoreError>
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

    /// Runs `f` with the connection on the current thread (start-up, tests).
    pub fn blocking<R>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let mut guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let applied: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if applied > MIGRATIONS.len() {
        return Err(StoreError::Corrupt(format!(
            "the database has schema version {applied}, newer than this wavegate ({}); upgrade wavegate",
            MIGRATIONS.len()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
        tracing::info!(version = i + 1, "applied schema migration");
    }
    Ok(())
}

/// Whether the database holds no program yet (so `--demo` may seed one).
pub fn is_empty(conn: &Connection) -> Result<bool, StoreError> {
    let n: i64 = conn.query_row("SELECT count(*) FROM programs", [], |r| r.get(0))?;
    Ok(n == 0)
}

/// Creates a program.
pub fn create_program(
    conn: &Connection,
    id: &str,
    name: &str,
    now: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO programs (id, name, created_at) VALUES (?1, ?2, ?3)",
        params![id, name, now],
    )?;
    Ok(())
}

/// All programs, by name.
pub fn programs(conn: &Connection) -> Result<Vec<ProgramRow>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, name FROM programs ORDER BY name, id")?;
    let rows = stmt.query_map([], |r| {
        Ok(ProgramRow {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One program.
pub fn program(conn: &Connection, id: &str) -> Result<Option<ProgramRow>, StoreError> {
    Ok(conn
        .query_row("SELECT id, name FROM programs WHERE id = ?1", [id], |r| {
            Ok(ProgramRow {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })
        .optional()?)
}

/// Publishes a survey version. Publishing identical content again is a no-op; different
/// content under a published version is refused (published versions are immutable).
pub fn publish_survey_version(
    conn: &Connection,
    survey_id: &str,
    version: u32,
    definition_json: &str,
    now: &str,
) -> Result<(), StoreError> {
    let existing: Option<String> = conn
        .query_row(
            "SELECT definition FROM survey_versions WHERE survey_id = ?1 AND version = ?2",
            params![survey_id, version],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(def) if def == definition_json => Ok(()),
        Some(_) => Err(StoreError::VersionImmutable {
            survey_id: survey_id.to_string(),
            version,
        }),
        None => {
            conn.execute(
                "INSERT INTO survey_versions (survey_id, version, definition, published_at) VALUES (?1, ?2, ?3, ?4)",
                params![survey_id, version, definition_json, now],
            )?;
            Ok(())
        }
    }
}

/// The definition JSON of a published survey version.
pub fn survey_version(
    conn: &Connection,
    survey_id: &str,
    version: u32,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT definition FROM survey_versions WHERE survey_id = ?1 AND version = ?2",
            params![survey_id, version],
            |r| r.get(0),
        )
        .optional()?)
}

/// Attaches a published survey version to a program (or moves it to a newer version).
pub fn attach_survey(
    conn: &Connection,
    program_id: &str,
    survey_id: &str,
    version: u32,
    anonymous: bool,
    now: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO program_surveys (program_id, survey_id, version, anonymous, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (program_id, survey_id) DO UPDATE SET version = excluded.version",
        params![program_id, survey_id, version, anonymous, now],
    )?;
    Ok(())
}

/// The surveys of a program with their response and invitation counts.
pub fn program_surveys(
    conn: &Connection,
    program_id: &str,
) -> Result<Vec<ProgramSurveyRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT ps.program_id, ps.survey_id, ps.version, ps.anonymous,
                (SELECT count(*) FROM responses r WHERE r.program_id = ps.program_id AND r.survey_id = ps.survey_id),
                (SELECT count(*) FROM invitations i WHERE i.program_id = ps.program_id AND i.survey_id = ps.survey_id)
         FROM program_surveys ps WHERE ps.program_id = ?1 ORDER BY ps.survey_id",
    )?;
    let rows = stmt.query_map([program_id], program_survey_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One survey of a program.
pub fn program_survey(
    conn: &Connection,
    program_id: &str,
    survey_id: &str,
) -> Result<Option<ProgramSurveyRow>, StoreError> {
    Ok(program_surveys(conn, program_id)?
        .into_iter()
        .find(|s| s.survey_id == survey_id))
}

fn program_survey_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProgramSurveyRow> {
    Ok(ProgramSurveyRow {
        program_id: r.get(0)?,
        survey_id: r.get(1)?,
        version: r.get(2)?,
        anonymous: r.get(3)?,
        responses: r.get::<_, i64>(4)?.try_into().unwrap_or(0),
        invitations: r.get::<_, i64>(5)?.try_into().unwrap_or(0),
    })
}

/// Stores an invitation.
pub fn create_invitation(conn: &Connection, inv: &InvitationRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO invitations (token, program_id, survey_id, person_id, attributes, language, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            inv.token,
            inv.program_id,
            inv.survey_id,
            inv.person_id,
            inv.attributes_json,
            inv.language,
            inv.created_at
        ],
    )?;
    Ok(())
}

const INVITATION_COLUMNS: &str =
    "token, program_id, survey_id, person_id, attributes, language, created_at";

fn invitation_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<InvitationRow> {
    Ok(InvitationRow {
        token: r.get(0)?,
        program_id: r.get(1)?,
        survey_id: r.get(2)?,
        person_id: r.get(3)?,
        attributes_json: r.get(4)?,
        language: r.get(5)?,
        created_at: r.get(6)?,
    })
}

/// Looks up an invitation by its token.
pub fn invitation(conn: &Connection, token: &str) -> Result<Option<InvitationRow>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE token = ?1"),
            [token],
            invitation_row,
        )
        .optional()?)
}

/// The invitations of a program's survey, personal ones by person id, the anonymous link first,
/// each with the time its response arrived (personal invitations only).
pub fn invitations(
    conn: &Connection,
    program_id: &str,
    survey_id: &str,
) -> Result<Vec<(InvitationRow, Option<String>)>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {INVITATION_COLUMNS},
                (SELECT r.submitted_at FROM responses r WHERE r.invitation_token = i.token AND r.person_id IS NOT NULL)
         FROM invitations i WHERE program_id = ?1 AND survey_id = ?2
         ORDER BY person_id IS NOT NULL, person_id, created_at"
    ))?;
    let rows = stmt.query_map(params![program_id, survey_id], |r| {
        Ok((invitation_row(r)?, r.get(7)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The response already stored for a personal invitation, if any: `(id, submitted_at)`.
pub fn response_for_invitation(
    conn: &Connection,
    token: &str,
) -> Result<Option<(String, String)>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id, submitted_at FROM responses WHERE invitation_token = ?1 AND person_id IS NOT NULL",
            [token],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Stores a response exactly once, in one transaction: a retry with the same id is
/// acknowledged again, a second response to a personal invitation is refused.
pub fn insert_response(
    conn: &mut Connection,
    new: &NewResponse<'_>,
) -> Result<InsertOutcome, StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let existing: Option<(String, String)> = tx
        .query_row(
            "SELECT invitation_token, submitted_at FROM responses WHERE id = ?1",
            [new.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((token, submitted_at)) = existing {
        // Ids are random 128-bit values made by the respondent's browser, so the same id through
        // another invitation is not a retry: treat it as a conflict rather than leak anything.
        return Ok(if token == new.invitation.token {
            InsertOutcome::AlreadyStored { submitted_at }
        } else {
            InsertOutcome::InvitationUsed
        });
    }
    if new.invitation.person_id.is_some() {
        let used: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM responses WHERE invitation_token = ?1 AND person_id IS NOT NULL)",
            [&new.invitation.token],
            |r| r.get(0),
        )?;
        if used {
            return Ok(InsertOutcome::InvitationUsed);
        }
    }
    tx.execute(
        "INSERT INTO responses (id, invitation_token, program_id, survey_id, survey_version, person_id,
                                language, attributes, answers, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            new.id,
            new.invitation.token,
            new.invitation.program_id,
            new.invitation.survey_id,
            new.survey_version,
            new.invitation.person_id,
            new.language,
            new.invitation.attributes_json,
            new.answers_json,
            new.submitted_at
        ],
    )?;
    tx.commit()?;
    Ok(InsertOutcome::Stored {
        submitted_at: new.submitted_at.to_string(),
    })
}

/// Every response to a program's survey, oldest first.
pub fn responses(
    conn: &Connection,
    program_id: &str,
    survey_id: &str,
) -> Result<Vec<ResponseRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, invitation_token, survey_version, person_id, language, attributes, answers, submitted_at
         FROM responses WHERE program_id = ?1 AND survey_id = ?2 ORDER BY submitted_at, id",
    )?;
    let rows = stmt.query_map(params![program_id, survey_id], |r| {
        Ok(ResponseRow {
            id: r.get(0)?,
            invitation_token: r.get(1)?,
            survey_version: r.get(2)?,
            person_id: r.get(3)?,
            language: r.get(4)?,
            attributes_json: r.get(5)?,
            answers_json: r.get(6)?,
            submitted_at: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2027-01-11T09:00:00Z";

    fn seeded() -> Store {
        let store = Store::in_memory().unwrap();
        store
            .blocking(|c| {
                create_program(c, "p", "Pilot", NOW)?;
                publish_survey_version(c, "s", 1, "{}", NOW)?;
                attach_survey(c, "p", "s", 1, false, NOW)?;
                for (token, person) in [("t1", Some("alice")), ("anon", None)] {
                    create_invitation(
                        c,
                        &InvitationRow {
                            token: token.into(),
                            program_id: "p".into(),
                            survey_id: "s".into(),
                            person_id: person.map(String::from),
                            attributes_json: "{}".into(),
                            language: None,
                            created_at: NOW.into(),
                        },
                    )?;
                }
                Ok(())
            })
            .unwrap();
        store
    }

    fn submit(store: &Store, token: &str, id: &str) -> InsertOutcome {
        store
            .blocking(|c| {
                let inv = invitation(c, token)?.unwrap();
                insert_response(
                    c,
                    &NewResponse {
                        id,
                        invitation: &inv,
                        survey_version: 1,
                        language: "nl",
                        answers_json: "{}",
                        submitted_at: NOW,
                    },
                )
            })
            .unwrap()
    }

    #[test]
    fn a_personal_invitation_is_answered_once_and_retries_are_idempotent() {
        let store = seeded();
        assert!(matches!(
            submit(&store, "t1", "r1"),
            InsertOutcome::Stored { .. }
        ));
        assert!(matches!(
            submit(&store, "t1", "r1"),
            InsertOutcome::AlreadyStored { .. }
        ));
        assert_eq!(submit(&store, "t1", "r2"), InsertOutcome::InvitationUsed);
        let n = store.blocking(|c| responses(c, "p", "s")).unwrap().len();
        assert_eq!(n, 1);
    }

    #[test]
    fn an_anonymous_link_takes_many_responses_but_ids_stay_unique() {
        let store = seeded();
        assert!(matches!(
            submit(&store, "anon", "a1"),
            InsertOutcome::Stored { .. }
        ));
        assert!(matches!(
            submit(&store, "anon", "a2"),
            InsertOutcome::Stored { .. }
        ));
        assert_eq!(submit(&store, "t1", "a1"), InsertOutcome::InvitationUsed);
        let counts = store.blocking(|c| program_surveys(c, "p")).unwrap();
        assert_eq!((counts[0].responses, counts[0].invitations), (2, 2));
    }

    #[test]
    fn published_versions_are_immutable() {
        let store = seeded();
        store
            .blocking(|c| publish_survey_version(c, "s", 1, "{}", NOW))
            .unwrap();
        let err = store
            .blocking(|c| publish_survey_version(c, "s", 1, "{\"x\":1}", NOW))
            .unwrap_err();
        assert!(matches!(
            err,
            StoreError::VersionImmutable { version: 1, .. }
        ));
    }

    #[test]
    fn migrations_are_applied_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite");
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        let v: usize = store
            .blocking(|c| Ok(c.pragma_query_value(None, "user_version", |r| r.get(0))?))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len());
    }
}
