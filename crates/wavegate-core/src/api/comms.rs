//! The communication plan's wire types: a planned message (which group, which channel, who
//! sends it, what it asks people to do, when), its measured reach, and why one is refused.

use crate::i18n::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a message reaches people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An e-mail.
    Email,
    /// A news item on the intranet.
    Intranet,
    /// A chat message (Teams, Slack).
    Chat,
    /// A briefing for managers, who pass it on.
    ManagerBriefing,
    /// A (team) meeting.
    Meeting,
    /// A poster or screen in the building.
    Poster,
    /// Anything else.
    Other,
}

impl Channel {
    /// Every channel, in the order the form offers them.
    pub const ALL: [Channel; 7] = [
        Channel::Email,
        Channel::Intranet,
        Channel::Chat,
        Channel::ManagerBriefing,
        Channel::Meeting,
        Channel::Poster,
        Channel::Other,
    ];

    /// Its wire and database name (`manager_briefing`).
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Intranet => "intranet",
            Channel::Chat => "chat",
            Channel::ManagerBriefing => "manager_briefing",
            Channel::Meeting => "meeting",
            Channel::Poster => "poster",
            Channel::Other => "other",
        }
    }

    /// The channel of a wire name.
    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The channel in words.
    pub fn label(self) -> Text {
        match self {
            Channel::Email => Text::new("E-mail", "E-mail"),
            Channel::Intranet => Text::new("Intranet", "Intranet"),
            Channel::Chat => Text::new("Chat (Teams e.d.)", "Chat (Teams etc.)"),
            Channel::ManagerBriefing => Text::new("Briefing voor managers", "Manager briefing"),
            Channel::Meeting => Text::new("Overleg of bijeenkomst", "Meeting"),
            Channel::Poster => Text::new("Poster of scherm", "Poster or screen"),
            Channel::Other => Text::new("Anders", "Other"),
        }
    }
}

/// What a message asks people to do: the act its reach counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Enroll a device (devices.csv).
    Enroll,
    /// Answer a survey (the responses).
    AnswerSurvey,
    /// Start the training (the training records).
    StartTraining,
    /// Inform only: nothing to count.
    None,
}

impl Purpose {
    /// Every purpose, in the order the form offers them.
    pub const ALL: [Purpose; 4] = [
        Purpose::Enroll,
        Purpose::AnswerSurvey,
        Purpose::StartTraining,
        Purpose::None,
    ];

    /// Its wire and database name (`answer_survey`).
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Enroll => "enroll",
            Purpose::AnswerSurvey => "answer_survey",
            Purpose::StartTraining => "start_training",
            Purpose::None => "none",
        }
    }

    /// The purpose of a wire name.
    pub fn parse(s: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The purpose in words.
    pub fn label(self) -> Text {
        match self {
            Purpose::Enroll => Text::new("Toestel inschrijven", "Enroll a device"),
            Purpose::AnswerSurvey => Text::new("Vragenlijst invullen", "Answer a survey"),
            Purpose::StartTraining => Text::new("Training starten", "Start the training"),
            Purpose::None => Text::new("Alleen informeren", "Inform only"),
        }
    }
}

/// Body of `POST …/communications` and `PUT …/communications/{message}`: a message as the
/// planner plans it. Who planned it and when are the server's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewMessage {
    /// A wave id of the program; absent (or `null`) for everyone on the roster.
    #[serde(default)]
    pub wave: Option<String>,
    /// Split attribute → value; all must hold (empty: the whole wave).
    #[serde(default)]
    pub segment: BTreeMap<String, String>,
    /// How it goes out.
    pub channel: Channel,
    /// Who sends it (free text, e.g. a team and a name).
    pub owner: String,
    /// What it asks people to do.
    pub purpose: Purpose,
    /// The day it is planned for.
    #[serde(with = "crate::dates::iso_date")]
    pub planned_on: NaiveDate,
    /// The day it went out; absent while planned.
    #[serde(default, with = "crate::dates::iso_date_opt")]
    pub sent_on: Option<NaiveDate>,
    /// Its subject line or title.
    pub subject: String,
    /// The text or a note on it; line breaks are kept.
    #[serde(default)]
    pub note: String,
}

/// The reach of a sent message: of its target group, who did what it asked after it went out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReachFigures {
    /// People on the roster in the wave and segment.
    pub group: u64,
    /// Of them, who had done it before the message went out (they needed no message).
    pub already: u64,
    /// Who did it, but the data gives no date (training records without one).
    pub undated: u64,
    /// Who still had to do it when it went out: `group − already − undated`.
    pub out_of: u64,
    /// Of those, who did it on or after the day it went out.
    pub reached: u64,
    /// `reached / out_of`; `None` when no one still had to.
    pub share: Option<f64>,
    /// The Wilson interval of `share` at the program's confidence.
    pub interval: Option<[f64; 2]>,
    /// The confidence `interval` is at, the program's (0.8: an 80% interval), so that whoever
    /// reads the figures can name the interval.
    pub level: f64,
}

/// Whether and how a message's reach is known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Reach {
    /// Measured on the program's current data.
    Measured(ReachFigures),
    /// The group has fewer than [`crate::measures::MIN_GROUP`] people: nothing about it is
    /// shown, its size neither.
    Suppressed,
    /// Not sent yet.
    NotSent,
    /// It asks nothing to count (purpose `none`).
    NoPurpose,
    /// The program has no roster (or no program.toml) yet.
    NoRoster,
    /// The file the purpose is counted in has not been imported or collected.
    NoData {
        /// That file (`devices.csv`, `responses.csv`, `training.csv`).
        file: String,
    },
    /// The program's files do not read together, or the server had no time to read them now.
    Unavailable,
}

/// A planned message, as `GET …/communications` lists it and `POST`/`PUT` answer with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlannedMessage {
    /// Stable id within the server.
    pub id: u64,
    /// The wave; `None` for everyone on the roster.
    pub wave: Option<String>,
    /// Split attribute → value.
    pub segment: BTreeMap<String, String>,
    /// How it goes out.
    pub channel: Channel,
    /// Who sends it.
    pub owner: String,
    /// What it asks people to do.
    pub purpose: Purpose,
    /// The day it is planned for.
    #[serde(with = "crate::dates::iso_date")]
    pub planned_on: NaiveDate,
    /// The day it went out.
    #[serde(default, with = "crate::dates::iso_date_opt")]
    pub sent_on: Option<NaiveDate>,
    /// Its subject.
    pub subject: String,
    /// Its note.
    pub note: String,
    /// Who planned it: the planner's e-mail address (or `token:<name>`).
    pub created_by: String,
    /// When it was planned (RFC 3339, UTC).
    pub created_at: String,
    /// Its reach (on the answers of `POST`/`PUT`: `not_sent`, `no_purpose` or measured).
    pub reach: Reach,
}

impl PlannedMessage {
    /// What the planner can change, as the form and `PUT` take it.
    pub fn body(&self) -> NewMessage {
        NewMessage {
            wave: self.wave.clone(),
            segment: self.segment.clone(),
            channel: self.channel,
            owner: self.owner.clone(),
            purpose: self.purpose,
            planned_on: self.planned_on,
            sent_on: self.sent_on,
            subject: self.subject.clone(),
            note: self.note.clone(),
        }
    }
}

/// Query of `GET …/communications.csv`: the language of its headers and words, and the CSV
/// settings.
pub type CommsCsvQuery = super::ListCsvQuery;

/// The `details` of `invalid_message`: its problems in the order of the form's fields.
pub type MessageProblems = super::FirstAndMore<MessageProblem>;

/// One problem of a refused message: which field, what is wrong, in the request's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageProblem {
    /// The field of [`NewMessage`] (`owner`, `segment`, …); empty for the plan as a whole.
    pub field: String,
    /// [`crate::comms::MessageError::code`].
    pub code: String,
    /// The problem in the request's language.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn channels_and_purposes_travel_as_their_snake_case_names_and_speak_both_languages() {
        for c in Channel::ALL {
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
            assert_eq!(Channel::parse(c.as_str()), Some(c));
            assert!(c.label().missing().is_empty());
        }
        for p in Purpose::ALL {
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
            assert_eq!(Purpose::parse(p.as_str()), Some(p));
            assert_ne!(p.label().get(Lang::Nl), p.label().get(Lang::En));
        }
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn the_planner_cannot_set_who_planned_a_message() {
        let body: Result<NewMessage, _> = serde_json::from_str(
            r#"{"channel":"email","owner":"A","purpose":"enroll","planned_on":"2027-01-04","subject":"s","created_by":"me"}"#,
        );
        assert!(body.is_err());
        let ok: NewMessage = serde_json::from_str(
            r#"{"channel":"email","owner":"A","purpose":"enroll","planned_on":"2027-01-04","subject":"s"}"#,
        )
        .unwrap();
        assert_eq!((ok.wave, ok.sent_on, ok.note.as_str()), (None, None, ""));
    }

    #[test]
    fn reach_names_its_status() {
        let json = serde_json::to_string(&Reach::NoData {
            file: "devices.csv".into(),
        })
        .unwrap();
        assert_eq!(json, r#"{"status":"no_data","file":"devices.csv"}"#);
        assert_eq!(
            serde_json::to_string(&Reach::Suppressed).unwrap(),
            r#"{"status":"suppressed"}"#
        );
    }
}
