//! What a respondent's link opens and what a submitted response is acknowledged with.

use super::ProgramSupport;
use crate::i18n::Lang;
use crate::survey::{Attributes, Survey};
use serde::{Deserialize, Serialize};

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
    /// The languages the survey is written in (its `languages`): with one, the app offers no
    /// language switch.
    #[serde(default = "crate::survey::model::both_languages")]
    pub languages: Vec<Lang>,
    /// Where respondents get help after answering (the program's helpdesk and FAQ).
    #[serde(default, skip_serializing_if = "ProgramSupport::is_empty")]
    pub support: ProgramSupport,
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
