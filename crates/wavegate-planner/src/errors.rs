//! What the planner says when a call fails: the messages the apps share, and its own for the
//! error codes only its pages receive (a program or file refused, a session's rights), which
//! the survey and training pages do not carry.

use crate::i18n::{Lang, Msg, UiMsg};
use wavegate_core::api::ErrorCode;
use wavegate_ui::api::ApiError;
use wavegate_ui::i18n::{Message, RespondentMsg};

/// A failed call's message: a shared one or the planner's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorMsg {
    /// One of the messages every app has.
    Shared(UiMsg),
    /// One only the planner has.
    Planner(Msg),
    /// One of the respondent's, for the codes only a response or draft meets.
    Respondent(RespondentMsg),
}

impl ErrorMsg {
    /// The message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            ErrorMsg::Shared(m) => m.text(lang),
            ErrorMsg::Planner(m) => m.text(lang),
            ErrorMsg::Respondent(m) => m.text(lang),
        }
    }
}

impl Message for ErrorMsg {
    fn text(self, lang: Lang) -> &'static str {
        ErrorMsg::text(self, lang)
    }
}

/// The planner's message for a code the shared messages leave to it (see
/// [`wavegate_ui::errors::code_message`]); `None` for the others.
pub fn planner_message(code: ErrorCode) -> Option<Msg> {
    Some(match code {
        ErrorCode::Unauthorized => Msg::ErrorUnauthorized,
        ErrorCode::InvalidCredentials => Msg::ErrorInvalidCredentials,
        ErrorCode::Forbidden => Msg::ErrorForbidden,
        ErrorCode::CsrfMismatch => Msg::ErrorSessionStale,
        ErrorCode::NoRoster => Msg::ErrorNoRoster,
        ErrorCode::InvalidProgram => Msg::ErrorInvalidProgram,
        ErrorCode::InvalidFile => Msg::ErrorInvalidFile,
        ErrorCode::InvalidSurvey => Msg::ErrorInvalidSurvey,
        ErrorCode::InvalidSelection => Msg::ErrorInvalidSelection,
        ErrorCode::InvalidDate => Msg::ErrorInvalidDate,
        ErrorCode::InvalidSupport => Msg::ErrorInvalidSupport,
        ErrorCode::InvalidModule => Msg::ErrorInvalidModule,
        ErrorCode::InvalidLesson => Msg::ErrorInvalidLesson,
        ErrorCode::InvalidMessage => Msg::ErrorInvalidMessage,
        ErrorCode::TooManyAttempts => Msg::ErrorTooManyAttempts,
        ErrorCode::VersionPublished => Msg::ErrorVersionPublished,
        ErrorCode::InvalidInvitations => Msg::ErrorInvalidInvitations,
        ErrorCode::InputsRejected => Msg::ErrorInputsRejected,
        ErrorCode::Busy => Msg::ErrorBusy,
        _ => return None,
    })
}

/// The message for an error code, never the server's English text.
pub fn code_message(code: ErrorCode) -> ErrorMsg {
    use wavegate_ui::errors::respondent_code_message;
    match (
        wavegate_ui::errors::code_message(code),
        respondent_code_message(code),
        planner_message(code),
    ) {
        (Some(shared), _, _) => ErrorMsg::Shared(shared),
        (None, Some(respondent), _) => ErrorMsg::Respondent(respondent),
        (None, None, Some(own)) => ErrorMsg::Planner(own),
        (None, None, None) => ErrorMsg::Shared(UiMsg::ErrorUnknown),
    }
}

/// The message for any failed call.
pub fn message(e: &ApiError) -> ErrorMsg {
    match e {
        ApiError::Status { body: Some(b), .. } => code_message(b.error.code),
        other => ErrorMsg::Shared(wavegate_ui::errors::message(other)),
    }
}
