//! Running the real `wavegate serve` binary in tests and talking HTTP/1.1 to it.

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `wavegate serve`.
pub struct Server {
    child: Child,
    addr: String,
    /// The lines it printed at start, up to "Press Ctrl-C to stop.".
    pub banner: Vec<String>,
}

/// The `wavegate serve` command on a database and app directory, with a clean environment (a
/// developer's own `WAVEGATE_DEMO_PASSWORD` must not leak into a test).
pub fn serve_command(db: &std::path::Path, dist: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wavegate"));
    cmd.args(["serve", "--addr", "127.0.0.1:0", "--demo", "--db"])
        .arg(db)
        .arg("--dist")
        .arg(dist)
        .env_remove("WAVEGATE_DEMO_PASSWORD")
        .env("WAVEGATE_LOG", "warn");
    cmd
}

/// `wavegate admin create-token` on a database: a planner API token for the tests.
pub fn planner_token(db: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_wavegate"))
        .args([
            "admin",
            "create-token",
            "--role",
            "planner",
            "--name",
            "tests",
            "--db",
        ])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

impl Server {
    /// Starts `cmd` (see [`serve_command`]) and waits until it says where it listens.
    pub fn start(mut cmd: Command) -> Server {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("wavegate starts");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut banner = Vec::new();
        loop {
            let mut line = String::new();
            if stdout.read_line(&mut line).unwrap() == 0 {
                panic!("wavegate stopped while starting: {banner:?}");
            }
            let line = line.trim_end().to_string();
            let done = line.starts_with("Press Ctrl-C") || line.starts_with("Druk op Ctrl-C");
            banner.push(line);
            if done {
                break;
            }
        }
        // Keep reading what the server prints, as a terminal would.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let addr = (banner[0].strip_prefix("Wavegate is running at http://"))
            .or_else(|| banner[0].strip_prefix("Wavegate draait op http://"))
            .unwrap_or_else(|| panic!("unexpected first line: {:?}", banner[0]))
            .to_string();
        Server {
            child,
            addr,
            banner,
        }
    }

    /// One HTTP/1.1 request, with `Authorization: Bearer <token>` when a token is given;
    /// returns the status and the JSON body (`null` when it is not JSON).
    pub fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        bearer: Option<&str>,
    ) -> (u16, serde_json::Value) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let body = body.unwrap_or("");
        let auth = bearer
            .map(|t| format!("Authorization: Bearer {t}\r\n"))
            .unwrap_or_default();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        )
        .unwrap();
        let mut raw = String::new();
        stream.read_to_string(&mut raw).unwrap();
        let (head, payload) = raw.split_once("\r\n\r\n").unwrap();
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        let payload = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(payload)
        } else {
            payload.to_string()
        };
        (
            status,
            serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
        )
    }

    /// One HTTP/1.1 request with any body, as a planner's script sends it (`Authorization:
    /// Bearer <token>`); returns the status, the headers (names lowercase) and the body bytes.
    pub fn request_raw(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &[u8],
        bearer: &str,
    ) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nAuthorization: Bearer {bearer}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            self.addr,
            body.len()
        )
        .unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut payload = raw[split + 4..].to_vec();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split_whitespace().nth(1).unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            payload = dechunk_bytes(&payload);
        }
        (status.parse().unwrap(), headers, payload)
    }

    /// Stops the process with SIGKILL: it gets no chance to flush anything.
    pub fn kill_9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

/// A test's server stops with the test: left running, every `cargo test` left a `wavegate
/// serve` behind for good.
impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&tail[..n]);
        rest = &tail[n + 2..];
    }
    out
}

fn dechunk_bytes(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(end) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&rest[..end]).unwrap();
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.extend_from_slice(&rest[end + 2..end + 2 + n]);
        rest = &rest[end + 2 + n + 2..];
    }
    out
}
