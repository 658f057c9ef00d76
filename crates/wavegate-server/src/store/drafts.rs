//! Drafts of personal links: the answers so far, kept on the server so a person can continue on
//! another device. Stored as JSON text (the API layer checks it with the core), one per person
//! and survey, with a revision that counts the saves.

use super::{Store, StoreError};
use rusqlite::OptionalExtension;
use wavegate_core::survey::draft::Precondition;

/// Whose draft: the person's invitation to a program's survey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftOwner {
    /// The program.
    pub program_id: String,
    /// The survey.
    pub survey_id: String,
    /// The person (drafts are never kept for anonymous links).
    pub person_id: String,
}

/// What became of a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftSaved {
    /// Stored as this revision.
    Saved(u64),
    /// Refused: the person's response is stored (the answers are in the response then).
    Answered,
    /// Refused: the stored draft does not meet the save's precondition; this is its revision
    /// (`None`: none is stored).
    Changed(Option<u64>),
}

/// The revision of the draft stored for these keys (program, survey, person), if any.
fn stored_revision(
    c: &rusqlite::Connection,
    keys: [&String; 3],
) -> Result<Option<u64>, StoreError> {
    let stored: Option<i64> = c
        .query_row(
            "SELECT revision FROM drafts
             WHERE program_id = ?1 AND survey_id = ?2 AND person_id = ?3",
            keys,
            |r| r.get(0),
        )
        .optional()?;
    Ok(stored.map(super::count))
}

/// A stored draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftRow {
    /// The draft as JSON.
    pub draft_json: String,
    /// Counts the saves, from 1.
    pub revision: u64,
    /// When it was stored.
    pub saved_at: String,
    /// When its answers last changed on the device that saved it (empty: unknown).
    pub edited_at: String,
}

/// A draft to store: its JSON, when, and when its answers last changed on the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSave {
    /// The draft as JSON.
    pub draft_json: String,
    /// Now.
    pub saved_at: String,
    /// The core's [`edit_time`](wavegate_core::survey::draft::edit_time) of the save.
    pub edited_at: String,
}

impl Store {
    /// The person's draft, if one is kept.
    pub async fn draft(&self, owner: DraftOwner) -> Result<Option<DraftRow>, StoreError> {
        self.call(move |c| {
            Ok(c.query_row(
                "SELECT draft, revision, saved_at, edited_at FROM drafts
                 WHERE program_id = ?1 AND survey_id = ?2 AND person_id = ?3",
                [&owner.program_id, &owner.survey_id, &owner.person_id],
                |r| {
                    Ok(DraftRow {
                        draft_json: r.get(0)?,
                        revision: super::count(r.get(1)?),
                        saved_at: r.get(2)?,
                        edited_at: r.get(3)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    /// Stores the person's draft as the next revision if the stored one meets `expected`
    /// (checked and written in one transaction, so two devices saving at once cannot both pass).
    /// Refused once the person's response is stored.
    pub async fn save_draft(
        &self,
        owner: DraftOwner,
        expected: Precondition,
        save: DraftSave,
    ) -> Result<DraftSaved, StoreError> {
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let keys = [&owner.program_id, &owner.survey_id, &owner.person_id];
            let answered: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM responses
                 WHERE program_id = ?1 AND survey_id = ?2 AND person_id = ?3)",
                keys,
                |r| r.get(0),
            )?;
            if answered {
                return Ok(DraftSaved::Answered);
            }
            let stored = stored_revision(&tx, keys)?;
            if !expected.holds(stored) {
                return Ok(DraftSaved::Changed(stored));
            }
            let revision: i64 = tx.query_row(
                "INSERT INTO drafts
                    (program_id, survey_id, person_id, revision, draft, saved_at, edited_at)
                 VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6)
                 ON CONFLICT (program_id, survey_id, person_id) DO UPDATE
                 SET revision = revision + 1, draft = excluded.draft,
                     saved_at = excluded.saved_at, edited_at = excluded.edited_at
                 RETURNING revision",
                [
                    &owner.program_id,
                    &owner.survey_id,
                    &owner.person_id,
                    &save.draft_json,
                    &save.saved_at,
                    &save.edited_at,
                ],
                |r| r.get(0),
            )?;
            tx.commit()?;
            Ok(DraftSaved::Saved(super::count(revision)))
        })
        .await
    }

    /// How many drafts are kept (for tests and operators: answered invitations keep none).
    pub async fn draft_count(&self) -> Result<u64, StoreError> {
        self.call(|c| {
            let n: i64 = c.query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))?;
            Ok(super::count(n))
        })
        .await
    }

    /// Forgets the person's draft if it meets `expected` ("not you?" on the device that saved
    /// it); `Err(stored)` with the stored revision when another save came since, which stays.
    /// No draft stored is no draft to forget: `Ok`.
    pub async fn discard_draft(
        &self,
        owner: DraftOwner,
        expected: Precondition,
    ) -> Result<Result<(), u64>, StoreError> {
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let keys = [&owner.program_id, &owner.survey_id, &owner.person_id];
            let Some(stored) = stored_revision(&tx, keys)? else {
                return Ok(Ok(()));
            };
            if !expected.holds(Some(stored)) {
                return Ok(Err(stored));
            }
            tx.execute(
                "DELETE FROM drafts WHERE program_id = ?1 AND survey_id = ?2 AND person_id = ?3",
                keys,
            )?;
            tx.commit()?;
            Ok(Ok(()))
        })
        .await
    }

    /// Forgets the person's draft (their response is stored).
    pub async fn delete_draft(&self, owner: DraftOwner) -> Result<(), StoreError> {
        self.call(move |c| {
            c.execute(
                "DELETE FROM drafts WHERE program_id = ?1 AND survey_id = ?2 AND person_id = ?3",
                [&owner.program_id, &owner.survey_id, &owner.person_id],
            )?;
            Ok(())
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{NOW, seeded};

    fn alice() -> DraftOwner {
        DraftOwner {
            program_id: "p".into(),
            survey_id: "s".into(),
            person_id: "alice".into(),
        }
    }

    async fn save(store: &Store, expected: Precondition, json: &str) -> DraftSaved {
        let save = DraftSave {
            draft_json: json.into(),
            saved_at: NOW.into(),
            edited_at: NOW.into(),
        };
        store.save_draft(alice(), expected, save).await.unwrap()
    }

    #[tokio::test]
    async fn each_save_is_the_next_revision_and_a_delete_forgets_it() {
        let store = seeded().await;
        assert_eq!(store.draft(alice()).await.unwrap(), None);
        let first = save(&store, Precondition::Any, "{\"a\":1}").await;
        assert_eq!(first, DraftSaved::Saved(1));
        let second = save(&store, Precondition::Any, "{\"a\":2}").await;
        assert_eq!(second, DraftSaved::Saved(2));
        let row = store.draft(alice()).await.unwrap().unwrap();
        assert_eq!((row.revision, row.draft_json.as_str()), (2, "{\"a\":2}"));
        store.delete_draft(alice()).await.unwrap();
        assert_eq!(store.draft(alice()).await.unwrap(), None);
    }

    #[tokio::test]
    async fn a_save_expecting_another_state_stores_nothing() {
        let store = seeded().await;
        let stale = save(&store, Precondition::Revision(1), "{\"a\":0}").await;
        assert_eq!(stale, DraftSaved::Changed(None));
        assert_eq!(
            save(&store, Precondition::Absent, "{\"a\":1}").await,
            DraftSaved::Saved(1)
        );
        assert_eq!(
            save(&store, Precondition::Absent, "{\"a\":9}").await,
            DraftSaved::Changed(Some(1))
        );
        assert_eq!(
            save(&store, Precondition::Revision(1), "{\"a\":2}").await,
            DraftSaved::Saved(2)
        );
        assert_eq!(
            save(&store, Precondition::Revision(1), "{\"a\":9}").await,
            DraftSaved::Changed(Some(2))
        );
        let row = store.draft(alice()).await.unwrap().unwrap();
        assert_eq!((row.revision, row.draft_json.as_str()), (2, "{\"a\":2}"));
    }
}
