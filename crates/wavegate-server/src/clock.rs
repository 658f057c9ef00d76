//! The server's clock: the system's, or one a test sets and moves (session expiry, throttling).

use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// Where "now" comes from.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Seconds added to the system time (tests move time forward with [`Clock::advance`]).
    offset: Arc<AtomicI64>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// Now.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::seconds(self.offset.load(Ordering::Relaxed))
    }

    /// Moves this clock (and every copy of it) forward.
    pub fn advance(&self, by: std::time::Duration) {
        let secs = i64::try_from(by.as_secs()).unwrap_or(i64::MAX);
        self.offset.fetch_add(secs, Ordering::Relaxed);
    }

    /// Sets this clock (and every copy of it) to `to`, forward or back (tests that need a
    /// given day).
    pub fn set(&self, to: DateTime<Utc>) {
        let by = (to - Utc::now()).num_seconds();
        self.offset.store(by, Ordering::Relaxed);
    }

    /// Now as stored: RFC 3339, UTC, whole seconds.
    pub fn stamp(&self) -> String {
        stamp(self.now())
    }
}

/// A time as stored: RFC 3339, UTC, whole seconds (strings of this form sort in time order).
pub fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stored time read back.
pub fn parse_stamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
