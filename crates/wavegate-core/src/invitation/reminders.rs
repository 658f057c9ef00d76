//! Reminders for personal links: who has not answered, in a wave and segment, how often each
//! was reminded, who is due again after a minimum gap, and the mail-merge CSV of those due.
//! Anonymous surveys get counts only: nobody can be singled out as not having answered.

use crate::api::{CsvDelimiter, InvitationLink, InvitationsFormat};
use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use crate::invitation::lifetime::LinkStatus;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io::Write;

/// Days between two reminders to the same person unless the planner asks otherwise.
pub const DEFAULT_MIN_GAP_DAYS: u32 = 3;

/// The longest gap a planner may ask for: a year is longer than any survey wave.
pub const MAX_MIN_GAP_DAYS: u32 = 365;

/// A gap as a planner typed it, when it is a whole number of days up to [`MAX_MIN_GAP_DAYS`].
pub fn parse_min_gap_days(typed: &str) -> Option<u32> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|d| *d <= MAX_MIN_GAP_DAYS)
}

/// The query of `…/reminders`: which people, how long since their last reminder, and the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemindersQuery {
    /// Only links of this wave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
    /// Only links whose attribute `attribute` is `value` (both or neither).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// See `attribute`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Days since a person's last reminder before they are due again (default
    /// [`DEFAULT_MIN_GAP_DAYS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_gap_days: Option<u32>,
    /// JSON counts (default) or the CSV of those due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<InvitationsFormat>,
    /// The CSV delimiter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<CsvDelimiter>,
    /// Start the CSV with a byte-order mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bom: Option<bool>,
}

/// A personal link with its reminder history.
#[derive(Clone, Debug, PartialEq)]
pub struct ReminderRow {
    /// The link (its person, response time, expiry and revocation).
    pub link: InvitationLink,
    /// Reminders recorded for it so far.
    pub reminders_sent: u32,
    /// When the last one was recorded.
    pub last_reminded_at: Option<DateTime<Utc>>,
}

/// `GET …/reminders`: how many people a reminder would reach.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemindersSummary {
    /// An anonymous survey: only `responses` is counted.
    pub anonymous: bool,
    /// Responses stored.
    pub responses: u64,
    /// People in the wave and segment whose open link has no response.
    pub non_responders: u64,
    /// Of those, the people due a reminder now (none in the last `min_gap_days`).
    pub due: u64,
    /// Of those due, the people reminded before.
    pub reminded_before: u64,
}

/// Why a reminder query is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReminderError {
    /// `attribute` without `value` or the other way round.
    #[error("give attribute and value together")]
    HalfSegment,
    /// `min_gap_days` over [`MAX_MIN_GAP_DAYS`].
    #[error("min_gap_days is at most {MAX_MIN_GAP_DAYS}")]
    GapTooLong,
    /// The names of those who have not answered an anonymous survey.
    #[error("this survey is anonymous: reminders show counts only, never who has not answered")]
    Anonymous,
}

impl ReminderError {
    /// The refusal in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let text = match self {
            ReminderError::HalfSegment => crate::i18n::Text::new(
                "geef attribute en value samen",
                "give attribute and value together",
            ),
            ReminderError::GapTooLong => crate::i18n::Text::new(
                format!("min_gap_days is hooguit {MAX_MIN_GAP_DAYS}"),
                format!("min_gap_days is at most {MAX_MIN_GAP_DAYS}"),
            ),
            ReminderError::Anonymous => crate::i18n::Text::new(
                "deze vragenlijst is anoniem: herinneringen tonen alleen aantallen, nooit wie nog niet antwoordde",
                "this survey is anonymous: reminders show counts only, never who has not answered",
            ),
        };
        text.get(lang).to_string()
    }
}

/// The people of `rows` due a reminder at `now`: a personal link in the wave and segment asked
/// for, open today, without a response, and not reminded within the gap.
pub fn due_reminders<'a>(
    rows: &'a [ReminderRow],
    query: &RemindersQuery,
    now: DateTime<Utc>,
) -> Result<(Vec<&'a ReminderRow>, RemindersSummary), ReminderError> {
    let segment = match (&query.attribute, &query.value) {
        (Some(a), Some(v)) => Some((a.as_str(), v.as_str())),
        (None, None) => None,
        _ => return Err(ReminderError::HalfSegment),
    };
    let days = query.min_gap_days.unwrap_or(DEFAULT_MIN_GAP_DAYS);
    if days > MAX_MIN_GAP_DAYS {
        return Err(ReminderError::GapTooLong);
    }
    let gap = chrono::Duration::days(i64::from(days));
    let today = now.date_naive();
    let non_responders: Vec<&ReminderRow> = rows
        .iter()
        .filter(|r| r.link.person_id.is_some() && r.link.submitted_at.is_none())
        .filter(|r| open(&r.link, today))
        .filter(|r| {
            // The wave the link was made for, else the one it carries.
            let wave = r.link.wave.as_ref().or(r.link.attributes.get("wave"));
            query.wave.as_ref().is_none_or(|w| wave == Some(w))
        })
        .filter(|r| {
            segment.is_none_or(|(a, v)| r.link.attributes.get(a).map(String::as_str) == Some(v))
        })
        .collect();
    let due: Vec<&ReminderRow> = non_responders
        .iter()
        .copied()
        .filter(|r| r.last_reminded_at.is_none_or(|last| now - last >= gap))
        .collect();
    let summary = RemindersSummary {
        anonymous: false,
        responses: rows
            .iter()
            .filter(|r| r.link.submitted_at.is_some())
            .count() as u64,
        non_responders: non_responders.len() as u64,
        due: due.len() as u64,
        reminded_before: due.iter().filter(|r| r.reminders_sent > 0).count() as u64,
    };
    Ok((due, summary))
}

fn open(link: &InvitationLink, today: NaiveDate) -> bool {
    link.status(today) == LinkStatus::Open
}

/// The columns of the reminder file; attribute columns follow, by name.
pub const REMINDER_COLUMNS: [&str; 7] = [
    "person_id",
    "email",
    "language",
    "link",
    "reminders_sent",
    "last_reminded_at",
    "expires_on",
];

/// Writes the reminder mail merge of `rows` to `out`.
pub fn write_reminders<W: Write>(
    rows: &[&ReminderRow],
    out: W,
    options: CsvOptions,
) -> std::io::Result<W> {
    let names: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.link.attributes.keys().map(String::as_str))
        .collect();
    let mut w = SafeCsvWriter::new(out, options)?;
    w.row(REMINDER_COLUMNS.iter().chain(names.iter()))?;
    for r in rows {
        let l = &r.link;
        let fixed = [
            l.person_id.clone().unwrap_or_default(),
            l.email.clone().unwrap_or_default(),
            l.language.map(|x| x.code().to_string()).unwrap_or_default(),
            l.url.clone(),
            r.reminders_sent.to_string(),
            r.last_reminded_at
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                .unwrap_or_default(),
            l.expires_on.clone().unwrap_or_default(),
        ];
        let attributes = names
            .iter()
            .map(|a| l.attributes.get(*a).cloned().unwrap_or_default());
        w.row(fixed.into_iter().chain(attributes))?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        person: &str,
        wave: &str,
        submitted: bool,
        sent: u32,
        last: Option<&str>,
    ) -> ReminderRow {
        ReminderRow {
            link: InvitationLink {
                token: format!("t-{person}"),
                url: format!("http://h/r/t-{person}"),
                person_id: Some(person.into()),
                email: Some(format!("{person}@example.org")),
                attributes: [("platform".to_string(), "iOS".to_string())].into(),
                language: None,
                submitted_at: submitted.then(|| "2027-01-12T08:00:00Z".into()),
                wave: Some(wave.into()),
                expires_on: Some("2027-02-28".into()),
                revoked_at: None,
            },
            reminders_sent: sent,
            last_reminded_at: last.map(|t| t.parse().unwrap()),
        }
    }

    #[test]
    fn only_open_unanswered_links_of_the_wave_not_reminded_lately_are_due() {
        let now: DateTime<Utc> = "2027-01-20T09:00:00Z".parse().unwrap();
        let mut revoked = row("e", "pilot", false, 0, None);
        revoked.link.revoked_at = Some("2027-01-13T00:00:00Z".into());
        let rows = vec![
            row("a", "pilot", false, 0, None),
            row("b", "pilot", true, 0, None),
            row("c", "pilot", false, 1, Some("2027-01-19T09:00:00Z")),
            row("d", "pilot", false, 2, Some("2027-01-10T09:00:00Z")),
            revoked,
            row("f", "wave-1", false, 0, None),
        ];
        let query = RemindersQuery {
            wave: Some("pilot".into()),
            ..RemindersQuery::default()
        };
        let (due, summary) = due_reminders(&rows, &query, now).unwrap();
        let people: Vec<&str> = due
            .iter()
            .map(|r| r.link.person_id.as_deref().unwrap())
            .collect();
        assert_eq!(people, vec!["a", "d"]);
        assert_eq!(
            (summary.non_responders, summary.due, summary.reminded_before),
            (3, 2, 1)
        );
        let late: DateTime<Utc> = "2027-03-01T09:00:00Z".parse().unwrap();
        assert_eq!(
            due_reminders(&rows, &query, late).unwrap().1.non_responders,
            0,
            "expired"
        );
        let half = RemindersQuery {
            attribute: Some("platform".into()),
            ..RemindersQuery::default()
        };
        assert_eq!(
            due_reminders(&rows, &half, now).unwrap_err(),
            ReminderError::HalfSegment
        );
        // The API refuses the gap the planner's form refuses.
        let year_and_a_day = RemindersQuery {
            min_gap_days: Some(MAX_MIN_GAP_DAYS + 1),
            ..RemindersQuery::default()
        };
        assert_eq!(
            due_reminders(&rows, &year_and_a_day, now).unwrap_err(),
            ReminderError::GapTooLong
        );
    }

    #[test]
    fn the_gap_is_a_whole_number_of_days_up_to_a_year() {
        assert_eq!(parse_min_gap_days(" 3 "), Some(3));
        assert_eq!(parse_min_gap_days("0"), Some(0));
        assert_eq!(parse_min_gap_days("365"), Some(365));
        assert_eq!(parse_min_gap_days("366"), None);
        assert_eq!(parse_min_gap_days("-1"), None);
        assert_eq!(parse_min_gap_days("2.5"), None);
        assert_eq!(parse_min_gap_days(""), None);
    }

    #[test]
    fn the_reminder_file_has_a_row_per_person_with_the_count_sent() {
        let rows = [row("a", "pilot", false, 2, Some("2027-01-10T09:00:00Z"))];
        let refs: Vec<&ReminderRow> = rows.iter().collect();
        let out =
            String::from_utf8(write_reminders(&refs, Vec::new(), CsvOptions::default()).unwrap())
                .unwrap();
        assert_eq!(
            out,
            "person_id,email,language,link,reminders_sent,last_reminded_at,expires_on,platform\r\n\
             a,a@example.org,,http://h/r/t-a,2,2027-01-10T09:00:00Z,2027-02-28,iOS\r\n"
        );
    }
}
