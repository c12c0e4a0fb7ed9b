//! `kuza serve` as a process, watched from outside: its memory while a
//! hostile archive is imported, and its answers while it does; SIGTERM
//! under load (every connection it took answered, no acknowledged write
//! lost, nothing logged as an error); SIGKILL (its job taken over by
//! another process once the lease has passed).

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

/// Starts `kuza serve` on `data` with `env` (after `kuza demo`), its log
/// in `serve.log` there.
fn serve(data: &std::path::Path, env: &[(&str, &str)]) -> Server {
    run(kuza(data).arg("demo").envs(env.iter().copied()));
    serve_logged(
        data,
        env,
        std::fs::File::create(data.join("serve.log")).unwrap(),
    )
}

fn serve_logged(data: &std::path::Path, env: &[(&str, &str)], log: std::fs::File) -> Server {
    let mut cmd = kuza(data);
    cmd.arg("serve")
        .env("KUZA_BIND", "127.0.0.1:0")
        .env("KUZA_LOG_LEVEL", "info")
        .stdout(Stdio::piped())
        .stderr(log);
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

/// One HTTP/1.1 request on its own connection: the status and the whole
/// body, or what became of it when no answer came.
fn exchange(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<(u16, Vec<u8>), Fate> {
    let Ok(mut s) = TcpStream::connect(address) else {
        return Err(Fate::Refused);
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(60)));
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    if s.write_all(head.as_bytes())
        .and_then(|()| s.write_all(body))
        .is_err()
    {
        return Err(Fate::Dropped);
    }
    let mut raw = vec![];
    let _ = s.read_to_end(&mut raw);
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n");
    let status = std::str::from_utf8(&raw[..end.unwrap_or(0)])
        .ok()
        .filter(|h| h.starts_with("HTTP/1.1 "))
        .and_then(|h| h.split(' ').nth(1))
        .and_then(|c| c.parse().ok());
    match (status, end) {
        (Some(status), Some(end)) => Ok((status, raw[end + 4..].to_vec())),
        _ => Err(Fate::Dropped),
    }
}

/// [`exchange`], answered: the status and the body as text.
fn http(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String) {
    let (status, body) = exchange(address, method, path, headers, body)
        .unwrap_or_else(|fate| panic!("{method} {path}: {fate:?}"));
    (status, String::from_utf8_lossy(&body).into_owned())
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

/// A hostile archive is inflated to disk, not into memory: the server's
/// peak memory barely moves, `/healthz` keeps answering while it is read,
/// the archive is refused, and nothing stays on disk.
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
    while !import.is_finished() {
        let (status, _) = http(&server.address, "GET", "/healthz", &[], b"");
        assert_eq!(status, 200);
        std::thread::sleep(Duration::from_millis(20));
    }
    let (status, body) = import.join().unwrap();
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("archive_too_large"), "{body}");
    let grew = peak_kib(pid).saturating_sub(before);
    assert!(grew < 64 * 1024, "peak memory grew by {grew} KiB");
    let left: Vec<_> = std::fs::read_dir(dir.path().join("uploads"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// What became of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// No connection: the server no longer listens.
    Refused,
    /// Connected and sent, and the connection closed with no answer.
    Dropped,
    Answered(u16),
}

/// One request on a new connection, and what became of it.
fn attempt(address: &str, method: &str, path: &str, body: &[u8]) -> Fate {
    let json = [("Content-Type", "application/json")];
    match exchange(address, method, path, &json, body) {
        Ok((status, _)) => Fate::Answered(status),
        Err(fate) => fate,
    }
}

/// The database a process test runs on: a fresh PostgreSQL database when
/// the suite runs on PostgreSQL (`KUZA_TEST_DATABASE_URL`), dropped after;
/// otherwise a SQLite file in `data`.
struct Database {
    url: String,
    postgres: Option<(String, String)>,
}

impl Database {
    fn new(data: &std::path::Path, tag: &str) -> Database {
        let base = std::env::var("KUZA_TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .map(|b| b.trim_end_matches('/').to_owned());
        match base {
            Some(base) => {
                let name = format!("kuza_test_{tag}_{}", std::process::id());
                run(Command::new("psql").arg(format!("{base}/postgres")).args([
                    "-qX",
                    "-c",
                    &format!("CREATE DATABASE {name}"),
                ]));
                Database {
                    url: format!("{base}/{name}"),
                    postgres: Some((base, name)),
                }
            }
            None => {
                std::fs::create_dir_all(data).unwrap();
                Database {
                    url: format!("sqlite://{}", data.join("kuza.db").display()),
                    postgres: None,
                }
            }
        }
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Some((base, name)) = &self.postgres {
            let _ = Command::new("psql")
                .arg(format!("{base}/postgres"))
                .args([
                    "-qX",
                    "-c",
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                ])
                .output();
        }
    }
}

/// SIGTERM under load, as behind a load balancer that checks `/readyz`
/// every 50 ms and sends no new connection once it fails: twelve clients
/// read course pages (each view counted) and four sign up, every request on
/// a new connection. Nothing the server took goes unanswered, it answers
/// while it drains, every sign-up it acknowledged is stored, the last view
/// counts and jobs are written after the HTTP workers stopped without an
/// error logged, and it exits cleanly. On the suite's database.
#[test]
fn sigterm_under_load_answers_what_it_took_and_loses_no_acknowledged_write() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let db = Database::new(dir.path(), "sigterm");
    let env = [
        ("KUZA_DATABASE_URL", db.url.as_str()),
        ("KUZA_SHUTDOWN_DRAIN_MS", "1000"),
    ];
    let mut server = serve(dir.path(), &env);
    let address = server.address.clone();
    // The load balancer: /readyz every 50 ms.
    let away = Arc::new(AtomicBool::new(false));
    let balancer = {
        let (address, away) = (address.clone(), away.clone());
        std::thread::spawn(move || {
            loop {
                let fate = attempt(&address, "GET", "/readyz", b"");
                if fate != Fate::Answered(200) {
                    away.store(true, Ordering::Release);
                    return fate;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    let mut clients = vec![];
    for c in 0..16 {
        let (address, away) = (address.clone(), away.clone());
        clients.push(std::thread::spawn(move || {
            let mut seen = vec![];
            for i in 0.. {
                if away.load(Ordering::Acquire) {
                    break;
                }
                let started = Instant::now();
                let (email, fate) = if c < 4 {
                    let email = format!("load-{c}-{i}@example.org");
                    let body = format!(
                        r#"{{"email":"{email}","password":"steady-copper-window-9","display_name":"Load","language":"en","country":"KE"}}"#
                    );
                    let fate = attempt(&address, "POST", "/api/v1/auth/register", body.as_bytes());
                    (Some(email), fate)
                } else {
                    (None, attempt(&address, "GET", "/courses/urban-planning-basics", b""))
                };
                seen.push((email, started, fate));
                if fate == Fate::Refused {
                    // The server is gone: a balancer would have noticed.
                    break;
                }
            }
            seen
        }));
    }
    std::thread::sleep(Duration::from_millis(1500));
    let signalled = Instant::now();
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = loop {
        if let Some(s) = server.child.try_wait().unwrap() {
            break s;
        }
        assert!(
            signalled.elapsed() < Duration::from_secs(30),
            "kuza did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    // What the balancer saw: the server, draining, said it was not ready.
    let told = balancer.join().unwrap();
    let seen: Vec<(Option<String>, Instant, Fate)> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    let log = std::fs::read_to_string(dir.path().join("serve.log")).unwrap();
    assert!(exit.success(), "exit status {exit}\n{log}");
    assert!(seen.len() > 100, "the load ran: {} requests", seen.len());
    let lost: Vec<_> = seen
        .iter()
        .filter(|(_, _, f)| matches!(f, Fate::Dropped | Fate::Refused))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} requests not answered, the first: {:?}",
        lost.len(),
        seen.len(),
        &lost[..lost.len().min(3)]
    );
    assert_eq!(told, Fate::Answered(503), "answers while draining");
    let errors: Vec<&str> = log.lines().filter(|l| l.contains("ERROR")).collect();
    assert!(errors.is_empty(), "errors logged: {errors:#?}");
    assert!(log.contains("job worker stopped"), "{log}");
    // Every acknowledged sign-up is stored, and the views were written.
    let acknowledged: Vec<&String> = seen
        .iter()
        .filter(|(_, _, f)| *f == Fate::Answered(202))
        .filter_map(|(e, _, _)| e.as_ref())
        .collect();
    let (stored, views): (Vec<String>, i64) = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async {
            use sea_orm::{ConnectionTrait, Statement};
            let conn = kuza_db::connect(&db.url, 1).await.unwrap();
            let q = |sql: &str| Statement::from_string(conn.get_database_backend(), sql.to_owned());
            let emails = conn
                .query_all(q("SELECT email FROM users WHERE email LIKE 'load-%'"))
                .await
                .unwrap()
                .iter()
                .map(|r| r.try_get_by_index::<String>(0).unwrap())
                .collect();
            let views: i64 = conn
                .query_one(q("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM view_counts WHERE subject = 'course'"))
                .await
                .unwrap()
                .unwrap()
                .try_get_by_index(0)
                .unwrap();
            conn.close().await.unwrap();
            (emails, views)
        });
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|e| !stored.contains(e))
        .collect();
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    let pages = seen
        .iter()
        .filter(|(e, _, f)| e.is_none() && *f == Fate::Answered(200))
        .count() as i64;
    assert_eq!(
        views, pages,
        "every page view counted, the last ones at shutdown"
    );
}

/// A process killed while it runs a job leaves the job claimed; another
/// process takes it over once the lease has passed, and the email goes out
/// once from there.
#[test]
fn a_killed_processs_job_is_taken_over_after_its_lease() {
    let dir = tempfile::tempdir().unwrap();
    // An SMTP server that takes the connection and never answers: the
    // first process's worker hangs in the send.
    let hang = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let smtp = format!("smtp://{}", hang.local_addr().unwrap());
    let fast = [
        ("KUZA_JOB_POLL_INTERVAL_MS", "100"),
        ("KUZA_JOB_LEASE_SECONDS", "3"),
    ];
    let mut env = fast.to_vec();
    env.push(("KUZA_SMTP_URL", &smtp));
    let mut first = serve_logged(
        dir.path(),
        &env,
        std::fs::File::create(dir.path().join("first.log")).unwrap(),
    );
    let (status, body) = http(
        &first.address,
        "POST",
        "/api/v1/auth/register",
        &[("Content-Type", "application/json")],
        br#"{"email":"taken.over@example.org","password":"steady-copper-window-9","display_name":"T","language":"en","country":"KE"}"#,
    );
    assert_eq!(status, 202, "{body}");
    // The first process's worker connects to send: it holds the job now.
    let (_held, _) = hang.accept().unwrap();
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    let _second = serve_logged(
        dir.path(),
        &fast,
        std::fs::File::create(dir.path().join("second.log")).unwrap(),
    );
    // Until the job's outcome is recorded: claimed twice (the killed
    // process, then the second after the lease), done once.
    let url = format!("sqlite://{}", dir.path().join("kuza.db").display());
    let job = |sql: &'static str| {
        let url = url.clone();
        tokio::runtime::Runtime::new()
            .unwrap()
            .block_on(async move {
                use sea_orm::{ConnectionTrait, Statement};
                let conn = kuza_db::connect(&url, 1).await.unwrap();
                let row = conn
                    .query_one(Statement::from_string(conn.get_database_backend(), sql))
                    .await
                    .unwrap()
                    .unwrap();
                let out: (String, i32) = (
                    row.try_get_by_index(0).unwrap(),
                    row.try_get_by_index(1).unwrap(),
                );
                conn.close().await.unwrap();
                out
            })
    };
    let mut waits = 0;
    let outcome = loop {
        let (status, attempts) = job("SELECT status, attempts FROM jobs WHERE kind = 'email'");
        if status != "pending" {
            break (status, attempts);
        }
        waits += 1;
        assert!(waits < 200, "the job was not taken over");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(outcome, ("done".to_owned(), 2));
    let sent: Vec<_> = std::fs::read_dir(dir.path().join("mail"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(sent.len(), 1, "sent once, from the second process");
    let text = std::fs::read_to_string(&sent[0]).unwrap();
    assert!(text.contains("taken.over@example.org"), "{text}");
}

/// Whether the operator's tool `name` is installed. Outside CI a test
/// that needs a missing one is skipped (the README's test command needs
/// only Rust); under `CI=true`, where `.ci/run` installs it, it fails.
fn have(name: &str) -> bool {
    let found = Command::new(name).arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "{name} is not installed (CI=true: every test must run)"
        );
        eprintln!("skipped: {name} is not installed (.ci/run installs it)");
    }
    found
}

/// Runs a command; panics with its output when it fails.
fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What a restored site must show as the original did at the backup: the
/// catalog, a learner's enrolments (signed in with a token made before the
/// backup), and a file's bytes.
fn snapshot(address: &str, token: &str) -> (String, String, Vec<u8>) {
    let (status, catalog) = http(address, "GET", "/api/v1/catalog?per_page=100", &[], b"");
    assert_eq!(status, 200, "{catalog}");
    let auth = format!("Bearer {token}");
    let (status, mine) = http(
        address,
        "GET",
        "/api/v1/me/enrollments",
        &[("Authorization", &auth)],
        b"",
    );
    assert_eq!(status, 200, "{mine}");
    let (status, course) = http(
        address,
        "GET",
        "/api/v1/catalog/urban-planning-basics",
        &[],
        b"",
    );
    assert_eq!(status, 200, "{course}");
    let doc: serde_json::Value = serde_json::from_str(&course).unwrap();
    let url = doc["document"]["media"]
        .as_object()
        .and_then(|m| m.values().next())
        .and_then(|m| m["url"].as_str())
        .expect("the demo course has a file")
        .to_owned();
    let (status, file) = exchange(address, "GET", &url, &[], b"").unwrap();
    assert_eq!(status, 200, "{url}");
    (catalog, mine, file)
}

/// Backup and restore as docs/operations.md says, on the backend the suite
/// runs on: the database copied while Kuza runs (`sqlite3 .backup`, or
/// `pg_dump -Fc`), then the files; restored into a new place (the file
/// replaced, or `pg_restore` and `ANALYZE`), Kuza started on it with the
/// same secret shows what the original showed at the backup, and nothing
/// written after it.
#[test]
fn a_backup_taken_while_kuza_runs_restores_to_the_same_site() {
    let dir = tempfile::tempdir().unwrap();
    let (original, restored) = (dir.path().join("original"), dir.path().join("restored"));
    std::fs::create_dir_all(&restored).unwrap();
    let secret = (
        "KUZA_SECRET_KEY",
        "backup-test-secret-0123456789abcdef0123456789",
    );
    let (a, b) = (
        Database::new(&original, "backup_a"),
        Database::new(&restored, "backup_b"),
    );
    let pg = a.postgres.is_some();
    let tools: &[&str] = if pg {
        &["pg_dump", "pg_restore"]
    } else {
        &["sqlite3"]
    };
    if !tools.iter().all(|t| have(t)) {
        return;
    }
    let urls = (a.url.clone(), b.url.clone());
    let env_a = [secret, ("KUZA_DATABASE_URL", urls.0.as_str())];
    let mut server = serve(&original, &env_a);
    let (status, body) = http(
        &server.address,
        "POST",
        "/api/v1/auth/token",
        &[("Content-Type", "application/json")],
        br#"{"email":"learner@example.org","password":"learn-with-kuza"}"#,
    );
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let token = v["access_token"].as_str().unwrap().to_owned();
    let before = snapshot(&server.address, &token);

    // The backup, while Kuza runs: the database, then the files.
    let dump = dir.path().join("kuza.backup");
    if pg {
        run(Command::new("pg_dump")
            .args(["-Fc", "-f"])
            .arg(&dump)
            .arg(&urls.0));
    } else {
        run(Command::new("sqlite3")
            .arg(original.join("kuza.db"))
            .arg(format!(".backup '{}'", dump.display())));
    }
    run(Command::new("cp")
        .arg("-a")
        .arg(original.join("media"))
        .arg(restored.join("media")));
    // Written after the backup: not in it.
    let (status, _) = http(
        &server.address,
        "POST",
        "/api/v1/auth/register",
        &[("Content-Type", "application/json")],
        br#"{"email":"after.backup@example.org","password":"steady-copper-window-9","display_name":"Late","language":"en","country":"KE"}"#,
    );
    assert_eq!(status, 202);
    let _ = server.child.kill();
    let _ = server.child.wait();

    // The restore, into a new place.
    if pg {
        run(Command::new("pg_restore").arg("-d").arg(&urls.1).arg(&dump));
        run(Command::new("psql")
            .arg(&urls.1)
            .args(["-qX", "-c", "ANALYZE"]));
    } else {
        std::fs::copy(&dump, restored.join("kuza.db")).unwrap();
    }
    let env_b = [secret, ("KUZA_DATABASE_URL", urls.1.as_str())];
    let copy = serve_logged(
        &restored,
        &env_b,
        std::fs::File::create(dir.path().join("restored.log")).unwrap(),
    );
    assert_eq!(
        snapshot(&copy.address, &token),
        before,
        "the restored site is the same"
    );
    let (status, _) = http(
        &copy.address,
        "POST",
        "/api/v1/auth/token",
        &[("Content-Type", "application/json")],
        br#"{"email":"after.backup@example.org","password":"steady-copper-window-9"}"#,
    );
    assert_eq!(status, 401, "what came after the backup is not in it");
    drop(copy);
}
