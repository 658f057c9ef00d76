//! The dates and date-times source systems write (ISO 8601, `DD-MM-YYYY HH:MM`, Intune's seven
//! fractional digits), read the same everywhere: importers, program.toml, exports.

use crate::tabular::Expect;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// What [`parse_datetime`] accepts, for error messages.
pub const DATETIME_EXPECTED: Expect = Expect {
    nl: "een datum zoals 2027-01-11, 2027-01-11T09:30:00Z, 2027-01-11 09:30:00 of 11-01-2027 09:30",
    en: "a date like 2027-01-11, 2027-01-11T09:30:00Z, 2027-01-11 09:30:00 or 11-01-2027 09:30",
};

/// What a date written the right way expects when the calendar has no such day
/// (`31-11-2026`): repeating the formats would send the planner looking for a mistake that is
/// not there.
pub const EXISTING_DATE_EXPECTED: Expect = Expect {
    nl: "een datum die bestaat: die maand heeft zo'n dag niet",
    en: "a date that exists: that month has no such day",
};

/// What a cell that [`parse_datetime_in`] refused should have been: a day the calendar has,
/// when it is written like a date the parsers read (`31-11-2026 03:22`, `2027-02-29`), else one
/// of the formats they read.
pub fn datetime_expected(s: &str, order: SlashOrder) -> Expect {
    if names_a_missing_day(s, order) {
        EXISTING_DATE_EXPECTED
    } else {
        DATETIME_EXPECTED
    }
}

/// Whether `s` starts with a date in the shape of one the parsers read (year of four digits
/// first or last, `-`, `/` or `.` between) whose month is 1 to 12 and day 1 to 31, but which
/// the calendar lacks.
fn names_a_missing_day(s: &str, order: SlashOrder) -> bool {
    let Some(date) = s.trim().split([' ', 'T']).next() else {
        return false;
    };
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let numbers: Option<Vec<u32>> = (parts.iter())
        .map(|p| {
            (!p.is_empty() && p.len() <= 4)
                .then(|| digits(p.as_bytes()))
                .flatten()
        })
        .collect();
    let (Some(n), 3) = (numbers, parts.len()) else {
        return false;
    };
    let (year, month, day) = if parts[0].len() == 4 {
        (n[0], n[1], n[2])
    } else if parts[2].len() == 4 && date.contains('/') && order == SlashOrder::MonthFirst {
        (n[2], n[0], n[1])
    } else if parts[2].len() == 4 {
        (n[2], n[1], n[0])
    } else {
        return false;
    };
    (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && i32::try_from(year)
            .ok()
            .is_some_and(|y| NaiveDate::from_ymd_opt(y, month, day).is_none())
}

/// Which comes first in a date written with slashes (`03/04/2027`): Dutch and most European
/// exports write the day, American ones (an Intune console or ServiceNow set to US English) the
/// month. Dates with dashes or dots are always day first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SlashOrder {
    /// `DD/MM/YYYY`.
    #[default]
    DayFirst,
    /// `MM/DD/YYYY`, with `AM`/`PM` times as American exports write them.
    MonthFirst,
}

impl SlashOrder {
    /// The order a file writes its slash dates in: month first when the first date that can be
    /// read only one way (`11/29/2026`, or `29/11/2026`) says so, else day first. One pass
    /// over the slashes of the text; a file whose dates contradict each other is read day
    /// first, and its month-first dates are then rejected with their line and column.
    pub fn of(text: &str) -> SlashOrder {
        let b = text.as_bytes();
        for i in memchr::memchr_iter(b'/', b) {
            let Some((first, second)) = slash_date_at(b, i) else {
                continue;
            };
            if first > 12 && second <= 12 {
                return SlashOrder::DayFirst;
            }
            if second > 12 && first <= 12 {
                return SlashOrder::MonthFirst;
            }
        }
        SlashOrder::DayFirst
    }
}

/// The two numbers of a date `N/N/YYYY` whose first slash is at `i` (one or two digits each,
/// not part of a longer number).
fn slash_date_at(b: &[u8], i: usize) -> Option<(u32, u32)> {
    let before = b[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&before) || !(1..=2).contains(&after) {
        return None;
    }
    let second_slash = i + 1 + after;
    let year = b.get(second_slash + 1..)?;
    let year_digits = year.iter().take_while(|c| c.is_ascii_digit()).count();
    if b.get(second_slash) != Some(&b'/') || year_digits != 4 {
        return None;
    }
    Some((digits(&b[i - before..i])?, digits(&b[i + 1..second_slash])?))
}

/// Parses the date-times source systems write: ISO 8601 (with `T` or a space, optional seconds,
/// fractions and offset), `DD-MM-YYYY HH:MM`, `DD/MM/YYYY`, and plain dates (midnight).
/// An offset is converted to UTC; times without one are taken as written.
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    parse_datetime_in(s, SlashOrder::DayFirst)
}

/// [`parse_datetime`] for a file that writes its slash dates in `order` (see [`SlashOrder::of`]).
pub fn parse_datetime_in(s: &str, order: SlashOrder) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    datetime_only(s, order)
        .or_else(|| date_only(s, order).map(|d| d.and_time(NaiveTime::MIN)))
        .filter(|dt| four_digit_year(dt.date()) && year_written_in_full(s, dt.year()))
}

/// Whether `s` writes `year` with four digits. chrono's `%Y` also reads `26` in `2-1-26` as
/// the year 26, and `02` in `02-01-26 10:00` as the year 2: a two-digit year is refused, not
/// guessed.
fn year_written_in_full(s: &str, year: i32) -> bool {
    s.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() == 4 && digits(run).is_some_and(|n| i64::from(n) == i64::from(year)))
}

/// Whether a date cell is Intune's and Microsoft Graph's way of saying "no date":
/// `0001-01-01` (with or without a time), the smallest date .NET writes.
pub fn is_unset(s: &str) -> bool {
    s.trim().starts_with("0001-01-01")
}

/// Whether the year has the four digits every source system writes (0001–9999). chrono's `%Y`
/// also reads `-2027` and `+262142`: such a date is a broken cell, not a time, and near the
/// ends of chrono's calendar adding a fortnight would overflow.
fn four_digit_year(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

/// Parses a date: `YYYY-MM-DD`, `DD-MM-YYYY`, `DD/MM/YYYY`, `YYYY/MM/DD`, or the date part of a
/// date-time in any format [`parse_datetime`] accepts.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let order = SlashOrder::DayFirst;
    let date = match date_only(s, order) {
        Some(d) => Some(d),
        None if s.len() > 10 => datetime_only(s, order).map(|dt| dt.date()),
        None => None,
    };
    date.filter(|&d| four_digit_year(d) && year_written_in_full(s, d.year()))
}

/// Reads a date a client sends (a query parameter such as `?at=`, a date field of a request
/// body): exactly `YYYY-MM-DD`, four-digit year, nothing around it. chrono's own reading also
/// takes `-2026-01-01` and `+2026-01-01`, which a report would then echo as its date; a client
/// never means those, and source files, which are read more leniently, go through
/// [`parse_date`].
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).filter(|&d| four_digit_year(d))
}

/// Serde for a date a client sends, `#[serde(with = "crate::dates::iso_date")]`: read with
/// [`parse_iso_date`], written as `YYYY-MM-DD` (as chrono writes it).
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::borrow::Cow;

    /// The message of a refused date (serde's errors have one text; the API's error body says
    /// which parameter in its code and the client shows its own message for that).
    pub(super) const EXPECTED: &str = "a date written YYYY-MM-DD, e.g. 2027-03-01";

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    /// Reads exactly `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = Cow::<'de, str>::deserialize(d)?;
        super::parse_iso_date(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Str(&text), &EXPECTED)
        })
    }
}

/// [`iso_date`] for an optional date; pair it with `#[serde(default)]` so a missing field is
/// still `None`.
pub mod iso_date_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::borrow::Cow;

    /// Writes `YYYY-MM-DD`, or nothing (`null`).
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => super::iso_date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    /// Reads exactly `YYYY-MM-DD`, or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let Some(text) = Option::<Cow<'de, str>>::deserialize(d)? else {
            return Ok(None);
        };
        super::parse_iso_date(&text).map(Some).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&text),
                &super::iso_date::EXPECTED,
            )
        })
    }
}

/// The date-time formats, without falling back to a plain date (so the two parsers cannot call
/// each other forever on a malformed cell).
fn datetime_only(s: &str, order: SlashOrder) -> Option<NaiveDateTime> {
    if let Some(dt) = fast_datetime(s.as_bytes()) {
        return Some(dt);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_utc());
    }
    let s = s.strip_suffix('Z').unwrap_or(s);
    const FORMATS: [&str; 10] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%d-%m-%Y %H:%M:%S",
        "%d-%m-%Y %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
        // German, Swiss and Scandinavian exports write dots.
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%Y %H:%M",
    ];
    const DAY_FIRST: [&str; 4] = [
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
        "%d/%m/%Y %I:%M:%S %p",
        "%d/%m/%Y %I:%M %p",
    ];
    const MONTH_FIRST: [&str; 4] = [
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
    ];
    let slashed = match order {
        SlashOrder::DayFirst => DAY_FIRST,
        SlashOrder::MonthFirst => MONTH_FIRST,
    };
    FORMATS
        .iter()
        .chain(&slashed)
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

fn date_only(s: &str, order: SlashOrder) -> Option<NaiveDate> {
    if s.len() == 10
        && let Some(d) = fast_date(s.as_bytes())
    {
        return Some(d);
    }
    let slashed = match order {
        SlashOrder::DayFirst => "%d/%m/%Y",
        SlashOrder::MonthFirst => "%m/%d/%Y",
    };
    ["%Y-%m-%d", "%d-%m-%Y", slashed, "%Y/%m/%d", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `YYYY-MM-DD` or `DD-MM-YYYY` at the start of `b`, without chrono's format machinery: large
/// exports hold hundreds of thousands of dates. Anything else is left to the general parser.
fn fast_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() < 10 {
        return None;
    }
    let (y, m, d) = if b[4] == b'-' && b[7] == b'-' {
        (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?)
    } else if b[2] == b'-' && b[5] == b'-' {
        (digits(&b[6..10])?, digits(&b[3..5])?, digits(&b[0..2])?)
    } else {
        return None;
    };
    if b.len() > 10 && b[10] != b' ' && b[10] != b'T' {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The common shapes (`2027-01-11`, `2027-01-11T09:30:00Z`, `2027-01-11 09:30:00.0000000`,
/// `2027-01-11T10:30:00+01:00`, `11-01-2027 09:30`) parsed directly; `None` sends the text to
/// the general parser, which accepts everything this accepts and more, with the same results.
fn fast_datetime(b: &[u8]) -> Option<NaiveDateTime> {
    let date = fast_date(b)?;
    if b.len() == 10 {
        return Some(date.and_time(NaiveTime::MIN));
    }
    let t = &b[11..];
    if t.len() < 5 || t[2] != b':' {
        return None;
    }
    let (h, mi) = (digits(&t[0..2])?, digits(&t[3..5])?);
    let mut rest = &t[5..];
    let mut sec = 0;
    let mut nanos = 0;
    if let [b':', s1, s2, tail @ ..] = rest {
        sec = digits(&[*s1, *s2])?;
        rest = tail;
        if let [b'.', tail @ ..] = rest {
            let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 || n > 9 {
                return None;
            }
            nanos = digits(&tail[..n])? * 10u32.pow(9 - u32::try_from(n).ok()?);
            rest = &tail[n..];
        }
    }
    if sec > 59 {
        return None; // leap seconds: the general parser knows chrono's convention
    }
    let naive = date.and_time(NaiveTime::from_hms_nano_opt(h, mi, sec, nanos)?);
    match rest {
        [] | [b'Z'] => Some(naive),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let minutes = i64::from(digits(&[*h1, *h2])? * 60 + digits(&[*m1, *m2])?);
            let offset = chrono::Duration::minutes(if *sign == b'+' { minutes } else { -minutes });
            naive.checked_sub_signed(offset)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_the_calendar_lacks_is_said_so_not_the_formats_again() {
        let order = SlashOrder::DayFirst;
        for missing in [
            "31-11-2026 03:22:13",
            "2027-02-29",
            "2026-04-31T10:00:00Z",
            "30/02/2027",
        ] {
            assert_eq!(parse_datetime_in(missing, order), None, "{missing}");
            assert_eq!(
                datetime_expected(missing, order),
                EXISTING_DATE_EXPECTED,
                "{missing}"
            );
        }
        assert_eq!(
            datetime_expected("02/30/2027", SlashOrder::MonthFirst),
            EXISTING_DATE_EXPECTED
        );
        for malformed in [
            "11-13-2026",
            "morgen",
            "2026-11",
            "32-01-2027",
            "2027-01-11x",
        ] {
            assert_eq!(
                datetime_expected(malformed, order),
                DATETIME_EXPECTED,
                "{malformed}"
            );
        }
    }

    #[test]
    fn a_two_digit_year_is_refused_not_read_as_the_year_2_or_26() {
        for s in [
            "02-01-26 10:00",
            "2-1-26 9:00",
            "1/2/26",
            "26-01-02",
            "02-01-26",
        ] {
            assert_eq!(parse_datetime(s), None, "{s}");
            assert_eq!(parse_date(s), None, "{s}");
        }
        // Four digits, however the rest is written, still read.
        assert!(parse_datetime("2-1-2026 9:00").is_some());
        assert!(parse_date("0999-01-02").is_some());
    }

    #[test]
    fn intune_writes_the_year_1_for_no_date() {
        assert!(is_unset("0001-01-01 00:00:00"));
        assert!(is_unset(" 0001-01-01T00:00:00Z"));
        assert!(!is_unset("2027-01-01"));
    }

    #[test]
    fn dates_in_the_formats_source_systems_write() {
        let want = NaiveDate::from_ymd_opt(2027, 1, 11)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        for s in [
            "2027-01-11T09:30:00Z",
            "2027-01-11T10:30:00+01:00",
            "2027-01-11 09:30:00.0000000",
            "2027-01-11 09:30",
            "11-01-2027 09:30",
            "11/01/2027 09:30:00",
            "11.01.2027 09:30",
            "11.01.2027 09:30:00",
        ] {
            assert_eq!(parse_datetime(s), Some(want), "{s}");
        }
        assert_eq!(
            parse_date("11-01-2027"),
            NaiveDate::from_ymd_opt(2027, 1, 11)
        );
        assert_eq!(parse_datetime("tomorrow"), None);
    }

    #[test]
    fn american_dates_are_read_month_first_when_the_file_writes_them_so() {
        let at = |y, m, d, h, mi, s| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, mi, s)
                .unwrap()
        };
        let us = SlashOrder::MonthFirst;
        assert_eq!(
            parse_datetime_in("3/14/2024 8:21:45 PM", us),
            Some(at(2024, 3, 14, 20, 21, 45))
        );
        assert_eq!(
            parse_datetime_in("03/04/2027 12:05 AM", us),
            Some(at(2027, 3, 4, 0, 5, 0))
        );
        assert_eq!(
            parse_datetime_in("03/04/2027", us),
            Some(at(2027, 3, 4, 0, 0, 0))
        );
        assert_eq!(parse_datetime("03/04/2027"), Some(at(2027, 4, 3, 0, 0, 0)));
        assert_eq!(
            parse_datetime("14/3/2024 8:21 PM"),
            Some(at(2024, 3, 14, 20, 21, 0))
        );
        // Dashes and dots stay day first, and ISO dates are read alike in either order.
        assert_eq!(
            parse_datetime_in("04-03-2027", us),
            Some(at(2027, 3, 4, 0, 0, 0))
        );
        assert_eq!(
            parse_datetime_in("2027-03-04T10:00:00Z", us),
            Some(at(2027, 3, 4, 10, 0, 0))
        );
        assert_eq!(parse_datetime_in("29/11/2026", us), None);
    }

    #[test]
    fn a_file_s_slash_order_is_what_its_first_unambiguous_date_says() {
        use SlashOrder::{DayFirst, MonthFirst};
        for (text, want) in [
            ("when\n03/04/2027\n11/29/2026 10:00 AM\n", MonthFirst),
            ("when\n03/04/2027\n29/11/2026 10:00\n11/29/2026\n", DayFirst),
            ("when\n03/04/2027\n05/06/2027\n", DayFirst),
            (
                "when\n2027-11-29\nhttps://x.example/13/01/2027x\n",
                DayFirst,
            ),
            ("a,b\n123/45/2027,1/13/20271\n1/13/2027\n", MonthFirst),
            ("", DayFirst),
        ] {
            assert_eq!(SlashOrder::of(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_date_a_client_sends_is_exactly_yyyy_mm_dd() {
        assert_eq!(
            parse_iso_date("2026-01-01"),
            NaiveDate::from_ymd_opt(2026, 1, 1)
        );
        for bad in [
            "-2026-01-01",
            "+2026-01-01",
            "+12026-01-01",
            "2026-1-01",
            "2026-01-1",
            " 2026-01-01",
            "2026-01-01 ",
            "2026-02-30",
            "0000-01-01",
            "01-01-2026",
            "2026/01/01",
            "2026-01-01T00:00",
            "２０２６-01-01",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        #[derive(serde::Deserialize, serde::Serialize, Debug)]
        struct Q {
            #[serde(default, with = "iso_date_opt")]
            at: Option<NaiveDate>,
        }
        let q: Q = serde_json::from_str(r#"{"at":"2027-03-01"}"#).unwrap();
        assert_eq!(serde_json::to_string(&q).unwrap(), r#"{"at":"2027-03-01"}"#);
        assert!(serde_json::from_str::<Q>(r#"{"at":"+2027-03-01"}"#).is_err());
        assert!(serde_json::from_str::<Q>(r#"{}"#).unwrap().at.is_none());
        assert!(
            serde_json::from_str::<Q>(r#"{"at":null}"#)
                .unwrap()
                .at
                .is_none()
        );
    }

    #[test]
    fn only_four_digit_years_are_dates() {
        // Found by fuzzing: `%Y` read "-2027-01-15T08:00:00Z" as the year 2028 BC.
        for s in [
            "-2027-01-15T08:00:00Z",
            "+262142-12-31T00:00:00",
            "-0001-01-01 00:00",
            "12027-01-15",
        ] {
            assert_eq!(parse_datetime(s), None, "{s}");
            assert_eq!(parse_date(s), None, "{s}");
        }
        // .NET's "no date" as Graph writes it is still a date (year 1).
        assert!(parse_datetime("0001-01-01T00:00:00Z").is_some());
        assert!(parse_datetime("9999-12-31T23:59:59.9999999Z").is_some());
    }

    #[test]
    fn a_malformed_long_date_is_rejected_not_looped_on() {
        assert_eq!(parse_datetime("2027-01-11 25:00"), None);
        assert_eq!(parse_date("next tuesday morning"), None);
        assert_eq!(parse_datetime("next tuesday morning"), None);
    }

    #[test]
    fn fast_date_path_agrees_with_the_general_parser() {
        for s in [
            "2027-01-11",
            "2027-01-11T09:30:00Z",
            "2027-01-11T09:30:00.5Z",
            "2027-01-11T10:30:00+01:00",
            "2027-01-11T08:15:00-01:45",
            "2027-01-11 09:30:00.0000000",
            "2027-01-11 09:30",
            "11-01-2027 09:30",
            "11-01-2027 09:30:59",
            "2027-02-30",
            "2027-01-11T09:30:60Z",
            "2027-01-11x",
        ] {
            let general = chrono::DateTime::parse_from_rfc3339(s)
                .map(|d| d.naive_utc())
                .ok()
                .or_else(|| {
                    let t = s.strip_suffix('Z').unwrap_or(s);
                    [
                        "%Y-%m-%dT%H:%M:%S%.f",
                        "%Y-%m-%d %H:%M:%S%.f",
                        "%Y-%m-%dT%H:%M",
                        "%Y-%m-%d %H:%M",
                        "%d-%m-%Y %H:%M:%S",
                        "%d-%m-%Y %H:%M",
                    ]
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
                })
                .or_else(|| {
                    NaiveDate::parse_from_str(s, "%Y-%m-%d")
                        .ok()
                        .map(|d| d.and_time(NaiveTime::MIN))
                });
            assert_eq!(parse_datetime(s), general, "{s}");
        }
    }
}
