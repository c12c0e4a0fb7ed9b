//! Live sessions of a cohort and who attended them.
//!
//! A session is stored in UTC with the IANA time zone it takes place in
//! (pages show its local time there). Attendance is one row per session
//! and enrolment, changed in place. A course may require a share of its
//! cohort's sessions to be attended ([`Rate::meets`]); sessions a learner
//! was excused from are left out of the count.

use crate::Enrollment;
use kuza_db::entities::{attendance, live_session};
use kuza_db::now;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::str::FromStr;

pub use kuza_db::entities::attendance::Model as Attendance;
pub use kuza_db::entities::live_session::Model as Session;

pub use kuza_db::values::AttendanceStatus;

/// A session as an editor gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInput {
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub time_zone: String,
    pub venue: Option<String>,
    pub meeting_url: Option<String>,
    pub lesson_key: Option<String>,
}

/// The time zone by IANA name.
pub fn zone(name: &str) -> Option<chrono_tz::Tz> {
    chrono_tz::Tz::from_str(name.trim()).ok()
}

/// The limits of a session's fields.
pub const TITLE_MAX: usize = 200;
pub const VENUE_MAX: usize = 500;
pub const MEETING_URL_MAX: usize = 2000;

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl SessionInput {
    /// Every problem, as `(field, code)`. `live_lessons` are the keys of
    /// the course's live-session lessons.
    pub fn problems(&self, live_lessons: &[String]) -> Vec<(&'static str, &'static str)> {
        let mut p = vec![];
        let title = self.title.trim().chars().count();
        if title == 0 {
            p.push(("title", "required"));
        } else if title > TITLE_MAX {
            p.push(("title", "too_long"));
        } else if self.title.trim().contains(char::is_control) {
            // Titles and venues go into calendars and emails as one line.
            p.push(("title", "control_character"));
        }
        if self.ends_at <= self.starts_at {
            p.push(("ends_at", "before_start"));
        }
        if zone(&self.time_zone).is_none() {
            p.push(("time_zone", "unknown_time_zone"));
        }
        if given(&self.venue).is_some_and(|v| v.chars().count() > VENUE_MAX) {
            p.push(("venue", "too_long"));
        } else if given(&self.venue).is_some_and(|v| v.contains(char::is_control)) {
            p.push(("venue", "control_character"));
        }
        if let Some(url) = given(&self.meeting_url)
            && (!url.starts_with("https://")
                || url.len() > MEETING_URL_MAX
                || url.contains(char::is_whitespace))
        {
            p.push(("meeting_url", "not_https"));
        }
        if given(&self.venue).is_none() && given(&self.meeting_url).is_none() {
            p.push(("venue", "venue_or_link_required"));
        }
        if let Some(k) = given(&self.lesson_key)
            && !live_lessons.iter().any(|l| l == k)
        {
            p.push(("lesson_key", "not_a_live_lesson"));
        }
        p
    }

    fn model(&self) -> live_session::ActiveModel {
        live_session::ActiveModel {
            lesson_key: Set(given(&self.lesson_key).map(str::to_owned)),
            title: Set(self.title.trim().to_owned()),
            starts_at: Set(self.starts_at),
            ends_at: Set(self.ends_at),
            time_zone: Set(self.time_zone.trim().to_owned()),
            venue: Set(given(&self.venue).map(str::to_owned)),
            meeting_url: Set(given(&self.meeting_url).map(str::to_owned)),
            updated_at: Set(now()),
            ..Default::default()
        }
    }
}

pub async fn get(conn: &impl ConnectionTrait, id: i32) -> Result<Option<Session>, DbErr> {
    live_session::Entity::find_by_id(id).one(conn).await
}

/// A cohort's sessions in time order.
pub async fn of_cohort(conn: &impl ConnectionTrait, cohort_id: i32) -> Result<Vec<Session>, DbErr> {
    live_session::Entity::find()
        .filter(live_session::Column::CohortId.eq(cohort_id))
        .order_by_asc(live_session::Column::StartsAt)
        .order_by_asc(live_session::Column::Id)
        .all(conn)
        .await
}

/// The sessions of several cohorts in time order (a calendar feed).
pub async fn of_cohorts(
    conn: &impl ConnectionTrait,
    cohorts: &[i32],
) -> Result<Vec<Session>, DbErr> {
    if cohorts.is_empty() {
        return Ok(vec![]);
    }
    live_session::Entity::find()
        .filter(live_session::Column::CohortId.is_in(cohorts.iter().copied()))
        .order_by_asc(live_session::Column::StartsAt)
        .all(conn)
        .await
}

/// Creates a session from checked input (see [`SessionInput::problems`]).
pub async fn create(
    conn: &impl ConnectionTrait,
    cohort_id: i32,
    input: &SessionInput,
) -> Result<Session, DbErr> {
    let mut m = input.model();
    m.cohort_id = Set(cohort_id);
    m.created_at = Set(now());
    m.reminded_at = Set(None);
    let id = live_session::Entity::insert(m)
        .exec(conn)
        .await?
        .last_insert_id;
    get(conn, id)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("live session".into()))
}

/// Replaces a session's details; a new start time is reminded of again.
pub async fn update(
    conn: &impl ConnectionTrait,
    s: &Session,
    input: &SessionInput,
) -> Result<(), DbErr> {
    let mut m = input.model();
    m.id = Set(s.id);
    if input.starts_at != s.starts_at {
        m.reminded_at = Set(None);
    }
    live_session::Entity::update(m).exec(conn).await?;
    Ok(())
}

/// The attendance taken at a session.
pub async fn attendance_of(
    conn: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Vec<Attendance>, DbErr> {
    attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(session_id))
        .all(conn)
        .await
}

/// Records (or changes) whether a learner attended.
pub async fn set_attendance(
    conn: &impl ConnectionTrait,
    session_id: i32,
    enrollment_id: i32,
    status: AttendanceStatus,
    by: i32,
) -> Result<(), DbErr> {
    attendance::Entity::insert(attendance::ActiveModel {
        session_id: Set(session_id),
        enrollment_id: Set(enrollment_id),
        status: Set(status),
        recorded_by: Set(Some(by)),
        recorded_at: Set(now()),
    })
    .on_conflict(
        OnConflict::columns([
            attendance::Column::SessionId,
            attendance::Column::EnrollmentId,
        ])
        .update_columns([
            attendance::Column::Status,
            attendance::Column::RecordedBy,
            attendance::Column::RecordedAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// A learner's attendance in their cohort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Rate {
    pub present: u64,
    /// The cohort's sessions less those the learner was excused from.
    pub counted: u64,
}

impl Rate {
    /// Whether it reaches `percent`. Nothing to attend meets any rule.
    pub fn meets(&self, percent: i32) -> bool {
        self.present * 100 >= u64::try_from(percent).unwrap_or(100) * self.counted
    }
}

pub async fn rate(conn: &impl ConnectionTrait, e: &Enrollment) -> Result<Rate, DbErr> {
    let Some(cohort) = e.cohort_id else {
        return Ok(Rate {
            present: 0,
            counted: 0,
        });
    };
    let total = live_session::Entity::find()
        .filter(live_session::Column::CohortId.eq(cohort))
        .count(conn)
        .await?;
    let mine = attendance::Entity::find()
        .filter(attendance::Column::EnrollmentId.eq(e.id))
        .all(conn)
        .await?;
    let present = mine
        .iter()
        .filter(|a| a.status == AttendanceStatus::Present)
        .count() as u64;
    let excused = mine
        .iter()
        .filter(|a| a.status == AttendanceStatus::Excused)
        .count() as u64;
    Ok(Rate {
        present,
        counted: total.saturating_sub(excused),
    })
}

/// Sessions starting within `within` seconds that have not been reminded
/// of; marks them reminded (in the caller's transaction).
pub async fn take_due_reminders(
    conn: &impl ConnectionTrait,
    within: i64,
) -> Result<Vec<Session>, DbErr> {
    let t = now();
    let due = live_session::Entity::find()
        .filter(live_session::Column::RemindedAt.is_null())
        .filter(live_session::Column::StartsAt.gt(t))
        .filter(live_session::Column::StartsAt.lte(t + within))
        .all(conn)
        .await?;
    let mut taken = vec![];
    for s in due {
        // Another process's worker may take it first: only one sends.
        let claimed = live_session::Entity::update_many()
            .col_expr(live_session::Column::RemindedAt, Some(t).into())
            .filter(live_session::Column::Id.eq(s.id))
            .filter(live_session::Column::RemindedAt.is_null())
            .exec(conn)
            .await?
            .rows_affected;
        if claimed == 1 {
            taken.push(s);
        }
    }
    Ok(taken)
}
