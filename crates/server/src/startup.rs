//! One startup path, for `main` and for the tests: [`Application::build`]
//! connects, migrates, binds (port 0 picks a free port), and starts the HTTP
//! server and the job worker.

use crate::config::Settings;
use crate::metrics::Metrics;
use crate::state::AppState;
use crate::views::Views;
use crate::worker::Worker;
use crate::{portal, telemetry};
use actix_web::dev::Server;
use actix_web::middleware::{Compress, DefaultHeaders, from_fn};
use actix_web::{App, HttpServer, web};
use kuza_accounts::auth::Throttle;
use kuza_app::Limits;
use kuza_app::counts::{Counts, Flusher};
use kuza_app::published::Cache;
use kuza_i18n::Localizer;
use kuza_mail::{Mailer, Renderer};
use kuza_migration::{Migrator, MigratorTrait};
use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Application {
    port: u16,
    server: Server,
    /// None when this process runs no jobs (`run_jobs = false`).
    worker: Option<Worker>,
    flusher: Flusher,
    state: web::Data<AppState>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("{0}")]
    Setup(String),
    #[error("cannot listen on {0}: {1}")]
    Bind(String, std::io::Error),
    #[error("file storage: {0}")]
    Storage(String),
}

/// The configured file storage: a local directory or an S3-compatible bucket.
pub fn open_storage(settings: &Settings) -> Result<kuza_media::Storage, StartError> {
    let temp = settings.upload_temp_dir();
    let storage = match settings.s3() {
        Some(s3) => kuza_media::Storage::s3(&s3, &temp),
        None => kuza_media::Storage::local(&settings.storage_dir(), &temp),
    }
    .map_err(|e| StartError::Storage(e.to_string()))?;
    // Temp files a killed process left behind are of no use. Only old ones
    // go: another process sharing this data_dir may be receiving right now.
    let stale = std::time::SystemTime::now() - Duration::from_secs(24 * 3600);
    if let Ok(entries) = std::fs::read_dir(&temp) {
        for e in entries.flatten() {
            if e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < stale)
            {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(storage)
}

/// Connects to the configured database and applies pending migrations.
pub async fn connect_and_migrate(
    settings: &Settings,
) -> Result<sea_orm::DatabaseConnection, StartError> {
    let url = settings.database_url();
    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&settings.data_dir).map_err(|e| {
            StartError::Setup(format!("data_dir {}: {e}", settings.data_dir.display()))
        })?;
    }
    let mut db = kuza_db::connect(&url, settings.database_pool_size).await?;
    Migrator::up(&db, None).await?;
    if url.starts_with("sqlite:") {
        // A SQLite connection that read the schema before a migration
        // changed it can prepare a statement against the old schema (an
        // `ON CONFLICT` naming an index created since is refused, with no
        // retry): start from fresh connections.
        db.close().await?;
        db = kuza_db::connect(&url, settings.database_pool_size).await?;
    }
    // Courses published before the catalog existed get their entries.
    let txn = kuza_db::begin_write(&db).await?;
    let indexed = kuza_courses::catalog::index_missing(&txn)
        .await
        .map_err(|e| StartError::Setup(format!("catalog: {e}")))?;
    txn.commit().await?;
    if indexed > 0 {
        tracing::info!(
            courses = indexed,
            "catalog entries written for published courses"
        );
    }
    Ok(db)
}

/// SIGTERM or SIGINT stops the server gracefully, without leaving a
/// connection it took unanswered:
///
/// 1. Draining (`shutdown_drain_ms`): `/readyz` answers 503 so a load
///    balancer sends no more, and every answer says `Connection: close`,
///    so no client keeps a connection the server is about to close; new
///    connections are still taken and answered.
/// 2. The acceptor pauses, and the connections it already handed to the
///    HTTP workers are given a moment to be picked up (a worker that stops
///    drops the connections still queued for it).
/// 3. The workers stop: the requests in flight finish (up to
///    `shutdown_timeout_seconds`), each answered.
fn stop_on_signal(
    handle: actix_web::dev::ServerHandle,
    draining: Arc<std::sync::atomic::AtomicBool>,
    drain: Duration,
) -> std::io::Result<()> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    tokio::spawn(async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
        tracing::info!(
            drain_ms = drain.as_millis() as u64,
            "shutdown signal received; draining"
        );
        draining.store(true, std::sync::atomic::Ordering::Release);
        tokio::time::sleep(drain).await;
        handle.pause().await;
        tokio::time::sleep(HANDED_OVER).await;
        tracing::info!("no longer accepting connections; finishing in-flight requests");
        handle.stop(true).await;
    });
    Ok(())
}

/// How long the HTTP workers get to pick up the connections handed to them
/// before they are told to stop (they take one in microseconds).
const HANDED_OVER: Duration = Duration::from_millis(200);

impl Application {
    pub async fn build(settings: Settings) -> Result<Application, StartError> {
        let started = Instant::now();
        let secret = settings.resolve_secret()?;
        let db = connect_and_migrate(&settings).await?;
        let localizer = Arc::new(Localizer::load().map_err(StartError::Setup)?);
        let views = Views::load(localizer.clone()).map_err(StartError::Setup)?;
        let renderer = Renderer::new(localizer.clone(), &settings.site_name)
            .map_err(|e| StartError::Setup(e.to_string()))?;
        let host = settings
            .base_url
            .split("://")
            .nth(1)
            .and_then(|r| r.split(['/', ':']).next())
            .unwrap_or("localhost")
            .to_owned();
        let mailer = match &settings.smtp_url {
            Some(url) => Mailer::smtp(
                secrecy::ExposeSecret::expose_secret(url),
                renderer,
                &settings.mail_from,
                &host,
            ),
            None => Mailer::files(settings.mail_dir(), renderer, &settings.mail_from, &host),
        }
        .map_err(|e| StartError::Setup(e.to_string()))?;
        let throttle = Throttle {
            per_account: settings.login_max_failures_per_account,
            per_client: settings.login_max_failures_per_client,
            window_seconds: settings.login_window_minutes * 60,
        };
        let storage = Arc::new(open_storage(&settings)?);
        tracing::info!(storage = storage.describe(), "file storage ready");
        let counts = Arc::new(Counts::default());
        let published = Arc::new(Cache::new(&db));
        published.clone().listen(&db).await;
        // The background work (jobs, view counts) has its own small pool, whose
        // connections are all made on this runtime: a pooled connection made
        // by a request belongs to that HTTP worker's runtime, which is gone
        // once the server has stopped, when the worker still records its
        // last job and the counts are written.
        let background_db = kuza_db::connect(&settings.database_url(), 2).await?;
        let app = Arc::new(kuza_app::App {
            db: db.clone(),
            secret,
            base_url: settings.base_url.clone(),
            site_name: settings.site_name.clone(),
            certificate_prefix: settings.certificate_prefix.clone(),
            storage,
            published,
            counts: counts.clone(),
            limits: Limits {
                upload_max_mb: settings.upload_max_mb,
                session_ttl_seconds: settings.session_ttl_hours * 3600,
                access_ttl_seconds: settings.access_token_ttl_minutes * 60,
                refresh_ttl_seconds: settings.refresh_token_ttl_days * 24 * 3600,
                throttle,
                report_min_cell: settings.report_min_cell,
            },
            localizer: localizer.clone(),
            pdf_fonts: Arc::new(kuza_app::certificates::PdfFonts::new(
                settings.certificate_fonts_dir.clone(),
            )),
        });
        // The instance's signing key, made at first start (see credentials.rs).
        kuza_app::credentials::ensure_key(&app)
            .await
            .map_err(|e| StartError::Setup(format!("the signing key: {e}")))?;
        // The survey question bank's standard questions.
        kuza_app::surveys::ensure_bank(&app)
            .await
            .map_err(|e| StartError::Setup(format!("the question bank: {e}")))?;
        let background = Arc::new(kuza_app::App {
            db: background_db.clone(),
            ..(*app).clone()
        });
        let listener = TcpListener::bind(&settings.bind)
            .map_err(|e| StartError::Bind(settings.bind.clone(), e))?;
        let port = listener
            .local_addr()
            .map_err(|e| StartError::Bind(settings.bind.clone(), e))?
            .port();
        let settings = Arc::new(settings);
        let openapi = crate::routes::openapi(&crate::routes::table())
            .to_json()
            .map_err(|e| StartError::Setup(format!("OpenAPI document: {e}")))?;
        let state = web::Data::new(AppState {
            app: app.clone(),
            settings: settings.clone(),
            localizer,
            views,
            metrics: Metrics::new(),
            openapi: openapi.into(),
            draining: Default::default(),
        });
        let app_state = state.clone();
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(app_state.clone())
                .wrap(from_fn(crate::http::body_deadline))
                .wrap(from_fn(crate::http::close_when_draining))
                .wrap(from_fn(portal::error_pages))
                .wrap(from_fn(telemetry::observe))
                .wrap(
                    DefaultHeaders::new()
                        .add(("X-Content-Type-Options", "nosniff"))
                        .add(("Referrer-Policy", "same-origin"))
                        .add(("X-Frame-Options", "DENY"))
                        .add((
                            "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
                        )),
                )
                .wrap(Compress::default())
                .configure(|cfg| crate::routes::table().register(cfg))
                .default_service(web::to(portal::not_found))
        })
        .shutdown_timeout(settings.shutdown_timeout_seconds)
        .client_request_timeout(Duration::from_secs(settings.header_timeout_seconds))
        // Signals are handled below, registered before "ready" is reported.
        .disable_signals()
        .listen(listener)
        .map_err(|e| StartError::Bind(settings.bind.clone(), e))?;
        if settings.http_workers > 0 {
            server = server.workers(settings.http_workers);
        }
        let server = server.run();
        stop_on_signal(
            server.handle(),
            state.draining.clone(),
            Duration::from_millis(settings.shutdown_drain_ms),
        )
        .map_err(|e| StartError::Setup(format!("signal handlers: {e}")))?;
        let worker = settings.run_jobs.then(|| {
            Worker::spawn(
                background,
                Arc::new(mailer),
                crate::worker::Timing {
                    poll: Duration::from_millis(settings.job_poll_interval_ms),
                    lease_seconds: settings.job_lease_seconds,
                    grace: Duration::from_secs(settings.shutdown_timeout_seconds),
                },
            )
        });
        let flusher = Flusher::spawn(
            counts,
            background_db,
            Duration::from_secs(settings.counts_flush_seconds),
        );
        tracing::info!(
            port,
            startup_ms = started.elapsed().as_millis() as u64,
            "kuza is ready"
        );
        Ok(Application {
            port,
            server,
            worker,
            flusher,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// Serves until SIGTERM or SIGINT: in-flight requests finish, the view
    /// counts are written, then the worker finishes or releases its job.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        tracing::info!("HTTP server stopped; writing view counts and stopping the job worker");
        self.flusher.stop().await;
        if let Some(w) = self.worker {
            w.stop().await;
        }
        result
    }
}
