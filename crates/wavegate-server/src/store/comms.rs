//! The communication plan: adding a planned message to a program (within its limit), listing a
//! program's messages, changing one (marking it sent among others) and deleting one.

use super::{Store, StoreError, count, program_exists};
use rusqlite::{TransactionBehavior, params};

/// What the planner sets of a message, already checked by the core; the days as YYYY-MM-DD,
/// the segment as a JSON object, channel and purpose as the core's wire names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageFields {
    /// The wave; `None` for everyone on the roster.
    pub wave: Option<String>,
    /// Split attribute → value, as JSON.
    pub segment: String,
    /// The channel.
    pub channel: String,
    /// Who sends it.
    pub owner: String,
    /// What it asks.
    pub purpose: String,
    /// The planned day.
    pub planned_on: String,
    /// The day it went out.
    pub sent_on: Option<String>,
    /// Its subject.
    pub subject: String,
    /// Its note.
    pub note: String,
}

/// A stored message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageRow {
    /// Its id.
    pub id: u64,
    /// What the planner set.
    pub fields: MessageFields,
    /// Who planned it.
    pub created_by: String,
    /// When (RFC 3339).
    pub created_at: String,
}

/// What adding a message did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageAdded {
    /// Stored.
    Stored(Box<MessageRow>),
    /// Nothing stored: the program plans this many messages already, which its limit refused.
    Full(u64),
    /// Nothing stored: no such program.
    NoProgram,
}

const COLUMNS: &str = "id, wave, segment, channel, owner, purpose, planned_on, sent_on, subject, \
                       note, created_by, created_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MessageRow> {
    let id: i64 = r.get(0)?;
    Ok(MessageRow {
        id: count(id),
        fields: MessageFields {
            wave: r.get(1)?,
            segment: r.get(2)?,
            channel: r.get(3)?,
            owner: r.get(4)?,
            purpose: r.get(5)?,
            planned_on: r.get(6)?,
            sent_on: r.get(7)?,
            subject: r.get(8)?,
            note: r.get(9)?,
        },
        created_by: r.get(10)?,
        created_at: r.get(11)?,
    })
}

impl Store {
    /// Adds a message in one transaction, unless `has_room` refuses the number the program
    /// plans already (counted in the same transaction, so two planners adding at once cannot
    /// pass the limit together).
    pub async fn add_message(
        &self,
        program_id: &str,
        fields: MessageFields,
        created_by: String,
        created_at: String,
        has_room: fn(u64) -> bool,
    ) -> Result<MessageAdded, StoreError> {
        let p = program_id.to_string();
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if !program_exists(&tx, &p)? {
                return Ok(MessageAdded::NoProgram);
            }
            let kept: i64 = tx.query_row(
                "SELECT count(*) FROM planned_messages WHERE program_id = ?1",
                [&p],
                |r| r.get(0),
            )?;
            if !has_room(count(kept)) {
                return Ok(MessageAdded::Full(count(kept)));
            }
            let f = &fields;
            tx.execute(
                "INSERT INTO planned_messages (program_id, wave, segment, channel, owner, purpose,
                     planned_on, sent_on, subject, note, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    p,
                    f.wave,
                    f.segment,
                    f.channel,
                    f.owner,
                    f.purpose,
                    f.planned_on,
                    f.sent_on,
                    f.subject,
                    f.note,
                    created_by,
                    created_at
                ],
            )?;
            let id = count(tx.last_insert_rowid());
            tx.commit()?;
            Ok(MessageAdded::Stored(Box::new(MessageRow {
                id,
                fields,
                created_by,
                created_at,
            })))
        })
        .await
    }

    /// A program's messages, in the order they were planned; `None` for an unknown program.
    pub async fn messages(&self, program_id: &str) -> Result<Option<Vec<MessageRow>>, StoreError> {
        let p = program_id.to_string();
        self.call(move |c| {
            let tx = c.transaction()?;
            if !program_exists(&tx, &p)? {
                return Ok(None);
            }
            let mut stmt = tx.prepare(&format!(
                "SELECT {COLUMNS} FROM planned_messages WHERE program_id = ?1 ORDER BY id"
            ))?;
            let rows = stmt.query_map([&p], row)?.collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            Ok(Some(rows))
        })
        .await
    }

    /// Replaces what the planner set of a program's message, keeping who planned it and when;
    /// the message as it is now, or `None` when the program has none by that id.
    pub async fn update_message(
        &self,
        program_id: &str,
        id: u64,
        fields: MessageFields,
    ) -> Result<Option<MessageRow>, StoreError> {
        let p = program_id.to_string();
        let id = i64::try_from(id).unwrap_or(i64::MAX);
        self.call(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let f = &fields;
            let n = tx.execute(
                "UPDATE planned_messages SET wave = ?3, segment = ?4, channel = ?5, owner = ?6,
                     purpose = ?7, planned_on = ?8, sent_on = ?9, subject = ?10, note = ?11
                 WHERE program_id = ?1 AND id = ?2",
                params![
                    p,
                    id,
                    f.wave,
                    f.segment,
                    f.channel,
                    f.owner,
                    f.purpose,
                    f.planned_on,
                    f.sent_on,
                    f.subject,
                    f.note
                ],
            )?;
            if n != 1 {
                return Ok(None);
            }
            let updated = tx.query_row(
                &format!("SELECT {COLUMNS} FROM planned_messages WHERE id = ?1"),
                [id],
                row,
            )?;
            tx.commit()?;
            Ok(Some(updated))
        })
        .await
    }

    /// Deletes a message of a program; `false` when the program has none by that id (another
    /// program's message is left alone).
    pub async fn delete_message(&self, program_id: &str, id: u64) -> Result<bool, StoreError> {
        let p = program_id.to_string();
        let id = i64::try_from(id).unwrap_or(i64::MAX);
        self.call(move |c| {
            let n = c.execute(
                "DELETE FROM planned_messages WHERE program_id = ?1 AND id = ?2",
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

    fn fields(subject: &str) -> MessageFields {
        MessageFields {
            wave: Some("pilot".into()),
            segment: "{}".into(),
            channel: "email".into(),
            owner: "Communicatie".into(),
            purpose: "enroll".into(),
            planned_on: "2027-01-11".into(),
            sent_on: None,
            subject: subject.into(),
            note: String::new(),
        }
    }

    async fn add(store: &Store, program: &str, subject: &str) -> MessageAdded {
        let who = "planner@example.org".to_string();
        store
            .add_message(program, fields(subject), who, NOW.into(), |_| true)
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn messages_are_changed_and_deleted_only_within_their_program() {
        let store = seeded().await;
        let MessageAdded::Stored(first) = add(&store, "p", "a").await else {
            panic!("stored");
        };
        let MessageAdded::Stored(second) = add(&store, "p", "b").await else {
            panic!("stored");
        };
        assert_eq!(
            store.messages("p").await.unwrap().unwrap(),
            [(*first).clone(), (*second).clone()]
        );
        assert_eq!(store.messages("nope").await.unwrap(), None);
        assert_eq!(add(&store, "nope", "c").await, MessageAdded::NoProgram);
        let sent = MessageFields {
            sent_on: Some("2027-01-12".into()),
            ..fields("a, sent")
        };
        let changed = store
            .update_message("p", first.id, sent.clone())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (changed.fields, changed.created_by),
            (sent.clone(), first.created_by.clone())
        );
        assert_eq!(
            store.update_message("nope", first.id, sent).await.unwrap(),
            None
        );
        assert!(!store.delete_message("nope", first.id).await.unwrap());
        assert!(store.delete_message("p", first.id).await.unwrap());
        assert!(!store.delete_message("p", first.id).await.unwrap(), "once");
        assert_eq!(store.messages("p").await.unwrap().unwrap(), [*second]);
    }

    #[tokio::test]
    async fn a_full_plan_stores_nothing() {
        let store = seeded().await;
        add(&store, "p", "a").await;
        let added = store
            .add_message("p", fields("b"), "x".into(), NOW.into(), |kept| kept < 1)
            .await
            .unwrap();
        assert_eq!(added, MessageAdded::Full(1));
        assert_eq!(store.messages("p").await.unwrap().unwrap().len(), 1);
    }
}
