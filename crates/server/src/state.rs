//! What every handler can reach: the application (the database, the
//! per-process caches, file storage: see `kuza_app::App`), and what only
//! the HTTP side needs: settings, translations, templates and metrics.

use crate::config::Settings;
use crate::metrics::Metrics;
use crate::views::Views;
use kuza_app::App;
use kuza_i18n::Localizer;
use std::sync::Arc;

pub struct AppState {
    pub app: Arc<App>,
    pub settings: Arc<Settings>,
    pub localizer: Arc<Localizer>,
    pub views: Views,
    pub metrics: Metrics,
    /// The OpenAPI document (JSON), built once at start from the route table.
    pub openapi: std::sync::Arc<str>,
    /// Shutting down: not ready, and every answer closes its connection.
    pub draining: Arc<std::sync::atomic::AtomicBool>,
}
