//! What respondents keep on their device: drafts, the outbox and copies of invitations, under
//! the typed keys of [`wavegate_ui::storage`].
//!
//! Drafts and the outbox live in `localStorage` so that nothing a respondent enters is lost when
//! the tab closes, the phone goes offline or the battery dies.

use wavegate_core::api::InvitationView;
use wavegate_core::survey::Response;
pub use wavegate_core::survey::draft::Draft;
pub use wavegate_ui::storage::{Key, initial_lang, load, remove, save};

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
