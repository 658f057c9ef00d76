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
    /// 408: an upload that arrived too slowly.
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
    /// 422: helpdesk contact or FAQ link that breaks a rule.
    InvalidSupport,
    /// 422: a training module that breaks a rule of `wavegate.module/1`, or a new version whose
    /// change notes do not fit the one before; `details` are [`SurveyProblem`]s (path, code,
    /// message), the module's JSON paths.
    InvalidModule,
    /// 422: a training step the trainee cannot take now (no attempts left, the wait not over, an
    /// attempt to other questions than drawn, a lesson the module lacks); the message says which.
    TrainingRefused,
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
    /// A code from a newer server that this build does not know.
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    /// Every code the server sends (all but [`ErrorCode::Unknown`]).
    pub const SENT: [ErrorCode; 34] = [
        ErrorCode::InvalidJson,
        ErrorCode::InvalidQuery,
        ErrorCode::InvalidPath,
        ErrorCode::Unauthorized,
        ErrorCode::InvalidCredentials,
        ErrorCode::Forbidden,
        ErrorCode::CsrfMismatch,
        ErrorCode::NotFound,
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
            ErrorCode::InvalidSupport => "invalid_support",
            ErrorCode::InvalidModule => "invalid_module",
            ErrorCode::TrainingRefused => "training_refused",
            ErrorCode::TooManyAttempts => "too_many_attempts",
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
            ErrorCode::InputsRejected => "inputs_rejected",
            ErrorCode::Busy => "busy",
            ErrorCode::LinkExpired => "link_expired",
            ErrorCode::LinkRevoked => "link_revoked",
            ErrorCode::RateLimited => "rate_limited",
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
    /// The languages the survey is written in (its `languages`): with one, the app offers no
    /// language switch.
    #[serde(default = "crate::survey::model::both_languages")]
    pub languages: Vec<Lang>,
    /// Where respondents get help after answering (the program's helpdesk and FAQ).
    #[serde(default, skip_serializing_if = "ProgramSupport::is_empty")]
    pub support: ProgramSupport,
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
    /// Whether the program has a program.toml (waves, thresholds); the demo has one, programs
    /// from before issue 9 may not.
    #[serde(default)]
    pub has_program: bool,
    /// The kinds of file it holds a current import of.
    #[serde(default)]
    pub files: Vec<FileKind>,
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
    /// The last day the new links open (UTC, inclusive); default: their wave's end plus
    /// [`crate::invitation::GRACE_DAYS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<chrono::NaiveDate>,
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
    /// The wave the link was made for, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
    /// The last day the link opens (`YYYY-MM-DD`, UTC, inclusive); none: no expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<String>,
    /// When a planner revoked the link (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

/// Body of `POST …/invitations/revoke`: exactly one of the three.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeInvitations {
    /// Links by token.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<String>,
    /// Personal links by person id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub person_ids: Vec<String>,
    /// Every link made for this wave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
}

/// What `POST …/invitations/revoke` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokedInvitations {
    /// Links that opened until now and no longer do.
    pub revoked: u64,
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
    /// Start the CSV with a UTF-8 byte-order mark, so Excel and Word read names with accents
    /// right (default: no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bom: Option<bool>,
}

impl InvitationsQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        query_string(&[
            ("format", self.format.map(InvitationsFormat::as_str)),
            ("delimiter", self.delimiter.map(CsvDelimiter::as_str)),
            ("bom", self.bom.map(|b| if b { "true" } else { "false" })),
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

// ---------------------------------------------------------------------------------------------
// Accounts and sessions.

/// What a signed-in account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads and changes everything in the planner area.
    Planner,
    /// Reads everything in the planner area, changes nothing.
    Viewer,
}

impl Role {
    /// The role as written in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Planner => "planner",
            Role::Viewer => "viewer",
        }
    }

    /// Reads a role from its written form.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "planner" => Some(Role::Planner),
            "viewer" => Some(Role::Viewer),
            _ => None,
        }
    }
}

/// Body of `POST /api/v1/session`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    /// The account's e-mail address (case does not matter).
    pub email: String,
    /// Its password.
    pub password: String,
}

/// `POST` and `GET /api/v1/session`: who is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// The account's e-mail address.
    pub email: String,
    /// What it may do.
    pub role: Role,
    /// Send this as `X-CSRF-Token` with every POST, PUT, PATCH and DELETE of this session.
    pub csrf_token: String,
    /// When the session ends at the latest, however active (RFC 3339, UTC).
    pub expires_at: String,
}

/// `201 Created` of a new resource: its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    /// The new resource's id.
    pub id: String,
}

/// `?lang=nl|en`: the language of the messages in an error's `details` (else `Accept-Language`,
/// else English).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangQuery {
    /// The language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

// ---------------------------------------------------------------------------------------------
// Programs.

/// Where respondents get help after answering: shown on the thank-you page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramSupport {
    /// How to reach the helpdesk (phone, e-mail, hours), in the program's languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk: Option<Text>,
    /// A page with answers to common questions (`https://…` or `http://…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faq_url: Option<String>,
}

/// Longest helpdesk text per language, in characters.
pub const MAX_HELPDESK_CHARS: usize = 500;
/// Longest FAQ link, in bytes.
pub const MAX_FAQ_URL: usize = 2048;

/// Why [`ProgramSupport`] is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SupportError {
    /// A helpdesk text is too long or holds control characters other than line breaks.
    #[error(
        "the helpdesk text ({lang}) must be at most {MAX_HELPDESK_CHARS} characters without control characters"
    )]
    Helpdesk {
        /// Which language.
        lang: Lang,
    },
    /// The FAQ link is not an `http(s)://` address of reasonable length.
    #[error(
        "the FAQ link must be an https:// (or http://) address of at most {MAX_FAQ_URL} characters without spaces"
    )]
    FaqUrl,
}

impl SupportError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SupportError::Helpdesk { lang: l }, Lang::Nl) => format!(
                "de helpdesktekst ({l}) mag hoogstens {MAX_HELPDESK_CHARS} tekens hebben, zonder stuurtekens"
            ),
            (SupportError::FaqUrl, Lang::Nl) => format!(
                "de FAQ-link moet een https://-adres (of http://) zijn van hoogstens {MAX_FAQ_URL} tekens, zonder spaties"
            ),
            (e, Lang::En) => e.to_string(),
        }
    }
}

impl ProgramSupport {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.helpdesk.is_none() && self.faq_url.is_none()
    }

    /// Checks the texts and the link; blank values become absent. The link must be `http(s)`
    /// so a `javascript:` address can never reach a respondent's page.
    pub fn checked(mut self) -> Result<ProgramSupport, SupportError> {
        if let Some(t) = &self.helpdesk {
            for (lang, text) in [(Lang::Nl, &t.nl), (Lang::En, &t.en)] {
                let bad = text.chars().count() > MAX_HELPDESK_CHARS
                    || text.chars().any(|c| c.is_control() && c != '\n');
                if bad {
                    return Err(SupportError::Helpdesk { lang });
                }
            }
            if t.missing().len() == Lang::ALL.len() {
                self.helpdesk = None;
            }
        }
        if let Some(url) = &self.faq_url {
            let url = url.trim();
            if url.is_empty() {
                self.faq_url = None;
            } else {
                let lower = url.to_ascii_lowercase();
                let scheme = lower.starts_with("https://") || lower.starts_with("http://");
                let host = url.split_once("://").map_or("", |(_, rest)| rest);
                let ok = scheme
                    && url.len() <= MAX_FAQ_URL
                    && !host.is_empty()
                    && !url.chars().any(|c| c.is_whitespace() || c.is_control());
                if !ok {
                    return Err(SupportError::FaqUrl);
                }
                self.faq_url = Some(url.to_string());
            }
        }
        Ok(self)
    }
}

/// `GET /api/v1/programs/{program}`: a program with its definition and support details.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramDetail {
    /// Stable id.
    pub id: String,
    /// Display name (the program's `name`).
    pub name: String,
    /// The definition: waves, split attributes, thresholds (`None` for a program made before
    /// programs had one).
    pub program: Option<crate::readiness::Program>,
    /// Where respondents get help.
    pub support: ProgramSupport,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When its definition last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
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

// ---------------------------------------------------------------------------------------------
// Imported files.

pub use crate::upload::FileKind;

/// Query of `PUT …/files/{kind}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UploadQuery {
    /// Check and summarise only: nothing is stored, and the first rows come back as parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// The file's name (else `Content-Disposition`'s `filename`, else `{kind}.csv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The language of warnings and error details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

/// A header generation with its description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderGenerationInfo {
    /// The code.
    pub code: crate::upload::HeaderGeneration,
    /// What it is, in both languages.
    pub description: Text,
}

/// `PUT …/files/{kind}`: what an upload was and what its import found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// The kind of file.
    pub kind: FileKind,
    /// Its name.
    pub file_name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// The encoding it was read in.
    pub encoding: crate::upload::Encoding,
    /// The delimiter of its header line.
    pub delimiter: Option<crate::upload::Delimiter>,
    /// Which generation of its source system's export the header is, when that can be told.
    pub header_generation: Option<HeaderGenerationInfo>,
    /// The header as written.
    pub headers: Vec<String>,
    /// Rows, matches and warnings (`warnings` in both languages).
    #[serde(flatten)]
    pub findings: crate::upload::Findings,
    /// The warnings in the request's language.
    pub warning_messages: Vec<String>,
    /// Whether it was stored (false for a dry run).
    pub stored: bool,
    /// The first rows as parsed (dry runs only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview: Option<crate::upload::Preview>,
}

/// `GET …/files`: one import of a program's file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    /// The kind of file.
    pub kind: FileKind,
    /// Its name.
    pub file_name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, hex.
    pub sha256: String,
    /// Records read.
    pub rows: u64,
    /// Who imported it (an account's e-mail, or `token:<name>`).
    pub imported_by: String,
    /// When (RFC 3339, UTC).
    pub imported_at: String,
    /// Whether it is the file of its kind in use now (the latest import of that kind).
    pub current: bool,
}

// ---------------------------------------------------------------------------------------------
// Surveys.

/// Body of `POST /api/v1/programs/{program}/surveys`: exactly one of `template`, `definition`
/// and `surveyjs`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishSurvey {
    /// A built-in template's id (`pilot-feedback`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// A `wavegate.survey/1` definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<serde_json::Value>,
    /// A SurveyJS definition, converted by the core's importer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surveyjs: Option<serde_json::Value>,
    /// The id for a SurveyJS survey (default: from its title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_id: Option<String>,
    /// The version for a SurveyJS survey or template (default: one after the latest published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// Store responses without a person link (default false; fixed when first published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
}

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

/// `POST …/surveys` succeeded: the version published (201) or already published unchanged (200).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedSurvey {
    /// The survey's stable id.
    pub survey_id: String,
    /// The version respondents get now.
    pub version: u32,
    /// Its languages.
    pub languages: Vec<Lang>,
    /// Whether responses are stored without a person link.
    pub anonymous: bool,
    /// What a SurveyJS import changed or left out, in the request's language.
    pub warnings: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Invitations from the roster, response rates.

/// Which links `…/invitations/from-roster` makes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationKind {
    /// One link per person of the wave or segment (the default).
    #[default]
    Personal,
    /// One link for the whole segment, carrying only its attributes.
    Anonymous,
}

/// Body of `POST …/surveys/{survey}/invitations/from-roster`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitationsFromRoster {
    /// A wave of the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
    /// Roster attribute → value; all must hold.
    #[serde(default)]
    pub segment: std::collections::BTreeMap<String, String>,
    /// Personal (default) or anonymous.
    #[serde(default)]
    pub kind: InvitationKind,
    /// The last day the new links open (UTC, inclusive); default: the wave's end plus
    /// [`crate::invitation::GRACE_DAYS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<chrono::NaiveDate>,
}

/// What `…/invitations/from-roster` did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FromRosterResult {
    /// Which links.
    pub kind: InvitationKind,
    /// People of the roster in the wave and segment.
    pub people: u64,
    /// Links made now.
    pub created: u64,
    /// Links that existed already (the same person, or the same anonymous segment).
    pub existing: u64,
    /// The anonymous link; for personal links download the mail-merge CSV instead.
    pub links: Vec<InvitationLink>,
}

/// `GET …/surveys/{survey}/rates`: response rates per wave and segment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyRates {
    /// Whether the survey is anonymous: then `groups` count responses only (`invited` and `rate`
    /// are absent), since one link is answered by many.
    pub anonymous: bool,
    /// Invitations (personal surveys) or links.
    pub invitations: u64,
    /// Responses.
    pub responses: u64,
    /// The overall rate in whole percent (personal surveys).
    pub rate: Option<u64>,
    /// Per wave and per attribute value the links carry; groups under 5 suppressed.
    pub groups: Vec<crate::invitation::GroupRate>,
}

// ---------------------------------------------------------------------------------------------
// Readiness and evaluations.

pub use crate::readiness::provenance::InputFile;

/// Query of the readiness endpoints and of `POST …/evaluations`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessQuery {
    /// The evaluation date, `YYYY-MM-DD` (`wavegate score --at`; default: today, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<chrono::NaiveDate>,
    /// The language of the report's sentences (default: the request's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

impl ReadinessQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        let at = self.at.map(|d| d.format("%Y-%m-%d").to_string());
        query_string(&[("at", at.as_deref()), ("lang", self.lang.map(Lang::code))])
    }
}

/// `GET …/readiness/evaluation`: the readiness report with what it speaks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The evaluation date.
    pub at: chrono::NaiveDate,
    /// The language of the report's sentences.
    pub lang: Lang,
    /// When the server computed the report (RFC 3339, UTC); a report served again from the
    /// server's cache keeps the time it was computed.
    pub computed_at: String,
    /// The files of the program's data directory it was computed from, in reading order.
    pub inputs: Vec<InputFile>,
    /// The report, as `wavegate score --format json` writes it for the same files.
    pub report: crate::readiness::Report,
}

/// Readiness as a list shows it: the decision's two figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessScore {
    /// From the posterior means, 0–100; `None` when readiness is not a number.
    pub estimate: Option<u32>,
    /// From the pessimistic percentiles (what decisions use), 0–100; `None` likewise.
    pub conservative: Option<u32>,
}

/// `GET …/evaluations`: a stored evaluation without its report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationSummary {
    /// Its id (never reused, also after it was replaced).
    pub id: u64,
    /// The evaluation date; one stored evaluation per program and date.
    pub at: chrono::NaiveDate,
    /// The language of its report.
    pub lang: Lang,
    /// When it was computed and stored (RFC 3339, UTC).
    pub created_at: String,
    /// Who asked for it: an account's e-mail, or `token:<name>`.
    pub created_by: String,
    /// The wave it decided on; `None` when every wave had started.
    pub next_wave: Option<String>,
    /// The decision's kind; `None` without a next wave.
    pub decision: Option<crate::readiness::report::DecisionKind>,
    /// The decision's readiness (its figures `None` when readiness is no number); `None`
    /// without a decision.
    pub readiness: Option<ReadinessScore>,
    /// Everything passed with high confidence: what EXPAND looks for in earlier evaluations.
    pub everything_passes: bool,
    /// The files it was computed from.
    pub inputs: Vec<InputFile>,
}

/// `GET …/evaluations/{evaluation}` and `POST …/evaluations`: a stored evaluation with its report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvaluation {
    /// Everything the list shows.
    #[serde(flatten)]
    pub summary: EvaluationSummary,
    /// The report as it was computed.
    pub report: crate::readiness::Report,
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
            bom: None,
        };
        assert_eq!(q.to_query(), "?format=csv");
        let q = InvitationsQuery {
            format: Some(InvitationsFormat::Csv),
            delimiter: Some(CsvDelimiter::Semicolon),
            bom: Some(true),
        };
        assert_eq!(q.to_query(), "?format=csv&delimiter=semicolon&bom=true");
        let q = ReadinessQuery {
            at: chrono::NaiveDate::from_ymd_opt(2027, 2, 1),
            lang: Some(Lang::Nl),
        };
        assert_eq!(q.to_query(), "?at=2027-02-01&lang=nl");
        assert_eq!(ReadinessQuery::default().to_query(), "");
    }

    #[test]
    fn support_details_take_only_web_links_and_short_texts() {
        let ok = ProgramSupport {
            helpdesk: Some(Text::new("Bel 020-1234567", "")),
            faq_url: Some(" https://intranet.example.org/faq ".into()),
        }
        .checked()
        .unwrap();
        assert_eq!(
            ok.faq_url.as_deref(),
            Some("https://intranet.example.org/faq")
        );
        for url in ["javascript:alert(1)", "https://", "ftp://x", "https://a b"] {
            let s = ProgramSupport {
                helpdesk: None,
                faq_url: Some(url.into()),
            };
            assert_eq!(s.checked(), Err(SupportError::FaqUrl), "{url}");
        }
        let long = ProgramSupport {
            helpdesk: Some(Text::new("x".repeat(MAX_HELPDESK_CHARS + 1), "")),
            faq_url: None,
        };
        assert!(matches!(
            long.checked(),
            Err(SupportError::Helpdesk { lang: Lang::Nl })
        ));
        let blank = ProgramSupport {
            helpdesk: Some(Text::new(" ", "")),
            faq_url: Some("".into()),
        };
        assert!(blank.checked().unwrap().is_empty());
    }

    #[test]
    fn delimiters_accept_the_character_itself() {
        let d: CsvDelimiter = serde_json::from_str("\";\"").expect("';' is a delimiter");
        assert_eq!(d, CsvDelimiter::Semicolon);
        assert_eq!(CsvDelimiter::Semicolon.options(true).delimiter, b';');
    }
}
