//! A real S3-compatible server for the storage tests: moto's server (from
//! PyPI), started on a free port per test and stopped when dropped.
//!
//! Found as [`crate::tools`] says (`$KUZA_TEST_MOTO_SERVER` overrides it):
//! missing moto skips the S3 tests on a workstation and fails them in CI.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Moto {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub endpoint: String,
}

impl Moto {
    /// A running moto server, or `None` (outside CI) when moto is not installed.
    pub async fn start() -> Option<Moto> {
        let exe = crate::tools::python_tool("moto_server", "KUZA_TEST_MOTO_SERVER")?;
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
