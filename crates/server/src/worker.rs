//! The background worker each `kuza serve` process runs: claims due jobs
//! from the job table and runs them (emails, certificates), and does the periodic upkeep: pruning expired records, lapsing
//! waitlist offers past their deadline, reminding of live sessions. On shutdown it stops claiming, lets
//! the running job finish within the grace period, and otherwise releases
//! it for another process.

use kuza_app::App;
use kuza_mail::Mailer;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub struct Worker {
    stop: watch::Sender<bool>,
    handle: JoinHandle<()>,
}

/// The worker's clock: how often an idle worker looks for jobs, how long a
/// claimed job is held, and the grace period at shutdown.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub poll: Duration,
    pub lease_seconds: i64,
    pub grace: Duration,
}

impl Worker {
    pub fn spawn(app: Arc<App>, mailer: Arc<Mailer>, timing: Timing) -> Worker {
        let (stop, rx) = watch::channel(false);
        let id = format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple());
        let handle = tokio::spawn(run(app, mailer, id, timing, rx));
        Worker { stop, handle }
    }

    /// Stops claiming, finishes or releases the current job, and waits.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.handle.await;
    }
}

const PRUNE_EVERY: Duration = Duration::from_secs(600);
/// How often offers past their deadline are lapsed (deadlines are hours)
/// and sessions starting within a day are reminded of.
const LAPSE_EVERY: Duration = Duration::from_secs(60);

async fn run(
    app: Arc<App>,
    mailer: Arc<Mailer>,
    id: String,
    timing: Timing,
    mut stop: watch::Receiver<bool>,
) {
    let Timing {
        poll,
        lease_seconds,
        grace,
    } = timing;
    let db = &app.db;
    tracing::info!(worker.id = %id, "job worker started");
    let mut last_prune = Instant::now();
    let mut last_lapse: Option<Instant> = None;
    while !*stop.borrow() {
        if last_prune.elapsed() >= PRUNE_EVERY {
            last_prune = Instant::now();
            if let Err(e) = kuza_accounts::auth::prune(db, &app.limits.throttle).await {
                tracing::warn!(error.cause = %e, "pruning expired records failed");
            }
        }
        if last_lapse.is_none_or(|t| t.elapsed() >= LAPSE_EVERY) {
            last_lapse = Some(Instant::now());
            match kuza_app::learning::lapse_offers(&app).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(lapsed = n, "waitlist offers past their deadline lapsed"),
                Err(e) => tracing::warn!(error.cause = %e, "lapsing waitlist offers failed"),
            }
            match kuza_app::subscriptions::queue_due(&app, chrono::Utc::now().date_naive()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reports = n, "scheduled reports queued"),
                Err(e) => tracing::warn!(error.cause = %e, "queueing scheduled reports failed"),
            }
            match kuza_app::follow_up::send_due(&app, kuza_db::now()).await {
                Ok((0, 0)) => {}
                Ok((invited, reminded)) => {
                    tracing::info!(invited, reminded, "course follow-ups queued")
                }
                Err(e) => tracing::warn!(error.cause = %e, "queueing course follow-ups failed"),
            }
            match kuza_app::sessions::send_reminders(&app).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(sessions = n, "live-session reminders queued"),
                Err(e) => {
                    tracing::warn!(error.cause = %e, "queueing live-session reminders failed")
                }
            }
        }
        let job = match kuza_jobs::claim(db, &id, &KINDS, lease_seconds).await {
            Ok(Some(job)) => job,
            Ok(None) => {
                tokio::select! {
                    _ = tokio::time::sleep(poll) => {}
                    _ = stop.changed() => {}
                }
                continue;
            }
            Err(e) => {
                tracing::warn!(error.cause = %e, "claiming a job failed");
                tokio::select! {
                    _ = tokio::time::sleep(poll.max(Duration::from_secs(1))) => {}
                    _ = stop.changed() => {}
                }
                continue;
            }
        };
        let started = Instant::now();
        let work = perform(&app, &mailer, &job);
        tokio::pin!(work);
        let outcome = tokio::select! {
            r = &mut work => Some(r),
            _ = stop.changed() => {
                // Shutting down: give the running job the grace period.
                tokio::time::timeout(grace, &mut work).await.ok()
            }
        };
        let duration_ms = started.elapsed().as_millis() as u64;
        let result = match outcome {
            Some(Ok(())) => kuza_jobs::complete(db, &job, &id).await.map(|_| {
                tracing::info!(job.id = job.id, job.kind = %job.kind, duration_ms, "job done");
            }),
            Some(Err(e)) => {
                tracing::warn!(job.id = job.id, job.kind = %job.kind, job.attempts = job.attempts, error.cause = %e, duration_ms, "job failed; will retry");
                kuza_jobs::fail(db, &job, &id, &e).await
            }
            None => {
                tracing::warn!(job.id = job.id, job.kind = %job.kind, "job interrupted by shutdown; released");
                kuza_jobs::release(db, &job, &id).await
            }
        };
        if let Err(e) = result {
            tracing::error!(job.id = job.id, error.cause = %e, "recording a job's outcome failed");
        }
    }
    tracing::info!(worker.id = %id, "job worker stopped");
}

/// The job kinds this worker runs.
const KINDS: [&str; 5] = [
    kuza_mail::JOB_KIND,
    kuza_app::mail::ACCOUNT_EMAIL,
    kuza_app::certificates::COURSE_COMPLETED,
    kuza_app::certificates::RENDER,
    kuza_app::subscriptions::REPORT_EMAIL,
];

async fn perform(app: &App, mailer: &Mailer, job: &kuza_jobs::Job) -> Result<(), String> {
    match job.kind.as_str() {
        kuza_app::mail::ACCOUNT_EMAIL => kuza_app::mail::send_account_email(app, &job.payload)
            .await
            .map_err(|e| e.to_string()),
        kuza_app::certificates::COURSE_COMPLETED => {
            kuza_app::certificates::run_completed_job(app, &job.payload)
                .await
                .map_err(|e| e.to_string())
        }
        kuza_app::certificates::RENDER => kuza_app::certificates::run_render_job(app, &job.payload)
            .await
            .map_err(|e| e.to_string()),
        kuza_app::subscriptions::REPORT_EMAIL => {
            kuza_app::subscriptions::run_report_email(app, &job.payload)
                .await
                .map_err(|e| e.to_string())
        }
        kuza_mail::JOB_KIND => mailer
            .deliver(job.id, &job.payload)
            .await
            .map_err(|e| e.to_string()),
        other => Err(format!("no handler for job kind {other:?}")),
    }
}
