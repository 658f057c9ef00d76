//! Reading a request: extractors whose rejections are JSON [`ApiError`]s (the body as JSON or
//! bytes, the query and the path), and the body's media type.
//!
//! axum's own extractors answer a bad request with plain text; the API promises a JSON error
//! body for every failure, so handlers take these instead.

use crate::error::ApiError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;

/// `Json<T>` whose rejections are [`ApiError`]s (`invalid_json`, `invalid_body`, …).
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    axum::Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(value) = axum::Json::<T>::from_request(req, state).await?;
        Ok(ApiJson(value))
    }
}

/// The raw body (`Bytes`) whose rejections are [`ApiError`]s (`payload_too_large` over the
/// route's limit).
#[derive(Debug)]
pub struct ApiBytes(pub axum::body::Bytes);

impl<S: Send + Sync> FromRequest<S> for ApiBytes {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state).await?;
        Ok(ApiBytes(bytes))
    }
}

/// `Query<T>` whose rejections are [`ApiError`]s (`invalid_query`).
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(value) = Query::<T>::from_request_parts(parts, state).await?;
        Ok(ApiQuery(value))
    }
}

/// `Path<T>` whose rejections are [`ApiError`]s (`invalid_path`).
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(value) = Path::<T>::from_request_parts(parts, state).await?;
        Ok(ApiPath(value))
    }
}

/// The client's address as the TCP connection shows it, as per-address limits count it
/// ([`crate::limits::rate_key`]: an IPv6 address by its /64), or `unknown` when the server
/// runs without connection info, as in router tests that do not set it. A proxy in front
/// makes every client look the same: per-address limits then apply to the proxy as a whole.
#[derive(Debug, Clone)]
pub struct PeerAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PeerAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let addr = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map_or_else(
                || "unknown".to_string(),
                |c| crate::limits::rate_key(c.0.ip()).to_string(),
            );
        Ok(PeerAddr(addr))
    }
}

impl PeerAddr {
    /// The address for per-address limits (unspecified when unknown, so all such requests
    /// share one allowance).
    pub fn ip(&self) -> std::net::IpAddr {
        self.0
            .parse()
            .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
    }
}

/// The language for messages a person reads in an answer: `?lang=`, else the first language of
/// `Accept-Language` Wavegate speaks, else English (the API's default).
pub fn request_lang(
    query: Option<wavegate_core::i18n::Lang>,
    headers: &axum::http::HeaderMap,
) -> wavegate_core::i18n::Lang {
    use wavegate_core::i18n::Lang;
    query
        .or_else(|| {
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| {
                    v.split(',')
                        .map(|part| part.split(';').next().unwrap_or("").trim())
                        .find_map(Lang::parse)
                })
        })
        .unwrap_or(Lang::En)
}

/// The media type of the request body, lower case and without parameters (`text/csv` for
/// `Text/CSV; charset=utf-8`); empty when there is no `Content-Type`.
pub fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}
