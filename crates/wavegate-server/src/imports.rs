//! Program files: uploading one (streamed to a temporary file, checked by the core importers,
//! then stored or, on a dry run, only previewed), listing the imports and downloading the file
//! in use byte for byte.

use crate::AppState;
use crate::auth::Caller;
use crate::downloads::{disposition, file_body, written_body};
use crate::error::{ApiError, file_problem};
use crate::extract::{ApiPath, ApiQuery, media_type, request_lang};
use crate::parsing::{parse_file, roster_of};
use crate::programs::{program_not_found, program_record, stored_program};
use crate::store::{NewImport, StagedFile};
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wavegate_core::api::{
    ErrorCode, FileKind, HeaderGenerationInfo, ImportRecord, ImportSummary, UploadQuery,
};
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::data::Roster;
use wavegate_core::readiness::datadir::Missing;
use wavegate_core::tabular::{needs_guarded_copy, write_guarded_copy};
use wavegate_core::upload::{
    Findings, HeaderGeneration, MAX_UPLOAD_BYTES, Parsed, Probe, clean_file_name, preview,
};

/// An upload that sends nothing for this long is given up.
const IDLE: Duration = Duration::from_secs(60);
/// No upload may take longer than this, however steadily it trickles (also the upload route's
/// body deadline, see `body_deadline`).
pub(crate) const UPLOAD_DEADLINE: Duration = Duration::from_secs(15 * 60);

/// Content types a CSV arrives with: browsers send `application/vnd.ms-excel` for `.csv` on
/// Windows with Office installed, and some clients send no specific type.
const CSV_TYPES: [&str; 4] = [
    "text/csv",
    "text/plain",
    "application/vnd.ms-excel",
    "application/octet-stream",
];

fn content_type_ok(headers: &HeaderMap) -> bool {
    CSV_TYPES.contains(&media_type(headers).as_str())
}

/// `filename` of a `Content-Disposition` header.
fn disposition_name(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(header::CONTENT_DISPOSITION)?.to_str().ok()?;
    v.split(';').find_map(|part| {
        let (k, val) = part.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("filename")
            .then(|| val.trim().trim_matches('"').to_string())
    })
}

fn too_large() -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!(
            "a file may be at most {} MB",
            MAX_UPLOAD_BYTES / 1024 / 1024
        ),
    )
}

/// What streaming the body gave: the staged file, its digest and shape.
struct Received {
    staged: StagedFile,
    sha256: String,
    shape: wavegate_core::upload::FileShape,
}

/// Streams the body to a staged file, hashing and probing it on the way, within the size and
/// time bounds.
async fn receive(state: &AppState, body: Body) -> Result<Received, ApiError> {
    let mut staged = state.store.stage_file()?;
    let mut hasher = Sha256::new();
    let mut probe = Probe::new();
    let mut body = body;
    let started = Instant::now();
    let mut size: u64 = 0;
    loop {
        let left = UPLOAD_DEADLINE.saturating_sub(started.elapsed());
        let frame = tokio::time::timeout(IDLE.min(left), body.frame())
            .await
            .map_err(|_| {
                ApiError::new(
                    ErrorCode::Timeout,
                    "the upload was too slow; nothing was stored",
                )
            })?;
        let Some(frame) = frame else { break };
        let frame = frame.map_err(|e| {
            ApiError::new(ErrorCode::InvalidBody, format!("the upload broke off: {e}"))
        })?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        size += data.len() as u64;
        if size > MAX_UPLOAD_BYTES {
            return Err(too_large());
        }
        hasher.update(&data);
        probe.feed(&data);
        // A local, buffered file: each write is a copy into the page cache.
        staged.write_all(&data).map_err(ApiError::internal)?;
    }
    Ok(Received {
        staged,
        sha256: hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        shape: probe.finish(),
    })
}

/// The program's current roster for an action that needs one (inviting or assigning people):
/// the `NoRoster` error without one, or when it no longer reads with the program, in `lang`.
pub(crate) async fn required_roster(
    state: &AppState,
    program_id: &str,
    program: &Program,
    lang: Lang,
) -> Result<Arc<Roster>, ApiError> {
    match roster_of(state, program_id, program).await? {
        None => Err(ApiError::new(
            ErrorCode::NoRoster,
            Missing::Roster.message(lang),
        )),
        Some(Err(e)) => {
            let text = Text::new(
                format!(
                    "De opgeslagen personeelslijst past niet meer bij het programma: {}",
                    e.render(Lang::Nl)
                ),
                format!(
                    "The stored roster no longer fits the program: {}",
                    e.render(Lang::En)
                ),
            );
            Err(ApiError::new(ErrorCode::NoRoster, text.get(lang))
                .with_details(file_problem(&e, lang)))
        }
        Some(Ok(r)) => Ok(r),
    }
}

/// The program's definition, or the error for a program without one (in `lang`).
pub(crate) async fn program_of(
    state: &AppState,
    program_id: &str,
    lang: Lang,
) -> Result<Program, ApiError> {
    let record = program_record(state, program_id).await?;
    stored_program(&record)?
        .ok_or_else(|| ApiError::new(ErrorCode::InvalidProgram, Missing::Program.message(lang)))
}

/// `PUT /api/v1/programs/{program}/files/{kind}[?dry_run=true&name=…&lang=…]`.
pub async fn upload(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    ApiPath((program_id, kind)): ApiPath<(String, FileKind)>,
    ApiQuery(q): ApiQuery<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<ImportSummary>, ApiError> {
    let lang = request_lang(q.lang, &headers);
    let program = program_of(&state, &program_id, lang).await?;
    if !content_type_ok(&headers) {
        return Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "expected the CSV file as the body, with Content-Type: text/csv",
        ));
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_UPLOAD_BYTES) {
        return Err(too_large());
    }
    // A few uploads at a time: each is parsed in memory.
    let _slot = state
        .upload_slots
        .acquire()
        .await
        .map_err(ApiError::internal)?;
    let file_name = q
        .name
        .as_deref()
        .or(disposition_name(&headers).as_deref())
        .and_then(clean_file_name)
        .unwrap_or_else(|| kind.file_name().to_string());
    let received = receive(&state, body).await?;
    let parsed = parse_file(received.staged.path().to_path_buf(), kind, program.clone())
        .await?
        .map_err(|mut e| {
            // The planner looks for the file they picked, not the name the format gives it.
            e.file = file_name.clone();
            ApiError::new(
                ErrorCode::InvalidFile,
                format!("the file was refused; nothing changed: {e}"),
            )
            .with_details(file_problem(&e, lang))
        })?;
    let roster = if kind == FileKind::Roster {
        None
    } else {
        roster_of(&state, &program_id, &program).await?
    };
    let mut findings = Findings::of(
        &parsed,
        &program,
        roster.as_ref().map(|r| r.as_ref().map(|r| r.as_ref())),
    );
    if let Some(warning) = wavegate_core::upload::replaced_bytes(received.shape.replaced) {
        findings.warnings.push(warning);
    }
    if let Parsed::Roster(new) = &parsed {
        let update = crate::roster_update::changes(&state, &program_id, &program, new).await?;
        findings.warnings.extend(update.told);
        findings.roster_changes = update.changes;
    }
    let dry_run = q.dry_run.unwrap_or(false);
    let preview = dry_run.then(|| preview(&parsed, &program, lang));
    // A new roster is kept to judge the anonymous links again when it is stored; other kinds
    // are not needed any more.
    let new_roster = match parsed {
        Parsed::Roster(roster) if !dry_run => Some(roster),
        _ => None,
    };
    let shape = received.shape;
    let summary = ImportSummary {
        kind,
        file_name: file_name.clone(),
        bytes: shape.bytes,
        sha256: received.sha256.clone(),
        encoding: shape.encoding,
        delimiter: shape.delimiter,
        header_generation: HeaderGeneration::of(kind, &shape.headers).map(|code| {
            HeaderGenerationInfo {
                code,
                description: code.describe(),
            }
        }),
        headers: shape.headers,
        warning_messages: findings
            .warnings
            .iter()
            .map(|w| w.get(lang).to_string())
            .collect(),
        findings,
        stored: !dry_run,
        preview,
    };
    if !dry_run {
        let import = NewImport {
            program_id: program_id.clone(),
            kind: kind.as_str().to_string(),
            file_name,
            bytes: summary.bytes,
            sha256: received.sha256,
            rows: summary.findings.rows,
            imported_by: caller.who,
            imported_at: state.clock.stamp(),
        };
        // A roster and the judgement of the anonymous links on it (revoked when it leaves
        // their group too small, else bound by their group's size) are one write: never the
        // roster in use with such a link still open.
        let revoked = match new_roster {
            Some(roster) => {
                let capacity = crate::roster_update::capacity(roster, program);
                let (_, revoked) = (state.store)
                    .record_roster_import(received.staged, import, capacity)
                    .await?;
                revoked
            }
            None => {
                state.store.record_import(received.staged, import).await?;
                0
            }
        };
        tracing::info!(
            kind = kind.as_str(),
            rows = summary.findings.rows,
            "file imported"
        );
        if revoked > 0 {
            tracing::info!(
                links = revoked,
                "anonymous links revoked: their group is under 5 people on the new roster"
            );
        }
    }
    Ok(Json(summary))
}

/// `GET /api/v1/programs/{program}/files`: every import, newest first.
pub async fn list(
    State(state): State<AppState>,
    ApiPath(program_id): ApiPath<String>,
) -> Result<Json<Vec<ImportRecord>>, ApiError> {
    let rows = state
        .store
        .imports(&program_id)
        .await?
        .ok_or_else(program_not_found)?;
    let records = rows
        .into_iter()
        .filter_map(|r| {
            Some(ImportRecord {
                kind: FileKind::parse(&r.import.kind)?,
                file_name: r.import.file_name,
                bytes: r.import.bytes,
                sha256: r.import.sha256,
                rows: r.import.rows,
                imported_by: r.import.imported_by,
                imported_at: r.import.imported_at,
                current: r.current,
            })
        })
        .collect();
    Ok(Json(records))
}

/// `GET /api/v1/programs/{program}/files/{kind}`: the file in use, as uploaded; or, when a cell
/// could run as a formula in a spreadsheet, the core's guarded copy (which Wavegate reads as
/// the file). In a download slot (`503 busy` when none comes free soon), held until the last
/// byte is sent: the file as uploaded is streamed from disk, the guarded copy written as the
/// client takes it, so no second copy of the file is ever held whole.
pub async fn download(
    State(state): State<AppState>,
    ApiPath((program_id, kind)): ApiPath<(String, FileKind)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (import, path) = state
        .store
        .current_file(&program_id, kind.as_str())
        .await?
        .ok_or_else(|| ApiError::not_found("file of this kind"))?;
    let slot = (state.download_slots)
        .acquire(request_lang(None, &headers))
        .await?;
    let sha = import.sha256.clone();
    let stored = |e: String| ApiError::internal(format!("stored file {sha}: {e}"));
    // Read once to see whether a cell needs a guard; only a file that does is kept to write
    // its copy from.
    let read = path.clone();
    let guarding = tokio::task::spawn_blocking(move || {
        let bytes = std::fs::read(&read).map_err(|e| e.to_string())?;
        let needed = needs_guarded_copy(kind.file_name(), &bytes).map_err(|e| e.to_string())?;
        Ok::<_, String>(needed.then_some(bytes))
    })
    .await
    .map_err(|e| stored(e.to_string()))?
    .map_err(stored)?;
    if let Some(bytes) = guarding {
        let body = written_body(slot, move |out| {
            let mut out = write_guarded_copy(kind.file_name(), &bytes, out)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            out.flush()
        });
        let mut res = (StatusCode::OK, body).into_response();
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        );
        h.insert(header::CONTENT_DISPOSITION, disposition(&import.file_name));
        if let Ok(v) = HeaderValue::from_str(&format!("\"{}-guarded\"", import.sha256)) {
            h.insert(header::ETAG, v);
        }
        return Ok(res);
    }
    let body = file_body(&path, slot)
        .await
        .map_err(|e| stored(e.to_string()))?;
    let mut res = (StatusCode::OK, body).into_response();
    let h = res.headers_mut();
    // The bytes as uploaded: no charset is claimed (the file may be Windows-1252).
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv"));
    h.insert(header::CONTENT_DISPOSITION, disposition(&import.file_name));
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(import.bytes));
    if let Ok(v) = HeaderValue::from_str(&format!("\"{}\"", import.sha256)) {
        h.insert(header::ETAG, v);
    }
    Ok(res)
}
