//! What a trainee's device keeps: the last copy of their modules and progress, and an outbox of
//! facts (lesson views, attempts) waiting for the server, both in `localStorage` under the typed
//! keys of [`wavegate_ui::storage`]. Facts leave the outbox only when the server has taken them
//! (or refused them for good), and carry ids made once, so a resend is recognised: exactly once,
//! as survey responses are.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use wavegate_core::i18n::Lang;
use wavegate_core::training::wire::{MyTraining, SubmitAnswers, SyncFacts, SyncView};
use wavegate_ui::api::{ApiError, train as api};
use wavegate_ui::storage::{Key, load, remove, save};

/// Facts waiting for the server, by module.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    /// `(module id, view)`.
    pub views: Vec<(String, SyncView)>,
    /// `(module id, attempt)`.
    pub attempts: Vec<(String, SubmitAnswers)>,
}

impl Outbox {
    /// How many facts wait.
    pub fn len(&self) -> usize {
        self.views.len() + self.attempts.len()
    }

    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The outbox of a training link.
pub fn outbox(token: &str) -> Outbox {
    load(&Key::TrainingOutbox(token.to_string())).unwrap_or_default()
}

fn save_outbox(token: &str, outbox: &Outbox) {
    save(&Key::TrainingOutbox(token.to_string()), outbox);
}

/// Adds a lesson view to the outbox (once per id).
pub fn enqueue_view(token: &str, module: &str, view: SyncView) {
    let mut o = outbox(token);
    if !o.views.iter().any(|(_, v)| v.id == view.id) {
        o.views.push((module.to_string(), view));
        save_outbox(token, &o);
    }
}

/// Adds an attempt to the outbox (once per id).
pub fn enqueue_attempt(token: &str, module: &str, attempt: SubmitAnswers) {
    let mut o = outbox(token);
    if !o.attempts.iter().any(|(_, a)| a.id == attempt.id) {
        o.attempts.push((module.to_string(), attempt));
        save_outbox(token, &o);
    }
}

/// The copy of the trainee's modules kept on this device.
pub fn cached(token: &str) -> Option<MyTraining> {
    load(&Key::Training(token.to_string()))
}

/// Keeps a copy of the trainee's modules on this device.
pub fn keep(token: &str, training: &MyTraining) {
    save(&Key::Training(token.to_string()), training);
}

/// "Not you?" (or a link that no longer opens): removes this link's copy, outbox and quiz in
/// progress from the device.
pub fn clear(token: &str) {
    remove(&Key::Training(token.to_string()));
    remove(&Key::TrainingOutbox(token.to_string()));
    remove(&quiz_key(token));
}

/// Where the quiz attempt in progress of a link is kept (`crate::quiz_draft`): beside the
/// link's copy of the training, under a name no token has, so [`clear`] finds it by the token.
pub fn quiz_key(token: &str) -> Key {
    Key::Training(format!("{token}.quiz"))
}

/// Joins the device's progress into a copy from the server: facts only grow, so the union keeps
/// what either has (an attempt made offline, a view not yet sent).
pub fn join(server: &mut MyTraining, device: Option<&MyTraining>) {
    let Some(device) = device else { return };
    for m in &mut server.modules {
        if let Some(mine) = device.modules.iter().find(|d| d.module.id == m.module.id)
            && let Ok(merged) = m.progress.merge(&mine.progress)
        {
            m.progress = merged;
            m.status = m.progress.status(&m.module, &m.lineage);
        }
    }
}

/// Takes attempts the server refused for good out of the device's copy of `module`'s progress,
/// so the device stops counting a result the server never recorded (the trainee is told and
/// takes the quiz again); returns how many were taken out.
pub fn drop_refused(training: &mut MyTraining, module: &str, refused: &[String]) -> usize {
    let Some(m) = training.modules.iter_mut().find(|m| m.module.id == module) else {
        return 0;
    };
    let before = m.progress.attempts.len();
    m.progress.attempts.retain(|id, _| !refused.contains(id));
    m.status = m.progress.status(&m.module, &m.lineage);
    before - m.progress.attempts.len()
}

/// Sends the outbox, module by module; what the server took or refused leaves it, and the
/// server's progress joins the copy. Offline, everything stays for the next time. Returns how
/// many quiz attempts the server refused.
pub async fn sync(token: &str, training: &mut MyTraining, lang: Lang) -> Result<usize, ApiError> {
    // The device keeps nothing of the link ("not you?", or closed): a page still holding its
    // training in memory must not write it back, as the copy kept below would.
    if cached(token).is_none() {
        return Ok(0);
    }
    let mut refused_attempts = 0;
    let pending = outbox(token);
    let modules: std::collections::BTreeSet<String> = pending
        .views
        .iter()
        .map(|(m, _)| m.clone())
        .chain(pending.attempts.iter().map(|(m, _)| m.clone()))
        .collect();
    for module in modules {
        let facts = SyncFacts {
            views: pending
                .views
                .iter()
                .filter(|(m, _)| *m == module)
                .map(|(_, v)| v.clone())
                .collect(),
            attempts: pending
                .attempts
                .iter()
                .filter(|(m, _)| *m == module)
                .map(|(_, a)| a.clone())
                .collect(),
        };
        let synced = api::sync(token, &module, &facts, lang).await?;
        // "Not you?" while the facts were on their way: the device keeps nothing of the link,
        // so nothing is written back.
        if cached(token).is_none() {
            return Ok(refused_attempts);
        }
        let mut left = outbox(token);
        left.views
            .retain(|(m, v)| *m != module || !facts.views.iter().any(|s| s.id == v.id));
        left.attempts
            .retain(|(m, a)| *m != module || !facts.attempts.iter().any(|s| s.id == a.id));
        save_outbox(token, &left);
        let refused: Vec<String> = synced.refused.iter().map(|r| r.id.clone()).collect();
        refused_attempts += drop_refused(training, &module, &refused);
        if let Some(m) = training.modules.iter_mut().find(|m| m.module.id == module)
            && let Ok(merged) = m.progress.merge(&synced.progress)
        {
            m.progress = merged;
            m.status = m.progress.status(&m.module, &m.lineage);
        }
    }
    keep(token, training);
    Ok(refused_attempts)
}

/// The browser's clock, as the core's time. Taken as milliseconds since 1970, as the browser
/// keeps it, rather than parsed back from its ISO text: that parser would be downloaded only
/// for this.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A fresh id for a fact: 128 bits from the browser's cryptographic source, as 32 hex digits.
pub fn new_id() -> String {
    wavegate_ui::dom::random_128()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
