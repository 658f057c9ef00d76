//! Publishing a definition (a survey, a module, a module's next version): reading the file,
//! sending it, and what the server answered. A refused definition lists every problem with its
//! JSON path, in the planner's language.

use crate::components::notice::Failure;
use crate::errors::code_message;
use crate::i18n::{Msg, t, use_lang};
use leptos::prelude::*;
use std::future::Future;
use wavegate_core::api::{ErrorCode, SurveyProblem};
use wavegate_core::i18n::Text;
use wavegate_ui::api::ApiError;

/// What publishing answered; `P` is what the server says it published.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<P> {
    /// Published (or the same definition already was).
    Published(P),
    /// The definition breaks rules (`code`): every problem with its JSON path, and the server's
    /// summary.
    Invalid(ErrorCode, Vec<SurveyProblem>, Option<String>),
    /// The call failed.
    Failed(ApiError),
    /// The file is not JSON.
    NotJson,
}

impl<P> Outcome<P> {
    /// Reads the server's answer; `invalid` is the code of a refused definition.
    pub fn from(answer: Result<P, ApiError>, invalid: ErrorCode) -> Outcome<P> {
        match answer {
            Ok(p) => Outcome::Published(p),
            Err(e) if e.code() == Some(invalid) => Outcome::Invalid(
                invalid,
                e.details::<Vec<SurveyProblem>>().unwrap_or_default(),
                e.server_message().map(str::to_string),
            ),
            Err(e) => Outcome::Failed(e),
        }
    }

    /// What a planner sees of an outcome; `published` draws a success.
    pub fn view(self, published: impl FnOnce(P) -> AnyView) -> AnyView {
        match self {
            Outcome::Published(p) => published(p),
            Outcome::Invalid(code, problems, message) => view! {
                <div class="refused" role="alert">
                    <p class="form-error">{t(code_message(code))}</p>
                    {message.map(|m| view! { <p>{m}</p> })}
                    <ul class="survey-problems">
                        {problems.into_iter().map(|p| view! {
                            <li><code>{if p.path.is_empty() { "/".to_string() } else { p.path }}</code>": "{p.message}</li>
                        }).collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Outcome::Failed(e) => view! { <Failure error=Signal::stored(Some(e)) /> }.into_any(),
            Outcome::NotJson => {
                view! { <p class="form-error" role="alert">{t(Msg::NotJson)}</p> }.into_any()
            }
        }
    }
}

/// Reads an uploaded file as JSON (None: not JSON).
pub async fn read_json(file: web_sys::File) -> Option<serde_json::Value> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())?;
    serde_json::from_str(&text).ok()
}

/// A publication under way and its last outcome.
pub struct Publishing<P: Send + Sync + 'static> {
    /// The last outcome.
    pub outcome: RwSignal<Option<Outcome<P>>>,
    /// Whether a publication is under way.
    pub busy: RwSignal<bool>,
    /// The element showing the outcome, which takes the focus once the server answered.
    outcome_id: Option<&'static str>,
}

impl<P: Send + Sync + 'static> Clone for Publishing<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Send + Sync + 'static> Copy for Publishing<P> {}

impl<P: Send + Sync + 'static> Default for Publishing<P> {
    fn default() -> Self {
        Publishing::new()
    }
}

impl<P: Send + Sync + 'static> Publishing<P> {
    /// Nothing published yet.
    pub fn new() -> Publishing<P> {
        Publishing {
            outcome: RwSignal::new(None),
            busy: RwSignal::new(false),
            outcome_id: None,
        }
    }

    /// The same, with the outcome shown in the element `outcome_id`: its button is disabled
    /// while the server works, so without this the focus would fall back to `<body>`.
    pub fn focusing(self, outcome_id: &'static str) -> Publishing<P> {
        Publishing {
            outcome_id: Some(outcome_id),
            ..self
        }
    }

    /// Runs `publication` and keeps its outcome; a success notifies `published` (the list of
    /// what the program has reloads).
    pub fn run(self, publication: impl Future<Output = Outcome<P>> + 'static, published: Trigger) {
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let o = publication.await;
            if matches!(o, Outcome::Published(_)) {
                published.notify();
            }
            self.outcome.set(Some(o));
            self.busy.set(false);
            if let Some(id) = self.outcome_id {
                wavegate_ui::dom::focus_id_soon(id.to_string());
            }
        });
    }
}

/// The options of a select of built-in definitions: each title in the planner's language with
/// its id, the id as the value.
pub fn builtin_options(builtins: Vec<(String, Text)>) -> impl IntoView {
    let lang = use_lang();
    builtins
        .into_iter()
        .map(|(id, title)| {
            let value = id.clone();
            view! { <option value=value>{move || format!("{} ({id})", title.get(lang.get()))}</option> }
        })
        .collect_view()
}
