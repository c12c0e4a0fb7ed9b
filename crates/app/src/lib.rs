//! The application layer: what people do with Kuza, each step once.
//!
//! A use case here takes the [`App`] (the database and what the rules need
//! besides), the [`Actor`] doing it, and plain values; it asks the one
//! authorization [`policy`], opens the transaction, combines the domain
//! crates (`accounts`, `courses`, `enrollment`, `progress`, `media`…),
//! writes the emails and jobs the step causes in that same transaction,
//! moves the published-course cache on after a publication, and returns
//! domain values or one [`AppError`].
//!
//! The JSON API and the portal are adapters over these functions: they
//! extract, call one function here, and render. Nothing here knows HTTP,
//! templates or configuration files (`.ci/run` checks that this crate
//! reaches neither actix-web nor tera).

pub mod accounts;
pub mod admin;
pub mod archives;
pub mod bulk;
pub mod calendar;
pub mod catalog;
pub mod certificates;
pub mod cohorts;
pub mod counts;
pub mod courses;
pub mod credentials;
pub mod demo;
pub mod design;
pub mod error;
pub mod export;
pub mod follow_up;
pub mod generate;
pub mod grading;
pub mod learning;
pub mod mail;
pub mod media;
pub mod members;
pub mod needs;
pub mod packages;
pub mod partners;
pub mod policy;
pub mod published;
pub mod reports;
pub mod sessions;
pub mod signing;
pub mod subscriptions;
pub mod surveys;

pub use error::{AppError, FieldProblem};
pub use policy::{Action, Actor};

use kuza_accounts::auth::Throttle;
use kuza_media::Storage;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What every use case can reach. One per process, shared by every request
/// and the worker; the only state in it that changes is the per-process
/// cache of published courses and the pending view counts, so any number
/// of processes can run side by side.
#[derive(Clone)]
pub struct App {
    pub db: DatabaseConnection,
    /// Signs access tokens, calendar addresses and CSRF tokens.
    pub secret: Vec<u8>,
    /// The site's address, for the links in emails and calendars.
    pub base_url: String,
    pub site_name: String,
    /// The first part of certificate numbers (`KZ` in `KZ-2026-000123`).
    pub certificate_prefix: String,
    pub storage: Arc<Storage>,
    /// Published courses and catalog pages, cached per process.
    pub published: Arc<published::Cache>,
    /// Views and downloads counted since the last write.
    pub counts: Arc<counts::Counts>,
    pub limits: Limits,
    /// The six languages' strings (certificates are written in them).
    pub localizer: Arc<kuza_i18n::Localizer>,
    /// The certificates' fonts, read on first use.
    pub pdf_fonts: Arc<certificates::PdfFonts>,
}

/// The sizes, lifetimes and thresholds the rules apply.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest upload (and course archive), in MiB.
    pub upload_max_mb: u64,
    pub session_ttl_seconds: i64,
    pub access_ttl_seconds: i64,
    pub refresh_ttl_seconds: i64,
    pub throttle: Throttle,
    /// Reports show counts from 1 to this minus one as "<n".
    pub report_min_cell: u64,
}

/// Reads a request body whole, refused with `TooLarge` past `limit` bytes
/// (at once when its declared length says so). Use cases call it after
/// their authorization check, so nobody is made to wait for a body they
/// may not send.
pub async fn read_limited<S, E>(
    body: S,
    declared: Option<u64>,
    limit: u64,
) -> Result<Vec<u8>, AppError>
where
    S: futures_util::Stream<Item = Result<bytes::Bytes, E>>,
    E: std::fmt::Display,
{
    use futures_util::StreamExt;
    if declared.is_some_and(|n| n > limit) {
        return Err(AppError::TooLarge);
    }
    let mut body = std::pin::pin!(body);
    let mut out = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| AppError::BadInput(e.to_string()))?;
        if (out.len() + chunk.len()) as u64 > limit {
            return Err(AppError::TooLarge);
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

impl App {
    /// An absolute link for emails and calendars: `base_url` + `path`.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), path)
    }

    /// The site's host name (calendar event ids).
    pub fn host(&self) -> String {
        self.base_url
            .split("://")
            .nth(1)
            .unwrap_or("kuza")
            .trim_end_matches('/')
            .to_owned()
    }

    /// Largest upload in bytes.
    pub fn upload_limit_bytes(&self) -> u64 {
        self.limits.upload_max_mb * 1024 * 1024
    }
}
