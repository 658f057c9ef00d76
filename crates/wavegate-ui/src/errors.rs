//! What the apps say when a call fails: their own message, in the person's language, for every
//! error code the server sends, never the server's English text.

use crate::api::ApiError;
use crate::i18n::UiMsg;
use wavegate_core::api::ErrorCode;

/// The message for an error code. The match is exhaustive, so a code added to the contract does
/// not compile until it has a message here; a code from a newer server is `Unknown`.
pub fn code_message(code: ErrorCode) -> UiMsg {
    match code {
        // The apps build every request themselves: these mean one is older or newer than the
        // server.
        ErrorCode::InvalidJson
        | ErrorCode::InvalidQuery
        | ErrorCode::InvalidBody
        | ErrorCode::UnsupportedMediaType
        | ErrorCode::MethodNotAllowed => UiMsg::ErrorAppOutOfDate,
        ErrorCode::InvalidPath => UiMsg::ErrorBadAddress,
        ErrorCode::Unauthorized => UiMsg::ErrorUnauthorized,
        ErrorCode::InvalidCredentials => UiMsg::ErrorInvalidCredentials,
        ErrorCode::Forbidden => UiMsg::ErrorForbidden,
        ErrorCode::CsrfMismatch => UiMsg::ErrorSessionStale,
        ErrorCode::Timeout => UiMsg::ErrorTimeout,
        ErrorCode::NoRoster => UiMsg::ErrorNoRoster,
        ErrorCode::InvalidProgram => UiMsg::ErrorInvalidProgram,
        ErrorCode::InvalidFile => UiMsg::ErrorInvalidFile,
        ErrorCode::InvalidSurvey => UiMsg::ErrorInvalidSurvey,
        ErrorCode::InvalidSelection => UiMsg::ErrorInvalidSelection,
        ErrorCode::InvalidDate => UiMsg::ErrorInvalidDate,
        ErrorCode::InvalidSupport => UiMsg::ErrorInvalidSupport,
        ErrorCode::InvalidModule => UiMsg::ErrorInvalidModule,
        ErrorCode::InvalidLesson => UiMsg::ErrorInvalidLesson,
        ErrorCode::InvalidMessage => UiMsg::ErrorInvalidMessage,
        ErrorCode::TrainingRefused => UiMsg::ErrorTrainingRefused,
        ErrorCode::TooManyAttempts => UiMsg::ErrorTooManyAttempts,
        ErrorCode::NotFound => UiMsg::ErrorNotFound,
        ErrorCode::AlreadySubmitted => UiMsg::ErrorAlreadySubmitted,
        ErrorCode::DraftChanged => UiMsg::ErrorDraftChanged,
        ErrorCode::VersionPublished => UiMsg::ErrorVersionPublished,
        ErrorCode::PayloadTooLarge => UiMsg::ErrorTooLarge,
        ErrorCode::InvalidResponse => UiMsg::ErrorInvalidResponse,
        ErrorCode::InvalidResponseId => UiMsg::ErrorInvalidResponseId,
        ErrorCode::WrongSurvey => UiMsg::ErrorWrongSurvey,
        ErrorCode::UnknownVersion => UiMsg::ErrorUnknownVersion,
        ErrorCode::InvalidInvitations => UiMsg::ErrorInvalidInvitations,
        ErrorCode::InputsRejected => UiMsg::ErrorInputsRejected,
        ErrorCode::Busy => UiMsg::ErrorBusy,
        ErrorCode::LinkExpired => UiMsg::ErrorLinkExpired,
        ErrorCode::LinkRevoked => UiMsg::ErrorLinkRevoked,
        ErrorCode::RateLimited => UiMsg::ErrorRateLimited,
        ErrorCode::LinkFull => UiMsg::ErrorLinkFull,
        ErrorCode::Internal => UiMsg::ErrorServer,
        ErrorCode::Unknown => UiMsg::ErrorUnknown,
    }
}

/// The message for any failed call.
pub fn message(e: &ApiError) -> UiMsg {
    match e {
        ApiError::Network => UiMsg::ErrorOffline,
        ApiError::Decode(_) => UiMsg::ErrorAppOutOfDate,
        ApiError::Status { body: Some(b), .. } => code_message(b.error.code),
        // An error page without our JSON (a proxy in between).
        ApiError::Status { body: None, .. } => UiMsg::ErrorUnknown,
    }
}
