//! The built apps' static files: Brotli before gzip before identity, `Vary: Accept-Encoding`,
//! a year's immutable caching for hashed names and revalidation for the rest, and no file
//! served through a symlink that leads out of `dist/`.

use super::{Api, app_page};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;
use wavegate_server::Store;

const HASHED: &str = "wavegate-app-0123456789abcdef.js";

/// A `dist/` with a hashed script in three encodings, the service worker and the manifest.
fn dist() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dist.path().join(name), bytes).unwrap();
    write("index.html", app_page("init()").as_bytes());
    write(HASHED, b"plain script");
    write(&format!("{HASHED}.gz"), b"\x1f\x8bgzip copy");
    write(&format!("{HASHED}.br"), b"brotli copy");
    write("sw.js", b"self.addEventListener('fetch', () => {});");
    write("manifest.webmanifest", b"{}");
    dist
}

/// Status, headers and body of a GET with the given `Accept-Encoding`.
async fn fetch(
    api: &Api,
    path: &str,
    accept: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut req = Request::get(path);
    if let Some(a) = accept {
        req = req.header(header::ACCEPT_ENCODING, a);
    }
    let res = api
        .router
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, bytes)
}

#[tokio::test]
async fn brotli_goes_to_a_browser_that_accepts_it_else_gzip_else_the_file_itself() {
    let api = Api::over(Store::in_memory().unwrap(), dist()).await;
    let path = format!("/{HASHED}");
    for (accept, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), &b"brotli copy"[..]),
        (Some("br;q=0.5, gzip"), Some("gzip"), b"\x1f\x8bgzip copy"),
        (Some("gzip"), Some("gzip"), b"\x1f\x8bgzip copy"),
        (None, None, b"plain script"),
    ] {
        let (status, headers, bytes) = fetch(&api, &path, accept).await;
        assert_eq!(status, StatusCode::OK, "{accept:?}");
        assert_eq!(
            headers
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accept:?}"
        );
        assert_eq!(bytes, body, "{accept:?}");
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .contains("javascript")
        );
        let vary: Vec<_> = headers
            .get_all(header::VARY)
            .iter()
            .map(|v| v.to_str().unwrap().to_ascii_lowercase())
            .collect();
        assert!(
            vary.iter().any(|v| v.contains("accept-encoding")),
            "{accept:?}: {vary:?}"
        );
    }
}

#[tokio::test]
async fn hashed_files_are_cached_for_a_year_and_the_rest_revalidated() {
    let api = Api::over(Store::in_memory().unwrap(), dist()).await;
    let cache = |h: &axum::http::HeaderMap| h[header::CACHE_CONTROL].to_str().unwrap().to_string();
    let (_, h, _) = fetch(&api, &format!("/{HASHED}"), Some("br")).await;
    assert_eq!(cache(&h), "public, max-age=31536000, immutable");
    for path in [
        "/",
        "/index.html",
        "/sw.js",
        "/manifest.webmanifest",
        "/r/abc",
        "/planner",
    ] {
        let (status, h, _) = fetch(&api, path, Some("br, gzip")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(cache(&h), "no-cache", "{path}");
    }
}

#[cfg(unix)]
#[tokio::test]
async fn a_symlink_out_of_dist_is_never_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), b"database password").unwrap();
    std::fs::create_dir(outside.path().join("dir")).unwrap();
    std::fs::write(outside.path().join("dir/inner.js"), b"outside script").unwrap();
    let dist = dist();
    let link = |target: &std::path::Path, name: &str| {
        std::os::unix::fs::symlink(target, dist.path().join(name)).unwrap()
    };
    link(&outside.path().join("secret.txt"), "secret.txt");
    link(&outside.path().join("dir"), "linked");
    link(
        &outside.path().join("secret.txt"),
        "style-0123456789abcdef.css.br",
    );
    std::fs::write(dist.path().join("style-0123456789abcdef.css"), b"body{}").unwrap();
    // A link that stays inside dist/ is fine.
    link(&dist.path().join("sw.js"), "sw-alias.js");
    let api = Api::over(Store::in_memory().unwrap(), dist).await;

    for (path, accept) in [
        ("/secret.txt", None),
        ("/linked/inner.js", None),
        ("/style-0123456789abcdef.css", Some("br")),
        ("/%73ecret.txt", None),
    ] {
        let (status, _, bytes) = fetch(&api, path, accept).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        let body = String::from_utf8_lossy(&bytes);
        assert!(
            !body.contains("database password") && !body.contains("outside script"),
            "{path}"
        );
    }
    let (status, _, bytes) = fetch(&api, "/sw-alias.js", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&bytes).contains("addEventListener"));
}

#[cfg(unix)]
#[tokio::test]
async fn a_path_the_symlink_check_cannot_judge_is_refused_not_served() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), b"database password").unwrap();
    let dist = dist();
    // On Unix a backslash is an ordinary character of a file name, which the file server serves.
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dist.path().join("a\\b.txt"),
    )
    .unwrap();
    std::fs::write(dist.path().join("c\\d.txt"), b"inside but unjudgeable").unwrap();
    let api = Api::over(Store::in_memory().unwrap(), dist).await;
    for path in ["/a%5cb.txt", "/a%5Cb.txt", "/c%5cd.txt"] {
        let (status, _, bytes) = fetch(&api, path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            !String::from_utf8_lossy(&bytes).contains("database password"),
            "{path}"
        );
    }
}
