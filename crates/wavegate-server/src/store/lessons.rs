//! The lessons-learned log: adding a lesson to a program (within its limit), listing a
//! program's lessons newest first, and deleting one of them.

use super::{Store, StoreError, count, program_exists};
use rusqlite::{TransactionBehavior, params};

/// A lesson to store, already checked by the core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLessonRow {
    /// The program.
    pub program_id: String,
    /// The wave; `None` for the program as a whole.
    pub wave: Option<String>,
    /// `went_well` or `to_improve`.
    pub kind: String,
    /// The text.
    pub text: String,
    /// Who recorded it.
    pub author: String,
    /// When (RFC 3339).
    pub created_at: String,
}

/// A stored lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonRow {
    /// Its id.
    pub id: u64,
    /// What was stored.
    pub lesson: NewLessonRow,
}

/// What adding a lesson did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonAdded {
    /// Stored.
    Stored(LessonRow),
    /// Nothing stored: the program keeps this many lessons already, which its limit refused.
    Full(u64),
    /// Nothing stored: no such program.
    NoProgram,
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LessonRow> {
    let id: i64 = r.get(0)?;
    Ok(LessonRow {
        id: count(id),
        lesson: NewLessonRow {
            program_id: r.get(1)?,
            wave: r.get(2)?,
            kind: r.get(3)?,
            text: r.get(4)?,
            author: r.get(5)?,
            created_at: r.get(6)?,
        },
    })
}

impl Store {
    /// Adds a lesson in one transaction, unless `has_room` refuses the number the program
    /// keeps already (counted in the same transaction, so two planners adding at once cannot
    /// pass the limit together).
    pub async fn add_lesson(
        &self,
        new: NewLessonRow,
        has_room: fn(u64) -> bool,
    ) -> Result<LessonAdded, StoreError> {
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if !program_exists(&tx, &new.program_id)? {
                return Ok(LessonAdded::NoProgram);
            }
            let kept: i64 = tx.query_row(
                "SELECT count(*) FROM lessons WHERE program_id = ?1",
                [&new.program_id],
                |r| r.get(0),
            )?;
            if !has_room(count(kept)) {
                return Ok(LessonAdded::Full(count(kept)));
            }
            tx.execute(
                "INSERT INTO lessons (program_id, wave, kind, text, author, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    new.program_id,
                    new.wave,
                    new.kind,
                    new.text,
                    new.author,
                    new.created_at
                ],
            )?;
            let id = count(tx.last_insert_rowid());
            tx.commit()?;
            Ok(LessonAdded::Stored(LessonRow { id, lesson: new }))
        })
        .await
    }

    /// A program's lessons, newest first; `None` for an unknown program.
    pub async fn lessons(&self, program_id: &str) -> Result<Option<Vec<LessonRow>>, StoreError> {
        let p = program_id.to_string();
        self.call(move |c| {
            let tx = c.transaction()?;
            if !program_exists(&tx, &p)? {
                return Ok(None);
            }
            let mut stmt = tx.prepare(
                "SELECT id, program_id, wave, kind, text, author, created_at FROM lessons
                 WHERE program_id = ?1 ORDER BY id DESC",
            )?;
            let rows = stmt.query_map([&p], row)?.collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            Ok(Some(rows))
        })
        .await
    }

    /// Deletes a lesson of a program; `false` when the program has none by that id (another
    /// program's lesson is left alone).
    pub async fn delete_lesson(&self, program_id: &str, id: u64) -> Result<bool, StoreError> {
        let p = program_id.to_string();
        let id = i64::try_from(id).unwrap_or(i64::MAX);
        self.call(move |c| {
            let n = c.execute(
                "DELETE FROM lessons WHERE program_id = ?1 AND id = ?2",
                params![p, id],
            )?;
            Ok(n == 1)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{NOW, seeded};

    fn lesson(program: &str, text: &str) -> NewLessonRow {
        NewLessonRow {
            program_id: program.into(),
            wave: None,
            kind: "went_well".into(),
            text: text.into(),
            author: "planner@example.org".into(),
            created_at: NOW.into(),
        }
    }

    #[tokio::test]
    async fn lessons_are_listed_newest_first_and_deleted_only_from_their_program() {
        let store = seeded().await;
        let room = |_| true;
        let LessonAdded::Stored(first) = store.add_lesson(lesson("p", "a"), room).await.unwrap()
        else {
            panic!("stored");
        };
        let LessonAdded::Stored(second) = store.add_lesson(lesson("p", "b"), room).await.unwrap()
        else {
            panic!("stored");
        };
        let listed = store.lessons("p").await.unwrap().unwrap();
        assert_eq!(listed, [second.clone(), first.clone()]);
        assert_eq!(store.lessons("nope").await.unwrap(), None);
        assert_eq!(
            store.add_lesson(lesson("nope", "c"), room).await.unwrap(),
            LessonAdded::NoProgram
        );
        assert!(!store.delete_lesson("nope", first.id).await.unwrap());
        assert!(store.delete_lesson("p", first.id).await.unwrap());
        assert!(!store.delete_lesson("p", first.id).await.unwrap(), "once");
        assert_eq!(store.lessons("p").await.unwrap().unwrap(), [second]);
    }

    #[tokio::test]
    async fn a_full_log_stores_nothing() {
        let store = seeded().await;
        store.add_lesson(lesson("p", "a"), |_| true).await.unwrap();
        let added = store
            .add_lesson(lesson("p", "b"), |kept| kept < 1)
            .await
            .unwrap();
        assert_eq!(added, LessonAdded::Full(1));
        assert_eq!(store.lessons("p").await.unwrap().unwrap().len(), 1);
    }
}
