//! Self-study training: published module versions (never changed), personal training links,
//! assignments and progress facts (only added, each once by its id). The store keeps modules and
//! facts as JSON text; the API layer reads them with `wavegate-core`.

use super::link_keys::LinkKeys;
use super::{Store, StoreError, opens_at, people_by_key, revoked_open};
use rusqlite::{Connection, OptionalExtension, params};
use subtle::ConstantTimeEq;

/// Whether publishing stored a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleStored {
    /// Stored now.
    New,
    /// The same definition was already published under this version.
    Unchanged,
}

/// A program's module: its id and every published definition, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleVersions {
    /// The module id.
    pub module_id: String,
    /// `(version, definition JSON, published_at)`, oldest first.
    pub versions: Vec<(u32, String, String)>,
}

/// A personal training link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraineeRow {
    /// The secret token in the link.
    pub token: String,
    /// The program.
    pub program_id: String,
    /// The roster person.
    pub person_id: String,
    /// The name on their certificate.
    pub name: String,
    /// Their e-mail address from the roster.
    pub email: Option<String>,
    /// Attributes the link carries (JSON object: wave, split attributes).
    pub attributes_json: String,
    /// Their language, when known.
    pub language: Option<String>,
    /// The program's wave the roster gave them, when it did.
    pub wave: Option<String>,
    /// The last day (UTC, `YYYY-MM-DD`, inclusive) the link opens; `None`: no expiry.
    pub expires_on: Option<String>,
    /// When a planner revoked the link.
    pub revoked_at: Option<String>,
}

/// A trainee to assign a module to; the caller makes the token and registration, used only
/// when the person has no link or assignment yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTrainee {
    /// A fresh token.
    pub token: String,
    /// The roster person.
    pub person_id: String,
    /// The name on their certificate.
    pub name: String,
    /// Their e-mail address from the roster.
    pub email: Option<String>,
    /// Link attributes (JSON object).
    pub attributes_json: String,
    /// Their language.
    pub language: Option<String>,
    /// Their wave, for revoking a wave's links.
    pub wave: Option<String>,
    /// The last day a new link opens (`YYYY-MM-DD`); a link that exists keeps its own.
    pub expires_on: Option<String>,
    /// A fresh registration (UUID).
    pub registration: String,
}

/// One assignment of a module, with the trainee's link and every fact recorded for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignmentRecord {
    /// The link.
    pub trainee: TraineeRow,
    /// The module.
    pub module_id: String,
    /// The registration.
    pub registration: String,
    /// When it was assigned.
    pub assigned_at: String,
    /// Whether it was made by the call that returned it.
    pub created: bool,
    /// Whether the call that returned it gave the person a new link in place of one that was
    /// revoked or had expired (the old token then opens nothing).
    pub renewed: bool,
    /// `(fact id, fact JSON)` in the order recorded.
    pub facts: Vec<(String, String)>,
}

/// What happened to a submitted fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactOutcome {
    /// Stored now.
    Stored,
    /// The same fact was stored before under this id (a resend): nothing changed.
    AlreadyStored,
    /// Another fact is stored under this id: the stored one.
    Conflict(String),
}

const TRAINEE_COLUMNS: &str = "t.token_hash, t.token_mask, t.program_id, t.person_id, t.name, t.attributes, t.language, t.email, t.wave, t.expires_on, t.revoked_at";

/// Column of the first field after [`TRAINEE_COLUMNS`] in a query that selects more.
const AFTER_TRAINEE: usize = 11;

/// A trainee row with its token opened by `keys`; a row sealed with another secret is an error,
/// not a link.
fn trainee_row(keys: &LinkKeys, r: &rusqlite::Row<'_>) -> rusqlite::Result<TraineeRow> {
    let (hash, mask): (String, String) = (r.get(0)?, r.get(1)?);
    let token = keys.unseal(&hash, &mask).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            "a training link was sealed with another secret than this server's".into(),
        )
    })?;
    Ok(TraineeRow {
        token,
        program_id: r.get(2)?,
        person_id: r.get(3)?,
        name: r.get(4)?,
        attributes_json: r.get(5)?,
        language: r.get(6)?,
        email: r.get(7)?,
        wave: r.get(8)?,
        expires_on: r.get(9)?,
        revoked_at: r.get(10)?,
    })
}

impl Store {
    /// Stores a module version, unless the same definition is already there; a different
    /// definition under a published version, or a version that does not follow the latest, is
    /// [`StoreError::ModuleVersionTaken`]. The version
    /// must follow the latest stored one (the caller checked it with the core; this holds it
    /// against a concurrent publish).
    pub async fn publish_module_version(
        &self,
        program_id: &str,
        module_id: &str,
        version: u32,
        definition_json: &str,
        at: &str,
    ) -> Result<ModuleStored, StoreError> {
        let (p, m, d, at) = (
            program_id.to_string(),
            module_id.to_string(),
            definition_json.to_string(),
            at.to_string(),
        );
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let existing: Option<String> = tx
                .query_row(
                    "SELECT definition FROM module_versions
                     WHERE program_id = ?1 AND module_id = ?2 AND version = ?3",
                    params![p, m, version],
                    |r| r.get(0),
                )
                .optional()?;
            match existing {
                Some(same) if same == d => return Ok(ModuleStored::Unchanged),
                Some(_) => {
                    return Err(StoreError::ModuleVersionTaken {
                        module_id: m,
                        version,
                    });
                }
                None => {}
            }
            let latest: u32 = tx.query_row(
                "SELECT coalesce(max(version), 0) FROM module_versions
                 WHERE program_id = ?1 AND module_id = ?2",
                params![p, m],
                |r| r.get(0),
            )?;
            if version != latest + 1 {
                return Err(StoreError::ModuleVersionTaken {
                    module_id: m,
                    version,
                });
            }
            tx.execute(
                "INSERT INTO module_versions (program_id, module_id, version, definition, published_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![p, m, version, d, at],
            )?;
            tx.commit()?;
            Ok(ModuleStored::New)
        })
        .await
    }

    /// Every module of a program with its published versions, by module id; or one module.
    pub async fn modules(
        &self,
        program_id: &str,
        module_id: Option<&str>,
    ) -> Result<Vec<ModuleVersions>, StoreError> {
        let (p, m) = (program_id.to_string(), module_id.map(str::to_string));
        self.call(move |c| modules(c, &p, m.as_deref())).await
    }

    /// Assigns a module to trainees, all or none: a person without a training link gets one, a
    /// person without this module gets an assignment; existing ones are kept (re-assigning is
    /// safe), except a link that was revoked or has expired, which the new token replaces (their
    /// progress stays). Returns every trainee's assignment, in the order given.
    pub async fn assign_module(
        &self,
        program_id: &str,
        module_id: &str,
        trainees: Vec<NewTrainee>,
        at: &str,
    ) -> Result<Vec<AssignmentRecord>, StoreError> {
        let (p, m, at, keys) = (
            program_id.to_string(),
            module_id.to_string(),
            at.to_string(),
            self.keys.clone(),
        );
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut out = Vec::with_capacity(trainees.len());
            for t in trainees {
                let (hash, mask) = keys.seal(&t.token);
                let existing: Option<(Option<String>, Option<String>, String)> = tx
                    .query_row(
                        "SELECT expires_on, revoked_at, token_hash FROM trainees WHERE program_id = ?1 AND person_id = ?2",
                        params![p, t.person_id],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                let renewed = match existing {
                    None => {
                        tx.execute(
                            "INSERT INTO trainees (token_hash, token_mask, program_id, person_id, name, email, attributes, language, created_at, wave, expires_on)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            params![hash, mask, p, t.person_id, t.name, t.email, t.attributes_json, t.language, at, t.wave, t.expires_on],
                        )?;
                        false
                    }
                    // A person keeps a link that opens; one revoked or past its last day is
                    // replaced by this token, and what they did so far stays theirs.
                    Some((expires_on, revoked_at, old_hash))
                        if !opens_at(expires_on.as_deref(), revoked_at.is_some(), &at) =>
                    {
                        tx.execute(
                            "UPDATE trainees SET token_hash = ?1, token_mask = ?2, name = ?3, email = ?4,
                                 attributes = ?5, language = ?6, created_at = ?7, wave = ?8,
                                 expires_on = ?9, revoked_at = NULL
                             WHERE program_id = ?10 AND person_id = ?11",
                            params![hash, mask, t.name, t.email, t.attributes_json, t.language, at, t.wave, t.expires_on, p, t.person_id],
                        )?;
                        super::invitations::record_replaced(&tx, &old_hash, &p, &at)?;
                        true
                    }
                    Some(_) => false,
                };
                let created = tx.execute(
                    "INSERT INTO module_assignments (program_id, module_id, person_id, registration, assigned_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (program_id, module_id, person_id) DO NOTHING",
                    params![p, m, t.person_id, t.registration, at],
                )? == 1;
                let mut record = assignments(&tx, &keys, &p, Some(&m), Some(&t.person_id))?
                    .pop()
                    .ok_or_else(|| StoreError::Corrupt("an assignment just made is gone".into()))?;
                record.created = created;
                record.renewed = renewed;
                out.push(record);
            }
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    /// Every assignment of a program (or of one module), with its facts, by module and person.
    pub async fn assignments(
        &self,
        program_id: &str,
        module_id: Option<&str>,
    ) -> Result<Vec<AssignmentRecord>, StoreError> {
        let (p, m, keys) = (
            program_id.to_string(),
            module_id.map(str::to_string),
            self.keys.clone(),
        );
        self.call(move |c| {
            let tx = c.transaction()?;
            assignments(&tx, &keys, &p, m.as_deref(), None)
        })
        .await
    }

    /// A training link by its token: found by its keyed hash, then the sealed token compared
    /// with the one presented in constant time.
    pub async fn trainee(&self, token: &str) -> Result<Option<TraineeRow>, StoreError> {
        let (token, keys) = (token.to_string(), self.keys.clone());
        self.call(move |c| {
            let found = c
                .query_row(
                    &format!("SELECT {TRAINEE_COLUMNS} FROM trainees t WHERE t.token_hash = ?1"),
                    [keys.lookup(&token)],
                    |r| trainee_row(&keys, r),
                )
                .optional()?;
            // The row's token was opened with the secret (so its hash is its own); it must also be
            // the very token presented, not one that collides on the hash.
            Ok(found.filter(|t| bool::from(t.token.as_bytes().ct_eq(token.as_bytes()))))
        })
        .await
    }

    /// A trainee's assignments (all modules) with their facts.
    pub async fn trainee_assignments(
        &self,
        trainee: &TraineeRow,
    ) -> Result<Vec<AssignmentRecord>, StoreError> {
        let (p, person, keys) = (
            trainee.program_id.clone(),
            trainee.person_id.clone(),
            self.keys.clone(),
        );
        self.call(move |c| {
            let tx = c.transaction()?;
            assignments(&tx, &keys, &p, None, Some(&person))
        })
        .await
    }

    /// Records a progress fact exactly once: a resend of the same fact changes nothing, another
    /// fact under a used id is refused.
    pub async fn insert_fact(
        &self,
        program_id: &str,
        registration: &str,
        id: &str,
        body_json: &str,
        at: &str,
    ) -> Result<FactOutcome, StoreError> {
        let (p, r, id, body, at) = (
            program_id.to_string(),
            registration.to_string(),
            id.to_string(),
            body_json.to_string(),
            at.to_string(),
        );
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let existing: Option<String> = tx
                .query_row(
                    "SELECT body FROM training_facts WHERE registration = ?1 AND id = ?2",
                    params![r, id],
                    |row| row.get(0),
                )
                .optional()?;
            let outcome = match existing {
                Some(same) if same == body => FactOutcome::AlreadyStored,
                Some(other) => FactOutcome::Conflict(other),
                None => {
                    tx.execute(
                        "INSERT INTO training_facts (registration, id, program_id, body, recorded_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![r, id, p, body, at],
                    )?;
                    FactOutcome::Stored
                }
            };
            tx.commit()?;
            Ok(outcome)
        })
        .await
    }
}

/// Which training links of a program to revoke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraineeRevocation {
    /// The links of these people.
    People(Vec<String>),
    /// The links of everyone the roster put in this wave.
    Wave(String),
}

impl Store {
    /// Revokes training links of a program at `at`; returns how many opened until now (an
    /// expired link is marked too but not counted; revoking twice changes nothing).
    pub async fn revoke_trainees(
        &self,
        program_id: &str,
        which: TraineeRevocation,
        at: &str,
    ) -> Result<u64, StoreError> {
        let (p, at) = (program_id.to_string(), at.to_string());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            const OPEN: &str = "UPDATE trainees SET revoked_at = ?1
                 WHERE program_id = ?2 AND revoked_at IS NULL";
            let mut n = 0;
            match which {
                TraineeRevocation::People(people) => {
                    let stored = people_by_key(
                        &tx,
                        "SELECT person_id FROM trainees WHERE program_id = ?1",
                        params![p],
                    )?;
                    for person in people {
                        let key = wavegate_core::invitation::person_key(&person);
                        for id in stored.get(&key).into_iter().flatten() {
                            n += revoked_open(
                                &tx,
                                &format!("{OPEN} AND person_id = ?3 RETURNING expires_on"),
                                params![at, p, id],
                                &at,
                            )?;
                        }
                    }
                }
                TraineeRevocation::Wave(wave) => {
                    n += revoked_open(
                        &tx,
                        &format!("{OPEN} AND wave = ?3 RETURNING expires_on"),
                        params![at, p, wave],
                        &at,
                    )?;
                }
            }
            tx.commit()?;
            Ok(n)
        })
        .await
    }
}

pub(super) fn modules(
    c: &Connection,
    program_id: &str,
    module_id: Option<&str>,
) -> Result<Vec<ModuleVersions>, StoreError> {
    let mut stmt = c.prepare(
        "SELECT module_id, version, definition, published_at FROM module_versions
         WHERE program_id = ?1 AND (?2 IS NULL OR module_id = ?2)
         ORDER BY module_id, version",
    )?;
    let rows = stmt.query_map(params![program_id, module_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out: Vec<ModuleVersions> = Vec::new();
    for row in rows {
        let (m, v, d, at) = row?;
        match out.last_mut() {
            Some(last) if last.module_id == m => last.versions.push((v, d, at)),
            _ => out.push(ModuleVersions {
                module_id: m,
                versions: vec![(v, d, at)],
            }),
        }
    }
    Ok(out)
}

pub(super) fn assignments(
    c: &Connection,
    keys: &LinkKeys,
    program_id: &str,
    module_id: Option<&str>,
    person_id: Option<&str>,
) -> Result<Vec<AssignmentRecord>, StoreError> {
    let mut stmt = c.prepare(&format!(
        "SELECT {TRAINEE_COLUMNS}, a.module_id, a.registration, a.assigned_at
         FROM module_assignments a
         JOIN trainees t ON t.program_id = a.program_id AND t.person_id = a.person_id
         WHERE a.program_id = ?1 AND (?2 IS NULL OR a.module_id = ?2)
           AND (?3 IS NULL OR a.person_id = ?3)
         ORDER BY a.module_id, a.person_id"
    ))?;
    let rows = stmt.query_map(params![program_id, module_id, person_id], |r| {
        Ok(AssignmentRecord {
            trainee: trainee_row(keys, r)?,
            module_id: r.get(AFTER_TRAINEE)?,
            registration: r.get(AFTER_TRAINEE + 1)?,
            assigned_at: r.get(AFTER_TRAINEE + 2)?,
            created: false,
            renewed: false,
            facts: Vec::new(),
        })
    })?;
    let mut out = rows.collect::<Result<Vec<_>, _>>()?;
    let mut facts =
        c.prepare("SELECT id, body FROM training_facts WHERE registration = ?1 ORDER BY rowid")?;
    for a in &mut out {
        a.facts = facts
            .query_map([&a.registration], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
    }
    Ok(out)
}

/// `(facts, last fact rowid, versions, assignments)` of a program: changes whenever training
/// data does (all of it is only ever added).
pub(super) fn training_stamp(
    c: &Connection,
    program_id: &str,
) -> Result<(i64, i64, i64, i64), StoreError> {
    Ok(c.query_row(
        "SELECT (SELECT count(*) FROM training_facts WHERE program_id = ?1),
                (SELECT coalesce(max(rowid), 0) FROM training_facts WHERE program_id = ?1),
                (SELECT count(*) FROM module_versions WHERE program_id = ?1),
                (SELECT count(*) FROM module_assignments WHERE program_id = ?1)",
        [program_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{NOW, seeded};

    fn trainee(person: &str, token: &str, registration: &str) -> NewTrainee {
        NewTrainee {
            token: token.into(),
            person_id: person.into(),
            name: person.into(),
            email: None,
            attributes_json: "{}".into(),
            language: None,
            wave: Some("pilot".into()),
            expires_on: Some("2027-02-28".into()),
            registration: registration.into(),
        }
    }

    #[tokio::test]
    async fn published_versions_never_change_and_follow_each_other() {
        let store = seeded().await;
        let publish = |v: u32, d: &'static str| {
            let store = store.clone();
            async move { store.publish_module_version("p", "m", v, d, NOW).await }
        };
        assert_eq!(publish(1, "{\"a\":1}").await.unwrap(), ModuleStored::New);
        assert_eq!(
            publish(1, "{\"a\":1}").await.unwrap(),
            ModuleStored::Unchanged
        );
        assert!(matches!(
            publish(1, "{\"a\":2}").await,
            Err(StoreError::ModuleVersionTaken { .. })
        ));
        assert!(matches!(
            publish(3, "{}").await,
            Err(StoreError::ModuleVersionTaken { .. })
        ));
        let c = store.conn.lock().unwrap();
        assert!(
            c.execute("UPDATE module_versions SET definition = 'x'", [])
                .is_err(),
            "the database itself refuses"
        );
    }

    #[tokio::test]
    async fn assigning_again_keeps_links_and_registrations_and_facts_are_kept_once() {
        let store = seeded().await;
        let first = store
            .assign_module("p", "m", vec![trainee("alice", "tok-a", "reg-a")], NOW)
            .await
            .unwrap();
        assert!(first[0].created);
        let again = store
            .assign_module("p", "m", vec![trainee("alice", "tok-b", "reg-b")], NOW)
            .await
            .unwrap();
        assert!(!again[0].created);
        assert_eq!(
            (
                again[0].trainee.token.as_str(),
                again[0].registration.as_str()
            ),
            ("tok-a", "reg-a")
        );
        let put = |body: &'static str| {
            let store = store.clone();
            async move { store.insert_fact("p", "reg-a", "f1", body, NOW).await }
        };
        assert_eq!(put("{}").await.unwrap(), FactOutcome::Stored);
        assert_eq!(put("{}").await.unwrap(), FactOutcome::AlreadyStored);
        assert_eq!(
            put("{\"x\":1}").await.unwrap(),
            FactOutcome::Conflict("{}".into())
        );
        let found = store.trainee("tok-a").await.unwrap().unwrap();
        let mine = store.trainee_assignments(&found).await.unwrap();
        assert_eq!(mine[0].facts, vec![("f1".to_string(), "{}".to_string())]);
    }

    #[tokio::test]
    async fn a_link_keeps_its_expiry_and_is_revoked_once_per_person_or_wave() {
        let store = seeded().await;
        let mut bob = trainee("bob", "tok-b", "reg-b");
        bob.wave = Some("wave-1".into());
        store
            .assign_module("p", "m", vec![trainee("alice", "tok-a", "reg-a"), bob], NOW)
            .await
            .unwrap();
        let alice = store.trainee("tok-a").await.unwrap().unwrap();
        assert_eq!(
            (alice.expires_on.as_deref(), alice.revoked_at),
            (Some("2027-02-28"), None)
        );
        let wave = |w: &str| TraineeRevocation::Wave(w.into());
        assert_eq!(
            store
                .revoke_trainees("p", wave("pilot"), NOW)
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            store
                .revoke_trainees("p", wave("pilot"), NOW)
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            store
                .revoke_trainees("other", wave("wave-1"), NOW)
                .await
                .unwrap(),
            0
        );
        let alice = store.trainee("tok-a").await.unwrap().unwrap();
        assert_eq!(alice.revoked_at.as_deref(), Some(NOW));
        assert_eq!(
            store.trainee("tok-b").await.unwrap().unwrap().revoked_at,
            None
        );
        let people = TraineeRevocation::People(vec!["bob".into(), "nobody".into()]);
        assert_eq!(store.revoke_trainees("p", people, NOW).await.unwrap(), 1);
    }

    #[tokio::test]
    async fn a_revoked_link_is_given_anew_on_the_next_assignment_and_progress_stays() {
        let store = seeded().await;
        store
            .assign_module("p", "m", vec![trainee("alice", "tok-a", "reg-a")], NOW)
            .await
            .unwrap();
        store
            .insert_fact("p", "reg-a", "f1", "{}", NOW)
            .await
            .unwrap();
        let alice = TraineeRevocation::People(vec!["alice".into()]);
        assert_eq!(store.revoke_trainees("p", alice, NOW).await.unwrap(), 1);
        let again = store
            .assign_module("p", "m", vec![trainee("alice", "tok-a2", "reg-x")], NOW)
            .await
            .unwrap();
        assert_eq!(
            (
                again[0].trainee.token.as_str(),
                again[0].registration.as_str()
            ),
            ("tok-a2", "reg-a"),
            "a new link, the same registration"
        );
        assert!(again[0].trainee.revoked_at.is_none());
        assert!(store.trainee("tok-a").await.unwrap().is_none());
        let found = store.trainee("tok-a2").await.unwrap().unwrap();
        let mine = store.trainee_assignments(&found).await.unwrap();
        assert_eq!(mine[0].facts.len(), 1, "progress kept");
        // An open link is kept as it was.
        let kept = store
            .assign_module("p", "m", vec![trainee("alice", "tok-a3", "reg-y")], NOW)
            .await
            .unwrap();
        assert_eq!(kept[0].trainee.token, "tok-a2");
    }
}
