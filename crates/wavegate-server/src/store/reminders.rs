//! Reminders: the personal links of a survey with how often and when each was reminded, and
//! recording a batch of reminders sent.

use super::invitations::{COLUMNS, ListedInvitation, sealed_row};
use super::{Store, StoreError, count};
use rusqlite::params;

/// A personal link with its reminder history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemindedInvitation {
    /// The link and its response time.
    pub listed: ListedInvitation,
    /// Reminders recorded.
    pub sent: u64,
    /// When the last was recorded.
    pub last_sent_at: Option<String>,
}

impl Store {
    /// The personal links of a program's survey with their reminders, by person id; `None`
    /// when the survey is not the program's.
    pub async fn reminded_invitations(
        &self,
        program_id: &str,
        survey_id: &str,
    ) -> Result<Option<Vec<RemindedInvitation>>, StoreError> {
        self.read_program_survey(program_id, survey_id, |tx, keys, p, s| {
            let mut stmt = tx.prepare(&format!(
                "SELECT {COLUMNS}, r.submitted_at,
                        (SELECT count(*) FROM reminders m WHERE m.token_hash = i.token_hash),
                        (SELECT max(sent_at) FROM reminders m WHERE m.token_hash = i.token_hash)
                 FROM invitations i
                 LEFT JOIN responses r ON r.invitation_hash = i.token_hash AND r.person_id IS NOT NULL
                 WHERE i.program_id = ?1 AND i.survey_id = ?2 AND i.person_id IS NOT NULL
                 ORDER BY i.person_id"
            ))?;
            let rows = stmt.query_map(params![p, s], |r| {
                Ok((
                    sealed_row(r)?,
                    r.get::<_, Option<String>>(11)?,
                    r.get::<_, i64>(12)?,
                    r.get::<_, Option<String>>(13)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (sealed, submitted_at, sent, last_sent_at) = row?;
                out.push(RemindedInvitation {
                    listed: ListedInvitation {
                        invitation: sealed.open(keys)?,
                        submitted_at,
                    },
                    sent: count(sent),
                    last_sent_at,
                });
            }
            Ok(out)
        })
        .await
    }

    /// Records a reminder sent at `at` to each of these links, all or none.
    pub async fn record_reminders(&self, tokens: Vec<String>, at: &str) -> Result<u64, StoreError> {
        let (at, keys) = (at.to_string(), self.keys.clone());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut n = 0;
            for t in &tokens {
                n += tx.execute(
                    "INSERT INTO reminders (token_hash, sent_at) VALUES (?1, ?2)",
                    params![keys.lookup(t), at],
                )?;
            }
            tx.commit()?;
            Ok(n as u64)
        })
        .await
    }
}
