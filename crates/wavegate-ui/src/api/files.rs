//! A program's files: uploading one (a preview first, then for real), the list of imports and
//! downloading the file in use.

use super::upload::{self, Progress, UploadBody};
use super::{ApiError, Download, download, json, path};
use gloo_net::http::Request;
use wavegate_core::api::{FileKind, ImportRecord, ImportSummary};
use wavegate_core::i18n::Lang;

/// One upload of a program's file.
#[derive(Clone, Copy, Debug)]
pub struct Upload<'a> {
    /// The program.
    pub program: &'a str,
    /// Which of its files.
    pub kind: FileKind,
    /// The file's name, as the planner's computer calls it.
    pub name: &'a str,
    /// The file, exactly as the source system wrote it.
    pub body: &'a UploadBody,
    /// Check and preview only: nothing is stored.
    pub dry_run: bool,
    /// The language of the findings and of a problem.
    pub lang: Lang,
}

/// `PUT /api/v1/programs/{program}/files/{kind}`: uploads a file. A dry run stores nothing and
/// answers with a preview of the first records. `on_progress` follows the body going out.
pub async fn upload(
    csrf: &str,
    file: Upload<'_>,
    on_progress: impl Fn(Progress) + 'static,
) -> Result<ImportSummary, ApiError> {
    let url = path::file(file.program, file.kind)
        + &path::upload_query(file.dry_run, file.name, file.lang);
    upload::put(&url, csrf, "text/csv", file.body, on_progress).await
}

/// `GET /api/v1/programs/{program}/files`: every import, newest first.
pub async fn imports(program: &str) -> Result<Vec<ImportRecord>, ApiError> {
    json(Request::get(&path::program(program, "/files")).build()).await
}

/// `GET /api/v1/programs/{program}/files/{kind}`: the file in use, byte for byte.
pub async fn stored(program: &str, kind: FileKind) -> Result<Download, ApiError> {
    download::fetch(&path::file(program, kind)).await
}
