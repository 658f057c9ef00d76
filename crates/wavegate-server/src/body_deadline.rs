//! A deadline for the whole request body: a body must arrive in full within its route's
//! allowance, else the request is answered `408 timeout` (JSON) and nothing is stored.
//!
//! tower-http's `RequestBodyTimeout` times only the gap between chunks, so a client sending one
//! byte every few seconds held a request (and its connection) for as long as it liked. Here the
//! clock starts when the request's headers are in and stops the body at the deadline, however
//! steadily it trickles.

use crate::error::ApiError;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, Sleep};
use wavegate_core::api::ErrorCode;

/// The deadline of one request's body, shared by the body and the layers around it.
#[derive(Debug)]
struct Allowance {
    /// When the request's headers were in.
    started: Instant,
    /// How long after `started` the whole body may take, in milliseconds.
    millis: AtomicU64,
    /// Whether the body ran out of time.
    expired: AtomicBool,
}

impl Allowance {
    fn new(allowed: Duration) -> Allowance {
        Allowance {
            started: Instant::now(),
            millis: AtomicU64::new(millis(allowed)),
            expired: AtomicBool::new(false),
        }
    }

    fn deadline(&self) -> Instant {
        self.started + Duration::from_millis(self.millis.load(Ordering::Relaxed))
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// The body cut off at its allowance's deadline.
struct DeadlineBody {
    inner: Body,
    allowance: Arc<Allowance>,
    /// Sleeps until the deadline the timer was last set to.
    timer: Pin<Box<Sleep>>,
    set_to: Instant,
}

/// The error a body that ran out of time ends with.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive in time")]
struct TooSlow;

impl HttpBody for DeadlineBody {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        // A route may have granted more time since the last poll.
        let deadline = this.allowance.deadline();
        if deadline != this.set_to {
            this.timer.as_mut().reset(deadline);
            this.set_to = deadline;
        }
        if Instant::now() < deadline
            && let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx)
        {
            return Poll::Ready(frame.map(|f| f.map_err(Into::into)));
        }
        match this.timer.as_mut().poll(cx) {
            Poll::Ready(()) => {
                this.allowance.expired.store(true, Ordering::Relaxed);
                Poll::Ready(Some(Err(TooSlow.into())))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The answer to a request whose body ran out of time.
fn too_slow(allowed: Duration) -> ApiError {
    ApiError::new(
        ErrorCode::Timeout,
        format!(
            "the request body did not arrive within {} s; nothing was stored",
            allowed.as_secs().max(1)
        ),
    )
}

/// Middleware over every route: the body must arrive within `allowed` (a route may grant more
/// with [`allow`]); past it, the request is answered `408 timeout` whatever the handler made of
/// the broken body.
pub async fn enforce(State(allowed): State<Duration>, req: Request, next: Next) -> Response {
    if req.body().is_end_stream() {
        return next.run(req).await;
    }
    let allowance = Arc::new(Allowance::new(allowed));
    let (mut parts, body) = req.into_parts();
    parts.extensions.insert(Granted(Arc::clone(&allowance)));
    let set_to = allowance.deadline();
    let body = Body::new(DeadlineBody {
        inner: body,
        allowance: Arc::clone(&allowance),
        timer: Box::pin(tokio::time::sleep_until(set_to)),
        set_to,
    });
    let res = next.run(Request::from_parts(parts, body)).await;
    if allowance.expired.load(Ordering::Relaxed) {
        let granted = Duration::from_millis(allowance.millis.load(Ordering::Relaxed));
        return too_slow(granted).into_response();
    }
    res
}

/// The allowance of a request's body, for [`allow`] to change.
#[derive(Clone, Debug)]
struct Granted(Arc<Allowance>);

/// Route middleware: this route's body may take `allowed` in all (large uploads).
pub async fn allow(State(allowed): State<Duration>, req: Request, next: Next) -> Response {
    if let Some(Granted(allowance)) = req.extensions().get::<Granted>() {
        allowance.millis.store(millis(allowed), Ordering::Relaxed);
    }
    next.run(req).await
}
