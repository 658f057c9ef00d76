//! Sign-in sessions: stored by the hash of their id, ended by sign-out, by expiry, or when the
//! account is disabled or its password reset.

use super::accounts::UserRow;
use super::{Store, StoreError};
use rusqlite::{OptionalExtension, params};

/// A session as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    /// SHA-256 of the session id (the cookie's value), hex.
    pub id_hash: String,
    /// The account.
    pub user_id: i64,
    /// The token unsafe requests of this session must carry.
    pub csrf_token: String,
    /// When it started.
    pub created_at: String,
    /// The last request (updated at most once a minute).
    pub last_seen_at: String,
    /// When it ends at the latest.
    pub expires_at: String,
}

impl Store {
    /// Stores a new session.
    pub async fn create_session(&self, row: SessionRow) -> Result<(), StoreError> {
        self.call(move |c| {
            c.execute(
                "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    row.id_hash,
                    row.user_id,
                    row.csrf_token,
                    row.created_at,
                    row.last_seen_at,
                    row.expires_at
                ],
            )?;
            Ok(())
        })
        .await
    }

    /// A session with its account, unless the account is disabled.
    pub async fn session(
        &self,
        id_hash: &str,
    ) -> Result<Option<(SessionRow, UserRow)>, StoreError> {
        let id_hash = id_hash.to_string();
        self.call(move |c| {
            Ok(c.query_row(
                "SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
                        u.id, u.email, u.role, u.password_hash, u.created_at, u.disabled_at
                 FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.id_hash = ?1 AND u.disabled_at IS NULL",
                [id_hash],
                |r| {
                    let session = SessionRow {
                        id_hash: r.get(0)?,
                        user_id: r.get(1)?,
                        csrf_token: r.get(2)?,
                        created_at: r.get(3)?,
                        last_seen_at: r.get(4)?,
                        expires_at: r.get(5)?,
                    };
                    let user = UserRow {
                        id: r.get(6)?,
                        email: r.get(7)?,
                        role: r.get(8)?,
                        password_hash: r.get(9)?,
                        created_at: r.get(10)?,
                        disabled_at: r.get(11)?,
                    };
                    Ok((session, user))
                },
            )
            .optional()?)
        })
        .await
    }

    /// Records activity on a session.
    pub async fn touch_session(&self, id_hash: &str, at: &str) -> Result<(), StoreError> {
        let (id_hash, at) = (id_hash.to_string(), at.to_string());
        self.call(move |c| {
            c.execute(
                "UPDATE sessions SET last_seen_at = ?1 WHERE id_hash = ?2",
                params![at, id_hash],
            )?;
            Ok(())
        })
        .await
    }

    /// Ends a session (sign-out, or found expired).
    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        let id_hash = id_hash.to_string();
        self.call(move |c| {
            c.execute("DELETE FROM sessions WHERE id_hash = ?1", [id_hash])?;
            Ok(())
        })
        .await
    }

    /// Removes sessions past their absolute expiry or idle since before `idle_before` (RFC 3339
    /// strings of one format compare in time order).
    pub async fn delete_stale_sessions(
        &self,
        now: &str,
        idle_before: &str,
    ) -> Result<usize, StoreError> {
        let (now, idle) = (now.to_string(), idle_before.to_string());
        self.call(move |c| {
            Ok(c.execute(
                "DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at < ?2",
                params![now, idle],
            )?)
        })
        .await
    }
}
