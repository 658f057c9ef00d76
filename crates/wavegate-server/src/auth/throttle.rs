//! Failed sign-ins, counted per account and per address: past a limit within a window, further
//! attempts are refused until the oldest failure leaves the window. A browser the account
//! signed in with before ([`device`](super::device)) is counted on its own instead of with the
//! account, so failures elsewhere do not lock its owner out.
//!
//! In memory, per process, and bounded: when a table is full, expired entries go first, then
//! the entry seen longest ago, so spraying many names or addresses cannot grow it. An account is
//! kept as a digest of its e-mail address, so no entry is larger than another whatever a client
//! sends as its address.

use super::device::{AccountKey, Device, account_key};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::Mutex;
use std::time::Duration;

/// Failures allowed per account within [`WINDOW`].
pub const PER_ACCOUNT: usize = 5;
/// Failures allowed per recognised device within [`WINDOW`].
pub const PER_DEVICE: usize = PER_ACCOUNT;
/// Failures allowed per client address within [`WINDOW`] (several people behind one NAT).
pub const PER_ADDRESS: usize = 20;
/// How long a failure counts.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Most keys kept per table.
const MAX_KEYS: usize = 10_000;

/// One table of failures by key.
#[derive(Debug)]
struct Table<K> {
    limit: usize,
    failures: HashMap<K, VecDeque<DateTime<Utc>>>,
}

impl<K: Hash + Eq + Clone> Table<K> {
    fn new(limit: usize) -> Table<K> {
        Table {
            limit,
            failures: HashMap::new(),
        }
    }

    fn window() -> chrono::Duration {
        chrono::Duration::from_std(WINDOW).unwrap_or_else(|_| chrono::Duration::minutes(15))
    }

    /// Forgets failures older than the window for `key`; how many remain.
    fn recent(&mut self, key: &K, now: DateTime<Utc>) -> usize {
        let Some(q) = self.failures.get_mut(key) else {
            return 0;
        };
        while q.front().is_some_and(|t| *t + Self::window() <= now) {
            q.pop_front();
        }
        let n = q.len();
        if n == 0 {
            self.failures.remove(key);
        }
        n
    }

    /// When `key` may try again, if it is over its limit.
    fn blocked_until(&mut self, key: &K, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if self.recent(key, now) < self.limit {
            return None;
        }
        let q = self.failures.get(key)?;
        // The attempt that brings it under the limit again is when enough failures have aged out.
        let oldest_counting = q.get(q.len() - self.limit)?;
        Some(*oldest_counting + Self::window())
    }

    fn record(&mut self, key: &K, now: DateTime<Utc>) {
        if !self.failures.contains_key(key) && self.failures.len() >= MAX_KEYS {
            let window = Self::window();
            self.failures
                .retain(|_, q| q.back().is_some_and(|t| *t + window > now));
            if self.failures.len() >= MAX_KEYS
                && let Some(stalest) = self
                    .failures
                    .iter()
                    .min_by_key(|(_, q)| q.back().copied())
                    .map(|(k, _)| k.clone())
            {
                self.failures.remove(&stalest);
            }
        }
        let q = self.failures.entry(key.clone()).or_default();
        q.push_back(now);
        // Only the last `limit` failures decide anything.
        while q.len() > self.limit {
            q.pop_front();
        }
    }

    fn clear(&mut self, key: &K) {
        self.failures.remove(key);
    }
}

/// The three tables of failures.
#[derive(Debug)]
struct Tables {
    accounts: Table<AccountKey>,
    devices: Table<Device>,
    addresses: Table<String>,
}

/// Failed sign-ins per account (by digest), per recognised device and per address (a peer
/// address is short).
#[derive(Debug)]
pub struct Throttle {
    inner: Mutex<Tables>,
}

impl Default for Throttle {
    fn default() -> Throttle {
        Throttle {
            inner: Mutex::new(Tables {
                accounts: Table::new(PER_ACCOUNT),
                devices: Table::new(PER_DEVICE),
                addresses: Table::new(PER_ADDRESS),
            }),
        }
    }
}

impl Throttle {
    fn tables(&self) -> std::sync::MutexGuard<'_, Tables> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether an attempt for `account` from `address`, on `device` when the browser is
    /// recognised, may go ahead; `Err(seconds)` to wait. `Ok(failures)`: how many failures
    /// count against the attempt in the window (to slow the answer).
    pub fn check(
        &self,
        account: &str,
        address: &str,
        device: Option<Device>,
        now: DateTime<Utc>,
    ) -> Result<usize, u64> {
        let mut t = self.tables();
        let account = account_key(account);
        let own = match device {
            Some(d) => t.devices.blocked_until(&d, now),
            None => t.accounts.blocked_until(&account, now),
        };
        let until = [own, t.addresses.blocked_until(&address.to_string(), now)]
            .into_iter()
            .flatten()
            .max();
        match until {
            Some(at) => {
                let secs = (at - now).num_seconds().max(1);
                Err(u64::try_from(secs).unwrap_or(1))
            }
            None => Ok(match device {
                Some(d) => t.devices.recent(&d, now),
                None => t.accounts.recent(&account, now),
            }),
        }
    }

    /// Records a failed attempt: against the device when the browser is recognised, else
    /// against the account; against the address either way.
    pub fn failed(&self, account: &str, address: &str, device: Option<Device>, now: DateTime<Utc>) {
        let mut t = self.tables();
        match device {
            Some(d) => t.devices.record(&d, now),
            None => t.accounts.record(&account_key(account), now),
        }
        t.addresses.record(&address.to_string(), now);
    }

    /// A successful sign-in clears the account's and the device's failures (not the
    /// address's).
    pub fn succeeded(&self, account: &str, device: Option<Device>) {
        let mut t = self.tables();
        t.accounts.clear(&account_key(account));
        if let Some(d) = device {
            t.devices.clear(&d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2027-01-11T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn an_account_is_blocked_after_its_limit_until_the_oldest_failure_ages_out() {
        let th = Throttle::default();
        let mut now = t0();
        for i in 0..PER_ACCOUNT {
            assert_eq!(th.check("ann", "1.2.3.4", None, now), Ok(i));
            th.failed("ann", "1.2.3.4", None, now);
            now += chrono::Duration::seconds(60);
        }
        let wait = th.check("ann", "5.6.7.8", None, now).unwrap_err();
        // The first failure was 5 minutes ago: 10 minutes to go.
        assert_eq!(wait, 600);
        assert_eq!(
            th.check("bob", "1.2.3.4", None, now),
            Ok(0),
            "others are not blocked"
        );
        now += chrono::Duration::seconds(600);
        assert_eq!(th.check("ann", "1.2.3.4", None, now), Ok(PER_ACCOUNT - 1));
    }

    #[test]
    fn an_address_is_blocked_across_accounts_and_success_clears_only_the_account() {
        let th = Throttle::default();
        let now = t0();
        for i in 0..PER_ADDRESS {
            th.failed(&format!("user{i}"), "9.9.9.9", None, now);
        }
        assert!(th.check("new", "9.9.9.9", None, now).is_err());
        assert!(th.check("new", "8.8.8.8", None, now).is_ok());
        th.failed("carl", "8.8.8.8", None, now);
        th.succeeded("carl", None);
        assert_eq!(th.check("carl", "8.8.8.8", None, now), Ok(0));
    }

    #[test]
    fn a_recognised_device_is_counted_apart_from_its_account() {
        let th = Throttle::default();
        let now = t0();
        let mine = Device::numbered(1);
        for _ in 0..PER_ACCOUNT {
            th.failed("ann", "6.6.6.6", None, now);
        }
        assert!(
            th.check("ann", "1.2.3.4", None, now).is_err(),
            "the account is locked for browsers it never signed in with"
        );
        assert_eq!(
            th.check("ann", "1.2.3.4", Some(mine), now),
            Ok(0),
            "but not for ann's own"
        );
        for _ in 0..PER_DEVICE {
            th.failed("ann", "1.2.3.4", Some(mine), now);
        }
        assert!(
            th.check("ann", "1.2.3.4", Some(mine), now).is_err(),
            "a device has a limit of its own"
        );
        assert!(
            th.check("ann", "1.2.3.4", Some(Device::numbered(2)), now)
                .is_ok()
        );
        th.succeeded("ann", Some(mine));
        assert_eq!(th.check("ann", "1.2.3.4", Some(mine), now), Ok(0));
    }

    #[test]
    fn the_tables_stay_bounded() {
        let th = Throttle::default();
        let now = t0();
        for i in 0..(MAX_KEYS + 50) {
            th.failed(&format!("u{i}"), &format!("a{i}"), None, now);
        }
        let guard = th.inner.lock().unwrap();
        assert!(guard.accounts.failures.len() <= MAX_KEYS);
        assert!(guard.addresses.failures.len() <= MAX_KEYS);
    }

    #[test]
    fn a_long_account_name_is_kept_as_a_fixed_size_digest() {
        let th = Throttle::default();
        let now = t0();
        let long = "a".repeat(250_000);
        th.failed(&long, "1.2.3.4", None, now);
        assert_eq!(th.check(&long, "5.6.7.8", None, now), Ok(1));
        assert_eq!(th.check(&format!("{long}b"), "5.6.7.8", None, now), Ok(0));
        let guard = th.inner.lock().unwrap();
        let key = guard.accounts.failures.keys().next().unwrap();
        assert_eq!(std::mem::size_of_val(key), 32);
    }
}
