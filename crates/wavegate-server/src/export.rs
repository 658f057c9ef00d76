//! The program's data directory as one zip file: what `wavegate export-program` writes, to run
//! `wavegate score` on elsewhere. The files go in a fixed order with a fixed time, so the same
//! data always gives the same zip, byte for byte. Sent in a download slot (see `downloads`).

use crate::AppState;
use crate::datadir::ProgramData;
use crate::downloads::{attachment, held};
use crate::error::ApiError;
use crate::evaluator::EvalError;
use crate::extract::{ApiPath, ApiQuery, request_lang};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use std::io::Write;
use wavegate_core::api::LangQuery;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The zip of an export: its files in order (the data directory's in reading order, then the
/// stored reports by date), each deflated, dated 1980-01-01 00:00 (the zip format's first
/// date: the time of the download is no part of the data) and readable by everyone.
pub fn zip_bytes(data: &ProgramData) -> zip::result::ZipResult<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in data.export_files()? {
        zip.start_file(name, options)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `GET /api/v1/programs/{program}/export.zip`: the data directory `wavegate score` reads, with
/// the stored evaluations under `history/` for `--history`.
pub async fn zip(
    State(state): State<AppState>,
    ApiPath(program): ApiPath<String>,
    ApiQuery(q): ApiQuery<LangQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = request_lang(q.lang, &headers);
    // Taken before the zip is made and held until it is sent: the zip is in memory all along.
    let slot = state.download_slots.acquire(lang).await?;
    let bytes = state
        .evaluator
        .with_data(&state.store, &program, |data| {
            zip_bytes(data).map_err(|e| EvalError::Internal(format!("zip: {e}")))
        })
        .await
        .map_err(|e| e.into_api(lang))?;
    Ok(attachment(
        held(bytes.into(), slot),
        "application/zip",
        &format!("{program}-data.zip"),
    ))
}
