//! The error answers of `/api/v1/`: the body, its codes and the entries of its `details`.

use crate::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};

/// An error answer: `{"error": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The content of an error answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// What went wrong, for the app to pick its own localized message.
    pub code: ErrorCode,
    /// A message for people (English; the app shows its own text per code).
    pub message: String,
    /// Structured details, e.g. one [`AnswerProblem`] per invalid answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

/// What went wrong, as the `code` of an error answer (`docs/api.md` has the table).
///
/// The server answers only with the named codes. A code this build does not know, sent by a
/// newer server, reads as [`ErrorCode::Unknown`] rather than failing the whole error body, so the
/// app can still show a generic message in the person's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: the body is not JSON.
    InvalidJson,
    /// 400: a query parameter is malformed or unknown.
    InvalidQuery,
    /// 400: a path parameter is malformed.
    InvalidPath,
    /// 401: a planner endpoint without a valid session or API token.
    Unauthorized,
    /// 401: signing in with an unknown e-mail address or a wrong password (the same answer for
    /// both, so nobody learns which addresses have an account).
    InvalidCredentials,
    /// 403: the caller's role may not do this (a viewer changing something).
    Forbidden,
    /// 403: a change through a cookie session without the session's `X-CSRF-Token`.
    CsrfMismatch,
    /// 404: unknown invitation, program, survey, file or endpoint.
    NotFound,
    /// 405: a method the endpoint does not take (the `Allow` header lists those it does).
    MethodNotAllowed,
    /// 408: a request body (an upload, a response) that arrived too slowly.
    Timeout,
    /// 409: a personal invitation was already answered.
    AlreadySubmitted,
    /// 409: a published survey version would change.
    VersionPublished,
    /// 409: inviting from the roster before a roster was imported.
    NoRoster,
    /// 413: the body is over the limit.
    PayloadTooLarge,
    /// 415: a body without `Content-Type: application/json`.
    UnsupportedMediaType,
    /// 422: JSON of the wrong shape.
    InvalidBody,
    /// 422: a response with invalid answers; `details` are [`AnswerProblem`]s.
    InvalidResponse,
    /// 422: a response id that breaks the rule of [`crate::survey::response_id`].
    InvalidResponseId,
    /// 422: a response to another survey than the invitation's.
    WrongSurvey,
    /// 422: a response to a survey version that is not published.
    UnknownVersion,
    /// 422: an invitation list with a bad entry; `details` are [`InvitationProblem`]s.
    InvalidInvitations,
    /// 422: a program (program.toml or its JSON) that breaks a rule; `details` is a [`FileProblem`].
    InvalidProgram,
    /// 422: an uploaded file its importer refuses; `details` is a [`FileProblem`].
    InvalidFile,
    /// 422: a survey definition that breaks a rule; `details` are [`SurveyProblem`]s.
    InvalidSurvey,
    /// 422: a wave or segment that cannot be invited from the roster.
    InvalidSelection,
    /// 422: a date that cannot be used: storing an evaluation for another day than the
    /// server's today (`at`), a training link's last day already past (`expires_on`);
    /// `details` is an [`InvalidField`] naming the field.
    InvalidDate,
    /// 422: helpdesk contact or FAQ link that breaks a rule.
    InvalidSupport,
    /// 422: a training module that breaks a rule of `wavegate.module/1`, or a new version whose
    /// change notes do not fit the one before; `details` are [`SurveyProblem`]s (path, code,
    /// message), the module's JSON paths.
    InvalidModule,
    /// 422: a training step the trainee cannot take now (no attempts left, the wait not over, an
    /// attempt to other questions than drawn, a lesson the module lacks); the message says which.
    TrainingRefused,
    /// 422: a lesson of the lessons-learned log that breaks a rule; `details` is a
    /// [`LessonProblem`] naming the field, its message in the request's language.
    InvalidLesson,
    /// 422: a planned message of the communication plan that breaks a rule; `details` is
    /// [`MessageProblems`]: the first [`MessageProblem`] naming its field, every further one
    /// under `more`, the messages in the request's language.
    InvalidMessage,
    /// 409: the program's stored files do not evaluate together (the roster names a wave the
    /// program no longer has, a collected answer the engine cannot score); `details` is a
    /// [`FileProblem`].
    InputsRejected,
    /// 429: too many failed sign-ins for this account or from this address; `Retry-After` says
    /// when to try again.
    TooManyAttempts,
    /// 500: a server fault (nothing was stored).
    Internal,
    /// 503: the server is running as many evaluations as it allows, or this one ran over its
    /// time limit; `Retry-After` says when to try again.
    Busy,
    /// 410: the invitation link is past its last day; `details` is the program's
    /// [`ProgramSupport`] (the helpdesk to ask for a new link).
    LinkExpired,
    /// 410: a planner revoked the invitation link (or its wave); `details` is the program's
    /// [`ProgramSupport`].
    LinkRevoked,
    /// 429: too many requests from this address or through this link; `Retry-After` says when
    /// to try again.
    RateLimited,
    /// 409: an anonymous link has taken as many answers as its segment had people when it was
    /// made: more can only be someone answering again; nothing was stored. `details` is the
    /// program's [`ProgramSupport`].
    LinkFull,
    /// 412: a draft save whose precondition (`If-Match`, `If-None-Match: *`) the stored draft
    /// does not meet: another device saved since; nothing was stored.
    DraftChanged,
    /// A code from a newer server that this build does not know.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// Every code the server sends (all but [`ErrorCode::Unknown`]).
    pub const SENT: [ErrorCode; 40] = [
        ErrorCode::InvalidJson,
        ErrorCode::InvalidQuery,
        ErrorCode::InvalidPath,
        ErrorCode::Unauthorized,
        ErrorCode::InvalidCredentials,
        ErrorCode::Forbidden,
        ErrorCode::CsrfMismatch,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::Timeout,
        ErrorCode::AlreadySubmitted,
        ErrorCode::VersionPublished,
        ErrorCode::NoRoster,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::InvalidBody,
        ErrorCode::InvalidResponse,
        ErrorCode::InvalidResponseId,
        ErrorCode::WrongSurvey,
        ErrorCode::UnknownVersion,
        ErrorCode::InvalidInvitations,
        ErrorCode::InvalidProgram,
        ErrorCode::InvalidFile,
        ErrorCode::InvalidSurvey,
        ErrorCode::InvalidSelection,
        ErrorCode::InvalidDate,
        ErrorCode::InvalidSupport,
        ErrorCode::InvalidModule,
        ErrorCode::TrainingRefused,
        ErrorCode::InputsRejected,
        ErrorCode::TooManyAttempts,
        ErrorCode::Internal,
        ErrorCode::Busy,
        ErrorCode::LinkExpired,
        ErrorCode::LinkRevoked,
        ErrorCode::RateLimited,
        ErrorCode::DraftChanged,
        ErrorCode::InvalidLesson,
        ErrorCode::InvalidMessage,
        ErrorCode::LinkFull,
    ];

    /// The code as it is written on the wire (`invalid_response`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidQuery => "invalid_query",
            ErrorCode::InvalidPath => "invalid_path",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::CsrfMismatch => "csrf_mismatch",
            ErrorCode::Timeout => "timeout",
            ErrorCode::NoRoster => "no_roster",
            ErrorCode::InvalidProgram => "invalid_program",
            ErrorCode::InvalidFile => "invalid_file",
            ErrorCode::InvalidSurvey => "invalid_survey",
            ErrorCode::InvalidSelection => "invalid_selection",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::InvalidSupport => "invalid_support",
            ErrorCode::InvalidModule => "invalid_module",
            ErrorCode::TrainingRefused => "training_refused",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::AlreadySubmitted => "already_submitted",
            ErrorCode::VersionPublished => "version_published",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::InvalidBody => "invalid_body",
            ErrorCode::InvalidResponse => "invalid_response",
            ErrorCode::InvalidResponseId => "invalid_response_id",
            ErrorCode::WrongSurvey => "wrong_survey",
            ErrorCode::UnknownVersion => "unknown_version",
            ErrorCode::InvalidInvitations => "invalid_invitations",
            ErrorCode::Internal => "internal",
            ErrorCode::InputsRejected => "inputs_rejected",
            ErrorCode::Busy => "busy",
            ErrorCode::LinkExpired => "link_expired",
            ErrorCode::LinkRevoked => "link_revoked",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::LinkFull => "link_full",
            ErrorCode::DraftChanged => "draft_changed",
            ErrorCode::InvalidLesson => "invalid_lesson",
            ErrorCode::InvalidMessage => "invalid_message",
            ErrorCode::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The request field a refusal is about (the `details` of `invalid_date`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvalidField {
    /// The field's name as the request spells it (`at`, `expires_on`).
    pub field: String,
}

/// One refused entry of an invitation list (the `details` of `invalid_invitations`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationProblem {
    /// The entry's position in the request, from 0.
    pub index: usize,
    /// What is wrong with it (English).
    pub message: String,
}

/// One problem with a submitted answer (the `details` of `invalid_response`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerProblem {
    /// The question or matrix item concerned, when one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Machine-readable code.
    pub code: String,
    /// The message in the response's language.
    pub message: String,
}

/// One problem of a file (program.toml, an uploaded CSV): the `details` of `invalid_program` and
/// `invalid_file`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileProblem {
    /// The file's name as Wavegate knows it (`roster.csv`, `program.toml`).
    pub file: String,
    /// The line (the header is line 1); `None` for the file as a whole.
    pub line: Option<u64>,
    /// The column number, when one cell is at fault.
    pub column: Option<usize>,
    /// The column's header, when known.
    pub column_name: Option<String>,
    /// The whole problem in the request's language, with its place.
    pub message: String,
}

/// Every problem of a refused request, as older clients still read its first: the first
/// problem's fields at the top level of `details`, every further one under `more`, so a client
/// can show them all at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstAndMore<P> {
    /// The first problem, its fields at the top level of `details`.
    #[serde(flatten)]
    pub first: P,
    /// The problems after the first, in the same order.
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<P>,
}

impl<P> FirstAndMore<P> {
    /// The problems `found`, in their order; `None` when there are none.
    pub fn of(found: impl IntoIterator<Item = P>) -> Option<FirstAndMore<P>> {
        let mut found = found.into_iter();
        let first = found.next()?;
        Some(FirstAndMore {
            first,
            more: found.collect(),
        })
    }

    /// Every problem, the first first.
    pub fn all(&self) -> impl Iterator<Item = &P> {
        std::iter::once(&self.first).chain(&self.more)
    }

    /// Each problem as `f` gives it, in the same order.
    pub fn map<Q>(&self, f: impl Fn(&P) -> Q) -> FirstAndMore<Q> {
        FirstAndMore {
            first: f(&self.first),
            more: self.more.iter().map(f).collect(),
        }
    }

    /// The answer's message: `first`, the first problem in words, and how many more there are.
    pub fn in_words(&self, first: Text) -> Text {
        if self.more.is_empty() {
            return first;
        }
        let more = Text::counted(
            self.more.len() as u64,
            ("één ander probleem", "one other problem"),
            ("{n} andere problemen", "{n} other problems"),
        );
        Text::new(
            format!("{} (En nog {}.)", first.get(Lang::Nl), more.get(Lang::Nl)),
            format!("{} (And {}.)", first.get(Lang::En), more.get(Lang::En)),
        )
    }
}

impl<P> From<P> for FirstAndMore<P> {
    fn from(first: P) -> FirstAndMore<P> {
        FirstAndMore {
            first,
            more: Vec::new(),
        }
    }
}

/// The `details` of `invalid_program`: its problems in the file's order (at most
/// [`crate::readiness::program::MAX_PROBLEMS`] in all).
pub type ProgramProblems = FirstAndMore<FileProblem>;

/// One problem of a survey definition (the `details` of `invalid_survey`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyProblem {
    /// Where in the definition (`pages[0].questions[1].text.nl`); empty for the whole.
    pub path: String,
    /// The problem's code (`missing_translation`, …).
    pub code: String,
    /// The problem in the request's language.
    pub message: String,
}

impl SurveyProblem {
    /// Each problem of a definition (a survey's or a module's) with its path, in `lang`.
    pub fn list<P: crate::definition_errors::Problem>(
        problems: &[crate::definition_errors::PathError<P>],
        lang: crate::i18n::Lang,
    ) -> Vec<SurveyProblem> {
        problems
            .iter()
            .map(|p| SurveyProblem {
                path: p.path.clone(),
                code: p.code().to_string(),
                message: p.message(lang),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_written_as_their_snake_case_names() {
        for code in ErrorCode::SENT {
            let json = serde_json::to_string(&code).expect("a code serializes");
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            let back: ErrorCode = serde_json::from_str(&json).expect("a code reads back");
            assert_eq!(back, code);
        }
        assert_eq!(ErrorCode::InvalidResponseId.as_str(), "invalid_response_id");
    }

    #[test]
    fn an_error_code_from_a_newer_server_reads_as_unknown() {
        let body: ErrorBody =
            serde_json::from_str(r#"{"error":{"code":"teleported","message":"slow down"}}"#)
                .expect("an unknown code still reads");
        assert_eq!(body.error.code, ErrorCode::Unknown);
        assert_eq!(body.error.message, "slow down");
    }
}
