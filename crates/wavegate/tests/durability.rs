//! A response the server acknowledged survives `kill -9` of the server process.
//!
//! Runs the real `wavegate serve` binary on a temporary database, submits a response over HTTP,
//! kills the process with SIGKILL right after the acknowledgement (no graceful shutdown, no
//! checkpoint), starts a new server on the same file and checks the response is there.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const TOKEN: &str = "durability-planner-token-0123456789";

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(db: &std::path::Path, dist: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wavegate"))
            .args(["serve", "--addr", "127.0.0.1:0", "--demo", "--db"])
            .arg(db)
            .arg("--dist")
            .arg(dist)
            .env("WAVEGATE_ADMIN_TOKEN", TOKEN)
            .env("WAVEGATE_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("wavegate starts");
        let mut first = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut first).unwrap();
        // Keep reading what the server prints, as a terminal would.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        let addr = first
            .trim()
            .strip_prefix("Wavegate is running at http://")
            .unwrap_or_else(|| panic!("unexpected first line: {first:?}"))
            .to_string();
        Server { child, addr }
    }

    /// One HTTP/1.1 request; returns the status and the body.
    fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        planner: bool,
    ) -> (u16, serde_json::Value) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let body = body.unwrap_or("");
        let auth = if planner {
            format!("Authorization: Bearer {TOKEN}\r\n")
        } else {
            String::new()
        };
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

    fn responses(&self) -> u64 {
        let (_, programs) = self.request("GET", "/api/v1/programs", None, true);
        programs[0]["surveys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["survey_id"] == "pilot-feedback")
            .unwrap()["responses"]
            .as_u64()
            .unwrap()
    }

    fn kill_9(mut self) {
        // Child::kill sends SIGKILL on Unix: the process gets no chance to flush anything.
        self.child.kill().unwrap();
        self.child.wait().unwrap();
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

#[test]
fn an_acknowledged_response_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wavegate.sqlite");
    let server = Server::start(&db, dir.path());
    let before = server.responses();

    let (status, links) = server.request(
        "POST",
        "/api/v1/programs/demo/surveys/pilot-feedback/invitations",
        Some(r#"{"invitations":[{"person_id":"kill-9","attributes":{"platform":"Android","wave":"pilot"}}]}"#),
        true,
    );
    assert_eq!(status, 201);
    let token = links[0]["token"].as_str().unwrap().to_string();
    let (_, view) = server.request("GET", &format!("/api/v1/respond/{token}"), None, false);
    let survey: wavegate_core::survey::Survey =
        serde_json::from_value(view["survey"].clone()).unwrap();
    let attributes: wavegate_core::survey::Attributes =
        serde_json::from_value(view["attributes"].clone()).unwrap();
    let response = wavegate_core::survey::sample::complete_response(
        &survey,
        &attributes,
        "0badc0ffee0badc0ffee0badc0ffee00",
        42,
    );
    let body = serde_json::to_string(&response).unwrap();
    let (status, ack) = server.request(
        "POST",
        &format!("/api/v1/respond/{token}"),
        Some(&body),
        false,
    );
    assert_eq!(status, 201, "{ack}");
    server.kill_9();

    let server = Server::start(&db, dir.path());
    assert_eq!(
        server.responses(),
        before + 1,
        "the acknowledged response is stored"
    );
    let (_, view) = server.request("GET", &format!("/api/v1/respond/{token}"), None, false);
    assert_eq!(view["submitted"]["response_id"], ack["response_id"]);
    // The app resends after a lost acknowledgement: still exactly one response.
    let (status, again) = server.request(
        "POST",
        &format!("/api/v1/respond/{token}"),
        Some(&body),
        false,
    );
    assert_eq!(
        (status, &again["duplicate"]),
        (200, &serde_json::Value::Bool(true))
    );
    assert_eq!(server.responses(), before + 1);
    server.kill_9();
}
