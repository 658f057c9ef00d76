//! Slow clients: half-sent headers, a body that trickles in or stalls after its headers, and
//! one address holding many connections. Each is dropped in time (a request whose body is late
//! gets a JSON `408 timeout`), and the server keeps answering everyone else.

use super::{Api, assert_error};
use crate::support::Auth;
use axum::body::Body;
use axum::http::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream};
use tokio::net::{TcpSocket, TcpStream};
use wavegate_server::limits::RateLimits;
use wavegate_server::listen::ConnectionLimits;
use wavegate_server::{Config, Server, Store};

/// Reads until the server closes the connection; how long that took.
async fn closed_after(stream: &mut TcpStream) -> Duration {
    let started = Instant::now();
    let mut buf = [0u8; 256];
    loop {
        match tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf)).await {
            Ok(Ok(0) | Err(_)) => return started.elapsed(),
            Ok(Ok(_)) => {}
            Err(_) => panic!("the server kept a slow client for 10 s"),
        }
    }
}

#[tokio::test]
async fn a_slow_client_is_dropped_and_the_connection_cap_does_not_starve_health() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::bind(Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        db: dir.path().join("w.db"),
        dist: dir.path().join("dist"),
        demo: false,
        demo_password: None,
        public_url: None,
        connections: ConnectionLimits {
            max_connections: 4,
            header_read: Duration::from_secs(1),
            drain: Duration::from_secs(1),
            ..ConnectionLimits::default()
        },
        rate_limits: RateLimits::default(),
    })
    .await
    .unwrap();
    let addr = server.url.trim_start_matches("http://").to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run_until(async {
        let _ = stopped.await;
    }));
    // Four clients take every connection: one sends half a header, three send nothing.
    let mut slow = Vec::new();
    for i in 0..4 {
        let mut s = TcpStream::connect(&addr).await.unwrap();
        if i == 0 {
            s.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
                .await
                .unwrap();
        }
        slow.push(s);
    }
    // A well-behaved client waits for a free connection rather than failing.
    let health = {
        let addr = addr.clone();
        tokio::spawn(async move {
            let started = Instant::now();
            let mut s = TcpStream::connect(&addr).await.unwrap();
            s.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .await
                .unwrap();
            let mut answer = String::new();
            s.read_to_string(&mut answer).await.unwrap();
            (answer, started.elapsed())
        })
    };
    for s in &mut slow {
        let took = closed_after(s).await;
        assert!(took < Duration::from_secs(3), "dropped after {took:?}");
    }
    let (answer, took) = health.await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(took < Duration::from_secs(5), "health waited {took:?}");
    stop.send(()).unwrap();
    running.await.unwrap().unwrap();
}

/// A body that sends `bytes` one at a time, `every` apart, then ends (or never sends anything
/// when `bytes` is empty, and never ends while the returned writer lives).
fn trickle(bytes: Vec<u8>, every: Duration) -> (Body, tokio::task::JoinHandle<DuplexStream>) {
    let (mut tx, rx) = tokio::io::duplex(64);
    let sender = tokio::spawn(async move {
        for b in bytes {
            if tx.write_all(&[b]).await.is_err() {
                break;
            }
            tokio::time::sleep(every).await;
        }
        tx
    });
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(rx));
    (body, sender)
}

async fn quick(deadline: Duration) -> Api {
    let store = Store::in_memory().unwrap();
    wavegate_server::seed_demo(&store, "http://wavegate.test")
        .await
        .unwrap();
    Api::over_with(store, tempfile::tempdir().unwrap(), |s| {
        s.with_body_deadline(deadline)
    })
    .await
}

#[tokio::test]
async fn a_body_that_trickles_or_stalls_past_the_deadline_gets_a_json_408() {
    let deadline = Duration::from_millis(600);
    let api = quick(deadline).await;
    let token = api.invitation("slow-sam").await;
    for (what, method, path, bytes) in [
        // One byte every 100 ms: never a long gap, yet the whole body is late.
        (
            "trickling response",
            "POST",
            format!("/api/v1/respond/{token}"),
            vec![b' '; 100],
        ),
        (
            "stalled response",
            "POST",
            format!("/api/v1/respond/{token}"),
            vec![],
        ),
        (
            "stalled draft",
            "PUT",
            format!("/api/v1/respond/{token}/draft"),
            vec![b'{'],
        ),
        (
            "stalled sign-in",
            "POST",
            "/api/v1/session".to_string(),
            vec![],
        ),
    ] {
        let (body, sender) = trickle(bytes, Duration::from_millis(100));
        let started = Instant::now();
        let r = tokio::time::timeout(
            deadline * 4,
            api.call(method, &path, Auth::None, Some("application/json"), body),
        )
        .await
        .unwrap_or_else(|_| panic!("{what}: no answer after {:?}", deadline * 4));
        let took = started.elapsed();
        assert_error(&r, StatusCode::REQUEST_TIMEOUT, "timeout");
        assert!(
            took >= deadline && took < deadline * 4,
            "{what}: answered after {took:?}"
        );
        sender.abort();
    }
    assert_eq!(
        api.get(&format!("/api/v1/respond/{token}"), false)
            .await
            .body["submitted"],
        serde_json::Value::Null,
        "nothing was stored"
    );
}

#[tokio::test]
async fn a_slow_body_within_the_deadline_is_taken_and_program_files_get_longer() {
    let api = quick(Duration::from_millis(1_500)).await;
    let token = api.invitation("steady-sue").await;
    let response = super::valid_response(&api, &token, "0123456789abcdef0123456789abcdef").await;
    let json = response.to_string().into_bytes();
    let every = Duration::from_millis(400) / u32::try_from(json.len()).unwrap();
    let (body, _) = trickle(json, every);
    let r = api
        .call(
            "POST",
            &format!("/api/v1/respond/{token}"),
            Auth::None,
            Some("application/json"),
            body,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);

    // A program file may take far longer than the default deadline.
    let api = quick(Duration::from_millis(300)).await;
    let roster = crate::support::demo_roster().into_bytes();
    let every = Duration::from_millis(900) / u32::try_from(roster.len()).unwrap();
    let (body, _) = trickle(roster, every);
    let r = api
        .call(
            "PUT",
            "/api/v1/programs/demo/files/roster?dry_run=true",
            Auth::Planner,
            Some("text/csv"),
            body,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

/// A server on a free port of 127.0.0.1; its address, and how to stop it.
async fn serving(
    connections: ConnectionLimits,
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::bind(Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        db: dir.path().join("w.db"),
        dist: dir.path().join("dist"),
        demo: false,
        demo_password: None,
        public_url: None,
        connections,
        rate_limits: RateLimits::default(),
    })
    .await
    .unwrap();
    let addr = server.url.trim_start_matches("http://").to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run_until(async {
        let _ = stopped.await;
    }));
    (addr, stop, running, dir)
}

/// A connection to `addr` from the local address `from` (any of 127.0.0.0/8 is this machine).
async fn connect_from(from: &str, addr: &str) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    socket.connect(addr.parse().unwrap()).await.unwrap()
}

/// Everything the server sends until it closes the connection (at most 10 s).
async fn answer(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf)).await {
            Ok(Ok(0) | Err(_)) => return String::from_utf8_lossy(&out).into_owned(),
            Ok(Ok(n)) => out.extend_from_slice(&buf[..n]),
            Err(_) => panic!("the server kept a stalled client for 10 s"),
        }
    }
}

#[tokio::test]
async fn one_address_stalling_draft_bodies_cannot_starve_another_and_each_gets_a_json_408() {
    let (addr, stop, running, _dir) = serving(ConnectionLimits {
        max_connections: 16,
        max_per_address: 4,
        header_read: Duration::from_secs(10),
        body_read: Duration::from_secs(2),
        drain: Duration::from_secs(1),
    })
    .await;
    // Ten connections from one address send a draft's headers and one byte of its 60,000,
    // then stall.
    let mut stalled = Vec::new();
    for _ in 0..10 {
        let mut s = connect_from("127.0.0.1", &addr).await;
        let _ = s
            .write_all(
                b"PUT /api/v1/respond/0123456789abcdef0123456789abcdef/draft HTTP/1.1\r\n\
                  Host: x\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{",
            )
            .await;
        stalled.push(s);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // Another address is served at once.
    let started = Instant::now();
    let mut health = connect_from("127.0.0.2", &addr).await;
    health
        .write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let reply = answer(&mut health).await;
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert!(
        started.elapsed() < Duration::from_millis(1_500),
        "{:?}",
        started.elapsed()
    );
    // The address's four connections get a JSON 408 at the body deadline; the rest were closed
    // at once.
    let mut timed_out = 0;
    for s in &mut stalled {
        let reply = answer(s).await;
        if reply.is_empty() {
            continue;
        }
        assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
        assert!(reply.contains("\"code\":\"timeout\""), "{reply}");
        timed_out += 1;
    }
    assert_eq!(timed_out, 4);
    stop.send(()).unwrap();
    running.await.unwrap().unwrap();
}
