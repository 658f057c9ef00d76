//! Serving the two Trunk-built apps from `dist/`, with the headers a public page needs.
//!
//! Respondents, trainees and planners get different bundles, so a respondent's phone never
//! downloads the planner: `/planner` and every path under it is the planner app
//! (`dist/planner/`), `/t/{token}` the trainee app (`dist/training/`), every other non-API path
//! the respondent app (`dist/`). Unknown paths get the index page of their
//! app, which routes in the browser. Static files are served precompressed when the build wrote
//! a `.br` or `.gz` beside them (Brotli when the browser accepts it, else gzip, else as is;
//! always with `Vary: Accept-Encoding`), and never through a symlink that leads out of `dist/`.
//! Files named with Trunk's content hash are cached for a year, everything else is revalidated.
//! The Content Security Policy allows
//! only our own scripts: each app's inline loader script is allowed by its SHA-256 hash,
//! computed when the server starts, so no `unsafe-inline` is needed for scripts.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the planner app lives, under the site and under `dist/`.
pub const PLANNER_DIR: &str = "planner";

/// Where the trainee app lives under `dist/`; it serves `/t/{token}`.
pub const TRAINING_DIR: &str = "training";

/// Whether `path` belongs to the trainee app: `/t/` and everything under it.
pub fn is_training_path(path: &str) -> bool {
    path.starts_with("/t/")
}

/// Whether `path` belongs to the planner app: `/planner` and everything under it.
pub fn is_planner_path(path: &str) -> bool {
    path.strip_prefix('/')
        .and_then(|p| p.strip_prefix(PLANNER_DIR))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The built apps: where they live, their index pages and the policy that goes with them.
#[derive(Clone, Debug)]
pub struct Assets {
    dir: PathBuf,
    /// `dir` with every symlink resolved (`None` while it does not exist): files must stay in it.
    root: Option<PathBuf>,
    respondent: Arc<Page>,
    planner: Arc<Page>,
    trainee: Arc<Page>,
    csp: HeaderValue,
}

/// An app's index page, and the Brotli copy the build wrote beside it (sent as is when the
/// browser takes Brotli: smaller than what the compression layer makes of it on the fly).
#[derive(Debug)]
struct Page {
    html: String,
    br: Option<axum::body::Bytes>,
}

/// Whether a request's `Accept-Encoding` takes Brotli (named, and not with `q=0`).
pub fn accepts_br(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let refused = |p: &str| {
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            };
            parts.next() == Some("br") && !parts.any(refused)
        })
}

const NOT_BUILT: &str = r#"<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Wavegate</title></head>
<body><main><h1>Wavegate</h1>
<p lang="nl">De app is nog niet gebouwd. Start Wavegate met <code>scripts/run</code>.</p>
<p lang="en">The app has not been built yet. Start Wavegate with <code>scripts/run</code>.</p>
</main></body></html>"#;

/// An app's `index.html` (with its Brotli copy), or a page saying it is not built.
fn index_page(dir: &Path) -> Page {
    match std::fs::read_to_string(dir.join("index.html")) {
        Ok(html) => Page {
            html,
            br: std::fs::read(dir.join("index.html.br"))
                .ok()
                .map(axum::body::Bytes::from),
        },
        Err(_) => {
            tracing::warn!(dir = %dir.display(), "no built app found; run scripts/run or scripts/build-app");
            Page {
                html: NOT_BUILT.to_string(),
                br: None,
            }
        }
    }
}

/// The policy's `'sha256-…'` sources: one per inline script of the pages, each once.
fn script_hashes(pages: &[&str]) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    for page in pages {
        for script in inline_scripts(page) {
            let hash = format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
            );
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
    }
    hashes
}

impl Assets {
    /// Loads `dir/index.html` (respondents) and `dir/planner/index.html` (planners), or pages
    /// saying the apps are not built, and derives the policy covering both.
    pub fn load(dir: &Path) -> Assets {
        let respondent = index_page(dir);
        let planner = index_page(&dir.join(PLANNER_DIR));
        let trainee = index_page(&dir.join(TRAINING_DIR));
        let hashes = script_hashes(&[&respondent.html, &planner.html, &trainee.html]);
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
             frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
            hashes.join(" ")
        );
        Assets {
            dir: dir.to_path_buf(),
            root: dir.canonicalize().ok(),
            respondent: Arc::new(respondent),
            planner: Arc::new(planner),
            trainee: Arc::new(trainee),
            csp: HeaderValue::from_str(&csp)
                .unwrap_or(HeaderValue::from_static("default-src 'self'")),
        }
    }

    /// The directory files are served from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The index page of the app that handles `path` in the browser; its Brotli copy when the
    /// browser takes Brotli (`br`).
    pub fn index_response(&self, path: &str, br: bool) -> Response {
        let page = if is_planner_path(path) {
            &self.planner
        } else if is_training_path(path) {
            &self.trainee
        } else {
            &self.respondent
        };
        let mut res = match (&page.br, br) {
            (Some(bytes), true) => {
                let mut res = (StatusCode::OK, bytes.clone()).into_response();
                res.headers_mut()
                    .insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                res
            }
            _ => (StatusCode::OK, page.html.clone()).into_response(),
        };
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        res.headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        res
    }
}

/// The bodies of `<script>` elements without a `src` attribute.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let open_end = rest.find('>')?;
        let attrs = &rest[..open_end];
        if attrs.contains("src=") {
            return None;
        }
        let body = &rest[open_end + 1..];
        body.find("</script>").map(|end| &body[..end])
    })
}

/// Whether a file name carries Trunk's content hash (`name-0123456789abcdef.ext`), so it can be
/// cached forever.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The path of a request below the served directory, or `None` when it is no plain relative
/// path (`..`, backslashes, NUL, bad percent-encoding), which [`confine`] then refuses.
fn relative_path(uri_path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(uri_path)
        .decode_utf8()
        .ok()?;
    let mut out = PathBuf::new();
    for part in decoded.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." || part.contains('\\') || part.contains('\0') {
            return None;
        }
        out.push(part);
    }
    Some(out)
}

/// Whether `candidate` exists but resolves outside `root` (or is a dangling link).
async fn escapes(root: &Path, candidate: &Path) -> bool {
    if tokio::fs::symlink_metadata(candidate).await.is_err() {
        return false;
    }
    match tokio::fs::canonicalize(candidate).await {
        Ok(real) => !real.starts_with(root),
        Err(_) => true,
    }
}

/// Refuses a static file that resolves outside `dist/`: the file server follows symlinks, so a
/// link planted in `dist/` (or a linked directory) would otherwise serve any file the process
/// can read. Checks the file and its `.gz` and `.br` copies; answers 404 as for a missing file.
/// A path this check cannot judge (a backslash, `..`, bad percent-encoding) is refused too: the
/// file server reads some of those differently (a backslash is a plain name character on Unix),
/// so it must never get a path unchecked.
pub async fn confine(State(assets): State<Assets>, req: Request<Body>, next: Next) -> Response {
    let Some(rel) = relative_path(req.uri().path()) else {
        tracing::warn!("refused a static file path that cannot be checked");
        return StatusCode::NOT_FOUND.into_response();
    };
    // A directory that did not exist when the server started may have been built since.
    let root = match &assets.root {
        Some(root) => Some(root.clone()),
        None => tokio::fs::canonicalize(&assets.dir).await.ok(),
    };
    if let Some(root) = &root {
        let file = root.join(rel);
        let mut candidates = vec![file.clone()];
        for ext in ["gz", "br"] {
            let mut name = file.clone().into_os_string();
            name.push(".");
            name.push(ext);
            candidates.push(PathBuf::from(name));
        }
        for candidate in &candidates {
            if escapes(root, candidate).await {
                tracing::warn!("refused a static file that resolves outside the app directory");
                return StatusCode::NOT_FOUND.into_response();
            }
        }
    }
    next.run(req).await
}

/// Adds security and caching headers to every response, and the policy to every page.
pub async fn headers(State(assets): State<Assets>, req: Request<Body>, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let is_html = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        h.insert(header::CONTENT_SECURITY_POLICY, assets.csp.clone());
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Invitation tokens are in page URLs: never send them to another site.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    let cache = if path.starts_with("/api/") {
        "no-store"
    } else if is_hashed(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(cache));
    // The same URL is sent as Brotli, gzip or as is: caches must key on what was accepted.
    let varies = h.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    });
    if !path.starts_with("/api/") && !varies {
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_page_goes_as_its_brotli_copy_to_a_browser_that_takes_brotli() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("index.html"),
            "<!doctype html><title>x</title>",
        )
        .unwrap();
        std::fs::write(dir.path().join("index.html.br"), b"compressed").unwrap();
        let assets = Assets::load(dir.path());
        let br = assets.index_response("/r/abc", true);
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::VARY], "accept-encoding");
        let plain = assets.index_response("/r/abc", false);
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        // The planner's page was not built here: its stand-in has no copy to send.
        let planner = assets.index_response("/planner", true);
        assert!(planner.headers().get(header::CONTENT_ENCODING).is_none());

        let mut headers = axum::http::HeaderMap::new();
        for (value, takes) in [
            ("gzip, deflate, br, zstd", true),
            ("gzip;q=1.0, br;q=0.5", true),
            ("br;q=0", false),
            ("br; q=0.000, gzip", false),
            ("gzip, brotli", false),
        ] {
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(value));
            assert_eq!(accepts_br(&headers), takes, "{value}");
        }
    }

    #[test]
    fn finds_inline_scripts_only() {
        let html = r#"<script src="/a.js"></script><script type="module">init()</script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), vec!["init()"]);
    }

    #[test]
    fn the_planner_owns_its_prefix_only() {
        for p in [
            "/planner",
            "/planner/",
            "/planner/programs/x",
            "/planner/app-0123.wasm",
        ] {
            assert!(is_planner_path(p), "{p}");
        }
        for p in ["/", "/r/abc", "/plannerx", "/planners/x", "/r/planner"] {
            assert!(!is_planner_path(p), "{p}");
        }
    }

    #[test]
    fn a_request_path_maps_below_the_directory_or_not_at_all() {
        assert_eq!(
            relative_path("/planner/app%2Djs.js"),
            Some(PathBuf::from("planner/app-js.js"))
        );
        assert_eq!(relative_path("/"), Some(PathBuf::new()));
        assert_eq!(relative_path("/a/../../etc/passwd"), None);
        assert_eq!(relative_path("/a/%2e%2e/b"), None);
        assert_eq!(relative_path("/a%5cb"), None);
    }

    #[test]
    fn recognises_trunk_hashes() {
        assert!(is_hashed("/wavegate-app-3f2a1b4c5d6e7f80_bg.wasm"));
        assert!(is_hashed("/style-0123456789abcdef.css"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/sw.js"));
    }
}
