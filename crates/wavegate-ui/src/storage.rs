//! What the apps keep in the browser, behind one enum of typed keys.
//!
//! Both apps run on one origin and so share one `localStorage`: every key either uses is named
//! here, and so is the one key kept in this tab's `sessionStorage` ([`Key::AnsweredHere`]). A planner's session is an HttpOnly cookie the apps never see, so nothing of it is
//! stored.

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use serde::{Serialize, de::DeserializeOwned};
use wavegate_core::i18n::Lang;

/// A key in browser storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// The chosen interface language (both apps).
    Lang,
    /// The draft answers of one invitation (respondents).
    Draft(String),
    /// The last copy of an invitation (survey definition), for resuming offline (respondents).
    Invitation(String),
    /// Responses waiting to be sent (respondents).
    Outbox,
    /// The server's acknowledgement of a response, by response id (respondents).
    Sent(String),
    /// How this device's draft of an invitation relates to the server's copy (respondents,
    /// personal links).
    DraftSync(String),
    /// The last copy of a trainee's modules and progress, by training link (trainees).
    Training(String),
    /// Training facts waiting to be synced, by training link (trainees).
    TrainingOutbox(String),
    /// That an anonymous link was answered in this tab, and when (respondents). Kept in
    /// `sessionStorage` (use the `session_*` functions): a reload shows the thank-you again
    /// instead of a blank survey, while the next person on a shared device, in a new browser
    /// session, finds nothing.
    AnsweredHere(String),
}

impl Key {
    fn name(&self) -> String {
        match self {
            Key::Lang => "wavegate.lang".into(),
            Key::Draft(t) => format!("wavegate.draft.{t}"),
            Key::Invitation(t) => format!("wavegate.invitation.{t}"),
            Key::Outbox => "wavegate.outbox".into(),
            Key::Sent(t) => format!("wavegate.sent.{t}"),
            Key::DraftSync(t) => format!("wavegate.draftsync.{t}"),
            Key::Training(t) => format!("wavegate.training.{t}"),
            Key::TrainingOutbox(t) => format!("wavegate.training-outbox.{t}"),
            Key::AnsweredHere(t) => format!("wavegate.answered.{t}"),
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

/// Reads a value from this tab's `sessionStorage`; `None` when absent or unreadable.
pub fn session_load<T: DeserializeOwned>(key: &Key) -> Option<T> {
    SessionStorage::get(key.name()).ok()
}

/// Writes a value to this tab's `sessionStorage`; returns false when the browser refuses.
pub fn session_save<T: Serialize>(key: &Key, value: &T) -> bool {
    SessionStorage::set(key.name(), value).is_ok()
}

/// Removes a value from this tab's `sessionStorage`.
pub fn session_remove(key: &Key) {
    SessionStorage::delete(key.name());
}

/// Removes every stored acknowledgement (`Sent`). They tell a page that is open while the outbox
/// delivers its response; when an app starts no such page is open, so none is needed any more.
pub fn remove_all_sent() {
    let prefix = Key::Sent(String::new()).name();
    let storage = LocalStorage::raw();
    let names: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|name| name.starts_with(&prefix))
        .collect();
    for name in names {
        let _ = storage.remove_item(&name);
    }
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
