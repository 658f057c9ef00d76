//! Accounts and sessions: roles, signing in, who is signed in.

use serde::{Deserialize, Serialize};

/// What a signed-in account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads and changes everything in the planner area.
    Planner,
    /// Reads everything in the planner area, changes nothing.
    Viewer,
}

impl Role {
    /// The role as written in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Planner => "planner",
            Role::Viewer => "viewer",
        }
    }

    /// Reads a role from its written form.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "planner" => Some(Role::Planner),
            "viewer" => Some(Role::Viewer),
            _ => None,
        }
    }
}

/// Body of `POST /api/v1/session`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    /// The account's e-mail address, in any case ([`crate::email::account_key`]).
    pub email: String,
    /// Its password.
    pub password: String,
}

/// `POST` and `GET /api/v1/session`: who is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// The account's e-mail address as stored: its [`crate::email::account_key`].
    pub email: String,
    /// What it may do.
    pub role: Role,
    /// Send this as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE of this session.
    pub csrf_token: String,
    /// When the session ends at the latest, however active (RFC 3339, UTC).
    pub expires_at: String,
}
