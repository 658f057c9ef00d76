//! Responses: storing each exactly once, and reading a survey's responses back for results.

use super::invitations::InvitationRow;
use super::link_keys::LinkKeys;
use super::surveys::{program_survey, survey_version};
use super::{Store, StoreError};
use rusqlite::{Connection, OptionalExtension, params};

/// A response as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseRow {
    /// Client-generated id (idempotency key).
    pub id: String,
    /// The keyed hash of the invitation it came through (never the token).
    pub invitation_hash: String,
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

/// A program's survey with every response, for summaries and exports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyResponses {
    /// The definition JSON of the version respondents get now.
    pub definition_json: String,
    /// Every response, all versions, oldest first.
    pub responses: Vec<ResponseRow>,
}

/// What happened to a submitted response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InsertOutcome {
    /// Stored now.
    Stored {
        /// RFC 3339 UTC.
        submitted_at: String,
    },
    /// The same response id was stored before through this link: nothing changed. What was
    /// stored tells a retry from other answers under the same id (the caller's to judge).
    AlreadyStored {
        /// When it was first stored.
        submitted_at: String,
        /// The version the stored response answers.
        survey_version: u32,
        /// The stored answers (JSON object keyed by question id).
        answers_json: String,
    },
    /// This personal invitation was already answered with another response.
    InvitationUsed,
    /// This anonymous link has taken as many answers as its segment has people.
    LinkFull,
}

/// A new response to store.
#[derive(Clone, Debug)]
pub struct NewResponse {
    /// Client-generated id.
    pub id: String,
    /// The invitation (its person and attributes are stored with the answers).
    pub invitation: InvitationRow,
    /// The version answered.
    pub survey_version: u32,
    /// The language answered in.
    pub language: String,
    /// Answers JSON.
    pub answers_json: String,
    /// RFC 3339 UTC.
    pub submitted_at: String,
}

impl Store {
    /// Stores a response exactly once: a retry with the same id through the same link is
    /// acknowledged again, a second response to a personal invitation is refused. Responses
    /// submitted together share one transaction (see `writer`); each is answered after it.
    pub async fn insert_response(&self, new: NewResponse) -> Result<InsertOutcome, StoreError> {
        self.writer.insert(new).await
    }

    /// A program's survey with every response, read in one transaction; `None` when the survey
    /// is not attached to the program.
    pub async fn survey_responses(
        &self,
        program_id: &str,
        survey_id: &str,
    ) -> Result<Option<SurveyResponses>, StoreError> {
        let (p, s) = (program_id.to_string(), survey_id.to_string());
        self.call(move |c| {
            let tx = c.transaction()?;
            let Some(ps) = program_survey(&tx, &p, &s)? else {
                return Ok(None);
            };
            let definition_json =
                survey_version(&tx, &ps.survey_id, ps.version)?.ok_or_else(|| {
                    StoreError::Corrupt(format!(
                        "survey {} of program {} has no published version {}",
                        ps.survey_id, ps.program_id, ps.version
                    ))
                })?;
            Ok(Some(SurveyResponses {
                definition_json,
                responses: responses(&tx, &p, &s)?,
            }))
        })
        .await
    }
}

/// Stores a response inside the caller's transaction (see [`Store::insert_response`]).
pub(super) fn insert_response(
    c: &Connection,
    keys: &LinkKeys,
    new: &NewResponse,
) -> Result<InsertOutcome, StoreError> {
    let link = keys.lookup(&new.invitation.token);
    // Response ids are unique per link: the same id through this link is a retry; through
    // another link it is another person's response and blocks nothing here.
    let existing = c
        .query_row(
            "SELECT submitted_at, survey_version, answers FROM responses
             WHERE invitation_hash = ?1 AND id = ?2",
            params![link, new.id],
            |r| {
                Ok(InsertOutcome::AlreadyStored {
                    submitted_at: r.get(0)?,
                    survey_version: r.get(1)?,
                    answers_json: r.get(2)?,
                })
            },
        )
        .optional()?;
    if let Some(stored) = existing {
        return Ok(stored);
    }
    if new.invitation.person_id.is_some() {
        let used: bool = c.query_row(
            "SELECT EXISTS (SELECT 1 FROM responses WHERE invitation_hash = ?1 AND person_id IS NOT NULL)",
            [&link],
            |r| r.get(0),
        )?;
        if used {
            return Ok(InsertOutcome::InvitationUsed);
        }
    } else {
        // Counted in the writer's transaction, so two answers at once cannot both take the
        // last place.
        let full: bool = c.query_row(
            "SELECT i.capacity IS NOT NULL
                    AND (SELECT count(*) FROM responses r WHERE r.invitation_hash = ?1) >= i.capacity
             FROM invitations i WHERE i.token_hash = ?1",
            [&link],
            |r| r.get(0),
        )?;
        if full {
            return Ok(InsertOutcome::LinkFull);
        }
    }
    c.execute(
        "INSERT INTO responses (invitation_hash, id, program_id, survey_id, survey_version, person_id,
                                language, attributes, answers, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            link,
            new.id,
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
    Ok(InsertOutcome::Stored {
        submitted_at: new.submitted_at.clone(),
    })
}

pub(super) fn responses(
    c: &Connection,
    program_id: &str,
    survey_id: &str,
) -> Result<Vec<ResponseRow>, StoreError> {
    let mut stmt = c.prepare(
        "SELECT id, invitation_hash, survey_version, person_id, language, attributes, answers, submitted_at
         FROM responses WHERE program_id = ?1 AND survey_id = ?2 ORDER BY submitted_at, id",
    )?;
    let rows = stmt.query_map(params![program_id, survey_id], |r| {
        Ok(ResponseRow {
            id: r.get(0)?,
            invitation_hash: r.get(1)?,
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
    use crate::store::test_support::{NOW, seeded, submit};

    async fn stored(store: &Store) -> usize {
        let all = store.survey_responses("p", "s").await.unwrap().unwrap();
        all.responses.len()
    }

    #[tokio::test]
    async fn a_personal_invitation_is_answered_once_and_retries_are_idempotent() {
        let store = seeded().await;
        assert!(matches!(
            submit(&store, "t1", "r1").await,
            InsertOutcome::Stored { .. }
        ));
        assert!(matches!(
            submit(&store, "t1", "r1").await,
            InsertOutcome::AlreadyStored { .. }
        ));
        assert_eq!(
            submit(&store, "t1", "r2").await,
            InsertOutcome::InvitationUsed
        );
        assert_eq!(stored(&store).await, 1);
        let opened = store.open_invitation("t1").await.unwrap().unwrap();
        assert_eq!(opened.submitted, Some(("r1".into(), NOW.into())));
    }

    #[tokio::test]
    async fn an_anonymous_link_takes_many_responses_but_ids_stay_unique() {
        let store = seeded().await;
        assert!(matches!(
            submit(&store, "anon", "a1").await,
            InsertOutcome::Stored { .. }
        ));
        assert!(matches!(
            submit(&store, "anon", "a2").await,
            InsertOutcome::Stored { .. }
        ));
        assert!(
            matches!(
                submit(&store, "t1", "a1").await,
                InsertOutcome::Stored { .. }
            ),
            "an id used through another link blocks nothing"
        );
        let overview = store.programs_overview().await.unwrap();
        let counts = &overview[0].surveys[0].survey;
        assert_eq!((counts.responses, counts.invitations), (3, 2));
        assert_eq!(stored(&store).await, 3);
    }

    #[tokio::test]
    async fn the_time_a_personal_link_was_answered_is_listed_with_it() {
        let store = seeded().await;
        submit(&store, "t1", "r1").await;
        submit(&store, "anon", "a1").await;
        let listed = store.invitations("p", "s").await.unwrap().unwrap();
        let times: Vec<(Option<&str>, Option<&str>)> = listed
            .iter()
            .map(|l| (l.invitation.person_id.as_deref(), l.submitted_at.as_deref()))
            .collect();
        assert_eq!(times, vec![(None, None), (Some("alice"), Some(NOW))]);
    }
}
