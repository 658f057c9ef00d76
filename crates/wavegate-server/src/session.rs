//! `/api/v1/session`: signing in with e-mail and password, who is signed in, signing out.

use crate::AppState;
use crate::auth::device;
use crate::auth::password::{MAX_PASSWORD_BYTES, verify_dummy, verify_password};
use crate::auth::session::{ABSOLUTE, IDLE, from_cookie, set_cookie};
use crate::auth::{MAX_EMAIL, check_csrf, new_secret, secret_hash};
use crate::clock::stamp;
use crate::error::ApiError;
use crate::extract::{ApiJson, PeerAddr, request_lang};
use crate::store::SessionRow;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Response};
use std::time::Duration;
use wavegate_core::api::{ErrorCode, Role, SessionInfo, SignIn};
use wavegate_core::i18n::{Lang, Text};

/// Password checks run at once, at most: Argon2 with the crate's parameters takes 19 MiB each.
const PARALLEL_CHECKS: usize = 4;
static PASSWORD_CHECKS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(PARALLEL_CHECKS);

/// How long a sign-in waits for a turn to have its password checked.
const CHECK_WAIT: Duration = Duration::from_secs(10);

/// `503 busy`: too many sign-ins being checked at once to check this one in time.
fn busy(lang: Lang) -> ApiError {
    let text = Text::new(
        "De server controleert nu te veel aanmeldingen tegelijk; probeer het over 5 seconden opnieuw.",
        "The server is checking too many sign-ins at once; try again in 5 seconds.",
    );
    ApiError::new(ErrorCode::Busy, text.get(lang)).with_retry_after(5)
}

fn invalid_credentials() -> ApiError {
    // One answer for an unknown address, a wrong password and a disabled account.
    ApiError::new(
        ErrorCode::InvalidCredentials,
        "the e-mail address or the password is not right",
    )
}

/// `POST /api/v1/session`: signs in; sets the session cookie and answers with the CSRF token.
pub async fn sign_in(
    State(state): State<AppState>,
    PeerAddr(address): PeerAddr,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SignIn>,
) -> Result<Response, ApiError> {
    // No account has a longer address: refused before it is keyed, throttled or recorded,
    // so a client cannot make the server hold what it sends. The answer is a wrong password's.
    // Checked again on the key (the address lowercased, as accounts are stored), which can
    // lengthen a few letters.
    if body.email.trim().len() > MAX_EMAIL {
        return Err(invalid_credentials());
    }
    let email = wavegate_core::email::account_key(&body.email);
    if email.len() > MAX_EMAIL {
        return Err(invalid_credentials());
    }
    let now = state.clock.now();
    let device = device::recognise(&state.store, &headers, state.secure_cookies, &email, now);
    let attempt = state
        .throttle
        .begin(&email, &address, device, now)
        .map_err(ApiError::too_many)?;
    // Each earlier failure makes the next attempt of the account (or device) wait a little
    // longer.
    let earlier = u32::try_from(attempt.earlier_failures().min(4)).unwrap_or(4);
    let delay = state.login_delay * earlier;
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let user = if body.password.len() <= MAX_PASSWORD_BYTES {
        state.store.user_by_email(&email).await?
    } else {
        None
    };
    let password = body.password;
    // Each check holds some 19 MiB: a burst of sign-ins waits its turn rather than taking
    // the server's memory, but not for ever: a flood from many addresses would otherwise
    // queue every planner's sign-in behind it. The turn ends with the check, even when the
    // client has gone.
    let turn = match tokio::time::timeout(CHECK_WAIT, PASSWORD_CHECKS.acquire()).await {
        Ok(turn) => turn.map_err(ApiError::internal)?,
        Err(_) => {
            attempt.not_checked();
            return Err(busy(request_lang(None, &headers)));
        }
    };
    let user = tokio::task::spawn_blocking(move || {
        let _turn = turn;
        match user {
            Some(u) if u.disabled_at.is_none() && verify_password(&u.password_hash, &password) => {
                Some(u)
            }
            Some(u) if u.disabled_at.is_none() => None,
            // Unknown or disabled: spend the same time, so the answer's timing tells nothing.
            _ => {
                verify_dummy(&password);
                None
            }
        }
    })
    .await
    .map_err(ApiError::internal)?;
    let Some(user) = user else {
        attempt.failed(state.clock.now());
        return Err(invalid_credentials());
    };
    attempt.succeeded();
    // Ended sessions are removed as new ones start, so the table holds only live ones.
    let now = state.clock.now();
    state
        .store
        .delete_stale_sessions(&stamp(now), &stamp(now - IDLE))
        .await?;
    let role = Role::parse(&user.role).ok_or_else(|| ApiError::internal("stored role"))?;
    let id = new_secret();
    let csrf_token = new_secret();
    let now = state.clock.now();
    let expires_at = stamp(now + ABSOLUTE);
    state
        .store
        .create_session(SessionRow {
            id_hash: secret_hash(&id),
            user_id: user.id,
            csrf_token: csrf_token.clone(),
            created_at: stamp(now),
            last_seen_at: stamp(now),
            expires_at: expires_at.clone(),
        })
        .await?;
    tracing::info!(role = role.as_str(), "signed in");
    let mut res = Json(SessionInfo {
        email: user.email,
        role,
        csrf_token,
        expires_at,
    })
    .into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(Some(&id), state.secure_cookies),
    );
    // Renewed at every sign-in: a browser in use stays recognised.
    res.headers_mut().append(
        header::SET_COOKIE,
        device::set_cookie(
            &device::issue(&state.store, &email, now),
            state.secure_cookies,
        ),
    );
    Ok(res)
}

fn not_signed_in() -> ApiError {
    ApiError::new(ErrorCode::Unauthorized, "not signed in")
}

/// `GET /api/v1/session`: who is signed in (so a reloaded app keeps its session).
pub async fn current(
    State(state): State<AppState>,
    parts: Parts,
) -> Result<Json<SessionInfo>, ApiError> {
    let caller = from_cookie(&state, &parts)
        .await?
        .ok_or_else(not_signed_in)?;
    let (id_hash, csrf_token) = caller.session.ok_or_else(not_signed_in)?;
    let (session, _) = state
        .store
        .session(&id_hash)
        .await?
        .ok_or_else(not_signed_in)?;
    Ok(Json(SessionInfo {
        email: caller.who,
        role: caller.role,
        csrf_token,
        expires_at: session.expires_at,
    }))
}

/// `DELETE /api/v1/session`: signs out; the session is deleted on the server.
pub async fn sign_out(State(state): State<AppState>, parts: Parts) -> Result<Response, ApiError> {
    let caller = from_cookie(&state, &parts)
        .await?
        .ok_or_else(not_signed_in)?;
    check_csrf(&caller, &parts)?;
    if let Some((id_hash, _)) = &caller.session {
        state.store.delete_session(id_hash).await?;
    }
    let mut res = StatusCode::NO_CONTENT.into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, set_cookie(None, state.secure_cookies));
    Ok(res)
}
