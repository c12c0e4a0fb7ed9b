//! The background job table.
//!
//! A job is written with [`enqueue`] inside the caller's transaction, so it
//! exists exactly when the change that caused it committed. Any number of
//! workers (one per `kuza serve` process) [`claim`] due jobs; a claim is a
//! lease (`locked_until`), taken with `FOR UPDATE SKIP LOCKED` on PostgreSQL
//! and by SQLite's single writer, so no job runs on two workers at once. A
//! failed run is retried with exponential backoff until `max_attempts`; a
//! worker that dies leaves its lease to expire and the job is claimed again.

use kuza_db::entities::job;
use kuza_db::{is_postgres, now};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, Statement,
};
use serde::Serialize;

pub use kuza_db::entities::job::Model as Job;

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("job payload could not be encoded: {0}")]
    Payload(#[from] serde_json::Error),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// How long a claim is held, by default, before another worker may take
/// the job over (`job_lease_seconds`). Longer than any job may take (SMTP
/// sends time out well before this).
pub const LEASE_SECONDS: i64 = 600;
pub const DEFAULT_MAX_ATTEMPTS: i32 = 12;

/// Writes a job in the caller's transaction. With a `dedupe_key`, a second
/// enqueue of the same key is a no-op (returns `false`): work that must never
/// be done twice (one certificate per completion) names itself.
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    kind: &str,
    payload: &impl Serialize,
    dedupe_key: Option<&str>,
) -> Result<bool, JobError> {
    let t = now();
    let model = job::ActiveModel {
        kind: Set(kind.to_owned()),
        payload: Set(serde_json::to_string(payload)?),
        dedupe_key: Set(dedupe_key.map(str::to_owned)),
        status: Set("pending".into()),
        attempts: Set(0),
        max_attempts: Set(DEFAULT_MAX_ATTEMPTS),
        run_at: Set(t),
        locked_by: Set(None),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(t),
        finished_at: Set(None),
        ..Default::default()
    };
    let res = job::Entity::insert(model)
        .on_conflict(
            OnConflict::column(job::Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(res > 0)
}

/// Whether a job whose dedupe key starts with `key_prefix` was queued at
/// or after `since` (work done at most once in a period).
pub async fn queued_since(
    conn: &impl ConnectionTrait,
    key_prefix: &str,
    since: i64,
) -> Result<bool, DbErr> {
    Ok(job::Entity::find()
        .filter(job::Column::DedupeKey.starts_with(key_prefix))
        .filter(job::Column::CreatedAt.gte(since))
        .count(conn)
        .await?
        > 0)
}

/// Claims the oldest due job of one of `kinds` (the kinds this worker can
/// run) for `worker`, for `lease_seconds`, or `None` when nothing is due.
/// Jobs of other kinds wait, untouched, for a worker that knows them; a job
/// whose lease passed (its worker died) is due again.
pub async fn claim(
    conn: &impl ConnectionTrait,
    worker: &str,
    kinds: &[&str],
    lease_seconds: i64,
) -> Result<Option<Job>, DbErr> {
    let t = now();
    let backend = conn.get_database_backend();
    let pg = is_postgres(conn);
    let mut values: Vec<sea_orm::Value> = vec![
        worker.into(),
        (t + lease_seconds).into(),
        t.into(),
        t.into(),
    ];
    let mut list = String::new();
    for k in kinds {
        values.push((*k).into());
        if !list.is_empty() {
            list.push_str(", ");
        }
        list.push_str(&if pg {
            format!("${}", values.len())
        } else {
            "?".to_owned()
        });
    }
    if list.is_empty() {
        return Ok(None);
    }
    let (p1, p2, p3, p4) = if pg {
        ("$1", "$2", "$3", "$4")
    } else {
        ("?", "?", "?", "?")
    };
    let lock = if pg { " FOR UPDATE SKIP LOCKED" } else { "" };
    let sql = format!(
        "UPDATE jobs SET attempts = attempts + 1, locked_by = {p1}, locked_until = {p2} \
         WHERE id = (SELECT id FROM jobs WHERE status = 'pending' AND run_at <= {p3} \
                     AND (locked_until IS NULL OR locked_until < {p4}) AND kind IN ({list}) \
                     ORDER BY run_at, id LIMIT 1{lock}) \
         RETURNING *"
    );
    let row = conn
        .query_one(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    row.map(|r| Job::from_query_result(&r, "")).transpose()
}

/// Marks a claimed job done. Only the worker holding the lease can.
pub async fn complete(conn: &impl ConnectionTrait, job: &Job, worker: &str) -> Result<(), DbErr> {
    job::Entity::update_many()
        .col_expr(job::Column::Status, "done".into())
        .col_expr(job::Column::FinishedAt, now().into())
        .col_expr(job::Column::LockedBy, Option::<String>::None.into())
        .col_expr(job::Column::LockedUntil, Option::<i64>::None.into())
        .col_expr(job::Column::LastError, Option::<String>::None.into())
        .filter(job::Column::Id.eq(job.id))
        .filter(job::Column::LockedBy.eq(worker))
        .exec(conn)
        .await?;
    Ok(())
}

/// Seconds to wait before attempt `attempts + 1`: 5 s doubling, capped at an hour.
pub fn backoff_seconds(attempts: i32) -> i64 {
    let exp = attempts.clamp(1, 20) as u32 - 1;
    (5_i64 << exp.min(10)).min(3600)
}

/// Records a failed run: retried later with backoff, or given up for good
/// after `max_attempts` (status `failed`, kept for the operator).
pub async fn fail(
    conn: &impl ConnectionTrait,
    job: &Job,
    worker: &str,
    error: &str,
) -> Result<(), DbErr> {
    let give_up = job.attempts >= job.max_attempts;
    let mut update = job::Entity::update_many()
        .col_expr(job::Column::LockedBy, Option::<String>::None.into())
        .col_expr(job::Column::LockedUntil, Option::<i64>::None.into())
        .col_expr(
            job::Column::LastError,
            error.chars().take(2000).collect::<String>().into(),
        );
    if give_up {
        update = update
            .col_expr(job::Column::Status, "failed".into())
            .col_expr(job::Column::FinishedAt, now().into());
    } else {
        update = update.col_expr(
            job::Column::RunAt,
            (now() + backoff_seconds(job.attempts)).into(),
        );
    }
    update
        .filter(job::Column::Id.eq(job.id))
        .filter(job::Column::LockedBy.eq(worker))
        .exec(conn)
        .await?;
    Ok(())
}

/// Gives back a job this worker claimed but did not run (graceful shutdown):
/// the claim does not count as an attempt and another worker takes it at once.
pub async fn release(conn: &impl ConnectionTrait, job: &Job, worker: &str) -> Result<(), DbErr> {
    job::Entity::update_many()
        .col_expr(job::Column::LockedBy, Option::<String>::None.into())
        .col_expr(job::Column::LockedUntil, Option::<i64>::None.into())
        .col_expr(job::Column::Attempts, (job.attempts - 1).max(0).into())
        .filter(job::Column::Id.eq(job.id))
        .filter(job::Column::LockedBy.eq(worker))
        .exec(conn)
        .await?;
    Ok(())
}

/// Jobs waiting to run (due or backing off), for metrics and readiness pages.
pub async fn pending_count(conn: &impl ConnectionTrait) -> Result<u64, DbErr> {
    job::Entity::find()
        .filter(job::Column::Status.eq("pending"))
        .count(conn)
        .await
}

/// Jobs that exhausted their attempts.
pub async fn failed_count(conn: &impl ConnectionTrait) -> Result<u64, DbErr> {
    job::Entity::find()
        .filter(job::Column::Status.eq("failed"))
        .count(conn)
        .await
}

#[cfg(test)]
mod tests {
    use super::backoff_seconds;

    #[test]
    fn backoff_doubles_from_five_seconds_and_stops_at_an_hour() {
        assert_eq!(backoff_seconds(1), 5);
        assert_eq!(backoff_seconds(2), 10);
        assert_eq!(backoff_seconds(5), 80);
        assert_eq!(backoff_seconds(12), 3600);
    }
}
