//! Configuration: one typed struct from embedded defaults (`defaults.toml`),
//! then an optional TOML file (`KUZA_CONFIG` or `--config`), then `KUZA_*`
//! environment variables. Unknown keys are errors. Secrets are `SecretString`
//! and print as `[REDACTED]`.

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::path::{Path, PathBuf};

const DEFAULTS: &str = include_str!("defaults.toml");

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// Where uploaded files are kept.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum StorageKind {
    /// A directory on this machine (`storage_dir`).
    Local,
    /// An S3-compatible bucket (`s3_*`), shared by every server process.
    S3,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `production` refuses to start without SMTP and a secret key.
    pub environment: Environment,
    /// host:port to listen on (port 0 picks a free port).
    pub bind: String,
    /// The public URL, used in emails and to decide on Secure cookies
    /// (empty: `http://<bind>`).
    pub base_url: String,
    /// Where the SQLite database, the generated secret and `.eml` files live.
    pub data_dir: PathBuf,
    /// `sqlite://path` or `postgres://…`; default `<data_dir>/kuza.db`.
    pub database_url: Option<SecretString>,
    pub database_pool_size: u32,
    /// `smtp://`, `smtp://…?tls=required` or `smtps://`; without it (outside
    /// production) emails are written under `<data_dir>/mail/`.
    pub smtp_url: Option<SecretString>,
    pub mail_from: String,
    /// Signs access tokens and CSRF tokens; shared by every process of one site.
    pub secret_key: Option<SecretString>,
    pub site_name: String,
    /// The first part of certificate numbers (`KZ` in `KZ-2026-000123`):
    /// capital letters and digits, at most 10.
    pub certificate_prefix: String,
    /// Where the certificates' Noto fonts are (none: Debian's
    /// `/usr/share/fonts/{truetype,opentype}/noto`).
    pub certificate_fonts_dir: Option<PathBuf>,
    pub log_format: LogFormat,
    pub log_level: String,
    /// HTTP worker threads; 0 = one per core.
    pub http_workers: usize,
    pub session_ttl_hours: i64,
    pub access_token_ttl_minutes: i64,
    pub refresh_token_ttl_days: i64,
    pub login_max_failures_per_account: u64,
    pub login_max_failures_per_client: u64,
    pub login_window_minutes: i64,
    /// Take the client address from `X-Forwarded-For` (behind a trusted proxy only).
    pub trust_forwarded_for: bool,
    /// Whether this process runs the job worker (a command run beside the
    /// serving processes runs none: they send what it queues).
    pub run_jobs: bool,
    pub job_poll_interval_ms: u64,
    /// How long a claimed job is held before another process may take it
    /// over (its own died); longer than any job takes.
    pub job_lease_seconds: i64,
    pub shutdown_timeout_seconds: u64,
    /// On SIGTERM, how long to keep answering (not ready, closing each
    /// connection) before no new connection is taken (milliseconds).
    pub shutdown_drain_ms: u64,
    /// How long a request's headers may take to arrive (seconds).
    pub header_timeout_seconds: u64,
    /// How long a request body may pause between two reads (seconds).
    pub body_timeout_seconds: u64,
    /// Uploaded files: `local` (default) or `s3`.
    pub storage: StorageKind,
    /// For `local`: the directory (default `<data_dir>/media`).
    pub storage_dir: Option<PathBuf>,
    /// For `s3`: the endpoint URL (none: AWS itself), bucket, region and keys.
    pub s3_endpoint: Option<String>,
    pub s3_bucket: Option<String>,
    pub s3_region: String,
    pub s3_access_key: Option<String>,
    pub s3_secret_key: Option<SecretString>,
    /// Largest upload accepted, in MiB.
    pub upload_max_mb: u64,
    /// How often view and download counts are written (seconds).
    pub counts_flush_seconds: u64,
    /// Reports show counts from 1 to this minus one as "<n".
    pub report_min_cell: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Invalid(String),
    #[error("configuration: {0}")]
    Figment(#[from] Box<figment::Error>),
}

impl Settings {
    /// Defaults, then `file`, then the environment (`KUZA_*`).
    pub fn load(file: Option<&Path>) -> Result<Settings, ConfigError> {
        let mut fig = Figment::from(Toml::string(DEFAULTS));
        if let Some(f) = file {
            if !f.exists() {
                return Err(ConfigError::Invalid(format!(
                    "the file {} does not exist",
                    f.display()
                )));
            }
            fig = fig.merge(Toml::file_exact(f));
        }
        // KUZA_CONFIG names the file, and KUZA_TEST_* belong to the test suite.
        let env = Env::prefixed("KUZA_").filter(|k| {
            let k = k.as_str().to_ascii_lowercase();
            k != "config" && !k.starts_with("test_")
        });
        fig = fig.merge(env);
        let mut s: Settings = fig.extract().map_err(Box::new)?;
        s.check()?;
        Ok(s)
    }

    /// Defaults plus a TOML string (tests and the example-file check).
    pub fn from_toml(toml: &str) -> Result<Settings, ConfigError> {
        let mut s: Settings = Figment::from(Toml::string(DEFAULTS))
            .merge(Toml::string(toml))
            .extract()
            .map_err(Box::new)?;
        s.check()?;
        Ok(s)
    }

    fn check(&mut self) -> Result<(), ConfigError> {
        let bad = |m: String| Err(ConfigError::Invalid(m));
        if self.base_url.is_empty() {
            self.base_url = format!("http://{}", self.bind);
        }
        if self.environment == Environment::Production && self.base_url.starts_with("http://") {
            tracing::warn!(base_url = %self.base_url, "production without https: cookies are not marked Secure");
        }
        if !(self.base_url.starts_with("http://") || self.base_url.starts_with("https://")) {
            return bad(format!(
                "base_url must start with http:// or https://, not {:?}",
                self.base_url
            ));
        }
        if self.database_pool_size == 0 {
            return bad("database_pool_size must be at least 1".into());
        }
        if !kuza_certification::is_prefix(&self.certificate_prefix) {
            return bad(format!(
                "certificate_prefix must be 1 to {} capital letters or digits, not {:?}",
                kuza_certification::PREFIX_MAX,
                self.certificate_prefix
            ));
        }
        if self.upload_max_mb == 0 {
            return bad("upload_max_mb must be at least 1".into());
        }
        if self.counts_flush_seconds == 0 {
            return bad("counts_flush_seconds must be at least 1".into());
        }
        if !(2..=100).contains(&self.report_min_cell) {
            return bad("report_min_cell must be between 2 and 100".into());
        }
        if self.storage == StorageKind::S3 {
            let missing: Vec<&str> = [
                ("s3_bucket", self.s3_bucket.as_deref()),
                ("s3_access_key", self.s3_access_key.as_deref()),
                (
                    "s3_secret_key",
                    self.s3_secret_key.as_ref().map(|k| k.expose_secret()),
                ),
            ]
            .into_iter()
            .filter(|(_, v)| v.is_none_or(|v| v.trim().is_empty()))
            .map(|(k, _)| k)
            .collect();
            if !missing.is_empty() {
                return bad(format!(
                    "storage = \"s3\" needs {} (KUZA_{})",
                    missing.join(", "),
                    missing
                        .iter()
                        .map(|k| k.to_ascii_uppercase())
                        .collect::<Vec<_>>()
                        .join(", KUZA_")
                ));
            }
            if let Some(e) = &self.s3_endpoint
                && !(e.starts_with("http://") || e.starts_with("https://"))
            {
                return bad(format!(
                    "s3_endpoint must start with http:// or https://, not {e:?}"
                ));
            }
        }
        if self.environment == Environment::Production {
            if self.smtp_url.is_none() {
                return bad("production needs smtp_url (KUZA_SMTP_URL): without it no email could be delivered".into());
            }
            match &self.secret_key {
                Some(k) if k.expose_secret().len() >= 32 => {}
                _ => return bad("production needs secret_key (KUZA_SECRET_KEY) of at least 32 characters, the same on every server process".into()),
            }
        }
        Ok(())
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(u) => u.expose_secret().to_owned(),
            None => format!("sqlite://{}", self.data_dir.join("kuza.db").display()),
        }
    }

    /// The signing secret: the configured one, or (outside production) one
    /// generated once into `<data_dir>/secret_key` and reused after.
    pub fn resolve_secret(&self) -> Result<Vec<u8>, ConfigError> {
        if let Some(k) = &self.secret_key {
            return Ok(k.expose_secret().as_bytes().to_vec());
        }
        let path = self.data_dir.join("secret_key");
        if let Ok(existing) = std::fs::read_to_string(&path)
            && existing.trim().len() >= 32
        {
            return Ok(existing.trim().as_bytes().to_vec());
        }
        std::fs::create_dir_all(&self.data_dir).map_err(|e| {
            ConfigError::Invalid(format!("data_dir {}: {e}", self.data_dir.display()))
        })?;
        let key = kuza_accounts::tokens::random_token();
        write_private(&path, &key)
            .map_err(|e| ConfigError::Invalid(format!("{}: {e}", path.display())))?;
        Ok(key.into_bytes())
    }

    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// The local storage directory.
    pub fn storage_dir(&self) -> PathBuf {
        self.storage_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("media"))
    }

    /// Where uploads are received before they are checked and stored.
    pub fn upload_temp_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }

    pub fn upload_limit_bytes(&self) -> u64 {
        self.upload_max_mb.saturating_mul(1024 * 1024)
    }

    /// The S3 settings when `storage = "s3"` (complete: checked at load).
    pub fn s3(&self) -> Option<kuza_media::S3Settings> {
        if self.storage != StorageKind::S3 {
            return None;
        }
        Some(kuza_media::S3Settings {
            endpoint: self.s3_endpoint.clone().filter(|e| !e.is_empty()),
            bucket: self.s3_bucket.clone().unwrap_or_default(),
            region: self.s3_region.clone(),
            access_key: self.s3_access_key.clone().unwrap_or_default(),
            secret_key: self
                .s3_secret_key
                .as_ref()
                .map(|k| k.expose_secret().to_owned())
                .unwrap_or_default(),
        })
    }
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    opts.open(path)?.write_all(contents.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_file_parses_and_documents_every_key() {
        let example = include_str!("../../../deploy/kuza.example.toml");
        Settings::from_toml(example).expect("deploy/kuza.example.toml is valid");
        let documented: Vec<&str> = example
            .lines()
            .map(|l| l.trim_start_matches('#').trim())
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .collect();
        for key in DEFAULTS
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
        {
            assert!(
                documented.contains(&key),
                "deploy/kuza.example.toml does not document {key}"
            );
        }
        for key in [
            "database_url",
            "smtp_url",
            "secret_key",
            "storage_dir",
            "s3_endpoint",
            "s3_bucket",
            "s3_access_key",
            "s3_secret_key",
        ] {
            assert!(
                documented.contains(&key),
                "deploy/kuza.example.toml does not document {key}"
            );
        }
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = Settings::from_toml("bnid = \"0.0.0.0:80\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("bnid"), "{err}");
    }

    #[test]
    fn production_without_smtp_refuses_and_says_why() {
        let err = Settings::from_toml(
            "environment = \"production\"\nsecret_key = \"0123456789abcdef0123456789abcdef\"",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("smtp_url"), "{err}");
    }

    #[test]
    fn s3_storage_with_missing_settings_refuses_and_names_them() {
        let err = Settings::from_toml("storage = \"s3\"\ns3_bucket = \"kuza\"")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("s3_access_key") && err.contains("s3_secret_key"),
            "{err}"
        );
        assert!(!err.contains("s3_bucket,"), "{err}");
        let err = Settings::from_toml(
            "storage = \"s3\"\ns3_bucket = \"kuza\"\ns3_access_key = \"a\"\ns3_secret_key = \"b\"\ns3_endpoint = \"minio:9000\"",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("s3_endpoint"), "{err}");
        let err = Settings::from_toml("storage = \"ftp\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("storage"), "{err}");
    }

    #[test]
    fn media_defaults_live_under_the_data_dir() {
        let s = Settings::from_toml("data_dir = \"/srv/kuza\"").expect("valid");
        assert_eq!(s.storage, StorageKind::Local);
        assert_eq!(s.storage_dir(), PathBuf::from("/srv/kuza/media"));
        assert_eq!(s.upload_limit_bytes(), 512 * 1024 * 1024);
        assert_eq!(s.counts_flush_seconds, 10);
        assert!(s.s3().is_none());
    }

    #[test]
    fn secrets_never_appear_in_debug_output() {
        let s = Settings::from_toml(
            "secret_key = \"super-secret-value-0123456789abcdef\"\nsmtp_url = \"smtp://u:hunter2@mail.example.org\"\ndatabase_url = \"postgres://kuza:pgpass@db/kuza\"\nstorage = \"s3\"\ns3_bucket = \"b\"\ns3_access_key = \"AKIA\"\ns3_secret_key = \"s3-topsecret\"",
        )
        .expect("valid");
        let dbg = format!("{s:?} {:?}", s.s3());
        for secret in ["super-secret-value", "hunter2", "pgpass", "s3-topsecret"] {
            assert!(!dbg.contains(secret), "{secret} leaked: {dbg}");
        }
    }

    #[test]
    #[expect(
        clippy::result_large_err,
        reason = "figment's Jail API fixes the closure's error type"
    )]
    fn environment_variables_override_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "kuza.toml",
                "bind = \"127.0.0.1:9000\"\nsite_name = \"From file\"",
            )?;
            jail.set_env("KUZA_BIND", "127.0.0.1:9100");
            jail.set_env("KUZA_CONFIG", "kuza.toml");
            jail.set_env("KUZA_TEST_DATABASE_URL", "postgres://ignored");
            let s = Settings::load(Some(Path::new("kuza.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(s.bind, "127.0.0.1:9100");
            assert_eq!(s.site_name, "From file");
            Ok(())
        });
    }
}
