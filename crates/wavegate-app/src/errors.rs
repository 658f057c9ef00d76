//! What a respondent reads when the server refuses their response.

use crate::i18n::UiMsg;
use wavegate_core::api::{AnswerProblem, ErrorCode};
use wavegate_core::i18n::Lang;
use wavegate_ui::api::ApiError;
use wavegate_ui::errors::respondent_message;

/// Why a response was refused, in `lang`.
///
/// Invalid answers are listed one by one: the server wrote those problems with the core's
/// messages in the response's own language. An unknown link reads as the link page says it;
/// any other code gets the app's own message for it.
pub fn refusal_text(e: &ApiError, lang: Lang) -> String {
    let problems: Vec<String> = match e.code() {
        Some(ErrorCode::InvalidResponse) => e
            .details::<Vec<AnswerProblem>>()
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.message)
            .collect(),
        _ => Vec::new(),
    };
    if !problems.is_empty() {
        return problems.join(" ");
    }
    match e.code() {
        Some(ErrorCode::NotFound) => UiMsg::LinkInvalid.text(lang).to_string(),
        _ => respondent_message(e, lang).to_string(),
    }
}
