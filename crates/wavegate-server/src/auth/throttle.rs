//! Failed sign-ins, counted per account and per address: past a limit within a window, further
//! attempts are refused until the oldest failure leaves the window. An attempt still being
//! checked counts as a failure until it is known to be none, so a burst of concurrent guesses
//! gets no further than the same guesses one after another. A browser the account
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
/// What a client is told to wait when only attempts in progress fill its limit.
const IN_PROGRESS_WAIT: chrono::Duration = chrono::Duration::seconds(2);

/// One table of failures by key, and of the attempts in progress.
#[derive(Debug)]
struct Table<K> {
    limit: usize,
    failures: HashMap<K, VecDeque<DateTime<Utc>>>,
    /// Attempts begun and not yet settled (only while requests are in flight, so bounded by
    /// the connections).
    pending: HashMap<K, usize>,
}

impl<K: Hash + Eq + Clone> Table<K> {
    fn new(limit: usize) -> Table<K> {
        Table {
            limit,
            failures: HashMap::new(),
            pending: HashMap::new(),
        }
    }

    fn begin(&mut self, key: &K) {
        *self.pending.entry(key.clone()).or_default() += 1;
    }

    fn settle(&mut self, key: &K) {
        if let Some(n) = self.pending.get_mut(key) {
            *n -= 1;
            if *n == 0 {
                self.pending.remove(key);
            }
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

    /// When `key` may try again, if its failures and the attempts still being checked reach
    /// its limit.
    fn blocked_until(&mut self, key: &K, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let recent = self.recent(key, now);
        let pending = self.pending.get(key).copied().unwrap_or(0);
        if recent + pending < self.limit {
            return None;
        }
        if recent < self.limit {
            // Checks in progress settle within a second or two, as failures or not.
            return Some(now + IN_PROGRESS_WAIT);
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

    /// Begins an attempt for `account` from `address`, on `device` when the browser is
    /// recognised, if it may go ahead; `Err(seconds)` to wait. Until it is settled, the attempt
    /// counts against the limits as a failure would.
    pub fn begin(
        &self,
        account: &str,
        address: &str,
        device: Option<Device>,
        now: DateTime<Utc>,
    ) -> Result<Attempt<'_>, u64> {
        let mut t = self.tables();
        let account = account_key(account);
        let address = address.to_string();
        let own = match device {
            Some(d) => t.devices.blocked_until(&d, now),
            None => t.accounts.blocked_until(&account, now),
        };
        let until = [own, t.addresses.blocked_until(&address, now)]
            .into_iter()
            .flatten()
            .max();
        if let Some(at) = until {
            let secs = (at - now).num_seconds().max(1);
            return Err(u64::try_from(secs).unwrap_or(1));
        }
        let earlier_failures = match device {
            Some(d) => {
                t.devices.begin(&d);
                t.devices.recent(&d, now)
            }
            None => {
                t.accounts.begin(&account);
                t.accounts.recent(&account, now)
            }
        };
        t.addresses.begin(&address);
        Ok(Attempt {
            throttle: self,
            account,
            address,
            device,
            began: now,
            earlier_failures,
            settled: false,
        })
    }
}

/// A sign-in attempt being checked. Settle it with [`Attempt::failed`] or
/// [`Attempt::succeeded`]; one dropped unsettled (the client went away mid-check) is a failure.
#[derive(Debug)]
#[must_use = "an attempt counts as a failure unless it is settled"]
pub struct Attempt<'a> {
    throttle: &'a Throttle,
    account: AccountKey,
    address: String,
    device: Option<Device>,
    began: DateTime<Utc>,
    earlier_failures: usize,
    settled: bool,
}

impl Attempt<'_> {
    /// How many failures of the account (or device) count against this attempt in the window
    /// (to slow the answer).
    pub fn earlier_failures(&self) -> usize {
        self.earlier_failures
    }

    /// Records the attempt as failed: against the device when the browser is recognised, else
    /// against the account; against the address either way.
    pub fn failed(mut self, now: DateTime<Utc>) {
        self.settle(Outcome::Failed(now));
    }

    /// A successful sign-in clears the account's and the device's failures (not the
    /// address's).
    pub fn succeeded(mut self) {
        self.settle(Outcome::Succeeded);
    }

    /// The password was never checked (the server was too busy to): nothing was learnt about
    /// it, so nothing counts, neither a failure nor a success.
    pub fn not_checked(mut self) {
        self.settle(Outcome::NotChecked);
    }

    fn settle(&mut self, outcome: Outcome) {
        if std::mem::replace(&mut self.settled, true) {
            return;
        }
        let mut t = self.throttle.tables();
        match self.device {
            Some(d) => t.devices.settle(&d),
            None => t.accounts.settle(&self.account),
        }
        t.addresses.settle(&self.address);
        match outcome {
            Outcome::Failed(now) => {
                match self.device {
                    Some(d) => t.devices.record(&d, now),
                    None => t.accounts.record(&self.account, now),
                }
                t.addresses.record(&self.address, now);
            }
            Outcome::Succeeded => {
                t.accounts.clear(&self.account);
                if let Some(d) = self.device {
                    t.devices.clear(&d);
                }
            }
            Outcome::NotChecked => {}
        }
    }
}

/// How an attempt ended.
enum Outcome {
    Failed(DateTime<Utc>),
    Succeeded,
    NotChecked,
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        let began = self.began;
        self.settle(Outcome::Failed(began));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an attempt would be told, leaving no trace.
    fn check(
        th: &Throttle,
        account: &str,
        address: &str,
        device: Option<Device>,
        now: DateTime<Utc>,
    ) -> Result<usize, u64> {
        th.begin(account, address, device, now).map(|mut a| {
            let n = a.earlier_failures();
            let mut t = th.tables();
            match device {
                Some(d) => t.devices.settle(&d),
                None => t.accounts.settle(&a.account),
            }
            t.addresses.settle(&a.address);
            a.settled = true;
            n
        })
    }

    fn fail(
        th: &Throttle,
        account: &str,
        address: &str,
        device: Option<Device>,
        now: DateTime<Utc>,
    ) {
        th.begin(account, address, device, now)
            .expect("not blocked")
            .failed(now);
    }

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
            assert_eq!(check(&th, "ann", "1.2.3.4", None, now), Ok(i));
            fail(&th, "ann", "1.2.3.4", None, now);
            now += chrono::Duration::seconds(60);
        }
        let wait = check(&th, "ann", "5.6.7.8", None, now).unwrap_err();
        // The first failure was 5 minutes ago: 10 minutes to go.
        assert_eq!(wait, 600);
        assert_eq!(
            check(&th, "bob", "1.2.3.4", None, now),
            Ok(0),
            "others are not blocked"
        );
        now += chrono::Duration::seconds(600);
        assert_eq!(check(&th, "ann", "1.2.3.4", None, now), Ok(PER_ACCOUNT - 1));
    }

    #[test]
    fn an_address_is_blocked_across_accounts_and_success_clears_only_the_account() {
        let th = Throttle::default();
        let now = t0();
        for i in 0..PER_ADDRESS {
            fail(&th, &format!("user{i}"), "9.9.9.9", None, now);
        }
        assert!(check(&th, "new", "9.9.9.9", None, now).is_err());
        assert!(check(&th, "new", "8.8.8.8", None, now).is_ok());
        fail(&th, "carl", "8.8.8.8", None, now);
        th.begin("carl", "8.8.8.8", None, now).unwrap().succeeded();
        assert_eq!(check(&th, "carl", "8.8.8.8", None, now), Ok(0));
    }

    #[test]
    fn a_sign_in_too_busy_to_be_checked_counts_for_nothing() {
        let th = Throttle::default();
        let now = t0();
        fail(&th, "dana", "7.7.7.7", None, now);
        for _ in 0..PER_ACCOUNT + PER_ADDRESS {
            th.begin("dana", "7.7.7.7", None, now)
                .unwrap()
                .not_checked();
        }
        // Still the one real failure: neither locked out nor cleared.
        assert_eq!(check(&th, "dana", "7.7.7.7", None, now), Ok(1));
    }

    #[test]
    fn a_recognised_device_is_counted_apart_from_its_account() {
        let th = Throttle::default();
        let now = t0();
        let mine = Device::numbered(1);
        for _ in 0..PER_ACCOUNT {
            fail(&th, "ann", "6.6.6.6", None, now);
        }
        assert!(
            check(&th, "ann", "1.2.3.4", None, now).is_err(),
            "the account is locked for browsers it never signed in with"
        );
        assert_eq!(
            check(&th, "ann", "1.2.3.4", Some(mine), now),
            Ok(0),
            "but not for ann's own"
        );
        for _ in 0..PER_DEVICE {
            fail(&th, "ann", "1.2.3.4", Some(mine), now);
        }
        assert!(
            check(&th, "ann", "1.2.3.4", Some(mine), now).is_err(),
            "a device has a limit of its own"
        );
        assert!(check(&th, "ann", "1.2.3.4", Some(Device::numbered(2)), now).is_ok());
        let other = Device::numbered(2);
        fail(&th, "ann", "1.2.3.4", Some(other), now);
        assert_eq!(check(&th, "ann", "1.2.3.4", Some(other), now), Ok(1));
        th.begin("ann", "1.2.3.4", Some(other), now)
            .unwrap()
            .succeeded();
        assert_eq!(
            check(&th, "ann", "1.2.3.4", Some(other), now),
            Ok(0),
            "a success clears its device's failures"
        );
    }

    #[test]
    fn the_tables_stay_bounded() {
        let th = Throttle::default();
        let now = t0();
        for i in 0..(MAX_KEYS + 50) {
            fail(&th, &format!("u{i}"), &format!("a{i}"), None, now);
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
        fail(&th, &long, "1.2.3.4", None, now);
        assert_eq!(check(&th, &long, "5.6.7.8", None, now), Ok(1));
        assert_eq!(check(&th, &format!("{long}b"), "5.6.7.8", None, now), Ok(0));
        let guard = th.inner.lock().unwrap();
        let key = guard.accounts.failures.keys().next().unwrap();
        assert_eq!(std::mem::size_of_val(key), 32);
    }

    #[test]
    fn attempts_in_progress_count_against_the_limit_until_they_settle() {
        let th = Throttle::default();
        let now = t0();
        let burst: Vec<_> = (0..PER_ACCOUNT)
            .map(|i| th.begin("ann", &format!("10.0.0.{i}"), None, now).unwrap())
            .collect();
        assert_eq!(
            check(&th, "ann", "10.0.1.1", None, now),
            Err(2),
            "a burst gets no further than the same guesses in a row"
        );
        let mut burst = burst.into_iter();
        burst.next().unwrap().succeeded();
        // The success cleared the account's failures; four are still being checked.
        assert_eq!(check(&th, "ann", "10.0.1.1", None, now), Ok(0));
        for a in burst {
            a.failed(now);
        }
        assert_eq!(
            check(&th, "ann", "10.0.1.1", None, now),
            Ok(PER_ACCOUNT - 1)
        );
    }

    #[test]
    fn an_attempt_dropped_mid_check_is_a_failure() {
        let th = Throttle::default();
        let now = t0();
        for _ in 0..PER_ACCOUNT {
            drop(th.begin("ann", "1.2.3.4", None, now).unwrap());
        }
        assert_eq!(check(&th, "ann", "5.6.7.8", None, now), Err(900));
    }
}
