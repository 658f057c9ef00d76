//! Invitation links: creating, listing, revoking, making them from the roster, response rates.

use crate::i18n::Lang;
use crate::survey::Attributes;
use serde::{Deserialize, Serialize};

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
    /// The last day the new links open (UTC, inclusive); default: their wave's end plus
    /// [`crate::invitation::GRACE_DAYS`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::iso_date_opt"
    )]
    pub expires_on: Option<chrono::NaiveDate>,
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
    /// The person's e-mail address as the program's roster has it (the address a mail merge
    /// sends the link to); none without a roster or for someone not on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Attributes the link carries.
    pub attributes: Attributes,
    /// The person's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// When this person's response was stored (personal links; RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
    /// The wave the link was made for, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
    /// The last day the link opens (`YYYY-MM-DD`, UTC, inclusive); none: no expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    /// When a planner revoked the link (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

/// Most links one revocation (`…/invitations/revoke`, `…/training/revoke`) may name by token
/// or person.
pub const MAX_REVOKED_PER_REQUEST: usize = 10_000;

/// Body of `POST …/invitations/revoke`: exactly one of the three.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeInvitations {
    /// Links by token. A list sent, even empty, counts as given: with another field it is
    /// refused, never read as the other's revocation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<String>>,
    /// Personal links by person id (given as `tokens`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_ids: Option<Vec<String>>,
    /// Every link made for this wave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
}

/// What `POST …/invitations/revoke` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokedInvitations {
    /// Links that opened until now and no longer do.
    pub revoked: u64,
}

/// Which links `…/invitations/from-roster` makes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationKind {
    /// One link per person of the wave or segment (the default).
    #[default]
    Personal,
    /// One link for the whole segment, carrying only its attributes.
    Anonymous,
}

/// Body of `POST …/surveys/{survey}/invitations/from-roster`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitationsFromRoster {
    /// A wave of the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
    /// Roster attribute → value; all must hold.
    #[serde(default)]
    pub segment: std::collections::BTreeMap<String, String>,
    /// Personal (default) or anonymous.
    #[serde(default)]
    pub kind: InvitationKind,
    /// The last day the new links open (UTC, inclusive); default: the wave's end plus
    /// [`crate::invitation::GRACE_DAYS`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::iso_date_opt"
    )]
    pub expires_on: Option<chrono::NaiveDate>,
}

/// What `…/invitations/from-roster` did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FromRosterResult {
    /// Which links.
    pub kind: InvitationKind,
    /// People of the roster in the wave and segment.
    pub people: u64,
    /// Links made now.
    pub created: u64,
    /// Links that existed already (the same person, or the same anonymous segment).
    pub existing: u64,
    /// The anonymous link; for personal links download the mail-merge CSV instead.
    pub links: Vec<InvitationLink>,
}

/// `GET …/surveys/{survey}/rates`: response rates per wave and segment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyRates {
    /// Whether the survey is anonymous: then `groups` count responses only (`invited` and `rate`
    /// are absent), since one link is answered by many.
    pub anonymous: bool,
    /// Invitations (personal surveys) or links.
    pub invitations: u64,
    /// Responses.
    pub responses: u64,
    /// The overall rate in whole percent (personal surveys).
    pub rate: Option<u64>,
    /// Per wave and per attribute value the links carry; groups under 5 suppressed.
    pub groups: Vec<GroupRate>,
}

/// The response rate of one group of invitations (a wave, or one value of an attribute).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRate {
    /// The attribute (`wave`, `platform`, …).
    pub attribute: String,
    /// Its value.
    pub value: String,
    /// People invited in the group; `None` when suppressed.
    pub invited: Option<u64>,
    /// Of those, how many answered; `None` when suppressed.
    pub responded: Option<u64>,
    /// Whole percent; `None` when suppressed.
    pub rate: Option<u64>,
    /// Fewer than [`crate::measures::MIN_GROUP`] people invited (or hidden so a small neighbour
    /// cannot be worked out by subtraction).
    pub suppressed: bool,
}
