//! The accept loop: a cap on open connections (never above what the process's file-descriptor
//! limit leaves room for) and on connections per client address, and a time limit on reading
//! each request's headers, so slow or half-open clients cannot hold the server (`axum::serve`
//! has none of these).

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// Limits on connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Connections open at once; more wait in the listen backlog until one closes. Never more
    /// than the file-descriptor limit leaves room for (see [`connection_cap`]).
    pub max_connections: usize,
    /// Connections open at once from one client address; more from it are closed at once, so
    /// one address cannot take every connection. Behind a reverse proxy every client has the
    /// proxy's address: raise it to `max_connections` there.
    pub max_per_address: usize,
    /// Time for a request's headers to arrive, also while a kept-alive connection idles.
    pub header_read: Duration,
    /// Time for a request's whole body to arrive (routes of large bodies allow more), else
    /// `408 timeout`.
    pub body_read: Duration,
    /// Time in-flight requests get to finish after a shutdown signal.
    pub drain: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> ConnectionLimits {
        ConnectionLimits {
            max_connections: 512,
            max_per_address: 128,
            header_read: Duration::from_secs(10),
            body_read: crate::BODY_DEADLINE,
            drain: Duration::from_secs(10),
        }
    }
}

/// File descriptors kept free for everything but connections: the database with its journal,
/// uploads being staged and stored, the files an evaluation reads, the listener itself.
pub const RESERVED_DESCRIPTORS: u64 = 64;

/// The most connections a process may hold when it allows `fd_limit` open files and has
/// `open` of them open already: `configured`, but at most what leaves
/// [`RESERVED_DESCRIPTORS`] free (and at least one).
pub fn connection_cap(configured: usize, fd_limit: Option<u64>, open: u64) -> usize {
    let Some(limit) = fd_limit else {
        return configured.max(1);
    };
    let room = limit.saturating_sub(open.saturating_add(RESERVED_DESCRIPTORS));
    configured
        .min(usize::try_from(room).unwrap_or(usize::MAX))
        .max(1)
}

/// The process's limit on open files (the soft `RLIMIT_NOFILE`); `None` when unlimited or
/// unknown.
fn open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        use nix::sys::resource::{Resource, getrlimit};
        match getrlimit(Resource::RLIMIT_NOFILE) {
            Ok((soft, _)) if soft != nix::sys::resource::RLIM_INFINITY => Some(soft),
            _ => None,
        }
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// How many files the process has open now (a guess where the system does not say).
fn open_files() -> u64 {
    std::fs::read_dir("/proc/self/fd").map_or(16, |dir| dir.count() as u64)
}

/// The connections open per client address.
#[derive(Debug, Default)]
struct PerAddress {
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One connection counted against its address until dropped.
struct Counted {
    table: Arc<PerAddress>,
    ip: IpAddr,
}

impl PerAddress {
    /// Counts a connection from `ip`, or `None` when `ip` has `cap` open already.
    fn admit(self: &Arc<Self>, ip: IpAddr, cap: usize) -> Option<Counted> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let n = open.entry(ip).or_insert(0);
        if *n >= cap {
            return None;
        }
        *n += 1;
        Some(Counted {
            table: Arc::clone(self),
            ip,
        })
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        let mut open = self.table.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = open.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets open requests finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let max = connection_cap(limits.max_connections, open_file_limit(), open_files());
    if max < limits.max_connections {
        tracing::warn!(
            configured = limits.max_connections,
            max,
            "the open-file limit (ulimit -n) leaves room for fewer connections; raise it to allow more"
        );
    }
    crate::auth::password::prepare_dummy();
    let per_address = limits.max_per_address.clamp(1, max);
    let permits = Arc::new(Semaphore::new(max));
    let addresses = Arc::new(PerAddress::default());
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => p.map_err(std::io::Error::other)?,
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(counted) = addresses.admit(crate::limits::rate_key(peer.ip()), per_address) else {
            // Closed at once: its address holds its share already.
            tracing::debug!(peer = %peer.ip(), "connection refused: too many from this address");
            continue;
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            // The peer address feeds the per-address limits.
            req.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(req)
        });
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_read)
            .serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(counted);
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.drain) => {
            tracing::warn!("requests still open after the drain time; stopping anyway");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_stay_below_the_open_file_limit_with_room_to_spare() {
        // `ulimit -n 200` with 20 files open: 116 connections, not the 512 asked for.
        assert_eq!(connection_cap(512, Some(200), 20), 116);
        assert_eq!(connection_cap(512, Some(1_048_576), 20), 512);
        assert_eq!(connection_cap(512, None, 20), 512);
        assert_eq!(connection_cap(512, Some(50), 20), 1, "at least one");
        // This process's own limit.
        let cap = connection_cap(usize::MAX, open_file_limit(), open_files());
        if let Some(limit) = open_file_limit() {
            assert!((cap as u64) <= limit.saturating_sub(RESERVED_DESCRIPTORS).max(1));
        }
    }

    #[test]
    fn one_address_gets_its_share_and_the_next_connection_when_one_closes() {
        let table = Arc::new(PerAddress::default());
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let first = table.admit(a, 2).unwrap();
        let _second = table.admit(a, 2).unwrap();
        assert!(table.admit(a, 2).is_none());
        assert!(
            table.admit(b, 2).is_some(),
            "another address is not held up"
        );
        drop(first);
        assert!(table.admit(a, 2).is_some());
    }
}
