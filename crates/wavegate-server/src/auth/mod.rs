//! Who may call what. Planner-area requests are authenticated by a session cookie (people in
//! the browser) or an API token (`Authorization: Bearer`, automation); reads need a viewer or
//! planner, changes a planner, and a change through a cookie session also its CSRF token.
//! Respondent endpoints are reachable only with an invitation token, which scopes them to one
//! survey.
//!
//! - [`password`]: Argon2id hashes of passwords.
//! - [`throttle`]: failed sign-ins per account, per recognised device and per address.
//! - [`device`]: the cookie that recognises a browser an account signed in with.
//! - [`session`]: the session cookie and the session's lifetime.

pub mod device;
pub mod password;
pub mod session;
pub mod throttle;

/// Longest e-mail address of an account: longer ones are neither created nor looked up.
pub use wavegate_core::email::MAX_EMAIL;

use crate::AppState;
use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::{Method, header, request::Parts};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
use wavegate_core::api::{ErrorCode, Role};

/// The header a cookie session's changes carry its CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// What API tokens start with, so they are recognised (and told apart from invitation tokens).
pub const API_TOKEN_PREFIX: &str = "wgt_";

/// `n` random bytes from the operating system.
fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS random source failing is unrecoverable for a server that must issue secrets.
    getrandom::getrandom(&mut bytes).expect("the operating system's random source failed");
    bytes
}

/// A new invitation token: 128 random bits as 32 lowercase hex digits.
pub fn new_token() -> String {
    random::<16>().iter().map(|b| format!("{b:02x}")).collect()
}

/// A new secret for sessions and CSRF: 256 random bits, base64url without padding.
pub fn new_secret() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random::<32>())
}

/// A new API token: [`API_TOKEN_PREFIX`] and a [`new_secret`].
pub fn new_api_token() -> String {
    format!("{API_TOKEN_PREFIX}{}", new_secret())
}

/// A password made for a person who did not choose one: 20 characters of base64url (120 bits).
pub fn new_password() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random::<15>())
}

/// SHA-256 of a secret, hex: how session ids and API tokens are stored. They are 256 random
/// bits, so a fast hash is enough (no guessing to slow down, unlike passwords).
pub fn secret_hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `s` has the shape of an invitation token (so junk never reaches the database).
pub fn looks_like_token(s: &str) -> bool {
    s.len() == 32
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether `s` has the shape of a session id or the secret part of an API token.
fn looks_like_secret(s: &str) -> bool {
    s.len() == 43
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    // Hashing first makes the comparison length-independent too.
    let (ha, hb) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    ha.iter()
        .zip(hb.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

/// Who is calling a planner endpoint, as the guard found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// An account's e-mail address, or `token:<name>` for an API token.
    pub who: String,
    /// What it may do.
    pub role: Role,
    /// The session's stored id hash and CSRF token, for a cookie session.
    pub session: Option<(String, String)>,
}

impl Caller {
    /// Refuses a viewer working links (a file of them, or their tokens): a link lets whoever
    /// holds it answer or train as its person, which is a change a viewer may not make. Viewers
    /// still see who was invited and who answered.
    pub fn may_hold_links(&self) -> Result<(), ApiError> {
        match self.role {
            Role::Planner => Ok(()),
            Role::Viewer => Err(ApiError::new(
                ErrorCode::Forbidden,
                "a viewer sees who was invited and who answered, not the links themselves",
            )),
        }
    }
}

fn unauthorized(message: &str) -> ApiError {
    ApiError::new(ErrorCode::Unauthorized, message)
}

/// The credentials of an `Authorization: Bearer <token>` value; the scheme's name is
/// case-insensitive (RFC 7235), so `bearer` and `BEARER` are the same.
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim_start().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Finds the caller of a request: an API token when there is an `Authorization` header, else
/// the session cookie.
pub async fn authenticate(state: &AppState, parts: &Parts) -> Result<Caller, ApiError> {
    if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
        let token = value
            .to_str()
            .ok()
            .and_then(bearer_token)
            .ok_or_else(|| unauthorized("expected Authorization: Bearer <API token>"))?;
        // Anything not shaped like an API token (an invitation token, say) never reaches the
        // database.
        if !token
            .strip_prefix(API_TOKEN_PREFIX)
            .is_some_and(looks_like_secret)
        {
            return Err(unauthorized("the API token is not valid"));
        }
        let row = state
            .store
            .token_by_hash(&secret_hash(token))
            .await?
            .ok_or_else(|| unauthorized("the API token is not valid"))?;
        let role = Role::parse(&row.role)
            .ok_or_else(|| ApiError::internal(format!("token role {}", row.role)))?;
        return Ok(Caller {
            who: format!("token:{}", row.name),
            role,
            session: None,
        });
    }
    session::from_cookie(state, parts)
        .await?
        .ok_or_else(|| unauthorized("sign in first, or send Authorization: Bearer <API token>"))
}

/// Whether a method changes something (and so needs a planner, and a cookie session's CSRF
/// token).
pub fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Checks a cookie session's CSRF token on a change.
pub fn check_csrf(caller: &Caller, parts: &Parts) -> Result<(), ApiError> {
    if let Some((_, expected)) = &caller.session {
        let sent = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !same_secret(sent, expected) {
            return Err(ApiError::new(
                ErrorCode::CsrfMismatch,
                "changes through a session need the session's csrf_token in the X-CSRF-Token header",
            ));
        }
    }
    Ok(())
}

/// The guard of every planner-area route (see `routes`): reads need any role, changes a planner
/// and, through a cookie session, the CSRF token. The caller goes into the request's extensions
/// for the handler.
pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let caller = match authenticate(&state, &parts).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    if is_unsafe(&parts.method) {
        if let Err(e) = check_csrf(&caller, &parts) {
            return e.into_response();
        }
        if caller.role != Role::Planner {
            return ApiError::new(
                ErrorCode::Forbidden,
                "a viewer can read but not change anything",
            )
            .into_response();
        }
    }
    parts.extensions.insert(caller);
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_well_formed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(looks_like_token(&a) && looks_like_token(&b));
        assert!(!looks_like_token("../../etc/passwd"));
        assert!(!looks_like_token(&a.to_uppercase()));
        let api = new_api_token();
        assert!(looks_like_secret(
            api.strip_prefix(API_TOKEN_PREFIX).unwrap()
        ));
        assert!(looks_like_secret(&new_secret()));
        assert!(
            !looks_like_secret(&a),
            "an invitation token is not an API token"
        );
        assert_eq!(new_password().len(), 20);
    }

    #[test]
    fn the_bearer_scheme_is_read_in_any_case() {
        for value in [
            "Bearer wgt_x",
            "bearer wgt_x",
            "BEARER  wgt_x ",
            "bEaReR wgt_x",
        ] {
            assert_eq!(bearer_token(value), Some("wgt_x"), "{value}");
        }
        assert_eq!(bearer_token("Basic wgt_x"), None);
        assert_eq!(bearer_token("Bearerwgt_x"), None);
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
