//! How long an invitation link opens: its default expiry (the wave's end plus a grace period,
//! never in the past), a last day asked for that is already past, the wave a link belongs to,
//! and whether a link is open, expired or revoked on a given day.

use crate::i18n::{Lang, long_date};
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
/// no expiry. A link made after that end (a latecomer, a wave that ended long ago) gets the
/// grace from `today` instead: a default that is already past would make a link that never
/// opens.
pub fn default_expiry(
    program: &Program,
    wave: Option<&str>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let end = match wave.and_then(|w| program.waves.iter().find(|x| x.id == w)) {
        Some(w) => w.end,
        None => program.waves.iter().map(|w| w.end).max()?,
    };
    end.max(today).checked_add_days(Days::new(GRACE_DAYS))
}

/// The last day a new link opens, survey or training link alike: the day the planner asked
/// for, else [`default_expiry`] for its wave on `today`; without a program definition there is
/// no default.
pub fn link_expiry(
    asked: Option<NaiveDate>,
    program: Option<&Program>,
    wave: Option<&str>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    asked.or_else(|| program.and_then(|p| default_expiry(p, wave, today)))
}

/// A last day asked for that is already past: every link made with it would be expired from
/// the start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastLastDay {
    /// The day asked for.
    pub asked: NaiveDate,
    /// Today (UTC).
    pub today: NaiveDate,
}

impl PastLastDay {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        let (asked, today) = (long_date(self.asked, lang), long_date(self.today, lang));
        match lang {
            Lang::Nl => format!(
                "de laatste dag (expires_on) {asked} is al voorbij (vandaag is {today}, UTC): de links zouden nooit openen. Kies vandaag of later, of laat expires_on weg voor de standaard."
            ),
            Lang::En => format!(
                "the last day (expires_on) {asked} is already past (today is {today}, UTC): the links would never open. Choose today or later, or leave expires_on out for the default."
            ),
        }
    }
}

impl std::fmt::Display for PastLastDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PastLastDay {}

/// Refuses a last day before `today` (UTC): a link opens through its last day, so today is the
/// earliest that makes a link that opens at all.
pub fn check_last_day(asked: NaiveDate, today: NaiveDate) -> Result<(), PastLastDay> {
    if asked < today {
        Err(PastLastDay { asked, today })
    } else {
        Ok(())
    }
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
        let today = day("2027-01-04");
        assert_eq!(
            default_expiry(&p, Some("pilot"), today),
            Some(day("2027-02-14"))
        );
        assert_eq!(default_expiry(&p, None, today), Some(day("2027-03-28")));
        assert_eq!(
            default_expiry(&p, Some("unknown"), today),
            Some(day("2027-03-28"))
        );
        assert_eq!(default_expiry(&no_waves(), None, today), None);
    }

    #[test]
    fn a_link_made_after_its_wave_ended_gets_the_grace_from_today() {
        let p = program();
        // The pilot ended 2027-01-15: 30 days after it is past on 2027-06-01.
        assert_eq!(
            default_expiry(&p, Some("pilot"), day("2027-06-01")),
            Some(day("2027-07-01"))
        );
        assert_eq!(
            link_expiry(None, Some(&p), None, day("2027-06-01")),
            Some(day("2027-07-01"))
        );
        // On the day the wave ends, the wave's grace.
        assert_eq!(
            default_expiry(&p, Some("pilot"), day("2027-01-15")),
            Some(day("2027-02-14"))
        );
    }

    #[test]
    fn a_last_day_before_today_is_refused_in_both_languages() {
        let today = day("2027-03-01");
        assert_eq!(check_last_day(today, today), Ok(()));
        let past = check_last_day(day("2020-01-01"), today).unwrap_err();
        assert_eq!(
            past.message(Lang::Nl),
            "de laatste dag (expires_on) 1 januari 2020 is al voorbij (vandaag is 1 maart 2027, UTC): de links zouden nooit openen. Kies vandaag of later, of laat expires_on weg voor de standaard."
        );
        assert!(
            past.to_string()
                .starts_with("the last day (expires_on) 1 January 2020 is already past")
        );
    }

    #[test]
    fn the_day_asked_wins_over_the_default_and_no_program_means_no_default() {
        let p = program();
        let today = day("2027-01-04");
        let asked = Some(day("2027-01-20"));
        assert_eq!(link_expiry(asked, Some(&p), Some("pilot"), today), asked);
        assert_eq!(
            link_expiry(None, Some(&p), Some("pilot"), today),
            Some(day("2027-02-14"))
        );
        assert_eq!(link_expiry(None, None, Some("pilot"), today), None);
        assert_eq!(link_expiry(asked, None, None, today), asked);
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
