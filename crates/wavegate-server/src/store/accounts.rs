//! Accounts and API tokens: creating, finding, listing, resetting and disabling them.
//!
//! The store keeps password hashes and token hashes as given; hashing is the auth layer's job.
//! An account's address is stored and looked up by its key
//! ([`wavegate_core::email::account_key`]), so whoever calls, it is one account however its
//! address is typed.

use super::{Store, StoreError};
use rusqlite::{Connection, OptionalExtension, params};
use wavegate_core::email::account_key;

/// An account as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRow {
    /// Row id.
    pub id: i64,
    /// E-mail address, as its key ([`account_key`]: lowercased), unique.
    pub email: String,
    /// `planner` or `viewer`.
    pub role: String,
    /// The PHC string of its password hash.
    pub password_hash: String,
    /// When it was created.
    pub created_at: String,
    /// When it was disabled; a disabled account cannot sign in.
    pub disabled_at: Option<String>,
}

/// An API token as stored (without its hash).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRow {
    /// Its unique name.
    pub name: String,
    /// `planner` or `viewer`.
    pub role: String,
    /// When it was created.
    pub created_at: String,
    /// When it was revoked.
    pub revoked_at: Option<String>,
}

const USER_COLUMNS: &str = "id, email, role, password_hash, created_at, disabled_at";

fn user_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        id: r.get(0)?,
        email: r.get(1)?,
        role: r.get(2)?,
        password_hash: r.get(3)?,
        created_at: r.get(4)?,
        disabled_at: r.get(5)?,
    })
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    )
}

impl Store {
    /// Creates an account under the key of `email`; [`StoreError::Exists`] when the address,
    /// typed in any case, has one.
    pub async fn create_user(
        &self,
        email: &str,
        role: &str,
        password_hash: &str,
        at: &str,
    ) -> Result<(), StoreError> {
        let (email, role, hash, at) = (
            account_key(email),
            role.to_string(),
            password_hash.to_string(),
            at.to_string(),
        );
        self.call(move |c| {
            match c.execute(
                "INSERT INTO users (email, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![email, role, hash, at],
            ) {
                Ok(_) => Ok(()),
                Err(e) if is_unique_violation(&e) => Err(StoreError::Exists(email)),
                Err(e) => Err(e.into()),
            }
        })
        .await
    }

    /// The account with this e-mail address (in any case), disabled or not.
    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>, StoreError> {
        let email = account_key(email);
        self.call(move |c| user_by_email(c, &email)).await
    }

    /// Every account, by e-mail address.
    pub async fn users(&self) -> Result<Vec<UserRow>, StoreError> {
        self.call(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {USER_COLUMNS} FROM users ORDER BY email COLLATE NOCASE"
            ))?;
            let rows = stmt.query_map([], user_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .await
    }

    /// Sets a new password and enables the account again; every session of the account ends.
    /// Returns whether the account exists.
    pub async fn reset_password(
        &self,
        email: &str,
        password_hash: &str,
    ) -> Result<bool, StoreError> {
        let (email, hash) = (account_key(email), password_hash.to_string());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let Some(user) = user_by_email(&tx, &email)? else {
                return Ok(false);
            };
            tx.execute(
                "UPDATE users SET password_hash = ?1, disabled_at = NULL WHERE id = ?2",
                params![hash, user.id],
            )?;
            tx.execute("DELETE FROM sessions WHERE user_id = ?1", [user.id])?;
            tx.commit()?;
            Ok(true)
        })
        .await
    }

    /// Disables an account and ends its sessions. Returns whether the account exists.
    pub async fn disable_user(&self, email: &str, at: &str) -> Result<bool, StoreError> {
        let (email, at) = (account_key(email), at.to_string());
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let Some(user) = user_by_email(&tx, &email)? else {
                return Ok(false);
            };
            tx.execute(
                "UPDATE users SET disabled_at = coalesce(disabled_at, ?1) WHERE id = ?2",
                params![at, user.id],
            )?;
            tx.execute("DELETE FROM sessions WHERE user_id = ?1", [user.id])?;
            tx.commit()?;
            Ok(true)
        })
        .await
    }

    /// Stores a new API token by its hash; [`StoreError::Exists`] when the name is taken.
    pub async fn create_token(
        &self,
        name: &str,
        role: &str,
        token_hash: &str,
        at: &str,
    ) -> Result<(), StoreError> {
        let (name, role, hash, at) = (
            name.to_string(),
            role.to_string(),
            token_hash.to_string(),
            at.to_string(),
        );
        self.call(move |c| {
            match c.execute(
                "INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![name, role, hash, at],
            ) {
                Ok(_) => Ok(()),
                Err(e) if is_unique_violation(&e) => Err(StoreError::Exists(name)),
                Err(e) => Err(e.into()),
            }
        })
        .await
    }

    /// The token with this hash, unless revoked.
    pub async fn token_by_hash(&self, token_hash: &str) -> Result<Option<TokenRow>, StoreError> {
        let hash = token_hash.to_string();
        self.call(move |c| {
            Ok(c.query_row(
                "SELECT name, role, created_at, revoked_at FROM api_tokens
                 WHERE token_hash = ?1 AND revoked_at IS NULL",
                [hash],
                token_row,
            )
            .optional()?)
        })
        .await
    }

    /// Every token, by name.
    pub async fn tokens(&self) -> Result<Vec<TokenRow>, StoreError> {
        self.call(|c| {
            let mut stmt = c.prepare(
                "SELECT name, role, created_at, revoked_at FROM api_tokens ORDER BY name",
            )?;
            let rows = stmt.query_map([], token_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .await
    }

    /// Revokes a token; returns whether a live one had that name.
    pub async fn revoke_token(&self, name: &str, at: &str) -> Result<bool, StoreError> {
        let (name, at) = (name.to_string(), at.to_string());
        self.call(move |c| {
            let n = c.execute(
                "UPDATE api_tokens SET revoked_at = ?1 WHERE name = ?2 AND revoked_at IS NULL",
                params![at, name],
            )?;
            Ok(n > 0)
        })
        .await
    }
}

fn token_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TokenRow> {
    Ok(TokenRow {
        name: r.get(0)?,
        role: r.get(1)?,
        created_at: r.get(2)?,
        revoked_at: r.get(3)?,
    })
}

/// Migration 18: every account's address becomes its [`account_key`], which accounts are
/// looked up by since; before, addresses were kept as typed and compared ignoring ASCII case
/// only, so `Ä.Jansen@…` could not sign in as `ä.jansen@…`, nor as typed. Two accounts that
/// have one key (`Ö@…` and `ö@…`, which that comparison told apart) become one address: the
/// account stored as the key already (or else the oldest) takes it; the others keep their
/// address as it was, which no sign-in finds any more, and are disabled with their sessions
/// ended, for an administrator to see in `wavegate admin list-users`.
pub(super) fn store_emails_as_keys(tx: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    let mut stmt = tx.prepare("SELECT id, email FROM users ORDER BY id")?;
    let users = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    drop(stmt);
    let mut by_key: std::collections::BTreeMap<String, Vec<(i64, String)>> = Default::default();
    for (id, email) in users {
        by_key
            .entry(account_key(&email))
            .or_default()
            .push((id, email));
    }
    for (key, accounts) in by_key {
        let keeps = accounts
            .iter()
            .position(|(_, email)| email.eq_ignore_ascii_case(&key))
            .unwrap_or(0);
        for (i, (id, email)) in accounts.iter().enumerate() {
            if i == keeps {
                if *email != key {
                    tx.execute(
                        "UPDATE users SET email = ?1 WHERE id = ?2",
                        params![key, id],
                    )?;
                }
            } else {
                tracing::warn!(
                    id,
                    "disabled an account whose address another account has in another case"
                );
                tx.execute(
                    "UPDATE users SET disabled_at = coalesce(disabled_at,
                         strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE id = ?1",
                    [id],
                )?;
                tx.execute("DELETE FROM sessions WHERE user_id = ?1", [id])?;
            }
        }
    }
    Ok(())
}

/// The account stored under `key`, an [`account_key`].
pub(super) fn user_by_email(c: &Connection, key: &str) -> Result<Option<UserRow>, StoreError> {
    Ok(c.query_row(
        &format!("SELECT {USER_COLUMNS} FROM users WHERE email = ?1"),
        [key],
        user_row,
    )
    .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::NOW;

    #[tokio::test]
    async fn an_email_has_one_account_whatever_its_case() {
        let store = Store::in_memory().unwrap();
        for (typed, other, lookup, key) in [
            (
                "Ann@Example.org",
                "ann@example.org",
                "ANN@example.ORG",
                "ann@example.org",
            ),
            (
                "Ä.Jansen@Example.nl",
                "ä.jansen@example.nl",
                "Ä.JANSEN@EXAMPLE.NL",
                "ä.jansen@example.nl",
            ),
        ] {
            store.create_user(typed, "planner", "h", NOW).await.unwrap();
            let again = store.create_user(other, "viewer", "h", NOW).await;
            assert!(matches!(again, Err(StoreError::Exists(_))), "{other}");
            for spelling in [typed, other, lookup] {
                let found = store.user_by_email(spelling).await.unwrap().unwrap();
                assert_eq!(
                    (found.email.as_str(), found.role.as_str()),
                    (key, "planner")
                );
            }
            assert!(store.reset_password(lookup, "h2").await.unwrap());
            assert!(store.disable_user(lookup, NOW).await.unwrap());
        }
    }

    #[tokio::test]
    async fn revoked_tokens_are_not_found() {
        let store = Store::in_memory().unwrap();
        store
            .create_token("ci", "viewer", "hash1", NOW)
            .await
            .unwrap();
        assert!(store.token_by_hash("hash1").await.unwrap().is_some());
        assert!(store.revoke_token("ci", NOW).await.unwrap());
        assert!(!store.revoke_token("ci", NOW).await.unwrap());
        assert!(store.token_by_hash("hash1").await.unwrap().is_none());
    }
}
