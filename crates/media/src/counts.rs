//! View and download counts, one row per subject per UTC day: `course`
//! (key: the course id), `lesson` (key: the lesson's stable key) and
//! `media` (key: the media id). The server adds them up in memory and hands
//! them here in batches; reports read totals over any period.

use kuza_db::entities::view_count;
use sea_orm::sea_query::{Alias, Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::BTreeMap;

/// The subjects counted.
pub const SUBJECTS: [&str; 3] = ["course", "lesson", "media"];

/// Days since 1970-01-01 (UTC) for a Unix time.
pub fn day_of(unix_seconds: i64) -> i32 {
    unix_seconds.div_euclid(86_400) as i32
}

/// One batch line: `count` more views of `subject`/`key` on `day`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub subject: &'static str,
    pub key: String,
    pub course_id: i32,
    pub day: i32,
    pub count: i64,
}

/// Adds a batch to the stored counts in one statement: `INSERT … ON
/// CONFLICT (subject, subject_key, day) DO UPDATE SET count = count +
/// excluded.count`, the same on SQLite and PostgreSQL. Each
/// (subject, key, day) must appear once in the batch.
pub async fn add(conn: &impl ConnectionTrait, batch: &[Tally]) -> Result<(), DbErr> {
    if batch.is_empty() {
        return Ok(());
    }
    let rows = batch.iter().map(|t| view_count::ActiveModel {
        subject: Set(t.subject.to_owned()),
        subject_key: Set(t.key.clone()),
        course_id: Set(t.course_id),
        day: Set(t.day),
        count: Set(t.count),
    });
    view_count::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                view_count::Column::Subject,
                view_count::Column::SubjectKey,
                view_count::Column::Day,
            ])
            .value(
                view_count::Column::Count,
                Expr::col((view_count::Entity, view_count::Column::Count)).add(Expr::col((
                    Alias::new("excluded"),
                    view_count::Column::Count,
                ))),
            )
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// A course's counts over `from..=to` (days): the total per subject (every
/// subject present, zero when none) and the total per counted item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub per_subject: BTreeMap<String, i64>,
    /// (subject, key) → count, in subject then key order.
    pub per_item: BTreeMap<(String, String), i64>,
}

pub async fn totals(
    conn: &impl ConnectionTrait,
    course_id: i32,
    from: i32,
    to: i32,
) -> Result<Totals, DbErr> {
    let rows: Vec<(String, String, i64)> = view_count::Entity::find()
        .select_only()
        .column(view_count::Column::Subject)
        .column(view_count::Column::SubjectKey)
        // SUM of a BIGINT is NUMERIC on PostgreSQL: back to BIGINT.
        .column_as(
            view_count::Column::Count
                .sum()
                .cast_as(Alias::new("BIGINT")),
            "total",
        )
        .filter(view_count::Column::CourseId.eq(course_id))
        .filter(view_count::Column::Subject.is_in(SUBJECTS))
        .filter(view_count::Column::Day.between(from, to))
        .group_by(view_count::Column::Subject)
        .group_by(view_count::Column::SubjectKey)
        .order_by_asc(view_count::Column::Subject)
        .into_tuple()
        .all(conn)
        .await?;
    let mut t = Totals::default();
    for s in SUBJECTS {
        t.per_subject.insert(s.to_owned(), 0);
    }
    for (subject, key, n) in rows {
        *t.per_subject.entry(subject.clone()).or_default() += n;
        t.per_item.insert((subject, key), n);
    }
    Ok(t)
}
