//! Sessions: the cookie that carries the session id, and how long a session lives.

use super::{Caller, secret_hash};
use crate::AppState;
use crate::clock::{parse_stamp, stamp};
use crate::error::ApiError;
use axum::http::{HeaderMap, HeaderValue, header, request::Parts};
use chrono::{DateTime, Utc};
use wavegate_core::api::{ErrorCode, Role};

/// The cookie's name over plain http (a local trial).
pub const COOKIE: &str = "wavegate_session";
/// The cookie's name over https: the `__Host-` prefix makes the browser refuse it unless it is
/// `Secure`, for this host only (no `Domain`) and for every path, so a sibling subdomain or a
/// plain-http page on the network cannot plant or shadow a session cookie.
pub const HOST_COOKIE: &str = "__Host-wavegate_session";

/// The session cookie's name when cookies are `secure` (https) or not.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure { HOST_COOKIE } else { COOKIE }
}
/// A session unused this long ends.
pub const IDLE: chrono::Duration = chrono::Duration::hours(8);
/// A session ends this long after sign-in, however active.
pub const ABSOLUTE: chrono::Duration = chrono::Duration::days(7);
/// Activity is written to the database at most this often.
const TOUCH_EVERY: chrono::Duration = chrono::Duration::minutes(1);

/// The value of the cookie `name` in a request's headers.
pub fn cookie_named(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.trim().to_string())
}

/// The session id in a request's cookies (under the name [`cookie_name`] gives for `secure`).
pub fn cookie_value(parts: &Parts, secure: bool) -> Option<String> {
    cookie_named(&parts.headers, cookie_name(secure))
}

/// `Set-Cookie` for a session id (`None`: remove the cookie).
pub fn set_cookie(id: Option<&str>, secure: bool) -> HeaderValue {
    let (value, age) = match id {
        Some(id) => (id, ABSOLUTE.num_seconds()),
        None => ("", 0),
    };
    let name = cookie_name(secure);
    let secure = if secure { "; Secure" } else { "" };
    // Session ids are base64url: always a valid header value.
    HeaderValue::from_str(&format!(
        "{name}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={age}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("wavegate_session=; Max-Age=0; Path=/"))
}

/// Whether a session that started at `created` and was last used at `last_seen` is still open.
pub fn is_live(now: DateTime<Utc>, expires: DateTime<Utc>, last_seen: DateTime<Utc>) -> bool {
    now < expires && now - last_seen < IDLE
}

/// The caller of a cookie session, or `None` without a (live) one. An expired session is
/// deleted when found.
pub async fn from_cookie(state: &AppState, parts: &Parts) -> Result<Option<Caller>, ApiError> {
    let Some(id) = cookie_value(parts, state.secure_cookies) else {
        return Ok(None);
    };
    if id.len() != 43 {
        return Ok(None);
    }
    let id_hash = secret_hash(&id);
    let Some((session, user)) = state.store.session(&id_hash).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    let (Some(expires), Some(last_seen)) = (
        parse_stamp(&session.expires_at),
        parse_stamp(&session.last_seen_at),
    ) else {
        return Err(ApiError::internal("a stored session time does not read"));
    };
    if !is_live(now, expires, last_seen) {
        state.store.delete_session(&id_hash).await?;
        return Ok(None);
    }
    if now - last_seen >= TOUCH_EVERY {
        state.store.touch_session(&id_hash, &stamp(now)).await?;
    }
    let role = Role::parse(&user.role)
        .ok_or_else(|| ApiError::new(ErrorCode::Internal, "a stored role does not read"))?;
    Ok(Some(Caller {
        who: user.email,
        role,
        session: Some((id_hash, session.csrf_token)),
    }))
}
