//! What a respondent's link opens and what a submitted response is acknowledged with.

use super::ProgramSupport;
use crate::i18n::{Lang, Text};
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

/// The `details` of `410 link_expired` and `410 link_revoked` when a survey link is opened: whom
/// to ask for a new link, and for an expired link which survey it was for. Its holder was invited
/// to that survey, so its title tells them nothing they were not told; nothing else of the
/// survey is given. Flat, so a closed training link's details (the program's support alone) read
/// the same.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedLink {
    /// The survey's title (expired links only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_title: Option<Text>,
    /// The program's helpdesk ([`ProgramSupport::helpdesk`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk: Option<Text>,
    /// The program's FAQ ([`ProgramSupport::faq_url`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faq_url: Option<String>,
}

impl ClosedLink {
    /// The details of a closed link of a program with `support`, naming `survey_title` if given.
    pub fn new(support: ProgramSupport, survey_title: Option<Text>) -> ClosedLink {
        ClosedLink {
            survey_title,
            helpdesk: support.helpdesk,
            faq_url: support.faq_url,
        }
    }

    /// The details as the server writes them, read by hand: a derived `Deserialize` would add
    /// half a kilobyte to every respondent's download (`bundle.spec.js`). What is not as
    /// expected reads as absent.
    pub fn read(details: &serde_json::Value) -> ClosedLink {
        let text = |key: &str| {
            let t = details.get(key)?;
            let lang = |l: &str| t.get(l).and_then(|s| s.as_str()).unwrap_or_default();
            t.is_object().then(|| Text::new(lang("nl"), lang("en")))
        };
        ClosedLink {
            survey_title: text("survey_title"),
            helpdesk: text("helpdesk"),
            faq_url: details
                .get("faq_url")
                .and_then(|u| u.as_str())
                .map(str::to_string),
        }
    }

    /// Whom to ask for a new link.
    pub fn support(&self) -> ProgramSupport {
        ProgramSupport {
            helpdesk: self.helpdesk.clone(),
            faq_url: self.faq_url.clone(),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_links_details_read_by_hand_as_written() {
        let support = ProgramSupport {
            helpdesk: Some(Text::new("Bel 020-1234567", "Call 020-1234567")),
            faq_url: Some("https://example.org/faq".into()),
        };
        for title in [None, Some(Text::new("Pilot-evaluatie", "Pilot evaluation"))] {
            let written = ClosedLink::new(support.clone(), title);
            let json = serde_json::to_value(&written).unwrap();
            assert_eq!(ClosedLink::read(&json), written);
            assert_eq!(ClosedLink::read(&json).support(), support);
        }
        // A training link's details (the support alone), and nothing at all.
        let json = serde_json::to_value(&support).unwrap();
        assert_eq!(ClosedLink::read(&json).support(), support);
        assert_eq!(
            ClosedLink::read(&serde_json::json!({})),
            ClosedLink::default()
        );
        assert_eq!(
            ClosedLink::read(&serde_json::json!({ "survey_title": "not a text" })),
            ClosedLink::default()
        );
    }
}
