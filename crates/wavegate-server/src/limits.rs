//! Abuse limits on the endpoints whose path carries a link token (respondents, drafts,
//! trainees): requests per address (`tower_governor`), submissions per anonymous link and failed
//! token lookups per address (`governor`), each answered `429 rate_limited` with `Retry-After`.
//! Guessing is counted in the logs, never with the token.

use crate::error::ApiError;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use axum::response::IntoResponse;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tower_governor::GovernorError;
use tower_governor::key_extractor::KeyExtractor;
use wavegate_core::api::ErrorCode;

/// How much the respondent endpoints take: each limit is a burst and then one more per period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// Whether the limits apply at all (off only for load tests).
    pub enabled: bool,
    /// Requests to the link-token endpoints (`/api/v1/respond/…`, `/api/v1/train/…`) from one
    /// address (an office behind one NAT address is
    /// many people: generous).
    pub per_address: (u32, Duration),
    /// Submissions through one anonymous link (a department answering at once fits).
    pub per_anonymous_link: (u32, Duration),
    /// Lookups of unknown tokens from one address before that address is refused lookups.
    pub failed_lookups: (u32, Duration),
}

impl Default for RateLimits {
    fn default() -> RateLimits {
        RateLimits {
            enabled: true,
            per_address: (200, Duration::from_millis(10)),
            per_anonymous_link: (60, Duration::from_millis(100)),
            failed_lookups: (20, Duration::from_secs(3)),
        }
    }
}

impl RateLimits {
    /// No limits (benchmarks measure the server, not the limits).
    pub fn unlimited() -> RateLimits {
        RateLimits {
            enabled: false,
            ..RateLimits::default()
        }
    }
}

fn quota((burst, period): (u32, Duration)) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(period.max(Duration::from_nanos(1)))
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(burst)
}

/// `429 rate_limited` with `Retry-After` (whole seconds, at least one).
pub fn too_many(wait: Duration) -> ApiError {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    ApiError::new(
        ErrorCode::RateLimited,
        format!("too many requests; try again in {} seconds", seconds.max(1)),
    )
    .with_retry_after(seconds.max(1))
}

/// The client's address for per-address limits, as [`rate_key`] counts it (unspecified when
/// the server runs without connection info, as router tests do).
pub fn peer_ip<T>(req: &Request<T>) -> IpAddr {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| rate_key(c.0.ip()))
}

/// What every per-address limit counts a client under: its IPv4 address (also when it comes
/// IPv4-mapped), or the /64 network of its IPv6 address. A host is usually given a whole /64,
/// so counting single IPv6 addresses let one host cycle through them, each with a fresh
/// allowance of sign-in failures, requests and connections.
pub fn rate_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !(u128::from(u64::MAX)))),
        v4 => v4,
    }
}

/// The per-address limiter `tower_governor` keeps for the respondent endpoints.
pub type AddressLimiter = tower_governor::governor::SharedRateLimiter<
    IpAddr,
    governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>,
>;

/// `tower_governor`'s key: the peer address.
#[derive(Clone, Copy, Debug)]
pub struct PeerAddress;

impl KeyExtractor for PeerAddress {
    type Key = IpAddr;

    fn extract<T>(&self, req: &Request<T>) -> Result<IpAddr, GovernorError> {
        Ok(peer_ip(req))
    }
}

/// The per-address layer's refusal, as the API's JSON error.
pub fn governor_refusal(e: GovernorError) -> Response<Body> {
    match e {
        GovernorError::TooManyRequests { wait_time, .. } => {
            too_many(Duration::from_secs(wait_time)).into_response()
        }
        other => ApiError::internal(other).into_response(),
    }
}

/// The limits the handlers apply themselves, shared by every request.
pub struct Guards {
    enabled: bool,
    links: DefaultKeyedRateLimiter<String>,
    lookups: DefaultKeyedRateLimiter<IpAddr>,
    /// Addresses refused lookups, and until when.
    refused: Mutex<HashMap<IpAddr, Instant>>,
    failed: AtomicU64,
}

impl std::fmt::Debug for Guards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Guards(..)")
    }
}

/// Most addresses kept as refused before the expired ones are forgotten.
const MAX_REFUSED: usize = 10_000;

/// How often the limiters forget the addresses and links whose allowance is full again: without
/// it, a server probed from many addresses keeps an entry per address for ever.
pub const FORGET_IDLE_EVERY: Duration = Duration::from_secs(60);

impl Guards {
    /// Guards with these limits.
    pub fn new(limits: &RateLimits) -> Guards {
        Guards {
            enabled: limits.enabled,
            links: DefaultKeyedRateLimiter::keyed(quota(limits.per_anonymous_link)),
            lookups: DefaultKeyedRateLimiter::keyed(quota(limits.failed_lookups)),
            refused: Mutex::new(HashMap::new()),
            failed: AtomicU64::new(0),
        }
    }

    /// Forgets the links and addresses whose allowance is full again (they are as if never
    /// seen), and refusals that have ended.
    pub fn forget_idle(&self) {
        self.links.retain_recent();
        self.lookups.retain_recent();
        let now = Instant::now();
        (self.refused.lock().unwrap_or_else(|p| p.into_inner())).retain(|_, until| *until > now);
    }

    /// How many links and addresses the limiters remember.
    pub fn remembered(&self) -> usize {
        let refused = self.refused.lock().unwrap_or_else(|p| p.into_inner()).len();
        self.links.len() + self.lookups.len() + refused
    }

    /// One more submission through the anonymous link `link` (its keyed hash, never the token).
    pub fn submission(&self, link: &str) -> Result<(), ApiError> {
        if !self.enabled {
            return Ok(());
        }
        self.links
            .check_key(&link.to_string())
            .map_err(|not_until| too_many(not_until.wait_time_from(DefaultClock::default().now())))
    }

    /// Whether `ip` may look up a token now (it is not refused for guessing).
    pub fn may_look_up(&self, ip: IpAddr) -> Result<(), ApiError> {
        if !self.enabled {
            return Ok(());
        }
        let refused = self.refused.lock().unwrap_or_else(|p| p.into_inner());
        match refused.get(&ip) {
            Some(until) if *until > Instant::now() => Err(too_many(*until - Instant::now())),
            _ => Ok(()),
        }
    }

    /// Counts a lookup of an unknown token from `ip`; past the limit, `ip` is refused lookups
    /// for a while. Logged with the address and the count, never the token.
    pub fn failed_lookup(&self, ip: IpAddr) {
        let total = self.failed.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.enabled {
            tracing::info!(peer = %ip, total_failed_lookups = total, "unknown link token");
            return;
        }
        if let Err(not_until) = self.lookups.check_key(&ip) {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let mut refused = self.refused.lock().unwrap_or_else(|p| p.into_inner());
            if refused.len() >= MAX_REFUSED {
                let now = Instant::now();
                refused.retain(|_, until| *until > now);
            }
            refused.insert(ip, Instant::now() + wait.max(Duration::from_secs(1)));
            tracing::warn!(peer = %ip, total_failed_lookups = total, "link token guessing: address refused lookups");
        } else {
            tracing::info!(peer = %ip, total_failed_lookups = total, "unknown link token");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_host_is_counted_by_its_64_and_an_ipv4_one_by_its_address() {
        let key = |s: &str| rate_key(s.parse().unwrap());
        // One host cycling through its /64 stays one client.
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff:ab:cd:ef"));
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2::"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        // IPv4, plain or mapped into IPv6, by the whole address.
        assert_eq!(key("::ffff:192.0.2.7"), key("192.0.2.7"));
        assert_ne!(key("192.0.2.7"), key("192.0.2.8"));
    }

    #[test]
    fn links_and_addresses_back_to_a_full_allowance_are_forgotten() {
        let guards = Guards::new(&RateLimits {
            per_anonymous_link: (5, Duration::from_millis(1)),
            failed_lookups: (1, Duration::from_millis(1)),
            ..RateLimits::default()
        });
        for i in 0..500u32 {
            guards.submission(&format!("link-{i}")).unwrap();
            guards.failed_lookup(IpAddr::from(i.to_be_bytes()));
        }
        guards.failed_lookup(IpAddr::from(7u32.to_be_bytes()));
        assert!(guards.remembered() >= 1_000, "{}", guards.remembered());
        std::thread::sleep(Duration::from_millis(1_200));
        guards.forget_idle();
        assert_eq!(guards.remembered(), 0);
        // A link seen just now keeps its count.
        guards.submission("busy").unwrap();
        guards.forget_idle();
        assert_eq!(guards.remembered(), 1);
    }

    #[test]
    fn an_address_guessing_tokens_is_refused_lookups_and_others_are_not() {
        let guards = Guards::new(&RateLimits {
            failed_lookups: (3, Duration::from_secs(60)),
            ..RateLimits::default()
        });
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        for _ in 0..3 {
            assert!(guards.may_look_up(a).is_ok());
            guards.failed_lookup(a);
        }
        assert!(guards.may_look_up(a).is_ok(), "the burst is allowed");
        guards.failed_lookup(a);
        let refused = guards.may_look_up(a).unwrap_err();
        assert_eq!(refused.code(), ErrorCode::RateLimited);
        assert!(guards.may_look_up(b).is_ok());
    }

    #[test]
    fn one_anonymous_link_is_limited_and_another_is_not() {
        let guards = Guards::new(&RateLimits {
            per_anonymous_link: (2, Duration::from_secs(60)),
            ..RateLimits::default()
        });
        assert!(guards.submission("link-a").is_ok());
        assert!(guards.submission("link-a").is_ok());
        assert!(guards.submission("link-a").is_err());
        assert!(guards.submission("link-b").is_ok());
    }
}
