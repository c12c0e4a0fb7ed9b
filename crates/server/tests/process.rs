//! `kuza serve` as a process, watched from outside: its memory while a
//! hostile archive is imported, and its answers while it does.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `kuza serve` on a free port, with the demo content.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn kuza(data: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kuza"));
    c.env("KUZA_DATA_DIR", data)
        .env("KUZA_LOG_LEVEL", "warn")
        .env_remove("KUZA_CONFIG");
    c
}

fn serve(data: &std::path::Path, env: &[(&str, &str)]) -> Server {
    let out = kuza(data).arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut cmd = kuza(data);
    cmd.arg("serve")
        .env("KUZA_BIND", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut address = None;
    for line in stdout.lines() {
        if let Some(a) = line.unwrap().strip_prefix("Kuza is running at http://") {
            address = Some(a.trim_end_matches('/').to_owned());
            break;
        }
    }
    Server {
        address: address.expect("the address is printed"),
        child,
    }
}

/// One HTTP/1.1 request on its own connection: the status and the body.
fn http(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String) {
    let mut s = TcpStream::connect(address).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut raw = vec![];
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// The process's peak resident memory so far, in KiB.
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/<pid>/status")
}

fn token(address: &str) -> String {
    let (status, body) = http(
        address,
        "POST",
        "/api/v1/auth/token",
        &[("Content-Type", "application/json")],
        br#"{"email":"author@example.org","password":"learn-with-kuza"}"#,
    );
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    v["access_token"].as_str().unwrap().to_owned()
}

/// A zip of a few hundred KB whose media inflate to `count` × `each` bytes
/// of zeros: more than the import's total budget.
fn bomb(count: usize, each: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("course.json", options).unwrap();
    zip.write_all(br#"{"kuza_archive":1,"slug":"bomb","format":"self_paced","level":"introductory","estimated_hours":1,"default_language":"en","languages":["en"],"title":{"en":"Bomb"},"modules":[]}"#).unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for i in 0..count {
        zip.start_file(format!("media/part-{i}.bin"), options)
            .unwrap();
        for _ in 0..each / zeros.len() {
            zip.write_all(&zeros).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

/// A hostile archive is inflated to disk, not into memory, off the request
/// threads: the server's peak memory barely moves, `/healthz` keeps
/// answering at once, the archive is refused, and nothing stays on disk.
#[test]
fn a_hostile_archive_costs_no_memory_and_stalls_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Entries up to 64 MiB, 256 MiB in all: five of 60 MiB pass the total.
    let server = serve(dir.path(), &[("KUZA_UPLOAD_MAX_MB", "64")]);
    let zip = bomb(5, 60 * 1024 * 1024);
    assert!(zip.len() < 2 * 1024 * 1024, "{} bytes", zip.len());
    let tok = token(&server.address);
    let pid = server.child.id();
    let before = peak_kib(pid);
    let address = server.address.clone();
    let import = std::thread::spawn(move || {
        http(
            &address,
            "POST",
            "/api/v1/courses/import",
            &[("Authorization", &format!("Bearer {tok}"))],
            &zip,
        )
    });
    let mut slowest = Duration::ZERO;
    while !import.is_finished() {
        let started = Instant::now();
        let (status, _) = http(&server.address, "GET", "/healthz", &[], b"");
        assert_eq!(status, 200);
        slowest = slowest.max(started.elapsed());
        std::thread::sleep(Duration::from_millis(20));
    }
    let (status, body) = import.join().unwrap();
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("archive_too_large"), "{body}");
    let grew = peak_kib(pid).saturating_sub(before);
    assert!(grew < 64 * 1024, "peak memory grew by {grew} KiB");
    assert!(
        slowest < Duration::from_millis(500),
        "/healthz took {slowest:?}"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("uploads"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "left behind: {left:?}");
}
