//! What every handler can reach: the database pool, settings, the signing
//! secret, translations, templates, metrics, file storage and the pending
//! view counts. The only mutable state is those counts, written to the
//! database every few seconds and at shutdown: every server process can
//! still be stopped or added at will.

use crate::config::Settings;
use crate::counts::Counts;
use crate::metrics::Metrics;
use crate::published::Published;
use crate::views::Views;
use kuza_accounts::auth::Throttle;
use kuza_i18n::Localizer;
use kuza_media::Storage;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub secret: Vec<u8>,
    pub localizer: Arc<Localizer>,
    pub views: Views,
    pub metrics: Metrics,
    pub throttle: Throttle,
    pub storage: Arc<Storage>,
    pub counts: Arc<Counts>,
    /// Published courses and catalog pages, cached per process.
    pub published: Arc<Published>,
}

impl AppState {
    pub fn session_ttl(&self) -> i64 {
        self.settings.session_ttl_hours * 3600
    }
    pub fn access_ttl(&self) -> i64 {
        self.settings.access_token_ttl_minutes * 60
    }
    pub fn refresh_ttl(&self) -> i64 {
        self.settings.refresh_token_ttl_days * 24 * 3600
    }
    /// An absolute link for emails: `base_url` + `path`.
    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.settings.base_url.trim_end_matches('/'), path)
    }
}
