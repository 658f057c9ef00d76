//! Extractors whose rejections are JSON [`ApiError`]s.
//!
//! axum's own extractors answer a bad request with plain text; the API promises a JSON error
//! body for every failure, so handlers take these instead.

use crate::error::ApiError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};

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
