//! Invitation links: creating one per person, listing a survey's links, opening one by token,
//! and revoking links. Tokens are stored sealed (see `link_keys`): found by a keyed hash,
//! compared in constant time.

use super::link_keys::LinkKeys;
use super::surveys::{program_survey, survey_version};
use super::{Store, StoreError, opens_at, people_by_key, revoked_open};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use wavegate_core::invitation::person_key;

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
    /// The wave the link was made for, when known.
    pub wave: Option<String>,
    /// The last day (UTC, `YYYY-MM-DD`, inclusive) the link opens; `None`: no expiry.
    pub expires_on: Option<String>,
    /// When a planner revoked the link.
    pub revoked_at: Option<String>,
}

/// An invitation with the time its response was stored (personal links only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedInvitation {
    /// The invitation.
    pub invitation: InvitationRow,
    /// When this person's response was stored, if it was.
    pub submitted_at: Option<String>,
}

/// An invitation to create; the caller makes the token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInvitationRow {
    /// A fresh secret token, used only if the person has no link yet.
    pub token: String,
    /// The invited person; `None` for an anonymous link.
    pub person_id: Option<String>,
    /// Segment attributes (JSON object).
    pub attributes_json: String,
    /// Preferred language.
    pub language: Option<String>,
    /// The wave the link is made for.
    pub wave: Option<String>,
    /// The last day the link opens (`YYYY-MM-DD`).
    pub expires_on: Option<String>,
    /// For an anonymous link: the most answers it takes (its segment's people on the roster);
    /// `None`: no bound (no roster to count them on).
    pub capacity: Option<u64>,
}

/// What a respondent's link opens: the invitation, its program and the survey to answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenedInvitation {
    /// The invitation.
    pub invitation: InvitationRow,
    /// The program's display name.
    pub program_name: String,
    /// The program's support details for respondents (JSON object).
    pub support_json: String,
    /// The definition JSON of the survey version respondents get now.
    pub definition_json: String,
    /// The earlier response through this personal link: `(response id, submitted_at)`.
    pub submitted: Option<(String, String)>,
}

pub(super) const COLUMNS: &str = "i.token_hash, i.token_mask, i.program_id, i.survey_id, i.person_id, \
     i.attributes, i.language, i.created_at, i.wave, i.expires_on, i.revoked_at";

/// An invitation as stored: the sealed token still to be opened with the secret.
pub(super) struct SealedRow {
    token_hash: String,
    token_mask: String,
    row: InvitationRow,
}

pub(super) fn sealed_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SealedRow> {
    Ok(SealedRow {
        token_hash: r.get(0)?,
        token_mask: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        row: InvitationRow {
            token: String::new(),
            program_id: r.get(2)?,
            survey_id: r.get(3)?,
            person_id: r.get(4)?,
            attributes_json: r.get(5)?,
            language: r.get(6)?,
            created_at: r.get(7)?,
            wave: r.get(8)?,
            expires_on: r.get(9)?,
            revoked_at: r.get(10)?,
        },
    })
}

impl SealedRow {
    /// The row with its token opened; a row sealed with another secret is an error, not a link.
    pub(super) fn open(self, keys: &LinkKeys) -> Result<InvitationRow, StoreError> {
        let token = keys
            .unseal(&self.token_hash, &self.token_mask)
            .ok_or_else(|| {
                StoreError::Corrupt(
                    "an invitation was sealed with another secret than this server's".into(),
                )
            })?;
        Ok(InvitationRow { token, ..self.row })
    }
}

impl Store {
    /// Looks up an invitation by its token.
    pub async fn invitation(&self, token: &str) -> Result<Option<InvitationRow>, StoreError> {
        let (token, keys) = (token.to_string(), self.keys.clone());
        self.call(move |c| invitation(c, &keys, &token)).await
    }

    /// The program of a survey or training link that was given anew, by the old link's token;
    /// `None` for any other token.
    pub async fn replaced_link(&self, token: &str) -> Result<Option<String>, StoreError> {
        let hash = self.keys.lookup(token);
        self.call(move |c| {
            Ok(c.query_row(
                "SELECT program_id FROM replaced_links WHERE token_hash = ?1",
                [hash],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }

    /// Everything a link opens, read in one transaction; `None` for an unknown token or a
    /// survey no longer attached to its program.
    pub async fn open_invitation(
        &self,
        token: &str,
    ) -> Result<Option<OpenedInvitation>, StoreError> {
        let (token, keys) = (token.to_string(), self.keys.clone());
        self.call(move |c| {
            let tx = c.transaction()?;
            let Some(inv) = invitation(&tx, &keys, &token)? else {
                return Ok(None);
            };
            let program: Option<(String, String)> = tx
                .query_row(
                    "SELECT name, support FROM programs WHERE id = ?1",
                    [&inv.program_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let definition = match program_survey(&tx, &inv.program_id, &inv.survey_id)? {
                Some(ps) => survey_version(&tx, &ps.survey_id, ps.version)?,
                None => None,
            };
            let submitted = match inv.person_id {
                Some(_) => tx
                    .query_row(
                        "SELECT id, submitted_at FROM responses
                         WHERE invitation_hash = ?1 AND person_id IS NOT NULL",
                        [keys.lookup(&inv.token)],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?,
                None => None,
            };
            Ok(program
                .zip(definition)
                .map(
                    |((program_name, support_json), definition_json)| OpenedInvitation {
                        invitation: inv,
                        program_name,
                        support_json,
                        definition_json,
                        submitted,
                    },
                ))
        })
        .await
    }

    /// The links of a program's survey, the anonymous link first, then by person id; `None` when
    /// the survey is not attached to the program.
    pub async fn invitations(
        &self,
        program_id: &str,
        survey_id: &str,
    ) -> Result<Option<Vec<ListedInvitation>>, StoreError> {
        self.read_program_survey(program_id, survey_id, listed)
            .await
    }

    /// Creates links, all or none, in the order given. A person who already has a link gets it
    /// back (with its response time), so re-running a mail merge is safe; unless that link was
    /// revoked or has expired before they answered: then the new token replaces it (their draft
    /// and reminders stay theirs), so inviting them again after revoking a lost phone's link
    /// sends a link that opens.
    pub async fn create_invitations(
        &self,
        program_id: &str,
        survey_id: &str,
        entries: Vec<NewInvitationRow>,
        created_at: &str,
    ) -> Result<Vec<ListedInvitation>, StoreError> {
        let (p, s, at, keys) = (
            program_id.to_string(),
            survey_id.to_string(),
            created_at.to_string(),
            self.keys.clone(),
        );
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // By person key: an id written in another case is the same person.
            let mut existing: HashMap<String, ListedInvitation> = listed(&tx, &keys, &p, &s)?
                .into_iter()
                .filter_map(|l| Some((person_key(l.invitation.person_id.as_deref()?), l)))
                .collect();
            let mut out = Vec::with_capacity(entries.len());
            for entry in entries {
                let found = entry
                    .person_id
                    .as_deref()
                    .and_then(|id| existing.get(&person_key(id)));
                if let Some(found) = found
                    && !closed_unanswered(found, &at)
                {
                    out.push(found.clone());
                    continue;
                }
                let replaced = found.map(|f| f.invitation.token.clone());
                let row = InvitationRow {
                    token: entry.token,
                    program_id: p.clone(),
                    survey_id: s.clone(),
                    person_id: entry.person_id,
                    attributes_json: entry.attributes_json,
                    language: entry.language,
                    created_at: at.clone(),
                    wave: entry.wave,
                    expires_on: entry.expires_on,
                    revoked_at: None,
                };
                match &replaced {
                    Some(old) => replace_token(&tx, &keys, old, &row)?,
                    None => insert_invitation(&tx, &keys, &row)?,
                }
                set_capacity(&tx, &keys, &row.token, entry.capacity)?;
                let created = ListedInvitation {
                    invitation: row,
                    submitted_at: None,
                };
                if let Some(person) = &created.invitation.person_id {
                    existing.insert(person_key(person), created.clone());
                }
                out.push(created);
            }
            tx.commit()?;
            Ok(out)
        })
        .await
    }
}

impl Store {
    /// The open anonymous link of a program's survey that carries exactly these attributes,
    /// made from `entry` when there is none, in one transaction: two planners (or a double
    /// click) asking at once get the same link. `true` when it was made now. Open means as for
    /// a personal link ([`closed_unanswered`]): not revoked and not past its last day at
    /// `created_at`; an expired link is never handed out again (its respondents would get
    /// `410`), a new one is made with `entry`'s last day.
    pub async fn anonymous_link_or_create(
        &self,
        program_id: &str,
        survey_id: &str,
        entry: NewInvitationRow,
        created_at: &str,
    ) -> Result<(bool, InvitationRow), StoreError> {
        let (p, s, at, keys) = (
            program_id.to_string(),
            survey_id.to_string(),
            created_at.to_string(),
            self.keys.clone(),
        );
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let found = {
                let mut stmt = tx.prepare(&format!(
                    "SELECT {COLUMNS} FROM invitations i
                     WHERE i.program_id = ?1 AND i.survey_id = ?2 AND i.person_id IS NULL
                       AND i.attributes = ?3 AND i.revoked_at IS NULL
                     ORDER BY i.created_at"
                ))?;
                let mut rows = stmt.query_map(params![p, s, entry.attributes_json], sealed_row)?;
                let mut open = None;
                for row in &mut rows {
                    let row = row?;
                    if opens_at(row.row.expires_on.as_deref(), false, &at) {
                        open = Some(row.open(&keys)?);
                        break;
                    }
                }
                open
            };
            if let Some(row) = found {
                // Asked for again: it takes as many answers as the segment has people now.
                set_capacity(&tx, &keys, &row.token, entry.capacity)?;
                tx.commit()?;
                return Ok((false, row));
            }
            let row = InvitationRow {
                token: entry.token,
                program_id: p,
                survey_id: s,
                person_id: None,
                attributes_json: entry.attributes_json,
                language: entry.language,
                created_at: at,
                wave: entry.wave,
                expires_on: entry.expires_on,
                revoked_at: None,
            };
            insert_invitation(&tx, &keys, &row)?;
            set_capacity(&tx, &keys, &row.token, entry.capacity)?;
            tx.commit()?;
            Ok((true, row))
        })
        .await
    }
}

/// Which links of a survey to revoke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Revocation {
    /// These links, by token.
    Tokens(Vec<String>),
    /// The personal links of these people.
    People(Vec<String>),
    /// Every link made for this wave.
    Wave(String),
}

impl Store {
    /// Revokes links of a program's survey at `at`; returns how many were open until now (an
    /// expired link is marked too but not counted; revoking twice changes nothing), or `None`
    /// when the survey is not the program's.
    pub async fn revoke_invitations(
        &self,
        program_id: &str,
        survey_id: &str,
        which: Revocation,
        at: &str,
    ) -> Result<Option<u64>, StoreError> {
        let (p, s, at, keys) = (
            program_id.to_string(),
            survey_id.to_string(),
            at.to_string(),
            self.keys.clone(),
        );
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            if program_survey(&tx, &p, &s)?.is_none() {
                return Ok(None);
            }
            const OPEN: &str = "UPDATE invitations SET revoked_at = ?1
                 WHERE program_id = ?2 AND survey_id = ?3 AND revoked_at IS NULL";
            let mut n = 0;
            match which {
                Revocation::Tokens(tokens) => {
                    for t in tokens {
                        n += revoked_open(
                            &tx,
                            &format!("{OPEN} AND token_hash = ?4 RETURNING expires_on"),
                            params![at, p, s, keys.lookup(&t)],
                            &at,
                        )?;
                    }
                }
                Revocation::People(people) => {
                    let stored = people_by_key(
                        &tx,
                        "SELECT person_id FROM invitations
                         WHERE program_id = ?1 AND survey_id = ?2 AND person_id IS NOT NULL",
                        params![p, s],
                    )?;
                    for person in people {
                        for id in stored.get(&person_key(&person)).into_iter().flatten() {
                            n += revoked_open(
                                &tx,
                                &format!("{OPEN} AND person_id = ?4 RETURNING expires_on"),
                                params![at, p, s, id],
                                &at,
                            )?;
                        }
                    }
                }
                Revocation::Wave(wave) => {
                    n += revoked_open(
                        &tx,
                        &format!("{OPEN} AND wave = ?4 RETURNING expires_on"),
                        params![at, p, s, wave],
                        &at,
                    )?;
                }
            }
            tx.commit()?;
            Ok(Some(n))
        })
        .await
    }
}

/// Judges again, inside the caller's transaction, every anonymous survey link of the program
/// that is not revoked and still opens at `at`: `capacity` reads its attributes (JSON) and
/// says how many answers it now takes, or `None` when it may no longer be open (its group
/// under 5 people), and then it is revoked at `at` (each distinct set of attributes is asked
/// once). Returns how many it revoked. `capacity` failing is [`StoreError::Corrupt`], so the
/// caller's transaction rolls back.
pub(super) fn rejudge_anonymous_links(
    tx: &Connection,
    program_id: &str,
    at: &str,
    capacity: &dyn Fn(&str) -> Result<Option<u64>, String>,
) -> Result<u64, StoreError> {
    let open: Vec<(String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT token_hash, attributes, expires_on FROM invitations
             WHERE program_id = ?1 AND person_id IS NULL AND revoked_at IS NULL",
        )?;
        let rows = stmt.query_map([program_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut open = Vec::new();
        for row in rows {
            let (hash, attributes, expires_on) = row?;
            if opens_at(expires_on.as_deref(), false, at) {
                open.push((hash, attributes));
            }
        }
        open
    };
    let mut judged: HashMap<String, Option<u64>> = HashMap::new();
    let mut n = 0;
    for (hash, attributes) in open {
        let judgement = match judged.get(&attributes) {
            Some(&j) => j,
            None => {
                let j = capacity(&attributes).map_err(StoreError::Corrupt)?;
                judged.insert(attributes, j);
                j
            }
        };
        match judgement {
            None => {
                n += tx.execute(
                    "UPDATE invitations SET revoked_at = ?1 WHERE token_hash = ?2 AND revoked_at IS NULL",
                    params![at, hash],
                )? as u64;
            }
            // A link made before any roster took answers without a bound; one made on an
            // earlier roster is bound by its group as that roster had it.
            Some(people) => {
                tx.execute(
                    "UPDATE invitations SET capacity = ?1 WHERE token_hash = ?2",
                    params![people.min(i64::MAX as u64) as i64, hash],
                )?;
            }
        }
    }
    Ok(n)
}

/// The invitation of a token: found by its keyed hash, then the sealed token compared with the
/// one presented in constant time.
fn invitation(
    c: &Connection,
    keys: &LinkKeys,
    token: &str,
) -> Result<Option<InvitationRow>, StoreError> {
    let found = c
        .query_row(
            &format!("SELECT {COLUMNS} FROM invitations i WHERE i.token_hash = ?1"),
            [keys.lookup(token)],
            sealed_row,
        )
        .optional()?;
    Ok(match found {
        Some(r) if keys.matches(token, &r.token_hash, &r.token_mask) => Some(r.open(keys)?),
        _ => None,
    })
}

fn listed(
    c: &Connection,
    keys: &LinkKeys,
    program_id: &str,
    survey_id: &str,
) -> Result<Vec<ListedInvitation>, StoreError> {
    let mut stmt = c.prepare(&format!(
        "SELECT {COLUMNS}, r.submitted_at
         FROM invitations i
         LEFT JOIN responses r ON r.invitation_hash = i.token_hash AND r.person_id IS NOT NULL
         WHERE i.program_id = ?1 AND i.survey_id = ?2
         ORDER BY i.person_id IS NOT NULL, i.person_id, i.created_at"
    ))?;
    let rows = stmt.query_map(params![program_id, survey_id], |r| {
        Ok((sealed_row(r)?, r.get::<_, Option<String>>(11)?))
    })?;
    rows.map(|row| {
        let (sealed, submitted_at) = row?;
        Ok(ListedInvitation {
            invitation: sealed.open(keys)?,
            submitted_at,
        })
    })
    .collect()
}

/// Whether a person's link no longer opens (revoked, or past its last day on `today`) and
/// brought no response: such a link is given anew when they are invited again.
fn closed_unanswered(found: &ListedInvitation, at: &str) -> bool {
    let inv = &found.invitation;
    found.submitted_at.is_none()
        && !opens_at(inv.expires_on.as_deref(), inv.revoked_at.is_some(), at)
}

/// Gives the link of `old_token` the token and facts of `row`, open again; its reminders move
/// with it. The old token opens nothing any more.
fn replace_token(
    tx: &Connection,
    keys: &LinkKeys,
    old_token: &str,
    row: &InvitationRow,
) -> Result<(), StoreError> {
    // Reminders point at the old key until both rows have moved: check at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let (hash, mask) = keys.seal(&row.token);
    let old = keys.lookup(old_token);
    tx.execute(
        "UPDATE invitations SET token_hash = ?1, token_mask = ?2, attributes = ?3, language = ?4,
                created_at = ?5, wave = ?6, expires_on = ?7, revoked_at = NULL
         WHERE token_hash = ?8",
        params![
            hash,
            mask,
            row.attributes_json,
            row.language,
            row.created_at,
            row.wave,
            row.expires_on,
            old
        ],
    )?;
    tx.execute(
        "UPDATE reminders SET token_hash = ?1 WHERE token_hash = ?2",
        params![hash, old],
    )?;
    record_replaced(tx, &old, &row.program_id, &row.created_at)
}

/// Records that the link of keyed hash `old_hash` (survey or training) was given anew on `at`.
pub(super) fn record_replaced(
    tx: &Connection,
    old_hash: &str,
    program_id: &str,
    at: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT OR IGNORE INTO replaced_links (token_hash, program_id, replaced_at)
         VALUES (?1, ?2, ?3)",
        params![old_hash, program_id, at],
    )?;
    Ok(())
}

/// Sets how many answers the link of `token` takes (`None`: no bound).
fn set_capacity(
    c: &Connection,
    keys: &LinkKeys,
    token: &str,
    capacity: Option<u64>,
) -> Result<(), StoreError> {
    c.execute(
        "UPDATE invitations SET capacity = ?1 WHERE token_hash = ?2",
        params![
            capacity.map(|n| n.min(i64::MAX as u64) as i64),
            keys.lookup(token)
        ],
    )?;
    Ok(())
}

pub(super) fn insert_invitation(
    c: &Connection,
    keys: &LinkKeys,
    inv: &InvitationRow,
) -> Result<(), StoreError> {
    let (hash, mask) = keys.seal(&inv.token);
    c.execute(
        "INSERT INTO invitations (token_hash, token_mask, program_id, survey_id, person_id,
                                  attributes, language, created_at, wave, expires_on, revoked_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            hash,
            mask,
            inv.program_id,
            inv.survey_id,
            inv.person_id,
            inv.attributes_json,
            inv.language,
            inv.created_at,
            inv.wave,
            inv.expires_on,
            inv.revoked_at
        ],
    )?;
    Ok(())
}

/// Seals the tokens of rows from before migration 6 (plain token, no mask) and moves their
/// responses to the sealed key, in one transaction; run at every open, a no-op once done.
pub(super) fn seal_plain_tokens(c: &mut Connection, keys: &LinkKeys) -> Result<(), StoreError> {
    let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Responses point at the old key until their invitation moves: check at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let plain: Vec<String> = {
        let mut stmt = tx.prepare("SELECT token_hash FROM invitations WHERE token_mask IS NULL")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    for token in &plain {
        let (hash, mask) = keys.seal(token);
        tx.execute(
            "UPDATE invitations SET token_hash = ?1, token_mask = ?2 WHERE token_hash = ?3",
            params![hash, mask, token],
        )?;
        tx.execute(
            "UPDATE responses SET invitation_hash = ?1 WHERE invitation_hash = ?2",
            params![hash, token],
        )?;
    }
    tx.commit()?;
    if !plain.is_empty() {
        tracing::info!(
            links = plain.len(),
            "sealed the tokens of earlier invitation links"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{NOW, seeded};

    fn entry(token: &str, person: Option<&str>) -> NewInvitationRow {
        NewInvitationRow {
            token: token.into(),
            person_id: person.map(String::from),
            attributes_json: "{}".into(),
            language: Some("nl".into()),
            wave: None,
            expires_on: None,
            capacity: None,
        }
    }

    #[tokio::test]
    async fn two_requests_at_once_for_a_segment_s_anonymous_link_get_one_link() {
        let store = seeded().await;
        let segment = |token: &str| NewInvitationRow {
            attributes_json: r#"{"platform":"iOS"}"#.into(),
            ..entry(token, None)
        };
        let (a, b) = tokio::join!(
            store.anonymous_link_or_create("p", "s", segment("ios-a"), NOW),
            store.anonymous_link_or_create("p", "s", segment("ios-b"), NOW),
        );
        let ((made_a, a), (made_b, b)) = (a.unwrap(), b.unwrap());
        assert_eq!(a.token, b.token);
        assert!(made_a != made_b, "one made it, the other found it");
        let links = store.invitations("p", "s").await.unwrap().unwrap();
        let ios = links
            .iter()
            .filter(|l| l.invitation.attributes_json.contains("iOS"))
            .count();
        assert_eq!(ios, 1);
    }

    #[tokio::test]
    async fn an_expired_anonymous_link_is_not_handed_out_again_a_new_one_is_made() {
        let store = seeded().await;
        let segment = |token: &str, last_day: &str| NewInvitationRow {
            attributes_json: r#"{"platform":"iOS"}"#.into(),
            expires_on: Some(last_day.into()),
            ..entry(token, None)
        };
        let (made, first) = store
            .anonymous_link_or_create("p", "s", segment("ios-1", "2027-01-12"), NOW)
            .await
            .unwrap();
        assert!(made);
        // Through its last day it is the segment's link.
        let on_last_day = "2027-01-12T23:00:00Z";
        let (made, again) = store
            .anonymous_link_or_create("p", "s", segment("ios-2", "2027-02-01"), on_last_day)
            .await
            .unwrap();
        assert_eq!((made, again.token.as_str()), (false, first.token.as_str()));
        let after = "2027-01-13T09:00:00Z";
        let (made, new) = store
            .anonymous_link_or_create("p", "s", segment("ios-3", "2027-02-01"), after)
            .await
            .unwrap();
        assert!(made, "the expired link is not given again");
        assert_eq!(new.token, "ios-3");
        assert_eq!(new.expires_on.as_deref(), Some("2027-02-01"));
        let (made, kept) = store
            .anonymous_link_or_create("p", "s", segment("ios-4", "2027-03-01"), after)
            .await
            .unwrap();
        assert_eq!((made, kept.token.as_str()), (false, "ios-3"));
    }

    #[tokio::test]
    async fn a_person_with_a_link_gets_it_back_and_new_people_get_the_token_made_for_them() {
        let store = seeded().await;
        let out = store
            .create_invitations(
                "p",
                "s",
                vec![
                    entry("new-for-alice", Some("alice")),
                    entry("t2", Some("bob")),
                ],
                NOW,
            )
            .await
            .unwrap();
        let tokens: Vec<&str> = out.iter().map(|l| l.invitation.token.as_str()).collect();
        assert_eq!(tokens, vec!["t1", "t2"]);
        let all = store.invitations("p", "s").await.unwrap().unwrap();
        let people: Vec<Option<&str>> = all
            .iter()
            .map(|l| l.invitation.person_id.as_deref())
            .collect();
        assert_eq!(
            people,
            vec![None, Some("alice"), Some("bob")],
            "anonymous first"
        );
    }

    #[tokio::test]
    async fn a_revoked_or_expired_link_is_given_anew_and_an_open_one_is_kept() {
        let store = seeded().await;
        let mut people = vec![
            entry("c1", Some("carol")),
            entry("d1", Some("dave")),
            entry("e1", Some("erin")),
        ];
        people[2].expires_on = Some("2027-01-12".into());
        store
            .create_invitations("p", "s", people, NOW)
            .await
            .unwrap();
        store
            .revoke_invitations("p", "s", Revocation::People(vec!["carol".into()]), NOW)
            .await
            .unwrap();
        store
            .record_reminders(vec!["c1".into()], NOW)
            .await
            .unwrap();
        let later = "2027-01-20T09:00:00Z";
        let again = vec![
            entry("c2", Some("carol")),
            entry("d2", Some("dave")),
            entry("e2", Some("erin")),
        ];
        let out = store
            .create_invitations("p", "s", again, later)
            .await
            .unwrap();
        let tokens: Vec<&str> = out.iter().map(|l| l.invitation.token.as_str()).collect();
        assert_eq!(
            tokens,
            vec!["c2", "d1", "e2"],
            "revoked and expired links are new"
        );
        assert!(out[0].invitation.revoked_at.is_none());
        assert!(store.open_invitation("c1").await.unwrap().is_none());
        assert!(store.open_invitation("c2").await.unwrap().is_some());
        assert_eq!(
            store.replaced_link("c1").await.unwrap().as_deref(),
            Some("p"),
            "the old link is known as given anew"
        );
        assert_eq!(store.replaced_link("d1").await.unwrap(), None);
        let all = store.invitations("p", "s").await.unwrap().unwrap();
        let carol: Vec<_> = all
            .iter()
            .filter(|l| l.invitation.person_id.as_deref() == Some("carol"))
            .collect();
        assert_eq!(carol.len(), 1, "still one link per person");
    }

    #[tokio::test]
    async fn revoking_a_wave_counts_the_links_that_still_opened_and_marks_the_expired_too() {
        let store = seeded().await;
        let mut links = vec![entry("f1", Some("fay")), entry("g1", Some("gus"))];
        for (link, last_day) in links.iter_mut().zip(["2027-01-31", "2027-01-10"]) {
            link.wave = Some("w9".into());
            link.expires_on = Some(last_day.into());
        }
        store
            .create_invitations("p", "s", links, NOW)
            .await
            .unwrap();
        let revoked = store
            .revoke_invitations("p", "s", Revocation::Wave("w9".into()), NOW)
            .await
            .unwrap();
        assert_eq!(revoked, Some(1), "gus's link had expired the day before");
        let all = store.invitations("p", "s").await.unwrap().unwrap();
        let marked = all
            .iter()
            .filter(|l| l.invitation.wave.as_deref() == Some("w9"))
            .filter(|l| l.invitation.revoked_at.is_some())
            .count();
        assert_eq!(marked, 2);
    }

    #[tokio::test]
    async fn links_of_a_survey_not_in_the_program_are_not_found() {
        let store = seeded().await;
        assert_eq!(store.invitations("p", "nope").await.unwrap(), None);
    }

    #[tokio::test]
    async fn opening_a_link_gives_program_survey_and_no_earlier_response() {
        let store = seeded().await;
        let opened = store.open_invitation("t1").await.unwrap().unwrap();
        assert_eq!(opened.program_name, "Pilot");
        assert_eq!(opened.definition_json, "{}");
        assert_eq!(opened.submitted, None);
        assert_eq!(store.open_invitation("unknown").await.unwrap(), None);
    }
}
