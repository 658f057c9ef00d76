//! Drafts of personal links: the answers so far, kept on the server so a person can continue on
//! another device. Stored as JSON text (the API layer checks it with the core), one per person
//! and survey, with a revision that counts the saves.

use super::{Store, StoreError};
use rusqlite::OptionalExtension;

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

/// A stored draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftRow {
    /// The draft as JSON.
    pub draft_json: String,
    /// Counts the saves, from 1.
    pub revision: u64,
    /// When it was stored.
    pub saved_at: String,
}

impl Store {
    /// The person's draft, if one is kept.
    pub async fn draft(&self, owner: DraftOwner) -> Result<Option<DraftRow>, StoreError> {
        self.call(move |c| {
            Ok(c.query_row(
                "SELECT draft, revision, saved_at FROM drafts
                 WHERE program_id = ?1 AND survey_id = ?2 AND person_id = ?3",
                [&owner.program_id, &owner.survey_id, &owner.person_id],
                |r| {
                    Ok(DraftRow {
                        draft_json: r.get(0)?,
                        revision: super::count(r.get(1)?),
                        saved_at: r.get(2)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    /// Stores the person's draft as the next revision; returns that revision. Refused (`None`)
    /// once the person's response is stored: the answers are in the response then.
    pub async fn save_draft(
        &self,
        owner: DraftOwner,
        draft_json: String,
        saved_at: String,
    ) -> Result<Option<u64>, StoreError> {
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let answered: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM responses
                 WHERE program_id = ?1 AND survey_id = ?2 AND person_id = ?3)",
                [&owner.program_id, &owner.survey_id, &owner.person_id],
                |r| r.get(0),
            )?;
            if answered {
                return Ok(None);
            }
            let revision: i64 = tx.query_row(
                "INSERT INTO drafts (program_id, survey_id, person_id, revision, draft, saved_at)
                 VALUES (?1, ?2, ?3, 1, ?4, ?5)
                 ON CONFLICT (program_id, survey_id, person_id) DO UPDATE
                 SET revision = revision + 1, draft = excluded.draft, saved_at = excluded.saved_at
                 RETURNING revision",
                [
                    &owner.program_id,
                    &owner.survey_id,
                    &owner.person_id,
                    &draft_json,
                    &saved_at,
                ],
                |r| r.get(0),
            )?;
            tx.commit()?;
            Ok(Some(super::count(revision)))
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

    #[tokio::test]
    async fn each_save_is_the_next_revision_and_a_delete_forgets_it() {
        let store = seeded().await;
        assert_eq!(store.draft(alice()).await.unwrap(), None);
        let first = store
            .save_draft(alice(), "{\"a\":1}".into(), NOW.into())
            .await;
        assert_eq!(first.unwrap(), Some(1));
        let second = store
            .save_draft(alice(), "{\"a\":2}".into(), NOW.into())
            .await;
        assert_eq!(second.unwrap(), Some(2));
        let row = store.draft(alice()).await.unwrap().unwrap();
        assert_eq!((row.revision, row.draft_json.as_str()), (2, "{\"a\":2}"));
        store.delete_draft(alice()).await.unwrap();
        assert_eq!(store.draft(alice()).await.unwrap(), None);
    }
}
