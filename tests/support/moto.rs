//! A real S3-compatible server for the storage tests: moto's server (from
//! PyPI), started on a free port per test and stopped when dropped.
//!
//! Found at `$KUZA_TEST_MOTO_SERVER`, else `/var/tmp/kuza-moto/bin/moto_server`
//! (where `.ci/run` installs it), else on the `PATH`. Missing moto skips the
//! S3 tests with a message on a workstation, and fails them under `CI=true`.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Moto {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub endpoint: String,
}

fn executable() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("KUZA_TEST_MOTO_SERVER")
        && !p.is_empty()
    {
        return Some(PathBuf::from(p));
    }
    let venv = PathBuf::from("/var/tmp/kuza-moto/bin/moto_server");
    if venv.exists() {
        return Some(venv);
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("moto_server"))
            .find(|p| p.exists())
    })
}

impl Moto {
    /// A running moto server, or `None` (outside CI) when moto is not installed.
    pub async fn start() -> Option<Moto> {
        let Some(exe) = executable() else {
            let msg = "moto_server not found: install it with `python3 -m venv /var/tmp/kuza-moto && /var/tmp/kuza-moto/bin/pip install 'moto[server]'` or set KUZA_TEST_MOTO_SERVER";
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{msg} (CI=true: the S3 tests must run)");
            }
            eprintln!("skipping an S3 test: {msg}");
            return None;
        };
        let port = crate::free_port();
        let child = Command::new(&exe)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", exe.display()));
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        // Ready when it answers HTTP.
        let client = reqwest::Client::new();
        let started = Instant::now();
        loop {
            if client.get(&moto.endpoint).send().await.is_ok() {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "moto_server did not answer within 60 s"
            );
            // Waiting for the server to answer: the loop ends when it does.
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Some(moto)
    }

    /// Creates a bucket (moto accepts unsigned requests).
    pub async fn create_bucket(&self, name: &str) {
        let res = reqwest::Client::new()
            .put(format!("{}/{name}", self.endpoint))
            .send()
            .await
            .expect("create bucket");
        assert!(res.status().is_success(), "create bucket: {}", res.status());
    }

    /// Settings for an app storing its files in `bucket` on this server.
    pub fn settings_toml(&self, bucket: &str) -> String {
        format!(
            "storage = \"s3\"\ns3_endpoint = {:?}\ns3_bucket = {bucket:?}\ns3_region = \"us-east-1\"\ns3_access_key = \"testing\"\ns3_secret_key = \"testing\"\n",
            self.endpoint
        )
    }

    pub fn s3_settings(&self, bucket: &str) -> kuza_media::S3Settings {
        kuza_media::S3Settings {
            endpoint: Some(self.endpoint.clone()),
            bucket: bucket.into(),
            region: "us-east-1".into(),
            access_key: "testing".into(),
            secret_key: "testing".into(),
        }
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
