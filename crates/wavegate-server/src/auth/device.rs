//! Device cookies, so that guessing a planner's password cannot lock the planner out (OWASP's
//! "device cookies"): a browser that signed in to an account carries a cookie naming that
//! account, and its sign-ins to it are counted on their own instead of with the account's.
//! Someone guessing from elsewhere locks the account for every browser but the ones its owner
//! already signed in with.
//!
//! The cookie holds a random nonce and its issue day, marked with an HMAC over them and the
//! account's digest under the database's secret: good only for the account it was issued to,
//! unforgeable, valid for [`LIFETIME`] and across restarts. The server keeps nothing per
//! cookie but the failures made with it (in [`throttle`](super::throttle)).

use super::session::cookie_named;
use crate::store::Store;
use axum::http::{HeaderMap, HeaderValue};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The cookie's name.
pub const COOKIE: &str = "wavegate_device";
/// Its name over https: the `__Secure-` prefix makes the browser refuse it unless `Secure` (the
/// cookie is scoped to the sign-in path, so `__Host-` does not apply).
pub const SECURE_COOKIE: &str = "__Secure-wavegate_device";

/// The device cookie's name when cookies are `secure` (https) or not.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure { SECURE_COOKIE } else { COOKIE }
}
/// How long a device stays recognised after its last sign-in (each sign-in renews it).
pub const LIFETIME: chrono::Duration = chrono::Duration::days(180);
/// The cookie goes only with sign-ins.
const PATH: &str = "/api/v1/session";

/// The key of an account in the throttle's table and in device cookies: a fixed-size digest of
/// the (normalised) e-mail address the caller gives, so that what is kept per account does not
/// grow with what a client sends.
pub type AccountKey = [u8; 32];

/// The [`AccountKey`] of an account.
pub fn account_key(account: &str) -> AccountKey {
    Sha256::digest(account.as_bytes()).into()
}

/// A recognised browser: the key its failed sign-ins are counted under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Device([u8; 16]);

#[cfg(test)]
impl Device {
    /// A device for tests of the throttle.
    pub(crate) fn numbered(n: u8) -> Device {
        Device([n; 16])
    }
}

/// A nonce and the day (since 1970) the cookie was issued.
type Payload = [u8; 20];

fn day_of(t: DateTime<Utc>) -> u32 {
    u32::try_from(t.timestamp().div_euclid(86_400)).unwrap_or(0)
}

/// A new cookie value for `account` (the normalised e-mail address), issued at `now`.
pub fn issue(store: &Store, account: &str, now: DateTime<Utc>) -> String {
    let mut payload: Payload = [0; 20];
    payload[..16].copy_from_slice(&super::random::<16>());
    payload[16..].copy_from_slice(&day_of(now).to_be_bytes());
    let mark = store.device_mark(&account_key(account), &payload);
    format!("{}.{}", B64.encode(payload), B64.encode(mark))
}

/// The device of the request's cookie (named as [`cookie_name`] gives for `secure`), when it
/// was issued to `account` and is still valid.
pub fn recognise(
    store: &Store,
    headers: &HeaderMap,
    secure: bool,
    account: &str,
    now: DateTime<Utc>,
) -> Option<Device> {
    let value = cookie_named(headers, cookie_name(secure))?;
    let (payload, mark) = value.split_once('.')?;
    // Fixed lengths: nothing longer is decoded.
    if payload.len() != 27 || mark.len() != 43 {
        return None;
    }
    let payload: Payload = B64.decode(payload).ok()?.try_into().ok()?;
    let mark = B64.decode(mark).ok()?;
    let expected = store.device_mark(&account_key(account), &payload);
    if !bool::from(expected.ct_eq(mark.as_slice())) {
        return None;
    }
    let issued = u32::from_be_bytes(payload[16..].try_into().ok()?);
    let age = i64::from(day_of(now)) - i64::from(issued);
    if !(0..=LIFETIME.num_days()).contains(&age) {
        return None;
    }
    let mut nonce = [0; 16];
    nonce.copy_from_slice(&payload[..16]);
    Some(Device(nonce))
}

/// `Set-Cookie` for a device cookie value.
pub fn set_cookie(value: &str, secure: bool) -> HeaderValue {
    let name = cookie_name(secure);
    let secure = if secure { "; Secure" } else { "" };
    let age = LIFETIME.num_seconds();
    // The value is base64url and a dot: always a valid header value.
    HeaderValue::from_str(&format!(
        "{name}={value}; HttpOnly; SameSite=Strict; Path={PATH}; Max-Age={age}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("wavegate_device=; Max-Age=0"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    fn at(day: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("{day}T09:00:00Z"))
            .unwrap()
            .with_timezone(&Utc)
    }

    fn with_cookie(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("other=1; {COOKIE}={value}")).unwrap(),
        );
        h
    }

    #[test]
    fn a_cookie_is_recognised_only_for_its_account_and_within_its_lifetime() {
        let store = Store::in_memory().unwrap();
        let value = issue(&store, "ann@example.org", at("2027-01-11"));
        let headers = with_cookie(&value);
        let device = recognise(&store, &headers, false, "ann@example.org", at("2027-02-01"));
        assert!(device.is_some());
        assert_eq!(
            recognise(&store, &headers, false, "bob@example.org", at("2027-02-01")),
            None,
            "another account"
        );
        assert_eq!(
            recognise(&store, &headers, false, "ann@example.org", at("2027-07-11")),
            None,
            "181 days later"
        );
        let other = issue(&store, "ann@example.org", at("2027-01-11"));
        assert_ne!(
            recognise(
                &store,
                &with_cookie(&other),
                false,
                "ann@example.org",
                at("2027-01-11")
            ),
            device,
            "each cookie is its own device"
        );
    }

    #[test]
    fn a_forged_or_foreign_cookie_is_not_recognised() {
        let store = Store::in_memory().unwrap();
        let value = issue(&store, "ann@example.org", at("2027-01-11"));
        let elsewhere = Store::in_memory().unwrap();
        let now = at("2027-01-12");
        assert_eq!(
            recognise(
                &elsewhere,
                &with_cookie(&value),
                false,
                "ann@example.org",
                now
            ),
            None,
            "another server's secret"
        );
        // The issue day moved forward by one: the mark no longer fits.
        let (payload, mark) = value.split_once('.').unwrap();
        let mut bytes = B64.decode(payload).unwrap();
        bytes[19] ^= 1;
        let moved = format!("{}.{mark}", B64.encode(bytes));
        assert_eq!(
            recognise(&store, &with_cookie(&moved), false, "ann@example.org", now),
            None
        );
        for junk in ["", ".", "x.y", &"a".repeat(5_000)] {
            assert_eq!(
                recognise(&store, &with_cookie(junk), false, "ann@example.org", now),
                None
            );
        }
    }
}
