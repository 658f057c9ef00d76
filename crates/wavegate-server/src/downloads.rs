//! Downloads: a body sent with its Content-Type and `Content-Disposition: attachment` so the
//! browser saves it byte for byte under a sensible name; and the bound on the large ones (the
//! stored files, the data directory's zip), each holding a slot until its last byte is sent.

use crate::error::ApiError;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use wavegate_core::api::ErrorCode;
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::invisible::is_invisible;

/// How many large downloads are sent at once: each may hold a file of up to 200 MB (or a
/// program's zip) in memory while it is made, and a slow client holds its slot to the end.
pub const SLOTS: usize = 4;
/// How long a download waits for a slot before it is refused as busy.
pub const WAIT: Duration = Duration::from_secs(2);
/// What `Retry-After` says to a download refused as busy.
pub const RETRY_AFTER_SECS: u64 = 5;
/// How much of a file is read, or of a written body made, ahead of the client.
const CHUNK: usize = 64 * 1024;

/// The bound on large downloads; clones share it.
#[derive(Clone)]
pub struct DownloadSlots {
    slots: Arc<Semaphore>,
    wait: Duration,
}

impl Default for DownloadSlots {
    fn default() -> DownloadSlots {
        DownloadSlots::new(SLOTS, WAIT)
    }
}

/// A download's slot, held by its body (and by whatever writes it) until the body is done.
#[derive(Clone)]
pub(crate) struct Slot {
    _permit: Arc<OwnedSemaphorePermit>,
}

impl DownloadSlots {
    /// At most `slots` at once, a request waiting at most `wait` for one.
    pub fn new(slots: usize, wait: Duration) -> DownloadSlots {
        DownloadSlots {
            slots: Arc::new(Semaphore::new(slots)),
            wait,
        }
    }

    /// A slot, or `503 busy` with `Retry-After` (its message in `lang`) when none came free in
    /// time.
    pub(crate) async fn acquire(&self, lang: Lang) -> Result<Slot, ApiError> {
        match tokio::time::timeout(self.wait, self.slots.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(Slot {
                _permit: Arc::new(permit),
            }),
            Ok(Err(e)) => Err(ApiError::internal(e)),
            Err(_) => {
                let text = Text::new(
                    format!(
                        "De server verstuurt al zoveel downloads als hij toestaat; probeer het over {RETRY_AFTER_SECS} seconden opnieuw."
                    ),
                    format!(
                        "The server is already sending as many downloads as it allows; try again in {RETRY_AFTER_SECS} seconds."
                    ),
                );
                Err(ApiError::new(ErrorCode::Busy, text.get(lang))
                    .with_retry_after(RETRY_AFTER_SECS))
            }
        }
    }
}

/// `body` holding `slot` until it is dropped: once its last byte is sent, or the client left.
pub(crate) fn held(body: Body, slot: Slot) -> Body {
    Body::new(body.map_frame(move |frame| {
        let _holds = &slot;
        frame
    }))
}

/// The file at `path` as a body read from disk as the client takes it, holding `slot`.
pub(crate) async fn file_body(path: &std::path::Path, slot: Slot) -> std::io::Result<Body> {
    let file = tokio::fs::File::open(path).await?;
    let stream = tokio_util::io::ReaderStream::with_capacity(file, CHUNK);
    Ok(held(Body::from_stream(stream), slot))
}

/// A body that `write` makes on a blocking thread as the client takes it, never more than a
/// pipe's worth ahead, holding `slot` (the writer holds it too, until it stops). When the
/// client leaves, the writer's next write fails and it stops; a writer that fails otherwise
/// is logged and the body ends there.
pub(crate) fn written_body<F>(slot: Slot, write: F) -> Body
where
    F: FnOnce(Box<dyn std::io::Write + Send>) -> std::io::Result<()> + Send + 'static,
{
    let (reader, pipe) = tokio::io::duplex(CHUNK);
    let runtime = tokio::runtime::Handle::current();
    let writer_slot = slot.clone();
    tokio::task::spawn_blocking(move || {
        let _holds = writer_slot;
        let out = std::io::BufWriter::with_capacity(CHUNK, Pipe { pipe, runtime });
        if let Err(e) = write(Box::new(out)) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                tracing::info!("a download was left before its end");
            } else {
                tracing::warn!(error = %e, "a written download failed");
            }
        }
    });
    held(
        Body::from_stream(tokio_util::io::ReaderStream::with_capacity(reader, CHUNK)),
        slot,
    )
}

/// The writing end of a body's pipe, written from a blocking thread.
struct Pipe {
    pipe: tokio::io::DuplexStream,
    runtime: tokio::runtime::Handle,
}

impl std::io::Write for Pipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.runtime.block_on(self.pipe.write(buf))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.runtime.block_on(self.pipe.flush())
    }
}

/// `attachment; filename="…"; filename*=UTF-8''…`: the plain name for old clients (non-ASCII
/// and quotes replaced), the exact one percent-encoded (RFC 6266). Neither form carries control,
/// bidi or invisible characters: a browser shows `filename*`, where a right-to-left override
/// would make `x\u{202E}vsc.exe` read as `xexe.csv`. Names are cleaned when stored as well;
/// this also covers names stored before that and names the server makes itself.
pub fn disposition(file_name: &str) -> HeaderValue {
    let file_name: String = file_name
        .chars()
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .collect();
    let file_name = file_name.as_str();
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// A download of `body` as `content_type`, saved as `file_name`.
pub fn attachment(body: impl Into<Body>, content_type: &'static str, file_name: &str) -> Response {
    let mut res = (StatusCode::OK, body.into()).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CONTENT_DISPOSITION, disposition(file_name));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_safely_and_kept_exactly_in_the_encoded_form() {
        assert_eq!(
            disposition("roster.csv"),
            "attachment; filename=\"roster.csv\"; filename*=UTF-8''roster.csv"
        );
        assert_eq!(
            disposition("Gebruikers \"ok\" é.csv"),
            "attachment; filename=\"Gebruikers _ok_ _.csv\"; filename*=UTF-8''Gebruikers%20%22ok%22%20%C3%A9.csv"
        );
    }

    #[test]
    fn neither_form_carries_bidi_control_or_invisible_characters() {
        assert_eq!(
            disposition("x\u{202E}csv.exe\u{200B}\u{FEFF}\u{2067}\u{7}"),
            "attachment; filename=\"xcsv.exe\"; filename*=UTF-8''xcsv.exe"
        );
    }
}
