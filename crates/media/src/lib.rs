//! Media: the files authors upload to a course (covers, videos, captions,
//! downloads), and how often courses, lessons and files are viewed.
//!
//! - [`detect`]: what a file is, read from its bytes (never its name), and
//!   the allowlist of what may be stored.
//! - [`names`]: the file name a download carries, made safe.
//! - [`storage`]: one [`Storage`] over a local directory or an S3-compatible
//!   bucket; uploads are received into a temp file (hashed, counted, and
//!   refused as soon as they pass the limit) before they reach the store.
//! - [`records`]: the `media` rows of a course.
//! - [`counts`]: the per-day view and download counts (upsert, totals).
//!
//! No HTTP, no templates, no configuration files: the server reads its
//! settings and hands this crate plain values.

pub mod counts;
pub mod detect;
pub mod names;
pub mod records;
pub mod storage;

pub use records::Media;
pub use storage::{Received, S3Settings, Storage};

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("the file is larger than the limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("this kind of file is not accepted")]
    NotAllowed,
    #[error("the file is empty")]
    Empty,
    #[error("the file name is missing or not usable")]
    BadName,
    #[error("not found")]
    NotFound,
    #[error("the upload was interrupted: {0}")]
    Interrupted(String),
    #[error("storage: {0}")]
    Storage(String),
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
}

impl MediaError {
    pub fn code(&self) -> &'static str {
        match self {
            MediaError::TooLarge { .. } => "payload_too_large",
            MediaError::NotAllowed => "unsupported_media_type",
            MediaError::Empty => "empty_file",
            MediaError::BadName => "bad_file_name",
            MediaError::NotFound => "not_found",
            MediaError::Interrupted(_) => "upload_interrupted",
            MediaError::Storage(_) | MediaError::Db(_) => "internal",
        }
    }
}

impl From<object_store::Error> for MediaError {
    fn from(e: object_store::Error) -> Self {
        match e {
            object_store::Error::NotFound { .. } => MediaError::NotFound,
            other => MediaError::Storage(other.to_string()),
        }
    }
}

impl From<std::io::Error> for MediaError {
    fn from(e: std::io::Error) -> Self {
        MediaError::Storage(e.to_string())
    }
}
