//! A load generator for `bench/load`: new responses through one invitation link over N
//! keep-alive HTTP/1.1 connections for a while; prints acknowledgements per second and latency
//! percentiles, and writes the id of every acknowledged response to a file (one a line) so the
//! script can compare them with the database.
//!
//! `cargo run --release -p wavegate-server --example load -- URL TOKEN SECONDS CONNECTIONS ACKS`

use std::io::Write as _;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use wavegate_core::survey::sample::complete_response;
use wavegate_core::survey::{Attributes, Survey};

type Conn = BufReader<TcpStream>;

/// Sends one request and reads the answer: `(status, body)`.
async fn exchange(c: &mut Conn, request: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
    c.get_mut().write_all(request).await?;
    let mut line = String::new();
    if c.read_line(&mut line).await? == 0 {
        return Err(std::io::Error::other("closed"));
    }
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("status line {line:?}")))?;
    let mut length = 0usize;
    loop {
        line.clear();
        c.read_line(&mut line).await?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    c.read_exact(&mut body).await?;
    Ok((status, body))
}

fn request(method: &str, host: &str, path: &str, body: &str) -> Vec<u8> {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, token, seconds, connections, acks] = args.as_slice() else {
        return Err("usage: load URL TOKEN SECONDS CONNECTIONS ACKS-FILE".into());
    };
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let path = format!("/api/v1/respond/{token}");
    let duration = Duration::from_secs_f64(seconds.parse()?);
    let connections: usize = connections.parse()?;
    let mut first = BufReader::new(TcpStream::connect(&host).await?);
    let (status, body) = exchange(&mut first, &request("GET", &host, &path, "")).await?;
    if status != 200 {
        return Err(format!("the link answered {status}").into());
    }
    let view: serde_json::Value = serde_json::from_slice(&body)?;
    let survey: Survey = serde_json::from_value(view["survey"].clone())?;
    let attributes: Attributes = serde_json::from_value(view["attributes"].clone())?;
    let run = std::process::id();
    let deadline = Instant::now() + duration;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for conn in 0..connections {
        let (host, path, survey, attributes) = (
            host.clone(),
            path.clone(),
            survey.clone(),
            attributes.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut acked: Vec<(String, Duration)> = Vec::new();
            let mut other: Vec<u16> = Vec::new();
            let Ok(stream) = TcpStream::connect(&host).await else {
                return (acked, other);
            };
            let _ = stream.set_nodelay(true);
            let mut c = BufReader::new(stream);
            let mut n = 0u64;
            while Instant::now() < deadline {
                n += 1;
                let id = format!("load-{run}-{conn}-{n}");
                let response = complete_response(&survey, &attributes, &id, n);
                let body = serde_json::to_string(&response).unwrap_or_default();
                let t = Instant::now();
                match exchange(&mut c, &request("POST", &host, &path, &body)).await {
                    Ok((201, _)) => acked.push((id, t.elapsed())),
                    Ok((status, _)) => other.push(status),
                    // The server went away (the kill test): what was acknowledged stands.
                    Err(_) => break,
                }
            }
            (acked, other)
        }));
    }
    let mut latencies = Vec::new();
    let mut other: std::collections::BTreeMap<u16, u64> = std::collections::BTreeMap::new();
    let mut out = std::io::BufWriter::new(std::fs::File::create(acks)?);
    for t in tasks {
        let (acked, o) = t.await?;
        for status in o {
            *other.entry(status).or_default() += 1;
        }
        for (id, latency) in acked {
            writeln!(out, "{id}")?;
            latencies.push(latency);
        }
    }
    out.flush()?;
    let elapsed = started.elapsed().min(duration).as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "acknowledged {} in {elapsed:.1} s: {:.0}/s, p50 {:.1} ms, p99 {:.1} ms, other answers {other:?}",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99)
    );
    Ok(())
}
