//! What the app says when a call fails: its own message, in the person's language, for every
//! error code the server sends, never the server's English text.

use crate::api::ApiError;
use crate::i18n::Msg;
use wavegate_core::api::{AnswerProblem, ErrorCode};
use wavegate_core::i18n::Lang;

/// The message for an error code. The match is exhaustive, so a code added to the contract does
/// not compile until it has a message here; a code from a newer server is `Unknown`.
pub fn code_message(code: ErrorCode) -> Msg {
    match code {
        // The app builds every request itself: these mean it is older or newer than the server.
        ErrorCode::InvalidJson
        | ErrorCode::InvalidQuery
        | ErrorCode::InvalidBody
        | ErrorCode::UnsupportedMediaType => Msg::ErrorAppOutOfDate,
        ErrorCode::InvalidPath => Msg::ErrorBadAddress,
        ErrorCode::Unauthorized => Msg::ErrorUnauthorized,
        ErrorCode::InvalidCredentials => Msg::SignInFailed,
        ErrorCode::Forbidden => Msg::ErrorForbidden,
        ErrorCode::CsrfMismatch => Msg::ErrorSessionStale,
        ErrorCode::Timeout => Msg::ErrorTimeout,
        ErrorCode::NoRoster => Msg::ErrorNoRoster,
        ErrorCode::InvalidProgram => Msg::ErrorInvalidProgram,
        ErrorCode::InvalidFile => Msg::ErrorInvalidFile,
        ErrorCode::InvalidSurvey => Msg::ErrorInvalidSurvey,
        ErrorCode::InvalidSelection => Msg::ErrorInvalidSelection,
        ErrorCode::InvalidSupport => Msg::ErrorInvalidSupport,
        ErrorCode::TooManyAttempts => Msg::ErrorTooManyAttempts,
        ErrorCode::NotFound => Msg::ErrorNotFound,
        ErrorCode::AlreadySubmitted => Msg::AlreadySubmitted,
        ErrorCode::VersionPublished => Msg::ErrorVersionPublished,
        ErrorCode::PayloadTooLarge => Msg::ErrorTooLarge,
        ErrorCode::InvalidResponse => Msg::ErrorInvalidResponse,
        ErrorCode::InvalidResponseId => Msg::ErrorInvalidResponseId,
        ErrorCode::WrongSurvey => Msg::ErrorWrongSurvey,
        ErrorCode::UnknownVersion => Msg::ErrorUnknownVersion,
        ErrorCode::InvalidInvitations => Msg::ErrorInvalidInvitations,
        ErrorCode::InputsRejected => Msg::ErrorInputsRejected,
        ErrorCode::Busy => Msg::ErrorBusy,
        ErrorCode::Internal => Msg::ErrorServer,
        ErrorCode::Unknown => Msg::ErrorUnknown,
    }
}

/// The message for any failed call.
pub fn message(e: &ApiError) -> Msg {
    match e {
        ApiError::Network => Msg::ErrorOffline,
        ApiError::Decode(_) => Msg::ErrorAppOutOfDate,
        ApiError::Status { body: Some(b), .. } => code_message(b.error.code),
        // An error page without our JSON (a proxy in between).
        ApiError::Status { body: None, .. } => Msg::ErrorUnknown,
    }
}

/// What a respondent reads when the server refuses their response.
///
/// Invalid answers are listed one by one: the server wrote those problems with the core's
/// messages in the response's own language. An unknown link reads as the link page says it.
pub fn refusal_text(e: &ApiError, lang: Lang) -> String {
    let problems: Vec<String> = match e {
        ApiError::Status { body: Some(b), .. } if b.error.code == ErrorCode::InvalidResponse => b
            .error
            .details
            .clone()
            .and_then(|d| serde_json::from_value::<Vec<AnswerProblem>>(d).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.message)
            .collect(),
        _ => Vec::new(),
    };
    if !problems.is_empty() {
        return problems.join(" ");
    }
    let msg = match e.code() {
        Some(ErrorCode::NotFound) => Msg::InvitationInvalid,
        _ => message(e),
    };
    msg.text(lang).to_string()
}
