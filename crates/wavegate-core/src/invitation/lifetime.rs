//! How long an invitation link opens: its default expiry (the wave's end plus a grace period),
//! the wave a link belongs to, and whether a link is open, expired or revoked on a given day.

use crate::readiness::program::Program;
use crate::survey::Attributes;
use chrono::{Days, NaiveDate};

/// Days a link keeps opening after its wave ends: late answers and reminders still count.
pub const GRACE_DAYS: u64 = 30;

/// Whether a link opens today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkStatus {
    /// The link opens.
    Open,
    /// The last day it opened is past.
    Expired,
    /// A planner revoked it (the link, or its whole wave).
    Revoked,
}

/// The status of a link that opens through `expires_on` (inclusive, UTC) and was revoked or
/// not; revocation wins, since a planner chose it.
pub fn link_status(expires_on: Option<NaiveDate>, revoked: bool, today: NaiveDate) -> LinkStatus {
    if revoked {
        LinkStatus::Revoked
    } else if expires_on.is_some_and(|last| today > last) {
        LinkStatus::Expired
    } else {
        LinkStatus::Open
    }
}

/// [`link_status`] of a link as stored and sent: its last day written `YYYY-MM-DD` (a day that
/// does not parse counts as none, as the link was made without one).
pub fn stored_link_status(expires_on: Option<&str>, revoked: bool, today: NaiveDate) -> LinkStatus {
    let last = expires_on.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    link_status(last, revoked, today)
}

impl crate::api::InvitationLink {
    /// Whether this link opens on `today`.
    pub fn status(&self, today: NaiveDate) -> LinkStatus {
        stored_link_status(self.expires_on.as_deref(), self.revoked_at.is_some(), today)
    }
}

/// The wave a new link belongs to: the wave it was made for, else the `wave` attribute it
/// carries when that names one of the program's waves.
pub fn link_wave(
    program: &Program,
    chosen: Option<&str>,
    attributes: &Attributes,
) -> Option<String> {
    let known = |w: &str| program.waves.iter().any(|wave| wave.id == w);
    chosen
        .filter(|w| known(w))
        .or_else(|| {
            attributes
                .get("wave")
                .map(String::as_str)
                .filter(|w| known(w))
        })
        .map(String::from)
}

/// The last day a new link opens by default: its wave's end plus [`GRACE_DAYS`]; a link of no
/// wave lasts until the program's last wave ends plus the grace; a program without waves sets
/// no expiry.
pub fn default_expiry(program: &Program, wave: Option<&str>) -> Option<NaiveDate> {
    let end = match wave.and_then(|w| program.waves.iter().find(|x| x.id == w)) {
        Some(w) => w.end,
        None => program.waves.iter().map(|w| w.end).max()?,
    };
    end.checked_add_days(Days::new(GRACE_DAYS))
}

/// The last day a new link opens, survey or training link alike: the day the planner asked
/// for, else [`default_expiry`] for its wave; without a program definition there is no default.
pub fn link_expiry(
    asked: Option<NaiveDate>,
    program: Option<&Program>,
    wave: Option<&str>,
) -> Option<NaiveDate> {
    asked.or_else(|| program.and_then(|p| default_expiry(p, wave)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_stored_link_opens_through_its_last_day_unless_revoked() {
        let today = day("2027-03-01");
        let status = |last: Option<&str>, revoked| stored_link_status(last, revoked, today);
        assert_eq!(status(Some("2027-03-01"), false), LinkStatus::Open);
        assert_eq!(status(Some("2027-02-28"), false), LinkStatus::Expired);
        assert_eq!(status(Some("2027-02-28"), true), LinkStatus::Revoked);
        assert_eq!(status(None, false), LinkStatus::Open);
        assert_eq!(status(Some("not a day"), false), LinkStatus::Open);
    }

    fn program() -> Program {
        Program::parse(
            "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-04\"\nend = \"2027-01-15\"\n[[wave]]\nid = \"w1\"\nstart = \"2027-02-01\"\nend = \"2027-02-26\"\n",
        )
        .unwrap()
    }

    fn no_waves() -> Program {
        let mut p = program();
        p.waves.clear();
        p
    }

    #[test]
    fn a_link_expires_thirty_days_after_its_wave_or_after_the_last_wave() {
        let p = program();
        assert_eq!(default_expiry(&p, Some("pilot")), Some(day("2027-02-14")));
        assert_eq!(default_expiry(&p, None), Some(day("2027-03-28")));
        assert_eq!(default_expiry(&p, Some("unknown")), Some(day("2027-03-28")));
        assert_eq!(default_expiry(&no_waves(), None), None);
    }

    #[test]
    fn the_day_asked_wins_over_the_default_and_no_program_means_no_default() {
        let p = program();
        let asked = Some(day("2027-01-20"));
        assert_eq!(link_expiry(asked, Some(&p), Some("pilot")), asked);
        assert_eq!(
            link_expiry(None, Some(&p), Some("pilot")),
            Some(day("2027-02-14"))
        );
        assert_eq!(link_expiry(None, None, Some("pilot")), None);
        assert_eq!(link_expiry(asked, None, None), asked);
    }

    #[test]
    fn a_link_opens_through_its_last_day_and_never_once_revoked() {
        let last = Some(day("2027-02-14"));
        assert_eq!(
            link_status(last, false, day("2027-02-14")),
            LinkStatus::Open
        );
        assert_eq!(
            link_status(last, false, day("2027-02-15")),
            LinkStatus::Expired
        );
        assert_eq!(
            link_status(None, false, day("2099-01-01")),
            LinkStatus::Open
        );
        assert_eq!(
            link_status(None, true, day("2027-01-01")),
            LinkStatus::Revoked
        );
        assert_eq!(
            link_status(last, true, day("2030-01-01")),
            LinkStatus::Revoked
        );
    }

    #[test]
    fn the_wave_of_a_link_is_the_chosen_one_or_a_known_wave_attribute() {
        let p = program();
        let mut attrs = Attributes::new();
        attrs.insert("wave".into(), "w1".into());
        assert_eq!(
            link_wave(&p, Some("pilot"), &attrs).as_deref(),
            Some("pilot")
        );
        assert_eq!(link_wave(&p, None, &attrs).as_deref(), Some("w1"));
        attrs.insert("wave".into(), "nope".into());
        assert_eq!(link_wave(&p, None, &attrs), None);
    }
}
