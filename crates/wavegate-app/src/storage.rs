//! What respondents keep on their device: drafts, the outbox and copies of invitations, under
//! the typed keys of [`wavegate_ui::storage`].
//!
//! Drafts and the outbox live in `localStorage` so that nothing a respondent enters is lost when
//! the tab closes, the phone goes offline or the battery dies. That an anonymous link was answered
//! lives in this tab's `sessionStorage` only (see [`AnsweredHere`]).

use wavegate_core::api::InvitationView;
use wavegate_core::survey::Response;
pub use wavegate_core::survey::draft::Draft;
pub use wavegate_ui::storage::{
    Key, initial_lang, load, remove, remove_all_sent, save, session_load, session_remove,
    session_save,
};

/// A response waiting for the server.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Queued {
    /// The invitation token it goes to.
    pub token: String,
    /// The response.
    pub response: Response,
}

/// The outbox, oldest first.
pub fn outbox() -> Vec<Queued> {
    load(&Key::Outbox).unwrap_or_default()
}

/// Adds a response to the outbox (replacing an earlier copy with the same id).
pub fn enqueue(item: Queued) -> bool {
    let mut all = outbox();
    all.retain(|q| q.response.id != item.response.id);
    all.push(item);
    save(&Key::Outbox, &all)
}

/// Drops a response from the outbox once the server acknowledged it.
pub fn dequeue(response_id: &str) {
    let mut all = outbox();
    all.retain(|q| q.response.id != response_id);
    save(&Key::Outbox, &all);
}

/// The cached invitation, if this device has seen it.
pub fn cached_invitation(token: &str) -> Option<InvitationView> {
    load(&Key::Invitation(token.to_string()))
}

/// That an anonymous link was answered in this tab: when the server stored the response, and
/// nothing of the answers. Reloading the tab shows the thank-you again rather than a blank survey
/// that invites a duplicate; a new browser session (the next person on a shared device) starts
/// afresh, and "answer again" removes it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AnsweredHere {
    /// When the server stored the response (RFC 3339, UTC), as its acknowledgement said.
    pub submitted_at: String,
}

/// Remembers, for this tab, that the anonymous link `token` was answered at `submitted_at`.
pub fn mark_answered_here(token: &str, submitted_at: &str) {
    let mark = AnsweredHere {
        submitted_at: submitted_at.to_string(),
    };
    session_save(&Key::AnsweredHere(token.to_string()), &mark);
}

/// Whether this tab answered the anonymous link `token`, and when.
pub fn answered_here(token: &str) -> Option<AnsweredHere> {
    session_load(&Key::AnsweredHere(token.to_string()))
}

/// Forgets that this tab answered the anonymous link `token` ("answer again").
pub fn forget_answered_here(token: &str) {
    session_remove(&Key::AnsweredHere(token.to_string()));
}

/// Removes everything this device keeps of one invitation: the draft and what it knew of the
/// server's copy, the invitation copy, responses waiting in the outbox and acknowledgements,
/// and the language chosen with the switch. For a shared device: the next person finds nothing
/// of the survey ("not you?"), nor does this tab remember the link as answered, and their own
/// link opens in its language rather than in the one the previous person picked.
pub fn forget_invitation(token: &str) {
    let mut response_ids: Vec<String> = outbox()
        .into_iter()
        .filter(|q| q.token == token)
        .map(|q| q.response.id)
        .collect();
    if let Some(d) = load::<Draft>(&Key::Draft(token.to_string())) {
        response_ids.push(d.response_id);
    }
    for id in &response_ids {
        dequeue(id);
        remove(&Key::Sent(id.clone()));
    }
    for key in [
        Key::Draft(token.to_string()),
        Key::DraftSync(token.to_string()),
        Key::Invitation(token.to_string()),
        Key::Lang,
    ] {
        remove(&key);
    }
    forget_answered_here(token);
}

/// What is no longer needed once the server acknowledged a response through this invitation:
/// the draft, the sync state and the invitation copy (a personal link opens as answered from
/// the server; nothing is left for the next person on the device to read or reuse). The tab's
/// [`AnsweredHere`] mark of an anonymous link stays: it is what a reload shows.
pub fn forget_answered(token: &str) {
    for key in [
        Key::Draft(token.to_string()),
        Key::DraftSync(token.to_string()),
        Key::Invitation(token.to_string()),
    ] {
        remove(&key);
    }
}
