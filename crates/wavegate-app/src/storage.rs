//! What the app keeps in the browser, behind one enum of typed keys.
//!
//! Drafts and the outbox live in `localStorage` so that nothing a respondent enters is lost when
//! the tab closes, the phone goes offline or the battery dies. A planner's session is an HttpOnly
//! cookie the app never sees, so nothing of it is stored here.

use gloo_storage::{LocalStorage, Storage};
use serde::{Serialize, de::DeserializeOwned};
use wavegate_core::api::InvitationView;
use wavegate_core::i18n::Lang;
use wavegate_core::survey::Response;
pub use wavegate_core::survey::draft::Draft;

/// A key in browser storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// The chosen interface language.
    Lang,
    /// The draft answers of one invitation ([`Draft`], the core's format).
    Draft(String),
    /// The last copy of an invitation (survey definition), for resuming offline.
    Invitation(String),
    /// Responses waiting to be sent, keyed by invitation token.
    Outbox,
    /// The server's acknowledgement of a response, by response id.
    Sent(String),
}

impl Key {
    fn name(&self) -> String {
        match self {
            Key::Lang => "wavegate.lang".into(),
            Key::Draft(t) => format!("wavegate.draft.{t}"),
            Key::Invitation(t) => format!("wavegate.invitation.{t}"),
            Key::Outbox => "wavegate.outbox".into(),
            Key::Sent(t) => format!("wavegate.sent.{t}"),
        }
    }
}

/// Reads a value; `None` when absent or unreadable (an old format is as good as no value).
pub fn load<T: DeserializeOwned>(key: &Key) -> Option<T> {
    LocalStorage::get(key.name()).ok()
}

/// Writes a value; returns false when the browser refuses (storage full or disabled).
pub fn save<T: Serialize>(key: &Key, value: &T) -> bool {
    LocalStorage::set(key.name(), value).is_ok()
}

/// Removes a value.
pub fn remove(key: &Key) {
    LocalStorage::delete(key.name());
}

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

/// The stored language preference, else the browser's, else Dutch.
pub fn initial_lang() -> Lang {
    load::<Lang>(&Key::Lang)
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.navigator().language())
                .and_then(|l| Lang::parse(&l))
        })
        .unwrap_or_default()
}

/// The cached invitation, if this device has seen it.
pub fn cached_invitation(token: &str) -> Option<InvitationView> {
    load(&Key::Invitation(token.to_string()))
}
