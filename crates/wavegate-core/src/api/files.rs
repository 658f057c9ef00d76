//! Imported files: the upload query, what an import found and the import history.

use crate::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};

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
