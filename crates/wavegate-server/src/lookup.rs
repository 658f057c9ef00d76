//! Looking up the link token a path carries (a survey link, its draft, a training link): an
//! address that guessed too often is refused at once, junk never reaches the database, and an
//! unknown token is counted against the address (logged without the token) before it gets the
//! same answer as a malformed one, so nothing can be learned by probing.

use crate::error::ApiError;
use crate::extract::PeerAddr;
use crate::{AppState, auth};
use std::future::Future;

/// The row `lookup` finds for `token`, or `not_found()` for a malformed or unknown token.
/// `lookup` runs only for a well-formed token from an address that may still look tokens up;
/// its `None` is a failed lookup, its error (a `410` for a link that was given anew, a store
/// failure) is answered as it is.
pub(crate) async fn find_link<T>(
    state: &AppState,
    peer: &PeerAddr,
    token: &str,
    not_found: fn() -> ApiError,
    lookup: impl Future<Output = Result<Option<T>, ApiError>>,
) -> Result<T, ApiError> {
    let ip = peer.ip();
    state.guards.may_look_up(ip)?;
    if !auth::looks_like_token(token) {
        state.guards.failed_lookup(ip);
        return Err(not_found());
    }
    match lookup.await? {
        Some(found) => Ok(found),
        None => {
            state.guards.failed_lookup(ip);
            Err(not_found())
        }
    }
}
