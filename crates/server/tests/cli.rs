//! The `kuza` binary as an operator runs it.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn kuza(data: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kuza"));
    c.env("KUZA_DATA_DIR", data)
        .env("KUZA_LOG_LEVEL", "warn")
        .env_remove("KUZA_CONFIG");
    c
}

fn count_users(data: &std::path::Path) -> usize {
    let out = kuza(data).args(["demo"]).output().expect("run kuza demo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("@example.org"))
        .count()
}

#[test]
fn admin_create_reads_the_password_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let run = |password: &str| {
        let mut child = kuza(dir.path())
            .args([
                "admin",
                "create",
                "--email",
                "ops@example.org",
                "--name",
                "Operations",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{password}\n").as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let weak = run("password1");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password_too_short"));
    let ok = run("steady-copper-window-9");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("administrator ops@example.org created"));
    let again = run("steady-copper-window-9");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn demo_content_loads_idempotently() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(count_users(dir.path()), 5);
    assert_eq!(count_users(dir.path()), 5);
}

#[test]
fn production_without_smtp_refuses_to_start_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = kuza(dir.path())
        .args(["serve"])
        .env("KUZA_ENVIRONMENT", "production")
        .env("KUZA_SECRET_KEY", "0123456789abcdef0123456789abcdef-long")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("smtp_url"));
}

#[test]
fn an_unknown_configuration_key_is_named_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kuza.toml");
    std::fs::write(&file, "bind = \"127.0.0.1:0\"\nsmtp_ulr = \"smtp://x\"\n").unwrap();
    let out = kuza(dir.path())
        .args(["--config", file.to_str().unwrap(), "migrate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("smtp_ulr"));
}

#[test]
fn serve_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = kuza(dir.path())
        .args(["serve"])
        .env("KUZA_BIND", "127.0.0.1:0")
        .env("KUZA_LOG_LEVEL", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut address = None;
    for line in stdout.lines() {
        let line = line.unwrap();
        if let Some(a) = line.strip_prefix("Kuza is running at ") {
            address = Some(a.to_owned());
            break;
        }
    }
    let address = address.expect("the address is printed");
    assert!(!address.ends_with(":0"), "{address}");
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "kuza did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut log = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut log).unwrap();
    assert!(status.success(), "exit status {status}\n{log}");
    assert!(log.contains("job worker stopped"), "{log}");
}

#[test]
fn course_export_writes_the_demo_course_as_it_is_and_import_refuses_unsafe_archives() {
    let dir = tempfile::tempdir().unwrap();
    let out = kuza(dir.path()).args(["demo"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let zip = dir.path().join("rasd.zip");
    let out = kuza(dir.path())
        .args(["course", "export", "rasd-hadaf-11"])
        .arg(&zip)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let limits = kuza_courses::archive::Limits {
        max_entries: 100,
        max_entry_bytes: 1 << 24,
        max_total_bytes: 1 << 24,
    };
    let files = kuza_courses::archive::read_zip(
        std::fs::File::open(&zip).unwrap(),
        limits,
        &std::env::temp_dir(),
    )
    .unwrap();
    let demo = kuza_app::demo::course_archives()
        .into_iter()
        .find(|(s, _)| s == "rasd-hadaf-11")
        .unwrap()
        .1;
    let contents = |f: &kuza_courses::archive::Files| -> Vec<(String, Vec<u8>)> {
        f.iter()
            .map(|(p, e)| (p.clone(), e.read().unwrap()))
            .collect()
    };
    assert_eq!(contents(&files), contents(&demo));

    // Imported again under a new slug, and published at once.
    let out = kuza(dir.path())
        .args(["course", "import"])
        .arg(&zip)
        .args([
            "--owner",
            "author@example.org",
            "--slug",
            "rasd-copy",
            "--publish",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("published as version 1"),
        "{stdout}"
    );

    // An archive reaching outside its folder is refused with the reason.
    let mut evil = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    evil.start_file("../../etc/evil", zip::write::SimpleFileOptions::default())
        .unwrap();
    evil.write_all(b"x").unwrap();
    let evil_path = dir.path().join("evil.zip");
    std::fs::write(&evil_path, evil.finish().unwrap().into_inner()).unwrap();
    let out = kuza(dir.path())
        .args(["course", "import"])
        .arg(&evil_path)
        .args(["--owner", "author@example.org"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("archive_path_unsafe"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
