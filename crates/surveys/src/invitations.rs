//! Invitations: a course's follow-up, sent a set number of months after
//! each completion, once per person (the table's unique survey and
//! person), reminded once, answered through a signed link until it
//! expires.

use kuza_db::entities::survey_invitation;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Statement,
};

pub use kuza_db::entities::survey_invitation::Model as Invitation;

/// A course's follow-up goes out this many months after completion unless
/// its editors say otherwise.
pub const DEFAULT_MONTHS: i32 = 3;
/// The months a follow-up may be set to (0: none is sent).
pub const MONTHS: std::ops::RangeInclusive<i32> = 0..=24;
/// Completions are invited only while their follow-up is this recent (so
/// a course that turns its follow-up on does not mail years of alumni).
pub const WINDOW_SECONDS: i64 = 30 * 86_400;
/// A link works this long after it was sent.
pub const EXPIRES_SECONDS: i64 = 60 * 86_400;
/// One reminder, this long after the invitation, if not answered by then.
pub const REMIND_AFTER_SECONDS: i64 = 14 * 86_400;

/// A completion whose follow-up is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub enrollment_id: i32,
    pub user_id: i32,
    pub course_id: i32,
    pub completed_at: i64,
}

/// `now` less `months` calendar months (UTC).
pub fn months_before(now: i64, months: i32) -> i64 {
    let Some(t) = chrono::DateTime::from_timestamp(now, 0) else {
        return now;
    };
    t.checked_sub_months(chrono::Months::new(months.max(0) as u32))
        .map_or(now, |d| d.timestamp())
}

/// The completions whose follow-up is due at `now` and not yet sent (at
/// most `limit`, oldest first): completed at least their course's months
/// ago, within the window. One range of completion times per number of
/// months in use (read from the completions' time index), so a sweep reads
/// the window's completions, not all of them.
pub async fn due(conn: &impl ConnectionTrait, now: i64, limit: u64) -> Result<Vec<Due>, DbErr> {
    let backend = conn.get_database_backend();
    let mut months: Vec<i32> = conn
        .query_all(Statement::from_string(
            backend,
            format!(
                "SELECT DISTINCT COALESCE(months, {DEFAULT_MONTHS}) FROM surveys \
                 WHERE purpose = 'follow_up'"
            ),
        ))
        .await?
        .iter()
        .filter_map(|r| r.try_get_by_index::<i32>(0).ok())
        .filter(|m| *m > 0)
        .collect();
    if !months.contains(&DEFAULT_MONTHS) {
        months.push(DEFAULT_MONTHS);
    }
    let mut out: Vec<Due> = vec![];
    for m in months {
        let left = limit.saturating_sub(out.len() as u64);
        if left == 0 {
            break;
        }
        let cutoff = months_before(now, m);
        let sql = format!(
            "SELECT e.id, e.user_id, e.course_id, e.completed_at FROM enrollments e \
             LEFT JOIN surveys s ON s.course_id = e.course_id AND s.purpose = 'follow_up' \
             WHERE e.status = 'completed' AND e.completed_at <= {cutoff} \
             AND e.completed_at > {} AND COALESCE(s.months, {DEFAULT_MONTHS}) = {m} \
             AND NOT EXISTS (SELECT 1 FROM survey_invitations i \
                 WHERE i.survey_id = s.id AND i.user_id = e.user_id) \
             ORDER BY e.completed_at, e.id LIMIT {left}",
            cutoff - WINDOW_SECONDS
        );
        for r in conn.query_all(Statement::from_string(backend, sql)).await? {
            out.push(Due {
                enrollment_id: r.try_get_by_index(0)?,
                user_id: r.try_get_by_index(1)?,
                course_id: r.try_get_by_index(2)?,
                completed_at: r.try_get_by_index::<Option<i64>>(3)?.unwrap_or(0),
            });
        }
    }
    Ok(out)
}

/// Writes the invitation of `user` to the survey, sent now; `None` when
/// they had one (another process, a retry): only the writer sends it.
pub async fn invite(
    conn: &impl ConnectionTrait,
    survey_id: i32,
    user_id: i32,
    enrollment_id: Option<i32>,
    due_at: i64,
    now: i64,
) -> Result<Option<Invitation>, DbErr> {
    let written = survey_invitation::Entity::insert(survey_invitation::ActiveModel {
        survey_id: Set(survey_id),
        user_id: Set(user_id),
        enrollment_id: Set(enrollment_id),
        due_at: Set(due_at),
        sent_at: Set(Some(now)),
        reminded_at: Set(None),
        expires_at: Set(now + EXPIRES_SECONDS),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            survey_invitation::Column::SurveyId,
            survey_invitation::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?
        == 1;
    if !written {
        return Ok(None);
    }
    survey_invitation::Entity::find()
        .filter(survey_invitation::Column::SurveyId.eq(survey_id))
        .filter(survey_invitation::Column::UserId.eq(user_id))
        .one(conn)
        .await
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i32) -> Result<Option<Invitation>, DbErr> {
    survey_invitation::Entity::find_by_id(id).one(conn).await
}

/// Invitations to remind at `now`: sent long enough ago, not reminded,
/// not expired, not answered (at most `limit`).
pub async fn to_remind(
    conn: &impl ConnectionTrait,
    now: i64,
    limit: u64,
) -> Result<Vec<Invitation>, DbErr> {
    use sea_orm::{QueryOrder, QuerySelect};
    survey_invitation::Entity::find()
        .filter(survey_invitation::Column::SentAt.lte(now - REMIND_AFTER_SECONDS))
        .filter(survey_invitation::Column::RemindedAt.is_null())
        .filter(survey_invitation::Column::ExpiresAt.gt(now))
        .filter(Expr::cust(
            "NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.survey_id = survey_invitations.survey_id \
             AND r.user_id = survey_invitations.user_id AND r.status = 'submitted')",
        ))
        .order_by_asc(survey_invitation::Column::Id)
        .limit(limit)
        .all(conn)
        .await
}

/// Marks the invitation reminded; false when it already was (another
/// process reminded it): only the one that marks it sends the reminder.
pub async fn mark_reminded(conn: &impl ConnectionTrait, id: i32, now: i64) -> Result<bool, DbErr> {
    let r = survey_invitation::Entity::update_many()
        .col_expr(survey_invitation::Column::RemindedAt, Expr::value(now))
        .filter(survey_invitation::Column::Id.eq(id))
        .filter(survey_invitation::Column::RemindedAt.is_null())
        .exec(conn)
        .await?;
    Ok(r.rows_affected == 1)
}

/// How many were invited to these surveys in `[from, to)`.
pub async fn invited(
    conn: &impl ConnectionTrait,
    surveys: &[i32],
    from: i64,
    to: i64,
) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    survey_invitation::Entity::find()
        .filter(survey_invitation::Column::SurveyId.is_in(surveys.iter().copied()))
        .filter(survey_invitation::Column::SentAt.gte(from))
        .filter(survey_invitation::Column::SentAt.lt(to))
        .count(conn)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_calendar_months() {
        // 2026-05-31 less three months is 2026-02-28.
        let may_31 = 1_780_185_600;
        let feb_28 = 1_772_236_800;
        assert_eq!(months_before(may_31, 3), feb_28);
        assert_eq!(months_before(may_31, 0), may_31);
    }
}
