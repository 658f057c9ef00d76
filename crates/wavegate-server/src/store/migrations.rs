//! Schema migrations, applied in order and recorded in `schema_migrations` (version, name, applied_at).
//!
//! Databases made before that table existed counted their migrations in `PRAGMA user_version`;
//! they are adopted once: the migrations they had are recorded, and the rest are applied.

use super::StoreError;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// One schema change. Never edit a released migration: append a new one.
struct Migration {
    /// Its number, from 1, in order.
    version: u32,
    /// What it does, for people reading `schema_migrations`.
    name: &'static str,
    /// The statements.
    sql: &'static str,
    /// What SQL cannot do (reading stored JSON with the core), run after the statements in
    /// the same transaction: the migration is applied whole or not at all.
    then: Option<Step>,
}

/// A migration's step in Rust.
type Step = fn(&Transaction<'_>) -> Result<(), StoreError>;

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "programs, published survey versions, invitations and responses",
        sql: r#"
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
        then: None,
    },
    Migration {
        version: 2,
        name: "program definitions (program.toml) and support details for respondents",
        sql: r#"
    ALTER TABLE programs ADD COLUMN program_toml TEXT;
    ALTER TABLE programs ADD COLUMN support TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE programs ADD COLUMN updated_at TEXT;
    "#,
        then: None,
    },
    Migration {
        version: 3,
        name: "accounts, sessions and API tokens",
        sql: r#"
    CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role          TEXT NOT NULL CHECK (role IN ('planner', 'viewer')),
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        disabled_at   TEXT
    );
    -- Only a hash of the session id is kept: a copy of the database opens no session.
    CREATE TABLE sessions (
        id_hash      TEXT PRIMARY KEY,
        user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at   TEXT NOT NULL
    );
    CREATE INDEX sessions_by_user ON sessions(user_id);
    CREATE TABLE api_tokens (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        role        TEXT NOT NULL CHECK (role IN ('planner', 'viewer')),
        token_hash  TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL,
        revoked_at  TEXT
    );
    "#,
        then: None,
    },
    Migration {
        version: 4,
        name: "imported program files",
        sql: r#"
    -- Every import of a program's file; the latest of a kind is the one in use. The bytes live
    -- in the files directory beside the database, named by their SHA-256.
    CREATE TABLE imports (
        id          INTEGER PRIMARY KEY,
        program_id  TEXT NOT NULL REFERENCES programs(id),
        kind        TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        rows        INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE INDEX imports_by_program ON imports(program_id, kind, id);
    "#,
        then: None,
    },
    Migration {
        version: 5,
        name: "stored readiness evaluations",
        sql: r#"
    -- One evaluation per program and date (a later one at the same date replaces it). Ids are
    -- AUTOINCREMENT so the id of a replaced evaluation is never given to another.
    CREATE TABLE evaluations (
        id                     INTEGER PRIMARY KEY AUTOINCREMENT,
        program_id             TEXT NOT NULL REFERENCES programs(id),
        at                     TEXT NOT NULL,
        lang                   TEXT NOT NULL,
        created_at             TEXT NOT NULL,
        created_by             TEXT NOT NULL,
        next_wave              TEXT,
        decision               TEXT,
        readiness_estimate     INTEGER,
        readiness_conservative INTEGER,
        everything_passes      INTEGER NOT NULL,
        inputs                 TEXT NOT NULL,
        report                 TEXT NOT NULL
    );
    CREATE UNIQUE INDEX evaluations_one_per_date ON evaluations(program_id, at);
    "#,
        then: None,
    },
    Migration {
        version: 6,
        name: "protected invitation links: keyed token hashes, expiry, revocation, response ids per link",
        sql: r#"
    -- The token column now holds HMAC-SHA-256(secret, token); `token_mask` the token masked with
    -- a key derived from the secret. Rows from before hold the plain token and a NULL mask until
    -- the store seals them (in Rust, since the secret never enters the database).
    ALTER TABLE invitations RENAME COLUMN token TO token_hash;
    ALTER TABLE invitations ADD COLUMN token_mask TEXT;
    ALTER TABLE invitations ADD COLUMN wave TEXT;
    -- The last day (UTC, inclusive) the link opens; NULL: no expiry.
    ALTER TABLE invitations ADD COLUMN expires_on TEXT;
    ALTER TABLE invitations ADD COLUMN revoked_at TEXT;
    CREATE INDEX invitations_by_wave ON invitations(program_id, survey_id, wave);
    -- A response id is unique per link, not across links: one person's id never blocks another's.
    CREATE TABLE responses_per_link (
        invitation_hash  TEXT NOT NULL REFERENCES invitations(token_hash),
        id               TEXT NOT NULL,
        program_id       TEXT NOT NULL,
        survey_id        TEXT NOT NULL,
        survey_version   INTEGER NOT NULL,
        person_id        TEXT,
        language         TEXT NOT NULL,
        attributes       TEXT NOT NULL,
        answers          TEXT NOT NULL,
        submitted_at     TEXT NOT NULL,
        PRIMARY KEY (invitation_hash, id)
    );
    INSERT INTO responses_per_link
        SELECT invitation_token, id, program_id, survey_id, survey_version, person_id, language,
               attributes, answers, submitted_at
        FROM responses;
    DROP TABLE responses;
    ALTER TABLE responses_per_link RENAME TO responses;
    CREATE UNIQUE INDEX responses_once_per_invitation
        ON responses(invitation_hash) WHERE person_id IS NOT NULL;
    CREATE INDEX responses_by_survey ON responses(program_id, survey_id);
    "#,
        then: None,
    },
    Migration {
        version: 7,
        name: "reminders sent per personal link",
        sql: r#"
    CREATE TABLE reminders (
        token_hash TEXT NOT NULL REFERENCES invitations(token_hash),
        sent_at    TEXT NOT NULL
    );
    CREATE INDEX reminders_by_link ON reminders(token_hash, sent_at);
    "#,
        then: None,
    },
    Migration {
        version: 8,
        name: "drafts of personal links, to continue on another device",
        sql: r#"
    -- Keyed by the person's invitation (one per person and survey), not by the link token: the
    -- table holds nothing that opens a survey. Dropped when the person's response is stored.
    CREATE TABLE drafts (
        program_id TEXT NOT NULL,
        survey_id  TEXT NOT NULL,
        person_id  TEXT NOT NULL,
        revision   INTEGER NOT NULL,
        draft      TEXT NOT NULL,
        saved_at   TEXT NOT NULL,
        PRIMARY KEY (program_id, survey_id, person_id)
    );
    "#,
        then: None,
    },
    Migration {
        version: 9,
        name: "self-study training: published module versions, trainee links, assignments, progress facts",
        sql: r#"
    -- A published module version never changes: its rows can be added, never altered or removed.
    CREATE TABLE module_versions (
        program_id   TEXT NOT NULL REFERENCES programs(id),
        module_id    TEXT NOT NULL,
        version      INTEGER NOT NULL,
        definition   TEXT NOT NULL,
        published_at TEXT NOT NULL,
        PRIMARY KEY (program_id, module_id, version)
    );
    CREATE TRIGGER module_versions_never_change BEFORE UPDATE ON module_versions
    BEGIN SELECT RAISE(ABORT, 'a published module version never changes'); END;
    CREATE TRIGGER module_versions_never_removed BEFORE DELETE ON module_versions
    BEGIN SELECT RAISE(ABORT, 'a published module version never changes'); END;
    -- One personal training link per person and program, made from the roster. Its token is
    -- sealed as invitation links' are (`link_keys`): found by a keyed hash, kept masked.
    CREATE TABLE trainees (
        token_hash  TEXT PRIMARY KEY,
        token_mask  TEXT NOT NULL,
        program_id  TEXT NOT NULL REFERENCES programs(id),
        person_id   TEXT NOT NULL,
        name        TEXT NOT NULL,
        email       TEXT,
        attributes  TEXT NOT NULL DEFAULT '{}',
        language    TEXT,
        created_at  TEXT NOT NULL,
        UNIQUE (program_id, person_id)
    );
    -- A module assigned to a person, once, with the registration all their facts carry.
    CREATE TABLE module_assignments (
        program_id   TEXT NOT NULL,
        module_id    TEXT NOT NULL,
        person_id    TEXT NOT NULL,
        registration TEXT NOT NULL UNIQUE,
        assigned_at  TEXT NOT NULL,
        PRIMARY KEY (program_id, module_id, person_id),
        FOREIGN KEY (program_id, person_id) REFERENCES trainees(program_id, person_id)
    );
    -- Progress facts: only ever added, each once by its client-made id.
    CREATE TABLE training_facts (
        registration TEXT NOT NULL REFERENCES module_assignments(registration),
        id           TEXT NOT NULL,
        program_id   TEXT NOT NULL,
        body         TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,
        PRIMARY KEY (registration, id)
    );
    CREATE INDEX training_facts_by_program ON training_facts(program_id);
    CREATE TRIGGER training_facts_never_change BEFORE UPDATE ON training_facts
    BEGIN SELECT RAISE(ABORT, 'progress facts are only added'); END;
    CREATE TRIGGER training_facts_never_removed BEFORE DELETE ON training_facts
    BEGIN SELECT RAISE(ABORT, 'progress facts are only added'); END;
    "#,
        then: None,
    },
    Migration {
        version: 10,
        name: "training links that expire and can be revoked, per person or per wave",
        sql: r#"
    -- The wave the roster gave the trainee (kept apart from `attributes` so a wave's links can
    -- be revoked with an index), the last day (UTC, inclusive) the link opens (NULL: no expiry;
    -- links from before keep none), and when a planner revoked it.
    ALTER TABLE trainees ADD COLUMN wave TEXT;
    ALTER TABLE trainees ADD COLUMN expires_on TEXT;
    ALTER TABLE trainees ADD COLUMN revoked_at TEXT;
    UPDATE trainees SET wave = json_extract(attributes, '$.wave') WHERE json_valid(attributes);
    CREATE INDEX trainees_by_wave ON trainees(program_id, wave);
    "#,
        then: None,
    },
    Migration {
        version: 11,
        name: "links given anew: the old link answers as revoked, with the helpdesk",
        sql: r#"
    -- The keyed hash of a survey or training link that was revoked or had expired and was
    -- replaced when its person was invited or assigned again. Opening the old link then says
    -- it was withdrawn (use the new one, or ask the helpdesk) instead of "unknown link".
    CREATE TABLE replaced_links (
        token_hash  TEXT PRIMARY KEY,
        program_id  TEXT NOT NULL,
        replaced_at TEXT NOT NULL
    );
    "#,
        then: None,
    },
    Migration {
        version: 12,
        name: "each stored evaluation's readiness per segment, for the trend of a segment",
        sql: r#"
    -- The JSON list of the core's `SegmentReadiness::of` the report: so listing the history
    -- with its segments reads no report. Rows from before are filled in from their report by
    -- `evaluations::backfill_segments`; NULL only for a report that does not read as one.
    ALTER TABLE evaluations ADD COLUMN segments TEXT;
    "#,
        then: Some(super::evaluations::backfill_segments),
    },
    Migration {
        version: 13,
        name: "the lessons-learned log of each program, per wave or for the program as a whole",
        sql: r#"
    -- One lesson: `wave` NULL for the program as a whole; `kind` went_well | to_improve; the
    -- text as the core checked it; who recorded it and when. Ids only grow, so the newest
    -- lesson has the highest.
    CREATE TABLE lessons (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        program_id  TEXT NOT NULL REFERENCES programs(id),
        wave        TEXT,
        kind        TEXT NOT NULL CHECK (kind IN ('went_well', 'to_improve')),
        text        TEXT NOT NULL,
        author      TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    CREATE INDEX lessons_by_program ON lessons(program_id, id);
    "#,
        then: None,
    },
    Migration {
        version: 14,
        name: "the communication plan of each program: messages per target group, planned and sent",
        sql: r#"
    -- One planned message: `wave` NULL for everyone on the roster; `segment` a JSON object of
    -- split attribute -> value; `channel` and `purpose` the core's wire names; the days as
    -- YYYY-MM-DD, `sent_on` NULL while planned; who planned it and when.
    CREATE TABLE planned_messages (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        program_id  TEXT NOT NULL REFERENCES programs(id),
        wave        TEXT,
        segment     TEXT NOT NULL,
        channel     TEXT NOT NULL,
        owner       TEXT NOT NULL,
        purpose     TEXT NOT NULL,
        planned_on  TEXT NOT NULL,
        sent_on     TEXT,
        subject     TEXT NOT NULL,
        note        TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    CREATE INDEX planned_messages_by_program ON planned_messages(program_id, planned_on);
    "#,
        then: None,
    },
    Migration {
        version: 15,
        name: "when a draft's answers last changed on the device that saved it",
        sql: r#"
    -- Empty for drafts saved before: their save time stands in.
    ALTER TABLE drafts ADD COLUMN edited_at TEXT NOT NULL DEFAULT '';
    "#,
        then: None,
    },
    Migration {
        version: 16,
        name: "the most answers an anonymous link takes: its segment's people",
        sql: r#"
    -- Set when an anonymous link is made (or asked for again) on a roster; NULL: no bound
    -- (links made before, or without a roster to count on).
    ALTER TABLE invitations ADD COLUMN capacity INTEGER;
    "#,
        then: None,
    },
    Migration {
        version: 17,
        name: "the survey versions each program has published",
        sql: r#"
    -- Survey ids and their versions are shared by the programs of a server; a program's links
    -- take answers only to the versions that program published. Filled from the version each
    -- program's respondents get now and from the versions its stored responses answered.
    CREATE TABLE program_survey_versions (
        program_id  TEXT NOT NULL,
        survey_id   TEXT NOT NULL,
        version     INTEGER NOT NULL,
        PRIMARY KEY (program_id, survey_id, version),
        FOREIGN KEY (survey_id, version) REFERENCES survey_versions(survey_id, version)
    );
    INSERT OR IGNORE INTO program_survey_versions (program_id, survey_id, version)
        SELECT program_id, survey_id, version FROM program_surveys;
    INSERT OR IGNORE INTO program_survey_versions (program_id, survey_id, version)
        SELECT DISTINCT r.program_id, r.survey_id, r.survey_version FROM responses r
        JOIN survey_versions sv ON sv.survey_id = r.survey_id AND sv.version = r.survey_version;
    "#,
        then: None,
    },
    Migration {
        version: 18,
        name: "accounts stored under their address's key, lowercased beyond ASCII too",
        // SQLite lowercases ASCII only: the core's key is written in Rust.
        sql: "",
        then: Some(super::accounts::store_emails_as_keys),
    },
];

const LEDGER: &str = "CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// Records a migration as applied, with the database's own clock (the store reads no other).
const RECORD: &str = "INSERT INTO schema_migrations (version, name, applied_at)
    VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";

/// Brings the schema up to date: adopts a `user_version` database, refuses a newer one, and
/// applies each pending migration in its own transaction.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !ledger_exists(&tx)? {
            tx.execute_batch(LEDGER)?;
            adopt_user_version(&tx)?;
        }
        tx.commit()?;
    }
    let applied: u32 = conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_migrations",
        [],
        |r| r.get(0),
    )?;
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    if applied > known {
        return Err(newer(applied, known));
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > applied) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(m.sql)?;
        if let Some(step) = m.then {
            step(&tx)?;
        }
        tx.execute(RECORD, rusqlite::params![m.version, m.name])?;
        // Binaries from before `schema_migrations` read only `user_version`; keeping it equal to
        // the latest migration makes them refuse a schema newer than theirs instead of using it.
        tx.pragma_update(None, "user_version", m.version)?;
        tx.commit()?;
        tracing::info!(
            version = m.version,
            name = m.name,
            "applied schema migration"
        );
    }
    Ok(())
}

fn ledger_exists(tx: &Transaction<'_>) -> Result<bool, StoreError> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')",
        [],
        |r| r.get(0),
    )?)
}

/// Records the migrations a database made before `schema_migrations` counted in `user_version`.
fn adopt_user_version(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let counted: u32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    if counted > known {
        return Err(newer(counted, known));
    }
    for m in MIGRATIONS.iter().filter(|m| m.version <= counted) {
        tx.execute(RECORD, rusqlite::params![m.version, m.name])?;
    }
    if counted > 0 {
        tracing::info!(
            version = counted,
            "adopted a database versioned by user_version"
        );
    }
    Ok(())
}

fn newer(found: u32, known: u32) -> StoreError {
    StoreError::Corrupt(format!(
        "the database has schema version {found}, newer than this wavegate ({known}); upgrade wavegate"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// `(version, name)` of every recorded migration, and whether each has a time.
    fn ledger(path: &std::path::Path) -> Vec<(u32, String, bool)> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn
            .prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
            .unwrap();
        stmt.query_map([], |r| {
            let at: String = r.get(2)?;
            Ok((r.get(0)?, r.get(1)?, at.ends_with('Z') && at.len() == 20))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    fn expected() -> Vec<(u32, String, bool)> {
        MIGRATIONS
            .iter()
            .map(|m| (m.version, m.name.to_string(), true))
            .collect()
    }

    #[test]
    fn a_new_database_records_every_migration_once_with_its_name_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite");
        drop(Store::open(&path).unwrap());
        drop(Store::open(&path).unwrap());
        assert_eq!(ledger(&path), expected());
    }

    #[tokio::test]
    async fn a_database_versioned_by_user_version_is_adopted_and_keeps_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            // What wavegate wrote before schema_migrations: the schema and a user_version.
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0].sql).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute(
                "INSERT INTO programs (id, name, created_at) VALUES ('old', 'Old program', 'x')",
                [],
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let programs = store.programs_overview().await.unwrap();
        assert_eq!(programs.len(), 1);
        assert_eq!(programs[0].program.name, "Old program");
        drop(store);
        drop(Store::open(&path).unwrap());
        assert_eq!(
            ledger(&path),
            expected(),
            "adopted once, nothing applied twice"
        );
    }

    #[tokio::test]
    async fn links_made_before_sealing_keep_opening_and_their_tokens_leave_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("links.sqlite");
        let token = "0123456789abcdef0123456789abcdef";
        {
            let conn = Connection::open(&path).unwrap();
            for m in &MIGRATIONS[..5] {
                conn.execute_batch(m.sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 5).unwrap();
            conn.execute_batch(&format!(
                "INSERT INTO programs (id, name, created_at) VALUES ('p', 'P', 'x');
                 INSERT INTO survey_versions VALUES ('s', 1, '{{}}', 'x');
                 INSERT INTO program_surveys VALUES ('p', 's', 1, 0, 'x');
                 INSERT INTO invitations (token, program_id, survey_id, person_id, created_at)
                     VALUES ('{token}', 'p', 's', 'alice', 'x');
                 INSERT INTO responses VALUES ('r-000001', '{token}', 'p', 's', 1, 'alice', 'nl',
                     '{{}}', '{{}}', '2027-01-11T09:00:00Z');"
            ))
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let opened = store.open_invitation(token).await.unwrap().unwrap();
        assert_eq!(opened.invitation.token, token);
        assert_eq!(
            opened.submitted,
            Some(("r-000001".into(), "2027-01-11T09:00:00Z".into())),
            "its response moved with it"
        );
        drop(store);
        drop(Store::open(&path).unwrap());
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(token),
            "the plain token is gone from the database"
        );
    }

    #[tokio::test]
    async fn evaluations_stored_before_segments_were_kept_get_them_from_their_report() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            for m in &MIGRATIONS[..11] {
                conn.execute_batch(m.sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 11).unwrap();
            let report = r#"{"program": "P", "segments": [
                {"segment": {"wave": "wave-1"}, "n": 40, "state": "warn",
                 "readiness": {"estimate": 81, "conservative": 70, "assessed": []}},
                {"segment": {"platform": "iOS"}, "n": 12, "state": "fail",
                 "readiness": {"estimate": null, "conservative": null}}]}"#;
            conn.execute_batch(&format!(
                "INSERT INTO programs (id, name, created_at) VALUES ('p', 'P', 'x');
                 INSERT INTO evaluations (program_id, at, lang, created_at, created_by,
                     everything_passes, inputs, report)
                 VALUES ('p', '2027-02-01', 'en', 'x', 'ann', 0, '[]', '{report}'),
                        ('p', '2027-02-08', 'en', 'x', 'ann', 0, '[]', 'not a report');"
            ))
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let listed = store.evaluations_with_segments("p").await.unwrap().unwrap();
        let segments: Vec<(&str, Option<serde_json::Value>)> = listed
            .iter()
            .map(|e| {
                let json = e.segments_json.as_deref();
                (
                    e.row.fields.at.as_str(),
                    json.map(|j| serde_json::from_str(j).unwrap()),
                )
            })
            .collect();
        assert_eq!(
            segments,
            vec![
                ("2027-02-08", None),
                (
                    "2027-02-01",
                    Some(serde_json::json!([
                        {"segment": {"wave": "wave-1"}, "n": 40, "state": "warn",
                         "readiness": {"estimate": 81, "conservative": 70}},
                        {"segment": {"platform": "iOS"}, "n": 12, "state": "fail",
                         "readiness": {"estimate": null, "conservative": null}}
                    ]))
                ),
            ],
            "filled in from the report; one that is no report keeps none"
        );
        drop(store);
        drop(Store::open(&path).unwrap());
        assert_eq!(ledger(&path), expected());
    }

    #[tokio::test]
    async fn accounts_stored_as_typed_are_found_by_their_key_and_a_duplicate_is_disabled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accounts.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            for m in &MIGRATIONS[..17] {
                conn.execute_batch(m.sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 17).unwrap();
            // As `wavegate admin create-user` stored them: as typed, unique in ASCII case only.
            conn.execute_batch(
                "INSERT INTO users (id, email, role, password_hash, created_at) VALUES
                     (1, 'Ann@Example.org', 'planner', 'h1', 'x'),
                     (2, 'Ä.Jansen@Example.nl', 'viewer', 'h2', 'x'),
                     (3, 'Ö@Example.nl', 'planner', 'h3', 'x'),
                     (4, 'ö@example.NL', 'viewer', 'h4', 'x'),
                     (5, 'ÉÉN@x.nl', 'planner', 'h5', 'x'),
                     (6, 'Één@X.nl', 'planner', 'h6', 'x');
                 INSERT INTO sessions VALUES ('s3', 3, 'c', 'x', 'x', 'x'), ('s4', 4, 'c', 'x', 'x', 'x');",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let found = |email: &'static str| {
            let store = &store;
            async move { store.user_by_email(email).await.unwrap().unwrap() }
        };
        assert_eq!(found("ann@example.org").await.email, "ann@example.org");
        for typed in ["Ä.Jansen@Example.nl", "ä.jansen@example.nl"] {
            let ä = found(typed).await;
            assert_eq!((ä.id, ä.email.as_str()), (2, "ä.jansen@example.nl"));
        }
        // The one stored as the key (ignoring ASCII case) keeps the address; else the oldest.
        let ö = found("Ö@example.nl").await;
        assert_eq!(
            (ö.id, ö.email.as_str(), ö.disabled_at),
            (4, "ö@example.nl", None)
        );
        let één = found("één@x.nl").await;
        assert_eq!(
            (één.id, één.email.as_str(), één.disabled_at),
            (5, "één@x.nl", None)
        );
        let users = store.users().await.unwrap();
        let other = |id| users.iter().find(|u| u.id == id).unwrap();
        assert_eq!(other(3).email, "Ö@Example.nl");
        assert!(
            other(3)
                .disabled_at
                .as_deref()
                .is_some_and(|d| d.ends_with('Z'))
        );
        assert_eq!(other(6).email, "Één@X.nl");
        assert!(other(6).disabled_at.is_some());
        let sessions: Vec<String> = Connection::open(&path)
            .unwrap()
            .prepare("SELECT id_hash FROM sessions ORDER BY id_hash")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(sessions, ["s4"], "the disabled account's sessions end");
        drop(store);
        drop(Store::open(&path).unwrap());
        assert_eq!(ledger(&path), expected());
    }

    #[test]
    fn a_database_from_a_newer_wavegate_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sqlite");
        drop(Store::open(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')",
                [],
            )
            .unwrap();
        let Err(err) = Store::open(&path) else {
            panic!("a newer schema must not be opened");
        };
        assert!(
            err.to_string().contains("newer than this wavegate"),
            "{err}"
        );
    }

    #[test]
    fn an_old_database_counting_more_migrations_than_known_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("odd.sqlite");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 999)
            .unwrap();
        assert!(Store::open(&path).is_err());
    }
}
