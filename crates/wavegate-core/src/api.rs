//! The JSON contract of `/api/v1/`: the types the server sends and the app reads.
//!
//! One definition serves both sides, so a field renamed on the server cannot silently break
//! the app. `docs/api.md` describes each endpoint with these shapes.

use crate::i18n::{Lang, Text};
use crate::survey::{Attributes, Survey};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: String,
}

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
    /// 401: a planner endpoint without a valid planner token.
    Unauthorized,
    /// 404: unknown invitation, program, survey or endpoint.
    NotFound,
    /// 409: a personal invitation was already answered.
    AlreadySubmitted,
    /// 409: a published survey version would change.
    VersionPublished,
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
    /// 500: a server fault (nothing was stored).
    Internal,
    /// A code from a newer server that this build does not know.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// Every code the server sends (all but [`ErrorCode::Unknown`]).
    pub const SENT: [ErrorCode; 16] = [
        ErrorCode::InvalidJson,
        ErrorCode::InvalidQuery,
        ErrorCode::InvalidPath,
        ErrorCode::Unauthorized,
        ErrorCode::NotFound,
        ErrorCode::AlreadySubmitted,
        ErrorCode::VersionPublished,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::InvalidBody,
        ErrorCode::InvalidResponse,
        ErrorCode::InvalidResponseId,
        ErrorCode::WrongSurvey,
        ErrorCode::UnknownVersion,
        ErrorCode::InvalidInvitations,
        ErrorCode::Internal,
    ];

    /// The code as it is written on the wire (`invalid_response`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidQuery => "invalid_query",
            ErrorCode::InvalidPath => "invalid_path",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::NotFound => "not_found",
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
            ErrorCode::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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

/// `GET /api/v1/respond/{token}`: what a respondent's link opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationView {
    /// The program's display name.
    pub program_name: String,
    /// The survey version to answer.
    pub survey: Survey,
    /// What the link knows about the respondent (drives show-if conditions).
    pub attributes: Attributes,
    /// The language the planner chose for this person, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// An anonymous link: answers are not tied to a person and the link can be used again.
    pub anonymous: bool,
    /// The acknowledgement of an earlier submission through this personal link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<SubmitAck>,
}

/// `POST /api/v1/respond/{token}` succeeded (201 new, 200 when the same response was stored before).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitAck {
    /// The response id (as sent by the app).
    pub response_id: String,
    /// When the server stored it (RFC 3339, UTC).
    pub submitted_at: String,
    /// True when this was a retry of a response already stored.
    pub duplicate: bool,
}

/// `GET /api/v1/programs`: a program with its surveys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramOverview {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its surveys.
    pub surveys: Vec<SurveyOverview>,
}

/// A survey of a program with its counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyOverview {
    /// The survey's stable id.
    pub survey_id: String,
    /// The version new respondents get.
    pub version: u32,
    /// Its title.
    pub title: Text,
    /// Answers are stored without a person link.
    pub anonymous: bool,
    /// Responses received (all versions).
    pub responses: u64,
    /// Invitations created (personal links, plus the anonymous link if any).
    pub invitations: u64,
}

impl SurveyOverview {
    /// The share of invitations answered, in whole percent; `None` for an anonymous survey or
    /// before any invitation (see [`crate::invitation::response_rate`]).
    pub fn response_rate(&self) -> Option<u64> {
        crate::invitation::response_rate(self.responses, self.invitations, self.anonymous)
    }
}

/// One invitation to create (`POST …/invitations`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    /// The roster's person id; absent for an anonymous link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// Segment attributes the link carries (platform, department, wave …).
    #[serde(default)]
    pub attributes: Attributes,
    /// The person's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
}

/// Body of `POST …/invitations`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateInvitations {
    /// The invitations, at most [`MAX_INVITATIONS_PER_REQUEST`].
    pub invitations: Vec<NewInvitation>,
}

/// How many invitations one request may create.
pub const MAX_INVITATIONS_PER_REQUEST: usize = 10_000;

/// An invitation link as planners see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationLink {
    /// The secret token.
    pub token: String,
    /// The full link to send.
    pub url: String,
    /// The person, or none for the anonymous link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// Attributes the link carries.
    pub attributes: Attributes,
    /// The person's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// When this person's response was stored (personal links; RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
}

/// `GET …/surveys/{survey}/summary`: a survey's results for the planner dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyResults {
    /// The version new respondents get (its questions label the results).
    pub survey: Survey,
    /// Results over all versions, joined on stable question ids, groups under 5 suppressed.
    pub summary: crate::survey::Summary,
}

/// Field delimiter of a CSV download (`delimiter=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvDelimiter {
    /// `,` (the default).
    #[default]
    #[serde(alias = ",")]
    Comma,
    /// `;`, what Excel on a Dutch Windows expects.
    #[serde(alias = ";")]
    Semicolon,
}

impl CsvDelimiter {
    /// The value as it is written in a query string.
    pub fn as_str(self) -> &'static str {
        match self {
            CsvDelimiter::Comma => "comma",
            CsvDelimiter::Semicolon => "semicolon",
        }
    }

    /// The CSV settings for this delimiter, with or without a byte-order mark.
    pub fn options(self, bom: bool) -> crate::csv_safe::CsvOptions {
        let delimiter = match self {
            CsvDelimiter::Comma => b',',
            CsvDelimiter::Semicolon => b';',
        };
        crate::csv_safe::CsvOptions { delimiter, bom }
    }
}

/// Layout of the response export (`layout=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportLayout {
    /// One row per answer: the `responses.csv` that `wavegate score` reads (the default).
    #[default]
    Long,
    /// One row per response.
    Wide,
}

impl ExportLayout {
    /// The value as it is written in a query string.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportLayout::Long => "long",
            ExportLayout::Wide => "wide",
        }
    }
}

/// Query of `GET …/surveys/{survey}/responses`: the CSV export of every response.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponsesQuery {
    /// Long (default) or wide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<ExportLayout>,
    /// Comma (default) or semicolon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<CsvDelimiter>,
    /// Start with a UTF-8 byte-order mark so Excel detects the encoding (default: no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bom: Option<bool>,
}

impl ResponsesQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        query_string(&[
            ("layout", self.layout.map(ExportLayout::as_str)),
            ("delimiter", self.delimiter.map(CsvDelimiter::as_str)),
            ("bom", self.bom.map(|b| if b { "true" } else { "false" })),
        ])
    }
}

/// What `GET …/invitations` answers with (`format=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationsFormat {
    /// `[InvitationLink]` as JSON (the default).
    #[default]
    Json,
    /// The mail-merge CSV of [`crate::invitation::mail_merge`].
    Csv,
}

impl InvitationsFormat {
    /// The value as it is written in a query string.
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationsFormat::Json => "json",
            InvitationsFormat::Csv => "csv",
        }
    }
}

/// Query of `GET …/surveys/{survey}/invitations`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitationsQuery {
    /// JSON (default) or CSV for a mail merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<InvitationsFormat>,
    /// The CSV delimiter: comma (default) or semicolon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<CsvDelimiter>,
}

impl InvitationsQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        query_string(&[
            ("format", self.format.map(InvitationsFormat::as_str)),
            ("delimiter", self.delimiter.map(CsvDelimiter::as_str)),
        ])
    }
}

/// `?a=b&c=d` of the parameters that are set; every value is a fixed ASCII word, so nothing
/// needs percent-encoding.
fn query_string(pairs: &[(&str, Option<&str>)]) -> String {
    let set: Vec<String> = pairs
        .iter()
        .filter_map(|(name, value)| value.map(|v| format!("{name}={v}")))
        .collect();
    if set.is_empty() {
        String::new()
    } else {
        format!("?{}", set.join("&"))
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
            serde_json::from_str(r#"{"error":{"code":"rate_limited","message":"slow down"}}"#)
                .expect("an unknown code still reads");
        assert_eq!(body.error.code, ErrorCode::Unknown);
        assert_eq!(body.error.message, "slow down");
    }

    #[test]
    fn query_strings_carry_only_the_parameters_set() {
        assert_eq!(ResponsesQuery::default().to_query(), "");
        let q = ResponsesQuery {
            layout: Some(ExportLayout::Wide),
            delimiter: Some(CsvDelimiter::Semicolon),
            bom: Some(true),
        };
        assert_eq!(q.to_query(), "?layout=wide&delimiter=semicolon&bom=true");
        let q = InvitationsQuery {
            format: Some(InvitationsFormat::Csv),
            delimiter: None,
        };
        assert_eq!(q.to_query(), "?format=csv");
    }

    #[test]
    fn delimiters_accept_the_character_itself() {
        let d: CsvDelimiter = serde_json::from_str("\";\"").expect("';' is a delimiter");
        assert_eq!(d, CsvDelimiter::Semicolon);
        assert_eq!(CsvDelimiter::Semicolon.options(true).delimiter, b';');
    }
}
