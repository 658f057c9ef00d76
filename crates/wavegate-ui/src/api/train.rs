//! The trainee's endpoints under `/api/v1/train/{token}`: my modules, the next attempt, answers,
//! sync of facts made offline.

use super::{ApiError, json, path};
use gloo_net::http::Request;
use wavegate_core::i18n::Lang;
use wavegate_core::training::AttemptPlan;
use wavegate_core::training::wire::{AttemptOutcome, MyTraining, SubmitAnswers, SyncFacts, Synced};

/// `GET /api/v1/train/{token}`: the trainee's modules and progress.
pub async fn my_training(token: &str) -> Result<MyTraining, ApiError> {
    json(Request::get(&path::train(token, "")).build()).await
}

/// `POST …/modules/{module}/attempts`: the next attempt's plan.
pub async fn start_attempt(token: &str, module: &str, lang: Lang) -> Result<AttemptPlan, ApiError> {
    let url = path::train_module(token, module, "attempts") + &path::lang_query(lang);
    json(Request::post(&url).json(&serde_json::json!({}))).await
}

/// `POST …/modules/{module}/answers`: an attempt's answers; safe to resend.
pub async fn submit_answers(
    token: &str,
    module: &str,
    body: &SubmitAnswers,
    lang: Lang,
) -> Result<AttemptOutcome, ApiError> {
    let url = path::train_module(token, module, "answers") + &path::lang_query(lang);
    json(Request::post(&url).json(body)).await
}

/// `POST …/modules/{module}/sync`: facts made offline; each is taken once.
pub async fn sync(
    token: &str,
    module: &str,
    facts: &SyncFacts,
    lang: Lang,
) -> Result<Synced, ApiError> {
    let url = path::train_module(token, module, "sync") + &path::lang_query(lang);
    json(Request::post(&url).json(facts)).await
}
