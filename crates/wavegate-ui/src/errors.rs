//! What the apps say when a call fails: their own message, in the person's language, for every
//! error code the server sends, never the server's English text.

use crate::api::ApiError;
use crate::i18n::{Lang, RespondentMsg, UiMsg};
use wavegate_core::api::ErrorCode;

/// The message for an error code a respondent or trainee can meet; `None` for the codes only
/// a respondent meets ([`respondent_code_message`]) and those only the planner's pages receive (a program, file or module refused, a session's rights), whose
/// messages the planner keeps: the survey and training pages are downloaded on phones and carry
/// no text their people never see. The match is exhaustive, so a code added to the contract does
/// not compile until it is placed here; a code from a newer server is `Unknown`.
pub fn code_message(code: ErrorCode) -> Option<UiMsg> {
    Some(match code {
        // The apps build every request themselves: these mean one is older or newer than the
        // server.
        ErrorCode::InvalidJson
        | ErrorCode::InvalidQuery
        | ErrorCode::InvalidBody
        | ErrorCode::UnsupportedMediaType
        | ErrorCode::MethodNotAllowed => UiMsg::ErrorAppOutOfDate,
        ErrorCode::InvalidPath => UiMsg::ErrorBadAddress,
        ErrorCode::Timeout => UiMsg::ErrorTimeout,
        ErrorCode::TrainingRefused => UiMsg::ErrorTrainingRefused,
        ErrorCode::NotFound => UiMsg::ErrorNotFound,
        ErrorCode::PayloadTooLarge => UiMsg::ErrorTooLarge,
        ErrorCode::LinkExpired => UiMsg::ErrorLinkExpired,
        ErrorCode::LinkRevoked => UiMsg::ErrorLinkRevoked,
        ErrorCode::RateLimited => UiMsg::ErrorRateLimited,
        ErrorCode::Internal => UiMsg::ErrorServer,
        ErrorCode::Unknown => UiMsg::ErrorUnknown,
        // Only a respondent meets these: see [`respondent_code_message`].
        ErrorCode::AlreadySubmitted
        | ErrorCode::DraftChanged
        | ErrorCode::InvalidResponse
        | ErrorCode::InvalidResponseId
        | ErrorCode::WrongSurvey
        | ErrorCode::UnknownVersion
        | ErrorCode::LinkFull
        | ErrorCode::Unauthorized
        | ErrorCode::InvalidCredentials
        | ErrorCode::Forbidden
        | ErrorCode::CsrfMismatch
        | ErrorCode::NoRoster
        | ErrorCode::InvalidProgram
        | ErrorCode::InvalidFile
        | ErrorCode::InvalidSurvey
        | ErrorCode::InvalidSelection
        | ErrorCode::InvalidDate
        | ErrorCode::InvalidSupport
        | ErrorCode::InvalidModule
        | ErrorCode::InvalidLesson
        | ErrorCode::InvalidMessage
        | ErrorCode::TooManyAttempts
        | ErrorCode::VersionPublished
        | ErrorCode::InvalidInvitations
        | ErrorCode::InputsRejected
        | ErrorCode::Busy => return None,
    })
}

/// The message for any failed call of a respondent or trainee page (a planner-only code, which
/// such a page never receives, reads as [`UiMsg::ErrorUnknown`]).
pub fn message(e: &ApiError) -> UiMsg {
    match e {
        ApiError::Network => UiMsg::ErrorOffline,
        ApiError::Decode(_) => UiMsg::ErrorAppOutOfDate,
        ApiError::Status { body: Some(b), .. } => {
            code_message(b.error.code).unwrap_or(UiMsg::ErrorUnknown)
        }
        // An error page without our JSON (a proxy in between).
        ApiError::Status { body: None, .. } => UiMsg::ErrorUnknown,
    }
}

/// The message for an error code only a respondent meets (their response or draft refused);
/// `None` for the others. Apart from [`code_message`], so the trainee's bundle carries none
/// of these texts.
pub fn respondent_code_message(code: ErrorCode) -> Option<RespondentMsg> {
    Some(match code {
        ErrorCode::AlreadySubmitted => RespondentMsg::ErrorAlreadySubmitted,
        ErrorCode::DraftChanged => RespondentMsg::ErrorDraftChanged,
        ErrorCode::InvalidResponse => RespondentMsg::ErrorInvalidResponse,
        ErrorCode::InvalidResponseId => RespondentMsg::ErrorInvalidResponseId,
        ErrorCode::WrongSurvey => RespondentMsg::ErrorWrongSurvey,
        ErrorCode::UnknownVersion => RespondentMsg::ErrorUnknownVersion,
        ErrorCode::LinkFull => RespondentMsg::ErrorLinkFull,
        _ => return None,
    })
}

/// The text for any failed call of a respondent's page, in `lang`: [`message`], or for a code
/// only a respondent meets, its own.
pub fn respondent_message(e: &ApiError, lang: Lang) -> &'static str {
    match e.code().and_then(respondent_code_message) {
        Some(m) => m.text(lang),
        None => message(e).text(lang),
    }
}
