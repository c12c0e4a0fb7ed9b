//! The database layer: sea-orm entities and the connection.
//!
//! Both backends are compiled in; the URL picks one at run time
//! (`sqlite://…` or `postgres://…`). Nothing here knows HTTP, templates or
//! configuration files. Timestamps are Unix seconds (`i64`).

pub mod entities;
pub mod sql;
pub mod values;

use std::time::Duration;

pub use sea_orm;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection,
    DatabaseTransaction, DbErr, TransactionTrait,
};

/// Opens a pool on `url`. SQLite gets WAL, `synchronous=NORMAL`, foreign keys
/// and a busy timeout (sqlx sets none of these from the URL); the file is
/// created when missing.
pub async fn connect(url: &str, pool_size: u32) -> Result<DatabaseConnection, DbErr> {
    let url = if url.starts_with("sqlite:") && !url.contains("mode=") {
        let sep = if url.contains('?') { '&' } else { '?' };
        format!("{url}{sep}mode=rwc")
    } else {
        url.to_owned()
    };
    let mut opts = ConnectOptions::new(url);
    opts.max_connections(pool_size.max(2))
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        // No ping before every query: that doubled the round trips of a
        // page on PostgreSQL (measured in docs/benchmarks.md). A connection
        // that broke (a database restart) fails its next query, is dropped
        // by the pool, and the next request gets a fresh one.
        .test_before_acquire(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
        });
    Database::connect(opts).await
}

/// Begins a transaction that will write.
///
/// SQLite starts transactions deferred: one that reads and then writes fails
/// at once with "database is locked" if another connection committed a
/// write in between (its snapshot is stale; `busy_timeout` cannot help).
/// Making the first statement a write that changes nothing takes the write
/// lock at the start, as `BEGIN IMMEDIATE` would (sea-orm always sends a
/// plain `BEGIN`), so concurrent writers queue on the busy timeout instead.
/// PostgreSQL needs nothing.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    let txn = db.begin().await?;
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        txn.execute_unprepared("UPDATE seaql_migrations SET version = version WHERE 0")
            .await?;
    }
    Ok(txn)
}

/// True when the connection is PostgreSQL (row locking, sequences).
pub fn is_postgres(conn: &impl ConnectionTrait) -> bool {
    conn.get_database_backend() == DatabaseBackend::Postgres
}

/// Current time in Unix seconds: the one clock every crate uses.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Whether the database answers a trivial query (readiness).
pub async fn ping(conn: &DatabaseConnection) -> bool {
    conn.ping().await.is_ok()
}

/// True when the database refused a text value it cannot store: PostgreSQL
/// takes no NUL character in text (SQLSTATE 22021, or 22P05 for JSON), where
/// SQLite stores it. The caller sent that text: it is bad input, not a fault.
pub fn refused_text(e: &DbErr) -> bool {
    use sea_orm::RuntimeErr::SqlxError;
    use sea_orm::sqlx::Error::Database;
    match e {
        DbErr::Query(SqlxError(Database(d))) | DbErr::Exec(SqlxError(Database(d))) => {
            matches!(d.code().as_deref(), Some("22021" | "22P05"))
        }
        _ => false,
    }
}
