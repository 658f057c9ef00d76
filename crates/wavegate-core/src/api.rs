//! The JSON contract of `/api/v1/`: the types the server sends and the app reads.
//!
//! One definition serves both sides, so a field renamed on the server cannot silently break
//! the app. `docs/api.md` describes each endpoint with these shapes.

use crate::i18n::{Lang, Text};
use crate::survey::{Attributes, Survey};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: String,
}

/// An error answer: `{"error": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The content of an error answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Machine-readable code (`invalid_response`, `not_found`, `payload_too_large`, …).
    pub code: String,
    /// A message for people (English; the app shows its own text per code).
    pub message: String,
    /// Structured details, e.g. one [`AnswerProblem`] per invalid answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

/// One problem with a submitted answer (the `details` of `invalid_response`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerProblem {
    /// The question or matrix item concerned, when one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Machine-readable code.
    pub code: String,
    /// The message in the response's language.
    pub message: String,
}

/// `GET /api/v1/respond/{token}`: what a respondent's link opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationView {
    /// The program's display name.
    pub program_name: String,
    /// The survey version to answer.
    pub survey: Survey,
    /// What the link knows about the respondent (drives show-if conditions).
    pub attributes: Attributes,
    /// The language the planner chose for this person, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// An anonymous link: answers are not tied to a person and the link can be used again.
    pub anonymous: bool,
    /// The acknowledgement of an earlier submission through this personal link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<SubmitAck>,
}

/// `POST /api/v1/respond/{token}` succeeded (201 new, 200 when the same response was stored before).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitAck {
    /// The response id (as sent by the app).
    pub response_id: String,
    /// When the server stored it (RFC 3339, UTC).
    pub submitted_at: String,
    /// True when this was a retry of a response already stored.
    pub duplicate: bool,
}

/// `GET /api/v1/programs`: a program with its surveys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramOverview {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its surveys.
    pub surveys: Vec<SurveyOverview>,
}

/// A survey of a program with its counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyOverview {
    /// The survey's stable id.
    pub survey_id: String,
    /// The version new respondents get.
    pub version: u32,
    /// Its title.
    pub title: Text,
    /// Answers are stored without a person link.
    pub anonymous: bool,
    /// Responses received (all versions).
    pub responses: u64,
    /// Invitations created (personal links, plus the anonymous link if any).
    pub invitations: u64,
}

/// One invitation to create (`POST …/invitations`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    /// The roster's person id; absent for an anonymous link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// Segment attributes the link carries (platform, department, wave …).
    #[serde(default)]
    pub attributes: Attributes,
    /// The person's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
}

/// Body of `POST …/invitations`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateInvitations {
    /// The invitations, at most [`MAX_INVITATIONS_PER_REQUEST`].
    pub invitations: Vec<NewInvitation>,
}

/// How many invitations one request may create.
pub const MAX_INVITATIONS_PER_REQUEST: usize = 10_000;

/// An invitation link as planners see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationLink {
    /// The secret token.
    pub token: String,
    /// The full link to send.
    pub url: String,
    /// The person, or none for the anonymous link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// Attributes the link carries.
    pub attributes: Attributes,
    /// The person's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// When this person's response was stored (personal links; RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
}

/// `GET …/surveys/{survey}/summary`: a survey's results for the planner dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyResults {
    /// The version new respondents get (its questions label the results).
    pub survey: Survey,
    /// Results over all versions, joined on stable question ids, groups under 5 suppressed.
    pub summary: crate::survey::Summary,
}
